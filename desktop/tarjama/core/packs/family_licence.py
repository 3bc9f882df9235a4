"""Whether a pack's licence allows commercial use, with what its family tells.

A pack says its licence in ``pack.json`` (or an Argos ``metadata.json``); a -NC
Creative Commons licence, or the words "non-commercial", forbid commercial use.
NLLB-200's weights are CC-BY-NC-4.0 whoever converted them, so an NLLB pack that
states no licence (``packs install`` of a bare conversion writes "unknown") is given
that one, and flagged.
"""

from __future__ import annotations

from tarjama.core.packs.family import NLLB

NLLB_LICENCE = "CC-BY-NC-4.0 (the NLLB-200 licence; the pack states none)"
_NOT_STATED = frozenset({"", "unknown", "not stated", "none"})


def is_non_commercial(licence: str) -> bool:
    upper = licence.upper()
    return "-NC" in upper or "NON-COMMERCIAL" in upper or "NONCOMMERCIAL" in upper


def family_licence(family: str, licence: str) -> str:
    """``licence``, or the licence every pack of ``family`` carries when it states none."""
    if family == NLLB and licence.strip().lower() in _NOT_STATED:
        return NLLB_LICENCE
    return licence
