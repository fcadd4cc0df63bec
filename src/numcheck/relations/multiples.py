"""Multiples told of two figures of one quantity: the newer figure, a multiple word, and the older figure it
is a multiple of ("12 million passengers, double the 8 million of 2015", "5,000, twice as many as the
3,600", "That was three times the £4m it raised in 2019", "is now three times what it was in 2010").

Each is a ``change`` (from: the older figure, to: the newer one; ``factor``: the multiple's figure when the
fact table reads one, "twice", "three times", "half"; label ``multiple``: its word) that the multiple judge
reads. The words after the multiple that lead to the older figure, the verbs and the figure-less subjects
("That was ...") are vocabulary (``[multiple_of]`` in data/vocab.toml).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from numcheck.model import Fact
from numcheck.relations.base import (
    ASIDE_OPENERS,
    FRAME_KINDS,
    Relation,
    _Doc,
    bare_ends,
    earlier_time,
    same_family,
    sized_figures,
    told_time,
)
from numcheck.relations.named import named_level, named_subject
from numcheck.relations.referents import owner_differs
from numcheck.vocab import singular

# Figure kinds a multiple may relate (a length of time only to another: "26 weeks, double the 13 weeks").
AMOUNTS = frozenset({"count", "number", "money", "measure", "percent", "duration"})
# Tokens back from a multiple (past its comma or verb) that the newer figure may stand.
NEWER_REACH = 14
# Tokens after the multiple's link that the older figure may stand ("the", a hedge, "2015's").
OLDER_REACH = 4
# Tokens after "what" that the time or the older figure may stand ("what it was in 2010, £4m").
WHAT_REACH = 12
# Words a subject standing for the sentence before's figure may hold before its verb.
SUBJECT_WORDS = 3
# Punctuation that sets a multiple beside the figure before it: "12 million, double the 8 million".
APPOSITION = frozenset({",", "-", "–", "—", "("})
SENTENCE_ENDS = frozenset(";:.!?")
DETERMINERS = frozenset("the its their his her our a an some".split())
# Verb forms of a multiple that tell a change from a level before ("tripled from", "halving its"): read
# by the change builders, not here.
CHANGE_FORMS = frozenset("doubled tripled trebled quadrupled halved halve halving".split())
# A fraction word read as a multiple only before "the" or "as many as": "half the 150 it had" ("a third of
# the 150" is a share of a whole, read by the share builders).
# Heads after a year that name its figure: "three times the 2010 figure", "double the 2015 level of 40".
YEAR_HEADS = frozenset("figure level total number tally".split())
# Fraction words the fact table may leave alone before "as many as" or "the" ("a quarter as many as").
FRACTION_WORDS = frozenset({"half", "third", "quarter"})
# Words before "half" that make it a part of a time ("the second half", "first-half"), not a multiple.
HALF_PICKERS = frozenset("first second other last final".split())
# Kinds of figure that may be a multiple ("twice", "three times", "half").
CUE_KINDS = frozenset({"multiple", "share"})
# Words after a multiple's change noun that lead to the older figure ("a threefold increase on").
CHANGE_LINKS = frozenset("on from over".split())
# Owners after a fraction word that make it a multiple of a level named by a noun ("half their previous
# peak", read only through ``_Doc.reference_level``).
OWNERS = frozenset({"its", "their", "his", "her"})
# The fact table's kind of "third" in "a third as many as": a place, read here as a fraction.
PLACE_KINDS = frozenset({"ordinal"})
SHARE_WORDS = frozenset({"half", "a half", "one half", "a third", "a quarter", "a fifth", "two-thirds"})


def _candidates(d: _Doc) -> list[tuple[int, int]]:
    """(sentence, token) of each multiple or fraction figure and each multiple word, in text order."""
    found = [(si, pos) for si, pos, _, _ in d.figures(CUE_KINDS)]
    found.extend((si, pos) for si, pos, _, _ in d.figures(PLACE_KINDS) if _fraction_read_as_place(d, si, pos))
    words_of_cues = d.once("multiple-cue-words", lambda: frozenset({*d.v.multiples, *FRACTION_WORDS}))
    for si, words in enumerate(d.m.words):
        if not words_of_cues.isdisjoint(words):
            found.extend((si, k) for k, w in enumerate(words) if w in words_of_cues)
    return sorted(found)


def _multiples_of(d: _Doc) -> Iterator[Relation]:
    for si, k in _candidates(d):
        words = d.m.words[si]
        cue = _cue_at(d, si, k)
        if cue is None:
            continue
        fi, word, end = cue
        link = (
            d.v.multiple_links.starting_at(words, end)
            or _change_link(d, si, end)
            or _owned_after(d, si, end)
            or _as_many_noun_as(words, end)
        )
        if link is None:
            continue
        how, after = link
        if how == "more" and (fi < 0 or d.facts[fi].kind != "multiple"):
            continue  # "double more than": not a phrase of a multiple
        if how == "same" and words[end] in ("that", "those") and fi < 0 and word not in d.v.multiples:
            continue
        hedge = d.v.hedges.ending_at(words, k)
        start = hedge[1] if hedge else k
        if how in ("what", "back"):
            found = _newer(d, si, start, None)
            if found is None:
                continue
            bi, evidence = found
            if how == "what":
                ai = _older_of_what(d, si, after, d.facts[bi], bi)
            else:
                ai = _told_before(d, bi)
        else:
            # "half their previous peak": a fraction before an owner is a multiple only of a level named by
            # a noun ("half their 40 staff" is a part of them).
            owned = word in SHARE_WORDS and _next_word(words, end - 1) in OWNERS
            ai = -1 if owned else _older(d, si, after)
            year = ""
            if ai < 0 and not owned:
                year, ai = _year_after(d, si, after)
            if ai < 0 and not year:
                # "closed at 312p, more than triple their launch price": a level named by a noun, told before.
                found = _newer(d, si, start, None)
                ref = d.reference_level(si, after, found[0]) if found is not None else None
                told = ref is not None and d.pos_of(ref[0]) > (si, k)
                if ref is None and found is not None:
                    # "almost double its current output": a level named by words, told in another sentence
                    # by its head or its time, its thing's count (``named_level``)
                    ref = named_level(d, si, after, found[0])
                    told = True
                if found is None or ref is None or not _plausible(d, ref[0], found[0], fi, word, told):
                    continue
                (bi, evidence), (ai, after) = found, ref
            elif ai >= 0:
                found = _newer(d, si, start, d.facts[ai]) or _level_at_end(d, si, start, ai)
                if found is None and (named := named_subject(d, si, start, ai)) >= 0:
                    found = named, "document"  # "The strongest gust was recorded at ..., almost triple the 48mph"
                if found is None:
                    continue
                bi, evidence = found
            else:
                found = _newer(d, si, start, None)
                if found is None:
                    continue
                bi, evidence = found
                # "twice as many as in 2021, when 9,000 voted": the figure told after the year, else the
                # figure of that year told around.
                ai = _older_of_what(d, si, after, d.facts[bi], bi)
        if ai < 0 or ai == bi:
            continue
        if owner_differs(d, si, end, bi, ai):
            continue  # "Brookvale sold 1,000 tonnes, a quarter of its harvest": not Ashdale's harvest
        roles: tuple[tuple[str, int], ...] = (("from", ai), ("to", bi))
        if fi >= 0:
            roles += (("factor", fi),)
        labels = [("multiple", word)]
        if hedge:
            labels.append(("hedge", hedge[0]))
        if how == "more":
            labels.append(("or-one-more", "yes"))
        if evidence == "clause" and d.pos_of(ai)[0] != si:
            evidence = "document"
        cues = (d.span(si, start, after),)
        yield Relation("change", roles, cues, evidence, tuple(labels))


def _premiums(d: _Doc) -> Iterator[Relation]:
    """A price told against a reference level by a premium or a discount: "offering 310p a share, a 25%
    premium to the closing price of 248p", "£19,800, a discount of 20% to the list price of £24,000", "a
    30% mark-up on the £5.20 it pays", "a 35% premium to Friday's closing price" (the level told before).
    A ``change`` from the level to the price with the percentage as its stated change and the word's way
    as its direction (words as data, ``[premiums]``)."""
    for si, k, pi, _ in d.figures(PREMIUM_KINDS):
        words = d.m.words[si]
        way, link = _premium_after(d, si, k)
        start = d.hedge_start(si, k)
        if not way:
            # "a premium of 45% to": the word, "of", the percentage
            if start < 3 or words[start - 1] != "of" or words[start - 2] not in d.v.premiums:
                continue
            way, link, start = d.v.premiums[words[start - 2]], k + 1, start - 2
        if link >= len(words) or words[link] not in d.v.premium_links:
            continue
        found = _newer(d, si, _past_joins(d, si, start), None)
        if found is None:
            continue
        bi, evidence = found
        b = d.facts[bi]
        ai = _older(d, si, link + 1)
        end = link + 2
        if ai < 0:
            ref = d.reference_level(si, link + 1, bi)
            if ref is None:
                continue
            ai, end = ref
        a = d.facts[ai]
        if ai == bi or not _amount(a) or not same_family(a, b) or not _alike(d, ai, bi):
            continue
        if evidence == "clause" and d.pos_of(ai)[0] != si:
            evidence = "document"
        cue = d.span(si, start, min(end, len(words)))
        yield Relation("change", (("from", ai), ("to", bi), ("stated", pi)), (cue,), evidence, (("direction", way),))


def _inferred_multiples(d: _Doc) -> Iterator[Relation]:
    """A multiple verb drawn from two levels told before it, its own clause telling no figure: "Two years ago
    it had 7.2 million subscribers, meaning its audience has more than doubled since then" after "it now has
    14.6 million", "In 2010 the club had 240 members; today it has 950, which means membership has
    tripled". The clause opens on a word of inference (``[multiple_of] inferred``); the two levels are the
    only two figures of one family told before that word in its sentence, else in it and the sentence
    before, and their times tell which is the older."""
    for si, k, fi, f in d.figures(frozenset({"multiple"})):
        words = d.m.words[si]
        word = " ".join(f.text.lower().split())
        if word not in CHANGE_FORMS or f.value is None:
            continue
        hedge = d.v.hedges.ending_at(words, k)
        start = hedge[1] if hedge else k
        if start < 1 or words[start - 1] not in ("has", "have", "had"):
            continue
        if any(_amount_at(d, si, j) for j in range(k + 1, len(words))):
            continue  # "has doubled to 3,800": read by the change builders
        link = next(
            (
                j
                for j in range(start - 2, max(-1, start - 2 - INFERRED_SUBJECT), -1)
                if words[j] in d.v.multiple_inferred
            ),
            -1,
        )
        if link < 0 or any(not words[j].isalpha() for j in range(link + 1, start - 1)):
            continue
        found = [j for j in range(link) if _amount_at(d, si, j)]
        told = [(si, j) for j in found]
        prev = d.figured_before(si) if len(found) < 2 else -1
        if prev >= 0:
            told = [(prev, j) for j in range(len(d.m.words[prev])) if _amount_at(d, prev, j)] + told
        if len(told) != 2:
            continue
        ai, bi = (d.fact_at(s2, j) for s2, j in told)
        if not same_family(d.facts[ai], d.facts[bi]) or not _alike(d, ai, bi):
            continue
        ca, cb = d.m.frame(ai).concept, d.m.frame(bi).concept
        named = all((m := d.m.by_fact.get(x)) is not None and m.noun for x in (ai, bi))
        if prev >= 0 and named and ca and cb and ca != cb:
            continue  # "1,000 extra judges had been recruited. ... the backlog stood at 39,000": two things
        if _other_subject(d, si, range(link + 1, start - 1), ai, bi):
            continue
        order = earlier_time(told_time(d, ai), told_time(d, bi))
        if order == 0:
            continue
        if order < 0:
            ai, bi = bi, ai  # ``ai`` the older level
        labels = [("multiple", word)]
        if hedge:
            labels.append(("hedge", hedge[0]))
        evidence = "clause" if d.pos_of(ai)[0] == d.pos_of(bi)[0] == si else "document"
        cue = d.span(si, link, k + 1)
        yield Relation("change", (("from", ai), ("to", bi), ("factor", fi)), (cue,), evidence, tuple(labels))


def _other_subject(d: _Doc, si: int, subject: range, ai: int, bi: int) -> bool:
    """Sums whose subject names another thing than the levels count: "£40m in 2019 and £55m last year, so
    profits have doubled" after sales (people are told by many nouns: "subscribers" … "its audience")."""
    if d.facts[ai].kind != "money":
        return False
    said = {d.v.concepts.get(d.m.words[si][j], "") for j in subject} - {""} - d.v.generic
    told = {d.m.frame(x).concept for x in (ai, bi)} - {""}
    return bool(said and told and said.isdisjoint(told))


# Words a subject may hold between a word of inference and its verb ("meaning its volunteer force has").
INFERRED_SUBJECT = 6
# Kinds of a level a multiple verb may be drawn from.
LEVEL_KINDS = frozenset({"count", "number", "money", "measure", "percent"})


def _amount_at(d: _Doc, si: int, j: int, *, forecast: bool = False) -> bool:
    """Token ``j`` is a level: a figure of a level's kind, no move ("fell 2,000"), no forecast (unless
    ``forecast``), no conversion in brackets."""
    fi = d.fact_at(si, j)
    if fi < 0:
        return False
    f = d.facts[fi]
    words = d.m.words[si]
    return (
        f.kind in LEVEL_KINDS
        and not f.is_range
        and f.value is not None
        and not d.move_size(fi)
        and (forecast or d.m.frame(fi).mood != "forecast")
        and not (j >= 2 and words[j - 1] == "(" and d.fact_at(si, j - 2) >= 0)
    )


def _past_joins(d: _Doc, si: int, start: int) -> int:
    """Where the premium starting at token ``start`` is set beside its price: before "a" and the words that
    join it to the price's comma ("at 180p, at a 5% discount", "310p, representing a 35% premium"), else
    ``start``."""
    words = d.m.words[si]
    at = start - 1 if start > 0 and words[start - 1] in ("a", "an") else start
    hit = d.v.premium_joins.ending_at(words, at)
    if hit is not None and hit[1] > 0 and words[hit[1] - 1] == ",":
        return hit[1]
    return start


# Kinds of a premium's or a discount's size ("a 25% premium").
PREMIUM_KINDS = frozenset({"percent"})


def _premium_after(d: _Doc, si: int, k: int) -> tuple[str, int]:
    """ "a 25% premium to": the premium word right after the percentage at token ``k`` (its way, the token
    after it), after "a" or "an" before the percentage; ("", -1) if none."""
    words = d.m.words[si]
    at = d.hedge_start(si, k)
    if at < 1 or words[at - 1] not in ("a", "an") or k + 1 >= len(words):
        return "", -1
    way = d.v.premiums.get(words[k + 1], "")
    return way, (k + 2 if way else -1)


def _cue_at(d: _Doc, si: int, k: int) -> tuple[int, str, int] | None:
    """The multiple at token ``k``: (its fact or -1, its word, the token after it). A multiple figure
    ("twice", "three times", "a threefold"), a fraction figure ("half"), or a multiple word the fact table
    leaves alone ("double", "triple") that no determiner makes an adjective ("a double room")."""
    words = d.m.words[si]
    fi = d.m.tokens[si][k].fact
    if fi >= 0 and _fraction_read_as_place(d, si, k):
        return -1, "a " + d.facts[fi].text.lower(), k + 1  # "a third as many as": the rule's table of multiples
    if fi >= 0:
        f = d.facts[fi]
        text = " ".join(f.text.lower().split())
        if f.kind == "multiple" and f.value is not None and text not in CHANGE_FORMS and f.value > 0:
            return fi, text, k + 1
        if f.kind == "share" and text in SHARE_WORDS and f.value is not None:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if nxt in ("the", "as", "what") or nxt in OWNERS:
                return fi, text, k + 1
            if words[k + 1 : k + 3] == ("of", "what") or (nxt == "of" and _next_word(words, k + 1) in OWNERS):
                return fi, text, k + 2  # "a third of what it made on its opening weekend", "a third of its"
        return None
    w = words[k]
    before = words[k - 1] if k > 0 else ""
    if w in FRACTION_WORDS and _next_word(words, k) in ("the", "as", "what", *OWNERS):
        # "half as many as", "half the 7,900", "a quarter as many as": read by the rule's table of multiples
        if w == "half" and before not in DETERMINERS and before not in HALF_PICKERS:
            return -1, w, k + 1
        if w != "half" and before in ("a", "one"):
            return -1, "a " + w, k + 1
        return None
    if before in DETERMINERS:
        return None  # "a double room"
    if w in d.v.multiples and w not in CHANGE_FORMS:
        return -1, w, k + 1
    return None


def _fraction_read_as_place(d: _Doc, si: int, k: int) -> bool:
    """The fact table read the fraction word at token ``k`` as a place: "a third as many as the 6,300", "one
    third the size of" (an ordinal after "a" or "one" before "as" or "the" is a fraction, never a rank)."""
    words = d.m.words[si]
    fi = d.m.tokens[si][k].fact
    return (
        d.facts[fi].kind in PLACE_KINDS
        and d.facts[fi].text.lower() in FRACTION_WORDS
        and k > 0
        and words[k - 1] in ("a", "one")
        and _next_word(words, k) in ("the", "as", "what", *OWNERS)
    )


def _next_word(words: tuple[str, ...], k: int) -> str:
    return words[k + 1] if k + 1 < len(words) else ""


# Words a noun may stand between "as many" and "as" ("three times as many stores as the 240").
AS_NOUN_WORDS = 3


def _as_many_noun_as(words: tuple[str, ...], end: int) -> tuple[str, int] | None:
    """ "three times as many stores as", "twice as much money as": the counted noun between "as many" and
    "as" (a few plain words), and the token after the second "as"."""
    if words[end : end + 1] != ("as",) or end + 1 >= len(words) or words[end + 1] not in ("many", "much"):
        return None
    for k in range(end + 2, min(len(words), end + 3 + AS_NOUN_WORDS)):
        if words[k] == "as":
            return ("same", k + 1) if k > end + 2 else None
        if not words[k].isalpha():
            return None
    return None


def _change_link(d: _Doc, si: int, end: int) -> tuple[str, int] | None:
    """ "a threefold increase on the 290", "a fourfold rise from": a change noun after the multiple, and
    the word that leads to the figure it grew from."""
    words = d.m.words[si]
    hit = d.v.direction.starting_at(words, end)
    if hit is None or hit[0] != "up" or hit[1] >= len(words) or words[hit[1]] not in CHANGE_LINKS:
        return None
    return "same", hit[1] + 1


def _owned_after(d: _Doc, si: int, end: int) -> tuple[str, int] | None:
    """ "more than double 2015's 8 million": a time that owns the older figure right after the multiple."""
    fi = d.fact_at(si, end)
    if fi < 0 or d.facts[fi].kind not in FRAME_KINDS or d.facts[fi].kind == "duration":
        return None
    words = d.m.words[si]
    if d.facts[fi].text.endswith(("'s", "’s")) or words[end + 1 : end + 3] == ("'", "s"):
        return "same", end
    return None


def _older(d: _Doc, si: int, j: int) -> int:
    """The figure the multiple's link leads to, past determiners, a hedge and a time that owns it
    ("double 2015's 8 million"), or -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    named = _named_level(d, si, j)
    if named >= 0:
        return _older(d, si, named)
    for k in range(j, min(len(words), j + OLDER_REACH)):
        fi = toks[k].fact
        if fi < 0:
            if words[k] in DETERMINERS or words[k] in ("'", "s"):
                continue
            hit = d.v.hedges.starting_at(words, k)
            if hit is None:
                return -1
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS and f.kind != "duration":
            if f.text.endswith(("'s", "’s")) or words[k + 1 : k + 3] == ("'", "s"):
                continue  # "2015's 8 million"
            return -1
        if f.kind == "duration" and "-" in f.text:
            return -1  # "double the 10-year average": the length names what is averaged, it is no level
        return fi if _amount(f) else -1
    return -1


def _named_level(d: _Doc, si: int, j: int) -> int:
    """After "the" or "its": a few plain words, a noun of a level and "of" ("monthly average of 48mm",
    "previous year's total of 6,000"): the token after "of", else -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(j, min(len(words) - 1, j + NAMED_REACH)):
        if words[k] in d.v.multiple_heads and words[k + 1] == "of":
            return k + 2
        fi = toks[k].fact
        if fi >= 0 and not (
            d.facts[fi].kind in FRAME_KINDS and (d.facts[fi].text.endswith(("'s", "’s")) or d.facts[fi].kind == "year")
        ):
            return -1  # "the previous year's total of", "the 2019 crop of"
        if fi < 0 and not (words[k].isalpha() or words[k].endswith(("'s", "’s")) or words[k] in ("'", "s")):
            return -1
    return -1


# Words after "the" or "its" that a level's noun may stand ("the previous year's total of").
NAMED_REACH = 5


def _amount(f: Fact) -> bool:
    return f.kind in AMOUNTS and not f.is_range and f.value is not None


def _older_of_what(d: _Doc, si: int, j: int, b: Fact, bi: int) -> int:
    """ "three times what it was in 2010": the figure told after "what" in its sentence ("what it was in
    2010, £4m"), else the figure of ``b``'s family set in that year in the sentences around."""
    words, toks = d.m.words[si], d.m.tokens[si]
    year = ""
    for k in range(j, min(len(words), j + WHAT_REACH)):
        if words[k] in SENTENCE_ENDS:
            break
        fi = toks[k].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind == "year" and f.iso:
            year = year or f.iso[:4]
            continue
        if f.kind in FRAME_KINDS:
            continue
        return fi if _amount(f) and same_family(f, b, bare_ok=True) else -1
    return _year_figure(d, si, year, b, bi) if year else -1


def _year_after(d: _Doc, si: int, j: int) -> tuple[str, int]:
    """ "twice as many as in 2003", "three times the 2010 figure", "double the 2015 level of 40": the year
    the link at ``j`` leads to, and the figure told after "of" (or -1); ("", -1) if it leads to none."""
    words, toks = d.m.words[si], d.m.tokens[si]
    told_in = j < len(words) and words[j] == "in"
    k = j + 1 if told_in else j
    yi = toks[k].fact if k < len(words) else -1
    iso = d.facts[yi].iso if yi >= 0 and d.facts[yi].kind == "year" else None
    if not iso:
        return "", -1
    year = iso[:4]
    nxt = words[k + 1] if k + 1 < len(words) else "."
    if told_in and (nxt in SENTENCE_ENDS or nxt in (",", "when", "and")):
        return year, -1
    if not told_in and nxt in YEAR_HEADS:
        if words[k + 2 : k + 3] == ("of",):
            ai = d.figure_after(si, k + 3)
            return (year, ai) if ai >= 0 and _amount(d.facts[ai]) else ("", -1)
        return year, -1
    return "", -1


def _year_figure(d: _Doc, si: int, year: str, b: Fact, bi: int) -> int:
    """The one figure of ``b``'s family set in ``year`` in the sentences around (of two, "a loss of 984m
    euros in 2003" and its operating profit, which one is meant is not said), counting what ``b`` counts."""
    found = [
        fi
        for s2 in (si - 2, si - 1, si)
        if 0 <= s2
        for fi in (tok.fact for tok in d.m.tokens[s2])
        if fi >= 0
        and fi != bi
        and _amount(f := d.facts[fi])
        and f.kind not in FRAME_KINDS
        and same_family(f, b, bare_ok=True)
        and d.m.by_fact[fi].frame == year
        and not _moved(d, fi)
    ]
    return found[0] if len(found) == 1 and _alike(d, found[0], bi) else -1


def _moved(d: _Doc, fi: int) -> bool:
    """The figure is an amount moved or lost ("lost €98m", "fell 2,000"), not a level ("fell to 2,000")."""
    m = d.m.by_fact[fi]
    si, pos = d.pos_of(fi)
    at = d.hedge_start(si, pos)
    return bool(m.direction) and not (at > 0 and d.m.words[si][at - 1] in ("to", "at"))


def _told_before(d: _Doc, bi: int) -> int:
    """ "Last year it handled 12 million, double that figure": the figure told just before ``bi`` (in its
    sentence or the one before), of its family, past times; -1 when the nearest is of another family."""
    si, pos = d.pos_of(bi)
    b = d.facts[bi]
    for s2, k in d.m.previous_figures(si, pos, back=1):
        f = d.facts[d.fact_at(s2, k)]
        if f.kind in FRAME_KINDS and not f.kind == b.kind == "duration":
            continue
        return d.fact_at(s2, k) if _amount(f) and same_family(f, b, bare_ok=True) else -1
    return -1


def _newer(d: _Doc, si: int, start: int, like: Fact | None) -> tuple[int, str] | None:
    """The figure the multiple starting at token ``start`` is told of, and the evidence: the figure before
    its comma ("12 million, double the"), the subject's figure before its verb ("sales of £12m were double
    the"), or, for a subject with no figure heading its sentence ("That was double the"), the last figure
    of the sentence before."""
    words = d.m.words[si]
    j = start - 1
    if j >= 0 and words[j] in ("a", "an", "or"):
        j -= 1  # "640, a threefold increase on the 290", "12 million, or twice the 8 million"
    if j >= 0 and words[j] in ("up", "down"):
        return None  # "up threefold from": a change, read by the change builders
    if j >= 0 and words[j] in APPOSITION:
        fi = _figure_before(d, si, j, like)
        return (fi, "clause") if fi >= 0 else None
    while j >= 0 and (words[j] in d.v.multiple_between or _time_at(d, si, j)):
        j -= 1  # "is now three times", "It is now (a time figure) three times"
    if j < 0:
        return None
    if words[j] in d.v.multiple_verbs:
        if j > 0 and words[j - 1] in ("has", "have", "had") and words[j] == "been":
            j -= 1
        lo = d.m.clause_start(si, j)
        fi = _figure_before(d, si, j, like, lo)
        aside = _aside_before(d, si, lo)
        if fi < 0 and aside >= 0:
            # "The bid of 96p a share, which is closely watched, is a premium of 45%": past the aside.
            fi = _figure_before(d, si, aside, like, d.m.clause_start(si, aside))
        if fi >= 0:
            return fi, "clause"
        return _subject_before(d, si, lo, j, like)
    return _subject_before(d, si, d.m.clause_start(si, j), j + 1, like, contracted=True)


def _aside_before(d: _Doc, si: int, lo: int) -> int:
    """The comma that opens a relative clause set as an aside and closed at ``lo`` ("The bid of 96p,
    which is closely watched, is"), or -1."""
    words = d.m.words[si]
    if lo < 1 or words[lo - 1] != ",":
        return -1
    if words[lo] in ASIDE_OPENERS:
        return lo - 1  # the clause read from "which" on: its comma opens the aside
    for n in range(lo - 2, max(-1, lo - 2 - NEWER_REACH), -1):
        if words[n] in SENTENCE_ENDS or d.fact_at(si, n) >= 0:
            return -1
        if words[n] == ",":
            return n if words[n + 1] in ASIDE_OPENERS else -1
    return -1


def _time_at(d: _Doc, si: int, j: int) -> bool:
    fi = d.m.tokens[si][j].fact
    return fi >= 0 and d.facts[fi].kind in FRAME_KINDS and d.facts[fi].kind != "duration"


def _level_at_end(d: _Doc, si: int, start: int, ai: int) -> tuple[int, str] | None:
    """ "Fares are twice as high as the £3 they were in 2019, at £9": a subject with no figure, its verb
    and the multiple, then the level itself after ", at" closing the sentence."""
    words = d.m.words[si]
    j = start - 1
    while j >= 0 and (words[j] in d.v.multiple_between or _time_at(d, si, j)):
        j -= 1
    if j < 0 or words[j] not in d.v.multiple_verbs:
        return None
    a = d.facts[ai]
    _, apos = d.pos_of(ai)
    for k in range(apos + 1, min(len(words) - 2, apos + WHAT_REACH)):
        if words[k] in SENTENCE_ENDS:
            return None
        if words[k] == "," and words[k + 1] == "at":
            bi = d.figure_after(si, k + 2)
            if bi >= 0 and _amount(d.facts[bi]) and same_family(d.facts[bi], a, bare_ok=True):
                return bi, "clause"
            return None
    return None


def _figure_before(d: _Doc, si: int, j: int, like: Fact | None, lo: int = 0) -> int:
    """The nearest figure before token ``j`` of the sentence (not before ``lo``), past times, within reach:
    of ``like``'s family, else -1."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    k = j
    while k > max(lo, j - NEWER_REACH):
        k -= 1
        if words[k] in SENTENCE_ENDS:
            return -1
        fi = toks[k].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS and not (like is not None and like.kind == f.kind == "duration"):
            continue
        if f.kind == "ordinal":
            continue  # "took $58.4m in its first weekend, more than triple": a rank names no amount
        if not _amount(f) or (like is not None and not same_family(f, like, bare_ok=True)):
            return -1
        return fi
    return -1


def _subject_before(
    d: _Doc, si: int, lo: int, verb: int, like: Fact | None, contracted: bool = False
) -> tuple[int, str] | None:
    """A subject with no figure at the head of its sentence ("That", "The figure", "But this") standing for
    the last figure of the sentence before: that figure, with document evidence."""
    words = d.m.words[si]
    k = lo
    while k < verb and (words[k] in d.v.multiple_openers or words[k] == ","):
        k += 1
    # "...; that is a 42% premium to": a clause after a semicolon stands as a sentence of its own.
    joined = lo > 0 and words[lo - 1] == ";"
    if (k > (lo + 2 if joined else 2) and words[k] != "which") or verb - k > SUBJECT_WORDS:
        return None  # not the head of its sentence
    hit = d.v.multiple_subjects.starting_at(words, k)
    concept = ""
    if (hit is None or hit[1] != verb) and verb - k == 2 and words[k] == "the":
        # "The takings were more than triple the $41m": the thing the figure before counts, named.
        concept = d.v.concepts.get(words[k + 1], "")
        if not concept or concept in d.v.generic:
            return None
        hit = ("subject", verb)
    if hit is None or hit[1] != verb:
        return None
    said = words[verb - 1]
    if contracted != said.endswith("'s"):
        return None
    if said == "which":
        # "12 million, which was double the 8 million": the figure before its comma.
        fi = _figure_before(d, si, k, like) if k > 0 and words[k - 1] == "," else -1
        return (fi, "clause") if fi >= 0 else None
    if si == 0 and not joined:
        return None
    # The sentence before must tell one figure of the family: of two ("Profits came to £40m, on sales of
    # £300m"), which one the subject stands for is not said.
    s2 = si if joined else si - 1
    prev = d.m.words[s2]
    top = lo - 1 if joined else len(prev)
    found = [
        tok.fact
        for j, tok in enumerate(d.m.tokens[s2][:top])
        if tok.fact >= 0
        and _amount(f := d.facts[tok.fact])
        and (f.kind not in FRAME_KINDS or (like is not None and like.kind == f.kind == "duration"))
        and (like is None or same_family(f, like, bare_ok=True))
        and not (j >= 2 and prev[j - 1] == "(" and d.fact_at(s2, j - 2) >= 0)  # "$96m (£72m)": its conversion
    ]
    if len(found) != 1 or (concept and d.m.frame(found[0]).concept not in ("", concept)):
        return None  # two figures of the family, or one of another thing than the subject names
    return found[0], "sentence" if joined else "document"


# How far the two figures of a level named by a noun may stand from the multiple told of them before
# they are read as two other things ("Revenue reached £942m; the shares closed at 312p, double their
# launch price" sets no pence against millions): within this factor of the multiple either way.
PLAUSIBLE_SPREAD = 4


def _plausible(d: _Doc, ai: int, bi: int, fi: int, word: str, told: bool) -> bool:
    """The figure found for a level named by a noun counts what the newer one counts (``told``: its
    figure told in the phrase, "their issue price of 95p", whatever the nouns), and the newer figure is
    within ``PLAUSIBLE_SPREAD`` of the multiple times it."""
    a, b = d.facts[ai], d.facts[bi]
    factor = d.facts[fi].value if fi >= 0 else d.v.multiples.get(word)
    if factor is None or not a.value or b.value is None or not (told or _alike(d, ai, bi)):
        return False
    ratio = b.value / a.value / factor
    return 1 / PLAUSIBLE_SPREAD <= ratio <= PLAUSIBLE_SPREAD


def _alike(d: _Doc, ai: int, bi: int) -> bool:
    """The two figures count one kind of thing: their nouns' concepts agree where both name one the
    vocabulary knows ("loss" and "profit" do not)."""
    am, bm = d.m.by_fact.get(ai), d.m.by_fact.get(bi)
    if am is None or bm is None:
        return False
    known = d.v.concept_names - {"people"}
    return am.concept not in known or bm.concept not in known or am.concept == bm.concept


# Tokens after a change's newer end that its multiple verb may stand in the same sentence ("rose to 412,000
# last year from 183,000, so sales more than tripled").
TOLD_AFTER_REACH = 10
# Tokens from the start of the next sentence to its multiple verb ("That means sales have more than tripled").
NEXT_REACH = 8
# Verb forms of a multiple told of a change already told (a past move, not a plan: "could double").
_MOVE_SUFFIXES = ("ed", "ing")
# Words between a change's newer end and a multiple verb later in its sentence that tell the multiple of
# that change ("..., so sales more than tripled", "..., meaning the number has doubled").
_CONSEQUENCE = frozenset({"so", "meaning", "means", "which", "thus"})
# Subjects of the next sentence that point back at the change ("That means sales have tripled", "They
# have more than doubled").
_POINTING = frozenset({"that", "this", "it", "they", "those", "these"})


def _multiple_move(d: _Doc, ci: int) -> bool:
    """A multiple figure told as a move that happened: "tripled", "more than doubling", "halved"; not a plan
    or forecast ("could double", "is set to triple")."""
    c = d.facts[ci]
    if c.kind != "multiple" or c.value is None or not c.text.lower().endswith(_MOVE_SUFFIXES):
        return False
    if d.m.frame(ci).mood == "forecast" or "forecast" in d.m.by_fact[ci].roles:
        return False
    if c.text.lower().endswith("ing"):
        si, pos = d.pos_of(ci)
        hedge = d.v.hedges.ending_at(d.m.words[si], pos)
        start = hedge[1] if hedge else pos
        return start > 0 and d.m.words[si][start - 1] == ","  # ", more than tripling": a participle of the move
    return True


def _no_figure_after(d: _Doc, si: int, pos: int) -> bool:
    """Nothing of the multiple's own to compare after it: no amount in its clause ("doubled to 12,300" and
    "double the 8 million" are read by the builders of a multiple told with its figures)."""
    toks = d.m.tokens[si]
    for k in range(pos + 1, d.m.clause_end(si, pos)):
        fi = toks[k].fact
        if fi >= 0 and d.facts[fi].kind not in FRAME_KINDS:
            return False
    return True


def _multiple_after(d: _Doc, si: int, pos: int) -> int:
    """The multiple verb told after the change's newer end, in its sentence, before any other amount, past
    a word of consequence ("so", "meaning") or right after a comma (", more than tripling")."""
    toks, words = d.m.tokens[si], d.m.words[si]
    linked = False
    for k in range(pos + 1, min(len(toks), pos + 1 + TOLD_AFTER_REACH)):
        if words[k] in SENTENCE_ENDS:
            return -1
        linked = linked or words[k] in _CONSEQUENCE
        fi = toks[k].fact
        if fi < 0 or d.facts[fi].kind in FRAME_KINDS:
            continue
        if d.facts[fi].kind != "multiple":
            return -1
        hedge = d.v.hedges.ending_at(words, k)
        start = hedge[1] if hedge else k
        return fi if linked or words[start - 1] == "," else -1
    return -1


def _points_back(d: _Doc, ci: int, bi: int) -> bool:
    """The next sentence's multiple is told of the change before it: its subject points back ("That means",
    "They have"), names nothing, or shares a word with the change's sentence ("Electric sales ... tripled"
    after "Electric cars made up 412,000")."""
    si, pos = d.pos_of(ci)
    words = d.m.words[si]
    hedge = d.v.hedges.ending_at(words, pos)
    subject = [w.lower() for w in words[: hedge[1] if hedge else pos] if w.isalpha()]
    if not subject or subject[0] in _POINTING:
        return True
    told = {singular(w.lower()) for w in d.m.words[d.pos_of(bi)[0]] if w.isalpha() and len(w) > 3}
    return any(singular(w) in told for w in subject if len(w) > 3)


def _multiple_next(d: _Doc, si: int) -> int:
    """The one multiple verb near the start of sentence ``si`` when it tells no other amount ("That means
    sales have more than tripled.", "Electric sales more than tripled.")."""
    if si >= len(d.m.tokens):
        return -1
    found = -1
    for k, tok in enumerate(d.m.tokens[si]):
        fi = tok.fact
        if fi < 0 or d.facts[fi].kind in FRAME_KINDS:
            continue
        if found >= 0 or d.facts[fi].kind != "multiple" or k > NEXT_REACH:
            return -1
        found = fi
    return found


# Sentences after a change that a multiple verb naming the change's concept may stand in.
MULTIPLE_AHEAD = 3


def _multiple_told_after(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change told with its two ends, then a multiple verb of it with no figure of its own, later in the
    sentence or at the start of the next: "Deliveries rose to 412,000 from 183,000, so sales more than
    tripled"; "... against 183,000 a year earlier. Electric sales more than tripled." The change, refined
    with the multiple (``factor``, labels ``multiple`` and ``hedge``), for the multiple judge. The verb
    must tell a move that happened (not "could double"), and a concept it names must be the change's."""
    changes = list(built.get("change", {}).values())
    used = sized_figures(changes)
    for rel in changes:
        ends = bare_ends(rel)
        if ends is None:
            continue
        ai, bi = ends
        if rel.label("multiple") or d.facts[bi].kind not in AMOUNTS or not same_family(d.facts[ai], d.facts[bi]):
            continue
        if rel.label("apart") == "within":
            continue  # two times told in one sentence are sized by a change told in the next only
        (sa, pa), (sb, pb) = d.pos_of(ai), d.pos_of(bi)
        if sa > sb or earlier_time(told_time(d, ai), told_time(d, bi)) < 0:
            continue  # "2,300 in 2019 against 4,900 now": the ends as told run the other way
        ci = _multiple_after(d, sb, max(pa, pb) if sa == sb else pb)
        evidence = "sentence"
        if ci < 0:
            ci, evidence = _multiple_next(d, sb + 1), "document"
            if ci >= 0 and not _points_back(d, ci, bi):
                continue
            theirs = d.m.frame(bi).concept
            for step in range(2, MULTIPLE_AHEAD + 1):
                # "... up from 15 the year before. Of those 47, 39 were children. Cases have more than
                # quadrupled": sentences between, the multiple naming the change's own concept
                if ci >= 0 or sb + step >= len(d.m.tokens) or not theirs:
                    break
                far = _multiple_next(d, sb + step)
                if far >= 0:
                    fs, fp = d.pos_of(far)
                    told = {d.v.concepts.get(w) or singular(w) for w in d.m.words[fs][:fp] if w.isalpha()}
                    ci = far if theirs in told else -1
                    break
        if ci < 0 or ci in used or not _multiple_move(d, ci):
            continue
        si, pos = d.pos_of(ci)
        if not _no_figure_after(d, si, pos):
            continue
        own, theirs = d.m.frame(ci).concept, d.m.frame(bi).concept
        if own and theirs and own != theirs:
            continue  # "Sales rose to 412,000 from 183,000. Profits doubled.": another quantity's move
        words = d.m.words[si]
        hedge = d.v.hedges.ending_at(words, pos)
        labels = dict(rel.labels)
        labels["multiple"] = d.facts[ci].text.lower()
        if hedge:
            labels["hedge"] = hedge[0]
        start = hedge[1] if hedge else pos
        yield Relation(
            "change",
            rel.roles + (("factor", ci),),
            rel.cues + (d.span(si, start, pos + 1),),
            evidence,
            tuple(sorted(labels.items())),
        )


# Words after a multiple that open the base it is told against in its own words ("three times its valuation",
# "twice the 95 it had"); "what" and "that" point back to the thing itself and are left out.
BASE_OPENERS = frozenset({"the", *OWNERS})
# Tokens after the opener read for the base's noun and its figure ("the average annual fall of 6.4m": four words, "of").
BASE_NOUN_REACH = 5


def other_base(d: _Doc, fi: int, pair: tuple[int, int], concepts: frozenset[str]) -> bool:
    """The multiple ``fi`` is told against a base of its own that is not the older end of ``pair``: a figure
    ("almost three times the average annual fall of 6.4 million tonnes") or a noun naming another thing than
    ``concepts`` ("almost three times its valuation just 14 months ago" is no multiple of revenue). A verb
    ("tripled its profit"), a level's noun ("three times the 2010 figure") or the pair's own noun is no other
    base."""
    f = d.facts[fi]
    if f.kind != "multiple" or " ".join(f.text.lower().split()) in CHANGE_FORMS:
        return False
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    if pos + 1 >= len(words) or words[pos + 1] not in BASE_OPENERS:
        return False
    older = _older(d, si, pos + 1)
    nouns: list[str] = []
    for k in range(pos + 2, min(len(words), pos + 2 + BASE_NOUN_REACH)) if older < 0 else ():
        if toks[k].fact >= 0:
            if words[k - 1] == "of" and _amount(d.facts[toks[k].fact]):
                older = toks[k].fact  # "the average annual fall of 6.4 million tonnes"
            break
        if not words[k].isalpha():
            break
        nouns.append(words[k])
    if older >= 0:
        return older not in pair
    if not nouns or any(w in YEAR_HEADS or w in d.v.compared_nouns for w in nouns):
        return False
    own = {d.v.concept(w) or singular(w) for w in nouns}
    return bool(concepts) and not (own & concepts)
