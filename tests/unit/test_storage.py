import asyncio

from toolkit_widgets.storage import MemoryStore, default_store


def test_memory_store_round_trips_answers():
    store = MemoryStore()
    answers = {"goals": [{"title": "Family meetings", "baseline": -1}], "rho": 0.3}
    asyncio.run(store.save("gars", answers))
    assert asyncio.run(store.load("gars")) == answers
    assert asyncio.run(store.load("other")) is None


def test_outside_a_browser_the_default_store_is_in_memory():
    assert isinstance(default_store(), MemoryStore)
