"""Dutch texts that say what kind of file a user gave, when it is not a session file."""

from __future__ import annotations

EXPORT_JSON = (
    "‘{naam}’ is een geëxporteerde sessie (JSON), geen sessiebestand. "
    "Om erin verder te werken: gebruik eerst atelier import {pad}"
)
ANDERE_JSON = (
    "‘{naam}’ is een JSON-bestand, maar geen sessie van Atelier. Kies een sessiebestand of een geëxporteerde sessie."
)
DOCUMENT = (
    "‘{naam}’ is een document ({soort}), geen sessie. Geef de sessie zelf: de naam uit atelier list, "
    "of het sessiebestand (.json)."
)
ONBEKEND = "‘{naam}’ is geen sessie van Atelier. Geef de naam uit atelier list, of een sessiebestand (.json)."
SOORT_DOCUMENT = {
    ".md": "Markdown",
    ".txt": "platte tekst",
    ".html": "HTML",
    ".htm": "HTML",
    ".docx": "Word",
    ".pdf": "PDF",
    ".csv": "CSV",
}
