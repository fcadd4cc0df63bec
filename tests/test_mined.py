"""bench/mined.py: the miners find arithmetic that holds and leave coincidences alone, a slip changes one
figure and breaks the arithmetic, and the runner scores a folder of articles (all sentences our own)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from numcheck import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _module() -> ModuleType:
    path = ROOT / "bench" / "mined.py"
    spec = importlib.util.spec_from_file_location("numcheck_bench_mined", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(module)
    return module


mined = _module()


def _formulas(text: str, family: str) -> list[str]:
    return [r.formula for r in mined.mine(extract(text), [family])]


# (name, family, text, the formula the miner must find)
FOUND = [
    (
        "money total before its parts",
        "sum",
        "The charity raised £4.75m last year. Of that, £3.25m came from its shops and £1.5m from gifts.",
        "£3.25m + £1.5m = £4.75m",
    ),
    (
        "count total and parts in one sentence",
        "sum",
        "The airline employs 1,460 people, 980 of them pilots and 480 cabin crew.",
        "980 + 480 = 1,460",
    ),
    (
        "three parts after the total",
        "sum",
        "Donors pledged $2.1bn. Japan gave $900m, Germany $700m and Canada $500m.",
        "$900m + $700m + $500m = $2.1bn",
    ),
    ("share in brackets", "share", "Of the 250 staff, 60 (24%) work part-time.", "60 of 250 = 24%"),
    (
        "share of a whole told before",
        "share",
        "The orchard has 1,200 trees. Of these, 312 (26%) are pear trees.",
        "312 of 1,200 = 26%",
    ),
    ("a rise with both ends", "change", "Profits rose 25% to £150m from £120m.", "£120m -> £150m = 25%"),
    (
        "a fall told from the start",
        "change",
        "Visitor numbers fell from 8,000 to 6,200, a drop of 22.5%.",
        "8,000 -> 6,200 = 22.5%",
    ),
    (
        "the same cost told twice",
        "restated",
        "The new bridge cost £47.3m to build. It opened in May. Critics said the £47.3m bridge was too narrow.",
        "£47.3m = £47.3m (bridg)",
    ),
    (
        "a rate told twice",
        "restated",
        "Inflation eased to 2.7% in March. Economists had expected inflation of 2.7% this spring.",
        "2.7% = 2.7% (infla)",
    ),
    (
        "years and a length",
        "span",
        "She joined the firm in 1988 and left in 2000, after 12 years at the top.",
        "2000 - 1988 = 12 years",
    ),
    ("a range of years", "span", "He ran the museum for 12 years, from 1988 to 2000.", "2000 - 1988 = 12 years"),
    (
        "an age from a birth year",
        "age",
        "The painter, born in 1931, died in 2005 at the age of 74.",
        "2005 - 1931 ~ at the age of 74",
    ),
    (
        "an age before the birthday",
        "age",
        "Born in 1962, the singer released the album in 2005 as a 42-year-old.",
        "2005 - 1962 ~ 42-year-old",
    ),
    (
        "two conversions at one rate",
        "rate",
        "The studio paid $12.4m (£6.6m) for the rights. It had paid $8.1m (£4.3m) for the first film.",
        "$8.1m (£4.3m) at the rate of 1 other conversion(s)",
    ),
    (
        "a second conversion after a semicolon",
        "rate",
        "Profit rose to 3.1bn yen ($29.6m; £15.7m). Sales were 88bn yen ($841m; £446m).",
        "88bn yen (£446m) at the rate of 1 other conversion(s)",
    ),
]

# (name, family, text): shapes where numbers happen to add up or repeat, but no relation is told
QUIET = [
    (
        "parts spread over sentences",
        "sum",
        "The club sold 1,460 tickets. It has 980 members. Another 480 fans watched online.",
    ),
    ("small counts", "sum", "The squad has seven players: four strikers and three defenders."),
    ("several sets add up", "sum", "The fleet has 60 boats: 20 yachts, 40 dinghies, 25 rafts and 35 canoes."),
    ("a conversion in brackets is no part", "sum", "The fine was $30m (£16m), on top of £14m in costs and a £2m levy."),
    ("rounded money absorbs anything", "sum", "The project cost £3bn, with £1bn from the state and £2bn from banks."),
    ("a share two pairs give", "share", "Of 40 pupils and 80 parents, 20 teachers and 40 governors, half (50%) came."),
    ("a loose share", "share", "About two million of the city's five million people, or 36%, rent."),
    ("two ends of two changes", "change", "Shares in Alder rose 12% to 476p while shares in Birch fell 3% to 544p."),
    (
        "a change rounding cannot pin",
        "change",
        "The firm earned $3.7bn, down from $3.8bn, while its sales rose 4.5% to $193bn.",
    ),
    ("a change is no share", "share", "Its rival lost $374m in the year. Profits at the firm fell 15% to $56m."),
    ("the same rate of two things", "restated", "Sales rose 4.5% in May. The jobless rate stood at 4.5% in June."),
    ("a round figure told twice", "restated", "The town has 300 homes. The school has 300 pupils."),
    ("a model number", "restated", "Airbus showed its A380 jet. The new Airbus 380 jet is large."),
    ("a year apart", "span", "The law passed in 2003 and took effect in 2004, for one year."),
    ("a rise and a fall of one size", "restated", "Car sales fell 0.4% in June. Book sales rose 0.4% over the month."),
    (
        "two amounts converted alike",
        "restated",
        "It pledged 90bn rupees ($2.1bn) for homes. Another 93bn rupees ($2.1bn) of homes aid goes on roads.",
    ),
    ("an age at another year", "age", "Born in 1931, she married in 1960 at the age of 22."),
    ("conversions years apart", "rate", "The ship cost $40m (£21m) in 2004; its sister cost $30m (£20m) in 1990."),
]


@pytest.mark.parametrize("name,family,text,formula", FOUND, ids=[c[0] for c in FOUND])
def test_a_relation_that_holds_is_mined(name: str, family: str, text: str, formula: str) -> None:
    assert formula in _formulas(text, family)


@pytest.mark.parametrize("name,family,text", QUIET, ids=[c[0] for c in QUIET])
def test_a_coincidence_is_not_mined(name: str, family: str, text: str) -> None:
    assert _formulas(text, family) == []


@pytest.mark.parametrize("name,family,text,formula", FOUND, ids=[c[0] for c in FOUND])
def test_a_slip_changes_one_figure_and_breaks_the_arithmetic(name: str, family: str, text: str, formula: str) -> None:
    doc = extract(text)
    rel = next(r for r in mined.mine(doc, [family]) if r.formula == formula)
    made = mined.slips(rel)
    assert made, "no figure of the relation could be slipped"
    if family == "restated":
        assert [i for i, _ in made] == [1], "a restated figure slips in its second telling only"
    for which, slip in made:
        changed = slip.apply(text)
        assert changed != text
        # One figure, nothing else: the text before and after it is untouched.
        assert changed[: slip.start] == text[: slip.start]
        assert changed[slip.start + len(slip.new) :] == text[slip.end :]
        assert text[slip.start : slip.end] == rel.figures[which].text
        # Read again, the changed text's figure breaks the relation beyond rounding.
        new_doc = extract(changed)
        (fact,) = [f for f in new_doc.facts if f.span.start == slip.start]
        assert fact.text == slip.new
        assert fact.interval.low is not None and fact.interval.high is not None
        bounds = (fact.interval.low, fact.interval.high)
        if fact.interval.high - fact.interval.low == 1 and fact.value == fact.value.to_integral():
            bounds = (fact.value, fact.value)
        assert mined.holds(rel)
        assert not mined.holds(rel, which, bounds)


def test_a_slip_in_a_word_figure_picks_a_near_word() -> None:
    doc = extract("The company paid out £90m. Of that, £60m went to staff and £30m to the three founders.")
    (rel,) = mined.mine(doc, ["sum"])
    assert [s.new for _, s in mined.slips(rel)] == ["£70m", "£40m", "£80m"]
    doc = extract("They met in 1990 and married in 1995, after five years together.")
    (rel,) = mined.mine(doc, ["span"])
    made = dict(mined.slips(rel))
    assert made[2].new == "six years"
    assert made[0].new == "1992"  # a year moves by two: one year off is the months, not a slip


def test_caught_counts_only_new_findings_on_the_relation() -> None:
    text = "Profits rose 25% to £150m from £120m."
    rel = mined.mine(extract(text), ["change"])[0]
    slip = dict(mined.slips(rel))[0]  # £120m, after the finding's primary span (the 25%)
    rules = mined.load_rules()
    original = mined.check_text(text, rules=rules)
    changed = mined.check_text(slip.apply(text), rules=rules)
    assert not original.findings and changed.findings
    assert mined.caught(original, changed, rel, slip)
    # A finding the original already gives (same code, same span) is not new: nothing caught.
    assert not mined.caught(changed, changed, rel, slip)
    # A new finding on figures outside the relation does not catch it.
    two = text + " The bakery sold 1,460 loaves, 980 white and 480 brown."
    (loaves,) = mined.mine(extract(two), ["sum"])
    assert not mined.caught(
        mined.check_text(two, rules=rules), mined.check_text(slip.apply(two), rules=rules), loaves, slip
    )


ARTICLES = {
    "a-first.txt": (
        "Harbour trust posts record year\n\n"
        "The harbour trust handled 2,450 ships last year, 1,730 of them cargo vessels and 720 ferries.\n\n"
        "Its income rose 20% to £18.6m from £15.5m.\n"
    ),
    "b-second.txt": (
        "Library plan approved\n\n"
        "Councillors approved the £12.6m library on Tuesday. Work on the £12.6m library starts in June.\n"
    ),
}


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_runner_scores_a_folder_of_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    assert mined.main(["--corpus", str(folder), "--json", "--misses"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 2
    fam = data["families"]
    assert (fam["sum"]["relations"], fam["sum"]["mined"]) == (1, 3)
    assert (fam["change"]["relations"], fam["change"]["mined"]) == (1, 3)
    assert (fam["restated"]["relations"], fam["restated"]["mined"]) == (1, 1)
    assert fam["overall"]["mined"] == sum(fam[f]["mined"] for f in mined.MINERS)
    assert fam["overall"]["caught"] + len(data["misses"]) == fam["overall"]["mined"]
    for miss in data["misses"]:
        assert set(miss) == {"file", "family", "old", "new", "relation"} and miss["file"] in ARTICLES
        assert miss["old"] in miss["relation"]  # figures only: the relation's arithmetic, no sentence


def test_the_runner_reads_families_and_a_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    assert mined.main(["--corpus", str(folder), "--json", "--family", "restated", "--limit", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 1
    assert set(data["families"]) == {"restated", "overall"}
    assert data["families"]["restated"]["mined"] == 0  # the restated library is in the second article
    assert mined.main(["--corpus", str(folder), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "family" in out and "overall" in out
    with pytest.raises(SystemExit):
        mined.main(["--corpus", str(folder), "--family", "nosuch"])


def test_a_missing_corpus_is_skipped_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert mined.main(["--corpus", str(tmp_path / "absent")]) == 0
    assert "not found" in capsys.readouterr().err


def test_the_corpus_runs(capsys: pytest.CaptureFixture[str]) -> None:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared/corpus not found: {SHARED / 'corpus'}")
    assert mined.main(["--limit", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 3
    assert set(data["families"]) == {*mined.MINERS, "overall"}
