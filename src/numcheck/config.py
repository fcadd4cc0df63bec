"""Configuration files: find the nearest one, read it, and reject what it cannot mean.

numcheck reads ``numcheck.toml``, ``.numcheck.toml`` or the ``[tool.numcheck]``
table of ``pyproject.toml``, in the current directory or the nearest parent
that has one (in that order within one directory). ``--config FILE`` names
one instead. Every error names the file, the key and the reason.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from numcheck import startcache

FILENAMES = ("numcheck.toml", ".numcheck.toml", "pyproject.toml")
FAIL_ON = ("note", "warning", "error")
KEYS = ("select", "ignore", "fail-on", "date", "include", "exclude", "extra-rules", "severity", "per-file-ignores")
CODE = startcache.compile(r"^(?:NC[0-9]{0,3}|ALL)$")


class ConfigError(Exception):
    """A configuration problem: ``file: key: reason``."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        super().__init__(f"{file}: {key}: {reason}" if key else f"{file}: {reason}")
        self.file = file
        self.key = key
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from one file (or none); CLI options override them one by one."""

    path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    date: dt.date | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extra_rules: tuple[str, ...] = ()  # resolved against the config file's folder
    # [severity]: code or prefix -> severity, e.g. (("NC206", "error"), ("NC4", "note")).
    severity: tuple[tuple[str, str], ...] = ()
    # [per-file-ignores]: glob (relative to the config file's folder) -> codes, as in ruff.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def root(self) -> str | None:
        """The folder the file's globs are relative to: the config file's own."""
        return str(Path(self.path).resolve().parent) if self.path else None


def find(start: Path) -> Path | None:
    """The nearest config file at or above ``start``; pyproject.toml counts only with [tool.numcheck]."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in FILENAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    return None


# A [tool.numcheck] table in a pyproject.toml that does not parse: the header may be the broken
# line itself ("[tool.numcheck"), so look for the words, not the whole header.
_MENTIONS_TOOL_TABLE = startcache.compile(r"""\btool\s*\.\s*["']?numcheck\b""")


def _has_tool_table(path: Path) -> bool:
    """Whether ``path`` holds numcheck settings, or may and cannot be read (then ``load`` says why)."""
    try:
        doc = _read_toml(path)
    except ConfigError:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return True  # unreadable: it may be ours, and load() names the file and the reason
        return _MENTIONS_TOOL_TABLE.search(text) is not None
    return isinstance(doc.get("tool"), dict) and "numcheck" in doc["tool"]


def _read_toml(path: Path) -> dict[str, Any]:
    from numcheck import startcache

    try:
        with path.open("rb") as fh:
            raw = fh.read()
        # What tomllib.load does, through the start-up cache: a project's pyproject.toml
        # is read on every run, and tomllib costs ~2 ms to import and more to parse it.
        return startcache.toml(raw.decode(), decimal=True)
    except FileNotFoundError:
        raise ConfigError(str(path), "", "no such file") from None
    except OSError as err:
        raise ConfigError(str(path), "", f"cannot read: {(err.strerror or str(err)).lower()}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "", "not UTF-8 text") from None
    except ValueError as err:  # tomllib.TOMLDecodeError (UnicodeDecodeError is caught above)
        # tomllib ends its message with "(at line 3, column 15)": lead with the place instead.
        m = re.search(r"^(.*?)\s*\(at line (\d+), column (\d+)\)$", str(err))
        end = re.search(r"^(.*?)\s*\(at end of document\)$", str(err))
        if m:
            where, what = f"line {m[2]}, column {m[3]}: ", m[1]
        elif end:
            where, what = f"line {_last_line(path)}, at the end of the file: ", end[1]
        else:
            where, what = "", str(err)
        raise ConfigError(str(path), "", f"{where}invalid TOML: {what}") from None


def _last_line(path: Path) -> int:
    """The number of the file's last line (a final newline ends it, it does not start another)."""
    data = path.read_bytes()
    return data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)


def load(path: Path) -> Config:
    """Read and validate one config file."""
    doc = _read_toml(path)
    name = str(path)
    prefix = ""
    if path.name == "pyproject.toml":
        tool = doc.get("tool", {})
        table = tool.get("numcheck") if isinstance(tool, dict) else None
        if table is None:
            return Config(path=name)
        if not isinstance(table, dict):
            raise ConfigError(name, "tool.numcheck", "must be a table")
        doc = table
        prefix = "tool.numcheck."
    return from_mapping(doc, name, path.parent, prefix)


def from_mapping(doc: dict[str, Any], name: str, base: Path, prefix: str = "") -> Config:
    """Validate a parsed table; ``base`` is where relative rule folders start."""
    for key in doc:
        if key not in KEYS:
            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise ConfigError(name, prefix + key, f"unknown key{hint}")
    return Config(
        path=name,
        select=codes(doc.get("select", []), name, prefix + "select"),
        ignore=codes(doc.get("ignore", []), name, prefix + "ignore"),
        fail_on=_fail_on(doc["fail-on"], name, prefix + "fail-on") if "fail-on" in doc else None,
        date=parse_date(doc["date"], name, prefix + "date") if "date" in doc else None,
        include=_strings(doc.get("include", []), name, prefix + "include"),
        exclude=_strings(doc.get("exclude", []), name, prefix + "exclude"),
        extra_rules=tuple(
            str((base / p).resolve()) for p in _strings(doc.get("extra-rules", []), name, prefix + "extra-rules")
        ),
        severity=_severities(doc.get("severity", {}), name, prefix + "severity"),
        per_file_ignores=_per_file_ignores(doc.get("per-file-ignores", {}), name, prefix + "per-file-ignores"),
    )


def _table(value: Any, name: str, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(name, key, "must be a table")
    return value


def _severities(value: Any, name: str, key: str) -> tuple[tuple[str, str], ...]:
    """``[severity]``: each code or prefix with the severity its findings get."""
    out: list[tuple[str, str]] = []
    for code, severity in _table(value, name, key).items():
        parsed = codes([code], name, key) if code.strip() else ()
        if len(parsed) != 1 or parsed[0] == "ALL":
            raise ConfigError(name, key, f"{code!r} is not one rule code or prefix (like NC201 or NC2)")
        code = parsed[0]
        if not isinstance(severity, str) or severity not in FAIL_ON:
            raise ConfigError(name, f"{key}.{code}", f"must be one of {', '.join(FAIL_ON)}, not {severity!r}")
        out.append((code, severity))
    return tuple(out)


def _per_file_ignores(value: Any, name: str, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``[per-file-ignores]``: a glob and the codes or prefixes ignored in the files it matches."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for glob, items in _table(value, name, key).items():
        if not glob:
            raise ConfigError(name, key, "a pattern must not be empty")
        out.append((glob, codes(items, name, f"{key}.{glob!r}")))
    return tuple(out)


def _strings(value: Any, name: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(name, key, "must be a list of non-empty strings")
    return tuple(value)


def codes(value: Any, name: str, key: str) -> tuple[str, ...]:
    """Rule codes or prefixes ("NC201", "NC2", "ALL"), comma-separated strings allowed."""
    items = _strings(value, name, key)
    out: list[str] = []
    for item in items:
        for code in (c.strip().upper() for c in item.split(",")):
            if not code:
                continue
            if not CODE.match(code):
                raise ConfigError(name, key, f"{code!r} is not a rule code or prefix (like NC201 or NC2)")
            out.append(code)
    return tuple(out)


def _fail_on(value: Any, name: str, key: str) -> str:
    if not isinstance(value, str) or value not in FAIL_ON:
        raise ConfigError(name, key, f"must be one of {', '.join(FAIL_ON)}, not {value!r}")
    return value


def parse_date(value: Any, name: str, key: str) -> dt.date:
    """A reporting date: a TOML date or a YYYY-MM-DD string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as err:
            raise ConfigError(name, key, f"{value!r} is not a calendar date ({err})") from None
    raise ConfigError(name, key, f"must be a date as YYYY-MM-DD, not {value!r}")
