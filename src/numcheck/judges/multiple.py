"""Judge ``multiple``: "doubled", "tripled", "halved", "three times" agree with from → to."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import ABOUT_WIDTH, NEARLY_WIDTH, Interval
from numcheck.judges.arith import lengths_alike
from numcheck.judges.changes import TEMPLATE_ROLES, from_binding
from numcheck.model import Hit
from numcheck.patterns import View, compile_regex, compile_templates, format_number, point, round_to
from numcheck.relations import Relation
from numcheck.vocab import vocab

if TYPE_CHECKING:
    from numcheck.model import Rule

__all__ = ["TEMPLATE_ROLES", "from_binding", "judge"]

RELATIONS = frozenset({"change"})
ROLES = ("a", "b")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, []), "exclude": (str, r"(?!)"), "multiples": (dict, {})}
FIELDS = frozenset({"from", "to", "stated", "computed", "word"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    multiples: dict[str, Decimal] = {}
    for word, factor in params["multiples"].items():
        if not isinstance(factor, Decimal | int) or isinstance(factor, bool) or factor <= 0:
            raise ValueError(f"multiples.{word}: must be a positive number")
        multiples[word.lower()] = Decimal(factor)
    return {
        "templates": compile_templates("templates", params["templates"], ROLES),
        "exclude": compile_regex("exclude", params["exclude"]),
        "multiples": multiples,
    }


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    from numcheck.checks.change import _endpoints_ok, _ratio

    facts = view.facts
    ai, bi, fi = rel.get("from"), rel.get("to"), rel.get("factor")
    word = rel.label("multiple") or (facts[fi].text.lower() if fi is not None else "")
    if ai is None or bi is None or not word:
        return None
    a, b = facts[ai], facts[bi]
    if not (_endpoints_ok(a, b) or lengths_alike(a, b)):
        return None
    factor = rule.compiled["multiples"].get(word) or vocab().multiples.get(word)
    if factor is None and fi is not None:
        factor = facts[fi].value
    ratio = _ratio(a.interval, b.interval)
    if factor is None or ratio is None:
        return None
    hedge = rel.label("hedge").strip().lower()
    if not hedge and fi is not None:
        hedge = {"nearly": "nearly", "more than": "more than", "at least": "more than"}.get(facts[fi].hedge, "")
    if hedge in ("nearly", "almost"):
        want = Interval(factor * (1 - NEARLY_WIDTH), factor)
    elif hedge in ("more than", "over"):
        want = Interval(factor, None, low_open=True)
    else:
        want = Interval(factor * (1 - ABOUT_WIDTH), factor * (1 + ABOUT_WIDTH))
    if ratio.overlaps(want):
        return None
    av, bv = point(a), point(b)
    shown = f"{format_number(round_to(bv / av, '0.01').normalize())} times" if av and bv else "?"
    return Hit(
        b.span, (a.span,), (("from", a.text), ("to", b.text), ("stated", word), ("computed", shown), ("word", word))
    )
