"""numcheck: check the numbers in a piece of writing against each other.

The public API. Imports are deferred into the functions so that
``import numcheck`` stays cheap for editors that run it on every save.

>>> from numcheck import check_text
>>> report = check_text("Of the 120 staff, 70 (48%) voted yes.")
>>> [f.code for f in report.findings]  # doctest: +SKIP
['NC201']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from numcheck.model import Document, FileReport, Report
    from numcheck.rules import Rule

__all__ = ["__version__", "check_paths", "check_text", "extract", "load_rules"]


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
) -> FileReport:
    """Extract the fact table of ``text`` and run the rules over it."""
    from numcheck.engine import run
    from numcheck.facts import extract as _extract
    from numcheck.model import FileReport

    doc = _extract(text, path)
    findings = run(doc, load_rules() if rules is None else rules, today=today)
    return FileReport(path=path, text=text, facts=doc.facts, findings=findings)


def check_paths(
    paths: Sequence[str],
    *,
    rules: Sequence[Rule] | None = None,
    today: _dt.date | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Report:
    """Check files and directories; a file that cannot be read becomes a FileReport with ``error`` set."""
    from numcheck.files import InputError, discover, read
    from numcheck.model import FileReport, Report

    rules = load_rules() if rules is None else rules
    out: list[FileReport] = []
    for item in discover(paths, include, exclude):
        if not isinstance(item, str):
            out.append(FileReport(path=item.path, text="", facts=(), findings=(), error=item.reason))
            continue
        try:
            source = read(item)
        except InputError as err:
            out.append(FileReport(path=err.path, text="", facts=(), findings=(), error=err.reason))
            continue
        out.append(check_text(source.text, source.path, rules=rules, today=today))
    return Report(files=tuple(out))
