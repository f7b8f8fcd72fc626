#!/usr/bin/env node
// Reads a JSON array of {"tex": string, "display": bool} from stdin, renders each with KaTeX
// (throwOnError: true) and prints a JSON array of {"ok": bool, "error": string|null}, one per input,
// in the same order. Exit code: 0 when every item rendered, 1 when any failed, 2 on bad input.
"use strict";

const katex = require("katex");

function check(item) {
  try {
    katex.renderToString(item.tex, { throwOnError: true, displayMode: Boolean(item.display) });
    return { ok: true, error: null };
  } catch (err) {
    return { ok: false, error: String(err && err.message ? err.message : err) };
  }
}

function main(text) {
  let items;
  try {
    items = JSON.parse(text);
  } catch (err) {
    process.stderr.write(`katex_check: stdin is not JSON: ${err.message}\n`);
    return 2;
  }
  if (!Array.isArray(items) || !items.every((it) => it && typeof it.tex === "string")) {
    process.stderr.write('katex_check: expected a JSON array of {"tex": string, "display": bool}\n');
    return 2;
  }
  const results = items.map(check);
  process.stdout.write(JSON.stringify(results) + "\n");
  return results.every((r) => r.ok) ? 0 : 1;
}

const chunks = [];
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  process.exitCode = main(chunks.join(""));
});
