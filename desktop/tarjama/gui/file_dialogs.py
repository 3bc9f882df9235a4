"""The reader window's file dialogs: which article to open (and in which encoding),
where and how to export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QLabel, QWidget

# What the Encoding list offers: (label, codec name); None lets Tarjama detect it.
ENCODING_CHOICES: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("FileDialogs", "Automatic"), None),
    ("UTF-8", "utf-8"),
    ("UTF-16", "utf-16"),
    (QT_TRANSLATE_NOOP("FileDialogs", "Windows-1256 (Arabic)"), "cp1256"),
    (QT_TRANSLATE_NOOP("FileDialogs", "ISO-8859-6 (Arabic)"), "iso-8859-6"),
    (QT_TRANSLATE_NOOP("FileDialogs", "DOS Arabic (cp720)"), "cp720"),
    (QT_TRANSLATE_NOOP("FileDialogs", "IBM Arabic (cp864)"), "cp864"),
    (QT_TRANSLATE_NOOP("FileDialogs", "Mac Arabic"), "mac-arabic"),
)

EXPORT_FILTERS = {
    "html": QT_TRANSLATE_NOOP("FileDialogs", "Two-column HTML (*.html)"),
    "md": QT_TRANSLATE_NOOP("FileDialogs", "Markdown (*.md)"),
    "docx": QT_TRANSLATE_NOOP("FileDialogs", "Word document (*.docx)"),
    "txt": QT_TRANSLATE_NOOP("FileDialogs", "English text (*.txt)"),
    "json": QT_TRANSLATE_NOOP("FileDialogs", "JSON (*.json)"),
}


def _tr(text: str) -> str:
    """The dialogs' texts are in one context: their parent can be any window."""
    return QCoreApplication.translate("FileDialogs", text)


def open_file_filter() -> str:
    from tarjama.core.documents import SUPPORTED_SUFFIXES

    patterns = " ".join(sorted(f"*{s}" for s in SUPPORTED_SUFFIXES if s))
    text = QCoreApplication.translate("FileDialogs", "Articles (%1);;All files (*)")
    return text.replace("%1", patterns)


class OpenArticleDialog(QFileDialog):
    """The Open dialog, with an Encoding list under the file type list.

    Qt's own dialog is used (not the system one): only it takes an extra widget. The
    encoding matters for text, Markdown and HTML files; the others state their own.
    """

    def __init__(self, parent: QWidget, start: str) -> None:
        super().__init__(parent, QCoreApplication.translate("FileDialogs", "Open Article"), start,
                         open_file_filter())
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        self.encoding_box = QComboBox(self)
        self.encoding_box.setObjectName("encoding_box")
        for label, name in ENCODING_CHOICES:
            self.encoding_box.addItem(_tr(label), name)
        self.encoding_box.setToolTip(self.tr(
            "For text, Markdown and HTML files whose Arabic comes out garbled"))
        label = QLabel(self.tr("&Encoding:"), self)
        label.setBuddy(self.encoding_box)
        grid = self.layout()  # a QGridLayout for Qt's own dialog: a new row at the bottom
        row = grid.rowCount()
        grid.addWidget(label, row, 0)
        grid.addWidget(self.encoding_box, row, 1)

    def encoding(self) -> str | None:
        return self.encoding_box.currentData()

    def set_encoding(self, name: str | None) -> None:
        self.encoding_box.setCurrentIndex(max(self.encoding_box.findData(name), 0))


def ask_article(parent: QWidget, recent_files: list[str]) -> tuple[str, str | None]:
    """``(file, encoding)``: the article the user picked ("" when cancelled), starting
    where the last one was, and the encoding picked with it (None: "Automatic").
    """
    start = str(Path(recent_files[0]).parent) if recent_files else ""
    dialog = OpenArticleDialog(parent, start)
    try:
        if not dialog.exec() or not dialog.selectedFiles():
            return "", None
        return dialog.selectedFiles()[0], dialog.encoding()
    finally:
        dialog.deleteLater()


def ask_encoding(parent: QWidget, path: Path, current: str | None) -> tuple[bool, str | None]:
    """``(chosen, encoding)``: the encoding to read ``path`` again with, starting on the
    ``current`` choice (None: "Automatic")."""
    labels = [_tr(label) for label, _ in ENCODING_CHOICES]
    names = [name for _, name in ENCODING_CHOICES]
    label, chosen = QInputDialog.getItem(
        parent, QCoreApplication.translate("FileDialogs", "Reopen With Encoding"),
        QCoreApplication.translate("FileDialogs", "Read %1 as:").replace("%1", path.name),
        labels,
        names.index(current) if current in names else 0, False)
    if not chosen:
        return False, None
    return True, ENCODING_CHOICES[labels.index(label)][1]


def ask_export(parent: QWidget, article_path: Path) -> tuple[Path, str] | None:
    """Where to export and in which format (from the chosen filter); None when cancelled."""
    stem = article_path.name.split(".")[0]
    filters = {key: _tr(text) for key, text in EXPORT_FILTERS.items()}
    name, chosen = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("FileDialogs", "Export"),
        str(article_path.with_name(stem + ".html")), ";;".join(filters.values()))
    if not name:
        return None
    return Path(name), next((k for k, v in filters.items() if v == chosen), "html")
