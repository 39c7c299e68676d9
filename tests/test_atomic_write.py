"""Reports and results are written atomically, with the permissions any new file would get."""
import os
import stat

import pytest

from newskit.results import atomic_write


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_atomic_write_follows_the_umask(tmp_path, mask):
    old = os.umask(mask)
    try:
        atomic_write(tmp_path / "report.md", lambda f: f.write(b"# report\n"))
    finally:
        os.umask(old)
    assert (tmp_path / "report.md").read_bytes() == b"# report\n"
    assert stat.S_IMODE((tmp_path / "report.md").stat().st_mode) == 0o666 & ~mask


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path):
    (tmp_path / "report.md").write_text("old", encoding="utf-8")

    def boom(f):
        f.write(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(tmp_path / "report.md", boom)
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
