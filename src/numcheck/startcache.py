"""What every start would otherwise recompute, kept between runs: compiled regexes, parsed TOML, class code.

Half of a cold start was ``re`` compiling numcheck's own patterns, and another
~10 ms was ``tomllib`` reading the vocabulary and the bundled rules, both in
pure Python, both giving the same result for the same input on every start.

- ``compile``: the standard library parses and compiles a pattern in Python
  before handing an opcode list to its C engine (``_sre.compile``). That list
  depends only on the pattern, its flags and the interpreter, so it is kept,
  keyed by all three, and the next start hands it straight to the engine. An
  entry is stored only after the pattern it builds compares equal to the one
  ``re.compile`` builds (``re.Pattern`` equality compares the pattern, the
  flags and the opcodes). Only numcheck's own patterns go through here, never
  a user's rule template.
- ``toml``: what a TOML text parsed to, keyed by the text itself (an edited
  file simply misses). Decimals and dates are written as tagged tuples, since
  marshal holds only plain data (tomllib never returns a tuple).
- ``phrases``: the vocabulary's phrase tables (``vocab.PhraseTable``), keyed
  by the phrases and labels they are built from and by ``vocab.py``'s size
  and modification time (the tokenizer and the build are there).
- ``rules``: the bundled rules as loaded and validated (``rules.load_rules``),
  keyed by the size and modification time of every file that loading reads or
  runs, as Python keys its bytecode caches.
- ``code``: the methods ``dataclasses`` writes for each class (``__init__``,
  ``__repr__``, ``__eq__``, ``__hash__``, the frozen ``__setattr__``...) are
  source text it compiles on every start: ~270 small compiles, ~17 ms of a
  ~140 ms start for numcheck's ~45 frozen dataclasses. The code object a text
  compiles to depends only on the text and the interpreter, so it is kept,
  keyed by the text (``numcheck/__init__.py`` routes only numcheck's own
  classes here).

Each kind is one ``marshal`` file in the user's cache folder, named after the
interpreter build. Anything unexpected (an interpreter whose ``re`` internals
differ, an unreadable or corrupt file, a read-only folder) falls back to
compiling or parsing, without a word. ``NUMCHECK_CACHE_DIR`` names the folder
(default: ``$XDG_CACHE_HOME/numcheck`` or ``~/.cache/numcheck``);
``NUMCHECK_CACHE_DIR=""`` turns the cache off.
"""

from __future__ import annotations

import atexit
import builtins
import datetime as dt
import importlib
import marshal
import os
import re
import sys
import zlib
from decimal import Decimal
from pathlib import Path
from types import CodeType
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


class _Store:
    """One marshal file of entries: read on first use, merged back at exit when a run added to it."""

    def __init__(self, kind: str, limit: int) -> None:
        self.kind = kind
        # A rewrite keeps only this run's entries once the file holds more than this
        # (a development tree's edited patterns would otherwise pile up).
        self.limit = limit
        self.entries: dict[Any, Any] | None = None
        self.used: dict[Any, Any] = {}
        self.dirty = False

    def path(self) -> Path | None:
        folder = os.environ.get("NUMCHECK_CACHE_DIR")
        if folder is None:
            base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
            folder = os.path.join(base, "numcheck")
        if not folder:
            return None
        # Opcodes belong to one interpreter build and one version of its engine.
        tag = zlib.crc32(f"{sys.version}|{sys.implementation.cache_tag}|{getattr(_sre, 'MAGIC', 0)}".encode())
        return Path(folder) / f"{self.kind}-{sys.implementation.cache_tag}-{tag:08x}.marshal"

    def get(self, key: Any) -> Any:
        if self.entries is None:
            self.entries = _read(self.path())
        return self.entries.get(key)

    def hit(self, key: Any, value: Any) -> None:
        self.used[key] = value

    def put(self, key: Any, value: Any) -> None:
        if self.entries is None:
            self.entries = _read(self.path())
        self.entries[key] = value
        self.used[key] = value
        if not self.dirty:
            self.dirty = True
            atexit.register(self.save)

    def save(self) -> None:
        """Merge this run's entries into the file (atomically: parallel runs each write a whole file)."""
        path = self.path()
        if path is None or not self.dirty:
            return
        merged = _read(path)
        merged.update(self.used)
        if len(merged) > self.limit:
            merged = dict(self.used)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(merged))
            os.replace(tmp, path)
        except (OSError, ValueError):
            pass


def _read(path: Path | None) -> dict[Any, Any]:
    if path is None:
        return {}
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


_REGEX = _Store("regex", 1000)  # numcheck compiles ~160 of its own
_TOML = _Store("toml", 100)  # ~45 data and bundled rule files, plus a user's rules
_CODE = _Store("code", 1000)  # ~270 methods of numcheck's own dataclasses
_PHRASES = _Store("phrases", 400)  # ~80 phrase tables built from the vocabulary
_RULES = _Store("rules", 8)  # the bundled rules, validated: one entry per version of them and of their checks


# --- regexes ------------------------------------------------------------------------

_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when this interpreter has compiled it before."""
    flags = int(flags)
    if _sre is None:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _REGEX.get(key)
    if entry is not None:
        try:
            rx: re.Pattern[str] = _sre.compile(pattern, *entry)
            _REGEX.hit(key, entry)
            return rx
        except Exception:  # a bad entry is a miss
            pass
    rx = re.compile(pattern, flags)
    entry = _entry(pattern, flags, rx)
    if entry is not None:
        _REGEX.put(key, entry)
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


# --- code ---------------------------------------------------------------------------


def code(source: str) -> CodeType:
    """What ``exec(source)`` compiles when called from a module without ``__future__`` imports.

    That is how ``dataclasses`` calls it; the compiled object depends only on the text and
    the interpreter, so it comes from the cache when this interpreter has compiled it before.
    """
    stored = _CODE.get(source)
    if isinstance(stored, CodeType):
        _CODE.hit(source, stored)
        return stored
    compiled = builtins.compile(source, "<string>", "exec", dont_inherit=True)
    try:
        if marshal.loads(marshal.dumps(compiled)) == compiled:
            _CODE.put(source, compiled)
    except ValueError:  # pragma: no cover - marshal refuses it: no caching
        pass
    return compiled


# --- phrase tables ------------------------------------------------------------------


def phrases(key: Any) -> Any:
    """What ``keep_phrases(key, ...)`` stored on an earlier start, or None."""
    stored = _PHRASES.get(key)
    if stored is not None:
        _PHRASES.hit(key, stored)
    return stored


def keep_phrases(key: Any, value: Any) -> None:
    """Keep ``value`` (plain data: tuples, dicts, strings) under ``key``, if it reads back the same."""
    try:
        if not _same(marshal.loads(marshal.dumps(value)), value):
            return
    except ValueError:
        return
    _PHRASES.put(key, value)


# --- the bundled rule set -----------------------------------------------------------


def rules(key: Any) -> Any:
    """What ``keep_rules(key, ...)`` stored on an earlier start (a new copy), or None."""
    stored = _RULES.get(key)
    if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], bytes):
        try:
            data = _decode(*stored)
            _RULES.hit(key, stored)
            return data
        except (TypeError, ValueError, KeyError, IndexError, EOFError):
            pass
    return None


def keep_rules(key: Any, data: dict[str, Any]) -> None:
    """Keep ``data`` (dicts, lists and plain values, Decimals and dates among them) under ``key``.

    Kept only when reading it back gives the same values of the same types.
    """
    try:
        stored = _encode(data)
        if not _same(_decode(*stored), data):
            return
    except ValueError:  # something marshal cannot write: not kept
        return
    _RULES.put(key, stored)


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same type all the way down (``Decimal("2") == 2``, ``[1] != (1,)``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, Decimal):
        return str(a) == str(b)
    return bool(a == b)


# --- TOML ---------------------------------------------------------------------------

_TAGGED: dict[str, Any] = {
    "decimal": Decimal,
    "datetime": dt.datetime.fromisoformat,
    "date": dt.date.fromisoformat,
    "time": dt.time.fromisoformat,
}


def toml(text: str, *, decimal: bool = False, keep: bool = True) -> dict[str, Any]:
    """``tomllib.loads(text)``, floats as Decimal with ``decimal``; a new object on every call.

    Raises ``tomllib.TOMLDecodeError`` as tomllib does (a text that does not parse is never stored).
    ``keep=False``: a text parsed here is not stored (another store keeps what it becomes).
    """
    key = (text, decimal)
    stored = _TOML.get(key)
    if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], bytes):
        try:
            data: dict[str, Any] = _decode(*stored)
            _TOML.hit(key, stored)
            return data
        except (TypeError, ValueError, KeyError, IndexError, EOFError):
            pass
    import tomllib  # only on a miss: ~2 ms to import

    data = tomllib.loads(text, parse_float=Decimal) if decimal else tomllib.loads(text)
    if keep:
        _TOML.put(key, _encode(data))
    return data


def _encode(data: dict[str, Any]) -> tuple[bytes, tuple[tuple[Any, ...], ...]]:
    """The document as marshal bytes, each Decimal, date and time in it a tagged tuple, and where those are.

    ``marshal.loads`` then gives a new copy of the document at C speed; only the
    tagged values (a rule file's few decimals) are visited to be rebuilt, not every
    key and list item of a large vocabulary.
    """
    paths: list[tuple[Any, ...]] = []

    def plain(value: Any, path: tuple[Any, ...]) -> Any:
        if isinstance(value, dict):
            return {k: plain(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v, (*path, i)) for i, v in enumerate(value)]
        tagged = _tagged(value)
        if tagged is None:
            return value
        paths.append(path)
        return tagged

    return marshal.dumps(plain(data, ())), tuple(paths)


def _tagged(value: Any) -> tuple[str, str] | None:
    if isinstance(value, Decimal):
        return ("decimal", str(value))
    if isinstance(value, dt.datetime):  # before date: a datetime is a date
        return ("datetime", value.isoformat())
    if isinstance(value, dt.date):
        return ("date", value.isoformat())
    if isinstance(value, dt.time):
        return ("time", value.isoformat())
    return None


def _decode(blob: bytes, paths: tuple[tuple[Any, ...], ...]) -> Any:
    data = marshal.loads(blob)  # new dicts and lists on every call
    for path in paths:
        box = data
        for step in path[:-1]:
            box = box[step]
        tag, text = box[path[-1]]
        box[path[-1]] = _TAGGED[tag](text)
    return data
