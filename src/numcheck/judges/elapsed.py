"""Judge ``elapsed``: a stated length of years against the years it spans ("eight years and 20 days between
1731 and 1736"; "for nearly 30 years, since … 1990" in a 2019 text; "the four-year war" begun in 2011)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.model import Fact, Hit, Span
from numcheck.patterns import View
from numcheck.relations import Relation
from numcheck.relations.calendar import _year_of, _year_range, _years_told
from numcheck.relations.elapsed import _last_year

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"span", "timeline"})
ROLES = ("length",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"length", "years", "start", "end", "expected"})
# Whole years between two years named without months are off by up to one either way.
YEAR_SLACK = 1


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def meets(iv: Interval, lo: Decimal, hi: Decimal) -> bool:
    """The interval shares a point with [lo, hi]."""
    if iv.high is not None and (iv.high < lo or (iv.high_open and iv.high == lo)):
        return False
    return not (iv.low is not None and (iv.low > hi or (iv.low_open and iv.low == hi)))


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    li = rel.get("length")
    if li is None:
        return None
    length = view.facts[li]
    if rel.kind == "timeline":
        return _timeline(rel, view)
    if rel.get("nth") is not None:
        return _nth(rel, view)
    if length.unit in SHORT_DAYS:
        return _short(rel, view)
    ends: list[tuple[int, int, int]] = []  # (first year, last year, fact) for each reading
    more = 0  # years a decade among the ends may add to each reading
    ri = rel.get("range")
    if ri is not None and length.unit == "year" and (months := _range_months(view.facts[ri])) is not None:
        return _by_months(rel, view, months)
    if ri is not None:
        r = _year_range(view.facts[ri])
        if r is not None:
            ends.append((r[0], r[1], ri))
            if rel.label("inclusive"):
                more = 1  # "over three years" for "between 2021 and 2023": whole years, both counted
    elif rel.get("end") is not None and rel.get("start") is not None:
        months = _months_between(view.facts[rel.get("start") or 0], view.facts[rel.get("end") or 0])
        if months is not None and length.unit == "year":
            return _by_months(rel, view, months)
        a, b = _years_told(view.facts[rel.get("start") or 0]), _years_told(view.facts[rel.get("end") or 0])
        if a is not None and b is not None:
            # A decade ("until the early 1990s") allows each of its years: from the shortest reading to the
            # longest.
            ends.append((min(a[1], b[0]), max(a[1], b[0]), rel.get("start") or 0))
            more = abs(b[1] - a[0]) - abs(b[0] - a[1])
    elif rel.label("end") == "report" and rel.get("anniversary") is not None:
        # "celebrate their 30th anniversary this week": now is the start's year plus N.
        y, n = _year_of(view.facts[rel.get("start") or 0]), view.facts[rel.get("anniversary") or 0].value
        if y is not None and n is not None:
            ends.append((y, y + int(n), rel.get("start") or 0))
    elif rel.label("end") == "report" and view.reporting_date is not None:
        for si in rel.all("start"):
            y = _year_of(view.facts[si])
            if y is not None:
                ends.append((y, view.reporting_date.year, si))
    elif rel.label("end") == "report" and rel.label("now").isdigit():
        # No dateline: the story's own year (``storydate.story_year``) is now.
        for si in rel.all("start"):
            y = _year_of(view.facts[si])
            if y is not None:
                ends.append((y, int(rel.label("now")), si))
    elif rel.label("end") == "report" and any(rel.get(r) is not None for r in ("floor", "ceiling", "recent")):
        return _now_between(rel, view)
    if not ends:
        return None
    iv = length.interval
    if length.kind == "relative" and length.value is not None:
        iv = Interval.point(abs(length.value))  # "two years earlier" counts back: its length is 2
    within = rel.label("within") == "yes"
    for first, last, _ in ends:
        e = last - first
        if meets(iv, Decimal(e - YEAR_SLACK), Decimal(e + more + YEAR_SLACK)):
            return None
        if within and (iv.low is None or iv.low <= e + more + YEAR_SLACK):
            return None  # a shorter length fits inside start to end
    first, last, fi = ends[0]
    if more:
        ei = rel.get("end") or 0
        return Hit(
            length.span,
            tuple(view.facts[i].span for r, i in rel.roles if r != "length"),
            (
                ("length", length.text),
                ("years", view.facts[fi].text),
                ("start", view.facts[fi].text),
                ("end", view.facts[ei].text),
                ("expected", f"{last - first} to {last - first + more} years"),
            ),
        )
    others = tuple(view.facts[i].span for r, i in rel.roles if r != "length" and i != fi)
    return Hit(
        length.span,
        (view.facts[fi].span, *others),
        (
            ("length", length.text),
            ("years", view.facts[fi].text),
            ("start", str(first)),
            ("end", str(last)),
            ("expected", f"{last - first} years"),
        ),
    )


def _nth(rel: Relation, view: View) -> Hit | None:
    """A run's length against its count of years ("for a decade" against "for the 12th year"): the Nth year is N - 1
    or N years on. A length told without a hedge is read as its figure ("a decade" is 10)."""
    li, ni = rel.get("length"), rel.get("nth")
    if li is None or ni is None or view.facts[ni].value is None:
        return None
    length, n = view.facts[li], int(view.facts[ni].value or 0)
    iv = Interval.point(length.value) if length.hedge == "exact" and length.value is not None else length.interval
    if meets(iv, Decimal(n - 1), Decimal(n)):
        return None
    told = f"{view.facts[ni].text} year"
    return Hit(
        length.span,
        (view.facts[ni].span,),
        (
            ("length", length.text),
            ("years", told),
            ("start", "its first year"),
            ("end", f"its {view.facts[ni].text}"),
            ("expected", f"{n - 1} or {n} years"),
        ),
    )


# A story told without a date of its own reports the latest past event its lead dates within this many years.
RECENT_YEARS = 1
# Bounds that stand for "none" on one side of the years a length may take.
_NO_LOW, _NO_HIGH = Decimal(0), Decimal(10000)


def _now_between(rel: Relation, view: View) -> Hit | None:
    """A length counted to now in a text without a reporting date: now is no earlier than the latest year
    the text tells of as past (``floor``) and, when it is given, no later than the latest year the text
    tells of at all (``ceiling``), so the length lies between the years from the start to each."""
    facts = view.facts
    li, si, fl, ce = rel.get("length"), rel.get("start"), rel.get("floor"), rel.get("ceiling")
    if li is None or si is None:
        return None
    start = _year_of(facts[si])
    floor = _last_year(facts[fl]) if fl is not None else None
    ceiling = _last_year(facts[ce]) if ce is not None else None
    ri = rel.get("recent")
    if ceiling is None and ri is not None and (y := _last_year(facts[ri])) is not None:
        ceiling, ce = y + RECENT_YEARS, ri  # the lead's latest past date: now is at most a year on
    if start is None or (floor is None or floor <= start) and (ceiling is None or ceiling <= start):
        return None
    length = facts[li]
    iv = length.interval
    if length.kind == "relative" and length.value is not None:
        iv = Interval.point(abs(length.value))  # "25 years ago" counts back: its length is 25
    low = Decimal(floor - start - YEAR_SLACK) if floor is not None and floor > start else _NO_LOW
    if rel.label("within") == "yes":
        low = _NO_LOW  # a time spent inside the span ("has spent four years since ..."): only longer is wrong
    high = Decimal(ceiling - start + YEAR_SLACK) if ceiling is not None and ceiling > start else _NO_HIGH
    if meets(iv, low, high):
        return None
    if floor is not None and ceiling is not None:
        end = str(floor) if floor == ceiling else f"{floor} to {ceiling}"
        expected = f"{floor - start}" if floor == ceiling else f"{floor - start} to {ceiling - start}"
    elif floor is not None:
        end, expected = f"{floor} or later", f"{floor - start} or more"
    else:
        assert ceiling is not None
        end, expected = f"{ceiling} or earlier", f"{ceiling - start} or fewer"
    expected += " years"
    spans = tuple(facts[i].span for i in (si, fl, ce) if i is not None)
    return Hit(
        length.span,
        spans,
        (
            ("length", length.text),
            ("years", facts[si].text),
            ("start", str(start)),
            ("end", end),
            ("expected", expected),
        ),
    )


# Days in a unit of a length counted between two days; a length in months between months alone is counted
# in months. Counting the first and last day or not makes a day either way.
SHORT_DAYS = {"day": Decimal(1), "week": Decimal(7), "month": Decimal("30.44")}
DAY_SLACK = 1
YEAR_DIGITS = 4
_ISO = re.compile(r"^(?:(\d{4})|-)-(\d\d)(?:-(\d\d))?$")


def _ends(
    view: View, rel: Relation
) -> tuple[tuple[int | None, int, int | None], tuple[int | None, int, int | None]] | None:
    """(year, month, day) of the first and the last day the relation's dates name; day None for a month."""
    ri = rel.get("range")
    if ri is not None:
        parts = (view.facts[ri].iso or "").split("/")
    else:
        a, b = rel.get("start"), rel.get("end")
        if a is None or b is None:
            return None
        parts = [view.facts[a].iso or "", view.facts[b].iso or ""]
    if len(parts) != 2:
        return None
    out: list[tuple[int | None, int, int | None]] = []
    if rel.label("from") == "first":
        # "the first nine days of 1985", "the first three weeks of March": from the first day (or month) of the
        # year or month, told as precisely as the end is.
        end = _ISO.match(parts[1])
        if end is None:
            return None
        day = 1 if end[3] else None
        if parts[0].isdigit() and len(parts[0]) == YEAR_DIGITS:
            out.append((int(parts[0]), 1, day))
        else:
            m = _ISO.match(parts[0])
            if m is None or m[3]:
                return None
            out.append((int(m[1]) if m[1] else None, int(m[2]), day))
        parts = parts[1:]
    for k, part in enumerate(parts, start=len(out)):
        if k == 1 and rel.label("within") == "yes" and part.isdigit() and len(part) == YEAR_DIGITS:
            out.append((int(part), 12, None))  # "seven months of its sales in 2004": to the year's last month
            continue
        m = _ISO.match(part)
        if m is None:
            return None
        out.append((int(m[1]) if m[1] else None, int(m[2]), int(m[3]) if m[3] else None))
    return out[0], out[1]


# A length of years told between two months ("closed since March 2023 ... will reopen in September 2025") is
# rounded by its writer: half a year either way, and a month for the days within the months.
MONTHS_SLACK = Decimal(7)
_MONTH_ISO = re.compile(r"^(\d{4})-(\d\d)(?:-\d\d)?$")


_RANGE_SPLIT = re.compile(r"\s+(?:and|to|until|till)\s+|\s*[-\u2013]\s*")


def _range_months(f: Fact) -> int | None:
    """The months of a range of dates whose ends name their months ("between March 2014 and February 2022")."""
    parts = (f.iso or "").split("/") if f.kind == "date" else []
    if len(parts) != 2:
        return None
    ma, mb = _MONTH_ISO.match(parts[0]), _MONTH_ISO.match(parts[1])
    if ma is None or mb is None:
        return None
    months = (int(mb.group(1)) - int(ma.group(1))) * 12 + int(mb.group(2)) - int(ma.group(2))
    return months if months > 0 else None


def _months_between(a: Fact, b: Fact) -> int | None:
    """The months from the month of date ``a`` to that of date ``b`` when both name their month and year."""
    ma, mb = (
        _MONTH_ISO.match(a.iso or "") if a.kind == "date" else None,
        (_MONTH_ISO.match(b.iso or "") if b.kind == "date" else None),
    )
    if ma is None or mb is None:
        return None
    months = (int(mb.group(1)) - int(ma.group(1))) * 12 + int(mb.group(2)) - int(ma.group(2))
    return months if months > 0 else None


def _by_months(rel: Relation, view: View, months: int) -> Hit | None:
    """A length of years against the months between two dates that name their months."""
    length = view.facts[rel.get("length") or 0]
    iv = length.interval
    if length.kind == "relative" and length.value is not None and (iv.low is None or iv.low < 0):
        iv = Interval.point(abs(length.value))  # "two years earlier" counts back: its length is 2
    v, half = length.value, Decimal("0.5")
    if v is not None and v % 1 and iv.low == v - half and iv.high == v + half:
        iv = Interval(v - half / 2, v + half / 2)  # "three and a half years" is told to the half year
    mi = rel.get("months")
    extra = view.facts[mi].value if mi is not None else None
    if extra is not None and v is not None and iv.low is not None and iv.high is not None:
        # "six years and eight months": told to the month, its years whole.
        told_months = v * 12 + extra
        iv = Interval(told_months / 12 - half / 12, told_months / 12 + half / 12)
    twelve = Decimal(12)
    lo, hi = (months - MONTHS_SLACK) / twelve, (months + MONTHS_SLACK) / twelve
    if meets(iv, lo, hi) or rel.label("within") == "yes" and (iv.low is None or iv.low <= hi):
        return None
    ri = rel.get("range")
    if ri is not None:
        start = end = view.facts[ri]  # "between March 2014 and February 2022", one figure
        ends = _RANGE_SPLIT.split(re.sub(r"(?i)^(between|from)\s+", "", start.text), maxsplit=1)
        first, last = (ends[0], ends[-1]) if len(ends) == 2 else (start.text, start.text)
    else:
        start, end = view.facts[rel.get("start") or 0], view.facts[rel.get("end") or 0]
        first, last = start.text, end.text
    years, rest = divmod(months, 12)
    told = f"{years} year{'s' * (years != 1)}" + (f" {rest} month{'s' * (rest != 1)}" if rest else "")
    said = view.text[length.span.start : view.facts[mi].span.end] if mi is not None else length.text
    return Hit(
        length.span,
        (start.span,) if start is end else (start.span, end.span),
        (
            ("length", said),
            ("years", start.text),
            ("start", first),
            ("end", last),
            ("expected", told),
        ),
    )


def _short(rel: Relation, view: View) -> Hit | None:
    """A length in days, weeks or months against the days (or months) its dates span."""
    li = rel.get("length")
    ends = _ends(view, rel)
    if li is None or ends is None:
        return None
    length = view.facts[li]
    (ya, ma, da), (yb, mb, db) = ends
    if (da is None) != (db is None):
        return None
    if ya is None and yb is not None:
        ya = yb if (ma, da or 0) <= (mb, db or 0) else yb - 1
    elif ya is not None and yb is None:
        yb = ya if (ma, da or 0) <= (mb, db or 0) else ya + 1
    elif ya is None and yb is None:
        ya = 2001  # a year without 29 February: only the distance between the days matters
        yb = ya if (ma, da or 0) <= (mb, db or 0) else ya + 1
    assert ya is not None and yb is not None
    iv = length.interval
    if iv.low is None or iv.high is None:
        return None
    if da is None or db is None:
        if length.unit != "month":
            return None
        months = (yb - ya) * 12 + mb - ma  # "from January to October": nine months, or ten counting both
        lo, hi, counted = Decimal(months), Decimal(months + 1), f"{months} or {months + 1} months"
        if rel.label("loose"):
            # A time out ("injured in late September ... until April") is counted a month either way.
            lo, counted = lo - 1, f"{months - 1} to {months + 1} months"
        value = iv
    else:
        try:
            # "voted yesterday to end": the end is days before the reporting date (label ``back``).
            days = (dt.date(yb, mb, db) - dt.date(ya, ma, da)).days - int(rel.label("back") or 0)
        except ValueError:
            return None
        if days < 0:
            return None
        per = SHORT_DAYS[length.unit or "day"]
        value = Interval(iv.low * per, iv.high * per)
        lo, hi = Decimal(days - DAY_SLACK), Decimal(days + DAY_SLACK)
        counted = (
            f"{days} days" if length.unit == "day" else f"{days} days (about {round(days / per, 1)} {length.unit}s)"
        )
        if length.unit == "month":
            lo, hi = lo - per / 2, hi + per / 2  # a month is not a fixed number of days
    within = rel.label("within") == "yes"
    if meets(value, lo, hi) or (within and value.low is not None and value.low <= hi):
        return None  # within: a shorter length fits inside the months from start to end
    span_unit = "month" if da is None else "day"
    used = [i for r, i in rel.roles if r != "length"]
    first, last = view.facts[used[0]], view.facts[used[-1]]
    return Hit(
        length.span,
        tuple(view.facts[i].span for i in used),
        (
            ("length", length.text),
            ("years", first.text if len(used) == 1 else f"{first.text} and {last.text}"),
            (
                "start",
                f"its first {span_unit}"
                if len(used) == 1
                else f"the start of {first.text}"
                if rel.label("from") == "first"
                else first.text,
            ),
            (
                "end",
                f"its last {span_unit}"
                if len(used) == 1
                else f"the end of {last.text}"
                if within
                else f"the day before {last.text}"
                if rel.label("back") == "1"
                else last.text,
            ),
            ("expected", f"{months + 1} months at most" if within and da is None else counted),
        ),
    )


# Minutes in a unit of a length told against the time between two told moments.
MINUTES = {
    "minute": Decimal(1),
    "hour": Decimal(60),
    "day": Decimal(1440),
    "week": Decimal(10080),
    "month": Decimal(43830),
    "year": Decimal(525960),
}
# A length of years told against two days is rounded by its writer to about a quarter of a year.
YEAR_DAYS_SLACK = Decimal("0.25")
_AT_LEAST = frozenset({"more than", "at least", "over"})
_AT_MOST = frozenset({"less than", "at most", "under", "up to"})


def _told(length: Fact, view: View, rel: Relation) -> Interval | None:
    """The length as its words allow, in its own unit: a figure is told to its last unit ("four hours" is
    3½ to 4½), a relative "N days later" too, a hedge before it widens it."""
    iv, n = length.interval, length.value
    if n is None:
        return None
    if length.kind == "relative":
        n = abs(n)
        hedge = rel.label("hedge")
        low, high = n - Decimal("0.5"), n + Decimal("0.5")
        if hedge in _AT_LEAST:
            return Interval(n, None)
        if hedge in _AT_MOST:
            return Interval(Decimal(0), n)
        if hedge:
            return Interval(low * Decimal("0.8"), high * Decimal("1.2"))
        return Interval(low, high)
    if iv.low is None and iv.high is None:
        return None
    return iv


def _timeline(rel: Relation, view: View) -> Hit | None:
    """A stated length against the time between the two told moments it links (label ``elapsed`` at its
    ``precision``), judged at the length's own precision."""
    li, si, ei = rel.get("length"), rel.get("from"), rel.get("to")
    amount, precision = rel.label("elapsed"), rel.label("precision")
    if li is None or si is None or not amount.lstrip("-").isdigit():
        return None
    if ei is None and not (rel.label("to") == "report" and view.reporting_date is not None):
        return None
    length = view.facts[li]
    unit = length.unit or ""
    per = MINUTES.get(unit)
    told = _told(length, view, rel)
    if per is None or told is None:
        return None
    e = Decimal(amount)
    day = MINUTES["day"]
    if precision == "clock" and (unit not in ("hour", "minute") or told.low is None or told.low * per >= day):
        return None  # a clock time without its day fixes a span only within a day
    if precision in ("minute", "week-minute", "clock"):
        # Clock times are told to the minute, or to the hour ("10pm"): half an hour either way then.
        slack = Decimal(rel.label("slack") or 0)
        lo, hi = e - slack, e + slack  # minutes
        if unit in ("day", "week", "month", "year"):
            lo, hi = e - day, e + day  # counting the first and last day or not
        if precision == "week-minute" and (told.low is None or told.low * per >= 7 * day):
            return None  # two weekdays fix a span only within a week
        expected = _minutes_text(int(e))
    elif precision in ("day", "week"):
        if unit in ("minute", "hour"):
            return None  # days alone do not fix hours
        if precision == "week" and (told.low is None or told.low * per >= 7 * day):
            return None  # two weekdays fix a span only within a week
        lo, hi = (e - DAY_SLACK) * day, (e + DAY_SLACK) * day
        if length.kind == "relative" and unit == "day" and not rel.label("hedge") and length.value is not None:
            # "three days later" counts whole days from one day to the other: exactly.
            told, lo, hi = Interval.point(abs(length.value)), e * day, e * day
        if unit == "month":
            lo, hi = lo - MINUTES["month"] / 2, hi + MINUTES["month"] / 2
        elif unit == "year":
            lo, hi = lo - YEAR_DAYS_SLACK * MINUTES["year"], hi + YEAR_DAYS_SLACK * MINUTES["year"]
        expected = f"{int(e)} day{'s' * (e != 1)}"
        if unit == "year":
            expected += f" (about {round(e / Decimal('365.25'), 1)} years)"
        elif unit in ("week", "month"):
            expected += f" (about {round(e * day / per, 1)} {unit}s)"
    elif precision == "month":
        if unit not in ("month", "year"):
            return None
        month = MINUTES["month"]
        lo, hi = (e - 1) * month, (e + 1) * month
        if unit == "year":
            lo, hi = (e - MONTHS_SLACK) * month, (e + MONTHS_SLACK) * month
        expected = f"{int(e)} month{'s' * (e != 1)}"
    else:
        return None
    # A hedge's bound is the writer's: "more than 25 hours" for 25 hours and a few minutes is fair.
    scaled = Interval(
        told.low * per if told.low is not None else None, told.high * per if told.high is not None else None
    )
    if meets(scaled, lo, hi):
        return None
    start = view.facts[si]
    related: tuple[Span, ...] = (start.span,)
    start_text, both = start.text, f"{start.text} and "
    if ei is None:
        end_text = f"the reporting date ({view.reporting_date})"
    elif ei == si:
        # One figure tells both ends: "from 7am on Thursday 27 June until 7am on Tuesday 2 July".
        start_text, end_text = _range_ends(start.text)
        both = ""
    else:
        end_text, related = view.facts[ei].text, (start.span, view.facts[ei].span)
    return Hit(
        length.span,
        related,
        (
            ("length", length.text),
            ("years", f"{both}{end_text}" if both else start.text),
            ("start", start_text),
            ("end", end_text),
            ("expected", expected),
        ),
    )


_RANGE_JOIN = re.compile(r"\s+(?:until|till|to|through|and)\s+|\s*[-–]\s*")


def _range_ends(text: str) -> tuple[str, str]:
    """The two ends of a range told as one figure: "7am on Thursday 27 June until 7am on Tuesday 2 July"."""
    parts = _RANGE_JOIN.split(text, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (text, text)


def _minutes_text(minutes: int) -> str:
    """ "14 hours 3 minutes", "2 days 3 hours", "45 minutes"."""
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour"), (mins, "minute")]
    said = [f"{n} {u}{'s' * (n != 1)}" for n, u in parts if n]
    return " ".join(said) or "0 minutes"
