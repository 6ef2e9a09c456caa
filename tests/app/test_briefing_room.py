"""Several briefs, versioned permalinks, the share box and the briefing pack, through AppTest."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from markupsafe import escape

from briefing.figures.timeline import UNDATED_CAPTION
from briefing.load import Layout
from briefing.negotiation import issue_verdict
from briefing.presenting import verdict_line
from briefing.store import cache_dir, data_version, load_frames
from components.data import RECHECK_SECONDS
from components.history import HISTORY_KEY
from components.share import SHARE_KEY
from tests.app.helpers import PROJECT, html_bodies, markdown_texts, run_page
from tests.conftest import CORPUS
from tests.waiting import wait_for

LAVROV = "lavrov-red-line-2026-01"
FOLLOW_UP = "energy-truce-follow-up-2026-02"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    shutil.copytree(CORPUS / "data", tmp_path / "data")
    shutil.copytree(CORPUS / "seeds", tmp_path / "seeds")
    monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path))
    return tmp_path


class TestBriefs:
    def test_brief_selector_lists_every_brief(self):
        app = run_page("overview")
        selector = app.selectbox(key="brief_filter_widget")
        assert LAVROV in selector.options[1:] or any("Lavrov" in o for o in selector.options)
        assert len(selector.options) == 3  # all, and each of the two briefs

    def test_brief_param_limits_the_views(self):
        app = run_page("timeline", brief=FOLLOW_UP)
        assert app.session_state["selection"].briefs == (FOLLOW_UP,)
        assert any("No event matches" in info.value for info in app.info)  # the note records no event
        january = run_page("timeline", brief=LAVROV)
        undated = " ".join(body for body in html_bodies(january) if UNDATED_CAPTION in body)
        assert "Washington peace plan" in undated

    def test_merged_overview_has_judgments_of_both_briefs(self):
        app = run_page("overview")
        app.session_state["all_key_judgments"] = True  # the expander holding every key judgment, opened
        texts = markdown_texts(app.run())
        assert any(re.match(r"\*\*\d+\.\*\* The note judges", text) for text in texts)
        assert any("Lavrov's remarks are not isolated rhetoric" in text for text in texts)

    def test_stance_history_names_a_later_reading_by_another_author(self):
        app = run_page("matrix", cell="russia:energy-truce")
        assert [e.label for e in app.main.expander if "Stance history" in e.label] == ["Stance history across 2 briefs"]
        assert not any("a later reading" in text for text in markdown_texts(app)), "the history is sent once opened"
        app.session_state[HISTORY_KEY] = True
        text = " ".join(markdown_texts(app.run()))
        assert "Against" in text and "Only on conditions (changed: a later reading by another author; illustrative" in text
        overview = run_page("overview")
        labels = [e.label for e in overview.expander]
        assert any("Russia · Energy truce" in label and "→" in label and "a later reading by another author" in label for label in labels)
        assert not any("softened" in label for label in labels)


class TestPermalinks:
    def test_share_box_holds_filter_view_and_version(self):
        app = run_page("matrix", issue="ceasefire", cell="russia:ceasefire")
        version = data_version(Layout.from_env())
        assert not app.sidebar.get("bidi_component") and not app.sidebar.get("download_button"), "the box draws its content once opened"
        app.session_state[SHARE_KEY] = True
        app.run()
        links = [json.loads(link.proto.json)["url"] for link in app.sidebar.get("bidi_component")]  # the copy-link box
        assert any("issue=ceasefire" in link and "cell=russia%3Aceasefire" in link and f"v={version}" in link for link in links)
        assert {button.proto.label for button in app.sidebar.get("download_button")} == {"HTML", "Markdown"}

    def test_current_version_gives_no_notice(self):
        app = run_page("overview", v=data_version(Layout.from_env()))
        assert not app.warning

    def test_link_from_an_older_version_says_what_changed(self, data_copy):
        """Without the kept files (a cleared history), the manifest still says in words what changed since the link."""
        old_version = data_version(Layout(root=data_copy))
        run_page("overview")  # the server sees, and records, the old version
        shutil.rmtree(cache_dir() / "history.git")
        shutil.rmtree(cache_dir() / "as-of", ignore_errors=True)
        path = data_copy / "data" / "briefs" / f"{LAVROV}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("In Lavrov's own words, even a ceasefire", "In his own words, even a ceasefire", 1), encoding="utf-8")

        def notice_of_the_change() -> str:
            notice = " ".join(w.value for w in run_page("overview", v=old_version, audit="1").warning)
            return notice if "changed position " in notice else ""

        notice = wait_for(notice_of_the_change, timeout_s=RECHECK_SECONDS + 10, what="a notice of what changed since the link")
        assert f"`{old_version}`" in notice  # the version itself is an audit detail
        plain = " ".join(w.value for w in run_page("overview", v=old_version).warning)
        assert "changed position " in plain and old_version not in plain  # the record named in words, not counted
        assert "pos-" not in plain

    def test_unknown_version_is_named_as_unknown(self):
        app = run_page("overview", v="0123456789ab")
        assert any("no record of the link's data version" in w.value for w in app.warning)

    def test_malformed_version_is_ignored_with_a_notice(self):
        app = run_page("overview", v="<script>")
        assert any("not a data version" in w.value for w in app.warning)
        assert not app.exception


class TestBriefingMode:
    @staticmethod
    def slide(app) -> str:
        bodies = [body for body in html_bodies(app) if 'class="slide"' in body]
        assert len(bodies) == 1, f"{len(bodies)} slides drawn"
        return bodies[0]

    def test_steps_from_the_bottom_line_through_each_issue_to_the_summary_and_no_further(self):
        app = run_page("present", issue=["ceasefire", "security-guarantees"])
        assert "<h3>Issue by issue</h3>" in self.slide(app)
        assert app.button(key="present_previous").disabled and not app.button(key="present_next").disabled
        app.button(key="present_next").click().run()
        assert '<h2 id="slide-title">Ceasefire: Russia firmly against; Ukraine for; no overlap</h2>' in self.slide(app)
        assert app.query_params["topic"] in ("ceasefire", ["ceasefire"])
        app.button(key="present_next").click().run()
        assert "Security guarantees: " in self.slide(app)
        app.button(key="present_next").click().run()
        assert "Summary and questions" in self.slide(app)
        assert app.button(key="present_next").disabled and app.button(key="present_next").label == "End"
        app.button(key="present_previous").click().run()
        assert "Security guarantees: " in self.slide(app)

    def test_a_topic_link_opens_its_slide_with_the_verdict_and_a_quote_per_party(self):
        app = run_page("present", topic="energy-truce")
        slide = self.slide(app)
        assert slide.count('class="party"') == 2 and slide.count("<blockquote") == 2
        frames = load_frames(Layout(root=CORPUS))
        verdict = issue_verdict(frames.positions, "energy-truce", frames.judgments)
        assert f"Negotiation space: {escape(verdict_line(verdict))}" in slide  # the verdict by the rule every view uses
        assert not app.warning

    def test_a_topic_outside_the_filter_falls_back_to_the_bottom_line_with_a_notice(self):
        app = run_page("present", issue="ceasefire", topic="energy-truce")
        assert any("not among the issues in view" in w.value for w in app.warning)
        assert "<h3>Issue by issue</h3>" in self.slide(app)

    def test_an_unknown_topic_is_ignored_with_a_notice(self):
        app = run_page("present", topic="<b>atlantis</b>")
        assert any("Ignored the “topic” value" in w.value for w in app.warning)
        assert not app.exception and "<h3>Issue by issue</h3>" in self.slide(app)

    def test_a_topic_link_to_a_folded_issue_opens_the_one_sided_slide_with_it_marked(self):
        app = run_page("present", topic="territorial-status")
        slide = self.slide(app)
        assert "Where only one side is on record" in slide and not app.warning
        assert re.search(r'<li class="marked" aria-current="true"><span class="issue">Territorial status</span>', slide)
        assert slide.count('aria-current="true"') == 1
        assert app.query_params["topic"] in ("territorial-status", ["territorial-status"])  # the link keeps the mark
        app.button(key="present_next").click().run()
        assert "Summary and questions" in self.slide(app)

    def test_the_summary_says_the_data_date_in_words_and_the_version_only_in_the_audit_details(self):
        version = load_frames(Layout(root=CORPUS)).version
        app = run_page("present", topic="closing")
        assert "Data as of " in self.slide(app) and version not in self.slide(app)
        app = run_page("present", topic="closing", audit="1")
        assert f"Data version {version}" in self.slide(app)


class TestAccessControl:
    def test_off_by_default(self):
        app = run_page("overview")
        assert not [b for b in app.button if b.key == "login"]

    def test_auth_secrets_require_a_login_before_any_data(self):
        from streamlit.testing.v1 import AppTest

        app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
        app.secrets["auth"] = {
            "redirect_uri": "http://localhost:8501/oauth2callback",
            "cookie_secret": "x" * 32,
            "client_id": "id",
            "client_secret": "secret",
            "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
        }
        app.run()
        assert not app.exception
        assert app.button(key="login").label == "Log in"
        assert not app.get("plotly_chart") and not app.dataframe and not app.table
        assert not any("Lavrov" in m.value for m in app.markdown)
