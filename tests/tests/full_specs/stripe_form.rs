//! Stripe's `POST /v1/payment_intents` (2020 spec) through the form encoder: a create-payment
//! body with nested `payment_method_data`, `metadata`, arrays and the required `amount` and
//! `currency`, sent with `Request::to_http`, must be exactly the bytes its `encoding` (every
//! nested member `deepObject`, exploded) describes, and decode back to the body it was built
//! from. A binary of the generated Stripe crate does the sending; this side checks.

use serde_json::{json, Map, Value};
use std::path::Path;
use std::process::Command;

/// The crate of the Stripe spec in the scratch workspace.
pub const CRATE: &str = "stripe-full-models";

/// The body, as a payments engineer writes it.
fn body() -> Value {
    json!({
        "amount": 2000,
        "currency": "eur",
        "payment_method_types": ["card", "sepa_debit"],
        "metadata": {"order_id": "6735"},
        "expand": ["customer", "payment_method"],
        "payment_method_data": {
            "type": "sepa_debit",
            "sepa_debit": {"iban": "DE89370400440532013000"},
            "billing_details": {
                "name": "Jenny Rosen",
                "email": "jenny@example.com",
                "address": {"city": "Berlin", "line1": "Unter den Linden 1"}
            }
        },
        "confirm": true,
        "description": "Order #6735 & co"
    })
}

/// The form, member by member in the struct's (the spec's) order, each nested value in
/// brackets, array items by index, bytes encoded as `application/x-www-form-urlencoded`.
const EXPECTED: &str = "amount=2000&confirm=true&currency=eur\
    &description=Order+%236735+%26+co\
    &expand[0]=customer&expand[1]=payment_method\
    &metadata[order_id]=6735\
    &payment_method_data[billing_details][address][city]=Berlin\
    &payment_method_data[billing_details][address][line1]=Unter+den+Linden+1\
    &payment_method_data[billing_details][email]=jenny%40example.com\
    &payment_method_data[billing_details][name]=Jenny+Rosen\
    &payment_method_data[sepa_debit][iban]=DE89370400440532013000\
    &payment_method_data[type]=sepa_debit\
    &payment_method_types[0]=card&payment_method_types[1]=sepa_debit";

/// The binary the generated crate builds: sends the body (and one without `currency`) and
/// prints what came out as JSON.
pub fn binary() -> String {
    let body = serde_json::to_string(&body()).expect("json");
    let mut missing = body_value_without("currency");
    missing["amount"] = json!("2000");
    let missing = serde_json::to_string(&missing).expect("json");
    format!(
        r####"// Written by tests/tests/full_specs/stripe_form.rs.
use stripe_full_models::operations::post_payment_intents as op;
use stripe_full_models::security::BearerAuth;

fn main() {{
    let credentials = op::Credentials::BearerAuth(BearerAuth::new("sk_test_123"));
    let body: op::Body = payments_runtime::parse(br###"{body}"###).expect("a valid body");
    let request = op::Request::new(Default::default(), body)
        .to_http("https://api.stripe.com/", &credentials)
        .expect("a request");
    let broken: Vec<String> = payments_runtime::parse::<op::Body>(br###"{missing}"###)
        .err()
        .into_iter()
        .flatten()
        .map(|v| format!("{{}} {{}}", v.path(), v.code()))
        .collect();
    let out = serde_json::json!({{
        "url": request.uri().to_string(),
        "content_type": request.headers()["content-type"].to_str().unwrap_or_default(),
        "authorization": request.headers()["authorization"].to_str().unwrap_or_default(),
        "form": String::from_utf8_lossy(request.body()),
        "broken": broken,
    }});
    println!("{{out}}");
}}
"####
    )
}

fn body_value_without(member: &str) -> Value {
    let mut value = body();
    if let Some(object) = value.as_object_mut() {
        object.remove(member);
    }
    value
}

/// Runs the binary and checks its output.
pub fn check(target: &Path) -> Result<(), String> {
    let run = Command::new(target.join(format!("debug/{CRATE}-form")))
        .output()
        .map_err(|e| format!("{CRATE}-form: {e}"))?;
    if !run.status.success() {
        return Err(format!(
            "{CRATE}-form failed: {}",
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    let out: Value = serde_json::from_slice(&run.stdout).map_err(|e| e.to_string())?;
    let mut failures = Vec::new();
    let mut expect = |what: &str, got: &Value, want: Value| {
        if *got != want {
            failures.push(format!("{what}:\n  got  {got}\n  want {want}"));
        }
    };
    expect(
        "url",
        &out["url"],
        json!("https://api.stripe.com/v1/payment_intents"),
    );
    expect(
        "content type",
        &out["content_type"],
        json!("application/x-www-form-urlencoded"),
    );
    expect(
        "authorization",
        &out["authorization"],
        json!("Bearer sk_test_123"),
    );
    expect("form", &out["form"], json!(EXPECTED));
    expect(
        "decoded",
        &decode(out["form"].as_str().unwrap_or_default()),
        as_form_values(&body()),
    );
    expect(
        "a body without currency, amount a string",
        &out["broken"],
        json!(["/amount type", "/currency required"]),
    );
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "Stripe POST /v1/payment_intents:\n{}",
            failures.join("\n")
        ))
    }
}

/// A form decoded as Stripe (Rack) reads it: `a[b][0]=v` nests, values are strings.
fn decode(form: &str) -> Value {
    let mut root = Value::Object(Map::new());
    for pair in form.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let mut segments: Vec<String> = Vec::new();
        let (head, rest) = key.split_once('[').map_or((key, ""), |(h, r)| (h, r));
        segments.push(unescape(head));
        for part in rest.split('[') {
            segments.push(unescape(part.trim_end_matches(']')));
        }
        segments.retain(|s| !s.is_empty());
        let mut node = &mut root;
        for segment in &segments[..segments.len() - 1] {
            let next = node
                .as_object_mut()
                .map(|object| object.entry(segment.clone()).or_insert_with(|| json!({})));
            match next {
                Some(next) => node = next,
                None => return Value::Null,
            }
        }
        if let (Some(object), Some(last)) = (node.as_object_mut(), segments.last()) {
            object.insert(last.clone(), Value::String(unescape(value)));
        }
    }
    root
}

/// `value` as a decoded form holds it: every scalar a string, arrays as objects by index.
fn as_form_values(value: &Value) -> Value {
    match value {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), as_form_values(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Object(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), as_form_values(v)))
                .collect(),
        ),
        Value::String(text) => Value::String(text.clone()),
        other => Value::String(other.to_string()),
    }
}

fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
