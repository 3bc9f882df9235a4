"""Frozen entry point of the ``tarjama`` command (the same code as the console script)."""

from tarjama.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
