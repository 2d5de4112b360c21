#!/usr/bin/env python3
"""How big do the casebook site's pages get? Build a synthetic casebook (the sample's cases cloned
under new ids, as scripts/bench.py makes them) with `casekit build` and report the largest pages
and the most rows any list page holds. Not a test: it reports.

    .venv/bin/python scripts/pagesize.py --cases 10000 [--generator mkdocs] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casekit.site.build import build
from scripts.bench import make_casebook

ROW = re.compile(rb'<tr data-(?:case|resource|worker|goal|type|domain|risk|key)="')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--generator", default="mkdocs", choices=["mkdocs", "properdocs", "zensical"])
    ap.add_argument("--keep", type=Path, default=None, help="build here and keep it")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="casekit-pagesize-"))
    try:
        root = make_casebook(work / "casebook", args.cases)
        t0 = time.perf_counter()
        result = build(root, work / "site", dt.date(2026, 11, 20), args.generator)
        secs = time.perf_counter() - t0
        if result.errors:
            raise SystemExit("\n".join(f"{f.path}: [{f.code}] {f.message_ko}" for f in result.errors))
        pages = sorted(result.site_dir.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
        rows = {p: len(ROW.findall(p.read_bytes())) for p in pages}
        lists = {p: n for p, n in rows.items() if not re.fullmatch(r"cases/[^_/][^/]*/index.html",
                                                                   p.relative_to(result.site_dir).as_posix())}
        total = sum(p.stat().st_size for p in result.site_dir.rglob("*") if p.is_file())
        print(f"# {args.cases} cases, {args.generator}: {len(pages)} pages in {secs:.0f} s, site {total / 2**20:.1f} MiB")
        print("largest pages:")
        for p in pages[:8]:
            print(f"  {p.stat().st_size / 1024:8.0f} KiB  {rows[p]:4d} rows  {p.relative_to(result.site_dir)}")
        most = max(lists, key=lambda p: lists[p])
        print(f"most rows on a list page: {lists[most]} ({most.relative_to(result.site_dir)})")
        search = result.site_dir / "search" / "search_index.json"
        if search.is_file():
            print(f"search index: {search.stat().st_size / 2**20:.1f} MiB")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
