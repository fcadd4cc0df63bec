"""The values numcheck passes around: spans, sources, facts, documents, findings.

All are frozen dataclasses; behaviour lives in functions elsewhere. Offsets
are 0-based code-point offsets into the original text, end exclusive; only
reporters turn them into lines and columns.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from numcheck.interval import Interval

# The kinds a fact can have. Extractors produce only these; rules select by them.
KINDS: tuple[str, ...] = (
    "count",  # a number of things: "5.6 million refugees", "12 people", "a dozen"
    "number",  # a bare number with nothing counted: "192", "score of 3"
    "percent",  # "48%", "48 per cent"; value in percent (48)
    "points",  # "3 percentage points", "3pp"; value in points
    "share",  # "one in five", "two-thirds", "half of"; value as a fraction (0.2)
    "multiple",  # "twice", "tripled", "three times"; value as the factor
    "money",  # "£3.2bn", "$4m", "3 dollars 50 cents"; unit is an ISO 4217 code
    "measure",  # a physical quantity through pint: "10 miles", "40C"; unit is pint's name
    "date",  # a calendar date or month: "December 2015", "1 May 2020"; iso "2015-12"
    "year",  # a bare year: "in 2015"; iso "2015"
    "decade",  # "the 1990s"; iso "199"
    "weekday",  # "Monday"; iso "Monday"
    "time",  # a time of day: "11pm"; iso "23:00"
    "relative",  # a day relative to the reporting day: "yesterday", "two days ahead"
    "duration",  # "nine-year war", "for three years"; unit is pint's name (year, day, ...)
    "frequency",  # "twice a week", "every three years", "monthly"; value the count, unit "1 / week", "1 / (3 year)"
    "age",  # "aged 34", "a 34-year-old"; unit "year"
    "ordinal",  # "third-largest", "21st"
    # A result of a game or set: "won 6-4, 3-6, 7-5", "a 3-1 win"; value None. Not a range
    # and not two counts, so no rule reads it (rules select the kinds they compare).
    "score",
)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open ``[start, end)`` code-point offsets into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class SpanIndex:
    """Many ``(start, end)`` ranges, asked "does anything overlap [s, e)?" in O(log n).

    Extractors ask this of every candidate against everything already read;
    a scan over a list would make a text with a million figures quadratic.
    """

    __slots__ = ("_starts", "_reach")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [a for a, _ in ordered]
        # _reach[i]: the furthest end among the first i + 1 ranges.
        self._reach: list[int] = []
        far = -1
        for _, b in ordered:
            far = max(far, b)
            self._reach.append(far)

    def reach(self, start: int, end: int) -> int | None:
        """The furthest end of the ranges overlapping ``[start, end)``, or None if none does."""
        i = bisect_left(self._starts, end) - 1
        if i < 0 or self._reach[i] <= start:
            return None
        return self._reach[i]

    def overlaps(self, start: int, end: int) -> bool:
        return self.reach(start, end) is not None


@dataclass(frozen=True, slots=True)
class Source:
    """A text as read: ``text`` is exactly what the file held, decoded."""

    path: str
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the text: its span, its paragraph, and whether it is a list item."""

    span: Span
    paragraph: int
    item: bool = False  # a list item or table row: an entry of its own, never a lead that sums up the rest
    section: int = 0  # how many Markdown headings ("## Version 4.7") come before it: a document of sections


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of the fact table: a figure as written and what it means.

    ``value`` is a Decimal for numeric kinds (percent in percent, share as a
    fraction, money in units of ``unit``); None where the figure is not a
    single number (vague plurals, dates: see ``iso``). ``interval`` is every
    value the writer could have meant, from printed precision and hedge.
    """

    span: Span
    text: str
    kind: str
    value: Decimal | None
    unit: str | None
    hedge: str
    interval: Interval
    subject: str | None
    sentence: int
    # Dates and times: an ISO-8601 prefix ("2015-12-01", "2015-12", "2015", "23:00"),
    # or the weekday's English name for kind "weekday".
    iso: str | None = None
    # Words around the figure that rules read: "another" (disjoint from
    # figures before it), "from"/"to" endpoints, "rose"/"fell", time words.
    markers: tuple[str, ...] = ()
    # A range ("10-15", "between 10 and 15") keeps both ends in ``interval`` and
    # is marked here so rules do not treat it as one rounded value.
    is_range: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A source with its sentences and its fact table, facts in span order."""

    source: Source
    sentences: tuple[Sentence, ...]
    facts: tuple[Fact, ...]
    # Where markup (Markdown code, HTML tags, front matter) was blanked; rules
    # and extractors read ``clean`` and report spans into ``source.text``.
    clean: str = ""

    @property
    def text(self) -> str:
        return self.source.text


@dataclass(frozen=True, slots=True)
class Related:
    """Another figure or cue word a finding points at, with its text."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check returns: the figures it bound and the values for the rule's message.

    The engine turns a hit into a Finding with the rule's code, severity and
    message template filled from ``fields``.
    """

    span: Span
    related: tuple[Span, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    # Weaker evidence lowers a rule's severity: a relation inferred across sentences is at most a
    # warning (None: the rule's own severity).
    severity: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: a rule's verdict on some figures, with the arithmetic."""

    code: str  # "NC201"
    rule: str  # "part-exceeds-whole"
    severity: str  # "note" | "warning" | "error"
    message: str
    span: Span
    text: str
    related: tuple[Related, ...] = ()
    fix: str | None = None  # display-only
    # The sentence the figures sit in, filled by the pipeline from the document's
    # sentences, so reporters and baselines never split the text again.
    sentence: Span | None = None


def context(finding: Finding) -> Span:
    """The span a finding is shown in and fingerprinted by: its sentence, else its own span.

    A finding outside any sentence (in a suppression comment, say) has no sentence.
    """
    s = finding.sentence
    return s if s is not None and s.contains(finding.span) else finding.span


@dataclass(frozen=True, slots=True)
class FileReport:
    """One file's text, fact table and findings, or why it could not be checked."""

    path: str
    text: str
    facts: tuple[Fact, ...]
    findings: tuple[Finding, ...]
    error: str | None = None  # why the file could not be read or checked


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One finding recorded in a baseline file; ``path`` is relative to the project root."""

    path: str
    code: str
    fingerprint: str
    message: str


@dataclass(frozen=True, slots=True)
class BaselineUse:
    """What a baseline did in a run: how many findings it hid, and its entries nothing matched."""

    path: str  # the baseline file, as given
    hidden: int
    stale: tuple[BaselineEntry, ...]  # recorded for a file checked (or gone) but no longer found


@dataclass(frozen=True, slots=True)
class Report:
    """A run's file reports, in the order the files were given."""

    files: tuple[FileReport, ...] = field(default_factory=tuple)
    baseline: BaselineUse | None = None  # set when the run used a baseline


SEVERITIES: tuple[str, ...] = ("note", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


# --- rules: the values rules.py loads and checks/judges read --------------------------------

CODE_FAMILIES: dict[str, str] = {
    "1": "agreement across the document",
    "2": "arithmetic inside the text",
    "3": "calendar",
    "4": "plausibility",
    "5": "conversion",
}


@dataclass(frozen=True, slots=True)
class Examples:
    """A rule's example sentences: flagged ones mark the span a finding must cover."""

    flagged: tuple[str, ...]  # each holds one <mark>…</mark>: the span the finding must cover
    clean: tuple[str, ...]
    today: str | None = None  # a reporting date (YYYY-MM-DD) for rules that need "now"


@dataclass(frozen=True)
class Rule:
    """One rule as loaded from its file, parameters validated."""

    code: str
    name: str
    check: str
    severity: str
    summary: str
    message: str
    why: str
    params: Mapping[str, Any]  # validated and completed with the check's defaults
    examples: Examples
    file: str = ""
    # A relation rule names the relation(s) it reads ("change,comparison") and the judge that tests them
    # (``check`` is then "").
    relation: str = ""
    judge: str = ""
    # Rules from user folders are matched under the regex timeout.
    trusted: bool = True
    compiled: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __hash__(self) -> int:
        # params and compiled are mappings; a rule is identified by its code, name and file.
        return hash((self.code, self.name, self.file))

    @property
    def family(self) -> str:
        return CODE_FAMILIES.get(self.code[2:3], "")
