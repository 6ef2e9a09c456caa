"""The negotiation space says its key once and folds the issues without a verdict into one line."""

from __future__ import annotations

from briefing.load import Layout
from briefing.negotiation import view_verdicts
from briefing.store import load_frames
from components.negotiation import RANGE_KEY
from tests.app.helpers import run_page


def test_the_key_is_given_once_and_issues_without_a_verdict_share_one_line():
    frames = load_frames(Layout.from_env())  # the test corpus
    verdicts = view_verdicts(frames, ())
    pending = [frames.issue_labels[v.issue] for v in verdicts if v.verdict == "insufficient"]
    decided = [frames.issue_labels[v.issue] for v in verdicts if v.verdict != "insufficient"]
    app = run_page("negotiation")
    assert not app.exception
    assert [caption.value for caption in app.caption].count(RANGE_KEY) == (1 if decided else 0)
    assert [header.value for header in app.subheader] == decided, "a panel for each issue with a verdict, no other"
    lines = [text.value for text in app.markdown if text.value.startswith("**No verdict yet:**")]
    assert lines == ([f"**No verdict yet:** {', '.join(pending)}"] if pending else [])


def test_a_list_of_records_never_names_two_records_alike():
    frames = load_frames(Layout.from_env())  # the test corpus: two of Zelenskyy's reported records of one day
    app = run_page("negotiation")
    by_span: dict[str, str] = {}
    for link in app.get("page_link"):  # a record's own link comes before the quotes' "Show in source" links
        by_span.setdefault(link.proto.query_string, link.proto.label)
    for verdict in view_verdicts(frames, ()):
        for records in (verdict.rests_on, verdict.contested_by):
            labels = [by_span[f"span={span}"] for span in frames.first_spans(records).values() if f"span={span}" in by_span]
            assert len(labels) == len(set(labels)), labels
