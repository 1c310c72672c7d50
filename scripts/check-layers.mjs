// Checks the import arrows between the parts of src/ against ARCHITECTURE.md: a part may import
// only the parts its row allows. The arrows the code still has against the design are listed
// one by one (KNOWN) with what is to change; the check fails on any other arrow, and on a listed
// one that is gone, so the list stays true as the code is fixed. Relative imports only: packages
// are the dependency guard's business (check-deps.mjs).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../src');

/** Part → the parts it may import (its own files always). Keep in step with ARCHITECTURE.md. */
const ALLOWED = {
  sql: [],
  text: ['sql'],
  zip: [],
  storage: [],
  db: [],
  i18n: [],
  framework: ['i18n', 'rules'],
  rules: ['framework', 'i18n', 'sql', 'text'],
  export: ['framework', 'zip'],
  ingest: ['db', 'export', 'framework', 'i18n', 'rules', 'sql', 'text', 'zip'],
  scoring: ['db', 'framework', 'rules', 'sql', 'text'],
  charts: ['i18n'],
  notebook: ['charts', 'db', 'framework', 'i18n', 'scoring', 'sql', 'storage'],
  whatif: ['db', 'framework', 'i18n', 'rules', 'sql', 'text'],
  workshop: ['framework', 'scoring', 'whatif'],
  workspace: [
    'db',
    'framework',
    'ingest',
    'notebook',
    'scoring',
    'sql',
    'storage',
    'whatif',
    'zip',
  ],
  session: [
    'db',
    'framework',
    'i18n',
    'ingest',
    'notebook',
    'scoring',
    'sql',
    'storage',
    'whatif',
    'workspace',
  ],
  view: ['db', 'export', 'framework', 'i18n', 'scoring', 'sql', 'text'],
  state: [
    'db',
    'export',
    'framework',
    'i18n',
    'ingest',
    'notebook',
    'scoring',
    'session',
    'sql',
    'storage',
    'text',
    'view',
    'whatif',
    'workspace',
  ],
  automation: ['db', 'ingest', 'state', 'whatif'],
  components: [
    'charts',
    'export',
    'framework',
    'i18n',
    'ingest',
    'notebook',
    'scoring',
    'state',
    'text',
    'view',
    'whatif',
    'workshop',
    'workspace',
  ],
  main: ['app', 'automation', 'components', 'state'],
  /** The service worker and the page's security policy, built apart from the app. */
  offline: [],
};

/** Arrows against the design still in the code: file → part, and what is to change (issue 22). */
const KNOWN = [];

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|svelte|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) files.push(p);
  }
};
walk(ROOT);

/** The part a file belongs to: lib/<part>/…, components/…, lib/automation.ts, main.ts. */
function partOf(file) {
  const [top, second, third] = path.relative(ROOT, file).split(path.sep);
  if (top === 'lib') return third === undefined ? second.replace(/\.\w+$/, '') : second;
  if (top === 'components') return 'components';
  return top.replace(/\.\w+$/, '');
}

const problems = [];
const seen = new Set();
for (const file of files) {
  const from = partOf(file);
  const rel = path.relative(ROOT, file);
  const allowed = ALLOWED[from];
  if (!allowed) {
    problems.push(`${rel}: part "${from}" is not in ARCHITECTURE.md (add it to ALLOWED)`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = path.resolve(path.dirname(file), m[1]);
    if (!target.startsWith(ROOT)) continue;
    const to = partOf(target);
    if (to === from || allowed.includes(to)) continue;
    const known = KNOWN.find(([f, p]) => f === rel && p === to);
    if (known) seen.add(`${rel} ${to}`);
    else problems.push(`${rel} imports ${m[1]}: ${from} may not import ${to} (ARCHITECTURE.md)`);
  }
}
for (const [file, part, why] of KNOWN) {
  if (!seen.has(`${file} ${part}`))
    problems.push(`${file} no longer imports ${part} (${why}): take it off KNOWN`);
}
if (problems.length > 0) {
  console.error(`Layering: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(
  `Layering: ${files.length} files, every import allowed (${KNOWN.length} known to fix).`,
);
