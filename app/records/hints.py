"""The type hints of a record class, worked out once per class.

Record modules use `from __future__ import annotations`, so each hint is a string that
`typing.get_type_hints` has to evaluate; the declarations' checks, the JSON reader and the
store all ask for the same classes' hints, and evaluating them again cost milliseconds at every
start.
"""

from __future__ import annotations

import functools
import typing
from typing import Any


@functools.cache
def type_hints(cls: Any) -> dict[str, Any]:
    """`typing.get_type_hints(cls)`, kept for the life of the program (do not change it)."""
    return typing.get_type_hints(cls)
