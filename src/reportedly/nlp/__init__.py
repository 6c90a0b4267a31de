"""Language analysis: pure functions over spaCy Docs, and the thin pipeline components that call them."""
