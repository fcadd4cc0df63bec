"""Results against their target: "beat its cost-cutting goal for 2019, saving £118m. ... it had planned to
cut £130m", "its half-year earnings fell short of what the City wanted. ... earnings were 41p a share, but
brokers had forecast 40p".

A verb of outcome ("beat", "missed", "fell short of") before a target noun ("target", "forecasts",
"expectations") relates the result to the forecast figure told with it: in its sentence or in the next
ones. The relation is a ``comparison`` (the result is above or below the forecast), judged like any
other comparison word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from numcheck.mentions import CLAUSE_END, Token
from numcheck.model import Fact, Span
from numcheck.relations.base import FRAME_KINDS, Relation, _Doc, same_family
from numcheck.relations.restatements import _plain_tokens
from numcheck.relations.stated import _clause_concept
from numcheck.vocab import _toml as vocab_toml
from numcheck.vocab import any_phrase, vocab, words_of

# Kinds of figure a result or a target can be.
RESULTS = frozenset({"count", "number", "money", "measure", "percent"})
# Tokens between the verb and its target noun ("beat its own cost-cutting target").
NOUN_REACH = 5
# Sentences after the verb's that the forecast figure may stand in; from the lead, which tells what the
# body gives, further, when the result names what it is ("its quarterly profits failed to meet").
SENTENCES_AFTER = 2
LEAD_AFTER = 5
LEAD = 2
# Tokens before a forecast figure that its forecast word may stand ("analysts had expected").
CUE_REACH = 8
# Concepts that name a change of whatever the result counts ("analysts had forecast growth of 4.5%"
# against "sales grew 4.1%"), not a quantity of their own.
CHANGE_CONCEPTS = frozenset({"growth"})
# Tokens before the verb read for what the result is ("its quarterly profits failed to meet").
SUBJECT_REACH = 4


def _targets(d: _Doc) -> Iterator[Relation]:
    for si, toks in enumerate(d.m.tokens):
        if not toks:
            # No figure in the sentence ("Its sales missed forecasts."): read its words when it has a verb.
            span = d.view.doc.sentences[si].span
            if not _verbs().search(d.view.text, span.start, span.end):
                continue
            toks = _plain_tokens(d, si)
        words = tuple(t.text for t in toks)
        j = 0
        verbs = d.v.outcome_verbs
        for k in verbs.starts_in(words):
            if k < j:
                continue  # inside the last verb read
            hit = verbs.starting_at(words, k)
            if hit is None:
                continue
            j = k
            order, end = hit
            noun = _target_noun(d, toks, end)
            if noun >= 0:
                rel = _against_target(d, si, toks, j, noun, order)
                if rel is not None:
                    yield rel
            elif end < len(toks) and toks[end].text == "it" and (rel := _pointed_target(d, si, j, end, order)):
                yield rel
            j = end


@functools.cache
def _verbs() -> re.Pattern[str]:
    """The first words of the outcome verbs, as one case-blind search."""
    return any_phrase(vocab().outcome_verbs.by_first)


def _target_noun(d: _Doc, toks: Sequence[Token], start: int) -> int:
    """Index of the target noun within a few words after the verb, or -1."""
    for k in range(start, min(len(toks), start + NOUN_REACH)):
        if toks[k].fact >= 0 and k + 1 < len(toks) and toks[k + 1].text in d.v.target_nouns:
            continue  # "beating its own 75% target": the target's figure told before its noun
        if toks[k].fact >= 0 or toks[k].text in CLAUSE_END:
            return -1
        if toks[k].text in d.v.target_nouns:
            return k
    return -1


def _against_target(d: _Doc, si: int, toks: Sequence[Token], j: int, noun: int, order: str) -> Relation | None:
    concept = _subject_concept(d, toks, j)
    lead = concept and si <= LEAD + _first_body(d)
    forecast = toks[noun - 1].fact if toks[noun - 1].fact >= 0 and _usable(d, toks[noun - 1].fact) else -1
    if forecast < 0:
        forecast = _forecast_after(d, si, noun, LEAD_AFTER if lead else SENTENCES_AFTER)
    if forecast < 0:
        forecast = _forecast_before(d, si, j)
    far = _forecast_far(d, si, j) if forecast < 0 else None
    if far is not None:
        forecast = far[0]
    if forecast < 0:
        return None
    result = far[1] if far is not None else _result(d, si, j, noun, forecast)
    if result < 0:
        return None
    rm = d.m.by_fact.get(result)
    if concept and rm is not None and rm.concept and rm.concept != concept:
        return None
    if _lower_better(d, result, si, j, noun):
        order = "below" if order == "above" else "above"  # "leaked 300 litres a day ... beat the target"
    one_sentence = d.pos_of(result)[0] == d.pos_of(forecast)[0] == si
    evidence = "sentence" if one_sentence else "document"
    cue = Span(toks[j].start, toks[noun].end)
    return Relation("comparison", (("a", result), ("b", forecast)), (cue,), evidence, (("order", order),))


# Sentences before the verb's that the forecast figure may stand in when none follows ("Analysts had forecast
# £95m. ... so the result beat expectations").
SENTENCES_BEFORE = 1


def _forecast_before(d: _Doc, si: int, j: int) -> int:
    """The nearest forecast figure before the verb at token ``j``: in its sentence ("Analysts had forecast
    £95m, so the result beat expectations", "against a target of 380 million litres, meaning it beat the
    target"), else in the sentence before; the result is then told before it."""
    for s2 in range(si, max(-1, si - SENTENCES_BEFORE - 1), -1):
        toks = d.m.tokens[s2]
        top = min(j, len(toks)) if s2 == si else len(toks)
        for k in range(top - 1, -1, -1):
            fi = toks[k].fact
            if fi < 0 or not _usable(d, fi):
                continue
            lo = d.m.clause_start(s2, k)
            if not _forecast_cue(d, s2, max(lo, k - CUE_REACH), k):
                return -1  # the nearest figure is no forecast: it is not the target the verb speaks of
            hi = d.m.clause_end(s2, k)
            if any(_later(d, s2, x) for x in range(lo, hi)):
                return -1
            return fi
    return -1


def _forecast_far(d: _Doc, si: int, j: int) -> tuple[int, int] | None:
    """A result told in the verb's own sentence, before it and with its concept ("said pre-tax profit of £88m,
    up from £80m, came in ahead of expectations"), against the nearest forecast of that concept told anywhere
    before ("Analysts had pencilled in pre-tax profit of about £95m"): (forecast, result), or None."""
    toks = d.m.tokens[si]
    result = -1
    for k in range(min(j, len(toks)) - 1, -1, -1):
        fi = toks[k].fact
        if fi >= 0 and _usable(d, fi) and _not_forecast(d, fi) and not d.older_end(si, k):
            result = fi
            if not _earlier_period(d, si, k):
                break
            result = -1
    if result < 0:
        return None
    concept = _clause_concept(d, result)
    if not concept or concept in CHANGE_CONCEPTS:
        return None
    like = d.facts[result]
    for s2 in range(si - 1, -1, -1):
        stoks = d.m.tokens[s2]
        for k in range(len(stoks) - 1, -1, -1):
            fi = stoks[k].fact
            if fi < 0 or not _usable(d, fi) or not same_family(d.facts[fi], like):
                continue
            if _clause_concept(d, fi) != concept:
                continue
            lo = d.m.clause_start(s2, k)
            if not _forecast_cue(d, s2, max(lo, k - CUE_REACH), k):
                continue
            hi = d.m.clause_end(s2, k)
            return None if any(_later(d, s2, x) for x in range(lo, hi)) else (fi, result)
    return None


@functools.cache
def _lower_words() -> frozenset[str]:
    return frozenset(vocab_toml("vocab.toml")["targets"]["lower_better"])


def _lower_better(d: _Doc, result: int, si: int, j: int, noun: int) -> bool:
    """The result is an amount lost or let out, where lower beats the target (``[targets] lower_better``):
    "lost 300 litres a day", "its leakage target", "cut its losses to £12m"; not a cut's size ("cut its
    deficit by £3bn") nor a count ("lost 300 jobs")."""
    f = d.facts[result]
    if f.kind not in ("measure", "money"):
        return False
    rs, rpos = d.pos_of(result)
    words = d.m.words[rs]
    k = d.hedge_start(rs, rpos)
    if k >= 1 and words[k - 1] == "by":
        return False
    lo = d.m.clause_start(rs, rpos)
    lower = _lower_words()
    return any(w in lower for w in words[lo:rpos]) or any(w in lower for w in d.m.words[si][j:noun])


def _subject_concept(d: _Doc, toks: Sequence[Token], j: int) -> str:
    """The concept named right before the verb ("its quarterly profits failed"), or ""."""
    for k in range(j - 1, max(-1, j - 1 - SUBJECT_REACH), -1):
        w = toks[k].text
        if toks[k].fact >= 0 or w in CLAUSE_END or w == ",":
            return ""
        hit = d.v.concepts.get(w)
        if hit:
            return hit
    return ""


def _usable(d: _Doc, fi: int) -> bool:
    f = d.facts[fi]
    return (
        f.kind in RESULTS and f.kind not in FRAME_KINDS and not f.is_range and f.value is not None and not _added(d, fi)
    )


def _added(d: _Doc, fi: int) -> bool:
    """The figure is an amount on top of another ("another 6,000 jobs depend on it", "240 more than a year
    ago"), not a level a result reaches or a target sets."""
    m = d.m.by_fact.get(fi)
    if m is not None and "another" in m.roles:
        return True
    si, pos = d.pos_of(fi)
    return d.gap_told(si, pos)


def _first_body(d: _Doc) -> int:
    """The first sentence with tokens (the headline has none when it has no figure)."""
    return next((i for i, toks in enumerate(d.m.tokens) if toks), 0)


def _forecast_after(d: _Doc, si: int, noun: int, sentences: int) -> int:
    """The first forecast figure after the target noun: in its sentence or the next ones, not one for a
    later period ("it aims to save £250m next year")."""
    for s2 in range(si, min(len(d.m.tokens), si + sentences + 1)):
        toks = d.m.tokens[s2]
        words = d.m.words[s2]
        for k in range(noun + 1 if s2 == si else 0, len(toks)):
            fi = toks[k].fact
            if fi < 0:
                hit = d.v.outcome_verbs.starting_at(words, k)
                if hit and _target_noun(d, toks, hit[1]) >= 0:
                    return -1  # another result against another target is told first
                continue
            if not _usable(d, fi):
                continue
            lo = d.m.clause_start(s2, k)
            named = s2 == si and _value_of_noun(d, si, noun, k)  # "missing its target of 1,150"
            if not named and not _forecast_cue(d, s2, max(lo, noun + 1 if s2 == si else 0, k - CUE_REACH), k):
                continue
            hi = d.m.clause_end(s2, k)
            if any(_later(d, s2, x) for x in range(lo, hi)):
                return -1
            return fi
    return -1


def _value_of_noun(d: _Doc, si: int, noun: int, k: int) -> bool:
    """The figure at token ``k`` is told as the value of the target noun at ``noun``: "its target of 1,150",
    "the target, 1,150", "the goal of about 40%"."""
    words = d.m.words[si]
    j = noun + 1
    if j < len(words) and words[j] in ("of", ","):
        j += 1
    return j < len(words) and d.hedge_start(si, k) == j


def _pointed_target(d: _Doc, si: int, j: int, end: int, order: str) -> Relation | None:
    """ "The region's target was 1,150, and 1,210 trainees started, missing it by 60": "it" after the verb at
    token ``j`` (its "it" at ``end``) stands for a target noun told earlier in the sentence with its figure ("target was 1,150",
    "a target of 1,150"); the result is the figure of its family told between that figure and the verb."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for n in range(j - 1, -1, -1):
        if words[n] not in d.v.target_nouns:
            continue
        k = n + 1
        if k < len(words) and (words[k] in ("was", "is", "of", "had", "been", "stood", "at") or words[k] == ","):
            k += 1
        while k < len(words) and words[k] in ("been", "at"):
            k += 1
        hedge = d.v.hedges.starting_at(words, k) if k < j else None
        forecast = d.fact_at(si, hedge[1] if hedge is not None else k) if k < j else -1
        if forecast < 0 or not _usable(d, forecast):
            return None
        like = d.facts[forecast]
        results = [
            fi
            for x in range(j)
            if (fi := toks[x].fact) >= 0 and fi != forecast and _usable(d, fi) and same_family(d.facts[fi], like)
        ]
        if len(results) != 1:
            return None
        verb = Span(toks[j].start, toks[end].end)  # "missing it", "falling short of it"
        cues = (verb, Span(toks[n].start, toks[n].end))
        return Relation("comparison", (("a", results[0]), ("b", forecast)), cues, "sentence", (("order", order),))
    return None


def _forecast_cue(d: _Doc, si: int, lo: int, k: int) -> bool:
    """A forecast word ("had expected", "aimed to save") between token ``lo`` and the figure at ``k``, with
    no other figure between: the target noun of the verb itself does not make its result a forecast."""
    words = d.m.words[si]
    for i in range(k, lo, -1):
        if i < k and d.fact_at(si, i) >= 0:
            return False
        hit = d.v.roles_before.ending_at(words, i)
        if hit and hit[0] == "forecast" and hit[1] >= lo:
            return True
    return False


def _later(d: _Doc, si: int, k: int) -> bool:
    """Token ``k`` says a later period: "next", "will", or a time figure such as "next year"."""
    fi = d.fact_at(si, k)
    if fi >= 0:
        return d.facts[fi].kind in FRAME_KINDS and any(w in d.v.later_words for w in d.facts[fi].text.lower().split())
    return d.m.words[si][k] in d.v.later_words


def _result(d: _Doc, si: int, j: int, noun: int, forecast: int) -> int:
    """The result set against the forecast: a figure of its family after the target noun in the verb's
    sentence ("beat its goal, saving £118m"), else before the verb in its clause ("saved £118m,
    beating its goal"), else the figure told just before the forecast ("earnings were 41p a share,
    but brokers had forecast 40p")."""
    like = d.facts[forecast]
    toks = d.m.tokens[si]
    fs, fpos = d.pos_of(forecast)
    top = fpos if fs == si else len(toks)
    for k in range(noun + 1, top):
        fi = toks[k].fact
        if fi >= 0 and _usable(d, fi) and same_family(d.facts[fi], like):
            return fi
    lo = d.m.clause_start(si, j)
    for k in range(j - 1, lo - 1, -1):
        fi = toks[k].fact
        if fi >= 0 and _usable(d, fi) and same_family(d.facts[fi], like) and _not_forecast(d, fi):
            if d.older_end(si, k) or _earlier_period(d, si, k):
                # "rose to $18.4bn from $16.4bn, beating forecasts of $17.6bn", "78% ..., against 71% last year
                # and beating its 75% target": the level reached, not the older one
                continue
            return fi
    if fs == si and fpos > j:
        return -1
    if fs < si or (fs == si and fpos < j):
        return _result_before(d, fs, fpos, like)
    # The figure told before the forecast, in its sentence or back to the verb's ("Net income came to 880m
    # pesos, against 610m a year before. Profit had been expected to reach 850m pesos."): not a figure
    # of an earlier period, and of the forecast's concept where both name one.
    want = _clause_concept(d, forecast)
    want = "" if want in CHANGE_CONCEPTS else want
    for s2 in range(fs, si, -1):
        stoks = d.m.tokens[s2]
        for k in range((fpos if s2 == fs else len(stoks)) - 1, -1, -1):
            fi = stoks[k].fact
            if fi < 0 or not _usable(d, fi) or not same_family(d.facts[fi], like) or not _not_forecast(d, fi):
                continue
            if _earlier_period(d, s2, k):
                continue
            got = _clause_concept(d, fi)
            return fi if not (want and got and want != got) else -1
    return -1


def _result_before(d: _Doc, fs: int, fpos: int, like: Fact) -> int:
    """The result told before a forecast that itself stands before the verb: the nearest figure of its
    family before it, in its sentence or the one before ("Profit came in at £88m. Analysts had forecast
    £95m, so the result beat expectations"), not a forecast nor a figure of an earlier period."""
    for s2 in range(fs, max(-1, fs - SENTENCES_BEFORE - 1), -1):
        stoks = d.m.tokens[s2]
        for k in range((fpos if s2 == fs else len(stoks)) - 1, -1, -1):
            fi = stoks[k].fact
            if fi < 0 or not _usable(d, fi) or not _not_forecast(d, fi):
                continue
            if not same_family(d.facts[fi], like) or _earlier_period(d, s2, k):
                return -1
            return fi
    return -1


def _earlier_period(d: _Doc, si: int, k: int) -> bool:
    """The figure at token ``k`` is told of an earlier period: its frame is past, or a past time phrase
    follows it ("2.7bn a year earlier")."""
    mm = d.m.by_fact.get(d.fact_at(si, k))
    if mm is not None and mm.frame == "past":
        return True
    after = d.fact_at(si, k + 1)
    if after < 0 or d.facts[after].kind not in FRAME_KINDS:
        return False
    words = words_of(d.facts[after].text)
    return any((hit := d.v.frames.starting_at(words, i)) is not None and hit[0] == "past" for i in range(len(words)))


def _not_forecast(d: _Doc, fi: int) -> bool:
    mm = d.m.by_fact.get(fi)
    return mm is None or "forecast" not in mm.roles
