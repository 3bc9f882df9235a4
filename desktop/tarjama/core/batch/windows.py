"""Plan the translation windows: articles grouped, in order, into about N sentences each.

The engine's output can depend slightly on which sentences share a batch, so the
windows must not depend on what earlier runs finished: they are planned over all
articles, using the sentence counts in the records of finished ones. A window with
nothing left to do is skipped; any other window is translated whole, its finished
articles included (they are rewritten with the same bytes). That is what makes a
resumed batch identical to an uninterrupted one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator

from tarjama.core.batch.articles import ArticleInProgress, BatchEntry
from tarjama.core.errors import Cancelled

ReadArticle = Callable[[BatchEntry], ArticleInProgress | None]
FinishArticle = Callable[[ArticleInProgress], None]
SkipArticle = Callable[[BatchEntry], None]


def plan_windows(
    entries: Iterable[BatchEntry],
    window_sentences: int,
    *,
    read: ReadArticle,
    finish: FinishArticle,
    skip: SkipArticle,
    cancel: threading.Event,
) -> Iterator[list[ArticleInProgress]]:
    """Yield, in order, the windows of articles to translate together.

    Articles are read as the plan reaches them. ``read`` returns None for an article
    that cannot be read (it records the failure itself); an article without sentences
    goes straight to ``finish``; finished articles of a window with nothing left to do
    go to ``skip``. Raises ``Cancelled`` between articles once
    ``cancel`` is set.
    """
    window: list[BatchEntry] = []
    articles: dict[str, ArticleInProgress] = {}  # read so far, by file
    queued = 0
    for entry in entries:
        if cancel.is_set():
            raise Cancelled()
        if entry.done_sentences is not None:
            count = entry.done_sentences
        else:
            article = read(entry)
            if article is None:
                continue
            if not article.results:
                finish(article)
                continue
            articles[entry.item.relative.as_posix()] = article
            count = len(article.results)
        window.append(entry)
        queued += count
        if queued >= window_sentences:
            yield from _close_window(window, articles, read, finish, skip)
            window, articles, queued = [], {}, 0
    if window:
        yield from _close_window(window, articles, read, finish, skip)


def _close_window(window: list[BatchEntry], articles: dict[str, ArticleInProgress],
                  read: ReadArticle, finish: FinishArticle,
                  skip: SkipArticle) -> Iterator[list[ArticleInProgress]]:
    if not articles:
        for entry in window:
            if entry.done_sentences is not None:
                skip(entry)
        return
    # Something is left to do: the articles earlier runs finished are read again so the
    # engine sees the same window as in an uninterrupted run.
    redo = []
    for entry in window:
        article = articles.get(entry.item.relative.as_posix()) or read(entry)
        if article is not None and article.results:
            redo.append(article)
        elif article is not None:
            finish(article)
    if redo:
        yield redo
