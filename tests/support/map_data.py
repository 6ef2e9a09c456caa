"""The regional map's inputs built in code: square outlines for Poland, the Baltic states and their neighbours, the
parties (with the Baltic group), impact rows, a hostile name, and a colour as the figures write it with an opacity.
Shared by the tests of the Plotly map figure and of the server-drawn SVG map."""

from __future__ import annotations

import pandas as pd

from briefing.outlines import Outlines

BALTIC = ("estonia", "latvia", "lithuania")
HOSTILE = '<img src=x onerror="alert(1)">'


def square(x: float, y: float, size: float = 1.0) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def subject(country_id: str, name: str, x: float, y: float) -> dict:
    return {
        "id": country_id,
        "name": name,
        "role": "subject",
        "rings": [square(x, y)],
        "labels": [{"text": name, "at": [x + 0.5, y + 0.5]}],
        "hit_points": [[x + 0.3, y + 0.3], [x + 0.7, y + 0.7]],
    }


def outlines(*, without: tuple[str, ...] = (), neighbour_label: str = "Russia\n(Kaliningrad)") -> Outlines:
    countries = [
        subject("poland", "Poland", 18, 50),
        subject("lithuania", "Lithuania", 22, 54),
        subject("latvia", "Latvia", 22, 55),
        subject("estonia", "Estonia", 22, 56),
        {
            "id": "russia",
            "name": "Russia",
            "role": "neighbour",
            "rings": [square(28, 55, 3), square(20, 54)],
            "labels": [{"text": "Russia", "at": [29, 56]}, {"text": neighbour_label, "at": [20.5, 54.5]}],
        },
        {
            "id": "belarus",
            "name": "Belarus",
            "role": "neighbour",
            "rings": [square(24, 52, 2)],
            "labels": [{"text": "Belarus", "at": [25, 53]}],
        },
        {"id": "iso-208", "name": "Denmark", "role": "context", "rings": [square(12, 55)]},
    ]
    return Outlines.model_validate(
        {
            "source": "squares",
            "licence": "public domain",
            "bounds": {"west": 10, "south": 48, "east": 32, "north": 60},
            "countries": [country for country in countries if country["id"] not in without],
            "digest": "test",
        }
    )


def parties(poland_name: str = "Poland") -> pd.DataFrame:
    rows = [
        ("russia", "Russia", ()),
        ("poland", poland_name, ()),
        ("estonia", "Estonia", ()),
        ("latvia", "Latvia", ()),
        ("lithuania", "Lithuania", ()),
        ("baltic-states", "Baltic states", BALTIC),
    ]
    return pd.DataFrame([{"id": i, "name": name, "kind": "group" if members else "state", "members": members} for i, name, members in rows])


def impacts(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {"region": [r for r, _, _ in rows], "direction": [d for _, d, _ in rows], "confidence": [c for _, _, c in rows]},
        columns=["region", "direction", "confidence"],
    )


def rgba(colour: str, opacity: float) -> str:
    return f"rgba({int(colour[1:3], 16)},{int(colour[3:5], 16)},{int(colour[5:7], 16)},{opacity})"
