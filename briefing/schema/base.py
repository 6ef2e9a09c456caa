"""Shared field types, the vocabularies (stances, claim types, directions) and the record base classes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from briefing import vocabulary
from briefing.dates import DateError, parse_date
from briefing.messages import date_hint

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]

Stance = Literal["firm-rejection", "rejection", "conditional", "support", "firm-support", "ambiguous"]

ClaimType = Literal["stated", "reported", "assessment"]
Confidence = Literal["high", "medium", "low"]
EventStatus = Literal["occurred", "proposed", "reported", "denied"]
Direction = Literal["worsens", "improves", "mixed", "uncertain"]
# the impact's word from the one vocabulary, as a label: "Worse off"
IMPACT_DIRECTIONS = {key: vocabulary.IMPACTS[key].word.capitalize() for key in ("worsens", "improves", "mixed", "uncertain")}
PartyKind = Literal["state", "organisation", "group"]
BACKGROUND_LABEL = "Background (no single issue)"  # shown for an event that names no issue


def _check_edtf(value: str | None) -> str | None:
    if value is not None:
        try:
            parse_date(value)
        except DateError as error:
            hint = date_hint(value)
            raise ValueError(f"{error}; {hint}" if hint else str(error)) from None
    return value


EdtfDate = Annotated[str, AfterValidator(_check_edtf)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Check = tuple[str | None, str]  # (field the problem is about, or None for the whole record; message)


class CheckedRecord(Record):
    """A record with rules across its fields (``checks``), run whether or not its fields validate.

    pydantic runs an "after" validator only once every field is valid, so one slip in a record used to hide
    the others. ``checks`` receives the values that did validate: for a record that failed, its raw input
    (defaults for what was left out) without the failed fields, so each rule tests only the fields it finds.
    """

    @classmethod
    def checks(cls, values: Mapping[str, Any], info: ValidationInfo) -> Iterator[Check]:
        return iter(())

    @model_validator(mode="wrap")
    @classmethod
    def _every_problem(cls, data: Any, handler, info: ValidationInfo):
        try:
            record = handler(data)
        except ValidationError as error:
            if not isinstance(data, Mapping):
                raise
            errors = error.errors()
            failed = {item["loc"][0] for item in errors if item["loc"]}
            values = {
                name: data[name] if name in data else field.get_default(call_default_factory=True)
                for name, field in cls.model_fields.items()
                if name not in failed
            }
            try:
                problems = list(cls.checks(values, info))
            except Exception:  # these values are raw input ('0' for 0), which a check may not compare: the errors stand alone
                problems = []
            raise _combined(cls.__name__, errors, problems, data) from None
        if problems := list(cls.checks(record.__dict__, info)):
            raise _combined(cls.__name__, [], problems, data)
        return record


def _combined(title: str, errors: list, problems: list[Check], data: Any) -> ValidationError:
    # every error is passed on as it was worded: known types keep their type name for the problem list
    details: list[InitErrorDetails] = [
        {"type": PydanticCustomError(item["type"], item["msg"]), "loc": item["loc"], "input": item.get("input")} for item in errors
    ]
    details += [
        {"type": PydanticCustomError("value_error", f"Value error, {message}"), "loc": (field,) if field else (), "input": data}
        for field, message in problems
    ]
    return ValidationError.from_exception_data(title, details)


# editorial warnings an editor may mark as reviewed, with the reason (briefing/checks.py); errors cannot be
ReviewableRule = Literal["hedged-quote-high-confidence", "dropped-hedge", "stated-not-party", "firm-without-absolute", "off-issue"]


class Review(Record):
    """An editor's answer to one editorial warning on a record: why the reading stands."""

    rule: ReviewableRule
    note: Text
