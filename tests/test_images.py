"""Images from docs/ are published only with nothing but their picture (casekit.core.images): no
EXIF or XMP (where a home-visit photo was taken), no comment or text chunk, nothing glued after
their end; and PDFs not at all. Each format is built here block by block, clean and with one
block more, and the sample's own screenshots are clean."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.docs import scan_docs
from casekit.core.images import extra
from tests.conftest import TODAY

PHONE = "010-0000-1001"  # case 2026-0001's client's, in the sample
SECRET = "박영수 010-0000-1001 690721-1000000 가온구 나래동 101-1".encode()  # its client's name, phone, number, address


def png(*extra_chunks: tuple[bytes, bytes], tail: bytes = b"", header: tuple[int, ...] = (1, 1, 8, 0),
        plte: bytes | None = None, pixels: bytes = b"\x00\x00", idat: bytes | None = None) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    width, height, depth, colour, *laced = header
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, *(laced or [0]))
    body = [chunk(b"IHDR", ihdr), *([chunk(b"PLTE", plte)] if plte is not None else []),
            *(chunk(k, d) for k, d in extra_chunks), chunk(b"IDAT", idat if idat is not None else zlib.compress(pixels)),
            chunk(b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(body) + tail


def jpeg(*segments: tuple[int, bytes], tail: bytes = b"") -> bytes:
    def seg(marker: int, data: bytes) -> bytes:
        return bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data

    parts = [b"\xff\xd8", seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"), *(seg(m, d) for m, d in segments),
             seg(0xDB, bytes(65)), seg(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00"), seg(0xC4, bytes(17)),
             seg(0xDA, b"\x01\x01\x00\x00\x3f\x00"), b"\x12\xff\x00\x34\xff\xd0\x56", b"\xff\xd9"]
    return b"".join(parts) + tail


def gif(*extensions: bytes, image: bytes = b"\x02\x02\x4c\x01\x00") -> bytes:
    """A 1×1 GIF; `image`: its LZW code size and data sub-blocks (clear, pixel 0, end: 100 000 101)."""
    head = b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + bytes(6)
    return head + b"".join(extensions) + b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + image + b"\x3b"


def webp(*chunks: tuple[bytes, bytes]) -> bytes:
    body = b"WEBP" + b"".join(k + struct.pack("<I", len(d)) + d + (b"\x00" if len(d) % 2 else b"")
                              for k, d in [(b"VP8L", b"\x2f" + bytes(8)), *chunks])
    return b"RIFF" + struct.pack("<I", len(body)) + body


CLEAN = {
    ".png": png(), ".jpg": jpeg(), ".gif": gif(), ".webp": webp(),
    "loop.gif": gif(b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"),
    "colour.png": png((b"sRGB", b"\x00"), (b"gAMA", b"\x00\x00\xb1\x8f"), (b"pHYs", b"\x00\x00\x0e\xc3" * 2 + b"\x01"),
                      (b"bKGD", b"\x00\xff")),
    "adobe.jpg": jpeg((0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01")),
    "still.gif": gif(b"\x21\xf9\x04\x01\x0a\x00\x00\x00"),
    "palette.png": png(header=(1, 1, 8, 3), plte=bytes(6), pixels=b"\x00\x01"),
    "laced.png": png(header=(3, 3, 8, 0, 1), pixels=bytes(15)),
}
CARRYING = {
    "text.png": (".png", png((b"tEXt", f"Comment\x00{PHONE}".encode()))),
    "ztext.png": (".png", png((b"zTXt", b"Comment\x00\x00" + zlib.compress(PHONE.encode())))),
    "itext.png": (".png", png((b"iTXt", b"Author\x00\x00\x00\x00\x00" + "박영수".encode()))),
    "exif.png": (".png", png((b"eXIf", b"MM\x00*" + bytes(8)))),
    "private.png": (".png", png((b"prVt", PHONE.encode()))),
    "glued.png": (".png", png(tail=b"%PDF-1.4 " + PHONE.encode())),
    "exif.jpg": (".jpg", jpeg((0xE1, b"Exif\x00\x00MM\x00*" + PHONE.encode()))),
    "xmp.jpg": (".jpg", jpeg((0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>"))),
    "iptc.jpg": (".jpg", jpeg((0xED, b"Photoshop 3.0\x00" + PHONE.encode()))),
    "comment.jpg": (".jpg", jpeg((0xFE, PHONE.encode()))),
    "glued.jpg": (".jpg", jpeg(tail=b"PK\x03\x04" + PHONE.encode())),
    "comment.gif": (".gif", gif(b"\x21\xfe\x0d" + PHONE.encode() + b"\x00")),
    "xmp.gif": (".gif", gif(b"\x21\xff\x0bXMP DataXMP\x03abc\x00")),
    "text.gif": (".gif", gif(b"\x21\x01\x0c" + bytes(12) + b"\x03abc\x00")),
    "exif.webp": (".webp", webp((b"EXIF", PHONE.encode()))),
    "xmp.webp": (".webp", webp((b"XMP ", b"<x:xmpmeta/>"))),
    # blocks of a kind that draws (or colours) a picture, holding what does not
    "iccp.png": (".png", png((b"iCCP", PHONE.encode() + b"\x00\x00" + zlib.compress(SECRET)))),
    "splt.png": (".png", png((b"sPLT", b"690721-1000000 010-0000-1001\x00\x08" + bytes(6)))),
    "hist.png": (".png", png((b"hIST", PHONE.encode()[:2]), header=(1, 1, 8, 3), plte=bytes(3), pixels=b"\x00\x00")),
    "gama.png": (".png", png((b"gAMA", PHONE.encode()[:4]))),
    "phys.png": (".png", png((b"pHYs", b"690721-1\x00"))),
    "mdcv.png": (".png", png((b"mDCv", SECRET[:24]))),
    "bkgd.png": (".png", png((b"bKGD", b"01"))),
    "twice.png": (".png", png((b"gAMA", b"\x00\x00\xb1\x8f"), (b"gAMA", b"0100"))),
    "chrm.png": (".png", png((b"cHRM", SECRET[10:42]))),
    "plte.png": (".png", png(plte=SECRET[:30])),
    "after-stream.png": (".png", png(idat=zlib.compress(b"\x00\x00") + SECRET)),
    "more-rows.png": (".png", png(idat=zlib.compress(b"\x00\x00" + SECRET))),
    "icc.jpg": (".jpg", jpeg((0xE2, b"ICC_PROFILE\x00\x01\x01" + SECRET))),
    "app2.jpg": (".jpg", jpeg((0xE2, SECRET))),
    "jfif.jpg": (".jpg", jpeg((0xE0, b"JFIF\x00" + SECRET))),
    "thumb.jpg": (".jpg", jpeg((0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x01\x01" + bytes(3)))),
    "adobe-text.jpg": (".jpg", jpeg((0xEE, b"Adobe" + SECRET))),
    "dqt.jpg": (".jpg", jpeg((0xDB, bytes(65) + SECRET))),
    "loop-text.gif": (".gif", gif(b"\x21\xff\x0bNETSCAPE2.0" + bytes([len(SECRET)]) + SECRET + b"\x00")),
    "loop-more.gif": (".gif", gif(b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00" + bytes([len(SECRET)]) + SECRET + b"\x00")),
    "control.gif": (".gif", gif(b"\x21\xf9" + bytes([len(SECRET)]) + SECRET + b"\x00")),
    "unknown.gif": (".gif", gif(b"\x21\x42" + bytes([len(SECRET)]) + SECRET + b"\x00")),
    "icc.webp": (".webp", webp((b"ICCP", SECRET))),
    "frame.webp": (".webp", webp((b"ANMF", bytes(16) + b"EXIF" + struct.pack("<I", len(SECRET)) + SECRET))),
    "lzw-after-end.gif": (".gif", gif(image=b"\x02\x02\x4c\x01" + bytes([len(SECRET)]) + SECRET + b"\x00")),
    "lzw-more-pixels.gif": (".gif", gif(image=b"\x02\x03\x44\x0c\x05\x00")),
    "cut.png": (".png", png()[:-20]),
    "cut.jpg": (".jpg", jpeg()[:-9]),
    "cut.gif": (".gif", gif()[:-5]),
}


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_an_image_with_only_its_picture_is_clean(name: str) -> None:
    suffix = "." + name.rsplit(".", 1)[-1]
    assert extra(CLEAN[name], suffix) is None


@pytest.mark.parametrize("name", sorted(CARRYING))
def test_an_image_carrying_more_than_its_picture_is_named(name: str) -> None:
    suffix, data = CARRYING[name]
    assert extra(data, suffix)


def test_the_sample_screenshots_are_clean() -> None:
    shots = sorted((Path(__file__).resolve().parent.parent / "docs" / "img").glob("*.png"))
    assert shots and all(extra(p.read_bytes(), ".png") is None for p in shots)


def test_docs_images_with_metadata_and_pdfs_are_not_published(sample: Path) -> None:
    img = sample / "docs" / "img"
    for name, (_, data) in CARRYING.items():
        (img / name).write_bytes(data)
    (sample / "docs" / "form.pdf").write_bytes(b"%PDF-1.4\n% " + PHONE.encode() + b"\ntrailer<<>>\n%%EOF\n")
    (img / "clean.png").write_bytes(CLEAN[".png"])
    scan = scan_docs(sample)
    assert "docs/img/clean.png" in scan.assets
    refused = {f.path: f for f in scan.findings}
    for name in CARRYING:
        assert f"docs/img/{name}" not in scan.assets
        assert refused[f"docs/img/{name}"].code in ("docs-not-published", "docs-asset-mismatch"), name
    assert "docs/form.pdf" not in scan.assets and refused["docs/form.pdf"].code == "docs-not-published"
    assert "PDF" in refused["docs/form.pdf"].message_ko
    assert "EXIF" in refused["docs/img/exif.jpg"].message_ko
    assert not [f for f in check(sample).findings if f.severity == "error" and f.path.startswith("docs/")
                and f.code != "docs-asset-mismatch"]


def test_a_build_publishes_none_of_them(sample: Path, tmp_path: Path) -> None:
    import datetime as dt

    from casekit.site.build import build

    img = sample / "docs" / "img"
    (img / "exif.jpg").write_bytes(CARRYING["exif.jpg"][1])
    (img / "text.png").write_bytes(CARRYING["text.png"][1])
    (sample / "docs" / "form.pdf").write_bytes(b"%PDF-1.4\n% " + PHONE.encode() + b"\ntrailer<<>>\n%%EOF\n")
    page = sample / "docs" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![사진](img/exif.jpg) [양식](form.pdf)\n", encoding="utf-8")
    result = build(sample, tmp_path / "site", today=dt.date(2026, 11, 20))
    assert not [f for f in result.errors], result.errors
    published = {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert not {"img/exif.jpg", "img/text.png", "form.pdf"} & published
    assert not any(PHONE.encode() in p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file())


@pytest.mark.parametrize("name", ["iccp.png", "splt.png", "loop-text.gif", "control.gif", "icc.jpg", "icc.webp"])
def test_the_output_audit_reads_an_images_bytes_for_sensitive_values(name: str, tmp_path: Path) -> None:
    """A block check let through (these were, before it read them whole) is caught at the end of
    the build: the audit reads an image's text, as UTF-8 and UTF-16, even when it is the docs/ image
    check allowed, byte for byte."""
    from casekit.core.sensitive import SensitiveIndex
    from casekit.site.audit import Expected, Scanner, audit_data

    suffix, data = CARRYING[name]
    source = tmp_path / f"x{suffix}"
    source.write_bytes(data)
    scan = Scanner(SensitiveIndex([(PHONE, "cases/2026-0001/01-intake.md", "client.phone")]))
    found = audit_data(f"img/x{suffix}", data, scan, Expected(docs_assets={f"img/x{suffix}": source}))
    assert [f.code for f in found] == ["site-sensitive"]
    wide = SECRET.decode().encode("utf-16-be")
    found = audit_data("img/y.png", CLEAN[".png"] + wide, scan, Expected())
    assert "site-sensitive" in [f.code for f in found]
    assert audit_data("img/z.png", CLEAN[".png"], scan, Expected(docs_assets={"img/z.png": _write(tmp_path, CLEAN[".png"])})) == []


def _write(folder: Path, data: bytes) -> Path:
    path = folder / "clean.png"
    path.write_bytes(data)
    return path


def _site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_picture_carrying_a_clients_details_in_a_drawing_block_is_not_published(sample: Path, tmp_path: Path) -> None:
    """The probe's pictures: a client's name, phone, resident number and address in a PNG's colour
    profile and suggested palette, a GIF's loop and control blocks, a JPEG's JFIF header and colour
    profile, a WebP's colour profile; each shown by the case's assessment. None reaches the site."""
    from casekit.site.build import build

    names = ["iccp.png", "splt.png", "loop-text.gif", "control.gif", "jfif.jpg", "icc.jpg", "icc.webp"]
    record = sample / "cases" / "2026-0001" / "02-assessment.md"
    text = record.read_text(encoding="utf-8") + "\n"
    for n, name in enumerate(names):
        suffix, data = CARRYING[name]
        (sample / "docs" / "img" / f"2026-0001-map{n}{suffix}").write_bytes(data)
        text += f"\n![지도](../../docs/img/2026-0001-map{n}{suffix})\n"
    record.write_text(text, encoding="utf-8")
    refused = {f.path for f in check(sample).findings if f.code == "docs-not-published"}
    assert {f"docs/img/2026-0001-map{n}{CARRYING[name][0]}" for n, name in enumerate(names)} <= refused
    result = build(sample, tmp_path / "site", today=TODAY)
    assert not result.errors, result.errors
    files = _site_files(tmp_path / "site")
    assert not [rel for rel in files if "2026-0001-map" in rel]
    assert not [rel for rel, data in files.items() if PHONE.encode() in data or "박영수".encode() in data]


def test_a_restricted_cases_pictures_are_not_published(sample: Path, tmp_path: Path) -> None:
    """A restricted case's bodies reach no output file, nor do its pictures: an image named for the
    case (as the README names them) or shown by one of its records stays out of the site, and check
    says so (a warning); an open case's picture is published as before."""
    from casekit.site.build import build

    img = sample / "docs" / "img"
    (img / "2026-0010-genogram.png").write_bytes(CLEAN[".png"])
    (img / "family.png").write_bytes(CLEAN["palette.png"])  # shown by the restricted case alone
    (img / "2026-0001-map.png").write_bytes(CLEAN["colour.png"])
    for case, pictures in (("2026-0010", ["2026-0010-genogram.png", "family.png"]), ("2026-0001", ["2026-0001-map.png"])):
        record = sample / "cases" / case / "02-assessment.md"
        record.write_text(record.read_text(encoding="utf-8") + "\n\n## 그림\n\n"
                          + "\n\n".join(f"![그림](../../docs/img/{p})" for p in pictures) + "\n", encoding="utf-8")
    held = {f.path: f for f in check(sample).findings if f.code == "docs-not-published"}
    assert set(held) == {"docs/img/2026-0010-genogram.png", "docs/img/family.png"}
    assert all(f.severity == "warning" and "2026-0010" in f.message_ko and "열람 제한" in f.message_ko for f in held.values())
    assert "02-assessment.md" in held["docs/img/family.png"].message_ko
    result = build(sample, tmp_path / "site", today=TODAY)
    assert not result.errors, result.errors
    files = _site_files(tmp_path / "site")
    assert "img/2026-0001-map.png" in files
    assert not {"img/2026-0010-genogram.png", "img/family.png"} & set(files)
    assert not [rel for rel, data in files.items() if b"2026-0010-genogram" in data or b"family.png" in data]
