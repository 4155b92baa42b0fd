"""kronika: a sourced, multilingual chronicle of political events from news text."""

from kronika.model import Article, Published, Sentence

__version__ = "0.1.0"
__all__ = ["Article", "Published", "Sentence", "__version__"]
