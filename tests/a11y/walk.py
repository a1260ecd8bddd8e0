"""Walk Casebook's accessibility tree as a screen reader sees it (AT-SPI, Debian's pyatspi):
print every focusable node on screen as JSON [role, name]. Run with the system's python3."""

import json
import sys

import pyatspi

desktop = pyatspi.Registry.getDesktop(0)
apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
app = next((a for a in apps if a is not None and a.name.lower().startswith("casebook")), None)
if app is None:
    sys.exit("Casebook is not on the accessibility bus")
found = []


def walk(node):
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
            walk(child)


walk(app)
print(json.dumps(found))
