"""Links are opened without a shell, as one argv item, http(s) only, never starting with `-`, and shown as
the exact target; subscription lists (OPML, URL lists) yield URLs only, never commands."""

from __future__ import annotations

import pytest

from tuinews.fetch.discover import discover_feeds
from tuinews.fetch.opml import Subscription, parse_subscriptions, to_opml
from tuinews.fetch.urls import is_http_url, link_allowed
from tuinews.links import LinkError, link_target, open_link
from tuinews.sanitize import REMOVED


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>",
        "-remote openURL(evil)",
        "--new-window http://e.example/",
        "exec:rm -rf ~",
        "http://e.example/\x1b]0;PWNED\x07",
        "http://e.example/\u202efdp.exe",
        "http://e.exa\x00mple/",
        "http:///no-host",
        "",
        None,
        "ftp://e.example/",
        "http://e.example:99999/",
    ],
)
def test_refused_links(url: str | None) -> None:
    calls: list[str] = []
    with pytest.raises(LinkError):
        open_link(url, opener=lambda target: calls.append(target) or True)
    assert calls == []


def test_the_target_is_one_plain_ascii_argument() -> None:
    calls: list[str] = []
    shown = open_link(
        "https://Bücher.example/a b\"c'd`e$(f)\\g?q=1 2#frag", opener=lambda t: calls.append(t) or True
    )
    assert calls == [shown]
    assert shown == "https://xn--bcher-kva.example/a%20b%22c%27d%60e$(f)%5Cg?q=1%202#frag"
    assert shown.isascii() and shown.isprintable() and not shown.startswith("-")


def test_user_info_is_dropped_so_the_host_shown_is_the_host_opened() -> None:
    assert link_target("http://bank.example@evil.example/login") == "http://evil.example/login"


def test_no_browser_is_a_clear_error() -> None:
    with pytest.raises(LinkError, match="no web browser"):
        open_link("https://e.example/", opener=lambda t: False)


def test_opml_and_url_lists_take_urls_only() -> None:
    opml = b"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <opml version="2.0"><body>
      <outline text="ok &x;" xmlUrl="https://good.example/feed"/>
      <outline text="exec" xmlUrl="exec:rm -rf ~"/>
      <outline text="filter" xmlUrl="filter:/bin/sh:http://e.example/"/>
      <outline text="query" xmlUrl="query:unread:unread = &quot;yes&quot;"/>
      <outline text="pipe" xmlUrl="|/bin/sh -c evil"/>
      <outline text="dash" xmlUrl="-oProxyCommand=evil"/>
      <outline text="file" xmlUrl="file:///etc/passwd"/>
      <outline text="esc" xmlUrl="http://e.example/&#x1b;]0;PWNED&#x7;"/>
    </body></opml>"""
    result = parse_subscriptions(opml)
    assert [s.url for s in result.feeds] == ["https://good.example/feed"]
    assert len(result.skipped) == 7
    assert all(not any(ord(c) in REMOVED for c in s) for s in result.skipped)
    urls = parse_subscriptions(b'exec:rm -rf ~\n"query:x:y"\nhttps://ok.example/f tag "~Title"\n-x\n`id`\n')
    assert [s.url for s in urls.feeds] == ["https://ok.example/f"] and len(urls.skipped) == 4


def test_deeply_nested_opml_does_not_crash() -> None:
    nested = b'<?xml version="1.0"?><opml><body>' + b'<outline text="f">' * 20000
    nested += b'<outline xmlUrl="https://deep.example/f"/>' + b"</outline>" * 20000 + b"</body></opml>"
    parse_subscriptions(nested)  # may keep or drop the deep feed; it must not raise


def test_opml_export_is_clean() -> None:
    text = to_opml(
        [Subscription("https://e.example/f", "A\x1b]0;PWNED\x07\u202eB", ["t\x9b6n"], "javascript:x")]
    )
    assert not any(ord(c) in REMOVED for c in text)
    assert "javascript" not in text


def test_link_rules_for_urls_found_in_feeds() -> None:
    assert not is_http_url("http://e.example/\x1b[6n")
    feed = "https://public.example/feed"
    for private in (
        "http://127.0.0.1/",
        "http://localhost:8080/",
        "http://[::1]/",
        "http://10.1.2.3/",
        "http://169.254.169.254/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ):
        assert not link_allowed(private, feed), private
    assert link_allowed("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/feed")
    assert link_allowed("https://other.example/a", feed, resolve=False)


def test_discovery_ignores_private_feeds_announced_by_public_pages() -> None:
    page = b"""<html><head>
      <link rel="alternate" type="application/rss+xml" href="http://127.0.0.1:2375/containers/json">
      <link rel="alternate" type="application/rss+xml" href="https://public.example/feed.xml">
    </head></html>"""
    assert discover_feeds(page, url="https://public.example/") == ["https://public.example/feed.xml"]
