"""Speakers behind "he" and "she" on scraped pages (issue 10): short texts generated from parts, each a speaker
introduced at length and then a quotation with "he/she said", and how many get the wrong speaker.

    python benchmarks/pronoun_variants.py [--n 200] [--seeds 21 22 23 24] [--show]

Four generators: `named` (a name after a demonym or an age, a relative clause, an outlet told, then a paragraph
break, a sentence, a heading, caption or "READ MORE" line, before the quote), `unnamed` ("A coast guard official at
X, one of the world's busiest, said ..." then "he said"), `crowded` (other people around, curly and single marks, the
quote before or after its cue), `described` (an unnamed speaker described at length, "a passenger on the ferry",
"a man who lives near the harbour", "one of the survivors", "Norwegian officials", then "he/she/they said", "added:"
or a quote with no cue; right only when the whole description speaks). Texts of our own, never a page of a
held-out story."""

from __future__ import annotations

import argparse
import random
import sys

NAMES = [
    ("Anton Deibe", "m", "Swede"),
    ("Lars Berg", "m", "Swede"),
    ("Maria Lund", "f", "Swede"),
    ("Jonas Dahl", "m", "Norwegian"),
    ("Emma Virtanen", "f", "Finn"),
    ("Mikkel Holm", "m", "Dane"),
    ("Sofia Ek", "f", "Swede"),
    ("Kenji Sato", "m", "Japanese"),
    ("Pieter de Vries", "m", "Dutchman"),
]
ADJECTIVES = {"Swede": "Swedish", "Norwegian": "Norwegian", "Finn": "Finnish", "Dane": "Danish"}
ADJECTIVES.update({"Japanese": "Japanese", "Dutchman": "Dutch"})
INTROS = [
    "{dem} {name}, 17,",
    "{adj} student {name}, 17,",
    "{name}, a 17-year-old from Stockholm,",
    "17-year-old {dem} {name},",
    "{adj} passenger {name}, 17,",
    "{name}, 17,",
]
RELATIVES = [
    "",
    " who was on the flight with {pos} father,",
    " who was travelling with {pos} parents and sister to Tokyo for a skiing holiday,",
    " who had boarded the plane in Sapporo with {pos} family,",
]
CUES = [
    "told Radio X",
    "told Swedish newspaper Aftonbladet",
    "told the Aftonbladet newspaper",
    "told broadcaster SVT",
    "said",
    "told reporters",
    "told the BBC",
    "told Reuters",
]
CONTENTS = [
    " that the cabin filled with smoke within minutes.",
    " the cabin filled with smoke within minutes.",
    " that passengers had been told to leave their bags behind and that the cabin filled with smoke.",
]
BETWEEN = [
    " ",
    "\n\n",
    " Passengers slid down the emergency chutes. ",
    "\n\nAdvertisement\n\n",
    "\n\nPassengers slid down the emergency chutes as firefighters battled the blaze.\n\n",
    "\n\nREAD MORE: Five coast guard crew killed in runway collision\n\n",
    "\n\n[Image: The plane on fire]\n\n",
    "\n\nPhoto: Reuters\n\n",
]
QUOTES = [
    '"It was chaos," {pro} says.',
    '"It was chaos," {pro} said.',
    '"It was chaos. We threw ourselves on the floor," {pro} said.',
    '{Pro} said: "It was chaos."',
    '"It was chaos," said {pro}.',
    '"It was chaos," {pro} told the paper.',
    '"It was like hell," {pro} added. "We just ran."',
]
HEADS = [
    "",
    "Japan plane fire: passengers describe escape\n\n",
    "Airport chief Hideo Tanaka said the runway would stay closed.\n\n",
    "Transport minister Tetsuo Saito said the crew had done well.\n\n",
]


def named(rng: random.Random) -> tuple[str, str, str]:
    """(text, words of the quote, words one of which the right speaker's name holds; alternatives split by "|")."""
    name, g, dem = rng.choice(NAMES)
    pro, pos = ("he", "his") if g == "m" else ("she", "her")
    intro = rng.choice(INTROS).format(dem=dem, name=name, adj=ADJECTIVES[dem])
    rel = rng.choice(RELATIVES).format(pos=pos)
    cue = rng.choice(CUES)
    content = rng.choice(CONTENTS)
    head = rng.choice(HEADS)
    between = rng.choice(BETWEEN)
    quote = rng.choice(QUOTES).format(pro=pro, Pro=pro.capitalize())
    return head + intro + rel + " " + cue + content + between + quote, "chaos|hell", name.split()[-1]


DESCRIPTIONS = [
    ("A coast guard official at {place}, one of the world's busiest,", "he", "official"),
    ("A fire department official at {place}, which handles 80 million passengers a year,", "he", "official"),
    ("A spokeswoman for the airport operator", "she", "spokesperson|spokeswoman"),
    ("An airline spokesman", "he", "spokesperson|spokesman"),
    ("A police officer at the scene", "he", "officer"),
    (
        "The airport's deputy director, who asked not to be named because he was not authorised to speak,",
        "he",
        "director",
    ),
    ("A senior official at the transport ministry", "she", "official"),
]
PLACES = ["Kastrup Airport", "Central Station", "Schiphol", "Pier 9"]
OFFICIAL_CUES = ["said", "told reporters", "told the BBC", "told broadcaster NHK", "said in a briefing"]
OFFICIAL_CONTENTS = [
    " that the plane had been cleared to land.",
    " the plane had been cleared to land.",
    " that the fire started at 6 p.m. local time and spread quickly.",
]
OFFICIAL_BETWEEN = [
    " ",
    "\n\n",
    " The runway remained closed on Wednesday. ",
    "\n\nAdvertisement\n\n",
    "\n\nThe runway remained closed on Wednesday as investigators examined the wreckage.\n\n",
    "\n\nREAD MORE: Five crew killed in runway collision\n\n",
    "\n\n[Image: The plane on fire]\n\n",
]
OFFICIAL_QUOTES = [
    '"We are investigating the cause," {pro} said.',
    '"We are investigating the cause," {pro} says.',
    '{Pro} added: "We are investigating the cause."',
    '"We are investigating the cause," {pro} told reporters.',
    '"We are investigating the cause. Nobody will rest," {pro} said.',
]
OFFICIAL_HEADS = [
    "",
    "Plane fire: what we know\n\n",
    "Transport minister Tetsuo Saito said the crew had done well.\n\n",
    "Passenger Maria Lund, 34, told TT that the cabin filled with smoke.\n\n",
    'Swede Anton Berg, 17, told Aftonbladet the cabin filled with smoke. "It was chaos," he said.\n\n',
]


def unnamed(rng: random.Random) -> tuple[str, str, str]:
    description, pro, key = rng.choice(DESCRIPTIONS)
    head = rng.choice(OFFICIAL_HEADS)
    intro = description.format(place=rng.choice(PLACES))
    cue = rng.choice(OFFICIAL_CUES)
    content = rng.choice(OFFICIAL_CONTENTS)
    between = rng.choice(OFFICIAL_BETWEEN)
    quote = rng.choice(OFFICIAL_QUOTES).format(pro=pro, Pro=pro.capitalize())
    return head + intro + " " + cue + content + between + quote, "investigating", key


PEOPLE = [
    ("Anton Berg", "he", "his", "Swede"),
    ("Sofia Ek", "she", "her", "Swede"),
    ("Kenji Sato", "he", "his", "Japanese"),
    ("Emma Virtanen", "she", "her", "Finn"),
    ("Tobias Lind", "he", "his", "Swede"),
    ("Ingrid Dahl", "she", "her", "Norwegian"),
]
CROWDED_INTROS = [
    "{dem} {name}, 17, who was on the flight with {pos} father,",
    "{name}, 17, a student from Uppsala who was travelling with {pos} parents,",
    "{dem} {name}, 17,",
    "Passenger {name}, 41, who had been sitting near the back of the plane,",
    "{name}, who was travelling with {pos} husband and two children,",
]
CROWDED_CUES = [
    "told Swedish newspaper Aftonbladet",
    "told Kvällsposten",
    "told public broadcaster SVT",
    "told The Guardian",
    "said in an interview with Expressen",
    "told AFP",
    "told the news agency TT",
]
CROWDED_CONTENTS = [" that the cabin filled with smoke within minutes.", " the cabin had filled with smoke."]
CROWDED_CONTENTS.append(': "It was total chaos."')
CROWDED_BETWEEN = [
    "",
    " The plane was carrying 367 passengers and 12 crew.",
    "\n\nThe plane was carrying 367 passengers and 12 crew, the airline said.",
    "\n\nAdvertisement\n\nThe plane was carrying 367 passengers.",
    "\n\nShe said the crew had been calm.",
    "\n\nHe said the crew had been calm.",
    "\n\nHis father, Mats, said the crew had been calm.",
]
CROWDED_QUOTES = [
    "“We threw ourselves on the floor,” {pro} said.",
    "“We threw ourselves on the floor,” {pro} says.",
    "“We threw ourselves on the floor. Then we ran,” {pro} told the paper.",
    "‘We threw ourselves on the floor,’ {pro} said.",
    "{Pro} said: “We threw ourselves on the floor.”",
    "“We threw ourselves on the floor,” {pro} added, “and then we ran.”",
]


def crowded(rng: random.Random) -> tuple[str, str, str]:
    name, pro, pos, dem = rng.choice(PEOPLE)
    intro = rng.choice(CROWDED_INTROS).format(dem=dem, name=name, pos=pos)
    if "husband" in intro and pro == "he":
        intro = intro.replace("husband", "wife")
    between = rng.choice(CROWDED_BETWEEN)
    other = between.startswith("\n\nShe") and pro == "he" or between.startswith("\n\nHe said") and pro == "she"
    if other or ("Mats" in between and pro == "he"):
        between = ""  # someone else of the same gender spoke in between: the quote could be theirs
    cue = rng.choice(CROWDED_CUES)
    content = rng.choice(CROWDED_CONTENTS)
    quote = rng.choice(CROWDED_QUOTES).format(pro=pro, Pro=pro.capitalize())
    return intro + " " + cue + content + between + "\n\n" + quote, "threw", name.split()[-1]


# unnamed speakers described at length (a preposition's phrase, a participle, a relative clause, "one of"), one
# person or a group, the quote before or after its cue, then "he/she/they said", "added:" or a quote with no cue
DESCRIBED = [
    ("A passenger on the ferry", "she"),
    ("A man who lives near the harbour", "he"),
    ("An official at the port authority", "he"),
    ("A woman from Bergen who was on the deck", "she"),
    ("One of the survivors", "he"),
    ("A nurse at the local hospital", "she"),
    ("A crew member aboard the tug", "he"),
    ("A 52-year-old fisherman from the island", "he"),
    ("Norwegian officials", "they"),
    ("Witnesses at the quay", "they"),
    ("Two passengers on the upper deck", "they"),
    ("Rescue workers at the scene", "they"),
]
DESCRIBED_CUES = ["said", "told reporters", "told the broadcaster NRK", "said on Tuesday", "told AFP"]
DESCRIBED_CONTENTS = [" that the ferry had tilted suddenly.", " the ferry had tilted suddenly."]
DESCRIBED_CONTENTS.append(" that the lights went out before the alarm sounded.")
DESCRIBED_BETWEEN = [" ", "\n\n", " The harbour remained closed on Wednesday. ", "\n\nAdvertisement\n\n"]
DESCRIBED_QUOTES = [
    '"Everyone was screaming for help," {pro} said.',
    '{Pro} added: "Everyone was screaming for help."',
    '"Everyone was screaming for help," {pro} told reporters.',
    '"Everyone was screaming for help and nobody came for an hour."',
]
DESCRIBED_HEADS = [
    "",
    "Ferry disaster: what we know\n\n",
    "Harbour master Olof Nyberg said the crew had done well.\n\n",
]
DESCRIBED_HEADS.append("Passenger Maria Lund, 34, told TT that the cabin filled with smoke.\n\n")


def described(rng: random.Random) -> tuple[str, str, str]:
    description, pro = rng.choice(DESCRIBED)
    if rng.random() < 0.4:
        first = (
            '"The ferry tilted suddenly," '
            + description[0].lower()
            + description[1:]
            + " "
            + rng.choice(DESCRIBED_CUES)
        )
        first += "."
    else:
        first = description + " " + rng.choice(DESCRIBED_CUES) + rng.choice(DESCRIBED_CONTENTS)
    quote = rng.choice(DESCRIBED_QUOTES).format(pro=pro, Pro=pro.capitalize())
    text = rng.choice(DESCRIBED_HEADS) + first + rng.choice(DESCRIBED_BETWEEN) + quote
    return text, "screaming", description.lower()


GENERATORS = {"named": named, "unnamed": unnamed, "crowded": crowded, "described": described}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200, help="texts per generator (default 200)")
    ap.add_argument("--seeds", type=int, nargs=4, default=[21, 22, 23, 24], help="one seed per generator")
    ap.add_argument("--show", action="store_true", help="print each text with a wrong speaker")
    args = ap.parse_args(argv)

    from reportedly import analyze

    for (label, make), seed in zip(GENERATORS.items(), args.seeds):
        rng = random.Random(seed)
        wrong = 0
        for _ in range(args.n):
            text, words, key = make(rng)
            quotes = [
                q for q in analyze(text, published="2024-01-03").quotes if any(w in q.text for w in words.split("|"))
            ]
            speaker = quotes[0].speaker if quotes else None
            if not speaker or not any(k in speaker.lower() for k in key.lower().split("|")):
                wrong += 1
                if args.show:
                    print(f"{label}: {text!r} -> {speaker!r}")
        print(f"{label:8s} wrong speaker {wrong} of {args.n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
