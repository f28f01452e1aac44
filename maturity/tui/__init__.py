"""The Textual front end: ``maturity`` with no command opens it (see :mod:`maturity.tui.app`)."""
