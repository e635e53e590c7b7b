"""The package's own exceptions.

Every problem with what a learner entered is raised as a subclass of
:class:`ToolkitInputError`, itself a :class:`ValueError`, so that a worksheet
can catch one type and show its message beside the field. Messages name the
field, what is allowed and what was received, in words a learner can act on.
"""


class ToolkitInputError(ValueError):
    """Input that cannot be scored; the message says what to change.

    ``field`` names the input the message belongs to (for example
    ``"goal 2 level"``) so a view can place it beside that input.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
