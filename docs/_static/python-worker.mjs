/**
 * The chapter pages' Python: the site's own Pyodide in a Web Worker, holding
 * toolkit_widgets and nothing else. Started by python-bridge.mjs, driven
 * through Comlink.
 *
 * Why not JupyterLite's kernel: a page needs six functions of
 * toolkit_widgets.web, not a kernel. The kernel also starts IPython, piplite,
 * micropip and comm (about half of a cold start's Python time) and has an
 * internal interface; this worker uses only Pyodide's public loadPyodide()
 * and pyimport(), with the same Pyodide files and lock the JupyterLite
 * notebooks use, so both run the same, compiled-ahead Python.
 */
import * as Comlink from "./comlink.mjs";

/** toolkit_widgets.web, once Python is up; its PAGE_CALLS are the only names answered. */
let web = null;
let pageCalls = new Set();

/**
 * Load Pyodide and the package; resolves with Pyodide's version.
 *
 * @param {{pyodideUrl: string, indexURL: string, lockFileURL: string, packages: string[]}} options
 *   absolute addresses, resolved by the page against the site root
 */
async function start({ pyodideUrl, indexURL, lockFileURL, packages }) {
  const { loadPyodide } = await import(pyodideUrl);
  const pyodide = await loadPyodide({
    indexURL,
    lockFileURL,
    packages,
    // nothing is printed on purpose; Pyodide's own messages go to the console
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  // a wheel that failed to download is only logged by loadPyodide: this import says so
  web = pyodide.pyimport("toolkit_widgets.web");
  pageCalls = new Set(web.PAGE_CALLS.toJs());
  return pyodide.version;
}

/**
 * toolkit_widgets.web.<fn>(...args): its JSON reply as text. A Python
 * exception (a bug: page calls answer problems as messages) comes back as
 * {ename, evalue, traceback} for the bridge to reject with.
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
    // PythonError: .type is the class's name, .message the whole traceback
    // (just its last line when the call failed before any Python frame ran)
    const traceback = String(error.message);
    const marker = `\n${error.type}: `;
    const at = `\n${traceback}`.lastIndexOf(marker);
    const evalue = at < 0 ? "" : `\n${traceback}`.slice(at + marker.length).trimEnd();
    return { error: { ename: error.type, evalue, traceback } };
  }
}

Comlink.expose({ start, call });
