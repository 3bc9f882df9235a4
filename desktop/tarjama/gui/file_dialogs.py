"""The reader window's file dialogs: which article to open, where and how to export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

EXPORT_FILTERS = {
    "html": "Two-column HTML (*.html)",
    "md": "Markdown (*.md)",
    "docx": "Word document (*.docx)",
    "txt": "English text (*.txt)",
    "json": "JSON (*.json)",
}


def open_file_filter() -> str:
    from tarjama.core.documents import SUPPORTED_SUFFIXES

    patterns = " ".join(sorted(f"*{s}" for s in SUPPORTED_SUFFIXES if s))
    return f"Articles ({patterns});;All files (*)"


def ask_article(parent: QWidget, recent_files: list[str]) -> str:
    """The article the user picked ("" when cancelled), starting where the last one was."""
    start = str(Path(recent_files[0]).parent) if recent_files else ""
    name, _ = QFileDialog.getOpenFileName(parent, parent.tr("Open Article"), start,
                                          open_file_filter())
    return name


def ask_export(parent: QWidget, article_path: Path) -> tuple[Path, str] | None:
    """Where to export and in which format (from the chosen filter); None when cancelled."""
    stem = article_path.name.split(".")[0]
    name, chosen = QFileDialog.getSaveFileName(
        parent, parent.tr("Export"), str(article_path.with_name(stem + ".html")),
        ";;".join(EXPORT_FILTERS.values()))
    if not name:
        return None
    return Path(name), next((k for k, v in EXPORT_FILTERS.items() if v == chosen), "html")
