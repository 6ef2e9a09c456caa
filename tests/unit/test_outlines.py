"""The map's outlines: the shipped file loads and covers the map; a missing or broken file gives a clear error."""

from __future__ import annotations

import json

import pytest

from briefing.outlines import MAX_OUTLINE_BYTES, OUTLINES_PATH, OutlineError, load_outlines

SUBJECTS = ("poland", "estonia", "latvia", "lithuania")
NEIGHBOURS = ("russia", "belarus", "ukraine", "finland", "germany", "sweden")


def square(x: float, y: float, size: float = 1.0) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def valid_document() -> dict:
    return {
        "source": "squares drawn for a test",
        "licence": "public domain",
        "bounds": {"west": 10, "south": 40, "east": 30, "north": 60},
        "countries": [
            {
                "id": "poland",
                "name": "Poland",
                "role": "subject",
                "rings": [square(15, 45, 2)],
                "labels": [{"text": "Poland", "at": [16, 46]}],
                "hit_points": [[16, 46]],
            },
            {
                "id": "russia",
                "name": "Russia",
                "role": "neighbour",
                "rings": [square(25, 50), square(18, 50)],
                "labels": [{"text": "Russia", "at": [25.5, 50.5]}],
            },
        ],
    }


def write(tmp_path, document) -> object:
    path = tmp_path / "outlines.json"
    path.write_text(json.dumps(document) if not isinstance(document, str) else document, encoding="utf-8")
    return path


class TestLoad:
    def test_the_shipped_outlines_cover_the_map(self):
        outlines = load_outlines()
        roles = {country.id: country.role for country in outlines.countries}
        assert all(roles.get(country) == "subject" for country in SUBJECTS)
        assert all(roles.get(country) == "neighbour" for country in NEIGHBOURS)
        for country_id in (*SUBJECTS, *NEIGHBOURS):
            assert outlines.country(country_id).labels, country_id
        russia = [label.text for label in outlines.country("russia").labels]
        assert any("Kaliningrad" in text for text in russia)

    def test_shaded_countries_can_be_hovered_inside_their_outline(self):
        outlines = load_outlines()
        for country_id in SUBJECTS:
            country = outlines.country(country_id)
            xs = [x for ring in country.rings for x, _y in ring]
            ys = [y for ring in country.rings for _x, y in ring]
            assert len(country.hit_points) >= 20, country_id
            assert all(min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys) for x, y in country.hit_points), country_id

    def test_the_shipped_file_is_simplified_and_documented(self):
        assert OUTLINES_PATH.stat().st_size < 300_000
        readme = (OUTLINES_PATH.parent / "README.md").read_text(encoding="utf-8")
        for needed in ("Natural Earth", "public domain", "world-atlas", "scripts/build_outlines.py"):
            assert needed in readme, needed

    def test_a_digest_of_the_bytes_names_the_version(self, tmp_path):
        first = load_outlines(write(tmp_path, valid_document()))
        changed = valid_document()
        changed["source"] = "other squares"
        second = load_outlines(write(tmp_path, changed))
        assert len(first.digest) == 12 and first.digest != second.digest

    def test_a_document_cannot_choose_its_own_digest(self, tmp_path):
        outlines = load_outlines(write(tmp_path, {**valid_document(), "digest": "chosen"}))
        assert outlines.digest != "chosen"


class TestInvalid:
    def test_a_missing_file_names_it(self, tmp_path):
        with pytest.raises(OutlineError, match=r"map outlines gone\.json: cannot read the file"):
            load_outlines(tmp_path / "gone.json")

    def test_invalid_json_says_where(self, tmp_path):
        with pytest.raises(OutlineError, match=r"invalid JSON at line 1, column 2"):
            load_outlines(write(tmp_path, "{"))

    def test_not_utf8(self, tmp_path):
        path = tmp_path / "outlines.json"
        path.write_bytes(b'{"source": "\xff"}')
        with pytest.raises(OutlineError, match="not UTF-8"):
            load_outlines(path)

    def test_not_an_object(self, tmp_path):
        with pytest.raises(OutlineError, match="expected a JSON object, not list"):
            load_outlines(write(tmp_path, []))

    def test_too_large(self, tmp_path):
        path = tmp_path / "outlines.json"
        path.write_bytes(b" " * (MAX_OUTLINE_BYTES + 1))
        with pytest.raises(OutlineError, match="more than the"):
            load_outlines(path)

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (lambda d: d["countries"][0].update(rings=[[[15, 45], [16, 45]]]), r"countries\[0\]\.rings\[0\]"),
            (lambda d: d["countries"][0]["rings"][0].__setitem__(1, [15, 95]), r"countries\[0\]\.rings\[0\]\[1\]\[1\]"),
            (lambda d: d["countries"][1].update(id="poland"), "duplicate country id"),
            (lambda d: d["countries"][0].update(hit_points=[]), r"shaded country \(poland\) needs a label and hover points"),
            (lambda d: d["countries"][0].update(role="capital"), r"countries\[0\]\.role"),
            (lambda d: d["bounds"].update(west=40), "west < east"),
            (lambda d: d.pop("licence"), "licence: field required"),
            (lambda d: d.update(countries=[]), "countries"),
        ],
    )
    def test_a_wrong_shape_names_the_field(self, tmp_path, change, message):
        document = valid_document()
        change(document)
        with pytest.raises(OutlineError, match=message):
            load_outlines(write(tmp_path, document))
