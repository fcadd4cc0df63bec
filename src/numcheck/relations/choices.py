"""Answers to a question that lets each person give one answer: "Asked to choose the single biggest
problem, 38% picked housing, 37% transport and 19% crime"; "Voters were asked to pick just one priority.
Transport came top with 39%, followed by housing on 36%". The shares told after the cue split the people
asked, so together they are at most 100% (``shares``, NC206), however the answers are worded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from numcheck.relations.base import FRAME_KINDS, Relation, _Doc
from numcheck.vocab import PhraseTable, _toml

_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
# Sentences after the cue's sentence, in its paragraph, that may go on telling the answers.
CHOICE_AHEAD = 2


@functools.cache
def _words() -> tuple[PhraseTable, PhraseTable, frozenset[str]]:
    data = _toml("vocab.toml")["choices"]
    return (
        PhraseTable.build((p, "ask") for p in data["asking"]),
        PhraseTable.build((p, "one") for p in data["single"]),
        frozenset(data["not_split"]),
    )


def _single_choices(d: _Doc) -> Iterator[Relation]:
    """Shares told after a cue of asking for one answer, in the cue's sentence and up to ``CHOICE_AHEAD``
    sentences after it in its paragraph: a ``shares`` relation of every percentage of the run. The run
    ends at a sentence that tells changes or comparisons (``not_split``), at a share of its own whole after
    the first ("30% of women", "12% of those"), and at a new cue."""
    asking, single, not_split = _words()
    paragraphs = [s.paragraph for s in d.view.doc.sentences]
    for si in range(len(d.m.words)):
        cue = _cue(d, si, asking, single)
        if cue < 0:
            continue
        items: list[int] = []
        for s2 in range(si, min(len(d.m.words), si + CHOICE_AHEAD + 1)):
            if s2 > si and (_cue(d, s2, asking, single) >= 0 or not _goes_on(d, s2, paragraphs[s2] != paragraphs[si])):
                break
            w2 = d.m.words[s2]
            start = cue if s2 == si else 0
            if any(w in not_split for w in w2[start:]):
                break
            run = _shares_after(d, s2, start, bool(items))
            if run is None:
                break
            items.extend(run)
        if len(items) >= 2:
            yield Relation(
                "shares",
                tuple(("item", i) for i in items),
                (),
                "sentence" if len({d.facts[i].sentence for i in items}) == 1 else "document",
            )


# Tokens from a sentence's start that its first share may stand when it opens a new paragraph and still goes
# on telling the answers ("A further 17% chose parks").
OPENING_SHARE = 3


def _goes_on(d: _Doc, si: int, new_paragraph: bool) -> bool:
    """Sentence ``si`` goes on telling the answers: in the cue's paragraph, or opening a new one with a
    share ("A further 17% chose parks", "Some 11% named ...")."""
    if not new_paragraph:
        return True
    toks = d.m.tokens[si]
    return any(t.fact >= 0 and d.facts[t.fact].kind == "percent" for t in toks[:OPENING_SHARE])


def _cue(d: _Doc, si: int, asking: PhraseTable, single: PhraseTable) -> int:
    """The token after a cue of asking for one answer in sentence ``si``, before its first figure; else -1
    (0 for a sentence with no figure that is all cue: "Parents were asked to pick one thing to improve.")."""
    toks = d.m.tokens[si]
    if not toks:
        span = d.view.doc.sentences[si].span
        plain = _WORD.findall(d.view.text[span.start : span.end].lower())
        asked = next((k for k in asking.starts_in(plain) if asking.starting_at(plain, k) is not None), -1)
        return 0 if asked >= 0 and any(single.starting_at(plain, k) for k in single.starts_in(plain, asked + 1)) else -1
    # "one" is read as a figure: here it is the word of one answer ("pick just one priority").
    words = ["one" if t.fact >= 0 and _is_one(d, t.fact) else w for t, w in zip(toks, d.m.words[si], strict=True)]
    asked = one = -1
    for k in range(len(words)):
        if toks[k].fact >= 0 and words[k] != "one":
            break
        if asked < 0 and words[k] in asking.by_first and asking.starting_at(words, k) is not None:
            asked = k
        hit = single.starting_at(words, k) if words[k] in single.by_first else None
        if hit is not None and asked >= 0 and k + 1 < len(words) and words[hit[1]].isalpha():
            one = hit[1]  # "the single biggest", "just one priority", "which one service"
    return one if asked >= 0 and one >= 0 else -1


def _is_one(d: _Doc, fi: int) -> bool:
    """The figure is the word "one" ("just one priority")."""
    f = d.facts[fi]
    return d.view.text[f.span.start : f.span.end].lower() == "one"


# Words that point back to a group already told: a share after them is a share of that group, not an answer.
_SUBSET_WORDS = frozenset({"those", "them", "these", "whom", "who", "which"})
# Tokens before a share that such a word may stand ("and of those, 60%").
SUBSET_BEFORE = 4


def _shares_after(d: _Doc, si: int, start: int, more: bool) -> list[int] | None:
    """The percentages of sentence ``si`` from token ``start``; None when one is a share of its own whole
    after the first of the run ("30% of women"), a bound or a range."""
    words, toks = d.m.words[si], d.m.tokens[si]
    found: list[int] = []
    last = start
    for k in range(start, len(toks)):
        fi = toks[k].fact
        if fi < 0:
            continue
        f = d.facts[fi]
        if found and f.kind in FRAME_KINDS:
            return None  # "45% said the parks; a year earlier 60% had": another time's answers
        if f.kind != "percent":
            if f.kind in ("share", "points"):
                return None
            continue
        if f.is_range or f.value is None or d.bound_at(si, k):
            return None
        if (more or found) and k + 1 < len(words) and words[k + 1] == "of":
            return None  # "and 30% of women": a share of another group
        if (more or found) and _SUBSET_WORDS & set(words[max(last, k - SUBSET_BEFORE) : k]):
            return None  # "44% picked the owl, and of those, 60% were girls": a share of a share
        found.append(fi)
        last = k
    return found
