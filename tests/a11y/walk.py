"""Walk Casebook's accessibility tree as a screen reader sees it (AT-SPI, Debian's pyatspi),
section by section: ask the window for each section (CONTROL), wait until its log says it is
shown, then note every focusable node on screen as [role, name]. Prints one JSON object,
section → nodes. Run with the system's python3.

    python3 walk.py CONTROL LOG SECTION...
"""

import json
import sys
import time
from pathlib import Path

import pyatspi

control, log, sections = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]


def casebook():
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    return next((a for a in apps if a is not None and a.name.lower().startswith("casebook")),
                None)


def walk(node, found):
    """Every focusable, showing node under `node`."""
    try:
        state = node.getState()
    except Exception:  # a node that went away while being read
        return
    if state.contains(pyatspi.STATE_FOCUSABLE) and state.contains(pyatspi.STATE_SHOWING):
        found.append([node.getRoleName(), node.name or ""])
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child, found)


if casebook() is None:
    sys.exit("Casebook is not on the accessibility bus")
every = {}
for section in sections:
    control.write_text(section, encoding="utf-8")
    for _ in range(100):
        if f"at {section}" in log.read_text(encoding="utf-8"):
            break
        time.sleep(0.2)
    else:
        sys.exit(f"the window did not show {section}")
    nodes = []
    walk(casebook(), nodes)
    every[section] = nodes
print(json.dumps(every))
