"""Declarative schemas: YAML mappings checked against frozen dataclasses, with file and line."""

from __future__ import annotations

import dataclasses
import difflib
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

import yaml

from .errors import Problem

T = TypeVar("T")
Check = Callable[[Any], str | None]


def option(doc: str, default: Any = dataclasses.MISSING, check: Check | None = None) -> Any:
    """Return a dataclass field that carries its documentation and an optional value check."""
    metadata = {"doc": doc, "check": check}
    if isinstance(default, (list, dict, set)):
        raise TypeError("mutable defaults are not allowed; use a tuple")
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML text, kept as nodes so that every value knows its line."""

    path: str
    root: yaml.Node | None


def parse_yaml(text: str, path: str, first_line: int = 1) -> YamlDocument:
    """Return the node tree of a YAML text, or raise a Problem list on a syntax error."""
    padded = "\n" * (first_line - 1) + text
    try:
        root = yaml.compose(padded, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else first_line
        raise SchemaProblems([Problem(path, line, f"malformed YAML: {error.problem}")]) from None
    except yaml.YAMLError as error:
        raise SchemaProblems([Problem(path, first_line, f"malformed YAML: {error}")]) from None
    return YamlDocument(path, root)


class SchemaProblems(Exception):
    """Problems found while reading YAML against a schema (converted by callers)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def line_of(node: yaml.Node) -> int:
    """Return the 1-based line a node starts on (1 for a node made up for an empty document)."""
    return node.start_mark.line + 1 if node.start_mark else 1


def read_dataclass(cls: type[T], node: yaml.Node | None, path: str, where: str = "") -> T:
    """Return an instance of cls built from a mapping node, or raise SchemaProblems."""
    problems: list[Problem] = []
    value = _read_mapping(cls, node, path, where, problems)
    if problems:
        raise SchemaProblems(problems)
    return value  # type: ignore[no-any-return]


def _read_mapping(
    cls: type[Any], node: yaml.Node | None, path: str, where: str, problems: list[Problem]
) -> Any:
    """Return cls(**fields) from a mapping node, appending every problem found."""
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        node = yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(path, line_of(node), f"{where or 'document'}: expected a mapping"))
        return None
    fields = {field.name: field for field in dataclasses.fields(cls)}
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "(complex key)"
        label = f"{where}.{key}" if where else key
        if key in values:
            problems.append(Problem(path, line_of(key_node), f"{label}: key given twice"))
            continue
        if key not in fields:
            problems.append(Problem(path, line_of(key_node), _unknown_key(label, key, fields)))
            continue
        value = _read_value(hints[key], value_node, path, label, problems)
        check = fields[key].metadata.get("check")
        message = check(value) if check and value is not None else None
        if message:
            problems.append(Problem(path, line_of(value_node), f"{label}: {message}"))
        values[key] = value
    missing = [name for name, field in fields.items() if name not in values and _is_required(field)]
    for name in missing:
        label = f"{where}.{name}" if where else name
        problems.append(Problem(path, line_of(node), f"{label}: required key is missing"))
    if missing:
        return None
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:
        problems.append(Problem(path, line_of(node), f"{where or 'document'}: {error}"))
        return None


def _is_required(field: dataclasses.Field[Any]) -> bool:
    """Return whether a field has no default."""
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _unknown_key(label: str, key: str, fields: dict[str, Any]) -> str:
    """Return the message for an unknown key, with a suggestion when one is close."""
    close = difflib.get_close_matches(key, list(fields), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"{label}: unknown key{hint}; known keys: {', '.join(sorted(fields))}"


def _read_value(hint: Any, node: yaml.Node, path: str, label: str, problems: list[Problem]) -> Any:
    """Return the Python value of a node for a type hint, appending problems."""
    origin = get_origin(hint)
    args = get_args(hint)
    if origin in (Union, types.UnionType):
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return None
        inner = [arg for arg in args if arg is not type(None)]
        return _read_value(inner[0], node, path, label, problems)
    if origin is tuple:
        return _read_sequence(args[0], node, path, label, problems)
    if origin is dict:
        return _read_dict(args[1], node, path, label, problems)
    if origin is Literal:
        value = _read_scalar(str, node, path, label, problems)
        if value is not None and value not in args:
            allowed = ", ".join(map(str, args))
            problems.append(Problem(path, line_of(node), f"{label}: must be one of {allowed}"))
        return value
    if dataclasses.is_dataclass(hint):
        return _read_mapping(hint, node, path, label, problems)  # type: ignore[arg-type]
    return _read_scalar(hint, node, path, label, problems)


def _read_sequence(
    item: Any, node: yaml.Node, path: str, label: str, problems: list[Problem]
) -> Any:
    """Return a tuple read from a sequence node (a lone scalar counts as a one-item list)."""
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return ()
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    if isinstance(node, yaml.MappingNode) and not dataclasses.is_dataclass(item):
        problems.append(Problem(path, line_of(node), f"{label}: expected a list"))
        return ()
    return tuple(
        _read_value(item, child, path, f"{label}[{index}]", problems)
        for index, child in enumerate(nodes)
    )


def _read_dict(item: Any, node: yaml.Node, path: str, label: str, problems: list[Problem]) -> Any:
    """Return a dict of str keys read from a mapping node."""
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(path, line_of(node), f"{label}: expected a mapping"))
        return {}
    return {
        str(key.value): _read_value(item, value, path, f"{label}.{key.value}", problems)
        for key, value in node.value
    }


_TYPE_NAMES = {str: "a string", int: "a whole number", bool: "true or false", float: "a number"}


def _read_scalar(hint: Any, node: yaml.Node, path: str, label: str, problems: list[Problem]) -> Any:
    """Return a scalar of the hinted type; strings keep the text as written (2016-05 stays)."""
    if not isinstance(node, yaml.ScalarNode):
        problems.append(Problem(path, line_of(node), f"{label}: expected {_TYPE_NAMES[hint]}"))
        return None
    if hint is str:
        return str(node.value)
    value = yaml.SafeLoader("").construct_object(node)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if type(value) is not hint:
        problems.append(Problem(path, line_of(node), f"{label}: expected {_TYPE_NAMES[hint]}"))
        return None
    return value


def documented_fields(cls: type[Any], prefix: str = "") -> list[tuple[str, str]]:
    """Return (dotted name, doc) for every field of a schema, nested ones included."""
    rows: list[tuple[str, str]] = []
    hints = get_type_hints(cls)
    for field in dataclasses.fields(cls):
        name = f"{prefix}{field.name}"
        rows.append((name, str(field.metadata.get("doc", ""))))
        inner = _nested_dataclass(hints[field.name])
        if inner is not None:
            rows.extend(documented_fields(inner, f"{name}."))
    return rows


def _nested_dataclass(hint: Any) -> type[Any] | None:
    """Return the dataclass inside a hint such as tuple[X, ...] or X | None, if any."""
    if dataclasses.is_dataclass(hint):
        return hint  # type: ignore[return-value]
    for arg in get_args(hint):
        found = _nested_dataclass(arg)
        if found is not None:
            return found
    return None
