"""newstrace.export."""
