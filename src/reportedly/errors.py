"""The ReportedlyError family: every error a user can cause, each saying what to do about it."""

from __future__ import annotations


class ReportedlyError(Exception):
    """Base class; the CLI prints `error: <message>` on one line and exits with code 2."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(ReportedlyError):
    """The input cannot be read as an article."""

    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class EncodingError(InputError):
    code = "E104"


class UnsupportedLanguageError(InputError):
    code = "E105"


class HTMLExtractionError(InputError):
    code = "E106"


class FetchError(InputError):
    """A page could not be fetched (robots.txt, HTTP error, size, content type, timeout)."""

    code = "E107"


class BadOptionError(ReportedlyError):
    """A command-line option or library argument has an invalid value."""

    code = "E200"


class ModelNotFoundError(ReportedlyError):
    code = "E300"


class DatasetError(ReportedlyError):
    """An evaluation dataset is missing or malformed."""

    code = "E400"


class StoreError(ReportedlyError):
    """The corpus database cannot be opened or written."""

    code = "E500"


class SparkError(ReportedlyError):
    """The Spark job cannot start or cannot read its input or output."""

    code = "E600"
