"""World knowledge the extractor needs beyond site.yaml: state names, demonyms, official titles."""

from __future__ import annotations

import re

# Sovereign states (short English names), so that a state absent from site.yaml is still an actor.
STATES = tuple(
    re.split(
        r",\s*",
        """
Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria, Azerbaijan,
Bahrain, Bangladesh, Belarus, Belgium, Bolivia, Bosnia and Herzegovina, Brazil, Bulgaria, Cambodia,
Canada, Chile, China, Colombia, Croatia, Cuba, Cyprus, Czech Republic, Czechia, Denmark, Egypt,
Estonia, Ethiopia, Finland, France, Georgia, Germany, Greece, Hungary, Iceland, India, Indonesia,
Iran, Iraq, Ireland, Israel, Italy, Japan, Jordan, Kazakhstan, Kosovo, Kuwait, Kyrgyzstan, Latvia,
Lebanon, Libya, Liechtenstein, Lithuania, Luxembourg, Malaysia, Mali, Malta, Mexico, Moldova,
Monaco, Mongolia, Montenegro, Morocco, Netherlands, New Zealand, Nigeria, North Korea,
North Macedonia, Norway, Pakistan, Poland, Portugal, Qatar, Republic of Korea, Romania, Russia,
Saudi Arabia, Serbia, Slovakia, Slovenia, South Africa, South Korea, Spain, Sweden, Switzerland,
Syria, Taiwan, Tajikistan, Turkey, Turkmenistan, Ukraine, United Kingdom, United States,
Uzbekistan, Venezuela, Vietnam, Yemen
""".strip(),
    )
)

# Demonym -> state, for officials named by nationality ("Polish Foreign Minister" -> Poland).
DEMONYMS = {
    "American": "United States",
    "U.S.": "United States",
    "US": "United States",
    "British": "United Kingdom",
    "Belarusian": "Belarus",
    "Chinese": "China",
    "Czech": "Czech Republic",
    "Estonian": "Estonia",
    "Finnish": "Finland",
    "French": "France",
    "Georgian": "Georgia",
    "German": "Germany",
    "Hungarian": "Hungary",
    "Iranian": "Iran",
    "Italian": "Italy",
    "Latvian": "Latvia",
    "Lithuanian": "Lithuania",
    "Polish": "Poland",
    "Romanian": "Romania",
    "Russian": "Russia",
    "Spanish": "Spain",
    "Swedish": "Sweden",
    "Turkish": "Turkey",
    "Ukrainian": "Ukraine",
}

# Titles that introduce a person's name ("Foreign Minister Witold Waszczykowski").
TITLES = (
    "President",
    "Vice President",
    "Prime Minister",
    "Chancellor",
    "Foreign Minister",
    "Defense Minister",
    "Defence Minister",
    "Minister",
    "Secretary General",
    "Secretary-General",
    "Secretary of State",
    "Secretary of Defense",
    "Senator",
    "Ambassador",
    "General",
    "Admiral",
    "Mayor",
    "King",
    "Queen",
    "Pope",
    "Chairman",
    "Director",
    "Commissioner",
)

# Lower-case particles inside personal names ("Ursula von der Leyen").
NAME_PARTICLES = ("von", "van", "der", "den", "de", "da", "del", "di", "bin", "al", "le", "la")

# Capitalised words that open or continue phrases but are never part of a personal name.
NOT_NAMES = frozenset(
    re.split(
        r"\s+",
        """A An And As At But By For From He If In It Its On Or She So The Then There These They
        This Those To We When While With According After Before During Under Over Our Their His
        Her Assembly Council Committee Conference Administration Office Department Ministry Court
        Staff Treaty Act Agreement Concept Strategy Plan Programme Program Initiative
        Summit Declaration Union Organization Government Commission""",
    )
)

# Head nouns that make a capitalised phrase the name of a body ("Venice Commission").
ORGANISATION_HEADS = (
    "Agency",
    "Bank",
    "Commission",
    "Committee",
    "Council",
    "Court",
    "Fund",
    "Mission",
    "Parliament",
)
