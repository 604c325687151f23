"""newstrace.text."""
