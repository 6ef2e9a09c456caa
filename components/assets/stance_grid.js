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
