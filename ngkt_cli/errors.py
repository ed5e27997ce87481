"""Errors the library raises; the CLI prints their message on one line and exits with `exit_code`."""


class NgktError(Exception):
    """Base class: a problem the user can act on, never a bug."""

    exit_code = 1


class UsageError(NgktError):
    """The command line asks for something that cannot be done (bad year, unknown id)."""

    exit_code = 2


class Refused(NgktError):
    """A correction that would break a rule the data keeps (threads never mix kinds)."""

    exit_code = 1


class DatabaseError(NgktError):
    """The database cannot be opened: corrupt, foreign, or written by a newer ngkt."""

    exit_code = 1


class RejectedInput(NgktError):
    """One input file cannot be ingested; the message names the reason, the caller names the file."""

    exit_code = 1


class NotFound(NgktError):
    """A document, statement or thread id that is not in the database."""

    exit_code = 1


class LockTimeout(NgktError):
    """Another run holds the lock longer than we were told to wait (EX_TEMPFAIL)."""

    exit_code = 75
