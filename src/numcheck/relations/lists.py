"""Lists: one reader for what a sentence enumerates, and the total its entries belong to.

A list is read once per sentence into ``Entry`` records: a name (a title, a place, a team) with the
figure given to it, or a name alone. The forms read, as vocabulary (``[lists]`` in ``vocab.toml``):

- names joined by commas and "and", titles with their small words inside ("A Week in Paris,
  Songs of the Marsh and The Long Road");
- a figure given to a place: "nine are in Arden, eight in Bellport and four in Carran";
- one figure for several names: "and one apiece in Dunmore, Esk and Fallow" (three entries of one);
- a name with its figure after it: "Arden (12), Bellport (9)", "Arden 12, Bellport 9".

Builders here turn a list into the relation its judges already know:

- ``tally`` (NC218): a definite count of the things the sentence names ("the six films", "all five
  cities") against the names listed before it;
- ``breakdown`` (NC205, ``inclusive``): a list of figures opened by "Of <the whole>," ("Of the
  region's cases, nine are in A, ...") or by a breakdown word, against the whole told in the sentences
  before (a national or total figure of the same count), or against the figure its own clause tells
  before it ("The 1,200 jobs will go at plants in Leeds (500), Derby (400) and Hull (450)").

Partial lists ("including", "such as", "among others") give no relation. Every builder walks each
sentence's tokens once; look-backs are bounded in sentences (``TOTAL_BACK``), so building is linear.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from numcheck.mentions import CLAUSE_END, Token, inside_quote
from numcheck.model import Fact, Span
from numcheck.relations.base import _DETERMINERS, FRAME_KINDS, Relation, _Doc, family, whole_floors
from numcheck.relations.referents import (
    definite_at,
    definite_whole,
    modified_whole,
    modifier_at,
    opener_start,
    referent,
    subject_at,
)
from numcheck.relations.scopes import NATIONAL_WORDS, PLACE_WORDS, _scope
from numcheck.vocab import PhraseTable, _toml, singular

# Tokens in one name of a list ("The Return Of The Long Road"): a longer run is running text.
NAME_TOKENS = 8
# Tokens between two entries of a figure list ("nine are in A, eight in B"): the gap holds the joiner.
ENTRY_GAP = 8
# Words a figure and its place may have between them ("nine are in", "12 were reported in").
PLACE_FILLER = 3
# Entries that make a list (fewer is a pair, read by the part and comparison builders).
ENTRIES_MIN = 3
# The largest definite count read against the names of its sentence ("the six films").
COUNT_MAX = 20
# Words the noun reader may take for what a figure counts that say only where or how it is told
# ("40 nationwide", "one apiece", "14 cases respectively" is read as cases).
NOT_CONCEPTS = NATIONAL_WORDS | {"apiece", "each", "respectively", "all", "altogether"}
# A definite count further than this from the names of its sentence counts something else ("A, B and C
# were shortlisted, and the 12 judges ..."); a name dropped or added is one or two off.
NAMED_SLACK = 2
# Fewest names in a list told in the sentence next to its count: two joined by "and" are often one name.
NEXT_DOOR_MIN = 3
# Words (past "a" and "the") a thing in lower case of a list told after "They are" may have.
LOWER_ITEM_WORDS = 4
# Sentences either side of a count of countries that the list of them may be told in.
COUNTRIES_NEAR = 2
# Sentences after a whole that its places may be told in, one a sentence; tokens after a figure that the
# place it is given to may stand ("640 confirmed cases of the virus in Norland").
RUN_NEXT = 3
PLACE_REACH = 8
# Tokens before a list that the total its clause opens with may stand ("The 1,200 jobs will go at plants in").
CLAUSE_WHOLE_REACH = 12
# Sentences after the one that opens "The first ..." that a list told in order may go on in, and after
# those, that may still tell its last entry or the rest ("The last ...", "Finally, ...").
ORDER_NEXT = 2
ORDER_REST = 2
# Sentences back that a list's whole may stand ("the number ... rose to 23. ... Of those cases, ...").
TOTAL_BACK = 4


@functools.cache
def _tables() -> dict[str, PhraseTable]:
    data = _toml("vocab.toml")["lists"]
    return {key: PhraseTable.build((p, key) for p in phrases) for key, phrases in data.items()}


def plain_holders() -> PhraseTable:
    """Holders a list may name in lower case ("and independents 3", "others 5"): ``[lists] plain_holders``."""
    return _tables()["plain_holders"]


def _has(table: str, words: Sequence[str], start: int, end: int) -> bool:
    t = _tables()[table]
    return any(t.starting_at(words, k) for k in t.starts_in(words, start, end))


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a list: the tokens of its name, and the figure given to it (-1: a name alone)."""

    start: int
    end: int
    fact: int = -1


def _capital(d: _Doc, tok: Token) -> bool:
    return d.view.text[tok.start : tok.start + 1].isupper()


def _name_end(d: _Doc, toks: Sequence[Token], words: Sequence[str], start: int, subtitles: bool = False) -> int:
    """One past the last token of the name that starts at ``start`` (a capitalised word), or ``start``.

    Small words stay inside a name when a capitalised word follows them ("Songs of the Marsh"); a name
    ends before a figure, a joiner or a lower-case word. With ``subtitles`` a colon between capitalised
    words stays inside a title ("Night Train: The Return")."""
    inner = _tables()["name_inner"]
    if start >= len(toks) or toks[start].fact >= 0 or not _capital(d, toks[start]):
        return start
    j = start + 1
    end = j
    while j < len(toks) and j - start < NAME_TOKENS:
        if subtitles and words[j] == ":" and j == end and j + 1 < len(toks) and _capital(d, toks[j + 1]):
            j += 1  # a title's subtitle: kept only if a capitalised word follows
            continue
        if toks[j].fact >= 0 or words[j] in CLAUSE_END or words[j] == ",":
            break
        if _capital(d, toks[j]) and words[j] != "and":
            j += 1
            end = j
            continue
        if inner.starting_at(words, j) or not words[j][:1].isalnum():
            j += 1  # "to", "of the", a hyphen or an accent inside a name: kept only if a capital follows
            continue
        break
    return end


def _sentence(d: _Doc, si: int) -> tuple[Sequence[Token], Sequence[str]]:
    """A sentence's tokens and words, also for a sentence with no figure (which the mentions leave
    untokenised): "Applicants from A, B and C will ..." lists names with no figure."""
    if d.m.tokens[si]:
        return d.m.tokens[si], d.m.words[si]
    toks = d.m.sentence_tokens(si)
    return toks, tuple(t.text for t in toks)


# Lower-case words an article may put before a listed name: "a new Harwick Parkway", "the rebuilt St Ann's".
ARTICLE_WORDS = 2


def past_article(d: _Doc, toks: Sequence[Token], words: Sequence[str], j: int) -> int:
    """The token a listed name starts at from ``j``: past "the", "a" or "an" and up to ``ARTICLE_WORDS``
    lower-case words before a capitalised one ("the Marsh", "a new Harwick Parkway"); else ``j``."""
    if words[j] not in ("the", "a", "an"):
        return j
    for k in range(j + 1, min(len(toks), j + 2 + ARTICLE_WORDS)):
        if toks[k].fact >= 0:
            return j
        if _capital(d, toks[k]):
            return k
        if not words[k].replace("-", "").isalpha() or words[k] in ("and", "or"):
            return j  # a hyphenated word is one word before the name: "the late-season Rafael"
    return j


def names_at(d: _Doc, si: int, start: int, subtitles: bool = False) -> list[Entry]:
    """The names listed from token ``start`` ("A, B, C and D"): at least two, the last after "and".
    With ``subtitles``, titles may hold a colon ("A, Night Train: The Return and B")."""
    toks, words = _sentence(d, si)
    out: list[Entry] = []
    closed = False  # the last joiner was "and": the list may end after the next name
    j = start
    while j < len(toks):
        k = past_article(d, toks, words, j)
        end = _name_end(d, toks, words, k, subtitles)
        if end == k or _tables()["not_name"].starting_at(words, k):
            break  # "In the North West": a capitalised preposition opens a clause, not a name
        out.append(Entry(j, end))
        if closed:
            break
        if end + 1 < len(words) and words[end] == "," and words[end + 1] == "and":
            j, closed = end + 2, True
        elif end < len(words) and words[end] in (",", "and"):
            j, closed = end + 1, words[end] == "and"
        else:
            break
    return out if closed and len(out) >= 2 and len(out) == len({e.start for e in out}) else []


def _place_entries(d: _Doc, si: int, pos: int) -> tuple[list[Entry], int] | None:
    """The entries a figure gives to places after it: "nine are in A" (one), "one apiece in A, B and C"
    (one a name); with the token after the last."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    fi = toks[pos].fact
    j = pos + 1
    each = _tables()["each"].starting_at(words, j)
    if each:
        j = each[1]
    if not each and j + 1 < len(words) and _tables()["name_links"].starting_at(words, j) and _capital(d, toks[j + 1]):
        # "25 were British": a named category after a linking verb
        end = _name_end(d, toks, words, j + 1)
        if end > j + 1 and toks[j + 1].fact < 0 and not _tables()["not_name"].starting_at(words, j + 1):
            return [Entry(j + 1, end, fi)], end
    k = j
    preps = _tables()["place_preps"]
    while k < len(words) and k - j <= PLACE_FILLER and not preps.starting_at(words, k):
        if toks[k].fact >= 0 or words[k] in CLAUSE_END or words[k] in (",", "and") or _capital(d, toks[k]):
            return None
        k += 1
    hit = preps.starting_at(words, k) if k < len(words) else None
    if hit is None or k - j > PLACE_FILLER:
        return None
    k = hit[1]
    if each:
        names = names_at(d, si, k)
        if names:
            return [Entry(e.start, e.end, fi) for e in names], names[-1].end
    if k < len(words) and words[k] == "the":
        k += 1
    end = _name_end(d, toks, words, k)
    return ([Entry(k, end, fi)], end) if end > k else None


# Tokens back from the comma that closes a relative clause that its opening ", who" may stand.
RELATIVE_REACH = 16


def _relative_opens(words: Sequence[str], j: int) -> bool:
    """A clause told aside opens at token ``j``: "who ...", "which ...", or a participle ("defending ...")."""
    return j < len(words) and (words[j] in ("who", "which") or (words[j].endswith("ing") and len(words[j]) > 5))


def _in_relative(words: Sequence[str], pos: int) -> bool:
    """The figure at ``pos`` is told inside a clause set aside between commas after a name ("The Greens,
    who went in holding 20 seats, won 9"): what the side had, not what it holds."""
    for j in range(pos - 1, max(-1, pos - RELATIVE_REACH), -1):
        if words[j] in (";", ":", "(", ")"):
            return False
        if words[j] == ",":
            if not _relative_opens(words, j + 1):
                return False
            return "," in words[pos + 1 : pos + RELATIVE_REACH]
    return False


_ASIDE_TIMES = frozenset({"year", "date", "decade", "relative", "month", "duration"})


def _aside_time(d: _Doc, si: int, pos: int) -> bool:
    """Every time the sentence tells stands in an aside closed before the figure at ``pos`` ("Green Future,
    which first won seats in 2023, took 16 seats"): the aside's time is not the figure's."""
    words, toks = d.m.words[si], d.m.tokens[si]
    close = max((j for j in range(pos) if words[j] == ","), default=-1)
    if close < 0:
        return False
    opened = _before_relative(words, close - 1)
    if opened == close - 1:
        return False
    timed = [k for k, t in enumerate(toks) if t.fact >= 0 and d.facts[t.fact].kind in _ASIDE_TIMES]
    return bool(timed) and all(opened + 1 < k < close for k in timed)


def _before_relative(words: Sequence[str], k: int) -> int:
    """Token ``k`` ends a relative clause set between commas after a name ("The Greens, who went in
    defending 26 seats, were reduced to 12"): the token before its opening comma, else ``k``."""
    for j in range(k, max(0, k - RELATIVE_REACH), -1):
        if words[j] == "," and _relative_opens(words, j + 1):
            return j - 1
        if words[j] in (",", ";", ":", "(", ")"):
            return k
    return k


def _name_entry(d: _Doc, si: int, pos: int, verbs: str = "name_verbs") -> tuple[list[Entry], int, int] | None:
    """The name a figure is given to before it: "Arden (12)", "Arden 12", "Arden, with 12", "Arden had 12":
    (the entry, its first token, one past its last)."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    k = pos - 1
    close = pos + 1
    if k >= 0 and words[k] == "(":
        if close >= len(words) or words[close] != ")":
            return None
        k, close = k - 1, close + 1
    else:
        hit = _tables()[verbs].ending_at(words, pos)
        if hit:
            k = hit[1] - 1
            if k >= 0 and words[k] == ",":
                k -= 1
                k = _before_relative(words, k)
    plain = plain_holders().ending_at(words, k + 1) if k >= 0 else None
    if plain is not None:
        return [Entry(plain[1], k + 1, toks[pos].fact)], plain[1], close  # "and independents 3"
    head = _tables()["entry_heads"].starting_at(words, k) if k >= 1 else None
    if head is not None and head[1] == k + 1 and _capital(d, toks[k - 1]):
        k -= 1  # "the Asia-Pacific region $700m", "its Nordic arm 12": the name before its head noun
    end = k + 1
    while k >= 0 and toks[k].fact < 0 and end - k <= NAME_TOKENS:
        if _capital(d, toks[k]):
            if k == 0 or not _capital(d, toks[k - 1]):
                break
        elif not (_tables()["name_inner"].ending_at(words, k + 1) or not words[k][:1].isalnum()):
            return None
        k -= 1
    if (
        k < 0
        or end <= k
        or toks[k].fact >= 0
        or not _capital(d, toks[k])
        or _tables()["not_name"].starting_at(words, k)
    ):
        return None
    if _name_end(d, toks, words, k) != end:
        return None
    return [Entry(k, end, toks[pos].fact)], k, close


def _respectively(d: _Doc, si: int) -> list[Entry]:
    """ "Arden, Bellport and Carran had 12, 19 and 14 cases respectively": names, then as many figures."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    if "respectively" not in words:
        return []
    r = words.index("respectively")
    figs: list[int] = []
    k = r - 1
    while k >= 0 and len(figs) <= ENTRIES_MIN * 4:
        if toks[k].fact >= 0:
            figs.append(k)
        elif words[k] not in (",", "and") and (figs and k < figs[-1] - 1 or words[k] in CLAUSE_END):
            if figs and k < figs[-1] - 1:
                break
            if words[k] in CLAUSE_END:
                return []
        k -= 1
    figs.reverse()
    if len(figs) < 2:
        return []
    first = figs[0]
    for start in range(max(0, first - 3 * NAME_TOKENS * len(figs)), first):
        names = names_at(d, si, start)
        if len(names) == len(figs) and names[-1].end <= first:
            return [Entry(n.start, n.end, toks[f].fact) for n, f in zip(names, figs, strict=True)]
    return []


def _nested(d: _Doc, gap: Sequence[str]) -> bool:
    """A list opened within an entry ("180 came from Europe, among them 120 from France"): the entries after
    it are parts of that entry, not of the list's whole."""
    return any(gap[k - 1] == "," and d.v.breakdown_open.starting_at(gap, k) for k in range(1, len(gap)))


def figure_list(d: _Doc, si: int) -> list[Entry]:
    """The longest run of figures given to names or places in sentence ``si``, each entry joined to the one
    before by a comma, "and" or a semicolon; at least ``ENTRIES_MIN`` entries of one family, else []."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    listed = _respectively(d, si)
    if len(listed) >= ENTRIES_MIN:
        return listed
    best: list[Entry] = []
    run: list[Entry] = []
    last_end = -1
    pos = 0
    while pos < len(toks):
        fi = toks[pos].fact
        f = d.facts[fi] if fi >= 0 else None
        if f is None or f.kind not in ("count", "number", "money") or f.is_range or f.value is None:
            pos += 1
            continue
        placed = _place_entries(d, si, pos)
        got = (placed[0], pos, placed[1]) if placed else _name_entry(d, si, pos)
        if got is None:
            if len(run) > len(best):
                best = run
            run = []
            pos += 1
            continue
        entries, start, end = got
        gap = words[last_end:start] if run else ()
        if run and (
            len(gap) > ENTRY_GAP
            or not set(gap) & {",", "and", ";"}
            or set(gap) & {".", ":", "!", "?"}
            or family(d.facts[run[0].fact]) != family(f)
            or _nested(d, gap)
        ):
            if len(run) > len(best):
                best = run
            run = []
        run.extend(entries)
        last_end = end
        pos = max(end, pos + 1)
    if len(run) > len(best):
        best = run
    return best if len(best) >= ENTRIES_MIN else []


# Sentences a list of named shares may run on into ("... with the Conservatives on 30%. Reform UK is on 22%,
# the Liberal Democrats on 11% ...").
SHARES_NEXT = 1
# Tokens between two named shares: the joiner, and a change told of the first ("Labour on 34%, down three
# points on last month, with the Conservatives unchanged on 30%").
SHARE_GAP = 12


def _share_entry(d: _Doc, si: int, pos: int, verbs: str = "name_verbs") -> tuple[int, int] | None:
    """The name a percentage is given to before it ("Labour on 34%", "Reform UK is on 22%", "others on 8%"):
    (the name's first token, one past the figure's), or None."""
    got = _name_entry(d, si, pos, verbs)
    if got is not None:
        return got[1], got[2]
    words = d.m.words[si]
    hit = _tables()[verbs].ending_at(words, pos)
    rest = _tables()["others"].ending_at(words, hit[1]) if hit else None
    return (rest[1], pos + 1) if rest else None


def _named_shares(d: _Doc) -> Iterator[Relation]:
    """Shares of one poll or vote, each given to a name: "The survey puts Labour on 34%, the Conservatives
    on 30%, Reform UK on 22%", running on into the next sentence when it opens with a name and its share
    ("Reform UK is on 22%, the Liberal Democrats on 11% and the Greens on 6%, with all other parties on
    2%"). Together at most 100%: a ``shares`` relation (NC206). Read where a word of a poll or a vote
    ([lists] polls) stands in the run's first sentence or the one before; every name is another."""
    n = len(d.m.tokens)
    si = 0
    while si < n:
        items, names = _share_run(d, si)
        nxt = si + 1
        while items and nxt < n and nxt - si <= SHARES_NEXT:
            more, more_names = _share_run(d, nxt, opening=True)
            if not more or names & more_names:
                break
            items, names = items + more, names | more_names
            nxt += 1
        if len(items) >= ENTRIES_MIN and any(
            _has("polls", d.m.words[s], 0, len(d.m.words[s])) for s in (si - 1, si) if s >= 0
        ):
            yield Relation("shares", tuple(("item", i) for i in items), (), "sentence" if nxt == si + 1 else "document")
        si = nxt if len(items) >= ENTRIES_MIN else si + 1


def _share_run(d: _Doc, si: int, opening: bool = False, verbs: str = "name_verbs") -> tuple[list[int], set[str]]:
    """The longest run of named percentages in sentence ``si`` joined by commas, "and" or "with" (with
    ``opening``, only a run whose first name opens the sentence): (facts, names)."""
    toks, words = d.m.tokens[si], d.m.words[si]
    best: tuple[list[int], set[str]] = ([], set())
    run: list[int] = []
    names: set[str] = set()
    last = -1
    for pos in range(len(toks)):
        fi = toks[pos].fact
        if fi < 0 or d.facts[fi].kind != "percent" or d.facts[fi].is_range:
            continue
        got = _share_entry(d, si, pos, verbs)
        name = " ".join(words[got[0] : pos]) if got else ""
        gap = words[last : got[0]] if got and run else ()
        if (
            got is None
            or (run and (len(gap) > SHARE_GAP or not set(gap) & {",", "and", "with"} or set(gap) & CLAUSE_END))
            or name in names
        ):
            if len(run) > len(best[0]):
                best = (run, names)
            run, names = [], set()
            if got is None:
                continue
        if not run and opening and got[0] > 1:
            continue
        run.append(fi)
        names.add(name)
        last = got[1]
    if len(run) > len(best[0]):
        best = (run, names)
    return best


# Sentences after a body's seats that its sides' seats may be told in.
SEATS_NEXT = 6


def _seat_whole(d: _Doc, si: int, pos: int) -> bool:
    """The count at ``pos`` is a body's seats as a whole: a seat noun right after it, told after "of the"
    ("22 of the 43 seats") or as what the body has ("The council has 43 seats", "the 43-seat council")."""
    words = d.m.words[si]
    if pos + 2 < len(words) and words[pos + 1] == "-" and _tables()["seats"].starting_at(words, pos + 2):
        return True  # "the 101-seat parliament": the body told by its size
    if not _tables()["seats"].starting_at(words, pos + 1):
        return False
    if pos > 2 and words[pos - 1].endswith(("'s", "s'")) and words[pos - 3 : pos - 1] == ("of", "the"):
        return True  # "28 of the council's 54 seats": the body's seats, told by its holder
    if words[max(0, pos - 2) : pos] in (("of", "the"), ("of", "its")) or (pos > 0 and words[pos - 1] in ("of", "all")):
        return True  # ("All 57 seats were contested")
    if not (pos > 0 and words[pos - 1] in ("has", "have", "had")):
        return False
    # "Labour had 24 councillors, down from 31": a side's holding told with its change, not the body's size
    after = pos + 2 + (pos + 2 < len(words) and words[pos + 2] == ",")
    return not _tables()["held_change"].starting_at(words, after) and not _first_of_sides(d, si, pos)


def _first_of_sides(d: _Doc, si: int, pos: int) -> bool:
    """The count at ``pos`` is given to a name and opens a list of other names' figures told after it in its
    sentence ("Reform has 19 councillors, the Liberal Democrats 15 and the Greens eight"): one side's holding,
    not the body's seats."""
    if _name_entry(d, si, pos) is None:
        return False
    toks = d.m.tokens[si]
    return any(t.fact >= 0 and _name_entry(d, si, k) is not None for k, t in enumerate(toks) if k > pos + 1)


def _held(d: _Doc, si: int, pos: int, whole: Fact, times: frozenset[str] = frozenset({"", "now"})) -> bool:
    """The count at ``pos`` is one side's seats: a seat noun after it or a bare figure given to a name, no
    word of a gain, loss, margin or threshold beside it, no other year or time than the whole's (``times``)."""
    words = d.m.words[si]
    f = d.facts[d.fact_at(si, pos)]
    if f.kind not in ("count", "number") or f.is_range or f.value is None or f.value >= (whole.value or 0):
        return False
    if inside_quote(words, pos):
        return False  # '"Nineteen seats is a great result," said the leader': a quote tells a side's seats again
    k = d.hedge_start(si, pos)
    noun = _tables()["seats"].starting_at(words, pos + 1)
    after = noun[1] if noun else pos + 1
    if _tables()["not_held"].ending_at(words, k) or _tables()["not_held_after"].starting_at(words, after):
        return False
    if _tables()["seats"].ending_at(words, k) and not _tables()["seats"].starting_at(words, pos + 1):
        return False  # "the 43 seats, 22 ..." is not this count's noun
    if (
        d.m.frame(d.fact_at(si, pos)).period not in times
        and not _aside_time(d, si, pos)
        and not _of_whole(d, si, pos, whole)
    ):
        return False
    start = d.m.clause_start(si, pos)
    if any(_tables()["not_held_clause"].starting_at(words, j) for j in range(start, pos)):
        return False  # "A coalition of the two would hold 53 seats", "needs the backing of 32 members"
    if _in_relative(words, pos):
        return False  # "The Greens, who went in holding 20 seats, won 9": an aside on what the side had
    if noun and _placed_seats(d, si, noun[1], whole):
        return False  # "won all 16 seats in the city's five wards": a part of one side's seats, by place
    if _tables()["seats"].starting_at(words, pos + 1) or words[pos + 1 : pos + 3] == ("of", "the"):
        return True  # "won six seats", "took 22 of the 43 seats"
    if _given_after(d, si, after):
        return True  # "Five went to candidates backed by the board, and one to an independent"
    if (
        pos + 1 < len(words)
        and words[pos + 1].isalpha()
        and not _tables()["held_bare_after"].starting_at(words, pos + 1)
    ):
        return False  # "Arden's seven town wards": a bare figure that counts another noun
    got = _name_entry(d, si, pos)
    return got is not None


_NOW = frozenset({"", "now"})


def _of_whole(d: _Doc, si: int, pos: int, whole: Fact) -> bool:
    """The count at ``pos`` is told as a part of the whole itself, "taking 31 of the 57 seats": it has the
    whole's time, whatever a run's "since 2004" in its clause reads as its own."""
    words = d.m.words[si]
    if tuple(words[pos + 1 : pos + 3]) != ("of", "the"):
        return False
    return d.fact_at(si, pos + 3) >= 0 and d.facts[d.fact_at(si, pos + 3)] is whole


def _given_after(d: _Doc, si: int, k: int) -> bool:
    """The seats a figure counts are given, from token ``k`` right after it, to a side named after a verb of
    giving (``[lists] given_to``: "Five went to Labour", "six were won by independents"), or after a bare
    "to" where its sentence told such a verb before ("and one to an independent"): a name, a holder told in
    lower case, or a holder noun (``[lists] given_holders``: "candidates backed by the board")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    hit = _tables()["given_to"].starting_at(words, k)
    told = hit is not None  # the verb itself: any side named after it ("went to the leadership slate")
    if hit is None:
        if k >= len(words) or words[k] != "to" or not _has("given_to", words, 0, k):
            return False
        hit = ("given_to", k + 1)
    j = hit[1]
    while j < len(words) and words[j] in _DETERMINERS:
        j += 1
    if j >= len(words) or toks[j].fact >= 0:
        return False
    if _capital(d, toks[j]):
        return not _tables()["not_name"].starting_at(words, j)
    if told and words[j].isalpha() and words[j - 1] in _DETERMINERS:
        return True
    return bool(plain_holders().starting_at(words, j) or _tables()["given_holders"].starting_at(words, j))


def _seat_times(d: _Doc, si: int, pos: int, wi: int, w: Fact) -> frozenset[str]:
    """The times a side's seats may be told of: now, or the time of a side's seats told beside the whole
    ("Civic Renewal will have 44 seats in the 101-seat parliament": a projection, whose sides are all told
    as what they will have)."""
    for k, tok in enumerate(d.m.tokens[si]):
        if tok.fact >= 0 and tok.fact != wi and k != pos and _held(d, si, k, w, _NOW | {"future"}):
            return _NOW | {d.m.frame(tok.fact).period}
    return _NOW


# Tokens after a seat noun that the body it is told "in" may stand: "44 seats in the 101-seat parliament".
SEAT_BODY_REACH = 3


def _placed_seats(d: _Doc, si: int, after: int, whole: Fact) -> bool:
    """The seats end at token ``after`` and are told "in" or "across" somewhere that is not the body whose
    seats are the whole ("in the 101-seat parliament" is the body; "in the city's five wards", "across the
    valley" is a place a side won some of its seats in)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if after >= len(words) or words[after] not in ("in", "across", "from"):
        return False
    near = range(after + 1, min(len(words), after + 1 + SEAT_BODY_REACH))
    return not any(toks[k].fact >= 0 and d.facts[toks[k].fact] is whole for k in near)


# Tokens at the head of a sentence that a phrase telling another time of the seats may stand in.
SEATS_THEN_REACH = 4


def _seat_shares(d: _Doc) -> Iterator[Relation]:
    """A body's seats and the seats its sides hold, told in its sentence and the next ``SEATS_NEXT``:
    "Independents took 22 of the 43 seats. The Conservatives were reduced to 11 councillors, down from 24.
    The Liberal Democrats won six seats, Labour four and the Greens one." Each seat is one side's, so the
    sides' counts add up to at most the whole (an open ``breakdown``: a side may go untold). A count beside
    a word of a gain, a loss, a margin or a threshold ("down from 24", "36 needed for a majority") or of
    another time is no side's holding; at least ``ENTRIES_MIN`` sides."""
    for si, pos, wi, w in d.figures(frozenset({"count", "number"})):
        if not _seat_whole(d, si, pos):
            continue
        items: list[int] = []
        times = _seat_times(d, si, pos, wi, w)
        for s2 in range(si, min(len(d.m.tokens), si + SEATS_NEXT + 1)):
            if s2 > si and any(_seat_whole(d, s2, k) for k, t in enumerate(d.m.tokens[s2]) if t.fact >= 0):
                break  # another body's seats
            if s2 > si and _has("seats_then", d.m.words[s2], 0, SEATS_THEN_REACH):
                break  # "Before the election the Conservatives held 26 seats, ...": the seats of another time
            for k, tok in enumerate(d.m.tokens[s2]):
                if tok.fact >= 0 and tok.fact != wi and (s2 > si or k != pos) and _held(d, s2, k, w, times):
                    items.append(tok.fact)
        if len(items) >= ENTRIES_MIN:
            cue = d.span(si, pos + 1, pos + 2)
            ev = "sentence" if all(d.facts[i].sentence == w.sentence for i in items) else "document"
            yield Relation(
                "breakdown", (("total", wi), *(("item", i) for i in items)), (cue,), ev, (("inclusive", "yes"),)
            )


# Words between a definite count's noun and the figures it lists ("The six regions reported 40, 35 ...").
COUNT_VERB_WORDS = 3


def _figure_run(d: _Doc, si: int, k: int) -> list[int]:
    """Bare counts from token ``k`` joined by commas and one "and" before the last, ending the clause, or
    before a plural noun that ends it, or "respectively": their facts, else []."""
    words = d.m.words[si]
    run: list[int] = []
    ands = 0
    while k < len(words):
        fi = d.fact_at(si, k)
        f = d.facts[fi] if fi >= 0 else None
        if f is None or f.kind not in ("count", "number") or f.unit or f.is_range or f.hedge != "exact":
            return []
        run.append(fi)
        k += 1
        if k < len(words) and words[k] == ",":
            k += 1
            if ands:
                break
            if k < len(words) and words[k] == "and":
                ands, k = ands + 1, k + 1
            continue
        if k < len(words) and words[k] == "and" and not ands:
            ands, k = 1, k + 1
            continue
        break
    if ands != 1 or len(run) < 2:
        return []
    if k < len(words) and words[k].isalpha() and words[k].endswith("s") and words[k] != "respectively":
        k += 1  # "... and 10 cases"
    end = k < len(words) and (words[k] in CLAUSE_END or words[k] in (",", "respectively"))
    return run if end or k >= len(words) else []


def _counted_figures(d: _Doc) -> Iterator[Relation]:
    """A definite count of things and the figures its sentence then gives them one each: "The six regions
    reported 40, 35, 20, 15 and 10 cases" lists five. A ``tally`` (NC218): the count against the number of
    figures listed. Read only at the head of a sentence ("The six regions", "All six", "Six regions") with its
    plural noun and at most ``COUNT_VERB_WORDS`` words before the figures."""
    for si, pos, ci, c in d.figures(frozenset({"count", "number"})):
        words = d.m.words[si]
        if c.hedge != "exact" or c.value is None or not 2 <= c.value <= COUNT_MAX or c.value != int(c.value):
            continue
        if not (pos == 0 or pos <= 2 and words[pos - 1] in ("the", "all", "these", "those")):
            continue
        k = pos + 1
        if not (k < len(words) and words[k].isalpha() and words[k].endswith("s")):
            continue
        k += 1
        verb = k
        while k < len(words) and k - verb < COUNT_VERB_WORDS and d.fact_at(si, k) < 0 and words[k].isalpha():
            k += 1
        if k == verb or words[k - 1] in ("of", "than", "to", "by", "from"):
            continue
        run = _figure_run(d, si, k)
        if run and len(run) != int(c.value):
            labels = (("plus", str(len(run))), ("why", f"the sentence lists {len(run)} figures"))
            yield Relation("tally", (("total", ci),), tuple(d.facts[i].span for i in run), "sentence", labels)


# Sentences after a declared count of a group ("its five districts") that its members' figures may be told in.
DECLARED_NEXT = 3
# Tokens before a member's figure, in its clause, that the name holding it may stand.
DECLARED_NAME_REACH = 8
# Words right before a declared count that make its group definite: "its five districts", "the borough's
# three wards" (a possessive), "the four hospitals".
_DECLARED_DETERMINERS = frozenset({"its", "their", "the", "his", "her", "our"})


def _declared_group(d: _Doc, si: int, pos: int) -> bool:
    """The count at ``pos`` declares a definite group by its plural noun: "its five districts", "the
    borough's three wards", "runs four hospitals" (a group the subject has)."""
    words = d.m.words[si]
    f = d.facts[d.m.tokens[si][pos].fact]
    v = f.value
    if f.hedge != "exact" or f.unit or v is None or not 2 <= v <= COUNT_MAX or v != v.to_integral_value():
        return False
    k = pos + 1
    if k < len(words) and words[k].isalpha() and not words[k].endswith("s") and k + 1 < len(words):
        k += 1  # "its three ferry routes"
    if not (k < len(words) and words[k].isalpha() and words[k].endswith("s") and len(words[k]) > 3):
        return False
    before = words[pos - 1] if pos > 0 else ""
    return before in _DECLARED_DETERMINERS or before.endswith(("'s", "s'")) or before in ("runs", "has", "operates")


def _member_name(d: _Doc, si: int, pos: int) -> str:
    """The name of the member a figure is told of: the capitalised words nearest before it, with no figure
    between ("North Shore has 98,400", "In Ashby, 8,950", "the Royal 29,400", "Leo Mant, who cost £46m"),
    else ""."""
    toks = d.m.tokens[si]
    text = d.view.text
    start = max(0, pos - DECLARED_NAME_REACH)
    name: list[str] = []
    for k in range(pos - 1, start - 1, -1):
        t = toks[k]
        if t.fact >= 0 or t.text in (";", ":"):
            break
        if (
            text[t.start].isupper()
            and t.text not in d.v.not_names
            and not _tables()["not_name"].starting_at(d.m.words[si], k)
        ):
            name.insert(0, t.text)
        elif name:
            break
    return " ".join(name)


def _declared_parts(d: _Doc) -> Iterator[Relation]:
    """A whole told with a declared count of the group it is spread over, then each member's figure named
    by its holder over the next sentences: "Dunmore has a population of 412,600, spread over its five
    districts. Harbourside is home to 131,200 residents. North Shore has 98,400, ..." Read only when the
    group's members told with a figure of the whole's family number exactly the count, each with a name of
    its own; then together they are at most the whole (an open ``breakdown``: the group may not hold all of
    it). A figure of another time, an older end or a figure with no name makes it no list."""
    for si, pos, ci, c in d.figures(frozenset({"count", "number"})):
        if not _declared_group(d, si, pos):
            continue
        n = int(c.value or 0)
        here = [t.fact for k, t in enumerate(d.m.tokens[si]) if k != pos and t.fact >= 0 and _amount(d, t.fact)]
        wholes = [here[0]] if len(here) == 1 else []
        if si > 0 and len(here) <= 1:
            # "Ravenscar spent £118m. The biggest of its four signings cost £46m, ...": the whole told before
            before = [t.fact for t in d.m.tokens[si - 1] if t.fact >= 0 and _amount(d, t.fact)]
            wholes += before if len(before) == 1 else []
        for wi in wholes:
            items = _declared_members(d, si, pos, ci, wi, n)
            if items:
                cue = d.span(si, pos, pos + 2)
                roles = (("total", wi), *(("item", i) for i in items))
                yield Relation("breakdown", roles, (cue,), "document", (("inclusive", "yes"),))
                break


def _declared_members(d: _Doc, si: int, pos: int, ci: int, wi: int, n: int) -> list[int]:
    """The figures of ``wi``'s family told after the declared count at ``pos`` over the next sentences,
    each with a name of its own, when they number exactly ``n``; else []."""
    w = d.facts[wi]
    period = d.m.frame(wi).period
    items: list[int] = []
    names: set[str] = set()
    for s2 in range(si, min(len(d.m.tokens), si + DECLARED_NEXT + 1)):
        for k, t in enumerate(d.m.tokens[s2]):
            if t.fact < 0 or t.fact in (wi, ci) or (s2 == si and k < pos):
                continue
            f = d.facts[t.fact]
            if f.kind in FRAME_KINDS or not _amount(d, t.fact) or family(f) != family(w):
                continue
            name = _member_name(d, s2, k)
            if (
                not name
                or name in names
                or (f.value or 0) >= (w.value or 0)
                or d.older_end(s2, k)
                or d.m.frame(t.fact).period not in ("", period)
            ):
                return []
            names.add(name)
            items.append(t.fact)
            if len(items) > n:
                return []
    return items if len(items) == n else []


def _amount(d: _Doc, fi: int) -> bool:
    f = d.facts[fi]
    return f.kind in ("count", "number", "money", "measure") and not f.is_range and f.value is not None


def _counted_names(d: _Doc) -> Iterator[Relation]:
    """ "Arlo beat Mira, Tove, Ines and Kaia to the title, and the five players share ...": a definite
    count ("the five", "all five", "these five") of the things the sentence named before it, against the
    names listed. A name right before the list's verb ("Arlo beat ...") may be one of them, so the count
    is read against both readings and only a count that is neither is a relation."""
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        v = f.value
        if v is None or f.hedge != "exact" or not (2 <= v <= COUNT_MAX) or v != v.to_integral_value():
            continue
        words = d.m.words[si]
        toks = d.m.tokens[si]
        if not _tables()["definite"].ending_at(words, pos):
            continue
        nxt = words[pos + 1] if pos + 1 < len(words) else ""
        if not nxt.isalpha() or not nxt.endswith("s") or nxt.endswith("ss"):
            continue  # "the six films": a plural noun names the things counted
        found = _names_before(d, si, pos)
        if found is None:
            continue
        names, subject = found
        count = len(names)
        if v in (count, count - subject) or abs(v - count) > NAMED_SLACK:
            continue
        if _names_of_another(words, names[0].start, nxt) and not _place_noun(nxt):
            continue  # "ground stations in Svalbard and Alaska ... all three satellites": where the stations are
        if any(_capital(d, toks[k]) and words[k] not in ("the", "a") for k in range(names[-1].end, pos)):
            continue  # "the Civic Union and the Progress League ...; with the Liberal Front added, the three"
        cue = Span(toks[names[0].start].start, toks[names[-1].end - 1].end)
        why = f"{count} named: {d.view.text[cue.start : cue.end]}"
        labels = (("plus", str(count)), ("why", why))
        yield Relation("tally", (("total", fi),), (cue,), "sentence", labels)


@functools.cache
def _countries() -> tuple[PhraseTable, frozenset[str]]:
    data = _toml("vocab.toml")["countries"]
    return PhraseTable.build((p, "countries") for p in data["count_nouns"]), frozenset(data["names"])


def _counted_countries(d: _Doc) -> Iterator[Relation]:
    """ "The ministry will fast-track claims from seven countries. Applicants from A, B, C, D and E will get a
    shorter form.": a count of countries or nationalities against the one list of countries told in the
    sentences around it (every name listed a country of ``[countries]``; not a partial list). A count far
    from the names (more than ``NAMED_SLACK``) counts another set ("Ten countries signed ... Leaders from A,
    B and C spoke"); two lists near it leave it unread."""
    nouns, names = _countries()
    first_words = {p.split()[0] for p in _toml("vocab.toml")["countries"]["count_nouns"]}
    n = len(d.m.tokens)
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        words = d.m.words[si]
        v = f.value
        if v is None or f.hedge != "exact" or not (2 <= v <= COUNT_MAX) or v != v.to_integral_value():
            continue
        if not first_words & set(words[pos + 1 : pos + 3]):
            continue
        j = pos + 1 if nouns.starting_at(words, pos + 1) else pos + 2
        if j >= len(words) or not nouns.starting_at(words, j) or (pos and words[pos - 1] in ("other", "another")):
            continue
        if j > pos + 1 and words[pos + 1] in ("other", "more", "of"):
            continue  # "seven other countries", "seven more nations": some beside those listed
        found: list[tuple[int, list[Entry]]] = []
        for s2 in range(max(0, si - COUNTRIES_NEAR), min(n, si + 1 + COUNTRIES_NEAR)):
            if s2 != si:
                found.extend((s2, e) for e in _country_lists(d, s2, names))
        if len(found) != 1:
            continue
        s2, entries = found[0]
        count = len(entries)
        if v == count or abs(v - count) > NAMED_SLACK:
            continue
        toks = _sentence(d, s2)[0]
        cue = Span(toks[entries[0].start].start, toks[entries[-1].end - 1].end)
        why = f"{count} named: {d.view.text[cue.start : cue.end]}"
        yield Relation("tally", (("total", fi),), (cue,), "document", (("plus", str(count)), ("why", why)))


def _counted_next_door(d: _Doc) -> Iterator[Relation]:
    """ "Five runners have been picked for the race. Ann Lee, Bo Park, Cy Moss and Di Wren will represent the
    club.", "He named the eleven worst councils. They were A, B, ... and I.", "A, B, C and D ran the relay.
    The four held off the favourites.": a count of things told by a plural noun, against the one closed list
    of names that opens the sentence after it (or follows "They were", "These are"), or, for a definite
    count ("the four", "all five"), opens the sentence before it. Partial lists and a count more than
    ``NAMED_SLACK`` off the names are left alone, as are counts of "other" or "more" things and a count whose
    own sentence lists names."""
    n = len(d.m.tokens)
    told = _tables()["told_list"]
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        v = f.value
        if v is None or f.hedge != "exact" or not (2 <= v <= COUNT_MAX) or v != v.to_integral_value():
            continue
        words, toks = d.m.words[si], d.m.tokens[si]
        noun = _plural_after(d, si, pos)
        if noun < 0 or (pos and words[pos - 1] in ("other", "another", "more")):
            continue
        if any(w in ("other", "more", "of") for w in words[pos + 1 : noun]):
            continue
        definite = bool(_tables()["definite"].ending_at(words, pos))
        sides = [si + 1] + ([si - 1] if definite and si > 0 else [])
        for s2 in sides:
            if s2 >= n:
                continue
            stoks, swords = _sentence(d, s2)
            start = 1 if swords and swords[0] == "the" else 0
            hit = told.starting_at(swords, 0) if s2 > si else None
            telling = hit is not None  # "They are", "The films are": what follows names the things counted
            if hit:
                start = hit[1]
            elif (
                s2 > si and len(swords) > 3 and swords[0] in ("the", "these", "those") and swords[2] in ("are", "were")
            ):
                if swords[1] == words[noun] or (
                    swords[0] == "those" and swords[1].endswith("ed") and swords[1] in words
                ):
                    # "Five films were picked. The films are A, B, C and D.", "Five were shortlisted. Those
                    # shortlisted are ..." (the same verb: "Those killed were" after "hurt" is a part)
                    start = 3 + (swords[3] == ":")
                    telling = True
            entries = names_at(d, s2, start, subtitles=True)
            if (len(entries) < NEXT_DOOR_MIN or entries[0].start != start) and telling:
                # "They are up for best group, best album, best single and best video.": things in lower
                # case after a telling phrase, read as a list after a colon is (groups._list_items)
                lowered = _lower_items(stoks, swords, start)
                if lowered is not None and lowered[0] != v and abs(v - lowered[0]) <= NAMED_SLACK:
                    if _times(d, stoks) - _times(d, toks):
                        break
                    cue = Span(stoks[start].start, stoks[lowered[1] - 1].end)
                    why = f"{lowered[0]} named: {d.view.text[cue.start : cue.end]}"
                    labels = (("plus", str(lowered[0])), ("why", why))
                    yield Relation("tally", (("total", fi),), (cue,), "document", labels)
                break
            if len(entries) < NEXT_DOOR_MIN or entries[0].start != start:
                continue  # "Health and Safety Executive", "Marks and Spencer": two names may be one
            end = entries[-1].end
            if _has("partial", swords, 0, start) or _has("partial", swords, end, end + 3):
                break
            if end < len(swords) and swords[end] == ",":
                break  # "Will Lee, head and founder of Arden, said": a name in apposition, not a list
            if any(_capital(d, toks[k]) and k > 0 and len(names_at(d, si, k)) >= 2 for k in range(len(toks))):
                break  # the count's own sentence lists names: read by the readers of one sentence
            if _times(d, stoks) - _times(d, toks):
                break  # "two players signed in May. A, B and C joined in June": another time
            count = len(entries)
            if v == count or abs(v - count) > NAMED_SLACK:
                break
            if _all_countries(swords, entries) and not _countries()[0].starting_at(words, noun):
                break  # "the three affected municipalities ... Argentina, Brazil, Chile and Peru have offered"
            cue = Span(stoks[entries[0].start].start, stoks[end - 1].end)
            why = f"{count} named: {d.view.text[cue.start : cue.end]}"
            yield Relation("tally", (("total", fi),), (cue,), "document", (("plus", str(count)), ("why", why)))
            break


def _lower_items(stoks: Sequence[Token], swords: Sequence[str], start: int) -> tuple[int, int] | None:
    """Things listed from ``start`` to the end of the sentence, each a few words with no figure, commas
    between and one "and" before the last ("best group, best album, best live act and best video."):
    (count, end token), or None. One "and" only: "fish and chips, tea and cake" may be two things or four."""
    end = len(swords)
    while end > start and swords[end - 1] in CLAUSE_END:
        end -= 1
    if end == len(swords) or swords[end] not in (".", "!") or swords[start:end].count("and") != 1:
        return None
    if "," in swords[swords.index("and", start, end) : end]:
        return None  # "..., best live act and best video, officials said": the list closes at its "and" item
    if _tables()["lower_not_first"].starting_at(swords, start):
        return None  # "They are based in Leeds, York and Hull": what they are, not which
    items, size = 0, 0
    for k in range(start, end):
        w = swords[k]
        if w in (",", "and"):
            if not size:
                return None
            items, size = items + 1, 0
            continue
        if stoks[k].fact >= 0 or not w[:1].isalpha():
            return None
        size += w not in _DETERMINERS
        if size > LOWER_ITEM_WORDS:
            return None
    return (items + 1, end) if size and items >= 1 else None


_QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


# Times that date a sentence's events apart: "in May", "in 2003" (not "on Friday" against "next week",
# which tell one week from two days).
_DATED = frozenset({"date", "year", "decade"})


def _times(d: _Doc, toks: Sequence[Token]) -> set[str]:
    """The dates and years a sentence tells, as written."""
    return {d.facts[t.fact].text.lower() for t in toks if t.fact >= 0 and d.facts[t.fact].kind in _DATED}


def _plural_after(d: _Doc, si: int, pos: int) -> int:
    """The position of the plural noun a count counts, right after it or past up to two words of what they
    are ("five British athletes", "the eleven worst councils"), else -1."""
    words = d.m.words[si]
    irregular = _tables()["plural_people"]
    told = 0
    for j in range(pos + 1, len(words)):
        w = words[j]
        if w in _QUOTES:
            continue  # the eleven "worst councils"
        if not w.isalpha() or told > 2:
            return -1
        if (w.endswith("s") and not w.endswith("ss")) or irregular.starting_at(words, j):
            return j
        told += 1
    return -1


def _all_countries(words: Sequence[str], entries: list[Entry]) -> bool:
    """Every name of the list is a country of ``[countries]``: a list of other things than countries
    (towns, councils) cannot be counted by it."""
    names = _countries()[1]
    return all(" ".join(w for w in words[e.start : e.end] if w != "the") in names for e in entries)


def _country_lists(d: _Doc, si: int, names: frozenset[str]) -> Iterator[list[Entry]]:
    """The closed lists of countries in sentence ``si`` (every name a country; not partial)."""
    toks, words = _sentence(d, si)
    start = 0
    while start < len(toks):
        if words[start] in (",", "and") or not _capital(d, toks[start]) or (start and _capital(d, toks[start - 1])):
            start += 1
            continue
        entries = names_at(d, si, start)
        if len(entries) < 2:
            start += 1
            continue
        told = [" ".join(w for w in words[e.start : e.end] if w != "the") for e in entries]
        first, end = entries[0].start, entries[-1].end
        partial = _has("partial", words, max(0, first - 3), first) or _has("partial", words, end, end + 3)
        if all(t in names for t in told) and not partial:
            yield entries
        start = end


def _names_of_another(words: Sequence[str], first: int, counted: str) -> bool:
    """The names from token ``first`` follow a plural noun and a preposition ("stations in A and B",
    "players from A, B and C") other than the noun counted: they tell where those things are, not the
    things counted ("all three satellites")."""
    if first < 2 or words[first - 1] not in NAMES_OF_PREPOSITIONS:
        return False
    noun = words[first - 2]
    return noun.isalpha() and noun.endswith("s") and not noun.endswith("ss") and singular(noun) != singular(counted)


def placed_in_places(d: _Doc, whole: int, part: int) -> bool:
    """The whole counts countries ("nine countries") and the part is told "in" one of them ("including 14 in
    the UK", a name of ``[countries] names``): the part counts what stands in that country (hospitals,
    stores), so it is no part of the countries. ("including 14 in Europe" may count countries.)"""
    wm = d.m.by_fact.get(whole)
    nouns, names = _countries()
    if wm is None or not wm.noun or nouns.starting_at((wm.noun.split()[-1],), 0) is None:
        return False
    si, pos = d.pos_of(part)
    words = d.m.words[si]
    k = pos + 1 + (pos + 1 < len(words) and words[pos + 1] in ("are", "were", "is", "was"))
    if k >= len(words) or words[k] not in ("in", "at", "from"):
        return False  # ("including five from Italy": the researchers' institutions, not five countries)
    k += 1 + (k + 1 < len(words) and words[k + 1] == "the")
    return any(" ".join(words[k : k + n]) in names for n in (1, 2, 3))


def _place_noun(noun: str) -> bool:
    """A noun of places ("cities", "countries"): names after "in" may be the places it counts."""
    nouns, _ = _countries()
    return singular(noun) in PLACE_WORDS or nouns.starting_at((noun,), 0) is not None


# Prepositions that tie names to the noun before them ("stations in A and B").
NAMES_OF_PREPOSITIONS = frozenset({"in", "at", "from", "near", "across"})


def _names_before(d: _Doc, si: int, pos: int) -> tuple[list[Entry], int] | None:
    """The last list of names before token ``pos`` of sentence ``si``, and 1 if a name stands right before
    the verb that opens the list ("Arlo beat A, B and C": then it comes first), else 0. None for a partial
    list ("including A, B and C", "A, B and C among others")."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    found: list[Entry] = []
    start = 0
    while start < pos:
        if words[start] in (",", "and") or not _capital(d, toks[start]) or (start and _capital(d, toks[start - 1])):
            start += 1
            continue
        names = names_at(d, si, start)
        if len(names) >= 2 and names[-1].end <= pos:
            found = names
            start = names[-1].end
        else:
            start += 1
    if not found:
        return None
    first, end = found[0].start, found[-1].end
    if _has("partial", words, max(0, first - 3), first) or _has("partial", words, end, end + 3):
        return None
    verb = first - 1
    if verb > 0 and words[verb].isalpha() and not _capital(d, toks[verb]) and _capital(d, toks[verb - 1]):
        k = verb - 1
        while k > 0 and _capital(d, toks[k - 1]) and toks[k - 1].fact < 0 and verb - k < NAME_TOKENS:
            k -= 1
        return [Entry(k, verb), *found], 1
    return found, 0


def _listed_parts(d: _Doc) -> Iterator[Relation]:
    """A list of figures given to places or names, and the whole they are parts of: a national or total
    figure of the same family in the list's sentence ("40 deaths nationwide, with Arden (12), ..."), or,
    when the list opens its sentence or is opened by "Of <the whole>," ("Of the region's cases, nine are
    in A, eight in B, ..."), in the sentences just before. The places together cannot be more than it
    (the list may leave places out: inclusive)."""
    for si, toks in enumerate(d.m.tokens):
        entries = figure_list(d, si)
        if not entries:
            continue
        items = {e.fact for e in entries}
        like = d.facts[entries[0].fact]
        first = min(entries[0].start, d.pos_of(entries[0].fact)[1])
        cue = Span(toks[first].start, toks[entries[-1].end - 1].end)
        opener = _opener(d, si, first)
        total = _opener_whole(d, si, opener, first, like) if opener >= 0 else -1
        if total < 0 and opener >= 0 and _modified_opener(d, si, opener, first):
            continue  # "Of the international total,": the figure told with that word, or none
        if total < 0:
            total = _whole_in(d, si, like, items)
        if total < 0:
            total = _clause_whole(d, si, first, like, items)
        if total < 0:
            if opener < 0 and first > d.m.clause_start(si, first) + 1:
                continue
            if opener >= 0 and any(toks[k].fact >= 0 for k in range(opener, first)):
                continue
            total = _whole_before(d, si, like, items)
        if opener >= 0:
            cue = Span(toks[opener].start, cue.end)
        if total < 0 or not _alike(d, total, entries, opener_concept(d, si, first)):
            continue
        if _ranked_before(d, si, total, first):
            continue  # "Arden lent £5.1bn, ahead of Bexley with £3.3bn, Carr with ...": rivals, not its parts
        if d.older_end(*d.pos_of(total)):
            continue  # "The Greens now have nine, up from eight, the Conservatives 14, ...": an older level
        if _possessive_sibling(d, si, total, entries[0].fact):
            continue  # "Scotland's food banks gave out 262,000 parcels, Wales's 171,000": the first of the list
        if _first_entry(d, si, total, first, items):
            continue  # "The Greens now have six councillors, the Conservatives 12, ...": the list's first entry
        roles = (("total", total),) + tuple(("item", e.fact) for e in entries)
        yield Relation("breakdown", roles, (cue,), "document", (("inclusive", "yes"),))


def _possessive_sibling(d: _Doc, si: int, total: int, item: int) -> bool:
    """The whole is told in the list's sentence of a name's possessive, as the list's first item is: "Scotland's
    food banks gave out 262,000 parcels, Wales's 171,000 and Northern Ireland's 89,000". It is the list's
    first entry, no whole of the others."""
    ts, tpos = d.pos_of(total)
    _, ipos = d.pos_of(item)
    words = d.m.words[si]
    text = d.m.view.text
    toks = d.m.tokens[si]

    def owned(lo: int, hi: int) -> bool:
        return any(words[k].endswith(("'s", "\u2019s")) and text[toks[k].start].isupper() for k in range(lo, hi))

    if ts != si or tpos >= ipos:
        return False
    k = d.hedge_start(si, ipos)
    return owned(max(0, k - 3), k) and owned(d.m.clause_start(si, tpos), tpos)


def _first_entry(d: _Doc, si: int, total: int, first: int, items: set[int]) -> bool:
    """The figure read as the list's whole is told of a holder of its own just before the list, only its
    noun and a comma between, and is smaller than an item: "The Greens now have six councillors, the
    Conservatives 12, the Liberal Democrats three" (each side's seats, the first told with its verb)."""
    ts, tpos = d.pos_of(total)
    if ts != si or tpos >= first or not (d.m.frame(total).holder or _named_subject(d, si, tpos)):
        return False
    value = d.facts[total].value
    if value is None or not any((d.facts[i].value or 0) > value for i in items):
        return False
    between = d.m.words[si][tpos + 1 : first]
    if "," not in between:
        return False
    comma = between.index(",")
    return all(w.isalpha() for w in between[:comma]) and all(w in ("the", "a", "an") for w in between[comma + 1 :])


# Capitalised words that open a clause without naming anyone ("The 1,200 jobs", "In all").
_NO_NAME_OPENERS = frozenset("the a an this that these those its their in at by on of after before".split())


def _named_subject(d: _Doc, si: int, pos: int) -> bool:
    """The clause of the figure at ``pos`` opens on a name ("Ireland now have five wins", "Barnwell runs
    nine clinics"), not on an article or a preposition."""
    toks = d.m.tokens[si]
    k = d.m.clause_start(si, pos)
    if k >= pos or toks[k].fact >= 0:
        return False
    raw = d.view.text[toks[k].start : toks[k].end]
    return raw[:1].isupper() and d.m.words[si][k] not in _NO_NAME_OPENERS


def _ranked_before(d: _Doc, si: int, total: int, first: int) -> bool:
    """A comparison word ([comparison] above/below: "ahead of", "behind", "beating") stands between a
    figure told earlier in the sentence and the list: the list's entries are its rivals, not its parts."""
    ts, tpos = d.pos_of(total)
    if ts != si or tpos >= first:
        return False
    words = d.m.words[si]
    if _has("ranked_after", words, tpos + 1, first):
        return True  # "the biggest market with 386,000 visitors, followed by the US (291,000), ...": a ranking
    return any(d.v.comparison.starting_at(words, k) for k in range(tpos + 1, first))


def _opener(d: _Doc, si: int, first: int) -> int:
    """The token of "Of" opening the clause before a list ("Of Brazil's cases, nine are in ...",
    "Of the 300 delegates, 140 came from ...", "Of these, ..."), else -1."""
    words = d.m.words[si]
    comma = next((k for k in range(first - 1, -1, -1) if words[k] == ","), -1)
    if comma < 0:
        return -1
    opener = next((k for k in range(comma - 1, -1, -1) if words[k] in CLAUSE_END), -1) + 1
    return opener if opener_start(words, opener) >= 0 else -1


def _opener_whole(d: _Doc, si: int, opener: int, first: int, like: Fact) -> int:
    """The whole an opener names: its own figure ("Of the 300 delegates,"), the figure a pronoun, a
    demonstrative or a noun of amount stands for ("Of these,", "Of that sum,", "Within the total," → the
    nearest figure of the list's family before: ``referents.referent``), else -1."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    own = [toks[k].fact for k in range(opener, first) if toks[k].fact >= 0]
    if own:
        f = d.facts[own[-1]]
        return own[-1] if len(own) == 1 and family(f) == family(like) and not f.is_range else -1
    start = opener_start(words, opener)
    comma = next((k for k in range(first - 1, opener, -1) if words[k] == ","), -1)
    if start < 0 or comma < 0:
        return -1
    if modifier := modifier_at(d, si, start, comma):
        return modified_whole(d, si, start, modifier, like)  # "Of the international total,"
    if subject_at(d, si, start, comma) == comma or words[start] in d.v.anaphora:
        return referent(d, si, start, like)
    named = definite_at(d, si, start, like.kind == "money")
    if named is not None and named[0] == comma:
        return definite_whole(d, si, start, like)  # "Of the dead, nine were in A, ...": the set's count
    return -1


def _modified_opener(d: _Doc, si: int, opener: int, first: int) -> bool:
    """The opener names a noun of amount with a word of its own ("Of the international total,")."""
    words = d.m.words[si]
    start = opener_start(words, opener)
    comma = next((k for k in range(first - 1, opener, -1) if words[k] == ","), -1)
    return start >= 0 and comma >= 0 and bool(modifier_at(d, si, start, comma))


def opener_concept(d: _Doc, si: int, first: int) -> str:
    """What "Of <noun phrase>," before token ``first`` names ("Of the region's flu cases," → case), or ""."""
    opener = _opener(d, si, first)
    if opener < 0:
        return ""
    words = d.m.words[si]
    comma = next(k for k in range(first - 1, -1, -1) if words[k] == ",")
    phrase = [w for w in words[opener + 1 : comma] if w.isalnum() and w not in _DETERMINERS]  # not "country's"
    for n in range(len(phrase), 0, -1):
        for i in range(len(phrase) - n + 1):
            hit = d.v.concepts.get(" ".join(phrase[i : i + n]))
            if hit:
                return hit
    plural = [w for w in phrase if w.endswith("s") and not w.endswith("ss")]
    return singular(plural[-1]) if plural else ""


def _alike(d: _Doc, total: int, entries: Sequence[Entry], named: str) -> bool:
    """The whole and the list count the same thing where both say what they count: ``named`` (what an
    opener before the list names: "Of the schools hit,") against the whole's noun, and the entries'
    nouns where the vocabulary knows them ("7 million flew to Spain" names no noun: "flew" is no concept)."""
    ignore = NOT_CONCEPTS | d.v.generic
    tm = d.m.by_fact.get(total)
    whole = tm.concept if tm and tm.concept and tm.concept not in ignore else None
    if not whole:
        return True
    if named and named != whole:
        return False
    told = {m.concept for e in entries if (m := d.m.by_fact.get(e.fact)) and m.concept in d.v.concept_names}
    return not (told - ignore) or whole in told


def _whole_in(d: _Doc, si: int, like: Fact, items: set[int]) -> int:
    """A national or total figure of the list's family in its own sentence, larger than every item (else,
    when none is, than every item but one: a slip may push one past it)."""
    for top in whole_floors(d.facts[i].value for i in items):
        for tok in d.m.tokens[si]:
            fi = tok.fact
            if fi < 0 or fi in items:
                continue
            f = d.facts[fi]
            if f.is_range or f.value is None or family(f) != family(like) or f.value <= top:
                continue
            if f.hedge in ("exact", "about") and _scope(d, fi) == "whole":
                return fi
    return -1


def _clause_whole(d: _Doc, si: int, first: int, like: Fact, items: set[int]) -> int:
    """The figure of the list's family that its clause tells before the list, larger than every item but
    one (a slip may push one past it), with no other figure of the family between ("The 1,200 jobs will go
    at plants in Leeds (500), Derby (400) and Hull (300)"), or -1."""
    words, toks = d.m.words[si], d.m.tokens[si]
    top = whole_floors(d.facts[i].value for i in items)[1]
    for k in range(first - 1, max(-1, first - 1 - CLAUSE_WHOLE_REACH), -1):
        if words[k] in CLAUSE_END:
            return -1
        fi = toks[k].fact
        if fi < 0 or d.facts[fi].kind in FRAME_KINDS:
            continue
        f = d.facts[fi]
        if k > 0 and words[k - 1] == "(":
            return -1  # an entry of a list itself, not its total
        if fi in items or f.is_range or f.value is None or family(f) != family(like) or f.value <= top:
            return -1
        return fi
    return -1


def _whole_before(d: _Doc, si: int, like: Fact, items: set[int]) -> int:
    """The whole of a list in sentence ``si``: the largest national or total figure of its family in the
    nearest of the ``TOTAL_BACK`` sentences before that has one."""
    for s2 in range(si - 1, max(-1, si - TOTAL_BACK - 1), -1):
        best = -1
        for tok in d.m.tokens[s2]:
            fi = tok.fact
            if fi < 0 or fi in items:
                continue
            f = d.facts[fi]
            if f.is_range or f.value is None or family(f) != family(like) or f.hedge not in ("exact", "about"):
                continue
            if _scope(d, fi) != "whole":
                continue
            if best < 0 or f.value > (d.facts[best].value or 0):
                best = fi
        if best >= 0:
            return best
    return -1


def _place_runs(d: _Doc) -> Iterator[Relation]:
    """A count for a country or a whole, then one sentence a place for the places within it: "There are
    now 640 confirmed cases in Norland. Most have been in the province of Kestria, which has 520 infected
    people. Lorne is second, with 190 infections." Each later sentence gives one figure of the same count
    to a place it names (a list told one entry a sentence); together they are at most the whole. One of
    them must say it is a part of the country ("the province of", "state", "region"), or the whole must
    be national: two countries side by side are not one within the other."""
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        m = d.m.by_fact.get(fi)
        if m is None or not m.concept or m.concept in d.v.generic or f.hedge not in ("exact", "about"):
            continue
        whole_place = _place_after(d, si, pos)
        national = _scope(d, fi) == "whole"
        if not whole_place and not national:
            continue
        items: list[int] = []
        names: set[str] = {whole_place} if whole_place else set()
        sub = national
        sentences = d.view.doc.sentences
        for s2 in range(si + 1, min(len(d.m.tokens), si + 1 + RUN_NEXT)):
            if sentences[s2].paragraph - sentences[si].paragraph > 1:
                break
            got = _run_entry(d, s2, m.concept, m.frame)
            if got is None:
                break
            item, place, placed = got
            if place in names:
                break  # the whole's own place again, or a place told twice: not a list
            names.add(place)
            items.append(item)
            sub = sub or placed
        if len(items) >= 2 and sub:
            roles = (("total", fi),) + tuple(("item", i) for i in items)
            yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))


def _place_after(d: _Doc, si: int, pos: int) -> str:
    """The place a figure is given to right after it ("640 confirmed cases of the virus in Norland"), or ""."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    for k in range(pos + 1, min(len(words) - 1, pos + 1 + PLACE_REACH)):
        if toks[k].fact >= 0 or words[k] in CLAUSE_END or words[k] == ",":
            return ""
        if words[k] == "in":
            j = k + 2 if words[k + 1] == "the" else k + 1
            end = _name_end(d, toks, words, j)
            return " ".join(words[j:end]) if end > j else ""
    return ""


def _run_entry(d: _Doc, si: int, concept: str, frame: str | None) -> tuple[int, str, bool] | None:
    """The one figure of ``concept`` in sentence ``si`` and the place the sentence names for it:
    (figure, place, whether a word says the place is a part of a country), else None."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    found = [
        t.fact for t in toks if t.fact >= 0 and (mm := d.m.by_fact.get(t.fact)) is not None and mm.concept == concept
    ]
    if len(found) != 1:
        return None
    fi = found[0]
    f = d.facts[fi]
    mm = d.m.by_fact[fi]
    if f.is_range or f.value is None or (frame and mm.frame and mm.frame != frame):
        return None
    if mm.roles & {"total", "another", "remainder"}:
        return None
    _, pos = d.pos_of(fi)
    place = ""
    for k in range(pos):
        if toks[k].fact < 0 and _capital(d, toks[k]) and not _tables()["not_name"].starting_at(words, k):
            if words[k] in ("the", "a", "an") or (k and _capital(d, toks[k - 1])):
                continue
            end = _name_end(d, toks, words, k)
            place = " ".join(words[k:end])
    if not place:
        return None
    return fi, place, bool(set(words[:pos]) & PLACE_WORDS)


def _counted_in_order(d: _Doc) -> Iterator[Relation]:
    """ "The prize is split into three parts. The first goes to the winner, the second to the runners-up.":
    a count of things told by a plural noun, against the entries the text then tells in order ("the first",
    "the second", ... from the start of the next sentence or after a colon in its own, each entry's ordinal
    one more than the last). Fewer told with no word for the last or the rest ("the last", "the others",
    "finally": ``order_rest``), or more told than counted, the count is off. Read only from an ordinal
    "first" that opens a sentence or follows a colon."""
    n = len(d.m.tokens)
    for si, pos, oi, o in d.figures(frozenset({"ordinal"})):
        words = d.m.words[si]
        if o.value != 1 or pos == 0 or words[pos - 1] != "the" or d.facts[oi].text.lower() != "first":
            continue
        if pos == 1:
            found = _order_count(d, si - 1, -1) if si > 0 else None
        elif pos >= 2 and words[pos - 2] == ":":
            found = _order_count(d, si, pos - 2)
        else:
            continue
        if found is None:
            continue
        fi, noun = found
        nouns = {noun, singular(noun)}
        if not _order_follows(d, si, pos, nouns):
            continue
        told = 1
        last = (si, pos)
        bad = False
        for s2 in range(si, min(n, si + 1 + ORDER_NEXT)):
            toks2, words2 = d.m.tokens[s2], d.m.words[s2]
            for k, t in enumerate(toks2):
                if (
                    t.fact < 0
                    or (s2, k) <= (si, pos)
                    or d.facts[t.fact].kind != "ordinal"
                    or words2[k - 1 : k] != ("the",)
                ):
                    continue
                v = d.facts[t.fact].value
                if v == told + 1 and _order_follows(d, s2, k, nouns):
                    told += 1
                    last = (s2, k)
                elif v is not None and v > told:
                    bad = True  # "the first ... the third": not one list told in order
        total = d.facts[fi].value
        if bad or told < 2 or total is None or total == told or abs(total - told) > NAMED_SLACK:
            continue
        if told < total and _order_rest(d, last):
            continue
        ftoks = d.m.tokens[si]
        cue = Span(ftoks[pos - 1].start, d.m.tokens[last[0]][last[1]].end)
        why = f"{told} told in order: {d.view.text[cue.start : cue.end]}"
        yield Relation("tally", (("total", fi),), (cue,), "document", (("plus", str(told)), ("why", why)))


def _order_count(d: _Doc, si: int, end: int) -> tuple[int, str] | None:
    """The last small exact count with a plural noun in sentence ``si`` (before token ``end`` unless -1), and
    its noun; None when it counts "other" or "more" things."""
    words, toks = d.m.words[si], d.m.tokens[si]
    stop = len(toks) if end < 0 else end
    for k in range(stop - 1, -1, -1):
        fi = toks[k].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind not in ("count", "number") or f.is_range or f.value is None or f.hedge != "exact":
            continue
        v = f.value
        if not (2 <= v <= COUNT_MAX) or v != v.to_integral_value():
            continue
        noun = _plural_after(d, si, k)
        if noun < 0 or noun >= stop or (k and words[k - 1] in ("other", "another", "more")):
            return None
        if any(w in ("other", "more", "of") for w in words[k + 1 : noun]):
            return None
        return fi, words[noun]
    return None


def _order_follows(d: _Doc, si: int, pos: int, nouns: set[str]) -> bool:
    """The word after an ordinal tells an entry of the list ("the first goes", "the second stage" after
    "three stages"), not another thing ("the first half", "the first goal" after "three chances")."""
    words = d.m.words[si]
    if pos + 1 >= len(words):
        return True
    w = words[pos + 1]
    if w in nouns or not w.isalpha():
        return True
    return not _tables()["order_not"].starting_at(words, pos + 1) and w not in d.v.concepts


def _order_rest(d: _Doc, last: tuple[int, int]) -> bool:
    """A word after the last entry told in order, within ``ORDER_REST`` sentences, tells the last or the rest."""
    for s2 in range(last[0], min(len(d.m.tokens), last[0] + 1 + ORDER_REST)):
        words = _sentence(d, s2)[1]
        lo = last[1] + 1 if s2 == last[0] else 0
        if _has("order_rest", words, lo, len(words)):
            return True
    return False
