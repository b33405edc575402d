// What the browser tests share: their command line and the pages of a built site.
import fs from "node:fs";
import path from "node:path";

// --key value pairs; each of `required` must be given (`usage`: where the usage is written).
export function ParseArgs(argv, required, usage) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, "")] = argv[i + 1];
  for (const k of required)
    if (!args[k]) throw new Error(`missing --${k}; see the usage at the top of ${usage}`);
  return args;
}

// Every .html file below `site`, as a site-relative path with "/", sorted.
export function HtmlPages(site) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) out.push(path.relative(site, p).split(path.sep).join("/"));
    }
  };
  walk(site);
  return out.sort();
}
