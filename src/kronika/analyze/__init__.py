"""Analysis stage: per-language spans over an article's clean text."""
