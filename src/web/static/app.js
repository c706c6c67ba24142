// Progressive enhancement only: every page works without this file.
// Loaded from /static/ (the Content-Security-Policy allows no inline script).
'use strict';

/** Copy buttons: <button class="copy" data-copy="element-id" hidden> become visible and work. */
function enableCopyButtons() {
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  document.body.append(status);
  for (const button of document.querySelectorAll('button.copy[data-copy]')) {
    const target = document.getElementById(button.dataset.copy);
    if (!target) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      const text = 'value' in target && typeof target.value === 'string' ? target.value : target.textContent;
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        // Clipboard API refused (insecure origin, permissions): select the text so Ctrl+C works.
        const range = document.createRange();
        range.selectNodeContents(target);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        status.textContent = 'Selected: press Ctrl+C to copy';
        return;
      }
      button.textContent = 'Copied';
      button.classList.add('copied');
      status.textContent = 'Copied to the clipboard';
      setTimeout(() => {
        button.textContent = label;
        button.classList.remove('copied');
      }, 1600);
    });
  }
}

/** Permalink fields expand to the full URL of this server, so the copied link works anywhere. */
function absolutePermalinks() {
  for (const input of document.querySelectorAll('input#permalink')) {
    if (input.value.startsWith('/')) input.value = new URL(input.value, location.href).href;
  }
}

/** "/" focuses the search box, as on most research sites; not while typing elsewhere. */
function searchShortcut() {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    const box = document.querySelector('#q, #header-q');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}

/** The trace form says it is working: tracing takes a moment and a second click would repeat it. */
function traceFormFeedback() {
  const form = document.querySelector('form.trace-form');
  if (!form) return;
  form.addEventListener('submit', () => {
    const button = form.querySelector('button[type="submit"]');
    if (!button) return;
    button.disabled = true;
    button.textContent = 'Tracing…';
  });
}

enableCopyButtons();
absolutePermalinks();
searchShortcut();
traceFormFeedback();
