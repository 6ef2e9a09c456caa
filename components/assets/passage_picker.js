function snapped(text, offset, forward) {
  // never split a character made of two UTF-16 units
  const code = text.charCodeAt(offset - 1);
  if (offset > 0 && offset < text.length && code >= 0xd800 && code <= 0xdbff) return forward ? offset + 1 : offset - 1;
  return offset;
}

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  const root = parentElement.querySelector('.wb-source');
  if (!root || !data) return;
  if (root.dataset.version !== data.version) {
    const nodes = [];
    for (const piece of data.pieces) {
      let node = document.createTextNode(piece.t);
      if (piece.suggested) {
        const suggested = document.createElement('span');
        suggested.className = 'wb-suggested';
        suggested.title = 'A suggestion: see Suggestions from the text';
        suggested.append(node);
        node = suggested;
      }
      if (piece.chosen) {
        const chosen = document.createElement('span');
        chosen.className = 'wb-chosen';
        chosen.dataset.testid = 'chosen-passage';
        chosen.append(node);
        node = chosen;
      }
      if (piece.ids.length) {
        const mark = document.createElement('mark');
        mark.dataset.evidence = piece.ids.join(' ');
        mark.title = 'Evidence ' + piece.ids.join(', ') + ': click to open its record';
        if (/^#[0-9a-fA-F]{6}$/.test(piece.colour)) mark.style.setProperty('--wb-colour', piece.colour);
        mark.append(node);
        node = mark;
      }
      nodes.push(node);
    }
    root.replaceChildren(...nodes);
    root.dataset.version = data.version;
    const chosen = root.querySelector('.wb-chosen');
    if (chosen && root.dataset.scrolledTo !== data.chosen) {
      root.dataset.scrolledTo = data.chosen;
      root.scrollTop = Math.max(0, chosen.offsetTop - root.clientHeight / 3);
    }
  }

  const before = (node, offset) => {
    // UTF-16 units of the text before a boundary point, clamped to the text
    const range = document.createRange();
    range.selectNodeContents(root);
    let place;
    try { place = range.comparePoint(node, offset); } catch (error) { return null; }
    if (place < 0) return 0;
    if (place > 0) return root.textContent.length;
    range.setEnd(node, offset);
    return range.toString().length;
  };

  const report = () => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(root)) return;
    const text = root.textContent;
    const start = before(range.startContainer, range.startOffset);
    const end = before(range.endContainer, range.endOffset);
    if (start === null || end === null) return;
    const first = snapped(text, start, false);
    const last = snapped(text, end, true);
    if (last <= first) return;
    setStateValue('selection', { start: first, end: last, text: text.slice(first, last), at: Date.now() });
  };

  let pressed = false;
  let timer = null;
  const later = (delay) => { clearTimeout(timer); timer = setTimeout(report, delay); };
  const onDown = () => { pressed = true; };
  const onUp = () => { if (pressed) { pressed = false; later(0); } };
  const onKey = (event) => {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
    if (event.type === 'keyup' && (event.shiftKey || keys.includes(event.key) || event.key === 'Shift' ||
        (event.key === 'a' && (event.ctrlKey || event.metaKey)))) later(400);
    if (event.type === 'keydown' && event.key === 'Enter') {
      event.preventDefault();
      const selection = document.getSelection();
      const at = selection && selection.anchorNode;
      const mark = at && (at.nodeType === 1 ? at : at.parentElement).closest('mark');
      if (mark && root.contains(mark)) setTriggerValue('open', mark.dataset.evidence.split(' '));
    }
  };
  const onClick = (event) => {
    const selection = document.getSelection();
    const mark = event.target.closest && event.target.closest('mark');
    if (mark && root.contains(mark) && (!selection || selection.isCollapsed)) {
      setTriggerValue('open', mark.dataset.evidence.split(' '));
    }
  };
  // the text takes a caret so that the keyboard can select, but it is never edited
  const refuse = (event) => event.preventDefault();
  const restore = () => { root.dataset.version = ''; };
  // one list, so that what is added is exactly what is removed
  const listeners = [
    [root, 'mousedown', onDown],
    [document, 'mouseup', onUp],
    [root, 'keyup', onKey],
    [root, 'keydown', onKey],
    [root, 'click', onClick],
    ...['beforeinput', 'paste', 'cut', 'drop', 'dragstart'].map((name) => [root, name, refuse]),
    [root, 'input', restore],
  ];
  for (const [target, name, handler] of listeners) target.addEventListener(name, handler);
  return () => {
    clearTimeout(timer);
    for (const [target, name, handler] of listeners) target.removeEventListener(name, handler);
  };
}
