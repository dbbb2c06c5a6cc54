//! A self-contained models crate for any spec: `Cargo.toml`, `src/lib.rs` and the API snapshot
//! `api.json` (what the next regeneration's change report compares with), as
//! `cargo xtask codegen --spec FILE --out DIR` writes it and the full-spec tests build it.

use crate::report::Surface;
use crate::{convert, load, render_space, EmbeddedSpec, EmitOptions, Error, Options};
use std::path::{Path, PathBuf};

/// The files of a standalone crate, relative to its directory, and how many types it defines.
#[derive(Debug, Clone)]
pub struct CrateFiles {
    /// `(relative path, contents)` pairs.
    pub files: Vec<(PathBuf, String)>,
    /// Named types generated.
    pub type_count: usize,
    /// What the spec holds that was left out, each located.
    pub warnings: Vec<Error>,
    /// The generated API (written as `api.json`).
    pub surface: Surface,
}

/// Where the API snapshot goes in a standalone crate.
pub const SNAPSHOT: &str = "api.json";

/// Where a standalone crate gets `payments-runtime` and `payments-codegen-macros` from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Runtime {
    /// Path dependencies, written into `Cargo.toml` as given: relative paths are relative to the
    /// generated crate's directory (Cargo reads them so).
    Paths {
        /// The directory of `payments-runtime` (this repository's `runtime/`).
        runtime: PathBuf,
        /// The directory of `payments-codegen-macros` (this repository's `codegen/macros/`).
        macros: PathBuf,
    },
    /// The published crates: this version requirement for both (`payments-runtime = "REQ"`).
    Version(String),
}

impl Runtime {
    /// Path dependencies on a directory laid out like this repository: `dir/runtime` and
    /// `dir/codegen/macros`.
    pub fn checkout(dir: &Path) -> Self {
        Runtime::Paths {
            runtime: dir.join("runtime"),
            macros: dir.join("codegen").join("macros"),
        }
    }
}

/// Generates the crate `crate_name` for `spec`. `workspace` is this repository's root: the
/// crate depends on its `runtime/` and `codegen/macros/` by path (as `workspace` is given;
/// see [`crate_files_with`] for relative paths and published versions).
pub fn crate_files(spec: &Path, crate_name: &str, workspace: &Path) -> Result<CrateFiles, Error> {
    crate_files_with(spec, crate_name, &Runtime::checkout(workspace))
}

/// Generates the crate `crate_name` for `spec`, depending on the runtime crates as `runtime` says.
pub fn crate_files_with(
    spec: &Path,
    crate_name: &str,
    runtime: &Runtime,
) -> Result<CrateFiles, Error> {
    let text = std::fs::read_to_string(spec)
        .map_err(|e| Error::file(spec, format!("cannot read the spec: {e}")))?;
    let options = Options {
        spec_label: spec.display().to_string(),
        emit: EmitOptions {
            module_path: Some(String::new()),
            macro_prefix: Some(crate_name.replace('-', "_")),
            spec: Some(EmbeddedSpec {
                label: spec.display().to_string(),
                text: text.clone(),
            }),
            ..EmitOptions::default()
        },
    };
    let doc = load::parse(spec, &text)?;
    let space = convert::convert(&doc)?;
    // The API snapshot needs only the type space: made beside the rendering, which is most of
    // the time and spreads over every core anyway.
    let (generated, surface) = std::thread::scope(|scope| {
        let surface = scope.spawn(|| {
            let surface = Surface::of(&space);
            let json = surface.to_json();
            (surface, json)
        });
        let generated = render_space(&doc, &space, &options);
        let surface = surface
            .join()
            .map_err(|_| doc.error("", "internal error: the API snapshot's thread panicked"));
        (generated, surface)
    });
    let (generated, (surface, snapshot)) = (generated?, surface?);
    let mut lib = generated.source;
    lib.push_str(
        "\n#[doc(hidden)]\npub mod __private {\n    pub use payments_codegen_macros::{check_literal, payload};\n    pub use payments_runtime as runtime;\n}\n",
    );
    // The loaded document and the type space are large trees (Stripe's: tens of megabytes in
    // small allocations); they are freed on a thread of their own, out of the caller's way
    // (where no thread can be started, here).
    let _ = std::thread::Builder::new().spawn(move || drop((doc, space)));
    Ok(CrateFiles {
        files: vec![
            (PathBuf::from("Cargo.toml"), manifest(crate_name, runtime)),
            (PathBuf::from("src/lib.rs"), lib),
            (PathBuf::from(SNAPSHOT), snapshot),
        ],
        type_count: generated.type_count,
        warnings: generated.warnings,
        surface,
    })
}

/// The `Cargo.toml` of the standalone crate `name`.
pub fn manifest(name: &str, runtime: &Runtime) -> String {
    let (macros, runtime) = match runtime {
        Runtime::Paths { runtime, macros } => (
            format!("{{ path = {} }}", toml_string(&path_text(macros))),
            format!(
                "{{ path = {}, default-features = false }}",
                toml_string(&path_text(runtime))
            ),
        ),
        // The runtime without its defaults: the crate's own `http` feature turns it on.
        Runtime::Version(requirement) => (
            toml_string(requirement),
            format!(
                "{{ version = {}, default-features = false }}",
                toml_string(requirement)
            ),
        ),
    };
    format!(
        r#"[package]
name = {name}
version = "0.1.0"
edition = "2021"
publish = false

# Its own workspace: the crate may be generated anywhere, including inside another workspace.
[workspace]

# `http` (on by default): each operation's `Request::to_http` and `Response::from_http`.
[features]
default = ["http"]
http = ["payments-runtime/http"]

[dependencies]
payments-codegen-macros = {macros}
payments-runtime = {runtime}
rust_decimal = {{ version = "1.37", default-features = false, features = ["std"] }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
"#,
        name = toml_string(name),
    )
}

/// A path as Cargo.toml text: `/`-separated on every platform (Cargo accepts it on Windows).
fn path_text(path: &Path) -> String {
    let text = path.display().to_string();
    if cfg!(windows) {
        text.replace('\\', "/")
    } else {
        text
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
