"""Parse an untrusted file in a child process with memory and time limits.

The file's bytes travel to the child over its stdin and the result comes back over its stdout,
so case data is never written to disk in plaintext. Any failure in the child (a crash, running
out of memory, running out of time, a damaged file) comes back as ImportRefused with one
plain line.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import subprocess
import sys
import threading
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


def parse_file(
    filename: str, data: bytes, *, timeout_s: float = 20, memory_mb: int = 512
) -> ParsedFile:
    """Read `data` (named `filename`) in a sandboxed child, attachments included."""
    fmt = sniff(filename, data)
    return _run(filename, fmt, data, "parse", timeout_s, memory_mb)


def extract_text(
    filename: str, data: bytes, *, timeout_s: float = 20, memory_mb: int = 512
) -> ExtractResult:
    """The searchable text of a stored attachment, read in the same sandbox.

    An email's text starts with its subject and addresses, so a search for a person finds it.
    """
    fmt = sniff(filename, data)
    parsed = _run(filename, fmt, data, "extract", timeout_s, memory_mb)
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
    return ExtractResult(parsed.media_type, text, parsed.locked, parsed.page_count)


def _run(
    filename: str, fmt: Format, data: bytes, mode: str, timeout_s: float, memory_mb: int
) -> ParsedFile:
    # A frozen app is its own child (`casebook --read-file-in-sandbox …`); Python runs the
    # worker module.
    child_of = [SANDBOX_FLAG] if is_frozen() else ["-m", "app.services.imports.worker"]
    command = [sys.executable, *child_of, str(memory_mb), str(math.ceil(timeout_s) + 1)]
    # One malloc arena per thread reserves 64 MB of address space each, which would eat the
    # memory limit without using any memory.
    env = {**os.environ, "MALLOC_ARENA_MAX": "2"}
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        child = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=_SOURCE_ROOT, env=env, creationflags=flags,
        )
    except OSError as exc:
        raise ImportRefused(CANNOT_START) from exc
    # A well-behaved reply is the text plus the attachments, never much more than the input.
    limit = 4 * len(data) + 64 * 1024 * 1024
    reply = bytearray()
    with child:
        assert child.stdin is not None and child.stdout is not None
        threads = [
            threading.Thread(target=_feed, daemon=True, args=(
                child.stdin, wire.request_header(fmt.media_type, mode), data)),
            threading.Thread(target=_drain, daemon=True, args=(
                child, child.stdout, reply, limit)),
        ]
        for thread in threads:
            thread.start()
        try:
            child.wait(timeout=timeout_s)
            timed_out = False
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            timed_out = True
        for thread in threads:
            thread.join()
    if timed_out or child.returncode in _CPU_LIMIT_EXITS:
        raise ImportRefused(TOO_SLOW)
    damaged = _("This {label} is damaged and could not be read").format(label=fmt.label)
    if child.returncode != 0:
        raise ImportRefused(damaged)
    try:
        result = wire.decode_reply(reply, filename=filename, fmt=fmt)
    except wire.BadReply as exc:
        raise ImportRefused(damaged) from exc
    if isinstance(result, str):
        raise ImportRefused(result or damaged)
    return result


def _feed(pipe: IO[bytes], header: bytes, data: bytes) -> None:
    # A child that stops early (refused, crashed or killed) breaks the pipe; its exit says why.
    with contextlib.suppress(OSError), pipe:
        pipe.write(header)
        pipe.write(data)


def _drain(child: subprocess.Popen[bytes], pipe: IO[bytes], out: bytearray, limit: int) -> None:
    while chunk := pipe.read(_CHUNK):
        out.extend(chunk)
        if len(out) > limit:
            child.kill()  # a child flooding its reply has been taken over; stop it
            return
