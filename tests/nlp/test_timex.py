"""Time expressions normalised against the publication date."""

from __future__ import annotations

import pytest


def values(run, text, published="2021-12-21"):
    return [(t.text, t.value) for t in run(text, published=published).timexes]


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The strike took place in January 2020.", "January 2020", "2020-01"),
        ("He led the unit until October.", "October", "2021-10"),
        ("The interview took place in late September.", "late September", "2021-09"),
        ("It was reported earlier this year.", "earlier this year", "2021"),
        ("The deal was reached in 2015.", "2015", "2015"),
        ("She resigned on March 3, 2019.", "March 3, 2019", "2019-03-03"),
        ("He resigned on 3 March 2019.", "3 March 2019", "2019-03-03"),
        ("The vote was held yesterday.", "yesterday", "2021-12-20"),
        ("The vote will be held tomorrow.", "tomorrow", "2021-12-22"),
        ("The results came out last week.", "last week", "2021-W50"),
        ("Prices rose last year.", "last year", "2020"),
        ("The plant closed two years ago.", "two years ago", "2019"),
        ("The talks lasted three weeks.", "three weeks", "P3W"),
        ("In the last decade, the city doubled.", "the last decade", "P10Y"),
        ("The minister spoke on Monday.", "Monday", "2021-12-20"),
        ("The minister will speak on Thursday.", "Thursday", "2021-12-23"),
        ("Sales fell in the third quarter.", "third quarter", "2021-Q3"),
        ("It happened in the 1990s.", "the 1990s", "199"),  # TIMEX3: a decade is its first three digits
        ("The meeting starts at 10 a.m.", "10 a.m.", "2021-12-21T10:00"),
        ("The paper is published weekly.", "weekly", "P1W"),
        ("They met last summer.", "last summer", "2020-SU"),
    ],
)
def test_values(run, text, expr, value):
    got = values(run, text)
    assert (expr, value) in got, got


def test_event_anchored_expression(run):
    text = (
        "The airstrike killed him in January 2020. NBC News reported a week after the airstrike that "
        "intelligence had helped."
    )
    got = values(run, text)
    assert ("a week after the airstrike", "2020-01") in got


def test_without_publication_date_relative_ones_are_unresolved(run):
    got = run("The plant closed last year, and reopened in March 2019.", published=None)
    by_text = {t.text: t for t in got.timexes}
    assert by_text["last year"].value is None and not by_text["last year"].resolved and by_text["last year"].relative
    assert by_text["March 2019"].value == "2019-03" and by_text["March 2019"].resolved
    assert any("no publication date" in w for w in got.warnings)


def test_may_the_modal_is_not_a_month(run):
    assert all(t.text.lower() != "may" for t in run("Officials may announce the results soon.").timexes)


def test_signal_word_is_recorded(run):
    t = [t for t in run("He led military intelligence until October.").timexes if t.text == "October"][0]
    assert t.signal == "until"


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The shop was robbed Thursday evening.", "Thursday evening", "2021-12-16TEV"),
        ("In June last year, the police came back.", "June last year", "2020-06"),
        ("The election is due this September.", "this September", "2021-09"),
        ("Two helicopters crashed last February.", "last February", "2021-02"),
        ("He was shot last Oct. 23 at his home.", "Oct. 23", "2021-10-23"),
        ("The offer was extended to Jan. 16.", "Jan. 16", "2022-01-16"),
        ("Prices rose in March.", "March", "2021-03"),
        ("He fled in June 1998 and returned later that year.", "later that year", "1998"),
        ("The plant closed in May 2010. The following month, the firm was sold.", "The following month", "2010-06"),
        ("Sales fell in the 2019 second quarter.", "the 2019 second quarter", "2019-Q2"),
        ("The move follows Friday's declaration by Ford.", "Friday", "2021-12-17"),  # a day's event: past
        ("Its stock slumped, closing unchanged Monday at $29.", "Monday", "2021-12-20"),  # participle: nearest
    ],
)
def test_named_months_weekday_parts_and_anaphora(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_a_year_earlier_in_earnings_news_is_the_same_quarter_a_year_before(run):
    text = (
        "Profit rose in the third quarter to $3 million from $2 million a year earlier, and from the year-ago period."
    )
    got = values(run, text)
    assert ("third quarter", "2021-Q3") in got
    assert ("a year earlier", "2020-Q3") in got and ("the year-ago period", "2020-Q3") in got


def test_a_year_ago_without_a_quarter_is_the_year_before(run):
    assert ("a year ago", "2020") in values(run, "The bridge opened a year ago.")


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The current weakness in London worried traders.", "current", "PRESENT_REF"),
        ("It cited a recent filing with regulators.", "recent", "PAST_REF"),
        ("The market has moved in recent years toward cheaper gear.", "recent years", "PXY"),
        ("Officials confirmed the reports over the weekend.", "the weekend", "2021-W50-WE"),  # the one just past
        ("Traders will square positions ahead of the weekend.", "the weekend", "2021-W51-WE"),  # the one to come
        ("He lost his 1996 campaign for re-election.", "1996", "1996"),
    ],
)
def test_now_and_past_adjectives_the_weekend_and_years_naming_events(run, text, expr, value):
    assert (expr, value) in values(run, text)


@pytest.mark.parametrize(
    "text",
    ["The swimmers fought a strong ocean current.", "The army sent 2000 troops to the border."],
)
def test_a_current_that_flows_and_a_count_are_no_times(run, text):
    assert values(run, text) == []


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The family will gather on Thanksgiving Day.", "Thanksgiving Day", "2022-11-24"),
        ("The family gathered last Thanksgiving.", "last Thanksgiving", "2021-11-25"),
        ("The shops closed on Christmas Eve.", "Christmas Eve", "2020-12-24"),  # past tense: the one before
        ("The church was full at Easter 1998.", "Easter 1998", "1998-04-12"),
        ("He won on Election Day.", "Election Day", "2021-11-02"),
    ],
)
def test_holidays_are_dates_by_their_rule_and_the_tense(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_a_holiday_naming_a_thing_is_no_time(run):
    assert values(run, "She sold Christmas trees on the corner.") == []


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("In nineteen ninety-six the law passed.", "nineteen ninety-six", "1996"),
        ("He left in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
        ("By the year two thousand it was dead.", "the year two thousand", "2000"),
        ("It was cold in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
    ],
)
def test_spelled_out_years(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_two_thousand_alone_is_a_count(run):
    assert values(run, "Two thousand people marched.") == []


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The trial lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The talks went on for 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("The clip runs a minute and a half.", "a minute and a half", "PT1M30S"),
        ("He waited half an hour.", "half an hour", "PT30M"),
        ("The dispute took two and a half years.", "two and a half years", "P2Y6M"),
        ("The leave lasted half a year.", "half a year", "P6M"),
    ],
)
def test_durations_with_a_half(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_a_weekday_under_an_infinitive_of_a_present_verb_lies_ahead(run):
    # published on Tuesday 2021-12-21: the Monday to come, not the one just past
    assert ("Monday", "2021-12-27") in values(run, "The sale is scheduled to close Monday.")


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Troops will arrive within weeks.", "within weeks", "PXW"),
        ("Prices will rise in the coming years.", "the coming years", "PXY"),
        ("Sales rose for the first time in years.", "in years", "PXY"),
        ("Funds may sell in the weeks ahead.", "the weeks ahead", "PXW"),
        ("Over the years the town shrank.", "Over the years", "PXY"),
        ("The lease runs for at least 20 more years.", "at least 20 more years", "P20Y"),
        ("The church stood for almost a hundred years.", "almost a hundred years", "P100Y"),
        ("In the next couple of years it will grow.", "the next couple of years", "P2Y"),
    ],
)
def test_stretches_of_no_stated_length_and_counted_ones(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_a_plural_unit_naming_a_quantity_is_no_stretch(run):
    assert values(run, "The town is rebuilt in months with rain.") == []


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Net income for the year ended June 30 fell 5%.", "the year", "P1Y"),
        ("Sales for the full year were $6.6 billion.", "the full year", "2021"),
        ("It expects to cut 500 jobs by the end of the year.", "the end of the year", "2021"),
        ("Planting was delayed earlier in the year by rain.", "earlier in the year", "2021"),
        ("CBS News first reported last night that the tomb was empty.", "last night", "2021-12-20TNI"),
    ],
)
def test_the_year_of_earnings_news_and_last_night(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_the_year_before_is_no_year_of_publication(run):
    assert all(v != "2021" for _, v in values(run, "Profit fell to $3 million from $4 million the year before."))


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Sales slowed in the early summer.", "the early summer", "2021-SU"),
        ("The plan was drafted this past spring.", "this past spring", "2021-SP"),
        ("Prices fell sharply.", None, None),  # "fell": a bare "fall" is the verb
    ],
)
def test_bare_seasons(run, text, expr, value):
    got = values(run, text)
    assert ((expr, value) in got) if expr else got == []


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The warrants may be exercised until 90 days after their issue date.", "90 days", "P90D"),
        ("He quit nearly two months after his team was blocked.", "nearly two months", "P2M"),
    ],
)
def test_a_stretch_before_or_after_an_undated_event_is_a_duration(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_an_extent_takes_no_blank_before_it(run):
    t = [t for t in run("Mr. Smith, 24 hours later, left.").timexes][0]
    assert t.text == "24 hours" and t.value == "PT24H"


def test_an_age_is_no_duration(run):
    assert values(run, "Mr. Smith, 52 years old, will succeed him.") == []


def test_or_so_before_ago(run):
    assert ("a week or so ago", "2021-W50") in values(run, "Then, a week or so ago, the general picked a date.")


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Ukraine was ruled from Moscow for centuries.", "centuries", "PXCE"),
        ("For weeks the government has held rallies.", "weeks", "PXW"),
        ("The deal will close in the second half of 2022.", "the second half of 2022", "2022-H2"),
        ("Growth slowed in the first half of last year.", "the first half of last year", "2020-H1"),
        ("They will cut 6,000 jobs by year-end.", "year-end", "2021"),
        ("The sale is expected to close around year end.", "around year end", "2021"),
    ],
)
def test_for_years_halves_and_year_end(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_the_second_half_of_a_game_is_no_time(run):
    assert values(run, "They scored in the second half of the game.") == []


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The board meets twice a year.", "twice a year", "P1Y"),
        ("The index is revised every three months.", "every three months", "P3M"),
        ("The shop is closed on Sundays.", "Sundays", "XXXX-WXX-7"),
        ("Flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("The ferry departs each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("Marchers parade each July.", "each July", "XXXX-07"),
        ("The firm pays interest every quarter.", "every quarter", "P1Q"),
    ],
)
def test_sets(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_a_rate_is_no_set(run):
    assert values(run, "The bonds pay $5 a year.") == []


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("He was shot on Oct. 23, 2020. Earlier that day, his family sent a fax.", "Earlier that day", "2020-10-23"),
        ("He appeared in court on Monday. He looked well the next morning.", "the next morning", "2021-12-21"),
        ("The deal closed on March 3, 2019. The previous day, shares fell.", "The previous day", "2019-03-02"),
    ],
)
def test_a_day_told_by_the_date_before_it(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_that_day_with_no_date_before_it_is_dropped(run):
    assert values(run, "Funds see strong redemptions that day.") == []


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The goal is 40,000 troops by the end of the month.", "the end of the month", "2021-12"),
        ("At the start of the week, markets fell.", "the start of the week", "2021-W51"),
        ("He made the late-November trip.", "late-November", "2021-11"),
    ],
)
def test_the_edge_of_this_month_or_week_and_hyphenated_edges(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_a_bare_the_month_is_no_date(run):
    assert values(run, "The month was hot.") == []


def test_a_weekday_under_a_present_verb_is_the_next_one_or_yesterday(run):
    # published on Tuesday 2021-12-21
    assert ("Monday", "2021-12-20") in values(run, "He cannot be located Monday, his lawyers say.")
    assert ("Wednesday", "2021-12-22") in values(run, "The two leaders meet separately Wednesday.")
    assert ("Sunday", "2021-12-26") in values(run, "The summit opens Sunday in Geneva.")


@pytest.mark.parametrize(
    "text",
    [
        "Iraq imports about three-quarters of its food.",
        "They hold more than a quarter of the market.",
        "A second group of directors joined the board.",
    ],
)
def test_shares_and_ordinals_are_no_durations(run, text):
    assert values(run, text) == []


def test_an_ordinal_quarter_of_the_year_and_a_count_of_quarters_stay(run):
    assert ("third quarter", "2021-Q3") in values(run, "Sales rose in the third quarter of the year.")
    assert ("two quarters", "P2Q") in values(run, "The firm lost money for two quarters of the year.")


def test_a_season_naming_a_thing_is_no_time(run):
    assert ("Winter", "2021-WI") not in values(run, "Winter storms hit the coast.")


def test_the_next_decade_is_a_stretch_as_the_last_one_is(run):
    assert ("the next decade", "P10Y") in values(run, "Prices will rise over the next decade.")


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The offer expires at 5 p.m. EST, Dec. 28.", "5 p.m. EST, Dec. 28", "2021-12-28T17:00"),
        ("He will leave at 4 a.m. EDT Thursday.", "4 a.m. EDT Thursday", "2021-12-23T04:00"),
        ("The blast came at 10:35 a.m. (0735 GMT) Monday.", "10:35 a.m. (0735 GMT) Monday", "2021-12-20T10:35"),
    ],
)
def test_a_clock_time_with_its_zone_and_day(run, text, expr, value):
    assert (expr, value) in values(run, text)


@pytest.mark.parametrize(
    "text, expr, value",
    [
        # published Tuesday 2021-12-21: a deadline set in the past may lie ahead, the nearest one is meant
        ("The agency gave the family until Wednesday to sign.", "Wednesday", "2021-12-22"),
        ("The board named a new chairman, effective Feb. 1.", "Feb. 1", "2022-02-01"),
        ("The bank extended the loans through January.", "January", "2022-01"),
        ("The talks went on until Sunday.", "Sunday", "2021-12-19"),
    ],
)
def test_a_deadline_under_a_past_verb_is_the_nearest_date(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_a_day_set_by_a_past_plan_is_the_nearest_one(run):
    # published Tuesday 2021-12-21
    assert ("Wednesday", "2021-12-22") in values(run, "Protesters planned a large rally on Wednesday.")
    assert ("Monday", "2021-12-20") in values(run, "Protesters marched on Monday.")


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Eight trading days after the crash, the index fell.", "Eight trading days", "P8D"),
        ("It has been a tough business in recent quarters.", "recent quarters", "PXQ"),
    ],
)
def test_trading_days_and_recent_quarters(run, text, expr, value):
    assert (expr, value) in values(run, text)


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Prices rose 2.8% in the year to November.", "the year", "P1Y"),
        ("The budget for the next financial year was unveiled.", "the next financial year", "2022"),
    ],
)
def test_the_year_to_a_month_and_financial_years(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_midnight_ends_the_day_it_names(run):
    assert ("midnight Monday", "2021-12-20T24:00") in values(run, "The offer expired at midnight Monday.")


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Islam will one day be the second largest religion.", "one day", "FUTURE_REF"),
        ("His mother may show up someday in this country.", "someday", "FUTURE_REF"),
        ("The strike lasted one day.", "one day", "P1D"),
    ],
)
def test_one_day_before_a_verb_is_a_time_to_come(run, text, expr, value):
    assert (expr, value) in values(run, text)


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The company lost $2 billion in fiscal 2019.", "fiscal 2019", "2019"),
        ("Results for the fiscal year 2019 were weak.", "the fiscal year 2019", "2019"),
        ("Since 2009 prices have doubled.", "2009", "2009"),
        ("In 2012 sales rose.", "2012", "2012"),
    ],
)
def test_fiscal_years_and_a_year_after_a_preposition(run, text, expr, value):
    assert (expr, value) in values(run, text)


def test_the_quarter_is_the_one_ended_then_or_the_one_just_named(run):
    text = "Delta earned $5 million for the quarter ended Sept. 30. In the first quarter, it lost money. Results for that quarter included a charge."
    got = values(run, text)
    assert ("the quarter", "2021-Q3") in got and ("that quarter", "2021-Q1") in got


def test_a_quarter_of_this_or_next_year(run):
    got = values(run, "Sales for this year's third quarter rose; the spin-off is due in next year's first quarter.")
    assert ("this year's third quarter", "2021-Q3") in got and ("next year's first quarter", "2022-Q1") in got
