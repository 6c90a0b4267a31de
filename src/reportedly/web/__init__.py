"""The web surface: `reportedly serve` — pages for articles, people and stories, and a JSON API mirroring them."""
