"""What a chapter page's Python imports: run by page-python.mjs in Pyodide.

A page's worker (``_static/python-worker.mjs``) starts Pyodide, imports
``toolkit_widgets.web`` and calls its page calls. This does the same for every
worksheet, with empty and damaged input, and imports every module of the
package, so that modules imported on first use are seen too. It leaves
``IMPORTED``: the file of every module then loaded (Pyodide's own start
included), from which ``page_zip.py`` writes the page's zip.
"""

import json
import pkgutil
import sys
from importlib import import_module

import toolkit_widgets
from toolkit_widgets import catalogue, web

for module in pkgutil.walk_packages(toolkit_widgets.__path__, "toolkit_widgets."):
    import_module(module.name)
for name in catalogue.NAMES:
    web.compute(name, "{}")
    web.compute(name, '{"values": {"x": 1}, "rows": {"x": [1]}, "sheet_id": 5}')
    web.read_answers(name, "{}")
    web.read_answers(name, "{")
    web.handoff(name, "{}", "")
web.cohort("[]")
web.cohort(json.dumps([{"name": "a.json", "text": "{}", "size": 2}]), "2026-01-31")
web.read_backup("{}")

IMPORTED = sorted(
    {module.__file__ for module in list(sys.modules.values()) if getattr(module, "__file__", None)}
)
