//! Project tasks. `cargo xtask codegen [--check]` regenerates payments-models from specs/;
//! `cargo xtask codegen --spec FILE --out DIR` generates a models crate for any spec (see
//! `USAGE`). Both work on the checkout the xtask runs in, found at run time.

mod codegen;
mod providers;
mod report;

use std::process::ExitCode;

/// Generation allocates and frees millions of small tokens on every core: mimalloc's per-thread
/// heaps take a fifth off Stripe's whole-process time (BENCHMARKS.md §4).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
  cargo xtask codegen [--report PATH]
                                 regenerate payments-models/src from specs/
  cargo xtask codegen --check    fail (and name the files) when the checked-in models are stale
  cargo xtask codegen --spec FILE --out DIR [--crate-name NAME]
                      [--runtime-path CHECKOUT | --runtime-version REQ] [--check] [--report PATH]
                                 write a models crate for any OpenAPI 3.0/3.1 document into DIR
                                 (--check: fail, naming the files, when DIR differs from it).
                                 It depends on payments-runtime and payments-codegen-macros
    (default)                    by path: this checkout's runtime/ and codegen/macros/
    --runtime-path CHECKOUT      by path: CHECKOUT/runtime and CHECKOUT/codegen/macros (CHECKOUT
                                 is a checkout of this repository or a directory laid out alike,
                                 relative to the current directory)
    --runtime-version REQ        on the published crates: payments-runtime = \"REQ\",
                                 payments-codegen-macros = \"REQ\"
                                 Paths are written relative to DIR (absolute when none exists).

Every run prints a change report of the generated API: the new API compared with the snapshot
(api.json) the previous generation left, each change breaking for code, breaking on the wire or
compatible (docs/CHANGE-REPORT.md). --check prints the report of what is stale.
    --report PATH                also write it as PATH.json and PATH.md (a pull-request description)

The checkout is the one `cargo xtask` runs in: cargo's CARGO_MANIFEST_DIR, else the nearest
directory at or above the current one whose Cargo.toml has [workspace] and that holds xtask/.";
