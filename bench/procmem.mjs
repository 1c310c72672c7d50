// Memory of the headless Chromium the benchmark drives, read from Linux's /proc: the page's
// Web Workers (DuckDB's, the XLSX reader's) are threads of its renderer process, so the tab is
// that process. PSS counts shared pages once across processes; the peak is the kernel's
// high-water mark of resident memory (VmHWM), which can be reset before a step.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** kB field of a /proc file ("Pss:", "VmHWM:" …) in bytes, or null. */
function field(file, name) {
  const m = read(file)?.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) * 1024 : null;
}

/** Every process of the Chromium that runs on `profileDir`: its browser process and descendants. */
export function chromiumProcesses(profileDir) {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => {
      const stat = read(`/proc/${d}/stat`);
      // Chromium rewrites its children's command lines as one string: read it as one.
      const cmd = read(`/proc/${d}/cmdline`)?.replaceAll('\0', ' ') ?? '';
      // The command name in stat is in brackets and may hold spaces: the parent comes after.
      const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : -1;
      return { pid: Number(d), ppid, cmd };
    });
  const root = all.find(
    (p) => p.cmd.includes(`--user-data-dir=${profileDir} `) && !p.cmd.includes('--type='),
  );
  if (!root) return [];
  const tree = [root];
  for (let i = 0; i < tree.length; i++)
    for (const p of all) if (p.ppid === tree[i].pid) tree.push(p);
  return tree.map((p) => ({
    pid: p.pid,
    type: /--type=(\S+)/.exec(p.cmd)?.[1] ?? 'browser',
    // Chromium's own pages (--top-chrome-webui) are renderers too, never the app's.
    webui: p.cmd.includes('--top-chrome-webui'),
  }));
}

export const pssOf = (pid) => field(`/proc/${pid}/smaps_rollup`, 'Pss');
export const rssOf = (pid) => field(`/proc/${pid}/status`, 'VmRSS');
export const peakRssOf = (pid) => field(`/proc/${pid}/status`, 'VmHWM');

/** Starts a new high-water mark of resident memory for the process (clear_refs 5). */
export function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * The renderer holding the page: of the renderers, the one with most memory (a spare renderer
 * Chromium keeps warm holds a few MB; the page's holds the app and DuckDB).
 */
export function pageRenderer(profileDir) {
  const renderers = chromiumProcesses(profileDir).filter((p) => p.type === 'renderer' && !p.webui);
  return renderers.sort((a, b) => (rssOf(b.pid) ?? 0) - (rssOf(a.pid) ?? 0))[0] ?? null;
}

/** PSS of the tab's renderer, its peak RSS, and PSS of all of Chromium's processes. */
export function memoryNow(profileDir, rendererPid) {
  const all = chromiumProcesses(profileDir);
  return {
    tabPss: pssOf(rendererPid),
    tabRss: rssOf(rendererPid),
    tabPeakRss: peakRssOf(rendererPid),
    browserPss: all.reduce((s, p) => s + (pssOf(p.pid) ?? 0), 0),
    processes: all.map((p) => ({ ...p, pss: pssOf(p.pid) })),
  };
}
