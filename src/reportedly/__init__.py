"""reportedly: who said what, when, according to whom — and where the story came from."""

from __future__ import annotations

__version__ = "0.1.0"

from .analyze import analyze, prepare  # noqa: E402
from .errors import ReportedlyError  # noqa: E402
from .models import Analysis, Attribution, Entity, Mention, Quote, TimeExpr  # noqa: E402

__all__ = [
    "analyze",
    "prepare",
    "Analysis",
    "Attribution",
    "Entity",
    "Mention",
    "Quote",
    "TimeExpr",
    "ReportedlyError",
    "__version__",
]
