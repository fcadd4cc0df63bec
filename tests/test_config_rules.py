"""Per-rule severity and per-file ignores in a config file, through the ``numcheck`` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck import config

FLAGGED = "Of the 200 members, 90 (60%) backed the new rota.\n"  # NC201, an error


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_severity_override_changes_output_and_exit_status(main, tmp_path: Path) -> None:
    write(tmp_path / "a.md", FLAGGED)
    status, out, _ = main("a.md", "-f", "concise", "-q", cwd=tmp_path)
    assert status == 1 and "NC201 [error]" in out
    # The longest prefix wins: NC2 would make it a note, NC201 makes it a warning.
    write(tmp_path / "numcheck.toml", '[severity]\nNC2 = "note"\nNC201 = "warning"\n')
    status, out, _ = main("a.md", "-f", "concise", "-q", cwd=tmp_path)
    assert status == 0 and "NC201 [warning]" in out
    status, _, _ = main("a.md", "-q", "--fail-on", "warning", cwd=tmp_path)
    assert status == 1


def test_per_file_ignores_match_relative_to_the_config_file(main, tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml", '[tool.numcheck.per-file-ignores]\n"archive/**" = ["NC2"]\n"*.rst" = ["NC201"]\n'
    )
    for name in ("archive/2019/old.md", "docs/new.md", "docs/page.rst"):
        write(tmp_path / name, FLAGGED)
    # Run from a subfolder: the globs still mean paths under the config file's folder.
    status, out, _ = main("..", "-f", "concise", "-q", cwd=tmp_path / "docs")
    assert status == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["../docs/new.md"]


@pytest.mark.parametrize(
    ("toml", "key", "reason"),
    [
        ('[severity]\nNC201 = "fatal"\n', "severity.NC201", "must be one of note, warning, error"),
        ('[severity]\n"X1" = "note"\n', "severity", "'X1' is not a rule code"),
        ('severity = "note"\n', "severity", "must be a table"),
        ('[per-file-ignores]\n"a/*" = ["NCX"]\n', "per-file-ignores.'a/*'", "not a rule code"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, toml: str, key: str, reason: str) -> None:
    write(tmp_path / "numcheck.toml", toml)
    with pytest.raises(config.ConfigError) as info:
        config.load(tmp_path / "numcheck.toml")
    assert info.value.key == key and reason in info.value.reason


def test_an_unknown_code_in_the_config_is_exit_2(main, tmp_path: Path) -> None:
    write(tmp_path / "a.md", FLAGGED)
    write(tmp_path / "numcheck.toml", '[per-file-ignores]\n"*.md" = ["NC999"]\n')
    status, _, err = main("a.md", cwd=tmp_path)
    assert status == 2 and "per-file-ignores" in err and "'NC999' matches no rule" in err
