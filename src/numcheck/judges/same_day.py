"""Judge ``same-day``: two days told of one event must be one day ("a storm yesterday" … "on Thursday")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.days import WEEKDAY_NAMES, Day, dated_near, day_of, differ, far_apart
from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"same-event"})
ROLES = ("a", "b")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"first", "second", "first_day", "second_day", "event", "counted"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def side(rel: Relation, view: View, name: str) -> tuple[Day, bool] | None:
    """The day one side of the relation names, and whether it is a bare weekday."""
    today: dt.date | None = view.reporting_date
    fi = rel.get(name)
    if fi is None:
        return None
    shift = int(rel.label(f"{name}-shift") or 0)
    anchor = rel.get(f"{name}-from")
    if rel.label(f"{name}-from") == "report":
        if today is None:
            return None
        base: Day | None = Day(today, (today.month, today.day), today.weekday())
        bare = False
    elif anchor is not None:
        f = view.facts[anchor]
        base = day_of(f, today)
        bare = f.kind == "weekday"
    else:
        f = view.facts[fi]
        base = day_of(f, today)
        bare = f.kind == "weekday"
    if base is None:
        return None
    if today is not None and base.weekday is None:
        base = dated_near(base, today)  # "on 8 June" in a dated text names a weekday too
    if bare and today is not None and base.date is None and base.weekday is not None:
        # A bare weekday in a dated text: the nearest such day at or before the reporting date.
        back = (today.weekday() - base.weekday) % 7
        d = today - dt.timedelta(days=back)
        base = Day(d, (d.month, d.day), d.weekday())
        bare = True
    return base.shifted(shift), bare


def _yearless(rel: Relation, view: View, name: str) -> bool:
    """The day one side names is a date written without its year ("4 May")."""
    fi = rel.get(f"{name}-from")
    fi = rel.get(name) if fi is None else fi
    return fi is not None and view.facts[fi].kind == "date" and (view.facts[fi].iso or "").startswith("--")


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    a, b = side(rel, view, "a"), side(rel, view, "b")
    if a is None or b is None:
        return None
    (da, bare_a), (db, bare_b) = a, b
    if bare_a or bare_b:
        # A bare weekday is known only up to its week: compare weekdays alone.
        if far_apart(da, db, bare_a, bare_b):
            return None
        da, db = Day(None, None, da.weekday), Day(None, None, db.weekday)
    elif (
        da.date
        and db.date
        and da.date.year != db.date.year
        and (_yearless(rel, view, "a") or _yearless(rel, view, "b"))
    ):
        # "Monday 3 May 2004 ... the following day, 4 May": a date without its year takes the other's.
        da, db = Day(None, da.month_day, None), Day(None, db.month_day, None)
    if not differ(da, db):
        return None
    facts = view.facts
    fa, fb = facts[rel.get("a") or 0], facts[rel.get("b") or 0]
    # The day counted from another ("two days before the vote") is the one that reads wrong.
    counted_side = "a" if rel.get("a-from") is not None or rel.label("a-from") else "b"
    if rel.get("b-from") is not None or rel.label("b-from"):
        counted_side = "b"
    primary = rel.get(counted_side) or 0
    related = tuple(facts[i].span for r, i in rel.roles if i != primary)
    counted = ""
    if rel.label(f"{counted_side}-from") == "report" and view.reporting_date is not None:
        counted = f", counting from the reporting date, {Day(view.reporting_date).name()}"
    elif rel.get(f"{counted_side}-from") is not None:
        anchor = view.facts[rel.get(f"{counted_side}-from") or 0]
        base = day_of(anchor, view.reporting_date)
        name = WEEKDAY_NAMES[base.weekday] if base and base.weekday is not None else anchor.text
        counted = f", counting from {anchor.text}" + (f" ({name})" if name != anchor.text else "")
    return Hit(
        facts[primary].span,
        related,
        (
            ("first", fa.text),
            ("second", fb.text),
            ("first_day", da.name()),
            ("second_day", db.name()),
            ("event", rel.label("event")),
            ("counted", counted),
        ),
    )
