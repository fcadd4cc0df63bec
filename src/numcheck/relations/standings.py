"""Standings: a comparison word told with no rival after it, then the subject's figure and the rival's.

"Among over-65s, Mr Colley is behind, on 39% against Ms Okafor's 27%", "Colley trails, with 39% to
Okafor's 27%", "Labour is ahead with 41%, compared with 33% for the Conservatives". The word
(``[standings] above``/``below``) is a predicate of the sentence's subject; the figure after "on", "with"
or "at" is the subject's and the figure after a rival's link ("against", "to", "compared with") is the
rival's. Yields a ``comparison`` (a: the subject's figure, b: the rival's, label ``order``), judged by
``direction`` (NC210). One walk over each sentence's tokens; a fixed window after the word.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from numcheck.relations.base import Relation, _Doc, same_family
from numcheck.vocab import PhraseTable, _toml

# Tokens between the subject's link ("on") and its figure (a hedge), and between the rival's link and
# the rival's figure (a name's possessive: "Ms Okafor's 27%").
FIGURE_REACH = 2
RIVAL_REACH = 5
_KINDS = frozenset({"count", "number", "money", "measure", "percent", "points"})


@functools.cache
def _tables() -> tuple[PhraseTable, frozenset[str], PhraseTable, frozenset[str]]:
    data = _toml("vocab.toml")["standings"]
    words = PhraseTable.build([(p, "above") for p in data["above"]] + [(p, "below") for p in data["below"]])
    rivals = PhraseTable.build((p, "rival") for p in data["rival_links"])
    return words, frozenset(data["own_links"]), rivals, frozenset(data["not_before"])


def _standings(d: _Doc) -> Iterator[Relation]:
    table, own, rivals, not_before = _tables()
    for si, toks in enumerate(d.m.tokens):
        if not toks:
            continue
        words = d.m.words[si]
        for k in table.starts_in(words):
            hit = table.starting_at(words, k)
            if hit is None or (k > 0 and words[k - 1] in not_before):
                continue  # "came from behind": no standing
            order, end = hit
            j = end + (end < len(words) and words[end] == ",")
            if j >= len(words) or words[j] not in own:
                continue
            ai = _figure_within(d, si, j + 1, FIGURE_REACH)
            if ai < 0:
                continue
            _, apos = d.pos_of(ai)
            r = apos + 1 + (apos + 1 < len(words) and words[apos + 1] == ",")
            link = rivals.starting_at(words, r) if r < len(words) else None
            if link is None:
                continue
            bi = _figure_within(d, si, link[1], RIVAL_REACH)
            if bi < 0 or not same_family(d.facts[ai], d.facts[bi]):
                continue
            yield Relation("comparison", (("a", ai), ("b", bi)), (d.span(si, k, end),), "clause", (("order", order),))


def _figure_within(d: _Doc, si: int, start: int, reach: int) -> int:
    """The first figure from token ``start`` within ``reach`` tokens, of a kind a standing compares, with no
    clause break before it; else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(start, min(len(words), start + reach + 1)):
        fi = toks[k].fact
        if fi >= 0:
            f = d.facts[fi]
            return fi if f.kind in _KINDS and not f.is_range and f.value is not None else -1
        if words[k] in (".", ";", ":", "!", "?", "(", ")"):
            return -1
    return -1
