"""Intake: reading corpus files (encodings, formats, dates), preparing article text and
importing it; reading tag CSVs.  Nothing here writes outside the store.
"""
