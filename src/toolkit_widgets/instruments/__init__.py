"""Instrument definitions, kept as JSON data files inside the package.

An agency holding an instrument's licensed original wording can replace the
JSON file of that instrument without touching any code.
"""

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(instrument_id: str) -> dict[str, Any]:
    """Return the parsed definition of one instrument, read once per process."""
    text = resources.files(__name__).joinpath(f"{instrument_id}.json").read_text("utf-8")
    return json.loads(text)
