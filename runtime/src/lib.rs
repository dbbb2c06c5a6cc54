//! Runtime support for generated payment models.
//!
//! Everything the `Validate`/`WireEnum` derives and the code generator expand to is reachable as
//! `::payments_runtime::…`: violations and their JSON Pointer [`Location`]s, the [`Validate`] and
//! [`CheckJson`] traits, exact wire forms ([`BigInt`], [`DateTime`], [`Base64`], [`Nullable`] and
//! the decimal adapters in [`wire`]), the [`rules`] checks, ECMA-262 [`pattern`] translation and
//! the [`parse()`] entry point.
#![warn(missing_docs)]

mod base64;
mod bigint;
mod check_json;
mod datetime;
pub mod form;
mod headers;
#[cfg(feature = "http")]
pub mod http;
pub mod json;
mod location;
pub mod multipart;
pub mod nullable;
mod object_only;
pub mod parse;
pub mod pattern;
pub mod present;
pub mod rules;
pub mod schema;
pub mod union;
mod unknown;
pub mod unlisted;
mod validate;
mod violation;
pub mod wire;

pub use crate::base64::Base64;
pub use crate::bigint::{BigInt, ParseBigIntError};
pub use crate::check_json::CheckJson;
pub use crate::datetime::{DateTime, ParseDateTimeError};
pub use crate::headers::Headers;
pub use crate::json::{Json, JsonValue};
pub use crate::location::Location;
pub use crate::multipart::Binary;
pub use crate::nullable::Nullable;
pub use crate::object_only::ObjectOnly;
pub use crate::parse::parse;
pub use crate::unknown::UnknownValue;
pub use crate::unlisted::{Additional, Unlisted};
pub use crate::validate::Validate;
pub use crate::violation::{Code, Violation, Violations};

/// Items the derive and generator expansions name; not a stable API for hand-written code.
#[doc(hidden)]
pub mod __private {
    pub use ::regex::Regex;
    pub use ::rust_decimal::Decimal;
    pub use ::serde;
    pub use ::serde_json;
    pub use ::std::sync::LazyLock;

    /// The value of a payload macro call that reported errors: of the type the call builds, so
    /// that no further error follows from the missing value. The build fails on the macro's
    /// `compile_error!`s, so no program ever calls it.
    pub fn failed_payload<T>() -> T {
        unreachable!("a payload macro reported compile errors")
    }
}
