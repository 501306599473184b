"""Checking many documents: discovery, worker processes, the result cache, Dask."""
