import pytest

from reportedly.analyze import prepare
from reportedly.errors import UnsupportedLanguageError

# a made-up Estonian news paragraph: no language the project has function words for
ESTONIAN = (
    "Kosmoseagentuur teatas teisipäeval, et katse õnnestus paremini kui loodeti. Väike taevakeha tiirleb nüüd "
    "suurema kaaslase ümber pool tundi kiiremini. Teadlased jätkavad mõõtmisi mitme teleskoobiga üle maailma, "
    "sest tulemuse täpsus sõltub vaatluste arvust. Agentuuri juht ütles pressikonverentsil, et see on oluline "
    "samm planeedi kaitsmisel ja et järgmine missioon uurib kraatrit lähemalt."
)


def test_a_page_in_an_unrecognised_language_is_stored_unanalysed_when_foreign_pages_are_allowed():
    p = prepare(ESTONIAN, foreign=True)
    assert p.language == "und" and not p.boilerplate
    assert any("stored without analysis" in w for w in p.warnings)


def test_a_page_in_an_unrecognised_language_is_still_refused_for_analysis():
    with pytest.raises(UnsupportedLanguageError):
        prepare(ESTONIAN)
