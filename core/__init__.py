"""newskit: plugin-based text analytics for Chinese tech news."""

__version__ = "0.1.0"

from .analyzer import Analyzer  # noqa: E402
from .document import Document, Sentence, Span  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402

__all__ = ["Analyzer", "Document", "Sentence", "Span", "hookimpl", "__version__"]
