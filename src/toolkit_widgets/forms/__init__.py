"""Practice forms (SMART builder, observation, reflection, planners, agreement...) as data.

Each JSON file here is read by :mod:`toolkit_widgets.form_spec`; see there for
the shape. An agency may replace a file with its own wording, keeping the ids.
"""
