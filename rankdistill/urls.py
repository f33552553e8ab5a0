"""URLs as messages and files show them: without the credentials they may carry (user:password, a key in the
query or fragment)."""

from __future__ import annotations


def public_url(url: str) -> str:
    """``url`` without credentials, query or fragment."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def carries_credentials(url: str) -> bool:
    """Whether ``url`` holds anything public_url leaves out: user:password, a query or a fragment (where keys
    hide)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return bool(parts.username or parts.password or parts.query or parts.fragment)
