"""A queued article as it will read once built, built now for whoever opens it.

A refresh stores each feed entry at once with only its summary and builds the full article (Markdown
body, quotes, dateline) from the stored entry page in its background step, seconds later. Whoever opens
such an article meanwhile (the reader, `show`, `export`) does not wait for that step: the article is built
on the spot from the same stored page by the same code (`extraction.build_article`), and shown without
being saved. The refresh keeps every write, and what it saves is the same article.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

from tuinews.models import Quote, StoredArticle
from tuinews.store.articles import article_columns
from tuinews.store.db import Store
from tuinews.store.feeds import pending_article

#: Queue states whose article can be built from what is stored: a feed entry, or a page already fetched.
PREVIEWED = ("entry", "page")

#: Columns of the built article the stored row's fields are replaced with (the row keeps its identity,
#: place in the list and the user's flags).
_SHOWN = (
    "title",
    "dek",
    "outlet",
    "agency",
    "section",
    "place",
    "published",
    "published_raw",
    "published_utc",
    "published_day",
    "updated",
    "updated_raw",
    "language",
    "word_count",
    "read_minutes",
)


def built_if_pending(db: Store, stored: StoredArticle) -> tuple[StoredArticle, list[Quote]] | None:
    """`stored` as it will read once the background step has built it, with its quotes; None when it is
    not waiting for that step (or cannot be built: then it stays as stored, as the step would leave it)."""
    if stored.pending not in PREVIEWED:
        return None
    item = pending_article(db, stored.id)
    if item is None:
        return None
    from tuinews.fetch.extraction import build_article  # the extraction stack, only once it is needed

    article, _error = build_article(item, datetime.now(UTC))
    if article is None:
        return None
    if not article.dateline.published:  # as the step saves it: the entry's own date stays
        article.dateline.published, article.dateline.published_raw = stored.published, stored.published_raw
    columns = article_columns(article, fingerprint="-")
    changes = {name: columns[name] for name in _SHOWN}
    changes["byline"] = json.loads(columns["byline"])
    changes["markdown"] = article.markdown
    return dataclasses.replace(stored, **changes), list(article.quotes)
