"""What the authoring commands share: their error, the slug check and the key orders they write."""

from __future__ import annotations

from pydantic import TypeAdapter, ValidationError

from briefing.schema import Slug

SLUG = TypeAdapter(Slug)
EVIDENCE_KEYS = ("id", "seed", "start", "end", "quote")  # the order fill writes them in
SEED_KEYS = ("id", "file", "sha256")


class AuthoringError(Exception):
    """A request that cannot be carried out as asked; the message says why and what to do."""


def _slug(value: str, what: str) -> str:
    try:
        return SLUG.validate_python(value)
    except ValidationError:
        raise AuthoringError(
            f"{what} {value!r} is not a slug: lowercase letters, digits and single hyphens, at most 80 characters "
            "(e.g. lavrov-red-line-2026-01)"
        ) from None
