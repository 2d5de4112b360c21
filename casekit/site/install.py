"""Putting a built site where it goes, never half of one: the old site or the new one, both audited.

    stage(built, site_dir)     where the site is finished and audited: the generator's output where it
                               is (.casekit/build/site) when it is on the site folder's filesystem, else a
                               copy in a hidden folder beside the site folder (`.site.casekit-new-<pid>`);
                               never the site folder itself
    swap_in(staging)           the audited site put in place by renames (the old site aside, the new in
                               its place, the old removed): at every instant the site folder holds the
                               old site or the new one. A site folder that cannot be renamed (a mount
                               point, a parent folder one may not write) has its contents replaced: the
                               new site copied in beside the old (hidden), then the entries renamed
    build_lock(work)           one build at a time in a casebook (flock on .casekit/build.lock, freed
                               when the process ends, however it ends)

A failure (a full disk, a read-only or busy folder, no permission) is a `site-not-written` finding,
the old site left as it was and the staging folder removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from casekit.core.findings import Finding, finding

try:
    import fcntl
except ImportError:  # pragma: no cover (Windows: no lock)
    fcntl = None  # type: ignore[assignment]

NEW = ".casekit-new-"
OLD = ".casekit-old-"
# what makes a site folder be replaced in place instead of by renames
_NOT_RENAMED = frozenset({errno.EBUSY, errno.EACCES, errno.EPERM, errno.EXDEV})
_REASONS = {
    errno.ENOSPC: ("디스크 공간이 부족합니다", "no space left on the device"),
    errno.EDQUOT: ("디스크 할당량을 넘었습니다", "disk quota exceeded"),
    errno.EROFS: ("읽기 전용 파일 시스템입니다", "read-only file system"),
    errno.EACCES: ("쓰기 권한이 없습니다", "permission denied"),
    errno.EPERM: ("쓰기 권한이 없습니다", "operation not permitted"),
    errno.EBUSY: ("폴더가 사용 중입니다(마운트 지점)", "device or resource busy"),
    errno.ENOTDIR: ("폴더가 아니라 파일입니다", "not a directory"),
    errno.EIO: ("입출력 오류입니다", "input/output error"),
}


class BuildFailed(Exception):
    """The build could not run (its lock held, its lock file unusable): `str()` says why, in Korean."""


class BuildBusy(BuildFailed):
    """Another build of the same casebook holds the lock."""


class NotWritten(Exception):
    """The site could not be staged or put in place: `finding` says why (the old site left as it was)."""

    def __init__(self, found: Finding):
        super().__init__(found.message_en)
        self.finding = found


def not_written(site_dir: Path, exc: OSError, kept: bool) -> Finding:
    ko, en = _REASONS.get(exc.errno or 0, (exc.strerror or str(exc), exc.strerror or str(exc)))
    where = exc.filename if isinstance(exc.filename, str) else None
    if where:
        ko, en = f"{ko}: {where}", f"{en}: {where}"
    if kept:
        kept_ko, kept_en = "이전 사이트는 그대로 있습니다", "the previous site is left as it was"
    else:
        kept_ko, kept_en = "사이트 폴더에는 아무것도 쓰지 않았습니다", "nothing was written to the site folder"
    return finding("site-not-written", str(site_dir), site_dir=str(site_dir), reason_ko=ko, reason_en=en,
                   kept_ko=kept_ko, kept_en=kept_en)


@dataclass
class Staging:
    folder: Path  # where the site is finished and audited
    site_dir: Path
    in_place: bool  # the site folder's contents are replaced (it cannot be renamed: a mount point)
    copied: bool  # folder is a copy beside the site folder (removed on failure; else the build folder's site/)


def stage(built: Path, site_dir: Path) -> Staging:
    """Where the generator's output `built` is finished and audited before it is put in place."""
    kept = site_dir.is_dir()
    try:
        clear_leftovers(site_dir)
        if os.path.ismount(site_dir):  # (renaming it: EBUSY; its contents are replaced)
            return Staging(built, site_dir, True, False)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        if os.stat(built).st_dev == os.stat(site_dir.parent).st_dev:
            return Staging(built, site_dir, False, False)
        folder = site_dir.parent / f".{site_dir.name}{NEW}{os.getpid()}"
        try:
            os.mkdir(folder)
        except OSError as exc:  # no folder beside it (its parent read-only): its contents replaced
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and kept:
                return Staging(built, site_dir, True, False)
            raise
        try:
            copy_tree(built, folder, made=True)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        shutil.rmtree(built, ignore_errors=True)
        return Staging(folder, site_dir, False, True)
    except OSError as exc:
        raise NotWritten(not_written(site_dir, exc, kept)) from None


def discard(staging: Staging) -> None:
    """The staging folder removed (a build that failed: nothing of it stays)."""
    shutil.rmtree(staging.folder, ignore_errors=True)


def swap_in(staging: Staging) -> None:
    """The audited site in the staging folder put at the site folder (see the module's doc)."""
    site_dir = staging.site_dir
    kept = site_dir.is_dir()
    try:
        if not staging.in_place:
            try:
                _rename_in(staging.folder, site_dir)
                return
            except OSError as exc:
                if exc.errno not in _NOT_RENAMED or not site_dir.is_dir():
                    raise
        _replace_contents(staging.folder, site_dir)
    except OSError as exc:
        raise NotWritten(not_written(site_dir, exc, kept)) from None
    finally:
        discard(staging)


def _rename_in(folder: Path, site_dir: Path) -> None:
    if not os.path.lexists(site_dir):
        os.rename(folder, site_dir)
        return
    trash = site_dir.parent / f".{site_dir.name}{OLD}{os.getpid()}"
    os.rename(site_dir, trash)
    try:
        os.rename(folder, site_dir)
    except BaseException:
        os.rename(trash, site_dir)
        raise
    shutil.rmtree(trash, ignore_errors=True)


def _replace_contents(folder: Path, site_dir: Path) -> None:
    """The audited site copied into the site folder beside the old (hidden), then the old entries
    moved aside and the new ones up: renames in one filesystem. A copy that fails leaves the old site."""
    new, old = site_dir / f"{NEW}{os.getpid()}", site_dir / f"{OLD}{os.getpid()}"
    try:
        copy_tree(folder, new)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    os.mkdir(old)
    olds = [name for name in os.listdir(site_dir) if name not in (new.name, old.name)]
    moved: list[str] = []
    try:
        for name in olds:
            os.rename(site_dir / name, old / name)
        for name in os.listdir(new):
            os.rename(new / name, site_dir / name)
            moved.append(name)
    except BaseException:  # (renames in one folder: seldom) the old site back
        for name in moved:
            os.rename(site_dir / name, new / name)
        for name in os.listdir(old):
            os.rename(old / name, site_dir / name)
        shutil.rmtree(new, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
        raise
    os.rmdir(new)
    shutil.rmtree(old, ignore_errors=True)


def copy_tree(src: Path, dst: Path, made: bool = False) -> None:
    """`src` copied to the new folder `dst` (`made`: already made), stopping at the first error
    (shutil.copytree goes on and raises every file's error at the end: 30 KB of them on a full disk)."""
    if not made:
        os.mkdir(dst)
    with os.scandir(src) as entries:
        for entry in entries:
            target = dst / entry.name
            try:
                if entry.is_symlink():
                    os.symlink(os.readlink(entry.path), target)
                elif entry.is_dir():
                    copy_tree(Path(entry.path), target)
                    continue
                else:
                    shutil.copy2(entry.path, target)
            except OSError as exc:  # (said at the file it was writing, not the one it read)
                if exc.errno is None or exc.filename == str(target):
                    raise
                raise OSError(exc.errno, exc.strerror, str(target)) from exc


def clear_leftovers(site_dir: Path) -> None:
    """What a build killed halfway left beside or in the site folder (its process gone)."""
    places = [(site_dir.parent, f".{site_dir.name}{NEW}"), (site_dir.parent, f".{site_dir.name}{OLD}"),
              (site_dir, NEW), (site_dir, OLD)]
    for folder, prefix in places:
        if not folder.is_dir() or folder.is_symlink():
            continue
        with os.scandir(folder) as entries:
            stale = [Path(e.path) for e in entries
                     if e.name.startswith(prefix) and e.name[len(prefix):].isdigit()
                     and e.is_dir(follow_symlinks=False) and not _alive(int(e.name[len(prefix):]))]
        for path in stale:
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # (a folder of this process's pid left by a killed one before it)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


@contextlib.contextmanager
def build_lock(work: Path) -> Iterator[None]:
    """One build at a time in a casebook: an exclusive lock on `<work>.lock` (.casekit/build.lock),
    never waited for. The system frees it when the process ends, even killed."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    path = work.parent / f"{work.name}.lock"
    try:
        work.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise BuildFailed(f"casekit: 빌드 잠금 파일 {path}을(를) 열 수 없습니다: {exc.strerror} "
                          f"(cannot open the build lock file)") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BuildBusy("casekit: 다른 빌드가 이 사례집에서 진행 중입니다. 끝난 뒤 다시 빌드하세요 "
                                "(another build is running in this casebook; build again when it is done)") from None
            raise BuildFailed(f"casekit: 빌드 잠금 파일 {path}을(를) 잠글 수 없습니다: {exc.strerror} "
                              f"(cannot lock the build lock file)") from None
        yield
    finally:
        os.close(fd)
