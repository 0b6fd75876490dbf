"""Source reliability tagging of news articles: claims, attribution, Admiralty grades."""

__version__ = "0.1.0"
