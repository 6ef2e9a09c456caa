"""Reading a data file safely: bounded in size and expansion, UTF-8 only, no custom tags, no duplicate keys."""

from __future__ import annotations

from pathlib import Path

import yaml

MAX_YAML_BYTES = 2_000_000  # a brief is tens of KB; anything this large is a mistake or an attack
MAX_SEED_BYTES = 5_000_000
MAX_YAML_NODES = 200_000  # bounds alias bombs: aliases are shared on load but expand when walked


class _BriefLoader(yaml.CSafeLoader):
    """The C loader, with dates kept as text (EDTF strings must reach the schema unparsed) and duplicate keys refused."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in seen:
                mark = key_node.start_mark
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (a second one would silently replace the first)", mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_BriefLoader.yaml_implicit_resolvers = {
    first: [pair for pair in resolvers if pair[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
_IMPLICIT = {
    first: tuple(resolvers) + tuple(_BriefLoader.yaml_implicit_resolvers.get(None, ()))
    for first, resolvers in _BriefLoader.yaml_implicit_resolvers.items()
    if first is not None
}
_ANY = tuple(_BriefLoader.yaml_implicit_resolvers.get(None, ()))


def _resolve(self, kind, value, implicit):
    """BaseResolver.resolve for a scalar, without its generality (no path resolvers are registered): the composer
    asks once for every node, about 2,500 times a brief."""
    if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
        return yaml.resolver.BaseResolver.resolve(self, kind, value, implicit)
    if implicit[0]:
        for tag, regexp in _IMPLICIT.get(value[:1], _ANY):
            if regexp.match(value):
                return tag
    return self.DEFAULT_SCALAR_TAG


_BriefLoader.resolve = _resolve  # type: ignore[method-assign]


class LoadError(Exception):
    """A file that cannot be read as a brief; the message names the problem."""


class _Unusual(Exception):
    """A document the quick construction leaves to PyYAML's own: aliases, merge keys, other tags, any error."""


_TAG = "tag:yaml.org,2002:"
_SCALARS = {
    f"{_TAG}int": yaml.SafeLoader.construct_yaml_int,
    f"{_TAG}bool": yaml.SafeLoader.construct_yaml_bool,
    f"{_TAG}float": yaml.SafeLoader.construct_yaml_float,
    f"{_TAG}null": yaml.SafeLoader.construct_yaml_null,
}


def _built(node, loader, seen: set[int]):
    """The Python value of a composed node, as SafeConstructor builds it for the plain documents briefs are (str,
    int, float, bool, null, mappings with unique scalar keys, sequences; no alias, merge key or other tag), in a
    fraction of its time; anything else raises _Unusual, and PyYAML's constructor builds (or names) the document."""
    if id(node) in seen:
        raise _Unusual  # an alias: shared objects, possibly recursive
    seen.add(id(node))
    tag = node.tag
    if tag == f"{_TAG}str" and isinstance(node, yaml.ScalarNode):
        return node.value
    if tag == f"{_TAG}map" and isinstance(node, yaml.MappingNode):
        mapping: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag in (f"{_TAG}merge", f"{_TAG}value"):
                raise _Unusual
            key = _built(key_node, loader, seen)
            if key in mapping:
                raise _Unusual  # a duplicate key, named by the full construction
            mapping[key] = _built(value_node, loader, seen)
        return mapping
    if tag == f"{_TAG}seq" and isinstance(node, yaml.SequenceNode):
        return [_built(item, loader, seen) for item in node.value]
    if isinstance(node, yaml.ScalarNode) and (construct := _SCALARS.get(tag)) is not None:
        return construct(loader, node)
    raise _Unusual


def _load(text: str) -> object:
    """yaml.load with _BriefLoader, building the plain documents quickly (_built)."""
    loader = _BriefLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _built(node, loader, set())
        except (_Unusual, RecursionError, ValueError, TypeError, KeyError, AttributeError):
            return loader.construct_document(node)
    finally:
        loader.dispose()


def _count_nodes(value, limit: int) -> int:
    """Count nodes as a validator would walk them, giving up past the limit."""
    count = 0
    stack = [value]
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            raise LoadError(f"document expands to more than {limit:,} nodes (YAML alias bomb?)")
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def read_bounded(path: Path) -> bytes:
    """A data file's bytes, refusing anything larger than a brief can be."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise LoadError(f"cannot read file: {error.strerror}") from None
    if size > MAX_YAML_BYTES:
        raise LoadError(f"file is {size:,} bytes; the limit for a brief is {MAX_YAML_BYTES:,}")
    try:
        return path.read_bytes()
    except OSError as error:  # a folder named like a brief, a file without read permission
        raise LoadError(f"cannot read file: {error.strerror or error}") from None


def read_yaml(path: Path) -> object:
    """Parse one YAML file, bounded in size and expansion, with a clear message on failure."""
    return parse_yaml(read_bounded(path))


def parse_yaml(raw: bytes) -> object:
    """Parse YAML bytes: UTF-8 only, no NULs, no custom tags, no duplicate keys, bounded expansion."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) > 8 and raw[1:8:2] == b"\x00" * 4) or raw[0:8:2] == b"\x00" * 4:
        raise LoadError("file is UTF-16 text, not UTF-8; save it as UTF-8")
    if b"\x00" in raw:
        raise LoadError("file contains NUL bytes: binary data, not YAML")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LoadError(f"file is not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    try:
        document = _load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise LoadError(f"invalid YAML{where}: {problem}") from None
    except (ValueError, RecursionError) as error:
        raise LoadError(f"invalid YAML: {error}") from None
    _count_nodes(document, MAX_YAML_NODES)
    return document
