import sys

from maturity.launch import main

sys.exit(main())
