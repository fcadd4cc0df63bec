"""numcheck: check the numbers in a piece of writing against each other.

The public API. Imports are deferred into the functions so that
``import numcheck`` stays cheap for editors that run it on every save.

>>> from numcheck import check_text
>>> report = check_text("Of the 120 staff, 70 (48%) voted yes.")
>>> [f.code for f in report.findings]  # doctest: +SKIP
['NC201']
"""

from __future__ import annotations

import dataclasses as _dataclasses
import datetime as _dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from numcheck.model import Document, FileReport, Report, Rule
    from numcheck.pipeline import Settings

__all__ = ["Settings", "__version__", "check_paths", "check_text", "extract", "load_rules"]


def _dataclass_exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> None:
    """``exec`` as ``dataclasses`` calls it, with numcheck's own classes' methods compiled once.

    ``dataclasses`` writes each class's methods as source and execs it: for numcheck's
    ~45 frozen dataclasses that was ~17 ms of compiling on every start. This stands in
    for the builtin in that module only (a module global shadows a builtin). A class
    of a numcheck module gets its code from ``startcache.code``; any other source is
    compiled as the builtin would from ``dataclasses``, which has no ``__future__``
    imports (this module has, so it must not let ``exec`` inherit them).
    """
    if isinstance(source, str):
        if globals is not None and str(globals.get("__name__", "")).startswith("numcheck."):
            from numcheck import startcache

            source = startcache.code(source)
        else:
            source = compile(source, "<string>", "exec", dont_inherit=True)
    exec(source, globals, locals)


if "exec" not in vars(_dataclasses):
    _dataclasses.exec = _dataclass_exec  # type: ignore[attr-defined]


def extract(text: str, path: str = "") -> Document:
    """The fact table of ``text``: every figure with its kind, value, interval and subject.

    ``path`` only chooses how markup is blanked (``.md``, ``.html``).
    """
    from numcheck.facts import extract as _extract

    return _extract(text, path)


def load_rules(extra_dirs: Sequence[str | Path] = ()) -> tuple[Rule, ...]:
    """The bundled rules plus any rule folders named; raises ``RuleError`` on a bad file."""
    from numcheck.rules import load_rules as _load

    return _load([Path(d) for d in extra_dirs])


def check_text(
    text: str,
    path: str = "",
    *,
    rules: Sequence[Rule] | None = None,
    today: _dt.date | None = None,
    settings: Settings | None = None,
) -> FileReport:
    """Check ``text`` as ``numcheck`` checks a file: fact table, rules, then suppression comments.

    ``path`` is the name reported and picks how markup is blanked. Inline
    ``numcheck-disable`` comments in the text are applied, and
    ``settings.select``/``ignore`` too; ``today`` (if given) overrides
    ``settings.today``. An unexpected failure sets the report's ``error``.
    """
    from numcheck.pipeline import Settings, check_source

    settings = settings or Settings()
    if today is not None:
        settings = replace(settings, today=today)
    return check_source(text, path, settings, rules)


def check_paths(
    paths: Sequence[str],
    *,
    rules: Sequence[Rule] | None = None,
    today: _dt.date | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    settings: Settings | None = None,
) -> Report:
    """Check files, directories and globs as ``numcheck PATH...`` does, in the order given.

    A file that cannot be read becomes a FileReport with ``error`` set. The
    keyword arguments, when given, override the matching ``settings`` fields.
    """
    from numcheck.pipeline import Settings, check_files

    settings = settings or Settings()
    overrides: dict[str, Any] = {"today": today, "include": tuple(include), "exclude": tuple(exclude)}
    settings = replace(settings, **{k: v for k, v in overrides.items() if v})
    return check_files(paths, settings, rules)


def __getattr__(name: str) -> object:
    # ``numcheck.Settings`` without importing the pipeline for every ``import numcheck``.
    if name == "Settings":
        from numcheck.pipeline import Settings

        return Settings
    raise AttributeError(f"module 'numcheck' has no attribute {name!r}")
