"""A share of a set told with what it says of its members, against a count of that set told elsewhere with
the same words: "52,100 of them were women and children" … "More than nine in ten of the new refugees were
women or children" is one share told twice, 52,100 of the set's count (a ``share``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from numcheck.mentions import CLAUSE_END
from numcheck.relations.base import SHARES, Relation, _Doc

# Sentences apart the share and the count may stand.
PREDICATE_REACH = 8
# Tokens from a figure (or its whole's words) to the verb that says what the set is.
VERB_REACH = 5
# Verbs that say what members of a set are or had.
_LINKS = frozenset({"were", "are", "was", "is"})
# Words of a predicate that carry nothing of its own.
_PLAIN = frozenset({"and", "or", "the", "a", "an", "of", "either", "both", "all", "mostly", "mainly", "also"})
# Words that open the whole of a share told of a set already named.
_DEFINITE = frozenset({"the", "those", "them", "these", "its", "their"})


def _predicate(d: _Doc, si: int, k: int) -> frozenset[str]:
    """The content words after a link verb found within ``VERB_REACH`` tokens from ``k``, to the clause's
    end; empty when none, or when a figure stands among them."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for j in range(k, min(len(words), k + VERB_REACH)):
        if toks[j].fact >= 0 or words[j] in CLAUSE_END or words[j] == ",":
            return frozenset()
        if words[j] in _LINKS:
            out: set[str] = set()
            for x in range(j + 1, len(words)):
                if words[x] in CLAUSE_END or words[x] == ",":
                    break
                if toks[x].fact >= 0 or not words[x].isalpha():
                    return frozenset()
                if words[x] not in _PLAIN:
                    out.add(words[x])
            return frozenset(out) if any(len(w) > 3 for w in out) else frozenset()
    return frozenset()


def _shares_of_predicates(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A share "of" a definite set with a link verb and what it says of them ("nine in ten of the new
    refugees were women or children"), tied to no part, against a part of a whole (a ``part`` relation)
    told in another sentence within ``PREDICATE_REACH`` with the same words after its link verb ("52,100 of
    them were women and children"): one ``share`` of that part and whole, by document evidence. One such
    part only; two leave it unclear."""
    parts: list[tuple[int, int]] = []
    for rel in built.get("part", {}).values():
        pi, wi = rel.get("part"), rel.get("whole")
        if pi is not None and wi is not None:
            parts.append((pi, wi))
    if not parts:
        return
    tied = {i for rel in built.get("share", {}).values() for _, i in rel.roles}
    told: list[tuple[int, int, int, frozenset[str]]] = []
    for p, w in parts:
        si, pos = d.pos_of(p)
        said = _predicate(d, si, pos + 1)
        if said:
            told.append((si, p, w, said))
    if not told:
        return
    for si, pos, xi, f in d.figures(SHARES):
        if xi in tied or f.value is None:
            continue
        words = d.m.words[si]
        if pos + 2 >= len(words) or words[pos + 1] != "of" or words[pos + 2] not in _DEFINITE:
            continue
        said = _predicate(d, si, pos + 2)
        if not said:
            continue
        found = [(p, w) for s2, p, w, s in told if s2 != si and abs(s2 - si) <= PREDICATE_REACH and s == said]
        if len({p for p, _ in found}) != 1:
            continue
        p, w = found[0]
        yield Relation("share", (("part", p), ("whole", w), ("share", xi)), (), "document")
