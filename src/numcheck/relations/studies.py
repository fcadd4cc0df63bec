"""What a study found is among what it studied: "In a review of 800 records from 14 states, the team found
96 errors in records from 17 states" cannot be right.

A sentence with a study noun and "of" (vocab.toml ``[studies] nouns``: "a survey of", "a study of",
"testing") gives the counts it covered ("800 records", "14 states"); a finding verb after them ("found",
"identified") gives what it found. A found count whose noun is one of the covered counts' nouns (in the
singular) is a part of that count.
"""

from __future__ import annotations

from collections.abc import Iterator

from numcheck.relations.base import COUNTABLE, Relation, _Doc
from numcheck.vocab import singular

# Tokens after the study noun that its covered counts may stand in ("a broader survey of 520 water samples
# taken from 23 towns").
COVERED_REACH = 12
# Words that end the two words read after a count with no noun ("610 polluted samples in ...").
STOP_AFTER = frozenset("in of from at on and or were was are is had have".split())


def _study_parts(d: _Doc) -> Iterator[Relation]:
    for si, words in enumerate(d.m.words):
        toks = d.m.tokens[si]
        study = next((k for k, w in enumerate(words) if w in d.v.study_nouns and _of_after(words, k)), -1)
        if study < 0:
            continue
        covered: dict[str, int] = {}  # noun head -> fact
        k = study + 1
        end = min(len(words), study + 1 + COVERED_REACH)
        while k < end and words[k] not in d.v.found_verbs:
            noun = _counted(d, si, k)
            if noun:
                covered.setdefault(noun, toks[k].fact)
            k += 1
        if not covered:
            continue
        found = next((j for j in range(k, len(words)) if words[j] in d.v.found_verbs), -1)
        if found < 0:
            continue
        cue = d.span(si, study, study + 1)
        for j in range(found + 1, min(len(words), d.m.clause_end(si, found) + COVERED_REACH)):
            noun = _counted(d, si, j)
            whole = covered.get(noun) if noun else None
            if whole is not None and whole != toks[j].fact:
                yield Relation("part", (("part", toks[j].fact), ("whole", whole)), (cue, d.span(si, found, found + 1)))


def _words_after(d: _Doc, si: int, k: int) -> list[str]:
    """Up to two words right after token ``k``, stopping at anything but a word."""
    out: list[str] = []
    for w in d.m.words[si][k + 1 : k + 3]:
        if not w.isalpha() or w in STOP_AFTER:
            break
        out.append(w)
    return out


def _of_after(words: tuple[str, ...], k: int) -> bool:
    return k + 1 < len(words) and words[k + 1] == "of"


def _counted(d: _Doc, si: int, k: int) -> str:
    """The singular head of what the count at token ``k`` counts (the last word of its noun), or ""."""
    fi = d.fact_at(si, k)
    if fi < 0:
        return ""
    f = d.facts[fi]
    m = d.m.by_fact.get(fi)
    if f.kind not in COUNTABLE or f.is_range or f.value is None or m is None:
        return ""
    # "610 polluted samples": the noun reader stops at a participle; read the next two words then.
    words = m.noun.split() if m.noun else _words_after(d, si, k)
    if not words:
        return ""
    cut = next((i for i, w in enumerate(words) if w in d.v.found_verbs), len(words))  # "12 regions found"
    return singular(words[cut - 1]) if cut else ""
