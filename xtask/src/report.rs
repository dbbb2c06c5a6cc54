//! The change report of a regeneration: each module's new API compared with the snapshot the
//! previous generation left beside it, printed, and written with `--report PATH`.

use payments_codegen::report::{ModuleReport, Report, Surface};
use std::path::{Path, PathBuf};

/// The previous snapshot at `snapshot`: `None` when there is neither it nor the generated
/// `code`, `Some(None)` when there is code but no snapshot this generator reads (generated
/// before snapshots existed, or of another format): nothing to compare.
pub fn previous(snapshot: &Path, code: &Path) -> Option<Option<Surface>> {
    match std::fs::read_to_string(snapshot) {
        Ok(text) => Some(Surface::from_json(&text)),
        Err(_) => code.is_file().then_some(None),
    }
}

/// One module's report from its previous snapshot and its new surface (`None`: removed).
pub fn module(
    name: &str,
    before: &Option<Option<Surface>>,
    after: Option<&Surface>,
) -> ModuleReport {
    let before = before.as_ref().map(Option::as_ref);
    ModuleReport::new(name, before, after)
}

/// Prints the report and, with `--report PATH`, writes `PATH.json` and `PATH.md`.
pub fn publish(report: &Report, path: Option<&Path>) -> Result<(), String> {
    print!("{}", report.to_text());
    let Some(path) = path else {
        return Ok(());
    };
    let (json, markdown) = report_paths(path);
    for (file, text) in [(&json, report.to_json()), (&markdown, report.to_markdown())] {
        if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    }
    println!(
        "change report written to {} and {}",
        json.display(),
        markdown.display()
    );
    Ok(())
}

/// `PATH.json` and `PATH.md`; an extension `.json` or `.md` on `PATH` is dropped first.
fn report_paths(path: &Path) -> (PathBuf, PathBuf) {
    let stem = match path.extension().and_then(|e| e.to_str()) {
        Some("json" | "md") => path.with_extension(""),
        _ => path.to_path_buf(),
    };
    let with = |extension: &str| {
        let mut name = stem.clone().into_os_string();
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    };
    (with("json"), with("md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_paths_take_both_extensions() {
        for (given, json, md) in [
            ("out/report", "out/report.json", "out/report.md"),
            ("out/report.json", "out/report.json", "out/report.md"),
            ("report.md", "report.json", "report.md"),
            ("changes.v2", "changes.v2.json", "changes.v2.md"),
        ] {
            assert_eq!(
                report_paths(Path::new(given)),
                (PathBuf::from(json), PathBuf::from(md)),
                "{given}"
            );
        }
    }
}
