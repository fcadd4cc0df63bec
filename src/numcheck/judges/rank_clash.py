"""Judge ``rank-clash``: places of one ranking that cannot all be true.

One place of one chart in one week holds one entry, and the first place has no entry ahead of it.

"Red Harbour fell to number three" and "Paper Moon entered at number three", told of one chart and
one week, cannot both be true unless the two share the place, which the text would say ("joint
third"). The builder (relations/compare.py ``_rank_clashes``) pairs two places of the same number whose
entries are named apart; the judge checks that the two places' own numbers agree. A first place told
by a superlative with an entry put ahead of it (``_tops_behind``: "the most visited ..., behind A") is a
relation of words alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"rank-clash"})
ROLES = ("a", "b")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"place", "said_first", "said_second", "detail"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    text = view.doc.text
    if rel.label("top") and len(rel.cues) == 2:
        # "the most visited ..., behind A": a first place with an entry ahead of it.
        top, ahead = (text[c.start : c.end] for c in rel.cues)
        detail = f"'{top}' is the first place, and '{ahead}' puts another entry ahead of it"
        fields = (("place", "1"), ("said_first", top), ("said_second", ahead), ("detail", detail))
        return Hit(rel.cues[0], (rel.cues[1],), fields)
    if rel.label("larger") and len(rel.cues) >= 2:
        return _outnumbered(rel, text)
    if (rel.label("ahead") or rel.label("above")) and len(rel.cues) == 2:
        return _behind(rel, text)
    place = rel.label("place")
    if not place or len(rel.cues) < 2:
        return None
    told = [view.facts[i] for i in (rel.get("a"), rel.get("b")) if i is not None]
    for f in told:
        # A place's own ordinal must be the place the pair is told at; a figure stands for its entry.
        if f.kind == "ordinal" and (f.value is None or int(f.value) != int(place)):
            return None
    said = [text[c.start : c.end] for c in rel.cues[:2]]
    first, second = rel.label("first") or "one entry", rel.label("second") or "another"
    detail = f"two entries ({first}; {second}) cannot hold place {place} of one chart in one week"
    fields = (
        ("place", place),
        ("said_first", said[0]),
        ("said_second", said[1]),
        ("detail", detail),
    )
    return Hit(rel.cues[1], (rel.cues[0], *(f.span for f in told)), fields)


_COUNTS = ("no", "one", "two", "three", "four", "five", "six")


def _behind(rel: Relation, text: str) -> Hit | None:
    """A place and the entries named ahead of it: "second ..., behind A on 60 and B on 55" leaves one place
    above it for two entries; "second, behind third-placed C" puts a worse place ahead."""
    place = int(rel.label("place"))
    said, ahead = (text[c.start : c.end] for c in rel.cues)
    if rel.label("above"):
        above = int(rel.label("above"))
        if above < place:
            return None
        detail = f"an entry at place {above} cannot be ahead of place {place}"
    else:
        count = int(rel.label("ahead"))
        if rel.label("only"):
            # "the warmest ... Only one summer has been hotter", "the third-busiest day ... Only one day has
            # been busier": the entries said to be ahead are exactly the place's number less one.
            if count == place - 1:
                return None
            names = _COUNTS[count] if count < len(_COUNTS) else str(count)
            room = "no entry" if place == 1 else _COUNTS[place - 1] if place - 1 < len(_COUNTS) else str(place - 1)
            verb = "is" if count == 1 else "are"
            detail = f"place {place} has {room} ahead of it, and {names} {verb} said to be ahead"
            fields = (("place", str(place)), ("said_first", said), ("said_second", ahead), ("detail", detail))
            return Hit(rel.cues[0], (rel.cues[1],), fields)
        if count < place:
            return None
        names = _COUNTS[count] if count < len(_COUNTS) else str(count)
        room = _COUNTS[place - 1] if place - 1 < len(_COUNTS) else str(place - 1)
        detail = f"place {place} leaves room for {room} ahead of it, and {names} are named ahead"
    fields = (("place", str(place)), ("said_first", said), ("said_second", ahead), ("detail", detail))
    return Hit(rel.cues[0], (rel.cues[1],), fields)


def _outnumbered(rel: Relation, text: str) -> Hit | None:
    """A place and the rivals the text gives a better figure: "third" with three rivals ahead on their
    figures leaves the entry fourth at best."""
    place, count = int(rel.label("place")), int(rel.label("larger"))
    if count < place:
        return None
    said = text[rel.cues[0].start : rel.cues[0].end]
    figures = ", ".join(text[c.start : c.end] for c in rel.cues[1:])
    names = _COUNTS[count] if count < len(_COUNTS) else str(count)
    room = _COUNTS[place - 1] if place - 1 < len(_COUNTS) else str(place - 1)
    room = "none" if place == 1 else room
    others = "other has a better figure" if count == 1 else "others have better figures"
    detail = f"place {place} leaves room for {room} ahead of it, and {names} {others}"
    fields = (("place", str(place)), ("said_first", said), ("said_second", figures), ("detail", detail))
    return Hit(rel.cues[0], rel.cues[1:], fields)
