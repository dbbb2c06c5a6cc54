//! Generator speed, in process: `payments_codegen::generate_file` (load → convert → emit →
//! prettyplease) on the five bundled specs, as `cargo xtask codegen` runs it, and on the official
//! full specs in `../shared/real-specs/` (skipped, with a message, when that folder or a file is
//! missing, or when the generator cannot generate it yet).
//!
//! `report/…` measures what the change report adds to a regeneration (issue 13): the API
//! snapshot of the converted spec, written and read back as JSON, and compared with the previous
//! one, beside `generate_file` of the same spec.
//!
//! `cargo bench -p payments-codegen --bench generate`. The whole-process figure (a release
//! `xtask` binary, process start and file writes included) is measured with hyperfine; see
//! BENCHMARKS.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use payments_codegen::report::{compare, Surface};
use payments_codegen::{convert, generate_file, load, EmitOptions, Options};

/// The bundled specs, as xtask names them: file stem → module of payments-models.
const BUNDLED: &[(&str, &str)] = &[
    ("layer2", "layer2"),
    ("formance-v1", "formance_v1"),
    ("formance-v3", "formance_v3"),
    ("flexprice", "flexprice"),
    ("papaya", "papaya"),
];

/// Official specs that may be present in `../shared/real-specs/`: file → crate name.
const OFFICIAL: &[(&str, &str)] = &[
    ("formance-stack-v3.0.json", "formance-stack-models"),
    ("flexprice-swagger-3-0-2025-08-04.json", "flexprice-models"),
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ sits in the workspace")
        .to_path_buf()
}

fn bundled_options(stem: &str, module: &str) -> Options {
    Options {
        spec_label: format!("specs/{stem}.yaml"),
        emit: EmitOptions {
            module_path: Some(module.to_owned()),
            macro_prefix: Some(module.to_owned()),
            ..EmitOptions::default()
        },
    }
}

/// What `cargo xtask codegen --spec FILE --out DIR` generates for `src/lib.rs`.
fn standalone_options(spec: &Path, crate_name: &str) -> Options {
    Options {
        spec_label: spec.display().to_string(),
        emit: EmitOptions {
            module_path: Some(String::new()),
            macro_prefix: Some(crate_name.replace('-', "_")),
            ..EmitOptions::default()
        },
    }
}

fn generate(c: &mut Criterion) {
    let root = workspace();
    let specs: Vec<(PathBuf, Options)> = BUNDLED
        .iter()
        .map(|(stem, module)| {
            let spec = root.join("specs").join(format!("{stem}.yaml"));
            (spec, bundled_options(stem, module))
        })
        .collect();
    for (spec, options) in &specs {
        if let Err(e) = generate_file(spec, options) {
            panic!("{}: {e}", spec.display());
        }
    }
    c.bench_function("generate/five-specs", |b| {
        b.iter(|| {
            for (spec, options) in &specs {
                black_box(generate_file(spec, options).unwrap());
            }
        })
    });

    let shared = root.join("../shared/real-specs");
    let mut group = c.benchmark_group("generate/official");
    group.sample_size(10);
    for (file, crate_name) in OFFICIAL {
        let spec = shared.join(file);
        if !spec.exists() {
            eprintln!(
                "generate/official/{file}: skipped, {} is missing",
                spec.display()
            );
            continue;
        }
        let options = standalone_options(&spec, crate_name);
        match generate_file(&spec, &options) {
            Ok(generated) => eprintln!(
                "generate/official/{file}: {} types, {} lines",
                generated.type_count,
                generated.source.lines().count()
            ),
            Err(e) => {
                eprintln!("generate/official/{file}: skipped, the generator fails on it: {e}");
                continue;
            }
        }
        group.bench_function(*file, |b| {
            b.iter(|| black_box(generate_file(&spec, &options).unwrap()))
        });
    }
    group.finish();
}

/// The change report's cost on the largest official spec and a small one: snapshot, write,
/// read, compare (of an unchanged spec: every type and operation is still compared).
fn report(c: &mut Criterion) {
    let shared = workspace().join("../shared/real-specs");
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for (file, crate_name) in [
        ("stripe-spec3-2020-11.json", "stripe-models"),
        ("flexprice-swagger-3-0-2025-08-04.json", "flexprice-models"),
    ] {
        let spec = shared.join(file);
        let Ok(doc) = load::load(&spec) else {
            eprintln!("report/{file}: skipped, {} does not load", spec.display());
            continue;
        };
        let Ok(space) = convert::convert(&doc) else {
            eprintln!("report/{file}: skipped, it does not convert");
            continue;
        };
        let previous = Surface::of(&space).to_json();
        group.bench_function(format!("{file}/snapshot-and-compare"), |b| {
            b.iter(|| {
                let surface = Surface::of(&space);
                let text = surface.to_json();
                let before = Surface::from_json(&previous).unwrap();
                black_box((compare(&before, &surface), text))
            })
        });
        let options = standalone_options(&spec, crate_name);
        group.bench_function(format!("{file}/generate"), |b| {
            b.iter(|| black_box(generate_file(&spec, &options).unwrap()))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short by default (a shared 2-core machine); `--warm-up-time`/`--measurement-time` override.
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = generate, report
}
criterion_main!(benches);
