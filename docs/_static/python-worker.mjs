/**
 * The chapter pages' Python: the site's own Pyodide in a Web Worker, holding
 * toolkit_widgets and nothing else. Driven through Comlink by
 * python-bridge.mjs.
 *
 * It starts loading as soon as it is created, on its own: it reads
 * _static/python-config.json (written at build time by
 * docs/_ext/python_bridge.py, addresses relative to the site root) and loads
 * Pyodide, so no step of its start waits for the page's busy main thread.
 *
 * Why not JupyterLite's kernel: a page needs five functions of
 * toolkit_widgets.web, not a kernel. The kernel also starts IPython, piplite,
 * micropip and comm (about half of a cold start's Python time) behind an
 * internal interface; this worker uses only Pyodide's public loadPyodide()
 * and pyimport(), with the Pyodide files and lock the JupyterLite notebooks
 * use, so both run the same compiled-ahead Python.
 */
import * as Comlink from "./comlink.mjs";

const SITE_ROOT = new URL("../", import.meta.url);

/** toolkit_widgets.web and the names of its page calls, once Python is up. */
const booted = boot();
booted.catch(() => {}); // told by ready(), not as an unhandled rejection
let web = null;
let pageCalls = new Set();

async function boot() {
  const at = (path) => new URL(path, SITE_ROOT).href;
  const response = await fetch(at("_static/python-config.json"));
  if (!response.ok) throw new Error(`python-config.json: HTTP ${response.status}`);
  const config = await response.json();
  // The package's wheel is asked for only once Python has started, a second
  // or more after the network fell quiet; fetched now, beside the runtime, it
  // waits in the HTTP cache (on a slow link this saves its whole download).
  for (const path of config.prefetch ?? []) {
    fetch(at(path)).catch(() => {}); // loadPackage fetches it again and reports a failure
  }
  const { loadPyodide } = await import(at(config.pyodide));
  const pyodide = await loadPyodide({
    indexURL: at(config.indexURL),
    lockFileURL: at(config.lockFileURL),
    packages: config.packages,
    // nothing is printed on purpose; Pyodide's own messages go to the console
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  // a wheel that failed to download is only logged by loadPyodide: this import says so
  web = pyodide.pyimport("toolkit_widgets.web");
  pageCalls = new Set(web.PAGE_CALLS.toJs());
  return pyodide.version;
}

/** Resolves with Pyodide's version once Python is ready; rejects with why it is not. */
function ready() {
  return booted;
}

/**
 * toolkit_widgets.web.<fn>(...args): {reply: its JSON text}. A Python
 * exception (a bug: page calls answer problems as messages) comes back as
 * {error: {ename, evalue, traceback}} for the bridge to reject with.
 */
function call(fn, args) {
  if (!web) throw new Error("Python has not started.");
  if (!pageCalls.has(fn)) throw new Error(`toolkit_widgets.web has no page call ${JSON.stringify(fn)}.`);
  if (!Array.isArray(args) || !args.every((arg) => typeof arg === "string")) {
    throw new Error(`${fn}: every argument must be text.`);
  }
  try {
    return { reply: web[fn](...args) };
  } catch (error) {
    if (!error.type) throw error;
    // PythonError: .type is the class's name, .message the traceback
    // (just its last line when the call failed before any Python frame ran)
    const traceback = String(error.message);
    const marker = `\n${error.type}: `;
    const at = `\n${traceback}`.lastIndexOf(marker);
    const evalue = at < 0 ? "" : `\n${traceback}`.slice(at + marker.length).trimEnd();
    return { error: { ename: error.type, evalue, traceback } };
  }
}

Comlink.expose({ ready, call });
