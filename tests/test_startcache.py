"""The start-up cache rebuilds exactly what ``re.compile`` and ``tomllib`` build, or stays out of the way."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from numcheck import startcache

PATTERNS = [
    (r"(?<![\w$])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<f>\d+))?", 0),
    (r"\b(?:twenty|thirty|forty)(?:-(?:one|two|three))?\b", re.I),
    (r"(?x) (?P<a>a+) \s* (?P=a)  # verbose, with a back-reference", 0),
    (r"[^\S\n]+(?:per[^\S\n]?cent|%)", re.I | re.M),
]

TOML = """\
title = "sample"
ratio = 0.250
tiny = 1e-3
when = 2015-03-09
stamp = 2015-03-09T10:30:00+01:00
clock = 07:45:00
[words]
dozen = { value = 12, unit = "each" }
list = [1.5, "two", [3, 4.0], { nested = 0.1 }]
"""


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache folder and stores as at a new start."""
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path))
    _new_start(monkeypatch)
    monkeypatch.setattr(startcache.atexit, "register", lambda fn: None)
    return tmp_path


def _new_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startcache, "_REGEX", startcache._Store("regex", 2000))
    monkeypatch.setattr(startcache, "_TOML", startcache._Store("toml", 200))


def test_a_pattern_read_back_from_the_file_equals_a_fresh_compile(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        assert startcache.compile(pattern, flags) == re.compile(pattern, flags)
    startcache._REGEX.save()
    assert len(list(fresh.glob("regex-*.marshal"))) == 1
    _new_start(monkeypatch)
    calls: list[str] = []
    real = re.compile
    monkeypatch.setattr(startcache.re, "compile", lambda p, f=0: calls.append(p) or real(p, f))
    for pattern, flags in PATTERNS:
        rx = startcache.compile(pattern, flags)
        assert rx == real(pattern, flags)
        assert rx.groupindex == real(pattern, flags).groupindex
    assert calls == []  # every one came from the file


def test_matches_are_the_same(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = PATTERNS[0]
    startcache.compile(pattern, flags)
    startcache._REGEX.save()
    _new_start(monkeypatch)
    text = "Sales of 1,250.5 units and 42 more, not $7."
    got = [(m.span(), m.groupdict()) for m in startcache.compile(pattern, flags).finditer(text)]
    want = [(m.span(), m.groupdict()) for m in re.compile(pattern, flags).finditer(text)]
    assert got == want and len(got) == 2


def test_a_corrupt_file_is_a_miss(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    startcache.compile(*PATTERNS[1])
    startcache._REGEX.save()
    (path,) = fresh.glob("regex-*.marshal")
    path.write_bytes(b"\x00not marshal")
    _new_start(monkeypatch)
    assert startcache.compile(*PATTERNS[1]) == re.compile(*PATTERNS[1])


def test_an_empty_folder_name_turns_the_cache_off(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", "")
    assert startcache.compile(*PATTERNS[2]) == re.compile(*PATTERNS[2])
    assert startcache.toml(TOML) == tomllib.loads(TOML)
    startcache._REGEX.save()
    startcache._TOML.save()
    assert list(fresh.iterdir()) == []


@pytest.mark.parametrize("decimal", [False, True])
def test_toml_read_back_from_the_file_is_what_tomllib_reads(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, decimal: bool
) -> None:
    want = tomllib.loads(TOML, parse_float=Decimal) if decimal else tomllib.loads(TOML)
    assert startcache.toml(TOML, decimal=decimal) == want
    startcache._TOML.save()
    _new_start(monkeypatch)
    monkeypatch.setattr(tomllib, "loads", lambda *a, **k: pytest.fail("parsed again"))
    got = startcache.toml(TOML, decimal=decimal)
    # Same values and the same types (a Decimal stays "0.250", a date stays a date).
    assert got == want and repr(got) == repr(want)
    got["words"]["dozen"]["value"] = 13  # each call gets its own objects
    assert startcache.toml(TOML, decimal=decimal)["words"]["dozen"]["value"] == 12


def test_a_toml_entry_of_another_layout_is_a_miss(fresh: Path) -> None:
    """An earlier version stored the document itself; such an entry is parsed again, not returned."""
    startcache._TOML.put((TOML, False), {"title": "stale"})
    assert startcache.toml(TOML) == tomllib.loads(TOML)


def test_toml_that_does_not_parse_raises_as_tomllib_does(fresh: Path) -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        startcache.toml("key = = 1")
    with pytest.raises(tomllib.TOMLDecodeError):
        startcache.toml("key = = 1")


def test_a_second_start_finds_everything_in_the_cache(tmp_path: Path) -> None:
    """Every pattern numcheck builds is the same string on every start (no set order in it), so a
    second run compiles and parses nothing new and leaves the files as they were."""
    import os
    import subprocess
    import sys

    text = tmp_path / "a.txt"
    text.write_text(
        "On Monday, 3 June 2019, some 40 staff (12% of the firm) lost £3.2m; sales rose 5% to 1,200 units "
        "in the third quarter, two days after the vote. The 10km race took 2 hours and 15 minutes.\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    env["NUMCHECK_CACHE_DIR"] = str(cache)

    def run(seed: str) -> dict[str, bytes]:
        done = subprocess.run(
            [sys.executable, "-m", "numcheck", "--no-config", str(text)],
            env={**env, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
        )
        assert done.returncode in (0, 1), done.stderr
        return {p.name: p.read_bytes() for p in sorted(cache.iterdir())}

    first = run("1")
    assert {name.split("-")[0] for name in first} == {"regex", "toml", "code", "rules", "phrases"}
    assert run("2") == first  # another string hash order: nothing new to store


def _probe_classes(module_name: str) -> list[type]:
    """Dataclasses of every shape numcheck uses, made as if defined in ``module_name``."""
    import types

    module = types.ModuleType(module_name)
    sys_modules = __import__("sys").modules
    sys_modules[module_name] = module
    try:
        source = (
            "import dataclasses\n"
            "from decimal import Decimal\n"
            "@dataclasses.dataclass(frozen=True, slots=True)\n"
            "class Figure:\n"
            "    start: int\n"
            "    value: Decimal = Decimal('1.5')\n"
            "    words: tuple = dataclasses.field(default_factory=tuple)\n"
            "@dataclasses.dataclass(frozen=True, order=True)\n"
            "class Ranked:\n"
            "    rank: int\n"
            "    name: str = dataclasses.field(default='', compare=False)\n"
            "@dataclasses.dataclass\n"
            "class Loose:\n"
            "    items: list = dataclasses.field(default_factory=list)\n"
        )
        exec(compile(source, module_name, "exec", dont_inherit=True), module.__dict__)
    finally:
        del sys_modules[module_name]
    return [module.Figure, module.Ranked, module.Loose]


def _methods(cls: type) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, fn in vars(cls).items():
        fn = getattr(fn, "__wrapped__", fn)
        code = getattr(fn, "__code__", None)
        if code is not None:
            out[name] = (code, fn.__defaults__, fn.__kwdefaults__, fn.__annotations__, fn.__qualname__)
    return out


def test_dataclass_methods_from_the_cache_are_what_dataclasses_compiles(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    import numcheck

    assert vars(dataclasses)["exec"] is numcheck._dataclass_exec  # installed by `import numcheck`
    monkeypatch.setattr(startcache, "_CODE", startcache._Store("code", 2000))
    first = _probe_classes("numcheck._probe")
    startcache._CODE.save()
    assert len(list(fresh.glob("code-*.marshal"))) == 1
    monkeypatch.setattr(startcache, "_CODE", startcache._Store("code", 2000))
    again = _probe_classes("numcheck._probe")
    # Every method came from the file: nothing compiled, nothing new to store.
    assert startcache._CODE.used and not startcache._CODE.dirty
    monkeypatch.delattr(dataclasses, "exec")  # dataclasses as the standard library ships it
    plain = _probe_classes("numcheck._probe")
    for a, b, c in zip(first, again, plain, strict=True):
        assert _methods(a) == _methods(b) == _methods(c) != {}
    fig, ranked, loose = again
    assert fig(3) == fig(3) and hash(fig(3)) == hash(fig(3)) and repr(fig(3)) == repr(plain[0](3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fig(3).start = 4  # type: ignore[misc]
    assert ranked(1, "b") < ranked(2, "a") and loose().items == []


def test_other_modules_dataclasses_are_compiled_as_without_numcheck(monkeypatch: pytest.MonkeyPatch) -> None:
    """A class outside numcheck never reaches the cache, and gets real annotation objects,
    not the strings this package's ``from __future__ import annotations`` would give it."""
    import dataclasses

    import numcheck  # noqa: F401

    monkeypatch.setattr(startcache, "code", lambda source: pytest.fail("a user's class reached the cache"))
    hooked = _probe_classes("someone_else")
    point = dataclasses.make_dataclass("Point", [("x", int), ("y", float)], frozen=True)
    monkeypatch.delattr(dataclasses, "exec")
    plain = _probe_classes("someone_else")
    for a, c in zip(hooked, plain, strict=True):
        assert _methods(a) == _methods(c) != {}
    assert point.__init__.__annotations__ == {"x": int, "y": float, "return": None}


def test_a_phrase_table_read_back_from_the_file_equals_a_fresh_build(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from numcheck import vocab

    monkeypatch.setattr(startcache, "_PHRASES", startcache._Store("phrases", 400))
    items = [("death toll", "death"), ("a rise of", "up"), ("toll", "death"), ("Rose's", "name")]
    built = vocab.PhraseTable.build(items)
    startcache._PHRASES.save()
    monkeypatch.setattr(startcache, "_PHRASES", startcache._Store("phrases", 400))
    monkeypatch.setattr(vocab, "words_of", lambda phrase: pytest.fail("tokenized a table the cache holds"))
    assert vocab.PhraseTable.build(iter(items)) == built
    # Another vocab.py (the tokenizer or the build changed) is another key: built afresh.
    monkeypatch.setattr(vocab, "_SOURCE", (0, 0))
    with pytest.raises(pytest.fail.Exception):
        vocab.PhraseTable.build(items)
