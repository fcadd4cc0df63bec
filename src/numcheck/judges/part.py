"""Judge ``part-within-whole``: a part cannot be larger than its whole ("32 out of 23 agencies")."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.judges.arith import near_interval, value_interval
from numcheck.model import Fact, Hit
from numcheck.patterns import View, compile_templates, entirely_above, format_number, point, round_to
from numcheck.relations import Relation, same_family, sized_group

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"part"})
ROLES = ("part", "whole")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, [])}
FIELDS = frozenset({"part", "whole", "sum"})


# How far past its whole a part read across clauses or sentences may be and still be a slip: a miscount of
# a part lands near its whole ("430 of the 370 farms"; 14 cases since October against six in the whole
# year); a part several times its whole is another pairing ("Attendance was 63,000 on Friday" against the
# 4,000 of another day's sentence). A part told in one phrase with its whole ("32 out of 23 agencies") is
# judged however far past.
FAR_PAST = Decimal(3)


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"templates": compile_templates("templates", params["templates"], ROLES)}


def printed_whole(part: Fact, whole: Fact) -> Interval:
    """The whole's interval; at most its printed figure when the part is written as finely or more
    finely and neither is hedged: "savings of £4bn, of which £4.3bn" and "£5bn ... Of the money, £6bn"
    are more than the whole, though "£4bn" alone may stand for anything up to £4.5bn (no writer who had
    the part to a tenth rounds the whole it is part of up past it)."""
    iv = value_interval(whole)
    piv = value_interval(part)
    if (
        part.hedge != "exact"
        or whole.hedge != "exact"
        or whole.value is None
        or not piv.bounded
        or not iv.bounded
        or iv.low is None
        or iv.high is None
        or piv.high is None
        or piv.low is None
        or piv.high - piv.low > iv.high - iv.low
    ):
        return iv
    return Interval(iv.low, min(iv.high, whole.value))


def _compound(view: View, f: Fact) -> bool:
    """The figure is the first word of a hyphenated modifier ("two-bedroom", "three-bed", "four-wheel")
    that counts something other than its group: not a group's size ("15-member", "40-strong")."""
    text = view.doc.text
    end = f.span.end
    return end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha() and not sized_group(text, f)


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    pi, wi = rel.get("part"), rel.get("whole")
    if pi is None or wi is None:
        return None
    part, whole = view.facts[pi], view.facts[wi]
    if part.is_range or whole.is_range or not same_family(part, whole):
        return None
    if _compound(view, whole) or _compound(view, part):
        return None  # "420 of two-bedroom homes": a figure joined to its noun by a hyphen counts no set
    # "almost 34,000 of those 31,000": the part's one-sided hedge is read near its printed figure. A larger
    # group named by its own noun ("more than 70 sick", then "over 90 in hospital") is read so too: a
    # writer who knew of 130 would not call the whole "more than 95".
    # A place's or a division's count against the story's "at least 2,000" is read so as well.
    frame = rel.label("frame")
    near = frame == "subgroup" or (frame == "scope" and whole.hedge != "exact")
    whole_iv = near_interval(whole) if near else printed_whole(part, whole)
    if not entirely_above(near_interval(part), whole_iv):
        return None
    pv, wv = point(part), point(whole)
    if rel.evidence in ("sentence", "document") and pv and wv and pv > wv * FAR_PAST:
        return None  # "SkyLark flew 612 routes, including 74 launched", read the wrong way round: a figure
        # read as part of one told in another clause or sentence is a slip only near its whole
    share = f"{format_number(round_to(pv / wv * 100, Decimal(1)))}%" if pv and wv else "more than 100%"
    return Hit(part.span, (whole.span,), (("part", part.text), ("whole", whole.text), ("sum", share)))
