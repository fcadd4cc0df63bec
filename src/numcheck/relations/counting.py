"""Counting: a stated count against what the text counts for it.

- ``tally``: roles ``total`` (the stated count) and ``item`` (figures that add up to it), label ``plus``
  (things counted without a figure: names listed, a one-off "only win") and ``why`` (how it was counted).
  "the fourth player to ... He joins A, B and C" (4 = 3 names + 1), "competed five times, with A (1994),
  B (1997) and C (2003)" (5 = 3 titles), "its only win in nine games; ... won the other seven" (6 = 1 + 5),
  "12 cases ... eight more ... bring the total to 24" (24 = 12 + 8).
- ``breakdown`` (as in the package): "51 cases ... The breakdown by province: fifteen in A, fourteen in B,
  ..." (the places' figures are within the total).

Every builder walks each sentence's tokens once with bounded look-backs (a few sentences), so building stays
linear in the length of the text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from numcheck import startcache
from numcheck.mentions import CLAUSE_END, Token
from numcheck.model import Span
from numcheck.relations.base import (
    _ASIDE_PREPOSITIONS,
    COUNTABLE,
    FRAME_KINDS,
    NOT_NAMES,
    Relation,
    _Doc,
    _plain_tokens,
    family,
    same_family,
)
from numcheck.relations.changes import FRAME_NOUNS
from numcheck.relations.groups import _changing
from numcheck.relations.holders import _later_fits, action_of
from numcheck.relations.scopes import _scope
from numcheck.vocab import TOKEN, PhraseTable, _toml, singular

# Tokens of one sentence that a look-back or look-ahead reads, at most: a long sentence must not cost a
# walk over all of it per figure.
SCAN_REACH = 80
# A count and "N more" of it (tokens apart, at most), the sentences after the headline or lead that may
# tell them, the sentences of the headline and lead, and the words after a total that may name its noun.
MORE_REACH = 25
MORE_BACK = 2
LEAD_SENTENCES = 3
NOUN_WORDS = 6
# Sentences apart that two shares of one group on either side of two thresholds may stand, and words
# between a share's verb and its threshold ("earn more than £50,000").
BANDS_BACK = 6
BAND_WORDS = 4
# Sentences back in its paragraph that the slices told before "another N%" may stand.
SLICES_BACK = 3
# Sentences back from a list of predecessors that the ordinal it completes may stand.
RANK_BACK = 3
# Largest ordinal and count read against a list of names or titles.
COUNT_MAX = 20
# Tokens from a count to the first titled item of its list ("five times at the festival, with films A (1994)").
TITLES_REACH = 14
# Tokens in one title ("Ada Kerr's The Night Of The Long Tide").
TITLE_WORDS = 8
# Sentences back from "bring the total to T" that the addition ("eight more") may stand, and from the
# addition, the count it adds to.
RUNNING_BACK = 2
RUNNING_BASE_BACK = 4
# Tokens from "bring" to the "to" before the total ("bring the total number of measles cases confirmed in
# the county to 37").
RUNNING_CUE = 14
# Tokens back from "the other N" that "only <noun> in M" may stand (same sentence or the one before).
OTHERS_BACK = 40
# Sentences back from a place list that its total may stand.
PLACES_BACK = 5
# Sentences after a balance ("the trade gap was £3.1bn") that its two flows may be told in, and words
# before a figure in its clause that a balance or flow word may stand.
BALANCE_NEXT = 2
BALANCE_REACH = 16
# Words that may stand between "the" and an ordinal's noun without making it a place in a race.
_RANK_DETERMINERS = frozenset("the its his her their a".split())
# Nouns after an ordinal that count occasions or placings, not holders of a rank ("the second day",
# "his third goal", "was third").
_PLACINGS = (
    frozenset(
        """place places spot time times round rounds leg legs stage stages day days night nights game games
        match matches goal goals attempt attempts try tries minute minutes innings set sets term terms visit
        visits meeting meetings session sessions""".split()
    )
    | FRAME_NOUNS
)
# Tokens from an ordinal to "after"/"behind" in its sentence ("the third country, after A and B").
RANK_NEAR = 8
# The same when the cue opens an aside after a comma, which may close a longer noun phrase: "the
# second-largest launch for a spring title across the whole of Europe, after the two films of the saga".
RANK_NEAR_ASIDE = 14


@functools.cache
def _tables() -> dict[str, PhraseTable]:
    data = _toml("vocab.toml")["counting"]
    return {key: PhraseTable.build((p, key) for p in phrases) for key, phrases in data.items()}


def _has(table: str, words: Sequence[str], start: int, end: int) -> int:
    """The first position in ``words[start:end]`` where a phrase of ``table`` starts, else -1."""
    t = _tables()[table]
    for k in t.starts_in(words, start, end):
        if t.starting_at(words, k):
            return k
    return -1


class _Words:
    """Tokens of every sentence, also of those without a figure (the mentions skip them)."""

    def __init__(self, d: _Doc) -> None:
        self.d = d

    def tokens(self, si: int) -> tuple[Token, ...]:
        # The mentions' own reading of a sentence, kept once per document for every reader that asks.
        return self.d.m.sentence_tokens(si)


def _capital(text: str, tok: Token) -> bool:
    return text[tok.start : tok.start + 1].isupper()


def _names_after(d: _Doc, toks: Sequence[Token], words: Sequence[str], start: int) -> tuple[int, int] | None:
    """Capitalised names listed from ``start`` ("A, B and C"): (how many, end token); at least two."""
    text = d.view.text
    count = 0
    item = 0
    j = start
    while j < len(words):
        w = words[j]
        if w in (",", "and"):
            if item:
                count += 1
            item = 0
            j += 1
            continue
        if w in CLAUSE_END or toks[j].fact >= 0:
            break
        raw = text[toks[j].start : toks[j].end]
        if not raw[:1].isupper():
            if item == 1 and words[j - 1] == "the" and j + 1 < len(words) and _capital(text, toks[j + 1]):
                pass  # "the original Arden", "the new Beetle": one word between "the" and a name
            elif item and raw.isdigit() and _capital(text, toks[j - 1]):
                pass  # a number inside a title ("Arden 2", "Apollo 13") that the fact table left alone
            elif item == 0 and w != "the":
                break  # the list is over: "... and C as winners"
            elif w != "the" and w not in ("de", "van", "von", "da", "del", "le", "la", "di", "'s", "-"):
                break
        item += 1
        if item > TITLE_WORDS:
            return None
        j += 1
    if item:
        count += 1
    # A list must end in "X and Y"; a trailing comma belongs to the sentence.
    if count < 2 or "and" not in words[start:j]:
        return None
    while j > start and words[j - 1] in (",", "and"):
        j -= 1
    return count, j


def _count_after(d: _Doc, toks: Sequence[Token], words: Sequence[str], start: int) -> tuple[int, int] | None:
    """ "the three films", "the two Japanese giants" at ``start``: a definite set counted by its figure,
    ranked ahead of the ordinal told before; (how many, the token after its noun). A count of time ("after
    two years") or without "the" ("after three rounds") is when, not who."""
    if start >= len(words) or words[start] != "the" or start + 2 >= len(words):
        return None
    fi = toks[start + 1].fact
    if fi < 0:
        return None
    f = d.facts[fi]
    if f.kind not in ("count", "number") or f.value is None or f.hedge != "exact" or f.is_range:
        return None
    if f.value != f.value.to_integral_value() or not (1 <= f.value <= COUNT_MAX):
        return None
    end = start + 2
    while end < len(words) and words[end][:1].isalpha() and toks[end].fact < 0 and end - start < 5:
        if words[end] in _COUNT_AFTER_STOPS:
            break
        end += 1
    return (int(f.value), end) if end > start + 2 else None


# Words that end the noun phrase of a set counted after "after the N": "the three films in the trilogy".
_COUNT_AFTER_STOPS = frozenset("in of on at for from with to by and or that which who".split())


def _ranks(d: _Doc) -> Iterator[Relation]:
    """ "Moss became the fifth bowler to take 500 wickets. She joins A, B and C on that list": an
    ordinal against the names listed before its holder (4 = 3 + 1). The ordinal is "the Nth <noun>" in the
    list's sentence or up to RANK_BACK sentences before; a placing ("was third", "the second round") is not."""
    w = _Words(d)
    preds = _tables()["predecessors"]
    near = _tables()["predecessors_near"]
    chain = _tables()["chain"]
    cues = preds.by_first.keys() | near.by_first.keys() | chain.by_first.keys()
    sentences = d.view.doc.sentences
    for si in range(len(sentences)):
        span = sentences[si].span
        chunk = d.view.text[span.start : span.end].lower()
        # A cue word among the sentence's tokens is in its text too: most sentences fail that test first.
        if not any(c in chunk for c in cues) or not cues & set(TOKEN.findall(chunk)):
            continue
        toks = w.tokens(si)
        words = [t.text for t in toks]
        for j in [k for k, word in enumerate(words) if word in cues]:
            # "after A and B" ranks only an ordinal of its own sentence: "the third country, after A and B,".
            back = RANK_BACK if preds.starting_at(words, j) else 0 if near.starting_at(words, j) else -1
            linked = chain.starting_at(words, j)
            head = _chain_head(d, toks, words, j) if linked else 0
            if back < 0 and not head:
                continue
            listed = _names_after(d, toks, words, linked[1] if linked and head else j + 1)
            if listed is None and back == 0 and not head:
                listed = _count_after(d, toks, words, j + 1)  # "behind the two state banks"
            if listed is None:
                continue
            count, end = listed
            if _tables()["open_list"].starting_at(words, end + (1 if end < len(words) and words[end] == "," else 0)):
                continue
            if head:
                yield from _chain_rank(d, si, toks, j, (head, end), count)
                continue
            rank = _rank_before(d, si, j, back)
            reach = RANK_NEAR_ASIDE if j and words[j - 1] == "," else RANK_NEAR
            if rank < 0 or (back == 0 and j - d.pos_of(rank)[1] > reach):
                continue
            cue = Span(toks[j].start, toks[end - 1].end)
            why = f"{count} listed before: {d.view.text[toks[j + 1].start : toks[end - 1].end]}"
            yield Relation("tally", (("total", rank),), (cue,), "document", (("plus", str(count + 1)), ("why", why)))


def _chain_rank(
    d: _Doc, si: int, toks: Sequence[Token], j: int, run: tuple[int, int], count: int
) -> Iterator[Relation]:
    """ "The record is held by A, followed by B and C" in a later sentence than "the fourth-largest ...":
    A heads the list too, so the ordinal is at least the names plus one. In the ordinal's own sentence the
    chain follows its holder ("was fifth, followed by B and C") and says nothing. A chain may stop short
    ("The winner was A, followed by B and C" of a fifth place): only more names above the ordinal than it
    allows are a finding."""
    rank = _rank_before(d, si, j, RANK_BACK)
    if rank < 0 or d.pos_of(rank)[0] == si:
        return
    cue = Span(toks[run[0] - 1].start, toks[run[1] - 1].end)
    why = f"{count + 1} listed before: {d.view.text[cue.start : cue.end]}"
    labels = (("plus", str(count + 2)), ("why", why), ("bound", "at-least"))
    yield Relation("tally", (("total", rank),), (cue,), "document", labels)


def _chain_head(d: _Doc, toks: Sequence[Token], words: Sequence[str], j: int) -> int:
    """The token after the name that heads a chain at ``j`` ("held by Kirk, followed by ..."): the name ends
    right before it (past a comma) and is capitalised; else 0."""
    k = j - 1 if j and words[j - 1] == "," else j
    if k <= 0 or toks[k - 1].fact >= 0:
        return 0
    raw = d.view.text[toks[k - 1].start : toks[k - 1].end]
    return k if raw[:1].isupper() and words[k - 1] not in NOT_NAMES else 0


def _rank_before(d: _Doc, si: int, pos: int, back: int) -> int:
    """The nearest "the Nth <noun>" ordinal before token ``pos``, up to ``back`` sentences back."""
    for s2, k, fi in d.m.figures_before(si, pos, back, SCAN_REACH):
        toks = d.m.tokens[s2]
        f = d.facts[fi]
        if f.kind != "ordinal" or f.value is None or not (2 <= f.value <= COUNT_MAX):
            continue
        if k == 0 or toks[k - 1].text not in _RANK_DETERMINERS:
            continue
        nxt = toks[k + 1].text if k + 1 < len(toks) else "."
        if nxt in _PLACINGS or not nxt[:1].isalpha():
            continue
        return fi
    return -1


_YEAR = startcache.compile(r"\d{4}")


def _titles(d: _Doc) -> Iterator[Relation]:
    """ "competed five times at the festival, with films A (1994), B (1997) and C (2003)": a small count
    and, later in its sentence, a list of titles each dated in brackets. Partial lists ("including", "such
    as") are left alone."""
    for si, pos, fi, f in d.figures(frozenset({"count", "number", "multiple"})):
        v = f.value
        if v is None or f.hedge != "exact" or not (2 <= v <= COUNT_MAX) or v != v.to_integral_value():
            continue
        toks = d.m.tokens[si]
        words = d.m.words[si]
        if f.kind == "multiple" and (
            not f.text.lower().endswith("times") or _tables()["comparative"].starting_at(words, pos + 1)
        ):
            continue  # "four times as many", "three times higher": a multiple, not a count of occasions
        # The first bracketed year after the count, within reach and in its sentence.
        first = -1
        for k in range(pos + 1, min(len(toks), pos + TITLES_REACH + TITLE_WORDS)):
            if words[k] in CLAUSE_END:
                break
            if toks[k].fact >= 0 and d.facts[toks[k].fact].kind == "year" and words[k - 1] == "(":
                first = k
                break
            if toks[k].fact >= 0 and d.facts[toks[k].fact].kind in COUNTABLE:
                break  # another count first: the list is its own
        if first < 0 or _has("partial", words, pos + 1, first) >= 0:
            continue
        count, end = 0, first
        k = first
        while k < len(toks) and toks[k].fact >= 0 and d.facts[toks[k].fact].kind == "year":
            if k + 1 >= len(words) or words[k + 1] != ")":
                break
            count += 1
            end = k + 2
            # Next: ", Title (year)" or "and Title (year)" within a title's length.
            nxt = -1
            if end < len(words) and words[end] in (",", "and"):
                for m in range(end + 1, min(len(toks), end + 2 + TITLE_WORDS)):
                    if words[m] in CLAUSE_END or words[m] == ")":
                        break
                    if toks[m].fact >= 0:
                        if d.facts[toks[m].fact].kind == "year" and words[m - 1] == "(":
                            nxt = m
                        break
            if nxt < 0:
                break
            k = nxt
        if count < 2 or (end < len(words) and _tables()["open_list"].starting_at(words, end + 1)):
            continue
        cue = Span(toks[first].start, toks[end - 1].end)
        yield Relation(
            "tally",
            (("total", fi),),
            (cue,),
            "sentence",
            (("plus", str(count)), ("why", f"{count} dated titles listed")),
        )


def _only_and_others(d: _Doc) -> Iterator[Relation]:
    """ "their one win in six meetings with the visitors, who took all the other five": the
    count of tries is the one-off and the others (6 = 1 + 5)."""
    others = _tables()["others"]
    single = _tables()["single"]
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        words = d.m.words[si]
        hit = others.ending_at(words, pos)
        if not hit or f.hedge != "exact":
            continue
        # "only <noun> in|from|of|out of N <noun>" before it, in this sentence or the one before.
        for s2 in (si, si - 1):
            if s2 < 0:
                continue
            w2 = d.m.words[s2]
            t2 = d.m.tokens[s2]
            top = hit[1] if s2 == si else len(w2)
            found = -1
            for k in range(max(0, top - OTHERS_BACK), top):
                if not single.starting_at(w2, k):
                    continue
                for m in range(k + 2, min(top, k + 5)):
                    if w2[m - 1] in ("in", "from", "of") and t2[m].fact >= 0:
                        whole = t2[m].fact
                        wf = d.facts[whole]
                        if wf.kind in ("count", "number") and wf.hedge == "exact" and whole != fi:
                            found = whole
                        break
                if found >= 0:
                    cue = Span(t2[k].start, t2[k + 1].end)
                    yield Relation(
                        "tally",
                        (("total", found), ("item", fi)),
                        (cue,),
                        "sentence" if s2 == si else "document",
                        (("plus", "1"), ("why", f"one {w2[k + 1]} and the other {f.text}")),
                    )
                    break
            if found >= 0:
                break


def _running_totals(d: _Doc) -> Iterator[Relation]:
    """ "The number of cases stood at 12. ... Eight more people are suspected ... they will bring the total
    to 24": a total named after one addition is the count before it plus the addition (24 = 12 + 8)."""
    verbs = _tables()["running_verbs"]
    nouns = _tables()["running_nouns"]
    reached = _tables()["running_reached"]
    for si, pos, ti, t in d.figures(COUNTABLE):
        words = d.m.words[si]
        toks = d.m.tokens[si]
        k = d.hedge_start(si, pos)
        hit = reached.ending_at(words, k)
        if hit is not None and hit[1] >= 2 and nouns.ending_at(words, hit[1]) and words[hit[1] - 2] == "the":
            # "By Wednesday the count had reached 78": the total as a subject reaching its figure
            verb = hit[1] - 2
        elif pos < 2 or words[pos - 1] != "to":
            continue
        else:
            # "bring(ing) the total (number of cases) to T": a verb, then the total noun, within a few words.
            k = pos - 2
            noun = verb = -1
            while k >= 0 and pos - k <= RUNNING_CUE and toks[k].fact < 0 and words[k] not in CLAUSE_END:
                if noun < 0 and nouns.starting_at(words, k):
                    noun = k
                if verbs.starting_at(words, k):
                    verb = k
                    break
                k -= 1
            if noun < 0 or verb < 0 or noun < verb:
                continue
        added = _addition_before(d, si, verb, t, told=hit is not None)
        if added is None:
            continue
        ai, bi = added
        cue = Span(toks[verb].start, toks[pos - 1].end)
        yield Relation(
            "tally",
            (("total", ti), ("item", bi), ("item", ai)),
            (cue,),
            "document",
            (("plus", "0"), ("why", f"{d.facts[bi].text} and {d.facts[ai].text} more")),
        )


def _one_thing(d: _Doc, a: int, b: int) -> bool:
    """Two counts count one thing: no two different concepts or things told again by other words
    ("homes", "properties": ``[restatement.told_again]``)."""
    ca, cb = d.m.frame(a).concept, d.m.frame(b).concept
    if not ca or not cb or ca == cb:
        return True
    return bool(_things(d, ca) & _things(d, cb))


def _things(d: _Doc, concept: str) -> set[str]:
    """The things a concept names again by other words, in its singular and plural ("property",
    "properties" → home)."""
    forms = {concept, concept + "s", concept[:-1] + "ies" if concept.endswith("y") else concept}
    return {d.v.told_again.get(w, concept) for w in forms}


def _addition_before(d: _Doc, si: int, pos: int, total_fact: object, told: bool = False) -> tuple[int, int] | None:
    """("eight more", the count it adds to): the nearest figure with an "another" role before ``pos`` (this
    sentence or RUNNING_BACK before), then the nearest count of its family before that."""
    add = -1
    add_at = (si, pos)
    for s2, k, fi in d.m.figures_before(si, pos, RUNNING_BACK, SCAN_REACH):
        f = d.facts[fi]
        if f.kind in FRAME_KINDS or f.kind not in COUNTABLE:
            continue
        m = d.m.by_fact.get(fi)
        if s2 == si and (m is None or "another" not in m.roles):
            return None  # another count between the addition and its total: a list, read elsewhere
        if m is not None and "another" in m.roles:
            add, add_at = fi, (s2, k)
            break
    if add < 0:
        return None
    af = d.facts[add]
    for s3, k3, fi in d.m.figures_before(*add_at, RUNNING_BASE_BACK, SCAN_REACH):
        f = d.facts[fi]
        if f.kind in FRAME_KINDS or f.kind == "ordinal" or f.is_range or f.value is None:
            continue
        if _whose_case(d, s3, k3):
            continue  # "For someone on €50,000, that saves a further €242.40": whose case, not the base
        if d.gap_told(s3, k3) or _yardstick(d, s3, k3) or d.supposed(s3, k3):
            continue  # "98 more than today", "double the £215,000", "which would mean 310": no base
        if f.kind in COUNTABLE and same_family(f, af):
            if told and not _one_thing(d, fi, add):
                continue  # "About 120 people spent the night ... another 33 properties": not the count added to
            if _part_of_other_noun(d, fi, add):
                continue  # "had reached 30, including a rescue of four teenagers. ... another 16 callouts"
            return add, fi
        return None  # a figure of another kind nearer: the addition is to something else
    return None


def _part_of_other_noun(d: _Doc, fi: int, add: int) -> bool:
    """The figure is told as some of a count before it and counts another noun than the addition: "the
    tally had reached 30, including a rescue of four teenagers. August brought another 16 callouts" (the
    16 add to the 30); but "12 people, including four children. Another two children died" adds to four."""
    m, am = d.m.by_fact.get(fi), d.m.by_fact.get(add)
    if m is None or am is None or "part" not in m.roles or not m.noun or not am.noun:
        return False
    return singular(m.noun.split()[-1]) != singular(am.noun.split()[-1])


def _yardstick(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` is what another is measured against: after a multiple word ("double the
    £215,000") or "than"."""
    words = d.m.words[si]
    h = d.hedge_start(si, k)
    j = h - 1 if h > 0 and words[h - 1] in ("the", "a") else h
    return j > 0 and (words[j - 1] in d.v.multiples or words[j - 1] == "than")


def _whose_case(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` stands in an opening "For ...," phrase that tells whose case the sentence
    reckons ("For someone on €50,000,", "For a family earning £40,000,"), not an amount of the reckoning."""
    words = d.m.words[si]
    return bool(words) and words[0] == "for" and "," in words[k:] and "," not in words[:k]


def _place_lists(d: _Doc) -> Iterator[Relation]:
    """ "51 cases in the country ... The breakdown by province: fifteen in A, fourteen in B, twelve in C,
    ...": counts given to places, listed in one sentence, are parts of the total given just before."""
    text = d.view.text
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        items: list[int] = []
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind not in ("count", "number") or d.facts[fi].is_range:
                continue
            nxt = pos + 1
            if not (
                nxt + 1 < len(words)
                and words[nxt] == "in"
                and text[toks[nxt + 1].start : toks[nxt + 1].start + 1].isupper()
            ):
                continue
            if items:
                _, prev = d.pos_of(items[-1])
                gap = words[prev + 1 : pos]
                if len(gap) > 6 or not (set(gap) & {",", "and"}) or set(gap) & set(CLAUSE_END):
                    items = []
            items.append(fi)
        if len(items) < 3:
            continue
        _, first = d.pos_of(items[0])
        if _has("by_place", words, 0, first) < 0:
            continue
        total = _total_before(d, si, first, d.facts[items[0]])
        if total < 0:
            continue
        roles = (("total", total),) + tuple(("item", i) for i in items)
        yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))


def _total_before(d: _Doc, si: int, pos: int, like: object) -> int:
    """The largest whole figure (national or total) of the nearest sentence before that has one."""
    for s2 in range(si, max(-1, si - PLACES_BACK - 1), -1):
        toks = d.m.tokens[s2]
        top = pos if s2 == si else len(toks)
        best = -1
        for k in range(max(0, top - SCAN_REACH), top):
            fi = toks[k].fact
            if fi < 0:
                continue
            f = d.facts[fi]
            if f.kind not in ("count", "number") or f.is_range or f.value is None:
                continue
            if _scope(d, fi) != "whole":
                continue
            bv = d.facts[best].value if best >= 0 else None
            if bv is None or f.value > bv:
                best = fi
        if best >= 0:
            return best
    return -1


def _balances(d: _Doc) -> Iterator[Relation]:
    """ "The trade gap was £3.1bn. ... Exports rose to £24.8bn, while imports reached £27.9bn.": a balance
    and the two flows it is the difference of, told in its sentence or the next BALANCE_NEXT. Read as a
    breakdown: the larger flow is the smaller one plus the balance."""
    for si, pos, gi, g in d.figures(frozenset({"money"})):
        words = d.m.words[si]
        side = _balance_side(d, si, pos)
        if not side or _old_end(words, pos):
            continue
        flows: dict[str, int] = {}
        for s2 in range(si, min(len(d.m.tokens), si + BALANCE_NEXT + 1)):
            found: dict[str, int] = {}
            for k, tok in enumerate(d.m.tokens[s2][: (pos + 1 if s2 == si else 0) + SCAN_REACH]):
                fi = tok.fact
                if fi < 0 or fi == gi or (s2 == si and k <= pos):
                    continue
                f = d.facts[fi]
                if f.kind != "money" or f.unit != g.unit or f.is_range or f.value is None:
                    continue
                w2 = d.m.words[s2]
                if _old_end(w2, k) or _balance_side(d, s2, k):
                    continue
                flow = _flow(d, s2, k)
                if flow and flow not in found:
                    found[flow] = fi
            if len(found) == 2:
                flows = found
                break
        if len(flows) != 2:
            continue
        inflow, outflow = flows["inflow"], flows["outflow"]
        if side == "deficit":
            big, small = outflow, inflow
        elif side == "surplus":
            big, small = inflow, outflow
        else:
            iv, ov = d.facts[inflow].value, d.facts[outflow].value
            if iv is None or ov is None:
                continue
            big, small = (inflow, outflow) if iv >= ov else (outflow, inflow)
        roles = (("total", big), ("item", small), ("item", gi))
        yield Relation("breakdown", roles, (), "document", (("inclusive", ""),))


def _balance_side(d: _Doc, si: int, pos: int) -> str:
    """ "deficit", "surplus" or "gap" when a balance word stands before the figure in its clause."""
    words = d.m.words[si]
    lo = max(d.m.clause_start(si, pos), pos - BALANCE_REACH)
    for key in ("deficit", "surplus", "gap"):
        if _has(key, words, lo, pos) >= 0:
            return key
    return ""


def _flow(d: _Doc, si: int, pos: int) -> str:
    """ "inflow" ("exports rose to £24.8bn", "exported £16.9bn") or "outflow" by the flow word nearest
    before the figure in its clause ("exports rose to €9.4bn and imports to €11.6bn")."""
    words = d.m.words[si]
    lo = max(d.m.clause_start(si, pos), pos - BALANCE_REACH)
    tables = _tables()
    for k in range(pos - 1, lo - 1, -1):
        for key in ("inflow", "outflow"):
            if tables[key].starting_at(words, k):
                return key
    return ""


def _old_end(words: Sequence[str], pos: int) -> bool:
    """ "down from October's £3.6bn": the figure is an older value, not the one told now."""
    return "from" in words[max(0, pos - 3) : pos]


def _all_of_listed(d: _Doc) -> Iterator[Relation]:
    """ "Police held two men and a woman. All three were released.": "all N" at the head of a clause
    counts the items listed in the sentence before ("a"/"an" is one, a count is its value). When "all N"
    names what it counts, the list's last item must name the same thing ("a fake drug and three herbal
    preparations. All four preparations ...")."""
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        words = d.m.words[si]
        v = f.value
        if si == 0 or pos == 0 or words[pos - 1] != "all" or f.hedge != "exact" or v is None:
            continue
        if not (2 <= v <= COUNT_MAX) or v != v.to_integral_value():
            continue
        if pos >= 2 and words[pos - 2] not in (",", ";", ":", "and", "but"):
            continue
        listed = _listed_items(d, si - 1)
        if listed is None:
            continue
        count, noun, cue = listed
        after = words[pos + 1] if pos + 1 < len(words) else ""
        if after.isalpha() and after not in ("of", "were", "are", "was", "had", "have", "said", "will", "would"):
            if not noun or singular(after) != singular(noun):
                continue
        why = f"{count} listed in the sentence before"
        yield Relation("tally", (("total", fi),), (cue,), "document", (("plus", str(count)), ("why", why)))


def _listed_items(d: _Doc, si: int) -> tuple[int, str, Span] | None:
    """The items of the last list in sentence ``si`` ("a fake drug (…), and three herbal preparations"):
    (how many things, the last item's noun, the list's span). None unless at least two items, and no
    count follows the list in its sentence."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    inside = _tables()["inside_item"]
    # Whether a count outside brackets stands after each token (one pass each way: linear).
    depth = 0
    bracketed = []
    for w in words:
        depth += w == "("
        bracketed.append(depth > 0)
        depth -= w == ")" and depth > 0
    count_after = [False] * (len(words) + 1)
    for k in range(len(words) - 1, -1, -1):
        fi = toks[k].fact
        here = fi >= 0 and d.facts[fi].kind in ("count", "number") and not bracketed[k]
        count_after[k] = count_after[k + 1] or here
    for a in range(len(words) - 2, 0, -1):
        if words[a] != "and":
            continue
        last = _item_value(d, si, a + 1)
        if last is None:
            continue
        if count_after[a + 2]:
            return None  # "... and three others, along with 12 guards": the list goes on
        noun = _last_noun(words, a + 2)
        total = last
        j = a - 1
        first = a + 1
        found = 1
        while j >= 0:
            if words[j] == ",":
                j -= 1
                continue
            # Back over one item: its words (a bracketed aside skipped whole) to its start.
            k = j
            steps = 0
            start = -1
            while k >= 0 and steps <= TITLE_WORDS + 2:
                if words[k] == ")":
                    while k >= 0 and words[k] != "(":
                        k -= 1
                    k -= 1
                    continue
                if words[k] in CLAUSE_END or words[k] in (",", "and"):
                    break
                value = _item_value(d, si, k)
                if value is not None and not (k > 0 and inside.starting_at(words, k - 1)):
                    start = k
                    break
                k -= 1
                steps += 1
            if start < 0:
                break
            total += _item_value(d, si, start) or 0
            found += 1
            first = start
            if start == 0 or words[start - 1] != ",":
                break
            j = start - 2
        if found < 2:
            return None
        return total, noun, Span(toks[first].start, toks[min(len(toks) - 1, a + 1)].end)
    return None


def _item_value(d: _Doc, si: int, k: int) -> int | None:
    """How many things an item starting at token ``k`` counts: 1 for "a"/"an"/"one", a count's value."""
    words = d.m.words[si]
    if k >= len(words):
        return None
    if words[k] in ("a", "an"):
        return 1
    fi = d.m.tokens[si][k].fact
    if fi < 0:
        return None
    f = d.facts[fi]
    v = f.value
    if f.kind not in ("count", "number") or f.hedge != "exact" or v is None or v != v.to_integral_value():
        return None
    return int(v) if 1 <= v <= COUNT_MAX else None


def _last_noun(words: Sequence[str], start: int) -> str:
    """The noun ending the item that starts after token ``start``: its last word before a bracket, a
    comma or a verb-like word, at most four words on."""
    noun = ""
    inside = _tables()["inside_item"]
    for k in range(start, min(len(words), start + 4)):
        w = words[k]
        if not w.isalpha() or w in ("were", "was", "are", "is", "had", "have", "which", "who", "that"):
            break
        if inside.starting_at(words, k):
            break
        noun = w
    return noun


def _more_of_told(d: _Doc) -> Iterator[Relation]:
    """ "Over 900 asylum seekers rescued" ... "fishermen rescued over 700 asylum seekers, and the navy saved
    200 more": a count and "N more" of it, told just after the headline or lead gave their total. Hedged
    figures are read near their printed value ("over 700" is 700 and a little), as an editor reads them."""
    for si, pos, mi, m in d.figures(frozenset({"count", "number"})):
        words = d.m.words[si]
        if (
            not (pos + 1 < len(words) and words[pos + 1] == "more")
            and _tables()["another"].ending_at(words, pos) is None
        ):
            continue
        if d.gap_told(si, pos):
            continue  # "18.4 million, 1.6 million more than the 16.8 million": a gap between two levels
        toks = d.m.tokens[si]
        a = -1
        for k in range(pos - 1, max(-1, pos - MORE_REACH), -1):
            fi = toks[k].fact
            if fi < 0:
                continue
            f = d.facts[fi]
            if f.kind in ("count", "number") and not f.is_range and f.value is not None:
                if _where_counted(d, si, k):
                    continue  # "all 17 seats in the town's six wards and another 16": where the part is
                a = fi
                break
            if f.kind not in FRAME_KINDS and f.kind != "money":
                break
        if a < 0:
            continue
        w = _told_total(d, si, a)
        if w < 0 or not _one_action(d, w, a, mi) or not _later_fits(d, w, a, mi):
            continue
        why = f"{d.facts[a].text} and {m.text} more"
        yield Relation(
            "tally",
            (("total", w), ("item", a), ("item", mi)),
            (),
            "document",
            (("plus", "0"), ("why", why), ("near", "yes")),
        )


# Words between a place's preposition and a count of places: "in the town's six wards", "across its 12 sites".
_PLACE_DETERMINERS = frozenset({"its", "their", "the", "his", "her", "our"})


def _where_counted(d: _Doc, si: int, k: int) -> bool:
    """The count at token ``k`` is a preposition's object after another figure of its clause: the number of
    places a part was counted in ("17 seats in the town's six wards"), not a part."""
    words, toks = d.m.words[si], d.m.tokens[si]
    j = d.hedge_start(si, k) - 1  # "rescued over 700": a hedge, no preposition
    for _ in range(2):
        if j >= 0 and (words[j] in _PLACE_DETERMINERS or words[j].endswith(("'s", "s'"))):
            j -= 1
    if j < 1 or words[j] not in _ASIDE_PREPOSITIONS:
        return False
    return any(
        toks[i].fact >= 0 and d.facts[toks[i].fact].kind in ("count", "number")
        for i in range(d.m.clause_start(si, j), j)
    )


def _one_action(d: _Doc, total: int, *parts: int) -> bool:
    """The total and its parts are not told of two different actions ("9,000 jobs were cut" is not the
    total of "3,100 will leave London and another 2,600 will be relocated")."""
    told = {action_of(d, *d.pos_of(fi)) for fi in (total, *parts)} - {""}
    return len(told) <= 1


def _told_total(d: _Doc, si: int, a: int) -> int:
    """The count in the first LEAD_SENTENCES sentences, at most MORE_BACK sentences before ``si``, that
    counts what ``a`` counts (its concept, or a word of its noun phrase)."""
    am = d.m.by_fact.get(a)
    concept = am.concept if am else None
    if not concept:
        return -1
    for s2 in range(max(0, si - MORE_BACK), min(si, LEAD_SENTENCES)):
        toks = d.m.tokens[s2]
        words = d.m.words[s2]
        for k, tok in enumerate(toks[:SCAN_REACH]):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind not in ("count", "number") or d.facts[fi].is_range:
                continue
            h = d.hedge_start(s2, k)
            if h > 0 and words[h - 1] in ("to", "from"):
                continue  # "were reduced to 15 seats, down from 33": one side's change, no told total
            wm = d.m.by_fact.get(fi)
            near = {d.v.concepts.get(x) for x in words[k + 1 : k + 1 + NOUN_WORDS]}
            if (wm and wm.concept == concept) or concept in near:
                return fi
    return -1


def _bands(d: _Doc) -> Iterator[Relation]:
    """ "Just 22% of nurses commute more than 30 miles ... 41% of nurses commute less than 5 miles": shares of one
    group on either side of two thresholds, the lower one below the upper one, are separate groups, so
    together they are at most 100% (relation ``shares``). Only the latest share of each side is kept per
    group, verb and kind of threshold, so building stays linear."""
    # key + side -> (share, threshold, sentence, the group's place)
    latest: dict[tuple[str, str, str, str], tuple[int, int, int, str]] = {}
    for si, pos, fi, _ in d.figures(frozenset({"percent"})):
        band = _band(d, si, pos)
        if band is None:
            continue
        group, verb, ti, side, place = band
        t = d.facts[ti]
        key = (group, verb, family(t))
        other = latest.get((*key, "below" if side == "above" else "above"))
        latest[(*key, side)] = (fi, ti, si, place)
        if other is None or si - other[2] > BANDS_BACK:
            continue
        of, oti, _, other_place = other
        if place and other_place and place != other_place:
            continue  # "nurses in the north ... nurses in the south": two groups
        low, high = (ti, oti) if side == "below" else (oti, ti)
        lv, hv = d.facts[low].value, d.facts[high].value
        if lv is None or hv is None or lv > hv:
            continue  # "under £60,000" and "over £50,000" overlap
        yield Relation("shares", (("item", of), ("item", fi)), (), "document" if si != other[2] else "sentence")


# Words that end a group's clause before its verb: no band follows.
_NOT_BAND_VERBS = frozenset({"and", "or", "of", "compared", "while", "who", "which", "that"})
# Words of a group's place between it and its verb ("of nurses in the trust earn").
BAND_PLACE_WORDS = 4


def _band(d: _Doc, si: int, pos: int) -> tuple[str, str, int, str, str] | None:
    """ "22% of nurses commute more than 30 miles" → ("nurse", "commute", threshold, "above", ""); "21% of
    nurses in the trust earn more than £45,000" → (..., "in the trust"), else None."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    j = pos + 1
    if j + 3 >= len(words) or words[j] != "of":
        return None
    j += 1
    if words[j] in ("the", "all", "its", "their"):
        j += 1
    if j + 2 >= len(words) or not words[j].isalpha():
        return None
    group, verb, place = singular(words[j]), words[j + 1], ""
    if not verb.isalpha() or verb in _NOT_BAND_VERBS:
        return None
    if verb in ("in", "at"):
        # "21% of nurses in the trust earn more than £45,000": the group's place, then its verb
        for k in range(j + 2, min(len(words) - 1, j + 2 + BAND_PLACE_WORDS)):
            if not words[k].isalpha() or words[k] in _NOT_BAND_VERBS or toks[k].fact >= 0:
                return None
            if _tables()["bound"].starting_at(words, k + 1) is not None:
                place = " ".join(words[j + 1 : k])
                j, verb = k - 1, words[k]  # the word before "more than £45,000" is the group's verb
                break
        else:
            return None
    for k in range(j + 2, min(len(words), j + 2 + BAND_WORDS)):
        ti = toks[k].fact
        if ti < 0:
            if not _tables()["bound"].starting_at(words, k) and words[k] not in ("than", "least", "most", "for"):
                return None
            continue
        t = d.facts[ti]
        if t.kind in ("percent", "share") or t.is_range or t.value is None:
            return None
        side = {"more than": "above", "at least": "above", "less than": "below", "at most": "below"}.get(t.hedge)
        return (group, verb, ti, side, place) if side else None
    return None


def _another_slices(d: _Doc) -> Iterator[Relation]:
    """ "The largest share - nearly 40% - involved parking. ... Another 22% came from noise, while
    9% of complaints involved litter": "another N%" is a slice apart from those told before it in its
    paragraph, and from the slices listed after it in its sentence. Of the earlier ones only the largest is
    taken: a slice of a slice is never larger than its parent, so the largest is a slice of the whole."""
    paragraphs = [s.paragraph for s in d.view.doc.sentences]
    changing: dict[int, bool] = {}

    def still(si: int) -> bool:
        if si not in changing:
            changing[si] = _changing(d, si)
        return not changing[si]

    for si, pos, fi, _ in d.figures(frozenset({"percent"})):
        words = d.m.words[si]
        if _tables()["another"].ending_at(words, pos) is None or not still(si):
            continue
        largest = -1
        for s2 in range(si - 1, max(-1, si - SLICES_BACK - 1), -1):
            if paragraphs[s2] != paragraphs[si] or not still(s2):
                break
            for tok in d.m.tokens[s2][:SCAN_REACH]:
                e = tok.fact
                if e < 0 or d.facts[e].kind != "percent" or d.facts[e].is_range:
                    continue
                ev = d.facts[e].value
                lv = d.facts[largest].value if largest >= 0 else None
                if ev is not None and (lv is None or ev > lv):
                    largest = e
        if largest < 0:
            continue
        items = [fi, largest]
        toks = d.m.tokens[si]
        for k in range(pos + 1, min(len(toks), pos + SCAN_REACH)):
            if words[k] in CLAUSE_END:
                break
            later = toks[k].fact
            if later < 0 or d.facts[later].kind != "percent" or d.facts[later].is_range:
                continue
            if not set(words[max(pos + 1, k - 3) : k]) & {"while", "and", ","}:
                break
            if k + 2 < len(words) and words[k + 1] == "of" and words[k + 2] in d.v.anaphora:
                break  # "13% of them": a slice of the slice before
            items.append(later)
        yield Relation("shares", tuple(("item", i) for i in items), (), "document")


def _years_listed(d: _Doc) -> Iterator[Relation]:
    """ "has won the cup twice, in 1994, 1997 and 2003": the years listed for a count of occasions are at
    most as many as the occasions (two wins may fall in one year, but three years need three wins). Label
    ``bound`` "at-least": the count is at least the years listed."""
    for si, pos, fi, f in d.figures(frozenset({"count", "number", "multiple"})):
        v = f.value
        if v is None or f.hedge != "exact" or not (1 <= v <= COUNT_MAX) or v != v.to_integral_value():
            continue
        words = d.m.words[si]
        toks = d.m.tokens[si]
        if f.kind == "multiple" and (
            f.text.lower() not in ("once", "twice", "thrice") and not f.text.lower().endswith("times")
        ):
            continue
        if f.kind == "multiple" and _tables()["comparative"].starting_at(words, pos + 1):
            continue
        # ", in 1994, 1997 and 2003" (or " - in ...") right after the count (its noun may stand between:
        # "three titles, in").
        k = pos + 1
        while k < len(words) and k - pos <= 4 and words[k] != "in" and toks[k].fact < 0:
            if words[k] in CLAUSE_END:
                break
            k += 1
        if k >= len(words) or words[k] != "in" or (k > pos + 1 and words[k - 1] not in (",", "-", "—", "–")):
            continue
        years: list[int] = []
        j = k + 1
        while j < len(toks) and toks[j].fact >= 0 and d.facts[toks[j].fact].kind == "year":
            years.append(toks[j].fact)
            if j + 2 < len(words) and words[j + 1] in (",", "and") and toks[j + 2].fact >= 0:
                j += 2
                continue
            j += 1
            break
        texts = {d.facts[y].text for y in years}
        if len(years) < 2 or len(texts) != len(years):
            continue
        cue = Span(toks[k + 1].start, toks[j - 1].end)
        labels = (("plus", str(len(years))), ("why", f"{len(years)} years listed"), ("bound", "at-least"))
        yield Relation("tally", (("total", fi),), (cue,), "sentence", labels)


# Words between "of" and the whole an ordinal is counted within: "the fourth day of his three-day tour".
_WHOLE_DETERMINERS = frozenset("the a an his her its their our this that".split())


def _ordinals_within(d: _Doc) -> Iterator[Relation]:
    """ "the fourth day of his three-day tour", "the fifth of their four meetings": an ordinal counted within
    a whole told by its length or its count, of the same thing (a day of days, a meeting of meetings, or
    the ordinal's noun left out). An ``ordinal`` relation (ordinal, whole), label ``noun``."""
    for si, pos, fi, f in d.figures(frozenset({"ordinal"})):
        if f.value is None or f.value < 2 or f.value != f.value.to_integral_value():
            continue
        words, toks = d.m.words[si], d.m.tokens[si]
        k = pos + 1
        noun = ""
        if k < len(words) and words[k] != "of" and words[k][:1].isalpha() and toks[k].fact < 0:
            noun = singular(words[k])
            k += 1
        if k >= len(words) or words[k] != "of":
            continue
        k += 1
        while k < len(words) and words[k] in _WHOLE_DETERMINERS and k - pos < 6:
            k += 1
        if k >= len(words) or toks[k].fact < 0:
            continue
        wi = toks[k].fact
        w = d.facts[wi]
        if w.value is None or w.is_range or w.hedge != "exact":
            continue
        if w.kind == "duration":
            if not noun or w.unit != noun:
                continue  # "the 50th anniversary of the 12-day war": another thing counted
        elif w.kind in ("count", "number"):
            counted = singular(words[k + 1]) if k + 1 < len(words) and words[k + 1][:1].isalpha() else ""
            if noun and counted != noun:
                continue  # "the third round of the 12 clubs"
            noun = noun or counted
        else:
            continue
        if not noun:
            continue
        yield Relation("ordinal", (("ordinal", fi), ("whole", wi)), (), "clause", (("noun", noun),))


# Words that may open a sentence before a group's count: "But the three ...", "All four ...".
_GROUP_OPENERS = frozenset("but and then the all".split())
# Words right after a group's count that keep it the group itself: "The three were jailed", "The four of them".
_GROUP_NEXT = frozenset("of who had have has were are was will would all both each".split())
# Words that may open a sentence before the names of a group: "But A, B and C made amends".
_NAMES_OPENERS = frozenset("but and then".split())


def _groups_named_before(d: _Doc) -> Iterator[Relation]:
    """ "A, B, C and D made amends in the relay. The trio held off the USA": a group told by its size at
    the head of a sentence ("The three", "All four", "The trio") stands for the names that open the
    sentence before, so its count is theirs. A ``tally`` relation (total = the count), label ``plus`` the
    names counted. Only names that open their sentence (the group that acted) and a count with no noun
    of its own after it, or a noun of people, are read."""
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        if si == 0 or f.value is None or f.hedge != "exact" or f.is_range or not (2 <= f.value <= COUNT_MAX):
            continue
        words = d.m.words[si]
        if pos == 0 or not all(w in _GROUP_OPENERS for w in words[:pos]) or words[pos - 1] not in ("the", "all"):
            continue
        nxt = words[pos + 1] if pos + 1 < len(words) else "."
        if nxt[:1].isalpha() and nxt not in _GROUP_NEXT and not d.verb_like(nxt):
            continue  # "The three cases": a count of its own noun
        # A sentence with no figure has no tokens of its own: read its words here.
        prev_toks: Sequence[Token] = d.m.tokens[si - 1] or _plain_tokens(d, si - 1)
        prev_words = [t.text for t in prev_toks]
        k = 0
        while k < len(prev_words) and prev_words[k] in _NAMES_OPENERS:
            k += 1
        if k >= len(prev_toks) or not _capital(d.view.text, prev_toks[k]):
            continue
        listed = _names_after(d, prev_toks, prev_words, k)
        if listed is None:
            continue
        count, end = listed
        if end < len(prev_words) and prev_words[end] in (",", "and") or count == f.value:
            continue  # a list that goes on, or the count that fits
        cue = Span(prev_toks[k].start, prev_toks[end - 1].end)
        why = f"{count} named before: {d.view.text[cue.start : cue.end]}"
        yield Relation("tally", (("total", fi),), (cue,), "document", (("plus", str(count)), ("why", why)))
