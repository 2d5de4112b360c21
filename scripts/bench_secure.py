#!/usr/bin/env python3
"""What publishing safely costs: sanitizing, the CSP step and the audit as a share of the build.

Builds a synthetic casebook (the sample's cases cloned under new ids, as scripts/bench.py does)
with `mkdocs build` in a fresh process, timing inside that same build every call to the
sanitizer (`casekit.site.sanitize.sanitize_html`, once per record or resource body and per docs/ page), the given-name masking
(`SensitiveIndex.mask`), the CSP and permissions step (`casekit.site.csp.secure_site`) and the
audit (`casekit.site.audit.audit_site`). The ratio is their sum over the whole build's time, so
the machine's load cancels out. Issue 7 asks for sanitize + CSP + audit <= 10%.

    .venv/bin/python scripts/bench_secure.py --cases 1000
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import make_casebook  # the same synthetic casebook as scripts/bench.py

MEASURE = r"""
import json, logging, sys, time
from pathlib import Path
import casekit.mkdocs_plugin.guard as guard
import casekit.site.body as body
import casekit.site.audit as audit
from casekit.core.sensitive import SensitiveIndex
from mkdocs.commands.build import build
from mkdocs.config import load_config

spent = {"sanitize": 0.0, "mask": 0.0, "csp": 0.0, "audit": 0.0}
wall = dict.fromkeys(spent, 0.0)

def timed(key, fn):
    def wrapper(*args, **kwargs):
        t0, w0 = time.process_time(), time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[key] += time.process_time() - t0
            wall[key] += time.perf_counter() - w0
    return wrapper

guard.sanitize_html = timed("sanitize", guard.sanitize_html)  # the casebook's docs/ pages
body.sanitize_html = timed("sanitize", body.sanitize_html)  # every record and resource body
SensitiveIndex.mask = timed("mask", SensitiveIndex.mask)
audit.secure_site = timed("csp", audit.secure_site)
audit.audit_site = timed("audit", audit.audit_site)
logging.disable(logging.WARNING)
root = Path(sys.argv[1])
cfg = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
t0, w0 = time.process_time(), time.perf_counter()
build(cfg)
total, total_wall = time.process_time() - t0, time.perf_counter() - w0
pages = sum(1 for _ in (root / "site").rglob("*.html"))
print(json.dumps({"build": total, "build_wall": total_wall, "pages": pages, **spent,
                  **{k + "_wall": v for k, v in wall.items()}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="casekit-bench-secure-"))
    try:
        root = make_casebook(work / "cb", args.cases)
        # ids with four digits: bench.py's S000912 reads as a birth date written 000912 (YYMMDD)
        for folder in sorted((root / "cases").iterdir()):
            new = f"C{int(folder.name[1:]):04d}"
            for record in folder.glob("*.md"):
                record.write_text(record.read_text(encoding="utf-8").replace(folder.name, new), encoding="utf-8")
            folder.rename(folder.with_name(new))
        proc = subprocess.run([sys.executable, "-c", MEASURE, str(root)], capture_output=True, text=True, cwd=root,
                              check=False, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
        if proc.returncode != 0:
            raise SystemExit(proc.stderr[-3000:])
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"# {args.cases} cases, {r['pages']} pages; build {r['build']:.2f} s CPU, {r['build_wall']:.2f} s wall")
        for key in ("sanitize", "csp", "audit", "mask"):
            print(f"{key:>9} {r[key]:7.2f} s CPU {r[key] / r['build']:6.1%}   {r[key + '_wall']:7.2f} s wall "
                  f"{r[key + '_wall'] / r['build_wall']:6.1%}")
        for label, suffix, total in (("CPU", "", r["build"]), ("wall", "_wall", r["build_wall"])):
            secure = r["sanitize" + suffix] + r["csp" + suffix] + r["audit" + suffix]
            print(f"sanitize + CSP + audit ({label}): {secure:.2f} s = {secure / total:.1%} of the build (limit 10%);"
                  f" with given-name masking {(secure + r['mask' + suffix]) / total:.1%}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
