// The trainer's group view written into the page (toolkit_widgets.render.cohort_html).
//
// This script reads the files the trainer chooses and hands their text to
// Python (toolkit_widgets.web.cohort) through the page's one Python worker, which
// sheet.js shares as window.toolkitPage. Python checks every file, counts
// the group and writes the report; this script holds no rule of any
// instrument and keeps nothing: no file, no answer and no report is written
// to this browser's storage, and a reload empties the view.
"use strict";

(() => {
  const STATUS = {
    waiting: "Python will start inside your browser in a moment; you can already choose files.",
    starting: "Python is starting inside your browser; you can already choose files.",
    ready: "Python is ready: choose your learners' files.",
    failed: "Python could not start in this browser, so the files cannot be read here.",
  };

  class CohortTool {
    constructor(root, python) {
      this.root = root;
      this.python = python;
      this.input = root.querySelector("[data-files]");
      this.status = root.querySelector("[data-status]");
      this.report = root.querySelector("[data-report]");
      this.summary = root.querySelector("[data-summary]");
      this.take = root.querySelector("[data-take]");
      this.link = root.querySelector("[data-download='csv']");
      this.blank = this.report.innerHTML; // "No files loaded yet.", as the build wrote it
      this.limit = Number(root.dataset.readLimit) || undefined;
      this.url = null;
      this.reading = false;
      this.loads = 0; // the newest load wins if the trainer chooses again before a reply
      this.shown = false; // once a load is shown, Python's status no longer takes the line
    }

    say(text) {
      this.status.textContent = text;
    }

    pythonChanged(state, error) {
      if (state === "failed") {
        this.say(`${STATUS.failed}${error ? ` (${error.message})` : ""}`);
      } else if (!this.shown && !this.reading && STATUS[state]) {
        this.say(STATUS[state]);
      }
    }

    // Reads the chosen files as text (at most as much as Python will look at)
    // and sends them all in one call.
    async load() {
      const chosen = [...(this.input.files || [])];
      this.input.value = ""; // choosing the same files again loads them again
      if (!chosen.length) {
        return;
      }
      const load = ++this.loads;
      this.reading = true;
      this.say(`Reading ${chosen.length} file(s) in this browser…`);
      const files = await Promise.all(
        chosen.map(async (file) => {
          let text = null;
          try {
            text = await file.slice(0, this.limit).text();
          } catch (error) {
            // Python lists the file as one the browser could not read
          }
          return { name: file.name, size: file.size, text };
        }),
      );
      let reply;
      try {
        reply = await this.python.call("cohort", JSON.stringify(files));
      } catch (error) {
        if (load === this.loads) {
          this.reading = false;
          // an earlier group's report must not stand as if it were this load's
          this.report.innerHTML = this.blank;
          this.summary.innerHTML = "";
          this.offer(null, "");
          this.take.hidden = true;
          this.say(`Python could not read the files: ${error.message}`);
        }
        return;
      }
      if (load === this.loads) {
        this.reading = false;
        this.show(reply);
      }
    }

    show(reply) {
      this.shown = true;
      this.report.innerHTML = reply.report; // written by Python, every file's text escaped
      this.summary.innerHTML = reply.summary || "";
      this.say(reply.status);
      this.offer(reply.csv, reply.filename);
      this.take.hidden = false;
    }

    offer(csv, filename) {
      if (this.url) {
        URL.revokeObjectURL(this.url);
        this.url = null;
      }
      if (csv) {
        this.url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
        this.link.href = this.url;
        this.link.download = filename;
      } else {
        this.link.removeAttribute("href");
        this.link.removeAttribute("download");
      }
      this.link.hidden = !csv;
    }

    empty() {
      this.loads += 1; // a reply still on its way is dropped
      this.reading = false;
      this.shown = false;
      this.input.value = "";
      this.report.innerHTML = this.blank;
      this.summary.innerHTML = "";
      this.offer(null, "");
      this.take.hidden = true;
      this.say("The view is empty. Nothing was kept.");
    }

    print() {
      window.toolkitPage.printSummary(this.root); // sheet.js's, shared by every worksheet
    }

    start() {
      this.input.addEventListener("change", () => this.load());
      this.root.querySelector("[data-empty]").addEventListener("click", () => this.empty());
      this.root.querySelector("[data-print]").addEventListener("click", () => this.print());
      this.root.querySelector("[data-actions]").hidden = false;
      this.python.onStatus((state, error) => this.pythonChanged(state, error));
      this.python.start();
    }
  }

  function startAll() {
    const python = window.toolkitPage; // defined by sheet.js, loaded before this script
    const roots = [...document.querySelectorAll("[data-tool='cohort']")];
    if (!python || !roots.length) {
      return;
    }
    window.toolkitCohort = roots.map((root) => new CohortTool(root, python));
    window.toolkitCohort.forEach((tool) => tool.start());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
