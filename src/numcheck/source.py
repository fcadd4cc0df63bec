"""Text before figures: markup blanking, sentences, paragraphs, line/column.

Blanking replaces characters with spaces (newlines kept), never inserts or
deletes, so every offset into the blanked text is an offset into the
original. Sentence and paragraph splitting produce spans only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from numcheck import startcache
from numcheck.model import Sentence, Span

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".rst")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _blank(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with every character but newlines turned into a space."""
    return re.sub(r"[^\n]", " ", text[start:end])


def _blank_matches(text: str, pattern: re.Pattern[str], group: int = 0) -> str:
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        s, e = m.span(group)
        out.append(text[pos:s])
        out.append(_blank(text, s, e))
        pos = e
    out.append(text[pos:])
    return "".join(out)


_FRONT_MATTER = startcache.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\n(?:---|\+\+\+)[ \t]*\r?(?:\n|\Z)", re.S)
# A fence is its whole run of backticks or tildes: giving some back can never find the newline
# that the rest of the line lacks, and on a line of n backticks with no newline that was O(n^2).
# The body is tried a character at a time but only line starts do more than fail (linear).
_FENCE = startcache.compile(r"^([ \t]*+)(`{3,}+|~{3,}+)[^\n]*+\n.*?(?:^[ \t]*+\2[ \t]*+\r?$|\Z)", re.S | re.M)
_INDENTED_CODE = startcache.compile(r"(?:(?<=\n\n)|(?<=\n\r\n)|\A)(?:(?:    |\t)[^\n]*(?:\n|\Z))+")
_CODE_SPAN = startcache.compile(r"(`+)[^`\n]*?\1")
_HTML_COMMENT = startcache.compile(r"<!--.*?(?:-->|\Z)", re.S)
_URL = startcache.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"')\]]+", re.I)
_MD_LINK_TARGET = startcache.compile(r"\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
# A reference link's label ("[the fix][98890]") and a link reference definition on its own line
# ("[98890]: https://..."): issue numbers and targets, never figures.
_MD_LINK_LABEL = startcache.compile(r"\]\[([^\]\n]{1,100})\]")
_MD_LINK_DEF = startcache.compile(r"^[ ]{0,3}\[[^\]\n]{1,100}\]:[ \t]*\S[^\n]*", re.M)
# The local part may start only where a run of its characters starts, and is at most 64
# long (RFC 5321): without that, "1.1.1.1…" with no "@" is tried from every position.
_EMAIL = startcache.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+\b")


def blank_markdown(text: str) -> str:
    """Blank front matter, code blocks, code spans, HTML comments and link targets."""
    text = _blank_matches(text, _FRONT_MATTER)
    text = _blank_matches(text, _FENCE)
    text = _blank_matches(text, _INDENTED_CODE)
    text = _blank_matches(text, _HTML_COMMENT)
    text = _blank_matches(text, _CODE_SPAN)
    text = _blank_matches(text, _MD_LINK_TARGET, 1)
    text = _blank_matches(text, _MD_LINK_LABEL, 1)
    text = _blank_matches(text, _MD_LINK_DEF)
    return text


_SCRIPT_STYLE = startcache.compile(r"<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)
_TAG = startcache.compile(r"<[!/?]?[A-Za-z][^<>]*>|<!\[CDATA\[.*?\]\]>", re.S)
_BLOCK_TAG = startcache.compile(
    r"<(/?)(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|pre|title|hr)\b",
    re.I,
)
_ENTITY = startcache.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def blank_html(text: str) -> str:
    """Blank scripts, styles, comments and tags; an entity becomes spaces
    followed by its character so that offsets stay true. A block-level tag is blanked
    to a newline-led run so sentences do not run across it."""
    text = _blank_matches(text, _SCRIPT_STYLE)
    text = _blank_matches(text, _HTML_COMMENT)
    out: list[str] = []
    pos = 0
    for m in _TAG.finditer(text):
        s, e = m.span()
        out.append(text[pos:s])
        blanked = _blank(text, s, e)
        if _BLOCK_TAG.match(m.group()) and "\n" not in blanked and len(blanked) >= 2:
            blanked = "\n\n" + blanked[2:]
        out.append(blanked)
        pos = e
    out.append(text[pos:])
    text = "".join(out)

    import html

    def entity(m: re.Match[str]) -> str:
        char = html.unescape(m.group())
        if len(char) != 1 or char == m.group():
            return m.group()
        if char.isspace():
            char = " "
        # Pad before the character: entities are mostly prefix signs (&pound;3m).
        return " " * (len(m.group()) - 1) + char

    return _ENTITY.sub(entity, text)


def blank_urls(text: str) -> str:
    """URLs and e-mail addresses hold digits that are never figures."""
    return _blank_matches(_blank_matches(text, _URL), _EMAIL)


# A suppression comment in reStructuredText's form (suppress.RST_COMMENT): its codes are no figures.
_RST_SUPPRESSION = startcache.compile(r"^[ \t]*\.\.[ \t]+numcheck-[^\n]*", re.M)


# reStructuredText: a directive line (".. versionadded:: 3.3", ".. image:: fig-2.png") and the literal
# block after "::" (indented any amount, blank lines inside) are markup and code, not prose.
_RST_DIRECTIVE = startcache.compile(r"^[ \t]*\.\.[ \t]+[\w:-]+::[^\n]*", re.M)
# A code directive's body: ".. code-block:: cmake", its options, a blank line, the indented code.
_RST_CODE = startcache.compile(
    r"^[ \t]*\.\.[ \t]+(?:code-block|code|sourcecode|parsed-literal|math)::[^\n]*\n(?:[ \t]+:[\w-]+:[^\n]*\n)*"
    r"(?:[ \t]*\r?\n)+((?:[ \t]+\S[^\n]*(?:\n|\Z)|[ \t]*\r?\n(?=[ \t]+\S))+)",
    re.M,
)
_RST_LITERAL = startcache.compile(
    r"^(?![ \t]*\.\.[ \t])[^\n]*?::[ \t]*\r?\n(?:[ \t]*\r?\n)+((?:[ \t]+\S[^\n]*(?:\n|\Z)|[ \t]*\r?\n(?=[ \t]+\S))+)",
    re.M,
)


def blank_rst(text: str) -> str:
    """Blank reST directive lines and literal blocks (after markdown's blanking, which .rst also gets)."""
    text = _blank_matches(text, _RST_LITERAL, 1)
    text = _blank_matches(text, _RST_CODE, 1)
    return _blank_matches(text, _RST_DIRECTIVE)


def prepare(text: str, path: str = "") -> str:
    """The text the extractor reads: same length as ``text``, markup blanked."""
    if "numcheck-" in text:
        text = _blank_matches(text, _RST_SUPPRESSION)
    lower = path.lower()
    if lower.endswith(HTML_SUFFIXES):
        text = blank_html(text)
    elif lower.endswith(MARKDOWN_SUFFIXES):
        text = blank_markdown(text)
        if lower.endswith(".rst"):
            text = blank_rst(text)
    elif "<!--" in text:
        text = _blank_matches(text, _HTML_COMMENT)
    return blank_urls(text)


# --- sentences ---------------------------------------------------------------

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st mt ft gen col lt sgt capt cmdr adm gov sen rep rev fr sr jr
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols p pp ch fig figs eq approx est inc ltd co corp plc bros dept univ assn
    vs v etc al e.g i.e cf ca c u.s u.k u.n e.u a.m p.m n.b""".split()
)

# Words that carry a sentence on after "a.m." / "p.m." ("at 6:30 a.m. Tuesday", "9 p.m. GMT",
# "7 a.m. local time"): the clock's full stop ends the sentence before any other capital.
_AFTER_CLOCK = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    gmt bst utc est edt cst cdt mst mdt pst pdt akst hst et ct mt pt ist cet cest eet eest wet aest aedt
    acst awst nzst nzdt jst kst hkt sgt sast msk eastern central mountain pacific atlantic greenwich
    british local""".split()
)
_PARAGRAPH_BREAK = startcache.compile(r"\n[ \t\u00a0\r]*\n\s*")  # "\r": Windows line ends
_SENT_END = startcache.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|[.!?…]+[\"'”’)\]]*\Z")
# A line that starts a list item or a table row ("* Add X", "- 40 stalls", "2. Then", "| a | b |")
# starts a new sentence, full stop or not: changelogs and notes rarely end their items with one.
# A Markdown heading line ("## 2016-12-06, Version 4.7.0") starts a section: release notes and
# docs are many stories in one file.
_HEADING = startcache.compile(r"(?m)^[ ]{0,3}#{1,6}[ \t]+\S")
_NUMBERED = startcache.compile(r"\d{1,3}[.)]")
_ITEM_AT = startcache.compile(r"(?:[*+•\-]|\d{1,3}[.)])[ \t]+\S|\|")
_ITEM_START = startcache.compile(r"\n[ \t]*(?=(?:[*+•\-]|\d{1,3}[.)])[ \t]+\S|\|)")


def _ends_sentence(text: str, m: re.Match[str], stop: int) -> bool:
    """Whether the terminal punctuation at ``m`` really ends a sentence."""
    punct = m.group()
    if punct[0] != ".":
        return True
    # Word before the full stop.
    i = m.start()
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:i].lower()
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and text[j : j + 1].isupper()):
        # "U.S." / "J. Smith": an abbreviation; still ends if a capitalised
        # sentence start follows after a quote or if the next word is lowercase? Keep going.
        nxt = _next_word(text, m.end(), stop)
        if word in ("a.m", "p.m") and nxt.rstrip(".,;:!?").lower() in _AFTER_CLOCK:
            return False  # "at 6:30 a.m. Tuesday", "at 9 p.m. GMT"
        if (
            not nxt
            or not nxt[0].isupper()
            or word in ("u.s", "u.k", "u.n", "e.u", "etc", "inc", "ltd", "plc", "corp", "co", "a.m", "p.m")
        ):
            return bool(nxt) and nxt[0].isupper() and word in ("etc", "inc", "ltd", "plc", "corp", "co", "a.m", "p.m")
        return False
    nxt = _next_word(text, m.end(), stop)
    if nxt and (nxt[0].islower() or nxt[0].isdigit() and word.isdigit()):
        return False
    return True


def _next_word(text: str, pos: int, stop: int) -> str:
    while pos < stop and text[pos].isspace():
        pos += 1
    end = pos
    while end < stop and not text[end].isspace():
        end += 1
    return text[pos:end].lstrip("\"'“‘([")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentence spans (whitespace trimmed), with the paragraph index of each; a list item or table
    row is a sentence of its own, marked ``item``."""
    out: list[Sentence] = []
    para_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    para_ends = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    headings = [m.start() for m in _HEADING.finditer(text)] if "#" in text else []
    rows = _label_rows(text, para_starts, para_ends)
    for pi, (ps, pe) in enumerate(zip(para_starts, para_ends)):
        items = {m.end() for m in _ITEM_START.finditer(text, ps, pe)}
        if pi in rows:
            items.add(ps)
        heads = [h for h in headings if ps <= h < pe]
        items.update(h for h in heads if h > ps)  # a heading line is a sentence of its own
        if _ITEM_AT.match(text, ps, pe):
            items.add(ps)
        markers = [(i, n.end()) for i in items if (n := _NUMBERED.match(text, i, pe))]
        stops = {m.end() for m in _SENT_END.finditer(text, ps, pe) if _ends_sentence(text, m, pe)}
        stops = {e for e in stops if not any(a < e <= b for a, b in markers)} | items
        stops.update(e for h in heads if (e := text.find("\n", h, pe)) > 0)  # a heading ends with its line
        start = ps
        for end in sorted(stops):
            if end > start:
                _append(out, text, start, end, pi, start in items)
                start = end
        _append(out, text, start, pe, pi, start in items)
    if headings:
        out = [replace(s, section=bisect.bisect_right(headings, s.span.start)) for s in out]
    return tuple(out)


# A one-line paragraph that is a table row written as prose: a short label, a colon, then figures
# ("Italy: 19 gold, 21 silver, 17 bronze (57)", "Northern line: 412 trains cancelled").
_LABEL_ROW = startcache.compile(r"[A-Z][^\n:.!?]{0,40}:[ \t]+[^\n]*\d[^\n]*")


def _label_rows(text: str, starts: list[int], ends: list[int]) -> set[int]:
    """Paragraphs that are rows of a table told as labelled lines: a label row after a line that ends in a
    colon ("The top five nations were:"), or two or more label rows running on (a headline with a colon
    is one line alone, no row)."""
    row = []
    for ps, pe in zip(starts, ends):
        line = text[ps:pe].strip()
        row.append(bool(_LABEL_ROW.fullmatch(line)) and line[-1:] not in (".", "!", "?"))
    out: set[int] = set()
    for pi, is_row in enumerate(row):
        if not is_row:
            continue
        after_intro = pi > 0 and text[starts[pi - 1] : ends[pi - 1]].rstrip().endswith(":")
        in_run = (pi > 0 and row[pi - 1]) or (pi + 1 < len(row) and row[pi + 1])
        if after_intro or in_run:
            out.add(pi)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int, item: bool = False) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(Span(start, end), paragraph, item))


# --- positions ---------------------------------------------------------------


class LineIndex:
    """Offset → 1-based (line, column), columns counted in code points."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence containing ``offset`` (or the nearest before it)."""
    starts = [s.span.start for s in sentences]
    return max(0, bisect.bisect_right(starts, offset) - 1)
