"""maturity: DevOps maturity self-assessment."""

__version__ = "0.1.0"
