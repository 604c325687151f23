"""Name particles: words that open or join parts of a person's name ("bin", "von", "аль")."""

from __future__ import annotations

# Shared by surname extraction (a particle belongs with the following word) and the
# city index (a particle written alone is never a city's name, whatever GeoNames lists).
PARTICLES = frozenset({
    "al", "el", "bin", "ben", "ibn", "abu", "bou", "von", "van", "de", "da", "di", "le", "la", "ould",
    "آل", "بن", "ابن", "أبو", "ابو", "аль", "эль", "бен", "бин", "ибн", "абу", "ал", "фон", "де",
})
