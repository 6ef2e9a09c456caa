"""Problems: one thing wrong with one file, at one record path, from pydantic's errors or from an unforeseen one."""

from __future__ import annotations

import functools
import logging
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from briefing.load.yaml_safe import LoadError, parse_yaml, read_bounded
from briefing.messages import place

log = logging.getLogger("briefing.load")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, at one record path (and, where known, its line and column and the record's id)."""

    file: str
    location: str
    message: str
    line: int | None = None
    column: int | None = None
    record: str | None = None
    unforeseen: bool = False  # an error no check foresaw (a bug, or a fault of the moment), not a fault of the data

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line is not None else self.file
        location = f"{self.location} ({self.record})" if self.location and self.record else self.location
        text = f"{where}: {location}: {self.message}" if location else f"{where}: {self.message}"
        # one line, whatever a brief holds: a newline or terminal escape in a value would forge or garble the output
        return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


def _location(loc: tuple) -> str:
    parts = ""
    for item in loc:
        if isinstance(item, int):
            parts += f"[{item}]"
        elif "[" in item or "(" in item:  # pydantic's internal validator names
            continue
        else:
            parts += f".{item}" if parts else item
    return parts


def _message(error: Mapping[str, Any]) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] in ("missing", "extra_forbidden"):
        return message.lower()
    if error["type"] not in ("value_error",) and "input" in error and not isinstance(error["input"], (dict, list)):
        shown = repr(error["input"])
        return f"{message} (got {shown[:80]}{'…' if len(shown) > 80 else ''})"
    return message


def problems_from(error: ValidationError, file: str, prefix: str = "") -> list[Problem]:
    """One Problem per pydantic error, with a record path like positions[3].evidence[0]."""
    found = []
    errors = error.errors()
    failed = {item["loc"] for item in errors if item["type"] != "too_short"}
    for item in errors:
        if item["type"] == "too_short" and any(loc[: len(item["loc"])] == item["loc"] and loc != item["loc"] for loc in failed):
            continue  # a list emptied by its failing items: the items' own errors say it all
        location = _location(item["loc"])
        if prefix:
            location = f"{prefix}[{location}]" if location.startswith("[") else (f"{prefix}.{location}" if location else prefix)
        found.append(Problem(file, location, _message(item)))
    return found


def unexpected_problem(file: str, location: str, error: Exception, doing: str = "checking it") -> Problem:
    """An error no check foresaw, as a problem for the file that met it; the traceback goes to the log."""
    where = f" at {location}" if location else ""
    log.error("unexpected error in %s%s while %s", file, where, doing, exc_info=error)
    text = " ".join(str(error).split())
    text = f"{text[:200]}…" if len(text) > 200 else text
    return Problem(
        file,
        location,
        f"unexpected {type(error).__name__} while {doing}: {text or 'no message'} (the server log has the traceback)",
        unforeseen=True,
    )


def _raises_unexpectedly(validate: Callable[[], object]) -> bool:
    try:
        validate()
    except ValidationError:
        return False
    except Exception:
        return True
    return False


def _record_model(annotation) -> type[BaseModel] | None:
    """The model in a field's type: Model, Model | None or tuple[Model, ...]."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _fault_in(model: type[BaseModel], document: object, context: dict | None) -> str:
    if not isinstance(document, dict):
        return ""
    for name, info in model.model_fields.items():
        if name not in document:
            continue
        value = document[name]
        annotation = info.annotation if info.annotation is not None else Any
        form: Any = typing.Annotated[(annotation, *info.metadata)] if info.metadata else annotation
        adapter: TypeAdapter[Any] = TypeAdapter(form)
        if not _raises_unexpectedly(functools.partial(adapter.validate_python, value, context=context)):
            continue
        inner = _record_model(info.annotation)
        if inner is not None and isinstance(value, list):
            for index, item in enumerate(value):
                if _raises_unexpectedly(functools.partial(inner.model_validate, item, context=context)):
                    deeper = _fault_in(inner, item, context)
                    return f"{name}[{index}]" + (f".{deeper}" if deeper else "")
        elif inner is not None:
            deeper = _fault_in(inner, value, context)
            return name + (f".{deeper}" if deeper else "")
        return name
    return ""


def fault_path(model: type[BaseModel], document: object, context: dict | None = None) -> str:
    """The record path of the part whose validation raised an unexpected error, e.g. positions[3].date; "" if unknown.

    pydantic turns a validator's ValueError into a located error but lets any other exception through without its
    location; validating the fields and records one at a time finds it again (only after a failure, so it costs nothing
    on a good load).
    """
    try:
        return _fault_in(model, document, context)
    except Exception:  # locating is a courtesy: the problem is reported either way
        return ""


def _placed_in_file(problems: list[Problem], path: Path) -> list[Problem]:
    """Problems found after loading (a brief from the compiled cache has no text at hand), placed from the file."""
    try:
        raw = read_bounded(path)
        return place(problems, raw.decode("utf-8"), parse_yaml(raw))
    except (LoadError, UnicodeDecodeError):
        return problems
