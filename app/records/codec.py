"""One generic reader/writer between record dataclasses and the interchange JSON.

Every record type is a plain dataclass whose type hints say what each JSON field holds, so the
rules for dates, money, enumerations and lists live here once instead of in every record.
Errors carry the JSON path of the first problem (``diary[3].occurred_at``).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin

from app.problems import Problem
from app.records.values import (
    Moment,
    ValueProblem,
    format_instant,
    format_money,
    parse_date,
    parse_instant,
    parse_money,
)

T = TypeVar("T")


class FormatProblem(Problem):
    """A field in a case file is missing or malformed; `path` names it."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def json_name(f: dataclasses.Field[Any]) -> str:
    """The JSON key for a dataclass field (``from_`` is written ``from``)."""
    return str(f.metadata.get("json", f.name))


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _is_optional(tp: Any) -> tuple[bool, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(get_args(tp)) == 2:
            return True, args[0]
    return False, tp


def _describe(tp: Any) -> str:
    names = {str: "text", int: "a whole number", bool: "true or false", date: "a date",
             Decimal: "an amount of money", list: "a list"}
    return names.get(tp, "an object")


# JSON values kept as they are: the check on the raw value, and what it should have been.
_PLAIN: dict[Any, tuple[Callable[[Any], bool], str]] = {
    bool: (lambda raw: isinstance(raw, bool), "should be true or false"),
    int: (lambda raw: isinstance(raw, int) and not isinstance(raw, bool),
          "should be a whole number"),
    str: (lambda raw: isinstance(raw, str), "should be text"),
}
# Values written as text and read back by a parser.
_PARSED: dict[Any, Callable[[str], Any]] = {
    date: parse_date, datetime: parse_instant, Moment: Moment.parse, Decimal: parse_money}


def decode_value(tp: Any, raw: Any, path: str) -> Any:
    """Turn one JSON value into the Python value the type hint asks for."""
    optional, inner = _is_optional(tp)
    if raw is None:
        if optional:
            return None
        raise FormatProblem(path, "is required but is empty")
    try:
        return _decode_present(inner, raw, path)
    except ValueProblem as exc:
        raise FormatProblem(path, str(exc)) from None


def _decode_present(tp: Any, raw: Any, path: str) -> Any:
    origin = get_origin(tp)
    if origin is Literal:
        allowed = get_args(tp)
        if raw not in allowed:
            choices = ", ".join(str(a) for a in allowed)
            raise FormatProblem(path, f"'{raw}' is not one of: {choices}")
        return raw
    if origin is list:
        if not isinstance(raw, list):
            raise FormatProblem(path, "should be a list")
        (item_tp,) = get_args(tp)
        return [decode_value(item_tp, item, f"{path}[{i}]") for i, item in enumerate(raw)]
    if tp in _PLAIN:
        fits, needed = _PLAIN[tp]
        if not fits(raw):
            raise FormatProblem(path, needed)
        return raw
    if tp in _PARSED:
        if not isinstance(raw, str):
            raise FormatProblem(path, f"should be {_describe(tp)} written as text")
        return _PARSED[tp](raw)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return decode(tp, raw, path)
    raise TypeError(f"no JSON rule for {tp!r}")  # a programming error, not bad input


def decode(cls: type[T], raw: Any, path: str = "$") -> T:
    """Build a record dataclass from its JSON object, checking every field."""
    if not isinstance(raw, dict):
        raise FormatProblem(path, "should be an object")
    hints = _hints(cast(Any, cls))
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        key = json_name(f)
        sub = f"{path}.{key}" if path != "$" else key
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if key not in raw:
            if required:
                raise FormatProblem(sub, "is required but missing")
            continue
        kwargs[f.name] = decode_value(hints[f.name], raw[key], sub)
    obj = cls(**kwargs)
    check = getattr(obj, "check", None)
    if check is not None:
        try:
            check()
        except ValueProblem as exc:
            raise FormatProblem(path, str(exc)) from None
    return obj


def encode_value(value: Any) -> Any:
    """Turn one Python value into its JSON form."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Moment):
        return value.iso()
    if isinstance(value, datetime):
        return format_instant(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, list):
        return [encode_value(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return encode(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def encode(obj: Any) -> dict[str, Any]:
    """The JSON object for a record dataclass; absent optional values are written as null."""
    return {json_name(f): encode_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
