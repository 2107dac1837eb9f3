"""Turning a checked plan into the document the family takes home (HTML, then PDF)."""
