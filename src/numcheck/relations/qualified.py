"""A fraction word or share qualifier and the percentage of the same whole, told in two sentences:
"More than a third of homes will receive the channels" … "The network aims to reach 30% of homes".
"""

from __future__ import annotations

from collections.abc import Iterator

from numcheck.mentions import Frame, same_holder
from numcheck.model import Span
from numcheck.relations.base import _DETERMINERS, GAP_STOP, SHARES, Relation, _Doc
from numcheck.relations.qualifiers import _of_one_unit
from numcheck.relations.restatements import _two_sources
from numcheck.relations.scopes import PLACE_WORDS

# Sentences apart the two may stand: a lead's "more than a third of homes" and the body's "30% of homes".
TOLD_APART_REACH = 20
# Words before a place a sentence puts its figures in.
_PLACE_PREPS = frozenset({"in", "across", "throughout"})
# Kinds of figure that date a sentence's count.
_TIME_KINDS = frozenset({"year", "date", "relative", "month"})
# Words that make the percentage an end of a change or a comparison, not the share itself.
_NOT_LEVEL = frozenset("from to than between by up down".split())
# Pronouns and generic heads that name no whole of their own ("71% of them", "half of those").
_NO_WHOLE = frozenset("them those these it this that which whom us all people total".split())


def _qualifiers_told_apart(d: _Doc) -> Iterator[Relation]:
    """ "More than a third of homes will receive the channels" … "The network aims to reach 30% of homes":
    a fraction word ("half", "two-thirds", with its hedge) or a share qualifier ("most", "a majority") of a
    whole, and a percentage of the same whole in another sentence nearby, are one share told twice. They
    meet by the whole's head noun after "of" and by frame (one holder, time, place and mood). Each side
    must be the only share of that whole in its sentence (a list of answers is not one share), and the
    percentage no end of a change or a comparison."""
    v = d.v
    if not any(f.kind == "percent" for f in d.facts):
        return  # nothing to tell a share again with
    firsts = v.qualifiers.by_first.keys()
    seen: dict[str, list[tuple[int, int, int, str]]] = {}  # whole → [(sentence, fact or -1, token, phrase)]
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        if "of" not in words and firsts.isdisjoint(words):
            continue  # no whole named and no qualifier word: nothing to read here
        here: dict[str, list[tuple[int, int, int, str]]] = {}
        i = 0
        while i < len(words):
            fi = toks[i].fact
            phrase, end = "", i + 1
            if fi >= 0:
                f = d.facts[fi]
                if f.kind not in SHARES or f.value is None or f.is_range:
                    i += 1
                    continue
                if f.kind == "share" and (f.value > 1 or _of_one_unit(words, i + 1)):
                    i += 1
                    continue
            else:
                hit = v.qualifiers.starting_at(words, i) if words[i] in firsts else None
                if hit is None or v.ranges[hit[0]][0] != "share":
                    i += 1
                    continue
                phrase, end = hit
                if phrase == "most" and (
                    (i > 0 and words[i - 1] in _DETERMINERS) or (end < len(words) and words[end] in v.not_after_most)
                ):
                    i = end
                    continue
            whole = _whole_after(words, end, bool(phrase))
            if whole:
                here.setdefault(whole, []).append((si, fi, i, phrase))
            i = end
        shares = sum(1 for t in toks if t.fact >= 0 and d.facts[t.fact].kind in SHARES)
        for whole, items in here.items():
            if len(items) != 1 or (shares > 1 and items[0][1] >= 0):
                continue  # "18% failed one test and 25% another": a list of shares, not one share
            if items[0][1] < 0 and shares:
                continue  # "Most respondents - 58% - said ...": the qualifier's own figure is told with it
            item = items[0]
            for other in seen.get(whole, ()):
                if si - other[0] > TOLD_APART_REACH:
                    continue
                pair = _one_share(d, other, item) or _one_share(d, item, other)
                if pair is not None:
                    yield pair
            seen.setdefault(whole, []).append(item)


def _whole_after(words: tuple[str, ...] | list[str], end: int, phrase: bool) -> str:
    """The head noun of the whole after "of" ("of the bank's customers" → "customer"), after "the" or
    a possessive ("half the voters"), or right after a qualifier phrase ("most members"); or ""."""
    if end >= len(words):
        return ""
    k = end + 1 if words[end] == "of" else end
    if k == end and not phrase and words[end] not in _DETERMINERS - {"a", "an"} and not words[end].endswith("'s"):
        return ""
    while k < len(words) and (words[k] in _DETERMINERS or words[k].endswith("'s")):
        k += 1
    if k >= len(words) or not words[k].isalpha() or words[k] in _NO_WHOLE or words[k] in GAP_STOP:
        return ""
    head = words[k]
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def _one_share(d: _Doc, q: tuple[int, int, int, str], x: tuple[int, int, int, str]) -> Relation | None:
    """The relation when ``q`` is a fraction word or qualifier and ``x`` a percentage of one frame."""
    qs, qi, qpos, phrase = q
    xs, xi, xpos, _ = x
    if xi < 0 or d.facts[xi].kind != "percent" or (qi >= 0 and d.facts[qi].kind != "share"):
        return None
    xwords = d.m.words[xs]
    k = d.hedge_start(xs, xpos)
    if (k > 0 and xwords[k - 1] in _NOT_LEVEL) or (xpos + 1 < len(xwords) and xwords[xpos + 1] in _NOT_LEVEL):
        return None
    mx = d.m.by_fact.get(xi)
    if mx is None or mx.direction or mx.roles & {"part", "remainder", "another", "each"}:
        return None
    fx = d.m.frame(xi)
    if qi >= 0 and not _one_frame(d.m.frame(qi), fx):
        return None
    if qi < 0 and (fx.period or fx.scope):
        return None  # "most members" beside "46% in 2019" or "across the region": another time or place
    if _two_sources(d, qs, xs):
        return None  # "according to Ipsos" … "Populus said": two polls
    first, later = sorted((qs, xs))
    if not _where(d, later) <= _where(d, first):
        return None  # "Half the town's households" … "In the county, 38% of households": a place of its own  # "a quarter of adults in the city" … "19% of adults in the county": two places
    if _timed(d, qs) != _timed(d, xs):
        return None  # "In 2015, only 31% of customers": an earlier count of the share
    if _share_of_amount(d, qs, qpos) != _share_of_amount(d, xs, xpos):
        return None  # "Capital spending reached $3.1bn, almost two-thirds of revenue" … "accounted for 9% of
        # revenue": one a share of the amount told before it, the other not; two parts of one whole
    qtoks = d.m.tokens[qs]
    end = qpos + (len(phrase.split()) if phrase else 1)
    cue = Span(qtoks[qpos].span.start, qtoks[end - 1].span.end)
    roles: tuple[tuple[str, int], ...] = (("figure", xi),)
    if qi >= 0:
        roles = (("qualifier", qi),) + roles
    return Relation("qualifier", roles, (cue,), "document", (("phrase", phrase), ("unit", "share")))


def _share_of_amount(d: _Doc, si: int, pos: int) -> bool:
    """The share at token ``pos`` is set after an amount of its clause ("reached $3.1bn in the quarter,
    almost two-thirds of revenue"): it is that amount's share, a part named by its figure."""
    toks = d.m.tokens[si]
    lo = d.m.clause_start(si, pos)
    if lo > 0 and d.m.words[si][lo - 1] == ",":
        lo = d.m.clause_start(si, lo - 1)  # the clause before the comma that sets the share off
    return any(
        toks[k].fact >= 0 and d.facts[toks[k].fact].kind in ("money", "count", "number", "measure")
        for k in range(lo, pos)
    )


def _where(d: _Doc, si: int) -> frozenset[str]:
    """The places a sentence puts its figures in: a name or a place word after "in", "across",
    "throughout" ("in the city", "across Wales"), or a place word's possessive ("the town's"), lower case."""
    words, toks = d.m.words[si], d.m.tokens[si]
    out: set[str] = set()
    for k, w in enumerate(words[:-1]):
        if w.endswith("'s") and w[:-2] in PLACE_WORDS:
            out.add(w[:-2])  # "the town's households"
        if w not in _PLACE_PREPS:
            continue
        j = k + 1
        while j < len(words) - 1 and (words[j] in _DETERMINERS or words[j].endswith("'s")):
            j += 1
        if toks[j].fact < 0 and (words[j] in PLACE_WORDS or (toks[j].text[:1].isupper() and words[j].isalpha())):
            out.add(words[j])
    return frozenset(out)


def _timed(d: _Doc, si: int) -> frozenset[str]:
    """The years, dates and relative days a sentence gives ("In 2015", "last year")."""
    out = set()
    for t in d.m.tokens[si]:
        f = d.facts[t.fact] if t.fact >= 0 else None
        if f is not None and f.kind in _TIME_KINDS and not (f.kind == "relative" and not f.value):
            out.add(f.text.lower())  # "now", "today" (0 days back) date nothing
    return frozenset(out)


def _one_frame(a: Frame, b: Frame) -> bool:
    """One holder (or one not named), and no other time, place or mood."""
    if a.holder and b.holder and not same_holder(a.holder, b.holder):
        return False
    if a.period != b.period and (a.period and b.period or any(p[:1].isdigit() for p in (a.period, b.period))):
        return False
    if a.scope != b.scope and (a.scope and b.scope or "whole" in (a.scope, b.scope)):
        return False
    return a.mood == b.mood and a.part == b.part
