"""Which language a document is spell-checked in (a module of its own, so that
rules can ask without loading the spelling engine)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analysis.run import RunSettings
    from ..profiles import Profile

# The languages qalint has dictionaries for.
CHECKED_LANGUAGES = ("nl", "en")


def checked_language(run: RunSettings, profile: Profile) -> str | None:
    """"nl" or "en": the configured language, or the document's own; None
    for a document in another language, which no dictionary here checks."""
    language = run.text_language(profile.language)
    return language if language in CHECKED_LANGUAGES else None
