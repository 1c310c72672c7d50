// Stands in for `npm audit`, which cannot reach an advisory database from these machines:
// every dependency pinned exactly, nothing fetched from outside the npm registry, and no
// package with a known advisory (kept by hand below, with the advisory it answers to).
import { readFileSync } from 'node:fs';

const KNOWN_BAD = [
  {
    name: 'xlsx',
    why: 'SheetJS on npm (0.18.5): CVE-2023-30533 prototype pollution, CVE-2024-22363 ReDoS; fixed versions are not on npm',
  },
  {
    name: 'exceljs',
    why: 'unmaintained since 2023; heavy; pulls vulnerable transitive dependencies',
  },
  { name: 'node-xlsx', why: 'wraps npm xlsx 0.18.5 (CVE-2023-30533, CVE-2024-22363)' },
];
/**
 * Packages allowed only from a version on: SheetJS republished on npm by a third party
 * (README "Dependency decisions"), which must carry both SheetJS fixes.
 */
const MIN_VERSIONS = [
  {
    name: '@e965/xlsx',
    version: '0.20.2',
    why: 'SheetJS before 0.19.3 has CVE-2023-30533 (prototype pollution) and before 0.20.2 CVE-2024-22363 (ReDoS)',
  },
];
const REGISTRY = 'https://registry.npmjs.org/';

/** a < b for plain x.y.z versions (a pre-release of x.y.z counts as below it). */
function below(a, b) {
  const [core, pre] = a.split('-');
  const x = core.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return pre !== undefined;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const problems = [];

for (const field of ['dependencies', 'devDependencies']) {
  for (const [name, range] of Object.entries(pkg[field] ?? {})) {
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range))
      problems.push(`${field}.${name} is "${range}": pin an exact version`);
  }
}
let count = 0;
for (const [where, entry] of Object.entries(lock.packages ?? {})) {
  if (where === '') continue;
  count += 1;
  const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const bad = KNOWN_BAD.find((b) => b.name === name);
  if (bad) problems.push(`${name}@${entry.version} (${where}): ${bad.why}`);
  const floor = MIN_VERSIONS.find((m) => m.name === name);
  if (floor && below(entry.version, floor.version))
    problems.push(`${name}@${entry.version} (${where}): below ${floor.version}: ${floor.why}`);
  if (entry.resolved && !entry.resolved.startsWith(REGISTRY))
    problems.push(`${name} resolves outside the npm registry: ${entry.resolved}`);
}

if (problems.length > 0) {
  console.error(`check-deps: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `check-deps: ${count} locked packages, all pinned, none with a known advisory, all from the npm registry`,
);
