"""The page registry (components/pages.py): every page script exists, and each passes page_shell its registered title
and exactly its registered link params."""

from __future__ import annotations

import ast
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
def test_the_script_shows_its_registered_title_and_reads_its_registered_params(registered):
    call = _shell_call(registered.script)
    assert ast.unparse(call.args[0]) == f"page({registered.name!r}).title"
    given = {keyword.arg: keyword.value for keyword in call.keywords}
    params = given.get("params")
    keys = tuple(ast.literal_eval(key) for key in params.keys) if isinstance(params, ast.Dict) else ()
    assert keys == registered.params
