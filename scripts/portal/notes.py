"""A version's entry in CHANGELOG.md (Keep a Changelog): its date and its text, and a one-line summary of it.

An entry starts at `## [X.Y.Z] - YYYY-MM-DD` and runs to the next `## ` heading
(https://keepachangelog.com/en/1.1.0/). The text stays Markdown; the portal
renders it with raw HTML off (scripts/portal/pages.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\][ \t]*(?:-[ \t]*(?P<date>\d{4}-\d\d-\d\d))?.*$", re.MULTILINE)
SUMMARY_LENGTH = 200


@dataclass(frozen=True)
class Entry:
    """What CHANGELOG.md says about one version: nothing when it has no entry for it."""

    date: str | None = None
    notes: str = ""


def entry(changelog: str, version: str) -> Entry:
    """The entry of `version` in a CHANGELOG.md text, or an empty Entry when it has none."""
    headings = list(HEADING.finditer(changelog))
    for number, heading in enumerate(headings):
        if heading["version"] == version:
            end = headings[number + 1].start() if number + 1 < len(headings) else len(changelog)
            return Entry(heading["date"], changelog[heading.end() : end].strip() + "\n")
    return Entry()


def summary(notes: str) -> str:
    """The entry's first paragraph (or first list item) as plain text, cut at SUMMARY_LENGTH characters."""
    tokens = MarkdownIt("commonmark").parse(notes)
    for number, token in enumerate(tokens):
        inside_a_heading = number > 0 and tokens[number - 1].type == "heading_open"
        if token.type == "inline" and not inside_a_heading and token.children:
            words = " ".join("".join(plain_text(child) for child in token.children).split())
            return words if len(words) <= SUMMARY_LENGTH else words[: SUMMARY_LENGTH - 1].rstrip() + "…"
    return ""


def plain_text(token: Token) -> str:
    """What an inline token reads as, without its Markup: text and code as they are, line breaks as spaces."""
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return token.content if token.type in ("text", "code_inline") else ""
