"""`python -m app`: the headless `casebook` command."""

import sys

from app.cli import main

sys.exit(main())
