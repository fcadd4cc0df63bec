"""What the change judges share: template roles, the direction and multiple words of a template match."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck import startcache
from numcheck.patterns import Binding, View
from numcheck.relations import Relation
from numcheck.vocab import vocab, words_of

if TYPE_CHECKING:
    from numcheck.model import Rule

# Templates of the change rules bind a (from), b (to), c (the stated change), m (a multiple figure).
TEMPLATE_ROLES = {"a": "from", "b": "to", "c": "stated", "m": "factor"}
_FIGURE = startcache.compile(r"#\d+:[a-z]+#")


def from_binding(rel: Relation, b: Binding, view: View, rule: Rule) -> Relation | None:
    """Label a template's change with the direction and multiple words of its match."""
    exclude = rule.compiled.get("exclude")
    skel = view.skeletons[b.sentence]
    if exclude is not None and view.memo(
        f"excluded:{rule.code}:{b.sentence}", lambda v: bool(v.search(exclude, skel, trusted=rule.trusted))
    ):
        return None  # one search per sentence and rule, not one per binding
    words = words_of(_FIGURE.sub(" ", skel[b.start : b.end]))
    v = vocab()
    found = set()
    for i in range(len(words)):
        hit = v.direction.starting_at(words, i)
        if hit:
            found.add(hit[0])
    labels = dict(rel.labels)
    if len(found) == 1:
        labels["direction"] = found.pop()
    mult = (b.groups.get("mult") or "").strip().lower()
    if mult:
        labels["multiple"] = mult
    return Relation(rel.kind, rel.roles, rel.cues, rel.evidence, tuple(sorted(labels.items())))
