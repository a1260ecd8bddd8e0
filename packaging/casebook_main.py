"""The frozen app's entry point: the same `casebook` command the wheel installs."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
