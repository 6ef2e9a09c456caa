"""What `fill` changed or could not change in one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.load import Problem


@dataclass
class Change:
    """Values fill sets in one mapping (an evidence span or a seed)."""

    location: str
    record: str | None
    values: dict[str, object]
    line: int | None = None
    column: int | None = None

    def describe(self, file: str, verb: str) -> str:
        where = f"{file}:{self.line}:{self.column}" if self.line is not None else file
        label = f"{self.location} ({self.record})" if self.record else self.location
        return f"{where}: {label}: {verb} " + ", ".join(f"{key} {value}" for key, value in self.values.items())


@dataclass
class FillResult:
    path: Path
    name: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False
