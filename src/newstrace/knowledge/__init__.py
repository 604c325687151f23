"""newstrace.knowledge."""
