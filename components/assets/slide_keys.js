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
  const onKey = (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const target = event.target;
    if (target && target.closest && target.closest(FIELDS)) return;
    let step = 0;
    if (event.key === "ArrowRight" || event.key === "PageDown" || (event.key === " " && !event.shiftKey)) step = 1;
    if (event.key === "ArrowLeft" || event.key === "PageUp" || (event.key === " " && event.shiftKey)) step = -1;
    if (!step) return;
    event.preventDefault();  // no scrolling, and no click of a focused button by Space as well as the step
    go(current + step);
  };
  // one listener per page, whichever run drew the dots last
  if (window.__briefingSlideKeys) document.removeEventListener("keydown", window.__briefingSlideKeys, true);
  window.__briefingSlideKeys = onKey;
  document.addEventListener("keydown", onKey, true);
  return () => {
    document.removeEventListener("keydown", onKey, true);
    if (window.__briefingSlideKeys === onKey) window.__briefingSlideKeys = null;
  };
}
