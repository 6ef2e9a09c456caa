"""AppTest helpers: run a page of the real app, with real data, from the entry point."""

from __future__ import annotations

import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from components.pages import BY_NAME, ENTRY_POINT, page

PROJECT = Path(__file__).resolve().parents[2]
PAGES = tuple(BY_NAME)  # every page's name


def run_page(name: str, **params) -> AppTest:
    """A fresh session that opens the page of this name with these query params (lists give repeated keys); the page
    ran without an exception, so a test that finds nothing shown knows the page did not stop on an error."""
    script = page(name).script
    app = AppTest.from_file(str(PROJECT / ENTRY_POINT), default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    if script != ENTRY_POINT:
        app.switch_page(script)
    app.run()
    assert not app.exception, f"{name} raised: " + "\n".join(raised(app))
    return app


def raised(app: AppTest) -> list[str]:
    """Each exception the page showed: its type, message and stack trace."""
    return [f"{e.proto.type}: {e.value}\n" + "\n".join(e.stack_trace) for e in app.exception]


def components_named(app: AppTest, name: str) -> list[dict]:
    """The data each two-way component of this name (e.g. "briefing.stance_grid") was sent, in page order."""
    return [json.loads(element.proto.json) for element in app.get("bidi_component") if element.proto.component_name == name]


def drawings(app: AppTest) -> list[str]:
    """The markup of each figure drawn on the server (components/svg_figure.py), in page order."""
    return [item["markup"] for item in components_named(app, "briefing.svg_figure")]


def linked_markups(app: AppTest) -> list[str]:
    """The markup of each drawn element with in-session links (the matrix's position cards), in page order."""
    return [item["markup"] for item in components_named(app, "briefing.linked_markup")]


def matrix_grid(app: AppTest) -> tuple[list[str], list[str], list[list[str]]]:
    """The position matrix as sent to the page: its issue columns (ids), its party rows (names) and the words in
    every cell."""
    grid = matrix_grid_data(app)
    return (
        [issue["id"] for issue in grid["issues"]],
        [row["name"] for row in grid["rows"]],
        [[cell["words"] for cell in row["cells"]] for row in grid["rows"]],
    )


def matrix_grid_data(app: AppTest) -> dict:
    """The JSON the stance grid component is drawn from."""
    grids = components_named(app, "briefing.stance_grid")
    assert len(grids) == 1, f"{len(grids)} grids on the page"
    return grids[0]


def html_bodies(app: AppTest) -> list[str]:
    return [element.proto.body for element in app.get("html")]


def unescaped(text: str) -> str:
    """Markdown's backslash escapes taken out: the text a reader sees."""
    return re.sub(r"\\(.)", r"\1", text)


def markdown_texts(app: AppTest) -> list[str]:
    """The page's Markdown as a reader reads it: the data's escapes (briefing.markdown) taken out."""
    return [unescaped(element.value) for element in app.markdown]


def as_list(value) -> list[str]:
    """AppTest gives a single query value as a string and repeated ones as a list."""
    return [value] if isinstance(value, str) else list(value)
