"""The dateline panel: where, when, by whom, from which agency and outlet. Unknown fields are left out."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from tuinews.models import StoredArticle
from tuinews.ui.text import parse_iso, relative_age, safe


def _when(
    label: str, iso: str | None, raw: str | None, now: datetime | None, also: str | None = None
) -> Text | None:
    """A timestamp in the source's zone (named as the source named it, `raw`, or else as `also` names it:
    the other timestamp of the page, when either agrees with the stored offset), then in the local zone
    when that differs, then its age."""
    moment = parse_iso(iso)
    if moment is None:
        return None
    # The zone table (and zoneinfo) load with the first timestamp shown, not with the app (launch path).
    from tuinews.extract.timezones import stated_zone

    line = Text(f"{label}\n", "bold")
    zone = stated_zone(raw, moment) or stated_zone(also, moment) or _offset_name(moment)
    line.append("  " + moment.strftime("%d %b %Y %H:%M") + " " + zone)
    local = moment.astimezone()
    if local.utcoffset() != moment.utcoffset():
        line.append(f"\n  {local.strftime('%d %b %H:%M')} {_offset_name(local)} local", "dim")
    line.append(f"\n  {relative_age(moment, now)}", "dim")
    return line


def _day_only(day: str) -> Text:
    """A publication day the page gave without a time or zone."""
    line = Text("Published\n", "bold")
    try:
        line.append("  " + datetime.strptime(day, "%Y-%m-%d").strftime("%d %b %Y"))
    except ValueError:
        line.append_text(safe("  " + day))
    line.append("\n  day only: no time or zone given", "dim")
    return line


def _offset_name(moment: datetime) -> str:
    offset = moment.strftime("%z")
    return "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"


def dateline_text(article: StoredArticle, now: datetime | None = None) -> Text:
    """The panel's content for one article."""
    lines: list[Text] = []

    def field(label: str, value: str | None) -> None:
        if value:
            line = Text(f"{label}: ", "bold")
            line.append_text(safe(value))
            lines.append(line)

    field("Place", article.place)
    field("Agency", article.agency)
    field("Outlet", article.outlet)
    field("Section", article.section)
    field("By", ", ".join(article.byline))
    # A page that names its zone once ("10:47 AEDT ... Updated 13:05") has both times in that zone.
    for label, iso, raw, also in (
        ("Published", article.published, article.published_raw, article.updated_raw),
        ("Updated", article.updated, article.updated_raw, article.published_raw),
    ):
        when = _when(label, iso, raw, now, also)
        if when is not None:
            lines.append(when)
        elif label == "Published" and article.published_day:
            lines.append(_day_only(article.published_day))
    if article.read_minutes:
        lines.append(Text(f"{article.read_minutes} min read · {article.word_count:,} words"))
    field("Language", article.language)
    return Text("\n").join(lines) if lines else Text("No dateline information.", "dim")


class DatelinePanel(Static):
    """Renders `dateline_text` for the article being read."""

    def show(self, article: StoredArticle | None, now: datetime | None = None) -> None:
        """Display the dateline of `article`."""
        self.update(dateline_text(article, now) if article else Text(""))
