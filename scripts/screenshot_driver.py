"""How ``screenshots.py`` drives the reader window: waiting, pictures, actions, the mouse.

Everything here goes through what a user can reach (menu actions, the window's dialog
methods, mouse and tooltip events on a pane's viewport) and looks the widgets up by
attribute name with a fallback, so that small changes of the window do not break a run.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QHelpEvent, QPixmap, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

# Where the pointer waits between pictures: off every window (the Xvfb screen is larger
# than the largest window), so the real pointer never hovers a sentence by accident.
PARKING_SPOT = QPoint(2040, 1270)


def wait_until(condition: Callable[[], object], timeout: float) -> bool:
    """Run the event loop until ``condition()`` holds or ``timeout`` seconds pass."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


def settle(seconds: float = 0.3) -> None:
    """Let layouts, fonts, timers and repaints finish before a picture is taken."""
    wait_until(lambda: False, seconds)


def flush_layouts() -> None:
    """Carry out the layout requests posted so far, and nothing else (no new signals)."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)


def save_picture(picture: QPixmap, path: Path) -> Path:
    """Write a picture atomically (temporary file, then rename) and print its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.stem}.tmp.png")
    if picture.isNull() or not picture.save(str(temporary), "PNG"):
        raise RuntimeError(f"cannot write {temporary}")
    os.replace(temporary, path)
    print(path, flush=True)
    return path


def grab_screen(rect: QRect) -> QPixmap:
    """What the screen shows in ``rect`` (global coordinates): popups and tooltips too."""
    screen = QGuiApplication.primaryScreen()
    return screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height())


def plain(text: str) -> str:
    """A menu text without its mnemonic, ellipsis and shortcut: "&Find…" -> "find"."""
    return re.sub(r"[&…]|\.\.\.|\t.*$", "", text).strip().lower()


def find_action(window: QWidget, *names: str) -> QAction | None:
    """The window's action whose objectName or plain text is one of ``names``."""
    wanted = {plain(name) for name in names}
    for action in window.findChildren(QAction):
        if action.objectName() in names or plain(action.text()) in wanted:
            return action
    return None


def trigger(window: QWidget, names: tuple[str, ...], fallback: Callable[[], object]) -> None:
    """Trigger the action named ``names`` (see find_action); call ``fallback`` without one.

    The fallback is what the action calls today; it is used when the menu texts are
    translated (Arabic UI) or the action was renamed.
    """
    action = find_action(window, *names)
    if action is not None and action.isEnabled():
        action.trigger()
    else:
        fallback()


def shoot_modal(open_it: Callable[[], object], shoot: Callable[[QWidget], None],
                timeout: float = 15.0) -> bool:
    """Call ``open_it`` (which runs a modal dialog's exec()); picture and close the dialog.

    A timer started before ``open_it`` finds the dialog once it is up, lets it settle,
    hands it to ``shoot`` and rejects it, which makes exec() return. False when no
    modal dialog came up within ``timeout`` seconds.
    """
    shot: list[bool] = []
    deadline = time.monotonic() + timeout

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(50, look)
            else:
                shot.append(False)
            return
        settle(0.5)
        try:
            shoot(dialog)
        finally:
            shot.append(True)
            dialog.reject()

    QTimer.singleShot(0, look)
    open_it()
    wait_until(lambda: shot, timeout + 1)
    return bool(shot and shot[0])


def park_pointer() -> None:
    QCursor.setPos(PARKING_SPOT)


def sentence_point(pane, sentence_id: int) -> QPoint | None:
    """A viewport point on the first word of a sentence, or None when it is out of view."""
    start, end = pane.sentence_range(sentence_id)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(min(start + 1, end))
    rect = pane.cursorRect(cursor)
    point = QPoint(rect.center().x() + (-3 if pane.rtl else 3), rect.center().y())
    if not pane.viewport().rect().contains(point):
        return None
    return point


def hover(pane, sentence_id: int) -> bool:
    """Move the mouse over a sentence of ``pane`` (the real pointer and a move event)."""
    from PySide6.QtGui import QMouseEvent

    point = sentence_point(pane, sentence_id)
    if point is None:
        return False
    viewport = pane.viewport()
    global_point = viewport.mapToGlobal(point)
    QCursor.setPos(global_point)
    event = QMouseEvent(QEvent.Type.MouseMove, point, global_point, Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)
    settle(0.1)
    return True


def click(pane, sentence_id: int) -> bool:
    """Click a sentence of ``pane`` with the left button, as a reader does."""
    from PySide6.QtTest import QTest

    point = sentence_point(pane, sentence_id)
    if point is None:
        return False
    QCursor.setPos(pane.viewport().mapToGlobal(point))
    QTest.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point)
    settle(0.1)
    return True


def visible_tooltip() -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.inherits("QTipLabel") and widget.isVisible():
            return widget
    return None


def show_tooltip(pane, sentence_id: int) -> QWidget | None:
    """Ask ``pane`` for its tooltip over a sentence, as resting the pointer does."""
    point = sentence_point(pane, sentence_id)
    if point is None:
        return None
    viewport = pane.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    wait_until(visible_tooltip, 2.0)
    settle(0.2)
    return visible_tooltip()


def hide_tooltip() -> None:
    QToolTip.hideText()
    settle(0.1)
