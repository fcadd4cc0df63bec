"""Judge ``tie-break``: a set won 7-6 cannot have its tie-break lost, told from the same side.

"7-6 (7-3)" is a set won on a tie-break of seven points to three; "7-6 (3-7)"
says the side that took the set lost its tie-break, which cannot be. A lost set's bracket is
not judged: "6-7 (7-2)" gives the tie-break's winner first, as some reports do.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation
from numcheck.relations.compare import _games

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"tie-break"})
ROLES = ("set", "tie-break")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"set", "tie_break", "winner"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    si, ti = rel.get("set"), rel.get("tie-break")
    if si is None or ti is None:
        return None
    s, t = view.facts[si], view.facts[ti]
    games, points = _games(s.text), _games(t.text)
    if games is None or points is None:
        return None
    # Writers give the bracket from the set's side ("6-7 (3-7)") or with the tie-break's winner first
    # ("6-7 (7-2)"); under either, a set won 7-6 never has its bracket's first score the smaller.
    if games[0] < games[1] or points[0] > points[1]:
        return None
    winner = "the first side"
    return Hit(t.span, (s.span,), (("set", s.text), ("tie_break", t.text), ("winner", winner)))
