"""One generic reader/writer between record dataclasses and the interchange JSON.

Every record type is a plain dataclass whose type hints say what each JSON field holds, so the
rules for dates, money, enumerations and lists live here once instead of in every record.
Errors carry the JSON path of the first problem (``diary[3].occurred_at``).
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin

from app.problems import Problem
from app.records.hints import type_hints
from app.records.values import (
    Moment,
    ValueProblem,
    format_instant,
    format_money,
    parse_date,
    parse_instant,
    parse_money,
    quoted,
)
from app.translation import _

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


def _describe(tp: Any) -> str:
    names = {str: "text", int: _("a whole number"), bool: _("true or false"), date: _("a date"),
             Decimal: _("an amount of money"), list: _("a list")}
    return names.get(tp, _("an object"))


class _Wrong(Exception):
    """A problem on its way out of a nested reader; each level adds where it was."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.steps: list[str] = []  # innermost first: "[3]" for a list item, a key otherwise

    def at(self, path: str) -> FormatProblem:
        """The problem as a FormatProblem naming its full JSON path from `path`."""
        for step in reversed(self.steps):
            if step.startswith("["):
                path += step
            else:
                path = step if path == "$" else f"{path}.{step}"
        return FormatProblem(path, self.problem)


# A reader turns one JSON value into the Python value for one type hint. Readers are built once
# per type (below) instead of working the hint out again for every value: reading records is
# what large cases spend most of their time on.
_Reader = Callable[[Any], Any]


def _plain(check: Callable[[Any], bool], needed: str) -> _Reader:
    def read(raw: Any) -> Any:
        if not check(raw):
            raise _Wrong(needed)
        return raw
    return read


def _parsed(parse: Callable[[str], Any], tp: Any) -> _Reader:
    wrong_type = _("should be {0} written as text").format(_describe(tp))

    def read(raw: Any) -> Any:
        if not isinstance(raw, str):
            raise _Wrong(wrong_type)
        try:
            return parse(raw)
        except ValueProblem as exc:
            raise _Wrong(str(exc)) from None
    return read


# JSON values kept as they are: the check on the raw value, and what it should have been.
_PLAIN: dict[Any, _Reader] = {
    bool: _plain(lambda raw: isinstance(raw, bool), _("should be true or false")),
    int: _plain(lambda raw: isinstance(raw, int) and not isinstance(raw, bool),
                _("should be a whole number")),
    str: _plain(lambda raw: isinstance(raw, str), _("should be text")),
}
# Values written as text and read back by a parser.
_PARSED: dict[Any, _Reader] = {tp: _parsed(parse, tp) for tp, parse in (
    (date, parse_date), (datetime, parse_instant), (Moment, Moment.parse), (Decimal, parse_money))}


def _optional(read: _Reader) -> _Reader:
    def read_optional(raw: Any) -> Any:
        return None if raw is None else read(raw)
    return read_optional


def _required(read: _Reader) -> _Reader:
    def read_required(raw: Any) -> Any:
        if raw is None:
            raise _Wrong(_("is required but is empty"))
        return read(raw)
    return read_required


def _literal(allowed: tuple[Any, ...]) -> _Reader:
    choices = ", ".join(str(a) for a in allowed)

    def read(raw: Any) -> Any:
        if raw not in allowed:
            raise _Wrong(_("{0} is not one of: {choices}").format(quoted(raw), choices=choices))
        return raw
    return read


def _list(read_item: _Reader) -> _Reader:
    def read(raw: Any) -> Any:
        if not isinstance(raw, list):
            raise _Wrong(_("should be a list"))
        items = []
        for i, item in enumerate(raw):
            try:
                items.append(read_item(item))
            except _Wrong as wrong:
                wrong.steps.append(f"[{i}]")
                raise
        return items
    return read


@cache
def _record(cls: Any) -> _Reader:
    hints = type_hints(cls)
    fields = [(f.name, json_name(f), f.default is dataclasses.MISSING
               and f.default_factory is dataclasses.MISSING, _reader(hints[f.name]))
              for f in dataclasses.fields(cls)]
    has_check = callable(getattr(cls, "check", None))

    def read(raw: Any) -> Any:
        if not isinstance(raw, dict):
            raise _Wrong(_("should be an object"))
        kwargs: dict[str, Any] = {}
        for name, key, required, read_field in fields:
            if key not in raw:
                if required:
                    wrong = _Wrong(_("is required but missing"))
                    wrong.steps.append(key)
                    raise wrong
                continue
            try:
                kwargs[name] = read_field(raw[key])
            except _Wrong as wrong:
                wrong.steps.append(key)
                raise
        obj = cls(**kwargs)
        if has_check:
            try:
                obj.check()
            except ValueProblem as exc:
                raise _Wrong(str(exc)) from None
        return obj
    return read


@cache
def _reader(tp: Any) -> _Reader:
    """The reader for a type hint, with `None` allowed only where the hint is `X | None`."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        present = [a for a in args if a is not type(None)]
        if len(present) == 1 and len(args) == 2:
            return _optional(_present(present[0]))
    return _required(_present(tp))


def _present(tp: Any) -> _Reader:
    origin = get_origin(tp)
    if origin is Literal:
        return _literal(get_args(tp))
    if origin is list:
        (item_tp,) = get_args(tp)
        return _list(_reader(item_tp))
    if tp in _PLAIN:
        return _PLAIN[tp]
    if tp in _PARSED:
        return _PARSED[tp]
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _record(tp)
    raise TypeError(
        _("no JSON rule for {tp!r}").format(tp=tp)
    )  # a programming error, not bad input


def decode_value(tp: Any, raw: Any, path: str) -> Any:
    """Turn one JSON value into the Python value the type hint asks for."""
    try:
        return _reader(tp)(raw)
    except _Wrong as wrong:
        raise wrong.at(path) from None


def decode(cls: type[T], raw: Any, path: str = "$") -> T:
    """Build a record dataclass from its JSON object, checking every field."""
    try:
        return cast(T, _record(cast(Any, cls))(raw))
    except _Wrong as wrong:
        raise wrong.at(path) from None


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
    raise TypeError(_("cannot write {name__} as JSON").format(name__=type(value).__name__))


def encode(obj: Any) -> dict[str, Any]:
    """The JSON object for a record dataclass; absent optional values are written as null."""
    return {json_name(f): encode_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
