"""Gather every sentence Casebook shows into the files translators work from.

- `translations/casebook.pot`: the sentences of `app/` (the `_()`, `ngettext()` and
  `pgettext()` calls, and the window's `ngettext()` plurals), a gettext template; a
  language's `.po` made from it is compiled to
  `app/resources/locale/<language>/LC_MESSAGES/casebook.mo`.
- `translations/casebook_en_GB.ts`: the window's sentences (`tr()` in `ui/`), gathered by Qt's
  `pyside6-lupdate`; a language's copy is compiled by `pyside6-lrelease` to
  `app/resources/locale/<language>/casebook.qm`.

`python translations/gather.py` writes both; `--check` only says whether they are up to date
(the tests run it, so a new sentence cannot slip in ungathered).
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEMPLATE = HERE / "casebook.pot"
WINDOW = HERE / "casebook_en_GB.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"

_HEADER = """# The sentences of Casebook's core (app/), for translators.
# Made by translations/gather.py; do not edit by hand.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"""


def _quoted(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\t", "\\t"))
    return f'"{escaped}"'


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def core_messages() -> dict[tuple[str | None, str, str | None], list[str]]:
    """(context, message, plural) → where each is used, in the order first met."""
    found: dict[tuple[str | None, str, str | None], list[str]] = {}
    # The window's plurals and dates come through app.translation too (Qt's tr() has no
    # English plurals without a catalogue of their own).
    for path in sorted([*(ROOT / "app").rglob("*.py"), *(ROOT / "ui").glob("*.py")]):
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [_literal(argument) for argument in node.args]
            key: tuple[str | None, str, str | None] | None = None
            core = where.startswith("app/")
            if node.func.id == "_" and core and len(texts) == 1 and texts[0] is not None:
                key = (None, texts[0], None)
            elif node.func.id == "pgettext" and len(texts) == 2 and None not in texts:
                key = (texts[0], str(texts[1]), None)
            elif node.func.id == "ngettext" and len(texts) == 3 and None not in texts[:2]:
                key = (None, str(texts[0]), texts[1])
            if key is not None:
                places = found.setdefault(key, [])
                if where not in places:  # files, not lines: moving a line changes nothing
                    places.append(where)
    return found


def template_text() -> str:
    """The gettext template of `app/`'s sentences."""
    parts = [_HEADER]
    for (context, message, plural), places in core_messages().items():
        entry = [f"#: {' '.join(places)}"]
        if "{" in message:
            entry.append("#, python-brace-format")
        if context is not None:
            entry.append(f"msgctxt {_quoted(context)}")
        entry.append(f"msgid {_quoted(message)}")
        if plural is None:
            entry.append('msgstr ""')
        else:
            entry += [f"msgid_plural {_quoted(plural)}", 'msgstr[0] ""', 'msgstr[1] ""']
        parts.append("\n".join(entry) + "\n")
    return "\n".join(parts)


def window_text() -> str:
    """Qt's catalogue of the window's sentences, as pyside6-lupdate gathers them."""
    sources = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "ui").glob("*.py"))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / WINDOW.name
        # No locations: line numbers would make every edit of ui/ a change to the catalogue.
        subprocess.run([str(LUPDATE), *sources, "-no-obsolete", "-locations", "none",
                        "-ts", str(out)], cwd=ROOT, check=True, capture_output=True)
        return out.read_text(encoding="utf-8")


def main(argv: list[str]) -> int:
    """Write both files, or with --check say whether they are up to date."""
    wanted = {TEMPLATE: template_text(), WINDOW: window_text()}
    if "--check" in argv:
        stale = [path.name for path, text in wanted.items()
                 if not path.exists() or path.read_text(encoding="utf-8") != text]
        if stale:
            print(f"Out of date: {', '.join(stale)}. Run 'make translations'.")
            return 1
        return 0
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
    print(f"Wrote {TEMPLATE.name} ({len(core_messages())} sentences) and {WINDOW.name}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
