"""The reader window's text sizes: fonts for the panes and the summary, and zoom.

A mixin of ``MainWindow``: it uses the window's ``settings``, panes, summary panel and
sentence ``linker``.
"""

from __future__ import annotations

from tarjama.gui.pane_fonts import pane_fonts, reset_font_sizes, zoom_font_sizes


class PaneZoom:
    def _apply_fonts(self) -> None:
        arabic, english = pane_fonts(self.settings, self.arabic_family, self.font())
        self.source_pane.set_text_font(arabic)
        self.target_pane.set_text_font(english)
        self.summary_panel.set_fonts(arabic, english)

    def zoom(self, step: int) -> None:
        zoom_font_sizes(self.settings, step)
        self._apply_fonts_in_place()

    def reset_zoom(self) -> None:
        reset_font_sizes(self.settings)
        self._apply_fonts_in_place()

    def _apply_fonts_in_place(self) -> None:
        # A new size moves every line: keep the current sentence, or else the sentence
        # at the top of the Arabic pane, where the reader was looking.
        current = self.linker.current
        top, fraction = self.source_pane.top_sentence()
        self._apply_fonts()
        if current >= 0:
            self.linker.select(current)
        elif top >= 0:
            self.source_pane.scroll_to_fraction(top, fraction)
