"""ipywidgets views: forms that read input, call scoring, and show results.

Views do no arithmetic; every number they show comes from a scoring module.
"""
