"""The subcommands of build.py, one module each: they parse options, print and pick exit codes."""
