"""Small measuring helpers shared by the scale suite's parent and its child processes."""

from __future__ import annotations

import math
import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """The most memory this process has held at once, in MiB.

    Linux's VmHWM belongs to this program's own memory. `ru_maxrss` is the fallback only: it
    carries over the parent's size from before the process started this program, so a child of
    a large parent would report the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest value at least `fraction` of them reach."""
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def median(values: list[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    ordered, middle = sorted(values), len(values) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
