"""The audit switch in the link: audit=1 turns it on and stays in the address; anything else is dropped with a notice."""

from __future__ import annotations

from components.link_state import AUDIT_PARAM
from tests.app.helpers import as_list, linked_markups, run_page


def test_audit_1_switches_the_details_on_and_stays_in_the_link():
    app = run_page("matrix", cell="russia:ceasefire", audit="1")
    assert not app.exception
    assert app.toggle(key="audit_details_widget").value is True
    assert as_list(app.query_params[AUDIT_PARAM]) == ["1"]
    (cards,) = linked_markups(app)
    assert "characters " in cards and "<strong>Record:</strong> <code>" in cards  # the quotes' offsets, the record ids


def test_without_it_the_details_are_off_and_the_link_holds_no_audit():
    app = run_page("matrix", cell="russia:ceasefire")
    assert app.toggle(key="audit_details_widget").value is False
    assert AUDIT_PARAM not in app.query_params
    (cards,) = linked_markups(app)
    assert "evidence-quote" in cards and "characters " not in cards and "Record:" not in cards


def test_a_value_other_than_1_or_0_is_dropped_with_a_notice():
    app = run_page("overview", audit="<script>")
    assert not app.exception
    assert any("Ignored the “audit” value" in warning.value for warning in app.warning)
    assert app.toggle(key="audit_details_widget").value is False
    assert AUDIT_PARAM not in app.query_params


def test_a_summary_cites_a_record_by_its_name_for_the_reader_and_by_its_id_with_the_audit_details():
    """A position's summary that cites another record by id in brackets shows that record's name to the reader; the
    audit details show the summary as written."""
    cited = "(pos-russia-energy-truce-assessment)"
    (reader,) = linked_markups(run_page("matrix", cell="russia:energy-truce"))
    assert cited not in reader and "(Analyst&#39;s reading, 30 January 2026)" in reader
    (audited,) = linked_markups(run_page("matrix", cell="russia:energy-truce", audit="1"))
    assert cited in audited
