//! ARCHITECTURE.md's code map stays true: every source file under `src/` is named there,
//! so a newcomer finds each module and its invariant (issue 13).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_source_file_is_in_the_code_map() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 20, "the sources were found");
    let mut missing = Vec::new();
    for file in files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name == "mod.rs" || name == "lib.rs" || name == "main.rs" {
            continue; // named by their folder
        }
        // The code map names a file by its name ("`table.rs`") or its path in its folder
        // ("`selftest/answers.rs`"), or a folder of files by the folder ("`search/`").
        let folder = file
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let stem = name.trim_end_matches(".rs");
        let named = map.contains(&format!("`{name}`"))
            || map.contains(&format!("{folder}/{name}"))
            || map.contains(&format!("`{stem}.rs"))
            || map.contains(&format!("{name}`"))
            || map.contains(&format!(" {name}"))
            || map.contains(&format!("({name}"));
        if !named {
            missing.push(
                file.strip_prefix(root)
                    .unwrap_or(&file)
                    .display()
                    .to_string(),
            );
        }
    }
    assert!(
        missing.is_empty(),
        "files missing from ARCHITECTURE.md's code map: {missing:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// No import cycles in the core.

/// The folders of `src/core` whose files, too, may not depend on each other in a cycle.
const FOLDERS_WITHOUT_CYCLES: &[&str] = &["competence", "portfolio"];

/// One Rust file with its strings and comments blanked out (same length, same lines), and
/// the text of its doc comments by line.
struct Lexed {
    code: Vec<char>,
    /// Each doc comment's line, where it starts in the file, and its text.
    docs: Vec<(usize, usize, String)>,
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Blanks strings, characters and comments so that braces and paths are only code; keeps
/// the doc comments (`///`, `//!`) apart, since their links are dependencies too.
fn lex(source: &str) -> Lexed {
    let chars: Vec<char> = source.chars().collect();
    let mut code = chars.clone();
    let mut docs = Vec::new();
    let blank = |code: &mut Vec<char>, from: usize, to: usize| {
        for c in &mut code[from..to] {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |p| i + p);
            let text: String = chars[i..end].iter().collect();
            if (text.starts_with("///") && !text.starts_with("////")) || text.starts_with("//!") {
                docs.push((line, i, text[3..].to_string()));
            }
            blank(&mut code, i, end);
            i = end;
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            let start = i;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            blank(&mut code, start, i);
        } else if c == '"' || ((c == 'r' || c == 'b') && (i == 0 || !is_ident(chars[i - 1]))) {
            // "…", b"…", r#"…"#, br"…"
            let start = i;
            let mut j = i;
            if chars[j] == 'b' {
                j += 1;
            }
            let raw = chars.get(j) == Some(&'r');
            if raw {
                j += 1;
            }
            let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
            j += hashes;
            if chars.get(j) != Some(&'"') || (!raw && hashes > 0) {
                i += 1; // an identifier starting with r or b
                while i < chars.len() && is_ident(chars[i]) {
                    i += 1;
                }
                continue;
            }
            j += 1;
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while j < chars.len() {
                if !raw && chars[j] == '\\' {
                    j += 2;
                } else if chars[j..].starts_with(&closing) {
                    j += closing.len();
                    break;
                } else {
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    j += 1;
                }
            }
            blank(&mut code, start, j.min(chars.len()));
            i = j;
        } else if c == '\'' {
            // A character ('x', '\n', '\u{1F}') or a lifetime ('a).
            if next == Some('\\') {
                // '\n', '\'', '\u{1F}': the closing quote comes after the escaped character.
                let end = chars
                    .get(i + 3..)
                    .and_then(|rest| rest.iter().position(|&c| c == '\''))
                    .map_or(chars.len(), |p| i + 4 + p);
                blank(&mut code, i, end);
                i = end;
            } else if chars.get(i + 2) == Some(&'\'') {
                blank(&mut code, i, i + 3);
                i += 3;
            } else {
                i += 1;
            }
        } else if is_ident(c) {
            while i < chars.len() && is_ident(chars[i]) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    Lexed { code, docs }
}

/// The position just after the brace that closes the one at `open`.
fn closing_brace(code: &[char], open: usize) -> usize {
    let mut depth = 0;
    for (i, &c) in code.iter().enumerate().skip(open) {
        if c == '{' {
            depth += 1;
        } else if c == '}' {
            depth -= 1;
            if depth == 0 {
                return i + 1;
            }
        }
    }
    code.len()
}

/// A word of code at `i` (an identifier or one punctuation character), skipping white space.
fn token(code: &[char], mut i: usize) -> Option<(String, usize)> {
    while i < code.len() && code[i].is_whitespace() {
        i += 1;
    }
    let c = *code.get(i)?;
    if is_ident(c) {
        let end = code[i..]
            .iter()
            .position(|&c| !is_ident(c))
            .map_or(code.len(), |p| i + p);
        Some((code[i..end].iter().collect(), end))
    } else if c == ':' && code.get(i + 1) == Some(&':') {
        Some(("::".into(), i + 2))
    } else {
        Some((c.to_string(), i + 1))
    }
}

/// The paths of a path or use tree starting at `i` (`a::b::{c, d::e}` gives `a::b::c` and
/// `a::b::d::e`), each as its segments.
fn paths_at(code: &[char], i: usize) -> Vec<Vec<String>> {
    fn tree(code: &[char], mut i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
        let mut path = prefix;
        loop {
            match token(code, i) {
                Some((t, next)) if t == "{" => {
                    i = next;
                    loop {
                        i = tree(code, i, path.clone(), out);
                        match token(code, i) {
                            Some((t, next)) if t == "," => i = next,
                            Some((t, next)) if t == "}" => return next,
                            _ => return i,
                        }
                        if let Some((t, next)) = token(code, i) {
                            if t == "}" {
                                return next;
                            }
                        }
                    }
                }
                Some((t, next)) if t.chars().all(is_ident) || t == "*" => {
                    path.push(t);
                    i = next;
                    match token(code, i) {
                        Some((t, next)) if t == "::" => i = next,
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        out.push(path);
        // Skip an `as alias`.
        if let Some((t, next)) = token(code, i) {
            if t == "as" {
                return token(code, next).map_or(next, |(_, n)| n);
            }
        }
        i
    }
    let mut out = Vec::new();
    tree(code, i, Vec::new(), &mut out);
    out
}

/// A reference from code: the file and line it is on, and the path from `core` it names.
struct Reference {
    line: usize,
    path: Vec<String>,
    /// Written as `pub use child::…` in a folder's `mod.rs`: the folder's facade.
    facade: bool,
}

/// Every path in `source` (the file of module `module`, a path below `core`) that names an
/// item of the core: `crate::core::…`, `super::…` and `self::…`, and in a `mod.rs` a path
/// that starts with one of its `children`. Test code is left out: an item under
/// `#[cfg(test)]`, and the files such an item declares (returned apart).
fn references(
    source: &str,
    module: &[String],
    children: &[String],
) -> (Vec<Reference>, Vec<String>) {
    let Lexed { mut code, docs } = lex(source);
    let line_of = |code: &[char], at: usize| code[..at].iter().filter(|&&c| c == '\n').count() + 1;

    // Test items and the files they declare, blanked out; inline modules remembered.
    let mut test_files = Vec::new();
    let mut test_lines = Vec::new();
    let flat: String = code.iter().collect();
    let mut from = 0;
    while let Some(p) = flat[from..].find("#[cfg(test)]").map(|p| from + p) {
        let start = flat[..p].chars().count();
        let mut i = start + "#[cfg(test)]".len();
        let mut item = Vec::new();
        while let Some((t, next)) = token(&code, i) {
            if t == "{" {
                i = closing_brace(&code, next - 1);
                break;
            }
            i = next;
            if t == ";" {
                if item.first().is_some_and(|t| t == "mod") {
                    test_files.extend(item.get(1).cloned());
                }
                break;
            }
            if t != "pub" {
                item.push(t);
            }
        }
        let end = i.min(code.len());
        test_lines.push(line_of(&code, start)..=line_of(&code, end));
        for c in &mut code[start..end] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        from = p + 1;
    }
    let mut inline_modules = Vec::new(); // (name, start, end)
    let mut i = 0;
    while let Some((t, next)) = token(&code, i) {
        if t == "mod" {
            if let Some((name, after)) = token(&code, next) {
                if let Some(("{", open)) =
                    token(&code, after).as_ref().map(|(t, n)| (t.as_str(), *n))
                {
                    inline_modules.push((name, next, closing_brace(&code, open - 1)));
                }
            }
        }
        i = next;
    }

    let mut found = Vec::new();
    // `doc`: the line and position in the file of a doc comment being scanned.
    let scan = |code: &[char], doc: Option<(usize, usize)>, found: &mut Vec<Reference>| {
        let mut i = 0;
        let mut before = [String::new(), String::new()]; // the two tokens before this one
        while let Some((t, next)) = token(code, i) {
            // `a::b` continues a path; `mod child;` declares, it does not use.
            let start_of_path = before[1] != "::" && before[1] != "mod";
            let at = next - t.chars().count();
            let child_path =
                children.contains(&t) && token(code, next).is_some_and(|(after, _)| after == "::");
            if start_of_path && (t == "crate" || t == "super" || t == "self" || child_path) {
                // The module this code is in: the file's, and the inline modules around it.
                let mut here: Vec<String> = module.to_vec();
                let position = doc.map_or(at, |(_, offset)| offset);
                for (name, start, end) in &inline_modules {
                    if *start < position && position < *end {
                        here.push(name.clone());
                    }
                }
                let facade = child_path && before[0] == "pub" && before[1] == "use";
                for path in paths_at(code, at) {
                    let mut segments = path.into_iter().peekable();
                    let mut base = here.clone();
                    let resolved = match segments.peek().map(String::as_str) {
                        Some("crate") => {
                            segments.next();
                            if segments.next().as_deref() != Some("core") {
                                continue;
                            }
                            Vec::new()
                        }
                        Some("super") => {
                            while segments.peek().map(String::as_str) == Some("super") {
                                segments.next();
                                base.pop();
                            }
                            base
                        }
                        Some("self") => {
                            segments.next();
                            base
                        }
                        _ => base,
                    };
                    let path: Vec<String> = resolved.into_iter().chain(segments).collect();
                    if path.len() >= 2 || (path.len() == 1 && path[0] != "*") {
                        let line = doc.map_or_else(|| line_of(code, at), |(line, _)| line);
                        found.push(Reference { line, path, facade });
                    }
                }
            }
            before = [std::mem::take(&mut before[1]), t];
            i = next;
        }
    };
    scan(&code, None, &mut found);
    for (line, offset, text) in docs {
        if test_lines.iter().any(|r| r.contains(&line)) {
            continue;
        }
        let doc: Vec<char> = text.chars().collect();
        scan(&doc, Some((line, offset)), &mut found);
    }
    (found, test_files)
}

/// The Rust files under `dir`, each with its module path below `core`.
fn core_modules(dir: &Path) -> Vec<(PathBuf, Vec<String>)> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let relative = file.strip_prefix(dir).unwrap_or(&file).with_extension("");
            let mut module: Vec<String> = relative
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            (file, module)
        })
        .collect()
}

/// The strongly connected components of more than one node (Tarjan's algorithm).
fn cycles(nodes: &[String], edges: &BTreeMap<(String, String), String>) -> Vec<Vec<String>> {
    struct State<'a> {
        nodes: &'a [String],
        next: Vec<Vec<usize>>,
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        counter: usize,
        found: Vec<Vec<String>>,
    }
    fn visit(s: &mut State, v: usize) {
        s.index[v] = Some(s.counter);
        s.low[v] = s.counter;
        s.counter += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for w in s.next[v].clone() {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(index) if s.on_stack[w] => s.low[v] = s.low[v].min(index),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                component.push(s.nodes[w].clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let position = |n: &String| nodes.iter().position(|m| m == n);
    let mut next = vec![Vec::new(); nodes.len()];
    for (from, to) in edges.keys() {
        if let (Some(a), Some(b)) = (position(from), position(to)) {
            next[a].push(b);
        }
    }
    let mut state = State {
        nodes,
        next,
        index: vec![None; nodes.len()],
        low: vec![0; nodes.len()],
        on_stack: vec![false; nodes.len()],
        stack: Vec::new(),
        counter: 0,
        found: Vec::new(),
    };
    for v in 0..nodes.len() {
        if state.index[v].is_none() {
            visit(&mut state, v);
        }
    }
    state.found.sort();
    state.found
}

/// The top-level modules of `src/core` (each file or folder) import each other without a
/// cycle, and so do the files within the folders of [`FOLDERS_WITHOUT_CYCLES`]: a module
/// can be understood, tested and moved with what it depends on, never with what depends on
/// it.
///
/// What counts as a dependency: every `crate::core::x…` path and every `super::…`/`self::…`
/// path that reaches another module, in code and in doc comments (`///`, `//!`: a doc link
/// is resolved by rustdoc and breaks when its item moves, so it counts too). Plain `//`
/// comments, strings and test code do not count: an item under `#[cfg(test)]` (such as
/// `mod tests { … }`) and a file declared by one (`#[cfg(test)] mod tests;`). Within a
/// folder, a path to a name the folder's `mod.rs` re-exports leads to the file that
/// defines it, and `mod.rs`'s own `pub use child::…` re-exports are its facade, not edges.
#[test]
fn core_modules_have_no_import_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let modules = core_modules(&root);
    assert!(modules.len() > 40, "the core's files were found");
    let child_modules = |of: &[String]| -> Vec<String> {
        let mut children: Vec<String> = modules
            .iter()
            .filter(|(_, m)| m.len() == of.len() + 1 && m.starts_with(of))
            .map(|(_, m)| m[of.len()].clone())
            .collect();
        children.dedup();
        children
    };
    let top: Vec<String> = child_modules(&[]);

    // Every file's references; the files test items declare are left out.
    let mut test_files: Vec<Vec<String>> = Vec::new();
    let mut all = Vec::new();
    for (file, module) in &modules {
        let source = std::fs::read_to_string(file).expect("a core file");
        let is_mod_rs = file.file_name().is_some_and(|n| n == "mod.rs") || module.is_empty();
        let children = if is_mod_rs && !module.is_empty() {
            child_modules(module)
        } else {
            Vec::new()
        };
        let (found, tests) = references(&source, module, &children);
        for name in tests {
            // `#[cfg(test)] mod tests;` in a.rs or a/mod.rs is the module a::tests.
            let mut declared = module.clone();
            declared.push(name);
            test_files.push(declared);
        }
        let shown = file
            .strip_prefix(root.parent().and_then(Path::parent).unwrap_or(&root))
            .unwrap_or(file)
            .display()
            .to_string();
        all.push((shown, module.clone(), is_mod_rs, found));
    }
    all.retain(|(_, module, _, _)| !test_files.iter().any(|t| module.starts_with(t)));

    // The names each folder's mod.rs re-exports from its children.
    let mut reexports: BTreeMap<(String, String), String> = BTreeMap::new();
    for (_, module, is_mod_rs, found) in &all {
        if *is_mod_rs && module.len() == 1 {
            for r in found.iter().filter(|r| r.facade) {
                if let (Some(child), Some(name)) = (r.path.get(1), r.path.last()) {
                    reexports.insert((module[0].clone(), name.clone()), child.clone());
                }
            }
        }
    }

    let mut report = Vec::new();
    let mut graph = |name: &str, nodes: Vec<String>, edges: BTreeMap<(String, String), String>| {
        for component in cycles(&nodes, &edges) {
            let mut lines = vec![format!("{name}: cycle between {}", component.join(", "))];
            for ((from, to), at) in &edges {
                if component.contains(from) && component.contains(to) {
                    lines.push(format!("  {from} -> {to}  ({at})"));
                }
            }
            report.push(lines.join("\n"));
        }
    };

    // The top-level modules.
    let mut edges = BTreeMap::new();
    for (shown, module, _, found) in &all {
        let Some(from) = module.first() else { continue };
        for r in found {
            if let Some(to) = r.path.first().filter(|to| *to != from && top.contains(to)) {
                edges
                    .entry((from.clone(), to.clone()))
                    .or_insert_with(|| format!("{shown}:{}: {}", r.line, r.path.join("::")));
            }
        }
    }
    graph("src/core", top.clone(), edges);

    // The files within some folders.
    for folder in FOLDERS_WITHOUT_CYCLES {
        let files = child_modules(&[folder.to_string()]);
        let node = |child: &str| format!("{folder}/{child}");
        let mut nodes: Vec<String> = files.iter().map(|f| node(f)).collect();
        nodes.push(node("mod"));
        let mut edges = BTreeMap::new();
        for (shown, module, _, found) in &all {
            if module.first().map(String::as_str) != Some(folder) {
                continue;
            }
            let from = node(module.get(1).map_or("mod", String::as_str));
            for r in found.iter().filter(|r| !r.facade) {
                if r.path.first().map(String::as_str) != Some(folder) || r.path.len() < 2 {
                    continue;
                }
                let second = &r.path[1];
                let to = if files.contains(second) {
                    node(second)
                } else if let Some(child) = reexports.get(&(folder.to_string(), second.clone())) {
                    node(child)
                } else {
                    node("mod")
                };
                if to != from {
                    edges
                        .entry((from.clone(), to))
                        .or_insert_with(|| format!("{shown}:{}: {}", r.line, r.path.join("::")));
                }
            }
        }
        graph(folder, nodes, edges);
    }

    assert!(
        report.is_empty(),
        "import cycles in src/core (each edge with one place that makes it):\n{}",
        report.join("\n")
    );
}

/// The scanner behind [`core_modules_have_no_import_cycles`] reads paths as the compiler
/// resolves them, and leaves out what the test's docs say it leaves out.
#[test]
fn the_dependency_scanner_reads_paths_as_the_compiler_does() {
    let source = r##"
//! Links [`crate::core::alpha::A`] and [`super::beta`].
// A plain comment on crate::core::gamma does not count.
use crate::core::{delta::D, epsilon};
use super::{zeta, eta::E as Eta};
const S: &str = "crate::core::theta";
const R: &str = r#"super::theta"#;
const C: char = '\'';
const Q: char = '{';
pub mod inner {
    /// [`super::super::mu`]
    use super::super::iota::I;
}
fn f<'a>(x: &'a str) -> usize {
    crate::core::kappa::k(x)
}
#[cfg(test)]
mod tests {
    use crate::core::lambda::L;
}
#[cfg(test)]
mod more_tests;
use crate::core::nu;
"##;
    let (found, test_files) = references(source, &["here".to_owned()], &[]);
    let mut named: Vec<&str> = found.iter().map(|r| r.path[0].as_str()).collect();
    named.sort_unstable();
    named.dedup();
    assert_eq!(
        named,
        ["alpha", "beta", "delta", "epsilon", "eta", "iota", "kappa", "mu", "nu", "zeta"]
    );
    assert_eq!(test_files, ["more_tests"]);

    // In a folder's mod.rs: paths to its children, and its `pub use` facade.
    let source = "pub mod fit;\npub use fit::{gap, rank};\nfn f() { profile::new(); }\n";
    let children = ["fit".to_owned(), "profile".to_owned()];
    let (found, _) = references(source, &["competence".to_owned()], &children);
    let paths: Vec<(String, bool)> = found
        .iter()
        .map(|r| (r.path.join("::"), r.facade))
        .collect();
    assert_eq!(
        paths,
        [
            ("competence::fit::gap".to_owned(), true),
            ("competence::fit::rank".to_owned(), true),
            ("competence::profile::new".to_owned(), false),
        ]
    );

    let edges: BTreeMap<(String, String), String> =
        [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
            .into_iter()
            .map(|(from, to)| ((from.to_owned(), to.to_owned()), String::new()))
            .collect();
    let nodes: Vec<String> = ["a", "b", "c", "d"].map(str::to_owned).to_vec();
    assert_eq!(cycles(&nodes, &edges), [["a", "b", "c"]]);
}
