"""Markup blanking keeps offsets; sentences split where a reader would."""

from numcheck.source import LineIndex, prepare, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.span.start : s.span.end] for s in split_sentences(text)]


def test_blanking_keeps_length_and_newlines() -> None:
    md = "---\ntitle: 5\n---\n# Head\n\n```\nx = 42\n```\nSee `n=3` at https://ex.com/7.\n"
    out = prepare(md, "draft.md")
    assert len(out) == len(md)
    assert out.count("\n") == md.count("\n")
    for gone in ("42", "n=3", "ex.com/7", "title: 5"):
        assert gone not in out
    assert "See" in out and "# Head" in out


def test_html_entities_and_tags() -> None:
    page = "<p>Costs rose 5&nbsp;% to &pound;3m</p><script>var n = 9;</script>"
    out = prepare(page, "page.html")
    assert len(out) == len(page)
    assert "£3m" in out and "9" not in out and "<p>" not in out


def test_sentence_split_respects_abbreviations_and_decimals() -> None:
    text = "Officials from the U.N. and U.S. met. Inflation was 2.5 per cent. Mr. Smith left!"
    assert _sentences(text) == [
        "Officials from the U.N. and U.S. met.",
        "Inflation was 2.5 per cent.",
        "Mr. Smith left!",
    ]


def test_paragraphs_end_sentences() -> None:
    text = "A headline with no stop\n\nThe body starts here. It goes on."
    sents = split_sentences(text)
    assert [s.paragraph for s in sents] == [0, 1, 1]


def test_line_index_counts_code_points() -> None:
    idx = LineIndex("ab\n£é12\n")
    assert idx.position(0) == (1, 1)
    assert idx.position(5) == (2, 3)


def test_email_scan_is_linear_on_dotted_digits_without_an_at() -> None:
    # Not a timing: the pattern may only start where a run of local-part characters starts.
    from numcheck.source import _EMAIL

    text = "1." * 50_000
    starts = [m.start() for m in _EMAIL.finditer(text + "@example.com")]
    assert starts == []  # the run is longer than 64, so it is not an address
    assert _EMAIL.search("write to desk.2@paper.example.org today").group() == "desk.2@paper.example.org"


def test_list_items_and_table_rows_are_sentences_of_their_own() -> None:
    text = (
        "Release notes\n\n"
        "* Add parser 1.10\n"
        "* Prefer the C library 1.1 over 1.0 (#83)\n"
        "- Trim 40 stalls. Keep 12.\n"
        "2. Then a numbered step\n"
        "| a | 3 |\n"
        "| b | 4 |\n"
    )
    assert _sentences(text) == [
        "Release notes",
        "* Add parser 1.10",
        "* Prefer the C library 1.1 over 1.0 (#83)",
        "- Trim 40 stalls.",
        "Keep 12.",
        "2. Then a numbered step",
        "| a | 3 |",
        "| b | 4 |",
    ]


def test_a_hyphen_or_a_number_inside_a_line_starts_no_item() -> None:
    text = "Costs rose from 4 -\nsome say 5 - in May.\nPrices in 2004 fell."
    assert _sentences(text) == ["Costs rose from 4 -\nsome say 5 - in May.", "Prices in 2004 fell."]


def test_windows_line_ends_keep_paragraphs_and_code_blocks() -> None:
    text = "Headline here\r\n\r\nBody has 5 cats.\r\n\r\nOutput::\r\n\r\n    x = 42\r\n    y = 7\r\n\r\nEnd.\r\n"
    sents = split_sentences(text)
    assert [text[s.span.start : s.span.end] for s in sents][:2] == ["Headline here", "Body has 5 cats."]
    assert [s.paragraph for s in sents][:2] == [0, 1]
    out = prepare(text, "notes.rst")
    assert len(out) == len(text) and "42" not in out and "7" not in out and "5 cats" in out


def test_reference_links_hold_no_figures() -> None:
    md = 'Fixed [a crash on start][98890] in 1.2.\n\n[98890]: https://example.org/issues/98890 "Issue 98890"\n'
    out = prepare(md, "CHANGES.md")
    assert len(out) == len(md)
    assert "98890" not in out and "a crash on start" in out


def test_rst_directives_and_literal_blocks_hold_no_figures() -> None:
    rst = (
        "Options\n\n"
        ".. versionadded:: 3.3\n"
        "  Set per component.\n\n"
        "Example::\n\n"
        "  add_item(NAME 12)\n"
        "  set(limit 40)\n\n"
        "  more(7)\n\n"
        "Back to prose with 5 items.\n\n"
        ".. code-block:: cmake\n"
        "   :caption: 9 lines\n\n"
        "  set(groups 8)\n\n"
        ".. note::\n\n"
        "   A note keeps its 6 figures.\n"
    )
    out = prepare(rst, "opts.rst")
    assert len(out) == len(rst)
    for gone in ("3.3", "12", "40", "7", "8"):
        assert gone not in out
    assert "5 items" in out and "Set per component." in out and "6 figures" in out and "9 lines" in out
    # The same text as Markdown keeps its directive-like line: reST rules apply to .rst only.
    assert "3.3" in prepare(rst, "opts.md")


def test_markdown_headings_start_sections_and_end_their_line() -> None:
    text = "# Notes\n\n## 1.2\nThis release has 127 commits.\n\n## 1.1\n\nIt has 172 commits. #3 is fixed.\n"
    sents = split_sentences(text)
    assert [(text[s.span.start : s.span.end], s.section) for s in sents] == [
        ("# Notes", 1),
        ("## 1.2", 2),
        ("This release has 127 commits.", 2),
        ("## 1.1", 3),
        ("It has 172 commits.", 3),
        ("#3 is fixed.", 3),
    ]
    assert {s.section for s in split_sentences("No headings here. None at all.")} == {0}
