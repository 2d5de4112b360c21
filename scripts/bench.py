#!/usr/bin/env python3
"""Benchmark casekit on large synthetic casebooks. Not a test: it reports, it does not judge.

Each casebook is made by copying the sample's cases under new ids (real record text, real
sizes). Every figure is stated as a ratio against a baseline measured in the same run on the
same files, because these machines are noisy:

- baseline `yaml`: libyaml alone composing every record's front matter (the floor for any
  checker that must read YAML);
- `check`: `casekit check` on the whole casebook (core API, one process);
- `build` (with --site): `mkdocs build` of the casebook.

Each measurement runs in its own process so peak memory (ru_maxrss) belongs to it alone.

    .venv/bin/python scripts/bench.py --cases 1000 5000 --repeat 3 [--site 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
root, what = Path(sys.argv[1]), sys.argv[2]
t0 = time.perf_counter()
if what == "yaml":
    import yaml
    n = 0
    for p in sorted((root / "cases").glob("*/*.md")):
        text = p.read_text(encoding="utf-8")
        end = text.find("\n---", 4)
        yaml.compose(text[4:end], Loader=yaml.CSafeLoader)
        n += 1
    detail = {"files": n}
elif what == "check":
    from casekit.core.casebook import check
    report = check(root)
    detail = {"files": report.files, "findings": len(report.findings)}
elif what == "build":
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    import logging
    logging.disable(logging.WARNING)
    cfg = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    build(cfg)
    size = sum(f.stat().st_size for f in (root / "site").rglob("*") if f.is_file())
    detail = {"site_bytes": size}
elapsed = time.perf_counter() - t0
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_mib": peak_kib / 1024, **detail}))
"""


def make_casebook(dest: Path, n_cases: int) -> Path:
    """A casebook of `n_cases` cases cloned from the sample (ids rewritten)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in ("mkdocs.yml", "casekit.yml"):
        if (REPO / part).is_file():
            shutil.copy2(REPO / part, dest / part)
    for part in ("resources", "schemas", "templates", "docs", "overrides"):
        if (REPO / part).is_dir():
            shutil.copytree(REPO / part, dest / part)
    samples = sorted(p for p in (REPO / "cases").iterdir() if p.is_dir())
    texts = [[(f.name, f.read_text(encoding="utf-8")) for f in sorted(s.glob("*.md"))] for s in samples]
    cases = dest / "cases"
    cases.mkdir()
    for i in range(n_cases):
        src = samples[i % len(samples)].name
        cid = f"S{i:06d}"
        folder = cases / cid
        folder.mkdir()
        for name, text in texts[i % len(samples)]:
            text = re.sub(rf'^case: "?{re.escape(src)}"?$', f'case: "{cid}"', text, count=1, flags=re.M)
            (folder / name).write_text(text, encoding="utf-8")
    return dest


def measure(root: Path, what: str) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, str(root), what], capture_output=True, text=True, cwd=root, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"{what} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--site", type=int, nargs="*", default=[], help="also build the site at these sizes")
    ap.add_argument("--keep", action="store_true", help="keep the generated casebooks")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="casekit-bench-"))
    print(f"# casekit benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("# median of repeats; ratio = time / baseline(yaml) measured on the same files in this run")
    print(f"{'cases':>7} {'files':>7} {'what':>6} {'seconds':>9} {'ratio':>7} {'peak MiB':>9} {'per case ms':>12}")
    try:
        for n in sorted(set(args.cases) | set(args.site)):
            root = make_casebook(work / f"cb{n}", n)
            runs: dict[str, list[dict[str, float]]] = {"yaml": [], "check": []}
            if n in args.site:
                runs["build"] = []
            for _ in range(args.repeat):
                for what in runs:
                    if what == "build" and len(runs["build"]) >= 1:
                        continue  # one build is enough: it dominates the run time
                    runs[what].append(measure(root, what))
            base = statistics.median(r["seconds"] for r in runs["yaml"])
            files = int(runs["yaml"][0]["files"])
            for what, results in runs.items():
                secs = statistics.median(r["seconds"] for r in results)
                peak = max(r["peak_mib"] for r in results)
                print(f"{n:>7} {files:>7} {what:>6} {secs:>9.2f} {secs / base:>7.2f} {peak:>9.0f} {1000 * secs / n:>12.2f}")
            if "build" in runs:
                print(f"{'':>7} site size {runs['build'][0]['site_bytes'] / 2**20:.1f} MiB")
            if not args.keep:
                shutil.rmtree(root)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
