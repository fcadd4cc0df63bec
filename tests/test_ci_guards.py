"""CI never passes silently: each guard driven through the installed entry point (``python -m numcheck``).

Every case runs the real command in a scratch folder (a scratch git
repository where git matters), with the real extractor and rules, and looks at
the exit status and at what stdout and stderr say.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# A sentence of our own that the bundled rules flag (NC207: 20,000 to 25,000 is a rise of 25%).
BAD = "Ticket sales rose from 20,000 to 25,000, a rise of 30%."
BAD2 = "Membership fell by 10% from 400 to 300 over the winter."
BAD3 = "Visitors rose from 50 to 60, a rise of 40%."
CLEAN = "The meeting ran long and nobody minded."

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def numcheck(cwd: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, with no config from above the scratch folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["COLUMNS"] = "100"
    return subprocess.run(
        [sys.executable, "-m", "numcheck", *args],
        cwd=cwd,
        env=env,
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def write(path: Path, *lines: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository on branch main, with a committer and a stop for config discovery."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "editor@example.org")
    git(root, "config", "user.name", "Editor")
    git(root, "config", "commit.gpgsign", "false")
    return root


def concise_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.strip()]


# --- --changed-since ---------------------------------------------------------------


@needs_git
def test_changed_since_uses_the_merge_base(repo: Path) -> None:
    """Lines main changed after the branch left it are not the branch's lines."""
    write(repo / "a.md", BAD, "", BAD2, "", CLEAN)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "feature")
    git(repo, "checkout", "-q", "main")
    write(repo / "a.md", BAD, "", CLEAN, "", CLEAN)  # main fixes line 3 later
    git(repo, "commit", "-qam", "main moves on")
    git(repo, "checkout", "-q", "feature")
    write(repo / "a.md", BAD, "", BAD2, "", CLEAN, "", BAD3)  # the branch adds line 7
    git(repo, "commit", "-qam", "feature work")

    result = numcheck(repo, "a.md", "--no-config", "-f", "concise", "--changed-since", "main")
    assert result.returncode == 1, result.stderr
    assert [line.split(": ")[0] for line in concise_lines(result)] == ["a.md:7:40"]

    # A...B is git diff A...B: committed changes only, so an uncommitted line does not count...
    write(repo / "a.md", BAD, "", BAD2, "", CLEAN, "", BAD3, "", BAD)
    three_dot = numcheck(repo, "a.md", "--no-config", "-f", "concise", "--changed-since", "main...HEAD")
    assert [line.split(":")[1] for line in concise_lines(three_dot)] == ["7"]
    # ...while REF alone also counts the working tree.
    plain = numcheck(repo, "a.md", "--no-config", "-f", "concise", "--changed-since", "main")
    assert [line.split(":")[1] for line in concise_lines(plain)] == ["7", "9"]

    bad = numcheck(repo, "a.md", "--no-config", "--changed-since", "main...nope")
    assert bad.returncode == 2 and "unknown revision 'nope'" in bad.stderr


# --- configuration that cannot be read -------------------------------------------------


def test_broken_tool_numcheck_header_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]", 'name = "draft"', "", "[tool.numcheck", 'select = ["NC2"]')
    write(tmp_path / "a.md", BAD)
    result = numcheck(tmp_path, "a.md")
    assert result.returncode == 2
    assert f"{tmp_path / 'pyproject.toml'}: line 4, column 15: invalid TOML" in result.stderr


def test_broken_pyproject_of_another_tool_is_not_ours(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project", 'name = "draft"')
    write(tmp_path / "a.md", BAD)
    result = numcheck(tmp_path, "a.md", "-f", "concise")
    assert result.returncode == 1 and "NC207" in result.stdout


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("numcheck.toml", b"select = [\n", "line 1, at the end of the file: invalid TOML"),
        (".numcheck.toml", b"select = ['NC2'] # caf\xe9\n", "not UTF-8 text"),
        ("pyproject.toml", b"[tool.numcheck]\nselect = 'NC2\n", "line 2, at the end of the file: invalid TOML"),
    ],
)
def test_unreadable_config_names_the_file(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    write(tmp_path / "a.md", BAD)
    result = numcheck(tmp_path, "a.md")
    assert result.returncode == 2
    assert f"configuration error: {tmp_path / name}: {reason}" in result.stderr


# --- what gets checked: named, excluded, empty, unmatched -------------------------------


def test_named_file_excluded_by_config_is_checked_unless_force_exclude(tmp_path: Path) -> None:
    write(tmp_path / "numcheck.toml", 'exclude = ["drafts"]')
    write(tmp_path / "drafts" / "a.md", BAD)
    named = numcheck(tmp_path, "drafts/a.md", "-f", "concise")
    assert named.returncode == 1 and named.stdout.startswith("drafts/a.md:1:")
    forced = numcheck(tmp_path, "drafts/a.md", "-f", "concise", "--force-exclude")
    assert forced.returncode == 0 and forced.stdout == ""
    assert "no files to check: every path given is excluded (--force-exclude)" in forced.stderr


@pytest.mark.parametrize(
    ("setup", "arg", "reason"),
    [
        ("empty", "docs", "docs: no files to check: nothing here matches the include patterns"),
        ("code-only", "docs", "docs: no files to check: nothing here matches the include patterns"),
        ("all-excluded", "docs", "docs: no files to check: nothing here matches the include patterns"),
        ("code-only", "docs/*.md", "docs/*.md: no files match this pattern"),
        ("all-excluded", "docs/*.md", "docs/*.md: no files to check match this pattern"),
    ],
)
def test_nothing_to_check_is_exit_2_naming_the_path(tmp_path: Path, setup: str, arg: str, reason: str) -> None:
    (tmp_path / "docs").mkdir()
    if setup == "code-only":
        write(tmp_path / "docs" / "build.py", "x = 1")
    if setup == "all-excluded":
        write(tmp_path / "numcheck.toml", 'exclude = ["old-*"]')
        write(tmp_path / "docs" / "old-a.md", BAD)
    write(tmp_path / "b.md", CLEAN)
    result = numcheck(tmp_path, arg, "b.md")
    assert result.returncode == 2, result.stderr
    assert reason in result.stderr
    assert "No problems found in 1 file" in result.stdout  # the other path is still checked and said


@needs_git
def test_directory_walk_respects_gitignore(repo: Path) -> None:
    write(repo / ".gitignore", "build/", "*.draft.md")
    write(repo / "docs" / "a.md", CLEAN)
    write(repo / "docs" / "b.draft.md", BAD)
    write(repo / "docs" / "build" / "c.md", BAD2)
    walked = numcheck(repo, "docs", "--no-config", "-f", "concise")
    assert walked.returncode == 0 and walked.stdout == "", walked.stdout
    assert "No problems found in 1 file." in walked.stderr
    everything = numcheck(repo, "docs", "--no-config", "-f", "concise", "--no-respect-gitignore")
    assert [line.split(":")[0] for line in concise_lines(everything)] == ["docs/b.draft.md", "docs/build/c.md"]
    # A file or folder named outright is checked: .gitignore decides only what a walk finds.
    named = numcheck(repo, "docs/b.draft.md", "docs/build", "--no-config", "-f", "concise")
    assert [line.split(":")[0] for line in concise_lines(named)] == ["docs/b.draft.md", "docs/build/c.md"]
    globbed = numcheck(repo, "docs/*.md", "--no-config", "-f", "concise")
    assert globbed.returncode == 0 and globbed.stdout == ""


# --- baselines ------------------------------------------------------------------------

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "numcheck" / "schema" / "report-v1.json"


def _baseline_project(root: Path) -> None:
    write(root / "docs" / "a.md", BAD, "", BAD2)
    write(root / "docs" / "guide" / "b.md", BAD3)


@needs_git
def test_baseline_paths_are_relative_to_the_git_root(repo: Path) -> None:
    _baseline_project(repo)
    wrote = numcheck(repo, "docs/", "--no-config", "--write-baseline", "b.json")
    assert wrote.returncode == 0 and "wrote 3 findings to b.json" in wrote.stderr
    recorded = json.loads((repo / "b.json").read_text(encoding="utf-8"))["findings"]
    assert sorted({e["path"] for e in recorded}) == ["docs/a.md", "docs/guide/b.md"]

    for cwd, args in [
        (repo / "docs", [".", "--baseline", "../b.json"]),
        (repo / "docs" / "guide", ["..", "--baseline", str(repo / "b.json")]),
        (repo, [str(repo / "docs"), "--baseline", "b.json"]),
        (repo / "docs", ["a.md", "guide/b.md", "--baseline", "../b.json"]),
    ]:
        result = numcheck(cwd, *args, "--no-config", "-f", "concise")
        assert (result.returncode, result.stdout) == (0, ""), (cwd, args, result.stdout)
        assert "hid 3 findings." in result.stderr
        assert "matched nothing" not in result.stderr


def test_baseline_paths_are_relative_to_the_config_folder(tmp_path: Path) -> None:
    write(tmp_path / "numcheck.toml", 'fail-on = "error"')
    _baseline_project(tmp_path)
    assert numcheck(tmp_path, "docs", "--write-baseline", "b.json").returncode == 0
    result = numcheck(tmp_path / "docs" / "guide", "b.md", "--baseline", "../../b.json", "-f", "concise")
    assert (result.returncode, result.stdout) == (0, "")
    assert "Baseline ../../b.json hid 1 finding." in result.stderr


@needs_git
def test_baseline_says_what_it_hid_and_which_entries_are_stale(repo: Path) -> None:
    _baseline_project(repo)
    assert numcheck(repo, "docs", "--no-config", "--write-baseline", "b.json").returncode == 0
    # Fix one problem, add a new one, and delete a file the baseline knew.
    write(repo / "docs" / "a.md", CLEAN, "", BAD2, "", BAD3)
    (repo / "docs" / "guide" / "b.md").unlink()
    (repo / "docs" / "guide").rmdir()
    result = numcheck(repo, "docs", "--no-config", "-f", "concise", "--baseline", "b.json")
    assert result.returncode == 1
    assert [line.split(":")[:2] for line in concise_lines(result)] == [["docs/a.md", "5"]]
    assert "Baseline b.json hid 1 finding." in result.stderr
    assert "2 baseline entries matched nothing" in result.stderr
    assert "  docs/a.md: NC207 From 20,000 to 25,000 is a rise of 25%, not 30%." in result.stderr
    assert "  docs/guide/b.md: NC207" in result.stderr

    as_json = numcheck(repo, "docs", "--no-config", "-f", "json", "--quiet", "--baseline", "b.json")
    doc = json.loads(as_json.stdout)
    import jsonschema

    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    assert doc["summary"]["baseline"]["hidden"] == 1
    assert [(e["path"], e["code"]) for e in doc["summary"]["baseline"]["stale"]] == [
        ("docs/a.md", "NC207"),
        ("docs/guide/b.md", "NC207"),
    ]
    assert as_json.stderr == ""  # --quiet: the record is in the JSON, nothing on stderr


# --- files that cannot be read: a record in every machine format -------------------------


def _unreadable_inputs(root: Path) -> None:
    write(root / "docs" / "a.md", BAD)
    (root / "docs" / "binary.txt").write_bytes(b"\x00\x01\x02\x03PNG")
    (root / "docs" / "latin1.md").write_bytes("Prices rose 5% at the caf\xe9.".encode("latin-1"))


def _sub_schema(name: str) -> dict[str, object]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}


def test_unreadable_files_have_a_record_in_every_machine_format(tmp_path: Path) -> None:
    import jsonschema

    _unreadable_inputs(tmp_path)
    args = ("docs", "--no-config", "--quiet")
    reasons = {"docs/binary.txt": "binary data", "docs/latin1.md": "invalid UTF-8"}

    as_json = numcheck(tmp_path, *args, "-f", "json")
    assert as_json.returncode == 2
    doc = json.loads(as_json.stdout)
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    got = {u["path"]: u["reason"] for u in doc["summary"]["unreadable"]}
    assert set(got) == set(reasons) and all(reasons[p] in got[p] for p in reasons)

    as_jsonl = numcheck(tmp_path, *args, "-f", "jsonl")
    assert as_jsonl.returncode == 2
    lines = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    unreadable = [line for line in lines if "reason" in line]
    assert {u["path"] for u in unreadable} == set(reasons)
    for u in unreadable:
        jsonschema.Draft202012Validator(_sub_schema("jsonl_unreadable")).validate(u)
        assert reasons[u["path"]] in u["reason"]
    findings = [line for line in lines if "code" in line]
    assert [f["path"] for f in findings] == ["docs/a.md"]
    jsonschema.Draft202012Validator(_sub_schema("jsonl_finding")).validate(findings[0])
    # In path order: the records sit at their files' places in the stream.
    assert [line["path"] for line in lines] == ["docs/a.md", "docs/binary.txt", "docs/latin1.md"]

    as_sarif = numcheck(tmp_path, *args, "-f", "sarif")
    assert as_sarif.returncode == 2
    invocation = json.loads(as_sarif.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    uris = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes]
    assert uris == ["docs/binary.txt", "docs/latin1.md"]
    assert all(n["level"] == "error" for n in notes)
    assert "binary data" in notes[0]["message"]["text"] and "invalid UTF-8" in notes[1]["message"]["text"]

    as_github = numcheck(tmp_path, *args, "-f", "github")
    assert as_github.returncode == 2
    errors = [line for line in as_github.stdout.splitlines() if line.startswith("::error file=docs/")]
    assert any(line.startswith("::error file=docs/binary.txt,") and "binary data" in line for line in errors)
    assert any(line.startswith("::error file=docs/latin1.md,") and "invalid UTF-8" in line for line in errors)
