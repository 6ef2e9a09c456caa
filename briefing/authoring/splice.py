"""Writing values into a YAML file at the places its parser reports, leaving every other byte as it was."""

from __future__ import annotations

import json
import re

import yaml

from briefing.load import LoadError, parse_yaml


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


def plain_scalar(value: object) -> str:
    """A scalar as YAML text that the loader reads back as the same value."""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", text):
        try:
            if parse_yaml(text.encode("utf-8")) == text:
                return text
        except LoadError:
            pass
    return _quoted(text)


def _node(root: yaml.Node, path: tuple) -> yaml.Node | None:
    node: yaml.Node | None = root
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return None
        if node is None:
            return None
    return node


class _Splicer:
    """Edits to scalars of a YAML text at the places its parser reports, applied together."""

    def __init__(self, text: str, root: yaml.Node):
        self.text = text
        self.root = root
        self.replacements: dict[int, tuple[int, str]] = {}  # start index: (end index, new text)
        self.insertions: dict[int, list[tuple[int, str]]] = {}  # index: [(rank, text)]

    def set(self, path: tuple, key: str, value: object, order: tuple[str, ...]) -> None:
        mapping = _node(self.root, path)
        if not isinstance(mapping, yaml.MappingNode):
            raise ValueError(f"not a mapping at {path}")
        keys = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)]
        existing = next(((k, v) for k, v in keys if k.value == key), None)
        if existing is not None:
            key_node, value_node = existing
            if not isinstance(value_node, yaml.ScalarNode):
                raise ValueError(f"{key} is not a single value")
            start, end = value_node.start_mark.index, value_node.end_mark.index
            if start == end:  # an empty value ("start:") is placed at the next token: write after the colon
                colon = self.text.index(":", key_node.end_mark.index)
                start = end = colon + 1
                self.replacements[start] = (end, " " + plain_scalar(value))
            else:
                self.replacements[start] = (end, plain_scalar(value))
            return
        rank = order.index(key) if key in order else len(order)
        later = [k for k, _v in keys if (order.index(k.value) if k.value in order else len(order)) > rank]
        flow = mapping.flow_style
        if later:
            anchor = later[0]
            entry = f"{key}: {plain_scalar(value)}, " if flow else f"{key}: {plain_scalar(value)}\n{' ' * anchor.start_mark.column}"
            self.insertions.setdefault(anchor.start_mark.index, []).append((rank, entry))
            return
        last_key, last_value = mapping.value[-1]
        if flow:
            self.insertions.setdefault(last_value.end_mark.index, []).append((rank, f", {key}: {plain_scalar(value)}"))
            return
        line_end = self.text.find("\n", last_value.end_mark.index)
        if line_end == -1:
            self.text += "\n"
            line_end = len(self.text) - 1
        entry = f"{' ' * last_key.start_mark.column}{key}: {plain_scalar(value)}\n"
        self.insertions.setdefault(line_end + 1, []).append((rank, entry))

    def result(self) -> str:
        text = self.text
        points = sorted({*self.replacements, *self.insertions}, reverse=True)
        for index in points:
            if index in self.replacements:
                end, new = self.replacements[index]
                text = text[:index] + new + text[end:]
            if index in self.insertions:
                text = text[:index] + "".join(entry for _rank, entry in sorted(self.insertions[index])) + text[index:]
        return text
