"""Key figures in Arabic and English text, and the check that a translation keeps them."""

from tarjama.core.figures.arabic import extract_arabic
from tarjama.core.figures.english import extract_english
from tarjama.core.figures.fidelity import check_fidelity, compare_figures
from tarjama.core.figures.model import Fidelity, Figure, FigureCheck

__all__ = [
    "Fidelity",
    "Figure",
    "FigureCheck",
    "check_fidelity",
    "compare_figures",
    "extract_arabic",
    "extract_english",
]
