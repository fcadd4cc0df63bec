"""Scores: a match's running score told in the report against its final score in the title.

"Harbour Town 3-0 Millfield" over the report and "a low drive from the edge
of the box made it 4-0" in it: a score on the way cannot have more goals for either
side than the final one, and a score the report gives as the final one
("the match ended 3-1", "England winning 3 – 1") must be it. The final
score is the one in the headline or in a heading line of its own ("Group G
— Tunisia 1 – 2 England"), with a name on each side of it; each later
score of that match (up to the next such heading) is read against it when
a cue before it says what it is (data: vocab.toml [scores]). Sides are not
matched: the goals are compared in order of size, so a 1-4 in the report
of a 4-1 win is no finding.

Scores are not facts; a ``score`` relation holds the fact that overlaps the
report's score (its role ``score``) and gives both scores, their spans and
the cue's reading in labels.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping

from numcheck import startcache
from numcheck.relations.base import Relation, _Doc, _lead_sentences
from numcheck.relations.tennis import _MATCH as SET_RUN
from numcheck.vocab import without_attributions

# A score as printed: "4-1", "1 – 2"; not part of a longer number, a money sum, a ratio or a date range.
SCORE = startcache.compile(r"(?<![\d£$€])(?<!\d[.,:/–-])(\d{1,3}) ?[-–] ?(\d{1,3})(?!\d|[.,:/–-]\d|%| ?per ?cent)")
# A quick first look: most texts have nothing like a score.
_ANY_SCORE = startcache.compile(r"\d ?[-–] ?\d")
# Words before a score that its cue may take.
CUE_WORDS = 6
# Words after a score named as a result that may put it in another match ("a 30-10 win the week before").
AFTER_WORDS = 8
# Heading lines at the top that may give the final score with a verb: the headline and a standfirst.
TITLE_LINES = 2
# Words after a score that its kind ("on penalties") may start within: "a 4-2 victory on penalties".
KIND_WORDS = 3
# A heading line with a final score has at most this many words.
HEADING_WORDS = 12
_WORD = startcache.compile(r"[a-z]+(?:'[a-z]+)?")


def _fact_in(d: _Doc, starts: list[int], start: int, end: int) -> int:
    """A figure overlapping the span (scores are read as one or two figures, or none), or -1."""
    i = bisect.bisect_left(starts, start)
    for fi in (i - 1, i, i + 1):
        if 0 <= fi < len(d.facts) and d.facts[fi].span.start < end and d.facts[fi].span.end > start:
            return fi
    return -1


# Words a result verb may stand before its score, the other side's name between ("beat Bristol Rovers 3-1").
VERB_WORDS = 4


def _result_verb_before(d: _Doc, before: str, names: set[str]) -> bool:
    """The clause before a score ends on a result verb and, at most, a name, and names a side of the final
    score (``names``): "City beat Rovers 3-1", "City won 3-1" (the verbs are the headline's: vocab.toml
    [scores] verbs); "United beat Villa 3-0" is another match."""
    clause = without_attributions(before).rsplit(",", 1)[-1].split()  # "City, officials said, won 3-1"
    if not clause or not any(w[:1].isupper() and w.lower().strip(".,:;'") in names for w in clause):
        return False
    tail = clause[-VERB_WORDS:]
    for k in range(len(tail) - 1, -1, -1):
        w = tail[k].lower()
        if w in d.v.score_verbs:
            return all(x[:1].isupper() for x in tail[k + 1 :])
        if not tail[k][:1].isupper():
            return False
    return False


# Words after "last" that make it another time ("last week", "last season"); "the last four" is a round.
_LAST_TIMES = frozenset(
    "week weekend season month year time night game match meeting term summer winter spring autumn".split()
) | frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _elsewhere(d: _Doc, after: list[str]) -> bool:
    """A word after a score puts it in another match ("a 30-10 win in Rome the week before", "last
    season"); "last" before no word of a time ("takes them into the last four") does not."""
    return any(
        w in d.v.score_elsewhere and (w != "last" or (k + 1 < len(after) and after[k + 1] in _LAST_TIMES))
        for k, w in enumerate(after)
    )


# Words between a score and a year that dates it ("a 48-7 victory in 1972", "won 3-0 back in 1998"); and
# before it ("In 1972 they won 48-7").
YEAR_WORDS = 6


def _of_old_year(d: _Doc, sentence: tuple[int, int], score: tuple[int, int]) -> bool:
    """A score told with a year its story is not dated in, within ``YEAR_WORDS`` words of it ("remains 41
    points, from a 48-7 victory in 1972"; "in 1998 they won 3-0"): another season's match. Only when the
    story's own date is told (its dateline), so a year can be told apart from it."""
    years = {f.iso[:4] for f in d.facts if f.kind == "date" and f.iso}
    if not years:
        return False
    text = d.view.text
    for f in d.facts:
        if f.kind != "year" or f.iso is None or f.iso[:4] in years:
            continue
        if not sentence[0] <= f.span.start < sentence[1]:
            continue
        gap = text[score[1] : f.span.start] if f.span.start >= score[1] else text[f.span.end : score[0]]
        if len(gap.split()) <= YEAR_WORDS and not any(c in gap for c in ".;"):
            return True
    return False


_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _another_match(line: str, start: int, end: int, final_names: set[str]) -> bool:
    """A result told of a day by its possessive ("Tuesday's 1-0 win at Crewe") or against a side the final
    score's line does not name ("victory over Bath"; "at" may name the ground): another match."""
    before = line[:start].split()
    last = before[-1].lower() if before else ""
    if last.endswith(("'s", "\u2019s")) and last[:-2].rstrip("\u2019'") in _DAYS:
        return True
    after = line[end:].split()[:4]
    for k in range(1, len(after) - 1):
        if after[k].lower() in ("over", "against") and after[k + 1][:1].isupper():
            return after[k + 1].lower().strip(".,:;'") not in final_names
    return False


def _capitals(text: str) -> set[str]:
    """The capitalised words of ``text``, lower case: the names a line gives."""
    return {w.lower().strip(".,:;'") for w in text.split() if w[:1].isupper()}


def _named_both_sides(line: str, start: int, end: int) -> bool:
    """ "Dundee Utd 4-1 Aberdeen": a capitalised name right before and right after the score."""
    before, after = line[:start].split(), line[end:].split()
    return bool(before) and bool(after) and before[-1][:1].isupper() and after[0][:1].isupper()


def _kind(d: _Doc, after: list[str]) -> str:
    """The words of a score's kind within the first words after it ("victory on penalties"), else ""."""
    for k in range(min(len(after), KIND_WORDS)):
        hit = d.v.score_kinds.starting_at(after, k)
        if hit is not None:
            return hit[0]
    return ""


def _other_side_opens(line: str, final_names: set[str]) -> bool:
    """The sentence opens on a capitalised name (two words or more) none of whose words the final score's
    line gives: "Saddleworth Saints stay top ...", told of another side."""
    opening = []
    for w in line.split():
        if not w[:1].isupper():
            break
        opening.append(w.lower().strip(".,:;'"))
    return len(opening) >= 2 and not set(opening) & final_names


def _scores(d: _Doc, built: Mapping[str, Mapping[object, Relation]]) -> Iterator[Relation]:
    text = d.view.text
    sents = d.view.doc.sentences
    if not _ANY_SCORE.search(text):
        return
    sizes: dict[int, int] = {}
    for s in sents:
        sizes[s.paragraph] = sizes.get(s.paragraph, 0) + 1
    final: tuple[int, int, int, int] | None = None  # start, end, goals sorted
    final_kind = ""
    final_names: set[str] = set()  # the capitalised words of the final score's line: its sides' names
    starts = [f.span.start for f in d.facts]
    if starts != sorted(starts):
        return
    lead = _lead_sentences(d)
    for si, s in enumerate(sents):
        line = text[s.span.start : s.span.end]
        heading = sizes[s.paragraph] == 1 and len(line.split()) <= HEADING_WORDS
        # Set scores ("6-4 6-3") are a tennis match's, read by relations/tennis.py, not goals.
        sets = [x.span() for x in SET_RUN.finditer(line)] if "-" in line or "–" in line else []
        for m in SCORE.finditer(line):
            if any(a <= m.start() < b for a, b in sets):
                continue
            a, b = sorted((int(m.group(1)), int(m.group(2))))
            start, end = s.span.start + m.start(), s.span.start + m.end()
            before = tuple(_WORD.findall(line[: m.start()].lower()))
            # The headline or a standfirst line under it ("Arsenal win 5-2 on penalties").
            headline = (
                heading
                and (si == 0 or (si < TITLE_LINES and final is None))
                and bool(d.v.score_verbs.intersection(before))
            )
            after = _WORD.findall(line[m.end() :].lower())[:AFTER_WORDS]
            kind = _kind(d, after)
            lead_told = (
                final is None
                and si in lead
                and not heading
                and not d.v.score_elsewhere.intersection(after)
                and _result_verb_before(d, line[: m.start()], _capitals(line[: m.start()]))
            )  # "Lewes beat Exeter City 3-1 on Sunday" under a headline with no score: the lead tells the result
            if headline or lead_told or (heading and _named_both_sides(line, m.start(), m.end())):
                final = (start, end, a, b)  # "Dundee Utd 4-1 Aberdeen", "Leeds beat Derby 3-1"
                final_names = {w.lower().strip(".,:;'") for w in line.split() if w[:1].isupper()}
                final_kind = kind  # "Arsenal win 5-2 on penalties": a shoot-out's score
                break
            if final is None:
                continue
            if kind != final_kind:
                continue  # a shoot-out's score against the match's, or the other way round
            words = before[-CUE_WORDS:]
            cue = d.v.score_cues.ending_at(words, len(words))
            if cue is None and after and after[0] in d.v.score_results:
                if (
                    _elsewhere(d, after)
                    or _another_match(line, m.start(), m.end(), final_names)
                    or _of_old_year(d, (s.span.start, s.span.end), (start, end))
                ):
                    continue  # "a 30-10 win in Rome the week before", "Tuesday's 1-0 win at Crewe": another match
                if before[-1:] in (("their",), ("its",)) and _other_side_opens(line, final_names):
                    continue  # "Saddleworth stay top after their 30-6 win at Ellerby": another side's match
                cue = ("final", len(words))  # "Chelsea's 3-2 victory": the result, named after it
            if cue is None and _result_verb_before(d, line[: m.start()], final_names):
                if d.v.score_elsewhere.intersection(after) or _of_old_year(d, (s.span.start, s.span.end), (start, end)):
                    continue  # "beat Town 3-1 the week before": another match
                cue = ("final", len(words))  # "City beat Rovers 3-1 at home": the result, told with its verb
            if cue is None or any(w in d.v.score_elsewhere for w in before):
                continue  # no cue, or another match: "a week earlier they made it 5-0"
            said = cue[0]
            if said == "final" and any(w in d.v.score_part_words for w in words):
                said = "running"  # "the first half ended 1 – 1": a score on the way
            fi = _fact_in(d, starts, start, end)
            if fi < 0:
                continue
            fs, fe, fa, fb = final
            yield Relation(
                "score",
                (("score", fi),),
                (),
                "document",
                (
                    ("said", said),
                    ("goals", f"{a}-{b}"),
                    ("span", f"{start}:{end}"),
                    ("final", f"{fa}-{fb}"),
                    ("final_span", f"{fs}:{fe}"),
                ),
            )
