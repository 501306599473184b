"""The background compile's process (started by `background.py`):

    python -m qalint.spelling.compile_tables LANGUAGE FOLDER STEM [LANGUAGE FOLDER STEM ...]

compiles each table at low priority and removes its marker when done.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .dictionary import Dictionary, DictionaryUnavailable


def main(arguments: list[str]) -> int:
    try:
        os.nice(10)  # the runs in the foreground come first
    except (AttributeError, OSError):
        pass
    for index in range(0, len(arguments) - 2, 3):
        language, folder, stem = arguments[index:index + 3]
        dictionary = Dictionary(language, Path(folder), stem)
        try:
            dictionary.open()
        except DictionaryUnavailable:
            pass
        finally:
            marker = dictionary.marker_path()
            if marker is not None:
                marker.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
