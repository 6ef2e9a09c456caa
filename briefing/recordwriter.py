"""Adding to a YAML file's text: a record at the end of a list, an evidence span, a new part of a record.

The same approach as ``fill``: the file is never re-emitted, because a dumper re-wraps scalars and rewrites lines
nobody touched. The new YAML alone is rendered (by ruamel.yaml, in the indentation the file itself uses: the
columns of its dashes and keys, measured from the parser's marks) and inserted after the last line of the list or
mapping it joins. Every other byte stays as it was, and the result must parse to exactly the old document plus the
addition, or nothing is returned.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from briefing.authoring import plain_scalar
from briefing.load import LoadError, parse_yaml


class WriteError(Exception):
    """An addition the writer cannot place in this file without changing anything else; the message says why."""


@dataclass(frozen=True)
class Edit:
    """One splice of a text: ``removed`` at index ``at`` replaced by ``inserted``, giving ``text``."""

    text: str
    at: int
    removed: str
    inserted: str

    def revert(self, current: str) -> str:
        """The text before this edit, from the text it produced."""
        if current[self.at : self.at + len(self.inserted)] != self.inserted:
            raise WriteError("the file no longer holds this edit at its place")
        return current[: self.at] + self.removed + current[self.at + len(self.inserted) :]


@dataclass(frozen=True)
class _Style:
    """Columns relative to the key that holds a collection: ruamel.yaml's ``indent(mapping, sequence, offset)``."""

    mapping: int = 2  # a nested mapping's keys
    sequence: int = 4  # a list item's content
    offset: int = 2  # a list item's dash
    newline: str = "\n"


def _block(node: yaml.Node) -> bool:
    return isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style


def _styles(text: str, root: yaml.Node) -> tuple[_Style, _Style]:
    """The file's style for lists under top-level keys and for lists deeper in, each measured from its first example."""
    found: dict[str, int] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
            continue
        if not isinstance(node, yaml.MappingNode):
            continue
        for key, value in node.value:
            level = "top" if key.start_mark.column == 0 else "nested"
            if _block(value) and isinstance(value, yaml.SequenceNode) and value.value and f"{level}-offset" not in found:
                found[f"{level}-offset"] = value.start_mark.column - key.start_mark.column
                found[f"{level}-sequence"] = value.value[0].start_mark.column - key.start_mark.column
            elif _block(value) and isinstance(value, yaml.MappingNode) and "mapping" not in found:
                found["mapping"] = value.start_mark.column - key.start_mark.column
        stack.extend(reversed([value for _key, value in node.value]))
    newline = "\r\n" if "\r\n" in text else "\n"
    mapping = found.get("mapping", 2)
    nested = _Style(
        mapping, found.get("nested-sequence", found.get("top-sequence", 4)), found.get("nested-offset", found.get("top-offset", 2)), newline
    )
    top = _Style(mapping, found.get("top-sequence", nested.sequence), found.get("top-offset", nested.offset), newline)
    return top, nested


def _scalar(value: object) -> object:
    """A value as ruamel.yaml should write it: ids and keywords plain, any other text double-quoted on one line.

    Plain only where this project's loader reads the text back as the same string (ruamel.yaml follows YAML 1.2,
    the loader 1.1: "on" or "yes" would come back as a boolean); numbers-like text such as dates is quoted, as the
    format asks.
    """
    if isinstance(value, str):
        plain = plain_scalar(value) == value and not re.fullmatch(r"[\d.:-]+", value)
        return value if plain else DoubleQuotedScalarString(value)
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _scalar(item)
        return mapping
    if isinstance(value, list | tuple):
        items = CommentedSeq([_scalar(item) for item in value])
        if not any(isinstance(item, dict) for item in value):
            items.fa.set_flow_style()  # a list of ids on one line, as the briefs write them: issues: [a, b]
        return items
    return value


def _render(value: dict, style: _Style) -> list[str]:
    """A mapping as YAML lines at column 0."""
    dumper = YAML(typ="rt")
    dumper.indent(mapping=style.mapping, sequence=style.sequence, offset=style.offset)
    dumper.width = 1 << 30  # never fold: a folded line would be indented by the emitter, not by the file's style
    out = io.StringIO()
    dumper.dump(_scalar(value), out)
    return out.getvalue().splitlines()


def _item_lines(item: dict, dash: int, key: int, style: _Style) -> list[str]:
    """A list item at the given dash and key columns; ``style`` is the one of lists nested in the item."""
    lines = _render(item, style)
    first = " " * dash + "-" + " " * max(1, key - dash - 1) + lines[0]
    return [first, *(" " * key + line if line else line for line in lines[1:])]


def _node(root: yaml.Node, path: tuple) -> tuple[yaml.Node | None, yaml.Node | None]:
    """The node at ``path`` and, where its last step is a key, that key's node."""
    node, key_node = root, None
    for step in path:
        key_node = None
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            pair = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step), None)
            if pair is None:
                return None, None
            key_node, node = pair
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            return None, None
    return node, key_node


def _after_line(text: str, node: yaml.Node) -> int:
    """The index just past the line on which ``node`` ends (its last scalar, comments on that line included).

    A block scalar's end mark lies on the next line that is not part of it, after its trailing blank lines: the
    text is walked back to its last character first.
    """
    while _block(node) and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    index = node.end_mark.index
    while index > 0 and text[index - 1] in " \t\r\n":
        index -= 1
    newline = text.find("\n", index)
    return len(text) if newline == -1 else newline + 1


def _splice(text: str, at: int, end: int, lines: list[str], newline: str, before: str = "") -> Edit:
    block = newline.join(lines)
    unterminated = at == len(text) and text and not text.endswith("\n")  # a last line without a newline stays so
    inserted = before + newline + block if unterminated else before + block + newline
    return Edit(text[:at] + inserted + text[end:], at, text[at:end], inserted)


def _parsed(text: str) -> tuple[dict, yaml.Node]:
    try:
        document = parse_yaml(text.encode("utf-8"))
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except (LoadError, yaml.YAMLError) as error:
        raise WriteError(f"the file is not valid YAML ({error}); fix it first") from None
    if not isinstance(document, dict) or not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise WriteError("the file is not a block mapping of keys")
    return document, root


def _verified(edit: Edit, expected: dict) -> Edit:
    try:
        same = parse_yaml(edit.text.encode("utf-8")) == expected
    except LoadError:
        same = False
    if not same:
        raise WriteError(
            "the addition could not be placed in this file's layout without changing anything else; nothing was written: add it by hand"
        )
    return edit


def _target(document: dict, path: tuple):
    target = document
    for step in path:
        target = target[step]
    return target


def append_item(text: str, path: tuple, item: dict) -> Edit:
    """Append ``item`` to the list at ``path`` (e.g. ``("positions",)`` or ``("positions", 3, "evidence")``).

    A list that is missing, empty (``key:``) or written ``[]`` is made a block list holding the item.
    """
    document, root = _parsed(text)
    top, nested = _styles(text, root)
    *parent_path, key = path
    expected = copy.deepcopy(document)
    parent, _ = _node(root, tuple(parent_path))
    if not isinstance(parent, yaml.MappingNode) or not isinstance(_target(expected, tuple(parent_path)), dict):
        raise WriteError(f"there is no mapping at {'.'.join(map(str, parent_path)) or 'the top'} to add {key} to")
    if parent.flow_style:
        raise WriteError(f"{key} is inside a mapping written in flow style {{…}}; the workbench adds only to block layout")
    node, key_node = _node(root, tuple(path))
    holder = _target(expected, tuple(parent_path))
    if key_node is None:
        holder[key] = [item]
        return _verified(add_entry(text, tuple(parent_path), key, [item]), expected)
    style = top if key_node.start_mark.column == 0 else nested
    key_column = key_node.start_mark.column
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        holder[key].append(item)
        dash = node.start_mark.column
        first = node.value[0].start_mark.column
        at = _after_line(text, node)
        return _verified(_splice(text, at, at, _item_lines(item, dash, first, nested), style.newline), expected)
    empty_flow = isinstance(node, yaml.SequenceNode) and node.flow_style and not node.value
    empty = isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"
    if node is None or not (empty_flow or empty):
        raise WriteError(f"{key} is not a list written one item per line; the workbench adds only to block lists")
    holder[key] = [item]
    lines = _item_lines(item, key_column + style.offset, key_column + style.sequence, nested)
    line_end = _after_line(text, key_node)
    if node.end_mark.index > node.start_mark.index:
        # "key: []  # comment" or "key: ~": the value goes, the rest of the line stays, the items follow on their own lines
        start, end = node.start_mark.index, node.end_mark.index
        rest = text[end:line_end].rstrip("\r\n")
        return _verified(_splice(text, start, line_end, lines, style.newline, before=rest + style.newline), expected)
    return _verified(_splice(text, line_end, line_end, lines, style.newline), expected)


def add_entry(text: str, path: tuple, key: str, value: object) -> Edit:
    """Add ``key: value`` at the end of the mapping at ``path`` (a record's red line, a brief's first events, ...)."""
    document, root = _parsed(text)
    top, nested = _styles(text, root)
    mapping, _ = _node(root, path)
    expected = copy.deepcopy(document)
    holder = _target(expected, path) if mapping is not None else None
    if not isinstance(mapping, yaml.MappingNode) or not isinstance(holder, dict):
        raise WriteError(f"there is no mapping at {'.'.join(map(str, path)) or 'the top'} to add {key} to")
    if mapping.flow_style:
        raise WriteError(f"the mapping at {'.'.join(map(str, path))} is written in flow style {{…}}; add {key} by hand")
    if key in holder:
        raise WriteError(f"{key} is already there")
    holder[key] = value
    column = mapping.value[0][0].start_mark.column if mapping.value else mapping.start_mark.column
    style = top if column == 0 else nested
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        lines = [f"{' ' * column}{key}:"]
        for item in value:
            lines += _item_lines(item, column + style.offset, column + style.sequence, nested)
    else:
        lines = [" " * column + line if line else line for line in _render({key: value}, nested)]
    at = _after_line(text, mapping)
    return _verified(_splice(text, at, at, lines, style.newline), expected)
