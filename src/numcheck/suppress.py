"""Inline suppression: comments that silence named codes for a line, a block or a file.

    <!-- numcheck-disable-next-line NC201: the two figures come from different surveys -->
    The survey of 120 staff found 70 (48%) in favour.   <!-- numcheck-disable-line NC201: as printed -->
    <!-- numcheck-disable NC2, NC301 -- quoted verbatim from the report -->
    ...
    <!-- numcheck-enable -->
    <!-- numcheck-disable-file NC4: a table of survey answers, not people -->

In reStructuredText (or any file) the same words may form a comment line of
their own: ``.. numcheck-disable-next-line NC201: reason``.

``disable-next-line`` covers the next non-blank line and the rest of any
sentence that starts on it (a sentence wrapped onto the following lines);
``disable-line`` the line the comment is on; ``disable`` up to the matching
``enable`` (or the end of the file); ``disable-file`` the whole file.

Each comment names one or more codes or code prefixes and a reason (after
``:`` or ``--``). A comment without both is not honoured and is reported
(NC002); a suppression that silences nothing is reported as a note (NC001),
so stale comments do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from numcheck import startcache
from numcheck.model import FileReport, Finding, Span, context

UNUSED = "NC001"
INVALID = "NC002"


@dataclass(frozen=True, slots=True)
class MetaRule:
    """A rule numcheck applies itself (not loaded from rules/*.toml)."""

    code: str
    name: str
    severity: str
    summary: str
    why: str
    flagged: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()


META_RULES: tuple[MetaRule, ...] = (
    MetaRule(
        UNUSED,
        "unused-suppression",
        "note",
        "A numcheck-disable comment that suppresses no finding.",
        "A suppression outlives the figures it was written for: once the numbers are fixed or "
        "reworded, the comment would silently hide a future problem in the same place. "
        "Remove it.",
        ("<!-- numcheck-disable-next-line NC201: survey figures -->\nThe council has 40 seats.",),
        ("<!-- numcheck-disable-next-line NC201: survey figures -->\nOf 120 staff, 70 (48%) agreed.",),
    ),
    MetaRule(
        INVALID,
        "invalid-suppression",
        "note",
        "A numcheck comment without a code or a reason; it is not honoured.",
        "A suppression must say what it silences and why, so a reviewer can judge it later. "
        "Write `<!-- numcheck-disable-next-line NC201: reason -->`.",
        ("<!-- numcheck-disable-next-line -->",),
        ("<!-- numcheck-disable-next-line NC2: figures quoted verbatim -->",),
    ),
)

_KINDS = r"(disable-next-line|disable-line|disable-file|disable|enable)"
# The body stops at the next "<!--" and is bounded, so unterminated comments
# cannot make the scan quadratic.
_COMMENT = startcache.compile(rf"<!--\s*numcheck-{_KINDS}(?![\w-])((?:(?!<!--|-->).){{0,2000}})-->", re.S)
# reStructuredText's comment: a line starting with "..", here one of ours.
RST_COMMENT = startcache.compile(rf"^[ \t]*\.\.[ \t]+numcheck-{_KINDS}(?![\w-])([^\n]{{0,2000}})$", re.M)
_CODE = r"(?:NC[0-9]{0,3}|ALL)"
_BODY = startcache.compile(rf"\s*({_CODE}(?:\s*,\s*{_CODE}|\s+{_CODE})*)\s*(?::|--|—)\s*(\S.*?)\s*\Z", re.S | re.I)
_ENABLE_BODY = startcache.compile(rf"\s*((?:{_CODE}(?:\s*,\s*{_CODE}|\s+{_CODE})*)?)\s*\Z", re.S | re.I)


@dataclass(frozen=True, slots=True)
class Suppression:
    """A numcheck-disable comment: the codes it silences and the lines it covers."""

    span: Span  # the comment
    text: str
    codes: tuple[str, ...]  # upper-case codes or prefixes; "ALL" matches every code
    reason: str
    first_line: int  # 1-based, inclusive
    last_line: int  # inclusive; a block left open runs to the end of the file
    wraps: bool = False  # also covers a sentence that starts on first_line (disable-next-line)

    def covers(self, code: str, line: int) -> bool:
        return self.first_line <= line <= self.last_line and any(c == "ALL" or code.startswith(c) for c in self.codes)


def parse(text: str) -> tuple[tuple[Suppression, ...], tuple[Finding, ...]]:
    """The suppressions in ``text``, and NC002 notes for comments that are not valid ones."""
    if "numcheck-" not in text:
        return (), ()
    from numcheck.source import LineIndex

    lines = LineIndex(text)
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    n_lines = len(line_starts)
    out: list[Suppression] = []
    bad: list[Finding] = []
    open_blocks: list[tuple[Suppression, int]] = []  # (partial suppression, index in out)

    def invalid(m: re.Match[str], why: str) -> None:
        bad.append(Finding(INVALID, "invalid-suppression", "note", why, Span(m.start(), m.end()), m.group()))

    comments = sorted((*_COMMENT.finditer(text), *RST_COMMENT.finditer(text)), key=lambda m: m.start())
    for m in comments:
        kind, body = m.group(1), m.group(2)
        span = Span(m.start(), m.end())
        start_line = lines.position(m.start())[0]
        end_line = lines.position(m.end())[0]
        if kind == "enable":
            em = _ENABLE_BODY.match(body.split("--")[0].split(":")[0])
            codes = tuple(c.upper() for c in re.split(r"[\s,]+", em.group(1)) if c) if em else ()
            closed = False
            for block, idx in list(open_blocks):
                if not codes or set(codes) & set(block.codes):
                    out[idx] = replace(block, last_line=start_line)
                    open_blocks.remove((block, idx))
                    closed = True
            if not closed:
                invalid(m, "numcheck-enable without a matching numcheck-disable before it")
            continue
        bm = _BODY.match(body)
        if not bm:
            invalid(
                m,
                f"numcheck-{kind} needs a code and a reason, e.g. "
                f"<!-- numcheck-{kind} NC201: the figures come from different surveys -->; not honoured",
            )
            continue
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", bm.group(1)) if c)
        reason = " ".join(bm.group(2).split())
        if kind == "disable-next-line":
            target = end_line + 1
            # Skip blank lines: the comment usually sits above a paragraph.
            while target <= n_lines and not _line_text(text, line_starts, target).strip():
                target += 1
            out.append(Suppression(span, m.group(), codes, reason, target, target, wraps=True))
        elif kind == "disable-line":
            out.append(Suppression(span, m.group(), codes, reason, start_line, start_line))
        elif kind == "disable-file":
            out.append(Suppression(span, m.group(), codes, reason, 1, n_lines))
        else:
            sup = Suppression(span, m.group(), codes, reason, end_line, n_lines)
            out.append(sup)
            open_blocks.append((sup, len(out) - 1))
    return tuple(out), tuple(bad)


def _line_text(text: str, starts: list[int], line: int) -> str:
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(text)
    return text[start:end]


def apply(file: FileReport) -> FileReport:
    """``file`` with suppressed findings removed and NC001/NC002 notes added."""
    sups, bad = parse(file.text)
    if not sups and not bad:
        return file
    from numcheck.source import LineIndex

    lines = LineIndex(file.text)
    used = [False] * len(sups)
    # Next-line suppressions by their line; blocks (few in practice) are scanned.
    by_line: dict[int, list[int]] = {}
    blocks: list[int] = []
    for i, sup in enumerate(sups):
        if sup.first_line == sup.last_line:
            by_line.setdefault(sup.first_line, []).append(i)
        else:
            blocks.append(i)
    keep: list[Finding] = []
    for f in file.findings:
        line = lines.position(f.span.start)[0]
        # A next-line comment also covers a sentence that starts on its line and wraps.
        first = lines.position(context(f).start)[0]
        candidates = dict.fromkeys((*by_line.get(line, ()), *by_line.get(first, ()), *blocks))
        hit = [
            i for i in candidates if sups[i].covers(f.code, line) or (sups[i].wraps and sups[i].covers(f.code, first))
        ]
        for i in hit:
            used[i] = True
        if not hit:
            keep.append(f)
    for s, u in zip(sups, used):
        if not u:
            keep.append(
                Finding(
                    UNUSED,
                    "unused-suppression",
                    "note",
                    f"suppression of {', '.join(s.codes)} matched no finding; remove it",
                    s.span,
                    s.text,
                )
            )
    keep.extend(bad)
    keep.sort(key=lambda f: (f.span.start, f.span.end, f.code, f.message))
    return replace(file, findings=tuple(keep))
