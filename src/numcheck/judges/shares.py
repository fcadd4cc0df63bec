"""Judge ``within-100``: the shares of one whole, each a separate group, add up to at most 100%."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.model import Hit
from numcheck.patterns import View, compile_regex, entirely_above, format_number, point
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"shares"})
ROLES = ()
PARAMS: dict[str, tuple[type, Any]] = {
    # Answers to one question: "45% said ...". Not "were": "60% were women, 70% were over 40" splits two ways.
    "breakdown": (
        str,
        r"^\s+(?:said|say|says|voted|backed|supported|opposed|chose|preferred|favou?red|answered|replied)\b",
    ),
    "exclude": (str, r"(?!)"),
}
FIELDS = frozenset({"part", "whole", "parts", "sum", "total"})
# Characters of skeleton after a share that ``breakdown`` may look at.
AFTER = 200


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    # The rule's exclude words guard its own sentence reading (more_relations), not the relations the
    # builders find, which carry their own guards: "59% are men compared to 51% women" is one whole.
    return {
        "templates": (),
        "breakdown": compile_regex("breakdown", params["breakdown"]),
        "sentence_exclude": compile_regex("exclude", params["exclude"]),
    }


def more_relations(rule: Rule, view: View) -> Iterator[Relation]:
    """Answers to one question in one sentence: every share followed by an answer verb ("55% said")."""
    import re

    token = re.compile(r"#(\d+):percent#")
    facts = view.facts
    for si, idxs in enumerate(view.by_sentence):
        pcts = [i for i in idxs if facts[i].kind == "percent" and facts[i].interval.low is not None]
        if len(pcts) < 2:
            continue
        skel = view.skeletons[si]
        if view.search(rule.compiled["sentence_exclude"], skel, trusted=rule.trusted):
            continue
        ends = {int(m.group(1)): m.end() for m in token.finditer(skel)}
        listed = [
            i
            for i in pcts
            if i in ends
            and view.search(rule.compiled["breakdown"], skel[ends[i] : ends[i] + AFTER], trusted=rule.trusted)
        ]
        if len(listed) >= 2:
            yield Relation("shares", tuple(("item", i) for i in listed), (), "template")


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    facts = view.facts
    items = rel.all("item")
    if len(items) < 2:
        return None
    acc = Interval(Decimal(0), Decimal(0))
    for i in items:
        iv = facts[i].interval
        if iv.low is None:
            return None
        acc = acc + Interval(iv.low, iv.high)
    if not entirely_above(acc, Interval(Decimal(0), Decimal(100))):
        return None
    shown = sum((point(facts[i]) or Decimal(0)) for i in items)
    return Hit(
        facts[items[0]].span,
        tuple(facts[i].span for i in items[1:]),
        (
            ("parts", " + ".join(facts[i].text for i in items)),
            ("sum", format_number(shown) + "%"),
            ("total", "100%"),
            ("whole", "100%"),
            ("part", facts[items[0]].text),
        ),
    )
