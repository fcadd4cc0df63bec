"""Judge ``multiple``: "doubled", "tripled", "halved", "three times" agree with from → to."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import ABOUT_WIDTH, NEARLY_WIDTH, Interval
from numcheck.judges.arith import lengths_alike, value_interval
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
# Words after "three times" that make it the factor or one more: "three times more than", "higher than".
_COMPARATIVE = re.compile(r"\s+(?:more|higher|bigger|larger|greater|longer|heavier)\s+than\b", re.I)


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
    one_more = bool(rel.label("or-one-more"))
    ci = rel.get("stated")
    if fi is None and ci is not None and facts[ci].kind == "multiple" and facts[ci].value is not None:
        # "a threefold increase on $8m", "three times higher than": a multiple told as the stated change.
        fi = ci
        one_more = one_more or _COMPARATIVE.match(view.after(facts[ci], 25)) is not None
    word = rel.label("multiple") or (facts[fi].text.lower() if fi is not None else "")
    if ai is None or bi is None or not word:
        return None
    a, b = facts[ai], facts[bi]
    if not (_endpoints_ok(a, b) or lengths_alike(a, b)):
        return None
    factor = rule.compiled["multiples"].get(word) or vocab().multiples.get(word)
    if factor is None and fi is not None:
        factor = facts[fi].value
    ratio = _ratio(value_interval(a), value_interval(b))  # "from two councillors to four": exact counts
    if factor is None or ratio is None:
        return None
    hedge = rel.label("hedge").strip().lower()
    if not hedge and fi is not None:
        hedge = {"nearly": "nearly", "more than": "more than", "at least": "more than"}.get(facts[fi].hedge, "")
    # "three times more than", "three times higher than": writers mean the factor or one more.
    top = factor + 1 if one_more else factor
    if hedge in ("nearly", "almost"):
        want = Interval(factor * (1 - NEARLY_WIDTH), top)
    elif hedge in ("more than", "over", "at least"):
        want = Interval(factor, None, low_open=hedge != "at least")
    elif hedge in ("less than", "at most"):
        want = Interval(Decimal(0), top, high_open=hedge == "less than")
    else:
        want = Interval(factor * (1 - ABOUT_WIDTH), top * (1 + ABOUT_WIDTH))
    if ratio.overlaps(want):
        return None
    av, bv = point(a), point(b)
    shown = f"{format_number(round_to(bv / av, '0.01').normalize())} times" if av and bv else "?"
    return Hit(
        b.span, (a.span,), (("from", a.text), ("to", b.text), ("stated", word), ("computed", shown), ("word", word))
    )
