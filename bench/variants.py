"""Benchmark: does a reader survive words that do not change the meaning?

    .venv/bin/python bench/variants.py                 # every variant over every rule's examples
    .venv/bin/python bench/variants.py convert said    # some variants
    .venv/bin/python bench/variants.py --misses        # and each example a variant lost or falsely flagged
    .venv/bin/python bench/variants.py --rule change-mismatch

Every rule's flagged and clean examples are rewritten by small edits that a
writer makes all the time and that leave the arithmetic as it was: an opening
adverb ("Indeed, ..."), an attribution at the end (", officials said"),
"per cent" for "%", a currency conversion in brackets after an amount
("£120 ($152)"), a level's adjective after "up from" / "down from" ("up from
the previous 1,715"), a headline above the text; and the same figure in another
house style: one to nine in words or in digits, "£3.2 billion" / "£3.2bn",
"percent", "US$", "3.2bn pounds", "half of" for "50% of", "March 12, 2024",
"2hr 21min 45sec" (never a rewrite that changes the printed precision); and the structures blind set 34
missed: a run between a move's verb and its figures ("rose for the third year in a row, to ..."), a time
window before the joint (", in the year to March, up from"), the ends of a move the other way round, the
stated size told last (", a rise of 12%"), a pointing word with its noun ("Of those staff,") and a share
after ", or" instead of in brackets. A flagged example must stay
flagged on its marked span; a clean one must stay clean. Blind mutation sets
showed that most misses on fresh text are a reader stopping at one such
unexpected word (stop 25's note): this grid counts them on the project's own
sentences, so a fix made here reads a family, not one draft.
Output goes to stdout and bench/out/variants.txt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from numcheck.engine import run  # noqa: E402
from numcheck.facts import extract  # noqa: E402
from numcheck.rules import Rule, load_rules, unmark  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "variants.txt"

# A sentence: its end is a full stop, "?" or "!" before a space, a newline or the text's end.
_SENTENCE = regex.compile(r"[^\n.!?]*(?:[.!?](?!\d)[^\n.!?]*?)*?[.!?](?=\s|$)|[^\n]+")
_LOWER_OK = frozenset(
    "the a an it its this that these those sales profit profits revenue shares prices the".split()
    + "there their they he she his her we our some about around nearly almost more most".split()
    + "just only of in on at by after before last this each every all both".split()
)


def _mark_sentence(text: str) -> tuple[int, int] | None:
    """The span of the sentence that holds the example's <mark>."""
    at = text.find("<mark>")
    if at < 0:
        return None
    for m in _SENTENCE.finditer(text):
        if m.start() <= at < m.end():
            return m.start(), m.end()
    return None


def _first_sentence(text: str) -> tuple[int, int] | None:
    """The last sentence of the text's last paragraph for a clean example (there is no mark)."""
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    return spans[-1] if spans else None


def _sentence(text: str) -> tuple[int, int] | None:
    return _mark_sentence(text) or _first_sentence(text)


@functools.cache
def _common_words() -> frozenset[str]:
    """Words the rules' examples write in lower case somewhere: a first word among them is no name."""
    out: set[str] = set()
    for rule in load_rules():
        for ex in (*rule.examples.flagged, *rule.examples.clean):
            out.update(w for w in regex.findall(r"(?<=[\p{Ll},;] )\p{Ll}+\b", ex))
    return frozenset(out)


def _trimmed(text: str) -> tuple[int, int] | None:
    """The span of the sentence the example turns on, past the spaces that open it."""
    span = _sentence(text)
    if span is None:
        return None
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    return s, e


def opener(text: str) -> str | None:
    """ "Indeed, " before the sentence the example turns on (a first word that is no name in lower case)."""
    span = _trimmed(text)
    if span is None:
        return None
    s, e = span
    body = text[s:e]
    if not body or body.startswith("<mark>") or not body[0].isupper() or not body.rstrip().endswith((".", "!", "?")):
        return None
    first = regex.match(r"\p{L}+", body)
    if first is None:
        return None
    word = first.group()
    # A name keeps its capital: a word told with one inside a sentence elsewhere is a name.
    named = regex.search(rf"[\p{{L}},;] {regex.escape(word)}\b", text) is not None
    if not word.isupper() and not named and (word.lower() in _LOWER_OK or word.lower() in _common_words()):
        body = word.lower() + body[len(word) :]
    return text[:s] + "Indeed, " + body + text[e:]


def said(text: str) -> str | None:
    """ ", officials said" at the end of the sentence the example turns on."""
    span = _sentence(text)
    if span is None:
        return None
    s, e = span
    body = text[s:e].rstrip()
    if not body.endswith(".") or body.endswith("</mark>.") or '"' in body or "“" in body or " said" in body:
        return None
    end = s + len(body) - 1
    return text[:end] + ", officials said" + text[end:]


def per_cent(text: str) -> str | None:
    """ "per cent" for every "%" after a figure."""
    out = regex.sub(r"(?<=\d)%", " per cent", text)
    return out if out != text else None


_MONEY = regex.compile(
    r"(?<![\w$£€(\-–—]|\(<mark>|[£€$][\d.,]+(?:bn|m|k|\sbillion|\smillion)?(?:</mark>)?\s+(?:to|and)\s+)"
    r"([£€$])(?:<mark>)?+(\d{1,3}(?:,\d{3})++|\d++)(\.\d++)?+(bn|m|k|\s(?:billion|million))?+"
    r"(?![\w%)]|[.,]\d|[-–—/]|\s*\()(</mark>)?+(?!\s*[(\-–—/]|\s*to\s*[£€$]?\d)"
)
_RATE = {"£": ("$", Decimal("1.27")), "€": ("$", Decimal("1.08")), "$": ("£", Decimal("0.79"))}


def _in_brackets(text: str, at: int) -> bool:
    """The place ``at`` stands inside an open bracket ("(up from £3m)"): a conversion there would nest."""
    before = text[:at]
    return before.count("(") > before.count(")")


def _amounts(text: str) -> list[regex.Match[str]]:
    """Amounts of money a writer may convert: not already converted, not inside a bracket, no end of a
    range ("£2bn-£1bn", "£7 to £9" keep one currency over both ends)."""
    return [m for m in _MONEY.finditer(text) if not _in_brackets(text, m.start())]


def _converted(m: regex.Match[str]) -> str:
    sign, whole, frac, scale = m.group(1, 2, 3, 4)
    to, rate = _RATE[sign]
    value = Decimal(whole.replace(",", "") + (frac or "")) * rate
    places = len(frac) - 1 if frac else 0
    if not scale and value >= 1000:
        shown = f"{value:,.0f}"
    else:
        shown = f"{value:.{max(places, 1 if scale and value < 10 else 0)}f}"
    return f" ({to}{shown}{scale or ''})"


def _convert_at(text: str, m: regex.Match[str] | None) -> str | None:
    if m is None:
        return None
    return text[: m.end()] + _converted(m) + text[m.end() :]


def convert(text: str) -> str | None:
    """A conversion in brackets after the first amount of money: "£120 ($152)"."""
    found = _amounts(text)
    return _convert_at(text, found[0] if found else None)


def convert_last(text: str) -> str | None:
    """A conversion in brackets after the last amount of money, when the text tells more than one: "... and
    £45m ($57m) from Asia"."""
    found = _amounts(text)
    return _convert_at(text, found[-1] if len(found) > 1 else None)


# A length, weight or temperature and the unit a writer gives it again in: (pattern of its unit, the unit
# written in the bracket, how to get there).
_MEASURE = regex.compile(
    r"(?<![\w$£€(.,]|\(<mark>)(\d{1,3}(?:,\d{3})++|\d++)(\.\d++)?+(\s?)"
    r"(km|kilometres|miles|mile|metres|ft|feet|kg|kilograms|lb|cm|inches|C|F)\b"
    r"(?![-–—/]|\s*\()(</mark>)?+(?!\s*[(\-–—/\d]|\s*to\s*\d)"
)
_UNIT_TO: dict[str, tuple[str, Callable[[Decimal], Decimal]]] = {
    "km": ("miles", lambda v: v * Decimal("0.6214")),
    "kilometres": ("miles", lambda v: v * Decimal("0.6214")),
    "miles": ("km", lambda v: v * Decimal("1.609")),
    "mile": ("km", lambda v: v * Decimal("1.609")),
    "metres": ("ft", lambda v: v * Decimal("3.281")),
    "ft": ("m", lambda v: v * Decimal("0.3048")),
    "feet": ("m", lambda v: v * Decimal("0.3048")),
    "kg": ("lb", lambda v: v * Decimal("2.205")),
    "kilograms": ("lb", lambda v: v * Decimal("2.205")),
    "lb": ("kg", lambda v: v * Decimal("0.4536")),
    "cm": ("in", lambda v: v * Decimal("0.3937")),
    "inches": ("cm", lambda v: v * Decimal("2.54")),
    "C": ("F", lambda v: v * 9 / 5 + 32),
    "F": ("C", lambda v: (v - 32) * 5 / 9),
}


def convert_units(text: str) -> str | None:
    """A conversion in brackets after the first length, weight or temperature: "12 miles (19km)", "40C (104F)"."""
    for m in _MEASURE.finditer(text):
        if _in_brackets(text, m.start()):
            continue
        whole, frac, _, unit = m.group(1, 2, 3, 4)
        if unit in ("C", "F") and m.group(3):
            continue  # "40 C" is no temperature a writer prints
        to, make = _UNIT_TO[unit]
        value = make(Decimal(whole.replace(",", "") + (frac or "")))
        shown = f"{value:,.1f}" if abs(value) < 10 else f"{value:,.0f}"
        sep = " " if to == "miles" else ""
        return text[: m.end()] + f" ({shown}{sep}{to})" + text[m.end() :]
    return None


def older_adjective(text: str) -> str | None:
    """ "up from the previous 1,715": a level's adjective between "from" and the older figure."""
    out = regex.sub(
        r"\b((?:up|down|rise|fall|increase|decrease|drop)\s+(?:\w+\s+)?(?:from|on))\s+(?=[£€$]?\d)",
        r"\1 the previous ",
        text,
    )
    return out if out != text else None


# A level, not a year ("from 2023"), a place ("from 21st") or a rank ("from number 30").
# Nor a date ("from 3 May") or a length of time ("from 18 weeks"), where the words name a window.
_LEVEL_AHEAD = (
    r"(?=(?:<mark>)?(?:[£€$]\d|\d(?!\d{3}\b)(?![\d,.]*(?:st|nd|rd|th)\b)))"
    r"(?!(?:<mark>)?[^\s<]*(?:</mark>)?(?:\s+to\s+\d+)?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|second|minute|hour|"
    r"day|week|month|year|decade|season)\w*)"
)


# A figure told as the older end of a change or comparison: the cue word and the figure after it, when
# nothing stands between them but a hedge ("from about 1,715", "compared with 2,910").
_OLDER_CUE = regex.compile(
    r"\b((?:from|compared\s+(?:with|to)|against|(?:more|less|fewer|higher|lower|bigger|smaller)\s+than|"
    r"(?:up|down|rise|rose|fall|fell|grew|increase|decrease|drop|dropped|higher|lower|more|less|fewer)"
    r"\s+(?:\S+\s+)?on))\s+" + _LEVEL_AHEAD
)


# A word of a move before "from" ("rose 12% to 4,000, up from"), or "to" and a figure after its figure.
_MOVE_BEFORE = regex.compile(
    r"\b(?:up|down|rise[sn]?|rose|rising|fall(?:s|en|ing)?|fell|grew|grow(?:n|s|ing)?|increase[sd]?|decrease[sd]?|"
    r"drop(?:s|ped)?|climb(?:s|ed)?|jump(?:s|ed)?|cut|cuts|reduc\w+|rais\w+|lift\w*|slid|dipped|go|goes|went|gone|"
    r"move[sd]?|higher|lower|improvement|decline[sd]?|change[sd]?|shift\w*)\b",
    regex.I,
)
_TO_AFTER = regex.compile(r"(?:<mark>)?[£€$]?[\d,.]+\w*(?:</mark>)?(?:\s+\S+){0,3}?\s+to\s+(?:<mark>)?[£€$]?\d")


def level_adjective(text: str) -> str | None:
    """ "from a typical 1,690", "compared with the current 4.25%", "than the earlier 38.6 million": a
    level's adjective before the older end of a change or comparison told without a determiner. "from"
    takes "a typical" only after a direction word or before "to" is far; other cues take "the earlier"."""

    def put(m: regex.Match[str]) -> str:
        cue = m.group(1)
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if cue == "from" and regex.search(r"\b(?:range|ranging|ranged|ranges|aged|between)\s*$", before):
            return m.group()  # "ranging from 4 to 7", "aged from 18": no older level
        if cue == "from" and not (
            _MOVE_BEFORE.search(text[max(0, m.start() - 60) : m.start()]) or _TO_AFTER.match(text, m.end())
        ):
            return m.group()  # "samples from 40 patients", "trains from 14 depots": a source, no level
        if cue.endswith("than") and not regex.search(
            r"\d[^\s,;]*(?:\s+(?!(?:to|from|at|of|in|on|by)\b)[\p{L}-]+)?\s+$", text[: m.start()]
        ):
            return m.group()  # "employs more than 1,000": a hedge, no comparison
        word = "a typical" if cue == "from" else "the earlier"
        return f"{cue} {word} "

    out = _OLDER_CUE.sub(put, text)
    return out if out != text else None


# Verbs whose object is a level or a whole a writer may open with "a total of" ("sold a total of 450").
_TOTAL_VERBS = (
    "employs|employed|employ|sold|sells|raised|raises|received|receives|recorded|records|reported|counted|"
    "made|earned|won|took|has|had|have|holds|held|treated|registered|attracted|collected|built|bought|hired"
)
_TOTAL = regex.compile(
    rf"\b({_TOTAL_VERBS})\s+(?=(?:<mark>)?[£€$]?\d[\d,.]*(?:bn|m|k)?(?:</mark>)?\s+(?!per\b|%|percent)\p{{Ll}})"
)


def total_of(text: str) -> str | None:
    """ "sold a total of 450 cars", "employs a total of 1,150 nurses": "a total of" before the first whole
    or level told as a verb's object with its noun after it (no share: "a total of 45%" is no English).
    Only the first: before a later part of a list ("Labour won a total of 35, the Tories 13") the words
    would say that part is a whole."""
    out = _TOTAL.sub(lambda m: f"{m.group(1)} a total of ", text, count=1)
    return out if out != text else None


_YEAR_OLDER = regex.compile(
    r"\b((?:up|down|rise|rose|fall|fell|grew|increase|decrease|drop|dropped|higher|lower)\s+(?:\S+\s+)?(?:from|on))"
    r"\s+" + _LEVEL_AHEAD
)


def year_earlier(text: str) -> str | None:
    """ "up 12% from a year-earlier 2,910": "a year-earlier" before the older end of a move, when the text
    already tells the older end as a year before (it says "year" somewhere)."""
    if "year" not in text.lower():
        return None

    def put(m: regex.Match[str]) -> str:
        if _OTHER_TIME.match(text, m.end()):
            return m.group()  # "down from 3.8% the month before": the older end is not a year's
        return f"{m.group(1)} a year-earlier "

    out = _YEAR_OLDER.sub(put, text)
    return out if out != text else None


# A time after the older end that is not a year before ("the month before", "in May", "last week").
_OTHER_TIME = regex.compile(
    r"(?:<mark>)?\S+(?:</mark>)?[^.;\n]{0,24}?\b(?:month|week|quarter|day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec|spring|summer|autumn|winter)",
    regex.I,
)


def headline(text: str) -> str | None:
    """A one-line headline above a text that has none."""
    first = text.split("\n", 1)[0]
    if "\n\n" in text and not first.rstrip().endswith((".", "!", "?", '"')):
        return None
    return "Latest figures published\n\n" + text


_POINTING = regex.compile(
    r"(?i)(?:<mark>)?(?:it|its|they|their|them|that|this|these|those|he|she|his|her|the\s+(?:figure|total|number|rise|fall|increase|drop))\b"
)


def interlude(text: str) -> str | None:
    """A quoted paragraph with no figure between the paragraph the example turns on and the one before it,
    as real articles put quotes between the figures they relate (never before a paragraph that opens by
    pointing back: "That was ...", "It ...")."""
    at = text.find("<mark>")
    if at < 0:
        paras = text.split("\n\n")
        if len(paras) < 3:
            return None
        at = len(text) - len(paras[-1])
    cut = text.rfind("\n\n", 0, at)
    if cut < 0 or text.rfind("\n\n", 0, cut) < 0 and _is_title(text[:cut]):
        return None
    after = text[cut + 2 :]
    if _POINTING.match(after):
        return None
    return text[:cut] + '\n\n"We will look at this closely," a spokesperson said.' + text[cut:]


def _is_title(para: str) -> bool:
    """A first paragraph that is a headline (no closing full stop) is no body paragraph."""
    return "\n" not in para and not para.rstrip().endswith((".", "!", "?", '"'))


def semicolon(text: str) -> str | None:
    """The sentence the example turns on joined to the one before it by a semicolon, as writers join two
    short sentences ("Sales rose to £58m; the rise was the biggest in a decade"). Not after a headline or
    before a sentence that opens with a name (its capital would be lost)."""
    span = _sentence(text)
    if span is None:
        return None
    s, _ = span
    while s < len(text) and text[s] == " ":
        s += 1
    before = text[:s].rstrip(" ")
    if not before.endswith(".") or before.endswith(("..", "</mark>.")) or "\n" in text[len(before) : s]:
        return None
    first = regex.match(r"(?:<mark>)?(\p{L}+)", text[s:])
    if first is None:
        return None
    word = first.group(1)
    named = regex.search(rf"[\p{{L}},;] {regex.escape(word)}\b", text) is not None
    if named or word.isupper() or not (word.lower() in _LOWER_OK or word.lower() in _common_words()):
        return None
    at = s + first.start(1)
    return before[:-1] + "; " + text[s:at] + word.lower() + text[at + len(word) :]


# --- the same figure written another way (stop 26, "forms"): style guides differ, the value and its printed
# precision stay.  Each edit keeps the interval a judge reads: "£3.2bn" and "£3.2 billion" are both told to
# the hundred million; "1,200,000" <-> "1.2 million" is never written (the precision would change).

_DIGIT_WORDS = "one two three four five six seven eight nine".split()
# A lone digit before a lower-case word that is no unit or percentage: "3 people", "<mark>7</mark> seats".
_LONE_DIGIT = regex.compile(
    r"(?<=[^\S\n](?:<mark>)?|\((?:<mark>)?)([1-9])(?=(?:</mark>)?[^\S\n]+(?!(?:per|percent|pc|pm|am|p|km|m|kg|g|"
    r"mm|cm|mph|kph|kmh|mg|ml|l|lb|lbs|oz|ft|in|yd|hr|hrs|min|mins|sec|secs|s|bn|k|mn|x|to|and|or|hundred|thousand|"
    r"million|billion|trillion|dozen)\b)\p{Ll})"
)


def words(text: str) -> str | None:
    """BBC style: a lone count of one to nine in words, "3 people" -> "three people" (not at a sentence's
    start, not before a unit, a percentage or another figure)."""

    def swap(m: regex.Match[str]) -> str:
        before = text[: m.start()].rstrip().removesuffix("<mark>").rstrip()
        if not before or before.endswith((".", "!", "?", ":", "\n", "No", "no.", "#")):
            return m.group()
        # A figure after a name is part of it or a date: "Pebble 2", "April 3".
        last = regex.search(r"(\p{L}+)\W*$", before)
        if last and last.group(1)[0].isupper() and not regex.search(r"(?:^|[.!?\n]\s*)\p{L}+\W*$", before):
            return m.group()
        return _DIGIT_WORDS[int(m.group(1)) - 1]

    out = _LONE_DIGIT.sub(swap, text)
    return out if out != text else None


_WORD_DIGIT = regex.compile(
    r"(?<=(?:^|[^\S\n]|\()(?:<mark>)?)(two|three|four|five|six|seven|eight|nine)(?=(?:</mark>)?[^\S\n]+"
    r"(?!(?:hundred|thousand|million|billion|trillion|dozen|and|or|to|of|in|out|per|percent|halves|thirds|quarters|"
    r"fifths|sixths|sevenths|eighths|ninths|tenths)\b)\p{Ll})"
)


def digits(text: str) -> str | None:
    """Digits for a count of two to nine written in words, "three men" -> "3 men" (house styles that write
    every figure in digits; not "one", which is often no figure, and not a phrase like "two in five")."""
    out = _WORD_DIGIT.sub(lambda m: str(_DIGIT_WORDS.index(m.group(1)) + 1), text)
    return out if out != text else None


_SCALE_ABBR = regex.compile(r"(?<=[£€$]\d[\d,]*(?:\.\d+)?)(bn|m)(?![\w])")
_SCALE_WORD = regex.compile(r"(?<=[£€$]\d[\d,]*(?:\.\d+)?)[^\S\n](billion|million)\b")


def spelt_scale(text: str) -> str | None:
    """ "£3.2bn" -> "£3.2 billion", "$5m" -> "$5 million" (amounts of money only: "6.41m" may be metres)."""
    out = _SCALE_ABBR.sub(lambda m: " billion" if m.group(1) == "bn" else " million", text)
    return out if out != text else None


def short_scale(text: str) -> str | None:
    """ "£3.2 billion" -> "£3.2bn", "$5 million" -> "$5m"."""
    out = _SCALE_WORD.sub(lambda m: "bn" if m.group(1) == "billion" else "m", text)
    return out if out != text else None


def percent(text: str) -> str | None:
    """ "percent" (one word, US style) for every "%" after a figure."""
    out = regex.sub(r"(?<=\d)%", " percent", text)
    return out if out != text else None


def us_dollar(text: str) -> str | None:
    """ "US$5m" for "$5m" (a dollar not already named by its country)."""
    out = regex.sub(r"(?<![\w$])\$(?=\d)", "US$", text)
    return out if out != text else None


_CURRENCY_NAMES = {"£": ("pound", "pounds"), "$": ("dollar", "dollars"), "€": ("euro", "euros")}
_MONEY_SIGN = regex.compile(
    r"(?<![\w$£€]|\w[^\S\n]*[-–][^\S\n]*|\bto[^\S\n]+)([£€$])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:[^\S\n]?(bn|m|billion|million)\b)?(?![\d.,]\d|%|\w|[^\S\n]*[-–]|[^\S\n]+(?:to|and)[^\S\n]+[£€$]?\d)"
)


def currency_word(text: str) -> str | None:
    """The currency named after the figure, its scale as written: "3.2bn pounds" for "£3.2bn" (BBC style for
    euros, "11m euros"), "3.2 billion pounds" for "£3.2 billion", "120 dollars" for "$120"."""

    def swap(m: regex.Match[str]) -> str:
        sign, figure, scale = m.group(1), m.group(2) + (m.group(3) or ""), m.group(4)
        if regex.search(
            r"\bbetween[^\S\n]+(?:<mark>)?[£€$]?[\d.,]*\w*(?:</mark>)?[^\S\n]+and[^\S\n]+(?:<mark>)?$",
            text[: m.start()],
        ):
            return m.group()  # the high end of "between $7 and $6bn" keeps the sign the low end has
        one, many = _CURRENCY_NAMES[sign]
        name = one if figure == "1" and not scale else many
        if scale in ("bn", "m"):
            return f"{figure}{scale} {name}"
        return f"{figure} {scale + ' ' if scale else ''}{name}"

    out = _MONEY_SIGN.sub(swap, text)
    return out if out != text else None


_FRACTION_OF = {"50": "half", "25": "a quarter", "75": "three-quarters"}


def fraction(text: str) -> str | None:
    """ "half of" for "50% of", "a quarter of" for "25% of", "three-quarters of" for "75% of" (exact only)."""
    out = regex.sub(
        r"(?<![\d.,]|\bsome[^\S\n]+(?:<mark>)?)(50|25|75)%(?=(?:</mark>)?[^\S\n]+of\b)",
        lambda m: _FRACTION_OF[m.group(1)],
        text,
    )
    if out == text:
        return None
    # A fraction word opening a sentence takes a capital.
    return regex.sub(
        r"(^|[.!?][^\S\n]+|\n)(<mark>)?(half|a quarter|three-quarters)",
        lambda m: m.group(1) + (m.group(2) or "") + m.group(3)[0].upper() + m.group(3)[1:],
        out,
    )


_MONTHS = "January February March April May June July August September October November December".split()
_DAY_MONTH_YEAR = regex.compile(
    rf"(?<!\d[^\S\n]*(?:[-–]|to|and)[^\S\n]*)\b([1-9]|[12]\d|3[01])[^\S\n]+({'|'.join(_MONTHS)})[^\S\n]+((?:19|20)\d\d)\b"
)
_MONTH_DAY_YEAR = regex.compile(rf"\b({'|'.join(_MONTHS)})[^\S\n]+([1-9]|[12]\d|3[01]),[^\S\n]+((?:19|20)\d\d)\b")


def date_order(text: str) -> str | None:
    """US order for a full date, "12 March 2024" -> "March 12, 2024" (and the British order for a US date)."""
    out = _DAY_MONTH_YEAR.sub(lambda m: f"{m.group(2)} {m.group(1)}, {m.group(3)}", text)
    if out == text:
        out = _MONTH_DAY_YEAR.sub(lambda m: f"{m.group(2)} {m.group(1)} {m.group(3)}", text)
    return out if out != text else None


def race_time(text: str) -> str | None:
    """ "2hr 21min 45sec" for a race time "2:21:45" (hours, minutes and seconds; a clock time has no seconds)."""
    out = regex.sub(
        r"(?<![\d:.])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])(?!\.\d)",
        lambda m: f"{int(m.group(1))}hr {int(m.group(2))}min {int(m.group(3))}sec",
        text,
    )
    return out if out != text else None


# Verbs a sentence's subject stands before: a move, a level, a count told ("Sales rose", "The firm employs").
_SUBJECT_VERB = regex.compile(
    r"\b(?:rose|fell|grew|increased|decreased|dropped|declined|climbed|jumped|slipped|dipped|slid|sank|surged|soared"
    r"|plunged|slumped|tumbled|eased|shrank|doubled|halved|trebled|tripled|edged|improved|widened|narrowed|reached"
    r"|totalled|totaled|stood|is|are|was|were|has|have|had|will|would|made|make|makes|took|won|received|raised"
    r"|employs|employed|sold|spent|paid|earned|cost|costs|attracted|recorded|reported|posted|lost|added)\b"
)
# A subject that is a pronoun or a bare determiner takes no attribution after it ("It, officials said, ...").
_NO_ASIDE_SUBJECT = frozenset("it he she they we i you there this that these those who which".split())
_SUBJECT_NOUNS = frozenset("sales profit profits revenue shares prices".split())


def _sentence_body(text: str) -> tuple[int, int] | None:
    span = _trimmed(text)
    if span is None:
        return None
    s, e = span
    body = text[s:e].rstrip()
    if not body.endswith((".", "!", "?")) or '"' in body or "\u201c" in body or " said" in body or "according" in body:
        return None
    return s, s + len(body)


def _subject_end(text: str, s: int, e: int) -> int:
    """Where the sentence's subject ends before its verb, with no comma, bracket or figure-free gap: else -1."""
    body = text[s:e]
    m = _SUBJECT_VERB.search(body)
    if m is None or m.start() == 0:
        return -1
    before = body[: m.start()].rstrip()
    words = before.split()
    if not words or len(words) > 8 or any(c in before for c in ",;:()-\u2013\u2014<>") or not before[:1].isupper():
        return -1
    last = words[-1].lower()
    if before.lower() in _NO_ASIDE_SUBJECT or last in (_NO_ASIDE_SUBJECT | _LOWER_OK | {"than"}) - _SUBJECT_NOUNS:
        return -1
    return s + len(before)


def _after_subject(text: str, aside: Callable[[str], str]) -> str | None:
    """``aside(subject)`` put after the subject of the sentence the example turns on, before its verb."""
    span = _sentence_body(text)
    if span is None:
        return None
    at = _subject_end(text, *span)
    if at < 0:
        return None
    return text[:at] + aside(text[:at].split()[-1]) + text[at:]


def said_subject(text: str) -> str | None:
    """ ", officials said," after the subject of the sentence the example turns on, before its verb ("Sales,
    officials said, rose 12% to £40m")."""
    return _after_subject(text, lambda _: ", officials said,")


def according_subject(text: str) -> str | None:
    """ ", according to figures released on Tuesday," after the sentence's subject, before its verb."""
    return _after_subject(text, lambda _: ", according to figures released on Tuesday,")


def _which_is(last: str) -> str:
    verb = "are" if last.endswith("s") and not last.endswith(("ss", "'s", "’s")) else "is"
    return f", which {verb} closely watched,"


def relative_subject(text: str) -> str | None:
    """A relative clause with no figure after the sentence's subject ("Sales, which are closely watched, rose
    12%"; "The council, which is closely watched, has 4,300 staff")."""
    return _after_subject(text, _which_is)


# A joint after a figure's clause where the sentence goes on about the same figure.
_JOINT = regex.compile(
    r"(?<=\d(?:%|bn|m|k)?|\d [a-z]+|\d [a-z]+ [a-z]+)(</mark>)?"
    r"(?=, (?:up|down) (?:from|on)\b|, (?:a|an) (?:rise|fall|increase|decrease|drop|decline|jump|cut) of\b"
    r"|, (?:compared|against|or|equivalent)\b)"
)


def said_joint(text: str) -> str | None:
    """ ", officials said" after the first figure's clause, before what ties it to the next (", up from",
    ", a rise of", ", or", ", compared with"): "rose 12% to £40m, officials said, up from £35m"."""
    span = _sentence_body(text)
    if span is None:
        return None
    s, e = span
    m = _JOINT.search(text, s, e)
    if m is None:
        return None
    return text[: m.end()] + ", officials said" + text[m.end() :]


# Verbs of a move, past tense, whose figures may follow them directly ("rose 12% to £40m").
_RISE_VERBS = "rose|grew|increased|climbed|jumped|soared|surged|went up|edged up|crept up"
_FALL_VERBS = "fell|dropped|declined|decreased|slipped|dipped|slid|sank|plunged|slumped|tumbled|eased|shrank|went down"
_MOVE_VERB = regex.compile(rf"\b({_RISE_VERBS}|{_FALL_VERBS})\b")
# A figure as a rule example writes it, with its mark: "£1.14bn", "<mark>19%</mark>", "5.9 million".
_FIG = (
    r"(?:<mark>)?[£€$]?\d(?:[\d,.]*\d)?(?:bn|m|k|%|p)?(?:\s+(?:million|billion|per\s+cent))?(?:</mark>)?(?!\w|[.,]\d)"
)


def streak(text: str) -> str | None:
    """ "rose for the third year in a row, to 5.9 million from 5.5 million": a figure-free phrase between a move's
    verb and its figures (the verb then stands far from them)."""
    out = regex.sub(
        rf"{_MOVE_VERB.pattern}\s+(?=(?:by\s+|to\s+|from\s+)?{_FIG})",
        r"\1 for the third year in a row, ",
        text,
        count=1,
    )
    return out if out != text else None


_NO_WINDOW = regex.compile(
    r"\b(?:year|month|week|quarter|day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|"
    r"winter|since|until|\d{4})",
    regex.I,
)


def window(text: str) -> str | None:
    """ "rose to £40m in the year to March, up from £35m": a time window between a figure's clause and what ties
    it to the next (", up from", ", a rise of", ", or", ", compared with"), in a sentence that tells no time."""
    span = _sentence_body(text)
    if span is None:
        return None
    s, e = span
    if _NO_WINDOW.search(unmark(text[s:e])[0]):
        return None
    m = _JOINT.search(text, s, e)
    if m is None:
        return None
    return text[: m.end()] + " in the year to March" + text[m.end() :]


_TO_FROM = regex.compile(rf"\bto\s+({_FIG})\s+from\s+({_FIG})(?!\s+to\b)")
_FROM_TO = regex.compile(rf"{_MOVE_VERB.pattern}((?:\s+(?!from\b)\S+)?)\s+from\s+({_FIG})\s+to\s+({_FIG})")


def reorder(text: str) -> str | None:
    """The two ends of a move the other way round: "rose to £1.14bn from £1.02bn" <-> "rose from £1.02bn to
    £1.14bn" (after a move's verb only: "from 4 to 7" alone is a range)."""
    out = _TO_FROM.sub(lambda m: f"from {m.group(2)} to {m.group(1)}", text, count=1)
    if out == text:
        out = _FROM_TO.sub(lambda m: f"{m.group(1)}{m.group(2)} to {m.group(4)} from {m.group(3)}", text, count=1)
    return out if out != text else None


_STATED_FIRST = regex.compile(rf"{_MOVE_VERB.pattern}\s+(?:by\s+)?({_FIG})\s+(to\s+{_FIG}(?:\s+from\s+{_FIG})?)")


def stated_last(text: str) -> str | None:
    """The size of a move told after its ends: "rose 12% to £40m from £35m" -> "rose to £40m from £35m, a rise
    of 12%"."""

    def put(m: regex.Match[str]) -> str:
        noun = "a rise" if regex.fullmatch(_RISE_VERBS, m.group(1)) else "a fall"
        return f"{m.group(1)} {m.group(3)}, {noun} of {m.group(2)}"

    out = _STATED_FIRST.sub(put, text, count=1)
    return out if out != text else None


_POINTING = regex.compile(r"\b([Oo]f|[Aa]mong) (them|those|these)\b(?! \p{L})")
_COUNTED = regex.compile(
    r"\d[\d,]*(?:</mark>)? (?:[\p{Ll}-]+ )?(?!(?:of|to|in|on|and|or|per|from|were|was|are|had|have)\b)(\p{Ll}{3,})\b"
)


def pointing(text: str) -> str | None:
    """ "Of those staff, 70 ..." for "Of those, 70 ...": a pointing word with the noun it points back to (the
    plural noun counted last before it)."""
    m = _POINTING.search(text)
    if m is None:
        return None
    nouns = _COUNTED.findall(unmark(text[: m.start()])[0])
    if not nouns:
        return None
    word = "those" if m.group(2) == "them" else m.group(2)
    return text[: m.start()] + f"{m.group(1)} {word} {nouns[-1]}" + text[m.end() :]


_PAREN_SHARE = regex.compile(r"(?<=\d(?:</mark>)?(?: [\p{Ll}-]+){0,2}) \(((?:<mark>)?\d[\d.]*%(?:</mark>)?)\)")


def or_share(text: str) -> str | None:
    """ "70, or 48%, ..." for "70 (48%) ...": a share told between commas with "or" instead of in brackets."""
    out = _PAREN_SHARE.sub(lambda m: f", or {m.group(1)},", text, count=1)
    out = out.replace(",,", ",").replace(",.", ".")
    return out if out != text else None


VARIANTS: dict[str, Callable[[str], str | None]] = {
    "opener": opener,
    "said": said,
    "per-cent": per_cent,
    "convert": convert,
    "convert-last": convert_last,
    "convert-units": convert_units,
    "older-adjective": older_adjective,
    "headline": headline,
    "interlude": interlude,
    "semicolon": semicolon,
    "words": words,
    "digits": digits,
    "spelt-scale": spelt_scale,
    "short-scale": short_scale,
    "percent": percent,
    "us-dollar": us_dollar,
    "currency-word": currency_word,
    "fraction": fraction,
    "date-order": date_order,
    "race-time": race_time,
    "said-subject": said_subject,
    "according-subject": according_subject,
    "said-joint": said_joint,
    "relative-subject": relative_subject,
    "level-adjective": level_adjective,
    "total-of": total_of,
    "year-earlier": year_earlier,
    "streak": streak,
    "window": window,
    "reorder": reorder,
    "stated-last": stated_last,
    "pointing": pointing,
    "or-share": or_share,
}


def _today(rule: Rule) -> dt.date | None:
    return dt.date.fromisoformat(rule.examples.today) if rule.examples.today else None


def _flagged(rule: Rule, marked: str) -> bool:
    text, mark = unmark(marked)
    if mark is None:
        return False
    found = [f for f in run(extract(text), [rule], today=_today(rule)) if f.code == rule.code]
    return any(f.span.start < mark[1] and mark[0] < f.span.end for f in found)


def _raised(rule: Rule, text: str) -> bool:
    return any(f.code == rule.code for f in run(extract(text), [rule], today=_today(rule)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("variants", nargs="*", help=f"variants to run (default all: {', '.join(VARIANTS)})")
    ap.add_argument("--rule", action="append", default=[], help="only this rule (name or code); repeatable")
    ap.add_argument("--misses", action="store_true", help="print each example a variant lost or falsely flagged")
    args = ap.parse_args(argv)
    names = args.variants or list(VARIANTS)
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        ap.error(f"unknown variant(s): {', '.join(unknown)}; choose from {', '.join(VARIANTS)}")
    rules = [r for r in load_rules() if not args.rule or r.name in args.rule or r.code in args.rule]
    lines: list[str] = []
    lost_total = kept_total = alarms_total = clean_total = 0
    for name in names:
        make = VARIANTS[name]
        kept = lost = alarms = cleans = 0
        misses: list[str] = []
        for rule in rules:
            for ex in rule.examples.flagged:
                if not _flagged(rule, ex):
                    continue  # the example itself fails: the unit tests say so
                new = make(ex)
                if new is None or new == ex:
                    continue
                if _flagged(rule, new):
                    kept += 1
                else:
                    lost += 1
                    misses.append(f"  LOST  {rule.name}: {unmark(new)[0]!r}")
            for ex in rule.examples.clean:
                if _raised(rule, ex):
                    continue
                new = make(ex)
                if new is None or new == ex:
                    continue
                cleans += 1
                if _raised(rule, new):
                    alarms += 1
                    misses.append(f"  ALARM {rule.name}: {new!r}")
        total = kept + lost
        rate = 100 * kept / total if total else 100.0
        lines.append(f"{name:16} kept {kept:5}/{total:<5} ({rate:5.1f}%)   new alarms {alarms:4}/{cleans}")
        if args.misses:
            lines.extend(misses)
        kept_total += kept
        lost_total += lost
        alarms_total += alarms
        clean_total += cleans
    total = kept_total + lost_total
    lines.append(
        f"{'all':16} kept {kept_total:5}/{total:<5} ({100 * kept_total / max(total, 1):5.1f}%)"
        f"   new alarms {alarms_total:4}/{clean_total}"
    )
    print("\n".join(lines))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
