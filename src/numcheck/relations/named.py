"""Named levels: the figure a definite noun phrase names by what it is, told in another sentence.

A writer compares a figure with a level named by words whose figure the story told elsewhere: "built to
withstand 6.4m, comfortably higher than the 2020 peak" ... "In February 2020 the river peaked at 5.9m";
"a yield well below the five-year norm" ... "a five-year average of 8.2 tonnes"; "185,000 a year, almost
double its current output" ... "The factory built 96,000 vehicles last year". ``named_level`` is the one
resolver: the phrase's head (``[named_levels] kin`` in ``comparisons.toml``: "peak" for "peaked", "norm"
for "average") must be told with the figure, and every word that narrows the phrase (a year, "five-year",
"UK") must be told in the figure's sentence; two such figures that disagree make it none, as does a phrase
with a figure of its own ("the 2020 peak of 5.9m", read by the readers of a figure after the word).

Its readers: ``_named_comparisons`` (a comparison word before the phrase: the `comparison` relation the
direction judge reads) and ``multiples._multiples_of`` (a multiple word before it: "almost triple its
current output"). Cost: each phrase looks at the figures of a fixed window of sentences around it once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from numcheck import startcache
from numcheck.mentions import CLAUSE_END
from numcheck.relations.base import _NP_STOP, FRAME_KINDS, Relation, _Doc, same_family
from numcheck.vocab import _toml, singular

# Words of a named level's phrase after its determiner ("the long-term monthly average").
PHRASE_WORDS = 4
# Sentences before the phrase that the level it names may be told in: a story tells its yardstick in the
# lead or its first paragraphs and compares with it several paragraphs on.
NAMED_BACK = 8
# Sentences after the phrase: "... well below the five-year norm. The average over 2019-23 was 8.2 tonnes".
NAMED_AHEAD = 2
# Words before a figure that may tell what level it is ("the river peaked at", "a five-year average of").
NAMING_REACH = 8
# Verbs between a subject's aside and its figure that tell the figure as the subject's ("The previous peak,
# set in 2018, was 3.4 million", "The balance, the share of ..., stood at +14").
_LINKS = frozenset({"was", "is", "were", "are", "stood", "at", "of", "reached", "hit", "totalled", "came", "to"})
# Words of such an aside.
ASIDE_WORDS = 16
# Words after a figure that may tell what level it is ("40 million litres at its 2022 peak").
NAMED_AFTER = 5
# Words that end what is told after a figure: "8.6 tonnes last year and a five-year average" (the average is
# the next figure's).
_AFTER_STOPS = frozenset({",", "and", "or", "but", "while", "against", "compared", "versus"})
# Letters two words must share to be one word told in another form ("five-year", "uk").
STEM = 5
# Tokens back from a comparison word that the figure compared may stand ("a river level of 6.4m,
# comfortably lower than").
COMPARED_REACH = 12
# A year written in a time ("February 2020", "2019-20").
_YEAR = startcache.compile(r"\b(?:1[89]|20)\d\d\b")
# Tokens after a comparison word that the figure a named subject is set against may stand ("higher than the
# design level of 4.6m").
OBJECT_REACH = 8
# Kinds of figure a named level may be.
AMOUNTS = frozenset({"count", "number", "money", "measure", "percent", "duration"})
# Comparison words that are as often a stretch of time or a hedge ("over the next 12 months").
_NOT_COMPARING = frozenset({"over", "under", "lead", "leads", "led", "leading"})
# Words that open a clause with a subject of its own: a figure before one is not the one compared after it.
_NEW_SUBJECT = frozenset({"while", "whereas", "whilst", "although", "though"})


@dataclass(frozen=True)
class _Words:
    determiners: frozenset[str]
    plain: frozenset[str]
    times: frozenset[str]
    whole_heads: frozenset[str]
    timed_heads: frozenset[str]
    whole_marks: frozenset[str]
    national: frozenset[str]
    not_heads: frozenset[str]
    kin: dict[str, frozenset[str]]


@functools.cache
def _words() -> _Words:
    data = _toml("comparisons.toml")["named_levels"]
    return _Words(
        determiners=frozenset(data["determiners"]),
        plain=frozenset(data["plain"]),
        times=frozenset(data["times"]),
        whole_heads=frozenset(data["whole_heads"]),
        timed_heads=frozenset(data["timed_heads"]),
        whole_marks=frozenset(data["whole_marks"]),
        national=frozenset(data["national"]),
        not_heads=frozenset(data["not_heads"]),
        kin={w: frozenset(group) for group in data["kin"] for w in group},
    )


@dataclass(frozen=True)
class NamedPhrase:
    """A definite noun phrase that names a level: where it ends, its head and what narrows it."""

    end: int
    head: str
    marks: tuple[str, ...]  # words or times that narrow it ("five-year", "uk", "2020")
    timed: bool = False  # a time narrows it ("the 2023 total", "last year's figure")


def phrase_at(d: _Doc, si: int, k: int, subject: bool = False) -> NamedPhrase | None:
    """ "the 2020 peak", "the five-year norm", "its current output", "the UK average" at token ``k``: a
    determiner, up to ``PHRASE_WORDS`` words or times, and a head noun that closes the clause (no "of" and
    figure after it, no figure of its own). With ``subject`` the phrase opens its sentence and its verb
    follows it ("The strongest gust was recorded", "This month's rainfall was"), its determiner may be a
    time's possessive. None for a name ("the Tories"), a stretch of time ("the past decade") or a phrase
    that goes on ("the level of winter 2020-21")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    w = _words()
    if 0 < k < len(words) and words[k] not in w.determiners and words[k - 1] in w.determiners:
        k -= 1  # "almost double its current output": the determiner read as the multiple's link
    if k >= len(words):
        return None
    if words[k] not in w.determiners and k > 0 and _time_owner(d, si, k) == "" and _time_owner(d, si, k - 1):
        k -= 1  # "short of last year's figure": the time's possessive read as the link
    marks: list[str] = []
    times: list[str] = []
    if owner := _time_owner(d, si, k):
        times.append(owner)  # "This month's rainfall", "short of last year's figure"
    elif words[k] not in w.determiners:
        return None
    text = d.view.text
    j = k + 1
    head = ""
    while j < len(words) and j - k <= PHRASE_WORDS:
        fi = toks[j].fact
        if fi >= 0:
            f = d.facts[fi]
            if f.kind not in FRAME_KINDS or head:
                return None  # "the forecast of 48mph": a figure of its own
            times.append(f.iso[:4] if f.kind == "year" and f.iso else f.text.lower().removesuffix("'s"))
            j += 1
            continue
        word = words[j]
        if not (word.replace("-", "").isalpha()) or word in ("'", "s"):
            if word in ("'", "s") and not head:
                j += 1  # "this year ' s": a possessive split off
                continue
            break
        if head and (word in _NP_STOP or d.verb_like(word)):
            break  # "The strongest gust was recorded": the verb said of it
        if word in w.times:
            return None  # "the year before", "the past decade": a time, no level
        if text[toks[j].start : toks[j].start + 1].isupper() and j + 1 < len(words) and words[j + 1] in CLAUSE_END:
            return None  # "ahead of the Tories": a name, no level
        if head:
            marks.append(head)
        head = word
        j += 1
    if not head or head in w.not_heads or (j < len(words) and words[j] == "of"):
        return None
    nxt = words[j] if j < len(words) else "."
    if subject:
        if not (nxt in _NP_STOP or d.verb_like(nxt)):
            return None  # "The strongest gust in Wales": more is told of it
    elif nxt not in CLAUSE_END and nxt not in (",", "and", "but", "when", "which"):
        return None  # "the peak flow on the Severn": more is told of it
    told_times = tuple(t for t in times if t not in w.plain)
    narrowing = tuple(m for m in marks if m not in w.plain and m not in w.determiners) + told_times
    return NamedPhrase(j, head, narrowing, bool(told_times))


def _time_owner(d: _Doc, si: int, k: int) -> str:
    """A time's possessive at token ``k`` standing as a phrase's determiner ("This year's crop", "Last
    month's rainfall"): the time in lower case, else ""."""
    fi = d.fact_at(si, k)
    if fi < 0 or d.facts[fi].kind not in FRAME_KINDS:
        return ""
    f, words = d.facts[fi], d.m.words[si]
    if f.text.endswith(("'s", "’s")) or tuple(words[k + 1 : k + 3]) == ("'", "s"):
        return f.text.lower().removesuffix("'s").removesuffix("’s")
    return ""


def named_level(d: _Doc, si: int, k: int, like: int, subject: bool = False) -> tuple[int, int] | None:
    """The figure of ``like``'s family (any amount when ``like`` is -1) that the phrase at token ``k``
    names, told in another sentence ("the 2020 peak" ... "peaked at 5.9m"), and the token after the phrase;
    None when no figure, or two that disagree or measure apart, are named so."""
    phrase = phrase_at(d, si, k, subject)
    if phrase is None:
        return None
    found: list[tuple[int, int]] = []
    for s2 in range(max(0, si - NAMED_BACK), min(len(d.m.tokens), si + NAMED_AHEAD + 1)):
        if s2 == si:
            continue
        for pos, tok in enumerate(d.m.tokens[s2]):
            if tok.fact >= 0 and tok.fact != like and _names_level(d, s2, pos, like, phrase):
                found.append((abs(s2 - si), tok.fact))
    if not found:
        return None
    found.sort()
    first = d.facts[found[0][1]]
    if any(not d.facts[fi].interval.overlaps(first.interval) or not same_family(d.facts[fi], first) for _, fi in found):
        return None  # two levels so named: which one is meant is not told
    return found[0][1], phrase.end


def named_subject(d: _Doc, si: int, j: int, like: int) -> int:
    """The figure a sentence's subject names when no figure stands before the word at token ``j``: "The
    strongest gust was recorded at ..., almost triple the 48mph forecast" ... "gusts of up to 94mph";
    "This year's crop was well below the five-year norm" ... "the average yield was 7.1 tonnes"; -1 if
    none."""
    toks = d.m.tokens[si]
    if any(t.fact >= 0 and d.facts[t.fact].kind in AMOUNTS - FRAME_KINDS for t in toks[:j]):
        return -1  # a figure of the sentence's own before the word: read by the readers of it
    if any(w in _NEW_SUBJECT or w == ";" for w in d.m.words[si][:j]):
        return -1
    named = named_level(d, si, 0, like, subject=True)
    return named[0] if named is not None and named[1] <= j else -1


def _names_level(d: _Doc, s2: int, pos: int, like: int, phrase: NamedPhrase) -> bool:
    """The figure at token ``pos`` is the level the phrase names: of ``like``'s family and noun, a level
    when ``like`` is one (no amount moved; a move against a move: "prices climbed 2.4%, ahead of the
    national figure" ... "prices rose 3.1% nationally"), told with the phrase's head or a word of its kind
    (or, for the whole's level, "the UK average", in a sentence that names the whole), in a sentence that
    tells what narrows the phrase."""
    fi = d.m.tokens[s2][pos].fact
    f = d.facts[fi]
    if f.kind not in AMOUNTS or f.is_range or f.value is None or (like >= 0 and not same_family(f, d.facts[like])):
        return False
    moved = d.move_size(fi) or _moved(d, s2, pos)
    if like >= 0:
        ls, lpos = d.pos_of(like)
        if moved != (d.move_size(like) or _moved(d, ls, lpos)) or not _same_noun(d, fi, like):
            return False
    elif moved:
        return False
    if not _told_with_head(d, s2, pos, phrase.head) and not _whole_level(phrase) and not _timed_level(phrase):
        return False
    said = _said(d, s2)
    national = _words().national
    return all(any(_one_word(m, w) or (m in national and w in national) for w in said) for m in phrase.marks)


def _timed_level(phrase: NamedPhrase) -> bool:
    """ "the 2023 total", "last year's figure", "the 2019 level": a noun that names no kind of level
    (``[named_levels] timed_heads``) narrowed by a time, naming the figure of its kind told with that time
    ("The festival sold 41,000 tickets in 2023")."""
    return phrase.timed and phrase.head in _words().timed_heads


def _whole_level(phrase: NamedPhrase) -> bool:
    """ "the UK average", "the national figure", "the England rate": the level of the whole the story's
    parts are set against (``[named_levels] whole_heads`` and ``whole_marks``), named by the whole's word
    in its sentence rather than by the head ("UK unemployment stood at 4.4%")."""
    w = _words()
    return phrase.head in w.whole_heads and any(m in w.whole_marks for m in phrase.marks)


def _moved(d: _Doc, si: int, pos: int) -> bool:
    """ "rose 5%", "fell by 2,000": the size of a move told by a word before it, no level ("rose to 2,000"
    is one; in "pay £5.20, less than" the word after is a comparison)."""
    m = d.m.by_fact.get(d.fact_at(si, pos))
    at = d.hedge_start(si, pos)
    if m is None or not m.direction or m.direction_span is None:
        return False
    if m.direction_span.start > d.m.tokens[si][pos].start or m.multiple:
        return False
    said = d.view.text[m.direction_span.start : m.direction_span.end].lower()
    if said in d.v.multiples:
        return False  # "almost triple the 48mph": a multiple of the level, no move
    return not (at > 0 and d.m.words[si][at - 1] in ("to", "at", "of"))


def _same_noun(d: _Doc, fi: int, like: int) -> bool:
    """Counts of one kind of thing: their nouns' concepts agree where both name one the vocabulary knows
    ("loss" and "profit" do not); a count with no known concept passes."""
    if d.facts[fi].kind not in ("count", "number"):
        return True
    m, n = d.m.by_fact.get(fi), d.m.by_fact.get(like)
    if m is None or n is None:
        return False
    if m.concept == n.concept or not m.noun or not n.noun:
        return True
    if singular(m.noun.split()[-1].lower()) == singular(n.noun.split()[-1].lower()):
        return True
    known = d.v.concept_names - {"people"}
    return m.concept not in known and n.concept not in known  # "800 jobs" is no count of "185,000 vehicles"


def _told_with_head(d: _Doc, si: int, pos: int, head: str) -> bool:
    """The phrase's head, or a word of its kind, stands before the figure at token ``pos`` within
    ``NAMING_REACH`` words and no other figure ("the River Sever peaked at 5.9m", "a five-year average of
    8.2 tonnes"), or is the figure's noun ("gusts of up to 94mph")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    kin = _words().kin.get(head, frozenset()) | {head}
    stems = {singular(w) for w in kin}
    start = d.hedge_start(si, pos)
    j, seen = start - 1, 0
    while j >= 0 and seen < NAMING_REACH:
        fj = toks[j].fact
        if fj >= 0 and d.facts[fj].kind not in FRAME_KINDS:
            break
        if words[j] == "," and all(w in _LINKS for w in words[j + 1 : start]):
            j = _aside_start(words, j)  # "The previous peak, set in 2018, was 3.4 million": past the aside
            continue
        if words[j] in CLAUSE_END or words[j] == ",":
            break  # "to build a new model, creating 800 jobs": another clause's verb
        if words[j] in kin or singular(words[j]) in stems:
            return True
        j, seen = j - 1, seen + 1
    for j in range(pos + 1, min(len(words), pos + 1 + NAMED_AFTER)):
        if words[j] in CLAUSE_END or words[j] in _AFTER_STOPS:
            break
        if toks[j].fact >= 0 and d.facts[toks[j].fact].kind not in FRAME_KINDS:
            break
        if d.v.comparison.starting_at(words, j):
            break  # "5.9m, below the 2020 peak": compared with the level, not the level
        if words[j] in kin or singular(words[j]) in stems:
            return True  # "40 million litres at its 2022 peak"
    m = d.m.by_fact.get(toks[pos].fact)
    return bool(m and m.noun and singular(m.noun.split()[0].lower()) in stems)


def _aside_start(words: tuple[str, ...], comma: int) -> int:
    """The token before the comma that opens the aside a comma at ``comma`` closes ("The previous peak, set
    in 2018, was"), or -1 when none opens it within ``ASIDE_WORDS``."""
    for j in range(comma - 1, max(-1, comma - 1 - ASIDE_WORDS), -1):
        if words[j] in CLAUSE_END:
            return -1
        if words[j] == ",":
            return j - 1
    return -1


def _said(d: _Doc, si: int) -> list[str]:
    """The words of sentence ``si`` in lower case, and the years its times tell ("In February 2020")."""
    out = [w.lower().removesuffix("'s") for w in d.m.words[si]]
    for tok in d.m.tokens[si]:
        if tok.fact >= 0 and (f := d.facts[tok.fact]).kind in FRAME_KINDS:
            out.append(f.text.lower().removesuffix("'s"))  # "a five-year average"
            out.extend(_YEAR.findall(f.text))
    return out


def _one_word(mark: str, word: str) -> bool:
    """Two words are one ("five-year" and "five-year"; "2020" and "2020"), or share their first ``STEM``
    letters when both are that long."""
    if mark == word:
        return True
    return len(mark) >= STEM and len(word) >= STEM and mark[:STEM] == word[:STEM]


def _named_comparisons(d: _Doc) -> Iterator[Relation]:
    """A figure set against a level named by words: "a river level of 6.4m, comfortably lower than the 2020
    peak", "Wales, at +8, was above the national average", with that level's figure told in another
    sentence (``named_level``)."""
    comparison = d.v.comparison
    for si in range(len(d.m.tokens)):
        words = d.m.words[si]
        for j in comparison.starts_in(words):
            hit = comparison.starting_at(words, j)
            if not hit or words[j] in _NOT_COMPARING or (j > 0 and words[j - 1] in ("a", "an", "the")):
                continue
            order, after = hit
            ai = _compared_before(d, si, j)
            subject = ai < 0
            if subject:
                ai = named_subject(d, si, j, -1)  # "This year's crop was well below the five-year norm"
                if ai < 0:
                    continue
            named = named_level(d, si, after, ai)
            if named is None and subject:
                named = _figure_told_after(d, si, after, ai)  # "The peak was higher than the design level of 4.6m"
            if named is None:
                continue
            bi, end = named
            if bi == ai:
                continue
            if " ".join(words[j:after]) in d.v.comparison_better and d.timed(ai):
                order = "below" if order == "above" else "above"  # a faster time beats a slower one
            yield Relation("comparison", (("a", ai), ("b", bi)), (d.span(si, j, end),), "document", (("order", order),))


def _figure_told_after(d: _Doc, si: int, after: int, like: int) -> tuple[int, int] | None:
    """The figure of ``like``'s family a comparison word sets its named subject against, told in its
    clause within ``OBJECT_REACH`` tokens ("higher than the design level of 4.6m"), and the token after it."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(after, min(len(words), after + OBJECT_REACH)):
        if words[k] in CLAUSE_END or words[k] == ",":
            return None
        fi = toks[k].fact
        if fi < 0 or d.facts[fi].kind in FRAME_KINDS:
            continue
        f = d.facts[fi]
        if f.kind not in AMOUNTS or f.is_range or f.value is None or not same_family(f, d.facts[like]):
            return None
        return fi, k + 1
    return None


def _compared_before(d: _Doc, si: int, j: int) -> int:
    """The figure a comparison word at token ``j`` sets against what follows it: the nearest amount before
    it in its sentence ("withstand a river level of 6.4m, comfortably lower than"), past times; -1 when a
    clause of another subject stands between ("while", ";")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for back in range(j - 1, max(-1, j - 1 - COMPARED_REACH), -1):
        if words[back] in CLAUSE_END or words[back] in _NEW_SUBJECT:
            return -1
        fi = toks[back].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS:
            continue
        if back == j - 1:
            return -1  # "five more than the year before", "2,000 fewer than": the gap, no level
        return fi if f.kind in AMOUNTS and not f.is_range and f.value is not None else -1
    return -1
