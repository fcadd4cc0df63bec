"""Check kind ``ratio``: does a stated share match part ÷ whole, and can a small n give it?

``test = "share"``: templates bind ``part``, ``whole`` and ``share``
("70 of 120 staff (58%)", "58% of 120 staff, or 70"); ``lookup`` templates
bind only ``part`` and ``share`` and name the whole in a ``noun`` group
("5.6 million, or 24% of the population"), which is then found anywhere in
the document among the figures labelled with that noun ("a population of
23 million"). ``test = "grim"``: templates bind ``whole`` and ``share``; the
share must be k ÷ n for some whole k when n is a small exact count.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import (
    View,
    as_percent,
    compile_templates,
    content_words,
    format_number,
    point,
    rounded_like,
    share_of,
)

if TYPE_CHECKING:
    from numcheck.model import Rule

PARAMS: dict[str, tuple[type, Any]] = {
    "test": (str, "share"),
    "templates": (list, []),
    "lookup": (list, []),
    "max_n": (Decimal, Decimal(100)),
}
FIELDS = frozenset({"part", "whole", "share", "computed"})
TESTS = ("share", "grim")


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    if params["test"] not in TESTS:
        raise ValueError(f"test: {params['test']!r} is not one of {', '.join(TESTS)}")
    roles = ("part", "whole", "share") if params["test"] == "share" else ("whole", "share")
    return {
        "templates": compile_templates("templates", params["templates"], roles),
        "lookup": compile_templates("lookup", params["lookup"], ("part", "share")),
    }


def find(rule: Rule, view: View) -> Iterator[Hit]:
    facts = view.facts
    if rule.params["test"] == "grim":
        yield from _grim(rule, view)
        return
    for b in view.bind(rule.compiled["templates"], trusted=rule.trusted):
        hit = _compare(view, b.roles["part"], b.roles["whole"], b.roles["share"])
        if hit:
            yield hit
    for b in view.bind(rule.compiled["lookup"], trusted=rule.trusted):
        part = facts[b.roles["part"]]
        wholes = _lookup_whole(view, b.groups.get("noun", ""), b.roles["part"], b.roles["share"], part.sentence)
        if wholes is None:
            continue
        hit = _compare(view, b.roles["part"], wholes, b.roles["share"])
        if hit:
            yield hit


def _compare(view: View, pi: int, wi: int, si: int) -> Hit | None:
    facts = view.facts
    part, whole, share = facts[pi], facts[wi], facts[si]
    if part.kind == "money" or whole.kind == "money":
        if part.unit != whole.unit:
            return None
    elif part.unit != whole.unit and part.unit and whole.unit:
        return None
    stated = as_percent(share)
    computed = share_of(part.interval, whole.interval) if part.interval.bounded else None
    if stated is None or computed is None or computed.overlaps(stated):
        return None
    pv, wv = point(part), point(whole)
    if pv is None or wv is None or wv == 0:
        return None
    value = rounded_like(pv / wv * 100, share.text) + "%"
    return Hit(
        span=share.span,
        related=(part.span, whole.span),
        fields=(("part", part.text), ("whole", whole.text), ("share", share.text), ("computed", value)),
    )


def _lookup_whole(view: View, noun: str, pi: int, si: int, sentence: int) -> int | None:
    """The one figure in the document labelled with ``noun``, nearest first; None if unclear."""
    words = [w for w in content_words(noun)]
    if not words:
        return None
    pools = [set(view.by_label.get(w, ())) for w in words]
    candidates = set.intersection(*pools) if all(pools) else set()
    if not candidates:
        # "the population" matches "the island's pre-flood population of 410,000" by its head noun.
        candidates = set(view.by_label.get(words[-1], ())) if len(words) > 1 else set()
    facts = view.facts
    usable = [
        i
        for i in candidates
        if i not in (pi, si)
        and facts[i].kind in ("count", "number")
        and facts[i].value is not None
        and facts[i].interval.bounded
        and not facts[i].is_range
    ]
    if not usable:
        return None
    usable.sort(key=lambda i: (abs(facts[i].sentence - sentence), facts[i].span.start))
    best = usable[0]
    # Two different figures for the same noun at the same distance: which whole is meant is unclear.
    for other in usable[1:]:
        if abs(facts[other].sentence - sentence) > abs(facts[best].sentence - sentence):
            break
        if not facts[other].interval.overlaps(facts[best].interval):
            return None
    return best


def _grim(rule: Rule, view: View) -> Iterator[Hit]:
    facts = view.facts
    max_n = rule.params["max_n"]
    for b in view.bind(rule.compiled["templates"], trusted=rule.trusted):
        whole, share = facts[b.roles["whole"]], facts[b.roles["share"]]
        if whole.hedge != "exact" or whole.value is None or whole.value != whole.value.to_integral_value():
            continue
        n = int(whole.value)
        stated = as_percent(share) if share.kind == "percent" else None
        if not (0 < n <= max_n) or stated is None:
            continue
        if any(stated.contains(Decimal(k) * 100 / n) for k in range(n + 1)):
            continue
        # The nearest achievable shares, to show the arithmetic.
        target = point(share) or Decimal(0)
        k = min(range(n + 1), key=lambda k: abs(Decimal(k) * 100 / n - target))
        near = rounded_like(Decimal(k) * 100 / n, share.text + ".0")
        yield Hit(
            span=share.span,
            related=(whole.span,),
            fields=(
                ("part", format_number(k)),
                ("whole", whole.text),
                ("share", share.text),
                ("computed", f"{near}%"),
            ),
        )
