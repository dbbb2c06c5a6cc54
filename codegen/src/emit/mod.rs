//! Stage 3: the [`TypeSpace`] becomes Rust tokens. This is the only place that decides how a
//! model looks in Rust.

mod builders;
mod checked;
mod docs;
mod docs_inline;
mod items;
mod literal_macros;
mod one_of;
mod operations;
mod payload;
mod rules;
mod transport;
pub(crate) mod types;

use crate::ir::{TypeKind, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// What the emitted module is for.
#[derive(Debug, Clone, Default)]
pub struct EmitOptions {
    /// Module path of the emitted code inside its crate (`papaya` for
    /// `payments_models::papaya`), used by the compile-time literal macros (`papaya::currency!`).
    /// `None` emits no literal macros.
    pub module_path: Option<String>,
    /// Crate-unique prefix for the `#[macro_export]` names of the literal macros.
    pub macro_prefix: Option<String>,
    /// Whether (and behind what) the `http` parts are emitted.
    pub http: Http,
    /// The spec the payload macros (`papaya::create_payment_request!({…})`) check against,
    /// embedded in the module; `None`, or no `module_path`, emits no payload macros.
    pub spec: Option<EmbeddedSpec>,
    /// How the literal and payload macros name the macros and the runtime they expand to.
    pub macro_paths: MacroPaths,
}

/// How the emitted literal and payload macros reach what they expand to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MacroPaths {
    /// Through the crate's `__private` module (`$crate::__private::check_literal!`,
    /// `$crate::__private::runtime`): a generated crate, whose users need no other dependency.
    #[default]
    Crate,
    /// Directly (`::payments_codegen_macros::…`, `::payments_runtime`): the module of an
    /// `include_spec!`, in a crate that depends on both.
    Direct,
}

/// Emits a module body: `use` lines, then every type in the space's order, then the
/// `operations` module (which writes full paths and needs no `use` line).
pub fn emit(space: &TypeSpace, options: &EmitOptions) -> TokenStream {
    let mut body = TokenStream::new();
    body.extend(head(space, options));
    for def in space.types() {
        body.extend(items::item(space, def, options));
    }
    body.extend(operations::operations_module(space, options.http));
    body
}

pub(crate) use docs::doc_lines;

/// The text at the end of a generated crate's module: its literal macros, then its payload
/// macros (see `literal_macros` and `payload`; an `include_spec!` module's are tokens, beside
/// their types).
pub fn macros_text(space: &TypeSpace, options: &EmitOptions) -> String {
    let mut text = literal_macros::literal_macros_text(space, options);
    text.push_str(&payload::type_macros_text(space, options));
    text
}
pub use operations::{operations_head, Helpers};
pub use payload::EmbeddedSpec;
pub use transport::Http;

/// Where the formatted text of a part goes (see [`emit_part`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Top-level items, after a blank line.
    TopLevel,
    /// The `operations` module's head ([`operations_head`]), which the following parts
    /// continue: its closing `}` line is left off.
    OpensModule,
    /// One item of that module, emitted inside a `pub mod operations { … }` of its own so
    /// that it is indented and wrapped as in the whole module: that wrapper's first and last
    /// lines are left off. The module is closed after the last of them.
    InModule,
}

/// One part of the module body, emitted on its own.
#[derive(Debug)]
pub struct Part {
    pub tokens: TokenStream,
    pub placement: Placement,
    /// The `operations` module's helpers the part calls (only operations call them).
    pub helpers: Helpers,
}

/// How many parts [`emit_part`] splits the module body into: the `use` lines, one part per
/// type, then one part per operation. The `operations` module's head, which holds the
/// helpers every operation's part reported, goes before the operations' parts.
pub fn part_count(space: &TypeSpace) -> usize {
    space.types().len() + 1 + space.operations().len()
}

/// The index of the first operation's part ([`part_count`] when there is none).
pub fn first_operations_part(space: &TypeSpace) -> usize {
    space.types().len() + 1
}

/// Part `index` of the module body (see [`part_count`]). Each part is emitted on its own, so
/// parts can be emitted and formatted in parallel; joined as their [`Placement`]s say, with
/// the head before the operations, they format to the text of [`emit`].
pub fn emit_part(space: &TypeSpace, options: &EmitOptions, index: usize) -> Part {
    let top_level = |tokens| Part {
        tokens,
        placement: Placement::TopLevel,
        helpers: Helpers::default(),
    };
    if index == 0 {
        return top_level(head(space, options));
    }
    if let Some(def) = space.types().get(index - 1) {
        return top_level(items::item(space, def, options));
    }
    let (tokens, helpers) =
        operations::operation_in_module(space, index - first_operations_part(space), options.http);
    Part {
        tokens,
        placement: Placement::InModule,
        helpers,
    }
}

/// The first part: the `use` lines, then the `servers` and `security` modules.
fn head(space: &TypeSpace, options: &EmitOptions) -> TokenStream {
    let mut head = uses(space);
    head.extend(transport::servers_module(
        space.servers(),
        options.http,
        false,
    ));
    head.extend(transport::security_module(space, options.http));
    head.extend(payload::module_macros(options));
    head
}

/// The `use` lines for everything the types need.
fn uses(space: &TypeSpace) -> TokenStream {
    let mut needs = BTreeSet::new();
    for def in space.types() {
        collect_needs(&def.kind, &mut needs);
    }
    use_lines(&needs)
}

/// An import the emitted code needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Need {
    Base64,
    BigInt,
    DateTime,
    Decimal,
    Map,
    Nullable,
    OneOf,
    Serde,
    Validate,
    Value,
    WireEnum,
}

fn collect_needs(kind: &TypeKind, needs: &mut BTreeSet<Need>) {
    match kind {
        TypeKind::Struct(s) => {
            needs.extend([Need::Serde, Need::Validate]);
            // A decimal field (with a default or not) brings `Decimal` through `ref_needs`.
            s.fields.iter().for_each(|f| ref_needs(&f.ty, needs));
            s.additional.iter().for_each(|ty| ref_needs(ty, needs));
        }
        TypeKind::Enum(_) => {
            needs.insert(Need::WireEnum);
        }
        TypeKind::Newtype(n) => {
            needs.insert(Need::Validate);
            ref_needs(&n.inner, needs);
        }
        TypeKind::OneOf(o) => {
            needs.insert(Need::OneOf);
            o.variants.iter().for_each(|v| ref_needs(&v.ty, needs));
        }
        TypeKind::Alias(t) => ref_needs(t, needs),
        TypeKind::Checked(_) => {
            needs.extend([Need::Serde, Need::Value]);
        }
    }
}

fn ref_needs(ty: &TypeRef, needs: &mut BTreeSet<Need>) {
    match ty {
        TypeRef::Binary => {}
        TypeRef::Base64 => {
            needs.insert(Need::Base64);
        }
        TypeRef::BigInt => {
            needs.insert(Need::BigInt);
        }
        TypeRef::DateTime => {
            needs.insert(Need::DateTime);
        }
        TypeRef::Decimal(_) => {
            needs.insert(Need::Decimal);
        }
        TypeRef::Json => {
            needs.insert(Need::Value);
        }
        TypeRef::Array(inner) => ref_needs(inner, needs),
        TypeRef::Map(inner) => {
            needs.insert(Need::Map);
            ref_needs(inner, needs);
        }
        TypeRef::Nullable(inner) => {
            needs.insert(Need::Nullable);
            ref_needs(inner, needs);
        }
        TypeRef::Named(_) | TypeRef::String | TypeRef::Bool | TypeRef::Integer(_) => {}
    }
}

fn use_lines(needs: &BTreeSet<Need>) -> TokenStream {
    let has = |n| needs.contains(&n);
    let mut out = TokenStream::new();
    let macros: Vec<TokenStream> = [
        (Need::OneOf, quote!(OneOf)),
        (Need::Validate, quote!(Validate)),
        (Need::WireEnum, quote!(WireEnum)),
    ]
    .into_iter()
    .filter(|(n, _)| has(*n))
    .map(|(_, t)| t)
    .collect();
    if !macros.is_empty() {
        out.extend(quote!(use payments_codegen_macros::{#(#macros),*};));
    }
    let runtime: Vec<TokenStream> = [
        (Need::Base64, quote!(Base64)),
        (Need::BigInt, quote!(BigInt)),
        (Need::DateTime, quote!(DateTime)),
        (Need::Value, quote!(JsonValue)),
        (Need::Nullable, quote!(Nullable)),
    ]
    .into_iter()
    .filter(|(n, _)| has(*n))
    .map(|(_, t)| t)
    .collect();
    if !runtime.is_empty() {
        out.extend(quote!(use payments_runtime::{#(#runtime),*};));
    }
    if has(Need::Decimal) {
        out.extend(quote!(
            use rust_decimal::Decimal;
        ));
    }
    if has(Need::Serde) {
        out.extend(quote!(
            use serde::{Deserialize, Serialize};
        ));
    }
    if has(Need::Map) {
        out.extend(quote!(
            use std::collections::BTreeMap;
        ));
    }
    out
}
