"""The benchmark's report: the machine and code measured, the targets, and each phase's figures, as Markdown."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import platform
import statistics
import subprocess
from collections.abc import Sequence
from pathlib import Path

import psutil

from bench.measure import Sample, median, ratio, values
from bench.phases import LOAD_SAMPLES, LOAD_STEPS, Results, scaling_sizes, seconds_text
from bench.settings import FILTER_LABEL, FILTER_OPTION, PROJECT, REFERENCE_EVERY, SCALING_CONTROL, SCALING_PAGES, TARGETS
from scripts.harness import load_average


def code_state() -> str:
    """The commit measured, and how many files differ from it (others may be editing while the bench runs)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
        diff = subprocess.run(["git", "diff", "HEAD"], cwd=PROJECT, capture_output=True, timeout=60, check=True).stdout
        names = subprocess.run(
            ["git", "diff", "HEAD", "--name-only"], cwd=PROJECT, capture_output=True, text=True, timeout=60, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)"
    if not diff:
        return head
    return f"{head} with uncommitted changes in {len(names.splitlines())} file(s) (diff {hashlib.sha256(diff).hexdigest()[:8]})"


def load_averages() -> str:
    return " ".join(f"{value:.2f}" for value in load_average())


def machine_description() -> dict[str, str]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = f"{psutil.virtual_memory().total / 1024**3:.1f} GiB"

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {
        "CPUs (nproc)": str(os.cpu_count()),
        "CPU model": cpu,
        "Memory": memory,
        "Load average at start (1, 5, 15 min)": load_averages(),
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "Streamlit": version("streamlit"),
        "Plotly": version("plotly"),
        "pandas": version("pandas"),
        "pydantic": version("pydantic"),
        "Playwright": version("playwright"),
        "Code at start": code_state(),
    }


# the data layer's targets at 1,000 briefs: (step of LOAD_STEPS, key of TARGETS, the target's words)
LOAD_TARGETS = (
    ("first", "first_start_s", "First start with 1,000 briefs (caches empty, 2 cores)"),
    ("restart", "cold_load_s", "Data-layer start with 1,000 briefs (files unchanged)"),
    ("replica", "cold_load_s", "Another replica's start with 1,000 briefs (shared cache folder)"),
    ("edit", "edit_s", "One brief edited at 1,000 briefs: new frames"),
    ("edit_server", "edit_s", "An edit in a real server, from the write to the new title drawn after a reload (1,000 briefs)"),
)


def _seconds(results: Results, step: str, n: int = 1000) -> float | None:
    entry = results.loads.get(n, {}).get(step)
    seconds = entry.get("seconds") if isinstance(entry, dict) else None
    return seconds if isinstance(seconds, (int, float)) else None


def _first_float(text: str) -> float:
    try:
        return float(text.split()[0])
    except (ValueError, IndexError):
        return 0.0


def _ms(value: float | None) -> str:
    return f"{value:,.0f} ms" if value is not None else "–"


def _x(value: float | None) -> str:
    return f"{value:.2f}×" if value is not None else "–"


def _verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "not measured"
    return "met" if value <= limit else "**missed**"


def _spread(samples: list[Sample]) -> str:
    got = values(samples)
    failed = len(samples) - len(got)
    text = f"{min(got):,.0f}–{max(got):,.0f}" if got else "–"
    return text + (f" ({failed} failed)" if failed else "")


def _ratio_table(pages: Sequence[str], shown: dict[str, list[Sample]], reference: float | None, ratios: dict, target: float) -> list[str]:
    """A table of the app's median per page against the reference's, with the ratio and its verdict."""
    rows = ["| Page | App median | Range (ms) | Reference median | Ratio | Target | Verdict |", "|---|---|---|---|---|---|---|"]
    for path in pages:
        samples = shown.get(path, [])
        rows.append(
            f"| `{path}` | {_ms(median(samples))} | {_spread(samples)} | {_ms(reference)} "
            f"| {_x(ratios[path])} | ≤ {target:.1f}× | {_verdict(ratios[path], target)} |"
        )
    return rows


def report(results: Results) -> str:
    settings = results.settings
    assert settings is not None
    small, big = min(settings.sizes), settings.big
    lines: list[str] = []
    add = lines.append
    add("# Benchmark results")
    add("")
    add(
        f"Measured {results.started} with `python -m bench{' --quick' if settings.quick else ''}` "
        "(`make bench` runs the full set). Every app figure is compared with the reference page "
        "(`bench/reference_app.py`: one cached DataFrame, one Plotly heatmap, one `st.dataframe`, one sidebar "
        "multiselect) measured in the same run, alternating app and reference; figures are medians."
    )
    if settings.quick:
        add("")
        add("**Quick smoke run** (1 repeat, corpora up to 100 briefs): indicative only, not for the targets.")
    add("")
    add("## Machine")
    add("")
    add("| | |")
    add("|---|---|")
    for key, value in results.machine.items():
        add(f"| {key} | {value} |")
    add("")
    add("The machine is shared and noisy: absolute times vary from run to run; the ratios are what to compare.")
    if results.machine.get("Code at start") != results.machine.get("Code at end"):
        add("")
        add(
            "The code changed while the bench ran (see *Code at start* and *Code at end*): later phases measured "
            "newer code than earlier ones."
        )
    busiest = max([*LOAD_SAMPLES, *(_first_float(v) for k, v in results.machine.items() if k.startswith("Load average"))], default=0.0)
    if busiest > 2 * (os.cpu_count() or 1):
        add("")
        add(
            f"Other work kept the machine busy during this run (1-minute load average up to {busiest:.1f} on "
            f"{os.cpu_count()} CPUs): absolute times are inflated and even the ratios carry more noise than usual."
        )

    # summary
    ref_render = median(results.render_ref)
    ref_rerun = median(results.rerun_ref)
    render_ratios = {p: ratio(median(results.render_app.get(p, [])), ref_render) for p in settings.pages}
    rerun_ratios = {p: ratio(median(results.rerun_app.get(p, [])), ref_rerun) for p in settings.pages}
    mem_ref = statistics.median(results.memory["reference"]) if results.memory.get("reference") else None
    mem_app = statistics.median(results.memory["app"]) if results.memory.get("app") else None
    mem_ratio = ratio(mem_app, mem_ref) if mem_ref and mem_ref > 0 else None
    scaling = {
        p: ratio(median(results.scaling_rerun.get((p, big), [])), median(results.scaling_rerun.get((p, small), []))) for p in SCALING_PAGES
    }
    add("")
    add("## Targets")
    add("")
    add("| Target | Measured | Verdict |")
    add("|---|---|---|")
    for what, ratios, target in (("Fresh render of", render_ratios, "render"), ("Filter-change rerun on", rerun_ratios, "rerun")):
        for path in settings.pages:
            add(f"| {what} `{path}` ≤ {TARGETS[target]:.1f}× reference | {_x(ratios[path])} | {_verdict(ratios[path], TARGETS[target])} |")
    mem_text = _x(mem_ratio) if mem_ratio is not None else ("reference grew by ≤ 0" if mem_ref is not None and mem_ref <= 0 else "–")
    add(
        f"| Memory per extra session ≤ {TARGETS['memory']:.1f}× reference | {mem_text} "
        f"| {_verdict(mem_ratio, TARGETS['memory']) if mem_ratio is not None else 'not measured'} |"
    )
    for step, target, label in LOAD_TARGETS:
        entry = results.loads.get(1000, {}).get(step)
        add(
            f"| {label} ≤ {TARGETS[target]:g} s | {seconds_text(entry) if entry else '–'} "
            f"| {_verdict(_seconds(results, step), TARGETS[target]) if 1000 in results.loads else 'not measured (quick run)'} |"
        )
    for path in SCALING_PAGES:
        verdict = _verdict(scaling[path], TARGETS["scaling"])
        if big != 1000:
            verdict = f"not measured at 1,000 (n={big}: {_x(scaling[path])})"
        add(
            f"| Warm rerun of `{path}` at n=1,000 ≤ {TARGETS['scaling']:.1f}× n=1 | "
            f"{_x(scaling[path]) if big == 1000 else '–'} | {verdict} |"
        )

    add("")
    add("## a) Fresh visitor render")
    add("")
    add(
        "A new browser context opens the page; time from navigation start until the script state is `notRunning`, "
        "the connection is up, no `stSkeleton` is left, every `stPlotlyChart` holds a `.main-svg`, every figure drawn on "
        "the server (`components/svg_figure.py`) has been put in by its script (`data-drawn`) and the page "
        "title is drawn. The servers were warmed by one visit per page first. Each repeat alternates one reference visit "
        f"with {REFERENCE_EVERY} app visits."
    )
    add("")
    add(f"Reference: median {_ms(ref_render)} over {len(values(results.render_ref))} visits (range {_spread(results.render_ref)} ms).")
    add("")
    lines.extend(_ratio_table(settings.pages, results.render_app, ref_render, render_ratios, TARGETS["render"]))
    add("")
    add(
        f"First visit after server start (imports and cold data load, one sample each, not in the medians): reference "
        f"{_ms(results.first_visit.get('reference'))}, app `/matrix` {_ms(results.first_visit.get('app'))}."
    )

    add("")
    add("## b) Warm rerun after the issue filter changes")
    add("")
    add(
        f"In the loaded page, the sidebar multiselect labelled “{FILTER_LABEL}” gets the option “{FILTER_OPTION}”. "
        "Time from the pointer press on the option until the rerun has been seen to start (script state `running`, "
        "or a changed URL) and the page has settled again as above."
    )
    add("")
    add(f"Reference: median {_ms(ref_rerun)} over {len(values(results.rerun_ref))} reruns (range {_spread(results.rerun_ref)} ms).")
    add("")
    lines.extend(_ratio_table(settings.pages, results.rerun_app, ref_rerun, rerun_ratios, TARGETS["rerun"]))
    fallbacks = [s.note for group in (results.rerun_ref, *results.rerun_app.values()) for s in group if s.note]
    if fallbacks:
        add("")
        add(
            f"{len(fallbacks)} rerun(s) were too quick for the `running` state to be drawn; their start was taken "
            "from the websocket traffic instead."
        )

    add("")
    add("## c) Server memory per extra session")
    add("")
    add(
        f"Both servers are started once. Each round opens one session (reference `/`, app `/matrix`), reads the server "
        f"process's resident set size (psutil), opens K = {settings.sessions} more sessions (tabs of a second "
        "browser context, each with its own websocket and server session) and keeps them open until RSS is read again: "
        f"(after − before) / K; then it closes them all. {settings.memory_rounds} round(s), the order of the two servers "
        "alternating."
    )
    add("")
    add("| Server | RSS with one session (median) | Per extra session, each round | Median per session |")
    add("|---|---|---|---|")
    for name in ("app", "reference"):
        per = results.memory.get(name, [])
        base = results.memory_base.get(name, [])
        base_text = f"{statistics.median(base) / 1024:.1f} MiB" if base else "–"
        rounds_text = ", ".join(f"{v / 1024:.2f}" for v in per) + " MiB" if per else "–"
        median_text = f"{statistics.median(per) / 1024:.2f} MiB" if per else "–"
        add(f"| {name} | {base_text} | {rounds_text} | {median_text} |")
    add("")
    add(
        f"Ratio app / reference: {mem_text} (target ≤ {TARGETS['memory']:.1f}×: "
        f"{_verdict(mem_ratio, TARGETS['memory']) if mem_ratio is not None else 'not measured'})."
    )
    for error in results.memory_errors:
        add(f"- failed: {error}")

    add("")
    add("## d) Scaling with synthetic corpora")
    add("")
    add(
        "Corpora from `bench/synthetic.py` (seed 0): per brief 30 positions, 20 events, 10 impacts, 6–10 judgments, "
        "about 110 evidence spans and 8 KB of source text; 1,000 briefs are about 50 MB of YAML."
    )
    add("")
    add("### Cold load of the data layer")
    add("")
    add(
        "Each figure is one run of `briefing.store.load_frames` (the app's data layer) in a fresh interpreter, "
        "imports not included. *First start ever* has empty caches: every brief is parsed (C YAML loader) and "
        "validated, then the validated briefs are cached by content hash and the finished frames by the files' "
        "names, sizes and mtimes and by their content's version (all outside `data/`); the briefs the cache does not "
        "hold are validated in two worker processes. *Restart, files unchanged* is every later server start. "
        "*Another replica* copies the files elsewhere (other paths and mtimes) and shares the cache folder: it finds "
        "the frames by content. *Restart after an edit* drops the frames cache: the frames are rebuilt from the "
        "validated-brief cache (an edited brief alone is parsed again). *One brief edited in a running process* is the "
        "time from a changed file to the new frames in a server that had served the old ones: the changed brief is "
        "loaded and its rows spliced into the frames (imports and the first load not included). *An edit in a real "
        "server* (scaling phase, largest corpus): one brief's title written, its `/sources` page reloaded at once, the "
        "seconds until the new title is drawn in Chromium (median of three; a plain reload of the page is logged beside)."
    )
    add("")
    add("| Briefs | " + " | ".join(label for _key, label in LOAD_STEPS) + " | Positions | Evidence spans |")
    add("|---|" + "---|" * (len(LOAD_STEPS) + 2))
    for n, entry in sorted(results.loads.items()):
        first = entry["first"] if isinstance(entry.get("first"), dict) else {}
        add(
            f"| {n:,} | "
            + " | ".join(seconds_text(entry.get(key)) for key, _label in LOAD_STEPS)
            + f" | {first.get('positions', '–')} | {first.get('evidence', '–')} |"
        )
    add("")
    add(
        "Targets at 1,000 briefs: "
        + "; ".join(
            f"{label.split(' with ')[0].split(' at ')[0].lower()} ≤ {TARGETS[target]:g} s: "
            + (_verdict(_seconds(results, step), TARGETS[target]) if 1000 in results.loads else "not measured (quick run)")
            for step, target, label in LOAD_TARGETS
        )
        + ". The first start ever is paid once per content; every later start, on any replica sharing the cache, reads it."
    )
    add("")
    add(f"### Warm reruns, n={big:,} against n={small}")
    add("")
    add(
        f"One app server per corpus (`BRIEFING_ROOT`), warmed by a first visit; then {settings.scaling_repeats} "
        "alternating fresh visits per page and size, each followed by the filter-change rerun of b)."
    )
    add("")
    add(
        f"| Page | First visit n={small} | First visit n={big:,} | Render n={small} | Render n={big:,} "
        f"| Rerun n={small} | Rerun n={big:,} | Rerun ratio | Target | Verdict |"
    )
    add("|---|---|---|---|---|---|---|---|---|---|")
    for path in SCALING_PAGES:
        firsts = [results.scaling_first.get((path, n)) for n in (small, big)]
        first_text = [(_ms(f.value) if f and f.value is not None else (f.error if f else "–")) for f in firsts]
        add(
            f"| `{path}` | {first_text[0]} | {first_text[1]} "
            f"| {_ms(median(results.scaling_render.get((path, small), [])))} "
            f"| {_ms(median(results.scaling_render.get((path, big), [])))} "
            f"| {_ms(median(results.scaling_rerun.get((path, small), [])))} "
            f"| {_ms(median(results.scaling_rerun.get((path, big), [])))} "
            f"| {_x(scaling[path])} | ≤ {TARGETS['scaling']:.1f}× "
            f"| {_verdict(scaling[path], TARGETS['scaling']) if big == 1000 else 'not measured at 1,000'} |"
        )
    if SCALING_CONTROL in scaling_sizes(settings):
        control = SCALING_CONTROL
        add("")
        add(
            f"Control, n={control} (same visits, taken in turn with the two above): at {control} briefs a matrix "
            "cell already fills its page of five positions and the timeline draws counts per year, as at "
            f"{big:,}; at one brief the chosen cell holds one position and the timeline draws each event. The "
            f"step from {control} to {big:,} briefs is what grows with the corpus once the pages are full."
        )
        add("")
        add(f"| Page | Render n={control} | Rerun n={control} | Rerun n={big:,} ÷ n={control} | Rerun n={control} ÷ n={small} |")
        add("|---|---|---|---|---|")
        for path in SCALING_PAGES:
            mid = median(results.scaling_rerun.get((path, control), []))
            add(
                f"| `{path}` | {_ms(median(results.scaling_render.get((path, control), [])))} | {_ms(mid)} "
                f"| {_x(ratio(median(results.scaling_rerun.get((path, big), [])), mid))} "
                f"| {_x(ratio(mid, median(results.scaling_rerun.get((path, small), []))))} |"
            )
    if results.loads:
        add("")
        add(
            "The servers find this corpus in the app's on-disk caches, filled by the cold-load runs above, so their "
            "first visit shows the start path of a restart, not another first build."
        )
    failures = [
        f"{path} n={n}: {s.error}"
        for (path, n), group in {**results.scaling_rerun, **results.scaling_render}.items()
        for s in group
        if s.error and s.error != "page did not render"
    ]
    for failure in sorted(set(failures)):
        add(f"- failed: {failure}")
    history = PROJECT / "bench" / "HISTORY.md"
    if history.is_file():
        add("")
        lines.extend(history.read_text(encoding="utf-8").rstrip("\n").splitlines())
    if results.notes:
        add("")
        add("## Notes")
        add("")
        for note in results.notes:
            add(f"- {note}")
    add("")
    return "\n".join(lines)
