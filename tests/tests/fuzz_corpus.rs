//! Replays the fuzz targets' committed corpora and crash regressions (`fuzz/corpus/TARGET.b64`,
//! one base64 input per line, written by `scripts/fuzz.sh TARGET --pack`; `fuzz/regressions/TARGET/`,
//! one file per crash found) on the stable toolchain, and the repository's own payload
//! corpora and specs as seeds: a crash once found and fixed can never come back. The
//! properties are in `payments_tests::fuzz`; RELIABILITY.md records the fuzzing runs.

use std::path::Path;

use payments_runtime::Json;
use payments_tests::{fuzz, root};

/// Every file of `dir` (none when it does not exist), sorted.
fn files(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// The inputs of a packed corpus (none when there is no file).
fn packed(path: &Path) -> Vec<Vec<u8>> {
    use base64::Engine;
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.split_whitespace()
        .map(|line| {
            base64::engine::general_purpose::STANDARD
                .decode(line)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

fn replay(target: &str, run: fn(&[u8]), seeds: Vec<Vec<u8>>) -> usize {
    let fuzz = root().join("fuzz");
    let mut inputs = packed(&fuzz.join("corpus").join(format!("{target}.b64")));
    inputs.extend(files(&fuzz.join("regressions").join(target)));
    inputs.extend(seeds);
    for input in &inputs {
        run(input);
    }
    inputs.len()
}

/// The payloads of `tests/corpus/*/*.json`, as written, with the model each is for.
fn corpus_payloads() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for provider in payments_tests::PROVIDERS {
        for text in files(&root().join("tests/corpus").join(provider)) {
            let case = Json::from_slice(&text).expect("a corpus file is JSON");
            let ty = case.get("type").and_then(Json::as_str).unwrap_or_default();
            let payload = match (case.get("payload"), case.get("payload_text")) {
                (Some(payload), _) => payload.to_string().into_bytes(),
                (None, Some(Json::String(text))) => text.as_bytes().to_vec(),
                _ => continue,
            };
            out.push((format!("{}::{ty}", provider.replace('-', "_")), payload));
        }
    }
    out
}

#[test]
fn parse_models_corpus() {
    let seeds = corpus_payloads()
        .into_iter()
        .map(|(model, payload)| {
            let selector = fuzz::MODELS.iter().position(|m| *m == model).unwrap_or(0);
            let mut input = vec![u8::try_from(selector).expect("14 models")];
            input.extend(payload);
            input
        })
        .collect();
    let replayed = replay("parse_models", fuzz::parse_models, seeds);
    assert!(replayed >= 100, "{replayed}");
}

#[test]
fn json_and_wire_forms_corpus() {
    let seeds = corpus_payloads().into_iter().map(|(_, p)| p).collect();
    let replayed = replay("json_and_wire_forms", fuzz::json_and_wire_forms, seeds);
    assert!(replayed >= 100, "{replayed}");
}

#[test]
fn generator_corpus() {
    let mut seeds = Vec::new();
    for stem in payments_tests::PROVIDERS {
        let text = std::fs::read(root().join(format!("specs/{stem}.yaml"))).expect("spec");
        seeds.push([&[1u8][..], &text].concat());
    }
    let replayed = replay("generator", fuzz::generator, seeds);
    assert!(replayed >= 5, "{replayed}");
}
