"""Safety: what keeps an analyst's project from being lost: backups and restore, the
project-file probe, and the warning for shared or synced locations.
"""
