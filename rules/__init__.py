"""The built-in rules, registered through the same hook a plugin uses."""

from __future__ import annotations

from qalint.engine.hookspecs import hookimpl


@hookimpl
def qalint_rules() -> list[type]:
    from . import (
        consistency, conversion, dates, extraction, footnotes, glued_markers, missing, numbering, references,
        spelling, suppressions, terms,
    )

    families = (
        numbering, missing, references, footnotes, spelling, consistency, terms, dates, conversion, glued_markers,
        extraction, suppressions,
    )
    return [rule for family in families for rule in family.RULES]


@hookimpl
def qalint_config_schema() -> dict:
    return {
        "numbering-start": {
            "type": "integer",
            "minimum": 0,
            "default": 1,
            "description": "The number the first answer should carry (QA104).",
        },
        "marker-markup": {
            "type": "string",
            "pattern": "^(#{1,6} )?(\\*\\*|__|\\*|_)?…(\\*\\*|__|\\*|_)?$",
            "description": "Markup answer and question markers must have, e.g. \"**…**\" or \"### …\" (QA501); "
                           "by default the form most markers have.",
        },
    }
