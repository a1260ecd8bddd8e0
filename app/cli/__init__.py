"""The `casebook` command line: every case operation, headless.

Exit status 0 on success, 1 on a user error (one plain-English line on stderr), 2 on misuse.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from app.diagnostics import quiet_library_warnings, record_unexpected, unexpected_words
from app.problems import Problem
from app.version import version

Handler = Callable[[argparse.Namespace], int]

# Each command module adds its sub-commands to the parser, in this order in the help.
COMMAND_MODULES = ("case_commands", "standing_commands", "request_commands", "plan_commands",
                   "money_commands", "letter_commands", "bundle_commands", "draft_commands",
                   "search_commands", "share_commands")
# Which module holds each command, so a command loads only its own module: the others bring
# in reportlab, pyHanko and the rest, and a wrong passphrase must be told within 2 seconds.
COMMAND_HOMES = {
    **dict.fromkeys(("init", "import-json", "export-json", "verify", "backup", "restore",
                     "demo"), "case_commands"),
    **dict.fromkeys(("person", "authority"), "standing_commands"),
    **dict.fromkeys(("deadline", "overdue"), "request_commands"),
    "plan-diff": "plan_commands",
    **dict.fromkeys(("import-bank", "money", "money-return", "money-schedule"),
                    "money_commands"),
    **dict.fromkeys(("import-file", "import-mailbox"), "letter_commands"),
    "bundle": "bundle_commands", "letter": "draft_commands",
    "search": "search_commands",
    **dict.fromkeys(("share", "join", "sync", "conflicts", "choose", "computers"),
                    "share_commands"),
}


def _modules(argv: Sequence[str]) -> list[ModuleType]:
    command = next((a for a in argv if not a.startswith("-")), None)
    names = [COMMAND_HOMES[command]] if command in COMMAND_HOMES else list(COMMAND_MODULES)
    return [importlib.import_module(f"app.cli.{name}") for name in names]


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The argument parser: the sub-command named in `argv`, or every one (for help)."""
    parser = argparse.ArgumentParser(
        prog="casebook",
        description="Casebook keeps a private, encrypted record of social care support. "
                    "Run it with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"Casebook {version()}")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _modules(argv):
        module.register(subs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command and return its exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    quiet_library_warnings()
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except Problem as exc:
        # Every error Casebook raises for bad input is a Problem, with a plain message.
        print(str(exc), file=sys.stderr)
        return 1
    except (KeyboardInterrupt, EOFError):
        print("Stopped; nothing was changed.", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (say `| head`) stopped early; what it read is what it wanted. Point stdout
        # at nothing so Python's own flush at exit does not fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last guard: one sentence, and a log note
        from app.store.outputs import met_disk_words

        words = met_disk_words(exc) or unexpected_words(
            record_unexpected(exc, f"casebook {args.command}"))
        print(words, file=sys.stderr)
        return 1
