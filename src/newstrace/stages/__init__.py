"""newstrace.stages."""
