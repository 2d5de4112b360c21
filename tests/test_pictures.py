"""Pictures in bodies: a record's `![가계도](…)` names a docs/ image the site publishes, or check
says it does not (`image-not-found`, at its line and column) and the page shows "[그림 없음]"
instead of a broken image (casekit.core.pictures, casekit.site.body.pictures_placed)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.pictures import Pictures, body_pictures, shown_at
from casekit.site.body import BodyRenderer, pictures_placed
from casekit.site.html import relative_url

RECORD = "cases/2026-0001/04-intervention.md"
TODAY = "2026-12-01"
PNG = Path(__file__).resolve().parent.parent / "docs" / "img" / "casebook-case.png"


def pictures(*assets: str, folder: str = "docs") -> Pictures:
    return Pictures.of(folder, assets)


# -- reading a body -----------------------------------------------------------
def test_the_pictures_of_a_body_are_found_at_their_line_and_column_outside_code() -> None:
    body = "\n".join([
        "상담 내용",  # line 10
        "가계도: ![가계도](genogram.png) 와 <IMG alt='지도' SRC=\"map.png\">",
        "```",
        "![코드 안](code.png)",
        "```",
        "`![코드 조각](span.png)` ![제목 있음](<my photo.png> \"제목\")",
        "![밖](https://example.org/x.png) ![밖2](//cdn.example/x.png) ![자료](data:image/png;base64,AAAA)",
        "![빈]() <img alt=\"주소 없음\">",
    ])
    assert body_pictures(body, 10) == [
        (11, 6, "genogram.png", False), (11, 29, "map.png", True), (15, 22, "my photo.png", False),
        (17, 1, "", False),  # an empty address names no picture: named (a tag without src is not a picture)
    ]
    assert body_pictures("그림 없는 기록\n", 1) == []
    # an escaped \![ is text; a comment is left out; an address may hold balanced parentheses
    assert body_pictures("\\![a](x.png) <!-- ![b](y.png) --> ![c](g(1).png)", 1) == [(1, 35, "g(1).png", False)]


def test_a_line_of_a_hundred_thousand_brackets_is_read_in_one_pass(sample: Path) -> None:
    """Each "![" once read the rest of the line for its alt text: 50,000 of them took 12 s."""
    import time

    from casekit.core.docs import outside_content

    started = time.process_time()
    for line in ("![" * 100_000, "<!-- -->" * 30_000 + "![a](b.png)", "<!--" * 30_000 + "![a](b.png)"):
        body_pictures(line, 1)
        outside_content(line, RECORD, 1)
    assert time.process_time() - started < 2.0
    line = "![" * 50_000
    _append(sample, RECORD, line)
    started = time.perf_counter()
    assert "markdown-brackets" in {f.code for f in check(sample, cache=False).findings}
    assert time.perf_counter() - started < 10.0


@pytest.mark.parametrize(("rel", "address", "expected"), [
    (RECORD, "../../docs/img/genogram.png", "img/genogram.png"),  # from the file, as an editor previews it
    (RECORD, "../../img/genogram.png", "img/genogram.png"),  # from the case page, as the site reads it
    (RECORD, "/img/genogram.png", "img/genogram.png"),  # from the site's root
    (RECORD, "../../docs/img/gen%6Fgram.png?v=2#top", "img/genogram.png"),  # escapes, query and fragment
    (RECORD, "genogram.png", None),  # next to the record: never published
    (RECORD, "../../../docs/img/genogram.png", None),  # out of the casebook
    (RECORD, "../../docs/img/other.png", None),
    (RECORD, "../../docs/guide.md", None),  # a page, not an image
    ("resources/food-bank.md", "../docs/img/genogram.png", "img/genogram.png"),
    ("resources/food-bank.md", "../../img/genogram.png", "img/genogram.png"),  # from resources/food-bank/
    ("docs/guide.md", "img/genogram.png", "img/genogram.png"),  # a docs page: from its own folder only
    ("docs/guide.md", "../img/genogram.png", None),
    ("docs/guide.md", "../docs/img/genogram.png", None),  # out of docs/ and back: MkDocs leaves it broken
    ("docs/a/b.md", "../img/genogram.png", "img/genogram.png"),
    (RECORD, "..\\..\\docs\\img\\genogram.png", None),  # what the sanitizer drops ([외부 자료 생략])
    (RECORD, "../../docs/img/genogram.png ", None),
])
def test_an_address_names_a_published_image_from_the_file_the_page_or_the_root(rel: str, address: str,
                                                                              expected: str | None) -> None:
    assert pictures("docs/img/genogram.png").site_path(rel, address) == expected


@pytest.mark.parametrize(("rel", "address", "expected"), [
    ("docs/guide.md", "img/genogram.png", None),  # from guide/, where MkDocs publishes the page
    ("docs/guide.md", "../img/genogram.png", "img/genogram.png"),
    ("docs/index.md", "img/genogram.png", "img/genogram.png"),
    ("docs/a/index.md", "../img/genogram.png", "img/genogram.png"),
    ("docs/guide.md", "/img/genogram.png", "img/genogram.png"),
])
def test_a_docs_page_tag_is_read_from_the_pages_address(rel: str, address: str, expected: str | None) -> None:
    assert pictures("docs/img/genogram.png").site_path(rel, address, tag=True) == expected


def test_the_finding_says_what_the_page_shows_and_names_the_docs_folder() -> None:
    record, = pictures(folder="pages").findings(RECORD, "![a](a.png)", 1)
    page, = pictures().findings("docs/guide.md", "<img src=\"a.png\">", 1)
    assert "'[그림 없음]'이 보입니다" in record.message_ko and "pages/ 폴더" in record.message_ko
    assert "깨진 그림이 보입니다" in page.message_ko and "docs/ 폴더" in page.message_ko
    assert "a broken image" in page.message_en


def test_the_pages_bodies_are_shown_on_are_the_sites() -> None:
    from casekit.site.views import case_url, resource_url

    assert shown_at(RECORD) == case_url("2026-0001")
    assert shown_at("resources/food-bank.md") == resource_url("food-bank")
    assert shown_at("docs/guide.md") is None


def test_another_docs_folder_is_read_from_mkdocs_yml() -> None:
    found = pictures("pages/img/a.png", folder="pages")
    assert found.site_path(RECORD, "../../pages/img/a.png") == "img/a.png"
    assert found.site_path(RECORD, "../../docs/img/a.png") is None
    assert "../../pages/img/" in found.findings(RECORD, "![a](a.png)", 1)[0].message_ko


# -- on the page --------------------------------------------------------------
def test_a_found_picture_is_pointed_at_from_its_page_and_a_missing_one_says_so() -> None:
    found = pictures("docs/img/genogram.png")
    html = ('<p><img alt="가계도" src="../../docs/img/genogram.png"> <img alt="a &lt;b&gt; &quot;c&quot;" '
            'src="photo.png"> <img src="x.png"></p>')
    out = pictures_placed(html, RECORD, found)
    assert '<img alt="가계도" src="../../img/genogram.png">' in out
    assert "[그림 없음: a &lt;b&gt; &#34;c&#34;]" in out and "[그림 없음]" in out
    assert "photo.png" not in out and "x.png" not in out
    assert relative_url("img/genogram.png", "resources/food-bank/") == "../../img/genogram.png"
    odd = pictures("docs/img/a#b.png", "docs/img/c%20d e.png")
    out = pictures_placed('<img src="../../docs/img/a%23b.png"><img src="../../docs/img/c%2520d%20e.png">', RECORD, odd)
    assert out == '<img src="../../img/a%23b.png"><img src="../../img/c%2520d%20e.png">'  # not a#… (a fragment)
    rendered = str(BodyRenderer(None, found).html("![가계도](/img/genogram.png)\n", "resources/food-bank.md", 1))
    assert 'src="../../img/genogram.png"' in rendered


@pytest.mark.parametrize("written", ["![현관 사진]()", "![현관 사진]( )", "![현관 사진](<>)", '<img src="" alt="현관 사진">',
                                     "<img src='  ' alt='현관 사진'>"])
def test_a_picture_with_no_address_is_named_and_the_page_says_no_picture(written: str) -> None:
    """`![사진]()` (a file name not filled in) showed "[외부 자료 생략]" as if something had been
    loaded from elsewhere, and check said nothing: it is a missing picture, named and shown so."""
    assert [(line, col) for line, col, _, _ in body_pictures(f"앞 문장\n{written}\n", 10)] == [(11, 1)]
    rendered = str(BodyRenderer(None, pictures()).html(f"{written}\n", RECORD, 1))
    assert "[그림 없음: 현관 사진]" in rendered and "외부 자료" not in rendered, rendered
    assert "<img" not in rendered


def test_an_empty_address_is_not_taken_for_a_picture_that_is_not_one() -> None:
    assert body_pictures("![a](b) ![c]( d) \\![e]() `![f]()`\n", 1) == [(1, 1, "b", False), (1, 9, "d", False)]


def test_a_reference_style_picture_is_read_where_it_is_shown_with_its_definitions_address() -> None:
    """`![가계도][g]` with `[g]: genogram.png` below: the page shows genogram.png (or "[그림 없음]"),
    and check read no picture there. Now it is one, at the `!`, from the address defined."""
    body = "\n".join([
        "가계도: ![가계도][g] 와 ![지도][] 그리고 ![없는 정의][x]",  # line 5
        "`![코드][g]`",
        "![지도]",
        "",
        "[g]: <genogram.png> \"가계도\"",
        "[지도]:",
        "  /img/map.png",
        "[밖]: https://example.org/a.png",
    ])
    assert body_pictures(body, 5) == [(5, 6, "genogram.png", False), (5, 18, "/img/map.png", False),
                                      (7, 1, "/img/map.png", False)]
    found = pictures("docs/img/map.png")
    assert [(f.line, f.column) for f in found.findings(RECORD, body, 5)] == [(5, 6)]
    rendered = str(BodyRenderer(None, found).html(body + "\n", RECORD, 1))
    assert "[그림 없음: 가계도]" in rendered and 'src="../../img/map.png"' in rendered


# -- check, cached and not ----------------------------------------------------
def _append(root: Path, rel: str, text: str) -> int:
    """Append `text` on a line of its own; its line number."""
    path = root / rel
    old = path.read_text(encoding="utf-8")
    path.write_text(old.rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")
    return old.rstrip("\n").count("\n") + 3


def _missing(root: Path) -> list[tuple[str, int | None, int | None]]:
    return sorted((f.path, f.line, f.column) for f in check(root, today=dt.date(2026, 12, 1)).findings
                  if f.code == "image-not-found")


def test_check_names_each_picture_no_published_image_has_and_forgets_it_once_the_image_is_added(sample: Path) -> None:
    line = _append(sample, RECORD, "가계도: ![가계도](../../docs/img/genogram.png) ![사진](photo.png)")
    res = sorted((sample / "resources").glob("*.md"))[0]
    res_line = _append(sample, f"resources/{res.name}", "![지도](../docs/img/map.png)")
    (sample / "docs" / "guide.md").write_text("# 안내\n\n![화면](img/screen.png)\n", encoding="utf-8")
    assert _missing(sample) == sorted([(RECORD, line, 6), (RECORD, line, 42), (f"resources/{res.name}", res_line, 1),
                                       ("docs/guide.md", 3, 1)])
    assert _missing(sample) == sorted([(RECORD, line, 6), (RECORD, line, 42), (f"resources/{res.name}", res_line, 1),
                                       ("docs/guide.md", 3, 1)])  # the same from the cache
    for name in ("genogram.png", "map.png", "screen.png"):
        shutil.copy2(PNG, sample / "docs" / "img" / name)
    assert _missing(sample) == [(RECORD, line, 42)]  # the record checked again: the docs/ images changed
    (sample / "docs" / "img" / "genogram.png").unlink()
    assert _missing(sample) == [(RECORD, line, 6), (RECORD, line, 42)]
    one = check(sample, [sample / "cases" / "2026-0001"], today=dt.date(2026, 12, 1))
    assert [(f.line, f.column) for f in one.findings if f.code == "image-not-found"] == [(line, 6), (line, 42)]


def test_an_image_the_docs_scan_refuses_is_not_one_a_picture_can_name(sample: Path) -> None:
    line = _append(sample, RECORD, "![서식](../../docs/img/form.png)")
    (sample / "docs" / "img" / "form.png").write_bytes(b"not a png at all")  # docs-asset-mismatch: not published
    assert _missing(sample) == [(RECORD, line, 1)]


# -- the built site ------------------------------------------------------------
def test_the_built_page_shows_the_published_image_and_marks_the_missing_one(sample: Path, run) -> None:
    _append(sample, RECORD, "가계도: ![가계도](../../docs/img/casebook-case.png)\n\n![사진](photo.png)")
    result = run(sample, "build", "--today", TODAY)
    assert result.exit_code == 0, result.output
    page = (sample / "site" / "cases" / "2026-0001" / "index.html").read_text(encoding="utf-8")
    srcs = re.findall(r'<img alt="가계도" src="([^"]+)"', page)
    assert srcs == ["../../img/casebook-case.png"]
    assert (sample / "site" / "cases" / "2026-0001" / srcs[0]).resolve() == \
        (sample / "site" / "img" / "casebook-case.png").resolve()
    assert "[그림 없음: 사진]" in page and "photo.png" not in page
    # the image added to docs/, the page built again from the build folder: now it shows
    shutil.copy2(PNG, sample / "docs" / "img" / "photo.png")
    (sample / RECORD).write_text((sample / RECORD).read_text(encoding="utf-8").replace(
        "![사진](photo.png)", "![사진](../../docs/img/photo.png)"), encoding="utf-8")
    assert run(sample, "build", "--today", TODAY).exit_code == 0
    page = (sample / "site" / "cases" / "2026-0001" / "index.html").read_text(encoding="utf-8")
    assert '<img alt="사진" src="../../img/photo.png">' in page and "[그림 없음" not in page
    assert (sample / "site" / "img" / "photo.png").is_file()


def test_a_page_is_made_again_when_only_the_docs_images_change(sample: Path, run) -> None:
    _append(sample, RECORD, "![가계도](../../docs/img/genogram.png)")
    assert run(sample, "build", "--today", TODAY).exit_code == 0
    page = sample / "site" / "cases" / "2026-0001" / "index.html"
    assert "[그림 없음: 가계도]" in page.read_text(encoding="utf-8")
    shutil.copy2(PNG, sample / "docs" / "img" / "genogram.png")  # no record changed
    assert run(sample, "build", "--today", TODAY).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert '<img alt="가계도" src="../../img/genogram.png">' in text and "[그림 없음" not in text
