"""Referents: the figure a demonstrative stands for, one resolver for the share, part and breakdown readers.

A demonstrative or a noun of amount points back at a figure just told, as the part of a share told after
it ("900 backed the ban. That is 45% of those asked"), or as the whole of the parts told after it ("The
council will spend £12m on roads. Of this, £8m will go on repairs and £6m on cycle lanes", "That sum
includes ...", "Within that total, ...", "The figure includes ..."). ``subject_at`` reads the words that
stand for the figure ("this", "that sum", "the total", "those"); ``referent`` finds the figure: a plural
pronoun with a noun of its own ("of those staff") through ``_Doc.antecedent``, any other the last figure
of the kind wanted told before it, in its sentence or the one before (across a paragraph break too),
past times and a share set beside an amount; a figure of another amount nearer makes it none, so a
sentence of several things ("£12m on roads and 300 potholes") is read for none of them. Words are data
(``vocab.toml`` ``[referents]``). Cost: a sentence's figures are read once; each demonstrative looks back
one sentence.

Its readers: ``shares._demonstrative_shares`` (the demonstrative as the part of a share),
``breakdowns._demonstrative_wholes`` (as the whole of parts after "includes", "comprises", "is made up
of"), the openers of ``shares._whole_before``, ``shares._noun_opening_parts`` and ``lists._opener_whole``
("Of this,", "Within that total,"), and every pronoun whole of ``shares`` ("of them", "half of them").

A definite noun phrase stands for a set told before by its count: ``definite_whole`` reads "the dead",
"those killed", "the displaced", "the victims", "the cases", "the budget" (``definite_at``) and finds the
nearest earlier count of its concept or an equivalent (``[referents] definite_equivalents``: "the
displaced" for "forced from their homes"), passing over counts told as parts; none for a phrase narrowed by
a place, a time or a clause, for two counts that disagree, or for a nearer count that names nothing. Its
readers: ``shares._whole_after`` ("41 of the dead"), ``_whole_before`` and ``_noun_opening_parts`` ("Of
the dead, 90, or about a quarter,"), ``_pronoun_opening`` ("Among the dead were", "The victims
included"), ``_whole_of_share`` ("Half of the displaced, 2,100,"), ``partlists._of_opened`` and
``lists._opener_whole`` ("Of the dead, 31 were in A and 29 in B"). ``carried_whole`` keeps the whole of an
"Of the N <noun>," opener for a share told in the sentence after it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from numcheck.mentions import CLAUSE_END
from numcheck.model import Fact, Span
from numcheck.relations.base import (
    _DETERMINERS,
    _NP_STOP,
    COUNTABLE,
    FRAME_KINDS,
    SHARES,
    _Doc,
    _lead_sentences,
    family,
    same_family,
)
from numcheck.vocab import PhraseTable, _toml, singular

# Words before a demonstrative that still let it open its clause ("and that is", "but this means").
_CLAUSE_JOINS = frozenset({",", "and", "but", "so", "yet", "--", "-", "—", "–"})
# Words that end a whole's noun phrase: a pronoun starts a clause said of it ("all homes it serves").
_NP_PRONOUNS = frozenset("it they we he she you i".split())
# Sentences back that the whole a share's noun names ("of the adults", "of those asked") may stand.
NAMED_BACK = 3
# Words of a whole's noun phrase after its determiner ("of all adults in the county").
NAMED_WORDS = 3
# Tokens after the link that the parts a whole includes may run over ("includes £8m for repairs on the
# ring road and £6m for ...").
PART_GAP = 10


@dataclass(frozen=True)
class _Words:
    demonstratives: frozenset[str]
    contracted: frozenset[str]
    relatives: frozenset[str]
    amount_nouns: PhraseTable
    share_links: PhraseTable
    change_links: PhraseTable
    part_links: PhraseTable  # label "exact" or "inclusive"
    openers: PhraseTable
    asked: PhraseTable
    samples: PhraseTable
    set_determiners: PhraseTable
    definite_determiners: frozenset[str]
    definite_narrowing: frozenset[str]
    definite_not_wholes: frozenset[str]
    definite_include: frozenset[str]
    carried_links: PhraseTable
    definite_sets: frozenset[str]
    definite_touched: frozenset[str]
    equivalents: dict[str, frozenset[str]]
    narrowing_relatives: frozenset[str]
    narrowing_auxiliaries: frozenset[str]
    narrowing_prepositions: frozenset[str]


@functools.cache
def words() -> _Words:
    data = _toml("vocab.toml")["referents"]
    return _Words(
        demonstratives=frozenset(data["demonstratives"]),
        contracted=frozenset(data["contracted"]),
        relatives=frozenset(data["relatives"]),
        amount_nouns=PhraseTable.build((p, "amount") for p in data["amount_nouns"]),
        share_links=PhraseTable.build((p, "link") for p in data["share_links"]),
        change_links=PhraseTable.build((p, "link") for p in data["change_links"]),
        part_links=PhraseTable.build(
            [(p, "exact") for p in data["exact_links"]] + [(p, "inclusive") for p in data["inclusive_links"]]
        ),
        openers=PhraseTable.build((p, "opener") for p in data["openers"]),
        asked=PhraseTable.build((p, "asked") for p in data["asked"]),
        samples=PhraseTable.build((p, "sample") for p in data["samples"]),
        set_determiners=PhraseTable.build((p, "set") for p in data["set_determiners"]),
        definite_determiners=frozenset(data["definite_determiners"]),
        definite_narrowing=frozenset(data["definite_narrowing"]),
        definite_not_wholes=frozenset(data["definite_not_wholes"]),
        definite_include=frozenset(data["definite_include"]),
        carried_links=PhraseTable.build((p, "link") for p in data["carried_links"]),
        definite_sets=frozenset(data["definite_sets"]),
        definite_touched=frozenset(data["definite_touched"]),
        equivalents={c: frozenset(group) for group in data["definite_equivalents"] for c in group},
        narrowing_relatives=frozenset(data["narrowing_relatives"]),
        narrowing_auxiliaries=frozenset(data["narrowing_auxiliaries"]),
        narrowing_prepositions=frozenset(data["narrowing_prepositions"]),
    )


def narrowed_apart(d: _Doc, si: int, k: int, wi: int) -> bool:
    """ "87% of those who voted", "52 (13%) of those on the dummy pill": the pronoun at token ``k`` is
    narrowed to a set of its own by what follows it (data: narrowing_relatives, narrowing_prepositions),
    and the word that names that set (the verb, the noun) is not told beside the figure ``wi``: so ``wi``
    ("balloted 5,200 members", "96 patients on the drug") is not that set. A poll's "those who
    responded" (data: asked) is read as its sample elsewhere."""
    key = _narrowing_key(d, si, k)
    return bool(key) and not _told_with(d, wi, key)


def narrowed_referent(d: _Doc, si: int, k: int, part: int) -> int:
    """The figure a narrowed pronoun at token ``k`` stands for: the nearest count of the part's family,
    larger than it, in its sentence or the two before, told beside the word that names the set ("400 on
    a dummy pill ... 52 of those on the dummy pill"), else -1."""
    key = _narrowing_key(d, si, k)
    if not key:
        return -1
    p = d.facts[part]
    for _, _, fi in d.m.figures_before(si, k, 2, None):
        f = d.facts[fi]
        if fi == part or f.kind not in COUNTABLE or f.is_range or f.value is None or not same_family(f, p):
            continue
        if (f.value or 0) > (p.value or 0) and _told_with(d, fi, key):
            return fi
    return -1


def _narrowing_key(d: _Doc, si: int, k: int) -> str:
    """The stem of the word that narrows "those" at token ``k`` to a set of its own, or ""."""
    ws = d.m.words[si]
    w = words()
    if k + 2 >= len(ws) or ws[k] not in ("those", "these") or w.asked.starting_at(ws, k):
        return ""
    j = k + 1
    if ws[j] in w.narrowing_relatives:
        j += 1
        while j < len(ws) and ws[j] in w.narrowing_auxiliaries:
            j += 1
    elif ws[j] in w.narrowing_prepositions:
        j += 1
        while j < len(ws) and ws[j] in _DETERMINERS:
            j += 1
    else:
        return ""
    if j >= len(ws) or not ws[j].isalpha() or d.fact_at(si, j) >= 0:
        return ""
    return _stem(ws[j])


def _told_with(d: _Doc, fi: int, key: str) -> bool:
    s2, p2 = d.pos_of(fi)
    near = d.m.words[s2][max(0, p2 - NARROWED_REACH) : p2 + NARROWED_REACH + 1]
    return any(_stem(x) == key for x in near)


# Words either side of a figure that may tell the set a narrowed "those" names ("2,860 of them voted").
NARROWED_REACH = 6


def _stem(word: str) -> str:
    """A word without its inflection, for matching "voted" with "vote" and "voting"."""
    for end in ("ing", "ed", "es", "e", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return word


def subject_at(d: _Doc, si: int, k: int, end: int | None = None) -> int:
    """Where the words standing for a figure that start at token ``k`` end, else -1: a demonstrative
    ("this", "those"), a demonstrative or "the" with a noun of amount ("that sum", "the total"). With
    ``end`` the words must end there ("Of that sum," up to its comma)."""
    ws = d.m.words[si]
    w = words()
    if k >= len(ws) or d.fact_at(si, k) >= 0:
        return -1
    out = -1
    if ws[k] in w.demonstratives:
        out = k + 1
    if ws[k] in w.demonstratives or ws[k] == "the":
        hit = w.amount_nouns.starting_at(ws, k + 1)
        if hit and d.fact_at(si, k + 1) < 0:
            out = hit[1]
    if out < 0 or (end is not None and out != end):
        return -1
    return out


# Tokens either side of a figure that the word a modified noun of amount names may stand ("$44.0m
# internationally", "overseas sales of $44.0m").
MODIFIER_REACH = 4
# Letters two words must share from their start to be one word told two ways ("international",
# "internationally"; "domestic", "domestically").
STEM = 6


def modifier_at(d: _Doc, si: int, k: int, end: int) -> str:
    """The one word between "the" (or a demonstrative) at token ``k`` and a noun of amount ending at token
    ``end`` ("the international total", "that overseas figure"), else "": the figure it stands for is the
    one told with that word, not the last one told."""
    ws = d.m.words[si]
    w = words()
    if k + 2 >= len(ws) or (ws[k] != "the" and ws[k] not in w.demonstratives):
        return ""
    word = ws[k + 1]
    if len(word) < STEM or not word.isalpha() or d.fact_at(si, k + 1) >= 0:
        return ""
    hit = w.amount_nouns.starting_at(ws, k + 2)
    return word if hit and hit[1] == end else ""


def modified_whole(d: _Doc, si: int, k: int, modifier: str, like: Fact) -> int:
    """The nearest figure of ``like``'s family, in sentence ``si`` before token ``k`` or the ``NAMED_BACK``
    sentences before, told with a word of ``modifier``'s stem beside it ("Of the international total," →
    "took a further $44.0m internationally"), else -1."""
    stem = modifier[:STEM]
    for s2, k2, fi in d.m.figures_before(si, k, NAMED_BACK, None):
        f = d.facts[fi]
        if f.kind not in COUNTABLE or f.is_range or f.value is None or not same_family(f, like):
            continue
        ws = d.m.words[s2]
        lo, hi = max(0, k2 - MODIFIER_REACH), min(len(ws), k2 + 1 + MODIFIER_REACH)
        if any(ws[j].startswith(stem) for j in range(lo, hi) if d.fact_at(s2, j) < 0):
            return fi
    return -1


def opens_clause(d: _Doc, si: int, k: int) -> bool:
    """Token ``k`` opens a clause: the sentence's start, or after a clause end or a joining word."""
    ws = d.m.words[si]
    return k == 0 or ws[k - 1] in CLAUSE_END or ws[k - 1] in _CLAUSE_JOINS


def referent(d: _Doc, si: int, k: int, like: Fact | None = None, part: int = -1, noun: str = "", at: int = -1) -> int:
    """The figure the words standing for one at token ``k`` of sentence ``si`` point back to, or -1.

    ``like``: the figure it must be of the family of (a part of it); without it, any single amount (the
    part of a share). With ``part`` and no ``like`` (a part told beside "of them", "of those cases", "of
    the total") it is read by ``_Doc.antecedent``, by the noun after the pronoun. Any other is the last
    figure before it, in its sentence or the one before: times are passed over, and so is a share set
    beside an amount ("900 (60%)"); a figure of another amount nearer, a range, a rate ("£5 a head"), or
    another amount of the family told beside it ("£12m on roads and £9m on parks") makes it none.
    """
    if part >= 0 and like is None:
        # "of them", "of those cases", "of whom", "£8m of this", "of the total": a part told beside its
        # pronoun is read by ``_Doc.antecedent`` from ``at`` (the part's side of the pronoun), by the noun
        # after the pronoun where it has one.
        return d.antecedent(si, at if at >= 0 else k, part, noun=noun)
    for s2, k2, fi in d.m.figures_before(si, k, 1, None):
        f = d.facts[fi]
        if f.kind in FRAME_KINDS or d.bound_at(s2, k2):
            continue  # a time, or an age bound ("children under five")
        if (d._after_preposition(s2, k2) or d.older_end(s2, k2)) and any(
            t.fact >= 0 and d.facts[t.fact].kind in COUNTABLE for t in d.m.tokens[s2][:k2]
        ):
            # "412,600 flights from 11 airports. A quarter of them": the set before the preposition; "now has
            # 11,870, compared with 8,950 a year ago. Around 29% of them": the level now, not the older one
            continue
        if f.kind in SHARES and (like is None or like.kind not in SHARES):
            continue  # a share beside an amount ("900 (60%)", "£12m, 20% more than"): not what it stands for
        if f.is_range or f.value is None:
            return -1
        m = d.m.by_fact.get(fi)
        if m is not None and "each" in m.roles:
            return -1  # "£5 a head": a rate, no amount to take a part of
        if like is None:
            return fi if f.kind in COUNTABLE else -1
        if family(f) != family(like):
            return -1
        return -1 if _rivals(d, s2, k2, si, fi) else fi
    return -1


def _listed_item(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` closes or continues a list of counts ("Six motorcyclists, five
    pedestrians and two cyclists"): another count of its family stands a few words before it, joined by a
    comma or "and"."""
    return d.list_count_before(si, k, ("and", ","), LIST_ITEM_GAP) >= 0


# Words of an item's noun between two counts of a list ("five pedestrians and two").
LIST_ITEM_GAP = 3


def _rivals(d: _Doc, s2: int, k: int, si: int, fi: int) -> bool:
    """Sentence ``s2`` tells another amount of the family of the figure ``fi`` at token ``k`` (before
    sentence ``si``'s demonstrative), not its own whole: "£12m on roads and £9m on parks. Of this, ..."
    may mean either, or both; "Of the £12m, £9m went on parks. Of this, ..." means the £9m."""
    fam = family(d.facts[fi])
    toks, ws = d.m.tokens[s2], d.m.words[s2]
    for j, tok in enumerate(toks[:k]):
        g = tok.fact
        if g < 0 or g == fi or family(d.facts[g]) != fam:
            continue
        o = d.hedge_start(s2, j) - 1
        while o >= 0 and ws[o] in _DETERMINERS:
            o -= 1
        if o >= 0 and ws[o] == "of" and (d.facts[g].value or 0) > (d.facts[fi].value or 0):
            continue  # "Of the £12m, £9m": its own whole, told first
        return True
    return False


def clause_subject(d: _Doc, si: int, end: int) -> int:
    """The start of the words standing for a figure that end at token ``end`` and open a clause, or -1."""
    ws = d.m.words[si]
    for start in range(end - 1, max(-1, end - 5), -1):
        if ws[start] in CLAUSE_END or ws[start] == ",":
            return -1
        if (ws[start] in words().demonstratives or ws[start] == "the") and subject_at(d, si, start, end) == end:
            return start if opens_clause(d, si, start) else -1
    return -1


def named_whole(d: _Doc, si: int, of: int, ref: int) -> int:
    """The whole the words after "of" at token ``of`` name, told before: the poll's sample for "those
    asked", else the count whose noun is the noun after "the", "those" or "all" ("of all adults" → "1,500
    adults"); -1 when there is none (a bare noun names a group of its own: "45% of women")."""
    ws = d.m.words[si]
    w = words()
    j = of + 1
    if w.asked.starting_at(ws, j):
        return _sample_before(d, si, of, ref)
    det = w.set_determiners.starting_at(ws, j)
    if det is None:
        return -1
    k = det[1]
    head = ""
    while k < len(ws) and k - det[1] < NAMED_WORDS and ws[k].isalpha() and d.fact_at(si, k) < 0:
        if ws[k] in _NP_STOP or ws[k] in _NP_PRONOUNS or d.verb_like(ws[k]):
            break  # "of all homes it serves", "of the staff employed": the noun ends there
        head = ws[k]
        k += 1
    if not head or head in d.v.generic_wholes or singular(head) == head:
        return -1  # "of the total", "of the vote", "of the market": a whole of no count told
    if k < len(ws) and w.asked.starting_at(("those", ws[k]), 0):
        return _sample_before(d, si, of, ref)  # "of the tenants asked", "of all voters polled": the sample
    if k < len(ws) and ws[k] not in CLAUSE_END and (ws[k] in w.definite_narrowing or d.verb_like(ws[k])):
        return -1  # "of all complaints made to ombudsmen nationally": a wider set than the count told
    concept = d.v.concepts.get(head, "")
    concept = "" if concept in d.v.generic else concept
    rf = d.facts[ref]
    for _, _, fi in d.m.figures_before(si, of, NAMED_BACK, None):
        if fi == ref:
            continue
        f = d.facts[fi]
        if f.kind not in COUNTABLE or f.is_range or f.value is None or not same_family(f, rf):
            continue
        if (f.value or 0) <= (rf.value or 0):
            continue  # "Smith won 12,000 votes and Jones 9,000 votes": a rival, not the set it is a share of
        m = d.m.by_fact.get(fi)
        nouns = (m.noun if m else None, f.subject)
        if any(n and singular(n.split()[-1].lower()) == singular(head) for n in nouns):
            return fi
        if concept and d.m.frame(fi).concept == concept:
            return fi
    return -1


# Words after "of" and a part's own whole before it: determiners and holders ("of its £11.6m").
_OWN_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "those", "these", "them"})
# Pronouns after a part's "of" that stand for its whole told before ("610 of them", "2,950 of those purchases").
_OWN_PRONOUNS = frozenset({"them", "those", "these"})


def plain_whole(d: _Doc, si: int, of: int) -> bool:
    """The words after "of" at token ``of`` name a whole plainly: a set determiner ("all", "the", "all the")
    and one noun ending the clause ("of all sales,", "of the total."), nothing before it that makes it
    another set ("of the national total") and nothing after it that narrows it to a place, a time or a kind
    ("of all sales in the county", "of all complaints made to ombudsmen"): the whole of the part the
    demonstrative stands for."""
    ws = d.m.words[si]
    w = words()
    det = w.set_determiners.starting_at(ws, of + 1)
    if det is None or ws[of + 1] not in ("all", "the"):
        return False
    k = det[1]
    if k >= len(ws) or not ws[k].isalpha() or d.fact_at(si, k) >= 0:
        return False
    if ws[k] in _NP_STOP or ws[k] in w.definite_narrowing or d.verb_like(ws[k]):
        return False
    return k + 1 == len(ws) or ws[k + 1] in CLAUSE_END or ws[k + 1] in (",", "and", "but")


def own_whole(d: _Doc, ref: int) -> int:
    """The whole the figure ``ref`` was told as a part of, else -1: the figure after its "of" ("2,140 of the
    5,300 hours", "£4.2m of its £11.6m income"), the whole its "of them" or "of those purchases" stands for
    (``_Doc.antecedent``), or the figure of an "Of the N ...," or "Of those," opening its sentence."""
    si, pos = d.pos_of(ref)
    ws = d.m.words[si]
    rf = d.facts[ref]
    j = pos + 1
    out = -1
    if j < len(ws) and ws[j] == "of":
        k = j + 1
        while k < len(ws) and ws[k] in _OWN_DETERMINERS - _OWN_PRONOUNS and d.fact_at(si, k) < 0:
            k += 1
        if k < len(ws) and d.fact_at(si, k) >= 0:
            out = d.fact_at(si, k)
        elif k < len(ws) and ws[k] in _OWN_PRONOUNS:
            noun = ws[k + 1] if k + 1 < len(ws) and ws[k + 1].isalpha() else ""
            out = d.antecedent(si, k, ref, noun=noun if noun not in CLAUSE_END else "")
    elif ws and ws[0] == "of":
        comma = next((c for c in range(1, min(len(ws), OPENER_REACH)) if ws[c] == ","), -1)
        if 0 < comma < pos:
            own = [d.fact_at(si, c) for c in range(1, comma) if d.fact_at(si, c) >= 0]
            if len(own) == 1:
                out = own[0]
            elif not own and comma == 2 and ws[1] in _OWN_PRONOUNS:
                out = d.antecedent(si, 1, ref)  # "Of those, 7,900 were for cancelled trains"
    if out < 0 or out == ref:
        return -1
    f = d.facts[out]
    if f.kind not in COUNTABLE or f.is_range or f.value is None or rf.value is None or not same_family(f, rf):
        return -1
    return out if f.value > rf.value else -1


def sample_counts(d: _Doc, si: int, pos: int, back: int, skip: int) -> Iterator[int]:
    """The counts a poll asked told before token ``pos`` of sentence ``si``, up to ``back`` sentences back,
    nearest first ("a survey of 1,500 adults", "polled 1,500 people"); never the figure ``skip``."""
    w = words()
    for s2, k, fi in d.m.figures_before(si, pos, back, None):
        f = d.facts[fi]
        if fi == skip or f.kind not in ("count", "number") or f.is_range or f.value is None:
            continue
        ws = d.m.words[s2]
        j = d.hedge_start(s2, k)
        while j > 0 and ws[j - 1] in ("a", "the", "total", "some", "of") and not w.samples.ending_at(ws, j):
            j -= 1
        if w.samples.ending_at(ws, j):
            yield fi


def _sample_before(d: _Doc, si: int, of: int, ref: int) -> int:
    """The count a poll asked, told before token ``of`` ("a survey of 1,500 adults", "polled 1,500 people"),
    or -1. Past ``NAMED_BACK`` sentences, the story's one sample: "questioned 2,400 households" nine
    sentences before "That is 45% of the sample" (two samples that differ leave it unclear)."""
    near = next(sample_counts(d, si, of, NAMED_BACK, ref), -1)
    if near >= 0:
        return near
    far = list(sample_counts(d, si, of, SAMPLE_BACK, ref))
    if not far or any(d.facts[fi].value != d.facts[far[0]].value for fi in far[1:]):
        return -1
    return far[0]


# Sentences back that a poll's one sample may stand for "those asked", "the sample".
SAMPLE_BACK = 40


def concepts_agree(d: _Doc, a: int, b: int) -> bool:
    """Both figures count one concept, or the part names no noun of its own ("900 backed the ban" is told
    by its verb, a part of any set) or one of them counts a generic concept ("people")."""
    am = d.m.by_fact.get(a)
    first = am.noun.split()[0].lower() if am is not None and am.noun else ""
    if not first.isalpha() or first in _NP_STOP or first in d.v.anaphora or d.verb_like(first):
        return True  # "900 backed", "150,000 of them lost": no noun of its own
    ac, bc = d.m.frame(a).concept, d.m.frame(b).concept
    generic = d.v.generic
    return not ac or not bc or ac in generic or bc in generic or ac == bc


def opener_subject(d: _Doc, si: int, opener: int, comma: int) -> bool:
    """Tokens ``opener`` to ``comma`` are an opener and words standing for a figure: "Of this,", "Within
    that total,", "Out of the sum,"."""
    hit = words().openers.starting_at(d.m.words[si], opener)
    return hit is not None and subject_at(d, si, hit[1], comma) == comma


def opener_start(words_: Sequence[str], k: int) -> int:
    """Where the opener starting at token ``k`` ("of", "within", "out of") ends, else -1."""
    hit = words().openers.starting_at(words_, k)
    return hit[1] if hit else -1


# Sentences back that the whole a definite noun phrase names may stand ("The quake killed 180 people. ...
# Of the dead, 150 were in the port"): the story's count is told near the top, its parts a few sentences on.
DEFINITE_BACK = 4
# Words back from a figure that the noun of what it counts may stand when told before it ("puts the toll
# at 65").
COUNTED_BEFORE = 4


def definite_at(d: _Doc, si: int, k: int, money: bool = False) -> tuple[int, str, str] | None:
    """A definite noun phrase at token ``k`` that names a set by what it is, with no figure of its own:
    "the dead", "those killed", "the displaced", "the victims", "the confirmed cases" (a word or phrase of
    one concept of ``[nouns]``), else "the passengers" (a plural noun alone) or, for money, "the budget".
    Gives where it ends, its last word and its concept ("" for a noun the vocabulary does not list), or
    None: a holder ("the council's staff"), a modifier that narrows it ("the foreign dead", "the child
    victims"), a place, a time or a clause after it ("the dead in the capital", "the displaced since May",
    "the injured who ...") name a set of their own; "the total", "the people" name none."""
    ws = d.m.words[si]
    w = words()
    if k >= len(ws) or ws[k] not in w.definite_determiners:
        return None
    j = k + 1
    phrase: list[str] = []
    while j < len(ws) and len(phrase) < NAMED_WORDS and d.fact_at(si, j) < 0:
        word = ws[j]
        if not word[:1].isalpha() or word in _NP_STOP or word in _NP_PRONOUNS or word in w.definite_include:
            break
        if phrase and d.verb_like(word) and " ".join((*phrase, word)) not in d.v.concepts:
            break  # "the victims included": the verb said of it ("those killed", "the people killed" name it)
        if word.endswith(("'s", "’s")):
            return None  # "the council's staff": a holder's, read by the holder readers
        phrase.append(word)
        j += 1
    if len(phrase) > 1 and phrase[0] in w.definite_touched:
        phrase = phrase[1:]  # "the affected homes": the homes the event touched, the set it counted
    if not phrase:
        return None
    text = " ".join(phrase)
    head = phrase[-1]
    concept = d.v.concepts.get(text, "")
    if not concept:
        if len(phrase) > 1 or head in d.v.concepts:
            return None  # "the foreign dead", "the child victims": a narrower set than the one told
        if singular(head) == head and not money:
            return None  # "the market", "the vote": no set counted
    if (
        concept in d.v.generic
        or head in d.v.generic
        or head in d.v.generic_wholes
        or w.amount_nouns.starting_at(phrase, 0)
    ):
        return None  # "the people", "the total": read by ``referent`` or no set at all
    if j < len(ws) and ws[j] in w.definite_narrowing:
        status = _definite_status().starting_at(ws, j)
        if status is None:
            return None
        j = status[1]  # "the jobs at risk": their state, the same set
    return j, head, concept


@functools.cache
def _definite_status() -> PhraseTable:
    """Phrases after a definite noun that tell its state ("at risk", "at stake"): ``[referents] definite_status``."""
    return PhraseTable.build((p, "status") for p in _toml("vocab.toml")["referents"]["definite_status"])


def touched(d: _Doc, si: int, k: int) -> bool:
    """The definite noun phrase at token ``k`` names what an event touched ("the affected homes", "the
    properties affected", ``[referents] definite_touched``): the one count the story tells of it."""
    ws = d.m.words[si]
    touched_words = words().definite_touched
    if k + 1 < len(ws) and ws[k + 1] in touched_words:
        return True
    return k + 2 < len(ws) and ws[k + 2] in touched_words and d.fact_at(si, k + 1) < 0


def definite_whole(
    d: _Doc,
    si: int,
    k: int,
    like: Fact | None,
    part: int = -1,
    sets_only: bool = False,
    lead: bool = False,
    named: bool = False,
) -> int:
    """The figure a definite noun phrase at token ``k`` ("the dead", "those killed", "the displaced", "the
    budget") stands for, or -1: the nearest earlier count of ``like``'s family (any count without it: the
    whole of a share), up to ``DEFINITE_BACK`` sentences back (with ``lead``, when none is there, in the
    headline and the lead, where a story tells its event's count: "Floods kill 48 ... The dead include 21
    in A, ...; the remaining 12 ..."), that counts its concept or one of its equivalents (``[referents]
    definite_equivalents``: "the displaced" for "forced from their homes") or is named by its noun; a figure
    told as a part ("including 40 children", "a further 52", "Of the dead, 131") is passed over. None when
    two counts of it that disagree are told side by side (two sources, two days: "Police said 40 died; the
    Red Cross put the toll at 65"), or when the part is told of another time or place than the whole. With
    ``sets_only`` only a phrase of ``[referents] definite_sets`` is read, an event's one count ("the dead",
    "the displaced", "the budget"): the nearest count of "the stores" may be a flow ("opened 5 stores").
    With ``named`` too, any other plural noun is read where the nearest count told of it is named by that
    very noun and told as a level, not a move or an addition ("The trust employs 2,400 nurses. ... 310 of
    the nurses"; not "hired 40 new nurses", "cut 300 nurses": a flow, maybe not the set "the nurses" is)."""
    hit = definite_at(d, si, k, money=like is not None and like.kind == "money")
    if hit is None:
        return -1
    _, head, concept = hit
    concept = concept or singular(head)  # "the budget": a noun the vocabulary does not list is its own concept
    by_noun = False
    if sets_only and concept not in words().definite_sets and not touched(d, si, k):
        if not named:
            return -1  # "30 of the stores": read only where the story tells one count of it (``definite_sets``)
        by_noun = True  # "310 of the nurses": only a count named "nurses", told as a level
    kin = words().equivalents.get(concept, frozenset()) | {concept}
    if by_noun:
        kin = frozenset()
    found = _definite_in(d, d.m.figures_before(si, k, DEFINITE_BACK, None), like, part, head, kin)
    if found >= 0 and by_noun and not _level_of(d, found, head):
        return -1
    if found == -1 and lead:
        found = _definite_in(d, _lead_figures(d, si - DEFINITE_BACK), like, part, head, kin)
    if found >= 0 and part >= 0 and _other_frame(d, part, found):
        return -1
    if found >= 0 and d.m.frame(found).scope not in ("", "whole") and touched(d, si, k):
        return -1  # "2,100 homes in Ashby lost power. Across the county, 6,000 of the affected homes ...": wider
    return max(found, -1)


# Words right before a count's noun, or before the count, that tell it as a flow or a narrower set than the
# one "the <noun>" names later: "40 new nurses", "another 300 members", "a further 12 stores".
_NOT_LEVEL = frozenset({"new", "more", "extra", "another", "further", "additional", "other", "fewer", "less"})


def _level_of(d: _Doc, fi: int, head: str) -> bool:
    """The count ``fi`` is told of its noun ``head`` itself, as a level: its mention's noun is that noun
    alone (no modifier that narrows it, "40 new nurses", "3,000 agency nurses"), it is not the size of a
    move ("cut 300 nurses", ``_Doc.move_size``; a level moved to is one: "rose to 2,400 nurses") and no adding word stands before it ("another 300")."""
    m = d.m.by_fact.get(fi)
    if m is None or not m.noun or m.multiple or d.move_size(fi) or m.roles & {"another", "remainder", "each", "part"}:
        return False
    noun = m.noun.lower().split()
    if singular(noun[0]) != singular(head):
        return False  # "3,000 agency nurses": a narrower set than "the nurses" may be
    s2, k2 = d.pos_of(fi)
    h = d.hedge_start(s2, k2)
    ws = d.m.words[s2]
    if h > 0 and ws[h - 1] in _NOT_LEVEL:
        return False
    j = h - 1
    while j > 0 and ws[j] in _DETERMINERS:
        j -= 1
    return not (j >= 0 and ws[j] in flow_verbs())  # "hired 300 nurses", "closed 40 stores": a flow


@functools.cache
def flow_verbs() -> frozenset[str]:
    """Verbs told right before a count that make it what came in or went out (``[flows]`` in_before and
    out_before: "opened 14 stores", "shut nine"), not the stock a later "the stores" names."""
    data = _toml("vocab.toml")["flows"]
    return frozenset(data["in_before"]) | frozenset(data["out_before"])


# ``_definite_in``'s answer when the counts it read make the phrase name none (two counts that disagree, a
# nearer count that names nothing): no whole further back either.
_NONE = -2


def _lead_figures(d: _Doc, before: int) -> Iterator[tuple[int, int, int]]:
    """(sentence, position, fact) of each figure of the headline and the lead before sentence ``before``,
    nearest first."""
    for s2 in sorted((s for s in _lead_sentences(d) if s < before), reverse=True):
        toks = d.m.tokens[s2]
        for k2 in range(len(toks) - 1, -1, -1):
            if toks[k2].fact >= 0:
                yield s2, k2, toks[k2].fact


def _definite_in(
    d: _Doc, figures: Iterator[tuple[int, int, int]], like: Fact | None, part: int, head: str, kin: frozenset[str]
) -> int:
    """The nearest of ``figures`` (nearest first) that counts what a definite noun phrase names: -1 when none
    does, ``_NONE`` when what they tell makes the phrase name none."""
    found, found_sentence = -1, -1
    unnamed: list[int] = []
    added = False
    for s2, k2, fi in figures:
        if found >= 0 and s2 < found_sentence - 1:
            break
        if fi == part or d.bound_at(s2, k2) or _listed_item(d, s2, k2):
            continue  # an age bound ("children under five") or one item of a list ("and two cyclists") names no set
        f = d.facts[fi]
        if f.kind not in COUNTABLE or f.is_range or f.value is None:
            continue
        if (like is None and f.kind == "money") or (like is not None and not same_family(f, like)):
            continue  # a share's whole ("half of the displaced") is a count
        if found < 0 and _added_to(d, fi) and (_counts(d, fi, head, kin) or _unnamed(d, fi)):
            added = True  # "21,000 lost power on Sunday and another 9,000 on Monday": the set is both
            continue
        if _told_as_part(d, s2, k2, fi) or _older_end(d, s2, k2):
            continue  # "up from nine": what the set was before
        if added:
            return _NONE
        if not _counts(d, fi, head, kin):
            if found < 0 and _unnamed(d, fi) and not _contrasted(d, s2, k2):
                unnamed.append(fi)  # "increasing the number of infections in the country to 29": it may be the set
            continue
        if found < 0 and any(not d.facts[u].interval.overlaps(f.interval) for u in unnamed):
            return _NONE  # a nearer count that names nothing may be the set the phrase means ("the 23" is this one)
        if found < 0:
            found, found_sentence = fi, s2
        elif not f.interval.overlaps(d.facts[found].interval):
            return _NONE  # two counts of the set: which one the phrase means is not told
    return found


# Words right before a figure that add it to a set counted before: "and another 9,000 on Monday".
_ADDING = frozenset({"another", "further", "additional"})


def _added_to(d: _Doc, fi: int) -> bool:
    """The figure is told as more of a set counted before it ("and another 9,000 on Monday", "a further
    40"), not compared with it ("9,000 more than in June")."""
    si, k = d.pos_of(fi)
    h = d.hedge_start(si, k)
    return h > 0 and d.m.words[si][h - 1] in _ADDING


def _counts(d: _Doc, fi: int, head: str, kin: frozenset[str]) -> bool:
    """The figure counts what a definite noun phrase names: one of the concepts ``kin``, or its noun."""
    m = d.m.by_fact.get(fi)
    if m is None:
        return False
    if kin and (d.m.frame(fi).concept in kin or m.concept in kin):
        return True
    if kin:
        # "the Red Cross puts the toll at 65", "the death toll stood at 65": the noun before its verb or "at".
        si, k = m.sentence, m.position
        ws = d.m.words[si]
        h = d.hedge_start(si, k)
        for j in range(h - 1, max(-1, h - 1 - COUNTED_BEFORE), -1):
            if ws[j] in CLAUSE_END or ws[j] == "," or d.fact_at(si, j) >= 0:
                break
            if d.v.concepts.get(ws[j]) in kin:
                # "the toll at 65" counts the toll; "2,310 patients at 56 clinics": that noun is 2,310's
                return not (j > 0 and d.fact_at(si, j - 1) >= 0)
    nouns = (m.noun, d.facts[fi].subject)
    return any(n and singular(n.split()[-1].lower()) == singular(head) for n in nouns)


def _unnamed(d: _Doc, fi: int) -> bool:
    """The figure names nothing it counts: no noun, no concept ("to 29", "seven were")."""
    m = d.m.by_fact.get(fi)
    return m is not None and not m.concept and not d.m.frame(fi).concept


# Words that open a clause contrasting another thing with its own subject: "156,000 were out of work,
# while the number in employment fell to 2.90 million".
CONTRAST_OPENERS = frozenset({"while", "whereas"})


def _contrasted(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` stands in a clause that contrasts another thing (", while ..."): a figure
    there that names nothing is not the set a later phrase names."""
    return d.m.words[si][d.m.clause_start(si, k)] in CONTRAST_OPENERS


def _older_end(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` is a change's older end ("grown to 23 cases, up from nine"): what the set
    was, not the set a phrase names now."""
    h = d.hedge_start(si, k)
    return h > 0 and d.m.words[si][h - 1] == "from"


def _told_as_part(d: _Doc, si: int, k: int, fi: int) -> bool:
    """The figure at token ``k`` is told as a part of a set, not the set: "including 40 children", "a
    further 52 deaths", "131 of the dead", "Of the dead, 131 were ...", "the other 20"."""
    m = d.m.by_fact.get(fi)
    if m is not None and m.roles & {"another", "remainder", "each", "part"}:
        return True
    ws = d.m.words[si]
    h = d.hedge_start(si, k)
    if h > 0 and ws[h - 1] in words().definite_not_wholes:
        return True
    if k + 1 < len(ws) and ws[k + 1] == "of":
        return True
    if opener_start(ws, 0) >= 0:
        comma = next((j for j in range(1, h) if ws[j] == ","), -1)
        return 0 < comma < h  # "Of the dead, 131 were ...": a part of the opener's whole
    return False


def _other_frame(d: _Doc, part: int, whole: int) -> bool:
    """The part is told of another time or another place than the whole: "Last year 300 died ... This
    year, 40 of the dead were ...", "In Leeds, 300 of the staff ..." against a count told elsewhere."""
    pf, wf = d.m.frame(part), d.m.frame(whole)
    if pf.period and wf.period and pf.period != wf.period:
        return True
    return bool(pf.scope and wf.scope and pf.scope != wf.scope)


# Tokens of a sentence that an "Of the N <noun>," opener may run to its comma.
OPENER_REACH = 12


def carried_whole(d: _Doc, si: int, pos: int, like: Fact) -> tuple[int, Span] | None:
    """The whole of the "Of the N <noun>," that opens the sentence before ``si``, still the whole of a part at
    token ``pos`` told with a link verb of ``[referents] carried_links`` (or opening its sentence) in a
    sentence with no opener of its own: "Of the 520 cases, 300 are adults. Children under ten account for
    130, or about one in three". The figure and the opener's span, or None."""
    if si == 0:
        return None
    ws = d.m.words[si]
    k = d.hedge_start(si, pos)
    if opener_start(ws, 0) >= 0 or not (k == 0 or words().carried_links.ending_at(ws, k)):
        return None
    prev, toks = d.m.words[si - 1], d.m.tokens[si - 1]
    start = opener_start(prev, 0)
    comma = next((j for j in range(1, min(len(prev), OPENER_REACH)) if prev[j] == ","), -1)
    if start < 0 or comma < 0:
        return None
    own = [toks[j].fact for j in range(start, comma) if toks[j].fact >= 0]
    if len(own) != 1:
        return None
    f = d.facts[own[0]]
    if f.kind not in COUNTABLE or f.is_range or f.value is None or not same_family(f, like):
        return None
    if like.value is None or f.value <= like.value:
        return None
    return own[0], d.span(si - 1, 0, comma)


@functools.cache
def _sample_nouns() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["group_shares"]["sample_nouns"])


# Words of a whole's noun phrase after "of" read for its head ("the trial's adult participants").
WHOLE_PHRASE = 4


def names_whole(d: _Doc, si: int, k: int, wi: int) -> bool:
    """The words from token ``k`` (after "of") name the whole ``wi``: a pronoun ("those taking part",
    "them"), a noun of a sample ("the participants", ``[group_shares] sample_nouns``) or a noun of the
    whole's own concept ("the volunteers"); "the study's doctors", "the UK population" name others."""
    words = d.m.words[si]
    while k < len(words) and (words[k] in ("the", "all") or words[k].endswith("'s")):
        k += 1
    if k >= len(words) or d.m.tokens[si][k].fact >= 0:
        return False
    if words[k] in d.v.anaphora:
        return True
    head = ""
    toks = d.m.tokens[si]
    for j in range(k, min(len(words), k + WHOLE_PHRASE)):
        if words[j] in _NP_STOP and head:
            if j + 1 < len(words) and d.view.text[toks[j + 1].start : toks[j + 1].start + 1].isupper():
                return False  # "of children in England": a named place's whole, maybe another
            break  # "of all children in the area"
        if not words[j].isalpha() or words[j] in CLAUSE_END or toks[j].fact >= 0:
            break
        head = words[j]
    if not head or head != words[k] and d.v.concept(words[k]):
        return False  # "of its senior managers", "of the UK population": a narrower or other whole
    return head in _sample_nouns() or d.v.concept(head) == d.m.frame(wi).concept


# Pronouns that give a share's or a multiple's whole to the holder of the part's own clause: "its", "their".
_POSSESSIVES = frozenset({"its", "their", "his", "her"})


def owner_differs(d: _Doc, si: int, k: int, part: int, whole: int) -> bool:
    """A whole told by a possessive at token ``k`` (past an "of"): "Athletic said £12m, or about two thirds
    of its revenue", "Brookvale sold 1,000 tonnes, a quarter of its harvest". The possessive gives the whole
    to the names of the part's clause; a whole told after other names only ("Rovers had the largest income,
    with revenue of £42m") is another holder's. False when no possessive or no name is told."""
    words = d.m.words[si]
    if k < len(words) and words[k] == "of":
        k += 1
    if k >= len(words) or words[k] not in _POSSESSIVES:
        return False
    ps, pp = d.pos_of(part)
    owner = _capitals(d, ps, d.m.clause_start(ps, pp), pp)
    if not owner:
        return False
    ws, wk = d.pos_of(whole)
    toks = d.m.tokens[ws]
    lo = max([0] + [x + 1 for x in range(wk) if toks[x].fact >= 0])
    named = _capitals(d, ws, lo, wk)
    return bool(named) and not owner & named


def _capitals(d: _Doc, si: int, lo: int, hi: int) -> set[str]:
    """The capitalised words of tokens ``lo`` to ``hi`` of sentence ``si`` that may be names ("Kingsgate"),
    lower case, without "'s"."""
    toks, words = d.m.tokens[si], d.m.words[si]
    text = d.view.text
    not_names = d.m.vocab.not_names
    return {
        words[x].removesuffix("'s")
        for x in range(lo, hi)
        if toks[x].fact < 0
        and text[toks[x].start : toks[x].start + 1].isupper()
        and words[x] not in not_names
        and not (x == 0 and d.v.concepts.get(words[x]) is not None)  # "Exports accounted for": a noun
    }
