"""Money: payments, the council's schedule, spending against the plan, bank statements."""
