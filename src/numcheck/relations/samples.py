"""Samples: a share of a small group whose size the text gives, for the GRIM test.

"Between January and May, 38 men and 2 women were treated for burns" and,
later, "smoke damage was found in 43.5% of patients": the patients are the
40 treated, and no whole number of 40 gives 43.5%. A group is a count (or
counts joined by "and": "38 men and 2 women") in a clause with a verb that
gathers a group ("were admitted", "took part", "were surveyed"); a share
"of" a group noun ("of patients", "of cases", "of respondents"), or of
those asked ("30% admitted ..."), with no whole of its own, is a share of
the nearest group told before it. Relation ``sample``: ``whole`` or its
``item``s, and ``share``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping

from numcheck.mentions import CLAUSE_END
from numcheck.relations.base import SHARES, Relation, _Doc
from numcheck.relations.referents import definite_whole, sample_counts
from numcheck.relations.referents import words as referent_words
from numcheck.vocab import singular

# Tokens after a group's count that its gathering verb may stand ("149 men and one woman aged 19 to 97
# were admitted").
GROUP_VERB_REACH = 16
# Tokens before a group's count that its gathering verb may stand ("surveyed a total of 80 nurses").
GROUP_VERB_BEFORE = 4
# Words that may stand between a gathering verb and the group's count.
_FILLER = frozenset("a an the total of some all".split())
# Words between a count and its noun and the "and" that joins the next count ("38 men and 2 women").
ITEM_NOUN = 3


def _group_at(d: _Doc, si: int, pos: int) -> tuple[int, ...]:
    """The counts of a group starting at token ``pos`` ("38 men and 2 women were treated"), or ()."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    items = [toks[pos].fact]
    k = pos + 1
    while True:
        j = k
        while j < len(words) and j - k < ITEM_NOUN and toks[j].fact < 0 and words[j][:1].isalpha():
            if words[j] == "and":
                break
            j += 1
        if j + 1 < len(words) and words[j] == "and" and toks[j + 1].fact >= 0 and j > k:
            f = d.facts[toks[j + 1].fact]
            if f.kind in ("count", "number") and f.hedge == "exact":
                items.append(toks[j + 1].fact)
                k = j + 2
                continue
        break
    end = min(d.m.clause_end(si, pos), pos + GROUP_VERB_REACH)
    for j in range(k, end):
        if words[j] in CLAUSE_END or (toks[j].fact >= 0 and d.facts[toks[j].fact].kind == "percent"):
            break  # "the largest of the three, only 63.8% of patients were seen": the share's own verb
        if d.v.group_verbs.starting_at(words, j):
            return tuple(items)  # "38 men and 2 women were treated"
    j = pos
    while j > 0 and pos - j < GROUP_VERB_BEFORE and words[j - 1] in _FILLER:
        j -= 1
    if d.v.group_verbs_before.ending_at(words, j):
        return tuple(items)  # "doctors treated 38 men and 2 women", "surveyed a total of 80 nurses"
    return ()


def _exact_whole(d: _Doc, fi: int) -> bool:
    f = d.facts[fi]
    return (
        f.kind in ("count", "number")
        and f.hedge == "exact"
        and not f.is_range
        and f.value is not None
        and f.value > 0
        and f.value == f.value.to_integral_value()
    )


def _samples(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """Shares "of" a group noun (first-pass ``portion`` relations) and the nearest group told before them."""
    shares: dict[int, str] = {}
    for rel in built.get("portion", {}).values():
        si = rel.get("share")
        if si is not None and d.facts[si].kind != "percent":
            continue  # a fraction word ("half of them") is told loosely: no GRIM test
        if si is not None and rel.label("whole") not in d.v.anaphora:
            shares[si] = rel.label("whole")  # "of them", "of those" are read by their antecedent (below)
    if not shares:
        return
    group: tuple[int, ...] = ()
    for si, pos, fi, _ in d.figures():
        if fi in shares:
            noun = shares[fi]
            if group and d.v.group_nouns.starting_at(noun.split(), 0):
                roles = (("whole", group[0]),) if len(group) == 1 else tuple(("item", i) for i in group)
                yield Relation("sample", (*roles, ("share", fi)), (), "document", (("whole", noun),))
            continue
        if _exact_whole(d, fi) and (not group or fi not in group):
            g = _group_at(d, si, pos)
            if g and all(_exact_whole(d, i) for i in g):
                group = g


def _pronoun_samples(d: _Doc) -> Iterator[Relation]:
    """ "Five patients were treated, and 90% of them recovered", "The club has 12 members, 30% of whom are
    women", "Seven were rescued. Of them, 40% were children": a percentage of a pronoun ("of them", "of
    whom", "of those") is a share of the nearest count told before it (this sentence or the one before),
    which must be a plain whole count; the GRIM judge then asks whether any whole number of it gives the
    share. Not "those" with a word after it other than a verb ("of those cases", "of those questioned"
    name their own set: a survey's respondents are not the last count told)."""
    anaphora = d.v.anaphora
    for si, pos, fi, _ in d.figures(frozenset({"percent"})):
        words = d.m.words[si]
        after = pos + 2 < len(words) and words[pos + 1] == "of" and words[pos + 2] in anaphora
        if after:
            nxt = words[pos + 3] if pos + 3 < len(words) else "."
            named = nxt[:1].isalpha() and nxt not in _GROUP_END
            if words[pos + 2] in ("those", "these") and named and d.fact_at(si, pos + 3) < 0:
                # "of those firms", "of those questioned": what follows names the set itself; "of those
                # infected" is the one count the story tells of its event ("23 confirmed cases").
                whole = definite_whole(d, si, pos + 2, None, sets_only=True)
                if whole >= 0 and _exact_whole(d, whole) and (d.facts[whole].value or 0) > 1:
                    yield Relation("sample", (("whole", whole), ("share", fi)), (), "document", (("whole", "them"),))
                continue
            at = pos
        else:
            # "Of them, 40% were children", "18 pupils, of whom 40% passed": the pronoun opens the
            # clause before the share.
            k = d.hedge_start(si, pos)
            k -= k >= 1 and words[k - 1] == ","
            if not (k >= 2 and words[k - 1] in anaphora and words[k - 2] == "of"):
                continue
            at = k - 2
        whole = _pronoun_whole(d, si, at)
        if whole >= 0:
            yield Relation("sample", (("whole", whole), ("share", fi)), (), "document", (("whole", "them"),))


def _opening_samples(d: _Doc) -> Iterator[Relation]:
    """ "Of the 60 respondents aged 18 to 24, 44% said ...", "Of the 23 cases in the trial, 41% ...": a
    percentage at the head of a clause opened by "Of the N <group>," (read by ``shares._whole_before``,
    the one reader of such openings, past the words and ages that narrow the group) is a share of the N;
    not a share "of" a whole of its own ("Of the 60 firms, 44% of staff ...")."""
    from numcheck.relations.shares import _whole_before

    for si, pos, fi, _ in d.figures(frozenset({"percent"})):
        words = d.m.words[si]
        if pos + 1 < len(words) and words[pos + 1] == "of":
            continue
        found = _whole_before(d, si, pos)
        if found is None or found[2] != "clause" or not _exact_whole(d, found[0]):
            continue
        yield Relation("sample", (("whole", found[0]), ("share", fi)), (found[1],), "clause", (("whole", "of"),))


def _pronoun_whole(d: _Doc, si: int, pos: int) -> int:
    """The nearest count before token ``pos`` (this sentence or the one before) if it is a plain whole
    count larger than one, else -1: the nearest figure of another kind ends the search."""
    for s2, k, fi in d.m.figures_before(si, pos, 1, None):
        f = d.facts[fi]
        if f.kind in ("year", "date", "relative", "weekday", "time", "decade"):
            continue
        if f.kind not in ("count", "number"):
            return -1
        if _held_object(d, s2, k):
            continue  # "38,210 people attended the board's three A&E units. Of those, 61.4%": the people
        return fi if _exact_whole(d, fi) and (f.value or 0) > 1 else -1
    return -1


def _held_object(d: _Doc, si: int, k: int) -> bool:
    """The count at token ``k`` is a preposition's or a possessive's object after another count of its
    sentence ("38,210 people attended the board's three units", "treated 1,240 patients at 48 hospitals"):
    not what a later "those" stands for."""
    words = d.m.words[si]
    h = d.hedge_start(si, k)
    held = d._after_preposition(si, k) or (h > 0 and (words[h - 1].endswith("'s") or words[h - 1] in ("its", "their")))
    return held and any(t.fact >= 0 and d.facts[t.fact].kind in ("count", "number") for t in d.m.tokens[si][:h])


# Tokens before a sample's count that its cue may end at, words between allowed ("a survey of a
# representative sample of 500 voters"), and words between the count and its group ("500 British voters").
SAMPLE_CUE_REACH = 6
SAMPLE_WORDS = frozenset("a an the total of some all sample representative random national nationally".split())
GROUP_ADJECTIVES = 2
# Words after a group's noun that end it ("500 nurses were asked", "of voters said").
_GROUP_END = frozenset(
    "were was are is who which that said say says feel felt think thought have had and in from".split()
)
# Words of a sampling cue that make its count the sample itself (not "doctors treated 40 patients").
_SURVEY = frozenset("survey surveyed poll polled questioned interviewed sample study".split())


def _named_groups(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """ "81.3% of first-year nurses feel ..." and, anywhere in the text, "a survey of 500 first-year
    nurses": a share of a group named the same way as a sample counted by a survey cue is a share of that
    sample (the nearest such sample, before the share or after it). Groups are keyed by what names them:
    an age group as written ("16 to 20-year-olds"), else the group's noun in the singular."""
    samples: dict[str, list[int]] = {}
    shares: list[tuple[int, str]] = []
    for si, pos, fi, f in d.figures():
        if f.kind == "percent":
            key = _group_key(d, si, pos + 1, of=True)
            if key:
                shares.append((fi, key))
        elif _exact_whole(d, fi) and _sampled(d, si, pos):
            key = _group_key(d, si, pos + 1, of=False)
            if key:
                samples.setdefault(key, []).append(fi)
    starts = {key: [d.facts[g].span.start for g in found] for key, found in samples.items()}
    for fi, key in shares:
        found = samples.get(key)
        if not found:
            continue
        # The nearest sample before the share (found is in text order), else the first after it.
        k = bisect.bisect_left(starts[key], d.facts[fi].span.start)
        whole = found[k - 1] if k else found[0]
        yield Relation("sample", (("whole", whole), ("share", fi)), (), "document", (("whole", key),))


def _group_key(d: _Doc, si: int, k: int, of: bool) -> str:
    """What names the group from token ``k``: after "of" (and "the") for a share, after up to
    ``GROUP_ADJECTIVES`` words for a sample's count; an age group's text, or a plural noun's singular."""
    words = d.m.words[si]
    toks = d.m.tokens[si]
    if of:
        if k >= len(words) or words[k] != "of":
            return ""
        k += 1
        while k < len(words) and words[k] in ("the", "all"):
            k += 1
    for j in range(k, min(len(words), k + GROUP_ADJECTIVES + 1)):
        fi = toks[j].fact
        if fi >= 0:
            f = d.facts[fi]
            if f.kind == "age" and f.is_range:
                return " ".join(f.text.lower().replace("-", " ").split())
            if f.kind != "ordinal":
                return ""
            continue  # "first-time buyers": an ordinal as an adjective
        w = words[j]
        if not w[:1].isalpha() or w in CLAUSE_END:
            return ""
        nxt = words[j + 1] if j + 1 < len(words) else "."
        if _plural(w) and (not nxt[:1].isalpha() or nxt in _GROUP_END or not _plural(nxt)):
            return singular(w)  # "of nurses said", "500 British nurses were"
    return ""


def _plural(w: str) -> bool:
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def _sampled(d: _Doc, si: int, pos: int) -> bool:
    """A count told as a survey's sample: a survey word just before it, only sample words between ("the
    survey of a sample of 500", "polled 1,000")."""
    words = d.m.words[si]
    for j in range(pos - 1, max(-1, pos - 1 - SAMPLE_CUE_REACH), -1):
        if words[j] in _SURVEY:
            return True
        if words[j] not in SAMPLE_WORDS:
            return False
    return False


# Tokens between the cue that sets a share beside the group ("-", "(", ", or") and the share: its hedge.
ASKED_SHARE_GAP = 2


def _asked_shares(d: _Doc) -> Iterator[Relation]:
    """ "Asked about the economy, 740 respondents - two in five - said ...", "1,120 of those polled (58%)":
    a count of the people a poll asked (``[referents] asked``: "respondents", "those asked"), with a share
    set beside it, is that share of the poll's sample ("a survey of 1,850 adults", ``[referents] samples``)
    told anywhere before; only when the text tells one sample."""
    w = referent_words()
    for si, pos, fi, f in d.figures():
        if f.kind not in ("count", "number") or f.is_range or f.value is None:
            continue
        words = d.m.words[si]
        k = pos + 1
        if k + 1 < len(words) and words[k] == "of":
            k += 1  # "1,120 of those polled"
        hit = w.asked.starting_at(words, k)
        if not hit:
            continue
        link = d.v.same.starting_at(words, hit[1])
        if not link:
            continue
        xi = d.figure_after(si, link[1], SHARES)
        if xi < 0 or d.pos_of(xi)[0] != si or d.pos_of(xi)[1] - link[1] > ASKED_SHARE_GAP:
            continue
        xp = d.pos_of(xi)[1]
        if xp + 1 < len(words) and words[xp + 1] == "of":
            continue  # "960 respondents, one in four of those aged under 30": a share of another group
        if _narrowed(d, si, pos):
            continue  # "Among the under-30s, 200 respondents (one in four)": a share of that group
        whole = _one_sample(d, si, pos, fi)
        if whole >= 0 and (d.facts[whole].value or 0) > f.value:
            cue = d.span(si, pos + 1, link[1])
            yield Relation("share", (("part", fi), ("whole", whole), ("share", xi)), (cue,), "document")


# Words before a poll's count in its sentence that narrow it to a group of the sample.
_NARROWING = frozenset({"among", "of", "within", "amongst"})


def _narrowed(d: _Doc, si: int, pos: int) -> bool:
    """Another figure stands before the count at ``pos`` in its clause (a sentence, or the part after a
    semicolon), or the clause opens on a word that sets a group apart ("Among women,", "Of those under 30,")."""
    words = d.m.words[si]
    # a clause after a semicolon starts afresh: "The poll of 1,600 tenants was taken in March; asked about ..."
    start = next((k + 1 for k in range(pos - 1, -1, -1) if words[k] == ";"), 0)
    return words[start] in _NARROWING or any(d.fact_at(si, k) >= 0 for k in range(start, pos))


def _one_sample(d: _Doc, si: int, pos: int, part: int) -> int:
    """The one count told before token ``pos`` of sentence ``si`` as what a poll asked ("a survey of 1,850
    adults", "polled 2,000 people"), else -1 (none, or two samples: which one is not told)."""
    found = -1
    for fi in sample_counts(d, si, pos, si + 1, part):
        if found >= 0 and d.facts[found].value != d.facts[fi].value:
            return -1
        found = fi
    return found
