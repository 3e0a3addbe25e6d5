// dingdian's engine as WebAssembly in Node (no DOM): bench/wasm.rs through wasm-bindgen.
//   node node_wasm.mjs PKG_DIR DATA.json RUNS OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [pkg, dataPath, runs, outPath] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const wasm = require(path.resolve(pkg, 'bench_wasm.js'));
const report = JSON.parse(wasm.compare(readFileSync(dataPath), Number(runs)));
report.tool += `, Node ${process.versions.node}`;
writeFileSync(outPath, JSON.stringify(report));
