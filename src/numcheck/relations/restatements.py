"""Restatements: one quantity given twice (second stage), and scale words said of a figure."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from numcheck.dates import MONTHS
from numcheck.facts import HEDGE_BEFORE
from numcheck.mentions import CLAUSE_END, GENERIC_CONCEPTS, SECTOR_NOUNS, Frame, same_holder, word_tokens
from numcheck.model import Fact, Span
from numcheck.patterns import STOPWORDS
from numcheck.relations.base import (
    _DETERMINERS,
    _NP_STOP,
    NAMES_REACH,
    NOT_NAMES,
    SIZE_BOUND_HEDGES,
    Relation,
    _Doc,
    family,
    is_gap,
    off_the_pace,
    same_family,
    since_then,
)
from numcheck.relations.base import _lead_sentences as _lead_sentences  # levels.py reads it from here
from numcheck.relations.base import _plain_tokens as _plain_tokens  # targets.py reads it from here
from numcheck.relations.holders import _lower_words
from numcheck.relations.margins import _majority_size
from numcheck.relations.margins import _other_time as _former_contest
from numcheck.relations.persons import _opening_name, _word_pattern, _words_table
from numcheck.relations.persons import _tokens as _person_tokens
from numcheck.relations.qualifiers import QUALIFIER_NP, _beside
from numcheck.relations.referents import _told_as_part
from numcheck.relations.scopes import COMPASS, PLACE_WORDS
from numcheck.relations.stated import _stated_concept
from numcheck.units import convert
from numcheck.vocab import PhraseTable, _toml, singular

RESTATED_KINDS = frozenset({"count", "number", "percent", "money"})
# Roles that make a figure something other than the quantity itself.
_NOT_RESTATED = frozenset({"part", "remainder", "another", "each", "forecast", "window"})
# Roles in built relations that make a figure a part, an item or an end, not the quantity.
_TIED_ROLES = frozenset({"part", "whole", "item", "total", "from", "to", "low", "high", "a", "b", "rest"})
# Words that attribute a figure to a source: "according to A", "B said".
_SAID = frozenset("said says reported reports told announced confirmed estimated estimates put".split())
_CHUNK_END = frozenset({",", ";", ":", ".", "!", "?", "(", ")", '"'})
# Words before a figure in its clause that set it against another time: "That compared with 78,882".
_EARLIER = frozenset("compared compares comparing versus against previous previously earlier".split())


# Words of a count's noun between it and a total set beside it ("300 people, 312 in all").
APPOSITION_NOUN = 3
# Tokens back from a count to the figure it is listed after ("300 pies and 200 cakes", "318 lambs in
# March and 149 in April").
LISTED_REACH = 8


def _total_over_part(d: _Doc, a: int, b: int) -> bool:
    """One of the two figures is told as a total ("24 satellites in total", "a total of 44 lorries") and is
    larger than the other, told plainly in a sentence that tells the rest beside it ("placed 22 in orbit, but
    two others failed"): the other is a part of it. "Nearly 400 schools were shut ... In all, 430 closed" is
    one count told twice."""
    ma, mb = d.m.by_fact.get(a), d.m.by_fact.get(b)
    if ma is None or mb is None or ("total" in ma.roles) == ("total" in mb.roles):
        return False
    total, other = (d.facts[a], d.facts[b]) if "total" in ma.roles else (d.facts[b], d.facts[a])
    if total.value is None or other.value is None or total.value <= other.value:
        return False
    # The plain count's sentence tells the rest beside it ("but two others failed"): it is a part.
    for t in d.m.tokens[other.sentence]:
        m = d.m.by_fact.get(t.fact) if t.fact >= 0 else None
        if m is not None and (
            m.roles & {"another", "remainder"} or (m.noun or "").split()[:1] in (["others"], ["other"])
        ):
            return True
    return False


def _restatements(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """Two values of one quantity at one time: the headline or lead against the body.

    Figures are grouped by what they count (the concept of their noun, of the
    verb before them, or of the change they state, with its direction) and
    their kind; the first figure of a group, when it stands in the headline
    or the lead, is related to each later one in another sentence. Left
    out: figures that are parts, items or ends of another relation, figures
    in another time frame, another place (a name the lead does not give), or
    from another source when both name one. Labels: ``lag`` ("yes" when the
    first stands in the headline), ``evidence`` words for the judge.
    """
    # A whole is still the quantity itself ("Some 1,800 nurses walked out, among them 400 in Cardiff"
    # may be told again), but for one a share is "of" ("Of the 200 members, 90"): a group picked out.
    tied = _tied(d, built, "group")
    # The newer end of a change is the level as it stands ("received 3,840 claims in 2023, up 32% from
    # 2,910"): it may tell again the lead's count ("more than 4,000 claims"), though it anchors none.
    newer = {i for rel in built.get("change", {}).values() for r, i in rel.roles if r == "to"}
    newer &= tied - _tied(d, built, "group", free=frozenset({"to"}))
    lead = _lead_sentences(d)
    sents = d.view.doc.sentences
    headline = len(sents) > 1 and sents[0].paragraph != sents[1].paragraph
    known_words: dict[int, frozenset[str]] = {}  # per anchor sentence: its words and the headline's
    known_names: dict[int, frozenset[str]] = {}
    anchors: dict[tuple[str, ...], int] = {}
    lead_anchors: dict[tuple[str, ...], int] = {}  # the lead's telling of a figure the headline anchors
    for si, toks in enumerate(d.m.tokens):
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or (fi in tied and fi not in newer):
                continue
            key = _restated_key(d, fi)
            if key is None or is_gap(d, fi) or _moment(d, si, pos):
                continue  # a gap ("beat Wessex by 37 runs") is no level of the side's; "after 12 overs" a moment
            first = anchors.get(key)
            if fi in newer and (first is None or first < 0 or d.pos_of(first)[0] not in lead):
                continue  # a change's newer end is held to the lead's count only
            if first is None:
                # The lead's figure, or a level told in the body with its subject ("the death toll stands
                # at 484") and no sign of a count that moves.
                anchors[key] = fi if si in lead or (_subject_concept(d, si, pos) and _settled(d, si)) else -1
                continue
            if first < 0:
                continue
            if headline and si in lead and si != 0 and d.pos_of(first)[0] == 0:
                lead_anchors.setdefault(key, fi)  # the lead's own telling of a figure the headline anchors
            heads = [first]
            later = lead_anchors.get(key, -1)
            if later >= 0 and si not in lead and d.pos_of(later)[0] != si:
                # A headline's figure may lag the body's newer count, but the lead's telling of it does not:
                # "kills nearly 300" … "killed nearly 300 people" … "312 deaths" is held to the lead as well.
                heads.append(later)
            for first in heads:
                fs, _ = d.pos_of(first)
                body = fs not in lead
                moving = key[0] != "change" and _MOVING.intersection(d.m.words[si])  # a change's own verb moves
                if (body and not _settled(d, si)) or (moving and _dated(d, si)):
                    continue  # "By Wednesday, 484 deaths had been confirmed": a newer count
                if fs == si or not _frames_agree(d, first, fi) or _part_of_time(d, first) != _part_of_time(d, fi):
                    continue  # another time, or a part of it ("In the first half, exports grew by 16%")
                if _parts_apart(d, fs, si, pointing=bool(_told_again_cue(d, si, pos))):
                    continue  # "in the first half" … "In the second half": two parts of the year
                if _moment_of(d, first) != _moment_of(d, fi):
                    continue  # "three birdies after nine holes" … "five birdies after 14 holes": two moments
                ma, mb = _modifiers(d, first), _modifiers(d, fi)
                if ma and mb and not ma & mb:
                    continue  # "shop sales slipped 0.4%" … "the 2.6% drop in fuel sales": two kinds of one noun
                lo, hi = _chunk(d, si, pos)
                if fs not in known_words:
                    own = (fs, 0) if d.m.tokens[0] else (fs,)
                    known_words[fs] = frozenset(w for s2 in own for w in d.m.words[s2])
                    known_names[fs] = _known_names(d, fs)
                places = _places(d, si, lo, hi)
                # "Henan province has recorded 15 deaths": a place word names a place with no preposition.
                places |= PLACE_WORDS.intersection(d.m.words[si][lo:hi])
                if d.m.words[si][:1] and d.m.words[si][0] in _PLACE_PREPS:
                    places |= _places(d, si, 0, _chunk(d, si, 0)[1])  # "In the north, turnout was 51%"
                if (
                    not all(_name_known(n, known_names[fs]) for n in _caps(d, si, lo, hi))
                    or not places <= known_words[fs]
                ):
                    continue  # "in the north", "Labour's 35%": another place or holder
                if _excluding(d, first) != _excluding(d, fi):
                    continue  # "shipments outside the bloc" … "shipments to the bloc": the rest, not the same
                if d.v.other_holders.intersection(d.m.words[si][d.m.clause_start(si, pos) : hi]):
                    continue  # "Its rival ordered 63 jets": another holder named without a name
                if not _names_kept(d, first, si, pos):
                    continue  # "from England and Wales rose 17%" … "from Wales have risen 19%": a part of it
                if _two_sources(d, fs, si):
                    continue  # "according to the WHO" … "the ministry said": two sources' counts
                if _listed(d, si, pos, lo, hi):
                    continue  # "Three guards and 20 raiders died": an item of a list
                if _known_but_apart(d, first, fi):
                    continue  # "the 13 deaths among children", "The toll has since risen, and the 32 deaths"
                if _running(d, first) != _running(d, fi):
                    continue  # "ran in five tries" ... "has now scored 13 tries this season": a running tally
                if _total_over_part(d, first, fi):
                    continue  # "placed 22 satellites in orbit" … "It carried 24 satellites in total": a part and its whole
                held = d.m.frame(fi).holder
                relative = any(
                    a == "," and b in ("who", "which", "whose")
                    for a, b in zip(d.m.words[si][:pos], d.m.words[si][1:pos])
                )
                if (
                    relative
                    and held
                    and d.m.frame(first).holder != held
                    and not _name_known(held.split()[0], known_names[fs])
                ):
                    continue  # "They climb above Kelby, who ... have 14 points": the relative clause's holder
                if key[0] == "level" and (_move_against_level(d, first, fi) or d.order_and_stock(first, fi)):
                    continue  # "to cut 640 jobs" ... "also uses 140 agency staff"; "ordered 60 jets" ... "flies 74"
                # Names anywhere in the sentence the lead does not give ("Nyanza Province, with ... 45 deaths"):
                # the figure may be a part, so only the strongest evidence (a slip of the keys) counts.
                narrow = not _caps(d, si, 0, len(d.m.tokens[si])) <= known_names[fs]
                alike = _told_alike(d, first, si, lo, hi)
                yield Relation(
                    "restatement",
                    (("first", first), ("second", fi)),
                    (),
                    "document",
                    (
                        # A count in the headline may lag the body's newer count; a stated change of one
                        # period's result ("profits rise 12%") does not move as the story is updated, nor does
                        # a count that does not run on ("to cut 900 jobs", "orders 70 planes").
                        ("lag", "yes" if fs == 0 and headline and key[0] != "change" and _runs(d, key) else ""),
                        ("concept", key[-1]),
                        ("scope", "narrow" if narrow else ""),
                        ("evidence", "slip" if body else ""),
                        ("alike", "yes" if alike else ""),
                    ),
                )


# Words of a clause that two tellings of one figure share, at least, to be told alike: "In June the board
# warned of yearly losses of £4m" … "In June the board had warned of yearly losses of £7m".
ALIKE_WORDS = 3


def _told_alike(d: _Doc, first: int, si: int, lo: int, hi: int) -> bool:
    """The two figures' clauses share ``ALIKE_WORDS`` words of content (four letters or more, not a word of
    grammar): the same sentence told again, where any difference is a slip whatever the digits."""
    fs, fpos = d.pos_of(first)
    flo, fhi = _chunk(d, fs, fpos)
    ignored = d.v.alike_ignored

    def content(s2: int, a: int, b: int) -> set[str]:
        return {w for w in d.m.words[s2][a:b] if len(w) >= 4 and w.isalpha() and w not in ignored}

    return len(content(fs, flo, fhi) & content(si, lo, hi)) >= ALIKE_WORDS


# Words that make a figure the rest of a whole after a part is taken out: "shipments outside the bloc",
# "sales excluding cars", "non-EU exports".
_EXCLUDING = frozenset("outside excluding except beyond".split())


# Tokens either side of a figure, within its clause, where a word taking a part out of what it counts
# stands ("a 6% jump in shipments to buyers outside the bloc", "Non-NU shipments rose 6%"); further off it is said of
# another noun ("Sales outside Europe helped the firm lift its profits by 40%").
EXCLUDING_REACH = 7


def _excluding(d: _Doc, fi: int) -> bool:
    """The figure's own words take a part out of what it counts ("outside the EU", "non-EU", "excluding")."""
    si, pos = d.pos_of(fi)
    lo = max(d.m.clause_start(si, pos), pos - EXCLUDING_REACH)
    hi = min(d.m.clause_end(si, pos), pos + 1 + EXCLUDING_REACH)
    return any(w in _EXCLUDING or w.startswith("non-") for w in d.m.words[si][lo:hi])


def _names_kept(d: _Doc, first: int, si: int, pos: int) -> bool:
    """A later figure whose clause names someone or somewhere keeps every name of the first figure's
    stretch (in its own sentence, the headline, or as initials): fewer names there make it a part."""
    if not _caps(d, si, d.m.clause_start(si, pos), d.m.clause_end(si, pos)):
        return True
    known = _known_names(d, si)
    fs, fpos = d.pos_of(first)
    return all(_name_known(n, known) for n in _caps(d, fs, *_chunk(d, fs, fpos)))


def _known_names(d: _Doc, si: int) -> frozenset[str]:
    """The names of sentence ``si`` and the headline, with their initials ("European Union" gives "eu",
    and so "non-EU")."""
    own = (si, 0) if d.m.tokens[0] else (si,)
    return frozenset(n for s2 in own for n in _caps(d, s2, 0, len(d.m.tokens[s2]))) | frozenset(
        a for s2 in own for a in _acronyms(d, s2)
    )


def _bare_headline_names(d: _Doc) -> frozenset[str]:
    """The names a headline with no figure gives ("Labour takes control of Dunmore council" → labour,
    dunmore): the mentions leave such a sentence untokenised, yet its names are the story's."""
    return d.once("restatements.bare_headline_names", lambda: _read_bare_headline(d))


def _read_bare_headline(d: _Doc) -> frozenset[str]:
    """The capitalised words of a figure-less headline, its first word too ("Ashford library reopens"), as
    lower-case names: a known name only lets a later figure's sentence through, so a word that is no name
    costs nothing."""
    sents = d.view.doc.sentences
    if len(sents) < 2 or d.m.tokens[0] or sents[0].paragraph == sents[1].paragraph:
        return frozenset()
    span = sents[0].span
    text = d.view.text[span.start : span.end].replace("’", "'")
    toks = word_tokens(text.lower(), 0)
    return frozenset(
        word
        for k, t in enumerate(toks)
        if text[t.start : t.start + 1].isupper() and (k == 0 or toks[k - 1].text not in ('"', "(", "-", ":"))
        for word in [t.text.removesuffix("'s")]
        if word not in NOT_NAMES and len(word) >= 2 and word.isalpha()
    )


def _moment(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` tells a moment of a contest's progress, not a quantity: a word of
    ``[restatement] moment_words`` before it ("after 12 overs", "before 20 laps")."""
    h = d.hedge_start(si, pos)
    return h > 0 and d.m.words[si][h - 1] in d.v.moment_words


def _moment_of(d: _Doc, fi: int) -> tuple[str, str]:
    """The moment a figure is told at, from its comma-delimited stretch: the value and noun of a figure
    after a moment word ("had 12 points after six games" → ("6", "games")), else ("", "")."""
    si, pos = d.pos_of(fi)
    lo, hi = _chunk(d, si, pos)
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(lo, hi):
        if k != pos and toks[k].fact >= 0 and _moment(d, si, k):
            return str(d.facts[toks[k].fact].value), words[k + 1] if k + 1 < len(words) else ""
        if k != pos and toks[k].fact >= 0 and k > 0 and words[k - 1] == "in" and _contest_after(words, k + 1):
            return str(d.facts[toks[k].fact].value), "in " + words[k + 1]  # "164 points in 18 league games"
    return "", ""


@functools.cache
def _contest_nouns() -> PhraseTable:
    return PhraseTable.build((p, "contest") for p in _toml("vocab.toml")["restatement"]["contest_nouns"])


def _contest_after(words: Sequence[str], k: int) -> bool:
    """A contest noun ("games", "league games") starts at token ``k``."""
    return k < len(words) and _contest_nouns().starting_at(words, k) is not None


def _part_of_time(d: _Doc, fi: int) -> bool:
    """The figure is told of a part of its time ("in its first week", "in the first half"); a figure told
    "in all" or "in total" is the whole time, as one told plainly is."""
    return d.m.frame(fi).part == "part"


def _runs(d: _Doc, key: tuple[str, ...]) -> bool:
    """A count a story updates (a toll, cases, users): its concept is a running one, or not listed (an
    unlisted noun is left the benefit of the doubt)."""
    return key[-1] in d.v.running or key[-1] not in d.v.concept_names


def _tied(
    d: _Doc, built: Mapping[str, Mapping[object, Relation]], wholes: str, free: frozenset[str] = frozenset()
) -> set[int]:
    """Figures the first pass already holds as a part, item or end of another relation. A whole is tied
    with ``wholes`` "all", never with "none", and with "group" only when a share is "of" it ("Of the 300
    staff, 120"): a group picked out, not the quantity. Roles in ``free`` tie nothing."""
    tied: set[int] = set()
    roles = _TIED_ROLES - free
    for rels in built.values():
        for rel in rels.values():
            for r, i in rel.roles:
                if r in roles and (r not in _WHOLES or wholes == "all" or (wholes == "group" and _of_group(d, i))):
                    tied.add(i)
    return tied


def _kind_words(d: _Doc, fi: int) -> frozenset[str]:
    """Words between a count and its noun that pick out a kind of the things counted ("Two smaller
    parties", "three main parties")."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    return frozenset(w for w in words[pos + 1 : pos + 1 + KIND_REACH] if w in _KIND_WORDS)


# Words before a count's noun that pick out a kind of the things counted, or after it that leave a part of
# them ("two stages remaining", "two stages left": not the race's nine); tokens after the count read.
_KIND_WORDS = frozenset(
    "smaller larger bigger biggest smallest other main major minor big small new older younger leading"
    " remaining left".split()
)
KIND_REACH = 2


def _window(d: _Doc, si: int, pos: int) -> bool:
    """The count at ``pos`` sets a window of a series: "lost the first three frames", "won the last four
    frames", "in his past nine matches" (an ordinal word before it, read as a fact of its own, keeps the
    mention's ``window`` role from being read)."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    return k >= 1 and words[k - 1] in _WINDOW_WORDS and (k < 2 or words[k - 2] not in ("a", "an"))


# Words right before a count that make it a window of a series ("the first three", "last four frames").
_WINDOW_WORDS = frozenset({"first", "last", "previous", "past", "next", "final", "opening", "closing"})


def _frame_told(first: int, second: int, concept: str) -> Relation:
    """One holder's count of ``concept`` told twice, read by frame: only a slip of the keys is evidence for
    the judge (label ``evidence`` = "frame")."""
    return Relation(
        "restatement",
        (("first", first), ("second", second)),
        (),
        "document",
        (("lag", ""), ("concept", concept), ("scope", ""), ("evidence", "frame")),
    )


def _of_group(d: _Doc, fi: int) -> bool:
    """The figure is the group a share is of: "of the 200 members", "among its 40 staff", "out of 90"."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    k = d.hedge_start(si, pos) - 1
    while k >= 0 and (words[k] in _DETERMINERS or words[k].endswith("'s")):
        k -= 1
    return k >= 0 and words[k] in ("of", "among", "amongst")


# Words that show a count still moving or told at another moment: "rose to", "by Wednesday", "so far".
_MOVING = frozenset(
    """now rose risen rising climbed climbing reached latest updated later earlier since by so far yet still
    increased grew jumped up down fell dropped more another further""".split()
)


def _dated(d: _Doc, si: int) -> bool:
    """A day, date or time of its own in the sentence ("By Wednesday", "on 3 May")."""
    return any(t.fact >= 0 and d.facts[t.fact].kind in ("weekday", "date", "time") for t in d.m.tokens[si])


def _a_later_day(d: _Doc, si: int) -> bool:
    """A day after the story's in the sentence ("The next day", "two days later"): another moment's count,
    told by the story, not a telling of the lead's."""
    return any(
        t.fact >= 0
        and (f := d.facts[t.fact]).kind == "relative"
        and f.unit == "day"
        and f.value is not None
        and f.value > 0
        for t in d.m.tokens[si]
    )


def _settled(d: _Doc, si: int) -> bool:
    """A sentence that tells a count as it stands, with no moving word and no day or date of its own."""
    return not _MOVING.intersection(d.m.words[si]) and not _dated(d, si)


def _listed(d: _Doc, si: int, pos: int, lo: int, hi: int) -> bool:
    """The figure is an item of a list in its chunk: another count joined to it by "and" or a comma."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    f = d.facts[toks[pos].fact]
    for step in (-1, 1):
        k = pos + step
        gap: list[str] = []
        while lo <= k < hi and len(gap) <= 3:
            ti = toks[k].fact
            if ti >= 0:
                if same_family(d.facts[ti], f) and ("and" in gap or "," in gap):
                    return not any(d.v.verb_concepts.starting_at(words, j) for j in range(min(k, pos), max(k, pos)))
                break
            gap.append(words[k])
            k += step
    return False


def _restated_key(d: _Doc, fi: int) -> tuple[str, ...] | None:
    f = d.facts[fi]
    m = d.m.by_fact.get(fi)
    if m is None or f.kind not in RESTATED_KINDS or f.is_range or f.value is None:
        return None
    roles = m.roles - {"another"} if f.hedge == "at least" else m.roles  # "280 or more" is a bound
    if roles & _NOT_RESTATED:
        return None
    si, pos = m.sentence, m.position
    words = d.m.words[si]
    family_ = family(f)
    k = d.hedge_start(si, pos)
    if k > 0 and (
        words[k - 1] in ("from", "to", "between", "than")
        or (words[k - 1] == "and" and "between" in words[max(0, k - 5) : k])
    ):
        return None  # an end of a change or a range, or a comparison: "from 45,000 to 50,000"
    if f.kind != "percent" and d.v.whole_of.starting_at(words, pos + 1):
        return None  # "3,400 of the council's staff": a part of the quantity, not the quantity
    lo = max(d.m.clause_start(si, pos), pos - NAMES_REACH)
    if any(w in _EARLIER for w in words[lo:pos]):
        return None  # "That compared with 78,882 cases": an earlier count, set against the latest
    if f.kind == "percent":
        after = d.v.direction.starting_at(words, pos + 1)
        direction = m.direction or (after[0] if after else "")
        if direction:
            # What changed: the frame's reading ("Non-EU exports shot up 7.5%" → export) before the
            # change's own readers.
            concept = _frame_change(d, fi) or _changed_noun(d, si, k) or _stated_concept(d, fi)
            return ("change", direction, concept) if concept and concept not in d.v.generic else None
        noun = _level_noun(d, si, k) or m.noun or ""
        if not noun or not noun.replace(" ", "").replace("-", "").isalpha() or noun.split()[0] in _NP_STOP:
            return None
        if len(noun.split()) < 2 and noun in d.v.generic:
            return None
        return ("level", family_, noun)
    verb = d.v.verb_concepts.ending_at(words, k) or _concept_verb_after(d, si, pos)
    subject = "" if verb else _subject_concept(d, si, k)
    if subject and f.kind == "number":
        family_ = "count"  # "put the death toll at 231": a bare figure that counts what its subject names
    concept = verb[0] if verb else (subject or m.concept or _number_of(d, si, k))
    if f.kind in ("count", "number") and concept in d.v.money_concepts:
        concept = d.m.frame(fi).concept  # "Ticket sales stood at 92,000": a count of tickets, as its frame reads
    if not concept or concept in d.v.generic:
        return None
    return ("level", family_, concept)


def _running(d: _Doc, fi: int) -> bool:
    """The figure's clause tells it as a running tally ("this season", "for his country", ``[restatement]
    running_tally``), not one event's count."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    table = d.v.running_tally
    return any(table.starting_at(words, k) for k in range(d.m.clause_start(si, pos), d.m.clause_end(si, pos)))


def _counted_as(d: _Doc, fi: int) -> str:
    """How a count is told: "move" right after its direction verb ("will cut 640 jobs", ``_Doc.move_size``),
    "of" after a noun and "of" ("the loss of 1,900 jobs", which may name a move), else "level" ("employs
    2,150 people", "uses 140 agency staff")."""
    if d.move_size(fi):
        return "move"
    si, pos = d.pos_of(fi)
    k = d.hedge_start(si, pos)
    return "of" if k >= 1 and d.m.words[si][k - 1] == "of" else "level"


def _move_against_level(d: _Doc, a: int, b: int) -> bool:
    """One count is a move's size and the other a plain level: two quantities ("to cut 640 jobs" … "also
    uses 140 agency staff")."""
    return {_counted_as(d, a), _counted_as(d, b)} == {"move", "level"}


def _frame_change(d: _Doc, fi: int) -> str:
    """What a stated change changes by the figure's frame, unless that is a direction word ("rise")."""
    concept = d.m.frame(fi).concept
    return "" if d.v.direction.starting_at((concept,), 0) else concept


def _subject_concept(d: _Doc, si: int, k: int) -> str:
    """The listed concept of the clause's subject when a level verb sets the figure at ``k`` as its
    value ("The death toll from the floods stands at 484" → death), or of the object a verb of
    estimating puts at it ("Officials put the death toll at 231"); "" otherwise."""
    words = d.m.words[si]
    hit = d.v.level_verbs.ending_at(words, k)
    lo = max(d.m.clause_start(si, k), k - NAMES_REACH)
    if hit is not None and hit[0] == "level":
        hi = hit[1]
    elif k > 1 and words[k - 1] == "at":
        # "Officials put the death toll from the quake at 231": the object of the verb before "at".
        put = next((j for j in range(k - 2, lo - 1, -1) if d.v.level_verbs.starting_at(words, j) == ("put", j + 1)), -1)
        if put < 0:
            return ""
        lo, hi = put + 1, k - 1
    else:
        return ""
    if any(t.fact >= 0 for t in d.m.tokens[si][lo:hi]):
        return ""  # another figure in the subject: "the 12 villages' toll"
    concept = d.v.head_concept(" ".join(words[lo:hi]))
    return concept if concept in d.v.concepts.values() else ""


def _concept_verb_after(d: _Doc, si: int, pos: int) -> tuple[str, int] | None:
    """A concept verb after the figure's noun: "45 pilgrims have been killed", "12 miners died"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for j in range(pos + 1, min(len(words), pos + 7)):
        if words[j] in _CHUNK_END or toks[j].fact >= 0 or words[j] in ("who", "which", "that", "and", "or"):
            return None
        hit = d.v.verb_concepts.starting_at(words, j)
        if hit:
            return hit[0], j
    return None


def _modifiers(d: _Doc, fi: int) -> frozenset[str]:
    """The words before the head of what a figure counts or changes: "US retail sales fell 0.3%" →
    {us, retail}, "the 2.6% drop in fuel sales" → {fuel}; words that do not make another quantity
    ("net", "annual") left out."""
    m = d.m.by_fact.get(fi)
    if m is None:
        return frozenset()
    si, pos = m.sentence, m.position
    words = d.m.words[si]
    toks = d.m.tokens[si]
    phrase: list[str] = []
    hit = d.v.direction.starting_at(words, pos + 1)
    if hit and hit[1] < len(words) and words[hit[1]] in ("in", "of"):
        j = hit[1] + 1
        while j < len(words) and len(phrase) < 3 and toks[j].fact < 0 and words[j][:1].isalpha():
            if words[j] in _NP_STOP or words[j] in ("in", "of", "at", "for", "on", "to", "from", "and"):
                break
            phrase.append(words[j])
            j += 1
    elif m.noun:
        phrase = m.noun.split()
    if phrase and d.v.direction.starting_at(phrase, len(phrase) - 1):
        phrase = phrase[:-1]  # "non-eu exports shot": the verb is not the head
    out = {w.removesuffix("'s") for w in phrase[:-1]}
    # Words that name a counted thing themselves ("people killed", "deaths make") make no other kind.
    return frozenset(
        w
        for w in out
        if w not in _DETERMINERS and w not in d.v.neutral_modifiers and w not in d.v.generic and w not in d.v.concepts
    )


def _changed_noun(d: _Doc, si: int, k: int) -> str:
    """What a change "by" a figure changes: "lift its profits by over 25%" → profit."""
    words = d.m.words[si]
    if k < 3 or words[k - 1] != "by":
        return ""
    for j in range(k - 2, max(0, k - 6), -1):
        if d.v.direction.ending_at(words, j + 1):
            noun = [w for w in words[j + 1 : k - 1] if w not in _DETERMINERS]
            return d.v.concept(" ".join(noun)) if noun else ""
    return ""


def _number_of(d: _Doc, si: int, k: int) -> str:
    """What a figure with no noun counts, from "the number of deaths ... is now 2,100" before it."""
    words = d.m.words[si]
    lo, _ = _chunk(d, si, k)
    for j in range(k - 2, lo - 1, -1):
        if words[j] in ("number", "total", "count", "tally") and words[j + 1] == "of" and j + 2 < k:
            return d.v.concept(words[j + 2])
    return ""


def _level_noun(d: _Doc, si: int, k: int) -> str:
    """The noun a rate is "of": "a turnout rate of 58%" → "turnout rate"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if k < 2 or words[k - 1] != "of":
        return ""
    j = k - 1
    out: list[str] = []
    while j > 0 and len(out) < 2 and toks[j - 1].fact < 0 and words[j - 1][0].isalpha():
        w = words[j - 1]
        if w in _DETERMINERS or w in _NP_STOP:
            break
        out.insert(0, w)
        j -= 1
    return " ".join(out)


def _frames_agree(d: _Doc, a: int, b: int) -> bool:
    """Both figures in one time frame: the same frame words, years and dates, or one of them with none."""
    if _a_later_day(d, d.pos_of(a)[0]) != _a_later_day(d, d.pos_of(b)[0]):
        return False  # "The next day, 84 people were arrested": another moment's count
    fa, fb = _frame(d, a), _frame(d, b)
    for kind in ("word", "date"):
        xa = {x for x in fa if x.startswith(kind)}
        xb = {x for x in fb if x.startswith(kind)}
        if xa and xb and xa != xb:
            return False
    return True


def _frame(d: _Doc, fi: int) -> frozenset[str]:
    """The figure's time frame: its frame word and the years in its clause ("last year", "in 2003")."""
    m = d.m.by_fact[fi]
    si, pos = m.sentence, m.position
    words = d.m.words[si]
    out: set[str] = {("date:" if m.frame[:1].isdigit() else "word:") + m.frame} if m.frame else set()
    lo = max(d.m.clause_start(si, pos), pos - NAMES_REACH)
    hi = pos + 1
    while hi < len(words) and words[hi] not in CLAUSE_END and hi - pos < NAMES_REACH:
        hi += 1
    for k in range(lo, hi):
        ti = d.m.tokens[si][k].fact
        if ti >= 0 and ti != fi and d.facts[ti].kind in ("year", "date", "decade") and d.facts[ti].iso:
            out.add("date:" + str(d.facts[ti].iso)[:4])  # days within one story ("since Monday") are one frame
        elif ti >= 0 and d.facts[ti].kind == "relative" and d.facts[ti].unit not in (None, "day"):
            out.add(f"date:{d.facts[ti].value} {d.facts[ti].unit}")  # "last year", "this year"
    return frozenset(out)


# Tokens either side of a figure that its comma-delimited stretch may run (a sentence with no comma must
# not cost a walk to its ends per figure).
CHUNK_REACH = 24


def _chunk(d: _Doc, si: int, pos: int) -> tuple[int, int]:
    """The comma-delimited stretch of tokens around a figure."""
    words = d.m.words[si]
    lo = pos
    while lo > 0 and words[lo - 1] not in _CHUNK_END and pos - lo < CHUNK_REACH:
        lo -= 1
    hi = pos + 1
    while hi < len(words) and words[hi] not in _CHUNK_END and hi - pos < CHUNK_REACH:
        hi += 1
    return lo, hi


# Words that name the whole scope, not a part of it: "across the country", "nationwide".
_WHOLE_SCOPE = frozenset("country countrywide nation nationwide world worldwide overall total all whole".split())
_PLACE_PREPS = frozenset("in across at among for on".split())
_TIME_NOUNS = frozenset("decade decades year years month months week weeks day days hours history memory".split())


def _places(d: _Doc, si: int, lo: int, hi: int, preps: frozenset[str] = _PLACE_PREPS) -> frozenset[str]:
    """Words of a place or group the tokens ``lo`` to ``hi`` narrow a figure to ("in the northern province"),
    each after a word of ``preps``."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    out: set[str] = set()
    for k in range(lo, hi):
        if words[k] not in preps:
            continue
        j = k + 1
        while j < hi and words[j] in _DETERMINERS:
            j += 1
        phrase = [w for w in words[j : min(hi, j + 3)] if w[0].isalpha()]
        if not phrase or toks[j].fact >= 0 if j < hi else True:
            continue
        if d.v.concept(" ".join(phrase)) in d.v.concepts.values() or phrase[0] in d.v.generic:
            continue  # "a rise in net profits": what is counted, not where
        if phrase[0] in _TIME_NOUNS:
            continue  # "the worst in decades": a stretch of time, not a place
        if phrase[0] in d.v.events:
            continue  # "hurt in the blaze": the event, not a place
        out.update(w for w in phrase if w not in _WHOLE_SCOPE and w not in _NP_STOP)
    return frozenset(out)


def _caps(d: _Doc, si: int, lo: int, hi: int) -> frozenset[str]:
    """Capitalised words in tokens ``lo`` to ``hi`` of a sentence, but its first word (unless a name even
    there: "Labour finished with 9"), as lower-case names."""
    text = d.view.text
    out: set[str] = set()
    toks = d.m.tokens[si]
    if lo == 0 and hi > 0 and toks and toks[0].fact < 0 and toks[0].text in d.v.always_names:
        out.add(toks[0].text)
    for k in range(max(lo, 1), hi):
        tok = d.m.tokens[si][k]
        raw = text[tok.start : tok.end]
        word = tok.text.removesuffix("'s")
        if tok.fact >= 0 or not raw[:1].isupper() or word in NOT_NAMES or len(word) < 2:
            continue
        if d.m.tokens[si][k - 1].text in ('"', "(", "-", ":"):
            continue  # a quotation or a bracket starts with a capital
        if _source_named(d, si, k):
            continue  # "Figures obtained by the BBC": who tells the figure, not whose it is
        out.add(word)
    return frozenset(out)


def _source_named(d: _Doc, si: int, k: int) -> bool:
    """Token ``k`` names a source after words of sourcing, past a determiner and other capitalised words
    ("obtained by the BBC", "according to the Met Office"; ``[frames.holders] source_by``)."""
    words, text = d.m.words[si], d.view.text
    j = k
    while j > 0 and (
        words[j - 1] in _DETERMINERS or text[d.m.tokens[si][j - 1].start : d.m.tokens[si][j - 1].start + 1].isupper()
    ):
        j -= 1
    return j > 0 and d.v.source_by.ending_at(words, j) is not None


def _two_sources(d: _Doc, a: int, b: int, opening: bool = True) -> bool:
    """Sentences ``a`` and ``b`` attribute their figures to sources, and to none in common ("according to
    the WHO" … "the ministry said"): two sources' counts. ``opening``: a sentence's first word may name
    its source (else it is left out: "Officials said" names no one)."""
    sa, sb = _sources(d, a, officers=False), _sources(d, b, officers=False)
    if not opening:
        sa, sb = sa - {d.m.words[a][0]}, sb - {d.m.words[b][0]}
    return bool(sa and sb and not sa & sb)


def _sources(d: _Doc, si: int, officers: bool = True) -> frozenset[str]:
    """Who a sentence attributes its figures to: names after "according to" or before "said" (read on all
    its words: the mentions leave out an attribution told as an aside, ", the ministry said,"). Not
    ``officers``: a speaker told by an officer's title speaks for the body it names, or for the holder
    (``_said_span``)."""
    toks = _plain_tokens(d, si)
    words = tuple(t.text for t in toks)
    text = d.view.text
    out: set[str] = set()
    for k, w in enumerate(words):
        span: range = range(0)
        if w == "according" and k + 1 < len(words) and words[k + 1] == "to":
            span = range(k + 2, min(len(words), k + 8))
        elif w in _SAID:
            span = _said_span(d, words, k) if not officers else range(max(0, k - 4), k)
        for j in span:
            if words[j] in _CHUNK_END and j > k:
                break
            raw = text[toks[j].start : toks[j].end]
            if toks[j].fact < 0 and raw[:1].isupper() and words[j] not in NOT_NAMES:
                out.add(words[j].removesuffix("'s"))
    return frozenset(out)


# Words before a title that may name the body its officer speaks for ("Populus chief executive Ann Lee").
OFFICER_BODY = 3


def _said_span(d: _Doc, words: tuple[str, ...], k: int) -> range:
    """Where the names of the source before "said" at ``k`` stand: the four words before it, or, past a
    speaker told by an officer's title, the words naming the title's body ("Populus chief executive Ann Lee
    said" → Populus) and none when no body is named ("chief executive Sanjay Kapoor said": the holder's own
    officer speaks for it, no source of its own)."""
    lower = [w.lower() for w in words]
    for j in range(k - 1, max(0, k - 4), -1):
        hit = d.v.officer_titles.ending_at(lower, j)
        if hit is not None:
            lo = hit[1]
            while lo > max(0, hit[1] - OFFICER_BODY) and words[lo - 1][:1].isalnum():
                lo -= 1  # no further than the clause the title opens: "its website and app, chief executive"
            return range(lo, hit[1])
    return range(max(0, k - 4), k)


# Words that make a sentence's scale word a risk or a forecast, not a count.
_HYPOTHETICAL = frozenset(
    "could would may might will potential potentially risk risks fear fears feared warned warn threat threaten".split()
)


def _scale_words(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A scale word in the headline or lead with no figure beside it ("Hundreds dead in stampede") and
    the first figure of what it counts ("over 45 pilgrims have been killed"): ``qualifier`` relations
    with document evidence."""
    lead = _lead_sentences(d)
    firsts: dict[str, int] = {}
    for toks in d.m.tokens:
        for tok in toks:
            if tok.fact >= 0 and d.facts[tok.fact].kind in ("count", "number"):
                key = _restated_key(d, tok.fact)
                if key is not None and key[0] == "level":
                    firsts.setdefault(key[-1], tok.fact)
    if not firsts:
        return
    for si in sorted(lead):
        toks = d.m.tokens[si] or _plain_tokens(d, si)  # a headline without figures is not tokenised
        words = tuple(t.text for t in toks)
        hypothetical = any(w in _HYPOTHETICAL for w in words)  # once per sentence, not per word found
        i = 0
        while i < len(words):
            hit = (
                d.v.qualifiers.starting_at(words, i)
                if toks[i].fact < 0 and words[i] in d.v.qualifiers.by_first
                else None
            )
            if hit is None or d.v.ranges[hit[0]][0] != "count":
                i += 1
                continue
            phrase, end = hit
            start, i = i, end
            if hypothetical:
                continue  # "could cause tens of millions of deaths": a risk, not a count
            if d.m.tokens[si] and _beside(d, si, end, "count")[0] >= 0:
                continue  # "thousands of fans, some 40,000": judged in its sentence
            j = end + 1 if end < len(words) and words[end] == "of" else end
            concept = ""
            for k in range(j, min(len(words), j + 5)):
                if words[k] in _CHUNK_END or toks[k].fact >= 0:
                    break
                verb = d.v.verb_concepts.starting_at(words, k)
                if verb:
                    concept = verb[0]
                    break
            if not concept and j < len(words) and words[j][0].isalpha():
                concept = d.v.concept(words[j])
            fi = firsts.get(concept, -1)
            if fi < 0 or d.pos_of(fi)[0] == si:
                continue
            cue = Span(toks[start].start, toks[end - 1].end)
            yield Relation("qualifier", (("figure", fi),), (cue,), "document", (("phrase", phrase), ("unit", "count")))


# --- echoes: a lead figure told again in other words, its digits transposed ------------------

# Content words two figures' clauses must share to be read as one quantity told twice.
ECHO_SHARED = 2
# Tokens either side of a figure whose words describe it.
ECHO_REACH = 24
# Lead figures kept per digit key (bounds the comparisons).
ECHO_PER_KEY = 4
_ECHO_STOP = frozenset(
    """the a an and or but of in on at by for from to with as than that this these those which who whom
    what when where while it its they them their there he she his her we our you your i is are was were be
    been being has have had do does did not no nor will would could should can may might must said says say
    told also only just some about around over under more most less least than then now still very much
    many such other another each all both any per cent percent year years month months week weeks day days
    time times one two three four five six seven eight nine ten last next new first second including
    included includes excluding""".split()
)
_ECHO_SUFFIXES = ("ing", "ed", "es", "e", "s")
# Consonants a verb doubles before "-ed" and "-ing" ("planned", "admitting"); "l" and "s" are left, as in
# "called" and "passed" the double is the word's own.
_DOUBLED = frozenset("bdgmnprt")
# Words that end the whole after a share ("of the children in the camps are").
_WHOLE_END = frozenset(
    "are were is was said say says have has had think thought believe want wanted , ; : . ( )".split()
)


def _stem(word: str) -> str:
    """A crude stem, enough to meet "promised" and "promises", "exports" and "export", "planned" and
    "plan", "admitted" and "admits"."""
    w = singular(word.removesuffix("'s"))
    for suffix in _ECHO_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            if suffix in ("ed", "ing") and w[-1] == w[-2] and w[-1] in _DOUBLED:
                w = w[:-1]  # "plann" → "plan"
            return w
    return w


def _acronyms(d: _Doc, si: int) -> frozenset[str]:
    """Initials of runs of capitalised words ("European Union" → "eu", "United States" → "us")."""
    text = d.view.text
    out: set[str] = set()
    run: list[str] = []
    for tok in (*d.m.tokens[si], None):
        if tok is not None and tok.fact < 0 and text[tok.start : tok.end][:1].isupper() and tok.text.isalpha():
            run.append(tok.text)
            continue
        if len(run) >= 2:
            out.add("".join(w[0] for w in run))
        run = []
    return frozenset(out)


def _bag(d: _Doc, si: int, pos: int, whole: range | None = None) -> dict[str, str]:
    """The stems of the content words around a figure in its clause (hyphen parts and acronyms included),
    each with a word it stands for; the tokens in ``whole`` (by default the whole after "of") left out."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    lo = max(d.m.clause_start(si, pos), pos - ECHO_REACH)
    hi = min(d.m.clause_end(si, pos), pos + ECHO_REACH)
    out: dict[str, str] = {}
    if whole is None and pos + 1 < len(words) and words[pos + 1] == "of":
        # "38% of the children in the camps are ...": the whole is shared by every share of it.
        end = pos + 2
        while end < min(hi, pos + 10) and words[end] not in _WHOLE_END and toks[end].fact < 0:
            end += 1
        whole = range(pos + 1, end)
    elif whole is None:
        whole = range(0)
    for k in range(lo, hi):
        w = words[k]
        if k in whole:
            continue
        if toks[k].fact >= 0 or not w[:1].isalpha() or w in _ECHO_STOP or d.v.direction.starting_at(words, k):
            continue  # direction words ("rose") are shared by every change, not a sign of one quantity
        for part in (w, *w.split("-")) if "-" in w else (w,):
            if len(part) >= 2 and part not in _ECHO_STOP:
                out.setdefault(_stem(d.v.base_forms.get(part, part)), part)  # "paid" and "pay" meet
    for a in _acronyms(d, si):
        out.setdefault(a, a.upper())
    return out


def _name_known(name: str, known: frozenset[str]) -> bool:
    """A name the lead gives, as itself or, for "non-EU", its last part."""
    return name in known or ("-" in name and name.rsplit("-", 1)[1] in known)


# Roles that keep a figure out of echoes: a forecast told twice ("will charge 15% more") is one figure.
_ECHO_NOT = _NOT_RESTATED - {"forecast"}


def _plural_noun_after(d: _Doc, fi: int) -> str:
    """The first plural noun within three words after a figure, singular ("14 league games" → game), else ""."""
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos + 1, min(len(words), pos + 4)):
        w = words[k]
        if toks[k].fact >= 0 or not w.isalpha() or w in _ECHO_STOP:
            return ""
        if w.endswith("s") and not w.endswith("ss"):
            return singular(w)
    return ""


def _echoes(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A figure told again later in other words, with its digits transposed: "87% of those
    asked said ministers did not deliver what they promised" … "Some 78% said ministers did not keep
    their promises". The two share at least ``ECHO_SHARED`` content words, their kind and direction;
    the usual guards hold (another frame, source, holder or place the lead does not give). Only a swap
    of digits is evidence for the judge (label ``evidence`` = "swap")."""
    tied = _tied(d, built, "all")
    anchors: dict[tuple[str, str], list[tuple[int, str]]] = {}  # digits sorted → (figure, its digits)
    bags: dict[int, dict[str, str]] = {}  # read only for figures that meet another with their digits

    def bag_of(fi: int) -> dict[str, str]:
        if fi not in bags:
            bags[fi] = _bag(d, *d.pos_of(fi))
        return bags[fi]

    known: dict[int, frozenset[str]] = {}
    sents = d.view.doc.sentences
    for si, pos, fi, f in d.figures(RESTATED_KINDS):
        m = d.m.by_fact.get(fi)
        digits = re.sub(r"\D", "", f.text.split("(")[0])
        if m is None or fi in tied or m.roles & _ECHO_NOT or len(digits) < 2 or len(set(digits)) < 2:
            continue
        key = (family(f), "".join(sorted(digits)))
        group = anchors.setdefault(key, [])
        for first, first_digits in group:
            fs, _ = d.pos_of(first)
            if fs == si or first_digits == digits or _direction(d, first) != _direction(d, fi):
                continue
            if ("forecast" in m.roles) != ("forecast" in d.m.by_fact[first].roles):
                continue  # a forecast and a result are two figures; two forecasts may be one told twice
            na, nb = _plural_noun_after(d, first), _plural_noun_after(d, fi)
            if na and nb and na != nb:
                continue  # "a run of 14 league games" ... "41 points from 22 games": two things counted
            if is_gap(d, first) or is_gap(d, fi):
                continue  # "beat the Knights by 16 runs" ... "61 for one": a margin is no figure told again
            if d.percent_beside(*d.pos_of(fi)) >= 0 or d.percent_beside(*d.pos_of(first)) >= 0:
                continue  # "taking £14.9bn, or almost 16% of the total" ... "£94.1bn": a part, told with its share
            ha, hb = d.m.frame(first).holder, d.m.frame(fi).holder
            if f.kind in ("count", "number") and ha and hb and not same_holder(ha, hb):
                continue  # "taking Westshire to 142" ... "Eastmoor slip to second on 124": two holders' counts
                # (a price one side pays and the other gets is one figure: "pay 72% more" ... "boost by 72%")
            if sents[fs].item and sents[si].item:
                continue  # two entries of a list or table: parallel items, not one figure told twice
            said = bag_of(fi)
            shared = said.keys() & bag_of(first).keys()
            if len(shared) < ECHO_SHARED:
                continue
            if not _frames_agree(d, first, fi) or _parts_apart(d, fs, si):
                continue  # another time, or another part of the year ("in the first half" … "the second half")
            if fs not in known:
                own = (fs, 0) if d.m.tokens[0] else (fs,)
                known[fs] = frozenset(n for s2 in own for n in _caps(d, s2, 0, len(d.m.tokens[s2]))) | frozenset(
                    a for s2 in own for a in _acronyms(d, s2)
                )
            lo, hi = _chunk(d, si, pos)
            if not all(_name_known(n, known[fs]) for n in _caps(d, si, lo, hi)):
                continue  # "Labour's 53%" against the lead's 35%: another holder
            if d.v.other_holders.intersection(d.m.words[si][d.m.clause_start(si, pos) : hi]):
                continue  # "Its rival paid £7.2m": another holder named without a name
            if _two_sources(d, fs, si, opening=False):
                continue  # two sources' figures
            if _past_in_clause(d, si, pos) - _times(d, fs):
                continue  # "Turnout in the vote of 1998 was 64%": a time the first does not tell
            if _known_but_apart(d, first, fi):
                continue  # "Halden Bank's £3.2bn profit": told as known, but another quantity
            yield Relation(
                "restatement",
                (("first", first), ("second", fi)),
                (),
                "document",
                (
                    ("lag", ""),
                    ("concept", " ".join(said[w] for w in sorted(shared))),
                    ("scope", ""),
                    ("evidence", "swap"),
                ),
            )
            break
        if len(group) < ECHO_PER_KEY:
            group.append((fi, digits))


def _direction(d: _Doc, fi: int) -> str:
    """The way a figure's change goes, from the words before it or right after it ("a 7.5% rise")."""
    m = d.m.by_fact[fi]
    if m.direction:
        return m.direction
    after = d.v.direction.starting_at(d.m.words[m.sentence], m.position + 1)
    return after[0] if after else ""


# --- a change told again as known: "fell 12% on Thursday" … "The 21% drop wiped £400m off" ------------

# Sentences back that "the N% drop" looks for the change it tells again.
DEFINITE_CHANGE_BACK = 2
_OWN_NOUN = frozenset({"in", "of"})  # "the 21% drop in sales" names what changed: the usual readers take it


def _definite_changes(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change in % told as known ("the", a pointing "that" or "this") with a change noun and nothing of its
    own ("The 21% drop wiped £400m off its value", "half of that 18% increase") against the nearest stated
    change of the same direction in the sentences just before ("Shares in the retailer fell 12% on Thursday"). After "the" only a slip of the keys is evidence (label
    ``evidence`` = "slip"); a pointing word (``_pointer``) means the change just told, so any other value
    is one (``evidence`` = "known")."""
    told: list[tuple[int, int, str]] = []  # sentence, figure, direction of the stated changes so far
    for si, pos, fi, _f in d.figures(frozenset({"percent"})):
        words = d.m.words[si]
        k = d.hedge_start(si, pos)
        way = _direction(d, fi)
        if not way or (k > 0 and words[k - 1] in ("to", "from", "at")):
            continue  # no change, or a level: "rose to 5%"
        noun = d.v.direction.starting_at(words, pos + 1)
        own = noun is not None and noun[1] < len(words) and words[noun[1]] in _OWN_NOUN
        # "half of that 18% increase", "said this 6.4% rise" ("this" is never a conjunction): the change just told
        pointed = k > 0 and (words[k - 1] == "this" or _pointer(d, si, k - 1, pos))
        known = pointed or (k > 0 and words[k - 1] == "the")
        if known and noun is not None and noun[0] == way and not own:
            near = [x for x in told if si - x[0] <= DEFINITE_CHANGE_BACK]  # "rose 41%, and the 41% rise" too
            if near and near[-1][2] == way:
                yield Relation(
                    "restatement",
                    (("first", near[-1][1]), ("second", fi)),
                    (),
                    "document",
                    (("lag", ""), ("concept", "change"), ("scope", ""), ("evidence", "known" if pointed else "slip")),
                )
        told.append((si, fi, way))


# --- fraction words: "nearly half of voters" in one sentence, "58% of voters" in another ------------

# Fraction words per document read against the shares of other sentences (a document has few; this
# bounds the comparisons to a fixed number per share).
FRACTIONS_PER_DOC = 4
# Words of the whole after "of" ("of the party's voters"): a noun phrase is short.
WHOLE_WORDS = 3
_WHOLE_STOP = frozenset("in on at for from with by who whom that which than as and or but to".split())


def _whole_after(d: _Doc, si: int, pos: int, direct: bool = False) -> tuple[frozenset[str], range]:
    """The stems of the whole a share is "of" ("58% of small firms expect" → {small, firm}; "one in three
    drivers admits" → {driver}; with ``direct``, "most parents support" → {parent}) and its tokens; a
    plural ends it ("of voters backed")."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    text = d.facts[toks[pos].fact].text.lower() if toks[pos].fact >= 0 else ""
    if pos + 1 < len(words) and (" in " in text or " out of " in text or (direct and words[pos + 1] != "of")):
        j = pos + 1  # "one in three drivers", "eight out of 10 voters": the whole follows the figure
    elif pos + 2 < len(words) and words[pos + 1] == "of":
        j = pos + 2
    else:
        return frozenset(), range(0)
    out: set[str] = set()
    while j < len(words) and len(out) < WHOLE_WORDS and toks[j].fact < 0 and words[j][:1].isalpha():
        w = words[j]
        if w in _WHOLE_END or w in _WHOLE_STOP:
            break
        j += 1
        if w in _DETERMINERS or w in _ECHO_STOP:
            continue
        out.add(_stem(w))
        if w.endswith("s") and not w.endswith("'s") and not w.endswith("ss"):
            break
    return frozenset(out), range(pos + 1, j)


def _fractions_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A fraction word told of a group in one sentence and the group's exact share in another: "Nearly
    half of voters back the plan" … "58% of voters backed the plan". Both are "of" the same whole and
    share at least ``ECHO_SHARED`` other content words, neither states a change, and the usual guards
    hold: the same years (or none), no holder, place or source that the other does not give. A ``qualifier`` relation (roles
    ``qualifier``, ``figure``) with document evidence, judged as "nearly half (58%)" would be."""
    tied = _tied(d, built, "all")
    # Figures a qualifier is already told of in their own clause ("almost a quarter (21%)").
    qualified = {i for rel in built.get("qualifier", {}).values() for _, i in rel.roles}
    # (sentence, last token, fraction fact or -1, qualifier phrase, first token)
    fractions: list[tuple[int, int, int, str, int]] = []
    shares: list[tuple[int, int, int]] = []
    for si, pos, fi, f in d.figures(frozenset({"share", "percent"})):
        m = d.m.by_fact.get(fi)
        if m is None or _direction(d, fi) or fi in qualified:
            continue
        if m.roles & _NOT_RESTATED and not (m.roles == {"part"} and f.kind == "percent" and _asked_before(d, si, pos)):
            continue  # a part, not the share itself; but "Of those asked, 38% said" is the poll's answer
        if f.kind == "percent":
            shares.append((si, pos, fi))
        elif fi not in tied and f.value is not None and 0 < f.value < 1 and len(fractions) < FRACTIONS_PER_DOC:
            fractions.append((si, pos, fi, "", d.hedge_start(si, pos)))
    if not shares:
        return
    fractions.extend(_share_words(d, FRACTIONS_PER_DOC - len(fractions)))
    told: dict[tuple[int, int], tuple[frozenset[str], dict[str, str]]] = {}

    def read(si: int, pos: int, direct: bool = False) -> tuple[frozenset[str], dict[str, str]]:
        if (si, pos) not in told:
            whole, span = _whole_after(d, si, pos, direct)
            told[(si, pos)] = whole, _bag(d, si, pos, span)
        return told[(si, pos)]

    for qs, qpos, qi, phrase, start in fractions:
        q_whole, q_bag = read(qs, qpos, bool(phrase))
        for si, pos, fi in shares:
            if si == qs:
                continue
            whole, bag = read(si, pos)
            poll = not (whole and whole == q_whole)
            if poll and not _poll_answer(d, si, pos, whole, q_whole):
                continue  # another whole, and no answer of the people a poll asked
            if len(bag.keys() & q_bag.keys()) < ECHO_SHARED:
                continue
            if poll and _said_verb(d, si, _whole_after(d, si, pos)[1].stop or pos + 1) != _said_verb(
                d, qs, _whole_after(d, qs, qpos, bool(phrase))[1].stop or qpos + 1
            ):
                continue  # a poll's answer meets a fraction word only when both say one thing ("back", "backed")
            if _clause_years(d, qs, qpos) != _clause_years(d, si, pos) or not _one_holder(d, qs, si, pos):
                continue
            if _two_sources(d, qs, si, opening=False):
                continue  # two sources' figures
            cue = d.span(qs, start, qpos + 1)
            roles = (("qualifier", qi), ("figure", fi)) if qi >= 0 else (("figure", fi),)
            yield Relation("qualifier", roles, (cue,), "document", (("phrase", phrase), ("unit", "share")))
            break


# The wholes of a poll's answers: "58% of those asked said", "of respondents".
_ASKED = frozenset(
    _stem(w)
    for w in "asked polled surveyed questioned interviewed sampled respondents participants study ballot research".split()
)
# Words between a poll's "said" and what was said: "said that they would", "told us it had".
_SAID_FILLER = frozenset("that they he she it we i you us them there".split())


def _poll_answer(d: _Doc, si: int, pos: int, whole: frozenset[str], other: frozenset[str]) -> bool:
    """The share at token ``pos`` is a poll's answer with no whole but those asked: "56% said they backed
    the road", "56% of those polled said ...". It may meet a fraction word of another whole (``other``:
    "Fewer than half of voters back the road") when the two say the same thing (the shared words are the
    evidence), unless a group of its own stands before it ("Among drivers, 56% said")."""
    if whole and not whole <= _ASKED:
        return False
    group = _group_before(d, si, pos)
    if group and not group <= _ASKED | other:
        return False
    words = d.m.words[si]
    j = pos + 1
    while whole and j < len(words) and j < pos + WHOLE_WORDS + 3 and words[j] not in d.v.respondent_verbs.by_first:
        j += 1  # past "of those asked"
    return d.v.respondent_verbs.starting_at(words, j) is not None


# Words before a share that name the group it is of: "Among drivers, 56% said", "Of the members asked, 56%",
# "In homes with broadband, 40% said".
_GROUP_OPENERS = frozenset({"among", "of", "amongst", "in"})


def _said_verb(d: _Doc, si: int, j: int) -> str:
    """The stem of the first content word at or after token ``j`` in its clause, past a poll's "said
    (that) they" and auxiliaries: what a share of people do ("back", "pay", "fallen")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    end = d.m.clause_end(si, j) if j < len(words) else j
    while j < end:
        said = d.v.respondent_verbs.starting_at(words, j) if words[j] in ("said", "say", "says", "told") else None
        if said is not None:
            j = said[1]
            if words[j - 1] == "told":  # "told researchers they", "told the BBC that": past whom they told
                j = next((x for x in range(j, min(end, j + 4)) if words[x] in _SAID_FILLER), j)
            continue
        w = words[j]
        if toks[j].fact < 0 and w[:1].isalpha() and w not in _ECHO_STOP and w not in _SAID_FILLER:
            return _stem(d.v.base_forms.get(w, w))
        j += 1
    return ""


def _group_before(d: _Doc, si: int, pos: int) -> frozenset[str]:
    """The stems of a group named before the share at token ``pos`` in its clause ("Among young drivers,
    56%" → {young, driver}; "Of those asked, 38%" → {ask})."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    for k in range(pos - 1, max(lo, pos - WHOLE_WORDS - 4) - 1, -1):
        if words[k] in _GROUP_OPENERS:
            stems, _ = _whole_after(d, si, k - 1) if k > 0 and words[k] == "of" else _whole_after(d, si, k, True)
            return stems
    return frozenset()


def _asked_before(d: _Doc, si: int, pos: int) -> bool:
    """ "Of those asked, 38% said": the share's group is the poll's sample."""
    group = _group_before(d, si, pos)
    return bool(group) and group <= _ASKED


def _share_words(d: _Doc, room: int) -> Iterator[tuple[int, int, int, str, int]]:
    """Qualifiers of a share with no figure beside them ("A majority of members back the strike", "Most
    parents support it"): (sentence, last token, -1, phrase, first token), at most ``room``."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for i in range(len(words)):
            if room <= 0:
                return
            hit = (
                d.v.qualifiers.starting_at(words, i)
                if toks[i].fact < 0 and words[i] in d.v.qualifiers.by_first
                else None
            )
            if hit is None or d.v.ranges[hit[0]][0] != "share":
                continue
            phrase, end = hit
            if phrase == "most" and (
                (i > 0 and words[i - 1] in _DETERMINERS) or (end < len(words) and words[end] in d.v.not_after_most)
            ):
                continue  # "the most popular": a superlative
            if any(
                t.fact >= 0 and d.facts[t.fact].kind in ("percent", "share") for t in toks[end : end + QUALIFIER_NP]
            ):
                continue  # "a majority (48%)": judged beside its figure
            room -= 1
            yield si, end - 1, -1, phrase, i


def _clause_years(d: _Doc, si: int, pos: int) -> frozenset[str]:
    """The years and dates in the clause around token ``pos`` ("almost two-thirds in 1999")."""
    toks = d.m.tokens[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    return frozenset(
        str(d.facts[t.fact].iso)[:4]
        for t in toks[lo:hi]
        if t.fact >= 0 and d.facts[t.fact].kind in ("year", "date") and str(d.facts[t.fact].iso or "")[:1].isdigit()
    )


def _one_holder(d: _Doc, qs: int, si: int, pos: int) -> bool:
    """The share's stretch names no one and no place the fraction's sentence (or the headline) does
    not: "Among Labour voters, 62%", "40% of voters in the north" against "nearly half of voters"."""
    own = (qs, 0) if d.m.tokens[0] else (qs,)
    known = frozenset(n for s2 in own for n in _caps(d, s2, 0, len(d.m.tokens[s2])))
    known |= frozenset(a for s2 in own for a in _acronyms(d, s2))
    words = frozenset(w for s2 in own for w in d.m.words[s2])
    lo, hi = _chunk(d, si, pos)
    if not _places(d, si, lo, hi) <= words:
        return False
    if d.m.words[si][:1] and d.m.words[si][0] in _PLACE_PREPS:
        lo = 0  # "Among Labour voters, 62% ...": the opening phrase's names narrow the share
    return all(_name_known(n, known) for n in _caps(d, si, lo, hi))


# --- ages: "John Smith, 19," … "the 21-year-old" ------------------------------------------------

# Sentences back a definite "the N-year-old" looks for the person it stands for.
AGE_REACH = 3


def _named_age(d: _Doc, si: int, pos: int) -> bool:
    """An age told with a name: "John Smith, 19,", "Tom Reid, aged 52," (a capitalised word before the
    comma), "19-year-old Tom Lee", "a 19-year-old student, Tom Lee," (one after it)."""
    toks = d.m.tokens[si]

    def name_at(k: int) -> bool:
        if not 0 <= k < len(toks) or toks[k].fact >= 0 or toks[k].text in NOT_NAMES:
            return False
        return d.view.text[toks[k].start : toks[k].end][:1].isupper()

    if pos >= 2 and toks[pos - 1].text == "," and name_at(pos - 2):
        return True
    k = pos + 1
    while k < len(toks) and k - pos <= 2 and toks[k].text[:1].isalpha() and not name_at(k):
        k += 1  # "a 19-year-old student, Tom Lee"
    if k < len(toks) and toks[k].text == ",":
        k += 1
    return k < len(toks) and name_at(k)


def _other_opens(d: _Doc, ls: int, lpos: int, si: int) -> bool:
    """The sentence just before "the N-year-old" (in ``si``) opens with a name other than the one told with
    the age at ``lpos`` of sentence ``ls``: "Jo Hart, 31, beat Ann Lee. Lee was upset. The 24-year-old ..."
    means Lee."""
    if si - 1 <= ls:
        return False
    surname, _ = _opening_name(d, si - 1)
    if not surname:
        return False
    toks, text = d.m.tokens[ls], d.view.text
    if lpos >= 2 and toks[lpos - 1].text == ",":
        return toks[lpos - 2].text.removesuffix("'s") != surname  # "Jo Hart, 31,"
    k = lpos + 1
    while k < len(toks) and not text[toks[k].start : toks[k].end][:1].isupper():
        k += 1  # "a 27-year-old student, Jo Hart"
    while k + 1 < len(toks) and text[toks[k + 1].start : toks[k + 1].end][:1].isupper():
        k += 1
    return k >= len(toks) or toks[k].text.removesuffix("'s") != surname


def _ages_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A person's age told with their name and again as "the N-year-old" within ``AGE_REACH``
    sentences: "Police arrested John Smith, 19, ..." … "Officers said the 21-year-old ...". The
    definite article points back to the last person whose age was told; an age told of anyone
    before with the later value may be whom it means, and then nothing is related. A
    ``restatement`` with label ``evidence`` = "person": one person has one age."""
    told: list[int] = []  # the ages told so far, in text order
    seen: set[object] = set()
    for si, pos, fi, f in d.figures(frozenset({"age"})):
        if f.unit != "year":
            continue
        if told and pos > 0 and d.m.words[si][pos - 1] == "the" and f.value not in seen:
            last = told[-1]
            ls, lpos = d.pos_of(last)
            if ls != si and si - ls <= AGE_REACH and _named_age(d, ls, lpos) and not _other_opens(d, ls, lpos, si):
                yield Relation(
                    "restatement",
                    (("first", last), ("second", fi)),
                    (),
                    "document",
                    (("lag", ""), ("concept", "age"), ("scope", ""), ("evidence", "person")),
                )
        told.append(fi)
        seen.add(f.value)


# --- one thing's figure told twice: "acquired a 21.5% stake in Harwick" … "acquiring a 12.5% stake in Harwick" ---

# Kinds of figure a noun's own figure may be: a stake, a loss, a ban's length.
TWICE_KINDS = frozenset({"count", "number", "percent", "money", "duration"})
# Words after a figure that the noun it measures may stand ("a 48 hour nationwide travel ban").
HEAD_REACH = 4
# Tokens either side of a figure (and its noun), within its clause, whose words say what the figure is.
IDENTITY_REACH = 5
# Earlier figures kept per (family, kind, noun) for a later one to meet.
TWICE_PER_KEY = 4
_MONTHS = frozenset(list(MONTHS)[:12])
# Words after a figure that end its noun phrase besides words of grammar: "for six years until", "a week apiece".
_HEAD_END = frozenset("until till ago apiece each".split())
_TIME_KINDS = frozenset({"date", "weekday", "time", "year", "relative", "month"})
# Words right before a figure that make it the end or the step of a change ("lifted it to 28%"), or
# another figure set against it ("more than"), not the noun's own figure.
_CHANGE_ENDS = frozenset("to from by than between at".split())


def _head(d: _Doc, si: int, pos: int) -> tuple[int, bool]:
    """The token of the noun a figure measures, and whether the figure gives its size: "a 48-hour ban" (the
    figure's noun phrase, ended by a word of grammar, a stop or the clause), "banned for 48 hours" (a word
    for one thing, as data, before "for"); "annual losses of £9m" (the noun before "of") is told, not
    sized. -1 when there is none."""
    words, toks = d.m.words[si], d.m.tokens[si]
    end = d.m.clause_end(si, pos)
    k, last = pos + 1, -1
    while k < min(end, pos + 1 + HEAD_REACH) and toks[k].fact < 0:
        if words[k] == "-" and k == pos + 1:
            k += 1  # "a five-match ban": the figure's unit joined to it
            continue
        if not words[k][:1].isalpha() or words[k] in _ECHO_STOP or words[k] in _NP_STOP or words[k] in _HEAD_END:
            break
        if d.verb_like(words[k]):
            break
        last = k
        k += 1
    if last >= 0 and (
        k >= end
        or not words[k][:1].isalnum()
        or words[k] in _NP_STOP
        or words[k] in _ECHO_STOP
        or words[k] in _HEAD_END
    ):
        return last, True
    h = d.hedge_start(si, pos)
    if h >= 2 and words[h - 1] == "of" and toks[h - 2].fact < 0 and words[h - 2][:1].isalpha():
        return h - 2, False
    if h >= 1 and words[h - 1] in d.v.one_thing and d.facts[toks[pos].fact].kind in ("money", "percent"):
        return h - 1, False  # "pledged $40m", "fined the bank £12m" is not read: a verb for one thing, as data
    if h >= 2 and words[h - 1] == "for" and d.facts[toks[pos].fact].kind == "duration":
        # "absent from the index for four years", "banned for 72 hours": a state's word, as data, before it.
        for k in range(h - 2, max(d.m.clause_start(si, pos), h - 2 - HEAD_REACH * 2) - 1, -1):
            if words[k] in d.v.one_thing:
                return k, True  # the thing's length, as "a 72-hour ban" gives it
    return -1, False


def _thing_stems(d: _Doc, thing: str, noun: str) -> frozenset[str]:
    """The stems of a noun and of every word for the same thing: the noun itself is no further evidence."""
    words: dict[str, frozenset[str]] = d.view.memo("restate-things", lambda v: _things_by_name(d))
    return words.get(thing, frozenset()) | {_stem(noun), _stem(thing)}


def _things_by_name(d: _Doc) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for w, thing in d.v.one_thing.items():
        out.setdefault(thing, set()).add(_stem(w))
    return {k: frozenset(v) for k, v in out.items()}


def _reach(d: _Doc, si: int, pos: int, head: int) -> tuple[int, int]:
    """The tokens that say what a figure is: its clause up to it (at most ``IDENTITY_REACH`` tokens before it
    or its noun), and after it and its noun up to ``IDENTITY_REACH`` tokens, ended by a stop or a comma."""
    words = d.m.words[si]
    lo = max(d.m.clause_start(si, pos), min(pos, head) - IDENTITY_REACH)
    end = min(d.m.clause_end(si, pos), max(pos, head) + 1 + IDENTITY_REACH)
    hi = max(pos, head) + 1
    while hi < end and words[hi] not in _CHUNK_END:
        hi += 1
    return lo, hi


def _first_is_name(d: _Doc, si: int) -> bool:
    """The sentence's first word is a name: the text capitalises it inside a sentence too, or never writes
    it in lower case ("Smith was handed ..."; "Residents said ..." only when the text has no "residents")."""
    w = d.m.words[si][0].removesuffix("'s")
    if not w[:1].isalpha() or w in d.v.not_names or w in _ECHO_STOP or singular(w) in d.v.generic:
        return False
    if w in d.m._mid_names():
        return True
    # "Critics hailed ...": a plural opening a sentence is a common noun, whatever the text writes after it.
    return singular(w) == w and w not in d.view.memo("holders-lower", _lower_words)


def _sized(d: _Doc, si: int, pos: int) -> bool:
    """The figure gives the size of the noun after it with its unit: "a 48-hour ban", "a 48 hour travel
    ban", "a five-match suspension"."""
    f = d.facts[d.m.tokens[si][pos].fact]
    return f.kind == "duration" or (pos + 1 < len(d.m.words[si]) and d.m.words[si][pos + 1] == "-")


def _identity(d: _Doc, si: int, lo: int, hi: int) -> frozenset[str]:
    """What a figure is, as the stems of the content words and names in its reach (``_reach``): "bought a
    28% stake in Acme" → {buy, stake, acme}. Two tellings of one quantity share them."""
    words, toks = d.m.words[si], d.m.tokens[si]
    out: set[str] = set()
    for k in range(lo, hi):
        w = words[k]
        if toks[k].fact >= 0 or not w[:1].isalpha() or w in _ECHO_STOP or w in d.v.alike_ignored:
            continue
        for part in (w, *w.split("-")) if "-" in w else (w,):
            if len(part) >= 3 and part not in _ECHO_STOP:
                out.add(_stem(d.v.base_forms.get(part, part)))
    return frozenset(out)


def _another_telling(d: _Doc, si: int, pos: int, head: int, lo: int, hi: int) -> bool:
    """The figure's clause, up to the end of its reach, tells a change or another one of its noun
    ("extended to", "a second", "later", a rival), or the word before it makes it a change's end or step
    ("to 28%", "by 5%")."""
    words = d.m.words[si]
    start = d.m.clause_start(si, pos)
    if d.v.another_cues.intersection(words[start:hi]) or d.v.other_holders.intersection(words[start:hi]):
        return True
    h = d.hedge_start(si, pos)
    if any(d.v.direction.starting_at(words, k) for k in range(max(lo, h - 3), min(hi, max(pos, head) + 2))):
        return True  # "a further rise of 5%"; a way further off is said of something else ("a sagging price")
    return h > 0 and words[h - 1] in _CHANGE_ENDS


def _times(d: _Doc, si: int) -> frozenset[tuple[str, str]]:
    """The times told in a figure's sentence (dates, years, days, times before or after now), by kind and
    text; a month read as a word ("In May", which the dates leave to the modal verb) too."""
    lo, hi = 0, len(d.m.words[si])
    words, toks = d.m.words[si], d.m.tokens[si]
    out = {
        (d.facts[t.fact].kind, d.facts[t.fact].text.lower())
        for t in toks[lo:hi]
        if t.fact >= 0 and d.facts[t.fact].kind in ("date", "weekday", "time", "year", "relative", "month")
    }
    out.update(("date", words[k]) for k in range(max(lo, 1), hi) if words[k] in _MONTHS and words[k - 1] == "in")
    # "four century breaks in the final" … "11 century breaks during the week": one event of a contest is a
    # part of its time (data: comparisons.toml [ranks] events).
    events = _contest_events()
    out.update(
        ("event", words[k])
        for k in range(max(lo, 1), hi)
        if words[k] in events and (words[k - 1] == "the" or toks[k - 1].fact >= 0)
    )
    return frozenset(out)


@functools.cache
def _contest_events() -> frozenset[str]:
    return frozenset(_toml("comparisons.toml")["ranks"]["events"])


def _other_time(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Two clauses' times that set their figures apart: each tells its own and they share none, or one
    tells a time before or after now ("now", "last year") the other does not. A date told in one only is
    the same moment told once ("bought on 13 May" … "bought")."""
    if any(kind in ("relative", "event") for kind, _ in a ^ b):
        return True  # "now", "last year"; "in the final" against the whole contest
    return bool(a and b and not a & b)


def _periods_apart(a: str, b: str) -> bool:
    """Two frames' periods that are two times ("-1 year" and "Q3"); a month ("--08", read by ``_times`` from
    the clause) and a forecast's "future" are left to the clause's own times."""
    return bool(a and b and a != b and "future" not in (a, b) and not (a.startswith("--") or b.startswith("--")))


def _subject_holder(d: _Doc, si: int, pos: int, holder: str) -> str:
    """A frame's holder when its clause names it before the figure ("Brill bought a 25% stake"); a holder
    reached through "it" or named after the figure is too weak to set two tellings apart."""
    words = {w.removesuffix("'s") for w in d.m.words[si][d.m.clause_start(si, pos) : pos]}
    return holder if holder and set(holder.split()) <= words else ""


def _words_of(d: _Doc, si: int) -> frozenset[str]:
    """A sentence's words, a possessive's "'s" left off: a name told first in it ("Acme bought ...") too."""
    return frozenset(w.removesuffix("'s") for w in d.m.words[si])


def _told_twice(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """One thing's figure told twice, anywhere in the story, known by what stands around it: the same noun
    it measures ("stake", "losses", "ban") and at least one more word or name beside both ("in Acme",
    "annual", "warned"); a length set before its noun ("a 48-hour ban" … "the 72-hour ban") needs only the
    noun. Left out: a clause that tells a change or another one ("extended to", "a second", "later", a
    rival), a change's end ("to 28%"), another time told in both, another name beside either, a forecast
    against a result, two sources, list items and parts, ends or items of other relations. Any two values
    that cannot both hold are a finding (label ``alike`` = "yes")."""
    tied = _tied(d, built, "group")
    sents = d.view.doc.sentences
    seen: dict[tuple[str, str, str], list[tuple[int, frozenset[str], bool, frozenset[str]]]] = {}
    for si, pos, fi, f in d.figures(TWICE_KINDS):
        m = d.m.by_fact.get(fi)
        if m is None or fi in tied or m.roles & _ECHO_NOT:
            continue
        head, before = _head(d, si, pos)
        if head < 0:
            continue
        word = d.m.words[si][head]
        noun = singular(word)
        tok = d.m.tokens[si][head]
        if d.view.text[tok.start : tok.end][:1].isupper():
            continue  # "the Six Nations": a name, not a figure of a thing
        if noun in d.v.generic or d.v.direction.starting_at(d.m.words[si], head):
            continue  # "61 people", "a 5% rise": a noun of no one thing
        if noun in d.v.events or word in d.v.events:
            continue  # "a 24-hour strike at the depot" … "a 48-hour strike at the port": strikes and fires recur
        if f.kind == "duration" and not before and word not in d.v.one_thing:
            continue  # "warned for two years" is a time, not a length; "absent for two years" is one
        if f.kind in ("count", "number") and not (before and _sized(d, si, pos)):
            continue  # "50 fans were hurt" … "4,000 fans were moved": a count's noun is who, not what
        lo, hi = _reach(d, si, pos, head)
        if (
            _another_telling(d, si, pos, head, lo, hi)
            or _listed(d, si, pos, *_chunk(d, si, pos))
            or _split_after(d, si, pos)
        ):
            continue
        ident = _identity(d, si, lo, hi)
        before_names = _caps(d, si, 0, pos)  # "The trust, which gave a sum of £250,000": its giver too
        h = d.hedge_start(si, pos)
        before_names |= {w.removesuffix("'s") for w in d.m.words[si][max(0, h - 2) : h] if w.endswith("'s")}
        if pos and _first_is_name(d, si):
            before_names |= {d.m.words[si][0].removesuffix("'s")}  # "Smith was handed a ...": a holder too
        # Names of what the noun is of: after it ("a stake in Acme"), or between it and the figure ("absent
        # from the FTSE 100 for four years").
        after_names = _caps(d, si, head + 1, hi if head > pos else pos)
        thing = d.v.one_thing.get(word, d.v.one_thing.get(noun, noun))  # "holding" and "stake", "absent" and "hiatus"
        key = (family(f), f.kind, thing)
        earlier = seen.setdefault(key, [])
        for first, fident, fbefore, fafter in reversed(earlier):
            fs, fpos = d.pos_of(first)
            if fs == si or (sents[fs].item and sents[si].item):
                continue
            shared = (ident & fident) - _thing_stems(d, thing, noun)
            # A thing's size told with its unit before it ("a 48-hour ban"), both times, needs no other word.
            sized = before and fbefore and head > pos and _head(d, fs, fpos)[0] > fpos
            sized = sized and _sized(d, si, pos) and _sized(d, fs, fpos)
            if not shared and not sized:
                continue  # one noun, nothing more in common: a stake in Acme and a stake in Brill
            if ("forecast" in m.roles) != ("forecast" in d.m.by_fact[first].roles) and not sized:
                continue  # a loss forecast and a loss reported; a ban's length is its own whatever the mood
            if _other_time(_times(d, fs), _times(d, si)):
                continue  # "In May ... £4m" … "In October ... £7m", "It now holds 28%": two times
            fa, fb = d.m.frame(first), d.m.frame(fi)
            if _periods_apart(fa.period, fb.period):
                continue  # "last year" … "in the third quarter"
            ha, hb = _subject_holder(d, fs, fpos, fa.holder), _subject_holder(d, si, pos, fb.holder)
            if ha and hb and not same_holder(ha, hb):
                continue  # "Acme's 20% stake" … "Brill's 25% stake"
            if fa.part != fb.part or _excluding(d, first) != _excluding(d, fi):
                continue
            ma, mb = _modifiers(d, first), _modifiers(d, fi)
            if ma and mb and not ma & mb:
                continue  # "net losses" … "pre-tax losses": two measures of one noun
            if not before_names <= _known_names(d, fs) | _words_of(d, fs) or (
                after_names and fafter and not after_names & fafter
            ):
                continue  # "Brill bought a 12% stake", "a 15% stake in Crest": another holder or thing
            if _two_sources(d, fs, si):
                continue
            yield Relation(
                "restatement",
                (("first", first), ("second", fi)),
                (),
                "document",
                (("lag", ""), ("concept", noun), ("scope", ""), ("evidence", ""), ("alike", "yes")),
            )
            break
        earlier.append((fi, ident, before, after_names))
        if len(earlier) > TWICE_PER_KEY:
            earlier.pop(0)


# Tokens after a preposition read for the phrase that names a set ("on firm order", "in intensive care").
SET_PHRASE_REACH = 4


def _set_phrase(d: _Doc, si: int, pos: int) -> tuple[str, str, frozenset[str]] | None:
    """(noun, preposition, its words) of a count's noun and the phrase right after it that says which set it
    counts: "40 A321neo aircraft on firm order" → (aircraft, on, {firm, order}); None when the noun is not
    followed by one of ``[restatement] set_preps`` and at least one word of content."""
    head, _ = _head(d, si, pos)
    words, toks = d.m.words[si], d.m.tokens[si]
    k = head + 1
    if head <= pos or k >= len(words) or words[k] not in _set_preps():
        return None
    got = []
    j = k + 1
    while j < min(len(words), k + 1 + SET_PHRASE_REACH):
        w = words[j]
        if toks[j].fact >= 0 or not w[:1].isalpha() or w in _NP_STOP or w in _ECHO_STOP or d.verb_like(w):
            break
        got.append(w)
        j += 1
    content = frozenset(singular(w) for w in got if len(w) > 2 and w not in STOPWORDS)
    if not content or j < len(words) and words[j] in _NARROWING:
        return None  # "in intensive care with Covid", "on order at Boeing": narrowed past the phrase
    return singular(words[head]), words[k], content


@functools.cache
def _set_preps() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["restatement"]["set_preps"])


def _named_sets_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """One set's count told again as known, named both times by its noun and the same phrase after it: "covers
    40 A321neo aircraft on firm order" … "She said the 45 aircraft on firm order would create 1,200 jobs". The
    later count is told as known ("the", "those", a possessive); the phrase's words of content are the same
    both times. Left out: parts, items and ends of other relations, another or a remainder, two times, a
    word of another in the later clause, two sources. Any two values that cannot both hold are a finding."""
    # A part or an item named by its own phrase ("40 on firm order, with options on 20 more") is still that set.
    tied = _tied(d, built, "group", free=frozenset({"part", "item"}))
    seen: dict[tuple[str, str, frozenset[str]], list[int]] = {}
    for si, pos, fi, f in d.figures(frozenset({"count"})):
        m = d.m.by_fact.get(fi)
        if m is None or fi in tied or m.roles & _ECHO_NOT or f.value is None:
            continue
        phrase = _set_phrase(d, si, pos)
        if phrase is None:
            continue
        earlier = seen.setdefault(phrase, [])
        if _told_again_cue(d, si, pos) and not _listed(d, si, pos, *_chunk(d, si, pos)):
            words = d.m.words[si]
            lo, hi = _chunk(d, si, pos)
            other = any(w in d.v.another_cues or w in d.v.other_holders for w in words[lo:hi])
            # Names before it that the first's sentence and the headline do not give ("Dunmore Royal said its
            # 25 patients"), a place of its own ("In Leeds,"), or a figure before it in its clause ("Of the 40,
            # the 25 ...") make it another set or a part.
            own_names = _caps(d, si, 0, pos)
            fb = d.m.frame(fi)
            before = any(t.fact >= 0 for t in d.m.tokens[si][d.m.clause_start(si, pos) : pos])
            for first in earlier if not (other or before) else ():
                fs = d.facts[first].sentence
                if fs == si or d.facts[first].value == f.value:
                    continue
                if not own_names <= _known_names(d, fs) | _known_names(d, 0) | _words_of(d, fs) | _words_of(d, 0):
                    continue
                if fb.scope and fb.scope != d.m.frame(first).scope:
                    continue
                if _other_time(_times(d, fs), _times(d, si)) or _two_sources(d, fs, si):
                    continue
                yield _alike_told(first, fi, phrase[0])
                break
        earlier.append(fi)


# Tokens after a figure in which a phrase may tell it as the most ever ("26.3 million people, more than ever").
RECORD_AFTER_REACH = 6
# Two record figures of one thing differ by a slip, not by this ratio or more.
RECORD_RATIO = Decimal("1.5")


def _told_as_record(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is told as its holder's most ever: "record" right before it ("a record 23.6
    million passengers") or a phrase of ``[restatement] record_after`` just after its noun ("26.3 million
    people, more than ever before")."""
    words = d.m.words[si]
    h = d.hedge_start(si, pos)
    if h >= 1 and words[h - 1] in _record_words()[0]:
        return True
    tail = words[pos + 1 : pos + 1 + RECORD_AFTER_REACH + 4]
    for phrase in _record_words()[1]:
        n = len(phrase)
        if any(tail[k : k + n] == phrase for k in range(min(len(tail), RECORD_AFTER_REACH + 1))):
            return True
    return False


@functools.cache
def _record_words() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    data = _toml("vocab.toml")["restatement"]
    return frozenset(data["record_before"]), tuple(tuple(p.split()) for p in data["record_after"])


def _record_holder_subject(d: _Doc, si: int, pos: int, fs: int) -> bool:
    """The later record's clause opens on its holder speaking of itself ("We flew", "It carried") or on a word
    the first record's sentence gives ("The museum drew"), past quotes and articles."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, pos)
    subject = next((w for w in words[lo:pos] if w[:1].isalpha() and w not in ("the", "a", "an")), "")
    return subject in ("we", "it", "they") or subject in _words_of(d, fs)


def _records_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """One holder's record told twice with two values: "after carrying a record 23.6 million passengers" …
    '"We flew 26.3 million people, more than ever before"'. Both figures are told as the most ever, of one
    kind and unit, with one concept (or a count of people by a generic noun), within ``RECORD_RATIO`` of each
    other. Left out: forecasts, parts and items, another holder, time, period or source."""
    tied = _tied(d, built, "group")
    told: list[tuple[int, int, int, Fact]] = []
    for si, pos, fi, f in d.figures(RESTATED_KINDS):
        m = d.m.by_fact.get(fi)
        if m is None or fi in tied or f.value is None or f.value <= 0 or "forecast" in m.roles:
            continue
        if m.roles & {"part", "remainder", "each", "window"} or not _told_as_record(d, si, pos):
            continue
        for fs, _, first, g in told:
            if fs == si or g.kind != f.kind or g.unit != f.unit or g.value == f.value or g.value is None:
                continue
            if max(g.value, f.value) / min(g.value, f.value) >= RECORD_RATIO:
                continue
            if not _record_holder_subject(d, si, pos, fs):
                continue  # "Haaland, his rival, managed 36 goals", "Police estimated that 45,000 people"
            fa, fb = d.m.frame(first), d.m.frame(fi)
            generic = f.kind == "count" and (fa.concept in d.v.generic or fb.concept in d.v.generic)
            if fa.concept != fb.concept and not generic:
                continue  # "a record £212m profit" … "record sales of £2.9bn": two things
            if fa.holder and fb.holder and not same_holder(fa.holder, fb.holder):
                continue
            if fa.part != fb.part or any(x and y and x != y for x, y in ((fa.period, fb.period), (fa.scope, fb.scope))):
                continue  # "in August alone", "in Wales": another time or place
            if _other_time(_times(d, fs), _times(d, si)) or _two_sources(d, fs, si):
                continue
            yield _alike_told(first, fi, fb.concept or fa.concept)
            break
        told.append((si, pos, fi, f))


# --- the headline's figure told in the body with its digits swapped: "Court rejects $208bn claim" … "$280bn" ---

# How far apart (as a ratio) two figures with the same digits may be and still be one figure mistyped.
SWAP_RATIO = 10


def _asides(words: Sequence[str]) -> set[int]:
    """Tokens inside a bracket or between two dashes: an aside about the thing ("- filed in 1999 -"), not
    the figure's own time or holder."""
    out: set[int] = set()
    open_at = -1
    for k, w in enumerate(words):
        if w == "(" or (w == "-" and open_at < 0 and "-" in words[k + 1 :]):
            open_at = k
        elif open_at >= 0 and (w == ")" or (w == "-" and words[open_at] == "-")):
            out.update(range(open_at, k + 1))
            open_at = -1
    return out


def _headline_swaps(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A headline's figure told in the body with the same digits in another order, of one kind and unit and
    near it in size, in a sentence that shares a word with the headline ("Court rejects $208bn claim" …
    "The $280bn demand was rejected"); a count also counts the same noun. Left out: a body figure that is a
    part, item or end, told with another time or change ("last", "in 2003", "raised") or a name before it
    the headline and lead do not give (asides in brackets or dashes are not the figure's). Evidence "swap"."""
    sents = d.view.doc.sentences
    if len(sents) < 2 or sents[0].paragraph == sents[1].paragraph or not d.m.tokens[0]:
        return
    heads = []
    for si, _pos, fi, f in d.figures(RESTATED_KINDS):
        if si != 0:
            break
        digits = re.sub(r"\D", "", f.text.split("(")[0])
        if len(digits) >= 2 and len(set(digits)) >= 2 and f.value:
            heads.append((fi, f, digits))
    if not heads:
        return
    tied = _tied(d, built, "group")
    head_words = {_stem(d.v.base_forms.get(w, w)): w for w in d.m.words[0] if w[:1].isalpha() and w not in _ECHO_STOP}
    head_stems = set(head_words)
    known = _known_names(d, 0) | _words_of(d, 0)
    head_concepts = {fi: d.m.frame(fi).concept for fi, _, _ in heads}
    for si, pos, fi, f in d.figures(RESTATED_KINDS):
        if si == 0 or fi in tied or not f.value:
            continue
        digits = re.sub(r"\D", "", f.text.split("(")[0])
        for hi_, hf, hdigits in heads:
            if digits == hdigits or sorted(digits) != sorted(hdigits) or family(f) != family(hf) or f.unit != hf.unit:
                continue
            a, b = f.value, hf.value
            if a is None or b is None or a <= 0 or b <= 0 or max(a, b) / min(a, b) >= SWAP_RATIO:
                continue  # "$1.52m" and "$1.25bn": the same digits, not one figure
            m = d.m.by_fact.get(fi)
            if m is None or m.roles & _ECHO_NOT or (sents[si].item and not sents[si].paragraph):
                continue  # a headline's plan ("Chain to open 58 stores") is told as one in the body
            words = d.m.words[si]
            stems = {_stem(d.v.base_forms.get(w, w)): w for w in words if w[:1].isalpha() and w not in _ECHO_STOP}
            shared = stems.keys() & head_stems
            counted = f.kind in ("count", "number") and bool(_counted(d, si, pos))
            if not shared or (len(shared) < 2 and not counted and not any(d.verb_like(stems[s]) for s in shared)):
                continue  # one word in common: the count's own noun, or a verb ("rejects" … "was rejected")
            if f.kind in ("count", "number") and _counted(d, 0, d.pos_of(hi_)[1]) != _counted(d, si, pos):
                continue  # "cuts 36 jobs" … "employs 63 people": two nouns
            concept = d.m.frame(fi).concept
            if head_concepts[hi_] and concept and head_concepts[hi_] != concept:
                continue  # "Fraud costs banks $1.8bn" … "sales reached $8.1bn": two measures
            aside = _asides(words)
            lo, end = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
            own = [k for k in range(lo, end) if k not in aside]
            if any(words[k] in d.v.another_cues or words[k] in d.v.other_holders or words[k] == "last" for k in own):
                continue  # "last year's 64%", "raised to 63": another time or a change
            if any(d.v.direction.starting_at(words, k) for k in own) and not _direction(d, hi_):
                continue
            toks = d.m.tokens[si]
            if any(toks[k].fact >= 0 and _past_time(d.facts[toks[k].fact]) for k in own):
                continue  # "In 2001, turnout was 64%": another time; "next year" is the plan's own
            names = frozenset().union(*(_caps(d, si, k, k + 1) for k in range(1, pos) if k not in aside))
            if not names <= known:
                continue  # "Labour's 63%" against the headline's 36%: another holder
            if _known_but_apart(d, hi_, fi):
                continue  # "Halden Bank's £3.2bn profit", "the 13 deaths among children": told as known, apart
            yield Relation(
                "restatement",
                (("first", hi_), ("second", fi)),
                (),
                "document",
                (
                    ("lag", ""),
                    ("concept", " ".join(sorted(head_words[s] for s in shared))),
                    ("scope", ""),
                    ("evidence", "swap"),
                ),
            )
            break


def _past_time(f: Fact) -> bool:
    """A time that sets a body figure apart from the headline's news: a date, month or year, or a time before
    now ("last year"); "next year", "this week" and "on Monday" are the news's own."""
    if f.kind == "relative":
        return f.value is not None and f.value < 0
    return f.kind in ("date", "year", "month")


def _past_in_clause(d: _Doc, si: int, pos: int) -> frozenset[tuple[str, str]]:
    """The dates, months, years and times before now in a figure's clause, outside its asides."""
    words, toks = d.m.words[si], d.m.tokens[si]
    aside = _asides(words)
    return frozenset(
        (d.facts[toks[k].fact].kind, d.facts[toks[k].fact].text.lower())
        for k in range(d.m.clause_start(si, pos), d.m.clause_end(si, pos))
        if k not in aside and toks[k].fact >= 0 and _past_time(d.facts[toks[k].fact])
    )


def _counted(d: _Doc, si: int, pos: int) -> str:
    """The stem of the noun a count counts, right after it ("36 jobs" → job), else ""."""
    words = d.m.words[si]
    k = pos + 1
    while k < len(words) and k - pos <= 3 and words[k][:1].isalpha() and words[k] not in _NP_STOP:
        if words[k] not in _ECHO_STOP and not d.verb_like(words[k]):
            return _stem(singular(words[k]))
        k += 1
    return ""


# --- an age told by a figure and by a word of one person: "a 24-year-old man" … "the teenager" --------


def _age_words_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """An age told as a figure and a word for an age that points back to it, or the other way, within
    ``AGE_REACH`` sentences: "A 34-year-old driver was held" … "police said the teenager had been drinking";
    "A teenager was held" … "the 34-year-old". The definite word ("the teenager", "the teenage driver")
    means the last person whose age was told, by a figure or a word, unless a sentence between opens with
    another name. An ``age`` relation (persons' form: labels ``low``, ``high``, ``told``), the word its cue."""
    figures = [(si, pos, fi) for si, pos, fi, f in d.figures(frozenset({"age"})) if f.unit == "year"]
    if not figures:
        return
    words_table, _, _ = _words_table()
    pattern = _word_pattern()
    sents = d.view.doc.sentences
    told: list[
        tuple[int, int, int, int, int, bool, Span]
    ] = []  # sentence, token, figure or -1, low, high, definite, span
    for si, pos, fi in figures:
        f = d.facts[fi]
        n = int(f.value) if f.value is not None else -1
        told.append((si, pos, fi, n, n, pos > 0 and d.m.words[si][pos - 1] == "the", f.span))
    for si, sent in enumerate(sents):
        if not pattern.search(d.view.text, sent.span.start, sent.span.end):
            continue
        toks = _person_tokens(d, si)
        for k, tok in enumerate(toks):
            got = words_table.get(tok.text.removesuffix("'s"))
            if got is None or (k > 0 and toks[k - 1].text in ("his", "her", "their", "its")):
                continue  # "his teenage son": another person
            after = toks[k + 1].text if k + 1 < len(toks) else ""
            if after.isalpha() and singular(after) != after:
                continue  # "the octogenarian guests": a group
            definite = k > 0 and toks[k - 1].text == "the"
            told.append((si, k, -1, got[0], got[1], definite, Span(tok.start, tok.end)))
    told.sort(key=lambda x: x[6].start)
    for i in range(1, len(told)):
        si, _, fi, low, high, definite, span = told[i]
        ls, lpos, lfi, llow, lhigh, _, lspan = told[i - 1]
        if not definite or (fi < 0) == (lfi < 0) or not 0 < si - ls <= AGE_REACH or _other_opens(d, ls, lpos, si):
            continue  # figure against figure is ``_ages_told``'s
        if low <= lhigh and llow <= high:
            continue
        age, word_span, word_low, word_high = (fi, lspan, llow, lhigh) if fi >= 0 else (lfi, span, low, high)
        text = d.view.text[word_span.start : word_span.end]
        labels = (("low", str(word_low)), ("high", str(word_high)), ("told", f"'{text}'"))
        rel = Relation("age", (("age", age),), (word_span,), "document", labels)
        if rel.key not in built.get("age", {}):  # a first-pass reading of the same age is kept
            yield rel


# --- frames: one holder's count of one thing at one time, told twice ------------------------------

# Earlier figures of one holder and concept kept per key (bounds the comparisons per figure).
FRAMES_PER_KEY = 4
# Sentences back that a definite "the 13 titles" looks for the figure it tells again.
DEFINITE_REACH = 6
# Roles that leave a figure the quantity itself: "The 46 paintings ... include two by Turner" is a whole.
_WHOLES = frozenset({"whole", "total"})
# Words that show a count still moving: ``_MOVING`` but "by" ("should be created by the order").
_MOVING_FRAME = _MOVING - {"by"}


def _sibling_of_part(d: _Doc, si: int, pos: int) -> bool:
    """The figure at token ``pos`` follows "and" or a comma after a figure told as a part in its clause,
    its "of the <noun>" left out: "Three of the boats had left from A and one from B"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    h = d.hedge_start(si, pos)
    if h < 1 or words[h - 1] not in ("and", ","):
        return False
    lo = d.m.clause_start(si, h - 1)
    for k in range(h - 2, max(-1, lo - 1, h - 2 - SIBLING_REACH), -1):
        fi = toks[k].fact
        if fi >= 0:
            return _told_as_part(d, si, k, fi)
    return False


# Tokens back from "and one from B" to the part it is told beside ("Three of the boats had left from A").
SIBLING_REACH = 12


def _narrowed_after(d: _Doc, si: int, pos: int, fs: int) -> bool:
    """A figure told as known whose noun the words after it narrow to a set the earlier sentence ``fs``
    does not tell ("the 14 aircraft due this winter", "the 12 deaths in the capital"; ``_narrowed``)."""
    head = _told_noun(d, si, pos)
    if head < 0:
        return False
    before = frozenset(w.removesuffix("'s") for w in _sentence_words(d, fs))
    return _narrowed(d, si, head, before, frozenset(_times(d, fs)))


def _frames_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """One holder's count of one thing at one time, told twice: the lead's "should lead to 1,400 new
    Northsea jobs" and the body's "about 1,900 new jobs should be created, it added"; or a count told as
    known ("The 13 titles ready at launch") against the one told sentences before ("18 titles will be
    ready at launch"). Figures meet by frame (``Mentions.frame``): the concept of what they count, one
    holder (through "it" and "the firm"), the same mood (both forecasts or neither), and no other time,
    place or part of time. The later figure stands in the body, with no word of a count still moving;
    the usual guards hold (sources, list items, parts and ends of other relations). Only a slip of the
    keys is evidence for the judge (label ``evidence`` = "frame": a number word's digits are its value's)."""
    tied = _tied(d, built, "none")
    lead = _lead_sentences(d)
    # Pairs an earlier restatement reader already relates keep its evidence (a lead's bound broken).
    told = {(r.get("first"), r.get("second")) for r in built.get("restatement", {}).values()}
    seen: dict[tuple[str, str], list[int]] = {}
    for si, pos, fi, f in d.figures(frozenset({"count", "number", "money"})):
        m = d.m.by_fact.get(fi)
        if m is None or fi in tied or m.roles & (_NOT_RESTATED - {"forecast"}) or _window(d, si, pos):
            continue
        if _moment(d, si, pos) or off_the_pace(d, fi):
            continue  # "after 12 overs" … "after 16 overs": two moments; "five shots off the pace": a deficit
        if _told_as_part(d, si, pos, fi) or _sibling_of_part(d, si, pos):
            continue  # "five boats" … "Three of the boats had left from A and one from B": parts, not the set
        fr = d.m.frame(fi)
        if not fr.concept or fr.concept in d.v.generic or fr.concept in d.v.concept_names - _COUNTED:
            continue
        key = (family(f), fr.concept)
        earlier = seen.setdefault(key, [])
        if (
            si not in lead
            and earlier
            and _frame_settled(d, si, fr)
            and not _listed(d, si, pos, *_chunk(d, si, pos))
            and not _split_after(d, si, pos)
        ):
            for first in reversed(earlier):
                fs, _ = d.pos_of(first)
                if fs == si:
                    continue
                if fs not in lead and not (fr.definite and si - fs <= DEFINITE_REACH):
                    continue
                if not _one_frame(d.m.frame(first), fr, definite=fr.definite) or _parts_apart(d, fs, si, fr.definite):
                    continue  # another holder, time or place, or another part of the year
                if _kind_words(d, first) != _kind_words(d, fi):
                    continue  # "Two smaller parties" ... "the three parties": a subset, not the set
                if fr.definite and _narrowed_after(d, si, pos, fs):
                    continue  # "Two of the 14 aircraft due this winter": a set narrowed after its noun
                if _moment_of(d, first) != _moment_of(d, fi):
                    continue  # "12 points after six games" … "19 points after 11 games": two moments
                if _move_against_level(d, first, fi):
                    continue  # "to cut 640 jobs" ... "also uses 140 agency staff": a move against a level
                if _known_but_apart(d, first, fi):
                    continue  # "the 14 deaths it had recorded": told as known, but another quantity
                if fr.concept in ONE_OFF and _dated_apart(d.m.frame(first).period, fr.period):
                    continue  # "In 2001 it paid a $4.7m fine": another payment
                if not _scope_told(d, fs, fr):
                    continue  # "45 deaths in Tarsis Province" after the lead's 60: a place's part of it
                if _rival_told(d, fi):
                    continue  # "Its rival has 63 stores": another holder named without a name
                if _two_sources(d, fs, si):
                    continue  # two sources' counts
                if _possessors_differ(d, first, fi):
                    continue  # "from their 50 overs" … "from his 10 overs": the side's and one player's
                if _since_against_year(d, first, fi):
                    continue  # "seven cases ... since September" … "In the whole of 2024, only two cases"
                if (first, fi) in told:
                    break
                yield _frame_told(first, fi, fr.concept)
                break
        earlier.append(fi)
        if len(earlier) > FRAMES_PER_KEY:
            earlier.pop(0)


# Listed concepts of one-off amounts (a deal's value, a sum paid): one quantity a story tells twice, but a
# deal or payment of another year is another one, so their times must agree, not merely not clash.
ONE_OFF = frozenset({"deal", "payment"})
# Listed concepts a count of which is one quantity a story tells twice; the other listed concepts (profit,
# price, rate) are amounts that a story tells for many periods and kinds.
_COUNTED = frozenset(
    {
        "death",
        "injury",
        "case",
        "staff",
        "refugee",
        "student",
        "user",
        "visitor",
        "aircraft",
        "seat",
        "ship",
        "homeless",
        "missing",
        "arrest",
        "evacuee",
        "film",
        *ONE_OFF,
    }  # fmt: skip
)


# Tokens after a figure that the next item of a split of it may stand: "560 staff would come from the
# town and 90 from elsewhere".
SPLIT_REACH = 10


def _split_after(d: _Doc, si: int, pos: int) -> bool:
    """The figure is the first item of a split in its clause: another of its kind after "and"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    f = d.facts[toks[pos].fact]
    joined = False
    for k in range(pos + 1, min(d.m.clause_end(si, pos), pos + 1 + SPLIT_REACH)):
        if words[k] == "and":
            joined = True
        elif toks[k].fact >= 0 and same_family(d.facts[toks[k].fact], f):
            return joined
    return False


def _dated_apart(a: str, b: str) -> bool:
    """Two periods of which one is a date ("2001", "--05", "Q3") the other does not share."""
    return a != b and any(p[:1].isdigit() or p.startswith(("-", "Q")) for p in (a, b))


def _scope_told(d: _Doc, fs: int, fr: Frame) -> bool:
    """A later figure's place (frame ``fr``) is one the first figure's sentence ``fs`` or the headline gives,
    or it has none: a place of its own makes it a part of the first's count."""
    if not fr.scope or fr.scope == "whole":
        return True
    said = set(d.m.sentence_tokens(fs)) | (set(d.m.sentence_tokens(0)) if fs else set())
    words = {t.text.removesuffix("'s") for t in said}
    return set(fr.scope.split()) <= words


def _frame_settled(d: _Doc, si: int, fr: Frame) -> bool:
    """No word of a count still moving ("rose to", "now", "so far") and no day or date of its own; a
    forecast's date is when it is due ("would be filled by June"), not when it was counted."""
    return (
        not _MOVING_FRAME.intersection(d.m.words[si])
        and (fr.mood == "forecast" or not _dated(d, si))
        and not _a_later_day(d, si)
    )


def _one_frame(a: Frame, b: Frame, definite: bool) -> bool:
    """Two frames of one quantity: one holder (or one not named), the same mood, and no other time,
    place or part of time. A definite count ("the 13 titles") may drop the forecast's mood and place."""
    if a.holder and b.holder and not same_holder(a.holder, b.holder):
        return False
    if a.part != b.part:
        return False
    if a.period and b.period and a.period != b.period and not (definite and "future" in (a.period, b.period)):
        return False
    if a.scope and b.scope and a.scope != b.scope:
        return False
    if a.scope == "whole" or b.scope == "whole":
        return a.scope == b.scope
    return definite or a.mood == b.mood


def _listed_after(d: _Doc, si: int, pos: int) -> bool:
    """The count at ``pos`` is the last of a list: "and" stands between it and a figure of its family
    within ``LISTED_REACH`` tokens before it ("300 pies and 200 cakes")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    lo = max(0, pos - LISTED_REACH)
    for k in range(pos - 1, lo - 1, -1):
        if words[k] in CLAUSE_END:
            return False
        fi = toks[k].fact
        if fi >= 0 and d.facts[fi].kind in ("count", "number"):
            return "and" in words[k + 1 : pos]
    return False


def _totals_in_apposition(d: _Doc) -> Iterator[Relation]:
    """ "Nearly 300 people, 312 in all, signed": a count set beside another as the whole of it ("in
    all", "in total", "altogether") tells the same quantity twice."""
    for si, pos, ai, _ in d.figures(frozenset({"count", "number"})):
        words, toks = d.m.words[si], d.m.tokens[si]
        k = d.hedge_start(si, pos) - 1
        while k >= 0 and words[k] in ("the", "its", "their", "his", "her", "our", "all"):
            k -= 1
        if k >= 0 and words[k] in ("of", "among"):
            continue  # "Half of the 80 firms, 40 in all": the whole of a share, and its part beside it
        if _listed_after(d, si, pos):
            continue  # "300 pies and 200 cakes, 500 in total": the list's total, not the last part again
        j = pos + 1
        while j < len(words) and j - pos <= APPOSITION_NOUN and words[j].isalpha() and toks[j].fact < 0:
            j += 1  # the first figure's noun: "300 people"
        if j >= len(words) or words[j] not in ("(", ","):
            continue
        bi = d.figure_after(si, j + 1, frozenset({"count", "number"}))
        if bi < 0 or bi == ai:
            continue
        _, bpos = d.pos_of(bi)
        total = d.v.roles_after.starting_at(words, bpos + 1)
        if total is None or total[0] != "total":
            continue
        cue = d.span(si, bpos + 1, total[1])
        mm = d.m.by_fact.get(ai)
        what = (mm.concept or mm.noun or "") if mm else ""
        yield Relation("restatement", (("first", ai), ("second", bi)), (cue,), "clause", (("concept", what),))


# --- the headline's figure told again in the lead, read by frame ----------------------------------

# Kinds of figure a headline states and its lead tells again.
HEADLINE_KINDS = frozenset({"count", "number", "percent", "money"})


def _headline_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """The headline's figure and the lead's telling of it: "Ruritania growth at 6.2% in 2023" … "The
    economy grew by 6.2% last year"; "Shares in Orbis slump 20%" … "Orbis shares fell 20%". The two
    meet by frame (``Mentions.frame``): the same listed or head concept, one holder (or one not named),
    the same time, part of time, place and mood, and no other way of change. A headline figure that some
    lead figure of its frame tells with the same value is told consistently and is left alone; else the
    first lead figure of its frame is its telling. Only a slip of the keys is evidence for the judge
    (label ``evidence`` = "frame")."""
    sents = d.view.doc.sentences
    words = d.m.words[0]
    if len(sents) < 2 or sents[0].paragraph == sents[1].paragraph or not words or words[-1] in CLAUSE_END:
        return  # no headline: a headline is a line of its own with no full stop
    # A whole a share is "of" ("Of the 300 staff, 120") is a group picked out, not the quantity.
    tied = _tied(d, built, "group")
    told = {(r.get("first"), r.get("second")) for r in built.get("restatement", {}).values()}
    lead = sorted(_lead_sentences(d) - {0})
    for tok in d.m.tokens[0]:
        fi = tok.fact
        if fi < 0 or fi in tied:
            continue
        f = d.facts[fi]
        m = d.m.by_fact.get(fi)
        if m is None or f.kind not in HEADLINE_KINDS or f.is_range or f.value is None:
            continue
        if m.roles & (_NOT_RESTATED - {"forecast"}):
            continue
        fr = d.m.frame(fi)
        if not fr.concept or fr.concept in d.v.generic:
            continue
        way = _direction(d, fi)
        said = frozenset(d.m.words[0]) if _names_anyone(d, lead) else frozenset({"*"})
        tellings = [
            gi
            for gi in _lead_figures(d, lead, f)
            if gi not in tied and _told_as(d, fr, way, gi, said) and not _rival_told(d, gi)
        ]
        # Whole counts are exact ("Three killed" and "Four people died" do not meet at 3.5).
        from numcheck.judges.arith import value_interval

        if not tellings or any(value_interval(d.facts[gi]).overlaps(value_interval(f)) for gi in tellings):
            continue
        second = tellings[0]
        if (fi, second) in told:
            continue
        yield _frame_told(fi, second, fr.concept)


def _rival_told(d: _Doc, fi: int) -> bool:
    """The figure's clause, up to it, names another holder without a name ("Its rival ordered 63 jets")."""
    si, pos = d.pos_of(fi)
    return bool(d.v.other_holders.intersection(d.m.words[si][d.m.clause_start(si, pos) : pos]))


def _names_anyone(d: _Doc, lead: list[int]) -> bool:
    """The headline names someone: a capital inside it, or its first word written with a capital in the
    lead ("Ruritania growth at 6.2%" … "outpacing Ruritania"); "Mill owner to cut 900 jobs" names no one,
    and the lead's firm may be whom it means."""
    toks = d.m.tokens[0]
    if len(_caps(d, 0, 0, len(toks))) > 0:
        return True
    first = toks[0].text if toks and toks[0].fact < 0 else ""
    return bool(first) and any(first in _caps(d, si, 0, len(d.m.tokens[si])) for si in lead)


def _lead_figures(d: _Doc, lead: list[int], f: Fact) -> Iterator[int]:
    """The figures of the lead's sentences of the family of ``f``, in text order."""
    for si in lead:
        for tok in d.m.tokens[si]:
            if tok.fact >= 0 and same_family(d.facts[tok.fact], f) and d.facts[tok.fact].kind == f.kind:
                yield tok.fact


def _told_as(d: _Doc, fr: Frame, way: str, gi: int, said: frozenset[str]) -> bool:
    """The lead's figure ``gi`` tells the headline's of frame ``fr``, change ``way`` and words ``said``:
    the same concept and frame, no other way of change, not an item, part or end of another figure, a
    holder the headline names when it names none of its own ("Valdoria's economy grew" against
    "Ruritania growth at 6.2%"), and no part of a whole by its kind ("in the farming sector") that the
    headline's figure does not have."""
    g = d.facts[gi]
    m = d.m.by_fact.get(gi)
    if m is None or g.is_range or g.value is None or m.roles & (_NOT_RESTATED - {"forecast"}):
        return False
    gfr = d.m.frame(gi)
    if gfr.concept != fr.concept or not _one_frame(fr, gfr, definite=False):
        return False
    if (
        gfr.holder
        and not fr.holder
        and "*" not in said
        and not all(any(w.startswith(n) for w in said) for n in gfr.holder.split())
    ):
        return False
    if gfr.scope != fr.scope and gfr.scope.rsplit(" ", 1)[-1] in SECTOR_NOUNS:
        return False
    other = _direction(d, gi)
    return not (way and other and way != other)


# --- a count told again as the whole set named before: "all 19 countries involved" ------------------

# Words of a known set's noun between the figure and the end of its clause or a word that marks it known.
KNOWN_NOUN = 3
# Earlier counts kept as candidates for the set a later "all N" tells again.
KNOWN_BEFORE = 24
# Words after an earlier count that its noun may stand ("21 West and Central African countries").
KNOWN_NOUN_BEFORE = 6
_KNOWN_END = frozenset({",", ";", ":", ".", "!", "?", ")", '"'})


def _same_count(a: Fact, b: Fact) -> bool:
    """Two counts that may be one: equal, or a hedged one's range holding the other ("nearly 20", 19)."""
    hedged = a.hedge != "exact" or b.hedge != "exact"
    return a.value == b.value or hedged and a.interval.overlaps(b.interval)


# Words that open a time phrase after a known set's noun: "each of the 12 clubs between May and July 2025".
_TIME_OPENERS = frozenset({"in", "on", "between", "during", "from", "over", "before", "after", "by", "until"})
_DATED_KINDS = frozenset({"date", "year", "weekday", "month"})


def _time_after(d: _Doc, si: int, pos: int, j: int) -> bool:
    """Word ``j`` opens a time phrase right after the noun of the set told as known at ``pos``: "held
    meetings at each of the 12 clubs between May and July 2025" (when it was acted on, no part picked out
    of the set); "all 50 states met on Monday" puts a verb between and is not read."""
    toks = d.m.tokens[si]
    if j != pos + 2:  # the set's one-word noun between ("12 clubs"); a mention's noun may run into its verb
        return False
    if d.m.words[si][j] not in _TIME_OPENERS or j + 1 >= len(toks) or toks[j + 1].fact < 0:
        return False
    return d.facts[toks[j + 1].fact].kind in _DATED_KINDS


def _told_as_known(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is told as the whole of a set already named: "for all 19 countries involved",
    "each of the 12 clubs." (after "all" its noun ends the clause), "the 19 countries concerned" (after
    "the" a word of ``known_set_after`` follows). "all 19 countries that signed it" and "all 12 clubs in the
    north" pick a part out and are not."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    opener = d.v.known_set_before.ending_at(words, k)
    if opener is None:
        return False
    toks = d.m.tokens[si]
    end = min(len(words), pos + 2 + KNOWN_NOUN)
    for j in range(pos + 1, end):
        if j > pos + 1 and d.v.known_set_after.starting_at(words, j) is not None:
            return True
        if j > pos + 1 and (words[j] in _KNOWN_END or _time_after(d, si, pos, j)) and opener[0] == "all":
            return True
        if toks[j].fact >= 0 or not words[j][:1].isalpha():
            return False
    return len(words) <= end and opener[0] == "all"


def _known_sets(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A count told as the whole set named before, with another value: "A drive across 21 countries" …
    "again in April for all 19 countries involved"; "The league has 20 clubs" … "each of the 18 clubs.".
    The later figure is told as known (``_told_as_known``); the earlier one is the first count of its
    concept (``_counts_concept``) that is not itself told as known ("the six key countries", "all 21") nor
    a part of another relation, in one frame with it (holder, time, part of time, place): a set is named
    before its parts. A count of the concept with the later one's value before it leaves the pair alone
    (the set may be that one). The evidence is the set itself (label ``evidence`` = "known"): any two
    values that cannot both hold."""
    tied = _tied(d, built, "none")
    earlier: list[int] = []  # the latest counts before, of any concept (read only when a set is told as known)
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        if len(earlier) > KNOWN_BEFORE:
            earlier.pop(0)
        earlier.append(fi)
        m = d.m.by_fact.get(fi)
        if m is None or fi in tied or not earlier[:-1] or not _told_as_known(d, si, pos):
            continue
        if tuple(d.m.words[si][pos + 1 : pos + 3]) in _OF_OWN:
            continue  # "Independents held all three of their seats": one holder's own, not the body's set
        # "each of the 18 clubs" reads as each, "all four regions" as a total, "will apply to all 18 clubs"
        # as a forecast: none makes a set told as known other than the set.
        if m.roles & (_NOT_RESTATED - {"each", "forecast"}):
            continue
        fr = d.m.frame(fi)
        if not fr.concept or fr.concept in d.v.generic:
            continue
        if fr.part == "whole":
            fr = replace(fr, part="")  # "all four regions": the whole set, not the whole of a time
        # A day or month of its own is when the set is acted on ("again in April for all 19 countries
        # involved"), not a newer count; a word of a count still moving ("now", "so far") is.
        if _MOVING_FRAME.intersection(d.m.words[si]):
            continue
        # A gap ("fallen five seats short of a majority") or a move ("Labour lost two seats") counts no
        # set of its own.
        sets = [
            e
            for e in earlier[:-1]
            if same_family(d.facts[e], f)
            and _counts_concept(d, e, fr.concept)
            and not is_gap(d, e)
            and not d.move_size(e)
        ]
        if not sets or any(_same_count(d.facts[e], f) for e in sets):
            continue
        first = next((e for e in sets if not d.m.frame(e).definite and not _told_as_known(d, *d.pos_of(e))), -1)
        # "Plans to group 14 schools" names the set the plan acts on: its mood is the plan's, not the count's
        # (``_one_frame`` lets a definite count drop a forecast's mood too).
        if first < 0 or first in tied or d.m.by_fact[first].roles & (_NOT_RESTATED - {"forecast"}):
            continue
        fs, fpos = d.pos_of(first)
        k = d.hedge_start(fs, fpos)
        if k > 0 and d.m.words[fs][k - 1] in d.v.known_set_taken:
            continue  # "Labour won 35 seats" … "All 50 seats were contested": one side's share, not the set
        if not _one_frame(d.m.frame(first), fr, definite=True) or not _scope_told(d, fs, fr):
            continue
        if _two_sources(d, fs, si):
            continue
        yield Relation(
            "restatement",
            (("first", first), ("second", fi)),
            (),
            "document",
            (("lag", ""), ("concept", fr.concept), ("scope", ""), ("evidence", "known")),
        )


# "all three of their seats": the set of the clause's own holder.
_OF_OWN = frozenset(("of", w) for w in ("their", "its", "his", "her", "our"))


def _counts_concept(d: _Doc, fi: int, concept: str) -> bool:
    """The figure counts ``concept``: by its frame, or by a noun of it in the words right after it ("21 West
    and Central African countries", whose frame reads the first word)."""
    if d.m.frame(fi).concept == concept:
        return True
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    own = d.m.frame(fi).concept
    for j in range(pos + 1, min(len(words), pos + 1 + KNOWN_NOUN_BEFORE)):
        if toks[j].fact >= 0 or not words[j][:1].isalpha():
            return False
        if own and d.v.concept(words[j]) == own:
            return False  # "eight wards at Westvale hospitals": the head its frame reads is what it counts
        if d.v.concept(words[j]) == concept:
            # "Eight hospital wards": a noun before the head its frame reads is the head's modifier
            return not (own and j + 1 < len(words) and d.v.concept(words[j + 1]) == own)
    return False


# --- one named holder's figure told twice in the body: "the US had 593 deaths" … "the United States, which
# has 593 deaths" -------------------------------------------------------------------------------------

# Earlier figures kept per (family, concept) for a later one of the same holder to meet.
HELD_PER_KEY = 4
HELD_KINDS = frozenset({"count", "number", "money", "percent"})


# Possessive pronouns before a figure, by whom they stand for: a body or group, or one person of each sex.
_POSSESSOR_GROUPS = {"its": "body", "their": "body", "his": "he", "her": "she"}


def _possessors_differ(d: _Doc, a: int, b: int) -> bool:
    """Both figures follow a possessive pronoun and the two stand for different holders: a side's "their
    50 overs" and a bowler's "his 10 overs", "her six concerts" against "their 30 concerts"."""
    groups = []
    for fi in (a, b):
        si, pos = d.pos_of(fi)
        k = d.hedge_start(si, pos) - 1
        groups.append(_POSSESSOR_GROUPS.get(d.m.words[si][k], "") if k >= 0 else "")
    return bool(groups[0] and groups[1] and groups[0] != groups[1])


def _since_against_year(d: _Doc, a: int, b: int) -> bool:
    """One figure counts since a date up to now (``base.since_then``) and the other is told of a year: two
    spans of time, one count each."""
    fa, fb = d.m.frame(a), d.m.frame(b)
    for x, fx, other in ((a, fa, fb), (b, fb, fa)):
        si, pos = d.pos_of(x)
        if not fx.period and other.period and since_then(d, si, pos):
            return True
    return False


def _held_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """One named holder's figure of one thing told twice in the body: both frames (``Mentions.frame``)
    name the holder (by name, initials, or through "it" and "the firm"), count the same concept, and give
    the same period (or none), mood, part of time, place and way of change; neither is a part, item or
    end of another relation, a list item, or "excluding" something the other is not; and two sources'
    figures stay apart. A count "as of" a day of its own against one with none is another moment, and is
    left alone. Only a slip of the keys is evidence for the judge (label ``evidence`` = "frame")."""
    tied = _tied(d, built, "group")
    told = {(r.get("first"), r.get("second")) for r in built.get("restatement", {}).values()}
    seen: dict[tuple[str, str, str], list[int]] = {}
    for si, pos, fi, f in d.figures(HELD_KINDS):
        m = d.m.by_fact.get(fi)
        if m is None or fi in tied or m.roles & _NOT_RESTATED or is_gap(d, fi):
            continue  # "stretched the lead to 21 points": a gap, no holding of the side's
        fr = d.m.frame(fi)
        if not fr.holder or not fr.concept or fr.concept in d.v.generic:
            continue
        if _moment(d, si, pos):
            continue  # "were 102-3 after 12 overs" … "after 16 overs": two moments of the innings
        key = (family(f), f.kind, fr.concept)
        earlier = seen.setdefault(key, [])
        if earlier and not _listed(d, si, pos, *_chunk(d, si, pos)) and not _split_after(d, si, pos):
            for first in reversed(earlier):
                fs, _ = d.pos_of(first)
                a = d.m.frame(first)
                if fs == si or not same_holder(a.holder, fr.holder) or a.period != fr.period:
                    continue
                if _parts_apart(d, fs, si, fr.definite):
                    continue  # "in the first half" … "In the second half": two parts of the year
                if a.mood != fr.mood or a.part != fr.part or {a.scope, fr.scope} - {"", "whole", a.holder, fr.holder}:
                    continue  # "has 350 stores across the country" … "Halden's 530 stores": one count
                if _direction(d, first) != _direction(d, fi) or _excluding(d, first) != _excluding(d, fi):
                    continue
                if _moment_of(d, first) != _moment_of(d, fi):
                    continue  # "12 points after six games" … "19 points after 11 games": two moments
                ma, mb = _modifiers(d, first), _modifiers(d, fi)
                if ma != mb:
                    continue  # "net profits" … "pre-tax profits": two measures of one noun
                if _two_sources(d, fs, si) or _known_but_apart(d, first, fi):
                    continue  # two sources, or "Its rival's £3.2bn profit": told as known, another quantity
                if _possessors_differ(d, first, fi):
                    continue  # "from their 50 overs" … "from his 10 overs": the side's and one player's
                if (first, fi) not in told:
                    yield _frame_told(first, fi, fr.concept)
                break
        earlier.append(fi)
        if len(earlier) > HELD_PER_KEY:
            earlier.pop(0)


# --- one event's date told twice: "On June 2, 2000, an accident ..." … "the June 2000 mercury spill" -------

# Words after "the <date>" that its event's noun may stand ("the June 2000 mercury spill").
EVENT_NOUN = 3
# Words that make an event told with a date another one of its kind: "the second such spill", "a year after".
_ANOTHER_EVENT = frozenset(
    "another second third previous earlier later next anniversary again worse bigger larger deadlier similar "
    "repeat recurrence".split()
)


def _said_words(d: _Doc, si: int) -> frozenset[str]:
    """The sentence's words as written, figures' words included ("the second spill": "second" is a figure)."""
    span = d.view.doc.sentences[si].span
    return frozenset(re.findall(r"[a-z]+", d.view.text[span.start : span.end].lower()))


def _month_year(iso: str) -> bool:
    """An ISO date that gives a year and a month ("2000-06", "2000-06-02")."""
    return len(iso) >= 7 and iso[:4].isdigit() and iso[5:7].isdigit()


def _event_named(d: _Doc, si: int, pos: int) -> tuple[str, frozenset[str]] | None:
    """(event, words) when the date at ``pos`` names an event that happens once as known: "the June 2000
    mercury spill" → ("spill", {"mercury", "spill"}); None otherwise."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if pos == 0 or words[pos - 1] != "the":
        return None
    said: list[str] = []
    for j in range(pos + 1, min(len(words), pos + 1 + EVENT_NOUN)):
        if toks[j].fact >= 0 or not words[j][:1].isalpha():
            return None
        said.append(singular(words[j]))
        if said[-1] in d.v.one_off_events:
            return said[-1], frozenset(said)
    return None


def _events_dated(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """One event's date told twice with two years: "On June 2, 2000, a serious accident … poisoned
    residents with mercury" … "the June 2000 mercury spill". An event that happens once (a spill, a crash,
    a coup: ``one_off_events``) named as known by its date ("the <month> <year> <event>") and one other date
    of the same month in another year, whose sentence names such an event or a word of it ("mercury"), are
    one date told twice, unless the text tells the named month and year elsewhere too, a word makes either
    another event ("the second spill", "a year after"), or more than one such date could be it. The
    evidence is the event itself (label ``evidence`` = "event"): two years cannot both hold."""
    dated = [
        (fi, *d.pos_of(fi), str(f.iso))
        for fi, f in enumerate(d.facts)
        if f.kind == "date" and fi in d.m.by_fact and _month_year(str(f.iso))
    ]
    if len(dated) < 2:
        return
    for fi, si, pos, iso in dated:
        named = _event_named(d, si, pos)
        if named is None or _ANOTHER_EVENT & _said_words(d, si):
            continue
        event, said = named
        if any(o[3][:7] == iso[:7] for o in dated if o[0] != fi):
            continue  # the month and year told again elsewhere: the text keeps to it
        others = []
        for gi, gs, _, giso in dated:
            if gs == si or giso[5:7] != iso[5:7] or giso[:4] == iso[:4]:
                continue
            gwords = {singular(w) for w in _said_words(d, gs)}
            if _ANOTHER_EVENT & gwords or not (gwords & d.v.one_off_events or gwords & said):
                continue
            others.append(gi)
        if len(others) != 1:
            continue
        first, second = sorted((others[0], fi), key=lambda i: d.pos_of(i))
        yield Relation(
            "restatement",
            (("first", first), ("second", second)),
            (),
            "document",
            (("lag", ""), ("concept", event), ("scope", ""), ("evidence", "event")),
        )


# --- a figure told again as known: "reported a profit of £42m" … "the £48m profit" ------------------

# Sentences back that a figure told as known ("the £48m profit", "all 48 teams") looks for the figure of the
# same thing it tells again: a writer who says "the" means the one just told.
TOLD_AGAIN_BACK = 3
# A rate a story names once ("Turnout was 34.8%") is told as known far later ("The 34.8% turnout").
RATE_AGAIN_BACK = 12
TOLD_AGAIN_KINDS = frozenset({"count", "number", "money", "duration", "percent"})
# Tokens before a verb of cost that the thing it is the cost of may stand ("The new bridge, which cost").
COST_REACH = 4
# Tokens before "for" and a length that the thing that lasts it may stand ("will strike for 48 hours").
FOR_REACH = 3
# Words of the later figure's clause and of the sentences between read for a move, at most.
MOVED_REACH = 60
_POSSESSIVES = frozenset("its their his her our".split())
_KNOWN_CUES = frozenset("the all those these".split())
# Cues that point at the set just named, a share of a larger one too ("27 of its routes" … "Those 27 routes").
_DEMONSTRATIVE_PLURALS = frozenset({"those", "these"})
# Words before the cue that set the figure against another ("compared with the £42m", "up from the 23",
# "12 of the 23"): an end, a yardstick or a whole, not the figure told again.
_TOLD_AGAINST = frozenset("to from by than between of with against versus among amongst beyond above below".split())
# Words after the later figure's noun that narrow it ("the 12 deaths in the capital", "the 25 cars it sold
# in June"): what they name must have been told with the earlier figure.
_NARROWING = frozenset(
    """in at across among amongst from on of outside inside near within who that which whose aged under over
    since before after during between for including excluding involving with against it they he she we i
    you this last next due expected scheduled set still yet left remaining""".split()
)
# Words after a participle that follows the noun ("the 32 deaths recorded by hospitals", "the £301m budget
# approved last year"): the participle picks the figure out; a verb of the clause takes an object instead.
_PARTICIPLE_AFTER = frozenset("by in at on for last this since during from so until".split())
# Words before a place that make the earlier figure a part of a whole ("killed 15 in Arden"), not the whole
# told across it ("killed 26 people across the province").
_PART_PREPS = frozenset("in at among on".split())
# A length told as known with no noun of its own ("over the 10 days") against a length told before its noun.
_LENGTH = "#length"


def _told_again_cue(d: _Doc, si: int, pos: int) -> str:
    """How the figure at ``pos`` is told as known: "the", a possessive ("its", "the firm's": the owner's word)
    or "all" right before it (after its hedge); "" when it is not, or when the word before the cue makes it an
    end, a yardstick or a whole ("up from the 23", "12 of the 23")."""
    words = d.m.words[si]
    k = d.hedge_start(si, pos)
    if k <= 0:
        return ""
    cue = words[k - 1]
    if cue == "the" and k >= 2 and words[k - 2] == "all":
        k -= 1  # "all the 48 teams"
    elif not (cue in _KNOWN_CUES or cue in _POSSESSIVES or (cue.endswith("'s") and len(cue) > 3)):
        return ""
    if k >= 2 and words[k - 2] in _TOLD_AGAINST and not _acted_on(words, k - 2):
        return ""
    return cue


@functools.cache
def _acted_on_nouns() -> frozenset[str]:
    """Nouns of an act done to a set ("loss", "closure"): ``vocab.toml`` ``[restatement] acted_on``."""
    return frozenset(_toml("vocab.toml")["restatement"]["acted_on"])


def _acted_on(words: Sequence[str], k: int) -> bool:
    """The word at ``k`` is the "of" after a noun of an act done to the set it names: "the loss of the 540
    jobs", "the closure of the 54 branches" tell the set again, not a whole of a part ("12 of the 23")."""
    return words[k] == "of" and k >= 1 and words[k - 1] in _acted_on_nouns()


def _told_noun(d: _Doc, si: int, pos: int) -> int:
    """The token of the noun right after a figure told as known ("the £48.1m result beat forecasts" → result;
    "the 24-hour strike was" → strike; "a five-match ban" → match): the first word after it, or -1 when a
    stop, a word of grammar or a verb follows it. What comes after the noun may narrow it (``_narrowed``)."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = pos + 1
    if k < len(words) and words[k] == "-":
        k += 1
    if k >= min(d.m.clause_end(si, pos), len(words)) or toks[k].fact >= 0:
        return -1
    w = words[k]
    if not w[:1].isalpha() or w in _NP_STOP or w in _ECHO_STOP or w in _HEAD_END or d.verb_like(w):
        return -1
    return k


def _compound(d: _Doc, si: int, head: int) -> bool:
    """The noun after a figure told as known goes on into another noun ("the £48m tunnel extension"): the
    word after it is no word of grammar, stop, verb or narrowing word ("the £48m profit shows", "the 213
    deaths make it"; a word in "-s" after a noun not in "-s" is read as its verb)."""
    words = d.m.words[si]
    k = head + 1
    if k >= len(words) or d.m.tokens[si][k].fact >= 0:
        return False
    w = words[k]
    if not w[:1].isalpha() or w in _NP_STOP or w in _ECHO_STOP or w in _NARROWING or w in _HEAD_END:
        return False
    if w in d.v.told_noun_enders or w in d.v.told_newer or d.verb_like(w) or w in d.v.base_forms:
        return False
    if w in _FIGURE_HEADS:
        return False  # "the £48m sales figure": a word for the figure itself, no other thing
    return not (w.endswith("s") and not words[head].endswith("s"))


# Nouns after a told noun that name the figure itself: "the £48m sales figure", "the 400 deaths total".
_FIGURE_HEADS = frozenset("figure figures total tally number level count bill".split())


def _thing_names(d: _Doc, word: str) -> set[str]:
    """The names of the thing a word tells: itself in the singular, and its group's name as data ("result" →
    profit, "killed" → death); generic words ("people", "figure") name nothing."""
    out = set()
    for w in (word, singular(word)):
        if w in d.v.generic:
            return set()
        out.add(d.v.told_again.get(w, w))
    return out


# Words back from an earlier figure that a verb naming what it is may stand ("will charge households £45").
TOLD_VERB_REACH = 2


def _told_before_names(d: _Doc, fi: int) -> set[str]:
    """What an earlier figure is of: the concept of its mention and frame, the noun it measures, the verb
    before it ("killed 23" → death), the thing a verb of cost names ("The bridge, which cost £84m" → bridge),
    the words before "for" and a length ("will strike for 48 hours" → strike), and a length told before its
    noun ("The 12-day festival")."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    f = d.facts[fi]
    m = d.m.by_fact[fi]
    out: set[str] = set()
    for c in (m.concept, d.m.frame(fi).concept):
        if c and c not in d.v.generic:
            out.add(d.v.told_again.get(c, c))
    head, sized = _head(d, si, pos)
    if head >= 0:
        out |= _thing_names(d, words[head])
    if _headcount(d, fi):
        # "a 40-person studio", "a 12-member panel": its staff or members, told again as such
        out |= {d.v.told_again.get("staff", "staff"), "member"}
        if sized and head > pos and f.kind == "duration":
            out.add(_LENGTH)
    noun = _told_noun(d, si, pos)
    if noun >= 0 and f.kind == "duration" and ("-" in f.text or words[pos + 1] == "-"):
        out |= _thing_names(d, words[noun]) | {_LENGTH}  # "The ten-day trade fair opened": a thing's length
    h = d.hedge_start(si, pos)
    for k in range(h - 1, max(-1, h - 1 - TOLD_VERB_REACH), -1):
        # "has been awarded £18.6m" → grant, "will charge households £45" → fee: a verb of one thing as data
        if words[k] in d.v.told_again:
            out.add(d.v.told_again[words[k]])
            break
        if not words[k].isalpha() or d.fact_at(si, k) >= 0:
            break
    for table in (d.v.verb_concepts, d.v.money_verbs):  # "killed 23" → death, "lost £31m" → loss
        verb = table.ending_at(words, h)
        if verb is not None:
            out.add(d.v.told_again.get(verb[0], verb[0]))
    cost = d.v.told_cost.ending_at(words, h)
    if cost is not None:
        for k in range(cost[1] - 1, max(-1, cost[1] - 1 - COST_REACH), -1):
            w = words[k]
            if w in ("which", "that", ",", "-") or w in _DETERMINERS:
                continue
            if w[:1].isalpha() and w not in _ECHO_STOP and w not in _NP_STOP:
                out |= _thing_names(d, w)
            break
    if f.kind == "duration" and h >= 2 and words[h - 1] == "for":
        out.add(_LENGTH)
        for k in range(h - 2, max(-1, h - 2 - FOR_REACH), -1):
            w = words[k]
            if not w[:1].isalpha() or w in _NP_STOP:
                break
            if w not in _ECHO_STOP:
                out |= _thing_names(d, w)
            if k + 1 < h - 1:  # "walk out for 24 hours", "stop work for 36 hours": a phrase for the thing
                pair = f"{w} {words[k + 1]}"
                if pair in d.v.told_again:
                    out.add(d.v.told_again[pair])
    return out


def _sentence_words(d: _Doc, si: int) -> tuple[str, ...]:
    """A sentence's words, also of a sentence with no figure (whose tokens the mentions leave out)."""
    if d.m.tokens[si]:
        return tuple(d.m.words[si])
    span = d.view.doc.sentences[si].span
    text = d.view.text[span.start : span.end].lower().replace("’", "'")
    return tuple(t.text for t in word_tokens(text, span.start))


def _moved_between(d: _Doc, first: int, fi: int, sized: bool = False) -> bool:
    """A word of a move or a recount ("has since risen", "rose to", "revised") after the earlier figure in
    its sentence, in the later figure's sentence, or in a sentence between that names the thing again
    ("The toll has since risen"; "The head said demand had risen" moves something else)."""
    fs, fpos = d.pos_of(first)
    si, pos = d.pos_of(fi)
    head = _told_noun(d, si, pos)
    names = _thing_names(d, d.m.words[si][head]) if head >= 0 else set()
    # In the later figure's sentence, a move told before it ("The toll rose overnight, and the 32 deaths");
    # one after it is said of something else ("blamed on rising costs").
    after = d.m.words[fs][fpos + 1 :]
    spans: list[Sequence[str]] = [d.m.words[si][:pos]]
    if not _own_older_level(d, after):
        spans.append(after)
    for s in range(fs + 1, si):
        between = _sentence_words(d, s)
        if any(_thing_names(d, w) & names for w in between):
            spans.append(between)
        elif any(d.v.anaphors.starting_at(between, k) for k in d.v.anaphors.starts_in(between)):
            # "It has since grown": the holder's thing moved. Held to a size the lead defines ("a 40-person
            # studio"), "Its revenue reached £38.6m" moves another thing the vocabulary names.
            if not sized or not any(
                w in d.v.concepts and not _thing_names(d, w) & names for w in between[:MOVED_REACH]
            ):
                spans.append(between)
    for span in spans:
        words = span[:MOVED_REACH]
        if any(_moved_word(d, words, k) for k in d.v.told_moved.starts_in(words)):
            return True
        if any(_direction_word(d, words, k) for k in d.v.direction.starts_in(words)):
            return True
    return False


def _direction_word(d: _Doc, words: Sequence[str], k: int) -> bool:
    """A word of a change's way at ``k`` ("rose", "down"), not a hedge's "more than" before a figure."""
    hit = d.v.direction.starting_at(words, k)
    return hit is not None and not (words[k] in _HEDGE_MORE and k + 1 < len(words) and words[k + 1] == "than")


def _moved_word(d: _Doc, words: Sequence[str], k: int) -> bool:
    """A word of a move or a recount at ``k`` ("rose", "has since", "150 more"), not a hedge's comparison
    ("downloaded more than 100 million times" bounds a figure, it tells no move)."""
    hit = d.v.told_moved.starting_at(words, k)
    return hit is not None and not (words[k] in _HEDGE_MORE and hit[1] < len(words) and words[hit[1]] == "than")


_HEDGE_MORE = frozenset({"more", "fewer", "less"})


# Words after a figure searched for the comma of its own older level ("5.4% in March, up from").
OWN_LEVEL_REACH = 4


def _own_older_level(d: _Doc, after: Sequence[str]) -> bool:
    """The words after a figure open its own change's older level (", down from 44%", "- up from", "up on
    last year's"): a move the figure has made, not one after it."""
    for k in range(min(OWN_LEVEL_REACH, len(after))):
        if k and after[k] not in (",", "-", "–", "—"):
            if after[k] in _CHUNK_END:
                return False
            continue  # "5.4% in March, up from 5.1%": a time told of the figure first
        hit = d.v.direction.starting_at(after, k + (k > 0 or after[0] in (",", "-", "–", "—")))
        if hit is not None and hit[1] < len(after) and after[hit[1]] in ("from", "on"):
            return True
    return False


def _unsure(d: _Doc, si: int, pos: int, end: int) -> bool:
    """A word of a forecast, an estimate or a wish in the figure's clause up to token ``end`` ("Analysts
    expected a profit of"; "the £48.1m result beat forecasts" compares the figure with one, and is read only
    to the word after its noun)."""
    words = d.m.words[si]
    return bool(d.v.told_unsure.intersection(words[d.m.clause_start(si, pos) : min(end, d.m.clause_end(si, pos))]))


# Verbs of a holder telling its own figure ("Hartley Foods reported a profit"): its name is no other source.
_OWN_TELLING = frozenset("reported reports announced announces posted posts".split())


def _said_by(d: _Doc, si: int) -> frozenset[str]:
    """Who a sentence attributes its figures to (``_sources``), but a holder that reports its own figure."""
    words = d.m.words[si]
    own = {w.removesuffix("'s") for k, w in enumerate(words) if any(x in _OWN_TELLING for x in words[k + 1 : k + 5])}
    if not _SAID.difference(_OWN_TELLING).intersection(words) and "according" not in words:
        return frozenset()
    return _sources(d, si) - own


def _time_told_before(d: _Doc, si: int, k: int, times_before: frozenset[tuple[str, str]]) -> bool:
    """The token at ``k`` is a time the earlier figure's sentence gives too ("the 14.2 million passengers
    carried in 2024" after "12.4 million passengers in 2024"), and the clause ends after it."""
    words = d.m.words[si]
    ti = d.fact_at(si, k)
    if ti < 0 or d.facts[ti].kind not in _TIME_KINDS:
        return False
    if k + 1 < len(words) and words[k + 1] not in _CHUNK_END and not d.verb_like(words[k + 1]):
        return False
    return (d.facts[ti].kind, d.facts[ti].text.lower()) in times_before


def _narrowed(
    d: _Doc, si: int, head: int, told: frozenset[str], times_before: frozenset[tuple[str, str]] = frozenset()
) -> bool:
    """The later figure's noun is followed by words that pick out a part of it or another one ("the 12 deaths
    in the capital", "the £48m profit in Asia", "the 25 cars it sold in June") that the earlier figure's
    sentence does not tell."""
    words = d.m.words[si]
    k = head + 1
    if k < len(words) and (ti := d.m.tokens[si][k].fact) >= 0 and d.facts[ti].kind in _TIME_KINDS:
        return True  # "the 24-hour strike last month": another time's
    if k < len(words) and words[k] in d.v.told_newer:
        return True  # "the 32 deaths confirmed", "the 460 staff remaining": a newer or other count
    if k + 1 < len(words) and words[k].endswith("ed") and words[k + 1] in _PARTICIPLE_AFTER:
        if not _time_told_before(d, si, k + 2, times_before):
            return True  # "the 32 deaths recorded by hospitals"
    if k + 1 < len(words) and words[k].endswith("ed") and d.fact_at(si, k + 1) >= 0:
        if d.facts[d.fact_at(si, k + 1)].kind in _TIME_KINDS and not _time_told_before(d, si, k + 1, times_before):
            return True  # "the £301m budget approved last year"
    if k >= len(words) or words[k] not in _NARROWING:
        return False
    if words[k] in d.v.holder_pronouns or words[k] in ("we", "i", "you", "this", "last", "next"):
        return True  # "the 14 deaths it had recorded": a clause of its own picks some out; "this season"
    relative = words[k] in ("who", "that", "which", "whose")  # "who are fit": read past its verb
    end = min(len(words), k + IDENTITY_REACH + 1)
    told_names = _names_of_words(d, tuple(told))
    for j in range(k, end):
        w = words[j]
        if w in _CHUNK_END or (j > k and d.verb_like(w) and not relative):
            break
        ti = d.m.tokens[si][j].fact
        if ti >= 0:
            if d.facts[ti].kind == "duration":
                continue  # "the £4.3m fine within a month": when it is due, not which one
            return True  # "the 32 deaths in 2023", "from last year's storm": a time or figure of its own
        if w in d.v.events or w in _NARROWING or w in _NP_STOP:
            continue  # "the 8,100 nurses on strike": the event or state they are in, not a part of them
        if w[:1].isalpha() and len(w) >= 3 and w not in _ECHO_STOP and w.removesuffix("'s") not in told:
            if not _names_of_words(d, (w,)) & told_names:
                return True  # "who voted" after "cast 23,815 ballots" names the same act (``one_thing``)
    return False


# Words that point back to a figure just told when they stand right before a figure of their own: "That
# £4.2m, the court heard, was almost twice ...", "Those 430 posts".
_POINTING = frozenset({"that", "those", "this", "these"})
# Sentences back a pointing word looks for the figure it points at, when its own sentence tells none before it.
POINTED_BACK = 1
# Words before a pointing "that" that make it a determiner inside its clause ("cover that £4.2m", "of that
# £4.2m"): a preposition or a verb that takes an object; "the routes that 12 airlines fly" is a relative.
_POINTER_PREPS = frozenset("of on to from with beyond above below for by at in into over under past within".split())


def _pointer(d: _Doc, si: int, k: int, pos: int) -> bool:
    """The word at ``k`` right before the figure at ``pos`` points back at a figure told before: at the head
    of its sentence or of a clause after a stop ("That £4.2m, the court heard,"); "those" or "these" anywhere
    ("Those 37 routes"); "this" or "that" inside a clause after a preposition or a verb that is no verb of
    telling ("will cover that £4.2m from reserves", ``[restatement] that_clause_after``), or before a noun
    that names only a figure ("said that 16% figure was"). "said that 16% of flights" opens a clause."""
    words = d.m.words[si]
    if k < 0 or words[k] not in _POINTING:
        return False
    if k == 0 or words[k - 1] in (",", ";", ":", '"') or words[k] in _DEMONSTRATIVE_PLURALS:
        return True
    head = _told_noun(d, si, pos)
    if head >= 0 and words[head] in _FIGURE_HEADS | _KEY_NOUNS:
        return True  # "said that 16% figure was its worst"
    before = words[k - 1]
    if before in d.v.that_clause_after or not before.isalpha():
        return False
    return before in _POINTER_PREPS or (d.verb_like(before) and not before.endswith("s"))


def _pointed_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """ "A bookkeeper who stole £2.4m from a charity has been jailed. That £4.2m, the court heard, was almost
    twice its income.": a figure after a pointing word (``_pointer``) tells again the one figure of its
    family told before it in its own sentence ("Only 61% of flights left on time, and the airport said that
    58% figure was its worst") or, when its sentence tells none, of the sentence before; two values that
    cannot both hold are a finding (label ``evidence`` = "known"). Not read when that sentence tells several
    such figures (the pointer may mean any), when the figure is a part or an end of another relation, when a
    noun after it narrows it to another thing ("That 12% rise": a change's size, read by the change
    readers), or when the figure names a thing of its own that the earlier figure is not told of ("3,000
    patients have waited" … "Those 160 operations")."""
    tied = _tied(d, built, "group")
    for si, pos, fi, f in d.figures(TOLD_AGAIN_KINDS):
        if si == 0 or fi in tied or f.kind not in ("count", "number", "money", "percent") or f.is_range:
            continue
        words = d.m.words[si]
        k = d.hedge_start(si, pos)
        if not _pointer(d, si, k - 1, pos):
            continue
        nxt = words[pos + 1] if pos + 1 < len(words) else "."
        if nxt.isalpha() and d.v.direction.starting_at(words, pos + 1):
            continue  # "That 12% rise": the size of a change
        head = _told_noun(d, si, pos)
        own = set() if head < 0 or words[head] in _FIGURE_HEADS | _KEY_NOUNS else _thing_names(d, words[head])
        first = _pointed_at(d, si, k - 1, f)
        if first is None or first in tied or d.facts[first].interval.overlaps(f.interval):
            continue
        if own and not _told_before_names(d, first) & own:
            continue  # "Those 160 operations" against "3,000 patients": another thing
        yield Relation(
            "restatement",
            (("first", first), ("second", fi)),
            (d.span(si, k - 1, k),),
            "document",
            (("lag", ""), ("concept", f"'{words[k - 1]}' points back"), ("scope", ""), ("evidence", "known")),
        )


def _pointed_at(d: _Doc, si: int, k: int, f: Fact) -> int | None:
    """The one figure of ``f``'s family a pointer at token ``k`` stands for: told before it in its sentence,
    else in the ``POINTED_BACK`` sentences before; None when there are several (it may mean any)."""

    def alike(s2: int, end: int) -> list[int]:
        same = [t.fact for t in d.m.tokens[s2][:end] if t.fact >= 0 and family(d.facts[t.fact]) == family(f)]
        return [e for e in same if not d.facts[e].is_range and d.facts[e].value is not None]

    here = alike(si, k)
    if here:
        return here[0] if len(here) == 1 else None
    for s2 in range(si - 1, max(-1, si - 1 - POINTED_BACK), -1):
        same = alike(s2, len(d.m.tokens[s2]))
        return same[0] if len(same) == 1 else None
    return None


# Words in a figure's clause before it that tell a count that did not come about ("which would have meant 96
# affordable homes", "could have saved 40 jobs").
_COUNTERFACTUAL = (("would", "have"), ("could", "have"), ("might", "have"), ("should", "have"))


def _counterfactual(words: Sequence[str], lo: int, pos: int) -> bool:
    return any((words[k], words[k + 1]) in _COUNTERFACTUAL for k in range(lo, pos - 1))


def _definite_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A figure told again as something already known, after "the", a possessive or "all" ("the £48m
    profit", "its 32 deaths", "All 48 teams"), against the one earlier figure of the same thing in the
    ``TOLD_AGAIN_BACK`` sentences before ("reported a profit of £42m", "killed 23 people", "drew 52 teams",
    "which cost £84m", "will strike for 48 hours"): words for one thing as data (``told_again``). Left out,
    each a way two figures of one noun are two quantities: more than one earlier figure of the thing (a sum
    of parts, "15 in A and 8 in B … the 23 deaths"), an earlier figure of a place the later sentence does
    not give, a later one narrowed ("the 12 deaths in the capital", "the £48m profit in Asia"), another
    holder, source, time or name, a newer telling ("the 32 confirmed deaths"), a move or recount between
    them ("has since risen"), a forecast or estimate, parts, items and ends of other relations. A pair
    another reader relates with weaker evidence (a slip of the keys) is read again with this one. Any two
    values that cannot both hold are a finding (label ``evidence`` = "known")."""
    tied = _tied(d, built, "group")
    # An earlier figure may be the level a change reached ("Turnout was 34%, down from 37%" … "The 34%
    # turnout"): that is the quantity now, which the later figure tells as known.
    tied_before = _tied(d, built, "group", free=frozenset({"to"}))
    sents = d.view.doc.sentences
    headline = len(sents) > 1 and sents[0].paragraph != sents[1].paragraph
    recent: list[tuple[int, int, int, Fact]] = []
    names: dict[int, set[str]] = {}
    lead = _lead_sentences(d)
    # A size the lead gives the story's subject by a compound ("a 40-person studio", "the 120-strong
    # crew") defines it: told again as known anywhere below ("Its 60 staff"), it is the same headcount.
    sizes: list[tuple[int, int, int, Fact]] = []
    # The lead's counts: "all 265 homes" anywhere below tells the story's whole set again ("Plans for 265
    # homes ... have been approved").
    lead_counts: list[tuple[int, int, int, Fact]] = []
    for si, pos, fi, f in d.figures(TOLD_AGAIN_KINDS):
        while recent and recent[0][0] < si - RATE_AGAIN_BACK:
            recent.pop(0)
        back = RATE_AGAIN_BACK if f.kind == "percent" else TOLD_AGAIN_BACK
        recent.append((si, pos, fi, f))
        if si in lead and fi in d.m.by_fact and _headcount(d, fi):
            sizes.append((si, pos, fi, f))
        if si in lead and fi in d.m.by_fact and f.kind in ("count", "number"):
            lead_counts.append((si, pos, fi, f))
        cue = _told_again_cue(d, si, pos)
        if not cue or fi in tied:
            continue
        m = d.m.by_fact.get(fi)
        if m is None:
            continue
        roles = m.roles - {"each"} if _each_of_verb(d, si, pos) else m.roles
        if roles & (_NOT_RESTATED - {"forecast"}):
            continue
        words = d.m.words[si]
        head = _told_noun(d, si, pos)
        if head >= 0:
            # "the 5.8% jobless rate": two words that name one thing as data
            pairs = {
                d.v.told_again[p]
                for k in (head - 1, head)
                if k > pos and (p := " ".join(words[k : k + 2])) in d.v.told_again
            }
            if d.v.told_newer.intersection(words[pos + 1 : head + 1]) or (_compound(d, si, head) and not pairs):
                continue  # "the 32 confirmed deaths": a newer count; "the £48m tunnel extension": another thing
            later = _thing_names(d, words[head]) | pairs
        elif f.kind == "duration" and (pos + 1 >= len(words) or words[pos + 1] in _CHUNK_END):
            later = {_LENGTH}  # "over the 10 days": the length told before
        else:
            continue
        if not later:
            continue
        found = []
        far = [x for x in sizes if x not in recent]
        if cue == "all":
            far += [x for x in lead_counts if x not in far]
        for es, epos, ei, e in [*far, *(x for x in recent if x not in far)]:
            if (es, epos) >= (si, pos) or family(e) != family(f) or ei in tied_before:
                continue
            if es < si - back and (es, epos, ei, e) not in far and (es, epos, ei, e) not in sizes:
                continue
            if headline and es == 0:
                continue
            if ei not in names:
                names[ei] = _told_before_names(d, ei) if ei in d.m.by_fact else set()
            ew = d.m.words[es]
            if epos + 1 < len(ew) and ew[epos + 1] == "of" and cue == "all":
                continue  # "80 of the properties" ... "all 265 homes": a part of the set, not a telling of it
            if _counterfactual(ew, d.m.clause_start(es, epos), epos):
                continue  # "a target of 40%, which would have meant 96 affordable homes": a count that was not
            if "short" in ew[epos + 1 : epos + 4] or is_gap(d, ei):
                continue  # "three seats short of a majority" ... "All 48 seats": a gap, no count of the set
            if names[ei] & later:
                found.append((es, epos, ei, e))
        if not found:
            continue
        if len({e.value for *_, e in found}) > 1 or any(e.interval.overlaps(f.interval) for *_, e in found):
            continue  # two earlier figures (parts of it, or two things), or the same one told again
        fs, fpos, first, _ = found[-1]
        sized = (fs, fpos, first, found[-1][3]) in sizes
        if fs == si or d.m.by_fact[first].roles & (_NOT_RESTATED - {"forecast"}):
            continue  # the same sentence's figure is read only as the one it may equal ("Six countries …, and all six")
        if _listed(d, fs, fpos, *_chunk(d, fs, fpos)) or _split_after(d, fs, fpos):
            continue  # "killed 19 skiers and two guides" … "the 21 deaths": the earlier figure is one item
        k = d.hedge_start(fs, fpos)
        fwords = d.m.words[fs]
        taken = fpos + 1 < len(fwords) and fwords[fpos + 1] == "of" and cue not in _DEMONSTRATIVE_PLURALS
        if (k > 0 and fwords[k - 1] in d.v.known_set_taken) or taken:
            continue  # "The Greens took 12 of the wards" … "All 30 wards": a share of the set, not the set
            # ("will drop 27 of its routes" … "Those 27 routes": a demonstrative points at the share named)
        # "all 265 homes" against the lead's count: the story's whole set, wherever the lead puts it
        whole_set = cue == "all" and fs in lead and fs != si - 1 and (fs, fpos, first, found[-1][3]) in lead_counts
        if _known_apart(d, first, fi, cue, strict=not whole_set, sized=sized):
            continue
        if _kind_words(d, first) != _kind_words(d, fi):
            continue  # "with three stages remaining" ... "in all, the nine stages": a part of them left
        lo, hi = _chunk(d, si, pos)
        if _listed(d, si, pos, lo, hi) or _split_after(d, si, pos):
            continue
        yield Relation(
            "restatement",
            (("first", first), ("second", fi)),
            (),
            "document",
            (("lag", ""), ("concept", _thing_label(d, later)), ("scope", ""), ("evidence", "known")),
        )


# Words before "each" that make it spread a verb over the figure's members ("Its 60 staff will each
# receive £5,000"), not count the figure per item.
_EACH_AFTER = frozenset("will would can could should may might must have has had were are did".split())


def _headcount(d: _Doc, fi: int) -> bool:
    """ "a 40-person studio", "the 120-strong workforce": the figure is the headcount of the noun after
    (a place after that noun is the thing's, not a part of the count)."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    return words[pos + 1 : pos + 2] == ("-",) and pos + 2 < len(words) and words[pos + 2] in d.v.told_headcount


def _each_of_verb(d: _Doc, si: int, pos: int) -> bool:
    """ "Its 60 staff will each receive": the "each" after the figure goes with the verb."""
    words = d.m.words[si]
    for k in range(pos + 1, min(len(words), pos + 6)):
        if words[k] == "each":
            return words[k - 1] in _EACH_AFTER
        if words[k] in _CHUNK_END:
            return False
    return False


def _known_but_apart(d: _Doc, first: int, fi: int) -> bool:
    """The later figure is told as known ("the", a possessive, "all") and yet another quantity than the
    earlier one (``_known_apart``): every reader of a figure told twice leaves such a pair alone."""
    cue = _told_again_cue(d, *d.pos_of(fi))
    return bool(cue) and _known_apart(d, first, fi, cue, strict=False)


def _owner_known(d: _Doc, si: int, pos: int, cue: str, before: frozenset[str]) -> bool:
    """The owner a possessive cue names ("Halden Bank's", "the company's") is told in the earlier figure's
    sentence, every capitalised word of it, or is a word for the business told before ("the company's")."""
    owner = cue.removesuffix("'s")
    if owner not in before and owner not in d.v.described_holders:
        return False
    k = d.hedge_start(si, pos) - 2
    toks = d.m.tokens[si]
    while k >= 0 and toks[k].fact < 0 and d.view.text[toks[k].start : toks[k].start + 1].isupper():
        if d.m.words[si][k] not in before and d.m.words[si][k] not in d.v.not_names:
            return False  # "Halden Bank's" after "Fenwick Bank made": another bank
        k -= 1
    return True


def _thing_label(d: _Doc, names: set[str]) -> str:
    """The name a finding gives the thing: a group's name as data before a word of its own."""
    listed = sorted(n for n in names if n in d.v.told_again.values())
    return (listed or sorted(names))[0].lstrip("#")


def _known_apart(d: _Doc, first: int, fi: int, cue: str, strict: bool = True, sized: bool = False) -> bool:
    """The later figure, told as known with ``cue`` ("the", "its", "the firm's", "all"), is another quantity
    than the earlier one for all its cue: narrowed after its noun ("the 12 deaths in the capital"), another
    owner or rival ("the government's 32 deaths"), a word of a move or recount in its sentence ("has since
    risen"), or an estimate or forecast told first ("Officials estimated 40 deaths"). ``strict`` (the reader
    of a figure told as known with no other evidence) adds: another place, name or time, a part told
    first ("killed 15 in Arden"), two sources, a move told between them of the same thing, a forecast in
    the later clause."""
    fs, fpos = d.pos_of(first)
    si, pos = d.pos_of(fi)
    f = d.facts[fi]
    words = d.m.words[si]
    head = _told_noun(d, si, pos)
    lo, hi = _chunk(d, si, pos)
    before = frozenset(w.removesuffix("'s") for w in _sentence_words(d, fs))
    if head >= 0 and _narrowed(d, si, head, before, frozenset(_times(d, fs))):
        return True
    if cue.endswith("'s") and not _owner_known(d, si, pos, cue, before):
        return True  # "according to the UN, 23 died" … "the government's 32 deaths": another holder's count
    clause = {w.removesuffix("'s") for w in words[d.m.clause_start(si, pos) : hi]}
    if d.v.other_holders.intersection(clause):
        return True  # "its rival's £48m profit"
    if any(d.v.told_moved.starting_at(words, k) for k in d.v.told_moved.starts_in(words)):
        return True  # "The toll has since risen, and the 32 deaths": a newer count
    if _unsure(d, fs, fpos, d.m.clause_end(fs, fpos)):
        return True  # "Officials estimated that 40 people had died": an estimate or forecast against a count
    if not strict:
        return False
    if not _places(d, si, lo, max(pos, head) + 1) <= before:
        return True  # "In Arden, the 32 deaths": a place's count
    efirst = _places(d, fs, fpos, _chunk(d, fs, fpos)[1], _PART_PREPS)
    if d.m.words[fs][:1] and d.m.words[fs][0] in _PART_PREPS:
        efirst |= _places(d, fs, 0, _chunk(d, fs, 0)[1], _PART_PREPS)
    # A demonstrative points at the set as told, its place too ("lend 18 paintings to a gallery in Paris" …
    # "These 18 paintings"); names told after it ("Those 27 routes ... include services to Faro") are its
    # members, not another holder.
    pointed = cue in _DEMONSTRATIVE_PLURALS
    if f.kind != "duration" and not efirst <= frozenset(words) and not _headcount(d, first) and not pointed:
        return True  # "killed 23 people in Arden" … "the 32 deaths": the earlier figure may be a part
    named = _caps(d, si, 0, max(pos, head) + 1 if pointed else len(words))
    if not named - _sources(d, si) <= before | _known_names(d, fs) | _bare_headline_names(d):
        return True  # a name the earlier sentence or the headline does not give: another holder or thing
    toks = d.m.tokens[si][d.m.clause_start(si, pos) : max(pos, head) + 1]
    if any(t.fact >= 0 and d.facts[t.fact].kind in _TIME_KINDS for t in toks) and _times(d, si) - _times(d, fs):
        return True  # "In 2023 the £48m profit", "last year's £48m profit": another time ("will strike on
        # Monday" after it dates the act, not the count; a time after the noun narrows it, ``_narrowed``)
    said_a, said_b = _said_by(d, fs), _said_by(d, si)
    if (said_a and said_b and not said_a & said_b) or (not pointed and _moved_between(d, first, fi, sized)):
        return True  # two sources' counts ("The UN said" … "The ministry said"), or a count that moved (a
        # demonstrative points at the figure as told: "Those 27 routes" after "a 17% rise in charges")
    # "the £48m profit expected"; a length is its own whatever the mood ("expect … over the 10 days").
    return f.kind != "duration" and _unsure(d, si, pos, max(pos, head) + 2)


# --- the story's key figure, told in the headline and the lead, mistyped later ---------------------------

# Nouns a later figure may be told with and still be the key figure: "even at 381,000 the total", "the
# figure of 381,000"; a figure with any other noun counts something of its own.
_KEY_NOUNS = frozenset({"total", "figure", "number", "level", "tally", "count", "sum", "amount"})
# Tokens either side of the figure such a noun may stand.
KEY_NOUN_REACH = 4


def _key_slips(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """The figure a story is about, told in its headline and again in its lead ("Net migration falls to
    318,000" … "fell to 318,000 in the year to June"), then later with its digits in another order and
    nothing of its own ("even at 381,000 the total was far above ..."). A ``restatement`` with evidence
    "swap": only transposed digits of a figure near in size show it is the key figure mistyped, so another
    count that happens to be near it is never read as one."""
    sents = d.view.doc.sentences
    words = d.m.words[0]
    if len(sents) < 3 or sents[0].paragraph == sents[1].paragraph or not words or words[-1] in CLAUSE_END:
        return  # no headline
    lead = _lead_sentences(d)
    keys: list[tuple[int, Fact]] = []
    for tok in d.m.tokens[0]:
        fi = tok.fact
        f = d.facts[fi] if fi >= 0 else None
        if f is None or f.kind not in HEADLINE_KINDS or f.is_range or f.value is None:
            continue
        told = [gi for gi in _lead_figures(d, sorted(lead - {0}), f) if d.facts[gi].value == f.value]
        if told:
            keys.append((told[0], f))
    if not keys:
        return
    told_in = {d.m.by_fact[gi].sentence for gi, _ in keys}
    tied = _tied(d, built, "all")
    for si, pos, fi, f in d.figures(HEADLINE_KINDS):
        if si == 0 or si in told_in or fi in tied or is_gap(d, fi) or d.move_size(fi):
            continue
        if d.m.by_fact[fi].roles & _NOT_RESTATED or not _key_noun_near(d, si, pos) or _own_noun(d, si, pos):
            continue
        for gi, key in keys:
            if f.kind == key.kind and same_family(f, key) and f.value != key.value:
                concept = d.m.frame(gi).concept
                yield Relation(
                    "restatement",
                    (("first", gi), ("second", fi)),
                    (),
                    "document",
                    (("lag", ""), ("concept", concept), ("scope", ""), ("evidence", "swap")),
                )


# Words right after a figure that are no noun of its own: "381,000 was still too high", "381,000 the total".
_NOT_OWN = _WHOLE_STOP | frozenset("the a an was is were are has had have will would could may might still".split())


def _own_noun(d: _Doc, si: int, pos: int) -> bool:
    """A word right after the figure names what it counts: "138,000 arrivals" is a count of its own."""
    words = d.m.words[si]
    return pos + 1 < len(words) and words[pos + 1].isalpha() and words[pos + 1] not in _NOT_OWN


def _key_noun_near(d: _Doc, si: int, pos: int) -> bool:
    """A noun that names no thing of its own stands by the figure in its clause, after an article or a
    pointing word: "the figure of 381,000", "even at 381,000 the total", "that number, 381,000"."""
    words = d.m.words[si]
    lo, hi = (
        max(d.m.clause_start(si, pos), pos - KEY_NOUN_REACH),
        min(d.m.clause_end(si, pos), pos + KEY_NOUN_REACH + 1),
    )
    return any(
        words[k] in _KEY_NOUNS
        and k > 0
        and words[k - 1] in ("the", "that", "this")
        and not (k > pos + 1 and words[k - 2] == "of")  # "21.3% of the total": the whole of a share
        for k in range(lo, hi)
    )


# --- one figure told twice with two of its digits swapped: "rose ... to 1,214" … "Of the 1,412 offences" ---

# Significant digits a figure must print for two of them swapped to show one figure mistyped: "1,214" and
# "1,412", "38.6%" and "36.8%", "593" and "539"; "24" and "42" are too short to tell a slip from another count,
# save for the headline's figure told again in the lead.
SWAP_DIGITS = 3
# Kinds a swap is read in: a measure told twice with its digits swapped too ("174 miles" … "147 miles").
SWAP_KINDS = RESTATED_KINDS | {"measure"}
# Roles of a first-pass relation that make a figure another quantity than the one it names: a part, an
# item, the older end of a change or a range's end, a rival's figure set against it. A whole, a total and
# the newer end of a change ("rose ... to 1,214") are the quantity itself.
_SWAP_TIED = frozenset({"part", "item", "from", "low", "high", "rest", "b"})


def _significant(digits: str) -> str:
    """The digits a figure prints, without the zeros that only place it ("1,200" → "12", "0.45" → "45")."""
    return digits.lstrip("0").rstrip("0")


def _two_swapped(a: str, b: str) -> bool:
    """``b`` is ``a`` with two of its digits changed places, and nothing else changed ("1214" and "1412")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _names_own(d: _Doc, si: int, pos: int) -> bool:
    """The figure names a thing of its own after it ("1,412 offences", "£3m grant"): not a word that only
    points back ("the 64.8% figure", "that total") and not a bare figure ("her party's 36.8%")."""
    noun = _told_noun(d, si, pos)
    return noun >= 0 and d.m.words[si][noun] not in _KEY_NOUNS and d.m.words[si][noun] not in d.v.generic


def _pointing(d: _Doc, si: int, pos: int) -> bool:
    """The figure is told as one the reader already knows: after "the", a possessive or "all" (its frame's
    ``definite``, "Of the 1,412 offences", "her party's 36.8%"), or beside a noun that names only a figure
    ("the 64.8% figure", "that total of 1,412")."""
    if d.m.frame(d.m.tokens[si][pos].fact).definite or _key_noun_near(d, si, pos):
        return True
    k = d.hedge_start(si, pos)
    return k > 0 and (d.m.words[si][k - 1] in _POSSESSIVES or d.m.words[si][k - 1].endswith("'s"))


def _stems_of(d: _Doc, si: int) -> frozenset[str]:
    """The stems of a sentence's words of content."""
    return frozenset(
        _stem(singular(w)) for w in _sentence_words(d, si) if w[:1].isalpha() and w not in _ECHO_STOP and len(w) > 2
    )


def _share_concept(d: _Doc, first: int, fi: int) -> bool:
    """The two figures count one thing: a concept or noun they are both told with ("1,400 new jobs" …
    "created 1,040 jobs"), or the later one's noun told in the earlier one's sentence ("knife offences rose
    ... to 1,214" … "the 1,412 offences")."""
    if _told_before_names(d, first) & _told_before_names(d, fi):
        return True
    si, pos = d.pos_of(fi)
    noun = _told_noun(d, si, pos)
    if noun < 0 or d.m.words[si][noun] in d.v.generic:
        return False
    return _stem(singular(d.m.words[si][noun])) in _stems_of(d, d.pos_of(first)[0])


@functools.cache
def _making_up() -> frozenset[str]:
    """The words of the verbs that tell a part making up a whole ("accounted for", "made up"), as data."""
    return frozenset(w for p in _toml("vocab.toml")["portion"]["share_before"]["the whole"] for w in p.split())


def _subject_stems(d: _Doc, fi: int) -> frozenset[str]:
    """The content words a share of a whole is told of, before it in its clause, if it is one ("N% of"):
    "the six largest chains accounted for 82.4% of spending" → {six, largest, chain}; empty otherwise."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    if d.facts[fi].kind != "percent" or pos + 1 >= len(words) or words[pos + 1] != "of":
        return frozenset()
    return frozenset(
        _stem(singular(w))
        for w in words[d.m.clause_start(si, pos) : d.hedge_start(si, pos)]
        if w[:1].isalpha() and len(w) > 2 and w not in _ECHO_STOP and w not in _making_up()
    )


def _among_siblings(d: _Doc, fi: int) -> bool:
    """The figure is one of a list of figures of its family in its sentence ("brought 4,180, 3,020 and 2,220
    passengers respectively"): one holder's of several."""
    si, _ = d.pos_of(fi)
    f = d.facts[fi]
    kin = [t.fact for t in d.m.tokens[si] if t.fact >= 0 and t.fact != fi and family(d.facts[t.fact]) == family(f)]
    return len([g for g in kin if d.facts[g].unit == f.unit]) >= 2


def _parts_of_one_whole(d: _Doc, first: int, fi: int) -> bool:
    """Two shares of one whole, each told of its own subject: "the six largest chains accounted for 82.4% of
    spending" … "Promotions accounted for 28.4% of spending" are two parts, not one figure told twice."""
    a, b = _subject_stems(d, first), _subject_stems(d, fi)
    return bool(a) and bool(b) and not a & b


# --- one quantity told in other words: the words that name a figure, against the earlier figure's sentence --

# Words back from a figure (before its hedge) that the phrase naming it may reach over: "the record January
# crowd of 24,712", "the share of empty units ... 14.2%".
NAMING_BACK = 4
# Words after a figure that its noun and what the noun is of may take: "the £24.6m bill for agency and
# locum staff", "a 12.4% vacancy rate".
NAMING_AFTER = 6
# Words inside a naming phrase that join its words and never name a thing themselves.
_NAMING_GLUE = frozenset("of for on and the a an its their his her our who that which".split())


def _naming_words(d: _Doc, si: int, pos: int) -> list[str]:
    """The words of the phrase that names the figure at ``pos``: back over its noun phrase ("the record
    January crowd of 24,712" → record, january, crowd) and on over its noun and what it is of ("the £24.6m
    bill for agency and locum staff" → bill, agency, locum, staff; "the 4,820 who turned up" → turned, up).
    Stops at a clause's end, another figure or a verb of the clause."""
    words, toks = d.m.words[si], d.m.tokens[si]
    out: list[str] = []
    h = d.hedge_start(si, pos)
    for k in range(h - 1, max(-1, h - 1 - NAMING_BACK), -1):
        w = words[k]
        if toks[k].fact >= 0 or w in _CHUNK_END or (d.verb_like(w) and w not in _NAMING_GLUE):
            break
        if w not in _NAMING_GLUE and w in _TOLD_AGAINST:
            break
        out.append(w)
    for k in range(pos + 1, min(len(words), pos + 1 + NAMING_AFTER)):
        w = words[k]
        if toks[k].fact >= 0 or w in _CHUNK_END or w in d.v.clause_verbs:
            break
        if w not in _NAMING_GLUE and w in _TOLD_AGAINST:
            break
        out.append(w)
    return out


def _names_of_words(d: _Doc, words: Sequence[str]) -> frozenset[str]:
    """The things a run of words names: each word or pair of words as data (``told_again``, ``one_thing``:
    "vacancy rate" and "empty", "crowd" and "turned up" name one thing), else the stem of each word of
    content; words of grammar, generic words ("figure", "people"), months and words that only rank or
    describe a figure (``[restatement] not_things``: "record", "largest") name nothing."""
    out: set[str] = set()
    for k, w in enumerate(words):
        pair = " ".join(words[k : k + 2])
        for phrase in (pair, w, singular(w.removesuffix("'s"))):
            thing = d.v.told_again.get(phrase) or d.v.one_thing.get(phrase)
            if thing:
                out.add(thing)
                break
        else:
            if not w.isalpha() or len(w) < 3 or w in _ECHO_STOP or w in STOPWORDS or w in d.v.generic:
                continue
            if w in _MONTHS or w in _not_things() or singular(w) in d.v.generic:
                continue
            out.add(_stem(w))
    return frozenset(out)


@functools.cache
def _not_things() -> frozenset[str]:
    """Words that rank or describe a figure and name no thing: ``vocab.toml`` ``[restatement] not_things``."""
    return frozenset(_toml("vocab.toml")["restatement"]["not_things"])


def _times_beyond(d: _Doc, fs: int, si: int) -> frozenset[tuple[str, str]]:
    """The times sentence ``si`` tells that sentence ``fs`` does not, a month or day the earlier date
    names left out ("on Saturday 27 January" … "the record January crowd": one day's crowd)."""
    earlier = _times(d, fs)
    said = frozenset(_sentence_words(d, fs)).union(*(t[1].split() for t in earlier))
    return frozenset(t for t in _times(d, si) - earlier if not set(t[1].split()) <= said)


def _days_in_clause(d: _Doc, si: int, pos: int) -> bool:
    """A day, date or time told in the clause of the figure at ``pos`` ("on 3 May, the 539 deaths")."""
    toks = d.m.tokens[si][d.m.clause_start(si, pos) : d.m.clause_end(si, pos)]
    return any(t.fact >= 0 and d.facts[t.fact].kind in ("weekday", "date", "time") for t in toks)


def one_thing(d: _Doc, first: int, fi: int) -> bool:
    """The later figure ``fi`` is named with words that name what the earlier figure's sentence is about,
    through words for one thing as data: "The share of empty shop units rose to 14.2%" … "A 12.4% vacancy
    rate"; "spent £26.4m on agency nurses and locum doctors" … "the £24.6m bill for agency and locum staff";
    "the season's largest crowd, 27,412" … "the record January crowd of 24,712". One sign that two figures
    are one quantity; each reader that asks keeps its own guards of holder, place and time."""
    si, pos = d.pos_of(fi)
    fs, _ = d.pos_of(first)
    named = _names_of_words(d, _naming_words(d, si, pos))
    return bool(named) and bool(named & _names_of_words(d, _sentence_words(d, fs)))


# Periods a frame reads from a verb's tense alone, no time told: a figure told as known keeps the earlier one's.
_VAGUE_PERIODS = frozenset({"future", "past", "now"})


def _swaps_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """One figure told twice anywhere in the story, the second time with two of its digits changed places:
    "knife offences rose ... to 1,214" … "Of the 1,412 offences involving a knife"; "Only 68.4% of trains
    ran on time" … "the 64.8% figure"; "Civic Renewal had 38.6% of the vote" … "her party's 36.8%". The
    digits are evidence only with a second sign that the two are one quantity: the later figure told as
    known (``_pointing``) or the two told of one thing (``_share_concept``); the figure prints at least
    ``SWAP_DIGITS`` significant digits, or two when the headline's figure is swapped in the lead's telling of
    one thing ("Walk raises £2.4m" … "has raised £4.2m"). Left alone: a later figure whose value the story
    told before (it tells that one again), two earlier values it could be a slip of (one value told twice,
    in the headline and the lead, is one), parts, items, older
    ends and rivals' figures, another holder, place, time or source, a day of its own (a newer count "as of"
    it), a move between them, and another time or holder in its clause. Evidence "swap"."""
    sents = d.view.doc.sentences
    headline = len(sents) > 1 and sents[0].paragraph != sents[1].paragraph
    lead = _lead_sentences(d)
    told = {frozenset((r.get("first"), r.get("second"))) for r in built.get("restatement", {}).values()}
    tied: set[int] = set()
    for rels in built.values():
        for rel in rels.values():
            tied.update(i for r, i in rel.roles if r in _SWAP_TIED)
    seen: list[tuple[int, Fact, str]] = []
    for si, pos, fi, f in d.figures(SWAP_KINDS):
        digits = _digits_of(f)
        m = d.m.by_fact.get(fi)
        if m is None or f.value is None or f.value <= 0 or is_gap(d, fi) or m.roles & (_NOT_RESTATED - {"forecast"}):
            continue
        earlier = [(gi, g, gd) for gi, g, gd in seen if family(g) == family(f) and g.unit == f.unit]
        seen.append((fi, f, digits))
        if "forecast" in m.roles and not _known_cue(d, si, pos):
            continue  # a forecast, unless told as known ("hopes to build on the 4,820", "to cover that £4.2m")
        if fi in tied:
            continue  # a part, an item, an older end or a rival's: another quantity (the earlier one may be an
            # item: "A had 38.6% of the vote, B 27.9%" … "A's 36.8%")
        if any(g.value == f.value for _, g, _ in earlier):
            continue  # the story told this value before: the later figure tells that one again
        cands = [
            (gi, g)
            for gi, g, gd in earlier
            if _two_swapped(gd, digits)
            and g.value is not None
            and max(g.value, f.value) / min(g.value, f.value) < SWAP_RATIO
        ]
        if len({g.value for _, g in cands}) != 1:
            continue  # two earlier values it could be a slip of ("214" in the headline and the lead is one)
        first, g = cands[-1]
        fs, fpos = d.pos_of(first)
        if fs == si or frozenset((first, fi)) in told:
            continue
        key = headline and fs == 0 and si in lead
        if len(_significant(digits)) < (2 if key else SWAP_DIGITS):
            continue
        # Told as known: "the 1,412 offences", "her party's 36.8%", or a pointing "that" ("cover that £3.57m").
        pointing = (_pointing(d, si, pos) or _known_cue(d, si, pos) in _POINTING) and not _names_own(d, si, pos)
        fa, fb = d.m.frame(first), d.m.frame(fi)
        same = bool(fa.concept) and fa.concept == fb.concept and fa.concept not in d.v.generic
        if not (
            pointing or same or _share_concept(d, first, fi) or _same_span(d, first, fi) or one_thing(d, first, fi)
        ):
            continue
        if key and not same:
            continue  # a headline's figure and the lead's: one thing, by their frames
        # Who tells the later figure is no holder of it ("Chief executive Marion Hale said: \"To ride 147 miles").
        teller = bool(fb.holder) and set(fb.holder.split()) <= _said_by(d, si)
        if not pointing and _parts_of_one_whole(d, first, fi):
            continue
        if fa.holder and not fb.holder and not _pointing(d, si, pos):
            if _among_siblings(d, first) or not one_thing(d, first, fi):
                continue  # "the Aurora Star brought 4,180 passengers, the Nordic 3,020 ..." … "Of 1,480 passengers
                # questioned": one holder's figure of a list against one of no holder is another quantity
        if fa.holder and fb.holder and not same_holder(fa.holder, fb.holder) and not teller:
            if not (pointing and fb.holder.split()[-1] in d.v.holder_nouns) and not _holder_told(d, fa.holder, si):
                continue  # "Labour's 36.8%" against "Civic Renewal had 38.6%": another holder
        if fa.scope and fb.scope and fa.scope != fb.scope and not pointing:
            continue  # "in Wales" … "in Scotland": two places
        if fa.period and fb.period and fa.period != fb.period and not (pointing and fb.period in _VAGUE_PERIODS):
            continue  # "in 2023" … "in 2024": two times ("will cover that £3.57m" names none of its own)
        if fa.part != fb.part or _parts_apart(d, fs, si, pointing):
            continue  # "in the first half" … "over the year"
        if fb.mood != fa.mood and not pointing:
            continue  # a forecast against a count
        if _dated(d, si) and _times_beyond(d, fs, si) and not (pointing and not _days_in_clause(d, si, pos)):
            continue  # "As of September 16, 539 deaths": a newer count of its own day (a figure told as
            # known is dated by its own clause: "Their next game is on 5 April, and he hopes to build on the 4,820")
        if not pointing and _two_sources(d, fs, si):
            continue  # two sources' counts
        if _listed(d, si, pos, *_chunk(d, si, pos)):
            continue  # "A took 36.8% and B 38.6%": an item of a list
        if _apart_as_known(d, first, fi) or _recounted(d, first, fi):
            continue  # "the rival's 1,412", "has since risen to 1,412": another quantity or a newer count
        words, toks = d.m.words[si], d.m.tokens[si]
        lo, hi = _chunk(d, si, pos)
        said = {_stem(d.v.base_forms.get(w, w)) for w in _sentence_words(d, fs)}
        if any(
            (words[k] in d.v.another_cues or words[k] in d.v.other_holders or words[k] == "last")
            and _stem(d.v.base_forms.get(words[k], words[k])) not in said
            and not (words[k] == "since" and k + 1 < len(toks) and toks[k + 1].fact >= 0)
            for k in range(lo, hi)
        ):
            continue  # "last year's 36.8%", "its rival's 1,412", "raised to 1,412": another time, holder or move
        times = {
            d.facts[toks[k].fact].text.lower()
            for k in range(lo, hi)
            if toks[k].fact >= 0 and _past_time(d.facts[toks[k].fact]) and words[k - 1] != "since"
        }
        past = {t for _, t in _past_in_clause(d, fs, fpos)}
        if {t for t in times - past if not set(t.split()) <= set(" ".join(past).split())}:
            continue  # "In 2019, 1,412 offences": another time ("its best since 2019" bounds a record; "the
            # January crowd" is of "Saturday 27 January")
        # A name further back than a figure told as known is more often who speaks of it ("chairman Neil
        # Hodge hopes to build on the 4,820").
        start = (
            max(d.m.clause_start(si, pos), pos - SLIP_NAME_REACH) if pointing else min(lo, d.m.clause_start(si, pos))
        )
        names = _holder_names(d, si, start, pos) - _MONTHS  # "the March derby crowd": a time, no holder
        known = _known_names(d, fs) | _known_names(d, 0)
        if not all(_name_known(n, known) for n in names):
            continue  # "Its neighbour, Corran Abbey, welcomed 59,830": another holder named
        yield Relation(
            "restatement",
            (("first", first), ("second", fi)),
            (),
            "document",
            (("lag", ""), ("concept", fb.concept or fa.concept), ("scope", ""), ("evidence", "swap")),
        )


# Tokens after a figure its span of time may stand ("174 miles (280km) in three days").
SPAN_REACH = 8
# Words before a length that make it the span a figure was made over ("174 miles in three days").
_SPAN_PREPS = frozenset({"in", "over", "within"})


def _span_of(d: _Doc, fi: int) -> tuple[str, Decimal] | None:
    """The length right after a figure's noun that it was made over: "covering 174 miles in three days" →
    (day, 3); None when no "in", "over" or "within" and a length follow it in its clause."""
    si, pos = d.pos_of(fi)
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos + 1, min(d.m.clause_end(si, pos), pos + 1 + SPAN_REACH)):
        t = toks[k].fact
        length = d.facts[t].value if t >= 0 and d.facts[t].kind == "duration" else None
        if length and words[k - 1] in _SPAN_PREPS:
            return str(d.facts[t].unit), length
    return None


def _same_span(d: _Doc, first: int, fi: int) -> bool:
    """Both figures are told over one span of time ("covering 174 miles in three days" … "To ride 147 miles
    in three days"): a total over a length told again with it is one quantity."""
    a = _span_of(d, first)
    return a is not None and a == _span_of(d, fi)


def _digits_of(f: Fact) -> str:
    """The digits a figure prints, before any bracket ("£1.46m" → "146")."""
    return re.sub(r"\D", "", f.text.split("(")[0])


def _holder_told(d: _Doc, holder: str, si: int) -> bool:
    """The earlier figure's holder is named in the later figure's sentence ("Hospice charity's walk raises
    £2.4m" … "A hospice charity in the south of England says its walk has raised £4.2m"): a place or name
    told beside it describes the holder, not another one."""
    return bool(holder) and set(holder.split()) <= set(_sentence_words(d, si))


def _recounted(d: _Doc, first: int, fi: int) -> bool:
    """The count moved or was counted again between two tellings: a word of a move before the later figure
    in its sentence ("has since risen to 1,241", "The toll rose, and the 1,241 deaths"), or a sentence between
    that says it was recounted ("The figures have since been revised")."""
    fs, _ = d.pos_of(first)
    si, pos = d.pos_of(fi)
    before = d.m.words[si][: d.hedge_start(si, pos)]  # the figure's own hedge, "more than 9,000", is no move
    if any(_moved_word(d, before, k) for k in d.v.told_moved.starts_in(before)):
        return True
    if _direction(d, first) != _direction(d, fi) and any(
        d.v.direction.starting_at(before, k) for k in d.v.direction.starts_in(before)
    ):
        return True  # "The toll rose, and the 1,241 deaths"; "raises £2.4m" … "has raised £4.2m" is one move
    for s in range(fs + 1, si):
        between = _sentence_words(d, s)
        if any(d.v.told_recounted.starting_at(between, k) for k in d.v.told_recounted.starts_in(between)):
            return True
    return False


def _apart_as_known(d: _Doc, first: int, fi: int) -> bool:
    """``_known_but_apart``, with an owner told by a word for a holder after "her", "its" or "the" ("her
    party's 36.8%", "the club's 1,412 members") standing for the holder told before, as "the company's" does."""
    si, pos = d.pos_of(fi)
    cue = _told_again_cue(d, si, pos)
    if not cue:
        return False
    k = d.hedge_start(si, pos) - 2
    owner = cue.removesuffix("'s")
    if (
        cue.endswith("'s")
        and owner in d.v.holder_nouns
        and k >= 0
        and (d.m.words[si][k] in _POSSESSIVES or d.m.words[si][k] == "the")
    ):
        cue = "the"
    return _known_apart(d, first, fi, cue, strict=False)


def _time_parts(d: _Doc, si: int) -> frozenset[str]:
    """The parts of a year a sentence names, each with the word before it ("the first half", "its second
    quarter", "the last month"; ``[periods] part``): two figures told of two parts are two figures."""
    toks = d.m.tokens[si]
    raw = [d.view.text[t.start : t.end].lower() for t in toks]  # a figure's token reads "#": "the first half"
    return frozenset(
        f"{raw[k - 1]} {raw[k]}"
        for k in range(1, len(toks))
        if raw[k] in d.v.part_periods
        and (raw[k - 1] in _PART_ORDER or (toks[k - 1].fact >= 0 and d.facts[toks[k - 1].fact].kind == "ordinal"))
    )


# Words before a part of a year that pick one out, beside ordinals ("the first half"): "the last quarter".
_PART_ORDER = frozenset({"last", "final", "opening", "latest", "previous"})


def _parts_apart(d: _Doc, fs: int, si: int, pointing: bool = False) -> bool:
    """Two sentences that tell their figures of two parts of a year ("in the first half" … "In the second
    half"), or one of a part and one of none, unless the later one points back to the figure told."""
    a, b = _time_parts(d, fs), _time_parts(d, si)
    if a and b:
        return not a & b
    return bool(a or b) and not pointing


# --- a contest's margin told twice: "Ireland seal 77-run Test win" … "wrapped up a 67-run victory" ---------

# Words a margin's compound may have between its unit and its result ("a 77-run Test win").
MARGIN_WORDS = 2
# Tokens back from "by" a margin's verb may stand ("beat Zimbabwe by 67 runs").
MARGIN_VERB_REACH = 4


@functools.cache
def _margin_words() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["margins"]
    units = {str(w): singular(str(w)) for w in data["told_units"]}
    return units, frozenset(data["told_won"]), frozenset(data["told_lost"])


def _margin(d: _Doc, si: int, pos: int) -> tuple[str, str] | None:
    """(unit, way) of a contest's margin told at ``pos``: "a 77-run win" (won), "a 12-point defeat" (lost),
    "won by 67 runs", "beat Zimbabwe by 67 runs"; else None."""
    units, won, lost = _margin_words()
    words = d.m.words[si]
    k = pos + 1
    if k < len(words) and words[k] == "-" and k + 1 < len(words) and words[k + 1] in units:
        unit = units[words[k + 1]]
        for j in range(k + 2, min(len(words), k + 3 + MARGIN_WORDS)):
            if words[j] in won or words[j] in lost:
                return unit, "won" if words[j] in won else "lost"
            if not words[j][:1].isalpha() or d.m.tokens[si][j].fact >= 0:
                break
        return None
    h = d.hedge_start(si, pos)
    if k < len(words) and words[k] in units and h >= 1 and words[h - 1] == "by":
        for j in range(h - 2, max(-1, h - 2 - MARGIN_VERB_REACH), -1):
            if words[j] in won or words[j] in lost:
                return units[words[k]], "won" if words[j] in won else "lost"
            if words[j] in _CHUNK_END:
                break
    if _winners_majority(d, si, pos, h) and not _former_contest(d, si):
        # "With her majority of 1,842": the winner's margin in votes, when nothing else is counted after it
        # ("a majority of 1,200 staff") and the sentence tells no former contest ("overturning a majority").
        nxt = words[k] if k < len(words) else "."
        if nxt in units and units[nxt] == "vote" or nxt in _not_nouns() or not nxt[:1].isalpha() or d.verb_like(nxt):
            return "vote", "won"
    return None


# Possessives before "majority" that give it to one winner: "her majority of 1,842", "Ms Reed's majority".
_MAJORITY_OWNERS = frozenset({"her", "his", "their"})


@functools.cache
def _majority_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["margins"]
    return frozenset(data["majority"]), frozenset(data["seat_won"]), frozenset(data["majority_is"])


def _winners_majority(d: _Doc, si: int, pos: int, h: int) -> bool:
    """The figure at ``pos`` (its hedge from ``h``) is one winner's majority: owned ("her majority of 1,842",
    "Ms Reed's majority of 1,842", "Her majority was 1,842") or told with a verb of winning the seat before it
    ("held the seat with a majority of 2,315"). Without either a majority may be anyone's ("overturning a
    majority of 4,100")."""
    majority, seat_won, majority_is = _majority_words()
    words = d.m.words[si]
    if _majority_size(d, si, pos):
        m = h - 2  # "a majority of 2,315"
    else:
        m = h - 1
        while m >= 0 and words[m] in majority_is and words[m] != "of":
            m -= 1  # "Her majority was 1,842", "majority now stands at" is no level told
        if m == h - 1 or m < 1 or words[m] not in majority:
            return False
    owner = words[m - 1] if m >= 1 else ""
    if owner in _MAJORITY_OWNERS or owner.endswith(("'s", "\u2019s")):
        return True
    return owner in ("a", "an") and any(w in seat_won for w in words[: m - 1])


@functools.cache
def _not_nouns() -> frozenset[str]:
    return frozenset(_toml("vocab.toml")["margins"]["not_nouns"])


def _margins_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A contest's margin told in the headline or the lead and again anywhere below with another value:
    "Ireland seal 77-run Test win over Zimbabwe" … "Ireland wrapped up a 67-run victory", "won by 67 runs".
    The margin is known by its unit and its way (a win or a defeat, ``[margins] told_won``, ``told_lost``),
    told as a compound before a word of a result or after "by" and a verb of one. Read only when the story
    tells one such margin value apart from the first: two other values, another time in the later clause
    ("last week's 44-run defeat", "in 2019"), or a name the first's sentence and the headline do not give
    ("Scotland's 12-run win") make it another contest. Evidence "margin": the defining phrase is evidence
    enough, so any two values that cannot both hold are a finding."""
    lead = _lead_sentences(d)
    told: list[tuple[int, int, int, tuple[str, str]]] = []
    for si, pos, fi, f in d.figures(frozenset({"count", "number"})):
        margin = _margin(d, si, pos)
        if margin is not None and f.value is not None:
            told.append((si, pos, fi, margin))
    for k, (fs, fpos, first, margin) in enumerate(told):
        if fs not in lead and not (k == 0 and margin[0] == "vote"):
            break  # a seat's winning majority is the story's first one told, wherever it is
        if margin[0] == "vote" and k > 0 and _other_contest(d, fs, fpos, told[0][0], told[0][1]):
            continue  # "was re-elected in July 2024 with his majority of 9,214": a past contest's, no first
        later = [(si, pos, fi) for si, pos, fi, m in told[k + 1 :] if m == margin and si != fs]
        if margin[0] == "vote":
            # A majority is told of past contests too ("was re-elected in July 2024 with a majority of 9,214"):
            # those are left out before the values are counted.
            later = [(si, pos, fi) for si, pos, fi in later if not _other_contest(d, si, pos, fs, fpos)]
        values = {d.facts[fi].value for _, _, fi in later} - {d.facts[first].value}
        if len(values) != 1:
            continue  # none apart, or two other values: more than one contest
        # A majority's winner may be named in the sentence before it ("Ms Okafor held the seat. Her majority was").
        owners = _known_names(d, fs) | (_known_names(d, max(0, fs - 1)) if margin[0] == "vote" else frozenset())
        known = owners | _known_names(d, 0) | _words_of(d, 0) | frozenset(_sentence_words(d, fs))
        for si, pos, fi in later:
            if d.facts[fi].value == d.facts[first].value:
                continue
            words = d.m.words[si]
            if _other_contest(d, si, pos, fs, fpos):
                continue  # "their previous 44-run defeat", "in 2019": another contest or time
            if margin[0] == "vote" and "majority" in words[max(0, pos - 3) : pos]:
                # "his majority of 2,300": whose is told by the winner's name in its sentence ("With her
                # majority of 1,842, Ms Okafor ..."), or the sentence before it ("Ms Okafor held the seat. Her
                # majority was 1,842."); a pronoun alone may be a loser's or a neighbour's.
                if not _caps(d, si, 0, len(words)) & owners:
                    continue
            if si != 1 and not all(_name_known(n, known) for n in _holder_names(d, si, 0, len(words), pos)):
                continue  # "Scotland's 67-run win": another side's contest ("in Harare" is where it was)
            yield Relation(
                "restatement",
                (("first", first), ("second", fi)),
                (),
                "document",
                (("lag", ""), ("concept", f"{margin[0]} margin"), ("scope", ""), ("evidence", "margin")),
            )
        break


def _other_contest(d: _Doc, si: int, pos: int, fs: int, fpos: int) -> bool:
    """The margin at ``pos`` is told of another contest than the first's: a word of another or "last" in its
    clause ("their previous 44-run defeat"), or a past time the first's clause does not give ("in 2019")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    lo, hi = d.m.clause_start(si, pos), d.m.clause_end(si, pos)
    if any(w in d.v.another_cues or w in d.v.other_holders or w == "last" for w in words[lo:hi]):
        return True
    # A time told after a comma that closes the margin's phrase is the next clause's ("With her majority of
    # 1,842, she must hold the seat at the election due by 2029").
    stop = next((k for k in range(pos + 1, hi) if words[k] in (",", ";")), hi)
    own = {
        (d.facts[toks[k].fact].kind, d.facts[toks[k].fact].text.lower()) for k in range(lo, stop) if toks[k].fact >= 0
    }
    return bool(_past_in_clause(d, si, pos) & own - _past_in_clause(d, fs, fpos))


def _holder_names(d: _Doc, si: int, lo: int, hi: int, at: int = -1) -> frozenset[str]:
    """The names in tokens ``lo`` to ``hi`` that may hold a figure there: not a place after "in" or "at"
    ("won in Harare", "in the Commons"), nor a teller before a verb of telling ("Party leader Anna Brel told supporters that
    her party's 43.1%", "Coach Dai Rees said the 17-point win", "A charity in the south of England says its
    walk has raised £4.2m"). Only a verb before the figure at ``at`` (by default ``hi``) tells who speaks of
    it: ", officials said" after it leaves the names before it the figure's."""
    words = d.m.words[si]
    at = hi if at < 0 else at
    start = max([lo] + [k + 1 for k in range(lo, at) if words[k] in _SAID or words[k] in ("told", "tells")])
    return frozenset(
        n for k in range(max(start, 1), hi) if not _after_place_prep(words, k) for n in _caps(d, si, k, k + 1)
    )


def _after_place_prep(words: Sequence[str], k: int) -> bool:
    """The word at ``k`` follows a preposition of place, straight or after "the": "won in Harare", "the
    party's 73rd seat in the Commons" (where, not whose)."""
    back = k - 1 - (words[k - 1] == "the" and k >= 2)
    return words[back] in _PLACE_PREPS


# --- an exact figure told again as a bound: "rose to £287,400" … "an average home at just under £280,000" ----

# Hedges that make a figure a bound on one side ("just under", "almost", "more than").
_BOUNDS = frozenset({"nearly", "less than", "at most", "more than", "at least"})
# How far a bound may be from the exact figure and still be read as the same figure told loosely.
BOUND_NEAR = Decimal("1.1")
# Content words the two figures' clauses must share ("average" and "home").
BOUND_SHARED = 2


def _one_concept(d: _Doc, a: int, b: int) -> bool:
    """Two money figures whose verbs name one concept that no noun of theirs names ("She raised £8,760" …
    "the £8,000 she has raised"): the shared verb is a sign of one quantity that a bag of content words,
    which leaves direction words out, does not see."""
    ma, mb = d.m.by_fact.get(a), d.m.by_fact.get(b)
    if ma is None or mb is None or ma.noun or mb.noun or d.facts[a].kind != "money":
        return False
    ca, cb = d.m.frame(a).concept, d.m.frame(b).concept
    return bool(ca) and ca == cb and ca not in GENERIC_CONCEPTS


# Tokens before a figure its noun of amount may stand ("put the total at 468", "the county's tally was 83").
TOTAL_NOUN_REACH = 4


def _total_named(d: _Doc, si: int, pos: int) -> bool:
    """The figure at ``pos`` is told as the total of what the sentence before counted, by "the" (or an owner)
    and a noun of amount before it: "More than 500 flights were cancelled. Operators put the total at 468",
    "The council put the number at 312", "the county's tally was 83"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    nouns = _amount_words()
    for k in range(pos - 1, max(0, pos - 1 - TOTAL_NOUN_REACH), -1):
        if toks[k].fact >= 0 or words[k] in CLAUSE_END:
            return False
        if words[k] in nouns:
            return words[k - 1] == "the" or words[k - 1].endswith("'s") and k >= 2 and words[k - 2] == "the"
    return False


@functools.cache
def _amount_words() -> frozenset[str]:
    """Nouns of amount in one word ("total", "figure", "tally"): ``vocab.toml`` ``[referents] amount_nouns``."""
    return frozenset(n for n in _toml("vocab.toml")["referents"]["amount_nouns"] if " " not in n)


def _one_noun(d: _Doc, a: int, b: int) -> bool:
    """Two counts of one noun that is told right after each and is no generic word: "The register holds 8,760
    households" … "We have more than 9,000 households waiting"."""
    ma, mb = d.m.by_fact.get(a), d.m.by_fact.get(b)
    if ma is None or mb is None or not ma.noun or ma.noun != mb.noun or " " in ma.noun:
        return False
    return d.facts[a].kind == d.facts[b].kind == "count" and bool(ma.concept) and ma.concept not in GENERIC_CONCEPTS


def _bounds_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """An exact figure told again later as a bound on the wrong side of it: "The average price of a home rose
    to £287,400" … "An average home at just under £280,000 is now seven times earnings". The two are one
    figure by their words (``BOUND_SHARED`` content words of their clauses in common) and their size (within
    ``BOUND_NEAR``); read only when no other figure of the family in the story meets the bound and shares
    those words (another thing the bound may tell), and the usual guards hold (another time, holder, source or
    a move between them). Evidence "bound": the bound broken is the finding ("just under £290,000" holds)."""
    tied: set[int] = set()
    for rels in built.values():
        for rel in rels.values():
            tied.update(i for r, i in rel.roles if r in _SWAP_TIED)
    figures = [(si, pos, fi, f) for si, pos, fi, f in d.figures(RESTATED_KINDS) if f.value is not None and f.value > 0]
    bags: dict[int, dict[str, str]] = {}

    def bag_of(si: int, pos: int, fi: int) -> dict[str, str]:
        if fi not in bags:
            bags[fi] = _bag(d, si, pos)
        return bags[fi]

    for si, pos, fi, f in figures:
        if f.hedge not in _BOUNDS or fi in tied or is_gap(d, fi) or d.m.by_fact[fi].roles & (_NOT_RESTATED - {"each"}):
            continue
        if d.supposed(si, pos):
            continue  # "that would mean a wage bill of no more than £150m": a bound a plan sets, no figure told
        assert f.value is not None
        near: list[tuple[int, int, int, Fact, str]] = []
        for es, epos, ei, e in figures:
            if ei == fi or family(e) != family(f) or e.unit != f.unit:
                continue
            assert e.value is not None
            if max(e.value, f.value) / min(e.value, f.value) > BOUND_NEAR:
                continue
            shared = bag_of(si, pos, fi).keys() & bag_of(es, epos, ei).keys()
            if _one_noun(d, fi, ei):
                shared = shared | {"=noun"}  # "holds 8,760 households" … "more than 9,000 households waiting"
            if es == si + 1 and _total_named(d, es, epos):
                shared = shared | {"=concept", "=known"}  # "More than 500 flights" … "put the total at 468"
            if _one_concept(d, fi, ei):
                # "raised £8,760" … "the almost £8,000 she has raised": one verb's concept, and the bound told as
                # known points back to a figure told before
                shared = shared | {"=concept"} | ({"=known"} if d.m.frame(fi).definite else set())
            if len(shared) >= BOUND_SHARED:
                told = bag_of(si, pos, fi)
                said = {told.get(w, d.m.frame(fi).concept) for w in shared - {"=noun"}} or {d.m.frame(fi).concept}
                near.append((es, epos, ei, e, " ".join(sorted(said))))
        if len(near) != 1:
            continue  # none, or two figures the bound may tell
        fs, fpos, first, e, words_shared = near[0]
        if (
            (fs >= si and not (fs == si + 1 and _total_named(d, fs, fpos)))
            or e.hedge != "exact"
            or first in tied
            or e.interval.overlaps(f.interval)
        ):
            continue  # told before it, plainly, and on the wrong side of it
        if _two_sources(d, fs, si) or _apart_as_known(d, first, fi) or _recounted(d, first, fi):
            continue
        fa, fb = d.m.frame(first), d.m.frame(fi)
        if (fa.period and fb.period and fa.period != fb.period) or fa.part != fb.part or _parts_apart(d, fs, si):
            continue  # another time
        words = d.m.words[si]
        lo, hi = _chunk(d, si, pos)
        flo, fhi = _chunk(d, fs, fpos)
        both = frozenset(d.m.words[fs][flo:fhi])  # "has raised £8,760" … "the £8,000 she has raised": one act
        if any(
            (w in d.v.another_cues and w not in both) or w in d.v.other_holders or w == "last" for w in words[lo:hi]
        ):
            continue  # "last year's", "its rival's": another time or holder
        if _past_in_clause(d, si, pos) - _past_in_clause(d, fs, fpos):
            continue
        known = _known_names(d, fs) | _known_names(d, 0)
        if not all(_name_known(n, known) for n in _holder_names(d, si, min(lo, d.m.clause_start(si, pos)), pos)):
            continue  # "In London, homes sell for just under £540,000": another holder or place
        # the one told first is the first ("More than 500 flights" … "put the total at 468")
        roles = (("first", first), ("second", fi)) if fs < si else (("first", fi), ("second", first))
        yield Relation(
            "restatement",
            roles,
            (),
            "document",
            (("lag", ""), ("concept", words_shared), ("scope", ""), ("evidence", "bound")),
        )


# --- a bound and one quantity told exactly, whichever comes first: "Almost 300 knives were handed in" …
# "In all, 318 blades were collected"; "In total, officers dealt with more than 10,000 cases" … "9,870" ---

# How far apart a bound and the exact figure may be when the two are known as one quantity by a total's
# words or by one concept rather than by shared words ("killed almost 500 people" … "584 deaths").
BOUND_WIDE = Decimal("1.25")


def _bound_totals(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A bound ("almost 300", "more than 10,000", "£1bn-plus") and the one exact figure of its family, unit
    and quantity told in another sentence, before or after it, on the wrong side of it. One quantity: either
    of the two is told as the story's total ("In all, 318 blades", "In total, ... more than 10,000 cases")
    or both count one concept that is no generic word ("almost 500 people" killed … "584 deaths"); within
    ``BOUND_WIDE``, and the only exact figure of the family that is. The guards of ``_bounds_told`` hold
    (another time, part, holder, source, a move or recount between). Evidence "bound"."""
    tied = {i for rels in built.values() for rel in rels.values() for r, i in rel.roles if r in _SWAP_TIED}
    figures = [(si, pos, fi, f) for si, pos, fi, f in d.figures(RESTATED_KINDS) if f.value is not None and f.value > 0]
    for si, pos, fi, f in figures:
        if f.hedge not in _BOUNDS or not _plain_figure(d, si, pos, fi, tied, _FORECAST):
            continue
        near = [
            (es, epos, ei)
            for es, epos, ei, e in figures
            if es != si and e.hedge == "exact" and _within_wide(f, e) and _one_quantity(d, fi, ei)
        ]
        if len(near) != 1:
            continue  # none, or two the bound may tell
        es, epos, ei = near[0]
        if not _plain_figure(d, es, epos, ei, tied, _FORECAST) or d.facts[ei].interval.overlaps(f.interval):
            continue
        if _forecast_against_result(d, fi, ei):
            continue  # "expects to sell more than 500" … "sold 468": a plan against a count
        if _told_apart(d, (si, pos, fi), (es, epos, ei)):
            continue
        roles = (("first", ei), ("second", fi)) if es < si else (("first", fi), ("second", ei))
        concept = d.m.frame(fi).concept or d.m.frame(ei).concept
        yield Relation(
            "restatement",
            roles,
            (),
            "document",
            (("lag", ""), ("concept", concept), ("scope", ""), ("evidence", "bound")),
        )


# The role and mood of a figure told of what is to come ("will cut 312 jobs").
_FORECAST = "forecast"


def _plain_figure(d: _Doc, si: int, pos: int, fi: int, tied: set[int], allowed: str = "") -> bool:
    """A figure that may be one quantity told again: no part, item, end of a change, gap, forecast or
    supposed figure ("that would mean no more than £150m"). A role in ``allowed`` (a forecast) is let through
    for a caller that holds the two figures to one mood itself."""
    m = d.m.by_fact.get(fi)
    barred = _NOT_RESTATED - {allowed}
    if m is None or fi in tied or is_gap(d, fi) or m.roles & barred or d.older_end(si, pos):
        return False
    return not d.supposed(si, pos)


def _forecast_against_result(d: _Doc, a: int, b: int) -> bool:
    """One of two figures is a forecast and the other is not told in a forecast's mood: "will cut 312 jobs"
    … "more than 350 jobs will go" are one plan told twice, "expects more than 500 visitors" … "468 came"
    are a plan and its result."""
    marked = _FORECAST in d.m.by_fact[a].roles | d.m.by_fact[b].roles
    return marked and not d.m.frame(a).mood == d.m.frame(b).mood == _FORECAST


def _within_wide(f: Fact, e: Fact) -> bool:
    """Two figures of one family and unit within ``BOUND_WIDE`` of each other."""
    if family(e) != family(f) or e.unit != f.unit or e.value is None or f.value is None or e.value <= 0:
        return False
    return max(e.value, f.value) / min(e.value, f.value) <= BOUND_WIDE


def _one_quantity(d: _Doc, a: int, b: int) -> bool:
    """Two figures the story tells of one quantity: both of one concept that is no generic word ("almost 500
    people" killed … "584 deaths"), or one told as a total ("In all, 318 blades were collected") of a
    concept the other counts in other words (``[restatement] counted_alike``: "Almost 300 knives") or of
    none ("In all, 318 were collected"). Two things counted apart ("almost 2,000 families" … "In all, 2,140
    food parcels") are two quantities."""
    ma, mb = d.m.by_fact.get(a), d.m.by_fact.get(b)
    if ma is None or mb is None:
        return False
    ca, cb = d.m.frame(a).concept, d.m.frame(b).concept
    if ca and ca == cb:
        return ca not in GENERIC_CONCEPTS
    if not ({"total"} & (ma.roles | mb.roles)):
        return False
    alike = _counted_alike()
    return not ca or not cb or (ca in alike and alike.get(ca) == alike.get(cb))


@functools.cache
def _counted_alike() -> dict[str, int]:
    """Each concept of ``[restatement] counted_alike`` and the number of its group."""
    groups = _toml("vocab.toml")["restatement"]["counted_alike"]
    return {str(w): n for n, group in enumerate(groups) for w in group}


def _told_apart(d: _Doc, bound: tuple[int, int, int], exact: tuple[int, int, int]) -> bool:
    """The bound and the exact figure are told of two things: two sources, two times or parts of a year,
    another holder or place named with either, a move or a recount between them."""
    (si, pos, fi), (es, epos, ei) = bound, exact
    first, later = (ei, fi) if es < si else (fi, ei)
    if _two_sources(d, min(si, es), max(si, es)) or _apart_as_known(d, first, later) or _recounted(d, first, later):
        return True
    fa, fb = d.m.frame(ei), d.m.frame(fi)
    if (fa.period and fb.period and fa.period != fb.period) or _parts_apart(d, es, si):
        return True
    if fa.part != fb.part and {fa.part, fb.part} != {"whole", ""}:
        return True  # a part of the time or of the whole; a total told plainly again is the quantity
    (fs, fpos), (ls, lpos) = sorted(((si, pos), (es, epos)))
    if _past_in_clause(d, ls, lpos) - _past_in_clause(d, fs, fpos) or _times_of(d, ls) - _times_of(d, fs):
        return True  # a time told only with the later one ("as of Tuesday"): another time's figure
    if _places_in(d, ls) - _places_in(d, fs):
        return True  # "In the south, 312 deaths were recorded": another place's count
    if si > es and d.m.frame(fi).definite:
        return True  # a bound told as known later ("The almost £8,000 they raised at"): ``_bounds_told``'s
    if _set_against(d, es, epos):
        return True  # "That compared with 78,882 cases": a yardstick, not the quantity told again
    chunks = [d.m.words[s][slice(*_chunk(d, s, p))] for s, p in ((si, pos), (es, epos))]
    acts = [_chunk_without_act(d, s, p) for s, p in ((si, pos), (es, epos))]
    for own, other in ((acts[0], chunks[1]), (acts[1], chunks[0])):
        if any((w in d.v.another_cues and w not in other) or w in d.v.other_holders or w == "last" for w in own):
            return True  # "last year's", "its rival's": another time or holder
    return not _holders_meet(d, (si, fi), (es, ei))


# Words of the hedges that may stand between a verb and its figure ("cut more than 300 jobs"), less the
# prepositions that make the figure a level the verb moved to or by ("cut to 300", "raised by £2m").
_HEDGE_TOKENS = frozenset(w for phrase in HEDGE_BEFORE for w in phrase.split()) - {
    "to", "up", "by", "from", "the", "of", "a", "an",
}  # fmt: skip


def _chunk_without_act(d: _Doc, si: int, pos: int) -> tuple[str, ...]:
    """The words of the figure's chunk less the verb whose object the figure is: in "will cut 312 jobs" or
    "raised almost £48,000" the verb tells the act the figure counts, no change of a figure told before
    (which "cut its stake to 5%" is)."""
    words = d.m.words[si]
    lo, hi = _chunk(d, si, pos)
    k = pos - 1
    while k >= lo and words[k] in _HEDGE_TOKENS:
        k -= 1
    if k >= lo and words[k] in d.v.another_cues:
        return words[lo:k] + words[k + 1 : hi]
    return tuple(words[lo:hi])


def _times_of(d: _Doc, si: int) -> frozenset[str]:
    """The dates, days, months, years and relative times a sentence tells ("as of Tuesday", "in 2023")."""
    return frozenset(
        d.facts[t.fact].text.lower() for t in d.m.tokens[si] if t.fact >= 0 and d.facts[t.fact].kind in _TIME_KINDS
    )


# Words before the place a sentence tells its figures of ("in the south", "across Wales").
_PLACE_OPENERS = frozenset({"in", "across", "throughout"})


def _places_in(d: _Doc, si: int) -> frozenset[str]:
    """The places a sentence tells its figures of: a place word, a side of a country or a name after "in",
    "across", "throughout" and its determiners ("In the south", "across Wales"), lower case."""
    words, toks = d.m.words[si], d.m.tokens[si]
    out: set[str] = set()
    for k in range(len(words) - 1):
        if words[k] not in _PLACE_OPENERS:
            continue
        j = k + 1
        while j < len(words) - 1 and words[j] in _DETERMINERS:
            j += 1
        w = words[j]
        if toks[j].fact < 0 and w.isalpha() and (w in PLACE_WORDS or w in COMPASS or toks[j].text[:1].isupper()):
            out.add(w)
    return frozenset(out)


@functools.cache
def _against_words() -> PhraseTable:
    """Words that set a figure against another ("compared with", "against"): ``comparisons.toml``
    ``[overtake] set_against``."""
    return PhraseTable.build((p, "against") for p in _toml("comparisons.toml")["overtake"]["set_against"])


def _set_against(d: _Doc, si: int, pos: int) -> bool:
    """A word that sets the figure at ``pos`` against another stands before it in its sentence: "That
    compared with 410 stoppages in a season of 3,020 fixtures"."""
    words = d.m.words[si][:pos]
    return any(_against_words().starting_at(words, k) for k in _against_words().starts_in(words))


def _holders_meet(d: _Doc, x: tuple[int, int], y: tuple[int, int]) -> bool:
    """The two figures' holders are one, or one is told without a holder, or a holder is named in the
    other's sentence ("the African country of Zimbabwe" … "Zimbabwe's ministry reported")."""
    (sx, fx), (sy, fy) = x, y
    hx, hy = d.m.frame(fx).holder, d.m.frame(fy).holder
    if not hx or not hy or same_holder(hx, hy):
        return True
    return any(h in " ".join(d.m.words[s]) for h, s in ((hx, sy), (hy, sx)))


def _alike_told(first: int, second: int, concept: str) -> Relation:
    """One quantity told twice, found by what the two tellings are alike in (``alike`` "yes")."""
    labels = (("lag", ""), ("concept", concept), ("scope", ""), ("evidence", ""), ("alike", "yes"))
    return Relation("restatement", (("first", first), ("second", second)), (), "document", labels)


# --- a level owned by a time told again: "up from 71.5% last winter" … "Last winter's 67.5%" -------------

# Kinds of time that may own a level by a possessive ("last year's", "2023's").
_OWNING_TIMES = frozenset({"relative", "year"})


def _owning_time(d: _Doc, si: int, pos: int) -> str:
    """The time that owns the figure at ``pos`` by a possessive right before it, as written without the
    "'s" ("last winter" for "Last winter's 67.5%", "2023" for "2023's 41,000"); "" when none."""
    k = d.hedge_start(si, pos) - 1
    t = d.fact_at(si, k)
    if t < 0 or d.facts[t].kind not in _OWNING_TIMES:
        return ""
    if k > 0 and d.m.words[si][k - 1] in _TOLD_AGAINST:
        return ""  # "compared unfavourably with 2003's 784m": a yardstick, not the level told again
    text = d.facts[t].text.lower()
    return text[:-2] if text.endswith(("'s", "’s")) else ""


def _older_at(d: _Doc, si: int, pos: int, when: str) -> bool:
    """The figure at ``pos`` is a change's older end told with the time ``when`` right after it: "up from
    71.5% last winter", "compared with 41,000 in 2023"."""
    if not d.older_end(si, pos):
        return False
    words = d.m.words[si]
    k = pos + 2 if pos + 1 < len(words) and words[pos + 1] == "in" else pos + 1
    t = d.fact_at(si, k)
    return t >= 0 and d.facts[t].kind in _OWNING_TIMES and d.facts[t].text.lower() == when


def _time_owned_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A level a time owns by a possessive ("Last winter's 67.5% had been the lowest") against the level the
    story told of that same time as a change's older end in the ``RATE_AGAIN_BACK`` sentences before ("up
    from 71.5% last winter"): one quantity of one time, told twice. Exactly one such earlier level of the
    later one's family is read; a figure tied as a part, item or end of another relation is not the level."""
    tied = _tied(d, built, "group")
    for si, pos, fi, f in d.figures(TOLD_AGAIN_KINDS):
        when = _owning_time(d, si, pos)
        if not when or fi in tied or d.older_end(si, pos):
            continue  # "up 6.5% on last year's 275,000" is itself the older end, read by the change
        found = [
            (es, ei)
            for es, epos, ei, e in d.figures(TOLD_AGAIN_KINDS)
            if si - RATE_AGAIN_BACK <= es
            and (es, epos) < (si, pos)
            and es != si
            and family(e) == family(f)
            and _older_at(d, es, epos, when)
        ]
        if len(found) != 1:
            continue
        es, first = found[0]
        if d.facts[first].interval.overlaps(f.interval) or _two_sources(d, es, si):
            continue
        a, b = d.m.frame(first).holder, d.m.frame(fi).holder
        if a and b and not same_holder(a, b):
            continue  # one holder's level of that time is not another's
        yield Relation(
            "restatement",
            (("first", first), ("second", fi)),
            (),
            "document",
            (("lag", ""), ("concept", when), ("scope", ""), ("evidence", "known")),
        )


# --- a figure told as known, one keystroke off the figure told before: "a crowd of 4,280" … "the 4,820 who
# turned up", "a 1.5GW solar farm" … "The 150MW scheme", "£4.15 a share" … "the 451p-a-share offer" ----------

SLIP_KINDS = frozenset({"count", "number", "money", "percent", "measure"})
# Digits a value must print for one digit changed in place, or added or dropped, to read as a slip ("34.8C"
# and "35.8C", "1,500MW" and "150MW"); "61%" and "68%", "£50" and "£150" are as likely two figures.
SLIP_CHANGED_DIGITS = 3
# Roles that make the later figure no telling of a quantity as known: a part, the rest, another one, a window.
_SLIP_NOT = frozenset({"part", "remainder", "another", "window"})
# Roles of a first-pass relation that make a figure another quantity than one told as known: a part, an
# item, the older end of a change or a range's end, a rival's figure set against it.
_SLIP_TIED = frozenset({"part", "item", "from", "low", "high", "rest", "b"})


def _places_apart(a: Decimal, b: Decimal) -> tuple[str, str]:
    """Both values' digits at the finer of their last places, less the zeros both end on: "24.6" and
    "26.4" → "246", "264"; "1,500" and "150" → "150", "15"; "2,040" and "2,400" → "204", "240"."""
    places = max(0, -a.normalize().as_tuple().exponent, -b.normalize().as_tuple().exponent)  # type: ignore[operator]
    da, db = str(int(a.scaleb(places))), str(int(b.scaleb(places)))
    zeros = min(len(da) - len(da.rstrip("0")), len(db) - len(db.rstrip("0")))
    return (da[: len(da) - zeros], db[: len(db) - zeros]) if zeros else (da, db)


def _one_keystroke(a: Decimal, b: Decimal) -> bool:
    """``b`` is ``a`` typed with one slip: two digits changed places ("4,280" and "4,820", "£26.4m" and
    "£24.6m"), one digit changed in place ("34.8C" and "35.8C"), or one digit added or dropped ("8%" and
    "18%", "1,500MW" and "150MW")."""
    if a == b or a <= 0 or b <= 0:
        return False
    da, db = _places_apart(a, b)
    if len(da) == len(db):
        diff = [i for i in range(len(da)) if da[i] != db[i]]
        return _two_swapped(da, db) or (len(diff) == 1 and len(da) >= SLIP_CHANGED_DIGITS)
    short, long_ = sorted((da, db), key=len)
    if len(long_) != len(short) + 1 or len(long_) < SLIP_CHANGED_DIGITS:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _slip_value(g: Fact, f: Fact) -> Decimal | None:
    """The earlier figure ``g`` in the unit of ``f``: money and counts as told, a measure converted to the
    later one's unit ("1.5GW" → 1,500 megawatts); None when the two measure different things."""
    if family(g) == family(f):
        return g.value
    if g.kind != "measure" or f.kind != "measure" or not g.unit or not f.unit or g.value is None:
        return None
    try:
        v = convert(g.value, g.unit, f.unit)
    except (ValueError, KeyError):
        return None
    # Across units only a slip of the unit's scale is read ("1.5GW" and "150MW"): "10.6km" and "10,500m" are
    # two lengths, not one mistyped.
    same = f.value is not None and v.normalize().as_tuple().digits == f.value.normalize().as_tuple().digits
    return v if same else None


# Tokens before a possessive cue that may still belong to the owner's phrase ("of the Dunmore service's 41").
SLIP_OWNER_REACH = 4


def _known_cue(d: _Doc, si: int, pos: int) -> str:
    """How the figure at ``pos`` is told as one the reader knows: "the", a possessive, "all" or "those"
    (``_told_again_cue``), or a pointing "that" or "this" ("will cover that £4.2m", ``_pointer``; "plans to
    cover that £4.2m")."""
    cue = _told_again_cue(d, si, pos)
    k = d.hedge_start(si, pos)
    words = d.m.words[si]
    if not cue and k > 0 and _pointer(d, si, k - 1, pos):
        cue = words[k - 1]
    for j in range(k - 2, max(-1, k - 2 - SLIP_OWNER_REACH), -1):
        if words[j] in _TOLD_AGAINST and not _acted_on(words, j):
            return ""  # "Fourteen of the service's 41 posts": a whole its part is told of
        if words[j] not in _DETERMINERS and not d.view.text[d.m.tokens[si][j].start :][:1].isupper():
            break
    if not cue and k >= 3 and words[k - 1] in ("that", "this") and words[k - 3] == "to":
        if words[k - 2].isalpha() and words[k - 2] not in d.v.that_clause_after:
            cue = words[k - 1]  # "plans to cover that £4.2m", "to meet this 2030 deadline": the verb's object
    return cue


# Tokens before a figure told as known that may name its holder ("the Westfield 4,820"); a name further back
# in its clause is more often who speaks of it ("chairman Neil Hodge hopes to build on the 4,820").
SLIP_NAME_REACH = 3
# Tokens after the figure whose time is the figure's own ("the 4,820 in 2019"); later ones date another
# figure of the clause ("the 451p offer valued it at 13 times last year's profits").
SLIP_TIME_AFTER = 3


def _times_before(d: _Doc, si: int, pos: int) -> frozenset[tuple[str, str]]:
    """The past times told with the figure: in its clause before it, or just after it ("last year's 4,820",
    "the 2019 crowd of 4,820", "the 4,820 in 2019")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    aside = _asides(words)
    hi = min(d.m.clause_end(si, pos), pos + 1 + SLIP_TIME_AFTER)
    return frozenset(
        (d.facts[toks[k].fact].kind, d.facts[toks[k].fact].text.lower())
        for k in range(d.m.clause_start(si, pos), hi)
        if k not in aside and toks[k].fact >= 0 and _past_time(d.facts[toks[k].fact])
    )


def _sibling(d: _Doc, si: int, pos: int, f: Fact) -> bool:
    """The figure's cue follows "and" or a comma after a figure of its family in its sentence: the second of
    a pair told side by side ("the 2,317 passengers had paid £21,000, and the 2,713 cars £30,000")."""
    words, toks = d.m.words[si], d.m.tokens[si]
    k = d.hedge_start(si, pos) - 1
    if k < 1 or words[k - 1] not in ("and", ","):
        return False
    return any(t.fact >= 0 and family(d.facts[t.fact]) == family(f) for t in toks[: k - 1])


# A preposition right after an amount that names the one thing it goes on ("£120m on roads").
SPENT_ON = frozenset({"on"})


def _slip_apart(d: _Doc, first: int, fi: int, cue: str) -> bool:
    """The later figure, told as known with ``cue``, is another quantity than the earlier one whatever its
    digits: narrowed after its noun ("the 12 deaths in the capital"), another owner ("the government's 32
    deaths"), a rival in its clause ("its rival's 4,820"), or a word of a move in its sentence ("has since
    risen")."""
    fs, _ = d.pos_of(first)
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    head = _told_noun(d, si, pos)
    before = frozenset(w.removesuffix("'s") for w in _sentence_words(d, fs))
    if head >= 0 and _narrowed(d, si, head, before, frozenset(_times(d, fs))):
        return True  # "the 12.1% rise in food sales", "the £121m profit it had forecast"
    if d.v.told_newer.intersection(words[pos + 1 : max(head, pos + 1) + 1]):
        return True  # "the 32 confirmed deaths": a newer count
    if head >= 0 and _compound(d, si, head) and words[head] in before and "-" not in words[pos + 1 : head]:
        return True  # "The tunnel cost £84m" … "the £48m tunnel extension": another thing made of the one told
        # ("the 21,000-guinea sale", "the 150MW Fenway scheme" name the thing told, by its size or name)
    if not _frames_agree(d, first, fi):
        return True  # "23 goals last season" … "His 32 goals this season"
    ha, hb = d.m.frame(first).holder, d.m.frame(fi).holder
    possessive = cue in _POSSESSIVES or cue.endswith("'s")
    if possessive and fs > 0 and ha and hb and not same_holder(ha, hb) and not _holder_told(d, ha, si):
        return True  # "The Liberal Democrats won 12" … "her party's 21 councillors": another owner's count
        # (after "the" a frame's holder is as often who speaks of the figure: "Analysts said the 451p offer")
    fwords, fpos = d.m.words[fs], d.pos_of(first)[1]
    if _unsure(d, fs, fpos, d.m.clause_end(fs, fpos)) and not _unsure(d, si, pos, d.m.clause_end(si, pos)):
        return True  # "forecast a profit of $63m" … "The $36m result": a guess against the figure
    spent_on = _places(d, fs, fpos + 1, _chunk(d, fs, fpos)[1], SPENT_ON)
    if fwords[fpos + 1 : fpos + 2] == ("on",) and not spent_on <= frozenset(words):
        return True  # "will spend £120m on roads" … "the £210m budget": one thing it is spent on, not the whole
    if cue.endswith("'s") and not _owner_known(d, si, pos, cue, before):
        return True
    clause = {w.removesuffix("'s") for w in words[d.m.clause_start(si, pos) : _chunk(d, si, pos)[1]]}
    if d.v.other_holders.intersection(clause):
        return True
    if fs != si:
        return _recounted(d, first, fi)
    # One sentence: only a move between the two ("rose 8% ... that 18% increase" is the move told again).
    between = words[d.pos_of(first)[1] + 1 : d.hedge_start(si, pos)]
    return any(_moved_word(d, between, k) for k in d.v.told_moved.starts_in(between))


def _slips_told(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A figure told as one the reader already knows ("the 4,820 who turned up", "Heathrow's 35.8C", "that
    £4.2m", "all 72") whose value the story never told, against the one earlier figure of its family and unit
    (a measure converted: "1.5GW" and "150MW"; pence and pounds: "£4.15" and "451p") that it is a single
    keystroke off (``_one_keystroke``): the definite word says the writer means a figure already given, and
    the slip says which. The words each tells it with may differ ("1,260kg probe" … "The 1,620kg craft",
    "questioned 2,040 people" … "its 2,400 responses"). Left alone: a later figure that is a part, the rest,
    another one, or an item or older end of another relation; two earlier values it could be a slip of; one
    told as known but apart (``_known_but_apart``: narrowed after its noun, another owner, a move); another
    holder named before it, another time in its clause, two sources, a recount between them. Evidence
    "swap"."""
    told = {frozenset((r.get("first"), r.get("second"))) for r in built.get("restatement", {}).values()}
    tied: set[int] = set()
    for rels in built.values():
        for rel in rels.values():
            tied.update(i for r, i in rel.roles if r in _SLIP_TIED)
    seen: list[tuple[int, Fact]] = []
    for si, pos, fi, f in d.figures(SLIP_KINDS):
        earlier = [(gi, g, v) for gi, g in seen if (v := _slip_value(g, f)) is not None]
        seen.append((fi, f))
        m = d.m.by_fact.get(fi)
        if m is None or f.value is None or fi in tied or m.roles & _SLIP_NOT:
            continue
        if any(
            v == f.value
            or (g.interval.bounded and g.hedge not in SIZE_BOUND_HEDGES and g.interval.overlaps(f.interval))
            for _, g, v in earlier
        ):
            continue  # the story told this value before ("about 4,800"): the figure tells that one again; a bound
            # ("fewer than 350 votes") tells no value
        cue = _known_cue(d, si, pos)
        if not cue or not _digits_of(f) or d.m.words[si][pos + 1 : pos + 2] == ("of",):
            continue  # a number word is no slip of the keys; "all 41 of the buildings" is a whole of a part
        # The earlier figures the cue may point at: a bound ("just over 2,200") is no value told, and one the
        # later figure is apart from ("Healthwatch's 2,400" and a count told of another body) is not it.
        cands = [
            (gi, g)
            for gi, g, v in earlier
            if _digits_of(g)
            and _one_keystroke(v, f.value)
            and g.hedge in ("exact", f.hedge)
            and not _slip_apart(d, gi, fi, cue)
        ]
        if len({g.value for _, g in cands}) != 1:
            continue  # none, or two earlier values it could be a slip of
        first = cands[-1][0]
        fs, _ = d.pos_of(first)
        mf = d.m.by_fact.get(first)
        if mf is None or mf.roles & (_SLIP_NOT - {"part"}) or frozenset((first, fi)) in told:
            continue
        if is_gap(d, first) != is_gap(d, fi):
            continue  # "beat them by 16 runs" … "the 61 they made": a margin is no figure told again
        if "short" in d.m.words[fs][d.pos_of(first)[1] + 1 : d.pos_of(first)[1] + 4]:
            continue  # "12 seats short of a majority" … "her party's 21 councillors": a gap, no count of the set
        if fs != si and _two_sources(d, fs, si):
            continue  # two sources' counts
        if _listed(d, si, pos, *_chunk(d, si, pos)) or _split_after(d, si, pos) or _sibling(d, si, pos, f):
            continue  # "the 2,317 passengers had paid £21,000, and the 2,713 cars £30,000": items of a list
        if _times_before(d, si, pos) - _times(d, fs):
            continue  # "last year's 4,820", "the 2019 crowd of 4,820": another time
        names = _holder_names(d, si, max(d.m.clause_start(si, pos), pos - SLIP_NAME_REACH), pos)
        known = _known_names(d, fs) | _known_names(d, 0)
        if not all(_name_known(n, known) for n in names):
            continue  # "the Westfield 4,820" against "a crowd of 4,280" at Eastfield: another holder named
        yield Relation(
            "restatement",
            (("first", first), ("second", fi)),
            (),
            "document",
            (
                ("lag", ""),
                ("concept", d.m.frame(fi).concept or d.m.frame(first).concept),
                ("scope", ""),
                ("evidence", "keystroke"),
            ),
        )


# --- an event named by its date as known: "in the final ... on Saturday 3 May" … "the 10 May final" ---------

# Words after "the <date>" that a noun of the event may take ("the 24 March police raid").
DATED_NOUN_REACH = 2


def _dated_nouns(d: _Doc, si: int, pos: int) -> frozenset[str]:
    """The words a date told as known may name its event by ("the 10 May final" → {"final"}, "the 24 March
    police raid" → {"police", "raid"}): the date's own text opens on "the" and words follow it."""
    f = d.facts[d.m.tokens[si][pos].fact]
    words, toks = d.m.words[si], d.m.tokens[si]
    if not f.text.lower().startswith("the "):
        return frozenset()
    out: set[str] = set()
    for k in range(pos + 1, min(len(words), pos + 1 + DATED_NOUN_REACH)):
        if toks[k].fact >= 0 or not words[k].isalpha() or words[k] in _ECHO_STOP:
            break
        out.add(singular(words[k]))
    return frozenset(out)


def _day_of(iso: str) -> str:
    """The month and day of an ISO date ("2025-03-14T06:30" → "03-14", "--05-03" → "05-03"), "" without a day."""
    m = re.search(r"(\d\d)-(\d\d)(?:T|$)", iso)
    return f"{m.group(1)}-{m.group(2)}" if m else ""


def _dates_told_as_known(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """An event named as known by its date ("the 10 May final", "the 24 March raid") against the one other
    day of that month the story tells the event on ("in the final at Priory Park on Saturday 3 May"; "Officers
    forced their way in on Friday 14 March", the raid of the headline): the event's noun stands in the other
    date's sentence, or in the headline when that date is the lead's. Not read when the story tells the named
    day elsewhere, or two other days of the month could be it. The evidence is the event itself (label
    ``evidence`` = "date"): one event has one day."""
    dated = [
        (fi, *d.pos_of(fi), _day_of(str(f.iso)))
        for fi, f in enumerate(d.facts)
        if f.kind == "date" and fi in d.m.by_fact and _day_of(str(f.iso))
    ]
    lead = _lead_sentences(d)
    heads = {singular(w) for w in d.m.words[0]} if len(d.view.doc.sentences) > 1 else set()
    for fi, si, pos, day in dated:
        nouns = _dated_nouns(d, si, pos)
        if not nouns or any(o[3] == day for o in dated if o[0] != fi):
            continue  # no event named, or the day told again elsewhere: the text keeps to it
        others = []
        for gi, gs, _, gday in dated:
            if gs == si or gday[:2] != day[:2]:
                continue
            said = {singular(w) for w in d.m.words[gs]}
            if nouns & said or (gs in lead and gs > 0 and nouns & heads):
                others.append((gi, gday))
        if len({g for _, g in others}) != 1:
            continue
        first, second = sorted((others[0][0], fi), key=lambda i: d.pos_of(i))
        yield Relation(
            "restatement",
            (("first", first), ("second", second)),
            (),
            "document",
            (("lag", ""), ("concept", min(nouns, key=len)), ("scope", ""), ("evidence", "date")),
        )
