"""End-to-end behaviour of the command line."""
import json
import subprocess

from newskit.results import SCHEMA

from conftest import newskit_cmd


def _run(*args, cwd, env=None):
    return subprocess.run(newskit_cmd(*args), capture_output=True, text=True, cwd=cwd, env=env)


def _strip_timing(results: dict) -> dict:
    results = json.loads(json.dumps(results))
    for key in ("started", "seconds", "timings", "jobs", "executor", "cache", "build", "previous"):
        results["run"].pop(key, None)
    return results


def test_run_without_input_analyzes_the_bundled_samples(tmp_path):
    r = _run("run", "--format", "md,json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    results = json.loads((tmp_path / "newskit-out" / "results.json").read_text(encoding="utf-8"))
    assert results["schema"] == SCHEMA
    assert len(results["documents"]) == 5
    for d in results["documents"]:
        assert set(d["meta"]) >= {"title", "date", "source", "author", "url"}
        assert "entities" in d["results"] and len(d["hash"]) == 64
    assert (tmp_path / "newskit-out" / "report.md").read_text(encoding="utf-8").startswith("# newskit")
    state = {".newskit-cache.sqlite", ".newskit.lock"}  # the incremental cache and the build lock stay
    assert not [p for p in (tmp_path / "newskit-out").glob(".*") if p.name not in state], "temporary files left behind"


def test_parallel_and_serial_runs_give_identical_results(tmp_path, seeds_dir):
    for jobs in ("1", "2"):
        r = _run("run", str(seeds_dir), "--format", "json", "--jobs", jobs, "--out", f"o{jobs}", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    one, two = (json.loads((tmp_path / f"o{j}" / "results.json").read_text(encoding="utf-8")) for j in "12")
    assert one["documents"] and _strip_timing(one) == _strip_timing(two)


def test_usage_errors_are_one_line_with_a_distinct_exit_code(tmp_path):
    r = _run("run", "nowhere/", cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.strip() == "newskit: error: nowhere/: no such file or folder"
    r = _run("run", "--plugins", "nosuch", cwd=tmp_path)
    assert r.returncode == 2 and "unknown analyzer nosuch; available: " in r.stderr and "entities" in r.stderr
    (tmp_path / "newskit.toml").write_text('analysers = ["entities"]\n', encoding="utf-8")
    r = _run("run", cwd=tmp_path)
    assert r.returncode == 2 and "unknown key 'analysers'" in r.stderr and "newskit.toml" in r.stderr


def test_no_readable_documents_exits_3(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.json").write_text("{", encoding="utf-8")
    r = _run("run", "in", cwd=tmp_path)
    assert r.returncode == 3
    assert "bad.json: cannot parse JSON" in r.stderr


def test_config_file_drives_a_scheduled_build(tmp_path, seeds_dir):
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "newskit.toml").write_text(
        f'inputs = ["{seeds_dir.as_posix()}"]\nout = "built"\nformats = ["json"]\nanalyzers = ["entities"]\n'
        '[plugins.entities]\nexample = 1\n', encoding="utf-8")
    r = _run("run", "--config", "proj/newskit.toml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "proj" / "built" / "results.json").is_file()  # relative to the config file
    assert not (tmp_path / "proj" / "built" / "report.md").exists()


def test_report_is_rebuilt_from_results_alone(tmp_path, seeds_dir):
    assert _run("run", str(seeds_dir), "--format", "md,json", "--out", "o", cwd=tmp_path).returncode == 0
    first = (tmp_path / "o" / "report.md").read_bytes()
    (tmp_path / "o" / "report.md").unlink()
    r = _run("report", "o/results.json", "--format", "md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "o" / "report.md").read_bytes() == first
    (tmp_path / "junk.json").write_text("[]", encoding="utf-8")
    r = _run("report", "junk.json", cwd=tmp_path)
    assert r.returncode == 2 and "junk.json: not a newskit results file" in r.stderr


def test_help_and_version_do_not_import_heavy_libraries(tmp_path):
    code = ("import sys\nfrom click.testing import CliRunner\nfrom newskit.cli import cli\n"
            "assert CliRunner().invoke(cli, ['--help']).exit_code == 0\n"
            "assert CliRunner().invoke(cli, ['plugins']).exit_code == 0\n"
            "heavy = [m for m in ('snownlp', 'matplotlib', 'jieba', 'weasyprint') if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    r = subprocess.run([*newskit_cmd()[:1], "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
