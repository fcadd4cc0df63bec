"""Tallies: a vote or a contest told as "A to B", against the winner it names and the gap it tells.

"The motion was carried by 45 votes to 12", "Okafor beat Pryce by just 14 votes, 1,208 to 1,194",
"rejected by 51,237 votes to 47,906, or 51.7% to 48.3%, a margin of 3,331": the pair is a tally, never a
range (``is_tally``, which the range reader asks too). A tally is a ``tally-order`` relation: roles
``first`` and ``second``, and ``margin`` when the text tells the gap ("by just 14 votes" before it, ", a
margin of N" or ", a majority of N" after it); label ``winning`` the word that gives the first side the win
("beat", "carried"), when one does. The words are data: vocab.toml [tallies].
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from numcheck.relations.base import Relation, _Doc
from numcheck.vocab import PhraseTable, _toml

KINDS = frozenset({"count", "number", "percent"})


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = _toml("vocab.toml")["tallies"]
    return data


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = _data()
    return frozenset(data["words"]), frozenset(data["winning"]), frozenset(data["stops"])


@functools.cache
def _margins() -> PhraseTable:
    return PhraseTable.build((p, "margin") for p in _data()["margin"])


def _cue_before(d: _Doc, si: int, pos: int) -> tuple[int, int]:
    """Where the nearest tally word and the nearest winning word stand in the clause before ``pos`` (-1 when
    none), looking back at most ``reach`` tokens and not past a word of ``stops``."""
    words = d.m.words[si]
    tally, winning, stops = _words()
    found = win = -1
    if pos > 0 and words[pos - 1] in _data()["next_to"]:
        found = pos - 1
    for k in range(pos - 1, max(-1, pos - 1 - int(_data()["reach"])), -1):
        w = words[k]
        if w in stops:
            break
        if w in tally and found < 0:
            found = k
        if w in winning and win < 0:
            win = k
    return found, win


def is_tally(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` opens "A to B" as a tally: a word of [tallies] stands in its clause before it."""
    return _cue_before(d, si, pos)[0] >= 0


def _second(d: _Doc, si: int, pos: int) -> tuple[int, int]:
    """The figure after "to" that closes the tally opened at ``pos`` ("45 votes to 12"): (token, fact) or
    (-1, -1)."""
    words = d.m.words[si]
    k = pos + 1
    if k < len(words) and words[k] in ("votes", "vote", "seats", "points"):
        k += 1
    if k >= len(words) or words[k] != "to":
        return -1, -1
    fi = d.figure_after(si, k + 1, KINDS)
    return (d.skip_hedge(si, k + 1), fi) if fi >= 0 else (-1, -1)


def _margin(d: _Doc, si: int, pos: int, end: int) -> tuple[int, int]:
    """The gap told with the tally: "by (just) N votes" right before it, or ", a margin of N" / ", a
    majority of N" right after it. (fact, token of the cue) or (-1, -1)."""
    words = d.m.words[si]
    k = pos - 1
    if k >= 0 and words[k] == ",":
        k -= 1
    if k >= 1 and words[k] in ("votes", "points") and d.fact_at(si, k - 1) >= 0:
        fi = d.fact_at(si, k - 1)
        b = d.hedge_start(si, k - 1)
        while b > 0 and words[b - 1] in ("just", "only", "a", "mere"):
            b -= 1
        if b > 0 and words[b - 1] == "by" and k < pos - 1:
            return fi, b - 1
    k = end + 1
    if k < len(words) and words[k] == ",":
        k += 1
    hit = _margins().starting_at(words, k)
    if hit is not None:
        fi = d.figure_after(si, hit[1], KINDS)
        if fi >= 0:
            return fi, k
    return -1, -1


# Tokens after a tally's second side that its abstentions may stand ("36 votes to 21, with four abstentions").
ABSTAIN_REACH = 4
# Sentences after a tally that the count of all the members who voted may stand in.
MEMBERS_NEXT = 1


@functools.cache
def _tables() -> dict[str, PhraseTable]:
    return {k: PhraseTable.build((p, k) for p in _data()[k]) for k in ("abstain", "members", "all_of", "voted")}


def _abstentions(d: _Doc, si: int, end: int) -> int:
    """The count of abstentions told right after a tally ("..., with four abstentions"), else -1."""
    words = d.m.words[si]
    for k in range(end + 1, min(len(words), end + 1 + ABSTAIN_REACH)):
        fi = d.fact_at(si, k)
        if fi >= 0:
            return (
                fi if d.facts[fi].kind in ("count", "number") and _tables()["abstain"].starting_at(words, k + 1) else -1
            )
        if words[k] in (".", ";"):
            return -1
    return -1


def _all_members(d: _Doc, si: int, end: int) -> int:
    """The count of every member of the body told after a tally as having voted or abstained, in its
    sentence or the next: "All 63 councillors cast a vote", "all of the 63 members voted or abstained";
    else -1 ("all 21 members were present" may count a chair who does not vote)."""
    for s2 in range(si, min(len(d.m.tokens), si + MEMBERS_NEXT + 1)):
        words = d.m.words[s2]
        for k in range(end + 1 if s2 == si else 0, len(words)):
            fi = d.fact_at(s2, k)
            if fi < 0 or d.facts[fi].kind not in ("count", "number"):
                continue
            if (
                _tables()["members"].starting_at(words, k + 1)
                and _tables()["all_of"].ending_at(words, k)
                and any(_tables()["voted"].starting_at(words, j) for j in range(k + 2, len(words)))
            ):
                return fi
    return -1


def _same_measure(d: _Doc, kind: str, mi: int) -> bool:
    """A gap measured as its tally is: heads for heads ("by 45 votes to 12, a majority of 33"), points or
    a percentage for percentages ("61% to 39%, a margin of 22 points")."""
    m = d.facts[mi]
    if kind == "percent":
        return m.kind == "percent" or m.kind in ("count", "number") and d.view.after(m, 12).lstrip().startswith("point")
    return m.kind in ("count", "number")


def _tallies(d: _Doc) -> Iterator[Relation]:
    for si, pos, ai, a in d.figures(KINDS):
        tally, win = _cue_before(d, si, pos)
        if tally < 0:
            continue
        end, bi = _second(d, si, pos)
        if bi < 0 or d.facts[bi].kind != a.kind and {a.kind, d.facts[bi].kind} != {"count", "number"}:
            continue
        roles: tuple[tuple[str, int], ...] = (("first", ai), ("second", bi))
        cues = [d.span(si, tally, tally + 1)]
        mi, at = _margin(d, si, pos, end)
        if mi >= 0 and mi not in (ai, bi) and _same_measure(d, a.kind, mi):
            roles += (("margin", mi),)
            cues.append(d.span(si, at, at + 1))
        labels = (("winning", d.m.words[si][win]),) if win >= 0 else ()
        yield Relation("tally-order", roles, tuple(cues), "clause", labels)
        third = _abstentions(d, si, end)
        total = _all_members(d, si, end) if third >= 0 else -1
        if total >= 0:
            items = (("item", ai), ("item", bi), ("item", third))
            yield Relation("breakdown", (("total", total), *items), tuple(cues), "sentence")
