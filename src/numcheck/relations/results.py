"""Results: outcomes that split one whole, told in one sentence ("won 18 of its 30 games, drew 7 and
lost 5", "Of the 350 delegates, 210 voted in favour, 95 against and 45 abstained", "unbeaten in 12
games, with eight wins and four draws").

Each group of outcomes (a match record, a vote) and the words of its categories are vocabulary
(``[results]`` in data/vocab.toml). A sentence with figures of at least two categories of one group and
one other count, larger than each of them, gives a ``breakdown`` of that count: exact when the group
is exhaustive and every category is told (or "unbeaten" leaves out the losses), inclusive otherwise.
Percentages of two or more categories of one group ("52% said yes, 41% said no and 12% were
undecided") are ``shares`` of one whole: together at most 100%. A match record told with its points and
its games ("on 37 points after 24 games, with ten wins, ...") splits the games; in a football report its
points are a ``scoring`` relation against its wins and draws (``[results.points]``: 3 and 1).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from numcheck.model import Fact
from numcheck.patterns import format_number
from numcheck.relations.base import FRAME_KINDS, Relation, _bare, _Doc, scoring_labels, whole_floors
from numcheck.vocab import _toml, singular

# Characters after a figure read for a compound noun ("12-match").
COMPOUND_REACH = 16
# Categories of the match group that "unbeaten" leaves out.
NO_LOSSES = frozenset({"lost"})
# Words after a count read for what it counts ("eight league and cup matches": the head is the fifth) and for
# a phrase that leaves a category out ("ten home games without defeat").
NOUN_WORDS = 5


def _results(d: _Doc) -> Iterator[Relation]:
    for si in range(len(d.m.tokens)):
        if not any(t.fact >= 0 for t in d.m.tokens[si]):
            continue
        yield from _results_in(d, si)


def _outcome(d: _Doc, si: int, pos: int) -> tuple[str, str, int, int] | None:
    """The outcome word of the figure at ``pos``: (group, category, start, end of the word), or None."""
    words = d.m.words[si]
    j = pos + 1
    if j < len(words) and words[j] in d.v.result_linking:
        j += 1  # "210 voted in favour", "20 were unsure"
    hit = d.v.result_words.starting_at(words, j)
    if hit is not None:
        group, category = hit[0].split(":", 1)
        return group, category, j, hit[1]
    at = d.hedge_start(si, pos)
    while at > 0 and words[at - 1] in ("only", "just"):
        at -= 1  # "losing only twice"
    back = d.v.result_words.ending_at(words, at)
    if back is not None:
        group, category = back[0].split(":", 1)
        if group in d.v.result_before:
            return group, category, back[1], at  # "won 18", "drawing 10"
    return None


def _occasions(f: Fact) -> bool:
    """ "once", "twice", "three times": a count of occasions ("losing only twice")."""
    return f.kind == "multiple" and f.text.lower().endswith(("once", "twice", "times"))


def _results_in(d: _Doc, si: int) -> Iterator[Relation]:
    words, toks = d.m.words[si], d.m.tokens[si]
    outcomes: dict[str, dict[str, tuple[int, int, int]]] = {}
    shares: dict[str, dict[str, tuple[int, int, int]]] = {}
    others: list[int] = []
    for pos, tok in enumerate(toks):
        fi = tok.fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS or f.is_range or f.value is None:
            continue
        if f.kind == "percent" and not (pos + 1 < len(words) and words[pos + 1] == "of"):
            # "52% said yes, 41% said no and 12% were undecided": the outcomes of one whole, in shares
            # ("45% of women said no" has a whole of its own).
            got = _outcome(d, si, pos)
            if got is not None:
                group, category, a, b = got
                shares.setdefault(group, {}).setdefault(category, (fi, a, b))
            continue
        if not _bare(f) and not _occasions(f):
            continue
        got = _outcome(d, si, pos)
        if got is None:
            others.append(fi)
            continue
        group, category, a, b = got
        # The first figure of a category counts; a second one ("won 3 ... won 4") is another story.
        outcomes.setdefault(group, {}).setdefault(category, (fi, a, b))
    for cats in shares.values():
        if len(cats) >= 2:
            cues = tuple(d.span(si, a, b) for _, a, b in cats.values())
            yield Relation("shares", tuple(("item", fi) for fi, _, _ in cats.values()), cues, "clause")
    for group, cats in outcomes.items():
        if len(cats) < 2:
            continue
        items = [fi for fi, _, _ in cats.values()]
        largest, floor = whole_floors(d.facts[fi].value for fi in items)
        wholes = [w for w in others if (d.facts[w].value or 0) > largest]
        if not wholes:  # a slip may push one outcome past the whole ("played 12, winning 15 and losing 2")
            wholes = [w for w in others if (d.facts[w].value or 0) > floor]
        evidence = "clause"
        if not others and si > 0:
            # "Twenty students sat the exam. Twelve passed and ten failed.": a sentence of outcomes alone
            # splits the one count of the sentence before.
            wholes = _whole_before(d, si - 1, floor)
            evidence = "document"
        if len(wholes) > 1 and group in d.v.result_before:
            # "on 37 points after 24 games, with ten wins, ...": the record splits the games, not the points
            contests = [w for w in wholes if _counts_contests(d, w)]
            wholes = contests if len(contests) == 1 else wholes
        if len(wholes) != 1:
            continue  # no whole, or two candidates: say nothing
        if group in d.v.result_before and not _counts_contests(d, wholes[0]):
            continue  # "won 30 seats and lost 40, leaving 35": seats changing hands, no record
        none = NO_LOSSES if any(w in d.v.result_unbeaten for w in words) else frozenset()
        none |= _left_out(d, *d.pos_of(wholes[0]))  # the whole may be the sentence before's
        told = set(cats)
        exhaustive = group in d.v.result_exhaustive and (told | none == d.v.result_categories[group])
        cues = tuple(d.span(si, a, b) for _, a, b in cats.values())
        labels = () if exhaustive else (("inclusive", "yes"),)
        roles = (("total", wholes[0]), *(("item", fi) for fi in items))
        yield Relation("breakdown", roles, cues, evidence, labels)
        if evidence == "clause":
            yield from _points(d, si, cats, others, wholes[0] if exhaustive or "won" not in cats else -1)


@functools.cache
def _points_data() -> dict[str, Any]:
    data: dict[str, Any] = _toml("vocab.toml")["results"]["points"]
    return data


_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def _football(d: _Doc) -> bool:
    """The text is a football report: a word of football and none of another code's scoring, and none that
    says its table is not three points a win and one a draw (a deduction, bonus points)."""
    data = _points_data()
    text = d.view.text.lower()
    words = set(_WORD.findall(text))
    pairs = {f"{a} {b}" for a, b in itertools.pairwise(_WORD.findall(text))}
    found = words | pairs

    def told(key: str) -> bool:
        return any(w in found or (" " in w and w in text) for w in data[key])

    return told("football") and not told("not_football") and not told("points_not")


def _points(
    d: _Doc, si: int, cats: Mapping[str, tuple[int, int, int]], others: Sequence[int], games: int = -1
) -> Iterator[Relation]:
    """A league record's points against its wins and draws in a football report: "on 38 points after 24
    games, with ten wins, seven draws and seven defeats" makes 10 x 3 + 7 = 37, not 38. Wins left untold
    are the games neither drawn nor lost: "43 points from 22 games, having drawn five and lost five" (12
    wins) makes 41."""
    data = _points_data()
    worth = data["worth"]
    won_left = "won" not in cats and games >= 0 and "drew" in cats and "lost" in cats
    if won_left:
        yield from _points_left(d, si, cats, games)
        return
    if not all(c in cats for c in worth) or not _football(d):
        return
    told = _told_points(d, si)
    items = {c: d.facts[cats[c][0]] for c in worth}
    if len(told) != 1 or any(f.hedge != "exact" or f.value is None for f in items.values()):
        return
    f = d.facts[told[0]]
    plus = sum(int(items[c].value or 0) * int(w) for c, w in worth.items())
    why = " and ".join(
        f"{format_number(items[c].value or Decimal(0))} {'wins' if c == 'won' else 'draws'} × {w}"
        for c, w in worth.items()
    )
    labels = scoring_labels(f, plus, why, f"{f.text} points")
    roles = (("points", told[0]), *(("event", cats[c][0]) for c in worth))
    cues = tuple(d.span(si, cats[c][1], cats[c][2]) for c in worth)
    yield Relation("scoring", roles, cues, "clause", labels)


def _told_points(d: _Doc, si: int) -> list[int]:
    """The figures of sentence ``si`` told as a record's points ("43 points"), not a gap ("three points off")."""
    data = _points_data()
    words = d.m.words[si]
    return [
        fi
        for fi in _sentence_counts(d, si)
        if (p := d.pos_of(fi)[1]) + 1 < len(words)
        and words[p + 1] in data["nouns"]
        and not (p + 2 < len(words) and words[p + 2] in data["not_after"])
        and d.facts[fi].hedge == "exact"
        and (v := d.facts[fi].value) is not None
        and v == v.to_integral_value()
    ]


def _points_left(d: _Doc, si: int, cats: Mapping[str, tuple[int, int, int]], games: int) -> Iterator[Relation]:
    """Points against a record that tells its games, draws and defeats but not its wins."""
    data = _points_data()
    worth = data["worth"]
    if not _football(d):
        return
    told = _told_points(d, si)
    g, drew, lost = d.facts[games], d.facts[cats["drew"][0]], d.facts[cats["lost"][0]]
    if len(told) != 1 or any(f.hedge != "exact" or f.value is None for f in (g, drew, lost)):
        return
    won = int(g.value or 0) - int(drew.value or 0) - int(lost.value or 0)
    if won < 0:
        return
    f = d.facts[told[0]]
    plus = won * int(worth["won"]) + int(drew.value or 0) * int(worth["drew"])
    why = (
        f"{g.text} games less {drew.text} drawn and {lost.text} lost leave {won} wins × {worth['won']}, "
        f"and {drew.text} draws × {worth['drew']}"
    )
    labels = scoring_labels(f, plus, why, f"{f.text} points")
    roles = (("points", told[0]), ("event", games), ("event", cats["drew"][0]), ("event", cats["lost"][0]))
    cues = tuple(d.span(si, cats[c][1], cats[c][2]) for c in ("drew", "lost"))
    yield Relation("scoring", roles, cues, "clause", labels)


def _sentence_counts(d: _Doc, si: int) -> list[int]:
    """The plain figures of a sentence (its points may be told of the record's holder anywhere in it)."""
    return [t.fact for t in d.m.tokens[si] if t.fact >= 0 and _bare(d.facts[t.fact])]


def _whole_before(d: _Doc, si: int, floor: Decimal) -> list[int]:
    """The one plain count of sentence ``si`` (dates, shares and amounts aside), if it is larger than
    ``floor`` and no part of something else; else none."""
    counts = [
        t.fact
        for t in d.m.tokens[si]
        if t.fact >= 0 and _bare(d.facts[t.fact]) and not d.facts[t.fact].is_range and d.facts[t.fact].value is not None
    ]
    if len(counts) != 1 or (d.facts[counts[0]].value or 0) <= floor:
        return []
    m = d.m.by_fact.get(counts[0])
    return [] if m is None or m.roles & {"part", "another", "each", "remainder"} else counts


def _left_out(d: _Doc, si: int, pos: int) -> frozenset[str]:
    """The categories a phrase by the run's count at ``pos`` says it had none of: "have not lost in (their
    last) eight games", "ten games without defeat", "winless in six"."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    while k > 0 and words[k - 1] in d.v.result_run_words:
        k -= 1
    out = set()
    hit = d.v.result_none_before.ending_at(words, k)
    if hit is not None:
        out.add(hit[0])
    j = pos + 1
    while j < len(words) and j - pos <= NOUN_WORDS and words[j].isalpha() and d.m.tokens[si][j].fact < 0:
        after = d.v.result_none_after.starting_at(words, j)
        if after is not None:
            out.add(after[0])
            break
        j += 1
    return frozenset(out)


def _counts_contests(d: _Doc, fi: int) -> bool:
    """The figure counts games, matches or other contests ("30 games", "12 league games", "eight league
    and cup matches")."""
    f = d.facts[fi]
    after = d.view.text[f.span.end : f.span.end + COMPOUND_REACH].lower()
    if after.startswith("-"):
        words = [after[1:].split()[0].strip(",.;:")] if after[1:].split() else []  # "a 12-match run"
    else:
        mm = d.m.by_fact.get(fi)
        noun = (mm.noun if mm else None) or f.subject or ""
        words = noun.lower().split()  # "12 league games", "12 matches unbeaten"
        si, pos = d.pos_of(fi)
        told = d.m.words[si]
        # The noun reader may stop at the first word of a longer phrase ("eight league and cup matches").
        for j in range(pos + 1, min(len(told), pos + 1 + NOUN_WORDS)):
            if not told[j].isalpha() or d.m.tokens[si][j].fact >= 0:
                break
            words.append(told[j])
    contests = d.v.result_contests
    return any(singular(w) in contests or w.endswith("es") and w[:-2] in contests for w in words)
