"""Exceptions raised by kronika.

    KronikaError            base of everything kronika raises on purpose
    ├── InputError          an input cannot become an article (empty, binary, too large,
    │   │                   undecodable, malformed, unsupported); carries a short ``reason``
    │   └── FetchError      a URL could not be fetched (refused scheme, timeout, too large)
    └── StoreError          the article store cannot be opened, migrated or written

Library functions raise these; batch runs (``kronika run``) record the failed input
with its reason, count it in the summary, and go on with the next one.
"""


class KronikaError(Exception):
    """Base class of kronika's own exceptions."""


class InputError(KronikaError):
    """An input was skipped. ``reason`` is a short category used in run summaries."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


class FetchError(InputError):
    """A URL given on the command line could not be fetched."""

    def __init__(self, detail: str) -> None:
        super().__init__("fetch failed", detail)


class StoreError(KronikaError):
    """The store could not be opened, migrated or written."""
