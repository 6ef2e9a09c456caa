// Clipboard API where the page may use it (https or localhost); else the old copy command on the selected text;
// else the text stays selected for the reader's own Ctrl+C.
export default function (component) {
  const { data, parentElement } = component;
  const url = String((data && data.url) || "");
  const text = parentElement.querySelector(".link-text");
  const button = parentElement.querySelector(".copy");
  const status = parentElement.querySelector(".status");
  text.textContent = url;
  const selectText = () => {
    const range = document.createRange();
    range.selectNodeContents(text);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  const say = (words, copied) => {
    status.textContent = words;
    button.textContent = copied ? "Copied ✓" : "Copy link";
  };
  const fallback = () => {
    selectText();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    say(copied ? "Copied" : "Selected: press Ctrl+C (⌘C) to copy", copied);
  };
  text.onclick = selectText;
  button.onclick = () => {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(() => say("Copied", true), fallback);
    } else {
      fallback();
    }
  };
}
