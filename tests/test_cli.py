"""The command line end to end, on a stand-in engine so each test pins CLI behaviour only.

The stand-in flags every percentage above 100 (error NC401), every "Thursday"
(warning NC301) and every "perhaps" (note NC402); the real extractor and
rules are exercised by the golden tests in test_cli_golden.py.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

import numcheck
from numcheck import cli, pipeline
from numcheck.model import Document, FileReport, Finding, Source, Span

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "numcheck" / "schema" / "report-v1.json"


@dataclass(frozen=True)
class FakeExamples:
    flagged: tuple[str, ...]
    clean: tuple[str, ...]


@dataclass(frozen=True)
class FakeRule:
    code: str
    name: str
    severity: str
    summary: str
    why: str
    examples: FakeExamples


FAKE_RULES = (
    FakeRule(
        "NC301",
        "weekday-named",
        "warning",
        "Names a Thursday.",
        "Stand-in calendar rule.",
        FakeExamples(("On <mark>Thursday</mark> it rained.",), ("On Friday it rained.",)),
    ),
    FakeRule(
        "NC401",
        "share-above-whole",
        "error",
        "A share above 100%.",
        "No part exceeds its whole.",
        FakeExamples(("It rose to <mark>140%</mark> of all staff.",), ("It was 40% of all staff.",)),
    ),
    FakeRule("NC402", "hedge-word", "note", "Says perhaps.", "Stand-in note.", FakeExamples((), ())),
)


def fake_pipeline(text: str, path: str, rules: Any, today: Any) -> FileReport:
    if "CRASH" in text:
        raise RuntimeError("stand-in engine failure")
    found: list[Finding] = []
    for m in re.finditer(r"(\d+)%", text):
        if int(m.group(1)) > 100:
            found.append(
                Finding(
                    "NC401",
                    "share-above-whole",
                    "error",
                    f"{m.group()} is more than the whole",
                    Span(m.start(), m.end()),
                    m.group(),
                )
            )
    for m in re.finditer(r"Thursday", text):
        when = f" (reporting date {today.isoformat()})" if today else ""
        found.append(
            Finding("NC301", "weekday-named", "warning", f"a Thursday{when}", Span(m.start(), m.end()), m.group())
        )
    for m in re.finditer(r"perhaps", text):
        found.append(Finding("NC402", "hedge-word", "note", "perhaps", Span(m.start(), m.end()), m.group()))
    found.sort(key=lambda f: (f.span.start, f.code))
    return FileReport(path, text, fake_extract(text, path).facts, tuple(found))


def fake_extract(text: str, path: str = "") -> Document:
    from decimal import Decimal

    from numcheck.interval import Interval
    from numcheck.model import Fact

    facts = tuple(
        Fact(
            Span(m.start(), m.end()),
            m.group(),
            "percent",
            Decimal(m.group(1)),
            None,
            "exact",
            Interval(Decimal(m.group(1)) - Decimal("0.5"), Decimal(m.group(1)) + Decimal("0.5")),
            None,
            0,
        )
        for m in re.finditer(r"(\d+)%", text)
    )
    return Document(Source(path, text), (), facts)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    import numcheck.facts

    monkeypatch.setattr(pipeline, "analyse", fake_pipeline)
    monkeypatch.setattr(numcheck.facts, "extract", fake_extract)
    monkeypatch.setattr(pipeline, "read_rules", lambda dirs: FAKE_RULES)
    monkeypatch.chdir(tmp_path)
    for var in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(var, raising=False)

    def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None):
        return CliRunner().invoke(cli.app, list(args), input=input, env=env)

    return invoke


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- exit status ---------------------------------------------------------------


def test_exit_0_when_clean(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "All 40% fine.\n")
    result = run("a.md")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "No problems found in 1 file."


def test_exit_1_on_error(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "It was 140% of staff.\n")
    result = run("a.md", "--format", "concise")
    assert result.exit_code == 1
    assert result.stdout == "a.md:1:8: NC401 [error] 140% is more than the whole\n"
    assert result.stderr == "Found 1 problem (1 error) in 1 file.\n"


@pytest.mark.parametrize(
    ("text", "fail_on", "status"),
    [
        ("On Thursday.", None, 0),
        ("On Thursday.", "warning", 1),
        ("perhaps", "warning", 0),
        ("perhaps", "note", 1),
        ("140%", "error", 1),
    ],
)
def test_fail_on(run, tmp_path: Path, text: str, fail_on: str | None, status: int) -> None:
    write(tmp_path / "a.md", text)
    args = ["a.md", "-q"] + (["--fail-on", fail_on] if fail_on else [])
    assert run(*args).exit_code == status


def test_exit_zero(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "It was 140% of staff.\n")
    assert run("a.md", "--exit-zero", "-q").exit_code == 0
    assert run("a.md", "missing.md", "--exit-zero", "-q").exit_code == 2  # input errors still count


def test_usage_errors_exit_2(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "x")
    assert run("a.md", "--format", "yaml").exit_code == 2
    assert run("a.md", "--bogus").exit_code == 2
    assert run("a.md", "--date", "2025-13-01").exit_code == 2
    assert run("a.md", "--jobs", "0").exit_code == 2
    none = run()
    assert none.exit_code == 2 and "no PATH given" in none.stderr


def test_missing_file_among_good_ones(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "It was 140% of staff.\n")
    write(tmp_path / "b.md", "On Thursday.\n")
    result = run("a.md", "nope.md", "b.md", "-f", "concise")
    assert result.exit_code == 2
    assert "nope.md" in result.stderr and "numcheck: nope.md:" in result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["a.md", "b.md"]


def test_internal_error_in_one_file_is_exit_2_not_1(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "It was 140% of staff.\n")
    write(tmp_path / "b.md", "CRASH here\n")
    result = run("a.md", "b.md", "-f", "concise")
    assert result.exit_code == 2
    assert "b.md: internal error: RuntimeError: stand-in engine failure" in result.stderr
    assert result.stdout.startswith("a.md:1:8: NC401")


def test_main_maps_crash_and_interrupt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setattr(pipeline, "read_rules", lambda dirs: FAKE_RULES)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "x")

    def boom(*a: Any, **k: Any) -> Any:
        raise ValueError("unexpected")

    monkeypatch.setattr(pipeline, "check_files", boom)
    with pytest.raises(SystemExit) as info:
        cli.main(["a.md"])
    assert info.value.code == 2
    assert capsys.readouterr().err == "numcheck: internal error: ValueError: unexpected\n"

    def interrupted(*a: Any, **k: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "check_files", interrupted)
    with pytest.raises(SystemExit) as info:
        cli.main(["a.md"])
    assert info.value.code == 130
    assert capsys.readouterr().err == "numcheck: interrupted\n"

    with pytest.raises(SystemExit) as info:
        cli.main(["a.md", "--no-such-option"])
    assert info.value.code == 2


# --- inputs ---------------------------------------------------------------------


def test_stdin_with_filename(run) -> None:
    result = run("-", "--stdin-filename", "story.md", "-f", "concise", input="Now 150% up.\n")
    assert result.exit_code == 1
    assert result.stdout == "story.md:1:5: NC401 [error] 150% is more than the whole\n"


def test_stdin_takes_its_place_among_paths(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "140%\n")
    write(tmp_path / "z.md", "160%\n")
    result = run("z.md", "-", "a.md", "-f", "concise", input="150%\n")
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["z.md", "-", "a.md"]


def test_stdin_bad_encoding_is_exit_2(run) -> None:
    result = run("-", input=b"caf\xe9 broken \x80")
    assert result.exit_code == 2 and result.stderr.startswith("numcheck: -:")


def test_directories_recurse_with_default_includes(run, tmp_path: Path) -> None:
    for name in ("docs/a.md", "docs/sub/b.txt", "docs/sub/c.html", "docs/script.py", "docs/notes.rst"):
        write(tmp_path / name, "It was 140%.\n")
    result = run("docs", "-f", "concise")
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        "docs/a.md",
        "docs/notes.rst",
        "docs/sub/b.txt",
        "docs/sub/c.html",
    ]


def test_folder_without_prose_is_an_error(run, tmp_path: Path) -> None:
    # CI must not pass because the path held nothing numcheck reads.
    write(tmp_path / "src/app.py", "x = 140\n")
    result = run("src")
    assert result.exit_code == 2 and "src: no files to check" in result.stderr


def test_quoted_glob_and_exclude(run, tmp_path: Path) -> None:
    for name in ("d/a.md", "d/b.md", "d/c.txt"):
        write(tmp_path / name, "140%\n")
    result = run("d/*.md", "--exclude", "b.md", "-f", "concise")
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["d/a.md"]


def test_jobs_give_the_same_bytes_as_serial(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_FILES", 2)  # a pool for these few small files
    for i in range(12):
        write(tmp_path / f"d/f{i:02}.md", f"File {i}: {101 + i}% and Thursday.\n")
    write(tmp_path / "d/f05.md", "CRASH\n")
    serial = run("d", "-f", "json", "-j", "1")
    parallel = run("d", "-f", "json", "-j", "2")
    assert serial.exit_code == parallel.exit_code == 2
    assert serial.stdout == parallel.stdout and serial.stderr == parallel.stderr


# --- selection, config ----------------------------------------------------------

MIXED = "It rose 140% on Thursday, perhaps.\n"


def codes_of(result) -> list[str]:
    return [line.split()[1] for line in result.stdout.splitlines()]


def test_select_and_ignore_prefixes(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", MIXED)
    assert codes_of(run("a.md", "-f", "concise")) == ["NC401", "NC301", "NC402"]
    assert codes_of(run("a.md", "-f", "concise", "--select", "NC4")) == ["NC401", "NC402"]
    assert codes_of(run("a.md", "-f", "concise", "--ignore", "NC40")) == ["NC301"]
    assert codes_of(run("a.md", "-f", "concise", "--select", "NC3,NC402")) == ["NC301", "NC402"]
    assert codes_of(run("a.md", "-f", "concise", "--select", "nc4", "--ignore", "NC401")) == ["NC402"]
    typo = run("a.md", "--select", "NC9")
    assert typo.exit_code == 2 and "'NC9' matches no rule" in typo.stderr
    assert run("a.md", "--ignore", "X1").exit_code == 2


def test_config_discovery_and_cli_override(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", '[tool.numcheck]\nignore = ["NC4"]\nfail-on = "warning"\n')
    write(tmp_path / "docs/a.md", MIXED)
    monkeypatch.chdir(tmp_path / "docs")
    result = run("a.md", "-f", "concise")
    assert codes_of(result) == ["NC301"] and result.exit_code == 1
    assert run("a.md", "-q", "--fail-on", "error").exit_code == 0
    assert codes_of(run("a.md", "-f", "concise", "--no-config")) == ["NC401", "NC301", "NC402"]
    # The nearest file wins over the pyproject.toml above it.
    write(tmp_path / "docs/.numcheck.toml", 'select = ["NC402"]\n')
    assert codes_of(run("a.md", "-f", "concise")) == ["NC402"]
    write(tmp_path / "other.toml", 'select = ["NC401"]\n')
    assert codes_of(run("a.md", "-f", "concise", "--config", str(tmp_path / "other.toml"))) == ["NC401"]


def test_config_date_reaches_the_engine(run, tmp_path: Path) -> None:
    write(tmp_path / "numcheck.toml", "date = 2025-03-06\n")
    write(tmp_path / "a.md", "On Thursday.\n")
    assert "reporting date 2025-03-06" in run("a.md", "-f", "concise").stdout
    assert "reporting date 2024-01-02" in run("a.md", "-f", "concise", "--date", "2024-01-02").stdout


def test_bad_config_is_exit_2_naming_file_and_key(run, tmp_path: Path) -> None:
    write(tmp_path / "numcheck.toml", 'fail-on = "sometimes"\n')
    write(tmp_path / "a.md", "x")
    result = run("a.md")
    assert result.exit_code == 2
    assert "numcheck.toml: fail-on: must be one of note, warning, error" in result.stderr


# --- suppression, baseline, changed-since ---------------------------------------


def test_inline_suppression(run, tmp_path: Path) -> None:
    write(
        tmp_path / "a.md",
        "<!-- numcheck-disable-next-line NC401: quoted from the union's leaflet -->\n"
        "It rose 140% on Thursday.\n"
        "<!-- numcheck-disable-next-line NC2: nothing to hide -->\n"
        "Fine.\n",
    )
    result = run("a.md", "-f", "concise")
    assert codes_of(result) == ["NC301", "NC001"]
    assert result.exit_code == 0


def test_baseline_round_trip(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "It rose 140% on Thursday.\n")
    wrote = run("a.md", "--write-baseline", "numcheck-baseline.json")
    assert wrote.exit_code == 0 and "wrote 2 findings" in wrote.stderr
    assert run("a.md", "--baseline", "numcheck-baseline.json", "-q").exit_code == 0
    # Rewriting a baseline records every finding, not only the ones new since the old one.
    again = run("a.md", "--baseline", "numcheck-baseline.json", "--write-baseline", "again.json")
    assert again.exit_code == 0 and "wrote 2 findings" in again.stderr
    assert (tmp_path / "again.json").read_text() == (tmp_path / "numcheck-baseline.json").read_text()
    write(tmp_path / "a.md", "New first line.\n\nIt rose 140% on Thursday.\nAnd 180% later.\n")
    result = run("a.md", "--baseline", "numcheck-baseline.json", "-f", "concise")
    assert result.stdout == "a.md:4:5: NC401 [error] 180% is more than the whole\n"
    assert result.exit_code == 1
    bad = run("a.md", "--baseline", "missing.json")
    assert bad.exit_code == 2 and "missing.json" in bad.stderr


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_changed_since(run, tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "t")
    write(tmp_path / "a.md", "Old 140% line.\nOld Thursday line.\n")
    _git(tmp_path, "add", "a.md")
    _git(tmp_path, "commit", "-qm", "start")
    write(tmp_path / "a.md", "Old 140% line.\nOld Thursday line.\nNew 190% line.\n")
    write(tmp_path / "b.md", "Untracked 150%.\n")
    result = run("a.md", "b.md", "-f", "concise", "--changed-since", "HEAD")
    assert result.stdout.splitlines() == [
        "a.md:3:5: NC401 [error] 190% is more than the whole",
        "b.md:1:11: NC401 [error] 150% is more than the whole",
    ]
    bad = run("a.md", "--changed-since", "nope")
    assert bad.exit_code == 2 and "unknown revision 'nope'" in bad.stderr


# --- formats ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "jsonl", "sarif", "github"])
def test_every_format_runs_and_is_deterministic(run, tmp_path: Path, fmt: str) -> None:
    write(tmp_path / "a.md", MIXED)
    first, second = run("a.md", "-f", fmt), run("a.md", "--output-format", fmt)
    assert first.exit_code == 1 and first.stdout == second.stdout and first.stdout


def test_json_validates_against_shipped_schema(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", MIXED)
    result = run("a.md", "missing.md", "-f", "json")
    doc = json.loads(result.stdout)
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(doc)
    assert doc["summary"]["unreadable"][0]["path"] == "missing.md"
    assert "Found 3 problems" in result.stderr  # summaries go to stderr for machine formats


def test_quiet_machine_format_writes_nothing_to_stderr(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", MIXED)
    assert run("a.md", "-f", "sarif", "-q").stderr == ""


def test_colour_order(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", MIXED)
    assert "\x1b[" not in run("a.md").stdout  # not a terminal
    assert "\x1b[" in run("a.md", "--color", "always").stdout
    assert "\x1b[" in run("a.md", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run("a.md", env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in run("a.md", "--color", "always", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in run("a.md", "--color", "never", env={"FORCE_COLOR": "1"}).stdout


def test_use_color_function() -> None:
    assert cli.use_color(cli.Color.auto, {}, True) is True
    assert cli.use_color(cli.Color.auto, {}, False) is False
    assert cli.use_color(cli.Color.auto, {"FORCE_COLOR": "0"}, False) is False


# --- other commands ---------------------------------------------------------------


def test_rules_and_explain(run) -> None:
    listing = run("rules")
    assert listing.exit_code == 0
    lines = listing.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["NC001", "NC002", "NC301", "NC401", "NC402"]
    assert "NC401  error    share-above-whole" in listing.stdout
    as_json = json.loads(run("rules", "--format", "json").stdout)
    assert as_json[3] == {
        "code": "NC401",
        "name": "share-above-whole",
        "severity": "error",
        "summary": "A share above 100%.",
    }
    explained = run("explain", "nc401")
    assert explained.exit_code == 0
    assert explained.stdout.startswith("NC401 share-above-whole (error)\n\nA share above 100%.\n")
    assert "  - It rose to 140% of all staff.\n" + " " * 15 + "^^^^\n" in explained.stdout  # marked, no tags
    assert "It was 40% of all staff." in explained.stdout
    missing = run("explain", "NC999")
    assert missing.exit_code == 2 and "no rule 'NC999'" in missing.stderr


def test_facts_json_in_a_pipe(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "A 12% rise.\n")
    result = run("facts", "a.md")
    doc = json.loads(result.stdout)
    assert doc["version"] == 1
    assert doc["files"][0]["facts"][0]["text"] == "12%" and doc["files"][0]["facts"][0]["value"] == 12
    table = run("facts", "a.md", "--format", "table")
    assert "Facts in a.md" in table.stdout and "12%" in table.stdout
    assert run("facts", "a.md", "nope.md").exit_code == 2


def test_version_and_help(run) -> None:
    assert run("--version").stdout == f"numcheck {numcheck.__version__}\n"
    helped = run("--help")
    assert helped.exit_code == 0 and "explain" in helped.stdout and "lists its options" in helped.stdout
    checked = run("check", "--help")
    words = " ".join(checked.stdout.split())
    assert checked.exit_code == 0 and "--changed-since" in words and "numcheck explain CODE" in words


def test_ctrl_c_is_one_line_and_130() -> None:
    """A real process blocked on stdin gets SIGINT: one line on stderr, status 130."""
    import signal
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "numcheck", "facts", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        # Wait until it is blocked reading stdin: a fixed sleep sent the signal during start-up on a
        # loaded machine, and the interrupt of an import is no test of the message.
        from test_robust import _wait_until_reading

        _wait_until_reading(proc)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert err.decode() == "numcheck: interrupted\n" and out == b""


def test_machine_formats_do_not_import_rich() -> None:
    """rich is for the text report only; a concise or json run must not pay for importing it."""
    import sys

    root = Path(__file__).resolve().parents[1]
    code = (
        "import sys, atexit\n"
        "from numcheck.cli import main\n"
        "atexit.register(lambda: sys.stderr.write('RICH=%s\\n' % any(m == 'rich' or m.startswith('rich.') for m in sys.modules)))\n"
        "main(sys.argv[1:])\n"
    )
    for fmt, expected in (("concise", False), ("json", False), ("text", True)):
        proc = subprocess.run(
            [sys.executable, "-c", code, "examples/draft.md", "-f", fmt, "-q", "--no-config"],
            cwd=root,
            capture_output=True,
            text=True,
        )
        assert proc.returncode in (0, 1), proc.stderr
        assert f"RICH={expected}" in proc.stderr  # text does import it: the probe works


def test_console_script_and_module_agree(tmp_path: Path) -> None:
    """The installed `numcheck` script and `python -m numcheck` are the same command."""
    import sys

    script = Path(sys.executable).parent / "numcheck"
    if not script.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    draft = Path(__file__).resolve().parents[1] / "examples" / "draft.md"
    args = [str(draft), "-f", "concise", "--no-config", "--date", "2025-03-04"]
    a = subprocess.run([str(script), *args], capture_output=True, cwd=tmp_path)
    b = subprocess.run([sys.executable, "-m", "numcheck", *args], capture_output=True, cwd=tmp_path)
    assert a.returncode == b.returncode == 1
    assert a.stdout == b.stdout and a.stdout.count(b"\n") >= 1


def test_a_command_line_run_ends_with_its_report_whole_and_its_exit_work_done(tmp_path: Path) -> None:
    """``main()`` on the process's own command line ends the process without the interpreter's
    shutdown: the report must still arrive whole (here far more than a pipe holds), the at-exit
    functions must run (the start-up cache is saved there), and the status be the same."""
    import sys

    text = tmp_path / "long.txt"
    text.write_text(
        "".join(
            f"Of the {200 + i} staff, {150 + i} (90%) voted, up from {100 + i} in {1990 + i % 30}.\n"
            for i in range(400)
        ),
        encoding="utf-8",
    )
    probe = (
        "import sys, atexit\nfrom numcheck.cli import main\natexit.register(lambda: sys.stderr.write('AT-EXIT\\n'))\n"
    )
    args = [str(text), "-f", "json", "--no-config", "-q"]
    runs = [
        subprocess.run([sys.executable, "-c", probe + call, *args], capture_output=True, cwd=tmp_path)
        for call in ("main()\n", "main(sys.argv[1:])\n")  # the own command line; a caller's argv (exits as usual)
    ]
    own, called = runs
    assert own.returncode == called.returncode == 1
    assert len(own.stdout) > 200_000 and own.stdout == called.stdout
    assert own.stderr == called.stderr == b"AT-EXIT\n"
