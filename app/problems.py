"""The one base type of every problem a person can put right.

A `Problem`'s message is one plain-English sentence that the window and the command line show
as it is. Anything else that goes wrong is a bug: the window and the command line say "Casebook
hit a problem it did not expect; nothing was changed" and note where it happened in a log file
(`app.diagnostics`), never what the record said.
"""

from __future__ import annotations


class Problem(ValueError):
    """Something the user can put right; `str()` is the sentence to show them."""
