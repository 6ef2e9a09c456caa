"""The page registry (components/pages.py): every page script exists, each calls page_shell with its registered name
and nothing the registry holds, and no module outside the registry writes a page's path."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from components.pages import BY_NAME, ENTRY_POINT, PAGES, SIDEBAR, page

PROJECT = Path(__file__).resolve().parents[2]


def _shell_call(script: str) -> ast.Call:
    tree = ast.parse((PROJECT / script).read_text(encoding="utf-8"))
    calls = [
        node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "page_shell"
    ]
    assert len(calls) == 1, f"{script} calls page_shell {len(calls)} times"
    return calls[0]


class TestRegistry:
    def test_every_script_in_pages_is_registered_and_every_registered_script_exists(self):
        registered = {p.script for p in PAGES}
        assert registered == {ENTRY_POINT, *(f"pages/{path.name}" for path in (PROJECT / "pages").glob("*.py"))}

    def test_names_and_addresses_are_unique(self):
        assert len(BY_NAME) == len(PAGES)
        assert len({p.url_path for p in PAGES}) == len(PAGES)

    def test_the_entry_point_is_at_the_root_and_the_others_at_their_script_name(self):
        assert page("overview").url_path == "/"
        assert page("matrix").url_path == "/matrix"

    def test_the_sidebar_starts_with_the_overview_and_leaves_out_briefing_mode(self):
        assert SIDEBAR[0].script == ENTRY_POINT
        assert page("present") not in SIDEBAR

    def test_an_unknown_name_is_an_error_that_names_it(self):
        with pytest.raises(KeyError, match="no page named 'atlantis'"):
            page("atlantis")


@pytest.mark.parametrize("registered", PAGES, ids=lambda p: p.name)
def test_the_script_names_its_page_and_leaves_title_and_params_to_the_registry(registered):
    call = _shell_call(registered.script)
    assert [ast.literal_eval(arg) for arg in call.args] == [registered.name]
    assert {keyword.arg for keyword in call.keywords} <= {"presenting", "illustrative_first"}


class TestLinkChecks:
    def test_each_page_reads_exactly_the_params_it_checks(self):
        assert page("timeline").params == ("zoom", "event")
        assert page("sources").params == ("span", "q")
        assert page("present").params == ("topic",)
        assert page("negotiation").params == ()

    def test_a_check_keeps_a_known_value_and_refuses_an_unknown_one(self):
        zoom = page("timeline").checks["zoom"]
        assert zoom("all", None) == "all"
        assert zoom("<script>", None) is None

    def test_briefing_modes_steps_are_accepted_before_any_issue_is_looked_up(self):
        step = page("present").checks["topic"]
        assert [step(name, None) for name in ("opening", "one-sided", "closing")] == ["opening", "one-sided", "closing"]


def test_no_module_writes_a_pages_path_the_registry_holds():
    paths = {p.script for p in PAGES if p.script != ENTRY_POINT} | {p.url_path for p in PAGES if p.url_path != "/"}
    written = re.compile("|".join(rf"[\"']{re.escape(path)}[\"'?]" for path in sorted(paths)))
    modules = [path for folder in ("components", "pages", "briefing") for path in (PROJECT / folder).rglob("*.py")]
    offenders = [
        f"{module.relative_to(PROJECT)}: {match.group(0)}"
        for module in [*modules, PROJECT / "app.py"]
        if module != PROJECT / "components" / "pages.py"
        for match in written.finditer(module.read_text(encoding="utf-8"))
    ]
    assert not offenders
