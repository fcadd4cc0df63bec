"""Qualifiers: a word that says how large the figure beside it is ("a majority (48%)",
"thousands of fans, some 40,000").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from numcheck.mentions import CLAUSE_END
from numcheck.model import Span
from numcheck.relations.base import _DETERMINERS, FRAME_KINDS, GAP_STOP, SHARES, Relation, _Doc
from numcheck.relations.referents import words as referent_words
from numcheck.vocab import _toml

# Words a qualifier's noun phrase may hold before the figure beside it ("a majority of the
# party's voters (48%)", "over three-quarters of the staff asked, 71%").
QUALIFIER_NP = 6
# Words after "a third of a": a fraction of one unit ("a third of a percentage point").
UNIT_WORDS = frozenset("point percentage per mile kilometre metre second minute hour day week month year".split())
# Punctuation that sets a figure beside its qualifier: "(48%)", ", 63%,", "- 62%".
_APPOSITION = frozenset({"(", ",", "-", "–", "—"})


def _qualifiers(d: _Doc) -> Iterator[Relation]:
    """ "A majority (48%)", "over half (47%) of the staff polled", "thousands of fans, some 40,000".

    Roles: ``figure`` and, for a fraction word that is a figure of its own
    ("two-thirds", "just under three-quarters"), ``qualifier``. Labels:
    ``phrase`` (the key in the qualifier table, or "" for a fraction word),
    ``unit`` ("share" or "count").
    """
    v = d.v
    first = v.qualifiers.by_first
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        end = 0
        # Only a figure or a word a qualifier starts with can open one.
        for i in [k for k, t in enumerate(toks) if t.fact >= 0 or t.text in first]:
            if i < end:
                continue  # inside the qualifier read last
            qi = toks[i].fact
            hit = v.qualifiers.starting_at(words, i) if qi < 0 else None
            if qi >= 0:
                f = d.facts[qi]
                if f.kind != "share" or f.value is None or f.value > 1 or _of_one_unit(words, i + 1):
                    continue
                phrase, unit, end = "", "share", i + 1
                if _of_another_level(d, si, end):
                    continue  # "0.8% of flights, half the previous year's rate of 1.6%": a multiple
            elif hit is not None:
                phrase, end = hit
                unit = v.ranges[phrase][0]
                if phrase == "most" and (
                    (i > 0 and words[i - 1] in _DETERMINERS and not _opens_that_clause(d, words, i - 1))
                    or (end < len(words) and words[end] in v.not_after_most)
                    or (i > 0 and d.verb_like(words[i - 1]) and (end >= len(words) or words[end] in _AFTER_ADVERB))
                    or (i > 0 and words[i - 1] in _MODALS)
                ):
                    continue  # "the most popular gadget", "most likely", "the issue that mattered most to them":
                    # a superlative (not "found that most, 48%, expected")
                if unit == "share" and _of_another_level(d, si, end):
                    continue  # "at 3.1%, roughly half the North East's figure": a multiple of another level
            else:
                continue
            fi, cue_end = _beside(d, si, end, unit)
            if fi < 0:
                fi = _beside_before(d, si, i, end, unit)
            if fi < 0 and unit == "share" and qi < 0:
                fi = _which_told(d, si, i)
            if fi < 0 and unit == "share" and qi < 0:
                pw = _count_of_whole(d, si, i, end) or _part_of_whole_before(d, si, i)
                if pw is not None:
                    cue = Span(d.m.tokens[si][i].span.start, d.m.tokens[si][end - 1].span.end)
                    labels = (("phrase", phrase), ("unit", unit))
                    yield Relation("qualifier", (("part", pw[0]), ("whole", pw[1])), (cue,), "clause", labels)
                    continue
            evidence = "clause"
            if fi < 0 and unit == "share":
                fi = _figure_told_next(d, si, i, end)
                evidence = "document"
            if fi >= 0:
                roles: tuple[tuple[str, int], ...] = (("figure", fi),)
                if qi >= 0:
                    roles = (("qualifier", qi),) + roles
                cue_start = d.m.tokens[si][i].span.start
                hedge = v.hedges.ending_at(words, i)
                if qi >= 0 and hedge:
                    cue_start = d.m.tokens[si][hedge[1]].span.start
                yield Relation(
                    "qualifier",
                    roles,
                    (Span(cue_start, d.m.tokens[si][end - 1].span.end),),
                    evidence,
                    (("phrase", phrase), ("unit", unit)),
                )


# Words after a verb's "most" that make it an adverb ("the issue that mattered most to them", "liked most,
# 41%"), not a determiner of a noun ("showed most supporters liked it").
_AFTER_ADVERB = frozenset({",", ".", ";", ":", "to", "for", "in", "at", "about", "when", "with", "by", "was", "were"})


# Words before a "most" that make it an adverb of the verb after it ("what they would most like to change").
_MODALS = frozenset({"would", "could", "should", "will", "can", "might", "may", "must", "did", "do", "does"})


def _opens_that_clause(d: _Doc, words: Sequence[str], k: int) -> bool:
    """The word at ``k`` is "that" opening a clause after a verb of saying or finding ("found that most,
    48%, expected ..."), not a determiner ("that most popular brand")."""
    return words[k] == "that" and k > 0 and words[k - 1] in d.v.that_clause_after


def _figure_told_next(d: _Doc, si: int, i: int, end: int) -> int:
    """ "A clear majority said they had considered leaving. The figure, 46%, was up from 41%": a share
    qualifier or fraction word at tokens ``i``..``end`` opening its sentence as the subject of a verb of
    answering (``[portions] respondent_verbs``, after an "of" phrase: "More than half of parents said"), in
    a sentence with no figure of its own, and the next sentence opening with words standing for the figure
    just told (``[attach] back_refs``: "The figure", "That figure", "The number") and its figure set beside
    them (", 46%,") or after a link verb ("was 46%") → that figure, else -1. Not when a time follows the
    figure ("The figure was 38% in 2019": another time's share)."""
    words = d.m.words[si]
    start = d.hedge_start(si, i) if d.m.tokens[si][i].fact >= 0 else i
    if start != 0 or si + 1 >= len(d.m.tokens):
        return -1
    if any(t.fact >= 0 and k != i and d.facts[t.fact].kind not in FRAME_KINDS for k, t in enumerate(d.m.tokens[si])):
        return -1  # a figure of its own the next sentence's "The figure" may stand for (times aside)
    j = end
    reach = QUALIFIER_NP if j < len(words) and words[j] == "of" else SUBJECT_NOUN
    while j < len(words) and j - end <= reach and words[j].isalpha():
        if d.v.respondent_verbs.starting_at(words, j):
            break  # "A clear majority said", "More than half of parents said", "Most customers said"
        j += 1
    if j >= len(words) or d.v.respondent_verbs.starting_at(words, j) is None:
        return -1
    nxt, toks = d.m.words[si + 1], d.m.tokens[si + 1]
    ref = d.v.back_refs.starting_at(nxt, 0)
    if ref is None or ref[1] + 2 >= len(nxt):
        return -1
    k = ref[1]
    if nxt[k] == ",":
        k += 1
    elif nxt[k] in _FIGURE_LINKS:
        k += 1
        if nxt[k - 1] == "stood" and nxt[k] == "at":
            k += 1  # "The figure stood at 46%"
    else:
        return -1
    fi = d.figure_after(si + 1, k, frozenset({"percent"}))
    if fi < 0:
        return -1
    _, pos = d.pos_of(fi)
    if pos + 1 < len(nxt) and nxt[pos + 1] in referent_words().definite_narrowing:
        return -1  # "The figure was 48% among women": the share of a narrower group
    for t in toks[pos + 1 :]:
        if t.fact >= 0:
            return -1 if d.facts[t.fact].kind in _TIME_KINDS else fi
        if t.text in CLAUSE_END:
            break
    return fi


# Words of a noun between a qualifier and its verb of answering: "Most customers said".
SUBJECT_NOUN = 2
# Link verbs between "The figure" and the figure it names ("The figure was 46%").
_FIGURE_LINKS = frozenset({"was", "is", "stood"})
# Kinds of figure that put a figure in another time ("was 38% in 2019").
_TIME_KINDS = frozenset({"year", "date", "relative", "month"})


def _of_another_level(d: _Doc, si: int, j: int) -> bool:
    """A fraction word ending before token ``j`` sets its figure against another level, not a whole: its
    noun phrase ("the previous year's rate", "the 2.7% seen in 2011", "the North East's figure") has a
    yardstick head (data: fraction_yardsticks) or a percentage, or it is "that of" another holder."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = j + (j < len(words) and words[j] == "of")
    if k + 1 < len(words) and words[k] in ("that", "those") and words[k + 1] == "of":
        return True  # "about half that of London": the level of another holder
    if k >= len(words) or not (words[k] in _DETERMINERS or words[k].endswith("'s") or _framed(d, toks[k].fact)):
        return False  # "half of members": a whole; "half the ..." / "a third of its ..." may be a level
    for x in range(k, min(len(words), k + QUALIFIER_NP)):
        fi = toks[x].fact
        if fi >= 0:
            if d.facts[fi].kind == "percent":
                return True
            if d.facts[fi].kind not in FRAME_KINDS:
                return False
        if words[x] in d.v.fraction_yardsticks:
            return True
        if words[x] in CLAUSE_END or words[x] in _APPOSITION:
            return False
    return False


def _framed(d: _Doc, fi: int) -> bool:
    """The token is a time figure ("the previous year's")."""
    return fi >= 0 and d.facts[fi].kind in FRAME_KINDS


def _of_one_unit(words: tuple[str, ...] | list[str], j: int) -> bool:
    """A fraction word ending before token ``j`` is a fraction of one unit, not a share of a set: "half a
    percentage point", "half an hour", "a third of a point"."""
    if j < len(words) and words[j] in ("a", "an"):
        return True
    return words[j : j + 2] in (("of", "a"), ("of", "an")) and j + 2 < len(words) and words[j + 2] in UNIT_WORDS


def _count_of_whole(d: _Doc, si: int, i: int, end: int) -> tuple[int, int] | None:
    """A share word with a count of a whole set beside it: "A majority of the 600 members, 280, backed
    it" (the whole after "of"), "Of the 600 members, a majority (280)" (the whole opening the clause) →
    (count, whole), or None."""
    words, toks = d.m.words[si], d.m.tokens[si]
    count = frozenset({"count", "number"})
    whole = -1
    j = end
    of = j < len(words) and words[j] == "of"
    if of or words[end - 1] in ("of", "the"):  # "a majority of the 600", a table phrase "most of the"
        j += of
        while j < len(words) and words[j] in _DETERMINERS:
            j += 1
        if j + 1 < len(words) and words[j].endswith("'s") and d.fact_at(si, j) < 0:
            j += 1  # "a majority of the council's 60 seats": a holder before the whole
        whole = d.figure_after(si, j, count)
        if whole < 0:
            return None
        _, wpos = d.pos_of(whole)
        j = wpos + 1
        while j < len(words) and j - wpos <= QUALIFIER_NP and words[j] not in _APPOSITION:
            if words[j] in CLAUSE_END or toks[j].fact >= 0 or words[j] in GAP_STOP and words[j] not in _AUXILIARIES:
                return None  # "Nearly all of the 120 flights were cancelled, 64": a passive verb is the clause's own
            j += 1
    else:
        whole = _opening_whole(d, si, i)
        if whole < 0:
            return None
    if j >= len(words) or words[j] not in _APPOSITION:
        return None  # "a majority of the 600 members, 280," / "(280)" / "- 280 -"
    k = j + 1
    if k < len(words) and words[k] in ("some", "or"):
        k += 1
    part = d.figure_after(si, k, count)
    if part < 0 or part == whole:
        return None
    _, ppos = d.pos_of(part)
    after = words[ppos + 1] if ppos + 1 < len(words) else ""
    if after in ("more", "fewer", "extra", "other", "others", "of", "%", "per"):
        return None  # "most of the 600 staff, 40 more than last year"
    return part, whole


# Auxiliaries of the qualifier's own verb, between its whole and the count set off after the clause ("Nearly
# all of the 120 flights were cancelled, 114 in total").
_AUXILIARIES = frozenset({"were", "was", "are", "is", "have", "has", "had"})


def _part_of_whole_before(d: _Doc, si: int, i: int) -> tuple[int, int] | None:
    """ "backed by 210 of the 450 delegates, a clear majority": a count of a whole set told right before a
    share word in apposition → (count, whole), or None."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if i < 5 or words[i - 1] not in _APPOSITION:
        return None
    count = frozenset({"count", "number"})
    for j in range(i - 2, max(-1, i - 2 - QUALIFIER_NP), -1):
        if words[j] in CLAUSE_END or words[j] in _APPOSITION:
            return None
        wi = toks[j].fact
        if wi < 0:
            continue
        if d.facts[wi].kind not in count:
            return None
        k = j - 1
        while k >= 0 and (words[k] in _DETERMINERS or _holder_word(d, si, k)):
            k -= 1  # "11 of the club's 30 players": a holder before the whole
        if k < 1 or words[k] != "of":
            return None
        pi = toks[k - 1].fact
        if pi < 0 or d.facts[pi].kind not in count or pi == wi:
            return None
        return pi, wi
    return None


def _holder_word(d: _Doc, si: int, k: int) -> bool:
    """The token at ``k`` is a possessive that is no figure ("the club's", "Labour's")."""
    return d.m.words[si][k].endswith("'s") and d.fact_at(si, k) < 0


def _opening_whole(d: _Doc, si: int, i: int) -> int:
    """ "Of the 600 members, a majority": the count of the clause-opening "Of the W ...," before token
    ``i`` (a comma right before it), or -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if i < 3 or words[i - 1] != ",":
        return -1
    for j in range(i - 2, max(-1, i - 2 - QUALIFIER_NP), -1):
        if words[j] in CLAUSE_END or words[j] in _APPOSITION:
            return -1
        fi = toks[j].fact
        if fi < 0:
            continue
        if d.facts[fi].kind not in ("count", "number"):
            return -1
        k = j - 1
        while k >= 0 and words[k] in _DETERMINERS:
            k -= 1
        if k >= 0 and words[k] in ("of", "among") and (k == 0 or words[k - 1] in CLAUSE_END):
            return fi
        return -1
    return -1


# Words right after a bare qualifier set after a figure that open a clause of its own, so the qualifier
# counts the things just told ("were rejected, 0.5% of the total, most because voters ..."), no apposition.
_CLAUSE_OPENERS = frozenset(
    {"because", "after", "since", "as", "when", "while", "though", "although", "where", "due", "owing", "thanks"}
)


def _beside_before(d: _Doc, si: int, i: int, end: int, unit: str) -> int:
    """The figure a qualifier at tokens ``i``..``end`` stands in apposition after: "45%, a majority,",
    "45% of members, a clear majority" → the figure, or -1."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if toks[i].fact >= 0:
        i = d.hedge_start(si, i)  # "52%, or almost two-thirds": the fraction word's hedge is its own
    if i > 2 and words[i - 1] in ("or", "i.e.", "ie") and words[i - 2] in _APPOSITION:
        i -= 1  # "a reduction of 52%, or almost two-thirds"
    if i < 2 or words[i - 1] not in _APPOSITION:
        return -1
    if end + 1 < len(words) and words[end] == "of" and words[end + 1] in ("them", "whom", "those", "these", "which"):
        return -1  # "45%, a majority of them women": the qualifier is of another group
    if end < len(words) and words[end] in _CLAUSE_OPENERS:
        return -1  # "143 papers, 0.5% of the total, most because ...": most of those counted, not the share
    kinds = SHARES if unit == "share" else frozenset({"count", "number"})
    j = i - 2
    while j >= 0 and i - 2 - j <= QUALIFIER_NP:
        fi = toks[j].fact
        if fi >= 0:
            ok = d.facts[fi].kind in kinds and (j == i - 2 or words[j + 1] == "of")
            return fi if ok else -1
        if words[j] in CLAUSE_END or words[j] in _APPOSITION:
            return -1
        j -= 1
    return -1


# Tokens between ", which" and the qualifier its verb tells ("which the parish council said showed").
WHICH_REACH = 8


@functools.cache
def _which_verbs() -> frozenset[str]:
    """``qualifiers.toml`` ``[which_verbs]``: "showed", "means", "represents"."""
    return frozenset(_toml("qualifiers.toml")["which_verbs"]["words"])


def _which_told(d: _Doc, si: int, i: int) -> int:
    """The share a relative clause's verb tells the amount of with the qualifier at ``i``: "52% supported
    the scheme, which the council said showed the vast majority was in favour" → 52%, the one share of the
    clause before ", which"; else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = i - 1
    while k > 0 and i - k <= WHICH_REACH and words[k] != "which":
        if toks[k].fact >= 0 or words[k] in CLAUSE_END:
            return -1
        k -= 1
    if k < 2 or words[k] != "which" or words[k - 1] != "," or not _which_verbs().intersection(words[k + 1 : i]):
        return -1
    lo = d.m.clause_start(si, k - 2)
    shares = [t.fact for t in toks[lo : k - 1] if t.fact >= 0 and d.facts[t.fact].kind in SHARES]
    return shares[0] if len(shares) == 1 else -1


def _own_verb(d: _Doc, words: Sequence[str], start: int, end: int) -> bool:
    """The words between a qualifier and the comma at ``end`` hold a verb of answering told of the
    qualifier's own people, not inside a relative clause: "four in ten people say it is easy," has its
    verb, so the comma ends a clause ("a third of members who say they agree, 34%," keeps its apposition)."""
    for k in range(start, end):
        if words[k] in ("who", "that", "which", "whom"):
            return False
        if d.v.respondent_verbs.starting_at(words, k) is not None:
            return True
    return False


def _beside(d: _Doc, si: int, j: int, unit: str) -> tuple[int, int]:
    """The figure set beside a qualifier ending at token ``j``, past its noun phrase: (fact, token) or (-1, -1)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    kinds = SHARES if unit == "share" else frozenset({"count", "number"})
    start = j
    reach = QUALIFIER_NP
    while j < len(words) and j - start <= reach:
        w = words[j]
        if w == "," and _own_verb(d, words, start, j):
            return -1, -1  # "When four in ten people say it is easy, six in ten ...": a clause, not a noun phrase
        if w in _APPOSITION:
            k = j + 1
            if k < len(words) and words[k] in ("or", "i.e.", "ie"):
                k += 1
            fi = d.figure_after(si, k, kinds)
            if fi < 0 and unit == "share":
                fi = _share_after_count(d, si, k)
            if fi < 0:
                return -1, -1
            _, pos = d.pos_of(fi)
            after = words[pos + 1 : pos + 3]
            if len(after) == 2 and after[0] == "of" and after[1] in ("them", "whom", "which"):
                return -1, -1  # "a majority, 45% of them women": a share of the majority
            if after and after[0] in ("more", "fewer", "extra", "other", "others"):
                return -1, -1  # "thousands of fans, 400 more than last year"
            return fi, pos
        inside_of = w == "with" and "of" in words[start:j]  # "a majority of purchases with a mortgage, 45%"
        if w in CLAUSE_END or w in GAP_STOP and w not in ("a", "an") and not inside_of:
            return -1, -1
        fi = toks[j].fact
        if fi >= 0 and d.facts[fi].kind in FRAME_KINDS:
            reach += 2  # "of the customers it surveyed in December, 48%": the time the group is told of
        elif fi >= 0 and d.facts[fi].kind in ("count", "number") and unit == "share" and _whole_of_np(words, start, j):
            reach += (
                2  # "a narrow majority of the 2,000 customers it surveyed, 48%": the share's whole, told in its phrase
            )
        elif fi >= 0 and d.facts[fi].kind not in ("age", "ordinal"):
            return -1, -1  # another figure first: "most of the 120 staff" is a share relation
        j += 1
    return -1, -1


# Words of a count's noun between it and the share it is told as: "42 heads, or 48%".
COUNT_NOUN = 3


def _share_after_count(d: _Doc, si: int, k: int) -> int:
    """ "A clear majority – 42 heads, or 48% – said": a count set beside a share qualifier and then told as a
    share with "or" after its noun → the share, else -1."""
    words = d.m.words[si]
    ci = d.figure_after(si, k, frozenset({"count", "number"}))
    if ci < 0:
        return -1
    _, j = d.pos_of(ci)
    j += 1
    stop = j + COUNT_NOUN
    while j < min(len(words), stop) and words[j].isalpha() and words[j] != "or":
        j += 1
    if j < len(words) and words[j] == ",":
        j += 1
    if j + 1 >= len(words) or words[j] != "or":
        return -1
    return d.figure_after(si, j + 1, SHARES)


# Words of the whole between "of" and the whole a share's phrase names ("of the 2,000", "of its 400").
_OF_WHOLE = frozenset({"the", "its", "their", "his", "her", "our", "all"})


def _whole_of_np(words: tuple[str, ...] | list[str], start: int, j: int) -> bool:
    """The count at token ``j`` is the whole the qualifier's phrase (from ``start``) is "of": "of the 2,000"."""
    k = j - 1
    while k >= start and words[k] in _OF_WHOLE:
        k -= 1
    return k >= start and words[k] == "of"
