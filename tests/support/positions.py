"""Positions rows as the frames hold them, built in code: one row per call (`position`), a frame of them (`positions`).
For the tests of verdicts, readings and the bottom line on small frames."""

from __future__ import annotations

import pandas as pd

from briefing.vocabulary import CLAIM_TYPES, STANCES


def position(
    number: int,
    party: str,
    stance: str,
    claim: str = "stated",
    confidence: str = "high",
    low=None,
    high=None,
    range_claim=None,
    date: str | None = None,
    brief: str = "b",
    issue: str = "truce",
) -> dict:
    words = STANCES[stance]
    rank, label, symbol = words.rank, words.word, words.symbol
    return {
        "id": f"p{number}",
        "brief": brief,
        "brief_published": pd.Timestamp("2026-01-30"),
        "party": party,
        "party_name": party.title(),
        "issue": issue,
        "issue_label": issue.title(),
        "stance": stance,
        "stance_label": label,
        "stance_symbol": symbol,
        "stance_rank": rank,
        "summary": f"summary {number}",
        "date": date,
        "date_start": pd.Timestamp(date) if date else pd.NaT,
        "date_end": pd.Timestamp(date) if date else pd.NaT,
        "claim_type": claim,
        "claim_label": CLAIM_TYPES[claim].label,
        "confidence": confidence,
        "evidence": (f"e{number}",),
        "red_line": None,
        "red_line_claim_type": None,
        "red_line_evidence": (),
        "range_low": low,
        "range_high": high,
        "range_note": None,
        "range_claim_type": (range_claim or claim) if low else None,
        "range_evidence": (f"r{number}",) if low else (),
        "relevant": True,
    }


def positions(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))
