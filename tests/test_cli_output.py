"""--output-file and --statistics through the ``numcheck`` command, with the real rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TEXT = (
    "Of the 200 members, 90 (60%) backed the new rota.\n\n"  # NC201
    "Of the 20 members, 9 (60%) backed it.\n\n"  # NC201
    "The hall opened on Tuesday, 3 March 2025.\n"  # NC301: a Monday
)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif"])
def test_output_file_holds_what_stdout_would(main, draft: Path, fmt: str) -> None:
    status, out, err = main("a.md", "--no-config", "-f", fmt, cwd=draft)
    status_file, out_file, err_file = main("a.md", "--no-config", "-f", fmt, "--output-file", "report.out", cwd=draft)
    assert status == status_file == 1
    assert out_file == "" and err_file == err
    assert (draft / "report.out").read_text(encoding="utf-8") == out


def test_output_file_that_cannot_be_written_is_exit_2(main, draft: Path) -> None:
    status, _, err = main("a.md", "--no-config", "-o", "no/such/folder/report.txt", cwd=draft)
    assert status == 2 and "cannot write no/such/folder/report.txt" in err


def test_statistics_count_findings_by_code(main, draft: Path) -> None:
    status, out, err = main("a.md", "--no-config", "--statistics", cwd=draft)
    assert status == 1
    assert out.splitlines() == ["2  NC201  [error] share-mismatch", "1  NC301  [error] weekday-mismatch"]
    assert err.startswith("Found 3 problems")
    status, out, _ = main("a.md", "--no-config", "--statistics", "-f", "json", "-q", cwd=draft)
    assert json.loads(out) == [
        {"code": "NC201", "name": "share-mismatch", "severity": "error", "count": 2},
        {"code": "NC301", "name": "weekday-mismatch", "severity": "error", "count": 1},
    ]
    status, _, err = main("a.md", "--no-config", "--statistics", "-f", "sarif", cwd=draft)
    assert status == 2 and "--statistics prints text or json" in err
