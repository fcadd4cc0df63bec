"""Part lists: two or more figures of one family listed together in a sentence, read by the shape of the
list whatever its items name, against the whole they are parts of.

- a sentence opened by "Of <whole>," ("Of the 120 seats, A won 58, B took 41 and the remaining 21 went to
  C"; "Of these, 140 were birds; 95 were insects"; "Of the applications, 1,300 came from ...", the whole
  told before by the same noun);
- a whole with its parts in brackets ("Thirty-two athletes (14 women and 18 men)");
- a whole, then parts told as parts of it ("1,500 staff, 900 of them women and 600 men");
- a list closed by its rest ("the remaining 24", "the other 17", "the final two", or a rest without a
  figure: "with independents sharing the rest") whose whole was told in the sentence or two before ("The
  chamber has 150 seats. The ruling party holds 82, ...") or is named by the list ("£40.2m of the total",
  "The dead include ...");
- a rest that opens the sentence after a list ("A takes £98.1m, followed by B at £61.0m and C at £40.2m.
  The remaining £51.2m goes on ..."), against the whole told before the list or in its "Of the N X," opener.

Each yields a ``breakdown`` (judged by ``sum``, NC205). A list closed by its rest, or a whole whose parts
stand in brackets, must add up to it; any other list may leave parts out (label ``inclusive``: only more
than the whole is wrong). Parts that may overlap are not read: a list whose parts each have a verb of
their own ("180 play a sport and 150 learn an instrument"), or within a part ("180 came from Europe,
among them 120 from France"). Words are data (``vocab.toml`` ``[sums]`` ``closing``, ``list_joins``,
``not_items``). Cost: a sentence is read only when it holds two figures of one family; the list is one walk
of its tokens; a whole is looked for a fixed number of sentences back.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from decimal import Decimal

from numcheck.model import Fact, Span
from numcheck.relations.ages import apposed
from numcheck.relations.base import (
    _ASIDE_PREPOSITIONS,
    COUNTABLE,
    FRAME_KINDS,
    Relation,
    _Doc,
    _plain_tokens,
    family,
    same_family,
    whole_floors,
)
from numcheck.relations.holders import action_kin, action_of, action_table
from numcheck.relations.lists import _opener, _opener_whole, opener_concept
from numcheck.relations.referents import (
    _lead_figures,
    definite_at,
    definite_whole,
    modified_whole,
    modifier_at,
    opener_start,
    referent,
    subject_at,
)
from numcheck.relations.referents import words as referent_words
from numcheck.vocab import PhraseTable, _toml, singular

# Words between two listed parts ("the Liberals won 58, Labour took 41", "52% of the land is used for
# farming, 31% ...").
ITEM_GAP = 10
# Tokens between a whole and the bracket or comma that opens its parts ("32 athletes (", "1,500 people,").
OPEN_REACH = 3
# Tokens between a whole and the bracket that opens its parts, which may name what the whole is of:
# "All 3,600 tickets for this year's event (".
BRACKET_REACH = 5
# Sentences back that the whole of a list closed by its rest, or named by an "Of the <noun>," opener,
# may stand.
WHOLE_BACK = 3
# Tokens back from the comma before "N of them" that the whole may stand when it is the clause's subject
# ("A total of 60 people were hurt in the crash, 45 of them ...").
SUBJECT_REACH = 8
# Tokens before a part (after its hedge) that a closing word may stand: "and the remaining 21".
CLOSING_REACH = 3

_SEP_STOP = frozenset({".", "!", "?", ":"})
_DATED = frozenset({"year", "date", "decade"})
# Words after a part that are no verb of its own ("58 seats", "58 in A", "58 and").
_NOT_VERBS = frozenset(
    {"and", "or", "in", "on", "at", "for", "from", "into", "with", "the", "a", "an", "of", "more", "each"}
)
_PRONOUNS = frozenset({"them", "whom", "which", "those"})
_OF_THEM = frozenset({("of", "them"), ("of", "whom"), ("of", "which"), ("of", "those")})


@functools.cache
def _tables() -> dict[str, PhraseTable]:
    data = _toml("vocab.toml")["sums"]
    return {
        key: PhraseTable.build((p, key) for p in data[key])
        for key in ("closing", "open", "preps", "totals_after", "bare_rest", "place_words")
    }


@functools.cache
def _exclusive_sets() -> tuple[dict[str, int], frozenset[str]]:
    """Each word of ``[exclusive] sets`` with the number of its set, and the words that may stand before it."""
    data = _toml("vocab.toml")["exclusive"]
    groups = {w: n for n, group in enumerate(data["sets"]) for w in group}
    return groups, frozenset(data["skip"])


# Tokens after a part that its telling word may stand ("45 were seriously", "900 of them women").
EXCLUSIVE_REACH = 4


def _exclusive(d: _Doc, si: int, items: Sequence[int]) -> bool:
    """Each part is told apart by a different word of one set of ``[exclusive] sets`` right after it
    ("45 were seriously hurt and 20 slightly", "70 voted for and 60 against"): categories that cannot
    overlap, so the parts count nothing twice."""
    words = d.m.words[si]
    groups, skip = _exclusive_sets()
    said: list[str] = []
    for p in items:
        word = ""
        if p + 3 < len(words) and words[p + 1] == "(" and words[p + 3] == ")" and d.m.tokens[si][p + 2].fact >= 0:
            p += 3  # "22,801 (45.6%) against": the part's share in brackets stands before its word
        for k in range(p + 1, min(len(words), p + 1 + EXCLUSIVE_REACH)):
            if words[k] in groups:
                word = words[k]
                break
            if words[k] not in skip:
                break
        if not word:
            return False
        said.append(word)
    return len({groups[w] for w in said}) == 1 and len(set(said)) == len(said)


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["sums"]
    return frozenset(data["list_joins"]), frozenset(data["not_items"]), frozenset(data["said_verbs"])


_AMOUNTS = COUNTABLE | {"measure"}


def _single(f: Fact) -> bool:
    """An amount a whole may be made of: a count, money or a measure ("5,000 tonnes"), one value."""
    return f.kind in _AMOUNTS and not f.is_range and f.value is not None


def _share(f: Fact) -> bool:
    return f.kind == "percent" and not f.is_range and f.value is not None


def _pair_figures(d: _Doc, si: int) -> bool:
    """The cheap gate: sentence ``si`` holds two single figures of one family."""
    seen: set[str] = set()
    for tok in d.m.tokens[si]:
        if tok.fact >= 0:
            f = d.facts[tok.fact]
            if _single(f) or _share(f):
                fam = family(f)
                if fam in seen:
                    return True
                seen.add(fam)
    return False


def _unread(d: _Doc, si: int, lo: int, hi: int) -> bool:
    """A word holding a digit between tokens ``lo`` and ``hi`` that the fact table did not read as a
    figure ("the Conservatives 13" read as a name): the list may have a part not read."""
    toks, words = d.m.tokens[si], d.m.words[si]
    return any(toks[k].fact < 0 and any(ch.isdigit() for ch in words[k]) for k in range(lo, hi))


def _run(d: _Doc, si: int, start: int, like: Fact, end: int | None = None) -> list[int]:
    """The positions of the parts listed from token ``start`` (to ``end``): figures of ``like``'s family,
    each joined to the one before by a comma, "and", a semicolon or "while" within ``ITEM_GAP`` words.
    A share beside a part ("70 (48%)") is passed over. A part told against a time ("£300m in 2026"),
    as an end of a change or a comparison ("to 41", "than 30"), or per unit, makes the list no list: []."""
    words, toks = d.m.words[si], d.m.tokens[si]
    joins, not_items, _ = _words()
    stop = len(words) if end is None else end
    out: list[int] = []
    gap: list[str] = []
    aside = False
    closing = -1
    own_end = -1
    for j in range(start, stop):
        fi = toks[j].fact
        if fi < 0:
            if (
                words[j] in _SEP_STOP
                or (out and len(gap) >= ITEM_GAP and not _rest_ahead(d, si, j))
                or (out and gap and gap[-1] == "," and d.v.breakdown_open.starting_at(words, j))
            ):
                break  # "180 came from Europe, among them 120 from France": a list within a part
            if aside and words[j] != ",":
                continue
            aside = False
            if j == closing or j < own_end:
                continue
            gap.append(words[j])
            continue
        if d.group_bound_at(si, j):
            gap.append(words[j])  # "Drivers over 70 accounted for 31": the bound is a word of the part's group
            continue
        f = d.facts[fi]
        if f.kind in _DATED:
            return []  # parts told against times compare, they do not split
        if f.kind in FRAME_KINDS or (f.kind in ("percent", "share") and like.kind not in ("percent", "share")):
            if out and gap == ["("] and f.kind in ("percent", "share") and j + 1 < stop and words[j + 1] == ")":
                # "25,784 (53.5%) were in favour": a share in brackets right after a part is the part's own,
                # no word between the parts
                gap = []
                closing = j + 1
                continue
            if out and f.kind in ("percent", "share") and "," in gap:
                # "£40.2m of the total, or 47% of income, with B £19.1m": a share told aside between commas is
                # no word between the parts
                gap = gap[: len(gap) - gap[::-1].index(",") - 1]
                aside = True
                continue
            gap.append("#")
            continue
        if not (_single(f) or _share(f)) or family(f) != family(like):
            break
        if out and not joins & set(gap):
            break
        k = d.hedge_start(si, j)
        if k > 0 and words[k - 1] in not_items:
            return []
        m = d.m.by_fact.get(fi)
        if m is not None and "each" in m.roles:
            return []
        out.append(j)
        gap = []
        if len(out) == 1:
            own_end = _of_total_end(d, si, j)[0]  # "1.02 million of the jobless total, with": the part's own words
    return out


def _rest_ahead(d: _Doc, si: int, j: int) -> bool:
    """Token ``j`` is inside the closing words of the next part ("..., while the remaining nine"): they are
    the part's own words, not the gap before it (a long place, "15 in North Africa and the Middle East,
    while the remaining nine", reaches ``ITEM_GAP`` only with them)."""
    toks = d.m.tokens[si]
    for p in range(j, min(len(toks), j + CLOSING_REACH + 1)):
        if toks[p].fact >= 0:
            start = _closing(d, si, p)
            return start >= 0 and all(w in _REST_JOINS for w in d.m.words[si][j:start])
    return False


# Words that may join a part to the closing words of the rest after it ("and", ", while the remaining").
_REST_JOINS = frozenset({",", "and", "while", "whereas", "with"})


def _closing(d: _Doc, si: int, pos: int) -> int:
    """Where the closing words before the part at ``pos`` start ("and the remaining 21", "the other 17",
    "the final two": the part is the rest of its whole), else -1."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    table = _tables()["closing"]
    for e in range(k, max(0, k - CLOSING_REACH), -1):
        hit = table.ending_at(words, e)
        if hit:
            return hit[1]
    return -1


def _parallel(d: _Doc, si: int, items: Sequence[int]) -> bool:
    """The parts are of one kind of category, not attributes that may overlap: the verbs written right
    after the parts are one ("140 were birds; 95 were insects") or only one part has one ("1,300 came from
    A, 600 from B"). "180 play a sport and 150 learn an instrument" has two, and may count one pupil twice."""
    words = d.m.words[si]
    _, not_items, _ = _words()
    belonging = _belonging_verbs()
    verbs = set()
    for p in items:
        w = words[p + 1] if p + 1 < len(words) else ""
        if w.isalpha() and w not in not_items and w not in d.v.concepts and w not in _NOT_VERBS:
            two = w + " " + words[p + 2] if p + 2 < len(words) else w
            verbs.add("belong" if w in belonging or two in belonging else w)
    return len(verbs) <= 1


@functools.cache
def _belonging_verbs() -> frozenset[str]:
    """Verbs that place a member in one group (``[sums] belonging_verbs``): "24 belonged to A, while 19 sat
    for B" tells two groups of one kind."""
    return frozenset(_toml("vocab.toml")["sums"]["belonging_verbs"])


def _told_apart(d: _Doc, si: int, start: int, items: Sequence[int]) -> bool:
    """Each part is told apart from the others by a name ("the Liberals won 58", "25 were British") or
    a preposition after it ("1,300 came from Kent, 600 from Essex", "50 went to the army"): parts of one
    whole that cannot overlap. Parts told only by what they are or do ("320 had damp and 240 had
    mould", "25 were British, 12 were women") may count one thing twice."""
    words, toks = d.m.words[si], d.m.tokens[si]
    text = d.view.text
    preps = _tables()["preps"]
    lo = start
    for n, p in enumerate(items):
        hi = items[n + 1] if n + 1 < len(items) else min(len(words), p + ITEM_GAP)
        named = any(
            toks[k].fact < 0
            and text[toks[k].start].isupper()
            and toks[k].text not in d.v.not_names
            and (k > 0 or words[k] not in d.v.concepts)
            for k in range(lo, hi)
        )
        placed = any(preps.starting_at(words, k) for k in range(p + 1, min(hi, p + 4)))
        if not named and not placed:
            return False
        lo = p + 1
    return True


# Words that may not stand right before a later part of a labelled list: it must be the label's own noun.
_NOT_LABELS = frozenset({"and", "or", "of", "the", "a", "an", "by", "to", "from", "than", "with", "for", "in", "at"})


def _labelled(d: _Doc, si: int, items: Sequence[int]) -> bool:
    """Each later part is told right after a label of its own with the verb left out ("will charge £1,610,
    the police £290 and the fire service £104"): one list of named shares of a bill, which cannot overlap."""
    words = d.m.words[si]
    return len(items) >= 2 and all(
        p > 0
        and words[p - 1].removesuffix("'s").isalpha()
        and words[p - 1] not in _NOT_LABELS
        and words[p - 1] not in d.v.concepts
        for p in items[1:]
    )


def _answers(d: _Doc, si: int, items: Sequence[int]) -> bool:
    """Two or more parts told by one verb of saying ("250 said they would hire and 200 said they would
    invest"): answers that may overlap."""
    words = d.m.words[si]
    said = _words()[2]
    return sum(1 for p in items if p + 1 < len(words) and words[p + 1] in said) >= 2


def _open_words(d: _Doc, si: int, lo: int, hi: int) -> bool:
    words = d.m.words[si]
    table = _tables()["open"]
    return any(table.starting_at(words, k) for k in range(lo, hi))


def _relation(d: _Doc, si: int, total: int, items: Sequence[int], cue: Span, exact: bool) -> Relation:
    roles = (("total", total),) + tuple(("item", d.m.tokens[si][p].fact) for p in items)
    return Relation("breakdown", roles, (cue,), "sentence", (("inclusive", "" if exact else "yes"),))


def _fits(d: _Doc, total: int, si: int, items: Sequence[int]) -> bool:
    """The whole is larger than every part but one (a slip may push one part past it)."""
    tv = d.facts[total].value or Decimal(0)
    return tv > whole_floors(d.facts[d.m.tokens[si][p].fact].value for p in items)[1]


def _part_lists(d: _Doc) -> Iterator[Relation]:
    """Each reader runs only on a sentence with two figures of one family and its own cue word."""
    closing = _closing_words()
    for si in range(len(d.m.tokens)):
        if not _pair_figures(d, si):
            continue
        words = d.m.words[si]
        cues = set(words)
        if opener_start(words, 0) >= 0:
            yield from _of_opened(d, si)
        if "(" in cues:
            yield from _bracketed(d, si)
        if cues & _DASHES:
            yield from _dashed(d, si)
        if "of" in cues and cues & _PRONOUNS:
            yield from _of_them(d, si)
        if cues & closing:
            yield from _closed_lists(d, si)
            if cues & _new_words():
                yield from _new_parts(d, si)
        if "of" in cues or ":" in cues:
            yield from _share_lists(d, si)
        if "of" in cues:
            yield from _of_whole_siblings(d, si)
    for si in range(1, len(d.m.tokens)):
        if d.m.words[si - 1] and _further_words().starting_at(d.m.words[si], 0):
            yield from _further_parts(d, si - 1)
        if _tables()["totals_after"].starting_at(d.m.words[si], 0):
            yield from _total_after(d, si)
        if _tables()["closing"].starting_at(d.m.words[si], 0):
            yield from _rest_opened(d, si)
        yield from _kinds_after(d, si)


# Tokens before the whole's figure at the head of an opener ("Of the 48,300", "Of all 48,300").
OPENER_HEAD = 3
# Tokens an "Of <whole>," opener may run to its comma ("Of the 48,300 people who attended its three
# emergency departments during the month,").
OPENER_REACH = 20


@functools.cache
def _further_words() -> PhraseTable:
    return PhraseTable.build((p, "further") for p in _toml("vocab.toml")["sums"]["further"])


def _opened_run(d: _Doc, si: int, reach: int) -> tuple[int, int, Fact, list[int]] | None:
    """An "Of <whole>," opener's comma (within ``reach`` tokens), its first part's token and fact, and the
    parts run from the comma (``_run``); None when the sentence opens no such list."""
    words, toks = d.m.words[si], d.m.tokens[si]
    comma = next((k for k in range(1, min(len(words), reach)) if words[k] == ","), -1)
    first = next((k for k in range(comma + 1, len(toks)) if toks[k].fact >= 0), -1) if comma > 0 else -1
    if first < 0 or _opener(d, si, first) != 0:
        return None
    like = d.facts[toks[first].fact]
    if not _single(like):
        return None
    return comma, first, like, _run(d, si, comma + 1, like)


def _further_parts(d: _Doc, si: int) -> Iterator[Relation]:
    """ "Of the 48,300 people who attended, 34,400 were seen within four hours. A further 11,900 waited
    up to 12 hours, and 2,000 longer": the sentence after an "Of <whole>," part opens on a part told as
    more of the same whole (``[sums] further``: "A further", "Another"), so it is another part of that
    whole; the parts after it in its sentence join it only when told by the same verb (or none). The parts
    may leave some of the whole untold: at most the whole."""
    toks = d.m.tokens[si]
    opened = _opened_run(d, si, OPENER_REACH)
    if opened is None:
        yield from _further_after_part(d, si)
        return
    comma, first, like, items = opened
    # the opener's own figure ("Of the 48,300 people who attended in January,": the month is its time)
    # and "its three departments" in the clause that narrows it: the figure at the opener's head is the whole)
    own = [k for k in range(first) if toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in FRAME_KINDS]
    head = own[0] if own and d.hedge_start(si, own[0]) <= OPENER_HEAD else -1
    total = toks[head].fact if head >= 0 else -1
    if total >= 0 and (not _single(d.facts[total]) or family(d.facts[total]) != family(like)):
        return
    if not own:
        total = _opener_whole(d, si, 0, first, like)
    if not items or total < 0:
        return
    yield from _further_of(d, si, total, like, [toks[p].fact for p in items])


def _further_after_part(d: _Doc, si: int) -> Iterator[Relation]:
    """ "The firm has 86 diesel buses. Seventy-one of them have been sold. A further 23 are being leased.":
    a sentence whose first figure is a part told "of them", "of those" or "of the <noun>" of a whole told
    in a sentence before (``referent``, ``definite_whole``), then a sentence opened by "A further",
    "Another": its parts of that whole."""
    words, toks = d.m.words[si], d.m.tokens[si]
    pos = next((k for k, t in enumerate(toks) if t.fact >= 0 and _single(d.facts[t.fact])), -1)
    if pos < 0 or pos + 2 >= len(words) or words[pos + 1] != "of":
        return
    fi = toks[pos].fact
    like = d.facts[fi]
    if (words[pos + 1], words[pos + 2]) in _OF_THEM:
        total = referent(d, si, pos + 2, part=fi, at=pos)
    elif words[pos + 2] == "the":
        total = _counted_before(d, si, pos + 3, like)
    else:
        return
    if total < 0 or d.facts[total].sentence >= si or not _single(d.facts[total]):
        return
    if family(d.facts[total]) != family(like) or (d.facts[total].value or 0) <= (like.value or 0):
        return
    yield from _further_of(d, si, total, like, [fi])


# Words of a noun phrase after "of the" that its head may end ("of the diesel buses").
NP_WORDS = 3
# Sentences back that the count a part "of the <noun>" is of may stand.
COUNTED_BACK = 3


def _counted_before(d: _Doc, si: int, k: int, like: Fact) -> int:
    """The nearest count of ``like``'s family in the ``COUNTED_BACK`` sentences before that counts the noun
    phrase from token ``k`` ("of the diesel buses" ... "all 86 of its diesel buses"): its head written
    within a few words after the count, every word of the phrase among them; -1 when none."""
    words = d.m.words[si]
    phrase: list[str] = []
    while k < len(words) and len(phrase) < NP_WORDS and words[k].isalpha() and d.fact_at(si, k) < 0:
        phrase.append(words[k])
        k += 1
    plural = [w for w in phrase if w.endswith("s") and not w.endswith("ss")]
    if not plural:
        return -1
    phrase = phrase[: phrase.index(plural[0]) + 1]
    for s2, k2, fi in d.m.figures_before(si, 0, COUNTED_BACK):
        f = d.facts[fi]
        if not _single(f) or family(f) != family(like):
            continue
        after = d.m.words[s2][k2 + 1 : k2 + 1 + NP_WORDS + 2]
        if all(w in after for w in phrase):
            return fi
    return -1


def _further_of(d: _Doc, si: int, total: int, like: Fact, first: list[int]) -> Iterator[Relation]:
    """The parts of ``total`` told in sentence ``si`` (``first``) and, after it, in a sentence opened by "A
    further", "Another" (``[sums] further``) with the same verb or none: at most the whole."""
    if si + 1 >= len(d.m.tokens):
        return
    nxt, ntoks = d.m.words[si + 1], d.m.tokens[si + 1]
    hit = _further_words().starting_at(nxt, 0)
    if hit is None:
        return
    h = hit[1]
    while h < len(nxt) and ntoks[h].fact < 0 and h - hit[1] < CLOSING_REACH:
        h += 1  # "A further estimated 11,900": the figure's hedge
    if h >= len(nxt) or ntoks[h].fact < 0:
        return
    f = d.facts[ntoks[h].fact]
    if not _single(f) or family(f) != family(like):
        return
    later = _run(d, si + 1, h, f)
    further = later[:1] if not later or not _parallel(d, si + 1, later) or _nested(d, si + 1, later) else later
    tf = d.m.frame(total)
    for n in further:
        pf = d.m.frame(ntoks[n].fact)
        if (pf.period and tf.period and pf.period != tf.period) or (pf.scope and pf.scope != tf.scope):
            return  # "A further 9,000 in 2024", "Another 300 in Leeds": another time's or place's count
        pm, tm = d.m.by_fact.get(ntoks[n].fact), d.m.by_fact.get(total)
        noun = pm.noun.lower().split()[0] if pm is not None and pm.noun else ""
        whole_noun = tm.noun.lower().split()[0] if tm is not None and tm.noun else ""
        if noun.isalpha() and not d.verb_like(noun) and singular(noun) != singular(whole_noun):
            return  # "Of the 300 staff, ... Another 40 contractors ...": more of another set
    parts = first + [ntoks[n].fact for n in further]
    tv = d.facts[total].value or Decimal(0)
    if tv <= whole_floors(d.facts[p].value for p in parts)[1]:
        return
    roles = (("total", total),) + tuple(("item", p) for p in parts)
    yield Relation("breakdown", roles, (d.span(si + 1, 0, hit[1]),), "document", (("inclusive", "yes"),))


# Determiners between a part's "of" and its whole's figure ("64 of the 120 seats"); never a holder's own
# ("won 18 of their 20 games, while B won 17": each side's own games).
_OF_WHOLE = frozenset({"the"})


def _of_whole_siblings(d: _Doc, si: int) -> Iterator[Relation]:
    """ "Labour won 64 of the 120 seats and the Greens 61", "Acme sold 640 of the 1,200 tickets, while Bolt
    sold 610": a part told with its whole ("N of the M"), then parts of the same family joined to it, each
    told apart by a name (or a preposition) and by the same verb or none: parts of that whole, at most it."""
    words, toks = d.m.words[si], d.m.tokens[si]
    joins = _words()[0]
    for p in range(len(words) - 3):
        pi = toks[p].fact
        if pi < 0 or words[p + 1] != "of" or words[p + 2] not in _OF_WHOLE:
            continue
        w = p + 4 if words[p + 3].endswith(("'s", "\u2019s")) and p + 4 < len(words) else p + 3
        wi = toks[w].fact  # "64 of the 120", "64 of the team's 120"
        if wi < 0:
            continue
        like, whole = d.facts[pi], d.facts[wi]
        if not (_single(like) and _single(whole)) or family(like) != family(whole) or d.facts[pi].kind in FRAME_KINDS:
            continue
        later = _run(d, si, w + 1, like)
        if not later or not joins & set(words[w + 1 : later[0]]) or _unread(d, si, w + 1, later[-1]):
            continue
        if any(later[-1] + 1 < len(words) and words[q + 1] == "of" for q in later):
            continue  # "and the Greens 61 of the 140 seats in Hull": a part of another whole
        items = [p, *later]
        if not _parallel(d, si, items) or not _told_apart(d, si, 0, items) or _nested(d, si, items):
            continue
        if not all(_named_between(d, si, _last_join(words, a, b), b) for a, b in zip(items, items[1:], strict=False)):
            continue  # "Labour won 64 of the 120 seats and 61 were held by women": no name, maybe the same seats
        if not _fits(d, wi, si, items):
            continue
        roles = (("total", wi),) + tuple(("item", toks[q].fact) for q in items)
        yield Relation("breakdown", roles, (d.span(si, p + 1, w + 1),), "sentence", (("inclusive", "yes"),))
        return


def _last_join(words: Sequence[str], a: int, b: int) -> int:
    """The token after the last join word (``[sums] list_joins``) between tokens ``a`` and ``b``: where the
    later part's own words start ("..., and the Greens 61")."""
    joins = _words()[0]
    return next((k + 1 for k in range(b - 1, a, -1) if words[k] in joins), a + 1)


def _named_between(d: _Doc, si: int, lo: int, hi: int) -> bool:
    """A name (a capitalised word that is no figure and no word the text capitalises anyway) stands between
    tokens ``lo`` and ``hi``: "and the Greens 61", "while Bolt sold 610"."""
    toks = d.m.tokens[si]
    text = d.view.text
    return any(
        toks[k].fact < 0 and text[toks[k].start].isupper() and toks[k].text not in d.v.not_names for k in range(lo, hi)
    )


@functools.cache
def _new_words() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["sums"]["new_set"])


def _new_parts(d: _Doc, si: int) -> Iterator[Relation]:
    """ "Employment rose by 96,000 to 29.4 million, with 58,000 of the new jobs full-time and the remaining
    45,000 part-time": a list whose first part is told "of the new <noun>" (``[sums] new_set``) and closed
    by its rest splits what the clause before it added: the nearest figure of its family before the list
    in its sentence, the level it rose to ("to 29.4 million") or from passed over."""
    words, toks = d.m.words[si], d.m.tokens[si]
    new = _new_words()
    for p in range(1, len(words) - 3):
        fi = toks[p].fact
        if fi < 0 or words[p + 1 : p + 3] != ("of", "the") or words[p + 3] not in new:
            continue
        like = d.facts[fi]
        if not _single(like):
            continue
        items = _run(d, si, p, like)
        if len(items) < 2 or items[0] != p:
            return
        close = _closing(d, si, items[-1])
        if close < 0 or _open_words(d, si, p, close):
            return
        total = -1
        for k in range(d.hedge_start(si, p) - 1, -1, -1):
            ti = toks[k].fact
            if ti < 0 or not _single(d.facts[ti]) or family(d.facts[ti]) != family(like):
                continue
            h = d.hedge_start(si, k)
            if h > 0 and words[h - 1] in ("to", "from"):
                continue  # "to 29.4 million": the level it rose to, no whole of what was added
            total = ti
            break
        if total < 0 or not _fits(d, total, si, items):
            return
        m = d.m.by_fact.get(total)
        if m is not None and m.roles & {"part", "another", "remainder", "each"}:
            return
        yield _relation(d, si, total, items, d.span(si, p + 1, p + 4), not _unread(d, si, items[0], items[-1]))
        return


@functools.cache
def _closing_words() -> frozenset[str]:
    """The last word of each closing phrase ("remaining", "other", "two" is never one)."""
    return frozenset(p.split()[-1] for p in _toml("vocab.toml")["sums"]["closing"])


def _of_opened(d: _Doc, si: int) -> Iterator[Relation]:
    """ "Of the 120 seats, A won 58, B took 41 and the remaining 21 went to C": the whole the opener names
    (its own figure, the figure "these" stands for, or the count of the same noun told before)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if not words or opener_start(words, 0) < 0:
        return
    opened = _opened_run(d, si, 12)
    if opened is None or len(opened[3]) < 2:
        return
    comma, first, like, items = opened
    total = _opener_total(d, si, comma, first, like)
    if total < 0 or not _fits(d, total, si, items):
        return
    if _two_ways(d, total, [toks[p].fact for p in items]):
        return  # "Of its 14 medals, nine were won by women and five by men, and eight came in track events, with
        # the remaining six in field events": the whole split two ways, each adding up to it
    yield from _bracketed_shares(d, si, total, items, d.span(si, 0, comma))
    close = _closing(d, si, items[-1])
    rest = _rest_next(d, si) and not _intentions(d, si, items) if close < 0 else False
    if close < 0 and not rest and not (_parallel(d, si, items) and _told_apart(d, si, comma + 1, items)):
        if not _exclusive(d, si, items):
            return  # parts told only by what they are may overlap, unless their words exclude each other
    exact = close >= 0 and not _open_words(d, si, comma + 1, close) and not _unread(d, si, items[0], items[-1])
    if rest:
        # "Of those, 840 said ..., 790 said ... and 260 said .... The rest gave no answer.": the rest told
        # after the list makes it every part but one, so its parts count nothing twice and fit within the whole
        roles = (("total", total),) + tuple(("item", toks[p].fact) for p in items)
        yield Relation(
            "breakdown", roles, (d.span(si, 0, comma),), "sentence", (("inclusive", "yes"), ("rest", "told"))
        )
        return
    yield _relation(d, si, total, items, d.span(si, 0, comma), exact)


def _two_ways(d: _Doc, total: int, parts: Sequence[int]) -> bool:
    """The parts are the whole split two ways one after the other: a first run of them adds up to it
    exactly and so do the rest."""
    w = d.facts[total].value
    values = [v for p in parts if (v := d.facts[p].value) is not None]
    if w is None or len(values) != len(parts) or len(values) < 4:
        return False
    for n in range(2, len(values) - 1):
        if sum(values[:n], Decimal(0)) == w and sum(values[n:], Decimal(0)) == w:
            return True
    return False


def _bracketed_shares(d: _Doc, si: int, total: int, items: Sequence[int], cue: Span) -> Iterator[Relation]:
    """ "Of the 48,210 votes cast, 25,784 (53.5%) were in favour and 22,801 (45.6%) against": each part of
    the opener's whole with its share in brackets right after it (or after ", or") is that share of the whole,
    the later parts as much as the first."""
    words, toks = d.m.words[si], d.m.tokens[si]
    n = len(words)
    for p in items[1:]:
        if p + 3 < n and words[p + 1] == "(" and words[p + 3] == ")":
            at = p + 2
        elif p + 3 < n and words[p + 1 : p + 3] == (",", "or") and (p + 4 == n or words[p + 4] in (",", ".", ";")):
            at = p + 3  # "and 4,180, or 44.9%, against": the share told aside between commas
        else:
            continue
        pi = toks[at].fact
        if pi >= 0 and _share(d.facts[pi]):
            roles = (("part", toks[p].fact), ("whole", total), ("share", pi))
            yield Relation("share", roles, (cue, d.span(si, p + 1, at)), "sentence")


# Tokens after a part's verb of saying that a word of intention may stand ("said they would").
INTENTION_REACH = 3


def _intentions(d: _Doc, si: int, items: Sequence[int]) -> bool:
    """A part is told as what people said they would do ("1,240 said they would strike"): one person may
    give several such answers."""
    words = d.m.words[si]
    said = _words()[2]
    intent = _intention_words()
    return any(
        p + 1 < len(words) and words[p + 1] in said and intent & set(words[p + 2 : p + 2 + INTENTION_REACH])
        for p in items
    )


@functools.cache
def _intention_words() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["sums"]["intentions"])


def _rest_next(d: _Doc, si: int) -> bool:
    """The sentence after ``si`` opens on a rest told without a figure ("The rest did not answer.", "The
    remainder were undecided."): the list of ``si`` names every part of its whole but that one."""
    if si + 1 >= len(d.m.tokens):
        return False
    toks = d.m.sentence_tokens(si + 1)
    words = [t.text.lower() for t in toks]
    hit = _tables()["bare_rest"].starting_at(words, 0)
    if not hit or (hit[1] < len(words) and words[hit[1]] == "of"):
        return False  # "The rest of the money ...": a thing of its own
    return not any(t.fact >= 0 and d.facts[t.fact].kind not in FRAME_KINDS for t in toks)


def _opener_total(d: _Doc, si: int, comma: int, first: int, like: Fact) -> int:
    """The whole an "Of <whole>," opener ending at ``comma`` names for the parts from token ``first``: its own
    figure, the figure "these" stands for, the count a definite set names ("Of the dead,"), the count of the
    action it names ("Of the routes being scrapped,") or the count of its noun told before; -1 when none is
    read, -2 when it names an action no count is told of."""
    words, toks = d.m.words[si], d.m.tokens[si]
    total = _opener_whole(d, si, 0, first, like)
    if total >= 0 or any(toks[k].fact >= 0 for k in range(0, comma)):
        return total
    start = opener_start(words, 0)
    named = definite_at(d, si, start, like.kind == "money")
    if named is not None and named[0] == comma:
        return definite_whole(d, si, start, like)  # "Of the dead,", "Of the displaced,"
    concept = opener_concept(d, si, first)
    total = _acted_before(d, si, start, comma, concept, like)
    return _named_before(d, si, concept, like) if total == -1 else total


def _acted_before(d: _Doc, si: int, start: int, comma: int, concept: str, like: Fact) -> int:
    """The count an opener that names its set by an action stands for ("Of the routes being scrapped,", "Of
    the stores due to close,", "Of the jobs going,"): the nearest figure of the family in the ``WHOLE_BACK``
    sentences before, then the headline and the lead, told of that action or one of its kin (``[holders]
    actions`` and ``action_kin``: "will withdraw 14 routes") and of the opener's concept where both tell one.
    -1 when the opener names no action, -2 when it does and no count of it is told (no other whole is read
    then: "the 62 routes it runs" is not the set of those scrapped)."""
    words = d.m.words[si]
    action = next((hit[0] for k in range(start + 2, comma) if (hit := action_table().starting_at(words, k))), "")
    if not action:
        return -1
    kin = action_kin(action)
    before = list(d.m.figures_before(si, 0, WHOLE_BACK))
    near = {s2 for s2, _, _ in before}
    for s2, k2, fi in before + [t for t in _lead_figures(d, si) if t[0] not in near]:
        f = d.facts[fi]
        if not _single(f) or family(f) != family(like) or action_of(d, s2, k2) not in kin:
            continue
        told = d.m.frame(fi).concept
        return fi if not concept or not told or told == concept else -2
    return -2


def _named_before(d: _Doc, si: int, concept: str, like: Fact) -> int:
    """The count of ``concept`` told in the ``WHOLE_BACK`` sentences before: the nearest figure of the
    family, only when it counts that concept."""
    if not concept:
        return -1
    for _, _, fi in d.m.figures_before(si, 0, WHOLE_BACK):
        f = d.facts[fi]
        if not _single(f) or family(f) != family(like):
            continue
        return fi if d.m.frame(fi).concept == concept else -1
    return -1


def _breaks_bracket(d: _Doc, si: int, k: int) -> bool:
    """Whether token ``k`` between a whole and its bracket parts it from them: a comma or another figure,
    but not a time the whole is told for ("All 3,600 tickets for this year's event (")."""
    fi = d.m.tokens[si][k].fact
    return d.m.words[si][k] == "," or (fi >= 0 and d.facts[fi].kind not in FRAME_KINDS)


def _bracketed(d: _Doc, si: int) -> Iterator[Relation]:
    """ "Thirty-two athletes (14 women and 18 men)": a whole, a few words of what it counts, then its parts
    in brackets, joined by "and", the bracket closing after the last. Exact, unless a word leaves the list
    open ("(including 14 women)")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for pos, tok in enumerate(toks):
        if tok.fact < 0 or not _single(d.facts[tok.fact]):
            continue
        ob = next((k for k in range(pos + 1, min(len(words), pos + 2 + BRACKET_REACH)) if words[k] == "("), -1)
        if ob < 0 or any(_breaks_bracket(d, si, k) for k in range(pos + 1, ob)):
            continue
        cb = next((k for k in range(ob + 1, len(words)) if words[k] in (")", ".")), -1)
        if cb < 0 or words[cb] != ")":
            continue
        like = d.facts[tok.fact]
        items = _run(d, si, ob + 1, like, cb)
        if len(items) < 2 or "and" not in words[items[0] : items[-1]]:
            continue
        if any(toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in FRAME_KINDS for k in range(items[-1] + 1, cb)):
            continue
        if not _fits(d, tok.fact, si, items):
            continue
        exact = not _open_words(d, si, ob + 1, cb) and not _unread(d, si, items[0], items[-1])
        yield _relation(d, si, tok.fact, items, d.span(si, ob, cb + 1), exact)


_DASHES = frozenset({"-", "\u2013", "\u2014"})
# Words after the last part of a dashed list before its end: "and 900 support workers."
DASH_TAIL = 4


def _dashed(d: _Doc, si: int) -> Iterator[Relation]:
    """ "31 medals - 12 gold, 10 silver and 14 bronze", "2,300 staff – 1,200 nurses, 400 doctors and 900
    porters": a whole and what it counts, a dash, then its parts, each with the noun of its kind right
    after it ("£5m of timber") or where it goes ("£3.1m for labour"), the last after "and", the list running to the end of the sentence or to a closing dash.
    Exact. A score, a time or a range after a dash ("won 3-1", "10am - 2pm") is no such list: the
    parts must each name their kind, and fit within the whole."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for pos, tok in enumerate(toks):
        if tok.fact < 0 or not _single(d.facts[tok.fact]):
            continue
        dash = next((k for k in range(pos + 1, min(len(words), pos + 2 + OPEN_REACH)) if words[k] in _DASHES), -1)
        if dash < 0 or any(toks[k].fact >= 0 or words[k] in (",", "(") for k in range(pos + 1, dash)):
            continue
        if dash == pos + 1 and toks[dash].start == tok.end:
            continue  # "45-strong", "3-1": a dash written against a figure joins it to what follows
        end = next((k for k in range(dash + 1, len(words)) if words[k] in _DASHES or words[k] in _SEP_STOP), len(words))
        like = d.facts[tok.fact]
        items = _run(d, si, dash + 1, like, end)
        if len(items) < 2 or words[items[-1] - 1] != "and" or end - items[-1] > DASH_TAIL + 1:
            continue
        if any(toks[k].fact >= 0 and k not in items for k in range(items[0], end)):
            continue
        if not all(
            p + 1 < end
            and (
                _prep_after(d, si, p)
                or words[p + 1] == "of"
                or (words[p + 1].isalpha() and words[p + 1] not in _NOT_VERBS)
            )
            for p in items
        ):
            continue
        if not _fits(d, tok.fact, si, items):
            continue
        exact = not _open_words(d, si, dash + 1, end) and not _unread(d, si, items[0], items[-1])
        yield _relation(d, si, tok.fact, items, d.span(si, dash, end), exact)


def _of_them(d: _Doc, si: int) -> Iterator[Relation]:
    """ "The factory employs 1,500 people, 900 of them women and 600 men": a whole, a comma, then a part
    told "of them" ("of whom", "of which") and the parts listed with it. Inclusive."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for pos, tok in enumerate(toks):
        if tok.fact < 0 or not (_single(d.facts[tok.fact]) or _share(d.facts[tok.fact])) or pos + 3 >= len(words):
            continue
        if tuple(words[pos + 1 : pos + 3]) not in _OF_THEM:
            continue
        comma = d.hedge_start(si, pos) - 1
        if comma < 1 or words[comma] != ",":
            if words[pos + 2] == "them":
                yield from _of_them_apart(d, si, pos)
            continue
        before = next((k for k in range(comma - 1, max(-1, comma - 1 - OPEN_REACH), -1) if toks[k].fact >= 0), -1)
        like = d.facts[tok.fact]
        if before < 0 or d.facts[toks[before].fact].kind in FRAME_KINDS:
            # "60 people were hurt, 45 of them seriously and 20 slightly": the whole is the clause's
            # subject, further back, when the parts' own words exclude each other.
            lo = max(d.m.clause_start(si, comma - 1), comma - 1 - SUBJECT_REACH)
            before = next(
                (
                    k
                    for k in range(comma - 1, lo - 1, -1)
                    if toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in FRAME_KINDS
                ),
                -1,
            )
            if before < 0 or not _exclusive(d, si, _run(d, si, pos, like)):
                continue
        total = toks[before].fact
        if _share(like) and _single(d.facts[total]):
            # "900 members, 60% of them men and 40% women": shares of the one whole
            shares = _run(d, si, pos, like)
            cut = next((n for n in range(1, len(shares)) if _comma_and(words, shares[n - 1], shares[n])), len(shares))
            if cut >= 2:
                yield Relation("shares", tuple(("item", toks[p].fact) for p in shares[:cut]), (), "sentence")
            continue
        if not _single(d.facts[total]) or family(d.facts[total]) != family(like):
            continue
        items = _run(d, si, pos, like)
        # "40 gates, 12 of them for members, and 30 turnstiles": ", and" closes the apposition, and
        # what follows is the whole's neighbour, not its part; "16 shots, seven of them on target, against
        # City's nine": a word that sets another side against it does too.
        cut = next(
            (
                n
                for n in range(1, len(items))
                if _comma_and(words, items[n - 1], items[n]) or _AGAINST & set(words[items[n - 1] + 1 : items[n]])
            ),
            len(items),
        )
        items = items[:cut]
        if len(items) < 2 or not _fits(d, total, si, items):
            continue
        yield _relation(d, si, total, items, d.span(si, pos + 1, pos + 3), False)


def _of_them_apart(d: _Doc, si: int, pos: int) -> Iterator[Relation]:
    """ "The port moved 41,200 containers in May. Exports accounted for 22,900 of them, imports 14,100 and
    empty boxes another 5,600": the first part of a list told "of them", the whole in a sentence before,
    each later part labelled by its own words with the verb left out. The parts are named apart, so they
    add up to at most the whole (inclusive). Not read: a part after another figure of its family in its
    sentence, a list whose parts carry verbs of their own ("1,300 said ...")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    fi = toks[pos].fact
    like = d.facts[fi]
    if not _single(like) or any(
        t.fact >= 0 and _single(d.facts[t.fact]) and family(d.facts[t.fact]) == family(like) for t in toks[:pos]
    ):
        return
    total = referent(d, si, pos + 2, part=fi, at=pos)
    if total < 0 or d.facts[total].sentence >= d.facts[fi].sentence:
        return
    whole = d.facts[total]
    if not _single(whole) or family(whole) != family(like):
        return
    items = _run(d, si, pos, like)
    cut = next((n for n in range(1, len(items)) if _comma_and(words, items[n - 1], items[n])), len(items))
    items = items[:cut]
    nested = next((n for n in range(1, len(items)) if tuple(words[items[n] + 1 : items[n] + 3]) in _OF_THEM), 0)
    if nested:
        return  # "leaving 7,350 still waiting, about 4,100 of whom live on the islands": a part of a part
    if len(items) < 3 or not _fits(d, total, si, items) or _answers(d, si, items):
        return
    for n in range(1, len(items)):
        gap = words[items[n - 1] + 1 : items[n]]
        if n == 1:
            gap = gap[2:]  # past "of them"
        if not any(w.replace("-", "").replace("'", "").isalpha() and w not in _LABEL_JOINS for w in gap):
            return  # "Women made up 1,020 of them, and 1,300 said ...": no label of its own
    if _open_words(d, si, pos, items[-1]):
        return
    yield Relation(
        "breakdown",
        (("total", total), *(("item", toks[p].fact) for p in items)),
        (d.span(si, pos + 1, pos + 3),),
        "document",
        (("inclusive", "yes"),),
    )


def _kinds_after(d: _Doc, si: int) -> Iterator[Relation]:
    """ "The trust employs 8,200 staff. Around 5,100 are nurses and 3,600 are doctors.": a sentence that
    opens on its first part and lists the parts, each told apart by a word of one ``[exclusive] sets`` set
    ("girls" and "boys", "nurses" and "doctors"), after a sentence that tells one figure of their family, the
    whole. The kinds cannot overlap, so the parts add up to at most it (inclusive); the whole need not be
    named again. Not read: a whole told beside another figure of its family, parts told in other years."""
    toks = d.m.tokens[si]
    pos = next((k for k, t in enumerate(toks) if t.fact >= 0), -1)
    if pos < 0 or d.hedge_start(si, pos) != 0 or not _single(d.facts[toks[pos].fact]):
        return
    like = d.facts[toks[pos].fact]
    wholes = [
        t.fact
        for t in d.m.tokens[si - 1]
        if t.fact >= 0 and _single(d.facts[t.fact]) and family(d.facts[t.fact]) == family(like)
    ]
    if len(wholes) != 1:
        return
    total = wholes[0]
    items = _run(d, si, pos, like)
    if len(items) < 2 or not _exclusive(d, si, items) or not _fits(d, total, si, items):
        return
    if _open_words(d, si, pos, items[-1]):
        return
    tf = d.m.frame(total)
    if any((pf := d.m.frame(toks[p].fact)).period and tf.period and pf.period != tf.period for p in items):
        return  # "Last year 900 pupils ... This year 520 are girls": another year's whole
    roles = (("total", total),) + tuple(("item", toks[p].fact) for p in items)
    yield Relation("breakdown", roles, (d.span(si, pos, items[-1] + 1),), "document", (("inclusive", "yes"),))


# Words that join a list's parts, no label of a part: "imports 14,100 and empty boxes another 5,600".
_LABEL_JOINS = frozenset({"and", "while", "with", "another", "the", "other", "a", "further", "remaining"})


# Words between two figures that set another side against the first: no part of its whole after them.
_AGAINST = frozenset({"against", "compared", "versus", "vs", "while", "whereas"})


def _comma_and(words: Sequence[str], a: int, b: int) -> bool:
    return any(words[k] == "," and words[k + 1] == "and" for k in range(a + 1, b - 1))


def _closed_lists(d: _Doc, si: int) -> Iterator[Relation]:
    """ "The chamber has 150 seats. The ruling party holds 82, the opposition 51 and smaller parties the
    other 17.": a list whose last part is the rest of its whole, and the whole told in the sentences just
    before (the nearest figure of the family that passes the parts; its place or holder not another's;
    where the parts count a known thing, "votes", the nearest that counts it). Exact: the rest closes the
    whole. The whole may be named by the list itself: by its first part, "of the total" ("A made up £40.2m of
    the total, ..., with B £19.1m and C the other £27.1m"), or by a definite subject of an event's set ("The dead
    include 21 in A, 9 in B and 6 in C; the remaining 12 ...", found up to the headline and the lead).
    A rest told without a figure ("..., with independents sharing the rest") closes the list too: its
    parts fit within the whole (inclusive). Not read: a list whose later parts add up to its first (the
    parts of a part), a list continuing one told before ("Another 700 ..."), and, after a figure-less rest,
    a whole told of a place of its own ("900 jobs will go at Hull")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if words and words[0] == "of":
        return  # read by its opener
    semi = next((k for k in range(len(words)) if words[k] == ";"), -1)
    whole = [t.fact for t in toks[:semi] if t.fact >= 0 and _single(d.facts[t.fact])] if semi > 0 else []
    if len(whole) == 1:
        # "A total of 96 boats took part; 50 finished, 30 retired and the other 16 sank": the whole opens
        # the sentence, its parts follow the semicolon
        items = _run(d, si, semi + 1, d.facts[whole[0]])
        close = _closing(d, si, items[-1]) if len(items) >= 2 else -1
        total = whole[0]
        if close >= 0 and not _fits(d, total, si, items):
            # "Planners spread the new homes across four districts; A got 940, ... and D the remaining 590":
            # the count before the semicolon counts the places, the whole is named again
            total = _named_again(d, si, items[0], d.facts[d.m.tokens[si][items[0]].fact])
        if close < 0 or total < 0 or _open_words(d, si, semi + 1, close) or not _fits(d, total, si, items):
            return
        if len(items) > 2 and _answers(d, si, items[:-1]):
            return
        exact = not _unread(d, si, items[0], items[-1])
        yield _relation(d, si, total, items, d.span(si, close, items[-1] + 1), exact)
        return
    first = next((k for k, t in enumerate(toks) if t.fact >= 0 and _single(d.facts[t.fact])), -1)
    if first < 0:
        return
    like = d.facts[toks[first].fact]
    items = _run(d, si, first, like)
    places = -1
    if len(items) > 2 and _opener_count(d, si, items):
        places = toks[items[0]].fact
        items = items[1:]  # "Across its 12 wards, A took 26,900 votes, B ...": the places, no part
    moved = len(items) == 1 and _count_of_places(d, si, first)
    if moved:
        # "It split the grants among three regions, and A got £6.1m, B £4.4m and C the remaining £4.9m": the
        # count of the places the whole goes to, then the list
        first = next(
            (k for k in range(first + 1, len(toks)) if toks[k].fact >= 0 and _single(d.facts[toks[k].fact])), -1
        )
        if first < 0:
            return
        like = d.facts[toks[first].fact]
        items = _run(d, si, first, like)
    if len(items) < 2:
        return
    first = items[0]
    close = _closing(d, si, items[-1])
    bare = _bare_rest(d, si, items[-1]) if close < 0 else -1
    if close < 0 and bare < 0:
        return
    if bare >= 0:
        # "A took 15,920, B 9,870 and C 6,300, while four others took the remainder": the rest's own clause
        # tells who, not a part
        cut = next((j for j in range(bare - 1, -1, -1) if d.m.words[si][j] in _words()[0]), 0)
        items = [p for p in items if p < cut]
        if len(items) < 2:
            return
    subject = _definite_subject(d, si, first)
    if _open_words(d, si, first if subject >= 0 or moved else 0, close if close >= 0 else items[-1]):
        return
    if len(items) > 2 and _answers(d, si, items[:-1]):
        return  # "250 said they would hire and 200 said they would invest, while the other 80 ...": overlap
    if _nested(d, si, items):
        return  # "Costs took £40.2m, with wages £19.1m and rent the other £21.1m": the parts of a part
    of_total = _of_referent(d, si, first)
    if of_total >= 0:
        # "A made up £40.2m of the total, with B £19.1m and C the other £27.1m": the whole the first part names
        modifier = _of_total_end(d, si, first)[1]
        total = modified_whole(d, si, first, modifier, like) if modifier else -1
        if total < 0:
            # "1.02 million of the jobless total": no figure told with the word, the total told before
            total = d.antecedent(si, first, toks[first].fact)
        if total >= 0 and _larger_near(d, si, first, total):
            return  # "Sales rose to $412m. Europe took $150m. B accounted for $121m of the total, ...": which?
    elif subject >= 0:
        # "The dead include 21 in A, 9 in B and 6 in C; the remaining 12 ...": the set the subject names
        total = definite_whole(d, si, subject, like, sets_only=True, lead=True)
    else:
        total = _whole_before(d, si, first, like, [toks[p].fact for p in items], places)
        larger = total >= 0 and _larger_near(d, si, first, total)
        if total < 0 or larger or not _fits(d, total, si, items):
            named_again = _named_again(d, si, first, like)
            if named_again >= 0 and _fits(d, named_again, si, items):
                total, subject, larger = named_again, first, False  # the whole named again, as a subject names it
        if larger:
            return  # "Sales rose to $412m. Europe took $150m. B took $121m, ... and D the remaining $53m"
        if total >= 0 and _share_told_of(d, total):
            return  # "Care takes the largest slice, at £148.3m, or 36% of the total. A gets ...": a sibling part
    if total < 0 or not _fits(d, total, si, items):
        return
    if of_total < 0 and subject < 0:
        if _listed_with_others(d, total) and not _alone_of_its_kind(d, total):
            return
        m = d.m.by_fact.get(toks[first].fact)
        if m is not None and "another" in m.roles:
            return  # "900 jobs will go at Hull. Another 700 will go at Leeds, ...": parts of a list told before
        if close < 0 and _placed(d, total):
            return  # "900 jobs will go at Hull. 700 will go at Leeds, ... with the rest ...": a sibling part
    tf = d.m.frame(total)
    named = subject >= 0 or of_total >= 0
    scopes = {d.m.frame(toks[p].fact).scope for p in items}
    for p in items:
        pf = d.m.frame(toks[p].fact)
        known = d.v.concept_names
        if pf.concept in known and tf.concept in known and pf.concept != tf.concept and subject < 0 and of_total < 0:
            return  # a part told "of the jobless total" names the whole by its own words
        if pf.period and tf.period and pf.period != tf.period:
            return  # "Last year 300 died ... This year the dead include ...": another year's whole
        if pf.scope and pf.scope != tf.scope and not (named and len(scopes) > 1):
            # "In Leeds, 3,000 ... and the other 2,000": the rest of a place's count, not the whole's (a
            # whole the list names keeps parts told in places of their own: "21 in A, 9 in B; the remaining 18")
            return
    if close >= 0:
        exact = not _unread(d, si, items[0], items[-1])
        yield _relation(d, si, total, items, d.span(si, close, items[-1] + 1), exact)
        return
    # A rest told without a figure: the parts leave some of the whole, so they are less than it even where
    # the whole is hedged ("Some 48,200 ballots"): the judge reads it near its last written digit.
    roles = (("total", total),) + tuple(("item", toks[p].fact) for p in items)
    cue = d.span(si, bare, bare + 2)
    yield Relation("breakdown", roles, (cue,), "sentence", (("inclusive", "yes"), ("rest", "told")))


# Tokens after a figure in which its own share of a larger whole may be told (", or 36% of the total").
SHARE_TOLD_REACH = 3


def _share_told_of(d: _Doc, fi: int) -> bool:
    """The figure is told with its own share of a larger whole right after it ("£148.3m, or 36% of the
    total", "4,310 tonnes, or 39% of exports"): a part itself, no whole of the parts told after it."""
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos + 1, min(len(words) - 1, pos + 2 + SHARE_TOLD_REACH)):
        g = toks[k].fact
        if g >= 0:
            return d.facts[g].kind == "percent" and words[k + 1] == "of"
        if words[k] in (".", "!", "?", ";"):
            return False
    return False


def _count_of_places(d: _Doc, si: int, pos: int) -> bool:
    """The count at ``pos`` is a bare count of the places a whole goes to, told with its plural noun and
    closed by a colon, a semicolon or a comma ("between its two theatres:", "among three regions, and")."""
    words = d.m.words[si]
    f = d.facts[d.m.tokens[si][pos].fact]
    if f.kind not in ("count", "number") or f.unit or f.value is None or f.value > COUNT_OF_PLACES_MAX:
        return False
    return (
        pos + 2 < len(words)
        and words[pos + 1].isalpha()
        and words[pos + 1].endswith("s")
        and words[pos + 2] in (":", ";", ",")
    )


# The largest count of places a list of parts may be told after ("among three regions").
COUNT_OF_PLACES_MAX = 12


# Words of a noun phrase a list's whole may be named again by ("the new arrivals", "the displaced families").
NAMED_AGAIN_WORDS = 3
# Sentences before the phrase that the count it names again may stand (the headline and the lead also).
NAMED_AGAIN_BACK = 4
_NAMED_AGAIN_DETERMINERS = frozenset({"the", "those", "these"})


def _named_again(d: _Doc, si: int, first: int, like: Fact) -> int:
    """The whole of a list closed by its rest, named again by the noun phrase of an earlier count in the
    list's sentence before its first part or in the sentence before ("A total of 18,300 new arrivals were
    registered. ... It moved the new arrivals to three camps. A took 7,900, B 6,100 and C the remaining
    4,300"): the nearest such count, else -1 (also when two counts so named disagree)."""
    for s2 in (si, si - 1):
        if s2 < 0:
            continue
        toks = d.m.tokens[s2] or _plain_tokens(d, s2)  # a sentence with no figure is not tokenised
        ws = tuple(t.text for t in toks)
        top = first if s2 == si else len(ws)
        for k in range(top - 2, -1, -1):
            if ws[k] not in _NAMED_AGAIN_DETERMINERS:
                continue
            for n in range(NAMED_AGAIN_WORDS, 0, -1):
                phrase = ws[k + 1 : k + 1 + n]
                if (
                    len(phrase) == n
                    and k + 1 + n <= top
                    and all(w.isalpha() for w in phrase)
                    and all(toks[j].fact < 0 for j in range(k + 1, k + 1 + n))
                    and len(phrase[-1]) > 3
                    and phrase[-1].endswith("s")
                    and phrase[-1] not in d.v.generic_wholes
                    and phrase[-1] not in d.v.generic
                ):
                    found = _count_named(d, s2, k, tuple(phrase), like)
                    if found != -1:
                        return found
    return -1


def _count_named(d: _Doc, si: int, k: int, phrase: tuple[str, ...], like: Fact) -> int:
    """The nearest count before token ``k`` of sentence ``si`` told with ``phrase`` as its noun (right after
    it, or ending the few words after it: "18,300 new arrivals" for "the arrivals"), -1 when none, -2 when
    two so named disagree."""
    found = -1
    seen: set[int] = set()
    figures = list(d.m.figures_before(si, k, NAMED_AGAIN_BACK))
    figures += [(s2, k2, fi) for s2, k2, fi in _lead_figures(d, si - NAMED_AGAIN_BACK)]
    for s2, k2, fi in figures:
        if fi in seen:
            continue
        seen.add(fi)
        f = d.facts[fi]
        if not _single(f) or f.is_range or family(f) != family(like) or d.older_end(s2, k2):
            continue
        ws = d.m.words[s2]
        after = ws[k2 + 1 : k2 + 1 + NAMED_AGAIN_WORDS + 1]
        n = len(phrase)
        named = any(
            tuple(after[j : j + n]) == phrase and all(_modifier(w) for w in after[:j])
            for j in range(0, NAMED_AGAIN_WORDS + 1 - n + 1)
        )
        if not named:
            continue
        if found < 0:
            found = fi
        elif not f.interval.overlaps(d.facts[found].interval):
            return -2
    return found


# Words that end a count's noun phrase: what follows them is not its noun ("62 seats and the Reds").
_NOT_MODIFIERS = frozenset({"and", "or", "the", "a", "an", "of", "in", "to", "for", "on", "at", "with", "by", "from"})


def _modifier(word: str) -> bool:
    """A word that may stand between a count and the noun it counts: a modifier ("new", "kidney"), no
    function word and no plural noun of its own."""
    return word.isalpha() and word not in _NOT_MODIFIERS and not word.endswith("s")


def _larger_near(d: _Doc, si: int, first: int, total: int) -> bool:
    """A figure of the whole's family larger than it is told in the list's sentence before it or in the
    ``WHOLE_BACK`` sentences before (an older end of a change aside): "the total" may mean that one."""
    f = d.facts[total]
    known = d.v.concept_names
    concept = d.m.frame(total).concept
    for s2, k2, fi in d.m.figures_before(si, first, WHOLE_BACK):
        g = d.facts[fi]
        if fi == total or not _single(g) or family(g) != family(f) or (g.value or 0) <= (f.value or 0):
            continue
        other = d.m.frame(fi).concept
        if d.older_end(s2, k2) or (concept in known and other in known and other != concept):
            continue  # ("among the 90,900 people on the roll" against "48,200 ballots")
        return True
    return False


def _opener_count(d: _Doc, si: int, items: Sequence[int]) -> bool:
    """The first figure stands in a phrase of place or time opening the sentence, closed by a comma before
    the second ("Across the region's 12 wards, A took ...", "In its 12 stores, ...")."""
    words = d.m.words[si]
    return bool(words) and words[0] in _ASIDE_PREPOSITIONS and "," in words[items[0] + 1 : items[1]]


def _bare_rest(d: _Doc, si: int, last: int) -> int:
    """Where a rest told without a figure starts after the last part at ``last`` ("..., with independents
    sharing the rest", "and smaller parties took the remainder"), else -1: the list names every part but
    one, so the parts fit within the whole. A figure after it ("the rest of the world took 237,000") makes it
    a part of its own."""
    words, toks = d.m.words[si], d.m.tokens[si]
    table = _tables()["bare_rest"]
    for k in range(last + 1, min(len(words), last + 1 + ITEM_GAP)):
        if words[k] in _SEP_STOP or toks[k].fact >= 0:
            return -1
        hit = table.starting_at(words, k)
        if hit:
            after = hit[1]
            if after < len(words) and words[after] == "of":
                return -1  # "the rest of the world": a part named, its figure told on
            if any(t.fact >= 0 and d.facts[t.fact].kind not in FRAME_KINDS for t in toks[after:]):
                return -1
            return k
    return -1


# Tokens after a figure that a place told of it may stand ("900 jobs will go at the Hull depot").
PLACED_REACH = 6


def _placed(d: _Doc, fi: int) -> bool:
    """The figure is told of a place named after it in its clause ("at the Hull depot", "in Leeds"): a
    part of some whole itself, not the whole of a list told after it."""
    si, k = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    text = d.view.text
    places = _tables()["place_words"]
    end = min(d.m.clause_end(si, k), k + 1 + PLACED_REACH)
    for j in range(k + 1, end):
        if places.starting_at(words, j):
            return any(
                toks[i].fact < 0 and text[toks[i].start].isupper() and toks[i].text not in d.v.not_names
                for i in range(j + 1, min(end, j + 4))
            )
    return False


def _definite_subject(d: _Doc, si: int, first: int) -> int:
    """Where a definite subject naming an event's set opens the clause of the first part, told with a verb
    of ``[referents] definite_include`` right before it ("The dead include 27 people in A", "Those killed
    were 12 ..."), else -1."""
    words = d.m.words[si]
    verb = d.hedge_start(si, first) - 1
    if verb < 1 or words[verb] not in referent_words().definite_include:
        return -1
    start = d.m.clause_start(si, verb)
    hit = definite_at(d, si, start)
    return start if hit is not None and hit[0] == verb else -1


def _of_referent(d: _Doc, si: int, pos: int) -> int:
    """The token of "of" after the part at ``pos`` when a noun of amount pointing back follows it ("£40.2m of
    the total", "$198m of that sum", "1.02 million of the jobless total"), else -1."""
    return pos + 2 if _of_total_end(d, si, pos)[0] > 0 else -1


def _of_total_end(d: _Doc, si: int, pos: int) -> tuple[int, str]:
    """Where "of" and a noun of amount pointing back, right after the part at ``pos``, end ("of the total",
    "of that sum"), with the one word that modifies the noun ("of the jobless total" → "jobless"), else
    (-1, "")."""
    words = d.m.words[si]
    k = pos + 1
    if k + 2 >= len(words) or words[k] != "of":
        return -1, ""
    end = subject_at(d, si, k + 1)
    if end > 0:
        return end, ""
    hit = referent_words().amount_nouns.starting_at(words, k + 3)
    if hit and d.fact_at(si, k + 2) < 0:
        modifier = modifier_at(d, si, k + 1, hit[1])
        if modifier:
            return hit[1], modifier
    return -1, ""


def _nested(d: _Doc, si: int, items: Sequence[int]) -> bool:
    """The parts after the first add up to it, at the precision written: they break it down, not the
    whole ("Costs were £40.2m, with wages £19.1m and rent the other £21.1m")."""
    from numcheck.judges.arith import total_of, value_interval

    if len(items) < 3:
        return False
    toks = d.m.tokens[si]
    rest = total_of([d.facts[toks[p].fact] for p in items[1:]])
    return rest.overlaps(value_interval(d.facts[toks[items[0]].fact]))


def _alone_of_its_kind(d: _Doc, fi: int) -> bool:
    """The figure counts a thing the vocabulary knows, and every other figure of its family in its sentence
    counts another it knows ("Some 48,200 ballots were cast, ... among the 90,900 people on the roll"):
    not one of a list of parts."""
    known = d.v.concept_names
    concept = d.m.frame(fi).concept
    if concept not in known:
        return False
    f = d.facts[fi]
    for t in d.m.tokens[f.sentence]:
        g = t.fact
        if g < 0 or g == fi or not _single(d.facts[g]) or not same_family(d.facts[g], f, bare_ok=True):
            continue
        if not same_family(d.facts[g], f):
            return False  # "The top five films took £8.2m": the count of the group whose figure it is
        c = d.m.frame(g).concept
        if c not in known or c == concept:
            return False
    return True


def _whole_before(d: _Doc, si: int, first: int, like: Fact, items: Sequence[int], places: int = -1) -> int:
    """The whole of a list closed by its rest: the nearest figure of the family in the ``WHOLE_BACK``
    sentences before it; where the parts count a thing the vocabulary knows ("votes"), figures that count
    another ("the 90,900 people on the roll") are passed over for the nearest that counts it."""
    known = d.v.concept_names
    concept = next((c for fi in items if (c := d.m.frame(fi).concept) in known), "")
    for s2, k2, fi in d.m.figures_before(si, first, WHOLE_BACK):
        f = d.facts[fi]
        if not _single(f) or family(f) != family(like) or fi == places:
            continue  # (``places``: the count of places the list opens on, "Across its 12 wards,")
        if apposed(d, s2, k2):
            continue  # "Kettunen, 29, completed ...": an age told beside a name is no whole
        c = d.m.frame(fi).concept
        if concept and c in known and c != concept:
            continue
        return fi
    return -1


def _listed_with_others(d: _Doc, fi: int) -> bool:
    """The figure is one of several of its family in its sentence ("A on 62 seats and B on 47"): a part of
    an earlier list, not the whole a later list's rest closes."""
    f = d.facts[fi]
    if _unread(d, f.sentence, 0, len(d.m.tokens[f.sentence])):
        return True  # "the Greens 62 seats and the Reds 47": a figure the fact table read as a name
    return any(
        t.fact >= 0
        and t.fact != fi
        and _single(d.facts[t.fact])
        and same_family(d.facts[t.fact], f, bare_ok=True)  # one family, or a bare count beside it
        for t in d.m.tokens[f.sentence]
    )


def _share_lists(d: _Doc, si: int) -> Iterator[Relation]:
    """ "Of the council's £40m budget, 45% goes on care, 30% on roads and 25% on schools", "Asked how they
    get to work, 48% of staff said by car, 27% by bus and 16% on foot": shares of one whole, each told
    apart by where it goes (a preposition after it), either after an "Of <whole>," opener or after a first
    share "of <whole>" whose verb the later ones leave out, or after a colon ("The vote split three ways:
    52% for A, 38% for B and 10% for C"). Together at most 100% (``shares``, NC206). A
    sentence that says something rose or fell tells changes, not shares."""
    words, toks = d.m.words[si], d.m.tokens[si]
    first = next((k for k, t in enumerate(toks) if t.fact >= 0 and _share(d.facts[t.fact])), -1)
    if first < 0 or any(d.v.direction.starting_at(words, k) for k in range(len(words))):
        return
    like = d.facts[toks[first].fact]
    preps = _tables()["preps"]
    if words[0] == "of" and _opener(d, si, first) == 0:
        comma = next(k for k in range(first - 1, -1, -1) if words[k] == ",")
        items = _run(d, si, comma + 1, like)
        if len(items) < 2 or not _told_apart(d, si, comma + 1, items):
            return
    elif ":" in words[max(0, first - 2) : first]:
        # "The vote split three ways: 52% for A, 38% for B and 10% for C"
        items = _run(d, si, first, like)
        if len(items) < 3 or not all(_prep_after(d, si, p) for p in items):
            return
    elif first + 1 < len(words) and words[first + 1] == "of":
        items = _run(d, si, first, like)
        if len(items) < 3 or not all(p + 1 < len(words) and preps.starting_at(words, p + 1) for p in items[1:]):
            return
    else:
        return
    if any(w in _SET_AGAINST for w in words[items[0] : items[-1]]):
        return  # "only 63.8% of patients ..., compared with 80.2% at St Aldhelm's": each place's own rate
    yield Relation("shares", tuple(("item", toks[p].fact) for p in items), (), "sentence")


# Words that set one share against another: rates compared, not parts of one whole.
_SET_AGAINST = frozenset({"compared", "against", "versus", "than"})


def _prep_after(d: _Doc, si: int, pos: int) -> bool:
    """A preposition of ``[sums] preps`` right after the figure at ``pos`` or after its verb ("44% go to")."""
    words = d.m.words[si]
    preps = _tables()["preps"]
    return any(preps.starting_at(words, k) for k in range(pos + 1, min(len(words), pos + 3)))


def _total_after(d: _Doc, si: int) -> Iterator[Relation]:
    """ "Ms Lee won 6,200 votes and Mr Park 4,100. In all, 11,300 votes were cast.": a sentence that opens
    on "In all," ("In total", "Altogether", "All told") and tells one figure, after a sentence whose
    figures of that family are one list of parts told apart by names or places. Other parts may not have
    been told: a lower bound. Not when the two count different known things or are told of different
    times."""
    words, toks = d.m.words[si], d.m.tokens[si]
    figs = [t.fact for t in toks if t.fact >= 0 and _single(d.facts[t.fact])]
    if not figs:
        return
    # "All told, the two makers sold 10,000 cars": the total is the largest figure of the sentence
    total = max(figs, key=lambda fi: d.facts[fi].value or 0)
    like = d.facts[total]
    prev, ptoks = d.m.words[si - 1], d.m.tokens[si - 1]
    head = words[d.pos_of(total)[1] + 1] if d.pos_of(total)[1] + 1 < len(words) else ""
    same = [
        k
        for k, t in enumerate(ptoks)
        if t.fact >= 0 and _single(d.facts[t.fact]) and family(d.facts[t.fact]) == family(like)
    ]
    if len(same) < 2:
        return
    items = _run(d, si - 1, same[0], like)
    if items != same or not _fits(d, total, si - 1, items):
        return
    if _closing(d, si - 1, items[-1]) < 0 and not _told_apart(d, si - 1, 0, items) and not _labelled(d, si - 1, items):
        return
    known = d.v.concept_names
    tf = d.m.frame(total)
    for p in items:
        noun = prev[p + 1] if p + 1 < len(prev) else ""
        if noun.isalpha() and head.isalpha() and noun.endswith("s") and head.endswith("s") and noun != head:
            return  # "5,500 cars and 4,800 vans. In all, 8,000 cars": another thing counted
        pf = d.m.frame(ptoks[p].fact)
        if like.kind != "money" and pf.concept in known and tf.concept in known and pf.concept != tf.concept:
            return  # (money's concept is its verb: "paid out" and "spent" may be one flow)
        if pf.period and tf.period and pf.period != tf.period:
            return
    opener = _tables()["totals_after"].starting_at(words, 0)
    cue = d.span(si, 0, opener[1] if opener else 1)
    roles = (("total", total),) + tuple(("item", ptoks[p].fact) for p in items)
    yield Relation("breakdown", roles, (cue,), "document", (("inclusive", "yes"),))


# Words right before a figure of a list that make it the end of a change or a comparison, a rate or a
# range: "from £30m to £41m", "more than £30m", "£5 per head", "between £3m and £4m".
_NOT_LISTED = frozenset({"from", "to", "than", "by", "per", "against", "between", "versus", "vs"})


def _told_of_a_whole(d: _Doc, fi: int) -> bool:
    """The figure is itself told as a part of a whole right after it ("£455m of sales", "4,100 of the
    staff"): a rest told later may close that whole, not this part."""
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    hit = d.v.whole_of.starting_at(words, pos + 1)
    if hit is not None and not (d.facts[fi].kind == "measure" and words[hit[1] - 1] == "of"):
        return True  # ("14.6 million tonnes of cargo": what a measure weighs, no whole)
    # "cited by 287,000 arrivals, about 35% of the total": told with its share of a whole
    for k in range(pos + 1, min(len(words) - 1, pos + 1 + SHARE_OF_REACH)):
        if toks[k].fact >= 0 and d.facts[toks[k].fact].kind == "percent":
            return words[k + 1] == "of"
    return False


# Tokens after a figure its share of a whole may stand ("287,000 arrivals, about 35% of the total").
SHARE_OF_REACH = 6


def _rest_opened(d: _Doc, si: int) -> Iterator[Relation]:
    """ "The trust will spend £240.5m this year. Acute care takes the biggest share at £98.1m, followed by
    community services at £61.0m and mental health at £40.2m. The remaining £51.2m goes on ...": a
    sentence opened by the rest of a whole ("The remaining", "The rest", "The other"), after a sentence
    whose figures of that family are the other parts, after the whole (the nearest figure of the family
    before them, alone of its family in its sentence). Exact: the rest closes the whole. Not when the
    parts' sentence tells a change or a comparison, or the whole and the parts count different known
    things or different times or places."""
    words = d.m.words[si]
    hit = _tables()["closing"].starting_at(words, 0)
    if hit is None:
        return
    start = hit[1] + 1 if hit[1] < len(words) and words[hit[1]] == "," else hit[1]  # "The rest, £12.8m,"
    rest = d.fact_at(si, d.skip_hedge(si, start))
    if rest < 0 or not _single(d.facts[rest]):
        return
    like = d.facts[rest]
    prev = si - 1
    if d.moment_apart(si, (prev,)):
        return  # "The final 1,200 were reconnected at 18:00 on Tuesday": the last through a later event
    pw, pt = d.m.words[prev], d.m.tokens[prev]
    items = [
        k
        for k, t in enumerate(pt)
        if t.fact >= 0
        and _single(d.facts[t.fact])
        and family(d.facts[t.fact]) == family(like)
        and not d.group_bound_at(prev, k)  # ("Drivers over 70 accounted for 31": no part)
    ]
    if d.tells_move(prev):
        return
    total = -1
    if opener_start(pw, 0) >= 0:
        # "Of the 40 passengers, 20 were rescued by boat and 8 by helicopter. The remaining 12 swam ashore.":
        # the opener's own figure is the whole, the figures after its comma the parts.
        comma = next((k for k in range(1, min(len(pw), 12)) if pw[k] == ","), -1)
        if comma < 0:
            return
        own = [k for k in items if k < comma]
        if len(own) > 1:
            return
        total = pt[own[0]].fact if own else -1
        items = [k for k in items if k > comma]
        if not own and items:
            # "Of the routes being scrapped, six ... and five .... The remaining four ...": the set it names
            total = _opener_total(d, prev, comma, items[0], like)
            if total == -2:
                return
    if len(items) < 2 or ":" in pw[items[0] : items[-1]]:
        return  # "84 will be affordable: 50 for social rent and 34 ...": the parts of a part
    for p in items:
        h = d.hedge_start(prev, p)
        m = d.m.by_fact.get(pt[p].fact)
        if (h > 0 and pw[h - 1] in _NOT_LISTED) or (m is not None and m.roles & {"each", "total"}):
            return
        if pd := d.m.frame(pt[p].fact).period:
            if pd == "past" or any(d.m.frame(pt[q].fact).period != pd for q in items):
                return  # "£98.1m (£95m last year)": a figure of another year, no part
    if total < 0:
        total = next(
            (
                fi
                for _, _, fi in d.m.figures_before(prev, 0, WHOLE_BACK - 1)
                if _single(d.facts[fi]) and family(d.facts[fi]) == family(like)
            ),
            -1,
        )
        if total >= 0 and _listed_with_others(d, total):
            return
        if total >= 0 and _told_of_a_whole(d, total):
            return  # "Overseas customers accounted for £455m of sales ... The remaining £257m came from the UK"
    if total < 0 or not _fits(d, total, prev, items):
        return
    tf = d.m.frame(total)
    known = d.v.concept_names
    # "The remaining 42 were in teenagers": a rest's predicate says who they were, no other thing counted;
    # only a noun of its own ("The other 12 staff") is set against the whole's.
    own_noun = bool(d.m.head(si, d.pos_of(rest)[1]))
    for fi in [pt[p].fact for p in items] + ([rest] if own_noun else []):
        pf = d.m.frame(fi)
        if pf.concept in known and tf.concept in known and pf.concept != tf.concept and like.kind != "money":
            return
        if (pf.scope and tf.scope and pf.scope != tf.scope) or (pf.period and tf.period and pf.period != tf.period):
            return
    roles = (("total", total),) + tuple(("item", pt[p].fact) for p in items) + (("item", rest),)
    yield Relation("breakdown", roles, (d.span(si, 0, hit[1]),), "document", (("inclusive", ""),))
