"""``python -m maturity.cli``: the same command line as the ``maturity`` console script."""

import sys

from maturity.cli.entry import main

sys.exit(main())
