"""The stance grid: a real HTML table whose issue headers wrap, whose party column stays pinned, and which counts
the issues it cannot show.

It replaced the data grid, whose canvas headers cannot wrap: at 1280 px it showed 3½ of the 8 issues. The component
receives the grid as JSON and puts every value into the page with ``textContent``, never as markup, so nothing from
the data is parsed as HTML. Arrow keys, Home and End move the selection (one cell is in the tab order at a time);
selecting a cell, by pointer or key, sends its ``party:issue`` key as the ``select`` trigger.
"""

from __future__ import annotations

import streamlit as st

SOFT_HYPHEN = "\N{SOFT HYPHEN}"

GRID_HTML = """
<div class="stance-matrix" data-testid="matrix">
  <p class="stance-matrix-offscreen" data-testid="matrix-offscreen" role="status" aria-live="polite"></p>
  <div class="stance-matrix-scroll" data-testid="matrix-scroll">
    <table role="grid" data-testid="matrix-grid"><caption></caption><thead><tr></tr></thead><tbody></tbody></table>
  </div>
</div>
"""

# The party column is pinned (sticky) inside the scrolling box; an issue column never gets narrower than
# --issue-min, so stance words stay readable and a wide filter scrolls inside the grid, never the page. On a phone
# the party column narrows, to leave room for one more issue.
GRID_CSS = """
.stance-matrix { --party-width: 6.5rem; --issue-min: 5.4rem; font-size: 0.8125rem; line-height: 1.3;
  container-type: inline-size; }
@container (max-width: 30rem) { .stance-matrix-scroll { --party-width: 5.25rem; } }
.stance-matrix-offscreen { margin: 0 0 0.4rem; font-weight: 600; }
.stance-matrix-offscreen:empty { display: none; }
.stance-matrix-scroll { overflow-x: auto; max-width: 100%; }
.stance-matrix table { border-collapse: separate; border-spacing: 0; table-layout: fixed; width: 100%;
  min-width: calc(var(--party-width) + var(--issues, 1) * var(--issue-min)); margin: 0; }
.stance-matrix caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
.stance-matrix th, .stance-matrix td { padding: 0.3rem 0.35rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid rgba(49, 51, 63, 0.2); border-right: 1px solid rgba(49, 51, 63, 0.2);
  overflow-wrap: break-word; hyphens: manual; }
.stance-matrix thead th { vertical-align: bottom; font-weight: 600; border-top: 1px solid rgba(49, 51, 63, 0.2); }
.stance-matrix th:first-child { position: sticky; left: 0; z-index: 1; width: var(--party-width);
  background: var(--st-background-color, #ffffff); color: var(--st-text-color, #31333f);
  border-left: 1px solid rgba(49, 51, 63, 0.2); }
.stance-matrix-issue, .stance-matrix-sub { display: block; }
.stance-matrix-sub { font-size: 0.75rem; font-weight: 400; color: #4b4d57; margin-top: 0.1rem; }
.stance-matrix td { white-space: pre-line; cursor: pointer; }
.stance-matrix td:focus { outline: none; }
.stance-matrix td:focus-visible { outline: 3px solid #1c6dd0; outline-offset: -3px; }
.stance-matrix td[aria-selected="true"] { box-shadow: inset 0 0 0 2px #ffffff, inset 0 0 0 4px #000000; }
"""

GRID_JS = r"""
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const root = parentElement.querySelector(".stance-matrix");
  if (!root || !data) return;
  const grid = root.__grid || (root.__grid = makeGrid(root));
  grid.send = (cell) => setTriggerValue("select", cell);
  grid.draw(data);
  return grid.dispose;
}

function makeGrid(root) {
  const table = root.querySelector("table");
  const scroller = root.querySelector(".stance-matrix-scroll");
  const status = root.querySelector(".stance-matrix-offscreen");
  const grid = { shape: null, send: null };
  const at = (row, col) => table.querySelector(`td[data-row="${row}"][data-col="${col}"]`);

  function mark(cell) {
    for (const other of table.querySelectorAll('td[aria-selected="true"]')) {
      other.setAttribute("aria-selected", "false");
      other.tabIndex = -1;
    }
    cell.setAttribute("aria-selected", "true");
    cell.tabIndex = 0;
  }

  function choose(cell) {
    if (cell.getAttribute("aria-selected") === "true") return;
    mark(cell);
    if (grid.send) grid.send(cell.dataset.cell);
  }

  table.addEventListener("click", (event) => {
    const cell = event.target.closest("td[role=gridcell]");
    if (!cell) return;
    cell.focus({ preventScroll: true });
    choose(cell);
  });

  table.addEventListener("keydown", (event) => {
    const cell = event.target.closest("td[role=gridcell]");
    if (!cell) return;
    let row = Number(cell.dataset.row), col = Number(cell.dataset.col);
    const rows = Number(table.dataset.rows), cols = Number(table.dataset.cols);
    switch (event.key) {
      case "ArrowUp": row -= 1; break;
      case "ArrowDown": row += 1; break;
      case "ArrowLeft": col -= 1; break;
      case "ArrowRight": col += 1; break;
      case "Home": col = 0; if (event.ctrlKey) row = 0; break;
      case "End": col = cols - 1; if (event.ctrlKey) row = rows - 1; break;
      case "Enter": case " ": event.preventDefault(); choose(cell); return;
      default: return;
    }
    event.preventDefault();
    const next = at(row, col);
    if (!next) return;
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "nearest", inline: "nearest" });
    choose(next);
  });

  // An issue whose header is not wholly inside the grid's visible part (right of the pinned party column,
  // left of the grid's and the window's right edge) is off-screen.
  function measure() {
    const headers = table.querySelectorAll("thead th[data-issue]");
    const corner = table.querySelector("thead th");
    if (!corner) return;
    const box = scroller.getBoundingClientRect();
    const left = corner.getBoundingClientRect().right;
    const right = Math.min(box.right, document.documentElement.clientWidth);
    let before = 0, after = 0;
    for (const header of headers) {
      const edges = header.getBoundingClientRect();
      if (edges.left < left - 1) before += 1;
      else if (edges.right > right + 1) after += 1;
    }
    scroller.style.scrollPaddingLeft = `${Math.ceil(left - box.left)}px`;
    const hidden = before + after;
    let text = "";
    if (hidden) {
      const sides = [before && `${before} to the left`, after && `${after} to the right`].filter(Boolean).join(" and ");
      text = `${hidden} of ${headers.length} issues are off-screen (${sides}): scroll the matrix sideways, ` +
        "or choose fewer issues in the filter.";
    }
    if (status.textContent !== text) status.textContent = text;
    root.dataset.offscreen = String(hidden);
  }

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function build(data) {
    table.querySelector("caption").textContent = data.caption;
    const head = table.querySelector("thead tr");
    head.replaceChildren(element("th", { scope: "col", role: "columnheader" }, "Party"));
    for (const issue of data.issues) {
      const header = element("th", { scope: "col", role: "columnheader", "data-issue": issue.id, title: issue.label });
      header.appendChild(element("span", { class: "stance-matrix-issue", "data-testid": "matrix-issue-label" }, issue.heading));
      if (issue.sub) header.appendChild(element("span", { class: "stance-matrix-sub", "data-testid": "matrix-issue-sub" }, issue.sub));
      head.appendChild(header);
    }
    const body = table.querySelector("tbody");
    body.replaceChildren();
    data.rows.forEach((party, row) => {
      const line = element("tr", { role: "row" });
      line.appendChild(element("th", { scope: "row", role: "rowheader", "data-party": party.id, title: party.name },
        party.heading));
      party.cells.forEach((cell, col) => {
        const td = element("td", {
          role: "gridcell", tabindex: "-1", "aria-selected": "false", "aria-label": cell.name, title: cell.spoken,
          "data-row": String(row), "data-col": String(col), "data-cell": `${party.id}:${data.issues[col].id}`,
        }, cell.words.split("\n").join(" \n"));  // text read without its layout (axe's) keeps a space between the lines
        td.style.backgroundColor = cell.background;
        td.style.color = cell.ink;
        line.appendChild(td);
      });
      body.appendChild(line);
    });
    table.dataset.rows = String(data.rows.length);
    table.dataset.cols = String(data.issues.length);
    table.style.setProperty("--issues", String(Math.max(data.issues.length, 1)));
  }

  grid.draw = (data) => {
    const focused = table.contains(document.activeElement);
    const shape = JSON.stringify([data.caption, data.issues, data.rows]);
    if (shape !== grid.shape) {
      build(data);
      grid.shape = shape;
    }
    const chosen = Array.from(table.querySelectorAll("td[role=gridcell]")).find((td) => td.dataset.cell === data.selected)
      || at(0, 0);
    if (chosen) {
      mark(chosen);
      if (focused && !table.contains(document.activeElement)) chosen.focus({ preventScroll: true });
    }
    measure();
  };

  const onScroll = () => measure();
  scroller.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("resize", onScroll);
  const resized = new ResizeObserver(onScroll);
  resized.observe(scroller);
  grid.dispose = () => {
    resized.disconnect();
    window.removeEventListener("resize", onScroll);
  };
  return grid;
}
"""

_stance_grid = st.components.v2.component("briefing.stance_grid", html=GRID_HTML, css=GRID_CSS, js=GRID_JS, isolate_styles=False)


def cell_name(words: str, spoken: str, party: str, issue: str) -> str:
    """A cell's accessible name: what it shows, as it shows it, first, so a voice user can say what they see (WCAG
    2.5.3), then its party and issue, then its words in full."""
    shown = ", ".join(line for line in words.splitlines() if line)
    context = f"{party} on {issue}"
    return f"{shown}. {context}." if spoken == words else f"{shown}. {context}: {spoken}."


def named(data: dict) -> dict:
    """The grid's data with each cell's accessible name (``name``) beside its words."""
    issues = [issue["heading"].replace(SOFT_HYPHEN, "") for issue in data["issues"]]
    rows = [
        row
        | {
            "cells": [
                cell | {"name": cell_name(cell["words"], cell["spoken"], row["name"], issue)}
                for cell, issue in zip(row["cells"], issues, strict=True)
            ]
        }
        for row in data["rows"]
    ]
    return data | {"rows": rows}


def stance_grid(*, key: str, data: dict, on_select_change) -> None:
    """Draw the grid; `on_select_change` runs when a cell is selected, with its key in session_state[key]["select"]."""
    _stance_grid(key=key, data=named(data), on_select_change=on_select_change)
