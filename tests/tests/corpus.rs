//! Payload corpora: `tests/corpus/<provider>/*.json`, one payload per file with its exact
//! expected violations (path and code), for each of the five provider documents.
//!
//! Each file is a JSON object:
//!
//! ```json
//! { "type": "CreatePaymentRequest", "description": "why this payload is (in)valid",
//!   "payload": { … }, "violations": [ { "path": "/amount/currency", "code": "pattern" } ] }
//! ```
//!
//! `payload_text` (a string sent as is) replaces `payload` for input that is not JSON.
//! `violations: []` marks a valid payload: it must parse, serialize back to the same JSON and
//! pass `Validate::validate`. Otherwise `parse` must report exactly the listed (path, code)
//! pairs — order does not matter, but a missing or an extra violation fails.
//!
//! [`every_constraint_of_the_specs_is_exercised`] checks that the corpora cover every constraint
//! keyword written in `specs/`; the `validate_*` tests check values built in Rust.

#[path = "corpus/literals.rs"]
mod literals;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use payments_models::{
    flexprice, formance_v1, formance_v3, layer2, papaya, parse, CheckJson, Validate, Violations,
};
use payments_runtime::JsonValue;
use payments_tests::{assert_same_json, exact_json, root, spec, PROVIDERS};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::{json, Value};

/// One corpus file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// The model in the provider's module (`CreatePaymentRequest`, …).
    r#type: String,
    /// Why the payload is invalid (or what a valid one shows).
    description: String,
    /// The payload, as JSON.
    #[serde(default)]
    payload: Option<JsonValue>,
    /// The payload as raw text, for input that is not JSON.
    #[serde(default)]
    payload_text: Option<String>,
    /// The exact violations `parse` must report; empty for a valid payload.
    violations: Vec<Expected>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    path: String,
    code: String,
}

impl Case {
    fn bytes(&self, name: &str) -> Vec<u8> {
        match (&self.payload, &self.payload_text) {
            (Some(value), None) => value.to_string().into_bytes(),
            (None, Some(text)) => text.clone().into_bytes(),
            _ => panic!("{name}: exactly one of `payload` and `payload_text` is needed"),
        }
    }
}

/// A corpus file with its name.
struct Entry {
    name: String,
    case: Case,
}

fn corpus_dir(provider: &str) -> PathBuf {
    root().join("tests/corpus").join(provider)
}

/// Every `*.json` file of `tests/corpus/<provider>/`, sorted by name.
fn load(provider: &str) -> Vec<Entry> {
    let dir = corpus_dir(provider);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = format!(
                "{provider}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            let case: Case = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                !case.description.trim().is_empty(),
                "{name}: empty description"
            );
            Entry { name, case }
        })
        .collect()
}

/// What a valid payload gave: its serialization and the `validate()` of the parsed value.
struct Parsed {
    back: JsonValue,
    validated: Result<(), Violations>,
}

fn run<T>(bytes: &[u8]) -> Result<Parsed, Violations>
where
    T: DeserializeOwned + Serialize + Validate + CheckJson,
{
    let typed: T = parse(bytes)?;
    Ok(Parsed {
        back: exact_json(&typed),
        validated: typed.validate(),
    })
}

/// Parses `bytes` as the model `ty` of `provider`.
fn run_as(provider: &str, ty: &str, bytes: &[u8]) -> Result<Parsed, Violations> {
    match (provider, ty) {
        ("layer2", "CreatePaymentRequest") => run::<layer2::CreatePaymentRequest>(bytes),
        ("layer2", "CreatePaymentResponse") => run::<layer2::CreatePaymentResponse>(bytes),
        ("layer2", "ErrorResponse") => run::<layer2::ErrorResponse>(bytes),
        ("formance-v1", "CreatePaymentRequest") => run::<formance_v1::CreatePaymentRequest>(bytes),
        ("formance-v1", "CreatePaymentResponse") => {
            run::<formance_v1::CreatePaymentResponse>(bytes)
        }
        ("formance-v1", "ErrorResponse") => run::<formance_v1::ErrorResponse>(bytes),
        ("formance-v3", "CreatePaymentRequest") => run::<formance_v3::CreatePaymentRequest>(bytes),
        ("formance-v3", "CreatePaymentResponse") => {
            run::<formance_v3::CreatePaymentResponse>(bytes)
        }
        ("formance-v3", "ErrorResponse") => run::<formance_v3::ErrorResponse>(bytes),
        ("flexprice", "CreatePaymentRequest") => run::<flexprice::CreatePaymentRequest>(bytes),
        ("flexprice", "CreatePaymentResponse") => run::<flexprice::CreatePaymentResponse>(bytes),
        ("flexprice", "ErrorResponse") => run::<flexprice::ErrorResponse>(bytes),
        ("papaya", "CreatePaymentRequest") => run::<papaya::CreatePaymentRequest>(bytes),
        ("papaya", "CreatePaymentResponse") => run::<papaya::CreatePaymentResponse>(bytes),
        other => panic!("no model registered for {other:?}"),
    }
}

fn listed(violations: &Violations) -> Vec<Expected> {
    violations
        .iter()
        .map(|v| Expected {
            path: v.path().to_owned(),
            code: v.code().as_str().to_owned(),
        })
        .collect()
}

/// `a` minus `b`, as multisets.
fn minus(a: &[Expected], b: &[Expected]) -> Vec<Expected> {
    let mut rest = b.to_vec();
    let mut out = Vec::new();
    for item in a {
        match rest.iter().position(|r| r == item) {
            Some(i) => {
                rest.swap_remove(i);
            }
            None => out.push(item.clone()),
        }
    }
    out.sort();
    out
}

fn show(list: &[Expected]) -> String {
    if list.is_empty() {
        return "(none)".to_owned();
    }
    list.iter()
        .map(|e| {
            format!(
                "{} {}",
                if e.path.is_empty() { "\"\"" } else { &e.path },
                e.code
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs every file of a provider's corpus; fails listing every file whose outcome differs.
fn check_corpus(provider: &str) {
    let entries = load(provider);
    let mut failures = Vec::new();
    let (mut valid, mut invalid, mut most) = (0, 0, 0);
    for Entry { name, case } in &entries {
        let bytes = case.bytes(name);
        let expected = &case.violations;
        match run_as(provider, &case.r#type, &bytes) {
            Ok(parsed) => {
                if !expected.is_empty() {
                    failures.push(format!(
                        "{name}: accepted, but expected: {}\n  ({})",
                        show(expected),
                        case.description
                    ));
                    continue;
                }
                let payload = case
                    .payload
                    .as_ref()
                    .unwrap_or_else(|| panic!("{name}: a valid payload needs `payload`"));
                assert_same_json(payload, &parsed.back, name);
                if let Err(violations) = parsed.validated {
                    failures.push(format!(
                        "{name}: parsed, but validate() of the parsed value failed:\n{violations}"
                    ));
                }
                valid += 1;
            }
            Err(violations) => {
                let actual = listed(&violations);
                let missing = minus(expected, &actual);
                let extra = minus(&actual, expected);
                if !missing.is_empty() || !extra.is_empty() {
                    failures.push(format!(
                        "{name}: ({})\n  missing: {}\n  extra:   {}\n  reported:\n{}",
                        case.description,
                        show(&missing),
                        show(&extra),
                        indent(&violations.to_string())
                    ));
                }
                for violation in violations.iter() {
                    if violation.message().trim().is_empty() {
                        failures.push(format!("{name}: {} has no message", violation.path()));
                    }
                }
                invalid += 1;
                most = most.max(expected.len());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{provider}: {} of {} corpus files failed:\n\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n\n")
    );
    // The corpus itself: enough invalid payloads, the valid ones, one with several violations,
    // non-JSON input and a type mismatch.
    assert!(invalid >= 10, "{provider}: only {invalid} invalid payloads");
    assert!(valid >= 2, "{provider}: only {valid} valid payloads");
    assert!(
        most >= 4,
        "{provider}: no payload with several (4+) violations"
    );
    let codes: BTreeSet<&str> = entries
        .iter()
        .flat_map(|e| e.case.violations.iter().map(|v| v.code.as_str()))
        .collect();
    for code in ["syntax", "type", "required"] {
        assert!(codes.contains(code), "{provider}: no `{code}` payload");
    }
    eprintln!("{provider}: {valid} valid and {invalid} invalid payloads checked");
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn layer2_corpus() {
    check_corpus("layer2");
}

#[test]
fn formance_v1_corpus() {
    check_corpus("formance-v1");
}

#[test]
fn formance_v3_corpus() {
    check_corpus("formance-v3");
}

#[test]
fn flexprice_corpus() {
    check_corpus("flexprice");
}

#[test]
fn papaya_corpus() {
    check_corpus("papaya");
}

// ---------------------------------------------------------------------------------------------
// Coverage of the specs' constraints
// ---------------------------------------------------------------------------------------------

/// The keywords checked for coverage, besides `required` (one occurrence per listed member),
/// `enum` and `format` (`date-time`, `byte`, `decimal`; other formats are annotations).
const KEYWORDS: [&str; 10] = [
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
];

const FORMATS: [&str; 3] = ["date-time", "byte", "decimal"];

/// One constraint written in a spec: the JSON Pointer of the schema node that holds it, and the
/// keyword (`pattern`, `format: date-time`, `required: amount`, …).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Occurrence {
    at: String,
    keyword: String,
}

impl std::fmt::Display for Occurrence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at {}", self.keyword, self.at)
    }
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// Every constraint occurrence under `/components/schemas`, walking inline schemas
/// (`properties`, `items`, `additionalProperties`, `allOf`) but not `$ref` targets, which are
/// components visited on their own.
fn occurrences(doc: &Value) -> BTreeSet<Occurrence> {
    fn walk(node: &Value, at: &str, out: &mut BTreeSet<Occurrence>) {
        let Some(object) = node.as_object() else {
            return;
        };
        let mut add = |keyword: String| {
            out.insert(Occurrence {
                at: at.to_owned(),
                keyword,
            });
        };
        for keyword in KEYWORDS {
            // OpenAPI 3.0 `exclusiveMinimum: false` is no constraint.
            if object
                .get(keyword)
                .is_some_and(|v| v != &Value::Bool(false))
            {
                add(keyword.to_owned());
            }
        }
        if object.contains_key("enum") {
            add("enum".to_owned());
        }
        if let Some(format) = object.get("format").and_then(Value::as_str) {
            if FORMATS.contains(&format) {
                add(format!("format: {format}"));
            }
        }
        for member in object
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            add(format!("required: {member}"));
        }
        if let Some(properties) = object.get("properties").and_then(Value::as_object) {
            for (name, schema) in properties {
                walk(schema, &format!("{at}/properties/{}", escape(name)), out);
            }
        }
        if let Some(items) = object.get("items") {
            walk(items, &format!("{at}/items"), out);
        }
        if let Some(additional) = object.get("additionalProperties") {
            walk(additional, &format!("{at}/additionalProperties"), out);
        }
        for (i, part) in object
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            walk(part, &format!("{at}/allOf/{i}"), out);
        }
    }
    let mut out = BTreeSet::new();
    for (name, schema) in doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .expect("components/schemas")
    {
        walk(
            schema,
            &format!("/components/schemas/{}", escape(name)),
            &mut out,
        );
    }
    out
}

/// The schema nodes that apply at a spec pointer: the node, then what its `$ref` and `allOf`
/// parts point to, recursively.
fn chain<'a>(doc: &'a Value, at: &str, out: &mut Vec<(String, &'a Value)>) {
    assert!(out.len() < 64, "schema chain too deep at {at}");
    let node = doc
        .pointer(at)
        .unwrap_or_else(|| panic!("no schema at {at}"));
    out.push((at.to_owned(), node));
    if let Some(target) = node
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
    {
        chain(doc, target, out);
    }
    for i in 0..node
        .get("allOf")
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
    {
        chain(doc, &format!("{at}/allOf/{i}"), out);
    }
}

/// The schema nodes that apply to member or item `segment` of a value the `nodes` apply to.
fn step<'a>(
    doc: &'a Value,
    nodes: &[(String, &'a Value)],
    segment: &str,
) -> Vec<(String, &'a Value)> {
    let mut out = Vec::new();
    for (at, node) in nodes {
        if node
            .pointer(&format!("/properties/{}", escape(segment)))
            .is_some()
        {
            chain(
                doc,
                &format!("{at}/properties/{}", escape(segment)),
                &mut out,
            );
        } else if node.get("items").is_some() && segment.parse::<usize>().is_ok() {
            chain(doc, &format!("{at}/items"), &mut out);
        } else if node
            .get("additionalProperties")
            .is_some_and(Value::is_object)
        {
            chain(doc, &format!("{at}/additionalProperties"), &mut out);
        }
    }
    out
}

/// The schema nodes that apply at the JSON Pointer `path` of a payload of component `ty`.
fn nodes_at<'a>(doc: &'a Value, ty: &str, path: &str) -> Vec<(String, &'a Value)> {
    let mut nodes = Vec::new();
    chain(
        doc,
        &format!("/components/schemas/{}", escape(ty)),
        &mut nodes,
    );
    for segment in path.split('/').skip(1) {
        nodes = step(doc, &nodes, &unescape(segment));
    }
    nodes
}

/// The spec constraint a corpus violation exercises: `Ok(None)` for codes that are not a
/// constraint keyword of the list (`type`, `syntax`), `Err` when the spec has no such keyword
/// where the violation points.
fn exercised(doc: &Value, ty: &str, violation: &Expected) -> Result<Option<Occurrence>, String> {
    let code = violation.code.as_str();
    let path = violation.path.as_str();
    let found = |nodes: Vec<(String, &Value)>, keyword: String, has: &dyn Fn(&Value) -> bool| {
        nodes
            .into_iter()
            .find(|(_, node)| has(node))
            .map(|(at, _)| Some(Occurrence { at, keyword }))
            .ok_or_else(|| format!("no `{code}` in the spec at {path:?} of {ty}"))
    };
    match code {
        "type" | "syntax" => Ok(None),
        "required" => {
            let (parent, member) = path.rsplit_once('/').ok_or("required at the root")?;
            let member = unescape(member);
            let has = |node: &Value| {
                node.get("required")
                    .and_then(Value::as_array)
                    .is_some_and(|r| r.iter().any(|m| m.as_str() == Some(member.as_str())))
            };
            found(
                nodes_at(doc, ty, parent),
                format!("required: {member}"),
                &has,
            )
        }
        "enum" | "const" => found(nodes_at(doc, ty, path), "enum".to_owned(), &|node| {
            node.get("enum").is_some()
        }),
        "format" => {
            let nodes = nodes_at(doc, ty, path);
            let format = nodes
                .iter()
                .filter_map(|(_, node)| node.get("format").and_then(Value::as_str))
                .find(|f| FORMATS.contains(f))
                .unwrap_or("?")
                .to_owned();
            found(nodes, format!("format: {format}"), &|node| {
                node.get("format").and_then(Value::as_str) == Some(format.as_str())
            })
        }
        keyword if KEYWORDS.contains(&keyword) => {
            found(nodes_at(doc, ty, path), keyword.to_owned(), &|node| {
                node.get(keyword).is_some()
            })
        }
        other => Err(format!(
            "code `{other}` at {path:?} is not a keyword of the specs"
        )),
    }
}

/// Enum occurrences a valid payload exercises leniently: a string the enum does not list,
/// accepted (an open response enum).
fn lenient_enums(
    doc: &Value,
    value: &Value,
    nodes: &[(String, &Value)],
    out: &mut BTreeSet<Occurrence>,
) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                lenient_enums(doc, member, &step(doc, nodes, key), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                lenient_enums(doc, item, &step(doc, nodes, &i.to_string()), out);
            }
        }
        Value::String(_) => {
            for (at, node) in nodes {
                if let Some(values) = node.get("enum").and_then(Value::as_array) {
                    if !values.contains(value) {
                        out.insert(Occurrence {
                            at: at.clone(),
                            keyword: "enum".to_owned(),
                        });
                    }
                }
            }
        }
        _ => {}
    }
}

/// Every constraint written in `specs/<provider>.yaml` is exercised by the provider's corpus.
///
/// The constraints are the keywords `pattern`, `minimum`, `maximum`, `exclusiveMinimum`,
/// `exclusiveMaximum`, `multipleOf`, `minLength`, `maxLength`, `minItems`, `maxItems`, `enum`,
/// `format` (`date-time`, `byte`, `decimal`) and `required` (one occurrence per listed member),
/// each at the JSON Pointer of the schema node that holds it. Each corpus violation is mapped
/// back to the spec by walking the schema of its payload's `type` along the violation's path
/// (through `properties`, `items`, `additionalProperties`, `$ref` and `allOf`); the occurrence
/// it exercises is the node on that walk holding the violation's keyword (`const` maps to a
/// one-value `enum`; for `required`, the parent's `required` list naming the member).
///
/// Granularity: a keyword is required where it is written. A keyword written once in a named
/// component (`Currency`'s `pattern`, `PaymentStatus`'s `enum`) is one occurrence, covered by
/// a violation reaching that component from any place that uses it; a keyword written inline
/// on a property is one occurrence per property. This is per schema component rather than per
/// use site, so the mapping is never ambiguous.
///
/// Open enums: an `enum` that only response types use can never be violated (an undocumented
/// value is accepted). Such an occurrence is covered by a valid payload carrying an
/// undocumented value there; any `enum` occurrence is also covered by an `enum`/`const`
/// violation.
///
/// `type` and `syntax` violations exercise no listed keyword. Any other violation that maps to
/// no keyword of the spec fails the test: the corpus expects a constraint the spec lacks.
#[test]
fn every_constraint_of_the_specs_is_exercised() {
    let mut problems = Vec::new();
    for provider in PROVIDERS {
        let doc = spec(provider);
        let wanted = occurrences(&doc);
        let mut covered = BTreeSet::new();
        for Entry { name, case } in load(provider) {
            for violation in &case.violations {
                match exercised(&doc, &case.r#type, violation) {
                    Ok(Some(occurrence)) => {
                        covered.insert(occurrence);
                    }
                    Ok(None) => {}
                    Err(why) => problems.push(format!("{name}: {why}")),
                }
            }
            if let (true, Some(payload)) = (case.violations.is_empty(), &case.payload) {
                let mut nodes = Vec::new();
                chain(
                    &doc,
                    &format!("/components/schemas/{}", escape(&case.r#type)),
                    &mut nodes,
                );
                lenient_enums(&doc, &payload.to_value(), &nodes, &mut covered);
            }
        }
        let missing: Vec<String> = wanted
            .difference(&covered)
            .map(|o| format!("{provider}: {o} is exercised by no corpus payload"))
            .collect();
        let by_keyword = wanted
            .iter()
            .fold(BTreeMap::<&str, usize>::new(), |mut m, o| {
                *m.entry(o.keyword.split(':').next().unwrap_or_default())
                    .or_default() += 1;
                m
            });
        eprintln!(
            "{provider}: {} constraint occurrences, {} covered; by keyword: {by_keyword:?}",
            wanted.len(),
            wanted.intersection(&covered).count()
        );
        problems.extend(missing);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The coverage walk itself: a few known mappings.
#[test]
fn violations_map_back_to_the_spec() {
    let papaya = spec("papaya");
    let at = |path: &str, code: &str| {
        exercised(
            &papaya,
            "CreatePaymentRequest",
            &Expected {
                path: path.to_owned(),
                code: code.to_owned(),
            },
        )
    };
    let occurrence = |at: &str, keyword: &str| {
        Ok(Some(Occurrence {
            at: at.to_owned(),
            keyword: keyword.to_owned(),
        }))
    };
    assert_eq!(
        at("/amount/currency", "pattern"),
        occurrence("/components/schemas/Currency", "pattern")
    );
    assert_eq!(
        at("/amount/amount", "required"),
        occurrence("/components/schemas/PaymentAmount", "required: amount")
    );
    assert_eq!(
        at("/attachments/3/url", "required"),
        occurrence("/components/schemas/Attachment", "required: url")
    );
    assert_eq!(
        at("/source/type", "enum"),
        occurrence("/components/schemas/SourceType", "enum")
    );
    assert_eq!(
        at("/execution/date", "format"),
        occurrence(
            "/components/schemas/ExecutionInfo/properties/date",
            "format: date-time"
        )
    );
    assert_eq!(at("/amount/amount", "type"), Ok(None));
    assert!(at("/description", "pattern").is_err());
    assert!(at("/amount/currency", "minimum").is_err());
    let occurrences = occurrences(&papaya);
    assert!(occurrences.contains(&Occurrence {
        at: "/components/schemas/CreatePaymentResponse/properties/purpose".to_owned(),
        keyword: "pattern".to_owned(),
    }));
    assert!(occurrences.contains(&Occurrence {
        at: "/components/schemas/Amount".to_owned(),
        keyword: "multipleOf".to_owned(),
    }));
}

// ---------------------------------------------------------------------------------------------
// Values built in Rust: `validate()` gives the same paths and codes as `parse`
// ---------------------------------------------------------------------------------------------

/// `value.validate()` reports exactly `expected`, and `parse` of its serialization the same.
fn assert_validate_like_parse<T>(value: &T, expected: &[(&str, &str)])
where
    T: DeserializeOwned + Serialize + Validate + CheckJson + std::fmt::Debug,
{
    let expected: Vec<Expected> = expected
        .iter()
        .map(|(path, code)| Expected {
            path: (*path).to_owned(),
            code: (*code).to_owned(),
        })
        .collect();
    let validated = listed(
        &value
            .validate()
            .expect_err("an invalid value built in Rust"),
    );
    assert_eq!(
        (minus(&expected, &validated), minus(&validated, &expected)),
        (vec![], vec![]),
        "validate() of {value:?}: (missing, extra)"
    );
    let json = serde_json::to_vec(value).expect("serializes");
    let parsed = listed(&parse::<T>(&json).expect_err("the same value as JSON"));
    assert_eq!(
        (minus(&parsed, &validated), minus(&validated, &parsed)),
        (vec![], vec![]),
        "parse vs validate of {}",
        String::from_utf8_lossy(&json)
    );
}

fn formance_v1_request() -> formance_v1::CreatePaymentRequest {
    formance_v1::CreatePaymentRequest {
        reference: "ref-1".to_owned(),
        connector_id: "stripe-1".to_owned(),
        created_at: "2023-11-07T05:31:56Z".parse().expect("a date-time"),
        amount: "100".parse().expect("an integer"),
        r#type: formance_v1::PaymentType::PayIn,
        status: formance_v1::PaymentStatus::Pending,
        scheme: formance_v1::PaymentScheme::Visa,
        asset: "USD/2".to_owned(),
        source_account_id: None,
        destination_account_id: None,
    }
}

#[test]
fn validate_a_formance_v1_request_built_in_rust() {
    let mut request = formance_v1_request();
    request.validate().expect("a valid request");
    request.amount = "-1".parse().expect("an integer");
    assert_validate_like_parse(&request, &[("/amount", "minimum")]);
}

#[test]
fn validate_a_formance_v1_response_built_in_rust() {
    let adjustment = |amount: &str| formance_v1::PaymentAdjustment {
        reference: "adj".to_owned(),
        created_at: "2023-11-07T05:31:56Z".parse().expect("a date-time"),
        status: formance_v1::PaymentStatusResponse::Unknown("SETTLED".to_owned()),
        amount: amount.parse().expect("an integer"),
        raw: Default::default(),
        unlisted: Default::default(),
    };
    let mut response = formance_v1::CreatePaymentResponse {
        data: formance_v1::Payment {
            id: "p1".to_owned(),
            reference: "ref-1".to_owned(),
            source_account_id: "src".to_owned(),
            destination_account_id: "dst".to_owned(),
            connector_id: "stripe-1".to_owned(),
            provider: Some(formance_v1::Connector::Stripe),
            r#type: formance_v1::PaymentTypeResponse::PayIn,
            status: formance_v1::PaymentStatusResponse::Pending,
            initial_amount: "100".parse().expect("an integer"),
            amount: "100".parse().expect("an integer"),
            scheme: formance_v1::PaymentSchemeResponse::Visa,
            asset: "USD".to_owned(),
            created_at: "2023-11-07T05:31:56Z".parse().expect("a date-time"),
            raw: payments_models::Nullable::Null,
            adjustments: vec![adjustment("1"), adjustment("2")],
            metadata: payments_models::Nullable::Null,
            unlisted: Default::default(),
        },
        unlisted: Default::default(),
    };
    response.validate().expect("a valid response");
    response.data.initial_amount = "-100".parse().expect("an integer");
    response.data.adjustments[1].amount = "-2".parse().expect("an integer");
    assert_validate_like_parse(
        &response,
        &[
            ("/data/initialAmount", "minimum"),
            ("/data/adjustments/1/amount", "minimum"),
        ],
    );
}

#[test]
fn validate_a_papaya_response_built_in_rust() {
    let text =
        json!({"id": "pay-1", "purpose": "SALA", "amount": {"amount": 10.5, "currency": "EUR"}});
    let mut response: papaya::CreatePaymentResponse =
        parse(text.to_string().as_bytes()).expect("valid");
    response.validate().expect("a valid response");
    // The response `purpose` is a plain string with a field rule: it can hold an invalid value.
    response.purpose = Some("sala".to_owned());
    assert_validate_like_parse(&response, &[("/purpose", "pattern")]);
}

#[test]
fn constrained_newtypes_cannot_hold_invalid_values() {
    let amount: rust_decimal::Decimal = "10.0001".parse().expect("a decimal");
    let error = papaya::Amount::new(amount).expect_err("4 decimal places");
    assert_eq!(listed(&error), [exp("", "multipleOf")]);
    let error = papaya::Currency::new("usd".to_owned()).expect_err("lower case");
    assert_eq!(listed(&error), [exp("", "pattern")]);
    let error = formance_v3::Asset::new("USD".to_owned()).expect_err("no precision");
    assert_eq!(listed(&error), [exp("", "pattern")]);
    assert_eq!(
        papaya::Amount::new("10.001".parse().expect("a decimal"))
            .expect("3 places")
            .get()
            .to_string(),
        "10.001"
    );
}

fn exp(path: &str, code: &str) -> Expected {
    Expected {
        path: path.to_owned(),
        code: code.to_owned(),
    }
}
