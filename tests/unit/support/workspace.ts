// A fresh workspace on the Node engine, with the built-in frameworks and profiles registered.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/nodeEngine';
import { toRows, type Row } from '../../../src/lib/db/rows';
import { loadBuiltins } from '../../../src/lib/framework/builtin';
import { blobOf, type InputFile } from '../../../src/lib/ingest/inputFile';
import { readWorkbookHere } from '../../../src/lib/ingest/workbook';
import { openWorkspace, type Workspace } from '../../../src/lib/workspace/workspace';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** DuckDB instances no test holds: each gives the next workspace an empty database of its own. */
const idle: NodeDatabase[] = [];

/**
 * An empty workspace. Starting DuckDB takes a second, so a test file starts an instance only when
 * none is idle: one a test took is idle again when that test ends, and the next workspace on it
 * starts from an empty database on a new connection. A workspace made outside a test (in
 * `beforeAll`) keeps its instance for the whole file.
 */
export async function freshWorkspace(): Promise<Workspace> {
  const database = idle.pop() ?? (await openNodeDatabase());
  try {
    onTestFinished(() => void idle.push(database));
  } catch {
    // Not inside a test: the instance stays with this workspace.
  }
  return openWorkspace(database.freshEngine(), loadBuiltins(), readWorkbookHere);
}

/** A file made from bytes in memory, as the page makes a fetched sample. */
export function inputFile(name: string, bytes: Uint8Array): InputFile {
  return { name, data: blobOf(bytes) };
}

export function fileAt(relative: string, name = path.basename(relative)): InputFile {
  return inputFile(name, new Uint8Array(readFileSync(path.join(ROOT, relative))));
}

export function csvFile(name: string, text: string): InputFile {
  return inputFile(name, new TextEncoder().encode(text));
}

export async function rows(ws: Workspace, sql: string): Promise<Row[]> {
  return toRows(await ws.engine.query(sql));
}
