from tarjama.cli.main import main

raise SystemExit(main())
