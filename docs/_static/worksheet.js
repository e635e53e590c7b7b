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
    startNextWorksheet();
    note.textContent = box.dataset.ready;
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

// The worksheet follows the page's light or dark mode. The REPL app reads a
// `theme` URL parameter when it starts; afterwards a change of the page's mode
// (the theme's own switcher sets data-theme on <html>) switches the running app
// through its theme command, so the learner's form is not reloaded.
const LAB_THEMES = { light: "JupyterLab Light", dark: "JupyterLab Dark" };

function pageTheme() {
  const theme = document.documentElement.dataset.theme;
  if (theme === "light" || theme === "dark") {
    return theme;
  }
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

// Always name the theme: the app remembers the last one it was given. A frame
// still waiting its turn (data-src, see worksheet.py) only gets its address set.
function startInTheme(frame, theme) {
  const waiting = !frame.hasAttribute("src");
  const url = new URL(frame.getAttribute(waiting ? "data-src" : "src"), document.baseURI);
  if (url.searchParams.get("theme") !== LAB_THEMES[theme]) {
    url.searchParams.set("theme", LAB_THEMES[theme]);
    frame.setAttribute(waiting ? "data-src" : "src", url.href);
  }
}

// Worksheets on one page start one after another: the next waiting frame
// starts when one is ready, or after a minute whatever happens, so a frame
// that never starts (a blocked network, say) holds no other back for good.
function startNextWorksheet() {
  const next = document.querySelector(".toolkit-worksheet iframe[data-src]:not([src])");
  if (next) {
    next.setAttribute("src", next.getAttribute("data-src"));
    window.setTimeout(startNextWorksheet, 60000);
  }
}

function followPageTheme(frames) {
  let current = pageTheme();
  frames.forEach((frame) => startInTheme(frame, current));
  new MutationObserver(() => {
    const theme = pageTheme();
    if (theme === current) {
      return;
    }
    current = theme;
    for (const frame of frames) {
      const app = frame.contentWindow && frame.contentWindow.jupyterapp;
      if (app && app.commands.hasCommand("apputils:change-theme")) {
        app.commands.execute("apputils:change-theme", { theme: LAB_THEMES[theme] });
      } else {
        startInTheme(frame, theme); // not started yet: start again in the new mode
      }
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}

// While Python starts, the note above the frame says which step it is at,
// read from what the frame shows (no estimate, no progress bar):
// 1. the worksheet app is loading (its console is not drawn yet);
// 2. Python is starting: the console is drawn and holds the worksheet's line
//    of Python, queued until the runtime and packages are loaded (the longest
//    step; the frame shows nothing that would split it further);
// 3. the form is being prepared: Python has sent its first output.
// watchWorksheet replaces the note once the form is drawn. A frame waiting
// its turn (data-src) says so. After a minute from its start without a form,
// the note says what may be wrong and keeps watching.
const STEPS = [
  "Loading the worksheet (step 1 of 3)…",
  "Starting Python inside your browser (step 2 of 3)…",
  "Preparing the form (step 3 of 3)…",
];
const WAITING_NOTE = "This worksheet starts once the worksheet above is ready.";
const SLOW_AFTER_MS = 60_000;
const SLOW_NOTE =
  "The worksheet has not started after a minute. Python runs inside your " +
  "browser with WebAssembly, which some work networks and browser settings " +
  "block. Reloading the page may help; otherwise try another browser or network.";

function startupStep(frame) {
  const doc = frame.contentDocument;
  if (!doc || !doc.querySelector(".jp-CodeConsole")) {
    return 0;
  }
  return doc.querySelector(".jp-CodeConsole-content .jp-CodeCell .jp-OutputArea-output")
    ? 2
    : 1;
}

function showProgress(box) {
  const frame = box.querySelector("iframe");
  const note = box.querySelector(".toolkit-worksheet-loading");
  note.setAttribute("role", "status");
  let began = null;
  let shown = -1;
  const timer = window.setInterval(() => {
    if (box.classList.contains("toolkit-worksheet-ready")) {
      window.clearInterval(timer);
      return;
    }
    if (!frame.hasAttribute("src")) {
      if (shown !== "waiting") {
        shown = "waiting";
        note.textContent = WAITING_NOTE;
        note.dataset.step = "waiting";
      }
      return;
    }
    began = began ?? Date.now();
    const slow = Date.now() - began > SLOW_AFTER_MS;
    const step = slow ? STEPS.length : startupStep(frame);
    if (step !== shown) {
      shown = step;
      note.textContent = slow ? SLOW_NOTE : STEPS[step];
      note.dataset.step = slow ? "slow" : String(step + 1);
    }
  }, 250);
}

document.addEventListener("DOMContentLoaded", () => {
  const boxes = document.querySelectorAll(".toolkit-worksheet");
  followPageTheme([...boxes].map((box) => box.querySelector("iframe")));
  boxes.forEach((box) => {
    showProgress(box);
    watchWorksheet(box);
  });
});
