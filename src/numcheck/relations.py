"""Relations: how figures relate across the whole document, each with the cues that show it.

Built once per document from the mentions (``mentions.Mentions``), by small
named builders that walk each sentence's tokens once; judges then test each
relation's arithmetic. Kinds and their roles:

- ``share``: ``part``, ``whole``, ``share`` ("70 of the 120 staff (48%)",
  "Of those, 70 (48%)" with "those" the 120 of the previous sentence);
- ``part``: ``part``, ``whole`` ("32 out of 23 agencies", "including $26bn");
- ``breakdown``: ``total`` and ``item`` (repeated); label ``inclusive`` when
  the items may be fewer than the total ("including");
- ``change``: ``from``, ``to`` and optionally ``stated`` (a % or an amount),
  labels ``direction`` ("up"/"down") and ``multiple`` ("doubled");
- ``range``: ``low``, ``high`` ("150 to 135 passengers", "between 8% and 6%");
- ``comparison``: ``a``, ``b``, label ``order`` ("above"/"below"): a is above
  (below) b ("Labour on 39% leads the Conservatives on 44%");
- ``portion``: ``share``, label ``whole`` (its noun phrase): a percentage
  that is a part of a whole ("80% of Ethiopians", "a 95% share");
- ``conversion``: ``figure``, ``conversion``, label ``hedge``: the same
  amount in other units, in brackets ("785m euros ($1bn; £540m)");
- ``qualifier``: ``figure`` and, for a fraction word, ``qualifier``; labels
  ``phrase`` and ``unit``: a word that says how large the figure set beside
  it is ("a majority (48%)", "thousands of fans, some 40,000").

Evidence grades a relation: ``clause`` (explicit cue next to the figures),
``sentence`` (within one sentence), ``document`` (across sentences through a
pronoun or a repeated noun). Nothing compares all pairs: every builder looks
at a bounded window of tokens around each figure, so building is linear in
the number of figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from numcheck import days
from numcheck.mentions import CLAUSE_END, CLAUSE_OPENERS, Mentions, Token
from numcheck.model import Fact, Span
from numcheck.patterns import View
from numcheck.vocab import singular

# Figure kinds that count or measure something and can stand in arithmetic.
AMOUNTS = frozenset({"count", "number", "money", "measure", "percent", "duration", "age"})
# Kinds that can be a whole or a part of one.
COUNTABLE = frozenset({"count", "number", "money"})
SHARES = frozenset({"percent", "share"})
# Words between a part and "of"/"out of" that still name the part ("12 staff of its 40").
PART_GAP = 3
# Words between "Of the 120 staff surveyed" and the part after its comma ("of the 17 people found guilty
# of terrorist acts in the UK since the attacks, only four").
OF_PHRASE_GAP = 14
# Words that may stand before such an opening "of": a clause start.
OF_OPENERS = frozenset({",", "and", "but", "that", "while", "whereas"})
# Words a list item may carry between figures ("£7.5m from the council's reserves and").
ITEM_GAP = 8
# Tokens a multiple word may stand before the first end of its change ("more than doubled its profit from").
MULTIPLE_REACH = 8
# Words that end the noun between a part and its "of" ("$4.37bn and earnings of $1.62"): another clause.
GAP_STOP = frozenset("and or but while whereas with were was are is have has had per each a an".split())
# Words before a figure that make "A to B" a tally or a score, not a range.
TALLY_WORDS = frozenset(
    "voted vote votes passed by won win beat beaten lost defeated margin ratio odds score scored majority".split()
)
# Words that introduce a breakdown after its total.
BREAKDOWN_OPEN = {
    ":": "exact",
    "including": "inclusive",
    "includes": "inclusive",
    "included": "inclusive",
    "comprising": "exact",
    "consisting": "exact",
    "of which": "inclusive",
    "of whom": "inclusive",
    "made up of": "exact",
    "split between": "exact",
    "split into": "exact",
    "divided between": "exact",
    "divided into": "exact",
    "broken down into": "exact",
    "among them": "inclusive",
}
# Words after a list of items that name its total: "..., bringing the total to 24".
TOTAL_AFTER = (
    ("bringing", "total"),
    ("taking", "total"),
    ("bringing", "the", "total", "to"),
    ("taking", "the", "total", "to"),
    ("bring", "the", "total", "to"),
    ("take", "the", "total", "to"),
    ("brings", "the", "total", "to"),
    ("takes", "the", "total", "to"),
    ("making", "a", "total", "of"),
    ("for", "a", "total", "of"),
    ("a", "total", "of"),
    ("in", "total"),
    ("making",),
    ("makes",),
    ("make",),
)
# Words after the newer figure (and its direction word) that name the older one: "B, up from A".
CHANGE_LINKS = (
    ("compared", "with"),
    ("compared", "to"),
    ("against",),
    ("versus",),
    ("vs",),
    ("from",),
    ("on",),
    ("over",),
)
# Words before a bare figure that make it a rank or a position ("at five", "to number two").
RANK_BEFORE = frozenset("at number no position place spot".split())
# Subjects that point back at the last figure: "In 2024 they rose to 25,000", "this has dropped to 76%".
PRONOUN_SUBJECTS = frozenset("they it".split())
NEAR_PRONOUNS = frozenset("this that".split())
VERBS = frozenset("is are was were has have had remained remains stood stands will would could".split())
DETERMINERS = frozenset("the a an its their his her our this that last".split())
# Tokens of a phrase closed by a comma between a figure and its link word ("in after-hours trade,").
ASIDE_PHRASE = 6
# A bracket between a figure and its link word holds at most this many tokens ("(£98m; 143m euros)").
ASIDE_BRACKET = 12
# Words of a time frame that may stand between a figure and its link word ("in the same period in 2003").
FRAME_WORDS = frozenset(
    """in the a of during for over at same period year years quarter quarters month months week weeks
    first second third fourth final last past previous this that fiscal financial half end start beginning
    earlier ago before three six nine twelve""".split()
)
FRAME_NOUNS = frozenset(
    "period year years quarter quarters month months week weeks half end start beginning earlier ago".split()
)
FRAME_KINDS = frozenset({"year", "date", "relative", "decade", "weekday", "time", "duration"})
# Words that make a figure the whole of a country or a total ("the country's", "nationwide").
NATIONAL_WORDS = frozenset(
    "country country's nation nation's national nationwide countrywide overall altogether total".split()
)
# Words that make a figure a place's part of a larger whole.
PLACE_WORDS = frozenset(
    "city town capital province state region district county village area municipality prefecture".split()
)
# Sentences after a national figure that a place's figure may stand and still be counted in it.
SCOPE_SENTENCES = 4
# Tokens back that the figure an elided list item borrows its noun from may stand.
ELIDED_REACH = 8
# Words that make a percentage a rate over its own period, not the change between two stated figures.
RATE_WORDS = frozenset("annualised annualized year-on-year rate".split())
# Capitalised words that are not names of who or what a figure belongs to.
NOT_NAMES = frozenset("the a an its it in on at mr mrs ms dr but and the uk us eu".split())
# Sentences back that a change's stated change may stand (besides the headline and the lead).
DISTANT_BACK = 3
# Tokens before a figure read for the names of whom it belongs to.
NAMES_REACH = 20
# Tokens back that the earlier figure of "they rose to B" may stand.
EARLIER_REACH = 40
# Tokens before "rose to B" read for its "from" and its subject.
WINDOW_TO = 16
# Tokens back that a sentence's "a decline in" may stand from the comparison it directs.
SENTENCE_DIRECTION_REACH = 30
# Tokens a direction verb may stand before the figure it governs ("losses had deepened to £51.6m").
DIRECTION_REACH = 8
# A share written as two counts: "70 out of 120", "12 of 23".
RATIO_TEXT = re.compile(r"^\s*(\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+)?(\d[\d,]*)\s*$")
# A count of listed names: at most this many ("Nine countries — ..."), its noun at most this many words,
# each name at most this many words, opened by one of these.
ENUM_MAX = 20
ENUM_NOUN = 6
ENUM_ITEM = 5
ENUM_OPEN = frozenset({"—", "–", ":", "(", "-"})
# Words after a figure that the verb said of it may stand ("55 statues were stolen", "nine subsequently died").
OUTCOME_REACH = 5
# Verbs of an answer, and the words that negate one ("60% saying they did not").
ANSWER_VERBS = frozenset("said saying say says thought think believed believe agreed agree".split())
NEGATIONS = frozenset("not didn't don't no never".split())
# Tokens back (per sentence) that the other shares of a remainder are read from.
REMAINDER_TOKENS = 60
# Sentences back (in one paragraph) that the other shares of a remainder may stand.
REMAINDER_BACK = 2
# Tokens back from a comma-set share ("…, less than a fourth of the 212") to its count.
SHARE_BEFORE_REACH = 14
# Tokens after a part that its share may stand, past the whole ("312 of them (32%)").
SHARE_AFTER_REACH = 9
# Tokens after a part that "the other 35" of the same whole may stand.
SIBLING_REACH = 20
# Tokens back from "including" to the whole it breaks down ("$23bn - a fraction of ... - including").
INCLUDING_REACH = 16
# Sentences back that the latest figure of a comparison's subject may stand ("Its profits ... were below").
SUBJECT_BACK = 2
# Words of a noun phrase between a figure and "compared with" ("496 properties over £1m sold compared to").
NOUN_PHRASE_SKIP = 6
# Tokens a stated change may stand from the nearer end of its change ("rose by almost 30% this year to").
STATED_REACH = 10
# Comparison words: the second figure within this many words after, the first within this many before.
COMPARE_HOLDER = 5
COMPARE_REACH = 14


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str
    roles: tuple[tuple[str, int], ...]  # role → index into View.facts; "item" repeats
    cues: tuple[Span, ...] = ()  # the words that gave the relation ("of those", "doubled")
    evidence: str = "clause"  # "clause" | "sentence" | "document" | "template"
    labels: tuple[tuple[str, str], ...] = ()

    def get(self, role: str) -> int | None:
        for r, i in self.roles:
            if r == role:
                return i
        return None

    def all(self, role: str) -> tuple[int, ...]:
        return tuple(i for r, i in self.roles if r == role)

    def label(self, name: str) -> str:
        for k, v in self.labels:
            if k == name:
                return v
        return ""

    @property
    def key(self) -> tuple[str, tuple[tuple[str, int], ...]]:
        return self.kind, self.roles


def family(f: Fact) -> str:
    """Figures of one family can be added, compared and divided: money by currency, measures by unit."""
    if f.kind in ("count", "number"):
        return "count"
    if f.kind == "money":
        return f"money:{f.unit}"
    if f.kind in ("measure", "duration", "age"):
        return f"{f.kind}:{f.unit}"
    return f.kind


def _bare(f: Fact) -> bool:
    return f.kind in ("count", "number") and not f.unit


def same_family(a: Fact, b: Fact, *, bare_ok: bool = False) -> bool:
    """``a`` and ``b`` measure alike; with ``bare_ok`` a bare first end takes the second's unit ("20 to 15%")."""
    if family(a) == family(b):
        return True
    return bare_ok and _bare(a) and b.kind in ("percent", "money", "measure", "count")


class _Doc:
    """One document's tokens and mentions, with the small readers the builders share."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.m = Mentions(view)
        self.v = self.m.vocab
        self.facts = view.facts

    def figures(self, kinds: frozenset[str] | None = None) -> Iterator[tuple[int, int, int, Fact]]:
        """(sentence, token position, fact index, fact) of every single-valued figure, in text order."""
        for si, toks in enumerate(self.m.tokens):
            for pos, tok in enumerate(toks):
                fi = tok.fact
                if fi < 0:
                    continue
                f = self.facts[fi]
                if f.is_range or f.value is None or (kinds is not None and f.kind not in kinds):
                    continue
                yield si, pos, fi, f

    def fact_at(self, si: int, pos: int) -> int:
        toks = self.m.tokens[si]
        return toks[pos].fact if 0 <= pos < len(toks) else -1

    def skip_hedge(self, si: int, pos: int) -> int:
        """Past a hedge phrase ("about", "just over") starting at ``pos``."""
        hit = self.v.hedges.starting_at(self.m.words[si], pos)
        return hit[1] if hit else pos

    def figure_after(self, si: int, pos: int, kinds: frozenset[str] | None = None) -> int:
        """The figure at ``pos`` (after an optional hedge), or -1."""
        j = self.skip_hedge(si, pos)
        fi = self.fact_at(si, j)
        if fi >= 0 and (kinds is None or self.facts[fi].kind in kinds):
            return fi
        return -1

    def span(self, si: int, a: int, b: int) -> Span:
        """The text span of tokens ``a`` to ``b - 1``."""
        toks = self.m.tokens[si]
        return Span(toks[a].start, toks[b - 1].end)

    def pos_of(self, fi: int) -> tuple[int, int]:
        mm = self.m.by_fact[fi]
        return mm.sentence, mm.position

    def antecedent(self, si: int, pos: int, part: int, check_concept: bool = False) -> int:
        """The whole a pronoun before or after ``part`` points back to: the nearest earlier countable figure.

        Same family and, where both name one, the same concept; years and
        figures already inside a share ("(48%)") are passed over.
        """
        pm = self.m.by_fact.get(part)
        pf = self.facts[part]
        for s2, k in self.m.previous_figures(si, pos, back=1):
            fi = self.fact_at(s2, k)
            f = self.facts[fi]
            if f.kind not in COUNTABLE or f.is_range or f.value is None or not same_family(f, pf):
                continue
            if f.value <= 1:
                continue  # "them", "those" are plural: never the "one shell" before them
            om = self.m.by_fact.get(fi)
            if check_concept and pm and om and pm.concept and om.concept and pm.concept != om.concept:
                continue
            return fi
        return -1


# --- attachment: which figure is a share of which, and of what whole ---------------------


def _attached_share(d: _Doc, si: int, pos: int) -> tuple[int, Span] | None:
    """A share written beside a count: "70 (48%)", "70, or 48%", "70, i.e. 48%"."""
    words = d.m.words[si]
    hit = d.v.same.starting_at(words, pos + 1)
    if not hit:
        return None
    fi = d.figure_after(si, hit[1], SHARES)
    if fi < 0:
        return None
    return fi, d.span(si, pos + 1, hit[1])


def _share_after_whole(d: _Doc, si: int, pos: int, whole: int) -> tuple[int, Span] | None:
    """A share given after the part's whole: "312 of them (32%)", "70 of the 120 staff, or 58%"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    for k in range(pos + 1, min(len(words), pos + SHARE_AFTER_REACH)):
        if words[k] in CLAUSE_END:
            return None
        fi = toks[k].fact
        if fi == whole:
            continue
        if fi >= 0:
            return None
        hit = d.v.same.starting_at(words, k)
        if hit and words[k] in ("(", ","):
            si_ = d.figure_after(si, hit[1], SHARES)
            if si_ >= 0:
                return si_, d.span(si, k, hit[1])
    return None


def _whole_after(d: _Doc, si: int, pos: int) -> tuple[int, Span, str] | None:
    """ "70 of the 120", "12 out of 23", "70 (48%) of the 120 staff", "34 of them" → the whole."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    part = toks[pos].fact
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
            elif (
                after < len(words)
                and (words[after] in d.v.anaphora or (words[after] == "this" and d.facts[part].kind == "money"))
                and after == j + 1 + (words[j] == "out")
            ):
                ante = d.antecedent(si, pos, part)
                if ante >= 0:
                    return ante, d.span(si, j, after + 1), "sentence"
                return None
            wi = d.figure_after(si, after, COUNTABLE)
            if wi < 0:
                wi = _figure_after_noun_of(d, si, after)  # "of the country's population of 23 million"
            wm = d.m.by_fact.get(wi)
            if wm is not None and "each" in wm.roles:
                return None  # "$1.62 per share" is a rate, no whole
            if wi >= 0 and _nouns_agree(d, part, wi, gap=words[gap_start:j]):
                return wi, d.span(si, j, after), "clause"
            return None
        j += 1
    return None


def _figure_after_noun_of(d: _Doc, si: int, start: int) -> int:
    """The figure after "<noun phrase> of" from ``start`` ("Syria's pre-war population of 23 million"), or -1."""
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


# Words after a part that do not name what it counts ("four of the 21", "70 said", "12 were").
_NOT_PART_NOUNS = frozenset(
    """of were was are is have has had said say says will would could did do in on at and or but to who which
    later subsequently eventually then also still already soon since""".split()
)


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
        ante = d.antecedent(si, k - 1, part)
        if ante >= 0:
            return ante, d.span(si, k - 1, k + 1), "sentence"
        return None
    # "Of the 120 staff surveyed, 70": a comma, a few words, the whole, "of" at the clause start.
    while j >= 0 and words[j] in ("only", "just", "some", "about", "around", "nearly", "almost"):
        j -= 1  # "..., only four of the 21"
    if j < 0 or words[j] != ",":
        return None
    i = j - 1
    while i >= 0 and j - i <= OF_PHRASE_GAP + 1:
        fi = toks[i].fact
        if fi >= 0 and d.facts[fi].kind in FRAME_KINDS:
            i -= 1
            continue  # "Of the 17 found guilty since 2001, ..."
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
            if (
                k >= 0
                and words[k] in ("of", "among", "from")
                and (k == 0 or words[k - 1] in CLAUSE_END or words[k - 1] in OF_OPENERS)
            ):
                said = words[pos + 1] if pos + 1 < len(words) else ""
                if said and said[0].isalpha() and said not in _NOT_PART_NOUNS and not said.endswith("ed"):
                    wm = d.m.by_fact.get(fi)
                    if wm and wm.concept and d.v.concept(said) != wm.concept:
                        return None  # "Of its 50 stores, 2 million shoppers": another noun, no part
                return fi, d.span(si, k, k + 1), "clause"
            return None
        if words[i] in CLAUSE_END:
            return None
        i -= 1
    return None


def _sibling_rest(d: _Doc, si: int, pos: int, like: Fact, whole: int) -> int:
    """A later figure of the sentence written as the rest of the same whole ("the other 35", "another 18")."""
    toks = d.m.tokens[si]
    words = d.m.words[si]
    for k in range(pos + 1, min(len(toks), d.m.clause_end(si, pos) + SIBLING_REACH, pos + 1 + SIBLING_REACH)):
        fi = toks[k].fact
        if fi < 0 or fi == whole:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS or f.kind in SHARES:
            continue
        cue = d.v.roles_before.ending_at(words, k)
        if cue and cue[0] in ("remainder", "another") and same_family(f, like) and f.value is not None:
            return fi
    return -1


def _including(d: _Doc, si: int, pos: int) -> tuple[int, Span, str] | None:
    """ "a budget of $23bn - more than last year - including almost $26bn for allies": the whole of a
    part after "including" is the nearest figure of its family before it in the sentence."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = pos
    hedge = d.v.hedges.ending_at(words, k)
    if hedge:
        k = hedge[1]
    if k == 0 or words[k - 1] not in ("including", "includes", "included", "include"):
        return None
    part = d.facts[toks[pos].fact]
    for back in range(k - 2, max(-1, k - 2 - INCLUDING_REACH), -1):
        fi = toks[back].fact
        if words[back] in CLAUSE_END:
            return None
        if fi < 0:
            continue
        f = d.facts[fi]
        if f.kind in FRAME_KINDS:
            continue
        if f.kind in COUNTABLE and same_family(f, part) and not f.is_range and f.value is not None:
            return fi, d.span(si, k - 1, k), "clause"
        return None
    return None


def _whole_by_noun(d: _Doc, si: int, pos: int, part: int) -> Relation | None:
    """ "$41bn - or 30% of the total debt": the whole is the figure the document gives for that noun."""
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
    wi = _lookup_whole(d.view, " ".join(noun), part, pi, si)
    if wi is None or not same_family(d.facts[wi], d.facts[part]):
        return None
    return Relation("share", (("part", part), ("whole", wi), ("share", pi)), (share[1],), "document")


def _share_before(d: _Doc, si: int, pos: int) -> tuple[int, Span] | None:
    """ "one tenth or nine million of its 49 million": the share written before its count."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = pos - 1
    if k >= 1 and words[k] == "or":
        fi = toks[k - 1].fact
        if fi >= 0 and d.facts[fi].kind in SHARES:
            return fi, d.span(si, k, k + 1)
    return None


def _count_before_share(d: _Doc, si: int, pos: int, whole: int) -> tuple[int, Span] | None:
    """ "only 56 patients were admitted on Thursday, less than a fourth of the 212 patients": a share set
    off by a comma after its count, whose whole follows it."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = pos
    hedge = d.v.hedges.ending_at(words, k)
    if hedge:
        k = hedge[1]
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
    wi = d.figure_after(si, hit[1], COUNTABLE)
    return (wi, d.span(si, pos + 1, hit[1])) if wi >= 0 else None


def _count_after_share(d: _Doc, si: int, pos: int, whole_pos: int) -> tuple[int, Span] | None:
    """ "20% of the 300 houses, or 90": the count given after the share's whole."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    j = whole_pos + 1
    while j < len(words) and j - whole_pos <= 6:
        if toks[j].fact >= 0 or words[j] in CLAUSE_END:
            return None
        if words[j] == "," and j + 1 < len(words) and words[j + 1] == "or":
            fi = d.figure_after(si, j + 2, COUNTABLE)
            return (fi, d.span(si, j, j + 2)) if fi >= 0 else None
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
                found = _whole_by_noun(d, si, pos, fi)
                if found is not None:
                    yield found
                continue
            if whole[0] == fi or not same_family(d.facts[whole[0]], f):
                continue
            wi, cue, evidence = whole
            yield Relation("part", (("part", fi), ("whole", wi)), (cue,), evidence)
            rest = _sibling_rest(d, si, pos, f, wi)
            if rest >= 0:
                # "Six of them hit the posts and the other 35 fell nearby": both from one whole.
                roles = (("total", wi), ("item", fi), ("item", rest))
                yield Relation("breakdown", roles, (cue,), evidence, (("inclusive", "yes"),))
            share = _attached_share(d, si, pos) or _share_after_whole(d, si, pos, wi) or _share_before(d, si, pos)
            if share:
                yield Relation("share", (("part", fi), ("whole", wi), ("share", share[0])), (cue, share[1]), evidence)
        elif f.kind == "share" and RATIO_TEXT.search(f.text):
            # "70 out of 120 staff, i.e. 48%": one figure that is part and whole at once.
            share = _attached_share(d, si, pos) or _share_after_whole(d, si, pos, fi)
            if share and d.facts[share[0]].kind == "percent":
                yield Relation("share", (("ratio", fi), ("share", share[0])), (share[1],), "clause")
        elif f.kind in SHARES:
            sw = _share_whole(d, si, pos)
            if sw is None:
                continue
            wi, cue = sw
            _, wpos = d.pos_of(wi)
            c = _count_after_share(d, si, pos, wpos) or _count_before_share(d, si, pos, wi)
            if c and same_family(d.facts[c[0]], d.facts[wi]):
                yield Relation("share", (("part", c[0]), ("whole", wi), ("share", fi)), (cue, c[1]), "clause")


# --- breakdowns: a total and its items -------------------------------------------------


def _items_from(d: _Doc, si: int, start: int, like: Fact, stop_at: int | None = None) -> list[int]:
    """Figures of ``like``'s family listed from token ``start``: "70 teachers, 40 support staff and 10 others"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    out: list[int] = []
    gap = 0
    j = start
    end = len(words) if stop_at is None else stop_at
    while j < end:
        fi = toks[j].fact
        if fi >= 0:
            f = d.facts[fi]
            if f.kind in ("percent", "share") and like.kind not in ("percent", "share"):
                j += 1
                gap += 1
                continue  # "70 teachers (58%)": the share beside an item is no item
            if not same_family(f, like) or f.is_range or f.value is None:
                break
            out.append(fi)
            gap = 0
        elif words[j] in (".", "!", "?", ";"):
            break
        else:
            gap += 1
            if gap > ITEM_GAP:
                break
        j += 1
    return out


def _breakdowns(d: _Doc) -> Iterator[Relation]:
    for si, pos, fi, f in d.figures(COUNTABLE):
        words, toks = d.m.words[si], d.m.tokens[si]
        # A total, a few words, then an opener: "120 staff: 70 ...", "£9m, including £6m ...".
        j = pos + 1
        while j < len(words) and j - pos <= 4 and toks[j].fact < 0 and words[j] not in (".", ";", "!", "?"):
            opener = _opener(words, j)
            if opener:
                label, after = opener
                items = _items_from(d, si, after, f)
                if len(items) >= 2 or (label == "inclusive" and items):
                    yield Relation(
                        "breakdown",
                        (("total", fi),) + tuple(("item", i) for i in items),
                        (d.span(si, j, after),),
                        "clause",
                        (("inclusive", "yes" if label == "inclusive" else ""),),
                    )
                break
            j += 1
        # Items then "bringing the total to T".
        total = _total_after(d, si, pos)
        if total is not None:
            ti, cue_start, cue_end = total
            items = _items_back(d, si, pos, f)
            cue = d.span(si, cue_start, cue_end)
            if len(items) >= 2:
                yield Relation("breakdown", (("total", ti),) + tuple(("item", i) for i in items), (cue,), "clause")
            elif items and same_family(d.facts[ti], f):
                # "saved £75m in 2023, bringing total savings to £100m": one item is part of its total.
                yield Relation("part", (("part", items[0]), ("whole", ti)), (cue,), "clause")


def _opener(words: Sequence[str], j: int) -> tuple[str, int] | None:
    for phrase, label in BREAKDOWN_OPEN.items():
        toks = tuple(phrase.split())
        if tuple(words[j : j + len(toks)]) == toks:
            return label, j + len(toks)
    return None


def _total_after(d: _Doc, si: int, pos: int) -> tuple[int, int, int] | None:
    """After the last item: ", bringing the total to 24" → (total figure, cue start, cue end)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    j = pos + 1
    while j < len(words) and j - pos <= 6 and words[j] not in (".", ";", "!", "?"):
        if toks[j].fact >= 0 and d.facts[toks[j].fact].kind not in FRAME_KINDS:
            break  # another amount: the total belongs to it
        for phrase in TOTAL_AFTER:
            if tuple(words[j : j + len(phrase)]) == phrase:
                end = j + len(phrase)
                if phrase[-1] == "total":
                    # "bringing total cost savings to £100m": the total's noun, then "to".
                    k = end
                    while k < len(words) and k - end < 3 and words[k] != "to" and toks[k].fact < 0:
                        k += 1
                    if k >= len(words) or words[k] != "to":
                        continue
                    end = k + 1
                ti = d.figure_after(si, end, COUNTABLE)
                if ti >= 0:
                    return ti, j, end
        j += 1
    return None


def _items_back(d: _Doc, si: int, pos: int, like: Fact) -> list[int]:
    """The listed figures ending at ``pos``, walking back while the gaps are short."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    out = [toks[pos].fact]
    gap = 0
    j = pos - 1
    while j >= 0:
        fi = toks[j].fact
        if fi >= 0:
            f = d.facts[fi]
            if not same_family(f, like) or f.is_range or f.value is None:
                break
            out.append(fi)
            gap = 0
        elif words[j] in CLAUSE_END:
            break
        else:
            gap += 1
            if gap > ITEM_GAP:
                break
        j -= 1
    return out[::-1]


# --- changes, ranges, comparisons --------------------------------------------------------


def _changes_and_ranges(d: _Doc) -> Iterator[Relation]:
    for si, pos, ai, _ in d.figures(AMOUNTS):
        words, toks = d.m.words[si], d.m.tokens[si]
        prev = pos - 1
        while prev >= 0 and d.v.hedges.ending_at(words, prev + 1) and toks[prev].fact < 0:
            hit = d.v.hedges.ending_at(words, prev + 1)
            assert hit is not None
            prev = hit[1] - 1
        before = words[prev] if prev >= 0 else ""
        # "A to B", "A- to B-", "A-B", "between A and B", "from A ($x) in 2003 to B".
        link, j = _link(d, si, pos, before)
        if link:
            bi = d.figure_after(si, j + 1)
            if bi >= 0 and bi != ai:
                b = d.facts[bi]
                if b.kind in AMOUNTS and not b.is_range and b.value is not None:
                    yield from _pair(d, si, pos, prev, before, link, ai, bi, j)
        # "B, up from A", "B, up 30% from A", "B, a $597m improvement from A", "B compared with A".
        yield from _back_change(d, si, pos, ai)


def skip_aside(d: _Doc, si: int, j: int) -> int:
    """Past what may stand between a figure and the word that ties it to the next: a bracketed
    conversion ("($6.13bn)", "(£98m; 143m euros)") and a time frame ("in 2003", "a year earlier",
    "at the end of 2003", "during October to December", "in the same period")."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    n = len(words)
    while j < n:
        if words[j] == "(":
            k = j + 1
            while k < n and words[k] != ")" and k - j <= ASIDE_BRACKET:
                k += 1
            if k < n and words[k] == ")":
                j = k + 1
                continue
            return j
        each = d.v.roles_after.starting_at(words, j)
        if each and each[0] == "each":
            j = each[1]  # "to 17 cents a share from 44 cents"
            continue
        fr = d.v.frames.starting_at(words, j)
        if fr and fr[0] == "past" and words[j] not in ("from", "before", "then", "once"):
            j = fr[1]
            continue

        def framing(k: int) -> bool:
            if toks[k].fact >= 0:
                return d.facts[toks[k].fact].kind in FRAME_KINDS
            if words[k] == "to":  # "the three months to December": "to" before a date only
                return k + 1 < n and toks[k + 1].fact >= 0 and d.facts[toks[k + 1].fact].kind in FRAME_KINDS
            return words[k] in FRAME_WORDS

        if framing(j):
            k = j
            while k < n and framing(k):
                k += 1
            # A frame holds a date or a frame noun ("in 2003", "in the same period"), not just "in the".
            if any(toks[x].fact >= 0 or words[x] in FRAME_NOUNS for x in range(j, k)):
                j = k
                continue
        if words[j] in ("in", "on", "at", "during", "for"):
            # "in after-hours trade, from", "in the October-to-December period, down from": a short phrase
            # closed by a comma, with no figure in it but a date.
            k = j + 1
            while k < n and k - j <= ASIDE_PHRASE and words[k] not in (",", "(") and words[k] not in CLAUSE_END:
                if toks[k].fact >= 0 and d.facts[toks[k].fact].kind not in FRAME_KINDS:
                    break
                k += 1
            if k < n and words[k] == "," and k - j <= ASIDE_PHRASE:
                return k
        return j
    return j


def _link(d: _Doc, si: int, pos: int, before: str) -> tuple[str, int]:
    """The word joining a figure at ``pos`` to the next one: ("to" | "and" | "-", its index), or ("", -1)."""
    words = d.m.words[si]
    nxt = words[pos + 1] if pos + 1 < len(words) else ""
    if nxt == "-" and pos + 2 < len(words) and words[pos + 2] in ("to", "and"):
        return words[pos + 2], pos + 2  # "200- to 300-seat"
    if nxt in ("to", "and", "-"):
        return nxt, pos + 1
    # "from £3.24bn ($6.13bn) in 2003 to £2.59bn": asides only inside a change that says "from".
    j = skip_aside(d, si, pos + 1)
    if j > pos + 1 and j < len(words) and words[j] == "to" and _from_before(words, pos) >= 0:
        return "to", j
    return "", -1


def _from_before(words: Sequence[str], pos: int) -> int:
    """Index of a "from" at most three words before ``pos`` ("from his favoured 400m"), or -1."""
    for k in range(pos - 1, max(-1, pos - 4), -1):
        if words[k] == "from":
            return k
        if words[k] in CLAUSE_END or words[k] == ",":
            return -1
    return -1


def _pair(
    d: _Doc, si: int, pos: int, prev: int, before: str, link: str, ai: int, bi: int, j: int
) -> Iterator[Relation]:
    a, b = d.facts[ai], d.facts[bi]
    words = d.m.words[si]
    cue = d.span(si, j, j + 1)
    from_at = _from_before(words, pos)
    if link == "to" and from_at >= 0:
        if same_family(a, b, bare_ok=True):
            yield _change(d, si, ai, bi, (d.span(si, from_at, from_at + 1), cue))
        return
    if link == "and" and before != "between":
        return
    if link in ("to", "-") and (before in TALLY_WORDS or _governed(d, si, pos)):
        return
    if a.kind in ("year", "date") or not same_family(a, b, bare_ok=True):
        return
    if link == "-":
        toks = d.m.tokens[si]
        if toks[j].start != a.span.end or toks[j].end != b.span.start and words[j + 1 : j + 2] != ("to",):
            return  # "£35bn - £2.5bn": a spaced dash is punctuation, not a range
        if _bare(a) and _bare(b):
            return  # "3-1" is a score, "6-4" a set, "2004-05" a season: a range needs a unit on one end
    cues = (d.span(si, prev, prev + 1), cue) if before == "between" else (cue,)
    yield Relation("range", (("low", ai), ("high", bi)), cues, "clause")


def _governed(d: _Doc, si: int, pos: int) -> bool:
    """A direction verb right before the figure ("rose 10 to 12", "cut by 40 to 35") makes it a change."""
    words = d.m.words[si]
    k = pos - 1
    if k >= 0 and words[k] == "by":
        k -= 1
    return k >= 0 and d.v.direction.ending_at(words, k + 1) is not None


def _change(
    d: _Doc,
    si: int,
    ai: int,
    bi: int,
    cues: tuple[Span, ...],
    direction: str = "",
    stated: tuple[int, str, Span | None] | None = None,
) -> Relation:
    """A change from ``ai`` to ``bi``, with its stated change and direction read from the clause."""
    roles: list[tuple[str, int]] = [("from", ai), ("to", bi)]
    labels: list[tuple[str, str]] = []
    cue_list = list(cues)
    bm, am = d.m.by_fact.get(bi), d.m.by_fact.get(ai)
    stated = stated or _stated(d, si, ai, bi)
    if stated is not None:
        roles.append(("stated", stated[0]))
        direction = direction or stated[1] or ""
        if stated[2]:
            cue_list.append(stated[2])
    factor = _multiple_in_clause(d, si, ai, bi)
    word = _multiple_word(d, si, ai, bi) if factor is None else None
    if word is not None:
        labels.append(("multiple", word[0]))
        cue_list.append(word[1])
        direction = direction or ("up" if d.v.multiples[word[0]] > 1 else "down")
    if factor is not None:
        fi, factor_word = factor
        roles.append(("factor", fi))
        labels.append(("multiple", factor_word))
        _, fpos = d.pos_of(fi)
        hedge = d.v.hedges.ending_at(d.m.words[si], fpos)
        if hedge:
            labels.append(("hedge", hedge[0]))
        cue_list.append(d.facts[fi].span)
        value = d.facts[fi].value
        if not direction and value is not None:
            direction = "up" if value > 1 else "down" if value < 1 else ""
    for mm in (bm, am):
        if mm and mm.direction and not direction:
            direction = mm.direction
            if mm.direction_span:
                cue_list.append(mm.direction_span)
        if mm and mm.multiple and factor is None:
            labels.append(("multiple", mm.multiple))
            if mm.direction_span:
                cue_list.append(mm.direction_span)
    if direction:
        labels.append(("direction", direction))
    return Relation("change", tuple(roles), tuple(dict.fromkeys(cue_list)), "clause", tuple(labels))


def _multiple_in_clause(d: _Doc, si: int, ai: int, bi: int) -> tuple[int, str] | None:
    """A multiple figure ("doubled", "a threefold rise", "tripled") in the clause before the change's ends."""
    _, apos = d.pos_of(ai)
    _, bpos = d.pos_of(bi)
    first = min(apos, bpos)
    lo = d.m.clause_start(si, first)
    toks = d.m.tokens[si]
    words = d.m.words[si]
    for k in range(first - 1, max(lo, first - MULTIPLE_REACH) - 1, -1):
        if words[k] == "," or words[k] in CLAUSE_OPENERS:
            break
        fi = toks[k].fact
        if fi >= 0 and d.facts[fi].kind == "multiple" and d.facts[fi].value is not None:
            return fi, d.facts[fi].text.lower()
        if fi >= 0:
            break
    return None


def _multiple_word(d: _Doc, si: int, ai: int, bi: int) -> tuple[str, Span] | None:
    """A multiple written as a word the fact table leaves alone: "a threefold rise in profits ... to"."""
    _, apos = d.pos_of(ai)
    _, bpos = d.pos_of(bi)
    first = min(apos, bpos)
    lo = d.m.clause_start(si, first)
    words = d.m.words[si]
    for k in range(first - 1, max(lo, first - MULTIPLE_REACH) - 1, -1):
        if words[k] == "," or words[k] in CLAUSE_OPENERS or d.m.tokens[si][k].fact >= 0:
            break
        if words[k] in d.v.multiples:
            return words[k], d.span(si, k, k + 1)
    return None


def _stated(d: _Doc, si: int, ai: int, bi: int) -> tuple[int, str, Span | None] | None:
    """The stated change in the clause of a change: a figure governed by a direction word ("rose 30%"),
    or given after the change (", or 12.9%")."""
    b = d.facts[bi]
    _, apos = d.pos_of(ai)
    _, bpos = d.pos_of(bi)
    words = d.m.words[si]
    toks = d.m.tokens[si]
    last = max(apos, bpos)
    # "fell from 7,613 to 6,630, or 12.9%": the change restated as a share of the start.
    if last + 2 < len(words) and words[last + 1] == "," and words[last + 2] == "or":
        ci = d.figure_after(si, last + 3, frozenset({"percent"}))
        if ci >= 0:
            return ci, "", None
    near = min(apos, bpos)
    lo = max(d.m.clause_start(si, near), near - 2 * STATED_REACH)
    hi = min(d.m.clause_end(si, last), last + 2 * STATED_REACH)
    # Nearest first: in "rose £300m to £700m, while ... rose from £340m to £400m" each change keeps its own.
    order = sorted(range(lo, hi), key=lambda k: abs(k - near))
    for k in order:
        if abs(k - near) > STATED_REACH and not (near <= k <= last):
            break
        ci = toks[k].fact
        if ci < 0 or ci in (ai, bi):
            continue
        c = d.facts[ci]
        cm = d.m.by_fact.get(ci)
        if cm is None or c.is_range or c.value is None:
            continue
        if c.kind in ("percent", "points"):
            pass
        elif same_family(c, b) and c.kind != "percent":
            # An amount is a stated change only after "by" or a direction verb ("rose by $697m", "gained 983").
            prev = words[k - 1] if k > 0 else ""
            if prev != "by" and not (cm.direction and prev not in ("from", "to", "of", "at")):
                continue
        else:
            continue
        if k > 0 and words[k - 1] in ("from", "to"):
            continue  # an end of another change, not a stated change
        if cm.direction:
            return ci, cm.direction, cm.direction_span
        # "a 52% rise", "an 8.1% increase": the direction word right after.
        hit = d.v.direction.starting_at(words, k + 1)
        if hit:
            return ci, hit[0], d.span(si, k + 1, hit[1])
    return None


_SCALE = re.compile(r"(bn|m|k|tn|million|billion|trillion|thousand)\b", re.IGNORECASE)


def _scale(f: Fact) -> str:
    """The scale word a figure is written with ("m" in "18m", "billion"), lower-cased, or ""."""
    m = _SCALE.search(f.text)
    return m.group(1).lower() if m else ""


def _skip_noun_phrase(d: _Doc, si: int, j: int) -> int:
    """Past the newer figure's noun phrase when a comparison link follows it: "496 properties over £1m
    sold compared to 469" (nouns, a bounded figure, a participle; nothing else)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    k = j
    while k < len(words) and k - j < NOUN_PHRASE_SKIP:
        if tuple(words[k : k + 2]) in (("compared", "with"), ("compared", "to")) or words[k] == "against":
            return k
        w = words[k]
        if toks[k].fact >= 0:
            if k > j and words[k - 1] in ("over", "under", "above", "below", "worth", "of"):
                k += 1
                continue
            return j
        if not w[0].isalpha() or w in _NOT_PART_NOUNS or w in CLAUSE_OPENERS:
            return j
        k += 1
    return j


def _back_change(d: _Doc, si: int, pos: int, bi: int) -> Iterator[Relation]:
    """The newer figure first: "$3.4bn, down from $3.8bn", "25,000, up 30% from 20,000",
    "$850m, a $597m improvement from $153m", "77m euros (£53m) ..., up from 18m", "469m compared with 496m"."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    b = d.facts[bi]
    if pos > 0 and words[pos - 1] in ("a", "an", "by") and d.v.direction.starting_at(words, pos + 1):
        return  # "a $597m improvement from $153m": the stated change, not the newer figure
    j = skip_aside(d, si, pos + 1)
    j = _skip_noun_phrase(d, si, j)
    comma = j < len(words) and words[j] == ","
    if comma:
        j += 1
    start = j
    direction = ""
    stated: tuple[int, str, Span | None] | None = None
    # "up 30% from", "down by $20m on", "a $597m improvement from", "an 8% rise on"
    k = j
    if k < len(words) and words[k] in ("a", "an"):
        k += 1
    if k < len(words) and (words[k].endswith("ly") or words[k] in ("well", "still", "just")):
        k += 1  # "slightly down from", "sharply up on"
    hit = d.v.direction.starting_at(words, k)
    if hit:
        direction, k = hit[0], hit[1]
        if k < len(words) and words[k] == "by":
            k += 1
        ci = d.figure_after(si, k)
        if ci >= 0 and d.facts[ci].kind in ("percent", "points", "money", "count", "number", "measure"):
            _, cpos = d.pos_of(ci)
            stated = (ci, direction, d.span(si, start, hit[1]))
            k = cpos + 1
    else:
        ci = d.figure_after(si, k)
        if ci >= 0 and k == start + (words[start] in ("a", "an")):
            _, cpos = d.pos_of(ci)
            after = d.v.direction.starting_at(words, cpos + 1)
            if after:
                direction = after[0]
                stated = (ci, direction, d.span(si, cpos + 1, after[1]))
                k = after[1]
    phrase_at = k
    for phrase in CHANGE_LINKS:
        if tuple(words[phrase_at : phrase_at + len(phrase)]) != phrase:
            continue
        m = phrase_at + len(phrase)
        # "from the £130m", "from November's 4.5%", "on last year's 12%"
        while (
            m < len(words)
            and m - (phrase_at + len(phrase)) < 3
            and toks[m].fact < 0
            and (words[m] in DETERMINERS or words[m].endswith("'s"))
        ):
            m += 1
        ai = d.figure_after(si, m)
        if ai < 0 or ai == bi:
            return
        a = d.facts[ai]
        # "77m euros ..., up from 18m": a bare older figure takes the newer one's currency or unit.
        alike = same_family(a, b) or (_bare(a) and b.kind in ("money", "measure") and _scale(a) == _scale(b) != "")
        if a.is_range or a.value is None or not alike or a.kind in ("year", "date"):
            return
        if stated is not None and stated[0] == ai:
            return
        if not direction:
            direction = _clause_direction(d, si, pos)
            if not direction and phrase in (("from",), ("on",), ("over",)):
                return  # "25,000 from 20,000" with no direction word in its clause is no change
        if _bare(a) and _bare(b) and pos > 0 and words[pos - 1] in RANK_BEFORE:
            return  # "at five, up from 13", "to number two": ranks or positions, not amounts
        cue = d.span(si, start, phrase_at + len(phrase))
        yield _change(d, si, ai, bi, (cue,), direction, stated)
        return


def _verb_like(word: str) -> bool:
    return word in VERBS or word.endswith("ed")


def _clause_direction(d: _Doc, si: int, pos: int) -> str:
    """The nearest direction word before ``pos`` in its clause ("rose by 30%, to 25,000 from"), or ""."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    lo = max(d.m.clause_start(si, pos), pos - DIRECTION_REACH)
    for k in range(pos, lo, -1):
        fi = toks[k - 1].fact
        if fi >= 0 and d.facts[fi].kind == "multiple" and d.facts[fi].value is not None:
            return "up" if (d.facts[fi].value or 0) > 1 else "down"  # "halving its dividend to 17 cents from 44"
        hit = d.v.direction.ending_at(words, k)
        if hit and hit[1] >= lo and words[k - 1] not in ("more", "less", "up", "down"):
            return hit[0]
    # "There was a decline in the number of homes sold, with 496 ... compared to 469": the sentence's
    # "a <change> in" names the direction of what it goes on to compare.
    for k in range(max(0, pos - SENTENCE_DIRECTION_REACH), pos - 2):
        if words[k] in ("a", "an") and words[k + 2] == "in":
            hit = d.v.direction.starting_at(words, k + 1)
            if hit and hit[1] == k + 2:
                return hit[0]
    return ""


def _to_without_from(d: _Doc) -> Iterator[Relation]:
    """ "In 2023 sales were 20,000. In 2024 they rose 30% to 25,000.", "… 70% of the market in 2009;
    this has dropped to 76% today": a figure reached ("rose to", "has dropped to") with no "from" in its
    clause starts from the last figure of the same thing, found through a pronoun or the same noun."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            bi = tok.fact
            if bi < 0:
                continue
            hedge = d.v.hedges.ending_at(words, pos)
            at = hedge[1] if hedge else pos  # "dropped to approximately 76 percent"
            if at == 0 or words[at - 1] != "to":
                continue
            b = d.facts[bi]
            if b.kind not in ("count", "number", "money", "percent", "measure") or b.is_range or b.value is None:
                continue
            lo = max(d.m.clause_start(si, pos), pos - WINDOW_TO)
            if "from" in words[lo:pos] or _has_from_after(d, si, pos):
                continue
            pos_to = at - 1
            direction = _clause_direction(d, si, pos)
            if not direction:
                continue
            said = set(words[lo:pos])
            # "they", "it" may point to the sentence before; "this", "that" only inside their sentence.
            pronoun = bool(said & PRONOUN_SUBJECTS) or bool(said & NEAR_PRONOUNS)
            concept = _subject_concept(d, bi)
            if pronoun and concept in said:
                concept = ""  # the subject is the pronoun itself
            ai = _earlier_same(d, si, lo, b, concept, pronoun, not (said & PRONOUN_SUBJECTS))
            if ai < 0:
                continue
            stated = _stated(d, si, bi, bi)
            evidence = "sentence" if d.facts[ai].sentence == si else "document"
            rel = _change(d, si, bi, bi, (d.span(si, pos_to, pos_to + 1),), direction, stated)
            roles = tuple((r, ai if r == "from" else i) for r, i in rel.roles)
            yield Relation("change", roles, rel.cues, evidence, rel.labels)


def _has_from_after(d: _Doc, si: int, pos: int) -> bool:
    words = d.m.words[si]
    j = skip_aside(d, si, pos + 1)
    if j < len(words) and words[j] == ",":
        j += 1
    return j < len(words) and words[j] in ("from", "compared", "against", "on", "versus", "vs")


def _earlier_same(d: _Doc, si: int, lo: int, b: Fact, concept: str, pronoun: bool, same_only: bool) -> int:
    """The nearest figure before token ``lo`` of sentence ``si`` (or in the sentence before, unless
    ``same_only``) of ``b``'s family and, unless a pronoun points at it, naming the same concept."""
    for s2 in (si,) if same_only else (si, si - 1):
        if s2 < 0:
            break
        toks = d.m.tokens[s2]
        top = lo if s2 == si else len(toks)
        for k in range(top - 1, max(-1, top - 1 - EARLIER_REACH), -1):
            ai = toks[k].fact
            if ai < 0:
                continue
            a = d.facts[ai]
            if a.kind in FRAME_KINDS or a.kind == "multiple":
                continue
            if not same_family(a, b) or a.is_range or a.value is None:
                if pronoun:
                    return -1  # the pronoun's antecedent is the nearest figure; it is another quantity
                continue
            other = _subject_concept(d, ai)
            if pronoun and (not concept or not other or other == concept):
                return ai
            if concept and other == concept:
                return ai
            return -1
    return -1


def _versus_year(d: _Doc) -> Iterator[Relation]:
    """ "14.27 million tonnes in 2004, 34% higher than in 2003" … "In 2003, production totalled 11.49
    million tonnes": a stated change against a year whose figure the text gives elsewhere."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            ci = tok.fact
            if ci < 0 or d.facts[ci].kind != "percent":
                continue
            hit = d.v.direction.starting_at(words, pos + 1)
            if not hit or words[hit[1] : hit[1] + 1] != ("than",):
                continue
            k = hit[1] + 1
            if k < len(words) and words[k] == "in":
                k += 1
            yi = d.fact_at(si, k)
            iso = d.facts[yi].iso if yi >= 0 and d.facts[yi].kind == "year" else None
            if not iso:
                continue
            year = iso[:4]
            # The newer figure: the nearest amount before the stated change in its clause.
            bi = next(
                (
                    toks[b].fact
                    for b in range(pos - 1, max(d.m.clause_start(si, pos), pos - STATED_REACH) - 1, -1)
                    if toks[b].fact >= 0 and d.facts[toks[b].fact].kind in ("count", "number", "money", "measure")
                ),
                -1,
            )
            if bi < 0:
                continue
            ai = _figure_in_year(d, si, year, d.facts[bi], bi)
            if ai < 0:
                continue
            cues = (d.span(si, pos + 1, k + 1),)
            yield Relation(
                "change", (("from", ai), ("to", bi), ("stated", ci)), cues, "document", (("direction", hit[0]),)
            )


def _figure_in_year(d: _Doc, si: int, year: str, like: Fact, not_this: int) -> int:
    """A figure of ``like``'s family whose clause is set in ``year``, within two sentences of ``si``."""
    for s2 in sorted(range(max(0, si - 2), min(len(d.m.tokens), si + 3)), key=lambda x: abs(x - si)):
        for tok in d.m.tokens[s2]:
            fi = tok.fact
            if fi < 0 or fi == not_this:
                continue
            f = d.facts[fi]
            if f.is_range or f.value is None or not same_family(f, like) or f.kind in FRAME_KINDS:
                continue
            if d.m.by_fact[fi].frame == year:
                return fi
    return -1


def _comparisons(d: _Doc) -> Iterator[Relation]:
    """A comparison word between two figures of one family: "4.2%, slightly below the African average
    of 4%", "spending of $3bn ... is well below his promise of $2bn", "Labour lead the Conservatives by
    39% to 44%". The second figure follows the word closely; the first is the nearest before it."""
    for si in range(len(d.m.tokens)):
        words = d.m.words[si]
        j = 0
        while j < len(words):
            hit = d.v.comparison.starting_at(words, j)
            if not hit or (j > 0 and words[j - 1] in ("a", "an", "the")):
                j += 1
                continue
            order, after = hit
            rel = _comparison_at(d, si, j, after, order)
            if rel is not None:
                yield rel
            j = after


def _comparison_at(d: _Doc, si: int, j: int, after: int, order: str) -> Relation | None:
    words = d.m.words[si]
    toks = d.m.tokens[si]
    # "lead the Conservatives by 39% to 44%": both figures after the word.
    framed = after
    while framed < len(words) and toks[framed].fact >= 0 and d.facts[toks[framed].fact].kind in FRAME_KINDS:
        framed += 1  # "well above 2003's 9.8%"
    k = framed
    while k < len(words) and k - after <= COMPARE_HOLDER and toks[k].fact < 0 and words[k] not in CLAUSE_END:
        if words[k] == "by":
            ai = d.figure_after(si, k + 1)
            if ai >= 0:
                _, apos = d.pos_of(ai)
                if apos + 1 < len(words) and words[apos + 1] in ("to", "-"):
                    bi = d.figure_after(si, apos + 2)
                    if bi >= 0 and same_family(d.facts[ai], d.facts[bi]) and not _bare(d.facts[ai]):
                        return Relation(
                            "comparison", (("a", ai), ("b", bi)), (d.span(si, j, after),), "clause", (("order", order),)
                        )
            return None
        k += 1
    if framed == after and after < len(words) and toks[after].fact >= 0:
        return None  # "above 50%", "more than 500": a hedge on the figure, not a comparison
    bi = d.figure_after(si, k) if k < len(words) else -1
    if bi < 0:
        return None
    b = d.facts[bi]
    if b.kind not in AMOUNTS or b.is_range or b.value is None:
        return None
    # The first figure: the nearest one before the word, past frames ("during 2004") and asides.
    for back in range(j - 1, max(-1, j - COMPARE_REACH), -1):
        if words[back] in (";", ".", "!", "?", ":"):
            return _earlier_subject(d, si, j, after, bi, order)
        if words[back] in ("and", "but") and back + 1 < j and _verb_like(words[back + 1]):
            # "... 784m euro figure and were well below": "were" has another subject
            return _earlier_subject(d, si, j, after, bi, order)
        ai = toks[back].fact
        if ai < 0:
            continue
        a = d.facts[ai]
        if a.kind in FRAME_KINDS:
            continue
        if a.kind in ("percent", "money", "measure") and same_family(a, b) and not a.is_range and a.value is not None:
            return Relation(
                "comparison", (("a", ai), ("b", bi)), (d.span(si, j, after),), "clause", (("order", order),)
            )
        am, bm = d.m.by_fact.get(ai), d.m.by_fact.get(bi)
        if _bare(a) and _bare(b) and am and bm and am.concept and am.concept == bm.concept:
            return Relation(
                "comparison", (("a", ai), ("b", bi)), (d.span(si, j, after),), "clause", (("order", order),)
            )
        return None
    if j - COMPARE_REACH <= 0:
        return _earlier_subject(d, si, j, after, bi, order)  # no figure before the word in its sentence
    return None


def _earlier_subject(d: _Doc, si: int, j: int, after: int, bi: int, order: str) -> Relation | None:
    """ "Its profits slid to 20m euros. ... Mercedes' profits ... were well below expectations of 14m
    euros": no figure before the word in its clause, so the subject's latest figure stands for it."""
    words = d.m.words[si]
    lo = d.m.clause_start(si, j)
    known = [w for w in words[lo:j] if w in d.v.concepts]
    if not known:
        return None
    concept = d.v.concepts[known[0]]
    names = frozenset(w.removesuffix("'s") for w in words[lo:j])
    b = d.facts[bi]
    for s2 in range(si - 1, max(-1, si - SUBJECT_BACK - 1), -1):
        for tok in reversed(d.m.tokens[s2]):
            ai = tok.fact
            if ai < 0:
                continue
            a = d.facts[ai]
            if a.is_range or a.value is None or not same_family(a, b) or a.kind in FRAME_KINDS:
                continue
            if _subject_concept(d, ai) != concept or (d.m.by_fact[ai].roles & {"forecast"}):
                continue
            other = _names(d, ai)
            if other and not other & names:
                continue
            return Relation(
                "comparison", (("a", ai), ("b", bi)), (d.span(si, j, after),), "document", (("order", order),)
            )
    return None


# --- portions: a percentage of a whole noun ----------------------------------------------

# Words of a whole's noun phrase after "of" ("of the Indian domestic airline market").
PORTION_NP = 6
# Words that end a whole's noun phrase: a preposition or a verb starts what is said of it.
_NP_STOP = frozenset(
    """in on at for from to with by as than and or but who which that said say says were was are is be been
    have has had will would could can did do outside inside across over under between against during after
    before since within among""".split()
)
_PRONOUNS = frozenset("it that this what which those these them him her its".split())


def _portions(d: _Doc) -> Iterator[Relation]:
    """A percentage as a portion of a whole: "80% of Ethiopians", "45% of the market", "a 95% share".

    Label ``whole`` is the whole's noun phrase. Left out: a ratio to another
    quantity ("120% of GDP", "150% of its 2003 level"), a change ("up 150%",
    "rose by 150%", "a 150% rise"), a percentage with a ratio cue before it
    ("debt equal to 120% of"), and a whole given as a figure ("of the 120
    staff", which the share relation reads).
    """
    v = d.v
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind != "percent" or d.facts[fi].is_range:
                continue
            # A ratio or change cue before the figure (past a hedge: "rose by almost 150%").
            k = pos
            hedge = v.hedges.ending_at(words, k)
            if hedge:
                k = hedge[1]
            named = v.share_before.ending_at(words, k)
            if named and _of_ratio_base(d, si, pos + 1):
                continue  # "debt represents 150% of GDP": a ratio
            if named:  # "a turnout of 105%", "a market share of 130%", "accounts for 140% of"
                cue = d.span(si, named[1], k)
                yield Relation("portion", (("share", fi),), (cue,), "clause", (("whole", named[0]),))
                continue
            if v.ratio_cues.ending_at(words, k) or v.direction.ending_at(words, k):
                continue
            j = pos + 1
            if j < len(words) and (v.direction.starting_at(words, j) or words[j] in ("more", "higher", "lower")):
                continue  # "a 150% rise", "150% more"
            said = v.respondent_verbs.starting_at(words, j)
            if said and (k == 0 or words[k - 1] in (",", "and", "but", "while", "that", "whereas", ";")):
                # "... found that 120% said they would", "while 130% own a phone": a share of those asked
                yield Relation(
                    "portion", (("share", fi),), (d.span(si, j, said[1]),), "clause", (("whole", "those asked"),)
                )
                continue
            held = v.holding_nouns.starting_at(words, j)
            if held:
                h = held[1]
                whole = _portion_whole(d, si, h + 1) if h < len(words) and words[h] == "of" else None
                noun = " ".join(words[whole[0] : whole[1]]) if whole else "its whole"
                yield Relation("portion", (("share", fi),), (d.span(si, j, h),), "clause", (("whole", noun),))
                continue
            if j >= len(words) or words[j] != "of":
                continue
            whole = _portion_whole(d, si, j + 1)
            if whole is not None:
                a, b = whole
                noun = " ".join(words[a:b])
                yield Relation("portion", (("share", fi),), (d.span(si, j, b),), "clause", (("whole", noun),))


def _of_ratio_base(d: _Doc, si: int, j: int) -> bool:
    """ "of GDP", "of its 2003 level" after token ``j``: the percentage is a ratio to another quantity."""
    words = d.m.words[si]
    if j >= len(words) or words[j] != "of":
        return False
    k = j + 1
    while k < len(words) and words[k] in _DETERMINERS:
        k += 1
    for m in range(k, min(len(words), k + PORTION_NP)):
        if words[m] in CLAUSE_END or words[m] in _NP_STOP:
            break
        if d.v.ratio_bases.starting_at(words, m) or d.v.frames.starting_at(words, m) or d.m.tokens[si][m].fact >= 0:
            return True
    return False


def _portion_whole(d: _Doc, si: int, start: int) -> tuple[int, int] | None:
    """The noun phrase after "of" as token bounds, or None when it is a ratio base, a figure or a pronoun."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    v = d.v
    j = start
    while j < len(words) and words[j] in ("the", "a", "an", "its", "their", "his", "her", "our", "all", "this"):
        j += 1
    a = j
    while j < len(words) and j - a < PORTION_NP:
        w = words[j]
        if toks[j].fact >= 0:
            if j == a:
                return None  # "of the 120 staff", "of its 2003 level": a figure names the whole
            break
        if w in CLAUSE_END or w in _NP_STOP or not w[0].isalpha() and w != "'" and w != "-":
            break
        if j > a and (w.endswith("ed") or w in ("into", "onto", "upon")):
            break  # "of the viewing public tuned in": the verb ends the whole
        if v.ratio_bases.starting_at(words, j) or v.frames.starting_at(words, j):
            return None
        j += 1
    if j == a or words[a] in _PRONOUNS:
        return None
    return a, j


# --- conversions: a figure and the same amount in other units -----------------------------

# Figures a bracket may hold as conversions of the figure before it: "$186m (£98m; 143m euros)".
CONVERTIBLE = frozenset({"money", "measure"})


def _conversions(d: _Doc) -> Iterator[Relation]:
    """ "785m euros ($1bn)", "$186m (£98m; 143m euros)", "about 19,800 yen (145 euros)".

    Roles ``figure`` and ``conversion``; label ``hedge`` ("yes" when the
    conversion carries "about" or "approximately").
    """
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            ai = tok.fact
            if ai < 0 or d.facts[ai].kind not in CONVERTIBLE or pos + 1 >= len(words) or words[pos + 1] != "(":
                continue
            a = d.facts[ai]
            j = pos + 2
            while j < len(words):
                k = d.skip_hedge(si, j)
                bi = d.fact_at(si, k)
                if bi < 0 or d.facts[bi].kind != a.kind:
                    break
                hedge = "yes" if k > j else ""
                yield Relation(
                    "conversion",
                    (("figure", ai), ("conversion", bi)),
                    (d.span(si, pos + 1, pos + 2),),
                    "clause",
                    (("hedge", hedge),),
                )
                j = k + 1
                if j < len(words) and words[j] in (";", ",", "or", "/"):
                    j += 1
                    continue
                break


# --- qualifiers: a word that says how large its figure is --------------------------------

# Words a qualifier's noun phrase may hold before the figure beside it ("a majority of the
# party's voters (48%)", "more than two-thirds of those questioned, 63%").
QUALIFIER_NP = 6
# Punctuation that sets a figure beside its qualifier: "(48%)", ", 63%,", "- 62%".
_APPOSITION = frozenset({"(", ",", "-", "–", "—"})
_DETERMINERS = frozenset("the its their his her our a an this that".split())


def _qualifiers(d: _Doc) -> Iterator[Relation]:
    """ "A majority (48%)", "more than half (45%) of those asked", "thousands of fans, some 40,000".

    Roles: ``figure`` and, for a fraction word that is a figure of its own
    ("two-thirds", "just under three-quarters"), ``qualifier``. Labels:
    ``phrase`` (the key in the qualifier table, or "" for a fraction word),
    ``unit`` ("share" or "count").
    """
    v = d.v
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        i = 0
        while i < len(words):
            qi = toks[i].fact
            hit = v.qualifiers.starting_at(words, i) if qi < 0 else None
            if qi >= 0:
                f = d.facts[qi]
                if f.kind != "share" or f.value is None or f.value > 1:
                    i += 1
                    continue
                phrase, unit, end = "", "share", i + 1
            elif hit is not None:
                phrase, end = hit
                unit = v.ranges[phrase][0]
                if phrase == "most" and (
                    (i > 0 and words[i - 1] in _DETERMINERS) or (end < len(words) and words[end] in v.not_after_most)
                ):
                    i = end
                    continue  # "the most popular gadget", "most likely": a superlative
            else:
                i += 1
                continue
            fi, cue_end = _beside(d, si, end, unit)
            if fi < 0:
                fi = _beside_before(d, si, i, end, unit)
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
                    "clause",
                    (("phrase", phrase), ("unit", unit)),
                )
            i = end


def _beside_before(d: _Doc, si: int, i: int, end: int, unit: str) -> int:
    """The figure a qualifier at tokens ``i``..``end`` stands in apposition after: "45%, a majority,",
    "45% of members, a clear majority" → the figure, or -1."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if i < 2 or words[i - 1] not in _APPOSITION:
        return -1
    if end + 1 < len(words) and words[end] == "of" and words[end + 1] in ("them", "whom", "those", "these", "which"):
        return -1  # "45%, a majority of them women": the qualifier is of another group
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


def _beside(d: _Doc, si: int, j: int, unit: str) -> tuple[int, int]:
    """The figure set beside a qualifier ending at token ``j``, past its noun phrase: (fact, token) or (-1, -1)."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    kinds = SHARES if unit == "share" else frozenset({"count", "number"})
    start = j
    while j < len(words) and j - start <= QUALIFIER_NP:
        w = words[j]
        if w in _APPOSITION:
            k = j + 1
            if k < len(words) and words[k] in ("or", "i.e.", "ie"):
                k += 1
            fi = d.figure_after(si, k, kinds)
            if fi < 0:
                return -1, -1
            _, pos = d.pos_of(fi)
            after = words[pos + 1 : pos + 3]
            if len(after) == 2 and after[0] == "of" and after[1] in ("them", "whom", "which"):
                return -1, -1  # "a majority, 45% of them women": a share of the majority
            if after and after[0] in ("more", "fewer", "extra", "other", "others"):
                return -1, -1  # "thousands of fans, 400 more than last year"
            return fi, pos
        if w in CLAUSE_END or w in GAP_STOP and w not in ("a", "an"):
            return -1, -1
        fi = toks[j].fact
        if fi >= 0 and d.facts[fi].kind not in ("age", "ordinal"):
            return -1, -1  # another figure first: "most of the 120 staff" is a share relation
        j += 1
    return -1, -1


def _subject_concept(d: _Doc, fi: int) -> str:
    """What a figure is about, from its subject or the noun after it ("" when nothing names it)."""
    f = d.facts[fi]
    m = d.m.by_fact.get(fi)
    if f.subject:
        c = d.v.head_concept(f.subject)
        if c:
            return c
    if m is not None and m.noun:
        return d.v.head_concept(m.noun)
    return ""


def _stated_concept(d: _Doc, fi: int) -> str:
    """What a stated change is a change in: "a 60% drop in profits" → profit, "profits tripled" → profit."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    hit = d.v.direction.starting_at(words, pos + 1)
    if hit and hit[1] < len(words) and words[hit[1]] in ("in", "of"):
        j = hit[1] + 1
        while j < len(words) and words[j] in ("the", "its", "their", "annual", "quarterly", "net"):
            j += 1
        if j < len(words) and d.m.tokens[si][j].fact < 0:
            return d.v.head_concept(" ".join(words[j : j + 2]))
    # "Boeing said earnings during the last quarter dropped by 64%", "earnings ... halved": the thing
    # named before the figure (or its verb) in its clause.
    m = d.m.by_fact.get(fi)
    lo = d.m.clause_start(si, pos)
    toks = d.m.tokens[si]
    verb = pos
    if m is not None and m.direction_span is not None:
        verb = next((k for k in range(lo, pos) if toks[k].start >= m.direction_span.start), pos)
    known = [w for k, w in enumerate(words[lo:verb], start=lo) if toks[k].fact < 0 and w in d.v.concepts]
    if known:
        return d.v.concepts[known[0]]
    return _subject_concept(d, fi)


def _distant_stated(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A change whose stated change or multiple is in an earlier sentence of the same thing:
    "Profits fell 43%." … "Net income fell to 537m euros, from 798m euros a year ago."."""
    changes = list(built.get("change", {}).values())
    used: set[int] = set()
    for rel in changes:
        used.update(i for _, i in rel.roles)
    for rel in changes:
        if rel.evidence != "clause" or rel.get("stated") is not None or rel.get("factor") is not None:
            continue
        ai, bi = rel.get("from"), rel.get("to")
        if ai is None or bi is None:
            continue
        concept = _subject_concept(d, bi) or _subject_concept(d, ai)
        if not concept:
            continue
        si = d.facts[bi].sentence
        back = sorted({x for x in (0, 1, *range(si - DISTANT_BACK, si)) if 0 <= x < si}, reverse=True)
        names = _names(d, bi)
        for s2 in back:
            found = _stated_in(d, s2, concept, used, d.facts[bi], names, bi)
            if found is None:
                word = _multiple_word_in(d, s2, concept)
                if word is not None and d.facts[bi].kind != "percent":
                    labels = dict(rel.labels)
                    labels["multiple"] = word[0]
                    labels["direction"] = "up" if d.v.multiples[word[0]] > 1 else "down"
                    cues = rel.cues + (word[1],)
                    yield Relation("change", rel.roles, cues, "document", tuple(sorted(labels.items())))
                    break
                continue
            ci, role, label = found
            roles = rel.roles + ((role, ci),)
            labels = dict(rel.labels)
            labels.update(label)
            yield Relation("change", roles, rel.cues + (d.facts[ci].span,), "document", tuple(sorted(labels.items())))
            break


def _names(d: _Doc, fi: int) -> frozenset[str]:
    """Capitalised names in the figure's clause before it ("Danish brewer Carlsberg suffered ...").

    A capital that only starts the clause ("Reporting its results ...") is no name unless the word is
    possessive or the next word is capitalised too ("British Airways").
    """
    si, pos = d.pos_of(fi)
    lo = max(d.m.clause_start(si, pos), pos - NAMES_REACH)
    text = d.view.text
    toks = d.m.tokens[si]
    out: set[str] = set()
    for k in range(lo, pos):
        tok = toks[k]
        raw = text[tok.start : tok.end]
        word = tok.text.removesuffix("'s")
        if tok.fact >= 0 or not raw[:1].isupper() or word in NOT_NAMES:
            continue
        if k == lo and not tok.text.endswith("'s"):
            nxt = toks[k + 1] if k + 1 < pos else None
            if nxt is None or nxt.fact >= 0 or not text[nxt.start : nxt.start + 1].isupper():
                continue
        out.add(word)
    return frozenset(out)


def _multiple_word_in(d: _Doc, si: int, concept: str) -> tuple[str, Span] | None:
    """ "Boeing said earnings ... halved because of costs": a multiple word whose clause names ``concept``
    before it."""
    words = d.m.words[si]
    for k, w in enumerate(words):
        if w not in d.v.multiples:
            continue
        lo = d.m.clause_start(si, k)
        known = [x for x in words[lo:k] if x in d.v.concepts]
        if known and d.v.concepts[known[0]] == concept:
            return w, d.span(si, k, k + 1)
        if not known and concept in {singular(x) for x in words[max(lo, k - 3) : k]}:
            return w, d.span(si, k, k + 1)  # "bilateral trade up threefold": the noun just before
    return None


def _rate_words(d: _Doc, fi: int) -> frozenset[str]:
    """Words in a figure's clause that make it a rate over a period of its own ("an annual rate")."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    lo = max(d.m.clause_start(si, pos), pos - NAMES_REACH)
    return frozenset(words[lo : min(d.m.clause_end(si, pos), pos + NAMES_REACH)]) & RATE_WORDS


def _stated_in(
    d: _Doc, si: int, concept: str, used: set[int], like: Fact, names: frozenset[str], like_index: int
) -> tuple[int, str, dict[str, str]] | None:
    for tok in d.m.tokens[si]:
        ci = tok.fact
        if ci < 0 or ci in used:
            continue
        other = _names(d, ci)
        if names and other and not names & other:
            continue  # "Carlsberg suffered a 3% fall" is not Heineken's change
        if _rate_words(d, ci) - _rate_words(d, like_index):
            continue  # "rose at an annual rate of 10.7%" is not the month's change
        c = d.facts[ci]
        cm = d.m.by_fact.get(ci)
        if cm is None or c.value is None or c.is_range:
            continue
        if c.kind == "multiple" and _stated_concept(d, ci) == concept:
            value = c.value
            return ci, "factor", {"multiple": c.text.lower(), "direction": "up" if value > 1 else "down"}
        if c.kind == "percent" and like.kind != "percent" and _stated_concept(d, ci) == concept:
            _, pos = d.pos_of(ci)
            words = d.m.words[si]
            after = d.v.direction.starting_at(words, pos + 1)
            direction = cm.direction or (after[0] if after else "")
            if direction:
                return ci, "stated", {"direction": direction}
    return None


# --- enumerations and remainders ----------------------------------------------------------------


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
            while j < len(words) and j - pos <= ENUM_NOUN and words[j] not in ENUM_OPEN and toks[j].fact < 0:
                if words[j] in CLAUSE_END or words[j] == ",":
                    break
                j += 1
            if j >= len(words) or words[j] not in ENUM_OPEN or j == pos + 1:
                continue
            items = _list_items(d, si, j + 1, closing=")" if words[j] == "(" else "")
            if items is None:
                continue
            count, end = items
            cue = Span(toks[j].start, toks[end - 1].end)
            labels = (("items", str(count)), ("list", text[toks[j + 1].start : toks[end - 1].end]))
            yield Relation("enumeration", (("count", fi),), (cue,), "clause", labels)


def _list_items(d: _Doc, si: int, start: int, closing: str) -> tuple[int, int] | None:
    """Count the capitalised names listed from token ``start`` ("A, B, C and D"): (count, end token).

    None unless every item is a short capitalised name and the list has at least two items.
    """
    text = d.view.text
    words = d.m.words[si]
    toks = d.m.tokens[si]
    count = 0
    item_len = 0
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
        if item_len == 0 and w == "the":
            j += 1
            continue
        if toks[j].fact >= 0 or (item_len == 0 and not raw[:1].isupper()):
            if item_len == 0 and count >= 2 and not closing:
                break  # the list is over: "... and the US — have promised"
            return None
        item_len += 1
        if item_len > ENUM_ITEM:
            return None
        j += 1
    if item_len:
        count += 1
    if closing and (j >= len(words) or words[j] != closing):
        return None
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
    return any(d.v.direction.starting_at(words, k) for k in range(len(words)))


def _placed_shares(d: _Doc) -> Iterator[Relation]:
    """ "Of the bondholders, 68.4% reside in Argentina, 15.6% in Italy, 10.3% in Switzerland and 3.1% in
    Japan": shares of one whole, each in another place, so together at most 100%."""
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
        if len(items) >= 3:
            yield Relation("shares", tuple(("item", i) for i in items), (), "clause")


def _answer_pairs(d: _Doc) -> Iterator[Relation]:
    """ "53% of those polled said they had sympathy for him, with 60% saying they did not": an answer and its
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
            for gi, gverb, gsi in reversed(earlier):
                if gverb not in wanted or gi == fi:
                    continue
                gm = d.m.by_fact.get(gi)
                if named and gm is not None and gm.concept and d.v.concept(noun) != gm.concept:
                    continue  # "40 people were arrested ... 12 cars were found": another noun
                yield Relation("part", (("part", fi), ("whole", gi)), (), "sentence" if gsi == si else "document")
                break
            earlier.append((fi, verb, si))


def _verb_of(d: _Doc, si: int, pos: int) -> str:
    """The participle or verb said of a figure within a few words after it ("were stolen", "died")."""
    words = d.m.words[si]
    toks = d.m.tokens[si]

    def known(w: str) -> bool:
        return w in d.v.subsets or any(w in v for v in d.v.subsets.values())

    for k in range(pos + 1, min(len(words), pos + 1 + OUTCOME_REACH)):
        if toks[k].fact >= 0 or words[k] in CLAUSE_END or words[k] == ",":
            break
        if known(words[k]):
            return words[k]
    # "Police arrested 40 people", "have detained 12": the verb right before the figure.
    for k in (pos - 1, pos - 2):
        if k >= 0 and toks[k].fact < 0 and known(words[k]):
            return words[k]
    return ""


def _complement_shares(d: _Doc) -> Iterator[Relation]:
    """ "Of the 22 million who own a player, 59% are men compared to 51% of women": the shares of one
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


def _remainders(d: _Doc) -> Iterator[Relation]:
    """ "Half said ... A small number, 17%, said ... The remaining 43% said ...": the rest of a whole
    whose other shares stand in the same paragraph just before. Roles: ``rest`` and ``item``."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or d.facts[fi].kind not in ("percent", "share") or pos == 0:
                continue
            k = pos
            hedge = d.v.hedges.ending_at(words, k)
            if hedge:
                k = hedge[1]
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
                items.extend(found)
            if any(_of_a_part(d, i) for i in items):
                continue  # "sell 10% of its stake ... The remaining 12%": shares of a share, not of the whole
            if items:
                cue = d.span(si, rest[1], k)
                yield Relation("remainder", (("rest", fi),) + tuple(("item", i) for i in items), (cue,), "sentence")


BUILDERS: tuple[Callable[[_Doc], Iterator[Relation]], ...] = (
    _shares_and_parts,
    _breakdowns,
    _changes_and_ranges,
    _to_without_from,
    _versus_year,
    _comparisons,
    _portions,
    _conversions,
    _qualifiers,
    _enumerations,
    _remainders,
    _listed_shares,
    _placed_shares,
    _answer_pairs,
    _outcomes,
    _complement_shares,
)


def _scoped_parts(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A national or total figure and the same count for places within it: "a total of 978 people have
    been killed … Harare, where 208 people died … Beitbridge, with 791 people dead". Each place's figure
    is part of the total, and the places together are at most the total.

    Figures are grouped by concept once (linear); a whole is a figure with a total cue or a national
    word in its clause; a part names a place ("in Harare", "the city of", "province") and no national
    word; a part counts only against the nearest whole before it, in its paragraph or the one before.
    """
    in_change = {i for rel in built.get("change", {}).values() for _, i in rel.roles}
    groups: dict[str, list[int]] = {}
    for fi, m in sorted(d.m.by_fact.items(), key=lambda kv: d.facts[kv[0]].span.start):
        f = d.facts[fi]
        concept = m.concept or _elided_concept(d, fi)
        if not concept or f.kind not in ("count", "number") or f.is_range or f.value is None or fi in in_change:
            continue
        groups.setdefault(concept, []).append(fi)
    sentences = d.view.doc.sentences
    for members in groups.values():
        whole = -1
        parts: list[tuple[int, str]] = []
        for fi in members:
            scope = _scope(d, fi)
            if scope == "whole":
                if whole >= 0 and len(parts) >= 2:
                    yield _scoped_breakdown(d, whole, parts)
                whole, parts = fi, []
                continue
            if whole < 0 or not scope:
                continue
            ws = d.facts[whole].sentence
            if sentences[d.facts[fi].sentence].paragraph - sentences[ws].paragraph > 1:
                continue
            if d.facts[fi].sentence - ws > SCOPE_SENTENCES:
                continue
            frames = (d.m.by_fact[fi].frame, d.m.by_fact[whole].frame)
            if None not in frames and frames[0] != frames[1]:
                continue  # another time: "last year" against "so far"
            yield Relation("part", (("part", fi), ("whole", whole)), (), "document")
            if all(scope != other for _, other in parts):
                parts.append((fi, scope))
        if whole >= 0 and len(parts) >= 2:
            yield _scoped_breakdown(d, whole, parts)


def _scoped_breakdown(d: _Doc, whole: int, parts: list[tuple[int, str]]) -> Relation:
    roles = (("total", whole),) + tuple(("item", fi) for fi, _ in parts)
    return Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))


def _scope(d: _Doc, fi: int) -> str:
    """ "whole" for a total or national figure, a place's name for a figure of a place, else ""."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    toks = d.m.tokens[si]
    m = d.m.by_fact[fi]
    lo = max(d.m.clause_start(si, pos), pos - NAMES_REACH)
    hi = min(d.m.clause_end(si, pos), pos + NAMES_REACH)
    said = set(words[lo:hi])
    if "total" in m.roles or said & NATIONAL_WORDS:
        return "whole"
    text = d.view.text
    names = [
        words[k]
        for k in range(lo, hi)
        if toks[k].fact < 0
        and text[toks[k].start : toks[k].start + 1].isupper()
        and k > lo
        and words[k] not in NOT_NAMES
    ]
    if said & PLACE_WORDS:
        # Only a place word makes a part: "in the United Kingdom" may be a country of its own.
        return " ".join(names) or " ".join(sorted(said & PLACE_WORDS))
    return ""


def _elided_concept(d: _Doc, fi: int) -> str:
    """ "São Paulo reported 327 deaths, and Rio de Janeiro 684": a bare figure after a name in a list
    counts what the figure before it counts."""
    si, pos = d.pos_of(fi)
    words = d.m.words[si]
    toks = d.m.tokens[si]
    text = d.view.text
    if pos == 0 or toks[pos - 1].fact >= 0 or not text[toks[pos - 1].start : toks[pos - 1].start + 1].isupper():
        return ""
    nxt = words[pos + 1] if pos + 1 < len(words) else "."
    if nxt not in (".", ",", ";", "and"):
        return ""
    for k in range(pos - 1, max(-1, pos - ELIDED_REACH), -1):
        prev = toks[k].fact
        if prev >= 0:
            pm = d.m.by_fact.get(prev)
            return pm.concept or "" if pm else ""
    return ""


def _listed_toll(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """ "The clash ended in 18 fatalities. Two soldiers and 19 gunmen were killed.": counts listed with one
    verb that names what they count are parts of that count given just before."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        items: list[int] = []
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0:
                continue
            f = d.facts[fi]
            if f.kind not in ("count", "number") or f.is_range or f.value is None or f.hedge != "exact":
                items = []
                continue
            if items:
                _, prev = d.pos_of(items[-1])
                gap = words[prev + 1 : pos]
                if len(gap) > 3 or not (set(gap) & {"and", ","}) or set(gap) & set(CLAUSE_END):
                    items = []
            items.append(fi)
            if len(items) < 2:
                continue
            concept = _verb_after(d, si, pos)
            if not concept:
                continue
            total = _toll_before(d, si, concept, items)
            if total >= 0:
                roles = (("total", total),) + tuple(("item", i) for i in items)
                yield Relation("breakdown", roles, (), "document", (("inclusive", "yes"),))
            items = []


def _verb_after(d: _Doc, si: int, pos: int) -> str:
    """The concept of a verb right after a list ("... were killed", "... died"), else ""."""
    words = d.m.words[si]
    for k in range(pos + 1, min(len(words), pos + 5)):
        if d.m.tokens[si][k].fact >= 0 or words[k] in CLAUSE_END:
            return ""
        c = d.v.concepts.get(words[k])
        if c and words[k].endswith(("ed", "died", "dead")):
            return c
    return ""


def _toll_before(d: _Doc, si: int, concept: str, items: list[int]) -> int:
    """A count of ``concept`` in one of the two sentences before, the only one there."""
    for s2 in range(si - 1, max(-1, si - 3), -1):
        found = [
            t.fact
            for t in d.m.tokens[s2]
            if t.fact >= 0
            and d.facts[t.fact].kind in ("count", "number")
            and d.m.by_fact[t.fact].concept == concept
            and not d.facts[t.fact].is_range
        ]
        if len(found) == 1 and found[0] not in items:
            return found[0]
        if found:
            return -1
    return -1


# Second stage: builders that read the relations of the first.
STAGES: tuple[Callable[[_Doc, Mapping[str, Mapping[object, Relation]]], Iterator[Relation]], ...] = (
    _distant_stated,
    _scoped_parts,
    _listed_toll,
)


def build(view: View) -> Mapping[str, tuple[Relation, ...]]:
    """Every relation in the document, grouped by kind, each once."""
    d = _Doc(view)
    out: dict[str, dict[object, Relation]] = {}
    for builder in BUILDERS:
        for rel in builder(d):
            out.setdefault(rel.kind, {}).setdefault(rel.key, rel)
    for stage in STAGES:
        for rel in list(stage(d, out)):
            # A stage may refine a first-pass relation of the same figures (a multiple word found in
            # the lead): the refined one replaces it.
            out.setdefault(rel.kind, {})[rel.key] = rel
    return {k: tuple(v.values()) for k, v in out.items()}


# --- calendar: days told of one event ---------------------------------------------------


def _told_roles(side: str, t: days.Told) -> tuple[tuple[str, int], ...]:
    return ((side, t.fact),) + (((f"{side}-from", t.anchor),) if t.anchor >= 0 else ())


def _same_events(d: _Doc) -> Iterator[Relation]:
    """``same-event``: two days told of one event ("a storm yesterday" … "the storm on Thursday").

    Roles ``a`` and ``b`` (in text order) are the figures that name the days, with
    ``a-from``/``b-from`` the day a relative day counts from; labels ``a-shift``/``b-shift``
    (days after that day) and ``a-from``/``b-from`` "report" when it counts from the
    reporting date, and ``event``, the words the two share.
    """
    for a, b, stems in days.same_events(d.m):
        text = d.view.doc.text
        cues = tuple(sorted({a.words[s] for s in stems} | {b.words[s] for s in stems}))
        event = " ".join(text[a.words[s].start : a.words[s].end] for s in sorted(stems, key=lambda s: a.words[s]))
        event = event or "told in one clause"
        labels = (
            ("a-shift", str(a.shift)),
            ("a-from", "report" if a.from_report else ""),
            ("b-shift", str(b.shift)),
            ("b-from", "report" if b.from_report else ""),
            ("event", event),
        )
        yield Relation("same-event", _told_roles("a", a) + _told_roles("b", b), cues, "document", labels)


def _calendar_dates(d: _Doc) -> Iterator[Relation]:
    """``calendar-date``: a date that names a day (``date``) with the facts that state the text's years
    (``year``, repeated) and the other weekday-and-date facts without a year (``peer``, repeated), for the
    days only a year decides (29 February, a weekday without its year)."""
    years: tuple[tuple[str, int], ...] | None = None
    for fi in d.view.by_kind.get("date", ()):
        if not days.date_parts(d.facts[fi].iso):
            continue
        if years is None:
            years = tuple(("year", yi) for yi in days.text_years(d.m))
            years += tuple(("peer", pi) for pi in days.weekday_dates(d.m))
        yield Relation("calendar-date", (("date", fi), *((r, i) for r, i in years if i != fi)), (), "document")


# --- calendar: stated lengths against years (span) and ages against birth years (age, kin) ----

# Tokens between a length and the years it spans ("served seven years and 43 days between 1908 and 1915").
SPAN_REACH = 12
# Characters between a length and the range of years it spans.
RANGE_CHARS = 60
# Tokens between "since" and the year it counts from ("for almost 25 years, since the early days of
# newsgroups, which posted the papers in 1994").
SINCE_REACH = 20
# Tokens before a date or year that may hold "born" ("born in Luton, Bedfordshire, on 5 April 1920").
BORN_REACH = 8
# Words that start something a compound length ("a four-year war") counts from.
BEGIN_WORDS = frozenset("began begun started start broke erupted opened launched".split())
KIN_WORDS = frozenset("daughter son child daughters sons children stepdaughter stepson".split())


def _year_range(f: Fact) -> tuple[int, int] | None:
    """A range of years ("1908 to 1915", "between 1908 and 1915", "2016-2019") as (first, last)."""
    if "fiscal" in f.markers or not f.is_range or "/" in f.text:
        return None  # "the 2000/2001 season" is one season, not a span of years
    if f.kind == "year" and f.iso and f.iso.count("/") == 1:
        a, b = f.iso.split("/")
        if a[:4].isdigit() and b[:4].isdigit() and len(a) == len(b) == 4:
            return int(a), int(b)
    iv = f.interval
    if f.kind == "number" and iv.low is not None and iv.high is not None:
        lo, hi = iv.low, iv.high
        if lo == lo.to_integral_value() and hi == hi.to_integral_value() and 1800 <= lo < hi <= 2100:
            return int(lo), int(hi)
    return None


def _year_of(f: Fact) -> int | None:
    """The year a single year or dated figure names ("1994", "5 April 1920")."""
    if f.is_range or f.kind not in ("year", "date") or not f.iso or not f.iso[:4].isdigit():
        return None
    return int(f.iso[:4])


def _spans(d: _Doc) -> Iterator[Relation]:
    """``span``: a stated length (``length``) against the years it spans: a year range in its clause
    (``range``), or a start year (``start``, repeated when the text gives several) and the reporting
    date (label ``end`` "report"): "for almost 25 years, since … 1994"; "the four-year war" with
    "the war began in 2011"."""
    begun = _beginnings(d)
    ranges: dict[int, list[int]] = {}
    for kind in ("year", "number"):
        for ri in d.view.by_kind.get(kind, ()):
            if _year_range(d.facts[ri]) is not None:
                ranges.setdefault(d.facts[ri].sentence, []).append(ri)
    yield from _years_later(d)
    for fi in d.view.by_kind.get("duration", ()):
        f = d.facts[fi]
        if f.unit != "year" or f.value is None or f.is_range:
            continue
        si, pos = d.pos_of(fi)
        toks, words = d.m.tokens[si], d.m.words[si]
        # A year range may be read as one fact over its two ends' facts, so look it up by place, not by token.
        near = [ri for ri in ranges.get(si, ()) if abs(d.facts[ri].span.start - f.span.end) <= RANGE_CHARS]
        if near:
            yield Relation("span", (("length", fi), ("range", near[0])), (), "clause")
        else:
            since = next((k for k in range(pos + 1, min(len(words), pos + SPAN_REACH)) if words[k] == "since"), -1)
            if since >= 0:
                for k in range(since + 1, min(len(toks), since + SINCE_REACH)):
                    yi = toks[k].fact
                    if yi >= 0 and _year_of(d.facts[yi]) is not None:
                        cue = (toks[since].span,)
                        yield Relation("span", (("length", fi), ("start", yi)), cue, "clause", (("end", "report"),))
                        break
            elif f.subject and f.subject.split()[0] in begun:
                starts = begun[f.subject.split()[0]]
                if len({_year_of(d.facts[y]) for y in starts}) == 1:
                    yield Relation("span", (("length", fi), ("start", starts[0])), (), "document", (("end", "report"),))


def _years_later(d: _Doc) -> Iterator[Relation]:
    """ "Christmas 1986 … Two years later, in 1989, …": the length (``length``) between the year told
    before (``start``) and the year its own clause gives (``end``)."""
    last: tuple[int, int] | None = None  # (sentence, fact) of the last year told
    for si, toks in enumerate(d.m.tokens):
        for k, t in enumerate(toks):
            if t.fact < 0:
                continue
            f = d.facts[t.fact]
            if _year_of(f) is not None:
                last = (si, t.fact)
                continue
            if f.kind != "relative" or f.unit != "year" or not f.value or not {"later", "earlier"} & set(f.markers):
                continue
            if last is None or si - last[0] > YEARS_BACK:
                continue
            end = next(
                (toks[j].fact for j in range(k + 1, min(len(toks), k + 1 + YEAR_RESTATED)) if toks[j].fact >= 0), -1
            )
            if end >= 0 and _year_of(d.facts[end]) is not None:
                yield Relation("span", (("length", t.fact), ("start", last[1]), ("end", end)), (), "clause")


# Sentences back "two years later" looks for the year it counts from; tokens after it for the year that
# restates it ("two years later, in 1989").
YEARS_BACK = 2
YEAR_RESTATED = 4


def _beginnings(d: _Doc) -> dict[str, list[int]]:
    """Noun → the year facts it began in ("the war began in 2011" → war: [2011])."""
    out: dict[str, list[int]] = {}
    for fi in d.view.by_kind.get("year", ()):
        if _year_of(d.facts[fi]) is None:
            continue
        si, pos = d.pos_of(fi)
        words = d.m.words[si]
        # "<noun> (had) began in (March) 2011"
        k = pos - 1
        while k >= 0 and words[k] in ("in", "early", "late", "mid") or (k >= 0 and words[k] in _MONTHS):
            k -= 1
        if k < 1 or words[k] not in BEGIN_WORDS:
            continue
        j = k - 1
        while j >= 0 and words[j] in ("had", "has", "have", "was", "first", "officially", "only", "out"):
            j -= 1
        if j >= 0 and words[j].isalpha():
            noun = words[j].rstrip("s") if words[j].endswith("s") and len(words[j]) > 3 else words[j]
            out.setdefault(noun, []).append(fi)
            out.setdefault(noun + "s", []).append(fi)
    return out


_MONTHS = frozenset("january february march april may june july august september october november december".split())


def _ages(d: _Doc) -> Iterator[Relation]:
    """``age``: an age (``age``) against a birth year (``born``) and the year of its own sentence (``at``)
    or the reporting date (label ``at`` "report", the birth told within a sentence of the age); or
    against an "Nth birthday" of the same person (``birthday``; label ``eve`` when told as its eve).
    ``kin``: a son's or daughter's age (``child``) against their parents' (``parent``, repeated)."""
    born = _births(d)
    # One birth in the text; told in another sentence than the age, alone in its sentence ("born in
    # 1948 and her brother in 1952" may be two births).
    one_birth = len(born) == 1
    birth_alone = (
        one_birth
        and sum(1 for i in d.view.by_sentence[d.facts[born[0]].sentence] if _year_of(d.facts[i]) is not None) == 1
    )
    birthdays = _birthdays(d)
    for ai in d.view.by_kind.get("age", ()):
        a = d.facts[ai]
        if a.unit != "year" or a.value is None or a.is_range:
            continue
        si, pos = d.pos_of(ai)
        toks, words = d.m.tokens[si], d.m.words[si]
        if one_birth and (birth_alone or d.facts[born[0]].sentence == si):
            at = -1
            best = SPAN_REACH + 1
            for k, t in enumerate(toks):
                if t.fact >= 0 and t.fact not in born and _year_of(d.facts[t.fact]) is not None and abs(k - pos) < best:
                    at, best = t.fact, abs(k - pos)
            if at >= 0:
                yield Relation("age", (("age", ai), ("born", born[0]), ("at", at)), (), "sentence")
            elif any(abs(d.facts[b].sentence - si) <= 1 for b in born):
                yield Relation("age", (("age", ai), ("born", born[0])), (), "sentence", (("at", "report"),))
        names = _cap_names(d, si)
        for oi, eve in birthdays:
            if names & _cap_names(d, d.facts[oi].sentence) and d.facts[oi].sentence != si:
                yield Relation("age", (("age", ai), ("birthday", oi)), (), "document", (("eve", eve),))
        # "…, aged 86, her husband …, aged 90, and Maureen, their 76-year-old daughter"
        after = words[pos + 1] if pos + 1 < len(words) else ""
        if (a.subject or after) in KIN_WORDS and pos >= 1 and words[pos - 1] in ("their", "her", "his"):
            parents = [t.fact for t in toks[:pos] if t.fact >= 0 and d.facts[t.fact].kind == "age"]
            if parents:
                yield Relation("kin", (("child", ai), *(("parent", p) for p in parents)), (), "sentence")


def _births(d: _Doc) -> list[int]:
    """The year and date facts told as a birth ("born in 1920", "born … on 5 April 1920")."""
    out = []
    for kind in ("date", "year"):
        for fi in d.view.by_kind.get(kind, ()):
            if _year_of(d.facts[fi]) is None:
                continue
            si, pos = d.pos_of(fi)
            toks, words = d.m.tokens[si], d.m.words[si]
            for k in range(pos - 1, max(-1, pos - BORN_REACH - 1), -1):
                if toks[k].fact >= 0:
                    break  # "born in March 1910, unveiled … in 1975": the first year after "born" is the birth
                if words[k] == "born":
                    out.append(fi)
                    break
    return sorted(out)


def _birthdays(d: _Doc) -> list[tuple[int, str]]:
    """ "his 95th birthday" ordinals, with "yes" when told as its eve ("on the eve of", "days before")."""
    out = []
    for fi in d.view.by_kind.get("ordinal", ()):
        f = d.facts[fi]
        if f.value is None or not (f.subject or "").startswith("birthday"):
            continue
        si, pos = d.pos_of(fi)
        before = d.m.words[si][max(0, pos - 6) : pos]
        eve = "yes" if {"eve", "before", "ahead", "approaching", "shy"} & set(before) else ""
        out.append((fi, eve))
        if len(out) >= BIRTHDAYS_KEPT:
            break
    return out


# Birthdays a text tells are few; more than this would make ages × birthdays grow with the text.
BIRTHDAYS_KEPT = 8


def _cap_names(d: _Doc, si: int) -> frozenset[str]:
    """Capitalised words of a sentence, titles and clause openers aside: the people and places it names.

    Read once per sentence (a sentence of a thousand ages asks a thousand times)."""

    def read(view: View) -> frozenset[str]:
        text = view.doc.text
        out = set()
        for t in d.m.tokens[si]:
            w = text[t.start : t.end]
            if len(w) > 2 and w[0].isupper() and w[1:].islower() and w.lower() not in STOPWORDS_CAL:
                out.add(w)
        return frozenset(out)

    names: frozenset[str] = d.view.memo(f"cap-names:{si}", read)
    return names


# Capitalised words that name no one: titles and words that open a clause.
STOPWORDS_CAL = frozenset(
    """the he she his her they their it its former mr mrs ms dr sir lord lady prime minister president
    labour conservative but and in on at of for by with from as after before when police officials
    there this that these those we you i a an if so yet""".split()
)


# The calendar builders run after the others (kept on their own line so both lists grow without conflicts).
BUILDERS = (*BUILDERS, _same_events, _calendar_dates, _spans, _ages)


# --- a fraction word of a whole, with its part -------------------------------------------

# Words before a fraction word that point back at the part: "This is nearly half of the £21.7m".
_THIS_IS = frozenset(
    {
        ("this", "is"),
        ("this", "was"),
        ("that", "is"),
        ("that", "was"),
        ("which", "is"),
        ("which", "was"),
        ("it", "is"),
        ("it", "was"),
        ("this", "represents"),
        ("that", "represents"),
    }
)
# Sentences back a whole named by its noun may stand ("the surplus" → "a trade surplus of 12 trillion yen").
WHOLE_BACK = 1


def _fraction_shares(d: _Doc) -> Iterator[Relation]:
    """ "This is nearly half of the £21.7m" (the part in the sentence before), "more than half the
    surplus, 5.9 trillion yen" (the whole named by its noun before): ``qualifier`` relations with
    ``part`` and ``whole``."""
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        for pos, tok in enumerate(toks):
            qi = tok.fact
            qv = d.facts[qi].value if qi >= 0 else None
            if qv is None or d.facts[qi].kind != "share" or qv > 1:
                continue
            j = pos + 1
            if j < len(words) and words[j] == "of":
                j += 1
            k = j
            while k < len(words) and words[k] in _DETERMINERS:
                k += 1
            wi = d.fact_at(si, k)
            part = -1
            cue_end = k
            if wi >= 0:
                if d.facts[wi].kind not in COUNTABLE or d.facts[wi].is_range or d.facts[wi].value is None:
                    continue
                # The part before: "This is nearly half of the £21.7m".
                h = d.v.hedges.ending_at(words, pos)
                b = h[1] if h else pos
                if b >= 2 and (words[b - 2], words[b - 1]) in _THIS_IS:
                    part = _previous_like(d, si, b - 2, wi)
                cue_end = k
            else:
                # "half the surplus, 5.9 trillion yen": a noun, then the part beside it.
                n = k
                while (
                    n < len(words)
                    and n - k < 3
                    and toks[n].fact < 0
                    and words[n][0].isalpha()
                    and words[n] not in _NP_STOP
                ):
                    n += 1
                if n == k or n >= len(words) or words[n] not in (",", "("):
                    continue
                part = d.figure_after(si, n + 1, COUNTABLE)
                if part < 0:
                    continue
                concept = d.v.concept(" ".join(words[k:n]))
                wi = _named_before(d, si, pos, concept, part)
                cue_end = n
            if part < 0 or wi < 0 or part == wi or not same_family(d.facts[part], d.facts[wi]):
                continue
            yield Relation(
                "qualifier",
                (("qualifier", qi), ("part", part), ("whole", wi)),
                (d.span(si, pos, max(pos + 1, cue_end)),),
                "sentence",
                (("phrase", ""), ("unit", "share")),
            )


def _previous_like(d: _Doc, si: int, pos: int, like: int) -> int:
    """The nearest figure before token ``pos`` (this sentence, then the one before) of ``like``'s family."""
    for s2, k in d.m.previous_figures(si, pos, back=1):
        fi = d.fact_at(s2, k)
        f = d.facts[fi]
        if fi != like and same_family(f, d.facts[like]) and not f.is_range and f.value is not None:
            return fi
    return -1


def _named_before(d: _Doc, si: int, pos: int, concept: str, part: int) -> int:
    """The nearest earlier figure whose noun names ``concept``, of the part's family ("the surplus")."""
    for s2, k in d.m.previous_figures(si, pos, back=WHOLE_BACK):
        fi = d.fact_at(s2, k)
        f = d.facts[fi]
        m = d.m.by_fact.get(fi)
        if fi == part or f.is_range or f.value is None or not same_family(f, d.facts[part]):
            continue
        names = {m.concept} if m and m.concept else set()
        if f.subject:
            names.add(d.v.head_concept(f.subject))
        if concept in names:
            return fi
    return -1


BUILDERS = (*BUILDERS, _fraction_shares)


# --- restatements: one quantity given twice ----------------------------------------------

RESTATED_KINDS = frozenset({"count", "number", "percent", "money"})
# Roles that make a figure something other than the quantity itself.
_NOT_RESTATED = frozenset({"part", "remainder", "another", "each", "forecast"})
# Roles in built relations that make a figure a part, an item or an end, not the quantity.
_TIED_ROLES = frozenset({"part", "whole", "item", "total", "from", "to", "low", "high", "a", "b", "rest"})
# Words that attribute a figure to a source: "according to A", "B said".
_SAID = frozenset("said says reported reports told announced confirmed estimated estimates put".split())
_CHUNK_END = frozenset({",", ";", ":", ".", "!", "?", "(", ")", '"'})
# Words before a figure in its clause that set it against another time: "That compared with 78,882".
_EARLIER = frozenset("compared compares comparing versus against previous previously earlier".split())


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
    tied: set[int] = set()
    for rels in built.values():
        for rel in rels.values():
            tied.update(i for r, i in rel.roles if r in _TIED_ROLES)
    lead = _lead_sentences(d)
    sents = d.view.doc.sentences
    headline = len(sents) > 1 and sents[0].paragraph != sents[1].paragraph
    known_words: dict[int, frozenset[str]] = {}  # per anchor sentence: its words and the headline's
    known_names: dict[int, frozenset[str]] = {}
    anchors: dict[tuple[str, ...], int] = {}
    for si, toks in enumerate(d.m.tokens):
        for pos, tok in enumerate(toks):
            fi = tok.fact
            if fi < 0 or fi in tied:
                continue
            key = _restated_key(d, fi)
            if key is None:
                continue
            first = anchors.get(key)
            if first is None:
                anchors[key] = fi if si in lead else -1
                continue
            if first < 0:
                continue
            fs, _ = d.pos_of(first)
            if fs == si or not _frames_agree(d, first, fi):
                continue
            lo, hi = _chunk(d, si, pos)
            if fs not in known_words:
                own = (fs, 0) if d.m.tokens[0] else (fs,)
                known_words[fs] = frozenset(w for s2 in own for w in d.m.words[s2])
                known_names[fs] = frozenset(n for s2 in own for n in _caps(d, s2, 0, len(d.m.tokens[s2])))
            places = _places(d, si, lo, hi)
            if d.m.words[si][:1] and d.m.words[si][0] in _PLACE_PREPS:
                places |= _places(d, si, 0, _chunk(d, si, 0)[1])  # "In the north, turnout was 51%"
            if not _caps(d, si, lo, hi) <= known_names[fs] or not places <= known_words[fs]:
                continue  # "in the north", "Labour's 35%": another place or holder
            a_src, b_src = _sources(d, fs), _sources(d, si)
            if a_src and b_src and not a_src & b_src:
                continue  # "according to the WHO" … "the ministry said": two sources' counts
            if _listed(d, si, pos, lo, hi):
                continue  # "Two soldiers and 16 gunmen were killed": an item of a list
            # Names anywhere in the sentence the lead does not give ("Nyanza Province, with ... 45 deaths"):
            # the figure may be a part, so only the strongest evidence (a slip of the keys) counts.
            narrow = not _caps(d, si, 0, len(d.m.tokens[si])) <= known_names[fs]
            yield Relation(
                "restatement",
                (("first", first), ("second", fi)),
                (),
                "document",
                (
                    ("lag", "yes" if fs == 0 and headline else ""),
                    ("concept", key[-1]),
                    ("scope", "narrow" if narrow else ""),
                ),
            )


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


def _lead_sentences(d: _Doc) -> frozenset[int]:
    """The headline and the lead: the first paragraph, short lines (datelines, captions) and the next
    paragraph of running text."""
    sents = d.view.doc.sentences
    if not sents:
        return frozenset()
    paras: dict[int, list[int]] = {}
    for si, s in enumerate(sents):
        paras.setdefault(s.paragraph, []).append(si)
    out: set[int] = set()
    seen_text = False
    for k, p in enumerate(sorted(paras)):
        members = paras[p]
        out.update(members)
        if k == 0:
            continue
        words = sum(len(d.m.words[si]) for si in members)
        if words >= 12:
            if seen_text:
                break
            seen_text = True
            break
    return frozenset(out)


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
    k = pos
    hedge = d.v.hedges.ending_at(words, k)
    if hedge:
        k = hedge[1]
    if k > 0 and (
        words[k - 1] in ("from", "to", "between", "than")
        or (words[k - 1] == "and" and "between" in words[max(0, k - 5) : k])
    ):
        return None  # an end of a change or a range, or a comparison: "from 45,000 to 50,000"
    lo = max(d.m.clause_start(si, pos), pos - NAMES_REACH)
    if any(w in _EARLIER for w in words[lo:pos]):
        return None  # "That compared with 78,882 cases": an earlier count, set against the latest
    if f.kind == "percent":
        after = d.v.direction.starting_at(words, pos + 1)
        direction = m.direction or (after[0] if after else "")
        if direction:
            concept = _changed_noun(d, si, k) or _stated_concept(d, fi)
            return ("change", direction, concept) if concept and concept not in d.v.generic else None
        noun = _level_noun(d, si, k) or m.noun or ""
        if not noun or not noun.replace(" ", "").replace("-", "").isalpha() or noun.split()[0] in _NP_STOP:
            return None
        if len(noun.split()) < 2 and noun in d.v.generic:
            return None
        return ("level", family_, noun)
    verb = d.v.verb_concepts.ending_at(words, k) or _concept_verb_after(d, si, pos)
    concept = verb[0] if verb else (m.concept or _number_of(d, si, k))
    if not concept or concept in d.v.generic:
        return None
    return ("level", family_, concept)


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


def _changed_noun(d: _Doc, si: int, k: int) -> str:
    """What a change "by" a figure changes: "boost its profits by more than 40%" → profit."""
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


def _places(d: _Doc, si: int, lo: int, hi: int) -> frozenset[str]:
    """Words of a place or group the tokens ``lo`` to ``hi`` narrow a figure to ("in the northern province")."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    out: set[str] = set()
    for k in range(lo, hi):
        if words[k] not in _PLACE_PREPS:
            continue
        j = k + 1
        while j < hi and words[j] in _DETERMINERS:
            j += 1
        phrase = [w for w in words[j : min(hi, j + 3)] if w[0].isalpha()]
        if not phrase or toks[j].fact >= 0 if j < hi else True:
            continue
        if d.v.concept(" ".join(phrase)) in d.v.concepts.values() or phrase[0] in d.v.generic:
            continue  # "a rise in net profits": what is counted, not where
        out.update(w for w in phrase if w not in _WHOLE_SCOPE and w not in _NP_STOP)
    return frozenset(out)


def _caps(d: _Doc, si: int, lo: int, hi: int) -> frozenset[str]:
    """Capitalised words in tokens ``lo`` to ``hi`` of a sentence, but its first word, as lower-case names."""
    text = d.view.text
    out: set[str] = set()
    for k in range(max(lo, 1), hi):
        tok = d.m.tokens[si][k]
        raw = text[tok.start : tok.end]
        word = tok.text.removesuffix("'s")
        if tok.fact >= 0 or not raw[:1].isupper() or word in NOT_NAMES or len(word) < 2:
            continue
        if d.m.tokens[si][k - 1].text in ('"', "(", "-", ":"):
            continue  # a quotation or a bracket starts with a capital
        out.add(word)
    return frozenset(out)


def _sources(d: _Doc, si: int) -> frozenset[str]:
    """Who a sentence attributes its figures to: names after "according to" or before "said"."""
    words = d.m.words[si]
    text = d.view.text
    toks = d.m.tokens[si]
    out: set[str] = set()
    for k, w in enumerate(words):
        span: range = range(0)
        if w == "according" and k + 1 < len(words) and words[k + 1] == "to":
            span = range(k + 2, min(len(words), k + 8))
        elif w in _SAID:
            span = range(max(0, k - 4), k)
        for j in span:
            if words[j] in _CHUNK_END and j > k:
                break
            raw = text[toks[j].start : toks[j].end]
            if toks[j].fact < 0 and raw[:1].isupper() and words[j] not in NOT_NAMES:
                out.add(words[j].removesuffix("'s"))
    return frozenset(out)


STAGES = (*STAGES, _restatements)


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
            hit = d.v.qualifiers.starting_at(words, i) if toks[i].fact < 0 else None
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


def _plain_tokens(d: _Doc, si: int) -> tuple[Token, ...]:
    """A sentence's words as tokens, for a sentence the mentions left untokenised (it has no figure)."""
    from numcheck.vocab import TOKEN

    span = d.view.doc.sentences[si].span
    chunk = d.view.text[span.start : span.end].lower().replace("’", "'")
    return tuple(Token(m.group(), span.start + m.start(), span.start + m.end()) for m in TOKEN.finditer(chunk))


STAGES = (*STAGES, _scale_words)
