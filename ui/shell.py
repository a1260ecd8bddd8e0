"""The main window: the first-run screen or an open case, the menus, and auto-lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
)

from app.store.case import Case, CaseFacts
from app.store.drafts import Draft
from app.store.in_use import IN_USE, CaseInUse, WindowLock
from ui import collector, keyboard, read_aloud, theme
from ui import settings as settings_store
from ui.case_view import CaseView
from ui.collector import IdleCollector
from ui.drafts_dialog import DraftsDialog
from ui.firstrun import FirstRunPage
from ui.i18n import tr
from ui.operations import Background, Operations
from ui.sections import SECTIONS, section_title
from ui.settings import TEXT_SIZES, Settings
from ui.unsaved import drafts_in, leave_anyway, unsaved_in
from ui.widgets import announce

if TYPE_CHECKING:
    from ui.help import HelpDialog

NOTE_SHOWN_MS = 10_000  # long enough to read twice at a slow pace
_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                 QEvent.Type.Wheel}


def case_title(facts: CaseFacts) -> str:
    """The window's title for an open case: the person's name, marked once as the demo (Qt
    adds "— Casebook" itself, from the application's display name)."""
    name = facts.person.name
    if facts.is_demo and "demo" not in name.casefold():
        return tr("{name} (demo)").format(name=name)
    return name


class Shell(QMainWindow):
    """Casebook's window."""

    def __init__(self, settings: Settings | None = None,
                 kdf: dict[str, int] | None = None) -> None:
        super().__init__()
        self.settings = settings or settings_store.load()
        self.kdf = kdf
        self.case: Case | None = None
        self.case_view: CaseView | None = None
        self.ops: Operations | None = None  # one per open case, closed with it
        self.window_lock: WindowLock | None = None  # held while a case is open here
        self.standing_dialog: QDialog | None = None  # the person and you, while open
        self.help_dialog: HelpDialog | None = None  # the help, while open
        self.drafts_dialog: QDialog | None = None  # unsaved words kept at an auto-lock
        self.background = Background(self)  # for steps before a case is open
        self.setWindowTitle("Casebook")
        self.setAccessibleName("Casebook")
        self.resize(1100, 760)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.first_run = FirstRunPage(self.settings.last_case)
        self.first_run.create_requested.connect(self.create_case)
        self.first_run.open_requested.connect(self.choose_case)
        self.first_run.demo_requested.connect(self.open_demo)
        self.first_run.restore_requested.connect(self.restore_backup)
        self.first_run.join_requested.connect(self.join_case)
        self.first_run.reopen_requested.connect(
            lambda: self.open_folder(Path(self.settings.last_case or "")))
        self.stack.addWidget(self.first_run)
        self._build_menus()
        # The foot of the window holds a note for a few seconds (`say`), and is hidden between.
        foot = self.statusBar()
        foot.messageChanged.connect(lambda text: foot.setVisible(bool(text)))
        foot.hide()
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.auto_lock)
        # The idle watch looks at the input each window receives (keys, clicks, the mouse)
        # before Qt hands it to a widget. Watching the whole application instead put every
        # paint and timer event of every widget through Python, and each one then waited for
        # the interpreter while background work ran.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusWindowChanged.connect(self._watch_window)
        if isinstance(app, QApplication):
            keyboard.install(app)
        collector.postpone_full_passes()
        self.collector = IdleCollector(Background.busy_anywhere, self)

    def _watch_window(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # again for a window already watched: no harm

    # Menus ------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        case_menu = self.menuBar().addMenu(tr("&Case"))
        for text, slot, keys in ((tr("&New case…"), self.create_case, QKeySequence.StandardKey.New),
                                 (tr("&Open case…"), self.choose_case,
                                  QKeySequence.StandardKey.Open),
                                 (tr("Open the &demo case"), self.open_demo, None),
                                 (tr("Res&tore a backup…"), self.restore_backup, None)):
            action = QAction(text, self)
            if keys is not None:
                action.setShortcut(keys)
            action.triggered.connect(slot)
            case_menu.addAction(action)
        case_menu.addSeparator()
        self.case_actions: list[QAction] = []
        for text, slot in ((tr("The person and &you…"), self.show_standing),
                           (tr("Change &passphrase…"), self._change_passphrase),
                           (tr("Make a new &recovery code…"), self._new_recovery_code),
                           (tr("Re&member or forget on this computer"), self._toggle_remember),
                           (tr("&Back up…"), self._back_up),
                           (tr("S&hare with another computer…"), self._share),
                           (tr("Choose between two &versions…"), self._choose_versions),
                           (tr("Chec&k the case's record"), self._check_case)):
            action = QAction(text, self)
            action.triggered.connect(slot)
            action.setEnabled(False)
            case_menu.addAction(action)
            self.case_actions.append(action)
        self._choices(case_menu.addMenu(tr("Lock &automatically after")),
                      ((5, tr("&5 minutes")), (10, tr("&10 minutes")), (30, tr("&30 minutes")),
                       (0, tr("&Never"))), self.settings.auto_lock_minutes, self.set_auto_lock)
        self._choices(
            case_menu.addMenu(tr("Remind me to back &up after")),
            ((7, tr("&7 days")), (14, tr("&14 days")), (30, tr("&30 days")), (0, tr("&Never"))),
            self.settings.backup_reminder_days,
            self.set_backup_reminder,
        )
        offer = QAction(tr("O&ffer my case when Casebook starts"), self, checkable=True)
        offer.setChecked(self.settings.offer_last_case)
        offer.setToolTip(tr("Off: Casebook does not keep where your case folder is"))
        offer.triggered.connect(self._offer_last_case)
        case_menu.addAction(offer)
        self.lock_action = QAction(tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.lock_action.setEnabled(False)
        case_menu.addAction(self.lock_action)
        self.case_actions.append(self.lock_action)
        self._build_edit_menu()
        self._build_view_menu()
        self._build_go_menu()
        self._build_help_menu()

    def _choices(self, menu: QMenu, options: tuple[tuple[int, str], ...], current: int,
                 choose: Callable[[int], None]) -> None:
        """One ticked choice among numbers (minutes, days) in a sub-menu."""
        group = QActionGroup(self)
        for value, label in options:
            action = QAction(label, self, checkable=True)
            action.setChecked(current == value)
            action.triggered.connect(lambda _=False, v=value: choose(v))
            group.addAction(action)
            menu.addAction(action)

    def _build_edit_menu(self) -> None:
        """Edit → Undo (Ctrl+Z): the newest change made in this window, put back. In a text
        box Ctrl+Z undoes typing instead, as in any program."""
        edit = self.menuBar().addMenu(tr("&Edit"))
        self.undo_action = QAction(tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        edit.addAction(self.undo_action)

    def _undo_offered(self) -> None:
        """The Undo item names what it would put back, and is off when there is nothing."""
        words = self.ops.undo_words() if self.ops is not None else None
        self.undo_action.setText(f"&{words}" if words else tr("&Undo"))
        self.undo_action.setEnabled(words is not None)

    def undo(self) -> None:
        """Put back the newest change made in this window (itself a change in the history)."""
        if self.ops is not None and self.ops.undo_words() is not None:
            self.ops.undo(self.say,
                          lambda message: QMessageBox.information(self, "Casebook", message))

    def say(self, text: str) -> None:
        """A short note at the foot of the window for a few seconds, read out by a screen
        reader (the result of something done from a menu, with no screen of its own)."""
        bar = self.statusBar()
        bar.show()
        bar.showMessage(text, NOTE_SHOWN_MS)
        announce(self, text)

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(tr("&Help"))  # last, where people look for it
        helping = QAction(tr("&Help for this screen"), self)
        helping.setShortcut(QKeySequence(Qt.Key.Key_F1))
        helping.triggered.connect(lambda: self.show_help())
        help_menu.addAction(helping)
        steps = QAction(tr("&First steps"), self)
        steps.triggered.connect(lambda: self.show_help(tr("First steps")))
        help_menu.addAction(steps)
        limits = QAction(tr("What the &time limits mean"), self)
        limits.triggered.connect(lambda: self.show_help(tr("What the time limits mean")))
        help_menu.addAction(limits)
        help_menu.addSeparator()
        where = QAction(tr("&Where is my data?"), self)
        where.triggered.connect(lambda: self._about(places=True))
        help_menu.addAction(where)
        about = QAction(tr("&About Casebook"), self)
        about.triggered.connect(lambda: self._about())
        help_menu.addAction(about)

    def _build_view_menu(self) -> None:
        view = self.menuBar().addMenu(tr("&View"))
        sizes = view.addMenu(tr("Text &size"))
        group = QActionGroup(self)
        self.size_actions: dict[str, QAction] = {}
        for key, label in (("normal", tr("&Normal")), ("large", tr("&Large")),
                           ("extra-large", tr("&Extra large"))):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.settings.text_size == key)
            action.triggered.connect(lambda _=False, k=key: self.set_text_size(k))
            group.addAction(action)
            sizes.addAction(action)
            self.size_actions[key] = action
        fonts = view.addMenu(tr("&Font"))
        font_group = QActionGroup(self)
        for key, label in (("standard", tr("&Standard")), ("atkinson",
                                                           tr("&Atkinson Hyperlegible")),
                           ("opendyslexic", tr("&OpenDyslexic (dyslexia-friendly)"))):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.settings.font == key)
            action.triggered.connect(lambda _=False, k=key: self._set("font", k))
            font_group.addAction(action)
            fonts.addAction(action)
        spacing = view.addMenu(tr("&Line spacing"))
        spacing_group = QActionGroup(self)
        for key, label in (("normal", tr("&Normal")), ("wide", tr("&Wide (one and a half)"))):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.settings.line_spacing == key)
            action.triggered.connect(lambda _=False, k=key: self._set("line_spacing", k))
            spacing_group.addAction(action)
            spacing.addAction(action)
        contrast = QAction(tr("&High contrast"), self, checkable=True)
        contrast.setChecked(self.settings.high_contrast)
        contrast.triggered.connect(lambda on: self._set("high_contrast", on))
        view.addAction(contrast)

    def _build_go_menu(self) -> None:
        """Go → each section, Ctrl+1…9 for the first nine (the keyboard lands in it)."""
        go = self.menuBar().addMenu(tr("&Go"))
        for number, section in enumerate(SECTIONS, start=1):
            title = section_title(section)
            action = QAction(f"&{number} {title}" if number < 10 else title, self)
            if number < 10:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, s=section: self._go(s))
            action.setEnabled(False)
            go.addAction(action)
            self.case_actions.append(action)

    def _go(self, section: str) -> None:
        if self.case_view is not None:
            self.case_view.go_and_focus(section)

    # The dialogs below are imported when first used, so start-up loads only what it shows.
    def show_standing(self) -> None:
        """The person, you and your legal authority, to see and correct (the dialog stays in
        `standing_dialog` while open)."""
        from ui.standing_dialog import StandingDialog

        if self.case is None or self.ops is None:
            return
        self.standing_dialog = StandingDialog(self.case, self.ops, self)
        self.standing_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.standing_dialog.open()

    def _share(self) -> None:
        from ui.sharing import ShareDialog

        if self.case is not None and self.ops is not None:
            view = self.case_view
            ShareDialog(self.case, self.ops, self,
                        synced=view.sharing.refresh if view is not None else None,
                        kdf=self.kdf).exec()

    def _choose_versions(self) -> None:
        if self.case_view is not None:
            self.case_view.choose_versions()

    def join_case(self) -> None:
        """Set up a case shared from another computer, and open it."""
        from ui.sharing import JoinDialog

        if not self._may_leave(tr("join a shared case")):
            return
        dialog = JoinDialog(self, Path.home() / "Casebook" / tr("Shared case"))
        if dialog.exec() and dialog.case is not None:
            self.show_case(dialog.case)

    def _change_passphrase(self) -> None:
        from ui.security import ChangePassphraseDialog

        if self.case is not None and self.ops is not None:
            ChangePassphraseDialog(self.case, self.ops, self, self.kdf).exec()

    def _new_recovery_code(self) -> None:
        from ui import security

        if self.case is not None and self.ops is not None:
            security.new_recovery_code(self.case, self.ops, self)

    def _toggle_remember(self) -> None:
        from ui import security

        if self.case is not None and self.ops is not None:
            security.toggle_remember(self.case, self.ops, self)

    def _back_up(self) -> None:
        from ui import security

        if self.case is not None and self.ops is not None:
            folder = self.settings.backup_folder
            security.back_up(self.case, self.ops, self, Path(folder) if folder else None,
                             self._backed_up)

    def set_backup_reminder(self, days: int) -> None:
        """How many days without a backup before Today reminds the person (0: never)."""
        self.settings.backup_reminder_days = days
        settings_store.save(self.settings)
        if self.case_view is not None:
            self.case_view.refresh_today()

    def _backed_up(self, path: Path) -> None:
        """Remember where backups go, and let Today drop its reminder."""
        if self.settings.offer_last_case and self.settings.backup_folder != str(path.parent):
            self.settings.backup_folder = str(path.parent)
            settings_store.save(self.settings)
        if self.case_view is not None:
            self.case_view.refresh_today()

    def _check_case(self) -> None:
        from ui import security

        if self.case is not None and self.ops is not None:
            security.check_case(self.case, self.ops, self)

    def show_help(self, topic: str | None = None) -> None:
        """Casebook's help, at `topic` or else at the section in front (F1)."""
        from ui.help import FIRST_STEPS, HelpDialog

        view = self.case_view
        if topic is None:
            screen = view.current_screen() if view is not None else None
            topic = FIRST_STEPS if view is None or screen is None else \
                SECTIONS[view.pages.currentIndex()]
        nation = view.facts.person.jurisdiction if view is not None else None
        if self.help_dialog is None or not shiboken6.isValid(self.help_dialog):
            self.help_dialog = HelpDialog(self, topic, nation)
            self.help_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        else:
            self.help_dialog.jurisdiction = nation
            self.help_dialog.show_topic(topic)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def _about(self, places: bool = False) -> None:
        from ui.about import AboutDialog

        dialog = AboutDialog(self, self.case.folder if self.case is not None else None)
        if places:
            dialog.show()
            dialog.show_places()
        dialog.exec()

    def _offer_last_case(self, on: bool) -> None:
        """Keep, or forget, where the case folder is (no look changes, so no restyling)."""
        self.settings.offer_last_case = on
        view = self.case_view
        if on and self.case is not None and view is not None and not view.facts.is_demo:
            self.settings.last_case = str(self.case.folder)
        settings_store.save(self.settings)

    def _set(self, name: str, value: object) -> None:
        setattr(self.settings, name, value)
        settings_store.save(self.settings)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.settings)
        if self.case_view is not None:
            self.case_view.refresh_fonts()

    def set_text_size(self, size: str) -> None:
        """Normal, large or extra large, applied everywhere at once."""
        if size in TEXT_SIZES:
            self.size_actions[size].setChecked(True)
            self._set("text_size", size)

    # Opening and locking -----------------------------------------------------------------
    def show_case(self, case: Case) -> None:
        """Show an unlocked case, once what its screens need first has been read (not if it
        is open in another window: then it is closed again and the person told). The case
        folder's lock is taken in the background: the folder may be on a slow drive."""
        self.close_case()

        def take() -> WindowLock:
            try:
                return WindowLock.take(case.folder)
            except CaseInUse:
                case.close()
                raise

        self.background.run(take, lambda lock: self._show_locked(case, lock), self._tell)

    def _show_locked(self, case: Case, lock: WindowLock) -> None:
        self.close_case()  # a case shown while this one's lock was being taken
        self.window_lock = lock
        self.case = case
        ops = self.ops = Operations(case, self)
        ops.failed.connect(lambda m: QMessageBox.warning(self, "Casebook", m))
        ops.undo_changed.connect(self._undo_offered)
        ops.query(case.facts, lambda facts: self._show_facts(ops, facts))

    def _tell(self, message: str) -> None:
        """Say why a case could not be opened: that it is open elsewhere is information, not a
        fault."""
        if message == IN_USE:
            QMessageBox.information(self, "Casebook", message)
        else:
            QMessageBox.warning(self, "Casebook", message)

    def _show_facts(self, ops: Operations, facts: CaseFacts) -> None:
        case = ops.case
        self.case_view = CaseView(case, ops, facts)
        self.case_view.lock_requested.connect(self.lock)
        self.case_view.back_up_requested.connect(self._back_up)
        self.stack.addWidget(self.case_view)
        self.stack.setCurrentWidget(self.case_view)
        # The keyboard starts on the list of sections (the search box took it, and a stray
        # Enter opened an empty Search).
        self.case_view.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        for action in self.case_actions:
            action.setEnabled(True)
        self.setWindowTitle(case_title(facts))
        ops.query(case.drafts, lambda kept: self._offer_drafts(ops, kept))
        if (not facts.is_demo and self.settings.offer_last_case
                and self.settings.last_case != str(case.folder)):
            self.settings.last_case = str(case.folder)
            settings_store.save(self.settings)
        self._restart_idle()

    def close_case(self) -> None:
        """Close the open case, if any, and forget its screens: running work finishes first,
        and nothing is called back about the closed case."""
        read_aloud.stop_all()  # nothing of the case goes on being spoken once it is locked
        if self.ops is not None and self.case_view is not None \
                and self.case_view.sharing.isVisibleTo(self.case_view):
            self.case_view.sharing.sync()  # a shared case sends its last changes on closing
        if self.ops is not None:
            self.ops.close()
            self.ops.deleteLater()
            self.ops = None
        if self.case_view is not None:
            self.stack.removeWidget(self.case_view)
            self.case_view.deleteLater()
            self.case_view = None
        if self.case is not None:
            self.case.close()
            self.case = None
        if self.window_lock is not None:
            self.window_lock.release()
            self.window_lock = None
        for action in self.case_actions:
            action.setEnabled(False)
        self._undo_offered()
        self.setWindowTitle("Casebook")
        self.stack.setCurrentWidget(self.first_run)

    def lock(self) -> None:
        """Lock now and ask for the passphrase again (first asking about unsaved work)."""
        if not self._may_leave(tr("lock the case")):
            return
        self._lock_now()

    def _lock_now(self) -> None:
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():  # nothing of a locked case stays on screen either
                dialog.reject()
        folder = self.case.folder if self.case else None
        demo = bool(self.case_view and self.case_view.facts.is_demo)
        self.close_case()
        if folder is not None and not demo:
            self.open_folder(folder, why=tr("The case is locked. Unlock it to carry on."))

    def auto_lock(self) -> None:
        """Lock after the chosen number of idle minutes. Not held up by a question nobody is
        there to answer: words typed and not saved are kept in the case as drafts, and shown
        when it is next opened."""
        if self.case is None:
            return
        kept = [draft for root in (self.case_view, *self.findChildren(QDialog))
                if root is not None and root.isVisible() for draft in drafts_in(root)]
        if kept and self.ops is not None:
            case = self.case
            self.ops.write(lambda: case.keep_drafts(kept), lambda _: self._lock_now(),
                           lambda _message: self._lock_now())
        else:
            self._lock_now()

    def _offer_drafts(self, ops: Operations, kept: list[Draft]) -> None:
        """Show the words kept when the case last locked itself, if there are any."""
        if not kept or ops is not self.ops:
            return
        case = ops.case
        self.drafts_dialog = DraftsDialog(kept, self)
        self.drafts_dialog.accepted.connect(lambda: ops.write(case.drop_drafts))
        self.drafts_dialog.open()

    def set_auto_lock(self, minutes: int) -> None:
        """How many idle minutes before the case locks itself (0 = never)."""
        self.settings.auto_lock_minutes = minutes
        settings_store.save(self.settings)
        self.idle.stop()
        self._restart_idle()

    def _restart_idle(self) -> None:
        minutes = self.settings.auto_lock_minutes
        if self.case is not None and minutes > 0:
            self.idle.start(minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT_EVENTS:
            self.collector.input_seen()
            if self.case is not None:
                self._restart_idle()
        return False

    def _may_leave(self, doing: str) -> bool:
        """Whether the open case may be left: nothing unsaved, or the person says so."""
        return self.case_view is None or leave_anyway(self, unsaved_in(self.case_view), doing)

    def create_case(self) -> None:
        """Run the create-a-case wizard."""
        from ui.create_case import CreateCaseWizard

        if not self._may_leave(tr("start a new case")):
            return
        default = Path.home() / "Casebook" / tr("My case")
        wizard = CreateCaseWizard(self, default_folder=default, kdf=self.kdf)
        if wizard.exec() and wizard.case is not None:
            self.show_case(wizard.case)
        elif wizard.case is not None:
            self.show_case(wizard.case)  # created before cancelling: still open it

    def restore_backup(self) -> None:
        """Restore a backup into a new case folder and open it."""
        from ui.restore_dialog import RestoreDialog

        if not self._may_leave(tr("restore another case")):
            return
        folder = self.settings.backup_folder
        dialog = RestoreDialog(self, Path(folder).parent if folder else None)
        if folder:
            found = sorted(Path(folder).glob("*.cbbackup")) if Path(folder).is_dir() else []
            if found:
                dialog.backup.setText(str(found[-1]))  # the newest, by its dated name
        if dialog.exec() and dialog.case is not None:
            self.show_case(dialog.case)

    def choose_case(self) -> None:
        """Pick a case folder and unlock it."""
        if not self._may_leave(tr("open another case")):
            return
        folder = QFileDialog.getExistingDirectory(self, tr("Choose the case folder"))
        if folder:
            self.open_folder(Path(folder))

    def open_folder(self, folder: Path, why: str = "") -> None:
        """Unlock a case: the remembered key first, then the passphrase or recovery code."""
        if not Case.is_case_folder(folder):
            QMessageBox.information(
                self, "Casebook", tr("There is no Casebook case in {folder}.").format(folder=folder)
            )
            return
        mine = self.case is not None and self.case.folder == folder

        def open_remembered() -> tuple[Case | None, str | None]:
            # Told that the case is open elsewhere before the passphrase is asked for; the
            # password store can be slow to answer: both are asked in the background.
            if not mine:
                WindowLock.check_free(folder)
            return Case.open_remembered(folder)

        self.background.run(open_remembered, lambda found: self._unlock(folder, why, found[0]),
                            self._tell)

    def _unlock(self, folder: Path, why: str, case: Case | None) -> None:
        if case is None:
            from ui.unlock import UnlockDialog

            dialog = UnlockDialog(folder, self, why)
            if not dialog.exec() or dialog.case is None:
                return
            case = dialog.case
        self.show_case(case)

    def open_demo(self) -> None:
        """Open the demo case, making it first if needed."""
        # Imported here: the demo's PDF maker is slow to load and only the demo needs it.
        from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case

        if not self._may_leave(tr("open the demo case")):
            return

        folder, kdf = settings_store.demo_case_dir(), self.kdf

        def open_or_make() -> Case:
            if Case.is_case_folder(folder):
                return Case.open_with_passphrase(folder, DEMO_PASSPHRASE)
            folder.parent.mkdir(parents=True, exist_ok=True)
            return create_demo_case(folder, kdf=kdf)

        self.background.run(open_or_make, self.show_case, lambda m: QMessageBox.warning(
            self, "Casebook", tr("The demo case could not be opened: {m}").format(m=m)))

    def settle(self) -> None:
        """Finish all background work and its callbacks (for tests and the bench probes)."""
        Background.settle_all()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._may_leave(tr("close Casebook")):
            event.ignore()
            return
        self.background.close()
        self.close_case()
        event.accept()
