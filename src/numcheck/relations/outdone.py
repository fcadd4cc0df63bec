"""A superlative's place against the entries an "only" sentence puts ahead of it.

"The summer was the warmest since records began ... Only one summer has been hotter": a first place and
one entry ahead of it cannot both stand ("the second warmest" fits). "It was the third-busiest day on
record. Only one day has been busier": the third place has two ahead of it, not one. "Her album had the
biggest opening week of the year ... Only The Verrins have had a bigger week this year": one named entry
ahead of a first place.

Read as words alone: the superlative (its place is the ordinal before it, else first) and the "only"
clause (how many entries: a count, "only one", or the names, "only A and B"; its comparative) meet when
they are on one scale and one side of it (`[outdone]` in `data/comparisons.toml`: "wetter" says nothing
of "the warmest"), the "only" clause's noun is told in the superlative's sentence, and the two rankings
span the same time: a superlative narrowed to a span ("the warmest since 1990", "in a decade") is read
only against an "only" clause of one year when it is itself of one year ("the biggest week of 2025" …
"a bigger week this year"); "since records began", "on record" and "ever" are the whole ranking. "One
of the warmest", "the five warmest summers" and a superlative narrowed past the entries ahead ("the
biggest outside London") are no place. A ``rank-clash`` relation of words alone (cues: the superlative,
the "only" clause), labels ``place``, ``ahead`` and ``only`` (the count ahead is exact).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from numcheck.mentions import _NOT_NOUNS, CLAUSE_END, Token
from numcheck.model import Span
from numcheck.numwords import ORDINALS, UNITS
from numcheck.relations.base import Relation, _Doc
from numcheck.vocab import PhraseTable, _toml, singular

# Sentences before the "only" sentence where the superlative may be told.
OUTDONE_SENTENCES = 4
# Tokens from "only" to its comparative ("Only one summer in the series has been hotter").
OUTDONE_REACH = 9
# Names "only" may list before its verb ("Only A, B and C have ...").
OUTDONE_NAMES = 4


@dataclass(frozen=True, slots=True)
class _Tables:
    scales: Mapping[str, tuple[str, int, bool]]  # word -> (scale, side: 0 more / 1 less, superlative?)
    whole: PhraseTable  # "since records began", "on record": the whole ranking
    this_year: PhraseTable  # "this year", "of the year"
    time_words: frozenset[str]  # "since", "decade": the ranking narrowed to a span of time
    seasons: frozenset[str]  # "winter", "month": a span after "this", "the" or "last"
    limits: frozenset[str]  # "outside", "except": narrowed past the entries ahead
    ordinals: Mapping[str, int]  # "second" -> 2


@functools.cache
def _tables() -> _Tables:
    data = _toml("comparisons.toml")
    out = data["outdone"]
    scales: dict[str, tuple[str, int, bool]] = {}
    for key, sides in out.items():
        if not isinstance(sides, list) or not sides or not isinstance(sides[0], list):
            continue
        for side, words in enumerate(sides):
            for w in words:
                scales[w] = (key, side, w.endswith("est"))
    ordinals = {w: int(v) for w, v in ORDINALS.items() if 2 <= v <= OUTDONE_PLACES}  # "second" -> 2
    return _Tables(
        scales=scales,
        whole=PhraseTable.build((p, "whole") for p in out["whole_ranking"]),
        this_year=PhraseTable.build((p, "year") for p in out["this_year"]),
        time_words=frozenset(out["time_words"]),
        seasons=frozenset(out["seasons"]),
        limits=frozenset(data["ranks"]["top_limits"]) - {"since"},
        ordinals=ordinals,
    )


_OF_YEAR = re.compile(r"\bof (?:1[89]|20)\d\d\b")
# Entries an "only" clause may count in words without a figure of the fact table ("only one has"), and the
# places an ordinal word may give a superlative ("the eighth warmest").
OUTDONE_COUNTS = 5
OUTDONE_PLACES = 8
_COUNTS = {w: int(v) for w, v in UNITS.items() if 1 <= v <= OUTDONE_COUNTS and " " not in w}
_PLACE_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "this", "that"})


def _outdone(d: _Doc) -> Iterator[Relation]:
    t = _tables()
    text = d.view.text
    for si, sentence in enumerate(d.view.doc.sentences):
        chunk = text[sentence.span.start : sentence.span.end]
        if "nly " not in chunk:
            continue  # the cheap test first: no "only" in the sentence
        toks = d.m.sentence_tokens(si)
        words = [tok.text for tok in toks]
        for k in (x for x, w in enumerate(words) if w == "only"):
            got = _ahead(d, si, toks, words, k)
            if got is None:
                continue
            count, noun, cmp_at, end, exact = got
            scale, side, _ = t.scales[words[cmp_at]]
            scope = _scope(d, si, toks, words, cmp_at + 1)
            sup = _superlative(d, si, k, scale, side, noun, scope)
            if sup is None:
                continue
            s0, a, b, place = sup
            said = d.m.sentence_tokens(s0)
            cues = (Span(said[a].start, said[b - 1].end), Span(toks[k].start, toks[end - 1].end))
            evidence = "sentence" if s0 == si else "document"
            labels = (("place", str(place)), ("ahead", str(count)), *((("only", "1"),) if exact else ()))
            yield Relation("rank-clash", (), cues, evidence, labels)


def _ahead(
    d: _Doc, si: int, toks: Sequence[Token], words: Sequence[str], k: int
) -> tuple[int, str, int, int, bool] | None:
    """The entries "only" at token ``k`` puts ahead: (how many, the noun they are told by or "", the
    comparative's token, one past the clause's words read, whether the count is exact), else None. A
    count ("only one summer") is exact; names are at least that many entries ("Only Johnson has gone
    quicker" may stand for two of his runs ahead of "the third fastest")."""
    t = _tables()
    j = k + 1
    if j >= len(words):
        return None
    fi = toks[j].fact
    noun = ""
    exact = True
    if fi >= 0:
        f = d.facts[fi]
        told = f.text.lower().split()
        if f.kind not in ("count", "number", "duration") or f.value is None or f.value != int(f.value):
            return None
        if not 0 < f.value < 10 or f.kind == "duration" and len(told) != 2:
            return None
        count = int(f.value)
        noun = singular(told[-1]) if f.kind == "duration" else ""  # "Only one day has been busier"
        j += 1
        if j < len(words) and words[j] == "other":
            j += 1
        if not noun and j < len(words) and words[j].isalpha() and words[j] not in t.scales and words[j] not in _VERBS:
            noun = singular(words[j])
            j += 1
    elif words[j] in _COUNTS and j + 1 < len(words) and words[j + 1] in ("other", "has", "had", "was", "is"):
        count = _COUNTS[words[j]]
        j += 1 + (words[j + 1] == "other")
    else:
        # "Only the band Corvid have ...": a determiner and up to two words of a role before the name.
        lead = j
        while (
            lead < len(words) and lead - j < 3 and words[lead].isalpha() and not d.view.text[toks[lead].start].isupper()
        ):
            lead += 1
        count, j = _names(d, si, toks, words, lead if lead > j and words[j] == "the" else j)
        if not count:
            return None
        owned = _owned_figures(d, toks, words, j)
        if owned is None:
            exact = False
        else:
            count, j = owned  # "Only Chebet's 2:20:37 has been quicker": one entry for each figure
    for x in range(j, min(len(words), j + OUTDONE_REACH)):
        w = words[x]
        if w in CLAUSE_END or toks[x].fact >= 0:
            return None
        if w in t.scales and not t.scales[w][2]:
            nxt = words[x + 1] if x + 1 < len(words) else ""
            if nxt == "#":  # "a bigger week this year" read as one figure: its first word
                nxt = d.facts[toks[x + 1].fact].text.lower().split()[0]
            if not noun and nxt.isalpha() and nxt not in _NOT_NOUNS and nxt not in _AFTER_COMPARATIVE:
                noun = singular(nxt)
            end = x + 1
            while end < len(words) and words[end] not in CLAUSE_END and words[end] != ",":
                end += 1
            return count, noun, x, end, exact
        if w not in _VERBS and w not in ("a", "an", "in", "the", "so", "far", "ever", "yet", "any", "other"):
            if not (w.isalpha() and x > j):
                return None
    return None


# Verbs between "only" and its comparative ("has been", "have had", "were").
_VERBS = frozenset("has have had been was were is are did do does seen recorded registered sold drawn".split())
# Words after a comparative that are no noun of what is compared ("hotter than", "bigger this year").
_AFTER_COMPARATIVE = frozenset("than this that in on at since so ever last".split())


def _names(d: _Doc, si: int, toks: Sequence[Token], words: Sequence[str], j: int) -> tuple[int, int]:
    """The names "only" lists at token ``j`` ("Only The Verrins have", "only Ava and Jo have"): how many,
    and the token after them; (0, j) when no name stands there."""
    text = d.view.text
    count = 0
    x = j
    while x < len(words) and count < OUTDONE_NAMES:
        raw = text[toks[x].start : toks[x].end]
        if toks[x].fact >= 0 or not raw[:1].isupper() or words[x] in _NOT_NOUNS and words[x] != "the":
            break
        count += 1
        while x < len(words) and text[toks[x].start : toks[x].start + 1].isupper() and toks[x].fact < 0:
            x += 1
            # "Leeds rock band The Verrins": words of a role between a place's name and the entry's are one entry.
            role = x
            while role < len(words) and role - x < 3 and words[role].isalpha() and words[role] not in _VERBS:
                role += 1
            if role > x and role < len(words) and text[toks[role].start : toks[role].start + 1].isupper():
                x = role
        if (
            x + 1 < len(words)
            and words[x] in ("and", ",")
            and text[toks[x + 1].start : toks[x + 1].start + 1].isupper()
        ):
            x += 1
            continue
        break
    return (count, x) if count else (0, j)


def _owned_figures(d: _Doc, toks: Sequence[Token], words: Sequence[str], j: int) -> tuple[int, int] | None:
    """The entries told by a name's figure at token ``j`` ("Only Grace Chebet's 2:20:37 in 2019 has been
    quicker", "only Rono's 59:21 and Kiptum's 59:30 have been faster"): each figure is one entry, so the
    count is exact; (how many, the token after them), else None (no possessive name with a figure)."""
    count = 0
    x = j
    while x < len(words) and x and words[x - 1].endswith("'s") and toks[x].fact >= 0:
        if d.facts[toks[x].fact].kind in _YEAR_KINDS:
            return None  # "Only Tuesday's 2019 ...": a time, not the entry's figure
        count += 1
        x += 1
        if x + 1 < len(words) and words[x] == "in" and toks[x + 1].fact >= 0:
            if d.facts[toks[x + 1].fact].kind not in _YEAR_KINDS:
                return None
            x += 2  # "in 2019": when the entry was set
        if x + 2 < len(words) and words[x] in ("and", ",") and words[x + 1].endswith("'s") and toks[x + 2].fact >= 0:
            x += 2  # "and Kiptum's 59:30": the next entry, one possessive word
            continue
        break
    return (count, x) if count else None


# Kinds of figure that tell when an entry was set, not its value.
_YEAR_KINDS = frozenset({"year", "date", "decade"})


def _scope(d: _Doc, si: int, toks: Sequence[Token], words: Sequence[str], j: int) -> str:
    """The span of time the ranking from token ``j`` to its clause's end is told over: "record" (the
    whole ranking), "year" (one year: "this year", "of 2025"), a period's word (one such period: "of the
    season", "this winter"), "span" (any other: "since 1990", "in a decade"), "" (none told)."""
    t = _tables()
    out = ""
    for x in range(j, len(words)):
        w = words[x]
        if w in CLAUSE_END:
            break
        if t.whole.starting_at(words, x):
            return "record"
        if t.this_year.starting_at(words, x):
            out = out or "year"
            continue
        fi = toks[x].fact
        told = d.facts[fi].text.lower() if fi >= 0 else ""
        if fi >= 0 and ("this year" in told or _OF_YEAR.search(told)):
            out = out or "year"  # "a bigger week this year", "the biggest opening week of 2025" read as one figure
        elif fi >= 0 and d.facts[fi].kind in ("year", "date", "decade", "relative"):
            out = out or ("year" if x and words[x - 1] in ("of", "in") and d.facts[fi].kind == "year" else "span")
        elif w in t.seasons and x and (words[x - 1] == "this" or words[x - 2 : x] == ["of", "the"]):
            out = out or w  # "of the season", "this winter": one such period, the one told
        elif w in t.time_words or w in t.seasons and x and words[x - 1] in ("the", "last"):
            out = "span"  # "since 1990", "in a decade", "last winter"
    return out


def _superlative(
    d: _Doc, si: int, k: int, scale: str, side: int, noun: str, scope: str
) -> tuple[int, int, int, int] | None:
    """The nearest superlative of ``scale`` and ``side`` before token ``k`` of sentence ``si`` or in the
    sentences before: (its sentence, first token, one past it, its place), else None."""
    t = _tables()
    for s0 in range(si, max(-1, si - 1 - OUTDONE_SENTENCES), -1):
        toks = d.m.sentence_tokens(s0)
        words = [tok.text for tok in toks]
        if noun and noun not in _nouns(d, toks):
            continue
        stop = k if s0 == si else len(words)
        for x in range(stop - 1, -1, -1):
            at = _place_at(d, s0, toks, words, x, scale, side)
            if at is None:
                continue
            a, place = at
            own = _scope(d, s0, toks, words, x + 1)
            if own not in ("", "record") and own != scope or own == "span":
                return None  # "the coldest night of the winter" … "colder this year": two spans
            if any(words[y] in t.limits for y in range(x + 1, min(len(words), x + 4))):
                return None
            return s0, a, x + 1, place
    return None


def _nouns(d: _Doc, toks: Sequence[Token]) -> set[str]:
    """The words of a sentence, those inside its figures too ("The summer of 2026" is one date), singular."""
    out: set[str] = set()
    for tok in toks:
        out.update(singular(w) for w in (d.facts[tok.fact].text.lower().split() if tok.fact >= 0 else (tok.text,)))
    return out


def _place_at(
    d: _Doc, si: int, toks: Sequence[Token], words: Sequence[str], x: int, scale: str, side: int
) -> tuple[int, int] | None:
    """The superlative of ``scale`` and ``side`` at token ``x`` with its place: (its first token, place)."""
    t = _tables()
    fi = toks[x].fact
    if fi >= 0:
        f = d.facts[fi]
        last = f.text.lower().replace(" ", "-").rsplit("-", 1)[-1]
        if f.kind != "ordinal" or f.value is None or t.scales.get(last, ("", -1, False))[:2] != (scale, side):
            return None
        return (x, int(f.value)) if _single(words, x, x) else None
    hit = t.scales.get(words[x])
    if hit is None or hit[:2] != (scale, side) or not hit[2] or x == 0:
        return None
    before = words[x - 1]
    bf = toks[x - 1].fact
    value = d.facts[bf].value if bf >= 0 and d.facts[bf].kind == "ordinal" else None
    if value is not None:
        return (x - 1, int(value)) if _single(words, x - 1, x) else None
    if before in t.ordinals:
        return (x - 1, t.ordinals[before]) if _single(words, x - 1, x) else None
    if before in _PLACE_DETERMINERS or before.endswith("'s"):
        return (x - 1, 1) if _single(words, x - 1, x) else None
    return None


def _single(words: Sequence[str], a: int, x: int) -> bool:
    """One place, not one of several: not "one of the warmest", "among the busiest", nor a plural after it
    ("the warmest summers")."""
    if a and words[a - 1] in ("of", "among", "amongst"):
        return False
    nxt = words[x + 1] if x + 1 < len(words) else ""
    return not (nxt.isalpha() and nxt.endswith("s") and singular(nxt) != nxt and nxt not in ("was", "has", "is"))
