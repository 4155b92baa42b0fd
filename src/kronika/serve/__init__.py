"""The web app and JSON API over a store: ``kronika serve`` (see :mod:`kronika.serve.app`)."""

from kronika.serve.app import create_app

__all__ = ["create_app"]
