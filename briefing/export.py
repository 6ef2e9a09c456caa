"""Export the normalized dataset (or a filtered view of it) as JSON or CSV; the dashboard reuses this."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pandas as pd

from briefing.frames import RECORD_TABLES, Frames, Selection, select
from briefing.negotiation import view_verdicts
from briefing.readings import cell_readings

EXPORT_TABLES = ("briefs", "parties", "issues", *RECORD_TABLES)
DERIVED_TABLES = ("cells", "verdicts")  # what the views conclude, by the same rules as the views
EVIDENCE_FIELDS = ("id", "seed", "start", "end", "quote")
CELL_COLUMNS = ["party", "issue", "headline", "brief", "stance", "claim_type", "confidence", "date", "records", "contested", "disagreeing"]
VERDICT_COLUMNS = ["issue", "verdict", "confidence", "rests_on", "contested_by", "uncertain", "explanation", "readings"]
READING_FIELDS = ("outcome", "rests_on", "label", "claim_type", "confidence")  # each reading of a verdict that depends


def _plain(value):
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def export_records(frames: Frames, selection: Selection | None = None) -> dict[str, list[dict]]:
    """Every table as a list of plain records; each claim carries its evidence spans in full."""
    view = select(frames, selection or Selection())
    spans = {row["id"]: {k: _plain(row[k]) for k in EVIDENCE_FIELDS} for row in frames.evidence.to_dict("records")}
    records: dict[str, list[dict]] = {}
    for name in EXPORT_TABLES:
        rows = []
        for row in view.table(name).to_dict("records"):
            plain = {key: _plain(value) for key, value in row.items()}
            if name in RECORD_TABLES:
                for column in [str(c) for c in row if c == "evidence" or str(c).endswith("_evidence")]:
                    plain[column] = [spans[span_id] for span_id in row[column]]
            rows.append(plain)
        records[name] = rows
    readings = cell_readings(view.positions)
    records["cells"] = [{key: _plain(row[key]) for key in CELL_COLUMNS} for _index, row in readings.iterrows()]
    records["verdicts"] = [
        {
            "issue": v.issue,
            "verdict": v.verdict,
            "confidence": v.confidence,
            "rests_on": list(v.rests_on),
            "contested_by": list(v.contested_by),
            "uncertain": v.uncertain,
            "explanation": v.explanation,
            "readings": [{field: _plain(getattr(reading, field)) for field in READING_FIELDS} for reading in v.readings],
        }
        for v in view_verdicts(view, (selection or Selection()).issues)
    ]
    return records


def to_json(frames: Frames, selection: Selection | None = None) -> str:
    return json.dumps(export_records(frames, selection), ensure_ascii=False, indent=2)


def _csv_cell(value):
    if isinstance(value, list):
        if value and isinstance(value[0], dict):  # evidence spans: ids here, full spans in evidence.csv
            return ";".join(span["id"] for span in value)
        return ";".join(str(v) for v in value)
    return "" if value is None else value


def to_csv_tables(frames: Frames, selection: Selection | None = None) -> dict[str, str]:
    """One CSV text per table, plus evidence.csv with every span the exported records cite."""
    records = export_records(frames, selection)
    cited = []
    for name in RECORD_TABLES:
        for row in records[name]:
            for column in [c for c in row if c == "evidence" or c.endswith("_evidence")]:
                role = "claim" if column == "evidence" else column.removesuffix("_evidence").replace("_", "-")
                cited += [{"record_kind": name[:-1], "record_id": row["id"], "role": role, **span} for span in row[column]]
    tables = {name: rows for name, rows in records.items()}
    tables["evidence"] = cited
    texts = {}
    for name, rows in tables.items():
        buffer = io.StringIO()
        if rows:
            columns = list(rows[0])
        elif name == "evidence":
            columns = ["record_kind", "record_id", "role", *EVIDENCE_FIELDS]
        elif name in DERIVED_TABLES:
            columns = CELL_COLUMNS if name == "cells" else VERDICT_COLUMNS
        else:
            columns = list(frames.table(name).columns)
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            # a verdict's readings are a list of objects: one JSON text in their cell
            cells = {key: json.dumps(value, ensure_ascii=False) if key == "readings" else _csv_cell(value) for key, value in row.items()}
            writer.writerow(cells)
        texts[name] = buffer.getvalue()
    return texts


def write_export(frames: Frames, fmt: str, issues: tuple[str, ...] = (), out: Path | None = None) -> list[Path]:
    """Write JSON to a file or stdout, or CSV files into a folder; returns the paths written."""
    selection = Selection(issues=issues)
    if fmt == "json":
        text = to_json(frames, selection)
        if out is None:
            sys.stdout.write(text + "\n")
            return []
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
        return [out]
    if fmt == "csv":
        folder = out or Path("export")
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, text in to_csv_tables(frames, selection).items():
            path = folder / f"{name}.csv"
            path.write_text(text, encoding="utf-8")
            written.append(path)
        return written
    raise ValueError(f"unknown export format {fmt!r}; use json or csv")
