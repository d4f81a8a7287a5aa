// The link's threads load a bundle of their own that never loads the normalizers (src/batch/linkWorker.ts,
// tsup.config.ts): ~75 ms less per thread, three threads a run. Fails when dist/linkWorker.js or a chunk it
// imports brings in libphonenumber-js. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'dist');
const seen = new Set();
const loads = [];
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (text.includes('libphonenumber-js')) loads.push(path.relative(dist, file));
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.\/[^"]+\.js)"/g)) visit(path.join(path.dirname(file), m[1]));
};
visit(path.join(dist, 'linkWorker.js'));
if (loads.length > 0) {
  console.error(`dist/linkWorker.js loads libphonenumber-js through ${loads.join(', ')}: the link's threads would load the normalizers`);
  process.exit(1);
}
console.log(`dist/linkWorker.js: ${seen.size} file(s), no libphonenumber-js`);
