"""The safe client against a real local server: statuses, redirects, deadlines, caps, encodings, retries."""

from __future__ import annotations

import pytest

from tests.fetch.server import LocalServer
from tuinews.extract.decode import decode_bytes
from tuinews.fetch.client import Fetcher, FetchLimits, parse_retry_after
from tuinews.fetch.decoding import BodyDecoder, BodyTooLarge, DecodingError


async def test_200_with_validators(server: LocalServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(f"{server.base}/feeds/rss20.xml")
    assert result.ok and result.status == 200
    assert b"Harbour Gazette" in result.body
    assert result.etag and result.last_modified
    assert result.content_type == "application/rss+xml"


async def test_conditional_get_gives_304(server: LocalServer, fetcher: Fetcher) -> None:
    first = await fetcher.fetch(f"{server.base}/feeds/rss20.xml")
    again = await fetcher.fetch(f"{server.base}/feeds/rss20.xml", etag=first.etag)
    assert again.not_modified and again.body == b""
    by_date = await fetcher.fetch(f"{server.base}/feeds/rss20.xml", last_modified=first.last_modified)
    assert by_date.status == 304


@pytest.mark.parametrize("code", [404, 500])
async def test_error_status_is_a_clean_message(server: LocalServer, fetcher: Fetcher, code: int) -> None:
    result = await fetcher.fetch(f"{server.base}/status/{code}")
    assert not result.ok and result.status == code
    assert result.error is not None and result.error.startswith(f"HTTP {code}")
    assert "\x1b" not in result.error


async def test_500_is_retried_then_reported(server: LocalServer, fetcher: Fetcher) -> None:
    await fetcher.fetch(f"{server.base}/status/500")
    assert server.hits.count("/status/500") == 3  # first try and two retries


async def test_429_with_retry_after_then_success(server: LocalServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(f"{server.base}/flaky/a?fail=2&retry=0")
    assert result.ok and b"Harbour" in result.body
    assert server.hits.count("/flaky/a") == 3


async def test_retry_after_too_long_is_not_waited_for(server: LocalServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(f"{server.base}/flaky/b?fail=5&retry=3600")
    assert result.status == 429 and "3600" in (result.error or "")
    assert server.hits.count("/flaky/b") == 1


def test_retry_after_parsing() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    assert parse_retry_after("soon") is None


async def test_redirects_are_followed_up_to_five(server: LocalServer, fetcher: Fetcher) -> None:
    ok = await fetcher.fetch(f"{server.base}/redirect/4")
    assert ok.ok and ok.final_url.endswith("/feeds/rss20.xml")
    too_many = await fetcher.fetch(f"{server.base}/redirect/6")
    assert not too_many.ok and "more than 5 redirects" in (too_many.error or "")


async def test_redirect_loop(server: LocalServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(f"{server.base}/loop/a")
    assert result.error == "redirect loop"


async def test_redirect_to_file_scheme_is_refused(server: LocalServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(f"{server.base}/to-file")
    assert not result.ok and "non-http" in (result.error or "")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "/relative"]
)
async def test_only_http_and_https(fetcher: Fetcher, url: str) -> None:
    result = await fetcher.fetch(url)
    assert not result.ok and "only http and https" in (result.error or "")


async def test_slow_server_hits_the_read_timeout(server: LocalServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(f"{server.base}/feeds/rss20.xml?delay=0.8")
    assert not result.ok and "timeout" in (result.error or "")


async def test_dripping_server_hits_the_overall_deadline(server: LocalServer, fetcher: Fetcher) -> None:
    # One byte every 0.1 s never trips the read timeout (0.5 s); only the deadline (1 s) ends it.
    result = await fetcher.fetch(f"{server.base}/drip")
    assert not result.ok and "no complete response within 1 s" in (result.error or "")


async def test_oversized_body_by_content_length(server: LocalServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(f"{server.base}/big")
    assert not result.ok and "larger than 10 MB" in (result.error or "")


async def test_oversized_chunked_body(server: LocalServer) -> None:
    async with Fetcher(FetchLimits(max_bytes=1_000_000, deadline=5)) as small:
        result = await small.fetch(f"{server.base}/big/chunked?size=3000000")
    assert not result.ok and "larger than" in (result.error or "")


async def test_gzip_is_decoded(server: LocalServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(f"{server.base}/gzip/feed")
    assert result.ok and result.body.startswith(b"<?xml")


async def test_gzip_gzip_layers_are_both_decoded(server: LocalServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(f"{server.base}/gzip/double")
    assert result.ok and b"Northline" in result.body


@pytest.mark.parametrize("route", ["bomb", "double-bomb"])
async def test_gzip_bombs_are_refused(server: LocalServer, fetcher: Fetcher, route: str) -> None:
    result = await fetcher.fetch(f"{server.base}/gzip/{route}")
    assert not result.ok and "larger than 10 MB" in (result.error or "")


def test_decoder_bounds_every_layer() -> None:
    import gzip

    data = gzip.compress(gzip.compress(b"a" * 5000))
    assert BodyDecoder("gzip, gzip", 10_000).feed(data) + BodyDecoder("gzip, gzip", 10_000).finish() != b""
    with pytest.raises(BodyTooLarge):
        decoder = BodyDecoder("gzip, gzip", 1000)
        decoder.feed(data)
        decoder.finish()
    with pytest.raises(DecodingError):
        BodyDecoder("br", 1000)
    with pytest.raises(DecodingError):
        decoder = BodyDecoder("gzip", 1000)
        decoder.feed(b"not gzip at all")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/pages/market-cp1251.html?charset=windows-1251", "Крытый рынок получил грант"),
        ("/pages/market-cp1251.html", "Крытый рынок получил грант"),  # no charset anywhere: detected
        ("/pages/harbour-sjis.html", "港の新しい防波堤が完成"),  # charset only in <meta>
        ("/mislabelled", "Le café du port rouvre ses portes"),  # Latin-1 bytes labelled UTF-8
    ],
)
async def test_charsets(server: LocalServer, fetcher: Fetcher, path: str, expected: str) -> None:
    result = await fetcher.fetch(server.base + path)
    assert result.ok
    assert expected in decode_bytes(result.body, declared=result.charset)


async def test_connection_refused_is_a_message(fetcher: Fetcher) -> None:
    result = await fetcher.fetch("http://127.0.0.1:9/feed")
    assert not result.ok and result.error == (
        "could not connect to 127.0.0.1:9 (connection refused or unreachable: check the address and that "
        "the server is up)"
    )


def test_every_pool_shares_one_tls_context_that_checks_certificates() -> None:
    import ssl

    from tuinews.fetch.client import make_client, tls_context

    context = tls_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert make_client() is not make_client() and tls_context() is context
