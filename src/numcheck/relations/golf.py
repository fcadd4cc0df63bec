"""Golf scores: a stroke-play winner's rounds against the total, and a total or a round against par.

"Ekström opened with a 68 on Thursday and followed it with a 71 ... His 66 on Saturday ... a closing 69"
against "finished on 14 under par with a total of 274 on the par-72 links" (68 + 71 + 66 + 69 = 274, and
4 x 72 - 14 = 274); "closed with a five-under-par 67" on a par-72 course (72 - 5 = 67). Each is a
``scoring`` relation (judge ``scoring``: the told figure against what the others make). Read only in a
text that tells golf (``[golf] markers``) and gives a course's par ("par-72", "a par of 71").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal

from numcheck.relations.base import Relation, _Doc, scoring_labels
from numcheck.vocab import PhraseTable, _toml

# Strokes a round of 18 holes may take, and a four-round total.
ROUND_MIN, ROUND_MAX = 55, 90
TOTAL_MIN, TOTAL_MAX = 230, 330
# Rounds in a stroke-play event told by the total.
ROUNDS = 4
# Tokens before a round's figure its cue may stand ("a bogey-free 64", "a final-round 70").
ROUND_CUE_REACH = 3

_PAR = re.compile(r"(?<![-\w])par(?:[- ]| of )(\d{2})\b", re.I)  # "par-72"; not "five-under-par 67"


@functools.cache
def _data() -> dict[str, PhraseTable]:
    data = _toml("vocab.toml")["golf"]
    return {key: PhraseTable.build((p, key) for p in phrases) for key, phrases in data.items()}


def golf_told(d: _Doc) -> bool:
    """The text tells golf (``[golf] markers``: "birdie", "under par"), where fewer strokes are better."""
    return _has(d, "markers")


def _has(d: _Doc, key: str) -> bool:
    table = _data()[key]
    return any(table.starting_at(ws, k) for ws in d.m.words for k in table.starts_in(ws))


def _par(d: _Doc) -> int:
    """The course's par the text gives ("par-72", "par 71", "a par of 70"), one value, else 0."""
    found = {int(m.group(1)) for m in _PAR.finditer(d.view.text) if 66 <= int(m.group(1)) <= 74}
    return found.pop() if len(found) == 1 else 0


def _whole_number(d: _Doc, fi: int, lo: int, hi: int) -> int:
    f = d.facts[fi]
    v = f.value
    if f.kind not in ("count", "number") or f.is_range or v is None or v != v.to_integral_value():
        return 0
    return int(v) if lo <= v <= hi and f.hedge == "exact" else 0


def _rounds(d: _Doc) -> list[tuple[int, str]]:
    """(figure, holder) of each round told with a round's cue before it ("a 68", "his 66", "a closing 69",
    "a bogey-free 64") and no noun after it."""
    cues, not_after = _data()["round_before"], _data()["round_not_after"]
    out = []
    for si, pos, fi, _f in d.figures(frozenset({"count", "number"})):
        if not _whole_number(d, fi, ROUND_MIN, ROUND_MAX):
            continue
        words = d.m.words[si]
        k = d.hedge_start(si, pos)
        if not any(cues.ending_at(words, j) for j in range(max(0, k - ROUND_CUE_REACH), k + 1)):
            continue
        if pos + 1 < len(words) and (not_after.starting_at(words, pos + 1) or words[pos + 1] == "-"):
            continue  # "a 64-hole", "a 68 per cent": no round
        out.append((fi, _holder(d, si, fi)))
    return out


def _holder(d: _Doc, si: int, fi: int) -> str:
    """Whose round: the frame's holder, unless the sentence names it only after "the" ("the Swede"), a
    description of the player told before."""
    holder = d.m.frame(fi).holder
    if holder and re.search(rf"\bthe {re.escape(holder)}\b", d.view.text.lower()):
        return ""
    return holder


def _totals(d: _Doc) -> list[tuple[int, int]]:
    """(sentence, figure) of each four-round total told after a total's cue ("a total of 274", "finished on
    271")."""
    cues = _data()["total_before"]
    out = []
    for si, pos, fi, _f in d.figures(frozenset({"count", "number"})):
        words = d.m.words[si]
        # "a total of 274": the words are the figure's own (vocab.toml level_phrases) and the cue at once.
        told = cues.ending_at(words, pos) or cues.ending_at(words, d.hedge_start(si, pos))
        if _whole_number(d, fi, TOTAL_MIN, TOTAL_MAX) and told:
            out.append((si, fi))
    return out


def _to_par(d: _Doc, si: int) -> tuple[int, int] | None:
    """(figure, sign) of the "N under par" / "N over par" of sentence ``si``: -1 under, +1 over."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for pos, tok in enumerate(toks):
        if tok.fact < 0 or pos + 1 >= len(words) or not _whole_number(d, tok.fact, 1, 40):
            continue
        nxt = words[pos + 1]
        if nxt in ("under", "over") and pos + 2 < len(words) and words[pos + 2] == "par":
            return tok.fact, -1 if nxt == "under" else 1
    return None


def _scoring(fi: int, d: _Doc, counted: int, why: str, items: tuple[int, ...]) -> Relation:
    labels = scoring_labels(d.facts[fi], counted, why)
    return Relation("scoring", (("points", fi), *(("event", i) for i in items)), (), "document", labels)


def _rounds_to_par(d: _Doc, rounds: list[tuple[int, str]], par: int) -> Iterator[Relation]:
    """A round told with its score against par ("a five-under-par 67", "a level-par 72") on the course's par."""
    for fi, _ in rounds:
        si, pos = d.pos_of(fi)
        words = d.m.words[si]
        k = d.hedge_start(si, pos)
        if k >= 1 and words[k - 1] == "level-par":
            yield _scoring(fi, d, par, f"level par on a par-{par} course", ())
            continue
        if k < 3 or words[k - 1] not in ("under-par", "over-par") or words[k - 2] != "-":
            continue
        ni = d.fact_at(si, k - 3)
        n = _whole_number(d, ni, 1, 20) if ni >= 0 else 0
        if n:
            way = words[k - 1].split("-")[0]
            made = par - n if way == "under" else par + n
            yield _scoring(fi, d, made, f"{d.facts[ni].text} {way} a par of {par}", (ni,))


def _golf(d: _Doc) -> Iterator[Relation]:
    """The winner's four rounds against the total, and the total against "N under par" on the course's par."""
    par = _par(d)
    if not par or not _has(d, "markers"):
        return
    rounds = _rounds(d)
    yield from _rounds_to_par(d, rounds, par)
    totals = _totals(d)
    if len(totals) != 1:
        return
    si, ti = totals[0]
    told = _to_par(d, si)
    if told is not None:
        ni, sign = told
        n = int(d.facts[ni].value or 0)
        made = ROUNDS * par + sign * n
        way = "under" if sign < 0 else "over"
        yield _scoring(ti, d, made, f"{ROUNDS} rounds of par {par} is {ROUNDS * par}, {n} {way}", (ni,))
    named = [h for _, h in rounds if h]
    winner = max(set(named), key=named.count) if named else ""
    if named and named.count(winner) * 2 <= len(named):
        return  # no one player the rounds are told of
    own = [fi for fi, h in rounds if h in ("", winner)]
    if len(own) != ROUNDS:
        return
    made = sum(int(d.facts[fi].value or Decimal(0)) for fi in own)
    why = " + ".join(d.facts[fi].text for fi in own)
    yield _scoring(ti, d, made, f"the rounds {why}", tuple(own))
