//! ARCHITECTURE.md's code map stays true: every source file under `src/` is named there,
//! so a newcomer finds each module and its invariant (issue 13).

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
