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

/// The workspace this xtask runs for, found at run time (a path baked in at compile time would
/// name the checkout the binary was built in, which a second checkout sharing the target
/// directory reuses): the parent of `CARGO_MANIFEST_DIR` when cargo started it (`cargo xtask`
/// is `cargo run`, which sets it to this checkout's `xtask/`), else the nearest directory at or
/// above the current one that is a workspace root holding `xtask/`.
pub fn workspace_root() -> Result<PathBuf, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    find_workspace(
        std::env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .as_deref(),
        &cwd,
    )
}

/// [`workspace_root`] given `CARGO_MANIFEST_DIR` (if set) and the current directory.
fn find_workspace(manifest_dir: Option<&Path>, cwd: &Path) -> Result<PathBuf, String> {
    if let Some(dir) = manifest_dir {
        if dir.file_name().is_some_and(|name| name == "xtask") {
            if let Some(root) = dir.parent().filter(|root| is_workspace_root(root)) {
                return Ok(root.to_path_buf());
            }
        }
    }
    if let Some(root) = cwd.ancestors().find(|dir| is_workspace_root(dir)) {
        return Ok(root.to_path_buf());
    }
    let from_env = match manifest_dir {
        Some(dir) => format!("CARGO_MANIFEST_DIR ({}) is not its xtask/", dir.display()),
        None => "CARGO_MANIFEST_DIR is not set".to_owned(),
    };
    Err(format!(
        "cannot find the workspace: {from_env}, and neither {} nor a directory above it holds a \
         Cargo.toml with [workspace] and an xtask/ directory; run `cargo xtask` inside a checkout",
        cwd.display()
    ))
}

/// Whether `dir` holds a `Cargo.toml` with a `[workspace]` table and an `xtask/` directory.
fn is_workspace_root(dir: &Path) -> bool {
    dir.join("xtask").is_dir()
        && std::fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|manifest| {
            manifest
                .lines()
                .any(|line| line.split('#').next().unwrap_or_default().trim() == "[workspace]")
        })
}

fn bundled(check: bool) -> Result<(), String> {
    let root = workspace_root()?;
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
    let generated = payments_codegen::standalone::crate_files(spec, crate_name, &workspace_root()?)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory under the system's temporary directory (canonical), removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("xtask-unit-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir.canonicalize().unwrap())
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// A directory laid out like this repository, as far as the xtask looks: a workspace
    /// manifest, `xtask/`, `runtime/` and `codegen/macros/` with manifests.
    fn fake_checkout(dir: &Path) {
        for crate_dir in ["xtask", "runtime", "codegen/macros"] {
            std::fs::create_dir_all(dir.join(crate_dir)).unwrap();
            std::fs::write(dir.join(crate_dir).join("Cargo.toml"), "[package]\n").unwrap();
        }
        std::fs::write(
            dir.join("Cargo.toml"),
            "[workspace] # all of it\nmembers = [\"xtask\"]\n",
        )
        .unwrap();
    }

    #[test]
    fn the_workspace_is_found_from_cargo_manifest_dir_then_the_current_directory() {
        let temp = TempDir::new("find");
        let checkout = temp.0.join("checkout");
        fake_checkout(&checkout);
        let other = temp.0.join("other");
        fake_checkout(&other);
        std::fs::create_dir_all(checkout.join("xtask/src/deeper")).unwrap();

        // CARGO_MANIFEST_DIR wins over the current directory.
        let found = find_workspace(Some(&checkout.join("xtask")), &other.join("xtask"));
        assert_eq!(found.unwrap(), checkout);
        // Without it, or when it is not a checkout's xtask/: the nearest workspace root above.
        let found = find_workspace(None, &checkout.join("xtask/src/deeper"));
        assert_eq!(found.unwrap(), checkout);
        let found = find_workspace(Some(&other.join("runtime")), &checkout.join("xtask/src"));
        assert_eq!(found.unwrap(), checkout);
        let found = find_workspace(Some(&temp.0.join("gone/xtask")), &other);
        assert_eq!(found.unwrap(), other);

        // A Cargo.toml without [workspace] (or a workspace without xtask/) is no checkout.
        let lone = temp.0.join("lone");
        std::fs::create_dir_all(lone.join("xtask")).unwrap();
        std::fs::write(lone.join("Cargo.toml"), "[package]\n# [workspace]\n").unwrap();
        let error = find_workspace(Some(&lone.join("xtask")), &lone).unwrap_err();
        assert!(
            error.starts_with("cannot find the workspace: CARGO_MANIFEST_DIR ("),
            "{error}"
        );
        assert!(error.contains(&lone.display().to_string()), "{error}");
        let error = find_workspace(None, &temp.0).unwrap_err();
        assert!(
            error.starts_with("cannot find the workspace: CARGO_MANIFEST_DIR is not set"),
            "{error}"
        );
    }
}
