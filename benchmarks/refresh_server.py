"""The benchmark's news sites: one asyncio HTTP/1.1 server per loopback address (127.0.0.2, .3, ...), so
each feed lives on its own host as on the real web and the per-host limit applies as it would there.

Run by `benchmarks/refresh.py` in a subprocess: `python refresh_server.py SITES DELAY_MS`; prints one JSON
line with the base URL of every site, then serves until killed.
"""

from __future__ import annotations

import asyncio
import json
import sys

PARAGRAPH = (
    "The harbour board met on Tuesday to discuss the winter timetable, and members heard from "
    "fishing crews, ferry staff and residents of the island villages about the early crossings. "
)


def feed(site: int, items: int, mode: str) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Site {site} News</title><link>/</link><description>Benchmark site</description>"
    ]
    for j in range(items):
        body = ""
        if mode == "full":
            body = (
                "<content:encoded><![CDATA["
                + "".join(f"<p>{PARAGRAPH}</p>" for _ in range(6))
                + f'<p>"We will run the early boat from Monday," said harbour master Ines Varga{j}.</p>'
                + "]]></content:encoded>"
            )
        parts.append(
            f"<item><title>Story {j} from site {site}: harbour board meets</title>"
            f"<link>/article/{j}.html</link>"
            f"<guid>site{site}-story{j}</guid><pubDate>Tue, 19 Nov 2024 10:{j % 60:02d}:00 +0000</pubDate>"
            f"<description>Short summary of story {j}.</description>{body}</item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def page(site: int, j: int) -> bytes:
    paragraphs = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(8))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story {j} from site {site}'
        f"</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Story {j} from site {site}</h1>"
        f"<p>KESTREL BAY, Nov 19 (Reuters) - {PARAGRAPH}</p>{paragraphs}"
        f'<p>"We listened," said harbour master Ines Varga.</p></article>'
        "<footer>Copyright</footer></body></html>"
    ).encode()


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, site: int, delay: float) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            headers = {
                k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)
            }
            await asyncio.sleep(delay)
            status, ctype, body, extra = 200, "text/html; charset=utf-8", b"", ""
            if path.startswith("/feed"):
                query = dict(p.split("=") for p in path.split("?", 1)[1].split("&"))
                etag = f'"{site}-{query["items"]}-{query["mode"]}"'
                validators = query.get("validators") != "0"  # validators=0: a server that sends none
                if validators and headers.get("if-none-match") == etag:
                    status = 304
                else:
                    body, ctype = feed(site, int(query["items"]), query["mode"]), "application/rss+xml"
                extra = f"ETag: {etag}\r\n" if validators else ""
            elif path.startswith("/article/"):
                body = page(site, int(path.split("/")[2].split(".")[0]))
            else:
                status = 404
            reason = {200: "OK", 304: "Not Modified", 404: "Not Found"}[status]
            writer.write(
                f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                f"{extra}\r\n".encode()
                + body
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(sites: int, delay_ms: float) -> None:
    bases = []
    servers = []
    for site in range(sites):
        host = f"127.0.0.{site + 2}"
        server = await asyncio.start_server(
            lambda r, w, s=site: handle(r, w, s, delay_ms / 1000), host, 0, backlog=256
        )
        servers.append(server)
        bases.append(f"http://{host}:{server.sockets[0].getsockname()[1]}")
    print(json.dumps(bases), flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2])))
