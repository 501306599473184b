"""What the engine tells the analysis and the rules about this run and document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..spelling.spellers import Spellers


@dataclass(frozen=True)
class RunSettings:
    """What the engine tells the rules about this run and document, apart
    from the plugins' own settings (`Context.settings`)."""

    language: str = "auto"  # the `language` setting: "auto", "nl" or "en"
    document_language: str | None = None  # guessed from the text
    kind: str = "auto"  # the `kind` setting or `--kind`: a document kind instead of detection
    words: tuple[str, ...] = ()  # the `words` setting
    words_file: str | None = None  # the project word list (`.qalint-words.txt`) that applies
    # The run's spellers, which keep what they learn for the run's other
    # documents (a private set when None).
    spellers: "Spellers | None" = field(default=None, compare=False, repr=False)

    def text_language(self, profile_language: str) -> str:
        """The configured language, else the document's own, else its profile's."""
        if self.language != "auto":
            return self.language
        return self.document_language or profile_language
