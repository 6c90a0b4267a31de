"""Credits, datelines and bylines read from the rules/provenance data files."""

from __future__ import annotations

from reportedly.provenance import credits as cr


def test_agency_dateline_and_wire_names():
    found = cr.find_credits("LONDON (Reuters) - Britain said on Monday it would act.")
    assert [(c.name, c.kind, c.wire) for c in found] == [("Reuters", "dateline", True)]
    assert cr.wire_name("the Associated Press") == "Associated Press" and cr.wire_name("AFP") == "AFP"
    assert cr.wire_name("Daily Planet") is None


def test_credit_kinds():
    assert ("Associated Press", "wire-credit") in {
        (c.name, c.kind) for c in cr.find_credits("By Jane Doe. Associated Press writers contributed.")
    }
    assert ("PTI", "wire-credit") in {(c.name, c.kind) for c in cr.find_credits("The council met. (With PTI inputs)")}
    carried = cr.find_credits("The singer left the band.\nSource: Variety\n")
    assert [(c.name, c.kind) for c in carried] == [("Variety", "carried")]
    # a mention of an agency's report is not a copy credit
    said = cr.find_credits("The minister resigned, reported the AFP news agency.")
    assert [(c.name, c.kind) for c in said] == [("AFP", "reported")]
    assert cr.copy_credits("The minister resigned, reported the AFP news agency.") == []
    assert cr.find_credits("Photo: Christian Charisius. The prize was announced.") == []


def test_own_dateline_is_not_an_agency():
    text = "(Newser) – Microsoft is buying the maker of Call of Duty."
    assert cr.own_dateline(text) == "Newser" and cr.dateline_wire(text) is None


def test_wire_original_needs_byline_and_dateline():
    assert cr.wire_original("By PIETRO DE CRISTOFARO\nROME (AP) — The prize went to ...")
    assert not cr.wire_original("ROME (AP) — The prize went to ...")


def test_a_flash_is_marked_as_a_first_version_under_an_agency_dateline():
    body = "RIVERSIDE (AFP) — The council voted on Monday to rebuild the Elm Street bridge."
    assert cr.flash("URGENT: Riverside to rebuild its bridge\n\n" + body)
    assert cr.flash("BREAKING\n" + body)
    assert cr.flash(body + "\n\nThis is a developing story and will be updated.")
    assert cr.flash(body + "\nTHIS IS A BREAKING NEWS UPDATE. The earlier story follows below.")
    # a marker without an agency's dateline (an outlet's live page), or a dateline without a marker, is no flash
    assert not cr.flash("BREAKING: The council voted on Monday to rebuild the Elm Street bridge.")
    assert not cr.flash(body + " The decision was urgent, the mayor said.")
    assert not cr.flash(body + "\nBreaking news of the vote spread fast on the east bank.")


def test_source_domain_line_is_a_carried_credit_on_another_site():
    page = "dailyrecord.co.uk\nLiz Truss resigned on Thursday after 45 days."
    assert cr.carried_from(page, "https://celebsbar.com/truss") == ("dailyrecord.co.uk", "wire-copy")
    assert cr.carried_from(page, "https://www.dailyrecord.co.uk/news/truss") is None  # its own masthead
    assert cr.carried_from("youtube.com\nWatch the speech.", "https://x.org/a") is None  # a platform


def test_dates_in_urls():
    assert cr.url_date("https://x.com/news/2022/10/20/truss-resigns") == "2022-10-20"
    assert cr.url_date("https://x.com/a-20240326-bridge.html") == "2024-03-26"
    assert cr.url_date("https://x.com/news/truss-resigns") is None


def test_press_release_services_are_told_from_news_agencies():
    assert (
        cr.release_service("GLOBE NEWSWIRE")
        and cr.release_service("PR Newswire")
        and cr.release_service("Business Wire")
    )
    assert not cr.release_service("Reuters") and not cr.release_service("Newser") and not cr.release_service(None)
    release = "OSLO, Norway, May 2, 2024 (BUSINESS WIRE) -- The Nordic Kettle Makers Union welcomes today's ruling."
    assert cr.release_service(cr.own_dateline(release))
    assert not cr.release_service(cr.own_dateline("RIVERSIDE (AFP) — The council voted on Monday."))
