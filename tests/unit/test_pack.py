"""The briefing pack: self-contained, escaped, and carrying every quote of its filter."""

from __future__ import annotations

import dataclasses
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from briefing.dates import human_date
from briefing.frames import Selection, select
from briefing.pack import build_pack, pack_html, pack_markdown
from briefing.periods import brief_period
from briefing.store import load_frames
from briefing.vocabulary import STANCES

PROJECT = Path(__file__).resolve().parents[2]
CEASEFIRE = Selection(issues=("ceasefire",))


@pytest.fixture(scope="module")
def frames():
    return load_frames()


class TestHtml:
    def test_ceasefire_pack_carries_every_ceasefire_quote(self, frames):
        document = html.unescape(pack_html(frames, Selection(issues=("ceasefire",))))
        spans = select(frames, Selection(issues=("ceasefire",))).evidence
        assert len(spans) >= 10
        for span in spans.itertuples(index=False):
            assert span.quote in document, span.id
            assert f"evidence {span.id}" in document

    def test_self_contained(self, frames):
        document = pack_html(frames)
        assert document.startswith("<!doctype html>")
        assert not re.search(r"<(script|link|img|iframe)\b", document)
        assert not re.search(r"(src|href)=", document)
        assert "The timeline picture is in the PDF and the slides" in document  # made without pictures: it says so

    def test_the_finding_comes_first_and_the_hashes_last(self, frames):
        pack = build_pack(frames, CEASEFIRE)
        document = html.unescape(pack_html(frames, CEASEFIRE))
        title = document.index(f"<h1>{pack.title}</h1>")
        assert pack.title.startswith("Ceasefire: Lavrov Draws the Red Line — briefing, ") and re.search(
            r"\d{1,2} [A-Z][a-z]+ \d{4}$", pack.title
        )
        assert title < document.index("Bottom line") < document.index(pack.sections[0].title) < document.index("Annex: about the sources")
        annex = document.index("Annex: about the sources")
        for brief in pack.briefs:
            for digest in brief.seed_sha256:
                assert document.index(digest) > annex
        assert document.index("Data version") > annex and document.index("Issues: Ceasefire") > annex

    def test_an_issue_section_has_its_action_title_and_stance_strip(self, frames):
        pack = build_pack(frames, CEASEFIRE)
        [section] = pack.sections
        assert section.title == pack.bottom_line.issues[0] and section.title.startswith("Ceasefire: ")
        assert [part.party_name for part in section.strip] == ["Russia", "Ukraine"]
        for part in section.strip:
            words = next(s for s in STANCES.values() if s.word == part.mark.word)
            assert (part.mark.symbol, part.mark.colour, part.mark.ink) == (words.symbol, words.colour, words.ink)
        document = pack_html(frames, CEASEFIRE)
        # colour never alone: each coloured chip carries the symbol and the word
        for part in section.strip:
            assert f'style="background:{part.mark.colour};color:{part.mark.ink}">{part.mark.label}</span>' in document

    def test_the_annex_holds_every_ceasefire_quote_with_its_id_and_offsets(self, frames):
        document = html.unescape(pack_html(frames, CEASEFIRE))
        annex = document[document.index("Annex: about the sources") :]
        reader = document[: document.index("Annex: about the sources")]
        spans = select(frames, CEASEFIRE).evidence
        for span in spans.itertuples(index=False):
            assert span.quote in annex and f"characters {span.start}–{span.end} (evidence {span.id})" in annex, span.id
            assert f"(evidence {span.id})" not in reader

    def test_dates_are_in_words(self, frames):
        pack = build_pack(frames, CEASEFIRE)
        document = html.unescape(pack_html(frames, CEASEFIRE))
        assert not re.search(r"\b\d{4}-\d{2}\b.{0,5}—", document)  # no "2022-21 — Istanbul negotiations"
        periods = {event.title: event.period for event in pack.events}
        assert periods["Istanbul negotiations"] == "background" and "spring 2022" in document
        assert any(period == "recent" for period in periods.values())
        assert document.index("<h3>Recent</h3>") < document.index("<h3>Background</h3>")

    def test_a_red_line_says_whose_words_and_when_in_plain_words(self, frames):
        for selection, prefix in ((CEASEFIRE, "Russia — "), (Selection(), "Russia, on ceasefire — ")):
            red = next(line.text for line in build_pack(frames, selection).bottom_line.red_lines if "Zelenskyy" in line.text)
            # a stated red line named as briefing.labels names its position: the speaker's surname, the date in words,
            # whose words
            assert red.startswith(f"{prefix}Lavrov, 29 January 2026 (own words): "), red
            assert red.endswith("“even a 60-day or longer ceasefire, as sought by Ukrainian President Zelenskyy, is unacceptable to us”"), (
                red
            )

    def test_the_timeline_names_its_reporting_period(self, frames):
        pack = build_pack(frames, CEASEFIRE)
        view = select(frames, CEASEFIRE)
        period = brief_period(view.events, view.briefs)
        first, last = period[0], period[1] - pd.Timedelta(days=1)
        assert pack.reporting_period == human_date(f"{first:%Y-%m-%d}" + (f"/{last:%Y-%m-%d}" if last != first else ""))
        assert f"Reporting period of the briefs in view: {pack.reporting_period}." in html.unescape(pack_html(frames, CEASEFIRE))

    def test_no_map_section_without_impacts(self, frames):
        without = dataclasses.replace(frames, impacts=frames.impacts.iloc[:0])
        assert not build_pack(without, CEASEFIRE).has_impacts
        document = pack_html(without, CEASEFIRE)
        assert "Poland and the Baltic states</h2>" not in document
        assert "Poland and the Baltic states" not in pack_markdown(without, CEASEFIRE)

    def test_illustrative_items_keep_their_label(self, frames):
        pack = build_pack(frames, CEASEFIRE)
        illustrative = [p for p in pack.positions if p.illustrative]
        assert illustrative
        text = pack_markdown(frames, CEASEFIRE)
        for position in illustrative:
            assert f"[Illustrative] **{position.party_name}** {position.mark.label}: {position.summary}" in text

    def test_other_issues_are_left_out(self, frames):
        document = html.unescape(pack_html(frames, Selection(issues=("energy-truce",))))
        assert "Zelenskyy says the US security guarantee document" not in document
        assert "Energy truce" in document

    def test_data_is_escaped(self, frames, monkeypatch):
        positions = frames.positions.copy()
        positions.loc[positions.index[0], "summary"] = "<script>alert(1)</script>"
        hostile = dataclasses.replace(frames, positions=positions)
        document = pack_html(hostile)
        assert "<script>alert(1)</script>" not in document
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document


class TestMarkdown:
    def test_markdown_has_the_sections_and_quotes(self, frames):
        text = pack_markdown(frames, Selection(issues=("ceasefire",)))
        headings = ("## Bottom line", "## Where the parties stand", "## Ceasefire: ", "## Key judgments", "## Timeline", "## Annex")
        assert [text.index(heading) for heading in headings] == sorted(text.index(heading) for heading in headings)
        assert text.startswith("# Ceasefire: Lavrov Draws the Red Line — briefing, ") and "| Party |" in text and "> “" in text

    def test_a_summary_cites_records_by_name_not_by_id(self):
        """The handout is for readers: a summary citing a record by id in brackets cites it by its name."""
        from briefing.load import Layout
        from tests.conftest import CORPUS

        text = pack_markdown(load_frames(Layout(root=CORPUS)), Selection(issues=("energy-truce",)))
        body = text[: text.index("## Annex")]
        assert "(Analyst's reading, 30 January 2026)" in body
        assert not re.search(r"\((?:pos|evt|jdg|imp)-[a-z0-9-]+\)", body), body

    def test_the_pack_is_dated_by_its_sources_not_by_an_illustrative_brief(self):
        """An illustrative brief's date is no date of the sources: the pack and its file are dated by the newest
        sourced brief in view, and by the illustrative ones only when nothing else is in view."""
        from briefing.load import Layout
        from tests.conftest import CORPUS

        corpus = load_frames(Layout(root=CORPUS))
        briefs = corpus.briefs
        sourced = briefs[~briefs["id"].isin(set(corpus.illustrative_briefs))]
        illustrative = briefs[briefs["id"].isin(set(corpus.illustrative_briefs))]
        assert len(sourced) and len(illustrative) and illustrative["published"].max() > sourced["published"].max()
        pack = build_pack(corpus, Selection())
        newest = sourced["published"].max()
        assert pack.title.endswith(f"briefing, {human_date(f'{newest:%Y-%m-%d}')}") and pack.file_stem.startswith(f"{newest:%Y-%m-%d}")
        alone = build_pack(corpus, Selection(briefs=(str(illustrative["id"].iloc[0]),)))
        assert alone.file_stem.startswith(f"{illustrative['published'].max():%Y-%m-%d}")


class TestCommand:
    def test_pack_command_writes_html_and_markdown(self, tmp_path):
        for name in ("pack.html", "pack.md"):
            out = tmp_path / name
            result = subprocess.run(
                [sys.executable, "-m", "briefing", "pack", "--issue", "ceasefire", "--out", str(out)],
                cwd=PROJECT,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert result.returncode == 0, result.stderr
            text = out.read_text(encoding="utf-8")
            assert ("<!doctype html>" in text) == name.endswith(".html")
            assert "even a 60-day or longer ceasefire" in html.unescape(text)

    def test_without_a_browser_the_pdf_is_refused_and_the_slides_say_why(self, tmp_path):
        from pptx import Presentation

        env = {**os.environ, "BROWSER_PATH": str(tmp_path / "no-such-browser")}
        pdf = tmp_path / "x.pdf"
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "pack", "--issue", "ceasefire", "--out", str(pdf)],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        assert result.returncode == 1 and "cannot write a pdf pack: BROWSER_PATH=" in result.stderr
        assert "is not an executable browser" in result.stderr and not pdf.exists()
        deck = tmp_path / "x.pptx"
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "pack", "--issue", "ceasefire", "--out", str(deck)],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        assert result.returncode == 0 and "note: The pictures were not drawn" in result.stderr
        timeline = next(slide for slide in Presentation(str(deck)).slides if slide.shapes.title.text_frame.text.startswith("Timeline: "))
        assert "could not be drawn" in " ".join(shape.text_frame.text for shape in timeline.shapes if shape.has_text_frame)

    def test_a_folder_gets_the_packs_own_name(self, tmp_path, frames):
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "pack", "--issue", "ceasefire", "--format", "md", "--out", str(tmp_path)],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        expected = tmp_path / f"{build_pack(frames, CEASEFIRE).file_stem}.md"
        assert [path.name for path in tmp_path.iterdir()] == [expected.name] and expected.name.endswith("-ceasefire.md")
        assert expected.read_text(encoding="utf-8").startswith("# Ceasefire: Lavrov Draws the Red Line — briefing, ")

    def test_a_new_folder_named_with_a_slash_is_made_and_gets_the_packs_own_name(self, tmp_path, frames):
        folder = tmp_path / "packs" / "new-folder"
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "pack", "--issue", "ceasefire", "--format", "md", "--out", f"{folder}/"],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        expected = folder / f"{build_pack(frames, CEASEFIRE).file_stem}.md"
        assert [path.name for path in folder.iterdir()] == [expected.name] and f"wrote {expected}" in result.stderr

    def test_the_format_follows_the_suffix(self):
        from briefing.pack.files import format_for

        assert [format_for(s) for s in (".pptx", ".PDF", ".md", ".markdown", ".html", ".txt")] == [
            "pptx",
            "pdf",
            "md",
            "md",
            "html",
            "html",
        ]

    def test_unknown_issue_is_refused(self, tmp_path):
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "pack", "--issue", "nope", "--out", str(tmp_path / "x.html")],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 2 and "unknown id(s): nope" in result.stderr
        assert not (tmp_path / "x.html").exists()


class TestEventsWithoutADateOrIssue:
    """On the tiny project: an undated event keeps its bounds, a background event is named as background."""

    @pytest.fixture
    def tiny_frames(self, project):
        from briefing.frames import build_frames

        data = project.brief()
        data["events"][0].pop("issues")
        project.write("alpha.yaml", data)
        corpus = project.load()
        assert corpus.problems == ()
        return build_frames(corpus)

    def test_markdown_keeps_not_before_and_not_after(self, tiny_frames):
        document = pack_markdown(tiny_frames)
        undated = "- **between March 2024 and 2024** — Energy truce talks (proposed) · Energy truce · Expected after the Geneva round."
        assert undated in document
        assert "- **12 March 2024** — Geneva talks end without agreement · Background (no single issue)" in document

    def test_html_keeps_not_before_and_not_after(self, tiny_frames):
        document = html.unescape(pack_html(tiny_frames))
        assert "<strong>between March 2024 and 2024</strong> — Energy truce talks" in document
        assert "Expected after the Geneva round." in document and "· Background (no single issue)" in document
