//! `snake_case` and `UpperCamelCase` of names, spelled exactly as heck spells them. heck writes
//! every character through `fmt` (a fifth of converting Stripe's spec went to it); names are
//! almost always ASCII, and those are cased here byte by byte. Anything else goes to heck.
//!
//! The words are heck's: text splits at every character that is not alphanumeric, and inside
//! a run of alphanumerics before an uppercase letter that follows a lowercase one (`fooBar`),
//! and before the last uppercase letter of a run followed by a lowercase one (`HTTPCode` is
//! `HTTP` `Code`); a digit takes the case of the letter before it.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// `text` in snake_case, as heck's `to_snake_case`.
pub fn snake(text: &str) -> String {
    if !text.is_ascii() {
        return text.to_snake_case();
    }
    let mut out = String::with_capacity(text.len() + 4);
    for word in words(text.as_bytes()) {
        if !out.is_empty() {
            out.push('_');
        }
        out.extend(word.iter().map(|b| char::from(b.to_ascii_lowercase())));
    }
    out
}

/// `text` in UpperCamelCase, as heck's `to_upper_camel_case`.
pub fn upper_camel(text: &str) -> String {
    if !text.is_ascii() {
        return text.to_upper_camel_case();
    }
    let mut out = String::with_capacity(text.len());
    for word in words(text.as_bytes()) {
        if let Some((first, rest)) = word.split_first() {
            out.push(char::from(first.to_ascii_uppercase()));
            out.extend(rest.iter().map(|b| char::from(b.to_ascii_lowercase())));
        }
    }
    out
}

/// The case of the last letter seen since a word began.
#[derive(Clone, Copy, PartialEq)]
enum Last {
    None,
    Lower,
    Upper,
}

/// The words of ASCII `text`, in order (never empty).
fn words(text: &[u8]) -> Vec<&[u8]> {
    let mut words = Vec::new();
    for run in text.split(|b| !b.is_ascii_alphanumeric()) {
        let mut start = 0;
        let mut last = Last::None;
        for (at, &byte) in run.iter().enumerate() {
            let Some(&next) = run.get(at + 1) else {
                break;
            };
            let with_this = if byte.is_ascii_lowercase() {
                Last::Lower
            } else if byte.is_ascii_uppercase() {
                Last::Upper
            } else {
                last
            };
            if with_this == Last::Lower && next.is_ascii_uppercase() {
                // `fooBar`: a word ends after this byte.
                words.push(&run[start..=at]);
                start = at + 1;
                last = Last::None;
            } else if last == Last::Upper && byte.is_ascii_uppercase() && next.is_ascii_lowercase()
            {
                // `HTTPCode`: the acronym ends before this byte.
                words.push(&run[start..at]);
                start = at;
                last = Last::None;
            } else {
                last = with_this;
            }
        }
        if start < run.len() {
            words.push(&run[start..]);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to `length` characters from `alphabet`.
    fn all_strings(alphabet: &[char], length: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..length {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    #[test]
    fn every_short_ascii_name_is_cased_as_heck_cases_it() {
        // Lower, upper, digit and separators: every transition the word rules look at.
        for text in all_strings(&['a', 'B', 'c', 'D', '1', '_', ' ', '-'], 6) {
            assert_eq!(snake(&text), text.to_snake_case(), "{text:?}");
            assert_eq!(upper_camel(&text), text.to_upper_camel_case(), "{text:?}");
        }
    }

    #[test]
    fn names_of_real_specs_are_cased_as_heck_cases_them() {
        for text in [
            "PaymentIntent",
            "payment_intent",
            "HTTPCode",
            "dto.CreatePaymentRequest",
            "three_d_secure_2",
            "ISO8601Date",
            "address_line1",
            "X-Idempotency-Key",
            "  leading and trailing  ",
            "camelCaseWithIDInside",
            "ABC",
            "a1B2c3D4",
            "",
            "_",
        ] {
            assert_eq!(snake(text), text.to_snake_case(), "{text:?}");
            assert_eq!(upper_camel(text), text.to_upper_camel_case(), "{text:?}");
        }
    }

    #[test]
    fn text_that_is_not_ascii_is_left_to_heck() {
        for text in ["ΣΑΣ", "naïveValue", "straße_name", "Ünïcode"] {
            assert_eq!(snake(text), text.to_snake_case(), "{text:?}");
            assert_eq!(upper_camel(text), text.to_upper_camel_case(), "{text:?}");
        }
    }
}
