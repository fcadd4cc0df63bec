"""Groups of figures that belong together: enumerations ("three countries: A, B and C"),
remainders ("the remaining 12%"), listed and placed shares, answers and their negation,
outcomes ("55 were stolen ... 58 recovered"), complementary shares (men/women).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from numcheck.mentions import CLAUSE_END
from numcheck.model import Fact, Span
from numcheck.relations.base import _NOT_PART_NOUNS, Relation, _Doc, sized_group
from numcheck.relations.lists import _tables, past_article
from numcheck.relations.stakes import stake_like

# A count of listed names: at most this many ("Nine countries — ..."), its noun at most this many words,
# each name at most this many words, opened by one of these.
ENUM_MAX = 20
ENUM_NOUN = 6
ENUM_ITEM = 5
ENUM_OPEN = frozenset({"—", "–", ":", "(", "-"})
# Words an item of a list in lower case may have ("four aims: housing, public transport and schools").
LOWER_ITEM = 4
# Words after a figure that the verb said of it may stand ("55 statues were stolen", "nine subsequently died").
OUTCOME_REACH = 5
# Verbs of an answer, and the words that negate one ("60% saying they did not").
ANSWER_VERBS = frozenset("said saying say says thought think believed believe agreed agree".split())
NEGATIONS = frozenset("not didn't don't no never".split())
# Tokens after a share that its answer word may stand ("60% of the 2,000 voters backed").
ANSWER_REACH = 8
# Tokens back (per sentence) that the other shares of a remainder are read from.
REMAINDER_TOKENS = 60
# Sentences back (in one paragraph) that the other shares of a remainder may stand.
REMAINDER_BACK = 2


def _enumerations(d: _Doc) -> Iterator[Relation]:
    """A small count followed by the list of what it counts: "Nine countries — Australia, Brazil, ...
    and the US", "the seven main areas of Brazil (Sao Paulo, Rio, ...)". Label ``items``: how many
    names the list gives."""
    text = d.view.text
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0:
                continue
            f = d.facts[fi]
            if f.kind not in ("count", "number") or f.hedge != "exact" or f.value is None:
                continue
            if not (2 <= f.value <= ENUM_MAX) or f.value != f.value.to_integral_value():
                continue
            # The counted noun (a few words, "of Brazil" allowed), then the list opener.
            j = pos + 1
            told = -1  # "The five films are A, B and C": a definite count, its noun, then "are"
            while j < len(words) and j - pos <= ENUM_NOUN and words[j] not in ENUM_OPEN and toks[j].fact < 0:
                if words[j] in CLAUSE_END or words[j] == "," or words[j] in _PARTIAL_OPEN:
                    break
                if told < 0 and words[j] in _TOLD_ARE and j > pos + 1:
                    told = j
                j += 1
            if pos + 1 < len(words) and words[pos + 1] == "of" and f.text.lower() in _GROUP_SIZES:
                told = j = pos + 1  # "the trio of A, B and C"
            # "eight countries, including A, B, ...": a list that may leave names out, never more than its count.
            partial = _partial_open(words, j) if j > pos + 1 and _bare_noun(d, si, pos + 1, j) else 0
            apposed = not partial and j < len(words) and words[j] == "," and _bare_noun(d, si, pos + 1, j)
            namely = not partial and j + 1 < len(words) and words[j] == "," and words[j + 1] == "namely"
            if (
                j >= len(words)
                or (words[j] not in ENUM_OPEN and not apposed and not partial and not namely)
                or j == pos + 1
            ):
                if told < 0 or words[pos - 2 : pos - 1] == ("of",):
                    continue  # not "Two of the five films are A and B"
                named = _tables()["named_as"].starting_at(words, told + 1)
                if not named and (not pos or words[pos - 1] not in _DEFINITE or words[told] == "been"):
                    continue
                j = named[1] - 1 if named else told  # "Four men were named as A, B and C"
            else:
                told = -1
            start = partial if partial else j + 2 if namely else j + 1
            closing = ")" if words[j] == "(" else ""
            items = _list_items(d, si, start, closing=closing, lower=words[j] == ":", open_end=bool(partial))
            if items is None:
                continue
            count, end = items
            if apposed and not namely and not _closed_apposition(words, j + 1, end, opening=pos <= 2):
                continue  # "three stations, A and B." must end its sentence with one "and"
            if apposed and words[end - 1] == ",":
                end -= 1  # "The three winners, A, B and C, shared": the closing comma is no part of the list
            if (told >= 0 or namely) and (not _list_ends(words, end) or _OPEN_LIST & set(words[start:end])):
                continue
            if partial and (words[start:end].count("and") != 1 or _OPEN_LIST & set(words[start:end])):
                continue
            cue = Span(toks[j].start, toks[end - 1].end)
            labels: tuple[tuple[str, str], ...] = (
                ("items", str(count)),
                ("list", text[toks[start].start : toks[end - 1].end]),
            )
            if partial:
                labels += (("partial", "yes"),)
            yield Relation("enumeration", (("count", fi),), (cue,), "clause", labels)


# Verbs after a definite count and its noun that open the list of them ("The five films are A, B and C",
# "Four men have been named as A, B and C": ``named_as``),
# the words that make a count definite, and the group words that may open a list with "of" ("the trio of").
_TOLD_ARE = frozenset({"are", "were", "been"})
_DEFINITE = frozenset({"the", "all", "these", "those"})
_GROUP_SIZES = frozenset({"duo", "trio", "quartet", "quintet", "sextet"})


def _list_ends(words: tuple[str, ...] | list[str], end: int) -> bool:
    """A list read after "are" or "namely" ends its clause, and nothing after it adds to it ("plus ...")."""
    if end >= len(words) or words[end] in CLAUSE_END:
        return True
    if words[end] != ",":
        return False
    return not (end + 1 < len(words) and _tables()["list_goes_on"].starting_at(words, end + 1))


# Words after a count's noun that open a list which may leave names out: "eight countries including A, B".
_PARTIAL_OPEN = frozenset({"including", "among", "amongst", "notably", "such"})


def _partial_open(words: tuple[str, ...] | list[str], j: int) -> int:
    """The first token of the names after a partial opener at ``j`` (past a comma before it): "including",
    "among them", "such as", "notably"; else 0."""
    k = j + 1 if j < len(words) and words[j] == "," else j
    if k >= len(words) or words[k] not in _PARTIAL_OPEN:
        return 0
    if words[k] in ("among", "amongst"):
        return k + 2 if k + 1 < len(words) and words[k + 1] in ("them", "whom", "which", "those") else 0
    if words[k] == "such":
        return k + 2 if k + 1 < len(words) and words[k + 1] == "as" else 0
    return k + 1


# Words between a win verb and its count ("won the award three times"), and of one item of a list of
# wins ("best film of the year").
WIN_REACH = 4
WON_ITEM = 6
# Words that end the last item of a list of wins and open what follows it ("... and best actor at the awards").
_TAIL = frozenset("at in on during for from by with after before".split())


def _won_lists(d: _Doc) -> Iterator[Relation]:
    """ "The film won four times, taking best picture and best director at the ceremony": a count of wins
    (a win verb just before it, ``win_verbs``), then after a comma a verb of winning (``win_naming``) and
    the wins it names, joined by one "and", each a few words. Read only in a sentence with such a verb.
    A list with a figure, "including"/"among" or more after it ("plus ...") is left alone."""
    text = d.view.text
    naming = _tables()["win_naming"]
    firsts = naming.by_first
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        if firsts.keys().isdisjoint(words):
            continue
        for g in naming.starts_in(words):
            hit = naming.starting_at(words, g)
            if hit is None or g < 2 or words[g - 1] != ",":
                continue
            fi = _wins_count(d, si, g - 1)
            if fi < 0:
                continue
            got = _won_items(d, si, hit[1])
            if got is None:
                continue
            count, end = got
            cue = Span(toks[hit[1]].start, toks[end - 1].end)
            labels = (("items", str(count)), ("list", text[cue.start : cue.end]))
            yield Relation("enumeration", (("count", fi),), (cue,), "clause", labels)


def _wins_count(d: _Doc, si: int, comma: int) -> int:
    """The count of wins before the comma at ``comma``: "won four times" right before it, or "won three
    awards" with a few words of its noun; a win verb at most ``WIN_REACH`` words before the count."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = comma - 1
    while k >= 0 and toks[k].fact < 0 and comma - k <= APPOSED_NOUN:
        k -= 1
    if k < 0 or toks[k].fact < 0:
        return -1
    fi = toks[k].fact
    f = d.facts[fi]
    v = f.value
    if f.is_range or v is None or f.hedge != "exact" or not (2 <= v <= ENUM_MAX) or v != v.to_integral_value():
        return -1
    if f.kind == "multiple":
        if k != comma - 1 or not f.text.lower().endswith(("times", "twice")):
            return -1
    elif f.kind not in ("count", "number") or not _bare_noun(d, si, k + 1, comma):
        return -1
    verbs = _tables()["win_verbs"]
    for j in range(k - 1, max(-1, k - 1 - WIN_REACH), -1):
        if words[j] in CLAUSE_END or words[j] == "," or toks[j].fact >= 0:
            return -1
        if verbs.starting_at(words, j):
            return fi
    return -1


def _won_items(d: _Doc, si: int, start: int) -> tuple[int, int] | None:
    """The wins named from token ``start``: items joined by commas and one "and", each at most
    ``WON_ITEM`` words, the last ending at the sentence's end or a word of ``_TAIL`` (and its clause
    holding no other "and" or figure): (count, end)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    count = item = ands = 0
    k = start
    while k < len(words):
        w = words[k]
        if toks[k].fact >= 0 or w in _OPEN_LIST:
            return None
        if w in CLAUSE_END or w in ("—", "–", "-", "(") or (ands and item and w in _TAIL):
            break
        if w == ",":
            if ands:
                if k + 1 < len(words) and _tables()["list_goes_on"].starting_at(words, k + 1):
                    return None
                break
            if not item:
                return None
            count, item = count + 1, 0
        elif w == "and":
            if ands or not item:
                return None
            count, item, ands = count + 1, 0, 1
        else:
            item += 1
            if item > WON_ITEM:
                return None
        k += 1
    if not ands or not item:
        return None
    for j in range(k, len(words)):
        if words[j] in CLAUSE_END or words[j] == ",":
            break
        if words[j] == "and" or toks[j].fact >= 0:
            return None  # "... and best director in 2001 and best film in 2004": the list goes on
    return count + 1, k


# Tokens from a count to the "in" or "of" before a group told by its size ("16 newcomers in GB's
# 12-strong team"), and from that word to the size.
SIZED_REACH = 8
SIZED_DET = 3
_SIZED_LINKS = frozenset({"in", "of", "among", "amongst", "from"})


def _sized_wholes(d: _Doc) -> Iterator[Relation]:
    """A count told as part of a group named by its size: "16 newcomers in GB's 12-strong team", "three
    of the 11-member panel", "Of the 12-man crew, 15 were engineers". A ``part`` relation (part: the
    count; whole: the size)."""
    text = d.view.text
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        sized = [
            k
            for k, t in enumerate(toks)
            if t.fact >= 0 and d.facts[t.fact].value is not None and sized_group(text, d.facts[t.fact])
        ]
        if not sized:
            continue
        for k in sized:
            wi = toks[k].fact
            link = next((x for x in range(k - 1, max(-1, k - 2 - SIZED_DET), -1) if words[x] in _SIZED_LINKS), -1)
            if link < 0 or any(toks[x].fact >= 0 for x in range(link + 1, k)):
                continue
            if link == 0 or (link == 1 and words[0] in ("of", "among")):
                # "Of the 12-man crew, 15 were engineers": the first count after the comma
                comma = next((x for x in range(k + 1, min(len(words), k + 5)) if words[x] == ","), -1)
                part = (
                    next((x for x in range(comma + 1, min(len(words), comma + 3)) if toks[x].fact >= 0), -1)
                    if comma > 0
                    else -1
                )
            else:
                part = next(
                    (
                        x
                        for x in range(link - 1, max(-1, link - 1 - SIZED_REACH), -1)
                        if toks[x].fact >= 0 and d.facts[toks[x].fact].kind != "ordinal"  # "first-timers"
                    ),
                    -1,
                )
                if part >= 0 and any(words[x] in CLAUSE_END or words[x] == "," for x in range(part + 1, link)):
                    part = -1
            if part < 0:
                continue
            pi = toks[part].fact
            if d.facts[pi].kind != "count" or d.facts[pi].is_range or d.facts[pi].value is None:
                continue
            if words[link] == "in" and _venue_size(text, d.facts[wi]):
                continue  # "361,700 saw shows in the 1,150-seat main house": a venue's seats, no group of them
            yield Relation("part", (("part", pi), ("whole", wi)), (d.span(si, link, link + 1),), "clause")


def _venue_size(text: str, f: Fact) -> bool:
    """The size compound counts seats ("1,150-seat"): a place's capacity, which people "in" it are no part of."""
    return text[f.span.end : f.span.end + 6].lower().startswith("-seat")


# Words of a count's noun before names set beside it: "three digital stations, A and B".
APPOSED_NOUN = 3
# Words in a list that leave it open: "Wimbledon and the US Open among them".
_OPEN_LIST = frozenset({"among", "amongst", "including", "such", "like", "other", "others", "also"})


def _bare_noun(d: _Doc, si: int, lo: int, hi: int) -> bool:
    """Tokens ``lo`` to ``hi`` are only the count's noun in lower case ("digital stations"): no name, no
    preposition ("mines across Kent", "top three of A")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    text = d.view.text
    return 0 < hi - lo <= APPOSED_NOUN and all(
        words[k].isalpha()
        and text[toks[k].start].islower()
        and words[k] not in d.v.not_names
        and words[k] not in _NOT_NOUN
        for k in range(lo, hi)
    )


_NOT_NOUN = frozenset("of in across at from to for by with and or on into among between".split())


def _closed_apposition(words: tuple[str, ...] | list[str], start: int, end: int, opening: bool = False) -> bool:
    """Names set beside a count after a comma ("followed by three stations, Rock FM and Groove FM."):
    the names end the sentence, or, after a count that opens it, a comma closes them before its verb
    ("The three winners, A, B, C and D, shared the prize"); one "and" joins the last, and no word leaves
    the list open."""
    closed_here = opening and 0 < end < len(words) and words[end - 1] == "," and words[end].isalpha()
    return (
        (end >= len(words) or words[end] in (".", "!", "?") or closed_here)
        and words[start:end].count("and") == 1
        and not _OPEN_LIST & set(words[start:end])
    )


# Lower-case words a name may hold ("Bosnia and Herzegovina" aside): "Isle of Man", "Costa del Sol".
_NAME_JOINS = frozenset({"of", "the", "de", "del", "la", "le", "du", "da", "do", "von", "van", "y", "on", "upon"})


def _list_items(
    d: _Doc, si: int, start: int, closing: str, lower: bool = False, open_end: bool = False
) -> tuple[int, int] | None:
    """Count the capitalised names listed from token ``start`` ("A, B, C and D"): (count, end token).

    None unless every item is a short capitalised name and the list has at least two items. With
    ``lower`` (after a colon) the items may be words in lower case ("four aims: housing, transport and
    schools") when each is at most ``LOWER_ITEM`` words, one "and" joins the last and the list ends its
    sentence: "fish and chips, tea and cake" may be two things or four. With ``open_end`` the last name
    ends at the first lower-case word after it that no name holds ("... and the US sent aid")."""
    text = d.view.text
    words = d.m.words[si]
    toks = d.m.tokens[si]
    count = 0
    item_len = 0
    longest = 0
    lowered = False
    j = start
    while j < len(words):
        w = words[j]
        if w in (",", "and", "&") or (w == "or" and closing):
            if item_len:
                count += 1
            item_len = 0
            j += 1
            continue
        if w == closing or w in CLAUSE_END or (not closing and w in ("-", "—", "–")):
            break
        raw = text[toks[j].start : toks[j].end]
        if item_len == 0 and w in ("the", "a", "an"):
            nxt = past_article(d, toks, words, j)
            j = nxt if nxt > j else j + 1  # "the US", "a new Harwick Parkway"
            continue
        if open_end and item_len and "and" in words[start:j] and raw[:1].islower() and w not in _NAME_JOINS:
            break  # "including A, B and the US provide aid": the last name ends where the clause goes on
        if toks[j].fact >= 0 or (item_len == 0 and not raw[:1].isupper()):
            if item_len == 0 and count >= 2 and not closing and not lowered:
                break  # the list is over: "... and the US — have promised"
            if not (lower and toks[j].fact < 0 and raw[:1].isalpha()):
                return None
            lowered = True
        item_len += 1
        longest = max(longest, item_len)
        if item_len > ENUM_ITEM:
            return None
        j += 1
    if item_len:
        count += 1
    if closing and (j >= len(words) or words[j] != closing):
        return None
    if lowered and (
        longest > LOWER_ITEM
        or words[start:j].count("and") != 1
        or "," in words[words.index("and", start, j) : j]
        or j >= len(words)
        or words[j] not in (".", "!")
    ):
        return None  # "housing, transport and schools, officials said": the list closes at its "and" item
    return (count, j) if count >= 2 else None


def _of_a_part(d: _Doc, fi: int) -> bool:
    """ "10% of its stake": a share of something already a part (a possessive names another whole)."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    return pos + 2 < len(words) and words[pos + 1] == "of" and words[pos + 2] in ("its", "their", "his", "her")


def _listed_shares(d: _Doc) -> Iterator[Relation]:
    """ "Labour took 41% of the vote, the Conservatives 33%, the Liberal Democrats 19% and the Greens
    12%": shares of one whole, each given to another name, the whole written once."""
    text = d.view.text
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        if _changing(d, si):
            continue
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind != "percent" or words[pos + 1 : pos + 2] != ("of",):
                continue
            items = [fi]
            k = pos + 2
            while k < len(words) and words[k] not in (",", "and") and words[k] not in CLAUSE_END and k - pos < 6:
                k += 1  # the whole: "of the vote"
            while k < len(words) and words[k] in (",", "and"):
                j = k + 1
                if j < len(words) and words[j] == "and":
                    j += 1
                name = j
                while j < len(words) and toks[j].fact < 0 and j - name < 4:
                    raw = text[toks[j].start : toks[j].start + 1]
                    if not (raw.isupper() or words[j] == "the"):
                        break
                    j += 1
                if j == name or j >= len(words) or toks[j].fact < 0 or d.facts[toks[j].fact].kind != "percent":
                    break
                if not any(text[toks[x].start : toks[x].start + 1].isupper() for x in range(name, j)):
                    break  # "the" alone names no one
                items.append(toks[j].fact)
                k = j + 1
            if len(items) >= 3:
                yield Relation("shares", tuple(("item", i) for i in items), (), "clause")


def _changing(d: _Doc, si: int) -> bool:
    """The sentence says something rose or fell: its percentages are changes, not shares of a whole."""
    words = d.m.words[si]
    return any(d.v.direction.starting_at(words, k) for k in d.v.direction.starts_in(words))


def _placed_shares(d: _Doc) -> Iterator[Relation]:
    """ "Of the members, 54.2% live in Norway, 21.7% in Sweden, 12.9% in Finland and 6.4% in
    Iceland": shares of one whole, each in another place, so together at most 100%."""
    text = d.view.text
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        if _changing(d, si):
            continue
        items: list[int] = []
        places: set[str] = set()
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind != "percent":
                continue
            k = pos + 1
            while (
                k < len(words)
                and k - pos <= 3
                and words[k] != "in"
                and toks[k].fact < 0
                and words[k] not in (",", "and")
            ):
                k += 1  # "68.4% reside in"
            name = k + 1
            if k >= len(words) or words[k] != "in" or name >= len(words):
                if len(items) >= 3:
                    break
                items, places = [], set()
                continue
            if words[name] == "the":
                name += 1
            if name >= len(words) or not text[toks[name].start : toks[name].start + 1].isupper():
                items, places = [], set()
                continue
            if words[name] in places:
                break
            places.add(words[name])
            items.append(fi)
        if len(items) >= 3 and not _level_of_rate(d, si, items[0]):
            yield Relation("shares", tuple(("item", i) for i in items), (), "clause")


# Words right before a first percentage that make the list a rate's level place by place ("Inflation was 4%
# in A, 5% in B", "a turnout of 61% in A"), not one whole's shares.
_RATE_LEVEL = frozenset({"was", "were", "is", "are", "be", "been", "at", "of", "reached", "hit", "averaged"})


def _level_of_rate(d: _Doc, si: int, fi: int) -> bool:
    k = d.hedge_start(si, d.pos_of(fi)[1])
    return k > 0 and d.m.words[si][k - 1] in _RATE_LEVEL


def _answer_pairs(d: _Doc) -> Iterator[Relation]:
    """ "46% of those asked said they trusted the plan, with 61% saying they did not": an answer and its
    negation split one whole."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        pcts = [(pos, t.fact) for pos, t in enumerate(toks) if t.fact >= 0 and d.facts[t.fact].kind == "percent"]
        for (apos, ai), (bpos, bi) in zip(pcts, pcts[1:]):
            said_a = set(words[apos + 1 : min(len(words), apos + 6)])
            said_b = words[bpos + 1 : min(len(words), bpos + 6)]
            if not said_a & ANSWER_VERBS or not set(said_b) & ANSWER_VERBS:
                continue
            if set(said_a) & NEGATIONS or not set(said_b) & NEGATIONS:
                continue
            # The negated answer ends its clause: "with 60% saying they did not."
            if said_b[-1:] and not any(w in CLAUSE_END or w == "," for w in said_b):
                continue
            yield Relation("shares", (("item", ai), ("item", bi)), (), "clause")


def _opposite_answers(d: _Doc) -> Iterator[Relation]:
    """ "Almost 60% of the 2,000 voters backed the plan, while 45% opposed it": two shares of one sentence
    given opposite answers (vocab.toml ``[answers] opposites``) split one whole, unless the second names a
    whole of its own ("45% of women opposed it")."""
    opposite = d.v.opposite_answers
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        pcts = [(pos, t.fact) for pos, t in enumerate(toks) if t.fact >= 0 and d.facts[t.fact].kind == "percent"]
        for (apos, ai), (bpos, bi) in zip(pcts, pcts[1:]):
            a = _answer(words, apos, bpos, opposite)
            b = _answer(words, bpos, len(words), opposite)
            if not a or not b or b not in opposite.get(a, frozenset()):
                continue
            if "against" in (a, b) and not (
                b == "against" and words[bpos + 1 : bpos + 2] == ("against",) and words[bpos + 2 : bpos + 3] in CLOSING
            ):
                continue  # "55% were for the plan and 45% against.": a ballot; "81%, against 84% for England" compares
            if bpos + 1 < len(words) and words[bpos + 1] == "of":
                continue  # "45% of women opposed it": another whole
            yield Relation("shares", (("item", ai), ("item", bi)), (), "clause")


def _answer(words: tuple[str, ...], pos: int, end: int, opposite: Mapping[str, frozenset[str]]) -> str:
    """The answer word within a few tokens after the share at ``pos`` (before ``end``), or ""."""
    for k in range(pos + 1, min(end, pos + 1 + ANSWER_REACH)):
        if words[k] in CLAUSE_END:
            return ""
        if words[k] in opposite:
            return words[k]
    return ""


# What may follow "against" when it closes a ballot's second share.
CLOSING = frozenset({(".",), (",",), (";",), ("!",)})
AUXILIARIES = frozenset("were was have had has".split())
# Auxiliaries and modals between a count's noun and its verb, passed over in ``OUTCOME_REACH``.
_VERB_CHAIN = frozenset("were was are is be been being have had has might may could would will should can".split())
# Words that open another clause after a figure whose verb stands before it ("received 3,100 applications
# and rejected 3,400").
_JOINS = frozenset({"and", "but"})
# Tokens back from ", and nine subsequently died" that the group's count may stand.
GROUP_REACH = 20


def _opened_part(d: _Doc, fi: int) -> bool:
    """The figure is one of the parts an "Of those arrested," / "Of the 40," opener lists."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    return bool(words) and words[0] == "of" and "," in words[1:pos]


def _outcomes(d: _Doc) -> Iterator[Relation]:
    """ "Fifty-five statues were stolen ..., 52 were recovered nine days later", "Seven patients were
    admitted ..., and nine subsequently died": a later verb that counts part of an earlier group."""
    earlier: list[tuple[int, str, int]] = []  # (fact, verb, sentence)
    for si, toks in enumerate(d.m.tokens):
        earlier = [e for e in earlier if si - e[2] <= 1]
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind not in ("count", "number") or d.facts[fi].value is None:
                continue
            verb = _verb_of(d, si, pos)
            if not verb:
                continue
            wanted = d.v.subsets.get(verb, frozenset())
            noun = words[pos + 1] if pos + 1 < len(words) else ""
            named = noun[:1].isalpha() and noun not in _NOT_PART_NOUNS and not noun.endswith(("ed", "ly"))
            at = pos + 2 if noun in AUXILIARIES else pos + 1
            later = words[at] if at < len(words) else ""
            fm = d.m.by_fact.get(fi)
            if later in d.v.later_outcome and verb in d.v.subsets and fm is not None and "another" not in fm.roles:
                # "Seven patients remained in a coma, and nine subsequently died": of the group just told.
                gi = _group_before(d, si, pos)
                if gi >= 0:
                    yield Relation("part", (("part", fi), ("whole", gi)), (d.span(si, at, at + 1),), "sentence")
                    earlier.append((fi, verb, si))
                    continue
            for gi, gverb, gsi in reversed(earlier):
                if gverb not in wanted or gi == fi:
                    continue
                if _opened_part(d, gi):
                    continue  # "Of those arrested, nine were held ... Eleven had been released": a part, no group
                if _other_scope(d, fi, gi):
                    break  # "120 were quarantined. Across the country, 130 have shown symptoms"
                gm = d.m.by_fact.get(gi)
                if named and gm is not None and gm.concept and d.v.concept(noun) != gm.concept:
                    continue  # "40 people were arrested ... 12 cars were found": another noun
                yield Relation("part", (("part", fi), ("whole", gi)), (), "sentence" if gsi == si else "document")
                break
            earlier.append((fi, verb, si))


def _other_scope(d: _Doc, part: int, group: int) -> bool:
    """The part is told of a wider or another place than its group: "across the country", "in Leeds"."""
    ps, gs = d.m.frame(part).scope, d.m.frame(group).scope
    return bool(ps) and (ps == "whole" or ps != gs) and ps != gs


def _group_before(d: _Doc, si: int, pos: int) -> int:
    """The count of the clause before ", and" right before ``pos`` ("Seven patients remained in a coma,
    and"), or -1."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if pos < 2 or words[pos - 1] != "and" or words[pos - 2] != ",":
        return -1
    for k in range(pos - 3, max(-1, pos - 3 - GROUP_REACH), -1):
        if words[k] in CLAUSE_END:
            return -1
        fi = toks[k].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind in ("count", "number") and f.value is not None and f.value > 1 and not f.is_range:
            gm = d.m.by_fact.get(fi)
            return fi if gm is not None and gm.noun else -1
        if f.kind not in ("year", "date", "relative", "weekday", "time", "duration"):
            return -1
    return -1


def _verb_of(d: _Doc, si: int, pos: int) -> str:
    """The participle or verb said of a figure within a few words after it ("were stolen", "died")."""
    words = d.m.words[si]
    toks = d.m.tokens[si]

    def known(w: str) -> bool:
        return w in d.v.subsets or any(w in v for v in d.v.subsets.values())

    # "Police arrested 40 people", "have detained 12": the verb right before the figure.
    before = next((words[k] for k in (pos - 1, pos - 2) if k >= 0 and toks[k].fact < 0 and known(words[k])), "")
    read = 0
    for k in range(pos + 1, len(words)):
        if toks[k].fact >= 0 or words[k] in CLAUSE_END or words[k] == ",":
            break
        if before and words[k] in _JOINS:
            return before  # "received 3,100 applications and rejected 3,400": the next verb is another clause's
        if known(words[k]):
            return words[k]
        if words[k] not in _VERB_CHAIN:
            read += 1  # "26 pupils and staff might have been infected": the verb chain is not counted
            if read >= OUTCOME_REACH:
                break
    return before


def _complement_shares(d: _Doc) -> Iterator[Relation]:
    """ "Of the 3 million who hold a library card, 57% are adults compared to 49% children": the shares of one
    whole (named by an opening "Of ...,") given to two groups that split it add up to at most 100%."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        if not words or words[0] != "of" or "," not in words:
            continue
        seen: dict[str, int] = {}
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind != "percent" or d.facts[fi].is_range:
                continue
            near = words[pos + 1 : pos + 4]
            group = next((w for w in near if w in d.v.complements), "")
            if not group:
                continue
            other = seen.get(d.v.complements[group], -1)
            if other >= 0:
                yield Relation("shares", (("item", other), ("item", fi)), (), "clause")
                break
            seen[group] = fi


# Tokens after a fraction word that the percentage telling it again may stand ("Just under half of voters, 48%,").
BESIDE_REACH = 5


def _told_again_beside(d: _Doc, fi: int) -> bool:
    """A fraction word told again as a percentage set beside it after a comma or a bracket, its whole
    between: "Just under half of voters, 48%, said ...", "a third (34%)": one share, not two."""
    if d.facts[fi].kind != "share":
        return False
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    for k in range(pos + 1, min(len(words) - 1, pos + BESIDE_REACH + 1)):
        if words[k] in (",", "("):
            nxt = d.fact_at(si, k + 1)
            return nxt >= 0 and d.facts[nxt].kind == "percent"
        if d.fact_at(si, k) >= 0 or not words[k].isalpha():
            return False
    return False


def _earlier_shares(d: _Doc, items: list[int], rest: int) -> bool:
    """The shares read before "the remaining" leave far more than the rest (less than ``PARTIAL_SUM`` of
    the whole with it), and the text told shares before the first of them: the list began earlier (the
    big parties' results a paragraph up), so what it leaves is not known here."""
    told = Decimal(0)
    for i in (*items, rest):
        f = d.facts[i]
        if f.value is None:
            return False
        told += f.value * 100 if f.kind == "share" else f.value
    if told >= PARTIAL_SUM:
        return False
    first = min(d.pos_of(i)[0] for i in items)
    return any(s < first for s, _, _, _ in d.figures(frozenset({"percent"})))


# With the rest, shares that add up to less than this (per cent) may be the end of a longer list.
PARTIAL_SUM = 90


def _another_time(d: _Doc, fi: int) -> bool:
    """A share told as the same item's at another time: bracketed after its own ("Labour polled 17% (19%)")
    or the older end of a change ("rose to 36% from 30%"); no further part of the whole now."""
    si, pos = d.pos_of(fi)
    h = d.hedge_start(si, pos)
    # Only "from" here: "on" ends a change after a move, but a poll's list runs "A on 36%, B on 28%".
    return d.bracketed_peer(si, pos) or (h > 0 and d.m.words[si][h - 1] == "from" and d.older_end(si, pos))


def _bar(d: _Doc, fi: int) -> bool:
    """A share named as a bar to clear ("the 5% threshold", "a 40% hurdle"), no part of a whole."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    return pos + 1 < len(words) and words[pos + 1] in d.v.bar_nouns


def _remainders(d: _Doc) -> Iterator[Relation]:
    """ "Half said ... A small number, 17%, said ... The remaining 43% said ...": the rest of a whole
    whose other shares stand in the same paragraph just before. Roles: ``rest`` and ``item``."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind not in ("percent", "share") or pos == 0:
                continue
            k = d.hedge_start(si, pos)
            if k > 1 and words[k - 1] == ",":
                k -= 1  # "with the rest, 35%, on supplies"
            rest = d.v.roles_before.ending_at(words, k)
            if not rest or rest[0] != "remainder" or words[k - 1] not in ("remaining", "rest", "remainder"):
                continue
            items: list[int] = []
            for s2 in range(si, max(-1, si - REMAINDER_BACK - 1), -1):
                if s2 != si and d.view.doc.sentences[s2].paragraph != d.view.doc.sentences[si].paragraph:
                    break
                toks2 = d.m.tokens[s2]
                top = pos if s2 == si else len(toks2)
                found = [
                    t.fact
                    for t in toks2[max(0, top - REMAINDER_TOKENS) : top]
                    if t.fact >= 0 and d.facts[t.fact].kind in ("percent", "share") and not d.facts[t.fact].is_range
                ]
                if not found and s2 != si:
                    break
                cut = [
                    t.fact
                    for t in toks2[: max(0, top - REMAINDER_TOKENS)]
                    if t.fact >= 0 and d.facts[t.fact].kind in ("percent", "share") and not _bar(d, t.fact)
                ]
                items.extend(found)
                if cut:
                    items = []  # shares told before the window: the list is longer than read, so no sum
                    break
            items = [i for i in items if not stake_like(d, i)]  # "owns 60% of Kelm": a part of a company
            items = [i for i in items if not _another_time(d, i)]  # "17% (19%)", "rose to 36% from 30%"
            items = [i for i in items if not _bar(d, i)]  # "failed to pass the 5% threshold": no share
            items = [i for i in items if not _told_again_beside(d, i)]  # "half of voters, 48%,": one share
            items = [i for i in items if not d.noun_move_size(i)]  # "44% backed a rise of 4.99%": a move's size
            if any(_of_a_part(d, i) for i in items):
                continue  # "sell 10% of its stake ... The remaining 12%": shares of a share, not of the whole
            if items and _earlier_shares(d, items, fi):
                continue  # "The Greens won 12.6% ... the remaining 1.3%": the larger parties' shares came before
            if items:
                cue = d.span(si, rest[1], k)
                yield Relation("remainder", (("rest", fi),) + tuple(("item", i) for i in items), (cue,), "sentence")
