"""The parsing child: `python -m app.services.imports.worker MEMORY_MB CPU_SECONDS`.

It limits itself before reading anything, then reads requests from stdin and writes one reply
to stdout for each, until stdin closes. CPU_SECONDS is its allowance for all of them; each
file also has its own, set before it is read. It never touches the disk: on Linux it cannot
even write a file or a core dump, so case data cannot leak there if a parser misbehaves.
"""

from __future__ import annotations

import logging
import sys
import warnings

from app.services.imports import wire
from app.services.imports.parsed import ImportRefused, ParsedFile
from app.services.imports.sniff import FORMATS, Format
from app.translation import _


def limit_self(memory_mb: int, cpu_seconds: int) -> None:
    """Cap this process's memory and CPU time (Linux only; elsewhere the parent's timeout rules)."""
    if sys.platform != "linux":
        return
    import ctypes
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    # A core-dump helper (systemd-coredump, apport) can ignore RLIMIT_CORE; this it cannot.
    pr_set_dumpable = 4
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_dumpable, 0, 0, 0, 0)


def limit_next_file(cpu_seconds: int) -> None:
    """Allow the next file `cpu_seconds` more of CPU time (within the allowance for all)."""
    if sys.platform != "linux":
        return
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    wanted = int(usage.ru_utime + usage.ru_stime) + cpu_seconds
    resource.setrlimit(resource.RLIMIT_CPU, (min(wanted, hard - 1), hard))


def parse(fmt: Format, data: bytes) -> ParsedFile:
    """Run the parser for `fmt`. Parsers are imported here, so the child loads only one."""
    name = ""  # the parent knows the real name and puts it on the result
    if fmt.kind == "pdf":
        from app.services.imports.pdf import parse_pdf

        return parse_pdf(name, fmt.media_type, data)
    if fmt.kind == "image":
        from app.services.imports.images import parse_image

        return parse_image(name, fmt.media_type, data)
    if fmt.media_type == "message/rfc822":
        from app.services.imports.email_file import parse_eml

        return parse_eml(name, fmt.media_type, data)
    if fmt.kind == "email":
        from app.services.imports.outlook import parse_msg

        return parse_msg(name, fmt.media_type, data)
    if fmt.kind == "document":
        from app.services.imports.docx import parse_docx

        return parse_docx(name, fmt.media_type, data)
    from app.services.imports.text import parse_text

    return parse_text(name, fmt.media_type, data)


def reply_for(request: wire.Request) -> bytes:
    """Parse the requested file and return the reply bytes; every failure becomes a refusal."""
    fmt = FORMATS.get(request.media_type)
    if fmt is None:
        return wire.encode_refusal(_("Casebook cannot read this kind of file"))
    try:
        if request.mode == "render" and fmt.kind == "pdf":
            from app.services.imports.pdf import render_pages

            parsed = render_pages(request.data, list(request.pages))
        else:
            parsed = parse(fmt, request.data)
    except ImportRefused as exc:
        return wire.encode_refusal(str(exc))
    except MemoryError:
        return wire.encode_refusal(
            _("This {label} needs more memory than Casebook allows for one file").format(
                label=fmt.label
            )
        )
    except Exception:
        # Hostile or damaged files make parsers fail in countless ways; all mean the same here.
        return wire.encode_refusal(
            _("This {label} is damaged and could not be read").format(label=fmt.label)
        )
    return wire.encode_parsed(parsed, with_children=request.mode in ("parse", "render"))


def main(argv: list[str]) -> int:
    """Entry point of the child process."""
    limit_self(int(argv[0]), int(argv[1]))
    sys.dont_write_bytecode = True
    logging.disable(logging.CRITICAL)  # parsers' log lines can quote the file's content
    warnings.simplefilter("ignore")
    while (request := wire.read_request(sys.stdin.buffer)) is not None:
        limit_next_file(request.cpu_s)
        sys.stdout.buffer.write(wire.framed(reply_for(request)))
        sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
