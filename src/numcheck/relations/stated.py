"""Stated changes far from their endpoints (second stage), and the subject names and concepts
that tie a figure to an earlier one ("Its profits ... a 30% rise" in the lead).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from numcheck.mentions import CLAUSE_END, Token, same_holder
from numcheck.model import Fact, Span
from numcheck.relations.base import (
    FRAME_KINDS,
    NAMES_REACH,
    NOT_NAMES,
    Relation,
    _change_nouns,
    _Doc,
    _lead_sentences,
    _plain_tokens,
    bare_ends,
    same_family,
    sized_figures,
)
from numcheck.relations.multiples import other_base
from numcheck.relations.referents import clause_subject
from numcheck.relations.referents import words as referent_words
from numcheck.vocab import singular

# Words that make a percentage a rate over its own period, not the change between two stated figures.
RATE_WORDS = frozenset("annualised annualized year-on-year rate".split())
# Phrases that compare a figure with a year before whatever the change beside it spans ("rents were 6.3%
# higher on the year"): matched on tokens.
RATE_PHRASES = (("on", "the", "year"), ("year", "on", "year"), ("on", "a", "year"), ("on", "an", "annual"))
# Words before a figure read for the verb or noun that names it ("earned $630m").
CONCEPT_BEFORE = 4
# Concepts that name no quantity of their own.
GENERIC = frozenset({"people"})
# Sentences back that a change's stated change may stand (besides the headline and the lead).
DISTANT_BACK = 3
# Tokens after a stated move read for the level it reached ("rose £7m to £170m").
LEVEL_REACH = 6
# Words between a word of ``level_after`` and the level it tells ("now hold 15", "leaving it with 1,200").
LEVEL_AFTER_REACH = 4


def _subject_concept(d: _Doc, fi: int) -> str:
    """What a figure is about, from its subject or the noun after it ("" when nothing names it)."""
    f = d.facts[fi]
    m = d.m.by_fact.get(fi)
    if f.subject:
        c = d.v.head_concept(f.subject)
        if c:
            return c
    if m is not None and m.noun:
        return d.v.head_concept(m.noun)
    return ""


def _stated_concept(d: _Doc, fi: int) -> str:
    """What a stated change is a change in: "a 60% drop in profits" → profit, "profits tripled" → profit."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    hit = d.v.direction.starting_at(words, pos + 1)
    if hit is None and d.facts[fi].kind == "multiple":
        hit = ("", pos + 1)  # "a doubling in profit": the multiple word is the move itself
    if hit is None and pos + 1 < len(words) and words[pos + 1] == "in":
        k = d.hedge_start(si, pos)
        if k >= 2 and words[k - 1] == "of" and d.v.direction.ending_at(words, k - 1) is not None:
            hit = ("", pos + 1)  # "a fall of 24% in annual profit": the move's noun is told before its size
    if hit and hit[1] < len(words) and words[hit[1]] in ("in", "of"):
        j = hit[1] + 1
        while j < len(words) and (
            words[j] in ("the", "its", "their", "annual", "quarterly", "net") or _time_token(d, si, j)
        ):
            if " ".join(words[j : j + 2]) in d.v.concepts:
                break  # "a halving in net income": the two words name the concept
            j += 1  # "a 60% jump in half-year profit": past the time figure too
        # "has almost doubled in five years, according to": a time and a stop after "in" name no thing
        if j < len(words) and d.m.tokens[si][j].fact < 0 and words[j][:1].isalpha():
            return d.v.head_concept(" ".join(words[j : j + 2]))
    # "Boeing said earnings during the last quarter dropped by 64%", "earnings ... halved": the thing
    # named before the figure (or its verb) in its clause.
    m = d.m.by_fact.get(fi)
    lo = d.m.clause_start(si, pos)
    toks = d.m.tokens[si]
    verb = pos
    if m is not None and m.direction_span is not None:
        verb = next((k for k in range(lo, pos) if toks[k].start >= m.direction_span.start), pos)
    known = [w for k, w in enumerate(words[lo:verb], start=lo) if toks[k].fact < 0 and w in d.v.concepts]
    if known:
        return d.v.concepts[known[0]]
    return _subject_concept(d, fi)


def _object_concept(d: _Doc, fi: int) -> str:
    """What a verb of change moves when it is told between the verb and the figure: "lifts profit 15% as its
    estate tops 280" → profit, "cut costs 10%" → cost; "" when the verb comes after the figure or nothing
    listed stands between."""
    si, pos = d.pos_of(fi)
    m = d.m.by_fact.get(fi)
    if m is None or m.direction_span is None or m.direction_span.start >= d.facts[fi].span.start:
        return ""
    toks, words = d.m.tokens[si], d.m.words[si]
    verb = next((k for k in range(pos) if toks[k].start >= m.direction_span.start), pos)
    for k in range(verb + 1, pos):
        if toks[k].fact >= 0 or words[k] in CLAUSE_END:
            return ""
        hit = d.v.concepts.get(words[k])
        if hit and hit not in GENERIC:
            return hit
    return ""


def _frame_concept(d: _Doc, fi: int) -> str:
    """What the figure's frame says it counts or changes ("2,800 cars were built", "the number of cars
    built fell 30%" → car), unless it is a word for people or figures in general."""
    concept = d.m.frame(fi).concept
    return concept if concept and concept not in d.v.generic and concept not in GENERIC else ""


def _age_group_subject(d: _Doc, fi: int) -> bool:
    """The clause before the figure names an age group ("the over-65 population", "under-18s",
    "people aged 16 to 24"): the figure counts a group within the whole, not the whole."""
    si, pos = d.pos_of(fi)
    toks = d.m.tokens[si]
    for k in range(d.m.clause_start(si, pos), pos):
        t = toks[k]
        if t.fact >= 0:
            if d.facts[t.fact].kind == "age" or d.bound_at(si, k):
                return True
        elif any(c.isdigit() for c in t.text):
            return True
    return False


def _time_token(d: _Doc, si: int, k: int) -> bool:
    fi = d.fact_at(si, k)
    return fi >= 0 and d.facts[fi].kind in FRAME_KINDS


# Tokens back from a percentage that the part it is the share of may stand ("spent £3.1m of its £4.5m
# budget by Friday, or 69%").
SHARE_OF_PART_REACH = 10


def _shares_of_parts(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> set[int]:
    """Percentages set after ", or" or a comma behind a part of a whole (or the whole) told just before them:
    that part's share, never a stated change of another figure."""
    parts = {i for rel in built.get("part", {}).values() for r, i in rel.roles if r in ("part", "whole")}
    if not parts:
        return set()
    out: set[int] = set()
    for si, pos, fi, _ in d.figures(frozenset({"percent"})):
        words, toks = d.m.words[si], d.m.tokens[si]
        k = d.hedge_start(si, pos)
        if k == 0 or words[k - 1] not in ("or", ","):
            continue
        if any(toks[j].fact in parts for j in range(max(0, k - SHARE_OF_PART_REACH), k)):
            out.add(fi)
    return out


def _distant_stated(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change whose stated change or multiple is in an earlier sentence of the same thing:
    "Profits fell 43%." … "Net income fell to 537m euros, from 798m euros a year ago."."""
    changes = list(built.get("change", {}).values())
    used: set[int] = set()
    for rel in changes:
        used.update(i for _, i in rel.roles)
    used |= _shares_of_parts(d, built)
    converted = {i for rel in built.get("conversion", {}).values() for r, i in rel.roles if r == "conversion"}
    for rel in changes:
        if (
            (rel.evidence != "clause" and not rel.label("apart"))
            or rel.label("apart") == "within"  # two times of one sentence: sized by the next sentence only
            or rel.get("stated") is not None
            or rel.get("factor") is not None
        ):
            continue
        if rel.label("multiple"):
            continue  # "12 million, double the 8 million": a change told with its own multiple word
        ai, bi = rel.get("from"), rel.get("to")
        if ai is None or bi is None:
            continue
        if bi in converted and not d.facts[ai].unit:
            continue  # "77m euros ($100m), up from 38m": the bare older end is in euros, not the bracket's dollars
        if _a_rate(d, bi):
            continue  # "sold an average of 0.61 homes a week, compared with 0.55": no total's stated change
        if _times_other(d, bi) or _times_other(d, ai):
            continue  # "costs 8.3 times average earnings, compared with four times": a ratio, not the price
        if _age_group_subject(d, min(ai, bi)):
            continue  # "the over-65 population rose from 67,700 to 88,300": a group within the lead's whole
        bm = d.m.by_fact.get(bi)
        if bm is not None and "remainder" in bm.roles:
            continue  # "took the remaining two seats, down from three": a rest of holders, not the moved one
        concept = (
            _listed(d, _subject_concept(d, bi))
            or _clause_concept(d, bi)
            or _subject_concept(d, bi)
            or _subject_concept(d, ai)
            or _concept_before(d, bi)
            or _frame_concept(d, bi)
            # "Capital spending is planned at £620m this year and £700m in 2026, against £480m": the thing
            # named at the head of a list of its figures
            or _stated_concept(d, bi)
        )
        # The frame's head of what the newer end counts ("Its charges ... will rise to £460" → charge) is
        # asked too: the older readers take the fact's subject, which may be another noun.
        concepts = frozenset({concept, _frame_concept(d, bi)} - {""})
        if not concepts:
            unnamed = _unnamed_stated(d, rel, used)
            if unnamed is not None:
                used.update(i for _, i in unnamed.roles)
                yield unnamed
            continue
        si = d.facts[bi].sentence
        if any(
            _definite_move(d, s2, used) is not None for s2 in range(si + 1, min(len(d.m.tokens), si + 1 + TOLD_AFTER))
        ):
            continue  # "... compared with £1.40 last October. That 10% rise ...": its size is told after it
        back = sorted({x for x in (0, 1, *range(si - DISTANT_BACK, si)) if 0 <= x < si}, reverse=True)
        names = _names(d, bi)
        mood = _mood(d, rel)
        for s2 in back:
            found = _stated_in(d, s2, concepts, used, d.facts[bi], names, bi, mood)
            if found is None:
                word = next(filter(None, (_multiple_word_in(d, s2, c) for c in sorted(concepts))), None)
                if word is not None and _other_holder_named(d, s2, word[1], bi):
                    word = None  # "... as Greens triple council group" against the Conservatives' 25 to 14
                if word is not None and d.facts[bi].kind != "percent":
                    labels = dict(rel.labels)
                    labels["multiple"] = word[0]
                    labels["direction"] = "up" if d.v.multiples[word[0]] > 1 else "down"
                    cues = rel.cues + (word[1],)
                    yield Relation("change", rel.roles, cues, "document", tuple(sorted(labels.items())))
                    break
                continue
            ci, role, label = found
            if s2 < si and _told_again_later(d, ci, rel):
                break  # "... up 61% on pre-pandemic level" … "the backlog is 61 per cent higher": another base's
            if not _same_measure(d, ci, bi):
                break  # "like-for-like sales fell 3.8%" … "Total sales came to £318m, down from £327m"
            if _periods_differ(d, ci, bi):
                break  # "profits fell 27% in the last quarter" is not the whole year's change
            used.add(ci)  # one stated change for one change: the first told after it
            roles = rel.roles + ((role, ci),)
            labels = dict(rel.labels)
            labels.update(label)
            yield Relation("change", roles, rel.cues + (d.facts[ci].span,), "document", tuple(sorted(labels.items())))
            break
        else:
            told = _lead_stated_for(d, rel, concepts, used, mood)
            li = told.get("stated") if told is not None else None
            if told is not None and not (li is not None and _told_again_later(d, li, rel)):
                used.update(i for _, i in told.roles)
                yield told


def _amount_sized_ends(d: _Doc, rel: Relation) -> tuple[int, int] | None:
    """(from, to) of a change sized only by an amount in its ends' currency ("has cost £12m, £3.4m more
    than the £8.6m budget"): a rate told after it as known ("That is an overrun of about 40%") still sizes
    it."""
    ai, bi, ci = rel.get("from"), rel.get("to"), rel.get("stated")
    if ai is None or bi is None or ci is None or rel.get("factor") is not None:
        return None
    c, b = d.facts[ci], d.facts[bi]
    if c.kind != "money" or b.kind != "money" or c.unit != b.unit:
        return None
    return ai, bi


def _change_told_after(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change told with its two ends and no stated change, then in the next sentence as known by a
    change noun with its size: "rose to 5.1% ..., from 4.8% in the previous quarter. The jump of 0.3% was
    the biggest since ..."; "The fall of 6.7% was one of the steepest"; "This 12% rise". The noun must
    open a definite phrase ("the", "this", "that") and its sentence name no other figure of the family
    before it."""
    changes = list(built.get("change", {}).values())
    used = sized_figures(changes)
    for rel in changes:
        ends = bare_ends(rel) or _amount_sized_ends(d, rel)
        if ends is None:
            continue
        ai, bi = ends
        si = max(d.facts[ai].sentence, d.facts[bi].sentence)
        s2 = si
        found = _definite_move_after(
            d,
            si,
            max(
                d.pos_of(ai)[1] if d.facts[ai].sentence == si else -1,
                d.pos_of(bi)[1] if d.facts[bi].sentence == si else -1,
            ),
            used,
        )
        for s2 in range(si + 1, min(len(d.m.tokens), si + 1 + TOLD_AFTER_QUIET)) if found is None else ():
            if s2 >= si + 1 + TOLD_AFTER and not _quiet_between(d, si, s2, d.facts[bi].kind):
                break
            found = _definite_move(d, s2, used)
            if found is not None:
                break
        if found is None:
            concept = d.m.frame(bi).concept
            for s2 in range(si + 1, min(len(d.m.tokens), si + 1 + NAMED_AFTER)) if concept else ():
                found = _named_move(d, s2, used, concept)
                if found is not None:
                    break
        if found is None:
            continue
        ci, direction, cue, pointing = found
        if any(_changes_ending_in(changes, d, s3) for s3 in range(si + 1, s2 + 1)):
            continue  # "Costs rose to £2.69bn from £2.48bn. The fare was £71.40, against £63.90. The increase, of ...":
            # the move told as known is the nearer change's
        if d.facts[ci].kind == "share" and any(
            t.fact >= 0 and _moved_figure(d, t.fact) for s3 in range(si + 1, s2) for t in d.m.tokens[s3]
        ):
            continue  # "... They fell from 1,240 to 930. ... that reduction of a third": a fraction word sizes any change
        if pointing and (s2 != si + 1 or _changes_ending_in(changes, d, si) != 1):
            continue  # "That is a 29% rise" stands for the one change of the sentence just before
        c, b = d.facts[ci], d.facts[bi]
        if any(
            fi not in (ai, bi, ci) and d.facts[fi].kind == c.kind and d.facts[fi].value == c.value
            for s3 in range(si, s2)
            for fi in (t.fact for t in d.m.tokens[s3])
            if fi >= 0
        ):
            continue  # "..., and passenger numbers fell 3%. The fall of 3% ...": it tells that figure again
        if c.kind == "money":
            # "charged £1,965.83, up from £1,872.40. The £83.43 increase": an amount in the ends' currency.
            if b.kind != "money" or c.unit != b.unit or rel.get("stated") is not None:
                continue
        elif c.kind not in ("percent", "points", "share") or b.kind != "percent" and c.kind == "points":
            continue  # a size in per cent, in points, or as a fraction word ("that reduction of a third")
        if pointing and any(t.fact not in (-1, ai, bi) and d.facts[t.fact].kind == c.kind for t in d.m.tokens[si]):
            continue  # "rose from 612 to 857, or 40%, ... That is": another figure of its kind it may stand for
        if not pointing and not _fits(d, ai, bi, ci) and _other_pair_fits(d, ai, bi, ci):
            # "the rise of 3.2 points in the headline measure": two other rates told before fit it. "That is a
            # 29% rise" stands for the one change of the sentence just before, whatever other pairs fit.
            continue
        labels = dict(rel.labels)
        labels["direction"] = direction
        used.add(ci)
        roles = tuple(role for role in rel.roles if role[0] != "stated") + (("stated", ci),)
        yield Relation("change", roles, rel.cues + (cue,), "document", tuple(sorted(labels.items())))


# Tokens after a move noun that a size of its own may stand in ("the fall, of about 9%").
SIZE_AFTER_NOUN = 4


def _change_noun_after(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change told by its two ends and no way ("welcomed 1.84 million people in 2023 ... In 2022 it had
    2.02 million"), then pointed back at by a definite move noun with no figure in the next sentence ("The
    director blamed the rise on the closures"): the noun's way against the ends'. Only the one such change
    ending in the sentence just before; a noun with "in" or "of" after it names what moved and must name
    the ends' concept."""
    ways, determiners = _change_nouns()
    changes = [rel for rel in built.get("change", {}).values() if bare_ends(rel) and not rel.label("direction")]
    if not changes:
        return
    ending: dict[int, list[Relation]] = {}
    for rel in changes:
        ai, bi = bare_ends(rel) or (-1, -1)
        ending.setdefault(max(d.facts[ai].sentence, d.facts[bi].sentence), []).append(rel)
    for si in range(1, len(d.m.words)):
        if si - 1 not in ending or len(ending[si - 1]) != 1:
            continue
        toks = d.m.tokens[si] or _plain_tokens(d, si)  # (a sentence with no figure has no tokens of its own)
        words = d.m.words[si] if d.m.tokens[si] else tuple(t.text for t in toks)
        rel = ending[si - 1][0]
        ai, bi = bare_ends(rel) or (-1, -1)
        for k in range(1, len(words)):
            way = ways.get(words[k])
            if way is None or words[k - 1] not in determiners:
                continue
            if any(t.fact >= 0 for t in toks[k + 1 : k + 1 + SIZE_AFTER_NOUN]):
                break  # "the rise of 3%", "The fall, of 9%,": a size of its own, read by the change readers
            if k + 2 < len(words) and words[k + 1] in ("in", "of"):
                j = k + 3 if words[k + 2] == "the" and k + 3 < len(words) else k + 2
                if d.v.concept(words[j]) != d.m.frame(bi).concept:
                    break  # "the rise in prices": another thing moved
            cue = Span(toks[k - 1].start, toks[k].end)
            yield Relation("change", rel.roles, (*rel.cues, cue), "document", (("direction", way),))
            break


# Sentences after a change that may tell it again as known ("The fall of 6.7% was ...").
TOLD_AFTER = 2
# ... and how far when no figure of the ends' kind is told between ("The rate fell to 4.1%, from 4.3%. ...
# two sentences of counts ... The fall of 0.2% was larger than expected").
TOLD_AFTER_QUIET = 5


def _quiet_between(d: _Doc, si: int, s2: int, kind: str) -> bool:
    """No figure of ``kind`` (the change's ends' kind, a percentage) nor a stated size of one told in the
    sentences after ``si`` up to ``s2``: the change of sentence ``si`` is still the last one told of that
    kind. Only for percentages: amounts of one family fill whole paragraphs."""
    if kind != "percent":
        return False
    return not any(
        t.fact >= 0 and d.facts[t.fact].kind in ("percent", "points")
        for s3 in range(si + 1, s2)
        for t in d.m.tokens[s3]
    )


def _moved_figure(d: _Doc, fi: int) -> bool:
    """A direction word governs the figure: another change is told ("Cancellations fell from 1,240 ...")."""
    m = d.m.by_fact.get(fi)
    return m is not None and bool(m.direction)


# Figures of the ends' kind told before a change told as known (the last ones) whose pairs may be the
# change it tells instead.
RIVAL_FIGURES = 24
# How near (in points) a told size must be to the ends' difference to fit them.
FIT_SLACK = Decimal("0.1")


def _other_pair_fits(d: _Doc, ai: int, bi: int, ci: int) -> bool:
    """The size ``ci`` told before as itself, or two figures of the ends' kind told before it (other than
    the ends) whose change ``ci`` fits: the size may be theirs ("67.0% ... That compares with 63.8% last year. ... Top
    grades rose to 22.0% from 20.6%. ... the rise of 3.2 points in the headline measure")."""
    si = d.facts[ci].sentence
    c = d.facts[ci]
    kind = d.facts[bi].kind
    if any(s < si and f.value == c.value and f.kind == c.kind for s, _, _, f in d.figures(frozenset({c.kind}))):
        return True  # "Bills to rise by £149" ... "the £149 increase": the size told before, as itself
    others = [fi for s, _, fi, f in d.figures(frozenset({kind})) if s <= si and fi not in (ai, bi, ci)][-RIVAL_FIGURES:]
    return any(_fits(d, x, y, ci) for n, x in enumerate(others) for y in others[n + 1 :])


def _fits(d: _Doc, ai: int, bi: int, ci: int) -> bool:
    """The size ``ci`` is the change from ``ai`` to ``bi`` read as points or as per cent, to a tenth."""
    a, b, c = d.facts[ai].value, d.facts[bi].value, d.facts[ci].value
    if a is None or b is None or c is None:
        return False
    if abs(abs(b - a) - c) <= FIT_SLACK:
        return True
    if d.facts[ci].kind == "money":
        return False  # "the increase, of more than £8": an amount is no per cent of two other amounts
    return a != 0 and abs(abs(b - a) / a * 100 - c) <= FIT_SLACK * 5


# Sentences after a change that a definite move naming its thing may stand ("the jump in revenue, an
# increase of 143%"): the noun names what changed, so other figures between do not stand in the way.
NAMED_AFTER = 6
# Tokens after the thing's noun that the move's size may stand (", an increase of 143%").
NAMED_SIZE_REACH = 6


def _named_move(d: _Doc, si: int, used: set[int], concept: str) -> tuple[int, str, Span, bool] | None:
    """ "the jump in revenue, an increase of 143%", "the rise in sales of 12%": a definite move that names
    the thing that moved (``concept``) and its size in per cent right after, no other figure between."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k, w in enumerate(words):
        if w not in _DEFINITE:
            continue
        hit = d.v.direction.starting_at(words, k + 1)
        if hit is None or hit[1] + 1 >= len(words) or words[hit[1]] != "in":
            continue
        noun = hit[1] + 1
        if d.v.concept(words[noun]) != concept:
            continue
        for j in range(noun + 1, min(len(words), noun + 1 + NAMED_SIZE_REACH)):
            ci = toks[j].fact
            if ci < 0:
                continue
            if ci in used or d.facts[ci].kind != "percent":
                return None
            return ci, hit[0], d.span(si, k, noun + 1), False
    return None


# Words that make a change noun's phrase definite: it tells a change already told.
_DEFINITE = frozenset({"the", "this", "that"})


def _definite_move(d: _Doc, si: int, used: set[int]) -> tuple[int, str, Span, bool] | None:
    """The first figure of sentence ``si`` told as a definite change with its size: "The jump of 0.3%",
    "This rise of 6%", "The 0.3% jump" → (figure, direction, cue), when it is the sentence's first
    figure; last, whether a demonstrative and a link told it ("That is a 29% increase",
    ``_demonstrative_move``)."""
    toks, words = d.m.tokens[si], d.m.words[si]
    for pos, tok in enumerate(toks):
        ci = tok.fact
        if ci < 0:
            continue
        if ci in used or d.facts[ci].kind in FRAME_KINDS:
            return None
        k = d.hedge_start(si, pos)
        if k >= 3 and words[k - 1] == "of":
            # "The jump of 0.3%"; "the increase, of more than £8 a ticket," set off by a comma
            hit = d.v.direction.ending_at(words, k - 1 - (words[k - 2] == ","))
            if hit is not None and hit[1] >= 1 and words[hit[1] - 1] in _DEFINITE:
                return ci, hit[0], d.span(si, hit[1] - 1, k), False
        if k >= 1 and words[k - 1] in _DEFINITE:
            after = d.v.direction.starting_at(words, pos + 1)
            if after is not None:
                return ci, after[0], d.span(si, k - 1, after[1]), False
        then = _than_then(d, si, pos, k)
        if then is not None:
            return then
        told = _subject_move(d, si, pos, k)
        if told is not None:
            return told
        return _demonstrative_move(d, si, pos, k)
    return None


# Nouns of a level that "the" before them makes the level just told ("The rate climbed by 0.6%").
_LEVEL_NOUNS = frozenset({"rate", "level", "share", "proportion", "percentage", "figure", "number", "total"})
# Words a move told as known may end on: its clause closes after its size ("The rate rose by 0.6%, the ONS said").
_SIZE_CLOSES = frozenset({",", ".", ";"})


def _subject_move(d: _Doc, si: int, pos: int, k: int) -> tuple[int, str, Span, bool] | None:
    """ "The rate climbed by 0.6%, the ONS said", "It rose 0.6%.": the sentence opens on a subject that
    stands for the level just told ("it", "the rate", "the figure", or "the" and the level's own noun), then a
    verb of moving and its size in per cent or points and nothing after but the clause's end: the change of
    the sentence before told as known (a pointing move)."""
    words = d.m.words[si]
    if d.facts[d.m.tokens[si][pos].fact].kind not in ("percent", "points"):
        return None
    if pos + 1 < len(words) and words[pos + 1] not in _SIZE_CLOSES:
        return None  # "rose 0.6% to 4.8%": a change of its own
    end = k - 1 if k >= 1 and words[k - 1] == "by" else k
    hit = d.v.direction.ending_at(words, end)
    if hit is None or not _points_back(words, hit[1]):
        return None
    return d.m.tokens[si][pos].fact, hit[0], d.span(si, 0, k), True


def _points_back(words: Sequence[str], verb: int) -> bool:
    """The words before token ``verb`` are a subject standing for the level just told: "It", "The rate",
    "This figure", "The jobless rate"."""
    if verb == 1:
        return words[0] == "it"
    return 2 <= verb <= 3 and words[0] in _DEFINITE and words[verb - 1] in _LEVEL_NOUNS


def _than_then(d: _Doc, si: int, pos: int, k: int) -> tuple[int, str, Span, bool] | None:
    """ "Performance is therefore 6% lower than a year ago", "Crowds were 20% up on last season": a
    percentage the sentence's first figure, after a link verb, with a comparative and a time counted back
    and nothing else after: the change between the levels of now and then told just before, with its size
    (a pointing move: it stands for the one change of the sentence before)."""
    words = d.m.words[si]
    if d.facts[d.m.tokens[si][pos].fact].kind not in ("percent", "points") or k < 1:
        return None
    if words[k - 1] not in _THEN_LINKS and not (k >= 2 and words[k - 2] in _THEN_LINKS and words[k - 1].endswith("ly")):
        return None  # "is 6% lower", "are now 6% lower", "was therefore"
    after = d.v.direction.starting_at(words, pos + 1)
    if after is None or after[1] >= len(words) or words[after[1]] not in ("than", "on"):
        return None
    j = after[1] + 1
    if j < len(words) and words[j] in d.v.older_adjectives:
        j += 1  # "than the previous year"
    t = d.fact_at(si, j)
    back = d.facts[t].value if t >= 0 and d.facts[t].kind == "relative" else None
    if back is None or back >= 0:
        return None
    if j + 1 < len(words) and words[j + 1] not in (".", ",", ";"):
        return None
    return d.m.tokens[si][pos].fact, after[0], d.span(si, k, after[1]), True


# Link verbs before a change told against a time counted back ("is 6% lower than a year ago").
_THEN_LINKS = frozenset("is are was were therefore now still".split())


# Words that join a clause telling the move as known to the clause of its older end: "The rate was 4.8% a
# year earlier, and the rise of 0.3% was larger than forecast".
_JOINS = frozenset({"and", "but", ";"})


def _definite_move_after(d: _Doc, si: int, pos: int, used: set[int]) -> tuple[int, str, Span, bool] | None:
    """The first figure after token ``pos`` (the change's later-told end) in its sentence, told as a
    definite change with its size in a clause joined to the end's (``_JOINS``): "The rate was 4.8% in the
    previous quarter, and the increase of 0.3% surprised economists"; else None."""
    toks, words = d.m.tokens[si], d.m.words[si]
    joined = False
    for k in range(pos + 1, len(toks)):
        if words[k] in _JOINS:
            joined = True
        ci = toks[k].fact
        if ci < 0 or d.facts[ci].kind in FRAME_KINDS or d.facts[ci].kind == "duration":
            continue
        if not joined or ci in used:
            return None
        h = d.hedge_start(si, k)
        if h >= 3 and words[h - 1] == "of":
            hit = d.v.direction.ending_at(words, h - 1)
            end = k + 1
            if end + 1 < len(words) and words[end] in ("in", "of") and not _time_from(d, si, end + 1):
                return None  # "and the rise of 2.1% in the claimant count": a change of another thing
            if hit is not None and hit[1] >= 1 and words[hit[1] - 1] in _DEFINITE:
                return ci, hit[0], d.span(si, hit[1] - 1, h), False
        return None
    return None


# Words after a change noun that set the change against a base of its own ("a 29% rise on 2019", "an
# increase of 12% since the merger"): not the change of the sentence before.
_OWN_BASE = frozenset("on since from against compared than over relative versus vs".split())


def _demonstrative_move(d: _Doc, si: int, pos: int, k: int) -> tuple[int, str, Span, bool] | None:
    """ "That is a 29% increase", "This represents a fall of 18%", "That's a rise of 12%": a
    demonstrative subject and a link verb (``referents`` ``[referents] share_links``, one reader of "That
    is ...") before an indefinite change noun with its size, the figure at token ``pos`` (its hedge from
    ``k``): the change the sentence before told, with its size. Not when the noun names a base of its own
    ("a 29% rise on 2019")."""
    words = d.m.words[si]
    after = d.v.direction.starting_at(words, pos + 1)
    if after is not None and k >= 1 and words[k - 1] in ("a", "an"):
        art, end = k - 1, after[1]  # "a 29% increase"
    else:
        hit = d.v.direction.ending_at(words, k - 1) if k >= 3 and words[k - 1] == "of" else None
        if hit is None or hit[1] < 1 or words[hit[1] - 1] not in ("a", "an"):
            return None
        after, art, end = hit, hit[1] - 1, pos + 1  # "an increase of 29%"
    if d.v.direction.starting_at(words, end) is not None or (end < len(words) and words[end] in _OWN_BASE):
        return None
    if end + 1 < len(words) and words[end] in ("in", "of") and not _time_from(d, si, end + 1):
        return None  # "a 3% increase in its market share": a change in another thing
    if not _demonstrative_link(d, si, art):
        return None
    return d.m.tokens[si][pos].fact, after[0], d.span(si, 0, end), True


def _time_from(d: _Doc, si: int, k: int) -> bool:
    """A time figure (a date, a year, a span) is told at token ``k``: "in a year", "in 2024"."""
    fi = d.fact_at(si, k)
    return fi >= 0 and (d.facts[fi].kind in FRAME_KINDS or d.facts[fi].kind == "duration")


def _demonstrative_link(d: _Doc, si: int, art: int) -> bool:
    """The words before token ``art`` are a demonstrative subject opening the sentence and a link verb
    ("That is", "This represents", "That figure amounts to") or a contracted one ("That's")."""
    w = referent_words()
    words = d.m.words[si]
    link = w.share_links.ending_at(words, art)
    if link is not None:
        return clause_subject(d, si, link[1]) == 0
    return art == 1 and words[0] in w.contracted


def _changes_ending_in(changes: Sequence[Relation], d: _Doc, si: int) -> int:
    """How many changes have their later-told end in sentence ``si``."""
    n = 0
    for rel in changes:
        ai, bi = rel.get("from"), rel.get("to")
        if ai is not None and bi is not None and max(d.facts[ai].sentence, d.facts[bi].sentence) == si:
            n += 1
    return n


def _told_again_later(d: _Doc, li: int, rel: Relation) -> bool:
    """The lead's stated change ``li`` is told again later in the story, by a rate it rounds with a direction
    word of its own, that is no part of ``rel``: "Wet winter cuts wheat harvest by 11%" … "The wheat harvest
    fell by 11.4% ..." (the barley's move told after it is not what the 11% sizes); "... up 61% on
    pre-pandemic level" … "the backlog is 61 per cent higher" than before the pandemic."""
    lf = d.facts[li]
    if lf.value is None:
        return False
    own = {i for _, i in rel.roles}
    for fj in range(li + 1, len(d.facts)):
        g, m = d.facts[fj], d.m.by_fact.get(fj)
        if (
            fj not in own
            and m is not None
            and m.direction
            and g.kind == lf.kind
            and g.value is not None
            and g.sentence > lf.sentence
            and lf.interval.contains(g.value)
        ):
            return True
    return False


def _lead_stated_again(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change told in the body with its ends and its own stated change, against the stated change the
    headline or the lead gives the same thing: "Revenues at Calder Media slipped 11% in 2024." …
    "revenues slipped 11% from £3.2bn in 2023 to £2.85bn in 2024". The lead's figure must fit the ends
    too, and its word must go their way."""
    lead = _lead_sentences(d)
    changes = list(built.get("change", {}).values())
    used = sized_figures(changes)
    for rel in changes:
        ai, bi, ci = rel.get("from"), rel.get("to"), rel.get("stated")
        if rel.evidence != "clause" or ai is None or bi is None or ci is None or d.facts[ci].kind != "percent":
            continue
        si = d.facts[ci].sentence
        concept = _change_concepts(d, ci, bi)
        if not concept:
            continue
        names = _names(d, bi)
        found = [
            li
            for s2 in sorted(lead)
            if s2 < si
            for li in (tok.fact for tok in d.m.tokens[s2])
            if li >= 0 and li not in used and _told_again(d, li, ci, bi, concept, names)
        ]
        if len(found) != 1:
            continue  # nothing in the lead, or two changes it might be
        li = found[0]
        if _told_again_later(d, li, rel) and not d.facts[li].interval.contains(d.facts[ci].value or Decimal(-1)):
            continue  # the lead's rate is another change's, told again after it
        if _months_named(d, li) and _months_named(d, ci) and _months_named(d, li) != _months_named(d, ci):
            continue  # "a 14% rise in quarterly profit" is no change of the nine months' net income
        labels = dict(rel.labels)
        labels["direction"] = _said_way(d, li)
        roles = (("from", ai), ("to", bi), ("stated", li))
        yield Relation("change", roles, rel.cues + (d.facts[li].span,), "document", tuple(sorted(labels.items())))


def _change_concepts(d: _Doc, ci: int, bi: int) -> frozenset[str]:
    """What a stated change (of the change to ``bi``) may be a change in, read every way the readers have:
    the words around the figure, its frame's head, and the newer end's subject ("upbeat on growth even
    though its sales dipped 4%" is a change in sales)."""
    out = {_stated_concept(d, ci), _frame_concept(d, ci), _listed(d, _subject_concept(d, bi)), _clause_concept(d, bi)}
    m = d.m.by_fact.get(ci)
    if m is not None and m.direction_span is not None:
        # The listed concept nearest before the verb: "upbeat on growth even though its sales dipped 4%".
        si, pos = d.pos_of(ci)
        toks, words = d.m.tokens[si], d.m.words[si]
        verb = next((k for k in range(pos) if toks[k].start >= m.direction_span.start), pos)
        lo = max(d.m.clause_start(si, pos), verb - CONCEPT_BEFORE)
        near = [d.v.concepts[w] for w in words[lo:verb] if w in d.v.concepts]
        if near:
            out.add(near[-1])
    return frozenset(out - {""})


def _told_again(d: _Doc, li: int, ci: int, bi: int, concept: frozenset[str], names: frozenset[str]) -> bool:
    """The lead's figure ``li`` states a change of what the body's stated change ``ci`` (of the change to
    ``bi``) does: a percentage with a direction word, of the same concept, holder, measure, period and mood."""
    lf, lm, cm = d.facts[li], d.m.by_fact.get(li), d.m.by_fact.get(ci)
    if lf.kind != "percent" or lf.is_range or lf.value is None or lm is None or cm is None or not _said_way(d, li):
        return False
    if ("forecast" in lm.roles) != ("forecast" in cm.roles):
        return False
    if not {_stated_concept(d, li), _frame_concept(d, li)} & concept:
        return False
    if not _same_holder(d, li, bi, names) or _rate_words(d, li) != _rate_words(d, ci) or _periods_differ(d, li, ci):
        return False
    years = {y for y in (d.m.frame(li).period, _year_reached(d, bi)) if y[:1].isdigit()}
    return len(years) <= 1 and _same_measure(d, li, ci)


def _said_way(d: _Doc, fi: int) -> str:
    """The way a stated change's word goes: its mention's direction, or a direction noun right after it
    ("a 48% rise")."""
    m = d.m.by_fact.get(fi)
    if m is not None and m.direction:
        return m.direction
    si, pos = d.pos_of(fi)
    after = d.v.direction.starting_at(d.m.words[si], pos + 1)
    return after[0] if after else ""


def _year_reached(d: _Doc, bi: int) -> str:
    """The year of a change's newer end: the year right after it ("to £2.85bn in 2024"), else its frame's."""
    si, pos = d.pos_of(bi)
    words = d.m.words[si]
    if pos + 2 < len(words) and words[pos + 1] in ("in", "for", "during"):
        yi = d.fact_at(si, pos + 2)
        if yi >= 0 and d.facts[yi].kind == "year":
            return d.facts[yi].text
    return d.m.frame(bi).period


def _same_measure(d: _Doc, a: int, b: int) -> bool:
    """ "profits" and "net profits" may be one measure; "pre-tax profits" and "net profits" are two: the
    measure words of the two figures' clauses."""
    mods = []
    for fi in (a, b):
        si, pos = d.pos_of(fi)
        clause = d.m.words[si][d.m.clause_start(si, pos) : d.m.clause_end(si, pos)]
        mods.append(frozenset(clause) & d.v.measure_modifiers)
    if (mods[0] ^ mods[1]) & d.v.narrow_measures:
        return False  # "like-for-like sales fell 3.8%" is no change of "Total sales ... £318m, down from £327m"
    if _per_unit(d, a) != _per_unit(d, b):
        return False  # "Emissions fell 3.6%" is no change of "Per head, emissions were 5.4 tonnes, against 14.2"
    return not (mods[0] and mods[1] and mods[0] != mods[1])


def _per_unit(d: _Doc, fi: int) -> bool:
    """The figure is told for each one of a unit ("5.4 tonnes per person", "Per head of population, emissions
    were about 5.4 tonnes"): "per" and a noun of ``per_unit_nouns`` in its clause or opening its sentence."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    spans = (range(d.m.clause_start(si, pos), d.m.clause_end(si, pos)), range(min(2, len(words))))
    units = d.v.per_unit_nouns
    return any(words[k] == "per" and k + 1 < len(words) and singular(words[k + 1]) in units for r in spans for k in r)


def _mood(d: _Doc, rel: Relation) -> str:
    """ "forecast" when either end of a change is told as a plan or forecast ("said its workforce would
    fall from 18,500 to 15,000"), else ""."""
    ends = (i for r, i in rel.roles if r in ("from", "to"))
    return "forecast" if any(d.m.frame(i).mood == "forecast" for i in ends) else ""


def _period(d: _Doc, fi: int) -> str:
    """ "part" when the figure's clause names a part of a year ("in the last quarter"), "whole" when it
    names the whole year ("for the whole of 2004", "full-year"), else ""."""
    si, pos = d.pos_of(fi)
    clause: set[str] = set()
    for tok in d.m.tokens[si][d.m.clause_start(si, pos) : d.m.clause_end(si, pos)]:
        if tok.fact < 0:
            clause.add(tok.text)
        elif tok.fact != fi and d.facts[tok.fact].kind in FRAME_KINDS:
            clause.update(d.facts[tok.fact].text.lower().split())  # "in the last quarter", "the whole year"
    part, whole = bool(clause & d.v.part_periods), bool(clause & d.v.whole_periods)
    return "part" if part and not whole else "whole" if whole and not part else ""


# Words of a figure's clause that name how many months it covers.
_MONTH_WORDS = {
    "quarter": 3,
    "quarterly": 3,
    "half": 6,
    "half-year": 6,
    "half-yearly": 6,
    "annual": 12,
    "full-year": 12,
    "yearly": 12,
}


def _months_named(d: _Doc, fi: int) -> int:
    """How many months the figure's clause says it covers ("quarterly profit" 3, "over the first nine months"
    9, "full-year" 12), else 0."""
    si, pos = d.pos_of(fi)
    toks = d.m.tokens[si]
    for tok in toks[d.m.clause_start(si, pos) : d.m.clause_end(si, pos)]:
        if tok.fact >= 0 and tok.fact != fi:
            f = d.facts[tok.fact]
            if f.kind == "duration" and f.unit == "month" and f.value is not None:
                return int(f.value)
        elif tok.text in _MONTH_WORDS:
            return _MONTH_WORDS[tok.text]
    return 0


def _periods_differ(d: _Doc, a: int, b: int) -> bool:
    pa, pb = _period(d, a), _period(d, b)
    return bool(pa and pb and pa != pb)


def _listed(d: _Doc, concept: str) -> str:
    """``concept`` when the vocabulary lists it (profit, revenue), else "" (a head noun read from a time
    phrase, "december", names nothing)."""
    return concept if concept and concept in d.v.concept_names and concept not in GENERIC else ""


def _clause_concept(d: _Doc, fi: int) -> str:
    """ "Net profit for the six months to June came to 5.1bn yen": the listed concept nearest before
    the figure in its clause (two-word phrases first: "net income")."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    toks = d.m.tokens[si]
    # Back from the figure to the nearest listed concept; a figure other than a time ends the search
    # ("income by 4.1% ... and borrowings came down to £215m" names borrowings, not income).
    for k in range(pos - 1, max(d.m.clause_start(si, pos), pos - NAMES_REACH) - 1, -1):
        if toks[k].fact >= 0:
            if d.facts[toks[k].fact].kind in FRAME_KINDS:
                continue
            return ""
        for n in (2, 1):
            if k - n + 1 >= 0 and all(t.fact < 0 for t in toks[k - n + 1 : k + 1]):
                hit = d.v.concepts.get(" ".join(words[k - n + 1 : k + 1]))
                if hit and hit not in GENERIC:
                    return hit
    return ""


def _concept_before(d: _Doc, fi: int) -> str:
    """ "The US giant earned $630m": a listed concept among the few words right before the figure."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    lo = max(d.m.clause_start(si, pos), pos - CONCEPT_BEFORE)
    for k in range(pos - 1, lo - 1, -1):
        if d.m.tokens[si][k].fact >= 0:
            return ""
        hit = d.v.concepts.get(words[k])
        if hit and hit not in GENERIC:
            return hit
    return ""


# Kinds of the one stated change a change that names nothing takes from the sentence before it.
_UNNAMED_KINDS = frozenset({"percent", "multiple"})
# Subjects that stand for what the sentence before spoke of.
_POINTING_BACK = frozenset("it they this that these".split())


def _unnamed_stated(d: _Doc, rel: Relation, used: set[int]) -> Relation | None:
    """ "The number of open cases has fallen by 7.5%. Figures showed a drop since
    June from 1,240 to 1,147.": a change that names nothing, right after a sentence whose one stated
    change moves the same way."""
    ai, bi = rel.get("from"), rel.get("to")
    if ai is None or bi is None or d.facts[ai].kind == "percent":
        return None
    si, apos = d.pos_of(ai)
    if si == 0 or _concept_before(d, ai):
        return None
    sb, bpos = d.pos_of(bi)
    if sb != si:
        return None  # two levels told a sentence each (``apart``): no pair of one sentence
    direction = rel.label("direction") or _direction_before(d, si, apos)
    words = d.m.words[si]
    # "It was $1.33bn compared with $874m": a pronoun subject points at the sentence before, whose
    # stated change then gives the direction.
    pronoun = words[d.m.clause_start(si, min(apos, bpos))] in _POINTING_BACK
    older_told = words[d.m.clause_start(si, bpos)] not in _POINTING_BACK and _older_told(d, si, apos)
    if not direction and not pronoun and not older_told:
        return None
    # The one percentage or multiple word ("Online sales tripled") of the sentence before, moving the same
    # way; or, for a pair told with its older time ("£186m ..., compared with £238m a year earlier"), the
    # headline's or the lead's one stated change, the story's own.
    ci = _one_stated(d, si - 1, used)
    if ci < 0 and older_told:
        ci = _lead_one_stated(d, si, used)
    if ci < 0 or not _fits_pair(d, ci, bi) or other_base(d, ci, (ai, bi), frozenset()) or not _same_measure(d, ci, bi):
        return None
    direction = direction or _pair_way(d, ai, bi)
    c = d.facts[ci]
    said = _stated_way(d, ci)  # "a 28% fall in profit", "tripled"
    if not said or (direction and said != direction):
        return None
    direction = direction or said
    if _rate_words(d, ci) or c.value is None or c.is_range:
        return None
    own = _level_reached(d, ci)
    if own >= 0 and not d.facts[own].interval.overlaps(d.facts[bi].interval):
        return None  # "deliveries slumped by 18% to 356,000. ... 62,000, down from 71,000": another change's rate
    labels = dict(rel.labels)
    labels["direction"] = direction
    if c.kind == "multiple":
        if "forecast" in d.m.by_fact[ci].roles or _mood(d, rel):
            return None  # "Sales could double": a forecast multiple is not the result told next
        labels["multiple"] = c.text.lower()
        roles = rel.roles + (("factor", ci),)
        return Relation("change", roles, rel.cues + (c.span,), "document", tuple(sorted(labels.items())))
    roles = rel.roles + (("stated", ci),)
    return Relation("change", roles, rel.cues + (d.facts[ci].span,), "document", tuple(sorted(labels.items())))


def _kin_concepts(d: _Doc, concepts: frozenset[str]) -> frozenset[str]:
    """The concepts and the flows they name ([periods.flow_words]: "sales", "sold" and "revenue" are one
    flow), so a stated change of ticket sales meets the tickets sold."""
    return concepts | {d.v.flow_words[c] for c in concepts if c in d.v.flow_words}


def _lead_stated_for(d: _Doc, rel: Relation, concepts: frozenset[str], used: set[int], mood: str) -> Relation | None:
    """A pair told with its older time ("£186m ..., compared with £238m a year earlier") whose concept no
    nearby stated change names, against the headline's or the lead's one stated change, the story's own,
    when that names no concept or one of the pair's flow ("Ticket sales doubled" … "sold 31,000 tickets,
    up from 19,500 last summer"; "the organisers tripled the prize fund" … "The total purse is €600,000,
    compared with €300,000 twelve months ago")."""
    ai, bi = rel.get("from"), rel.get("to")
    if ai is None or bi is None or mood or d.facts[bi].kind in ("percent", "points"):
        return None  # two rates: the lead's percentage may be points or a rate of its own
    si, apos = d.pos_of(ai)
    if not _older_told(d, si, apos):
        return None
    before = _one_stated(d, si - 1, used) if si - 1 not in _lead_sentences(d) else -1
    if before >= 0 and not _stated_concept(d, before):
        ci = before  # "the organisers tripled the prize fund. The total purse is €600,000, compared with"
    else:
        ci = _lead_one_stated(d, si, used)
    if ci < 0:
        return None
    c = d.facts[ci]
    cm = d.m.by_fact.get(ci)
    if cm is None or c.value is None or c.is_range or "forecast" in cm.roles or _rate_words(d, ci):
        return None
    if not _same_holder(d, ci, bi, _names(d, bi)) or not _same_measure(d, ci, bi):
        return None
    own = _stated_concept(d, ci) or _frame_concept(d, ci)
    if own and not (_kin_concepts(d, frozenset({own})) & _kin_concepts(d, concepts)):
        return None
    if own in LEVEL_CONCEPTS:
        return None
    if other_base(d, ci, (ai, bi), concepts):
        return None  # "valued at $5.2bn, almost three times its valuation": a multiple of another thing
    said = _stated_way(d, ci)
    way = _pair_way(d, ai, bi)
    if not said or said != way:
        return None  # the lead's way against the pair's is a reading to leave alone, not a finding
    labels = dict(rel.labels)
    labels["direction"] = way
    if c.kind == "multiple":
        labels["multiple"] = c.text.lower()
        return Relation(
            "change", rel.roles + (("factor", ci),), rel.cues + (c.span,), "document", tuple(sorted(labels.items()))
        )
    return Relation(
        "change", rel.roles + (("stated", ci),), rel.cues + (c.span,), "document", tuple(sorted(labels.items()))
    )


def _fits_pair(d: _Doc, ci: int, bi: int) -> bool:
    """The lead's stated change ``ci`` may be the change of the unnamed pair ending in ``bi``: it names
    no concept, or a sum of money for a pair of money, or a count for a pair of counts ("Shares fell 5%"
    is no change of the profit told as "£186m, compared with £238m")."""
    own = _stated_concept(d, ci) or _frame_concept(d, ci)
    if not own:
        return True
    if own in LEVEL_CONCEPTS:
        return False
    return (own in d.v.money_concepts) == (d.facts[bi].kind == "money")


# Concepts whose change is a level's, never a flow's told as a pair of results: a share price, a rate.
LEVEL_CONCEPTS = frozenset({"stock", "price", "rate", "unemployment", "inflation", "share_holding", "growth"})


def _lead_one_stated(d: _Doc, si: int, used: set[int]) -> int:
    """The headline's or the lead's one stated change before sentence ``si`` (each of their sentences that
    tells one tells the same value), else -1."""
    told = [c for c in (_one_stated(d, s2, used) for s2 in sorted(_lead_sentences(d)) if s2 < si) if c >= 0]
    return told[-1] if told and len({d.facts[c].value for c in told}) == 1 else -1


def _pair_way(d: _Doc, ai: int, bi: int) -> str:
    """The way a pair moves by its values, from ``ai`` to ``bi``: "up", "down", or "" (equal or unknown)."""
    a, b = d.facts[ai].value, d.facts[bi].value
    return "" if a is None or b is None or a == b else "up" if b > a else "down"


def _stated_way(d: _Doc, ci: int) -> str:
    """The way a stated change goes: its mention's direction, a multiple word's ("tripled" is up), or a
    direction noun right after it (``_said_way``: "a 28% fall")."""
    c = d.facts[ci]
    m = d.m.by_fact.get(ci)
    if c.kind == "multiple" and not (m is not None and m.direction):
        return _multiple_way(c)
    return _said_way(d, ci)


def _one_stated(d: _Doc, si: int, used: set[int]) -> int:
    """The one percentage or multiple word of sentence ``si`` when it stands alone (no other figure of
    those kinds, not yet given to a change), else -1."""
    if si < 0:
        return -1
    found = [tok.fact for tok in d.m.tokens[si] if tok.fact >= 0 and d.facts[tok.fact].kind in _UNNAMED_KINDS]
    return found[0] if len(found) == 1 and found[0] not in used else -1


def _older_told(d: _Doc, si: int, apos: int) -> bool:
    """The older end at token ``apos`` is told with its time ("compared with £238m a year earlier",
    "against 183,000 in 2025"): the pair is a result against the year before."""
    toks = d.m.tokens[si]
    for k in range(apos + 1, min(len(toks), apos + 1 + OLDER_TIME_REACH)):
        fi = toks[k].fact
        if fi >= 0:
            return d.facts[fi].kind in ("relative", "year")
    return False


# Tokens after the older end that its time may stand ("£238m in the same period a year earlier").
OLDER_TIME_REACH = 5


def _multiple_way(c: Fact) -> str:
    """The way a multiple word moves: "up" for "tripled", "down" for "halved"."""
    return "" if c.value is None or c.value == 1 else "up" if c.value > 1 else "down"


def _direction_before(d: _Doc, si: int, pos: int) -> str:
    """A direction word in the clause before token ``pos`` ("showed a decline since October from")."""
    words = d.m.words[si]
    lo = max(d.m.clause_start(si, pos), pos - CONCEPT_BEFORE * 2)
    for k in range(pos, lo, -1):
        hit = d.v.direction.ending_at(words, k)
        if hit and words[k - 1] not in ("more", "less", "up", "down"):
            return hit[0]
    return ""


def _names(d: _Doc, fi: int) -> frozenset[str]:
    """Capitalised names in the figure's clause before it ("Danish brewer Carlsberg suffered ...").

    A capital that only starts the clause ("Reporting its results ...") is no name unless the word is
    possessive or the next word is capitalised too ("British Airways").
    """
    si, pos = d.pos_of(fi)
    lo = max(d.m.clause_start(si, pos), pos - NAMES_REACH)
    text = d.view.text
    toks = d.m.tokens[si]
    out: set[str] = set()
    for k in range(lo, pos):
        tok = toks[k]
        raw = text[tok.start : tok.end]
        word = tok.text.removesuffix("'s")
        if tok.fact >= 0 or not raw[:1].isupper() or word in NOT_NAMES:
            continue
        if k == lo and not tok.text.endswith("'s"):
            nxt = toks[k + 1] if k + 1 < pos else None
            if nxt is None or nxt.fact >= 0 or not text[nxt.start : nxt.start + 1].isupper():
                continue
        out.add(word)
    return frozenset(out)


def _other_holder_named(d: _Doc, si: int, cue: Span, bi: int) -> bool:
    """The clause of a multiple word names a holder (a capitalised word, not its first) and the change's
    newer end is another holder's: "Greens triple council group" is no telling of the Conservatives' seats."""
    holder = d.m.frame(bi).holder
    if not holder:
        return False
    toks = d.m.tokens[si]
    k = next((x for x, t in enumerate(toks) if t.span.start == cue.start), -1)
    if k < 0:
        return False
    lo = d.m.clause_start(si, k)
    text = d.view.text
    names = [d.m.words[si][x] for x in range(lo + 1, k) if text[toks[x].span.start : toks[x].span.start + 1].isupper()]
    if not names:
        return False
    subject = names[-1]  # the name nearest before the multiple word is its subject ("as Greens triple")
    return subject not in holder.split() and not same_holder(subject, holder)


def _multiple_word_in(d: _Doc, si: int, concept: str) -> tuple[str, Span] | None:
    """ "Boeing said earnings ... halved because of costs": a multiple word whose clause names ``concept``
    before it."""
    words = d.m.words[si]
    for k, w in enumerate(words):
        if w not in d.v.multiples:
            continue
        lo = d.m.clause_start(si, k)
        known = [x for x in words[lo:k] if x in d.v.concepts]
        if known and d.v.concepts[known[0]] == concept:
            return w, d.span(si, k, k + 1)
        if not known and concept in {singular(x) for x in words[max(lo, k - 3) : k]}:
            return w, d.span(si, k, k + 1)  # "bilateral trade up threefold": the noun just before
    return None


def _rate_words(d: _Doc, fi: int) -> frozenset[str]:
    """Words in a figure's clause that make it a rate over a period of its own ("an annual rate", "11.8%
    higher on the year"); a phrase of ``RATE_PHRASES`` is given as its first word's key, "on-the-year"."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    lo = max(d.m.clause_start(si, pos), pos - NAMES_REACH)
    hi = min(d.m.clause_end(si, pos), pos + NAMES_REACH)
    found = set(words[lo:hi]) & RATE_WORDS
    if any(tuple(words[k : k + len(p)]) == p for k in range(lo, hi) for p in RATE_PHRASES):
        found.add("on-the-year")
    return frozenset(found)


def _told_again_with_level(d: _Doc, si: int, ci: int, like: Fact) -> bool:
    """The change ``ci`` is told again in a later sentence of the lead with the level it reached, a level
    the figure ``like`` is not ("climb 8%" in the headline, "rose by 8% last year to 19.4 million" below)."""
    c = d.facts[ci]
    for s2 in sorted(_lead_sentences(d)):
        if s2 <= si:
            continue
        for t in d.m.tokens[s2]:
            if t.fact < 0 or t.fact == ci or d.facts[t.fact].kind != c.kind or d.facts[t.fact].value != c.value:
                continue
            own = _level_reached(d, t.fact)
            if own >= 0 and not d.facts[own].interval.overlaps(like.interval):
                return True
    return False


def _stated_in(
    d: _Doc,
    si: int,
    concepts: frozenset[str],
    used: set[int],
    like: Fact,
    names: frozenset[str],
    like_index: int,
    mood: str = "",
) -> tuple[int, str, dict[str, str]] | None:
    for tok in d.m.tokens[si]:
        ci = tok.fact
        if ci < 0 or ci in used:
            continue
        if not _same_holder(d, ci, like_index, names):
            continue  # "Carlsberg suffered a 3% fall" is not Heineken's change
        if _rate_words(d, ci) - _rate_words(d, like_index):
            continue  # "climbed at a yearly pace of 9.4%" is not the month's change
        c = d.facts[ci]
        cm = d.m.by_fact.get(ci)
        if cm is None or c.value is None or c.is_range:
            continue
        moved = _object_concept(d, ci)
        if moved and moved not in _kin_concepts(d, concepts):
            continue  # "lifts profit 15% as pub estate tops 280": the verb moves profit, not the pubs
        if ("forecast" in cm.roles) != (mood == "forecast"):
            # "expects a 25% jump in profit next year" is no change of the results told below; a planned
            # cut ("plans to trim up to 2,000 jobs") is the plan's change ("would fall from 18,500 to 15,000").
            continue
        if (
            c.kind == "multiple"
            and _stated_concept(d, ci) in concepts
            and not other_base(d, ci, (-1, like_index), concepts)
        ):
            value = c.value
            return ci, "factor", {"multiple": c.text.lower(), "direction": "up" if value > 1 else "down"}
        if (
            c.kind == "percent"
            and like.kind != "percent"
            and (_stated_concept(d, ci) in concepts or _frame_concept(d, ci) in concepts)
        ):
            _, pos = d.pos_of(ci)
            words = d.m.words[si]
            after = d.v.direction.starting_at(words, pos + 1)
            direction = cm.direction or (after[0] if after else "")
            if d.older_end(si, pos):
                continue  # "71.2% of patients ..., down from 76.4%": an older level, not a move
            if _rate_with_older(d, si, pos):
                continue  # "prices were 4.6% higher, down from 4.9% the month before": a yearly rate that moved
            kin = [
                d.facts[t.fact]
                for t in d.m.tokens[si]
                if t.fact >= 0 and same_family(d.facts[t.fact], like) and d.facts[t.fact].kind not in FRAME_KINDS
            ]
            if kin and not any(f.interval.overlaps(like.interval) for f in kin):
                continue  # "Compared with October, when 70,300 were signed off, approvals were down 12.6%": its own base
            own = _level_reached(d, ci)
            if own >= 0 and not d.facts[own].interval.overlaps(like.interval):
                continue  # "deliveries slumped by 18% to 356,000": that level's change, not this one's
            if _told_again_with_level(d, si, ci, like):
                continue  # headline "numbers climb 8%", lead "rose by 8% ... to 19.4 million": that level's
            if direction:
                return ci, "stated", {"direction": direction}
        if (
            c.kind in ("count", "money")
            and same_family(c, like)
            and cm.direction
            and not (cm.direction_span is not None and cm.direction_span.start > c.span.end)
            and not _joined_after_move(d, ci)
            and not _change_end(d, ci)
            and not _reaches_level(d, ci)
            and (_frame_concept(d, ci) in concepts or _stated_concept(d, ci) in concepts)
        ):
            # "plans to trim up to 2,000 jobs" … "its workforce would fall from 18,500 to 15,000": an amount
            # told as the move of the same thing; a count that is its verb's subject ("Nine bodies
            # recovered") is what moved, not by how much.
            return ci, "stated", {"direction": cm.direction}
    return None


# Tokens after a rate its own older rate may stand ("4.6% higher than a year earlier, slightly down from 4.9%").
RATE_OLDER_REACH = 10


def _rate_with_older(d: _Doc, si: int, pos: int) -> bool:
    """The percent at ``pos`` is a level with an older percent of its own told just after it ("4.6% higher
    than a year earlier, slightly down from 4.9% the month before"): a rate, not another figure's move."""
    toks = d.m.tokens[si]
    for k in range(pos + 1, min(len(toks), pos + 1 + RATE_OLDER_REACH)):
        fi = toks[k].fact
        if fi >= 0 and d.facts[fi].kind == "percent":
            return d.older_end(si, k)
    return False


def _joined_after_move(d: _Doc, ci: int) -> bool:
    """A conjunction stands between the figure's direction word and it ("bodies recovered as more than 250
    migrants rescued"): the word moves another clause's subject."""
    cm = d.m.by_fact.get(ci)
    if cm is None or cm.direction_span is None:
        return False
    si, pos = d.pos_of(ci)
    toks, words = d.m.tokens[si], d.m.words[si]
    return any(words[k] in _CONJUNCTIONS for k in range(pos) if toks[k].start >= cm.direction_span.end)


# Words that open a clause of their own between a move and a figure.
_CONJUNCTIONS = frozenset({"as", "while", "after", "when", "and", "but", "since", "because"})


def _same_holder(d: _Doc, ci: int, bi: int, names: frozenset[str]) -> bool:
    """Whether a stated change may be of the holder of the change's figure: by their frames when both
    name a holder ("Harlow Foods, which bought its rival Tesh, will lift its dividend by 40%" and "Harlow
    Foods would raise its dividend to 21p"), else by the names in their clauses."""
    a, b = d.m.frame(ci).holder, d.m.frame(bi).holder
    if a and b:
        return same_holder(a, b)
    other = _names(d, ci)
    return not (names and other and not names & other)


def _reaches_level(d: _Doc, fi: int) -> bool:
    """ "sales rose £7m to £170m": the move has the level it reached in its own clause, so it is that
    change's, not one told elsewhere."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    end = min(d.m.clause_end(si, pos), pos + LEVEL_REACH)
    if any(words[k] in ("to", "from") and d.figure_after(si, k + 1) >= 0 for k in range(pos + 1, end)) and any(
        d.m.tokens[si][k].fact >= 0 and d.facts[d.m.tokens[si][k].fact].kind not in FRAME_KINDS
        for k in range(pos + 1, end)
    ):
        return True
    # "lost eight seats and now hold 15", "shed 300 jobs, leaving it with 1,200": the level, told past the
    # clause's end, of the move's own family
    toks = d.m.tokens[si]
    for k in range(pos + 1, min(len(words), pos + 1 + LEVEL_REACH)):
        if words[k] in CLAUSE_END:
            break
        said = words[k] if toks[k].fact < 0 else d.facts[toks[k].fact].text.lower()  # "now" is a time figure
        if said in d.v.level_after:
            for j in range(k + 1, min(len(words), k + 1 + LEVEL_AFTER_REACH)):
                g = toks[j].fact
                if g >= 0:
                    return same_family(d.facts[g], d.facts[fi])
    return False


def _level_reached(d: _Doc, fi: int) -> int:
    """The level a stated move reaches after "to" in its own clause ("slumped by 18% to 356,000"), else -1."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    end = min(d.m.clause_end(si, pos), pos + LEVEL_REACH)
    for k in range(pos + 1, end):
        if words[k] == "to":
            li = d.figure_after(si, k + 1)
            if li >= 0 and d.facts[li].kind not in FRAME_KINDS:
                return li
    return -1


def _change_end(d: _Doc, fi: int) -> bool:
    """The figure is an end of a change or a level reached ("from 300", "to 450"), not a move."""
    si, pos = d.pos_of(fi)
    k = d.hedge_start(si, pos)
    return k > 0 and d.m.words[si][k - 1] in ("from", "to", "at", "of")


# Words between a direction noun and its "in" and the thing that moved ("a rise in fourth-quarter
# profits", "a fall in its annual sales"), and words a headline puts between a thing and its verb.
LEAD_PHRASE_REACH = 4
# Words that end the clause a lead's direction word is read in ("Profits rose at Norcom but fell at ...",
# "Shares jump as sales rise", "Firm aims high after profit fall").
LEAD_BREAKS = frozenset({",", "but", "while", "whereas", "although", "though", "as", "after", "amid", "despite"})


# A way the headline or the lead gives a thing without a figure: (sentence, concept, direction, cue, names).
_Said = tuple[int, str, str, Span, frozenset[str]]


def _lead_said(d: _Doc) -> list[_Said]:
    """The moves the headline and the lead tell without a figure ("Profits rose at Trelvex"), read once per
    document for the two stages that set them against the body's changes."""

    def read() -> list[_Said]:
        said: list[_Said] = []
        for si in sorted(_lead_sentences(d)):
            toks = d.m.tokens[si] or _plain_tokens(d, si)
            said.extend((si, *move) for move in _said_moves(d, toks))
        return said

    return d.once("lead_said", read)


def _told_before(said: list[_Said], concept: str, si: int, names: frozenset[str]) -> list[tuple[str, Span]]:
    """The ways told of ``concept`` before sentence ``si`` by a clause whose names, if both give any, meet
    ``names``: (direction, cue)."""
    return [
        (w, cue) for s2, c, w, cue, who in said if c == concept and s2 < si and not (names and who and not names & who)
    ]


# Tokens after a figure its rate's period may stand ("0.58 homes a week").
RATE_AFTER = 3


def _a_rate(d: _Doc, fi: int) -> bool:
    """The figure is an average or a rate over a period ("an average of 0.58 homes a week", "£5 a head")."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    if k >= 2 and words[k - 1] == "of" and words[k - 2] == "average":
        return True
    return any(d.v.rates.starting_at(words, j) for j in range(pos + 1, min(len(words), pos + 1 + RATE_AFTER)))


def _times_other(d: _Doc, fi: int) -> bool:
    """The figure is a ratio to another quantity, "times" right after it ("costs 8.3 times average
    earnings", "four times in the late 1990s"): no level of the thing the lead's change moves."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    return d.facts[fi].kind == "number" and pos + 1 < len(words) and words[pos + 1] == "times"


def _unsized_changes(built: Mapping[str, Mapping[object, Relation]]) -> Iterator[tuple[Relation, int]]:
    """(change, its newer end) of each change told in one clause with both ends and no size or multiple of its
    own: the changes a way told elsewhere may direct."""
    for rel in list(built.get("change", {}).values()):
        if rel.evidence != "clause" or rel.get("stated") is not None:
            continue
        if rel.get("factor") is not None or rel.label("multiple"):
            continue
        ai, bi = rel.get("from"), rel.get("to")
        if ai is not None and bi is not None:
            yield rel, bi


def _lead_directions(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change in the body that says no direction, against the direction the headline or the lead gives
    the same thing without a figure: "Profits rose at cable maker Trelvex in the last quarter" ... "Its operating
    profit was 6.2bn yen against 6.8bn yen a year earlier"."""
    said = _lead_said(d)
    if not said:
        return
    for rel, bi in _unsized_changes(built):
        if rel.label("direction"):
            continue
        if _a_rate(d, bi):
            continue  # "an average of 0.58 homes a week": a rate, not the total the headline moves
        concept = _listed(d, _subject_concept(d, bi)) or _clause_concept(d, bi)
        si = d.facts[bi].sentence
        told = _told_before(said, concept, si, _names(d, bi))
        moves = {w for w, _ in told}
        if len(moves) != 1:
            continue  # nothing said of it, or both ways
        direction, cue = told[0]
        labels = dict(rel.labels)
        labels["direction"] = direction
        yield Relation("change", rel.roles, rel.cues + (cue,), "document", tuple(sorted(labels.items())))


def _near_directions(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change against the direction the sentence right before it gives the same thing without a figure, in
    one paragraph: "Complaints about the council increased in 2024. It received 640, down from 710 the year
    before."; "Passenger numbers fell last year. The airport handled 3.4 million passengers in 2024, against
    3.1 million in 2023." (``_lead_directions`` reads the headline and the lead for changes that tell no way). A
    change that tells the same way already gains nothing; one told the other way is set against the ends by its
    judge."""
    sents = d.view.doc.sentences
    for rel, bi in _unsized_changes(built):
        si = d.pos_of(bi)[0]
        s2 = si - 1
        if s2 < 0 or sents[s2].paragraph != sents[si].paragraph or _a_rate(d, bi):
            continue
        said = _plain_said(d, s2)
        if not said:
            continue
        concept = _listed(d, _subject_concept(d, bi)) or _clause_concept(d, bi)
        told = _told_before(said, concept, si, _names(d, bi)) or _told_of_noun(d, s2, said, bi)
        moves = {w for w, _ in told}
        if len(moves) != 1 or rel.label("direction") in moves:
            continue
        direction, cue = told[0]
        labels = dict(rel.labels)
        labels["direction"] = direction
        yield Relation("change", rel.roles, rel.cues + (cue,), "document", tuple(sorted(labels.items())))


def _told_of_noun(d: _Doc, si: int, said: list[_Said], fi: int) -> list[tuple[str, Span]]:
    """The moves of ``said`` (sentence ``si``) whose subject's first noun is the noun the figure counts, when no
    listed concept names either: "Complaints about the council increased" ... "640 complaints"."""
    noun = (d.m.by_fact[fi].noun or "").split()
    if not noun:
        return []
    counted = singular(noun[-1])
    toks = d.m.tokens[si] or _plain_tokens(d, si)
    words = [t.text.lower() for t in toks]
    out = []
    for _, _, way, cue, _ in said:
        at = next((k for k, t in enumerate(toks) if t.start >= cue.start), len(toks))
        head = next((w for w in words[:at] if w.isalpha() and w not in _PHRASE_STOP), "")
        if head and singular(head) == counted:
            out.append((way, cue))
    return out


def _plain_said(d: _Doc, si: int) -> list[_Said]:
    """The moves sentence ``si`` tells without a figure, when it tells no amount at all ("Passenger numbers
    fell last year."): a time may stand in it."""
    toks = d.m.tokens[si]
    if any(t.fact >= 0 and _amount(d, t.fact) for t in toks):
        return []
    return [(si, *move) for move in _said_moves(d, toks or _plain_tokens(d, si))]


# Figures a lead may move: a percentage change, a level reached ("fell to 1.6%", "rose to £1.2bn"), an
# amount of change ("down 80 cents", "rose by 20,000").
_LEAD_MOVES = frozenset({"percent", "money", "count", "number"})


def _moved_by(words: Sequence[str], k: int, way: Span, toks: Sequence[Token]) -> bool:
    """The amount at token ``k`` is the size of its move: "by" before it, or its way word right before
    it ("down 80 cents", "rose 20,000")."""
    return (k > 0 and words[k - 1] == "by") or (k > 0 and toks[k - 1].start <= way.start < toks[k - 1].end + 1)


# Words before a concept's noun that are no kind of it: articles, possessives, numbers' words.
_NOT_KINDS = frozenset(
    "the a an its their his her our this that these those new annual total overall net gross of in on at for from"
    " by with to number amount level".split()
)
# Words before a concept's noun read as the kind of thing it is ("car sales", "natural gas prices").
KIND_WORDS = 2


def _kinds(d: _Doc, si: int, concept: str, lo: int, hi: int) -> frozenset[str]:
    """The words right before the first noun of ``concept`` among tokens ``lo`` to ``hi`` of sentence
    ``si`` ("Car sales" → {car}, "natural gas prices" → {natural, gas}), lower case."""
    toks = d.m.tokens[si] or _plain_tokens(d, si)
    words = [t.text.lower() for t in toks]
    for k in range(max(0, lo), min(len(words), hi)):
        if d.v.concepts.get(words[k]) != concept:
            continue
        out = set()
        for x in range(k - 1, max(-1, k - 1 - KIND_WORDS), -1):
            w = words[x]
            if (
                not w.isalpha()
                or w in _NOT_KINDS
                or w in CLAUSE_END
                or d.v.concepts.get(w)
                or d.v.direction.starting_at(words, x)
            ):
                break
            out.add(w)
        return frozenset(out)
    return frozenset()


def _other_kind(d: _Doc, concept: str, s2: int, cue: Span, si: int, pos: int) -> bool:
    """The headline's or lead's thing (told at ``cue`` of sentence ``s2``) and the figure's are kinds of the
    concept told by words that share nothing ("Car sales" and "Van sales", "Oil prices" and "natural gas
    prices")."""
    toks = d.m.tokens[s2] or _plain_tokens(d, s2)
    at = next((k for k, t in enumerate(toks) if t.start >= cue.start), len(toks))
    said = _kinds(d, s2, concept, at - LEAD_PHRASE_REACH, at + LEAD_PHRASE_REACH + 1)
    told = _kinds(d, si, concept, d.m.clause_start(si, pos), pos + 1)
    return bool(said and told and not said & told)


def _lead_moves_against(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change stated with its own way and size ("saw its profits rise 12% last year") against the way the
    headline or the lead gives the same thing without a figure ("aims high after profit fall"): the two
    ways cannot both hold. A ``change`` relation with only a ``stated`` role, label ``direction`` (the
    lead's way) and ``told`` (the figure's own); the direction judge sets the two against each other.
    Only a percentage of the lead itself, read as a change (not a level: "rose to 5%"), not a forecast, of
    the concept the headline moves one way only, with no name of its own that the lead's clause does not
    give: the body goes on to parts, places and other times."""
    said = _lead_said(d)
    lead = _lead_sentences(d)
    if not said and 0 not in lead:
        return
    first = min((s2 for s2, *_ in said), default=0)
    ways: set[Span] = set()
    for si, pos, fi, f in d.figures(_LEAD_MOVES):
        if si <= first or f.is_range:
            continue
        if si not in lead:
            break  # the body goes on to parts, places and other times ("excluding cars, sales were up")
        m = d.m.by_fact.get(fi)
        if m is None or m.direction is None or m.direction_span is None or m.roles & {"forecast", "part"}:
            continue
        words = d.m.words[si]
        k = d.hedge_start(si, pos)
        before = words[k - 1] if k > 0 else ""
        if before in ("from", "at", "of", "than"):
            continue  # "up from 4%", "closed at 310p": an end or a level told without its move
        if before != "to" and f.kind != "percent" and not _moved_by(words, k, m.direction_span, d.m.tokens[si]):
            continue  # an amount is the change only as "down 80 cents", "rose by 20,000"
        concept = _listed(d, _subject_concept(d, fi)) or _clause_concept(d, fi)
        if not concept:
            span = m.direction_span
            verb = next((j for j, t in enumerate(d.m.tokens[si]) if t.start == span.start), -1)
            concept = (
                _phrase_key(words, max(d.m.clause_start(si, pos), verb - LEAD_PHRASE_REACH), verb) if verb > 0 else ""
            )
        if not concept:
            continue
        pool = said
        told = _told_before(pool, concept, si, _names(d, fi))
        if not told and f.kind == "percent" and 0 in lead:
            # "Factory output falls 3%" ... "Output rose 3% in May": the headline's own rate, one way.
            toks0 = d.m.tokens[0] or _plain_tokens(d, 0)
            pool = [(0, *mv) for mv in _said_moves(d, toks0, f)]
            told = _told_before(pool, concept, si, _names(d, fi))
        if len({w for w, _ in told}) != 1 or told[0][0] == m.direction:
            continue
        if m.direction_span in ways:
            continue  # "rose 12% to £1.2bn": one move, told once
        cue = told[0][1]
        s2 = next(s for s, _, _, c, _ in pool if c == cue)  # the sentence that told the way
        if _other_kind(d, concept, s2, cue, si, pos):
            continue  # "Car sales slump" ... "Van sales climbed 6%": another thing of the concept
        ways.add(m.direction_span)
        labels = (("direction", told[0][0]), ("told", m.direction))
        yield Relation("change", (("stated", fi),), (told[0][1], m.direction_span), "document", labels)


def _amount(d: _Doc, fi: int) -> bool:
    return fi >= 0 and d.facts[fi].kind in ("percent", "count", "number", "money", "multiple", "share")


def _capitals(d: _Doc, toks: tuple[Token, ...], lo: int, hi: int) -> frozenset[str]:
    """Capitalised words of ``toks[lo:hi]`` past the first (names: "at Norcom", "rival Tello")."""
    text = d.view.text
    out = set()
    for t in toks[lo + 1 : hi]:
        word = t.text.removesuffix("'s")
        if t.fact < 0 and text[t.start : t.start + 1].isupper() and word not in NOT_NAMES:
            out.add(word)
    return frozenset(out)


def _said_moves(
    d: _Doc, toks: tuple[Token, ...], rate: Fact | None = None
) -> Iterator[tuple[str, str, Span, frozenset[str]]]:
    """(concept, direction, cue, names) for "a rise in <concept>", "<concept> fall(s)" with no figure on
    the move, not a forecast ("expects a fall in profits"); names are the capitalised words of its clause.
    With ``rate``, only the moves whose figure is a percentage of that same value ("Profits fall 12%")."""
    words = tuple(t.text for t in toks)
    table = d.v.direction
    for k in table.starts_in(words):
        t = toks[k]
        hit = table.starting_at(words, k)
        if hit is None or t.fact >= 0 or words[k] in ("up", "down", "more", "less", "higher", "lower", "cut", "cuts"):
            continue
        lo = k
        while lo > 0 and words[lo - 1] not in CLAUSE_END and words[lo - 1] not in LEAD_BREAKS and k - lo < NAMES_REACH:
            lo -= 1
        if _forecast_between(d, words, lo, k):
            continue
        near = [toks[x].fact for x in range(max(lo, k - 2), min(len(toks), hit[1] + 3)) if _amount(d, toks[x].fact)]
        if rate is not None and not any(d.facts[x].kind == "percent" and d.facts[x].value == rate.value for x in near):
            continue
        if rate is None and near:
            continue  # "a 60% rise in profit": a stated change, read by _distant_stated
        concept = ""
        if hit[1] < len(words) and words[hit[1]] == "in":
            concept = _concept_in(d, words, hit[1] + 1)
        if not concept and k > 0:  # "Car sales slump in March": "in" a time, the thing before the verb
            concept = _concept_in(d, words, max(lo, k - LEAD_PHRASE_REACH), k)
        if not concept and k > 0:  # "Knife crime rises": no listed concept, the words before the verb
            concept = _phrase_key(words, max(lo, k - LEAD_PHRASE_REACH), k)
        if concept:
            hi = hit[1]
            while hi < len(words) and words[hi] not in CLAUSE_END and words[hi] not in LEAD_BREAKS:
                hi += 1
            yield concept, hit[0], Span(t.start, toks[hit[1] - 1].end), _capitals(d, toks, lo, hi)


# Words that name no thing of their own in the words before a verb of change.
_PHRASE_STOP = frozenset(
    "the a an its their his her our this that these those in of at on for with by and or to from as per".split()
)


def _phrase_key(words: Sequence[str], lo: int, k: int) -> str:
    """What moves, as the last two words before the verb at ``k`` when no listed concept names it ("Knife
    crime rises" and "Knife crime fell by 9%" move one thing), prefixed "~" so it never meets a concept;
    "" when fewer than one word of four letters is left."""
    kept = [w for w in words[lo:k] if w.isalpha() and w not in _PHRASE_STOP]
    kept = kept[-2:]
    if not kept or max(len(w) for w in kept) < 4:
        return ""
    return "~" + " ".join(kept)


def _forecast_between(d: _Doc, words: tuple[str, ...], lo: int, k: int) -> bool:
    """A forecast word ("expects", "could", "warned of") among ``words[lo:k]``."""
    for x in range(lo + 1, k + 1):
        hit = d.v.roles_before.ending_at(words, x)
        if hit is not None and hit[0] == "forecast" and hit[1] >= lo:
            return True
    return False


def _concept_in(d: _Doc, words: tuple[str, ...], lo: int, hi: int | None = None) -> str:
    """The first listed concept among ``words[lo:hi]`` (a few words when ``hi`` is not given)."""
    top = min(len(words), hi if hi is not None else lo + LEAD_PHRASE_REACH)
    for k in range(lo, top):
        # "passenger numbers": a listed phrase of two words before its first word alone
        two = d.v.concepts.get(f"{words[k]} {words[k + 1]}") if k + 1 < top else None
        hit = two or d.v.concepts.get(words[k])
        if hit and hit not in GENERIC:
            return hit
    return ""


# Words of a change in points after its number ("six points", "one percentage point").
_POINT_WORDS = frozenset({"percentage", "point", "points"})


def _rate_beside_amount(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change whose stated size is an amount told with its rate beside it ("rose from 4,200 to 4,650, an
    increase of 450, or 15%"; "a cut of £30m (12%)"; "up six points, or 10%"): the rate is a stated change of the same two ends too,
    so each is judged (the amount against to − from, the rate against to ÷ from)."""
    for rel in list(built.get("change", {}).values()):
        ci = rel.get("stated")
        if ci is None or d.facts[ci].kind in ("percent", "share", "multiple"):
            continue
        si, pos = d.pos_of(ci)
        words = d.m.words[si]
        while pos + 1 < len(words) and words[pos + 1] in _POINT_WORDS:
            pos += 1  # "up six points, or 10%": the rate stands after the points' word
        pi = d.percent_beside(si, pos)
        if pi < 0 or pi in (i for _, i in rel.roles):
            continue
        roles = tuple((r, pi if r == "stated" else i) for r, i in rel.roles)
        yield Relation(rel.kind, roles, (*rel.cues, d.facts[pi].span), rel.evidence, rel.labels)
