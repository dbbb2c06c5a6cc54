//! Translation tests: each ECMA-262 feature, run through `regex`.

use super::*;

fn re(ecma: &str) -> regex::Regex {
    translate(ecma)
        .and_then(|t| regex::Regex::new(&t).map_err(|e| PatternError::new(0, e.to_string())))
        .unwrap_or_else(|e| panic!("{ecma}: {e}"))
}

#[test]
fn plain_patterns_pass_through() {
    assert_eq!(translate("^[A-Z]{3}$").unwrap(), "^[A-Z]{3}$");
    assert_eq!(translate("^([A-Z]{4})$").unwrap(), "^([A-Z]{4})$");
    assert_eq!(translate("^a{2,}b{1,3}?$").unwrap(), "^a{2,}b{1,3}?$");
    let currency = re("^[A-Z]{3}$");
    assert!(currency.is_match("USD"));
    assert!(!currency.is_match("USDT"));
    assert!(re("^([A-Z]{4})$").is_match("ABCD"));
}

#[test]
fn escaped_slash_becomes_a_plain_slash() {
    assert_eq!(
        translate(r"^[a-zA-Z]{3}\/[0-9]$").unwrap(),
        "^[a-zA-Z]{3}/[0-9]$"
    );
    let r = re(r"^[a-zA-Z]{3}\/[0-9]$");
    assert!(r.is_match("abc/1"));
    assert!(!r.is_match("abc\\/1"));
    // Identity escapes of metacharacters stay escaped.
    assert_eq!(translate(r"\.\-\$").unwrap(), r"\.\-\$");
    assert!(re(r"^a\.b$").is_match("a.b"));
    assert!(!re(r"^a\.b$").is_match("axb"));
}

#[test]
fn digit_word_and_space_have_ecma_ascii_meanings() {
    assert_eq!(translate(r"^\d+$").unwrap(), "^[0-9]+$");
    let digits = re(r"^\d+$");
    assert!(digits.is_match("0123456789"));
    assert!(
        !digits.is_match("٣"),
        "Arabic-Indic digits are not \\d in ECMA-262"
    );
    assert!(!digits.is_match("１"));
    let word = re(r"^\w+$");
    assert!(word.is_match("abc_XYZ_09"));
    assert!(!word.is_match("é"));
    assert!(re(r"^\W$").is_match("é"));
    let space = re(r"^\s$");
    for c in ["\t", "\u{B}", "\u{A0}", "\u{FEFF}", "\u{2028}", "\u{3000}"] {
        assert!(space.is_match(c), "{c:?}");
    }
    assert!(!space.is_match("\u{85}"), "NEL is not ECMA white space");
    assert!(re(r"^\S$").is_match("x"));
    assert!(re(r"^[\d\s]+$").is_match("1 2"));
    assert!(re(r"^[^\d]+$").is_match("abc"));
    assert!(!re(r"^[^\d]+$").is_match("a1"));
}

#[test]
fn word_boundary_is_ascii() {
    let r = re(r"\bcat\b");
    assert!(r.is_match("a cat!"));
    assert!(!r.is_match("concat"));
    assert!(re(r"^[\b]$").is_match("\u{8}"));
}

#[test]
fn dot_excludes_ecma_line_terminators() {
    let r = re("^.$");
    assert!(r.is_match("x"));
    for c in ["\n", "\r", "\u{2028}", "\u{2029}"] {
        assert!(!r.is_match(c), "{c:?}");
    }
}

#[test]
fn named_groups_and_unicode_escapes() {
    assert_eq!(
        translate("(?<year>[0-9]{4})").unwrap(),
        "(?P<year>[0-9]{4})"
    );
    let r = re("^(?<year>[0-9]{4})-(?:[0-9]{2})$");
    assert_eq!(&r.captures("2023-11").unwrap()["year"], "2023");
    assert!(re(r"^\u0041\x42$").is_match("AB"));
    assert!(re(r"^\uD83D\uDE00$").is_match("😀"));
    assert!(re(r"^\u{1F600}$").is_match("😀"));
    assert!(re(r"^[\u0041-\u0043]+$").is_match("ABC"));
    assert!(re(r"^\cJ$").is_match("\n"));
    assert!(re(r"^\0$").is_match("\0"));
    let lone = translate(r"\uD83D").unwrap_err();
    assert!(lone.message().contains("lone surrogate"), "{lone}");
}

#[test]
fn special_classes() {
    let any = re("^[^]$");
    assert!(any.is_match("\n"));
    assert!(any.is_match("x"));
    let none = re("^[]$");
    assert!(!none.is_match(""));
    assert!(!none.is_match("x"));
    // `[` `&` `~` are literals inside an ECMA class, not nested sets or set operations.
    let r = re("^[[&&~~]+$");
    assert!(r.is_match("[&~"));
    assert!(!r.is_match("a"));
    // `-` next to a set is literal (Annex B); at an edge too.
    let r = re(r"^[\d-x]+$");
    assert!(r.is_match("1-x"));
    assert!(!r.is_match("5x0a"));
    assert!(re("^[-a]+$").is_match("-a"));
    assert!(re(r"^[a\]]+$").is_match("]a"));
    let e = translate("[z-a]").unwrap_err();
    assert!(e.message().contains("out of order"), "{e}");
}

#[test]
fn stray_braces_and_brackets_are_literals() {
    assert!(re("^a{$").is_match("a{"));
    assert!(re("^{x}$").is_match("{x}"));
    assert!(re("^a{,2}$").is_match("a{,2}"));
    assert!(re("^]$").is_match("]"));
}

#[test]
fn look_around_is_rejected_with_the_reason() {
    for (pattern, what) in [
        ("^(?=.*[0-9]).+$", "look-ahead"),
        ("^(?!abc)", "negative look-ahead"),
        ("(?<=\\$)[0-9]+", "look-behind"),
        ("(?<!x)y", "negative look-behind"),
    ] {
        let e = translate(pattern).unwrap_err();
        assert!(e.message().starts_with(what), "{pattern}: {e}");
        assert!(e.message().contains("linear-time"), "{pattern}: {e}");
    }
    assert_eq!(translate("ab(?=c)").unwrap_err().offset(), 2);
}

#[test]
fn back_references_are_rejected_with_the_reason() {
    let e = translate(r"^(a)\1$").unwrap_err();
    assert_eq!(
        e.to_string(),
        "back-reference `\\1` is not supported: a linear-time regex engine cannot run back-references (at character 4)"
    );
    let e = translate(r"(?<x>a)\k<x>").unwrap_err();
    assert!(e.message().starts_with("named back-reference"), "{e}");
    assert!(e.message().contains("linear-time"), "{e}");
}

#[test]
fn malformed_patterns_are_errors() {
    assert!(translate("abc\\").is_err());
    assert!(translate("[abc").is_err());
    assert!(translate("(?P<x>a)").is_err());
    assert!(compile("(a").is_err());
    for pattern in ["a**", "*a", "^*", "(*)", "a|?", r"\b+", "a{2}{3}", "{2}"] {
        let e = translate(pattern).unwrap_err();
        assert!(
            e.message().starts_with("nothing to repeat"),
            "{pattern}: {e}"
        );
    }
}

/// Whatever `translate` accepts must compile: a deterministic sweep over short strings of
/// syntax characters (a tiny linear congruential generator, no extra dependency).
#[test]
fn accepted_translations_always_compile() {
    const ALPHABET: &[&str] = &[
        "\\", "[", "]", "(", ")", "{", "}", "^", "$", "|", "*", "+", "?", ".", "-", ",", "d", "w",
        "s", "b", "B", "u", "x", "0", "1", "2", "a", "z", "<", ">", "=", "!", ":", "k", "c", "p",
        "~", "&", "#", " ", "é", "D", "{2}", "\\u00", "D83D", "\\uDE00", "(?<n>", "(?:", "[^",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap() % bound
    };
    let mut accepted = 0;
    for _ in 0..5_000 {
        let len = 1 + next(10);
        let pattern: String = (0..len).map(|_| ALPHABET[next(ALPHABET.len())]).collect();
        if let Ok(translated) = translate(&pattern) {
            accepted += 1;
            let compiled = regex::Regex::new(&translated);
            // Only errors ECMA-262 also has (unbalanced parentheses, bad names) may remain.
            if let Err(e) = compiled {
                let text = e.to_string();
                assert!(
                    text.contains("unclosed group")
                        || text.contains("unopened group")
                        || text.contains("capture group name")
                        || text.contains("duplicate capture group name"),
                    "{pattern:?} → {translated:?}: {text}"
                );
            }
        }
    }
    assert!(accepted > 250, "only {accepted} accepted");
}

/// What the linear engine cannot run, the backtracking engine runs as ECMA-262 defines it.
#[test]
fn look_around_and_back_references_plan_for_the_backtracking_engine() {
    let matches = |ecma: &str, text: &str| {
        let planned = plan(ecma).unwrap_or_else(|e| panic!("{ecma}: {e}"));
        assert!(planned.backtracking, "{ecma}");
        compile(ecma)
            .unwrap()
            .is_match(text)
            .expect("within budget")
    };
    assert!(matches("^(?=.*[0-9]).+$", "a1"));
    assert!(!matches("^(?=.*[0-9]).+$", "ab"));
    assert!(matches("^(?!abc)", "abd"));
    assert!(!matches("^(?!abc)", "abcd"));
    assert!(matches("(?<=\\$)[0-9]+", "$12"));
    assert!(!matches("^(?<=\\$)[0-9]+", "12"));
    assert!(matches("(?<!x)y", "ay"));
    assert!(!matches("(?<!x)y$", "xy"));
    assert!(matches(r"^(a)\1$", "aa"));
    assert!(!matches(r"^(a)\1$", "ab"));
    assert!(matches(r"^(?<x>a)\k<x>$", "aa"));
    // ECMA escapes keep their meaning on either engine.
    assert!(!matches(r"^(?=\d)\w+$", "٣x"));
    assert!(
        !plan("^[A-Z]{3}$").unwrap().backtracking,
        "linear when it can be"
    );
    // The ASCII word boundary beside look-around.
    assert!(matches(r"^(?!.*\bfoo\b).*$", "foobar"));
    assert!(!matches(r"^(?!.*\bfoo\b).*$", "a foo b"));
    assert!(matches(r"(?=x)\Bx", "ax"));
    assert!(matches(r"(?=é)\bé", "aé"), "é is no ECMA word character");
    assert!(!matches(r"(?=é)\bé", "éé"));
    assert!(
        plan("^(?=a").is_err(),
        "an unclosed group is still an error"
    );
}
