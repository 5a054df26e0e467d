"""Properties of URL canonicalisation and the http(s) rule."""

from __future__ import annotations

from urllib.parse import parse_qsl, urljoin, urlsplit

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from tuinews.fetch.urls import TRACKING_PARAMS, canonical_url, is_http_url, resolve_url
from tuinews.links import LinkError, link_target

_label = st.from_regex(r"[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?", fullmatch=True)
hosts = st.lists(_label, min_size=1, max_size=3).map(lambda p: ".".join(p) + ".example")
_param = st.one_of(
    st.sampled_from(["utm_source", "utm_Medium", "fbclid", "gclid", "id", "page", "q"]), _label
)
queries = st.lists(st.tuples(_param, st.text(alphabet="abc123 %&=+", max_size=6)), max_size=5)
urls = st.builds(
    lambda scheme, host, port, path, query, frag: (
        f"{scheme}://{host}{port}/{path}"
        + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "")
        + (f"#{frag}" if frag else "")
    ),
    st.sampled_from(["http", "https", "HTTP", "Https"]),
    hosts,
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.text(alphabet="abc/-_.~%20", max_size=20),
    queries,
    st.text(alphabet="abc", max_size=4),
)


@given(urls)
@settings(max_examples=300)
def test_canonical_is_idempotent_and_drops_tracking(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once
    parts = urlsplit(once)
    assert (
        parts.fragment == ""
        and parts.scheme in ("http", "https")
        and parts.hostname == parts.hostname.lower()
    )
    keys = [k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)]
    assert not any(k.startswith("utm_") or k in TRACKING_PARAMS for k in keys)
    assert is_http_url(once)


@given(st.text(max_size=60))
def test_canonical_never_raises(text: str) -> None:
    canonical_url(text)


@given(st.text(max_size=40), st.text(max_size=40))
def test_resolved_links_are_http_or_nothing(base: str, link: str) -> None:
    resolved = resolve_url("https://site.example/a/" + base, link)
    assert resolved is None or is_http_url(resolved)


@given(st.text(max_size=60))
@settings(max_examples=300)
def test_link_targets_are_plain_http_arguments(text: str) -> None:
    for candidate in (text, "https://e.example/" + text, "http://" + text):
        try:
            target = link_target(candidate)
        except LinkError:
            continue
        assert target.startswith(("http://", "https://"))
        assert target.isascii() and target.isprintable() and " " not in target
        assert not any(c in target for c in "\"'\\`<>")
        assert link_target(target) == target


@given(urls)
def test_a_canonical_http_url_is_always_openable(url: str) -> None:
    assume(is_http_url(url))
    link_target(canonical_url(url))


@given(st.one_of(urls, st.text(max_size=60), st.text(max_size=30).map(lambda t: "https://a.example/" + t)))
@settings(max_examples=500)
def test_the_shortcut_gives_what_the_full_parse_gives(url: str) -> None:
    from tuinews.fetch.urls import _canonical_form

    assert canonical_url(url) == _canonical_form(url.strip())


@given(st.text(max_size=40))
@example(";")
@example("a;/b;?c")
def test_absolute_links_resolve_to_what_urljoin_gives_after_canonicalising(path: str) -> None:
    from urllib.parse import urljoin

    link = "https://news.example/" + path
    resolved = resolve_url("https://site.example/a/", link)
    try:
        joined = urljoin("https://site.example/a/", link)
    except ValueError:
        return
    if resolved is not None and is_http_url(joined):
        assert canonical_url(resolved) == canonical_url(joined)


def _joined_by_urljoin(base: str, link: str) -> str | None:
    """What `resolve_url` gives a link that starts with "/" when it always parses both URLs."""
    try:
        absolute = urljoin(base, link.strip())
    except ValueError:
        return None
    return absolute if is_http_url(absolute) else None


_bases = st.one_of(urls, st.text(max_size=30), st.text(max_size=20).map(lambda t: "https://" + t))
_root_links = st.builds(lambda rest: "/" + rest, st.text(alphabet="ab./-_~%:@;?#=& \\t", max_size=16))


@given(_bases, _root_links)
@settings(max_examples=1000)
@example("http://127.0.0.3/feed?items=100", "/article/0.html")
@example("HTTP://Ex.example:8080/a/b", "/x/")
@example("http://a.example ", "/x")
@example("https://e.example/a", "/a//b")
@example("https://e.example/a", "/./b")
@example("https://user:pw@e.example:99/", "/")
def test_root_relative_links_resolve_exactly_as_urljoin_does(base: str, link: str) -> None:
    assert resolve_url(base, link) == _joined_by_urljoin(base, link)
