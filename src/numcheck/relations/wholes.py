"""A share of a whole its sentence names but does not count ("shed 1,200 posts, about 25% of its staff"),
against the count of that whole told in another sentence ("The company employs 12,000 people").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from numcheck.mentions import CLAUSE_END, same_holder
from numcheck.model import Fact
from numcheck.numbers import scale_word
from numcheck.relations.ages import apposed
from numcheck.relations.base import COUNTABLE, FRAME_KINDS, SHARES, Relation, _Doc, family, same_family
from numcheck.relations.referents import concepts_agree, definite_at, definite_whole, names_whole, owner_differs
from numcheck.relations.referents import words as referent_words
from numcheck.relations.stated import _concept_before
from numcheck.vocab import PhraseTable, _toml, singular

# Sentences either side of the share that the whole's count may stand.
WHOLE_REACH = 12


@functools.cache
def _whole_verbs() -> PhraseTable:
    """ "employs" → staff: a verb before a generic count that says what the count is as a whole."""
    data = _toml("vocab.toml")["whole_verbs"]
    return PhraseTable.build((p, concept) for concept, phrases in data.items() for p in phrases)


# Words of a share's whole that say it is the holder's whole, not a part of it ("28% of group sales"): the
# figure of that whole may be told without them ("Sales rose 4.1% to £9.8bn").
WHOLE_WORDS = frozenset({"group", "total", "overall", "company", "firm", "annual", "whole", "its", "their", "the"})
# Tokens between a money figure and the share set beside it (", or about 28% of", " (12% of").
BESIDE = 2

# Roles that make a count something other than the whole itself.
_NOT_WHOLE = frozenset({"part", "remainder", "another", "each", "forecast"})


def _told_wholes(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A percentage "of" a whole named without a figure (a ``portion``), the count before it in its clause
    that counts the same thing (the part: "1,200 posts" of "its staff"), and the one count of that whole
    told in another sentence nearby, by frame: the same concept ("employs 12,000 people" counts staff),
    one holder, no place the whole's name does not give, larger than the part. A ``share`` relation."""
    tied = {i for rel in built.get("share", {}).values() for _, i in rel.roles}
    for rel in built.get("portion", {}).values():
        xi = rel.get("share")
        whole = rel.label("whole")
        if xi is None or xi in tied or not whole or d.facts[xi].kind not in SHARES:
            continue
        named = whole.split()
        concept = d.v.concept(named[-1])
        if not concept or concept in d.v.generic:
            continue
        si, pos = d.pos_of(xi)
        pi = _part_before(d, si, pos, concept)
        if pi < 0 or pi in tied:
            continue
        wi = _whole_told(d, si, pi, concept, frozenset(named[:-1]))
        if wi >= 0:
            yield Relation("share", (("part", pi), ("whole", wi), ("share", xi)), rel.cues, "document")


# Sentences before a group's share in which its count may be told.
GROUP_BACK = 3


@functools.cache
def _group_verbs() -> PhraseTable:
    return PhraseTable.build((p, "group") for p in _toml("vocab.toml")["group_shares"]["verbs"])


def _group_shares(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A group's share told by its noun, "Women made up 65% of those taking part", against the count of
    that group told in the sentences before as a part of a whole, "Of those volunteers, 708 were women": a
    ``share`` of that part and whole. Only a share no reader has tied, whose subject is one noun of a
    concept, and the nearest count of that concept, which must be a part of exactly one whole."""
    tied = {i for rel in built.get("share", {}).values() for _, i in rel.roles}
    wholes: dict[int, set[int]] = {}
    for rel in built.get("part", {}).values():
        pi, wi = rel.get("part"), rel.get("whole")
        if pi is not None and wi is not None:
            wholes.setdefault(pi, set()).add(wi)
    if not wholes:
        return
    for si, pos, xi, _ in d.figures(frozenset({"percent"})):
        if xi in tied or pos + 1 >= len(d.m.words[si]) or d.m.words[si][pos + 1] != "of":
            continue
        concept = _group_subject(d, si, pos)
        if not concept:
            continue
        for _, _, fi in d.m.figures_before(si, pos, GROUP_BACK, None):
            g = d.facts[fi]
            if g.kind not in ("count", "number") or d.m.frame(fi).concept != concept:
                continue
            found = wholes.get(fi, set())
            wi = next(iter(found)) if len(found) == 1 else -1
            if wi >= 0 and names_whole(d, si, pos + 2, wi):
                cue = d.span(si, pos, pos + 2)
                yield Relation("share", (("part", fi), ("whole", wi), ("share", xi)), (cue,), "document")
            break


def _group_subject(d: _Doc, si: int, pos: int) -> str:
    """The concept of the one noun that opens the share's clause before a verb of making up a whole, right
    before the share (past a hedge): "Women made up 65%", "Girls accounted for almost 40%"; else ""."""
    words = d.m.words[si]
    hit = _group_verbs().ending_at(words, d.hedge_start(si, pos))
    if hit is None:
        return ""
    k = hit[1]
    lo = d.m.clause_start(si, pos)
    if k - lo != 1 or d.m.tokens[si][lo].fact >= 0:
        return ""
    concept = d.v.concept(words[lo])
    return concept if concept and concept not in d.v.generic else ""


def _part_before(d: _Doc, si: int, pos: int, concept: str) -> int:
    """The nearest count before token ``pos`` in its clause that counts ``concept``, else -1."""
    toks = d.m.tokens[si]
    for k in range(pos - 1, d.m.clause_start(si, pos) - 1, -1):
        fi = toks[k].fact
        if fi < 0 or d.facts[fi].kind not in ("count", "number"):
            continue
        m = d.m.by_fact.get(fi)
        return fi if m is not None and (m.concept == concept or d.m.frame(fi).concept == concept) else -1
    return -1


def _whole_told(d: _Doc, si: int, pi: int, concept: str, modifiers: frozenset[str]) -> int:
    """The one count of ``concept`` in another sentence within ``WHOLE_REACH`` that may be the part's whole:
    nearest first; two at one distance that disagree leave it unclear (-1)."""
    part = d.facts[pi]
    holder = d.m.frame(pi).holder
    found: list[tuple[int, int]] = []
    for s2 in range(max(0, si - WHOLE_REACH), min(len(d.m.tokens), si + WHOLE_REACH + 1)):
        if s2 == si:
            continue
        words = set(d.m.words[s2])
        if not modifiers <= words:
            continue  # "15% of its UK workforce": a whole told without "UK" may be another one
        for tok in d.m.tokens[s2]:
            wi = tok.fact
            if wi < 0 or d.facts[wi].kind not in ("count", "number") or d.facts[wi].is_range:
                continue
            m = d.m.by_fact.get(wi)
            fr = d.m.frame(wi)
            if m is None or m.roles & _NOT_WHOLE or m.direction:
                continue
            if fr.concept != concept and _counted_by_verb(d, s2, d.pos_of(wi)[1]) != concept:
                continue
            if _may_hold(d, wi, part, holder):
                found.append((abs(s2 - si), wi))
    return _nearest_agreeing(d, found)


def _may_hold(d: _Doc, wi: int, part: Fact, holder: str) -> bool:
    """The figure ``wi`` may be the whole of ``part``: one holder (when both name one), and larger."""
    fr = d.m.frame(wi)
    if fr.holder and holder and not same_holder(fr.holder, holder):
        return False
    w = d.facts[wi]
    return w.value is not None and part.value is not None and w.value > part.value


def _nearest_agreeing(d: _Doc, found: list[tuple[int, int]]) -> int:
    """The nearest of the (distance, fact) wholes found; two at one distance that disagree leave it
    unclear (-1), as does none."""
    if not found:
        return -1
    found.sort()
    best = found[0]
    for dist, wi in found[1:]:
        if dist > best[0]:
            break
        if not d.facts[wi].interval.overlaps(d.facts[best[1]].interval):
            return -1
    return best[1]


def _counted_by_verb(d: _Doc, si: int, pos: int) -> str:
    """The concept a verb right before the figure (past a hedge) gives it as a whole ("employs about 4,800
    people" → staff), else ""."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    hit = _whole_verbs().ending_at(words, k)
    return hit[0] if hit is not None else ""


def _money_shares(d: _Doc) -> Iterator[Relation]:
    """A sum of money and its share of a whole named without a figure, set beside it ("the shops brought in
    £1.76bn, about 28% of group sales", "£40m (12% of its revenue)"), against the one figure of that whole
    told in another sentence within ``WHOLE_REACH``: the same concept (vocab.toml's money concepts) and
    currency, one holder, a level (not a part, a forecast, a change's start or its amount), larger than the
    part. A ``share`` relation, by document evidence."""
    for si, pos, xi, _ in d.figures(SHARES):
        m = d.m.by_fact.get(xi)
        words = d.m.words[si]
        if m is None or not m.noun or m.concept not in d.v.money_concepts or words[pos + 1 : pos + 2] != ("of",):
            continue
        k = d.hedge_start(si, pos) - 1
        stop = k - BESIDE
        while k > stop and k >= 0 and words[k] in (",", "or", "(", "-", "—"):
            k -= 1
        pi = d.fact_at(si, k)
        if pi < 0 or d.facts[pi].kind != "money" or d.facts[pi].value is None or k == d.hedge_start(si, pos) - 1:
            continue
        named = frozenset(m.noun.lower().split()[:-1]) - WHOLE_WORDS
        wi = _money_whole(d, si, pi, m.concept, named)
        if wi >= 0 and d.m.frame(xi).period not in ("", d.m.frame(wi).period):
            continue  # "46% of its revenue in 2019": the whole of another year
        if wi >= 0 and not d.m.frame(pi).period and _history(d, wi):
            continue  # "In 2022 it lost $290m on sales of $1.52bn" ... "$610m, a quarter of revenue": now's
        if wi >= 0 and owner_differs(d, si, pos + 1, pi, wi):
            continue  # "Athletic said £12m, or two thirds of its revenue": not Rovers' revenue told before
        if wi >= 0:
            yield Relation(
                "share", (("part", pi), ("whole", wi), ("share", xi)), (d.span(si, pos + 1, pos + 2),), "document"
            )


# Words after a share set off by commas that make its part a gap over another level ("£2.6m, or 22%, higher").
_GAP_AFTER = frozenset({"higher", "lower", "more", "less", "above", "below", "up", "down", "over", "under"})


def _compared_past(words: Sequence[str], pos: int) -> bool:
    """A comparison word follows the share's closing mark: "£2.6m, or 22%, higher than budgeted"."""
    j = pos + 1
    while j < len(words) and words[j] in (",", ")", "-", "\u2014", "\u2013"):
        j += 1
    return j < len(words) and words[j] in _GAP_AFTER


def _history(d: _Doc, wi: int) -> bool:
    """The figure is told of a year before a later year the text tells ("In 2022 ... sales of $1.52bn" in a
    story that tells 2025 and 2026): a past year's, not the story's own."""
    p = d.m.frame(wi).period
    if not p.isdigit():
        return False
    years = [int(f.value) for f in d.facts if f.kind == "year" and f.value is not None and not f.is_range]
    return bool(years) and max(years) > int(p)


def _money_whole(d: _Doc, si: int, pi: int, concept: str, modifiers: frozenset[str]) -> int:
    """The one sum of ``concept`` in the part's currency told in another sentence nearby that may be its
    whole: nearest first; two at one distance that disagree leave it unclear (-1)."""
    part = d.facts[pi]
    holder = d.m.frame(pi).holder
    found: list[tuple[int, int]] = []
    for s2 in range(max(0, si - WHOLE_REACH), min(len(d.m.tokens), si + WHOLE_REACH + 1)):
        if s2 == si or not modifiers <= set(d.m.words[s2]):
            continue
        words = d.m.words[s2]
        for k, tok in enumerate(d.m.tokens[s2]):
            wi = tok.fact
            if wi < 0 or d.facts[wi].kind != "money" or d.facts[wi].unit != part.unit or d.facts[wi].is_range:
                continue
            m = d.m.by_fact.get(wi)
            fr = d.m.frame(wi)
            if m is not None and m.roles & _NOT_WHOLE or concept not in (fr.concept, _concept_before(d, wi)):
                continue
            before = words[max(0, d.hedge_start(s2, k) - 2) : d.hedge_start(s2, k)]
            if "from" in before or "by" in before or (m is not None and m.direction and "to" not in before):
                continue  # "up from £8bn", "rose by £1bn", "rose 4% £9bn": not the level now
            if _may_hold(d, wi, part, holder):
                found.append((abs(s2 - si), wi))
    return _nearest_agreeing(d, found)


# Sentences back that the count a share "of the total" or "of all <noun>" is taken of may stand: a story
# tells its total near its top and breaks it down a few paragraphs on.
TOTAL_BACK = 8
# Words between a part and the share set beside it ("1.6 million passengers, a third of the total"; "6,200
# of the trust's patients, a quarter of the total"): the part's noun and what it is of.
TOTAL_PART_GAP = 5
# Words that join a share "of the total" to the part told after it: "a third of the total, at 21 million".
_TOTAL_AFTER = frozenset({"at", "with", "or", "some", "about", "around", "roughly", "nearly", "almost"})
# Words that set a share beside the part before it: "1.6 million, a third of the total", "(a third of".
_BESIDE = frozenset({",", "or", "(", "-", "—", "–"})
# Words after "of" that make the share's whole the story's one total: determiners and words of a total.
_TOTAL_DETERMINERS = frozenset({"the", "all", "its", "their"})
_TOTAL_WORDS = frozenset({"total", "overall", "whole"})


def _total_shares(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A share of the story's total, named without a figure, set beside its part: "About 1.6 million
    passengers, a third of the total, ...", "Europe accounted for a quarter of the total, at 21 million",
    "Women made up two in five of all runners, at 4,650". The whole is the largest count told before of
    the noun "of all <noun>" names (for "of the total", the part's noun): told of that very noun or its
    concept, as a level (not a part, a change's start, a move or a flow), larger than the part; none when
    those counts are told of other times. A ``share`` relation, by document evidence."""
    tied = {i for rel in built.get("share", {}).values() for _, i in rel.roles}
    parts = frozenset(
        i for kind in ("share", "part") for rel in built.get(kind, {}).values() for r, i in rel.roles if r == "part"
    )
    for si, pos, xi, _ in d.figures(SHARES):
        if xi in tied or d.bound_at(si, pos):
            continue
        named = _named_total(d, si, pos)
        if named is None:
            continue
        end, head = named
        pi = _part_beside(d, si, pos, end)
        if pi < 0 or pi in tied or d.facts[pi].kind not in ("count", "number", "money"):
            continue
        pm = d.m.by_fact.get(pi)
        if not head and pm is not None and pm.noun:
            head = pm.noun.lower().split()[-1]  # "Online sales ... £104m, or a third of the total": sales
        elif not head and d.facts[pi].kind != "money":
            head = _elided_noun(d, pi)
        if not head:
            continue  # "£3.9m, a third of the total": which sum of that currency is the total is not told
        if not head.isalpha() or head in d.v.generic or (singular(head) == head and d.facts[pi].kind != "money"):
            continue  # "of the total" of a part that names nothing, "of the vote", "people": no one total told
        wi = _total_before(d, si, pi, head, parts)
        if wi >= 0 and not owner_differs(d, si, pos + 1, pi, wi):
            yield Relation(
                "share", (("part", pi), ("whole", wi), ("share", xi)), (d.span(si, pos + 1, end),), "document"
            )


def _named_total(d: _Doc, si: int, pos: int) -> tuple[int, str] | None:
    """The words after the share at token ``pos`` that name its whole without a figure: "of the total"
    (head "") or "of all exports", "of the runners" (head the noun), ending its clause, a comma or a
    bracket; where they end and the head. None for anything that narrows or names another whole ("of the
    vote", "of all exports to China", "of the region's thefts", "of those asked")."""
    words = d.m.words[si]
    k = pos + 1
    if k >= len(words) or words[k] != "of":
        return None
    k += 1
    if k >= len(words) or words[k] not in _TOTAL_DETERMINERS:
        return None
    while k < len(words) and words[k] in _TOTAL_DETERMINERS:
        k += 1
    phrase: list[str] = []
    while k < len(words) and len(phrase) < 2 and words[k].isalpha() and d.fact_at(si, k) < 0:
        phrase.append(words[k])
        k += 1
    if not phrase or (k < len(words) and words[k] not in CLAUSE_END and words[k] not in (",", ")")):
        return None
    if phrase[-1] == "total" and all(w in _TOTAL_WORDS for w in phrase):
        return k, ""
    if len(phrase) > 1:
        return None  # "of all farm exports": a narrower set than the one counted
    return k, phrase[0]


def _part_beside(d: _Doc, si: int, pos: int, end: int) -> int:
    """The count a share "of the total" is set beside: told before it and set off by a comma or a bracket
    ("1.6 million passengers, a third of the total", "6,200 of its patients, a quarter of the total"), or
    told right after its whole's words ("a third of the total, at 21 million", "(21 million)"); else -1."""
    words = d.m.words[si]
    link = d.v.same.ending_at(words, d.hedge_start(si, pos))
    k = link[1] - 1 if link is not None else d.hedge_start(si, pos) - 1  # ", equivalent to", ", or about"
    while k >= 0 and words[k] in ("a", "an", "about", "some", "roughly", "nearly", "almost", "around"):
        k -= 1
    if link is not None or (k >= 0 and words[k] in _BESIDE):
        while k >= 0 and words[k] in _BESIDE:
            k -= 1
        for j in range(k, max(-1, k - TOTAL_PART_GAP - 1), -1):
            if words[j] in CLAUSE_END or words[j] in _BESIDE:
                break
            if d.fact_at(si, j) >= 0:
                return d.fact_at(si, j) if not d.m.words[si][j + 1 : j + 2] == ("%",) else -1
        return -1
    if end + 1 < len(words) and words[end] in (",", "("):
        j = end + 1
        while j < len(words) and words[j] in _TOTAL_AFTER:
            j += 1
        if j > end + 1 or words[end] == "(":
            return d.fact_at(si, j)
    return -1


def _total_before(d: _Doc, si: int, pi: int, head: str, parts: frozenset[int]) -> int:
    """The largest count told before the part, within ``TOTAL_BACK`` sentences, of the noun ``head`` or its
    concept, as a level, larger than the part and no part itself (``parts``, or a share set beside it:
    "with 141,200 cars, or 44% of the total"); -1 when there is none, when a larger count that names
    nothing of its own may be the total, or when those counts are of another time or place."""
    part = d.facts[pi]
    concept = d.v.concept(head)
    concept = "" if concept in d.v.generic else concept
    ps, pp = d.pos_of(pi)
    best = -1
    periods: set[str] = set()  # the times the counts of the noun are told of
    vague = Decimal(0)  # the largest count told before that names nothing or a generic noun ("91,436 people")
    for s2, k2, wi in d.m.figures_before(ps, pp, TOTAL_BACK, None):
        w = d.facts[wi]
        if wi == pi or w.kind not in COUNTABLE or not same_family(w, part) or w.value is None or part.value is None:
            continue
        if w.is_range:
            continue
        m = d.m.by_fact.get(wi)
        if m is None or m.roles & _NOT_WHOLE or d.move_size(wi) or d.older_end(s2, k2) or d.bound_at(s2, k2):
            continue
        nouns = (m.noun, w.subject)
        by_noun = any(n and _one_stem(singular(n.lower().split()[-1]), singular(head)) for n in nouns)
        concepts = (m.concept, d.m.frame(wi).concept, _concept_before(d, wi) if w.kind == "money" else "")
        if not by_noun and not (concept and concept in concepts):
            wc = d.m.frame(wi).concept or m.concept or ""
            if not wc or wc in d.v.generic:
                vague = max(vague, w.value)
            continue
        if wi in parts or _told_part(d, s2, k2) or _share_beside(d, s2, k2) or _required(d, s2, k2):
            continue
        if w.value <= part.value:
            continue  # no total of the part, and its time leaves no total unclear ("the ten-team league")
        periods.add(d.m.frame(wi).period)
        if best < 0 or w.value > (d.facts[best].value or 0):
            best = wi
    if best >= 0 and not d.m.frame(best).period and periods - {""}:
        return -1  # "the £12m appeal" beside "last year's £6m appeal": which one "the appeal" is is unclear
    if best >= 0 and vague > (d.facts[best].value or 0):
        return -1  # "91,436 people were on the list ... about 38,000 patients ...": which is the total is unclear
    if best >= 0:
        bf, pf = d.m.frame(best), d.m.frame(pi)
        if bf.period and pf.period and bf.period != pf.period:
            return -1  # "5.1 million in 2023 ... a third of the total this year": another time's total
        if pf.scope not in ("", "whole") and bf.scope != pf.scope:
            return -1  # "In Leeds, 900 nurses, a quarter of the total,": maybe the total in Leeds
    return best


# Letters a whole's noun and a part's noun must share from their start to name one count ("applications"
# and "applicants", "subscriptions" and "subscribers"): a person and the act they are counted by.
NOUN_STEM = 6


def _one_stem(a: str, b: str) -> bool:
    """One noun, or a person's noun and the noun of what they do ("applicant", "application")."""
    if a == b:
        return True
    return min(len(a), len(b)) > NOUN_STEM and a.isalpha() and b.isalpha() and a[:NOUN_STEM] == b[:NOUN_STEM]


def _told_part(d: _Doc, si: int, k: int) -> bool:
    """The count at token ``k`` is told as a part of another ("3,000 of its 12,000", "including 40"), or
    as the whole of a part told right before it ("3,000 of its 12,000": the 12,000 is that part's whole,
    maybe not the story's total); "revenue of $61.4m" is neither."""
    ws = d.m.words[si]
    h = d.hedge_start(si, k)
    if (k + 1 < len(ws) and ws[k + 1] == "of") or (h > 0 and ws[h - 1] in ("including", "among")):
        return True
    j = h - 1
    while j > 0 and ws[j] in ("its", "their", "the", "a", "total"):
        j -= 1
    return j > 0 and ws[j] == "of" and any(d.fact_at(si, i) >= 0 for i in range(max(0, j - 3), j))


def _required(d: _Doc, si: int, k: int) -> bool:
    """The count at token ``k`` is told as what is needed or aimed at ("the plan requires 14,400 new homes",
    "a target of 5,000 places", ``[targets] required``): a need, no total of the things that exist."""
    return d.v.required_words.ending_at(d.m.words[si], d.hedge_start(si, k)) is not None


def _share_beside(d: _Doc, si: int, k: int) -> bool:
    """A share is set right after the count at token ``k`` ("141,200 cars, or 44.3% of the total", "900
    (12%)"): the count is a part of some total, not the total."""
    words = d.m.words[si]
    for j in range(k + 1, min(len(words), k + 1 + TOTAL_PART_GAP)):
        fj = d.fact_at(si, j)
        if fj >= 0:
            return d.facts[fj].kind in SHARES and any(w in _BESIDE for w in words[k + 1 : j])
        if words[j] in CLAUSE_END:
            return False
    return False


def _elided_noun(d: _Doc, pi: int) -> str:
    """The noun a bare count leaves to the count told before it: "biggest market with 38 million
    subscribers. Europe accounted for a third of the total, at 21 million" counts subscribers. The last
    word of the noun of the nearest count of its family before it, in its sentence or the one before, when
    that count names one and is told at the same scale ("million"); else ""."""
    si, pos = d.pos_of(pi)
    part = d.facts[pi]
    for _, _, fi in d.m.figures_before(si, pos, 1, None):
        f = d.facts[fi]
        if f.kind not in ("count", "number") or f.value is None:
            continue
        m = d.m.by_fact.get(fi)
        if m is None or not m.noun or _scale(d, fi) != _scale(d, pi) or f.value == part.value:
            return ""
        return m.noun.lower().split()[-1]
    return ""


def _scale(d: _Doc, fi: int) -> str:
    """The scale a figure is told in ("million" for "38m" and "38 million"), else "" (`numbers.scale_word`)."""
    return scale_word(d.view.text[d.facts[fi].span.start : d.facts[fi].span.end])


# Tokens set between an amount and the share told beside it: "£610,000, roughly a quarter of", "3,890, or
# less than 1% of", "41 pupils - almost a fifth of", "(22% of".
BESIDE_MARKS = frozenset({",", "or", "(", "-", "—", "–"})
# Words before a hedge that keep it one: "a little over a third", "well under 1%".
HEDGE_ADVERBS = frozenset({"a", "little", "slightly", "well", "just", "only"})
# Words of a part's noun between it and the mark before its share ("470 men, two in five of").
PART_NOUN_WORDS = 2
# Kinds of part such a share is read of (a measure's whole is of its unit: "41mm, two-thirds of the 62mm").
PART_KINDS = frozenset({"money", "count", "number", "measure"})
# Words after "of" that a whole's figure told in the share's own clause may stand ("of the country's 28.4
# million households", "of the site's workforce of 85").
OWN_WHOLE_WORDS = 5
# Tokens after a figure that a share set beside it may stand ("61,204 votes in Sunday's poll, 48%").
SHARE_BESIDE = 10
# Words of a noun phrase that names a share's whole ("the population", "the usual timetable").
NOUN_WHOLE_WORDS = 2
# Words that set a part against another group's: its share is of that group, not of a total.
SET_AGAINST = frozenset({"against", "with", "versus", "vs"})
# Verbs of a direction that tell a level of money gathered, not a move: "The gala raised £84,200".
RAISED = frozenset({"raised", "raises", "raising"})
# Sentences back that "the total" a share is of may stand.
BESIDE_TOTAL_BACK = 6


def _beside_shares(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """An amount and its share set beside it, "P, [or] about S of W", against the whole W names: a figure
    of the part's family told in the share's clause ("two-thirds of the 62mm expected", "a sixth of the
    site's workforce of 85"), "the total" told before (the nearest earlier level of the part's family and
    unit larger than it, one figure or several that agree), or a definite noun told before ("roughly a
    quarter of the money taken", "about 22% of the budget": ``referents.definite_whole``). A ``share``
    relation; only a share written after a mark that sets it beside its part is read, and only one the
    first pass left without a whole."""
    tied = {i for rel in built.get("share", {}).values() for _, i in rel.roles}
    for si, pos, xi, _ in d.figures(SHARES):
        if xi in tied:
            continue
        words = d.m.words[si]
        after = words[pos + 1] if pos + 1 < len(words) else "."
        bare = (
            after in CLAUSE_END
            or after in (",", "-", "—", "–")
            or (after == ")" and words[pos + 2 : pos + 3] != ("of",))
        )
        if (after != "of" or pos + 2 >= len(words)) and not bare:
            continue
        h = d.hedge_start(si, pos)
        while h > 0 and h > pos - 3 and words[h - 1] in HEDGE_ADVERBS:
            h -= 1  # "a little over a third", "well under 1%"
        k = h - 1
        while k >= 0 and k > h - 1 - BESIDE and words[k] in BESIDE_MARKS:
            k -= 1
        verb = d.v.share_before.ending_at(words, h) if k == h - 1 else None
        by_verb = verb is not None and verb[0] == "the whole"
        if verb is not None and by_verb:
            k = verb[1] - 1  # "the 14 made up about a sixth of", "2,300 account for 12% of"
        elif k == h - 1 or k < 0:
            continue  # no mark: "fell by a third of", "employs 40% of"
        pi = d.fact_at(si, k)
        for back in range(1, PART_NOUN_WORDS + 1):
            if pi >= 0 or k - back < 0 or not words[k - back + 1].isalpha() or d.verb_like(words[k - back + 1]):
                break
            pi = d.fact_at(si, k - back)  # "Around 470 men, two in five of": the part's noun before the mark
            if pi >= 0:
                k -= back
        if pi < 0 or d.facts[pi].kind not in PART_KINDS or d.facts[pi].value is None:
            continue
        pm = d.m.by_fact.get(pi)
        if d.facts[pi].is_range or d.older_end(si, k) or (pm is not None and pm.roles & _NOT_WHOLE - {"part"}):
            continue  # "a further 52", "the remaining 12", "£5 each": no part a share of a total is told of
        if bare and _compared_past(words, pos):
            continue  # "the total came in about £2.6m, or 22%, higher": a gap over another level, no part of a whole
        if bare:
            found = _bare_whole(d, si, k, pi)
        else:
            found = _beside_whole(d, si, pos + 2, pi)
        if found is None:
            continue
        wi, end, evidence = found
        if by_verb and evidence != "sentence" and d.facts[pi].kind in ("count", "number"):
            continue  # "Together the three account for two-thirds of the budget": items, not a count of it
        cue = d.span(si, k + 1, h) if bare else d.span(si, pos + 1, end)
        yield Relation("share", (("part", pi), ("whole", wi), ("share", xi)), (cue,), evidence)


def _beside_whole(d: _Doc, si: int, j: int, pi: int) -> tuple[int, int, str] | None:
    """The whole named after "of" at token ``j`` for the part ``pi``: (fact, end of its cue, evidence)."""
    words = d.m.words[si]
    part = d.facts[pi]
    # A figure told in the words after "of", before the clause ends: "of the 62mm", "of its staff of 85".
    for k in range(j, min(len(words), j + OWN_WHOLE_WORDS)):
        if words[k] in CLAUSE_END or words[k] in (",", ")"):
            break
        wi = d.fact_at(si, k)
        if wi < 0:
            continue
        w = d.facts[wi]
        if w.is_range or w.value is None or not same_family(w, part) or w.value <= (part.value or 0):
            return None
        return wi, k + 1, "sentence"
    amount = referent_words().amount_nouns.starting_at(words, j + 1) if words[j] == "the" else None
    if amount is not None:
        end = amount[1]
        if end < len(words) and (d.verb_like(words[end]) or words[end].endswith(("aken", "olen", "iven"))):
            end += 1  # "the money taken", "the sum raised"
        after = words[end] if end < len(words) else "."
        if after not in CLAUSE_END and after not in (",", ")", "-", "—", "–"):
            return None  # "the total cost", "the money taken by the second gang": a whole of its own
        own = _own_total_before(d, si, pi)
        if own >= 0:
            return own, end, "sentence"
        wi = _beside_total_before(d, si, j, pi)
        return (wi, end, "document") if wi >= 0 else None
    if words[j] not in ("the",):
        return None
    hit = definite_at(d, si, j, money=part.kind == "money")
    if hit is None:
        return _noun_whole(d, si, j, pi)
    wi = definite_whole(d, si, j, part, part=pi, sets_only=part.kind != "money")
    if wi < 0 or wi == pi:
        return None
    pm = d.m.by_fact.get(pi)
    if part.kind in ("count", "number") and (pm is None or not pm.noun or not concepts_agree(d, pi, wi)):
        return None  # "Together the three account for two-thirds of the budget": items, not a count of it
    w = d.facts[wi]
    if w.is_range or w.value is None or w.value <= (part.value or 0) or not same_family(w, part):
        return None
    return wi, hit[0], "document"


def _own_total_before(d: _Doc, si: int, pi: int) -> int:
    """ "Costs came to £2.69bn, with fuel alone accounting for £840m, or 31% of the total": the level its
    sentence tells right before the clause that opens on one of ``OWN_TOTAL_OPENERS`` and holds the part is
    the total, not a level of the sentences before. -1 when there is none: a larger level of the part's family
    and concept, no older end or change's amount."""
    words = d.m.words[si]
    _, ppos = d.pos_of(pi)
    part = d.facts[pi]
    opener = -1
    for k in range(ppos - 1, max(-1, ppos - 1 - OWN_TOTAL_REACH), -1):
        if d.fact_at(si, k) >= 0 or words[k] in CLAUSE_END:
            break
        if words[k] in OWN_TOTAL_OPENERS and k >= 1 and words[k - 1] == ",":
            opener = k - 1
            break
    if opener < 1:
        return -1
    wi = d.fact_at(si, opener - 1)
    if wi < 0:
        return -1
    w = d.facts[wi]
    m = d.m.by_fact.get(wi)
    if family(w) != family(part) or w.is_range or w.value is None or w.value <= (part.value or 0):
        return -1
    if d.older_end(si, opener - 1) or (m is not None and (m.roles & _NOT_WHOLE or m.direction)):
        return -1
    return wi if concepts_agree(d, pi, wi) else -1


# Words opening the clause after a comma that tells a part of the level right before the comma, and how many
# words before the part that opener may stand ("with fuel alone accounting for £840m").
OWN_TOTAL_OPENERS = frozenset({"with", "including"})
OWN_TOTAL_REACH = 6


def _noun_whole(d: _Doc, si: int, j: int, pi: int) -> tuple[int, int, str] | None:
    """ "the population", "the timetable", "the group's workforce": a whole named by a short noun phrase
    that ends its clause, no figure of its own, read as the total told before (``_beside_total_before``)."""
    words = d.m.words[si]
    end = j + 1
    while end < len(words) and end - j <= NOUN_WHOLE_WORDS and words[end][:1].isalpha() and d.fact_at(si, end) < 0:
        if words[end] in ("of", "in", "at", "on", "for", "from", "by", "with", "and", "or", "who", "which", "that"):
            return None  # "the vote in the north", "the staff who ...": narrowed, a whole of its own
        end += 1
    after = words[end] if end < len(words) else "."
    if end == j + 1 or end - j > NOUN_WHOLE_WORDS or (after not in CLAUSE_END and after not in (",", ")")):
        return None
    if any(w.endswith(("'s", "’s")) for w in words[j + 1 : end - 1]):
        return None  # "the region's traffic": another holder's whole
    wi = _beside_total_before(d, si, j, pi)
    return (wi, end, "document") if wi >= 0 else None


def _share_set_beside(d: _Doc, si: int, k: int) -> bool:
    """A share stands within ``SHARE_BESIDE`` tokens after the figure at token ``k``, in its clause."""
    words = d.m.words[si]
    for j in range(k + 1, min(len(words), k + 1 + SHARE_BESIDE)):
        if words[j] in CLAUSE_END:
            return False
        fi = d.fact_at(si, j)
        if fi >= 0 and d.facts[fi].kind not in FRAME_KINDS:
            return d.facts[fi].kind in SHARES  # past a time: "61,204 votes in Sunday's poll, 48%"
    return False


def _bare_whole(d: _Doc, si: int, k: int, pi: int) -> tuple[int, int, str] | None:
    """The whole of a share set beside its part with no "of" ("£1.49m, or almost two-thirds."): the total
    told before (``_beside_total_before``), when the part is a level of its own, not a change's amount ("fell by
    60,000, or 0.7%", "an increase of 7,226, or 8.6%": a share of the older level)."""
    m = d.m.by_fact.get(pi)
    words = d.m.words[si]
    h = d.hedge_start(si, k)
    if m is None or m.direction or m.roles & _NOT_WHOLE - {"part"} or (h > 0 and words[h - 1] in ("by", "of")):
        return None
    if set(words[max(0, h - 2) : h]) & SET_AGAINST:
        return None  # "against 18 (3%)", "compared with 168 (27.1%)": a share of a group of its own
    wi = _beside_total_before(d, si, k, pi, own=True)
    return (wi, k, "document" if d.pos_of(wi)[0] != si else "sentence") if wi >= 0 else None


# Tokens before a bracket that the level it stands beside may be told ("drew 18,400 shoppers on Saturday (").
BRACKET_LEVEL_REACH = 4


def _bracketed_beside(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` opens a bracket set beside a figure of its family told just before it: "The
    crowd of 6,412 (5,980 at the last home game)", "drew 18,400 shoppers on Saturday (15,900 a year ago)"."""
    words = d.m.words[si]
    if k < 2 or words[k - 1] != "(":
        return False
    own = family(d.facts[d.fact_at(si, k)])
    for x in range(k - 2, max(-1, k - 2 - BRACKET_LEVEL_REACH), -1):
        if words[x] in CLAUSE_END or words[x] == ",":
            return False
        fi = d.fact_at(si, x)
        if fi >= 0 and family(d.facts[fi]) == own:
            return True
    return False


def _beside_total_before(d: _Doc, si: int, j: int, pi: int, own: bool = False) -> int:
    """ "the total" a part's share is of: the one level of the part's family (and concept) larger than the
    part told in the ``BESIDE_TOTAL_BACK`` sentences before (not an older end, a change's amount, a part or a
    forecast); levels larger than the part that disagree leave it unclear (-1), as does a level no larger
    than it in the nearest sentence that tells one, or a sibling told with a share of its own."""
    part = d.facts[pi]
    held = _with_total(d, pi)
    if held >= 0:
        return held
    found: list[int] = []
    nearest = -1
    for s2, k2, wi in d.m.figures_before(si, j, BESIDE_TOTAL_BACK, None):
        if s2 == si and (not own or wi == pi):
            continue  # the part's own sentence: its figures are the part and its neighbours
        w = d.facts[wi]
        if family(w) != family(part) or w.is_range or w.value is None or not concepts_agree(d, pi, wi):
            continue
        if apposed(d, s2, k2):
            continue  # "said project director Anna Marsh, 47.": an age, no total
        if _bracketed_beside(d, s2, k2):
            continue  # "The crowd of 6,412 (5,980 at the last home game)": the bracket tells another time's level
        if _required(d, s2, k2):
            continue  # "the city plan requires 12,000 new homes": a need, no total
        m = d.m.by_fact.get(wi)
        if "than" in d.m.words[s2][max(0, k2 - 3) : k2]:
            continue  # "21% higher than the £3.9m raised": another level set against it
        if _share_set_beside(d, s2, k2):
            return -1  # "won 61,204 votes, 48.0% of ...": a part with its own share, a sibling, not the total
        if d.older_end(s2, k2) or (m is not None and (m.roles & _NOT_WHOLE or m.direction)):
            before = d.m.words[s2][max(0, d.hedge_start(s2, k2) - 2) : d.hedge_start(s2, k2)]
            if not (m is not None and not m.roles & _NOT_WHOLE and ("to" in before or RAISED & set(before))):
                continue  # "up from 84,210", "a further 52"; "rose 6% to £9.8bn", "raised £84,200": levels
        if nearest < 0:
            nearest = s2
        if w.value > (part.value or 0):
            found.append(wi)
        elif s2 == nearest:
            return -1  # a level no larger than the part just before it: another thing
    if not found or any(not d.facts[w].interval.overlaps(d.facts[found[0]].interval) for w in found[1:]):
        return -1  # none, or two totals that disagree ("91,436 on the list ... 38,000 waiting longer")
    wf, pf = d.m.frame(found[0]), d.m.frame(pi)
    if wf.period and pf.period and wf.period != pf.period:
        return -1  # "5.1 million in 2023 ... In 2024, 2.2 million, a third of the total": another time's total
    if pf.scope not in ("", "whole") and wf.scope != pf.scope:
        return -1  # "In Leeds, 900 nurses, a quarter of the total,": maybe the total in Leeds
    return found[0]


# Words that hang a part's clause off the clause of its total: "Costs came to £2.69bn, with fuel alone
# accounting for £840m, or 31% of the total".
WITH_TOTAL = frozenset({"with", "including", "of which"})


def _with_total(d: _Doc, pi: int) -> int:
    """The total told in the part's own sentence before ", with" (or ", including") that opens the part's
    clause: the nearest figure before the comma, of the part's family and concept and larger than it, with no
    other figure of the family between the comma and the part; else -1."""
    si, pos = d.pos_of(pi)
    words, part = d.m.words[si], d.facts[pi]
    j = pos - 1
    while j >= 1 and not (words[j] in WITH_TOTAL and words[j - 1] == ","):
        if words[j] in CLAUSE_END or (d.fact_at(si, j) >= 0 and family(d.facts[d.fact_at(si, j)]) == family(part)):
            return -1
        j -= 1
    if j < 1:
        return -1
    for k in range(j - 2, -1, -1):
        if words[k] in CLAUSE_END:
            return -1
        wi = d.fact_at(si, k)
        if wi < 0 or d.facts[wi].kind in FRAME_KINDS:
            continue
        w = d.facts[wi]
        if family(w) != family(part) or w.is_range or w.value is None or not concepts_agree(d, pi, wi):
            return -1
        return wi if w.value > (part.value or 0) and not d.older_end(si, k) else -1
    return -1
