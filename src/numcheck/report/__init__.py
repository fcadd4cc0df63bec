"""Output formats: one module per format, each a pure function Report -> str.

``REPORTERS`` is the one registry of formats: the command line's
``--format`` choices and how each format's output is handled come from it.
Every reporter takes the same ``Options`` and locates spans the same way
(``view``), so line and column numbers, sentences and fingerprints agree
across formats.

Importing this package is cheap (the command line reads ``REPORTERS`` to
build its options, even for ``--help``): the values and each format's module
are imported only when used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from numcheck.model import BaselineUse, FileReport, Finding, Report, Span
    from numcheck.source import LineIndex


class RuleInfo(Protocol):
    """What a reporter reads from a rule (numcheck.rules.Rule has these); read-only, so frozen dataclasses fit."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def why(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Options:
    """How to render: colour and width (text only), the fact table, rule metadata."""

    color: bool = False
    width: int = 100
    facts: bool = False
    rules: tuple[RuleInfo, ...] = ()
    version: str = ""


@dataclass(frozen=True, slots=True)
class Located:
    """A finding with everything reporters print about its place in the text."""

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive: the column just after the last character
    sentence: Span
    sentence_text: str = field(repr=False, default="")

    @property
    def fingerprint(self) -> str:
        """Computed on demand: formats that print no fingerprint never import hashlib."""
        from numcheck.baseline import fingerprint

        return fingerprint(self.finding, self.sentence_text)


@dataclass(frozen=True, slots=True)
class FileView:
    """A file's report with each finding located by line and column."""

    report: FileReport
    findings: tuple[Located, ...]
    lines: LineIndex = field(repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)


def view(file: FileReport) -> FileView:
    """Line/column and sentence (hence fingerprint) of every finding in ``file``."""
    from numcheck.model import context
    from numcheck.source import LineIndex

    lines = LineIndex(file.text)
    located: list[Located] = []
    for f in file.findings:
        line, col = lines.position(f.span.start)
        end_line, end_col = lines.position(f.span.end)
        s = context(f)
        located.append(Located(f, line, col, end_line, end_col, s, file.text[s.start : s.end]))
    return FileView(file, tuple(located), lines)


def counts(report: Report) -> dict[str, int]:
    """Findings per severity, every severity present, most severe first."""
    from numcheck.model import SEVERITIES

    out = {s: 0 for s in reversed(SEVERITIES)}
    for file in report.files:
        for f in file.findings:
            out[f.severity] = out.get(f.severity, 0) + 1
    return out


def statistics(report: Report) -> list[tuple[str, str, str, int]]:
    """(code, rule, severity, count) for every code found, most frequent first, then by code.

    A code whose findings differ in severity (an override for some files) has one row per severity.
    """
    tally: dict[tuple[str, str, str], int] = {}
    for file in report.files:
        for f in file.findings:
            key = (f.code, f.rule, f.severity)
            tally[key] = tally.get(key, 0) + 1
    return [(*key, n) for key, n in sorted(tally.items(), key=lambda item: (-item[1], item[0]))]


def summary_line(report: Report) -> str:
    """ "3 problems (1 error, 2 warnings) in 2 of 9 files" — the same words in every format.

    The file count is the files with a finding, out of the files checked, so
    a reader can tell "one bad file" from "every file a little wrong".
    """
    checked = sum(1 for f in report.files if f.error is None)
    unread = len(report.files) - checked
    c = counts(report)
    total = sum(c.values())
    # Paths that could not be read are not "checked with no problems": say how many. "Path", not
    # "file": a folder or pattern with nothing to check counts here too.
    tail = f" ({unread} path{'s' if unread != 1 else ''} could not be checked)" if unread else ""
    if not total:
        return f"No problems found in {checked} file{'s' if checked != 1 else ''}{tail}."
    flagged = sum(1 for f in report.files if f.findings)
    files = "1 file" if checked == 1 else f"{flagged} of {checked} files"
    parts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in c.items() if n)
    return f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files}{tail}."


def baseline_lines(used: BaselineUse) -> list[str]:
    """What a baseline did, for stderr: findings hidden, then each stale entry (CI must not hide silently)."""
    hidden = f"{used.hidden} finding{'s' if used.hidden != 1 else ''}"
    lines = [f"Baseline {used.path} hid {hidden}."]
    if used.stale:
        n = len(used.stale)
        lines.append(
            f"{n} baseline entr{'ies' if n != 1 else 'y'} matched nothing (fixed or changed; "
            "rewrite the baseline with --write-baseline to drop them):"
        )
        lines.extend(f"  {e.path}: {e.code} {e.message}".rstrip() for e in used.stale)
    return lines


@dataclass(frozen=True, slots=True)
class Reporter:
    """One output format: the module that renders it and how the command line handles its output."""

    module: str  # numcheck.report.<module> defines render(report, options) -> str
    help: str  # one line for --help
    machine: bool = False  # for programs: stdout holds nothing but the format
    summary: bool = True  # prints its own summary line; else the CLI writes it to stderr
    styled: bool = False  # colour and --facts (the text format)
    facts: bool = False  # always carries the fact table, so the run keeps facts

    def __call__(self, report: Report, options: Options) -> str:
        from importlib import import_module

        render: Callable[[Report, Options], str] = import_module(f"numcheck.report.{self.module}").render
        return render(report, options)


# The one registry of formats; each module is imported only when used, so a
# run that prints concise lines never imports rich.
REPORTERS: dict[str, Reporter] = {
    "text": Reporter("text", "grouped by file, each sentence marked; colour on a terminal", styled=True),
    "concise": Reporter("concise", "one line per finding: path:line:col: code [severity] message", summary=False),
    "json": Reporter("json", "one versioned JSON document with facts and findings", True, False, facts=True),
    "jsonl": Reporter("jsonl", "one JSON object per finding", machine=True, summary=False),
    "sarif": Reporter("sarif", "SARIF 2.1.0 for code-scanning tools", machine=True, summary=False),
    "github": Reporter("github", "GitHub Actions workflow annotations", machine=True, summary=False),
}


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    """Findings in report order: by position, then code."""
    return sorted(findings, key=lambda f: (f.span.start, f.span.end, f.code, f.message))
