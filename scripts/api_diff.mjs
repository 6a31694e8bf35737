// Print api-smart-diff's classified changes between two OpenAPI documents as JSON.
// api-smart-diff is a library with no command line; scripts/gate_wire.py calls this.
// Usage: node scripts/api_diff.mjs BEFORE.json AFTER.json
// Exit status: 0 with the diff on stdout, 2 when a file cannot be read or compared.
import { readFileSync } from "node:fs";
import { apiCompare } from "api-smart-diff";

function load(path) {
  return JSON.parse(readFileSync(path, "utf-8"));
}

try {
  const [beforePath, afterPath] = process.argv.slice(2);
  const { diffs } = apiCompare(load(beforePath), load(afterPath));
  const changes = diffs.map(({ action, path, type, description, before, after }) => ({
    action, path, type, description, before, after,
  }));
  process.stdout.write(JSON.stringify(changes));
} catch (error) {
  process.stderr.write(`api_diff: ${error.message}\n`);
  process.exit(2);
}
