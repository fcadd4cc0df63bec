"""Judge ``match-sets``: a match told as a win must end on a set the winner takes, with more sets than
the loser and no more than a best-of-five match needs.

"Ruiz beat Li 6-4 3-6 6-2" is two sets to one. "Ruiz beat Li 2-6 4-6 6-4 7-5" is two sets all: the
match is not over, so a set is mistyped (or the word of winning is wrong). So is "6-4 6-3 4-6" (the
last set lost: the match ended after the second) and "6-2 6-3 6-4 6-1" (four sets won: no match goes
on after three), and a score whose lost sets are not the sets the text says the winner dropped ("dropped a
set before winning 6-3 6-4 6-2"). The scores are read from the winner's side, the way a report gives them after a
word of winning; the builder reads no sentence with a word of losing or of a match that did not end.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit, Span
from numcheck.patterns import View
from numcheck.relations import Relation
from numcheck.relations.compare import _games

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"match"})
ROLES = ("set",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"score", "won", "lost", "why"})

# Sets a winner takes in the longest match tennis plays (best of five).
MOST_SETS_WON = 3


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    sets = [view.facts[i] for i in rel.all("set")]
    games = [_games(f.text) for f in sets]
    if len(sets) < 2 or any(g is None for g in games):
        return None
    won = sum(1 for g in games if g is not None and g[0] > g[1])
    lost = sum(1 for g in games if g is not None and g[0] < g[1])
    last = games[-1]
    told = rel.label("dropped")
    if told.isdigit() and int(told) != lost:
        n = int(told)
        why = f"the text says the winner dropped {'no' if n == 0 else n} set{'' if n == 1 else 's'}"
    elif won <= lost:
        why = "the match would not be over"
    elif last is not None and last[0] < last[1]:
        why = "the match was over before its last set"
    elif won > MOST_SETS_WON:
        why = f"no match goes on after the winner's {MOST_SETS_WON}rd set"
    else:
        return None
    # Which set is mistyped the score cannot tell: the finding marks the whole score (and the words that
    # count the sets dropped, when they are what it breaks).
    span = Span(sets[0].span.start, sets[-1].span.end)
    fields = (("score", rel.label("score")), ("won", str(won)), ("lost", str(lost)), ("why", why))
    return Hit(span, tuple(rel.cues) if told.isdigit() and int(told) != lost else (), fields)
