"""A cache seeded with hand-built articles, so UI tests and snapshots do not move when extraction improves."""

from __future__ import annotations

from sqlite_utils import Database

from tuinews.models import Article, Dateline, Quote
from tuinews.store.articles import save_article

NIGHT_MARKET = """\
The night market returned to the old tram depot on Friday, with forty stalls, a brass band and queues that \
stretched past the tram museum.

"We had to prove the roof would hold before we could sell a single dumpling," said organiser Priya Natarajan, \
who spent two years raising money for the repairs.

Natarajan said the market would run every Friday until the end of March.
"""

TOLLS = """\
Tolls for cars on the Ravi Sea Link will fall by 20 per cent from January 1, the state's roads department said \
on Monday, after months of protests by commuter groups.

Roads minister Kavita Deshpande told reporters the cut would cost the state about Rs 90 crore a year. \
"Commuters have paid enough for this bridge, and the accounts now show it," Deshpande said.

The commuter forum welcomed the decision but said it would keep pressing for a monthly pass for two-wheelers \
and autorickshaws, which are barred from the bridge at present.

## What changes in January

Cars will pay Rs 68 for a one-way trip instead of Rs 85, and the return fare falls to Rs 100. Buses and \
trucks keep the present rates until the department reviews them in April.

Deshpande said the department would publish the new toll schedule by December 15.

Toll plaza staff will hand out leaflets with the new rates in the last week of December, and the department \
will put the schedule on its website and on boards at both ends of the bridge.

The sea link opened in 2009 and carries about 60,000 vehicles a day, according to the department's figures.
"""

LIGHTHOUSE = """\
SKERRY POINT, Scotland — The two keepers who have tended the lamp on Skerry Point for the past nine years \
locked the tower door for the last time on Wednesday, as the lighthouse board switched the station to remote \
control.

"It feels like closing the lid on a piano that has been played every night since 1886," said Alasdair Munro, \
the senior keeper, as he handed the brass key to a board engineer.

The board said the new lantern would be monitored from its operations room in Oban and visited by a \
maintenance crew every six weeks.

## A quieter coast

Munro said the keepers had logged more than 3,000 ship sightings and 41 rescues since he arrived, adding \
that the logbooks would go to the county archive.

His colleague, Fiona Grant, described the change as "the end of a long conversation with the sea." She said \
she planned to stay on the island and open a small museum in the keepers' cottage.
"""


def quote(body: str, text: str, speaker: str, role: str | None, kind: str) -> Quote:
    """A quote with its span found in `body`."""
    start = body.index(text)
    paragraph = body[:start].count("\n\n")
    return Quote(text, speaker, role, kind, paragraph, start, start + len(text), 0.9)  # type: ignore[arg-type]


def seed_articles() -> list[Article]:
    """The three articles every UI test and snapshot sees."""
    return [
        Article(
            title="Night market returns to the old tram depot",
            dek="Forty stalls and a brass band reopen the depot after a two-year gap.",
            url="https://harbourledger.example/city/night-market-returns",
            markdown=NIGHT_MARKET,
            source_kind="markdown",
            dateline=Dateline(
                place="Kestrel Bay",
                outlet="The Harbour Ledger",
                section="City",
                byline=["Tomasz Wiśniewski"],
                published="2026-11-20T19:00:00+00:00",
                read_minutes=1,
                word_count=72,
                language="en",
            ),
            quotes=[
                quote(
                    NIGHT_MARKET,
                    "We had to prove the roof would hold before we could sell a single dumpling",
                    "Priya Natarajan",
                    "organiser",
                    "direct",
                ),
                quote(
                    NIGHT_MARKET,
                    "the market would run every Friday until the end of March",
                    "Priya Natarajan",
                    "organiser",
                    "indirect",
                ),
            ],
        ),
        Article(
            title="Bridge tolls on Ravi Sea Link to fall from January",
            dek="The state cut car tolls by a fifth after commuter groups complained about rising charges.",
            url="https://heraldindia.example/india/bridge-tolls",
            markdown=TOLLS,
            source_kind="textdump",
            captions=["Cars queue at the Ravi Sea Link toll plaza on Monday."],
            dateline=Dateline(
                place="Mumbai",
                agency="PTI",
                outlet="Business Herald India",
                section="India News",
                published="2026-11-17T17:10:00+05:30",
                updated="2026-11-17T18:45:00+05:30",
                read_minutes=2,
                word_count=245,
                language="en",
            ),
            quotes=[
                quote(
                    TOLLS,
                    "the cut would cost the state about Rs 90 crore a year",
                    "Kavita Deshpande",
                    "Roads minister",
                    "indirect",
                ),
                quote(
                    TOLLS,
                    "Commuters have paid enough for this bridge, and the accounts now show it",
                    "Kavita Deshpande",
                    "Roads minister",
                    "direct",
                ),
                quote(
                    TOLLS,
                    "the department would publish the new toll schedule by December 15",
                    "Kavita Deshpande",
                    "Roads minister",
                    "indirect",
                ),
            ],
        ),
        Article(
            title="Last lighthouse keepers hand over the lamp",
            dek="Automation ends 140 years of staffed watches on Skerry Point.",
            url="https://northgate.example/coast/lighthouse-keepers",
            markdown=LIGHTHOUSE,
            source_kind="html",
            dateline=Dateline(
                place="Skerry Point, Scotland",
                outlet="The Northgate Times",
                section="Coast",
                byline=["Morag Baillie"],
                published="2026-11-12T08:30:00+00:00",
                updated="2026-11-12T11:05:00+00:00",
                read_minutes=1,
                word_count=190,
                language="en",
            ),
            quotes=[
                quote(
                    LIGHTHOUSE,
                    "It feels like closing the lid on a piano that has been played every night since 1886",
                    "Alasdair Munro",
                    "senior keeper",
                    "direct",
                ),
                quote(
                    LIGHTHOUSE,
                    "the keepers had logged more than 3,000 ship sightings and 41 rescues since he arrived",
                    "Alasdair Munro",
                    "senior keeper",
                    "indirect",
                ),
                quote(
                    LIGHTHOUSE, "the end of a long conversation with the sea", "Fiona Grant", None, "partial"
                ),
            ],
        ),
    ]


def seed(db: Database) -> None:
    """Save the seed articles into `db`."""
    for index, article in enumerate(seed_articles()):
        save_article(db, article, fallback_url=f"seed:{index}")
