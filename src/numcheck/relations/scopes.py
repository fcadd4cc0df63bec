"""Second-stage builders over scopes: place figures within a national total, and a toll
listed by its items.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from numcheck.mentions import CLAUSE_END
from numcheck.relations.base import NAMES_REACH, NOT_NAMES, Relation, _Doc, _lead_sentences, is_gap

# Words that make a figure the whole of a country or a total ("the country's", "nationwide").
NATIONAL_WORDS = frozenset(
    "country country's nation nation's national nationwide countrywide overall altogether total".split()
)
# Words that make a figure a place's part of a larger whole.
PLACE_WORDS = frozenset(
    "city town capital province state region district county village area municipality prefecture".split()
)
# The headline and the first sentences, where a story's total stands before its places.
LEAD_TOTAL_SENTENCES = 3
# Sentences after a national figure that a place's figure may stand and still be counted in it.
SCOPE_SENTENCES = 4
# Tokens back that the figure an elided list item borrows its noun from may stand.
ELIDED_REACH = 10
# Words at a sentence's start that may name the place its later clauses count for ("The town of Brek,").
SUBJECT_WORDS = 6


def _scoped_parts(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """A national or total figure and the same count for places within it: "in all 640 people have
    fallen ill … Tarvel, where 150 people were treated … Oskam, with 520 people sick". Each place's figure
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
        if concept in d.v.unscoped:
            continue  # a side's points or goals are no part of a total by place
        groups.setdefault(concept, []).append(fi)
    sentences = d.view.doc.sentences
    lead = _lead_sentences(d)
    for members in groups.values():
        whole = -1
        parts: list[tuple[int, str]] = []
        for fi in members:
            scope = _scope(d, fi)
            if is_gap(d, fi):
                continue  # "three points behind the leaders": a gap, neither a total nor a part
            if not scope and whole < 0 and _lead_total(d, fi, lead):
                scope = "whole"  # "The disease has killed 18 children" in the lead, places below
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
            counted = (d.m.frame(fi).concept, d.m.frame(whole).concept)
            if all(counted) and counted[0] != counted[1]:
                continue  # "9,000 pupils are ill" is no part of "30 pupils have died": another thing counted
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
        # Only a place word makes a part: "in the United Kingdom" may be a country of its own. The
        # place's name may open the sentence ("Henan province has recorded 15 deaths").
        named = [words[k - 1] for k in range(max(lo, 1), hi) if words[k] in PLACE_WORDS and toks[k - 1].fact < 0]
        return (
            " ".join(names) or " ".join(w for w in named if w not in NOT_NAMES) or " ".join(sorted(said & PLACE_WORDS))
        )
    if names and _elided_concept(d, fi):
        # "The city of Porto Velho logged 213 cases, and Campo Grande 57": a name closing a list whose
        # item before it is a place's figure names a place too.
        prev = next((toks[k].fact for k in range(pos - 1, -1, -1) if toks[k].fact >= 0), -1)
        if prev >= 0 and _scope(d, prev) not in ("", "whole"):
            return " ".join(names)
    if lo > 0 and not any(toks[k].fact >= 0 for k in range(lo)):
        # "The town of Brek, which lies on the coast, has been hard hit, with 260 people dead": the
        # sentence opens with the place that its later clause counts for, and no figure comes between.
        head = range(min(lo, SUBJECT_WORDS))
        opened = {words[k] for k in head}
        if opened & PLACE_WORDS and not opened & NATIONAL_WORDS:
            named = [
                words[k]
                for k in head
                if k > 0 and text[toks[k].start : toks[k].start + 1].isupper() and words[k] not in NOT_NAMES
            ]
            return " ".join(named) or " ".join(sorted(opened & PLACE_WORDS))
    return ""


def _elided_concept(d: _Doc, fi: int) -> str:
    """ "Porto Velho logged 213 cases, and Campo Grande 570": a bare figure after a name in a list
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
    """ "The raid left 23 people dead. Three guards and 22 raiders died.": counts listed with one
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
                elif any(d.verb_like(w) for w in gap):
                    items = []  # "12 were killed and 20 were injured": two verbs, two counts of two things
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


def _lead_total(d: _Doc, fi: int, lead: frozenset[int]) -> bool:
    """A figure at the top of the story that may stand for the whole its places share: in the
    headline or the first sentences of the lead, of a counted concept ("deaths", not "people"), exact
    or a lower bound, not a part, a change or a forecast."""
    m = d.m.by_fact[fi]
    f = d.facts[fi]
    if f.sentence not in lead or f.sentence >= LEAD_TOTAL_SENTENCES or not m.concept or m.concept in d.v.generic:
        return False
    return f.hedge in ("exact", "about", "more than", "at least") and not (
        m.roles & {"part", "another", "each", "forecast", "remainder"}
    )
