"""Judge ``age-at``: an age against a birth year and the year it is told for ("born in April 1920 … in 1997,
at the age of 72"), or against an "Nth birthday" of the same person ("dies aged 92" … "the eve of his 95th
birthday")."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.judges.elapsed import meets
from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation
from numcheck.relations.calendar import _year_of

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"age"})
ROLES = ("age",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"age", "born", "date", "expected"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def _expected(rel: Relation, view: View) -> tuple[int, int, str, str, tuple[int, ...]] | None:
    """(youngest, oldest) age the other figures allow, what they are, and the facts used."""
    facts = view.facts
    if rel.label("told"):  # one person's other age: a word, an age then, an age in years and days
        other = rel.get("other")
        low, high = int(rel.label("low")), int(rel.label("high"))
        return low, high, rel.label("told"), "", (() if other is None else (other,))
    oi = rel.get("birthday")
    if oi is not None and facts[oi].value is not None:
        n = int(facts[oi].value or 0)
        low = n - 1 if rel.label("eve") else n
        return low, n, facts[oi].text + " birthday", "", (oi,)
    act = rel.get("act")
    if act is not None and rel.get("after") is not None:
        return _now_after_act(view, rel, act, rel.get("after") or 0)
    ti, at_i, after_i = rel.get("then"), rel.get("at"), rel.get("after")
    if ti is not None and at_i is not None and after_i is not None:
        return _now_after(view, ti, at_i, after_i)
    held = rel.get("held")
    if ti is not None and held is not None:
        return _now_in_role(view, ti, held)
    bi = rel.get("born")
    if bi is None:
        return None
    if rel.label("born") == "ago" and facts[bi].value is not None:
        # "five years ago, the app was released": five, give or take the months of a year.
        n = abs(int(facts[bi].value or 0))
        told = facts[bi].text if "ago" in facts[bi].text else f"{facts[bi].text} years ago"
        return n - 1, n + 1, f"made {told}", "", (bi,)
    born = _year_of(facts[bi])
    if born is None:
        return None
    at_i = rel.get("at")
    if at_i is not None:
        at = _year_of(facts[at_i])
        when = facts[at_i].text
        used: tuple[int, ...] = (bi, at_i)
    elif rel.label("at") == "report" and view.reporting_date is not None:
        at, when, used = view.reporting_date.year, view.reporting_date.isoformat(), (bi,)
    elif rel.label("at") == "report" and rel.label("now").isdigit():
        # No dateline: a date told with its weekday ("on Thursday 20 March", "Saturday 27 April 2024" in the lead)
        # fixes the story's year.
        at, when, used = (
            int(rel.label("now")),
            f"{rel.label('now')} (the year of the story's day told with its weekday)",
            (bi,),
        )
    elif rel.label("at") == "report" and rel.label("latest").isdigit():
        # No date of its own: now is no earlier than the latest year the text tells as past.
        latest = int(rel.label("latest"))
        if latest < born:
            return None
        if rel.label("birthday") == "now":
            # A birthday kept this week falls in the birth's year plus N: at least the years to the latest.
            return latest - born, 200, f"born in {born} and a year of {latest} told as past", "", (bi,)
        return latest - born - 1, 200, f"born in {born} and a year of {latest} told as past", "", (bi,)
    else:
        return None
    if at is None or at < born:
        return None
    return at - born - 1, at - born, f"born in {born}", when, used


# Years a person's age now may sit after the year it gives: the birthday not yet reached in either year,
# and "turns 29 in May" told before the birthday.
NOW_SLACK = 2


def _now_after(view: View, ti: int, at_i: int, after_i: int) -> tuple[int, int, str, str, tuple[int, ...]] | None:
    """An age now from an age then ("a 20-year-old in 1989"): at least the years to the latest past year."""
    facts = view.facts
    then, at, after = facts[ti].value, _year_of(facts[at_i]), _year_of(facts[after_i])
    if then is None or at is None or after is None or after <= at:
        return None
    least = after - (at - int(then)) - NOW_SLACK
    return least, 200, f"{facts[ti].text} in {at}", facts[after_i].text, (ti, at_i, after_i)


def _now_after_act(
    view: View, rel: Relation, act: int, after: int
) -> tuple[int, int, str, str, tuple[int, ...]] | None:
    """An age now from an act that needs the person grown ("co-wrote the 1978 film", at 16 or older): at least
    that age plus the years to the latest past year, less one for a birthday not yet reached."""
    facts = view.facts
    y, last = _year_of(facts[act]), _year_of(facts[after])
    if y is None or last is None or last < y:
        return None
    youngest = int(rel.label("youngest") or 0)
    told = f"'{rel.label('act')}' in {y} (at {youngest} or older)" if youngest else f"'{rel.label('act')}' in {y}"
    return youngest + last - y - 1, 200, told, facts[after].text, (act, after)


# Years in a unit of time: a role held for "2,838 days" or "his 2,838th day" is 7.8 years.
_YEARS_PER = {"year": Decimal(1), "month": Decimal(1) / Decimal(12), "day": Decimal(1) / Decimal("365.25")}


def _now_in_role(view: View, ti: int, held: int) -> tuple[int, int, str, str, tuple[int, ...]] | None:
    """An age now from the age a role was taken at and how long it has been held: "at the age of 54" and
    "her 3,210th day in office" make 62 or 63. A year either way for a length told in whole years."""
    facts = view.facts
    then, h = facts[ti].value, facts[held]
    unit = h.unit or "day"  # "his 2,838th day": an ordinal of days
    if then is None or h.value is None or unit not in _YEARS_PER:
        return None
    years = h.value * _YEARS_PER[unit]
    low = int(then + years - 1) if unit == "year" else int(then + years)
    high = int(then + years + 1)
    told = f"{h.text} day" if h.kind == "ordinal" else h.text
    return low, high, f"{facts[ti].text} plus {told}", "", (ti, held)


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ai = rel.get("age")
    exp = _expected(rel, view) if ai is not None else None
    if ai is None or exp is None:
        return None
    age = view.facts[ai]
    low, high, born, when, used = exp
    if meets(age.interval, Decimal(low), Decimal(high)):
        return None
    return Hit(
        age.span,
        tuple(view.facts[i].span for i in used),
        (
            ("age", age.text),
            ("born", born),
            ("date", f" in {when}" if when else ""),
            ("expected", _ages_text(low, high)),
        ),
    )


def _ages_text(low: int, high: int) -> str:
    if high >= 200:
        return f"at least {low}"
    if low <= 0:
        return f"at most {high}"
    if low == high:
        return str(low)
    return f"{low} or {high}" if high - low == 1 else f"{low} to {high}"
