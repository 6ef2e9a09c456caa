"""Rebuild the map's outlines (briefing/geo/baltic-region.json) from Natural Earth's 1:50m countries.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/pip install -e '.[outlines]'
    .venv/bin/python -m scripts.build_outlines package/countries-50m.json

world-atlas carries Natural Earth 4.1.0 as TopoJSON. The borders (TopoJSON arcs) are simplified once each, before the
countries are assembled, so two neighbours still share exactly the same border line; then every country is clipped
to the map's frame. Runs offline; needs shapely, which the app itself does not.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from shapely import LineString, MultiPolygon, Point, Polygon, box, make_valid
from shapely.ops import polylabel, unary_union

PROJECT = Path(__file__).resolve().parent.parent
OUT = PROJECT / "briefing" / "geo" / "baltic-region.json"
BOUNDS = {"west": 12.0, "south": 49.0, "east": 32.5, "north": 60.8}  # degrees; Berlin to Smolensk, Lviv to Helsinki
TOLERANCE = 0.015  # degrees (about 1-1.5 km): invisible at the map's size, a twelfth of the points
SMALLEST_PIECE = 0.004  # square degrees: islands smaller than this are dropped
DECIMALS = 3  # about 100 m
HIT_STEP = (0.6, 0.34)  # degrees of longitude and latitude between a country's hover points: about 15 px on screen

# ISO 3166-1 numeric (world-atlas ids) -> (id, name, role). Subjects use the taxonomy's party ids; they are shaded.
COUNTRIES = {
    "616": ("poland", "Poland", "subject"),
    "233": ("estonia", "Estonia", "subject"),
    "428": ("latvia", "Latvia", "subject"),
    "440": ("lithuania", "Lithuania", "subject"),
    "643": ("russia", "Russia", "neighbour"),
    "112": ("belarus", "Belarus", "neighbour"),
    "804": ("ukraine", "Ukraine", "neighbour"),
    "246": ("finland", "Finland", "neighbour"),
    "276": ("germany", "Germany", "neighbour"),
    "752": ("sweden", "Sweden", "neighbour"),
}
# Where the neighbours' names go: their clipped shapes' centres can fall in the sea or off the frame.
NEIGHBOUR_LABELS = {
    "russia": [("Russia", (30.6, 56.9)), ("Russia\n(Kaliningrad)", (21.0, 54.72))],
    "belarus": [("Belarus", (27.9, 53.5))],
    "ukraine": [("Ukraine", (28.5, 50.3))],
    "finland": [("Finland", (26.5, 60.55))],
    "germany": [("Germany", (13.0, 52.4))],
    "sweden": [("Sweden", (15.3, 59.2))],
}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs as absolute longitude/latitude points (delta-decoded and un-quantized)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify_arcs(arcs: list[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    """Douglas-Peucker on each arc alone: its end points stay, so borders shared by two countries still meet."""
    simplified = []
    for points in arcs:
        if len(points) > 2:
            line = LineString(points).simplify(TOLERANCE, preserve_topology=False)
            points = list(line.coords) if len(line.coords) >= 2 else [points[0], points[-1]]
        simplified.append(points)
    return simplified


def ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their joining point
    return points


def geometry(arcs, shape: dict):
    polygons = shape["arcs"] if shape["type"] == "MultiPolygon" else [shape["arcs"]]
    parts = []
    for rings in polygons:
        outer = ring(arcs, rings[0])
        if len(outer) >= 4:
            parts.append(Polygon(outer))  # holes are dropped: none lies in the frame
    if not parts:
        return Polygon()  # an island that simplification reduced to a line
    return make_valid(MultiPolygon(parts) if len(parts) > 1 else parts[0])


def pieces(shape) -> list[Polygon]:
    """The polygons of a (clipped) shape, largest first, without slivers and small islands."""
    found = [shape] if isinstance(shape, Polygon) else [g for g in getattr(shape, "geoms", []) if isinstance(g, Polygon)]
    return sorted((p for p in found if p.area >= SMALLEST_PIECE), key=lambda p: -p.area)


def rounded(points) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def hit_points(shape) -> list[list[float]]:
    """A grid of points inside the country: hovering or clicking anywhere on it lands near one of them."""
    inner = shape.buffer(-0.04)
    west, south, east, north = shape.bounds
    step_x, step_y = HIT_STEP
    found = []
    row = 0
    y = south + step_y / 2
    while y < north:
        x = west + step_x / 2 + (step_x / 2 if row % 2 else 0)  # staggered rows: no point is far from every other
        while x < east:
            if inner.contains(Point(x, y)):
                found.append([round(x, DECIMALS), round(y, DECIMALS)])
            x += step_x
        y += step_y
        row += 1
    return found


def build(source: Path) -> dict:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = simplify_arcs(decode_arcs(topology))
    frame = box(BOUNDS["west"], BOUNDS["south"], BOUNDS["east"], BOUNDS["north"])
    countries = []
    for shape in topology["objects"]["countries"]["geometries"]:
        if shape.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        clipped = geometry(arcs, shape).intersection(frame)
        parts = pieces(clipped)
        if not parts:
            continue
        country_id, name, role = COUNTRIES.get(str(shape.get("id")), (None, shape["properties"]["name"], "context"))
        entry = {
            "id": country_id or f"iso-{shape['id']}",
            "name": name,
            "role": role,
            "rings": [rounded(part.exterior.coords) for part in parts],
        }
        if role == "subject":
            whole = unary_union(parts)
            label = polylabel(max(parts, key=lambda p: p.area), tolerance=0.01)
            entry["labels"] = [{"text": name, "at": rounded([label.coords[0]])[0]}]
            entry["hit_points"] = hit_points(whole)
            for part in parts:  # an island narrower than the grid still gets a point of its own
                if not any(part.contains(Point(x, y)) for x, y in entry["hit_points"]):
                    entry["hit_points"].append(rounded([polylabel(part, tolerance=0.01).coords[0]])[0])
        elif role == "neighbour":
            entry["labels"] = [{"text": text, "at": [x, y]} for text, (x, y) in NEIGHBOUR_LABELS[entry["id"]]]
        countries.append(entry)
    missing = {country_id for country_id, _name, _role in COUNTRIES.values()} - {c["id"] for c in countries}
    if missing:
        raise SystemExit(f"not found in {source}: {', '.join(sorted(missing))}")
    order = {"context": 0, "neighbour": 1, "subject": 2}
    countries.sort(key=lambda c: (order[c["role"]], c["name"]))
    return {
        "source": "Natural Earth 1:50m Admin 0 countries, version 4.1.0, from world-atlas 2.0.2 (countries-50m.json); "
        "borders simplified to 0.015 degrees and clipped to the map's frame by scripts/build_outlines.py",
        "licence": "Public domain (Natural Earth)",
        "bounds": BOUNDS,
        "countries": countries,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="world-atlas countries-50m.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    outlines = build(args.source)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(outlines, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for c in outlines["countries"] for r in c["rings"])
    print(f"wrote {args.out}: {len(outlines['countries'])} countries, {points:,} outline points, {len(text):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
