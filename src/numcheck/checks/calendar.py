"""Check kind ``calendar``: weekdays, dates, day counts and ages that contradict one another.

Tests:

- ``weekday``: a weekday written next to a full date that falls on another
  day ("Monday, 7 October 2014"); a date without a year takes the reporting
  year, or the year before or after within two months of the reporting date
  across a new year (a story of 15 January tells of "Tuesday 30 December" last
  year; ``dates.nearest_date``), and stays silent without one. Numeric dates that read both ways
  (10/09) are left alone.
- ``invalid``: a day the month does not have ("30 February", "31 April"),
  from the rule's regexes (the bundled NC302 reads the fact table through
  the ``day-in-month`` judge instead).
- ``inverted``: a range that ends before it starts ("March 14–12", "from 2015
  to 2012").
- ``relative``: "N days ahead of / before / after the <event>" against the
  reporting weekday ("said on Monday") and the event's weekday.
- ``age``: "aged N" against "born in YYYY" and the reporting date.
- ``duration``: "an N-year <noun>" against "<noun> began in YYYY" and the
  reporting date.

The date words are read from the sentence text with the rule's regexes; the
dates in the fact table (``iso``) are used for weekday checks.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from numcheck import startcache
from numcheck.dates import nearest_date
from numcheck.model import Fact, Hit, Span, SpanIndex
from numcheck.patterns import View, compile_regex, content_words

if TYPE_CHECKING:
    from numcheck.model import Rule

MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for name in names
}
WEEKDAYS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (
            ("monday", "mon", "mo"),
            ("tuesday", "tue", "tues", "tu"),
            ("wednesday", "wed", "we"),
            ("thursday", "thu", "thur", "thurs", "th"),
            ("friday", "fri", "fr"),
            ("saturday", "sat", "sa"),
            ("sunday", "sun", "su"),
        )
    )
    for name in names
}
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

PARAMS: dict[str, tuple[type, Any]] = {
    "test": (str, "weekday"),
    "patterns": (list, []),
    "anchor": (str, r"(?!)"),
    "start": (str, r"(?!)"),
}
FIELDS = frozenset(
    {
        "date",
        "weekday",
        "actual",
        "first",
        "second",
        "days",
        "said",
        "event",
        "expected",
        "age",
        "born",
        "years",
        "figure",
    }
)
TESTS = ("weekday", "invalid", "inverted", "relative", "age", "duration")
_GROUPS = {
    "invalid": ("month", "day"),
    "inverted": ("first", "second"),
    "relative": ("days", "dir", "event"),
    "age": ("age",),
    "duration": ("years", "noun"),
}


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    test = params["test"]
    if test not in TESTS:
        raise ValueError(f"test: {test!r} is not one of {', '.join(TESTS)}")
    # The groups are checked when the pattern compiles (on first use for bundled rules).
    patterns = [compile_regex("patterns", p, _GROUPS.get(test, ())) for p in params["patterns"]]
    return {
        "patterns": patterns,
        "anchor": compile_regex("anchor", params["anchor"]),
        "start": compile_regex("start", params["start"]),
    }


def find(rule: Rule, view: View) -> Iterator[Hit]:
    test = rule.params["test"]
    if test == "weekday":
        yield from _weekday(view)
    elif test == "invalid":
        yield from _invalid(rule, view)
    elif test == "inverted":
        yield from _inverted(rule, view)
    elif test == "relative":
        yield from _relative(rule, view)
    elif test == "age":
        yield from _age(rule, view)
    else:
        yield from _duration(rule, view)


_A_DIGIT = startcache.compile(r"\d")


def _matches(rule: Rule, view: View, *, digits: bool = False) -> Iterator[tuple[int, Any]]:
    """(sentence start offset, match) for every pattern in every sentence, in text order.

    ``digits``: the caller reads numbers from the matches, so sentences without a digit are skipped
    (about half of a news text) instead of each pattern searching them in vain.
    """
    text = view.text
    for sent in view.doc.sentences:
        if digits and not _A_DIGIT.search(text, sent.span.start, sent.span.end):
            continue
        chunk = text[sent.span.start : sent.span.end]
        for p in rule.compiled["patterns"]:
            try:
                it = p.finditer(chunk) if rule.trusted else p.finditer(chunk, timeout=0.05)
                for m in it:
                    yield sent.span.start, m
            except TimeoutError:
                continue


def _span(base: int, m: Any, group: int | str = 0) -> Span:
    return Span(base + m.start(group), base + m.end(group))


# --- weekday vs date ----------------------------------------------------------------

_ISO_FULL = startcache.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:]+)?$")
_ISO_NOYEAR = startcache.compile(r"^-{0,2}(\d{2})-(\d{2})(?:T[\d:]+)?$")
_NUMERIC = startcache.compile(r"(\d{1,2})[/.](\d{1,2})(?:[/.]\d{2,4})?")
_WEEKDAY_WORD = startcache.compile(r"^\s*([A-Za-z]+)\.?")


def _weekday(view: View) -> Iterator[Hit]:
    facts = view.facts
    weekday_before: dict[int, Fact] = {}
    for i in view.by_kind.get("weekday", ()):
        weekday_before[facts[i].span.end] = facts[i]
    judged: list[Span] = []
    for i in view.by_kind.get("date", ()):
        f = facts[i]
        day = _date_of(f, _dated_by(view, f.span.start))
        if day is None or _ambiguous(f.text):
            continue
        written = _written_weekday(view, f, weekday_before)
        if written is None:
            continue
        span = Span(min(written[1].start, f.span.start), max(written[1].end, f.span.end))
        judged.append(span)
        if written[0] != day.weekday():
            yield _weekday_hit(view, span, written[0], day)
    yield from _weekday_text(view, judged)


# Characters before a year-less date within which a year told before it heads it: "IGD Convention 2014 -
# Friday, 31/10".
HEADING_YEAR_REACH = 25
# What may stand between a heading year and its date on one line: a dash, a comma, a colon.
_HEADING_GAP = startcache.compile(r"[ \t]*[-\u2013\u2014,:][ \t]*")


def _dated_by(view: View, start: int) -> dt.date | None:
    """The day a year-less date starting at ``start`` is read against: the reporting date, or the 1 January of
    a year told just before it, heading it ("IGD Convention 2014 - Friday, 31/10"), read in that year."""
    today = view.reporting_date
    for i in view.by_kind.get("year", ()):
        f = view.facts[i]
        between = view.text[f.span.end : start] if 0 <= start - f.span.end <= HEADING_YEAR_REACH else "."
        if _HEADING_GAP.fullmatch(between) and f.value is not None and 1 <= int(f.value) <= 9999:
            return dt.date(int(f.value), 7, 1)  # mid-year: every day of the year is read in it
    return today


def _weekday_hit(view: View, span: Span, weekday: int, day: dt.date) -> Hit:
    return Hit(
        span,
        (),
        (
            ("date", view.doc.text[span.start : span.end].rstrip(".,;: ")),
            ("weekday", DAY_NAMES[weekday]),
            ("actual", DAY_NAMES[day.weekday()]),
            ("figure", day.isoformat()),
        ),
    )


_MONTH_RE = r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_WD_RE = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun|Mo|Tu|We|Th|Fr|Sa|Su)"
_WEEKDAY_DATE = startcache.compile(
    rf"\b{_WD_RE}\.?,?\s+(?:the\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE.replace('?P<m>', '?P<m1>')}\b\.?"
    rf"|{_MONTH_RE}\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<n1>\d{{1,2}})/(?P<n2>\d{{1,2}})(?!/\d{{1,2}}\b)(?:/(?P<y2>\d{{4}}))?\b)"
    rf"(?:,?\s+(?P<y>\d{{4}})\b)?"
)


def _weekday_text(view: View, judged: list[Span]) -> Iterator[Hit]:
    """Weekday + date pairs the fact table missed ("Monday, 7th Oct", "Monday, 31/10"), read from the text."""
    text = view.text
    done = SpanIndex((j.start, j.end) for j in judged)
    for sent in view.doc.sentences:
        chunk = text[sent.span.start : sent.span.end]
        if not re.search(r"\d", chunk):
            continue
        for m in _WEEKDAY_DATE.finditer(chunk):
            span = Span(sent.span.start + m.start(), sent.span.start + m.end())
            if done.overlaps(span.start, span.end) or _NAMED.search(text, max(0, span.start - 30), span.start + 12):
                continue
            day = _text_date(m, _dated_by(view, sent.span.start + m.start()))
            if day is None:
                continue
            weekday = WEEKDAYS[m.group("wd").lower()]
            if weekday != day.weekday():
                yield _weekday_hit(view, span, weekday, day)


def _text_date(m: Any, today: dt.date | None) -> dt.date | None:
    year_text = m.group("y") or m.group("y2")
    year = int(year_text) if year_text else None
    if year is None and today is None:
        return None
    if m.group("n1"):
        a, b = int(m.group("n1")), int(m.group("n2"))
        if a <= 12 and b <= 12:
            return None  # 10/09 reads both ways
        month, day = (b, a) if a > 12 else (a, b)
    else:
        name = (m.group("m1") or m.group("m")).lower()
        month, day = MONTHS[name], int(m.group("d1") or m.group("d2"))
    if year is None:
        return nearest_date(today, month, day) if today is not None else None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Capitalised words that open a sentence before a weekday without naming it ("On Thursday, September 13, 2024,
# the council voted"; "By Friday 4 July …"): a time phrase, not "Ash Wednesday".
_NOT_NAMES = (
    "On By From Until Till Since Last Next This That Each Every Before After And But Or Late Early Then".split()
)
# A capitalised word right before a weekday-like word makes it part of a name ("Edmonton Sun", "Ash Wednesday"),
# on the same line: a headline ending in a name ("... in Toronto") does not name the dateline's weekday below it.
_NAMED = startcache.compile(
    rf"\b(?!(?:{'|'.join(_NOT_NAMES)})\b)[A-Z][a-z]+[ \t]+(?:Sun|Mon|Sat|Wed|Fri|Tue|Thu|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b,?\s+(?=[A-Z0-9])"
)
_BEFORE = startcache.compile(r"\b([A-Za-z]{2,9})\.?,?\s*(?:the\s+)?$")


def _written_weekday(view: View, f: Fact, weekday_before: Mapping[int, Fact]) -> tuple[int, Span] | None:
    """The weekday written with a date: inside the date fact, a weekday fact just before, or the word before."""
    text = view.text
    if _NAMED.search(text, max(0, f.span.start - 30), f.span.start + 12):
        return None  # "Edmonton Sun, August 16": a name, not a weekday
    m = _WEEKDAY_WORD.match(f.text)
    if m and m.group(1).lower() in WEEKDAYS:
        return WEEKDAYS[m.group(1).lower()], Span(f.span.start, f.span.start + m.end(1))
    for end in range(f.span.start, max(-1, f.span.start - 8), -1):
        w = weekday_before.get(end)
        if w and re.fullmatch(r"[\s,]*(?:the\s+)?", text[end : f.span.start]):
            name = (w.iso or w.text).strip().rstrip(".,").lower()
            if name in WEEKDAYS:
                return WEEKDAYS[name], w.span
    start = max(0, f.span.start - 16)
    m = _BEFORE.search(text, start, f.span.start)
    if m and m.group(1).lower() in WEEKDAYS and (m.group(1)[0].isupper()):
        return WEEKDAYS[m.group(1).lower()], Span(m.start(1), m.end(1))
    for marker in f.markers:
        if marker.lower() in WEEKDAYS:
            return WEEKDAYS[marker.lower()], f.span
    return None


def _date_of(f: Fact, today: dt.date | None) -> dt.date | None:
    iso = f.iso or ""
    m = _ISO_FULL.match(iso)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _ISO_NOYEAR.match(iso)
        if m and today is not None:
            return nearest_date(today, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None
    return None


def _ambiguous(written: str) -> bool:
    m = _NUMERIC.search(written)
    return m is not None and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2)


# --- invalid dates and inverted ranges ------------------------------------------------


def _invalid(rule: Rule, view: View) -> Iterator[Hit]:
    for base, m in _matches(rule, view, digits=True):  # the day is a number: int() of it
        month = MONTHS.get(m.group("month").lower().rstrip("."))
        day = int(m.group("day"))
        if month is None or day < 1:
            continue
        year = int(m.group("year")) if "year" in m.groupdict() and m.group("year") else None
        # Without a year, 29 February is possible (a leap year).
        last = cal.monthrange(year if year else 2000, month)[1]
        if day <= last:
            continue
        span = _span(base, m, "date") if "date" in m.groupdict() and m.group("date") else _span(base, m)
        yield Hit(
            span,
            (),
            (
                ("date", view.doc.text[span.start : span.end]),
                ("actual", f"{cal.month_name[month]} has {last} days" + (f" in {year}" if year else "")),
                ("figure", str(day)),
            ),
        )


def _inverted(rule: Rule, view: View) -> Iterator[Hit]:
    found: list[Span] = []
    for hit in _inverted_text(rule, view):
        found.append(hit.span)
        yield hit
    done = SpanIndex((s.start, s.end) for s in found)
    for hit in _inverted_facts(view):
        if not done.overlaps(hit.span.start, hit.span.end):
            yield hit


_ISO_END = startcache.compile(r"^(?P<y>\d{4})?(?:-{1,2}(?P<m>\d\d))?(?:-(?P<d>\d\d))?$")


_BACKWARDS_DURATION = startcache.compile(r"^(\S+)\s*(?:-|–|to|or)\s*(.*)$")
# The two ends of an age band told backwards ("aged between 30 and 18").
_BACKWARDS_AGES = startcache.compile(r"(\d+)\D+?(\d+)\s*$")


def _end_key(iso: str) -> tuple[str, tuple[int, ...]] | None:
    """An end of a date range as (shape, numbers): "2005-07" → ("ym", (2005, 7)), "--12-20" → ("md", (12, 20))."""
    m = _ISO_END.match(iso)
    if not m or not any(m.groups()):
        return None
    shape = "".join(k for k in "ymd" if m.group(k))
    return shape, tuple(int(m.group(k)) for k in "ymd" if m.group(k))


def _inverted_facts(view: View) -> Iterator[Hit]:
    """Date ranges of the fact table whose end comes before their start ("between July 2005 and December 2004",
    "from December 20 to December 11"). Without a year, only a range inside one month is judged: "December
    20 to January 5" runs into the next year."""
    for i in view.by_kind.get("duration", ()):
        f = view.facts[i]
        m = _BACKWARDS_DURATION.match(f.text)
        if "inverted" in f.markers and m:
            yield Hit(f.span, (), (("first", m.group(1)), ("second", m.group(2)), ("date", f.text)))
    for i in view.by_kind.get("age", ()):
        f = view.facts[i]
        ages = _BACKWARDS_AGES.search(f.text) if "inverted" in f.markers else None
        if ages:
            yield Hit(f.span, (), (("first", ages.group(1)), ("second", ages.group(2)), ("date", f.text)))
    for i in view.by_kind.get("year", ()):
        f = view.facts[i]
        ends = f.iso.split("/") if f.is_range and f.iso else ()
        if len(ends) == 2 and ends[0].isdigit() and ends[1].isdigit() and int(ends[1]) < int(ends[0]):
            yield Hit(f.span, (), (("first", ends[0]), ("second", ends[1]), ("date", f.text)))  # "1975-71"
    for i in view.by_kind.get("date", ()):
        f = view.facts[i]
        if not f.is_range or not f.iso or f.iso.count("/") != 1:
            continue
        first, second = (_end_key(p) for p in f.iso.split("/"))
        if first is None or second is None or first[0] == second[0] == "y":
            continue  # year ranges are read from the text above
        if first[0] != second[0]:
            # "from March 2021 till 5 January 2020": ends told to different precision compare on what
            # both give, a year and maybe a month.
            n = min(len(first[0]), len(second[0]))
            if first[0][:n] != second[0][:n] or not first[0].startswith("y"):
                continue
            first, second = (first[0][:n], first[1][:n]), (second[0][:n], second[1][:n])
        if "y" not in first[0] and first[1][0] != second[1][0]:
            continue
        if second[1] < first[1]:
            yield Hit(f.span, (), (("first", _end_name(first)), ("second", _end_name(second)), ("date", f.text)))


def _end_name(key: tuple[str, tuple[int, ...]]) -> str:
    parts = dict(zip(key[0], key[1], strict=True))
    words = [str(parts["d"])] if "d" in parts else []
    if "m" in parts and 1 <= parts["m"] <= 12:
        words.append(cal.month_name[parts["m"]])
    if "y" in parts:
        words.append(str(parts["y"]))
    return " ".join(words)


def _inverted_text(rule: Rule, view: View) -> Iterator[Hit]:
    # A range's ends are numbers (int() of each), so a sentence without a digit has no range to read.
    for base, m in _matches(rule, view, digits=True):
        first, second = int(m.group("first")), int(m.group("second"))
        if second >= first:
            continue
        span = _span(base, m, "range") if "range" in m.groupdict() and m.group("range") else _span(base, m)
        yield Hit(
            span,
            (),
            (
                ("first", m.group("first")),
                ("second", m.group("second")),
                ("date", view.doc.text[span.start : span.end]),
            ),
        )


# --- relative days -------------------------------------------------------------------


def _number(words: str) -> int | None:
    words = words.strip().lower()
    if words.isdigit():
        return int(words)
    if words in ("a", "one", "a single"):
        return 1
    from numcheck.numwords import parse

    v = parse(words)
    return int(v) if v is not None and v == v.to_integral_value() else None


def _reporting_weekday(rule: Rule, view: View) -> tuple[int, Span | None] | None:
    text = view.text
    for sent in view.doc.sentences:
        chunk = text[sent.span.start : sent.span.end]
        m = view.search(rule.compiled["anchor"], chunk, trusted=rule.trusted)
        if m and m.group("weekday").lower() in WEEKDAYS:
            return WEEKDAYS[m.group("weekday").lower()], _span(sent.span.start, m, "weekday")
    if view.reporting_date is not None:
        return view.reporting_date.weekday(), None
    return None


def _event_weekday(view: View, noun: str) -> tuple[int, Fact] | None:
    """The weekday the event named by ``noun`` is set for: a weekday within 80 characters after the noun."""
    facts = view.facts
    found: tuple[int, Fact] | None = None
    for i in view.by_kind.get("weekday", ()):
        w = facts[i]
        window = view.before(w, 90)
        if not re.search(rf"\b{re.escape(noun)}", window):
            continue
        name = (w.iso or w.text).strip().rstrip(".,").lower()
        if name not in WEEKDAYS:
            continue
        if found is not None and found[0] != WEEKDAYS[name]:
            return None  # two different days for the event: unclear which is meant
        found = (WEEKDAYS[name], w)
    return found


def _relative(rule: Rule, view: View) -> Iterator[Hit]:
    anchor = None
    for base, m in _matches(rule, view):
        if anchor is None:
            anchor = _reporting_weekday(rule, view) or (-1, None)
        if anchor[0] < 0:
            return
        days = _number(m.group("days"))
        nouns = [w for w in re.findall(r"[a-z]+", m.group("event").lower()) if content_words(w)]
        if days is None or not nouns:
            continue
        event = _event_weekday(view, nouns[-1])
        if event is None:
            continue
        after = m.group("dir").lower().startswith("after")
        expected = (anchor[0] - days) % 7 if after else (anchor[0] + days) % 7
        if expected == event[0]:
            continue
        related = tuple(s for s in (anchor[1], event[1].span) if s is not None)
        yield Hit(
            _span(base, m, "phrase") if m.groupdict().get("phrase") else _span(base, m),
            related,
            (
                ("days", m.group("days")),
                ("said", DAY_NAMES[anchor[0]]),
                ("event", DAY_NAMES[event[0]]),
                ("expected", DAY_NAMES[expected]),
                ("date", nouns[-1]),
            ),
        )


# --- ages and durations against the reporting date -------------------------------------------


def _age(rule: Rule, view: View) -> Iterator[Hit]:
    today = view.reporting_date
    if today is None:
        return
    text = view.text
    sents = view.doc.sentences
    for si, sent in enumerate(sents):
        chunk = text[sent.span.start : sent.span.end]
        for p in rule.compiled["patterns"]:
            m = view.search(p, chunk, trusted=rule.trusted)
            if not m:
                continue
            # "born in 1980" in this sentence or the one before or after it.
            born = None
            for sj in (si, si - 1, si + 1):
                if 0 <= sj < len(sents):
                    s2 = sents[sj].span
                    b = view.search(rule.compiled["start"], text[s2.start : s2.end], trusted=rule.trusted)
                    if b:
                        born = (int(b.group("year")), Span(s2.start + b.start("year"), s2.start + b.end("year")))
                        break
            if born is None:
                continue
            age = int(m.group("age"))
            possible = (today.year - born[0] - 1, today.year - born[0])
            if age in possible:
                continue
            yield Hit(
                _span(sent.span.start, m, "age"),
                (born[1],),
                (
                    ("age", m.group("age")),
                    ("born", str(born[0])),
                    ("expected", f"{possible[0]} or {possible[1]}"),
                    ("date", today.isoformat()),
                ),
            )


def _duration(rule: Rule, view: View) -> Iterator[Hit]:
    today = view.reporting_date
    if today is None:
        return
    text = view.text
    for base, m in _matches(rule, view):
        years = _number(m.group("years"))
        noun = m.group("noun").lower()
        if years is None:
            continue
        starts = []
        for sent in view.doc.sentences:
            chunk = text[sent.span.start : sent.span.end]
            s = view.search(rule.compiled["start"], chunk, trusted=rule.trusted)
            if s and s.group("noun").lower().rstrip("s") == noun.rstrip("s"):
                starts.append(
                    (int(s.group("year")), Span(sent.span.start + s.start("year"), sent.span.start + s.end("year")))
                )
        if len({y for y, _ in starts}) != 1:
            continue
        start, span = starts[0]
        elapsed = today.year - start
        if elapsed - 1 <= years <= elapsed + 1:
            continue
        yield Hit(
            _span(base, m, "phrase") if m.groupdict().get("phrase") else _span(base, m),
            (span,),
            (
                ("years", m.group("years")),
                ("born", str(start)),
                ("expected", str(elapsed)),
                ("date", today.isoformat()),
                ("event", noun),
            ),
        )
