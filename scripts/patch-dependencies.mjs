// Fixes to installed dependencies that upstream has not released yet, applied after every
// `npm install` (package.json "postinstall"). Each names the package version it was written for
// and the exact text it replaces; a different version or text stops the install, so an upgrade is
// checked against the upstream fix instead of silently losing it. Running it twice changes nothing.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules");

const patches = [
  {
    // postgres.js 3.4.9 can write a transaction's BEGIN and skip reserving its connection: the
    // reservation was the last term of the `&&` chain that also asks whether the connection's
    // pipeline has room, so a BEGIN that filled a pipeline (100 queries by default, reached when
    // many requests write at once) left the transaction on a connection the pool handed out again.
    // PostgreSQL then saw a second BEGIN and the request failed with UNSAFE_TRANSACTION
    // (porsager/postgres#823, #1189; the fix proposed in #1218). Once BEGIN is written, the
    // connection is reserved, and the connection takes no further pipelined queries, as when the
    // reservation already ran. tests/postgres-transactions.test.ts shows the case.
    package: "postgres",
    version: "3.4.9",
    files: ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"],
    find: [
      "      return write(toBuffer(q))",
      "        && !q.describeFirst",
      "        && !q.cursorFn",
      "        && sent.length < max_pipeline",
      "        && (!q.options.onexecute || q.options.onexecute(connection))",
    ].join("\n"),
    replace: [
      "      const written = write(toBuffer(q))",
      "      if (q.options.onexecute) // Norms Forum: scripts/patch-dependencies.mjs",
      "        return q.options.onexecute(connection), false",
      "      return written",
      "        && !q.describeFirst",
      "        && !q.cursorFn",
      "        && sent.length < max_pipeline",
    ].join("\n"),
  },
];

for (const patch of patches) {
  const root = path.join(modules, patch.package);
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  if (version !== patch.version) {
    throw new Error(
      `scripts/patch-dependencies.mjs: ${patch.package} is ${version}, the patch was written for ${patch.version}. ` +
        "Check whether the new version has the fix, then update or remove the patch.",
    );
  }
  for (const file of patch.files) {
    const full = path.join(root, file);
    const text = readFileSync(full, "utf8");
    if (text.includes(patch.replace)) continue;
    if (!text.includes(patch.find)) {
      throw new Error(`scripts/patch-dependencies.mjs: ${patch.package}/${file} does not have the text the patch replaces.`);
    }
    writeFileSync(full, text.replace(patch.find, patch.replace));
    console.log(`patched ${patch.package}@${version} ${file}`);
  }
}
