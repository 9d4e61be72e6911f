"""The editor server (`newslint server`): editor.py lints and fixes one
document in memory through the engine and the fixer, positions.py converts
offsets to LSP positions, app.py speaks the protocol (pygls, the `server`
extra; only app.py imports it)."""
