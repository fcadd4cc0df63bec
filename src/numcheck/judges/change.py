"""Judge ``change``: a stated change (%, points, an amount) matches its from → to figures."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.judges.arith import mislinked, value_interval
from numcheck.judges.changes import TEMPLATE_ROLES, from_binding
from numcheck.model import Fact, Hit
from numcheck.patterns import View, compile_regex, compile_templates, point
from numcheck.relations import Relation, same_family
from numcheck.relations.base import in_unit


def _scaled(value: Decimal, like: list[Fact]) -> str:
    from numcheck.checks.total import _scaled as scaled

    return scaled(value, like)


if TYPE_CHECKING:
    from numcheck.model import Rule

__all__ = ["TEMPLATE_ROLES", "from_binding", "judge"]

RELATIONS = frozenset({"change"})
ROLES = ("a", "b", "c")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, []), "exclude": (str, r"(?!)")}
# The same message fields as the template check kind, whose arithmetic this judge shares.
FIELDS = frozenset({"from", "to", "stated", "computed", "points", "direction", "word", "change", "claim"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "templates": compile_templates("templates", params["templates"], ROLES),
        "exclude": compile_regex("exclude", params["exclude"]),
    }


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    from numcheck.checks.change import _endpoints_ok, _stated_change

    ai, bi, ci = rel.get("from"), rel.get("to"), rel.get("stated")
    if ai is None and bi is not None and ci is not None and rel.get("amount") is not None:
        return _implied_start(rel, view)
    if ai is not None and bi is None and ci is not None and rel.get("amount") is not None:
        return _implied_amount(rel, view)
    if ai is None or bi is None or ci is None:
        return None
    facts = view.facts
    a, b, c = facts[ai], facts[bi], facts[ci]
    if not _endpoints_ok(a, b):
        return None
    direction = {"up": "rise", "down": "fall"}.get(rel.label("direction"), "")
    if c.kind == "count" and re.match(r"^\s+(?:percentage\s+)?points?\b", view.after(c, 25)):
        c = replace(c, kind="points")
    if c.kind in ("percent", "points", "share"):
        if _linked_wrongly(a, b, c, direction):
            return None
        hit = _stated_change(a, b, c, direction, "change")
        if hit is None and _moved_against(a, b, direction):
            # "fell 5% to $4.2bn, from $4bn": "$4bn" may stand for $4.4bn, but the printed figures rose.
            hit = _stated_change(_as_printed(a), _as_printed(b), c, direction, "change")
        if hit is None:
            hit = _at_one_precision(a, b, c, direction)
        if hit is not None and _other_end_fits(view, a, b, c, direction):
            return None
        return hit
    if same_family(a, b) and not _PER_HEAD.match(view.after(c, 20)):
        told = c if same_family(c, b) else in_unit(c, b.unit) if b.kind == "measure" else None
        return None if told is None else _amount_change(a, b, told, direction)
    return None


# Words after an amount that make it a rate per head, not the size of a change: "rose to £1.14bn from
# £1.02bn, equal to about £247 per visitor".
_PER_HEAD = re.compile(r"^\s*(?:per\s+(?!cent\b)[a-z]+|a\s+head|each|apiece)\b", re.I)


def _other_end_fits(view: View, a: Fact, b: Fact, c: Fact, direction: str) -> bool:
    """Another figure of the newer end's family earlier in its sentence makes the stated change hold from the
    older end: the change is that figure's, linked past an aside ("142,000 spectators attended, including a
    record 43,500 on Saturday, against 128,000 last year, an increase of 10.9%")."""
    from numcheck.checks.change import _endpoints_ok, _stated_change

    for g in view.facts:
        if g.sentence != b.sentence or g.span.start >= b.span.start or g is a or g is c:
            continue
        if g.value is None or g.is_range or not _endpoints_ok(a, g):
            continue
        if _stated_change(a, g, c, direction, "change") is None:
            return True
    return False


def _linked_wrongly(a: Fact, b: Fact, c: Fact, direction: str) -> bool:
    """The pair's growth is far from any the stated percentage gives (``arith.mislinked``): "a shirt sold for
    £22,500. It was up from £1.21m last year, an increase of about 14%" links the shirt, not the total."""
    if c.kind != "percent" or c.value is None:
        return False
    ways = {"rise": (1,), "fall": (-1,)}.get(direction, (1, -1))
    stated = [1 + way * c.value / 100 for way in ways]
    return all(mislinked(a, b, s) for s in stated)


def _moved_against(a: Fact, b: Fact, direction: str) -> bool:
    """The printed figures move against the stated direction (see ``direction.printed_above``)."""
    from numcheck.judges.direction import printed_above

    return (direction == "rise" and printed_above(a, b)) or (direction == "fall" and printed_above(b, a))


# Non-digit parts of a figure ("£", "bn"): two ends written alike in these share one scale.
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# A round end read this wide against its value (£11bn: £1bn, 9%) is narrowed; a narrow one ($142m: 0.7%)
# is left alone, since a point of slack there is the writer cutting the percentage short (44.6% as 44%).
_WIDE_READING = Decimal("0.02")


def _at_one_precision(a: Fact, b: Fact, c: Fact, direction: str) -> Hit | None:
    """ "grew by 8.5% to £11.5bn, from £11bn": a writer who gives one end to a tenth gives the other
    to a tenth too, so the rounder end is read at the finer end's precision (not £10.5bn to £11.5bn)."""
    from numcheck.checks.change import _stated_change

    if a.hedge != "exact" or b.hedge != "exact" or _DIGITS.sub("#", a.text) != _DIGITS.sub("#", b.text):
        return None
    wa, wb = _width(a), _width(b)
    if wa is None or wb is None or wa == wb:
        return None
    fine = min(wa, wb)
    coarse = a if wa > wb else b
    if coarse.value is None or coarse.value <= 0 or max(wa, wb) / coarse.value < _WIDE_READING:
        return None
    return _stated_change(_narrowed(a, fine), _narrowed(b, fine), c, direction, "change")


def _width(f: Fact) -> Decimal | None:
    """The width of the fact's reading ("£11bn": £1bn; "£11.5bn": £0.1bn)."""
    low, high = f.interval.low, f.interval.high
    return None if low is None or high is None or f.value is None else high - low


def _narrowed(f: Fact, width: Decimal) -> Fact:
    """The fact read at ``width`` about its printed value, if that is narrower than its own reading."""
    from numcheck.interval import Interval

    own = _width(f)
    if f.value is None or own is None or own <= width:
        return f
    return replace(f, interval=Interval(f.value - width / 2, f.value + width / 2))


def _as_printed(f: Fact) -> Fact:
    """The fact read as exactly its printed figure."""
    from numcheck.interval import Interval

    return f if f.value is None else replace(f, interval=Interval.point(f.value))


def _amount_change(a: Fact, b: Fact, c: Fact, direction: str) -> Hit | None:
    """ "$850m, a $597m improvement from $153m": the stated amount against to − from."""
    from numcheck.checks.change import _fields, _neg

    av, bv = point(a), point(b)
    if av is None or bv is None:
        return None
    diff = value_interval(b) - value_interval(a)
    stated = value_interval(c)
    options = [stated] if direction == "rise" else [_neg(stated)] if direction == "fall" else [stated, _neg(stated)]
    if any(diff.overlaps(o) for o in options):
        return None
    shown = _scaled(abs(bv - av), [a, b])
    return Hit(c.span, (a.span, b.span), _fields(a, b, c, shown, shown, direction))


def _implied_start(rel: Relation, view: View) -> Hit | None:
    """ "Shares fell 12p, or 13%, to 380p": the start is the level reached plus the amount (less it, for
    a rise), and the percentage is the amount over that start (the wrong-base error divides by the level
    reached instead)."""
    from numcheck.checks.change import _fields
    from numcheck.patterns import as_percent, rounded_like

    facts = view.facts
    bi, ci, xi = rel.get("to"), rel.get("stated"), rel.get("amount")
    assert bi is not None and ci is not None and xi is not None
    b, c, x = facts[bi], facts[ci], facts[xi]
    direction = rel.label("direction")
    stated = as_percent(c)
    if c.kind != "percent" or stated is None or direction not in ("up", "down") or x.value is None or b.value is None:
        return None
    factor = Decimal("0.01") if rel.label("amount-unit") == "hundredth" else Decimal(1)
    amount = value_interval(x).scale(factor)
    start = value_interval(b) + amount if direction == "down" else value_interval(b) - amount
    ratio = amount.divide(start)
    if ratio is None or ratio.overlaps(stated.scale(Decimal("0.01"))):
        return None
    if rel.label("amount-or-start") and amount.low is not None and amount.low > 0:
        # "up 4,200 to 5,100" written for "from 4,200": the change from the amount read as the start.
        gap = value_interval(b) - amount if direction == "up" else amount - value_interval(b)
        other = gap.divide(amount)
        if other is not None and other.overlaps(stated.scale(Decimal("0.01"))):
            return None
    moved = x.value * factor
    begin = b.value + moved if direction == "down" else b.value - moved
    if begin <= 0:
        return None
    shown = _written_like(b, begin)
    computed = rounded_like(moved / begin * 100, c.text) + "%"
    a = replace(b, text=shown, value=begin, interval=start)
    said = "fall" if direction == "down" else "rise"
    return Hit(c.span, (b.span, x.span), _fields(a, b, c, computed, _written_like(b, moved), said))


def _implied_amount(rel: Relation, view: View) -> Hit | None:
    """ "Fares will rise by 4.6%. A commuter paying £1,260 ... will have to find an extra £85": the extra
    is the percentage of the amount paid."""
    from numcheck.checks.change import _fields
    from numcheck.patterns import as_percent

    facts = view.facts
    ai, ci, xi = rel.get("from"), rel.get("stated"), rel.get("amount")
    assert ai is not None and ci is not None and xi is not None
    a, c, x = facts[ai], facts[ci], facts[xi]
    stated = as_percent(c)
    if c.kind != "percent" or stated is None or a.value is None or c.value is None or x.value is None:
        return None
    ratio = value_interval(x).divide(value_interval(a))
    if ratio is None or ratio.overlaps(stated.scale(Decimal("0.01"))):
        return None
    moved = a.value * c.value / 100
    sign = -1 if rel.label("direction") == "down" else 1
    b = replace(a, text=f"{a.text} {'-' if sign < 0 else '+'} {c.text}", value=a.value + sign * moved)
    shown = _written_like(a, moved)
    said = "fall" if sign < 0 else "rise"
    fields = dict(_fields(a, b, x, shown, shown, said))
    fields["claim"] = x.text
    return Hit(x.span, (a.span, c.span), tuple(fields.items()))


def _written_like(like: Fact, value: Decimal) -> str:
    """``value`` written as ``like`` is ("380p" → "392p", "1.90 Canadian dollars" → "2.55 Canadian dollars")."""
    from numcheck.patterns import format_number, rounded_like

    m = re.search(r"\d[\d,]*(?:\.\d+)?", like.text)
    if m is None or like.value is None or like.value == 0:
        return format_number(value)
    printed = Decimal(m.group().replace(",", ""))
    scale = printed / like.value  # 100 for "380p" (3.80 pounds); 1e-6 for "$630m"
    number = rounded_like(value * scale, m.group())
    return like.text[: m.start()] + number + like.text[m.end() :]
