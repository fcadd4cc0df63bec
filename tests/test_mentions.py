"""Mentions: what each figure counts and which role words stand before it."""

from __future__ import annotations

from numcheck.facts import extract
from numcheck.mentions import Mentions
from numcheck.patterns import View


def roles_of(text: str, written: str) -> frozenset[str]:
    view = View(extract(text))
    m = Mentions(view)
    (fi,) = [i for i, f in enumerate(view.facts) if f.text == written]
    return m.by_fact[fi].roles


def test_a_forecast_word_makes_a_forecast() -> None:
    assert "forecast" in roles_of("Analysts expected 2.1% growth in May.", "2.1%")
    assert "forecast" in roles_of("The firm forecast profits of $3bn for the year.", "$3bn")


def test_a_result_measured_against_a_forecast_is_no_forecast() -> None:
    # "more than expected": the figure that follows is the result, not what was expected.
    assert "forecast" not in roles_of("Output grew more than expected, rising 2.4% in May.", "2.4%")
    assert "forecast" not in roles_of("Sales did better than had been forecast, at $3bn.", "$3bn")
    assert "forecast" not in roles_of("Profits were twice as high as predicted, at $40m.", "$40m")


def frame_of(text: str, written: str):  # type: ignore[no-untyped-def]
    view = View(extract(text))
    m = Mentions(view)
    (fi,) = [i for i, f in enumerate(view.facts) if f.text == written]
    return m.frame(fi)


def test_a_frame_names_its_holder_through_pronouns_and_the_firm() -> None:
    text = "Northsea Ferries will open six routes. The firm said its fleet would grow. It will hire 650 staff."
    assert frame_of(text, "650").holder == "northsea ferries"
    # A possessive pronoun before a name is the name's: the rival, not the firm before.
    text = "Northsea Ferries will open six routes. Its rival Baltic Lines will hire 650 staff."
    assert frame_of(text, "650").holder == "baltic lines"
    # A name in what the figure counts, and an attribution after it (", it added").
    assert frame_of("The deal should bring 1,400 new Northsea jobs.", "1,400").holder == "northsea"
    text = "The bakery chain Crumbs will open 40 shops. About 900 new jobs should be created, it added."
    assert frame_of(text, "900").holder == "crumbs"


def test_a_clause_of_its_own_names_its_own_holder() -> None:
    # After ", and", ", while", ", but" or a semicolon, a name opening the figure's clause is its holder,
    # not the sentence's first name; a pronoun there points back to the sentence's holder.
    text = "Shropshire Vale Council has committed £11m, and the Chamber of Commerce has pledged £6m."
    assert frame_of(text, "£11m").holder == "shropshire vale council"
    assert frame_of(text, "£6m").holder == "chamber"
    text = "Northsea Ferries carried 1.2 million passengers, while Baltic Lines carried 900,000."
    assert frame_of(text, "900,000").holder == "baltic lines"
    text = "Northsea Ferries carried 1.2 million passengers; Baltic Lines carried 900,000."
    assert frame_of(text, "900,000").holder == "baltic lines"
    text = "Northsea Ferries carried 1.2 million passengers, and it expects 1.5 million next year."
    assert frame_of(text, "1.5 million").holder == "northsea ferries"


def test_a_sentence_first_word_is_a_name_only_when_written_so_elsewhere() -> None:
    assert frame_of("Floods in Moravia have left 1,200 people dead.", "1,200").holder == "moravia"
    text = "Acme makes phones. Acme sold 5 million phones, up from 4 million at Acme a year earlier."
    assert frame_of(text, "5 million").holder == "acme"


def test_a_frame_reads_the_head_of_what_is_counted() -> None:
    assert frame_of("The deal should bring 1,400 new Northsea jobs.", "1,400").concept == "staff"
    assert frame_of("The 13 titles ready at launch include a racing game.", "13").concept == "title"
    # A generic noun: the verb later in its clause says what is counted.
    assert frame_of("Some 900 people in the hill villages are now thought to have died.", "900").concept == "death"


def test_a_frame_reads_part_of_time_scope_mood_and_definiteness() -> None:
    text = "The album sold 900,000 copies in its first week and 700,000 in all."
    assert (frame_of(text, "900,000").part, frame_of(text, "700,000").part) == ("part", "whole")
    assert frame_of("About 2,000 people across the region have died.", "2,000").scope == "whole"
    assert frame_of("It will hire 650 staff in Leeds.", "650").scope == "leeds"
    assert frame_of("About 900 new jobs should be created.", "900").mood == "forecast"
    assert frame_of("About 900 new jobs were created.", "900").mood == ""
    assert frame_of("The 13 titles ready at launch include a racing game.", "13").definite
    assert not frame_of("Some 13 titles are ready.", "13").definite


def direction_of(text: str, written: str) -> str | None:
    view = View(extract(text))
    (fi,) = [i for i, f in enumerate(view.facts) if f.text == written]
    return Mentions(view).by_fact[fi].direction


def test_a_bound_up_to_is_no_rise_but_a_particle_up_to_is() -> None:
    assert direction_of("The mill could cut up to 900 jobs.", "900") == "down"
    assert direction_of("The plan would shed up to 1,200 posts over five years.", "1,200") == "down"
    assert direction_of("The bank pushed rates up to 5%.", "5%") == "up"


def test_a_year_naming_a_noun_does_not_cut_a_figure_off_from_its_verb() -> None:
    assert direction_of("The firm will boost its 2025 dividend by 30%.", "30%") == "up"
    assert direction_of("Ministers will trim the 2026 budget by £2bn.", "£2bn") == "down"
    # A year of its own still ends the walk back: the rise is 2023's, not the later figure's.
    assert direction_of("Sales rose in 2023 and 2024 brought 300 stores.", "300") is None


def test_a_frame_reads_the_object_a_verb_of_change_moves() -> None:
    assert frame_of("Harlow Foods would raise its dividend to 21p from 16p.", "21p").concept == "dividend"
    assert frame_of("Harlow Foods would raise its dividend to 21p from 16p.", "16p").concept == "dividend"
    text = "The council will reduce the number of staff from 4,100 to 3,650."
    assert frame_of(text, "4,100").concept == "staff"
    assert frame_of(text, "3,650").concept == "staff"
    assert frame_of("Pelham Bus will boost its 2026 fares budget by 10%.", "10%").concept == "budget"
    # The subject when the verb has no object: "Its charges will rise to £460".
    assert frame_of("Its charges for a typical home will rise to £460.", "£460").concept == "charge"


def test_a_frame_reads_time_holder_and_head_for_a_level_told_in_another_sentence() -> None:
    # A relative time dates the figure next to it, not one past another amount.
    text = "Sales in the second half were £44m, against £46m a year ago."
    assert (frame_of(text, "£44m").period, frame_of(text, "£46m").period) == ("", "-1 year")
    # A date naming a part of its year is a part of the time.
    assert frame_of("The plant built 60,000 cars in the first half of 2023.", "60,000").part == "part"
    assert frame_of("The plant built 60,000 cars in 2023.", "60,000").part == ""
    # A subject after an opening time phrase holds the figure; a verb before an amount says what it is.
    text = "Kestrel Foods had a hard year. A year earlier the firm earned £12m."
    assert frame_of(text, "£12m").holder == "kestrel foods"
    assert frame_of(text, "£12m").concept == "profit"
    assert frame_of("It lost $60m in the same period last year.", "$60m").concept == "loss"
    # "Visitor numbers" counts visitors.
    assert frame_of("Visitor numbers rose to 240,000.", "240,000").concept == "visitor"


def test_a_holder_is_the_name_a_describing_word_stands_before() -> None:
    text = "Shares in Australian budget airline Skyline Air fell 20%."
    assert frame_of(text, "20%").holder == "skyline air"
    text = "London-listed Orbis Foods said profits fell 20%."
    assert frame_of(text, "20%").holder == "orbis foods"
    # A capital that is the name stays the holder.
    assert frame_of("Orbis Foods said its budget airline arm grew 20%.", "20%").holder == "orbis foods"


def test_a_sentence_first_word_before_a_verb_of_saying_is_a_name() -> None:
    text = "Rival Norvik made $12.4bn. Harlow added that it would pay 6.5 cents."
    assert frame_of(text, "6.5 cents").holder == "harlow"


def test_a_level_after_a_stated_move_takes_the_moves_verb() -> None:
    text = "Visitor numbers rose by a fifth to 240,000 in 2024."
    assert direction_of(text, "240,000") == "up"
    assert (frame_of(text, "240,000").concept, frame_of(text, "240,000").period) == ("visitor", "2024")
    assert direction_of("Sales fell 20% to £8m.", "£8m") == "down"
    # Not past a figure that is no move: "from 300 to 450" keeps its own reading.
    assert direction_of("Output went from 300 to 450.", "450") is None


def test_a_frame_reads_a_quarter_as_its_own_period() -> None:
    # A quarter in words, in a year, as an adjective, or opening the sentence far from the figure.
    assert frame_of("Sales fell 2% in the third quarter.", "2%").period == "Q3"
    assert frame_of("Fourth-quarter profits at the brewer rose 5%.", "5%").period == "Q4"
    text = "In the second quarter, the firm, which makes vans in Leeds and York, saw output rise 4%."
    assert frame_of(text, "4%").period == "Q2"
    assert frame_of("Output rose 3% in the third quarter of 2024.", "3%").period == "2024-Q3"
    # A year stays a year; a day opening a sentence dates a count, not a period.
    assert frame_of("Output rose 3% in 2024.", "3%").period == "2024"
    text = "As of 9 May, the total number of deaths from the virus in the northern province of Tarsis is 17."
    assert frame_of(text, "17").period == ""


def test_a_bare_by_is_a_future_only_before_a_time() -> None:
    assert frame_of("The rise was driven by growth of 11% in farming.", "11%").period == ""
    assert frame_of("Gas prices slid by 4%, pushed lower by forecasts of warm weather.", "4%").period == ""
    assert frame_of("The firm will hire 300 staff by 2027.", "300").period == "future"
    assert frame_of("The firm will have 300 staff by the end of the year.", "300").period == "future"


def test_growth_is_one_concept_told_as_a_level_or_as_a_change() -> None:
    assert frame_of("Ruritania growth at 6.2% in 2023", "6.2%").concept == "growth"
    assert frame_of("Lakeland posts 4.1% growth", "4.1%").concept == "growth"
    assert frame_of("Ruritania's economy grew by 6.2% in 2023.", "6.2%").concept == "growth"
    assert frame_of("GDP in Valdoria rose 3.9% last year.", "3.9%").concept == "growth"
    # Another noun told "at" a figure keeps its own concept; a rise in exports is not growth.
    assert frame_of("Inflation at 2.1% is the lowest for a year.", "2.1%").concept == "inflation"
    assert frame_of("Exports rose 3.9% last year.", "3.9%").concept != "growth"


def test_a_plural_noun_right_before_a_compared_percentage_is_what_moved() -> None:
    # "reservations 11% higher": the reservations moved, not the stocks the sentence opens on.
    text = "Among individual stocks, the best was a builder that rose 5.2% after reporting orders 11% higher."
    assert frame_of(text, "11%").concept == "order"
    assert frame_of("The chain said sales were steady, with margins 2% lower.", "2%").concept == "margin"


def test_a_ranking_field_is_no_holder_and_shares_in_a_firm_are_no_place() -> None:
    text = "The rise, the third-quickest in Europe behind Ireland, came from growth of 11% in the farm sector."
    assert frame_of(text, "11%").holder == ""
    assert frame_of(text, "11%").scope == "farm sector"
    text = "Shares in British discount retailer Penny Lane tumbled 15% on Friday."
    assert frame_of(text, "15%").scope == ""
    assert frame_of(text, "15%").holder == "penny lane"
    # A place after "in" is still the scope, and still whose count it is when nothing else names one.
    assert frame_of("It will hire 650 staff in Leeds.", "650").scope == "leeds"
    assert frame_of("Floods in Moravia have left 1,200 people dead.", "1,200").holder == "moravia"


def test_a_relative_clause_holds_the_name_before_it_and_a_source_holds_nothing() -> None:
    text = "Ruritania overtook Valdoria, which has 593 cases, late in May."
    assert frame_of(text, "593").holder == "valdoria"
    text = "According to Reuters, officials have reported 45 deaths in Tarsis Province."
    assert frame_of(text, "45").holder == ""
    assert frame_of(text, "45").scope == "tarsis province"
    # A name that opens the clause is still whose figure it is.
    assert frame_of("Valdoria, which joined in May, has 593 cases.", "593").holder == "valdoria"


def test_a_change_noun_after_a_percent_names_what_changed() -> None:
    text = "The port was busy, thanks to a 6.5% jump in shipments to buyers outside the Nordic Union."
    assert frame_of(text, "6.5%").concept == "sold"
    assert frame_of("Trade rose on a 4% gain in imports within the bloc.", "4%").concept == "import"
    assert frame_of("The chain saw a 3% fall in the group's sales.", "3%").concept == "revenue"
    # A time after the change noun is when, not what.
    assert frame_of("Output saw a 3% fall in the year.", "3%").concept != "year"


def _mention_of(text: str, written: str):  # type: ignore[no-untyped-def]
    view = View(extract(text))
    m = Mentions(view)
    (fi,) = [i for i, f in enumerate(view.facts) if f.text == written]
    return m.by_fact[fi]


def test_a_percent_told_more_or_less_is_a_change_of_its_own_way() -> None:
    # "pay 38% more" is a rise whatever verb the clause opened with, and no other count ("5 more staff").
    rise = _mention_of("Shares fell after the mill agreed to pay 38% more for coal.", "38%")
    assert rise.direction == "up" and "another" not in rise.roles
    cut = _mention_of("Prices rose after the firm said it would charge 12% less for gas.", "12%")
    assert cut.direction == "down"
    # "more than expected" compares: the verb's way stands.
    assert _mention_of("Sales fell 5% more than forecast.", "5%").direction == "down"
    assert "another" in _mention_of("The firm will hire 40 more staff.", "40").roles


def test_a_frame_reads_those_in_hospital_and_the_sick_as_groups_of_their_own() -> None:
    # A verb after a generic noun says what is counted, as it does for deaths.
    assert frame_of("Some 910 people have been taken to hospital.", "910").concept == "hospitalised"
    assert frame_of("Almost 480 patients are being treated in hospital.", "480").concept == "hospitalised"
    assert frame_of("Doctors said 1,320 hospitalisations were linked to it.", "1,320").concept == "hospitalised"
    # The sick and the ill are an outbreak's cases.
    assert frame_of("The outbreak has made more than 70 sick.", "70").concept == "case"
    assert frame_of("Norovirus has made 95 people ill.", "95").concept == "case"


def test_a_source_named_after_obtained_by_or_according_to_is_no_holder() -> None:
    text = "Figures obtained by the BBC show the council received 3,840 claims."
    assert frame_of(text, "3,840").holder != "bbc"
    text = "Data published by Eurostat show Malta grew 4.1% last year."
    assert frame_of(text, "4.1%").holder == "malta"
    text = "According to the ministry, Kesh province has recorded 312 cases."
    assert frame_of(text, "312").holder == "kesh"  # the place word is its scope, not its name


def test_a_party_name_holds_its_figure_even_as_a_sentence_s_first_word() -> None:
    text = "The Conservatives were cut to 14. Labour finished with 10 councillors, up two."
    assert frame_of(text, "10").holder == "labour"
    # A role noun opening a sentence names nobody's figure.
    assert frame_of("Investigators have so far recovered £1.1m.", "£1.1m").holder == ""


def test_a_name_with_accented_letters_is_one_word() -> None:
    text = "Sweden's Jonas Ekström won. Ekström opened with a 68 on Thursday."
    assert frame_of(text, "68").holder == "ekström"


def _first_words(text: str) -> list[str]:
    m = Mentions(View(extract(text)))
    return [t.text for t in m.sentence_tokens(0)[:4]]


def test_a_sentence_opener_that_changes_no_figure_is_left_out_of_its_tokens() -> None:
    # "Indeed, of the 40 ..." reads as "Of the 40 ...": every reader of a sentence's start sees it.
    assert _first_words("Indeed, of the 40 climbers, 17 were Polish.")[:3] == ["of", "the", "#"]
    assert _first_words("But of the 40 climbers, 17 were Polish.")[:3] == ["of", "the", "#"]
    assert _first_words("But, in fact, the firm has 900 staff.")[:3] == ["the", "firm", "has"]
    assert _first_words("However, that was a 29% rise.")[:2] == ["that", "was"]
    # Words that tell another thing, time or a total stay: they change what the figure is.
    assert _first_words("Meanwhile, the firm has 900 staff.")[0] == "meanwhile"
    assert _first_words("In all, 37 people were saved.")[:2] == ["in", "all"]
    assert _first_words("So far, 37 people were saved.")[:2] == ["so", "far"]
    # "But" before a comma is only an opener when the comma closes it, and a lone opener is kept.
    assert _first_words("Still 40 people were missing.")[0] == "still"
    assert _first_words("Indeed.")[0] == "indeed"


def test_an_attribution_aside_with_a_figure_of_its_own_is_kept() -> None:
    # ", it announced on Tuesday 9 December 2025," was cut as an attribution, and its date lost its
    # mention: every reader that asked where the date stands crashed (KeyError).
    text = "Over the next five years, it said on Tuesday 9 December 2025, the firm will grow."
    doc = extract(text)
    m = Mentions(View(doc, None))
    assert set(m.by_fact) == set(range(len(doc.facts)))
    from numcheck import check_text

    assert check_text(text).error is None


def _words(text: str) -> list[str]:
    return list(Mentions(View(extract(text))).words[0])


def test_a_run_told_as_an_aside_before_a_move_s_figures_is_left_out_of_its_tokens() -> None:
    # "rose for the third year in a row, to 5.9 million" reads as "rose to 5.9 million": every reader of a
    # move finds its verb beside its figures; the run's ordinal is kept for the readers of runs.
    text = "Sales rose for the third year in a row, to 5.9 million from 5.5 million."
    m = Mentions(View(extract(text)))
    assert list(m.words[0][:4]) == ["sales", "rose", "to", "#"]
    ((fi, (si, unit)),) = m.runs.items()
    assert (si, unit) == (0, "year") and m.by_fact[fi].sentence == 0
    assert _words("Rents fell, for a sixth straight month, by 4%.")[:4] == ["rents", "fell", "by", "#"]
    # A run that ends its clause is the clause's news, and one with no verb before it opens the sentence.
    assert "for" in _words("Exports rose for the eighth year in a row. They reached £40m.")
    assert "for" in _words("For the third year running, sales rose 5% to £4m.")
    # "for the first time" is no run.
    assert "for" in _words("Sales rose for the first time, by 4% to £3m.")
