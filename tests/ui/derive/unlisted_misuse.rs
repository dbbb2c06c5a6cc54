//! `#[validate(unlisted)]` marks the one field that keeps the members a struct's schema allows
//! but does not list; derive(Validate) reads and writes it, so it must be `#[serde(skip)]`, the
//! struct must leave serde's traits to the derive (`remote = "Self"`), and a struct that denies
//! unknown members has none to keep. Every misuse is reported at once. (Only `Validate` is
//! derived here: serde's derives would add their own errors about the unskipped field.)

use payments_codegen_macros::Validate;
use payments_runtime::Unlisted;

#[derive(Validate)]
#[serde(remote = "Self")]
struct NotSkipped {
    id: String,
    #[validate(unlisted)]
    unlisted: Unlisted,
}

#[derive(Validate)]
#[serde(remote = "Self")]
struct Twice {
    #[serde(skip)]
    #[validate(unlisted)]
    first: Unlisted,
    #[serde(skip)]
    #[validate(unlisted)]
    second: Unlisted,
}

#[derive(Validate)]
#[serde(remote = "Self", deny_unknown_fields)]
struct Closed {
    #[serde(skip)]
    #[validate(unlisted)]
    unlisted: Unlisted,
}

#[derive(Validate)]
struct NotRemote {
    #[serde(skip)]
    #[validate(unlisted)]
    unlisted: Unlisted,
}

#[derive(Validate)]
#[serde(remote = "Self")]
struct BadExcept {
    #[serde(skip)]
    #[validate(unlisted(except = "password"))]
    unlisted: Unlisted,
    #[serde(skip)]
    #[validate(unlisted(only = ["a"]))]
    other: Unlisted,
}

fn main() {}
