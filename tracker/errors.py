"""Errors the library raises on purpose; the CLI turns each into one line and an exit code."""


class TrackerError(Exception):
    """Base class: a problem with the user's input or the ledger, stated in one line."""

    exit_code = 1


class InputError(TrackerError):
    """A report cannot be read or understood (empty, binary, no plan part, unknown place)."""

    exit_code = 2


class ConflictError(TrackerError):
    """The ledger already holds a different report for the same jurisdiction and year."""

    exit_code = 3
