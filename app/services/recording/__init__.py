"""Writing things down: diary entries, people, files and how days are worded."""
