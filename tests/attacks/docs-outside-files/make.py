"""Links out of the casebook and a FIFO in docs/: never published, never read (the build must not hang)."""

import os
from pathlib import Path


def make(root: Path) -> None:
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# 바깥 파일\n\nOUTSIDE-LINK-MARKER\n", encoding="utf-8")
    (outside / "dir").mkdir()
    (outside / "dir" / "page.md").write_text("# 바깥 폴더\n\nOUTSIDE-DIRLINK-MARKER\n", encoding="utf-8")
    os.symlink(outside / "secret.md", root / "docs" / "linked.md")
    os.symlink(outside / "dir", root / "docs" / "linked-dir")
    os.mkfifo(root / "docs" / "pipe.md")
    os.mkfifo(root / "docs" / "pipe.png")
