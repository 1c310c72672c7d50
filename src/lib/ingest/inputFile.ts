// A file as it comes in: its name and its contents as a Blob. The Blob of a dropped file (or of
// one kept in IndexedDB) is read from disk when needed: the tab holds no copy of a large file.

export interface InputFile {
  name: string;
  data: Blob;
}

/** A file made from bytes already in memory: a fetched sample, a file sent with a notebook. */
export function inputFile(name: string, bytes: Uint8Array): InputFile {
  return { name, data: new Blob([bytes as Uint8Array<ArrayBuffer>]) };
}

/** The whole file as bytes, for what must read all of it at once (a workbook, a backup). */
export async function fileBytes(file: InputFile): Promise<Uint8Array> {
  return new Uint8Array(await file.data.arrayBuffer());
}

/** Files by key as bytes, for what is written whole (a backup, a notebook sent with its data). */
export async function bytesByKey(
  files: ReadonlyMap<string, Blob>,
): Promise<Map<string, Uint8Array>> {
  const entries = await Promise.all(
    [...files].map(async ([key, data]) => [key, new Uint8Array(await data.arrayBuffer())] as const),
  );
  return new Map(entries);
}
