"""Web pages saved as HTML: the main text and metadata as trafilatura extracts them; menus and scripts left out."""
from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from kg.documents import front_matter_text, parse_document
from kg.errors import DocumentError
from kg.read.decode import Decoded, checked, decode, refuse_binary
from kg.read.model import Reading
from kg.read.text import guessed_encoding
from kg.rules import Rules

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_page(data: bytes, where: str) -> Decoded:
    """The page's text: a byte-order mark or valid UTF-8 first, then the charset the page declares, then a guess."""
    declared = _DECLARED.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        refuse_binary(data, where)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                charset = declared.group(1).decode("ascii")
                return checked(Decoded(data.decode(charset), charset, False), where)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: guess as for any file
    return decode(data, where)


def _one_line(value) -> str | None:
    return " ".join(str(value).split()) or None if value else None


def read_html(data: bytes, name: str, where: str, rules: Rules) -> Reading:
    decoded = _decode_page(data, where)
    import trafilatura  # imported here: it takes a moment and most input is text
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its own reasons for an empty page; we say ours
    page = trafilatura.bare_extraction(decoded.text, with_metadata=True, include_comments=False,
                                       include_images=False, include_links=False)
    body = (page.text or "").strip() if page else ""
    if not body:
        raise DocumentError(f"{where}: no article text found in the web page")
    url = _one_line(page.url)
    publisher = _one_line(page.sitename) or (urlsplit(url).hostname if url else None) or _one_line(page.hostname)
    authors = [a for a in (_one_line(x) for x in (page.author or "").split(";")) if a]
    fields = {"format": "html", "title": _one_line(page.title), "publisher": publisher, "authors": authors,
              "date": page.date if page.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.date) else None,
              "url": url}
    text = front_matter_text(fields) + body + "\n"
    return Reading([parse_document(name, text, rules)], guessed_encoding(decoded, where))
