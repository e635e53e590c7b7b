"""Sphinx settings for the Coaching Toolkit site.

Build with ``sphinx-build -c . docs <out>``. Settings only: every behaviour
beyond settings lives in a small extension under ``docs/_ext/``.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).parent.resolve()
sys.path.insert(0, str(HERE / "docs" / "_ext"))

project = "The Coaching Toolkit for Child Welfare Practice"
author = "Coaching Toolkit site contributors"
copyright = "2026, Coaching Toolkit site contributors"  # noqa: A001 - Sphinx's name

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",  # {cite} roles and the references page
    "jupyterlite_sphinx",
    "offline_lite",  # local Pyodide + wheels, no CDN; checks the result
    "kernel_pyc",  # .pyc for what the kernel imports at start, compiled by the site's Pyodide
    "math_svg",  # formulas drawn as SVG at build time (MathJax in Node): no script on the page
    "python_bridge",  # _static/comlink.mjs + python-config.json: a page starts its Python worker
    "worksheet",  # the {worksheet} directive that embeds a JupyterLite form
    "my_work",  # the {my-work} page tool: every worksheet this browser keeps, backup, print
    "data_table",  # the {toolkit-table} directive: the book's tables from data
    "agency",  # an agency's edition from agency.toml (or $TOOLKIT_AGENCY_FILE); none: generic
    "aria_roles",  # bibliography entries get a role screen readers know
    "page_meta",  # a meta description on every page, from its first paragraph
    "csp",  # a Content-Security-Policy <meta> on every page, Sphinx and JupyterLite
]

myst_enable_extensions = ["colon_fence", "dollarmath", "deflist"]
html_math_renderer = "svg"  # docs/_ext/math_svg.py
myst_heading_anchors = 3
exclude_patterns = ["_build", "_lite", "_ext", "_contents"]

# One bibliography for the whole site; docs/references.bib, cited by author and year.
bibtex_bibfiles = [str(HERE / "docs" / "references.bib")]  # resolved from the conf dir
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

html_theme = "pydata_sphinx_theme"
html_title = "Coaching Toolkit"
html_static_path = ["docs/_static"]
# layout.html: the theme's, with its search scripts deferred (see the file)
templates_path = ["docs/_templates"]
html_css_files = ["toolkit.css"]
# without an icon the browser asks for /favicon.ico and logs the 404 as an error
html_favicon = "docs/_static/favicon.svg"
html_show_sourcelink = False
# the theme's default "" is not a mode: its script logged an error on every page
html_context = {"default_mode": "auto"}
html_theme_options = {
    "navigation_with_keys": True,
    # eleven chapters: three in the bar, "More", "My work" and a search icon keep
    # the header on one line at 1280 px (the search field pushed it onto two)
    "header_links_before_dropdown": 3,
    # "My work" (every worksheet this browser keeps) stays in the header at every width
    "navbar_persistent": ["my-work-link", "search-button"],
    "show_prev_next": True,
    "footer_start": ["copyright"],
    "footer_end": [],
}

# JupyterLite: built from a prepared folder (see docs/_ext/offline_lite.py) so
# Pyodide and every wheel are served by the site itself. Paths are absolute:
# relative ones silently built a site without the local Pyodide.
LITE_DIR = HERE / "build" / "lite"
jupyterlite_dir = str(LITE_DIR)
jupyterlite_config = str(HERE / "docs" / "_lite" / "jupyter_lite_config.json")
jupyterlite_contents = [str(HERE / "worksheets")]
jupyterlite_bind_ipynb_suffix = False
jupyterlite_silence = True

offline_lite_pyodide_version = "314.0.6"
offline_lite_cache = str(HERE / "build" / "cache")
offline_lite_package = str(HERE)
# bytecode compiled ahead for the kernel (docs/_ext/kernel_pyc.py); ./dev bench
# builds once with TOOLKIT_KERNEL_PYC=0 to compare
kernel_pyc = os.environ.get("TOOLKIT_KERNEL_PYC", "1") != "0"
