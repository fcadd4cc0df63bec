"""The static checks .ci/run applies to src/ (mypy --strict), in the suite, so a branch sees them before main does.

ruff has its own lines in .ci/run and in every merge recipe; mypy is the one
that a test run would otherwise miss. Configuration: [tool.mypy] in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_strict_passes_on_src(monkeypatch: pytest.MonkeyPatch) -> None:
    # A failure, not a skip: CI runs mypy, so a test run without it would pass what CI refuses.
    try:
        from mypy import api
    except ImportError:
        pytest.fail("mypy is in the test extra but not installed: pip install -e '.[test]'")
    monkeypatch.chdir(ROOT)  # [tool.mypy] files = ["src/numcheck"]
    out, err, status = api.run([])
    assert status == 0, f"mypy (as .ci/run runs it) found problems:\n{out}{err}"
