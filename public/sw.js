// Werkmap service worker: keeps the app's own files so it starts and works with no network
// (kiosk screens lose Wi-Fi). It caches only the app's static files — never user data,
// which lives in local storage (home) or in memory (kiosk).
//
// `cargo xtask build` fills in the build id and the list of files; a new build therefore
// has a new worker script, which installs a new cache and deletes the old one.
const BUILD = "__WERKMAP_BUILD__";
const FILES = __WERKMAP_FILES__;
const CACHE = "werkmap-app-" + BUILD;

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
