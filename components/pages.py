"""Every page of the app, once: its script, address, title, icon and own link params with their validators.

page_shell, the sidebar, every link to a page, the tests, the benchmark, the load test and the screenshots all read
this list, so adding a page is one line here (and its script in pages/).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from components.link_state import ParamCheck
from components.params import cell_param, event_param, region_param, search_param, span_param, step_param, zoom_param

ENTRY_POINT = "app.py"


@dataclass(frozen=True)
class Page:
    """One page: ``script`` is relative to the project; ``checks`` validate the link params it reads beside the
    filter, by name (page_shell keeps the value each returns and drops the rest with a notice)."""

    name: str
    script: str
    title: str
    icon: str
    checks: Mapping[str, ParamCheck] = field(default_factory=dict, compare=False)
    in_sidebar: bool = True  # briefing mode is opened by the sidebar's toggle, not by a link
    needs_editing: bool = False  # listed in the navigation only while editing is switched on

    @property
    def params(self) -> tuple[str, ...]:
        """The names of the page's own link params."""
        return tuple(self.checks)

    @property
    def url_path(self) -> str:
        """The address under the server's base URL: "/" for the entry point, else "/<script name>" (pages/ mode)."""
        return "/" if self.script == ENTRY_POINT else f"/{PurePosixPath(self.script).stem}"


PAGES: tuple[Page, ...] = (
    Page("overview", ENTRY_POINT, "Overview", ":material/dashboard:"),
    Page("matrix", "pages/matrix.py", "Position matrix", ":material/grid_on:", {"cell": cell_param}),
    Page("timeline", "pages/timeline.py", "Timeline", ":material/timeline:", {"zoom": zoom_param, "event": event_param}),
    Page("regional", "pages/regional.py", "Poland & Baltic states", ":material/map:", {"region": region_param}),
    Page("sources", "pages/sources.py", "Source viewer", ":material/article:", {"span": span_param, "q": search_param}),
    Page("negotiation", "pages/negotiation.py", "Negotiation space", ":material/handshake:"),
    Page("workbench", "pages/workbench.py", "Coding workbench", ":material/edit_note:", needs_editing=True),
    Page("present", "pages/present.py", "Briefing mode", ":material/slideshow:", {"topic": step_param}, in_sidebar=False),
)
BY_NAME = {page.name: page for page in PAGES}
SIDEBAR = tuple(page for page in PAGES if page.in_sidebar)  # every page with an address of its own
OVERVIEW = BY_NAME["overview"]
PRESENT = BY_NAME["present"]


def navigation(editing: bool) -> tuple[Page, ...]:
    """The pages the sidebar and the overview link to: the workbench only while editing is on (its address still
    answers, with the page saying editing is off)."""
    return tuple(page for page in SIDEBAR if editing or not page.needs_editing)


def page(name: str) -> Page:
    """The page of this name; an unknown name is an error that names it."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"no page named {name!r}; pages: {', '.join(BY_NAME)}") from None
