"""Vietnamese numbers as the resolution writes them and as users type them."""

import pytest

from bot.errors import NumberFormatError
from bot.vietnamese.numbers import (
    format_vietnamese_number,
    parse_resolution_number,
    parse_user_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.370", 2370.0),
        ("1.800", 1800.0),
        ("7,5", 7.5),
        ("0,089", 0.089),
        ("01", 1.0),
        ("3,05", 3.05),
        ("1.234.567", 1234567.0),
        ("1.234,5", 1234.5),
    ],
)
def test_resolution_numbers(text: str, value: float) -> None:
    assert parse_resolution_number(text) == value


@pytest.mark.parametrize("text", ["7.5", "2,370,000", "abc", "", "1.23"])
def test_resolution_numbers_reject_other_conventions(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_resolution_number(text)


@pytest.mark.parametrize(
    ("text", "value", "alternatives"),
    [
        ("7.5", 7.5, ()),
        ("7,5", 7.5, ()),
        ("54,2%", 54.2, ()),
        ("2370", 2370.0, ()),
        ("01", 1.0, ()),
        ("65.3", 65.3, ()),
        ("0.089", 0.089, ()),
        # Ambiguous: the Vietnamese reading first, the other kept.
        ("2.370", 2370.0, (2.37,)),
        ("1,800", 1.8, (1800.0,)),
        # Three zero decimals are never written: thousands only.
        ("3.000", 3000.0, ()),
        ("2,000", 2000.0, ()),
        ("1.234.567", 1234567.0, ()),
        ("1.234,5", 1234.5, ()),
        ("1,234.5", 1234.5, ()),
    ],
)
def test_user_numbers(text: str, value: float, alternatives: tuple[float, ...]) -> None:
    number = parse_user_number(text)
    assert number.value == value
    assert number.alternatives == alternatives


@pytest.mark.parametrize(
    "text", ["", "abc", "1..2", "1.2.3", "1,2.3,4", "9" * 400, "1" * 19, "1." + "0" * 30]
)
def test_user_numbers_reject_garbage(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_user_number(text)


@pytest.mark.parametrize(
    ("value", "text"), [(2370, "2.370"), (7.5, "7,5"), (0.089, "0,089"), (1800000, "1.800.000")]
)
def test_format_vietnamese_number(value: float, text: str) -> None:
    assert format_vietnamese_number(value) == text
