"""The share box's link: its text, selectable at one click, and a visible "Copy link" button that says when it has
copied (st.components.v2, inline, no build). The link is set as text by the script, never parsed as HTML."""

from __future__ import annotations

import streamlit as st

HTML = """
<div class="copy-link">
  <div class="link-text" data-testid="share-link-text" title="The link to this view: click to select it"></div>
  <div class="row">
    <button type="button" class="copy" data-testid="copy-link-button">Copy link</button>
    <span class="status" role="status" aria-live="polite"></span>
  </div>
</div>
"""

CSS = """
.copy-link { font-family: var(--st-font, sans-serif); }
.link-text {
  font-family: var(--st-code-font, monospace); font-size: 0.8rem; line-height: 1.35;
  padding: 0.4rem 0.5rem; border-radius: 0.4rem; background: var(--st-secondary-background-color, #f0f2f6);
  color: var(--st-text-color, #31333f); word-break: break-all; user-select: all; -webkit-user-select: all;
}
.row { display: flex; align-items: center; gap: 0.6rem; margin-top: 0.45rem; }
.copy {
  font: inherit; font-size: 0.95rem; padding: 0.3rem 0.8rem; border-radius: 0.5rem; cursor: pointer;
  border: 1px solid var(--st-border-color, rgba(49, 51, 63, 0.3)); background: var(--st-background-color, #fff);
  color: var(--st-text-color, #31333f);
}
.copy:hover, .copy:focus-visible { border-color: var(--st-primary-color, #31333f); }
.status { font-size: 0.9rem; color: var(--st-text-color, #31333f); }
"""

# Clipboard API where the page may use it (https or localhost); else the old copy command on the selected text;
# else the text stays selected for the reader's own Ctrl+C.
JS = """
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
"""

_copy_link = st.components.v2.component("briefing.copy_link", html=HTML, css=CSS, js=JS)


def copy_link(url: str, key: str) -> None:
    """The link as selectable text with a "Copy link" button under it."""
    _copy_link(data={"url": url}, key=key)
