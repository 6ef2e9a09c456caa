"""The pack's file names: the date, the brief and the filter, e.g. ``2026-01-30-lavrov-ceasefire.pdf``.

Built only from ids the frames know (never from a URL's text), reduced to lower-case ASCII letters, digits and
hyphens, and bounded in length, so a name is safe on every operating system and readable in a folder listing.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from briefing.frames import Selection

MOST_PART = 40  # characters of the brief or the filter part; more reads as a count ("3-briefs", "5-issues")
MOST_IDS = 3  # more ids than this are counted rather than listed
_DATED_TAIL = re.compile(r"-\d{4}(-\d{2}){0,2}$")  # "lavrov-red-line-2026-01": the date is already in the name


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: accents dropped, anything else a separator."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


def brief_stem(brief_id: str) -> str:
    """A brief's short name: its id without the date at its end, to its first word ("lavrov-red-line-2026-01" → "lavrov")."""
    words = slug(_DATED_TAIL.sub("", brief_id)).split("-")
    return words[0] or slug(brief_id)


def _part(ids: list[str], every: str, noun: str) -> str:
    """The ids joined, or `every` when none; a count when they are many or long."""
    if not ids:
        return every
    joined = "-".join(dict.fromkeys(ids))
    if len(ids) > MOST_IDS or len(joined) > MOST_PART:
        return f"{len(ids)}-{noun}"
    return joined


def file_stem(latest: pd.Timestamp | None, in_view: tuple[str, ...], all_briefs: tuple[str, ...], selection: Selection) -> str:
    """date-brief-filter: the latest publication in view, the brief(s) in view (or "all-briefs" when the view holds
    every brief of several), and the issues of the filter (or "all-issues")."""
    date = f"{latest:%Y-%m-%d}" if latest is not None and not pd.isna(latest) else "undated"
    every_brief = not selection.briefs and len(in_view) > 1 and set(in_view) == set(all_briefs)
    briefs = _part([] if every_brief else [brief_stem(b) for b in in_view], "all-briefs", "briefs")
    issues = _part([slug(issue) for issue in selection.issues], "all-issues", "issues")
    parties = [slug(party) for party in selection.parties]
    parts = [date, briefs, issues] + ([_part(parties, "", "parties")] if parties else [])
    return "-".join(part for part in parts if part)


def file_name(stem: str, suffix: str) -> str:
    """The stem with the format's suffix (".pdf")."""
    return f"{stem}{suffix}"
