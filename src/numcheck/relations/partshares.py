"""Shares of a told part: a share word or percentage set against a part and its whole told apart.

The editor's arithmetic: a share says part ÷ whole, and a reader finds the two by the structure of the
text, not by one sentence shape. The part is the amount the share is set beside ("51,300 of the units
now stand empty, about one in five"; "9,920 such offences, one in four of all crimes") or, when the
share's sentence opens on a pointer and tells no amount of its own ("That means one in five purchases
...", "That is about a third of the year group."), an amount of the sentence before. The whole is the one
the part was told as a part of ("310 of them", "Of those, 335", ``referents.own_whole``), the whole a
first-pass relation gave the part, or the earlier count the words after "of" name by their noun ("of all
crimes" → "24,800 crimes"; "of the units tracked" → "367,000 shop units"; "of that group" → "412 people
aged 18 to 34, the age group ...").

Several readings may stand (two parts in the sentence before, a whole and its older level): the one that
fits the share best is kept, so a share is flagged only when no reading of the text makes it true. A
share told of another place or scope ("one in three nationally") or already read by another builder is
left alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from numcheck.interval import Interval
from numcheck.mentions import CLAUSE_END, same_holder
from numcheck.model import Fact
from numcheck.relations.base import _NP_STOP, COUNTABLE, FRAME_KINDS, SHARES, Relation, _Doc, family, same_family
from numcheck.relations.referents import own_whole, owner_differs
from numcheck.vocab import singular

Built = Mapping[str, Mapping[object, Relation]]

# Sentences back a whole named by its noun may be told: the whole story ("of revenue" after the headline's).
NAMED_BACK = 60
# Words of the noun phrase after a share's or a part's "of" read for the whole's noun ("of the year group").
OF_WORDS = 4
# Words after a whole's figure in its clause that may name it again ("412 people aged 18 to 34, the age
# group in which ..."): a noun told there names the whole as well.
APPOSED_NAME = 10
# Words a pointer opening takes before its share, past the share's hedge: the pointer and its verb ("That
# means about one in three"); "That is below the 75% target" sets it against another level.
POINTER_REACH = 2
# Words before a share that set it beside the amount told before it ("..., about one in five").
_APPOSING = frozenset({",", "or", "-", "–", "—"})
# Words before a share a word of change may stand in ("a rise of 52.5%").
CHANGE_REACH = 3
# Words that open another clause, with a subject of its own, between an amount and a share.
_CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas", "with"})
# Words after the noun of a share's whole that narrow it to a place, a time or a source ("of children in
# England", "of all complaints made to ombudsmen", "of the workforce there"): another whole than the one told.
_NARROWING = frozenset({"in", "to", "by", "across", "at", "nationally", "there", "from", "for", "outside", "around"})
# Pointer words that open a sentence and stand for what the sentence before told.
_POINTERS = frozenset({"that", "this", "it", "which"})
# Determiners and pointers that may open the phrase after "of" ("of all crimes", "of that group").
_OF_DETERMINERS = frozenset("the all its their his her our that this these those".split())
# Tokens of a possessive and words of a time inside the phrase after "of" ("of last year's burglaries").
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
_TIME_WORDS = frozenset({"last", "next", "this", "year", "month", "week", "quarter", "day", "season"})
# Words of a whole named by no noun of its own ("of the total"): it is the whole the part points back to.
_GENERIC_WHOLES = frozenset({"total"})
# Words that set a share against another whole: "against roughly one in three nationally".
_AGAINST = frozenset(
    {"against", "compared", "than", "versus", "nationally", "average", "below", "above", "target", "under", "over"}
)
# Pronouns after a share's "of" that make the amount before it its whole ("150 apprentices, a third of them").
_WHOLE_BEFORE = frozenset({"them", "those", "these", "it", "which", "whom", "this", "that"})
# Kinds of relation that read a share as something other than a part of a whole (a change, a poll's
# result, a multiple): a share in one of them is left to that reading.
_OTHER_READINGS = frozenset({"change", "share", "multiple", "tally", "qualifier", "restatement", "lead"})


def _told_part_shares(d: _Doc, built: Built) -> Iterator[Relation]:
    """A share set against the part and whole the text told apart: "Sales show 1,240 homes changed hands.
    First-time buyers accounted for 310 of them. That means one in five purchases ..." (310 of 1,240 is
    one in four)."""
    taken = _read_elsewhere(built)
    known = _known_wholes(built)
    for si, pos, fi, f in d.figures(SHARES):
        if fi in taken or not _plain_share(d, si, pos, f):
            continue
        best: tuple[Decimal, int, int] | None = None
        for part in _parts(d, si, pos):
            for whole in _wholes(d, si, pos, part, known):
                fit = _misfit(d, d.facts[part], d.facts[whole], f)
                if fit is not None and (best is None or fit < best[0]):
                    best = (fit, part, whole)
        if best is not None:
            _, part, whole = best
            roles = (("part", part), ("whole", whole), ("share", fi))
            yield Relation("share", roles, (d.span(si, pos, pos + 1),), "document")


def _read_elsewhere(built: Built) -> set[int]:
    """Shares another reading already holds: a change's stated rate, a share judged by its own part."""
    out: set[int] = set()
    for kind in _OTHER_READINGS:
        for rel in built.get(kind, {}).values():
            out.update(i for _, i in rel.roles)
    return out


def _known_wholes(built: Built) -> dict[int, set[int]]:
    """Each part's whole as the first pass read it: "First-time buyers accounted for 310 of them" → 1,240;
    a breakdown's items are parts of its total."""
    out: dict[int, set[int]] = {}
    for rel in built.get("part", {}).values():
        part, whole = rel.get("part"), rel.get("whole")
        if part is not None and whole is not None:
            out.setdefault(part, set()).add(whole)
    for rel in built.get("breakdown", {}).values():
        total = rel.get("total")
        for item in rel.all("item"):
            if total is not None:
                out.setdefault(item, set()).add(total)
    return out


def _plain_share(d: _Doc, si: int, pos: int, f: Fact) -> bool:
    """A share told as a part of something: not a range, not a change ("up 12%", "a rise of 12%"), not a
    share of another scope ("one in three nationally")."""
    if f.is_range or f.value is None or f.value <= 0:
        return False
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    if k > 0 and words[k - 1] in ("by", "to", "from", "at", "on"):
        return False  # "rose by 12%", "fell to 9%", "stood at 15%"
    lo = max(0, k - CHANGE_REACH)
    lo = max([lo] + [j + 1 for j in range(lo, k) if words[j] == ","])  # "£25 or less, a third": not its clause
    if any(d.v.direction.ending_at(words, j) for j in range(lo, k + 1)):
        return False  # "up 12%", "a rise of 52.5%"
    if any(w in _AGAINST for w in words[max(0, k - 3) : pos + 6]):
        return False
    if words[pos + 1 : pos + 2] == ("of",) and words[pos + 2 : pos + 3] and words[pos + 2] in _WHOLE_BEFORE:
        if pos + 3 >= len(words) or not words[pos + 3].isalpha() or words[pos + 3] in _NP_STOP:
            return False  # "150 apprentices, a third of them in software": the amount before is its whole
    return not (f.kind == "percent" and pos + 1 < len(words) and words[pos + 1] in ("points", "point"))


def _parts(d: _Doc, si: int, pos: int) -> list[int]:
    """The amounts a share may be told of: those of the clause it is set beside after a comma ("9,920 such
    offences in 2023-24, one in four of all crimes"; "335 are priced at £25 or less, a third of the house"),
    else, after a pointer opening, those of the sentence before ("That means one in five purchases ...")."""
    k = d.hedge_start(si, pos)
    words = d.m.words[si]
    if k > 0 and words[k - 1] in _APPOSING:
        nearest: dict[str, int] = {}
        for fi in _amounts(d, si, 0, k):
            if _other_clause(d, si, d.pos_of(fi)[1], k):
                break  # "20,000 went to residents and the rest, about three-fifths,": the share is the rest's
            if not _share_between(d, si, d.pos_of(fi)[1], pos):
                nearest.setdefault(family(d.facts[fi]), fi)  # "meaning 6,009, or 96.7%": not the 428 before
        return [fi for fi in nearest.values() if (d.facts[fi].value or 0) > 1]
    if _amounts(d, si, 0, pos) or si == 0 or not _pointer_opening(d, si, pos):
        return []
    return _amounts(d, si - 1, 0, len(d.m.tokens[si - 1]))


def _amounts(d: _Doc, si: int, a: int, b: int) -> list[int]:
    """Countable amounts between tokens ``a`` and ``b`` of sentence ``si``, nearest the end first; a rate
    ("about £322 each") is no amount a share is told of."""
    out = []
    for k in range(b - 1, a - 1, -1):
        fi = d.fact_at(si, k)
        if fi < 0:
            continue
        g = d.facts[fi]
        m = d.m.by_fact.get(fi)
        if (m is not None and "each" in m.roles) or d.bound_at(si, k):
            continue  # "about £322 each", "children under 16": no amount a share is told of
        if g.kind in COUNTABLE and not g.is_range and g.value is not None:
            out.append(fi)
    return out


def _other_clause(d: _Doc, si: int, a: int, b: int) -> bool:
    """A clause of another subject opens between a part and the share set beside it ("and the rest,")."""
    return any(w in _CLAUSE_JOINS for w in d.m.words[si][a + 1 : b])


def _share_between(d: _Doc, si: int, a: int, b: int) -> bool:
    """Another share told between a part and this share: the part is that one's ("310 (25%) ... and 20%")."""
    return any(d.fact_at(si, k) >= 0 and d.facts[d.fact_at(si, k)].kind in SHARES for k in range(a + 1, b))


def _pointer_opening(d: _Doc, si: int, pos: int) -> bool:
    """The sentence opens on a pointer and reaches the share within a few words: "That means about one in
    three cases", "That is about a third of the year group"."""
    words = d.m.words[si]
    return bool(words) and words[0] in _POINTERS and d.hedge_start(si, pos) <= POINTER_REACH


def _wholes(d: _Doc, si: int, pos: int, part: int, known: Mapping[int, set[int]]) -> list[int]:
    """The wholes the part may be a share of: its own ("310 of them"), the first pass's, and the earlier
    counts the noun after the share's "of" names, or else the part's ("51,300 of the units tracked")."""
    pf = d.facts[part]
    ps, pp = d.pos_of(part)
    if _names_own_whole(d, si, pos + 1):
        if _narrowed(d, si, pos + 1):
            return []  # "31% of children in England", "38% of Asian revenue": a whole the text does not count
        heads = _of_nouns(d, si, pos + 1)
        if ps == si:
            # "71 people in the drug group stopped taking it early, 2.2% of that group": a noun the part's
            # own clause names is the set the part was drawn from there, not one the text counts by it.
            heads -= {singular(w) for w in d.m.words[si][pp + 1 : d.hedge_start(si, pos)]}
    else:
        heads = _of_nouns(d, ps, pp + 1)  # "51,300 of the units tracked now stand empty, about one in five"
    out = [w for w in known.get(part, set()) if _whole_fits(pf, d.facts[w])]
    own = own_whole(d, part)
    if own >= 0:
        out.append(own)
    if heads & _GENERIC_WHOLES:
        out.extend(_told_totals(d, ps, pp, part))  # "630,000 of the total, about 21%"
    if heads - _GENERIC_WHOLES:
        out.extend(_named_counts(d, ps, pp, part, heads - _GENERIC_WHOLES))
    if out:
        out.extend(_beside(d, ps, pp, pf))
    return [w for w in dict.fromkeys(out) if w != part and not owner_differs(d, si, pos + 1, part, w)]


def _beside(d: _Doc, si: int, pos: int, pf: Fact) -> Iterator[int]:
    """Larger amounts of the part's family told before it in its sentence, another reading of its whole
    once a whole is found: "paid an average of £226,400 and put down a deposit of £45,300, or 20% of the
    price" (never a whole alone: "Smith took 1,386 votes ... Jones 974 (23.4%)" are rivals). Not past a
    semicolon: "Riverside put £11.2m towards bus passes; Kingsgate said £6.0m, or two thirds of its surplus"."""
    words = d.m.words[si]
    start = max([0] + [k + 1 for k in range(pos) if words[k] == ";"])  # "A put £11.2m ...; B said £6.0m"
    for k in range(start, pos):
        fi = d.fact_at(si, k)
        if fi >= 0 and _whole_fits(pf, d.facts[fi]):
            yield fi


def _narrowed(d: _Doc, si: int, k: int) -> bool:
    """The phrase after a share's "of" at token ``k`` names a whole narrower or other than a plain set: a
    figure in it ("of the 2,000 pupils"), a word before its noun ("of the national total", "of its UK
    staff", "of the hospital's staff"), or a place, time or source after it ("of all cars sold in the
    country", "of its revenue in 2019"); "of all crimes recorded," and "of that group," are plain."""
    words = d.m.words[si]
    j = k + 1
    while j < len(words) and words[j] in _OF_DETERMINERS:
        j += 1
    if j >= len(words) or not words[j].isalpha() or d.fact_at(si, j) >= 0 or words[j] in _NP_STOP:
        return True
    i = j + 1
    if i < len(words) and words[i].isalpha() and words[i] not in _NARROWING and not d.verb_like(words[i]):
        return True  # a second noun word: "of the year group", "of its customer accounts"
    if i < len(words) and d.verb_like(words[i]):
        i += 1  # "of all crimes recorded", "of the strikes fell within"
    return i < len(words) and words[i] in _NARROWING


def _names_own_whole(d: _Doc, si: int, k: int) -> bool:
    """The share is followed by its own "of" ("80% of those identified"): it names its whole itself."""
    words = d.m.words[si]
    return k < len(words) and words[k] == "of"


def _whole_fits(part: Fact, whole: Fact) -> bool:
    """A whole is an amount of the part's family and larger than it."""
    return (
        whole.kind in COUNTABLE
        and not whole.is_range
        and whole.value is not None
        and part.value is not None
        and same_family(part, whole)
        and whole.value > part.value
    )


def _of_nouns(d: _Doc, si: int, k: int) -> set[str]:
    """The head noun (singular) of the phrase after "of" at token ``k``: "of all crimes recorded" → crime;
    "of the year group" → group; "of its customer accounts" → account. None after a figure ("of the
    1,240")."""
    words = d.m.words[si]
    if k >= len(words) or words[k] != "of":
        return set()
    j = k + 1
    while j < len(words) and words[j] in _OF_DETERMINERS:
        j += 1
    out: list[str] = []
    for i in range(j, min(len(words), j + OF_WORDS)):
        w = words[i]
        fi = d.fact_at(si, i)
        if w in _POSSESSIVE_MARKS or w in _TIME_WORDS or (fi >= 0 and d.facts[fi].kind in FRAME_KINDS):
            continue  # "of last year's burglaries": the time and its possessive name no set
        if not w.isalpha() or w in CLAUSE_END or w in _NP_STOP or fi >= 0:
            break
        if d.verb_like(w) and out:
            break
        out.append(singular(w))
    return {out[-1]} - _OF_DETERMINERS if out else set()


def _named_counts(d: _Doc, ps: int, pp: int, part: int, heads: set[str]) -> Iterator[int]:
    """Earlier amounts of the part's family, larger than it, that a noun of ``heads`` names: by the noun
    they count ("24,800 crimes"), their concept, or a noun told right after them in their clause ("412
    people aged 18 to 34, the age group in which")."""
    concepts = {d.v.concept(h) for h in heads}
    pf = d.facts[part]
    for s2, k2, fi in d.m.figures_before(ps, pp, NAMED_BACK, None):
        g = d.facts[fi]
        if s2 == ps or not _whole_fits(pf, g) or not _same_time(d, part, fi):
            continue  # "Smith won 12,000 votes and Jones 9,000 votes": a rival beside it, not its whole
        m = d.m.by_fact.get(fi)
        counted = {singular(w.lower()) for w in (m.noun or "").split()} if m else set()
        near = {singular(w.lower()) for w in d.m.words[s2][k2 + 1 : k2 + 1 + APPOSED_NAME] if w.isalpha()}
        if counted & heads or d.m.frame(fi).concept in concepts or near & heads:
            yield fi


def _told_totals(d: _Doc, ps: int, pp: int, part: int) -> Iterator[int]:
    """Earlier amounts of the part's family and concept, larger than it, told as a total: "puts the total
    for 2024 at 4.2 million", "a total of 38,620 ballots were cast" (not "164,000 children in total" for a
    part of households)."""
    pf = d.facts[part]
    for s2, k2, fi in d.m.figures_before(ps, pp, NAMED_BACK, None):
        if s2 == ps or not _whole_fits(pf, d.facts[fi]) or not _frames_agree(d, part, fi):
            continue
        if not _same_time(d, part, fi):
            continue
        words = d.m.words[s2]
        lo = max(d.m.clause_start(s2, k2), k2 - APPOSED_NAME)
        m = d.m.by_fact.get(fi)
        if (m is not None and "total" in m.roles) or _GENERIC_WHOLES & set(words[lo:k2]):
            yield fi  # "puts the total for 2024 at 4.2 million", not "vans, or 41.2% of the total"


def _same_time(d: _Doc, part: int, whole: int) -> bool:
    """A whole of the part's holder and time: not a forecast for a told part ("expects revenue of $2.8bn"), not an
    earlier year or time than the story's latest unless the part is told of it too ("In 2022 ... sales of
    $1.52bn")."""
    pf, wf = d.m.frame(part), d.m.frame(whole)
    if pf.holder and wf.holder and not same_holder(pf.holder, wf.holder):
        return False  # "Rival Corvex employs 8,000 people": another holder's whole
    if wf.mood == "forecast" and pf.mood != "forecast":
        return False
    if not wf.period or wf.period == pf.period:
        return True
    if wf.period == "past":
        return False
    latest = d.once("partshares-latest-year", lambda: _latest_year(d))
    return not (wf.period.isdigit() and latest and int(wf.period) < latest)


def _latest_year(d: _Doc) -> int:
    """The latest year the story tells, its now: 0 when it tells none."""
    years = [int(f.value) for _, _, _, f in d.figures(frozenset({"year"})) if f.value is not None]
    return max(years, default=0)


def _frames_agree(d: _Doc, a: int, b: int) -> bool:
    """The two figures' frames count one concept, or one of them names none or a generic one ("people")."""
    ac, bc = d.m.frame(a).concept, d.m.frame(b).concept
    return not ac or not bc or ac in d.v.generic or bc in d.v.generic or ac == bc


def _bounded(share: Fact) -> Interval | None:
    """A one-sided share ("more than 60%", "less than a third") as the span of shares it allows."""
    if share.value is None or share.kind not in ("share", "percent"):
        return None
    value = share.value * 100 if share.kind == "share" else share.value
    if share.hedge in ("less than", "at most"):
        return Interval(Decimal(0), value, high_open=share.hedge == "less than")
    if share.hedge in ("more than", "at least"):
        return Interval(value, Decimal(100), low_open=share.hedge == "more than")
    return None


def _misfit(d: _Doc, part: Fact, whole: Fact, share: Fact) -> Decimal | None:
    """How far part ÷ whole lies from the share as the judge reads it, in points of percent: 0 inside it."""
    from numcheck.judges.arith import value_interval
    from numcheck.patterns import as_percent, share_of

    # The share as a percentage interval (the share judge, which imports the relations, reads its bounds
    # more finely; this only picks the best-fitting part and whole for it to judge).
    stated = _bounded(share) or as_percent(share)
    piv, wiv = value_interval(part), value_interval(whole)
    if stated is None or not piv.bounded or part.value is None or whole.value is None or whole.value <= 0:
        return None
    computed = share_of(piv, wiv)
    if computed is not None and computed.overlaps(stated):
        return Decimal(0)
    exact = part.value / whole.value * 100
    ends = [e for e in (stated.low, stated.high) if e is not None]
    return min(abs(exact - e) for e in ends) if ends else None


# Sentences after a part of a known whole in which "Another N" may go on counting parts of that whole.
ANOTHER_BACK = 1


def _another_parts(d: _Doc, built: Built) -> Iterator[Relation]:
    """Parts told as separate groups of one whole across sentences: "It has 1,240 volunteers. Nearly half of
    them, 610, are under 25. Another 470 are over 65" (610 + 470 fit in the 1,240); "Some 712 of them were
    seen the same day and 486 within a week. Another 259 waited longer." The parts of the first sentence,
    from the part whose whole is known, and the "another" part with those told after it in its sentence,
    cannot add up to more than the whole: a breakdown left open."""
    known = _known_wholes(built)
    for rel in built.get("share", {}).values():
        part, whole = rel.get("part"), rel.get("whole")
        if part is not None and whole is not None:
            known.setdefault(part, set()).add(whole)
    for si, pos, fi, f in d.figures(COUNTABLE):
        if si == 0 or not _another_opening(d, si, pos):
            continue
        got = _first_part(d, si, f, known)
        if got is None:
            continue
        part, whole = got
        if not _same_set(d, fi, part, whole):
            continue
        own = own_whole(d, fi)
        if own >= 0 and own != whole:
            continue  # "Another 5 million of the island's 6 million": a whole of its own
        ps, pp = d.pos_of(part)
        items = _run(d, ps, pp, len(d.m.tokens[ps]), f, whole) + [fi]
        if len(items) >= 2 and fi not in items[:-1]:
            roles = (("total", whole),) + tuple(("item", i) for i in items)
            yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))


def _another_opening(d: _Doc, si: int, pos: int) -> bool:
    """The figure opens its sentence after "Another" as its subject: "Another 870 are over 65" (not "A
    further £450,000 grant, awarded last month, will", "about 73 more homes")."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    return k == 1 and words[0] == "another" and d.m.frame(d.fact_at(si, pos)).mood != "forecast"


def _same_set(d: _Doc, another: int, part: int, whole: int) -> bool:
    """ "Another N" counts more of the part's set: no noun, concept or time of its own ("Another 140
    contractors", "Another 40 were injured" after the killed, "Another 55 people were rescued from a second
    ferry"), and the part is no total of its own ("In all, 52 of the 90 lorries")."""
    m = d.m.by_fact.get(another)
    af, wf = d.m.frame(another), d.m.frame(whole)
    if m is not None and m.noun and singular(m.noun.split()[-1]) not in (wf.concept, _head(d, whole)):
        return False
    if af.concept and af.concept != wf.concept:
        return False
    return not af.period and d.m.frame(part).part != "whole"


def _head(d: _Doc, fi: int) -> str:
    """The last word of the noun a figure counts, singular: "1,240 registered volunteers" → volunteer."""
    m = d.m.by_fact.get(fi)
    return singular(m.noun.split()[-1]) if m is not None and m.noun else ""


def _first_part(d: _Doc, si: int, like: Fact, known: Mapping[int, set[int]]) -> tuple[int, int] | None:
    """The first part of a known whole told in the sentences just before: "Some 712 of them ..." → (712,
    1,640); none when another figure of the family told there is larger than that whole (a new whole)."""
    for s2 in range(si - 1, max(-1, si - 1 - ANOTHER_BACK), -1):
        for k in range(len(d.m.tokens[s2])):
            fi = d.fact_at(s2, k)
            if fi < 0 or not same_family(d.facts[fi], like):
                continue
            wholes = [w for w in known.get(fi, set()) if _whole_fits(d.facts[fi], d.facts[w])]
            own = own_whole(d, fi)
            if own >= 0:
                wholes.append(own)
            if len(set(wholes)) == 1:
                return fi, wholes[0]
    return None


def _run(d: _Doc, si: int, a: int, b: int, like: Fact, whole: int) -> list[int]:
    """The amounts of the family from token ``a`` to ``b`` of sentence ``si``: the parts told together
    ("712 of them were seen the same day and 486 within a week"); none past one of another reading (an
    older level, an age bound, a rate)."""
    out = []
    for k in range(a, b):
        fi = d.fact_at(si, k)
        if fi < 0 or fi == whole or not same_family(d.facts[fi], like):
            continue
        g = d.facts[fi]
        m = d.m.by_fact.get(fi)
        if g.is_range or g.value is None or d.bound_at(si, k) or d.older_end(si, k):
            continue
        if m is not None and "each" in m.roles:
            continue
        out.append(fi)
    return out
