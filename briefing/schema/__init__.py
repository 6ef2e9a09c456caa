"""The brief format as pydantic models.

Cross-record checks (references, duplicate ids, quotes at their offsets) run inside pydantic too, through the
validation context: ``{"taxonomy": Taxonomy, "seed_texts": {seed_id: text}}``. Without a context only the shape of a
record is checked. A record's own checks run even when some of its fields fail, so one run reports every problem in it.

    base        field types, vocabularies (stances, claim types, directions) and the record base classes
    taxonomy    parties, speakers and issues
    evidence    evidence spans, seeds and references
    records     positions, events, impacts, judgments, ladders and editor's notes
    brief       a brief, and the walk over its records and spans
"""

from briefing.schema.base import (
    BACKGROUND_LABEL,
    IMPACT_DIRECTIONS,
    Check,
    CheckedRecord,
    ClaimType,
    Confidence,
    Direction,
    EdtfDate,
    EventStatus,
    PartyKind,
    Record,
    Review,
    ReviewableRule,
    Slug,
    Stance,
    Text,
)
from briefing.schema.brief import RECORD_FIELDS, BottomLine, Brief, record_spans
from briefing.schema.evidence import Evidence, Evidences, Reference, Seed
from briefing.schema.records import (
    LADDER_TIERS,
    LIKELIHOODS,
    AcceptableRange,
    EditorNote,
    Event,
    Impact,
    Judgment,
    Ladder,
    LadderStep,
    LadderTier,
    Likelihood,
    OrdinalStance,
    Outlook,
    Position,
    RedLine,
)
from briefing.schema.taxonomy import Issue, Party, Speaker, Taxonomy

__all__ = [
    "AcceptableRange",
    "BACKGROUND_LABEL",
    "BottomLine",
    "Brief",
    "Check",
    "CheckedRecord",
    "ClaimType",
    "Confidence",
    "IMPACT_DIRECTIONS",
    "Direction",
    "EditorNote",
    "EdtfDate",
    "Event",
    "EventStatus",
    "Evidence",
    "Evidences",
    "Impact",
    "Issue",
    "Judgment",
    "LADDER_TIERS",
    "LIKELIHOODS",
    "Ladder",
    "LadderStep",
    "LadderTier",
    "Likelihood",
    "OrdinalStance",
    "Outlook",
    "Party",
    "PartyKind",
    "Position",
    "RECORD_FIELDS",
    "Record",
    "RedLine",
    "Reference",
    "Review",
    "ReviewableRule",
    "Seed",
    "Slug",
    "Speaker",
    "Stance",
    "Taxonomy",
    "Text",
    "record_spans",
]
