"""The PySide6 desktop reader (``tarjama-desktop``). Only this package imports Qt."""
