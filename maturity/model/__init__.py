"""Pydantic models of the file formats and results: data only, no I/O and no rules."""
