"""Judges: one named algorithm each, over the relations of a document.

A rule file names the relation it reads and the judge that tests it
(``relation = "share"``, ``judge = "share"``). Each judge module offers:

- ``RELATIONS``: the relation kinds it can judge;
- ``ROLES``: the roles a template of the rule must bind (templates stay as
  one more source of relations, so user rules keep working);
- ``PARAMS``, ``FIELDS``, ``compile(params)``: as a check kind's;
- ``judge(rel, view, rule)``: a Hit when the relation's figures cannot all
  be true, else None.

``find(rule, view)`` is the same for every judge: the document's relations
of the rule's kind, plus those its templates bind, each judged once.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Iterator, Mapping
from types import ModuleType
from typing import TYPE_CHECKING

from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation, build, doc_of

if TYPE_CHECKING:
    from numcheck.model import Rule

# Judge name → its module in this package. A module is imported the first time a rule needs it
# (``module``): a document gives few relations, and a judge with nothing to judge is not loaded.
JUDGES: dict[str, str] = {
    "share": "share",
    "part-within-whole": "part",
    "sum": "sum_parts",
    "change": "change",
    "points": "points",
    "tie-break": "tie_break",
    "set-told": "set_told",
    "race-gap": "race_gap",
    "tally-order": "tally_order",
    "match-sets": "match_sets",
    "ordinal-within": "ordinal",
    "direction": "direction",
    "multiple": "multiple",
    "range-order": "range_order",
    "count-items": "enumeration",
    "remainder": "remainder",
    "flow": "flow",
    "within-100": "shares",
    "portion-bound": "portion",
    "same-day": "same_day",
    "currency-rate": "currency",
    "period-rate": "period_rate",
    "day-in-month": "day_in_month",
    "weekday-year": "weekday_year",
    "qualifier-range": "qualifier",
    "restatement": "restatement",
    "score": "score",
    "scoring": "scoring",
    "grim": "grim",
    "extreme": "extreme",
    "unit-conversion": "unit_conversion",
    "elapsed": "elapsed",
    "clock-elapsed": "clock_elapsed",
    "age-at": "age_at",
    "kin-age": "kin_age",
    "run-days": "run_days",
    "day-order": "day_order",
    "match-minute": "match_minute",
    "tally": "tally",
    "rank-clash": "rank_clash",
    "overall-majority": "majority",
}
# The judges that read more than the built relations and their templates (their ``more_relations``):
# the others have nothing to judge in a document without relations of their rule's kind.
MORE_RELATIONS = frozenset({"share", "within-100"})


@functools.cache
def module(name: str) -> ModuleType:
    """The module of the judge ``name`` (a key of ``JUDGES``)."""
    return importlib.import_module(f"numcheck.judges.{JUDGES[name]}")


def relations_of(view: View) -> Mapping[str, tuple[Relation, ...]]:
    """The document's relations by kind, built once per view."""
    return view.memo("relations", build)  # type: ignore[no-any-return]


def template_relations(rule: Rule, view: View) -> Iterator[Relation]:
    """Relations bound by the rule's own templates (evidence "template")."""
    judge = module(rule.judge)
    rename = getattr(judge, "TEMPLATE_ROLES", {})
    for b in view.bind(rule.compiled.get("templates", ()), trusted=rule.trusted):
        if _binds_size_bound(view, b.roles.values()):
            continue  # "Schools with over 1,000 pupils rose from 84 to 97": 1,000 bounds the schools, no change
        roles = tuple((rename.get(r, r), i) for r, i in b.roles.items())
        labels = tuple(sorted(b.groups.items()))
        extra = getattr(judge, "from_binding", None)
        rel = Relation(rule.relation.split(",")[0], roles, (), "template", labels)
        if extra is not None:
            rel = extra(rel, b, view, rule)
        if rel is not None:
            yield rel


def _binds_size_bound(view: View, figures: Iterable[int]) -> bool:
    """A template bound a figure that only bounds the size of a group's members (``_Doc.size_bound_at``)."""
    d = doc_of(view)
    return any(d.size_bound_at(*d.pos_of(fi)) for fi in figures if fi in d.m.by_fact)


def find(rule: Rule, view: View) -> Iterator[Hit]:
    built = relations_of(view)
    own = [rel for kind in rule.relation.split(",") for rel in built.get(kind, ())]
    if not own and not rule.params.get("templates") and rule.judge not in MORE_RELATIONS:
        # Nothing to judge: a judge's templates come from its "templates" parameter only.
        return
    judge = module(rule.judge)
    seen: set[tuple[tuple[str, int], ...]] = set()
    sources: list[Iterable[Relation]] = [own, template_relations(rule, view)]
    more = getattr(judge, "more_relations", None)
    if more is not None:
        sources.append(more(rule, view))
    exclude = rule.compiled.get("exclude")
    excluded: dict[int, bool] = {}
    for source in sources:
        for rel in source:
            # A relation of words alone ("the most visited, behind A") is keyed by its cues.
            key = tuple(sorted(rel.roles)) or rel.key[1]
            if key in seen or not key:
                continue
            seen.add(key)
            if exclude is not None and rel.roles:
                si = view.facts[rel.roles[0][1]].sentence
                if si not in excluded:
                    excluded[si] = bool(view.search(exclude, view.skeletons[si], trusted=rule.trusted))
                if excluded[si]:
                    continue
            try:
                hit = judge.judge(rel, view, rule)
            except ArithmeticError:
                continue
            if hit is not None:
                # Every span involved, the cue words included ("of those", "doubled").
                text = view.doc.text
                words = tuple(c for c in rel.cues if any(ch.isalnum() for ch in text[c.start : c.end]))
                # Inferred across sentences: at most a warning (design: confidence follows evidence).
                cap = "warning" if rel.evidence == "document" else None
                yield Hit(hit.span, hit.related + words, hit.fields, cap)
