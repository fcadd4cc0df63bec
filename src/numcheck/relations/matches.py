"""Match relations: a football report's goal and substitution minutes in its prose against its goal list and
line-ups (match-minute)."""

from __future__ import annotations

from collections.abc import Iterator

from numcheck import minutes
from numcheck.relations.base import Relation, _Doc


def _match_minutes(d: _Doc) -> Iterator[Relation]:
    """``match-minute``: a goal's minute as the prose tells it (``minute``; ``from``, the minute "20 minutes
    later" counts from), with labels ``told`` (the minute), ``scorer`` and ``listed`` (the goal list's
    minutes for that scorer, whose spans are the cues); a substitution's minute (label ``event``
    "substitution") against the line-ups' minutes for the players its clause names."""
    for g in minutes.told_goals(d.m):
        roles = (("minute", g.fact),) + ((("from", g.anchor),) if g.anchor >= 0 else ())
        labels = (
            ("told", str(g.minute)),
            ("scorer", g.scorer),
            ("listed", " ".join(str(x.minute) for x in g.listed)),
        ) + ((("bound", "at-most"),) if g.within else ())
        yield Relation("match-minute", roles, (*g.cues, *(x.span for x in g.listed)), "document", labels)
    for sub in minutes.told_substitutions(d.m):
        labels = (
            ("told", str(sub.minute)),
            ("scorer", sub.players),
            ("listed", " ".join(str(x.minute) for x in sub.listed)),
            ("event", "substitution"),
        )
        cues = (*sub.cues, *(x.span for x in sub.listed))
        yield Relation("match-minute", (("minute", sub.fact),), cues, "document", labels)
