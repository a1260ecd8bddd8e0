"""The `casebook` command line: every case operation, headless.

Exit status 0 on success, 1 on a user error (one plain-English line on stderr), 2 on misuse.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from app.cli import (
    bundle_commands,
    case_commands,
    draft_commands,
    letter_commands,
    money_commands,
    plan_commands,
    request_commands,
)
from app.cli.common import UserError

Handler = Callable[[argparse.Namespace], int]

# Each command module adds its sub-commands to the parser.
COMMAND_MODULES = (case_commands, request_commands, plan_commands, money_commands,
                   letter_commands, bundle_commands, draft_commands)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="casebook",
        description="Casebook keeps a private, encrypted record of social care support. "
                    "Run it with no command to open the window.",
    )
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except (UserError, ValueError, LookupError) as exc:
        # Every error Casebook raises for bad input is one of these, with a plain message.
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (say `| head`) stopped early; what it read is what it wanted. Point stdout
        # at nothing so Python's own flush at exit does not fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
