"""The vocabulary's search helpers give what the plain forms they stand in for give."""

from __future__ import annotations

import re

from numcheck.vocab import PhraseTable, any_phrase, words_of

_PHRASES = ["a majority", "a clear majority", "a narrow majority", "most", "teen", "teenage", "teenager", "two-fold"]
_TEXTS = [
    "A clear majority of members backed the plan.",
    "Most of the staff, and a narrow majority of managers, agreed.",
    "The teenager and two teenage friends were stopped.",
    "Sixteen, a teen then, she won twice.",
    "Output rose two-fold; the canteen closed and the almost-empty hall stayed shut.",
    "A MAJORITY said no; amajority is no word, nor is majorityx.",
    "Nothing here at all.",
    "teen",
    "the 1990s and the 80s",
]


def _plain(phrases: list[str], *extra: str) -> re.Pattern[str]:
    alt = "|".join([*(re.escape(p) for p in sorted(phrases, key=len, reverse=True)), *extra])
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


def test_any_phrase_finds_a_match_where_the_plain_alternation_does() -> None:
    fast, plain = any_phrase(_PHRASES, "[2-9]0s"), _plain(_PHRASES, "[2-9]0s")
    for text in _TEXTS:
        for start in range(len(text) + 1):
            for end in (len(text), start + 12):
                got, want = fast.search(text, start, end), plain.search(text, start, end)
                assert (got and got.start()) == (want and want.start()), (text, start, end)


def test_starts_in_lists_every_position_a_phrase_of_the_table_starts_at() -> None:
    table = PhraseTable.build((p, "x") for p in _PHRASES)
    for text in _TEXTS:
        words = words_of(text)
        for start in range(-1, len(words) + 2):
            for end in (None, start + 3, len(words) + 5):
                stop = len(words) if end is None else min(end, len(words))
                at = [k for k in range(max(0, start), stop) if table.starting_at(words, k)]
                assert [k for k in table.starts_in(words, start, end) if table.starting_at(words, k)] == at


def _naive_starting_at(table: PhraseTable, words: tuple[str, ...], start: int) -> tuple[str, int] | None:
    for phrase, label in table.by_first.get(words[start], ()) if -len(words) <= start < len(words) else ():
        if tuple(words[start : start + len(phrase)]) == phrase:
            return label, start + len(phrase)
    return None


def _naive_ending_at(table: PhraseTable, words: tuple[str, ...], end: int) -> tuple[str, int] | None:
    for phrase, label in table.by_last.get(words[end - 1], ()) if end > 0 else ():
        if end - len(phrase) >= 0 and tuple(words[end - len(phrase) : end]) == phrase:
            return label, end - len(phrase)
    return None


def test_a_phrase_is_found_at_a_position_as_comparing_whole_slices_finds_it() -> None:
    table = PhraseTable.build(
        [("a majority", "m"), ("a clear majority", "c"), ("a", "one"), ("majority", "w"), ("a clear", "ac")]
        + [("of the", "of"), ("the", "t"), ("most of the", "mt"), ("clear majority of the", "x")]
    )
    for text in [*_TEXTS, "a clear majority of the", "a", "the the", "most of the clear a majority"]:
        words = words_of(text)
        for k in range(-len(words), len(words) + 1):
            assert table.starting_at(words, k) == _naive_starting_at(table, words, k), (text, k)
        for k in range(len(words) + 1):
            assert table.ending_at(words, k) == _naive_ending_at(table, words, k), (text, k)
