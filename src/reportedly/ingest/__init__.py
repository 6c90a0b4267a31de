"""Reading articles: bytes to text (encodings, HTML extraction) and scrape-debris removal."""
