"""What a body shrinks by nesting the tags the sanitizer keeps is shown at a readable size, so the
page shows every letter the checks read (an attack probe's: 박<small>…가…</small>영수, fourteen
<small> deep, drew 가 too small to see, and the page showed a client's full name that no check read
as one). Measured in Chromium on a real build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser_support import browser, build_site, open_context, serve  # noqa: F401
from tests.conftest import copy_casebook

pytestmark = pytest.mark.slow

RECORD = "cases/2026-0004/01-intake.md"
CASE_PAGE = "cases/2026-0004/"


def _nested(tag: str, text: str, depth: int = 14) -> str:
    return f"<{tag}>" * depth + text + f"</{tag}>" * depth


@pytest.fixture(scope="module")
def shrunk_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("shrunk")
    casebook = copy_casebook(tmp / "casebook")
    record = casebook / RECORD
    lines = ["<p>메모 가" + _nested(tag, '<span id="ck-test-' + tag + '">나</span>') + "다</p>"
             for tag in ("small", "sub", "sup", "code", "kbd")]
    lines.append('<p>섞어서 <small><sub><sup><small><sub><sup><small><sub>'
                 '<span id="ck-test-mixed">라</span></sub></small></sup></sub></small></sup></sub></small></p>')
    record.write_text(record.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + "\n\n".join(lines) + "\n",
                      encoding="utf-8")
    return build_site(casebook, tmp / "site")


def test_nested_small_sub_sup_and_code_keep_a_readable_size(shrunk_site: Path, browser) -> None:  # noqa: F811
    with serve(shrunk_site) as base, open_context(browser) as (context, _):
        page = context.new_page()
        page.goto(base + CASE_PAGE)
        # (the writer's ids are the record's on its case page: r05-ck-test-small)
        body = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"))
        for tag in ("small", "sub", "sup", "code", "kbd", "mixed"):
            size = page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('[id$=-ck-test-{tag}]')).fontSize)")
            assert size >= 0.5 * body, (tag, size, body)
            box = page.evaluate(f"document.querySelector('[id$=-ck-test-{tag}]').getBoundingClientRect().height")
            assert box >= 0.5 * body, (tag, box)
