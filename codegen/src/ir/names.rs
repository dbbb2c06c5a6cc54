//! Rust names for spec names: deterministic, valid identifiers, free of collisions.

use super::case;
use std::collections::{BTreeMap, BTreeSet};

/// Names the generated module already uses for imports; a type of the same name would clash.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "Base64",
    "BigInt",
    "Box",
    "BTreeMap",
    "DateTime",
    "Decimal",
    "Deserialize",
    "Err",
    "Nullable",
    "None",
    "Ok",
    "Option",
    "Result",
    "Self",
    "Serialize",
    "Some",
    "String",
    "Validate",
    "Value",
    "Vec",
    "WireEnum",
];

/// Keywords that cannot be raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["crate", "self", "super", "Self", "_"];

const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized",
    "use", "virtual", "where", "while", "yield",
];

/// Hands out unique names within one scope (a module's types, a struct's fields).
#[derive(Debug, Default, Clone)]
pub struct Namer {
    taken: BTreeSet<String>,
}

impl Namer {
    /// A namer with nothing taken.
    pub fn new() -> Self {
        Self::default()
    }

    /// Returns `wanted` if it is free, else `wanted2`, `wanted3`, … and marks it taken.
    pub fn unique(&mut self, wanted: &str) -> String {
        if self.taken.insert(wanted.to_owned()) {
            return wanted.to_owned();
        }
        let mut n = 2usize;
        loop {
            let candidate = format!("{wanted}{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }

    /// Whether a name is already handed out.
    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }
}

/// Type names asked for across a whole document, settled together once every schema has asked,
/// so that the name a schema gets depends only on the schemas that want the same name: adding
/// a schema, a member or an inline object elsewhere renames nothing (first come, first served
/// would shift the `2`, `3` suffixes of every later collision).
///
/// Within a group of requests for one name, the first by `(rank, key)` keeps the name (unless
/// it is taken already); the others get the first free `Name2`, `Name3`, … in that order. The
/// key is what identifies the schema itself (a component's name, a node's JSON Pointer); the
/// rank puts a name the spec writes before one the generator derives.
#[derive(Debug, Default, Clone)]
pub struct NameRequests {
    requests: Vec<NameRequest>,
}

#[derive(Debug, Clone)]
struct NameRequest {
    wanted: String,
    rank: u8,
    key: String,
}

impl NameRequests {
    /// No requests.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks for `wanted` for the schema identified by `key`; returns the request's index.
    pub fn request(&mut self, wanted: &str, rank: u8, key: &str) -> usize {
        self.requests.push(NameRequest {
            wanted: wanted.to_owned(),
            rank,
            key: key.to_owned(),
        });
        self.requests.len() - 1
    }

    /// The name request `index` asked for.
    pub fn wanted(&self, index: usize) -> &str {
        &self.requests[index].wanted
    }

    /// The name of every request, in request order, none of them in `taken`; every name
    /// handed out is added to `taken`.
    pub fn settle(&self, taken: &mut BTreeSet<String>) -> Vec<String> {
        let mut order: Vec<usize> = (0..self.requests.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&self.requests[a], &self.requests[b]);
            (&x.wanted, x.rank, &x.key, a).cmp(&(&y.wanted, y.rank, &y.key, b))
        });
        let mut names: Vec<Option<String>> = vec![None; self.requests.len()];
        // Every group's first request first, so a suffixed name never takes a name a group
        // wants for itself.
        let mut heads: BTreeMap<&str, usize> = BTreeMap::new();
        for &index in &order {
            let wanted = self.requests[index].wanted.as_str();
            if !heads.contains_key(wanted) {
                heads.insert(wanted, index);
                if taken.insert(wanted.to_owned()) {
                    names[index] = Some(wanted.to_owned());
                }
            }
        }
        for &index in &order {
            if names[index].is_some() {
                continue;
            }
            let wanted = &self.requests[index].wanted;
            let name = (2usize..)
                .map(|n| format!("{wanted}{n}"))
                .find(|candidate| {
                    !taken.contains(candidate) && !heads.contains_key(candidate.as_str())
                })
                .unwrap_or_default();
            taken.insert(name.clone());
            names[index] = Some(name);
        }
        names.into_iter().map(Option::unwrap_or_default).collect()
    }
}

/// The PascalCase type name for a spec name such as `dto.CreatePaymentRequest` or `payment-info`.
pub fn type_ident(spec_name: &str) -> String {
    let mut name = camel(spec_name);
    if name.is_empty() {
        name = "Unnamed".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'T');
    }
    if RESERVED_TYPE_NAMES.contains(&name.as_str()) {
        name.push_str("Model");
    }
    name
}

/// The snake_case field name for a wire member name; keywords become raw identifiers.
pub fn field_ident(wire: &str) -> String {
    let spaced: String = wire
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut name = case::snake(&spaced);
    if name.is_empty() {
        name = "field".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    if NON_RAW_KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    } else if KEYWORDS.contains(&name.as_str()) {
        name.insert_str(0, "r#");
    }
    name
}

/// Variant names for enum wire values, in order: PascalCase, collision-free, valid.
/// `""` becomes `Empty`; values made only of symbols become `Value1`, `Value2`, … by position.
pub fn variant_idents<'a>(wires: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut namer = Namer::new();
    // `Unknown` is the open-enum catch-all; a documented "unknown" value gets its own name.
    namer.unique("Unknown");
    wires
        .into_iter()
        .enumerate()
        .map(|(index, wire)| {
            let mut name = camel(wire);
            if wire.is_empty() {
                name = "Empty".to_owned();
            } else if name.is_empty() {
                name = format!("Value{}", index + 1);
            } else if name.starts_with(|c: char| c.is_ascii_digit()) {
                name.insert(0, 'V');
            }
            if name == "Self" {
                name.push('_');
            }
            namer.unique(&name)
        })
        .collect()
}

/// PascalCase of any text, for parts of names (no reserved-name or digit handling; the whole
/// name goes through [`type_ident`] or a [`Namer`]).
pub fn pascal(text: &str) -> String {
    camel(text)
}

fn camel(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    case::upper_camel(&spaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        assert_eq!(
            type_ident("dto.CreatePaymentRequest"),
            "DtoCreatePaymentRequest"
        );
        assert_eq!(type_ident("payment-info"), "PaymentInfo");
        assert_eq!(type_ident("3DSecure"), "T3dSecure");
        assert_eq!(type_ident("Value"), "ValueModel");
        assert_eq!(type_ident("€"), "Unnamed");
    }

    #[test]
    fn field_names() {
        assert_eq!(field_ident("connectorID"), "connector_id");
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(field_ident("x-l2f-request-id"), "x_l2f_request_id");
        assert_eq!(field_ident("3ds"), "_3ds");
        assert_eq!(field_ident("$ref"), "r#ref");
    }

    #[test]
    fn variant_names_are_unique_and_valid() {
        let names = variant_idents([
            "PAY-IN",
            "sepa debit",
            "15MIN",
            "",
            "ach",
            "ACH",
            "+",
            "unknown",
        ]);
        assert_eq!(
            names,
            [
                "PayIn",
                "SepaDebit",
                "V15min",
                "Empty",
                "Ach",
                "Ach2",
                "Value7",
                "Unknown2"
            ]
        );
    }

    #[test]
    fn namer_suffixes_collisions() {
        let mut namer = Namer::new();
        assert_eq!(namer.unique("Payment"), "Payment");
        assert_eq!(namer.unique("Payment"), "Payment2");
        assert_eq!(namer.unique("Payment"), "Payment3");
    }

    #[test]
    fn settled_names_depend_only_on_the_colliding_requests() {
        let settle = |requests: &[(&str, u8, &str)], taken: &[&str]| {
            let mut names = NameRequests::new();
            for (wanted, rank, key) in requests {
                names.request(wanted, *rank, key);
            }
            let mut taken: BTreeSet<String> = taken.iter().map(|t| (*t).to_owned()).collect();
            names.settle(&mut taken)
        };
        // Order of asking does not matter; the key does.
        let a = settle(
            &[
                ("Payment", 1, "/b"),
                ("Payment", 1, "/a"),
                ("Refund", 1, "/c"),
            ],
            &[],
        );
        assert_eq!(a, ["Payment2", "Payment", "Refund"]);
        let b = settle(
            &[
                ("Refund", 1, "/c"),
                ("Payment", 1, "/a"),
                ("Payment", 1, "/b"),
            ],
            &[],
        );
        assert_eq!(b, ["Refund", "Payment", "Payment2"]);
        // A lower rank wins whatever its key.
        let c = settle(&[("Payment", 1, "/a"), ("Payment", 0, "/z")], &[]);
        assert_eq!(c, ["Payment2", "Payment"]);
        // A name taken already, or wanted by another group, is skipped by suffixes.
        let d = settle(
            &[
                ("Payment", 1, "/a"),
                ("Payment", 1, "/b"),
                ("Payment2", 1, "/c"),
            ],
            &["Payment"],
        );
        assert_eq!(d, ["Payment3", "Payment4", "Payment2"]);
    }
}
