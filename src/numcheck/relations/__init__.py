"""Relations: how figures relate across the whole document, each with the cues that show it.

Built once per document from the mentions (``mentions.Mentions``), by small
named builders that walk each sentence's tokens once; judges then test each
relation's arithmetic. Kinds and their roles:

- ``share``: ``part``, ``whole``, ``share`` ("70 of the 120 staff (48%)",
  "Of those, 70 (48%)" with "those" the 120 of the previous sentence);
- ``part``: ``part``, ``whole`` ("32 out of 23 agencies", "including $26bn");
- ``breakdown``: ``total`` and ``item`` (repeated); label ``inclusive`` when
  the items may be fewer than the total ("including");
- ``change``: ``from``, ``to`` and optionally ``stated`` (a % or an amount),
  labels ``direction`` ("up"/"down") and ``multiple`` ("doubled");
- ``range``: ``low``, ``high`` ("150 to 135 passengers", "between 8% and 6%");
- ``comparison``: ``a``, ``b``, label ``order`` ("above"/"below"): a is above
  (below) b ("Labour on 39% leads the Conservatives on 44%");
- ``portion``: ``share``, label ``whole`` (its noun phrase): a percentage
  that is a part of a whole ("80% of Ethiopians", "a 95% share");
- ``conversion``: ``figure``, ``conversion``, label ``hedge``: the same
  amount in other units, in brackets ("785m euros ($1bn; £540m)");
- ``qualifier``: ``figure`` and, for a fraction word, ``qualifier``; labels
  ``phrase`` and ``unit``: a word that says how large the figure set beside
  it is ("a majority (48%)", "thousands of fans, some 40,000"), or, with
  document evidence, how large the level or change of the same subject in
  another sentence is ("fell to a single digit", "sales were flat");
- ``match-minute``: ``minute`` (and ``from``), labels ``told``, ``scorer``,
  ``listed``: a goal's minute in a match report's prose against the minutes
  of its goal list ("Pereira doubled the lead 12 minutes later" … "Pereira 20, 52");
- ``run``: ``within``, ``day``, ``other`` (and ``other-from``), label
  ``shift``: "her second defeat in two days" on a day, and another day of
  that kind of event counted from it ("Three days earlier, she lost …");
- ``clock-span``: ``length``, ``start``, ``end``, label ``minutes``: "N hours
  later" against the two clock times before it ("locked at 23:15 … went in at
  1:45 the next day, four hours after");
- ``timeline``: ``length``, ``from``, ``to``, labels ``elapsed`` and
  ``precision``: a stated length against the two told moments it links
  ("reported at 21:47 on Tuesday ... at 11:50 on Wednesday, after more than 16
  hours"; "on March 20, a voyage of 12 days" after "set off on March 2");
- ``day-order``: ``before``, ``after``: a date told as coming next ("After that, … on
  12 April") against the last date of the sentence before it;
- ``tally``: ``total`` and ``item`` (repeated), label ``plus``: a stated count
  against what the text counts for it, figures added up plus things counted
  without a figure ("the fourth player to ... He joins A, B and C").

Evidence grades a relation: ``clause`` (explicit cue next to the figures),
``sentence`` (within one sentence), ``document`` (across sentences through a
pronoun or a repeated noun). Nothing compares all pairs: every builder looks
at a bounded window of tokens around each figure, so building is linear in
the number of figures.

One module per family of relations; this module lists their builders in the
order they run (for one set of figures the first builder's relation is kept)
and builds a document's relations. A new builder goes in its family's module
and into ``BUILDERS`` (or ``STAGES`` when it reads the first pass) here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from numcheck.patterns import View
from numcheck.relations.ages import (
    _ages,
    _ages_after_event,
    _ages_at_acts,
    _ages_in_role,
    _ages_then_and_now,
    _birthdays_this_week,
    _thing_ages,
    _youth_ages,
)
from numcheck.relations.apart import _levels_apart
from numcheck.relations.banded import _banded_parts
from numcheck.relations.base import Relation, _Doc, family, same_family, sized_group
from numcheck.relations.breakdowns import _breakdowns, _composed_after, _demonstrative_wholes, _leaving_rests
from numcheck.relations.calendar import (
    _after_that,
    _anniversaries,
    _calendar_dates,
    _clock_spans,
    _dated_twice,
    _days_apart,
    _days_next_to_events,
    _first_in_years,
    _for_years_until,
    _gap_since,
    _match_days,
    _match_eves,
    _next_days,
    _overnight,
    _relative_weekdays,
    _runs,
    _same_events,
    _spans,
    _years_later_events,
)
from numcheck.relations.changes import (
    _against_then,
    _amount_and_share,
    _changes_and_ranges,
    _comparisons,
    _from_without_to,
    _group_gaps,
    _multiple_then_levels,
    _older_then_stated,
    _said_changes,
    _share_then_amount,
    _stated_than,
    _to_without_from,
    _versus_year,
)
from numcheck.relations.choices import _single_choices
from numcheck.relations.compare import (
    _crossed_marks,
    _listed_series,
    _named_superlatives,
    _near_misses,
    _only_better,
    _overtakes,
    _paces,
    _passed_untold,
    _places_behind,
    _places_outnumbered,
    _race_places,
    _rank_clashes,
    _ranked_behind,
    _records,
    _recoveries,
    _sequences,
    _share_words,
    _sup_figures,
    _superlative_heads,
    _tie_breaks,
    _tops_behind,
    _vote_ratios,
    _windows,
)
from numcheck.relations.compare import (
    _ranks as _ranked,
)
from numcheck.relations.conversions import _conversions, _period_rates
from numcheck.relations.counting import (
    _all_of_listed,
    _another_slices,
    _balances,
    _bands,
    _groups_named_before,
    _more_of_told,
    _only_and_others,
    _ordinals_within,
    _place_lists,
    _ranks,
    _running_totals,
    _titles,
    _years_listed,
)
from numcheck.relations.elapsed import (
    _absences,
    _ago,
    _anniversary_begun,
    _between_events,
    _bounded_lengths,
    _closed_between,
    _dated_lengths,
    _ended_told_days,
    _gaps_to_story,
    _held_since,
    _held_to_now,
    _its_anniversaries,
    _journeys,
    _later_to_now,
    _lengths_to_then,
    _nth_years,
    _over_range,
    _planned,
    _since_told,
    _told_to_now,
    _years_told_apart,
)
from numcheck.relations.flows import _flows
from numcheck.relations.fractions import _fraction_shares, _fractions_of_hoped
from numcheck.relations.frames import _period_slices, _scope_parts
from numcheck.relations.gaps import _race_gaps, _told_gaps
from numcheck.relations.golf import _golf
from numcheck.relations.groups import (
    _answer_pairs,
    _complement_shares,
    _enumerations,
    _listed_shares,
    _opposite_answers,
    _outcomes,
    _placed_shares,
    _remainders,
    _sized_wholes,
    _won_lists,
)
from numcheck.relations.heldparts import _held_runs
from numcheck.relations.holders import _another_of_action, _group_totals
from numcheck.relations.increments import _increments
from numcheck.relations.itemised import _itemised_runs
from numcheck.relations.levels import _extremes, _levels
from numcheck.relations.lists import (
    _counted_countries,
    _counted_figures,
    _counted_in_order,
    _counted_names,
    _counted_next_door,
    _declared_parts,
    _listed_parts,
    _named_shares,
    _place_runs,
    _seat_shares,
)
from numcheck.relations.margins import _margins, _overall_majorities
from numcheck.relations.matches import _match_minutes
from numcheck.relations.moved import _moves_apart, _older_apart
from numcheck.relations.multiples import _inferred_multiples, _multiple_told_after, _multiples_of, _premiums
from numcheck.relations.named import _named_comparisons
from numcheck.relations.outdone import _outdone
from numcheck.relations.partlists import _part_lists
from numcheck.relations.partshares import _another_parts, _told_part_shares
from numcheck.relations.peers import _career_places, _counted_superlatives, _placed_peers, _superlative_peers
from numcheck.relations.periods import _months_since, _period_parts
from numcheck.relations.persons import _person_ages
from numcheck.relations.portions import _portions
from numcheck.relations.positions import _rank_moves
from numcheck.relations.predicates import _shares_of_predicates
from numcheck.relations.qualified import _qualifiers_of_shares, _qualifiers_told_after, _qualifiers_told_apart
from numcheck.relations.qualifiers import _qualifiers
from numcheck.relations.reached import _reached_after_move
from numcheck.relations.restatements import (
    _age_words_told,
    _ages_told,
    _bound_totals,
    _bounds_told,
    _dates_told_as_known,
    _definite_changes,
    _definite_told,
    _echoes,
    _events_dated,
    _fractions_told,
    _frames_told,
    _headline_swaps,
    _headline_told,
    _held_told,
    _key_slips,
    _known_sets,
    _margins_told,
    _named_sets_told,
    _pointed_told,
    _records_told,
    _restatements,
    _scale_words,
    _slips_told,
    _swaps_told,
    _time_owned_told,
    _told_twice,
    _totals_in_apposition,
)
from numcheck.relations.results import _results
from numcheck.relations.samples import _asked_shares, _named_groups, _opening_samples, _pronoun_samples, _samples
from numcheck.relations.scopes import _listed_toll, _parts_told_apart, _scoped_parts
from numcheck.relations.scores import _scores
from numcheck.relations.scoring import _scoring
from numcheck.relations.shares import (
    _alone_parts,
    _demonstrative_shares,
    _kinds_within_members,
    _noun_opening_parts,
    _predicate_parts,
    _rates_of_parts,
    _shares_and_parts,
    _shares_told_after,
    _within_concepts,
)
from numcheck.relations.splits import (
    _allocations,
    _case_splits,
    _group_splits,
    _instalments,
    _market_parts,
    _payments,
    _placed_parts,
    _respective_parts,
    _stages,
    _unit_parts,
)
from numcheck.relations.stakes import _stake_rests, _stakes
from numcheck.relations.standings import _standings
from numcheck.relations.stated import (
    _change_noun_after,
    _change_told_after,
    _distant_stated,
    _lead_directions,
    _lead_moves_against,
    _lead_stated_again,
    _near_directions,
    _rate_beside_amount,
)
from numcheck.relations.streaks import _streaks
from numcheck.relations.studies import _study_parts
from numcheck.relations.subgroups import _planned_cuts, _subgroups, _with_parts
from numcheck.relations.subjects import _shares_named_apart, _stated_by_subject
from numcheck.relations.sumruns import _spread_sums
from numcheck.relations.superlatives import _fastest_parts, _placings, _superlatives
from numcheck.relations.tallies import _poll_leads, _poll_moves, _tallies
from numcheck.relations.targets import _targets
from numcheck.relations.tennis import _sets_told, _tennis, _tournament_sets, _won_matches
from numcheck.relations.terms import _terms
from numcheck.relations.timeline import _known_lengths, _timeline_spans
from numcheck.relations.wholes import _beside_shares, _group_shares, _money_shares, _told_wholes, _total_shares

__all__ = ["BUILDERS", "STAGES", "Relation", "build", "family", "same_family", "sized_group"]

Built = Mapping[str, Mapping[object, Relation]]

# First pass: each builder reads the document's tokens and mentions.
BUILDERS: tuple[Callable[[_Doc], Iterator[Relation]], ...] = (
    _groups_named_before,
    _ordinals_within,
    _shares_and_parts,
    _alone_parts,
    _kinds_within_members,
    _breakdowns,
    _composed_after,
    _leaving_rests,
    _changes_and_ranges,
    _increments,
    _against_then,
    _stated_than,
    _group_gaps,
    _to_without_from,
    _from_without_to,
    _versus_year,
    _older_then_stated,
    _multiples_of,
    _reached_after_move,
    _premiums,
    _inferred_multiples,
    _streaks,
    _comparisons,
    _named_comparisons,
    _standings,
    _portions,
    _conversions,
    _period_rates,
    _qualifiers,
    _qualifiers_told_apart,
    _enumerations,
    _won_lists,
    _sized_wholes,
    _remainders,
    _listed_shares,
    _placed_shares,
    _answer_pairs,
    _opposite_answers,
    _stakes,
    _stake_rests,
    _outcomes,
    _complement_shares,
    _same_events,
    _next_days,
    _days_next_to_events,
    _days_apart,
    _overnight,
    _relative_weekdays,
    _match_days,
    _match_eves,
    _dated_twice,
    _after_that,
    _runs,
    _calendar_dates,
    _spans,
    _gap_since,
    _first_in_years,
    _for_years_until,
    _anniversaries,
    _years_later_events,
    _planned,
    _ago,
    _lengths_to_then,
    _years_told_apart,
    _bounded_lengths,
    _closed_between,
    _dated_lengths,
    _nth_years,
    _held_to_now,
    _told_to_now,
    _gaps_to_story,
    _between_events,
    _later_to_now,
    _since_told,
    _held_since,
    _over_range,
    _journeys,
    _absences,
    _ended_told_days,
    _its_anniversaries,
    _anniversary_begun,
    _terms,
    _clock_spans,
    _timeline_spans,
    _known_lengths,
    _ages,
    _thing_ages,
    _ages_then_and_now,
    _birthdays_this_week,
    _ages_in_role,
    _ages_at_acts,
    _youth_ages,
    _ages_after_event,
    _person_ages,
    _match_minutes,
    _fraction_shares,
    _fractions_of_hoped,
    _ranks,
    _titles,
    _only_and_others,
    _running_totals,
    _place_lists,
    _targets,
    _said_changes,
    _balances,
    _all_of_listed,
    _predicate_parts,
    _noun_opening_parts,
    _demonstrative_shares,
    _demonstrative_wholes,
    _period_parts,
    _months_since,
    _study_parts,
    _within_concepts,
    _pronoun_samples,
    _opening_samples,
    _asked_shares,
    _more_of_told,
    _bands,
    _amount_and_share,
    _share_then_amount,
    _multiple_then_levels,
    _another_slices,
    _years_listed,
    _superlatives,
    _placings,
    _placed_parts,
    _respective_parts,
    _payments,
    _allocations,
    _market_parts,
    _group_splits,
    _instalments,
    _stages,
    _case_splits,
    _unit_parts,
    _scoring,
    _golf,
    _fastest_parts,
    _counted_names,
    _counted_countries,
    _counted_next_door,
    _counted_in_order,
    _listed_parts,
    _group_totals,
    _another_of_action,
    _period_slices,
    _ranked,
    _rank_clashes,
    _places_outnumbered,
    _named_superlatives,
    _placed_peers,
    _superlative_peers,
    _counted_superlatives,
    _career_places,
    _tops_behind,
    _outdone,
    _places_behind,
    _only_better,
    _ranked_behind,
    _race_places,
    _recoveries,
    _vote_ratios,
    _superlative_heads,
    _windows,
    _records,
    _sup_figures,
    _crossed_marks,
    _near_misses,
    _overtakes,
    _passed_untold,
    _paces,
    _sequences,
    _listed_series,
    _share_words,
    _tie_breaks,
    _tallies,
    _poll_leads,
    _poll_moves,
    _named_shares,
    _seat_shares,
    _declared_parts,
    _counted_figures,
    _money_shares,
    _place_runs,
    _tennis,
    _sets_told,
    _race_gaps,
    _told_gaps,
    _margins,
    _overall_majorities,
    _tournament_sets,
    _won_matches,
    _rank_moves,
    _results,
    _single_choices,
    _totals_in_apposition,
    _part_lists,
    _spread_sums,
    _itemised_runs,
    _held_runs,
)

# Second stage: builders that read the relations of the first.
STAGES: tuple[Callable[[_Doc, Built], Iterator[Relation]], ...] = (
    _levels_apart,
    _qualifiers_of_shares,
    _qualifiers_told_after,
    _rates_of_parts,
    _distant_stated,
    _change_told_after,
    _change_noun_after,
    _rate_beside_amount,
    _multiple_told_after,
    _moves_apart,
    _older_apart,
    _flows,
    _lead_stated_again,
    _lead_directions,
    _near_directions,
    _lead_moves_against,
    _stated_by_subject,
    _shares_named_apart,
    _scoped_parts,
    _parts_told_apart,
    _scope_parts,
    _subgroups,
    _banded_parts,
    _shares_of_predicates,
    _with_parts,
    _planned_cuts,
    _listed_toll,
    _restatements,
    _frames_told,
    _headline_told,
    _known_sets,
    _held_told,
    _echoes,
    _headline_swaps,
    _events_dated,
    _definite_changes,
    _fractions_told,
    _ages_told,
    _age_words_told,
    _told_twice,
    _named_sets_told,
    _records_told,
    _key_slips,
    _definite_told,
    _time_owned_told,
    _pointed_told,
    _swaps_told,
    _slips_told,
    _dates_told_as_known,
    _margins_told,
    _bounds_told,
    _bound_totals,
    _scale_words,
    _levels,
    _extremes,
    _scores,
    _samples,
    _named_groups,
    _told_wholes,
    _total_shares,
    _group_shares,
    _beside_shares,
    _shares_told_after,
    _told_part_shares,
    _another_parts,
)


def doc_of(view: View) -> _Doc:
    """The document's tokens and mentions, read once per view: the builders and the judges share them."""
    return view.memo("relations-doc", _Doc)  # type: ignore[no-any-return]


def _closes(rel: Relation) -> bool:
    """A breakdown read as its whole total: no label leaves it open."""
    return dict(rel.labels).get("inclusive", "") != "yes"


def _loosely_open(rel: Relation, d: _Doc) -> bool:
    """A breakdown left open only because its list was opened by ", with" (``breakdowns._with_open``), or one
    whose last part is told as the rest ("326 went to A, 262 to B and the remaining 52 to C"): a reader that
    knows the list closes reads it better."""
    if _closes(rel):
        return False
    items = rel.all("item")
    m = d.m.by_fact.get(items[-1]) if items else None
    return dict(rel.labels).get("opened", "") == "with" or (m is not None and "remainder" in m.roles)


def build(view: View) -> Mapping[str, tuple[Relation, ...]]:
    """Every relation in the document, grouped by kind, each once."""
    d = doc_of(view)
    out: dict[str, dict[object, Relation]] = {}
    for builder in BUILDERS:
        for rel in builder(d):
            got = out.setdefault(rel.kind, {}).setdefault(rel.key, rel)
            if got is not rel and rel.kind == "breakdown" and _loosely_open(got, d) and _closes(rel):
                out[rel.kind][rel.key] = rel  # ", with six wins and three draws": a reader that knows it closed
    _drop_parts_as_wholes(out.get("breakdown", {}))
    for stage in STAGES:
        for rel in list(stage(d, out)):
            # A stage may refine a first-pass relation of the same figures (a multiple word found in
            # the lead): the refined one replaces it.
            out.setdefault(rel.kind, {})[rel.key] = rel
    sents = view.doc.sentences
    if sents and sents[-1].section:
        # Two sections under their own headings (a release each, a topic each) are two stories:
        # no figure of one restates a figure of the other.
        rels = out.get("restatement", {})
        for key in [k for k, r in rels.items() if not _one_section(d, r)]:
            del rels[key]
    return {k: tuple(v.values()) for k, v in out.items()}


def _drop_parts_as_wholes(rels: dict[object, Relation]) -> None:
    """A figure the arithmetic reads as one part of a whole told before ("Revenue climbed to £1.42bn.
    Bakery ... £610m. Chilled foods brought in £520m and the frozen arm the remaining £390m") is no whole
    of its later siblings: another reader's breakdown that takes it as the whole of parts of that run is
    dropped (``sumruns``)."""
    spread = [r for r in rels.values() if r.label("spread")]
    if not spread:
        return
    for key, rel in list(rels.items()):
        if rel.label("spread") and not _inside_itemised(rel, spread):
            continue
        total, items = rel.get("total"), set(rel.all("item"))
        if any(total in s.all("item") and items & set(s.all("item")) for s in spread):
            del rels[key]


def _inside_itemised(rel: Relation, spread: list[Relation]) -> bool:
    """A run read by the arithmetic whose whole is one item of a whole told as such ("a £11.8m budget.
    Exhibitions take the largest share, £4.6m. Staff will cost £4.1m, and the building a further £3.1m"):
    the largest item is no whole of its siblings (``itemised``)."""
    total, items = rel.get("total"), set(rel.all("item"))
    return any(
        s.label("itemised") and total in s.all("item") and items <= set(s.all("item")) for s in spread if s is not rel
    )


def _one_section(d: _Doc, rel: Relation) -> bool:
    sents = d.view.doc.sentences
    return len({sents[d.pos_of(i)[0]].section for _, i in rel.roles}) <= 1
