"""The briefing pack: self-contained, escaped, and carrying every quote of its filter."""

from __future__ import annotations

import dataclasses
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.frames import Selection, select
from briefing.pack import pack_html, pack_markdown
from briefing.store import load_frames

PROJECT = Path(__file__).resolve().parents[2]


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
        for heading in ("## Key judgments", "## Position matrix", "## Timeline", "## Poland and the Baltic states", "## Sources"):
            assert heading in text
        assert "| Party |" in text and "> “" in text


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

    def test_pack_command_writes_slides_and_pdf(self, tmp_path):
        from pptx import Presentation
        from pypdf import PdfReader

        quote = "even a 60-day or longer ceasefire"
        for kind in ("pptx", "pdf"):
            out = tmp_path / f"x.{kind}"
            result = subprocess.run(
                [sys.executable, "-m", "briefing", "pack", "--issue", "ceasefire", "--format", kind, "--out", str(out)],
                cwd=PROJECT,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert result.returncode == 0, result.stderr
            assert "drawing the timeline and the map" in result.stderr and "note:" not in result.stderr
            if kind == "pptx":
                deck = Presentation(str(out))
                text = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
            else:
                text = " ".join(page.extract_text() for page in PdfReader(str(out)).pages)
            assert quote in " ".join(text.split()), kind

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
        timeline = next(slide for slide in Presentation(str(deck)).slides if slide.shapes[0].text_frame.text == "Timeline")
        assert "could not be drawn" in " ".join(shape.text_frame.text for shape in timeline.shapes if shape.has_text_frame)

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
        assert "### undated — Expected after the Geneva round. (not before 2024-03; not after 2024): Energy truce talks" in document
        background = "### 2024-03-12 (exact day): Geneva talks end without agreement\n\nstatus occurred · Background (no single issue)"
        assert background in document

    def test_html_keeps_not_before_and_not_after(self, tiny_frames):
        document = html.unescape(pack_html(tiny_frames))
        assert "<h3>undated — Expected after the Geneva round. (not before 2024-03; not after 2024): Energy truce talks</h3>" in document
        assert "status occurred · Background (no single issue)" in document
