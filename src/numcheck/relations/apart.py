"""Two levels of one thing told one sentence each, read as the change between them (a stage).

"A total of 186,400 people watched the fixtures. Last season they attracted 112,000." tells a change with
no word of change: the later sentence sets the same quantity at an earlier time. The change is read bare
(``from``, ``to``, no stated size, label ``apart``), so the readers of a change's size told elsewhere take it
as they take a change told in one clause: "That represents an increase of 46%" in the sentence after
(``stated._change_told_after``), "The 17% cut" after "will pay 36p ... The current price is 42p", the lead's
"a fall of 24% in annual profit" or "passenger numbers doubled" (``stated._distant_stated``).

Each pair of neighbouring sentences is read once (linear): of each family, the one level of the first and
the one level of the second; their times say which is older ("A year earlier", "In 2021", "last year", a
past word, a level planned against the one told as now).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

from numcheck.mentions import same_holder
from numcheck.model import Span
from numcheck.relations.base import (
    Relation,
    _Doc,
    earlier_time,
    family,
    is_average,
    is_gap,
    same_family,
    told_time,
)
from numcheck.relations.changes import _told_earlier
from numcheck.relations.multiples import _amount_at
from numcheck.vocab import PhraseTable, _toml, apart_alike, apart_gaps, apart_now

# Words before a figure that tell it as known, a figure told before: no level of its own.
_KNOWN = frozenset("his her its their our my your all these those".split())

Built = Mapping[str, Mapping[object, Relation]]

# Kinds of relation whose figures are already read against another: a level of one of them is no end of a
# change told apart.
_TAKEN = ("change", "comparison", "breakdown", "share", "part", "superlative", "range")


def _levels_apart(d: _Doc, built: Built) -> Iterator[Relation]:
    """The change between a level and the level of the same thing told at another time in the next
    sentence, when neither is read in any relation of comparison yet."""
    taken = {
        i
        for kind in _TAKEN
        for rel in built.get(kind, {}).values()
        for role, i in rel.roles
        if not (kind == "share" and role == "share")  # "Turnout was 31.4%, with 30,550 of ...": still a level
    }
    gaps = [_gap_told(d, si) for si in range(len(d.m.tokens))]
    told = [_all_levels(d, si, taken, -1 if (g := gaps[si]) is None else g[0]) for si in range(len(d.m.tokens))]
    levels = [_levels(t) for t in told]
    sents = d.view.doc.sentences
    for by_family in told:
        for fis in by_family.values():
            if len(fis) == 2 and min(fis) >= 0 and (pair := _timed_pair(d, *fis)) is not None:
                cue = d.facts[pair[1]].span
                yield Relation(
                    "change", (("from", pair[0]), ("to", pair[1])), (cue,), "sentence", (("apart", "within"),)
                )
    for si in range(len(levels) - 1):
        if sents[si].paragraph != sents[si + 1].paragraph:
            continue  # a new paragraph tells another matter ("... after 300 went in 2022." ¶ "... 6,000 jobs")
        first, second = levels[si], levels[si + 1]
        for fam, ai in first.items():
            bi = second.get(fam, -1)
            if ai < 0 or bi < 0:
                continue
            pair = _ordered(d, ai, bi)
            if pair is None or not _same_thing(d, *pair):
                continue
            older, newer = pair
            gap = gaps[si + 1]
            if gap is not None and newer == bi and d.pos_of(newer)[1] < d.pos_of(gap[0])[1]:
                ci, order, span = gap
                if same_family(d.facts[ci], d.facts[newer]):
                    # "In 2019 the average adult viewed four hours 31 minutes. This year's figure, four hours
                    # 18 minutes, is 13 minutes higher.": the newer level set against the older by the gap's way.
                    roles = (("a", newer), ("b", older))
                    yield Relation("comparison", roles, (span,), "document", (("apart", "yes"), ("order", order)))
                    continue
            if d.facts[newer].kind == "duration":
                continue  # a length is a level only beside a gap told of it
            cue = d.facts[max(older, newer)].span
            yield Relation("change", (("from", older), ("to", newer)), (cue,), "document", (("apart", "yes"),))


def _timed_pair(d: _Doc, ai: int, bi: int) -> tuple[int, int] | None:
    """(older, newer) when one sentence tells two levels of one thing, each with a time of its own, and nothing
    else of their family: "A loaf that cost £1.25 in 2023 now sells for £1.60", "Fees were £9,000 in 2020 and
    are £9,250 now". Each names the same noun or none ("51 points from 46 matches" counts two things). The
    change is read only with a size told in the next sentence ("That is a rise of 28%": label ``within``)."""
    ta, tb = told_time(d, ai), told_time(d, bi)
    if ta is None or tb is None or ta == tb:
        return None
    na, nb = d.m.by_fact[ai].noun, d.m.by_fact[bi].noun
    if na and nb and na != nb:
        return None
    pair = _ordered(d, ai, bi)
    return pair if pair is not None and _same_thing(d, *pair) else None


def _gap_told(d: _Doc, si: int) -> tuple[int, str, Span] | None:
    """A figure told as the gap between the sentence's level and one told before, after a link verb with a
    comparative and nothing after it: "..., four hours 18 minutes, is 13 minutes higher.", "was £40 lower
    this year."; (figure, way, cue) or None."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for pos, tok in enumerate(toks):
        ci = tok.fact
        if ci < 0 or d.facts[ci].kind not in _GAP_KINDS:
            continue
        k = d.hedge_start(si, pos)
        if k < 1 or words[k - 1] not in _GAP_LINKS:
            continue
        order = apart_gaps().get(words[pos + 1], "") if pos + 2 < len(words) else ""
        if not order or words[pos + 2] not in (".", ";", "!"):
            continue
        return ci, order, d.span(si, k, pos + 2)
    return None


# Link verbs before a gap told with a comparative ("is 13 minutes higher").
_GAP_LINKS = frozenset("is are was were".split())
# Kinds of a gap between two levels.
_GAP_KINDS = frozenset({"duration", "count", "number", "money", "measure"})


def _levels(told: Mapping[str, list[int]]) -> dict[str, int]:
    """A sentence's levels by family (``_all_levels``) as the one level of each family it tells (-1 when it
    tells more than one, or a figure of the family that is no level)."""
    return {fam: fis[0] if len(fis) == 1 else -1 for fam, fis in told.items()}


def _all_levels(d: _Doc, si: int, taken: set[int], gap: int = -1) -> dict[str, list[int]]:
    """Sentence ``si``'s levels by family, in text order, -1 for a figure of the family that is no level: a
    level told as known ("the 60 fixtures"), a move's size, a gap, an average and a figure already related
    are none."""
    out: dict[str, list[int]] = {}
    for pos, tok in enumerate(d.m.tokens[si]):
        fi = tok.fact
        if fi < 0 or fi == gap:
            continue
        if not _amount_at(d, si, pos, forecast=True) and d.facts[fi].kind != "duration":
            continue
        f = d.facts[fi]
        if d.m.frame(fi).definite and f.kind != "percent":
            continue  # "the 60 regular-season fixtures": a known count, no level told
        h = d.hedge_start(si, pos)
        if h > 0 and d.m.words[si][h - 1] in _KNOWN:
            continue  # "His 32 goals made him", "all 11 unions": told as known, no level of a new time
        if _aside(d, si, pos):
            continue  # "..., in which each side played 12 games": the aside's figure is no level of the clause's
        fam = family(f)
        m = d.m.by_fact.get(fi)
        if m is not None and "another" in m.roles:
            out.setdefault(fam, []).append(-1)  # "a further 6,000 jobs": an amount added, no level
            continue
        if fi in taken or _moved(d, si, pos) or d.move_told(si, pos) or is_gap(d, fi) or is_average(d, fi):
            out.setdefault(fam, []).append(-1)
            continue
        out.setdefault(fam, []).append(fi)
    return out


def _moved(d: _Doc, si: int, pos: int) -> bool:
    """A direction word governs the figure at ``pos`` from its own stretch of the clause (no comma between):
    "rose to 4,100", not "In 2021, when travel was still recovering from the pandemic, it handled 620,000"."""
    m = d.m.by_fact.get(d.fact_at(si, pos))
    if m is None or not m.direction or m.direction_span is None:
        return False
    toks, words = d.m.tokens[si], d.m.words[si]
    at = next((k for k, t in enumerate(toks) if t.start >= m.direction_span.start), pos)
    return at >= pos or "," not in words[at:pos]


def _ordered(d: _Doc, ai: int, bi: int) -> tuple[int, int] | None:
    """(older, newer) by what the two are told with, else None: their told times, their frames' periods,
    a plan against a level told as now."""
    # "Last year 71.9% ... The year before, the figure was 68.4%": a time counted back from the other
    # sentence's is the older, whatever that sentence's own time.
    back_a, back_b = _counted_back(d, ai), _counted_back(d, bi)
    if back_a != back_b:
        return (ai, bi) if back_a else (bi, ai)
    order = earlier_time(told_time(d, ai), told_time(d, bi))
    if order > 0:
        return ai, bi
    if order < 0:
        return bi, ai
    fa, fb = d.m.frame(ai), d.m.frame(bi)
    if _told_earlier(d, fa.period, fb.period, ai, bi):
        return ai, bi
    if _told_earlier(d, fb.period, fa.period, bi, ai):
        return bi, ai
    if (fa.mood == "forecast") != (fb.mood == "forecast"):
        plan, now = (ai, bi) if fa.mood == "forecast" else (bi, ai)
        if _told_now(d, now) and d.m.frame(now).period in ("", "now"):
            return now, plan  # "will pay 36p a litre from November" … "The current price is 42p"
    return None


def _counted_back(d: _Doc, fi: int) -> bool:
    """The figure's sentence tells its time as counted back from another's ("The year before", "a year
    earlier", "the previous year": ``[apart] counted_back``)."""
    si, _ = d.pos_of(fi)
    words = d.m.words[si]
    table = _counted_back_table()
    return any(table.starting_at(words, k) for k in table.starts_in(words))


@functools.cache
def _counted_back_table() -> PhraseTable:
    return PhraseTable.build((p, "back") for p in _toml("vocab.toml")["apart"]["counted_back"])


def _told_now(d: _Doc, fi: int) -> bool:
    """The level's clause tells it as now ("The current price is 42p", "now costs £5")."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    return any(w in apart_now() for w in words[d.m.clause_start(si, pos) : d.m.clause_end(si, pos)])


def _same_thing(d: _Doc, ai: int, bi: int) -> bool:
    """The two levels measure one thing: one family, one holder, scope and part of time where both name
    one, nouns of one concept where both name one."""
    if not same_family(d.facts[ai], d.facts[bi]):
        return False
    alike = apart_alike()
    known = d.v.concept_names - {"people"}
    said = [alike.get(c, c) for c in (_concept(d, ai), _concept(d, bi))]
    if said[0] in known and said[1] in known and said[0] != said[1]:
        return False
    fa, fb = d.m.frame(ai), d.m.frame(bi)
    first, later = (fa, fb) if ai < bi else (fb, fa)
    if later.holder and not (first.holder and same_holder(first.holder, later.holder)):
        if first.holder or not _held_by_pronoun(d, bi if ai < bi else ai):
            return False  # "UK airlines carried 100 million" … "British Airways alone carried": another holder's
        # "The museum welcomed 1.84 million ... In 2022 it had 2.02 million": "it" names the story's holder
    if later.scope and later.scope != first.scope:
        return False  # "640 people have died" … "Nationwide, 7,100 people died": another whole
    if fa.part != fb.part:
        return False
    ca, cb = alike.get(fa.concept, fa.concept), alike.get(fb.concept, fb.concept)
    return not (ca in known and cb in known and ca != cb)


def _held_by_pronoun(d: _Doc, fi: int) -> bool:
    """The figure's clause names its holder by a pronoun only ("In 2022 it had 2.02 million"): no new holder."""
    si, pos = d.pos_of(fi)
    lo = d.m.clause_start(si, pos)
    # "In 2022, when the event was hit by heavy rain, it was 47,500": an aside set off by
    # commas names no holder of the figure; its own stretch after the last comma does.
    lo = max((k + 1 for k in range(lo, pos) if d.m.words[si][k] == ","), default=lo)
    words = d.m.words[si][lo:pos]
    return any(w in d.v.holder_pronouns for w in words) and not any(
        d.view.text[t.start : t.start + 1].isupper() for t in d.m.tokens[si][lo + 1 : pos] if t.fact < 0
    )


def _concept(d: _Doc, fi: int) -> str:
    m = d.m.by_fact.get(fi)
    return (m.concept or "") if m is not None else ""


# Words that open an aside after a comma, at most a preposition before them (", in which", ", who").
_ASIDE_WORDS = frozenset({"which", "who", "whom", "whose", "where", "when"})


def _aside(d: _Doc, si: int, pos: int) -> bool:
    """Token ``pos`` stands in a relative clause opened after a comma (", which", ", in which", ", who")."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    for j in range(pos - 1, max(-1, lo - 1, pos - ASIDE_REACH), -1):
        if words[j] in _ASIDE_WORDS:
            before = words[max(0, j - 2) : j]
            return before[-1:] == (",",) or (len(before) == 2 and before[0] == "," and before[1].isalpha())
        if words[j] in (",", ";", ":"):
            break
    return False


# Tokens back from a figure to the word that opens its aside (", in which each side played 12").
ASIDE_REACH = 8
