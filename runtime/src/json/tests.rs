//! The reader takes exactly what serde_json takes and reads it as `serde_json::Value` reads it,
//! numbers kept as written (hand-picked and mutated texts); `&Json` as a deserializer against
//! serde_json reading the same text; exact numbers through serde without
//! `arbitrary_precision`.

use std::borrow::Cow;

use serde::Deserialize;

use super::*;

/// Whether `text` is one JSON number (RFC 8259 grammar), nothing around it.
fn is_json_number(text: &str) -> bool {
    read::scan_number(text.as_bytes(), 0) == Some(text.len())
}

fn both(text: &str) -> (Result<Json<'_>, String>, Result<Value, String>) {
    (
        Json::from_slice(text.as_bytes()).map_err(|e| e.to_string()),
        serde_json::from_str::<Value>(text).map_err(|e| e.to_string()),
    )
}

#[test]
fn reads_as_value_reads() {
    for text in [
        r#"{"a": [1, -0, 1.50, 1E+2, 123456789012345678901234567890], "b": "x\"y", "c": null}"#,
        r#"{"a": 1, "b": 2, "a": 3}"#,
        r#"[true, false, {}, [], "", "\u00e9"]"#,
        r#"{"$serde_json::private::Number": "12.0"}"#,
        r#"{"x": 1, "$serde_json::private::RawValue": "12.0"}"#,
    ] {
        let (json, value) = both(text);
        let (json, value) = (json.unwrap(), value.unwrap());
        assert_eq!(json.to_value(), value, "{text}");
    }
}

#[test]
fn numbers_are_written_back_digit_for_digit() {
    let text = r#"{"a":[1,-0,1.50,1E+2,123456789012345678901234567890,-9223372036854775809],"b":{"c":0.1000000000000000000000000001}}"#;
    let json = Json::from_slice(text.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&json).unwrap(), text);
    assert_eq!(json.to_string(), text);
    let owned: JsonValue = serde_json::from_str(text).unwrap();
    assert_eq!(owned, json);
    // Also from a reader (serde_json hands the raw text over owned) and from `&Json`.
    let read: JsonValue = serde_json::from_reader(text.as_bytes()).unwrap();
    assert_eq!(read, json);
    assert_eq!(JsonValue::deserialize(&json).unwrap(), json);
    // Into a `Value` it is what serde_json makes of the text.
    let value: Value = serde_json::to_value(&json).unwrap();
    assert_eq!(value, serde_json::from_str::<Value>(text).unwrap());
}

#[test]
fn errors_are_serde_json_errors() {
    for text in [
        "",
        "{\"a\": 1,\n oops}",
        "[1, 2",
        "1 trailing",
        "\"\\ud800\"",
    ] {
        let (json, value) = both(text);
        assert_eq!(json.map(|_| ()), value.map(|_| ()), "{text:?}");
    }
    let deep = "[".repeat(200) + &"]".repeat(200);
    let (json, value) = both(&deep);
    assert_eq!(json.map(|_| ()), value.map(|_| ()));
}

#[test]
fn numbers_beyond_f64_are_kept_as_written() {
    // Found by the `json_and_wire_forms` fuzz target: serde_json's `Value` refuses these.
    for text in ["1e400", "-1.5E+309", "[1e99999, 2]"] {
        agrees(text.as_bytes());
        let json = Json::from_slice(text.as_bytes()).expect("JSON allows any number");
        assert_eq!(json.to_string(), text.replace(", ", ","));
    }
    let big: JsonValue = serde_json::from_str("1e400").expect("the raw text is kept");
    assert_eq!(big.to_value(), Value::Null);
}

#[test]
fn strings_borrow_unless_escaped() {
    let json = Json::from_slice(br#"{"plain": "abc", "esc\n": "a\tb"}"#).unwrap();
    let Json::Object(object) = &json else {
        panic!("{json:?}")
    };
    let members: Vec<_> = object.members.iter().collect();
    assert!(matches!(members[0].0, Cow::Borrowed("plain")));
    assert!(matches!(members[0].1, Json::String(Cow::Borrowed("abc"))));
    assert!(matches!(members[1].0, Cow::Owned(_)));
    assert_eq!(json.get("esc\n").and_then(Json::as_str), Some("a\tb"));
}

#[test]
fn large_objects_keep_first_position_and_last_value() {
    let mut text = String::from("{");
    for i in 0..40 {
        text.push_str(&format!("\"k{}\": {i},", i % 25));
    }
    text.push_str("\"end\": true}");
    let (json, value) = both(&text);
    let (json, value) = (json.unwrap(), value.unwrap());
    assert_eq!(json.to_value(), value);
    assert_eq!(json.as_object().map(Object::len), Some(26));
    assert_eq!(json.get("k3"), Some(&Json::Number("28".into())));
}

#[test]
fn number_grammar() {
    for ok in ["0", "-0", "1.5", "1e5", "1E-5", "-12.34e+10"] {
        assert!(is_json_number(ok), "{ok}");
    }
    for bad in ["", "-", "01", "1.", ".5", "1e", "+1", "1x", "NaN"] {
        assert!(!is_json_number(bad), "{bad}");
    }
}

/// What serde_json makes of the text (the reference the reader must agree with).
fn reference(text: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice(text)
}

/// The reader accepts exactly what serde_json accepts, and reads it as `Value` reads it; it
/// also keeps numbers too large for an `f64`, which JSON allows and a `Value` refuses.
fn agrees(text: &[u8]) {
    let fast = read::read(text);
    match (&fast, reference(text)) {
        (Some(fast), Ok(slow)) => {
            assert_eq!(fast.to_value(), slow, "{:?}", String::from_utf8_lossy(text))
        }
        (None, Err(_)) => {}
        (Some(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
        (Some(_), Err(e)) => panic!("read accepted what serde_json rejects ({e}): {text:?}"),
        (None, Ok(_)) => panic!("read declined what serde_json takes: {text:?}"),
    }
}

#[test]
fn fast_reader_reads_well_formed_text_as_serde_json() {
    for text in [
        "null",
        " true ",
        "\tfalse\r\n",
        "0",
        "-0",
        "-12.5e-3",
        "1E+2",
        "123456789012345678901234567890.000000000000000000001",
        r#""""#,
        r#""plain""#,
        r#""esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00 end""#,
        "\"caf\u{e9} \u{1F600}\"",
        "[]",
        "[ ]",
        "{}",
        "{ }",
        r#"[1, [2, [3, {"a": [{}]}]]]"#,
        r#"{"a": 1, "b": {"c": [true, null, "x"]}, "a": 2}"#,
        r#"{"\u0061": 1, "a": 2}"#,
        r#"{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,
            "k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k3":33}"#,
        r#"{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,
            "k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17}"#,
        "\u{7f}\"",
    ] {
        let fast = read::read(text.as_bytes());
        agrees(text.as_bytes());
        if reference(text.as_bytes()).is_ok() {
            assert!(fast.is_some(), "declined well-formed {text:?}");
        }
    }
}

#[test]
fn fast_reader_declines_what_serde_json_rejects() {
    // serde_json's depth limit, to the bracket.
    for depth in [126, 127, 128, 129] {
        let deep = "[".repeat(depth) + &"]".repeat(depth);
        agrees(deep.as_bytes());
        assert_eq!(
            read::read(deep.as_bytes()).is_some(),
            depth <= 127,
            "{depth}"
        );
    }
    for text in [
        "",
        " ",
        "nul",
        "nulls",
        "tru",
        "[1,]",
        "[1 2]",
        "{\"a\" 1}",
        "{\"a\":}",
        "{a: 1}",
        "{\"a\":1,}",
        "{,}",
        "[",
        "]",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "0x10",
        "NaN",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"tab\there\"",
        "\"open",
        "1 2",
        "{} x",
        "\u{feff}{}",
    ] {
        assert!(read::read(text.as_bytes()).is_none(), "accepted {text:?}");
        agrees(text.as_bytes());
    }
    for bytes in [
        &b"\"\xff\""[..],
        b"\"\xc3\"",
        b"\"\xc3\\n\"",
        b"[\xe2\x82]",
        b"\"\xed\xa0\x80\"",
    ] {
        assert!(read::read(bytes).is_none(), "accepted {bytes:?}");
        agrees(bytes);
    }
}

/// Deterministic mutations of a realistic payload: every byte replaced, dropped or doubled in
/// turn, with bytes that matter to JSON. The fast reader never accepts what serde_json rejects
/// and reads the rest as serde_json does.
#[test]
fn fast_reader_agrees_on_mutations() {
    let base = br#"{"id": "pay_1", "amount": 1234.50, "fee": -0.5e-2, "tags": ["a", "b\u00e9"],
        "meta": {"k": null, "ok": true, "n": [0, 10, {"x": "y\"z"}]}, "id": "dup"}"#;
    let replacements = b"{}[]\",:0-.eE+ \\u\x01\x80a9";
    let mut accepted = 0;
    for at in 0..base.len() {
        for &byte in replacements {
            let mut text = base.to_vec();
            text[at] = byte;
            agrees(&text);
            accepted += usize::from(read::read(&text).is_some());
        }
        let mut dropped = base.to_vec();
        dropped.remove(at);
        agrees(&dropped);
        let mut doubled = base.to_vec();
        doubled.insert(at, base[at]);
        agrees(&doubled);
    }
    // The mutations are not all rejected: the comparison above is not vacuous.
    assert!(accepted > 100, "{accepted}");
}

#[test]
fn numbers_and_plain_strings_borrow() {
    let json = read::read(br#"{"n": 12.50, "s": "abc", "e": "a\nb"}"#).unwrap();
    let object = json.as_object().unwrap();
    assert!(matches!(
        object.get("n"),
        Some(Json::Number(Cow::Borrowed("12.50")))
    ));
    assert!(matches!(
        object.get("s"),
        Some(Json::String(Cow::Borrowed("abc")))
    ));
    assert!(matches!(object.get("e"), Some(Json::String(Cow::Owned(text))) if text == "a\nb"));
}

/// Deserializing from `&Json` gives what serde_json reading the same text gives.
fn deserializes_as_value<T>(text: &str)
where
    T: for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug,
{
    let json = Json::from_slice(text.as_bytes()).unwrap();
    let from_json = T::deserialize(&json).map_err(|e| e.to_string());
    let from_value = serde_json::from_str::<T>(text).map_err(|e| e.to_string());
    assert_eq!(
        from_json.is_ok(),
        from_value.is_ok(),
        "{text}: {from_json:?} vs {from_value:?}"
    );
    if let (Ok(a), Ok(b)) = (&from_json, &from_value) {
        assert_eq!(a, b, "{text}");
    }
}

#[test]
fn deserializer_reads_as_value_reads() {
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Payment {
        #[serde(with = "crate::wire::decimal_number")]
        amount: rust_decimal::Decimal,
        currency: String,
        count: Option<u8>,
        kind: Kind,
        tags: Vec<String>,
        meta: BTreeMap<String, i64>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Card,
        Wire { iban: String },
        Check(u32),
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(tag = "type")]
    enum Tagged {
        A { x: i32 },
        B,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Wrapper(String);

    for text in [
        r#"{"amount": 12.50, "currency": "EUR", "count": 3, "kind": "card", "tags": ["a"], "meta": {"k": -1}}"#,
        r#"{"amount": 1e-3, "currency": "E\u0055R", "count": null, "kind": {"wire": {"iban": "X"}}, "tags": [], "meta": {}}"#,
        r#"{"amount": 79228162514264337593543950335, "currency": "", "kind": {"check": 7}, "tags": [], "meta": {}}"#,
        r#"{"amount": "12", "currency": "EUR", "kind": "card", "tags": [], "meta": {}}"#,
        r#"{"amount": 1, "currency": "EUR", "count": 300, "kind": "card", "tags": [], "meta": {}}"#,
        r#"{"amount": 1, "currency": "EUR", "kind": "cash", "tags": [], "meta": {}}"#,
        r#"{"amount": 1, "currency": "EUR", "kind": {"card": null, "wire": 1}, "tags": [], "meta": {}}"#,
        r#"{"amount": 1, "currency": "EUR", "kind": "card", "tags": [1], "meta": {"k": 1.5}}"#,
        r#"{"amount": 1, "currency": "EUR", "kind": "card", "tags": [], "meta": {}, "x": 1}"#,
        r#"{"amount": 1, "kind": "card", "tags": [], "meta": {}}"#,
        r#"[1, "EUR", 2, "card", [], {}]"#,
    ] {
        deserializes_as_value::<Payment>(text);
    }
    for text in [
        r#"{"type": "A", "x": 1}"#,
        r#"{"type": "B"}"#,
        r#"{"type": "C"}"#,
        r#"{"x": 1}"#,
    ] {
        deserializes_as_value::<Tagged>(text);
    }
    for text in [r#""w""#, "1", "null"] {
        deserializes_as_value::<Wrapper>(text);
        deserializes_as_value::<Option<Wrapper>>(text);
    }
    for text in [
        "0",
        "-1",
        "255",
        "256",
        "1.0",
        "1e2",
        "18446744073709551616",
        "-9223372036854775809",
    ] {
        deserializes_as_value::<u8>(text);
        deserializes_as_value::<i64>(text);
        deserializes_as_value::<u128>(text);
        deserializes_as_value::<f64>(text);
        deserializes_as_value::<serde_json::Number>(text);
    }
    for text in ["[1, 2]", "[1, 2, 3]", "[1]"] {
        deserializes_as_value::<(u8, u8)>(text);
    }
}

/// What a user's own serde code does with numbers must not depend on this crate: the runtime
/// builds without `arbitrary_precision`, so a number buffered by serde (`flatten`, `untagged`)
/// reaches the user's `f64` as a float. Our exact types refuse a float rather than round it.
#[test]
fn exact_numbers_without_arbitrary_precision() {
    #[derive(Debug, Deserialize)]
    struct Flat {
        #[serde(flatten)]
        inner: Inner,
    }
    #[derive(Debug, Deserialize)]
    struct Inner {
        n: f64,
    }
    let flat: Flat = serde_json::from_str(r#"{"n": 1.5}"#).unwrap();
    assert_eq!(flat.inner.n, 1.5);

    #[derive(Debug, Deserialize)]
    struct Money {
        #[serde(with = "crate::wire::decimal_number")]
        amount: rust_decimal::Decimal,
    }
    let exact: Money =
        serde_json::from_str(r#"{"amount": 1234567890.1234567890123456789}"#).unwrap();
    assert_eq!(exact.amount.to_string(), "1234567890.1234567890123456789");
    let from_reader: Money = serde_json::from_reader(&br#"{"amount": 0.10}"#[..]).unwrap();
    assert_eq!(from_reader.amount.to_string(), "0.10");

    #[derive(Debug, Deserialize)]
    struct Buffered {
        #[serde(flatten)]
        money: Money,
    }
    // Through serde's buffer an integer stays exact; a fraction would be an f64: refused.
    let whole: Buffered = serde_json::from_str(r#"{"amount": 12}"#).unwrap();
    assert_eq!(whole.money.amount.to_string(), "12");
    let e = serde_json::from_str::<Buffered>(r#"{"amount": 0.1}"#).unwrap_err();
    assert!(e.to_string().contains("binary float"), "{e}");
    let e = serde_json::from_str::<Money>(r#"{"amount": "0.1"}"#).unwrap_err();
    assert!(e.to_string().contains("invalid type: string"), "{e}");
}
