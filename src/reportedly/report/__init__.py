"""Rendering an Analysis: JSON (versioned schema), a terminal report, and one self-contained HTML page."""
