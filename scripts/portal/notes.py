"""A one-line summary of a version's notes: its CHANGELOG.md entry (read by scripts/releases.py).

The notes stay Markdown; the portal renders them with raw HTML off
(scripts/portal/pages.py).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

SUMMARY_LENGTH = 200


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
