"""Drafting: from a source text to proposed records, before the analyst writes the first line of a brief.

``python -m briefing draft SEED`` proposes a position for each sentence that names a party and an issue, an event
for each dated sentence with an event word and an impact for each sentence naming a region; each proposal carries
its exact quote, its offsets and, per field, the words that decided it. Proposals are never data (see output).

    text      The text cut into sentences and paragraphs, with offsets.
    naming    Parties by name, alias and speaker; issues by keyword; the names the taxonomy lacks.
    dates     Date phrases read as EDTF (patterns + dateparser).
    rules     Claim type, confidence, stance (the lexicon), event words.
    propose   The proposals of a text.
    records   A proposal as the record to paste: quotes only, null for what only the analyst writes.
    measure   Recall of a brief encoded by hand, and proposals per record.
    coverage  The sentences no record cites.
    dismissed The workbench's dismissed suggestions, per brief, kept in the cache folder (not data).
    output    The `draft` command: a drafts file (YAML) or a list (JSON).
"""

from briefing.drafting.measure import Measure, measure
from briefing.drafting.naming import missing_names
from briefing.drafting.output import draft_main
from briefing.drafting.propose import Proposal, propose

__all__ = ["Measure", "Proposal", "draft_main", "measure", "missing_names", "propose"]
