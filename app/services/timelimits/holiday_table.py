"""Make `app/resources/rules/bank_holidays.json`: each UK calendar's bank holidays, year by year,
as the `holidays` package works them out. Run it after updating the package:

    python -m app.services.timelimits.holiday_table
"""

from __future__ import annotations

import json
import sys
from typing import get_args

from app.services.timelimits.deadlines import HOLIDAYS_FILE, Calendar, package_bank_holidays

# Cases reach back to the 2000s (old plans and letters) and clocks run a few years ahead.
FIRST_YEAR, LAST_YEAR = 2000, 2045


def table() -> dict[str, dict[str, list[str]]]:
    """Every calendar's bank holidays for each year of the table, as ISO dates in order."""
    return {calendar: {str(year): sorted(d.isoformat()
                                         for d in package_bank_holidays(calendar, year))
                       for year in range(FIRST_YEAR, LAST_YEAR + 1)}
            for calendar in get_args(Calendar)}


def main() -> int:
    """Write the table."""
    # One line per year, so a change to the package shows as a readable diff.
    calendars = [f'  "{calendar}": {{\n' + ",\n".join(
        f'    "{year}": {json.dumps(days)}' for year, days in by_year.items()) + "\n  }"
        for calendar, by_year in table().items()]
    HOLIDAYS_FILE.write_text("{\n" + ",\n".join(calendars) + "\n}\n", "utf-8")
    print(f"Wrote {HOLIDAYS_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
