"""Units: the word table matches pint, and pint stays out of unit-free extraction."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

from numcheck import units


def test_every_unit_name_is_a_pint_unit_with_its_dimension() -> None:
    # The table's dimension names and pint's dimensionalities must agree.
    expected = {
        "length": "[length]",
        "mass": "[mass]",
        "area": "[length] ** 2",
        "volume": "[length] ** 3",
        "speed": "[length] / [time]",
        "temperature": "[temperature]",
        "time": "[time]",
        "energy": "[length] ** 2 * [mass] / [time] ** 2",
        "power": "[length] ** 2 * [mass] / [time] ** 3",
        "frequency": "1 / [time]",
        "information": "[information]",
        "bitrate": "[information] / [time]",
        "pressure": "[mass] / [length] / [time] ** 2",
        "dose": "[length] ** 2 / [time] ** 2",
        "voltage": "[length] ** 2 * [mass] / [current] / [time] ** 3",
        "massflow": "[mass] / [time]",
        "action": "[length] ** 2 * [mass] / [time]",
    }
    reg = units.registry()
    for name, unit in units.UNITS.items():
        assert reg.Unit(name).dimensionality == reg.get_dimensionality(expected[unit.dim]), name


def test_conversions() -> None:
    assert units.convert(Decimal(10), "mile", "kilometre").quantize(Decimal("0.001")) == Decimal("16.093")
    assert units.convert(Decimal(40), "degree_Celsius", "degree_Fahrenheit") == Decimal(104)
    assert units.convert(Decimal(5), "kilogram / centimetre ** 3", "gram / metre ** 3") == Decimal(5) * 10**9
    assert units.convert(Decimal(2), "gigayear", "megayear") == Decimal(2000)
    assert units.convert(Decimal(1), "kibibyte", "byte") == Decimal(1024)


def test_match_after_reads_words_symbols_powers_and_rates() -> None:
    def unit(text: str) -> str | None:
        m = units.match_after(text, text.index("|") + 1)
        return None if m is None else m.unit.name

    assert unit("a 6|-mile walk") == "mile"
    assert unit("ran 5| km today") == "kilometre"
    assert unit("an area of 40| m² here") == "square_metre"
    assert unit("winds of 90| km/h") == "kilometre_per_hour"
    assert unit("uses 7| litres per day") == "litre / day"
    assert unit("about 12| parsecs") is None


def test_match_after_reads_inverse_powers_and_power_words() -> None:
    def unit(text: str) -> str | None:
        m = units.match_after(text, text.index("|") + 1)
        return None if m is None else m.unit.name

    # Science copy writes a rate as an inverse: "s-1", "s⁻¹", "fb−1".
    assert unit("the pulse repeats at 3e9| s-1 in the lab") == "1 / second"
    assert unit("a decay rate of 0.2| s⁻¹ was seen") == "1 / second"
    assert unit("the run gathered 12| fb−1 of collisions") == "1 / femtobarn"
    # A bare "s" is no unit, and a one-letter symbol with a hyphen names a thing ("F-1").
    assert unit("after 10| s the") is None
    assert unit("she flew 3| F-1 jets") == "degree_Fahrenheit"  # the plain symbol; facts rejects it
    # "cubic"/"square" before any length word, not only the spellings the table lists.
    assert unit("the lake holds 7| cubic kilometres of water") == "kilometre ** 3"
    assert unit("a farm of 40| square yards") == "yard ** 2"
    assert unit("a flat of 60| square metres") == "square_metre"


def test_rate_denominator_after_money() -> None:
    m = units.match_per("$9/hour", 2)
    assert m is not None and m.unit.name == "hour"
    m = units.match_per("£2 per kg of flour", 2)
    assert m is not None and m.unit.name == "kilogram"
    assert units.match_per("$2 per share", 2) is None


def test_unit_free_extraction_does_not_import_pint() -> None:
    code = (
        "import sys\n"
        "from numcheck import extract\n"
        "doc = extract('Some 40 staff, or 12% of the firm, lost £3.2bn on Monday, two days ahead of the vote. "
        "The 6km race was 3 miles long.')\n"
        "assert len(doc.facts) >= 5, doc.facts\n"
        "print('pint' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_conversions_agree_with_pint_for_every_pair_of_units_of_one_dimension() -> None:
    # units.convert reads data/units.txt itself (pint's import cost a quarter of a second a run); pint
    # stays the reference it is held to.
    reg = units.registry()
    by_dim: dict[str, list[str]] = {}
    for name, unit in units.UNITS.items():
        by_dim.setdefault(unit.dim, []).append(name)
    checked = 0
    for names in by_dim.values():
        for a in names:
            for b in names:
                for value in (Decimal("0"), Decimal("1"), Decimal("37.5"), Decimal("-40")):
                    want = Decimal(reg.Quantity(value, a).to(b).magnitude)
                    got = units.convert(value, a, b)
                    assert abs(got - want) <= abs(want) * Decimal("1e-20") + Decimal("1e-20"), (a, b, value, got, want)
                    checked += 1
    assert checked > 1000


def test_a_conversion_is_checked_without_importing_pint() -> None:
    code = (
        "import sys, numcheck; r = numcheck.check_text('The road is 10 miles (26 km) long.'); "
        "assert [f.code for f in r.findings], r; print('pint' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
