"""Errors that end a run with exit code 2 and one line on stderr."""


class UsageError(Exception):
    """Bad arguments, bad configuration, or a broken plugin."""


class ConfigError(UsageError):
    """The configuration file is wrong; the message names file and line."""
