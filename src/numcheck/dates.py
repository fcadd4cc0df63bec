"""Dates and time in running text: dates, years, weekdays, times, relative days, durations, ages.

``find(text, sentences)`` returns one ``Fact`` per date or time expression,
never two overlapping ones; ``reporting_date(doc)`` reads a dateline.

How it works: small linear regexes find *atoms* (a date, a year, a weekday,
a time, a relative day, a duration...), overlaps are resolved longest first,
then neighbouring atoms that name one moment are joined ("Tuesday, 14 May
2018 at 3pm" is one fact; "11/20, 11/22 or 11/25" stays three) and two
ends joined by a range word become one range fact.

What each kind carries (``Fact.iso`` is an ISO-8601 prefix, extended where
ISO has no form for what was written):

=========  ==================================================================
date       iso "2018-05-14", "2015-12" (month-year), "--03-14" (month-day, no
           year), "--03" (a month alone), "---18" ("on the 18th"),
           "2013-Q1" (quarter), "2016-12-15T19:00" (with a time). Holidays
           with a fixed day give "--12-25"; movable ones and seasons give
           None with the name in ``markers``. Invalid days are kept as
           written ("2014-02-30"): the calendar rules flag them.
           A weekday written with the date ("Monday, 14 May 2018") is in
           ``markers`` as its English name ("Monday").
year       value and iso the year: "in 2015", "2015's", "since 1990".
decade     iso the first three digits: "the 1990s" → "199"; "the '90s" →
           "199" ('00s-'20s → 20x).
weekday    iso the English name; "next"/"last"/"this"/"coming"/"previous"
           in ``markers``; "Thursdays" (every Thursday) has marker "every".
time       iso "23:00"; parts of the day ("in the morning") have iso None
           and the part in ``markers``.
relative   value = signed offset in ``unit`` ("day", "week", "month",
           "year"): "yesterday" −1 day, "two days ahead" +2 day, "last week"
           −1 week, "a week ago" −1 week, "this year" 0 year, "now" 0 day.
           ``markers`` holds the anchor word ("ago", "ahead", "later",
           "earlier", "before", "after", "from now", "next", "last", ...):
           "ago"/"next"/"last"/"from now"/"in" count from the reporting
           day; "later"/"earlier"/"ahead"/"before"/"after" count from an
           event, named in ``subject`` where it follows ("ahead of the
           conference" → "conference"). A time written with it goes to
           iso ("tomorrow at 8am" → "08:00").
duration   value + pint unit name ("year", "month", "week", "day", "hour",
           "minute", "second"); interval through ``interval.hedged`` with
           any hedge before it ("more than three years"); vague counts ("a
           few days", "several weeks") have value None and an open interval.
           ``subject`` is the noun a compound duration qualifies ("a
           nine-year war" → "war"). Markers: "past"/"next"/"last" for "the
           past two years".
frequency  how often: value the count, unit "1 / <period>" ("twice a
           week" → 2, "1 / week"; "every three years" → 1, "1 / (3
           year)"; "quarterly" → 1, "1 / (3 month)"); interval the count
           itself; marker "every". Not an elapsed time, so no rule adds it
           to durations.
age        value + unit ("year" unless another unit is written): "aged
           34", "a 34-year-old", "34 years old", "at the age of two weeks".
=========  ==================================================================

Ranges ("March 14–12", "from 2015 to 2012", "between 2008 and 2012",
"Nov 18–Dec 19, 2015") are ONE fact with ``is_range=True`` whose iso is
"start/end" in the order written (ISO-8601 interval notation:
"2015/2012", "--03-14/--03-12", "2015-11-18/2015-12-19"); ``markers``
carries "from"/"between" when written. The end inherits what it leaves out
from the start and the start what it leaves out from the end ("November
18-19" → "--11-18/--11-19"; "Jan-Feb 2017" → "2017-01/2017-02"), except
that a month range read backwards with one trailing year crosses the year
boundary ("Nov-Feb 2017" → "2016-11/2017-02"). So an inverted range is one
whose end sorts before its start. For years, ``interval`` spans low..high.
"2015/16" and "2015-16" (second part the next year's two digits) are a
fiscal or season year: a year range with marker "fiscal".

Numeric dates: "2018-05-14" is year-month-day. "a/b/yyyy" is day-first
(the news convention outside the US) unless b > 12, when it is read US
month-first; when both a and b are 12 or less the fact gets marker
"ambiguous" so that rules do not flag a weekday or invalid day on a guess.
Two-digit years ("5/3/18", "'87") are 20yy up to 30, else 19yy.

A bare four-digit number (no thousands comma: "2,000" is never a year) is
a year when:

* it is 1000-2199 and written with "'s" ("2015's") or next to a month;
* it is 1900-2099, unless a count or unit follows ("1950 workers", "2000
  points", "1930 GMT"), an identifier word precedes ("resolution 2254" is
  out of range anyway; "flight 1549", "No 1984", "FTSE 2010"), a hedge
  precedes a following word ("about 2000 delegates"), or a change verb
  precedes ("rose by 1950", "fell from 2015 to 1980 points");
* it is 1800-2100 with year context before it: "in", "since", "during",
  "until", "before", "after", "from", "early"/"mid"/"late", "of" after a
  time noun ("the war of 1812"), or a list or range word right after
  another year ("1848 and 1851").

Number words make a year only after "in"/"since"/"by"... ("in nineteen
ninety-six", "in two thousand and fifteen").

"May" and "March" are months only with a day, a year or a month context
word ("in May"; lower-case "may" needs a preposition), and not after a
capitalised name ("Theresa May"). "Sun", "Sat" and "Wed" are weekdays only
after "on"/"next"/... or before a day number.

Relative or elapsed: "in three weeks" is a relative day (+3 week, marker
"in") only in a forward-looking sentence ("will", "due", "expected",
"'ll" before it, or "in three weeks' time"); otherwise ("took $40m in ten
days", "the lowest in 20 years") the duration "ten days" is emitted. "next
Wednesday" is kind weekday with marker "next" (its offset depends on the
reporting weekday, which the rules know). "next week", "last year" join
only a weekday ("Tuesday of next week"), never a date or time.

Speed: one pass over the words finds trigger words (months, units of time,
weekdays...) and each pattern runs only in windows around its own
triggers; digit-led patterns run around digits; durations are tried only
at word starts that can begin a number. Every pattern is linear (no nested
repetition that can backtrack).
"""

from __future__ import annotations

import bisect
import datetime
import functools
import heapq
import itertools
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from numcheck import numwords, startcache
from numcheck.data import text as read_data
from numcheck.interval import Interval, hedged, step_of
from numcheck.model import Document, Fact, Sentence, Span


def _load(name: str) -> dict[str, Any]:
    raw = read_data(name)
    return startcache.toml(raw)


@functools.cache
def _dates_toml() -> dict[str, Any]:
    return _load("dates.toml")


def table(section: str) -> dict[str, Any]:
    """One section of data/dates.toml, read once for every calendar reader ("events", "ages", "match" ...)."""
    data: dict[str, Any] = _dates_toml()[section]
    return data


_DATA = _dates_toml()
HOLIDAYS: dict[str, str] = {k: str(v) for k, v in _DATA["holidays"].items()}
TIME_UNITS: dict[str, tuple[str, Decimal]] = {k: (str(v[0]), Decimal(v[1])) for k, v in _DATA["units"].items()}
del _DATA
_HEDGES = _load("hedges.toml")
# The one hedge table (data/hedges.toml, which facts.py reads too), less the verbs that also take a
# counted object: "the road passed 12 years of service" is no hedge on the twelve years.
HEDGE_WORDS: dict[str, str] = {
    k: str(v) for k, v in _HEDGES["before"].items() if k not in set(_HEDGES.get("object_verbs", ()))
}
del _HEDGES

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD_ABBR: dict[str, str] = {
    "mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
    "thur": "Thursday", "thurs": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday",
}  # fmt: skip
# Abbreviations that are also common words ("sat", "Sun" the newspaper, "wed").
_WD_WORDLIKE = frozenset({"sat", "sun", "wed"})

# --- pattern pieces ------------------------------------------------------------

_S = r"[^\S\n]"  # a space that is not a line break: expressions do not run across lines
_MON_WORDS = sorted(MONTHS, key=len, reverse=True)
_MONTH_NAMES = frozenset(list(MONTHS)[:12])
# A full stop belongs to an abbreviation ("Dec."), never to a full name ("in December.").
_MON = (
    r"(?:(?:" + "|".join(w for w in _MON_WORDS if w in _MONTH_NAMES) + r")(?:\b|(?=\d))"
    r"|(?:" + "|".join(w for w in _MON_WORDS if w not in _MONTH_NAMES) + r")(?:\b\.?|(?=\d)))"
)
_MONTH_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
_DAYNUM = r"(?:0?[1-9]|[12]\d|3[01])"
_DAY = _DAYNUM + r"(?:st|nd|rd|th)?(?![\w])"
_ORD_SMALL = [w for w, v in numwords.ORDINALS.items() if v <= 31]
_ORD_UNIT = [w for w, v in numwords.ORDINALS.items() if v <= 9]
_DAYW = (
    r"(?:(?:twenty|thirty)(?:-|"
    + _S
    + r")(?:"
    + "|".join(sorted(_ORD_UNIT, key=len, reverse=True))
    + r")|"
    + "|".join(sorted(_ORD_SMALL, key=len, reverse=True))
    + r")\b"
)
_UNITW = [w for w, v in numwords.UNITS.items() if 1 <= v <= 19]
_DAYCARD = (
    r"(?:(?:twenty|thirty)(?:-|"
    + _S
    + r")(?:"
    + "|".join(w for w in _UNITW if numwords.UNITS[w] <= 9)
    + r")|twenty|thirty|"
    + "|".join(sorted(_UNITW, key=len, reverse=True))
    + r")\b"
)
_YEAR4 = r"(?:1\d{3}|20\d{2}|21\d{2})(?!\d)"
# "a.m." keeps its last dot; "3pm." leaves the full stop to the sentence.
_AMPM = (
    r"(?:a\."
    + _S
    + r"?m\b\.?|p\."
    + _S
    + r"?m\b\.?|[ap]m\b|a"
    + _S
    + r"\."
    + _S
    + r"m"
    + _S
    + r"?\.?|p"
    + _S
    + r"\."
    + _S
    + r"m"
    + _S
    + r"?\.?)"
)
_NUMW = numwords.PATTERN.pattern
_UNIT_WORDS = sorted(TIME_UNITS, key=len, reverse=True)
_TUNIT = r"(?:" + "|".join(re.escape(u) for u in _UNIT_WORDS) + r")\b"
_TUNIT_NOABBR = (
    r"(?:" + "|".join(re.escape(u) for u in _UNIT_WORDS if len(u) > 3 or u in ("day", "sec", "min")) + r")\b"
)
_FLAGS = re.I
_MAXLEN = sys.maxsize  # re's own default for endpos


class _Lazy:
    """A pattern compiled on first use: a text without, say, a holiday or a
    meal never pays for compiling those (start-up is mostly regex compiles)."""

    __slots__ = ("source",)

    def __init__(self, source: str) -> None:
        self.source = source

    def finditer(self, text: str, pos: int = 0, endpos: int = _MAXLEN) -> Iterator[re.Match[str]]:
        return _compiled(self.source).finditer(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = _MAXLEN) -> re.Match[str] | None:
        return _compiled(self.source).match(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = _MAXLEN) -> re.Match[str] | None:
        return _compiled(self.source).search(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = _MAXLEN) -> re.Match[str] | None:
        return _compiled(self.source).fullmatch(text, pos, endpos)


@functools.cache
def _compiled(source: str) -> re.Pattern[str]:
    return startcache.compile(source, _FLAGS)


def _c(pattern: str) -> _Lazy:
    return _Lazy(pattern)


_LB = r"(?<![\w$£€#@])"  # not glued to a word or a sign on the left

# Full and partial dates with a month name.
_RE_DMY = _c(
    _LB
    + r"(?:the"
    + _S
    + r"+)?(?:(?P<d0>"
    + _DAYNUM
    + r")(?:st|nd|rd|th)?"
    + _S
    + r"*(?:-|–|to|and|&)"
    + _S
    + r"*(?:the"
    + _S
    + r"+)?)?"
    r"(?P<d>" + _DAY + r"|" + _DAYW + r")(?:" + _S + r"+of)?(?:" + _S + r"|[-/.])*"
    r"(?P<m>" + _MON + r")(?!-\d{1,2}\b)"
    r"(?:,?(?:"
    + _S
    + r"|[-/])*(?:(?:of"
    + _S
    + r"+|in"
    + _S
    + r"+)?(?P<y>"
    + _YEAR4
    + r")|'(?P<y2>\d\d)\b|of"
    + _S
    + r"+(?P<y3>\d\d)\b))?"
)
_RE_MDY = _c(
    _LB + r"(?P<m>" + _MON + r")(?:" + _S + r"|[,/-])*(?:the" + _S + r"+)?"
    # "from 1 August to 29 August, four weeks": a day told in words never follows a comma after its month.
    r"(?P<d>" + _DAY + r"|" + _DAYW + r"|(?<!,)(?<!,\s)" + _DAYCARD + r")"
    r"(?:"
    + _S
    + r"*(?:-|–|to|through|thru|until|and)"
    + _S
    + r"*(?:the"
    + _S
    + r"+)?(?P<d2>"
    + _DAYNUM
    + r")(?:st|nd|rd|th)?(?![\w:]|[.,]\d))?"
    r"(?:,?(?:" + _S + r"|[-/])*(?:(?:of" + _S + r"+|in" + _S + r"+)?(?P<y>" + _YEAR4 + r")|'(?P<y2>\d\d)\b))?"
    # "in January 1,290 of them were", "In March, 5,240 drivers": a day never runs on into a thousands group
    r"(?!" + _S + r"*(?:%|per\b|percent|[:.]\d)|,\d{3}(?!\d))"
)
# A day past any month's end ("since August 32", "on 33 January, 2005"): a slip of the keys the calendar
# rules flag. Read only after a word that brings a date and before a stop or a year, so "In March 34
# people" stays a month and a count.
_DATE_LEAD = r"\b(?:on|since|until|till|by|from|before|after|to|and|of)" + _S + r"+(?P<at>)"
_BAD_DAY = r"(?P<d>3[2-9])(?:st|nd|rd|th)?"
_DATE_STOP = r"(?=" + _S + r"*(?:[,;:!?)]|\.(?!\d)|$)|,?" + _S + r"*" + _YEAR4 + r")"
# After an impossible day: punctuation, a year, or a word that cannot be what a number counts ("died on
# August 32 before ...", "ended on March 33 with no deal"), so "by March 35 firms had signed" stays a count.
_BAD_DAY_STOP = (
    r"(?:"
    + _DATE_STOP
    + r"|(?="
    + _S
    + r"+(?:before|after|with|when|while|but|at|in|as|because|following|amid|during|until|where|despite)\b))"
)
_RE_BAD_MDY = _c(_DATE_LEAD + r"(?P<m>" + _MON + r")" + _S + r"+" + _BAD_DAY + _BAD_DAY_STOP)
_RE_BAD_DMY = _c(
    _DATE_LEAD + r"(?:the" + _S + r"+)?" + _BAD_DAY + _S + r"+(?:of" + _S + r"+)?(?P<m>" + _MON + r")" + _BAD_DAY_STOP
)
_MONTH_PRE = (
    r"(?:(?P<pre>early|mid|late|end"
    + _S
    + r"+of|the"
    + _S
    + r"+end"
    + _S
    + r"+of|(?:the"
    + _S
    + r"+)?(?:beginning|start|middle)"
    + _S
    + r"+of)(?:"
    + _S
    + r"|-)+)?"
)
_RE_MY = _c(
    _LB
    + _MONTH_PRE
    + r"(?P<m>"
    + _MON
    + r")(?:"
    + _S
    + r"|[,/-])*(?:of"
    + _S
    + r"+|in"
    + _S
    + r"+)?(?P<y>"
    + _YEAR4
    + r")"
)
_RE_MONTH_RANGE = _c(
    _LB + r"(?P<m>" + _MON + r")" + _S + r"*(?:-|–|to|through|thru|until|till)" + _S + r"*(?P<m2>" + _MON + r")"
    r"(?!" + _S + r"*" + _DAYNUM + r"\b)(?:,?" + _S + r"*(?P<y>" + _YEAR4 + r"))?"
)
_RE_MONTH = _c(_LB + _MONTH_PRE + r"(?P<m>" + _MON + r")(?![\w'’-])")
_RE_YM = _c(_LB + r"(?P<y>" + _YEAR4 + r")" + _S + r"*,?" + _S + r"+(?P<m>" + _MONTH_FULL + r")(?!" + _S + r"*\d)")
_RE_YMD_NAME = _c(r"(?<![\w.])(?P<y>" + _YEAR4 + r")[-/](?P<m>" + _MON + r")[-/](?P<d>" + _DAYNUM + r")(?!\d)")
_RE_MDY_NAME = _c(_LB + r"(?P<m>" + _MON + r")-(?P<d>" + _DAYNUM + r")-(?P<y>" + _YEAR4 + r")")
# Numeric dates.
_RE_ISO = _c(
    r"(?<![\d.,/:])(?P<y>" + _YEAR4 + r")(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=s)(?P<d>" + _DAYNUM + r")(?!\d|[-/.]\d)"
)
_RE_COMPACT = _c(r"(?<![\w.,])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w]|[.,]\d)")
_RE_NUMDATE = _c(
    r"(?<![\w./:,$£€])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|(?<=/)\d{2})(?![\w/]|[.-]\d)"
)
_RE_DM = _c(r"(?<![\w./:,$£€-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/%]|[.,]\d|" + _S + r"*%)")
_RE_MMYYYY = _c(r"(?<![\w./,-])(?P<m>0?[1-9]|1[0-2])[/-](?P<y>" + _YEAR4 + r")(?![\w/]|[-.]\d)")
_RE_YEARPAIR = _c(r"(?<![\w./,-])(?P<y>" + _YEAR4 + r")(?P<s>[-/–~])(?P<b>\d{4}|\d{1,2})(?![\w/%]|[-.,]\d)")
_RE_QUARTER = _c(
    r"(?<![\w./-])(?:(?P<y>"
    + _YEAR4
    + r")(?:"
    + _S
    + r"|-)*)?(?P<q>[qh][1-4])\b(?:(?:"
    + _S
    + r"|-)*(?P<y2>"
    + _YEAR4
    + r"))?"
)
_RE_QUARTER_WORDS = _c(
    r"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)" + _S + r"+quarter\b"
    r"(?:" + _S + r"+of" + _S + r"+(?:(?P<y>" + _YEAR4 + r")|(?P<rel>the|this|last|next)" + _S + r"+year\b))?"
)
_RE_YEAR = _c(r"(?<![\w$£€.,/#])(?<!\d-)(?P<y>\d{4})(?P<s>['’]s\b)?(?![\w%]|[.,]\d|['’]?s\b(?<!['’]s))")
_RE_DECADE = _c(
    r"(?<![\w$£€.,/])(?<!\d-)(?:the"
    + _S
    + r"+)?(?:(?:early|mid|late)(?:-|"
    + _S
    + r")+)?(?:(?P<c>1[0-9]|20)(?P<d>\d)0|['’](?P<s>\d)0)['’]?s\b"
)
# What every match of _RE_DECADE holds, its "0s" ("1990s", "'80s", "1980's"): see _windows.
_DECADE_HINT = r"0['’]?s"
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
_RE_DECADE_WORD = _c(
    r"\bthe"
    + _S
    + r"+(?:(?:early|mid|late)(?:-|"
    + _S
    + r")+)?(?:nineteen(?:-|"
    + _S
    + r")+)?(?P<w>"
    + "|".join(_DECADE_WORDS)
    + r")\b"
)
_RE_WEEKDAY = _c(
    _LB
    + r"(?:(?P<rel>next|last|this|coming|following|previous|past|that|every|each)"
    + _S
    + r"+(?:other"
    + _S
    + r"+)?)?"
    r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?P<pl>s)?\b|(?P<wda>mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b\.?)"
    r"(?:,?"
    + _S
    + r"+(?:the"
    + _S
    + r"+(?P<d1>"
    + _DAY
    + r"|"
    + _DAYW
    + r")|(?P<d2>"
    + _DAYNUM
    + r")(?:st|nd|rd|th)(?!\w))"
    r"(?!,?" + _S + r"*(?:of" + _S + r"+)?" + _MON + r")"
    r"|,?" + _S + r"+(?:"
    r"(?P<d3>" + _DAYNUM + r")(?![,.]\d)(?=" + _S + r"*(?:[!?.,;]|$|between\b|at\b|from\b|@))"
    r"|(?P<dm>\d{1,2}[./-]\d{1,2})(?![\d./:-]|" + _S + r"*(?:am|pm|a\.m|p\.m)\b)))?"
)
# Times of day.
_RE_CLOCK = _c(
    r"(?<![\w:.,$£€/])(?:(?P<h0>[01]?\d|2[0-3])(?:[:.](?P<mi0>[0-5]\d))?" + _S + r"*(?:-|–|to|and)" + _S + r"*)?"
    r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?P<sec>:[0-5]\d)?(?:"
    + _S
    + r"*(?P<ap>"
    + _AMPM
    + r"|[ap]\b))?(?![\d:]|[.,]\d)"
)
# A race or run time: "3:46.04" (minutes, seconds, hundredths) or "2:04:55" (hours, minutes,
# seconds); read as a duration in seconds. A clock time has no fraction of a second.
_RE_RACE = _c(
    r"(?<![\w:.,$£€/])(?:(?P<h>\d{1,2}):(?=[0-5]\d:))?(?P<mi>[0-5]?\d):(?P<s>[0-5]\d)(?:\.(?P<frac>\d{1,3}))?"
    r"(?![\d:]|[.,]\d)"
)
_RE_AMPM = _c(
    r"(?<![\w:.,$£€/])(?:(?P<h0>[01]?\d|2[0-3])(?:[:.](?P<mi0>[0-5]\d))?" + _S + r"*(?:-|–|to|and)" + _S + r"*)?"
    r"(?P<h>\d{1,2})(?:[.](?P<mi>[0-5]\d)|(?P<mi2>[0-5]\d))?\.?" + _S + r"*(?P<ap>" + _AMPM + r")(?!\w)"
)
_RE_AP_SHORT = _c(r"(?<=\bat" + r" )(?P<h>\d{1,2})(?::(?P<mi>[0-5]\d))?(?P<ap>[ap])\b")
_RE_AT_DOT = _c(
    r"(?<=\bat )(?P<h>[01]?\d|2[0-3])\.(?P<mi>[0-5]\d)(?![\d.,]|"
    + _S
    + r"*(?:%|per\b|percent|pc\b|p\b|pence|points?\b|million|billion|bn\b|m\b|k\b|times|x\b|[$£€]))"
)
_HOURW = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_MINW = (
    r"(?:(?:twenty|thirty|forty|fifty)(?:(?:-|"
    + _S
    + r")(?:one|two|three|four|five|six|seven|eight|nine))?|o(?:-|"
    + _S
    + r")?(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_RE_WORD_TIME = _c(
    r"\b(?P<h>"
    + _HOURW
    + r")(?:(?:-|"
    + _S
    + r")(?P<mi>"
    + _MINW
    + r"))?"
    + _S
    + r"*(?P<ap>"
    + _AMPM
    + r"|o['’]?"
    + _S
    + r"?clock\b)"
)
_RE_WORD_TIME2 = _c(
    r"(?:"
    + "|".join(rf"(?<=\b{w} )" for w in ("at", "from", "to", "until", "till", "by", "around"))
    + r")(?P<h>"
    + _HOURW
    + r")(?:-|"
    + _S
    + r")(?P<mi>"
    + _MINW
    + r")\b(?!"
    + _S
    + r"+(?:"
    + _TUNIT
    + r"|people|of\b))"
)
_RE_OCLOCK = _c(r"(?<![\w.,:])(?P<h>[01]?\d|2[0-3])" + _S + r"*o['’]?" + _S + r"?clock\b")
_RE_PAST = _c(
    r"\b(?P<mi>half|(?:a"
    + _S
    + r"+)?quarter|\d{1,2}|"
    + _MINW
    + r"|five|ten|twenty)(?:"
    + _S
    + r"+(?:minutes?|mins?))?"
    + _S
    + r"+(?P<dir>past|after|to)"
    + _S
    + r"+(?P<h>[01]?\d|2[0-3]|"
    + _HOURW
    + r")\b(?!"
    + _S
    + r"*(?:%|per\b|[:.]\d))"
)
_RE_NOON = _c(r"\b(?:12" + _S + r"*)?(?P<w>noon|midday|midnight|mid" + _S + r"?night)(?:ish)?\b")
_RE_ISH = _c(r"(?<![\w.,])(?P<h>[01]?\d|2[0-3])ish\b")
_PARTS = r"(?:morning|afternoon|evening|night|lunchtime|dawn|dusk|daybreak|nightfall)"
_RE_PART = _c(
    r"\b(?:(?P<rel>this|tomorrow|yesterday|last|that|early|late|later"
    + _S
    + r"+in"
    + _S
    + r"+the|earlier"
    + _S
    + r"+in"
    + _S
    + r"+the|in"
    + _S
    + r"+the|during"
    + _S
    + r"+the|at|overnight|each|every)"
    + _S
    + r"+|(?:early|late)"
    + _S
    + r"+(?:this"
    + _S
    + r"+|in"
    + _S
    + r"+the"
    + _S
    + r"+)?)"
    r"(?P<p>" + _PARTS + r")(?P<pl>s)?\b"
)
_RE_PART_PLURAL = _c(r"\b(?P<p>mornings|afternoons|evenings|lunchtime)\b")
_RE_TONIGHT = _c(r"\b(?P<w>tonight|tonite)\b")
# Relative days.
_RE_RELWORD = _c(
    r"\b(?:(?P<pre>(?:the"
    + _S
    + r"+)?day"
    + _S
    + r"+(?:before|after))"
    + _S
    + r"+)?(?P<w>today|tomorrow|yesterday|tmrw)\b"
    r"|\b(?:(?:right|just)" + _S + r"+)?(?P<now>now)\b(?!" + _S + r"+that\b)"
)
_REL_WORDS = {"today": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1, "now": 0}
_PERIOD = r"(?P<u>hour|week|month|year|quarter|weekend|decade|century|fortnight|summer|winter|spring|autumn|fall)"
_RE_REL_PERIOD = _c(
    r"\b(?:(?P<pre>(?:later|earlier|early|late)(?:"
    + _S
    + r"+in)?|(?:the"
    + _S
    + r"+)?(?:end|beginning|start|middle|rest|remainder|remaining)"
    + _S
    + r"+of|by"
    + _S
    + r"+the"
    + _S
    + r"+end"
    + _S
    + r"+of|(?:the"
    + _S
    + r"+)?(?:first|last|second|third|final)"
    + _S
    + r"+(?:week|month|day|quarter)"
    + _S
    + r"+of)"
    + _S
    + r"+)?"
    r"(?P<rel>this|next|last|past|previous|coming|following|current|the"
    + _S
    + r"+following|the"
    + _S
    + r"+next|the"
    + _S
    + r"+previous|the"
    + _S
    + r"+same|that)"
    + _S
    + r"+(?:calendar"
    + _S
    + r"+|financial"
    + _S
    + r"+|fiscal"
    + _S
    + r"+|school"
    + _S
    + r"+)?"
    + _PERIOD
    + r"(?P<pos>['’]s)?\b(?!"
    + _S
    + r"+(?:of\b|ago\b))"
)
_RE_REL_END = _c(
    r"\b(?P<pre>(?:the"
    + _S
    + r"+)?(?:end|beginning|start)"
    + _S
    + r"+of)"
    + _S
    + r"+(?:the"
    + _S
    + r"+)?(?P<u>day|week|month|year|today)\b"
)
_RE_REL_IN = _c(r"\b(?P<pre>later|earlier)" + _S + r"+in" + _S + r"+the" + _S + r"+(?P<u>day|week|month|year)\b")
_RE_THE_DAY = _c(
    r"\bthe"
    + _S
    + r"+(?:(?P<w>next|following|previous|preceding)"
    + _S
    + r"+(?:day|morning|afternoon|evening|night)|day"
    + _S
    + r"+(?P<w2>before|after)(?!"
    + _S
    + r"+(?:the|a|an|his|her|their|its)\b))\b"
)
_NUMBER = (
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|½|"
    + _NUMW
    + r"|a"
    + _S
    + r"+(?:few|couple"
    + _S
    + r"+of)|few|several|some|a"
    + _S
    + r"+couple|couple"
    + _S
    + r"+of|an?(?="
    + _S
    + r"))"
)
# Number words up to ninety-nine: enough for "every three weeks", "at the age of
# twenty-one" and "two to six years", and cheap to compile (numwords.PATTERN is
# embedded once only, in _NUMBER).
_SMALLNUM = (
    r"(?:(?:"
    + "|".join(numwords.TENS)
    + r")(?:(?:-|"
    + _S
    + r")(?:"
    + "|".join(w for w in numwords.UNITS if 1 <= numwords.UNITS[w] <= 9)
    + r"))?"
    r"|" + "|".join(sorted((w for w in numwords.UNITS if numwords.UNITS[w] >= 1), key=len, reverse=True)) + r")\b"
)
_YEAR_NAME = startcache.compile(r"1\d{3}|20\d{2}")
_NAME_NEXT = startcache.compile(_S + r"+[A-Z]")
_RE_DURATION = _c(
    r"(?<![\w.,$£€#/-])(?:(?:(?P<n0>\d+(?:\.\d+)?)"
    + _S
    + r"*(?:-|–|to|or)|(?P<n0w>"
    + _SMALLNUM
    + r")"
    + _S
    + r"*(?:–|to|or))"
    + _S
    + r"*)?"
    + _NUMBER
    + r"(?P<half>(?:"
    + _S
    + r"+and"
    + _S
    + r"+(?:a"
    + _S
    + r"+)?(?:half|quarter)))?"
    r"(?:(?P<hy>-)|"
    + _S
    + r"*)(?P<u>"
    + _TUNIT
    + r")(?P<tail>"
    + _S
    + r"+and"
    + _S
    + r"+(?:a"
    + _S
    + r"+)?(?:half|quarter)\b)?"
    r"(?P<old>(?:-|" + _S + r")olds?\b)?"
)
_RE_AGE = _c(
    r"\b(?P<w>aged|age|ages)"
    + _S
    + r"+(?:(?P<between>between)"
    + _S
    + r"+)?(?P<n>\d{1,3})(?:(?:"
    + _S
    + r"*[-\u2013]"
    + _S
    + r"*|"
    + _S
    + r"+(?:to|and)"
    + _S
    + r"+)(?P<n2>\d{1,3}))?(?!\w|[.,]\d|"
    + _S
    + r"*(?:%|per\b))"
)
_RE_AGE_OF = _c(
    r"\b(?:at"
    + _S
    + r"+)?the"
    + _S
    + r"+age"
    + _S
    + r"+of"
    + _S
    + r"+(?P<n>\d{1,3}|"
    + _SMALLNUM
    + r")\b(?!"
    + _S
    + r"*(?:"
    + _TUNIT
    + r"|%))"
)
_RE_ALL = _c(
    r"\b(?:all|the"
    + _S
    + r"+whole|the"
    + _S
    + r"+entire)"
    + _S
    + r"+(?P<u>day|week|month|year|night)(?:"
    + _S
    + r"+long)?\b"
)
_RE_EVERY = _c(
    r"\b(?:(?:every|each)(?:"
    + _S
    + r"+other)?"
    + _S
    + r"+(?:(?P<n>\d+|"
    + _SMALLNUM
    + r")"
    + _S
    + r"+)?(?P<u>second|minute|hour|day|night|week|month|quarter|year|decade|morning|afternoon|evening)s?"
    r"|(?P<times>once|twice|thrice|(?:one|two|three|four|\d+)"
    + _S
    + r"+times?)"
    + _S
    + r"+(?:a|an|per|every)"
    + _S
    + r"+(?P<u2>day|week|month|year|hour|minute|fortnight|decade)"
    r"|(?P<ly>hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually|biannually|everyday))\b"
)
# After a frequency adverb ("paid weekly.", "meets monthly in Geneva") comes
# punctuation or a small word; after the adjective ("weekly column") a noun.
_FREQ_END = _c(
    _S
    + r"*(?:[.,;:!?)\"'”’]|$|\n|(?:and|or|but|in|on|at|for|from|since|until|to|with|by|basis|rather|instead|now|again|too)\b)"
)
_LY_UNITS = {
    "hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week", "fortnightly": "week",
    "monthly": "month", "quarterly": "month", "yearly": "year", "annually": "year",
    "biannually": "year", "everyday": "day",
}  # fmt: skip
_SEASONS = r"(?:spring|summer|autumn|winter|fall)"
_RE_SEASON = _c(
    r"\b(?:(?P<rel>this|last|next|the|in|early|late|mid|during|over|since|by|until)(?:"
    + _S
    + r"|-)+(?:the"
    + _S
    + r"+)?)?(?P<s>"
    + _SEASONS
    + r")\b"
    r"(?:(?:" + _S + r"+of)?" + _S + r"+(?P<y>" + _YEAR4 + r"))?"
)
_HOLI = sorted(HOLIDAYS, key=len, reverse=True)
_RE_HOLIDAY = _c(
    r"(?<![\w'])(?:(?:this|last|next|on|before|after|since|until|at|by|over)"
    + _S
    + r"+)?(?P<h>"
    + "|".join(re.escape(h).replace(r"\ ", _S + "+").replace("'", "['’]") for h in _HOLI)
    + r")\b"
)
_RE_WEEKNUM = _c(
    r"\b(?:the"
    + _S
    + r"+)?week"
    + _S
    + r"+(?P<n>[1-9]|[1-4]\d|5[0-3])\b(?![.,]\d|"
    + _S
    + r"*(?:%|of"
    + _S
    + r"+the"
    + _S
    + r"+(?:trial|season|campaign)))"
)
_RE_NTH_DAY = _c(
    r"\b(?:the"
    + _S
    + r"+)?(?P<d>"
    + _DAY
    + r"|"
    + _DAYW
    + r")"
    + _S
    + r"+day"
    + _S
    + r"+of"
    + _S
    + r"+(?:(?P<rel>the|this|next|last)"
    + _S
    + r"+month\b|(?P<m>"
    + _MON
    + r"))"
)
_RE_ON_THE_NTH = _c(
    r"(?<=\bon )(?:the"
    + _S
    + r"+)?(?P<d>"
    + _DAYNUM
    + r")(?:st|nd|rd|th)\b(?!"
    + _S
    + r"+(?:of\b|"
    + _S
    + r"*[a-z]+"
    + _S
    + r"+(?:floor|anniversary|place|time|day|week|month|year|round|minute|century)))"
)
_RE_MEAL = _c(
    r"\b(?P<w>after|before|around|at|during|over|by)"
    + _S
    + r"+(?P<m>breakfast|brunch|lunch|dinner|supper|tea"
    + _S
    + r"+time|teatime)\b"
)
_RE_WEEKEND = _c(r"\b(?:(?:at|over|during|on)" + _S + r"+)?the" + _S + r"+weekend\b")
_RE_YTD = _c(r"\b(?:the" + _S + r"+)?year(?:" + _S + r"+|-)to(?:" + _S + r"+|-)date\b|\bytd\b")
_TENSW = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEENW = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_UNIT9 = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUMBER_WORD_BEFORE = _c(
    r"\b(?:" + "|".join([*numwords.UNITS, *numwords.TENS, *numwords.SCALES]) + r")" + _S + r"+(?:and" + _S + r"+)?$"
)
_RE_YEAR_WORDS = _c(
    r"(?:"
    + "|".join(rf"(?<=\b{w} )" for w in ("in", "since", "until", "before", "after", "of", "from", "to", "and", "by"))
    + r")"
    r"(?P<w>(?:eighteen|nineteen|twenty)(?:-|"
    + _S
    + r")+(?:"
    + _TENSW
    + r"(?:(?:-|"
    + _S
    + r")+"
    + _UNIT9
    + r")?|"
    + _TEENW
    + r"|hundred|o(?:h)?(?:-|"
    + _S
    + r")+"
    + _UNIT9
    + r")\b"
    r"|two"
    + _S
    + r"+thousand(?:(?:"
    + _S
    + r"+and)?"
    + _S
    + r"+(?:"
    + _TENSW
    + r"(?:(?:-|"
    + _S
    + r")+"
    + _UNIT9
    + r")?|"
    + _TEENW
    + r"|"
    + _UNIT9
    + r"))?\b)"
)
# Relative offsets: "two days ago", "in three weeks", "four days ahead of".
# Relative offsets are read off a duration's match: "in three weeks", "two days ago", "four days ahead of".
_OFFSET_DIR = _c(
    _S
    + r"+(?P<dir>ago|later|earlier|from"
    + _S
    + r"+(?:now|today)|after"
    + _S
    + r"+today|before"
    + _S
    + r"+today|before|after|ahead|hence|on|prior)\b"
)
_OFFSET_IN = _c(r"\b(?P<in>in|within)" + _S + r"+(?:the" + _S + r"+)?(?:next" + _S + r"+)?$")
_FUTURE_BEFORE = _c(
    r"(?:\b(?:will|shall|going"
    + _S
    + r"+to|due|expected|set"
    + _S
    + r"+to|would|could|should|might|plans?|planned|back|again|return|returns|scheduled|expires?)\b|['’]ll\b)"
)
_TIME_AFTER = _c(r"['’]s?" + _S + r"+time\b")
_CONNECT_ATTACH = _c(
    r"(?:"
    + _S
    + r"|,|@|\(|\))*(?:(?:at|on|of|in|the|around|about|by|for|this|from|between|of"
    + _S
    + r"+the)(?:"
    + _S
    + r"|,)+)*(?:"
    + _S
    + r"|,|@|\(|\))*"
)
_CONNECT_RANGE = _c(
    _S + r"*(?:-|–|—|~|to|until|till|through|thru|and|&)" + _S + r"*"
    r"(?:the" + _S + r"+(?:end|start|beginning|middle)" + _S + r"+of" + _S + r"+)?"  # "from 2007 to the end of 2008"
)
# "two years and three months" is one duration; a comma list is a list, not a sum.
_CONNECT_DURATION = _c(_S + r"*(?:and" + _S + r"+)?")
# Seconds in each unit, only to add "1 hour and 30 minutes" into one duration.
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_AT_HOUR = _c(
    r"(?:"
    + _S
    + r"|,)*(?:at|around|@|by)"
    + _S
    + r"+(?P<h>1[0-2]|0?[1-9]|1[3-9]|2[0-3])(?:[.:](?P<mi>[0-5]\d))?\b(?![.,:]\d|"
    + _S
    + r"*(?:%|per\b|percent|people|of\b|"
    + _TUNIT
    + r"))"
)
_TRAIL_PART = _c(_S + r"+(?:(?:in" + _S + r"+the|this)" + _S + r"+)?(?P<p>morning|afternoon|evening|night)(?P<pl>s)?\b")
_HEDGE_RE = _c(
    r"(?:^|(?<=\W))(?P<h>"
    + "|".join(re.escape(h).replace(r"\ ", _S + "+") for h in sorted(HEDGE_WORDS, key=len, reverse=True))
    + r")"
    + _S
    + r"+$"
)
_YEAR_CTX = _c(
    r"(?:^|\W)(?P<w>in|since|later"
    + _S
    + r"+than|earlier"
    + _S
    + r"+than|during|until|till|before|after|from|through|early|mid|late|circa|c\.|ca\.|by|of|to|and|or|between|&|-|–|,|'s|year|fy|spring|summer|autumn|winter|throughout|=|>|<)"
    + _S
    + r"*(?:the"
    + _S
    + r"+(?:year|end"
    + _S
    + r"+of|start"
    + _S
    + r"+of|beginning"
    + _S
    + r"+of)"
    + _S
    + r"+)?$"
)
# Words after a four-digit number that make it a count or a measure, not a year.
_NOT_YEAR_AFTER = _c(
    _S
    + r"*(?:%|per"
    + _S
    + r"*cent|percent|pc\b|m\b|bn\b|k\b|million|billion|thousand|hundred|km|kg|kilo|metres?\b|meters?\b"
    r"|miles?\b|feet\b|ft\b|tonnes?\b|tons?\b|mph\b|rpm\b|hp\b|cc\b|calories|points?\b|pounds\b|dollars\b|euros\b|yen\b"
    r"|times\b|x\b|gmt\b|bst\b|utc\b|hrs\b|hours\b|people|jobs\b|workers|staff\b|employees|members|votes\b|cases\b"
    r"|deaths\b|homes\b|houses\b|pupils|students|troops|soldiers|users\b|customers|units\b|vehicles|cars\b|flights\b"
    r"|patients|children|shares\b|barrels|acres|hectares|words\b|pages\b|seats\b|signatures|visitors|fans\b|copies"
    r"|tickets|stores\b|shops\b|branches|men\b|women\b|residents|refugees|applications|complaints|kilometres|metre\b"
    # A size glued on with a hyphen: "its 2000-strong workforce", "a 1500-seat arena".
    r"|-(?:strong|seat|seater|page|member|bed|bedroom|room|acre|mile|tonne)\b)"
)
# Words before a four-digit number that make it an identifier ("resolution 2254", "flight 1549").
_NOT_YEAR_BEFORE = _c(
    r"(?:\b(?:no|nos|number|resolution|flight|route|page|pages|article|section|chapter|model|room|code|version|level|track"
    r"|rule|paragraph|form|channel|bus|line|platform|gate|pin|iso|box|suite|unit|apartment|catalogue|serial|item|ref"
    r"|reference|type|class|series|clause|regulation|directive|size|score|total|tally|count|index|ftse|dow|nasdaq|nikkei"
    r"|dax|cac|s&p)\.?|#|№)" + _S + r"*$"
)
_CHANGE_BEFORE = _c(
    r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|grew|grow|grown|jumped|climbed|dropped|slipped|gained|lost|increased"
    r"|decreased|cut|reduced|up|down|higher|lower|more|less|fewer|total|totalled|reached|hit)"
    + _S
    + r"+(?:by"
    + _S
    + r"+|to"
    + _S
    + r"+|from"
    + _S
    + r"+)?$"
)
_TIME_NOUN_OF = _c(
    r"\b(?:spring|summer|autumn|fall|winter|year|years|week|weekend|day|end|start|beginning|middle|half|quarter|class|election|elections|census|crisis|month|months|war|season|budget|revolution|games|olympics)"
    + _S
    + r"+of"
    + _S
    + r"*$"
)
_MONTH_CTX_STRONG = _c(
    r"\b(?:in|since|during|until|till|before|after|from|through|early|mid|late|of|last|next|by|between|throughout|every|each)"
    + _S
    + r"+(?:the"
    + _S
    + r"+)?$"
)
_NAME_BEFORE = startcache.compile(r"(?:\b[A-Z][a-z]+|\b[A-Z]\.?)" + _S + r"+$")
_CAP_NAME_BEFORE = startcache.compile(r"\b(?P<w>[A-Z][a-z]+)" + _S + r"+$")  # case matters: a name
_MONTH_CTX = _c(
    r"\b(?:in|since|during|until|till|before|after|from|through|early|mid|late|of|last|next|this|by|to|and|or|between|end|beginning|start|throughout|on|every|each|that|until|between|following|previous)"
    + _S
    + r"+(?:the"
    + _S
    + r"+)?$"
)


# --- where to look ---------------------------------------------------------------
# Most patterns need a word from a short list (a month, a unit of time, a
# weekday...). Rather than try every pattern at every character, one pass
# over the words finds those trigger words and each pattern runs only in
# windows around its own triggers; digit-led patterns, which fail fast, run
# over the whole text.

_TRIGGER_GROUPS: dict[str, tuple[str, ...]] = {
    "month": tuple(MONTHS),
    "timeword": (*TIME_UNITS, "weekend", "ytd", "quarter", "hour", "summer", "winter", "spring", "autumn", "fall"),
    "weekday": (*(w.lower() for w in WEEKDAYS), *_WD_ABBR),
    "hourword": ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "past"),
    "noon": ("noon", "noonish", "midday", "midnight", "mid"),
    "part": ("morning", "afternoon", "evening", "night", "lunchtime", "dawn", "dusk", "daybreak", "nightfall",
             "tonight", "tonite", "mornings", "afternoons", "evenings", "breakfast", "brunch", "lunch", "dinner",
             "supper", "tea", "teatime"),
    "rel": ("today", "tomorrow", "yesterday", "tmrw", "now"),
    "season": ("spring", "summer", "autumn", "winter", "fall"),
    "holiday": tuple({re.split(r"[\s']", h)[0].rstrip(".") for h in HOLIDAYS}),
    "every": ("every", "each", "once", "twice", "thrice", "times", "time", *_LY_UNITS),
    "yearword": ("eighteen", "nineteen", "twenty", "thousand", *_DECADE_WORDS),
    "age": ("age", "aged", "ages"),
    "dayword": ("day", "morning", "afternoon", "evening", "night"),
    "quarter": ("quarter", "quarters"),
    "ytd": ("ytd", "date"),
    "weekend": ("weekend",),
    "week": ("week",),
    "later": ("later", "earlier"),
}  # fmt: skip
_TRIGGER_OF: dict[str, tuple[str, ...]] = {}
for _g, _words in _TRIGGER_GROUPS.items():
    for _w in _words:
        _TRIGGER_OF[_w] = (*_TRIGGER_OF.get(_w, ()), _g)
del _g, _words, _w
# Words that can begin a duration or an offset ("three", "a few", "in two weeks").
_NUMBER_START = frozenset(
    {*numwords.UNITS, *numwords.TENS, *numwords.SCALES, *numwords.GROUPS, *numwords.FRACTIONS,
     "a", "an", "few", "several", "some", "couple", "half", "minus", "negative", "in", "within", "½"}
)  # fmt: skip
# The words _windows acts on (a trigger, a unit of time, a word that may begin a
# number), each also with a plural "s". Words are runs of ASCII letters; a split
# and a set lookup in a comprehension pick these few out of all the words, so
# the loop body runs for them only.
_ALPHA_SPLIT = startcache.compile(r"([A-Za-z]+)")
_BLOCK = 1 << 16
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CANDIDATES = frozenset(
    x for w in (*_TRIGGER_OF, *_NUMBER_START, *TIME_UNITS) if w.isascii() and w.isalpha() for x in (w, w + "s")
)
# Characters before and after a trigger word that a pattern may need: a year or
# a day range after a month; a number before a unit ("one hundred and
# twenty-five years"), "ahead of the conference" after it.
_WINDOW = (80, 80)
_WINDOW_UNIT = (60, 40)
_WINDOW_DIGIT = (24, 40)
_DIGITS = startcache.compile(r"\d+|½")


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger group, the merged text windows around its trigger words.

    Two extra entries: "starts" holds the start of every word that may begin a number (as
    (start, start) pairs) and "unit_words" each unit-of-time word's span, for
    ``_scan_before``.
    """
    win: dict[str, list[tuple[int, int]]] = {g: [] for g in _TRIGGER_GROUPS}
    units: list[tuple[int, int]] = []
    win["unit_words"] = units
    n = len(text)
    # Digit-led patterns run around digits only ("the late 1990s" starts a few words before).
    digit: list[tuple[int, int]] = []
    digit_starts: list[int] = []
    for m in _DIGITS.finditer(text):
        digit_starts.append(m.start())  # a numeral ("3", "½") may begin a duration
        s, e = max(0, m.start() - _WINDOW_DIGIT[0]), min(n, m.end() + _WINDOW_DIGIT[1])
        if digit and s <= digit[-1][1]:
            digit[-1] = (digit[-1][0], e)
        else:
            digit.append((s, e))
    win["digit"] = digit
    # Clock and race times hold a colon ("14:30", "3:41.20"), decades a "0s" ("the 1990s", "'80s"):
    # those patterns read only the digit windows that hold one, a few in a hundred.
    win["digit_colon"] = _holding(text, digit, ":")
    # So do numeric dates their separator: "3/4" a slash, "03/2004" or "03-2004" one of two, "2003-04" or
    # "1999/2000" one of four.
    win["digit_slash"] = _holding(text, digit, "/")
    win["digit_month_year"] = _holding(text, digit, "/-")
    win["digit_year_pair"] = _holding(text, digit, "-/–~")
    decade = _compiled(_DECADE_HINT)
    win["digit_decade"] = [(s, e) for s, e in digit if decade.search(text, s, e)]
    word_starts: list[int] = []
    for start, end, w in _candidate_words(text):
        if w in _NUMBER_START:
            word_starts.append(start)
        if w in TIME_UNITS or w[:-1] in TIME_UNITS and w.endswith("s"):
            units.append((start, end))
        groups = _TRIGGER_OF.get(w)
        if groups is None:
            groups = _TRIGGER_OF.get(w[:-1]) if w.endswith("s") else None  # "Thursdays", "nights"
            if groups is None:
                continue
        for g in groups:
            before, after = _WINDOW_UNIT if g == "unit" else _WINDOW
            s, e = max(0, start - before), min(n, end + after)
            lst = win[g]
            if lst and s <= lst[-1][1]:
                lst[-1] = (lst[-1][0], e)
            else:
                lst.append((s, e))
    # Numerals and words never overlap, so merging the two sorted lists keeps text order.
    win["starts"] = [(st, st) for st in heapq.merge(digit_starts, word_starts)]
    return win


def _holding(text: str, windows: list[tuple[int, int]], chars: str) -> list[tuple[int, int]]:
    """The windows that hold one of ``chars``."""
    return [(s, e) for s, e in windows if any(text.find(c, s, e) >= 0 for c in chars)]


def _candidate_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, lower-cased word) of each word in ``_CANDIDATES``, in text order.

    The text is split in blocks of about ``_BLOCK`` characters, each ending
    where a word ends, so a huge text never becomes one list of all its words.
    """
    n = len(text)
    pos = 0
    while pos < n:
        stop = min(n, pos + _BLOCK)
        while stop < n and text[stop - 1] in _ASCII_LETTERS and text[stop] in _ASCII_LETTERS:
            stop += 1
        # parts alternates between the text between words and a word: [gap, word, gap, ..., gap].
        parts = _ALPHA_SPLIT.split(text, 0) if pos == 0 and stop == n else _ALPHA_SPLIT.split(text[pos:stop])
        ends = list(itertools.accumulate(map(len, parts), initial=pos))
        for k in [k for k in range(1, len(parts), 2) if parts[k].lower() in _CANDIDATES]:
            yield ends[k], ends[k + 1], parts[k].lower()
        pos = stop


def _scan_before(rx: _Lazy, text: str, win: dict[str, list[tuple[int, int]]]) -> list[re.Match[str]]:
    """Matches of ``rx`` that cover a unit-of-time word, tried only at word starts before it.

    A duration ("one hundred and twenty years") or offset ("in three weeks")
    starts at most a few words before its unit; anchoring ``rx.match`` at
    those word starts costs one attempt per word instead of one per character.
    """
    starts = [s for s, _ in win["starts"]]
    out: list[re.Match[str]] = []
    done = 0
    n = len(text)
    for us, ue in win["unit_words"]:
        if us < done:
            continue
        # Index, not a slice: ``starts[first:]`` copies the rest of the list for
        # every unit word, which made a big text quadratic.
        for i in range(bisect.bisect_left(starts, max(done, us - _WINDOW_UNIT[0])), len(starts)):
            st = starts[i]
            if st > us:
                break
            m = rx.match(text, st, min(n, ue + _WINDOW_UNIT[1]))
            if m and m.start() <= us < m.end():
                out.append(m)
                done = m.end()
                break
    return out


def _scan(rx: _Lazy, text: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Matches of ``rx`` inside ``windows``; lookbehinds still see the text before a window."""
    out: list[re.Match[str]] = []
    for s, e in windows:
        out.extend(rx.finditer(text, s, e))
    return out


# --- atoms ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Atom:
    """One date/time piece before joining; fields left None were not written."""

    start: int
    end: int
    kind: str  # date year decade weekday time relative duration age
    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: str | None = None
    hm: str | None = None
    iso: str | None = None  # a ready-made iso for what the fields cannot say (decade, quarter, holiday)
    rel: Decimal | None = None
    unit: str | None = None
    value: Decimal | None = None
    step: Decimal = Decimal(1)
    low: Decimal | None = None  # vague counts: the open interval's low end
    high: Decimal | None = None  # a range of durations ("two to six years"): low..high
    hedge: str = "exact"
    markers: tuple[str, ...] = ()
    subject: str | None = None
    end_atom: _Atom | None = None  # a range: this atom is the start, end_atom the end

    @property
    def dayish(self) -> bool:
        return self.kind in ("date", "weekday", "relative") or self.m is not None or self.d is not None


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int | None:
    w = word.lower().strip()
    m = re.match(r"\d+", w)
    if m:
        return int(m.group())
    v = numwords.parse_ordinal(w)
    if v is None:
        v = numwords.parse(w)
    return None if v is None else int(v)


def _year2(yy: str) -> int:
    n = int(yy)
    return 2000 + n if n <= 30 else 1900 + n


def _ok_month_word(text: str, start: int, word: str, has_day_or_year: bool) -> bool:
    """Whether a month word is a month and not "may" the verb or "Theresa May"."""
    low = word.lower().rstrip(".")
    before = text[max(0, start - 30) : start]
    if low in ("may", "march"):
        name = _CAP_NAME_BEFORE.search(before)
        if name and word[0].isupper() and name.group("w").lower() not in MONTHS and name.group("w") not in WEEKDAYS:
            # "Theresa May", "Bank of England March"? only a sentence start or a preposition is not a name.
            # A name at the text's start or a line's start begins its sentence ("Between March 2019" opening a
            # paragraph), as one after a stop does.
            if not re.search(r"(?:[.!?:;]|\n)" + _S + r"*\S+" + _S + r"+$", before) and name.start() != 0:
                return False
        if not has_day_or_year:
            if word[0].islower():
                # lower-case "may"/"march" is a verb unless a preposition says month: "in may".
                return bool(_MONTH_CTX_STRONG.search(before))
            return bool(_MONTH_CTX.search(before))
        if not word[0].isupper() and not _MONTH_CTX.search(before):
            return False
    return True


# Words after "March 8" that leave 8 its day ("late March 8 and early March 9"); another lower-case word
# makes it a count ("in late March 8 people died").
_AFTER_DAY = frozenset(
    """and or to into until till through at night morning evening afternoon then when is are was were has have
    had will would should can could may might must""".split()
)


def _day_follows(text: str, a: _Atom) -> bool:
    """The month of atom ``a`` is followed by its day with nothing but space between, and no count's noun
    after the day."""
    head = text[a.start : a.end]
    if "," in head.split()[0] or not re.fullmatch(r"\S+\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s*\d{4})?", head):
        return False
    after = re.match(r"\s*([A-Za-z]+)", text[a.end : a.end + 20])
    return after is None or after.group(1) in _AFTER_DAY or after.group(1)[0].isupper()


def _date_atoms(text: str, win: dict[str, list[tuple[int, int]]]) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _scan(_RE_DMY, text, win["month"]):
        d = _day(m.group("d"))
        if d is None or not 1 <= d <= 31:
            continue
        y = (
            int(m.group("y"))
            if m.group("y")
            else _year2(m.group("y2") or m.group("y3"))
            if (m.group("y2") or m.group("y3"))
            else None
        )
        mon = _month(m.group("m"))
        if not _ok_month_word(text, m.start("m"), m.group("m"), True):
            continue
        if m.group("d0"):
            start = _Atom(m.start(), m.end(), "date", y, mon, int(m.group("d0")))
            out.append(replace(start, end_atom=_Atom(m.start("d"), m.end(), "date", y, mon, d)))
        else:
            out.append(_Atom(m.start(), m.end(), "date", y, mon, d))
    for m in _scan(_RE_MDY, text, win["month"]):
        d = _day(m.group("d"))
        if d is None or not 1 <= d <= 31:
            continue
        if not _ok_month_word(text, m.start("m"), m.group("m"), True):
            continue
        y = int(m.group("y")) if m.group("y") else _year2(m.group("y2")) if m.group("y2") else None
        mon = _month(m.group("m"))
        if m.group("d2") and "," in text[m.end("m") : m.start("d")] and not (m.group("y") or m.group("y2")):
            continue  # "won the reverse fixture in September, 2-1": the month, then a score, no days
        atom = _Atom(m.start(), m.end(), "date", y, mon, d)
        if m.group("d2"):
            atom = replace(atom, end_atom=_Atom(m.start("d2"), m.end(), "date", y, mon, int(m.group("d2"))))
        out.append(atom)
    for rx in (_RE_BAD_MDY, _RE_BAD_DMY):
        for m in _scan(rx, text, win["month"]):
            if _ok_month_word(text, m.start("m"), m.group("m"), True):
                out.append(_Atom(m.start("at"), m.end(), "date", None, _month(m.group("m")), int(m.group("d"))))
    dated = {a.start for a in out if _day_follows(text, a)}  # where a month with its day starts
    for m in _scan(_RE_MY, text, win["month"]):
        if not _ok_month_word(text, m.start("m"), m.group("m"), True):
            continue
        out.append(_Atom(m.start(), m.end(), "date", int(m.group("y")), _month(m.group("m")), markers=_pre(m)))
    for m in _scan(_RE_MONTH_RANGE, text, win["month"]):
        y = int(m.group("y")) if m.group("y") else None
        m1, m2 = _month(m.group("m")), _month(m.group("m2"))
        if not (
            _ok_month_word(text, m.start("m"), m.group("m"), False) or m.group("m").lower() not in ("may", "march")
        ):
            continue
        y1 = y - 1 if y is not None and m1 > m2 else y
        out.append(_Atom(m.start(), m.end(), "date", y1, m1, end_atom=_Atom(m.start("m2"), m.end(), "date", y, m2)))
    for m in _scan(_RE_MONTH, text, win["month"]):
        word = m.group("m")
        if len(word.rstrip(".")) <= 3 and word.lower().rstrip(".") not in ("may",):
            # "Jan", "Oct": an abbreviation alone needs its full stop or a context word.
            if not (word.endswith(".") or _MONTH_CTX.search(text[max(0, m.start() - 30) : m.start()])):
                continue
            if word[0].islower() and word.lower() in (
                "mar",
                "jun",
                "jul",
                "sep",
                "dec",
                "jan",
                "oct",
                "nov",
                "aug",
                "apr",
                "feb",
            ):
                if not _MONTH_CTX.search(text[max(0, m.start() - 30) : m.start()]):
                    continue
        if not _ok_month_word(text, m.start("m"), word, bool(m.group("pre"))):
            continue
        if m.group("pre") and m.start("m") in dated:
            continue  # "late March 8": the late hours of that day, not the last part of the month
        out.append(_Atom(m.start(), m.end(), "date", None, _month(word), markers=_pre(m)))
    for m in _scan(_RE_YM, text, win["month"]):
        if _ok_month_word(text, m.start("m"), m.group("m"), True):
            out.append(_Atom(m.start(), m.end(), "date", int(m.group("y")), _month(m.group("m"))))
    for m in _scan(_RE_YMD_NAME, text, win["month"]):
        out.append(_Atom(m.start(), m.end(), "date", int(m.group("y")), _month(m.group("m")), int(m.group("d"))))
    for m in _scan(_RE_MDY_NAME, text, win["month"]):
        out.append(_Atom(m.start(), m.end(), "date", int(m.group("y")), _month(m.group("m")), int(m.group("d"))))
    for rx in (_RE_ISO, _RE_COMPACT):
        for m in _scan(rx, text, win["digit"]):
            out.append(_Atom(m.start(), m.end(), "date", int(m.group("y")), int(m.group("m")), int(m.group("d"))))
    for m in _scan(_RE_NUMDATE, text, win["digit"]):
        a, b = int(m.group("a")), int(m.group("b"))
        ys = m.group("y")
        y = int(ys) if len(ys) == 4 else _year2(ys)
        parsed = _day_month(a, b)
        if parsed is None:
            continue
        d, mon, amb = parsed
        out.append(_Atom(m.start(), m.end(), "date", y, mon, d, markers=("ambiguous",) if amb else ()))
    for m in _scan(_RE_DM, text, win["digit_slash"]):
        a, b = int(m.group("a")), int(m.group("b"))
        parsed = _day_month(a, b)
        if parsed is None or m.group() in ("24/7",):  # "24/7" is "all the time", never 24 July
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        context = re.search(
            r"\b(?:on|from|to|until|till|by|since|between|before|after|and|or)" + _S + r"+$|,\s*$|-$", before, re.I
        )
        if not (context or (len(m.group("a")) == 2 and len(m.group("b")) == 2) or max(a, b) > 12 and min(a, b) >= 1):
            continue
        d, mon, amb = parsed
        out.append(_Atom(m.start(), m.end(), "date", None, mon, d, markers=("ambiguous",) if amb else ()))
    for m in _scan(_RE_MMYYYY, text, win["digit_month_year"]):
        out.append(_Atom(m.start(), m.end(), "date", int(m.group("y")), int(m.group("m"))))
    for m in _scan(_RE_YEARPAIR, text, win["digit_year_pair"]):
        y, tail, sep = int(m.group("y")), m.group("b"), m.group("s")
        if len(tail) == 4:
            y2 = int(tail)
            if abs(y2 - y) > 200:
                continue
            out.append(_year_range(m.start(), m.end(), y, y2, ()))
        elif len(tail) == 2 and int(tail) == (y + 1) % 100 or len(tail) == 1 and int(tail) == (y + 1) % 10:
            out.append(_year_range(m.start(), m.end(), y, y + 1, ("fiscal",)))
        elif sep == "-" and 1 <= int(tail) <= 12:
            out.append(_Atom(m.start(), m.end(), "date", y, int(tail)))
        elif len(tail) == 2 and int(tail) > y % 100:
            out.append(_year_range(m.start(), m.end(), y, y - y % 100 + int(tail), ()))
        elif len(tail) == 2 and sep in "-–" and int(tail) < y % 100:
            # "between 1975-71": a period run backwards in its century (a slip the range rules flag).
            out.append(_year_range(m.start(), m.end(), y, y - y % 100 + int(tail), ()))
    for m in _scan(_RE_QUARTER, text, win["digit"]):
        ys = m.group("y") or m.group("y2")
        q = m.group("q").upper()
        y = int(ys) if ys else None
        if q[0] == "H" and y is None:
            continue  # "H1" alone is a virus or a heading, not a half-year
        out.append(_Atom(m.start(), m.end(), "date", y, iso=f"{y:04d}-{q}" if y else None, markers=(q,)))
    for m in _scan(_RE_QUARTER_WORDS, text, win["quarter"]):
        q = "Q" + str(
            {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[
                m.group("q").lower()
            ]
        )
        y = int(m.group("y")) if m.group("y") else None
        out.append(_Atom(m.start(), m.end(), "date", y, iso=f"{y:04d}-{q}" if y else None, markers=(q,)))
    return out


def _pre(m: re.Match[str]) -> tuple[str, ...]:
    pre = m.groupdict().get("pre")
    return (re.sub(r"\s+", " ", pre.lower()),) if pre else ()


def _day_month(a: int, b: int) -> tuple[int, int, bool] | None:
    """(day, month, ambiguous) for a numeric "a/b": day-first unless b cannot be a month."""
    if not (1 <= a <= 31 and 1 <= b <= 31):
        return None
    if b <= 12 and a <= 12:
        return a, b, a != b
    if b <= 12:
        return a, b, False
    if a <= 12:
        return b, a, False  # US month-first: "01/22/2016"
    return None


def _year_range(start: int, end: int, y1: int, y2: int, markers: tuple[str, ...]) -> _Atom:
    return _Atom(
        start,
        end,
        "year",
        y=y1,
        value=Decimal(y1),
        markers=markers,
        end_atom=_Atom(start, end, "year", y=y2, value=Decimal(y2)),
    )


# Ages as news writes them after a name: "Jane Morrow, 52, who ...", "John Smith (45)",
# "a woman, 34, was ...". The figure is set off by commas or brackets, 1 to 119, and the
# words before it name a person: two or more capitalised words, or a word for a person.
_AGE_SET_OFF = startcache.compile(r"(?:,[^\S\n]?|[^\S\n]\()(?P<n>[1-9]\d?|1[01]\d)(?:(?P<c>,)(?=[^\S\n]+[A-Za-z])|\))")
_AGE_NAME_BEFORE = startcache.compile(
    r"(?<![\w'’-])(?P<name>(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:[^\S\n]+(?:[A-Z][a-z'’-]+|[A-Z]\.|de|da|van|von|al|bin|le)){1,3})\Z"
)
# One capitalised word, a surname on its own ("Smith, 34, denies the charge"): a name only when the words
# after the age go on in lower case (a verb, "who"), not into a list of names and figures.
_AGE_SURNAME_BEFORE = startcache.compile(
    r"(?:\A|[.!?]\s+|\b(?:said|says|told|added|striker|midfielder|defender|goalkeeper|captain|manager|coach|"
    r"player|singer|actor|actress|director|chairman|minister|leader|boss)[^\S\n]+)(?P<name>[A-Z][a-z'’-]{2,})\Z"
)
_LOWER_AFTER = startcache.compile(
    r"[^\S\n]+(?:who|was|is|has|had|will|would|could|said|says|denies|denied|admits|admitted|joined|joins|"
    r"signed|signs|died|won|lost|scored|told|added|made|became|was)\b"
)
_PERSON_BEFORE = startcache.compile(
    r"\b(?:man|woman|boy|girl|teenager|teen|youth|mother|father|son|daughter|wife|husband|pensioner|"
    r"grandmother|grandfather|driver|victim|pilot|farmer|student|worker|officer|suspect|resident)\Z",
    re.I,
)
# Words that make a capitalised run a place, a team or a body rather than a person.
_NOT_A_PERSON = frozenset(
    """new south north east west united saudi sri costa el hong san los las st santa cape great
    party city council county club group ltd plc inc corp company league cup university college
    school hospital street road airport station""".split()
)


# "an 87 yo man", "a 34 y/o woman", "56 y.o.": clinical notes and forums abbreviate "years old".
_YEARS_OLD_ABBR = startcache.compile(
    r"(?<![\w.,])(?P<n>\d{1,3})[^\S\n]?(?:yo|y/o|y\.o\.|yrs?[^\S\n]old)(?![\w/])", re.I
)


def _appositive_ages(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _AGE_SET_OFF.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        person = _PERSON_BEFORE.search(before)
        name = _AGE_NAME_BEFORE.search(before)
        if name is None and m.group("c") and _LOWER_AFTER.match(text, m.end()):
            name = _AGE_SURNAME_BEFORE.search(before)
        if name:
            words = [w.lower().rstrip(".") for w in name.group("name").split()]
            if any(w in _NOT_A_PERSON or w in MONTHS or w.capitalize() in WEEKDAYS for w in words):
                name = None
        if not (person or name):
            continue
        who = name.group("name") if name else person.group() if person else None
        out.append(_Atom(m.start("n"), m.end("n"), "age", value=Decimal(m.group("n")), unit="year", subject=who))
    return out


def _other_atoms(text: str, win: dict[str, list[tuple[int, int]]]) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _scan(_RE_DECADE, text, win["digit_decade"]):
        if m.group("s"):
            s = int(m.group("s"))
            iso = f"20{s}" if s <= 2 else f"19{s}"
        else:
            iso = m.group("c") + m.group("d")
        out.append(_Atom(m.start(), m.end(), "decade", iso=iso, value=Decimal(iso + "0")))
    for m in _scan(_RE_DECADE_WORD, text, win["yearword"]):
        iso = f"19{_DECADE_WORDS[m.group('w').lower()]}"
        out.append(_Atom(m.start(), m.end(), "decade", iso=iso, value=Decimal(iso + "0")))
    for m in _scan(_RE_WEEKDAY, text, win["weekday"]):
        w = m.group("wd") or m.group("wda")
        low = w.lower()
        full = _WD_ABBR.get(low, low.capitalize())
        rel = (m.group("rel") or "").lower()
        day = m.group("d1") or m.group("d2") or m.group("d3")
        if low in _WD_ABBR:
            before = text[max(0, m.start() - 12) : m.start()]
            if not (w[0].isupper() or rel or day or m.group("dm")):
                continue
            if low in _WD_WORDLIKE and not (
                rel or day or m.group("dm") or re.search(r"\bon" + _S + r"+$", before, re.I)
            ):
                continue
        if (
            m.group("pl")
            and not rel
            and _NAME_BEFORE.search(text, max(0, m.start() - 20), m.start())
            and not re.search(r"[.!?]" + _S + r"*\S+" + _S + r"*$", text[max(0, m.start() - 20) : m.start()])
        ):
            continue  # "Happy Mondays": a name
        markers: tuple[str, ...] = ()
        if rel in ("every", "each") or m.group("pl"):
            markers = ("every",)
        elif rel:
            markers = (rel,)
        a = _Atom(m.start(), m.end(), "weekday", wd=full, markers=markers)
        if day:
            dv = _day(day)
            if dv is not None and 1 <= dv <= 31:
                a = replace(a, kind="date", d=dv)
        elif m.group("dm"):
            dp, dq = (int(x) for x in re.split(r"[./-]", m.group("dm")))
            parsed = _day_month(dp, dq)
            if parsed is None:
                a = replace(a, end=m.start("dm") - 1 if text[m.start("dm") - 1] == " " else m.start("dm"))
                a = replace(a, end=m.start() + len(m.group(0).split()[0]) if not rel else a.end)
            else:
                day, mon, amb = parsed
                a = replace(a, kind="date", d=day, m=mon, markers=markers + (("ambiguous",) if amb else ()))
        out.append(a)
    for m in _scan(_RE_CLOCK, text, win["digit_colon"]):
        if (
            m.group("sec")
            and not m.group("ap")
            and not re.search(r"(?:\bat|@)" + _S + r"*$", text[max(0, m.start() - 4) : m.start()])
        ):
            continue  # "2:17:18" without am/pm or "at" is a race time, not a time of day
        out.append(_time_atom(m, text))
    for m in _scan(_RE_RACE, text, win["digit_colon"]):
        if m.group("h") or m.group("frac"):
            out.append(_race_atom(m, text))
    for m in _scan(_RE_AMPM, text, win["digit"]):
        h = int(m.group("h"))
        mi = m.group("mi") or m.group("mi2")
        if m.group("mi2") and not 1 <= h <= 12:
            continue
        if not 0 <= h <= 12:
            continue
        out.append(_time_atom(m, text, mi))
    for m in _scan(_RE_AP_SHORT, text, win["digit"]):
        if not 1 <= int(m.group("h")) <= 12:
            continue  # "closed at 95p", "issued at 45p": pence, no hour of a clock
        out.append(_time_atom(m, text))
    for m in _scan(_RE_AT_DOT, text, win["digit"]):
        out.append(_time_atom(m, text))
    for rx in (_RE_WORD_TIME, _RE_WORD_TIME2):
        for m in _scan(rx, text, win["hourword"]):
            h = int(numwords.parse(m.group("h")) or 0)
            mi = (
                int(numwords.parse(m.group("mi").replace("o ", "").replace("o-", "")) or 0)
                if m.groupdict().get("mi")
                else 0
            )
            out.append(_Atom(m.start(), m.end(), "time", hm=_hm(h, mi, (m.groupdict().get("ap") or ""))))
    for m in _scan(_RE_OCLOCK, text, win["digit"]):
        out.append(_Atom(m.start(), m.end(), "time", hm=_hm(int(m.group("h")), 0, "")))
    for m in _scan(_RE_PAST, text, win["hourword"]):
        mw, direction = m.group("mi").lower(), m.group("dir").lower()
        if direction in ("to", "after") and not re.match(r"(?:half|(?:a\s+)?quarter)\b", mw):
            continue  # "five to seven days", "23 after two": numbers, not "quarter to five"
        hv = m.group("h")
        h = int(hv) if hv.isdigit() else int(numwords.parse(hv) or 0)
        mins = (
            30 if mw == "half" else 15 if "quarter" in mw else int(mw) if mw.isdigit() else int(numwords.parse(mw) or 0)
        )
        if direction == "to":
            h, mins = (h - 1) % 24, 60 - mins
        out.append(_Atom(m.start(), m.end(), "time", hm=_hm(h, mins, "")))
    for m in _scan(_RE_NOON, text, win["noon"]):
        w = m.group("w").lower()
        if m.group()[0].isupper() and _NAME_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "Jamie Noon", "J Noon": a surname
        out.append(_Atom(m.start(), m.end(), "time", hm="00:00" if "night" in w else "12:00"))
    for m in _scan(_RE_ISH, text, win["digit"]):
        out.append(_Atom(m.start(), m.end(), "time", hm=_hm(int(m.group("h")), 0, ""), hedge="about"))
    for m in _scan(_RE_PART, text, win["part"]):
        rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
        p = m.group("p").lower()
        if rel in ("each", "every"):
            out.append(_Atom(m.start(), m.end(), "frequency", value=Decimal(1), unit="1 / day", markers=("every", p)))
        elif rel in ("this", "tomorrow", "yesterday", "last", "that"):
            off = {
                "this": 0,
                "that": 0,
                "tomorrow": 1,
                "yesterday": -1,
                "last": -1 if p in ("night", "evening") else 0,
            }[rel]
            out.append(_Atom(m.start(), m.end(), "relative", rel=Decimal(off), unit="day", markers=(p,)))
        elif m.group("pl") and rel == "in the":
            out.append(_Atom(m.start(), m.end(), "time", markers=(p, "every")))
        elif rel == "at" and p != "night" and p != "lunchtime":
            continue
        else:
            out.append(_Atom(m.start(), m.end(), "time", markers=(p,)))
    for m in _scan(_RE_PART_PLURAL, text, win["part"]):
        p = m.group("p").lower()
        out.append(
            _Atom(m.start(), m.end(), "time", markers=(p.rstrip("s"),) + (("every",) if p.endswith("s") else ()))
        )
    for m in _scan(_RE_TONIGHT, text, win["part"]):
        out.append(_Atom(m.start(), m.end(), "relative", rel=Decimal(0), unit="day", markers=("night",)))
    for m in _scan(_RE_RELWORD, text, win["rel"]):
        if m.group("now"):
            out.append(_Atom(m.start(), m.end(), "relative", rel=Decimal(0), unit="day", markers=("now",)))
            continue
        w = m.group("w").lower()
        off = _REL_WORDS[w]
        pre = (m.group("pre") or "").lower()
        if pre:
            off += 1 if pre.endswith("after") else -1
        out.append(_Atom(m.start(), m.end(), "relative", rel=Decimal(off), unit="day", markers=(w,)))
    for m in _scan(_RE_REL_PERIOD, text, win["timeword"]):
        rel = re.sub(r"\s+", " ", m.group("rel").lower()).replace("the ", "")
        u = m.group("u").lower()
        off = {
            "this": 0,
            "current": 0,
            "same": 0,
            "that": 0,
            "next": 1,
            "coming": 1,
            "following": 1,
            "last": -1,
            "past": -1,
            "previous": -1,
        }[rel]
        unit = {
            "fortnight": "week",
            "weekend": "week",
            "summer": "year",
            "winter": "year",
            "spring": "year",
            "autumn": "year",
            "fall": "year",
            "decade": "year",
            "century": "year",
        }.get(u, u)
        if u in ("decade", "century"):
            off *= 10 if u == "decade" else 100
        if u == "fortnight":
            off *= 2
        pre = _pre(m)
        marks = (rel,) + pre + ((u,) if u != unit else ())
        out.append(_Atom(m.start(), m.end(), "relative", rel=Decimal(off), unit=unit, markers=marks))
    for m in _scan(_RE_REL_END, text, win["timeword"]):
        u = m.group("u").lower()
        out.append(
            _Atom(m.start(), m.end(), "relative", rel=Decimal(0), unit="day" if u == "today" else u, markers=_pre(m))
        )
    for m in _scan(_RE_REL_IN, text, win["later"]):
        out.append(_Atom(m.start(), m.end(), "relative", rel=Decimal(0), unit=m.group("u").lower(), markers=_pre(m)))
    for m in _scan(_RE_THE_DAY, text, win["dayword"]):
        w = (m.group("w") or m.group("w2")).lower()
        off = 1 if w in ("next", "following", "after") else -1
        out.append(_Atom(m.start(), m.end(), "relative", rel=Decimal(off), unit="day", markers=(w,)))
    for m in _scan(_RE_SEASON, text, win["season"]):
        rel = (m.group("rel") or "").lower()
        if not rel and not m.group("y"):
            continue
        if m.group("s").lower() == "fall" and not (
            m.group("y") or rel in ("this", "last", "next", "early", "late", "mid")
        ):
            continue  # "the fall in profits"
        y = int(m.group("y")) if m.group("y") else None
        out.append(
            _Atom(
                m.start(),
                m.end(),
                "date",
                y=y,
                markers=(m.group("s").lower(),) + ((rel,) if rel in ("this", "last", "next") else ()),
            )
        )
    for m in _scan(_RE_HOLIDAY, text, win["holiday"]):
        name = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")
        if name == "may day" and not m.group("h")[0].isupper():
            continue
        if not m.group("h")[0].isupper() and name not in (
            "christmas",
            "christmas eve",
            "christmas day",
            "new year's eve",
            "new year's day",
            "independence day",
            "halloween",
        ):
            continue
        iso = HOLIDAYS.get(name) or ""
        if iso:
            out.append(_Atom(m.start("h"), m.end(), "date", m=int(iso[2:4]), d=int(iso[5:7]), markers=(name,)))
        else:
            out.append(_Atom(m.start("h"), m.end(), "date", markers=(name,)))
    for m in _scan(_RE_WEEKNUM, text, win["week"]):
        n = int(m.group("n"))
        out.append(_Atom(m.start(), m.end(), "date", iso=f"W{n:02d}", markers=(f"week {n}",)))
    for m in _scan(_RE_NTH_DAY, text, win["dayword"]):
        d = _day(m.group("d"))
        if d is None or not 1 <= d <= 31:
            continue
        if m.group("m"):
            out.append(_Atom(m.start(), m.end(), "date", m=_month(m.group("m")), d=d))
        else:
            out.append(_Atom(m.start(), m.end(), "date", d=d, markers=((m.group("rel") or "the").lower() + " month",)))
    for m in _scan(_RE_ON_THE_NTH, text, win["digit"]):
        out.append(_Atom(m.start(), m.end(), "date", d=int(m.group("d"))))
    for m in _scan(_RE_MEAL, text, win["part"]):
        out.append(_Atom(m.start(), m.end(), "time", markers=(m.group("w").lower(), m.group("m").lower())))
    for m in _scan(_RE_WEEKEND, text, win["weekend"]):
        out.append(_Atom(m.start(), m.end(), "relative", rel=Decimal(0), unit="week", markers=("weekend",)))
    for m in _scan(_RE_YTD, text, win["ytd"]):
        out.append(_Atom(m.start(), m.end(), "relative", rel=Decimal(0), unit="year", markers=("to date",)))
    for m in _scan(_RE_YEAR_WORDS, text, win["yearword"]):
        if _NUMBER_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "two hundred and two thousand": one number, not a year
        y = _year_from_words(m.group("w"))
        if y is not None and 1800 <= y <= 2100:
            out.append(_Atom(m.start(), m.end(), "year", y=y, value=Decimal(y)))
    out.extend(_duration_atoms(text, win))
    return out


def _year_from_words(phrase: str) -> int | None:
    """ "nineteen ninety-six" → 1996, "two thousand and fifteen" → 2015, "nineteen oh five" → 1905."""
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w]
    if words[:2] == ["two", "thousand"]:
        v = numwords.parse(" ".join(words))
        return None if v is None else int(v)
    century = numwords.parse(words[0])
    rest = [w for w in words[1:] if w not in ("oh", "o")]
    if century is None:
        return None
    if rest == ["hundred"]:
        return int(century) * 100
    tail = numwords.parse(" ".join(rest)) if rest else None
    return None if tail is None or tail >= 100 else int(century) * 100 + int(tail)


def _hm(h: int, mi: int, ap: str) -> str:
    ap = re.sub(r"[\s.]", "", ap.lower())
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    return f"{h % 24:02d}:{mi:02d}"


def _race_atom(m: re.Match[str], text: str) -> _Atom:
    """ "3:46.04", "2:04:55": a run time as a duration in seconds, printed to its last digit. A clock
    time with seconds ("at 10:31:05", "2:17:18pm") is the clock scan's."""
    frac = m.group("frac") or ""
    seconds = Decimal(int(m.group("h") or 0) * 3600 + int(m.group("mi")) * 60 + int(m.group("s")))
    if frac:
        seconds += Decimal(frac).scaleb(-len(frac))
    step = Decimal(1).scaleb(-len(frac))
    return _Atom(m.start(), m.end(), "duration", unit="second", value=seconds, step=step, markers=("race",))


def _time_atom(m: re.Match[str], text: str, mi: str | None = None) -> _Atom:
    ap = m.groupdict().get("ap") or ""
    minute = mi if mi is not None else m.groupdict().get("mi")
    a = _Atom(m.start(), m.end(), "time", hm=_hm(int(m.group("h")), int(minute or 0), ap))
    h0 = m.groupdict().get("h0")
    if h0:
        h0i = int(h0)
        ap0 = ap if (not ap.lower().startswith("p") or h0i <= int(m.group("h")) or int(m.group("h")) == 12) else ""
        start = _Atom(m.start(), m.start("h"), "time", hm=_hm(h0i, int(m.group("mi0") or 0), ap0))
        a = replace(start, end=m.end(), end_atom=replace(a, start=m.start("h")))
    return a


def _hedge_before(text: str, start: int) -> tuple[str, int]:
    """The hedge written right before ``start`` and where it begins, or ("exact", start)."""
    m = _HEDGE_RE.search(text[max(0, start - 25) : start])
    if not m:
        return "exact", start
    return HEDGE_WORDS[re.sub(r"\s+", " ", m.group("h").lower())], start - (
        len(text[max(0, start - 25) : start]) - m.start("h")
    )


def _number(word: str) -> tuple[Decimal | None, Decimal, Decimal | None]:
    """(value, step, vague low end) of the count before a time unit."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w in ("a", "an"):
        return Decimal(1), Decimal(1), None
    if w == "½":
        return Decimal("0.5"), Decimal("0.5"), None
    if w in ("a few", "few", "some"):
        return None, Decimal(1), Decimal(2)
    if w in ("several",):
        return None, Decimal(1), Decimal(3)
    if w in ("a couple", "couple of", "a couple of"):
        return Decimal(2), Decimal(1), None
    if w[0].isdigit():
        digits = w.replace(",", "")
        return Decimal(digits), step_of(digits), None
    v = numwords.parse(w)
    return v, Decimal(1), None


# Abbreviations that are a unit only as printed in lower case.
_CASED_ABBR = frozenset({"ms"})
_VAGUE_SCALES = {"hundred": 100, "thousand": 1000, "million": 1000000}
_VAGUE_BEFORE = _c(r"\b(several|a" + _S + r"+few|few|some|many)" + _S + r"+\Z")
# A duration's time words and age words around it ("the past three years", "aged 12", "12 years of age").
_TIME_WORD_BEFORE = startcache.compile(r"\b(?P<w>past|last|next|previous|coming|first|final)" + _S + r"+$", re.I)
_AGE_BEFORE = startcache.compile(r"\b(?:aged|age(?:" + _S + r"+of)?)" + _S + r"+$", re.I)
_AGE_AFTER = startcache.compile(r"^" + _S + r"+(?:of" + _S + r"+)?age\b", re.I)


# A time word naming a kind of the plural noun after it ("day tickets"), as data.
COUNTED_COMPOUNDS: dict[str, frozenset[str]] = {
    k: frozenset(str(w) for w in v) for k, v in _dates_toml()["counted_compounds"].items()
}
# The compound's noun follows the time word after one space: "1,480 day tickets".
_COMPOUND_NOUN = startcache.compile(_S + r"(?P<w>[a-z]+)\b")


def counted_compound(text: str, unit_word: str, hyphen: bool, end: int) -> bool:
    """ "1,480 day tickets", "300 week passes": a bare figure before a singular time word and a plural noun
    that the time word names a kind of counts the nouns; no length is told ("a 3-day pass" stays one)."""
    nouns = COUNTED_COMPOUNDS.get(unit_word)
    if hyphen or not nouns:
        return False
    m = _COMPOUND_NOUN.match(text, end)
    return m is not None and m.group("w") in nouns


# A preposition that makes the four-digit figure after it a year ("in 2019", "since 2010").
_YEAR_PREP = startcache.compile(r"\b(?:in|since|by|until|during|of)" + _S + r"+\Z", re.I)


def _year_before_to(text: str, m: re.Match[str]) -> bool:
    """The first end of a duration's "N to M weeks" is a year told with its preposition: "waits fell from
    18 weeks in 2019 to 14 weeks" is a change with its time, not a range from 2019 to 14 weeks; or a year
    before a spaced dash that opens an aside ("in May 2021 - six months before the deadline")."""
    n0 = m.group("n0")
    if not n0 or _YEAR_NAME.fullmatch(n0) is None:
        return False
    return (
        _YEAR_PREP.search(text[max(0, m.start() - 8) : m.start()]) is not None
        or _ASIDE_DASH.fullmatch(text[m.end("n0") : m.start("n")]) is not None
    )


# A spaced dash after a year that opens an aside on a length counted from it ("sacked on 4 March 2025 - two
# weeks after she was promoted"; "held in May 2021 – six months before the deadline"), not a range's dash.
_ASIDE_DASH = startcache.compile(_S + r"+[-–—]" + _S + r"+")


def _duration_atoms(text: str, win: dict[str, list[tuple[int, int]]]) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _scan_before(_RE_DURATION, text, win):
        value, step, low = _number(m.group("n"))
        if value is None and low is None:
            continue
        if counted_compound(text, m.group("u"), bool(m.group("hy")), m.end()):
            continue
        unit_word = m.group("u").lower()
        if unit_word == "h" and not m.group("n")[0].isdigit():
            continue
        if unit_word in _CASED_ABBR and m.group("u") != unit_word:
            continue  # "40 ms" is a duration; "5 MS patients" and "Ms Smith" are not
        if _YEAR_NAME.fullmatch(m.group("n")) and m.group("u")[0].isupper() and _NAME_NEXT.match(text, m.end()):
            continue  # "the 2000 Millennium Dome": a year and a name, not two million years
        if unit_word in (
            "h",
            "hr",
            "hrs",
            "min",
            "mins",
            "sec",
            "secs",
            "yr",
            "yrs",
            "wk",
            "wks",
            "mth",
            "mths",
        ) and m.group("n").lower() in ("a", "an", "some", "few", "a few", "several"):
            continue
        unit, factor = TIME_UNITS[unit_word]
        start = m.start()
        year_first = _year_before_to(text, m)
        if year_first:
            start = m.start("n")  # "from 18 weeks in 2019 to 14 weeks": the year is no end of a range
        if (
            unit_word == "second"
            and m.group("hy")
            and m.group("n").lower() in numwords.TENS
            and not re.search(r"\ban?" + _S + r"+$", text[max(0, start - 4) : start], re.I)
        ):
            continue  # "in twenty-second place": the ordinal; "a twenty-second pause" is a duration
        high: Decimal | None = None
        vague = _VAGUE_BEFORE.search(text, max(0, start - 12), start) if m.group("n").lower() in _VAGUE_SCALES else None
        if vague is not None:
            # "several hundred years": between 300 and 1,000 years, not exactly 100 (as facts.py reads "several hundred").
            scale = Decimal(_VAGUE_SCALES[m.group("n").lower()])
            start, low, high, value = (
                vague.start(),
                scale * (3 if vague.group(1).lower() == "several" else 2),
                scale * 10 * factor,
                None,
            )
        if (
            unit_word == "second"
            and m.group("n").lower() in ("a", "an")
            and not re.match(_S + r"*(?:later|earlier|ago|long|or\b)", text[m.end() : m.end() + 8])
        ):
            continue  # "a second round": the ordinal, not one second
        if (m.group("n").lower() in ("a", "an", "some") or m.group().lower() == "one day") and not _a_unit_ok(text, m):
            continue
        extra = (
            Decimal("0.5")
            if re.search("half", (m.group("half") or "") + (m.group("tail") or ""), re.I)
            else Decimal("0.25")
            if (m.group("half") or m.group("tail"))
            else Decimal(0)
        )
        if value is not None:
            value = (value + extra) * factor
        if low is not None:
            low = low * factor
        hedge, _hstart = _hedge_before(text, m.start())
        if m.group("n").lower() == "some" and hedge == "exact":
            hedge = "exact"
        kind = "age" if m.group("old") else "duration"
        subject = None
        markers: tuple[str, ...] = ()
        if m.group("hy") and not m.group("old"):
            subject = _noun_after(text, m.end())
        elif not m.group("old"):
            subject = _of_subject(text, m.end())
        before = text[max(0, m.start() - 20) : m.start()]
        pm = _TIME_WORD_BEFORE.search(before)
        if pm:
            markers = (pm.group("w").lower(),)
        if _AGE_BEFORE.search(before) or _AGE_AFTER.search(text[m.end() : m.end() + 10]):
            kind = "age"
        n0 = None if year_first else m.group("n0") or m.group("n0w")
        if value is not None and not n0:
            offset = _offset(text, m, value, unit)
            if offset is not None:
                out.append(offset)
        if n0 and value is not None:
            # "two to six years", "8-10 years": both ends, the mid-point as value (as numbers do).
            # A hyphen joins number words ("twenty-one"), so only digits take it as a range dash.
            first, _s, _l = _number(n0)
            if first is not None and first * factor < value:
                low, high = first * factor, value
                value = (low + high) / 2
            elif first is not None and first * factor > value:
                # "five to four days" runs backwards: the second end stays the value, the calendar rules flag it.
                markers = (*markers, "inverted")
        out.append(
            _Atom(
                start,
                m.end(),
                kind,
                value=value,
                unit=unit,
                step=step * factor,
                low=low,
                high=high,
                hedge=hedge,
                subject=subject,
                markers=markers,
            )
        )
    for m in _scan(_RE_AGE, text, win["age"]):
        v: Decimal | None = Decimal(m.group("n"))
        n2 = m.group("n2")
        if n2 is not None and v is not None and Decimal(n2) > v and (m.group("between") or "and" not in m.group(0)):
            # "aged 16 to 24", "aged 16-24", "aged between 16 and 24": one band of ages, both ends.
            lo, hi = v, Decimal(n2)
            out.append(_Atom(m.start(), m.end(), "age", value=(lo + hi) / 2, unit="year", low=lo, high=hi))
            continue
        if n2 is not None and v is not None and Decimal(n2) < v and m.group("between"):
            # "aged between 30 and 18": a band told backwards, the calendar rules flag it ("aged 30 to 18" is
            # an age and a number the range reader joins).
            out.append(_Atom(m.start(), m.end(), "age", value=Decimal(n2), unit="year", markers=("inverted",)))
            continue
        end = m.end("n")  # ("aged 16 and 17": two ages, the first told here)
        out.append(_Atom(m.start(), end, "age", value=v, unit="year", hedge=_hedge_before(text, m.start())[0]))
    for m in _scan(_RE_AGE_OF, text, win["age"]):
        n = m.group("n")
        v = Decimal(n) if n.isdigit() else numwords.parse(n)
        if v is not None:
            out.append(_Atom(m.start(), m.end(), "age", value=v, unit="year"))
    out.extend(_appositive_ages(text))
    for m in _YEARS_OLD_ABBR.finditer(text):
        out.append(_Atom(m.start(), m.end(), "age", value=Decimal(m.group("n")), unit="year"))
    for m in _scan(_RE_ALL, text, win["timeword"]):
        u = m.group("u").lower()
        out.append(_Atom(m.start(), m.end(), "duration", value=Decimal(1), unit="day" if u == "night" else u))
    for m in _scan(_RE_EVERY, text, win["every"]):
        count = Decimal(1)
        if m.group("ly"):
            w = m.group("ly")
            if (
                w[0].isupper()
                and m.start() > 0
                and not re.search(r"[.!?\n]" + _S + r"*$", text[max(0, m.start() - 5) : m.start()])
            ):
                continue  # "the Daily Mail": a name
            if not _FREQ_END.match(text, m.end()):
                continue  # "a weekly column", "monthly wages": an adjective, not how often
            unit = _LY_UNITS[w.lower()]
            period = (
                Decimal(3) if w.lower() == "quarterly" else Decimal(2) if w.lower() == "fortnightly" else Decimal(1)
            )
            if w.lower() == "biannually":
                count = Decimal(2)  # twice a year
        else:
            u = (m.group("u") or m.group("u2")).lower()
            if u in ("morning", "afternoon", "evening"):
                u = "day"
            unit, factor = TIME_UNITS.get(u, (u, Decimal(1)))
            n = m.group("n")
            period = (
                Decimal(n) if n and n.isdigit() else (numwords.parse(n) if n else Decimal(1)) or Decimal(1)
            ) * factor
            if m.group("times"):
                word = m.group("times").split()[0].lower()  # "twice", "4 times", "four times"
                count = _TIMES.get(word) or (Decimal(word) if word.isdigit() else numwords.parse(word)) or Decimal(1)
        out.append(_Atom(m.start(), m.end(), "frequency", value=count, unit=_per(period, unit), markers=("every",)))
    return out


_TIMES = {"once": Decimal(1), "twice": Decimal(2), "thrice": Decimal(3)}


def _per(period: Decimal, unit: str) -> str:
    """A frequency's unit: "1 / week" for once a week, "1 / (3 week)" for every three weeks."""
    return f"1 / {unit}" if period == 1 else f"1 / ({period.normalize():f} {unit})"


def _offset(text: str, m: re.Match[str], value: Decimal, unit: str) -> _Atom | None:
    """The relative day a duration match names, if any: "two days ago", "in three weeks"."""
    uw = m.group("u").lower()
    if m.group("old") or m.group("hy") or (len(uw) <= 3 and uw not in ("day", "sec", "min")):
        return None
    dm = _OFFSET_DIR.match(text, m.end())
    direction = re.sub(r"\s+", " ", dm.group("dir").lower()) if dm else ""
    # "4 March 2025 - two weeks after": the year before the dash is no part of the offset.
    first = m.start("n") if _year_before_to(text, m) else m.start()
    im = _OFFSET_IN.search(text, max(0, first - 25), first)
    inn = im.group("in").lower() if im else ""
    if direction in ("on", "prior") or (not direction and inn != "in"):
        return None
    if inn == "in" and not direction:
        # "in three weeks" counts from now only when the sentence looks
        # ahead ("will ... in three weeks", "in three weeks' time"); "took
        # $163m in 12 days" and "the lowest in 20 years" are spans of time.
        head = re.split(r"[.!?]", text[max(0, m.start() - 80) : m.start()])[-1]
        if not (_FUTURE_BEFORE.search(head) or _TIME_AFTER.match(text, m.end())):
            return None
        if re.match(r"(?:" + _S + r"|-)+(?:old|long|of|and|or|to)\b", text[m.end() : m.end() + 10]):
            return None
    sign = -1 if direction in ("ago", "earlier", "before", "before today") else 1
    subj = None
    if dm and direction in ("before", "after", "ahead"):
        # The event counted from: "ahead of the summit", "before the vote".
        em = _EVENT_AFTER.match(text, dm.end(), min(len(text), dm.end() + 50))
        if em:
            # "the general election" → "election"; "the summit in Rome" → "summit".
            word = (
                em.group("e2")
                if em.group("e2")
                and em.group("e2").lower() not in _OF_STOP | {"is", "was", "were", "are", "had", "has"}
                else em.group("e")
            )
            if word.lower() not in ("time", "schedule"):
                subj = word.lower()
    start = im.start() if im and not direction else first
    end = dm.end() if dm else m.end()
    return _Atom(
        start, end, "relative", rel=Decimal(sign) * value, unit=unit, markers=(direction or inn,), subject=subj
    )


_EVENT_AFTER = _c(
    r"(?:"
    + _S
    + r"+of)?"
    + _S
    + r"+(?:(?:the|a|an|his|her|their|its|this|next|last)"
    + _S
    + r"+)(?P<e>[a-z][a-z-]+)(?:"
    + _S
    + r"+(?P<e2>[a-z][a-z-]+))?\b"
)
_OF_PHRASE = _c(
    r"(?:"
    + _S
    + r"+|['’]"
    + _S
    + r"*)of"
    + _S
    + r"+(?:(?:the|a|an|his|her|their|its|this|that|our|my|your)"
    + _S
    + r"+)?"
    r"(?P<p>[a-z][a-z-]*(?:" + _S + r"+[a-z][a-z-]*){0,2})"
)
_OF_STOP = frozenset(
    "and or in on at for to with by from a an the that which who as than after before during since".split()
)


_NOUN_WORDS = _c(
    r"(?:" + _S + r"|-)+(?:long" + _S + r"+)?(?P<p>[A-Za-z][A-Za-z-]*(?:" + _S + r"[A-Za-z][A-Za-z-]*){0,2})"
)
_NOUN_STOP = _OF_STOP | frozenset(
    "has have had is was were are be been will would could can may might said says old olds long of".split()
)


def _noun_after(text: str, end: int) -> str | None:
    """The noun a compound duration qualifies: "a two-day international conference on" → "conference"."""
    m = _NOUN_WORDS.match(text, end, min(len(text), end + 60))
    if not m:
        return None
    words: list[str] = []
    for w in m.group("p").split():
        if w.lower() in _NOUN_STOP:
            break
        words.append(w)
    # The first word is the noun unless it looks like an adjective or a name
    # ("international conference", "European Council summit") and a word follows.
    for i, w in enumerate(words):
        if i + 1 < len(words) and (w[0].isupper() or _ADJECTIVE.search(w.lower()) or w.lower() in _ADJECTIVES):
            continue
        return w.lower()
    return None


_ADJECTIVE = startcache.compile(r"(?:al|ic|ian|ean|ese|ish|ive|ous|ful|less|ary|ory|ent|ant|ile)$")
_ADJECTIVES = frozenset("civil new old big major joint long short hard high low full free open".split())


def _of_subject(text: str, end: int) -> str | None:
    """What a duration is of: "three years of economic stagnation" → "stagnation"."""
    m = _OF_PHRASE.match(text, end, min(len(text), end + 50))
    if not m:
        return None
    words: list[str] = []
    for w in m.group("p").split():
        if w.lower() in _OF_STOP:
            break
        words.append(w.lower())
    return words[-1] if words else None


def _a_unit_ok(text: str, m: re.Match[str]) -> bool:
    """ "a year" is a duration after "for"/"within"... or before "ago"/"later"; "£3bn a year" is a rate."""
    before = text[max(0, m.start() - 20) : m.start()]
    after = text[m.end() : m.end() + 12]
    if re.search(
        r"\b(?:for|within|in|over|after|about|around|nearly|almost|than|only|just|least|half|spent|took|lasted|last|takes|take|barely|roughly)"
        + _S
        + r"+$",
        before,
        re.I,
    ):
        return True
    return bool(
        re.match(
            r"(?:"
            + _S
            + r"+(?:ago|later|earlier|before|after|ahead|hence|from"
            + _S
            + r"+now|long|or"
            + _S
            + r"+(?:two|so)|and"
            + _S
            + r"+(?:a"
            + _S
            + r"+)?half)\b|-long\b|-old\b)",
            after,
            re.I,
        )
    )


# --- years in context ----------------------------------------------------------


def _year_atoms(text: str, taken: list[_Atom], win: dict[str, list[tuple[int, int]]]) -> list[_Atom]:
    """Bare four-digit years (the rule is in the module docstring)."""
    out: list[_Atom] = []
    ends = sorted(a.end for a in taken if a.kind in ("date", "year"))
    for m in _scan(_RE_YEAR, text, win["digit"]):
        y = int(m.group("y"))
        if not 1000 <= y <= 2199:
            continue
        start = m.start()
        before = text[max(0, start - 40) : start]
        after = text[m.end() : m.end() + 30]
        if m.group("s"):
            ok = True
        elif _NOT_YEAR_AFTER.match(after) or _NOT_YEAR_BEFORE.search(before) or _CHANGE_BEFORE.search(before):
            ok = False
        elif _HEDGE_RE.search(before) and re.match(_S + r"+[a-z]", after):
            ok = False  # "about 2000 delegates": a hedged count
        elif 1900 <= y <= 2099:
            # In news copy a bare number in this range, not a count of a unit,
            # is a year ("its 2004 dividend", "2005 will be tough").
            ok = True
        elif 1800 <= y <= 2100:
            ok = _year_context(text, start, before, ends, out)
        else:
            ok = False
        if ok:
            out.append(_Atom(start, m.end(), "year", y=y, value=Decimal(y)))
    return out


def _year_context(text: str, start: int, before: str, ends: list[int], out: list[_Atom]) -> bool:
    """Whether the words before an 1800s/2100 number make it a year ("in 1865", "summer of 1812")."""
    c = _YEAR_CTX.search(before)
    if c:
        w = c.group("w").lower()
        if w in ("to", "and", "or", "&", "-", "–", ","):
            # A list or range word counts only right after another year or date.
            i = bisect.bisect_right(ends, start)
            near = (i > 0 and start - ends[i - 1] <= 12) or any(a.end >= start - 12 for a in out[-1:])
            return near
        if w == "of":
            return bool(_TIME_NOUN_OF.search(before))
        return True
    if re.match(_S + r"*(?:-|–|to|and|or)" + _S + r"*(?:1[89]|20)\d\d\b", text[start + 4 : start + 16]):
        # "between 1848 and 1851": the first end of a range of years.
        return bool(re.search(r"\b(?:between|from)" + _S + r"+$", before, re.I))
    return False


# --- joining -------------------------------------------------------------------


def _select(atoms: list[_Atom]) -> list[_Atom]:
    """Non-overlapping atoms, longest first, then earliest; returned in text order."""
    chosen: list[_Atom] = []
    taken: set[int] = set()
    for a in sorted(atoms, key=lambda a: (-(a.end - a.start), a.start)):
        if not taken.isdisjoint(range(a.start, a.end)):
            continue
        chosen.append(a)
        taken.update(range(a.start, a.end))
    return sorted(chosen, key=lambda a: a.start)


_JOINABLE = ("date", "year", "weekday", "time", "relative")


def _slots(a: _Atom) -> set[str]:
    s: set[str] = set()
    if a.y is not None:
        s.add("y")
    if a.m is not None or a.d is not None or a.kind == "date":
        s.add("md")
    if a.wd is not None:
        s.add("wd")
    if a.hm is not None:
        s.add("hm")
    if a.kind == "time" and a.hm is None:
        s.add("part")  # "in the morning": joins with a clock time
    if a.kind == "relative":
        s.add("rel" if a.unit != "day" else "relday")
    return s


_OFFSET_MARKERS = frozenset(
    {
        "ago",
        "later",
        "earlier",
        "before",
        "after",
        "ahead",
        "hence",
        "in",
        "from now",
        "from today",
        "after today",
        "before today",
    }
)


def _attach(a: _Atom, b: _Atom) -> _Atom | None:
    """Join two atoms that name one moment ("Tuesday" + "March 7"), or None."""
    if a.end_atom is not None and b.end_atom is not None:
        return None
    if a.end_atom is not None or b.end_atom is not None:
        # A range takes what is written once for both ends: "from April to June
        # in 2017", "Tuesday from 2:00 to 2:30 pm", "3:00 to 4:00 tomorrow".
        rng, other = (a, b) if a.end_atom is not None else (b, a)
        assert rng.end_atom is not None
        first = _attach(replace(rng, end_atom=None), other) if rng is a else _attach(other, replace(rng, end_atom=None))
        second = _attach(rng.end_atom, other) if rng is a else _attach(other, rng.end_atom)
        if first is None or second is None:
            return None
        return replace(first, start=a.start, end=b.end, end_atom=second)
    if a.kind not in _JOINABLE or b.kind not in _JOINABLE:
        return None
    if any(
        x.kind == "relative" and (set(x.markers) & _OFFSET_MARKERS or x.unit != "day" and y.kind != "weekday")
        for x, y in ((a, b), (b, a))
    ):
        # "2002, a month before": the offset counts from an event, not the year;
        # "next week" joins only a weekday ("Tuesday of next week").
        return None
    if (a.iso or "").startswith("W") or (b.iso or "").startswith("W"):
        return None  # a week number stands alone
    sa, sb = _slots(a), _slots(b)
    if sa & sb:
        return None
    if "relday" in sa | sb and ("md" in sa | sb):
        # "tomorrow, 13/04/21": keep the date, note the relative word.
        pass
    if a.kind == "year" and b.kind == "year":
        return None
    if not (_slots(a) | _slots(b)) - {"part", "hm"} and a.kind == b.kind == "time" and a.hm is None and b.hm is None:
        return None
    first, second = a, b
    kind = _joined_kind(first, second)
    markers = tuple(dict.fromkeys(first.markers + second.markers))
    rel = first.rel if first.rel is not None else second.rel
    unit = first.unit if first.rel is not None else second.unit
    return _Atom(
        first.start, second.end, kind,
        y=first.y if first.y is not None else second.y,
        m=first.m if first.m is not None else second.m,
        d=first.d if first.d is not None else second.d,
        wd=first.wd or second.wd, hm=first.hm or second.hm,
        iso=first.iso or second.iso, rel=rel, unit=unit,
        value=None if kind != "year" else Decimal(first.y or second.y or 0),
        markers=markers, subject=first.subject or second.subject,
    )  # fmt: skip


def _add_durations(a: _Atom, b: _Atom) -> _Atom | None:
    """ "1 hour and 30 minutes", "two hours 18 minutes": one duration in the smaller unit."""
    if a.markers or b.markers or a.value is None or b.value is None or a.high is not None or b.high is not None:
        return None
    fa, fb = _UNIT_SECONDS.get(a.unit or ""), _UNIT_SECONDS.get(b.unit or "")
    if fa is None or fb is None or fa <= fb:
        return None
    ratio = Decimal(fa // fb)
    return replace(
        b, start=a.start, value=a.value * ratio + b.value, step=b.step, hedge=a.hedge, subject=b.subject or a.subject
    )


def _comma_duration(text: str, gap: str, atoms: list[_Atom], j: int) -> bool:
    """ "two hours, six minutes and 41 seconds": a comma joins a duration's parts when "and" joins the next
    part and the units fall from each part to the next (a comma list of durations is a list, not a sum)."""
    if gap.strip() != "," or j + 1 >= len(atoms):
        return False
    nxt, last = atoms[j], atoms[j + 1]
    if last.kind != "duration" or not re.fullmatch(_S + r"+and" + _S + r"+", text[nxt.end : last.start]):
        return False
    units = [_UNIT_SECONDS.get(a.unit or "", 0) for a in (atoms[j - 1], nxt, last)]
    return units[0] > units[1] > units[2] > 0 and nxt.value is not None and nxt.value * units[1] < units[0]


def _joined_kind(a: _Atom, b: _Atom) -> str:
    kinds = {a.kind, b.kind}
    if (a.m is not None or a.d is not None or b.m is not None or b.d is not None) or "date" in kinds:
        return "date"
    if "weekday" in kinds:
        return "weekday"
    if "relative" in kinds:
        return "relative"
    if "year" in kinds:
        return "year"
    return "time"


def _clock_with_day(text: str, atoms: list[_Atom], j: int) -> tuple[_Atom, int] | None:
    """The end of a range told as a clock time and then its own day, "from 7am on Thursday 27 June until
    7am on Tuesday 2 July": the time at ``j`` attached to the day after it (a weekday and its date, at most
    ``DAY_PIECES`` atoms) and the atoms it takes, else None (the end is the time alone, "from 9am until 5pm")."""
    if atoms[j].kind != "time" or atoms[j].end_atom is not None:
        return None
    cur: _Atom | None = atoms[j]
    k = j + 1
    while cur is not None and k < len(atoms) and k - j <= DAY_PIECES:
        day, gap = atoms[k], text[cur.end : atoms[k].start]
        if day.kind not in ("date", "weekday") or day.end_atom is not None or "\n" in gap:
            break
        if not _CONNECT_ATTACH.fullmatch(gap):
            break
        cur = _attach(cur, day)
        k += 1
    return (cur, k - j) if cur is not None and k > j + 1 else None


# Atoms of a range end's day after its clock time: a weekday and its date ("7am on Tuesday 2 July").
DAY_PIECES = 2


def _join(text: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        cur = atoms[i]
        j = i + 1
        while j < len(atoms):
            nxt = atoms[j]
            cur = _attach_hour(text, cur, nxt.start)
            gap = text[cur.end : nxt.start]
            joined = None
            if "\n" not in gap and len(gap) <= 26:
                if cur.kind == nxt.kind == "duration":
                    told = _CONNECT_DURATION.fullmatch(gap) or _comma_duration(text, gap, atoms, j)
                    joined = _add_durations(cur, nxt) if told else None
                elif (
                    cur.kind in ("date", "weekday")  # "from 9am until 5pm on Saturday": one day for both
                    and _CONNECT_RANGE.fullmatch(gap)
                    and (dayed := _clock_with_day(text, atoms, j)) is not None
                ):
                    if _rangeable(text, cur, dayed[0], gap):
                        joined = _make_range(text, cur, dayed[0])
                        j += dayed[1] - 1  # the end's day is read with its clock time
                elif _CONNECT_RANGE.fullmatch(gap) and _rangeable(text, cur, nxt, gap):
                    joined = _make_range(text, cur, nxt)
                elif gap.strip() in ("-", "–") and cur.end_atom is None and nxt.end_atom is None and nxt.kind == "time":
                    joined = _attach(cur, nxt)  # "May/22(Tue)-11:30 AM"
                elif _CONNECT_ATTACH.fullmatch(gap) and not (
                    gap.strip(" ,") == "" and "," in gap and cur.kind == nxt.kind
                ):
                    joined = _attach(cur, nxt)
            if joined is None:
                break
            cur = joined
            j += 1
        cur = _attach_hour(text, cur, atoms[j].start if j < len(atoms) else len(text))
        pre = _prefixed(text, cur)
        out.append(pre if not out or pre.start >= out[-1].end else cur)
        i = j
    return out


def _rangeable(text: str, a: _Atom, b: _Atom, gap: str) -> bool:
    if a.end_atom is not None or b.end_atom is not None:
        return False
    if a.kind not in _JOINABLE or b.kind not in _JOINABLE:
        return False
    word = gap.strip().lower()
    before = text[max(0, a.start - 12) : a.start].lower()
    if word in ("and", "&") and not re.search(r"\bbetween" + _S + r"+$", before):
        return False
    if (
        word in ("to", "until", "till")
        and a.kind == "year"
        and b.kind == "year"
        and not re.search(r"\b(?:from|between)" + _S + r"+$", before)
    ):
        return True
    if a.kind == "relative" and b.kind == "relative" and word == "-":
        return False
    # Both ends must be the same sort of thing: two days, two times, two years.
    # Both ends name the same sort of thing ("2014 - Monday" is no range);
    # a day may run to "now" or "today"; and the end may leave out what the
    # start gave ("Jan 15, 1:00 PM - 1:15 PM").
    pair = {a.kind, b.kind}
    if pair == {"date", "relative"} and b.kind == "relative" and _ASIDE_DASH.fullmatch(gap) and _counted(b):
        return False  # "sacked on 4 March 2025 - two weeks after she was promoted": an aside, not a span to it
    return len(pair) == 1 or pair == {"date", "relative"} or _slots(b) <= _slots(a) and b.kind == "time"


# Directions of a length counted off another day ("two weeks after", "three days earlier").
_COUNTED_DIRECTIONS = frozenset({"after", "before", "later", "earlier", "ahead", "prior"})


def _counted(a: _Atom) -> bool:
    """A relative day told as a length counted off another day: "two weeks after", "six days before"."""
    return a.rel is not None and bool(set(a.markers) & _COUNTED_DIRECTIONS)


def _make_range(text: str, a: _Atom, b: _Atom) -> _Atom:
    before = text[max(0, a.start - 12) : a.start].lower()
    marker = re.search(r"\b(from|between|since)" + _S + r"+$", before)
    markers = ((marker.group(1),) if marker else ()) + a.markers
    # Each end takes what it leaves out from the other ("Nov 18 - Dec 19, 2015").
    y_end = b.y if b.y is not None else a.y
    y_start = a.y if a.y is not None else b.y
    if a.y is None and b.y is not None and a.m is not None and b.m is not None and a.m > b.m:
        y_start = b.y - 1
    start = replace(a, y=y_start)
    end = replace(b, y=y_end, m=b.m if b.m is not None or b.d is None else a.m)
    if b.m is None and b.d is None and b.kind == "time" and (a.m is not None or a.d is not None):
        end = replace(end, kind=a.kind, m=a.m, d=a.d, wd=a.wd)
    if start.kind == "year" and end.kind == "year":
        return replace(start, end=b.end, end_atom=end, markers=markers)
    return replace(start, end=b.end, end_atom=end, markers=markers)


_PREFIX = _c(
    r"(?:\b(?:the"
    + _S
    + r"+)?(?:(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th)"
    + _S
    + r"+(?:week|weekend|month|day|half|fortnight)"
    r"|week|(?:the"
    + _S
    + r"+)?week"
    + _S
    + r"+(?:beginning|starting|commencing|ending)(?:"
    + _S
    + r"+on)?)"
    + _S
    + r"+(?:of"
    + _S
    + r"+)?(?:the"
    + _S
    + r"+)?|\bw/[ce]"
    + _S
    + r"+)$"
)


def _prefixed(text: str, a: _Atom) -> _Atom:
    """ "the last week of July", "the week beginning February 4": the span takes the words."""
    if a.kind not in ("date", "year", "relative") or a.start == 0:
        return a
    m = _PREFIX.search(text, max(0, a.start - 40), a.start)
    if not m:
        return a
    words = re.sub(r"\s+", " ", m.group().strip().lower())
    kind = "date" if a.kind == "year" else a.kind
    return replace(a, start=m.start(), kind=kind, markers=a.markers + (words,))


def _attach_hour(text: str, a: _Atom, limit: int) -> _Atom:
    """ "Sat at 5", "tonight around 7": a bare hour after a day."""
    if (
        a.end_atom is not None
        or a.hm is not None
        or not (a.kind in ("weekday", "relative", "date") and (a.kind != "relative" or a.unit == "day"))
    ):
        if a.hm is None and a.kind == "time" and a.markers:
            pass
        else:
            return a
    m = _AT_HOUR.match(text, a.end, limit)
    if m and m.end() <= limit:
        a = replace(a, end=m.end(), hm=_hm(int(m.group("h")), int(m.group("mi") or 0), ""))
    p = _TRAIL_PART.match(text, a.end, limit)
    if p and a.kind in ("weekday", "relative", "date"):
        a = replace(a, end=p.end(), markers=a.markers + (p.group("p").lower(),) + (("every",) if p.group("pl") else ()))
    return a


# --- facts ---------------------------------------------------------------------


def _iso(a: _Atom) -> str | None:
    if a.iso is not None and a.m is None and a.d is None:
        return a.iso
    if a.kind == "decade":
        return a.iso
    date = None
    if a.m is not None or a.d is not None:
        if a.y is not None and a.m is not None:
            date = f"{a.y:04d}-{a.m:02d}" + (f"-{a.d:02d}" if a.d is not None else "")
        elif a.m is not None:
            date = f"--{a.m:02d}" + (f"-{a.d:02d}" if a.d is not None else "")
        else:
            date = f"---{a.d:02d}"
    elif a.y is not None and a.kind in ("year", "date"):
        date = f"{a.y:04d}"
    if a.kind == "weekday" and date is None:
        return a.wd
    if date is not None:
        return date + (f"T{a.hm}" if a.hm else "")
    return a.hm


def _fact(text: str, starts: Sequence[int], a: _Atom) -> Fact:
    """The fact of a joined atom; ``starts`` are the sentence starts (empty: sentence 0)."""
    span = Span(a.start, a.end)
    kind = a.kind
    markers = a.markers
    if a.wd and kind == "date":
        markers = (a.wd,) + markers
    if a.hm and kind in ("weekday", "relative") and a.end_atom is None:
        markers = markers + (a.hm,)
    value: Decimal | None = None
    unit: str | None = None
    interval = Interval(None, None)
    iso = _iso(a)
    is_range = a.end_atom is not None
    if is_range:
        assert a.end_atom is not None
        lead = re.search(
            r"\b(from|between|since)" + _S + r"+(?:the" + _S + r"+)?$", text[max(0, a.start - 14) : a.start], re.I
        )
        if lead and lead.group(1).lower() not in markers:
            markers = (lead.group(1).lower(),) + markers
        iso = f"{_iso(a) or ''}/{_iso(a.end_atom) or ''}"
        if kind == "year" and a.y is not None and a.end_atom.y is not None:
            interval = Interval(Decimal(min(a.y, a.end_atom.y)), Decimal(max(a.y, a.end_atom.y)))
    elif kind == "year":
        value = Decimal(a.y or 0)
        interval = Interval.point(value)
    elif kind == "decade":
        value = a.value
        if value is not None:
            interval = Interval(value, value + 9)
    elif kind == "relative":
        value, unit = a.rel, a.unit
        if value is not None:
            interval = Interval.point(value)
        iso = a.hm
    elif kind == "frequency":
        value, unit = a.value, a.unit
        interval = Interval.point(value) if value is not None else interval
    elif kind in ("duration", "age"):
        value, unit = a.value, a.unit
        if a.high is not None and a.low is not None:
            interval = Interval(a.low, a.high)
            is_range = True
        elif value is not None:
            interval = hedged(value, a.step, a.hedge)
        elif a.low is not None:
            interval = Interval(a.low, None)
    hedge = a.hedge if kind in ("duration", "age", "time") else "exact"
    if kind in ("duration", "age") and value is None:
        hedge = "vague"
    return Fact(
        span=span, text=text[a.start : a.end], kind=kind, value=value, unit=unit, hedge=hedge,
        interval=interval, subject=a.subject, sentence=max(0, bisect.bisect_right(starts, a.start) - 1),
        iso=iso, markers=markers, is_range=is_range,
    )  # fmt: skip


# The gap between a span's first day and its last: " to ", " - Sunday " (a second weekday may follow).
_TO_LAST_DAY = _S + r"*(?:to|until|till|and|&|-|–)" + _S + r"*(?:[A-Za-z]+" + _S + r"+)?"
_SPAN_TO = startcache.compile(_TO_LAST_DAY)
# The same after a weekday's bare day: " 8 to " in "from Friday 8 to Sunday 10 May".
_FIRST_DAY = startcache.compile(_S + r"+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)?" + _TO_LAST_DAY)
# Characters a weekday's first day and "to" may take before the day told with its month.
FIRST_DAY_GAP = 16


def _first_days(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """The atoms with the first day of a span told with its weekday and no month dated by the month (and
    year) told once with the last day: "from Friday 8 to Sunday 10 May 2026", "Thursday 14th - Saturday 16th
    August". The day is read as a date of that month, so its weekday is checked as the last day's is. A first
    day told with its month and no year takes the last day's year: "from Thursday 9 July to Saturday 11 July
    2026"."""
    out = list(atoms)
    for i, a in enumerate(atoms[:-1]):
        if a.kind == "date" and a.d is not None and a.m is None and a.y is None and a.end_atom is None:
            # "Wednesday 14th" read as one day of no month: dated by the day after "to" as well
            nxt = atoms[i + 2] if atoms[i + 1].kind == "weekday" and i + 2 < len(atoms) else atoms[i + 1]
            if nxt.kind == "date" and nxt.m is not None and _SPAN_TO.fullmatch(text, a.end, nxt.start):
                out[i] = replace(a, y=nxt.y, m=nxt.m)
            continue
        if a.kind == "date" and a.d is not None and a.m is not None and a.y is None and a.end_atom is None:
            # "from Thursday 9 July to Saturday 11 July 2026": the year told once, with the last day
            nxt = atoms[i + 2] if atoms[i + 1].kind == "weekday" and i + 2 < len(atoms) else atoms[i + 1]
            if (
                nxt.kind == "date"
                and nxt.y is not None
                and nxt.m is not None
                and nxt.d is not None
                and (a.m, a.d) <= (nxt.m, nxt.d)
                and _SPAN_TO.fullmatch(text, a.end, nxt.start)
            ):
                out[i] = replace(a, y=nxt.y)
            continue
        if a.kind != "weekday" or a.end_atom is not None:
            continue
        k = i + 1
        bare = atoms[k] if atoms[k].kind == "date" and atoms[k].m is None and atoms[k].y is None else None
        k += bare is not None
        if k < len(atoms) and atoms[k].kind == "weekday":
            k += 1
        if k >= len(atoms):
            continue
        nxt = atoms[k]
        if nxt.kind != "date" or nxt.m is None or nxt.d is None or nxt.start - a.end > FIRST_DAY_GAP:
            continue
        m = _FIRST_DAY.fullmatch(text, a.end, nxt.start)
        if m is None or (bare is not None and bare.start != m.start("d")):
            continue
        day = _Atom(m.start("d"), m.end("d"), "date", d=int(m.group("d")))
        day = replace(bare or day, y=nxt.y, m=nxt.m)
        if bare is not None:
            out[i + 1] = day
        else:
            out.append(day)
    return out


def find(text: str, sentences: Sequence[Sentence]) -> list[Fact]:
    """Every date and time expression in ``text`` (prepared text), in span order."""
    win = _windows(text)
    atoms = _date_atoms(text, win) + _other_atoms(text, win)
    atoms = _select(atoms)
    atoms = _select(_first_days(text, atoms))
    atoms = _select(atoms + _year_atoms(text, atoms, win))
    atoms = _join(text, atoms)
    # source.sentence_of lists the starts on every call: once here, or a big text is quadratic.
    starts = [s.span.start for s in sentences]
    return [_fact(text, starts, a) for a in atoms]


# --- reporting date ------------------------------------------------------------

_DATELINE_CHARS = 600  # a dateline sits in the first few lines
_DATELINE_LINES = 8
# What may stand around the date on a dateline: a label ("Published:"), a
# place in front ("LONDON, "), an agency and a dash after ("(Reuters) -").
_DATELINE_BEFORE = startcache.compile(
    r"^[\s*_#>|]*(?:(?:published|posted|updated|date|dated|first published|last updated)(?:"
    + _S
    + r"+on)?"
    + _S
    + r"*:?"
    + _S
    + r"*"
    r"|[A-Z][A-Za-z.'’ -]{1,40}," + _S + r"*)?$",
    re.I,
)
_DATELINE_AFTER = startcache.compile(
    r"^" + _S + r"*(?:\([^)\n]{1,40}\))?" + _S + r"*(?:[-–—:|]" + _S + r"*(?:\S.*)?|[.,]?" + _S + r"*)$"
)


# Days from the reporting date (about two months) within which a date told without its year is read in the year before or
# after the reporting year, when in the reporting year it would lie more than ``FAR_IN_YEAR`` days away.
NEAR_OTHER_YEAR = 62
FAR_IN_YEAR = 240


def nearest_date(today: datetime.date, month: int, day: int) -> datetime.date | None:
    """A date told without its year in a dated text: that day in the reporting year, or in the year before or
    after it when it lies near the reporting date across a new year and far from it in the reporting year. A
    story of 15 January 2026 tells of "Tuesday 30 December" last year, one of 20 November 2025 of "Friday 16
    January" next year; one of 1 February tells of "9 September" that year. None for a day no year has."""
    try:
        same = datetime.date(today.year, month, day)
    except ValueError:
        same = None
    if same is not None and abs((same - today).days) <= FAR_IN_YEAR:
        return same
    for y in (today.year - 1, today.year + 1):
        try:
            other = datetime.date(y, month, day)
        except ValueError:
            continue
        if abs((other - today).days) <= NEAR_OTHER_YEAR:
            return other
    return same


def reporting_date(doc: Document, facts: Sequence[Fact] | None = None) -> datetime.date | None:
    """The date of a dateline near the top ("Monday, 14 May 2018", "LONDON, May 14, 2018 (Reuters) -").

    A dateline is a line that is only a date (with its weekday, or a label
    such as "Published:"), or a line that starts with a place and a date
    followed by a dash. Only a full, valid date with a year counts; a date
    in running text ("reported on 15 February 2006 that...") is not a
    dateline. A dateline without a year but with its weekday ("Tuesday,
    1 March") is dated by the weekday when the fact table is given
    (``_dated_by_weekday``); otherwise it gives None.

    ``facts`` is the document's fact table when the caller has it (the
    engine does): its date facts are what ``find`` gives on the dateline
    (no date expression runs across a line break), so the top lines are not
    read a second time. Without it each of the top lines is read here.
    """
    text = doc.clean or doc.text
    top = min(len(text), _DATELINE_CHARS)
    near = None if facts is None else [f for f in facts if f.kind == "date"]
    pos = 0
    seen = 0
    undated: tuple[int, int, int] | None = None  # (month, day, weekday) of a dateline without its year
    while pos < top and seen < _DATELINE_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if line.strip():
            seen += 1
            if near is None:
                found = [f for f in find(line, ()) if f.kind == "date"]
            else:
                found = [_shifted(f, pos) for f in near if pos <= f.span.start and f.span.end <= end]
            day = _dateline_day(line, found)
            if day is not None:
                return day
            undated = undated or _dateline_weekday(line, found)
        pos = end + 1
    if undated is not None and facts is not None:
        return _dated_by_weekday(doc, facts, *undated)
    return None


# A dateline without its year ("Tuesday, 1 March") is dated by its weekday: the first year, from the latest
# year the text tells of as past, in which that date falls on that weekday. A weekday and date come round
# again after 5, 6 or 11 years, so within this many years of the latest year at most one year fits; a
# text whose latest year lies further back says too little of its own year.
DATELINE_YEAR_REACH = 4
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEAR_START = startcache.compile(r"^(\d{4})")


def _dateline_weekday(line: str, found: Sequence[Fact]) -> tuple[int, int, int] | None:
    """(month, day, weekday) of a dateline's date written with its weekday and without a year."""
    for f in found:
        m = re.fullmatch(r"--(\d\d)-(\d\d)", f.iso or "")
        wd = next((_WEEKDAYS.index(w.lower()) for w in f.markers if w.lower() in _WEEKDAYS), None)
        if m is None or wd is None or f.is_range or "ambiguous" in f.markers:
            continue
        if _on_dateline(line, f):
            return int(m.group(1)), int(m.group(2)), wd
    return None


def _dated_by_weekday(doc: Document, facts: Sequence[Fact], month: int, day: int, weekday: int) -> datetime.date | None:
    """The dateline's date in the one year that fits its weekday just after the text's latest past year."""
    future = frozenset(table("dateline")["future_words"])
    told: list[int] = []
    for f in facts:
        if f.kind not in ("year", "date") or not f.iso:
            continue
        ends = [int(m.group(1)) for part in f.iso.split("/") if (m := _YEAR_START.match(part))]
        if not ends or not 0 <= f.sentence < len(doc.sentences):
            continue
        span = doc.sentences[f.sentence].span
        if future & set(re.findall(r"[a-z']+", doc.text[span.start : span.end].lower())):
            continue  # "hopes to host the 2012 final": a year still to come says nothing of now
        told.append(max(ends))
    if not told:
        return None
    latest = max(told)
    fitting = []
    for y in range(latest, latest + DATELINE_YEAR_REACH + 1):
        try:
            if datetime.date(y, month, day).weekday() == weekday:
                fitting.append(datetime.date(y, month, day))
        except ValueError:
            continue
    return fitting[0] if len(fitting) == 1 else None


def _shifted(f: Fact, pos: int) -> Fact:
    """A document fact with its span counted from the start of its line."""
    return replace(f, span=Span(f.span.start - pos, f.span.end - pos))


# A paragraph that opens with a weekday and its date and runs straight on into the story ("Friday, June 3,
# 2016 On Monday, the council ..."): a dateline whose line break was lost.
_RUNS_ON = startcache.compile(r"^ +[A-Z]")


def _on_dateline(line: str, f: Fact) -> bool:
    """The date fact ``f`` stands on ``line`` as a dateline."""
    before, after = line[: f.span.start], line[f.span.end :]
    if _DATELINE_BEFORE.match(before) and _DATELINE_AFTER.match(after):
        return True
    weekday = any(w.lower() in _WEEKDAYS for w in f.markers)
    return weekday and not before.strip() and _RUNS_ON.match(after) is not None


def _dateline_day(line: str, found: Sequence[Fact]) -> datetime.date | None:
    for f in found:
        if f.is_range or not f.iso or "ambiguous" in f.markers:
            continue
        if not re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", f.iso):
            continue
        if not _on_dateline(line, f):
            continue
        y, mo, d = (int(x) for x in f.iso[:10].split("-"))
        try:
            return datetime.date(y, mo, d)
        except ValueError:
            return None
    return None
