"""Judge ``sum``: listed parts add up to their stated total (or, after "including", stay within it)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.judges.arith import near_interval, total_of, value_interval
from numcheck.model import Fact, Hit
from numcheck.patterns import Binding, View, compile_regex, compile_templates, entirely_above, point
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"breakdown"})
ROLES = ("total",)
PARAMS: dict[str, tuple[type, Any]] = {
    "templates": (list, []),
    # A listed sum far from its total (more than this factor either way) is another
    # quantity ("3 winners: 10, 20 and 30 points"), not a miscount; above it, only when the parts but
    # the largest already pass the total (one part alone past its whole is a slip, judged).
    "max_ratio": (Decimal, Decimal(2)),
    # What may stand between two listed items of a template's list (the check kind ``total`` reads it too).
    # (Never across a change's older end: "eight women and six men, up from 11 swimmers"; an item's place
    # may be long: "96 in the neighbouring village of Glanrhyd and 41 in ..."; never across "while", which
    # opens another subject's clause: "12 medals, including five golds, while the rowers took eight".)
    "list_gap": (
        str,
        r"^(?![^#]*\b(?:from|than|compared|while|whereas)\b)[^#]{0,60}?(?:,|\band\b|;|\bor\b)[^#]{0,40}?$",
    ),
    "exclude": (str, r"(?!)"),
}
FIELDS = frozenset({"parts", "sum", "total", "whole", "part", "verdict"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "templates": compile_templates("templates", params["templates"], ROLES),
        "list_gap": compile_regex("list_gap", params["list_gap"]),
        "exclude": compile_regex("exclude", params["exclude"]),
    }


def from_binding(rel: Relation, b: Binding, view: View, rule: Rule) -> Relation | None:
    """A template binds the total; its items are the figures listed after the match."""
    from numcheck.checks.total import _list_after

    ti = rel.get("total")
    if ti is None:
        return None
    parts = _list_after(view, view.skeletons[b.sentence], b.end, view.facts[ti], rule)
    if len(parts) >= 2:
        # "Kent logged 58 crashes, including 40 on the M20, and Essex 37": the relations' one reading.
        from numcheck.relations import doc_of
        from numcheck.relations.breakdowns import before_named_sibling

        d = doc_of(view)
        parts = before_named_sibling(d, *d.pos_of(ti), parts)
    labels = (("inclusive", "yes" if "incl" in b.groups else ""),)
    return Relation("breakdown", (("total", ti),) + tuple(("item", i) for i in parts), (), "template", labels)


def _common_precision(parts: list[Fact]) -> Iterator[Fact]:
    """Parts listed together are written to one precision: a round part ("£3bn in cash and £1.6bn in
    shares", "€1.5bn now and another 800m later") is read at the finest precision of the others, as
    an editor adds them up. A part said to be "about" its figure is read near it, as an "about" total
    is ("about 400 in Arden, 300 in Bellport and 330 in Carran" is more than 1,000 jobs: the 400 is read
    within a twentieth of its figure); other hedged parts ("more than £3bn") keep their own reading."""
    widths = [
        (f.interval.high - f.interval.low) / 2
        for f in parts
        if f.hedge == "exact" and f.interval.low is not None and f.interval.high is not None
    ]
    finest = min((w for w in widths if w > 0), default=None)
    for f in parts:
        iv = f.interval
        if f.hedge == "about":
            yield replace(f, interval=near_interval(f))
            continue
        if (
            finest is None
            or f.hedge != "exact"
            or f.value is None
            or iv.low is None
            or iv.high is None
            or (iv.high - iv.low) / 2 <= finest
        ):
            yield f
        else:
            yield replace(f, interval=Interval(f.value - finest, f.value + finest))


# Parts written to one step, up to this many, are added within one step of their sum: three parts each rounded
# as far as they can go the same way is not how an editor reads "£1.5m, £1.4m and £0.9m" (£3.8m, not £3.65m
# to £3.95m); more parts keep every part's rounding (a long table may drift by more than a step).
ROUNDED_PARTS_CAPPED = 3


# A figure written past its decimal point ("£1.5m", "2.8km"): told to a step finer than its unit.
_DECIMAL = compile_regex("decimal", r"\d\.\d")


def _rounded_sum(acc: Interval, parts: list[Fact]) -> Interval:
    """The parts' sum read within one step of its figure when at most ``ROUNDED_PARTS_CAPPED`` exact parts
    share one step: "£1.5m ... a further £1.4m ... the remaining £0.9m" adds to £3.7m-£3.9m."""
    if len(parts) > ROUNDED_PARTS_CAPPED or any(f.hedge != "exact" or f.value is None for f in parts):
        return acc
    if not all(_DECIMAL.search(f.text) for f in parts):
        return acc  # "£5m upfront ... a further £8m ... the remaining £11m": round figures, loosely rounded
    halves = [
        (f.interval.high - f.interval.low) / 2
        for f in parts
        if f.interval.low is not None
        and f.interval.high is not None
        and f.value is not None
        and f.interval.low < f.value < f.interval.high
    ]
    if len(halves) != len(parts) or len(set(halves)) != 1 or acc.low is None or acc.high is None:
        return acc
    step = 2 * halves[0]
    mid = sum((f.value for f in parts if f.value is not None), Decimal(0))
    return Interval(max(acc.low, mid - step), min(acc.high, mid + step))


def _met_above(acc: Interval, tiv: Interval) -> bool:
    """The parts' rounding range meets the whole's at its top only: "£21m + £11m + £6m" (£36.5m to £39.5m)
    against "£36m" (£35.5m to £36.5m). Every part would have to sit at the bottom edge of its rounding and the
    whole at the top of its own, which no one rounding rule allows (half up puts £36.5m in "£37m"): the parts
    add up to more than the whole. Ranges of no width (plain counts, "3 of the 4") are exact and meet only
    when equal. (Parts meeting the whole from below are left alone: a rest told loosely, "£5m upfront, a
    further £8m and the remaining £11m" of "£26m", is how round money is written.)"""
    if not acc.bounded or not tiv.bounded or acc.low == acc.high or tiv.low == tiv.high:
        return False
    return acc.low == tiv.high


def _one_past(view: View, ti: int, items: tuple[int, ...], values: list[Decimal], tv: Decimal) -> bool:
    """A sum far above its total is another quantity, unless one part alone has passed the whole, the
    shape of a slip ("3,100 of the 2,850 jobs"): every other part fits within the total, and the largest
    counts what the total counts, or names nothing ("2,100 cases" beside "700 died" is another count)."""
    from numcheck.relations import doc_of

    top = max(range(len(values)), key=lambda k: values[k])
    if sum(values, Decimal(0)) - values[top] > tv:
        return False
    frame = doc_of(view).m.frame
    whole, part = frame(ti).concept, frame(items[top]).concept
    return not whole or not part or whole == part


# How a hedged whole is named in a verdict, so the sum is set against what the text tells: "= 37, not more
# than 40" rather than "= 46, not 46" for "Over 46 ..." read as a bound.
_HEDGE_WORDS = frozenset({"more than", "at least", "less than", "at most", "nearly", "about"})


def _unit_told(parts: list[Fact]) -> str:
    """The unit the measured parts are told in, as written ("204km + 93km = 297km", "410 tonnes + 250 tonnes =
    660 tonnes"); nothing for counts and money, whose sums carry their signs and scales already."""
    if any(f.kind != "measure" or f.unit != parts[0].unit for f in parts):
        return ""
    m = _UNIT_TAIL.search(parts[0].text)
    return m.group() if m else ""


# The unit written after a measure's digits: "km" of "204km", " tonnes" of "410 tonnes".
_UNIT_TAIL = re.compile(r"\s*[^\d\s.,][^\d]*$")


def _as_told(total: Fact) -> str:
    """The whole with its hedge, when its text lacks it: "more than 40" for the 40 of "Over 40 people"."""
    word = total.hedge if total.hedge in _HEDGE_WORDS else ""
    return f"{word} {total.text}" if word and not total.text.lower().startswith(word) else total.text


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    from numcheck.checks.total import _scaled

    ti = rel.get("total")
    items = rel.all("item")
    if ti is None or len(items) < 2:
        return None
    facts = view.facts
    total = facts[ti]
    parts = [facts[i] for i in items]
    read = list(_common_precision(parts))
    acc = _rounded_sum(total_of(read), read)
    # "around 9,600 jobs" over parts listed to the job: the total is their sum rounded, read near its
    # printed figure (an "about" of ±10% would pass a part that is 1,000 off).
    # A place's figures against the story's "at least 100" read that whole near its figure too (see
    # judges/part.py): a writer who knew of 120 in two towns would not write "at least 100".
    near = total.hedge == "about" or (rel.label("frame") == "scope" and total.hedge in ("more than", "at least"))
    tiv = near_interval(total) if near else value_interval(total)
    if rel.label("unit") and total.value is not None:
        tiv = Interval(total.value, total.value)  # "Of every £1 spent, 53p ...": the unit split, exactly
    if near and total.hedge == "about" and rel.label("rest") == "told" and total.value is not None:
        # "Some 48,200 ballots ... A 26,900, B 12,400 and C 10,300, with others sharing the rest": parts
        # written to the hundred that leave a rest are read against the whole within its last written digit
        exponent = total.value.normalize().as_tuple().exponent
        if isinstance(exponent, int):
            step = Decimal(1).scaleb(exponent)
            tiv = Interval(total.value - step, total.value + step)
    inclusive = bool(rel.label("inclusive"))
    plain = total.hedge == "exact" and all(f.hedge == "exact" for f in read) and acc == total_of(read)
    met = plain and _met_above(acc, tiv)
    if (acc.overlaps(tiv) and not met) or (inclusive and not entirely_above(acc, tiv) and not met):
        return None
    values = [point(f) or Decimal(0) for f in parts]
    shown = sum(values, Decimal(0))
    tv = point(total)
    limit = rule.params["max_ratio"]
    if not tv or tv <= 0 or not tv / limit <= shown:
        return None
    if shown > tv * limit and not _one_past(view, ti, items, values, tv):
        return None
    return Hit(
        total.span,
        tuple(f.span for f in parts),
        (
            ("parts", " + ".join(f.text for f in parts)),
            ("sum", _scaled(shown, parts) + _unit_told(parts)),
            ("total", total.text),
            ("whole", total.text),
            ("part", parts[0].text),
            ("verdict", f"more than the {total.text} they are part of" if inclusive else f"not {_as_told(total)}"),
        ),
    )
