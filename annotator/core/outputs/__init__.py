"""Outputs: what leaves the project for research and reading: CSV/JSON exports and their
codebook sheet, charts, the report, terminal text, and the safe writing of output files.
"""
