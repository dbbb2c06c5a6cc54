//! `cargo xtask codegen`: the bundled specs → payments-models/src, or any spec → a crate.

use payments_codegen::{generate_file, EmitOptions, Options};
use std::path::{Path, PathBuf};

/// The bundled provider documents: spec file stem → module of payments-models.
pub const PROVIDERS: &[(&str, &str)] = &[
    ("layer2", "layer2"),
    ("formance-v1", "formance_v1"),
    ("formance-v3", "formance_v3"),
    ("flexprice", "flexprice"),
    ("papaya", "papaya"),
];

pub fn run(args: &[String]) -> Result<(), String> {
    let mut check = false;
    let mut spec = None;
    let mut out = None;
    let mut crate_name = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--spec" => spec = Some(PathBuf::from(rest.next().ok_or("--spec needs a FILE")?)),
            "--out" => out = Some(PathBuf::from(rest.next().ok_or("--out needs a DIR")?)),
            "--crate-name" => {
                crate_name = Some(rest.next().ok_or("--crate-name needs a NAME")?.clone())
            }
            other => return Err(format!("unknown argument `{other}`\n\n{}", super::USAGE)),
        }
    }
    match (spec, out) {
        (None, None) => bundled(check),
        (Some(spec), Some(out)) => {
            let name = crate_name.unwrap_or_else(|| default_crate_name(&spec));
            standalone(&spec, &out, &name, check)
        }
        _ => Err("--spec and --out go together".to_owned()),
    }
}

/// The workspace root (xtask lives one level below it).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

fn bundled(check: bool) -> Result<(), String> {
    let root = workspace_root();
    let mut stale = Vec::new();
    let mut written = 0;
    for (stem, module) in PROVIDERS {
        let spec = root.join("specs").join(format!("{stem}.yaml"));
        let options = Options {
            spec_label: format!("specs/{stem}.yaml"),
            emit: EmitOptions {
                module_path: Some((*module).to_owned()),
                macro_prefix: Some((*module).to_owned()),
            },
        };
        let generated = generate_file(&spec, &options).map_err(|e| e.to_string())?;
        let target = root
            .join("payments-models/src")
            .join(format!("{module}.rs"));
        let current = std::fs::read_to_string(&target).ok();
        if current.as_deref() == Some(generated.source.as_str()) {
            continue;
        }
        if check {
            stale.push(format!("payments-models/src/{module}.rs"));
        } else {
            std::fs::write(&target, &generated.source)
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
            written += 1;
        }
    }
    if !stale.is_empty() {
        return Err(format!(
            "the checked-in models are stale; run `cargo xtask codegen` and commit:\n  {}",
            stale.join("\n  ")
        ));
    }
    if !check {
        println!(
            "codegen: {} provider modules, {written} rewritten",
            PROVIDERS.len()
        );
    }
    Ok(())
}

fn default_crate_name(spec: &Path) -> String {
    let stem = spec
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("models");
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("{}-models", cleaned.trim_matches('-'))
}

/// Writes a self-contained models crate for any spec: `DIR/Cargo.toml` and `DIR/src/lib.rs`.
fn standalone(spec: &Path, out: &Path, crate_name: &str, check: bool) -> Result<(), String> {
    let generated = payments_codegen::standalone::crate_files(spec, crate_name, &workspace_root())
        .map_err(|e| e.to_string())?;
    let files: Vec<(PathBuf, String)> = generated
        .files
        .into_iter()
        .map(|(path, text)| (out.join(path), text))
        .collect();
    if check {
        let stale: Vec<String> = files
            .iter()
            .filter(|(path, text)| {
                std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str())
            })
            .map(|(path, _)| path.display().to_string())
            .collect();
        return if stale.is_empty() {
            Ok(())
        } else {
            Err(format!("stale: {}", stale.join(", ")))
        };
    }
    for (path, text) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!(
        "codegen: {} types from {} → {}",
        generated.type_count,
        spec.display(),
        out.display()
    );
    Ok(())
}
