"""Keeping the PDF libraries quiet while they read other people's files."""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator

_LOGGERS = ("pypdf", "pyhanko", "pyhanko_certvalidator")


@contextlib.contextmanager
def quiet_pdf_libraries() -> Iterator[None]:
    """pypdf and pyHanko report every oddity of a damaged file as a warning. A bundle deals
    with damage itself (a placeholder page, a plain message), so those warnings would only
    alarm the person; they are held back here and the loggers restored afterwards."""
    loggers = [logging.getLogger(name) for name in _LOGGERS]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, previous, strict=True):
            logger.setLevel(level)
