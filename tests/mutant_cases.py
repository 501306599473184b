"""What the mutation tests share: a title block and the findings of one rule."""

from __future__ import annotations

from conftest import lint, where

HEAD = "Vragen van het lid Jansen (VVD) aan de minister van Financiën over de begroting (ingezonden 3 maart 2024).\n\n"


def found(text: str, select: str, path: str = "doc.md", **settings) -> list[tuple[tuple[int, int, int, int], str]]:
    """(span, message) of each finding of the rules `select` names (a code or a category)."""
    return [(where(f), f.message) for f in lint(text, path, select=[select], **settings)]
