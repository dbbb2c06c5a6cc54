//! Project tasks. `cargo xtask codegen [--check]` regenerates payments-models from specs/;
//! `cargo xtask codegen --spec FILE --out DIR` generates a models crate for any spec. Both work
//! on the checkout the xtask runs in, found at run time.

mod codegen;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen::run(&args[1..]),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage:
  cargo xtask codegen            regenerate payments-models/src from specs/
  cargo xtask codegen --check    fail (and name the files) when the checked-in models are stale
  cargo xtask codegen --spec FILE --out DIR [--crate-name NAME]
                                 write a models crate for any OpenAPI 3.0/3.1 document

The checkout is the one `cargo xtask` runs in: cargo's CARGO_MANIFEST_DIR, else the nearest
directory at or above the current one whose Cargo.toml has [workspace] and that holds xtask/.";
