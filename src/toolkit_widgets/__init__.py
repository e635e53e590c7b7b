"""Scoring and worksheet views for the Coaching Toolkit site.

The package has three layers, each importable on its own:

* ``instruments/`` holds instrument definitions as data files (labels, scales);
* pure scoring modules (``gars``) compute results from plain numbers;
* ``views/`` builds ipywidgets forms that only read input and show results.

The scoring layer is pure Python with no compiled dependency, so the same code
runs under CPython on a build machine and under Pyodide in the learner's browser.
"""

from toolkit_widgets.errors import ToolkitInputError

__all__ = ["ToolkitInputError", "__version__"]
__version__ = "0.1.0"
