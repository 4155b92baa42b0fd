"""The cross-document stage: entities, canonical events with their claims, stories."""

from kronika.link.update import LinkSummary, link_store

__all__ = ["LinkSummary", "link_store"]
