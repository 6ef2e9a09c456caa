"""Problem messages that say where and how: YAML line and column, the record's id, and hints for likely slips."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import difflib
import re

import yaml

from briefing.dates.plain import SEASON_CODES

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
DATE_FORM = 'YYYY-MM-DD, e.g. "2026-01-30"'


def did_you_mean(value: str, known) -> str:
    """' (did you mean 'russia'?)' for a near miss among the known ids, else ''."""
    close = difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.6)
    if not close:
        return ""
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)"


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return f"{year:04d}-{month:02d}-{day:02d}" if calendar.monthrange(year, month)[1] >= day >= 1 else None
    except (calendar.IllegalMonthError, ValueError):
        return None


def _spoken(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {calendar.month_name[month]} {year}"


def date_hint(value: object) -> str | None:
    """What a date written in another common form should be, saying so when day and month could be either way round."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text):
        first, second, year = (int(part) for part in match.groups())
        day_first, month_first = _day(year, second, first), _day(year, first, second)
        if day_first and month_first and day_first != month_first:
            return (
                f"{text!r} could be {_spoken(day_first)} (day first) or {_spoken(month_first)} (month first): "
                f'write "{day_first}" or "{month_first}", whichever the source means'
            )
        if day_first or month_first:
            return f'write "{day_first or month_first}"'
        return None
    if match := re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", text):
        iso = _day(*(int(part) for part in match.groups()))
        return f'write "{iso}"' if iso else None
    words = re.findall(r"[a-z]+|\d+", text.lower())
    numbers = [int(w) for w in words if w.isdigit()]
    names = [w for w in words if not w.isdigit() and w not in ("of", "the", "st", "nd", "rd", "th")]
    years = [n for n in numbers if n >= 1000]
    if len(names) == 1 and len(years) == 1:
        year, name = years[0], names[0]
        if name in SEASON_CODES and len(numbers) == 1:
            return f'write "{year}-{SEASON_CODES[name]}" for {name} {year} (seasons are 21 to 24)'
        if name in _MONTHS:
            days = [n for n in numbers if n < 1000]
            if not days and len(numbers) == 1:
                return f'write "{year}-{_MONTHS[name]:02d}" for the whole month'
            if len(days) == 1 and (iso := _day(year, _MONTHS[name], days[0])):
                return f'write "{iso}"'
    return None


def published_message(value: object) -> str:
    """The message for a publication date that is not a plain YYYY-MM-DD date."""
    shown = repr(value)[:60]
    hint = date_hint(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return f"published {shown} is not a day of the calendar; write it as {DATE_FORM}"
    return f"published must be the source's publication date, written {DATE_FORM} (got {shown})" + (f"; {hint}" if hint else "")


def parse_published(value: object) -> dt.date:
    """A publication date: a date, or text in the one form YYYY-MM-DD; anything else gets a message saying so."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(published_message(value))


_STEP = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def _path(location: str) -> tuple:
    return tuple(int(index) if index else key for index, key in _STEP.findall(location))


def node_marks(text: str) -> dict[tuple, tuple[int, int]]:
    """(line, column), 1-based, of every node by its path, e.g. ('positions', 3, 'party'), from the YAML text.

    A scalar is placed where its value starts; a mapping or list under a key is placed at its key.
    """
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return {}
    marks: dict[tuple, tuple[int, int]] = {}
    seen: set[int] = set()  # aliases share nodes: each is walked once, so an alias bomb stays small
    stack: list[tuple[tuple, yaml.Node, yaml.Node | None]] = [((), root, None)] if root is not None else []
    while stack:
        path, node, key = stack.pop()
        shown = node if key is None or isinstance(node, yaml.ScalarNode) else key
        marks[path] = (shown.start_mark.line + 1, shown.start_mark.column + 1)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    stack.append(((*path, key_node.value), value_node, key_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(((*path, index), item, None) for index, item in enumerate(node.value))
    return marks


def _record_id(document: object, path: tuple) -> str | None:
    if len(path) < 2 or not isinstance(document, dict):
        return None
    records = document.get(path[0])
    if not isinstance(records, list) or not isinstance(path[1], int) or path[1] >= len(records):
        return None
    record = records[path[1]]
    found = record.get("id") if isinstance(record, dict) else None
    return found if isinstance(found, str) else None


def place(problems: list, text: str, document: object) -> list:
    """The problems (briefing.load.Problem) with the line and column of the node each is about, and their record's id."""
    if not problems:
        return problems
    marks = node_marks(text)
    placed = []
    for problem in problems:
        path = _path(problem.location)
        # a missing field has no node: the nearest enclosing one (its record) stands in
        while path and path not in marks:
            path = path[:-1]
        line, column = marks.get(path, (None, None))
        placed.append(dataclasses.replace(problem, line=line, column=column, record=_record_id(document, _path(problem.location))))
    return placed
