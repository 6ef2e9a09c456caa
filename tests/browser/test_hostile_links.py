"""Hostile or malformed link parameters are dropped with a notice and never reach the page as markup or script."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
SVG = "<svg onload=alert(3)>"

CASES = {
    "overview": ("/", f"issue={quote(SCRIPT)}&issue=ceasefire&zzz=1"),
    "matrix": ("/matrix", f"issue={quote(SCRIPT)}&issue=ceasefire&zzz=1&cell={quote(SVG)}"),
    "sources": ("/sources", f"issue={quote(SCRIPT)}&issue=ceasefire&zzz=1&span={quote(SCRIPT)}&q={quote(IMG)}"),
}

INJECTED_JS = """() => {
  const scripts = [...document.querySelectorAll('script')].filter(s => /alert\\(/.test(s.textContent));
  const handlers = [...document.querySelectorAll('[onerror], [onload]')].map(e => e.outerHTML.slice(0, 120));
  const images = [...document.querySelectorAll('img[src="x"]')].map(e => e.outerHTML);
  return {scripts: scripts.map(s => s.outerHTML.slice(0, 120)), handlers, images};
}"""


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_params_show_a_notice_and_inject_nothing(app, name):
    """Script-bearing and unknown params give a stAlert notice, no dialog, no injected element, no exception."""
    path, query = CASES[name]
    app.goto(f"{path}?{query}")
    app.let_handlers_run()
    app.snap(f"hostile-{name}")

    notices = app.by_testid("stAlert").filter(has_text="Ignored")
    expect(notices.first).to_be_visible()
    text = " ".join(notices.all_inner_texts())
    assert "unknown issue value" in text and "zzz" in text
    assert "<script" not in text and "alert(" not in text

    assert app.page.evaluate(INJECTED_JS) == {"scripts": [], "handlers": [], "images": []}
    assert app.chips("Issues") == ["Ceasefire"]
    _path, params = app.path_and_query()
    assert params.get("issue") == ["ceasefire"] and "zzz" not in params
    assert not [value for key, values in params.items() if key != "q" for value in values if "<" in value], params
    if name == "sources":  # free-text search keeps the value, but only ever as the text box's value
        assert params.get("q") == [IMG]
        assert app.by_testid("stTextInput").locator("input").input_value() == IMG
    assert app.dialogs == []
    app.assert_clean()
