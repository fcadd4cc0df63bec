"""A group named by a noun of its own within a larger group another noun names, told sentences apart:
"Health officials have confirmed 820 cases … Some 910 people have been taken to hospital", "The airline
employs 12,000 staff … a union representing 14,000 of its pilots". Those an outbreak put in hospital are
among its cases, and a carrier's pilots among its staff, so the group is at most the larger one.

Which groups lie within which is data (vocab.toml ``[subgroups]``), read through each figure's frame
(``Mentions.frame``): the group and the larger group have one holder, time, place and mood. The reader
runs only when a document has a figure of a listed group and one of its larger group, and reads each
group against the nearest larger group's figure (linear in the figures of the two concepts).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from numcheck.mentions import CLAUSE_END, Frame, same_holder
from numcheck.relations.base import Relation, _Doc

# Kinds a group is counted in.
_COUNTED = frozenset({"count", "number"})
# Sentences apart a group and its larger group may stand: a story's lead and the paragraph that gives
# the group (a longer story moves on to other counts).
SUBGROUP_SENTENCES = 6
# Roles that make a figure something other than the group's level: another group, a share of each.
_NOT_LEVELS = frozenset({"another", "each", "remainder", "part"})
# Words after a group's noun read for the holder it is told as belonging to ("pilots at bankrupt Skyways").
TIE_REACH = 4
# Words before a larger group's noun read for a word that narrows it ("3,200 active cases").
NARROWING_REACH = 3
# Nouns that name an illness or cause in general: "cases of the disease" names no disease of its own.
_GENERIC_CAUSES = frozenset("disease illness infection infections virus bug outbreak symptoms the a an".split())
# Prepositions after which a count's clause names what its group has or came from ("cases of measles",
# "taken to hospital with flu").
_CAUSE_PREPOSITIONS = frozenset({"of", "with", "from"})
# Prepositions before a larger group's figure that make it a group picked out ("taken from 40 patients").
_SAMPLED_BY = frozenset({"from", "on", "among", "for", "between", "to"})
# A figure's time told as now ("so far", "this year") is the time of one told with none.
_NOW = frozenset({"", "now"})
# Words right before a verb of cutting that make the cut a plan: "is to axe", "will cut", "is cutting".
_PLAN_BEFORE = frozenset("to will would could may might is are".split())
# Sentences apart that a planned cut and the level it is cut from may stand.
CUT_SENTENCES = 3
# Words after a cut's figure within which "to go", "will be lost" may start ("3,000 of its jobs are to go").
CUT_AFTER_REACH = 6
# Sentences back that the group a "with N receiving" part is of may be counted.
WITH_BACK = 2
# Words at a sentence's start read for the subject whose group a "with N receiving" part is of.
SUBJECT_REACH = 8
# Words that end a sentence's subject before its first listed noun.
_SUBJECT_ENDS = frozenset("is are was were will would has have had said says".split())
# Words that tie a group to a holder when they stand after its noun: "pilots at Skyways", "employed by".
_TIE_AFTER = frozenset({"at", "by", "for"})


def _subgroups(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """Each figure of a listed group against the nearest figure of its larger group within
    ``SUBGROUP_SENTENCES`` (not in its own sentence, where other readers read the clauses): the group is
    part of the larger one. Both are counts of one holder (or one names none) and one time, neither told
    as a forecast ("expects 1,000 cases"); the
    larger group's noun is not narrowed ("active cases", "ground staff") and neither is counted across
    several holders ("pilots at several airlines"); a group of ``held`` kind (pilots, nurses) is told as
    the holder's ("its pilots", "pilots at Skyways"); a cause named with each ("cases of measles", "in
    hospital with flu") is one."""
    sub = d.v.subgroups
    larger = {w for w, _ in sub.values()}
    parts: list[tuple[int, int, int, Frame]] = []
    wholes: dict[str, list[tuple[int, int, int, Frame]]] = {}
    for si, pos, fi, _f in d.figures(_COUNTED):
        m = d.m.by_fact.get(fi)
        # A forecast word before it ("expects 1,000 cases") makes a figure no count; a modal after what it
        # counts ("4,600 teachers will lose pay") is said of the group's act, not its size.
        if m is None or m.roles & _NOT_LEVELS or "forecast" in m.roles:
            continue
        fr = d.m.frame(fi)
        if fr.concept in sub:
            parts.append((si, pos, fi, fr))
        elif fr.concept in larger:
            wholes.setdefault(fr.concept, []).append((si, pos, fi, fr))
    if not parts or not wholes:
        return
    in_change = {i for rel in built.get("change", {}).values() for _, i in rel.roles}
    sents = d.view.doc.sentences
    for ps, ppos, pi, pf in parts:
        whole_concept, held = sub[pf.concept]
        near = [
            x
            for x in wholes.get(whole_concept, ())
            if x[0] != ps and abs(x[0] - ps) <= SUBGROUP_SENTENCES and sents[x[0]].section == sents[ps].section
        ]
        if not near or pi in in_change:
            continue
        # The nearest sentence that gives the larger group; of its figures, the first of the group's frame.
        first = min(abs(x[0] - ps) * 2 + (x[0] > ps) for x in near)
        fitting = [x for x in near if abs(x[0] - ps) * 2 + (x[0] > ps) == first and _one_frame(x[3], pf, held)]
        if not fitting:
            continue
        ws, wpos, wi, wf = fitting[0]
        if wi in in_change or _own_group(d, ws, pf.concept) or _own_group(d, ps, whole_concept):
            continue
        if _rival(d, ps, ppos) or _rival(d, ws, wpos):
            continue
        if (pf.holder and not wf.holder and _names_other(d, ws, wpos, pf.holder)) or (
            wf.holder and not pf.holder and _names_other(d, ps, ppos, wf.holder)
        ):
            continue
        if (
            _narrowed(d, ws, wpos)
            or _sampled(d, ws, wpos)
            or _fresh(d, ps, ppos)
            or _fresh(d, ws, wpos)
            or _across(d, ps, ppos)
            or _across(d, ws, wpos)
        ):
            continue
        if held and not _tied(d, ps, ppos, pf, wf):
            continue
        if not held and not _same_cause(d, ps, ppos, ws, wpos):
            continue
        yield Relation("part", (("part", pi), ("whole", wi)), (), "document", (("frame", "subgroup"),))


def _with_parts(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """ "Members of the society will share £42m, with 900,000 receiving more than £100": a count after
    "with" and before a verb in "-ing" (or "set to", "due to") is a part of the group the sentence's
    subject names, whose count is told before it in the sentence or up to ``WITH_BACK`` sentences back
    (the nearest figure of that concept, of one time, not a forecast). The subject is the sentence's first
    listed noun before its verb, not narrowed ("other members")."""
    for si, pos, fi, _f in d.figures(_COUNTED):
        words = d.m.words[si]
        lo = d.hedge_start(si, pos)
        if lo < 2 or words[lo - 1] != "with" or words[lo - 2] != "," or pos + 1 >= len(words):
            continue
        after = words[pos + 1]
        if not ((after.endswith("ing") and len(after) > 4) or after in d.v.with_after) or after in d.v.concepts:
            continue
        concept = _subject_concept(d, si, lo)
        if not concept:
            continue
        pf = d.m.frame(fi)
        whole = _told_before(d, si, pos, concept, pf)
        if whole >= 0:
            yield Relation("part", (("part", fi), ("whole", whole)), (), "document", (("frame", "subgroup"),))


def _planned_cuts(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """ "Acme employs 2,500 people. It plans to cut 3,000 jobs.": a count a holder plans to cut, close,
    sell or lose (a verb of ``cut_before`` right before it, or ``cut_after`` words after its noun: "3,000
    jobs are to go"), told as a plan (a forecast or future), is a part of the level of the same concept it
    holds now (told with a verb of holding: "employs", "has", "a workforce of"), the nearest one told
    within ``CUT_SENTENCES`` (before or after; in its own sentence before it), of one holder and place."""
    cuts: list[tuple[int, int, int, Frame]] = []
    for si, pos, fi, _f in d.figures(_COUNTED):
        cut = _cut_at(d, si, pos) if fi in d.m.by_fact else ""
        if not cut:
            continue
        fr = d.m.frame(fi)
        if fr.concept and fr.concept not in d.v.generic and (cut == "plan" or fr.mood or fr.period == "future"):
            cuts.append((si, pos, fi, fr))
    if not cuts:
        return
    in_change = {i for rel in built.get("change", {}).values() for _, i in rel.roles}
    cut_facts = {c[2] for c in cuts}
    for ps, ppos, pi, pf in cuts:
        best: tuple[int, int, int, int, Frame] | None = None
        for si, pos, fi, _f in d.figures(_COUNTED):
            if abs(si - ps) > CUT_SENTENCES or (si == ps and pos > ppos) or fi in cut_facts or fi in in_change:
                continue
            m = d.m.by_fact.get(fi)
            if m is None or m.direction or m.roles & _NOT_LEVELS or "forecast" in m.roles:
                continue
            wf = d.m.frame(fi)
            if wf.concept != pf.concept or wf.mood or not _now(wf.period) or not _held_level(d, si, pos):
                continue
            rank = abs(si - ps) * 2 + (si > ps)
            if best is None or rank < best[0]:
                best = (rank, si, pos, fi, wf)
        if best is None:
            continue
        _, ws, wpos, wi, wf = best
        if not _one_frame(wf, replace(pf, period=""), held=True) or _narrowed(d, ws, wpos, before=False):
            continue
        # A level told "currently" is the level a plan cuts from ("It currently employs 5,800 staff").
        if _across(d, ps, ppos) or _rival(d, ps, ppos) or _rival(d, ws, wpos) or _within_holder(d, ws, wpos):
            continue
        if (pf.holder and not wf.holder and _names_other(d, ws, wpos, pf.holder)) or (
            wf.holder and not pf.holder and _names_other(d, ps, ppos, wf.holder)
        ):
            continue
        yield Relation("part", (("part", pi), ("whole", wi)), (), "document", (("frame", "cut"),))


def _held_level(d: _Doc, si: int, pos: int) -> bool:
    """A verb or word of holding right before the figure: "employs 2,500", "has 120 stores", "a workforce
    of 4,100", "its 900 branches"; not a count of what went ("12,500 jobs had gone", "the loss of 1,900
    jobs")."""
    words = d.m.words[si]
    lo = d.hedge_start(si, pos)
    if lo < 1 or words[lo - 1] not in d.v.holding_verbs:
        return False
    return not (words[lo - 1] == "of" and lo > 1 and words[lo - 2] in d.v.cut_nouns)  # "the loss of 1,900 jobs"


def _cut_at(d: _Doc, si: int, pos: int) -> str:
    """ "before" for a verb of ``cut_before`` right before the figure (past its hedge: "cut up to 3,000"),
    "after" for words of ``cut_after`` within a few words after it ("3,000 jobs are to go"), else ""."""
    words = d.m.words[si]
    lo = d.hedge_start(si, pos)
    hit = d.v.cut_before.ending_at(words, lo)
    if hit is not None:
        return "plan" if hit[1] > 0 and words[hit[1] - 1] in _PLAN_BEFORE else "before"
    for j in range(pos + 1, min(len(words), pos + 1 + CUT_AFTER_REACH)):
        if d.m.tokens[si][j].fact >= 0 or words[j] in CLAUSE_END:
            return ""
        if d.v.cut_after.starting_at(words, j) is not None:
            return "plan"
    return ""


def _subject_concept(d: _Doc, si: int, end: int) -> str:
    """The concept of the first listed noun of the sentence before token ``end`` and before any figure or
    verb ("Members of the society will share" → user); "" when a narrowing word or a verb comes first."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for k in range(min(end, SUBJECT_REACH)):
        w = words[k]
        if toks[k].fact >= 0:
            continue  # "The society's 800,000 members will share": the group's own count
        if w in d.v.narrowing or w in _SUBJECT_ENDS:
            return ""
        concept = d.v.concepts.get(w)
        if concept and concept not in d.v.generic:
            return concept
    return ""


def _told_before(d: _Doc, si: int, pos: int, concept: str, pf: Frame) -> int:
    """The nearest count of ``concept`` before token ``pos`` (in its sentence or up to ``WITH_BACK``
    back), of the part's time (told in another sentence) and not a forecast or a part of something; -1
    when the nearest is not."""
    for s2, _k, wi in d.m.figures_before(si, pos, WITH_BACK):
        w = d.facts[wi]
        wm = d.m.by_fact.get(wi)
        if wm is None or w.kind not in _COUNTED or w.is_range or w.value is None:
            continue
        wf = d.m.frame(wi)
        if wf.concept != concept:
            continue
        if wm.roles & _NOT_LEVELS or "forecast" in wm.roles:
            return -1
        # The subject's noun ties the part to the group, whoever a possessive in it names ("Savers at the
        # country's third-biggest mutual"): times are compared, holders are not.
        if s2 != si and not _one_frame(replace(wf, holder=""), pf, held=False):
            return -1  # in one sentence, "will share" is said of the group, not of when it is counted
        return wi
    return -1


def _one_frame(whole: Frame, part: Frame, held: bool) -> bool:
    """One holder (or either names none), one time (told as now or with none), no part of a time; the group's place is
    the larger group's or within it (the larger group names no place, or the whole region). A group
    counted by what it is (in hospital, dead) and told with no place is the larger group's place's
    ("1,013 infections in the US … 1,203 hospitalisations"); a holder's group (pilots) is not: "12,000
    staff in the UK" and "14,000 pilots" may be counted worldwide."""
    if part.part == "part" or whole.part == "part":
        return False
    if part.period != whole.period and not (_now(part.period) and _now(whole.period)):
        return False
    if part.holder and whole.holder and not same_holder(part.holder, whole.holder):
        return False
    if whole.scope and whole.scope != "whole":
        return part.scope == whole.scope or (not part.scope and not held)
    return not (part.scope == "whole" and whole.scope != "whole")


def _own_group(d: _Doc, si: int, concept: str) -> bool:
    """The sentence gives its own figure of ``concept``. When the larger group's sentence gives its own
    group ("Northern province has 15 deaths and 900 cases"), a group told elsewhere ("six deaths" in
    another province) is another's; when the group's sentence gives its own larger group ("205 cases, with
    180 fatalities"), that is the group's whole, read within the sentence."""
    return any(d.m.frame(t.fact).concept == concept for t in d.m.tokens[si] if t.fact >= 0 and t.fact in d.m.by_fact)


def _names_other(d: _Doc, si: int, pos: int, holder: str) -> bool:
    """The figure's clause, which names no holder of its own, names someone or somewhere other than the
    other figure's holder inside it ("Officials in Ruritania have confirmed 300 cases" against
    Valdoria's): two holders."""
    toks = d.m.tokens[si]
    text = d.view.text
    own = set(holder.split())
    for k in _clause(d, si, pos):
        if k == 0 or toks[k].fact >= 0:
            continue
        w = toks[k].text.removesuffix("'s")
        if text[toks[k].start : toks[k].start + 1].isupper() and w[:1].isalpha() and w not in d.v.not_names:
            if w not in own:
                return True
    return False


def _now(period: str) -> bool:
    """A time told as now: none, "now", "so far", or the current year, month or week ("this year")."""
    return period in _NOW or period.startswith("0 ")


def _rival(d: _Doc, si: int, pos: int) -> bool:
    """The figure's clause names another holder than the one told before ("Rival Baxter plans to cut")."""
    words = d.m.words[si]
    return any(words[k] in d.v.other_holders for k in _clause(d, si, pos))


def _within_holder(d: _Doc, si: int, pos: int) -> bool:
    """The figure's clause counts for a part of a holder ("Acme's UK arm employs 2,500 people")."""
    words = d.m.words[si]
    return any(words[k] in d.v.holder_parts for k in _clause(d, si, pos))


def _clause(d: _Doc, si: int, pos: int) -> range:
    return range(d.m.clause_start(si, pos), d.m.clause_end(si, pos))


def _narrowed(d: _Doc, si: int, pos: int, before: bool = True) -> bool:
    """A word before the larger group's noun (or, with ``before``, before its figure) makes it a narrower
    group: "3,200 active cases", "its 400 ground staff", "there are currently 500 cases"."""
    words = d.m.words[si]
    lo = d.hedge_start(si, pos)
    said = words[max(0, lo - 2) : lo] if before else ()
    after = words[pos + 1 : pos + 1 + NARROWING_REACH]
    return any(w in d.v.narrowing for w in (*said, *after))


def _sampled(d: _Doc, si: int, pos: int) -> bool:
    """The larger group is the object of a preposition ("samples were taken from 40 patients", "tests on
    300 cases"): a group picked out for something, not the whole the story counts."""
    lo = d.hedge_start(si, pos)
    return lo > 0 and d.m.words[si][lo - 1] in _SAMPLED_BY


def _fresh(d: _Doc, si: int, pos: int) -> bool:
    """The group is a fresh day's or week's count ("40 new hospitalisations", "a further 12 deaths")."""
    words = d.m.words[si]
    lo = d.hedge_start(si, pos)
    return any(w in d.v.fresh_words for w in words[max(0, lo - 2) : pos + 3])


def _across(d: _Doc, si: int, pos: int) -> bool:
    """The figure's clause counts across several holders: "at several airlines", "across the industry"."""
    words = d.m.words[si]
    return any(words[k] in d.v.several for k in _clause(d, si, pos))


def _tied(d: _Doc, si: int, pos: int, part: Frame, whole: Frame) -> bool:
    """The group is told as the holder's: a possessive in its clause before it ("14,000 of its pilots",
    "the airline's 900 pilots"), "at"/"by"/"for" and a name or "the <holder noun>" after its noun
    ("flight attendants at bankrupt Skyways", "pilots employed by the carrier"), or a holder of its own
    that is the larger group's."""
    if part.holder and whole.holder and same_holder(part.holder, whole.holder):
        return True
    words = d.m.words[si]
    toks = d.m.tokens[si]
    text = d.view.text
    span = _clause(d, si, pos)
    for k in range(span.start, pos):
        w = words[k]
        if w in d.v.holder_pronouns and w not in ("it", "he", "she", "they", "him", "them"):
            return True  # "its", "their"
        if w.endswith("'s") and w[:1].isalpha():
            return True
    end = min(span.stop, pos + 1 + TIE_REACH + 2)
    for k in range(pos + 1, end):
        if words[k] in CLAUSE_END or toks[k].fact >= 0:
            break
        if k <= pos + 3 and (words[k] in ("its", "their") or words[k].endswith("'s")):
            return True  # "14,000 of its pilots", "900 of the carrier's nurses"
        if words[k] not in _TIE_AFTER:
            continue
        for j in range(k + 1, min(end + 2, span.stop)):
            w = words[j]
            if w in ("its", "their") or (w == "the" and j + 1 < len(words) and words[j + 1] in d.v.holder_nouns):
                return True
            if text[toks[j].start : toks[j].start + 1].isupper() and w not in d.v.not_names:
                return True
            if toks[j].fact >= 0 or not w[:1].isalpha() or j - k > TIE_REACH:
                break
    return False


def _cause(d: _Doc, si: int, pos: int) -> str:
    """What a count's clause names its group as having or coming from: "820 cases of measles" → measles,
    "910 taken to hospital with flu" → flu; "" when none (or a general word: "cases of the disease")."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for k in range(pos + 1, d.m.clause_end(si, pos) - 1):
        if toks[k].fact >= 0:
            break
        if words[k] in _CAUSE_PREPOSITIONS:
            w = words[k + 1]
            if w in ("the", "a", "an") and k + 2 < len(words):
                w = words[k + 2]
            if w in d.v.holder_pronouns or w in ("whom", "which"):
                continue  # "14,000 of its pilots", "of whom": whose, not what
            return "" if w in _GENERIC_CAUSES or not w[:1].isalpha() else w
    return ""


def _same_cause(d: _Doc, ps: int, ppos: int, ws: int, wpos: int) -> bool:
    """The group and the larger one name no two causes: "820 cases of measles" and "910 in hospital with
    flu" are two outbreaks."""
    a, b = _cause(d, ps, ppos), _cause(d, ws, wpos)
    return not a or not b or a == b
