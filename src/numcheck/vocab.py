"""The shared vocabulary (``data/vocab.toml``) as phrase tables over tokens, loaded once.

Mentions, relations and judges read cues from here: counted-noun concepts,
rise and fall words, multiples, comparison words, role cues, attachment
words and time frames. A phrase is matched against a sentence's tokens (see
``mentions.tokenize``), so "death toll" and "death  toll" are one phrase and
no rule carries its own copy of a word list.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from numcheck import startcache
from numcheck.data import text as read_data


def _stamp() -> tuple[int, int] | None:
    try:
        st = os.stat(__file__)
    except (OSError, NameError):
        return None
    return st.st_size, st.st_mtime_ns


# This file's size and modification time: part of the start-up cache's key for phrase tables.
_SOURCE = _stamp()
# A word (letters, accented Latin letters included, digits, inner ' or -), or one character of punctuation:
# "Ekström", "Chișinău" and "Cárdenas" are one word each, not three.
_LETTER = "a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f"
TOKEN = startcache.compile(rf"[{_LETTER}]+(?:['-][{_LETTER}]+)*|[^\s{_LETTER}]")


def words_of(phrase: str) -> tuple[str, ...]:
    """A phrase as the tokens a sentence would give for it."""
    return tuple(TOKEN.findall(phrase.lower().replace("’", "'")))


def any_phrase(phrases: Iterable[str], *extra: str) -> re.Pattern[str]:
    """A case-blind search for whether a text holds any of ``phrases`` as whole words (``\\b`` on both
    sides), or a match of a regex in ``extra``.

    It finds the same places as ``\\b(?:p1|p2|...)\\b`` but reads the phrases as a trie, one branch
    per shared prefix ("a (?:clear|large) majority"): the engine tries a few letters at each word start
    instead of every phrase in turn, three times faster on news text. A match starts where the plain
    alternation's would, but may end elsewhere: use it to ask whether a text holds one.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    alts = [x for x in (branch(trie), *extra) if x]
    return startcache.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """Phrases (token tuples) → a label, matched longest first at a token position."""

    # last token → [(phrase, label)], longest phrase first (for matching backwards from a position)
    by_last: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    # first token → [(phrase, label)], longest phrase first (for matching forwards)
    by_first: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]

    @staticmethod
    def build(items: Iterable[tuple[str, str]]) -> PhraseTable:
        # ~80 tables, ~2.5 ms of a start: kept in the start-up cache, keyed by what they are built
        # from and by this file (the tokenizer and this method).
        pairs = tuple(items)
        key = (_SOURCE, pairs)
        stored = startcache.phrases(key) if _SOURCE else None
        if isinstance(stored, tuple) and len(stored) == 2:
            return PhraseTable(*stored)
        last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, label in pairs:
            toks = words_of(phrase)
            if not toks:
                continue
            last.setdefault(toks[-1], []).append((toks, label))
            first.setdefault(toks[0], []).append((toks, label))
        table = PhraseTable(
            {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in last.items()},
            {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in first.items()},
        )
        if _SOURCE:
            startcache.keep_phrases(key, (table.by_last, table.by_first))
        return table

    def ending_at(self, words: Sequence[str], end: int) -> tuple[str, int] | None:
        """The longest phrase whose last token is ``words[end - 1]``: (label, start index)."""
        if end <= 0:
            return None
        phrases = self.by_last.get(words[end - 1])
        if not phrases:
            return None
        # The word before is compared first: a common last word ("the", "of") ends many phrases, and
        # building a slice of the sentence for each was most of this method's time.
        before = words[end - 2] if end >= 2 else None
        for phrase, label in phrases:
            start = end - len(phrase)
            if len(phrase) == 1:
                return label, start
            if start >= 0 and phrase[-2] == before and tuple(words[start : end - 2]) == phrase[:-2]:
                return label, start
        return None

    def starts_in(self, words: Sequence[str], start: int = 0, end: int | None = None) -> list[int]:
        """The positions in ``words[start:end]`` where a phrase of the table may start (its first word
        is there), in order: a walk over a sentence tries ``starting_at`` at these only, instead of at
        every token (most tokens start no phrase, and a call per token added up over the builders)."""
        first = self.by_first
        if start <= 0 and end is None:
            return [k for k, w in enumerate(words) if w in first]
        stop = len(words) if end is None else min(end, len(words))
        return [k for k in range(max(0, start), stop) if words[k] in first]

    def starting_at(self, words: Sequence[str], start: int) -> tuple[str, int] | None:
        """The longest phrase whose first token is ``words[start]``: (label, end index)."""
        n = len(words)
        if start >= n:
            return None
        phrases = self.by_first.get(words[start])
        if not phrases:
            return None
        if start < 0:  # counted from the end, as a slice counts
            for phrase, label in phrases:
                end = start + len(phrase)
                if tuple(words[start:end]) == phrase:
                    return label, end
            return None
        # The next word is compared first: a common first word ("a", "the") starts many phrases, and
        # building a slice of the sentence for each was most of this method's time.
        after = words[start + 1] if start + 1 < n else None
        for phrase, label in phrases:
            end = start + len(phrase)
            if len(phrase) == 1:
                return label, end
            if phrase[1] == after and end <= n and tuple(words[start + 2 : end]) == phrase[2:]:
                return label, end
        return None


@dataclass(frozen=True, slots=True)
class Vocab:
    """The shared vocabulary as phrase tables and word sets (data/vocab.toml)."""

    concepts: Mapping[str, str]  # word or phrase (space-joined tokens) → concept
    concept_names: frozenset[str]  # the concepts themselves ("death", "profit")
    nouns: PhraseTable  # phrase → concept
    direction: PhraseTable  # phrase → "up" | "down"
    judging_directions: frozenset[str]  # "improved", "worsened": a way that judges, not measures
    result_words: PhraseTable  # phrase → "group:category" ("wins" → "match:won"): outcomes of one whole
    result_categories: Mapping[str, frozenset[str]]  # group → its categories ("match" → won, drew, lost)
    result_before: frozenset[str]  # groups whose words may stand before the figure ("won 18")
    result_exhaustive: frozenset[str]  # groups whose categories add up to the whole
    result_unbeaten: frozenset[str]  # "unbeaten": a match group's losses are none
    result_linking: frozenset[str]  # "voted", "said": between a figure and its outcome word
    result_contests: frozenset[str]  # "game", "match": what the whole of a match record counts
    result_none_before: PhraseTable  # "have not lost in" before a run's count → the category left out
    result_none_after: PhraseTable  # "without defeat" after a run's noun → the category left out
    result_run_words: frozenset[str]  # "their last": between such a phrase and the count
    multiples: Mapping[str, Decimal]
    occasions_after: frozenset[str]  # "since", "this": after "twice", how often, not a factor
    multiple_links: PhraseTable  # "the", "as many as" → "same"; "more than" → "more"; "what"; "that figure" → "back"
    multiple_verbs: frozenset[str]  # "was" in "That was double the 8 million"
    multiple_between: frozenset[str]  # "now" in "is now three times"
    multiple_heads: frozenset[str]  # "average" in "double its monthly average of 48mm"
    reference_marks: frozenset[str]  # "launch" in "more than triple their launch price": a level told before
    reference_heads: frozenset[str]  # "price" in "their launch price", "the original estimate"
    premiums: Mapping[str, str]  # "premium" → "up", "discount" → "down": a price against a reference level
    premium_links: frozenset[str]  # "to" in "a 25% premium to the closing price of 248p"
    premium_joins: PhraseTable  # "at" in "at 180p, at a 5% discount to": after the price's comma
    multiple_inferred: frozenset[str]  # "meaning" in "had 1,900, meaning its staff has doubled since then"
    multiple_subjects: PhraseTable  # "that", "the figure" → "back": the last figure of the sentence before
    multiple_openers: frozenset[str]  # "but" in "But that was ...": words before such a subject
    comparison: PhraseTable  # phrase → "above" | "below"
    compared_nouns: frozenset[str]  # "total", "mark": a compared figure's noun that names no thing of its own
    bar_nouns: frozenset[str]  # "threshold", "hurdle": a share to clear, no part of a whole
    comparison_better: frozenset[str]  # "beat", "bettered": better, which for a race time is lower
    gap_after: frozenset[str]  # "behind", "clear": after a figure, it is a gap between two things
    gap_off: frozenset[str]  # "pace", "lead": after "off the", a gap to the leader ("five shots off the pace")
    gap_before: frozenset[str]  # "lead", "margin": "the lead to 21 points" is a gap
    excess_objects: frozenset[str]  # "with" in "leaving it with 11 more than the 601": an amount held beyond
    excess_links: frozenset[str]  # "were" in "were 10% fewer than": a link verb, the figure before is the level
    older_adjectives: frozenset[str]  # "up from a typical 165 million": the kind of level, passed over
    superlatives: PhraseTable  # "the most" → "above", "the fewest" → "below": set after a figure
    fastest: Mapping[str, str]  # "fastest" → "above", "slowest" → "below": a part's rise among the parts
    setting_openers: frozenset[str]  # "With inflation at 2.7%, the rise is the largest": an opening clause of setting
    rates: PhraseTable  # "a week" → "week": after an amount, the period it is a rate over
    rate_verbs: PhraseTable  # "is earning" → "profit": before a rate, the concept it is a rate of
    lent_nouns: frozenset[str]  # "mortgage", "loan": an amount lent, repaid with interest over its term
    rate_moves: frozenset[str]  # "difference", "saves", "extra": before or after a rate, a change of a rate
    outcome_verbs: PhraseTable  # phrase → "above" | "below": a result against its target ("beat", "missed")
    target_nouns: frozenset[str]  # what such a verb beats or misses ("target", "forecasts", "expectations")
    required_words: PhraseTable  # phrase → "required": "the plan requires 14,400 homes" tells a need, no level
    said_change_subjects: frozenset[str]  # "This is a decrease from ...": words that point at a figure
    said_change_verbs: frozenset[str]  # and the verbs after them ("is", "marks")
    range_verbs: frozenset[str]  # "range", "vary": before "from A to B", a range, not a change
    level_openers: frozenset[str]  # "having", "after": open the level a change started from
    level_verbs_before: frozenset[str]  # "closed", "ended": "having closed at 310p"
    part_periods: frozenset[str]  # words of a part of a year ("quarter", "month")
    whole_periods: frozenset[str]  # words of a whole year ("whole", "full-year", "annual")
    study_nouns: frozenset[str]  # "a survey of", "a study of": what it covered follows
    found_verbs: frozenset[str]  # "found", "identified": what the study found follows
    flows: frozenset[str]  # concepts that add up over a period ("sold", "revenue"): a quarter's is part of the year's
    flow_words: Mapping[str, str]  # a concept, noun or verb → the flow it names ("spent" → spending)
    seasons: frozenset[str]  # "christmas", "summer": a part of a year whose months are not told
    period_rates: tuple[tuple[str, ...], ...]  # "annual rate", "a month": a part-period figure that is a rate
    running_words: tuple[tuple[str, ...], ...]  # "so far", "to date": a year's running count, not its whole
    period_events: frozenset[str]  # "bought", "launched": a sentence telling when a name's months began
    period_records: frozenset[str]  # "record", "high": "the previous record of £2.1bn" names what its sentence counts
    predicates: PhraseTable  # phrase → "said": what a share of a whole says of its part ("concerned")
    later_outcome: frozenset[str]  # "nine subsequently died": words that make an outcome one of the group's
    within: Mapping[str, str]  # concept → the concept of the whole it is part of (profit → revenue)
    subgroups: Mapping[str, tuple[str, bool]]  # a group's concept → (the larger group's, told as its holder's only)
    narrowing: frozenset[str]  # "active", "ground": words that make a larger group's noun a narrower group
    several: frozenset[str]  # "several", "airlines": a group counted across holders, not one holder's
    cut_before: PhraseTable  # "cut", "lay off": a verb before a count that makes it a planned cut
    cut_nouns: frozenset[str]  # "the loss of 1,900 jobs": nouns of a cut before "of"
    holder_parts: frozenset[str]  # "arm", "division": a level counted for a part of its holder
    cut_after: PhraseTable  # "to go", "will be lost": words after a count's noun that make it one
    with_after: frozenset[str]  # "with 900,000 set to receive": words after "with N" that make N the subject's
    fresh_words: frozenset[str]  # "new", "more": a count that is a fresh flow, not an outbreak's whole
    lifting_verbs: frozenset[str]  # "lifting", "pushing": a flow lifting the whole of its time to a figure
    year_wholes: PhraseTable  # "for the year", "annual": what a lifting verb lifts is a whole of time
    before_whole: frozenset[str]  # "a record": words between "to" and the lifted whole
    comma_preps: frozenset[str]  # "for", "about": a part after a total's comma given to a category
    holding_verbs: frozenset[str]  # words before a count that make it what a subject holds ("has 4,300 staff")
    later_words: frozenset[str]  # a target for a later period ("next year", "will"): not the one beaten
    roles_before: PhraseTable  # phrase → role
    roles_after: PhraseTable
    whole_of: PhraseTable  # phrase → "of"
    breakdown_open: PhraseTable  # phrase → "exact" | "inclusive": between a total and its items
    same: PhraseTable  # phrase → "same", or "money" for a cue that sets a share beside a sum only
    anaphora: frozenset[str]
    pronoun_prepositions: frozenset[str]  # "on 60 of them": a part in the clause of the figure before it
    clause_verbs: frozenset[str]  # verbs that start a new clause between a figure and a pronoun's part
    whole_set: frozenset[str]  # "all four of these": the figure is the whole set, not a part
    generic_wholes: frozenset[str]  # "Of the total, ...", "Of the money, ...": nouns for the amount just told
    whole_modifiers: frozenset[str]  # "the top 20", "the first 10": rank words before a whole
    back_refs: PhraseTable  # phrase → "back": a clause subject standing for the figure just told
    back_heads: frozenset[str]  # "figure", "reading": the head of such a subject ("the new GDP figure")
    back_sources: PhraseTable  # phrase → "source": "The figure from the ONS was ...": who put it out
    back_bodies: frozenset[str]  # "office", "ministry": a body that puts figures out ("from the statistics office")
    yardsticks: PhraseTable  # phrase → "yardstick": a verb after a figure that makes it a forecast
    fraction_yardsticks: frozenset[str]  # "rate", "level": "half the rate" is a multiple, not a share
    whole_words: frozenset[str]  # words before a whole's noun that keep it the whole ("its total debt of")
    frames: PhraseTable  # phrase → "past" | "now" | "future"
    hedges: PhraseTable  # phrase → interval hedge name, from data/hedges.toml
    subsets: Mapping[str, frozenset[str]]  # later verb → the earlier verbs whose group it counts a part of
    stake_verbs: frozenset[str]  # "owns 46% of", "holds a 20% stake in": a percentage an owner holds
    opposite_answers: Mapping[str, frozenset[str]]  # "backed" → {"opposed"}: answers that split one whole
    complements: Mapping[str, str]  # a group word → the word of the group that completes it (men ↔ women)
    ratio_bases: PhraseTable  # phrase → "ratio": a whole a percentage may exceed ("of GDP")
    ratio_cues: PhraseTable  # phrase → "ratio": words before a percentage that make it a ratio or change
    holding_nouns: PhraseTable  # phrase → "holding": "a 95% share", "an 82% stake"
    share_before: PhraseTable  # phrase → what it is a share of: "a turnout of" → "the electorate"
    respondent_verbs: PhraseTable  # phrase → "said": "120% said", "130% own": a share of those asked
    agent_participles: frozenset[str]  # "backed", "watched": "backed by 112% of": by names who, no change
    pronoun_verbs: frozenset[str]  # "were", "asked": after "of them", "of those", the percentage is a part
    qualifiers: PhraseTable  # phrase → its key in ``ranges`` ("a majority", "hundreds"), from data/qualifiers.toml
    ranges: Mapping[str, tuple[str, Mapping[str, object]]]  # key → ("share" | "count", {low, high, means, ...})
    not_after_most: frozenset[str]  # "the most popular": a superlative, not a share
    level_words: frozenset[str]  # qualifiers of a level moved to: "fell to a single digit"
    still_words: PhraseTable  # phrase → its key in ``ranges`` (unit "change"): "sales were flat"
    extremes: PhraseTable  # "a peak of" → "high", "a low of" → "low", "a maximum of" → "most", "a minimum of" → "least"
    extreme_words: Mapping[str, str]  # "longest" → "most", "shortest" → "least": "the longest wait was 14 days"
    group_verbs: PhraseTable  # "were treated" after a group's count: the group a later share is of
    group_verbs_before: PhraseTable  # "doctors treated" before it
    group_nouns: PhraseTable  # "of patients", "of cases": a share of the group told before
    weighting: frozenset[str]  # "the figures were weighted": a poll's shares need not be k/n
    score_cues: PhraseTable  # phrase before a score → "running" ("making it 5-1") or "final" ("ended 3-1")
    score_part_words: frozenset[str]  # "the first half ended 1-1": a final cue that gives a running score
    score_elsewhere: frozenset[str]  # "a week earlier they made it 5-0": a score of another match
    score_results: frozenset[str]  # "Chelsea's 3-2 victory": a noun after a score that makes it the result
    score_verbs: frozenset[str]  # "Leeds beat Derby 3-1" in a heading: a verb that makes its score the final one
    score_kinds: PhraseTable  # "on penalties", "on aggregate": a score of its own kind, after it
    generic: frozenset[str]  # nouns that name no quantity of their own ("61 people")
    level_after: frozenset[str]  # "lost eight seats and now hold 15": words after a move that tell its level
    moment_words: frozenset[str]  # "after 12 overs": a count that is a moment of a contest, not a holding
    neutral_modifiers: frozenset[str]  # "net profits" = "profits": words that make no other quantity
    measure_modifiers: frozenset[str]  # "net", "pre-tax": which measure of a thing a figure is
    narrow_measures: frozenset[str]  # "like-for-like": on one side only, two quantities
    per_unit_nouns: frozenset[str]  # "per head": a rate for each one, on one side only two quantities
    running_tally: PhraseTable  # "this season", "for his country": a running tally, not one event's count
    running: frozenset[str]  # concepts of counts a story updates: a headline may lag the body's
    money_concepts: frozenset[
        str
    ]  # concepts that are sums of money ("revenue"): a count told with one names what was sold
    anaphors: PhraseTable  # "they", "the figure" → "anaphor": a subject that stands for the quantity named before
    alike_ignored: frozenset[str]  # "that", "said": words two tellings of a figure may share without being alike
    that_clause_after: frozenset[str]  # "said", "found": "that" after them opens a clause, it points at no figure
    another_cues: frozenset[str]  # "extended", "a second": words that make a figure another telling of its noun
    one_thing: Mapping[str, str]  # "holding" → "stake": words for one thing a figure measures
    told_again: Mapping[str, str]  # "result" → "profit": words for one thing a figure told as known names
    told_headcount: frozenset[str]  # "person" in "a 40-person studio": the figure is a headcount
    told_cost: PhraseTable  # "which cost", "priced at" → "cost": the amount is the cost of the thing before
    told_newer: frozenset[str]  # "confirmed", "final": a figure told as known that is a newer or other telling
    told_unsure: frozenset[str]  # "expected", "estimated": a forecast or guess, not the figure told
    told_moved: PhraseTable  # "has since", "rose": the figure moved between two tellings
    told_recounted: PhraseTable  # "has since", "revised": the count was told anew, said in a sentence of its own
    told_noun_enders: frozenset[str]  # "beat", "means": verbs that end a figure's noun after it
    growth_subjects: frozenset[str]  # "the economy grew 3%" tells growth: subjects whose change in % is growth
    one_off_events: frozenset[str]  # "spill", "crash": events that happen once, so one date each
    events: frozenset[str]  # "killed in the blaze": the event a count came from, not a place
    base_forms: Mapping[str, str]  # an irregular verb form → its base ("paid" → "pay"), for word matching
    verb_concepts: PhraseTable  # phrase before a figure → concept ("killed 61 people" counts deaths)
    holder_pronouns: frozenset[str]  # "it", "its": stand for the holder named before
    contact_subjects: frozenset[str]  # "The £8,000 she has raised": a clause's subject, not a noun counted
    holder_nouns: frozenset[str]  # "the company", "the firm": the same, as a noun after "the"
    described_holders: frozenset[str]  # "the US giant", "the troubled carmaker": the same, described
    not_described: frozenset[str]  # "the other firm": describing words that make it another holder
    other_holders: frozenset[str]  # "its rival", "a competitor": another holder than the one told before
    money_verbs: PhraseTable  # "lost $60m" → loss: a verb before an amount that says what it is
    not_names: frozenset[str]  # capitalised words that name no holder ("The", "However", "March")
    always_names: frozenset[str]  # "Labour", "Greens": names even as a sentence's first word
    source_by: PhraseTable  # "obtained by", "according to": the name after is a source, not a holder
    officer_titles: PhraseTable  # "chief executive" before a name: the holder's own officer, no source of its own
    whole_scopes: PhraseTable  # "across the region", "worldwide" → "whole"
    unscoped: frozenset[str]  # "point", "goal": concepts a side holds, never split by place
    elsewhere: frozenset[str]  # "neighbouring", "elsewhere": a place other than the one a whole counts
    divisions: frozenset[str]  # "division", "arm", "business": a holder's part told by its kind
    added_money: frozenset[str]  # "revenue": money concepts a holder's parts add up to
    tolls: frozenset[str]  # "death", "case": counts an event makes, the event's whoever a sentence tells of
    markets: frozenset[str]  # "overseas", "uk": before "sales", a market's part of a holder's whole
    holder_groups: frozenset[str]  # "airlines", "banks": plural nouns of a group of holders ([holders] groups)
    hardest_hit: PhraseTable  # "worst hit", "the worst of" → "hit": the sentence's opening names a place
    sources: PhraseTable  # "according to", "estimates" → "source": who a figure is told by
    sub_periods: PhraseTable  # "first week" → "part", "in total" → "whole": a figure's part of its time
    known_set_before: PhraseTable  # "all", "each of the" → "all"; "the" → "definite": a count told as a known set
    known_set_after: PhraseTable  # "involved", "in question": words after its noun that mark the set as known
    known_set_taken: frozenset[str]  # "won", "took": a verb before an earlier count that makes it a share, not the set
    level_verbs: PhraseTable  # "stands at" → "level" (the figure after it is the subject's), "put" → "put" (its object's, "at" the figure)

    def head_concept(self, phrase: str) -> str:
        """What a subject phrase is about: a listed concept anywhere in it ("Its operating earnings for the
        spring months" → profit), else its head noun ("the value of freight in June-September" → freight)."""
        toks = [t for t in words_of(phrase) if t[0].isalnum()]
        for n in range(min(3, len(toks)), 0, -1):
            for i in range(len(toks) - n + 1):
                hit = self.concepts.get(" ".join(toks[i : i + n]))
                if hit:
                    return hit
        for cut in _HEAD_CUTS:
            if cut in toks:
                toks = toks[: toks.index(cut)]
        while (
            "of" in toks
            and toks.index("of") + 1 < len(toks)
            and toks[toks.index("of") - 1 if toks.index("of") else 0] in MEASURE_WORDS
        ):
            toks = toks[toks.index("of") + 1 :]
        toks = [t for t in toks if t not in ("the", "a", "an", "its", "their", "his", "her", "of")]
        return singular(toks[-1]) if toks else ""

    def concept(self, noun: str) -> str:
        """The concept a noun phrase names: its listed concept, else its last word in the singular."""
        toks = words_of(noun)
        for n in range(len(toks), 0, -1):
            for i in range(len(toks) - n, -1, -1):
                hit = self.concepts.get(" ".join(toks[i : i + n]))
                if hit:
                    return hit
        return singular(toks[-1]) if toks else ""


# Words that end a subject phrase's head: a preposition or a verb after it ("shipments outside the bloc" → shipments).
_HEAD_CUTS = (
    "in", "during", "for", "at", "on", "over", "since", "by", "to", "from", "was", "were", "is", "are",
    "outside", "within", "across", "among", "between", "excluding", "including", "than", "with",
)  # fmt: skip
# Words that measure the noun after "of": "the value of trade", "the number of deaths".
MEASURE_WORDS = frozenset("value number level amount total volume size share rate cost price".split())


# Plurals in "-es" whose singular keeps its "e" ("niches", "headaches", "axes").
_E_SINGULARS = frozenset(
    {"niche", "cache", "headache", "avalanche", "cliche", "creche", "quiche", "moustache", "psyche", "axe"}
)


# Plurals not made with "s": "482 of the men" names the set "446 men" told before.
_IRREGULAR_PLURALS = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
}


def singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("men") and len(word) > 5 and word[:-3].isalpha() and not word.endswith("omen"):
        return word[:-3] + "man"  # "firemen", "policemen", "fishermen" ("omen" is no plural)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")) and len(word) > 4 and word[:-1] not in _E_SINGULARS:
        return word[:-2]  # "branches", "beaches", "crashes", "losses", "taxes", "quizzes"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@functools.cache
def _toml(name: str) -> dict[str, Any]:
    """The data file ``name``, read once: vocab.toml has a section for each of ~8 readers, and
    reading and decoding it for each cost ~2 ms of a start. Shared: its readers only read it."""
    return startcache.toml(read_data(name))


@functools.cache
def apart_alike() -> dict[str, str]:
    """Concepts that name one quantity told at two times (vocab.toml ``[apart] alike``): each concept to the
    first of its group."""
    return {c: group[0] for group in _toml("vocab.toml")["apart"]["alike"] for c in group}


@functools.cache
def apart_gaps() -> dict[str, str]:
    """Comparatives of a gap told after a link verb, each to "above" or "below" (vocab.toml ``[apart]
    gap_above``, ``gap_below``)."""
    data = _toml("vocab.toml")["apart"]
    return {**{w: "above" for w in data["gap_above"]}, **{w: "below" for w in data["gap_below"]}}


@functools.cache
def apart_now() -> frozenset[str]:
    """Words that tell a level as now against a plan beside it (vocab.toml ``[apart] now_words``)."""
    return frozenset(_toml("vocab.toml")["apart"]["now_words"])


@functools.cache
def level_words() -> frozenset[str]:
    """Words that name the kind of level a figure is and change nothing ("the previous", "a typical"):
    vocab.toml ``[comparison] older_adjectives``, the list the relation readers pass over too."""
    return frozenset(_toml("vocab.toml")["comparison"]["older_adjectives"])


_LEVEL_DETERMINERS = frozenset("the a an its their his her our".split())
# Determiners that may stand alone between "from" and its figure ("rose from the £2,104.60 to").
_FROM_DETERMINERS = frozenset("the its their".split())


def _word_before(text: str, cut: int) -> tuple[str, int]:
    """The word (lower case) that ends before the blanks ending at ``cut`` in ``text``, and where it starts;
    ("", cut) when no blank or no word stands there (a newline ends the search). Plain string steps: this
    runs once for each figure of a document."""
    end = cut
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    if end == cut:
        return "", cut
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’-"):
        start -= 1
    return text[start:end].lower(), start


def past_level_words(before: str) -> str:
    """``before`` (the text up to a figure) without the words that name the kind of level and change
    nothing: "up from the previous ", "down from a typical ", "from the " → "up from ", "down from ",
    "from ". The words before them ("from", "rose", "between") then govern the figure as they do when
    the figure follows them at once: "will go up from the previous £2,104 to £2,209" is a change, no range.
    A determiner alone is passed over only after "from"."""
    levels = level_words()
    cut = len(before)
    word, at = _word_before(before, cut)
    level = False
    while word in levels:
        cut, level = at, True
        word, at = _word_before(before, cut)
    if word in _LEVEL_DETERMINERS and (level or word in _FROM_DETERMINERS):
        if level or _word_before(before, at)[0] == "from":
            cut = at
    return before[:cut]


def _pairs(table: Mapping[str, object]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for label, phrases in table.items():
        if isinstance(phrases, list):
            out.extend((str(p), label) for p in phrases)
    return out


def _with_articles(keys: Iterable[str]) -> list[tuple[str, str]]:
    """Each phrase with its key, and a phrase that opens with an article also with the other articles
    ("an overwhelming majority" is "the overwhelming majority" too), unless that is a key of its own."""
    keys = list(keys)
    out = [(k, k) for k in keys]
    own = set(keys)
    for k in keys:
        first, _, rest = k.partition(" ")
        if first in _ARTICLES and rest:
            out += [(f"{a} {rest}", k) for a in _ARTICLES if a != first and f"{a} {rest}" not in own]
    return out


_ARTICLES = ("a", "an", "the")


def _complements(table: object) -> dict[str, str]:
    out: dict[str, str] = {}
    pairs = table.get("pairs", []) if isinstance(table, dict) else []
    for a, b in pairs:
        out[str(a)], out[str(b)] = str(b), str(a)
    return out


def _opposites(pairs: Iterable[Sequence[str]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        out.setdefault(str(a), set()).add(str(b))
        out.setdefault(str(b), set()).add(str(a))
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def vocab() -> Vocab:
    data = _toml("vocab.toml")
    hedges = _toml("hedges.toml")
    nouns = data["nouns"]
    assert isinstance(nouns, dict)
    concepts: dict[str, str] = {}
    for concept, phrases in nouns.items():
        for p in phrases:
            concepts[" ".join(words_of(p))] = concept
    roles = data["roles"]
    attach = data["attach"]
    assert isinstance(roles, dict) and isinstance(attach, dict)
    mult = data["multiples"]
    assert isinstance(mult, dict)
    before = hedges.get("before", {})
    portion = data["portion"]
    quals = _toml("qualifiers.toml")
    restate = data["restatement"]
    assert isinstance(restate, dict)
    ranges: dict[str, tuple[str, Mapping[str, object]]] = {}
    for unit in ("share", "count", "level", "change"):
        table = quals[unit]
        assert isinstance(table, dict)
        for phrase, entry in table.items():
            # A level ("a single digit") is a share in percent; a change word is judged against a change.
            ranges[" ".join(words_of(phrase))] = ("share" if unit == "level" else unit, entry)
    levels = frozenset(" ".join(words_of(p)) for p in quals["level"])
    still = [" ".join(words_of(p)) for p in quals["change"]]
    assert isinstance(portion, dict)
    assert isinstance(before, dict)
    return Vocab(
        concepts=concepts,
        concept_names=frozenset(concepts.values()),
        nouns=PhraseTable.build(_pairs(nouns)),
        direction=PhraseTable.build(_pairs(data["direction"])),
        judging_directions=frozenset(data["judging_direction"]["words"]),
        result_words=PhraseTable.build(
            (p, f"{group}:{category}")
            for group, cats in data["results"]["groups"].items()
            for category, phrases in cats.items()
            for p in phrases
        ),
        result_categories={g: frozenset(cats) for g, cats in data["results"]["groups"].items()},
        result_before=frozenset(data["results"]["before"]),
        result_exhaustive=frozenset(data["results"]["exhaustive"]),
        result_unbeaten=frozenset(data["results"]["unbeaten"]),
        result_linking=frozenset(data["results"]["linking"]),
        result_contests=frozenset(data["results"]["contests"]),
        result_none_before=PhraseTable.build(
            (p, cat) for cat, sides in data["results"]["none"].items() for p in sides["before"]
        ),
        result_none_after=PhraseTable.build(
            (p, cat) for cat, sides in data["results"]["none"].items() for p in sides["after"]
        ),
        result_run_words=frozenset(data["results"]["run_words"]),
        multiples={" ".join(words_of(k)): Decimal(str(v)) for k, v in mult.items()},
        occasions_after=frozenset(data["occasions"]["after"]),
        multiple_links=PhraseTable.build(
            (p, kind) for kind in ("same", "more", "what", "back") for p in data["multiple_of"][kind]
        ),
        multiple_verbs=frozenset(" ".join(words_of(w)) for w in data["multiple_of"]["verbs"]),
        multiple_between=frozenset(data["multiple_of"]["between"]),
        multiple_heads=frozenset(data["multiple_of"]["heads"]) | frozenset(data["multiple_of"]["dimension_heads"]),
        reference_marks=frozenset(data["multiple_of"]["references"]),
        reference_heads=frozenset(data["multiple_of"]["reference_heads"]),
        premiums={str(w): way for way in ("up", "down") for w in data["premiums"][way]},
        premium_links=frozenset(data["premiums"]["links"]),
        premium_joins=PhraseTable.build((p, "join") for p in data["premiums"]["joins"]),
        multiple_inferred=frozenset(data["multiple_of"]["inferred"]),
        multiple_subjects=PhraseTable.build((p, "back") for p in data["multiple_of"]["subjects"]),
        multiple_openers=frozenset(data["multiple_of"]["openers"]),
        comparison=PhraseTable.build((p, o) for p, o in _pairs(data["comparison"]) if o in ("above", "below")),
        compared_nouns=frozenset(data["comparison"]["compared_nouns"]),
        bar_nouns=frozenset(data["comparison"]["bar_nouns"]),
        comparison_better=frozenset(data["comparison"]["better"]),
        gap_after=frozenset(data["comparison"]["gap_after"]),
        gap_off=frozenset(data["comparison"]["gap_off"]),
        gap_before=frozenset(data["comparison"]["gap_before"]),
        excess_objects=frozenset(data["comparison"]["excess_objects"]),
        excess_links=frozenset(data["comparison"]["excess_links"]),
        older_adjectives=frozenset(data["comparison"]["older_adjectives"]),
        superlatives=PhraseTable.build((p, o) for p, o in _pairs(data["superlatives"]) if o in ("above", "below")),
        fastest={str(w): "above" for w in data["superlatives"]["fastest"]}
        | {str(w): "below" for w in data["superlatives"]["slowest"]},
        setting_openers=frozenset(data["superlatives"]["setting_openers"]),
        rates=PhraseTable.build(_pairs(data["rates"])),
        rate_verbs=PhraseTable.build(_pairs(data["rates"]["verbs"])),
        lent_nouns=frozenset(data["rates"]["lent"]["nouns"]),
        rate_moves=frozenset(data["rates"]["lent"]["moves"]),
        outcome_verbs=PhraseTable.build(_pairs({k: v for k, v in data["targets"].items() if k in ("above", "below")})),
        target_nouns=frozenset(data["targets"]["nouns"]),
        required_words=PhraseTable.build((p, "required") for p in data["targets"]["required"]),
        later_words=frozenset(data["targets"]["later"]),
        holding_verbs=frozenset(attach["holding_verbs"]),
        within={str(k): str(v) for k, v in dict(data["within"]).items()},
        subgroups={
            str(sub): (str(whole), kind == "held")
            for kind in ("among", "held")
            for whole, subs in dict(data["subgroups"][kind]).items()
            for sub in subs
        },
        narrowing=frozenset(data["subgroups"]["narrowing"]),
        several=frozenset(data["subgroups"]["several"]),
        with_after=frozenset(data["subgroups"]["with_after"]),
        cut_before=PhraseTable.build((str(p), "cut") for p in data["subgroups"]["cut_before"]),
        holder_parts=frozenset(data["subgroups"]["holder_parts"]),
        cut_nouns=frozenset(data["subgroups"]["cut_nouns"]),
        cut_after=PhraseTable.build((str(p), "cut") for p in data["subgroups"]["cut_after"]),
        fresh_words=frozenset(data["fresh"]["words"]),
        lifting_verbs=frozenset(data["breakdown"]["lifting_verbs"]),
        year_wholes=PhraseTable.build((str(p), "whole") for p in data["breakdown"]["year_wholes"]),
        before_whole=frozenset(data["breakdown"]["before_whole"]),
        comma_preps=frozenset(data["breakdown"]["comma_preps"]),
        later_outcome=frozenset(data["subsets_later"]["words"]),
        predicates=PhraseTable.build((p, "said") for p in attach["predicates"]),
        part_periods=frozenset(data["periods"]["part"]),
        whole_periods=frozenset(data["periods"]["whole"]),
        flows=frozenset(data["periods"]["flows"]),
        flow_words={w: k for k, ws in data["periods"]["flow_words"].items() for w in ws},
        seasons=frozenset(data["periods"]["seasons"]),
        period_rates=tuple(words_of(p) for p in data["periods"]["rates"]),
        running_words=tuple(words_of(p) for p in data["periods"]["running"]),
        period_records=frozenset(data["periods"]["records"]),
        period_events=frozenset(data["periods"]["events"]),
        study_nouns=frozenset(data["studies"]["nouns"]),
        found_verbs=frozenset(data["studies"]["found"]),
        said_change_subjects=frozenset(data["said_change"]["subjects"]),
        said_change_verbs=frozenset(data["said_change"]["verbs"]),
        range_verbs=frozenset(data["range_from"]["verbs"]),
        level_openers=frozenset(data["level_before"]["openers"]),
        level_verbs_before=frozenset(data["level_before"]["verbs"]),
        roles_before=PhraseTable.build(_pairs(roles["before"])),
        roles_after=PhraseTable.build(_pairs(roles["after"])),
        whole_of=PhraseTable.build((p, "of") for p in attach["whole_of"]),
        breakdown_open=PhraseTable.build(_pairs({k: data["breakdown"][k] for k in ("exact", "inclusive")})),
        same=PhraseTable.build((p, "money" if p in attach["same_money"] else "same") for p in attach["same"]),
        anaphora=frozenset(attach["anaphora"]),
        pronoun_prepositions=frozenset(attach["pronoun_prepositions"]),
        clause_verbs=frozenset(attach["clause_verbs"]),
        whole_set=frozenset(attach["whole_set"]),
        generic_wholes=frozenset(attach["generic_wholes"]),
        whole_modifiers=frozenset(attach["whole_modifiers"]),
        back_refs=PhraseTable.build((p, "back") for p in attach["back_refs"]),
        back_heads=frozenset(attach["back_heads"]),
        back_sources=PhraseTable.build((p, "source") for p in attach["back_ref_sources"]),
        back_bodies=frozenset(attach["back_ref_bodies"]),
        yardsticks=PhraseTable.build((p, "yardstick") for p in attach["yardstick_after"]),
        fraction_yardsticks=frozenset(attach["fraction_yardsticks"]),
        whole_words=frozenset(attach["whole_words"]),
        frames=PhraseTable.build(_pairs(data["frames"])),
        # A figure's own words: its hedge ("about"), and words that name what kind of level or whole it is and
        # change nothing ("a total of 450", "a mere 14"), which every reader walking to or from it passes over.
        hedges=PhraseTable.build(
            [(str(k), str(v)) for k, v in before.items()] + [(p, "exact") for p in data["comparison"]["level_phrases"]]
        ),
        ratio_bases=PhraseTable.build((p, "ratio") for p in portion["ratio_bases"]),
        ratio_cues=PhraseTable.build((p, "ratio") for p in portion["ratio_cues"]),
        holding_nouns=PhraseTable.build((p, "holding") for p in portion["holding_nouns"]),
        share_before=PhraseTable.build(_pairs(portion["share_before"])),
        respondent_verbs=PhraseTable.build((p, "said") for p in portion["respondent_verbs"]),
        agent_participles=frozenset(portion["agent_participles"]) | frozenset(portion["respondent_verbs"]),
        pronoun_verbs=frozenset(portion["pronoun_verbs"]) | frozenset(portion["respondent_verbs"]),
        qualifiers=PhraseTable.build(_with_articles(k for k, (u, _) in ranges.items() if u != "change")),
        ranges=ranges,
        not_after_most=frozenset(quals["not_after_most"]["words"]),
        level_words=levels,
        still_words=PhraseTable.build((p, p) for p in still),
        extremes=PhraseTable.build(
            (p, side) for p, side in _pairs(data["extremes"]) if side in ("high", "low", "most", "least")
        ),
        extreme_words={str(w): "most" for w in data["extremes"]["most_words"]}
        | {str(w): "least" for w in data["extremes"]["least_words"]},
        group_verbs=PhraseTable.build((str(p), "group") for p in data["samples"]["verbs_after"]),
        group_verbs_before=PhraseTable.build((str(p), "group") for p in data["samples"]["verbs_before"]),
        group_nouns=PhraseTable.build((str(p), "group") for p in data["samples"]["group_nouns"]),
        weighting=frozenset(data["samples"]["weighting"]),
        score_cues=PhraseTable.build(
            [(str(p), "running") for p in data["scores"]["running"]]
            + [(str(p), "final") for p in data["scores"]["final"]]
        ),
        score_part_words=frozenset(str(w) for w in data["scores"]["part_words"]),
        score_elsewhere=frozenset(str(w) for w in data["scores"]["elsewhere"]),
        score_results=frozenset(str(w) for w in data["scores"]["results"]),
        score_verbs=frozenset(str(w) for w in data["scores"]["verbs"]),
        score_kinds=PhraseTable.build((str(p), str(p)) for p in data["scores"]["kinds"]),
        generic=frozenset(restate["generic"]),
        moment_words=frozenset(restate["moment_words"]),
        level_after=frozenset(data["leaving"]["level_after"]),
        neutral_modifiers=frozenset(restate["neutral_modifiers"]),
        measure_modifiers=frozenset(restate["measure_modifiers"]),
        narrow_measures=frozenset(restate["narrow_measures"]),
        per_unit_nouns=frozenset(restate["per_unit_nouns"]),
        running_tally=PhraseTable.build((p, "running") for p in restate["running_tally"]),
        money_concepts=frozenset(restate["money_concepts"]),
        anaphors=PhraseTable.build((str(p), "anaphor") for p in restate["anaphors"]),
        alike_ignored=frozenset(restate["alike_ignored"]),
        that_clause_after=frozenset(restate["that_clause_after"]),
        another_cues=frozenset(restate["another_cues"]),
        one_thing={str(w): str(group[0]) for group in restate["one_thing"] for w in group},
        told_again={str(w): str(group[0]) for group in restate["told_again"]["things"] for w in group},
        told_headcount=frozenset(restate["told_again"]["headcount"]),
        told_cost=PhraseTable.build((str(p), "cost") for p in restate["told_again"]["cost"]),
        told_newer=frozenset(restate["told_again"]["newer"]),
        told_unsure=frozenset(restate["told_again"]["unsure"]),
        told_moved=PhraseTable.build((str(p), "moved") for p in restate["told_again"]["moved"]),
        told_recounted=PhraseTable.build((str(p), "moved") for p in restate["told_again"]["recounted"]),
        told_noun_enders=frozenset(restate["told_again"]["noun_enders"]),
        growth_subjects=frozenset(restate["growth_subjects"]),
        running=frozenset(restate["running"]),
        events=frozenset(restate["events"]),
        one_off_events=frozenset(restate["one_off_events"]),
        base_forms={str(form): str(base) for base, forms in dict(restate["base_forms"]).items() for form in forms},
        verb_concepts=PhraseTable.build(_pairs(restate["verbs"])),
        level_verbs=PhraseTable.build(
            [(str(p), "level") for p in restate["level_verbs"]] + [(str(p), "put") for p in restate["level_put"]]
        ),
        holder_pronouns=frozenset(data["frames"]["holders"]["pronouns"]),
        contact_subjects=frozenset(data["frames"]["holders"]["contact_subjects"]),
        holder_nouns=frozenset(data["frames"]["holders"]["nouns"]),
        described_holders=frozenset(data["frames"]["holders"]["described"]),
        not_described=frozenset(data["frames"]["holders"]["not_described"]),
        other_holders=frozenset(data["frames"]["holders"]["others"]),
        money_verbs=PhraseTable.build(_pairs(data["frames"]["money_verbs"])),
        not_names=frozenset(data["frames"]["holders"]["not_names"]),
        always_names=frozenset(data["frames"]["holders"]["always_names"]),
        source_by=PhraseTable.build((p, "source") for p in data["frames"]["holders"]["source_by"]),
        officer_titles=PhraseTable.build((p, "officer") for p in data["frames"]["holders"]["officer_titles"]),
        whole_scopes=PhraseTable.build((str(p), "whole") for p in data["frames"]["scopes"]["whole"]),
        unscoped=frozenset(data["frames"]["scopes"]["unscoped"]),
        elsewhere=frozenset(data["frames"]["scopes"]["elsewhere"]),
        divisions=frozenset(data["frames"]["scopes"]["divisions"]),
        added_money=frozenset(data["frames"]["scopes"]["added_money"]),
        tolls=frozenset(data["frames"]["scopes"]["tolls"]),
        markets=frozenset(data["frames"]["scopes"]["markets"]) | frozenset(data["countries"]["names"]),
        holder_groups=frozenset(data["holders"]["groups"]),
        hardest_hit=PhraseTable.build((str(p), "hit") for p in data["frames"]["scopes"]["hardest_hit"]),
        sources=PhraseTable.build((str(p), "source") for p in data["frames"]["scopes"]["sources"]),
        sub_periods=PhraseTable.build(_pairs(data["frames"]["periods"])),
        known_set_before=PhraseTable.build(
            [(str(p), "all") for p in data["frames"]["known_sets"]["all"]]
            + [(str(p), "definite") for p in data["frames"]["known_sets"]["definite"]]
        ),
        known_set_after=PhraseTable.build((str(p), "known") for p in data["frames"]["known_sets"]["after"]),
        known_set_taken=frozenset(data["frames"]["known_sets"]["taken"]),
        subsets={str(k): frozenset(str(x) for x in v) for k, v in dict(data.get("subsets", {})).items()},
        complements=_complements(data.get("complements", {})),
        opposite_answers=_opposites(data["answers"]["opposites"]),
        stake_verbs=frozenset(data["stakes"]["verbs"]),
    )


# Tokens an attribution's source may take ("a spokeswoman for the council", "the Office for National Statistics").
SOURCE_WORDS = 6
# Tokens after "according to" that its source and time may take ("figures released by the council on Tuesday").
ACCORDING_WORDS = 9
# Kinds of figure an attribution may hold: the day it was said ("said on Tuesday").
_SAID_KINDS = frozenset({"weekday", "date", "relative", "time"})
_QUOTES = frozenset({'"', "'", "\u201c", "\u201d"})


@functools.cache
def _attribution() -> tuple[PhraseTable, PhraseTable, PhraseTable, frozenset[str], frozenset[str]]:
    data = _toml("vocab.toml")["attribution"]
    return (
        PhraseTable.build((p, "said") for p in data["verbs"]),
        PhraseTable.build((p, "open") for p in data["opens"]),
        PhraseTable.build((p, "time") for p in data["times"]),
        frozenset(data["not_source"]),
        frozenset(data["subject_verbs"]) | frozenset(_toml("vocab.toml")["past_moves"]["words"]),
    )


def attribution_end(words: Sequence[str], kinds: Sequence[str], j: int) -> int:
    """The closing comma of an attribution told as an aside from the comma at token ``j``, else -1:
    ", officials said,", ", the firm said on Tuesday,", ", said Ms Varga,", ", according to figures released
    on Tuesday,". ``kinds`` gives each token's figure kind ("" for a word). Words of the vocabulary
    (`[attribution]`); a source holds no clause word and no figure but the day it was said."""
    n = len(words)
    if j + 2 >= n or words[j] != ",":
        return -1
    verbs, opens, times, not_source, _ = _attribution()

    def source(a: int, limit: int) -> int:
        """Past the source's words from ``a`` (at most ``limit``), stopping at a comma or a verb of saying."""
        k = a
        while k < n and k - a < limit and words[k] not in (",", "(", ")", '"', ";", ":", ".", "!", "?"):
            if words[k] in not_source or (kinds[k] and kinds[k] not in _SAID_KINDS) or verbs.starting_at(words, k):
                break
            k += 1
        return k

    def close(k: int) -> int:
        """Past the time told with the saying ("on Tuesday", "in a statement") to the closing comma."""
        t = times.starting_at(words, k)
        if t:
            k = t[1]
        elif k + 1 < n and words[k] == "on" and kinds[k + 1] in _SAID_KINDS:
            k += 2
        return k if k < n and words[k] == "," else -1

    hit = opens.starting_at(words, j + 1)
    if hit:
        k = source(hit[1], ACCORDING_WORDS)
        return k if k > hit[1] and k < n and words[k] == "," else -1
    hit = verbs.starting_at(words, j + 1)
    if hit:  # ", said the company,"
        k = source(hit[1], SOURCE_WORDS)
        if k == hit[1] or k >= n:
            return -1
        return close(k) if words[k] != "," else k
    k = source(j + 1, SOURCE_WORDS)
    hit = verbs.starting_at(words, k) if k > j + 1 else None
    return close(hit[1]) if hit else -1


def attribution_cuts(words: Sequence[str], kinds: Sequence[str]) -> list[tuple[int, int]]:
    """The token ranges [a, b) a reader leaves out of a sentence for its attributions told as asides (see
    ``attribution_end``): from the opening comma to the closing one, which stays ("£40m, it said, up from
    £35m" reads "£40m, up from £35m"), or past it when a verb follows ("Sales, the firm said, rose 12%"
    reads "Sales rose 12%": the aside stood between a subject and its verb)."""
    out: list[tuple[int, int]] = []
    j = 1
    n = len(words)
    subject_verbs = _attribution()[4]
    while j < n:
        end = attribution_end(words, kinds, j) if words[j] == "," else -1
        if end >= 0 and (words[j - 1] in _QUOTES or (end + 1 < n and words[end + 1] in _QUOTES)):
            end = -1  # '"We are growing," said Ms Varga, "and ...': a quote's teller, which readers of quotes ask
        if end >= 0 and any(k not in ("", "weekday") for k in kinds[j:end]):
            # ", it announced on Tuesday 9 December 2025,": an aside with a figure of its own stays (", the
            # council said on Monday," is cut: the day of the saying, which the readers of days ask apart)
            end = -1
        if end < 0:
            j += 1
            continue
        nxt = words[end + 1] if end + 1 < n else ""
        verb = nxt in subject_verbs or (nxt.endswith("ed") and not kinds[j - 1])
        out.append((j, end + 1 if verb else end))
        j = end + 1
    return out


def without_attributions(chunk: str) -> str:
    """``chunk`` without its attributions told as asides, as the mentions read them, for a reader of raw text (the fact table's subject, a score's verb) ("Sales, the firm said,
    rose" reads "Sales rose"; ``vocab.attribution_cuts``)."""
    if chunk.count(",") < 2:
        return chunk
    toks = list(TOKEN.finditer(chunk.lower()))
    cuts = attribution_cuts([t.group() for t in toks], [""] * len(toks))
    if not cuts:
        return chunk
    out: list[str] = []
    at = 0
    for a, b in cuts:
        kept = b < len(toks) and toks[b].group() == ","  # the closing comma stays: no space before it
        out.append(chunk[at : toks[a].start()] + ("" if kept else " "))
        at = toks[b].start() if b < len(toks) else len(chunk)
    out.append(chunk[at:])
    return "".join(out)
