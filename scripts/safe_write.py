"""Writing files and folders so that a reader, or a crash, never sees one half-written.

One way for every tool: write aside in the same folder, flush to disk, rename
into place, flush the folder. rename(2) is atomic within a file system, so a
reader sees the old file or the new one; the data survives power loss only
once the file was fsync'ed before the rename and the folder after it
(rename(2), fsync(2); ext4's `auto_da_alloc` covers only some of this).

- `write_file`: replace one file's bytes.
- `write_new`: create a file that does not exist yet (inside a staging folder), flushed.
- `move_file`: rename a finished file (e.g. one a generator wrote aside) into place.
- `rename_folder`: rename a staged folder into place, never over one that is there.
- `swap_folder`: put a new folder where an old one is, by two renames.
- `staged_swap`: fill a new folder beside an old one and swap it in, leaving nothing aside even when killed.
- `point`: make a symbolic link lead elsewhere in one step.
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock


def sync_folder(folder: Path) -> None:
    """Make the renames and new names in `folder` durable: a rename is atomic, but survives power loss only once the
    folder is synced."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sync_file(path: Path) -> None:
    """Flush a file someone else wrote (a generator, Redocly) to disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sync_tree(folder: Path, files: bool = True) -> None:
    """Sync what is under `folder` (its files too unless they were written with write_new), deepest first, and
    `folder` itself, before it is renamed anywhere."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_symlink():
            continue
        if path.is_dir():
            sync_folder(path)
        elif files:
            sync_file(path)
    sync_folder(folder)


def write_new(path: Path, data: bytes) -> None:
    """Create `path` (it must not exist; its folders are made) with `data`, flushed to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def aside(path: Path) -> Path:
    """A name beside `path` that no other writer uses: `.<name>.<random>.tmp`."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")


def write_file(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: written aside, flushed, renamed over it, the folder flushed."""
    temporary = aside(path)
    try:
        write_new(temporary, data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def move_file(source: Path, target: Path) -> None:
    """Rename a finished file over `target` (same file system), flushed before and after."""
    sync_file(source)
    os.replace(source, target)
    sync_folder(target.parent)


def rename_folder(staging: Path, target: Path) -> bool:
    """Rename a complete staging folder to `target` unless something is there; False (staging removed) if it is.

    rename(2) replaces only an empty folder (ENOTEMPTY, or EEXIST on some systems, otherwise): a folder another
    writer put there first is never replaced. Its files were written (and flushed) with write_new.
    """
    sync_tree(staging, files=False)
    try:
        os.rename(staging, target)
    except OSError as error:
        if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
            raise
        shutil.rmtree(staging)
        return False
    sync_folder(target.parent)
    return True


def swap_folder(new: Path, old: Path) -> None:
    """Put `new` where `old` is (if anywhere), by renames, so that `old` is never half-written.

    Between the two renames neither is at `old`: a crash there leaves `old` missing and `<old>.old` whole, which
    the next swap removes. Swaps into the same `old` take turns, through a lock file `.<name>.lock` beside it.
    """
    sync_tree(new)
    with turns(old):
        _swap(new, old)


@contextmanager
def staged_swap(old: Path) -> Iterator[Path]:
    """A new empty folder beside `old` to fill; swapped into `old`'s place when the block ends (removed if it raises).

    Writers of `old` take turns for all of it, filling included, so a staging folder beside `old` that a writer
    killed before its swap left (`.<name>.<random>.tmp`, as `aside` names it) is nobody's: each writer removes them
    first, and they never pile up.
    """
    old.parent.mkdir(parents=True, exist_ok=True)
    with turns(old):
        for stale in old.parent.glob(f".{glob.escape(old.name)}.*.tmp"):
            remove(stale)
        staging = aside(old)
        staging.mkdir()
        try:
            yield staging
            sync_tree(staging)
            _swap(staging, old)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise


def turns(folder: Path) -> filelock.FileLock:
    """The lock writers of `folder` take turns through: `.<name>.lock` beside it.

    Two swaps into one folder at once (two make runs in one checkout) must take turns: each rename is atomic, the
    pair is not, and the second would find the first's folder where its own goes ("Directory not empty").
    """
    return filelock.FileLock(folder.with_name(f".{folder.name}.lock"))


def _swap(new: Path, old: Path) -> None:
    """swap_folder's two renames, for a writer whose turn it is."""
    retired = old.with_name(old.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if old.exists():
        old.rename(retired)
    new.rename(old)
    sync_folder(old.parent)
    shutil.rmtree(retired, ignore_errors=True)


def point(link: Path, target: str) -> None:
    """Make `link` a symbolic link to `target` in one step: a new link renamed over the old one (or a folder's copy
    from before links, removed first). The caller syncs the folder once it has switched all its links."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)
    temporary = aside(link)
    temporary.symlink_to(target)
    os.replace(temporary, link)


def remove(path: Path) -> None:
    """Remove a file, a link or a whole folder (a link to a folder is removed, not followed)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
