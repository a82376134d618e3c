"""URL canonical form, http URL checks and public-address checks."""

from __future__ import annotations

import pytest

from pipeline.urls import canonicalize, is_http_url, is_public_address


@pytest.mark.parametrize("url, expected", [
    ("HTTP://Example.ORG/News", "http://example.org/News"),
    ("https://example.org:443/a", "https://example.org/a"),
    ("http://example.org:80/a", "http://example.org/a"),
    ("http://example.org:8080/a", "http://example.org:8080/a"),
    ("https://example.org:80/a", "https://example.org:80/a"),
    ("https://example.org/a#comments", "https://example.org/a"),
    ("https://example.org/a?utm_source=x&utm_medium=y&id=3", "https://example.org/a?id=3"),
    ("https://example.org/a?UTM_Campaign=x&id=3", "https://example.org/a?id=3"),
    ("https://example.org/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&yclid=5&_ga=6&_hsenc=7&ref_src=8",
     "https://example.org/a"),
    ("https://example.org/a?b=2&a=1&c=3", "https://example.org/a?a=1&b=2&c=3"),
    ("https://example.org/news/", "https://example.org/news"),
    ("https://example.org/news//", "https://example.org/news"),
    ("https://example.org/", "https://example.org/"),
    ("https://example.org", "https://example.org/"),
    ("https://example.org?a=1", "https://example.org/?a=1"),
    ("https://example.org/a?q=x%2fy&flag", "https://example.org/a?flag&q=x%2Fy"),
    ("https://example.org/a?q=b+c", "https://example.org/a?q=b+c"),
    ("https://example.org./a", "https://example.org/a"),
    ("http://[::1]:8080/a/", "http://[::1]:8080/a"),
    ("http://user:pw@Example.org:80/a", "http://example.org/a"),  # credentials are never stored
    ("  https://example.org/a  ", "https://example.org/a"),
])
def test_canonicalize_gives_one_spelling_per_page(url, expected):
    assert canonicalize(url) == expected


def test_canonicalize_is_idempotent():
    url = "HTTPS://Example.org:443/a/?utm_source=x&b=2&a=1#top"
    assert canonicalize(canonicalize(url)) == canonicalize(url) == "https://example.org/a?a=1&b=2"


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", True),
    ("http://127.0.0.1:8000/", True),
    ("HTTPS://EXAMPLE.ORG", True),
    ("ftp://example.org/a", False),
    ("file:///etc/passwd", False),
    ("javascript:alert(1)", False),
    ("/relative/path", False),
    ("https://", False),
    ("https://exa mple.org/", False),
    ("https://example.org:99999/", False),
    ("", False),
])
def test_is_http_url_accepts_only_absolute_http_urls_with_a_host(url, expected):
    assert is_http_url(url) is expected


@pytest.mark.parametrize("address, public", [
    ("93.184.216.34", True),
    ("2606:2800:220:1:248:1893:25c8:1946", True),
    ("127.0.0.1", False),
    ("10.0.0.1", False),
    ("172.16.5.4", False),
    ("192.168.1.1", False),
    ("169.254.169.254", False),
    ("100.64.0.1", False),
    ("0.0.0.0", False),
    ("224.0.0.1", False),
    ("::1", False),
    ("fe80::1%eth0", False),
    ("fd00::1", False),
    ("::ffff:10.0.0.1", False),
])
def test_is_public_address_refuses_private_loopback_link_local_and_reserved(address, public):
    assert is_public_address(address) is public
