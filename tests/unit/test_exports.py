"""Export files: an envelope that re-imports exactly; imports are checked first."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit_widgets.exports import FORMAT, ImportFileError, read_json, to_csv, to_json

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=1000)
@given(st.dictionaries(st.text(), json_values, max_size=4))
def test_an_export_reimports_exactly(answers):
    text = to_json("gars", 1, answers, "2026-01-01T00:00:00Z")
    assert read_json(text.encode("utf-8"), "gars", 1, lambda a: a) == answers


@settings(max_examples=1000)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_bytes_import_or_raise_our_error(data):
    try:
        read_json(data, "gars", 1, lambda a: a)
    except ImportFileError as error:
        message = error.message
    else:
        message = "imported"
    assert message


def test_older_instrument_versions_are_still_read():
    text = to_json("gars", 1, {"goals": []}, "2026-01-01")
    assert read_json(text, "gars", 2, lambda a: a) == {"goals": []}


def test_the_envelope_names_format_and_versions():
    envelope = json.loads(to_json("lcsa", 3, {}, "2026-01-01"))
    assert envelope["format"] == FORMAT
    assert (envelope["instrument"], envelope["instrument_version"]) == ("lcsa", 3)


@pytest.mark.parametrize("bad", ["=1+1", "+44", "-3", "@SUM(A1)"])
def test_csv_never_starts_a_cell_with_a_formula(bad):
    assert to_csv(["a"], [[bad]]).splitlines()[1] == f"'{bad}"


def test_every_csv_cell_a_spreadsheet_would_run_is_written_as_text():
    """OWASP's list: = + - @ and a leading tab or carriage return."""
    from toolkit_widgets.exports import to_csv

    text = to_csv(["a"], [["=SUM(A1)"], ["+1"], ["-1"], ["@x"], ["\tcmd"], ["\rcmd"], ["ok"]])
    cells = text.split("\r\n")[1:-1]
    assert cells[:4] == ["'=SUM(A1)", "'+1", "'-1", "'@x"]
    assert cells[4] == "'\tcmd"
    assert cells[5] == '"\'\rcmd"'  # quoted by csv because of the \r, and still neutralised
    assert cells[6] == "ok"
