"""URL canonical form, and the checks the fetcher makes before it connects anywhere.

``canonicalize`` gives one spelling per page so that the same report reached through a
feed, a sitemap and a shared link is stored once.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import unquote, urlsplit, urlunsplit

# Query parameters that only say how a reader arrived, never which page it is.
TRACKING = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "yclid", "_ga", "_hsenc", "ref_src", "igshid"})
DEFAULT_PORTS = {"http": 80, "https": 443}
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def is_http_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host (and a valid port 1-65535, if any).

    Whitespace and control characters (a NUL, say) anywhere make it false: no server
    asked for such a URL, and they would end up in the database and the logs.
    """
    text = url.strip()
    if not text or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return False
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError for a port out of range
    except ValueError:
        return False
    if port == 0:
        return False
    return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of a URL: what "the same site" means for trust."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").rstrip(".").lower(), port or DEFAULT_PORTS.get(scheme)


def without_credentials(url: str) -> str:
    """The URL without ``user:password@``: credentials are never stored, logged or sent."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def _tracking(pair: str) -> bool:
    key = unquote(pair.split("=", 1)[0]).lower()
    return key.startswith("utm_") or key in TRACKING


def canonicalize(url: str) -> str:
    """One spelling per page.

    Lowercases scheme and host, drops the default port, the fragment and tracking
    parameters (utm_*, fbclid, gclid …), sorts the remaining parameters and removes a
    trailing slash except at the root, and any ``user:password@``. Parameter values keep
    their own encoding, so the result still asks the server for the same thing. Raises
    ValueError for a bad port.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # IPv6 literal: urlsplit removed the brackets
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = "&".join(sorted(p for p in parts.query.split("&") if p and not _tracking(p)))
    path = parts.path or "/"
    if path != "/" and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return urlunsplit((scheme, netloc, _upper_escapes(path), _upper_escapes(query), ""))


def _upper_escapes(text: str) -> str:
    # %2f and %2F are the same byte; keep one spelling.
    return _ESCAPE.sub(lambda m: m.group(0).upper(), text)


def is_public_address(address: str) -> bool:
    """False for private, loopback, link-local, reserved, multicast and unspecified IPs."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast
