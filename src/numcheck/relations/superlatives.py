"""Superlatives: a figure called the most (or fewest) of its kind, against another of that kind told of a
rival; placings told with their figures ("first with 38%, second with 41%")."""

from __future__ import annotations

from collections.abc import Iterator

from numcheck.mentions import CLAUSE_END
from numcheck.relations.base import _DETERMINERS, NOT_NAMES, Relation, _Doc, _lead_sentences, family, nouns_differ
from numcheck.relations.restatements import (
    _ECHO_STOP,
    _NOT_RESTATED,
    _bag,
    _caps,
    _direction,
    _frames_agree,
    _places,
)
from numcheck.vocab import singular

# Noun words between a figure and the comma before the superlative set after it ("84,121 new votes, the most").
SUPERLATIVE_NP = 5
# Rivals of one kind a superlative is compared with, largest (or smallest) first, and superlatives read
# per document: together they bound the comparisons.
PER_KIND = 8
SUPERLATIVES_PER_DOC = 6
# Punctuation that sets a superlative after its figure.
_APPOSITION = frozenset({",", "-", "–", "—"})
# Words after a superlative that bound it to a period, so another year's figure may pass it: "the most since 2015".
_PERIOD_BOUND = frozenset({"since", "in", "for"})
_PERIOD_KINDS = frozenset({"year", "date", "duration", "decade", "relative"})
# Words that make a superlative hold against every rival, wherever it is: "the most won by any candidate".
_UNIVERSAL = frozenset({"any", "all", "every", "ever", "history"})
# Words that make a superlative hold against every time, not only the story's own ("the most ever").
_ALL_TIME = frozenset({"ever", "history", "record"})
# Words that end the figure's noun phrase before the comma: what follows the comma is then another noun's.
_NOT_NOUN = frozenset({"of", "from", "to", "by", "with"})


# Kinds of a clause's own amount, told before a figure after a preposition ("took €1.8m from 520 screens").
_CLAUSE_AMOUNTS = frozenset({"count", "money", "measure", "percent"})


def _superlative_after(d: _Doc, si: int, pos: int) -> tuple[str, int, int, frozenset[str]] | None:
    """ "6,412 entries, the most received by any school in the northern districts" → ("above", first
    token, end of the phrase, its scope {northern, district}), or None."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if d._after_preposition(si, pos) and any(
        t.fact >= 0 and d.facts[t.fact].kind in _CLAUSE_AMOUNTS for t in toks[d.m.clause_start(si, pos) : pos]
    ):
        return None  # "took €1.8m from 520 screens, the best debut": the clause's amount is the best, not where
    j = pos + 1
    while j < len(words) and j - pos <= SUPERLATIVE_NP:
        if toks[j].fact >= 0:
            if d.facts[toks[j].fact].kind not in _PERIOD_KINDS | {"weekday"}:
                return None
        elif words[j] in _NOT_NOUN:
            return None  # "40% of Bramwell, the biggest cider maker": the superlative is the whole's
        elif not words[j][:1].isalpha():
            break
        j += 1  # "2,300 patients in March, the highest": a time of its own may stand before the comma
    if j + 1 >= len(words) or words[j] not in _APPOSITION:
        return None
    hit = d.v.superlatives.starting_at(words, j + 1)
    if hit is None:
        return None
    order, end = hit
    rest = words[end : d.m.clause_end(si, j + 1)]
    if "in" in rest and not _UNIVERSAL.intersection(words[j + 1 : end + len(rest)]):
        return None  # "the highest in the constituency": a rival elsewhere may be higher
    for k in range(end, d.m.clause_end(si, j + 1)):
        if words[k] in _PERIOD_BOUND and any(
            toks[x].fact >= 0 and d.facts[toks[x].fact].kind in _PERIOD_KINDS
            for x in range(k + 1, min(len(words), k + 4))
        ):
            return None  # "the most since 2015", "the highest in a decade": another period may be higher
    scope: set[str] = set()
    if "in" in rest:
        scope.update(singular(w.removesuffix("'s")) for w in rest[rest.index("in") + 1 :] if w[:1].isalpha())
    if _ALL_TIME.intersection(words[j + 1 : end + len(rest)]):
        scope.add("*ever")  # "the highest in its history": rivals of any time count
    return order, j + 1, end, frozenset(scope - _DETERMINERS - _UNIVERSAL)


def _superlatives(d: _Doc) -> Iterator[Relation]:
    """A figure called the most (or fewest) of its kind ("Ann Lee won with 4,120 votes, the most won by
    any candidate") against each other figure of the same kind and concept told of a rival: a clause
    with a name or a day in it ("Raj Patel took 4,350 votes", "On Friday it drew 11,800"), in the same
    years. A ``superlative`` relation, read as a comparison (a: the superlative's figure, b: the
    rival's, label ``order`` "above" or "below")."""
    kinds: dict[tuple[str, str], list[int]] = {}
    found: list[tuple[int, str, int, int, frozenset[str]]] = []
    for si, pos, fi, f in d.figures(frozenset({"count", "money", "measure", "percent"})):
        m = d.m.by_fact.get(fi)
        if m is None or not m.concept or m.concept in d.v.generic or f.hedge != "exact":
            continue
        said = _superlative_after(d, si, pos) if len(found) < SUPERLATIVES_PER_DOC else None
        if (m.roles - ({"another"} if said else set())) & _NOT_RESTATED:
            continue  # "more than any other list" is no "another"
        if said is not None:
            found.append((fi, *said))
        kinds.setdefault((family(f), m.concept), []).append(fi)
    for fi, order, start, end, scope in found:
        si, _ = d.pos_of(fi)
        m = d.m.by_fact[fi]
        group = kinds.get((family(d.facts[fi]), m.concept or ""), [])
        # The rivals most likely to pass it first: the largest for "the most", the smallest for "the fewest".
        rivals = sorted(group, key=lambda i: d.facts[i].value or 0, reverse=order == "above")[:PER_KIND]
        ever = "*ever" in scope
        scope -= {"*ever"}
        for oi in rivals:
            if oi == fi or not (ever or _frames_agree(d, fi, oi)):
                continue
            os_, opos = d.pos_of(oi)
            lo, hi = d.m.clause_start(os_, opos), d.m.clause_end(os_, opos)
            if os_ == si and lo <= d.pos_of(fi)[1] < hi:
                continue  # the same clause
            if os_ != si:
                lo = 0  # "The Lions, who finished third, scored 431 points": the rival opens the sentence
            if not _caps(d, os_, lo, hi) and not _dated(d, os_, lo, hi) and not (lo == 0 and _opens_with_name(d, os_)):
                continue  # no rival named: "as the team piled up 98 points" is a total, not a rival
            evidence = "sentence" if os_ == si else "document"
            if not scope <= _sentence_words(d, os_) and _places(d, os_, 0, len(d.m.words[os_])):
                continue  # "any list in the geographical constituencies" … "In the functional constituency"
            yield Relation(
                "superlative", (("a", fi), ("b", oi)), (d.span(si, start, end),), evidence, (("order", order),)
            )


def _dated(d: _Doc, si: int, lo: int, hi: int) -> bool:
    """A weekday or date among tokens ``lo`` to ``hi``: another occasion of the same kind ("On Friday")."""
    return any(t.fact >= 0 and d.facts[t.fact].kind in ("weekday", "date") for t in d.m.tokens[si][lo:hi])


def _sentence_words(d: _Doc, si: int) -> frozenset[str]:
    """A sentence's words in the singular, without possessives ("the city's wards" → city, ward)."""
    return frozenset(singular(w.removesuffix("'s")) for w in d.m.words[si])


# Place words and their rank: "came second with 41%", "third on 29%", "took top spot (48%)".
_PLACES = {"first": 1, "top": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
# Nouns after an ordinal that make it the ordinal of something else, not a placing: "the second half".
_NOT_PLACE = frozenset(
    "half halves quarter quarters round rounds time times day days week weeks year years month leg set game innings period stage term minute hour lap attempt phase".split()
)
# Tokens before a figure its placing may stand ("came first in the ward with 38%").
PLACE_REACH = 6
# Sentences a run of placings may span ("The laptop took second place (44%). The camera came third …").
PLACE_SENTENCES = 1
# Kinds whose placings go from most to least (not times, where the first is the lowest).
_PLACED_KINDS = frozenset({"percent", "count", "money"})


def _placing(d: _Doc, si: int, pos: int) -> tuple[int, int]:
    """The rank and token of the placing right before a figure ("second with 41%" → (2, its token)), or (0, -1)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for k in range(pos - 1, max(-1, pos - 1 - PLACE_REACH), -1):
        if toks[k].fact >= 0 or words[k] in CLAUSE_END or words[k] == ",":
            return 0, -1
        if words[k] in _PLACES:
            after = words[k + 1] if k + 1 < len(words) else ""
            if k == pos - 1 and words[k] in _SPAN_HEADS:
                return 0, -1  # "the top five nations": how many places, not a figure of the first
            return (0, -1) if after in _NOT_PLACE else (_PLACES[words[k]], k)
    return 0, -1


# Place words that, right before a count, name a run of places ("the top five", "the bottom three").
_SPAN_HEADS = frozenset({"top", "bottom"})


def _placings(d: _Doc) -> Iterator[Relation]:
    """Placings told with their figures, one after another: "Labour came first with 38%, the
    Conservatives second with 41%". Each placing is set against the one before it in the run (the
    same sentence or the next, another place, the same family): a ``superlative`` relation with
    ``order`` "above" (a: the better place's figure)."""
    last: tuple[int, int, int, int] | None = None  # rank, figure, sentence, placing token
    for si, pos, fi, f in d.figures(_PLACED_KINDS):
        rank, k = _placing(d, si, pos)
        if not rank:
            continue
        if last is not None:
            prank, pi, ps, pk = last
            if (
                prank != rank
                and si - ps <= PLACE_SENTENCES
                and family(d.facts[pi]) == family(f)
                and not nouns_differ(d, pi, fi)  # "second with 11 golds" … "fourth with 19 medals"
            ):
                evidence = "sentence" if ps == si else "document"
                # The better place first: "third with 12%. The Liberals came second with 9%" reads second, third.
                (ai, asi, ak), bi = ((pi, ps, pk), fi) if prank < rank else ((fi, si, k), pi)
                cue = (d.span(asi, ak, ak + 1),)
                yield Relation("superlative", (("a", ai), ("b", bi)), cue, evidence, (("order", "above"),))
        last = (rank, fi, si, k)


# Sentences after the lead the whole's rise may still be told in ("Official data have confirmed a
# cooling." … "Rents were 6.3% higher on the year").
WHOLE_AFTER_LEAD = 2
# Tokens either side of a superlative its rise word stands ("rose fastest", "the biggest increase").
RISE_NEAR = 2
# Words that say a part's figure is a rise, and words that make the sentence about a fall.
_RISE_WORDS = frozenset(
    "rose rise rises risen rising grew grow grows growth increase increases increased gain gains gained up higher".split()
)
_FALL_WORDS = frozenset(
    "fell fall falls fallen falling drop drops dropped decline declines declined down lower".split()
)


def _fastest_parts(d: _Doc) -> Iterator[Relation]:
    """The fastest (or slowest) rise of a part against the rise of the whole told before it, in the lead
    or the ``WHOLE_AFTER_LEAD`` sentences after it: "House prices rose 8.2% over the year" … "Prices rose fastest in the
    north-east, up 6%". The part's sentence names a place or group ("in the north-east", "in
    finance"), speaks of a rise and no fall, and shares a content word with the whole's clause; the
    years agree. A ``superlative`` relation (a: the part, b: the whole; ``order`` "above" for the
    fastest, "below" for the slowest)."""
    top = max(_lead_sentences(d), default=0) + WHOLE_AFTER_LEAD
    wholes: list[int] = []
    parts: list[tuple[int, str, int]] = []
    for si, _pos, fi, _ in d.figures(frozenset({"percent"})):
        words = d.m.words[si]
        if si <= top and len(wholes) < PER_KIND and _direction(d, fi) == "up":
            wholes.append(fi)
        # "rose fastest", "the biggest increase": the superlative next to a rise word, not a noun's
        # ("France's second largest carmaker").
        said = [
            (k, d.v.fastest[w])
            for k, w in enumerate(words)
            if w in d.v.fastest and _RISE_WORDS.intersection(words[max(0, k - RISE_NEAR) : k + RISE_NEAR + 1])
        ]
        if len(said) != 1 or not _RISE_WORDS.intersection(words) or _FALL_WORDS.intersection(words):
            continue
        if fi != _own_rise(d, si, said[0][0]):
            continue  # "grew fastest, by 26%, compared with 17% in B": 17% is a rival's, not the part's
        if len(parts) >= SUPERLATIVES_PER_DOC:
            continue
        parts.append((fi, said[0][1], said[0][0]))
    for fi, order, k in parts:
        si, pos = d.pos_of(fi)
        bag = _bag(d, si, pos)
        for wi in wholes:
            if d.pos_of(wi)[0] >= si or not _frames_agree(d, fi, wi) or not bag.keys() & _bag(d, *d.pos_of(wi)).keys():
                continue
            yield Relation(
                "superlative", (("a", fi), ("b", wi)), (d.span(si, k, k + 1),), "document", (("order", order),)
            )
            break


def _own_rise(d: _Doc, si: int, k: int) -> int:
    """The figure a superlative of a rise at token ``k`` is told of: the first percentage after it ("grew
    fastest, by 26%, compared with 17% in B", "rose fastest in the north-east, up 6%"), else the last one
    before it ("Wages in Leeds rose 5%, the biggest increase"); -1 when none."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    # "With inflation running at 2.7%, the rise is the largest ...": the opening clause is the setting's.
    setting = words.index(",") if words and words[0] in d.v.setting_openers and "," in words[:k] else -1
    before = -1
    for x, tok in enumerate(toks):
        if tok.fact < 0 or d.facts[tok.fact].kind != "percent":
            continue
        if x > k:
            return tok.fact
        if (
            not d.older_end(si, x) and x > setting
        ):  # "rose to 3.4%, up from 3.1%, driven by the sharpest increase in ...": no rise
            before = tok.fact
    return before


def _opens_with_name(d: _Doc, si: int) -> bool:
    """The sentence's first word is a name ("Labour won 6,480 votes"), not a common word ("The", "It")."""
    toks = d.m.tokens[si]
    if not toks or toks[0].fact >= 0:
        return False
    w = toks[0].text
    return w[:1].isalpha() and w not in _ECHO_STOP and w not in NOT_NAMES and d.v.concepts.get(w) is None
