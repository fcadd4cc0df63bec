"""Portions: a percentage of a whole noun phrase ("80% of Ethiopians", "a 95% share")."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from numcheck.mentions import CLAUSE_END
from numcheck.model import Span
from numcheck.relations.base import _DETERMINERS, _NP_STOP, SHARES, Relation, _Doc, _move_noun
from numcheck.vocab import PhraseTable, _toml

# Words of a whole's noun phrase after "of" ("of the Indian domestic airline market").
PORTION_NP = 6
_PRONOUNS = frozenset("it that this what which those these them him her its".split())
# Pronouns that may stand for the group or amount a percentage is a part of.
_GROUP_PRONOUNS = frozenset("them that this those these".split())


def _portions(d: _Doc) -> Iterator[Relation]:
    """A percentage as a portion of a whole: "80% of Ethiopians", "45% of the market", "a 95% share".

    Label ``whole`` is the whole's noun phrase. Left out: a ratio to another
    quantity ("120% of GDP", "150% of its 2003 level"), a change ("up 150%",
    "rose by 150%", "a 150% rise"), a percentage with a ratio cue before it
    ("debt equal to 120% of"), and a whole given as a figure ("of the 120
    staff", which the share relation reads).
    """
    v = d.v
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind not in SHARES or d.facts[fi].is_range:
                continue
            if d.facts[fi].kind == "share":
                # A fraction word is the same portion as its percentage ("a quarter of group turnover" is
                # "25% of group turnover"); only its plain "of" reading: no ratio, cut or level reached.
                whole = _portion_whole(d, si, pos + 2) if words[pos + 1 : pos + 2] == ("of",) else None
                if whole is not None:
                    noun = " ".join(words[whole[0] : whole[1]])
                    yield Relation(
                        "portion", (("share", fi),), (d.span(si, pos + 1, pos + 2),), "clause", (("whole", noun),)
                    )
                continue
            # A ratio or change cue before the figure (past a hedge: "rose by almost 150%").
            k = pos
            hedge = v.hedges.ending_at(words, k)
            if hedge:
                k = hedge[1]
            named = v.share_before.ending_at(words, k)
            if named and _of_ratio_base(d, si, pos + 1):
                continue  # "debt represents 150% of GDP": a ratio
            if named:  # "a turnout of 105%", "a market share of 130%", "accounts for 140% of"
                cue = d.span(si, named[1], k)
                yield Relation("portion", (("share", fi),), (cue,), "clause", (("whole", named[0]),))
                continue
            apposed = _apposed_part(d, si, k)
            if apposed:  # "2.6 million of its customers' homes, or 63%": the part restated as a share
                yield Relation("portion", (("share", fi),), (apposed[1],), "clause", (("whole", apposed[0]),))
                continue
            cut = _cut_by(d, si, k)
            if cut:  # "cut its staff by 125%": a cut is a part of what it cuts
                a, b = cut
                yield Relation(
                    "portion", (("share", fi),), (d.span(si, a, b),), "clause", (("whole", " ".join(words[a:b])),)
                )
                continue
            held = _share_reached(d, si, k) if not _compared_after(d, si, pos + 1) else None
            if held:  # "its market share rose to 112%": the level a share reached is a share
                yield Relation("portion", (("share", fi),), (d.span(si, held[1], k),), "clause", (("whole", held[0]),))
                continue
            ratio = v.ratio_cues.ending_at(words, k)
            if ratio and k >= 2 and words[k - 1] == "to" and toks[k - 2].fact < 0:
                ratio = None  # "from 72.8% in Eastgate to 104.6%", "rose to 104%": no "3 to 1"
            subject = _share_subject(d, si, k, pos) if not ratio else None
            if subject:  # "Uptake varies across the wards, from 72.8% in Eastgate to 104.6% in Northfield"
                yield Relation("portion", (("share", fi),), (subject[1],), "clause", (("whole", subject[0]),))
                continue
            if (v.ratio_cues.ending_at(words, k) and not _agent_by(d, si, k)) or v.direction.ending_at(words, k):
                continue
            j = pos + 1
            if j < len(words) and (v.direction.starting_at(words, j) or words[j] in ("more", "higher", "lower")):
                continue  # "a 150% rise", "150% more"
            opened = _of_opener(d, si, k)
            if opened is not None:  # "Of the repairs, 119% were completed": a part of the set the opener names
                a, b = opened
                noun = d.view.text[toks[a].start : toks[b - 1].end]
                yield Relation("portion", (("share", fi),), (d.span(si, a - 1, b),), "clause", (("whole", noun),))
                continue
            said = v.respondent_verbs.starting_at(words, j)
            if said and (k == 0 or words[k - 1] in (",", "and", "but", "while", "that", "whereas", ";")):
                # "... found that 120% said they would", "while 130% own a phone": a share of those asked
                yield Relation(
                    "portion", (("share", fi),), (d.span(si, j, said[1]),), "clause", (("whole", "those asked"),)
                )
                continue
            held = v.holding_nouns.starting_at(words, j)
            if held:
                h = held[1]
                whole = _portion_whole(d, si, h + 1) if h < len(words) and words[h] == "of" else None
                noun = " ".join(words[whole[0] : whole[1]]) if whole else "its whole"
                yield Relation("portion", (("share", fi),), (d.span(si, j, h),), "clause", (("whole", noun),))
                continue
            if j >= len(words) or words[j] != "of":
                continue
            whole = _portion_whole(d, si, j + 1)
            if whole is not None:
                a, b = whole
                noun = _whole_words(d, si, a, b)
                yield Relation("portion", (("share", fi),), (d.span(si, j, b),), "clause", (("whole", noun),))


# Words of an "Of the repairs," opener between "Of" and its comma.
OPENER_WORDS = 6


def _of_opener(d: _Doc, si: int, k: int) -> tuple[int, int] | None:
    """The words of the set an "Of ...," opener names when the figure starting at token ``k`` follows its
    comma: "Of the repairs, 119% were completed", "Of those who applied, 130% got a place"; None else."""
    words = d.m.words[si]
    if k < 3 or words[k - 1] != ",":
        return None
    for a in range(k - 2, max(-1, k - 3 - OPENER_WORDS), -1):
        w = words[a]
        if w == "of":
            opens = a == 0 or words[a - 1] in ('"', "(", ":", ";")
            if not opens or any(
                _move_noun(words[m]) or d.v.ratio_bases.starting_at(words, m) or d.v.frames.starting_at(words, m)
                for m in range(a + 1, k - 1)
            ):
                return None  # "Of the increase, 120% went on wages": a share of a move may pass 100%
            return a + 1, k - 1
        if (
            w in CLAUSE_END
            or w == ","
            or (d.m.tokens[si][a].fact >= 0 and d.facts[d.m.tokens[si][a].fact].kind in SHARES)
        ):
            return None
    return None


# Words back from ", or" (or a bracket) to the "of" of the part restated ("48 of the region's care homes").
APPOSED_REACH = PORTION_NP + 2


def _apposed_part(d: _Doc, si: int, k: int) -> tuple[str, Span] | None:
    """ "2.6 million of its customers' homes, or 63%", "48 of the county's care homes (30%)": a figure
    told as a part "of" a whole noun, then restated as a percentage after ", or" or in a bracket; the
    whole's noun and the cue, else None."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if k >= 2 and words[k - 1] == "or" and words[k - 2] == ",":
        end = k - 2
    elif k >= 1 and words[k - 1] == "(":
        end = k - 1
    else:
        return None
    for j in range(end - 1, max(0, end - APPOSED_REACH), -1):
        if words[j] == "of" and toks[j - 1].fact >= 0 and d.facts[toks[j - 1].fact].kind not in SHARES:
            whole = _portion_whole(d, si, j + 1)
            if whole is None or whole[1] != end:
                return None
            return " ".join(words[whole[0] : whole[1]]), d.span(si, j, k)
        if toks[j].fact >= 0 or words[j] in CLAUSE_END:
            return None
    return None


# Words between a cutting verb and "by" that name what it cuts, and the nouns a cut may take past zero
# ("cut its losses by 150%" turns them to a profit).
CUT_OBJECT = 6
_PAST_ZERO = frozenset("loss losses deficit deficits debt debts gap shortfall emissions borrowing overdraft".split())


def _cut_by(d: _Doc, si: int, k: int) -> tuple[int, int] | None:
    """The tokens of what a verb of cutting cuts when the percentage after token ``k`` is its size: "cut
    its payroll by 130%", "will reduce the fund's budget by 110%"; else None. A fall with no object ("fell
    by 125%") and what a cut may take past zero ("its losses") are left alone."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if k < 3 or words[k - 1] != "by":
        return None
    for v in range(k - 2, max(-1, k - 2 - CUT_OBJECT), -1):
        if toks[v].fact >= 0 or words[v] in CLAUSE_END or words[v] == ",":
            return None
        hit = d.v.direction.starting_at(words, v)
        if hit is None:
            continue
        if hit[0] != "down" or words[v] in ("down", "less", "lower", "fewer"):
            return None
        a, b = hit[1], k - 1
        named = [w for w in words[a:b] if w.isalpha() and w not in _DETERMINERS]
        if not named or set(words[a:b]) & _PAST_ZERO:
            return None
        return a, b
    return None


# Nouns of a share whose level may move ("its market share rose to 48%", "the stake climbed to 30%"): a
# level they reach is still a share of their whole.
_MOVING_SHARES = {
    "share": "its market",
    "stake": "the company",
    "shareholding": "the company",
    "turnout": "the electorate",
}


# Words after a percentage that make it a change or a gap: "105% higher", "12% more than".
_COMPARED = frozenset("more less higher lower above below up down bigger smaller larger greater".split())


def _compared_after(d: _Doc, si: int, j: int) -> bool:
    words = d.m.words[si]
    return j < len(words) and (words[j] in _COMPARED or d.v.direction.starting_at(words, j) is not None)


def _share_reached(d: _Doc, si: int, k: int) -> tuple[str, int] | None:
    """The whole and the noun's token when a share noun moves to the figure after token ``k`` or stands
    at it: "Its share of the market rose to 112%", "turnout climbed to 104%", "turnout hit 103%" (not
    "share price", "share of GDP")."""
    words = d.m.words[si]
    if k < 2:
        return None
    moved = d.v.direction.ending_at(words, k - 1) if words[k - 1] == "to" else None
    if moved is None:
        level = d.v.level_verbs.ending_at(words, k)
        moved = level if level is not None and level[0] == "level" else None
        if moved is None or moved[1] < 1 or words[moved[1] - 1] not in _MOVING_SHARES:
            return None  # a level verb right after the share noun: "turnout hit 103%"
    lo = d.m.clause_start(si, moved[1])
    for x in range(moved[1] - 1, lo - 1, -1):
        whole = _MOVING_SHARES.get(words[x])
        if whole is None:
            continue
        if x + 1 < len(words) and words[x + 1] in ("price", "prices", "index") or _of_ratio_base(d, si, x + 1):
            return None
        return whole, x
    return None


@functools.cache
def _share_subjects() -> PhraseTable:
    return PhraseTable.build((p, "share") for p in _toml("vocab.toml")["portion"]["share_subjects"])


# Words a share noun may carry before it at the head of its sentence ("The city's vaccine uptake").
SUBJECT_REACH = 4
# Words right before a percentage that make it a change's size or a gap, not the share's level.
_NOT_SHARE_LEVEL = frozenset({"by", "of", "than", "up", "down", "points", "per"})


def _share_subject(d: _Doc, si: int, k: int, pos: int) -> tuple[str, Span] | None:
    """The whole and the cue when the percentage at ``pos`` (its hedge from ``k``) is the level of a share
    named as its sentence's subject (``[portion] share_subjects``: "Uptake was 104.6%", "Vaccine uptake
    ranges from 72.8% to 104.6%"): a share of its people, at most 100%. Not a change's size, a gap or a
    comparison ("rose by 12%", "12% higher")."""
    words = d.m.words[si]
    if k > 0 and words[k - 1] in _NOT_SHARE_LEVEL or _compared_after(d, si, pos + 1):
        return None
    if k > 0 and words[k - 1] != "to" and d.v.direction.ending_at(words, k):
        return None  # "Uptake rose 12%": a change's size ("rose to 104%" is the level reached)
    table = _share_subjects()
    for j in range(min(len(words), SUBJECT_REACH)):
        hit = table.starting_at(words, j)
        if hit is not None:
            if any(d.m.tokens[si][x].fact >= 0 for x in range(j)):
                return None
            return "its people", d.span(si, j, hit[1])
        if not (words[j] in _DETERMINERS or words[j].endswith("'s") or words[j].isalpha()):
            return None
    return None


def _of_ratio_base(d: _Doc, si: int, j: int) -> bool:
    """ "of GDP", "of its 2003 level" after token ``j``: the percentage is a ratio to another quantity."""
    words = d.m.words[si]
    if j >= len(words) or words[j] != "of":
        return False
    k = j + 1
    while k < len(words) and words[k] in _DETERMINERS:
        k += 1
    for m in range(k, min(len(words), k + PORTION_NP)):
        if words[m] in CLAUSE_END or words[m] in _NP_STOP:
            break
        if d.v.ratio_bases.starting_at(words, m) or d.v.frames.starting_at(words, m) or d.m.tokens[si][m].fact >= 0:
            return True
    return False


def _portion_whole(d: _Doc, si: int, start: int) -> tuple[int, int] | None:
    """The noun phrase after "of" as token bounds, or None when it is a ratio base, a figure or a pronoun."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    v = d.v
    j = start
    while j < len(words) and words[j] in ("the", "a", "an", "its", "their", "his", "her", "our", "all", "this"):
        j += 1
    a = j
    while j < len(words) and j - a < PORTION_NP:
        w = words[j]
        if toks[j].fact >= 0:
            if j > a:
                break
            if not _counted_whole(d, si, j):
                return None  # "of its 2003 level", "of the £2m": a figure names the whole
            j += 1  # "of the 400 staff": the count and its noun are the whole
            continue
        if w in CLAUSE_END or w in _NP_STOP or not w[0].isalpha() and w != "'" and w != "-":
            break
        if j > a and (w.endswith("ed") or w in ("into", "onto", "upon")):
            break  # "of the viewing public tuned in": the verb ends the whole
        if v.ratio_bases.starting_at(words, j) or v.frames.starting_at(words, j):
            return None
        j += 1
    if a + 1 < len(words) and words[a] in _GROUP_PRONOUNS:
        if (
            words[a] in ("those", "these")
            and a + 2 < len(words)
            and words[a + 1].isalpha()
            and words[a + 1].endswith("s")
            and not v.ratio_bases.starting_at(words, a + 1)
            and words[a + 2] in v.pronoun_verbs
        ):
            return a, a + 2  # "104% of those graduates were in work": a part of the group just named
        if words[a + 1] in v.pronoun_verbs:
            # "190% of them were on hold", "130% of those asked": a part of what was just named.
            return (a, a + 2) if words[a + 1].endswith("ed") and words[a] == "those" else (a, a + 1)
        return None
    if j == a or words[a] in _PRONOUNS:
        return None
    return a, j


def _whole_words(d: _Doc, si: int, a: int, b: int) -> str:
    """The whole's words from token ``a`` to ``b``, a figure among them as written ("400 staff")."""
    toks = d.m.tokens[si]
    return " ".join(
        d.facts[t.fact].text if t.fact >= 0 else w for t, w in zip(toks[a:b], d.m.words[si][a:b], strict=True)
    )


def _counted_whole(d: _Doc, si: int, j: int) -> bool:
    """The figure at token ``j`` counts the whole it opens: "of the 400 staff", "of its 1,200 members" (a
    plain count with its noun after it)."""
    f = d.facts[d.m.tokens[si][j].fact]
    words = d.m.words[si]
    return f.kind == "count" and not f.is_range and j + 1 < len(words) and words[j + 1].isalpha()


def _agent_by(d: _Doc, si: int, k: int) -> bool:
    """ "by" before the figure (token ``k``) names who did something, not a change's size: "backed by 112% of
    shareholders", "watched by 130% of viewers" (a participle of [portion] agent_participles before it)."""
    words = d.m.words[si]
    return k >= 2 and words[k - 1] == "by" and words[k - 2] in d.v.agent_participles
