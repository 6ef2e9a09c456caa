import datetime as dt
from typing import get_args

import pytest
from pydantic import ValidationError

from briefing.schema import (
    IMPACT_DIRECTIONS,
    Brief,
    ClaimType,
    Direction,
    Event,
    Evidence,
    Reference,
    Seed,
    Stance,
    Taxonomy,
)
from briefing.vocabulary import CLAIM_TYPES, STANCES


def errors(info: pytest.ExceptionInfo) -> list[tuple[tuple, str]]:
    """(location, message) of every pydantic error, for assertions on both.

    A tuple whose only item fails also reports itself as too short; the loader drops
    that echo, and so does this helper.
    """
    found = info.value.errors()
    failed = [e["loc"] for e in found if e["type"] != "too_short"]
    return [
        (e["loc"], e["msg"])
        for e in found
        if not (e["type"] == "too_short" and any(loc[: len(e["loc"])] == e["loc"] and loc != e["loc"] for loc in failed))
    ]


class TestRoundTrip:
    def test_brief_survives_dump_and_validate(self, project):
        context = project.context()
        brief = Brief.model_validate(project.brief(), context=context)
        dumped = brief.model_dump(mode="json")
        again = Brief.model_validate(dumped, context=context)
        assert again == brief
        assert again.model_dump(mode="json") == dumped

    def test_dump_is_plain_json(self, project):
        dumped = Brief.model_validate(project.brief(), context=project.context()).model_dump(mode="json")
        assert dumped["published"] == "2026-01-30"
        assert dumped["positions"][1]["date"] == "2022-21"  # EDTF stays text
        assert dumped["positions"][0]["evidence"][0] == project.span("alpha-ev-reject", "reject")
        assert dumped["references"] == [{"url": "https://example.org/alpha", "retrieved": False, "note": "Original article"}]

    def test_values_are_parsed(self, project):
        brief = Brief.model_validate(project.brief(), context=project.context())
        assert brief.published == dt.date(2026, 1, 30)
        assert brief.positions[0].stance == "firm-rejection"
        assert brief.events[0].parties == ("northland", "southland")

    def test_taxonomy_round_trip(self, project):
        taxonomy = project.context()["taxonomy"]
        assert Taxonomy.model_validate(taxonomy.model_dump(mode="json")) == taxonomy


class TestPaths:
    def test_record_paths(self, project):
        brief = Brief.model_validate(project.brief(), context=project.context())
        assert list(brief.record_paths()) == [
            ("seeds[0]", "talks"),
            ("positions[0]", "alpha-northland-ceasefire"),
            ("positions[1]", "alpha-southland-ceasefire"),
            ("positions[2]", "alpha-southland-energy"),
            ("events[0]", "alpha-geneva-talks"),
            ("events[1]", "alpha-energy-talks"),
            ("impacts[0]", "alpha-border-impact"),
            ("judgments[0]", "alpha-judgment"),
        ]

    def test_evidence_paths_and_order(self, project):
        brief = Brief.model_validate(project.brief(), context=project.context())
        paths = list(brief.evidence_paths())
        assert paths[:3] == [
            ("positions[0].evidence[0]", "alpha-ev-reject"),
            ("positions[1].evidence[0]", "alpha-ev-call"),
            ("positions[1].evidence[1]", "alpha-ev-repeated"),
        ]
        assert paths[-1] == ("judgments[0].evidence[0]", "alpha-ev-unicode")
        assert [span.id for span in brief.evidence()] == [record_id for _path, record_id in paths]


class TestShape:
    """Without a validation context only the shape of a record is checked."""

    def test_references_are_not_checked_without_context(self, project):
        data = project.brief()
        data["positions"][0]["party"] = "atlantis"
        data["positions"][0]["evidence"][0]["quote"] = "not in any seed"
        brief = Brief.model_validate(data)
        assert brief.positions[0].party == "atlantis"

    def test_unknown_field(self, project):
        data = project.brief()
        data["positions"][0]["colour"] = "red"
        with pytest.raises(ValidationError) as info:
            Brief.model_validate(data)
        assert errors(info) == [(("positions", 0, "colour"), "Extra inputs are not permitted")]

    def test_missing_field(self, project):
        data = project.brief()
        del data["events"][0]["status"]
        with pytest.raises(ValidationError) as info:
            Brief.model_validate(data)
        assert errors(info) == [(("events", 0, "status"), "Field required")]

    @pytest.mark.parametrize("bad_id", ["Upper", "two words", "trailing-", "-leading", "double--dash", "x" * 81, ""])
    def test_ids_are_slugs(self, project, bad_id):
        data = project.brief()
        data["positions"][0]["id"] = bad_id
        with pytest.raises(ValidationError, match=r"positions\.0\.id"):
            Brief.model_validate(data)

    def test_blank_text(self, project):
        data = project.brief()
        data["positions"][0]["summary"] = "   "
        with pytest.raises(ValidationError, match="at least 1 character") as info:
            Brief.model_validate(data)
        assert errors(info)[0][0] == ("positions", 0, "summary")

    def test_text_is_stripped(self, project):
        data = project.brief()
        data["title"] = "  Padded title \n"
        assert Brief.model_validate(data).title == "Padded title"

    def test_unknown_stance(self, project):
        data = project.brief()
        data["positions"][0]["stance"] = "maybe"
        with pytest.raises(ValidationError, match="Input should be 'firm-rejection', 'rejection'"):
            Brief.model_validate(data)

    def test_wrong_type(self, project):
        data = project.brief()
        data["positions"][0]["evidence"][0]["start"] = "ten"
        with pytest.raises(ValidationError) as info:
            Brief.model_validate(data)
        assert errors(info) == [
            (("positions", 0, "evidence", 0, "start"), "Input should be a valid integer, unable to parse string as an integer")
        ]

    def test_evidence_is_required(self, project):
        data = project.brief()
        data["judgments"][0]["evidence"] = []
        with pytest.raises(ValidationError, match="at least 1 item") as info:
            Brief.model_validate(data)
        assert errors(info)[0][0] == ("judgments", 0, "evidence")

    def test_brief_needs_a_seed(self, project):
        data = project.brief()
        data["seeds"] = []
        with pytest.raises(ValidationError, match="at least 1 item"):
            Brief.model_validate(data)

    def test_records_are_frozen(self, project):
        brief = Brief.model_validate(project.brief())
        with pytest.raises(ValidationError, match="frozen"):
            brief.positions[0].stance = "support"

    def test_impossible_date(self, project):
        data = project.brief()
        data["positions"][0]["date"] = "2026-02-30"
        with pytest.raises(ValidationError) as info:
            Brief.model_validate(data)
        ((loc, message),) = errors(info)
        assert loc == ("positions", 0, "date")
        assert "'2026-02-30' is not a valid EDTF date" in message

    def test_reversed_interval(self, project):
        data = project.brief()
        data["events"][0]["date"] = "2024-03-12/2024-03-01"
        with pytest.raises(ValidationError, match="'2024-03-12/2024-03-01' ends before it starts"):
            Brief.model_validate(data)


class TestRules:
    def test_reported_position_names_its_reporter(self, project):
        data = project.brief()
        del data["positions"][1]["reported_by"]
        with pytest.raises(ValidationError) as info:
            Brief.model_validate(data)
        assert errors(info) == [(("positions", 1, "reported_by"), "Value error, a reported position names who reported it (reported_by)")]

    def test_undated_event_explains_its_time(self, project):
        data = project.brief()
        del data["events"][1]["date_note"]
        with pytest.raises(ValidationError) as info:
            Brief.model_validate(data)
        assert errors(info) == [(("events", 1), "Value error, an undated event explains what is known of its time (date_note)")]

    def test_event_date_and_bounds_exclude_each_other(self, project):
        data = project.brief()
        data["events"][0]["after"] = "2024-03"
        with pytest.raises(ValidationError, match="give either a date or after/before bounds, not both"):
            Brief.model_validate(data)

    def test_event_bounds_in_order(self, project):
        data = project.brief()
        data["events"][1].update(after="2024-05", before="2024-03")
        with pytest.raises(ValidationError, match="before 2024-03 is earlier than after 2024-05"):
            Brief.model_validate(data)

    def test_evidence_end_after_start(self):
        with pytest.raises(ValidationError, match="end 5 is not after start 10"):
            Evidence(id="ev", seed="s", start=10, end=5, quote="x")

    def test_negative_start(self):
        with pytest.raises(ValidationError, match="greater than or equal to 0"):
            Evidence(id="ev", seed="s", start=-1, end=5, quote="x")

    @pytest.mark.parametrize("file", ["../x.txt", "/etc/passwd", "sub/x.txt", "sub\\x.txt", "..", ".", ".hidden", "a\x00.txt"])
    def test_seed_file_is_a_plain_name(self, file):
        with pytest.raises(ValidationError, match="must be a plain file name inside seeds/"):
            Seed(id="s", file=file, sha256="0" * 64)

    def test_seed_hash_is_hex(self):
        with pytest.raises(ValidationError, match="String should match pattern"):
            Seed(id="s", file="s.txt", sha256="XYZ")

    @pytest.mark.parametrize(
        "url", ["javascript:alert(1)", "ftp://example.org/", "https://exa mple.org/", 'https://example.org/"onmouseover']
    )
    def test_reference_urls_are_http(self, url):
        with pytest.raises(ValidationError, match="String should match pattern"):
            Reference(url=url)

    def test_references_are_never_marked_retrieved(self):
        with pytest.raises(ValidationError, match="Input should be False"):
            Reference(url="https://example.org/", retrieved=True)

    def test_duplicate_record_id(self, project):
        data = project.brief()
        data["events"][0]["id"] = data["positions"][2]["id"]
        with pytest.raises(ValidationError, match=r"duplicate record id 'alpha-southland-energy' at positions\[2\] and events\[0\]"):
            Brief.model_validate(data)

    def test_duplicate_evidence_id(self, project):
        data = project.brief()
        data["impacts"][0]["evidence"][0]["id"] = "alpha-ev-call"
        with pytest.raises(
            ValidationError, match=r"duplicate evidence id 'alpha-ev-call' at positions\[1\]\.evidence\[0\] and impacts\[0\]\.evidence\[0\]"
        ):
            Brief.model_validate(data)

    def test_seed_id_counts_as_a_record_id(self, project):
        data = project.brief()
        data["judgments"][0]["id"] = "talks"
        with pytest.raises(ValidationError, match=r"duplicate record id 'talks' at seeds\[0\] and judgments\[0\]"):
            Brief.model_validate(data)


class TestContext:
    """With the loader's context, references and quotes are checked too."""

    def validate(self, project, data):
        with pytest.raises(ValidationError) as info:
            Brief.model_validate(data, context=project.context())
        return errors(info)

    def test_unknown_party(self, project):
        data = project.brief()
        data["positions"][0]["party"] = "atlantis"
        assert self.validate(project, data) == [(("positions", 0, "party"), "Value error, unknown party id(s): atlantis")]

    def test_unknown_issue_on_an_event(self, project):
        data = project.brief()
        data["events"][0]["issues"] = ["ceasefire", "peace", "war"]
        assert self.validate(project, data) == [(("events", 0, "issues"), "Value error, unknown issue id(s): peace, war")]

    def test_unknown_region(self, project):
        data = project.brief()
        data["impacts"][0]["region"] = "atlantis"
        assert self.validate(project, data) == [(("impacts", 0, "region"), "Value error, unknown region (party) id(s): atlantis")]

    def test_unknown_judgment_issue(self, project):
        data = project.brief()
        data["judgments"][0]["issues"] = ["peace"]
        assert self.validate(project, data) == [(("judgments", 0, "issues"), "Value error, unknown issue id(s): peace")]

    def test_unknown_speaker(self, project):
        data = project.brief()
        data["positions"][0]["speaker"] = "nobody"
        assert self.validate(project, data) == [(("positions", 0, "speaker"), "Value error, unknown speaker id(s): nobody")]

    def test_speaker_of_another_party(self, project):
        data = project.brief()
        data["positions"][0]["speaker"] = "south-president"
        assert self.validate(project, data) == [
            (("positions", 0, "speaker"), "Value error, speaker 'south-president' speaks for 'southland', not 'northland'")
        ]

    def test_quote_elsewhere_says_where(self, project):
        data = project.brief()
        quote = project.quotes["reject"]
        start = project.seed_text.find(quote)
        data["positions"][0]["evidence"][0].update(start=0, end=len(quote))
        assert self.validate(project, data) == [
            (
                ("positions", 0, "evidence", 0),
                f"Value error, quote is not the seed text at 0-{len(quote)}; the quote occurs at {start}-{start + len(quote)}",
            )
        ]

    def test_repeated_quote_lists_each_place(self, project):
        data = project.brief()
        quote = project.quotes["repeated"]
        first = project.seed_text.find(quote)
        second = project.seed_text.find(quote, first + 1)
        assert second > first
        data["positions"][1]["evidence"][1].update(start=0, end=len(quote))
        ((_loc, message),) = self.validate(project, data)
        assert message.endswith(f"the quote occurs at {first}-{first + len(quote)}, {second}-{second + len(quote)}")

    def test_quote_nowhere(self, project):
        data = project.brief()
        data["positions"][0]["evidence"][0]["quote"] = "We accept any ceasefire."
        ((_loc, message),) = self.validate(project, data)
        assert "the quote does not occur anywhere in the seed" in message

    def test_span_past_the_end(self, project):
        data = project.brief()
        size = len(project.seed_text)
        data["positions"][0]["evidence"][0].update(start=size - 2, end=size + 10)
        ((loc, message),) = self.validate(project, data)
        assert loc == ("positions", 0, "evidence", 0)
        assert f"span {size - 2}-{size + 10} runs past the end of seed 'talks' ({size} characters)" in message

    def test_offsets_count_characters_not_bytes(self, project):
        quote = project.quotes["unicode"]
        start = project.seed_text.find(quote)
        assert start != project.seed_text.encode("utf-8").find(quote.encode("utf-8"))  # the seed has multi-byte text before it
        brief = Brief.model_validate(project.brief(), context=project.context())
        assert (brief.judgments[0].evidence[0].start, brief.judgments[0].evidence[0].end) == (start, start + len(quote))

    def test_undeclared_seed(self, project):
        data = project.brief()
        data["positions"][0]["evidence"][0]["seed"] = "other"
        assert self.validate(project, data) == [
            (("positions", 0, "evidence", 0, "seed"), "Value error, unknown seed 'other' (declare it under seeds:)")
        ]

    def test_evidence_may_leave_out_the_one_seed(self, project):
        data = project.brief()
        for span in data["positions"][0]["evidence"]:
            span.pop("seed")
        brief = Brief.model_validate(data, context=project.context())
        assert brief.positions[0].evidence[0].seed == "talks"

    def test_with_several_seeds_evidence_names_one(self, project):
        data = project.brief()
        data["seeds"].append({"id": "talks-b", "file": "talks-b.txt", "sha256": project.seed_sha256})
        data["positions"][0]["evidence"][0].pop("seed")
        assert self.validate(project, data) == [
            (
                ("positions", 0, "evidence", 0, "seed"),
                "Value error, evidence names no seed, and the brief declares 2: add seed: with one of talks, talks-b",
            )
        ]

    def test_every_error_is_reported(self, project):
        data = project.brief()
        data["positions"][0]["party"] = "atlantis"
        data["events"][0]["issues"] = ["peace"]
        assert [loc for loc, _message in self.validate(project, data)] == [("positions", 0, "party"), ("events", 0, "issues")]


class TestTaxonomy:
    def taxonomy(self, **changes):
        data = {
            "parties": [
                {"id": "north", "name": "North", "kind": "state", "speakers": [{"id": "nora", "name": "Nora", "role": "Minister"}]},
                {"id": "south", "name": "South", "kind": "state"},
            ],
            "issues": [{"id": "ceasefire", "label": "Ceasefire", "definition": "A truce."}],
        }
        data.update(changes)
        return data

    def test_valid(self):
        taxonomy = Taxonomy.model_validate(self.taxonomy())
        assert taxonomy.party("south").name == "South"
        party, speaker = taxonomy.speakers["nora"]
        assert (party.id, speaker.name) == ("north", "Nora")

    def test_unknown_party_lookup(self):
        with pytest.raises(KeyError, match="unknown party 'east'"):
            Taxonomy.model_validate(self.taxonomy()).party("east")

    def test_duplicate_party(self):
        data = self.taxonomy()
        data["parties"].append({"id": "north", "name": "North again", "kind": "state"})
        with pytest.raises(ValidationError, match="duplicate party id\\(s\\): north"):
            Taxonomy.model_validate(data)

    def test_duplicate_speaker_across_parties(self):
        data = self.taxonomy()
        data["parties"][1]["speakers"] = [{"id": "nora", "name": "Nora", "role": "Envoy"}]
        with pytest.raises(ValidationError, match="duplicate speaker id\\(s\\): nora"):
            Taxonomy.model_validate(data)

    def test_unknown_member(self):
        data = self.taxonomy()
        data["parties"].append({"id": "bloc", "name": "Bloc", "kind": "group", "members": ["north", "west"]})
        with pytest.raises(ValidationError, match="party 'bloc' has unknown member\\(s\\): west"):
            Taxonomy.model_validate(data)

    def test_needs_parties_and_issues(self):
        with pytest.raises(ValidationError, match="at least 1 item"):
            Taxonomy.model_validate(self.taxonomy(issues=[]))


class TestVocabularies:
    def test_every_stance_has_rank_label_and_symbol(self):
        assert set(STANCES) == set(get_args(Stance))
        ranks = [words.rank for words in STANCES.values() if words.rank is not None]
        assert ranks == sorted(ranks) == [-2, -1, 0, 1, 2]
        assert all(words.word and words.symbol for words in STANCES.values())
        assert len({words.symbol for words in STANCES.values()}) == len(STANCES)

    def test_labels_cover_the_literals(self):
        assert set(CLAIM_TYPES) == set(get_args(ClaimType))
        assert set(IMPACT_DIRECTIONS) == set(get_args(Direction))

    def test_background_events_need_no_issue(self, project):
        data = project.brief()["events"][0]
        data.pop("issues")
        assert Event.model_validate(data).issues == ()
