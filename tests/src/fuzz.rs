//! The fuzz targets' properties, shared by the coverage-guided fuzzers (`fuzz/`, libFuzzer)
//! and by `tests/tests/fuzz_corpus.rs`, which replays the committed corpora and regressions on
//! the stable toolchain. Each function panics when a property fails, which is what libFuzzer
//! reports as a crash.

use std::path::Path;
use std::str::FromStr;

use payments_models::{flexprice, formance_v1, formance_v3, layer2, papaya};
use payments_runtime::schema::json_equal;
use payments_runtime::{parse, BigInt, Json, Validate};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The request and response bodies of the bundled models, by selector byte (`data[0] % 14`).
pub const MODELS: [&str; 14] = [
    "layer2::CreatePaymentRequest",
    "layer2::CreatePaymentResponse",
    "layer2::ErrorResponse",
    "formance_v1::CreatePaymentRequest",
    "formance_v1::CreatePaymentResponse",
    "formance_v1::ErrorResponse",
    "formance_v3::CreatePaymentRequest",
    "formance_v3::CreatePaymentResponse",
    "formance_v3::ErrorResponse",
    "flexprice::CreatePaymentRequest",
    "flexprice::CreatePaymentResponse",
    "flexprice::ErrorResponse",
    "papaya::CreatePaymentRequest",
    "papaya::CreatePaymentResponse",
];

/// `parse::<T>` on arbitrary bytes, `T` chosen by the first byte (see [`MODELS`]): it accepts
/// exactly when serde and `validate()` accept; an accepted value serializes and parses back
/// equal; a rejection lists at least one violation, each at a JSON Pointer.
pub fn parse_models(data: &[u8]) {
    let Some((&selector, payload)) = data.split_first() else {
        return;
    };
    match selector % 14 {
        0 => parse_model::<layer2::CreatePaymentRequest>(payload),
        1 => parse_model::<layer2::CreatePaymentResponse>(payload),
        2 => parse_model::<layer2::ErrorResponse>(payload),
        3 => parse_model::<formance_v1::CreatePaymentRequest>(payload),
        4 => parse_model::<formance_v1::CreatePaymentResponse>(payload),
        5 => parse_model::<formance_v1::ErrorResponse>(payload),
        6 => parse_model::<formance_v3::CreatePaymentRequest>(payload),
        7 => parse_model::<formance_v3::CreatePaymentResponse>(payload),
        8 => parse_model::<formance_v3::ErrorResponse>(payload),
        9 => parse_model::<flexprice::CreatePaymentRequest>(payload),
        10 => parse_model::<flexprice::CreatePaymentResponse>(payload),
        11 => parse_model::<flexprice::ErrorResponse>(payload),
        12 => parse_model::<papaya::CreatePaymentRequest>(payload),
        _ => parse_model::<papaya::CreatePaymentResponse>(payload),
    }
}

fn parse_model<T>(payload: &[u8])
where
    T: DeserializeOwned + Serialize + Validate + payments_runtime::CheckJson + PartialEq,
    T: std::fmt::Debug,
{
    let parsed = parse::<T>(payload);
    let by_serde = serde_json::from_slice::<T>(payload)
        .ok()
        .filter(|value| value.validate().is_ok());
    assert_eq!(
        parsed.is_ok(),
        by_serde.is_some(),
        "parse and serde + validate() disagree: {parsed:?}"
    );
    match parsed {
        Ok(value) => {
            let text = serde_json::to_vec(&value).expect("an accepted value serializes");
            let again = parse::<T>(&text).expect("what was written parses");
            assert_eq!(again, value, "{}", String::from_utf8_lossy(&text));
        }
        Err(violations) => {
            assert!(!violations.is_empty(), "a rejection without a violation");
            for violation in violations.iter() {
                let path = violation.path();
                assert!(path.is_empty() || path.starts_with('/'), "{path:?}");
            }
        }
    }
}

/// The runtime's JSON reader and exact wire forms on arbitrary bytes: the reader accepts
/// exactly what serde_json accepts (and, beyond it, numbers too large for an `f64`, which a
/// `Value` cannot hold but JSON allows) and reads it as `Value` does; what it reads writes back to
/// the same tree; every number is a `Decimal` or `BigInt` exactly or an error (never rounded);
/// date-times, base64 and patterns never panic and round-trip.
pub fn json_and_wire_forms(data: &[u8]) {
    let ours = Json::from_slice(data);
    let theirs = serde_json::from_slice::<serde_json::Value>(data);
    let too_large = matches!(&theirs, Err(e) if e.to_string().starts_with("number out of range"));
    assert!(
        ours.is_ok() == theirs.is_ok() || (ours.is_ok() && too_large),
        "reader and serde_json disagree: {theirs:?}"
    );
    let Ok(json) = ours else {
        return;
    };
    if let Ok(value) = theirs {
        assert_eq!(json.to_value(), value);
    }
    let written = json.to_string();
    let back = Json::from_slice(written.as_bytes()).expect("what was written reads");
    assert_eq!(back, json, "{written}");
    let mut strings = Vec::new();
    walk(&json, &mut |leaf| match leaf {
        Json::Number(text) => exact_number(text),
        Json::String(text) => strings.push(text.to_string()),
        _ => {}
    });
    for text in &strings {
        wire_string(text);
    }
    // Each string as an ECMA-262 pattern, matched against every string (within the budget).
    for pattern in strings.iter().take(4) {
        if let Ok(matcher) = payments_runtime::pattern::compile(pattern) {
            for text in strings.iter().take(8) {
                let _ = matcher.is_match(text);
            }
        }
    }
}

fn walk<'a>(json: &'a Json<'a>, leaf: &mut dyn FnMut(&'a Json<'a>)) {
    match json {
        Json::Array(items) => items.iter().for_each(|item| walk(item, leaf)),
        Json::Object(object) => object.iter().for_each(|(_, value)| walk(value, leaf)),
        other => leaf(other),
    }
}

/// A number (or a string of the string wire forms) read as a `Decimal` or a `BigInt` keeps its
/// value exactly, or is refused.
pub fn exact_number(text: &str) {
    let number = Json::Number(text.into());
    if let Ok(decimal) = payments_runtime::wire::parse_decimal(text) {
        let shown = decimal.to_string();
        assert!(
            json_equal(&number, &Json::Number(shown.as_str().into())),
            "{text} became the decimal {shown}"
        );
    }
    if let Ok(integer) = BigInt::from_str(text) {
        let shown = integer.to_string();
        assert!(
            json_equal(&number, &Json::Number(shown.as_str().into())),
            "{text} became the integer {shown}"
        );
    }
}

fn wire_string(text: &str) {
    // The string wire forms of decimals and big integers read the same text.
    exact_number(text);
    if let Ok(at) = payments_runtime::DateTime::from_str(text) {
        let shown = at.to_string();
        let again =
            payments_runtime::DateTime::from_str(&shown).expect("a written date-time reads");
        assert_eq!(again, at, "{text} → {shown}");
    }
    if let Ok(bytes) = payments_runtime::Base64::from_str(text) {
        let shown = bytes.to_string();
        let again = payments_runtime::Base64::from_str(&shown).expect("written base64 reads");
        assert_eq!(again, bytes, "{text} → {shown}");
    }
}

/// The generator on arbitrary spec text (JSON when the first byte is even, else YAML): never
/// panics; every `Ok` output is Rust that parses.
pub fn generator(data: &[u8]) {
    let Some((&selector, text)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let path = if selector % 2 == 0 {
        Path::new("fuzz.json")
    } else {
        Path::new("fuzz.yaml")
    };
    let Ok(doc) = payments_codegen::load::parse(path, text) else {
        return;
    };
    let Ok(space) = payments_codegen::convert::convert(&doc) else {
        return;
    };
    let options = payments_codegen::Options {
        spec_label: "fuzz".to_owned(),
        ..Default::default()
    };
    if let Ok(file) = payments_codegen::render_space(&doc, &space, &options) {
        if let Err(e) = syn::parse_file(&file.source) {
            panic!("generated code does not parse: {e}\n{}", file.source);
        }
    }
}
