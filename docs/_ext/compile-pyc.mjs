// Compile the kernel's Python ahead, with the site's own Pyodide (run by kernel_boost.py).
//
//   node compile-pyc.mjs <lite folder> <probe.py>
//
// Pyodide's npm python_stdlib.zip and every wheel hold .py files only, so a
// visitor's browser compiles the whole start-up stack from source at every
// visit (about 2.4 s of a cold GARS page, and the same again on the second
// visit: it is CPU, not network). This script:
//
// 1. starts the site's Pyodide in Node with the site's lock and the packages
//    the kernel preloads, and runs <probe.py>: what the kernel worker and the
//    worksheets import at start, so the list of modules comes from running
//    them, never from a list kept by hand;
// 2. compiles each module it saw imported, in a clean Pyodide of the same
//    build (Python 3.14: the host's 3.11 would write bytecode 3.14 cannot
//    load), as an unchecked-hash .pyc (PEP 552): loaded without comparing it
//    with a source;
// 3. puts them in python_stdlib.zip in place of their sources (as Pyodide's
//    own distribution ships it: the bytecode is bigger than the source, and a
//    cold visit downloads both otherwise; a traceback through the standard
//    library then shows no source lines), and in the lock's wheels beside
//    their sources (__pycache__/x.cpython-314.pyc), which stay for the
//    tracebacks of the package, IPython and the kernel.
//
// Modules that are never imported get no .pyc: a .pyc of everything (pygments'
// hundreds of lexers included) would more than double the download.
// It prints one JSON line: {"modules": n, "imported": n, "missed": [files imported but
// not compiled], "files": {path: [bytes before, after]}};
// the caller updates the lock's hashes and checks the result.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [lite, probePath] = process.argv.slice(2);
const settings = JSON.parse(readFileSync(`${lite}/jupyter-lite.json`, "utf-8"))["jupyter-config-data"]
  .litePluginSettings["@jupyterlite/pyodide-kernel-extension:kernel"];
const { packages, lockFileURL } = settings.loadPyodideOptions;
const indexURL = `${lite}/static/pyodide/`;
const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);
const quiet = { stdout: () => {}, stderr: (line) => process.stderr.write(`${line}\n`) };

// 1. what a start imports (this Pyodide then holds the packages; it compiles nothing)
const probe = await loadPyodide({ indexURL, lockFileURL: `${lite}/${lockFileURL}`, packages, ...quiet });
await probe.runPythonAsync(readFileSync(probePath, "utf-8"));
const imported = probe.globals.get("IMPORTED").toJs();

// 2-3. a clean Pyodide compiles them, so no package state leaks into the bytecode
const py = await loadPyodide({ indexURL, ...quiet });
py.globals.set("IMPORTED", py.toPy(imported));
// the one writer of unchecked-hash .pyc files, shared with the page's zip (page_zip.py)
py.FS.mkdirTree("/compile_pyc");
for (const name of ["page_zip.py", "full_stdlib_finder.py"]) {
  py.FS.writeFile(`/compile_pyc/${name}`, readFileSync(new URL(name, import.meta.url)));
}
py.runPython(`
import sys, zipfile

sys.path.insert(0, "/compile_pyc")
from page_zip import pyc

TAG = sys.implementation.cache_tag


def rewrite(path: str, prefix: str, beside: bool) -> int:
    """Rewrite the zip at path with a .pyc for every imported .py in it; return how many.

    beside: keep the source and put the .pyc in __pycache__ (a wheel); else
    the .pyc replaces the source (the standard library's zip).
    """
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    added = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info, data in entries:
            name = prefix + info.filename
            compiled = info.filename.endswith(".py") and name in IMPORTED
            if beside or not compiled:
                out.writestr(info, data)
            if not compiled:
                continue
            folder, _, base = info.filename.rpartition("/")
            if beside:
                target = (folder + "/" if folder else "") + f"__pycache__/{base[:-3]}.{TAG}.pyc"
            else:
                target = info.filename + "c"
            out.writestr(zipfile.ZipInfo(target, info.date_time), pyc(data, name), zipfile.ZIP_DEFLATED, 9)
            added += 1
            COMPILED.add(name)
    return added


COMPILED = set()
`);
const rewrite = py.globals.get("rewrite");
const files = {};
let modules = 0;
function compileInto(path, prefix, beside) {
  const before = readFileSync(path);
  py.FS.writeFile("/tmp/archive.zip", before);
  modules += rewrite("/tmp/archive.zip", prefix, beside);
  const after = py.FS.readFile("/tmp/archive.zip");
  writeFileSync(path, after);
  files[path] = [before.length, after.length];
}
compileInto(`${indexURL}python_stdlib.zip`, "/lib/python314.zip/", false);
// "//lib/..." in Pyodide: the modules' __file__ has one leading slash
const site = py.runPython("import sysconfig; '/' + sysconfig.get_path('purelib').lstrip('/')");
const lock = JSON.parse(readFileSync(`${lite}/${lockFileURL}`, "utf-8"));
for (const pkg of Object.values(lock.packages)) {
  // wheels the lock serves from the site; the kernel extension's own (piplite,
  // pyodide-kernel) are listed by its index with their hashes and stay as they are
  if (!pkg.file_name.startsWith("../../static/pyodide-lock/")) continue;
  compileInto(`${lite}/static/pyodide-lock/${pkg.file_name.split("/").pop()}`, `${site}/`, true);
}
const missed = py.runPython("sorted(set(IMPORTED) - COMPILED)").toJs();
console.log(JSON.stringify({ modules, imported: imported.length, missed, files }));
