"""Breakdowns: a total and its items ("a total of 40: 25 in the north and 15 in the south",
"bringing the total to", "the other 35").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from numcheck.mentions import CLAUSE_END, QUOTE_MARKS
from numcheck.model import Fact
from numcheck.patterns import TIME_WORDS
from numcheck.relations.base import (
    COUNTABLE,
    FRAME_KINDS,
    Relation,
    _Doc,
    additive,
    is_gap,
    same_family,
    whole_floors,
)
from numcheck.relations.lists import _capital, placed_in_places
from numcheck.relations.referents import clause_subject, definite_whole, referent, subject_at
from numcheck.relations.referents import words as referent_words
from numcheck.vocab import PhraseTable, _toml, singular

# Words a list item may carry between figures ("£7.5m from the council's reserves and").
ITEM_GAP = 8
# Tokens from a flow to the verb that lifts its whole ("£2.1bn, taking"), the words of what it
# lifts ("revenue for the full year"), and the filler before the whole ("a new record").
LIFT_GAP = 7
# Tokens from a total to the opener of its parts: "120 staff:", "£2.4m this year:", "212 people when it
# sank, including".
OPEN_REACH = 6
# Tokens between a total and the comma before its parts ("340 complaints last year,").
COMMA_NOUN = 5
LIFT_WORDS = 6
LIFT_FILLER = 4
# Words after a list of items that name its total: "..., bringing the total to 24".
TOTAL_AFTER = (
    ("bringing", "total"),
    ("taking", "total"),
    ("bringing", "the", "total", "to"),
    ("taking", "the", "total", "to"),
    ("bring", "the", "total", "to"),
    ("take", "the", "total", "to"),
    ("brings", "the", "total", "to"),
    ("takes", "the", "total", "to"),
    # "bringing the total raised to £6,500", "taking the total number of arrests to 31": the noun, then "to"
    ("bringing", "the", "total"),
    ("taking", "the", "total"),
    # "taking the death toll to 21", "bringing the toll to 40": a toll is a running total
    ("bringing", "the", "death", "toll", "to"),
    ("taking", "the", "death", "toll", "to"),
    ("bringing", "the", "toll", "to"),
    ("taking", "the", "toll", "to"),
    ("making", "a", "total", "of"),
    ("for", "a", "total", "of"),
    ("a", "total", "of"),
    ("the", "total", "of"),  # "..., giving the total of 4,812": the total told as known
    ("in", "total"),
    ("making",),
    ("makes",),
    ("make",),
)


# Tokens a bracket after an item may hold before it closes ("(12 before the election)").
ITEM_BRACKET_REACH = 6


def _bracket_close(words: Sequence[str], j: int) -> int:
    """The ")" closing the bracket that token ``j`` stands in, within ``ITEM_BRACKET_REACH`` tokens: "nine
    Conservatives (22)" puts the 22 in brackets beside its item; else -1."""
    for k in range(j + 1, min(len(words), j + 1 + ITEM_BRACKET_REACH)):
        if words[k] == ")":
            return k
        if words[k] in ("(", ".", ";"):
            return -1
    return -1


def _named_inclusion(d: _Doc, si: int, after: int, first: int) -> bool:
    """ "programmes including Horizon Europe, £28.9m from industry": the "including" ending at ``after``
    takes a name, closed by a comma before the first figure ``first``; the figures after it are the total's
    siblings in a list, not its parts."""
    words = d.m.words[si]
    return "," in words[after : d.pos_of(first)[1]] and d.m.tokens[si][after].fact < 0


def _items_from(
    d: _Doc, si: int, start: int, like: Fact, stop_at: int | None = None, item_gap: int = ITEM_GAP
) -> list[int]:
    """Figures of ``like``'s family listed from token ``start``: "70 teachers, 40 support staff and 10 others"
    (``item_gap``: the words an item may carry before the next)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    out: list[int] = []
    gap = 0
    j = start
    end = len(words) if stop_at is None else stop_at
    while j < end:
        fi = toks[j].fact
        if fi >= 0 and d.facts[fi].kind in _ITEM_TIMES and out:
            j += 1
            gap += 1
            continue  # "35,000: 10,000 on Friday, 12,000 on Saturday": the day an item is told for
        if fi >= 0:
            f = d.facts[fi]
            if f.kind in ("percent", "share") and like.kind not in ("percent", "share"):
                j += 1
                gap += 1
                continue  # "70 teachers (58%)": the share beside an item is no item
            if out and words[j - 1] == "(" and (close := _bracket_close(words, j)) > 0:
                j = close + 1
                continue  # "15 Liberal Democrats (12 before the election), 14 Reform (none)": an item's older value
            if out and like.kind != "age" and (f.kind == "age" or words[j - 1] in _AGED or d.bound_at(si, j)):
                j += 1
                continue  # "19 young people aged 16 to 24 and 6 people nominated by ...": an item's ages
            if out and f.kind == "count" and words[j - 1].endswith(("'s", "\u2019s")) and words[j - 1] != "let's":
                j += 1
                continue  # "6 people nominated by local businesses and the city's two universities"
            if not out and f.kind == "count" and not same_family(f, like) and words[j - 1] in _NP_OWNERS:
                j, gap = j + 1, 0
                continue  # "with its 212 managed pubs and its wholesale arm contributing £142m and £72m"
            if not same_family(f, like) or f.is_range or f.value is None:
                break
            if out and (d.older_end(si, j) or d.gap_told(si, j) or _more_than_after(words, j) or is_gap(d, fi)):
                break  # "eight women and six men, up from 11 swimmers": an older level, not an item ("four more")
            if out and _from_since_join(words, d.pos_of(out[-1])[1] + 1, j):
                break  # "including 97 that were rejected, from an electorate of 73,412": no item
            if out and _verb_since_join(d, words, d.pos_of(out[-1])[1] + 1, j):
                break  # "including three three-pointers, and made six of his seven free throws": a new clause
            out.append(fi)
            gap = 0
        elif words[j] in (".", "!", "?", ";"):
            break
        else:
            gap += 1
            if gap > item_gap:
                closing = _closing_item(d, si, j, end) if out else -1
                if closing < 0:
                    break
                j, gap = closing, 0  # "£700,000 hidden in a lock-up in Arden and the remaining £500,000"
                continue
        j += 1
    return out


# Words before a figure that make it an age describing an item, no item: "19 young people aged 16 to 24".
_AGED = frozenset({"aged", "ages", "age"})
# Words before a count that make it part of a noun phrase naming an item, not an item: "its 212 pubs".
_NP_OWNERS = frozenset({"its", "their", "his", "her", "the", "our"})
# Tokens after a figure that "more"/"fewer" and then "than" may stand in ("four more medals than").
MORE_THAN_REACH = 4
_MORE = frozenset({"more", "fewer", "less"})


def _more_than_after(words: Sequence[str], j: int) -> bool:
    """The figure at token ``j`` is a gap told with its noun between "more" and "than" ("four more medals
    than the team won a year earlier"), no item of a list."""
    k = next((k for k in range(j + 1, min(len(words), j + 3)) if words[k] in _MORE), -1)
    return k > 0 and "than" in words[k + 1 : k + 1 + MORE_THAN_REACH]


# Words right before a figure that close a list ("and the remaining £230,000"), and how far past an item's
# long description they are looked for.
_CLOSERS = frozenset({"remaining", "final"})
CLOSING_REACH = 8


def _closing_item(d: _Doc, si: int, j: int, end: int) -> int:
    """The token of a figure that closes the list, "and the remaining N", within ``CLOSING_REACH`` tokens
    from ``j`` with no other figure or sentence break before it; else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(j, min(end, j + CLOSING_REACH)):
        if toks[k].fact >= 0 or words[k] in (".", "!", "?", ";"):
            return -1
        if words[k] in _CLOSERS and k >= 2 and words[k - 1] == "the" and words[k - 2] == "and":
            return k + 1 if k + 1 < end and toks[k + 1].fact >= 0 else -1
    return -1


def _from_since_join(words: tuple[str, ...], lo: int, hi: int) -> bool:
    """ "from" stands after the last join ("," or "and") between two figures: the second is where the
    first came from or a larger whole ("..., from an electorate of"), not the next item ("£3m from
    donors and £2m")."""
    last = max((k for k in range(lo, hi) if words[k] in (",", "and")), default=lo - 1)
    return "from" in words[last + 1 : hi]


def _verb_since_join(d: _Doc, words: tuple[str, ...], lo: int, hi: int) -> bool:
    """A verb of a new clause stands after the last join ("," or "and") between two figures: the second is
    that verb's object, not the next item ("including two penalties, and made four of his 11 assists",
    "including four dunks, and sank five")."""
    last = max((k for k in range(lo, hi) if words[k] in (",", "and")), default=-1)
    return last >= 0 and any(w in d.v.clause_verbs or w.endswith("ed") and len(w) > 4 for w in words[last + 1 : hi])


# Tokens between a bracket and the colon of a period's label: "(2023: £188m)", "(last year: 4,120)".
LABEL_WORDS = 3


def _period_label(d: _Doc, si: int, j: int) -> bool:
    """A colon after a period that opens a bracket labels that period's figure: "profit was £212m (2023:
    £188m)", "12,400 visitors (last year: 11,900)". What follows is an older value, no list."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if words[j] != ":":
        return False
    for b in range(j - 1, max(-1, j - 2 - LABEL_WORDS), -1):
        if words[b] == "(":
            label = range(b + 1, j)
            return bool(label) and all(
                (toks[k].fact >= 0 and d.facts[toks[k].fact].kind in _ITEM_TIMES)
                or words[k] in TIME_WORDS
                or words[k] in _TIME_WORDS
                for k in label
            )
    return False


def _counts_items(d: _Doc, fi: int, items: list[int]) -> bool:
    """The figure before the list counts its items, not their sum: "in three intakes: 160 in May, 140 in
    September and 150 in January" (three items, each larger than three)."""
    v = d.facts[fi].value
    return v is not None and v == len(items) and all((d.facts[i].value or 0) > v for i in items)


def _measured_items(d: _Doc, si: int, after: int, f: Fact) -> list[int]:
    """The measures a count of pieces lists after its opener: "912km over five stages: 204km, 188km, ...",
    "300MW in two phases: 180MW next year and 150MW in 2029" (as many as the count says, so the count is no
    item's whole and ``_counts_items`` looks for theirs)."""
    if f.kind != "count" or f.value is None:
        return []
    first = d.figure_after(si, after, frozenset({"measure"}))
    if first < 0 or not additive(d.facts[first]):
        return []
    items = _items_from(d, si, after, d.facts[first])
    return items if len(items) == f.value else []


# Tokens from a count of pieces to the first of the pieces it counts ("three legs of 38km").
COUNTED_REACH = 4


def _counted_items(d: _Doc, si: int, after: int, f: Fact) -> list[int]:
    """The parts of ``f`` after a count of them that opens the list: "The 96km route is divided into three legs
    of 38km, 31km and 27km", "split into two phases, 180MW and 120MW": exactly as many as it counts."""
    c = d.figure_after(si, after, frozenset({"count"}))
    if c < 0 or d.facts[c].value is None:
        return []
    start = d.pos_of(c)[1] + 1
    words, toks = d.m.words[si], d.m.tokens[si]
    first = next((k for k in range(start, min(len(words), start + COUNTED_REACH)) if toks[k].fact >= 0), -1)
    if first < 0 or any(w in CLAUSE_END for w in words[start:first]):
        return []
    items = _items_from(d, si, first, f)
    return items if len(items) == d.facts[c].value and len(items) >= 2 else []


def _items_whole(d: _Doc, si: int, pos: int, items: list[int]) -> int:
    """The whole of items counted by the figure at ``pos``: the sentence's nearest earlier figure of their
    family above each ("The force recruited 420 new officers, in three intakes: ..."), else the figure the
    clause's definite subject or pronoun stands for ("The new officers joined in three intakes: ...",
    "They joined in ..."); -1 when none."""
    like = d.facts[items[0]]
    top = max(d.facts[i].value or 0 for i in items)
    for k in range(pos - 1, -1, -1):
        g = d.fact_at(si, k)
        if g >= 0 and same_family(d.facts[g], like) and (d.facts[g].value or 0) > top:
            return g
    start = d.m.clause_start(si, pos)
    words = d.m.words[si]
    if start < len(words) and words[start] in ("the", "these", "those"):
        w = definite_whole(d, si, start, like)
        if w >= 0:
            return w
    if start < len(words) and words[start] in ("they", "these", "those"):
        return referent(d, si, start, like)
    return -1


def _breakdowns(d: _Doc) -> Iterator[Relation]:
    for si, pos, fi, f in d.figures(COUNTABLE | {"measure"}):
        if not additive(f):
            continue  # "peaked at 31C: ...": a level, no whole
        words = d.m.words[si]
        if d.older_end(si, pos) and pos + 1 < len(words) and ":" in words[pos + 1 : pos + 4]:
            continue  # "up from 3,120 last year: 1,920 sheep, ...": the list is the newer level's
        if _colon_item(d, si, pos, f):
            continue  # "£186m over three years: £72m ..., £64m ... and £50m in 2027/28, including £48m for ..."
        # A total, a few words, then an opener: "120 staff: 70 ...", "£9m, including £6m ...".
        # A figure that is itself a part of a pronoun's whole ("400 of whom are nurses, 180 of whom
        # ...") is an item of a parallel list, never the total of the items after it.
        j = len(words) if d._pronoun_part(si, pos) else pos + 1
        colon = _colon_after(d, si, pos)
        while (
            j < len(words)
            and (j - pos <= OPEN_REACH or j <= colon)
            and (_between(d, si, j) or (j <= colon and d.older_end(si, j)))
            and words[j] not in (".", ";", "!", "?")
        ):
            opener = d.v.breakdown_open.starting_at(words, j) or _with_open(d, si, j)
            if opener and _period_label(d, si, j):
                close = _bracket_close(words, j)
                if close < 0:
                    break
                j = close + 1  # "£212m (2023: £188m)": last year's figure in brackets, no list; a list may follow
                colon = _colon_after(d, si, close)
                continue
            if opener and any(w in QUOTE_MARKS for w in words[pos + 1 : j]):
                break  # 'a lifestyle "far beyond her salary of £38,000 a year", including £88,000 on holidays'
            if opener:
                label, after = opener
                items = (
                    _counted_items(d, si, after, f) or _items_from(d, si, after, f) or _measured_items(d, si, after, f)
                )
                if items and label == "inclusive" and _named_inclusion(d, si, after, items[0]):
                    break  # "£31.7m from EU programmes including Horizon Europe, £28.9m from industry": siblings
                if not items and label == "exact" and (w := _with_later(d, si, after)) > 0:
                    items = _items_from(d, si, w, f)  # "split between A, B and C, with A receiving £42,000, ..."
                items = before_named_sibling(d, si, pos, items)
                if items and placed_in_places(d, fi, items[0]):
                    break  # "96 hospitals in nine countries, including 14 in the UK": the hospitals' list
                if label == "with" and not _with_items(d, fi, items):
                    break
                whole = fi
                if len(items) >= 2 and (_counts_items(d, fi, items) or not same_family(f, d.facts[items[0]])):
                    # "recruited 420 officers, in three intakes: 160 in May, ...": three counts the items;
                    # their whole is the sentence's earlier figure of their family, or the subject's
                    whole = _items_whole(d, si, pos, items)
                    if whole < 0:
                        break
                if len(items) >= 2 or (label == "inclusive" and items):
                    # A number among the items that the fact table left out ("Labour 14, ..." read as a
                    # name) leaves the list incomplete: its sum is only a lower bound of the total.
                    unread = _unread_number(d, si, after, d.pos_of(items[-1])[1])
                    yield Relation(
                        "breakdown",
                        (("total", whole),) + tuple(("item", i) for i in items),
                        (d.span(si, j, after),),
                        "clause",
                        (("inclusive", "yes" if _open_list(d, label, items) or unread else ""),)
                        + ((("opened", "with"),) if label == "with" else ()),
                    )
                break
            j += 1
        # A total, its noun, "were", then its parts at once: "The 10 victims were four children, three women
        # and two men".
        listed = _were_list(d, si, pos, f)
        if listed:
            cue = d.span(si, listed[0] - 1, listed[0])
            roles = (("total", fi),) + tuple(("item", d.m.tokens[si][k].fact) for k in listed)
            yield Relation("breakdown", roles, (cue,), "clause", (("inclusive", ""),))
        # A total, a comma, then parts given to categories: "80,000 tickets, 45,000 for A and 40,000 for B".
        parts = _comma_parts(d, si, pos, fi)
        if parts:
            cue = d.span(si, pos, d.pos_of(parts[-1])[1] + 1)
            roles = (("total", fi),) + tuple(("item", i) for i in parts)
            yield Relation("breakdown", roles, (cue,), "clause", (("inclusive", "yes"),))
        # Items then "bringing the total to T".
        total = _total_after(d, si, pos)
        if total is None:
            # A flow then the whole of its time it lifts: ", taking revenue for the full year to £7.9bn".
            lifted = _lifted_whole(d, si, pos)
            if lifted is not None and same_family(d.facts[lifted[0]], f):
                ti, cue_start, cue_end = lifted
                items = _items_back(d, si, pos, f)
                cue = d.span(si, cue_start, cue_end)
                if len(items) == 1:
                    yield Relation("part", (("part", items[0]), ("whole", ti)), (cue,), "clause")
                else:
                    roles = (("total", ti),) + tuple(("item", i) for i in items)
                    yield Relation("breakdown", roles, (cue,), "clause", (("inclusive", "yes"),))
                continue
        if total is not None:
            ti, cue_start, cue_end = total
            # "a total of" closes the list whatever times its items are told for; "bringing the total to"
            # may be a running total of earlier days as well.
            running = d.m.words[si][cue_start] in _RUNNING
            items = _items_back(d, si, pos, f, timed=not running, running=running)
            if d.m.words[si][cue_start] == ",":
                items = _joined_tail(d, items)  # "ewes produced 318 lambs ... and 149 ..., 567 in total"
            elif not running:
                items = _joined_before(d, si, items, f) + items
            cue = d.span(si, cue_start, cue_end)
            dated = _dated_additions(d, si, pos, f) if running else []
            tv = d.facts[ti].value
            if dated and (tv is None or any((d.facts[i].value or 0) > tv for i in dated)):
                dated = []  # "more than seven million in 2025, helped by 11 new routes that take the total to 74"
            if len(items) < 2 and len(dated) >= 2 and same_family(d.facts[ti], f):
                roles = (("total", ti),) + tuple(("item", i) for i in dated)
                yield Relation("breakdown", roles, (cue,), "clause", (("inclusive", "yes"),))
            elif len(items) >= 2:
                yield Relation("breakdown", (("total", ti),) + tuple(("item", i) for i in items), (cue,), "clause")
            elif items and same_family(d.facts[ti], f) and d.m.words[si][cue_start] != ",":
                # "saved £75m in 2023, bringing total savings to £100m": one item is part of its total ("Half
                # of the 80 firms, 40 in all, ...": one figure and ", N in all" is no list and its total).
                yield Relation("part", (("part", items[0]), ("whole", ti)), (cue,), "clause")


@functools.cache
def _with_words() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["breakdown"]["with_open"])


def _with_open(d: _Doc, si: int, j: int) -> tuple[str, int] | None:
    """ ", with" right after a total's clause opens its parts ("took home 41 medals, with nine golds, 12
    silvers and 10 bronzes"; ``[breakdown] with_open``): label "with", read as some of the total."""
    words = d.m.words[si]
    if j > 0 and words[j - 1] == "," and words[j] in _with_words():
        return "with", j + 1
    return None


# Tokens of a name that tells a total's holder at its clause's start ("West Bromwich recorded 97").
HOLDER_NAME = 3


def _named_subject(d: _Doc, si: int, pos: int) -> bool:
    """The total at token ``pos`` is told as "<Name> <verb> N" at its clause's start: "Birmingham
    recorded 97", "In March, Oxford lost 75"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos) - 1
    if k < 1 or not words[k].isalpha() or _capital(d, toks[k]):
        return False  # the verb, in lower case
    j = k - 1
    while j >= 0 and k - 1 - j < HOLDER_NAME and toks[j].fact < 0 and _capital(d, toks[j]) and words[j].isalpha():
        j -= 1
    return j < k - 1 and (j < 0 or words[j] in CLAUSE_END or words[j] == ",")


def before_named_sibling(d: _Doc, si: int, pos: int, items: list[int]) -> list[int]:
    """The items up to the first told as another holder's figure with the total's verb left out: "Birmingham
    recorded 97, of which 61 were in children under five, and Coventry 41" (Coventry's 41 is a sibling of
    Birmingham's 97, no part of it). Only when the total is told of a name at its clause's start and the
    first item carries no name before it."""
    if len(items) < 2 or not _named_subject(d, si, pos):
        return items
    words, toks = d.m.words[si], d.m.tokens[si]
    first = d.pos_of(items[0])[1]
    if any(_capital(d, toks[q]) for q in range(pos + 1, first)):
        return items  # "120 seats: Labour 58, the Greens 41": every item told with its name
    for n, fi in enumerate(items[1:], 1):
        k = d.hedge_start(si, d.pos_of(fi)[1]) - 1
        j = k
        while j > first and k - j < HOLDER_NAME and toks[j].fact < 0 and _capital(d, toks[j]):
            j -= 1
        if j < k and words[j] in ("and", ","):
            return items[:n]
    return items


def _open_list(d: _Doc, label: str, items: Sequence[int]) -> bool:
    """The items may be only some of the total: after "including", or after ", with" unless each names one
    member of a set that together makes up every kind of the total ("nine golds, 12 silvers and 10 bronzes":
    ``[exclusive] complete``)."""
    if label == "inclusive":
        return True
    if label != "with":
        return False
    named = set()
    for fi in items:
        m = d.m.by_fact.get(fi)
        noun = m.noun.lower().split() if m is not None and m.noun else []
        named.add(singular(noun[0]) if noun else "")
    return not any(named == group for group in _complete_sets())


@functools.cache
def _complete_sets() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(group) for group in _toml("vocab.toml")["exclusive"]["complete"])


def _with_later(d: _Doc, si: int, start: int) -> int:
    """The token after a ", with" that follows the names a whole is split between, with no figure before it
    ("split between Rovers, the cricket club and the boxing club, with the football club receiving"); -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for j in range(start, len(words) - 1):
        if toks[j].fact >= 0 or words[j] in CLAUSE_END:
            return -1
        if words[j] == "," and words[j + 1] in _with_words():
            return j + 2
    return -1


# Tokens a listed figure's noun may take before the "and" that joins the next figure ("a dozen first
# sopranos and").
PAIR_NOUN = 3


def _closes_a_pair(d: _Doc, si: int, pos: int) -> bool:
    """The figure at token ``pos`` is joined by "and" to a figure of its family just before it: "has a dozen
    sopranos and eleven altos". A ", with" list after it goes on with the list's members ("with nine tenors
    and ten basses"), none a part of the last."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos) - 1
    if k < 1 or words[k] != "and":
        return False
    for j in range(k - 1, max(-1, k - 2 - PAIR_NOUN), -1):
        if words[j] in CLAUSE_END or words[j] == ",":
            return False
        fi = toks[j].fact
        if fi >= 0:
            f = d.facts[fi]
            return f.kind not in FRAME_KINDS and same_family(f, d.facts[toks[pos].fact]) and not f.is_range
    return False


# Tokens before a figure that a "with" giving it to its own label may stand ("English, with 21").
WITH_REACH = 2


def _with_before(d: _Doc, si: int, pos: int) -> bool:
    """The figure is given to its own label by a "with" right before it ("science, with 33"): an item of a
    list of peers, each told "with" its figure, not one of the parts after a total's ", with"."""
    k = d.hedge_start(si, pos)
    return "with" in d.m.words[si][max(0, k - WITH_REACH) : k]


def _with_items(d: _Doc, total: int, items: Sequence[int]) -> bool:
    """The figures listed after ", with" are the total's parts: two or more, each below it, each counting its
    noun or none and no noun counted twice ("nine golds, 12 silvers and 10 bronzes"), none a concept of the
    vocabulary other than the total's ("41 points, with 12 rebounds": another quantity), none a move."""
    if len(items) < 2:
        return False
    ts, tp = d.pos_of(total)
    tm = d.m.by_fact.get(total)
    if d.v.whole_of.starting_at(d.m.words[ts], tp + 1) or (tm is not None and tm.roles & {"part", "remainder"}):
        return False  # "accounted for $121m of the total, with Asia contributing $88m": a part, no total
    if _closes_a_pair(d, ts, tp):
        return False  # "a dozen sopranos and eleven altos, with nine tenors and ten basses": more of the list
    if any(_with_before(d, *d.pos_of(fi)) for fi in items[1:]):
        return False  # "worst in maths, with 39, science, with 33, and English, with 21": peers, each told "with"
    tf = d.facts[total]
    tc = d.m.frame(total).concept
    known = d.v.concept_names - d.v.generic
    nouns: set[str] = set()
    for fi in items:
        f = d.facts[fi]
        si, pos = d.pos_of(fi)
        if f.value is None or tf.value is None or f.value >= tf.value or d.move_size(fi):
            return False
        if d.older_end(si, pos) or d.gap_told(si, pos) or _more_than_after(d.m.words[si], pos):
            return False  # "900 cars, with 500 more than last year": a gap, no part
        fp = d.m.frame(fi)
        if fp.part or (fp.period and fp.period != d.m.frame(total).period):
            return False  # "£4.1bn in 2023, with £2.3bn in the fourth quarter and £2.1bn in December": times
        c = d.m.frame(fi).concept
        if c in known and tc and c != tc:
            return False
        m = d.m.by_fact.get(fi)
        noun = m.noun.lower() if m is not None and m.noun else ""
        if noun and noun in nouns:
            return False
        nouns.add(noun)
    told = sum((d.facts[fi].value or 0 for fi in items), 0)
    toks = d.m.tokens[ts]
    if any(
        t.fact >= 0 and t.fact != total and same_family(d.facts[t.fact], tf) and d.facts[t.fact].value == told
        for t in toks[:tp]
    ):
        return False  # "37 points from 24 games and have played 12 away matches, with ten wins, seven draws ...": 24's
    return True


# Words between a total's noun and its parts told at once: "The 10 victims were four children, ...".
_WERE = frozenset({"were", "are"})
# Words of the total's noun before "were" (1 or 2: "victims", "new members").
WERE_NOUN = 2


def _were_list(d: _Doc, si: int, pos: int, f: Fact) -> list[int]:
    """The tokens of the parts when the total at ``pos`` is told as "<total> <noun> were <part>, <part> and
    <part>" with the parts right after "were", each a count of its own noun, the last after "and", to the
    end of the sentence; else []."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if f.kind != "count" or f.value is None or f.is_range:
        return []
    k = pos + 1
    while k < len(words) and k - pos <= WERE_NOUN and words[k].isalpha() and words[k] not in _WERE:
        k += 1
    if k == pos + 1 or k >= len(words) - 1 or words[k] not in _WERE or toks[k + 1].fact < 0:
        return []
    parts: list[int] = []
    j = k + 1
    while j < len(words):
        fi = toks[j].fact
        if fi < 0 or d.facts[fi].kind != "count" or d.facts[fi].is_range or d.facts[fi].value is None:
            return []
        parts.append(j)
        e = j + 1
        while e < len(words) and toks[e].fact < 0 and words[e] not in (",", "and", ".", ";"):
            e += 1
        if e == j + 1 or e >= len(words) or words[e] in (".", ";"):
            break  # each part names its own kind ("four children"); the list ends the sentence
        j = e + 1 if words[e] == "," else e + 1
        if j < len(words) and words[j] == "and":
            j += 1
    if len(parts) < 2 or words[parts[-1] - 1] != "and":
        return []
    end = parts[-1] + 1
    while end < len(words) and toks[end].fact < 0 and words[end] not in (",", ".", ";"):
        end += 1
    return parts if end >= len(words) or words[end] in (".", ";") else []


# Words after a total's preposition that tell its time, not a category: "£4.5bn in the year,".
_TIME_WORDS = frozenset(
    {
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "quarter",
        "half",
        "period",
        "season",
        "day",
        "days",
        "total",
        "all",
    }
)


# Tokens from a total to a colon that closes its clause and opens its parts ("will recruit 48 staff before
# its new school in Brayford opens in September 2026: 26 teachers, ...").
COLON_REACH = 16


def _colon_item(d: _Doc, si: int, pos: int, f: Fact) -> bool:
    """The figure at ``pos`` is an item of a list a colon opens after a larger figure of its family in its
    sentence: "including" after it tells the colon's total's parts, not its own."""
    words, toks = d.m.words[si], d.m.tokens[si]
    colon = next((k for k in range(pos - 1, -1, -1) if words[k] == ":"), -1)
    if colon < 0:
        return False
    return any(
        toks[k].fact >= 0
        and same_family(d.facts[toks[k].fact], f)
        and (d.facts[toks[k].fact].value or 0) > (f.value or 0)
        for k in range(0, colon)
    )


def _colon_after(d: _Doc, si: int, pos: int) -> int:
    """Where a colon stands after the total at ``pos`` within ``COLON_REACH`` tokens, in its clause (no comma
    or clause end before it), with no other figure but a time between; else -1."""
    words = d.m.words[si]
    for j in range(pos + 1, min(len(words), pos + 1 + COLON_REACH)):
        if words[j] == ":":
            return j
        if words[j] in CLAUSE_END or (words[j] == "," and not _older_next(d, si, j)):
            return -1
        if not _between(d, si, j) and not d.older_end(si, j):
            return -1  # ("3,450 entries in all, up from 3,120 last year: 1,920 sheep, ...": its older level)
    return -1


def _older_next(d: _Doc, si: int, j: int) -> bool:
    """The comma at token ``j`` opens the total's own older level ("3,450 entries, up from 3,120 last year:")."""
    k = next((x for x in range(j + 1, min(len(d.m.words[si]), j + 5)) if d.m.tokens[si][x].fact >= 0), -1)
    return k > 0 and d.older_end(si, k)


def _between(d: _Doc, si: int, j: int) -> bool:
    """Token ``j`` may stand between a total and its opener: a word, or a time ("£2.4m this year:")."""
    fi = d.m.tokens[si][j].fact
    return fi < 0 or d.facts[fi].kind in FRAME_KINDS - {"duration"}


def _comma_parts(d: _Doc, si: int, pos: int, total: int) -> list[int]:
    """ "sold 80,000 tickets, 45,000 for the main stage and 40,000 for the side stages": after a total and
    what it counts (a time may stand between: "340 complaints last year,", "£4.5bn in the year,"), a comma
    (", with") and two or more parts, each given to a category by a word of [breakdown] comma_preps, the
    last after "and". Parts told of years ("45,000 in 2003 and 40,000 in 2002") compare, they do not
    split. Counts and money only."""
    words, toks = d.m.words[si], d.m.tokens[si]
    like = d.facts[total]
    if like.kind not in ("count", "number", "money") or like.is_range or like.value is None:
        return []
    start = d.hedge_start(si, pos)
    if start > 0 and words[start - 1] in (",", ":", ";", "and"):
        return []  # "900 jobs: 500 in A, 300 in B and 250 in C": the 500 is an entry, not a total
    j = pos + 1
    own_prep = ""
    while j < len(words) and j - pos <= COMMA_NOUN and words[j] != ",":
        fi = toks[j].fact
        if words[j] in CLAUSE_END or (fi >= 0 and d.facts[fi].kind not in FRAME_KINDS - {"duration"}):
            return []
        if words[j] in ("and", "or"):
            return []
        if words[j] in d.v.comma_preps:
            name = j + 1 + (j + 1 < len(words) and words[j + 1] == "the")
            if name < len(words) and d.view.text[toks[name].start].isupper():
                return []  # "fourteen in Nova Scotia, twelve in ...": an entry of a list, not its total
            if name < len(words) and words[name] not in _TIME_WORDS and toks[name].fact < 0:
                own_prep = words[j]  # "18 people from the river, 12 from the bridge": maybe the list's first entry
        j += 1
    if j >= len(words) or words[j] != ",":
        return []
    out: list[int] = []
    k = j + 1
    if k < len(words) and words[k] == "with":
        k += 1  # "Sales reached £4.5bn, with £2.9bn coming from A and £1.9bn from B"
    while k < len(words):
        at = d.skip_hedge(si, k)
        fi = d.fact_at(si, at)
        if fi < 0 or not same_family(d.facts[fi], like) or d.facts[fi].is_range or d.facts[fi].value is None:
            break
        prep = at + 1
        if prep < len(words) and words[prep] not in d.v.comma_preps and toks[prep].fact < 0:
            prep += 1  # "45,000 tickets for", "190 complaints about"
        if prep >= len(words) or words[prep] not in d.v.comma_preps or words[prep] == own_prep:
            return []  # the total given to a category the way its parts are: the first entry of a list
        cat = prep + 1 + (prep + 1 < len(words) and words[prep + 1] == "the")
        told = d.fact_at(si, cat)
        if told >= 0 and d.facts[told].kind in FRAME_KINDS:
            return []  # "45,000 in 2003": another time, a comparison
        if cat < len(words) and d.view.text[toks[cat].start].isupper() and _named_before(d, si, pos):
            return []  # "Arden has confirmed 13 cases, three in Bellport, two in Carran": a list of places
        out.append(fi)
        k = prep + 1
        while k < len(words) and toks[k].fact < 0 and words[k] not in CLAUSE_END and words[k] not in (",", "and"):
            k += 1
        if k >= len(words) or words[k] not in (",", "and"):
            break
        last = words[k] == "and"
        k += 1
        if last:
            continue
        if k < len(words) and words[k] == "and":
            k += 1
    if len(out) < 2 or "and" not in words[j : d.pos_of(out[-1])[1]]:
        return []
    if any((d.facts[i].value or 0) >= (like.value or 0) for i in out):
        return []  # a part as large as the total: not its parts
    return out


def _named_before(d: _Doc, si: int, pos: int) -> bool:
    """A name in the clause before the figure at ``pos`` ("Arden has confirmed 13"): a capitalised word
    that is no determiner or opener; the sentence's first word only when it names no counted thing
    ("Turnover was £90m," is no name)."""
    toks = d.m.tokens[si]
    if d.m.frame(toks[pos].fact).holder:
        return True
    return any(
        toks[k].fact < 0
        and d.view.text[toks[k].start].isupper()
        and toks[k].text not in d.v.not_names
        and (k > 0 or toks[k].text not in d.v.concepts)
        for k in range(d.m.clause_start(si, pos), pos)
    )


def _unread_number(d: _Doc, si: int, lo: int, hi: int) -> bool:
    """A token between ``lo`` and ``hi`` that holds a digit but is no figure of the fact table, or an item
    told by its article ("five medals: a gold, two silvers and two bronzes": "a gold" is one)."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    for k in range(lo, hi):
        if toks[k].fact < 0 and any(ch.isdigit() for ch in words[k]):
            return True
        if words[k] in ("a", "an") and (k == lo or words[k - 1] in (",", "and", ":")) and _article_item(d, si, k):
            return True
    # "38 routes: 22 from Oslo, nine from Stockholm and the rest from Copenhagen": a rest with no figure.
    end = hi + 1
    while end < len(words) and words[end] not in CLAUSE_END and end - hi <= REST_REACH:
        if words[end] in _REST_WORDS and words[end - 1] in ("the", "other"):
            return True
        end += 1
    return False


# Tokens after the last item where a rest without a figure may close the list ("and the rest from A").
REST_REACH = 8
_REST_WORDS = frozenset({"rest", "remainder", "others", "balance"})


def _article_item(d: _Doc, si: int, k: int) -> bool:
    """The article at token ``k`` opens a list item of its own: a word or two, then a comma or "and"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for e in range(k + 1, min(len(words), k + 4)):
        if toks[e].fact >= 0 or not words[e][:1].isalpha() and words[e] not in (",",):
            return False
        if words[e] in (",", "and") and e > k + 1:
            return True
    return False


# Tokens after the last item that its closing total may stand: the item's own label first ("461 on the
# shingle banks near Morston, giving the total of 4,812").
TOTAL_AFTER_REACH = 10


def _total_after(d: _Doc, si: int, pos: int) -> tuple[int, int, int] | None:
    """After the last item: ", bringing the total to 24" → (total figure, cue start, cue end)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    j = pos + 1
    while j < len(words) and j - pos <= TOTAL_AFTER_REACH and words[j] not in (".", ";", "!", "?"):
        if toks[j].fact >= 0 and d.facts[toks[j].fact].kind not in FRAME_KINDS:
            break  # another amount: the total belongs to it
        if words[j] == "," and (trailing := _trailing_total(d, si, j + 1)) is not None:
            return trailing
        for phrase in TOTAL_AFTER:
            if tuple(words[j : j + len(phrase)]) == phrase:
                if len(phrase) == 1 and (words[j - 1] == "to" or (j > pos + 1 and words[j - 1] != ",")):
                    # "went on to make 112", "bowled out for 245, with Hewer making 77": a verb of another
                    # subject, not the sum of the figures before it ("six more, making 24")
                    continue
                end = j + len(phrase)
                if phrase[-1] == "total":
                    # "bringing total cost savings to £100m": the total's noun, then "to".
                    k = end
                    while k < len(words) and k - end < 3 and words[k] != "to" and toks[k].fact < 0:
                        k += 1
                    if k >= len(words) or words[k] != "to":
                        continue
                    end = k + 1
                ti = d.figure_after(si, end, COUNTABLE)
                if ti >= 0:
                    return ti, j, end
        j += 1
    return None


def _joined_tail(d: _Doc, items: list[int]) -> list[int]:
    """The last items of ``items`` each joined to the one before by a comma or "and": "410 ewes produced
    318 lambs in March and 149 in April" lists 318 and 149; the ewes are the verb's subject."""
    words = d.m.words[d.pos_of(items[-1])[0]] if items else ()
    out = items[-1:]
    for a in reversed(items[:-1]):
        lo, hi = d.pos_of(a)[1], d.pos_of(out[0])[1]
        if not {",", "and"} & set(words[lo + 1 : hi]):
            break
        out.insert(0, a)
    return out


def _trailing_total(d: _Doc, si: int, k: int) -> tuple[int, int, int] | None:
    """ "318 lambs in March and 149 in April, 567 in total": after the list's comma, a figure told with a
    word of a total right after it (``[roles.after] total``: "in total", "in all", "altogether", "all
    told") is the list's total → (total figure, cue start, cue end)."""
    words = d.m.words[si]
    ti = d.figure_after(si, k, COUNTABLE)
    if ti < 0:
        return None
    end = d.pos_of(ti)[1] + 1
    hit = d.v.roles_after.starting_at(words, end) if end < len(words) else None
    if hit is None or hit[0] != "total":
        return None
    return ti, k - 1, hit[1]


def _lifted_whole(d: _Doc, si: int, pos: int) -> tuple[int, int, int] | None:
    """After a flow at ``pos``: ", taking revenue for the full year to a new high of £7.9bn" → (the whole, cue start,
    cue end). The verb stands within ``LIFT_GAP`` tokens of the flow with no other amount between; what it
    lifts (up to ``LIFT_WORDS`` tokens) names a whole of time; then "to" and the whole."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    verbs, wholes = d.v.lifting_verbs, d.v.year_wholes

    def amount(k: int) -> bool:  # a date ("in December", "so far") may stand between; another amount or a
        # span of time ("worth $5bn over ten years") not
        fk = d.facts[toks[k].fact].kind if toks[k].fact >= 0 else ""
        return bool(fk) and (fk not in FRAME_KINDS or fk == "duration")

    j = pos + 1
    while j < len(words) and j - pos <= LIFT_GAP and not amount(j) and words[j] not in CLAUSE_END:
        if words[j] in verbs:
            break
        j += 1
    if j >= len(words) or words[j] not in verbs:
        return None
    k = j + 1
    timed = False
    while k < len(words) and k - j <= LIFT_WORDS and words[k] != "to":
        if amount(k) or words[k] in CLAUSE_END:
            return None
        timed = timed or wholes.starting_at(words, k) is not None
        k += 1
    if not timed or k >= len(words) or words[k] != "to":
        return None
    # What it lifts and what the flow counts must not be two known things ("profit rose to £3m, lifting
    # annual revenue to £2m" is not read; "sales ... taking revenue for the full year" is one).
    lifted = {d.v.concepts[w] for w in words[j + 1 : k] if d.v.concepts.get(w) in d.v.concept_names}
    told = d.m.frame(toks[pos].fact).concept
    if not told or told in d.v.generic or (lifted and told in d.v.concept_names and told not in lifted):
        return None  # a flow names what it counts: "a contract worth $5bn" is no part of a year's sales
    if lifted and not lifted & d.v.flows:
        return None  # "exports grew by $3bn, lifting the annual deficit to $2bn": a balance, not a flow's sum
    end = k + 1
    while end < len(words) and end - k <= LIFT_FILLER and words[end] in d.v.before_whole and toks[end].fact < 0:
        end += 1
    ti = d.figure_after(si, end, COUNTABLE)
    return (ti, j, k + 1) if ti >= 0 else None


# Words of a running total: "bringing the total to", "taking the total to".
_RUNNING = frozenset({"bringing", "taking", "bring", "take", "brings", "takes"})
# Times an item of a list closed by its total may be told for: "15,000 on Sunday", "£2m in 2003".
_ITEM_TIMES = frozenset({"weekday", "date", "year", "month", "relative"})


def _items_back(d: _Doc, si: int, pos: int, like: Fact, timed: bool = False, running: bool = False) -> list[int]:
    """The listed figures ending at ``pos``, walking back while the gaps are short. With ``timed``, a day
    or a year told with an item is passed over ("10,000 on Friday, 12,000 on Saturday and 15,000 on
    Sunday, a total of 37,000"): the words after the list say the items add up, whatever times they are
    told for."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    # With ``running``: "Slight injuries fell to 2,904 from 3,118, bringing total casualties to 3,554": a
    # move's older end is no item of the running total it brings up (its newer end is). A total of a run of
    # years keeps it: "rose from 612 in 2022 to 718 and 845, a total of 2,175".
    out = [] if running and d.older_end(si, pos) else [toks[pos].fact]
    gap = 0
    j = pos - 1
    while j >= 0:
        fi = toks[j].fact
        if fi >= 0 and timed and d.facts[fi].kind in _ITEM_TIMES:
            gap += 1
        elif fi >= 0 and running and d.older_end(si, j):
            gap += 1
        elif fi >= 0:
            f = d.facts[fi]
            if not same_family(f, like) or f.is_range or f.value is None:
                break
            out.append(fi)
            gap = 0
        elif words[j] in CLAUSE_END or words[j] in _PHRASE_OPENERS:
            break  # "16 under par after rounds of 68, 66, 71 and 67": "after" opens another phrase
        elif words[j] == "of" and out and j > 0 and toks[j - 1].fact < 0 and words[j - 1].endswith("s"):
            break  # "16 under par with rounds of 68, 71, 66 and 67": the list's noun opens it
        else:
            gap += 1
            if gap > ITEM_GAP:
                break
        j -= 1
    return out[::-1]


# Words between dated items that make them levels or a move, no additions: "from 300 in March to 450 in June".
_LEVEL_WORDS = frozenset({"from", "to", "than", "up", "down", "rose", "fell", "compared", "against", "versus"})


def _dated_additions(d: _Doc, si: int, pos: int, like: Fact) -> list[int]:
    """The items told each for a time of its own before a running total ("12 arrests on Friday and nine on
    Saturday, bringing the total to 21"): additions to it, so together at most it; [] when a word of a level
    or a move stands between them ("rose from 300 in March to 450 in June")."""
    items = _items_back(d, si, pos, like, timed=True)
    if len(items) < 2:
        return []
    lo, hi = d.pos_of(items[0])[1], d.pos_of(items[-1])[1]
    if _LEVEL_WORDS & set(d.m.words[si][lo:hi]):
        return []
    return items


# Words that open a phrase of their own between two figures: the one before them is no item of the list.
_PHRASE_OPENERS = frozenset({"after", "before", "since", "until"})


def _demonstrative_wholes(d: _Doc) -> Iterator[Relation]:
    """ "The council will spend £12m on roads. That includes £8m for repairs and £6m for cycle lanes",
    "That sum is made up of ...", "The figure includes ...": the words standing for a figure, a verb that
    makes it a whole, then its parts. All of it after "comprises", "is made up of"; some of it after
    "includes". A bare "this" or "that" stands for an event as often as a figure: for a count it must
    count what its part counts."""
    w = referent_words()
    for si, ws in enumerate(d.m.words):
        for k in w.part_links.starts_in(ws):
            hit = w.part_links.starting_at(ws, k)
            if hit is None:
                continue
            label, after = hit
            start = clause_subject(d, si, k)
            if start < 0:
                continue
            first = d.figure_after(si, after, COUNTABLE | {"measure"})
            if first < 0:
                continue
            like = d.facts[first]
            items = [fi for fi in _items_from(d, si, after, like) if fi != first]
            items = [first, *items]
            whole = referent(d, si, start, like)
            if whole < 0 or whole in items:
                continue
            bare = subject_at(d, si, start) == start + 1
            if bare and like.kind != "money" and not all(_same_concept(d, whole, i) for i in items):
                continue
            if (d.facts[whole].value or 0) <= whole_floors(d.facts[i].value for i in items)[1]:
                continue  # smaller than two of its parts: not their whole
            cue = d.span(si, start, after)
            if len(items) == 1:
                yield Relation("part", (("part", first), ("whole", whole)), (cue,), "document")
            else:
                roles = (("total", whole),) + tuple(("item", i) for i in items)
                inclusive = "yes" if label == "inclusive" else ""
                yield Relation("breakdown", roles, (cue,), "document", (("inclusive", inclusive),))


def _same_concept(d: _Doc, a: int, b: int) -> bool:
    ac, bc = d.m.frame(a).concept, d.m.frame(b).concept
    return bool(ac) and ac == bc


def _leaving_rests(d: _Doc) -> Iterator[Relation]:
    """A whole, a part moved out of it and the rest the move leaves: "42,000 homes lost power. By Sunday
    34,000 had been reconnected, leaving 8,000 still cut off" → 34,000 + 8,000 = 42,000. The rest follows
    a word of leaving ([leaving] in vocab.toml) at the end of the part's clause; the part is the last
    figure of its family before that word in its sentence, the whole the figure of the family before the
    part (in its sentence or the one before) that no other figure of the family stands between. A
    ``breakdown`` (total, item, item), exact."""
    table = _leaving_table()
    for si, words in enumerate(d.m.words):
        toks = d.m.tokens[si]
        for k, w in enumerate(words):
            if w not in table[0] or k == 0 or words[k - 1] != ",":
                continue
            j = k + 1
            while j < len(words) and words[j] in table[1] and toks[j].fact < 0:
                j += 1
            ri = d.figure_after(si, j, COUNTABLE)
            if ri < 0:
                continue
            r = d.facts[ri]
            before = [t.fact for t in toks[:k] if t.fact >= 0 and same_family(d.facts[t.fact], r)]
            others = [t.fact for t in toks[:k] if t.fact >= 0 and d.facts[t.fact].kind not in FRAME_KINDS]
            if not before or others[-1:] != before[-1:]:
                continue  # the figure right before the word is the part moved
            pi = before[-1]
            wi = before[-2] if len(before) >= 2 else -1
            if wi < 0 and si > 0:
                prior = [t.fact for t in d.m.tokens[si - 1] if t.fact >= 0 and d.facts[t.fact].kind not in FRAME_KINDS]
                if len(prior) == 1 and same_family(d.facts[prior[0]], r):
                    wi = prior[0]
            if wi < 0 or len(before) > 2:
                continue
            w_, p_ = d.facts[wi], d.facts[pi]
            if w_.value is None or p_.value is None or r.value is None or w_.is_range or p_.is_range or r.is_range:
                continue
            if not (w_.value > p_.value and w_.value > r.value):
                continue
            cue = d.span(si, k, j)
            yield Relation("breakdown", (("total", wi), ("item", pi), ("item", ri)), (cue,), "sentence")


def _joined_before(d: _Doc, si: int, items: list[int], like: Fact) -> list[int]:
    """A first item told far before the list and joined to it by "along with", "as well as" ([leaving]
    ``joined_before``): "12 severe warnings, which ..., were in force, along with 47 warnings and 63 alerts,
    a total of 122" → [12]; else []."""
    if not items:
        return []
    words, toks = d.m.words[si], d.m.tokens[si]
    first = d.pos_of(items[0])[1]
    k = d.hedge_start(si, first)
    for q in range(k, max(-1, k - ITEM_GAP), -1):
        hit = _leaving_table()[2].ending_at(words, q)
        if hit is None:
            if q < k and toks[q].fact >= 0:
                return []
            continue
        for j in range(hit[1] - 1, -1, -1):
            if words[j] in CLAUSE_END:
                return []
            fi = toks[j].fact
            if fi < 0:
                continue
            f = d.facts[fi]
            if f.kind in FRAME_KINDS:
                continue
            return [fi] if same_family(f, like) and not f.is_range and f.value is not None else []
        return []
    return []


@functools.cache
def _leaving_table() -> tuple[frozenset[str], frozenset[str], PhraseTable]:
    data = _toml("vocab.toml")["leaving"]
    joined = PhraseTable.build((p, "joined") for p in data["joined_before"])
    return frozenset(data["words"]), frozenset(data["between"]), joined


# --- a whole, then "They comprised" and its items in the next sentence ---------------------------------


@functools.cache
def _composition() -> tuple[frozenset[str], PhraseTable]:
    data = _toml("vocab.toml")["composition"]
    verbs = PhraseTable.build(
        [(p, "exact") for p in data["composed_of"]] + [(p, "inclusive") for p in data["composed_of_some"]]
    )
    return frozenset(data["pointing_subjects"]), verbs


def _pointing_subject_end(words: Sequence[str], subjects: frozenset[str]) -> int:
    """Where the verb after a sentence's pointing subject stands: "They comprised" (1), "That figure breaks
    down into", "The total is made up of" (2: a demonstrative or "the" and a noun of amount, ``[referents]
    amount_nouns``); -1 when the sentence opens on none."""
    if not words:
        return -1
    if words[0] in subjects:
        return 1
    if words[0] in ("that", "this", "the") and len(words) > 2 and words[1] in _amount_nouns():
        return 2
    return -1


@functools.cache
def _amount_nouns() -> frozenset[str]:
    return frozenset(n for n in _toml("vocab.toml")["referents"]["amount_nouns"] if " " not in n)


def _composed_after(d: _Doc) -> Iterator[Relation]:
    """ "He admitted 14 offences. They comprised nine counts of fraud, four of false accounting and two of
    money laundering": a sentence that opens on a pointing subject and a verb of what it is made of
    (``[composition] composed_of``; "included" leaves the items open) lists the items of the one countable
    figure of their family in the sentence before."""
    subjects, verbs = _composition()
    for si in range(1, len(d.m.tokens)):
        words = d.m.words[si]
        verb = _pointing_subject_end(words, subjects)
        if verb < 0:
            continue
        hit = verbs.starting_at(words, verb)
        if hit is None:
            continue
        label, after = hit
        first = d.figure_after(si, after)
        if first < 0:
            first_pos = next((k for k in range(after, min(len(words), after + 3)) if d.m.tokens[si][k].fact >= 0), -1)
            first = d.m.tokens[si][first_pos].fact if first_pos >= 0 else -1
        if first < 0 or d.facts[first].kind not in COUNTABLE:
            continue
        items = _items_from(d, si, after, d.facts[first])
        if len(items) < 2:
            continue
        wholes = [
            t.fact
            for t in d.m.tokens[si - 1]
            if t.fact >= 0
            and d.facts[t.fact].kind in COUNTABLE
            and same_family(d.facts[t.fact], d.facts[first])
            and not d.facts[t.fact].is_range
            and d.facts[t.fact].value is not None
        ]
        if len(wholes) != 1 or (d.facts[wholes[0]].value or 0) <= max(d.facts[i].value or 0 for i in items):
            continue
        roles = (("total", wholes[0]),) + tuple(("item", i) for i in items)
        cue = d.span(si, 0, after)
        yield Relation("breakdown", roles, (cue,), "document", (("inclusive", "yes" if label == "inclusive" else ""),))
