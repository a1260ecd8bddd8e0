"""Time limits: the legal clocks, the requests they run on, reminders and Today."""
