"""`qalint server`: a language server, so that editors show qalint's
findings while the text is typed and apply its fixes in one click."""

from __future__ import annotations

import os
import sys


def serve() -> int:
    """Speak LSP over standard input and output until the client says exit."""
    from .features import create_server

    server = create_server()
    server.start_io()
    server.checker.save_learnt()  # the session is over: keep what its spellers learnt
    # pygls closed standard output with the connection; later flushes must not fail.
    sys.stdout = open(os.devnull, "w", encoding="utf-8")
    return 0 if server.shut_down else 1  # LSP: exit without shutdown is an error
