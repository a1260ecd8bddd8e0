"""Building a bundle in one step: read the record, lay out, merge, stamp, sign, write.

Work happens in memory; the file is written (atomically) only at the very end, so a cancelled
or failed build leaves no file behind. Progress is reported between steps and cancelling is
checked between steps and every few pages.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from app.records.values import UK, parse_instant
from app.services.bundles.assemble import (
    Assembly,
    Embedded,
    OutlineItem,
    PageFailed,
    PageSpec,
    assemble,
)
from app.services.bundles.content import BundleContent, gather
from app.services.bundles.exhibits import Exhibit, ExhibitDrawer, prepare
from app.services.bundles.history import PastBundle, record_bundle
from app.services.bundles.layout import LinkSpot, Pen, Rendered, Sizes, Styles, render
from app.services.bundles.options import SECTION_TITLES, BundleError, BundleOptions
from app.services.bundles.pages import SectionWriter
from app.services.bundles.quiet import quiet_pdf_libraries
from app.services.bundles.scope import select, take_snapshot
from app.services.bundles.signing import sign_pdf, signing_identity
from app.services.bundles.verify import MANIFEST_FORMAT, MANIFEST_NAME
from app.store.audit import ChainHead
from app.store.case import Case
from app.store.outputs import check_target, write_output
from app.store.signing_key import SigningIdentity
from app.translation import _

Progress = Callable[[float, str], None]
Cancel = threading.Event | Callable[[], bool] | None
MIDDLE = ("summary", "chronology", "requests", "plans", "standards", "spending")


class BundleCancelled(Exception):
    """The person cancelled the build; nothing was written."""


@dataclass(frozen=True)
class BuiltBundle:
    """A finished bundle, in memory."""

    pdf: bytes
    sha256: str
    pages: int
    exhibits: int
    options: BundleOptions
    fingerprint: str
    head: ChainHead
    placeholders: tuple[str, ...]

    @property
    def check_code(self) -> str:
        """The chain head's short form, as the cover prints it."""
        return self.head.check_code


class _Steps:
    def __init__(self, progress: Progress | None, cancel: Cancel) -> None:
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        cancel = self._cancel
        stop = cancel.is_set() if isinstance(cancel, threading.Event) else \
            bool(cancel and cancel())
        if stop:
            raise BundleCancelled(_("The bundle was cancelled; no file was written."))

    def report(self, fraction: float, message: str) -> None:
        self.check()
        if self._progress is not None:
            self._progress(max(0.0, min(1.0, fraction)), message)


def uk_today() -> date:
    """Today's date in the UK."""
    return datetime.now(UK).date()


def build_bundle(case: Case, options: BundleOptions, *, progress: Progress | None = None,
                 cancel: Cancel = None, sign: bool = True) -> BuiltBundle:
    """Build a bundle in memory. `sign=False` makes an unsigned preview."""
    options.check()
    steps = _Steps(progress, cancel)
    steps.report(0.0, _("Reading the record"))
    snapshot = take_snapshot(case)
    selection = select(snapshot, options)
    content = gather(case, options, snapshot, selection, options.as_of or uk_today())
    identity = signing_identity(case)
    wanted = selection.file_ids if options.includes("exhibits") else ()
    files = []
    for n, file_id in enumerate(wanted):
        steps.report(0.05 + 0.05 * n / max(1, len(wanted)), _("Reading the original files"))
        files.append((snapshot.files[file_id], case.attachment_data(file_id)))
    styles = Styles(options.large_print)
    pen = Pen(styles, options.redact)
    steps.report(0.1, _("Opening the exhibits"))
    exhibits = prepare(content, files, pen)
    steps.report(0.2, _("Laying out the pages"))
    writer = SectionWriter(pen, content, [e.entry for e in exhibits])
    middle_sections = [s for s in MIDDLE if _wanted(s, content)]
    middle = render(writer.middle(middle_sections), styles.sizes) if middle_sections else None
    for _attempt in range(len(exhibits) + 1):
        steps.report(0.35, _("Drawing the exhibits"))
        try:
            pdf, pages = _lay_out_and_assemble(content, exhibits, writer, pen, middle,
                                               middle_sections, identity, steps)
            break
        except PageFailed as failed:
            # A PDF that opened but could not be copied becomes a placeholder page.
            bad = [e for e in exhibits if e.merged][failed.source - _FIRST_EXHIBIT_SOURCE]
            exhibits = [replace(e, reader=None, problem="unreadable") if e is bad else e
                        for e in exhibits]
    else:
        raise BundleError(_("The exhibits could not be put together."))
    if sign:
        steps.report(0.92, _("Signing"))
        pdf = sign_pdf(pdf, identity, _("Evidence bundle made by Casebook from the record"))
    steps.report(1.0, _("Done"))
    return BuiltBundle(pdf, hashlib.sha256(pdf).hexdigest(), pages, len(exhibits), options,
                       identity.fingerprint, content.head,
                       tuple(e.entry.number for e in exhibits if not e.merged and e.problem))


def save_bundle(case: Case, built: BuiltBundle, out: Path, *, cancel: Cancel = None) -> PastBundle:
    """Write a built bundle to a file and record it (audit event with its SHA-256)."""
    _Steps(None, cancel).check()
    out = write_output(Path(out), built.pdf, "bundle")
    return record_bundle(case, options=built.options, sha256=built.sha256, pages=built.pages,
                         exhibits=built.exhibits, size=len(built.pdf), path=str(out.resolve()),
                         head=built.head)


def make_bundle(case: Case, options: BundleOptions, out: Path, *,
                progress: Progress | None = None, cancel: Cancel = None) -> PastBundle:
    """Build, sign, write and record a bundle in one step."""
    check_target(Path(out), "bundle")  # refused before the build, not after it
    built = build_bundle(case, options, progress=progress, cancel=cancel)
    return save_bundle(case, built, out, cancel=cancel)


def _wanted(section: str, content: BundleContent) -> bool:
    if not content.options.includes(section):
        return False
    if section == "summary":
        return content.selection.complaint is not None
    if section == "spending":
        return content.spending is not None
    return True


# Sources are: front, middle, drawn exhibits, manifest, then one per merged PDF exhibit.
_FRONT, _MIDDLE, _DRAWN, _MANIFEST, _FIRST_EXHIBIT_SOURCE = 0, 1, 2, 3, 4


def _lay_out_and_assemble(content: BundleContent, exhibits: list[Exhibit],
                          writer: SectionWriter, pen: Pen, middle: Rendered | None,
                          middle_sections: Sequence[str], identity: SigningIdentity,
                          steps: _Steps) -> tuple[bytes, int]:
    sizes = pen.styles.sizes
    drawn, shown = ExhibitDrawer(pen).render(exhibits) if any(
        not e.merged for e in exhibits) else (None, {})
    starts: dict[str, int] = {}
    drawn_start: dict[str, int] = {}
    offset = 0
    counted: list[Exhibit] = []
    for i, exhibit in enumerate(exhibits):
        entry = exhibit.entry
        if not exhibit.merged:
            assert drawn is not None
            first = drawn.anchors[f"ex:{entry.file.id}"][0]
            later = [drawn.anchors[f"ex:{e.entry.file.id}"][0] for e in exhibits[i + 1:]
                     if not e.merged]
            count = (later[0] if later else drawn.pages) - first
            drawn_start[entry.file.id] = first
            entry = replace(
                entry,
                pages=count,
                shown_as=_("{0} ({count} page{1})").format(
                    shown[entry.file.id], "" if count == 1 else "s", count=count
                ),
            )
        counted.append(replace(exhibit, entry=entry))
        starts[entry.file.id] = offset
        offset += entry.pages
    exhibits = counted
    writer.exhibits = [e.entry for e in exhibits]
    steps.report(0.45, _("Writing the manifest"))
    manifest = render(writer.manifest(), sizes)
    middle_pages = middle.pages if middle else 0
    exhibit_pages = offset
    sections = ["cover", "contents", *middle_sections]
    if exhibits:
        sections.append("exhibits")
    sections.append("manifest")
    front, front_pages, total = _front_matter(writer, identity, sizes, middle, starts,
                                              exhibit_pages, manifest.pages, sections)
    base = front_pages + middle_pages
    steps.report(0.5, _("Putting the pages together"))
    targets: dict[str, tuple[int, float | None]] = {}
    for part, shift in ((front, 0), (middle, front_pages),
                        (manifest, base + exhibit_pages)):
        if part is not None:
            targets.update({k: (p + shift, top) for k, (p, top) in part.anchors.items()})
    targets.update({f"ex:{f}": (base + s, None) for f, s in starts.items()})
    links: list[tuple[int, LinkSpot]] = [(s.page, s) for s in front.links]
    if middle:
        links += [(front_pages + s.page, s) for s in middle.links]
    links += [(base + exhibit_pages + s.page, s) for s in manifest.links]
    specs = _page_specs(content, exhibits, pen, front, middle, drawn, drawn_start,
                        manifest, middle_sections)
    outline = _outline(sections, targets, exhibits, starts, base)
    label_starts = [targets[f"sec:{s}"][0] for s in sections if f"sec:{s}" in targets]
    label_starts += [base + s for s in starts.values()]
    sources: list[PdfReader] = [_reader(front), _reader(middle), _reader(drawn),
                                _reader(manifest)]
    sources += [e.reader for e in exhibits if e.reader is not None]
    job = Assembly(pages=specs, sources=sources, links=links, targets=targets, outline=outline,
                   label_starts=label_starts,
                   files=_embedded(content, exhibits, identity, total, base, starts, pen),
                   metadata=_metadata(content, pen), sizes=sizes)
    with quiet_pdf_libraries():
        return assemble(job, steps.check, lambda f: steps.report(
            0.5 + 0.4 * f, _("Putting the pages together"))), len(specs)


def _front_matter(writer: SectionWriter, identity: SigningIdentity, sizes: Sizes,
                  middle: Rendered | None, starts: dict[str, int], exhibit_pages: int,
                  manifest_pages: int, sections: Sequence[str]) -> tuple[Rendered, int, int]:
    """The cover and contents, laid out until the page numbers they print are right: the
    numbers depend on how many pages the cover and contents themselves take. Returns the
    pages, how many there are, and the bundle's total page count."""
    front_pages, contents_page = 2, 2
    middle_pages = middle.pages if middle else 0
    for _round in range(6):
        base = front_pages + middle_pages
        total = base + exhibit_pages + manifest_pages
        numbers = {"sec:cover": 1, "sec:contents": contents_page}
        if middle:
            numbers.update({k: front_pages + p + 1 for k, (p, _) in middle.anchors.items()})
        numbers.update({f"ex:{f}": base + s + 1 for f, s in starts.items()})
        numbers["sec:manifest"] = base + exhibit_pages + 1
        front = render(writer.cover(total, identity.fingerprint)
                       + writer.contents(numbers, sections), sizes)
        laid_out = front.anchors["sec:contents"][0] + 1
        if front.pages == front_pages and laid_out == contents_page:
            return front, front_pages, total
        front_pages, contents_page = front.pages, laid_out
    raise BundleError(_("The contents pages could not be numbered; please try again."))


def _reader(part: Rendered | None) -> PdfReader:
    return PdfReader(io.BytesIO(part.pdf if part else _EMPTY_PDF))


def _empty_pdf() -> bytes:
    out = io.BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


_EMPTY_PDF = _empty_pdf()


def _page_specs(content: BundleContent, exhibits: list[Exhibit], pen: Pen, front: Rendered,
                middle: Rendered | None, drawn: Rendered | None, drawn_start: dict[str, int],
                manifest: Rendered, middle_sections: Sequence[str]) -> list[PageSpec]:
    person = pen.clean(content.snapshot.person.name)
    specs = [PageSpec(_FRONT, i, False, "", _("Evidence bundle: {person}").format(person=person))
             for i in range(front.pages)]
    if middle:
        firsts = sorted((middle.anchors[f"sec:{s}"][0], s) for s in middle_sections)
        for i in range(middle.pages):
            section = [s for p, s in firsts if p <= i][-1]
            specs.append(PageSpec(_MIDDLE, i, False, "", SECTION_TITLES[section]))
    source = _FIRST_EXHIBIT_SOURCE
    for exhibit in exhibits:
        entry = exhibit.entry
        top = pen.clean(
            _("Exhibit {number}: {description} — {filename}").format(
                number=entry.number, description=entry.description, filename=entry.file.filename
            )
        )
        for k in range(entry.pages):
            left = _("Exhibit {number}, page {0} of {pages}").format(
                k + 1, number=entry.number, pages=entry.pages
            )
            if exhibit.merged:
                specs.append(PageSpec(source, k, True, top, left))
            else:
                specs.append(PageSpec(_DRAWN, drawn_start[entry.file.id] + k, False, top, left))
        if exhibit.merged:
            source += 1
    specs += [PageSpec(_MANIFEST, i, False, "", SECTION_TITLES["manifest"])
              for i in range(manifest.pages)]
    return specs


def _outline(sections: Sequence[str], targets: dict[str, tuple[int, float | None]],
             exhibits: list[Exhibit], starts: dict[str, int], base: int) -> list[OutlineItem]:
    items = []
    for name in sections:
        if name == "exhibits":
            children = tuple(OutlineItem(f"{e.entry.number} — {e.entry.description}",
                                         base + starts[e.entry.file.id]) for e in exhibits)
            items.append(OutlineItem(SECTION_TITLES[name], children[0].page, children))
        else:
            items.append(OutlineItem(SECTION_TITLES[name], targets[f"sec:{name}"][0]))
    return items


def _safe_name(text: str) -> str:
    cleaned = "".join(ch if ch.isprintable() and ch not in '/\\:*?"<>|' else "_" for ch in text)
    return cleaned.strip() or "file"


def _embedded(content: BundleContent, exhibits: list[Exhibit], identity: SigningIdentity,
              total: int, base: int, starts: dict[str, int], pen: Pen) -> list[Embedded]:
    files = []
    listed = []
    for exhibit in exhibits:
        entry = exhibit.entry
        name = f"{entry.number} {_safe_name(entry.file.filename)}"
        files.append(
            Embedded(
                name,
                exhibit.data,
                entry.file.media_type,
                _("Exhibit {number}: {description}").format(
                    number=entry.number, description=entry.description
                ),
                parse_instant(entry.file.added_at),
            )
        )
        listed.append({"number": entry.number, "attachment": name,
                       "filename": entry.file.filename, "media_type": entry.file.media_type,
                       "size": entry.file.size, "sha256": entry.file.sha256,
                       "added_at": entry.file.added_at, "first_page": base +
                       starts[entry.file.id] + 1, "pages": entry.pages,
                       "shown_as": entry.shown_as})
    manifest = {
        "format": MANIFEST_FORMAT, "version": 1, "pages": total,
        "chain_head": {"seq": content.head.seq, "hash": content.head.hash,
                       "check_code": content.head.check_code},
        "signer_fingerprint": identity.fingerprint,
        "scope": pen.clean(_scope(content)),
        "as_of": content.as_of.isoformat(),
        "exhibits": listed,
    }
    blob = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")
    stamp = parse_instant(content.head_at) if content.head_at else datetime(2000, 1, 1,
                                                                            tzinfo=UK)
    files.append(Embedded(MANIFEST_NAME, blob, "application/json",
                          _("Casebook's manifest of the original files in this bundle"), stamp))
    return files


def _scope(content: BundleContent) -> str:
    complaint = content.selection.complaint
    return content.options.scope_text(complaint.title if complaint else None)


def _metadata(content: BundleContent, pen: Pen) -> dict[str, str]:
    when = parse_instant(content.head_at) if content.head_at else None
    stamp = when.strftime("D:%Y%m%d%H%M%SZ") if when else \
        content.as_of.strftime("D:%Y%m%d000000Z")
    person = pen.clean(content.snapshot.person.name)
    return {
        "/Title": _("Evidence bundle: {person}").format(person=person),
        "/Author": pen.clean(content.preparer.name),
        "/Subject": pen.clean(_("Evidence bundle covering {0}").format(_scope(content))),
        "/Keywords": _("evidence bundle; check code {check_code}").format(
            check_code=content.head.check_code
        ),
        "/Creator": "Casebook",
        "/Producer": "Casebook",
        "/CreationDate": stamp,
        "/ModDate": stamp,
    }
