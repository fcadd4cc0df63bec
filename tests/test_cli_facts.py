"""``numcheck facts`` as a table people can read, at 80 and at 60 columns (through the command)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "examples/draft.md"


@pytest.fixture
def facts(main, monkeypatch: pytest.MonkeyPatch):
    def run(columns: int) -> tuple[str, list[dict]]:
        monkeypatch.setenv("COLUMNS", str(columns))
        status, table, err = main("facts", DRAFT, "-f", "table", "--color", "never", cwd=ROOT)
        assert status == 0, err
        status, out, err = main("facts", DRAFT, "-f", "json", cwd=ROOT)
        return table, json.loads(out)["files"][0]["facts"]

    return run


@pytest.mark.parametrize("columns", [80, 60])
def test_every_fact_is_readable_and_nothing_vanishes(facts, columns: int) -> None:
    table, rows = facts(columns)
    lines = table.splitlines()
    assert all(len(line) <= columns for line in lines), max(lines, key=len)
    flat = " ".join(" ".join(lines).split())
    for row in rows:
        where = f"{row['line']}:{row['column']}"
        # Each position starts a line; kinds and intervals are never broken across lines.
        assert any(line.split()[:1] == [where] for line in lines), where
        assert row["kind"] in flat
        if row["low"] is not None and row["high"] is not None:
            assert any(line.count("[") == line.count("]") and "[" in line for line in lines)
        if row["subject"]:
            # In the table a subject may wrap within its column: every word of it is shown.
            assert set(row["subject"].split()) <= set(flat.split()), row["subject"]


def test_at_80_columns_it_is_a_table_with_whole_values(facts) -> None:
    table, _ = facts(80)
    header = table.splitlines()[1].split()
    assert header == ["line:col", "text", "kind", "value", "hedge", "interval", "subject"]
    assert "[12.35M, 12.45M]" in table and "12.4M GBP" in table  # large money figures at a glance


def test_at_60_columns_each_fact_is_a_block(facts) -> None:
    table, _ = facts(60)
    lines = table.splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("9:23 "))
    assert lines[i].split(None, 1)[1] == "£12.4 million"
    assert lines[i + 1].strip() == "money 12.4M GBP, exact, [12.35M, 12.45M]"
