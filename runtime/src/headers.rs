//! `Headers`: the header fields of a response as received, for the statuses an operation does
//! not document (`Response::Undocumented`). No dependency on an HTTP crate: `Response::parse`
//! leaves them empty, `Response::from_http` (feature `http`) fills them in.

/// Header fields in the order received. Names are lower case (HTTP field names are
/// case-insensitive); values are the bytes received, which need not be UTF-8.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Headers {
    fields: Vec<(String, Vec<u8>)>,
}

impl Headers {
    /// No header fields.
    pub const fn new() -> Self {
        Headers { fields: Vec::new() }
    }

    /// Appends a field; the name is lower-cased.
    pub fn push(&mut self, name: &str, value: impl Into<Vec<u8>>) {
        self.fields.push((name.to_ascii_lowercase(), value.into()));
    }

    /// The first value of field `name` (any case), as bytes.
    pub fn get_bytes(&self, name: &str) -> Option<&[u8]> {
        self.fields
            .iter()
            .find(|(field, _)| field.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_slice())
    }

    /// The first value of field `name` (any case), when it is UTF-8 text.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.get_bytes(name)
            .and_then(|value| std::str::from_utf8(value).ok())
    }

    /// Every field, in the order received.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.fields
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_slice()))
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::Headers;

    #[test]
    fn names_are_case_insensitive_and_values_kept_as_bytes() {
        let mut headers = Headers::new();
        headers.push("Retry-After", "30");
        headers.push("X-Raw", vec![0xff, b'a']);
        headers.push("retry-after", "60");
        assert_eq!(headers.get("retry-after"), Some("30"));
        assert_eq!(headers.get("RETRY-AFTER"), Some("30"));
        assert_eq!(headers.get("x-raw"), None);
        assert_eq!(headers.get_bytes("x-raw"), Some(&[0xff, b'a'][..]));
        assert_eq!(headers.len(), 3);
        let names: Vec<&str> = headers.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["retry-after", "x-raw", "retry-after"]);
        assert!(Headers::new().is_empty());
    }
}
