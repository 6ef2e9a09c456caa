"""The slides at the end of the deck: the escalation ladders and about the sources (the briefs, their files and hashes,
the filter, the data version and the editor's notes)."""

from __future__ import annotations

from briefing.pack.deck_pictures import PictureSlides
from briefing.pack.layout import DETAIL, HEADING, MUTED, SOURCE, Block, Line
from briefing.pack.slides import quote_notes


class AnnexSlides(PictureSlides):
    """The ladders and the sources, after the reader's slides."""

    def ladders(self) -> None:
        if not self.pack.ladders:
            return
        blocks = []
        for ladder in self.pack.ladders:
            blocks.append(
                Block(
                    (
                        Line(f"{ladder.party_name}: {ladder.title}", HEADING, bold=True),
                        Line(f"{ladder.claim_label} · {ladder.confidence} confidence", DETAIL, colour=MUTED, gap=0),
                    ),
                    quote_notes(ladder.quotes),
                )
            )
            blocks += [
                Block((Line(f"{step.tier_label}: {step.text} ({step.confidence} confidence)", DETAIL),), quote_notes(step.quotes))
                for step in ladder.steps
            ]
        said = "; ".join(f"{ladder.party_name}, {len(ladder.steps)} steps" for ladder in self.pack.ladders)
        self.text_slides(f"Escalation ladders: {said}", blocks)

    def about(self) -> None:
        """About the sources: the briefs, their files and hashes, the filter, the data version and the editor's notes."""
        pack = self.pack
        blocks = [
            Block(
                (
                    Line(f"Filter: {pack.filter_line}", DETAIL, gap=0),
                    Line(
                        f"Data version {pack.version} · generated {pack.generated} · {len(pack.quotes)} quotes, each verbatim at "
                        "the character offsets given in the speaker notes",
                        SOURCE,
                        colour=MUTED,
                        gap=2,
                    ),
                )
            )
        ]
        blocks += [
            Block(
                (
                    Line(f"[{number}] " + ("[Illustrative] " if brief.illustrative else "") + brief.title, DETAIL, bold=True, gap=10),
                    Line(
                        f"Published {brief.published} · source text {', '.join(brief.seed_files)} "
                        f"(sha256 {', '.join(brief.seed_sha256)}). {brief.provenance}".strip(),
                        SOURCE,
                        colour=MUTED,
                        gap=2,
                    ),
                )
            )
            for number, brief in enumerate(pack.briefs, start=1)
        ]
        if pack.notes:
            blocks.append(Block((Line("Editor's notes", DETAIL, bold=True, gap=12),)))
            blocks += [Block((Line(note.text, SOURCE),), quote_notes(note.quotes)) for note in pack.notes]
        self.annex_slides("Annex: the sources, their files and hashes", blocks)
