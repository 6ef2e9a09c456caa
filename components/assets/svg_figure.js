// A figure drawn on the server as escaped SVG and HTML (briefing/figures): put into the page as it came, then every
// element with data-pick is clicked or pressed (Enter, Space) to send its value as the "pick" trigger, and its
// data-tip is shown beside the pointer while it is hovered. A link with data-pick is followed by the page within the
// session on a plain click or Enter; with Ctrl, Meta, Shift or Alt (a new tab or window) the browser follows its href.
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const host = parentElement.querySelector(".svg-figure-host");
  if (!host || !data) return;
  if (host.__markup !== data.markup) {
    host.innerHTML = data.markup;
    host.__markup = data.markup;
    if (host.__tip) {
      host.__tip.hidden = true;
      host.appendChild(host.__tip); // the new drawing replaced it
    }
  }
  host.__send = (value) => setTriggerValue("pick", value);
  if (!host.__bound) bind(host);
  thinTicks(host);
  const figure = host.querySelector(".svg-figure");
  if (figure) figure.setAttribute("data-drawn", "true");
}

// A date axis drawn for a wide screen crowds its labels on a narrow one: label every k-th tick, for the smallest k at
// which no two labels shown touch (the grid lines all stay). Measured again whenever the figure's width changes.
function thinTicks(host) {
  for (const axis of host.querySelectorAll(".tl-axis")) {
    const ticks = [...axis.querySelectorAll(".tl-tick")];
    ticks.forEach((tick) => { tick.style.visibility = ""; });
    const boxes = ticks.map((tick) => tick.getBoundingClientRect());
    let every = 1;
    const fits = (step) => {
      let right = -Infinity;
      for (let index = 0; index < boxes.length; index += step) {
        if (boxes[index].left < right + 8) return false;
        right = boxes[index].right;
      }
      return true;
    };
    while (every < ticks.length && !fits(every)) every += 1;
    ticks.forEach((tick, index) => { tick.style.visibility = index % every === 0 ? "" : "hidden"; });
  }
}

function bind(host) {
  host.__bound = true;
  if (typeof ResizeObserver === "function") {
    let width = null;
    new ResizeObserver((entries) => {
      const now = entries[0].contentRect.width;
      if (now !== width) {
        width = now;
        thinTicks(host);
      }
    }).observe(host);
  }
  const tip = document.createElement("div");
  tip.className = "svg-figure-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  host.appendChild(tip);
  host.__tip = tip;
  const pickOf = (event) => event.target.closest && event.target.closest("[data-pick]");
  const tipOf = (event) => event.target.closest && event.target.closest("[data-tip]");
  const modified = (event) => event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
  host.addEventListener("click", (event) => {
    const target = pickOf(event);
    if (!target) return;
    if (target.tagName === "A") {
      if (event.button !== 0 || modified(event)) return;
      event.preventDefault();
    }
    host.__send(target.getAttribute("data-pick"));
  });
  host.addEventListener("keydown", (event) => {
    const target = pickOf(event);
    if (target && target.tagName === "A") {
      // a link answers Enter alone, as links do; with a modifier the browser opens its href
      if (event.key === "Enter" && !modified(event)) {
        event.preventDefault();
        host.__send(target.getAttribute("data-pick"));
      }
      return;
    }
    if (target && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      host.__send(target.getAttribute("data-pick"));
    }
  });
  host.addEventListener("pointermove", (event) => {
    const target = tipOf(event);
    const text = target && target.getAttribute("data-tip");
    if (!text) {
      tip.hidden = true;
      return;
    }
    if (tip.__for !== target) {
      tip.replaceChildren(...text.split("\n").map((line, index) => {
        const row = document.createElement(index === 0 ? "strong" : "div");
        row.textContent = line;
        return row;
      }));
      tip.__for = target;
    }
    const box = host.getBoundingClientRect();
    tip.hidden = false;
    const x = event.clientX - box.left + 14;
    const room = box.width - tip.offsetWidth - 4;
    tip.style.left = `${Math.max(0, Math.min(x, room))}px`;
    tip.style.top = `${event.clientY - box.top + 14}px`;
  });
  host.addEventListener("pointerleave", () => {
    tip.hidden = true;
    tip.__for = null;
  });
}
