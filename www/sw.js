// Service worker: keeps the app's own files so that it opens offline after the first visit, from
// whatever sub-path it is served (everything is relative to this file's own scope).
//
// FILES is written after every build by scripts/sw-files.mjs: every file of dist/ with a hash of
// its content. A new deploy therefore changes this file; the browser installs the new worker,
// which caches the new files under a new name and deletes the old cache when it takes over.
const FILES = [];
const VERSION = 'unbuilt';
const CACHE = `dingdian-${VERSION}`;
const OWN = new Set(FILES.map(([file]) => file));
/** The file worker (reading imported files, writing downloads) is not needed to show a decision:
 * it is cached when first used, or when the page says it is idle, after the page's own files. */
const deferred = (file) => file.startsWith('dingdian-io');

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // './' is the address people open; index.html is what it serves.
      await cache.addAll(['./', ...FILES.map(([file]) => file).filter((f) => !deferred(f))]);
      await self.skipWaiting();
    })(),
  );
});

// The page is idle: the rest, so that importing works offline later too.
self.addEventListener('message', (event) => {
  if (event.data !== 'idle') return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const [file] of FILES.filter(([f]) => deferred(f))) {
        if (!(await cache.match(file, { ignoreSearch: true }))) await cache.add(file).catch(() => {});
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('dingdian-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const scope = new URL(self.registration.scope);
  const url = new URL(request.url);
  // Only the app's own files: anything else (a configured tile server, a file the build did
  // not make) goes to the network untouched.
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === 'navigate') {
    // The page itself: fresh from the network when there is one (a new deploy shows at once),
    // else the cached copy. `?lang=` does not make another page.
    event.respondWith(
      fetch(request).catch(async () => {
        const cache = await caches.open(CACHE);
        return (
          (await cache.match(request, { ignoreSearch: true })) ||
          (await cache.match(new URL('index.html', scope).href)) ||
          (await cache.match(scope.href)) ||
          Response.error()
        );
      }),
    );
    return;
  }
  if (!OWN.has(decodeURIComponent(url.pathname.slice(scope.pathname.length)))) return;
  // Hashed assets never change under their name: the cache first; one not cached yet (the file
  // worker before the page was idle) is kept once fetched.
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone()).catch(() => {});
      return response;
    })(),
  );
});
