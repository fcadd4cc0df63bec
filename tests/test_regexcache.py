"""The compiled-pattern cache rebuilds exactly the pattern ``re.compile`` builds, or stays out of the way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from numcheck import regexcache

PATTERNS = [
    (r"(?<![\w$])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<f>\d+))?", 0),
    (r"\b(?:twenty|thirty|forty)(?:-(?:one|two|three))?\b", re.I),
    (r"(?x) (?P<a>a+) \s* (?P=a)  # verbose, with a back-reference", 0),
    (r"[^\S\n]+(?:per[^\S\n]?cent|%)", re.I | re.M),
]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache folder and module state as at a new start."""
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_entries", None)
    monkeypatch.setattr(regexcache, "_used", {})
    monkeypatch.setattr(regexcache, "_dirty", False)
    monkeypatch.setattr(regexcache.atexit, "register", lambda fn: None)
    return tmp_path


def _new_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "_entries", None)
    monkeypatch.setattr(regexcache, "_used", {})
    monkeypatch.setattr(regexcache, "_dirty", False)


def test_a_pattern_read_back_from_the_file_equals_a_fresh_compile(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        assert regexcache.compile(pattern, flags) == re.compile(pattern, flags)
    regexcache._save()
    assert len(list(fresh.glob("regex-*.marshal"))) == 1
    _new_start(monkeypatch)
    calls: list[str] = []
    real = re.compile
    monkeypatch.setattr(regexcache.re, "compile", lambda p, f=0: calls.append(p) or real(p, f))
    for pattern, flags in PATTERNS:
        rx = regexcache.compile(pattern, flags)
        assert rx == real(pattern, flags)
        assert rx.groupindex == real(pattern, flags).groupindex
    assert calls == []  # every one came from the file


def test_matches_are_the_same(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = PATTERNS[0]
    regexcache.compile(pattern, flags)
    regexcache._save()
    _new_start(monkeypatch)
    text = "Sales of 1,250.5 units and 42 more, not $7."
    got = [(m.span(), m.groupdict()) for m in regexcache.compile(pattern, flags).finditer(text)]
    want = [(m.span(), m.groupdict()) for m in re.compile(pattern, flags).finditer(text)]
    assert got == want and len(got) == 2


def test_a_corrupt_file_is_a_miss(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regexcache.compile(*PATTERNS[1])
    regexcache._save()
    (path,) = fresh.glob("regex-*.marshal")
    path.write_bytes(b"\x00not marshal")
    _new_start(monkeypatch)
    assert regexcache.compile(*PATTERNS[1]) == re.compile(*PATTERNS[1])


def test_an_empty_folder_name_turns_the_cache_off(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", "")
    assert regexcache.compile(*PATTERNS[2]) == re.compile(*PATTERNS[2])
    regexcache._save()
    assert list(fresh.iterdir()) == []
