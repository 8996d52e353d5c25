"""Where progress is kept: a file path or a database URL, and how to name a URL in a message
without its password."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from kzlearn.errors import StoreError

__all__ = ["default_location", "is_url", "mask_url", "postgres_url", "scrub"]

# Any scheme://, and postgresql: with a slash missing: such a text is never a file name,
# even one kzlearn cannot open.
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|postgres(?:ql)?:)", re.IGNORECASE)
_POSTGRES = ("postgresql", "postgres")
_HIDDEN = "***"


def is_url(location: str | Path) -> bool:
    """Whether ``location`` is a URL (of any scheme), not a file path."""
    return isinstance(location, str) and bool(_URL.match(location))


def postgres_url(location: str) -> str:
    """``location`` if it is a PostgreSQL URL.

    Raises:
        StoreError: it is a URL of another scheme.
    """
    scheme = location.split("://", 1)[0].lower()
    if scheme not in _POSTGRES:
        raise StoreError(
            f"{mask_url(location)}: not a database kzlearn can use; give a file path "
            "(SQLite) or a postgresql:// URL"
        )
    return location


def _secrets(url: str) -> list[str]:
    # Read by hand, not by urlsplit: a URL too malformed to parse may still hold one.
    rest = url.split("://", 1)[-1]
    user_info = rest.split("/", 1)[0].split("?", 1)[0].rpartition("@")[0]
    found = [user_info.partition(":")[2]]
    query = rest.split("?", 1)[1] if "?" in rest else ""
    found += [p.split("=", 1)[1] for p in query.split("&") if p.lower().startswith("password=")]
    secrets = {s for s in found if s} | {unquote(s.replace("+", " ")) for s in found if s}
    return sorted(secrets, key=len, reverse=True)


def mask_url(url: str) -> str:
    """``url`` with its password (in the user part or a ``password=`` parameter) as ***."""
    if not is_url(url):
        return url
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            user, _, host = netloc.rpartition("@")
            if ":" in user:
                user = user.split(":", 1)[0] + ":" + _HIDDEN
            netloc = f"{user}@{host}"
        query = [
            (k, _HIDDEN if k.lower() == "password" else v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
        ]
        # Not urlunsplit: it drops the empty host of postgresql:///db
        masked = f"{parts.scheme}://{netloc}{parts.path}"
        if query:
            masked += "?" + urlencode(query, safe="/*")
    except ValueError:
        masked = url
    return scrub(masked, url)


def scrub(message: str, url: str) -> str:
    """``message`` with every password that ``url`` holds replaced by ***."""
    for secret in _secrets(url):
        message = message.replace(secret, _HIDDEN)
    return message


def default_location() -> str | Path:
    """``KZLEARN_DB`` (a path or a URL), else progress.sqlite3 in the user data folder."""
    chosen = os.environ.get("KZLEARN_DB")
    if chosen:
        return chosen if is_url(chosen) else Path(chosen)
    from kzlearn.store.sqlite import default_db_path

    return default_db_path()
