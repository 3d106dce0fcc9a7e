"""Errors kg reports to its user as one line; the CLI prints them and exits non-zero."""


class KgError(Exception):
    """Base class: the message is the whole one-line explanation."""

    exit_code = 1


class DocumentError(KgError):
    """A document cannot be read (binary, no encoding reads it, empty, no article in a page, missing)."""


class RulesError(KgError):
    """A rule or gazetteer file under ontology/ is malformed."""


class StoreError(KgError):
    """The store is missing, in use by another process, or damaged."""


class QueryError(KgError):
    """A SPARQL query is malformed."""

    exit_code = 2


class StoppedError(KgError):
    """A query ran past its time limit or memory bound and was stopped."""


class Interrupted(KgError):
    """The user pressed Ctrl-C; the work in progress was stopped and nothing was written."""

    exit_code = 130
