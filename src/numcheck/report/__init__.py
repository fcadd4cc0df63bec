"""Output formats: one module per format, each a pure function Report -> str.

``REPORTERS`` is the one registry of formats. Every reporter takes the same
``Options`` and locates spans the same way (``view``), so line and column
numbers, sentences and fingerprints agree across formats.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from numcheck.model import SEVERITIES, FileReport, Finding, Report, Span

if TYPE_CHECKING:
    from numcheck.model import Sentence
    from numcheck.source import LineIndex


class RuleInfo(Protocol):
    """What a reporter reads from a rule (numcheck.rules.Rule has these)."""

    code: str
    name: str
    severity: str
    summary: str
    why: str


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
    report: FileReport
    findings: tuple[Located, ...]
    lines: LineIndex = field(repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)


def view(file: FileReport) -> FileView:
    """Line/column and sentence (hence fingerprint) of every finding in ``file``."""
    from numcheck.source import LineIndex

    lines = LineIndex(file.text)
    sentences = _sentences(file) if file.findings else ()
    # Listed once: source.sentence_of lists them on every call (quadratic over many findings).
    starts = [s.span.start for s in sentences]
    located: list[Located] = []
    for f in file.findings:
        line, col = lines.position(f.span.start)
        end_line, end_col = lines.position(f.span.end)
        if sentences:
            s = sentences[max(0, bisect.bisect_right(starts, f.span.start) - 1)].span
            # A finding outside any sentence (e.g. in a suppression comment)
            # is shown on its own span.
            if not s.contains(f.span):
                s = f.span
        else:
            s = f.span
        located.append(Located(f, line, col, end_line, end_col, s, file.text[s.start : s.end]))
    return FileView(file, tuple(located), lines)


def _sentences(file: FileReport) -> list[Sentence]:
    """The sentences findings are shown in: as the check split them, piece by piece for a long text."""
    from dataclasses import replace

    from numcheck.engine import PIECE_CHARS, pieces
    from numcheck.source import prepare, split_sentences

    if len(file.text) <= PIECE_CHARS:
        return list(split_sentences(prepare(file.text, file.path)))
    out: list[Sentence] = []
    starts = sorted(f.span.start for f in file.findings)
    for a, b in pieces(file.text):
        # Only the pieces with a finding: a long archive is never split whole.
        i = bisect.bisect_left(starts, a)
        if i < len(starts) and starts[i] < b:
            for s in split_sentences(prepare(file.text[a:b], file.path)):
                out.append(replace(s, span=Span(s.span.start + a, s.span.end + a)))
    return out


def counts(report: Report) -> dict[str, int]:
    """Findings per severity, every severity present, most severe first."""
    out = {s: 0 for s in reversed(SEVERITIES)}
    for file in report.files:
        for f in file.findings:
            out[f.severity] = out.get(f.severity, 0) + 1
    return out


def summary_line(report: Report) -> str:
    """ "3 problems (1 error, 2 warnings) in 2 of 9 files" — the same words in every format.

    The file count is the files with a finding, out of the files checked, so
    a reader can tell "one bad file" from "every file a little wrong".
    """
    checked = sum(1 for f in report.files if f.error is None)
    unread = len(report.files) - checked
    c = counts(report)
    total = sum(c.values())
    # Files that could not be read are not "checked with no problems": say how many.
    tail = f" ({unread} file{'s' if unread != 1 else ''} could not be checked)" if unread else ""
    if not total:
        return f"No problems found in {checked} file{'s' if checked != 1 else ''}{tail}."
    flagged = sum(1 for f in report.files if f.findings)
    files = "1 file" if checked == 1 else f"{flagged} of {checked} files"
    parts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in c.items() if n)
    return f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files}{tail}."


def _text(report: Report, options: Options) -> str:
    from numcheck.report.text import render

    return render(report, options)


def _concise(report: Report, options: Options) -> str:
    from numcheck.report.concise import render

    return render(report, options)


def _json(report: Report, options: Options) -> str:
    from numcheck.report.json import render

    return render(report, options)


def _jsonl(report: Report, options: Options) -> str:
    from numcheck.report.jsonl import render

    return render(report, options)


def _sarif(report: Report, options: Options) -> str:
    from numcheck.report.sarif import render

    return render(report, options)


def _github(report: Report, options: Options) -> str:
    from numcheck.report.github import render

    return render(report, options)


# The one registry of formats; each module is imported only when used, so a
# run that prints concise lines never imports rich.
REPORTERS: dict[str, Callable[[Report, Options], str]] = {
    "text": _text,
    "concise": _concise,
    "json": _json,
    "jsonl": _jsonl,
    "sarif": _sarif,
    "github": _github,
}

# Formats meant for programs: nothing but the format goes to stdout.
MACHINE_FORMATS: frozenset[str] = frozenset({"json", "jsonl", "sarif", "github"})


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    """Findings in report order: by position, then code."""
    return sorted(findings, key=lambda f: (f.span.start, f.span.end, f.code, f.message))
