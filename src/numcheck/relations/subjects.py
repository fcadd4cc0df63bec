"""A stated change told of one thing in other words: "The minimum wage will rise by 4.6%" … "The national
living wage will go up from £12.21 to £12.71"; "Household bills will rise by £149" … "sets the annual bill at
£1,849, up from £1,720"."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from numcheck.mentions import CLAUSE_END
from numcheck.model import Fact
from numcheck.relations.base import FRAME_KINDS, Relation, _Doc, _lead_sentences, same_family
from numcheck.relations.restatements import _names_of_words
from numcheck.relations.stated import (
    _a_rate,
    _age_group_subject,
    _level_reached,
    _mood,
    _names,
    _pair_way,
    _periods_differ,
    _rate_words,
    _said_way,
    _same_holder,
    _same_measure,
    _times_other,
    _told_again_later,
)

# Kinds a stated change told apart from its pair may be: a percentage, or an amount of the pair's kind.
_STATED_KINDS = frozenset({"percent", "money", "count"})
# Tokens after a stated change its own older level may stand ("up 11.9% from 112,660"); an amount further on
# is told of something else ("will rise by 4.6% next April, ..., giving a worker nearly £1,000 more").
BASE_AFTER = 4
# Kinds of a pair whose size a stated change may give: amounts and counts ("from 1,500 to 1,800").
_PAIR_KINDS = frozenset({"money", "count", "number"})
# Hedge words that make a figure after a verb of a move a level passed, not the move's size.
_BOUND_WORDS = frozenset("above below over under beyond past to at".split())
# Periods of a pair's newer end that a forecast stated change may be told of: none, or the future.
_UNDATED = frozenset({"", "future"})
# Words of a clause before a figure read for what it is of: "Household energy bills in England, Scotland and
# Wales will rise by" (the subject and its verb); "sets the annual bill for a typical household at".
SUBJECT_REACH = 24


def _subject_words(d: _Doc, si: int, pos: int) -> list[str]:
    """The words of the clause before the figure at ``pos`` (``SUBJECT_REACH`` at most), its own hedge and
    figures left out: the subject and verb of "The minimum wage for workers aged 21 and over will rise by
    4.6%", the verb's object in "sets the annual bill for a typical household at £1,849"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    lo = max(d.m.clause_start(si, pos), pos - SUBJECT_REACH)
    return [words[k] for k in range(lo, d.hedge_start(si, pos)) if toks[k].fact < 0 and not _named(d, si, k)]


def _named(d: _Doc, si: int, k: int) -> bool:
    """Token ``k`` is part of a name ("Skylark Air", "Kingsmead Hospital"): capitalised past the sentence's
    first word, or the first word before another capitalised one. Names are holders, which
    ``_same_holder`` reads; they name no thing."""
    toks = d.m.tokens[si]

    def caps(j: int) -> bool:
        return j < len(toks) and d.view.text[toks[j].start : toks[j].start + 1].isupper()

    return caps(k) and (k > 0 or caps(k + 1))


def _move_size(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is told as the size of a move: after "by" ("will rise by 4.6%", "up by
    £149"), right after a word of a move ("rise 7.5%", "up 28%") or before a noun of one ("a 7.5% rise");
    not a level reached ("slips to 71%", "fall to 37")."""
    words = d.m.words[si]
    h = d.hedge_start(si, pos)
    if h == 0:
        return False
    if any(w in _BOUND_WORDS for w in words[h:pos]):
        return False  # "revenue rose above £140m": a level passed
    if words[h - 1] == "by":
        return True
    if d.v.direction.ending_at(words, h) is not None:
        return True
    return d.v.direction.starting_at(words, pos + 1) is not None


def _stated_moves(d: _Doc, si: int, used: set[int]) -> Iterator[int]:
    """The stated changes of sentence ``si`` not yet given to a change: a percentage or amount told with a
    verb or noun of a move ("will rise by 4.6%", "a 7.5% rise", "up £149") and no level it reaches."""
    for tok in d.m.tokens[si]:
        ci = tok.fact
        if ci < 0 or ci in used:
            continue
        c = d.facts[ci]
        m = d.m.by_fact.get(ci)
        if m is None or c.kind not in _STATED_KINDS or c.value is None or c.is_range or c.value <= 0:
            continue
        if m.roles & {"part", "remainder", "another", "each"} and c.kind != "money":
            continue
        pos = d.pos_of(ci)[1]
        if not _said_way(d, ci) or d.older_end(si, pos) or not _move_size(d, si, pos):
            continue  # "down from 76.4%": an older level; "slips to 71%": a level reached
        yield ci


def _own_base(d: _Doc, ci: int, like: Fact) -> bool:
    """The stated change's clause tells levels of its own of the pair's family, none of them the pair's
    newer end ("A record 126,040 households ..., up 11.9% from 112,660"): it is their change."""
    si, pos = d.pos_of(ci)
    toks = d.m.tokens[si][d.m.clause_start(si, pos) : min(d.m.clause_end(si, pos), pos + 1 + BASE_AFTER)]
    kin = [d.facts[t.fact] for t in toks if t.fact >= 0 and t.fact != ci and same_family(d.facts[t.fact], like)]
    return bool(kin) and not any(f.interval.overlaps(like.interval) for f in kin)


def _one_thing_told(d: _Doc, ci: int, bi: int) -> bool:
    """The stated change's clause and the pair's newer end's clause name one thing, by words for one
    thing as data (``restatements._names_of_words``): "minimum wage" and "national living wage", "energy
    bills" and "the annual bill"."""
    cs, cpos = d.pos_of(ci)
    bs, bpos = d.pos_of(bi)

    def told(si: int, pos: int) -> list[str]:
        return [w for w in _subject_words(d, si, pos) if d.v.direction.starting_at([w], 0) is None]

    a, b = told(cs, cpos), told(bs, bpos)  # "rose", "raised": the move, no thing
    shared = _names_of_words(d, a) & _names_of_words(d, b)
    return bool(shared) and not _kinds_apart(d, a, b, shared)


# Words before a noun that narrow it to no kind of its own: "the fares", "its fares", "all fares".
_NOT_KINDS = frozenset("the a an its their his her our this that these those all new annual average".split())


def _kinds_apart(d: _Doc, a: Sequence[str], b: Sequence[str], shared: frozenset[str]) -> bool:
    """Every thing the two subjects share is one word each narrows by a different word before it: "Peak
    fares will rise by 5.2%" … "Off-peak fares go up to £12.80", "adult tickets" … "child tickets": two
    kinds of the thing. Words for one thing told whole ("minimum wage" and "national living wage") share
    more than a word."""

    def kinds(words: Sequence[str], name: str) -> set[str] | None:
        heads = [k for k, w in enumerate(words) if _names_of_words(d, [w]) == {name}]
        if not heads:
            return None  # the thing is named by a phrase, not one word
        return {words[k - 1] for k in heads if k > 0 and words[k - 1][:1].isalpha() and words[k - 1] not in _NOT_KINDS}

    for name in shared:
        ka, kb = kinds(a, name), kinds(b, name)
        if ka is None or kb is None or not ka or not kb or ka & kb:
            return False
    return True


def _stated_by_subject(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A pair told in the body ("will go up from £12.21 to £12.71") against the one stated change of the
    headline or lead that is told of the same thing in other words and has been given to no change ("The
    minimum wage ... will rise by 4.6%"): the lead's figure is the size of the body's move. Only the same
    way and mood (a forecast pair against a forecast change), one holder, a percentage against a pair of
    amounts or counts or an amount against a pair of its kind; a rate's change ("at a yearly pace of") is
    left alone. Two stated changes of the lead that both fit are both read (the headline's and the lead's)."""
    changes = list(built.get("change", {}).values())
    used: set[int] = set()
    for rel in changes:
        used.update(i for _, i in rel.roles)
    lead = sorted(_lead_sentences(d))
    sents = d.view.doc.sentences
    headline = len(sents) > 1 and sents[0].paragraph != sents[1].paragraph
    for rel in changes:
        if rel.get("stated") is not None or rel.get("factor") is not None or rel.label("multiple"):
            continue
        ai, bi = rel.get("from"), rel.get("to")
        if ai is None or bi is None:
            continue
        a, b = d.facts[ai], d.facts[bi]
        if not same_family(a, b) or b.kind not in _PAIR_KINDS or a.value is None or b.value is None:
            continue
        if _times_other(d, bi) or _times_other(d, ai) or _age_group_subject(d, min(ai, bi)):
            continue  # a ratio ("12.6 times a salary"), an age group within the lead's whole
        way = _pair_way(d, ai, bi)
        si = b.sentence
        if any(t.fact >= 0 and d.facts[t.fact].kind == "percent" for t in d.m.tokens[si]):
            continue  # "shares have fallen 12%, reducing its value from £10.8bn to £9.5bn": a change of its own
        mood = _mood(d, rel)
        names = _names(d, bi)
        for s2 in lead:
            if s2 >= si:
                break
            for ci in _stated_moves(d, s2, used):
                c = d.facts[ci]
                if c.kind != "percent" and not same_family(c, b):
                    continue
                if _said_way(d, ci) != way or _rate_words(d, ci):
                    continue
                forecast = "forecast" in d.m.by_fact[ci].roles
                untensed = headline and s2 == 0  # "Water bills to rise 9%": a headline tells no tense
                if (
                    forecast != (mood == "forecast")
                    and not (forecast and d.m.frame(bi).period in _UNDATED)
                    and not untensed
                ):
                    continue  # "expects a 25% jump" is no change of the results told below ("will rise by
                    # £149" is the change of the bill the new cap "sets", told with no time of its own)
                if _own_base(d, ci, b):
                    continue  # "126,040 households ..., up 11.9% from 112,660": the change of its own levels
                own = _level_reached(d, ci)
                if own >= 0 and not d.facts[own].interval.overlaps(b.interval):
                    continue  # "sales rose 9% to 39.4bn": that level's change, not this pair's
                if b.kind != "money" and _a_rate(d, bi) != _a_rate(d, ci):
                    continue  # "sold 0.61 homes a week, compared with 0.55": a rate, against a total's change (a
                    # price "an hour" or "a week" is the price itself)
                if not _same_measure(d, ci, bi):
                    continue  # "like-for-like sales fell 2.9%" … "Total sales came to £412m, down from £421m"
                if _periods_differ(d, ci, bi):
                    continue  # "in the fourth quarter" against the whole year's pair
                if not _same_holder(d, ci, bi, names) or not _one_thing_told(d, ci, bi):
                    continue
                if _told_again_later(d, ci, rel):
                    continue  # "up 61% on pre-pandemic level" … "the backlog is 61 per cent higher": another base's
                labels = dict(rel.labels)
                labels["direction"] = way
                yield Relation(
                    "change",
                    rel.roles + (("stated", ci),),
                    rel.cues + (c.span,),
                    "document",
                    tuple(sorted(labels.items())),
                )


# --- a share whose part and whole are told in other sentences, each by words for one thing ---------------

# Sentences back a share's part and whole may be told: "Charities gave £21m" and "brought in £84m in research
# funding" a paragraph or two before "two-fifths of its research money comes from charities".
SHARE_BACK = 8
# How far apart the share told and the one the two figures make may be and still be read as one share
# mistold: a fraction word off by a step ("two-fifths" for a quarter); further apart, they are of other things.
SHARE_NEAR = Decimal(2)
# Kinds a part and whole told apart from their share may be.
_AMOUNT_KINDS = frozenset({"money", "count", "number"})
# Subjects that point at the figure of the sentence before: "That is about a third of the year group".
_POINTING_SUBJECTS = frozenset({"that", "this", "it", "which"})


# Words after "of" that point a part back to a whole told before ("1,000 of those patients").
_POINT_BACK = frozenset("those these them the".split())


def _region(d: _Doc, si: int, pos: int, own: bool = False) -> list[str]:
    """The words that tell what the figure at ``pos`` is of: from the figure or clause start before it to
    the figure or clause end after it ("Charities such as ... the Wellcome Trust gave £21m, industry £15m" →
    charities ... gave for £21m, industry for £15m); names left out. ``own``: without the words that point
    it back to its whole ("Ambulances brought in 1,000 of those patients" → ambulances brought in)."""
    toks = d.m.tokens[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    before = [k for k in range(lo, pos) if toks[k].fact >= 0]
    after = [k for k in range(pos + 1, hi) if toks[k].fact >= 0]
    lo = before[-1] + 1 if before else lo
    hi = after[0] if after else hi
    words = d.m.words[si]
    if own and words[pos + 1 : pos + 2] == ("of",) and pos + 2 < len(words) and words[pos + 2] in _POINT_BACK:
        hi = pos + 1
    return [d.m.words[si][k] for k in range(lo, hi) if k != pos and toks[k].fact < 0 and not _named(d, si, k)]


# Words a share's whole may run to after its "of" ("of the university's research money").
WHOLE_WORDS = 6
# Words that end a share's whole: adverbs and verbs of its clause ("... money now comes from charities").
_WHOLE_END = frozenset("now still already have has had is are was were be been comes come came go goes went".split())


def _ends_whole(d: _Doc, w: str) -> bool:
    """A word that ends the noun phrase of a share's whole: a stop, a verb, an adverb of time."""
    return w in CLAUSE_END or not w[:1].isalnum() or w in _WHOLE_END or d.verb_like(w) or w in d.v.clause_verbs


def _share_phrases(d: _Doc, si: int, pos: int) -> tuple[list[str], list[str]] | None:
    """The words of a share's whole ("two-fifths of the university's research money" → university's,
    research, money) and of its part (the rest of its clause: "now comes from charities"), or None when no
    "of" follows it or a figure stands in its whole (the whole told beside it, which other readers take)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if pos + 1 >= len(words) or words[pos + 1] != "of":
        return None
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    end = pos + 2
    while end < min(hi, pos + 2 + WHOLE_WORDS) and not _ends_whole(d, words[end]):
        if toks[end].fact >= 0:
            return None
        end += 1
    whole = list(words[pos + 2 : end])
    part = [
        words[k]
        for k in (*range(lo, d.hedge_start(si, pos)), *range(end, hi))
        if toks[k].fact < 0 and not _named(d, si, k)
    ]
    return whole, part


def _pointed_part(d: _Doc, si: int, pos: int) -> int:
    """The one amount of the sentence before when the share's clause opens on a pointing subject ("At the
    top end, 62 pupils gained a grade 9. That is about a third of the year group"), else -1."""
    lo = d.m.clause_start(si, pos)
    if si == 0 or d.m.words[si][lo] not in _POINTING_SUBJECTS:
        return -1
    found = [t.fact for t in d.m.tokens[si - 1] if t.fact >= 0 and d.facts[t.fact].kind in _AMOUNT_KINDS]
    return found[0] if len(found) == 1 else -1


def _parts_just_before(d: _Doc, built: Mapping[str, Mapping[object, Relation]], si: int, wi: int) -> list[int]:
    """The part read of whole ``wi`` (a ``part`` relation) when both stand in the sentence right before ``si``, in
    its paragraph, and it is that sentence's only such part; else []."""
    ws = d.pos_of(wi)[0]
    sents = d.view.doc.sentences
    if ws != si - 1 or sents[ws].paragraph != sents[si].paragraph:
        return []
    like = d.facts[wi]
    if any(t.fact >= 0 and same_family(d.facts[t.fact], like) for t in d.m.tokens[si]):
        return []  # "Research spending rose to $610m, a quarter of revenue": the share's own sentence tells its part
    if any(t.fact >= 0 and d.facts[t.fact].kind in FRAME_KINDS for t in d.m.tokens[ws]):
        return []  # "In 2022 it lost $290m on sales of $1.52bn": a part and whole of a time of their own
    found = {
        p
        for rel in built.get("part", {}).values()
        if rel.get("whole") == wi and (p := rel.get("part")) is not None and d.pos_of(p)[0] == ws
    }
    return list(found) if len(found) == 1 else []


def _shares_named_apart(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A share told with words for its whole and its part, each figure told sentences before by words for
    the same thing: "Charities ... gave £21m" and "brought in a record £84m in research funding" …
    "two-fifths of the university's research money now comes from charities"; "Overseas visitors accounted
    for 420,000" and "Visitor numbers reached 1.8 million" … "two in five of the people through our doors
    came from abroad". The whole is the largest earlier amount whose own words meet the share's whole
    (``_names_of_words``), the part the one earlier amount of its family, smaller, whose own words meet the
    rest of the share's clause and not its whole (or the one amount of the sentence before, after a pointing
    "That is"). Left alone: a share already tied, one with its whole beside it, older ends, forecasts, two
    parts of different values."""
    tied = {i for rel in built.get("share", {}).values() for r, i in rel.roles if r in ("share", "ratio")}
    for si, pos, sfi, s in d.figures(frozenset({"share"})):
        if sfi in tied or s.value is None or s.value <= 0:
            continue
        phrases = _share_phrases(d, si, pos)
        if phrases is None:
            continue
        whole_names = _names_of_words(d, phrases[0])
        part_names = _names_of_words(d, phrases[1]) - whole_names
        if not whole_names:
            continue
        wholes: list[int] = []
        parts: list[int] = []
        for s2 in range(max(0, si - SHARE_BACK), si):
            for t in d.m.tokens[s2]:
                fi = t.fact
                if fi < 0 or d.facts[fi].kind not in _AMOUNT_KINDS or d.facts[fi].value is None:
                    continue
                m = d.m.by_fact.get(fi)
                p2 = d.pos_of(fi)[1]
                if m is None or m.roles & {"forecast", "each"} or d.older_end(s2, p2):
                    continue
                named = _names_of_words(d, _region(d, s2, p2))
                if named & whole_names:
                    wholes.append(fi)
                if not part_names:
                    continue
                own = _names_of_words(d, _region(d, s2, p2, own=True))
                if own & part_names and not own & whole_names:
                    parts.append(fi)
        if not wholes:
            continue
        wi = max(wholes, key=lambda i: d.facts[i].value or 0)
        w = d.facts[wi]
        pointed = _pointed_part(d, si, pos)
        if pointed < 0 and not parts:
            # "Of the 412 members who voted, 198 backed the merger. A majority of members supported it.": the one
            # part of that whole read in the sentence right before (its own words need not meet the share's)
            parts = _parts_just_before(d, built, si, wi)
        cands = [pointed] if pointed >= 0 else parts
        cands = [
            p for p in cands if p != wi and same_family(d.facts[p], w) and (d.facts[p].value or 0) < (w.value or 0)
        ]
        if len({d.facts[p].value for p in cands}) != 1:
            continue
        told = Decimal(d.facts[cands[-1]].value or 0) / Decimal(w.value or 1)
        if not told or max(told, Decimal(s.value)) / min(told, Decimal(s.value)) > SHARE_NEAR:
            continue  # "240 of 6,300" against "one in 75": figures of two other things, not a slip
        yield Relation("share", (("part", cands[-1]), ("whole", wi), ("share", sfi)), (s.span,), "document")
