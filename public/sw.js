// Werkmap service worker: keeps the app's own files so it starts and works with no network
// (kiosk screens lose Wi-Fi). It caches only the app's static files and the site's published
// vacancies (/feed/) that were fetched — never user data, which lives in local storage
// (home) or in memory (kiosk).
//
// `cargo xtask build` fills in the build id and the list of files; a new build therefore
// has a new worker script, which installs a new cache and deletes the old one.
const BUILD = "__WERKMAP_BUILD__";
const FILES = __WERKMAP_FILES__;
const CACHE = "werkmap-app-" + BUILD;
// The site's published vacancies (`werkmap vacancies publish`): the manifest and the parts
// of it this device fetched, kept apart from the app's files (a new build keeps them, a new
// publication replaces them).
const FEED = "/feed/";
const FEED_MANIFEST = FEED + "manifest.json";
const FEED_CACHE = "werkmap-feed";

function pageFor(path) {
  const under = (base) => path === base || path.startsWith(base + "/");
  if (under("/kiosk")) return "/kiosk.html";
  if (under("/coach")) return "/coach.html";
  return "/";
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(["/", ...FILES])).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith("werkmap-app-") && name !== CACHE).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname.startsWith(FEED)) {
    event.respondWith(feed(request, url.pathname, event.clientId));
    return;
  }
  if (request.mode === "navigate") {
    // Pages: the network first (a new release shows at once when online), the cached
    // page of the route's mode when offline (kiosk and coach are pages of their own, as
    // in xtask/src/dist.rs `page_for`).
    event.respondWith(fetch(request).catch(() => caches.match(pageFor(url.pathname), { cacheName: CACHE })));
    return;
  }
  // Files with a content hash in their name never change: the cache first. Others (such as
  // kiosk.json, which staff may edit) come from the network when there is one.
  if (/-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(url.pathname)) {
    event.respondWith(
      caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)),
    );
    return;
  }
  event.respondWith(fetch(request).catch(() => caches.match(request, { cacheName: CACHE })));
});

// The manifest is the only file of a publication that changes: from the network when there
// is one (a new publication shows at once), from the cache offline. When it differs from the
// cached one, the files of the old publication are dropped; when the site has none any more,
// everything of it. Every other file's name carries its hash: the cache first.
async function feed(request, path, clientId) {
  if (path === FEED_MANIFEST) {
    let response;
    try {
      response = await fetch(request);
    } catch (offline) {
      const kept = await caches.match(path, { cacheName: FEED_CACHE });
      return kept || Response.error();
    }
    if (response.status === 404) {
      await caches.delete(FEED_CACHE);
      return response;
    }
    if (response.ok) {
      const cache = await caches.open(FEED_CACHE);
      const fresh = await response.clone().text();
      const kept = await cache.match(path);
      if (!kept || (await kept.text()) !== fresh) {
        for (const old of await cache.keys()) await cache.delete(old);
      }
      await cache.put(path, response.clone());
    }
    return response;
  }
  const kept = await caches.match(path, { cacheName: FEED_CACHE });
  if (kept) return kept;
  const response = await fetch(request);
  // A kiosk keeps nothing of a visitor: the part of the map near their postcode is not
  // stored for the next one to find.
  const client = clientId ? await self.clients.get(clientId) : null;
  const kiosk = client && new URL(client.url).pathname.startsWith("/kiosk");
  if (response.ok && !kiosk) {
    const cache = await caches.open(FEED_CACHE);
    await cache.put(path, response.clone());
  }
  return response;
}
