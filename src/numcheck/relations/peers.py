"""Peers: figures of one family told for different named holders (places, firms, parties, films), and
every place or superlative the text binds to one of them, checked against the rank the figures give it.

One reading for the whole class, wherever the figures stand: "Second-placed Arkwright made £61m" … "Tessley
made £88m, Pardon £72m and Crewe £40m" (two ahead: third at best); "Brindle was the wettest town in
Wales" … "Rain gauges at Brindle caught 36.4mm. Carrow recorded 41.2mm" (Carrow is wetter); "the lowest
rate of the five boroughs, at 3.9%" … "Ashby has 3.4%, Carden 4.6%". The peer set
is read once per document (``peer_entries``): each figure of an amount kind with the name it is told of,
by a list ("Tolley 1.5%", "1.5% in Tolley", "Tolley had 1.5%", "Altham fell to -12.2C") or, for a figure alone of its family in
its sentence, by its frame's holder. A holder's claim is then read against the other holders' figures
of the same family, unit, measure, time and place, each told exactly; hedged peers are not judged, nor
older ends of changes, parts, totals, forecasts, gaps or another day's figures.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from numcheck import startcache
from numcheck.mentions import CLAUSE_END, Token, same_holder
from numcheck.model import Fact, Span
from numcheck.relations.base import NOT_NAMES, Relation, _Doc, family, is_gap
from numcheck.relations.compare import (
    _NOT_ENTRY_ROLES,
    _alike,
    _change_froms,
    _high,
    _named_figures,
    _named_sup_table,
    _one_measure,
    _one_season,
    _outranks,
    _own_figure,
    _placings,
    _tables,
    _timed,
)
from numcheck.relations.golf import golf_told
from numcheck.relations.lists import _name_entry
from numcheck.relations.restatements import _ECHO_STOP, _frames_agree
from numcheck.vocab import _toml, singular

# Kinds of figure a ranking of peers is read on.
_PEER_KINDS = frozenset({"count", "number", "money", "percent", "measure", "duration"})
# Sentences either side of a claim (and of its holder's own figure) its peers may be told in.
PEER_SENTENCES = 8
# Claims read per document: bounds the comparisons.
CLAIMS_PER_DOC = 8
# Tokens after a superlative its noun phrase may run before its clause ends ("the wettest town in Wales").
SUP_PHRASE = 8
# Peers' figures further apart than this factor are another table's (a market leader may sell four times
# what the third-placed maker does, not ten times).
PEER_SPREAD = 8
# Sentences between a place ("came third", "the second-largest") and the nearest of its peers.
PLACE_SENTENCES = 3
# Sentences after a superlative narrowed to a named place ("the warmest place in Wales") its peers are read in.
NARROWED_AFTER = 3
# Tokens after a superlative its holder's own figure may stand ("the highest rate of the four, at 6.1%").
OWN_AFTER = 12
# Capitalised tokens a name after "in" or "at" may have ("1.5% in neighbouring Tolley", "at Lydford Cross").
NAME_WORDS = 3


@dataclass(frozen=True, slots=True)
class Entry:
    """One holder's figure: the name it is told of (lower case) and its fact."""

    holder: str
    fact: int
    si: int


@dataclass(frozen=True, slots=True)
class _PeerWords:
    """The peer readers' words (``comparisons.toml`` ``[peers]``)."""

    whole_words: frozenset[str]
    narrow: frozenset[str]
    not_before: frozenset[str]
    binds: frozenset[str]
    name_skip: frozenset[str]
    not_verbs: frozenset[str]
    name_opens: frozenset[str]
    level_verbs: frozenset[str]
    contrast: frozenset[str]
    degree_words: frozenset[str]
    thresholds: frozenset[str]
    own_links: frozenset[str]
    label_nouns: frozenset[str]
    apposition: frozenset[str]
    running: frozenset[str]
    money_scales: frozenset[str]
    part_openers: frozenset[str]
    copulas: frozenset[str]
    best_words: frozenset[str]
    own_possessives: frozenset[str]
    career_scopes: frozenset[str]
    subgroup_openers: frozenset[str]


@functools.cache
def _words() -> _PeerWords:
    data = _toml("comparisons.toml")["peers"]
    return _PeerWords(**{key: frozenset(data[key]) for key in _PeerWords.__dataclass_fields__})


def peer_entries(d: _Doc) -> tuple[Entry, ...]:
    """Every figure the text tells of a named holder, read once per document."""
    return d.once("peer-entries", lambda: tuple(_read_entries(d)))


def _read_entries(d: _Doc) -> Iterator[Entry]:
    olders = set(_change_froms(d))
    for si, toks in enumerate(d.m.tokens):
        if not toks:
            continue
        told = [(pos, tok.fact) for pos, tok in enumerate(toks) if tok.fact >= 0 and _level(d, si, pos, olders)]
        fams: dict[str, int] = {}
        for _, fi in told:
            fams[family(d.facts[fi])] = fams.get(family(d.facts[fi]), 0) + 1
        listed = {fi: name for name, fi in _named_figures(d, si)} if told else {}
        for pos, fi in told:
            name = listed.get(fi) or _name_after(d, si, pos) or _named_before(d, si, pos) or _subject_before(d, si, pos)
            if not name and fams.get(family(d.facts[fi])) == 1:
                name = d.m.frame(fi).holder  # the one level of its family its sentence tells
            if name and not _ECHO_STOP.issuperset(name.split()):
                yield Entry(name.removesuffix("'s"), fi, si)  # not "Only 11.2mm of rain fell"


def _level(d: _Doc, si: int, pos: int, olders: set[int]) -> bool:
    """The figure at token ``pos`` is a holder's level, told exactly: not the older end of a change, a move's
    size, a part, a total, a forecast, a gap, a mark passed or a label."""
    fi = d.m.tokens[si][pos].fact
    f = d.facts[fi]
    if fi in olders or f.kind not in _PEER_KINDS or f.is_range or f.value is None or f.hedge != "exact":
        return False
    m = d.m.by_fact.get(fi)
    if m is None:
        return False
    words = d.m.words[si]
    j = d.hedge_start(si, pos)  # past the figure's own words: "a total of 8,214", "a mere 14"
    # "have a total of 43 points": a holder's level told with its own words, no total of several
    roles = m.roles - {"total"} if "total" in words[j:pos] else m.roles
    if roles & _NOT_ENTRY_ROLES or is_gap(d, fi):
        return False
    before = words[j - 1] if j else ""
    w = _words()
    if m.direction and before not in ("to", "at", "of") and before not in w.level_verbs:
        return False  # "up 21%", "fell by 300": a move; "fell 6% to 55.0 million", "a rise of 1.8%" are told
    if before in w.thresholds or before in w.label_nouns:
        return False  # "to pass a million sales": a mark; "on lap 61": a label
    # "as total shipments rose 2% to 305.7 million": the whole, no entry
    lo = d.m.clause_start(si, pos)
    toks = d.m.tokens[si]
    # not another figure's own words ("Wexley have a total of 43 points and Banford 38")
    owned = {y for x in range(lo, j) if toks[x].fact >= 0 for y in range(d.hedge_start(si, x), x)}
    return not any(words[x] in w.whole_words for x in range(lo, j) if x not in owned)


def _name_after(d: _Doc, si: int, pos: int) -> str:
    """ "1.5% in neighbouring Tolley", "-9.1C at Altnabreac": the place a figure is told at."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    k = pos + 1
    hi = d.m.clause_end(si, pos)
    if k < len(words) and words[k] not in ("in", "at"):
        # "11.2mm of rain fell at Lowmoor": the clause's one figure and the place it tells after it
        if any(t.fact >= 0 for t in toks[d.m.clause_start(si, pos) : hi] if t.fact != toks[pos].fact):
            return ""
        k = next((j for j in range(k, hi) if words[j] in ("in", "at") and j + 1 < hi and _capital(d, toks[j + 1])), hi)
    if k >= len(words) or words[k] not in ("in", "at"):
        return ""
    k += 1
    while k < len(words) and words[k] in _words().name_skip:
        k += 1
    end = k
    while end < len(words) and end - k < NAME_WORDS and toks[end].fact < 0 and _capital(d, toks[end]):
        end += 1
    name = " ".join(words[k:end])
    return "" if not name or name in NOT_NAMES else name


def _named_before(d: _Doc, si: int, pos: int) -> str:
    got = _name_entry(d, si, pos, "name_verbs")
    if got is None:
        return ""
    e = got[0][0]
    return " ".join(d.m.words[si][e.start : e.end])


def _subject_before(d: _Doc, si: int, pos: int) -> str:
    """ "Trask sold 14.0 million", "while Danfield sold 8.1 million": a name and one verb before the figure,
    the name opening its sentence or its clause."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    k = d.hedge_start(si, pos) - 1
    if k > 1 and words[k] == "to" and _capital(d, toks[k - 1]) and words[k - 2] in ("and", ","):
        return _name_before_word(d, si, k)  # "and Kilross to -8.9C": the verb left out
    if k > 1 and words[k] in ("to", "at", "on") and words[k - 1].isalpha() and words[k - 1] not in _words().not_verbs:
        k -= 1  # "Altham fell to -12.2C": a verb and the level it reached
    if k > 1 and words[k - 1] == "," and words[k].endswith("ing") and toks[k - 1].fact < 0:
        return _opening_subject(d, si, k - 1)  # "EasyJet stayed the biggest, carrying 3.1 million"
    if k < 1 or not words[k].isalpha() or _capital(d, toks[k]) or words[k] in _words().not_verbs:
        return ""
    end = k
    while k > 0 and end - k < NAME_WORDS and toks[k - 1].fact < 0 and _capital(d, toks[k - 1]):
        k -= 1
    if k == end or (k > 0 and words[k - 1] in _words().name_opens):
        return ""  # "the chief of Tessley made": the name is an object's, not the subject's
    name = " ".join(words[k:end])
    return "" if name in NOT_NAMES or d.v.concepts.get(name) is not None else name


def _opening_subject(d: _Doc, si: int, comma: int) -> str:
    """The name opening the sentence whose clause a participle after ``comma`` hangs on: "EasyJet remained
    the biggest airline, carrying 3.1 million" → easyjet (no figure before the comma); else ""."""
    toks = d.m.tokens[si]
    if any(t.fact >= 0 for t in toks[:comma]):
        return ""
    end = 0
    while end < comma and end < NAME_WORDS and toks[end].fact < 0 and _capital(d, toks[end]):
        end += 1
    if end == 0 or end >= comma or _capital(d, toks[end]) or not d.m.words[si][end].isalpha():
        return ""
    name = " ".join(d.m.words[si][:end])
    return "" if name in NOT_NAMES or d.v.concepts.get(name) is not None else name


def _name_before_word(d: _Doc, si: int, end: int) -> str:
    toks = d.m.tokens[si]
    k = end
    while k > 0 and end - k < NAME_WORDS and toks[k - 1].fact < 0 and _capital(d, toks[k - 1]):
        k -= 1
    name = " ".join(d.m.words[si][k:end])
    return "" if not name or name in NOT_NAMES else name


def _named_scope(d: _Doc, toks: Sequence[Token], k: int, end: int) -> bool:
    """A name inside the superlative's phrase narrows its ranking as "in Wales" does: "the busiest English
    region", "the wettest Welsh town", "the biggest Premier League club" rank only that name's own."""
    return any(_capital(d, toks[j]) for j in range(k + 1, min(end, len(toks))))


def _capital(d: _Doc, tok: Token) -> bool:
    return d.view.text[tok.start : tok.start + 1].isupper()


def _scale_of(text: str) -> str:
    """The money scale word a figure's text ends its number with ("20.5 crore", "£2.3m"), or ""."""
    words = text.lower().replace("£", " ").replace("$", " ").replace("€", " ").split()
    for w in words:
        tail = w.lstrip("0123456789.,")
        if tail in _words().money_scales and tail != w:
            return tail  # "2.3m", "4bn": glued to its digits
        if w in _words().money_scales:
            return w
    return ""


def _currency_scales(d: _Doc) -> dict[str, str]:
    """Each money scale word the text tells with exactly one currency, and that currency."""

    def read() -> dict[str, str]:
        seen: dict[str, set[str]] = {}
        for f in d.facts:
            scale = _scale_of(f.text) if f.kind == "money" and f.unit else ""
            if scale:
                seen.setdefault(scale, set()).add(str(f.unit))
        return {scale: next(iter(units)) for scale, units in seen.items() if len(units) == 1}

    return d.once("peer-currency-scales", read)


def _money_unit(d: _Doc, fi: int) -> str:
    """The currency of an amount, also of one told with its scale word alone after the text gave the scale's
    one currency ("24.75 crore rupees" … "fetched 11.5 crore from Kolkata"), when it counts no noun; else ""."""
    f = d.facts[fi]
    if f.kind == "money":
        return str(f.unit or "")
    m = d.m.by_fact.get(fi)
    if f.kind not in ("count", "number") or f.unit or m is None or m.noun:
        return ""
    return _currency_scales(d).get(_scale_of(f.text), "")


def _agree(d: _Doc, x: int, oi: int) -> bool:
    """Two holders' figures one ranking holds: one family, unit, measure, time and season, near in size."""
    fx, fo = d.facts[x], d.facts[oi]
    signed = fx.kind == fo.kind == "measure"  # "-9.1C at Altnabreac": a temperature ranks below nought
    cash = fx.kind != "money" or fo.kind != "money"
    cash = cash and bool(_money_unit(d, x)) and _money_unit(d, x) == _money_unit(d, oi)
    if cash:
        # "24.75 crore rupees" against "20.5 crore": one currency, the second told by its scale word alone
        if not _alike_signed(d, x, oi) or min(fx.value or 0, fo.value or 0) <= 0:
            return False
    elif fx.unit != fo.unit or not (_alike(d, x, oi) or signed and _alike_signed(d, x, oi)):
        return False
    if not cash and family(fx) == "count" and _whole_number(fx) != _whole_number(fo):
        return False  # "second with nine" medals against "Cole (48.12)": a count is no time or score
    if fx.kind not in ("measure", "duration") and not _one_measure(d, x, oi):
        return False  # a unit of measure names what is measured: "29.4C" and "30.1C" need no noun
    if not _frames_agree(d, x, oi) or not _one_season(d, x, oi) or _spread(fx, fo):
        return False
    return _timed(d, x) == _timed(d, oi) and _same_day(d, d.pos_of(x)[0], d.pos_of(oi)[0])


def _whole_number(f: Fact) -> bool:
    """A figure told as a whole number ("nine", "1,240"); a scale word ("16.9 million") makes it one."""
    return "." not in f.text or any(w in f.text.lower() for w in ("m", "bn", "k", "million", "billion"))


def _spread(a: Fact, b: Fact) -> bool:
    """Two figures more than ``PEER_SPREAD`` times apart: another table's ("nine" medals, "48.12" seconds)."""
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0:
        return False
    return max(a.value, b.value) > PEER_SPREAD * min(a.value, b.value)


def _alike_signed(d: _Doc, a: int, b: int) -> bool:
    ma, mb = d.m.by_fact.get(a), d.m.by_fact.get(b)
    if ma is None or mb is None or d.facts[a].is_range or d.facts[b].is_range:
        return False
    return not (("forecast" in ma.roles) ^ ("forecast" in mb.roles))


def _days(d: _Doc, si: int) -> frozenset[str]:
    toks = d.m.sentence_tokens(si)
    return frozenset(
        d.view.text[t.start : t.end].lower() for t in toks if t.fact >= 0 and d.facts[t.fact].kind == "weekday"
    )


def _same_day(d: _Doc, a: int, b: int) -> bool:
    """A weekday told with a peer and another (or none) with the claim: another occasion's figure ("On
    Tuesday night, Altnabreac recorded -10.1C"); a month is a frame, read by ``_frames_agree``."""
    da, db = _days(d, a), _days(d, b)
    return da == db or not db


def _opened_place(d: _Doc, e: Entry) -> str:
    """The place or scope a peer's clause opens on ("In England, Ladbrook recorded 27.6C", "while in Wales the
    highest was", "In the city as a whole,"): its figure is that scope's ranking's, or ""."""
    si, pos = d.pos_of(e.fact)
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    if lo < len(words) and words[lo] in _words().contrast:
        lo += 1
    if lo + 1 >= pos or words[lo] != "in":
        return ""
    k = lo + 1 + (words[lo + 1] == "the")
    return words[k] if k < pos and words[k].isalpha() else ""


def _peers(d: _Doc, own: Entry, near: Sequence[int], local: bool = False) -> dict[str, int]:
    """The other holders' figures of the family of ``own``'s, told within ``PEER_SENTENCES`` of a sentence
    of ``near``: one figure per holder, a holder told with two figures left out, and none told of a place
    the claim's sentence does not name ("In England, ..." against "the warmest place in Wales"); with
    ``local``, only those of the claim's paragraph ("second place in the constituency")."""
    paragraph = d.view.doc.sentences[near[0]].paragraph
    out: dict[str, int] = {}
    mixed: set[str] = set()
    named = frozenset(w for si in near for w in _sentence_words(d, si))
    for e in peer_entries(d):
        if same_holder(e.holder, own.holder) or e.fact == own.fact:
            continue
        if local and d.view.doc.sentences[e.si].paragraph != paragraph:
            continue
        place = _opened_place(d, e)
        if place and place not in named:
            continue
        if _running(d, e.fact) != _running(d, own.fact):
            continue  # "It has taken $65.5m so far": a run's total, not a weekend's
        if not any(abs(e.si - s) <= PEER_SENTENCES for s in near) or not _agree(d, own.fact, e.fact):
            continue
        key = next((h for h in out if same_holder(h, e.holder)), e.holder)
        if key in out and d.facts[out[key]].value != d.facts[e.fact].value:
            mixed.add(key)
        out.setdefault(key, e.fact)
    kept = {h: fi for h, fi in out.items() if h not in mixed}
    if d.facts[own.fact].kind in ("count", "number", "money"):
        # "a record 10.4 million guests" beside "the Lisbon region ... 3.9 million": a figure at least the sum
        # of all the others is their whole, no peer.
        total = sum((d.facts[fi].value or 0) for fi in kept.values()) + (d.facts[own.fact].value or 0)
        kept = {h: fi for h, fi in kept.items() if 2 * (d.facts[fi].value or 0) < total}
    return kept


def _running(d: _Doc, fi: int) -> bool:
    """A figure told as a total so far ("has taken $65.5m so far", "to date")."""
    si, pos = d.pos_of(fi)
    toks = d.m.tokens[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    clause = " ".join(d.view.text[toks[lo].start : toks[max(lo, hi - 1)].end].lower().split())
    return any(f" {w} " in f" {clause} " for w in _words().running)


def _sentence_words(d: _Doc, si: int) -> Iterator[str]:
    return (t.text.removesuffix("'s") for t in d.m.sentence_tokens(si))


def _own_entry(d: _Doc, fi: int) -> Entry | None:
    return next((e for e in peer_entries(d) if e.fact == fi), None)


# --- places: "came third with 14.2%", "Fourth-placed Dunlin earned £2.3m", "the third best-selling car" --


def _placed_peers(d: _Doc) -> Iterator[Relation]:
    """A place told with its entry's figure against the peers' figures: as many better as the place's
    number ("third" with three better, one figure told twice counted once) and the place cannot be right.
    Fewer better than the place needs is not read: a peer ahead may be told without a figure. A
    ``rank-clash`` relation (label ``larger``: how many are better)."""
    if golf_told(d):
        return
    count = 0
    for p in _placings(d):
        if p.old or count >= CLAIMS_PER_DOC or p.ranked_by.startswith("top "):
            continue
        x = _own_figure(d, p) if p.ranked_by else p.figure
        if x < 0 or d.facts[x].hedge != "exact" or _timed(d, x):
            continue
        own = _own_entry(d, x)
        holder = d.m.frame(p.fact if p.fact >= 0 else x).holder or _opening_name(d, d.m.tokens[p.si], d.m.words[p.si])
        if own is None and holder:
            own = Entry(holder, x, p.si)
        if own is None:
            continue
        count += 1
        toks = d.m.tokens[p.si]
        local = _local(d, toks, d.m.words[p.si], p.start, d.m.clause_end(p.si, p.end - 1))
        peers = _peers(d, own, (p.si, own.si), local)
        if d.m.words[p.si][:1] and d.m.words[p.si][0] in _words().subgroup_openers:
            # "Among those aged 18 to 24, the Greens were second on 21%, behind Labour on 34%": the place is
            # within the subgroup its sentence opens on; the story's other figures are not its field
            peers = {k: v for k, v in peers.items() if d.pos_of(v)[0] == p.si}
        near = min(abs(d.pos_of(fi)[0] - x_si) for x_si in (p.si, own.si) for fi in peers.values()) if peers else 0
        if len(peers) < 2 or near > PLACE_SENTENCES:
            continue  # "In India, the world's second-largest market": no ranking told near it
        way = "above" if not p.ranked_by or _high(p.ranked_by) else "below"
        better = _distinct(d, [fi for fi in peers.values() if _outranks(d.facts[fi], d.facts[x], way)])
        cue = d.span(p.si, p.start, p.end)
        if len(better) >= p.rank:
            label = ("larger", str(len(better)))
        else:
            continue
        rivals = sorted(better, key=lambda i: d.facts[i].span.start)
        cues = (cue, *(d.facts[i].span for i in rivals))
        yield Relation("rank-clash", (("a", x), ("b", rivals[0])), cues, "document", (("place", str(p.rank)), label))


def _distinct(d: _Doc, figs: list[int]) -> list[int]:
    """Figures that are not one figure told twice within printed precision ("£6.2m" in the headline and
    "£6.18m" below it): the first of each."""
    out: list[int] = []
    for fi in sorted(figs, key=lambda i: d.facts[i].span.start):
        if not any(
            not _outranks(d.facts[fi], d.facts[o], "above") and not _outranks(d.facts[o], d.facts[fi], "above")
            for o in out
        ):
            out.append(fi)
    return out


# --- superlatives bound to a holder: "Brindle was the wettest town in Wales", "the lowest of the five" ---


def _superlative_peers(d: _Doc) -> Iterator[Relation]:
    """A superlative the text binds to one holder of a peer set (the one holder its sentence names, or the
    figure its clause tells before it: "caught 36.4mm, making it the wettest town") against the other
    holders' figures of that family: none may be better. The superlative is first place of its ranking
    only when nothing narrows it to a time ("since 1990", "on record", "this year"), a subgroup ("among
    pensioners") or "one of"; a place it names ("in Wales") leaves out peers told of another. A
    ``superlative`` relation (a: the holder's figure, b: a peer's, ``order`` which way is better)."""
    ways, _ends = _named_sup_table()
    w = _words()
    narrow, not_before, binds = w.narrow, w.not_before, w.binds
    cue_words = _sup_pattern()
    text = d.view.text
    found = 0
    for si, sent in enumerate(d.view.doc.sentences):
        if not cue_words.search(text, sent.span.start, sent.span.end) or len(peer_entries(d)) < 2:
            continue  # read only sentences with a superlative word, the peer set only when one has one
        toks = d.m.sentence_tokens(si)
        words = [t.text for t in toks]
        for k in range(1, len(words)):
            way = ways.get(words[k])
            if words[k] in _words().degree_words and not (
                k + 1 < len(words) and d.v.concepts.get(words[k + 1]) is not None
            ):
                way = None  # "the most likely partner"; "the most votes" is read
            if way is None or not (words[k - 1] in binds or words[k - 1].endswith("'s")):
                continue
            if not_before.intersection(words[max(0, k - 4) : k - 1]) or (
                k > 1 and _tables().ordinals.get(words[k - 2])
            ):
                continue  # "one of the biggest", "the second-biggest" (a place, read above)
            after = words[k + 1] if k + 1 < len(words) else ""
            if words[k] not in w.degree_words and after.isalpha() and singular(after) != after:
                continue  # "teenagers in the richest areas": a group of holders, not one
            end = k + 1
            while end < len(words) and end - k <= SUP_PHRASE and words[end] not in CLAUSE_END and toks[end].fact < 0:
                end += 1
            if narrow.intersection(words[k + 1 : end]) or _local(d, toks, words, k, end):
                continue
            if any(
                toks[j].fact >= 0
                and d.facts[toks[j].fact].kind in ("year", "decade", "relative", "duration")
                and words[j - 1] in ("since", "for", "in")
                for j in range(k + 1, min(len(words), end + 1))
            ):
                continue  # "the warmest since 1990", "the highest for 20 years", "the biggest in a decade"
            yield from _bound(d, si, k, end, way, toks, words)
            found += 1
            if found >= CLAIMS_PER_DOC:
                return


# Sentences a ranking's figures may run over, one holder to a sentence, and still be read as one list:
# "St Anne's had the highest pass rate, at 74%. Kingsmead was close behind on 79%. Brookside had 43%."
LIST_RUN = 3


def _told_as_list(d: _Doc, figs: Sequence[int]) -> bool:
    """The claim's figure and its peers' are told as one ranking: two of them in one sentence ("Riverside
    scored 29% and Hollybank 33%"), or all within ``LIST_RUN`` sentences running."""
    sentences = [d.pos_of(fi)[0] for fi in figs]
    if max(sentences.count(x) for x in sentences) >= 2:
        return True
    return max(sentences) - min(sentences) < LIST_RUN


# --- a superlative of a counted set told without names: "gave £310,000, the largest of the three sources" ---

# Sentences before a counted superlative (and after it, when too few are told before) its members may stand in.
SET_BEFORE = 3
SET_AFTER = 2
# The largest set a counted superlative is read for ("the largest of the three sources").
SET_MOST = 6


def _counted_superlatives(d: _Doc) -> Iterator[Relation]:
    """A superlative bound to a figure and to a set told by its count, "Corporate donors gave £310,000, the
    largest of the three sources", "Merchandise was the biggest of the three streams, at £650,000", against the
    other members' figures: the figures of its family told plainly in the sentences around it, nearest first
    (those before it first), as many as the count leaves. A figure told as a part of one told before it ("Of
    that, £640,000"), a whole ("a total of £1.84m"), an older end, an average or a forecast is no member; a set
    whose members are not all found is not read. A ``superlative`` relation, as a named holder's."""
    ways, _ends = _named_sup_table()
    binds = _words().binds
    cue_words = _sup_pattern()
    text = d.view.text
    olders: set[int] | None = None
    found = 0
    for si, sent in enumerate(d.view.doc.sentences):
        toks = d.m.tokens[si]
        if not toks or not cue_words.search(text, sent.span.start, sent.span.end):
            continue
        words = d.m.words[si]
        for k in range(1, len(words) - 3):
            way = ways.get(words[k])
            if way is None or words[k - 1] not in binds or words[k + 1] != "of":
                continue
            at = _set_count_at(words, k + 2)
            if at < 0:
                continue
            n = _set_count(d, toks[at].fact)
            own = _set_own(d, si, k, toks, words)
            if n < 2 or own < 0 or _timed(d, own) and way not in ("quick", "slow"):
                continue
            if olders is None:
                olders = set(_change_froms(d))
            members = _members(d, si, own, n - 1, olders)
            if len(members) != n - 1:
                continue
            if way in ("quick", "slow"):
                order = "below" if (way == "quick") == _timed(d, own) else "above"
            else:
                order = "above" if way == "more" else "below"
            cue = Span(toks[k - 1].start, toks[k].end)
            for fi in members:
                yield Relation("superlative", (("a", own), ("b", fi)), (cue,), "document", (("order", order),))
            found += 1
            if found >= CLAIMS_PER_DOC:
                return


# Words "of" may take before a set's count: "the highest of the consortium's three observatories".
SET_OWNER_WORDS = 3


def _set_count_at(words: Sequence[str], j: int) -> int:
    """The token of the count a set is told by from token ``j``, after "of": "the three sources", "its four
    hospitals", "the consortium's three observatories", "the group's five mills"; -1 when it has no owner
    word or determiner before it (a bare "of three" is read elsewhere)."""
    if j < len(words) and words[j] in _words().own_possessives:
        return j + 1
    if j >= len(words) or words[j] != "the":
        return -1
    for x in range(j + 1, min(len(words), j + 1 + SET_OWNER_WORDS)):
        if words[x].endswith("'s"):
            return x + 1
        if not words[x].isalpha():
            break
    return j + 1


def _set_count(d: _Doc, fi: int) -> int:
    """The size a set is told by ("of the three sources"), or 0."""
    if fi < 0:
        return 0
    f = d.facts[fi]
    if f.kind not in ("count", "number") or f.hedge != "exact" or f.value is None or f.value != int(f.value):
        return 0
    return int(f.value) if 2 <= f.value <= SET_MOST else 0


def _set_own(d: _Doc, si: int, k: int, toks: Sequence[Token], words: Sequence[str]) -> int:
    """The figure a counted superlative at token ``k`` is said of: the one right before its comma ("gave
    £310,000, the largest of the three"), or the one after its noun ("the biggest of the three, at £650,000")."""
    if k >= 3 and words[k - 2] == "," and toks[k - 3].fact >= 0:
        fi = toks[k - 3].fact
        h = d.hedge_start(si, k - 3)
        if h >= 2 and words[h - 1] in ("and", ",", "or") and toks[h - 2].fact >= 0:
            return -1  # "carried 1.9 million, 1.2 million and 1.1 million, the busiest of the three ...": a list's
    elif k >= 3 and words[k - 2] in _words().copulas and toks[k - 3].fact >= 0:
        fi = toks[k - 3].fact  # "July's 29,000 was the lowest of the three months"
    elif k >= 3 and words[k - 2] in _words().copulas and _setting_figure(d, si, k) >= 0:
        fi = _setting_figure(d, si, k)  # "At 2,396m, La Serra is the highest of the three observatories"
    else:
        j = k + 4
        while j < len(words) and j <= k + 6 and toks[j].fact < 0 and words[j] not in _words().own_links:
            j += 1
        while j < len(words) and words[j] in _words().own_links and toks[j].fact < 0:
            j += 1
        fi = toks[j].fact if j < len(words) and j <= k + 8 else -1
    if fi < 0 or d.facts[fi].kind not in _PEER_KINDS or d.facts[fi].hedge != "exact":
        return -1
    return fi


# Words that open a sentence with its subject's own measure up to the first comma ("At 2,396m above sea
# level, La Serra is ...", "With 1,240 beds, St Anne's is ...").
_OWN_OPENERS = frozenset({"at", "with"})
# Tokens between that comma and the copula before the superlative: the subject's name ("La Serra").
OPENER_SUBJECT = 4


def _setting_figure(d: _Doc, si: int, k: int) -> int:
    """The one figure of an opening "At ..." or "With ..." clause whose subject, named after its comma, is
    called the most of a set at token ``k``: "At 2,396m above sea level, La Serra is the highest of the
    consortium's three observatories"; -1 when the clause holds no figure, or more than one."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if not words or words[0] not in _OWN_OPENERS or "," not in words[:k]:
        return -1
    comma = words.index(",")
    if k - 2 - comma - 1 > OPENER_SUBJECT or any(toks[x].fact >= 0 for x in range(comma + 1, k)):
        return -1
    figs = [t.fact for t in toks[1:comma] if t.fact >= 0]
    return figs[0] if len(figs) == 1 else -1


def _members(d: _Doc, si: int, own: int, want: int, olders: set[int]) -> list[int]:
    """The ``want`` figures nearest a counted superlative in sentence ``si`` that may be the other members of
    its set, those before it first; fewer when its window holds fewer."""
    before: list[int] = []
    after: list[int] = []
    osi, opos = d.pos_of(own)
    for x in range(max(0, si - SET_BEFORE), min(len(d.m.tokens), si + SET_AFTER + 1)):
        toks = d.m.tokens[x]
        if not toks or _part_of_before(d, x):
            continue
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or fi == own or not _member(d, x, pos, fi, own, olders):
                continue
            ahead = x < osi or (x == osi and pos < opos)
            (before if ahead else after).append(fi)
    before.sort(key=lambda i: -d.facts[i].span.start)
    after.sort(key=lambda i: d.facts[i].span.start)
    # the members are told on one side of it: "Bex made £7m, the largest of the three units, ahead of Carr with
    # £4m and Dent £2m" after a group's whole told before
    return before[:want] if len(before) >= want else after[:want]


def _member(d: _Doc, si: int, pos: int, fi: int, own: int, olders: set[int]) -> bool:
    f = d.facts[fi]
    m = d.m.by_fact.get(fi)
    if m is None or f.hedge != "exact" or fi in olders or m.roles & {"each", "forecast", "part", "remainder"}:
        return False
    if not _agree(d, own, fi) or is_gap(d, fi):
        return False
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    # "a total of £1.84m", "in all": a whole; "the bulk of the total at £1.1m" is a part of it
    return not any(
        words[x] in _words().whole_words and not (x > 1 and tuple(words[x - 2 : x]) == ("of", "the"))
        for x in range(lo, pos)
    )


def _part_of_before(d: _Doc, si: int) -> bool:
    """A sentence that opens on "Of that," or "Of these": its figures are parts of one told before it."""
    words = d.m.words[si]
    return len(words) > 2 and words[0] == "of" and words[1] in _words().part_openers


# --- a place among one holder's own figures: "The Bergen time was the second quickest of her career" ---

# Sentences before a place in a holder's own ranking its figures may be told in.
OWN_BEFORE = 3
# Words between a superlative and the "of her career" that narrows it ("the second-fastest marathon of his career").
OWN_NOUN_WORDS = 2
# How far apart a holder's figures of one measure may lie (a time told bare, "also ran 11.10", beside "11.14 seconds").
OWN_SPREAD = Decimal("1.5")


def _career_places(d: _Doc) -> Iterator[Relation]:
    """A place among one holder's own figures, "The Bergen time was the second quickest of her career", "the
    winning throw was the second-longest of her career", against the figures of that measure the text gives the
    same holder in its sentence and the sentences before it: "She set her best of 11.08 in Birmingham and also
    ran 11.10 in Rome". The figure placed is the one its sentence tells, else the one of the holder's told with
    no place or time of its own (the story's event; the others each name their occasion). Bare figures told with
    as many decimals as a timed one ("also ran 11.10" beside "11.14 seconds") are that measure. As many better
    as the place's number and it cannot be right: a ``rank-clash`` relation (label ``larger``)."""
    w = _words()
    ways, _ends = _named_sup_table()
    for si in range(len(d.m.tokens)):
        toks = d.m.tokens[si]
        words = d.m.words[si]
        for k, tok in enumerate(toks):
            if tok.fact < 0 or d.facts[tok.fact].kind != "ordinal":
                continue
            rank = d.facts[tok.fact].value
            text = d.facts[tok.fact].text.lower()
            sup = text.split("-", 1)[1] if "-" in text else (words[k + 1] if k + 1 < len(words) else "")
            after = k + 1 if "-" in text else k + 2
            if rank is None or not 1 < rank < 6 or (sup not in ways and sup not in w.best_words):
                continue
            scope = next(
                (j for j in range(after, min(len(words) - 2, after + OWN_NOUN_WORDS + 1)) if words[j] == "of"), -1
            )
            if scope < 0 or words[scope + 1] not in w.own_possessives or words[scope + 2] not in w.career_scopes:
                continue
            yield from _career_place(d, si, k, int(rank), sup, ways.get(sup, ""))


def _career_place(d: _Doc, si: int, k: int, rank: int, sup: str, way: str) -> Iterator[Relation]:
    olders = set(_change_froms(d))
    told: list[tuple[int, int, int]] = []  # (sentence, position, fact)
    for x in range(max(0, si - OWN_BEFORE), si + 1):
        for pos, tok in enumerate(d.m.tokens[x]):
            fi = tok.fact
            f = d.facts[fi] if fi >= 0 else None
            if f is None or f.kind not in ("duration", "count", "number", "measure") or f.hedge != "exact":
                continue
            m = d.m.by_fact.get(fi)
            if m is None or f.value is None or f.value <= 0 or fi in olders or m.roles & _NOT_ENTRY_ROLES:
                continue
            told.append((x, pos, fi))
    kinds = ("duration",) if way in ("quick", "slow") else ("duration", "measure")
    anchors = [
        fi
        for _x, _p, fi in told
        if d.facts[fi].kind in kinds and d.facts[fi].unit and ("." in d.facts[fi].text or ":" in d.facts[fi].text)
    ]
    if len({d.facts[fi].unit for fi in anchors}) != 1:
        return
    anchor = d.facts[anchors[0]]
    places = _decimals(anchor.text)
    assert anchor.value is not None
    mine = [
        (x, p, fi)
        for x, p, fi in told
        if (d.facts[fi].unit == anchor.unit or (not d.facts[fi].unit and d.facts[fi].kind in ("count", "number")))
        and _decimals(d.facts[fi].text) == places
        and _near(d.facts[fi].value, anchor.value)
    ]
    holders = {d.m.frame(fi).holder for _x, _p, fi in mine}
    if len(mine) <= rank or ("" in holders and len(holders) > 1):
        return  # too few to hold the place, or a holder named for some only ("His rival Kiptoo ran 2:07:55")
    if any(not same_holder(h, g) for h in holders for g in holders):
        return  # figures of two holders
    here = [fi for x, _p, fi in mine if x == si]
    if len(here) > 1:
        return
    if not here:
        # the figure of the story's event: the one of the holder's with no place or time of its own
        here = [fi for _x, _p, fi in mine if not d.m.frame(fi).scope and not d.m.frame(fi).period]
        if len(here) != 1 or sum(1 for _x, _p, fi in mine if not d.m.frame(fi).scope) != 1:
            return
    own = here[0]
    timed = _timed(d, anchors[0])
    if way in ("quick", "slow"):
        order = "below" if (way == "quick") == timed else "above"
    elif way:
        order = "above" if way == "more" else "below"
    else:
        order = (
            "below" if (sup == "best") == timed else "above"
        )  # "best" ranks by the measure's way, "worst" against it
    better = _distinct(d, [fi for _x, _p, fi in mine if fi != own and _outranks(d.facts[fi], d.facts[own], order)])
    if len(better) < rank:
        return
    toks = d.m.tokens[si]
    cue = Span(
        toks[k].start, toks[min(k + 1, len(toks) - 1)].end if "-" not in d.facts[toks[k].fact].text else toks[k].end
    )
    rivals = sorted(better, key=lambda i: d.facts[i].span.start)
    cues = (cue, *(d.facts[i].span for i in rivals))
    yield Relation(
        "rank-clash",
        (("a", own), ("b", rivals[0])),
        cues,
        "document",
        (("place", str(rank)), ("larger", str(len(better)))),
    )


def _decimals(text: str) -> int:
    digits = text.split()[0]
    return len(digits.split(".", 1)[1].rstrip("smh")) if "." in digits else 0


def _near(a: Decimal | None, b: Decimal) -> bool:
    return a is not None and b > 0 and a > 0 and max(a, b) <= OWN_SPREAD * min(a, b)


@functools.cache
def _sup_pattern() -> re.Pattern[str]:
    ways, _ = _named_sup_table()
    return startcache.compile(r"\b(?:" + "|".join(sorted(map(re.escape, ways))) + r")\b", re.IGNORECASE)


# Words that open an aside right after a sentence's opening name ("Hollybank, which had the lowest score,").
_ASIDE_OPENERS = frozenset({"which", "who", "whose"})


def _aside_owner(d: _Doc, toks: Sequence[Token], words: Sequence[str], k: int) -> str:
    """The name a sentence opens on when the superlative at ``k`` stands in the aside set right after it:
    "Hollybank, which had the lowest score, said ..." → hollybank; else ""."""
    name = _opening_name(d, toks, words)
    n = len(name.split())
    if not name or n + 1 >= k or words[n] != "," or words[n + 1] not in _ASIDE_OPENERS:
        return ""
    return name if "," not in words[n + 1 : k] else ""


def _opening_name(d: _Doc, toks: Sequence[Token], words: Sequence[str]) -> str:
    """The name a sentence opens on ("Sella won the most votes"), lower case, or ""."""
    end = 0
    while end < len(toks) and end < NAME_WORDS and toks[end].fact < 0 and _capital(d, toks[end]):
        end += 1
    name = " ".join(words[:end])
    if (
        not name
        or words[0] in _ECHO_STOP
        or _ECHO_STOP.issuperset(name.split())
        or name in NOT_NAMES
        or d.v.concepts.get(name) is not None
    ):
        return ""
    if end == 1 and _lower_elsewhere(d, words[0]):
        return ""  # "Car drivers made up the largest group": a common word that opens its sentence
    return name.removesuffix("'s")


def _lower_elsewhere(d: _Doc, word: str) -> bool:
    """The word is written in lower case somewhere in the text: a common word, not a name."""
    text = d.view.text
    at = text.find(word)
    while at >= 0:
        if (at == 0 or not text[at - 1].isalpha()) and not text[at + len(word) : at + len(word) + 1].isalpha():
            return True
        at = text.find(word, at + 1)
    return False


def _local(d: _Doc, toks: Sequence[Token], words: Sequence[str], k: int, end: int) -> bool:
    """ "the highest in the constituency": a superlative narrowed to a place the story set earlier, not by its
    name; read only when the phrase names its set of peers by their count ("of the six councils in the
    region")."""
    for j in range(k + 1, end - 1):
        if words[j] != "in":
            continue
        x = j + 1 + (words[j + 1] in ("the", "this", "that", "its", "their"))
        if x < end and not _capital(d, toks[x]):
            return not any(
                words[i] == "of" and words[i + 1] == "the" and toks[i + 2].fact >= 0 for i in range(k + 1, end - 2)
            )
    return False


def _bound(
    d: _Doc, si: int, k: int, end: int, way: str, toks: Sequence[Token], words: Sequence[str]
) -> Iterator[Relation]:
    named = frozenset(w.removesuffix("'s") for w in words)
    told = bool(d.m.tokens[si])
    # The figure its clause tells before it: "caught 36.4mm, making it the wettest", "1.8%, the lowest".
    lo = d.m.clause_start(si, k) if told else 0
    if lo < len(words) and words[lo] in _words().contrast:
        lo += 1
    if lo + 1 < k and words[lo] == "in" and _capital(d, toks[lo + 1 + (words[lo + 1] == "the")]):
        return  # "while in Wales the highest figure was 21.9C": a ranking of another place's own
    if lo > 1 and words[lo] in _words().apposition:
        lo = d.m.clause_start(si, lo - 2)  # "caught 36.4mm, making it the wettest": the clause before
    before = [t.fact for t in toks[lo:k] if t.fact >= 0 and d.facts[t.fact].kind in _PEER_KINDS]
    before = [fi for fi in before if d.facts[fi].hedge == "exact"][-1:] if told else []
    owns: list[Entry] = []
    e = _own_entry(d, before[0]) if before else None
    if e is not None:
        owns = [e]
    else:
        window = [e for e in peer_entries(d) if abs(e.si - si) <= PEER_SENTENCES]
        # A name inside the superlative's own phrase is its scope ("the most seats in Latvia's election").
        phrase = frozenset(w.removesuffix("'s") for w in words[k:end])
        holders = {e.holder for e in window if set(e.holder.split()) <= named - phrase}
        holders = {h for h in holders if not any(h != g and same_holder(h, g) and len(g) > len(h) for g in holders)}
        opening = _aside_owner(d, toks, words, k)
        if opening and any(same_holder(e.holder, opening) for e in window):
            holders = {opening}  # "Hollybank, which had the lowest score, said it had lost two of its five GPs"
        if len(holders) > 1:
            return  # "A overtook B to become the biggest": which one is not told by the names alone
        h = next(iter(holders), "") or _opening_name(d, toks, words)
        if not h:
            return
        owns = [e for e in window if same_holder(e.holder, h)]
        if not before and told:
            # The one figure its sentence tells, not a set's size ("of the five boroughs, at 3.9%").
            alone = [
                t.fact
                for x, t in enumerate(toks)
                if t.fact >= 0
                and d.facts[t.fact].kind in _PEER_KINDS
                and not (words[x - 1] == "the" or words[x - 1].endswith("'s"))
            ]
            if len(alone) == 1 and d.facts[alone[0]].hedge == "exact":
                before = alone
        if before and told and _own_entry(d, before[0]) is None:
            owns.append(Entry(h, before[0], si))  # "has the highest rate of the four districts, at 6.1%"
    narrowed = _named_scope(d, toks, k, end) or any(
        words[j] == "in" and _capital(d, toks[min(len(toks) - 1, j + 1 + (words[j + 1] == "the"))])
        for j in range(k + 1, end - 1)
    )
    fams = {family(d.facts[e.fact]) for e in owns}
    best: tuple[Entry, dict[str, int]] | None = None
    for fam in fams:
        mine = [e for e in owns if family(d.facts[e.fact]) == fam]
        if len({d.facts[e.fact].value for e in mine}) != 1:
            continue
        peers = _peers(d, mine[0], (si, mine[0].si))
        if narrowed:
            # "the warmest place in Wales": a peer told before it may lie outside Wales; those the writer
            # lists after it, in the next sentences, are its contenders.
            peers = {h: fi for h, fi in peers.items() if 0 < d.pos_of(fi)[0] - si <= NARROWED_AFTER}
        if len(peers) < 2:
            continue
        if best is not None:
            return  # two families ranked: which one the superlative means is not told
        best = (mine[0], peers)
    if best is None:
        return
    own, peers = best
    if not _told_as_list(d, [own.fact, *peers.values()]):
        return  # peers told one by one, far apart, are not read as a ranking: a list of them is
    if way in ("quick", "slow"):
        order = "below" if (way == "quick") == _timed(d, own.fact) else "above"
    else:
        order = "above" if way == "more" else "below"
    cue = Span(toks[k - 1].start, toks[k].end)
    for fi in peers.values():
        yield Relation("superlative", (("a", own.fact), ("b", fi)), (cue,), "document", (("order", order),))
