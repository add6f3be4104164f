"""The Qt shell: window, list, reader, tag form and dialogs; widgets talk to a Session."""
