#!/usr/bin/env python3
"""Write `expected.json` for golden fixtures from what `casekit check` reports now.

Run by hand, never by the tests:

    .venv/bin/python tests/regen_fixtures.py NAME...      # these fixtures
    .venv/bin/python tests/regen_fixtures.py --missing    # every fixture without expected.json
    .venv/bin/python tests/regen_fixtures.py --all        # all of them (review the git diff!)

Then review every finding: is it the right code, and do its line and column point at the
offending key, value or character? An expectation is only as good as that review.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_fixtures import FIXTURES, check_json, essentials, fixture_names, materialize


def regen(name: str) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory(prefix="casekit-fixture-") as tmp:
        root = materialize(name, Path(tmp))
        _, report = check_json(root)
    findings = essentials(report["findings"])
    lines = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in findings)
    text = "[\n" + lines + "\n]\n" if findings else "[]\n"
    (FIXTURES / name / "expected.json").write_text(text, encoding="utf-8")
    return findings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--missing", action="store_true")
    args = ap.parse_args()
    names = args.names
    if args.all:
        names = fixture_names()
    elif args.missing:
        names = [n for n in fixture_names() if not (FIXTURES / n / "expected.json").is_file()]
    if not names:
        ap.error("name fixtures, or give --all or --missing")
    unknown = sorted(set(names) - set(fixture_names()))
    if unknown:
        ap.error(f"no such fixture: {', '.join(unknown)}")
    for name in names:
        findings = regen(name)
        print(f"{name}: {len(findings)} finding(s)")
        for f in findings:
            print(f"    {f['path']}:{f['line']}:{f['column']}  {f['severity']}  {f['code']}")


if __name__ == "__main__":
    main()
