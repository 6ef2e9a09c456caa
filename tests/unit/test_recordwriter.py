"""The workbench's writer: a record or span goes in at one place, in the file's own layout; every other byte stays."""

from __future__ import annotations

import copy

import pytest

from briefing.load import parse_yaml
from briefing.recordwriter import WriteError, add_entry, append_item
from tests.conftest import CORPUS

INDENTED = (CORPUS / "data" / "briefs" / "lavrov-red-line-2026-01.yaml").read_text(encoding="utf-8")  # "  - id:" lists
FLUSH = (CORPUS / "data" / "briefs" / "energy-truce-follow-up-2026-02.yaml").read_text(encoding="utf-8")  # "- id:" lists
SPAN = {"id": "ev-new-1", "seed": "lavrov-red-line", "start": 1059, "end": 1091, "quote": "Moscow's negotiation bottom line"}
RECORD = {
    "id": "pos-poland-ceasefire-assessment",
    "party": "poland",
    "issue": "ceasefire",
    "stance": "support",
    "claim_type": "assessment",
    "date": "2026-01-23/2026-01-24",
    "confidence": "medium",
    "summary": "Poland's stance, in the analyst's words.",
    "evidence": [SPAN],
}
HOSTILE = [
    '<script>alert("x")</script>',
    "yes",
    "on",
    "no",
    "null",
    "~",
    "2026-01-29",
    "12",
    "1e3",
    "0o17",
    "- item",
    "# not a comment",
    "key: value",
    "  leading and trailing  ",
    "line one\nline two",
    "tab\there",
    "quote ' and \" both",
    "back\\slash",
    "emoji 😀 and 🇵🇱",
    "accents: é, ñ, ü, ł",
    "separator \u2028 and \u2029 and \x85",
    "zero\u200bwidth",
    "{flow: map}",
    "[a, b]",
    "&anchor",
    "*alias",
    "!tag",
    "%directive",
    "@at",
    "`tick",
    "|",
    ">",
    "?",
    ":",
    "",
]


def spliced(old: str, edit) -> None:
    """The edit changed only its own span of the text: every byte before and after it is the old file's."""
    assert edit.text[: edit.at] == old[: edit.at]
    tail = len(old) - edit.at - len(edit.removed)
    assert edit.text[len(edit.text) - tail :] == old[len(old) - tail :]
    assert edit.text == old[: edit.at] + edit.inserted + old[edit.at + len(edit.removed) :]


class TestAppendRecord:
    def test_a_record_goes_after_the_last_of_its_list_and_nothing_else_moves(self):
        edit = append_item(INDENTED, ("positions",), RECORD)
        spliced(INDENTED, edit)
        assert edit.removed == ""
        expected = parse_yaml(INDENTED.encode())
        expected["positions"].append(RECORD)
        assert parse_yaml(edit.text.encode()) == expected
        comments = [line for line in INDENTED.splitlines() if line.lstrip().startswith("#")]
        assert [line for line in edit.text.splitlines() if line.lstrip().startswith("#")] == comments
        # right after the last position, before the comment that opens the next section
        assert edit.text[edit.at + len(edit.inserted) :].startswith("\n# The author's escalation ladder")

    def test_the_files_own_indentation_is_used(self):
        indented = append_item(INDENTED, ("positions",), RECORD).inserted.splitlines()
        assert indented[0] == "  - id: pos-poland-ceasefire-assessment"
        assert "    party: poland" in indented and "      - id: ev-new-1" in indented
        assert '    date: "2026-01-23/2026-01-24"' in indented  # dates quoted, as the format asks
        flush = append_item(FLUSH, ("positions",), RECORD).inserted.splitlines()
        assert flush[0] == "- id: pos-poland-ceasefire-assessment"
        assert "  party: poland" in flush and "  - id: ev-new-1" in flush

    def test_a_list_of_ids_is_written_on_one_line(self):
        event = {
            "id": "evt-x",
            "title": "Talks",
            "parties": ["russia", "ukraine"],
            "issues": ["ceasefire"],
            "status": "occurred",
            "evidence": [SPAN],
        }
        edit = append_item(INDENTED, ("events",), event)
        assert "    parties: [russia, ukraine]" in edit.inserted.splitlines()

    @pytest.mark.parametrize("text", HOSTILE)
    def test_any_text_comes_back_exactly_as_typed(self, text):
        record = {**RECORD, "summary": text, "reported_by": text}
        edit = append_item(INDENTED, ("positions",), record)
        spliced(INDENTED, edit)
        assert parse_yaml(edit.text.encode())["positions"][-1] == record

    def test_revert_gives_the_old_text_back(self):
        edit = append_item(INDENTED, ("positions",), RECORD)
        assert edit.revert(edit.text) == INDENTED
        with pytest.raises(WriteError, match="no longer holds"):
            edit.revert(edit.text.replace("pos-poland-ceasefire-assessment", "pos-changed-by-hand", 1))


class TestAppendSpan:
    def test_evidence_goes_after_the_records_last_span(self):
        document = parse_yaml(INDENTED.encode())
        index = next(i for i, p in enumerate(document["positions"]) if p["id"] == "pos-russia-ceasefire-reported")
        edit = append_item(INDENTED, ("positions", index, "evidence"), SPAN)
        spliced(INDENTED, edit)
        expected = copy.deepcopy(document)
        expected["positions"][index]["evidence"].append(SPAN)
        assert parse_yaml(edit.text.encode()) == expected
        assert edit.inserted.startswith("      - id: ev-new-1\n        seed: lavrov-red-line\n")

    def test_a_red_line_is_added_to_a_record_that_has_none(self):
        document = parse_yaml(INDENTED.encode())
        index = next(i for i, p in enumerate(document["positions"]) if "red_line" not in p)
        part = {"text": "Not this.", "evidence": [SPAN]}
        edit = add_entry(INDENTED, ("positions", index), "red_line", part)
        spliced(INDENTED, edit)
        expected = copy.deepcopy(document)
        expected["positions"][index]["red_line"] = part
        assert parse_yaml(edit.text.encode()) == expected
        assert edit.inserted.splitlines()[:3] == ["    red_line:", '      text: "Not this."', "      evidence:"]

    def test_a_key_that_is_there_is_refused(self):
        with pytest.raises(WriteError, match="already there"):
            add_entry(INDENTED, ("positions", 0), "red_line", {"text": "x"})


SKELETON = """# A brief as `new` writes it, with commented examples after the seeds.
id: small
title: "Small"
published: "2026-01-01"
seeds:
  - id: small
    file: small.txt
    sha256: 0000000000000000000000000000000000000000000000000000000000000000

# positions:
#   - id: pos-example
"""


class TestNewLists:
    def test_a_missing_list_is_added_after_the_last_key_and_before_trailing_comments(self):
        edit = append_item(SKELETON, ("positions",), RECORD)
        spliced(SKELETON, edit)
        assert edit.inserted.startswith("positions:\n  - id: pos-poland-ceasefire-assessment\n")
        assert edit.text.endswith("\n# positions:\n#   - id: pos-example\n")
        assert parse_yaml(edit.text.encode())["positions"] == [RECORD]

    @pytest.mark.parametrize("empty", ["events:", "events: []", "events: []  # none yet", "events: ~"])
    def test_an_empty_list_becomes_a_block_list(self, empty):
        old = SKELETON.replace("\n# positions:", f"{empty}\n\n# positions:")
        event = {"id": "evt-x", "title": "Talks", "status": "occurred", "evidence": [SPAN]}
        edit = append_item(old, ("events",), event)
        spliced(old, edit)
        assert parse_yaml(edit.text.encode())["events"] == [event]
        if "#" in empty:
            assert "# none yet" in edit.text

    def test_crlf_line_endings_are_kept(self):
        old = SKELETON.replace("\n", "\r\n")
        edit = append_item(old, ("positions",), RECORD)
        spliced(old, edit)
        assert "\n" not in edit.inserted.replace("\r\n", "")
        assert parse_yaml(edit.text.encode())["positions"] == [RECORD]

    def test_a_file_without_a_final_newline_keeps_it_so(self):
        old = SKELETON.split("\n\n#")[0]
        edit = append_item(old, ("positions",), RECORD)
        spliced(old, edit)
        assert not edit.text.endswith("\n")
        assert parse_yaml(edit.text.encode())["positions"] == [RECORD]


class TestRefused:
    @pytest.mark.parametrize(
        "text, path",
        [
            ("positions: [{id: a}]\n", ("positions",)),
            ("record: {id: a, evidence: []}\n", ("record", "evidence")),
            ("- a\n- b\n", ("positions",)),
            ("positions: [\n", ("positions",)),
        ],
    )
    def test_what_cannot_be_placed_is_refused_with_a_reason(self, text, path):
        with pytest.raises(WriteError):
            append_item(text, path, RECORD)
