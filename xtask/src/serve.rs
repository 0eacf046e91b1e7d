//! A small std-only HTTP/1.1 static file server for `dist/`: GET and HEAD,
//! one thread per connection, `Connection: close`, single-page-app fallback. With a site
//! (`serve --site <published dir>`) it serves a publication of `werkmap vacancies publish`
//! under `/feed/` as a deployment should: the gzipped copies to clients that accept them,
//! hashed files cached for a year, the manifest revalidated on every visit.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Sent with every response; the page also carries the policy in a meta tag.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Serves `dir` on `addr` (use port 0 for any free port) from a background
/// thread. Returns the bound address and the accept loop's handle.
pub fn serve(dir: &Path, addr: impl ToSocketAddrs) -> io::Result<(SocketAddr, JoinHandle<()>)> {
    serve_with_log(dir, addr, false)
}

/// Like [`serve`], printing one line per request when `log` is set.
pub fn serve_with_log(
    dir: &Path,
    addr: impl ToSocketAddrs,
    log: bool,
) -> io::Result<(SocketAddr, JoinHandle<()>)> {
    serve_site(dir, None, addr, log)
}

/// Like [`serve_with_log`], with a publication served under `/feed/`.
pub fn serve_site(
    dir: &Path,
    feed: Option<&Path>,
    addr: impl ToSocketAddrs,
    log: bool,
) -> io::Result<(SocketAddr, JoinHandle<()>)> {
    let dir = dir.canonicalize()?;
    let feed = feed.map(Path::canonicalize).transpose()?;
    let listener = TcpListener::bind(addr)?;
    let local = listener.local_addr()?;
    let handle = thread::Builder::new()
        .name("xtask-serve".into())
        .spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let dir = dir.clone();
                let feed = feed.clone();
                let _ = thread::Builder::new()
                    .name("xtask-conn".into())
                    .spawn(move || {
                        if let Err(e) = handle(stream, &dir, feed.as_deref(), log) {
                            if log {
                                eprintln!("serve: connection error: {e}");
                            }
                        }
                    });
            }
        })?;
    Ok((local, handle))
}

struct Response {
    status: u16,
    reason: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    extra: Vec<(&'static str, &'static str)>,
}

impl Response {
    fn text(status: u16, reason: &'static str) -> Self {
        Response {
            status,
            reason,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status} {reason}\n").into_bytes(),
            extra: Vec::new(),
        }
    }
}

fn handle(stream: TcpStream, dir: &Path, feed: Option<&Path>, log: bool) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(60)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read (and ignore) the headers, up to the blank line.
    let mut total = request_line.len();
    let mut too_large = false;
    let mut gzip_ok = false;
    let mut br_ok = false;
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line)?;
        total += n;
        if n == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                let codings: Vec<&str> = value
                    .split(',')
                    .map(|c| c.split(';').next().unwrap_or("").trim())
                    .collect();
                gzip_ok |= codings.contains(&"gzip");
                br_ok |= codings.contains(&"br");
            }
        }
        if total > MAX_HEADER_BYTES {
            too_large = true;
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let head = method == "HEAD";
    let response = if too_large {
        Response::text(431, "Request Header Fields Too Large")
    } else if method.is_empty() || target.is_empty() {
        Response::text(400, "Bad Request")
    } else if method != "GET" && !head {
        let mut r = Response::text(405, "Method Not Allowed");
        r.extra.push(("Allow", "GET, HEAD"));
        r
    } else {
        let accepts = Accepts {
            br: br_ok,
            gzip: gzip_ok,
        };
        match (feed, feed_path(target)) {
            (Some(feed), Some(path)) => respond_feed(feed, &path, accepts),
            _ => respond(dir, target, accepts),
        }
    };
    if log {
        println!("{method} {target} {}", response.status);
    }
    write_response(stream, &response, head)
}

fn write_response(mut stream: TcpStream, r: &Response, head: bool) -> io::Result<()> {
    let cache = r
        .extra
        .iter()
        .find(|(name, _)| *name == "Cache-Control")
        .map_or("no-cache", |(_, value)| value);
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Content-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\nCache-Control: {cache}\r\nConnection: close\r\n",
        r.status,
        r.reason,
        r.content_type,
        r.body.len()
    );
    for (name, value) in r.extra.iter().filter(|(name, _)| *name != "Cache-Control") {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head {
        bytes.extend_from_slice(&r.body);
    }
    stream.write_all(&bytes)?;
    stream.flush()
}

/// The content codings a client takes.
#[derive(Debug, Clone, Copy, Default)]
struct Accepts {
    br: bool,
    gzip: bool,
}

/// A file of the app: its precompressed copy (`.br`, else `.gz`, made by `cargo xtask
/// build`) when the client takes that coding and the copy exists, as a static host with
/// precompressed files does; the file itself otherwise.
fn respond(dir: &Path, target: &str, accepts: Accepts) -> Response {
    match resolve(dir, target) {
        Ok(path) => file_response(&path, accepts, Vec::new()),
        Err(r) => r,
    }
}

/// `file`, or its precompressed copy (`.br`, else `.gz`) when the client takes that coding
/// and the copy exists; `extra` headers added, `Vary: Accept-Encoding` always.
fn file_response(
    file: &Path,
    accepts: Accepts,
    mut extra: Vec<(&'static str, &'static str)>,
) -> Response {
    if !file.is_file() {
        return Response::text(404, "Not Found");
    }
    extra.push(("Vary", "Accept-Encoding"));
    let copies = [("br", "br", accepts.br), ("gzip", "gz", accepts.gzip)];
    let copy = copies
        .into_iter()
        .filter(|(_, _, accepted)| *accepted)
        .find_map(|(coding, suffix, _)| {
            let body = fs::read(format!("{}.{suffix}", file.display())).ok()?;
            Some((coding, body))
        });
    let body = match copy {
        Some((coding, body)) => {
            extra.push(("Content-Encoding", coding));
            body
        }
        None => match fs::read(file) {
            Ok(body) => body,
            Err(_) => return Response::text(404, "Not Found"),
        },
    };
    Response {
        status: 200,
        reason: "OK",
        content_type: content_type(file),
        body,
        extra,
    }
}

/// The path inside the publication of a `/feed/…` request.
fn feed_path(target: &str) -> Option<String> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    decoded.strip_prefix("/feed/").map(str::to_owned)
}

/// A file of the publication: its gzipped copy when the client takes gzip and there is one;
/// hashed files cached for a year (their name changes with their content), the manifest
/// revalidated every time.
fn respond_feed(feed: &Path, path: &str, accepts: Accepts) -> Response {
    let safe = path.split('/').all(|segment| {
        !segment.is_empty() && segment != "." && segment != ".." && !segment.contains(['\\', '\0'])
    });
    if !safe {
        return Response::text(404, "Not Found");
    }
    let cache = if path == "manifest.json" {
        "no-cache"
    } else {
        "public, max-age=31536000, immutable"
    };
    file_response(&feed.join(path), accepts, vec![("Cache-Control", cache)])
}

/// Maps a request target to a file in `dir`: the file itself, or `index.html`
/// for extension-less paths that are not files (client-side routes).
fn resolve(dir: &Path, target: &str) -> Result<PathBuf, Response> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Err(Response::text(400, "Bad Request"));
    }
    let decoded = percent_decode(path).ok_or_else(|| Response::text(400, "Bad Request"))?;
    let mut file = dir.to_path_buf();
    let mut last = "";
    for segment in decoded.split('/') {
        if segment == ".." || segment.contains(['\\', '\0']) {
            return Err(Response::text(403, "Forbidden"));
        }
        if segment.is_empty() || segment == "." {
            last = "";
            continue;
        }
        file.push(segment);
        last = segment;
    }
    if file.is_file() {
        Ok(file)
    } else if Path::new(last).extension().is_none() {
        // A client-side route: the page of its mode.
        Ok(dir.join(crate::dist::page_for(&decoded)))
    } else {
        Err(Response::text(404, "Not Found"))
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(addr: SocketAddr, request: &str) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    }

    #[test]
    fn serves_files_routes_and_refusals() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        fs::create_dir_all(dir.join("snippets")).unwrap();
        fs::write(dir.join("index.html"), "<!doctype html><p>index</p>").unwrap();
        fs::write(dir.join("app_bg.wasm"), b"\0asm").unwrap();
        fs::write(dir.join("snippets/a b.js"), "export {}").unwrap();
        let (addr, _) = serve(&dir, "127.0.0.1:0").unwrap();

        let r = get(addr, "GET /app_bg.wasm HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(r.starts_with("HTTP/1.1 200 OK\r\n"), "{r}");
        assert!(r.contains("Content-Type: application/wasm\r\n"));
        assert!(r.contains("Content-Length: 4\r\n"));
        assert!(r.contains(&format!("Content-Security-Policy: {CSP}\r\n")));
        assert!(r.contains("X-Content-Type-Options: nosniff\r\n"));
        assert!(r.ends_with("\r\n\r\n\0asm"));

        let r = get(addr, "GET /snippets/a%20b.js?v=1 HTTP/1.1\r\n\r\n");
        assert!(
            r.contains("Content-Type: text/javascript; charset=utf-8"),
            "{r}"
        );

        for route in ["/", "/zelftest/over-jou", "/snippets"] {
            let r = get(addr, &format!("GET {route} HTTP/1.1\r\n\r\n"));
            assert!(r.starts_with("HTTP/1.1 200"), "{route}: {r}");
            assert!(
                r.contains("text/html") && r.ends_with("<p>index</p>"),
                "{route}"
            );
        }

        let r = get(addr, "HEAD /zelftest HTTP/1.1\r\n\r\n");
        assert!(
            r.starts_with("HTTP/1.1 200") && r.ends_with("\r\n\r\n"),
            "{r}"
        );

        assert!(get(addr, "GET /missing.js HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "GET /../etc/passwd HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 403"));
        assert!(get(addr, "GET /%2e%2e/x HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 403"));
        assert!(get(addr, "POST / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 405"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn serves_precompressed_copies_to_clients_that_take_them() {
        let dir = std::env::temp_dir().join(format!("xtask-precompressed-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), "<p>index</p>").unwrap();
        fs::write(dir.join("index.html.br"), b"BR").unwrap();
        fs::write(dir.join("index.html.gz"), b"GZ").unwrap();
        fs::write(dir.join("app.js"), "export {}").unwrap();
        fs::write(dir.join("app.js.gz"), b"JSGZ").unwrap();
        let (addr, _) = serve(&dir, "127.0.0.1:0").unwrap();

        let r = get(
            addr,
            "GET /zelftest HTTP/1.1\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n",
        );
        assert!(
            r.contains("Content-Encoding: br\r\n") && r.ends_with("\r\n\r\nBR"),
            "{r}"
        );
        assert!(r.contains("Content-Type: text/html") && r.contains("Vary: Accept-Encoding"));
        let r = get(addr, "GET / HTTP/1.1\r\nAccept-Encoding: gzip;q=1\r\n\r\n");
        assert!(
            r.contains("Content-Encoding: gzip\r\n") && r.ends_with("GZ"),
            "{r}"
        );
        // Only the coding asked for, and only where a copy exists.
        let r = get(addr, "GET /app.js HTTP/1.1\r\nAccept-Encoding: br\r\n\r\n");
        assert!(
            !r.contains("Content-Encoding") && r.ends_with("export {}"),
            "{r}"
        );
        let r = get(
            addr,
            "GET /app.js HTTP/1.1\r\nAccept-Encoding: brotli-ish\r\n\r\n",
        );
        assert!(!r.contains("Content-Encoding"), "{r}");
        let r = get(addr, "GET /app.js HTTP/1.1\r\n\r\n");
        assert!(
            !r.contains("Content-Encoding") && r.ends_with("export {}"),
            "{r}"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn serves_a_publication_with_gzip_and_cache_headers() {
        let root = std::env::temp_dir().join(format!("xtask-site-test-{}", std::process::id()));
        let (dist, feed) = (root.join("dist"), root.join("feed"));
        fs::create_dir_all(&dist).unwrap();
        fs::create_dir_all(feed.join("shards")).unwrap();
        fs::write(dist.join("index.html"), "<p>index</p>").unwrap();
        fs::write(feed.join("manifest.json"), "{}").unwrap();
        fs::write(feed.join("shards/a-0123456789abcdef.json"), "[1]").unwrap();
        fs::write(feed.join("shards/a-0123456789abcdef.json.gz"), b"GZ").unwrap();
        let (addr, _) = serve_site(&dist, Some(&feed), "127.0.0.1:0", false).unwrap();

        let r = get(addr, "GET /feed/manifest.json HTTP/1.1\r\n\r\n");
        assert!(
            r.starts_with("HTTP/1.1 200") && r.contains("Cache-Control: no-cache\r\n"),
            "{r}"
        );
        let shard = "GET /feed/shards/a-0123456789abcdef.json HTTP/1.1\r\n";
        let r = get(addr, &format!("{shard}Accept-Encoding: gzip, br\r\n\r\n"));
        assert!(
            r.contains("Content-Encoding: gzip\r\n") && r.ends_with("\r\n\r\nGZ"),
            "{r}"
        );
        assert!(
            r.contains("Cache-Control: public, max-age=31536000, immutable\r\n"),
            "{r}"
        );
        let r = get(addr, &format!("{shard}\r\n"));
        assert!(!r.contains("Content-Encoding") && r.ends_with("[1]"), "{r}");
        assert!(get(addr, "GET /feed/missing.json HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404"));
        assert!(
            get(addr, "GET /feed/../dist/index.html HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404")
        );
        assert!(get(addr, "GET /vacatures HTTP/1.1\r\n\r\n").ends_with("<p>index</p>"));
        fs::remove_dir_all(&root).unwrap();
    }
}
