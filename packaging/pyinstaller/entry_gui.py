"""Frozen entry point of ``tarjama-desktop``.

``tarjama-desktop --launch-check`` is for build scripts: it opens the window, waits for
its first paint and exits (see ``launch_check.py``). Everything else goes to the app.
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--launch-check"]:
        from launch_check import run_launch_check

        raise SystemExit(run_launch_check())
    from tarjama.gui.app import main

    raise SystemExit(main())
