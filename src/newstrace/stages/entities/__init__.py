"""The entity stages: where the text names something, and which knowledge-base entity it is."""
