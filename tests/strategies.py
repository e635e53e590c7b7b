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
