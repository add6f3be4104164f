"""Real processes on one project file: windows, command-line writers, kills."""
