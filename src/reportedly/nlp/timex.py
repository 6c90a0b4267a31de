"""Find time expressions and normalise them to TimeML values against the publication date.

Rules cover what news text uses: explicit dates, months and weekdays resolved by the tense of their verb,
"earlier this year", "late September", "two years ago", "the last decade", durations, times of day, sets and
event-anchored expressions ("a week after the airstrike"). Without a publication date, relative expressions
are returned with no value and `resolved=False`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Doc

from ..models import TimeExpr
from ..rules import load as load_rules
from .settings import SETTINGS

_EN = load_rules("en")  # the patterns below are English; their word tables are data in rules/en/
MONTHS = _EN.months
WEEKDAYS = _EN.weekdays
NUMBERS = _EN.numbers
VAGUE = _EN.vague_quantities
MODS = _EN.timex_modifiers
UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}
SEASONS = _EN.seasons
HOLIDAYS = _EN.holidays
PARTS = _EN.day_parts
SIGNALS = _EN.time_signals

M = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
Y = r"(?:1[6-9]\d\d|20\d\d)"
D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = r"(?:(?:%s)[\s-](?:%s)|\d+(?:\.\d+)?|a|an|%s|%s|%s|a couple of|couple of|half an?|a hundred|a thousand)" % (
    _TENS,
    _ONES,
    _ONES,
    _TEENS,
    _TENS,
)
VAG = r"(?:a few|few|several|some|many|the next few|the past few|the last few|a number of|dozens of|hundreds of)"
# the amount qualifiers that may open a duration ("about three years"): those of timex_modifiers.tsv that are not
# vague quantities themselves
AMOUNT_MOD = "|".join(
    sorted(
        (
            re.escape(k)
            for k, v in MODS.items()
            if v in ("APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE") and k not in VAGUE
        ),
        key=len,
        reverse=True,
    )
)
UNIT = r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|century|centurie)s?"
PART = r"(?:morning|afternoon|evening|night)"
HOLIDAY = "|".join(
    re.escape(h).replace(r"\ ", r"\s+").replace("'", "['’]?") for h in sorted(HOLIDAYS, key=len, reverse=True)
)
# "nineteen ninety-six", "two thousand and one": years as broadcast transcripts write them
SPELLED_YEAR = (
    r"(?P<cent>nineteen|eighteen)\s+(?P<rest>(?:%s)(?:[\s-](?:%s))?|%s|hundred)|two\s+thousand(?:\s+and)?(?:\s+(?P<after>%s|%s))?"
    % (
        _TENS,
        _ONES,
        _TEENS,
        _TEENS,
        _ONES,
    )
)
CLOCK = r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d\d|noon|midnight)"


@dataclass(frozen=True)
class Anchor:
    """The publication date and the tense-dependent direction for one expression."""

    dct: Optional[dt.date]
    tense: str  # past | future | present


@dataclass(frozen=True)
class Value:
    type: str
    value: Optional[str]
    granularity: str
    mod: Optional[str] = None
    relative: bool = False


Handler = Callable[[re.Match, Anchor], Optional[Value]]
_RULES: list[tuple[re.Pattern, re.Pattern, Handler]] = []
MONTH_WORD = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"


def rule(pattern: str, needs: str):
    """Register a rule; `needs` is a cheap pattern the lower-cased text must contain for the rule to run."""

    def register(fn: Handler) -> Handler:
        _RULES.append((re.compile(needs), re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % pattern, re.I), fn))
        return fn

    return register


# ---------------------------------------------------------------------------------------------------- helpers


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTHS[w[:3]]


def _num(word: str) -> Optional[float]:
    w = word.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    parts = re.split(r"[\s-]+", w)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS and NUMBERS[parts[0]] >= 20:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return NUMBERS.get(w)


def _unit(word: str) -> str:
    w = word.lower()
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return w


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


# a fraction of a unit is written in the next smaller one: "2 1/2 years" is P2Y6M, "half an hour" PT30M
_SPLIT = {
    "year": (12, "month"),
    "quarter": (3, "month"),
    "week": (7, "day"),
    "day": (24, "hour"),
    "hour": (60, "minute"),
    "minute": (60, "second"),
}


def _split_duration(n: float, unit: str) -> Optional[str]:
    factor, sub = _SPLIT[unit]
    whole, rest = int(n), (n - int(n)) * factor
    if not float(rest).is_integer():
        return None
    if unit == "week":  # ISO 8601 writes no weeks next to days
        return "P%dD" % (whole * 7 + int(rest))
    date_parts, time_parts = [], []
    for k, u in ((whole, unit), (int(rest), sub)):
        if k:
            code, is_time = UNITS[u]
            (time_parts if is_time else date_parts).append("%d%s" % (k, code))
    return "P" + "".join(date_parts) + ("T" + "".join(time_parts) if time_parts else "")


def duration(n: Optional[float], unit: str) -> str:
    code, is_time = UNITS[unit]
    if n is not None and not float(n).is_integer() and unit in _SPLIT:
        split = _split_duration(n, unit)
        if split:
            return split
    if unit == "decade":
        return "P%sY" % (_fmt_num(n * 10) if n is not None else "X") if n is not None else "PXDE"
    if unit == "century":
        return "P%sY" % _fmt_num(n * 100) if n is not None else "PXCE"
    if unit == "fortnight":
        return "P%sW" % (_fmt_num(n * 2) if n is not None else "X")
    if unit == "weekend":
        return "P%sWE" % (_fmt_num(n) if n is not None else "X")
    return ("PT" if is_time else "P") + (_fmt_num(n) if n is not None else "X") + code


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("day",):
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend", "fortnight"):
        return d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    if unit in ("month", "quarter"):
        k = n * (3 if unit == "quarter" else 1)
        m = d.month - 1 + k
        y = d.year + m // 12
        return dt.date(y, m % 12 + 1, min(d.day, 28))
    if unit in ("year", "decade", "century"):
        k = n * {"year": 1, "decade": 10, "century": 100}[unit]
        return dt.date(d.year + k, d.month, min(d.day, 28))
    return d


def at_granularity(d: dt.date, unit: str) -> str:
    if unit == "day":
        return d.isoformat()
    if unit in ("week", "fortnight"):
        y, w, _ = d.isocalendar()
        return "%d-W%02d" % (y, w)
    if unit == "weekend":
        y, w, _ = d.isocalendar()
        return "%d-W%02d-WE" % (y, w)
    if unit == "month":
        return "%d-%02d" % (d.year, d.month)
    if unit == "quarter":
        return "%d-Q%d" % (d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return "%d" % d.year
    if unit == "decade":
        return "%d" % (d.year // 10)
    if unit == "century":
        return "%d" % (d.year // 100)
    return d.isoformat()


def _rel(anchor: Anchor, fn: Callable[[dt.date], str], typ: str, gran: str, mod: Optional[str] = None) -> Value:
    if anchor.dct is None:
        return Value(typ, None, gran, mod, relative=True)
    return Value(typ, fn(anchor.dct), gran, mod, relative=True)


def _year_for_month(month: int, anchor: Anchor, day: Optional[int] = None) -> Optional[int]:
    """The year of a month (and day) named without one: the nearest such date in the direction of the tense,
    or the nearest one at all when the tense says nothing."""
    if anchor.dct is None:
        return None
    d = anchor.dct
    y = d.year
    here = (d.month, d.day)
    mid = day or 15
    if anchor.tense == "past":
        past = y - 1 if (month, mid) > here and month != d.month else y
        # "the offer was extended to Nov. 16" written on Oct. 30: a date just ahead, not eleven months back
        if (
            month != d.month
            and (dt.date(past + 1, month, min(day or 1, 28)) - d).days <= SETTINGS.past_tense_days_ahead
        ):
            return past + 1
        return past
    if anchor.tense == "future":
        return y + 1 if (month, mid) < here and month != d.month else y
    best = min((y - 1, y, y + 1), key=lambda yy: abs((dt.date(yy, month, min(mid, 28)) - d).days))
    return best


def _weekday_date(wd: int, anchor: Anchor) -> Optional[dt.date]:
    """The day of the week named: the next one under a future verb, the last one under a past verb, the nearest one
    with no verb; under a present verb the next one ("the summit opens Tuesday"), unless the day named is just past
    ("could not be located Wednesday" published on Thursday)."""
    if anchor.dct is None:
        return None
    d = anchor.dct
    delta = wd - d.weekday()
    back, ahead = (-delta) % 7, delta % 7
    if anchor.tense == "future":
        return d + dt.timedelta(days=ahead)
    if anchor.tense == "present":
        return (
            d - dt.timedelta(days=back)
            if 0 < back <= SETTINGS.present_tense_days_back
            else d + dt.timedelta(days=ahead)
        )
    if anchor.tense == "unknown":
        return d + dt.timedelta(days=ahead) if ahead < back else d - dt.timedelta(days=back)
    return d - dt.timedelta(days=(-delta) % 7)


def _mod(word: Optional[str]) -> Optional[str]:
    """The TIMEX3 mod of a modifier word (rules/en/timex_modifiers.tsv)."""
    return MODS.get(word.lower().rstrip("-").strip()) if word else None


# a part of a period before it ("early", "mid-", "the end of": the START, MID and END words of timex_modifiers.tsv)
EDGE = r"(?:(?P<edge>%s)\s*)?" % "|".join(
    sorted(
        (re.escape(k) + ("" if " " in k else "-?") for k, v in MODS.items() if v in ("START", "MID", "END")),
        key=len,
        reverse=True,
    )
)

# ---------------------------------------------------------------------------------------------- explicit dates


@rule(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", needs=r"\d{4}-\d\d")
def _iso(m, a):
    return Value("DATE", "%s-%s-%s" % (m["y"], m["m"], m["d"]), "day")


@rule(r"(?P<wd>%s,?\s+)?(?P<mo>%s)\s+(?P<d>%s),?\s+(?P<y>%s)" % (WD, M, D, Y), needs=MONTH_WORD)
def _mdy(m, a):
    return Value("DATE", "%s-%02d-%02d" % (m["y"], _month(m["mo"]), int(re.sub(r"\D", "", m["d"]))), "day")


@rule(r"(?P<wd>%s,?\s+)?(?:the\s+)?(?P<d>%s)\s+(?:of\s+)?(?P<mo>%s),?\s+(?P<y>%s)" % (WD, D, M, Y), needs=MONTH_WORD)
def _dmy(m, a):
    return Value("DATE", "%s-%02d-%02d" % (m["y"], _month(m["mo"]), int(re.sub(r"\D", "", m["d"]))), "day")


@rule(EDGE + r"(?P<mo>%s)(?:\s+of)?,?\s+(?P<y>%s)" % (M, Y), needs=MONTH_WORD)
def _my(m, a):
    return Value("DATE", "%s-%02d" % (m["y"], _month(m["mo"])), "month", _mod(m["edge"]))


@rule(r"(?P<wd>%s,?\s+)?(?P<mo>%s)\s+(?P<d>%s)(?!\s*,?\s*\d)" % (WD, M, D), needs=MONTH_WORD)
def _md(m, a):
    day = int(re.sub(r"\D", "", m["d"]))
    y = _year_for_month(_month(m["mo"]), a, day)
    if y is None:
        return Value("DATE", None, "day", relative=True)
    return Value("DATE", "%d-%02d-%02d" % (y, _month(m["mo"]), day), "day", relative=True)


@rule(r"(?P<wd>%s,?\s+)?(?:the\s+)?(?P<d>%s)\s+(?:of\s+)?(?P<mo>%s)(?!\s*,?\s*\d)" % (WD, D, M), needs=MONTH_WORD)
def _dm(m, a):
    return _md(m, a)


@rule(r"(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)", needs=r"\d/\d")
def _slash(m, a):
    y = int(m["y"])
    y = y + 2000 if y < 50 else (y + 1900 if y < 100 else y)
    mo, d = int(m["mo"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Value("DATE", "%d-%02d-%02d" % (y, mo, d), "day")


@rule(
    EDGE
    + r"(?:(?P<pre>the\s+(?:summer|spring|fall|autumn|winter)\s+of|(?:summer|spring|fall|autumn|winter))\s+)?(?:the\s+year\s+|(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?)?(?P<y>%s)(?!s|\d|-\d|\s*(?:%%|percent|per cent))"
    % Y,
    needs=r"(?:1[6-9]|20)\d\d",
)
def _year(m, a):
    if m["pre"]:
        season = next(v for k, v in SEASONS.items() if k in m["pre"].lower())
        return Value("DATE", "%s-%s" % (m["y"], season), "season")
    return Value("DATE", m["y"], "year", _mod(m["edge"]))


@rule(EDGE + r"(?:the\s+)?(?P<y>(?:1[6-9]|20)\d)0['’]?s|(?:the\s+)?['’](?P<yy>\d)0s", needs=r"0['’]?s\b")
def _decade(m, a):
    # TIMEX3 writes a decade as its first three digits ("the 1990s" -> 199), as a century by its first two
    if m["yy"]:
        return Value("DATE", "19%s" % m["yy"], "decade", _mod(m["edge"]))
    return Value("DATE", m["y"], "decade", _mod(m["edge"]))


def spelled_year(m: re.Match) -> int:
    if m["cent"]:
        rest = m["rest"].lower()
        return (1900 if m["cent"].lower() == "nineteen" else 1800) + (0 if rest == "hundred" else int(_num(rest)))
    return 2000 + (int(_num(m["after"])) if m["after"] else 0)


@rule(
    EDGE
    + r"(?:(?P<mo>%s)\s+|the\s+(?P<s>spring|summer|fall|autumn|winter)\s+of\s+|(?P<year>the\s+year\s+))?(?:%s)"
    % (M, SPELLED_YEAR),
    needs=r"nineteen|eighteen|two thousand",
)
def _spelled_year(m, a):
    """ "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand" (a bare "two thousand" is a
    count)."""
    if not m["cent"] and not (m["mo"] or m["s"] or m["year"]):
        return None
    y = spelled_year(m)
    if m["mo"]:
        return Value("DATE", "%d-%02d" % (y, _month(m["mo"])), "month", _mod(m["edge"]))
    if m["s"]:
        return Value("DATE", "%d-%s" % (y, SEASONS[m["s"].lower()]), "season")
    return Value("DATE", "%d" % y, "year", _mod(m["edge"]))


@rule(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century", needs=r"century")
def _century(m, a):
    return Value("DATE", "%02d" % (int(m["n"]) - 1), "century")


# ----------------------------------------------------------------------------------- months, weekdays, seasons


@rule(
    EDGE
    + r"(?P<mo>january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)",
    needs=MONTH_WORD,
)
def _month_only(m, a):
    mo = _month(m["mo"])
    y = _year_for_month(mo, a)
    mod = _mod(m["edge"])
    if y is None:
        return Value("DATE", None, "month", mod, relative=True)
    return Value("DATE", "%d-%02d" % (y, mo), "month", mod, relative=True)


@rule(
    r"(?P<mo>%s)(?:\s+of)?\s+(?P<which>last|this|next|the\s+same|the\s+previous|the\s+following)\s+year" % M,
    needs=MONTH_WORD,
)
def _month_of_year(m, a):
    """ "in June last year", "January this year": the month of the year the phrase names."""
    step = {"last": -1, "this": 0, "next": 1}.get(m["which"].lower())
    if step is None:
        return Value("DATE", None, "month", relative=True)
    return _rel(a, lambda d: "%d-%02d" % (d.year + step, _month(m["mo"])), "DATE", "month")


@rule(r"(?P<which>last|this|next)\s+(?P<mo>%s)(?!\.?\s*\d)" % M, needs=MONTH_WORD)
def _which_month(m, a):
    """ "this September" is the one of this year; "last February" the latest one before this month, "next March"
    the first one after it."""
    mo = _month(m["mo"])
    which = m["which"].lower()

    def value(d: dt.date) -> str:
        y = d.year
        if which == "last" and mo >= d.month:
            y -= 1
        elif which == "next" and mo <= d.month:
            y += 1
        return "%d-%02d" % (y, mo)

    return _rel(a, value, "DATE", "month")


@rule(r"(?:(?P<which>last|next|this)\s+)?(?P<wd>%s)(?:\s+(?P<part>%s))?" % (WD, PART), needs=r"day")
def _weekday(m, a):
    wd = WEEKDAYS[m["wd"].lower()]
    which = (m["which"] or "").lower()
    if which and a.dct is not None:
        if which == "last":
            d = a.dct - dt.timedelta(days=(a.dct.weekday() - wd - 1) % 7 + 1)
        elif which == "next":
            d = a.dct + dt.timedelta(days=(wd - a.dct.weekday() - 1) % 7 + 1)
        else:
            d = _weekday_date(wd, Anchor(a.dct, "unknown"))
    else:
        d = _weekday_date(wd, a)
    part = "T" + PARTS[m["part"].lower()] if m["part"] else ""
    if d is None:
        return Value("TIME" if part else "DATE", None, "day", relative=True)
    return Value("TIME" if part else "DATE", d.isoformat() + part, "day", relative=True)


@rule(
    r"(?P<which>this|last|next|the coming|the past|the last|the next|earlier this|later this)\s+(?P<s>spring|summer|fall|autumn|winter)",
    needs=r"spring|summer|fall|autumn|winter",
)
def _season_rel(m, a):
    code = SEASONS[m["s"].lower()]
    step = {"last": -1, "the past": -1, "the last": -1, "next": 1, "the coming": 1, "the next": 1}.get(
        m["which"].lower(), 0
    )
    return _rel(a, lambda d: "%d-%s" % (d.year + step, code), "DATE", "season")


def _easter(year: int) -> dt.date:
    """Easter Sunday of `year` (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return dt.date(year, month, (h + l_ - 7 * m + 114) % 31 + 1)


def holiday_date(name: str, year: int) -> dt.date:
    """The date of a holiday of `rules/en/holidays.tsv` in `year`."""
    month, day = HOLIDAYS[_holiday_key(name)]
    if day.startswith("easter"):
        return _easter(year) + dt.timedelta(days=int(day[6:]))
    if "@" in day:
        wd, _, first = day.partition("@")
        d = dt.date(year, month, int(first))
        target = next(v for k, v in WEEKDAYS.items() if k.startswith(wd))
        return d + dt.timedelta(days=(target - d.weekday()) % 7)
    return dt.date(year, month, int(day))


def _holiday_key(word: str) -> str:
    w = re.sub(r"\s+", " ", word.lower().replace("’", "'"))
    if w in HOLIDAYS:
        return w
    return next(k for k in HOLIDAYS if re.fullmatch(k.replace("'", "'?"), w))


@rule(
    r"(?:(?P<which>last|this|next)\s+)?(?P<h>%s)(?:,?\s+(?P<y>%s))?" % (HOLIDAY, Y),
    needs="|".join(sorted({re.escape(h.split()[0][:5]) for h in HOLIDAYS})),
)
def _holiday(m, a):
    """ "Thanksgiving Day", "last Christmas", "Easter 1998": a holiday of the year named, or of the year the tense
    points to."""
    name = _holiday_key(m["h"])
    if m["y"]:
        return Value("DATE", holiday_date(name, int(m["y"])).isoformat(), "day")
    if a.dct is None:
        return Value("DATE", None, "day", relative=True)
    d = a.dct
    dates = [holiday_date(name, y) for y in (d.year - 1, d.year, d.year + 1)]
    which = (m["which"] or "").lower()
    if which == "last" or not which and a.tense == "past":
        best = max(x for x in dates if x <= d)
    elif which == "next" or not which and a.tense == "future":
        best = min(x for x in dates if x >= d)
    elif which == "this":
        best = dates[1]
    else:
        best = min(dates, key=lambda x: abs((x - d).days))
    return Value("DATE", best.isoformat(), "day", relative=True)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@rule(
    r"(?:the\s+)?"
    + EDGE
    + r"(?:the\s+|(?P<past>this\s+past)\s+)?(?P<s>spring|summer|winter|autumn)|the\s+(?P<fall>fall)",
    needs=r"spring|summer|winter|autumn|the fall",
)
def _season(m, a):
    """ "in the summer", "this past spring": the season of this year, or of the year before when the tense puts it
    in the past and this year's has not begun (a bare "fall" is the verb)."""
    code = SEASONS[(m["s"] or m["fall"]).lower()]
    start = _SEASON_START[code]

    def value(d: dt.date) -> str:
        y = d.year
        if (m["past"] or a.tense == "past") and start > d.month:
            y -= 1
        elif a.tense == "future" and start + 2 < d.month:
            y += 1
        return "%d-%s" % (y, code)

    return _rel(a, value, "DATE", "season", _mod(m["edge"]))


# ------------------------------------------------------------------------------------------ deictic expressions


@rule(
    r"(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?",
    needs=r"today|yesterday|tomorrow|tonight",
)
def _deictic(m, a):
    w = m["w"].lower()
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    part = "TNI" if w == "tonight" else ("T" + PARTS[m["part"].lower()] if m["part"] else "")
    return _rel(a, lambda d: (d + dt.timedelta(days=off)).isoformat() + part, "TIME" if part else "DATE", "day")


@rule(
    r"(?P<w>this)\s+(?P<part>morning|afternoon|evening)|(?P<last>last)\s+night",
    needs=r"morning|afternoon|evening|night",
)
def _this_part(m, a):
    if m["last"]:
        return _rel(a, lambda d: (d - dt.timedelta(days=1)).isoformat() + "TNI", "TIME", "day")
    return _rel(a, lambda d: d.isoformat() + "T" + PARTS[m["part"].lower()], "TIME", "day")


@rule(
    r"(?:the\s+following|the\s+next|the\s+previous|the\s+same|earlier\s+that|later\s+that|that\s+same|that)\s+"
    r"(?P<u>day|morning|afternoon|evening|night)",
    needs=r"(?:that|following|next|previous|same) (?:day|morning|afternoon|evening|night)",
)
def _anaphoric_day(m, a):
    """ "the next day", "that night", "earlier that day": the day after, before or of the date given before it (see
    `_anaphoric`; with none, "redemptions that day" names no day and is dropped there)."""
    return Value("DATE", None, "day", relative=True)


@rule(
    r"(?P<w>now|right now|currently|at present|at the moment|nowadays|these days|the present)",
    needs=r"now|currently|present|moment|these days",
)
def _now(m, a):
    return Value("DATE", "PRESENT_REF", "day", relative=True)


@rule(r"(?P<w>recently|lately|the past|in the past|previously|formerly|once)", needs=r"recently|lately|past")
def _past(m, a):
    w = m["w"].lower()
    if w in ("once", "previously", "formerly", "lately"):
        return None
    return Value("DATE", "PAST_REF", "day", relative=True)


@rule(r"(?P<w>current|recent)", needs=r"current|recent")
def _now_adjective(m, a):
    """ "the current weakness", "a recent filing": TimeML marks the adjective as a reference to now or the past."""
    return Value("DATE", "PRESENT_REF" if m["w"].lower() == "current" else "PAST_REF", "day", relative=True)


@rule(r"recent\s+(?P<u>days|weeks|months|quarters|years|decades)", needs=r"recent")
def _recent_units(m, a):
    """ "in recent years": an unspecified stretch of that unit up to now."""
    return Value("DURATION", duration(None, _unit(m["u"])), "duration")


@rule(r"the\s+weekend", needs=r"weekend")
def _the_weekend(m, a):
    """ "over the weekend" just past (news of a Monday), "ahead of the weekend" coming: by the tense."""

    def value(d: dt.date) -> str:
        sat = d + dt.timedelta(days=5 - d.weekday())  # the Saturday of this week
        if a.tense in ("past", "unknown") and sat > d:
            sat -= dt.timedelta(days=7)
        return at_granularity(sat, "weekend")

    return _rel(a, value, "DATE", "weekend")


@rule(r"(?:one|some)\s+day(?=\s+(?:will\s+|could\s+|may\s+|might\s+)?[a-z]+)|someday", needs=r"(?:one|some) ?day")
def _some_day(m, a):
    """ "Islam will one day be ...", "may show up someday": an unnamed time to come (a stretch of one day is "for one
    day", "in one day"; `_plausible` keeps only the "one day" before a verb)."""
    return Value("DATE", "FUTURE_REF", "day", relative=True)


@rule(r"the\s+(?:near\s+|distant\s+|foreseeable\s+)?future", needs=r"future")
def _future(m, a):
    return Value("DATE", "FUTURE_REF", "day", relative=True)


@rule(
    EDGE
    + r"(?P<which>this|last|next|the coming|the past|the last|the previous|the next|the following|the same|earlier this|later this|earlier that|later that|the current|this coming)\s+(?P<u>week|weekend|month|quarter|year|decade|century|fiscal year|financial year)",
    needs=r"week|month|quarter|year|decade|century",
)
def _unit_rel(m, a):
    which = m["which"].lower()
    unit = m["u"].lower()
    mod = _mod(m["edge"])
    if unit in ("fiscal year", "financial year"):
        unit = "year"
    if which in ("the past", "the last", "the next", "the coming") and unit in ("decade", "century"):
        return Value("DURATION", duration(1, unit), "duration", mod)
    if which in ("the same", "the following", "the previous", "earlier that", "later that"):
        return Value("DATE", None, unit, mod, relative=True)
    step = {
        "last": -1,
        "the past": -1,
        "the last": -1,
        "next": 1,
        "the coming": 1,
        "the next": 1,
        "this coming": 1,
    }.get(which, 0)
    return _rel(a, lambda d: at_granularity(shift(d, unit, step), unit), "DATE", unit, mod)


@rule(
    # an amount qualifier of timex_modifiers.tsv, or one saying the amount is small ("just", "only")
    r"(?:(?:%s|just|only)\s+)?(?P<n>%s|%s)\s+(?P<u>%s)(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from now|hence)"
    % (
        "|".join(re.escape(k) for k, v in MODS.items() if v in ("APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE")),
        NUM,
        VAG,
        UNIT,
    ),
    needs=r"ago|earlier|from now|hence",
)
def _ago(m, a):
    unit = _unit(m["u"])
    n = _num(m["n"])
    sign = -1 if m["dir"].lower() in ("ago", "earlier") else 1
    gran = unit if unit in ("day", "week", "month", "year", "decade", "century") else "day"
    if n is None or not float(n).is_integer() or UNITS.get(unit, ("", True))[1]:
        fuzzy = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Value("DATE", fuzzy, gran, relative=True)
    return _rel(a, lambda d: at_granularity(shift(d, unit, sign * int(n)), gran), "DATE", gran)


@rule(
    r"(?P<which>this|next|last)\s+year['’]s\s+(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter",
    needs=r"year['’]s",
)
def _quarter_of_year(m, a):
    """ "this year's third quarter", "next year's first quarter": one quarter of the year the phrase names."""
    q = _QUARTER_NUMBER[m["q"].lower()]
    step = {"last": -1, "next": 1}.get(m["which"].lower(), 0)
    return _rel(a, lambda d: "%d-Q%d" % (d.year + step, q), "DATE", "quarter")


_QUARTER_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


@rule(
    r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter(?:\s+of\s+(?P<y>%s))?" % Y, needs=r"quarter"
)
def _quarter(m, a):
    q = _QUARTER_NUMBER[m["q"].lower()]
    if m["y"]:
        return Value("DATE", "%s-Q%d" % (m["y"], q), "quarter")
    # a quarter named without a year is the latest one of that number, as in earnings reports
    return _rel(a, lambda d: "%d-Q%d" % (d.year - (1 if q > (d.month - 1) // 3 + 1 else 0), q), "DATE", "quarter")


@rule(
    r"(?:the\s+)?(?:(?P<y>%s)|(?P<ago>year[- ](?:ago|earlier)))\s+(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?P<u>quarter|period)"
    % Y,
    needs=r"quarter|period",
)
def _dated_quarter(m, a):
    """ "the 1988 second quarter", "the year-ago third quarter", "the year-earlier period": a quarter of a named year,
    or the same period a year before (made a quarter by the quarter the article reports, see `_year_ago_quarters`)."""
    if m["q"] is None and (m["y"] or m["u"].lower() == "quarter" and not m["ago"]):
        return None
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(
        (m["q"] or "").lower()
    )
    if m["y"]:
        return Value("DATE", "%s-Q%d" % (m["y"], q), "quarter")
    if q is not None:
        return _rel(a, lambda d: "%d-Q%d" % (d.year - 1, q), "DATE", "quarter")
    return _rel(a, lambda d: "%d" % (d.year - 1), "DATE", "year")


@rule(
    r"(?:the\s+)?(?P<h>first|second|last|latter)[\s-]+half\s+of\s+"
    r"(?:(?:fiscal\s+)?(?P<y>%s)|(?P<which>this|last|next|the)\s+(?:fiscal\s+)?year)" % Y,
    needs=r"half",
)
def _half(m, a):
    """ "the second half of 2013", "the first half of next year": a half year, written 2013-H2 (TIMEX3)."""
    h = 1 if m["h"].lower() == "first" else 2
    if m["y"]:
        return Value("DATE", "%s-H%d" % (m["y"], h), "half")
    step = {"last": -1, "next": 1}.get(m["which"].lower(), 0)
    return _rel(a, lambda d: "%d-H%d" % (d.year + step, h), "DATE", "half")


@rule(r"(?:(?P<mod>around|about)\s+)?(?:the\s+)?year(?:['’]s)?[- ]end", needs=r"year(?:['’]s)?[- ]end")
def _year_end(m, a):
    """ "by year-end", "around year end": the end of the year of publication, as "the end of the year" is."""
    return _rel(a, lambda d: "%d" % d.year, "DATE", "year", _mod(m["mod"]) or "END")


@rule(r"year[- ](?:ago|earlier)", needs=r"year[- ](?:ago|earlier)")
def _year_ago(m, a):
    return _rel(a, lambda d: "%d" % (d.year - 1), "DATE", "year")


@rule(
    r"(?P<edge>the beginning of|the start of|the middle of|the end of)\s+the\s+(?P<u>month|week)",
    needs=r"the (?:month|week)",
)
def _edge_of_the_unit(m, a):
    """ "by the end of the month", "at the start of the week": the month or week of publication, at its edge (a bare
    "the month" may be any month and is left alone)."""
    unit = m["u"].lower()
    return _rel(a, lambda d: at_granularity(d, unit), "DATE", unit, _mod(m["edge"]))


@rule(
    EDGE + r"(?:(?:earlier|later)\s+in\s+)?the\s+(?:full\s+|fiscal\s+|financial\s+)?year"
    r"(?!\s+(?:before|after|earlier|ago)\b)",
    needs=r"the (?:full |fiscal |financial )?year",
)
def _the_year(m, a):
    """ "the year ended June 30", "prices rose 2.8% in the year to February" are a year's stretch; "sales for the full
    year", "by the end of the year", "earlier in the year" the year of publication."""
    if re.match(r"\s+(?:end(?:ed|ing)\b|(?:to|through)\s+%s\b)" % M, m.string[m.end() :], re.I):
        return Value("DURATION", "P1Y", "duration")
    return _rel(a, lambda d: "%d" % d.year, "DATE", "year", _mod(m["edge"]))


@rule(
    r"(?:the|that)\s+(?P<w>latest\s+|current\s+|most\s+recent\s+|past\s+|previous\s+|last\s+)?quarter", needs=r"quarter"
)
def _the_quarter(m, a):
    """ "the latest quarter" is the last one before publication, "the quarter ended Sept. 30" the one ending then (a
    bare "the quarter" after a named one is that one, see `_year_ago_quarters`)."""
    ended = _ENDED.match(m.string, m.end())
    if ended:
        mo = _month(ended["mo"])
        y = _year_for_month(mo, Anchor(a.dct, "past"))
        return Value("DATE", "%d-Q%d" % (y, (mo - 1) // 3 + 1) if y else None, "quarter", relative=True)
    w = (m["w"] or "").strip().lower()
    step = 0 if w == "current" else -1
    return _rel(a, lambda d: at_granularity(shift(d, "quarter", step), "quarter"), "DATE", "quarter")


_ENDED = re.compile(r"\s+end(?:ed|ing)\s+(?P<mo>%s)" % M, re.I)


# ------------------------------------------------------------------------------------------ durations and sets


@rule(
    r"(?P<mod>%s)?\s*(?:the\s+(?:past|last|next|first|previous|following)\s+)?(?P<n>%s|%s)(?P<half>\s+and\s+a\s+half|\s+1/2|\s*½)?(?:\s+more)?(?:\s+(?:trading|business|working))?\s*[- ]?\s*(?P<u>%s)(?P<half2>\s+and\s+a\s+half)?(?P<long>[- ]long)?(?!\s+(?:ago|earlier|old)\b)"
    % (AMOUNT_MOD, NUM, VAG, UNIT),
    needs=r"second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur",
)
def _duration(m, a):
    if m.end("n") == m.start("u") and m["n"][-1].isalpha():
        return None  # "someday": one word, no count
    unit = _unit(m["u"])
    n = 0.5 if m["n"].lower().startswith("half") else _num(m["n"])
    if n is not None and (m["half"] or m["half2"]):
        n += 0.5
    if (
        n is None
        and m["n"].lower() not in VAGUE
        and m["n"].lower() not in ("the past few", "the last few", "the next few")
    ):
        return None
    return Value("DURATION", duration(n, unit), "duration", _mod(m["mod"]))


@rule(
    r"(?P<u>years|months|weeks|days|decades|hours)(?=\s+(?:ago|of|later|earlier|before|after|to come|in\b))",
    needs=r"years|months|weeks|days|decades|hours",
)
def _plural_duration(m, a):
    unit = _unit(m["u"])
    return Value("DURATION", duration(None, unit), "duration")


@rule(
    r"within\s+(?P<u>years|months|weeks|days|decades)(?!\s+(?:of|to|from|since|before|after|ago))"
    r"|in\s+(?P<u5>years|months|weeks|decades)(?=\s*[.,;:!?])"
    r"|(?:the\s+)?coming\s+(?P<u2>years|months|weeks|days|decades)"
    r"|the\s+(?P<u3>years|months|weeks|days)\s+ahead|over\s+the\s+(?P<u4>years|decades)"
    r"|(?<=for\s)(?P<u6>years|months|weeks|days|decades|centuries)(?!\s+(?:of|ago|before|after|later|earlier)\b)",
    needs=r"years|months|weeks|days|decades|centuries",
)
def _vague_stretch(m, a):
    """ "within weeks", "the first time in years.", "in the coming years", "the weeks ahead", "over the years", "ruled
    for centuries": a stretch of no stated length ("for" is the signal, not part of the expression)."""
    unit = _unit(m["u"] or m["u2"] or m["u3"] or m["u4"] or m["u5"] or m["u6"])
    return Value("DURATION", duration(None, unit), "duration")


_FULL_MONTH = r"january|february|march|april|may|june|july|august|september|october|november|december"
_SET_CODES = {
    "day": "P1D",
    "week": "P1W",
    "month": "P1M",
    "quarter": "P1Q",
    "year": "P1Y",
    "morning": "TMO",
    "night": "TNI",
    "evening": "TEV",
    "weekend": "P1WE",
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annually": "P1Y",
    "yearly": "P1Y",
    "nightly": "TNI",
    "hourly": "PT1H",
}


@rule(
    r"(?:(?P<times>once|twice|(?:%s)\s+times)\s+)?(?P<w>every|each|per|a)\s+(?:(?P<n>%s)\s+(?P<nu>%s)"
    r"|(?P<u>day|week|month|quarter|year|morning|night|evening|weekend)|(?P<wd>%s)|(?P<mo>%s))"
    r"|(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)" % (NUM, NUM, UNIT, WD, _FULL_MONTH),
    needs=r"every|each|per |once|twice|times|daily|weekly|monthly|annually|yearly|nightly|hourly",
)
def _set(m, a):
    """ "every day", "twice a year", "every three months", "each Thursday", "each July", "daily": a set of times
    (TIMEX3 SET; "a" only with a count before it, "$5 a year" is a rate)."""
    if m["adv"]:
        return Value("SET", _SET_CODES[m["adv"].lower()], "set")
    if m["w"].lower() == "a" and not m["times"] or m["n"] and m["w"].lower() != "every":
        return None
    if m["n"]:
        n = _num(m["n"])
        return Value("SET", duration(n, _unit(m["nu"])), "set") if n is not None else None
    if m["wd"]:
        return Value("SET", "XXXX-WXX-%d" % (WEEKDAYS[m["wd"].lower()] + 1), "set")
    if m["mo"]:
        return Value("SET", "XXXX-%02d" % _month(m["mo"]), "set")
    return Value("SET", _SET_CODES[m["u"].lower()], "set")


@rule(r"(?P<wd>%s)(?:s|\s+(?P<part>%s)s)" % (WD, PART), needs=r"days\b|(?:morning|afternoon|evening|night)s")
def _weekdays(m, a):
    """ "on Sundays", "Tuesday nights": that day of every week (TIMEX3 SET)."""
    part = "T" + PARTS[m["part"].lower()] if m["part"] else ""
    return Value("SET", "XXXX-WXX-%d%s" % (WEEKDAYS[m["wd"].lower()] + 1, part), "set")


# ----------------------------------------------------------------------------------------------- times of day


ZONE = "|".join(sorted(_EN.time_zones, key=len, reverse=True))


@rule(
    r"(?P<t>%s)(?:\s+(?:%s)(?![\w-]))?(?:\s+\(\d{3,4}\s+(?:%s)\))?"
    r"(?:,?\s+(?:on\s+)?(?:(?P<wd>%s)|(?P<mo>%s)\s+(?P<d>%s)(?!\s*,?\s*\d)))?" % (CLOCK, ZONE, ZONE, WD, M, D),
    needs=r"\d\s*[ap]\.?m|\d:\d\d|noon|midnight",
)
def _clock(m, a):
    """ "10 a.m.", "5 p.m. EST, Nov. 6", "10:35 a.m. (0735 GMT) Friday": a time of day, on the day named with it or on the day of
    publication (the time zone is written but not part of the value)."""
    t = m["t"].lower().replace(" ", "")
    if t == "noon":
        hh, mm = 12, 0
    elif t == "midnight":
        hh, mm = 24, 0  # the end of the day named ("midnight Friday"), as TIMEX3 writes it
    else:
        mt = re.match(r"(\d{1,2})(?::(\d\d))?", t)
        hh, mm = int(mt[1]), int(mt[2] or 0)
        if "p" in t and hh < 12:
            hh += 12
        if "a" in t and hh == 12:
            hh = 0
        if hh > 23 or mm > 59:
            return None
    clock = "T%02d:%02d" % (hh, mm)
    if m["wd"]:
        d = _weekday_date(WEEKDAYS[m["wd"].lower()], a)
        return Value("TIME", d.isoformat() + clock if d else None, "time", relative=True)
    if m["mo"]:
        day = _md(m, a)
        return Value("TIME", day.value + clock if day and day.value else None, "time", relative=True)
    return _rel(a, lambda d: d.isoformat() + clock, "TIME", "time")


# ------------------------------------------------------------------------------------------------ the finder

_EVENT_ANCHORED = re.compile(
    r"(?P<n>%s)\s+(?P<u>%s)\s+(?P<dir>after|before)\s+(?P<np>(?:the|this|that|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+))"
    % (NUM, UNIT),
    re.I,
)


def find_timexes(
    doc: Doc, published: Optional[dt.date], skip: list[tuple[int, int]] = (), text: Optional[str] = None
) -> list[TimeExpr]:
    """Every time expression in `doc`, normalised against `published` (None leaves relative ones unresolved)."""
    text = doc.text if text is None else text
    cands: list[tuple[int, int, Value]] = []
    low = text.lower()
    for needs, pattern, handler in _RULES:
        if not needs.search(low):
            continue
        for m in pattern.finditer(text):
            s, e = _trim(text, *m.span())
            if s == e or any(a <= s < b for a, b in skip):
                continue
            anchor = Anchor(published, _direction(_tense_at(doc, s, e), _word_before(text, s)))
            if not _plausible(doc, text, m, s, e) or handler in _CHECKS and not _CHECKS[handler](doc, s, e):
                continue
            v = handler(m, anchor)
            if v is not None:
                cands.append((s, e, v))
    chosen = _longest_first(cands)
    out = [_record(doc, text, s, e, v, published) for s, e, v in chosen]
    out = _year_ago_quarters(_anaphoric(out), text)
    return _anchor_events(doc, text, out, published, skip)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without the blanks a pattern's optional words let it take in (" 52 years" after a comma)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_YEAR_AGO = re.compile(r"(?:a|one)\s+year\s+(?:ago|earlier)|year[- ](?:ago|earlier)", re.I)
_QUARTER = re.compile(r"(\d{4})-Q([1-4])$")
_THE_QUARTER = re.compile(r"(?:the|that)\s+quarter", re.I)


def _year_ago_quarters(found: list[TimeExpr], text: str) -> list[TimeExpr]:
    """Earnings news compares a quarter with the same quarter a year before: "$1.2 billion, up from $1 billion a year
    ago" after "the third quarter" is that quarter of the year before, not the year; "the quarter" after it is that
    quarter."""
    out, last_quarter = [], None
    for t in found:
        m = _QUARTER.match(t.value or "")
        if m and last_quarter is not None and _THE_QUARTER.fullmatch(t.text) and not _ENDED.match(text, t.end):
            t = dataclasses.replace(t, value=last_quarter[0])  # "the quarter": the one just reported
        elif m and not _YEAR_AGO.search(t.text):
            last_quarter = m
        elif last_quarter is not None and t.value and re.fullmatch(r"\d{4}", t.value) and _YEAR_AGO.search(t.text):
            value = "%d-Q%s" % (int(last_quarter[1]) - 1, last_quarter[2])
            t = dataclasses.replace(t, value=value, granularity="quarter")
        out.append(t)
    return out


_ANAPHORIC = re.compile(
    r"(?P<which>the\s+following|the\s+next|the\s+previous|the\s+same|later\s+that|earlier\s+that|that\s+same|that)\s+"
    r"(?P<u>year|month|day|morning|afternoon|evening|night)$",
    re.I,
)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _anaphoric(found: list[TimeExpr]) -> list[TimeExpr]:
    """ "He fled in June 1998 and returned later that year", "was shot on Oct. 23 ... earlier that day": a year, month
    or day named by reference to the last date given before it."""
    out: list[TimeExpr] = []
    for t in found:
        m = _ANAPHORIC.search(t.text) if t.value is None else None
        if m is not None:
            unit = m["u"].lower()
            which = re.sub(r"\s+", " ", m["which"].lower())
            step = {"the following": 1, "the next": 1, "the previous": -1}.get(which, 0)
            value = _day_after(out, unit, step) if unit not in ("year", "month") else _month_after(out, unit, step)
            if value is not None:
                t = dataclasses.replace(t, value=value, resolved=True)
            elif unit not in ("year", "month"):
                continue
        out.append(t)
    return out


def _month_after(before: list[TimeExpr], unit: str, step: int) -> Optional[str]:
    prev = next((p for p in reversed(before) if p.value and re.match(r"\d{4}(?:-\d\d)?(?:-\d\d)?$", p.value)), None)
    if prev is None or unit == "month" and len(prev.value) < 7:
        return None
    y = int(prev.value[:4])
    if unit == "year":
        return "%d" % (y + step)
    return at_granularity(shift(dt.date(y, int(prev.value[5:7]), 1), "month", step), "month")


def _day_after(before: list[TimeExpr], unit: str, step: int) -> Optional[str]:
    """The day `step` days from the last date given, when that date names a day ("the next morning" is a day too, as
    TempEval-3 writes it)."""
    prev = next((p for p in reversed(before) if p.value and re.match(r"\d{4}(?:-|$)", p.value)), None)
    if prev is None or not _DAY.match(prev.value):
        return None
    return (dt.date.fromisoformat(prev.value[:10]) + dt.timedelta(days=step)).isoformat()


def _longest_first(cands):
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, Value]] = []
    for s, e, v in cands:
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, v))
    return sorted(taken, key=lambda c: c[0])


def _plausible(doc: Doc, text: str, m: re.Match, s: int, e: int) -> bool:
    """Reject the look-alikes: "May" the modal, "2000 troops", a year inside a number or an address."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first = span[0]
    word = m.group(0).strip()
    if re.fullmatch(r"(?:the\s+)?may", word, re.I):
        return word[-3] == "M" and first.tag_ != "MD"
    if re.fullmatch(r"march", word, re.I) and (word[0] == "m" or first.pos_ in ("VERB",)):
        return False
    if re.fullmatch(r"\d{4}", word):
        if (
            first.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")
            or first.like_num
            and span.end < len(doc)
            and doc[span.end].pos_ == "NOUN"
            and doc[span.end].ent_type_ != "DATE"
            and not _year_modifier(doc, span)
        ):
            return False
        prev = text_before(text, s)
        if prev.endswith(("$", "#", "No.", "no.")):
            return False
    if re.fullmatch(r"(?:now|the present|currently|once|the past|the future)", word, re.I):
        return first.ent_type_ in ("DATE", "TIME") or word.lower() in ("now", "currently", "the past", "the future")
    if _HOLIDAY_WORD.fullmatch(word) and not word.lower().endswith(("day", "eve")) or word.lower() in SEASONS:
        # "a Christmas tree", "Easter eggs", "winter storms": the holiday or season names a thing
        if span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN"):
            return False
    if re.fullmatch(r"current|recent", word, re.I):
        return first.tag_ == "JJ"  # never the noun ("an ocean current")
    if re.fullmatch(r"(?:a|an)\s+(?:day|week|month|year)", word, re.I):
        # "a year" is a duration only when nothing counts it ("twice a year" is a set, "a year-long")
        return first.ent_type_ in ("DATE", "TIME")
    if _QUARTERS.search(word) and _fraction(doc, span, word):
        return False
    if re.fullmatch(r"a\s+second", word, re.I) and span.end < len(doc):
        return doc[span.end].pos_ not in ("NOUN", "PROPN", "ADJ")  # "a second group": the ordinal
    return True


def _before_a_verb(doc: Doc, s: int, e: int) -> bool:
    """ "will one day be": the words stand for a time only before a verb, and not in a past clause."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return span is not None and span.text.lower() == "someday"
    return (doc[span.end].pos_ in ("VERB", "AUX") or span.text.lower() == "someday") and _tense_at(doc, s, e) != "past"


_CHECKS = {_some_day: _before_a_verb}  # a rule's own test of its match, beside `_plausible`
_QUARTERS = re.compile(r"\b(?:an?|one|three)[\s-]+quarters?$", re.I)


def _fraction(doc: Doc, span, word: str) -> bool:
    """ "three-quarters of its food", "more than a quarter of the market": a share, not three months ("the third
    quarter of the year" is no count, and "two quarters of growth" a stretch)."""
    if re.search(r"-quarters$", word, re.I):
        return True
    nxt = doc[span.end : span.end + 2]
    return len(nxt) == 2 and nxt[0].lower_ == "of" and nxt[1].tag_ in ("DT", "PRP$", "PDT")


_HOLIDAY_WORD = re.compile(r"(?:(?:last|this|next)\s+)?(?:%s)" % HOLIDAY, re.I)


def _year_modifier(doc: Doc, span) -> bool:
    """ "his 1996 campaign", "the 1987 crash", "since 2009 prices ...": a year, not a count ("2000 troops") — after a
    determiner, a possessive or a preposition of time, or before a singular noun."""
    before = doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None and (before.tag_ in ("DT", "PRP$", "POS") or before.lower_ in _EN.year_prepositions)
    ) or doc[span.end].tag_ == "NN"


def text_before(text: str, s: int) -> str:
    return text[max(0, s - 4) : s].rstrip()


def _tense_at(doc: Doc, s: int, e: int) -> str:
    """past | future | present | unknown: the tense of the verb the expression hangs from."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return "unknown"
    tok = span.root
    after = span.end < len(doc) and doc[span.end]
    if after and after.tag_ == "POS" and after.head.i in range(span.start, span.end):
        return "past"  # "Tuesday's declaration", "Friday's close": news names a day's event once it has happened
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return "unknown"
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & {"will", "'ll", "shall", "wo"} or tok.lower_ == "going" or any(c.lower_ == "going" for c in aux):
        return "future"
    if tok.tag_ == "VB" and "to" in words and _finite_above(tok) == "present":
        # "is scheduled to close Monday", "is to resume trading Tuesday": ahead of a present verb (under a past one,
        # "had been scheduled to expire Friday", it may lie either side)
        return "future"
    if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux) or words & {"has", "have", "had"}:
        # "planned a rally on Saturday", "has scheduled a news conference Thursday": the plan is past, its day either side
        return "unknown" if tok.lemma_.lower() in _EN.schedule_verbs else "past"
    if tok.tag_ == "VBN":
        return "past" if not words & {"be", "is", "are"} else "present"
    if tok.tag_ == "VBG" and not words:
        return "unknown"  # a participle clause ("closing unchanged Friday") takes the tense of its sentence
    if tok.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am"}:
        return "present"
    return "unknown"


def _direction(tense: str, word_before: str) -> str:
    """The tense a date follows; a deadline set in the past may lie ahead ("extended the offer until Nov. 16", "a pact
    effective June 1"), so after such a word a past verb gives no direction."""
    if tense == "past" and word_before in _EN.deadline_signals:
        return "unknown"
    return tense


def _word_before(text: str, s: int) -> str:
    m = re.search(r"(\w+)\s+$", text[max(0, s - 20) : s])
    return m.group(1).lower() if m else ""


def _finite_above(tok) -> str:
    """past | present | unknown: the tense of the finite verb an infinitive hangs from."""
    for _ in range(4):
        if tok.head.i == tok.i:
            return "unknown"
        tok = tok.head
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux) or {c.lower_ for c in aux} & {"has", "have", "had"}:
            return "past"
        if tok.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux):
            return "present"
    return "unknown"


def _record(doc: Doc, text: str, s: int, e: int, v: Value, published) -> TimeExpr:
    sig = _signal_before(text, s)
    resolved = v.value is not None
    return TimeExpr(text[s:e], s, e, v.type, v.value, v.granularity, v.mod, sig, v.relative, resolved)


def _signal_before(text: str, s: int) -> Optional[str]:
    w = _word_before(text, s)
    return w if w in SIGNALS else None


def _anchor_events(doc: Doc, text: str, found: list[TimeExpr], published, skip) -> list[TimeExpr]:
    """ "a week after the airstrike": the value of the date given earlier next to the same event noun."""
    out = list(found)
    for m in _EVENT_ANCHORED.finditer(text):
        s, e = m.span()
        if any(a <= s < b for a, b in skip):
            continue
        noun = m["noun"].lower()
        anchor = _event_date(doc, text, noun, s, found)
        if anchor is None or any(t.start < s < t.end for t in out):
            # no date for the event: "90 days after their issue" is a stretch of 90 days (TIMEX3), as is "nearly two
            # months after ..." found whole already
            continue
        n = _num(m["n"]) or 1
        value, gran = _offset(anchor, _unit(m["u"]), int(n) * (1 if m["dir"].lower() == "after" else -1))
        if value is None:
            continue
        out = [t for t in out if not (t.start < e and s < t.end)]
        out.append(TimeExpr(text[s:e], s, e, "DATE", value, gran, None, _signal_before(text, s), True, True))
    return sorted(out, key=lambda t: t.start)


def _event_date(doc: Doc, text: str, noun: str, before: int, found: list[TimeExpr]) -> Optional[TimeExpr]:
    stem = noun.rstrip("s")
    for sent in doc.sents:
        if sent.start_char >= before:
            break
        if any(t.lower_.startswith(stem) or stem in t.lower_ for t in sent if t.pos_ == "NOUN"):
            dates = [
                t
                for t in found
                if sent.start_char <= t.start < sent.end_char
                and t.type == "DATE"
                and t.value
                and re.match(r"\d{4}", t.value)
            ]
            if dates:
                return dates[0]
    return None


def _offset(anchor: TimeExpr, unit: str, n: int) -> tuple[Optional[str], Optional[str]]:
    v = anchor.value or ""
    m = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?$", v)
    if not m:
        return None, None
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    new = shift(dt.date(y, mo, d), unit, n)
    gran = "day" if m[3] else ("month" if m[2] else "year")
    return at_granularity(new, gran), gran
