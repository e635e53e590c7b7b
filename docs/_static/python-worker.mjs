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
 * Pyodide starts from _static/page-python.zip in place of its standard
 * library (docs/_ext/page_python.py): the modules a page imports, and
 * toolkit_widgets, so no package is installed. full_stdlib_finder, in that
 * zip, fetches the full standard library on the first import of anything else.
 *
 * Why not JupyterLite's kernel: a page needs five functions of
 * toolkit_widgets.web, not a kernel. The kernel also starts IPython, piplite,
 * micropip and comm (about half of a cold start's Python time) behind an
 * internal interface; this worker uses only Pyodide's public loadPyodide()
 * and pyimport(), with the Pyodide the JupyterLite notebooks use and the
 * package from the same wheel.
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
  const { loadPyodide } = await import(at(config.pyodide));
  const pyodide = await loadPyodide({
    indexURL: at(config.indexURL),
    ...(config.stdLibURL
      ? { stdLibURL: at(config.stdLibURL) }
      : // an earlier site's configuration, still in this browser's cache
        // after an update: the whole library, and the package from its wheel
        { lockFileURL: at(config.lockFileURL), packages: config.packages }),
    // nothing is printed on purpose; Pyodide's own messages go to the console
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  if (config.stdLibURL) {
    pyodide.pyimport("full_stdlib_finder").install(() => download(at(config.fullStdLibURL)));
  }
  web = pyodide.pyimport("toolkit_widgets.web");
  pageCalls = new Set(web.PAGE_CALLS.toJs());
  return pyodide.version;
}

/**
 * The bytes at url, fetched at once: an import is synchronous, and a worker
 * may wait (the page does not). Throws if they do not come.
 */
function download(url) {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`${url}: HTTP ${request.status}`);
  return new Uint8Array(request.response);
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
