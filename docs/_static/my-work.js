// "My work": everything this browser keeps, in one place (docs/_ext/my_work.py
// writes the page's tool and the list of worksheets into the page).
//
// The listing, the backup file and "Clear everything" are plain script over
// the records each worksheet page keeps in localStorage (sheet.js), so they
// work before Python starts and without it. Restoring checks the backup file
// in Python (toolkit_widgets.web.read_backup, the same checks as an import),
// and "Print my work" asks Python for each worksheet's summary
// (toolkit_widgets.web.compute), through the page's one Python worker that sheet.js
// shares as window.toolkitPage. Nothing is sent anywhere.
"use strict";

(() => {
  // what sheet.js keeps (keep these in step with it)
  const PREFIX = "coaching-toolkit/sheet/";
  const MIGRATED = "coaching-toolkit/migrated/";
  const RECORD_FORMAT = "coaching-toolkit-form-state";
  const OLD_DB = "coaching-toolkit";
  const OLD_STORE = "answers";
  // what this page keeps: when a backup was last downloaded
  const LAST_BACKUP = "coaching-toolkit/backup/last";
  const BACKUP_FORMAT = "coaching-toolkit-backup";
  const BACKUP_VERSION = 1;
  const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
  const MAX_FILE_BYTES = 10_000_000;

  const PYTHON = {
    waiting: "Python will start inside your browser in a moment, to print your work and check backup files.",
    starting: "Python is starting inside your browser, to print your work and check backup files.",
    ready: "Python is ready: you can print your work and restore a backup.",
    failed:
      "Python could not start in this browser, so your work cannot be printed from here and a " +
      "backup cannot be checked. The list, the backup download and Clear everything still work.",
  };

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function when(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime()) || date.getTime() <= 0) {
      return "an unknown date";
    }
    return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  }

  function size(bytes) {
    if (bytes < 1024) {
      return `${bytes} bytes`;
    }
    if (bytes < 1024 * 1024) {
      return `${(bytes / 1024).toFixed(1)} kB`;
    }
    if (bytes < 1024 ** 3) {
      return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
    }
    return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  }

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") {
        node.textContent = value;
      } else if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? "" : value);
      }
    }
    children.forEach((child) => child && node.append(child));
    return node;
  }

  // A table with its caption and one row of column headings (the list and the restore preview).
  function headedTable(caption, headings) {
    const table = el("table", { class: "tk-work-table" });
    const row = el("tr", {}, ...headings.map((text) => el("th", { scope: "col", text })));
    table.append(caption, el("thead", {}, row));
    return table;
  }

  // The records the earlier site kept in IndexedDB, for the given keys: key -> text.
  // Opens the old database without creating it.
  function readOldRecords(keys) {
    return new Promise((resolve) => {
      const found = {};
      if (!keys.length || !("indexedDB" in window)) {
        resolve(found);
        return;
      }
      let request;
      try {
        request = indexedDB.open(OLD_DB);
      } catch (error) {
        resolve(found);
        return;
      }
      request.onupgradeneeded = (event) => event.target.transaction.abort();
      request.onerror = () => resolve(found);
      request.onblocked = () => resolve(found);
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(OLD_STORE)) {
          db.close();
          resolve(found);
          return;
        }
        const store = db.transaction(OLD_STORE, "readonly").objectStore(OLD_STORE);
        let left = keys.length;
        for (const key of keys) {
          const get = store.get(key);
          get.onsuccess = () => {
            if (typeof get.result === "string") {
              found[key] = get.result;
            }
            if (--left === 0) {
              db.close();
              resolve(found);
            }
          };
          get.onerror = () => {
            if (--left === 0) {
              db.close();
              resolve(found);
            }
          };
        }
      };
    });
  }

  function deleteOldRecords(keys) {
    return new Promise((resolve) => {
      if (!keys.length || !("indexedDB" in window)) {
        resolve();
        return;
      }
      const request = indexedDB.open(OLD_DB);
      request.onupgradeneeded = (event) => event.target.transaction.abort();
      request.onerror = () => resolve();
      request.onblocked = () => resolve();
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(OLD_STORE)) {
          db.close();
          resolve();
          return;
        }
        const tx = db.transaction(OLD_STORE, "readwrite");
        keys.forEach((key) => tx.objectStore(OLD_STORE).delete(key));
        tx.oncomplete = tx.onerror = tx.onabort = () => {
          db.close();
          resolve();
        };
      };
    });
  }

  // How far a record fills its worksheet: answers given of those the form
  // asks for (repeated parts count once per entry), and ticks apart.
  function progress(entry, record) {
    const values = (record && record.values) || {};
    const rows = (record && record.rows) || {};
    let total = 0;
    let answered = 0;
    let ticked = 0;
    let ticks = 0;
    const count = (answers, tickNames, prefix) => {
      for (const name of answers) {
        total += 1;
        const value = values[prefix + name];
        if (typeof value === "string" && value.trim() !== "") {
          answered += 1;
        }
      }
      for (const name of tickNames) {
        ticks += 1;
        if (values[prefix + name] === true) {
          ticked += 1;
        }
      }
    };
    count(entry.answers, entry.ticks, "");
    for (const repeat of entry.repeats) {
      const n = Number.isInteger(rows[repeat.name]) ? rows[repeat.name] : repeat.start;
      for (let i = 0; i < n; i += 1) {
        count(repeat.answers, repeat.ticks, `${repeat.name}.${i}.`);
      }
    }
    return { total, answered, ticked, ticks };
  }

  function progressText(p) {
    const parts = [];
    if (p.total) {
      parts.push(`${p.answered} of ${p.total} answers`);
    }
    if (p.ticks) {
      parts.push(`${p.ticked} of ${p.ticks} ticked`);
    }
    // a tick left empty is an answer too, so a sheet of ticks alone is never "complete"
    const state = p.total ? (p.answered === p.total ? "Complete" : "In progress") : "Started";
    return { text: parts.join(", "), state };
  }

  class MyWork {
    constructor(root, list, python) {
      this.root = root;
      this.list = list;
      this.python = python;
      this.find = (what) => root.querySelector(`[data-work-${what}]`);
      this.kept = new Map(); // name -> {record} | {damaged: text}
      this.old = new Map(); // name -> text the earlier site kept
      this.persisted = null;
      this.url = null;
    }

    say(text, error = false) {
      const message = this.find("message");
      message.textContent = text;
      message.classList.toggle("toolkit-error", error);
    }

    // ------------------------------------------------------------- reading --
    async read() {
      const store = storage();
      this.kept.clear();
      this.old.clear();
      if (!store) {
        return false;
      }
      const unmigrated = [];
      for (const entry of this.list) {
        const text = store.getItem(PREFIX + entry.name);
        if (text !== null) {
          let record = null;
          try {
            record = JSON.parse(text);
          } catch (error) {
            record = null;
          }
          const ok = record && record.format === RECORD_FORMAT && record.values && typeof record.values === "object";
          this.kept.set(entry.name, ok ? { record } : { damaged: text });
        } else if (store.getItem(MIGRATED + entry.name) === null) {
          unmigrated.push(entry);
        }
      }
      const old = await readOldRecords(unmigrated.map((entry) => entry.old_key));
      for (const entry of unmigrated) {
        if (old[entry.old_key] !== undefined) {
          this.old.set(entry.name, old[entry.old_key]);
        }
      }
      return true;
    }

    held() {
      return this.list.filter((entry) => this.kept.has(entry.name) || this.old.has(entry.name));
    }

    savedAt(name) {
      const kept = this.kept.get(name);
      if (kept && kept.record) {
        return kept.record.saved_at || "";
      }
      if (this.old.has(name)) {
        try {
          return JSON.parse(this.old.get(name)).saved_at || "";
        } catch (error) {
          return "";
        }
      }
      return "";
    }

    // ------------------------------------------------------------- listing --
    async render() {
      const readable = await this.read();
      const status = this.find("status");
      if (!readable) {
        status.textContent =
          "This browser does not let the site keep anything (its storage is turned off), so no answers are kept here.";
        return;
      }
      const held = this.held();
      status.textContent = held.length
        ? `This browser keeps your answers to ${held.length} of the ${this.list.length} worksheets. ` +
          "They are kept only here, on this device, and never sent anywhere."
        : `This browser keeps no answers yet. The ${this.list.length} worksheets are listed below.`;
      this.renderHeld(held);
      this.renderEmpty();
      this.renderReminder();
    }

    renderHeld(held) {
      const box = this.find("held");
      box.replaceChildren();
      if (!held.length) {
        box.append(el("p", { text: "None yet: answers appear here once you type in a worksheet." }));
        return;
      }
      const table = headedTable(
        el("caption", { class: "tk-visually-hidden", text: "Worksheets this browser keeps answers for" }),
        ["Chapter", "Worksheet", "Last saved", "How complete"],
      );
      const body = el("tbody");
      for (const entry of held) {
        const row = el("tr", { "data-work-row": entry.name });
        row.append(
          el("td", { "data-label": "Chapter", text: entry.chapter }),
          el("th", { scope: "row" }, el("a", { href: entry.url, text: entry.title })),
        );
        const kept = this.kept.get(entry.name);
        if (kept && kept.record) {
          const saved = kept.record.saved_at;
          row.append(el("td", { "data-label": "Last saved" }, el("time", { datetime: saved, text: when(saved) })));
          const p = progressText(progress(entry, kept.record));
          row.append(el("td", { "data-label": "How complete", text: `${p.state}: ${p.text}` }));
        } else if (kept) {
          row.append(el("td", { "data-label": "Last saved", text: "unknown" }));
          row.append(
            el("td", { "data-label": "How complete", text: "Kept, but this page cannot read the record; open the worksheet to see it." }),
          );
        } else {
          const saved = this.savedAt(entry.name);
          row.append(el("td", { "data-label": "Last saved" }, el("time", { datetime: saved, text: when(saved) })));
          row.append(
            el("td", {
              "data-label": "How complete",
              text:
                "Kept by an earlier version of this site: open the worksheet to bring them in. " +
                "A backup includes them.",
            }),
          );
        }
        body.append(row);
      }
      table.append(body);
      box.append(el("div", { class: "tk-table-scroll" }, table));
    }

    renderEmpty() {
      const box = this.find("empty");
      box.replaceChildren();
      const empty = this.list.filter((entry) => !this.kept.has(entry.name) && !this.old.has(entry.name));
      if (!empty.length) {
        box.append(el("p", { text: "None: you have started every worksheet." }));
        return;
      }
      const list = el("ul", { class: "tk-work-empty" });
      for (const entry of empty) {
        list.append(
          el("li", { "data-work-row": entry.name }, el("a", { href: entry.url, text: entry.title }), ` (${entry.chapter})`),
        );
      }
      box.append(list);
    }

    // ------------------------------------------------------- keeping safe --
    async storageState() {
      const persist = this.find("persist");
      const estimate = this.find("estimate");
      const manager = navigator.storage;
      if (manager && manager.persisted) {
        try {
          this.persisted = await manager.persisted();
          if (!this.persisted && this.held().length && manager.persist) {
            this.persisted = await manager.persist();
          }
        } catch (error) {
          this.persisted = false;
        }
      } else {
        this.persisted = false;
      }
      persist.textContent = this.persisted
        ? "This browser has agreed to keep the site's storage until you delete it yourself."
        : "This browser has not agreed to keep the site's storage for good: it may delete it " +
          "when space runs short, and Safari deletes it after seven days without a visit. " +
          "Download a backup now and then to be safe.";
      let answers = 0;
      const store = storage();
      if (store) {
        for (let i = 0; i < store.length; i += 1) {
          const key = store.key(i);
          if (key && key.startsWith("coaching-toolkit/")) {
            answers += (key.length + (store.getItem(key) || "").length) * 2; // UTF-16
          }
        }
      }
      let text = `Your answers take about ${size(answers)} in this browser.`;
      if (manager && manager.estimate) {
        try {
          const { usage, quota } = await manager.estimate();
          text +=
            ` Everything this site stores here (Python included, once it has started) comes to about ${size(usage || 0)}` +
            (quota ? `, of the ${size(quota)} this browser allows it.` : ".");
        } catch (error) {
          // the figure for the answers stands alone
        }
      }
      estimate.textContent = text;
      this.renderReminder();
    }

    renderReminder() {
      const reminder = this.find("reminder");
      const store = storage();
      const times = this.held()
        .map((entry) => Date.parse(this.savedAt(entry.name)))
        .filter((time) => !Number.isNaN(time));
      let text = "";
      if (this.persisted === false && times.length && store) {
        const newest = Math.max(...times);
        const last = Date.parse(store.getItem(LAST_BACKUP) || "");
        if (Number.isNaN(last)) {
          text = "Reminder: you have not downloaded a backup of your answers from this browser yet.";
        } else if (newest - last > WEEK_MS) {
          text =
            `Reminder: your last backup is from ${when(new Date(last).toISOString())}, ` +
            "and you have saved answers more than a week after it. Download a new one.";
        }
      }
      reminder.textContent = text;
      reminder.hidden = !text;
    }

    // -------------------------------------------------------------- backup --
    backup() {
      const sheets = [];
      const earlier = [];
      for (const entry of this.list) {
        const kept = this.kept.get(entry.name);
        if (kept && kept.record) {
          sheets.push(kept.record);
        } else if (this.old.has(entry.name)) {
          earlier.push({ worksheet: entry.name, text: this.old.get(entry.name) });
        }
      }
      const unreadable = this.list.filter((entry) => (this.kept.get(entry.name) || {}).damaged !== undefined);
      if (!sheets.length && !earlier.length) {
        this.say("There is nothing to back up yet: no worksheet holds answers in this browser.");
        return;
      }
      const now = new Date().toISOString();
      const file = { format: BACKUP_FORMAT, format_version: BACKUP_VERSION, saved_at: now, sheets, earlier };
      const name = `coaching-toolkit-backup-${now.slice(0, 10)}.json`;
      if (this.url) {
        URL.revokeObjectURL(this.url);
      }
      this.url = URL.createObjectURL(
        new Blob([JSON.stringify(file, null, 1)], { type: "application/json;charset=utf-8" }),
      );
      const link = el("a", { href: this.url, download: name, hidden: true });
      this.root.append(link);
      link.click();
      link.remove();
      const store = storage();
      try {
        store.setItem(LAST_BACKUP, now);
      } catch (error) {
        // the file was made; only the reminder will not know
      }
      const count = sheets.length + earlier.length;
      let text = `Downloaded ${name}: your answers to ${count} worksheet${count === 1 ? "" : "s"}. Keep it somewhere safe; it holds everything you typed.`;
      if (unreadable.length) {
        text += ` Left out, because this page cannot read them: ${unreadable.map((e) => e.title).join(", ")}.`;
      }
      this.say(text);
      this.renderReminder();
    }

    // ------------------------------------------------------------- restore --
    async restoreFrom(input) {
      const file = input.files && input.files[0];
      input.value = ""; // the same file can be chosen again
      const preview = this.find("preview");
      preview.hidden = true;
      preview.replaceChildren();
      if (!file) {
        return;
      }
      if (file.size > MAX_FILE_BYTES) {
        this.say(`${file.name} is too big to be a backup of this site. Nothing was restored; your answers are as they were.`, true);
        return;
      }
      this.say(`Checking ${file.name}…${this.pythonReady ? "" : " (Python checks the file once it has started.)"}`);
      let reply;
      try {
        const text = await file.text();
        reply = await this.python.call("read_backup", text);
      } catch (error) {
        this.say(`${file.name} could not be checked: ${error.message}. Nothing was restored; your answers are as they were.`, true);
        return;
      }
      if (reply.error) {
        this.say(`${file.name} cannot be restored. ${reply.error}`, true);
        return;
      }
      await this.read();
      this.say("");
      this.showPreview(file.name, reply.sheets);
    }

    showPreview(fileName, sheets) {
      const preview = this.find("preview");
      const byName = new Map(this.list.map((entry) => [entry.name, entry]));
      const table = headedTable(
        el("caption", { text: `What ${fileName} holds, and what restoring it would do` }),
        ["Worksheet", "Saved in the file", "Saved in this browser", "Restore it?"],
      );
      const body = el("tbody");
      const choices = [];
      for (const item of sheets) {
        const entry = byName.get(item.worksheet) || { title: item.title, name: item.worksheet };
        const kept = this.kept.get(item.worksheet);
        const here = kept ? (kept.record ? kept.record.saved_at : null) : this.old.has(item.worksheet) ? this.savedAt(item.worksheet) : undefined;
        const fileTime = Date.parse(item.saved_at);
        const hereTime = here ? Date.parse(here) : NaN;
        let what;
        let ticked;
        if (here === undefined) {
          what = "Nothing here yet: restoring adds them.";
          ticked = true;
        } else if (here === null || Number.isNaN(hereTime)) {
          what = "This browser's answers cannot be read here; tick to replace them with the file's.";
          ticked = false;
        } else if (fileTime > hereTime) {
          what = "The file's answers are newer: restoring replaces this browser's older ones.";
          ticked = true;
        } else if (fileTime === hereTime) {
          what = "Saved at the same time as this browser's: restoring changes nothing.";
          ticked = false;
        } else {
          what = "This browser's answers are newer: they are kept unless you tick to replace them with the file's older ones.";
          ticked = false;
        }
        const id = `tk-work-restore-${item.worksheet}`;
        const box = el("input", { type: "checkbox", id, "data-work-choice": item.worksheet });
        box.checked = ticked;
        choices.push({ box, item });
        const row = el("tr", { "data-work-restore-row": item.worksheet });
        row.append(
          el("th", { scope: "row", text: entry.title }),
          el("td", { "data-label": "Saved in the file" }, el("time", { datetime: item.saved_at, text: when(item.saved_at) })),
          el("td", { "data-label": "Saved in this browser" }, here ? el("time", { datetime: here, text: when(here) }) : document.createTextNode(here === null ? "unreadable" : "—")),
          el(
            "td",
            {},
            el("p", { class: "tk-work-what", text: what }),
            el("p", { class: "tk-work-choice" }, box, el("label", { for: id, text: `Restore the ${entry.title}` })),
          ),
        );
        body.append(row);
      }
      table.append(body);
      const go = el("button", { type: "button", class: "tk-button tk-danger", "data-work-restore-yes": "" , text: "Restore the ticked worksheets" });
      const cancel = el("button", { type: "button", class: "tk-button", "data-work-restore-no": "", text: "Cancel the restore" });
      preview.replaceChildren(
        el("p", {}, el("strong", { text: `${fileName} holds answers to ${sheets.length} worksheet${sheets.length === 1 ? "" : "s"}.` }),
          " Nothing has changed yet. Restoring replaces the answers of the ticked worksheets in this browser with the file's; worksheets not ticked keep what they have."),
        el("div", { class: "tk-table-scroll" }, table),
        go,
        " ",
        cancel,
      );
      preview.hidden = false;
      go.addEventListener("click", () => this.restore(fileName, choices));
      cancel.addEventListener("click", () => {
        preview.hidden = true;
        preview.replaceChildren();
        this.say("Nothing was restored; your answers are as they were.");
        this.root.querySelector("label[for='tk-work-restore']").focus();
      });
      (choices[0] ? choices[0].box : go).focus();
    }

    async restore(fileName, choices) {
      const chosen = choices.filter(({ box }) => box.checked);
      const store = storage();
      const done = [];
      try {
        for (const { item } of chosen) {
          store.setItem(PREFIX + item.worksheet, JSON.stringify(item.record));
          // answers the earlier site kept do not come back over restored ones
          store.setItem(MIGRATED + item.worksheet, new Date().toISOString());
          done.push(item.title);
        }
      } catch (error) {
        this.say(`Restoring stopped: ${error.message}. Restored so far: ${done.join(", ") || "none"}.`, true);
        await this.render();
        return;
      }
      const preview = this.find("preview");
      preview.hidden = true;
      preview.replaceChildren();
      await this.render();
      this.say(
        done.length
          ? `Restored from ${fileName}: ${done.join(", ")}.`
          : `Nothing was restored from ${fileName}: no worksheet was ticked.`,
      );
    }

    // --------------------------------------------------------------- clear --
    async askClear() {
      await this.read();
      const held = this.held();
      const confirm = this.find("confirm");
      if (!held.length) {
        confirm.hidden = true;
        this.say("There is nothing to delete: no worksheet holds answers in this browser.");
        return;
      }
      const yes = el("button", { type: "button", class: "tk-button tk-danger", "data-work-clear-yes": "", text: "Yes, delete all my answers" });
      const no = el("button", { type: "button", class: "tk-button", "data-work-clear-no": "", text: "Keep all my answers" });
      const list = el("ul");
      held.forEach((entry) => list.append(el("li", { text: `${entry.title} (${entry.chapter})` })));
      confirm.replaceChildren(
        el("p", {}, el("strong", { text: `Delete your answers to these ${held.length} worksheet${held.length === 1 ? "" : "s"} from this browser?` }),
          " This cannot be undone. Download a backup first if you may want them again."),
        list,
        yes,
        " ",
        no,
      );
      confirm.hidden = false;
      no.focus();
      yes.addEventListener("click", () => this.clear(held));
      no.addEventListener("click", () => {
        confirm.hidden = true;
        this.find("clear").focus();
      });
    }

    async clear(held) {
      const confirm = this.find("confirm");
      confirm.hidden = true;
      const store = storage();
      try {
        for (const entry of held) {
          store.removeItem(PREFIX + entry.name);
          store.setItem(MIGRATED + entry.name, new Date().toISOString());
        }
        store.removeItem(LAST_BACKUP);
      } catch (error) {
        this.say(`Could not delete everything: ${error.message}`, true);
        await this.render();
        return;
      }
      await deleteOldRecords(held.filter((entry) => this.old.has(entry.name)).map((entry) => entry.old_key));
      await this.render();
      this.say(`Deleted your answers to ${held.length} worksheet${held.length === 1 ? "" : "s"} from this browser.`);
      this.find("clear").focus();
    }

    // --------------------------------------------------------------- print --
    async print() {
      const status = this.find("print-status");
      await this.read();
      const held = this.held().filter((entry) => this.kept.get(entry.name)?.record || this.old.has(entry.name));
      if (!held.length) {
        status.textContent = "There is nothing to print yet: fill in a worksheet first.";
        return;
      }
      status.textContent = `Preparing the summaries of ${held.length} worksheet${held.length === 1 ? "" : "s"}…`;
      const area = this.find("print-area");
      const parts = [];
      try {
        for (const entry of held) {
          parts.push([entry, await this.summaryOf(entry)]);
        }
      } catch (error) {
        status.textContent = `Your work could not be prepared for printing: ${error.message}`;
        return;
      }
      const name = this.find("name").value.trim();
      const date = this.find("date").value;
      const head = el("header", { class: "tk-work-print-head" }, el("h1", { text: "My work: Coaching Toolkit" }));
      if (name) {
        head.append(el("p", { text: `Name: ${name}` }));
      }
      if (date) {
        head.append(el("p", { text: `Date: ${new Date(`${date}T12:00:00`).toLocaleDateString(undefined, { dateStyle: "long" })}` }));
      }
      area.replaceChildren(head);
      let chapter = "";
      for (const [entry, summary] of parts) {
        const section = el("section", { class: "tk-work-print-sheet", "data-work-printed": entry.name });
        if (entry.chapter !== chapter) {
          chapter = entry.chapter;
          section.append(el("p", { class: "tk-work-print-chapter", text: chapter }));
        }
        if (summary.html) {
          const holder = el("div");
          holder.innerHTML = summary.html; // written by Python, every learner text escaped
          section.append(holder);
        } else {
          section.append(
            el("h2", { text: entry.title }),
            el("p", { text: `This summary cannot be printed until the answers marked on the worksheet's page are fixed. ${summary.problem}` }),
          );
        }
        area.append(section);
      }
      status.textContent = `Your work is ready to print: ${parts.length} worksheet${parts.length === 1 ? "" : "s"}.`;
      this.python.printSummary(this.root);
    }

    async summaryOf(entry) {
      let record = this.kept.get(entry.name)?.record;
      if (!record) {
        const reply = await this.python.call("read_answers", entry.name, this.old.get(entry.name));
        if (reply.error) {
          return { html: "", problem: reply.error };
        }
        record = { ...reply.state, saved_at: reply.state.saved_at || "" };
      }
      const state = {
        values: record.values,
        rows: record.rows || {},
        sheet_id: record.sheet_id || "",
        saved_at: record.saved_at || new Date().toISOString(),
        heading: 2,
      };
      const reply = await this.python.call("compute", entry.name, JSON.stringify(state));
      const first = Object.values(reply.messages || {})[0];
      return { html: reply.summary || "", problem: reply.problem || first || "" };
    }

    // -------------------------------------------------------------- wiring --
    start() {
      this.find("actions").hidden = false;
      this.find("print-fields").hidden = false;
      this.find("clear-actions").hidden = false;
      this.find("backup").addEventListener("click", () => this.backup());
      this.find("restore").addEventListener("change", (event) => this.restoreFrom(event.target));
      this.find("clear").addEventListener("click", () => this.askClear());
      this.find("print").addEventListener("click", () => this.print());
      window.addEventListener("storage", (event) => {
        if (event.key === null || (event.key || "").startsWith("coaching-toolkit/")) {
          this.render();
        }
      });
      this.python.onStatus((state, error) => {
        this.pythonReady = state === "ready";
        const text = PYTHON[state === "slow" ? "starting" : state];
        if (text) {
          this.find("python").textContent = state === "failed" && error ? `${text} (${error.message})` : text;
        }
      });
      this.render().then(() => this.storageState());
      this.python.start();
    }
  }

  function startAll() {
    const python = window.toolkitPage; // defined by sheet.js, loaded before this script
    const root = document.querySelector("[data-my-work]");
    const data = document.getElementById("tk-my-work-list");
    if (!python || !root || !data) {
      return;
    }
    window.toolkitMyWork = new MyWork(root, JSON.parse(data.textContent), python);
    window.toolkitMyWork.start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
