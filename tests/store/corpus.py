"""Synthetic news articles written from templates (our own text), for store and ingest tests."""

from __future__ import annotations

import random

PEOPLE = [
    ("Anna Berg", "mayor of Riverside"),
    ("Tom Reed", "a local baker"),
    ("Maria Lopez", "the union leader"),
    ("David Chen", "chief executive of Harbor Energy"),
    ("Sarah Connor", "a city councillor"),
    ("James Okafor", "the police commissioner"),
    ("Lena Novak", "an economist at the Central Bank"),
]
OUTLETS = ["Riverside Courier", "Valley Times", "Harbor Post", "Metro Daily"]
TOPICS = ["the new bridge", "the budget", "the port expansion", "school funding", "the water plan", "bus fares"]
CLAIMS = [
    "will cost more than planned",
    "is the best option we have",
    "has been delayed for too long",
    "must be approved this month",
    "will create hundreds of jobs",
    "needs a public vote",
]


def make_articles(n: int, seed: int = 0) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        (p1, r1), (p2, r2) = rnd.sample(PEOPLE, 2)
        topic, c1, c2 = rnd.choice(TOPICS), rnd.choice(CLAIMS), rnd.choice(CLAIMS)
        text = (
            f"Council clashes over {topic} (report {k})\n\n"
            f"The city council debated {topic} on Monday for the {k + 1}th time this year.\n\n"
            f"“I believe {topic} {c1},” said {p1}, {r1}. “We cannot wait another year to decide.”\n\n"
            f"{p2}, {r2}, said that {topic} {c2}, according to a statement released after the meeting.\n\n"
            f"Officials did not respond to requests for comment. Item {k}-{rnd.randint(0, 10**9)}."
        )
        out.append(
            {
                "text": text,
                "title": f"Council clashes over {topic} ({k})",
                "outlet": OUTLETS[k % len(OUTLETS)],
                "published": f"2022-{(k % 12) + 1:02d}-{(k % 27) + 1:02d}",
                "url": f"https://example.org/{k}",
                "speakers": (p1, p2),
            }
        )
    return out
