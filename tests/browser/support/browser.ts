// Headless Debian Chromium driven by playwright-core, with every request the page makes
// recorded so a test can prove nothing left the page's origin.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/chromium.mjs';
import { inject } from 'vitest';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

export interface Session {
  context: BrowserContext;
  /**
   * The browser profile folder: another session on it sees the same storage. `close()` deletes
   * it; to open it again after this session, close `context` instead.
   */
  profile: string;
  page: Page;
  baseUrl: string;
  requests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export function openApp(viewport = { width: 1366, height: 768 }): Promise<Session> {
  return openAppAt(inject('baseUrl'), viewport);
}

/** The app as served from `baseUrl` (another server, another folder). */
export function openAppAt(
  baseUrl: string,
  viewport = { width: 1366, height: 768 },
): Promise<Session> {
  mkdirSync(SCRATCH, { recursive: true });
  return openProfile(baseUrl, mkdtempSync(path.join(SCRATCH, 'chromium-')), viewport);
}

const SCRATCH = path.resolve(import.meta.dirname, '../../../.tmp');

/** The app in a browser on `profile`: a new one, or one a session before left behind. */
export async function openProfile(
  baseUrl: string,
  profile: string,
  viewport = { width: 1366, height: 768 },
): Promise<Session> {
  const context = await launchChromium(profile, {
    viewport,
    env: { ...process.env, TMPDIR: SCRATCH },
  });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(baseUrl);
  await page.evaluate(() => window.dtiLab.ready);
  return {
    context,
    profile,
    page,
    baseUrl,
    requests,
    consoleErrors,
    close: async () => {
      await context.close();
      // A profile holds the service worker's copy of the app (≈ 75 MB): left behind, every run
      // would add gigabytes to the disk, and a full disk leaves a page no storage quota.
      await rm(profile, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Requests that went anywhere but the page's own origin (data: and blob: stay in the page). */
export function foreignRequests(s: Session): string[] {
  const origin = new URL(s.baseUrl).origin;
  return s.requests.filter(
    (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
  );
}

export { os };
