"""Judge ``direction``: a rise or fall word (or above/below word) agrees with the two figures it relates."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.judges.arith import mislinked, near_fact, percent_fact
from numcheck.judges.changes import TEMPLATE_ROLES, from_binding
from numcheck.model import Fact, Hit, Span
from numcheck.patterns import View, compile_regex, compile_templates
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

__all__ = ["TEMPLATE_ROLES", "from_binding", "judge"]

RELATIONS = frozenset({"change", "comparison", "superlative", "rank-move"})
ROLES = ("a", "b")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, []), "exclude": (str, r"(?!)")}
FIELDS = frozenset({"from", "to", "direction", "word", "detail"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "templates": compile_templates("templates", params["templates"], ROLES),
        "exclude": compile_regex("exclude", params["exclude"]),
    }


def entirely_above(a: Interval, b: Interval) -> bool:
    """Every value of ``a`` is at or above every value of ``b``: for a direction word, intervals that only
    touch at an end contradict it too ("grew 1.9%, slightly down from 1.8%")."""
    return a.low is not None and b.high is not None and a.low >= b.high


def printed_above(a: Fact, b: Fact) -> bool:
    """``a``'s printed figure is above ``b``'s, both unhedged and written to different precision: "14%, up
    from 14.5%" and "5.3%, a little below the national rate of 5%" read wrongly to an editor, though "14%" alone
    may stand for up to 14.5% (a writer with one figure to a tenth does not round the other across it)."""
    if a.hedge != "exact" or b.hedge != "exact" or a.value is None or b.value is None:
        return False
    if not (a.interval.bounded and b.interval.bounded) or a.interval == b.interval:
        return False
    return a.value > b.value


def above(a: Fact, b: Fact) -> bool:
    """``a`` is above ``b`` whatever values the two printed figures stand for, or as printed."""
    return entirely_above(a.interval, b.interval) or printed_above(a, b)


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    from numcheck.checks.change import _endpoints_ok

    facts = view.facts
    if rel.kind in ("comparison", "superlative"):
        ai, bi = rel.get("a"), rel.get("b")
        if ai is None or bi is None:
            return None
        a, b = facts[ai], facts[bi]
        # Race times compare like amounts: "close to the 9:05.00 mark" against a 9:04.73.
        timed = a.kind == b.kind == "duration" and a.unit == b.unit and not a.is_range and not b.is_range
        # A range compares whole: "$3.1-3.3bn, beating the $3.5bn forecast" is below at every value.
        ranged = (a.is_range or b.is_range) and a.kind == b.kind and a.unit == b.unit
        if not _endpoints_ok(a, b) and not (a.kind == b.kind == "percent") and not timed and not ranged:
            return None
        order = rel.label("order")
        text = view.doc.text
        # The comparison word; a later cue (the subject that stands for the first figure) is marked only.
        said = text[rel.cues[0].start : rel.cues[0].end] if rel.cues else order
        if order == "above" and above(b, a):
            return _hit(a.span, b.span, b.text, a.text, "below", f"'{said}'", f"{a.text} is below {b.text}")
        if order == "below" and above(a, b):
            return _hit(a.span, b.span, b.text, a.text, "above", f"'{said}'", f"{a.text} is above {b.text}")
        return None
    said, told = rel.label("direction"), rel.label("told")
    si = rel.get("stated")
    if told and said and told != said and si is not None and len(rel.cues) == 2:
        # The lead's way without a figure against a change stated with its own way ("profit fall" …
        # "saw its profits rise 12%").
        text = view.doc.text
        lead, own = (text[c.start : c.end] for c in rel.cues)
        s = facts[si]
        way = "a rise" if told == "up" else "a fall"
        return _hit(s.span, rel.cues[0], lead, s.text, way, f"'{lead}'", f"'{own} {s.text}' is {way}")
    ai, bi = rel.get("from"), rel.get("to")
    if rel.kind == "rank-move" and ai is None and bi is not None and rel.label("from_place"):
        return _from_first(rel, view)
    if rel.kind == "rank-move" and ai is not None and bi is None and rel.label("direction") == "down":
        # A rise from the top place ("climbed from first place"): no place is above it.
        top = facts[ai]
        if top.kind == "ordinal" and top.value == 1:
            said = view.doc.text[rel.cues[0].start : rel.cues[0].end] if rel.cues else "a rise"
            detail = f"no place is above {top.text}: a move up from it cannot be"
            return _hit(top.span, top.span, top.text, top.text, "no move", f"'{said}'", detail)
        return None
    if ai is None or bi is None or rel.get("stated") is not None:
        return None  # a stated change ("rose 10%") is the change judge's: one finding for one error
    # "from 62% to more than 58%": a one-sided hedge is read near its printed figure.
    a, b = near_fact(facts[ai]), near_fact(facts[bi])
    if {a.kind, b.kind} == {"share", "percent"}:
        a, b = percent_fact(a), percent_fact(b)  # "a quarter ... a decrease from ... 15%"
    if rel.kind == "rank-move":
        # A place in a ranking is better the smaller its number: the label gives the numbers' way.
        way = rel.label("direction")
        if (way == "down" and above(b, a)) or (way == "up" and above(a, b)):
            moved = "it moved up" if way == "down" else "it moved down"
            detail = f"{a.text} to {b.text} is a move {'down' if way == 'down' else 'up'} the ranking"
            return _hit(b.span, a.span, a.text, b.text, "the other way", moved, detail)
        si = rel.get("by")
        if si is not None and a.value is not None and b.value is not None and facts[si].value is not None:
            # "climbed six places to number four from 12": the places moved are the two places apart.
            steps, apart = facts[si].value, abs(a.value - b.value)
            if steps != apart:
                said = view.doc.text[rel.cues[0].start : rel.cues[0].end] if rel.cues else "it moved"
                detail = f"{a.text} to {b.text} is {apart} places, not {facts[si].text}"
                hit = _hit(facts[si].span, b.span, a.text, b.text, "another step", f"'{said} {facts[si].text}'", detail)
                return Hit(hit.span, (b.span, a.span), hit.fields)
        return None
    # Two lengths of one unit are ends of a change as amounts are ("cut the limit from 24 weeks to 20").
    timed = a.kind == b.kind == "duration" and a.unit == b.unit and not a.is_range and not b.is_range
    if not _endpoints_ok(a, b) and not timed:
        return None
    if _far_apart(a, b):
        return None
    # The link's way, then the verb's where the two differ ("eased to 3.1%, up from 2.9%").
    for name in ("direction", "verb_direction"):
        direction = rel.label(name)
        if direction == "up" and above(a, b):
            return _hit(b.span, a.span, a.text, b.text, "a fall", "it rose", f"{a.text} to {b.text} is a fall")
        if direction == "down" and above(b, a):
            return _hit(b.span, a.span, a.text, b.text, "a rise", "it fell", f"{a.text} to {b.text} is a rise")
    return None


def _far_apart(a: Fact, b: Fact) -> bool:
    """Two figures too far apart for a mistyped direction to be the likelier slip (``arith.mislinked``
    against no change at all): "0.9% ... fell to 9.4%" links two different rates."""
    return mislinked(a, b, Decimal(1))


def _from_first(rel: Relation, view: View) -> Hit | None:
    """A move from last week's first place ("Last week's number one fell three places to number two"): a fall
    must end below first, a rise cannot be, and the places told as moved are the end's number less one."""
    facts = view.facts
    end = facts[rel.get("to") or 0]
    if end.value is None:
        return None
    said = view.doc.text[rel.cues[0].start : rel.cues[0].end] if rel.cues else "it moved"
    if rel.label("direction") == "down":
        detail = f"it was first, and no place is above first: a rise cannot end at {end.text}"
        return _hit(end.span, end.span, "first", end.text, "no move", f"'{said}'", detail)
    if end.value <= 1:
        detail = f"it was first: a fall cannot end at {end.text}"
        return _hit(end.span, end.span, "first", end.text, "no move", f"'{said}'", detail)
    si = rel.get("by")
    if si is not None and facts[si].value is not None and facts[si].value != end.value - 1:
        apart = end.value - 1
        detail = f"first to {end.text} is {apart} {'place' if apart == 1 else 'places'}, not {facts[si].text}"
        return Hit(
            facts[si].span,
            (end.span,),
            _hit(end.span, end.span, "first", end.text, "", f"'{said} {facts[si].text}'", detail).fields,
        )
    return None


def _hit(span: Span, other: Span, start: str, end: str, direction: str, word: str, detail: str) -> Hit:
    fields = (("from", start), ("to", end), ("direction", direction), ("word", word), ("detail", detail))
    return Hit(span, (other,), fields)
