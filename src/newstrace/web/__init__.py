"""newstrace.web: the JSON API and HTML pages."""
