// Embedded worksheets: grow each frame to fit its form, and tell the reader
// when the form is ready. The frame is on the same site, so its document is
// readable here; nothing is sent anywhere.
"use strict";

function watchWorksheet(box) {
  const frame = box.querySelector("iframe");
  const note = box.querySelector(".toolkit-worksheet-loading");
  let observed = null;

  function fit(form) {
    if (frame.contentWindow.matchMedia("print").matches) {
      return; // sized to the summary while printing
    }
    const height = Math.ceil(form.getBoundingClientRect().height) + 48;
    frame.style.height = `${Math.max(height, 320)}px`;
  }

  const timer = window.setInterval(() => {
    const doc = frame.contentDocument;
    const form = doc && doc.querySelector(".toolkit-form");
    if (!form || form === observed) {
      return;
    }
    observed = form;
    window.clearInterval(timer);
    note.textContent =
      "The worksheet is ready. Your answers are saved only in this browser.";
    box.classList.add("toolkit-worksheet-ready");
    addPrintButton(box, frame);
    fit(form);
    new frame.contentWindow.ResizeObserver(() => fit(form)).observe(form);
    fitSummaryWhilePrinting(frame, () => fit(form));
  }, 300);
}

// When the chapter is printed, the frame's own print stylesheet shows the
// learner's summary alone; the frame shrinks to it so that no blank pages of
// hidden form follow, and grows back to the form afterwards.
function fitSummaryWhilePrinting(frame, refit) {
  const print = frame.contentWindow.matchMedia("print");
  print.addEventListener("change", () => {
    const summary = frame.contentDocument.querySelector(".toolkit-summary");
    if (print.matches && summary) {
      const height = Math.ceil(summary.getBoundingClientRect().height) + 24;
      frame.style.height = `${height}px`;
    } else {
      refit();
    }
  });
}

// Prints the worksheet's own summary (its print stylesheet shows nothing else).
function addPrintButton(box, frame) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "toolkit-print btn btn-outline-primary";
  button.textContent = "Print my summary";
  button.addEventListener("click", () => frame.contentWindow.print());
  box.appendChild(button);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".toolkit-worksheet").forEach(watchWorksheet);
});
