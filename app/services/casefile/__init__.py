"""The case as a whole: its interchange file and the demo case."""
