// Worksheets written into the page: keep what the learner types, and let
// Python (the site's Pyodide, in a Web Worker: python-bridge.mjs) compute
// beside the form.
//
// This script holds no rule of any instrument: no scoring, no range, no
// wording. It copies control values in and out by their names (a name is the
// path of the answer, e.g. "ratings.crs-01" or "goals.0.title"), keeps them in
// this browser's localStorage as they are typed, and hands them to Python
// (toolkit_widgets.web), which sends back messages, results and export files.
"use strict";

(() => {
  const PREFIX = "coaching-toolkit/sheet/";
  const MIGRATED = "coaching-toolkit/migrated/";
  const FORMAT = "coaching-toolkit-form-state";
  const SAVE_AFTER_MS = 250;
  const COMPUTE_AFTER_MS = 40;
  const INDEX = "__i__";
  const SLOW_AFTER_MS = 60_000;
  // toolkit_widgets.exports.MAX_BYTES + 1 (tests/unit/test_hostile_files.py checks it)
  const READ_LIMIT = 2_000_001;
  // the database where the site before December 2026 kept answers (from Python)
  const OLD_DB = "coaching-toolkit";
  const OLD_STORE = "answers";
  const TAB = Math.random().toString(16).slice(2);
  const SITE_ROOT = new URL("../", document.currentScript.src).href;
  const PRIVACY =
    "Your answers are saved only in this browser, on this device, as you type. " +
    "They are never sent anywhere.";

  function newSheetId() {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  // One worksheet's kept answers, as every page writes them: the form state
  // exactly as typed, with the sheet's random id and when it was saved.
  function makeRecord(worksheet, sheetId, state, savedAt) {
    return {
      format: FORMAT,
      version: 1,
      worksheet,
      sheet_id: sheetId,
      saved_at: savedAt,
      tab: TAB,
      values: state.values,
      rows: state.rows,
    };
  }

  // Prints one worksheet's (or page tool's) summary alone: sheet.css hides the
  // rest of the page while body and root carry these classes.
  function printSummaryOf(root) {
    document.body.classList.add("tk-printing-summary");
    root.classList.add("tk-print-this");
    window.addEventListener(
      "afterprint",
      () => {
        document.body.classList.remove("tk-printing-summary");
        root.classList.remove("tk-print-this");
      },
      { once: true },
    );
    window.print();
  }

  function clock(iso) {
    return new Date(iso).toLocaleTimeString();
  }

  // ---------------------------------------------------------------- Python --
  // One Python worker per page, started when the browser is idle, shared by
  // every worksheet on the page; it answers calls in the order they are made.
  const python = {
    worker: null,
    failed: null,
    waiting: [],
    listeners: new Set(),
    start() {
      if (this.worker || this.starting) {
        return;
      }
      this.starting = true;
      this.tell("starting");
      // Pyodide waits for ever when WebAssembly is blocked: say so after a minute
      window.setTimeout(() => this.status === "starting" && this.tell("slow"), SLOW_AFTER_MS);
      import(new URL("_static/python-bridge.mjs", SITE_ROOT).href)
        .then((bridge) => bridge.startPython(SITE_ROOT))
        .then((worker) => {
          this.worker = worker;
          this.tell("ready");
          this.waiting.splice(0).forEach(({ resolve }) => resolve(worker));
        })
        .catch((error) => {
          this.failed = error;
          this.tell("failed", error);
          // calls made while Python was starting fail too, instead of waiting for ever
          this.waiting.splice(0).forEach(({ reject }) => reject(error));
        });
    },
    tell(status, error) {
      this.status = status;
      this.listeners.forEach((listener) => listener(status, error));
    },
    ready() {
      if (this.worker) {
        return Promise.resolve(this.worker);
      }
      if (this.failed) {
        return Promise.reject(this.failed);
      }
      return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    },
    // toolkit_widgets.web.<fn>(*args), every argument a string; resolves with its JSON reply
    async call(fn, ...args) {
      const worker = await this.ready();
      return worker.call(fn, ...args);
    },
  };

  function startWhenIdle() {
    const start = () => python.start();
    if ("requestIdleCallback" in window) {
      window.requestIdleCallback(start, { timeout: 1500 });
    } else {
      window.setTimeout(start, 200);
    }
  }

  // ------------------------------------------------------------ form state --
  class Sheet {
    constructor(root) {
      this.root = root;
      this.name = root.dataset.sheet;
      this.oldKey = root.dataset.oldKey || this.name;
      this.form = root.querySelector("form");
      this.key = PREFIX + this.name;
      this.status = root.querySelector("[data-save-status]");
      this.pythonStatus = root.querySelector("[data-python-status]");
      this.results = root.querySelector("[data-results]");
      this.summary = root.querySelector("[data-summary]");
      this.importMessage = root.querySelector("[data-import-message]");
      this.dirty = new Set();
      this.saveTimer = null;
      this.computeTimer = null;
      this.computing = false;
      this.again = false;
      this.sheetId = null;
      this.savedAt = null;
      this.urls = [];
    }

    repeats() {
      return [...this.form.querySelectorAll("[data-repeat]")];
    }

    rowsOf(repeat) {
      return [...repeat.querySelector("[data-rows]").children].filter((el) => el.matches("[data-row]"));
    }

    controls() {
      return [...this.form.elements].filter((el) => el.name);
    }

    readState() {
      const values = {};
      for (const el of this.controls()) {
        if (el.type === "radio") {
          if (!(el.name in values)) {
            values[el.name] = "";
          }
          if (el.checked) {
            values[el.name] = el.value;
          }
        } else if (el.type === "checkbox") {
          values[el.name] = el.checked;
        } else {
          values[el.name] = el.value;
        }
      }
      const rows = {};
      for (const repeat of this.repeats()) {
        rows[repeat.dataset.repeat] = this.rowsOf(repeat).length;
      }
      return { values, rows };
    }

    // Shows a state in the form. Names in `keep` (typed here, not yet saved)
    // keep what this tab shows.
    applyState(state, keep = new Set()) {
      const rows = (state && state.rows) || {};
      for (const repeat of this.repeats()) {
        const wanted = Number.isInteger(rows[repeat.dataset.repeat])
          ? rows[repeat.dataset.repeat]
          : Number(repeat.dataset.start);
        this.setRowCount(repeat, wanted);
      }
      const values = (state && state.values) || {};
      for (const el of this.controls()) {
        if (keep.has(el.name)) {
          continue;
        }
        const value = values[el.name];
        if (el.type === "radio") {
          el.checked = el.value === (typeof value === "string" ? value : "");
        } else if (el.type === "checkbox") {
          el.checked = value === true;
        } else if (el.tagName === "SELECT") {
          el.value = typeof value === "string" ? value : "";
          if (el.value !== value) {
            el.value = "";
          }
        } else {
          el.value = typeof value === "string" ? value : "";
        }
      }
    }

    // ------------------------------------------------------ repeated parts --
    setRowCount(repeat, wanted) {
      const min = Number(repeat.dataset.min);
      const max = Number(repeat.dataset.max);
      const count = Math.min(Math.max(wanted, min), max);
      let rows = this.rowsOf(repeat);
      while (rows.length > count) {
        rows.pop().remove();
      }
      while (rows.length < count) {
        this.addRow(repeat);
        rows = this.rowsOf(repeat);
      }
      this.showRowButtons(repeat);
    }

    addRow(repeat) {
      const template = repeat.querySelector("template[data-row-template]");
      const row = template.content.firstElementChild.cloneNode(true);
      const index = this.rowsOf(repeat).length;
      this.renumber(row, repeat.dataset.repeat, INDEX, String(index));
      repeat.querySelector("[data-rows]").appendChild(row);
      return row;
    }

    removeRow(repeat, row) {
      const rows = this.rowsOf(repeat);
      const at = rows.indexOf(row);
      row.remove();
      rows.slice(at + 1).forEach((later, i) => {
        this.renumber(later, repeat.dataset.repeat, String(at + i + 1), String(at + i));
      });
      this.showRowButtons(repeat);
    }

    // Rewrites a row's names and ids from index `from` to index `to`.
    renumber(row, repeatName, from, to) {
      const namePart = `${repeatName}.${from}.`;
      const idPart = `-${repeatName.replaceAll(".", "-")}-${from}-`;
      const swap = (text) =>
        text.replaceAll(namePart, `${repeatName}.${to}.`).replaceAll(idPart, `-${repeatName.replaceAll(".", "-")}-${to}-`);
      for (const el of [row, ...row.querySelectorAll("*")]) {
        for (const attribute of ["id", "name", "for", "aria-describedby", "data-message-for"]) {
          if (el.hasAttribute(attribute)) {
            el.setAttribute(attribute, swap(el.getAttribute(attribute)));
          }
        }
      }
      // the legend's number, and any in this row's labels ("Session 2 date")
      for (const number of row.querySelectorAll("[data-row-number]")) {
        if (number.closest("[data-row]") === row) {
          number.textContent = String(Number(to) + 1);
        }
      }
    }

    showRowButtons(repeat) {
      const count = this.rowsOf(repeat).length;
      const add = repeat.querySelector("[data-add]");
      add.hidden = count >= Number(repeat.dataset.max);
      for (const row of this.rowsOf(repeat)) {
        const remove = row.querySelector(":scope > [data-remove]");
        if (remove) {
          remove.hidden = count <= Number(repeat.dataset.min);
        }
      }
    }

    // ------------------------------------------------------------- keeping --
    readRecord() {
      let text;
      try {
        text = window.localStorage.getItem(this.key);
      } catch (error) {
        this.say(`This browser does not let the site keep answers (${error.message}). Export them to keep a copy.`);
        return null;
      }
      if (text === null) {
        return null;
      }
      try {
        const record = JSON.parse(text);
        if (record && record.format === FORMAT && record.values && typeof record.values === "object") {
          return record;
        }
      } catch (error) {
        // a damaged record is reported, and left where it is
      }
      this.say("Your saved answers could not be read; they are left as they are until you type.");
      return null;
    }

    say(text) {
      this.status.textContent = text;
    }

    sayNotSaved() {
      this.say(`Not saved yet. ${PRIVACY}`);
    }

    saySaved(iso, from) {
      const where = from === "tab" ? " (changed in another tab)" : "";
      this.say(`Last saved in this browser at ${clock(iso)}${where}. ${PRIVACY}`);
    }

    changed(event) {
      if (event && event.target && event.target.name) {
        this.dirty.add(event.target.name);
      }
      this.importMessage.textContent = "";
      window.clearTimeout(this.saveTimer);
      this.saveTimer = window.setTimeout(() => this.save(), SAVE_AFTER_MS);
      this.scheduleCompute();
    }

    save() {
      window.clearTimeout(this.saveTimer);
      this.saveTimer = null;
      if (!this.dirty.size && !this.mustSave) {
        return;
      }
      const savedAt = new Date().toISOString();
      this.sheetId = this.sheetId || newSheetId();
      const record = makeRecord(this.name, this.sheetId, this.readState(), savedAt);
      try {
        window.localStorage.setItem(this.key, JSON.stringify(record));
      } catch (error) {
        this.say(`Could not save in this browser: ${error.message}. Export your answers to keep them.`);
        return;
      }
      this.dirty.clear();
      this.mustSave = false;
      this.savedAt = savedAt;
      this.saySaved(savedAt);
      remindBackup(window.toolkitSheets || [this]);
    }

    flush() {
      if (this.saveTimer !== null) {
        this.save();
      }
    }

    // Another tab saved or deleted this worksheet's answers.
    fromOtherTab(event) {
      if (event.key !== this.key) {
        return;
      }
      if (event.newValue === null) {
        this.dirty.clear();
        this.applyState(null);
        this.sheetId = null;
        this.say("Your answers were deleted from this browser in another tab.");
        this.scheduleCompute();
        return;
      }
      const record = this.readRecord();
      if (!record) {
        return;
      }
      this.applyState(record, this.dirty);
      this.sheetId = record.sheet_id || this.sheetId;
      this.saySaved(record.saved_at, "tab");
      this.scheduleCompute();
    }

    // Answers the site kept before December 2026, in IndexedDB, come in once:
    // Python reads them as it reads an export file.
    async bringInOldRecord() {
      let marker = null;
      try {
        marker = window.localStorage.getItem(MIGRATED + this.name);
      } catch (error) {
        return;
      }
      if (marker !== null) {
        return;
      }
      const text = await readOldRecord(this.oldKey);
      if (text === null) {
        return;
      }
      this.say("Bringing in the answers you saved with the earlier version of this site…");
      let reply;
      try {
        // "kept": the learner's own answers, brought in as typed (see web.read_answers)
        reply = await python.call("read_answers", this.name, text, "", "kept");
      } catch (error) {
        this.say(`Your earlier answers are kept, but Python could not read them: ${error.message}`);
        return;
      }
      if (reply.error) {
        this.say(`Your earlier answers could not be brought in: ${reply.error} They are left as they were.`);
        return;
      }
      this.applyState(reply.state, this.dirty);
      this.sheetId = reply.state.sheet_id || this.sheetId;
      this.mustSave = true;
      this.save();
      try {
        window.localStorage.setItem(MIGRATED + this.name, new Date().toISOString());
      } catch (error) {
        // the record above was saved; bringing it in again later changes nothing typed since
      }
      this.scheduleCompute();
    }

    // -------------------------------------------------------------- Python --
    scheduleCompute() {
      if (python.status !== "ready") {
        return;
      }
      window.clearTimeout(this.computeTimer);
      this.computeTimer = window.setTimeout(() => this.compute(), COMPUTE_AFTER_MS);
    }

    async compute() {
      if (this.computing) {
        this.again = true;
        return;
      }
      this.computing = true;
      const state = {
        ...this.readState(),
        sheet_id: this.sheetId || "",
        saved_at: this.savedAt || new Date().toISOString(),
        heading: Number(this.root.dataset.heading) || 3,
      };
      try {
        this.show(await python.call("compute", this.name, JSON.stringify(state)));
      } catch (error) {
        this.results.innerHTML = "";
        const p = document.createElement("p");
        p.className = "toolkit-error";
        p.textContent = `Python could not work out the results: ${error.message}`;
        this.results.appendChild(p);
      } finally {
        this.computing = false;
      }
      if (this.again) {
        this.again = false;
        this.compute();
      }
    }

    show(reply) {
      const messages = reply.messages || {};
      for (const holder of this.root.querySelectorAll("[data-message-for]")) {
        const name = holder.dataset.messageFor;
        holder.textContent = messages[name] || "";
        holder.classList.toggle("toolkit-error", Boolean(messages[name]));
        for (const control of this.form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
          control.toggleAttribute("aria-invalid", Boolean(messages[name]));
        }
      }
      if (reply.problem) {
        this.results.innerHTML = "";
        const p = document.createElement("p");
        p.className = "toolkit-error";
        p.textContent = reply.problem;
        this.results.appendChild(p);
      } else {
        this.results.innerHTML = reply.results; // built by Python, every learner text escaped
      }
      this.summary.innerHTML = reply.summary || "";
      this.offerDownloads(reply.export, Object.keys(messages).length > 0);
    }

    // The download links exist only while there are files to download: until
    // then the same words are plain text (a link without an address is no link).
    // Links whose files did not change are left as they are, and a replaced
    // link's file is freed only a minute later: a click that lands as the
    // results are worked out again still downloads.
    offerDownloads(files, hasMessages) {
      const offered = files ? JSON.stringify(files) : "";
      if (offered && offered === this.offered) {
        return;
      }
      this.offered = offered;
      const old = this.urls;
      window.setTimeout(() => old.forEach((url) => URL.revokeObjectURL(url)), 60_000);
      this.urls = [];
      const note = this.root.querySelector("[data-download-note]");
      for (const old of this.root.querySelectorAll("[data-download]")) {
        const kind = old.dataset.download;
        const shown = document.createElement(files ? "a" : "span");
        shown.className = old.className;
        shown.dataset.download = kind;
        shown.textContent = old.textContent;
        if (files) {
          const type = kind === "json" ? "application/json" : "text/csv";
          const url = URL.createObjectURL(new Blob([files[kind]], { type: `${type};charset=utf-8` }));
          this.urls.push(url);
          shown.href = url;
          shown.download = `${files.filename}.${kind}`;
        }
        if (old.tagName !== shown.tagName || files) {
          const focused = document.activeElement === old;
          old.replaceWith(shown);
          if (focused && files) {
            shown.focus();
          }
        }
      }
      note.textContent = files
        ? ""
        : hasMessages
          ? " (ready once the answers marked above are fixed)"
          : " (ready once Python has started)";
    }

    // ------------------------------------------------- import, clear, print --
    async importFile(input) {
      const file = input.files && input.files[0];
      input.value = ""; // the same file can be chosen again
      if (!file) {
        return;
      }
      this.importMessage.textContent = `Reading ${file.name}…`;
      let reply;
      try {
        // no more than Python reads: a bigger file is refused on its size alone
        const text = await file.slice(0, READ_LIMIT).text();
        reply = await python.call("read_answers", this.name, text, file.size);
      } catch (error) {
        this.importMessage.textContent = `Nothing was imported: ${error.message}`;
        return;
      }
      if (reply.error) {
        this.importMessage.textContent = `Nothing was imported. ${reply.error}`;
        this.importMessage.classList.add("toolkit-error");
        return;
      }
      this.importMessage.classList.remove("toolkit-error");
      this.applyState(reply.state);
      this.sheetId = reply.state.sheet_id || this.sheetId || newSheetId();
      this.dirty.clear();
      this.mustSave = true;
      this.save();
      this.importMessage.textContent = `Imported your answers from ${file.name}.`;
      this.scheduleCompute();
    }

    clear() {
      window.clearTimeout(this.saveTimer);
      this.saveTimer = null;
      try {
        window.localStorage.removeItem(this.key);
        window.localStorage.setItem(MIGRATED + this.name, new Date().toISOString());
      } catch (error) {
        this.say(`Could not delete the answers from this browser: ${error.message}`);
        return;
      }
      this.dirty.clear();
      this.applyState(null);
      this.sheetId = null;
      this.savedAt = null;
      this.say("Your answers were deleted from this browser.");
      this.importMessage.textContent = "";
      this.scheduleCompute();
    }

    printSummary() {
      printSummaryOf(this.root);
    }

    // Results may offer to hand this sheet's result to another worksheet
    // (<button data-handoff="gars" data-handoff-old-key="…">, from Python). Python
    // reads both sheets and gives the other one's new state; this writes it as
    // that worksheet's record, exactly as its own page would keep it.
    async handOff(button) {
      const target = button.dataset.handoff;
      const note =
        button.parentElement.querySelector("[data-handoff-message]") || this.importMessage;
      const key = PREFIX + target;
      note.textContent = "";
      let text = null;
      let fromOld = false;
      try {
        text = window.localStorage.getItem(key);
        if (text === null && window.localStorage.getItem(MIGRATED + target) === null) {
          text = await readOldRecord(button.dataset.handoffOldKey || target);
          fromOld = true;
        }
      } catch (error) {
        note.textContent = `This browser does not let the site keep answers (${error.message}).`;
        return;
      }
      let reply;
      try {
        const state = { ...this.readState(), sheet_id: this.sheetId || "" };
        reply = await python.call("handoff", this.name, JSON.stringify(state), text || "");
      } catch (error) {
        note.textContent = `Nothing was sent: ${error.message}`;
        return;
      }
      if (reply.error) {
        note.textContent = reply.error;
        note.classList.add("toolkit-error");
        return;
      }
      const savedAt = new Date().toISOString();
      const record = makeRecord(
        reply.target,
        reply.state.sheet_id || newSheetId(),
        reply.state,
        savedAt,
      );
      try {
        window.localStorage.setItem(PREFIX + reply.target, JSON.stringify(record));
        if (fromOld) {
          window.localStorage.setItem(MIGRATED + reply.target, savedAt); // it is in the record now
        }
      } catch (error) {
        note.textContent = `Nothing was sent: ${error.message}`;
        return;
      }
      note.classList.remove("toolkit-error");
      note.textContent = reply.message;
      // the same worksheet on this page shows it now (other tabs hear a storage event)
      for (const other of window.toolkitSheets || []) {
        if (other !== this && other.name === reply.target) {
          other.applyState(record);
          other.sheetId = record.sheet_id;
          other.savedAt = savedAt;
          other.saySaved(savedAt);
          other.scheduleCompute();
        }
      }
    }

    // ---------------------------------------------------------------- wiring --
    start() {
      const record = this.readRecord();
      if (record) {
        this.applyState(record);
        this.sheetId = record.sheet_id || null;
        this.savedAt = record.saved_at || null;
        this.saySaved(record.saved_at);
      } else if (this.status.textContent.startsWith("Not saved")) {
        this.sayNotSaved();
      }
      for (const repeat of this.repeats()) {
        this.showRowButtons(repeat);
        repeat.querySelector("[data-add]").addEventListener("click", () => {
          const row = this.addRow(repeat);
          this.showRowButtons(repeat);
          this.mustSave = true;
          this.changed();
          const first = row.querySelector("input, select, textarea");
          if (first) {
            first.focus();
          }
        });
        repeat.addEventListener("click", (event) => {
          const button = event.target.closest("[data-remove]");
          if (button && repeat.contains(button)) {
            this.removeRow(repeat, button.closest("[data-row]"));
            this.mustSave = true;
            this.changed();
            repeat.querySelector("[data-add]").focus();
          }
        });
      }
      this.form.addEventListener("input", (event) => this.changed(event));
      this.form.addEventListener("change", (event) => this.changed(event));
      this.form.addEventListener("submit", (event) => event.preventDefault());
      const keep = this.root.querySelector("[data-keep]");
      keep.hidden = false;
      const confirm = keep.querySelector("[data-confirm]");
      keep.querySelector("[data-import]").addEventListener("change", (event) => this.importFile(event.target));
      keep.querySelector("[data-clear]").addEventListener("click", () => {
        confirm.hidden = false;
        confirm.querySelector("[data-confirm-no]").focus();
      });
      keep.querySelector("[data-confirm-no]").addEventListener("click", () => {
        confirm.hidden = true;
        keep.querySelector("[data-clear]").focus();
      });
      keep.querySelector("[data-confirm-yes]").addEventListener("click", () => {
        confirm.hidden = true;
        this.clear();
        keep.querySelector("[data-clear]").focus();
      });
      keep.querySelector("[data-print]").addEventListener("click", () => this.printSummary());
      this.results.addEventListener("click", (event) => {
        const button = event.target.closest("[data-handoff]");
        if (button) {
          this.handOff(button);
        }
      });
      this.offerDownloads(null, false);
      python.listeners.add((status, error) => this.pythonChanged(status, error));
      this.pythonChanged(python.status || "waiting");
      this.bringInOldRecord();
    }

    pythonChanged(status, error) {
      const text = {
        waiting: "Python will start in your browser in a moment; you can already fill in the form.",
        starting: "Python is starting inside your browser; your answers are already being kept.",
        ready: "Python is ready: the results follow your answers.",
        slow:
          "Python has not started after a minute. It runs inside your browser with " +
          "WebAssembly, which some work networks and browser settings block. Your answers " +
          "are kept as you type; reloading the page may help, or try another browser or network.",
        failed:
          "Python could not start in this browser, so results cannot be worked out here. " +
          "Your answers are still kept as you type, and the form can be printed. " +
          (error ? `(${error.message})` : ""),
      }[status];
      if (text) {
        this.pythonStatus.textContent = text;
      }
      if (status === "ready") {
        this.compute();
      }
    }
  }

  // The record the earlier site kept for `key`, or null. Opens the old
  // database without creating it: a browser that never had one gets none.
  function readOldRecord(key) {
    return new Promise((resolve) => {
      if (!("indexedDB" in window)) {
        resolve(null);
        return;
      }
      let request;
      try {
        request = indexedDB.open(OLD_DB);
      } catch (error) {
        resolve(null);
        return;
      }
      request.onupgradeneeded = (event) => {
        event.target.transaction.abort(); // there was no such database: make none
      };
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(OLD_STORE)) {
          db.close();
          resolve(null);
          return;
        }
        const get = db.transaction(OLD_STORE, "readonly").objectStore(OLD_STORE).get(key);
        get.onsuccess = () => {
          db.close();
          resolve(typeof get.result === "string" ? get.result : null);
        };
        get.onerror = () => {
          db.close();
          resolve(null);
        };
      };
    });
  }

  // ------------------------------------------------------ backup reminder --
  // Where the browser has not promised to keep the site's storage, a line in
  // each worksheet's keeping panel points to "My work" for a backup: after a
  // first save, and again when answers are more than a week newer than it.
  const LAST_BACKUP = "coaching-toolkit/backup/last"; // written by my-work.js
  const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
  let persisted = null;

  async function remindBackup(sheets) {
    if (persisted === null) {
      try {
        persisted = navigator.storage && navigator.storage.persisted ? await navigator.storage.persisted() : false;
      } catch (error) {
        persisted = false;
      }
    }
    let last = NaN;
    let newest = NaN;
    try {
      last = Date.parse(window.localStorage.getItem(LAST_BACKUP) || "");
      for (let i = 0; i < window.localStorage.length; i += 1) {
        const key = window.localStorage.key(i);
        if (key && key.startsWith(PREFIX)) {
          try {
            const time = Date.parse(JSON.parse(window.localStorage.getItem(key)).saved_at);
            if (Number.isNaN(newest) || time > newest) {
              newest = time;
            }
          } catch (error) {
            // a damaged record has no time to compare
          }
        }
      }
    } catch (error) {
      return; // no storage: nothing is kept to back up
    }
    const due = !persisted && !Number.isNaN(newest) && (Number.isNaN(last) || newest - last > WEEK_MS);
    for (const sheet of sheets) {
      let line = sheet.root.querySelector("[data-backup-reminder]");
      if (!line && due) {
        line = document.createElement("p");
        line.className = "tk-hint";
        line.dataset.backupReminder = "";
        const link = document.createElement("a");
        link.href = new URL("my-work.html", SITE_ROOT).href;
        link.textContent = "download a backup of all your work";
        line.append("This browser has not promised to keep what the site stores. From time to time, ", link, ".");
        sheet.status.after(line);
      }
      if (line) {
        line.hidden = !due;
      }
    }
  }

  // What other page tools (the cohort view) share with the worksheets: the
  // page's one Python worker and printing a summary alone.
  window.toolkitPage = {
    call: (fn, ...args) => python.call(fn, ...args),
    onStatus: (listener) => {
      python.listeners.add(listener);
      listener(python.status || "waiting");
    },
    start: startWhenIdle,
    printSummary: printSummaryOf,
  };

  function startAll() {
    document.documentElement.classList.add("tk-js");
    const sheets = [...document.querySelectorAll("[data-sheet]")].map((root) => new Sheet(root));
    if (!sheets.length) {
      return;
    }
    sheets.forEach((sheet) => sheet.start());
    remindBackup(sheets);
    const flushAll = () => sheets.forEach((sheet) => sheet.flush());
    window.addEventListener("pagehide", flushAll);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") {
        flushAll();
      }
    });
    window.addEventListener("storage", (event) => sheets.forEach((sheet) => sheet.fromOtherTab(event)));
    window.toolkitSheets = sheets; // for the browser tests and curious learners
    startWhenIdle();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
