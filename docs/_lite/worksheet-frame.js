// Loaded into the JupyterLite REPL app when it shows a worksheet.
// JupyterLab focuses its whole console panel when the panel is clicked. Inside
// an embedded worksheet that panel is taller than the reader's window, so the
// browser scrolled the chapter page to show it, between the press and the
// release of the mouse button, and the click landed elsewhere. Containers are
// therefore focused without scrolling; form controls still scroll into view.
"use strict";
(() => {
  const focus = HTMLElement.prototype.focus;
  const control = "input, textarea, select, button, a[href], [contenteditable]";
  HTMLElement.prototype.focus = function (options) {
    const keepScroll = !this.matches(control);
    return focus.call(this, keepScroll ? { ...options, preventScroll: true } : options);
  };
})();

// Results are announced to screen readers when they change: each worksheet's
// results area becomes a polite live region as soon as it appears.
(() => {
  const mark = () => {
    for (const node of document.querySelectorAll(".toolkit-results:not([aria-live])")) {
      node.setAttribute("aria-live", "polite");
      node.setAttribute("aria-atomic", "true");
    }
  };
  new MutationObserver(mark).observe(document.documentElement, { childList: true, subtree: true });
})();
