"""qalint's version (its own module, so that what reports it imports nothing else)."""

__version__ = "0.3.1"
