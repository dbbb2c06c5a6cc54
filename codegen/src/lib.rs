//! The generator: an OpenAPI 3.0/3.1 document becomes typed, validated Rust models.
//!
//! ```text
//! load (file → Document) → convert (Document → TypeSpace) → emit (TypeSpace → tokens) → render (prettyplease)
//! ```
//!
//! [`derive`](mod@derive) holds the expansion logic of the `Validate` and `WireEnum` derives and of
//! `check_literal!`; the proc-macro crate `payments-codegen-macros` only forwards to it.

pub mod convert;
pub mod derive;
pub mod emit;
mod error;
mod include;
pub mod ir;
mod kept;
pub mod load;
mod payload;
mod render;
pub mod report;
pub mod standalone;

pub use emit::{EmbeddedSpec, EmitOptions, Http, MacroPaths};
pub use error::Error;
pub use include::{include_spec, include_spec_at};
pub use payload::payload;
pub use render::{render_file, render_space, GeneratedFile};

use proc_macro2::TokenStream;
use std::path::Path;

/// Everything generation needs to know besides the spec.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How the spec is named in the `@generated` header (e.g. `specs/papaya.yaml`).
    pub spec_label: String,
    /// Emission options (module path for the compile-time literal macros).
    pub emit: EmitOptions,
}

/// Loads a spec and returns the module body as tokens (what `include_spec!` expands to). With
/// `MacroPaths::Crate` (a generated crate's), the literal and payload macros are not in them:
/// they are text that `render_file`/`render_space` append to the formatted module.
pub fn generate_tokens(spec: &Path, options: &Options) -> Result<TokenStream, Error> {
    let doc = load::load(spec)?;
    let space = convert::convert(&doc)?;
    Ok(emit::emit(&space, &options.emit))
}

/// Loads a spec and returns the formatted source of its module, `@generated` header included.
pub fn generate_file(spec: &Path, options: &Options) -> Result<GeneratedFile, Error> {
    let doc = load::load(spec)?;
    let space = convert::convert(&doc)?;
    render::render_space(&doc, &space, options)
}
