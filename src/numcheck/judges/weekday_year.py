"""Judge ``weekday-year``: a weekday written with a date that has no year ("Friday 20 August") must fit the
year the text gives: the year of its other weekday-and-date pairs, else a year stated in its sentence (or one
either side)."""

from __future__ import annotations

import calendar as cal
import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck import dates
from numcheck.days import WEEKDAY_NAMES, date_parts, weekday_of, years_fitting
from numcheck.model import Fact, Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"calendar-date"})
ROLES = ("date",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"date", "weekday", "actual", "years"})
# A text names a year it is written in, or the year after it ("expected in early 2005"), or before it.
YEAR_SLACK = 1
# Sentences either side of a year-less weekday-and-date pair where a full one may fix its year.
FIXED_REACH = 1
# Days from that full date within which the year-less one is told of the same stretch of the story.
FIXED_DAYS = 31
# ... when both stand in one sentence ("will start on Monday 13 April 2026, with the first phase due to finish
# on Saturday 29 May"): one sentence tells one stretch, up to half a year long.
FIXED_DAYS_SENTENCE = 183


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


@functools.lru_cache(maxsize=512)
def _fitting(month: int, day: int, weekday: int) -> frozenset[int]:
    return years_fitting(month, day, weekday)


def _fits(f: Fact) -> frozenset[int] | None:
    parts = date_parts(f.iso)
    w = weekday_of(f)
    if len(parts) != 1 or parts[0][0] is not None or w is None:
        return None
    _, month, day = parts[0]
    return _fitting(month, day, w)


def _told_as_past(view: View, f: Fact) -> bool:
    """The date's clause tells it as the start of what has run since ("since the opening night on Tuesday
    2 June", "the strike, which began on Monday 3 August")."""
    lo = max(0, f.span.start - PAST_REACH)
    # "began on Wednesday 2 July 2025 and ended on Monday 8 July": a start word before another date is that date's.
    lo = max([lo] + [g.span.end for g in view.facts if lo < g.span.end <= f.span.start and g.kind in _DATED])
    before = view.text[lo : f.span.start].lower()
    return any(w in before.split() for w in _PAST_STARTS)


# Facts that take the start word told before them.
_DATED = frozenset({"date", "year"})


def _later_in_year(f: Fact, facts: Any, peers: list[int], fixed: Mapping[int, int]) -> bool:
    """The date falls later in the calendar than every other pair: read a year back, it comes first."""
    _, month, day = date_parts(f.iso)[0]
    for p in (*peers, *fixed):
        parts = date_parts(facts[p].iso)
        if not parts or (parts[0][1], parts[0][2]) >= (month, day):
            return False
    return True


# Characters before a date read for a word that tells it as a start in the past.
PAST_REACH = 60
_PAST_STARTS = frozenset({"since", "opened", "began", "started", "launched", "opening", "start"})


def _near(full: Fact, f: Fact, later: bool = False) -> int | None:
    """The year the year-less date takes when it falls within FIXED_DAYS of the full one (in its year, the
    next or the last): one stretch of a story ("the final on Sunday 12 June 2005 ... the semi-finals on
    Wednesday 9 June", "Saturday 28 December 2002 ... Sunday 5 January"), not a birth told beside this
    year's party. None when it is further away."""
    (y, m1, d1), (_, m2, d2) = date_parts(full.iso)[0], date_parts(f.iso)[0]
    if y is None:
        return None
    for k in (0, 1, -1):
        try:
            if abs((dt.date(y + k, m2, d2) - dt.date(y, m1, d1)).days) <= FIXED_DAYS:
                return y + k
        except ValueError:
            continue
    if later:
        # "will start on Monday 13 April 2026, with the first phase due to finish on Saturday 29 May": told after
        # the full date in its sentence and later in that year, within half a year, it is of that year.
        try:
            if 0 < (dt.date(y, m2, d2) - dt.date(y, m1, d1)).days <= FIXED_DAYS_SENTENCE:
                return y
        except ValueError:
            return None
    return None


# "Thursday 7 May next year", "Friday 2 October last year": a year word right after the date moves it.
_YEAR_WORD = re.compile(r"\s*,?\s*(?P<w>next|last|this)\s+year\b", re.I)


def _year_word_after(view: View, f: Fact) -> int:
    """+1 when "next year" follows the date, -1 for "last year", else 0."""
    m = _YEAR_WORD.match(view.text, f.span.end)
    if m is None:
        return 0
    return {"next": 1, "last": -1}.get(m.group("w").lower(), 0)


def _runs_into_next_year(facts: Any, f: Fact, peers: list[int]) -> bool:
    """A peer told before the date in its sentence falls later in the calendar ("from Saturday 30 November
    to Sunday 20 April"): the date is the next year's."""
    _, month, day = date_parts(f.iso)[0]
    for p in peers:
        g = facts[p]
        parts = date_parts(g.iso)
        if (
            g.sentence == f.sentence
            and g.span.start < f.span.start
            and parts
            and (parts[0][1], parts[0][2]) > (month, day)
        ):
            return True
    return False


# Months apart in the calendar two year-less dates must be before one may be read in the next year.
NEW_YEAR_MONTHS = 3


def _named_years(facts: Any) -> frozenset[int]:
    """The years the text names, as years or in full dates."""
    out = set()
    for g in facts:
        iso = g.iso or ""
        if g.kind in ("year", "date") and iso[:4].isdigit():
            out.add(int(iso[:4]))
    return frozenset(out)


def _across_new_year(facts: Any, f: Fact, peers: list[int], mine: frozenset[int], common: frozenset[int]) -> bool:
    """The date fits the year after its peers' when it falls months earlier in the calendar than a peer, or
    the year before when months later, and the text names that year (``mine`` holds only named years): a
    story told over a new year ("Saturday, 4 January 2025 ... Sunday, 1 December ... Thursday, 24 April")."""
    _, month, _day = date_parts(f.iso)[0]
    for p in peers:
        parts = date_parts(facts[p].iso)
        if not parts:
            continue
        gap = parts[0][1] - month
        if gap >= NEW_YEAR_MONTHS and mine & {y + 1 for y in common}:
            return True
        if -gap >= NEW_YEAR_MONTHS and mine & {y - 1 for y in common}:
            return True
    return False


def _attributive(view: View, y: Fact) -> bool:
    """ "back above the 2019 level", "below its 2019 peak": a year naming a noun set against another figure
    is a past reference, not the text's own year ("The 2005 tour ends ..." is)."""
    after = view.text[y.span.end : y.span.end + 20]
    before = view.text[max(0, y.span.start - 24) : y.span.start].lower().split()
    return (
        bool(re.match(r"\s+[a-z]", after))
        and len(before) >= 2
        and before[-1] in ("the", "its", "their", "his", "her")
        and before[-2] in _SET_AGAINST
    )


# Words before a year that may stand between it and the word that makes a thing ("founded in 1874",
# "built back in May 1901", "opened as early as 1932").
MADE_REACH = 4


@functools.cache
def _made_words() -> frozenset[str]:
    return frozenset(dates.table("ages")["made_words"])


def _made_year(view: View, y: Fact) -> bool:
    """ "The museum, founded in 1874, is marking ...", "Built in 1892, the theatre reopens on ...": a year
    told as when a thing was made (``dates.toml [ages] made_words``) is its history, not the text's own
    year."""
    before = re.findall(r"[a-z]+", view.text[max(0, y.span.start - 40) : y.span.start].lower())
    return bool(_made_words().intersection(before[-MADE_REACH:]))


# Words before "the 2019 level" that set the year's figure against another ("back above the 2019 level").
_SET_AGAINST = frozenset("above below than since from beyond over under against with on to".split())


def _own_year_facts(rel: Relation, view: View, f: Fact) -> list[int]:
    """The years told in the date's own sentence as its story's ("The 2005 tour ends on Monday 9 June"), not
    a year set against another figure or a year a thing was made in."""
    facts = view.facts
    return [
        y
        for y in rel.all("year")
        if facts[y].sentence == f.sentence and not _attributive(view, facts[y]) and not _made_year(view, facts[y])
    ]


def _own_years(rel: Relation, view: View, f: Fact) -> frozenset[int]:
    """The bare years of the date's own sentence: "The 2026 tournament has been set for the week beginning
    Sunday 28 June" dates that Sunday in 2026, whatever year the story's other weekdays fit."""
    facts = view.facts
    return frozenset(
        int(facts[y].iso[:4])  # type: ignore[index]
        for y in _own_year_facts(rel, view, f)
        if facts[y].kind == "year" and facts[y].iso and facts[y].iso[:4].isdigit()  # type: ignore[index]
    )


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    if view.reporting_date is not None:
        return None  # a dated text: weekday-mismatch judges it against the dateline's year
    fi = rel.get("date")
    if fi is None:
        return None
    f = view.facts[fi]
    mine = _fits(f)
    if mine is None or "ambiguous" in f.markers:
        return None
    facts = view.facts
    peers = [p for p in rel.all("peer") if p != fi]
    # A weekday, date and year that agree fix the year for a year-less pair beside it ("Tuesday 9 November
    # 2004 ... on Thursday 10 November"); further away it may be history.
    fixed = {
        p: y
        for p in rel.all("fixed")
        if abs(facts[p].sentence - f.sentence) <= FIXED_REACH
        and (y := _near(facts[p], f, facts[p].sentence == f.sentence and facts[p].span.end <= f.span.start)) is not None
    }
    related: tuple[Fact, ...]
    stated: set[int] = set()
    if peers or fixed:
        if mine & _own_years(rel, view, f):
            return None  # "The 2026 festival opens on Sunday 28 June": its sentence names the date's year
        common: frozenset[int] | None = None
        for p in peers:
            fp = _fits(facts[p])
            if fp is not None:
                common = fp if common is None else common & fp
        for y in fixed.values():
            common = frozenset({y}) if common is None else common & {y}
        if not common or mine & common:
            return None
        shift = _year_word_after(view, f)
        if shift and mine & {y + shift for y in common}:
            return None  # "would be held on Thursday 7 May next year": the year after the story's
        if _runs_into_next_year(facts, f, peers) and mine & {y + 1 for y in common}:
            return None  # "from Saturday 30 November to Sunday 20 April": the season runs into the next year
        if _across_new_year(facts, f, peers, mine & _named_years(facts), common):
            return None  # "Sunday, 1 December" (2024) ... "Thursday, 24 April" (2025): a story over a new year
        if _told_as_past(view, f) and mine & {y - 1 for y in common} and _later_in_year(f, facts, peers, fixed):
            return None  # "due to close on Saturday 9 January ... since the opening night on Tuesday 2 June"
        if not fixed and len(peers) == 1 and facts[peers[0]].span.start > f.span.start:
            return None  # two pairs that disagree: flag the later one only
        peers += list(fixed)
        allowed = common
        related = tuple(facts[p] for p in peers)
        said = "the year of " + ", ".join(facts[p].text for p in peers[:3])
    else:
        # Only a year in the date's own sentence ("the 2005 tour ends on Monday 9 June"): a year elsewhere
        # may be history ("unbeaten since January 1996"), which says nothing of the text's own year.
        own = _own_year_facts(rel, view, f)
        stated = {int(facts[y].iso[:4]) for y in own if facts[y].iso}  # type: ignore[index]
        if not stated:
            return None
        allowed = frozenset(y + k for y in stated for k in range(-YEAR_SLACK, YEAR_SLACK + 1))
        if mine & allowed:
            return None
        related = tuple(facts[y] for y in own)[:3]
        said = ", ".join(str(y) for y in sorted(stated)[:3])
    _, month, day = date_parts(f.iso)[0]
    year = min(stated) if not peers else min(allowed)
    try:
        actual = WEEKDAY_NAMES[dt.date(year, month, day).weekday()]
    except ValueError:
        return None
    w = weekday_of(f)
    return Hit(
        f.span,
        tuple(r.span for r in related),
        (
            ("date", f.text),
            ("weekday", WEEKDAY_NAMES[w] if w is not None else ""),
            ("actual", actual),
            ("years", f"{day} {cal.month_name[month]} in {said}"),
        ),
    )
