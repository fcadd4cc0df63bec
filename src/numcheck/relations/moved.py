"""A move told apart from its two levels (a stage).

A writer often gives the two levels of one quantity at two times ("Attendance was 52,000. In 2022 it was
47,500", "will cost 62p a day, against 58p now") and tells the move between them in another
clause or sentence, with no level of its own: a way ("the fall was disappointing", "the rise in
rainfall"), a size ("That is a rise of 30%", "so turnout rose by 3.5 points") or a
multiple ("visitor numbers doubled in five years"). The first-stage readers give the pair as a bare
change (``from``, ``to``, no size); this stage sets each such move against the one pair of its thing told
around it, whatever the words between, and the change judges weigh it.

A move is read against a pair only when it names no level of the pair's family in its own clause, names
the pair's thing or nothing, and no other pair told around it fits it (several items may move apart:
"adults ... children ...").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from numcheck.mentions import Token
from numcheck.model import Span
from numcheck.relations.apart import _counted_back, _ordered
from numcheck.relations.base import COPULAS, Relation, _change_nouns, _Doc, _plain_tokens, bare_ends, same_family
from numcheck.relations.multiples import other_base
from numcheck.relations.stated import RATE_WORDS, _a_rate, _stated_concept, _times_other
from numcheck.vocab import _toml, singular

Built = Mapping[str, Mapping[object, Relation]]

# Sentences before a move in which its pair's later end may be told ("Attendance was 52,000. In 2022 it was
# 47,500 ... organisers said the rise was welcome").
PAIR_BACK = 3
# Sentences after a move in which its pair may be told ("visitor numbers doubled in five years." ¶ "The
# castle drew 84,000 visitors in 2024. In 2019 it drew 42,000.").
PAIR_AHEAD = 3
# Paragraphs apart a move and its pair may stand: the one before or after ("... against 120mm last year." ¶
# "Farmers welcomed the rise in rainfall ...").
PARAGRAPHS_APART = 1
# Tokens after a change noun that a size of its own may stand in ("the fall, of about 9%": read elsewhere).
SIZE_AFTER_NOUN = 4
# How far a told size may be from a pair's change and still be that pair's, as a share of the size: a
# writer rounds ("about a fifth" for 19%); a pair that fits is the move's and no other is judged.
FIT_SHARE = Decimal("0.15")
# Kinds of figure that size a move.
_SIZE_KINDS = frozenset({"percent", "points", "share", "multiple"})
# Kinds of a time figure that give a move a time of its own ("went up by 3% in May").
_OWN_TIMES = frozenset({"date", "year", "weekday", "month"})
# Words before a figure that make it a level, not a move's size ("rose to 5.2%", "at 4%", "from 3%").
_LEVEL_BEFORE = frozenset({"to", "at", "from", "of", "on", "than", "with"})


@dataclass(frozen=True, slots=True)
class _Move:
    """A move told without its levels: its sentence, its size (fact, or -1), its way and its cue."""

    sentence: int
    size: int
    way: str
    cue: Span
    concept: str
    kind: str = ""  # the size's kind, "points" for a count of points ("rose by 3.5 points")
    nouns: frozenset[str] = frozenset()  # the things its clause names ("turnout", "rainfall")
    pointing: bool = False  # it opens on a word that points back ("That is", "the fall")
    at: int = 0  # its token in its sentence


def _moves_apart(d: _Doc, built: Built) -> Iterator[Relation]:
    """Each move told without levels against the one bare pair of its thing told around it: "In 2022 ...
    it was 47,500, and organisers said the fall was disappointing" after "Attendance was 52,000"."""
    changes = list(built.get("change", {}).values())
    pairs = [_ordered(d, *p) or p for p in _bare_pairs(changes)]
    if not pairs:
        return
    taken = {i for rels in built.values() for rel in rels.values() for _, i in rel.roles}
    for si in range(len(d.m.tokens)):
        for move in _moves_in(d, si, taken):
            near = [
                p
                for p in pairs
                if _near(d, move, p)
                and _alike(d, move, p)
                and _linked(d, move, p)
                and not (move.size >= 0 and other_base(d, move.size, p, _pair_concepts(d, p)))
            ]
            if not near or any(_fits(d, move, p) for p in near):
                continue  # no pair, or one told around it that the move fits: it is that pair's
            if move.size >= 0 and _others_fit(d, move, near):
                continue  # "Last spring it was 61.0%, meaning the rate fell 1.5 points" after 59.5%
            ai, bi = min(near, key=lambda p: _distance(d, move, p))  # the nearest of the pairs it contradicts
            roles: tuple[tuple[str, int], ...] = (("from", ai), ("to", bi))
            labels = [("direction", move.way)]
            if move.size >= 0:
                f = d.facts[move.size]
                roles += (("factor", move.size),) if move.kind == "multiple" else (("stated", move.size),)
                if f.kind == "multiple":
                    labels.append(("multiple", f.text.lower()))
            cue = d.facts[bi].span
            yield Relation("change", roles, (cue, move.cue), "document", tuple(sorted(labels)))


def _pair_concepts(d: _Doc, pair: tuple[int, int]) -> frozenset[str]:
    """What a pair's ends count, by their frames ("emissions were 371 million tonnes" → emission)."""
    return frozenset(c for c in (d.m.frame(i).concept for i in pair) if c)


def _bare_pairs(changes: Sequence[Relation]) -> list[tuple[int, int]]:
    """(from, to) of every change told with both ends and no size, multiple or way read for it yet."""
    sized = {
        (rel.get("from"), rel.get("to"))
        for rel in changes
        if rel.get("stated") is not None or rel.get("factor") is not None or rel.label("multiple")
    }
    out: list[tuple[int, int]] = []
    for rel in changes:
        ends = bare_ends(rel)
        if ends is None or ends in sized or ends in out or rel.label("direction"):
            continue
        out.append(ends)
    return out


def _moves_in(d: _Doc, si: int, taken: set[int]) -> Iterator[_Move]:
    """Sentence ``si``'s moves told without a level: sized ("a rise of 30%", "tripled") or a
    definite change noun alone ("the fall was welcome")."""
    toks = d.m.tokens[si]
    for pos, tok in enumerate(toks):
        fi = tok.fact
        if fi < 0 or fi in taken:
            continue
        move = _sized_move(d, si, pos)
        if move is not None:
            yield move
    yield from _noun_moves(d, si)


def _sized_move(d: _Doc, si: int, pos: int) -> _Move | None:
    """The figure at ``pos`` as a move's size: "a rise of 30%", "rose by 3.5 points", "20%
    more than in 2023", "doubled its members", "that cut of a quarter"; not a level ("rose to
    5.2%") nor a rate ("annual growth of 3%")."""
    fi = d.fact_at(si, pos)
    f = d.facts[fi]
    m = d.m.by_fact.get(fi)
    kind = "points" if m is not None and f.kind in ("count", "number") and _points_noun(m.noun) else f.kind
    if kind not in _SIZE_KINDS or f.value is None:
        return None
    if m is None or "forecast" in m.roles or d.m.frame(fi).mood == "forecast":
        return None  # "expects a further drop of 3%": a move to come, not the one told
    words = d.m.words[si]
    if any(w in RATE_WORDS for w in words[d.m.clause_start(si, pos) : d.m.clause_end(si, pos)]):
        return None
    if f.kind == "multiple":
        if words[pos + 1 : pos + 2] == ("as",):
            return None  # "2.5 times as much as one in the North": two things set side by side
        way = "up" if f.value > 1 else "down"
        return _Move(si, fi, way, f.span, _stated_concept(d, fi), f.kind, *_clause_link(d, si, pos), pos)
    k = d.hedge_start(si, pos)
    way = _noun_was(words, k)
    if way:
        nouns, _ = _clause_link(d, si, pos)
        return _Move(si, fi, way, f.span, _stated_concept(d, fi), kind, nouns, True, pos)
    after = d.v.direction.starting_at(words, pos + 1)
    if m.direction is None:
        return None
    if not (d.move_told(si, pos) or d.move_size(fi) or after is not None):
        return None
    if k > 0 and words[k - 1] in _LEVEL_BEFORE and not d.move_told(si, pos):
        return None
    return _Move(si, fi, m.direction, f.span, _stated_concept(d, fi), kind, *_clause_link(d, si, pos), pos)


def _noun_was(words: Sequence[str], k: int) -> str:
    """The way of a definite change noun the size at token ``k`` is told of by a copula, which points back
    to the levels just told: "The increase was 35%", "so the fall is a third" → "up", "down"; else ""."""
    ways, determiners = _change_nouns()
    if k < 3 or words[k - 1] not in COPULAS or words[k - 3] not in determiners:
        return ""
    return ways.get(words[k - 2], "")


def _points_noun(noun: str | None) -> bool:
    """A count's noun is a percentage's points ("four points", "3.2 percentage points")."""
    return noun is not None and noun.split()[-1:] in (["points"], ["point"], ["pts"])


def _noun_moves(d: _Doc, si: int) -> Iterator[_Move]:
    """A definite change noun with no size of its own: "the fall was disappointing", "the rise in
    rainfall", "this drop"; its concept from the noun after "in" or "of"."""
    ways, determiners = _change_nouns()
    toks: Sequence[Token] = d.m.tokens[si] or _plain_tokens(d, si)
    words = tuple(t.text for t in toks)
    for k in range(1, len(words)):
        way = ways.get(words[k])
        if way is None or words[k - 1] not in determiners:
            continue
        if any(t.fact >= 0 for t in toks[k + 1 : k + 1 + SIZE_AFTER_NOUN]):
            continue  # "the rise of 3%": a size of its own
        if k >= 2 and words[k - 2] in ("of", "for"):
            continue  # "the cause of the fall": still a move, but often another's; left alone
        concept = ""
        if k + 2 < len(words) and words[k + 1] in ("in", "of"):
            j = k + 3 if words[k + 2] == "the" and k + 3 < len(words) else k + 2
            concept = d.v.head_concept(" ".join(words[j : j + 2])) or d.v.concept(words[j]) or words[j]
        nouns = (
            _nouns(d, words, k + 1, _clause_after(words, k + 1))
            if words[k + 1 : k + 2] in (("in",), ("of",))
            else frozenset()
        )
        yield _Move(si, -1, way, Span(toks[k - 1].start, toks[k].end), concept, "", nouns, True, k)


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """(words never shared, words that point back): ``vocab.toml`` ``[moved]``."""
    data = _toml("vocab.toml")["moved"]
    return frozenset(data["not_shared"]), frozenset(data["pointing"])


# Tokens a clause's nouns are read from at most (a long clause names other things too).
NOUN_REACH = 12


def _nouns(d: _Doc, words: Sequence[str], lo: int, hi: int) -> frozenset[str]:
    """The things words ``lo`` to ``hi`` name, singular or as their listed concept: "so turnout rose by
    3.5 points" → {turnout}; no direction word, no word of ``not_shared``, no short word."""
    never, _ = _words()
    out: set[str] = set()
    for k in range(lo, min(hi, lo + NOUN_REACH)):
        w = words[k]
        if len(w) < 4 or not w.isalpha() or w in never or d.v.direction.starting_at(words, k) is not None:
            continue
        out.add(d.v.concepts.get(w) or singular(w))
    return frozenset(out)


def _clause_after(words: Sequence[str], k: int) -> int:
    """Where the clause running on from token ``k`` ends (a comma, a stop)."""
    return next((j for j in range(k, len(words)) if words[j] in (",", ".", ";", ":")), len(words))


def _clause_link(d: _Doc, si: int, pos: int) -> tuple[frozenset[str], bool]:
    """(the head of the move's subject as a set of one, whether the sentence or a joined clause opens on a
    word that points back): "so turnout rose by 3.5 points" → {turnout}; "after visitor numbers
    doubled" → {visitor}; "Demand for home help has grown by 8%" → {demand}; "That is a rise of 30%"
    points back."""
    _, pointing = _words()
    opens = _subject_opens()
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    while lo < pos and words[lo] in _JOINS:
        lo += 1
    points = lo < pos and words[lo] in pointing and (lo == 0 or words[lo - 1] in _JOINS or words[lo - 1] == ",")
    verb = _verb_at(d, si, pos)
    start = max((k + 1 for k in range(lo, verb) if words[k] in opens), default=lo)
    first = next((k for k in range(start, verb) if _nouns(d, words, k, k + 1)), -1)
    return (_nouns(d, words, first, first + 1) if first >= 0 else frozenset()), points


def _verb_at(d: _Doc, si: int, pos: int) -> int:
    """The token of the direction word that moves the figure at ``pos`` when it stands before it ("rose by
    3.5 points"), else ``pos`` ("tripled", "a 30% rise")."""
    m = d.m.by_fact.get(d.fact_at(si, pos))
    if m is None or m.direction_span is None:
        return pos
    toks = d.m.tokens[si]
    return next((k for k in range(pos) if toks[k].start >= m.direction_span.start), pos)


@functools.cache
def _subject_opens() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["moved"]["subject_opens"])


# Words that join a clause to the one before ("..., so turnout fell").
_JOINS = frozenset({"and", "but", "so", "while"})


def _level_nouns(d: _Doc, fi: int) -> frozenset[str]:
    """The nouns of a level's clause ("Turnout in the ward was 41.5%" → {turnout}) and its concepts."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    m = d.m.by_fact[fi]
    named = {x for x in (d.m.frame(fi).concept, m.concept or "") if x}
    return _nouns(d, words, lo, hi) | named


def _linked(d: _Doc, move: _Move, pair: tuple[int, int]) -> bool:
    """The move is told of the pair: it shares a noun with a level's clause ("so turnout rose" …
    "Turnout in the ward was 41.5%"), or it points back ("That is", "the fall") to a pair told just
    before it, in its sentence or the one before. The pair's order is its told times' where they tell one
    ("2,300 in 2019 against 4,900 now")."""
    if any(move.nouns & _level_nouns(d, fi) for fi in pair):
        return True
    if not move.pointing or (move.size < 0 and move.nouns):
        return False  # "Staff blamed the rise in fines": a move noun that names another thing
    ends = [d.pos_of(fi) for fi in pair]
    return all(e < (move.sentence, move.at) for e in ends) and move.sentence - max(e[0] for e in ends) <= 1


def _near(d: _Doc, move: _Move, pair: tuple[int, int]) -> bool:
    """The pair is told around the move: its later end within ``PAIR_BACK`` sentences before or
    ``PAIR_AHEAD`` after, at most a paragraph apart, and the move's clause tells no level of the pair's
    family but the pair's own ends."""
    ai, bi = pair
    last = max(d.facts[ai].sentence, d.facts[bi].sentence)
    first = min(d.facts[ai].sentence, d.facts[bi].sentence)
    if not (first - PAIR_AHEAD <= move.sentence <= last + PAIR_BACK):
        return False
    sents = d.view.doc.sentences
    if min(abs(sents[move.sentence].paragraph - sents[d.facts[i].sentence].paragraph) for i in pair) > PARAGRAPHS_APART:
        return False
    if move.size >= 0:
        if move.size in pair:
            return False
        si, pos = d.pos_of(move.size)
        lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
        for t in d.m.tokens[si][lo:hi]:
            if t.fact < 0 or t.fact == move.size:
                continue
            h = d.hedge_start(si, d.pos_of(t.fact)[1])
            if h > 0 and d.m.words[si][h - 1] in ("to", "from"):
                return False  # "easing 2% to £310,000", "fell by 9% in 2024, to £52,000": its own level
            if t.fact in pair:
                continue
            f = d.facts[t.fact]
            if f.kind in _OWN_TIMES or (same_family(f, d.facts[bi]) and _same_concept(d, t.fact, bi)):
                return False  # "fell 12% to $410m", "went up by 3% in May": a level or a time of its own
        if "since" in d.m.words[si][lo:hi]:
            return False  # "has climbed about 40% since June": a move from a base of its own
    return True


def _same_concept(d: _Doc, ai: int, bi: int) -> bool:
    """Two figures are of one thing as far as their frames say: one concept, or either unnamed ("four new
    galleries" and "84,000 visitors" are two things)."""
    ca, cb = d.m.frame(ai).concept, d.m.frame(bi).concept
    return not (ca and cb and ca != cb)


def _alike(d: _Doc, move: _Move, pair: tuple[int, int]) -> bool:
    """The move is of the pair's thing: the concepts agree where both are named, the holders where both
    are, the size's kind suits the ends (points of percentages, a share or per cent of anything)."""
    ai, bi = pair
    b = d.facts[bi]
    if b.kind in ("year", "date", "weekday", "time", "relative", "ordinal", "age"):
        return False
    if _times_other(d, ai) or _times_other(d, bi):
        return False  # "costs 12.6 times a typical salary, compared with seven times": a ratio, not a price
    if move.size >= 0:
        if move.kind == "points" and b.kind != "percent":
            return False
        if b.kind == "percent" and move.kind == "share":
            return False
    known = d.v.concept_names
    told = {x for fi in pair for x in (d.m.frame(fi).concept, d.m.by_fact[fi].concept or "") if x in known}
    if move.concept in known and told and move.concept not in told:
        return False
    return True


def _fits(d: _Doc, move: _Move, pair: tuple[int, int]) -> bool:
    """The move may be the pair's change as told: its way, and its size to ``FIT_SHARE`` read as per cent,
    points, a fraction or a multiple."""
    a, b = d.facts[pair[0]].value, d.facts[pair[1]].value
    if a is None or b is None or a == b:
        return True
    if (b > a) != (move.way == "up"):
        return False
    if move.size < 0:
        return True
    c = d.facts[move.size]
    if c.value is None or a == 0:
        return True
    if move.kind == "multiple":
        got = b / a
    elif move.kind == "share":
        got = abs(b - a) / a
    elif move.kind == "points":
        got = abs(b - a)
    else:
        got = abs(b - a) / a * 100
        if d.facts[pair[1]].kind == "percent" and abs(abs(b - a) - c.value) <= c.value * FIT_SHARE:
            return True  # "fell 4%" of two percentages: points
    return abs(got - c.value) <= c.value * FIT_SHARE


def _others_fit(d: _Doc, move: _Move, near: Sequence[tuple[int, int]]) -> bool:
    """Two other figures of a pair's family told from the sentence before the pair to the move fit the
    move's size, in either order: the writer's arithmetic may be theirs ("59.5% ... Last spring it was
    61.0%, meaning the rate fell 1.5 points", "brewed 12.0m pints, about 6.8m litres, against 11.0m pints,
    a rise of 9%")."""
    for ai, bi in near:
        lo = min(d.facts[ai].sentence, d.facts[bi].sentence, move.sentence) - 1
        hi = max(d.facts[ai].sentence, d.facts[bi].sentence, move.sentence)
        told = [
            fi
            for s2 in range(max(0, lo), hi + 1)
            for t in d.m.tokens[s2]
            if (fi := t.fact) >= 0 and fi != move.size and any(same_family(d.facts[fi], d.facts[e]) for e in (ai, bi))
        ]
        if any(_fits(d, move, (x, y)) for x in told for y in told if x != y and {x, y} != {ai, bi}):
            return True
    return False


def _distance(d: _Doc, move: _Move, pair: tuple[int, int]) -> int:
    """Sentences between the move and the nearer end of the pair."""
    return min(abs(d.facts[i].sentence - move.sentence) for i in pair)


# Tokens after a move's size that the level it reached may stand ("doubled to £3.6m", "rose 5% to £96m").
REACHED_AFTER = 3
# Kinds of figure that are never a level of a move (times, places, ages).
_NO_LEVELS = frozenset({"year", "date", "weekday", "time", "relative", "ordinal", "age", "duration", "percent"})


def _older_apart(d: _Doc, built: Built) -> Iterator[Relation]:
    """A move told with the level it reached and no older one, the older level of the same thing told in
    the sentence just before or after with an earlier time: "Ticket income doubled to £3.6m. In the
    previous season the club took £1.2m."; "In 2015 the clinic saw 3,000 patients. Demand has since
    risen by 25% to 4,500"."""
    # A conversion bracket's figure still stands as its level ("doubled to $3.6bn (£2.8bn)"), and so do
    # two levels read as a bare change told apart (``apart``), which this reads with its size.
    taken = {
        i
        for kind, rels in built.items()
        if kind != "conversion"
        for rel in rels.values()
        if not (rel.label("apart") == "yes" and bare_ends(rel))
        for _, i in rel.roles
    }
    sents = d.view.doc.sentences
    for si in range(len(d.m.tokens)):
        for pos, tok in enumerate(d.m.tokens[si]):
            if tok.fact < 0 or tok.fact in taken:
                continue
            move = _sized_move(d, si, pos)
            level = _reached(d, si, pos) if move is not None else -1
            if move is None or level < 0 or level in taken or _a_rate(d, level):
                continue
            for s2 in (si - 1, si + 1):
                if not 0 <= s2 < len(d.m.tokens) or sents[s2].paragraph != sents[si].paragraph:
                    continue
                older = _one_level(d, s2, level, taken)
                if older < 0 or _ordered(d, older, level) != (older, level) or _a_rate(d, older):
                    continue  # "fee per container ... £96": a rate, no level of revenue
                if not _within_ratio(d, older, level) or not _back_from_move(d, older, si, pos):
                    continue
                pair = (older, level)
                if _fits(d, move, pair) or _others_fit(d, move, [pair]):
                    break
                roles: tuple[tuple[str, int], ...] = (("from", older), ("to", level))
                labels = [("direction", move.way)]
                if move.kind == "multiple":
                    roles += (("factor", move.size),)
                    labels.append(("multiple", d.facts[move.size].text.lower()))
                else:
                    roles += (("stated", move.size),)
                yield Relation("change", roles, (move.cue,), "document", tuple(sorted(labels)))
                break


def _reached(d: _Doc, si: int, pos: int) -> int:
    """The level a move's size at ``pos`` reached: the figure after "to" right after it ("doubled to £3.6m",
    "fell by a third to 600mm"); -1 when none. ("£2.1m, up 15%" may be a part's level, "sales online",
    and is left to the readers that weigh the kinds of a thing.)"""
    words, toks = d.m.words[si], d.m.tokens[si]
    for j in range(pos + 1, min(len(words), pos + 1 + REACHED_AFTER)):
        if words[j] == "to":
            fi = d.figure_after(si, j + 1)
            return fi if fi >= 0 and d.facts[fi].kind not in _NO_LEVELS else -1
        if toks[j].fact >= 0:
            break
    return -1


# Most times one level may be of another told as its older level without a multiple word between them: a
# tenfold gap is two quantities ("revenue of £412m" ... "a fee of £96").
MAX_RATIO = 10


def _back_from_move(d: _Doc, older: int, si: int, pos: int) -> bool:
    """The older level's time is counted back from the move's ("Last year", "In the previous season", "a
    year earlier"), or the move runs "since" it ("In 2015 the clinic saw 3,000. Demand has since risen"):
    "In 2015 output was 80 tonnes" after "output rose 25% to 100 tonnes" may be years before the move's start."""
    if _counted_back(d, older) or d.m.frame(older).period.startswith("-"):
        return True
    return "since" in d.m.words[si][d.m.clause_start(si, pos) : pos]


def _within_ratio(d: _Doc, ai: int, bi: int) -> bool:
    """Two levels within ``MAX_RATIO`` of each other."""
    a, b = d.facts[ai].value, d.facts[bi].value
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    return a / b <= MAX_RATIO and b / a <= MAX_RATIO


def _one_level(d: _Doc, si: int, level: int, taken: set[int]) -> int:
    """The one figure of ``level``'s family told in sentence ``si``, free of any relation; else -1."""
    found = [
        t.fact
        for t in d.m.tokens[si]
        if t.fact >= 0 and d.facts[t.fact].kind not in _NO_LEVELS and same_family(d.facts[t.fact], d.facts[level])
    ]
    return found[0] if len(found) == 1 and found[0] not in taken else -1
