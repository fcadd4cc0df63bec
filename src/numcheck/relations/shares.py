"""Shares and parts: which figure is a share of which, and of what whole ("70 of the 120 staff
(48%)", "of whom nine", "including $26bn", "Of those, 70 (48%)").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from numcheck import startcache
from numcheck.mentions import CLAUSE_END, QUOTE_MARKS, same_holder
from numcheck.model import Fact, Span
from numcheck.relations.base import (
    _NOT_PART_NOUNS,
    COPULAS,
    COUNTABLE,
    FRAME_KINDS,
    GAP_STOP,
    SHARES,
    Relation,
    _Doc,
    _part_verbs,
    is_average,
    same_family,
)
from numcheck.relations.holders import holder_of
from numcheck.relations.lists import _capital, placed_in_places
from numcheck.relations.referents import (
    _told_as_part,
    carried_whole,
    clause_subject,
    concepts_agree,
    definite_at,
    definite_whole,
    modified_whole,
    modifier_at,
    named_whole,
    names_whole,
    narrowed_apart,
    narrowed_referent,
    opener_start,
    opener_subject,
    opens_clause,
    own_whole,
    plain_whole,
    referent,
    subject_at,
)
from numcheck.relations.referents import words as referent_words
from numcheck.vocab import PhraseTable, _toml, singular

# Words between a part and "of"/"out of" that still name the part ("12 staff of its 40").
PART_GAP = 3
# Words between "Of the 120 staff surveyed" and the part after its comma ("of the 23 firms fined by the
# regulator for late filing over the past decade, only five").
OF_PHRASE_GAP = 14
# Kinds of figure that narrow such a whole without counting it: "Of the 60 respondents aged 18 to 24,".
QUALIFIER_KINDS = frozenset({"age"})
# Words that may stand before such an opening "of": a clause start.
OF_OPENERS = frozenset({",", "and", "but", "that", "while", "whereas"})
# "£6m came from donors and £5m from the lottery": the prepositions that make a verb-less second part
# parallel to the first, and the tokens after the first part its verb and preposition may take.
GAPPED_PREPOSITIONS = frozenset({"from", "to", "in", "on", "for", "at"})
GAPPED_VERB = 4
# A share written as two counts: "70 out of 120", "12 of 23".
RATIO_TEXT = startcache.compile(r"^\s*(\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+)?(\d[\d,]*)\s*$")
# Tokens back from a comma-set share ("…, under a third of the 140") to its count.
SHARE_BEFORE_REACH = 14
# Tokens after a part that its share may stand, past the whole ("312 of them (32%)").
SHARE_AFTER_REACH = 9
# Tokens between the comma and a share that closes a clause saying a figure of another kind of the part
# ("335 of them cost £25 or less, a third of the total"): the share comes right after the comma.
SAID_SHARE_GAP = 2
# Words of an "of" phrase after a share set off by a comma that may name its part's whole ("a third of the
# national total").
SAME_WHOLE_WORDS = 4
# Words of such an "of" phrase read for a holder, a name or a figure that makes its whole another one.
OTHER_WHOLE_WORDS = 8
# Tokens after a part that "the other 35" of the same whole may stand; at the start of the next sentence,
# tokens from its start ("The other 55 swam ashore", "The remaining 12 were ...").
SIBLING_REACH = 20
NEXT_REST_REACH = 4
# Tokens after a share's whole that its predicate verb may stand ("reports it had from consumers
# concerned"), and the words the predicate may have ("ID fraud").
PREDICATE_REACH = 10
PREDICATE_WORDS = 3
# Dashes that set a count beside a share, as brackets do: "three quarters - about 600 - were ...".
DASHES = frozenset({"-", "–", "—"})
# Named amounts either side of a profit that its revenue may be among.
WITHIN_NEAR = 4
# Kinds a part told by its concept may be of: amounts of money, and counts (deaths among cases).
_WITHIN_KINDS = frozenset({"money", "count", "number"})
# Counts read for one predicate at most (a bound, so a long list of counts stays linear).
PREDICATE_CANDIDATES = 50
# Sentences back that the count a subject holds ("The council has 4,300 employees") may stand.
HELD_BACK = 3
# Tokens of the next sentence that the count a subject holds may stand in ("It employs 1,500 nurses").
HELD_AFTER_REACH = 8
# At most this many amounts named by one noun are read as one whole ("its $102.6bn debt").
NAMED_MAX = 6
# Words that open a clause with a pronoun whole ("Among them were 41", "Of those on board, 52"), the
# words between the pronoun and the verb or comma before the part, and those verbs.
OPENING_WORDS = frozenset({"of", "among", "amongst"})
OPENING_GAP = 5
# Words of an opener and what it stands for before the comma: "Within that total,", "Out of the sum of money,".
OPENING_SUBJECT = 6
OPENING_LINKS = frozenset("were was are is included include includes".split())
# "These include 500 engineers": a subject pronoun and an include verb before a part.
SUBJECT_PRONOUNS = frozenset({"these", "they", "those"})
INCLUDE_VERBS = frozenset({"include", "included", "includes"})
# "Of the total, 1.8m ...": the determiners, the words of the noun phrase before its comma, the tokens
# after the comma that the part may stand (past "the firm said it would pay"), and the sentences back
# that the whole named by the noun may stand.
NOUN_OPENING_DETERMINERS = frozenset({"the", "this", "that", "its", "their"})
NOUN_OPENING_WORDS = 3
NOUN_OPENING_GAP = 12
NOUN_OPENING_BACK = 6
# Tokens back from "including" to the whole it breaks down ("$23bn - a fraction of ... - including").
INCLUDING_REACH = 16


def _attached_share(d: _Doc, si: int, pos: int) -> tuple[int, Span] | None:
    """A share written beside a count: "70 (48%)", "70, or 48%", "70, i.e. 48%"."""
    words = d.m.words[si]
    hit = d.v.same.starting_at(words, pos + 1)
    if not hit or (
        hit[0] == "money" and d.m.tokens[si][pos].fact >= 0 and d.facts[d.m.tokens[si][pos].fact].kind != "money"
    ):
        return None
    fi = d.figure_after(si, hit[1], SHARES)
    if fi < 0:
        return None
    return fi, d.span(si, pos + 1, hit[1])


def _of_other_whole(d: _Doc, si: int, spos: int) -> bool:
    """The share at token ``spos`` is "of" a group a pronoun, a holder, a name or a figure sets apart: "two
    in five of those aged under 25", "a third of the region's thefts", "45% of the 300 it tested", "15% of
    all passengers crossing the Irish Sea"."""
    words = d.m.words[si]
    k = spos + 1
    if k + 1 >= len(words) or words[k] != "of":
        return False
    if words[k + 1] in ("those", "these") and k + 2 < len(words) and words[k + 2][:1].isalpha():
        return True
    toks = d.m.tokens[si]
    for j in range(k + 1, min(len(words), k + 1 + OTHER_WHOLE_WORDS)):
        if words[j] in CLAUSE_END or words[j] == ",":
            return False
        if (
            toks[j].fact >= 0
            or words[j].endswith(("'s", "’s"))
            or d.view.text[toks[j].start : toks[j].start + 1].isupper()
        ):
            return True  # "of the 300 it tested", "of the region's thefts", "of all those crossing the Irish Sea"
    return False


def _of_same_whole(d: _Doc, si: int, spos: int) -> bool:
    """The share at token ``spos`` is set off as a share of its part's whole: nothing after it but the
    clause's end, a comma or a bracket, or "of" a word for the whole just told ("a third of the total",
    "one in five of the national total"): "a third of the region's beds" is another whole, "half of them" a
    share of the part."""
    words = d.m.words[si]
    k = spos + 1
    if k >= len(words) or words[k] in CLAUSE_END or words[k] in (",", ")"):
        return True
    if words[k] != "of":
        return False
    k += 1
    for j in range(k, min(len(words), k + SAME_WHOLE_WORDS)):
        if d.m.tokens[si][j].fact >= 0 or not words[j][:1].isalpha() or words[j].endswith("'s"):
            return False
        if words[j] in d.v.generic_wholes:
            nxt = words[j + 1] if j + 1 < len(words) else "."
            return nxt in CLAUSE_END or nxt in (",", ")")
    return False


def _share_of_them(d: _Doc, fi: int) -> bool:
    """ "210 of the 450 delegates, a third of whom were new": a share of the part, not of the whole."""
    si, pos = d.pos_of(fi)
    return tuple(d.m.words[si][pos + 1 : pos + 3]) in _OF_THEM


_OF_THEM = frozenset(("of", w) for w in ("whom", "which", "them", "those", "these"))


def _share_after_whole(d: _Doc, si: int, pos: int, whole: int, part: int = -1) -> tuple[int, Span] | None:
    """A share given after the part's whole: "312 of them (32%)", "70 of the 120 staff, or 58%"; the part
    is the figure at ``pos`` unless ``part`` is given ("£64m of the total, equivalent to 54%" read from
    "total")."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if part < 0:
        part = toks[pos].fact
    rest = _told_share_words()[2] - CONJUNCTIONS
    said = False  # a figure of another kind said of the part ("335 cost £25 or less"): only a closing share
    for k in range(pos + 1, min(len(words), pos + SHARE_AFTER_REACH)):
        if words[k] in CLAUSE_END or words[k] in rest:
            return None  # "20,000 went to residents and the rest, about three-fifths": the rest's share
        fi = toks[k].fact
        if fi == whole:
            continue
        if fi >= 0:
            if d.facts[fi].kind in SHARES or same_family(d.facts[fi], d.facts[part]):
                return None
            said = True
            continue
        hit = None if said else d.v.same.starting_at(words, k)
        if hit and hit[0] == "money" and d.facts[part].kind != "money":
            hit = None  # "12 of the 20 contracts, worth 45% of ...": a share by value, not by count
        if hit and words[k] in ("(", ",", "-", "\u2013", "\u2014"):
            si_ = d.figure_after(si, hit[1], SHARES)
            if si_ >= 0 and words[k] not in ("(", ",") and d.hedge_start(si, d.pos_of(si_)[1]) > hit[1]:
                si_ = -1  # "70 of the 120 staff - up 20% on last year -": a dash sets off the share alone
            if si_ >= 0 and not _share_of_them(d, si_) and not _of_other_whole(d, si, d.pos_of(si_)[1]):
                return si_, d.span(si, k, hit[1])
        if words[k] == ",":
            # "3,000 of its 12,000 employees, a third, will go", "6,200 of them, a third of the total": a
            # share set off by a comma, of the part's whole.
            si_ = d.figure_after(si, k + 1, SHARES)
            if si_ >= 0 and _of_same_whole(d, si, d.pos_of(si_)[1]):
                if said and d.pos_of(si_)[1] > k + 1 + SAID_SHARE_GAP:
                    return None
                return si_, d.span(si, k, k + 1)
    return None


def _definite_subject(d: _Doc, si: int, pos: int) -> bool:
    """The sentence opens on "The <plural noun>" and tells no figure of its family before ``pos``: a later
    "of them" stands for that noun's set ("The patients had a median age of 64, and 880 of them ...")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if len(words) < 3 or words[0] != "the" or not words[1].isalpha() or not words[1].endswith("s"):
        return False
    if toks[1].fact >= 0 or words[2] in (",", "of"):
        return False
    part = d.facts[toks[pos].fact]
    return not any(
        t.fact >= 0 and t.fact != toks[pos].fact and same_family(d.facts[t.fact], part) and not is_average(d, t.fact)
        for t in toks[:pos]
    )


def _whole_after(d: _Doc, si: int, pos: int) -> tuple[int, Span, str] | None:
    """ "70 of the 120", "12 out of 23", "70 (48%) of the 120 staff", "34 of them" → the whole."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    part = toks[pos].fact
    if pos > 0 and words[pos - 1] in d.v.whole_set:
        return None  # "all four of these pathways": the whole set, told again
    j = pos + 1
    # Past a bracketed share: "70 (48%) of the 120".
    if j + 2 < len(words) and words[j] == "(" and toks[j + 1].fact >= 0 and words[j + 2] == ")":
        j += 3
    gap_start = j
    while j < len(words) and j - gap_start <= PART_GAP:
        if toks[j].fact >= 0 or words[j] in CLAUSE_END or words[j] in (",", "(") or words[j] in GAP_STOP:
            return None
        hit = d.v.whole_of.starting_at(words, j)
        if hit:
            after = hit[1]
            if (
                after < len(words)
                and words[after] in ("these", "those", "its", "their")
                and d.fact_at(si, after + 1) >= 0
            ):
                after += 1  # "of these 42 patients": a determiner, the whole follows
            elif after < len(words) and words[after] in d.v.whole_modifiers and d.fact_at(si, after + 1) >= 0:
                after += 1  # "out of the top 20", "of the first 10": a rank word, the whole follows
            elif (
                after < len(words)
                and (
                    words[after] in d.v.anaphora
                    or (words[after] == "this" and d.facts[part].kind == "money")
                    # "£29.2m of it" right after the amount (not "£190m to build parts of it")
                    or (words[after] == "it" and j == gap_start and d.facts[part].kind == "money")
                    or _amount_subject(d, si, after)
                )
                and after == j + 1 + (words[j] == "out")
            ):
                nxt = words[after + 1] if after + 1 < len(words) else ""
                # A determiner takes the noun it stands for ("of those cases"); "of which came" does not.
                noun = nxt if words[after] in ("those", "these") and nxt.isalpha() and toks[after + 1].fact < 0 else ""
                if words[after] == "them" and _definite_subject(d, si, pos):
                    # "The patients had a median age of 64, and about 880 of them": "them" are the subject's
                    subject = definite_whole(d, si, 0, d.facts[part], part)
                    return (subject, d.span(si, j, after + 1), "document") if subject >= 0 else None
                if _amount_subject(d, si, after):
                    # "£10m of that sum": the one amount told last (``referent``), none when two were told
                    ante = referent(d, si, d.hedge_start(si, pos), d.facts[part])
                else:
                    ante = referent(d, si, after, part=part, noun=noun, at=pos)
                if ante >= 0 and narrowed_apart(d, si, after, ante):
                    ante = narrowed_referent(d, si, after, part)  # "52 of those on the dummy pill"
                if ante >= 0:
                    told = "sentence" if d.pos_of(ante)[0] == si else "document"
                    return ante, d.span(si, j, after + 1), told
                return None
            while after < len(words) and words[after].endswith("'s") and d.fact_at(si, after) < 0:
                after += 1  # "of the club's 4 coaches": the holder, then the whole
            wi = d.figure_after(si, after, COUNTABLE)
            if wi < 0:
                wi = _figure_after_noun_of(d, si, after)  # "of the country's population of 23 million"
            seats = after + (after + 1 < len(words) and words[after] in ("the", "its", "their"))
            if wi < 0 and seats < len(words) and words[seats] in _capacity_words()[2]:
                # "62,000 of the stadium's seats", "of its seats": the venue's one capacity told in the story
                cap = _capacity(d)
                if cap >= 0 and cap != part:
                    return cap, d.span(si, j, seats + 1), _told(d, si, cap)
            nxt = words[after] if after < len(words) else "."
            if (
                wi < 0
                and words[after - 1] in d.v.generic_wholes
                and (
                    nxt in CLAUSE_END
                    or nxt in d.v.clause_verbs
                    or _share_after_whole(d, si, after - 1, part, part) is not None
                )
            ):
                # "made up £64m of the total, equivalent to 54%": a share told of it after its comma.
                # "built 4,600 of the total.", "2.8m of the total came from abroad": the amount told before.
                ante = referent(d, si, after - 1, part=part, at=pos)
                if ante >= 0 and words[after - 1] in TOTAL_WORDS:
                    ante = _largest_told(d, si, pos, part, ante)  # "... and English, with 21. ... 58 of the total"
                if ante >= 0 and _told_as_part(d, *d.pos_of(ante), ante):
                    return None  # "84,000 of the jobless. ... 53,000 of the total": the total is not that part
                return (ante, d.span(si, j, after), "sentence") if ante >= 0 else None
            if wi < 0 and words[after - 1] in referent_words().definite_determiners:
                # "48,000 of the displaced", "41 of the dead": the count told before of the set it names.
                # "92,000 of the visitors camped": the crowd the lead counts ("87,000 people attended").
                wi = definite_whole(d, si, after - 1, d.facts[part], part, sets_only=True, named=True, lead=True)
                if wi >= 0:
                    told = "sentence" if d.pos_of(wi)[0] == si else "document"
                    return wi, d.span(si, j, after + 1), told
                return None
            wm = d.m.by_fact.get(wi)
            if wm is not None and "each" in wm.roles:
                return None  # "$1.62 per share" is a rate, no whole
            if wi >= 0 and _nouns_agree(d, part, wi, gap=words[gap_start:j]):
                return wi, d.span(si, j, after), "clause"
            return None
        j += 1
    return None


# Words that narrow a group told by "those" or "the" and its noun to a set of its own: "Of those under 35,",
# "Among the voters aged over 65,", "Of those in the north,".
NARROWING = frozenset({"under", "over", "aged", "in", "on", "at", "from", "with", "without", "below", "above"})
# Sentences back that the count of such a set may stand (its narrowing words name it, so a paragraph or two
# back), and tokens after it that its narrowing words may.
NARROWED_BACK = 8
NARROWED_AFTER = 6


def _narrowed_opening(d: _Doc, si: int, pos: int, part: int) -> tuple[int, Span, str] | None:
    """ "Of those under 35, 124 ...", "Among the voters under 35, 124": a set named by "those" (or "the"
    and a noun) and narrowing words (``NARROWING`` and what follows it, a figure too) opening the clause
    before the part: the count told before with those same words after it ("310 voters aged under 35"),
    larger than the part, of its family; else None."""
    words, toks = d.m.words[si], d.m.tokens[si]
    comma = pos - 1
    if comma < 3 or words[comma] != ",":
        return None
    for o in range(comma - 2, max(-1, comma - 1 - OPENING_SUBJECT), -1):
        if words[o] not in ("of", "among") or not opens_clause(d, si, o):
            continue
        k = o + 1
        if words[k] in ("those", "the"):
            k += 1
        if words[k] not in NARROWING and words[k].isalpha() and words[k - 1] != "those" and toks[k].fact < 0:
            k += 1  # "Among the voters under 35", "Of voters under 35": the set's noun
        if k >= comma or words[k] not in NARROWING:
            return None
        phrase = [(words[x], toks[x].fact) for x in range(k, comma) if words[x] != "aged"]
        if len(phrase) < 2 or len(phrase) > NARROWED_AFTER:
            return None
        p = d.facts[part]
        for s2, k2, wi in d.m.figures_before(si, o, NARROWED_BACK, None):
            w = d.facts[wi]
            if w.kind not in COUNTABLE or w.is_range or w.value is None or not same_family(w, p):
                continue
            if w.value <= (p.value or 0) or not _narrowed_alike(d, s2, k2, phrase):
                continue
            return wi, d.span(si, o, comma), "sentence" if s2 == si else "document"
        return None
    return None


def _narrowed_alike(d: _Doc, si: int, k: int, phrase: list[tuple[str, int]]) -> bool:
    """The words after the count at token ``k`` (past "aged") hold the narrowing ``phrase`` in order: a word
    as itself, a figure by its value ("under 35" and "aged under 35")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    after = [
        (words[x], toks[x].fact) for x in range(k + 1, min(len(words), k + 1 + NARROWED_AFTER)) if words[x] != "aged"
    ]
    for start in range(len(after) - len(phrase) + 1):
        if all(_same_token(d, after[start + n], phrase[n]) for n in range(len(phrase))):
            return True
    return False


def _same_token(d: _Doc, a: tuple[str, int], b: tuple[str, int]) -> bool:
    if a[1] >= 0 or b[1] >= 0:
        return a[1] >= 0 and b[1] >= 0 and d.facts[a[1]].value == d.facts[b[1]].value
    return a[0] == b[0]


# Words after "of the" that name a whole as the sum of all told ("58 of the total"), not one set.
TOTAL_WORDS = frozenset({"total", "overall"})
# Sentences back that "the total" may reach for the whole of a list told between ("214 unfilled posts ...
# worst in maths, with 39, science, with 33, and English, with 21. Primary schools accounted for 58 of the
# total").
TOTAL_BACK = 2


def _largest_told(d: _Doc, si: int, pos: int, part: int, ante: int) -> int:
    """The largest level of the part's family told in its sentence or the ``TOTAL_BACK`` before it, when it
    is larger than ``ante``: "the total" is the whole of what was told, not the last item of a list before
    it; ``ante`` when none is larger. Older ends and moves are no total ("up from 167")."""
    pf = d.facts[part]
    best = ante
    for s2, k, fi in d.m.figures_before(si, pos, TOTAL_BACK, None):
        f = d.facts[fi]
        if f.kind not in COUNTABLE or f.is_range or f.value is None or not same_family(f, pf):
            continue
        if d.older_end(s2, k) or d.move_told(s2, k) or _splits_sentence(d, s2):
            continue  # "Some 3.1 million came for the day, while the remaining 1.1 million ...": a split's item
        if (f.value or 0) > (d.facts[best].value or 0):
            best = fi
    return best


def _splits_sentence(d: _Doc, si: int) -> bool:
    """The sentence splits a whole: a figure in it is told as the rest or another ("the remaining 1.1 million")."""
    return any(
        t.fact >= 0 and (m := d.m.by_fact.get(t.fact)) is not None and m.roles & {"remainder", "another"}
        for t in d.m.tokens[si]
    )


def _amount_subject(d: _Doc, si: int, k: int) -> bool:
    """ "£248m of that sum", "1,200 of this figure": a demonstrative and a noun of amount at token ``k``
    (``referents.subject_at``) stand for the whole, the figure told before like a pronoun."""
    words = d.m.words[si]
    return words[k] in ("this", "that") and subject_at(d, si, k) > k + 1


def _figure_after_noun_of(d: _Doc, si: int, start: int) -> int:
    """The figure after "<noun phrase> of" from ``start`` ("the island's pre-flood population of 410,000"), or -1."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = start
    while k < len(words) and k - start < 4 and toks[k].fact < 0 and words[k][0].isalpha():
        if words[k] == "of" and k > start:
            return d.figure_after(si, k + 1, COUNTABLE)
        if words[k] in GAP_STOP:
            return -1
        k += 1
    return -1


def _nouns_agree(d: _Doc, part: int, whole: int, gap: Sequence[str]) -> bool:
    """ "30 tenants of four tower blocks" is no part of a whole: the nouns on both sides differ."""
    wm = d.m.by_fact.get(whole)
    if not gap or wm is None or not wm.noun:
        return True
    part_concept = d.v.concept(" ".join(gap))
    return part_concept == wm.concept or part_concept in (wm.noun or "")


def _concepts_agree(d: _Doc, a: int, b: int) -> bool:
    """Both figures' nouns name one concept, or one of them names none."""
    am, bm = d.m.by_fact.get(a), d.m.by_fact.get(b)
    if am is None or bm is None or not am.concept or not bm.concept:
        return True
    return am.concept == bm.concept


def _whole_before(d: _Doc, si: int, pos: int) -> tuple[int, Span, str] | None:
    """ "Of the 120 staff surveyed, 70", "Of those, 70", "of whom 12", "Of them, 34"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    part = toks[pos].fact
    j = pos - 1
    # Pronoun forms right before the figure: "of whom 12", "Of those, 70", "among them 4".
    k = j - 1 if j >= 0 and words[j] == "," else j
    determiner = k == j and k >= 0 and words[k] in ("these", "those")  # "of these 42 patients"
    if k >= 1 and not determiner and words[k] in d.v.anaphora and words[k - 1] in ("of", "among"):
        ante = referent(d, si, k, part=part, at=k - 1)
        if ante >= 0 and _members_named(d, si, pos, ante):
            return None  # "412 families ..., among them 690 children": people in the units, no part
        if ante >= 0:
            return ante, d.span(si, k - 1, k + 1), "sentence"
        return None
    if k < j:
        # "Of this, £8m", "Within that total, £8m", "Of the sum, £8m": what the opener's words stand for.
        for o in range(j - 1, max(-1, j - 1 - OPENING_SUBJECT), -1):
            if opener_subject(d, si, o, j) and opens_clause(d, si, o):
                ref = referent(d, si, opener_start(words, o), d.facts[part])
                if ref < 0 or ref == part:
                    return None
                return ref, d.span(si, o, j), "sentence" if d.pos_of(ref)[0] == si else "document"
            start = opener_start(words, o)
            if start > o and opens_clause(d, si, o) and (hit := _definite(d, si, start, part)) and hit[0] == j:
                # "Of the dead, 90, or about a quarter, were children": the count told before of the set.
                ref = definite_whole(d, si, start, d.facts[part], part)
                return (ref, d.span(si, o, j), _told(d, si, ref)) if ref >= 0 else None
    if (
        k >= 2
        and k < j
        and words[k].isalpha()
        and toks[k].fact < 0
        and words[k - 1] in ("those", "these")
        and words[k - 2] in ("of", "among")
    ):
        # "Of those staff, 70": the pronoun with the noun it stands for, after a comma.
        ante = referent(d, si, k - 1, part=part, noun=words[k], at=k - 2)
        if ante >= 0:
            return ante, d.span(si, k - 2, k + 1), "sentence"
        return None
    narrowed = _narrowed_opening(d, si, pos, part)
    if narrowed is not None:
        return narrowed
    opening = _pronoun_opening(d, si, pos, part)
    if opening is not None:
        return opening
    # "Of the 120 staff surveyed, 70": a comma, a few words, the whole, "of" at the clause start.
    while j >= 0 and words[j] in ("only", "just", "some", "about", "around", "nearly", "almost"):
        j -= 1  # "..., only four of the 21"
    if j < 0 or words[j] != ",":
        return None
    i = j - 1
    while i >= 0 and j - i <= OF_PHRASE_GAP + 1:
        fi = toks[i].fact
        if fi >= 0 and (d.facts[fi].kind in FRAME_KINDS or d.facts[fi].kind in QUALIFIER_KINDS):
            i -= 1
            continue  # "Of the 17 found guilty since 2001, ...", "Of the 60 voters aged 18 to 24, ..."
        if fi >= 0:
            if d.facts[fi].kind not in COUNTABLE:
                return None
            k = i - 1
            while k >= 0 and (
                words[k].endswith("'s")
                or words[k]
                in (
                    "the",
                    "its",
                    "their",
                    "all",
                    "these",
                    "those",
                    "some",
                    "about",
                    "around",
                    "nearly",
                    "almost",
                )
            ):
                k -= 1
            if k >= 1 and words[k] == "of" and words[k - 1] == "out":
                k -= 1  # "Out of the 60 patients treated, 72 ..."
                opener = "of"
            else:
                opener = words[k] if k >= 0 else ""
            if (
                k >= 0
                and opener in ("of", "among", "from")
                and (k == 0 or words[k - 1] in CLAUSE_END or words[k - 1] in OF_OPENERS)
            ):
                said = words[pos + 1] if pos + 1 < len(words) else ""
                if (
                    said
                    and said[0].isalpha()
                    and said not in _NOT_PART_NOUNS
                    and not said.endswith("ed")
                    and said not in d.v.clause_verbs
                ):
                    wm = d.m.by_fact.get(fi)
                    if wm and wm.concept and d.v.concept(said) != wm.concept:
                        return None  # "Of its 50 stores, 2 million shoppers": another noun, no part
                return fi, d.span(si, k, k + 1), "clause"
            return None
        if words[i] in CLAUSE_END:
            return None
        i -= 1
    return None


def _pronoun_opening(d: _Doc, si: int, pos: int, part: int) -> tuple[int, Span, str] | None:
    """ "Among them were 41 students", "Among those held were 12", "Of those on board, 52": a clause that
    opens with "of"/"among" and a pronoun, a few words that say which of them, then a verb or a comma and
    the part. The whole is what the pronoun points back to."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    j = d.hedge_start(si, pos) - 1
    if j < 1 or (words[j] not in OPENING_LINKS and words[j] != ","):
        return None
    if words[j] in INCLUDE_VERBS and words[j - 1] in SUBJECT_PRONOUNS and _opens(words, j - 1):
        # "The firm employs 4,000 people. These include 500 engineers."
        ante = referent(d, si, j - 1, part=part)
        return (ante, d.span(si, j - 1, j + 1), "sentence") if ante >= 0 else None
    if words[j] in INCLUDE_VERBS:
        # "The blast killed 38 people. The victims included 12 tourists.": a definite subject for the set.
        start = d.m.clause_start(si, j)
        hit = definite_at(d, si, start)
        if hit is not None and hit[0] == j and _opens(words, start):
            ante = definite_whole(d, si, start, d.facts[part], part, sets_only=True)
            return (ante, d.span(si, start, j + 1), _told(d, si, ante)) if ante >= 0 else None
    for i in range(j - 1, max(0, j - 1 - OPENING_GAP), -1):
        if toks[i].fact >= 0 or words[i] in CLAUSE_END:
            return None
        if words[i - 1] in OPENING_WORDS and _opens(words, i - 1) and words[i] not in d.v.anaphora:
            # "Among the dead were 40 children", "Of the displaced, 48,000 are ...": a definite noun phrase.
            hit = _definite(d, si, i, part)
            if hit is not None and hit[0] == j:
                ante = definite_whole(d, si, i, d.facts[part], part, sets_only=words[i - 1] != "of")
                return (ante, d.span(si, i - 1, j), _told(d, si, ante)) if ante >= 0 else None
        if words[i] not in d.v.anaphora or words[i] in ("which", "they") or words[i - 1] not in OPENING_WORDS:
            continue
        if i - 1 > 0 and words[i - 2] not in CLAUSE_END and words[i - 2] not in OF_OPENERS:
            return None
        if i + 1 == j and words[j] == ",":
            return None  # "Of those, 70": read by the pronoun forms right before the figure
        nxt = words[i + 1] if words[i] in ("those", "these") and i + 1 < j else ""
        ante = referent(d, si, i, part=part, noun=nxt if nxt.isalpha() else "", at=i - 1)
        return (ante, d.span(si, i - 1, i + 1), "sentence") if ante >= 0 else None
    return None


def _definite(d: _Doc, si: int, k: int, part: int) -> tuple[int, str, str] | None:
    """The definite noun phrase at token ``k`` (``referents.definite_at``), read for the part's kind."""
    return definite_at(d, si, k, d.facts[part].kind == "money")


def _told(d: _Doc, si: int, whole: int) -> str:
    """The evidence of a part of a whole told in sentence ``si`` or before it."""
    return "sentence" if d.pos_of(whole)[0] == si else "document"


def _opens(words: Sequence[str], k: int) -> bool:
    """Token ``k`` starts a clause."""
    return k == 0 or words[k - 1] in CLAUSE_END or words[k - 1] in OF_OPENERS


def _noun_opening_parts(d: _Doc) -> Iterator[Relation]:
    """ "The museum had 2.5m visitors. Of the total, 1.8m came from abroad", "Of the money, £6bn will be
    spent in the north", "Of the payment, the firm said it would pay $30m itself": a sentence that opens
    with "Of the <noun>," (no figure in it) and then gives a part; the whole is the figure told before for
    that noun, or for a word such as "total" or "money", the figure the sentence before ends on."""
    for si, words in enumerate(d.m.words):
        toks = d.m.tokens[si]
        if len(words) < 4 or words[0] not in OPENING_WORDS or words[1] not in NOUN_OPENING_DETERMINERS:
            continue
        comma = next((k for k in range(2, min(len(words), 2 + NOUN_OPENING_WORDS + 1)) if words[k] == ","), -1)
        if comma < 3 or any(t.fact >= 0 or not t.text[0].isalpha() for t in toks[2:comma]):
            continue
        part = _first_amount(d, si, comma + 1)
        if part < 0:
            continue
        head = singular(words[comma - 1])
        if modifier := modifier_at(d, si, 1, comma):
            whole = modified_whole(d, si, 1, modifier, d.facts[part])  # "Of the international total,"
        elif subject_at(d, si, 1, comma) == comma:
            whole = referent(d, si, 1, d.facts[part])  # "Of the total,", "Of that sum,"
        elif head in d.v.generic_wholes:
            whole = referent(d, si, comma - 1, part=part, at=0)
        elif (hit := definite_at(d, si, 1, d.facts[part].kind == "money")) is not None and hit[0] == comma:
            whole = definite_whole(d, si, 1, d.facts[part], part)  # "Of the dead,", "Of the displaced,"
            if whole < 0:
                # "950 men. Of the men,": the noun told with a figure before (by its own word only: "Of the dead"
                # after two sources' tolls stays unread)
                whole = _named_before(d, si, head, d.facts[part], by_concept=False)
        else:
            whole = _named_before(d, si, head, d.facts[part])
        if whole >= 0 and whole != part:
            yield Relation("part", (("part", part), ("whole", whole)), (d.span(si, 0, comma),), "document")


def _first_amount(d: _Doc, si: int, start: int) -> int:
    """The first countable figure within a few tokens from ``start`` (not a time), or -1."""
    toks = d.m.tokens[si]
    for k in range(start, min(len(toks), start + NOUN_OPENING_GAP)):
        if toks[k].text in CLAUSE_END:
            return -1
        fi = toks[k].fact
        if fi < 0 or d.facts[fi].kind in FRAME_KINDS:
            continue
        f = d.facts[fi]
        ok = f.kind in COUNTABLE and not f.is_range and f.value is not None
        return fi if ok and _whole_after(d, si, k) is None else -1
    return -1


def _named_before(d: _Doc, si: int, head: str, like: Fact, by_concept: bool = True) -> int:
    """The nearest figure before sentence ``si`` (a few sentences back) whose noun or subject ends in
    ``head`` ("an immediate payment of $100m" for "Of the payment"), or that counts what ``head`` names
    ("killed 2,000 people" for "Of the dead"), of ``like``'s family."""
    named = d.v.concepts.get(head, "") if by_concept else ""
    named = "" if named in d.v.generic else named
    for s2 in range(si - 1, max(-1, si - 1 - NOUN_OPENING_BACK), -1):
        for tok in reversed(d.m.tokens[s2]):
            fi = tok.fact
            if fi < 0:
                continue
            f = d.facts[fi]
            if f.kind not in COUNTABLE or f.is_range or f.value is None or not same_family(f, like):
                continue
            m = d.m.by_fact.get(fi)
            names = (m.noun if m else None, f.subject)
            if any(n and singular(n.split()[-1].lower()) == head for n in names):
                return fi
            if named and d.m.frame(fi).concept == named:
                return fi
    return -1


def _sibling_rest(d: _Doc, si: int, pos: int, like: Fact, whole: int) -> tuple[int, bool]:
    """A later figure written as the rest of the same whole ("the other 35", "another 18", "the rest,
    300,"): in the sentence, else at the start of the next one ("Of those, 80 were rescued. The other 55
    swam ashore."). Gives the figure (or -1) and whether it is in the part's sentence."""
    rest = _rest_in(d, si, pos + 1, min(d.m.clause_end(si, pos) + SIBLING_REACH, pos + 1 + SIBLING_REACH), like, whole)
    if rest >= 0 and _rest_of_larger(d, whole, rest):
        return -1, True
    if rest >= 0 or si + 1 >= len(d.m.tokens):
        return rest, True
    # In the next sentence only "the other", "the rest", "the remaining": "Another 55 were rescued from a
    # second ferry" may count another group.
    rest = _rest_in(d, si + 1, 0, NEXT_REST_REACH, like, whole, ("remainder",))
    if rest >= 0 and _rest_of_larger(d, whole, rest):
        return -1, False
    return rest, False


def _rest_of_larger(d: _Doc, whole: int, rest: int) -> bool:
    """ "Of the 2,384 pupils ... There were 642 eligible for free meals, and 339 of them passed. Among the
    remaining 1,742 ...", "Of the 12 bouts, seven ended early. Four of those were knockouts ..., with the
    remaining five going to the judges": the whole and the rest make up a larger count told before, so
    the rest is that count's, not the whole's."""
    w, r = d.facts[whole].value, d.facts[rest].value
    if w is None or r is None:
        return False
    together = w + r
    told = [
        (fi, f.value)
        for _, _, fi, f in d.figures(frozenset({d.facts[whole].kind, "count", "number"}))
        if fi not in (whole, rest) and f.value is not None
    ]
    if any(_near(v, together) for _, v in told):
        return True
    return _closes_list_before(told, whole, together)


def _near(value: Decimal, target: Decimal) -> bool:
    return abs(value - target) <= target * REST_SLACK


def _closes_list_before(told: list[tuple[int, Decimal]], whole: int, together: Decimal) -> bool:
    """ "1,326 items were left ... 1,012 kitchen knives ... along with 203 lock knives. Forty-seven were
    swords ... Of those, 29 were machetes. The other 64 items ...": the whole is one of a list of parts of a
    larger count told before it, and its rest closes that list, not the whole's (1,012 + 203 + 47 + 64)."""
    before = [v for fi, v in told if fi < whole]
    run = together
    for n in range(len(before) - 1, max(-1, len(before) - 1 - LISTED_BEFORE), -1):
        run += before[n]
        if any(_near(v, run) for v in before[:n]):
            return True
    return False


# How near a count told before must be to a whole and its rest together to be the larger whole they split.
REST_SLACK = Decimal("0.005")
# The figures told right before a whole that may be its sibling parts of a larger count.
LISTED_BEFORE = 4


def _gapped_sibling(d: _Doc, si: int, pos: int, like: Fact, verb: int = -1) -> int:
    """ "Of the £10m raised, £6m came from donors and £5m from the lottery": a second part told with its
    verb left out, the same preposition after it as after the first part's verb; parts told so are
    disjoint (two sources, two places, two uses)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    verb = max(verb, pos)
    end = min(len(words), verb + 1 + SIBLING_REACH)
    k = pos + 1
    # "... in Karnapur, where the Surma and Dhaleshwari burst their banks, and 27,300 in Shelbari": an "and"
    # within the first part's words joins no part; the one before the second figure does.
    while k < end and (words[k] != "and" or d.figure_after(si, k + 1) < 0):
        if words[k] in CLAUSE_END or toks[k].fact >= 0:
            return -1
        k += 1
    bi = d.figure_after(si, k + 1) if k < end else -1
    if bi < 0 or not same_family(d.facts[bi], like) or d.facts[bi].value is None:
        return -1
    _, bpos = d.pos_of(bi)
    prep = words[bpos + 1] if bpos + 1 < len(words) else ""
    if prep not in GAPPED_PREPOSITIONS or prep not in words[verb + 1 : min(k, verb + 1 + GAPPED_VERB)]:
        return -1
    return bi


def _rest_in(
    d: _Doc, si: int, lo: int, hi: int, like: Fact, whole: int, cues: tuple[str, ...] = ("remainder", "another")
) -> int:
    toks = d.m.tokens[si]
    words = d.m.words[si]
    for k in range(lo, min(len(toks), hi)):
        fi = toks[k].fact
        if fi < 0 or fi == whole:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS or f.kind in SHARES:
            continue
        cue = d.v.roles_before.ending_at(words, k)
        if cue is None and k >= 1 and words[k - 1] == ",":
            cue = d.v.roles_before.ending_at(words, k - 1)  # "and the rest, 300, are boys"
        if cue and cue[0] in cues and same_family(f, like) and f.value is not None:
            return fi
    return -1


# Dashes that open and close an aside ("£48m over three years – £19m, £16m and £13m – including").
ASIDE_DASHES = frozenset({"-", "–", "—"})


def _before_dash_aside(words: Sequence[str], j: int) -> int:
    """Token ``j`` (right before "including") closes an aside set off by dashes: the token before the
    dash that opens it, so "£48m over three years – £19m in 2025, £16m and £13m – including £22m" breaks
    down the £48m, not the aside's last item; else ``j``."""
    if j < 0 or words[j] not in ASIDE_DASHES:
        return j
    for m in range(j - 1, max(-1, j - 1 - INCLUDING_REACH), -1):
        if words[m] in CLAUSE_END:
            return j
        if words[m] == words[j]:
            return m - 1
    return j


def _including(d: _Doc, si: int, pos: int) -> tuple[int, Span, str] | None:
    """ "a budget of $23bn - more than last year - including almost $26bn for allies": the whole of a
    part after "including" is the nearest figure of its family before it in the sentence."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = d.hedge_start(si, pos)
    if k == 0 or words[k - 1] not in ("including", "includes", "included", "include"):
        return None
    part = d.facts[toks[pos].fact]
    start = _before_dash_aside(words, k - 2)
    for back in range(start, max(-1, start - INCLUDING_REACH), -1):
        fi = toks[back].fact
        if words[back] in CLAUSE_END or words[back] in QUOTE_MARKS:
            return None  # ('"far beyond her salary of £38,000 a year", including £88,000': the quote's own figure)
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS:
            continue  # a time (a bracket converting the whole, "took $182m (£143m)", is no token: ``Mentions``)
        if f.kind in COUNTABLE and same_family(f, part) and not f.is_range and f.value is not None:
            if _members_of_units(d, fi, toks[pos].fact):
                return None  # "1,027 households ..., including 1,486 children": people in the units, no part
            if _placed_count(d, si, back) and _object_before(d, si, back, part):
                continue  # "214 goals in 596 appearances for six clubs, including 87 for Rovers": the goals
            if placed_in_places(d, fi, toks[pos].fact):
                return None  # "96 hospitals in nine countries, including 14 in the UK": hospitals, no countries
            return fi, d.span(si, k - 1, k), "clause"
        return None
    return None


# Prepositions whose object counts the places, holders or occasions a figure before it is spread over.
_PLACED_BY = frozenset(
    {"in", "for", "at", "from", "across", "over", "among", "on", "between", "through", "via", "within"}
)


def _placed_count(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` follows one of ``_PLACED_BY`` ("for six clubs", "in 596 appearances")."""
    h = d.hedge_start(si, k)
    return h > 0 and d.m.words[si][h - 1] in _PLACED_BY


def _object_before(d: _Doc, si: int, k: int, part: Fact) -> bool:
    """A figure of the part's family before token ``k`` in its sentence that no preposition governs: the
    thing counted, which the counts after it are spread over."""
    for j in range(k - 1, -1, -1):
        if d.m.words[si][j] in CLAUSE_END:
            return False
        fi = d.m.tokens[si][j].fact
        if fi >= 0 and d.facts[fi].kind in COUNTABLE and same_family(d.facts[fi], part) and not _placed_count(d, si, j):
            return True
    return False


@functools.cache
def _price_rates() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["price_rates"]["words"])


@functools.cache
def _units_of_people() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["group_size"]["units_of_people"])


def _members_named(d: _Doc, si: int, pos: int, whole: int) -> bool:
    """ "318 families ..., among them 745 children", "of whom 745 were children": the part's own noun,
    told right after its figure or after "were", names people in the whole's units (``_members_of_units``);
    a noun after a preposition ("of which 190 were in hotels") tells where, not what."""
    words = d.m.words[si]
    pm = d.m.by_fact.get(d.m.tokens[si][pos].fact)
    if pm is None or not pm.noun:
        return False
    j = pos + 1
    if j < len(words) and words[j] in COPULAS:
        j += 1
    return j < len(words) and words[j] == pm.noun.split()[0] and _members_of_units(d, whole, pm.fact)


def _members_of_units(d: _Doc, whole: int, part: int) -> bool:
    """The whole counts units that hold several people ("households", "families"; vocab.toml
    ``[group_size] units_of_people``) and the part counts something else ("children", "pensioners")."""
    wm, pm = d.m.by_fact.get(whole), d.m.by_fact.get(part)
    if wm is None or pm is None or not wm.noun or not pm.noun:
        return False
    wn, pn = wm.noun.split()[0], pm.noun.split()[0]
    units = _units_of_people()
    if d.m.frame(part).concept in (d.m.frame(whole).concept, "one"):
        return False  # "380 homes, including 95 affordable ones": units of the same kind
    return wn in units and pn not in units and pn.isalpha()


def _whole_by_noun(d: _Doc, si: int, pos: int, part: int) -> Relation | None:
    """ "$17bn - or 45% of the total owed": the whole is the figure the document gives for that noun."""
    from numcheck.checks.ratio import _lookup_whole

    share = _attached_share(d, si, pos)
    if share is None:
        return None
    pi = share[0]
    words = d.m.words[si]
    _, ppos = d.pos_of(pi)
    j = ppos + 1
    if j >= len(words) or words[j] != "of":
        return None
    j += 1
    while j < len(words) and words[j] in ("the", "its", "their", "total", "all"):
        j += 1
    noun: list[str] = []
    while j < len(words) and len(noun) < 2 and d.m.tokens[si][j].fact < 0 and words[j][0].isalpha():
        if words[j] in _NOT_PART_NOUNS:
            break
        noun.append(words[j])
        j += 1
    if not noun:
        return None
    own = _named_with_figure(d, si, j)
    if own >= 0:
        if not same_family(d.facts[own], d.facts[part]):
            return None
        # "£16,176, or about 33% of the average gross household income of £48,900": the whole told right there
        return Relation("share", (("part", part), ("whole", own), ("share", pi)), (share[1],), "clause")
    if d.facts[part].kind == "money":
        wi = _money_named(d, noun[0], part, pi)
    else:
        wi = _lookup_whole(d.view, " ".join(noun), part, pi, si)
    if wi is None or not same_family(d.facts[wi], d.facts[part]):
        return None
    return Relation("share", (("part", part), ("whole", wi), ("share", pi)), (share[1],), "document")


# Plain words a share's whole noun may run on before "of" and the figure it is told with ("the average
# gross household income of £48,900": "household income" past the two words read for the noun).
NAMED_FIGURE_REACH = 4


def _named_with_figure(d: _Doc, si: int, j: int) -> int:
    """The figure told with the noun that ends at token ``j`` after "of" ("... household income of £48,900"),
    a few plain words on; else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(j, min(len(words) - 1, j + NAMED_FIGURE_REACH)):
        if toks[k].fact >= 0 or not words[k][:1].isalpha():
            return -1
        if words[k] == "of":
            return toks[k + 1].fact
    return -1


def _carried_share(d: _Doc, si: int, pos: int, part: int) -> Relation | None:
    """ "Of the 520 cases, 300 are adults. Children under ten account for 130, or about one in three": a
    part told with its share, its whole the figure of the opener of the sentence before
    (``referents.carried_whole``); not when the share names a whole of its own ("or 8% of the region")."""
    share = _attached_share(d, si, pos)
    if share is None:
        return None
    words = d.m.words[si]
    _, spos = d.pos_of(share[0])
    if spos + 1 < len(words) and words[spos + 1] == "of":
        return None
    carried = carried_whole(d, si, pos, d.facts[part])
    if carried is None:
        return None
    roles = (("part", part), ("whole", carried[0]), ("share", share[0]))
    return Relation("share", roles, (carried[1], share[1]), "document")


def _money_named(d: _Doc, noun: str, part: int, share: int) -> int | None:
    """The amount the document gives for ``noun`` ("its $102.6bn (£53.51bn) debt", "a debt of $80bn"),
    in the part's currency; None when it gives none, or two that disagree ("an original debt of $81.8bn"
    is another amount: a modifier other than a whole word names another quantity)."""
    index: dict[str, list[int]] = d.view.memo("amounts-by-concept", lambda _: _amounts_by_concept(d))
    like = d.facts[part]
    found = [
        fi for fi in index.get(d.v.concept(noun), ()) if fi not in (part, share) and same_family(d.facts[fi], like)
    ]
    if not found or len(found) > NAMED_MAX:
        return None
    first = d.facts[found[0]]
    if any(not d.facts[o].interval.overlaps(first.interval) for o in found[1:]):
        return None
    return found[0]


def _amounts_by_concept(d: _Doc) -> dict[str, list[int]]:
    """Every amount of the document under the concepts it is named by (one pass)."""
    out: dict[str, list[int]] = {}
    for si, pos, fi, _ in d.figures(frozenset({"money"})):
        for concept in _amount_concepts(d, si, pos):
            out.setdefault(concept, []).append(fi)
    return out


def _amount_concepts(d: _Doc, si: int, pos: int) -> set[str]:
    """What the amount at ``pos`` is an amount of: the noun right after it (past a bracketed conversion),
    or "<noun> of" right before it with only whole words before that noun."""
    words = d.m.words[si]
    out: set[str] = set()
    j = pos + 1
    if j < len(words) and words[j] == "(":
        k = words.index(")", j) if ")" in words[j : j + 8] else -1
        j = k + 1 if k > 0 else j
    if j < len(words) and d.fact_at(si, j) < 0 and words[j][:1].isalpha():
        out.add(d.v.concept(words[j]))
    if pos >= 2 and words[pos - 1] == "of" and words[pos - 2][:1].isalpha():
        k = pos - 3
        if k < 0 or not words[k][:1].isalpha() or words[k] in d.v.whole_words:
            out.add(d.v.concept(words[pos - 2]))
    return out


def _share_before(d: _Doc, si: int, pos: int) -> tuple[int, Span] | None:
    """ "one fifth or three million of its 15 million": the share written before its count."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = d.hedge_start(si, pos) - 1
    if k >= 1 and words[k] == "or":
        fi = toks[k - 1].fact
        if fi >= 0 and d.facts[fi].kind in SHARES:
            return fi, d.span(si, k, k + 1)
    # "Turnout was 64%, with 3.2 million of the 4.1 million voters": a share, then its part and whole.
    if k >= 2 and words[k] == "with" and words[k - 1] == ",":
        fi = toks[k - 2].fact
        if fi >= 0 and d.facts[fi].kind in SHARES:
            h = d.hedge_start(si, k - 2)
            if h > 0 and (words[h - 1] == "by" or d.v.direction.ending_at(words, h)):
                return None  # "Sales rose 5%, with 300 of the 1,000 stores ...": a change, not a share
            if _price_rates() & set(words[d.m.clause_start(si, k - 2) : h]):
                return None  # "kept interest rates at 4.5%, with six of the nine members": a rate, no share
            return fi, d.span(si, k - 1, k + 1)
    return None


def _count_before_share(d: _Doc, si: int, pos: int, whole: int) -> tuple[int, Span] | None:
    """ "just 31 pupils sat the test on Monday, under a third of the 140 pupils": a share set
    off by a comma after its count, whose whole follows it."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = d.hedge_start(si, pos)
    if k >= 2 and words[k - 1] == "or" and words[k - 2] in (",", "-", "—", "–"):
        k -= 1  # "$41bn - or 30% of the ..."
    if k == 0 or words[k - 1] not in (",", "-", "—", "–"):
        return None
    for back in range(k - 2, max(-1, k - 2 - SHARE_BEFORE_REACH), -1):
        if words[back] in CLAUSE_END:
            return None
        fi = toks[back].fact
        if fi < 0 or fi == whole:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS:
            continue
        if f.kind in COUNTABLE and not f.is_range and f.value is not None:
            return fi, d.span(si, k - 1, k)
        return None
    return None


def _share_whole(d: _Doc, si: int, pos: int) -> tuple[int, Span] | None:
    """ "48% of the 120 staff" → the 120."""
    words = d.m.words[si]
    hit = d.v.whole_of.starting_at(words, pos + 1)
    if not hit or words[pos + 1] != "of":
        return None
    after = hit[1]
    while after < len(words) and words[after].endswith("'s") and d.fact_at(si, after) < 0:
        after += 1  # "12% of the company's 15,000 staff": the holder, then the whole
    wi = d.figure_after(si, after, COUNTABLE)
    if wi < 0:
        wi = _figure_after_noun_of(d, si, after)  # "12% of the workforce of 15,000"
    return (wi, d.span(si, pos + 1, after)) if wi >= 0 else None


def _count_after_share(d: _Doc, si: int, pos: int, whole_pos: int) -> tuple[int, Span] | None:
    """ "20% of the 300 houses, or 90": the count given after the share's whole."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    j = whole_pos + 1
    while j < len(words) and j - whole_pos <= 6:
        if words[j] == "(" and j + 2 < len(words) and words[j + 2] == ")" and toks[j + 1].fact >= 0:
            fi = toks[j + 1].fact  # "half of them (400,000)"
            return (fi, d.span(si, j, j + 3)) if d.facts[fi].kind in COUNTABLE else None
        if toks[j].fact >= 0 or words[j] in CLAUSE_END:
            return None
        if words[j] in DASHES and j + 1 < len(words):
            # "three quarters - about 600 - were in the old town": the count set between dashes.
            k = d.skip_hedge(si, j + 1)
            fi = d.fact_at(si, k)
            closed = k + 1 < len(words) and words[k + 1] in DASHES or k + 2 < len(words) and words[k + 2] in DASHES
            if fi >= 0 and d.facts[fi].kind in COUNTABLE and closed:
                return fi, d.span(si, j, k)
            return None
        if words[j] == "," and j + 1 < len(words) and words[j + 1] == "or":
            fi = d.figure_after(si, j + 2, COUNTABLE)
            return (fi, d.span(si, j, j + 2)) if fi >= 0 else None
        if words[j] == "," and j + 1 < len(words):
            # "35% of the 400 patients, some 100 people,", "Half of the 80 firms, 50 in all,": the count set
            # beside the share, hedged or said to be the whole of it; "..., a total of 45 people".
            start = j + 4 if words[j + 1 : j + 4] == ("a", "total", "of") else j + 1
            k = d.skip_hedge(si, start)
            fi = d.fact_at(si, k)
            if fi < 0 or d.facts[fi].kind not in COUNTABLE:
                return None
            total = d.v.roles_after.starting_at(words, k + 1)
            if k > j + 1 or (total and total[0] == "total"):
                return fi, d.span(si, j, k)
            # "Nearly half of the 1,200 members, 720, voted", "Half of the 40 staff, 25 people, work": set off
            # by commas, with at most the count's own noun after it.
            end = k + 2 if k + 1 < len(words) and words[k + 1] in d.v.generic else k + 1
            if end < len(words) and words[end] == "," and d.fact_at(si, end + 1) < 0:
                return fi, d.span(si, j, k)
            return None
        j += 1
    return None


def _shares_and_parts(d: _Doc) -> Iterator[Relation]:
    for si, pos, fi, f in d.figures():
        if f.kind in COUNTABLE:
            after = _whole_after(d, si, pos)
            before = _whole_before(d, si, pos)
            if after and before and after[0] != before[0] and same_family(d.facts[after[0]], d.facts[before[0]]):
                # "Of the 17 found guilty, only four of the 21 whose ...": the 21 are among the 17.
                yield Relation("part", (("part", after[0]), ("whole", before[0])), (before[1], after[1]), "clause")
            whole = after or before or _including(d, si, pos)
            if whole is None:
                found = _whole_by_noun(d, si, pos, fi) or _held_whole(d, si, pos, fi) or _carried_share(d, si, pos, fi)
                if found is not None:
                    yield found
                continue
            if whole[0] == fi or not same_family(d.facts[whole[0]], f):
                continue
            wi, cue, evidence = whole
            yield Relation("part", (("part", fi), ("whole", wi)), (cue,), evidence)
            rest, near = _sibling_rest(d, si, pos, f, wi)
            if rest < 0 and (whole is before or (whole is after and evidence != "clause")):
                # "48,000 of the displaced are in A and 21,000 in B": the verb is read after the whole.
                verb = (
                    next((k for k, t in enumerate(d.m.tokens[si]) if t.end >= cue.end), pos) if whole is after else pos
                )
                rest = _gapped_sibling(d, si, pos, f, verb)
                near = True
            if rest >= 0:
                # "Six of them hit the posts and the other 35 fell nearby": both from one whole.
                roles = (("total", wi), ("item", fi), ("item", rest))
                told = evidence if near else "document"
                yield Relation("breakdown", roles, (cue,), told, (("inclusive", "yes"),))
            share = _attached_share(d, si, pos) or _share_after_whole(d, si, pos, wi) or _share_before(d, si, pos)
            if share:
                yield Relation("share", (("part", fi), ("whole", wi), ("share", share[0])), (cue, share[1]), evidence)
        elif f.kind == "share" and RATIO_TEXT.search(f.text):
            # "70 out of 120 staff, i.e. 48%": one figure that is part and whole at once.
            share = _attached_share(d, si, pos) or _share_after_whole(d, si, pos, fi)
            if share and d.facts[share[0]].kind == "percent":
                yield Relation("share", (("ratio", fi), ("share", share[0])), (share[1],), "clause")
        elif f.kind in SHARES:
            whole_of = _whole_of_share(d, si, pos)
            if whole_of is None:
                continue
            wi, cue, evidence, wpos = whole_of
            c = _count_after_share(d, si, pos, wpos)
            if c is None and not _share_of_them(d, fi):
                # "210 of the 450 delegates, a third of whom were new": the 210 is no part of that third
                c = _count_before_share(d, si, pos, wi)
            if c and c[0] != wi and same_family(d.facts[c[0]], d.facts[wi]):
                yield Relation("share", (("part", c[0]), ("whole", wi), ("share", fi)), (cue, c[1]), evidence)


@functools.cache
def _alone_words() -> PhraseTable:
    return PhraseTable.build((p, "alone") for p in _toml("vocab.toml")["sums"]["alone"])


def _alone_parts(d: _Doc) -> Iterator[Relation]:
    """ "The quarter brought 2.71 million passengers, with August alone accounting for 1.02 million": a figure
    after "alone" and a verb of making up a whole (``[sums] alone``, ``part_verbs``) is a part of the last
    figure of its family told before it in its sentence, else in the sentence before. A ``part`` relation."""
    alone = _alone_words()
    for si, pos, fi, f in d.figures(COUNTABLE):
        words = d.m.words[si]
        verb = _part_verbs().ending_at(words, d.hedge_start(si, pos))
        said = alone.ending_at(words, verb[1]) if verb is not None else None
        if said is None:
            continue
        cue = d.span(si, said[1], d.hedge_start(si, pos))
        whole = -1
        for _, _, wi in d.m.figures_before(si, pos, 1, None):
            w = d.facts[wi]
            if w.kind in FRAME_KINDS:
                continue
            if same_family(w, f) and not w.is_range and w.value is not None:
                whole = wi
            break
        if whole >= 0:
            told = "sentence" if d.pos_of(whole)[0] == si else "document"
            yield Relation("part", (("part", fi), ("whole", whole)), (cue,), told)


def placed_referent(d: _Doc, si: int, k: int, part: int) -> int:
    """ "78% of those arriving in Chad, or about 63,900": a pronoun with a place or holder after it points
    at the one figure of the part's family told of that holder in its sentence or the one before
    ("Chad has taken in ... 81,900, followed by Cameroon with 47,200"), else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    j = k + 1
    while j < len(words) and j - k <= PLACE_GAP and words[j].isalpha() and words[j] not in _PLACE_PREPOSITIONS:
        j += 1
    if j + 1 >= len(words) or words[j] not in _PLACE_PREPOSITIONS or not _capital(d, toks[j + 1]):
        return -1
    name = words[j + 1].removesuffix("'s")
    p = d.facts[part]

    def fits(f: Fact) -> bool:
        # A share's whole is any count; an amount's is one of its family.
        return f.kind in COUNTABLE and not f.is_range if p.kind in SHARES else same_family(f, p)

    found = [
        fi
        for s2, k2, fi in d.m.figures_before(si, k, 1, None)
        if fits(d.facts[fi]) and name in holder_of(d, s2, k2).lower().split()
    ]
    return found[0] if len(found) == 1 else -1


# Words between a pronoun and the preposition naming its holder ("those arriving in Chad").
PLACE_GAP = 3
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from"})


def _whole_of_share(d: _Doc, si: int, pos: int) -> tuple[int, Span, str, int] | None:
    """The whole of the share word at ``pos``, its cue, evidence and the token after which its count may
    follow: "half of the 800 workers", "half of them" (the count told before), "Of the 1.2 million
    visitors, a third"."""
    sw = _share_whole(d, si, pos)
    if sw is not None:
        _, wpos = d.pos_of(sw[0])
        return sw[0], sw[1], "clause", wpos
    words = d.m.words[si]
    if pos + 2 < len(words) and words[pos + 1] == "of" and words[pos + 2] in d.v.anaphora:
        # "78% of those arriving in Chad": the figure told of that holder; else "half of them": the amount
        # told last.
        wi = placed_referent(d, si, pos + 2, d.fact_at(si, pos))
        if wi < 0:
            wi = referent(d, si, pos)
        if wi >= 0 and narrowed_apart(d, si, pos + 2, wi):
            wi = narrowed_referent(d, si, pos + 2, wi)  # "87% of those who voted": not the 4,300 balloted
        if wi < 0 or (d.facts[wi].value or 0) <= 1:
            return None
        return wi, d.span(si, pos + 1, pos + 3), "sentence" if d.pos_of(wi)[0] == si else "document", pos + 2
    if pos + 2 < len(words) and words[pos + 1] == "of" and (hit := definite_at(d, si, pos + 2)) is not None:
        # "Half of the displaced, 2,100, are in camps": the count told before of the set it names.
        wi = definite_whole(d, si, pos + 2, None, sets_only=True)
        if wi < 0:
            return None
        return wi, d.span(si, pos + 1, hit[0]), _told(d, si, wi), hit[0] - 1
    wb = _whole_before(d, si, pos)
    if wb is None or d.facts[wb[0]].kind not in COUNTABLE:
        return None
    return wb[0], wb[1], wb[2], pos


def _predicate_parts(d: _Doc) -> Iterator[Relation]:
    """ "One in four of the 81,240 calls it took concerned lost cards. ... The 30,115 lost card calls": a
    share of a whole whose part the sentence names only by what it says of it (after "concerned", "had",
    "involved"), and whose count the document gives before that noun elsewhere."""
    index: dict[str, list[int]] | None = None
    for si, pos, fi, _ in d.figures(SHARES):
        sw = _share_whole(d, si, pos)
        if sw is None:
            continue
        wi = sw[0]
        named = _predicate(d, si, d.pos_of(wi)[1])
        if not named:
            continue
        if index is None:
            index = _counts_by_first_noun(d)
        whole = d.facts[wi]
        for pi in index.get(named[0], ())[:PREDICATE_CANDIDATES]:
            if pi == wi or d.facts[pi].sentence == si or not same_family(d.facts[pi], whole):
                continue
            ps, ppos = d.pos_of(pi)
            if d.m.words[ps][ppos + 1 : ppos + 1 + len(named)] != named:
                continue
            if _other_frame(d, pi, wi):
                continue
            yield Relation("share", (("part", pi), ("whole", wi), ("share", fi)), (sw[1],), "document")
            break


def _predicate(d: _Doc, si: int, wpos: int) -> tuple[str, ...]:
    """What the sentence says of the share of a whole at ``wpos``: the words after a predicate verb
    ("concerned ID fraud", "had diabetes") up to the clause end, at most PREDICATE_WORDS of them."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    end = min(d.m.clause_end(si, wpos), wpos + PREDICATE_REACH)
    for k in range(wpos + 1, end):
        if toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in FRAME_KINDS:
            return ()  # "... patients seen last year had diabetes": a time figure may stand between
        hit = d.v.predicates.starting_at(words, k)
        if hit is None:
            continue
        out: list[str] = []
        j = hit[1]
        while j < len(words) and toks[j].fact < 0 and words[j][0].isalpha() and words[j] not in GAP_STOP:
            out.append(words[j])
            j += 1
        if out and len(out) <= PREDICATE_WORDS and (j == len(words) or words[j] in CLAUSE_END | {","}):
            return tuple(out)
    return ()


def _counts_by_first_noun(d: _Doc) -> dict[str, list[int]]:
    """Counts by the first word after them ("246,570 id fraud cases" under "id")."""
    out: dict[str, list[int]] = {}
    for si, pos, fi, f in d.figures(COUNTABLE):
        words = d.m.words[si]
        if f.kind == "money" or pos + 1 >= len(words) or not words[pos + 1][0].isalpha():
            continue
        out.setdefault(words[pos + 1], []).append(fi)
    return out


def _other_frame(d: _Doc, a: int, b: int) -> bool:
    """The two figures are told of different years, or one of them is another, a forecast or a rest."""
    am, bm = d.m.by_fact.get(a), d.m.by_fact.get(b)
    if am is None or bm is None:
        return True
    if am.roles & {"another", "forecast", "remainder", "each"}:
        return True
    years = [m.frame if m.frame and m.frame[:1].isdigit() else "" for m in (am, bm)]
    return years[0] != years[1]  # "In 2019 the council had 20 noise complaints": another year, or one given


def _within_concepts(d: _Doc) -> Iterator[Relation]:
    """ "Harrow Mutual had net income of $1.7bn ..., and revenues of $9.3bn": what one concept names is a
    part of what another names (vocab.toml [within]: a profit is part of the revenue it is made on, the
    deaths of an outbreak are among its cases), when one sentence gives both, of one subject and one time.
    Counts are read in the order an outbreak's figures are told, the whole first ("140 cases, with 160
    deaths"; "infected 75 people and killed 90"), or joined by "among"; a fresh count ("150 new cases")
    is a flow of its own day, not the outbreak's whole."""
    within = d.v.within
    for si, toks in enumerate(d.m.tokens):
        named: list[tuple[int, int, str]] = []  # (position, fact, concept)
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind not in _WITHIN_KINDS or d.facts[fi].is_range or d.facts[fi].value is None:
                continue
            mm = d.m.by_fact.get(fi)
            if mm is None:
                continue
            concept = mm.concept if d.facts[fi].kind == "money" else d.m.frame(fi).concept
            if concept and (concept in within or concept in within.values()):
                named.append((pos, fi, concept))
        for n, (ppos, pi, pc) in enumerate(named):
            wc = within.get(pc)
            if wc is None:
                continue
            near = named[max(0, n - WITHIN_NEAR) : n + WITHIN_NEAR + 1]  # a bounded window: stays linear
            wholes = [(abs(wpos - ppos), wpos, wi) for wpos, wi, c in near if c == wc]
            if not wholes:
                continue
            _, wpos, wi = min(wholes)
            if (
                not same_family(d.facts[pi], d.facts[wi])
                or _other_frame(d, pi, wi)
                or _named_between(d, si, ppos, wpos)
                or (d.facts[pi].kind != "money" and not _counted_within(d, si, ppos, wpos))
            ):
                continue
            yield Relation("part", (("part", pi), ("whole", wi)), (), "sentence")


def _counted_within(d: _Doc, si: int, ppos: int, wpos: int) -> bool:
    """A count and the count it is part of are told whole first, or the part "among" the whole, and
    neither is a fresh flow ("new", "more")."""
    words = d.m.words[si]
    for pos in (ppos, wpos):
        lo = d.hedge_start(si, pos)
        if any(w in d.v.fresh_words for w in words[max(0, lo - 1) : pos + 3]):
            return False
    if wpos < ppos:
        return True
    return "among" in words[ppos + 1 : wpos]


def _named_between(d: _Doc, si: int, a: int, b: int) -> bool:
    """A name or a possessive between two figures ("..., while its rival's sales were"): two subjects."""
    toks = d.m.tokens[si]
    text = d.view.text
    lo, hi = min(a, b), max(a, b)
    for k in range(lo + 1, hi):
        tok = toks[k]
        if tok.fact >= 0:
            continue
        if tok.text.endswith("'s") or text[tok.start : tok.start + 1].isupper() or tok.text in ("while", "whereas"):
            return True
    return False


def _held_whole(d: _Doc, si: int, pos: int, part: int) -> Relation | None:
    """ "The council has 4,300 employees. Unions say 5,400 of the council's staff will strike.": a part
    "of the <noun>" with no figure is a part of the count the text gives for what its subject has (after
    "has", "employs", "its", "a total of"), of the same concept, a few sentences back."""
    words = d.m.words[si]
    hit = d.v.whole_of.starting_at(words, pos + 1)
    if hit is None or words[pos + 1] not in ("of", "out"):
        return None
    j = hit[1]
    if words[j - 1] == "the" and (named := definite_at(d, si, j - 1)) is not None:
        if (named[2] or singular(named[1])) in referent_words().definite_sets:
            return None  # "14 of the cases": an event's set, read (or left unread) by ``definite_whole``
    holders: list[str] = []
    personal = words[j - 1] in ("his", "her")  # "of his runs": the whole_of phrase took the possessive
    while j < len(words) and (words[j].endswith("'s") or words[j] in ("the", "its", "their", "his", "her")):
        if words[j].endswith("'s"):
            holders.append(words[j].removesuffix("'s"))  # "of the council's staff"
        personal = personal or words[j] in ("his", "her")
        j += 1
    if j >= len(words) or d.fact_at(si, j) >= 0 or not words[j][0].isalpha():
        return None
    concept = d.v.concept(words[j])
    if not concept or concept in d.v.generic:
        return None
    like = d.facts[part]
    for s2, k in d.m.previous_figures(si, pos, back=HELD_BACK):
        wi = d.fact_at(s2, k)
        w = d.facts[wi]
        wm = d.m.by_fact.get(wi)
        if wm is None or wm.concept != concept or not same_family(w, like) or w.is_range or w.value is None:
            continue
        if wm.roles & {"part", "another", "forecast", "remainder", "each"}:
            continue
        held = d.m.words[s2][max(0, k - 2) : k]
        if holders and not set(holders) <= set(d.m.words[s2][:k]):
            return None  # "2,600 of the region's nurses" are not the trust's
        if personal and not same_holder(d.m.frame(wi).holder, d.m.frame(part).holder):
            return None  # "Brady scored 62 of his runs": his own, not the side's "nine runs on the board"
        if "total" in wm.roles or any(x in d.v.holding_verbs for x in held):
            return Relation("part", (("part", part), ("whole", wi)), (d.span(si, pos + 1, j + 1),), "document")
        return None  # the nearest count of that noun is not what the subject holds
    wi = _held_after(d, si, concept, like, holders)
    if wi >= 0:
        # "340 of its nurses had left. It employs 1,500 nurses.": the count told right after.
        return Relation("part", (("part", part), ("whole", wi)), (d.span(si, pos + 1, j + 1),), "document")
    return None


def _held_after(d: _Doc, si: int, concept: str, like: Fact, holders: Sequence[str]) -> int:
    """The count of ``concept`` that the next sentence says its subject holds ("It employs 1,500 nurses"),
    as its first figure, naming the holder of "of the council's staff" and no one the part's sentence
    does not name ("Rival Hanley has 850 drivers"); or -1."""
    if si + 1 >= len(d.m.tokens):
        return -1
    from numcheck.relations.stated import _names

    words = d.m.words[si + 1]
    span = d.view.doc.sentences[si].span
    told = d.view.text[span.start : span.end]
    for k, tok in enumerate(d.m.tokens[si + 1][:HELD_AFTER_REACH]):
        wi = tok.fact
        if wi < 0:
            continue
        w = d.facts[wi]
        wm = d.m.by_fact.get(wi)
        if w.kind in FRAME_KINDS:
            continue
        named = wm is not None and wm.noun and d.v.concept(wm.noun.split()[0]) == concept
        ok = wm is not None and (wm.concept == concept or named) and same_family(w, like) and not w.is_range
        held = words[max(0, k - 2) : k]
        if not ok or wm is None or wm.roles & {"part", "another", "forecast", "remainder", "each"}:
            return -1
        if not any(x in d.v.holding_verbs for x in held) or not set(holders) <= set(words[:k]):
            return -1
        return -1 if any(n not in told for n in _names(d, wi)) else wi
    return -1


def _demonstrative_shares(d: _Doc) -> Iterator[Relation]:
    """ "900 backed the ban. That is 45% of those asked", "That figure represents a third of the 4,000
    staff", "This means 45% of the adults": the demonstrative is the part, the share is told after a link
    verb, and the whole is its figure after "of" or the figure told before for the set it names (the poll's
    sample for "those asked", the count of "the adults")."""
    w = referent_words()
    for si, pos, fi, _ in d.figures(SHARES):
        ws = d.m.words[si]
        if pos + 1 >= len(ws) or ws[pos + 1] != "of":
            continue
        h = d.hedge_start(si, pos)
        link = w.share_links.ending_at(ws, h)
        if link is not None:
            start = clause_subject(d, si, link[1])
            if start < 0 and link[1] >= 2 and ws[link[1] - 1] in w.relatives and ws[link[1] - 2] == ",":
                start = link[1] - 1  # ", which is 45% of ...": the figure told before it in its sentence
        elif h > 0 and ws[h - 1] in w.contracted and opens_clause(d, si, h - 1):
            start = h - 1  # "That's 45% of ..."
        else:
            continue
        if start < 0:
            continue
        ref = referent(d, si, start)
        if ref < 0 or (ws[start] in w.relatives and d.pos_of(ref)[0] != si):
            continue
        explicit = _share_whole(d, si, pos)
        if explicit is not None:
            whole, cue = explicit
        else:
            whole = named_whole(d, si, pos + 1, ref)
            cue = d.span(si, pos + 1, pos + 2)
            if whole < 0 and plain_whole(d, si, pos + 1):
                # "accounted for 2,950 of those purchases. That is a third of all sales": the whole the part
                # was told of, named plainly.
                whole = own_whole(d, ref)
        if whole < 0 or whole == ref or not same_family(d.facts[whole], d.facts[ref]):
            continue
        if not concepts_agree(d, ref, whole) and own_whole(d, ref) != whole:
            continue  # "1,150 of them were children. That is ... of all patients": told as its part
        yield Relation(
            "share", (("part", ref), ("whole", whole), ("share", fi)), (d.span(si, start, h), cue), "document"
        )


@functools.cache
def _told_share_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The marks that set a share off after its part's clause, the words after a share that make it no
    share of the part, and the words between that start another part (``[told_shares]``)."""
    data = _toml("vocab.toml")["told_shares"]
    return frozenset(data["set_off"]), frozenset(data["not_after"]), frozenset(data["stop"])


# Words of the told-share stop list that join clauses rather than name another part.
CONJUNCTIONS = frozenset({"and", "but", "while", "whereas"})
# Tokens after a part that the share set off at the end of its clause may stand ("Of those, 164 said they
# would use buses more if the charge came in, two in five,").
TOLD_SHARE_REACH = 22


def _shares_told_after(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A share of a part whose whole a part relation gives, told apart from the part: set off by a comma
    or a dash after the rest of the part's clause ("Of those, 164 said they would use buses more if the
    charge came in, two in five, compared with ..."), or opening the next sentence of its paragraph after a
    pointing subject and a link ("Of those, 3,550 waited more than 12 hours. That means one in four patients
    waited half a day"). No other amount stands between the part and the share; a share followed by a word
    of change or comparison ("a third more than"), by "of" and a whole of its own, or already tied to a
    whole, is not read. A ``share`` relation."""
    tied = {i for rel in built.get("share", {}).values() for r, i in rel.roles if r == "share"}
    set_off, not_after, stop = _told_share_words()
    links = referent_words().share_links
    demonstratives = referent_words().demonstratives
    seen: dict[int, int] = {}
    for rel in built.get("part", {}).values():
        p, w = rel.get("part"), rel.get("whole")
        if p is None or w is None or p in seen:
            continue
        seen[p] = w
        si, pos = d.pos_of(p)
        found = _share_in_clause(d, si, pos, set_off, not_after, stop)
        if found is None:
            found = _share_next(d, si, pos, links, demonstratives, not_after, w)
        if found is None or found[0] in tied:
            continue
        xi, cue = found
        tied.add(xi)
        evidence = "sentence" if d.pos_of(xi)[0] == si == d.pos_of(w)[0] else "document"
        yield Relation("share", (("part", p), ("whole", w), ("share", xi)), (*rel.cues, cue), evidence)
    for rel in built.get("breakdown", {}).values():
        # "The remaining 30,000, about three-quarters, went to visitors": an item's share set beside it.
        total = rel.get("total")
        if total is None:
            continue
        for role, item in rel.roles:
            if role != "item" or item in seen:
                continue
            beside = _share_beside_item(d, item, set_off, not_after)
            if beside is not None and beside[0] not in tied:
                tied.add(beside[0])
                yield Relation(
                    "share", (("part", item), ("whole", total), ("share", beside[0])), (beside[1],), "document"
                )
    for si, pos, xi, _ in d.figures(SHARES):
        # "Some 800 tenants said repairs were slow, two in five of those asked": the share names its whole.
        if xi in tied:
            continue
        found_named = _named_share_after(d, si, pos, set_off, stop, seen)
        if found_named is not None:
            p, w, cue = found_named
            yield Relation("share", (("part", p), ("whole", w), ("share", xi)), (cue,), "document")


def _named_share_after(
    d: _Doc, si: int, pos: int, set_off: frozenset[str], stop: frozenset[str], wholes: Mapping[int, int]
) -> tuple[int, int, Span] | None:
    """A share set off after a count's clause whose "of" names a whole told before ("of those asked", "of the
    tenants surveyed", "of all adults"): the count is the nearest before it in its sentence, of the whole's
    concept (or told as its part before, "Some 800 of them said ..."), with no other amount or word of
    another part between them."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if pos + 1 >= len(words) or words[pos + 1] != "of":
        return None
    h = d.hedge_start(si, pos)
    if h < 2 or words[h - 1] not in set_off:
        return None
    for k in range(h - 2, max(-1, h - 2 - TOLD_SHARE_REACH), -1):
        if words[k] in (";", ":") or (words[k] in CLAUSE_END and words[k] != ",") or words[k] in stop:
            return None
        pi = toks[k].fact
        if pi < 0 or d.facts[pi].kind in FRAME_KINDS:
            continue
        if d.facts[pi].kind not in ("count", "number") or k == h - 2:
            return None  # another amount or share, or a count right before the mark (the share readers')
        wi = named_whole(d, si, pos + 1, pi)
        if wi < 0 or wi == pi or not same_family(d.facts[wi], d.facts[pi]):
            return None
        if not concepts_agree(d, pi, wi) and wholes.get(pi) != wi:
            return None  # "800 tenants said 40 homes were damp": not the set the whole counts
        return pi, wi, d.span(si, h - 1, pos + 2)
    return None


def _not_share_after(d: _Doc, si: int, pos: int, not_after: frozenset[str]) -> bool:
    """The words right after the share at token ``pos`` make it a change, a comparison or a share of a
    whole of its own ("a third more", "half of the 40 drivers", "half of them": of the part itself, or read by
    the share readers)."""
    words = d.m.words[si]
    return (words[pos + 1] if pos + 1 < len(words) else ".") in not_after


def _share_in_clause(
    d: _Doc, si: int, pos: int, set_off: frozenset[str], not_after: frozenset[str], stop: frozenset[str]
) -> tuple[int, Span] | None:
    """The share set off at the end of the part's clause, after it in its sentence, with no other amount
    between them."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos + 1, min(len(toks), pos + 1 + TOLD_SHARE_REACH)):
        if words[k] in (";", ":") or (words[k] in CLAUSE_END and words[k] != ",") or words[k] in stop:
            return None
        fi = toks[k].fact
        if fi < 0 or d.facts[fi].kind in FRAME_KINDS:
            continue
        if d.facts[fi].kind not in SHARES:
            return None  # another amount: the share may be its
        h = d.hedge_start(si, k)
        if h < 1 or words[h - 1] not in set_off or k == pos + 1 or h - 1 == pos + 1:
            return None  # "164 (40%)" and "164, or 40%" are read by the share readers; no mark, no share told apart
        if _not_share_after(d, si, k, not_after):
            return None
        after = words[k + 1] if k + 1 < len(words) else "."
        if after not in CLAUSE_END and after not in set_off:
            return None  # "two in five voters": a group of its own
        return fi, d.span(si, h - 1, k + 1)
    return None


def _share_next(
    d: _Doc,
    si: int,
    pos: int,
    links: PhraseTable,
    demonstratives: frozenset[str],
    not_after: frozenset[str],
    whole: int,
) -> tuple[int, Span] | None:
    """The share right after "That means", "This is" opening the next sentence (in its paragraph or opening
    the next), when the part is the last amount of its sentence; "of" after it must name the part's
    ``whole`` ("That is 41% of children" after "Of the area's 52,300 children, 21,440 ...")."""
    toks = d.m.tokens[si]
    for k in range(pos + 1, len(toks)):
        fi = toks[k].fact
        if fi == whole:
            continue  # "available to 212,000 of its 318,000 homes. That means two in three": the part's own whole
        if fi >= 0 and d.facts[fi].kind not in FRAME_KINDS:
            return None  # the part is not the last amount told: the pointing subject may be another's
    nxt = si + 1
    sents = d.view.doc.sentences
    if nxt >= len(d.m.words) or sents[nxt].item or sents[si].item:
        return None  # (a pointing subject opening the next paragraph still points back: "That means ...")
    words = d.m.words[nxt]
    start = 0  # a discourse opener ("Indeed,") is no token (``mentions.opening_end``)
    if start + 1 >= len(words) or words[start] not in demonstratives:
        return None
    link = links.starting_at(words, start + 1)
    if link is None:
        return None
    k = link[1]
    while k < len(words) and d.fact_at(nxt, k) < 0 and words[k] in ("that", "just", "only", "roughly", "about"):
        k += 1
    xi = d.fact_at(nxt, k)
    if xi < 0:
        # past a hedge: "That means almost one in four"
        j = k
        while j < len(words) and j - k < 3 and d.fact_at(nxt, j) < 0 and words[j].isalpha():
            j += 1
        xi = d.fact_at(nxt, j) if j < len(words) else -1
        if xi < 0 or d.hedge_start(nxt, j) != k:
            return None
        k = j
    if d.facts[xi].kind not in SHARES:
        return None
    if _not_share_after(d, nxt, k, not_after):
        if not (k + 1 < len(words) and words[k + 1] == "of" and names_whole(d, nxt, k + 2, whole)):
            return None
    return xi, d.span(nxt, start, k + 1)


def _share_beside_item(
    d: _Doc, item: int, set_off: frozenset[str], not_after: frozenset[str]
) -> tuple[int, Span] | None:
    """A share set off right after an item of a breakdown, with nothing after it but a mark or the clause's
    end ("the remaining 30,000, about three-quarters, went", "and 30,000 - about three-quarters - to")."""
    si, pos = d.pos_of(item)
    words = d.m.words[si]
    k = pos + 1
    if k + 1 >= len(words) or (words[k] not in set_off and words[k] != "("):
        return None
    xi = d.figure_after(si, k + 1, SHARES)
    if xi < 0:
        return None
    xs, xpos = d.pos_of(xi)
    if xs != si or _not_share_after(d, si, xpos, not_after):
        return None
    after = words[xpos + 1] if xpos + 1 < len(words) else "."
    if after not in CLAUSE_END and after not in set_off and after != ")":
        return None
    return xi, d.span(si, k, xpos + 1)


@functools.cache
def _capacity_words() -> tuple[PhraseTable, frozenset[str], frozenset[str]]:
    """The words before a venue's capacity, the compound words after it ("60,000-seat") and the nouns of
    the parts told of it (``[capacity]``)."""
    data = _toml("vocab.toml")["capacity"]
    return (
        PhraseTable.build((p, "capacity") for p in data["before"]),
        frozenset(data["compound"]),
        frozenset(data["parts"]),
    )


def _capacity(d: _Doc) -> int:
    """The one capacity of a venue the story tells ("has a capacity of 60,000", "the 60,000-seat arena"),
    else -1 (none, or two that differ)."""
    before, compound, _ = _capacity_words()
    found: list[int] = []
    for si, pos, fi, _ in d.figures(frozenset({"count", "number"})):
        words = d.m.words[si]
        told = before.ending_at(words, d.hedge_start(si, pos)) is not None
        glued = pos + 2 < len(words) and words[pos + 1] == "-" and words[pos + 2] in compound
        if told or glued:
            found.append(fi)
    if not found or any(d.facts[fi].value != d.facts[found[0]].value for fi in found[1:]):
        return -1
    return found[0]


@functools.cache
def _kind_words() -> tuple[frozenset[str], PhraseTable, PhraseTable]:
    """Nouns of kinds, words that give their members' total after them, words that tie members to their
    kinds (``[kinds]``)."""
    data = _toml("vocab.toml")["kinds"]
    return (
        frozenset(data["nouns"]),
        PhraseTable.build((p, "total") for p in data["totals"]),
        PhraseTable.build((p, "from") for p in data["from"]),
    )


# Tokens after a count of kinds that the members' total may stand ("112 different species of birds,
# totalling 720"), and tokens between the members and the words that tie them to their kinds.
KINDS_REACH = 10
MEMBERS_GAP = 3


def _kinds_within_members(d: _Doc) -> Iterator[Relation]:
    """A count of kinds and the count of their members told with it: "112 species of birds, totalling 720",
    "720 birds from 112 species". The kinds are at most the members (a ``part`` of them)."""
    nouns, totals, ties = _kind_words()
    for si, pos, fi, _ in d.figures(frozenset({"count", "number"})):
        words = d.m.words[si]
        nxt = pos + 1 + (pos + 1 < len(words) and words[pos + 1] in ("different", "distinct", "separate"))
        if nxt >= len(words) or words[nxt] not in nouns:
            continue
        # "720 birds from 112 species": the members before the tie.
        h = d.hedge_start(si, pos)
        tie = ties.ending_at(words, h)
        if tie is not None:
            for k in range(tie[1] - 1, max(-1, tie[1] - 2 - MEMBERS_GAP), -1):
                mi = d.fact_at(si, k)
                if mi >= 0 and k == tie[1] - 1 and words[tie[1]] == "of":
                    break  # "one of 223 breeds", "12 of the 40 species": kinds picked out of them, no members
                if mi >= 0:
                    if d.facts[mi].kind in ("count", "number") and not d.facts[mi].is_range:
                        yield Relation("part", (("part", fi), ("whole", mi)), (d.span(si, tie[1], nxt + 1),), "clause")
                    break
                if not words[k].isalpha():
                    break
            continue
        # "112 species of birds, totalling 720": the members' total after.
        for k in range(nxt + 1, min(len(words), nxt + 1 + KINDS_REACH)):
            if words[k] in CLAUSE_END and words[k] != ",":
                break
            hit = totals.starting_at(words, k)
            if hit is not None:
                mi = d.figure_after(si, hit[1], frozenset({"count", "number"}))
                if mi >= 0:
                    yield Relation("part", (("part", fi), ("whole", mi)), (d.span(si, k, hit[1]),), "clause")
                break
            if d.fact_at(si, k) >= 0:
                break


# Words between a determiner and "rate of" that name the rate ("That rejection rate of one in three").
RATE_NAME_WORDS = 2


def _rate_of(d: _Doc, si: int, pos: int) -> int:
    """Where the determiner of "a rejection rate of", "That success rate of", "the rate of" stands before
    the share at ``pos``, else -1."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    if k < 3 or words[k - 1] != "of" or words[k - 2] != "rate":
        return -1
    for j in range(k - 3, max(-1, k - 4 - RATE_NAME_WORDS), -1):
        if words[j] in ("a", "an", "that", "this", "the", "its"):
            return j
        if not words[j].isalpha():
            return -1
    return -1


def _rates_of_parts(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """ "Some 380 firms had applied for a loan, and 95 of them were turned down. That rejection rate of one in
    three is the highest on record"; "..., a success rate of 33%": a share told as a rate right after a part
    the first pass read of its whole (``part``), set off after its clause or opening the next sentence on
    "That"/"This", is that part's share of the whole."""
    parts = [r for r in built.get("part", {}).values()]
    if not parts:
        return
    by_part = {r.get("part"): r for r in parts if r.get("part") is not None}
    for si, pos, fi, _ in d.figures(SHARES):
        j = _rate_of(d, si, pos)
        if j < 0:
            continue
        words = d.m.words[si]
        toks = d.m.tokens[si]
        if words[j] in ("that", "this") and j == 0 and si > 0:
            # "That rejection rate of one in three": the last part told in the sentence before
            cands = [t.fact for t in d.m.tokens[si - 1] if t.fact in by_part]
        elif j >= 1 and words[j - 1] == "," and words[j] in ("a", "an"):
            # ", a rejection rate of 25%": the part its clause told just before
            cands = [toks[k].fact for k in range(j - 1, -1, -1) if toks[k].fact >= 0][:1]
            cands = [c for c in cands if c in by_part]
        else:
            continue
        if len(cands) < 1:
            continue
        rel = by_part[cands[-1]]
        whole = rel.get("whole")
        if whole is None:
            continue
        roles = (("part", cands[-1]), ("whole", whole), ("share", fi))
        yield Relation("share", roles, (d.span(si, j, d.hedge_start(si, pos)),), "document")
