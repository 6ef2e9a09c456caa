"""Hypothesis strategies that break a valid brief: structural mutations of its document and edits of its YAML text; the
valid brief they start from (the tiny project's alpha brief, VALID) and the file it is written to (BROKEN).

Shared by tests/unit/test_brief_mutations.py (the loader never raises) and tests/app/test_brief_mutations.py (the
overview shows a banner and no exception). A mutation drops, duplicates, retypes or replaces any node, or inserts a
new one; the values put in are Unicode, control characters, huge numbers, empty strings and deep nesting. Text edits
cut the file, insert raw characters, repeat a line or nest brackets far deeper than any brief.
"""

from __future__ import annotations

import copy

import yaml
from hypothesis import strategies as st

from tests.support.tiny_project import SEED_TEXT, TinyProject, sha256_text

BROKEN = "data/briefs/alpha.yaml"  # where a mutated brief is written, beside the valid beta brief


class _Document(TinyProject):
    """The tiny project's valid brief as a document, without a project folder (strategies are built at import)."""

    def __init__(self) -> None:
        self.seed_sha256 = sha256_text(SEED_TEXT)


VALID = _Document().brief("alpha")


def as_yaml(document) -> bytes:
    """A document as the bytes of a YAML file (a Hypothesis example's content)."""
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True).encode("utf-8")


NASTY_TEXT = st.one_of(
    st.text(max_size=30),  # any code point but surrogates: control characters, right-to-left marks, emoji
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\x1b[2J",
            "\u202eevil",
            "\ufeff",
            "a\nb",
            "\u2028",
            "🙂" * 100,
            "x" * 3000,
            "../../etc/passwd",
            "2026-01?-29",
            "2026-XX-15",
            "[2020, 2022]",
            "9999-24",
            "-0500",
            "alpha",
        ]
    ),
)
HUGE_NUMBERS = st.sampled_from([10**100, -(10**30), 2**63, -1, 0, float("inf"), float("-inf"), float("nan"), 1e308, -0.0])


def _nested(depth: int, inner) -> object:
    for _ in range(depth):
        inner = [inner]
    return inner


NASTY_VALUES = st.one_of(
    NASTY_TEXT,
    HUGE_NUMBERS,
    st.integers(),
    st.floats(),
    st.none(),
    st.booleans(),
    st.builds(_nested, st.integers(1, 120), st.sampled_from(["x", 1, None, {}])),  # deeper nests are text edits
    st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
    st.dictionaries(st.text(max_size=8), st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
)


def node_paths(node, prefix: tuple = ()) -> list[tuple]:
    """The path (keys and indexes) of every node under this one, the node itself first."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += node_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += node_paths(value, (*prefix, index))
    return found


def _at(document, path: tuple):
    for step in path:
        document = document[step]
    return document


def _retyped(value):
    """The same content as another type: text as a number or list, a number as text, a list as a mapping…"""
    if isinstance(value, str):
        return [value] if not value.strip().isdigit() else int(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return {str(index): item for index, item in enumerate(value)}
    if isinstance(value, dict):
        return list(value.values())
    return "null"


@st.composite
def mutated_documents(draw, document: dict) -> object:
    """A copy of the document with one to three structural mutations."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        paths = node_paths(document)
        path = draw(st.sampled_from(paths))
        operation = draw(st.sampled_from(["drop", "duplicate", "retype", "replace", "insert", "copy"]))
        if not path:  # the document itself
            if operation in ("retype", "drop"):
                document = _retyped(document) if operation == "retype" else None
            elif operation in ("replace", "copy"):
                document = draw(NASTY_VALUES)
            continue
        parent, key = _at(document, path[:-1]), path[-1]
        if operation == "drop":
            del parent[key]
        elif operation == "duplicate":
            if isinstance(parent, list):
                parent.insert(key, copy.deepcopy(parent[key]))
            else:
                parent[f"{key}_copy"] = copy.deepcopy(parent[key])
        elif operation == "retype":
            parent[key] = _retyped(parent[key])
        elif operation == "replace":
            parent[key] = draw(NASTY_VALUES)
        elif operation == "copy":  # another node's value in this place: right types in the wrong field
            source = draw(st.sampled_from(paths))
            parent[key] = copy.deepcopy(_at(document, source)) if source[: len(path)] != path else parent[key]
        else:
            target = _at(document, path)
            if isinstance(target, dict):
                target[draw(NASTY_TEXT)] = draw(NASTY_VALUES)
            elif isinstance(target, list):
                target.insert(draw(st.integers(0, len(target))), draw(NASTY_VALUES))
            else:
                parent[key] = [target, draw(NASTY_VALUES)]
    return document


def dumped(document: object) -> str | None:
    """The document as YAML, or None for what PyYAML cannot write (its own limit, not the loader's)."""
    try:
        return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


@st.composite
def edited_texts(draw, text: str) -> bytes:
    """The YAML text cut, with raw characters inserted, a line repeated, or brackets nested far too deep."""
    edit = draw(st.sampled_from(["cut", "insert", "repeat-line", "deep", "bytes"]))
    if edit == "cut":
        return text[: draw(st.integers(0, len(text)))].encode("utf-8")
    if edit == "insert":
        at = draw(st.integers(0, len(text)))
        inserted = draw(st.text(min_size=1, max_size=5) | st.sampled_from(["\t", "\x00", "\r", "\ufeff", ": ", "- ", "&a ", "*a"]))
        return (text[:at] + inserted + text[at:]).encode("utf-8", "surrogatepass")
    if edit == "repeat-line":
        lines = text.splitlines(keepends=True)
        index = draw(st.integers(0, len(lines) - 1))
        return "".join([*lines[: index + 1], lines[index], *lines[index + 1 :]]).encode("utf-8")
    if edit == "deep":
        depth = draw(st.integers(1_000, 50_000))
        return text.encode("utf-8") + f"deep: {'[' * depth}{']' * depth}\n".encode()
    at = draw(st.integers(0, len(text)))
    return text.encode("utf-8")[:at] + draw(st.binary(min_size=1, max_size=8)) + text.encode("utf-8")[at:]


def brief_files(document: dict) -> st.SearchStrategy[bytes]:
    """The bytes of a broken brief file: a mutated document dumped as YAML, or the valid YAML's text edited."""
    valid = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    structural = mutated_documents(document).map(dumped).filter(lambda text: text is not None).map(lambda text: text.encode("utf-8"))
    return st.one_of(structural, structural, structural, edited_texts(valid))
