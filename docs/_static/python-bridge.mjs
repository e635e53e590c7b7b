/**
 * Start the page's Python (python-worker.mjs: the site's Pyodide with
 * toolkit_widgets) in a Web Worker, and call toolkit_widgets.web in it.
 *
 *   import { startPython } from "./_static/python-bridge.mjs";
 *   const python = await startPython("./", { onStatus: (state) => ... });
 *   const reply = await python.call("compute", "gars", JSON.stringify(state));
 *
 * Python runs off the main thread, so typing is never blocked. The worker
 * finds its own way to Pyodide (_static/python-config.json): no step of its
 * start waits for the page.
 */
import * as Comlink from "./comlink.mjs";

/** The worker's address under the site root. */
const WORKER = "_static/python-worker.mjs";

/**
 * Wait until Python and toolkit_widgets are loaded in the worker.
 *
 * @param {string} [siteRoot] the site root, relative to the page or absolute;
 *   by default the root Sphinx writes on <html data-content_root>.
 * @param {{onStatus?: (state: "starting"|"ready"|"failed", error?: Error) => void}} [hooks]
 *   onStatus is told where Python is, for a status line; "failed" also comes
 *   later if the worker dies.
 * @returns {Promise<{call: (fn: string, ...args: string[]) => Promise<object>, terminate: () => void}>}
 *   rejects (after "failed") if the worker, its configuration, Pyodide or the
 *   package cannot load. Pyodide does not reject when its WebAssembly is
 *   blocked (it only warns and waits), so a page should also speak up when
 *   "ready" is long in coming, as the worksheet note does after a minute.
 */
export async function startPython(
  siteRoot = document.documentElement.dataset.content_root ?? "./",
  { onStatus = () => {} } = {},
) {
  const root = new URL(siteRoot.endsWith("/") ? siteRoot : `${siteRoot}/`, document.baseURI);
  let worker;
  let started = false;
  let stopped = false;
  let stop;
  try {
    onStatus("starting");
    worker = new Worker(new URL(WORKER, root), { type: "module" });
    // a worker that fails to load or crashes answers no Comlink call: every
    // wait below races this promise, so that it rejects instead of hanging
    const died = new Promise((_, reject) => {
      stop = reject;
      const fail = (event) =>
        reject(new Error(`The Python worker failed: ${event.message || "it did not load or stopped"}`));
      worker.addEventListener("error", fail);
      worker.addEventListener("messageerror", fail);
    });
    died.catch((error) => started && !stopped && onStatus("failed", error));
    const remote = Comlink.wrap(worker);
    await Promise.race([remote.ready(), died]);
    started = true;
    onStatus("ready");
    return {
      /**
       * toolkit_widgets.web.<fn>(...args), every argument text: resolves with
       * its JSON reply, parsed, or rejects with the Python exception
       * (error.ename, error.evalue, error.traceback).
       */
      async call(fn, ...args) {
        const answer = await Promise.race([remote.call(fn, args.map(String)), died]);
        if (answer.error) throw pythonError(answer.error);
        return JSON.parse(answer.reply);
      },
      /** Stop the worker; the call under way and later ones reject. */
      terminate() {
        stopped = true;
        worker.terminate();
        stop(new Error("The Python worker was stopped."));
      },
    };
  } catch (error) {
    worker?.terminate();
    onStatus("failed", error);
    throw error;
  }
}

function pythonError({ ename, evalue, traceback }) {
  const error = new Error(`${ename}: ${evalue}`);
  error.name = "PythonError";
  error.ename = ename;
  error.evalue = evalue;
  error.traceback = traceback;
  return error;
}
