"""Every tool writes through scripts/safe_write.py: a file or folder is old or new, never half-written, and durable.

The portal's own crash tests (test_portal_publish.py) kill a whole publish at each system call; these prove
the primitives alone. That a tool's error carries its exit status is test_tools_share_one_shape.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts import safe_write
from support import killed_at, race

OLD, NEW = b"old bytes\n", b"new bytes " * 1000


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_bytes(OLD)
    return path


class TestAFile:
    def test_is_replaced_whole_and_nothing_is_left_beside_it(self, target: Path) -> None:
        safe_write.write_file(target, NEW)

        assert target.read_bytes() == NEW
        assert [path.name for path in target.parent.iterdir()] == [target.name]

    def test_is_flushed_before_its_rename_and_its_folder_after(
        self, target: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: list[str] = []
        real_fsync, real_replace = os.fsync, os.replace

        def fsync(descriptor: int) -> None:
            calls.append("fsync folder" if os.path.isdir(f"/proc/self/fd/{descriptor}") else "fsync file")
            real_fsync(descriptor)

        def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            calls.append("rename")
            real_replace(src, dst)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        safe_write.write_file(target, NEW)

        assert calls == ["fsync file", "rename", "fsync folder"]

    def test_whose_rename_fails_keeps_its_old_bytes_and_leaves_nothing_aside(
        self, target: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def full(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            raise OSError(28, "No space left on device", str(dst))

        monkeypatch.setattr(os, "replace", full)
        with pytest.raises(OSError, match="No space left"):
            safe_write.write_file(target, NEW)

        assert target.read_bytes() == OLD
        assert [path.name for path in target.parent.iterdir()] == [target.name]

    @pytest.mark.parametrize(("call", "n"), [("write", 1), ("fsync", 1), ("rename", 1), ("fsync", 2)])
    def test_killed_at_any_step_holds_the_old_bytes_or_the_new(self, target: Path, call: str, n: int) -> None:
        script = "import sys; from pathlib import Path; from scripts.safe_write import write_file;"
        script += f" write_file(Path(sys.argv[1]), {NEW!r})"
        killed = killed_at(call, n, script, target)

        assert killed.returncode == -9, killed.stderr
        aside = [path for path in target.parent.iterdir() if path != target]
        assert target.read_bytes() in (OLD, NEW)
        # Killed inside write_file, not before it: the new bytes are in place, or still aside (a scratch name).
        assert target.read_bytes() == NEW or [path.name.startswith(f".{target.name}.") for path in aside] == [True]


class TestAFolder:
    def test_staged_is_never_renamed_over_one_that_is_there(self, tmp_path: Path) -> None:
        there, staging = tmp_path / "1.0.0", tmp_path / ".staging-1"
        safe_write.write_new(there / "openapi.json", OLD)
        safe_write.write_new(staging / "openapi.json", NEW)

        assert safe_write.rename_folder(staging, there) is False
        assert (there / "openapi.json").read_bytes() == OLD
        assert not staging.exists()

    def test_swapped_in_replaces_the_old_one_whole(self, tmp_path: Path) -> None:
        old, new = tmp_path / "generated", tmp_path / "scratch" / "generated"
        safe_write.write_new(old / "a.py", OLD)
        safe_write.write_new(new / "b" / "c.py", NEW)

        safe_write.swap_folder(new, old)

        assert sorted(str(p.relative_to(old)) for p in old.rglob("*")) == ["b", "b/c.py"]
        assert sorted(p.name for p in tmp_path.iterdir()) == [".generated.lock", "generated", "scratch"]

    def test_swapped_in_is_flushed_file_by_file_before_its_renames(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        old, new = tmp_path / "generated", tmp_path / "scratch" / "generated"
        (new / "b").mkdir(parents=True)
        (new / "a.py").write_bytes(NEW)  # as a generator writes: not flushed
        (new / "b" / "c.py").write_bytes(NEW)
        flushed: list[str] = []
        real_fsync = os.fsync

        def fsync(descriptor: int) -> None:
            flushed.append(os.readlink(f"/proc/self/fd/{descriptor}"))
            real_fsync(descriptor)

        monkeypatch.setattr(os, "fsync", fsync)
        safe_write.swap_folder(new, old)

        before_renames = {str(new / "a.py"), str(new / "b" / "c.py"), str(new / "b"), str(new)}
        assert set(flushed[:4]) == before_renames
        assert flushed[4:] == [str(tmp_path)]

    def test_two_swaps_into_one_folder_at_once_take_turns(self, tmp_path: Path) -> None:
        script = (
            "import sys, time; from pathlib import Path; from scripts.safe_write import swap_folder, write_new\n"
            # Each rename lingers a little, so that the two processes' swaps overlap every run.
            "rename = Path.rename\n"
            "Path.rename = lambda self, target: (rename(self, target), time.sleep(0.005))[0]\n"
            "news = [Path(sys.argv[1]) / f'scratch-{sys.argv[2]}-{n}' for n in range(25)]\n"
            "for new in news:\n"
            "    write_new(new / 'a.py', sys.argv[2].encode()); write_new(new / 'b.py', sys.argv[2].encode())\n"
            "for new in news:\n"
            "    swap_folder(new, Path(sys.argv[1]) / 'generated')"
        )
        results = race(script, [str(tmp_path), "x"], [str(tmp_path), "y"])

        assert results == [(0, ""), (0, "")]
        generated = tmp_path / "generated"
        assert sorted(p.name for p in generated.iterdir()) == ["a.py", "b.py"]
        assert (generated / "a.py").read_bytes() == (generated / "b.py").read_bytes()

    def test_staged_and_swapped_in_removes_what_a_killed_writer_left_aside(self, tmp_path: Path) -> None:
        old = tmp_path / "package"
        safe_write.write_new(safe_write.aside(old) / "a.whl", OLD)  # killed while filling its staging folder
        safe_write.write_new(tmp_path / ".packaged.1.tmp" / "a.whl", OLD)  # another folder's: kept

        with safe_write.staged_swap(old) as staging:
            (staging / "b.whl").write_bytes(NEW)

        assert [p.name for p in old.iterdir()] == ["b.whl"]
        assert sorted(p.name for p in tmp_path.iterdir()) == [".package.lock", ".packaged.1.tmp", "package"]

    def test_swap_interrupted_between_its_renames_is_finished_by_the_next(self, tmp_path: Path) -> None:
        old, new = tmp_path / "generated", tmp_path / "scratch" / "generated"
        safe_write.write_new(tmp_path / "generated.old" / "a.py", OLD)  # killed after `old` was retired
        safe_write.write_new(new / "a.py", NEW)

        safe_write.swap_folder(new, old)

        assert (old / "a.py").read_bytes() == NEW
        assert not (tmp_path / "generated.old").exists()
