"""Judge ``restatement``: one quantity given twice must agree ("61 deaths" … "67 deaths").

The two figures are compared as intervals (printed precision and hedges:
"about 5.6 million" and "5.55 million" agree, "almost 500" and "584" do
not). Two lower bounds ("at least 107", "170 or more") agree as intervals;
they are a finding only when one figure's digits are the other's swapped,
the mark of a typing slip rather than a newer count. A headline that gives a
smaller figure than the body is taken as a count the body has updated,
unless its digits are the body's swapped. One holder's count told by frame
(evidence "frame") reads a number word's digits from its value, so "fifteen
ships" and "the 12 ships" are one keystroke apart. One person's age told twice
("John Smith, 19," … "the 21-year-old") needs no other evidence. A figure told
as known one keystroke off the earlier one (evidence "keystroke": "a 1.5GW
farm" … "The 150MW scheme") is compared in the later one's unit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.judges.arith import value_interval
from numcheck.model import Fact, Hit
from numcheck.patterns import View, compile_templates, point
from numcheck.relations import Relation, same_family
from numcheck.units import convert

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"restatement"})
ROLES = ("first", "second")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, [])}
FIELDS = frozenset({"figure", "other", "subject", "why"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"templates": compile_templates("templates", params["templates"], ROLES)}


def swapped(a: str, b: str) -> bool:
    """The digits of ``a`` and ``b`` are the same digits in another order ("43" and "34", "1,200" and "2,100")."""
    da, db = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    return len(da) >= 2 and da != db and sorted(da) == sorted(db)


def _named(view: View, f: Fact) -> bool:
    """The figure is part of a name: a capitalised word follows it ("the Six Nations", "Group of Seven")."""
    after = view.text[f.span.end : f.span.end + 12].strip()
    return after[:1].isupper()


def one_slip(a: str, b: str) -> bool:
    """The digits of ``b`` are those of ``a`` with one keystroke changed: a digit replaced, added,
    dropped, or two neighbours swapped ("58" and "53", "1.3" and "11.3", "593" and "539")."""
    if a == b or max(len(a), len(b)) < 2:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    if abs(len(a) - len(b)) != 1 or min(len(a), len(b)) < 2:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _digits(f: Fact) -> str:
    """The digits as printed ("" for a number written in words: "fifteen" is no slip of "sixteen")."""
    return re.sub(r"\D", "", f.text.split("(")[0])


def _value_digits(f: Fact) -> str:
    """The digits of a whole number written in words ("fifteen" → "15"), else ""."""
    if f.value is None or f.value != f.value.to_integral_value() or any(c.isdigit() for c in f.text):
        return ""
    return str(int(f.value))


def _headline_cut(view: View, a: Fact, b: Fact, ta: str, tb: str) -> bool:
    """The headline gives the body's figure cut to its whole units: "send $16bn home" … "sent $16.6bn home".
    A headline drops the decimals of a figure the body prints in full; the digits it keeps are the body's
    first ones and the body's value lies within one printed unit above it."""
    sents = view.doc.sentences
    if (
        len(sents) < 2
        or sents[0].paragraph == sents[1].paragraph
        or not sents[0].span.start <= a.span.start < sents[0].span.end
    ):
        return False
    if "." in a.text or "." not in b.text or not tb.startswith(ta) or len(tb) <= len(ta) or a.hedge != "exact":
        return False
    ia = value_interval(a)
    if ia.low is None or ia.high is None or a.value is None or b.value is None:
        return False
    return a.value <= b.value < a.value + (ia.high - ia.low)


# A headline's bound that puts its count below the figure ("nearly 500", "fewer than 2,000"): a body count
# above it is no newer count the headline lags behind, since the headline says the count is not there yet.
_BELOW = frozenset(("nearly", "less than", "at most"))

# How far a plain figure may be from a bound it breaks and still be read as the same quantity:
# "profits rose by more than 40%" … "a 34% rise in net profits".
BOUND_REACH = Decimal("1.5")


def _bound_broken(a: Fact, b: Fact) -> bool:
    """The lead's bound ("more than 40%", "almost 500") and a plain figure near it on the wrong side."""
    if a.hedge not in ("more than", "at least", "less than", "at most", "nearly") or b.hedge != "exact":
        return False
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0:
        return False
    ratio = max(a.value, b.value) / min(a.value, b.value)
    return ratio <= BOUND_REACH


# How far apart in size two figures with the same digits may be and still be one figure with its digits
# swapped ("208" and "280"; not "1.25bn" and "1.52m").
SWAP_SIZE = Decimal(10)


def _near_in_size(a: Decimal, b: Decimal) -> bool:
    if a <= 0 or b <= 0:
        return a == b or (a < 0 and b < 0)
    return max(a, b) / min(a, b) < SWAP_SIZE


def _two_dates(rel: Relation, a: Fact, b: Fact) -> Hit:
    """One event told on two dates: the later telling is the finding."""
    why = "one event cannot have two dates"
    return Hit(
        b.span,
        (a.span,),
        (("figure", b.text), ("other", a.text), ("subject", rel.label("concept") or ""), ("why", why)),
    )


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ai, bi = rel.get("first"), rel.get("second")
    if ai is None or bi is None:
        return None
    a, b = view.facts[ai], view.facts[bi]
    if rel.label("evidence") == "event":
        # One event's date told twice ("On June 2, 2000, …" … "the June 2001 spill"): two years cannot hold.
        return None if str(a.iso)[:4] == str(b.iso)[:4] else _two_dates(rel, a, b)
    if rel.label("evidence") == "date":
        # One event named as known by its day ("the 10 May final") and told on another day of the month.
        if str(a.iso)[-5:] == str(b.iso)[-5:] or re.sub(r"T.*", "", str(a.iso))[-5:] == str(b.iso)[-5:]:
            return None
        return _two_dates(rel, a, b)
    if rel.label("evidence") == "keystroke":
        return _keystroke(rel, a, b)
    if not same_family(a, b) or a.value is None or b.value is None:
        return None
    ta, tb = _digits(a), _digits(b)
    if rel.label("evidence") == "frame":
        # One holder's count of one thing told by frame: a number word's digits are its value's
        # ("fifteen ships" … "the 12 ships" is one keystroke on the figure the writer meant).
        ta, tb = ta or _value_digits(a), tb or _value_digits(b)
    # "$1.25bn" and "$1.52m" share their digits but not their size: a swap is of one figure's digits.
    swap = swapped(ta, tb) and a.value != b.value and _near_in_size(a.value, b.value)
    person = rel.label("evidence") == "person"  # one person's age: any two values disagree
    # A count told as the whole set named before ("all 19 countries involved"): no slip needed either.
    # ... or a contest's margin told by its phrase twice, or a figure told again as a bound it breaks
    known = rel.label("evidence") in ("known", "margin", "bound")
    # A person's age in whole years is exact: "17" and "the 18-year-old" are two ages, not one rounded.
    ia, ib = value_interval(a), value_interval(b)
    apart = a.value != b.value if person else not ia.overlaps(ib)
    if rel.label("alike") == "yes" and not apart and a.value != b.value:
        # One thing told twice in other words: "three weeks" and "a two-week ban" meet only at 2.5 weeks, a
        # value neither tells; two tellings that share only an end of their rounding are two values.
        apart = ia.bounded and ib.bounded and (ia.high == ib.low or ib.high == ia.low)
    if not (apart or swap):
        return None
    if rel.label("evidence") == "swap" and not swap:
        return None  # told in other words: only transposed digits show it is one figure mistyped
    # Two figures of the body are one count only by a slip of the keys, never by a bound.
    bound = _bound_broken(a, b) and not rel.label("scope") and rel.label("evidence") not in ("slip", "frame")
    # The same clause told again ("warned of yearly losses of £4m" … "had warned of yearly losses of £7m").
    alike = rel.label("alike") == "yes"
    # A headline's small count against the lead's of one frame ("Three killed in crash" … "Four people
    # died"): a single digit has no keystroke to slip, and no rounding either.
    small = (
        rel.label("evidence") == "frame"
        and max(a.value, b.value) < 10
        and ia.bounded
        and ia.low == ia.high
        and not any(_named(view, f) for f in (a, b))
    )
    if not (swap or bound or person or known) and _headline_cut(view, a, b, ta, tb):
        return None  # "send $16bn home" … "sent $16.6bn home": the headline drops the body's decimals
    if not (swap or one_slip(ta, tb) or bound or person or known or alike or small):
        return None  # far apart: more likely two counts (a sub-total, another place) than one mistyped
    pa, pb = point(a), point(b)
    if not swap and rel.label("lag") and pa is not None and pb is not None and pa < pb and a.hedge not in _BELOW:
        return None  # a headline behind the body's newer count
    why = "the digits are swapped" if swap else "the two cannot both be right"
    subject = rel.label("concept") or ""
    return Hit(b.span, (a.span,), (("figure", b.text), ("other", a.text), ("subject", subject), ("why", why)))


def _keystroke(rel: Relation, a: Fact, b: Fact) -> Hit | None:
    """A figure told as known and one keystroke off the one told before ("a crowd of 4,280" … "the 4,820 who
    turned up"; "a 1.5GW solar farm" … "The 150MW scheme", read in megawatts): a finding when the two,
    the earlier in the later one's unit, cannot both hold."""
    if a.value is None or b.value is None:
        return None
    ia, ib = value_interval(a), value_interval(b)
    if not same_family(a, b):
        if a.kind != "measure" or not a.unit or not b.unit or ia.low is None or ia.high is None:
            return None
        try:
            low, high = convert(ia.low, a.unit, b.unit), convert(ia.high, a.unit, b.unit)
        except (ValueError, KeyError):
            return None
        if ib.low is None or ib.high is None or not (high < ib.low or ib.high < low):
            return None
    elif ia.overlaps(ib):
        return None
    why = "one figure told as known cannot have two values"
    subject = rel.label("concept") or ""
    return Hit(b.span, (a.span,), (("figure", b.text), ("other", a.text), ("subject", subject), ("why", why)))
