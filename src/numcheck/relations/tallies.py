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
from collections.abc import Iterator, Sequence
from typing import Any

from numcheck.relations.base import Relation, _Doc
from numcheck.vocab import PhraseTable, _toml, singular

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


# Poll leads: a gap between two shares of one poll told in points ("has opened up a seven-point lead",
# "trails by nine points", "narrowed the gap to three points") against the two shares the text gives by
# name ("puts Ms Reyes on 41%, with Mr Cole on 33%"), in any sentence. The words are data: vocab.toml
# [leads]; the shares are the named shares of one poll the list reader finds (``lists._share_run``).

# Tokens of a name that may stand between a verb and "by" ("trails Dana Reyes by nine points").
LEAD_NAME_SKIP = 4
# Tokens after "in" or "across" that the words of a race may stand ("a lead in the Westbridge mayoral race").
RACE_REACH = 3
# Kinds of a gap told in points: "seven points" is a count, "seven percentage points" a points figure.
GAP_KINDS = frozenset({"count", "number", "points"})
# Fewest named shares that make a poll whose first and second places a gap may be read between.
POLL_ENTRIES = 2


@functools.cache
def _lead_tables() -> dict[str, PhraseTable]:
    data = _toml("vocab.toml")["leads"]
    return {k: PhraseTable.build((p, k) for p in data[k]) for k in ("nouns", "by", "after", "points", "away", "race")}


@functools.cache
def _lead_words() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["leads"]
    sides = {w: side for side in ("lead", "trail", "gap") for w in data[side]}
    return sides, frozenset(data["titles"]), frozenset(data["question"])


def _gap_cue(d: _Doc, si: int, pos: int) -> tuple[str, str, int, int] | None:
    """The gap a figure at ``pos`` tells in points: (side, word, first token of the cue, one past its last),
    or None. "a seven-point lead", "a lead of seven points", "the gap to three points", "leads (Cole) by
    seven points", "seven points ahead"."""
    words = d.m.words[si]
    t = _lead_tables()
    sides = _lead_words()[0]
    k = pos + 1
    f = d.facts[d.fact_at(si, pos)]
    if f.kind == "points":
        # "a 4.5 percentage-point lead", "seven percentage points ahead": the fact holds its points
        hyphen = "-" in f.text
    else:
        hyphen = False
        while k < len(words) and words[k] in ("-", "percentage"):
            hyphen = hyphen or words[k] == "-"  # "a seven-point lead"
            k += 1
        hit = t["points"].starting_at(words, k)
        if hit is None:
            return None
        k = hit[1]
    h = d.hedge_start(si, pos)
    if h > 0 and words[h - 1] == "from":
        return None  # "from a nine-point lead to": the gap before, not the one the poll gives
    if hyphen:
        if k < len(words) and words[k] == "-":
            k += 1
        noun = t["nouns"].starting_at(words, k)
        if noun is None:
            return None
        word = " ".join(words[k : noun[1]])
        return sides.get(word, "gap"), word, h, noun[1]
    after = t["after"].starting_at(words, k)
    if after is not None:
        word = " ".join(words[k : after[1]])
        return sides.get(word, "gap"), word, h, after[1]
    if h >= 2 and words[h - 1] in ("of", "to"):
        noun = t["nouns"].ending_at(words, h - 1)
        if noun is not None:
            word = " ".join(words[noun[1] : h - 1])
            return sides.get(word, "gap"), word, noun[1], k
    if h >= 2 and words[h - 1] == "by":
        toks = d.m.tokens[si]
        j = h - 1
        while j > 0 and h - 1 - j < LEAD_NAME_SKIP and toks[j - 1].fact < 0 and _capital(d, toks[j - 1]):
            j -= 1  # "trails Dana Reyes by"
        verb = t["by"].ending_at(words, j)
        if verb is not None:
            word = " ".join(words[verb[1] : j])
            return sides.get(word, "gap"), word, verb[1], k
    return None


def gap_word_at(words: Sequence[str], k: int) -> bool:
    """A word that tells a gap after its figure starts at ``k`` ("behind", "ahead", "clear")."""
    return _lead_tables()["after"].starting_at(words, k) is not None


def _capital(d: _Doc, tok: Any) -> bool:
    return d.view.text[tok.start : tok.start + 1].isupper()


def _name_key(word: str) -> str:
    """A word of a name as it is matched: lower case, no possessive, singular ("Conservatives'" → conservative)."""
    w = word.lower()
    for tail in ("'s", "’s", "'", "’"):
        if w.endswith(tail):
            w = w[: -len(tail)]
            break
    return singular(w)


def _poll_runs(d: _Doc) -> list[list[tuple[int, frozenset[str]]]]:
    """The named shares of each poll the text tells: [(fact, the words of its name)], read as the list
    reader reads them (a run of "Name on N%" joined by commas, "and" or "with", going on into the next
    sentence), where a word of a poll or a vote stands in the run's sentence or the one before. Entries
    with no name ("others on 8%") are left out."""
    from numcheck.relations import lists

    titles = _lead_words()[1]
    n = len(d.m.tokens)
    out: list[list[tuple[int, frozenset[str]]]] = []
    si = 0
    while si < n:
        items, names = lists._share_run(d, si, verbs="poll_verbs")
        nxt = si + 1
        while items and nxt < n and nxt - si <= lists.SHARES_NEXT:
            more, more_names = lists._share_run(d, nxt, opening=True, verbs="poll_verbs")
            if not more or names & more_names:
                break
            items, names = items + more, names | more_names
            nxt += 1
        if len(items) >= POLL_ENTRIES and any(
            lists._has("polls", d.m.words[s], 0, len(d.m.words[s])) for s in (si - 1, si) if s >= 0
        ):
            run = []
            for fi in items:
                s2, p2 = d.pos_of(fi)
                got = lists._share_entry(d, s2, p2, "poll_verbs")
                if got is None:
                    continue
                toks, words = d.m.tokens[s2], d.m.words[s2]
                name = frozenset(
                    _name_key(words[k])
                    for k in range(got[0], p2)
                    if _capital(d, toks[k]) and _name_key(words[k]) not in titles
                )
                if name:
                    run.append((fi, name))
            if len(run) >= POLL_ENTRIES:
                out.append(run)
            si = nxt
        else:
            si += 1
    return out


def _named(
    d: _Doc, si: int, ks: Iterator[int], polls: list[list[tuple[int, frozenset[str]]]], but: int = -1
) -> tuple[int, int] | None:
    """The first share (poll, fact) whose name a capitalised word at the tokens ``ks`` of sentence ``si`` tells;
    (-1, -1) when a word tells the names of two shares; None when none does."""
    toks, words = d.m.tokens[si], d.m.words[si]
    titles = _lead_words()[1]
    for k in ks:
        if toks[k].fact >= 0 or not _capital(d, toks[k]):
            continue
        key = _name_key(words[k])
        if key in titles:
            continue
        found = [(p, fi) for p, run in enumerate(polls) for fi, name in run if key in name and fi != but]
        if len(found) == 1:
            return found[0]
        if found:
            return -1, -1
    return None


def _run_away(d: _Doc, run: list[tuple[int, frozenset[str]]]) -> bool:
    """The shares' sentence tells another poll ("A poll by ...", "a survey by ...", [leads] ``away``) or
    an earlier time ("published last Thursday")."""
    t = _lead_tables()
    for s in {d.pos_of(fi)[0] for fi, _ in run}:
        words, toks = d.m.words[s], d.m.tokens[s]
        if any(t["away"].starting_at(words, k) for k in t["away"].starts_in(words, 0, len(words))):
            return True
        if any(words[k] in ("poll", "survey") and words[k + 1 : k + 2] == ("by",) for k in range(len(words) - 1)):
            return True
        for tok in toks:
            f = d.facts[tok.fact] if tok.fact >= 0 else None
            if f is not None and f.kind == "relative" and f.value is not None and f.value < 0:
                return True
    return False


def _gap_away(d: _Doc, si: int, polls: list[list[tuple[int, frozenset[str]]]]) -> bool:
    """The gap's sentence tells another poll, another time, a subgroup or a region, or shares of its own
    that are not the poll's: its gap is not the one between the shares told."""
    t = _lead_tables()
    words, toks = d.m.words[si], d.m.tokens[si]
    if any(t["away"].starting_at(words, k) for k in t["away"].starts_in(words, 0, len(words))):
        return True
    entries = {fi for run in polls for fi, _ in run}
    for k, tok in enumerate(toks):
        fi = tok.fact
        if fi >= 0:
            f = d.facts[fi]
            if f.kind in ("year", "date") or f.kind == "percent" and fi not in entries:
                return True
            if f.kind == "relative" and f.value is not None and f.value < 0:
                return True
        if (
            words[k] in ("in", "across")
            and k + 1 < len(toks)
            and toks[k + 1].fact < 0
            and _capital(d, toks[k + 1])
            and not any(t["race"].starting_at(words, j) for j in range(k + 2, min(len(words), k + 2 + RACE_REACH)))
        ):
            return True  # "seven points ahead in Scotland": a region's gap
    return False


def _poll_leads(d: _Doc) -> Iterator[Relation]:
    """A gap in points told of the named shares of a poll: a ``tally-order`` relation, ``first`` the share
    ahead, ``second`` the share behind, ``margin`` the gap; label ``winning`` the word when it says which
    of two named sides is ahead ("leads Cole by", "trails Reyes by")."""
    cues: list[tuple[int, int, int, str, str, int, int]] = []
    for si, pos, fi, _ in d.figures(GAP_KINDS):
        got = _gap_cue(d, si, pos)
        if got is not None:
            cues.append((si, pos, fi, *got))
    if not cues:
        return
    # Shares told of another poll ("A poll by X, published last Thursday, put A on 30%") or of another
    # time are not the gap's poll's.
    polls = [run for run in _poll_runs(d) if not _run_away(d, run)]
    if not polls:
        return
    seen: set[tuple[int, int, int]] = set()
    for si, _pos, fi, side, word, cs, ce in cues:
        same = [c for c in cues if c[0] == si and d.facts[c[2]].value != d.facts[fi].value]
        if same or _gap_away(d, si, polls):
            continue  # "cut her nine-point lead to four points": two gaps told, one of them before
        words = d.m.words[si]
        after = words[ce] if ce < len(words) else ""
        if after in _lead_words()[2]:
            continue  # "a 12-point lead on the economy", "as preferred mayor": a lead on another question
        if after == "for":
            # "a seven-point lead for Labour": the side ahead told after it, or another question
            subject = _named(d, si, iter(range(ce + 1, min(len(words), ce + 1 + LEAD_NAME_SKIP))), polls)
            if subject is None:
                continue
        else:
            subject = _named(d, si, iter(range(cs - 1, -1, -1)), polls)
        if subject == (-1, -1):
            continue
        stop = next((k for k in range(cs + 1, len(words)) if words[k] in CLAUSE_STOPS), len(words))
        other = _named(d, si, iter(range(cs + 1, stop)), polls, subject[1] if subject else -1)
        if other == (-1, -1) or (subject and other and subject[0] != other[0]):
            continue
        if subject is None and other is None and len(polls) != 1:
            continue
        p = (subject or other or (0, -1))[0]
        ranked = sorted(polls[p], key=lambda e: d.facts[e[0]].value or 0, reverse=True)
        top, second = ranked[0][0], ranked[1][0]
        s, o = subject[1] if subject else -1, other[1] if other else -1
        win = ""
        if side == "lead":
            if s >= 0 and o >= 0:
                pair, win = (s, o), word
            elif s >= 0:
                if s != top:
                    continue  # a lead of a side that is not first, over no side named: over whom is not told
                pair = (top, second)
            elif o >= 0:
                if o == top:
                    continue
                pair = (top, o)
            else:
                pair = (top, second)
        elif side == "trail":
            if s < 0:
                continue  # who trails is not told
            if o >= 0:
                pair, win = (o, s), word
            elif s == top:
                continue
            else:
                pair = (top, s)
        else:
            if s >= 0 and o >= 0:
                pair = (s, o)
            elif s >= 0 or o >= 0:
                named = max(s, o)
                pair = (named, second if named == top else top)
            else:
                pair = (top, second)
        if (pair[0], pair[1], fi) in seen:
            continue
        seen.add((pair[0], pair[1], fi))
        sentences = {d.pos_of(pair[0])[0], d.pos_of(pair[1])[0], si}
        yield Relation(
            "tally-order",
            (("first", pair[0]), ("second", pair[1]), ("margin", fi)),
            (d.span(si, cs, ce),),
            "sentence" if len(sentences) == 1 else "document",
            (("winning", win),) if win else (),
        )


# Words that end the clause a gap's other side is named in ("leads Cole by seven points, while ...").
CLAUSE_STOPS = frozenset({".", ";", ",", "but", "while", "and", "although", "though", "as", ":", "?", "!"})


# Words between a poll share's move and its older level: "is down 6% on the 33%", "has climbed from 24%".
_OLDER_LINKS = frozenset({"on", "from"})


def _poll_moves(d: _Doc) -> Iterator[Relation]:
    """A side's share told as moved from an older level, the side named and its share now told by the
    poll's named shares ("puts Labour's A on 27%" ... "Labour's share is down 6% on the 33% it recorded in
    June", "the Greens have climbed from 24%"): a ``change`` from the older level to the side's share, with
    the move's size when told. The side is found as the lead reader finds it (``_named``); a clause that
    tells a time of its own before the older level, or another poll, is not read."""
    polls: list[list[tuple[int, frozenset[str]]]] | None = None
    away = _lead_tables()["away"]
    for si, pos, ai, _ in d.figures(frozenset({"percent"})):
        words = d.m.words[si]
        j = d.hedge_start(si, pos) - 1
        if j >= 0 and words[j] in ("the", "its", "their"):
            j -= 1
        if j < 1 or words[j] not in _OLDER_LINKS:
            continue
        ci, move = -1, d.v.direction.ending_at(words, j)
        if move is None:
            at = j - 1
            if words[at] in ("points", "point") and at >= 1:
                at -= 1 + (words[at - 1] == "percentage")  # "three points", "three percentage points"
                ci = d.fact_at(si, at)
                if ci >= 0 and d.facts[ci].kind not in ("count", "number"):
                    continue
            else:
                ci = d.fact_at(si, at)
                if ci >= 0 and d.facts[ci].kind not in ("percent", "points"):
                    continue
            if ci < 0 or d.facts[ci].value is None:
                continue
            k = d.hedge_start(si, at)
            if k > 0 and words[k - 1] == "by":
                k -= 1  # "has fallen by 6% from"
            move = d.v.direction.ending_at(words, k)
            if move is None:
                continue
        lo = d.m.clause_start(si, move[1])
        if any(t.fact >= 0 for t in d.m.tokens[si][lo : move[1]]):
            continue  # a figure of its own before the move: not a side named alone
        if any(away.starting_at(words, k) for k in away.starts_in(words, 0, len(words))):
            continue  # another poll's shares
        toks = d.m.tokens[si]
        if any(
            words[k] in ("in", "across") and toks[k + 1].fact < 0 and _capital(d, toks[k + 1])
            for k in range(move[1] - 1)
        ):
            continue  # "In Ashdown ward, Labour is down 6% on ...": a region's share
        if polls is None:
            polls = [run for run in _poll_runs(d) if not _run_away(d, run)]
        if not polls:
            return
        side = _named(d, si, iter(range(move[1] - 1, lo - 1, -1)), polls, ai)
        if side is None or side == (-1, -1):
            continue
        bi = side[1]
        if d.pos_of(bi) >= (si, pos) or bi == ci:
            continue  # the side's share now must be told before
        roles: tuple[tuple[str, int], ...] = (("from", ai), ("to", bi))
        if ci >= 0:
            roles += (("stated", ci),)
        cue = d.span(si, move[1], j + 1)
        yield Relation("change", roles, (cue,), "document", (("direction", move[0]),))
