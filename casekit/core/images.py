"""What an image file carries besides its picture: `extra(data, suffix)`.

A photo taken on a home visit carries where it was taken (EXIF GPS), the camera owner's name,
a caption; an image edited elsewhere carries XMP, IPTC, comments, text chunks, a colour profile
with its own description and copyright text; a file may carry anything after the image's end (a
PDF or a ZIP glued on). None of it is seen on the page, all of it is published, and neither
`check` nor the output audit can vouch for it. So an image is published from `docs/` only when
it holds nothing but what draws it: each format is read block by block against a list of the
blocks that draw a picture (PNG chunks, JPEG segments, GIF blocks, WebP chunks), and each of
those is read to its exact form (its size, the values it may hold: a JFIF header without a
thumbnail, a GIF's loop count, a PNG's pixel data that unpacks to the picture's size and no
more, a GIF's codes that draw its pixels and end there). Anything else, or a file that does not read to its end, is named. A block that only
describes the picture (a colour profile: PNG iCCP, JPEG APP2, WebP ICCP; a suggested palette,
PNG sPLT and hIST) holds text or any bytes and draws nothing: it is named too (saved again as
sRGB without a profile, the picture looks the same).
"""

from __future__ import annotations

import hashlib
import struct
import zlib

# PNG chunks that draw the picture (and colour it, time an animation), each with the sizes it may
# have (None: any, read below); no text chunk (tEXt zTXt iTXt), no eXIf, no private chunk, no
# colour profile (iCCP), no suggested palette (sPLT, hIST), no HDR mastering data (mDCv, cLLi: 32
# bytes of any values, for a display that reads them)
_PNG_MAX = 0xFFFFF  # gAMA, pHYs: a gamma up to 10, a resolution up to 26,000 dpi (no room for text)
_PNG_SIZES: dict[bytes, tuple[int, ...] | None] = {
    b"IHDR": (13,), b"PLTE": None, b"IDAT": None, b"IEND": (0,), b"tRNS": None, b"gAMA": (4,), b"cHRM": (32,),
    b"sRGB": (1,), b"sBIT": (1, 2, 3, 4), b"bKGD": (1, 2, 6), b"pHYs": (9,), b"cICP": (4,), b"acTL": (8,),
    b"fcTL": (26,), b"fdAT": None,
}
_PNG_ONCE = frozenset(_PNG_SIZES) - {b"IDAT", b"fcTL", b"fdAT"}
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_PNG_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
MAX_PIXEL_BYTES = 1 << 30  # a PNG's pixel data unpacked: more is refused, never unpacked
_PROFILE = ("색 프로필(ICC): 설명·저작권 글을 담습니다(sRGB로 바꾸어 프로필 없이 저장해도 그림은 같습니다)",
            "a colour profile (ICC), which holds text (saved as sRGB without one, the picture looks the same)")
_SPLT = ("PNG의 '{0}' 부분(추천 팔레트): 그림을 그리지 않고 글이나 다른 값을 담습니다",
         "a {0} chunk (suggested palette): draws nothing, holds text or other values")
# JPEG segments besides the frame and scan markers: APP0 (JFIF, no thumbnail) and APP14 (Adobe
# colour transform), each of its fixed size; not APP1 (Exif, XMP), APP2 (an ICC profile, FlashPix,
# a second picture), APP13 (IPTC), COM (a comment) or the other APPn
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_WEBP_DRAWS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"})
_WEBP_FRAME = frozenset({b"VP8 ", b"VP8L", b"ALPH"})  # what an animation frame (ANMF) holds
_GIF_LOOPS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")  # the application extensions that loop an animation
_UNREAD = "그림으로 끝까지 읽히지 않는 내용 (does not read as an image to its end)"


class _Bad(Exception):
    pass


def extra(data: bytes, suffix: str) -> str | None:
    """What `data`, an image named `suffix` (".png" …), carries besides its picture, in Korean
    with the English after it ("EXIF (촬영 정보)" …); None when it holds only its picture.
    Remembered for this process by the image's digest."""
    read = {".png": _png, ".jpg": _jpeg, ".jpeg": _jpeg, ".gif": _gif, ".webp": _webp}.get(suffix)
    if read is None:
        return None
    key = hashlib.blake2b(data, digest_size=16, person=suffix.encode()).digest()
    if key in _READ:  # (a build reads docs/ two or three times: a GIF's codes are counted once)
        return _READ[key]
    try:
        found = read(data)
    except (_Bad, struct.error, IndexError, ValueError, zlib.error):
        found = _UNREAD
    if len(_READ) >= 4096:
        _READ.clear()
    _READ[key] = found
    return found


_READ: dict[bytes, str | None] = {}  # what `extra` found, by the image's digest


def _said(words: tuple[str, str]) -> str:
    return f"{words[0]} ({words[1]})"


def _need(ok: bool) -> None:
    if not ok:
        raise _Bad


def _png(data: bytes) -> str | None:
    _need(data.startswith(b"\x89PNG\r\n\x1a\n"))
    at = 8
    seen: set[bytes] = set()
    header: tuple[int, int, int, int, int] | None = None
    palette = 0
    image: list[bytes] = []  # the picture's zlib data (IDAT)
    frames: list[tuple[int, int, list[bytes]]] = []  # (width, height, its zlib data): each frame of an animation (fdAT)
    frame: tuple[int, int] | None = None  # the size of the last fcTL's frame, its data still to come
    sequence = controls = animation = 0  # (APNG: the next sequence number, the frames so far, acTL's count)
    last = b""
    while at < len(data):
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        _need(at + 12 + size <= len(data))
        body = data[at + 8 : at + 8 + size]
        if kind == b"iCCP":
            return _said(_PROFILE)
        if kind in (b"sPLT", b"hIST", b"mDCv", b"cLLi"):
            name = kind.decode("latin-1")
            return _said((_SPLT[0].format(name), _SPLT[1].format(name)))
        if kind not in _PNG_SIZES:
            return f"PNG의 '{kind.decode('latin-1')}' 부분: 글이나 촬영 정보 (a {kind.decode('latin-1')} chunk: text or metadata)"
        sizes = _PNG_SIZES[kind]
        _need((sizes is None or size in sizes) and not (kind in _PNG_ONCE and kind in seen))
        _need((kind == b"IHDR") == (at == 8))
        seen.add(kind)
        if kind == b"IHDR":
            width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", body)
            _need(width > 0 and height > 0 and depth in _PNG_DEPTHS.get(colour, ())
                  and compression == 0 and filtering == 0 and interlace in (0, 1))
            header = (width, height, depth, colour, interlace)
        if header is None:
            raise _Bad
        colour = header[3]
        if kind == b"PLTE":  # the colours of a palette picture (a truecolour picture needs none)
            _need(colour == 3 and size % 3 == 0 and 3 <= size <= 3 * 2 ** header[2])
            palette = size // 3
        elif kind == b"tRNS":
            _need({0: size == 2, 2: size == 6, 3: 1 <= size <= palette}.get(colour, False)
                  and (colour == 3 or _samples_fit(body, header[2])))
        elif kind == b"sRGB":
            _need(body[0] <= 3)
        elif kind == b"sBIT":
            _need(size == {0: 1, 2: 3, 3: 3, 4: 2, 6: 4}[colour]
                  and all(1 <= b <= (8 if colour == 3 else header[2]) for b in body))
        elif kind == b"bKGD":
            _need(size == {0: 2, 4: 2, 2: 6, 6: 6, 3: 1}[colour]
                  and (body[0] < palette if colour == 3 else _samples_fit(body, header[2])))
        elif kind == b"pHYs":
            _need(body[8] <= 1 and max(struct.unpack(">II", body[:8])) <= _PNG_MAX)
        elif kind == b"gAMA":
            _need(struct.unpack(">I", body)[0] <= _PNG_MAX)
        elif kind == b"cICP":  # (its matrix must be 0 for RGB, its range flag 0 or 1)
            _need(body[2] == 0 and body[3] <= 1)
        elif kind == b"acTL":
            plays = struct.unpack(">II", body)
            _need(plays[0] > 0 and plays[1] <= 0xFFFF)
            animation = plays[0]
        elif kind == b"cHRM":
            _need(all(v <= 100000 for v in struct.unpack(">8I", body)))
        elif kind == b"IDAT":  # the picture's data: one run of chunks
            _need(not image or last == b"IDAT")
            image.append(body)
        elif kind == b"fcTL":
            _need(struct.unpack(">I", body[:4])[0] == sequence)
            sequence += 1
            controls += 1
            w, h, x, y = struct.unpack(">4I", body[4:20])
            _need(w > 0 and h > 0 and x + w <= header[0] and y + h <= header[1] and body[24] <= 2 and body[25] <= 1)
            frame = (w, h)
        elif kind == b"fdAT":
            if frame is None or size <= 4 or struct.unpack(">I", body[:4])[0] != sequence:
                raise _Bad
            sequence += 1
            if last != b"fdAT":
                frames.append((frame[0], frame[1], []))
            frames[-1][2].append(body[4:])
        last = kind
        at += 12 + size
        if kind == b"IEND":
            _need(bool(image) and (colour != 3 or palette > 0) and controls == animation)
            for width, height, parts in [(header[0], header[1], image), *frames]:
                _pixels(parts, _pixel_bytes(width, height, header[2], _PNG_CHANNELS[colour], header[4]))
            return _after_end(data, at)
    raise _Bad


def _samples_fit(body: bytes, depth: int) -> bool:
    """Whether each 16-bit sample of `body` (a colour of tRNS or bKGD) is one of the picture's bit depth."""
    return all(v < 2**depth for v in struct.unpack(f">{len(body) // 2}H", body))


def _pixel_bytes(width: int, height: int, depth: int, channels: int, interlace: int) -> int:
    """The size of a PNG's pixel data unpacked: each row's filter byte and its pixels (each pass's,
    interlaced)."""
    def rows(w: int, h: int) -> int:
        return 0 if w == 0 or h == 0 else h * (1 + (w * depth * channels + 7) // 8)

    if not interlace:
        return rows(width, height)
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
    return sum(rows((width - x + dx - 1) // dx, (height - y + dy - 1) // dy) for x, y, dx, dy in passes)


def _pixels(parts: list[bytes], expected: int) -> None:
    """That the zlib data `parts` (an image's IDAT or a frame's fdAT, in order) unpacks to exactly
    `expected` bytes and ends with the last of them: nothing after the stream, nothing unpacked past
    the picture's last row."""
    _need(expected <= MAX_PIXEL_BYTES)
    unpack = zlib.decompressobj()
    got = 0
    for part in parts:
        while part:
            got += len(unpack.decompress(part, 1 << 20))
            part = unpack.unconsumed_tail
            _need(got <= expected)
    while not unpack.eof and got <= expected:
        more = unpack.decompress(b"", 1 << 20)
        if not more:
            break
        got += len(more)
    _need(unpack.eof and got == expected and not unpack.unused_data)


def _jpeg(data: bytes) -> str | None:
    _need(data.startswith(b"\xff\xd8"))
    at = 2
    frame = False
    while True:
        _need(data[at] == 0xFF)
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0xD9:  # end of image
            _need(frame)
            return _after_end(data, at + 2)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            at += 2
            continue
        (size,) = struct.unpack(">H", data[at + 2 : at + 4])
        _need(size >= 2 and at + 2 + size <= len(data))
        body = data[at + 4 : at + 2 + size]
        if marker == 0xFE:
            return "JPEG 설명 글 (a comment)"
        if marker == 0xE2 and body.startswith(b"ICC_PROFILE\x00"):
            return _said(_PROFILE)
        if marker == 0xE0 and body.startswith(b"JFIF\x00"):
            if len(body) != 14 or body[12:14] != b"\x00\x00":  # (its 9 bytes and no thumbnail)
                return "JPEG의 JFIF 정보에 붙은 작은 그림이나 다른 내용 (a JFIF header with a thumbnail or more)"
        elif marker == 0xEE and body.startswith(b"Adobe"):
            _need(len(body) == 12 and body[11] <= 2)
        elif 0xE0 <= marker <= 0xEF:
            what = {0xE0: "APP0(JFXX 등: 작은 그림)", 0xE1: "EXIF·XMP", 0xE2: "APP2(FlashPix·MPF 등)", 0xED: "IPTC"}.get(
                marker, f"APP{marker - 0xE0}")
            return f"JPEG의 {what} 정보: 촬영 위치·기기·이름 등 (metadata: {what})"
        else:
            _jpeg_segment(marker, body)
            _need(not (frame and marker in _SOF))  # (one frame: no hierarchical JPEG)
            frame = frame or marker in _SOF
        at += 2 + size
        if marker == 0xDA:  # a scan: its coded data runs to the next marker that is not a restart or a stuffed 0
            while True:
                at = data.index(b"\xff", at)
                nxt = data[at + 1]
                if nxt == 0 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
                    at += 1 if nxt == 0xFF else 2
                    continue
                break


def _jpeg_segment(marker: int, body: bytes) -> None:
    """That a JPEG segment other than APPn and COM is one that draws the picture, of its exact size."""
    if marker in _SOF:
        _need(len(body) == 6 + 3 * body[5])
    elif marker == 0xDA:  # start of scan
        _need(len(body) == 4 + 2 * body[0])
    elif marker == 0xDB:  # quantization tables: 65 or 129 bytes each
        at = 0
        while at < len(body):
            at += 65 if body[at] >> 4 == 0 else 129
        _need(at == len(body))
    elif marker == 0xC4:  # Huffman tables: 17 bytes and a value for each code
        at = 0
        while at < len(body):
            at += 17 + sum(body[at + 1 : at + 17])
        _need(at == len(body))
    elif marker == 0xCC:  # arithmetic coding conditions: 2 bytes each
        _need(len(body) % 2 == 0)
    elif marker in (0xDD, 0xDC):  # restart interval, number of lines
        _need(len(body) == 2)
    else:
        raise _Bad


def _gif(data: bytes) -> str | None:
    _need(data.startswith((b"GIF87a", b"GIF89a")))
    flags = data[10]
    at = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    while True:
        block = data[at]
        if block == 0x3B:  # trailer
            return _after_end(data, at + 1)
        if block == 0x2C:  # an image: descriptor, local colour table, LZW code size, data
            width, height, flags = struct.unpack("<HHB", data[at + 5 : at + 10])
            at += 10 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
            size = data[at]
            _need(2 <= size <= 8)
            at, stream = _sub_blocks(data, at + 1)
            _lzw(stream, size, width * height)
        elif block == 0x21:
            label = data[at + 1]
            if label == 0xFE:
                return "GIF 설명 글 (a comment)"
            if label == 0x01:
                return "GIF 글 블록 (a plain text extension)"
            if label == 0xF9:  # graphic control: one block of 4 bytes (disposal, delay, transparent colour)
                _need(data[at + 2] == 4 and data[at + 7] == 0)
                at += 8
            elif label == 0xFF and data[at + 2 : at + 14] in (b"\x0b" + loop for loop in _GIF_LOOPS):
                # the loop count: one block of 3 bytes (1 and the count), nothing else
                if data[at + 14 : at + 16] != b"\x03\x01" or data[at + 18] != 0:
                    return "GIF 응용 정보에 붙은 다른 내용 (an application extension with more than its loop count)"
                at += 19
            elif label == 0xFF:
                return "GIF 응용 정보: XMP 등 (an application extension: XMP …)"
            else:
                return f"GIF의 알 수 없는 확장 블록 0x{label:02X} (an unknown extension)"
        else:
            raise _Bad


def _sub_blocks(data: bytes, at: int) -> tuple[int, bytes]:
    """Where the data sub-blocks from `at` end, and what they hold."""
    parts = []
    while True:
        size = data[at]
        parts.append(data[at + 1 : at + 1 + size])
        at += 1 + size
        if size == 0:
            _need(at <= len(data))
            return at, b"".join(parts)


def _lzw(stream: bytes, size: int, pixels: int) -> None:
    """That a GIF image's LZW codes (`stream`, codes of `size` + 1 bits and more) draw exactly its
    `pixels` and end there: with the end code in its last byte, or with the data. (Codes are counted,
    not decoded: each is as long as the code it extends, and one more.)"""
    clear = 1 << size
    end = clear + 1
    bits = size + 1
    lengths = [1] * clear + [0, 0]  # how many pixels each code draws
    prev = -1  # the code before (-1: none since a clear code)
    got = acc = held = at = 0
    while True:
        while held < bits:
            if at == len(stream):  # (no end code: the data's end ends it)
                _need(got == pixels)
                return
            acc |= stream[at] << held
            at += 1
            held += 8
        code = acc & ((1 << bits) - 1)
        acc >>= bits
        held -= bits
        if code == clear:
            bits, prev = size + 1, -1
            del lengths[end + 1 :]
            continue
        if code == end:
            _need(got == pixels and at == len(stream))
            return
        if prev < 0:
            _need(code < clear)
            got += 1
        else:
            _need(code <= len(lengths))
            got += lengths[code] if code < len(lengths) else lengths[prev] + 1
            if len(lengths) < 4096:
                lengths.append(lengths[prev] + 1)
                if len(lengths) == 1 << bits and bits < 12:
                    bits += 1
        _need(got <= pixels)
        prev = code


def _webp(data: bytes) -> str | None:
    _need(data.startswith(b"RIFF") and data[8:12] == b"WEBP")
    (riff,) = struct.unpack("<I", data[4:8])
    end = 8 + riff
    _need(end <= len(data))
    found = _webp_chunks(data, 12, end, _WEBP_DRAWS, top=True)
    return found if found is not None else _after_end(data, end)


def _webp_chunks(data: bytes, at: int, end: int, allowed: frozenset[bytes], top: bool = False) -> str | None:
    seen: set[bytes] = set()
    while at < end:
        kind, size = struct.unpack("<4sI", data[at : at + 8])
        _need(at + 8 + size + (size & 1) <= end and (not size & 1 or data[at + 8 + size] == 0))
        name = kind.decode("latin-1").strip()
        if kind == b"ICCP":
            return _said(_PROFILE)
        if kind not in allowed:
            return f"WebP의 '{name}' 정보 (a {name} chunk: metadata)"
        body = data[at + 8 : at + 8 + size]
        if kind == b"VP8X":
            # (alpha, animation: no ICC, EXIF or XMP said to follow; its reserved bits and bytes 0)
            _need(top and at == 12 and size == 10 and not body[0] & ~0x12 and body[1:4] == b"\0\0\0")
        elif kind == b"ANIM":
            _need(size == 6 and kind not in seen)
        elif kind == b"ANMF":
            _need(size >= 16 and not body[15] & 0xFC)
            found = _webp_chunks(data, at + 8 + 16, at + 8 + size, _WEBP_FRAME)
            if found is not None:
                return found
        seen.add(kind)
        at += 8 + size + (size & 1)
    _need(at == end)
    return None


def _after_end(data: bytes, end: int) -> str | None:
    return "그림이 끝난 뒤에 붙은 다른 내용 (data after the image's end)" if data[end:].strip(b"\x00") else None
