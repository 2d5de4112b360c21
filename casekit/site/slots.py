"""The finished HTML of generated pages kept out of the generator's way, and put back after it.

A generated page is Markdown whose structured parts are raw HTML blocks (views.BLOCK): a case
page of the sample is ~30 KB of HTML. Handed to MkDocs as they are, every block is read by three
HTML parsers written in Python (Python-Markdown's raw-HTML preprocessor, MkDocs' anchor collector,
Material's search indexer) only to be passed through unchanged: three quarters of the generator's
time. So `casekit build` gives the generator each page with its blocks replaced by empty slots
(`stub`), keeps the blocks beside the build folder (`blocks/<key>.json`), and once the site is
built puts each block back into its slot (`fill_text`, in the page pass of casekit.site.finish), before the Korean search index, the CSP and
the output audit read the pages. Headings stay in the Markdown: the table of contents and the
anchors are the generator's, as before.

A slot carries the page's key and the block's number; a page's slots must come out of the
generator all there, in order, and each once (record bodies cannot make one: the sanitizer
keeps no `data-ck-slot` attribute). Anything else is a failed build, never a guess.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

from casekit.core.findings import Finding, finding
from casekit.site.views import BLOCK, Page

BLOCKS_DIR = "blocks"  # in the build folder, beside docs/
SLOT = '<div class="ck-block" data-ck-slot="{key}:{n}" markdown="0"></div>'
_SLOT = re.compile(r'<div class="ck-block" data-ck-slot="([0-9a-f]{16}):([0-9]+)" markdown="0"></div>')


def page_key(page: Page) -> str:
    """The name of a page's blocks: the same for the same page in every build (an unchanged page
    keeps its files, see generate._Folder)."""
    return page_key_of(page.src_uri)


def page_key_of(src_uri: str) -> str:
    return hashlib.blake2b(src_uri.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def slot_of(key: str) -> Callable[[int], str]:
    """The slots of the page whose key is `key`: its n-th block's slot is `slot_of(key)(n)`."""
    return functools.partial(_slot, key)


def _slot(key: str, n: int) -> str:
    return SLOT.format(key=key, n=n)


def digest(data: bytes) -> str:
    """The hash a build folder's manifests keep of a file it wrote."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def stub(page: Page) -> tuple[str, list[str]] | None:
    """(the page's Markdown with each block replaced by its slot, the blocks); None when the page
    has no blocks, or they are not found as make_page wrote them (then the page goes as it is)."""
    if not page.blocks:
        return None
    key = page_key(page)
    out: list[str] = []
    at = 0
    for n, html in enumerate(page.blocks):
        whole = BLOCK.format(html)
        found = page.markdown.find(whole, at)
        if found < 0:
            return None
        out += [page.markdown[at:found], SLOT.format(key=key, n=n)]
        at = found + len(whole)
    out.append(page.markdown[at:])
    return "".join(out), list(page.blocks)


def encode_blocks(blocks: list[str]) -> bytes:
    return json.dumps(blocks, ensure_ascii=False).encode("utf-8")


def fill_text(text: str, blocks_dir: Path) -> tuple[str, str | None]:
    """(the page `text` with its blocks in their slots, None) or (`text`, what is wrong)."""
    if "data-ck-slot=" not in text:
        return text, None
    slots = list(_SLOT.finditer(text))
    if text.count("data-ck-slot=") != len(slots):
        return text, "생성기가 자리표시를 바꿔 썼습니다 (a slot was rewritten by the generator)"
    keys = {m.group(1) for m in slots}
    if len(keys) != 1:
        return text, "여러 페이지의 자리표시가 섞였습니다 (slots of several pages in one)"
    try:
        blocks = json.loads((blocks_dir / f"{keys.pop()}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return text, "자리표시의 내용을 찾지 못했습니다 (the blocks of a slotted page are missing)"
    if not isinstance(blocks, list) or not all(isinstance(b, str) for b in blocks) \
            or [int(m.group(2)) for m in slots] != list(range(len(blocks))):
        return text, "자리표시가 빠지거나 순서가 바뀌었습니다 (slots missing or out of order)"
    parts: list[str] = []
    at = 0
    for m, html in zip(slots, blocks, strict=True):
        parts += [text[at : m.start()], BLOCK.format(html)]
        at = m.end()
    parts.append(text[at:])
    return "".join(parts), None


def slot_problem(rel: str, problem: str) -> Finding:
    return finding("generator-failed", "mkdocs.yml", generator="casekit", exit_code=0, detail=f"{rel}: {problem}")
