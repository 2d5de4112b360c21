"""Time `casekit.core.history.load` on a synthetic casebook in a real git repository.

    .venv/bin/python scripts/bench_history.py --cases 1000 --commits 300

Builds N cases of 8 records each over C commits by three authors (some commits edit earlier
records), then times one `history.load` (one `git log`, one `git cat-file`) against what the
MkDocs git-date plugins do: one `git log -1` per file.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casekit.core import history

STAGES = ("intake", "assessment", "plan", "intervention", "monitoring", "monitoring", "closure", "followup")


def git(root: Path, n: int, *args: str) -> None:
    who = ("kim", "lee", "park")[n % 3]
    date = f"2026-03-01T09:{n // 60 % 60:02d}:{n % 60:02d}+09:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": who, "GIT_AUTHOR_EMAIL": f"{who}@agency.kr", "GIT_AUTHOR_DATE": date,
           "GIT_COMMITTER_NAME": who, "GIT_COMMITTER_EMAIL": f"{who}@agency.kr", "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def record(case: str, stage: str, n: int) -> str:
    return f"---\ncase: \"{case}\"\nstage: {stage}\ndate: \"2026-03-01\"\nworker: w{n % 7}\n---\n본문 {n}\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--commits", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        files = [(f"2026-{c:04d}", i, s) for c in range(args.cases) for i, s in enumerate(STAGES, 1)]
        per = -(-len(files) // args.commits)
        for n in range(args.commits):
            for case, i, stage in files[n * per : (n + 1) * per]:
                path = root / "cases" / case / f"{i:02d}-{stage}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(record(case, stage, n), encoding="utf-8")
            for case, i, stage in files[: n * per : 97]:  # edits of earlier records
                (root / "cases" / case / f"{i:02d}-{stage}.md").write_text(record(case, stage, n + 1), encoding="utf-8")
            git(root, n, "add", "-A")
            git(root, n, "commit", "-q", "--allow-empty", "-m", f"commit {n}")
        start = time.perf_counter()
        hist = history.load(root)
        one = time.perf_counter() - start
        start = time.perf_counter()
        sample = files[:: max(1, len(files) // 200)]
        for case, i, stage in sample:
            subprocess.run(["git", "log", "-1", "--format=%aI", "--", f"cases/{case}/{i:02d}-{stage}.md"],
                           cwd=root, check=True, capture_output=True)
        per_file = (time.perf_counter() - start) / len(sample) * len(files)
        print(f"{args.cases} cases, {len(files)} records, {args.commits} commits, {len(hist.changes)} changes")
        print(f"history.load (one git log + one git cat-file): {one:.2f} s")
        print(f"one `git log -1` per file (estimated from {len(sample)} files): {per_file:.1f} s")


if __name__ == "__main__":
    main()
