"""What a screen reader finds: Casebook's window read through AT-SPI, the accessibility
interface Orca uses on Linux, by a real client (Debian's pyatspi) under Xvfb."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUS = "/usr/libexec/at-spi-bus-launcher"
REGISTRY = "/usr/libexec/at-spi2-registryd"
# Rows of a list or table are told apart by where they are, not by a name of their own.
ITEMS = {"list item", "table cell", "tree item"}
# Qt names a tab list after its chosen tab ("Payments page tab list, Payments page tab"): the
# tabs themselves carry the names to tell apart.
CONTAINERS = {"page tab list"}


def _usable() -> str | None:
    if not (Path(BUS).exists() and Path(REGISTRY).exists() and shutil.which("Xvfb")
            and shutil.which("dbus-run-session")):
        return "needs at-spi2-core, Xvfb and dbus (make test installs them)"
    probe = subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True)
    return None if probe.returncode == 0 else "needs python3-pyatspi (make test installs it)"


@pytest.mark.slow
@pytest.mark.skipif(_usable() is not None, reason=str(_usable()))
def test_every_control_in_every_section_has_a_role_and_a_name_of_its_own(tmp_path: Path
                                                                          ) -> None:
    from ui.sections import SECTIONS

    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        script = tmp_path / "read.sh"
        control, log = tmp_path / "section.txt", tmp_path / "window.log"
        env_line = (f"QT_QPA_PLATFORM=xcb DISPLAY={display} QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 "
                    f"CASEBOOK_CONFIG_DIR={tmp_path}/config CASEBOOK_DATA_DIR={tmp_path}/data "
                    f"CASEBOOK_LOG_DIR={tmp_path}/log PYTHONPATH={ROOT}")
        script.write_text(f"""#!/bin/bash
DISPLAY={display} {BUS} --launch-immediately &
DISPLAY={display} {REGISTRY} &
sleep 1
{env_line} {sys.executable} {HERE}/a11y/window.py 150 {tmp_path}/demo {control} \
  > {log} 2>&1 &
for i in $(seq 1 60); do grep -q ready {log} && break; sleep 0.5; done
sleep 2
DISPLAY={display} /usr/bin/python3 {HERE}/a11y/walk.py {control} {log} {" ".join(SECTIONS)}
status=$?
kill %3 %2 %1 2>/dev/null
exit $status
""")
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
        done = subprocess.run(["dbus-run-session", "--", "bash", str(script)], env=env,
                              capture_output=True, text=True, timeout=240)
    finally:
        xvfb.terminate()
        xvfb.wait()
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    every = json.loads(done.stdout.strip().splitlines()[-1])
    assert list(every) == SECTIONS
    names = {name for _role, name in every["Today"]}
    # What Orca reads first on Today: the search box, Lock, the sections, then the cards.
    for expected in ("Search everything", "Lock", "Sections", "Refresh"):
        assert expected in names, expected
    assert any(n.startswith("Write a chaser for: ") for n in names)
    for section, nodes in every.items():
        unnamed = [role for role, name in nodes if not name.strip()]
        assert not unnamed, f"{section}: focusable nodes with no name: {unnamed}"
        controls = Counter(name for role, name in nodes if role not in ITEMS | CONTAINERS)
        twice = [(name, [r for r, n in nodes if n == name]) for name, count in controls.items()
                 if count > 1]
        assert not twice, f"{section}: names used by two controls on screen: {twice}"
