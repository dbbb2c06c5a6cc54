//! Exact wire forms of `Decimal`: `#[serde(with = …)]` adapters.
//!
//! * [`decimal_number`] — a JSON number, exact digit for digit (serde_json's
//!   `arbitrary_precision` keeps the digits; no `f64` anywhere).
//! * [`decimal_string`] — a JSON string holding a decimal, e.g. `"12.50"`.
//!
//! Both work on fields of type `Decimal`, `Option<Decimal>`, `Nullable<Decimal>`,
//! `Option<Nullable<Decimal>>`, `Vec<Decimal>` and `Option<Vec<Decimal>>` (any nesting of
//! [`DecimalShape`]s). An `Option<…>` field needs `#[serde(default)]` (with
//! `skip_serializing_if = "Option::is_none"` to leave it out when absent); for
//! `Option<Nullable<Decimal>>` a present `null` is then `Some(Nullable::Null)`.
//!
//! Reading never rounds: a number with more than 28 decimal places or a magnitude above
//! `Decimal::MAX` is an error. Exponents are accepted (`1.5e3` reads as `1500`).

pub mod decimal_number;
pub mod decimal_string;
mod exact;
mod shape;

pub use exact::DecimalError;
pub use shape::DecimalShape;

pub use exact::parse_decimal;

#[cfg(test)]
mod tests_adapters;
