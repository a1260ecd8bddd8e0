"""Complaints and the ladder of places to take them next."""
