/**
 * Start JupyterLite's own Pyodide kernel in a Web Worker from a plain page,
 * with no JupyterLab app, and run Python in it.
 *
 *   import { startKernel } from "./_static/kernel-bridge.mjs";
 *   const kernel = await startKernel("./", { onStatus: (state) => ... });
 *   const data = await kernel.run('display({"application/json": {...}}, raw=True)');
 *
 * Why: the JupyterLab app a worksheet frame loads costs seconds before Python
 * even starts; the kernel itself is one worker file of
 * jupyterlite-pyodide-kernel. Its Comlink interface (initialize, execute) is
 * internal to that package, so the build pins the version it was tested with
 * (docs/_ext/kernel_bridge.py) and tests/browser/test_kernel_bridge.py tests it.
 * The worker address and initialize() options come from
 * _static/kernel-config.json, written at build time with paths relative to
 * the site root, so the site works under any sub-path.
 */
import * as Comlink from "./comlink.mjs";

/** Options of initialize() that hold one address each (as the kernel extension has them). */
const URL_OPTIONS = ["baseUrl", "pyodideUrl", "indexUrl", "pipliteWheelUrl"];
/** IPython colours its tracebacks; an Error's text should be plain. */
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * Start the kernel worker and wait until Python is ready.
 *
 * @param {string} [siteRoot] the site root, relative to the page or absolute;
 *   by default the root Sphinx writes on <html data-content_root>.
 * @param {{onStatus?: (state: "starting"|"ready"|"failed", error?: Error) => void}} [hooks]
 *   onStatus is told where Python is, for a status line; "failed" also comes
 *   later if the worker dies.
 * @returns {Promise<{run: (code: string) => Promise<object|null>, terminate: () => void}>}
 *   rejects (after "failed") if the configuration, the worker or Pyodide cannot load.
 *   Pyodide does not reject when its WebAssembly is blocked (it only warns and
 *   waits), so a page should also speak up when "ready" is long in coming, as
 *   the worksheet note does after a minute. A preloaded package that fails to
 *   download is only logged: the import that needs it fails later, in run().
 */
export async function startKernel(
  siteRoot = document.documentElement.dataset.content_root ?? "./",
  { onStatus = () => {} } = {},
) {
  const root = new URL(siteRoot.endsWith("/") ? siteRoot : `${siteRoot}/`, document.baseURI);
  const at = (path) => new URL(path, root).href;
  let worker;
  let started = false;
  try {
    onStatus("starting");
    const response = await fetch(at("_static/kernel-config.json"));
    if (!response.ok) throw new Error(`kernel-config.json: HTTP ${response.status}`);
    const config = await response.json();
    worker = new Worker(at(config.worker), { type: "module" });
    // a worker that fails to load or crashes answers no Comlink call: every
    // wait below races this promise, so that it rejects instead of hanging
    let stop;
    const died = new Promise((_, reject) => {
      stop = reject;
      const fail = (event) =>
        reject(new Error(`The Python worker failed: ${event.message || "it did not load or stopped"}`));
      worker.addEventListener("error", fail);
      worker.addEventListener("messageerror", fail);
    });
    died.catch((error) => started && !error.stopped && onStatus("failed", error));
    const remote = Comlink.wrap(worker);
    await Promise.race([remote.initialize(resolveOptions(config.options, at)), died]);
    started = true;
    onStatus("ready");
    const terminate = () => {
      worker.terminate();
      stop(Object.assign(new Error("The Python worker was stopped."), { stopped: true }));
    };
    return session(worker, remote, died, terminate);
  } catch (error) {
    worker?.terminate();
    onStatus("failed", error);
    throw error;
  }
}

/** The options with every address resolved against the site root (the worker needs absolute ones). */
function resolveOptions(options, at) {
  const resolved = { ...options, pipliteUrls: options.pipliteUrls.map(at) };
  for (const key of URL_OPTIONS) resolved[key] = at(options[key]);
  // the kernel extension's own rule: a loadPyodide option ending in URL is an address
  const load = { ...options.loadPyodideOptions };
  for (const [key, value] of Object.entries(load)) {
    if (key.endsWith("URL") && typeof value === "string") load[key] = at(value);
  }
  resolved.loadPyodideOptions = load;
  return resolved;
}

/** One kernel: executions one at a time, each answered with its last JSON display. */
function session(worker, remote, died, terminate) {
  const sessionId = `bridge-${Math.random().toString(36).slice(2)}`;
  let count = 0;
  let current = null; // {id, last}: the execution whose messages are being collected
  let queue = Promise.resolve();
  // The worker posts its kernel messages (display_data, stream, ...) on the
  // same channel as Comlink's replies, as JupyterLite's own PyodideKernel
  // reads them: so every message of an execution arrives before its reply.
  // (registerWorkerMessageCallback would send them over a separate Comlink
  // port, with no ordering against the reply.)
  worker.addEventListener("message", (event) => {
    const message = event.data?._kernelMessage;
    if (!message || !current || message.parentHeader?.msg_id !== current.id) return;
    const data = message.type === "display_data" ? message.bundle?.data : undefined;
    if (data && "application/json" in data) current.last = data["application/json"];
  });

  async function execute(code) {
    const header = {
      msg_id: `${sessionId}-${++count}`,
      msg_type: "execute_request",
      session: sessionId,
      username: "",
      date: new Date().toISOString(),
      version: "5.3",
    };
    current = { id: header.msg_id, last: null };
    try {
      const parent = { header, parent_header: {}, metadata: {}, content: { code } };
      const reply = await Promise.race([remote.execute({ code }, parent), died]);
      if (reply.status === "error") throw pythonError(reply);
      return current.last;
    } finally {
      current = null;
    }
  }

  return {
    /**
     * Run `code`; resolve with the application/json data of the last
     * display_data that carried one (null if none), or reject with the
     * Python exception (error.ename, error.evalue, error.traceback).
     * Calls wait for the one before, so their messages never mix.
     */
    run(code) {
      const result = queue.then(() => execute(code));
      queue = result.catch(() => {}); // a failed run does not stop the next
      return result;
    },
    /** Stop the worker; the run under way and later ones reject. */
    terminate,
  };
}

function pythonError({ ename: raw, evalue, traceback }) {
  // pyodide-kernel 0.8.6 sends str(type(error)), "<class 'pkg.mod.Name'>";
  // Jupyter's ename (and the traceback's last line) is the bare class name
  const ename = String(raw).replace(/^<class '(?:[\w.]*\.)?(\w+)'>$/, "$1");
  const error = new Error(`${ename}: ${evalue}`);
  error.name = "PythonError";
  error.ename = ename;
  error.evalue = evalue;
  error.traceback = (traceback ?? []).join("\n").replace(ANSI, "");
  return error;
}
