"""The monitoring desk: watching sources, alert rules, firing and delivering alerts."""
