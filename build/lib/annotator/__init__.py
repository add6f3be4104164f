"""annotator: hand-annotate Persian and Arabic news articles (stance, demands, participants)."""

__version__ = "0.1.0"
