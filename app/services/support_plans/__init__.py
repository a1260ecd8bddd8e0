"""Support plans: versions, comparison, review, the journey and the standards."""
