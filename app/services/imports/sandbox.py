"""Parse an untrusted file in a child process with memory and time limits.

The file's bytes travel to the child over its stdin and the result comes back over its stdout,
so case data is never written to disk in plaintext. Any failure in the child (a crash, running
out of memory, running out of time, a damaged file) comes back as ImportRefused with one
plain line.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from app.services.imports import wire
from app.services.imports.parsed import ExtractResult, ImportRefused, ParsedFile
from app.services.imports.sniff import Format, sniff
from app.translation import _
from app.version import SANDBOX_FLAG, is_frozen

TOO_SLOW = _("This file took too long to read and was stopped")
CANNOT_START = _("Casebook could not start its file reader; close some programs and try again")
# The folder holding the `app` package, so the child imports this same code.
_SOURCE_ROOT = Path(__file__).resolve().parents[3]
_CHUNK = 1024 * 1024
# How a child that used up its CPU allowance (RLIMIT_CPU, Linux only) ends.
_CPU_LIMIT_EXITS = {-signal.SIGXCPU} if hasattr(signal, "SIGXCPU") else set()
# How many files one child reads before a fresh one takes over.
REUSES = 32
# A scanned PDF's pages are drawn this many at a time, and each may take this long to read.
PAGES_DRAWN_AT_ONCE = 8
DRAW_SECONDS, PAGE_SECONDS = 5, 30
_SHARED: ContextVar[FileReader | None] = ContextVar("shared_file_reader", default=None)


def parse_file(
    filename: str, data: bytes, *, timeout_s: float = 20, memory_mb: int = 512
) -> ParsedFile:
    """Read `data` (named `filename`) in a sandboxed child, attachments included."""
    fmt = sniff(filename, data)
    with reading_many(memory_mb=memory_mb):
        return _scanned_pages_read(filename, data, _run(filename, fmt, data, "parse", timeout_s,
                                                        memory_mb))


def extract_text(
    filename: str, data: bytes, *, timeout_s: float = 20, memory_mb: int = 512
) -> ExtractResult:
    """The searchable text of a stored attachment, read in the same sandbox.

    An email's text starts with its subject and addresses, so a search for a person finds it.
    """
    fmt = sniff(filename, data)
    with reading_many(memory_mb=memory_mb):
        parsed = _scanned_pages_read(filename, data, _run(filename, fmt, data, "extract",
                                                          timeout_s, memory_mb))
    text = parsed.body_text
    if parsed.kind == "email":
        heading = [
            f"{label}: {value}"
            for label, value in (
                ("Subject", parsed.subject),
                ("From", parsed.sender),
                ("To", ", ".join(parsed.recipients)),
                ("Cc", ", ".join(parsed.cc)),
            )
            if value
        ]
        text = "\n".join(heading) + ("\n\n" if heading else "") + text
    return ExtractResult(parsed.media_type, text, parsed.locked, parsed.page_count,
                         parsed.read_by_machine)


@dataclass(frozen=True)
class PageWatch:
    """Told of each scanned page read (`progress(done, of)`); `cancelled()` stops before the
    next page, keeping the text of the pages already read."""

    progress: Callable[[int, int], None]
    cancelled: Callable[[], bool]


_WATCH: ContextVar[PageWatch | None] = ContextVar("scanned_page_watch", default=None)


@contextlib.contextmanager
def watching_pages(progress: Callable[[int, int], None],
                   cancelled: Callable[[], bool] = lambda: False) -> Iterator[None]:
    """Within this block, files this thread reads report each scanned page read by OCR, and
    stop reading pages once `cancelled()` says so."""
    token = _WATCH.set(PageWatch(progress, cancelled))
    try:
        yield
    finally:
        _WATCH.reset(token)


def _scanned_pages_read(filename: str, data: bytes, parsed: ParsedFile) -> ParsedFile:
    """`parsed` with the words of its picture-only pages read by OCR, a few pages drawn at a
    time and each page read on its own, within its own time limit: a 300-page scan shows
    progress, can be stopped (the pages read so far are kept), and one page that cannot be
    read leaves only that page without words."""
    if not parsed.unread_pages:
        return parsed
    watch = _WATCH.get() or PageWatch(lambda _done, _of: None, lambda: False)
    wanted, found, done = parsed.unread_pages, [], 0
    fmt = sniff(filename, data)
    for start in range(0, len(wanted), PAGES_DRAWN_AT_ONCE):
        batch = tuple(wanted[start:start + PAGES_DRAWN_AT_ONCE])
        if watch.cancelled():
            break
        try:
            drawn = _run(filename, fmt, data, "render", DRAW_SECONDS * len(batch), 512,
                         pages=batch).children
        except ImportRefused:
            drawn = []  # pages that cannot be drawn stay without words
        for picture in drawn:
            if watch.cancelled():
                break
            try:
                page = _run(picture.filename, sniff(picture.filename, picture.data),
                            picture.data, "extract", PAGE_SECONDS, 512)
            except ImportRefused:
                pass
            else:
                found.append(page.body_text)
            done += 1
            watch.progress(done, len(wanted))
        if not drawn:
            done = start + len(batch)
            watch.progress(done, len(wanted))
    text = "\n\n".join(part for part in (parsed.body_text, *found) if part.strip())
    return dataclasses.replace(parsed, body_text=text,
                               read_by_machine=any(part.strip() for part in found))


def _run(
    filename: str, fmt: Format, data: bytes, mode: str, timeout_s: float, memory_mb: int,
    pages: tuple[int, ...] = (),
) -> ParsedFile:
    reader = _SHARED.get()
    if reader is not None and reader.memory_mb == memory_mb:
        return reader.read(filename, fmt, data, mode, timeout_s, pages)
    with contextlib.closing(FileReader(memory_mb, uses=1)) as alone:
        return alone.read(filename, fmt, data, mode, timeout_s, pages)


@contextlib.contextmanager
def reading_many(*, memory_mb: int = 512) -> Iterator[None]:
    """Within this block, files this thread reads share sandboxed children, a few dozen files
    each, instead of starting one per file (a mailbox of 1,000 messages would otherwise spend
    most of its time starting Python)."""
    if _SHARED.get() is not None:  # already inside one: share it
        yield
        return
    reader = FileReader(memory_mb)
    token = _SHARED.set(reader)
    try:
        yield
    finally:
        _SHARED.reset(token)
        reader.close()


class FileReader:
    """A sandboxed child that reads files one after another.

    A child is never trusted again once anything went wrong with a file (a refusal, a crash, a
    timeout, a malformed reply), and never reads more than `uses` files, so a file that did
    take it over can affect only a handful of the files after it.
    """

    def __init__(self, memory_mb: int = 512, *, uses: int = REUSES) -> None:
        self.memory_mb = memory_mb
        self.uses = uses
        self._child: subprocess.Popen[bytes] | None = None
        self._spare: subprocess.Popen[bytes] | None = None  # started early, to take over
        self._retiring: list[threading.Thread] = []  # collecting children that are done
        self._read = 0

    def read(self, filename: str, fmt: Format, data: bytes, mode: str,
             timeout_s: float, pages: tuple[int, ...] = ()) -> ParsedFile:
        """Read one file in the child (starting one if needed), within `timeout_s`."""
        child = self._child or self._start(timeout_s)
        assert child.stdin is not None and child.stdout is not None
        # A well-behaved reply is the text plus the attachments, never much more than the input.
        limit = 4 * len(data) + 64 * 1024 * 1024
        reply = _Reply()
        feeder = threading.Thread(target=_feed, daemon=True, args=(
            child.stdin, wire.request_header(fmt.media_type, mode, len(data),
                                             math.ceil(timeout_s) + 1, pages), data))
        drainer = threading.Thread(target=_drain, daemon=True,
                                   args=(child, child.stdout, reply, limit))
        feeder.start()
        drainer.start()
        drainer.join(timeout_s)
        timed_out = drainer.is_alive()
        if timed_out:
            child.kill()
            drainer.join()
        feeder.join()
        if timed_out or not reply.whole:
            code = self._stop()
            if timed_out or code in _CPU_LIMIT_EXITS:
                raise ImportRefused(TOO_SLOW)
            raise ImportRefused(_damaged(fmt))
        try:
            result = wire.decode_reply(reply.data, filename=filename, fmt=fmt)
        except wire.BadReply as exc:
            self._stop()
            raise ImportRefused(_damaged(fmt)) from exc
        if isinstance(result, str):
            self._stop()
            raise ImportRefused(result or _damaged(fmt))
        self._read += 1
        if self._read >= self.uses:
            self._retiring.append(_retire(child))
            self._child = None
        elif self._spare is None and self.uses > 1 and self._read >= self.uses // 2:
            # Python starts in the other core while this child reads its last files.
            self._spare = self._spawn(timeout_s)
        return result

    def close(self) -> None:
        """Let the children finish: each exits when its input ends."""
        self._retiring += [_retire(c) for c in (self._child, self._spare) if c is not None]
        self._child = self._spare = None
        for thread in self._retiring:
            thread.join()
        self._retiring.clear()

    def _start(self, timeout_s: float) -> subprocess.Popen[bytes]:
        self._child, self._spare = self._spare or self._spawn(timeout_s), None
        self._read = 0
        return self._child

    def _spawn(self, timeout_s: float) -> subprocess.Popen[bytes]:
        # A frozen app is its own child (`casebook --read-file-in-sandbox …`); Python runs the
        # worker module. The CPU allowance covers every file the child may read.
        child_of = [SANDBOX_FLAG] if is_frozen() else ["-m", "app.services.imports.worker"]
        allowance = (math.ceil(timeout_s) + 1) * self.uses + 1
        command = [sys.executable, *child_of, str(self.memory_mb), str(allowance)]
        # One malloc arena per thread reserves 64 MB of address space each, which would eat
        # the memory limit without using any memory.
        env = {**os.environ, "MALLOC_ARENA_MAX": "2"}
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        try:
            return subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, cwd=_SOURCE_ROOT, env=env, creationflags=flags,
            )
        except OSError as exc:
            raise ImportRefused(CANNOT_START) from exc

    def _stop(self) -> int:
        """End a child that is no longer trusted; its exit code."""
        child, self._child = self._child, None
        assert child is not None
        if child.poll() is None:
            child.kill()
        code = child.wait()
        _close_pipes(child)
        return code


class _Reply:
    """What the child sent back, and whether it arrived whole."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.whole = False


def _damaged(fmt: Format) -> str:
    return _("This {label} is damaged and could not be read").format(label=fmt.label)


def _retire(child: subprocess.Popen[bytes]) -> threading.Thread:
    """End a child's input so it exits, and collect it in the background, so the next file
    need not wait; the thread returned is joined before the reader closes."""
    with contextlib.suppress(OSError):
        assert child.stdin is not None
        child.stdin.close()

    def collect() -> None:
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        _close_pipes(child)

    thread = threading.Thread(target=collect, daemon=True)
    thread.start()
    return thread


def _close_pipes(child: subprocess.Popen[bytes]) -> None:
    for pipe in (child.stdin, child.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()


def _feed(pipe: IO[bytes], header: bytes, data: bytes) -> None:
    # A child that stops early (refused, crashed or killed) breaks the pipe; its exit says why.
    with contextlib.suppress(OSError, ValueError):
        pipe.write(header)
        pipe.write(data)
        pipe.flush()


def _drain(child: subprocess.Popen[bytes], pipe: IO[bytes], reply: _Reply, limit: int) -> None:
    start = pipe.read(wire.REPLY_LENGTH.size)
    if len(start) != wire.REPLY_LENGTH.size:
        return
    (size,) = wire.REPLY_LENGTH.unpack(start)
    if size > limit:
        child.kill()  # a child flooding its reply has been taken over; stop it
        return
    while len(reply.data) < size and (chunk := pipe.read(min(_CHUNK, size - len(reply.data)))):
        reply.data.extend(chunk)
    reply.whole = len(reply.data) == size
