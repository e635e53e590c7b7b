"""The package's own exceptions.

Every problem with what a learner entered is raised as a subclass of
:class:`ToolkitInputError`, itself a :class:`ValueError`, so that a worksheet
can catch one type and show its message beside the field. Messages name the
field, what is allowed and what was received, in words a learner can act on.

A broken instrument data file (for example an agency's replacement wording
file) raises :class:`InstrumentDataError`, naming the file, key and reason.
"""


class ToolkitError(ValueError):
    """Base class of every error this package raises on purpose."""


class ToolkitInputError(ToolkitError):
    """Input that cannot be scored; the message says what to change.

    ``field`` names the input the message belongs to (for example
    ``"goal 2 level"``) so a view can place it beside that input.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class OutOfRangeError(ToolkitInputError):
    """A rating or number outside what the instrument allows, or not a number."""


class MissingAnswerError(ToolkitInputError):
    """An item that must be answered before scoring has no answer."""


class UnknownItemError(ToolkitInputError):
    """An answer for an item the instrument does not have."""


class DuplicateGoalError(ToolkitInputError):
    """Two goals with the same name on one sheet."""


class InvalidDateError(ToolkitInputError):
    """A date that cannot be read, or dates in an impossible order."""


class RefusedAnswerError(ToolkitInputError):
    """An answer in a file or record that the worksheet's form would not accept if typed.

    Imports, old records and the cohort view raise it from the form's own
    per-field checks, so a file can never hold what the form refuses.
    """


class InstrumentDataError(ToolkitError):
    """An instrument data file that does not match the instrument schema."""

    def __init__(self, source: str, key: str, reason: str) -> None:
        super().__init__(f"{source}: {key}: {reason}")
        self.source = source
        self.key = key
        self.reason = reason
