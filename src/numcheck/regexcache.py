"""Compiled regular expressions kept between runs, so a start does not recompile them.

Half of a cold start was ``re`` compiling numcheck's own patterns: the
standard library parses and compiles every pattern in Python before handing
an opcode list to its C engine (``_sre.compile``). That list depends only on
the pattern, its flags and the interpreter, so ``compile`` keeps it in one
file in the user's cache folder, keyed by all three, and the next start hands
it straight to the engine.

Safe by construction: an entry is stored only after the pattern it builds
compares equal to the one ``re.compile`` builds (``re.Pattern`` equality
compares the pattern, the flags and the opcodes), and anything unexpected (an
interpreter whose ``re`` internals differ, an unreadable or corrupt file, a
read-only cache folder) falls back to ``re.compile`` without a word. Only
numcheck's own patterns go through here, never a user's rule template, so the
file holds a bounded set.

``NUMCHECK_CACHE_DIR`` names the folder (default: ``$XDG_CACHE_HOME/numcheck``
or ``~/.cache/numcheck``); ``NUMCHECK_CACHE_DIR=""`` turns the cache off.
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import os
import re
import sys
import zlib
from pathlib import Path
from typing import Any

# CPython's engine and compiler (private, hence typed Any); another interpreter compiles every time.
_sre: Any
_compiler: Any
_parser: Any
try:
    _sre = importlib.import_module("_sre")
    _compiler = importlib.import_module("re._compiler")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _sre = None

# A rewrite keeps only this run's entries once the file holds more than this
# (a development tree's edited patterns would otherwise pile up).
MAX_ENTRIES = 2000

_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

_entries: dict[tuple[str, int], _Entry] | None = None
_used: dict[tuple[str, int], _Entry] = {}
_dirty = False


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when this interpreter has compiled it before."""
    flags = int(flags)
    if _sre is None:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _load().get(key)
    if entry is not None:
        try:
            rx: re.Pattern[str] = _sre.compile(pattern, *entry)
            _used[key] = entry
            return rx
        except Exception:  # a bad entry is a miss
            pass
    rx = re.compile(pattern, flags)
    entry = _entry(pattern, flags, rx)
    if entry is not None:
        _remember(key, entry)
    return rx


def _entry(pattern: str, flags: int, rx: re.Pattern[str]) -> _Entry | None:
    """What ``_sre.compile`` needs besides the pattern, or None when it would not rebuild ``rx`` exactly."""
    try:
        p = _parser.parse(pattern, flags)
        code = _compiler._code(p, flags)
        groupindex = dict(p.state.groupdict)
        indexgroup: list[str | None] = [None] * p.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        # Opcodes are int subclasses (named constants), which marshal refuses: plain ints.
        entry: _Entry = (
            int(flags | p.state.flags),
            [int(c) for c in code],
            int(p.state.groups - 1),
            {name: int(i) for name, i in groupindex.items()},
            tuple(indexgroup),
        )
        if _sre.compile(pattern, *entry) != rx:
            return None
        marshal.dumps(entry)  # only plain data goes to the file
        return entry
    except Exception:  # different internals: no caching
        return None


def _remember(key: tuple[str, int], entry: _Entry) -> None:
    global _dirty
    assert _entries is not None
    _entries[key] = entry
    _used[key] = entry
    if not _dirty:
        _dirty = True
        atexit.register(_save)


def _path() -> Path | None:
    folder = os.environ.get("NUMCHECK_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "numcheck")
    if not folder:
        return None
    # The opcodes belong to one interpreter build and one version of its engine.
    tag = zlib.crc32(f"{sys.version}|{sys.implementation.cache_tag}|{getattr(_sre, 'MAGIC', 0)}".encode())
    return Path(folder) / f"regex-{sys.implementation.cache_tag}-{tag:08x}.marshal"


def _read(path: Path | None) -> dict[tuple[str, int], _Entry]:
    if path is None:
        return {}
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _load() -> dict[tuple[str, int], _Entry]:
    global _entries
    if _entries is None:
        _entries = _read(_path())
    return _entries


def _save() -> None:
    """Merge this run's new entries into the file (atomically: parallel runs each write a whole file)."""
    path = _path()
    if path is None or not _dirty:
        return
    merged = _read(path)
    merged.update(_used)
    if len(merged) > MAX_ENTRIES:
        merged = dict(_used)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(merged))
        os.replace(tmp, path)
    except OSError:
        pass
