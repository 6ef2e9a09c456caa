"""Briefing pack: one self-contained HTML (or Markdown) document of the current filter, every quote with its source."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from briefing.frames import Frames, Selection, select
from briefing.markup import Html, html_fragment, join_html
from briefing.negotiation import view_verdicts
from briefing.readings import cell_readings, readings_by_cell
from briefing.regions import REGIONAL_PANELS as REGIONS
from briefing.schema import BACKGROUND_LABEL, CLAIM_TYPES, STANCES

STYLE = """
body{font-family:Georgia,'Times New Roman',serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}h2{border-bottom:2px solid #542788;padding-bottom:.2rem;margin-top:2.2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #999;padding:.3rem .4rem;vertical-align:top;text-align:left}
blockquote{margin:.3rem 0 .6rem;padding:.3rem .8rem;border-left:4px solid #555;background:#f4f4f4}
.source{font-size:.8rem;color:#444}.meta{color:#444;font-size:.9rem}.claim{font-variant:small-caps}
@media print{h2{page-break-after:avoid}blockquote{page-break-inside:avoid}}
"""


def _md(text) -> str:
    """Markdown-safe text: characters that would format or open raw HTML are escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", str(text))


class _Pack:
    """Collects the pack's sections once, then renders them as HTML or Markdown."""

    def __init__(self, frames: Frames, selection: Selection):
        self.frames = frames
        self.selection = selection
        self.view = select(frames, selection)
        self.seed_files = {seed: file for seeds, files in zip(frames.briefs["seeds"], frames.briefs["seed_files"], strict=True)
                           for seed, file in zip(seeds, files, strict=True)}
        self.quote_count = 0

    def spans(self, ids) -> list[dict]:
        found = self.frames.evidence_spans(ids)
        self.quote_count += len(found)
        return found

    def source_line(self, span: dict) -> str:
        return (f"{self.frames.brief_titles.get(span['brief'], span['brief'])} — {self.seed_files.get(span['seed'], span['seed'])}, "
                f"characters {span['start']}–{span['end']} (evidence {span['id']})")

    def filter_line(self) -> str:
        issues = self.frames.issue_labels
        parties = self.frames.party_names
        parts = [
            "Issues: " + (", ".join(issues.get(i, i) for i in self.selection.issues) or "all"),
            "Parties: " + (", ".join(parties.get(p, p) for p in self.selection.parties) or "all"),
            "Briefs: " + (", ".join(self.frames.brief_titles.get(b, b) for b in self.selection.briefs) or "all"),
        ]
        return " · ".join(parts)

    def matrix(self) -> tuple[list[str], list[tuple[str, list[str]]]]:
        """Each cell's headline by the rule every view uses, with "contested" and the number of records."""
        positions = self.view.positions
        readings = readings_by_cell(cell_readings(positions))
        issues = [(i, label) for i, label in zip(self.frames.issues["id"], self.frames.issues["label"], strict=True)
                  if i in set(positions["issue"])]
        rows = []
        for party, name in zip(self.frames.parties["id"], self.frames.parties["name"], strict=True):
            if not any((party, issue) in readings for issue, _label in issues):
                continue
            cells = []
            for issue, _label in issues:
                reading = readings.get((party, issue))
                cells.append(cell_words(reading) if reading is not None else "no position")
            rows.append((name, cells))
        return [label for _i, label in issues], rows

    def badge(self, brief: str) -> str:
        """"[Illustrative] " before the records of a brief written to illustrate, else nothing."""
        return "[Illustrative] " if brief in self.frames.illustrative_briefs else ""

    def events(self) -> pd.DataFrame:
        return self.view.events.sort_values(["date_start", "title"], na_position="last", kind="stable")


def cell_words(reading) -> str:
    """A matrix cell in words, as on screen: symbol, stance, claim type, contested, how many records."""
    text = f"{STANCES[reading['stance']][2]} {reading['stance_label']} ({reading['claim_type']})"
    if reading["contested"]:
        text += ", contested"
    if reading["records"] > 1:
        text += f", {reading['records']} records"
    return text


def _when(row) -> str:
    """An event's date at its precision, or for an undated one what the text says and its "not before/after" bounds."""
    if row.date:
        return f"{row.date} ({row.date_precision})"
    bounds = [f"{label} {value}" for label, value in (("not before", row.after), ("not after", row.before))
              if isinstance(value, str) and value]
    return f"undated — {row.date_note}" + (f" ({'; '.join(bounds)})" if bounds else "")


def _issues(row) -> str:
    return ", ".join(row.issue_labels) or BACKGROUND_LABEL


def _html_quotes(pack: _Pack, ids) -> Html:
    return join_html(
        html_fragment('<blockquote>“$quote”<div class="source">$source</div></blockquote>', quote=s["quote"],
                      source=pack.source_line(s))
        for s in pack.spans(ids)
    )


def _whose(claim_type: str | None) -> str:
    return "the analyst's reading" if claim_type == "assessment" else f"{claim_type}, the party's"


def pack_html(frames: Frames, selection: Selection | None = None, generated: dt.date | None = None) -> str:
    """The whole pack as one HTML document with inline styles and no external resources."""
    pack = _Pack(frames, selection or Selection())
    view = pack.view
    body: list[Html] = [
        html_fragment("<h1>Briefing pack</h1><p class=\"meta\">$filter<br>Data version $version · generated $date</p>",
                      filter=pack.filter_line(), version=frames.version or "unknown",
                      date=(generated or dt.date.today()).isoformat()),
    ]
    for brief in view.briefs.itertuples(index=False):
        body.append(html_fragment("<p><strong>$badge$title</strong>, published $date. Source text: $files (sha256 $sha)."
                                  " $provenance</p>", badge=pack.badge(brief.id),
                                  title=brief.title, date=f"{brief.published:%d %B %Y}", files=", ".join(brief.seed_files),
                                  sha=", ".join(brief.seed_sha256), provenance=brief.provenance or ""))
    if not view.notes.empty:
        body.append(Html("<h2>Editor's notes</h2>"))
    for row in view.notes.itertuples(index=False):
        body.append(html_fragment("<p>$text</p>$quotes", text=row.text, quotes=_html_quotes(pack, row.evidence)))
    body.append(Html("<h2>Key judgments</h2>"))
    for row in view.judgments.itertuples(index=False):
        body.append(html_fragment("<h3>$text</h3><p class=\"meta\">Analyst's assessment · confidence $confidence</p>$quotes",
                                  text=row.text, confidence=row.confidence, quotes=_html_quotes(pack, row.evidence)))
    headers, rows = pack.matrix()
    body.append(Html("<h2>Position matrix</h2>"))
    body.append(html_fragment("<table><tr><th>Party</th>$heads</tr>$rows</table>",
                              heads=join_html(html_fragment("<th>$h</th>", h=h) for h in headers),
                              rows=join_html(html_fragment("<tr><th>$name</th>$cells</tr>", name=name,
                                                           cells=join_html(html_fragment("<td>$c</td>", c=c) for c in cells))
                                             for name, cells in rows)))
    for row in view.positions.itertuples(index=False):
        who = row.speaker_name or row.reported_by or "—"
        body.append(html_fragment(
            "<h3>$badge$party · $issue: $symbol $stance</h3><p>$summary</p>"
            "<p class=\"meta\"><span class=\"claim\">$claim</span> · confidence $confidence · $date · $who</p>$quotes",
            badge=pack.badge(row.brief), party=row.party_name, issue=row.issue_label, symbol=STANCES[row.stance][2],
            stance=row.stance_label, summary=row.summary, claim=row.claim_label, confidence=row.confidence, date=row.date or "undated",
            who=who, quotes=_html_quotes(pack, row.evidence)))
        if row.red_line:
            body.append(html_fragment("<p><strong>Red line</strong> ($whose): $text</p>$quotes", text=row.red_line,
                                      whose=_whose(row.red_line_claim_type), quotes=_html_quotes(pack, row.red_line_evidence)))
        if row.range_low:
            body.append(html_fragment("<p><strong>Acceptable range</strong> ($whose): $low to $high. $note</p>$quotes",
                                      whose=_whose(row.range_claim_type), low=STANCES[row.range_low][1],
                                      high=STANCES[row.range_high][1], note=row.range_note or "",
                                      quotes=_html_quotes(pack, row.range_evidence)))
    body.append(Html("<h2>Negotiation space</h2>"))
    for verdict in view_verdicts(view, pack.selection.issues):
        body.append(html_fragment("<p><strong>$issue</strong>: $verdict (confidence $confidence). $why $cautions</p>"
                                  "<p class=\"meta\">Rests on: $rests. $contested</p>",
                                  issue=frames.issue_labels[verdict.issue], verdict=verdict.label,
                                  confidence=verdict.confidence, why=verdict.explanation,
                                  cautions=("Uncertain: " + "; ".join(verdict.cautions) + ".") if verdict.cautions else "",
                                  rests=", ".join(verdict.rests_on) or "nothing",
                                  contested=("Contested by: " + ", ".join(verdict.contested_by) + ".")
                                  if verdict.contested_by else ""))
    if not view.ladders.empty:
        body.append(Html("<h2>Escalation ladders</h2>"))
    for _ladder_id, steps in view.ladders.groupby("id", sort=False):
        first = steps.iloc[0]
        body.append(html_fragment("<h3>$party: $title</h3><p class=\"meta\">$claim · confidence $confidence</p>$quotes",
                                  party=first["party_name"], title=first["title"], claim=first["claim_label"],
                                  confidence=first["ladder_confidence"], quotes=_html_quotes(pack, first["ladder_evidence"])))
        for step in steps.itertuples(index=False):
            body.append(html_fragment("<p><strong>$tier:</strong> $text (confidence $confidence)</p>$quotes",
                                      tier=step.tier_label, text=step.text, confidence=step.confidence,
                                      quotes=_html_quotes(pack, step.evidence)))
    body.append(Html("<h2>Timeline</h2>"))
    for row in pack.events().itertuples(index=False):
        body.append(html_fragment("<h3>$when: $title</h3><p class=\"meta\">status $status · $issues</p>$quotes",
                                  when=_when(row), title=row.title, status=row.status, issues=_issues(row),
                                  quotes=_html_quotes(pack, row.evidence)))
    body.append(Html("<h2>Poland and the Baltic states</h2>"))
    parties = frames.parties.set_index("id")
    for region in (r for r in REGIONS if r in parties.index):  # a taxonomy without the region has no panel for it
        members = tuple(parties.at[region, "members"])
        impacts = view.impacts[view.impacts["region"].isin((region, *members))]
        names = ", ".join(parties.at[region, "member_names"])
        body.append(html_fragment("<h3>$name</h3><p class=\"meta\">$members</p>", name=parties.at[region, "name"],
                                  members=f"Members: {names}" if names else ""))
        if impacts.empty:
            body.append(Html("<p>No impact under this filter.</p>"))
        for row in impacts.itertuples(index=False):
            body.append(html_fragment("<p><strong>$direction</strong> — $assessment <span class=\"meta\">($claim, confidence "
                                      "$confidence)</span></p>$quotes", direction=row.direction_label, assessment=row.assessment,
                                      claim=row.claim_label, confidence=row.confidence, quotes=_html_quotes(pack, row.evidence)))
    covered = {*REGIONS, *(m for r in REGIONS if r in parties.index for m in parties.at[r, "members"])}
    others = view.impacts[~view.impacts["region"].isin(covered)]
    if not others.empty:
        body.append(Html("<h3>Wider region</h3>"))
    for row in others.itertuples(index=False):
        body.append(html_fragment("<p><strong>$region: $direction</strong> — $assessment <span class=\"meta\">($claim, "
                                  "confidence $confidence)</span></p>$quotes", region=row.region_name,
                                  direction=row.direction_label, assessment=row.assessment, claim=row.claim_label,
                                  confidence=row.confidence, quotes=_html_quotes(pack, row.evidence)))
    body.append(html_fragment("<h2>Sources</h2><p>$count quotes, each verbatim at the stated character offsets of its "
                              "source text. Claim types: $claims.</p>", count=str(pack.quote_count),
                              claims="; ".join(f"{k}: {v}" for k, v in CLAIM_TYPES.items())))
    return html_fragment(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Briefing pack</title>"
        "<style>$style</style></head><body>$body</body></html>", style=Html(STYLE), body=join_html(body))


def pack_markdown(frames: Frames, selection: Selection | None = None, generated: dt.date | None = None) -> str:
    """The same pack as Markdown, for pasting into notes."""
    pack = _Pack(frames, selection or Selection())
    view = pack.view
    lines = ["# Briefing pack", "", _md(pack.filter_line()), "",
             f"Data version {frames.version or 'unknown'} · generated {(generated or dt.date.today()).isoformat()}", ""]

    def quotes(ids):
        for span in pack.spans(ids):
            lines.extend([f"> “{_md(span['quote'])}”", ">", f"> — {_md(pack.source_line(span))}", ""])

    for brief in view.briefs.itertuples(index=False):
        lines += [f"**{pack.badge(brief.id)}{_md(brief.title)}**, published {brief.published:%d %B %Y}. "
                  f"Source: {_md(', '.join(brief.seed_files))}. {_md(brief.provenance or '')}", ""]
    if not view.notes.empty:
        lines += ["## Editor's notes", ""]
    for row in view.notes.itertuples(index=False):
        lines += [_md(row.text), ""]
        quotes(row.evidence)
    lines += ["## Key judgments", ""]
    for row in view.judgments.itertuples(index=False):
        lines += [f"### {_md(row.text)}", "", f"Analyst's assessment · confidence {row.confidence}", ""]
        quotes(row.evidence)
    headers, rows = pack.matrix()
    lines += ["## Position matrix", "", "| Party | " + " | ".join(_md(h) for h in headers) + " |",
              "|---|" + "---|" * len(headers)]
    lines += ["| " + _md(name) + " | " + " | ".join(_md(c) for c in cells) + " |" for name, cells in rows]
    lines.append("")
    for row in view.positions.itertuples(index=False):
        lines += [f"### {pack.badge(row.brief)}{_md(row.party_name)} · {_md(row.issue_label)}: {STANCES[row.stance][2]} "
                  f"{row.stance_label}", "",
                  _md(row.summary), "", f"*{row.claim_label}* · confidence {row.confidence} · {_md(row.date or 'undated')}", ""]
        quotes(row.evidence)
        if row.red_line:
            lines += [f"**Red line** ({_whose(row.red_line_claim_type)}): {_md(row.red_line)}", ""]
            quotes(row.red_line_evidence)
        if row.range_low:
            lines += [f"**Acceptable range** ({_whose(row.range_claim_type)}): {STANCES[row.range_low][1]} to "
                      f"{STANCES[row.range_high][1]}. {_md(row.range_note or '')}", ""]
            quotes(row.range_evidence)
    lines += ["## Negotiation space", ""]
    for verdict in view_verdicts(view, pack.selection.issues):
        lines += [f"**{_md(frames.issue_labels[verdict.issue])}**: {_md(verdict.label)} (confidence {verdict.confidence}). "
                  f"{_md(verdict.explanation)}", ""]
        if verdict.cautions:
            lines += [f"Uncertain: {_md('; '.join(verdict.cautions))}.", ""]
        lines += [f"Rests on: {_md(', '.join(verdict.rests_on))}."
                  + (f" Contested by: {_md(', '.join(verdict.contested_by))}." if verdict.contested_by else ""), ""]
    if not view.ladders.empty:
        lines += ["## Escalation ladders", ""]
    for _ladder_id, steps in view.ladders.groupby("id", sort=False):
        first = steps.iloc[0]
        lines += [f"### {_md(first['party_name'])}: {_md(first['title'])}", "",
                  f"{first['claim_label']} · confidence {first['ladder_confidence']}", ""]
        quotes(first["ladder_evidence"])
        for step in steps.itertuples(index=False):
            lines += [f"**{step.tier_label}:** {_md(step.text)} (confidence {step.confidence})", ""]
            quotes(step.evidence)
    lines += ["## Timeline", ""]
    for row in pack.events().itertuples(index=False):
        lines += [f"### {_md(_when(row))}: {_md(row.title)}", "", f"status {row.status} · {_md(_issues(row))}", ""]
        quotes(row.evidence)
    lines += ["## Poland and the Baltic states", ""]
    parties = frames.parties.set_index("id")
    for region in (r for r in REGIONS if r in parties.index):
        members = tuple(parties.at[region, "members"])
        lines += [f"### {_md(parties.at[region, 'name'])}", ""]
        for row in view.impacts[view.impacts["region"].isin((region, *members))].itertuples(index=False):
            lines += [f"**{_md(row.direction_label)}** — {_md(row.assessment)} ({row.claim_label}, confidence {row.confidence})", ""]
            quotes(row.evidence)
    covered = {*REGIONS, *(m for r in REGIONS if r in parties.index for m in parties.at[r, "members"])}
    for row in view.impacts[~view.impacts["region"].isin(covered)].itertuples(index=False):
        lines += [f"**{_md(row.region_name)}: {_md(row.direction_label)}** — {_md(row.assessment)}", ""]
        quotes(row.evidence)
    lines += ["## Sources", "", f"{pack.quote_count} quotes, each verbatim at the stated character offsets of its source text.", ""]
    return "\n".join(lines)
