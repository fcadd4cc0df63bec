"""A group within a larger group named by another noun (vocab [subgroups]), read across sentences."""

from __future__ import annotations

from numcheck.facts import extract
from numcheck.patterns import View
from numcheck.relations import build
from numcheck.vocab import vocab


def subgroup_pairs(text: str, label: str = "subgroup") -> set[tuple[str, str]]:
    view = View(extract(text))
    return {
        (view.facts[r.all("part")[0]].text, view.facts[r.all("whole")[0]].text)
        for r in build(view).get("part", ())
        if r.label("frame") == label
    }


def test_the_hierarchy_is_data() -> None:
    v = vocab()
    assert v.subgroups["hospitalised"] == ("case", False)
    assert v.subgroups["pilot"] == ("staff", True)
    assert "active" in v.narrowing and "several" in v.several


def test_a_group_is_read_against_its_larger_group_in_either_order() -> None:
    # Consistent figures still make the relation: the judge, not the reader, decides.
    assert subgroup_pairs("Officials have confirmed 820 cases. Some 300 people have been taken to hospital.") == {
        ("300", "820")
    }
    assert subgroup_pairs("About 300 patients are in hospital, officials said. They have counted 820 infections.") == {
        ("300", "820")
    }
    assert subgroup_pairs("Skyline Air employs 9,500 staff. The union represents 1,100 of its pilots.") == {
        ("1,100", "9,500")
    }


def test_a_holders_group_must_be_told_as_the_holders() -> None:
    assert subgroup_pairs("Skyline Air employs 9,500 staff. Last year 1,100 pilots applied for jobs.") == set()
    assert subgroup_pairs("Skyline Air employs 9,500 staff. 1,100 pilots at Skyline Air signed.") == {
        ("1,100", "9,500")
    }


def test_another_time_holder_or_narrower_whole_makes_no_relation() -> None:
    assert subgroup_pairs("Skyline Air employed 9,500 staff in 2003. In 2005 its pilots numbered 1,100.") == set()
    assert subgroup_pairs("There are 800 active cases. So far 300 people have been taken to hospital.") == set()
    assert subgroup_pairs("Officials expect 800 cases by May. So far 300 people have been taken to hospital.") == set()
    assert (
        subgroup_pairs("The firm has 900 staff. A union representing 1,100 pilots at several airlines signed.") == set()
    )


def test_with_n_doing_is_a_part_of_the_group_its_subject_names() -> None:
    text = "The club has 3,000 members. Members voted on Sunday, with 2,400 backing the plan."
    assert subgroup_pairs(text) == {("2,400", "3,000")}
    # Another group as the subject, or a narrowed one, is no part of the count told.
    assert subgroup_pairs("The club has 3,000 members. Fans packed the ground, with 2,400 singing.") == set()
    assert subgroup_pairs("The club has 3,000 members. Other members marched, with 2,400 singing.") == set()


def test_a_planned_cut_is_a_part_of_the_level_held_now() -> None:
    assert subgroup_pairs("Acme employs 2,500 people. It plans to cut 900 jobs.", "cut") == {("900", "2,500")}
    assert subgroup_pairs("Acme has 120 stores. It said 40 stores would close.", "cut") == {("40", "120")}
    # A cut already made, or a count of what went, is not read against the level.
    assert subgroup_pairs("Acme has shed 900 jobs and now employs 2,500 people.", "cut") == set()
    assert subgroup_pairs("Officials said 900 jobs had gone. It plans to cut 2,500 jobs.", "cut") == set()
