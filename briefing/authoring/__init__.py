"""Writing briefs: ``new`` starts one from a source text, ``fill`` completes the evidence an analyst wrote as quotes.

These are the only commands that write to data/ and seeds/. Every write is atomic, and ``fill`` changes a file
only where it is sure: offsets of quotes found in the seed, ids no other span uses, the seed id the brief
declares and the seed file's own sha256. Everything else it reports and leaves to the analyst.

``fill`` edits the text rather than re-emitting the document: a YAML dumper (ruamel.yaml's round trip included)
re-wraps long scalars, so an edit of one offset would rewrite lines nobody touched. Instead each value is
spliced in at the place the YAML parser reports for its node, and the result must parse to exactly the old
document plus those values, or nothing is written.

    base    What the authoring commands share: their error, the slug check and the key orders they write.
    new     `new`: a source text copied into seeds/ and a skeleton brief that already carries its seed.
    result  What `fill` changed or could not change in one file.
    splice  Writing values into a YAML file at the places its parser reports, leaving every other byte as it was.
    spans   The evidence spans of a brief document: where each sits, which record holds it, and its seed.
    fill    `fill`: offsets, evidence ids, seed ids and sha256 worked out from the quotes and written into the brief.
    check   Checking named brief files against the whole corpus.
    main    The command-line entries of `new` and `fill`.
"""

from briefing.authoring.base import AuthoringError
from briefing.authoring.check import check_files, ok_line
from briefing.authoring.fill import fill_file
from briefing.authoring.main import fill_main, new_main
from briefing.authoring.new import new_brief
from briefing.authoring.result import Change, FillResult
from briefing.authoring.spans import evidence_id
from briefing.authoring.splice import plain_scalar

__all__ = [
    "AuthoringError",
    "Change",
    "FillResult",
    "check_files",
    "evidence_id",
    "fill_file",
    "fill_main",
    "new_brief",
    "new_main",
    "ok_line",
    "plain_scalar",
]
