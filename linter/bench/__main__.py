"""`python -m qalint.bench`: prints the figures."""

from . import main

raise SystemExit(main())
