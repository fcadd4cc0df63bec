"""Counts of one whole told by bands that cannot overlap: "Some 38,900 of them are in the three lowest
bands, A to C. ... about 29,800 homes are in bands F to H" are two separate parts of the homes told before,
so together they are at most that whole (``breakdown``, inclusive: other bands may not be told).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from numcheck.mentions import same_holder
from numcheck.relations.base import COUNTABLE, Relation, _Doc, same_family

# "bands A to C", "band D", "bands F-H", "Bands A and B": capital letters, read from the raw text.
_BANDS = re.compile(r"\b[Bb]ands?\b[^.;:0-9]{0,30}?\b([A-H])\b(?:\s*(?:to|-|–|—|and)\s*([A-H])\b)?")
# Sentences after the first band part that another may stand.
BAND_AHEAD = 4
# Tokens before a band phrase that its count may stand ("38,900 of them are in the three lowest bands").
BAND_COUNT_REACH = 12


def _letters(a: str, b: str | None) -> frozenset[str]:
    if not b:
        return frozenset(a)
    lo, hi = sorted((a, b))
    return frozenset(chr(c) for c in range(ord(lo), ord(hi) + 1))


def _band_parts(d: _Doc) -> list[tuple[int, int, frozenset[str]]]:
    """(sentence, count, letters) for each count told with the bands it falls in, in text order."""
    out: list[tuple[int, int, frozenset[str]]] = []
    for si, sent in enumerate(d.view.doc.sentences):
        toks = d.m.tokens[si]
        if not toks:
            continue
        text = d.view.text[sent.span.start : sent.span.end]
        for m in _BANDS.finditer(text):
            at = sent.span.start + m.start()
            before = [k for k, t in enumerate(toks) if t.start < at]
            count = -1
            for k in reversed(before[-BAND_COUNT_REACH:]):
                fi = toks[k].fact
                if fi >= 0 and d.facts[fi].kind in COUNTABLE and not d.facts[fi].is_range:
                    if "band" in " ".join(d.m.words[si][k + 1 : k + 3]):
                        continue  # "in the three lowest bands": the count of the bands themselves
                    count = fi
                    break
            if count >= 0 and d.facts[count].value is not None:
                out.append((si, count, _letters(m.group(1), m.group(2))))
    return out


def _banded_parts(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """Two counts told by bands that share no letter, within ``BAND_AHEAD`` sentences, the first told as a
    part of a whole ("38,900 of them", a ``part`` relation), the second of its family and part of no other
    whole: a breakdown of that whole, at most it."""
    parts = _band_parts(d)
    if len(parts) < 2:
        return
    whole_of = {rel.get("part"): rel.get("whole") for rel in built.get("part", {}).values()}
    told_of = {i for i, w in whole_of.items() if w is not None}
    for n, (si, pi, letters) in enumerate(parts):
        wi = whole_of.get(pi)
        if wi is None:
            continue
        for s2, qi, other in parts[n + 1 :]:
            if s2 - si > BAND_AHEAD:
                break
            if qi == pi or letters & other or qi in told_of and whole_of.get(qi) != wi:
                continue
            if not same_family(d.facts[qi], d.facts[pi]) or (d.facts[qi].value or 0) >= (d.facts[wi].value or 0):
                continue
            hq, hw = d.m.frame(qi).holder, d.m.frame(wi).holder
            if len(hq) > 2 and not (hw and same_holder(hq, hw)):
                continue  # "Neighbouring Tillford has 19,600 homes in bands F to H": another holder's homes
            yield Relation(
                "breakdown", (("total", wi), ("item", pi), ("item", qi)), (), "document", (("inclusive", "yes"),)
            )
            break
