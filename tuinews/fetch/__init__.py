"""Bringing the news in: a safe HTTP client, feed parsing, OPML, discovery and refresh orchestration.

Core code: never imports Textual. `refresh.refresh_feeds` is the entry point the app and the CLI call.
"""
