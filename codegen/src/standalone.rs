//! A self-contained models crate for any spec: `Cargo.toml` + `src/lib.rs`, as
//! `cargo xtask codegen --spec FILE --out DIR` writes it and the full-spec tests build it.

use crate::{generate_file, EmitOptions, Error, Options};
use std::path::{Path, PathBuf};

/// The files of a standalone crate, relative to its directory, and how many types it defines.
#[derive(Debug, Clone)]
pub struct CrateFiles {
    /// `(relative path, contents)` pairs.
    pub files: Vec<(PathBuf, String)>,
    /// Named types generated.
    pub type_count: usize,
}

/// Generates the crate `crate_name` for `spec`. `workspace` is this repository's root: the
/// crate depends on its `runtime/` and `codegen/macros/` by path.
pub fn crate_files(spec: &Path, crate_name: &str, workspace: &Path) -> Result<CrateFiles, Error> {
    let options = Options {
        spec_label: spec.display().to_string(),
        emit: EmitOptions {
            module_path: Some(String::new()),
            macro_prefix: Some(crate_name.replace('-', "_")),
        },
    };
    let generated = generate_file(spec, &options)?;
    let lib = format!(
        "{}\n#[doc(hidden)]\npub mod __private {{\n    pub use payments_codegen_macros::check_literal;\n}}\n",
        generated.source
    );
    Ok(CrateFiles {
        files: vec![
            (PathBuf::from("Cargo.toml"), manifest(crate_name, workspace)),
            (PathBuf::from("src/lib.rs"), lib),
        ],
        type_count: generated.type_count,
    })
}

fn manifest(name: &str, workspace: &Path) -> String {
    let path = |p: &str| workspace.join(p).display().to_string().replace('\\', "/");
    format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2021"
publish = false

# Its own workspace: the crate may be generated anywhere, including inside another workspace.
[workspace]

[dependencies]
payments-codegen-macros = {{ path = "{macros}" }}
payments-runtime = {{ path = "{runtime}" }}
rust_decimal = {{ version = "1.37", default-features = false, features = ["std", "serde", "serde-with-str", "serde-with-arbitrary-precision"] }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = {{ version = "1", features = ["arbitrary_precision", "preserve_order"] }}
"#,
        macros = path("codegen/macros"),
        runtime = path("runtime"),
    )
}
