"""The check cache: outside the casebook, never trusted when stale, safe to delete or to share."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casekit.core import cache as cache_mod
from casekit.core import casebook as casebook_mod
from casekit.core import published as published_mod
from casekit.core import workers as workers_mod
from casekit.core.cache import cache_dir
from casekit.core.casebook import check
from casekit.core.summary import Summary
from tests.conftest import copy_casebook


def vars_of(s: Summary) -> dict:
    return {name: getattr(s, name) for name in Summary.__dataclass_fields__}


# every record of the sample casebook: what a cold check reads
RECORDS = sum(1 for p in (Path(__file__).resolve().parent.parent / "cases").glob("*/[0-9][0-9]-*.md"))


@pytest.fixture
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path / "cache"))
    root = copy_casebook(tmp_path / "book")
    _age(root)
    return root


def _age(root: Path) -> None:
    """Files last written more than the racy window ago (their ctime cannot be set back: wait it out)."""
    time.sleep(cache_mod.RACY_NS / 1e9 + 0.1)


def _run(root: Path, monkeypatch: pytest.MonkeyPatch, **kwargs) -> tuple[list, list[str]]:
    """check() in this process: its findings, and the records it had to read."""
    read: list[str] = []
    real = casebook_mod.check_record

    def counting(task, *args, **kw):
        read.append(task.rel)
        return real(task, *args, **kw)

    with monkeypatch.context() as m:  # wherever a record is read: checked, or read again for a lost summary or text
        for module in (casebook_mod, workers_mod, published_mod):
            m.setattr(module, "check_record", counting)
        report = check(root, jobs=1, **kwargs)
    return report.findings, read


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def test_unchanged_records_are_not_read_again_and_nothing_is_written_in_the_casebook(book, monkeypatch) -> None:
    before = _files(book)
    cold, read = _run(book, monkeypatch)
    assert len(read) == RECORDS
    warm, read = _run(book, monkeypatch)
    assert read == []
    assert warm == cold
    assert _files(book) == before, "the cache lives outside the casebook"
    assert cache_dir(book).is_dir() and not str(cache_dir(book)).startswith(str(book))


def test_a_changed_record_is_read_again_and_a_just_written_one_is_not_trusted(book, monkeypatch) -> None:
    _run(book, monkeypatch)
    record = book / "cases/2026-0001/05-monitoring.md"
    record.write_text(record.read_text(encoding="utf-8") + "\n연락처 010-1234-5678\n", encoding="utf-8")
    found, read = _run(book, monkeypatch)
    assert read == ["cases/2026-0001/05-monitoring.md"]
    assert any(f.code == "pii-phone" and f.path.endswith("05-monitoring.md") for f in found)
    # written within the racy window before that check: not cached, so read once more
    _, read = _run(book, monkeypatch)
    assert read == ["cases/2026-0001/05-monitoring.md"]
    _age(book)
    _run(book, monkeypatch)
    _, read = _run(book, monkeypatch)
    assert read == []


def test_same_size_same_second_edit_is_seen(book, monkeypatch) -> None:
    _run(book, monkeypatch)
    record = book / "cases/2026-0002/02-assessment.md"
    st = record.stat()
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("2026", "2027", 1), encoding="utf-8")  # same size
    os.utime(record, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the old mtime: the ctime still moved
    _, read = _run(book, monkeypatch)
    assert read == ["cases/2026-0002/02-assessment.md"]


def test_corrupt_or_deleted_cache_is_ignored(book, monkeypatch) -> None:
    cold, _ = _run(book, monkeypatch)
    files = [p for p in cache_dir(book).rglob("*.pickle")]
    assert files
    for p in files:
        data = p.read_bytes()
        p.write_bytes(data[: len(data) // 2])  # truncated
    found, read = _run(book, monkeypatch)
    assert found == cold and len(read) == RECORDS
    for p in cache_dir(book).rglob("*.pickle"):
        p.write_bytes(b"not a pickle at all")
    found, read = _run(book, monkeypatch)
    assert found == cold and len(read) == RECORDS
    import shutil

    shutil.rmtree(cache_dir(book))
    found, read = _run(book, monkeypatch)
    assert found == cold and len(read) == RECORDS


def test_lost_summaries_and_index_are_read_again(book, monkeypatch) -> None:
    """A record's summary lies in a file of its own, read only when a rule needs it; the
    sensitive-value index is kept too. Lose or damage either: the records are read again, and
    the findings are those of a check without a cache."""
    cold, _ = _run(book, monkeypatch)
    folder = next(p for p in cache_dir(book).iterdir() if p.is_dir())
    assert (folder / "index.pickle").is_file()
    for p in folder.glob("*.summaries.pickle"):
        p.unlink()
    (folder / "index.pickle").write_bytes(b"\x80\x05garbage")
    record = book / "cases/2026-0002/02-assessment.md"  # its case's rules need the other records' summaries
    record.write_text(record.read_text(encoding="utf-8") + "\n추가 관찰 010-1234-5678\n", encoding="utf-8")
    _age(book)
    found, read = _run(book, monkeypatch)
    fresh = check(book, jobs=1, cache=False).findings
    assert found == fresh and any(f.code == "pii-phone" for f in found)
    others = [rel for rel in read if rel != "cases/2026-0002/02-assessment.md"]
    assert others and all(rel.startswith("cases/2026-0002/") for rel in others)
    def kept(summaries: dict) -> dict:  # a summary as kept: its published text is read when scanned
        return {c: [{k: v for k, v in vars_of(s).items() if not k.startswith("public_")} for s in recs]
                for c, recs in summaries.items()}

    report = check(book, jobs=1)  # every summary asked for: read again where lost, never wrong
    assert kept(report.summaries) == kept(check(book, jobs=1, cache=False).summaries)


def test_a_handover_reads_its_own_cases_summaries_only(book, monkeypatch) -> None:
    """One case's handover.yml had a warm check read every case's summary (all of them made to give
    that case's); a case taken over unsaid is found from the cache and dropped by its handover."""
    for name in ("10-intervention.md", "11-monitoring.md"):  # 2026-0002 goes on under kim.sw
        path = book / "cases/2026-0002" / name
        path.write_text(path.read_text(encoding="utf-8").replace("worker: lee.sw", "worker: kim.sw", 1), encoding="utf-8")
    _age(book)
    cold, _ = _run(book, monkeypatch)
    assert [f.code for f in cold if f.path.startswith("cases/2026-0002/")] == ["worker-changed-unrecorded"]
    (book / "cases/2026-0002/handover.yml").write_text(
        'handovers:\n  - date: 2026-10-01\n    from: lee.sw\n    to: kim.sw\n    reason: "업무 조정"\n', encoding="utf-8")
    _age(book)
    folder = next(p for p in cache_dir(book).iterdir() if p.is_dir())
    for p in folder.glob("*.summaries.pickle"):
        p.unlink()  # (a summary read again is a record read again: counted)
    found, read = _run(book, monkeypatch)
    assert [f for f in found if f.path.startswith("cases/2026-0002/")] == []
    assert read and all(rel.startswith("cases/2026-0002/") for rel in read), read
    assert found == check(book, jobs=1, cache=False).findings


def test_settings_and_schemas_are_part_of_the_key(book, monkeypatch) -> None:
    record = book / "cases/2026-0003/01-intake.md"
    record.write_text(record.read_text(encoding="utf-8") + "\n센터 대표번호 02-0000-1234\n", encoding="utf-8")
    _age(book)
    found, _ = _run(book, monkeypatch)
    assert any(f.code == "pii-phone" for f in found)
    cfg = book / "casekit.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("allow: []", 'allow: ["02-0000-1234"]'), encoding="utf-8")
    found, read = _run(book, monkeypatch)
    assert len(read) == RECORDS, "other settings: nothing cached applies"
    assert not any(f.code == "pii-phone" for f in found)
    schema = book / "schemas/monitoring.schema.json"
    data = json.loads(schema.read_text(encoding="utf-8"))
    data["required"] = [*data["required"], "mood"]
    schema.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    found, read = _run(book, monkeypatch)
    assert len(read) == RECORDS
    assert any(f.code == "required" and "mood" in f.message_en for f in found)


def test_findings_that_depend_on_the_date_are_not_kept_past_it(book, monkeypatch) -> None:
    import datetime as dt

    record = book / "cases/2026-0004/01-intake.md"
    # a resident number whose birth date is still to come is no resident number... until that day
    record.write_text(record.read_text(encoding="utf-8") + "\n번호 300101-3123456\n", encoding="utf-8")
    _age(book)
    early = dt.date(2029, 12, 1)
    found, _ = _run(book, monkeypatch, today=early)
    found, read = _run(book, monkeypatch, today=early)
    assert read == []
    assert not any(f.code == "pii-resident-number" for f in found)
    # (the guard counts it from the check's day, not the machine's: the day the cache keeps it until)
    found, read = _run(book, monkeypatch, today=dt.date(2030, 1, 2))
    assert "cases/2026-0004/01-intake.md" in read
    assert any(f.code == "pii-resident-number" for f in found)


def test_a_docs_page_is_scanned_again_when_a_birth_date_its_digits_name_comes(book, monkeypatch) -> None:
    """A docs/ page's PII findings were kept while its text stayed the same: a resident number
    whose birth date was still to come was never found on the day it came."""
    import datetime as dt

    page = book / "docs" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n문의 번호 300101-3123456\n", encoding="utf-8")

    def on(day: dt.date) -> list:
        return [f for f in _run(book, monkeypatch, today=day)[0] if f.path == "docs/guide.md" and f.code.startswith("pii-")]

    assert on(dt.date(2029, 12, 1)) == [] and on(dt.date(2029, 12, 1)) == []  # (the second from the cache)
    assert [f.code for f in on(dt.date(2030, 1, 2))] == ["pii-resident-number"]
    assert [f.code for f in on(dt.date(2030, 1, 2))] == ["pii-resident-number"]


def test_no_cache_writes_nothing(book, monkeypatch) -> None:
    _, read = _run(book, monkeypatch, cache=False)
    assert len(read) == RECORDS
    assert not cache_dir(book).exists()


@pytest.mark.slow
def test_processes_at_once_share_the_cache_safely(book, tmp_path) -> None:
    """Eight real `casekit check` processes at once on a cold cache, then a warm one: all agree."""
    env = {**os.environ, "CASEKIT_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "casekit", "check", "--format", "json"]
    procs = [subprocess.Popen(cmd, cwd=book, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(8)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(not err for _, err in outs), outs[0][1]
    assert len({out for out, _ in outs}) == 1
    warm = subprocess.run(cmd, cwd=book, env=env, capture_output=True, check=False)
    assert warm.stdout == outs[0][0]
    assert not list((tmp_path / "cache").rglob("*.tmp")), "no temporary file is left behind"


def test_a_check_of_valid_records_imports_no_python_validator(book: Path) -> None:
    """The schemas are checked against the 2020-12 meta-schema by jsonschema-rs's own copy of it
    when they name it (casekit's do): importing jsonschema's registry for that was a tenth of a
    warm check of 10,000 cases; jsonschema itself is only for explaining an invalid record."""
    code = ("import sys; from pathlib import Path; from casekit.core.casebook import check; "
            "r = check(Path(sys.argv[1])); assert not r.errors, r.errors[:3]; "
            "print(sorted(m for m in ('jsonschema', 'jsonschema_specifications', 'referencing') if m in sys.modules))")
    for _ in range(2):  # cold, then from the cache
        out = subprocess.run([sys.executable, "-c", code, str(book)], capture_output=True, text=True, check=True,
                             env={**os.environ})
        assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_one_edited_record_rewrites_its_cases_shards_only(book, monkeypatch) -> None:
    """The case rules are kept a shard at a time, beside the records' entries: a check after one
    record was edited rewrites that case's shards, not the rules of the whole casebook."""
    cold, _ = _run(book, monkeypatch)
    folder = next(p for p in cache_dir(book).iterdir() if p.is_dir())
    rules = sorted(folder.glob("*.rules.pickle"))
    assert rules, "the case rules are kept"
    before = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pickle")}
    record = book / "cases/2026-0002/02-assessment.md"
    record.write_text(record.read_text(encoding="utf-8") + "\n추가 관찰.\n", encoding="utf-8")
    _age(book)
    found, read = _run(book, monkeypatch)
    assert read == ["cases/2026-0002/02-assessment.md"]
    assert found == cold
    n = cache_mod.Cache.shard_of("cases/2026-0002/02-assessment.md")
    after = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pickle")}
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert rewritten <= {f"{n:02d}.pickle", f"{n:02d}.rules.pickle", f"{n:02d}.summaries.pickle",
                         f"{n:02d}.texts.pickle", "extra.pickle"}, rewritten
    assert "extra.pickle" not in rewritten
    assert f"{n:02d}.pickle" in rewritten


def test_the_index_key_follows_every_value_and_where_it_is() -> None:
    """The key the sensitive-value index is kept under is made of each record's values digested
    once (published.values_key): equal values in the same records give equal keys; a value changed,
    moved to another record, or added to a resource gives another."""
    key, values = published_mod.casebook_key, published_mod.values_key
    a = values("cases/A/01-intake.md", [("client.name", "홍길동"), ("client.phone", "010-0000-0001")])
    b = values("cases/B/01-intake.md", [("client.name", "김철수")])
    assert key([a, b], []) == key([a, b], [])
    assert values("cases/A/01-intake.md", []) == b""
    others = {
        key([b, a], []),  # another order
        key([a, values("cases/B/01-intake.md", [("client.name", "김철호")])], []),  # a value changed
        key([values("cases/A/01-intake.md", [("client.name", "홍길동")]),
             values("cases/B/01-intake.md", [("client.name", "김철수"), ("client.phone", "010-0000-0001")])], []),
        key([a, b], [("010-0000-0002", "resources/x.md", "phone")]),  # a resource's
    }
    assert key([a, b], []) not in others and len(others) == 4


def _kind(name: str) -> str:
    """A cache file's kind: 00.pickle -> 'NN.pickle', 07.rules.pickle -> 'NN.rules.pickle'."""
    return "NN" + name[2:] if name[:2].isdigit() else name


KINDS = ["NN.pickle", "NN.rules.pickle", "NN.texts.pickle", "NN.summaries.pickle", "extra.pickle", "index.pickle"]


def _wrong(value, way: str):
    """A value of the right header but of another shape."""
    if way == "int":
        return 12345
    if way == "items":  # the container right, its entries not
        return {k: 12345 for k in value} if isinstance(value, dict) else (value[0], 12345)
    # a field inside an entry of another type (an entry's valid_until, a rule's facts, a text's body …)
    if isinstance(value, dict):
        return {k: (x[0], 12345, *x[2:]) if isinstance(x, tuple) else {"published": 12345} for k, x in value.items()} \
            if "published" not in value else {"published": {k: (x[0], 12345) for k, x in value["published"].items()}}
    return (value[0], [12345])


@pytest.mark.parametrize("kind", KINDS)
def test_a_cache_file_of_another_shape_is_as_if_absent(book, monkeypatch, kind) -> None:
    """A cache file with casekit's header but a value of another shape (a container, an entry or
    a field of another type) crashed the check on every run (extra.pickle holding 12345:
    AttributeError; NN.pickle: KeyError, TypeError). It is ignored, the findings are those of a
    cold check, and it is rewritten."""
    import pickle

    cold, _ = _run(book, monkeypatch)
    folder = next(p for p in cache_dir(book).iterdir() if p.is_dir())
    files = [p for p in folder.glob("*.pickle") if _kind(p.name) == kind]
    assert files
    kept = {p: pickle.loads(p.read_bytes()) for p in files}
    for way in ("int", "items", "field"):
        for p, (head, value) in kept.items():
            p.write_bytes(pickle.dumps((head, _wrong(value, way))))
        found, _ = _run(book, monkeypatch)
        assert found == cold, (kind, way)
        found, _ = _run(book, monkeypatch)
        assert found == cold, (kind, way)


def test_a_cache_file_that_is_a_fifo_or_a_link_is_not_read(book, tmp_path) -> None:
    """A FIFO in place of a cache file had `check` wait on it forever; a link is not followed either.
    Each kind of file is replaced at once: the check ends, with a cold check's findings."""
    env = {**os.environ, "CASEKIT_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "casekit", "check", "--format", "json"]
    cold = subprocess.run(cmd, cwd=book, env=env, capture_output=True, timeout=300, check=False)
    folder = next(p for p in (tmp_path / "cache").glob("*/*") if p.is_dir())
    files = list(folder.glob("*.pickle"))
    assert {_kind(p.name) for p in files} == set(KINDS)
    target = tmp_path / "elsewhere.pickle"
    target.write_bytes(files[0].read_bytes())
    for i, p in enumerate(files):
        p.unlink()
        if i % 5 == 0:
            p.symlink_to(target)
        else:
            os.mkfifo(p)
    for _ in range(2):
        warm = subprocess.run(cmd, cwd=book, env=env, capture_output=True, timeout=120, check=False)
        assert warm.returncode == cold.returncode and warm.stdout == cold.stdout, warm.stderr
