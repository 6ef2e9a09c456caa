"""Normalized, read-only pandas frames built once from a loaded corpus, plus filtering.

model     the Frames, their tables and lookups
build     building them from a corpus
select    the filter and the filtered view
"""

from briefing.frames.build import build_frames
from briefing.frames.model import RECORD_TABLES, TABLES, EvidenceSpan, Frames, each_row, value_at
from briefing.frames.select import Selection, select

__all__ = ["RECORD_TABLES", "TABLES", "EvidenceSpan", "Frames", "Selection", "build_frames", "each_row", "select", "value_at"]
