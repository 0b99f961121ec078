"""Keeping var/ to its owner: what an older version left readable to others is closed."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def private_tree(root: Path) -> None:
    """Take group and other permissions off ``root`` and everything in it.

    Cheap when nothing needs changing: one stat a file. Symbolic links are left
    alone (their modes mean nothing, and following one could leave var/).
    """
    for folder, folders, files in os.walk(root):
        for name in [folder, *(os.path.join(folder, entry) for entry in folders + files)]:
            mode = os.lstat(name).st_mode
            if not stat.S_ISLNK(mode) and mode & 0o077:
                os.chmod(name, stat.S_IMODE(mode) & 0o700)
