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
// The console's output pane is a Tab stop of its own in JupyterLab; around a
// worksheet it is only the form's frame (the page sizes it to the form, so it
// never scrolls), so the Tab key goes from the page straight to the first field.
(() => {
  const mark = () => {
    for (const node of document.querySelectorAll(".toolkit-results:not([aria-live])")) {
      node.setAttribute("aria-live", "polite");
      node.setAttribute("aria-atomic", "true");
    }
    for (const pane of document.querySelectorAll('.jp-CodeConsole-content[tabindex="0"]')) {
      pane.setAttribute("tabindex", "-1");
    }
  };
  new MutationObserver(mark).observe(document.documentElement, { childList: true, subtree: true });
})();

// ipywidgets draws an accordion's header (the GARS "Settings", for one) as a
// plain <div> that only a mouse can open. Each header becomes a button for the
// keyboard and for screen readers: Tab reaches it, Enter or Space opens or
// closes it, and it says whether it is open.
(() => {
  const HEADER = ".jupyter-widget-Collapse-header";
  const sync = () => {
    for (const header of document.querySelectorAll(HEADER)) {
      if (!header.hasAttribute("role")) {
        header.setAttribute("role", "button");
        header.tabIndex = 0;
      }
      const open = header.parentElement.classList.contains("jupyter-widget-Collapse-open");
      if (header.getAttribute("aria-expanded") !== String(open)) {
        header.setAttribute("aria-expanded", String(open));
      }
    }
  };
  new MutationObserver(sync).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener(
    "keydown",
    (event) => {
      const header = event.target instanceof Element && event.target.closest(HEADER);
      if (header && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        event.stopPropagation(); // not a console shortcut
        header.click();
      }
    },
    true,
  );
  document.addEventListener("click", () => window.requestAnimationFrame(sync));
})();
