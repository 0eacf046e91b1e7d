//! `cargo xtask build`: `trunk build --release` once per page, merged into `dist/`; each
//! page's inline loader script moved into a file so the Content-Security-Policy can forbid
//! inline scripts; the service worker stamped with the files to keep offline.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{cmd, dist_dir, root, run, Result};

/// The pages the app is built as: one bundle each, so a mode downloads only its screens.
/// (HTML source, page in `dist/`.) The server maps `/kiosk…` to `kiosk.html`, `/coach…` to
/// `coach.html`, `/bench` to `bench.html`, and every other route to `index.html`
/// ([`page_for`]).
/// The last field says whether the page is kept for offline use (the benchmark page is not).
pub const ENTRIES: [(&str, &str, bool); 4] = [
    ("index.html", "index.html", true),
    ("kiosk.html", "kiosk.html", true),
    ("coach.html", "coach.html", true),
    ("bench.html", "bench.html", false),
];

/// The page a client-side route belongs to.
pub fn page_for(path: &str) -> &'static str {
    let under = |base: &str| path == base || path.starts_with(&format!("{base}/"));
    if under("/kiosk") {
        "kiosk.html"
    } else if under("/coach") {
        "coach.html"
    } else if under("/bench") {
        "bench.html"
    } else {
        "index.html"
    }
}

/// Runs Trunk once per page (tools must already be set up) and merges the results into
/// `dist/`, then post-processes it.
pub fn build() -> Result<()> {
    let dist = dist_dir();
    let stages = dist.with_file_name("dist-stages");
    let _ = fs::remove_dir_all(&stages);
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(&dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;
    let mut offline = Vec::new();
    let mut online_only = Vec::new();
    // A development shortcut: `WERKMAP_PAGES=index,kiosk cargo xtask build` builds just those
    // pages (each page is a Trunk build of its own, minutes on two cores).
    let only: Option<Vec<String>> = std::env::var("WERKMAP_PAGES").ok().map(|pages| {
        pages
            .split(',')
            .map(|p| format!("{}.html", p.trim()))
            .collect()
    });
    for (source, page, keep_offline) in ENTRIES {
        if only
            .as_ref()
            .is_some_and(|only| !only.iter().any(|p| p == page))
        {
            println!("build: {page} skipped (WERKMAP_PAGES)");
            continue;
        }
        let stage = stages.join(page.trim_end_matches(".html"));
        run(cmd("trunk")
            .arg("build")
            .arg(source)
            .arg("--release")
            .arg("true")
            .arg("--dist")
            .arg(&stage))?;
        let script = externalize_loader(&stage)?;
        println!(
            "build: {page}: moved the inline loader to {}",
            script.file_name().unwrap_or_default().to_string_lossy()
        );
        let merged = merge_into(&stage, &dist, page)?;
        if keep_offline {
            offline.extend(merged);
        } else {
            online_only.extend(merged);
        }
    }
    let _ = fs::remove_dir_all(&stages);
    // A file the offline pages share with the bench page (the stylesheet) stays cached.
    online_only.retain(|name| !offline.contains(name));
    let (build_id, files) = stamp_service_worker(&dist, &online_only)?;
    println!(
        "build: service worker stamped with build {build_id} and {files} files to keep offline"
    );
    // Last, so that the worker's list names the files, not their compressed copies.
    run(cmd("node")
        .arg(root().join("xtask").join("precompress.mjs"))
        .arg(&dist))?;
    Ok(())
}

/// Copies one stage's files into `dist/`, its `index.html` as `page`, and returns their names
/// there. Files that several pages share (the stylesheet, icons) have the same name and
/// content.
fn merge_into(stage: &Path, dist: &Path, page: &str) -> Result<Vec<String>> {
    let mut files = Vec::new();
    list_files(stage, stage, &mut files)?;
    let mut merged = Vec::with_capacity(files.len());
    for file in files {
        let target = if file == "index.html" {
            dist.join(page)
        } else {
            dist.join(&file)
        };
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::copy(stage.join(&file), &target)
            .map_err(|e| format!("cannot copy {file} into {}: {e}", dist.display()))?;
        merged.push(if file == "index.html" {
            page.to_owned()
        } else {
            file
        });
    }
    Ok(merged)
}

/// Fills `dist/sw.js`'s placeholders: the build id (a hash over every file, so any change
/// makes a new worker and a new cache) and the list of files to keep for offline use: every
/// file but the worker, the `online_only` ones and [`NOT_OFFLINE`].
pub fn stamp_service_worker(dir: &Path, online_only: &[String]) -> Result<(String, usize)> {
    let worker = dir.join("sw.js");
    let template = fs::read_to_string(&worker)
        .map_err(|e| format!("cannot read {}: {e}", worker.display()))?;
    let mut names = Vec::new();
    list_files(dir, dir, &mut names)?;
    names.retain(|name| {
        name != "sw.js"
            && name != "index.html"
            && !NOT_OFFLINE.contains(&name.as_str())
            && !online_only.contains(name)
    });
    names.sort();
    // The worker's own code counts too: a change to it alone is a new build.
    let mut all = template.as_bytes().to_vec();
    for name in names.iter().map(String::as_str).chain(["index.html"]) {
        all.extend_from_slice(name.as_bytes());
        all.extend(fs::read(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?);
    }
    let build_id = format!("{:016x}", fnv1a64(&all));
    let list = names
        .iter()
        .map(|name| format!("\"/{name}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let stamped = fill_worker_template(&template, &build_id, &format!("[{list}]"))?;
    fs::write(&worker, stamped).map_err(|e| format!("cannot write {}: {e}", worker.display()))?;
    Ok((build_id, names.len()))
}

/// Data the app itself never loads, kept out of the offline cache: the vacancy templates
/// (read by the benchmark page and the generator).
const NOT_OFFLINE: [&str; 1] = ["data/vacancy_templates.json"];

/// Every file under `dir`, as a path relative to `root` with `/` separators.
fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries.filter_map(|entry| entry.ok()) {
        let path = entry.path();
        if path.is_dir() {
            list_files(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

fn fill_worker_template(template: &str, build_id: &str, files: &str) -> Result<String> {
    for placeholder in ["__WERKMAP_BUILD__", "__WERKMAP_FILES__"] {
        if !template.contains(placeholder) {
            return Err(format!("sw.js lacks the placeholder {placeholder}"));
        }
    }
    Ok(template
        .replace("__WERKMAP_BUILD__", build_id)
        .replace("__WERKMAP_FILES__", files))
}

/// Rewrites `dir/index.html` in place and writes `dir/start-<hash>.js`.
pub fn externalize_loader(dir: &Path) -> Result<PathBuf> {
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let out = extract_inline_loader(&html).map_err(|e| format!("{}: {e}", index.display()))?;
    let script_path = dir.join(&out.file_name);
    fs::write(&script_path, &out.script)
        .map_err(|e| format!("cannot write {}: {e}", script_path.display()))?;
    fs::write(&index, &out.html).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    Ok(script_path)
}

#[derive(Debug, PartialEq, Eq)]
pub struct Extracted {
    /// The page with the inline script replaced by `<script type="module" src=…>`.
    pub html: String,
    /// `start-<hash>.js`
    pub file_name: String,
    /// The former inline script body.
    pub script: String,
}

/// A `<script>` element found in a page.
struct ScriptTag {
    /// Byte range of the whole element, from `<script` to after `</script>`.
    start: usize,
    end: usize,
    attrs: Vec<(String, String)>,
    body: String,
}

impl ScriptTag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Inline code the browser would execute (so a CSP without
    /// 'unsafe-inline' would block it). Data blocks such as JSON-LD are not.
    fn is_inline_code(&self) -> bool {
        if self.attr("src").is_some() {
            return false;
        }
        let kind = self.attr("type").unwrap_or("").trim().to_ascii_lowercase();
        matches!(
            kind.as_str(),
            "" | "module"
                | "importmap"
                | "speculationrules"
                | "text/javascript"
                | "application/javascript"
                | "text/ecmascript"
                | "application/ecmascript"
        )
    }
}

/// Pure part of the post-processing: finds the single inline script (Trunk's
/// module loader), and returns the page that loads it from a file instead.
pub fn extract_inline_loader(html: &str) -> Result<Extracted> {
    let scripts = find_scripts(html)?;
    let inline: Vec<&ScriptTag> = scripts.iter().filter(|s| s.is_inline_code()).collect();
    let loader = match inline.as_slice() {
        [one] => *one,
        [] => {
            return Err(
                "no inline <script> found: expected exactly one, Trunk's module loader \
                        (is `inject_scripts` off or was the page already post-processed?)"
                    .into(),
            )
        }
        many => {
            let found: Vec<String> = many
                .iter()
                .map(|s| {
                    let snippet: String = s.body.trim().chars().take(60).collect();
                    format!("  at byte {}: {snippet:?}", s.start)
                })
                .collect();
            return Err(format!(
                "{} inline <script> elements found, expected exactly one (Trunk's loader); \
                 move the others into files:\n{}",
                many.len(),
                found.join("\n")
            ));
        }
    };
    if loader.attr("type") != Some("module") {
        return Err(
            "the inline <script> is not type=\"module\", so it is not Trunk's loader".into(),
        );
    }
    let mut script = loader.body.trim().to_string();
    script.push('\n');
    let file_name = format!("start-{:016x}.js", fnv1a64(script.as_bytes()));
    let base = import_base(&script).unwrap_or("/");
    let mut tag = format!(r#"<script type="module" src="{base}{file_name}""#);
    for (name, value) in &loader.attrs {
        // Keep a nonce or crossorigin attribute should Trunk add one.
        if name != "type" {
            tag.push_str(&format!(r#" {name}="{}""#, value.replace('"', "&quot;")));
        }
    }
    tag.push_str("></script>");
    let html = format!("{}{tag}{}", &html[..loader.start], &html[loader.end..]);
    Ok(Extracted {
        html,
        file_name,
        script,
    })
}

/// The directory part of the first `from '…'` import in the loader, i.e. Trunk's
/// public_url (`/` by default), so the new file is referenced the same way.
fn import_base(script: &str) -> Option<&str> {
    let at = script.find(" from ")? + " from ".len();
    let rest = &script[at..];
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let spec = &rest[1..1 + rest[1..].find(quote)?];
    Some(spec.rfind('/').map_or("", |i| &spec[..=i]))
}

/// 64-bit FNV-1a: a simple, stable content hash for the file name.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

fn starts_with_ci(haystack: &str, at: usize, needle: &str) -> bool {
    haystack
        .get(at..at + needle.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(needle))
}

fn find_ci(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let lower = haystack[from..].to_ascii_lowercase();
    lower.find(needle).map(|i| from + i)
}

/// All `<script>` elements outside comments, in order.
fn find_scripts(html: &str) -> Result<Vec<ScriptTag>> {
    let mut scripts = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        if html[at..].starts_with("<!--") {
            i = html[at + 4..]
                .find("-->")
                .map_or(html.len(), |e| at + 4 + e + 3);
            continue;
        }
        let after = at + "<script".len();
        let is_script = starts_with_ci(html, at, "<script")
            && html[after..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
        if !is_script {
            i = at + 1;
            continue;
        }
        let (attrs, open_end) = parse_attrs(html, after)
            .ok_or_else(|| format!("unterminated <script> tag at byte {at}"))?;
        let close = find_ci(html, open_end, "</script")
            .ok_or_else(|| format!("<script> at byte {at} has no </script>"))?;
        let end = html[close..]
            .find('>')
            .map(|e| close + e + 1)
            .ok_or_else(|| format!("unterminated </script> at byte {close}"))?;
        scripts.push(ScriptTag {
            start: at,
            end,
            attrs,
            body: html[open_end..close].to_string(),
        });
        i = end;
    }
    Ok(scripts)
}

/// Parses attributes from `from` up to the `>` ending the start tag; returns
/// them (names lowercased) and the index just after `>`.
fn parse_attrs(html: &str, from: usize) -> Option<(Vec<(String, String)>, usize)> {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => return Some((attrs, i + 1)),
            _ => {
                let name_start = i;
                while i < bytes.len()
                    && !bytes[i].is_ascii_whitespace()
                    && !matches!(bytes[i], b'=' | b'>' | b'/')
                {
                    i += 1;
                }
                let name = html[name_start..i].to_ascii_lowercase();
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let mut value = String::new();
                if bytes.get(i) == Some(&b'=') {
                    i += 1;
                    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    match bytes.get(i)? {
                        q @ (b'"' | b'\'') => {
                            let end = i + 1 + html[i + 1..].find(*q as char)?;
                            value = html[i + 1..end].to_string();
                            i = end + 1;
                        }
                        _ => {
                            let start = i;
                            while i < bytes.len()
                                && !bytes[i].is_ascii_whitespace()
                                && bytes[i] != b'>'
                            {
                                i += 1;
                            }
                            value = html[start..i].to_string();
                        }
                    }
                }
                attrs.push((name, value));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_PAGE: &str = r#"<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
<title>Werkmap</title>
<!-- <script>not a script</script> -->
<link rel="stylesheet" href="/style-0123456789abcdef.css" integrity="sha384-abc"/>
<script type="application/ld+json">{"@type": "WebApplication"}</script>

<script type="module">
import init, * as bindings from '/werkmap-web-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/werkmap-web-0123456789abcdef_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));

</script>
<link rel="modulepreload" href="/werkmap-web-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-x">
</head>
<body></body>
</html>
"#;

    #[test]
    fn service_worker_template_is_filled_or_refused() {
        let filled = fill_worker_template(
            "const BUILD = \"__WERKMAP_BUILD__\"; const FILES = __WERKMAP_FILES__;",
            "abc",
            "[\"/a.js\"]",
        );
        assert_eq!(
            filled.as_deref(),
            Ok("const BUILD = \"abc\"; const FILES = [\"/a.js\"];")
        );
        assert!(fill_worker_template("no placeholders", "abc", "[]").is_err());
    }

    #[test]
    fn moves_trunk_loader_into_a_file() {
        let out = extract_inline_loader(TRUNK_PAGE).unwrap();
        assert!(out
            .script
            .starts_with("import init, * as bindings from '/werkmap-web-"));
        assert!(out.script.ends_with("{detail: {wasm}}));\n"));
        let expected_name = format!("start-{:016x}.js", fnv1a64(out.script.as_bytes()));
        assert_eq!(out.file_name, expected_name);
        let tag = format!(r#"<script type="module" src="/{expected_name}"></script>"#);
        assert!(out
            .html
            .contains(&format!("\n{tag}\n<link rel=\"modulepreload\"")));
        assert!(!out.html.contains("import init"));
        // Everything else is untouched.
        assert!(out.html.contains("<!-- <script>not a script</script> -->"));
        assert!(out.html.contains(r#"<script type="application/ld+json">"#));
        assert!(out.html.contains("http-equiv=\"Content-Security-Policy\""));
        assert_eq!(
            out.html.matches("<script").count(),
            TRUNK_PAGE.matches("<script").count()
        );
        // Running again finds nothing to move.
        assert!(extract_inline_loader(&out.html).is_err());
    }

    #[test]
    fn hash_is_stable_and_content_addressed() {
        let a = extract_inline_loader(TRUNK_PAGE).unwrap();
        let b = extract_inline_loader(TRUNK_PAGE).unwrap();
        assert_eq!(a, b);
        let changed = TRUNK_PAGE.replace("0123456789abcdef", "fedcba9876543210");
        assert_ne!(
            extract_inline_loader(&changed).unwrap().file_name,
            a.file_name
        );
        // Known FNV-1a vectors.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn rejects_zero_or_several_inline_scripts() {
        let none = "<html><head><script src=\"/a.js\"></script></head></html>";
        assert!(extract_inline_loader(none)
            .unwrap_err()
            .contains("no inline"));
        let two = TRUNK_PAGE.replace("<body>", "<body><SCRIPT>console.log(1)</SCRIPT>");
        let err = extract_inline_loader(&two).unwrap_err();
        assert!(err.contains("2 inline <script> elements"), "{err}");
        let classic = "<script>alert(1)</script>";
        assert!(extract_inline_loader(classic).is_err());
    }

    #[test]
    fn handles_minified_and_relative_loaders() {
        let page = "<head><script type=module nonce=abc>import init from './app-1.js';await init('./app-1_bg.wasm')</script></head>";
        let out = extract_inline_loader(page).unwrap();
        assert_eq!(
            out.html,
            format!(
                r#"<head><script type="module" src="./{}" nonce="abc"></script></head>"#,
                out.file_name
            )
        );
        assert_eq!(
            out.script,
            "import init from './app-1.js';await init('./app-1_bg.wasm')\n"
        );
    }
}
