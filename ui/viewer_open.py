"""Open a stored file in the viewer: its bytes are read in the background first."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.store.attachments import AttachmentInfo
from ui.operations import Operations


def open_attachment(ops: Operations, attachment_id: str, parent: QWidget) -> None:
    """Read a file and show it; the viewer module loads on first use (it is large)."""
    case = ops.case

    def shown(found: tuple[AttachmentInfo, bytes]) -> None:
        from ui.viewer import AttachmentViewer

        AttachmentViewer(*found, parent).exec()

    ops.query(lambda: (case.attachment(attachment_id), case.attachment_data(attachment_id)),
              shown)
