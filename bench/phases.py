"""The phases of a benchmark run: memory per session, page renders and reruns, the data layer's cold load, and
scaling with the corpus; each adds its figures to one Results."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

from bench.measure import Sample, median, new_context, open_many, render, servers, short_error, visit
from bench.settings import APP_SCRIPT, PROJECT, REFERENCE_EVERY, REFERENCE_SCRIPT, SCALING_CONTROL, SCALING_PAGES, Settings
from scripts.harness import StreamlitServer, load_average, wait_until_idle


@dataclass
class Results:
    started: str = ""
    machine: dict[str, str] = field(default_factory=dict)
    settings: Settings | None = None
    render_ref: list[Sample] = field(default_factory=list)
    rerun_ref: list[Sample] = field(default_factory=list)
    render_app: dict[str, list[Sample]] = field(default_factory=dict)
    rerun_app: dict[str, list[Sample]] = field(default_factory=dict)
    first_visit: dict[str, float | None] = field(default_factory=dict)
    memory: dict[str, list[float]] = field(default_factory=dict)  # name -> per-session KiB, one per round
    memory_base: dict[str, list[int]] = field(default_factory=dict)  # name -> RSS after one session, KiB
    memory_errors: list[str] = field(default_factory=list)
    loads: dict[int, dict[str, dict[str, Any]]] = field(default_factory=dict)  # size -> start -> its figures
    scaling_render: dict[tuple[str, int], list[Sample]] = field(default_factory=dict)
    scaling_rerun: dict[tuple[str, int], list[Sample]] = field(default_factory=dict)
    scaling_first: dict[tuple[str, int], Sample] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


LOAD_SAMPLES: list[float] = []  # the 1-minute load average, sampled at every progress line


def log(message: str) -> None:
    LOAD_SAMPLES.append(load_average()[0])
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def phase_memory(browser: Browser, settings: Settings, workdir: Path, results: Results) -> None:
    """RSS with one session, then with K more kept open; rounds on the same two servers, the order alternating.

    Each round's extra sessions are closed before the next round; its figure is its own (after − before) / K, so the
    memory that closed sessions keep for a while does not enter it.
    """
    for name in ("reference", "app"):
        results.memory[name] = []
        results.memory_base[name] = []
    with servers(("reference", REFERENCE_SCRIPT, workdir, None), ("app", APP_SCRIPT, workdir, None)) as (ref, app):
        for round_number in range(settings.memory_rounds):
            order = [(ref, "/"), (app, "/matrix")]
            if round_number % 2:
                order.reverse()
            for server, path in order:
                url = server.url + path
                try:
                    # the extra sessions are opened together: only the memory they keep matters here, not their speed
                    with open_many(browser, [url], settings.settle_timeout_s, drawn=False):
                        before = _steady_rss(server)
                        with open_many(browser, [url] * settings.sessions, settings.settle_timeout_s * 3, drawn=False):
                            after = _steady_rss(server)
                except PlaywrightError as error:
                    results.memory_errors.append(f"{server.name}, round {round_number + 1}: {short_error(error)}")
                    continue
                per_session = (after - before) / settings.sessions
                results.memory[server.name].append(per_session)
                results.memory_base[server.name].append(before)
                log(
                    f"memory round {round_number + 1} {server.name}: {before / 1024:.1f} MiB with one session, "
                    f"{per_session / 1024:+.2f} MiB per extra session"
                )


def _steady_rss(server: StreamlitServer) -> int:
    """RSS in KiB: the median of three readings, each once the server has been idle for a moment (the sessions' work
    done)."""
    readings = []
    for _ in range(3):
        wait_until_idle(server.pid, window_s=0.3)
        readings.append(server.rss_bytes() // 1024)
    return int(statistics.median(readings))


def phase_pages(browser: Browser, settings: Settings, workdir: Path, results: Results) -> None:
    """A reference visit, then app visits to two pages, and so on; each visit a render and a rerun."""
    with servers(("reference", REFERENCE_SCRIPT, workdir, None), ("app", APP_SCRIPT, workdir, None)) as (ref, app):
        # the first visits pay for imports and the cold data load; they are reported apart, not in the medians
        results.first_visit["reference"] = visit(browser, ref.url + "/", settings.settle_timeout_s, with_rerun=False)[0].value
        results.first_visit["app"] = visit(browser, app.url + "/matrix", settings.settle_timeout_s, with_rerun=False)[0].value
        # every page once (together, untimed), so each page's own imports and caches are warm
        with open_many(browser, [app.url + path for path in settings.pages] + [ref.url + "/"], settings.settle_timeout_s * 3):
            pass
        for path in settings.pages:
            results.render_app[path], results.rerun_app[path] = [], []
        for repeat in range(settings.repeats):
            for index, path in enumerate(settings.pages):
                if index % REFERENCE_EVERY == 0:  # still alternating, in a shorter run
                    shown, changed = visit(browser, ref.url + "/", settings.settle_timeout_s)
                    results.render_ref.append(shown)
                    results.rerun_ref.append(changed)
                shown, changed = visit(browser, app.url + path, settings.settle_timeout_s)
                results.render_app[path].append(shown)
                results.rerun_app[path].append(changed)
            log(
                f"pages repeat {repeat + 1}/{settings.repeats}: reference render {median(results.render_ref) or 0:.0f} ms, "
                + ", ".join(f"{p} {median(results.render_app[p]) or 0:.0f} ms" for p in settings.pages)
            )


APP_LOAD_CODE = r"""
import json, sys, time
from pathlib import Path
from briefing.load import Layout
from briefing.store import load_frames
start = time.perf_counter()
frames = load_frames(Layout(Path(sys.argv[1])))
print(json.dumps({"seconds": time.perf_counter() - start, "briefs": len(frames.briefs), "positions": len(frames.positions),
                  "evidence": len(frames.evidence), "problems": len(frames.problems)}))
"""

APP_EDIT_CODE = r"""
import json, sys, time
from pathlib import Path
import yaml
from briefing.load import Layout
from briefing.store import load_frames
layout = Layout(Path(sys.argv[1]))
load_frames(layout)
brief = sorted(layout.briefs.glob("*.yaml"))[len(list(layout.briefs.glob("*.yaml"))) // 2]
text = brief.read_text(encoding="utf-8")
lines = text.splitlines(keepends=True)
at = next(i for i, line in enumerate(lines) if line.startswith("title: "))
lines[at] = "title: " + json.dumps("Edited " + yaml.safe_load(lines[at])["title"]) + "\n"  # a JSON string is YAML
brief.write_text("".join(lines), encoding="utf-8")
start = time.perf_counter()
frames = load_frames(layout)
seconds = time.perf_counter() - start
seen = any(str(title).startswith("Edited ") for title in frames.briefs["title"])
brief.write_text(text, encoding="utf-8")
print(json.dumps({"seconds": seconds if seen else None, "error": None if seen else "edit not seen", "briefs": len(frames.briefs)}))
"""

# the starts of the data layer, in order, each in a fresh interpreter
LOAD_STEPS = (
    ("first", "First start ever (caches empty)"),
    ("restart", "Restart, files unchanged"),
    ("replica", "Another replica: its own copy of the files, the cache folder shared"),
    ("edited", "Restart after an edit (frames cache dropped)"),
    ("edit", "One brief edited in a running process: to the new frames"),
)


def _run_load(code: str, args: list[str], env: dict[str, str], timeout_s: float) -> dict[str, Any]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=timeout_s, check=False
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "error": f"> {timeout_s:.0f} s (stopped)"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"seconds": None, "error": f"exit {done.returncode}: {tail[:160]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def phase_cold_load(settings: Settings, workdir: Path, corpora: dict[int, Path], results: Results) -> None:
    """Per corpus size, the app's own data-layer start (`briefing.store.load_frames`) in fresh interpreters.

    first: empty cache folder, so every brief is parsed and validated (and both caches are filled); restart: the same
    files again, the path of every later server start; replica: a copy of the files elsewhere with the same cache
    folder, as a second replica on a shared volume; edited: the frames cache removed, so the frames are rebuilt from
    the validated briefs cached by content; edit: in one process, the frames loaded, one brief's title changed, and
    the time until load_frames gives frames with the new title. The caches are left for the scaling phase.
    """
    for n in settings.sizes:
        cache = workdir / f"cache-n{n}"
        env = {k: v for k, v in os.environ.items() if k != "BRIEFING_ROOT"}
        env["BRIEFING_CACHE"] = str(cache)
        root = str(corpora[n])
        entry: dict[str, dict[str, Any]] = {}
        replica = workdir / f"replica-n{n}"  # a copy: other paths and mtimes, as another host's volume would have
        shutil.copytree(root, replica)
        for key, _label in LOAD_STEPS:
            if key == "edited":
                for frames_file in cache.glob("frames-*.pickle"):
                    frames_file.unlink()
            code, where = {"replica": (APP_LOAD_CODE, replica), "edit": (APP_EDIT_CODE, replica)}.get(key, (APP_LOAD_CODE, root))
            entry[key] = _run_load(code, [str(where)], env, settings.load_timeout_s)
        shutil.rmtree(replica, ignore_errors=True)
        results.loads[n] = entry
        first = entry["first"]
        problems = first.get("problems")
        if first.get("seconds") is not None and (first.get("briefs") != n or problems):
            results.notes.append(f"corpus n={n}: loaded {first.get('briefs')} brief(s) with {problems} problem(s)")
        log(f"cold load n={n}: " + ", ".join(f"{key} {seconds_text(value)}" for key, value in entry.items()))


def seconds_text(entry: object) -> str:
    if not isinstance(entry, dict):
        return "-"
    seconds = entry.get("seconds")
    return f"{seconds:.2f} s" if isinstance(seconds, (int, float)) else str(entry.get("error", "-"))


def scaling_sizes(settings: Settings) -> tuple[int, ...]:
    """The smallest corpus, the control (when measured: pages as full as the largest's) and the largest."""
    small, big = min(settings.sizes), settings.big
    control = (SCALING_CONTROL,) if SCALING_CONTROL in settings.sizes and small < SCALING_CONTROL < big else ()
    return (small, *control, big)


EDIT_REPEATS = 3
EDIT_SETTLE_S = 15.0
EDITED_TITLE = "strong"  # sources.py draws each brief's title in bold


def edit_in_server(browser: Browser, url: str, root: Path, timeout_s: float) -> dict[str, Any]:
    """One brief's title written while a real server runs, its /sources page reloaded at once: seconds from the write
    to the new title drawn (median of EDIT_REPEATS), with a plain reload of the same page in the same run."""
    brief = sorted((root / "data" / "briefs").glob("*.yaml"))[len(list((root / "data" / "briefs").glob("*.yaml"))) // 2]
    text = brief.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    span = next(ev["id"] for record in data.get("positions", []) for ev in record.get("evidence", []))
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    context = new_context(browser)
    plain: list[float] = []
    shown = str(data["title"])
    edits: list[float] = []
    try:
        page = context.new_page()
        render(page, f"{url}/sources?span={span}", timeout_s)
        time.sleep(EDIT_SETTLE_S)  # a first build's records (manifest, kept version) run after its first page
        for repeat in range(EDIT_REPEATS):
            time.sleep(8)  # the last edit's records (2 s after its splice) and its garbage collection (5 s after) done
            start = time.perf_counter()
            page.reload()
            page.locator(EDITED_TITLE, has_text=shown).first.wait_for(timeout=timeout_s * 1000)
            plain.append(time.perf_counter() - start)
            title = f"Edited {repeat} {time.time():.0f}"
            brief.write_text("".join([*lines[:at], f"title: {json.dumps(title)}\n", *lines[at + 1 :]]), encoding="utf-8")
            start = time.perf_counter()
            page.reload()
            drawn = page.locator(EDITED_TITLE, has_text=title).first
            while time.perf_counter() - start < timeout_s:
                try:
                    drawn.wait_for(timeout=250)
                    break
                except PlaywrightError:  # settled with the old title: the change was not noticed before the run began
                    if page.locator(SETTLED).count() and page.locator(EDITED_TITLE, has_text=shown).count():
                        page.reload()
            else:
                return {"seconds": None, "error": "edit not seen"}
            edits.append(time.perf_counter() - start)
            shown = title
    except PlaywrightError as error:
        return {"seconds": None, "error": short_error(error)}
    finally:
        brief.write_text(text, encoding="utf-8")
        context.close()
    return {"seconds": statistics.median(edits), "plain_reload": statistics.median(plain), "samples": edits}


SETTLED = "[data-testid=stApp][data-test-script-state=notRunning]"


def phase_scaling(browser: Browser, settings: Settings, workdir: Path, corpora: dict[int, Path], results: Results) -> None:
    """Warm reruns of /matrix and /timeline: one server per corpus size (smallest, control, largest), alternating."""
    sizes, big = scaling_sizes(settings), settings.big
    # each server's frames cache is the one the cold-load phase filled for its corpus (cache-n<size>)
    with servers(*((f"n{n}", APP_SCRIPT, workdir, corpora[n]) for n in sizes)) as started:
        by_n = dict(zip(sizes, started, strict=True))
        usable: dict[tuple[str, int], bool] = {}
        for path in SCALING_PAGES:
            for n in sizes:
                timeout = settings.big_settle_timeout_s if n == big else settings.settle_timeout_s
                first, _ = visit(browser, by_n[n].url + path, timeout, with_rerun=False)
                results.scaling_first[(path, n)] = first
                usable[(path, n)] = first.value is not None
                results.scaling_render[(path, n)], results.scaling_rerun[(path, n)] = [], []
                log(f"scaling first visit {path} n={n}: " + (f"{first.value:.0f} ms" if first.value is not None else first.error))
        for repeat in range(settings.scaling_repeats):
            for path in SCALING_PAGES:
                for n in sizes if repeat % 2 == 0 else sizes[::-1]:
                    if not usable[(path, n)]:
                        continue
                    # bounded by what the warm-up visit took, so one slow page cannot eat the whole run
                    timeout = max(settings.settle_timeout_s, 3 * (results.scaling_first[(path, n)].value or 0) / 1000)
                    shown, changed = visit(browser, by_n[n].url + path, timeout)
                    results.scaling_render[(path, n)].append(shown)
                    results.scaling_rerun[(path, n)].append(changed)
            log(
                f"scaling repeat {repeat + 1}/{settings.scaling_repeats}: "
                + ", ".join(f"{p} n={n} rerun {median(results.scaling_rerun[(p, n)]) or 0:.0f} ms" for p in SCALING_PAGES for n in sizes)
            )
        # last: the edits change the largest corpus's files (restored after) and start its records
        edit = edit_in_server(browser, by_n[big].url, corpora[big], settings.big_settle_timeout_s)
        results.loads.setdefault(big, {})["edit_server"] = edit
        log(f"edit in a real server n={big}: {seconds_text(edit)} (plain reload {edit.get('plain_reload') or 0:.2f} s)")
