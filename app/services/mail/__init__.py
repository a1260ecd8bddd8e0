"""Letters and emails: writing them, their fields, and how they are shown."""
