"""The lock files: every dependency pinned once, with hashes, inside pyproject.toml's ranges, the
standard pylock.toml the same resolution as requirements-test.txt, and the tests running on it."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(.*?)(\\?)$", re.M)


def all_pins(path: Path) -> set[tuple[str, str]]:
    """(name, version) of every pin of a uv requirements lock (a universal lock may pin a package
    twice, each version under its own marker: pymdown-extensions by the Python's patch release)."""
    return {(canonicalize_name(name), version) for name, version, _, _ in _PIN.findall(path.read_text(encoding="utf-8"))}


def pins(path: Path) -> dict[str, str]:
    """name -> version of a uv requirements lock for this interpreter; fails on a name pinned twice
    for it."""
    out: dict[str, str] = {}
    for name, version, rest, _ in _PIN.findall(path.read_text(encoding="utf-8")):
        marker = rest.strip().lstrip(";").strip()
        if marker and not Marker(marker).evaluate():
            continue
        key = canonicalize_name(name)
        assert key not in out, f"{path.name}: {name} pinned twice for this Python"
        out[key] = version
    return out


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_pin_has_its_hashes():
    for lock in ("requirements.txt", "requirements-test.txt"):
        text = (ROOT / lock).read_text(encoding="utf-8")
        entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
        for entry in entries:
            if "==" in entry:
                assert "--hash=sha256:" in entry, f"{lock}: {entry.splitlines()[0]} has no hash"


def test_pylock_is_the_resolution_of_the_test_lock():
    data = tomllib.loads((ROOT / "pylock.toml").read_text(encoding="utf-8"))
    assert data["lock-version"] == "1.0"
    locked = {(canonicalize_name(p["name"]), p["version"]) for p in data["packages"]}
    assert locked == all_pins(ROOT / "requirements-test.txt")
    for package in data["packages"]:  # every file it may install is checked by its hash
        files = package.get("wheels", []) + ([package["sdist"]] if "sdist" in package else [])
        assert files and all(f["hashes"].get("sha256") for f in files), package["name"]


def test_the_run_lock_is_the_test_lock_without_the_test_tools():
    run, test = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements-test.txt")
    assert {name: test.get(name) for name in run} == run


@pytest.mark.parametrize("lock,extras", [("requirements.txt", ()), ("requirements-test.txt", ("test",))])
def test_every_declared_dependency_is_pinned_inside_its_range(lock, extras):
    meta = project()
    declared = [Requirement(r) for r in meta["dependencies"]]
    for extra in extras:
        declared += [Requirement(r) for r in meta["optional-dependencies"][extra]]
    locked = pins(ROOT / lock)
    for req in declared:
        if req.marker is not None and not req.marker.evaluate():
            continue
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is not in {lock}"
        assert req.specifier.contains(locked[name], prereleases=True), f"{req.name}=={locked[name]} outside {req.specifier}"


def test_the_tests_run_on_the_locked_versions():
    """scripts/venv.sh installs only from requirements-test.txt: what the tests import is what was locked
    (a package a newer pip would pick today, PyYAML 6.0.4 once, cannot slip in unseen)."""
    wrong = {}
    for name, version in pins(ROOT / "requirements.txt").items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # a platform-only dependency (colorama on Windows)
        if installed != version:
            wrong[name] = (installed, version)
    assert not wrong, f"installed != locked: {wrong}"
