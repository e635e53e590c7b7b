"""Checking, scoring and rendering for the Coaching Toolkit site's worksheets.

The package's layers, each importing only the ones above it:

1. **data**: ``instruments/``, ``forms/``, ``tables/`` (JSON files an agency
   may replace) and their typed records, checked on load: ``spec``,
   ``form_spec``, ``tables``;
2. **scoring**: pure functions over plain data, one module per instrument:
   ``gars``, ``scaling``, ``lcsa``, ``readiness``, ``trust``, ``culture_stage``,
   ``roi``, ``self_assessment``, ``checklist``, ``smart``, ``charts`` (with
   ``checks`` and ``errors`` shared by all);
3. **answers**: each worksheet's answers as plain data: shape, checks, CSV
   (``*_sheet`` modules), the versioned export files (``exports``), and what
   reads whole answers: the practice forms' reviews (``form_reviews``) and the
   trainer's group figures from many export files (``cohort``);
4. **rendering**: ``render/``: a form as data (``form_model``), written as
   HTML (``form_html``), the page's form state read back into answers
   (``form_state``), and each kind's results as escaped HTML;
5. **worksheets**: ``sheets/`` ties a form to its answers and scoring;
   ``catalogue`` lists every worksheet once;
6. **bridge**: ``web``: the JSON-in, JSON-out entry points the page calls.

Pure Python with no dependency, so the same code runs under CPython on a build
machine and under Pyodide in the learner's browser.
"""

from toolkit_widgets.errors import ToolkitInputError

__all__ = ["ToolkitInputError", "__version__"]
__version__ = "0.1.0"
