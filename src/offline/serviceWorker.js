// The app offline. After the first visit every file the page needs (the page, its scripts and
// styles, DuckDB's wasm and worker, the XLSX worker, the sample) is in the browser's cache, and
// the app opens with the network off — in a meeting room without internet, or from a laptop.
// The build puts `ASSETS` (the files, relative to this script) and `VERSION` above this code.

const PREFIX = 'dti-lab-';
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

// A new version takes over at once and the caches of earlier versions go.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});

/** The page from the network when there is one (a newer version), else the cached one. */
async function page(request) {
  try {
    return await fetch(request);
  } catch {
    const cached = await caches.match(self.registration.scope, {
      cacheName: CACHE,
      ignoreVary: true,
    });
    return cached ?? Response.error();
  }
}

/** Files are named by their content: the cached copy is always right; others are kept once fetched. */
async function file(request) {
  // Servers add "Vary: Origin"; a module script's request carries an Origin the cached one did not.
  const cached = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}
