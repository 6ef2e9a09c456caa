"""What a load run records: one Render per step, and the load and memory reports summed up from them."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field


@dataclass
class Render:
    """One step of one viewer: what it did, when (monotonic clock), how long it took, and whether it rendered."""

    viewer: int
    client: str  # browser | socket
    kind: str  # open | link | issue | clear | navigate
    target: str
    started: float
    seconds: float
    ok: bool
    error: str = ""
    reconnects: int = 0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a sequence; 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def _figures(renders: Sequence[Render]) -> dict[str, object]:
    latencies = [r.seconds for r in renders if r.ok]
    return {
        "renders": len(renders),
        "failed": sum(not r.ok for r in renders),
        "p50_s": round(statistics.median(latencies), 2) if latencies else None,
        "p95_s": round(percentile(latencies, 95), 2) if latencies else None,
        "max_s": round(max(latencies), 2) if latencies else None,
    }


@dataclass
class LoadReport:
    base_url: str
    viewers: int
    browser_viewers: int
    duration_s: float
    wall_s: float = 0.0
    peak_sessions: int = 0
    server_cpu_s: float | None = None
    renders: list[Render] = field(default_factory=list)

    @property
    def failed(self) -> list[Render]:
        return [r for r in self.renders if not r.ok]

    @property
    def sessions_opened(self) -> int:
        return sum(1 for r in self.renders if r.kind == "open")

    def summary(self) -> dict[str, object]:
        kinds: dict[str, int] = {}
        for r in self.renders:
            kinds[f"{r.client}:{r.kind}"] = kinds.get(f"{r.client}:{r.kind}", 0) + 1
        figures = _figures(self.renders)
        return {
            "base_url": self.base_url,
            "concurrent_viewers": self.viewers,
            "browser_viewers": self.browser_viewers,
            "socket_viewers": self.viewers - self.browser_viewers,
            "duration_s": self.duration_s,
            "wall_s": round(self.wall_s, 1),
            "sessions_opened": self.sessions_opened,
            "peak_open_sessions": self.peak_sessions,
            "renders": figures["renders"],
            "failed_renders": figures["failed"],
            "p50_s": figures["p50_s"],
            "p95_s": figures["p95_s"],
            "max_s": figures["max_s"],
            "browser": _figures([r for r in self.renders if r.client == "browser"]),
            "socket": _figures([r for r in self.renders if r.client == "socket"]),
            "renders_by_kind": kinds,
            "reconnects": sum(r.reconnects for r in self.renders),
            "server_cpu_s": round(self.server_cpu_s, 1) if self.server_cpu_s is not None else None,
            "failures": [asdict(r) for r in self.failed[:20]],
        }


@dataclass
class MemoryReport:
    pid: int
    warmup_sessions: int
    churn_sessions: int
    wave: int
    session_ttl_s: float
    baseline_kib: int = 0
    peak_kib: int = 0
    after_close_kib: int = 0
    final_kib: int = 0
    churn: LoadReport | None = None

    @property
    def delta_pct(self) -> float:
        return 100.0 * (self.final_kib - self.baseline_kib) / self.baseline_kib if self.baseline_kib else 0.0

    def summary(self) -> dict[str, object]:
        churn = self.churn.summary() if self.churn else {}
        return {
            "pid": self.pid,
            "warmup_sessions": self.warmup_sessions,
            "churn_sessions": self.churn_sessions,
            "wave": self.wave,
            "session_ttl_s": self.session_ttl_s,
            "baseline_mib": round(self.baseline_kib / 1024, 1),
            "peak_mib": round(self.peak_kib / 1024, 1),
            "after_close_mib": round(self.after_close_kib / 1024, 1),
            "final_mib": round(self.final_kib / 1024, 1),
            "delta_pct": round(self.delta_pct, 1),
            "churn_renders": churn.get("renders"),
            "churn_failed_renders": churn.get("failed_renders"),
            "churn_browser": churn.get("browser"),
            "churn_socket": churn.get("socket"),
            "churn_wall_s": churn.get("wall_s"),
        }
