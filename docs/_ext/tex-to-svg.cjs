// TeX to SVG at build time, for docs/_ext/math_svg.py: MathJax (the npm
// package's es5 components, unpacked from the pinned tarball) run in Node.
//
//   node tex-to-svg.cjs <mathjax es5 folder>
//
// First line out: {"css": MathJax's stylesheet for its SVG output}. Then for
// each line in, {"tex": "...", "display": true|false}, one line out:
// {"html": "<mjx-container ...>"} or {"error": "why"}. Each formula carries
// hidden MathML for screen readers (a11y/assistive-mml); the SVG itself is
// aria-hidden. A TeX error or an undefined command is an error, never red text
// on the page.
"use strict";

const path = require("path");
const readline = require("readline");

const es5 = path.resolve(process.argv[2]);

require(path.join(es5, "node-main.js"))
  .init({
    loader: {
      paths: { mathjax: es5 },
      load: ["input/tex", "output/svg", "adaptors/liteDOM", "a11y/assistive-mml"],
    },
    tex: {
      packages: { "[-]": ["noundefined", "require", "autoload"] },
      formatError: (_jax, error) => {
        throw error;
      },
    },
    // every formula draws its own glyphs: a page needs no shared glyph cache
    svg: { fontCache: "none" },
    startup: { typeset: false },
  })
  .then((MathJax) => {
    const adaptor = MathJax.startup.adaptor;
    const say = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);
    say({ css: adaptor.textContent(MathJax.svgStylesheet()) });
    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    lines.on("line", (line) => {
      try {
        const { tex, display } = JSON.parse(line);
        MathJax.texReset();
        say({ html: adaptor.outerHTML(MathJax.tex2svg(tex, { display: Boolean(display) })) });
      } catch (error) {
        say({ error: String(error && error.message ? error.message : error) });
      }
    });
  })
  .catch((error) => {
    process.stderr.write(`MathJax did not start: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
