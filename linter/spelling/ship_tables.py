"""Regenerates the compiled tables shipped with qalint (see `prebuilt.py`):

    python -m qalint.spelling.ship_tables
"""

from __future__ import annotations

import shutil
import sys

from .dictionary import CACHE_VERSION, dictionary
from .prebuilt import FOLDER, LANGUAGES, identity, write_shipped


def main() -> int:
    for language in LANGUAGES:
        source = dictionary(language)
        path = write_shipped(source.stem, source.compile_entries(), identity(source.folder, source.stem, CACHE_VERSION))
        shutil.copyfile(source.folder / f"{source.stem}.license", FOLDER / f"{source.stem}.license")
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
