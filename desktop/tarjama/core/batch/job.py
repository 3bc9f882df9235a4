"""One batch run's state: each article's outcome so far, the counters, and the window step.

The runner (``runner.run_batch``) plans the windows; the engine has each one translated
(``translations``, in this process, or on a Ray worker) and hands the translations to
``deliver``; this object reads the articles, writes their outputs and records, and counts.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from array import array
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama.core.atomic import sync_folder
from tarjama.core.batch.articles import ArticleInProgress, BatchEntry, read_article
from tarjama.core.batch.discover import InputFile
from tarjama.core.batch.faults import OutputStopped, is_folder_fault
from tarjama.core.batch.options import BatchOptions
from tarjama.core.batch.outcomes import RunOutcomes
from tarjama.core.batch.outputs import write_article_outputs
from tarjama.core.batch.progress import ProgressTracker
from tarjama.core.batch.records import STATUS_FAILED, ArticleRecord, RecordStore, file_sha256
from tarjama.core.batch.run_settings import settings_for
from tarjama.core.batch.window_translation import (
    deliver_window,
    translate_window,
    window_results,
)
from tarjama.core.errors import InputFileError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from tarjama.core.batch.engine import HeldSteps
    from tarjama.core.batch.reader_process import ReaderProcess
    from tarjama.core.documents import Document
    from tarjama.core.translate import Translator
    from tarjama.core.translate_result import Translation

_TO_DO = -1
_UNREADABLE = -2


class BatchJob:
    """The state of one run: the outcome of each article so far, and the counters.

    What is durable when: every output and record is written to a temporary file and
    renamed into place, so none is ever seen half-written. ``deliver`` writes the
    outputs of a window's finished articles first, without a flush each; one
    ``sync_folder`` then makes all of them (and their names) durable, and only then are
    the window's records written, as proof of completion. A crash at any moment
    therefore leaves each article either with its record and every output on disk, or
    without its record (and the next run redoes it). A record itself becomes durable
    with the next window's sync (or the one after the index); one lost in a crash only
    means the article is redone. An article without sentences is finished alone
    (``finish``), flushed file by file before its record. Progress shows an article
    done as soon as its outputs are written; the report counts it translated once its
    record is saved.

    What is in flight when: the local engine (``batch_ahead``) translates windows N and
    N+1 in engine threads (``translations`` only reads the window) while this thread
    reads window N+2 and then delivers window N. Window N's articles get no output and
    no record until its engine call has ended and N-1 is delivered; what reading N+2
    does to the batch (``finish`` an empty article, ``fail`` an unreadable one) is held
    (``holding``) and done once N+1 is delivered (``release``), so articles are finished
    strictly in plan order. ``skip`` is not held: it writes nothing (the record is on
    disk already) and only moves counters, and holding the skips of a long resumed
    stretch would keep every one of its entries in memory. The Ray engine delivers
    its windows the same way, in plan order.
    """

    def __init__(self, out_dir: Path, translator: Translator, options: BatchOptions,
                 progress: ProgressTracker, reader: ReaderProcess | None,
                 cancel: threading.Event, inputs: Sequence[InputFile]) -> None:
        self.out_dir = out_dir
        self.reader = reader
        self.cancel = cancel
        self.translator = translator
        self.options = options
        self.progress = progress
        self.store = RecordStore(out_dir)
        self.settings = settings_for(translator, options)
        self.outcomes = RunOutcomes(inputs, self.store)
        self.translated = self.skipped = self.failed = 0
        self._unrecorded: list[tuple[ArticleInProgress, ArticleRecord]] = []
        self._held: HeldSteps | None = None  # while the next window is read ahead
        self._digests = bytearray()  # 32 bytes an input, in input order
        self._done = array("q")  # the sentences of a finished input, or _TO_DO, _UNREADABLE

    # -- outcomes --------------------------------------------------------------------

    def survey(self) -> int:
        """Hash every input and look for its record; returns the bytes left to translate.

        What is kept of each input is its digest (32 bytes) and, when an earlier run
        finished it, its sentence count: the entries are rebuilt from them as the plan
        reaches each input (``entries``).
        """
        to_translate = 0
        for position, item in enumerate(self.outcomes.inputs):
            try:
                digest = file_sha256(item.path)
            except OSError as exc:
                self._digests.extend(bytes(32))
                self._done.append(_UNREADABLE)
                self.fail(item, "", exc.strerror or "cannot be read", position)
                continue
            done = None if self.options.force else self.store.is_done(item, self.settings,
                                                                        digest)
            self._digests.extend(bytes.fromhex(digest))
            self._done.append(_TO_DO if done is None else done.sentences)
            if done is None:
                to_translate += item.size
            else:
                self.outcomes.done_before(position)
        return to_translate

    def entries(self) -> Iterator[BatchEntry]:
        """The readable inputs, in order, as ``survey`` found them."""
        for position, item in enumerate(self.outcomes.inputs):
            done = self._done[position]
            if done != _UNREADABLE:
                digest = self._digests[32 * position:32 * (position + 1)].hex()
                yield BatchEntry(item, digest, None if done == _TO_DO else done, position)

    @contextlib.contextmanager
    def holding(self, held: HeldSteps) -> Iterator[None]:
        """While reading ahead: ``finish`` and ``fail`` go to ``held`` instead of being
        done, to be done (``release``) once the windows before are delivered."""
        self._held = held
        try:
            yield
        finally:
            self._held = None

    def release(self, held: HeldSteps) -> None:
        """Do the held steps, in the order they were taken."""
        while held:  # taken one by one: a stop must not do one twice
            held.popleft()()

    def _hold(self, step: Callable[..., None], *args: object, **kwargs: object) -> bool:
        """True when ``step`` was held for later rather than to be done now."""
        if self._held is None:
            return False
        self._held.append(functools.partial(step, *args, **kwargs))
        return True

    def skip(self, entry: BatchEntry) -> None:
        """Count an article an earlier run finished (its record stays on disk)."""
        self.outcomes.saved(entry.position)
        self.skipped += 1
        self.progress.file_skipped(entry.item)

    def fail(self, item: InputFile, digest: str, reason: str, position: int, *,
             shown: bool = False) -> None:
        """Record ``item`` as failed; raises OutputStopped when the folder refuses files.

        ``shown``: progress already counted the file (as translated, once its outputs
        were written); the report's counts still say failed.
        """
        if self._hold(self.fail, item, digest, reason, position, shown=shown):
            return
        record = ArticleRecord(file=item.relative.as_posix(), status=STATUS_FAILED,
                               settings=self.settings, source_sha256=digest, reason=reason)
        try:
            self.store.save(item, record)
            stored = True
        except OSError as exc:
            if is_folder_fault(exc):
                raise OutputStopped(exc) from exc
            stored = False  # a name too long for a record: the index still lists it
        self.outcomes.failed(position, record, stored=stored)
        self.failed += 1
        if not shown:
            self.progress.file_failed(item, reason)

    def finish(self, article: ArticleInProgress) -> None:
        """Write every output, each flushed to disk, then the record."""
        if self._hold(self.finish, article):
            return
        record = self._write_outputs(article, durable=True)
        if record is not None:
            self._record(article, record, shown=False)

    def _write_outputs(self, article: ArticleInProgress, *,
                       durable: bool) -> ArticleRecord | None:
        """The article's outputs written; its done record, or None once failed.

        An article that cannot be written (a name the file system refuses, say) is
        recorded as failed and the batch goes on. When the folder refuses every file (a
        full disk), OutputStopped ends the batch; the article has no record, so the next
        run redoes it.
        """
        try:
            return write_article_outputs(article, self.out_dir, self.options.formats,
                                         self.options.pipeline, self.translator.pack.info,
                                         self.settings, durable=durable)
        except OSError as exc:
            self._failed_to_write(article, exc)
            return None

    def _record(self, article: ArticleInProgress, record: ArticleRecord, *,
                shown: bool) -> None:
        """Save the done record; ``shown``: progress already showed the article done."""
        try:
            self.store.save(article.item, record, durable=False)
        except OSError as exc:
            self._failed_to_write(article, exc, shown=shown)
            return
        self.outcomes.saved(article.position)
        self.translated += 1
        if not shown:
            self.progress.file_translated(article.item)

    def _failed_to_write(self, article: ArticleInProgress, exc: OSError, *,
                         shown: bool = False) -> None:
        if is_folder_fault(exc):
            raise OutputStopped(exc) from exc
        self.fail(article.item, article.source_sha256,
                  f"its outputs could not be written ({exc.strerror or exc})", article.position,
                  shown=shown)

    # -- reading and translating ------------------------------------------------------

    def read(self, entry: BatchEntry) -> ArticleInProgress | None:
        """Read and segment one article; None (and a failure record) when it cannot be read."""
        try:
            return read_article(entry, self.translator,
                                self.options.pipeline.max_sentence_tokens,
                                encoding=self.options.encoding, read=self._read_document)
        except InputFileError as exc:
            self.fail(entry.item, entry.source_sha256, exc.reason, entry.position)
            return None

    def _read_document(self, path: Path, encoding: str | None) -> Document:
        if self.reader is not None:
            return self.reader.read(path, encoding, cancel=self.cancel)
        if self.options.reader is not None:
            return self.options.reader(path, encoding=encoding)
        from tarjama.core.documents import read_document

        return read_document(path, encoding=encoding)

    def translations(self, window: list[ArticleInProgress],
                     cancel: threading.Event) -> list[Translation]:
        """The window translated here (``translate_window``); the window is only read."""
        return translate_window(self.translator, window_results(window),
                                repair=self.options.repair, glossary=self.options.glossary,
                                cancel=cancel)

    def deliver(self, window: list[ArticleInProgress],
                translations: list[Translation]) -> None:
        """Attach a window's translations, write its outputs, sync, then its records."""
        try:
            deliver_window(window, translations, progress=self.progress,
                           glossary=self.options.glossary, finish=self._finish_in_window,
                           end_window=self._record_window)
        except OutputStopped:
            # Keep what the window wrote before the folder refused a file, if it still can.
            with contextlib.suppress(OutputStopped):
                self._record_window()
            raise
        finally:
            self._unrecorded.clear()

    def _finish_in_window(self, article: ArticleInProgress) -> None:
        record = self._write_outputs(article, durable=False)
        if record is not None:
            self._unrecorded.append((article, record))
            # Shown done now, as its outputs are there; the record follows the window's sync.
            self.progress.file_translated(article.item)

    def _record_window(self) -> None:
        if not self._unrecorded:
            return
        try:
            sync_folder(self.out_dir)
        except OSError as exc:
            raise OutputStopped(exc) from exc
        while self._unrecorded:  # taken one by one: a stop must not record one twice
            self._record(*self._unrecorded.pop(0), shown=True)
