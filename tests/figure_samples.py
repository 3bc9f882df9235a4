"""A hand-made, translated article whose figures cover the new kinds and qualifiers.

The figures are written out rather than extracted, so the tests of what people see
(labels in panels, tooltips, exports, the CLI) do not move when the extractors improve.
"""

from __future__ import annotations

from pathlib import Path

from tarjama.core.documents.model import Document
from tarjama.core.figures.model import Fidelity, Figure, FigureCheck
from tarjama.core.packs.pack import PackInfo
from tarjama.core.pipeline import ArticleResult, SentenceResult, Stats, Summary
from tarjama.core.segment import Sentence

# Ids a person must never read where a label belongs.
KIND_IDS = ("count_word",)
STATUS_IDS = ("ok",)


def fig(text: str, span: str, side: str, kind: str, value: str, number: float | None = None,
        unit: str | None = None, qualifier: str | None = None) -> Figure:
    start = text.index(span)
    return Figure(kind, value, span, start, start + len(span), side, number, unit, qualifier)


def _sentence(index: int, arabic: str, english: str,
              pairs: list[tuple[Figure, Figure | None, str, str]],
              added: tuple[Figure, ...] = ()) -> SentenceResult:
    checks = tuple(FigureCheck(source, status, target, detail)
                   for source, target, status, detail in pairs)
    worst = max((c.status for c in checks), key=["ok", "changed", "missing"].index,
                default="ok")
    targets = [t for _, t, _, _ in pairs if t is not None] + list(added)
    return SentenceResult(Sentence(index, index, 0, len(arabic), arabic),
                          [s for s, _, _, _ in pairs], english, targets,
                          Fidelity(worst, tuple(checks)))


AR0 = "قتل نحو 300 شخص في 10 أيلول 2018."
EN0 = "About 300 people were killed on 10 September 2018."
AR1 = "وأصيب عشرات في المباراة التي انتهت 2-1 عند الساعة 20:30."
EN1 = "Hundreds were hurt in the match, which ended 2-1."
AR2 = "وحل الفريق في المركز الثالث بنصف النقاط."
EN2 = "The team came 3rd with half the points in mid-May."


def sample_sentences() -> list[SentenceResult]:
    return [
        _sentence(0, AR0, EN0, [
            (fig(AR0, "300 شخص", "source", "casualties", "300 killed", 300.0, "killed", "about"),
             fig(EN0, "300 people were killed", "target", "casualties", "300 killed", 300.0,
                 "killed", "about"), "ok", "the Arabic about 300 killed is kept"),
            (fig(AR0, "10 أيلول 2018", "source", "date", "2018-09-10"),
             fig(EN0, "10 September 2018", "target", "date", "2018-09-10"), "ok",
             "the Arabic 10 September 2018 is kept"),
        ]),
        _sentence(1, AR1, EN1, [
            (fig(AR1, "عشرات", "source", "count_word", "dozens"),
             fig(EN1, "Hundreds", "target", "count_word", "hundreds"), "changed",
             "the Arabic says dozens; the English has hundreds"),
            (fig(AR1, "2-1", "source", "score", "2-1"), fig(EN1, "2-1", "target", "score", "2-1"),
             "ok", "the Arabic score 2-1 is kept"),
            (fig(AR1, "20:30", "source", "time", "20:30", 20.5, "24h"), None, "missing",
             "the Arabic figure 20:30 is not in the translation"),
        ]),
        _sentence(2, AR2, EN2, [
            (fig(AR2, "الثالث", "source", "ordinal", "3rd", 3.0),
             fig(EN2, "3rd", "target", "ordinal", "3rd", 3.0), "ok", "the Arabic 3rd is kept"),
            (fig(AR2, "نصف", "source", "fraction", "1/2", 0.5),
             fig(EN2, "half", "target", "fraction", "1/2", 0.5), "ok", "the Arabic half is kept"),
        ], added=(fig(EN2, "May", "target", "date", "--05", qualifier="mid"),)),
    ]


def sample_article(path: Path = Path("sample.ar.txt")) -> ArticleResult:
    sentences = sample_sentences()
    document = Document(path, "text", "utf-8", tuple(s.sentence.text for s in sentences),
                        "Sample")
    return ArticleResult(document, sentences, Summary((0,), "lexrank", "en"),
                         PackInfo("fixture-pack", licence="MIT"), Stats(3, 25, 1.0))
