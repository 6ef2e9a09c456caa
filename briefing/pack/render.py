"""The pack as HTML (autoescaped) and Markdown (every inserted value Markdown-escaped), from Jinja2 templates."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from briefing.markdown import markdown_escape
from briefing.pack.model import PackContent
from briefing.pack.pictures import Pictures
from briefing.readings import cell_key

TEMPLATES = Path(__file__).parent / "templates"


def _readable(value: object) -> str:
    """A value of the pack's .md: escaped for Markdown, still readable raw (briefing.markdown says why)."""
    return markdown_escape(value, readable=True)


_html = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
# Markdown, not HTML: finalize escapes every {{ value }} for Markdown (< and > included, so no raw HTML gets through),
# as autoescape does for HTML; the only Markdown syntax is the template's own
_markdown = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=False,  # noqa: S701 - Markdown output: finalize escapes every value instead
    finalize=_readable,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


for _environment in (_html, _markdown):
    _environment.globals["cell_key"] = cell_key()  # the matrix's markers in words, as the screen's legend


def render_pack_html(pack: PackContent, template: str = "pack.html", pictures: Pictures | None = None) -> Markup:
    """The pack as one HTML document with inline styles and the pictures inline (None: a note says where they are);
    `template` may extend pack.html (the print layout does)."""
    return Markup(_html.get_template(template).render(pack=pack, pictures=pictures))  # noqa: S704 autoescaped by the environment


def render_pack_markdown(pack: PackContent) -> str:
    return _markdown.get_template("pack.md").render(pack=pack)


def render_footer(title: str) -> str:
    """The PDF's footer: the pack's title; Chromium fills in the page number and the page count."""
    return _html.get_template("footer.html").render(title=title)
