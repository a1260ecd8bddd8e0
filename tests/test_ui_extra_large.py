"""At extra-large text (200%) on a 1366 x 768 laptop: every list shows at least five rows and
every detail pane at least eight lines (the screen scrolls instead of squeezing them), and no
label's text is cut short."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from tests.conftest import demo_window, settle
from tests.test_ui_keyboard import DIALOGS, open_dialog, section_page
from ui.sections import SECTIONS
from ui.shell import Shell

LIST_ROWS = 5
DETAIL_LINES = 8


def _open(qtbot: Any, folder: Path, size: str) -> Shell:
    window: Shell = demo_window(qtbot, folder, size)
    return window


@pytest.fixture
def shell(qtbot: Any, demo_folder: Path) -> Shell:
    return _open(qtbot, demo_folder, "extra-large")


def _shown(root: QWidget, kind: type) -> list[Any]:
    return [w for w in root.findChildren(kind) if w.isVisibleTo(root)]


def _rows_shown(view: QAbstractItemView) -> float:
    """How many rows of the list fit in its visible area (rows as tall as its first)."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return float("inf")
    row = view.sizeHintForRow(0) if view.sizeHintForRow(0) > 0 else view.fontMetrics().height()
    return view.viewport().height() / row


@pytest.mark.parametrize("section", SECTIONS)
def test_lists_and_details_keep_their_size_at_extra_large_text(shell: Shell,
                                                                section: str) -> None:
    page = section_page(shell, section)
    short = {}
    for table in _shown(page, QAbstractItemView):
        if (not isinstance(table, QHeaderView) and table.accessibleName()
                and table.model() is not None and table.model().rowCount()):
            shown = _rows_shown(table)
            if shown < LIST_ROWS - 0.05:
                short[table.accessibleName() or type(table).__name__] = round(shown, 1)
    for text in _shown(page, QTextEdit):
        if text.isReadOnly():
            lines = text.viewport().height() / text.fontMetrics().lineSpacing()
            if lines < DETAIL_LINES - 0.05:
                short[text.accessibleName() or type(text).__name__] = round(lines, 1)
    assert not short, f"{section}: too small at extra-large text: {short}"
    assert not small_ticks(page), f"{section}: {small_ticks(page)}"


def _indicator(box: QAbstractButton) -> int:
    """The height the style gives a tick box's or radio button's indicator."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    option = QStyleOptionButton()
    box.initStyleOption(option)  # type: ignore[attr-defined]
    element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(box, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonIndicator)
    return box.style().subElementRect(element, option, box).height()


def small_ticks(root: QWidget) -> list[str]:
    """Tick boxes and radio buttons on view whose box did not grow with their words."""
    return [f"{box.text()!r}: {_indicator(box)} px beside {box.fontMetrics().height()} px text"
            for box in _shown(root, QAbstractButton)
            if isinstance(box, QCheckBox | QRadioButton)
            and _indicator(box) < 0.7 * box.fontMetrics().height()]


def cut_labels(root: QWidget) -> list[str]:
    """Every label on view in `root` whose text needs more room than it has (once the layouts
    have taken in the last change, as they would before the next paint)."""
    for _ in range(3):
        QApplication.processEvents()
    cut = []
    for label in _shown(root, QLabel):
        plain = label.text().replace("&&", "")
        if "&" in plain and label.buddy() is None and label.textFormat() != Qt.TextFormat.RichText \
                and not plain.lstrip().startswith("<"):
            # An Alt letter with no field to go to: Qt shows the "&" itself ("&Folder:").
            cut.append(f"{label.text()[:40]!r} shows its '&'")
        if not label.text() or label.wordWrap() or label.pixmap() is not None and \
                not label.pixmap().isNull():
            needed = label.heightForWidth(label.width()) if label.wordWrap() else 0
            if needed > label.height() + 1:
                cut.append(f"{label.text()[:40]!r} needs {needed} px, has {label.height()}")
            continue
        hint = label.minimumSizeHint()
        if hint.width() > label.width() + 1 or hint.height() > label.height() + 1:
            cut.append(f"{label.text()[:40]!r} needs {hint.width()}x{hint.height()}, "
                       f"has {label.width()}x{label.height()}")
    return cut


@pytest.mark.parametrize("size", ["normal", "large", "extra-large"])
def test_no_label_is_cut_short_in_any_section_at_any_text_size(qtbot: Any, demo_folder: Path,
                                                               size: str) -> None:
    shell = _open(qtbot, demo_folder, size)
    view = shell.case_view
    assert view is not None
    for section in SECTIONS:
        view.go(section)
        settle()
        page = view.current_screen()
        assert page is not None
        assert not cut_labels(page), f"{section} at {size} text: {cut_labels(page)}"
    shell.set_text_size("normal")


@pytest.mark.parametrize("name", DIALOGS)
def test_no_label_is_cut_short_in_a_dialog_at_extra_large_text(shell: Shell, qtbot: Any,
                                                               name: str) -> None:
    dialog = open_dialog(shell, qtbot, name)
    assert not cut_labels(dialog), f"{name}: {cut_labels(dialog)}"
    assert not small_ticks(dialog), f"{name}: {small_ticks(dialog)}"
    needed = dialog.minimumSizeHint()
    assert needed.height() <= 720 and needed.width() <= 1366, (name, needed)
    dialog.close()


def test_tick_boxes_and_radio_buttons_grow_with_the_text(qtbot: Any, demo_folder: Path) -> None:
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    def indicator(box: QCheckBox) -> int:
        option = QStyleOptionButton()
        box.initStyleOption(option)
        rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        return rect.height()

    shell = _open(qtbot, demo_folder, "normal")
    view = shell.case_view
    assert view is not None
    view.go("Requests")
    settle()
    box = view.requests.show_closed
    normal, words = indicator(box), box.fontMetrics().height()
    view.go("Diary")  # the size changes while the tick box is out of sight, step by step
    shell.set_text_size("large")
    shell.set_text_size("extra-large")  # the screen was built at normal size: it follows
    view.go("Requests")
    settle()
    large = indicator(box)
    assert large >= 0.7 * box.fontMetrics().height() and large >= 1.6 * normal, (normal, large)
    assert box.fontMetrics().height() >= 1.6 * words  # and so do its words
    shell.set_text_size("normal")
    settle()
    assert indicator(box) == normal


def test_list_and_detail_stack_when_the_window_is_too_narrow_for_both(qtbot: Any,
                                                                     demo_folder: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QSplitter

    shell = _open(qtbot, demo_folder, "extra-large")
    view = shell.case_view
    assert view is not None
    view.go("Correspondence")
    settle()
    splitter = view.correspondence.findChild(QSplitter)
    assert splitter is not None
    assert splitter.orientation() == Qt.Orientation.Horizontal  # 1366 wide: side by side
    shell.resize(1024, 720)
    settle()
    for _ in range(3):
        QApplication.processEvents()
    assert splitter.orientation() == Qt.Orientation.Vertical  # list above the letter
    shell.resize(1366, 720)
    shell.set_text_size("normal")
    settle()
    for _ in range(3):
        QApplication.processEvents()
    assert splitter.orientation() == Qt.Orientation.Horizontal


def test_painting_and_polishing_thousands_of_times_keeps_python_whole(qtbot: Any) -> None:
    """Every paint of the window calls Casebook's style from Qt. PySide6 6.12.0 dropped a
    reference to None at each such call (and at each Python `polish`), and on Python 3.11
    the window stopped ("deallocating None") within minutes of use: pyproject.toml keeps it
    out, and this fails for any version of the binding that does it again."""
    import gc
    import sys

    from PySide6.QtWidgets import QComboBox

    from ui import theme
    from ui.settings import Settings

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, Settings())  # Casebook's style, whose drawing is Python
    box = QComboBox()
    qtbot.addWidget(box)
    box.addItem("A choice")
    box.show()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        box.repaint()
        label = QLabel("x")
        label.ensurePolished()
        label.deleteLater()
    QApplication.processEvents()
    gc.collect()
    assert sys.getrefcount(None) - before > -100


@pytest.mark.parametrize("section", ["Diary", "Correspondence", "Plans"])
def test_an_opened_form_keeps_its_tick_boxes_and_labels_at_extra_large_text(shell: Shell,
                                                                           section: str) -> None:
    from tests.test_ui_keyboard import FORMS

    page = section_page(shell, section)
    FORMS[section](shell.case_view)
    settle()
    assert not small_ticks(page), f"{section}'s form: {small_ticks(page)}"
    assert not cut_labels(page), f"{section}'s form: {cut_labels(page)}"
