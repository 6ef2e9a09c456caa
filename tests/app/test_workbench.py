"""The coding workbench page, run with AppTest on a copy of the test corpus: off by default, on by the switch,
coding a typed quote into a brief, a concurrent change refused without loss, undo, a new brief, hostile text."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from briefing import editing
from briefing.frames import Selection
from briefing.load import Layout, load_corpus, parse_yaml
from briefing.pack import pack_html
from briefing.store import load_frames
from tests.app.helpers import PROJECT
from tests.conftest import CORPUS

BRIEF = "data/briefs/lavrov-red-line-2026-01.yaml"
QUOTE = "Moscow's negotiation bottom line"
SCRIPT = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> Poland would back a ceasefire'
WRITING_KEYS = ("wb_save", "wb_new_create", "wb_undo", "wb_tax_add", "wb_find")


@pytest.fixture
def root(tmp_path, monkeypatch) -> Path:
    """A copy of the test corpus that the page reads and writes; never the repository's data/."""
    shutil.copytree(CORPUS, tmp_path / "root")
    monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path / "root"))
    monkeypatch.delenv("BRIEFING_EDITING", raising=False)
    return tmp_path / "root"


def hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def workbench(query: dict | None = None, **secrets) -> AppTest:
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    for name, value in secrets.items():
        app.secrets[name] = value
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.switch_page("pages/workbench.py")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def keys(app: AppTest) -> set[str]:
    return {widget.key for kind in ("button", "text_area", "text_input", "selectbox", "radio") for widget in app.get(kind) if widget.key}


def code_position(app: AppTest, summary: str = "Poland would back a ceasefire, in the analyst's reading.") -> AppTest:
    """Open the Lavrov brief, find the quote, fill a position."""
    app.selectbox(key="wb_brief").select("lavrov-red-line-2026-01").run()
    app.text_area(key="wb_quote").input(QUOTE).run()
    app.button(key="wb_find").click().run()
    app.selectbox(key="wb_f_position_party").select("poland").run()
    app.selectbox(key="wb_f_position_issue").select("ceasefire").run()
    app.selectbox(key="wb_f_position_stance").select("support").run()
    app.radio(key="wb_f_position_claim_type").set_value("assessment").run()
    app.text_input(key="wb_f_position_date").input("2026-01-23/2026-01-24").run()
    app.text_area(key="wb_f_position_summary").input(summary).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


class TestOff:
    def test_off_by_default_says_how_to_switch_it_on_and_offers_no_control_that_writes(self, root):
        before = hashes(root)
        app = workbench({"brief": "lavrov-red-line-2026-01", "save": "1", "action": "position"})
        assert [t.value for t in app.title] == ["Coding workbench"]
        text = " ".join(i.value for i in app.info)
        assert "Editing is off" in text and "BRIEFING_EDITING=1" in text and "secrets.toml" in text
        assert not keys(app) & set(WRITING_KEYS)
        assert not app.get("file_uploader") and not [w for w in app.text_area if w.key and w.key.startswith("wb_")]
        assert hashes(root) == before

    def test_with_a_login_configured_only_a_signed_in_editor_gets_further(self, root, monkeypatch):
        monkeypatch.setenv("BRIEFING_EDITING", "1")
        auth = {
            "redirect_uri": "http://localhost:8501/oauth2callback",
            "cookie_secret": "x" * 32,
            "client_id": "id",
            "client_secret": "secret",
            "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
        }
        app = workbench(auth=auth, briefing={"editing": True, "editors": ["ana@example.org"]})
        assert app.button(key="login")
        assert not keys(app) & set(WRITING_KEYS)


class TestOn:
    def test_the_secrets_switch_turns_it_on(self, root):
        app = workbench(briefing={"editing": True})
        assert "wb_find" in keys(app) and "wb_new_create" in keys(app)
        assert any("no login is configured" in c.value for c in app.caption)

    def test_a_typed_quote_coded_as_a_position_is_saved_validated_and_logged(self, root, monkeypatch):
        monkeypatch.setenv("BRIEFING_EDITING", "1")
        app = code_position(workbench())
        assert any("23–24 January 2026: two days" in c.value for c in app.caption)
        app.button(key="wb_save").click().run()
        assert any("Saved new position `pos-poland-ceasefire-assessment`" in s.value for s in app.success)
        saved = parse_yaml((root / BRIEF).read_bytes())["positions"][-1]
        seed = (root / "seeds" / "lavrov-red-line-2026-01-30.txt").read_text(encoding="utf-8")
        span = saved["evidence"][0]
        assert seed[span["start"] : span["end"]] == span["quote"] == QUOTE
        assert saved["date"] == "2026-01-23/2026-01-24" and saved["party"] == "poland"
        assert not load_corpus(layout=Layout(root=root)).problems
        [entry] = editing.read_log(Layout(root=root))
        assert entry["record"] == "pos-poland-ceasefire-assessment" and entry["editor"].startswith("local editor")
        assert any("Select a passage" in i.value for i in app.info)  # ready for the next passage, with an empty form
        app.button(key="wb_find").click().run()
        assert app.text_area(key="wb_f_position_summary").value == ""

    def test_undo_is_one_button(self, root, monkeypatch):
        monkeypatch.setenv("BRIEFING_EDITING", "1")
        before = hashes(root)
        app = code_position(workbench())
        app.button(key="wb_save").click().run()
        app.button(key="wb_undo").click().run()
        assert any("Undone" in s.value for s in app.success)
        after = hashes(root)
        after.pop("data/edit-log.jsonl")
        assert after == before

    def test_a_change_made_meanwhile_is_refused_and_the_form_keeps_its_content(self, root, monkeypatch):
        monkeypatch.setenv("BRIEFING_EDITING", "1")
        app = code_position(workbench(), summary="Entered before the other save.")
        path = root / BRIEF
        path.write_text(path.read_text(encoding="utf-8") + "# another editor's change\n", encoding="utf-8")
        changed = path.read_bytes()
        app.button(key="wb_save").click().run()
        assert any("changed since you opened it" in e.value for e in app.error)
        assert path.read_bytes() == changed
        assert app.text_area(key="wb_f_position_summary").value == "Entered before the other save."
        app.button(key="wb_reload").click().run()
        app.button(key="wb_save").click().run()
        assert any("Saved new position" in s.value for s in app.success)
        text = path.read_text(encoding="utf-8")
        assert "# another editor's change" in text and "Entered before the other save." in text

    def test_a_script_in_a_summary_is_stored_as_typed_and_shown_as_text(self, root, monkeypatch):
        monkeypatch.setenv("BRIEFING_EDITING", "1")
        app = code_position(workbench(), summary=SCRIPT)
        app.button(key="wb_save").click().run()
        assert parse_yaml((root / BRIEF).read_bytes())["positions"][-1]["summary"] == SCRIPT
        assert any("<script>window.pwned=1</script>" in block.value for block in app.code)  # the trail's diff, as text
        for element in app.get("html"):
            assert "<script>window.pwned" not in element.proto.body
        pack = pack_html(load_frames(Layout(root=root), use_cache=False), Selection())
        assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in pack and "<script>window.pwned" not in pack

    def test_a_new_brief_from_pasted_text(self, root, monkeypatch):
        monkeypatch.setenv("BRIEFING_EDITING", "1")
        app = workbench()
        app.text_area(key="wb_new_text").input("Kraków, 2 February 2026 😀\nThe ministers met in Kraków.\n").run()
        app.text_input(key="wb_new_id").input("krakow-note-2026-02").run()
        app.text_input(key="wb_new_title").input("A note from Kraków").run()
        app.date_input(key="wb_new_published").set_value(dt.date(2026, 2, 2)).run()
        app.button(key="wb_new_create").click().run()
        assert not app.exception and not app.error, [e.value for e in app.error]
        assert (root / "seeds" / "krakow-note-2026-02.txt").read_text(encoding="utf-8").startswith("Kraków, 2 February 2026 😀")
        assert parse_yaml((root / "data/briefs/krakow-note-2026-02.yaml").read_bytes())["title"] == "A note from Kraków"
        assert app.selectbox(key="wb_brief").value == "krakow-note-2026-02"
