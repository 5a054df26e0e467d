"""Word lists for quote attribution: honorifics, titles, role and organisation nouns, cue verbs."""

from __future__ import annotations

import re

# fmt: off
UPPER = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isalpha() and chr(c).isupper())
LETTER = r"[^\W\d_]"  # any letter, Unicode aware
HONORIFICS = {"herr": "m", "frau": "f",
               "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "sir": "m",
               "dame": "f", "lord": "m", "lady": "f", "prof": None, "rev": None}
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "chancellor", "ambassador", "judge", "justice",
    "mayor", "king", "queen", "prince", "princess", "pope", "sheikh", "chairman", "chairwoman", "chair",
    "director", "commissioner", "premier", "governor", "gov", "senator", "sen", "rep", "representative",
    "gen", "general", "col", "colonel", "lt", "capt", "captain", "sgt", "professor", "coach", "spokesperson",
    "spokesman", "spokeswoman", "ceo", "chief", "commander", "envoy", "attorney", "detective", "inspector",
    "superintendent", "admiral", "archbishop", "bishop", "cardinal", "rabbi", "imam", "officer",
}
ROLE_NOUNS = {
    "spokesperson", "spokesman", "spokeswoman", "minister", "secretary", "president", "chairman",
    "chairwoman", "chair", "director", "chief", "executive", "ceo", "cfo", "coo", "founder", "co-founder",
    "governor", "mayor", "senator", "lawmaker", "legislator", "congressman", "congresswoman", "leader",
    "head",
    "commissioner", "ambassador", "envoy", "analyst", "economist", "strategist", "professor", "researcher",
    "scientist", "lawyer", "attorney", "prosecutor", "judge", "coach", "manager", "adviser", "advisor",
    "general", "commander", "chancellor", "premier", "official", "officer", "representative", "owner",
    "partner", "editor", "author", "activist", "campaigner", "organiser", "organizer", "negotiator",
    "diplomat", "inspector", "investigator", "doctor", "physician", "nurse", "teacher", "pilot", "captain",
    "deputy", "spokespeople", "administrator", "coordinator", "fellow", "lecturer",
    "filmmaker", "actor", "actress", "singer", "songwriter", "writer", "novelist", "poet", "artist",
    "musician", "photographer", "journalist", "reporter", "columnist", "chef", "farmer", "employee", "driver",
    "geologist",
    "biologist", "physicist", "chemist", "astronomer", "co-author", "epidemiologist", "psychologist",
    "secretary-general", "president-elect", "historian", "expert",
    "specialist", "consultant", "engineer", "designer", "developer", "producer", "player", "striker",
    "midfielder", "defender", "goalkeeper", "candidate", "speaker", "king", "queen", "prince", "princess",
    "councillor", "councilor", "councilman", "councilwoman", "headteacher", "headmaster", "headmistress",
    "principal", "passenger", "resident", "co-owner", "soprano", "tenor", "oenologist", "agronomist",
    "astrobiologist", "geophysicist", "hydrologist", "meteorologist", "priest", "vicar", "barrister",
    "solicitor", "apprentice", "chairperson", "treasurer", "curator", "architect", "surgeon", "nun",
}
ROLE_MODIFIERS = {"retired", "opposition", "local",
                  "deputy", "former", "senior", "chief", "foreign", "vice", "acting", "interim", "top",
                   "lead", "press", "then", "assistant", "associate", "principal", "regional", "general",
                   "managing", "executive", "finance", "defence", "defense", "energy", "health", "trade"}
ORG_WORDS = {
    "Ministry", "Department", "Agency", "Bank", "Company", "Corporation", "Corp", "Corp.", "Inc", "Inc.",
    "Ltd", "Ltd.", "LLC", "Group", "Council", "Commission", "Committee", "Office", "Kremlin", "Pentagon",
    "Parliament", "Congress", "Senate", "Government", "University", "Institute", "Association", "Federation",
    "Union", "Party", "Authority", "Board", "Bureau", "Fund", "Foundation", "Organization", "Organisation",
    "Court", "Police", "Army", "Navy", "Service", "Airlines", "Airways", "Motors", "Systems", "Technologies",
    "Labs", "Holdings", "Partners", "Network", "Center", "Centre", "Secretariat", "Embassy", "Cabinet",
    "Assembly", "Administration", "Command", "Forces", "Trust", "Society", "Alliance", "Coalition", "Club",
    "Railways", "Reserve", "Exchange", "Bundestag", "Commonwealth", "Directorate",
    "Museum", "Gallery", "Library", "Hospital", "School", "Theatre", "Theater", "Orchestra",
    "Church", "Guild", "Radio", "Television", "Estates", "Logistik", "Logistics", "AG", "GmbH", "SA", "PLC", "plc",
    "Regulator", "Pharma", "Resources", "Ferries", "Trams", "Semiconductor", "Industries", "Energy", "Mining",
    "Syndicat", "Federación", "Verband", "Chamber", "Co-operative", "Cooperative", "Syndicate", "Survey",
    "Observatory", "Laboratory", "Academy", "College", "Festival", "League", "Tribunal", "Inspectorate",
    # football and other clubs: "Irwell Athletic", "Salford Rovers", "Crewe Wanderers"
    "Athletic", "Rovers", "Wanderers", "Rangers", "Albion", "FC", "AFC",
}
ORG_NOUNS = {
    "ministry", "company", "firm", "department", "agency", "bank", "group", "organisation", "organization",
    "council", "commission", "committee", "office", "party", "union", "court", "institute", "university",
    "authority", "board", "bureau", "fund", "foundation", "association", "federation", "government",
    "regulator", "startup", "airline", "carrier", "retailer", "automaker", "carmaker", "lender", "insurer",
    "manufacturer", "maker", "club", "team", "charity", "embassy", "administration", "network", "studio",
    "publisher", "platform", "alliance", "coalition", "campaign", "watchdog", "operator", "utility",
    "corporation", "unit", "subsidiary", "division", "affiliate", "museum", "gallery", "library",
    "hospital", "theatre", "theater", "orchestra", "trust", "festival", "league", "tribunal",
}
BUSINESS_NOUNS = {"company", "firm", "group", "startup", "corporation", "unit", "subsidiary", "airline", "carrier", "retailer", "automaker",
                   "carmaker", "lender", "insurer", "manufacturer", "maker", "studio", "publisher",
                   "platform", "operator", "utility", "network", "club", "team", "charity"}
GENERIC = {
    "officials", "critics", "residents", "analysts", "experts", "sources", "witnesses", "people", "observers",
    "police", "authorities", "investigators", "researchers", "scientists", "doctors", "lawmakers",
    "diplomats", "protesters", "activists", "economists", "traders", "prosecutors", "organisers",
    "organizers", "volunteers", "locals", "others", "some", "many", "several", "both", "everyone", "nobody",
    "someone", "one", "spokespeople", "officers", "voters", "fans", "users", "workers", "employees",
    "parents", "students", "teachers", "farmers", "families", "supporters", "opponents",
}
CAP_STOP = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "However", "After", "Before", "When", "While",
    "If", "As", "Since", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "His",
    "Her", "Its", "Their", "Our", "My", "Your", "Meanwhile", "Also", "Still", "Yet", "So", "For", "With",
    "From", "By", "To", "Of", "Last", "Next", "Earlier", "Later", "Then", "There", "Here", "According",
    "Asked", "Speaking", "Despite", "Although", "Though", "Under", "Over", "During", "Most", "All", "No",
    "Not", "Now", "Today", "Yesterday", "Instead", "Separately", "Why", "What", "Who", "How", "Where",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Photo", "Read",
    "Related", "Advertisement", "Such", "Even", "Only", "Every", "Each", "Among", "Without",
    "Once", "Until", "Because", "Like", "Unlike", "Through", "Into", "Dear", "Mr", "Ms",
    # German articles, pronouns and prepositions that open sentences ("Er sagte", "Nach Angaben")
    "Der", "Die", "Ein", "Eine", "Einen", "Einem", "Einer", "Er", "Sie", "Es", "Wir", "Nach", "Laut",
    "Im", "Am", "Vom", "Zum", "Zur", "Auch", "Aber", "Und",
}
MID_STOP = {"The", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
             "February", "March", "April", "June", "July", "August", "September", "October", "November",
             "December", "But", "And", "However", "Meanwhile", "According"}
ONE_WORD_ORGS = {"Kremlin", "Pentagon", "Parliament", "Congress", "Senate", "Bundestag", "Secretariat"}
CAP_STOP_LOWER = {w.lower() for w in CAP_STOP} | GENERIC
PARTICLES = {"de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "van", "von", "bin",
              "bint", "ibn", "al", "el", "la", "le", "ter", "ten", "y", "of", "for", "the"}
SPLIT_PARTICLES = {"of", "for", "the"}
#: German and Russian cue verbs (direct, inverted and indirect forms work the same way as in English).
FOREIGN_CUES = (
    "sagte|sagt|erklärte|erklärt|betonte|betont|warnte|warnt|kritisierte|"
    "сказал|сказала|заявил|заявила|сообщил|сообщила|добавил|добавила|отметил|отметила|подчеркнул|"
    "подчеркнула|рассказал|рассказала|пояснил|пояснила|"
    # neuter: an organisation speaking ("Управление заявило, что ...")
    "заявило|сообщило|отметило|добавило|подчеркнуло|пояснило"
)
#: Russian organisation heads: "Управление гражданской обороны республики" is one name, its other words in
#: lower case.
RU_ORG_HEADS = frozenset(
    "Управление Министерство Правительство Администрация Служба Центр Институт Комитет Совет Агентство "
    "Департамент Компания Мэрия Прокуратура Суд Госдума Фонд Союз Банк Университет Академия Музей".split()
)
CUE_VERBS = (
    f"{FOREIGN_CUES}|"
    "said|says|told|tells|added|adds|wrote|writes|warned|warns|insisted|insists|clarified|clarifies|"
    "reiterated|reiterates|stressed|stresses|explained|explains|noted|notes|argued|argues|asked|asks|"
    "replied|replies|announced|announces|declared|declares|continued|recalled|remarked|commented|"
    "responded|emphasi[sz]ed|emphasi[sz]es|cautioned|observed|tweeted|posted|predicted|conceded|"
    "suggested|claimed|complained|boasted"
)
# Verbs that can introduce reported (indirect) speech; questions and posts are left to direct quotes.
ICUE_VERBS = (
    f"{FOREIGN_CUES}|"
    "said|says|told|tells|added|adds|wrote|writes|warned|warns|insisted|insists|clarified|clarifies|"
    "reiterated|reiterates|stressed|stresses|explained|explains|noted|notes|argued|argues|replied|"
    "announced|announces|declared|declares|emphasi[sz]ed|emphasi[sz]es|cautioned|claimed|claims|"
    "suggested"
)
PCUE_EXTRA = ("described|describes|describing|called|calls|calling|termed|dubbed|dismissed|dismisses|branded|"
    "labell?ed|hailed|derided|characteri[sz]ed|назвал|назвала|sprach\\s+von")
CUE_RE = re.compile(rf"\b(?:{CUE_VERBS})\b")
ICUE_RE = re.compile(rf"\b(?:{ICUE_VERBS})\b")
PCUE_RE = re.compile(rf"\b(?:{CUE_VERBS}|{PCUE_EXTRA}|saying|adding)\b")
INVERTED_CUES = {"said", "says", "added", "adds", "wrote", "writes", "asked", "asks", "replied", "continued",
                  "insisted", "warned", "explained", "noted", "argued", "declared", "stressed",
                  *FOREIGN_CUES.split("|")}
#: Nouns and adjectives that end like a role or job ("Councillor", "Headteacher", "Verbandssprecher"): a
#: capitalised word of this shape leading a run of three or more words is a role, not a first name.
ROLE_SUFFIXES = ("ist", "or", "er", "eur", "ian", "ant", "ent", "man", "woman", "erin", "orin", "istin",
                 "entin", "antin", "ärin", "erin", "ica", "ница", "тель", "ист", "ер", "ор", "ом")
#: Adjective endings: lower-case words that may qualify a role before a name ("planetary geologist").
ADJ_SUFFIXES = ("al", "ic", "ary", "ive", "ous", "an", "ese", "ish", "ful", "ar", "ory", "ent", "ant")
PLACE_WORDS = {"Road", "Street", "Lane", "Avenue", "Terrace", "Square", "Park", "Bridge", "River", "Valley",
               "Island", "Hill", "Way", "Drive", "Close", "Crescent", "Place", "Row", "Gardens", "Bay",
               "Harbour", "Harbor", "Port", "Station", "Airport", "Mountain", "Lake", "Coast", "Strait",
               "County", "Province", "Region", "District", "Line", "Estate", "Centre", "Market", "Cross"}
LOCATIVES = {"in", "at", "on", "near", "from", "to", "outside", "across", "inside", "into", "through",
             "via", "around", "along", "off", "toward", "towards", "of", "the", "its", "their", "his", "her"}

# fmt: on
