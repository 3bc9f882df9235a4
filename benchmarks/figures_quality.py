"""Key-figure quality: false alarms on human translations, detection of seeded errors, and
the Arabic extractor against the project's gold sentences.

* (a) false alarms: ``check_fidelity`` on line-aligned human translations (TICO-19's test
  set and the gold sentences): every non-ok check is a false alarm, counted by Arabic
  figure kind and by cause;
* (b) detection: for each pair whose check is all ok, copies of the English with one
  matched figure perturbed (a digit changed, the figure deleted, its month or its scale
  swapped), each checked again;
* (c) extraction: ``extract_arabic`` against the gold figures (recall, precision, by
  class and kind, exact-span and value-only rates, qualifier agreement);

then a table of the targets with PASS or FAIL. Deterministic (``--seed``).

    python benchmarks/figures_quality.py [--tico DIR] [--gold FILE] [--held-out FILE]
                                         [--examples N] [--strict]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from tarjama.core.figures import (  # noqa: E402
    Fidelity,
    Figure,
    compare_figures,
    extract_arabic,
    extract_english,
)
from tarjama.devtools.figure_quality import (  # noqa: E402
    MATCH_MODES,
    PERTURBATIONS,
    GoldSentence,
    cause,
    load_gold,
    match_figures,
    repeated,
    seeded,
)

DEFAULT_TICO = REPO.parent / "shared" / "testsets" / "tico19"
DEFAULT_GOLD = REPO / "benchmarks" / "data" / "figures_gold.jsonl"
# Written afterwards, blind to the extractor's rules; scored apart from the set the rules
# were developed on.
DEFAULT_HELD_OUT = REPO / "benchmarks" / "data" / "figures_gold_heldout.jsonl"
FALSE_ALARMS_MAX, DETECTED_MIN, EXPECTED_MIN = 1.0, 99.0, 98.0  # per cent
RECALL_MIN = PRECISION_MIN = 98.0


@dataclass
class Pair:
    id: str
    ar: str
    en: str
    sources: list[Figure]
    targets: list[Figure]
    fidelity: Fidelity


def checked(pair_id: str, ar: str, en: str) -> Pair:
    sources, targets = extract_arabic(ar), extract_english(en)
    return Pair(pair_id, ar, en, sources, targets, compare_figures(sources, targets, len(ar), en))


def pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def false_alarms(name: str, pairs: list[Pair], examples: int) -> tuple[float, int] | None:
    """Part (a) on one set: (the share of pairs with figures that get a non-ok check, the
    number of pairs with figures)."""
    with_figures = [p for p in pairs if p.sources]
    flagged = [p for p in with_figures if p.fidelity.status != "ok"]
    rate = pct(len(flagged), len(with_figures))
    figures = sum(len(p.sources) for p in with_figures)
    print(f"{name}: {len(pairs)} pairs, {len(with_figures)} with Arabic figures ({figures} "
          f"figures); {len(flagged)} with a false alarm = {rate:.2f}% "
          f"(target <= {FALSE_ALARMS_MAX:g}%)")
    if not with_figures:
        return None
    by_kind, checks_by_kind, by_status = Counter(), Counter(), Counter()
    causes: dict[str, list[tuple[Pair, object]]] = defaultdict(list)
    for pair in with_figures:
        for check in pair.fidelity.checks:
            checks_by_kind[check.source.kind] += 1
            if check.status != "ok":
                by_kind[check.source.kind] += 1
                by_status[check.status] += 1
                causes[cause(check, pair.targets, pair.en)].append((pair, check))
    print(f"  non-ok checks: {sum(by_kind.values())} of {sum(checks_by_kind.values())}"
          + "".join(f", {s} {n}" for s, n in by_status.most_common()))
    print("  by Arabic kind (non-ok / checks): " + ", ".join(
        f"{k} {by_kind[k]}/{n}" for k, n in checks_by_kind.most_common()))
    print("  by cause:" + ("" if causes else " (none)"))
    for reason, cases in sorted(causes.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"    {len(cases):4d}  {reason}")
        for pair, check in cases[:examples]:
            print(f"          [{pair.id}] «{check.source.text}» ({check.source.kind} "
                  f"{check.source.value}): {check.detail}\n            EN: {short(pair.en)}")
    return rate, len(with_figures)


def detection(sets: dict[str, list[Pair]], seed: int, examples: int
              ) -> dict[str, tuple[int, float, float]]:
    """Part (b): {perturbation: (cases, detected %, expected status %)} over all sets."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    failures: dict[str, list[str]] = defaultdict(list)
    wrong: dict[str, Counter] = defaultdict(Counter)  # status got, and whether inside a word
    for set_name, pairs in sets.items():
        for pair in pairs:
            if not pair.sources or pair.fidelity.status != "ok":
                continue
            for i, check in enumerate(pair.fidelity.checks):
                source, target = check.source, check.target
                if target is None:
                    continue
                for kind, (make, expected) in PERTURBATIONS.items():
                    tally = counts[set_name, kind]
                    perturbed = make(pair.en, source, target, seeded(seed, pair.id, i, kind))
                    if perturbed is None:
                        continue
                    if repeated(source, target, pair.targets, pair.en):
                        tally["skipped"] += 1
                        continue
                    again = compare_figures(pair.sources, extract_english(perturbed.text),
                                            len(pair.ar), perturbed.text)
                    status = again.checks[i].status
                    tally["n"] += 1
                    tally["detected"] += status != "ok"
                    tally["expected"] += status == expected
                    if status != expected:
                        inside = not any(t is target for t in pair.targets)
                        wrong[kind][status, inside] += 1
                    if status != expected and len(failures[kind]) < examples:
                        failures[kind].append(
                            f"      [{pair.id}] «{source.text}» ({source.kind} {source.value})"
                            f" {perturbed.change}: {status}, expected {expected}\n"
                            f"        EN: {short(perturbed.text)}")
    names = [*sets, "all"]
    print(f"{'':16}" + "".join(f"{n[:24]:>26}" for n in names))
    print(f"{'perturbation':16}" + f"{'n':>8}{'detected':>9}{'expected':>9}" * len(names))
    results = {}
    for kind in PERTURBATIONS:
        total = Counter()
        for set_name in sets:
            total.update(counts[set_name, kind])
        row = ""
        for tally in [counts[s, kind] for s in sets] + [total]:
            n = tally["n"]
            row += f"{n:>8d}{pct(tally['detected'], n):8.1f}%{pct(tally['expected'], n):8.1f}%"
        print(f"{kind:16}{row}   (skipped, figure repeated: {total['skipped']})")
        results[kind] = (total["n"], pct(total["detected"], total["n"]),
                         pct(total["expected"], total["n"]))
    for kind, got in wrong.items():
        print(f"  status not as expected, {kind}: " + ", ".join(
            f"{status} {n}" + (" (the English figure was digits inside a word, e.g. ACE2)"
                               if inside else "")
            for (status, inside), n in sorted(got.items(), key=lambda item: -item[1])))
    for kind, lines in failures.items():
        if lines:
            print(f"  examples, {kind}:")
            print("\n".join(lines))
    return results


def extraction(gold: list[GoldSentence], examples: int
               ) -> tuple[float, float, int, int] | None:
    """Part (c): recall and precision of extract_arabic against the gold figures, and the
    numbers of gold and extracted figures."""
    found_gold: Counter = Counter()  # matched gold figures by mode
    recall, precision = defaultdict(Counter), defaultdict(Counter)  # by group: total, matched
    unlocated, misses, spurious = [], [], []
    with_qualifier = same_qualifier = added_qualifier = total_gold = total_extracted = 0
    for sentence in gold:
        extracted = extract_arabic(sentence.ar)
        figures = [g for g in sentence.figures if g.start is not None]
        unlocated += [(sentence, g) for g in sentence.figures if g.start is None]
        total_gold += len(figures)
        total_extracted += len(extracted)
        pairs = {mode: match_figures(figures, extracted, mode) for mode in MATCH_MODES}
        for mode, matched in pairs.items():
            found_gold[mode] += len(matched)
        matched = pairs["overlap"]
        groups = [f"class {c}" for c in sentence.classes]
        for i, g in enumerate(figures):
            for group in ["all", *groups, f"kind {g.kind}"]:
                recall[group]["total"] += 1
                recall[group]["matched"] += i in matched
            if i not in matched:
                near = [f"«{f.text}» {f.kind} {f.value}" for f in extracted
                        if f.start < g.end and g.start < f.end]
                misses.append(f"      [{sentence.id}] «{g.text}» {g.kind} {g.value}"
                              f"{f' ({g.qualifier})' if g.qualifier else ''}; extracted there: "
                              f"{', '.join(near) or 'nothing'}")
            elif g.qualifier:
                with_qualifier += 1
                same_qualifier += extracted[matched[i]].qualifier == g.qualifier
            elif extracted[matched[i]].qualifier:
                added_qualifier += 1
        used = set(matched.values())
        for j, f in enumerate(extracted):
            for group in ["all", *groups, f"kind {f.kind}"]:
                precision[group]["total"] += 1
                precision[group]["matched"] += j in used
            if j not in used:
                spurious.append(f"      [{sentence.id}] «{f.text}» {f.kind} {f.value}"
                                f"{f' ({f.qualifier})' if f.qualifier else ''}")
    print(f"{len(gold)} sentences, {total_gold} gold figures located, {total_extracted} "
          f"extracted")
    if unlocated:
        print(f"  WARNING: {len(unlocated)} gold figures whose text is not in the Arabic (left "
              "out; a gold file problem): " + "; ".join(
                  f"[{s.id}] «{g.text}»" for s, g in unlocated[:max(examples, 5)]))
    if not total_gold:
        return None
    for mode, label in (("overlap", "kind+value, spans overlap"), ("exact", "exact span"),
                        ("value", "value only, spans overlap")):
        print(f"  {label:27} recall {pct(found_gold[mode], total_gold):6.2f}%  precision "
              f"{pct(found_gold[mode], total_extracted):6.2f}%")
    print(f"  {'group':28}{'recall':>18}{'precision':>20}")
    for group in sorted(set(recall) | set(precision), key=lambda g: (g != "all", g)):
        r, p = recall[group], precision[group]
        print(f"  {group:28}{r['matched']:>5}/{r['total']:<5} {pct(r['matched'], r['total']):6.2f}%"
              f"{p['matched']:>7}/{p['total']:<5} {pct(p['matched'], p['total']):6.2f}%")
    print(f"  qualifiers: {same_qualifier} of {with_qualifier} matched gold figures with a "
          f"qualifier get the same one ({pct(same_qualifier, with_qualifier):.1f}%); "
          f"{added_qualifier} extracted qualifiers where the gold has none")
    for title, lines in (("misses (gold figure not found)", misses),
                         ("spurious (extracted, not in the gold)", spurious)):
        print(f"  {title}: {len(lines)}")
        for line in lines[:examples]:
            print(line)
    return (pct(found_gold["overlap"], total_gold), pct(found_gold["overlap"], total_extracted),
            total_gold, total_extracted)


def read_tico(folder: Path) -> list[Pair] | None:
    ar_file, en_file = folder / "tico19-test.ar", folder / "tico19-test.en"
    if not (ar_file.is_file() and en_file.is_file()):
        return None
    ar = ar_file.read_text(encoding="utf-8").splitlines()
    en = en_file.read_text(encoding="utf-8").splitlines()
    if len(ar) != len(en):
        print(f"  WARNING: {len(ar)} Arabic and {len(en)} English lines; pairing the first ones")
    return [checked(f"tico:{n}", a, e) for n, (a, e) in enumerate(zip(ar, en, strict=False), 1)]


def read_gold(path: Path) -> list[GoldSentence]:
    if not path.is_file():
        return []
    gold, problems = load_gold(path)
    if problems:
        print(f"gold file {path}: {len(problems)} problems (bad lines skipped), e.g. "
              + "; ".join(problems[:3]))
    return gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tico", type=Path, default=DEFAULT_TICO,
                        help="folder with tico19-test.ar and tico19-test.en")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSON-lines file")
    parser.add_argument("--held-out", type=Path, default=DEFAULT_HELD_OUT,
                        help="a second gold file, scored apart (the held-out set)")
    parser.add_argument("--examples", type=int, default=0, help="examples printed per cause")
    parser.add_argument("--seed", type=int, default=1, help="seed of the perturbations")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    tico = read_tico(args.tico)
    gold_sets = {name: read_gold(path) for name, path in (("gold set", args.gold),
                                                          ("held-out set", args.held_out))}
    own = [checked(f"gold:{s.id}", s.ar, s.en) for sentences in gold_sets.values()
           for s in sentences]

    targets: list[tuple[str, float | None, int, str, float]] = []  # name, %, cases, op, limit
    print("== (a) false alarms on human translations (any non-ok check) ==")
    sets: dict[str, list[Pair]] = {}
    for name, pairs, missing in (("TICO-19", tico, f"no TICO-19 test set in {args.tico}"),
                                 ("own set", own, f"no gold sentences in {args.gold}")):
        result = None
        if pairs:
            sets[name] = pairs
            result = false_alarms(name, pairs, args.examples)
        else:
            print(f"{name}: skipped ({missing})")
        rate, n = result or (None, 0)
        targets.append((f"false alarms, {name}", rate, n, "<=", FALSE_ALARMS_MAX))

    print("\n== (b) detection of seeded errors in the English (pairs checked all ok) ==")
    results = detection(sets, args.seed, args.examples) if sets else {}
    for kind in PERTURBATIONS:
        n, detected, expected = results.get(kind, (0, 0.0, 0.0))
        targets.append((f"{kind}: detected", detected if n else None, n, ">=", DETECTED_MIN))
        targets.append((f"{kind}: expected status", expected if n else None, n, ">=",
                        EXPECTED_MIN))

    for name, gold in gold_sets.items():
        print(f"\n== (c) Arabic extraction against the {name} ==")
        scores = extraction(gold, args.examples) if gold else None
        if not gold:
            print("skipped (no gold sentences)")
        recall, precision, n_gold, n_extracted = scores or (None, None, 0, 0)
        targets.append((f"Arabic recall, {name}", recall, n_gold, ">=", RECALL_MIN))
        targets.append((f"Arabic precision, {name}", precision, n_extracted, ">=",
                        PRECISION_MIN))

    print(f"\n== summary ({time.perf_counter() - started:.1f} s) ==")
    print(f"{'target':36} {'value':>8} {'cases':>6}  {'':15} verdict")
    failed = False
    for name, value, n, comparison, limit in targets:
        if value is None:
            verdict, shown = "SKIP", "n/a"
        else:
            good = value <= limit if comparison == "<=" else value >= limit
            verdict, shown = ("PASS" if good else "FAIL"), f"{value:.2f}%"
            failed = failed or not good
        print(f"{name:36} {shown:>8} {n:>6}  {f'target {comparison} {limit:g}%':15} {verdict}")
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
