"""Benchmark: phrasing families. Each family holds one error written several ways, in our own words.

    .venv/bin/python bench/paraphrases.py            # every family
    .venv/bin/python bench/paraphrases.py share sum  # some families
    .venv/bin/python bench/paraphrases.py --misses   # and each paraphrase missed or falsely flagged

Every row is a template with two sets of values: the first makes the text
consistent (it must stay clean: no warning or error), the second plants one
error (it must be flagged). The mutation sets measure recall on real
articles; this grid asks a narrower question, whether a family of English
phrasings of one relation is read alike, and keeps a check tuned to one
sentence from looking better than it is. The sentences are the project's
own; none comes from the corpus.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numcheck  # noqa: E402
from numcheck.model import Rule  # noqa: E402

FAMILIES: dict[str, list[tuple[str, dict[str, object], dict[str, object]]]] = {
    "share": [
        (
            "Of the {w} staff surveyed, {p} ({s}%) said they were happy.",
            dict(w=120, p=70, s=58),
            dict(w=120, p=70, s=48),
        ),
        (
            "The survey covered {w} staff. Of those, {p} ({s}%) were happy.",
            dict(w=120, p=70, s=58),
            dict(w=120, p=70, s=48),
        ),
        ("{p} out of {w} staff, i.e. {s}%, were happy.", dict(w=120, p=70, s=58), dict(w=120, p=70, s=48)),
        (
            "A total of {w} staff were surveyed; {p} of them, or {s}%, were happy.",
            dict(w=120, p=70, s=58),
            dict(w=120, p=70, s=48),
        ),
        ("{p} of the {w} councillors ({s}%) backed the plan.", dict(w=45, p=27, s=60), dict(w=45, p=27, s=58)),
        ("Labour won {p} of the {w} seats, or {s}% of the total.", dict(w=60, p=33, s=55), dict(w=60, p=33, s=45)),
        (
            "The firm cut {p} jobs, {s}% of its {w}-strong workforce.",
            dict(w=2000, p=300, s=15),
            dict(w=2000, p=300, s=25),
        ),
        (
            "Around {s}% of the {w} patients, some {p} people, recovered.",
            dict(w=400, p=100, s=25),
            dict(w=400, p=100, s=35),
        ),
        ("One in {k} of the {w} pupils, or {p}, failed.", dict(w=600, p=120, k="five"), dict(w=600, p=200, k="five")),
        ("Half of the {w} firms, {p} in all, reported losses.", dict(w=80, p=40), dict(w=80, p=50)),
    ],
    "change": [
        (
            "Ticket sales reached {b}, up {c}% from {a} a year earlier.",
            dict(a="20,000", b="25,000", c=25),
            dict(a="20,000", b="25,000", c=30),
        ),
        (
            "Ticket sales rose by {c}%, to {b} from {a}.",
            dict(a="20,000", b="25,000", c=25),
            dict(a="20,000", b="25,000", c=30),
        ),
        (
            "In 2023 ticket sales were {a}. In 2024 they rose {c}% to {b}.",
            dict(a="20,000", b="25,000", c=25),
            dict(a="20,000", b="25,000", c=30),
        ),
        ("Profits fell {c}% to $2.1bn from $2.8bn.", dict(c=25), dict(c=35)),
        ("Net profit was $2.1bn, down {c}% on the $2.8bn made a year earlier.", dict(c=25), dict(c=35)),
        ("Exports grew {c}% in May. They reached £9.9bn, compared with £9bn in April.", dict(c=10), dict(c=20)),
        ("The company said revenue jumped {c}% to $50m. A year ago revenue was $40m.", dict(c=25), dict(c=35)),
        ("Membership has increased from 400 to 500, a rise of {c}%.", dict(c=25), dict(c=35)),
        ("House prices rose by £{c} to £210,000, from £200,000 in March.", dict(c="10,000"), dict(c="15,000")),
    ],
    "direction": [
        ("Unemployment fell to {b}% in May from {a}% in April.", dict(a=5.2, b=4.9), dict(a=4.7, b=4.9)),
        ("Unemployment rose to {b}% in May, up from {a}% in April.", dict(a=4.7, b=4.9), dict(a=5.2, b=4.9)),
        ("Sales of $4.2bn were well above last year's ${a}bn.", dict(a=3.6), dict(a=4.6)),
        ("Growth slowed to {b}% this year from {a}% last year.", dict(a=3.1, b=2.4), dict(a=2.1, b=2.4)),
        ("Profits grew to £{b}m. That was ahead of the £{a}m analysts expected.", dict(a=40, b=45), dict(a=50, b=45)),
        ("The party's share of the vote dropped to {b}% from {a}%.", dict(a=38, b=33), dict(a=31, b=33)),
        ("Turnout was {b}%, lower than the {a}% seen in 2019.", dict(a=67, b=61), dict(a=57, b=61)),
        ("The shares closed at 150p, down from {a}p on Monday.", dict(a=160), dict(a=140)),
        ("Inflation eased to {b}% in June. In May it had been {a}%.", dict(a=2.9, b=2.5), dict(a=2.1, b=2.5)),
    ],
    "multiple": [
        ("Sales doubled from {a} to 900 units.", dict(a=450), dict(a=300)),
        ("The number of cases has tripled to {b}, from 200 last month.", dict(b=600), dict(b=900)),
        ("Profits halved to ${b}m from $120m.", dict(b=60), dict(b=40)),
        (
            "Visitor numbers have doubled since 2019, when 40,000 came. This year {b} are expected.",
            dict(b="80,000"),
            dict(b="120,000"),
        ),
        ("Prices are twice as high as the $3 they were a year ago, at ${b}.", dict(b=6), dict(b=9)),
    ],
    "sum": [
        ("The 30 seats were split: Labour 14, Conservatives 9 and Liberal Democrats {x}.", dict(x=7), dict(x=9)),
        ("Of the 120 staff, 80 are teachers and the other {x} are support workers.", dict(x=40), dict(x=50)),
        ("Three countries - France, Spain and {c} - signed the deal.", dict(c="Italy"), dict(c="Italy and Greece")),
        (
            "Labour took 41% of the vote, the Conservatives 33%, the Liberal Democrats 19% and the Greens {x}%.",
            dict(x=6),
            dict(x=12),
        ),
        ("The £9m cost includes £5m for the building and £{x}m for equipment.", dict(x=3), dict(x=6)),
        (
            "Police made 24 arrests on Friday. Another {x} people were arrested on Saturday, bringing the total to 40.",
            dict(x=16),
            dict(x=20),
        ),
        (
            "Of the 50 passengers, 20 were British, 18 were French and the remaining {x} were Spanish.",
            dict(x=12),
            dict(x=22),
        ),
    ],
    "part": [
        ("{p} of the {w} members voted yes.", dict(p=16, w=20), dict(p=26, w=20)),
        (
            "The council has 4,300 employees. Unions say {p} of the council's staff will strike.",
            dict(p="3,400"),
            dict(p="5,400"),
        ),
        ("Of the county's 85,000 households, {p} have broadband.", dict(p="72,000"), dict(p="92,000")),
        ("A total of 978 people have died, including {p} in the capital.", dict(p=208), dict(p="1,208")),
    ],
    "qualifier": [
        ("A majority of members ({s}%) backed the deal.", dict(s=58), dict(s=48)),
        ("Nearly half of voters, {s}%, stayed at home.", dict(s=46), dict(s=54)),
        ("More than two-thirds of firms, {s}%, expect growth.", dict(s=70), dict(s=62)),
        ("The death toll nears 500. Officials said {x} people had died.", dict(x=484), dict(x=584)),
        ("Hundreds of fans, some {x}, queued overnight.", dict(x=400), dict(x="4,000")),
        ("Almost a third of pupils ({s}%) passed.", dict(s=31), dict(s=36)),
    ],
    "restated": [
        (
            "The storm killed 61 people.\n\nOfficials said later that {x} people had been killed by the storm.",
            dict(x=61),
            dict(x=16),
        ),
        ("Turnout was 64%.\n\nThe electoral commission confirmed that turnout was {x}%.", dict(x=64), dict(x=46)),
    ],
}


def severe(text: str, rules: Sequence[Rule]) -> int:
    """Warnings and errors on ``text`` set under a headline, as a short article."""
    report = numcheck.check_text("Headline\n\n" + text + "\n", "paraphrase.txt", rules=rules)
    return sum(1 for f in report.findings if f.severity in ("warning", "error"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("families", nargs="*", help=f"some of: {', '.join(FAMILIES)}")
    ap.add_argument("--misses", action="store_true", help="print each paraphrase missed or falsely flagged")
    args = ap.parse_args(argv)
    rules = numcheck.load_rules()
    flagged = clean = total = 0
    for family, rows in FAMILIES.items():
        if args.families and family not in args.families:
            continue
        f_ok = c_ok = 0
        for template, good, bad in rows:
            c = severe(template.format(**good), rules) == 0
            f = severe(template.format(**bad), rules) > 0
            c_ok += c
            f_ok += f
            if args.misses and not (c and f):
                what = ("false alarm " if not c else "") + ("missed" if not f else "")
                print(f"  {family:10s} {what.strip():22s} {template.format(**(good if not c else bad))!r}")
        print(f"{family:10s} flagged {f_ok:2d}/{len(rows):<2d}  clean {c_ok:2d}/{len(rows)}")
        flagged += f_ok
        clean += c_ok
        total += len(rows)
    print(f"{'all':10s} flagged {flagged:2d}/{total:<2d}  clean {clean:2d}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
