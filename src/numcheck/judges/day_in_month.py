"""Judge ``day-in-month``: a date's day exists in its month ("31 September", "the thirty-first of June",
29 February in a year the text gives that is not a leap year)."""

from __future__ import annotations

import calendar as cal
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.days import date_parts
from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"calendar-date"})
ROLES = ("date",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"date", "actual", "figure"})
# Month lengths when the year is not known: 29 February may be a leap day.
LONGEST = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def _text_years(rel: Relation, view: View) -> list[int]:
    if view.reporting_date is not None:
        return [view.reporting_date.year]
    # A headline of one year gives the story's year, beside the years the date's paragraph states up to it.
    told = rel.all("story-year") + rel.all("near-year") or rel.all("year")
    return sorted({int(view.facts[i].iso[:4]) for i in told if view.facts[i].iso})  # type: ignore[index]


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    fi = rel.get("date")
    if fi is None:
        return None
    f = view.facts[fi]
    if "ambiguous" in f.markers:
        return None
    for year, month, day in date_parts(f.iso):
        if not 1 <= month <= 12:
            continue
        if year is not None:
            last = cal.monthrange(year, month)[1]
            why = f"{cal.month_name[month]} has {last} days in {year}"
        elif month == 2 and day == 29:
            # No year written: the text's year decides (the dateline's, else the years it states).
            years = _text_years(rel, view)
            if rel.all("counted") and view.reporting_date is None:
                continue  # "last year", "two years ago": the year is counted from the story's
            if not years or any(cal.isleap(y) for y in years):
                continue
            last = 28
            said = ", ".join(str(y) for y in years)
            why = f"February has 28 days in {said}, the year{'s' if len(years) > 1 else ''} the text gives"
        else:
            last = LONGEST[month]
            why = f"{cal.month_name[month]} has {last} days"
        if day > last:
            related = tuple(view.facts[i].span for i in rel.all("year")) if year is None and month == 2 else ()
            return Hit(f.span, related[:3], (("date", f.text), ("actual", why), ("figure", str(day))))
    return None
