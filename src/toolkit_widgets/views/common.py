"""Small pieces every worksheet view shares."""

from __future__ import annotations

from html import escape

import ipywidgets as w

PRIVACY = (
    "Your answers are saved only in this browser, on this device, as you type. "
    "They are never sent anywhere."
)


def status_html() -> w.HTML:
    """An initially empty line for a message placed beside a field."""
    box = w.HTML("")
    box.add_class("toolkit-field-message")
    return box


def saved_line(when: str | None) -> str:
    """The visible 'last saved' line shown under a worksheet."""
    if when is None:
        text = f"Not saved yet. {PRIVACY}"
    else:
        text = f"Last saved in this browser at {when}. {PRIVACY}"
    return f'<p class="toolkit-saved" role="status">{escape(text)}</p>'
