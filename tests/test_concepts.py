"""What a figure counts (``Frame.concept``) when its noun is told by a verb, left out, or named a sentence
before: the families that kept two tellings of one figure apart."""

from __future__ import annotations

import pytest

from numcheck.facts import extract
from numcheck.mentions import Mentions
from numcheck.patterns import View


def concept_of(text: str, written: str) -> str:
    view = View(extract(text))
    m = Mentions(view)
    (fi,) = [i for i, f in enumerate(view.facts) if f.text == written]
    return m.frame(fi).concept


VERB_TOLD = [
    ("The floods left 3,400 people homeless.", "3,400", "homeless"),
    ("About 60 families lost their homes in the fire.", "60", "homeless"),
    ("Some 2,100 people were made homeless by the storm.", "2,100", "homeless"),
    ("At least 40 fishermen are missing after the storm.", "40", "missing"),
    ("Police arrested 48 protesters near the square.", "48", "arrest"),
    ("Some 300 people were arrested after the match.", "300", "arrest"),
    ("Troops evacuated 1,200 people from the valley.", "1,200", "evacuee"),
    ("The carmaker will lay off 1,300 people in Ohio.", "1,300", "staff"),
    ("About 900 workers will lose their jobs next year.", "900", "staff"),
    ("The chip maker hired 640 people last year.", "640", "staff"),
    ("The yard built 12 vessels for the navy.", "12", "ship"),
]
VERB_NEAR_MISSES = [
    # Homes are not the people who lost them; a fact missing is no one missing; a cut of routes is no staff.
    ("Fire destroyed 40 homes in the village.", "40", "home"),
    ("The report was missing two key facts.", "two", "fact"),
    ("The airline will cut 12 routes in the spring.", "12", "route"),
    ("The firm shed 300,000 customers last year.", "300,000", "user"),
    ("Police found 48 weapons near the square.", "48", "weapon"),
    ("The trial recruited 640 patients.", "640", "case"),
    ("An air force tanker contract for 100 planes was cancelled.", "100", "aircraft"),
    ("Some 2,100 people were moved from the valley.", "2,100", "people"),
]


@pytest.mark.parametrize(("text", "figure", "concept"), VERB_TOLD + VERB_NEAR_MISSES)
def test_a_count_told_by_its_verb_counts_what_the_verb_names(text: str, figure: str, concept: str) -> None:
    assert concept_of(text, figure) == concept


SOLD = [
    ("Ticket sales reached 31,000 by Friday.", "31,000", "ticket"),
    ("Car sales rose 4% to 2.3 million.", "2.3 million", "car"),
    ("Album sales passed 8 million in May.", "8 million", "album"),
    ("Handset sales topped 120 million in the spring.", "120 million", "handset"),
    ("Sales fell to 36,000 in March.", "36,000", "sold"),
    ("It reported one million sales in the last month.", "one million", "sold"),
    ("Nintendo sales reached 2 million units.", "2 million", "unit"),
    ("Ticket sales for the second show were 31,000.", "31,000", "ticket"),
]
SOLD_NEAR_MISSES = [
    # Money stays money; a count with a noun of its own keeps it; a compound adjective names no count.
    ("Ticket sales reached $31m by Friday.", "$31m", "revenue"),
    ("The club suffered three straight losses in May.", "three", "loss"),
    ("He signed a one-season deal with the club.", "one", "deal"),
    ("The firm expects to sell 400,000 cars.", "400,000", "car"),
    ("Record sales of 3m copies were reported.", "3m", "copy"),
    ("Sales of the console rose to 2 million.", "2 million", "sold"),
    ("Profits rose 12% to £2.4bn.", "£2.4bn", "profit"),
    ("Retail sales rose to 40,000 cars.", "40,000", "car"),
]


@pytest.mark.parametrize(("text", "figure", "concept"), SOLD + SOLD_NEAR_MISSES)
def test_a_count_told_with_a_noun_of_money_counts_what_was_sold(text: str, figure: str, concept: str) -> None:
    assert concept_of(text, figure) == concept


ELIDED = [
    ("The insurer has 90,000 staff in all, with some 6,000 in Spain.", "6,000", "staff"),
    ("Some 900 jobs will go in Leeds while 400 will go in York.", "400", "staff"),
    ("Officials reported 45 people dead in the east, 12 in the north and seven in the west.", "seven", "death"),
    ("Mortgage loans fell to 70,000 in May from 82,000 in April.", "82,000", "loan"),
    ("Revenues grew 6% to $3.4bn, from $3.2bn the year before.", "$3.2bn", "revenue"),
    ("Profit was £5m, compared with £3m in 2003.", "£3m", "profit"),
    ("Losses at the division came to $210m, up from $58m.", "$58m", "loss"),
    ("The state has confirmed 40 cases, three in the capital and two in the port.", "two", "case"),
]
ELIDED_NEAR_MISSES = [
    # A noun of its own, a part ("13 of these"), a score, a wage raised "to" a level, another kind of figure.
    ("The bank has 200,000 staff and 7,000 shops.", "7,000", "shop"),
    ("Chelsea had 12 shots and 40% of the ball.", "40%", "ball"),
    ("It paid 40 staff £3m and raised the minimum wage to £5.60.", "£5.60", "wage"),
    ("The firm made $3bn, while 7,000 staff were hired.", "7,000", "staff"),
    ("The group has 300 stores and made £20m, against a loss.", "£20m", ""),
    ("The town has 4,000 homes, and 2 were empty in 2004.", "2", "empty"),
    ("Newcastle beat Bolton 2-1 with 3 goals disallowed.", "3", "goal"),
]


@pytest.mark.parametrize(("text", "figure", "concept"), ELIDED + ELIDED_NEAR_MISSES)
def test_a_figure_that_leaves_out_its_noun_counts_the_earlier_ones(text: str, figure: str, concept: str) -> None:
    assert concept_of(text, figure) == concept


ANTECEDENT = [
    ("Car sales rose sharply in the year. They reached 2.3 million.", "2.3 million", "car"),
    ("Visitor numbers fell in 2004. They fell to 340,000 last year.", "340,000", "visitor"),
    ("The virus has killed 18 people. The figure now stands at 22.", "22", "death"),
    ("Deaths rose again in March. The total reached 45.", "45", "death"),
    ("Exports rose sharply in May. They reached £4bn.", "£4bn", "export"),
    ("Profits fell in the first half. They were £2m.", "£2m", "profit"),
    ("Ticket sales soared after the review. They had reached 40,000 by Friday.", "40,000", "ticket"),
    ("Cases rose sharply in the north. The total was 300 on Monday.", "300", "case"),
]
ANTECEDENT_NEAR_MISSES = [
    # "It" stands for a holder; "they said" is a source; a noun of its own after "the total"; no verb.
    ("Sales rose sharply in 2004. It employed 300 people.", "300", "people"),
    ("Deaths rose again in March. They said 45 people were hurt.", "45", "injury"),
    ("Sales rose in 2004. The total box office was $73m.", "$73m", "office"),
    ("Sales rose in 2004. They opened 12 stores.", "12", "store"),
    ("Deaths rose in March. The number of beds is 45.", "45", "bed"),
    ("Prices rose in May. The firm has 12 shops.", "12", "shop"),
    ("Sales rose in 2004. In 2005 the firm had 40 shops.", "40", "shop"),
    ("Sales rose. They were joined by 12 new partners.", "12", "partner"),
]


@pytest.mark.parametrize(("text", "figure", "concept"), ANTECEDENT + ANTECEDENT_NEAR_MISSES)
def test_a_figure_whose_subject_stands_for_the_quantity_before_counts_it(text: str, figure: str, concept: str) -> None:
    assert concept_of(text, figure) == concept


LEVELS = [
    ("The deficit on traded goods stood at £3.9bn.", "£3.9bn", "debt"),
    ("Its annual revenue was 7bn euros.", "7bn euros", "revenue"),
    ("Rescue officials said the death toll stood at 84.", "84", "death"),
    ("Officials said profits rose 5% to £3bn.", "£3bn", "profit"),
    ("The trust said visitor numbers were 410,000.", "410,000", "visitor"),
    ("Pre-tax profit last year was £12.2m.", "£12.2m", "profit"),
    ("Analysts said its losses had widened to £43.1m.", "£43.1m", "loss"),
    ("The ministry said the number of deaths is 640.", "640", "death"),
]


@pytest.mark.parametrize(("text", "figure", "concept"), LEVELS)
def test_a_level_counts_its_subject_not_who_told_it(text: str, figure: str, concept: str) -> None:
    assert concept_of(text, figure) == concept


OBJECT_BEFORE = [
    ("The firm shipped 4 million consoles in May. It had shipped 3 million in April.", "3 million", "console"),
    ("He scored 20 goals last season. This year he has scored 12.", "12", "goal"),
    ("The chain sold 300 stores in 2003. It sold 12 in 2004.", "12", "store"),
    ("The club signed eight players in June. Its rival signed five.", "five", "player"),
    ("The airline ordered 40 jets last year. In 2005 it ordered 14.", "14", "aircraft"),
    ("Farmers planted 2,000 trees in the spring. They planted 1,500 more in the autumn.", "1,500", "tree"),
    ("The studio released 11 films in 2004. Its rival released nine.", "nine", "film"),
    ("Volunteers rescued 40 dogs on Monday. On Tuesday they rescued 14.", "14", "dog"),
]
OBJECT_BEFORE_NEAR_MISSES = [
    # Another verb, a noun of its own, no figure before, a part, a score.
    ("The chain sold 300 stores in 2003. It bought 12 in 2004.", "12", ""),
    ("He scored 20 goals last season. He has scored 12 tries this year.", "12", "try"),
    ("The firm makes cars. It sold 30,000 in May.", "30,000", ""),
    ("The airline ordered 40 jets last year. It leased 14 in May.", "14", ""),
    ("United won 20 games last season. They lost 12.", "12", ""),
    ("The studio released 11 films in 2004. Its rival released nine albums.", "nine", "album"),
    ("Police seized 40 guns in May. They seized £3m in cash in June.", "£3m", ""),
    ("Volunteers rescued 40 dogs on Monday. The charity said it rescued 14 cats.", "14", "cat"),
]


@pytest.mark.parametrize(("text", "figure", "concept"), OBJECT_BEFORE + OBJECT_BEFORE_NEAR_MISSES)
def test_a_bare_figure_after_the_verb_told_before_counts_its_object(text: str, figure: str, concept: str) -> None:
    assert concept_of(text, figure) == concept


@pytest.mark.parametrize(
    ("text", "figure", "concept"),
    [
        ("The bank will close 120 branches.", "120", "branch"),
        ("The studio made nine movies.", "nine", "film"),
        ("The side won 12 matches.", "12", "match"),
        ("There were 40 crashes on the road.", "40", "crash"),
        ("He had 12 headaches a month.", "12", "headache"),
        ("The town has four beaches.", "four", "beach"),
    ],
)
def test_one_thing_told_with_other_nouns_or_plurals_is_one_concept(text: str, figure: str, concept: str) -> None:
    assert concept_of(text, figure) == concept
