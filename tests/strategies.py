"""Hypothesis strategies shared by the property tests: answers, good and bad."""

from hypothesis import strategies as st

#: values that are never a valid rating: wrong types, fractions, NaN, infinities, bools
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=5),
    st.floats().filter(lambda x: not x.is_integer()),
    st.lists(st.integers(), max_size=2),
)


def ratings_for(item_ids, low, high):
    """Complete, valid answers: every item rated low..high."""
    return st.fixed_dictionaries({item_id: st.integers(low, high) for item_id in item_ids})


# --- hostile JSON: what an attacker or a damaged file can put in an answers file ----

#: placeholders drawn as strings, written into the JSON text as what no value can hold
RAW = {
    "<<deep>>": "[" * 5000 + "]" * 5000,
    "<<1e400>>": "1e400",
    "<<NaN>>": "NaN",
    "<<-Infinity>>": "-Infinity",
    "<<huge>>": "9" * 400,
}
#: texts that broke something once: lone surrogates, formulas, times that are no time
NASTY_TEXT = ("\ud800", "a\udfffb", "=1+1", "\tcmd", "@x", "-3", "zzzz", "2026-13-01", "")
#: keys of the site's envelopes, answers and form states, so a drawn object can hit them
KEYS = (
    "format",
    "instrument",
    "format_version",
    "saved_at",
    "sheet_id",
    "answers",
    "goals",
    "weight",
    "title",
    "ratings",
    "values",
    "rows",
)

hostile_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**40), 10**40),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(NASTY_TEXT),
    st.sampled_from(sorted(RAW)),
)
hostile_json = st.recursive(
    hostile_leaf,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)


def hostile_text(value: object) -> str:
    """``value`` as JSON text, each RAW placeholder replaced by what it stands for."""
    import json

    text = json.dumps(value)  # NaN and infinities as JSON's NaN, Infinity; surrogates escaped
    for placeholder, raw in RAW.items():
        text = text.replace(json.dumps(placeholder), raw)
    return text


def _paths(value: object) -> list[tuple[object, ...]]:
    """Every place in ``value`` (itself, each key's value, each item), walked without recursion."""
    found: list[tuple[object, ...]] = []
    stack: list[tuple[object, tuple[object, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        found.append(path)
        if isinstance(node, dict):
            stack.extend((item, (*path, key)) for key, item in node.items())
        elif isinstance(node, list):
            stack.extend((item, (*path, index)) for index, item in enumerate(node))
    return sorted(found, key=lambda path: (len(path), repr(path)))


def _put(value: object, path: tuple[object, ...], new: object) -> object:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _put(value[head], rest, new)}
    copy = list(value)  # type: ignore[arg-type]
    copy[head] = _put(copy[head], rest, new)  # type: ignore[index]
    return copy


def replace_somewhere(data: st.DataObject, value: object, by: st.SearchStrategy) -> object:
    """``value`` with one of its places, drawn evenly among all, swapped for a draw from ``by``.

    Even among all places, so the texts and numbers deep inside a record (a goal's
    title, one rating) are hit as often as the envelope's own keys.
    """
    path = data.draw(st.sampled_from(_paths(value)))
    return _put(value, path, data.draw(by))
