//! `application/x-www-form-urlencoded` bodies as an OpenAPI `encoding` says (OpenAPI 3.0.3
//! "Encoding Object" and "Style Values"): [`urlencoded`].
//!
//! The value is written as JSON first (exactly: decimals and big integers keep their digits)
//! and read back as a [`Json`] tree, so the form carries the same text the JSON body would.
//! Each member of the top-level object is written by its field's style:
//!
//! | value | `form`, explode | `form` | `spaceDelimited` / `pipeDelimited` | `deepObject` |
//! |---|---|---|---|---|
//! | scalar | `n=v` | `n=v` | `n=v` | `n=v` |
//! | array | `n=a&n=b` | `n=a,b` | `n=a%20b` / `n=a%7Cb` | `n[0]=a&n[1]=b` |
//! | object | `k=v&j=w` | `n=k,v,j,w` | `n=k%20v…` / `n=k%7Cv…` | `n[k]=v&n[j]=w` |
//!
//! Values nested deeper than a style defines are written with brackets, as `deepObject` writes
//! objects (`n[k][0][j]=v`, the convention of Rails, PHP, `qs` and Stripe). `null` is an
//! empty value (`n=`), `true`/`false` as written. Bytes are encoded as the WHATWG
//! `application/x-www-form-urlencoded` serializer does (space is `+`; `*-._`, letters and
//! digits as they are; every other byte `%XX`), but the structural `[`, `]`, `,` and `=`,
//! `&` are literal, so `metadata[order_id]=6735` reads as the spec's style tables write it;
//! those characters inside names and values are encoded.

use crate::json::Json;
use crate::{Code, Violation, Violations};

/// How one member of the body is written (its entry of the media type's `encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The member name.
    pub name: &'static str,
    /// Its style.
    pub style: Style,
    /// `explode` (the style's default applied: `true` for `form`, `false` otherwise).
    pub explode: bool,
}

impl Field {
    /// The entry for member `name`: its style, and whether it is exploded.
    pub const fn new(name: &'static str, style: Style, explode: bool) -> Self {
        Field {
            name,
            style,
            explode,
        }
    }
}

/// A form style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `form` (the default).
    Form,
    /// `spaceDelimited`.
    SpaceDelimited,
    /// `pipeDelimited`.
    PipeDelimited,
    /// `deepObject`.
    DeepObject,
}

/// `value` (a JSON object) as `application/x-www-form-urlencoded`, each member as `fields`
/// says (a member not listed is `form`, exploded). A value that is not an object cannot be a
/// form: a `request` violation at `/body`.
pub fn urlencoded<T: serde::Serialize + ?Sized>(
    value: &T,
    fields: &[Field],
) -> Result<Vec<u8>, Violations> {
    let fail =
        |message: String| -> Violations { Violation::new("/body", Code::Request, message).into() };
    let json =
        serde_json::to_vec(value).map_err(|e| fail(format!("the body cannot be written: {e}")))?;
    let tree =
        Json::from_slice(&json).map_err(|e| fail(format!("the body cannot be read: {e}")))?;
    let Json::Object(members) = &tree else {
        return Err(fail(format!(
            "a form body is an object, not {}",
            tree.kind()
        )));
    };
    let mut out = Form::default();
    for (name, value) in members.iter() {
        let field = fields
            .iter()
            .find(|f| f.name == name)
            .copied()
            .unwrap_or(Field {
                name: "",
                style: Style::Form,
                explode: true,
            });
        out.member(name, value, field);
    }
    let mut text = String::new();
    for (key, value) in &out.pairs {
        if !text.is_empty() {
            text.push('&');
        }
        render(key, &mut text, true);
        text.push('=');
        render(value, &mut text, true);
    }
    Ok(text.into_bytes())
}

/// The (name, value) pairs of one parameter written in `style` (a query parameter's
/// `style`/`explode`, which follow the same table), not yet percent-encoded: the HTTP client
/// (or `Outgoing::query`) encodes them. A scalar is one pair; `value` is written as JSON
/// first, exactly.
pub fn pairs<T: serde::Serialize + ?Sized>(
    name: &str,
    value: &T,
    style: Style,
    explode: bool,
) -> Vec<(String, String)> {
    let Ok(json) = serde_json::to_vec(value) else {
        return Vec::new();
    };
    let Ok(tree) = Json::from_slice(&json) else {
        return Vec::new();
    };
    let mut out = Form::default();
    out.member(
        name,
        &tree,
        Field {
            name: "",
            style,
            explode,
        },
    );
    out.pairs
        .iter()
        .map(|(key, value)| {
            let (mut k, mut v) = (String::new(), String::new());
            render(key, &mut k, false);
            render(value, &mut v, false);
            (k, v)
        })
        .collect()
}

/// A value in OpenAPI's `simple` style (header and path parameters), not yet encoded:
/// a scalar as its text, an array `a,b`, an object `k,v,j,w` (exploded: `k=v,j=w`); values
/// nested deeper are JSON text.
pub fn simple<T: serde::Serialize + ?Sized>(value: &T, explode: bool) -> String {
    let Ok(json) = serde_json::to_vec(value) else {
        return String::new();
    };
    let Ok(tree) = Json::from_slice(&json) else {
        return String::new();
    };
    match &tree {
        Json::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(","),
        Json::Object(members) => members
            .iter()
            .map(|(key, item)| {
                let separator = if explode { "=" } else { "," };
                format!("{key}{separator}{}", scalar(item))
            })
            .collect::<Vec<_>>()
            .join(","),
        other => scalar(other),
    }
}

/// A piece of a name or value: text (encoded when written as a form) or one of the style's
/// delimiters (written as it is).
#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    /// As a form writes it, and as a parameter value the client encodes holds it.
    Delimiter {
        form: &'static str,
        plain: &'static str,
    },
}

const fn delimiter(text: &'static str) -> Piece {
    Piece::Delimiter {
        form: text,
        plain: text,
    }
}

/// Writes `pieces`: encoded as a form (`form`), or as plain text.
fn render(pieces: &[Piece], out: &mut String, form: bool) {
    for piece in pieces {
        match (piece, form) {
            (Piece::Text(t), true) => encode(t, out),
            (Piece::Text(t), false) => out.push_str(t),
            (Piece::Delimiter { form: d, .. }, true) => out.push_str(d),
            (Piece::Delimiter { plain: d, .. }, false) => out.push_str(d),
        }
    }
}

type Pieces = Vec<Piece>;

#[derive(Default)]
struct Form {
    pairs: Vec<(Pieces, Pieces)>,
}

impl Form {
    fn member(&mut self, name: &str, value: &Json<'_>, field: Field) {
        let key = vec![Piece::Text(name.to_owned())];
        match (value, field.style) {
            (Json::Array(_) | Json::Object(_), Style::DeepObject) => self.nested(&key, value),
            (Json::Array(items), Style::Form) if field.explode => {
                for item in items {
                    self.nested(&key, item);
                }
            }
            (Json::Object(members), Style::Form) if field.explode => {
                for (member, item) in members.iter() {
                    self.nested(&[Piece::Text(member.to_owned())], item);
                }
            }
            (Json::Array(_) | Json::Object(_), style) => {
                let separator = match style {
                    Style::SpaceDelimited => Piece::Delimiter {
                        form: "%20",
                        plain: " ",
                    },
                    Style::PipeDelimited => Piece::Delimiter {
                        form: "%7C",
                        plain: "|",
                    },
                    _ => delimiter(","),
                };
                let mut texts: Vec<String> = Vec::new();
                match value {
                    Json::Array(items) => texts.extend(items.iter().map(scalar)),
                    Json::Object(members) => {
                        for (member, item) in members.iter() {
                            texts.push(member.to_owned());
                            texts.push(scalar(item));
                        }
                    }
                    _ => {}
                }
                let mut joined = Vec::new();
                for (index, text) in texts.into_iter().enumerate() {
                    if index > 0 {
                        joined.push(separator.clone());
                    }
                    joined.push(Piece::Text(text));
                }
                self.pairs.push((key, joined));
            }
            (scalar_value, _) => self.nested(&key, scalar_value),
        }
    }

    /// `key` = `value`, objects and arrays below it in brackets.
    fn nested(&mut self, key: &[Piece], value: &Json<'_>) {
        let below = |segment: String| {
            let mut nested = key.to_vec();
            nested.push(delimiter("["));
            nested.push(Piece::Text(segment));
            nested.push(delimiter("]"));
            nested
        };
        match value {
            Json::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.nested(&below(index.to_string()), item);
                }
            }
            Json::Object(members) => {
                for (member, item) in members.iter() {
                    self.nested(&below(member.to_owned()), item);
                }
            }
            scalar_value => {
                self.pairs
                    .push((key.to_vec(), vec![Piece::Text(scalar(scalar_value))]));
            }
        }
    }
}

/// A scalar as form text; an array or object nested where a style joins items is JSON text.
fn scalar(value: &Json<'_>) -> String {
    match value {
        Json::Null => String::new(),
        Json::Bool(b) => b.to_string(),
        Json::Number(text) | Json::String(text) => text.to_string(),
        nested => serde_json::to_string(nested).unwrap_or_default(),
    }
}

/// The WHATWG urlencoded byte serializer.
fn encode(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        match byte {
            b' ' => out.push('+'),
            b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                out.push(char::from(byte));
            }
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0x0F)]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{urlencoded, Field, Style};
    use crate::JsonValue;

    /// JSON text read in order (a `serde_json::Value` would sort the members).
    fn json(text: &str) -> JsonValue {
        crate::parse(text.as_bytes()).expect("JSON")
    }

    fn form(value: JsonValue, fields: &[Field]) -> String {
        let bytes = urlencoded(&value, fields).expect("an object");
        String::from_utf8(bytes).expect("ASCII")
    }

    const fn field(name: &'static str, style: Style, explode: bool) -> Field {
        Field {
            name,
            style,
            explode,
        }
    }

    /// OpenAPI 3.0.3 "Style Examples": `color` as array `["blue","black","brown"]` and object
    /// `{"R":100,"G":200,"B":150}`.
    #[test]
    fn the_style_examples_of_the_openapi_specification() {
        let array = json(r#"{"color": ["blue", "black", "brown"]}"#);
        let object = json(r#"{"color": {"R": 100, "G": 200, "B": 150}}"#);
        let cases = [
            (
                &array,
                field("color", Style::Form, true),
                "color=blue&color=black&color=brown",
            ),
            (
                &array,
                field("color", Style::Form, false),
                "color=blue,black,brown",
            ),
            (
                &array,
                field("color", Style::SpaceDelimited, false),
                "color=blue%20black%20brown",
            ),
            (
                &array,
                field("color", Style::PipeDelimited, false),
                "color=blue%7Cblack%7Cbrown",
            ),
            (
                &object,
                field("color", Style::Form, true),
                "R=100&G=200&B=150",
            ),
            (
                &object,
                field("color", Style::Form, false),
                "color=R,100,G,200,B,150",
            ),
            (
                &object,
                field("color", Style::DeepObject, true),
                "color[R]=100&color[G]=200&color[B]=150",
            ),
        ];
        for (value, field, expected) in cases {
            assert_eq!(form(value.clone(), &[field]), expected, "{field:?}");
        }
        assert_eq!(form(json(r#"{"color": "blue"}"#), &[]), "color=blue");
    }

    #[test]
    fn parameter_pairs_follow_the_same_table_unencoded() {
        use super::pairs;
        let object = json(r#"{"gt": 1600000000, "lte": 1700000000}"#);
        assert_eq!(
            pairs("created", &object, Style::DeepObject, true),
            [
                ("created[gt]".to_owned(), "1600000000".to_owned()),
                ("created[lte]".to_owned(), "1700000000".to_owned())
            ]
        );
        assert_eq!(
            pairs("created", &object, Style::Form, true),
            [
                ("gt".to_owned(), "1600000000".to_owned()),
                ("lte".to_owned(), "1700000000".to_owned())
            ]
        );
        let array = json(r#"["a b", "c|d"]"#);
        assert_eq!(
            pairs("ids", &array, Style::PipeDelimited, false),
            [("ids".to_owned(), "a b|c|d".to_owned())]
        );
        assert_eq!(
            pairs("ids", &array, Style::SpaceDelimited, false),
            [("ids".to_owned(), "a b c|d".to_owned())]
        );
        assert_eq!(
            pairs("n", &json("5"), Style::DeepObject, true),
            [("n".to_owned(), "5".to_owned())]
        );
    }

    /// OpenAPI 3.0.3 "Style Examples", `simple` rows.
    #[test]
    fn the_simple_style_of_headers_and_paths() {
        use super::simple;
        let object = json(r#"{"R": 100, "G": 200, "B": 150}"#);
        assert_eq!(simple(&object, false), "R,100,G,200,B,150");
        assert_eq!(simple(&object, true), "R=100,G=200,B=150");
        assert_eq!(simple(&json(r#"["blue", "black"]"#), false), "blue,black");
        assert_eq!(simple(&json(r#""blue""#), false), "blue");
        assert_eq!(simple(&json("1.50"), false), "1.50");
    }

    #[test]
    fn nesting_brackets_exact_numbers_and_escapes() {
        let value = json(
            r#"{
                "amount": 2000,
                "metadata": {"order_id": "6735", "note": "a&b=c [x]"},
                "expand": ["customer", "payment_method"],
                "payment_method_data": {"billing_details": {"address": {"city": "São Paulo"}}},
                "confirm": true,
                "description": null
            }"#,
        );
        let fields = [
            field("metadata", Style::DeepObject, true),
            field("expand", Style::DeepObject, true),
            field("payment_method_data", Style::DeepObject, true),
        ];
        assert_eq!(
            form(value, &fields),
            "amount=2000&metadata[order_id]=6735&metadata[note]=a%26b%3Dc+%5Bx%5D\
             &expand[0]=customer&expand[1]=payment_method\
             &payment_method_data[billing_details][address][city]=S%C3%A3o+Paulo\
             &confirm=true&description="
        );
        // Exact: a decimal's digits as the JSON body would carry them.
        let exact = json(r#"{"amount": 1500.125000, "big": 123456789012345678901234567890}"#);
        let bytes = urlencoded(&exact, &[]).expect("an object");
        assert_eq!(
            bytes,
            b"amount=1500.125000&big=123456789012345678901234567890"
        );
        assert!(urlencoded(&json("[1]"), &[]).is_err());
    }
}
