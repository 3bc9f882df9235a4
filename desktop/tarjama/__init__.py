"""Tarjama: an offline reader for Arabic news with English translation, summaries and key figures."""

__version__ = "0.1.0"
