"""Atelier on the web: the room's screen for remote members (``meekijken``)."""
