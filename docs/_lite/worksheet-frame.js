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
