"""Tarjama: an offline reader for Arabic news, with translation, summaries and key figures."""

__version__ = "0.1.0"
