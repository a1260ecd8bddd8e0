"""Every sentence can reach a translator: each is written where the gatherer can see it, and
the catalogues in translations/ hold them all."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _calls(folder: str, names: set[str]) -> list[tuple[str, int, ast.Call]]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in names):
                found.append((path.relative_to(ROOT).as_posix(), node.lineno, node))
    return found


def _plain(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_every_sentence_is_written_out_where_the_gatherer_reads_it() -> None:
    # _(f"...") or tr(variable) would reach the reader untranslated: the catalogue cannot
    # hold a sentence that only exists when the program runs.
    hidden = [f"{where}:{line}" for where, line, call in _calls("app", {"_", "tr"}) +
              _calls("ui", {"_", "tr"}) if not call.args or not _plain(call.args[-1])
              or (call.func.id == "_" and len(call.args) != 1)]  # type: ignore[attr-defined]
    hidden += [f"{where}:{line}" for where, line, call in
               _calls("app", {"pgettext", "ngettext"}) + _calls("ui", {"pgettext", "ngettext"})
               if not all(_plain(argument) for argument in call.args[:2])]
    assert not hidden, f"sentences the gatherer cannot see: {hidden}"


def test_the_core_has_no_qt_translation_and_the_window_no_gettext() -> None:
    assert not _calls("app", {"tr"})
    assert not _calls("ui", {"_"})


def test_the_catalogues_hold_every_sentence() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "translations" / "gather.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    template = (ROOT / "translations" / "casebook.pot").read_text(encoding="utf-8")
    window = (ROOT / "translations" / "casebook_en_GB.ts").read_text(encoding="utf-8")
    assert 'msgid "Please type the amount in pounds and pence, like 45.50."' not in template
    assert "<source>Please type the amount in pounds and pence, like 45.50.</source>" in window
    assert 'msgctxt "short month"\nmsgid "Jun"' in template


def test_the_window_catalogue_compiles() -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    done = subprocess.run([str(lrelease), str(ROOT / "translations" / "casebook_en_GB.ts"),
                           "-qm", "/dev/null"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
