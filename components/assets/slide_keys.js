export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const list = parentElement.querySelector(".slide-dots ol");
  const steps = data.steps;
  const current = data.current;
  const go = (index) => {
    if (index >= 0 && index < steps.length && index !== current) setTriggerValue("go", steps[index].id);
  };
  list.replaceChildren();
  steps.forEach((step, index) => {
    const item = document.createElement("li");
    const dot = document.createElement("button");
    dot.type = "button";
    dot.textContent = String(index + 1);
    dot.title = step.label;
    dot.setAttribute("aria-label", `Slide ${index + 1} of ${steps.length}: ${step.label}` +
      (index === current ? " (current)" : ""));
    if (index === current) dot.setAttribute("aria-current", "step");
    dot.addEventListener("click", () => go(index));
    item.appendChild(dot);
    list.appendChild(item);
  });
  const FIELDS = "input, textarea, select, [contenteditable=''], [contenteditable='true'], [role=combobox], " +
    "[role=listbox], [role=textbox], [role=slider], [role=grid]";
  // a filter chosen in the sidebar mid-briefing: its field lets go of the focus (and its list closes), so the
  // clicker's next key steps the slides again
  if (window.__briefingSlideFilter !== undefined && window.__briefingSlideFilter !== data.filter) {
    const active = document.activeElement;
    if (active && active.closest && active.closest("[data-testid=stSidebar]") && active.closest(FIELDS)) active.blur();
  }
  window.__briefingSlideFilter = data.filter;
  const BLANK_ID = "briefing-blank-screen";
  const unblank = () => {
    const cover = document.getElementById(BLANK_ID);
    if (!cover) return false;
    cover.remove();
    return true;
  };
  const blank = () => {
    const cover = document.createElement("div");
    cover.id = BLANK_ID;
    cover.setAttribute("role", "status");
    cover.setAttribute("aria-label", "Screen blanked: press any key or click to return to the slide");
    cover.style.cssText = "position:fixed;inset:0;background:#000;z-index:2147483647;cursor:none";
    cover.addEventListener("click", unblank);
    document.body.appendChild(cover);
  };
  const onKey = (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    if (["Shift", "Control", "Alt", "Meta"].includes(event.key)) return;
    // a blanked screen comes back on any key, and that key does nothing else
    if (unblank()) { event.preventDefault(); return; }
    const target = event.target;
    if (target && target.closest && (target.closest(FIELDS) || target.closest("[role=dialog]"))) return;
    let step = null;
    if (event.key === "ArrowRight" || event.key === "PageDown" || (event.key === " " && !event.shiftKey)) step = current + 1;
    if (event.key === "ArrowLeft" || event.key === "PageUp" || (event.key === " " && event.shiftKey)) step = current - 1;
    if (event.key === "Home") step = 0;
    if (event.key === "End") step = steps.length - 1;
    if (step !== null) {
      event.preventDefault();  // no scrolling, and no click of a focused button by Space as well as the step
      go(step);
    } else if (event.key === "b" || event.key === "B" || event.key === ".") {
      event.preventDefault();
      blank();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setTriggerValue("leave", true);
    }
  };
  // one listener per page, whichever run drew the dots last
  if (window.__briefingSlideKeys) document.removeEventListener("keydown", window.__briefingSlideKeys, true);
  window.__briefingSlideKeys = onKey;
  document.addEventListener("keydown", onKey, true);
  return () => {
    document.removeEventListener("keydown", onKey, true);
    if (window.__briefingSlideKeys === onKey) window.__briefingSlideKeys = null;
    unblank();
  };
}
