"""Built-in rule families; each module is a pluggy plugin."""
