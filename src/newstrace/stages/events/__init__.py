"""The event stages: triggers, participants, dates and the main event of one article."""
