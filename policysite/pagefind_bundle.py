"""Make a Pagefind bundle byte-identical across runs: sort what Pagefind writes in hash order.

Pagefind 1.x keeps filters in Rust hash maps, whose order changes from run to run, so the
filter files, the metadata file listing them, and the hashed names that point at both vary.
Here the filter values and filter lists are sorted and the files renamed after their content.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from typing import Any

MAGIC = b"pagefind_dcd"
META_FILTERS = 3  # position of [[filter name, filter file hash], ...] in the pf_meta array


def _head(major: int, value: int) -> bytes:
    """Return a CBOR item head (major type and its argument) in the shortest form."""
    if value < 24:
        return bytes([major << 5 | value])
    for extra, size, code in ((1, 0xFF, "B"), (2, 0xFFFF, "H"), (4, 0xFFFFFFFF, "I")):
        if value <= size:
            return bytes([major << 5 | (23 + extra if extra < 4 else 26)]) + struct.pack(
                f">{code}", value
            )
    return bytes([major << 5 | 27]) + struct.pack(">Q", value)


def encode(item: Any) -> bytes:
    """Return the CBOR encoding of ints, strings, bytes, lists and booleans (what Pagefind uses)."""
    if isinstance(item, bool):
        return b"\xf5" if item else b"\xf4"
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, str):
        data = item.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(encode(part) for part in item)
    raise ValueError(f"cannot encode {type(item).__name__} as CBOR here")


def decode(data: bytes, at: int = 0) -> tuple[Any, int]:
    """Return the CBOR item starting at offset at, and the offset after it."""
    major, low = data[at] >> 5, data[at] & 0x1F
    at += 1
    if major == 7:
        return {20: False, 21: True, 22: None}[low], at
    value = low
    if low >= 24:
        size = 1 << (low - 24)
        value = int.from_bytes(data[at : at + size], "big")
        at += size
    if major in (0, 1):
        return (value if major == 0 else -1 - value), at
    if major in (2, 3):
        raw = data[at : at + value]
        return (raw.decode("utf-8") if major == 3 else raw), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"unsupported CBOR major type {major}")


def unpack(data: bytes) -> Any:
    """Return the CBOR item inside a compressed Pagefind file."""
    raw = gzip.decompress(data)
    return decode(raw[len(MAGIC) :] if raw.startswith(MAGIC) else raw)[0]


def pack(item: Any) -> bytes:
    """Return a compressed Pagefind file holding item, with no timestamp in its gzip header."""
    return gzip.compress(MAGIC + encode(item), mtime=0)


def content_hash(data: bytes, length: int) -> str:
    """Return the first length hex digits of data's SHA-256."""
    return hashlib.sha256(data).hexdigest()[:length]


def canonical_bundle(bundle: dict[str, bytes]) -> dict[str, bytes]:
    """Return the bundle (paths relative to it) with sorted filters and content-derived names."""
    files = dict(bundle)
    renamed: dict[str, str] = {}
    for path in sorted(p for p in bundle if p.startswith("filter/") and p.endswith(".pf_filter")):
        name, values = unpack(files.pop(path))
        data = pack([name, sorted(values, key=lambda value: str(value[0]))])
        old = path.removeprefix("filter/").removesuffix(".pf_filter")
        renamed[old] = f"{old.split('_')[0]}_{content_hash(data, 7)}"
        files[f"filter/{renamed[old]}.pf_filter"] = data
    entry = json.loads(files["pagefind-entry.json"])
    for language in entry["languages"].values():
        old_meta = f"pagefind.{language['hash']}.pf_meta"
        meta = unpack(files.pop(old_meta))
        meta[META_FILTERS] = sorted(
            [name, renamed.get(ref, ref)] for name, ref in meta[META_FILTERS]
        )
        data = pack(meta)
        language["hash"] = f"{language['hash'].split('_')[0]}_{content_hash(data, 10)}"
        files[f"pagefind.{language['hash']}.pf_meta"] = data
    files["pagefind-entry.json"] = json.dumps(
        entry, ensure_ascii=False, separators=(",", ":")
    ).encode()
    return files
