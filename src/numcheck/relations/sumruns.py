"""Sums spread over sentences: a whole told once, then its parts over the next one to four sentences, each
in a clause of its own, read by the relation itself rather than by the shape of one sentence.

"Revenue climbed to £1.42bn. Bakery remained the biggest part of the business, with sales of £610m.
Chilled foods brought in £520m and the frozen arm the remaining £390m." A run of figures of one family
(one currency, or counts) ends on a cue that the run is a whole's breakdown:

- a rest: "the remaining £390m", "the rest, £38.1m,", "the rest of the world accounted for 237,000"
  (``[sums] closing``; the far forms ``[sums] far_closing``): the parts close the whole, exactly;
- a declared count of the members: "Of the city's five districts, ...", "at its three factories": the
  next that many figures of the family are the members' (at most the whole);
- a first part told of the whole: "contributing £1.26bn of the group's profit. Commercial banking added
  £810m and ... made £170m" (at most the whole).

The whole is found by the arithmetic: of the figures of the family told before the parts (in the
``WHOLE_BACK`` sentences before them), the one the parts nearly add up to (within ``FIT``), larger than
every part (or every part but one: a slip may push one part past its whole). A change's older level or
its size ("from £1.33bn", "up by 32,000"), a rate's base ("than", "per", "each"), a set counted by its
number ("its three factories"), and a figure told of another time than the whole's are neither parts
nor wholes. At least ``MIN_PARTS`` parts, told over two sentences or more (a list in one sentence is
``partlists``' to read). Each yields a ``breakdown`` (judged by ``sum``, NC205) with the label
``spread``; a reading of a part of such a run as the whole of its later siblings ("£520m + £390m against
£610m") is dropped for it (``relations.build``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from numcheck.mentions import same_holder
from numcheck.model import Fact, Span
from numcheck.relations.base import (
    _EARLIER_MARKS,
    Relation,
    _Doc,
    _plain_tokens,
    counted_set,
    family,
    is_average,
    whole_floors,
)
from numcheck.relations.compare import _named_sup_table
from numcheck.relations.lists import _tables as list_tables
from numcheck.relations.lists import plain_holders
from numcheck.relations.partlists import _told_of_a_whole
from numcheck.relations.referents import words as referent_words
from numcheck.vocab import PhraseTable, _toml, any_phrase, singular

# Sentences a run of parts may span, ending at its cue's sentence.
RUN_SENTENCES = 4
# Sentences before the first part that its whole may stand.
WHOLE_BACK = 8
# How near the parts' sum must come to a figure for it to be read as their whole (a share of it).
FIT = Decimal("0.12")
# Fewest parts a spread run is read with.
MIN_PARTS = 3
# Tokens back from a figure that a far rest phrase may stand in its clause ("the rest of the world
# accounted for 237,000").
FAR_REACH = 8
# Tokens either side of a figure, within its clause, that a word of an earlier time may stand ("The previous
# record, £45.9m,", "79,600 in the previous year").
EARLIER_REACH = 4
# Tokens after a figure its share of a whole may stand ("44,210 offences, more than a third of the total").
SHARE_REACH = 7
# Modifiers that may stand between "of the" and the whole's noun ("of the group's annual profit").
NOUN_REACH = 3

_AMOUNTS = frozenset({"count", "number", "money", "measure"})
# Words right before a figure that make it a base, a rate or an end of a comparison: no part, no whole.
_NOT_LEVELS = frozenset({"than", "per", "between", "against", "versus", "vs", "each", "from"})
_POSSESSIVES = frozenset({"its", "their", "the", "his", "her", "our"})
_STOPS = frozenset({",", ";", ".", ":", "(", ")"})


@functools.cache
def _money_closing() -> PhraseTable:
    return PhraseTable.build((p, "rest") for p in _toml("vocab.toml")["sums"]["rest_closing_money"])


@functools.cache
def _tables() -> tuple[PhraseTable, PhraseTable, frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["sums"]
    near = PhraseTable.build((p, "rest") for p in data["rest_closing"])
    far = PhraseTable.build((p, "rest") for p in data["far_closing"])
    return near, far, frozenset(data["open"]), frozenset(data["in_every"])


def _single(f: Fact) -> bool:
    return f.kind in _AMOUNTS and not f.is_range and f.value is not None and f.value > 0


# Tokens after a rest's plural noun that its own amount may stand ("the other seven batters managed 77").
REST_AMOUNT_REACH = 3


def _rest_at(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is told as the rest of a whole: a closing phrase right before it ("and the
    remaining 21", "the rest, £38.1m,"), or a far one earlier in its clause with no figure and no word that
    leaves it open between ("the rest of the world accounted for 237,000"; never "The remainder included
    21,700")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    near, far, open_words, _ = _tables()
    k = d.hedge_start(si, pos)
    if k > 0 and words[k - 1] == ",":
        k -= 1  # "the rest, £38.1m,"
    if d.facts[toks[pos].fact].kind == "money" and _money_closing().ending_at(words, k):
        return True  # "and extra support for the final £0.5m"
    if near.ending_at(words, k):
        # "the other seven batters managed 77": the rest's count of members, its amount told after it
        noun = pos + 1 < len(words) and words[pos + 1].isalpha() and words[pos + 1].endswith("s")
        near_after = range(pos + 2, min(len(words), pos + 2 + REST_AMOUNT_REACH))
        return not (noun and any(toks[j].fact >= 0 and _single(d.facts[toks[j].fact]) for j in near_after))
    for e in range(k - 1, max(0, k - FAR_REACH), -1):
        if toks[e].fact >= 0 or words[e] in _STOPS or words[e] in open_words:
            return False
        if far.ending_at(words, e):
            return True
    return False


def _earlier(d: _Doc, si: int, pos: int) -> bool:
    """A word of an earlier time beside the figure in its clause: "The previous record, £45.9m,", "79,600 in
    the previous year", "the year before, when the figure was 43,430" (``[sums] earlier``)."""
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    a, b = max(lo, pos - EARLIER_REACH), min(hi, pos + EARLIER_REACH + 1)
    if any(words[k] in _EARLIER_MARKS for k in range(a, b)):
        return True
    table = _earlier_table()
    for k in table.starts_in(words, max(0, pos - 2 * EARLIER_REACH), b):
        hit = table.starting_at(words, k)
        if hit is not None and not _passive(words, hit[1]):
            return True
    return False


def _passive(words: Sequence[str], j: int) -> bool:
    """ "had been" before a participle is the verb's own tense ("148,300 doses had been given"), not a level
    of an earlier time ("which had been 43,430")."""
    if j < 2 or words[j - 2 : j] != ("had", "been") or j >= len(words):
        return False
    w = words[j]
    return w.isalpha() and (w.endswith(("ed", "en")) or w in _participles_table())


@functools.cache
def _participles_table() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["sums"]["participles"])


@functools.cache
def _earlier_table() -> PhraseTable:
    return PhraseTable.build((p, "earlier") for p in _toml("vocab.toml")["sums"]["earlier"])


# Words opening a clause that tells an aside of another place or time: "where burglaries more than
# halved, falling from 412 to 189", "when the figure was 43,430".
_ASIDES = frozenset({"where", "when", "whose"})


def _aside(d: _Doc, si: int, pos: int) -> bool:
    """The figure stands in a clause opened by "where", "when" or "whose", or in a participle that runs on
    from it ("where burglaries more than halved, falling from 412 to 189"); not once a comma has closed
    the aside and the main clause goes on ("Millbank, where ... since 2021, has 36,400")."""
    words = d.m.words[si]
    resumed = False
    for k in range(pos - 1, -1, -1):
        if words[k] == ";":
            return False
        if words[k] == "," and k + 1 < pos and not words[k + 1].endswith("ing"):
            resumed = True
        if words[k] in _ASIDES:
            return not resumed
    return False


def _relative_aside(d: _Doc, si: int, pos: int) -> bool:
    """The figure stands in a relative clause set off by commas (``[sums] aside_relatives``) and the main
    clause goes on after it with a figure of its own family: "the wealth business, which it bought in 2019
    for £640m, made £170m" (the price is an aside, the £170m the part); not "Bakery, which made £610m, was
    the largest division", where the aside's figure is the part itself."""
    words, toks = d.m.words[si], d.m.tokens[si]
    rel = _aside_relatives()
    for k in range(pos - 1, 0, -1):
        if words[k] in _STOPS:
            return False
        if words[k] in rel and words[k - 1] == ",":
            break
    else:
        return False
    end = next((j for j in range(pos + 1, len(words)) if words[j] in _STOPS), len(words))
    if end >= len(words) or words[end] != ",":
        return False
    like = family(d.facts[toks[pos].fact])
    for j in range(end + 1, len(words)):
        if words[j] in (";", ".", ":") or (words[j] == "," and j > end + 1 and words[j + 1 : j + 2] == ("and",)):
            return False
        fi = toks[j].fact
        if fi >= 0 and _single(d.facts[fi]) and family(d.facts[fi]) == like:
            return True
    return False


@functools.cache
def _aside_relatives() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["sums"]["aside_relatives"])


def _share_told(d: _Doc, si: int, pos: int) -> bool:
    """The figure is told with its share of a whole right after it ("44,210 offences, more than a third of
    the total", "287,000 arrivals, about 35% of the total"): a part, never the whole of a run."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos + 1, min(len(words) - 1, pos + 1 + SHARE_REACH)):
        if toks[k].fact >= 0 and d.facts[toks[k].fact].kind in ("percent", "share"):
            return words[k + 1] == "of"
    return False


# Words that join two figures into one score or tally: "four for 51", "25 legs to 19".
_PAIRS = frozenset({"for", "to"})


def _paired(d: _Doc, si: int, start: int, pos: int) -> bool:
    """The figure (from its hedge at ``start`` to ``pos``) is one end of a pair of one family "N for M",
    "N to M", "25 legs to Doyle's 19"."""
    words = d.m.words[si]
    like = family(d.facts[d.fact_at(si, pos)])

    def alike(k: int) -> bool:
        fi = d.fact_at(si, k)
        return fi >= 0 and family(d.facts[fi]) == like

    if start > 1 and words[start - 1] in _PAIRS and alike(start - 2):
        return True
    for k in range(pos + 1, min(len(words) - 1, pos + 3)):
        if words[k] in _PAIRS:
            j = k + 1 + words[k + 1].endswith("'s")
            return j < len(words) and alike(j)
        if not words[k].isalpha():
            return False
    return False


def _level(d: _Doc, si: int, pos: int, like: str, whole: bool = False) -> bool:
    """The figure at ``pos`` is a level of family ``like`` that may be a part (or, with ``whole``, the
    whole) of a run. A move's size may be a whole ("raised £12.6m", "will cut 640 jobs"), never a part told
    among levels ("Bakery sales rose £20m to £610m")."""
    fi = d.m.tokens[si][pos].fact
    f = d.facts[fi]
    if not _single(f) or family(f) != like:
        return False
    words = d.m.words[si]
    if d.older_end(si, pos) or d.move_told(si, pos) or d.gap_told(si, pos) or (not whole and d.move_size(fi)):
        return False
    k = d.hedge_start(si, pos)
    if k > 0 and words[k - 1] in _NOT_LEVELS:
        return False
    if k > 0 and words[k - 1] in ("top", "bottom"):
        return False  # "got one of their top three": a place in a ranking, no amount
    if k > 1 and words[k - 1] == "(" and (b := d.fact_at(si, k - 2)) >= 0 and family(d.facts[b]) == like:
        return False  # "£98.1m (£95.0m last year)": the figure's own other time, in brackets
    if _paired(d, si, k, pos):
        return False  # "took four for 51", "won 25 legs to Doyle's 19": two figures told as one score
    if k > 1 and words[k - 1] == "of" and d.v.direction.ending_at(words, k - 1):
        return False  # "a fall of 24,500", "an increase of 32,000": a move's size
    if k > 1 and words[k - 1] in ("of", "to") and words[k - 2] in d.v.gap_before:
        return False  # "a majority of 414", "a margin of 12": a gap between two levels
    if k > 0 and d.v.comparison.ending_at(words, k - (words[k - 1] in _POSSESSIVES)):
        return False  # "ahead of the $17.9bn analysts had expected": a level set against
    if " ".join(words[pos + 1 : pos + 3]) in _tables()[3]:
        return False  # "one pound in every seven": a ratio
    m = d.m.by_fact.get(fi)
    if m is not None and "each" in m.roles and not (whole and k > 0 and words[k - 1] == "every"):
        return False  # (a whole may be told of each unit it splits: "Of every £1 spent, 53p goes on ...")
    if d.group_bound_at(si, pos):
        return False  # "187 were in children under five": the bound names the group, no amount of the run
    if is_average(d, fi) or _earlier(d, si, pos) or _aside(d, si, pos) or _relative_aside(d, si, pos):
        return False
    if whole and (_told_of_a_whole(d, fi) or _share_told(d, si, pos)):
        return False  # "accounting for 44,210 offences, more than a third of the total": a part
    return not counted_set(d, si, pos)


def _levels_between(d: _Doc, s0: int, s1: int, end: int, like: str, whole: bool = False) -> list[tuple[int, int]]:
    """(sentence, position) of the levels of ``like`` from sentence ``s0`` to token ``end`` of ``s1``
    (with ``whole``, those that may be a whole)."""
    out: list[tuple[int, int]] = []
    for si in range(max(0, s0), s1 + 1):
        toks = d.m.tokens[si]
        stop = end if si == s1 else len(toks)
        out.extend((si, p) for p in range(stop) if toks[p].fact >= 0 and _level(d, si, p, like, whole))
    return out


def _periods_agree(d: _Doc, whole: int, parts: Sequence[int]) -> bool:
    tp = d.m.frame(whole).period
    for fi in parts:
        pp = d.m.frame(fi).period
        if pp == "past" and tp != "past":
            return False  # "£98.1m (£95m last year)": a figure of another year, no part
        if tp.isdigit() and pp.isdigit() and pp != tp:
            return False  # "In 2023 it had 1.05 million": another year's figure
    return True


def _concepts_agree(d: _Doc, whole: int, parts: Sequence[int]) -> bool:
    if d.facts[whole].kind == "money":
        return True  # (money's concept is its verb: "brought in" and "made" may be one flow)
    known = d.v.concept_names
    tc = d.m.frame(whole).concept
    return not (tc in known and any((c := d.m.frame(fi).concept) in known and c != tc for fi in parts))


def _fit(d: _Doc, whole: int, parts: Sequence[int], floor: Decimal) -> Decimal | None:
    """How far the parts' sum is from the whole, as a share of it; None when it cannot be their whole."""
    w = d.facts[whole].value or Decimal(0)
    if any(d.facts[fi].value == w for fi in parts):
        return None  # the whole told again among them ("carried 26.8 million passengers" twice)
    if w <= floor or not _periods_agree(d, whole, parts) or not _concepts_agree(d, whole, parts):
        return None
    total = sum((d.facts[fi].value or Decimal(0) for fi in parts), Decimal(0))
    gap = abs(total - w) / w
    return gap if gap <= FIT else None


def _digits_at(value: Decimal, exponent: int) -> str:
    """The digits of ``value`` written to ``exponent`` ("0.8" at -1 → "08" beside "1.8" → "18")."""
    return str(abs(value.scaleb(-exponent)).to_integral_value())


def _slipped_fit(d: _Doc, whole: int, parts: Sequence[int], floor: Decimal) -> bool:
    """The parts a rest closes miss the whole only by one digit of one part: "a shortfall of £3.2m" … "will
    add £1.9m" … "another £1.8m, and ... for the final £0.5m" fits with £0.8m, one keystroke from £1.8m.
    The whole is then still theirs, for the sum judge to read the slip; one part's digits are changed,
    same length, same place of its point."""
    if any(d.facts[fi].hedge != "exact" for fi in (whole, *parts)):
        return False  # "despite more than 200 objections": a bound is no whole a slip is read against
    w = d.facts[whole].value
    if w is None or w <= floor or not _periods_agree(d, whole, parts) or not _concepts_agree(d, whole, parts):
        return False
    values = [d.facts[fi].value or Decimal(0) for fi in parts]
    total = sum(values, Decimal(0))
    if any(2 * v == total for v in values):
        return False  # "60 of the flats ... Of those, 36 ... and the remaining 24": a part and its own parts
    for v in values:
        implied = w - (total - v)
        exponent = v.normalize().as_tuple().exponent
        if implied <= 0 or implied == v or not isinstance(exponent, int) or implied != round(implied, -exponent):
            continue
        a, b = _digits_at(v, exponent), _digits_at(implied, exponent)
        a, b = a.rjust(len(b), "0"), b.rjust(len(a), "0")
        if sum(x != y for x, y in zip(a, b, strict=True)) == 1:
            return True
    return False


# Words between a whole and its first part in one sentence that open the parts ("rose to £1.42bn, with
# bakery making £610m", "£318m: £142m for care").
_OPENING = frozenset({"with", ":", "including", "of"})


def _opens_parts(d: _Doc, whole: int, first: int) -> bool:
    """The whole stands before the sentence of its first part, or in it with a word that opens the parts
    between them; never as one item of the parts' own list ("53p goes to prizes, 28p to good causes")."""
    (s1, p1), (s2, p2) = d.pos_of(whole), d.pos_of(first)
    if s1 < s2:
        return True
    words = d.m.words[s1]
    between = words[p1 + 1 : p2]
    # "Of every £1 spent on tickets, 53p goes ...": the whole of an "Of" opener
    return s1 == s2 and (any(w in _OPENING for w in between) or (words[0] == "of" and "," in between))


def _best_whole(d: _Doc, candidates: Sequence[int], parts: Sequence[int]) -> int:
    """Of ``candidates``, the one the parts nearly add up to (larger than every part, else every part but
    one), or -1."""
    floors = whole_floors(d.facts[fi].value for fi in parts)
    for floor in floors:
        scored = [(g, -n, c) for n, c in enumerate(candidates) if (g := _fit(d, c, parts, floor)) is not None]
        if scored:
            return min(scored)[2]
    return -1


def _relation(d: _Doc, whole: int, parts: Sequence[int], cue: tuple[int, int], exact: bool) -> Relation:
    si, pos = cue
    roles = (("total", whole),) + tuple(("item", fi) for fi in parts)
    labels: tuple[tuple[str, str], ...] = (("inclusive", "" if exact else "yes"), ("spread", "yes"))
    ws, wp = d.pos_of(whole)
    k = d.hedge_start(ws, wp)
    if k > 0 and d.m.words[ws][k - 1] == "every":
        labels += (("unit", "yes"),)  # "Of every £1 spent": one unit, exactly, whatever its printed precision
    return Relation("breakdown", roles, (d.span(si, pos, pos + 1),), "document", labels)


def _spans_sentences(d: _Doc, parts: Sequence[int]) -> bool:
    return len({d.pos_of(fi)[0] for fi in parts}) > 1


def _rest_runs(d: _Doc, si: int, pos: int, like: str) -> Iterator[Relation]:
    """The rest at ``pos`` closes a run of parts: the levels of its family told back from it, up to
    ``RUN_SENTENCES`` sentences, each run with one of the figures before it as its whole; the run and
    whole the arithmetic fits best are read. Figures between a whole and its first part are passed over
    ("812,000 moved to the UK, while 496,000 left. Work ... 287,000, ..."). When the best fit is a list
    within one sentence, it is ``partlists``' to read."""
    lo = si - RUN_SENTENCES - WHOLE_BACK
    wholes = set(_levels_between(d, lo, si, pos + 1, like, whole=True))
    levels = sorted(wholes | set(_levels_between(d, lo, si, pos + 1, like)))
    facts = [d.m.tokens[s][p].fact for s, p in levels]
    sents = [s for s, _ in levels]
    exact: tuple[int, int] | None = None  # (j, k): the longest run that adds up to a whole at its precision
    loose: tuple[int, int, Decimal, int] | None = None  # (j, floor, gap, k): else the longest that nearly does
    for j in range(len(facts) - 2, -1, -1):
        if not _level(d, *levels[j], like) or sents[j] < si - RUN_SENTENCES + 1:
            break
        if _rest_at(d, *levels[j]):
            break  # "The remaining £3.6m ... the other £17m": a rest before closes a whole of its own
        pronoun = _of_pronoun(d, *levels[j])
        if _part_of_other(d, *levels[j]) and not pronoun:
            break  # "three of the district's 14 wards": a part of another set
        parts = facts[j:]
        if _nested(d, parts):
            continue  # "224 will be affordable, or 35 per cent: 134 for social rent and 90 ...": 224's own list
        floors = whole_floors(d.facts[fi].value for fi in parts)
        if pronoun and _nearest_before(d, *levels[j], like) != (levels[j - 1] if j else None):
            break  # "them" stands for a figure that is no whole of the run ("nine of which ... Four of those")
        for k in range(j - 1, -1, -1):
            if sents[k] < sents[j] - WHOLE_BACK or (pronoun and k < j - 1):
                break  # ("4.1 million of them": only the figure "them" stands for, the nearest before)
            if levels[k] not in wholes or not _opens_parts(d, facts[k], parts[0]):
                continue
            if _adds_up(d, facts[k], parts):
                exact = (j, k)
                break
            for n, floor in enumerate(floors):
                g = _fit(d, facts[k], parts, floor)
                if g is None and _slipped_fit(d, facts[k], parts, floor):
                    g = FIT  # the loosest fit: read only when no run fits nearer
                if g is not None:
                    if loose is None or (j, n, g) < (loose[0], loose[1], loose[2]):
                        loose = (j, n, g, k)
                    break
        if pronoun:
            break  # and the run begins with it
    if exact is not None:
        j, k = exact
    elif loose is not None:
        j, k = loose[0], loose[3]
    else:
        return
    parts = facts[j:]
    if _past_threshold(d, facts[k], parts):
        return
    if d.moment_apart(si, {d.pos_of(fi)[0] for fi in parts}):
        return  # "The remaining 300 were allowed home on Thursday 9 May": the last through a later event
    if len(parts) >= MIN_PARTS and _spans_sentences(d, parts) and _told_apart(d, parts):
        yield _relation(d, facts[k], parts, (si, pos), exact=True)


def _past_threshold(d: _Doc, whole: int, parts: Sequence[int]) -> bool:
    """The whole is a mark passed ("Measles cases pass 300") and a part reaches it alone ("confirmed 312
    cases"): that part is the count the mark is told of, no sibling of the others."""
    iv = d.facts[whole].interval
    if iv.bounded or iv.low is None:
        return False
    return any((v := d.facts[fi].value) is not None and v >= iv.low for fi in parts)


def _nested(d: _Doc, parts: Sequence[int]) -> bool:
    """A part is followed in its sentence by a colon, or a comma and a word that opens a breakdown
    (``[breakdown] exact``), and more parts: those are its own breakdown ("Of the 640 homes, 224 will be
    affordable: 134 for social rent and 90 for shared ownership. The rest, 416, ...", "Arts Council funding
    makes up £6.4m of that, split £3.3m for 2025-26 and £3.1m for 2026-27"), not siblings of it."""
    for a, b in zip(parts, parts[1:], strict=False):
        (sa, pa), (sb, pb) = d.pos_of(a), d.pos_of(b)
        if sa != sb:
            continue
        words = d.m.words[sa]
        # ", split £3.3m for ...": the opening word stands right before the next part, after a comma
        k = d.hedge_start(sb, pb)
        hit = d.v.breakdown_open.ending_at(words, k)
        opened = hit is not None and hit[1] > pa + 1 and words[hit[1] - 1] == ","
        if ":" in words[pa + 1 : pb] or opened:
            return True
    return False


def _adds_up(d: _Doc, whole: int, parts: Sequence[int]) -> bool:
    """The parts' figures add up to the whole as it is written (within its last digit): "Between them the
    pair hit 25 ... 14 of them and Doyle the other 11"."""
    from numcheck.judges.arith import value_interval  # (judges import relations)

    shown = sum((d.facts[fi].value or Decimal(0) for fi in parts), Decimal(0))
    return value_interval(d.facts[whole]).contains(shown)


def _nearest_before(d: _Doc, si: int, pos: int, like: str) -> tuple[int, int] | None:
    """(sentence, position) of the nearest figure of family ``like`` before the one at ``pos``."""
    for s2 in range(si, max(-1, si - WHOLE_BACK), -1):
        toks = d.m.tokens[s2]
        for p in range(pos - 1 if s2 == si else len(toks) - 1, -1, -1):
            fi = toks[p].fact
            if fi >= 0 and _single(d.facts[fi]) and family(d.facts[fi]) == like:
                return s2, p
    return None


def _of_pronoun(d: _Doc, si: int, pos: int) -> bool:
    """ "4.1 million of them", "Four of those": a part of the set a pronoun stands for."""
    words = d.m.words[si]
    return pos + 2 < len(words) and words[pos + 1] == "of" and words[pos + 2] in _OF_PRONOUNS


_OF_PRONOUNS = frozenset({"which", "whom", "those", "them", "these"})


def _part_of_other(d: _Doc, si: int, pos: int) -> bool:
    """The figure is told as a part of a set named by a figure or a pronoun right after it ("three of the
    district's 14 wards", "nine of which", "Four of those"): not a part of the run's whole."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if pos + 1 >= len(words) or words[pos + 1] != "of":
        return False
    if pos + 2 < len(words) and words[pos + 2] in _OF_PRONOUNS:
        return True
    return any(toks[k].fact >= 0 for k in range(pos + 2, min(len(words), pos + 2 + NOUN_REACH + 1)))


def _told_apart(d: _Doc, parts: Sequence[int]) -> bool:
    """The parts count one thing: no two known concepts among them, nor two nouns written right after
    their figures ("9,218 valid signatures" ... "The remaining 11 wards")."""
    if d.facts[parts[0]].kind == "money":
        return True
    known = d.v.concept_names
    if len({c for fi in parts if (c := d.m.frame(fi).concept) in known}) > 1:
        return False
    nouns = {n for fi in parts if (n := _plural_after(d, fi))}
    return len(nouns) <= 1


# Words ending in "s" that are verbs, not what a figure counts ("2,910 has", "£30m goes").
_S_VERBS = frozenset(
    {
        "was",
        "has",
        "is",
        "goes",
        "takes",
        "gets",
        "comes",
        "makes",
        "remains",
        "accounts",
        "includes",
        "does",
        "says",
        "stands",
        "its",
        "his",
        "this",
        "as",
        "plus",
        "across",
    }
)


# Words after a figure that join it to the next part: "4,100 and Ms Orr 2,000" counts no "ms".
_JOINING = frozenset({"and", "or", "while", "but", "with"})


def _plural_after(d: _Doc, fi: int) -> str:
    """The plural noun written right after the figure, or after one word ("11 wards", "9,218 valid
    signatures"), in the singular; "" when there is none."""
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos + 1, min(len(words), pos + 3)):
        w = words[k]
        if toks[k].fact >= 0 or not w.isalpha() or w in _S_VERBS or w in _JOINING:
            return ""
        if w.endswith("s") and not w.endswith("ss"):
            return singular(w)
    return ""


def _named(d: _Doc, si: int, lo: int, hi: int) -> bool:
    """A capitalised word naming a member between tokens ``lo`` and ``hi`` ("North Shore has 98,400")."""
    toks = d.m.tokens[si]
    text = d.view.text
    plain = plain_holders()
    words = d.m.words[si]
    return any(
        toks[k].fact < 0
        and (
            (text[toks[k].start].isupper() and toks[k].text not in d.v.not_names)
            or (words[k] in plain.by_first and plain.starting_at(words, k))
        )
        for k in range(max(0, lo), hi)
    )


def _declared_runs(d: _Doc, si: int, pos: int) -> Iterator[Relation]:
    """ "Of the city's five districts, Harbourside ... 131,200 residents. North Shore has 98,400 ...": the
    next N levels of one family after a declared count of N members are the members' own, each told with a
    name; their whole is told before the count."""
    n = int(d.facts[d.m.tokens[si][pos].fact].value or 0)
    if n < MIN_PARTS:
        return
    like = ""
    parts: list[int] = []
    last = (si, pos)
    for s2 in range(si, min(len(d.m.tokens), si + RUN_SENTENCES)):
        toks, words = d.m.tokens[s2], d.m.words[s2]
        for p in range(pos + 1 if s2 == si else 0, len(toks)):
            fi = toks[p].fact
            if fi < 0 or not _single(d.facts[fi]) or counted_set(d, s2, p):
                continue
            if not like:
                like = family(d.facts[fi])
            if not _level(d, s2, p, like):
                continue
            if p + 1 < len(words) and words[p + 1] == "of":
                return  # "scored two of the Knights' four tries": a part of another whole
            lo = last[1] + 1 if last[0] == s2 else 0
            if not _named(d, s2, lo, p) and not _named(d, s2, p + 1, min(len(words), p + 4)):
                return  # each member is told by its name
            parts.append(fi)
            last = (s2, p)
            if len(parts) == n:
                break
        if len(parts) == n:
            break
    if len(parts) != n or not _spans_sentences(d, parts) or not _told_apart(d, parts):
        return
    before = _levels_between(d, si - WHOLE_BACK, si, pos, like, whole=True)
    whole = _best_whole(d, [d.m.tokens[s][p].fact for s, p in before], parts)
    if whole >= 0:
        yield _relation(d, whole, parts, (si, pos), exact=False)


def _whole_noun(d: _Doc, si: int, pos: int) -> str:
    """ "contributing £1.26bn of the group's profit": the noun of the definite whole a part is told of, right
    after it ("profit"); "" when there is none, or a figure follows ("17 of the 22 starters")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if pos + 2 >= len(words) or words[pos + 1] != "of":
        return ""
    det = words[pos + 2]
    if not (det in ("the", "its", "their") or det.endswith("'s")):
        return ""
    for k in range(pos + 3, min(len(words), pos + 3 + NOUN_REACH)):
        if words[k].endswith("'s") and toks[k].fact < 0:
            continue  # "of the group's profit"
        if toks[k].fact >= 0 or not words[k].isalpha():
            return ""
        if k + 1 >= len(words) or not words[k + 1].isalpha() or words[k + 1] in ("and", "with", "while"):
            return singular(words[k])
    return ""


def _parts_after(d: _Doc, si: int, pos: int, like: str, paragraph: bool = False) -> list[int]:
    """The first part at ``pos``, then the next parts of its family in its sentence and the next ones (a
    sentence with none, or a rest, ends the run; with ``paragraph``, so does the paragraph's end)."""
    sents = d.view.doc.sentences
    parts = [d.m.tokens[si][pos].fact]
    for s2 in range(si, min(len(d.m.tokens), si + RUN_SENTENCES)):
        if paragraph and sents[s2].paragraph != sents[si].paragraph:
            break
        toks = d.m.tokens[s2]
        got = [
            (p, toks[p].fact)
            for p in range(pos + 1 if s2 == si else 0, len(toks))
            if toks[p].fact >= 0 and _level(d, s2, p, like) and not _one_members(d, s2, p)
        ]
        if not got and s2 > si:
            break
        for p, fi in got:
            parts.append(fi)
            if _rest_at(d, s2, p):
                break
        else:
            continue
        break
    return parts


@functools.cache
def _superlative_words() -> frozenset[str]:
    """The superlatives that pick one member (``[named_superlatives]``, read by compare.py) and the ages'."""
    ages = {w for pair in _toml("comparisons.toml")["outdone"]["age"] for w in pair}
    return frozenset(_named_sup_table()[0]) | ages


def _one_members(d: _Doc, si: int, p: int) -> bool:
    """The figure at token ``p`` is told of one member picked by a superlative at its clause's head ("The
    youngest, a Green, is 24", "the biggest, in Leeds, has 90"): a measure of that one, no part of a set."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, p)
    lo += 1 if lo < p and words[lo] in (";", ",", "and", "while") else 0
    return lo + 1 < p and words[lo] == "the" and words[lo + 1] in _superlative_words()


def _of_whole_runs(d: _Doc, si: int, pos: int, like: str, noun: str) -> Iterator[Relation]:
    """A first part told of the whole by its noun, then the next parts of its family (``_parts_after``): at
    most the whole told before in a sentence that names the noun ("pre-tax profits of £2.14bn")."""
    parts = _parts_after(d, si, pos, like)
    if len(parts) < MIN_PARTS or not _spans_sentences(d, parts) or not _told_apart(d, parts):
        return
    before = [
        d.m.tokens[s][p].fact
        for s, p in _levels_between(d, si - WHOLE_BACK, si, pos, like, whole=True)
        if noun in {singular(w) for w in d.m.words[s]}
    ]
    whole = _best_whole(d, before, parts)
    if whole >= 0:
        yield _relation(d, whole, parts, (si, pos), exact=False)


def _of_pointing(d: _Doc, si: int, pos: int) -> bool:
    """ "Broadcasting brought in £164m of that", "£41m of it came from ...": a part told of a whole a pointing
    word stands for, with no noun of its own after it but a noun of amount ("of that total";
    ``[sums] of_pointing``)."""
    words = d.m.words[si]
    hit = _pointing_table().starting_at(words, pos + 1)
    if not hit:
        return False
    after = hit[1]
    return (
        after >= len(words)
        or not words[after].isalpha()
        or bool(referent_words().amount_nouns.starting_at(words, after))
    )


@functools.cache
def _pointing_table() -> PhraseTable:
    return PhraseTable.build((p, "of") for p in _toml("vocab.toml")["sums"]["of_pointing"])


# Sentences back from a part told "of that" that the whole it points at may stand.
POINTING_BACK = 2


def _other_flow(d: _Doc, whole: int, fi: int) -> bool:
    """The figure's known concept is another than the whole's known one, or money goes the other way:
    one of them paid out (``[sums] outgoing``: "wages", "spent"), the other not."""
    known, out = d.v.concept_names, _outgoing()
    wc, pc = d.m.frame(whole).concept, d.m.frame(fi).concept
    si, pos = d.pos_of(fi)
    if d.m.words[si][pos + 1 : pos + 2] and d.m.words[si][pos + 1] in _contribution():
        return False  # "will pay £21m towards the cost": a payer's part of the whole
    if wc in known and pc in known and wc != pc:
        return True
    return pc in known and (pc in out) != (wc in out)


@functools.cache
def _outgoing() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["sums"]["outgoing"])


@functools.cache
def _contribution() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["sums"]["contribution"])


def _of_pointing_runs(d: _Doc, si: int, pos: int, like: str) -> Iterator[Relation]:
    """ "Revenue hit a record £318m. Broadcasting brought in £164m of that. Matchday income was £71m and
    commercial deals £93m.": the part told "of that" and the parts after it in its paragraph, at most the
    whole the pointing word stands for: the nearest level of the family before it (``POINTING_BACK``
    sentences), larger than the first part."""
    before = _levels_between(d, si - POINTING_BACK, si, pos, like, whole=True)
    if not before:
        return
    whole = d.m.tokens[before[-1][0]][before[-1][1]].fact
    parts = _parts_after(d, si, pos, like, paragraph=True)
    for n, fi in enumerate(parts):
        if _other_flow(d, whole, fi):
            parts = parts[:n]  # "Revenue was £318m. ... £164m of that ... Wages were £204m.": money the other way
            break
    w = d.facts[whole].value or Decimal(0)
    if len(parts) < MIN_PARTS or not _spans_sentences(d, parts) or not _told_apart(d, parts) or _nested(d, parts):
        return
    if (d.facts[parts[0]].value or 0) >= w or not _periods_agree(d, whole, parts):
        return
    yield _relation(d, whole, parts, (si, pos), exact=False)


def _no_holding(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is no one member's share of a set: a gap to a line ("Labour is five short"), or
    told of several together ("a combined group of 28"; ``[lists] not_held_after``, ``not_held_clause``)."""
    words = d.m.words[si]
    tables = list_tables()
    if tables["not_held_after"].starting_at(words, pos + 1):
        return True
    start = d.m.clause_start(si, pos)
    return any(tables["not_held_clause"].starting_at(words, j) for j in range(start, pos))


def _set_total_runs(d: _Doc, si: int, pos: int, like: str) -> Iterator[Relation]:
    """ "All 72 seats were up for election. Labour won 33, down from 38. The Liberal Democrats took 19 ...":
    a whole told as the total of a set ("all 72 seats", "a total of 640 beds") and, in the next sentences,
    the levels of its family each given to a name: the named members' shares of it, at most the whole
    (they may be only some). The run ends at a sentence with no named level."""
    noun = _plural_after(d, d.m.tokens[si][pos].fact)
    if not noun:
        return
    whole = d.m.tokens[si][pos].fact
    parts: list[int] = []
    for s2 in range(si + 1, min(len(d.m.tokens), si + 1 + RUN_SENTENCES)):
        toks, words = d.m.tokens[s2], d.m.words[s2]
        got = []
        last = 0
        for p in range(len(toks)):
            if toks[p].fact < 0 or not _level(d, s2, p, like):
                continue
            if (
                _part_of_other(d, s2, p)
                or _no_holding(d, s2, p)
                or not (_named(d, s2, last, p) or _named(d, s2, p + 1, min(len(words), p + 3)))
            ):
                last = p + 1
                continue
            got.append(toks[p].fact)
            last = p + 1
        if not got:
            break
        parts.extend(got)
    if len(parts) < MIN_PARTS or not _spans_sentences(d, parts) or not _told_apart(d, parts):
        return
    if not _periods_agree(d, whole, parts) or not _concepts_agree(d, whole, parts):
        return
    if any((d.facts[fi].value or 0) >= (d.facts[whole].value or 0) for fi in parts):
        return
    yield _relation(d, whole, parts, (si, pos), exact=False)


@functools.cache
def _part_tables() -> tuple[PhraseTable, PhraseTable]:
    data = _toml("vocab.toml")["sums"]
    return (
        PhraseTable.build((p, "verb") for p in data["part_verbs"]),
        PhraseTable.build((p, "rest") for p in data["bare_rest"]),
    )


def _bare_rest_at(d: _Doc, si: int) -> int:
    """Where a rest told without a figure stands in sentence ``si`` ("Franchise stores made up the rest.",
    "The remainder were day cases."), with no figure of an amount in the sentence; else -1."""
    toks = d.m.tokens[si]
    if any(t.fact >= 0 and _single(d.facts[t.fact]) for t in toks):
        return -1
    span = d.view.doc.sentences[si].span
    if not _rest_words().search(d.view.text, span.start, span.end):
        return -1  # (one search of the sentence's text before reading it into words: most hold no rest)
    words = d.m.words[si] if toks else tuple(t.text for t in _plain_tokens(d, si))
    rest = _part_tables()[1]
    return next((k for k in rest.starts_in(words) if rest.starting_at(words, k)), -1)


@functools.cache
def _rest_words() -> re.Pattern[str]:
    """The phrases of ``[sums] bare_rest``, as one case-blind search (their first word is "the")."""
    return any_phrase(_toml("vocab.toml")["sums"]["bare_rest"])


def _verb_parts(d: _Doc, si: int) -> list[int]:
    """The parts sentence ``si`` tells each after a verb of making up a whole (``[sums] part_verbs``:
    "Online sales accounted for £800m", "Exports made up 1.4 million"), or after the verb's last word in a
    clause that leaves the verb out ("and outpatient clinics for 9,500", "and price by 384"); [] when a
    level of the family is told otherwise. A change's older end beside a part ("up from £650m") is passed."""
    words, toks = d.m.words[si], d.m.tokens[si]
    verbs = _part_tables()[0]
    out: list[int] = []
    like, tail = "", ""
    last = 0
    for p, tok in enumerate(toks):
        if tok.fact < 0 or not _single(d.facts[tok.fact]):
            continue
        f = d.facts[tok.fact]
        like = like or family(f)
        k = d.hedge_start(si, p)
        hit = verbs.ending_at(words, k) or _verb_then_at(words, k)
        told = hit is not None or (out and k > 0 and words[k - 1] == tail)
        if not told and out and _label_before(d, si, k) and not (d.older_end(si, p) or d.move_told(si, p)):
            # "Teaching staff will cost £4.9m and support staff £2.1m": a label, the verb left out
            told = any(w in _LIST_JOINS for w in words[last:k])
        last = p + 1
        if _whole_noun(d, si, p) or _part_of_other(d, si, p):
            return []  # "£1.8m of its income": a part of a whole it names itself
        if family(f) == like and told and not (_earlier(d, si, p) or _aside(d, si, p)):
            out.append(tok.fact)
            tail = tail or words[k - 1]
            continue
        if d.older_end(si, p) or d.move_told(si, p):
            continue  # "up from £650m": the part's own change
        return []
    return out


# Words before a figure that are no label of a part whose verb is left out: a preposition, a particle.
_NOT_LABEL_WORDS = frozenset(
    {"from", "to", "on", "up", "down", "since", "for", "over", "under", "about", "around", "having"}
)


def _label_before(d: _Doc, si: int, k: int) -> bool:
    """The word before token ``k`` may end the label of a part told with its verb left out ("and support
    staff £2.1m"): a word, no joining word, preposition or verb."""
    if k <= 0:
        return False
    w = d.m.words[si][k - 1]
    return w.isalpha() and w not in _NOT_LABELS and w not in _NOT_LABEL_WORDS and not d.verb_like(w)


# Words that join one part's clause to the next's when the next leaves its verb out.
_LIST_JOINS = frozenset({"and", ",", "while", "whereas"})

# Words from a verb of making up a whole to the comma before its part's "at" ("made up the largest share,
# at 6.1 million tonnes").
VERB_AT_REACH = 5


def _verb_then_at(words: Sequence[str], k: int) -> tuple[str, int] | None:
    """A verb of making up a whole ends a few words before ", at" or ", with" right before token ``k``:
    "Containers made up the largest share, at 6.1 million tonnes"."""
    if k < 3 or words[k - 1] not in ("at", "with") or words[k - 2] != ",":
        return None
    verbs = _part_tables()[0]
    for j in range(k - 3, max(0, k - 3 - VERB_AT_REACH), -1):
        hit = verbs.ending_at(words, j)
        if hit is not None:
            return hit
        if words[j - 1] in (",", ";", ":"):
            return None
    return None


def _part_verbs_in(d: _Doc, si: int) -> bool:
    """Sentence ``si`` holds a verb of making up a whole (``[sums] part_verbs``) anywhere."""
    words = d.m.words[si]
    verbs = _part_tables()[0]
    return any(verbs.starting_at(words, k) for k in verbs.starts_in(words))


def _plain_span(d: _Doc, si: int, at: int) -> Span:
    toks = _plain_tokens(d, si)
    return Span(toks[at].start, toks[min(len(toks), at + 2) - 1].end)


def _bare_rest_runs(d: _Doc, si: int, at: int) -> Iterator[Relation]:
    """ "Arden made sales of £2.4bn. Its UK shops accounted for £1.3bn. Online sales accounted for £800m.
    Franchise stores made up the rest.": the parts told one sentence or more each after a verb of making
    up a whole, in the ``RUN_SENTENCES`` sentences before a sentence that tells the rest without a figure,
    leave some of the whole: together less than the nearest level of their family told before the first
    (in ``WHOLE_BACK`` sentences), larger than every part (or every part but one)."""
    parts: list[int] = []
    for s2 in range(si - 1, max(-1, si - 1 - RUN_SENTENCES), -1):
        got = _verb_parts(d, s2)
        if not got or (parts and family(d.facts[got[0]]) != family(d.facts[parts[0]])):
            break
        parts = got + parts
    if len(parts) < 2 or not _told_apart(d, parts):
        return  # (parts told in one sentence are closed by a rest in the next: "The rest said ...")
    like = family(d.facts[parts[0]])
    fs, fp = d.pos_of(parts[0])
    before = _levels_between(d, fs - WHOLE_BACK, fs, fp, like, whole=True)
    floors = whole_floors(d.facts[fi].value for fi in parts)
    for s2, p in reversed(before):
        whole = d.m.tokens[s2][p].fact
        w = d.facts[whole].value or Decimal(0)
        if any(_other_flow(d, whole, fi) for fi in parts):
            return
        if w > floors[-1] and _periods_agree(d, whole, parts) and _concepts_agree(d, whole, parts):
            roles = (("total", whole),) + tuple(("item", fi) for fi in parts)
            cue = d.span(si, at, at + 2) if d.m.tokens[si] else _plain_span(d, si, at)
            yield Relation("breakdown", roles, (cue,), "document", (("inclusive", "yes"), ("rest", "told")))
            return


# Tokens from a sentence's "Of" that its whole may stand ("Of the £2,104 Band D bill,").
OPENER_REACH = 4


def _opener_whole(d: _Doc, si: int, pos: int, like: str) -> int:
    """The position of the whole an "Of the £2,104 Band D bill," opener tells before the rest at ``pos`` in
    its sentence, with no other figure between; else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if not words or words[0] != "of":
        return -1
    k = next((j for j in range(1, min(pos, OPENER_REACH + 1)) if toks[j].fact >= 0), -1)
    if k < 0 or not _level(d, si, k, like, whole=True) or "," not in words[k + 1 : pos]:
        return -1
    return -1 if any(toks[j].fact >= 0 for j in range(k + 1, d.hedge_start(si, pos))) else k


def _opened_rest_runs(d: _Doc, si: int, pos: int, at: int) -> Iterator[Relation]:
    """ "The county council's share is £1,610 and the police take £290. Of the £2,104 Band D bill, the fire
    service gets the remaining £304.": the whole told by the rest's opener, after its other parts: the levels
    of its family in the ``RUN_SENTENCES`` sentences before, the run ending there that the whole fits best
    (exactly, else within ``FIT``); the rest closes the whole, so they add up to it."""
    whole = d.m.tokens[si][at].fact
    rest = d.m.tokens[si][pos].fact
    like = family(d.facts[whole])
    levels = _levels_between(d, si - RUN_SENTENCES + 1, si, 0, like)
    facts = [d.m.tokens[s2][p].fact for s2, p in levels if s2 < si]
    best: tuple[int, Decimal, int] | None = None
    for j in range(len(facts) - 1, -1, -1):
        run = facts[j:] + [rest]
        if _rest_at(d, *d.pos_of(facts[j])):
            break
        if _adds_up(d, whole, run):
            best = (0, Decimal(0), j)
            continue
        floors = whole_floors(d.facts[fi].value for fi in run)
        g = _fit(d, whole, run, floors[-1])
        if g is not None and (best is None or (1, g) < best[:2]):
            best = (1, g, j)
    if best is None:
        return
    run = facts[best[2] :] + [rest]
    if len(run) >= MIN_PARTS and _told_apart(d, run):
        yield _relation(d, whole, run, (si, pos), exact=True)


@functools.cache
def _allocation_verbs() -> PhraseTable:
    data = _toml("vocab.toml")["sums"]
    return PhraseTable.build((p, "verb") for p in (*data["part_verbs"], *data["allocation_verbs"]))


# Words that may not stand right before a part told with its label and the verb left out ("the police £290").
_NOT_LABELS = frozenset({"and", "or", "of", "the", "a", "an", "by", "than", "with", "in", "at", "its", "their"})


def _allocated(d: _Doc, si: int, parts: list[int]) -> list[int]:
    """The parts up to the first one told after the opener's sentence that is not told as a share given
    out: after a verb of getting or taking one (``[sums] allocation_verbs``, ``part_verbs``), after a label
    with the verb left out once a part of its sentence had one ("The police get £290, the fire service
    £304"), or as the rest ("the remaining £204"). "The council also borrowed £1.5bn" ends the run."""
    verbs = _allocation_verbs()
    out: list[int] = []
    told: set[int] = set()  # sentences with a part told by its verb
    for fi in parts:
        s2, p = d.pos_of(fi)
        if s2 == si:
            out.append(fi)
            continue
        words = d.m.words[s2]
        k = d.hedge_start(s2, p)
        w = words[k - 1].removesuffix("'s") if k > 0 else ""
        if verbs.ending_at(words, k) or _rest_at(d, s2, p):
            told.add(s2)
        elif not (s2 in told and w.isalpha() and w not in _NOT_LABELS):
            break
        out.append(fi)
    return out


def _opener_runs(d: _Doc, si: int) -> Iterator[Relation]:
    """ "Of the £2,104 Band D bill, the county council takes £1,610. The police get £290, the fire service
    £304 and the district council the rest.": the whole an "Of the ..." opener tells, then its parts in its
    sentence and the next ones of its paragraph (``_parts_after``, ending at a rest): at most the whole, all
    of it when a rest with a figure closes them. Parts in the opener's sentence alone are ``partlists``'."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = next((j for j in range(1, min(len(toks), OPENER_REACH + 1)) if toks[j].fact >= 0), -1)
    if k < 0 or not _single(d.facts[toks[k].fact]) or "," in words[1:k]:
        return  # "Of that, £2.6bn is for buses": the opener's whole told before, this figure a part of it
    like = family(d.facts[toks[k].fact])
    comma = next((j for j in range(k + 1, len(words)) if words[j] in _STOPS), -1)
    if comma < 0 or words[comma] != "," or not _level(d, si, k, like, whole=True):
        return
    first = next((p for p in range(comma + 1, len(toks)) if toks[p].fact >= 0 and _level(d, si, p, like)), -1)
    if first < 0:
        return
    whole = toks[k].fact
    parts = _allocated(d, si, _parts_after(d, si, first, like, paragraph=True))
    if len(parts) < 2 or not _spans_sentences(d, parts) or not _told_apart(d, parts) or _nested(d, parts):
        return
    if any(_other_flow(d, whole, fi) for fi in parts) or not _periods_agree(d, whole, parts):
        return
    w = d.facts[whole].value or Decimal(0)
    if any((d.facts[fi].value or 0) >= w for fi in parts[:1]):
        return
    ls, lp = d.pos_of(parts[-1])
    exact = _rest_at(d, ls, lp)
    yield _relation(d, whole, parts, (si, k), exact=exact)


def _verb_runs(d: _Doc, si: int, first: list[int]) -> Iterator[Relation]:
    """ "The port handled a record 14.6 million tonnes last year. Containers accounted for 6.1 million
    tonnes. Dry bulk made up 5.3 million, and ro-ro freight 3.2 million.": parts told each after a verb of
    making up a whole (``_verb_parts``), in sentence ``si`` and the next ones while each tells some (up to
    ``RUN_SENTENCES``), are some of the nearest level of their family told before the first (in
    ``WHOLE_BACK`` sentences, larger than every part or every part but one, of the same time and concept):
    together at most it. A run a rest without a figure closes is ``_bare_rest_runs``'."""
    parts = list(first)
    s2 = si + 1
    while s2 < len(d.m.tokens) and s2 < si + RUN_SENTENCES and (got := _verb_parts(d, s2)):
        if family(d.facts[got[0]]) != family(d.facts[parts[0]]):
            break
        parts += got
        s2 += 1
    if len(parts) < 2 or (s2 < len(d.m.tokens) and _bare_rest_at(d, s2) >= 0):
        return
    if any(_rest_at(d, *d.pos_of(fi)) for fi in parts):
        return  # "... and the drinks arm the remaining £630m": a run its rest closes, read by ``_rest_runs``
    like = family(d.facts[parts[0]])
    fs, fp = d.pos_of(parts[0])
    floors = whole_floors(d.facts[fi].value for fi in parts)
    for ws, wp in reversed(_levels_between(d, fs - WHOLE_BACK, fs, fp, like, whole=True)):
        whole = d.m.tokens[ws][wp].fact
        k = d.hedge_start(ws, wp)
        if k > 1 and d.m.words[ws][k - 2] == "of" and d.m.words[ws][k - 1] in ("which", "whom") and ws == fs - 1:
            # "Its income reached £286,000, of which £211,000 came from donors. Grants made up £68,000, ...":
            # the first part told "of which" in the sentence before, its whole before it
            parts = [whole, *parts]
            floors = whole_floors(d.facts[fi].value for fi in parts)
            continue
        if any(_other_flow(d, whole, fi) for fi in parts) or not _opens_parts(d, whole, parts[0]):
            return
        if _no_holding(d, ws, wp):
            return  # "A, B and C received £9.5m between them": the holders' total, read by the holders reader
        if (
            d.m.frame(whole).holder
            and not any(
                same_holder(d.m.frame(whole).holder, d.m.frame(fi).holder) for fi in parts if d.m.frame(fi).holder
            )
            and any(d.m.frame(fi).holder for fi in parts)
        ):
            return  # "The Conservatives were reduced to 14 seats. Labour took nine, the Greens six": a side's
        if any(
            t.fact >= 0 and t.fact != whole and t.fact not in parts and _level(d, ws, p, like)
            for p, t in enumerate(d.m.tokens[ws])
        ):
            return  # "Dana Reid won 1,702 votes and Tom Aldous 1,288": one of a list, no whole
        w = d.facts[whole].value or Decimal(0)
        if w > floors[-1] and _periods_agree(d, whole, parts) and _concepts_agree(d, whole, parts):
            if not _other_spans(d, whole, parts) and not _others_told(d, whole, parts):
                yield _relation(d, whole, parts, d.pos_of(parts[0]), exact=False)
        return


@functools.cache
def _other_holders() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["sums"]["other_holders"])


def _others_told(d: _Doc, whole: int, parts: Sequence[int]) -> bool:
    """A part's sentence gives its figures to another holder than the whole's ("Its rival Kestrel said China
    brought in $4.1bn for it": ``[sums] other_holders``)."""
    ws = d.pos_of(whole)[0]
    return any(_other_holders().intersection(d.m.words[si]) for si in {d.pos_of(fi)[0] for fi in parts} if si != ws)


_TIMES = frozenset({"relative", "date", "year", "month", "duration"})


def _other_spans(d: _Doc, whole: int, parts: Sequence[int]) -> bool:
    """A part's sentence names a span of time the whole's does not ("Sales reached $900m in the quarter.
    Asia contributed $500m in the year to date": ``[lists] region_times``)."""
    times = list_tables()["region_times"]

    def named(si: int) -> set[str]:
        words = d.m.words[si]
        got = {" ".join(words[k : hit[1]]) for k in times.starts_in(words) if (hit := times.starting_at(words, k))}
        # a time the fact table read ("in the year to date", "last year")
        return got | {
            d.facts[t.fact].text.lower() for t in d.m.tokens[si] if t.fact >= 0 and d.facts[t.fact].kind in _TIMES
        }

    told = named(d.pos_of(whole)[0])
    return any(named(si) - told for si in {d.pos_of(fi)[0] for fi in parts})


@functools.cache
def _totals_after() -> PhraseTable:
    return PhraseTable.build((p, "total") for p in _toml("vocab.toml")["sums"]["totals_after"])


@functools.cache
def _sum_verbs() -> PhraseTable:
    return PhraseTable.build((p, "sum") for p in _toml("vocab.toml")["sums"]["sum_verbs"])


def _summed_runs(d: _Doc, si: int) -> Iterator[Relation]:
    """ "The runners collected £38,450 in sponsorship. Online donations added £21,300, and a bucket
    collection brought in another £2,750. Altogether the day made £53,500.": a sentence opened by a word of
    a sum (``[sums] totals_after``: "Altogether", "In total", "All told") that tells one level, or that
    tells one after a verb of a sum (``[sums] sum_verbs``: "Valid votes cast totalled 4,118"), after the
    levels of its family in the sentences before it in its paragraph (up to ``RUN_SENTENCES``, a sentence
    with none ending the run): they are some of it, so at most it. Parts told in one sentence are
    ``partlists._total_after``'s; told of another time or concept than the total, they are not read."""
    words, toks = d.m.words[si], d.m.tokens[si]
    figs = [p for p, t in enumerate(toks) if t.fact >= 0 and _single(d.facts[t.fact])]
    if _totals_after().starting_at(words, 0) is None:
        # "Valid votes cast totalled 4,118": a verb of a sum right before the figure
        verbs = _sum_verbs()
        figs = [p for p in figs if verbs.ending_at(words, d.hedge_start(si, p))]
    if len(figs) != 1:
        return
    like = family(d.facts[toks[figs[0]].fact])
    if not _level(d, si, figs[0], like, whole=True):
        return
    if any(t.fact >= 0 and _level(d, si, p, like) for p, t in enumerate(toks[: figs[0]])):
        return  # another level of its family before it: which one is the sum is not told
    whole = toks[figs[0]].fact
    sents = d.view.doc.sentences
    parts: list[int] = []
    # The run stays in the total's paragraph, or the one before when the total opens its own.
    first = si == 0 or sents[si - 1].paragraph != sents[si].paragraph
    for s2 in range(si - 1, max(-1, si - RUN_SENTENCES), -1):
        if sents[s2].paragraph != sents[si].paragraph and not (
            first and sents[s2].paragraph == sents[si].paragraph - 1
        ):
            break
        got = [t.fact for p, t in enumerate(d.m.tokens[s2]) if t.fact >= 0 and _level(d, s2, p, like)]
        if not got:
            break
        parts = got + parts
    if len(parts) < 2 or not _spans_sentences(d, parts) or not _told_apart(d, parts):
        return
    w = d.facts[whole].value or Decimal(0)
    if any((d.facts[fi].value or 0) >= w for fi in parts):
        return
    if _periods_agree(d, whole, parts) and _concepts_agree(d, whole, parts):
        yield _relation(d, whole, parts, (si, figs[0]), exact=False)


def _spread_sums(d: _Doc) -> Iterator[Relation]:
    """Each cue of a run: a rest, a declared count of members, a first part told "of the" whole, the total
    of a set, parts told by a verb of making up a whole."""
    told_before = False
    for si, toks in enumerate(d.m.tokens):
        if si >= 2 and (at := _bare_rest_at(d, si)) >= 0:
            yield from _bare_rest_runs(d, si, at)
        if si >= 2:
            yield from _summed_runs(d, si)
        got = _verb_parts(d, si) if si and _part_verbs_in(d, si) else []
        if got and not told_before:
            yield from _verb_runs(d, si, got)
        told_before = bool(got)
        if d.m.words[si][:1] == ("of",):
            yield from _opener_runs(d, si)
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or not _single(d.facts[fi]):
                continue
            f = d.facts[fi]
            like = family(f)
            if counted_set(d, si, pos):
                yield from _declared_runs(d, si, pos)
                continue
            # The cues first, the test of a level (the costly one) only for a figure that has one.
            m = d.m.by_fact.get(fi)
            set_total = m is not None and "total" in m.roles and f.kind in ("count", "number")
            rest = _rest_at(d, si, pos)
            noun = "" if rest else _whole_noun(d, si, pos)
            pointing = not rest and not noun and _of_pointing(d, si, pos)
            if not (set_total or rest or noun or pointing) or not _level(d, si, pos, like):
                continue
            if set_total:
                yield from _set_total_runs(d, si, pos, like)
            if rest:
                if (opener := _opener_whole(d, si, pos, like)) >= 0:
                    yield from _opened_rest_runs(d, si, pos, opener)
                else:
                    yield from _rest_runs(d, si, pos, like)
            elif noun:
                yield from _of_whole_runs(d, si, pos, like, noun)
            elif pointing:
                yield from _of_pointing_runs(d, si, pos, like)
