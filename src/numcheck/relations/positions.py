"""Positions: a move in a chart or ranking against the places it moves between.

"The single climbed to number five from 13" and "she slipped to 12th from fifth" are moves whose
way is told by a word and by two places; a place is better the smaller its number, so a rise must
end on a smaller number ("rose to number 12 from number 4" cannot be). A place is an ordinal the fact
table reads ("fifth", "12th", "number five"); the other end may be a bare number ("up from 13"). The
relation is a ``rank-move`` (from, to) whose label ``direction`` is the way of the numbers, the
opposite of the word's; the direction judge tells it as a move in a ranking (NC215).
"""

from __future__ import annotations

from collections.abc import Iterator

from numcheck.mentions import CLAUSE_END
from numcheck.relations.base import Relation, _Doc
from numcheck.relations.compare import _tables

# Tokens from the move's word to the first of its places.
WORD_REACH = 6
# Tokens between the two places ("to number five, up from 13 last week").
PLACES_REACH = 6
_FLIP = {"up": "down", "down": "up"}


def _place(d: _Doc, fi: int, bare: bool, shaped: bool = False) -> bool:
    """A place in a ranking: an ordinal, or (``bare``) a whole number with no noun of its own; with
    ``shaped`` ("at five, up from 13") a whole number whatever noun the fact table gave it."""
    f = d.facts[fi]
    if f.value is None or f.is_range or f.value != f.value.to_integral_value() or f.value < 1:
        return False
    if f.kind == "ordinal":
        return True
    # A name the fact table gave as the subject ("Hale has risen from 31") is whose place it is, not a noun.
    named = (f.subject or "")[:1].isupper()
    return bare and f.kind in ("count", "number") and f.hedge == "exact" and (shaped or not f.subject or named)


def _ranked_sentence(d: _Doc, si: int) -> bool:
    """The sentence tells places in a ranking: a place the fact table reads ("number 18", "to fifth")."""
    return any(t.fact >= 0 and d.facts[t.fact].subject == "position" for t in d.m.tokens[si])


def _top(d: _Doc, fi: int) -> bool:
    """The first place told as a place: "first position", "number one" (not a bare "1")."""
    f = d.facts[fi]
    return f.kind == "ordinal" and f.value == 1 and f.subject == "position"


def _rank_moves(d: _Doc) -> Iterator[Relation]:
    """ "climbed to number five from 13", "rose to fifth from 12th", "at number five, up from 13",
    "fell from second to ninth place": a word of a move and two places joined by "to" and "from"."""
    for si, toks in enumerate(d.m.tokens):
        if not any(t.fact >= 0 and d.facts[t.fact].kind == "ordinal" for t in toks):
            continue
        words = d.m.words[si]
        for k in range(len(words)):
            hit = d.v.direction.starting_at(words, k)
            if hit is None:
                continue
            way, after = hit
            ends: dict[str, int] = {}
            # "at number five, up from 13": the place before the comma is where it stands now, and the
            # clause ends at the next comma ("..., up from four, and a chef who climbs to number 20").
            comma = words[k] in ("up", "down") and k >= 2 and words[k - 1] == "," and toks[k - 2].fact >= 0
            if comma:
                ends["to"] = toks[k - 2].fact
            j = after
            while j < len(words) and j - after < WORD_REACH + PLACES_REACH and words[j] not in CLAUSE_END:
                if comma and words[j] == ",":
                    break
                if words[j] in _JOINS and any(
                    d.v.direction.starting_at(words, x) is not None
                    for x in range(j + 1, min(len(words), j + 1 + JOINED_SUBJECT))
                ):
                    break  # "..., down 4.7%, and Ferncliffe Gardens rose from fifth to third": the places are that move's
                if words[j] in ("to", "from") and j + 1 < len(words) and toks[j + 1].fact >= 0:
                    ends.setdefault(words[j], toks[j + 1].fact)
                j += 1
            # "at five, up from 13" in a sentence of places: a bare place told by its shape.
            shaped = comma and k >= 3 and words[k - 3] == "at" and _ranked_sentence(d, si)
            a, b = ends.get("from"), ends.get("to")
            if a is not None and b is None and way == "up" and _top(d, a):
                # "rising from first position last year": a rise from the top place, with no place above it.
                yield Relation("rank-move", (("from", a),), (d.span(si, k, after),), "clause", (("direction", "down"),))
                continue
            if a is None and b is not None and _place(d, b, False) and _was_first(d, si, k):
                # "Last week's number one, Red Harbour, fell three places to number two": the move starts at 1.
                steps = _steps(d, si, after)
                roles: tuple[tuple[str, int], ...] = (("to", b),) + ((("by", steps),) if steps >= 0 else ())
                told = (("direction", _FLIP[way]), ("from_place", "1"))
                yield Relation("rank-move", roles, (d.span(si, k, after),), "clause", told)
                continue
            if a is None or b is None or a == b:
                continue
            fa, fb = d.facts[a], d.facts[b]
            if not (fa.kind == "ordinal" or fb.kind == "ordinal" or shaped):
                continue
            if not (_place(d, a, True, shaped) and _place(d, b, True, shaped)):
                continue
            labels = (("direction", _FLIP[way]),)
            roles = (("from", a), ("to", b))
            steps = _steps(d, si, after)
            if steps >= 0:
                roles += (("by", steps),)  # "climbed six places to number four from 12": 12 - 4 is 8
            yield Relation("rank-move", roles, (d.span(si, k, after),), "clause", labels)


# Words that join a clause of another subject, and the words its subject may take before its own move word.
_JOINS = frozenset({"and", "but", "while", "whereas"})
JOINED_SUBJECT = 4


def _was_first(d: _Doc, si: int, k: int) -> bool:
    """The clause before the move's word at ``k`` names its subject as the last period's first place:
    "Last week's number one", "last year's winner", "the previous week's chart-topper"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    leaders = _tables().leaders
    for j in range(d.m.clause_start(si, k), k):
        fi = toks[j].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind == "relative" and f.value is not None and f.value < 0 and f.text.lower().endswith(("'s", "\u2019s")):
            if leaders.starting_at(words, j + 1) is not None:
                return True
    return False


def _steps(d: _Doc, si: int, j: int) -> int:
    """The number of places a move is told to cover, right after its word ("rose six places", "up three
    spots"): the count's fact, else -1."""
    words = d.m.words[si]
    fi = d.fact_at(si, j)
    if fi < 0 or j + 1 >= len(words) or words[j + 1] not in _tables().step_nouns:
        return -1
    f = d.facts[fi]
    ok = f.kind in ("count", "number") and f.value is not None and f.hedge == "exact" and not f.is_range
    return fi if ok else -1
