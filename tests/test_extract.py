"""The extractor on sentences written for these tests: kinds, values, hedges, subjects, markers."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from numcheck.facts import extract
from numcheck.model import Fact


def facts(text: str) -> list[Fact]:
    doc = extract(text)
    for f in doc.facts:
        assert text[f.span.start : f.span.end] == f.text
    return list(doc.facts)


def one(text: str, surface: str) -> Fact:
    found = [f for f in facts(text) if f.text == surface]
    assert found, f"{surface!r} not read in {text!r}: {[(f.text, f.kind) for f in facts(text)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        ("The orchard lost 1,250 apple trees.", "1,250", "count", D(1250), None),
        ("The council set aside £3.2bn for roads.", "£3.2bn", "money", D(3200000000), "GBP"),
        ("A charity raised $4m at the gala.", "$4m", "money", D(4000000), "USD"),
        ("Fees rose to €12,500 a term.", "€12,500", "money", D(12500), "EUR"),
        ("The stamp sold for 75p.", "75p", "money", D("0.75"), "GBP"),
        ("It cost 7 dollars 25 cents at the kiosk.", "7 dollars 25 cents", "money", D("7.25"), "USD"),
        ("The bank wrote off 2.5 million pounds of bad debt.", "2.5 million pounds", "money", D(2500000), "GBP"),
        ("The budget is Rs 40 crore this year.", "Rs 40 crore", "money", D(400000000), "INR"),
        ("Turnout was 48% in the borough.", "48%", "percent", D(48), "%"),
        ("Turnout was 48 per cent in the borough.", "48 per cent", "percent", D(48), "%"),
        ("Support fell by 3 percentage points.", "3 percentage points", "points", D(3), "percentage point"),
        ("Support fell by 2.5pp overnight.", "2.5pp", "points", D("2.5"), "percentage point"),
        ("The ferry crossed 14 miles of open water.", "14 miles", "measure", D(14), "mile"),
        # a suffix no ordinal takes ("16st": sixteenth is "16th") is a weight in stone; "21st" stays a place
        ("The boxer weighed 16st before the fight.", "16st", "measure", D(16), "stone"),
        ("She finished 21st of 90 runners.", "21st", "ordinal", D(21), None),
        # a glued C before a margin word is a temperature ("more than 6C below the record")
        ("It may reach 33C, still more than 6C below the record.", "6C", "measure", D(6), "degree_Celsius"),
        ("Hikers took a six-mile path.", "six-mile", "measure", D(6), "mile"),
        ("The heatwave pushed readings to 41C on the coast.", "41C", "measure", D(41), "degree_Celsius"),
        ("The kiln reached 900 degrees Celsius.", "900 degrees Celsius", "measure", D(900), "degree_Celsius"),
        ("The lorry carried 18 tonnes of gravel.", "18 tonnes", "measure", D(18), "tonne"),
        ("The relay team ran the 400m in record time.", "400m", "measure", D(400), "metre"),
        ("One in five pupils walks to school.", "One in five", "share", D("0.2"), None),
        ("Two-thirds of the members voted.", "Two-thirds", "share", D(2) / D(3), None),
        ("More than half of the stalls closed.", "half", "share", D("0.5"), None),
        ("Rents are twice as high as in 2010.", "twice", "multiple", D(2), None),
        ("Sales are three times higher now.", "three times", "multiple", D(3), None),
        ("It was the third-largest harvest on record.", "third-largest", "ordinal", D(3), None),
        ("Twenty-three volunteers came.", "Twenty-three", "count", D(23), None),
        ("A dozen boats were moored.", "A dozen", "count", D(12), None),
        ("Half a million visitors came.", "Half a million", "count", D(500000), None),
        ("The gauge read −4.5 overnight.", "−4.5", "number", D("-4.5"), None),
        ("The mine is 1.3 km deep.", "1.3 km", "measure", D("1.3"), "kilometre"),
        ("A quarter of a million homes lost power.", "A quarter of a million", "count", D(250000), None),
        # A measure in two imperial units is one figure, in the smaller unit.
        ("The new lock stands 6ft 4in tall.", "6ft 4in", "measure", D(76), "inch"),
        ("The champion weighs 15st 4lb these days.", "15st 4lb", "measure", D(214), "pound"),
        ("Baby Ava weighed 8lb 2oz at birth.", "8lb 2oz", "measure", D(130), "ounce"),
        ("The fence is 4 feet and 6 inches high.", "4 feet and 6 inches", "measure", D(54), "inch"),
    ],
)
def test_kinds_values_units(text: str, surface: str, kind: str, value: D, unit: str | None) -> None:
    f = one(text, surface)
    assert (f.kind, f.unit) == (kind, unit)
    assert f.value is not None and abs(f.value - value) < D("1e-9")


def test_late_month_day_is_the_day_and_a_count_after_it_is_not() -> None:
    assert one("Diners who ate there late March 8 were warned.", "March 8").kind == "date"
    assert one("In late March 8 people were warned.", "late March").kind == "date"
    assert one("In late March 8 people were warned.", "8").kind in ("count", "number")


@pytest.mark.parametrize(
    ("text", "surface", "hedge"),
    [
        ("About 300 runners finished.", "300", "about"),
        ("Roughly 40 stalls opened.", "40", "about"),
        ("Some 70 ships sailed.", "70", "about"),
        ("Nearly 2,000 tickets sold.", "2,000", "nearly"),
        ("Almost 90 firms replied.", "90", "nearly"),
        ("More than 5,000 people marched.", "5,000", "more than"),
        ("Over 60 schools shut.", "60", "more than"),
        ("At least 12 lorries crashed.", "12", "at least"),
        ("Up to 30 flights may be cut.", "30", "at most"),
        ("Fewer than 10 seats remain.", "10", "less than"),
        ("Under 15% of voters agreed.", "15%", "less than"),
        ("We need 20 or more helpers.", "20", "at least"),
        ("The choir has 45 singers.", "45", "exact"),
    ],
)
def test_hedges(text: str, surface: str, hedge: str) -> None:
    assert one(text, surface).hedge == hedge


def test_interval_follows_printed_precision_and_hedge() -> None:
    f = one("The county has 1.4 million residents.", "1.4 million")
    assert (f.interval.low, f.interval.high) == (D(1350000), D(1450000))
    more = one("More than 300 houses flooded.", "300")
    assert more.interval.low == D(300) and more.interval.low_open and more.interval.high is None


def test_vague_plural_is_open_ended() -> None:
    f = one("Thousands of fans queued overnight.", "Thousands")
    assert f.hedge == "vague" and f.value is None
    assert f.interval.low == D(2000) and f.interval.high is None
    assert f.subject == "fans"
    tens = one("Tens of thousands of bees swarmed.", "Tens of thousands")
    assert tens.interval.low == D(20000)


def test_ranges_keep_both_ends() -> None:
    f = one("Prices rose 10–15% last year.", "10–15%")
    assert f.is_range and (f.interval.low, f.interval.high) == (D(10), D(15)) and f.kind == "percent"
    b = one("The hall holds between 200 and 250 guests.", "between 200 and 250")
    assert b.is_range and (b.interval.low, b.interval.high) == (D(200), D(250))
    m = one("Planners expect 3-4 million riders.", "3-4 million")
    assert (m.interval.low, m.interval.high) == (D(3000000), D(4000000))
    s = one("Engineers studied an 8- to 12-metre crack.", "8- to 12-metre")
    assert (s.interval.low, s.interval.high, s.unit) == (D(8), D(12), "metre")


def test_a_scale_word_written_once_covers_the_first_end() -> None:
    """ "2 to 3 billion dollars" is $2bn to $3bn, money as for counts; "9 to 8 million" would be backwards
    as 9 million to 8 million, so its ends stay two figures (the range rule reads them); "500 to 2 million"
    is too far from the last numeral to share its scale word."""
    m = one("The bridge will cost 2 to 3 billion dollars.", "2 to 3 billion dollars")
    assert (m.interval.low, m.interval.high, m.value) == (D(2000000000), D(3000000000), D(2500000000))
    back = facts("Between 9 and 8 million people watched.")
    assert [(f.text, f.is_range) for f in back] == [("9", False), ("8 million", False)]
    wide = one("Between 500 and 2 million people signed.", "Between 500 and 2 million")
    assert (wide.interval.low, wide.interval.high) == (D(500), D(2000000))


def test_from_to_are_endpoints_not_a_range() -> None:
    fs = facts("Membership grew from 120 to 180 in a year.")
    ends = {f.text: f for f in fs if f.text in ("120", "180")}
    assert "from" in ends["120"].markers and "to" in ends["180"].markers
    assert "rise" in ends["180"].markers
    assert not ends["120"].is_range


def test_subjects() -> None:
    assert one("The quake left 2,300 families homeless.", "2,300").subject == "families"
    assert one("The island, with a population of 41,000, voted.", "41,000").subject == "population"
    assert one("Of the 90 staff, 12 are part-time.", "12").subject == "part-time"
    assert one("The flood displaced 4,000 and damaged 300 bridges.", "300").subject == "bridges"


def test_another_marks_a_disjoint_figure() -> None:
    f = one("Another 40 boats were sunk.", "40")
    assert "another" in f.markers and f.hedge == "exact"
    assert "another" in one("A further 15 shops closed.", "15").markers
    assert "rest" in one("The remaining 30 cars were sold.", "30").markers


@pytest.mark.parametrize(
    "text",
    [
        "The council passed resolution 1187 last night.",
        "See Article 50 of the treaty.",
        "The Boeing 747 landed safely.",
        "Ministers met at the G7 summit.",
        "The rollout of 4G masts continues.",
        "Cases of COVID-19 fell.",
        "The H1N1 strain spread.",
        "Details are on page 12 of the report.",
        "Call 020 7946 0321 for tickets.",
        "Install version 2.4.1 of the app.",
        "The ISBN 978-0-306-40615-7 is printed inside.",
        "The 13F filing was late.",
        "Their single was the summer number one in 2009.",  # a chart place in words, like "number 1"
        "He was filmed leaving Number 10 on Tuesday.",  # an address, not a place in a chart
        "The firm sold the unit to third parties.",
    ],
)
def test_identifiers_are_not_figures(text: str) -> None:
    numeric = [f for f in facts(text) if f.kind not in ("date", "year", "weekday", "time", "relative", "decade")]
    assert numeric == [], [(f.text, f.kind) for f in numeric]


@pytest.mark.parametrize(
    ("text", "place", "value"),
    [
        ("The film slipped to number four at the box office.", "number four", 4),
        ("The single climbed to number 18 from 32.", "number 18", 18),
        ("They topped the list after rising from first position.", "first", 1),
        ("She rose to fifth in the rankings.", "fifth", 5),
    ],
)
def test_chart_places_are_ordinals(text: str, place: str, value: int) -> None:
    """A place a move goes to or from is an ordinal, so a move can be set against its two places."""
    found = [(f.text, f.kind, f.value) for f in facts(text) if f.kind == "ordinal"]
    assert (place, "ordinal", value) in found, found


def test_money_is_never_metres_and_times_are_not_picometres() -> None:
    f = one("The club spent £900m on players.", "£900m")
    assert (f.kind, f.unit, f.value) == ("money", "GBP", D(900000000))
    assert all(f.kind != "measure" for f in facts("The ferry left at 11pm."))


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        # Million: a plural noun or a currency follows, names and one adjective may stand between.
        ("The final drew 9.4m viewers.", "9.4m", "count", "9400000", None),
        ("The app has 2m UK users.", "2m", "count", "2000000", None),
        ("The union signed up 3m new members.", "3m", "count", "3000000", None),
        ("The fine was 40m euros.", "40m euros", "money", "40000000", "EUR"),
        ("The ice formed 2m years ago.", "2m years", "duration", "2000000", "year"),
        ("Stocks fell 2m barrels to 301.5m.", "301.5m", "count", "301500000", None),  # clause end near a million
        ("Sales grew from 3m to 4.5m units.", "3m", "count", "3000000", None),
        # The other end of a change whose end is money in millions: after "up from", "against", a
        # bracketed conversion, or before "to £45m".
        ("Takings climbed to £45m, up from 20m.", "20m", "number", "20000000", None),
        ("The charity raised $9m in 2024 against 7m a year before.", "7m", "count", "7000000", None),
        ("Its profit was €64m (£55m), down from 81m the year before.", "81m", "number", "81000000", None),
        ("Ticket sales went from 12m to £30m in five years.", "12m", "number", "12000000", None),
        ("The fund fell to ¥880m, compared with 910m in March.", "910m", "number", "910000000", None),
        # The subject of a plural verb counts: "came", "were", a past form in "-ed".
        ("Officials think 2.8m came over the border.", "2.8m", "count", "2800000", None),
        ("After the storm 4m were without power.", "4m", "count", "4000000", None),
        ("In the poll 1.2m voted online.", "1.2m", "count", "1200000", None),
        # A participle of trade after the "m" counts, after a determiner or for a whole hundred too.
        ("The console outsold the 4.5m sold by its rival.", "4.5m", "count", "4500000", None),
        ("The band has 180m sold worldwide.", "180m", "count", "180000000", None),
        ("It beat the 2m shipped a year earlier.", "2m", "count", "2000000", None),
        # Metres: a size word, a race, a singular noun, or nothing in millions near a clause end.
        ("The sea wall is 4m high.", "4m", "measure", "4", "metre"),
        ("She won the 400m hurdles.", "400m", "measure", "400", "metre"),
        ("He took the 200m title.", "200m", "measure", "200", "metre"),
        ("The 100m relay gold medallists were cheered.", "100m", "measure", "100", "metre"),
        ("She cleared 1.82m to win.", "1.82m", "measure", "1.82", "metre"),
        ("He ran the 60m indoors.", "60m", "measure", "60", "metre"),
        ("The road has a 3m-wide verge.", "3m", "measure", "3", "metre"),
        ("The tower is 300m tall and cost £50m.", "300m", "measure", "300", "metre"),
        ("Her 2.05m was a national record.", "2.05m", "measure", "2.05", "metre"),  # singular verb
        ("They built a 4m raised walkway.", "4m", "measure", "4", "metre"),  # an article before: an adjective
        ("For her the 800m will be the main target.", "800m", "measure", "800", "metre"),  # a race as subject
        ("She said that 1500m will be her event.", "1500m", "measure", "1500", "metre"),  # a race distance
        ("The women's 400m went to plan.", "400m", "measure", "400", "metre"),
        # Money in the sentence, but no change joins it to the length.
        ("The £20m pool is 50m long, up from 25m in the old baths.", "25m", "measure", "25", "metre"),
        ("She ran the 400m in 2023, a year after the £20m stadium opened.", "400m", "measure", "400", "metre"),
        ("The £3m barrier rose to 12m, up from 9m.", "9m", "measure", "9", "metre"),
    ],
)
def test_glued_m_is_million_or_metres(text: str, surface: str, kind: str, value: str, unit: str | None) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == (kind, D(value), unit)


def test_a_year_is_no_end_of_a_range_with_an_amount() -> None:
    fs = facts("Turnover fell 3% in 2011 to £620m.")
    assert [(f.text, f.kind) for f in fs] == [("3%", "percent"), ("2011", "year"), ("£620m", "money")]
    assert one("Between 2000 and 3000 people came.", "Between 2000 and 3000").is_range  # same order: still a range


def test_accounting_brackets_only_where_a_value_stands() -> None:
    assert one("Net profit was (£2.4m).", "(£2.4m)").value == D(-2400000)
    assert one("The deficit (£2.4m) shrank.", "£2.4m").value == D(2400000)


def test_percent_and_points_are_kept_apart() -> None:
    fs = facts("Approval rose 4 points to 52%, a 3 percentage point gain.")
    kinds = {f.text: f.kind for f in fs}
    assert kinds["52%"] == "percent" and kinds["3 percentage point"] == "points"


def test_sentence_index() -> None:
    fs = facts("Nobody came. Then 40 guests arrived. Later 12 left.")
    assert [f.sentence for f in fs if f.text in ("40", "12")] == [1, 2]


def test_markdown_code_is_blanked_not_deleted() -> None:
    text = "Readers: 4,200.\n\n```\nx = 9999\n```\n\nMore than 80 wrote in."
    doc = extract(text, "draft.md")
    assert [f.text for f in doc.facts] == ["4,200", "80"]


def test_html_date_fact_text_is_what_was_written() -> None:
    text = "<p>On <b>Monday</b>, 7&nbsp;March 2022, about 40 people came.</p>"
    doc = extract(text, "draft.html")
    kinds = {f.kind for f in doc.facts}
    assert "date" in kinds
    for f in doc.facts:
        assert f.text == text[f.span.start : f.span.end]


def test_package_extract_survives_submodule_import() -> None:
    import numcheck
    import numcheck.facts  # noqa: F401

    assert callable(numcheck.extract)
    assert numcheck.extract("about 40 people").facts[0].text == "40"


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        # A price per unit is a rate, kept apart from sums of money.
        ("The cleaners asked for $18.75/hour from March.", "$18.75/hour", "money", D("18.75"), "USD / hour"),
        ("Butter now costs £7.20 per kg at the market.", "£7.20 per kg", "money", D("7.2"), "GBP / kilogram"),
        # "pm"/"am" after a decimal no clock writes are lengths.
        ("Each pore measures 3.4 pm across.", "3.4 pm", "measure", D("3.4"), "picometre"),
        ("The wobble was under 6.125 am in the trial.", "6.125 am", "measure", D("6.125"), "attometre"),
        # Geological time: "Ma" before "ago", "Ga" glued.
        ("The crater formed some 252 Ma ago.", "252 Ma", "duration", D(252), "megayear"),
        ("The crust dates to 4.4Ga, the team says.", "4.4Ga", "duration", D("4.4"), "gigayear"),
        # Inverse units, power words, compound symbols.
        ("The detector counted 2e5 s-1 at peak.", "2e5 s-1", "measure", D(200000), "1 / second"),
        ("The reservoir stores 3 cubic kilometres when full.", "3 cubic kilometres", "measure", D(3), "kilometre ** 3"),
        ("The new kiln handles 1,200 tpd of clinker.", "1,200 tpd", "measure", D(1200), "tonne_per_day"),
        # "K" beside other temperatures is kelvin, not thousands.
        ("Liquid nitrogen boils at -196 °C, or 77.36K.", "77.36K", "measure", D("77.36"), "kelvin"),
        ("The probe's temperature held at 3 K.", "3 K", "measure", D(3), "kelvin"),
    ],
)
def test_rates_science_units_and_clock_lookalikes(
    text: str, surface: str, kind: str, value: D, unit: str | None
) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The talks ended at 4.30 pm in the capital.", "4.30 pm"),  # a clock time, not picometres
        ("In 2021 Ma stepped down as chairman.", "2021"),  # "Ma" is a name here
        ("The stadium sold 45K seats for the final.", "45K"),  # thousands, no temperature in sight
    ],
)
def test_unit_lookalikes_stay_what_they_are(text: str, surface: str) -> None:
    f = one(text, surface)
    assert f.unit not in ("picometre", "megayear", "kelvin")
    if surface == "45K":
        assert f.value == D(45000)


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        # "a"/"an" before a unit word is the figure one.
        ("The recipe needs a litre of stock.", "a litre", "measure", D(1), "litre"),
        ("The village sits a mile from the coast.", "a mile", "measure", D(1), "mile"),
        ("The landlord would not give back a penny of the deposit.", "a penny", "money", D("0.01"), "GBP"),
        # Named figures.
        ("Helium stays liquid close to absolute zero.", "absolute zero", "measure", D(0), "kelvin"),
        # Number words with "&" and a comma before the smaller group.
        (
            "The hall seats two thousand, four hundred & ten people.",
            "two thousand, four hundred & ten",
            "count",
            D(2410),
            None,
        ),
    ],
)
def test_article_one_named_figures_and_long_number_words(
    text: str, surface: str, kind: str, value: D, unit: str | None
) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Diesel sold at $3 a gallon last week.",  # "a" means per
        "The shop is half a mile down the road.",  # half, not one
        "Thirty miles a day was the target.",
        "It was a mile-long tailback.",
    ],
)
def test_article_is_not_one_after_a_figure_or_in_a_compound(text: str) -> None:
    assert all(f.value != D(1) or f.kind != "measure" for f in facts(text)), [(f.text, f.kind) for f in facts(text)]


def test_comma_after_a_scale_word_ends_the_figure_before_a_bare_number() -> None:
    fs = facts("The firm lost a million, two weeks after the launch.")
    assert [(f.text, f.value) for f in fs if f.kind == "count"] == [("a million", D(1000000))]


def test_bakers_dozen_is_thirteen() -> None:
    f = one("The stall threw in a baker's dozen of rolls.", "baker's dozen")
    assert (f.kind, f.value) == ("count", D(13))
    assert [g.text for g in facts("The stall threw in a baker's dozen of rolls.")] == ["baker's dozen"]


def test_a_hedge_between_from_and_the_figure_keeps_a_change_two_figures() -> None:
    # "grew from about 120 to 180" is a change with two ends, not the range 120-180.
    fs = facts("Membership grew from about 120 to 180 households.")
    assert [(f.text, f.hedge, f.is_range) for f in fs] == [("120", "about", False), ("180", "exact", False)]
    assert "from" in fs[0].markers and "to" in fs[1].markers
    f = one("Crowds of between roughly 300 and 400 gathered.", "between roughly 300 and 400")
    assert (f.is_range, f.hedge) == (True, "about")


def test_several_hundred_is_vague_not_one_hundred() -> None:
    f = one("Several hundred tenants signed the letter.", "Several hundred")
    assert (f.kind, f.value, f.hedge) == ("count", None, "vague")
    assert f.interval.contains(D(400)) and not f.interval.contains(D(100)) and not f.interval.contains(D(1000))
    f = one("A few thousand runners set off.", "A few thousand")
    assert f.interval.contains(D(3000)) and not f.interval.contains(D(1000))


def test_prime_after_a_figure_is_feet_unless_it_closes_a_quote() -> None:
    f = one("The council approved a 7' hedge on the lane.", "7'")
    assert (f.kind, f.value, f.unit) == ("measure", D(7), "foot")
    assert all(f.kind != "measure" for f in facts("Fans sang 'give us 3' all night."))


def test_fractions_with_ordinal_denominators_and_their_ordinal_lookalikes() -> None:
    f = one("The shutter opens for a millionth of a second.", "a millionth")
    assert (f.kind, f.value) == ("share", D("1e-6"))
    assert f.interval.contains(D("1e-6")) and not f.interval.contains(D(0))
    f = one("Roughly one sixtieth of the grant was spent.", "one sixtieth")
    assert f.kind == "share" and f.value == D(1) / D(60)
    # "a twenty-first birthday" and "the twenty-first century" are ordinals, not 1/21 or 20.
    assert [(g.text, g.kind) for g in facts("They threw a twenty-first birthday party.")] == [
        ("twenty-first", "ordinal")
    ]
    assert [(g.text, g.kind) for g in facts("Cities of the twenty-first century grew.")] == [
        ("twenty-first", "ordinal")
    ]
    assert [(g.text, g.kind) for g in facts("She won a fifth term.")] == [("fifth", "ordinal")]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        ("The depot is half a mile from the station.", "half a mile", "measure", D("0.5"), "mile"),
        ("Each flask holds a quarter of a litre.", "a quarter of a litre", "measure", D("0.25"), "litre"),
        ("The vote took half an hour.", "half an hour", "duration", D("0.5"), "hour"),
    ],
)
def test_a_share_of_one_unit_is_one_figure(text: str, surface: str, kind: str, value: D, unit: str) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)
    assert len(facts(text)) == 1


def test_vague_money_and_bare_plural_heads() -> None:
    f = one("The scheme cost the council several hundred million pounds.", "several hundred million pounds")
    assert (f.kind, f.unit, f.value, f.hedge) == ("money", "GBP", None, "vague")
    # "people" is a head noun on its own; the verb after it is not part of the subject.
    assert one("About 300 people queued outside.", "300").subject == "people"
    assert one("Some 12 police officers were hurt.", "12").subject == "police officers"


def test_one_bit_of_is_an_idiom_not_information() -> None:
    assert all(f.kind != "measure" for f in facts("The fault sat in one bit of the program for a year."))
    assert one("The link sends 512 bits a second.", "512 bits").unit == "bit"


@pytest.mark.parametrize(
    ("text", "surface", "value", "code"),
    [
        ("Net sales rose to 12.5bn kronor.", "12.5bn kronor", "12500000000", "SEK"),
        ("The brewer earned 3bn Danish kroner.", "3bn Danish kroner", "3000000000", "DKK"),
        ("Aid of 40 trillion rupiah was pledged.", "40 trillion rupiah", "40000000000000", "IDR"),
        ("Damage is put at $US 9 billion.", "$US 9 billion", "9000000000", "USD"),
    ],
)
def test_more_currency_words(text: str, surface: str, value: str, code: str) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == ("money", D(value), code)


@pytest.mark.parametrize(
    ("text", "surface", "value", "code"),
    [
        # The country the text names settles a currency word two countries share.
        ("The Danish brewer's sales rose to 36bn kroner.", "36bn kroner", "36000000000", "DKK"),
        ("An Oslo insurer paid 850m kroner in claims.", "850m kroner", "850000000", "NOK"),
        ("Profit was 2.1bn Danish kroner; in Norway it made 400m kroner.", "400m kroner", "400000000", "DKK"),
        ("A single krone buys little in Norway; the fund holds 9bn krone.", "9bn krone", "9000000000", "NOK"),
        ("The bank earned SFr 2.3bn, up from SFr1.9bn.", "SFr 2.3bn", "2300000000", "CHF"),
        ("The bank earned SFr 2.3bn, up from SFr1.9bn.", "SFr1.9bn", "1900000000", "CHF"),
        ("Its fee was 40m krona.", "40m krona", "40000000", "SEK"),
    ],
)
def test_shared_currency_words_and_swiss_francs(text: str, surface: str, value: str, code: str) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == ("money", D(value), code)


def test_a_shared_currency_word_with_no_country_is_millions_not_metres() -> None:
    f = one("The deal is worth 850m kroner.", "850m")
    assert (f.kind, f.value, f.unit) == ("count", D(850000000), None)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The miner raised $US4.2 billion in bonds.", "$US4.2 billion", D(4200000000), "USD"),
        ("Qantas booked a $A1.5bn charge.", "$A1.5bn", D(1500000000), "AUD"),
        ("The club paid $NZ45 million for the stand.", "$NZ45 million", D(45000000), "NZD"),
        ("The state set aside Rs.250 crore for roads.", "Rs.250 crore", D(2500000000), "INR"),
        ("The port cost Rs1,200 crore to dredge.", "Rs1,200 crore", D(12000000000), "INR"),
        ("Profits hit RM2.4bn last year.", "RM2.4bn", D(2400000000), "MYR"),
        ("Fares rose to Rp5,000 a trip.", "Rp5,000", D(5000), "IDR"),
        ("The budget is Rs 12,34,567 crore.", "Rs 12,34,567 crore", D(123456700000000) / 10, "INR"),
        ("A fine of ₹1,00,000 was imposed.", "₹1,00,000", D(100000), "INR"),
    ],
)
def test_money_with_a_glued_currency_and_indian_grouping(text: str, surface: str, value: D, unit: str) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == ("money", value, unit)
    assert not [g for g in facts(text) if g.text.lower() in ("billion", "crore", "million", "bn")]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value"),
    [
        ("Turnout was 17·4% in the ward.", "17·4%", "percent", D("17.4")),
        ("Support slipped 2·5 percentage points.", "2·5 percentage points", "points", D("2.5")),
        ("The fare was £2·50 each way.", "£2·50", "money", D("2.50")),
    ],
)
def test_middle_dot_decimals(text: str, surface: str, kind: str, value: D) -> None:
    f = one(text, surface)
    assert (f.kind, f.value) == (kind, value)
    assert len([g for g in facts(text) if g.kind not in ("date", "relative")]) == 1


@pytest.mark.parametrize(
    ("text", "surface", "value", "low", "high"),
    [
        ("It followed a 40-basis-point rise in May.", "40-basis-point", D("0.4"), D("0.395"), D("0.405")),
        ("The bank cut rates by 25bps.", "25bps", D("0.25"), D("0.245"), D("0.255")),
        ("Yields fell 25 basis points on Monday.", "25 basis points", D("0.25"), D("0.245"), D("0.255")),
        ("Spreads widened by 12.5bp overnight.", "12.5bp", D("0.125"), D("0.1245"), D("0.1255")),
        ("A one basis point move is noise.", "one basis point", D("0.01"), D("0.005"), D("0.015")),
    ],
)
def test_basis_points_are_hundredths_of_a_point(text: str, surface: str, value: D, low: D, high: D) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == ("points", value, "percentage point")
    assert (f.interval.low, f.interval.high) == (low, high)


def test_basis_point_ranges_and_before_present_are_kept_apart() -> None:
    f = one("Spreads widened 10-15 bp this week.", "10-15 bp")
    assert f.kind == "points" and (f.interval.low, f.interval.high) == (D("0.1"), D("0.15"))
    assert one("The hearth dates to 12,000 BP.", "12,000").kind != "points"


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("The index fell 2.1%, or 140 points, to 6,500.", "140 points, to 6,500"),
        ("The Dow slid 1.8%, or 95 points to 5,210 on Friday.", "95 points to 5,210"),
        ("Arrivals fell from 410,000 in 2024 to 455,000.", "2024 to 455,000"),
        ("Exports grew from 3,000 in 2019 to 5,000 last year.", "2019 to 5,000"),
        ("Visits rose from 1,200 in 2020 to 1,900.", "2020 to 1,900"),
        ("The survey ran from 2018 to 2,500 homes.", "2018 to 2,500"),
    ],
)
def test_a_range_joins_ends_of_one_kind(text: str, bad: str) -> None:
    assert bad not in [f.text for f in facts(text)]
    assert not [f for f in facts(text) if f.is_range]


def test_ranges_of_years_and_of_counts_still_join() -> None:
    assert one("Between 2000 and 3000 people came.", "Between 2000 and 3000").is_range
    assert one("The war lasted from 1914 to 1918.", "1914 to 1918").is_range
    assert one("It took between 12 and 14 years.", "between 12 and 14 years").is_range


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("The death toll has risen to 73.", "73", "death toll"),
        ("The death toll has now risen to 91, officials said.", "91", "death toll"),
        ("The number of deaths was 2,315.", "2,315", "deaths"),
        ("The number of confirmed cases has climbed to 1,204.", "1,204", "confirmed cases"),
        ("The toll stood at 186.", "186", "toll"),
        ("Unemployment stood at 5.1% in March.", "5.1%", "unemployment"),
        ("Ticket sales reached 25,000 by Friday.", "25,000", "ticket sales"),
        ("Net profit was $186m for the year.", "$186m", "net profit"),
        ("Confirmed cases in the UK had reached 1,004.", "1,004", "confirmed cases"),
        ("The death toll tops 450.", "450", "death toll"),
        # A particle between the level verb and its link.
        ("Annual turnover came in at $3.9bn.", "$3.9bn", "annual turnover"),
        ("The final bill ended up at £2.4m.", "£2.4m", "final bill"),
        ("The index closed at 10,420 on Friday.", "10,420", "index"),
    ],
)
def test_subjects_through_auxiliaries_and_level_verbs(text: str, surface: str, subject: str) -> None:
    f = one(text, surface)
    assert (f.subject or "").lower() == subject


def test_a_level_verb_alone_is_no_subject() -> None:
    assert one("It reached 300 by noon.", "300").subject is None
    # A verb of harm says what the figure counts: the wounded.
    assert one("The shelling wounded 40 overnight.", "40").subject == "wounded"


@pytest.mark.parametrize(
    ("text", "surface", "each"),
    [
        ("Sales reached 25,000, up from 20,000 a year earlier.", "20,000", False),
        ("Fees were £900 a year before the change.", "£900", False),
        ("Rents were 1,100 a month ago.", "1,100", False),
        ("Dividends were 30p a share.", "30p", True),
        ("It pays £5 a year to members.", "£5", True),
        ("Tickets cost $40 each.", "$40", True),
    ],
)
def test_each_marker_not_for_a_time_before(text: str, surface: str, each: bool) -> None:
    assert ("each" in one(text, surface).markers) is each


@pytest.mark.parametrize(
    ("text", "surface", "hedge"),
    [
        ("The death toll tops 450.", "450", "more than"),
        ("Sales topped $3bn last year.", "$3bn", "more than"),
        ("Exports exceeded 20% of output.", "20%", "more than"),
        ("Viewing figures passed 12 million.", "12 million", "more than"),
        ("The fund surpassed £1bn in May.", "£1bn", "more than"),
        ("The toll nears 500.", "500", "nearly"),
        ("The Senate passed 12 bills.", "12", "exact"),
        ("Revenue more than doubles.", "doubles", "more than"),
        ("Costs more than doubled in a year.", "doubled", "more than"),
        ("Prices nearly tripled.", "tripled", "nearly"),
    ],
)
def test_direction_verbs_and_hedged_multiples(text: str, surface: str, hedge: str) -> None:
    assert one(text, surface).hedge == hedge


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        ("Federer won 6-4, 3-6, 7-5 in the final.", ["6-4", "3-6", "7-5"]),
        ("City secured a 3-1 win at home.", ["3-1"]),
        ("She edged past her rival 6-3 6-4 on clay.", ["6-3", "6-4"]),
        ("He won 7-6 (7-5), 6-2 to reach the semi-final.", ["7-6", "7-5", "6-2"]),
        ("England beat Wales 24-17 at Twickenham.", ["24-17"]),
        ("The visitors trailed 17-3 at half-time.", ["17-3"]),
        ("Chelsea drew 1-1 with Leeds.", ["1-1"]),
        ("Arsenal lost 3–2 after extra time.", ["3–2"]),
        ("The bill passed 52-48 in the Senate.", ["52-48"]),
    ],
)
def test_scores_are_neither_ranges_nor_counts(text: str, scores: list[str]) -> None:
    got = facts(text)
    assert [f.text for f in got if f.kind == "score"] == scores
    assert all(f.value is None and not f.is_range for f in got if f.kind == "score")
    assert not [f for f in got if f.kind in ("count", "number")]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Between 3-6 people came.", "3-6"),
        ("Labour won 10-20 seats in the north.", "10-20"),
        ("Rates are fixed over 3-5 years.", "3-5 years"),
        ("Temperatures of 10-15C are expected.", "10-15C"),
    ],
)
def test_ranges_that_look_like_scores_stay_ranges(text: str, surface: str) -> None:
    assert one(text, surface).is_range


def test_no_rule_reads_a_score() -> None:
    from numcheck import check_text

    text = "Federer won 6-4, 3-6, 7-5 and then 6-7 (4-7), 6-2. City won 3-1 and then lost 1-3."
    assert check_text(text).findings == ()


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value"),
    [
        ("Apple has 2b users now.", "2b", "count", D(2000000000)),
        ("The fund lost $5b in May.", "$5b", "money", D(5000000000)),
        ("Exxon lost £2-3b on the deal.", "£2-3b", "money", D(2500000000)),
        ("The deal is worth 3b dollars.", "3b dollars", "money", D(3000000000)),
        ("Users reached 1.2b.", "1.2b", "count", D(1200000000)),
    ],
)
def test_glued_b_is_billion_unless_a_singular_noun_follows(text: str, surface: str, kind: str, value: D) -> None:
    f = one(text, surface)
    assert (f.kind, f.value) == (kind, value)


def test_glued_b_before_a_singular_noun_is_no_billion() -> None:
    assert [f.value for f in facts("The router drops the 1500b packet.")] == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("It costs one dollar and one and nothing more.", "one dollar and one", D("1.01")),
        ("It was twenty dollars and fifty.", "twenty dollars and fifty", D("20.50")),
    ],
)
def test_dollars_and_a_word_number_are_cents(text: str, surface: str, value: D) -> None:
    assert one(text, surface).value == value


def test_dollars_and_a_counted_noun_are_two_figures() -> None:
    assert one("He paid five dollars and two friends paid more.", "five dollars").value == D(5)


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value"),
    [
        ("The patient is an 87 yo man.", "87 yo", "age", D(87)),
        ("A 34 y/o woman was seen.", "34 y/o", "age", D(34)),
        ("A 9 yrs old boy came.", "9 yrs old", "age", D(9)),
        ("The zoom covers 75 -300mm.", "300mm", "measure", D(300)),
        ("It was −4 at dawn, 3 −2 later.", "−2", "number", D(-2)),
    ],
)
def test_abbreviated_ages_and_spaced_dashes(text: str, surface: str, kind: str, value: D) -> None:
    f = one(text, surface)
    assert (f.kind, f.value) == (kind, value)


def test_a_result_with_the_other_side_named_in_full() -> None:
    text = "He beat the fourth seed Lars Vik of Norway 7-6 (7-3) 4-6 6-1."
    assert [f.text for f in facts(text) if f.kind == "score"] == ["7-6", "7-3", "4-6", "6-1"]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        # Benchmarks and changelogs write a multiple with a sign: "3×", "9.1x slower".
        ("The new parser is 9.1x slower than the old one.", "9.1x", "multiple", D("9.1"), None),
        ("Caching made start-up 3× faster.", "3×", "multiple", D(3), None),
        ("Reads are now 2.5× cheaper (and writes 4×).", "4×", "multiple", D(4), None),
        # Durations under a second.
        ("A cold start takes 182 ms of CPU.", "182 ms", "duration", D(182), "millisecond"),
        ("The ping took 40ms on the office network.", "40ms", "duration", D(40), "millisecond"),
        ("Each frame renders in 16 milliseconds.", "16 milliseconds", "duration", D(16), "millisecond"),
    ],
)
def test_multiples_with_a_sign_and_short_durations(text: str, surface: str, kind: str, value: D, unit: str) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "He drove a 4x4 up the hill.",  # a vehicle, not a multiple
        "The kitchen is 3 × 4 metres.",  # a multiplication sign between two figures
        "The clinic sees 5 MS patients a day.",  # multiple sclerosis, not milliseconds
    ],
)
def test_signs_and_abbreviations_that_are_not_multiples_or_durations(text: str) -> None:
    assert not [f for f in facts(text) if f.kind in ("multiple", "duration")]


@pytest.mark.parametrize(
    ("text", "surface", "hedge"),
    [
        # A verb, its object and the particle "up": the level reached.
        ("Inflation pushed interest rates up to 2.25% in May.", "2.25%", "exact"),
        ("The late goals brought the season total up to 30.", "30", "exact"),
        ("The board raised the cap up to £4,000 a year.", "£4,000", "exact"),
        # A bound: "up to" with no verb and object before it, or an intransitive verb.
        ("Up to 300 people may have died.", "300", "at most"),
        ("The scheme pays up to £500 a month.", "£500", "at most"),
        ("It takes a plumber up to three hours.", "three hours", "at most"),
        ("Fares may rise up to 5% a year.", "5%", "at most"),
    ],
)
def test_up_to_after_a_verb_and_its_object_is_the_level_reached(text: str, surface: str, hedge: str) -> None:
    assert one(text, surface).hedge == hedge


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        # A cent named with its currency.
        ("A letter stamp now costs 92 Canadian cents.", "92 Canadian cents", "money", D("0.92"), "CAD"),
        ("The coin is worth 20 euro cents.", "20 euro cents", "money", D("0.2"), "EUR"),
        ("Bus fares rose by 15 US cents.", "15 US cents", "money", D("0.15"), "USD"),
        # A stray space in a thousands group.
        ("Each family was paid $45, 000 in damages.", "$45, 000", "money", D(45000), "USD"),
        ("Some 2,300, 000 votes were cast.", "2,300, 000", "count", D(2300000), None),
        # Run times: minutes, seconds and hundredths; hours, minutes and seconds.
        ("She won the 1500m in 4:02.17.", "4:02.17", "duration", D("242.17"), "second"),
        ("He finished the marathon in 2:07:31.", "2:07:31", "duration", D(7651), "second"),
    ],
)
def test_currency_cents_stray_group_spaces_and_run_times(
    text: str, surface: str, kind: str, value: D, unit: str | None
) -> None:
    f = one(text, surface)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("The last train leaves at 10:31:05.", "10:31:05", "time"),  # a clock time with seconds
        ("The meeting starts at 9:45.", "9:45", "time"),
        ("In 1999, 400 people applied.", "1999", "year"),  # a year, a comma, then another figure
    ],
)
def test_clock_times_and_years_stay_what_they_are(text: str, surface: str, kind: str) -> None:
    assert one(text, surface).kind == kind


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("Running costs were cut by a third last year.", "a third", "share"),
        ("Exports rose by a fifth in 2009.", "a fifth", "share"),
        ("The site was sold by a third party.", "third", "ordinal"),
    ],
)
def test_by_a_third_before_a_time_frame_is_a_share(text: str, surface: str, kind: str) -> None:
    assert one(text, surface).kind == kind
