// Write a chapter page's Python as one zip, with the site's own Pyodide (run by page_python.py).
//
//   node page-python.mjs <Pyodide folder> <toolkit_widgets wheel> <out zip>
//
// 1. A fresh Pyodide imports the package from its wheel (the lock's, the one
//    the notebooks install) and runs page_python_probe.py: what a page's
//    worker imports, seen by running it, never listed by hand.
// 2. page_zip.py writes those standard library modules, the package and
//    full_stdlib_finder.py into <out zip>, compiled by this Pyodide (3.14).
// 3. A second fresh Pyodide starts from <out zip> alone, as a page does, and
//    runs the probe again with the finder in place: any module it had to
//    look for in the full standard library is reported as "wanted" (the page
//    would then download that library at every visit), and the caller fails.
//
// It prints one JSON line: {"entries": n, "bytes": n, "imported": n,
// "wanted": [modules], "home": toolkit_widgets.web's file in the check}.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [indexURL, wheelPath, out] = process.argv.slice(2);
const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const { loadPyodide } = await import(pathToFileURL(`${indexURL}/pyodide.mjs`).href);
const quiet = { stdout: () => {}, stderr: (line) => process.stderr.write(`${line}\n`) };
const probe = readFileSync(here("page_python_probe.py"), "utf-8");
const BUILD = "/page_build";

function copyIn(py, files) {
  py.FS.mkdirTree(BUILD);
  for (const [name, path] of Object.entries(files)) py.FS.writeFile(`${BUILD}/${name}`, readFileSync(path));
}

// 1. what a page imports, its package imported from the wheel as the page's zip holds it
const py = await loadPyodide({ indexURL: `${indexURL}/`, ...quiet });
const wheel = `${BUILD}/${basename(wheelPath)}`;
copyIn(py, {
  [basename(wheelPath)]: wheelPath,
  "page_zip.py": here("page_zip.py"),
  "full_stdlib_finder.py": here("full_stdlib_finder.py"),
});
py.globals.set("WHEEL", wheel);
py.runPython("import sys; sys.path.insert(0, WHEEL)");
await py.runPythonAsync(probe);
const imported = py.globals.get("IMPORTED").toJs();

// 2. the zip (the standard library is mounted at /lib/python3XY.zip; the page's zip will be)
const built = py.runPython(`
import sys, zipfile
sys.path.insert(0, "${BUILD}")
import page_zip, full_stdlib_finder
stdlib = full_stdlib_finder.page_zip_on_path()
zipfile.ZipFile(WHEEL).extractall("${BUILD}/wheel", [
    name for name in zipfile.ZipFile(WHEEL).namelist() if name.startswith("toolkit_widgets/")])
page_zip.build("${BUILD}/page-python.zip", stdlib, stdlib, IMPORTED,
               {"toolkit_widgets": "${BUILD}/wheel/toolkit_widgets"},
               {"full_stdlib_finder": "${BUILD}/full_stdlib_finder.py"})
`).toJs({ dict_converter: Object.fromEntries });
writeFileSync(out, py.FS.readFile(`${BUILD}/page-python.zip`));

// 3. a page's start from the zip alone, with the finder that must not be needed
const page = await loadPyodide({ indexURL: `${indexURL}/`, stdLibURL: out, ...quiet });
const finder = page.pyimport("full_stdlib_finder").install(() => {
  throw new Error("the build fetches nothing");
});
await page.runPythonAsync(probe);
const home = page.runPython("import toolkit_widgets.web; toolkit_widgets.web.__file__");
console.log(JSON.stringify({ ...built, imported: imported.length, wanted: finder.wanted.toJs(), home }));
