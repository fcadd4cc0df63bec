"""A fraction word or share qualifier and the percentage of the same whole, told in two sentences:
"More than a third of homes will receive the channels" … "The network aims to reach 30% of homes".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from numcheck.mentions import CLAUSE_END, Frame, same_holder
from numcheck.model import Span
from numcheck.relations.base import _DETERMINERS, FRAME_KINDS, GAP_STOP, SHARES, Relation, _Doc, _plain_tokens
from numcheck.relations.qualifiers import _of_one_unit
from numcheck.relations.referents import words as referent_words
from numcheck.relations.restatements import _two_sources
from numcheck.relations.scopes import PLACE_WORDS
from numcheck.vocab import singular

# Sentences apart the two may stand: a lead's "more than a third of homes" and the body's "30% of homes".
TOLD_APART_REACH = 20
# Words before a place a sentence puts its figures in.
_PLACE_PREPS = frozenset({"in", "across", "throughout"})
# Kinds of figure that date a sentence's count.
_TIME_KINDS = frozenset({"year", "date", "relative", "month"})
# Words that make the percentage an end of a change or a comparison, not the share itself.
_NOT_LEVEL = frozenset("from to than between by up down".split())
# Pronouns and generic heads that name no whole of their own ("71% of them", "half of those").
_NO_WHOLE = frozenset("them those these it this that which whom us all people total".split())


def _qualifiers_told_apart(d: _Doc) -> Iterator[Relation]:
    """ "More than a third of homes will receive the channels" … "The network aims to reach 30% of homes":
    a fraction word ("half", "two-thirds", with its hedge) or a share qualifier ("most", "a majority") of a
    whole, and a percentage of the same whole in another sentence nearby, are one share told twice. They
    meet by the whole's head noun after "of" and by frame (one holder, time, place and mood). Each side
    must be the only share of that whole in its sentence (a list of answers is not one share), and the
    percentage no end of a change or a comparison."""
    v = d.v
    if not any(f.kind == "percent" for f in d.facts):
        return  # nothing to tell a share again with
    firsts = v.qualifiers.by_first.keys()
    seen: dict[str, list[tuple[int, int, int, str]]] = {}  # whole → [(sentence, fact or -1, token, phrase)]
    for si, toks in enumerate(d.m.tokens):
        words = d.m.words[si]
        if "of" not in words and firsts.isdisjoint(words):
            continue  # no whole named and no qualifier word: nothing to read here
        here: dict[str, list[tuple[int, int, int, str]]] = {}
        i = 0
        while i < len(words):
            fi = toks[i].fact
            phrase, end = "", i + 1
            if fi >= 0:
                f = d.facts[fi]
                if f.kind not in SHARES or f.value is None or f.is_range:
                    i += 1
                    continue
                if f.kind == "share" and (f.value > 1 or _of_one_unit(words, i + 1)):
                    i += 1
                    continue
            else:
                hit = v.qualifiers.starting_at(words, i) if words[i] in firsts else None
                if hit is None or v.ranges[hit[0]][0] != "share":
                    i += 1
                    continue
                phrase, end = hit
                if phrase == "most" and (
                    (i > 0 and words[i - 1] in _DETERMINERS) or (end < len(words) and words[end] in v.not_after_most)
                ):
                    i = end
                    continue
            whole = _whole_after(words, end, bool(phrase)) or (_whole_beside(d, si, i) if fi >= 0 else "")
            if whole:
                here.setdefault(whole, []).append((si, fi, i, phrase))
            i = end
        shares = sum(1 for t in toks if t.fact >= 0 and d.facts[t.fact].kind in SHARES)
        for whole, items in here.items():
            if len(items) != 1:
                continue
            listed = shares > 1 and items[0][1] >= 0
            if listed and not _first_answer(d, si, items[0][2]):
                continue  # "18% failed one test and 25% another": a list of shares, not one share
            if items[0][1] < 0 and shares:
                continue  # "Most respondents - 58% - said ...": the qualifier's own figure is told with it
            item = items[0]
            for other in seen.get(whole, ()):
                if si - other[0] > TOLD_APART_REACH:
                    continue
                if listed and not _says_same(d, other, item):
                    continue  # a poll's other answers: the qualifier must say what this answer says
                pair = _one_share(d, other, item) or _one_share(d, item, other)
                if pair is not None:
                    yield pair
            seen.setdefault(whole, []).append(item)


def _first_answer(d: _Doc, si: int, pos: int) -> bool:
    """The share at token ``pos`` is a poll's first answer, the rest told after it with no whole of their
    own: "Some 46% of the 1,240 members said they would back talks, while 31% were opposed"."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k, t in enumerate(toks):
        if t.fact < 0 or d.facts[t.fact].kind not in SHARES or k == pos:
            continue
        if k < pos or (k + 1 < len(words) and words[k + 1] == "of"):
            return False  # a share before it, or one of a whole of its own
    return d.v.respondent_verbs.starting_at(words, _verb_after(d, si, pos)) is not None


def _verb_after(d: _Doc, si: int, pos: int) -> int:
    """The token after a share's "of" phrase ("46% of the 1,240 members who took part said" → "said"),
    past at most ``ANSWER_NP`` words; its clause's end when none."""
    words = d.m.words[si]
    end = d.m.clause_end(si, pos)
    for k in range(pos + 1, min(end, pos + 1 + ANSWER_NP)):
        if d.v.respondent_verbs.starting_at(words, k) is not None:
            return k
    return end


# Words a poll's answer may put between its share and its verb of answering ("of the 1,240 members who took
# part said").
ANSWER_NP = 10


def _says_same(d: _Doc, q: tuple[int, int, int, str], x: tuple[int, int, int, str]) -> bool:
    """A qualifier's sentence and a listed share's own clause share a content word ("A majority of members
    want coalition talks" … "46% said they would back talks, while 31% were opposed")."""
    xs, xpos = x[0], x[2]
    clause = set(d.m.words[xs][_verb_after(d, xs, xpos) : d.m.clause_end(xs, xpos)])  # not the whole's own noun
    return _meet(_stems(d, q[0], frozenset()), _stems(d, xs, frozenset()) & clause)


def _whole_after(words: tuple[str, ...] | list[str], end: int, phrase: bool) -> str:
    """The head noun of the whole after "of" ("of the bank's customers" → "customer"), after "the" or
    a possessive ("half the voters"), or right after a qualifier phrase ("most members"); or ""."""
    if end >= len(words):
        return ""
    k = end + 1 if words[end] == "of" else end
    if k == end and not phrase and words[end] not in _DETERMINERS - {"a", "an"} and not words[end].endswith("'s"):
        return ""
    while k < len(words) and (words[k] in _DETERMINERS or words[k].endswith("'s")):
        k += 1
    if k + 1 < len(words) and words[k] == "#" and k > end + (words[end] == "of"):
        k += 1  # "of the 1,240 members": the whole's count before its noun
    if k >= len(words) or not words[k].replace("-", "").isalpha() or words[k] in _NO_WHOLE or words[k] in GAP_STOP:
        return ""  # "of room-nights" names its whole too
    head = words[k]
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def _whole_beside(d: _Doc, si: int, pos: int) -> str:
    """The whole a percentage set beside a count after ", or" is a share of: the count's noun ("910,000
    room-nights, or 35%," → room-night); else ""."""
    words, toks = d.m.words[si], d.m.tokens[si]
    if pos < 4 or words[pos - 1] != "or" or words[pos - 2] != "," or toks[pos - 4].fact < 0:
        return ""
    if d.facts[toks[pos - 4].fact].kind not in ("count", "number"):
        return ""
    noun = words[pos - 3]
    if not noun.replace("-", "").isalpha() or noun in _NO_WHOLE or noun in GAP_STOP:
        return ""
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _one_share(d: _Doc, q: tuple[int, int, int, str], x: tuple[int, int, int, str]) -> Relation | None:
    """The relation when ``q`` is a fraction word or qualifier and ``x`` a percentage of one frame."""
    qs, qi, qpos, phrase = q
    xs, xi, xpos, _ = x
    if xi < 0 or d.facts[xi].kind != "percent" or (qi >= 0 and d.facts[qi].kind != "share"):
        return None
    xwords = d.m.words[xs]
    k = d.hedge_start(xs, xpos)
    moved_before = k > 0 and xwords[k - 1] in _NOT_LEVEL and not _share_verb_before(d, xs, k)
    if moved_before or (xpos + 1 < len(xwords) and xwords[xpos + 1] in _NOT_LEVEL):
        return None
    mx = d.m.by_fact.get(xi)
    if mx is None or mx.direction or mx.roles & {"part", "remainder", "another", "each"}:
        return None
    fx = d.m.frame(xi)
    if qi >= 0 and not _one_frame(d.m.frame(qi), fx):
        return None
    told_next = qi < 0 and _next_untimed(d, xs, qs, fx.period)
    if qi < 0 and (fx.period and not told_next or fx.scope):
        return None  # "most members" beside "46% in 2019" or "across the region": another time or place
    if _two_sources(d, qs, xs):
        return None  # "according to Ipsos" … "Populus said": two polls
    first, later = sorted((qs, xs))
    if not _where(d, later) <= _where(d, first):
        return None  # "Half the town's households" … "In the county, 38% of households": a place of its own  # "a quarter of adults in the city" … "19% of adults in the county": two places
    if _timed(d, qs) != _timed(d, xs) and not told_next:
        return None  # "In 2015, only 31% of customers": an earlier count of the share
    if _share_of_amount(d, qs, qpos) != _share_of_amount(d, xs, xpos) and not _one_part_named(d, q, x):
        return None  # "Capital spending reached $3.1bn, almost two-thirds of revenue" … "accounted for 9% of
        # revenue": one a share of the amount told before it, the other not; two parts of one whole
    qtoks = d.m.tokens[qs]
    end = qpos + (len(phrase.split()) if phrase else 1)
    cue = Span(qtoks[qpos].span.start, qtoks[end - 1].span.end)
    roles: tuple[tuple[str, int], ...] = (("figure", xi),)
    if qi >= 0:
        roles = (("qualifier", qi),) + roles
    return Relation("qualifier", roles, (cue,), "document", (("phrase", phrase), ("unit", "share")))


def _one_part_named(d: _Doc, q: tuple[int, int, int, str], x: tuple[int, int, int, str]) -> bool:
    """A percentage set beside its part's count ("910,000 room-nights, or 35%, were booked by visitors from
    outside the UK") and a fraction word of the same whole whose sentence names that part again ("visitors
    from abroad, who accounted for just under a third of room-nights"): one part, told twice."""
    qs, xs, xpos = q[0], x[0], x[2]
    whole = _whole_beside(d, xs, xpos)
    if not whole:
        return False
    skip = frozenset({whole, whole + "s"})
    return _meet(_stems(d, qs, skip), _stems(d, xs, skip))


# Sentences after a share's that a figure-less qualifier may tell of the share's own reporting period.
NEXT_UNTIMED = 1


def _next_untimed(d: _Doc, xs: int, qs: int, period: str) -> bool:
    """A figure-less qualifier told right after the share's sentence, with no time of its own, keeps the
    share's reporting period when that period names no year ("made up 38% of its sales in the year to
    January. It is the first time most of the group's sales ..."): one time, not another year's count, nor
    "now" against "in March"."""
    if not 0 < qs - xs <= NEXT_UNTIMED or any(
        t.fact >= 0 and d.facts[t.fact].kind in _TIME_KINDS for t in d.m.tokens[qs]
    ):
        return False  # "Most members now want talks": a time of its own, "now" included
    return not period[:4].isdigit() and not any(d.facts[t.fact].kind == "year" for t in d.m.tokens[xs] if t.fact >= 0)


def _share_verb_before(d: _Doc, si: int, k: int) -> bool:
    """A verb of making up a whole ends before token ``k`` ("online orders made up 38% of its sales",
    ``[portion.share_before]``): its "up" is no move, the figure is the share itself."""
    named = d.v.share_before.ending_at(d.m.words[si], k)
    return named is not None and named[0] == "the whole"


def _share_of_amount(d: _Doc, si: int, pos: int) -> bool:
    """The share at token ``pos`` is set after an amount of its clause ("reached $3.1bn in the quarter,
    almost two-thirds of revenue"): it is that amount's share, a part named by its figure."""
    toks = d.m.tokens[si]
    lo = d.m.clause_start(si, pos)
    if lo > 0 and d.m.words[si][lo - 1] == ",":
        lo = d.m.clause_start(si, lo - 1)  # the clause before the comma that sets the share off
    return any(
        toks[k].fact >= 0 and d.facts[toks[k].fact].kind in ("money", "count", "number", "measure")
        for k in range(lo, pos)
    )


def _where(d: _Doc, si: int) -> frozenset[str]:
    """The places a sentence puts its figures in: a name or a place word after "in", "across",
    "throughout" ("in the city", "across Wales"), or a place word's possessive ("the town's"), lower case."""
    words, toks = d.m.words[si], d.m.tokens[si]
    out: set[str] = set()
    for k, w in enumerate(words[:-1]):
        if w.endswith("'s") and w[:-2] in PLACE_WORDS:
            out.add(w[:-2])  # "the town's households"
        if w not in _PLACE_PREPS:
            continue
        j = k + 1
        while j < len(words) - 1 and (words[j] in _DETERMINERS or words[j].endswith("'s")):
            j += 1
        if toks[j].fact < 0 and (words[j] in PLACE_WORDS or (toks[j].text[:1].isupper() and words[j].isalpha())):
            out.add(words[j])
    return frozenset(out)


def _timed(d: _Doc, si: int) -> frozenset[str]:
    """The years, dates and relative days a sentence gives ("In 2015", "last year")."""
    out = set()
    for t in d.m.tokens[si]:
        f = d.facts[t.fact] if t.fact >= 0 else None
        if f is not None and f.kind in _TIME_KINDS and not (f.kind == "relative" and not f.value):
            out.add(f.text.lower())  # "now", "today" (0 days back) date nothing
    return frozenset(out)


def _one_frame(a: Frame, b: Frame) -> bool:
    """One holder (or one not named), and no other time, place or mood."""
    if a.holder and b.holder and not same_holder(a.holder, b.holder):
        return False
    if a.period != b.period and (a.period and b.period or any(p[:1].isdigit() for p in (a.period, b.period))):
        return False
    if a.scope != b.scope and (a.scope and b.scope or "whole" in (a.scope, b.scope)):
        return False
    return a.mood == b.mood and a.part == b.part


# Sentences either side of a share's that a qualifier telling it again may stand (a quote paragraphs below).
SHARE_AGAIN_REACH = 12
# Letters two words must share at their start to be one word told again ("garden", "gardening").
STEM = 5
# Words that say nothing of what a share counts: a qualifier and its share meet only on other words.
_PLAIN = frozenset(
    """about above after again against also among another around because been before being below between both
    could does doing down during each even every from further have having here into just last less like made
    make many more most much near nearly next only other over said same says should since some still such than
    that their them then there these they this those through under very were what when where which while whom
    with within without would year years your percent people almost""".split()
)


def _stems(d: _Doc, si: int, skip: frozenset[str]) -> set[str]:
    """The content words of sentence ``si``: four letters or more, no plain word, none of ``skip`` (nor
    their singular)."""
    words = d.m.words[si] if d.m.tokens[si] else tuple(t.text.lower() for t in _plain_tokens(d, si))
    return {
        w
        for w in words
        if w.isalpha() and len(w) >= 4 and w not in _PLAIN and w not in skip and singular(w) not in skip
    }


def _meet(a: set[str], b: set[str]) -> bool:
    """Two sentences say one thing: a word in both by its first ``STEM`` letters ("garden", "gardening"),
    or one word inside another ("plastic", "microplastics")."""
    if {w[:STEM] for w in a} & {w[:STEM] for w in b}:
        return True
    return any(len(x) >= STEM and x in y for x in a for y in b) or any(len(y) >= STEM and y in x for x in a for y in b)


def _whole_names(d: _Doc, fi: int) -> frozenset[str]:
    """The names a share's whole goes by: its noun's head and the concept of what it counts, singular."""
    m = d.m.by_fact.get(fi)
    out = set()
    if m is not None and m.noun:
        out.add(singular(m.noun.lower().split()[-1]))
    for c in (m.concept if m is not None else "", d.m.frame(fi).concept):
        if c and c not in d.v.generic:
            out.add(c)
    f = d.facts[fi]
    if f.subject:
        out.add(singular(f.subject.lower().split()[-1]))
    return frozenset(out)


def _qualified_noun(d: _Doc, si: int, end: int) -> str:
    """The head noun a qualifier at tokens before ``end`` is told of: "one in five homes", "a tenth of
    casualties", "most of the samples", as written."""
    words = d.m.words[si]
    k = end + 1 if end < len(words) and words[end] == "of" else end
    while k < len(words) and (words[k] in _DETERMINERS or words[k].endswith("'s")):
        k += 1
    if k >= len(words) or not words[k].isalpha() or words[k] in _NO_WHOLE or words[k] in GAP_STOP:
        return ""
    return words[k]


def _names_whole(d: _Doc, noun: str, names: frozenset[str]) -> bool:
    """A qualifier's noun names the share's whole: the noun itself, its concept ("casualties" → injury)
    or one thing told again by another word ("houses", "homes": ``[restatement.told_again]``)."""
    forms = {noun, singular(noun)}
    if forms & names or {d.v.concepts.get(w, "") for w in forms} & names:
        return True
    things = {d.v.told_again.get(w) for w in forms} - {None}
    return bool(things & {d.v.told_again.get(n) for n in names})


# Pronouns after a qualified noun that take what it says from the sentence before ("contained it").
_POINTERS = frozenset({"it", "them", "this", "that", "these", "those", "so"})


def _qualifiers_of_shares(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """ "Of the village's 1,240 homes, 434 (35%) are second homes" … "one in five homes here are second
    homes"; "594 of them, or 27%, had been hurt by garden tools" … "Barely a tenth of casualties came from
    gardening equipment": a share the first pass read as a part of a whole (``share``), and a fraction word
    or share qualifier of that whole (its noun or concept) in a sentence nearby that tells no percentage of
    its own and says the same of it (a content word of the share's sentence again, beside the whole's
    names) are one share told twice. The usual frame checks of ``_one_share`` hold (place, time, sources)."""
    v = d.v
    firsts = v.qualifiers.by_first.keys()
    for rel in built.get("share", {}).values():
        roles = dict(rel.roles)
        whole, xi = roles.get("whole", -1), roles.get("share", -1)
        if whole < 0 or xi < 0 or d.facts[xi].kind != "percent" or d.facts[xi].value is None:
            continue
        names = _whole_names(d, whole)
        if not names:
            continue
        xs = d.facts[xi].sentence
        told = _stems(d, xs, names)
        for si in range(max(0, xs - SHARE_AGAIN_REACH), min(len(d.m.tokens), xs + SHARE_AGAIN_REACH + 1)):
            words, toks = d.m.words[si], d.m.tokens[si]
            if si == xs or any(t.fact >= 0 and d.facts[t.fact].kind == "percent" for t in toks):
                continue
            for i in range(len(words)):
                fi = toks[i].fact
                phrase, end = "", i + 1
                if fi >= 0:
                    f = d.facts[fi]
                    if f.kind != "share" or f.value is None or f.value > 1 or f.is_range or _of_one_unit(words, i + 1):
                        continue
                elif words[i] in firsts and (hit := v.qualifiers.starting_at(words, i)) is not None:
                    if v.ranges[hit[0]][0] != "share":
                        continue
                    phrase, end = hit
                else:
                    continue
                noun = _qualified_noun(d, si, end)
                if not noun or not _names_whole(d, noun, names):
                    continue
                skip = names | {noun}
                k = end + 1 if end < len(words) and words[end] == "of" else end
                rest = words[k:]
                said = {w for w in _stems(d, si, skip) if w in rest}
                if _POINTERS.intersection(rest) and si > 0 and si - 1 != xs:
                    said |= _stems(d, si - 1, skip)  # "most of the samples contained it": "it" told before
                if not _meet(told, said):
                    continue  # what the qualifier says of its whole, after its noun, is not what the share says
                if _two_sources(d, si, xs) or _timed(d, si) - _timed(d, xs):
                    continue
                first, later = sorted((si, xs))
                if not _where(d, later) <= _where(d, first):
                    continue
                cue = Span(toks[i].span.start, toks[end - 1].span.end)
                q: tuple[tuple[str, int], ...] = (("qualifier", fi),) if fi >= 0 else ()
                yield Relation(
                    "qualifier", q + (("figure", xi),), (cue,), "document", (("phrase", phrase), ("unit", "share"))
                )
                break


# Links that draw an inference rather than restate the share: "52 of 140 appeared in person. That means most
# gave evidence by video" tells of the rest.
_INFERENCE_LINKS = frozenset({"means", "meant"})
# Words between a pointing link and the qualifier it tells ("That means just most ...", "That is roughly").
_LINK_FILLERS = frozenset({"that", "just", "only", "roughly", "about", "still"})


def _qualifiers_told_after(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    """ "Of 800 shops, 350 reported falling sales, a majority." / "... 350 reported falling sales. That means
    most traders are struggling": a share qualifier set off at the end of a part's clause, or opening the
    next sentence after a pointing subject and a link (``share_links``), tells the share of the part's whole
    (the part the last amount of its sentence). After a sentence whose one amount is a percentage of a whole
    ("Some 44% of shops reported falling sales. That means more than half of traders ..."), the qualifier or
    fraction word so told is that percentage again. A ``qualifier`` relation, like the share readers'."""
    seen: set[int] = set()
    for rel in built.get("part", {}).values():
        p, w = rel.get("part"), rel.get("whole")
        if p is None or w is None or p in seen or not _last_amount(d, p, w):
            continue
        seen.add(p)
        si, pos = d.pos_of(p)
        hit, evidence = _qualifier_set_off(d, si, pos), "clause"
        if hit is None:
            hit, evidence = _qualifier_next(d, si), "document"
        if hit is not None and hit[1] < 0:
            labels = (("phrase", hit[0]), ("unit", "share"))
            yield Relation("qualifier", (("part", p), ("whole", w)), (hit[2],), evidence, labels)
    for si, pos, xi, f in d.figures(frozenset({"percent"})):
        if f.value is None or f.is_range or pos + 1 >= len(d.m.words[si]) or d.m.words[si][pos + 1] != "of":
            continue  # "44% of shops": a share of a whole, not a change
        if not _last_amount(d, xi, -1) or _amounts_before(d, si, pos):
            continue
        hit = _qualifier_next(d, si)
        if hit is not None:
            q: tuple[tuple[str, int], ...] = (("qualifier", hit[1]),) if hit[1] >= 0 else ()
            labels = (("phrase", hit[0]), ("unit", "share"))
            yield Relation("qualifier", q + (("figure", xi),), (hit[2],), "document", labels)


def _last_amount(d: _Doc, fi: int, whole: int) -> bool:
    """The figure is the last amount of its sentence (times and its own ``whole`` aside): "Of 800 shops,
    350 reported falling sales" — a pointing "That" after it stands for it."""
    si, pos = d.pos_of(fi)
    for t in d.m.tokens[si][pos + 1 :]:
        if t.fact >= 0 and t.fact != whole and d.facts[t.fact].kind not in FRAME_KINDS:
            return False
    return True


def _amounts_before(d: _Doc, si: int, pos: int) -> bool:
    """Another amount stands before the token at ``pos`` in its sentence ("rose from 30% to 44% of ...")."""
    return any(t.fact >= 0 and d.facts[t.fact].kind not in FRAME_KINDS for t in d.m.tokens[si][:pos])


def _share_word_at(d: _Doc, si: int, k: int) -> tuple[str, int, int] | None:
    """A share qualifier ("a majority", "most") or a fraction word ("more than half", hedge read) opening
    at token ``k``: (phrase, fraction fact or -1, end token), or None."""
    words, toks = d.m.words[si], d.m.tokens[si]
    v = d.v
    hit = v.qualifiers.starting_at(words, k)
    if hit is not None:
        phrase, end = hit
        if v.ranges[phrase][0] != "share" or (end < len(words) and words[end] in v.not_after_most):
            return None  # "most likely", "most popular": a superlative
        return phrase, -1, end
    j = k
    while j < len(words) and j - k < 3 and toks[j].fact < 0 and words[j].isalpha():
        j += 1  # past a hedge: "more than half"
    fi = toks[j].fact if j < len(words) else -1
    if fi < 0 or d.hedge_start(si, j) != k:
        return None
    f = d.facts[fi]
    if f.kind != "share" or f.value is None or f.value > 1 or f.is_range or _of_one_unit(words, j + 1):
        return None
    return "", fi, j + 1


def _qualifier_set_off(d: _Doc, si: int, pos: int) -> tuple[str, int, Span] | None:
    """ "Of 800 shops, 350 reported falling sales, a majority.": a share qualifier after a comma or a dash
    that closes the part's clause, with no other amount between (fraction words are the share readers')."""
    words, toks = d.m.words[si], d.m.tokens[si]
    for k in range(pos + 1, len(words) - 1):
        if words[k] in CLAUSE_END and words[k] != "," or words[k] in GAP_STOP and words[k] not in ("a", "an", "the"):
            return None
        if toks[k].fact >= 0 or words[k] not in _SET_OFF:
            continue
        hit = _share_word_at(d, si, k + 1)
        if hit is None or hit[1] >= 0:
            continue
        end = hit[2]
        if end < len(words) and words[end] not in CLAUSE_END and words[end] not in _SET_OFF:
            return None  # "350 reported falling sales, most of them online": a group of its own
        return hit[0], -1, Span(toks[k + 1].span.start, toks[end - 1].span.end)
    return None


# Marks that set a qualifier off after its part's clause.
_SET_OFF = frozenset({",", "-", "–", "—"})


def _qualifier_next(d: _Doc, si: int) -> tuple[str, int, Span] | None:
    """ "That means most traders are struggling": the share word right after a pointing subject and a link
    opening the sentence after ``si`` in its paragraph."""
    nxt = si + 1
    sents = d.view.doc.sentences
    if nxt >= len(d.m.words) or sents[nxt].item or sents[si].item:
        return None
    words, toks = d.m.words[nxt], d.m.tokens[nxt]
    refs = referent_words()
    if len(words) < 3 or words[0] not in refs.demonstratives:
        return None
    link = refs.share_links.starting_at(words, 1)
    if link is None or words[1] in _INFERENCE_LINKS:
        return None  # "That means most gave evidence by video": may tell the rest, not the share
    k = link[1]
    while k < len(words) and toks[k].fact < 0 and words[k] in _LINK_FILLERS:
        k += 1
    hit = _share_word_at(d, nxt, k) if k < len(words) else None
    if hit is None:
        return None
    end = hit[2]
    if end < len(words) and words[end] in _NOT_SHARE_AFTER:
        return None  # "That is half the rate of ...", "That is most likely": no share of the whole
    return hit[0], hit[1], Span(toks[0].span.start, toks[end - 1].span.end)


# Words after a share word that make it a comparison or another level ("half the rate", "a third more").
_NOT_SHARE_AFTER = frozenset({"the", "that", "more", "less", "fewer", "higher", "lower", "than", "as", "a", "an"})
