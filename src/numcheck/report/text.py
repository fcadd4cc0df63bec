"""The text format: a readable report for people, in colour on a terminal (rich).

Grouped by file. Each finding shows ``path:line:col``, code, severity, rule
and message (the arithmetic), then its sentence with the flagged figure
marked ``^`` and the related figures marked ``~``: underlined and coloured
when colour is on, and the marker line keeps it readable without colour.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from numcheck import startcache
from numcheck.interval import Interval
from numcheck.model import Fact, FileReport, Report, Span
from numcheck.report import FileView, Located, Options, RuleInfo, summary_line, view

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "note": "bold cyan"}
PRIMARY_STYLE = "bold red underline"
RELATED_STYLE = "cyan underline"
GUTTER = "    | "


def console(options: Options) -> Console:
    """A console writing to a string, so rendering stays a pure function."""
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=max(40, options.width),
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        # Never let the environment (COLUMNS, TERM, JUPYTER) change the bytes.
        force_jupyter=False,
        force_interactive=False,
        _environ={},
    )


def _flat(text: str) -> str:
    """The sentence on one line; same length so offsets still hold."""
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _window(sentence: Span, marked: Span, primary: Span, room: int) -> Span:
    """The part of ``sentence`` to show: all of it if it fits, else every marked
    figure if they fit together, else the flagged figure with some context."""
    if len(sentence) <= room:
        return sentence
    room = max(room - 2, len(primary) + 2)  # two ellipses
    focus = marked if len(marked) <= room else primary
    start = max(sentence.start, focus.start - (room - len(focus)) // 2)
    end = min(sentence.end, start + room)
    start = max(sentence.start, end - room)
    return Span(start, end)


def display_text(file: FileReport) -> str:
    """The text sentences are shown from: HTML with its tags blanked (the
    figures stay where they are), other formats as written; one line."""
    from numcheck.source import HTML_SUFFIXES, blank_html

    text = blank_html(file.text) if file.path.lower().endswith(HTML_SUFFIXES) else file.text
    return _flat(text)


def sentence_lines(text: str, loc: Located, options: Options) -> tuple[Text, Text]:
    """The sentence of ``loc`` in ``text`` (windowed to the width) and the marker line under it."""
    from rich.cells import cell_len
    from rich.text import Text

    f = loc.finding
    room = max(20, options.width - len(GUTTER))
    spans = [f.span, *(r.span for r in f.related if loc.sentence.contains(r.span))]
    marked = Span(min(s.start for s in spans), max(s.end for s in spans))
    win = _window(loc.sentence, marked, f.span, room)
    marks: dict[int, str] = {}
    for r in f.related:
        for i in range(r.span.start, r.span.end):
            marks[i] = "~"
    for i in range(f.span.start, f.span.end):
        marks[i] = "^"
    shown = Text()
    under = Text()
    shown.append(GUTTER, style="dim")
    under.append(GUTTER, style="dim")
    if win.start > loc.sentence.start:
        shown.append("…")
        under.append(" ")
    # Runs of characters with the same mark, so each run is one styled segment.
    i = win.start
    while i < win.end:
        mark = marks.get(i)
        j = i + 1
        while j < win.end and marks.get(j) == mark:
            j += 1
        chunk = text[i:j]
        style = PRIMARY_STYLE if mark == "^" else RELATED_STYLE if mark == "~" else ""
        shown.append(chunk, style=style)
        under.append((mark or " ") * cell_len(chunk), style=style.replace(" underline", ""))
        i = j
    if win.end < loc.sentence.end:
        shown.append("…")
    under.rstrip()
    return shown, under


def _header(v: FileView, loc: Located) -> Text:
    from rich.text import Text

    f = loc.finding
    t = Text()
    t.append(f"{v.report.path}:{loc.line}:{loc.column}:", style="bold")
    t.append(" ")
    t.append(f.code, style="bold")
    t.append(" ")
    t.append(f.severity, style=SEVERITY_STYLES.get(f.severity, ""))
    t.append(f" {f.rule}", style="dim")
    return t


def _short(d: Decimal) -> str:
    """A value for the eye: at most 6 decimals (two-thirds is 0.666667 here, exact in JSON)."""
    if d.as_tuple().exponent < -6:  # type: ignore[operator]
        d = d.quantize(Decimal("0.000001"))
    text = format(d.normalize(), "f")
    return text


# Scale words for values in the fact table: "12.4M" reads at a glance where "12400000" is
# counted digit by digit, and keeps the value and interval columns narrow (JSON stays exact).
_SCALES: tuple[tuple[Decimal, str], ...] = ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "M"))
# Below this width the table becomes one short block per fact: its seven columns need ~80.
TABLE_MIN_WIDTH = 80


def _compact(d: Decimal) -> str:
    """A value for the eye: a million and up with a scale word and at most 4 decimals (12.35M)."""
    if d.is_finite():
        for size, word in _SCALES:
            if abs(d) >= size:
                scaled = d / size
                if scaled.as_tuple().exponent < -4:  # type: ignore[operator]
                    scaled = scaled.quantize(Decimal("0.0001"))
                return format(scaled.normalize(), "f") + word
    return _short(d)


def _interval(iv: Interval) -> str:
    if iv.low is None and iv.high is None:
        return ""
    lo = "-∞" if iv.low is None else _compact(iv.low)
    hi = "∞" if iv.high is None else _compact(iv.high)
    return f"{'(' if iv.low_open or iv.low is None else '['}{lo}, {hi}{')' if iv.high_open or iv.high is None else ']'}"


def _value(fact: Fact) -> str:
    """Value and unit in one cell: "48%", "12.4M GBP", "2025-03-04"."""
    if fact.value is None:
        return fact.iso or ""
    unit = fact.unit or ""
    return _compact(fact.value) + ("" if not unit or unit == "%" else " ") + unit


def fact_table(file: FileReport, v: FileView, options: Options) -> object:
    """The fact table of one file: a rich Table, or one block per fact below TABLE_MIN_WIDTH."""
    if options.width < TABLE_MIN_WIDTH:
        return _fact_blocks(file, v, options)
    from rich import box
    from rich.table import Table

    # Columns one space apart (the box's divider), no padding: seven columns fit in 80.
    table = Table(
        title=f"Facts in {file.path}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=False,
        pad_edge=False,
        padding=(0, 1, 0, 0),
        show_edge=False,
    )
    for name in ("line:col", "text", "kind", "value", "hedge", "interval", "subject"):
        # Figures never wrap (a value cut in two misreads); the text and subject wrap at spaces.
        words = name in ("text", "subject")
        table.add_column(
            name, overflow="fold", no_wrap=not words, min_width=10 if words else None, ratio=1 if words else None
        )
    for fact in file.facts:
        line, col = v.position(fact.span.start)
        table.add_row(
            f"{line}:{col}",
            _flat(fact.text),
            fact.kind,
            _value(fact),
            fact.hedge,
            _interval(fact.interval),
            fact.subject or "",
        )
    return table


def _fact_blocks(file: FileReport, v: FileView, options: Options) -> object:
    """The fact table for a narrow terminal: each fact as its text, then what it means, indented."""
    import textwrap

    from rich.console import Group
    from rich.text import Text

    width = max(40, options.width)
    rows: list[Text] = [Text(f"Facts in {file.path}", style="italic"), Text("")]
    for fact in file.facts:
        line, col = v.position(fact.span.start)
        where = f"{line}:{col}"
        pad = max(len(where) + 2, 8)
        for i, part in enumerate(textwrap.wrap(_flat(fact.text), width - pad) or [""]):
            rows.append(Text((where if i == 0 else "").ljust(pad) + part))
        meaning = [f"{fact.kind} {_value(fact)}".strip(), fact.hedge, _interval(fact.interval)]
        if fact.subject:
            meaning.append(f"subject: {fact.subject}")
        detail = ", ".join(m for m in meaning if m)
        for part in textwrap.wrap(detail, width - pad, break_on_hyphens=False):
            rows.append(Text(" " * pad + part, style="dim"))
    return Group(*rows)


def render(report: Report, options: Options) -> str:
    if _summary_only(report, options):
        # Nothing to lay out: the bytes rich would give, without importing it
        # (most of a clean run's start-up in an editor's on-save hook).
        return summary_line(report) + "\n"
    from rich.text import Text

    con = console(options)
    for file in report.files:
        if file.error is not None:
            continue  # unreadable files are reported on stderr by the CLI
        v = view(file)
        if not v.findings and not options.facts:
            continue
        shown_text = display_text(file) if v.findings else ""
        for loc in v.findings:
            f = loc.finding
            con.print(_header(v, loc), soft_wrap=True)
            # A figure quoted across a line break would break the message in two.
            con.print(Text("  " + " ".join(f.message.split())))
            shown, under = sentence_lines(shown_text, loc, options)
            con.print(shown, soft_wrap=True)
            con.print(under, soft_wrap=True)
            if f.fix:
                con.print(Text(f"  fix: {f.fix}", style="green"))
            con.print()
        if options.facts:
            con.print(fact_table(file, v, options))
            con.print()
    # One line whatever the width: CI logs and scripts read the summary whole.
    con.print(Text(summary_line(report), style="bold"), soft_wrap=True)
    out = con.file.getvalue()  # type: ignore[attr-defined]
    # rich pads nothing with soft_wrap, but tables may leave trailing spaces.
    return "\n".join(line.rstrip() for line in out.split("\n"))


def _summary_only(report: Report, options: Options) -> bool:
    """Whether the report is one plain line: no colour, no fact table, no finding, and it fits the width."""
    if options.color or options.facts or any(f.findings for f in report.files if f.error is None):
        return False
    # rich would wrap a line as wide as the console; the summary is ASCII, one cell a character.
    return len(summary_line(report)) < max(40, options.width)


def render_facts(report: Report, options: Options) -> str:
    """Only the fact tables (``numcheck facts`` on a terminal)."""
    con = console(options)
    for file in report.files:
        if file.error is not None:
            continue
        con.print(fact_table(file, view(file), options))
        con.print()
    out = con.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.split("\n"))


# --- numcheck explain ------------------------------------------------------------------

_MARK = startcache.compile(r"<mark>(.*?)</mark>", re.S)
BULLET, EXAMPLE_INDENT = "  - ", "    "  # the same width, so marks line up under either
# Prose (summary, why) wraps at this width even on a wide terminal: lines stay readable.
PROSE_WIDTH = 78


def unmark(example: str) -> tuple[str, list[Span]]:
    """An example without its ``<mark>`` tags, and the spans they marked in the text left."""
    out: list[str] = []
    spans: list[Span] = []
    pos = length = 0
    for m in _MARK.finditer(example):
        out.append(example[pos : m.start()])
        length += m.start() - pos
        spans.append(Span(length, length + len(m.group(1))))
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(example[pos:])
    return "".join(out), spans


def _wrap(line: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``line`` wrapped at spaces to ``width`` characters; nothing is dropped."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(line) - start > width:
        cut = line.rfind(" ", start, start + width + 1)
        cut = cut + 1 if cut > start else start + width
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(line)))
    return pieces


def _plain_example(example: str, width: int) -> list[str]:
    """An example as lines, with a ``^`` line under each piece that holds a marked figure."""
    from rich.cells import cell_len

    text, spans = unmark(example.strip())
    out: list[str] = []
    offset = 0
    for line in text.split("\n"):
        for a, b in _wrap(line, max(20, width - len(EXAMPLE_INDENT))):
            out.append(((EXAMPLE_INDENT if out else BULLET) + line[a:b]).rstrip())
            # A mark that wraps goes on past the space the line ends with: no "^" under that space, which
            # the line drops, or the mark line would be one column wider than the text.
            b = a + len(line[a:b].rstrip())
            marks = ""
            for s in spans:
                lo, hi = max(a, s.start - offset), min(b, s.end - offset)
                if lo < hi:
                    marks += " " * (cell_len(line[a:lo]) - cell_len(marks)) + "^" * cell_len(line[lo:hi])
            if marks:
                out.append((EXAMPLE_INDENT + marks).rstrip())
        offset += len(line) + 1
    return out


def _styled_example(example: str) -> Text:
    from rich.text import Text

    text, spans = unmark(example.strip())
    shown = Text(BULLET + text.replace("\n", "\n" + EXAMPLE_INDENT))
    for s in spans:
        # Offsets shift by the indent on each line before the span.
        before = text.count("\n", 0, s.start) + 1
        shift = len(EXAMPLE_INDENT) * before
        shown.stylize(PRIMARY_STYLE, s.start + shift, s.end + shift)
    return shown


def render_rule(
    rule: RuleInfo, flagged: Sequence[str], clean: Sequence[str], today: str | None, options: Options
) -> str:
    """``numcheck explain``: a rule's summary, why it matters and its examples, the flagged
    figure highlighted in colour, or marked ``^`` on the line below without colour."""
    import textwrap

    width = max(40, options.width)
    wrap = min(width - 2, PROSE_WIDTH)
    head = [f"{rule.code} {rule.name} ({rule.severity})", "", *textwrap.wrap(rule.summary, wrap), ""]
    if rule.why:
        head += [
            "Why it matters:",
            *textwrap.wrap(" ".join(rule.why.split()), wrap, initial_indent="  ", subsequent_indent="  "),
            "",
        ]
    if today and (flagged or clean):
        head += [*textwrap.wrap(f"The examples assume the reporting date {today} (as with --date {today}).", wrap), ""]
    blocks: list[tuple[str, Sequence[str]]] = []
    if flagged:
        marked = any(_MARK.search(e) for e in flagged)
        title = (
            "Flagged:"
            if not marked
            else "Flagged (the figure highlighted):"
            if options.color
            else "Flagged (the figure marked ^):"
        )
        blocks.append((title, flagged))
    if clean:
        blocks.append(("Not flagged:", clean))
    tail = []
    if not rule.code.startswith("NC0"):  # NC0xx are about suppression comments themselves
        tail = [f"Silence one occurrence with <!-- numcheck-disable-next-line {rule.code}: your reason -->"]
    if not options.color:
        lines = list(head)
        for title, examples in blocks:
            lines.append(title)
            for example in examples:
                lines += _plain_example(example, width)
            lines.append("")
        return "\n".join([*lines, *tail]) + "\n"
    from rich.text import Text

    con = console(options)
    for line in head:
        con.print(Text(line), soft_wrap=True)
    for title, examples in blocks:
        con.print(Text(title, style="bold"))
        for example in examples:
            con.print(_styled_example(example))
        con.print()
    for line in tail:
        con.print(Text(line), soft_wrap=True)
    out = con.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.split("\n"))
