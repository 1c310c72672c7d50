// A file as it comes in: its name and its contents as a Blob. The Blob of a dropped file (or of
// one kept in IndexedDB) is read from disk when needed: the tab holds no copy of a large file.

export interface InputFile {
  name: string;
  data: Blob;
}

/** Bytes already in memory as a Blob: a fetched sample, a file sent with a notebook or a backup. */
export function blobOf(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

/** A Blob (or a part of one, `slice`d) read into memory as bytes. */
export async function blobBytes(data: Blob): Promise<Uint8Array> {
  return new Uint8Array(await data.arrayBuffer());
}

/** Files by key as bytes, for what is written whole (a backup, a notebook sent with its data). */
export async function bytesByKey(
  files: ReadonlyMap<string, Blob>,
): Promise<Map<string, Uint8Array>> {
  const entries = await Promise.all(
    [...files].map(async ([key, data]) => [key, await blobBytes(data)] as const),
  );
  return new Map(entries);
}
