//! A generated module's deprecated items stay deprecated for the code that uses them (the
//! module's own code does not warn: see tests/tests/constructs.rs).
#![deny(deprecated)]

#[allow(dead_code)]
#[path = "../../../codegen/tests/snapshots/generated/constructs.rs"]
pub mod constructs;

#[doc(hidden)]
pub mod __private {
    pub use payments_codegen_macros::check_literal;
    pub use payments_runtime as runtime;
}

fn main() {
    let channel = constructs::LegacyChannel::Web;
    let _ = channel;
}
