"""What an image file carries besides its picture: `extra(data, suffix)`.

A photo taken on a home visit carries where it was taken (EXIF GPS), the camera owner's name,
a caption; an image edited elsewhere carries XMP, IPTC, comments, text chunks; a file may carry
anything after the image's end (a PDF or a ZIP glued on). None of it is seen on the page, all of
it is published, and neither `check` nor the output audit can vouch for it. So an image is
published from `docs/` only when it holds nothing but what draws it: each format is read block
by block against a list of the blocks that draw a picture (PNG chunks, JPEG segments, GIF
blocks, WebP chunks), and anything else, or a file that does not read to its end, is named.
"""

from __future__ import annotations

import struct

# PNG chunks that draw the picture (and colour it, time an animation): no text chunk (tEXt zTXt
# iTXt), no eXIf, no private chunk
_PNG_DRAWS = frozenset({
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD",
    b"pHYs", b"hIST", b"sPLT", b"cICP", b"mDCv", b"cLLi", b"acTL", b"fcTL", b"fdAT",
})
# JPEG segments besides the frame and scan markers: APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe
# colour transform); not APP1 (Exif, XMP), APP13 (IPTC), COM (a comment) or the other APPn
_JPEG_APPS = frozenset({0xE0, 0xE2, 0xEE})
_WEBP_DRAWS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"})
_GIF_LOOPS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")  # the application extensions that loop an animation


class _Bad(Exception):
    pass


def extra(data: bytes, suffix: str) -> str | None:
    """What `data`, an image named `suffix` (".png" …), carries besides its picture, in Korean
    with the English after it ("EXIF (촬영 정보)" …); None when it holds only its picture."""
    read = {".png": _png, ".jpg": _jpeg, ".jpeg": _jpeg, ".gif": _gif, ".webp": _webp}.get(suffix)
    if read is None:
        return None
    try:
        return read(data)
    except (_Bad, struct.error, IndexError, ValueError):
        return "그림으로 끝까지 읽히지 않는 내용 (does not read as an image to its end)"


def _png(data: bytes) -> str | None:
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise _Bad
    at = 8
    while at < len(data):
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        if at + 12 + size > len(data):
            raise _Bad
        if kind not in _PNG_DRAWS:
            return f"PNG의 '{kind.decode('latin-1')}' 부분: 글이나 촬영 정보 (a {kind.decode('latin-1')} chunk: text or metadata)"
        at += 12 + size
        if kind == b"IEND":
            return _after_end(data, at)
    raise _Bad


def _jpeg(data: bytes) -> str | None:
    if not data.startswith(b"\xff\xd8"):
        raise _Bad
    at = 2
    while True:
        if data[at] != 0xFF:
            raise _Bad
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0xD9:  # end of image
            return _after_end(data, at + 2)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            at += 2
            continue
        (size,) = struct.unpack(">H", data[at + 2 : at + 4])
        if size < 2 or at + 2 + size > len(data):
            raise _Bad
        if marker == 0xFE:
            return "JPEG 설명 글 (a comment)"
        if 0xE0 <= marker <= 0xEF and marker not in _JPEG_APPS:
            what = {0xE1: "EXIF·XMP", 0xED: "IPTC"}.get(marker, f"APP{marker - 0xE0}")
            return f"JPEG의 {what} 정보: 촬영 위치·기기·이름 등 (metadata: {what})"
        at += 2 + size
        if marker == 0xDA:  # a scan: its coded data runs to the next marker that is not a restart or a stuffed 0
            while True:
                at = data.index(b"\xff", at)
                nxt = data[at + 1]
                if nxt == 0 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
                    at += 1 if nxt == 0xFF else 2
                    continue
                break


def _gif(data: bytes) -> str | None:
    if not data.startswith((b"GIF87a", b"GIF89a")):
        raise _Bad
    flags = data[10]
    at = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    while True:
        block = data[at]
        if block == 0x3B:  # trailer
            return _after_end(data, at + 1)
        if block == 0x2C:  # an image: descriptor, local colour table, LZW code size, data
            flags = data[at + 9]
            at += 10 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0) + 1
            at = _sub_blocks(data, at)
        elif block == 0x21:
            label = data[at + 1]
            if label == 0xFE:
                return "GIF 설명 글 (a comment)"
            if label == 0x01:
                return "GIF 글 블록 (a plain text extension)"
            if label == 0xFF and data[at + 3 : at + 14] not in _GIF_LOOPS:
                return "GIF 응용 정보: XMP 등 (an application extension: XMP …)"
            at = _sub_blocks(data, at + 2)
        else:
            raise _Bad


def _sub_blocks(data: bytes, at: int) -> int:
    while True:
        size = data[at]
        at += 1 + size
        if size == 0:
            if at > len(data):
                raise _Bad
            return at


def _webp(data: bytes) -> str | None:
    if not (data.startswith(b"RIFF") and data[8:12] == b"WEBP"):
        raise _Bad
    (riff,) = struct.unpack("<I", data[4:8])
    end = 8 + riff
    if end > len(data):
        raise _Bad
    at = 12
    while at < end:
        kind, size = struct.unpack("<4sI", data[at : at + 8])
        if at + 8 + size > end:
            raise _Bad
        if kind not in _WEBP_DRAWS:
            return f"WebP의 '{kind.decode('latin-1').strip()}' 정보 (a {kind.decode('latin-1').strip()} chunk: metadata)"
        at += 8 + size + (size & 1)
    return _after_end(data, end)


def _after_end(data: bytes, end: int) -> str | None:
    return "그림이 끝난 뒤에 붙은 다른 내용 (data after the image's end)" if data[end:].strip(b"\x00") else None
