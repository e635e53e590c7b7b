"""Worksheet definitions: each ties a form model to its answers' checks and its scoring.

A :class:`~toolkit_widgets.sheets.base.Worksheet` knows its form (as data),
its blank answers, the check every answers object goes through (form,
the page's keeping, import), its results and print summary as HTML, and its CSV table.
It scores nothing itself: it calls the pure scoring modules. The catalogue
(:mod:`toolkit_widgets.catalogue`) lists every worksheet once.
"""
