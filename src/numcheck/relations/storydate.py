"""The story's own date: the year a text without a dateline reports, read once for every reader that counts a
length or an age up to now ("on Tuesday 9 September 2025" in the lead, "The vote on Thursday 20 March" after
"re-elected in July 2024", "set six years ago, in 2019")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from numcheck import dates, days
from numcheck.relations.base import _Doc
from numcheck.relations.calendar import _single_years, _year_of

_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_dates(d: _Doc) -> Iterator[tuple[int, int, int]]:
    """(month, day, weekday) of each date told with its weekday and no year ("on Tuesday 30 September"),
    ranges and dates that read both ways left out."""
    for fi in d.view.by_kind.get("date", ()):
        f = d.facts[fi]
        m = re.fullmatch(r"--(\d\d)-(\d\d)", f.iso or "")
        wd = next((_WEEKDAY_NAMES.index(w.lower()) for w in f.markers if w.lower() in _WEEKDAY_NAMES), None)
        if m is not None and wd is not None and not f.is_range and "ambiguous" not in f.markers:
            yield int(m.group(1)), int(m.group(2)), wd


def _weekday_year(d: _Doc) -> int:
    """In a text without a reporting date, the year its dates told with a weekday and without a year fall in
    ("The vote on Thursday 20 March was called after ... re-elected in July 2024"): the one year, just after the
    latest year the text tells of, in which that date is that weekday (``dates._dated_by_weekday``, as for a
    dateline). -1 when there is none, the dates disagree, or a reporting date is known."""

    def read(view: object) -> int:
        if d.view.reporting_date is not None:
            return -1
        years = set()
        for month, day_of, wd in _weekday_dates(d):
            day = dates._dated_by_weekday(d.view.doc, d.facts, month, day_of, wd)
            years.add(day.year if day is not None else -1)
        return years.pop() if len(years) == 1 else -1

    year: int = d.view.memo("weekday-year", read)
    return year


def story_year(d: _Doc) -> int:
    """In a text without a reporting date, the year of its story: the year a weekday and a date without a
    year fit (``_weekday_year``), else the one year of the full dates the text tells with their weekday ("after
    a 3-1 win on the final day, Saturday 27 April 2024", "sentencing him on Tuesday 11 March 2025") and of an
    exact "N years ago, in YEAR" (``_ago_years``), when no year told anywhere in the text is later (a profile
    told years on would tell them). -1 when there is none."""
    year = _weekday_year(d)
    if year > 0 and not _latest_done(d) <= year <= _latest_told(d) + NEAR_AFTER:
        # "formed in 2023" but "on Sunday 13 April" fits 1958; no year told after 2018 but a weekday fits 2031:
        # the weekday alone misleads.
        return -1
    if year < 0 and d.view.reporting_date is None:
        year = _weekdays_near(d)
    if year > 0 or d.view.reporting_date is not None:
        return year
    told = set()
    for fi in d.view.by_kind.get("date", ()):
        f = d.facts[fi]
        m = re.fullmatch(r"(\d{4})-\d\d-\d\d", f.iso or "")
        if m is None or f.is_range:
            continue
        if any(w.lower() in _WEEKDAY_NAMES for w in f.markers):
            told.add(int(m.group(1)))
    told |= _ago_years(d) | _so_far_years(d)
    if len(told) != 1:
        return -1
    year = told.pop()
    later = [
        y
        for kind in ("year", "date")
        for fi in d.view.by_kind.get(kind, ())
        if (y := _year_of(d.facts[fi])) is not None and y > year
    ]
    return -1 if later else year


def _ago_years(d: _Doc) -> set[int]:
    """The years now is by an exact "N years ago, in YEAR" ("set six years ago, in 2019": now is 2025)."""
    out = set()
    for si, pos, _fi, f in d.figures(frozenset({"relative"})):
        if f.unit != "year" or "ago" not in f.markers or f.hedge != "exact" or f.value is None:
            continue
        words, toks = d.m.words[si], d.m.tokens[si]
        k = pos + 1 + (words[pos + 1 : pos + 2] == (",",))
        if words[k : k + 1] == ("in",) and k + 1 < len(toks) and toks[k + 1].fact >= 0:
            y = _year_of(d.facts[toks[k + 1].fact])
            if y is not None and d.facts[toks[k + 1].fact].kind == "year":
                out.add(y + abs(int(f.value)))
    return out


# Tokens before a year that may hold the past verb telling it as done ("formed in 2023", "was opened in May 2019").
DONE_REACH = 3


def _latest_done(d: _Doc) -> int:
    """The latest year the text tells as done by a past verb just before it ("The women's team, formed in 2023,
    will play ..."), whatever future its sentence tells: now is no earlier. 0 when none."""
    done = frozenset(dates.table("storydate")["done_words"]) | frozenset(dates.table("ages")["past_words"])
    latest = 0
    for fi in _single_years(d):
        y, (si, pos) = _year_of(d.facts[fi]), d.pos_of(fi)
        words = d.m.words[si]
        if y is not None and any(w.endswith("ed") or w in done for w in words[max(0, pos - DONE_REACH) : pos]):
            latest = max(latest, y)
    return latest


def _latest_told(d: _Doc) -> int:
    """The latest year the text tells at all, ahead or past."""
    return max((_year_of(d.facts[fi]) or 0 for fi in _single_years(d)), default=0)


def _so_far_years(d: _Doc) -> set[int]:
    """The years a running count is told up to now in ("So far in 2025, visits are up 6%", "in 2025 so far"):
    the story's own year."""
    before = tuple(tuple(p.split()) for p in dates.table("storydate")["so_far_before"])
    out = set()
    for fi in _single_years(d):
        si, pos = d.pos_of(fi)
        words = d.m.words[si]
        y = _year_of(d.facts[fi])
        told = any(words[max(0, pos - len(p)) : pos] == p for p in before) or words[pos + 1 : pos + 3] == ("so", "far")
        if y is not None and d.facts[fi].kind == "year" and told:
            out.add(y)
    return out


# Years before the latest single year a text tells, and after the latest year it tells at all, that its year-less
# weekday dates may fall in ("since May 2023" … "on Monday 6 October": 2025).
NEAR_BEFORE = 0
NEAR_AFTER = 2


def _weekdays_near(d: _Doc) -> int:
    """The one year, from the latest single year told (or told as done) to a year after the latest told at all, in which every
    weekday told with a date and no year falls ("since March 2023" … "their 2025-26 pay award" … "on Tuesday 30
    September, Wednesday 1 October"): 2025. -1 when none or several fit."""
    single = [y for fi in _single_years(d) if not d.facts[fi].is_range and (y := _year_of(d.facts[fi])) is not None]
    lo, hi = max(_latest_done(d), *single, 0) - NEAR_BEFORE, _latest_told(d) + NEAR_AFTER
    fits: set[int] | None = None
    for month, day_of, wd in _weekday_dates(d):
        near = {y for y in days.years_fitting(month, day_of, wd) if lo <= y <= hi}
        fits = near if fits is None else fits & near
    return fits.pop() if fits is not None and len(fits) == 1 and lo > 0 else -1
