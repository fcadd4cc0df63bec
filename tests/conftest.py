"""Shared pytest options: ``--update-golden`` rewrites tests/golden/* from the current output."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files in tests/golden/ from the current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# --- temporary directories deeper than the recursion limit ------------------------
#
# pytest removes old tmp_path directories with a recursive rmtree, which raises
# RecursionError on a tree deeper than Python's recursion limit (test_files.py
# builds one on purpose) and turns a green run into an internal error. Before
# pytest's own clean-up, cut such trees down without recursion.

_DEPTH_LIMIT = 200


def _remove_tree(top: str) -> None:
    """Delete ``top`` and everything under it with an explicit stack."""
    import os

    dirs: list[str] = []
    stack = [top]
    while stack:
        current = stack.pop()
        dirs.append(current)
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    os.unlink(entry.path)
    for d in reversed(dirs):
        os.rmdir(d)


def _prune_deep_trees(root: str) -> None:
    import os

    stack = [(root, 0)]
    while stack:
        current, depth = stack.pop()
        if depth >= _DEPTH_LIMIT:
            _remove_tree(current)
            continue
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, depth + 1))


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    factory = getattr(session.config, "_tmp_path_factory", None)
    basetemp = getattr(factory, "_basetemp", None)
    if basetemp is None or getattr(factory, "_given_basetemp", None) is not None:
        return  # no tmp_path used, or --basetemp given: pytest cleans nothing else
    try:
        _prune_deep_trees(str(basetemp.parent))
    except OSError:
        pass  # best effort, like pytest's own clean-up


# --- the console-script entry point -------------------------------------------------


@pytest.fixture
def main(monkeypatch: pytest.MonkeyPatch):
    """Run ``numcheck.cli.main(args)`` (the installed ``numcheck`` command) in ``cwd``: (status, stdout, stderr)."""
    import io
    from contextlib import redirect_stderr, redirect_stdout
    from pathlib import Path

    for var in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "100")

    def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
        from numcheck import cli

        if cwd is not None:
            monkeypatch.chdir(cwd)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                cli.main(list(args))
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 0
            else:
                code = 0
        return code, out.getvalue(), err.getvalue()

    return run
