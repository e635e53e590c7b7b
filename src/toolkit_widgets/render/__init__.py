"""Rendering: a worksheet's form and results as plain HTML, built from data.

* :mod:`~toolkit_widgets.render.form_model` describes a form as data: fields,
  groups and repeated parts, each field knowing where its value sits in the
  answers;
* :mod:`~toolkit_widgets.render.form_html` writes that model as semantic HTML
  (the Sphinx directive puts it into the chapter page at build time, so the
  form works before Python starts and prints as a paper form);
* :mod:`~toolkit_widgets.render.form_state` turns what the learner typed (the
  page's raw form state, kept exactly as typed) into typed answers with a
  message per field, and answers back into form state (imports, old records).

Nothing here scores: results come from the scoring modules, and the
worksheet definitions in :mod:`toolkit_widgets.sheets` tie the two together.
"""
