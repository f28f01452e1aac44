"""The command line: ``maturity [--store STORE] COMMAND ...``.

One module per command group, each with a ``register(sub)`` that adds its subcommands and
``cmd_*`` functions that take the parsed arguments and the command's
:class:`~maturity.cli.context.CliContext` (the one owner of the open stores):

- :mod:`~maturity.cli.entry`: the parser, ``main`` (errors and exit codes) and the TUI start
- :mod:`~maturity.cli.common`: exit codes, the parser class, JSON output, shared flag types
- :mod:`~maturity.cli.context`: :class:`CliContext`, the stores opened lazily, closed at exit
- :mod:`~maturity.cli.assessments`: ``new``, ``list``, ``show``, ``answer``, ``delete``
- :mod:`~maturity.cli.exchange`: ``import``, ``export``
- :mod:`~maturity.cli.report`: ``report``
- :mod:`~maturity.cli.coach`: ``teams``, ``team``, ``complete``, ``reopen``, ``compare``,
  ``trend``, ``portfolio``
- :mod:`~maturity.cli.team`: ``join``, ``serve``
- :mod:`~maturity.cli.plan`: ``target``, ``plan``, ``actions``, ``action``
- :mod:`~maturity.cli.questionnaire`, :mod:`~maturity.cli.dora` (+ :mod:`~maturity.cli.measure`),
  :mod:`~maturity.cli.store`
- :mod:`~maturity.cli.textout`: plain-text rendering of results for the terminal

Modules import only public names from each other. ``maturity.cli:run`` is the console script.
"""

from maturity.cli.entry import main, run

__all__ = ["main", "run"]
