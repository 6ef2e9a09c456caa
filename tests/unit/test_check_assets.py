"""The components' scripts, styles and markup live in files of their own (components/assets), and `make check`
parses each one (scripts/check_assets.py): every shipped file passes, and a broken one is named with its line."""

from __future__ import annotations

import json
import re

import esprima
import pytest

from components.assets import asset, stylesheet
from scripts.check_assets import PROJECT, assets, css_problems, html_problems, js_problems, main, problems


class TestShipped:
    def test_every_file_parses(self):
        shipped = assets()
        assert {path.suffix for path in shipped} == {".js", ".css", ".html"}
        assert problems(shipped) == []

    def test_no_module_keeps_a_script_or_a_style_sheet_in_a_python_string(self):
        # what the check cannot see: code written into a module again ("<style>" then CSS in the same literal)
        signs = re.compile(r"<style>[^\"']|export default function|addEventListener\(")
        modules = [
            PROJECT / "app.py",
            *(path for folder in ("briefing", "components", "pages") for path in (PROJECT / folder).rglob("*.py")),
        ]
        for module in modules:
            found = signs.search(module.read_text(encoding="utf-8"))
            assert not found, f"{module.relative_to(PROJECT)} holds {found.group()!r}: put it in a file of its own"

    def test_the_source_viewers_script_is_one_call_that_parses(self):
        from components.sources import TARGET_ID, target_script

        script = target_script()
        esprima.parseScript(script)
        assert script.endswith(f"({json.dumps(TARGET_ID)});")


class TestLoader:
    def test_a_file_is_read_once(self):
        assert asset("stance_grid.js") is asset("stance_grid.js")

    def test_a_missing_file_is_named(self):
        with pytest.raises(FileNotFoundError, match="no-such.css"):
            asset("no-such.css")

    def test_a_style_sheet_is_one_style_element(self):
        style = stylesheet("shell.css")
        assert style.startswith("<style>") and style.endswith("</style>") and style.count("<style>") == 1


class TestJavaScript:
    def test_a_syntax_error_is_found_on_its_line(self):
        assert js_problems("export default function (component) {\n  const x = ;\n}\n") == [(2, "Unexpected token ;")]

    def test_a_module_parses(self):
        assert js_problems("export default function (component) {\n  const { data } = component;\n  return () => data;\n}\n") == []


class TestCss:
    @pytest.mark.parametrize(
        ("text", "line"),
        [
            (".a { color: red; }\n.b { color red; }\n", 2),  # no colon
            (".a { color: red margin: 0; }\n", 1),  # a ';' missing
            (".a { color: red; }\n}\n.b { color: blue; }\n", 2),  # a stray brace
            ('.a { content: "open }\n', 1),  # a string left open
            (".a { color: red;\n", 2),  # a block left open
            ("@media (max-width: 30rem) {\n  .a { color: red; }\n", 3),  # an at-rule's block left open
            (".a { color: red; } /* a comment left open\n", 2),
        ],
    )
    def test_an_error_is_found_on_its_line(self, text, line):
        found = css_problems(text)
        assert found and found[0][0] == line, found

    def test_nested_blocks_and_comments_parse(self):
        text = '/* c */\n@container (max-width: 36rem) {\n  .a td:not(:first-child)::before { content: attr(x) ": "; }\n}\n'
        assert css_problems(text) == []


class TestHtml:
    def test_an_element_closed_out_of_order_is_found(self):
        assert (1, "</div> where </span> was due") in html_problems("<div><span></div>")

    def test_an_element_never_closed_is_found(self):
        assert html_problems('<div class="a">\n  <p>text</p>\n') == [(1, "<div> is never closed")]

    def test_void_elements_need_no_end_tag(self):
        assert html_problems('<p>a<br><input type="text"></p>') == []


def test_the_command_names_the_broken_file_and_fails(tmp_path, capsys):
    broken = tmp_path / "broken.js"
    broken.write_text("export default function (component) {\n  if (component {\n}\n", encoding="utf-8")
    fine = tmp_path / "fine.css"
    fine.write_text(".a { color: red; }\n", encoding="utf-8")
    assert main([str(broken), str(fine)]) == 1
    captured = capsys.readouterr()
    assert f"{broken}:2: " in captured.err and "fine.css" not in captured.err
    assert "2 files parsed" in captured.out
    assert main([str(fine)]) == 0
