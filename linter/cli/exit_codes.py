"""newslint's exit codes: 0 nothing at or above --fail-on; 1 findings at or
above it, or files that could not be linted; 2 usage, configuration or
internal error."""

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
