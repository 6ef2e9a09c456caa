"""A source text cut into sentences and paragraphs, with offsets into the text (the editorial checks' sentence rule)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.checks import SENTENCE_END


@dataclass(frozen=True)
class Sentence:
    """One sentence: its offsets (end exclusive, surrounding space left out) and those of its paragraph."""

    start: int
    end: int
    paragraph_start: int
    paragraph_end: int

    def quote(self, text: str) -> str:
        return text[self.start : self.end]


def sentences(text: str) -> list[Sentence]:
    """Every sentence of the text with words in it, in order; a paragraph is a line."""
    found: list[Sentence] = []
    paragraph_start = 0
    for line in text.splitlines(keepends=True):
        paragraph_end = paragraph_start + len(line.rstrip())
        cut = [paragraph_start]
        cut += [paragraph_start + match.end() for match in SENTENCE_END.finditer(text[paragraph_start:paragraph_end])]
        cut.append(paragraph_end)
        for start, end in zip(cut, cut[1:], strict=False):
            piece = text[start:end]
            lead = len(piece) - len(piece.lstrip())
            start, end = start + lead, start + len(piece.rstrip())
            if end > start and any(ch.isalpha() for ch in text[start:end]):
                found.append(Sentence(start, end, paragraph_start, paragraph_end))
        paragraph_start += len(line)
    return found


def sentence_index(found: list[Sentence], offset: int) -> int | None:
    """The index of the sentence that holds an offset, or None outside every sentence."""
    for index, sentence in enumerate(found):
        if sentence.start <= offset < sentence.end:
            return index
    return None
