//! `cargo xtask codegen`: the bundled specs → payments-models/src, or any spec → a crate.

use crate::providers::{self, Provider};
use crate::report;
use payments_codegen::report::{Report, Surface};
use payments_codegen::standalone::{Runtime, SNAPSHOT};
use payments_codegen::{convert, render_space, EmbeddedSpec, EmitOptions, Options};
use std::path::{Component, Path, PathBuf};

pub fn run(args: &[String]) -> Result<(), String> {
    let mut check = false;
    let mut spec = None;
    let mut out = None;
    let mut crate_name = None;
    let mut runtime_path = None;
    let mut runtime_version = None;
    let mut report_path = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--spec" => spec = Some(PathBuf::from(rest.next().ok_or("--spec needs a FILE")?)),
            "--out" => out = Some(PathBuf::from(rest.next().ok_or("--out needs a DIR")?)),
            "--report" => {
                report_path = Some(PathBuf::from(rest.next().ok_or("--report needs a PATH")?))
            }
            "--crate-name" => {
                crate_name = Some(rest.next().ok_or("--crate-name needs a NAME")?.clone())
            }
            "--runtime-path" => {
                runtime_path = Some(PathBuf::from(
                    rest.next().ok_or("--runtime-path needs a DIR")?,
                ))
            }
            "--runtime-version" => {
                runtime_version = Some(rest.next().ok_or("--runtime-version needs a REQ")?.clone())
            }
            other => return Err(format!("unknown argument `{other}`\n\n{}", super::USAGE)),
        }
    }
    let runtime = match (runtime_path, runtime_version) {
        (None, None) => RuntimeChoice::Workspace,
        (Some(dir), None) => RuntimeChoice::Path(dir),
        (None, Some(requirement)) => RuntimeChoice::Version(requirement),
        (Some(_), Some(_)) => {
            return Err("--runtime-path and --runtime-version exclude each other".to_owned())
        }
    };
    match (spec, out) {
        (None, None) => {
            if crate_name.is_some() || runtime != RuntimeChoice::Workspace {
                return Err(
                    "--crate-name, --runtime-path and --runtime-version go with --spec and --out"
                        .to_owned(),
                );
            }
            bundled(check, report_path.as_deref())
        }
        (Some(spec), Some(out)) => {
            let name = crate_name.unwrap_or_else(|| default_crate_name(&spec));
            standalone(&spec, &out, &name, &runtime, check, report_path.as_deref())
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

/// Where the API snapshot of a bundled module is kept.
fn snapshot_file(module: &str) -> String {
    format!("payments-models/api/{module}.json")
}

fn bundled(check: bool, report_path: Option<&Path>) -> Result<(), String> {
    let root = workspace_root()?;
    let providers = providers::scan(&root)?;
    // Every file this run owns: (path from the root, the text it must hold, or None when it
    // must not exist).
    let mut files: Vec<(String, Option<String>)> = Vec::new();
    let mut modules = Vec::new();
    for provider in &providers {
        let options = Options {
            spec_label: provider.file.clone(),
            emit: EmitOptions {
                module_path: Some(provider.module.clone()),
                macro_prefix: Some(provider.module.clone()),
                spec: Some(EmbeddedSpec {
                    label: provider.file.clone(),
                    text: provider.text.clone(),
                }),
                ..EmitOptions::default()
            },
        };
        let space = convert::convert(&provider.doc).map_err(|e| e.to_string())?;
        let generated = render_space(&provider.doc, &space, &options).map_err(|e| e.to_string())?;
        print_warnings(&generated.warnings);
        files.push((
            format!("payments-models/src/{}.rs", provider.module),
            Some(generated.source),
        ));
        let surface = Surface::of(&space);
        let snapshot = snapshot_file(&provider.module);
        let code = root.join(format!("payments-models/src/{}.rs", provider.module));
        let before = report::previous(&root.join(&snapshot), &code);
        modules.push(report::module(&provider.module, &before, Some(&surface)));
        files.push((snapshot, Some(surface.to_json())));
    }
    let wiring = wiring(&root, &providers)?;
    // The modules whose spec is gone: their code and snapshot are removed.
    let mut removed: Vec<&str> = wiring
        .iter()
        .filter(|(_, wanted)| wanted.is_none())
        .filter_map(|(file, _)| Path::new(file).file_stem()?.to_str())
        .collect();
    removed.sort_unstable();
    removed.dedup();
    for module in removed {
        let code = root.join(format!("payments-models/src/{module}.rs"));
        let before = report::previous(&root.join(snapshot_file(module)), &code).or(Some(None));
        modules.push(report::module(module, &before, None));
    }
    files.extend(wiring);
    report::publish(&Report::new(modules), report_path)?;
    let mut stale = Vec::new();
    let mut written = 0;
    for (file, wanted) in &files {
        let target = root.join(file);
        let current = std::fs::read_to_string(&target).ok();
        if current.as_deref() == wanted.as_deref() {
            continue;
        }
        if check {
            stale.push(file.clone());
            continue;
        }
        match wanted {
            Some(text) => write_file(&target, text)?,
            None => std::fs::remove_file(&target)
                .map_err(|e| format!("cannot remove {}: {e}", target.display()))?,
        }
        written += 1;
    }
    if !stale.is_empty() {
        return Err(format!(
            "the checked-in models are stale; run `cargo xtask codegen` and commit:\n  {}",
            stale.join("\n  ")
        ));
    }
    if !check {
        println!(
            "codegen: {} provider modules from specs/, {written} file(s) rewritten",
            providers.len()
        );
    }
    Ok(())
}

/// What wires the providers into payments-models and the README, and the removal of modules
/// whose spec is gone.
fn wiring(root: &Path, providers: &[Provider]) -> Result<Vec<(String, Option<String>)>, String> {
    let read = |file: &str| {
        std::fs::read_to_string(root.join(file)).map_err(|e| format!("cannot read {file}: {e}"))
    };
    let manifest = "payments-models/Cargo.toml";
    let lib = "payments-models/src/lib.rs";
    let readme = "README.md";
    let manifest_text = providers::splice(
        &read(manifest)?,
        0,
        &providers::cargo_features(providers),
        manifest,
    )?;
    let lib_text = providers::splice(&read(lib)?, 0, &providers::lib_table(providers), lib)?;
    let lib_text = providers::splice(&lib_text, 1, &providers::lib_modules(providers), lib)?;
    let readme_text = providers::splice(
        &read(readme)?,
        0,
        &providers::readme_table(providers),
        readme,
    )?;
    let mut files = vec![
        (manifest.to_owned(), Some(manifest_text)),
        (lib.to_owned(), Some(lib_text)),
        (readme.to_owned(), Some(readme_text)),
    ];
    let mut orphans = Vec::new();
    for path in providers::files_in(&root.join("payments-models/src"))? {
        let module = path
            .file_name()
            .and_then(|n| n.to_str()?.strip_suffix(".rs"));
        if let Some(module) = module {
            if module != "lib" && !providers.iter().any(|p| p.module == module) {
                orphans.push((format!("payments-models/src/{module}.rs"), None));
            }
        }
    }
    let snapshots = root.join("payments-models/api");
    if snapshots.is_dir() {
        for path in providers::files_in(&snapshots)? {
            let module = path
                .file_name()
                .and_then(|n| n.to_str()?.strip_suffix(".json"));
            if let Some(module) = module {
                if !providers.iter().any(|p| p.module == module) {
                    orphans.push((snapshot_file(module), None));
                }
            }
        }
    }
    files.extend(orphans);
    Ok(files)
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

/// Where a standalone crate's runtime crates come from, as the command line says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RuntimeChoice {
    /// The workspace this xtask runs for (the default).
    Workspace,
    /// `--runtime-path DIR`: a directory laid out like this repository.
    Path(PathBuf),
    /// `--runtime-version REQ`: the published crates.
    Version(String),
}

/// The dependencies a crate written into `out` gets for `choice`: path dependencies relative
/// to `out` when there is such a path (else absolute), or the version requirement.
fn runtime_for(choice: &RuntimeChoice, out: &Path) -> Result<Runtime, String> {
    let dir = match choice {
        RuntimeChoice::Workspace => workspace_root()?,
        RuntimeChoice::Path(dir) => dir.clone(),
        RuntimeChoice::Version(requirement) => {
            return check_requirement(requirement).map(|()| Runtime::Version(requirement.clone()))
        }
    };
    let dir = dir
        .canonicalize()
        .map_err(|e| format!("cannot read the runtime directory {}: {e}", dir.display()))?;
    let runtime = dir.join("runtime");
    let macros = dir.join("codegen").join("macros");
    for crate_dir in [&runtime, &macros] {
        if !crate_dir.join("Cargo.toml").is_file() {
            return Err(format!(
                "{} does not hold the runtime crates the way this repository does: \
                 no {}",
                dir.display(),
                crate_dir.join("Cargo.toml").display()
            ));
        }
    }
    let out = resolve_dir(out)
        .map_err(|e| format!("cannot resolve the output directory {}: {e}", out.display()))?;
    let written = |to: PathBuf| -> Result<PathBuf, String> {
        let path = relative_path(&out, &to).unwrap_or(to);
        match path.to_str() {
            Some(_) => Ok(path),
            None => Err(format!(
                "{} is not UTF-8 (Cargo.toml cannot name it)",
                path.display()
            )),
        }
    };
    Ok(Runtime::Paths {
        runtime: written(runtime)?,
        macros: written(macros)?,
    })
}

/// Rejects a `--runtime-version` that is no Cargo version requirement (`1`, `^0.2.1`,
/// `>=1.2, <2`, `=1.0.0-rc.1`, …).
fn check_requirement(requirement: &str) -> Result<(), String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || " .,<>=~^*+-".contains(c);
    if requirement.trim().is_empty() || !requirement.chars().all(allowed) {
        return Err(format!(
            "--runtime-version `{requirement}` is not a version requirement (like `0.1` or `>=0.1, <0.3`)"
        ));
    }
    Ok(())
}

/// `path` made absolute and free of symlinks, `.` and `..`, whether or not it exists: its
/// nearest existing ancestor canonicalized, with the rest appended.
fn resolve_dir(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::env::current_dir()?.join(path);
    for ancestor in absolute.ancestors() {
        let Ok(mut resolved) = ancestor.canonicalize() else {
            continue;
        };
        let rest = absolute.strip_prefix(ancestor).unwrap_or(Path::new(""));
        for component in rest.components() {
            match component {
                Component::CurDir => {}
                // The component before it does not exist, so it is no symlink to look through.
                Component::ParentDir => {
                    resolved.pop();
                }
                other => resolved.push(other),
            }
        }
        return Ok(resolved);
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::NotFound,
        "no ancestor of it exists",
    ))
}

/// The path from directory `from` to `to`, both absolute and normalized (no `.`, `..` or
/// symlinks), or `None` when there is none (Windows paths on different drives).
fn relative_path(from: &Path, to: &Path) -> Option<PathBuf> {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path: PathBuf = std::iter::repeat_n(Component::ParentDir, from.len() - common)
        .chain(to[common..].iter().copied())
        .collect();
    if path.as_os_str().is_empty() {
        path.push(".");
    }
    Some(path)
}

/// What a spec holds that the generator left out, on stderr, one located line each.
fn print_warnings(warnings: &[payments_codegen::Error]) {
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
}

/// Writes `text` to `path`, creating its directory.
fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Writes a self-contained models crate for any spec: `DIR/Cargo.toml` and `DIR/src/lib.rs`.
fn standalone(
    spec: &Path,
    out: &Path,
    crate_name: &str,
    runtime: &RuntimeChoice,
    check: bool,
    report_path: Option<&Path>,
) -> Result<(), String> {
    let runtime = runtime_for(runtime, out)?;
    // The previous snapshot is read while the crate is generated (before anything is written).
    let (generated, before) = std::thread::scope(|scope| {
        let before = scope.spawn(|| report::previous(&out.join(SNAPSHOT), &out.join("src/lib.rs")));
        let generated = payments_codegen::standalone::crate_files_with(spec, crate_name, &runtime);
        (generated, before.join())
    });
    let generated = generated.map_err(|e| e.to_string())?;
    let before = before.map_err(|_| "internal error: reading the previous snapshot panicked")?;
    print_warnings(&generated.warnings);
    let files: Vec<(PathBuf, String)> = generated
        .files
        .into_iter()
        .map(|(path, text)| (out.join(path), text))
        .collect();
    let report = || {
        let module = report::module(crate_name, &before, Some(&generated.surface));
        report::publish(&Report::new(vec![module]), report_path)
    };
    if check {
        report()?;
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
    // The code is written while the change report is made and printed (the previous snapshot
    // was read before either started). The new snapshot is written beside them under another
    // name and takes its place only once the report is out, so a report that fails
    // (`--report` unwritable) is made again, from the same snapshot, by the next run.
    let staged = |path: &Path| path.with_extension("json.new");
    let (written, reported) = std::thread::scope(|scope| {
        let written = scope.spawn(|| {
            files.iter().try_for_each(|(path, text)| {
                if path.ends_with(SNAPSHOT) {
                    write_file(&staged(path), text)
                } else {
                    write_file(path, text)
                }
            })
        });
        let reported = report();
        (written.join(), reported)
    });
    let snapshots = files.iter().filter(|(path, _)| path.ends_with(SNAPSHOT));
    let outcome = written
        .map_err(|_| "internal error: writing the files panicked".to_owned())
        .and_then(|written| written)
        .and(reported);
    if let Err(e) = outcome {
        for (path, _) in snapshots {
            let _ = std::fs::remove_file(staged(path));
        }
        return Err(e);
    }
    for (path, _) in snapshots {
        std::fs::rename(staged(path), path).map_err(|e| {
            let _ = std::fs::remove_file(staged(path));
            format!("cannot write {}: {e}", path.display())
        })?;
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

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|a| (*a).to_owned()).collect()
    }

    /// The dependency lines of the runtime crates in a manifest.
    fn runtime_lines(manifest: &str) -> Vec<&str> {
        manifest
            .lines()
            .filter(|l| l.starts_with("payments-"))
            .collect()
    }

    #[test]
    fn relative_paths_between_directories() {
        let cases = [
            ("/a/b/out", "/a/b/runtime", "../runtime"),
            ("/a/b/out", "/a/c/d", "../../c/d"),
            ("/a", "/a/runtime", "runtime"),
            ("/a/b/c", "/a", "../.."),
            ("/a/b", "/a/b", "."),
            ("/tmp/acme", "/work/main/runtime", "../../work/main/runtime"),
        ];
        for (from, to, expected) in cases {
            assert_eq!(
                relative_path(Path::new(from), Path::new(to)),
                Some(PathBuf::from(expected)),
                "{from} → {to}"
            );
        }
    }

    #[test]
    fn output_directories_resolve_whether_or_not_they_exist() {
        let temp = TempDir::new("resolve");
        std::fs::create_dir_all(temp.0.join("real/inner")).unwrap();
        assert_eq!(
            resolve_dir(&temp.0.join("real/inner")).unwrap(),
            temp.0.join("real/inner")
        );
        assert_eq!(
            resolve_dir(&temp.0.join("real/./new/../other/crate")).unwrap(),
            temp.0.join("real/other/crate")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(temp.0.join("real"), temp.0.join("link")).unwrap();
            assert_eq!(
                resolve_dir(&temp.0.join("link/inner/../new")).unwrap(),
                temp.0.join("real/new")
            );
        }
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

    #[test]
    fn the_runtime_crates_are_named_relative_to_the_output_directory_by_default() {
        let root = workspace_root().unwrap().canonicalize().unwrap();
        // Not created: resolved through its nearest existing ancestor (root/target).
        let out = root.join("target/xtask-unit-not-created/acme");
        let runtime = runtime_for(&RuntimeChoice::Workspace, &out).unwrap();
        assert_eq!(
            runtime,
            Runtime::Paths {
                runtime: PathBuf::from("../../../runtime"),
                macros: PathBuf::from("../../../codegen/macros"),
            }
        );
        assert!(!root.join("target/xtask-unit-not-created").exists());
        let manifest = payments_codegen::standalone::manifest("acme-models", &runtime);
        assert_eq!(
            runtime_lines(&manifest),
            [
                r#"payments-codegen-macros = { path = "../../../codegen/macros" }"#,
                r#"payments-runtime = { path = "../../../runtime", default-features = false }"#,
            ]
        );
        assert!(manifest.starts_with("[package]\nname = \"acme-models\"\n"));
    }

    #[test]
    fn runtime_path_names_another_checkout_relative_to_the_output_directory() {
        let temp = TempDir::new("runtime-path");
        let checkout = temp.0.join("checkout");
        fake_checkout(&checkout);
        let out = temp.0.join("crates/acme");
        std::fs::create_dir_all(&out).unwrap();
        let runtime = runtime_for(&RuntimeChoice::Path(checkout.join("xtask/..")), &out).unwrap();
        let manifest = payments_codegen::standalone::manifest("acme-models", &runtime);
        assert_eq!(
            runtime_lines(&manifest),
            [
                r#"payments-codegen-macros = { path = "../../checkout/codegen/macros" }"#,
                r#"payments-runtime = { path = "../../checkout/runtime", default-features = false }"#,
            ]
        );

        // A directory without the runtime crates is refused, naming what is missing.
        std::fs::remove_dir_all(checkout.join("codegen")).unwrap();
        let error = runtime_for(&RuntimeChoice::Path(checkout.clone()), &out).unwrap_err();
        assert!(
            error.contains("does not hold the runtime crates")
                && error.contains("codegen/macros/Cargo.toml"),
            "{error}"
        );
        let error = runtime_for(&RuntimeChoice::Path(temp.0.join("missing")), &out).unwrap_err();
        assert!(
            error.starts_with("cannot read the runtime directory"),
            "{error}"
        );
    }

    #[test]
    fn runtime_version_names_the_published_crates() {
        let choice = RuntimeChoice::Version(">=0.1, <0.3".to_owned());
        let runtime = runtime_for(&choice, Path::new("anywhere")).unwrap();
        let manifest = payments_codegen::standalone::manifest("acme-models", &runtime);
        assert_eq!(
            runtime_lines(&manifest),
            [
                r#"payments-codegen-macros = ">=0.1, <0.3""#,
                r#"payments-runtime = { version = ">=0.1, <0.3", default-features = false }"#,
            ]
        );
        for bad in ["", " ", "0.1\"", "0.1\n[patch]", "0.1 # x"] {
            let choice = RuntimeChoice::Version(bad.to_owned());
            let error = runtime_for(&choice, Path::new("anywhere")).unwrap_err();
            assert!(
                error.contains("is not a version requirement"),
                "{bad:?}: {error}"
            );
        }
    }

    #[test]
    fn runtime_options_are_checked() {
        let error = run(&args(&[
            "--spec",
            "a.yaml",
            "--out",
            "x",
            "--runtime-path",
            ".",
            "--runtime-version",
            "1",
        ]))
        .unwrap_err();
        assert_eq!(
            error,
            "--runtime-path and --runtime-version exclude each other"
        );
        for lone in [
            ["--runtime-version", "1"],
            ["--runtime-path", "."],
            ["--crate-name", "x"],
        ] {
            let error = run(&args(&lone)).unwrap_err();
            assert!(
                error.contains("go with --spec and --out"),
                "{lone:?}: {error}"
            );
        }
        let error = run(&args(&["--spec", "a.yaml", "--out", "x", "--runtime-path"])).unwrap_err();
        assert_eq!(error, "--runtime-path needs a DIR");
    }
}
