"""What the site's Python imports at start: run by compile-pyc.mjs in Pyodide.

Two starts share the site's Pyodide: a chapter page's worker
(``_static/python-worker.mjs``: ``toolkit_widgets.web``, then a page call per
worksheet) and a "Python under the hood" notebook's JupyterLite kernel. This
repeats, in order, what the kernel worker runs when it starts
(jupyterlite-pyodide-kernel 0.8.6, ``initPackageManager`` and ``initKernel``)
and a notebook's first cell, then asks every worksheet for its results once,
so that modules imported on first use are seen too. It leaves ``IMPORTED``:
the file of every module then loaded.
"""

import pkgutil
import sys
from importlib import import_module

import piplite.piplite  # noqa: F401  (initPackageManager)
import pyodide_kernel  # initKernel

shell = pyodide_kernel.kernel_instance.interpreter
# a first cell, through IPython as the kernel runs it: its display machinery
# and compiler are part of every notebook's start
shell.run_cell(
    "import json as _tk_json\n"
    "from IPython.display import display as _tk_display\n"
    "import toolkit_widgets.web as _tk_web\n"
    "_tk_display({'application/json': {'ready': True}}, raw=True)\n"
)

import toolkit_widgets  # noqa: E402
from toolkit_widgets import catalogue, web  # noqa: E402

for module in pkgutil.walk_packages(toolkit_widgets.__path__, "toolkit_widgets."):
    import_module(module.name)
for name in catalogue.NAMES:
    web.compute(name, "{}")
web.cohort("[]")

IMPORTED = sorted(
    {module.__file__ for module in list(sys.modules.values()) if getattr(module, "__file__", None)}
)
