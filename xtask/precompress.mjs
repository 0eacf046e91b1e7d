// Precompressed copies of dist/'s text and WebAssembly files, as a static host serves them
// (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, most CDNs): `name.br`
// (Brotli, quality 11) and `name.gz` (gzip -9) beside each file, kept only when smaller.
// Run by `cargo xtask build` after the service worker is stamped, so the worker's list
// holds the files themselves only.
//
//   node xtask/precompress.mjs dist
import { readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|json|svg|webmanifest|txt|csv)$/;
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node xtask/precompress.mjs <dist dir>');
  process.exit(2);
}

function* files(root) {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield path;
  }
}

let count = 0;
let raw = 0;
let br = 0;
let gz = 0;
for (const path of files(dir)) {
  const bytes = readFileSync(path);
  if (bytes.length < 512) continue;
  const copies = [
    ['.br', brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: /\.wasm$/.test(path) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    })],
    ['.gz', gzipSync(bytes, { level: 9 })],
  ];
  for (const [suffix, compressed] of copies) {
    if (compressed.length < bytes.length * 0.95) {
      writeFileSync(path + suffix, compressed);
    } else {
      rmSync(path + suffix, { force: true });
    }
  }
  count += 1;
  raw += bytes.length;
  br += Math.min(copies[0][1].length, bytes.length);
  gz += Math.min(copies[1][1].length, bytes.length);
}
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`build: precompressed ${count} files: ${kib(raw)} raw, ${kib(gz)} gzip, ${kib(br)} brotli`);
