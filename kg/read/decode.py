"""Bytes to text: a byte-order mark first, then UTF-8, then a guessed legacy encoding; binary is refused."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from kg.errors import DocumentError

# (signature, what it is): files that are surely not text, whatever their name says
_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"%PDF-", "PDF document"), (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"), (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"), (b"\x7fELF", "executable"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"SQLite format 3\x00", "SQLite database"), (b"RIFF", "RIFF media file"), (b"OggS", "Ogg media file"),
    (b"\x00asm", "WebAssembly module"),
]
# longest first: the UTF-32 LE mark begins with the UTF-16 LE one
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
# a guess whose decoded text looks this messy (charset-normalizer's mess ratio) is no guess
_MAX_CHAOS = 0.2


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str       # the codec's name: utf-8, utf-16-le, gb18030, cp1252, ...
    guessed: bool       # True when no byte-order mark or valid UTF-8 said so


def refuse_binary(data: bytes, where: str) -> None:
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise DocumentError(f"{where}: binary file ({kind}), not a text document")
    nul = data.find(b"\0", 0, 8192)
    if nul >= 0:
        raise DocumentError(f"{where}: binary file (NUL byte at byte {nul}), not a text document")


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def _controls(text: str) -> int:
    """Control characters text never has (tab, newlines, form feed and escape aside)."""
    return len(_CONTROL.findall(text, 0, 8192))


def decode(data: bytes, where: str) -> Decoded:
    """The text of a file's bytes; binary data and bytes no encoding reads as text raise DocumentError."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{where}: not {codec.upper()} text despite its byte-order mark "
                                    f"(invalid data at byte {exc.start + len(bom)})") from None
            return checked(Decoded(text, codec, False), where)
    refuse_binary(data, where)
    try:
        return checked(Decoded(data.decode("utf-8"), "utf-8", False), where)
    except UnicodeDecodeError as exc:
        bad = exc
    from charset_normalizer import from_bytes  # imported here: most input is UTF-8
    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        line = data[:bad.start].count(b"\n") + 1
        raise DocumentError(f"{where}: not UTF-8 text (invalid byte 0x{data[bad.start]:02x} at line {line}, "
                            f"byte {bad.start}) and no other encoding reads it as text; convert it to UTF-8")
    return checked(Decoded(str(best), best.encoding, True), where)


def checked(decoded: Decoded, where: str) -> Decoded:
    """The decoded text, unless it is mostly control characters (binary) or blank."""
    if _controls(decoded.text) > max(8, len(decoded.text[:8192]) // 100):
        raise DocumentError(f"{where}: binary file (control characters), not a text document")
    if not decoded.text.strip():
        raise DocumentError(f"{where}: empty document")
    return decoded
