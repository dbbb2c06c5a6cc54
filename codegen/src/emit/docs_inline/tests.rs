use super::rewrite_prose;

fn rewritten(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    rewrite_prose(&mut lines);
    lines
}

fn one(line: &str) -> String {
    rewritten(line).remove(0)
}

#[test]
fn a_bare_url_becomes_an_autolink_without_the_sentence_punctuation() {
    // Seen in Stripe's, Plaid's and Formance's specs.
    assert_eq!(
        one("Please see https://stripe.com/docs/api for more details."),
        "Please see <https://stripe.com/docs/api> for more details."
    );
    assert_eq!(
        one("see https://plaid.com/global/. For access"),
        "see <https://plaid.com/global/>. For access"
    );
    assert_eq!(
        one("(defaults to http://x.test/a_(b))"),
        "(defaults to <http://x.test/a_(b)>)"
    );
    // Already a link, an autolink, inside a code span or a tag's attribute: unchanged.
    for kept in [
        "[the docs](https://stripe.com/docs)",
        "<https://stripe.com/docs>",
        "`https://stripe.com/docs`",
        "<a href=\"https://stripe.com\">Stripe</a>",
        "https:// alone",
        "xhttps://inside.a.word",
    ] {
        assert_eq!(one(kept), kept);
    }
}

#[test]
fn brackets_that_are_no_link_are_escaped() {
    // Adyen: `**[2,3,5]**`; Formance: `metadata[key]=value1`.
    assert_eq!(
        one("For example, **[2,3,5]**."),
        "For example, **\\[2,3,5\\]**."
    );
    assert_eq!(
        one("metadata[key]=value1&metadata[a.nested.key]=value2"),
        "metadata\\[key\\]=value1&metadata[a.nested.key]=value2"
    );
    // Text rustdoc reads as no path is left as written, and rewritten inside.
    assert_eq!(
        one("[a [b](https://b.test) [c] https://d.test]"),
        "[a [b](https://b.test) \\[c\\] <https://d.test>]"
    );
    for kept in [
        "[text](https://x.test)",
        "[text][ref]",
        "`metadata[key]`",
        "\\[already escaped\\]",
        "a lone [ bracket",
        "object[]",
        "/^[A-Z]{4}$/",
        "[`Vec<u8>`](std::vec::Vec)",
    ] {
        assert_eq!(one(kept), kept);
    }
}

#[test]
fn a_reference_defined_in_the_text_stays_a_link() {
    assert_eq!(
        rewritten("See [Stripe] and [other].\n\n[stripe]: https://stripe.com"),
        [
            "See [Stripe] and \\[other\\].",
            "",
            "[stripe]: https://stripe.com"
        ]
    );
}

#[test]
fn html_that_does_not_balance_is_text() {
    // Formance's Redoc directive, a generic type, an unclosed tag.
    assert_eq!(one("<SecurityDefinitions />"), "&lt;SecurityDefinitions />");
    assert_eq!(one("a List<String> of ids"), "a List&lt;String> of ids");
    assert_eq!(one("<b>bold"), "&lt;b>bold");
    assert_eq!(one("x <y"), "x &lt;y");
    // Balanced across lines, void elements, comments, math: unchanged.
    assert_eq!(
        rewritten("<details>\n<summary>More</summary>\n</details>"),
        ["<details>", "<summary>More</summary>", "</details>"]
    );
    for kept in [
        "one<br>two<br/>three",
        "<!-- a comment -->",
        "1 < 2 and 3 > 2",
        "<i>it</i>",
        "`Vec<String>`",
    ] {
        assert_eq!(one(kept), kept);
    }
}

#[test]
fn code_blocks_are_left_as_written() {
    let text = "Intro [x]\n```json\n{\"a\": [1], \"u\": \"https://x.test\"}\n```\nAfter <T>";
    assert_eq!(
        rewritten(text),
        [
            "Intro \\[x\\]",
            "```json",
            "{\"a\": [1], \"u\": \"https://x.test\"}",
            "```",
            "After &lt;T>"
        ]
    );
}

#[test]
fn any_text_is_rewritten_without_panicking() {
    for text in [
        "\\",
        "[",
        "]",
        "[\\é]",
        "<",
        "</",
        "<a",
        "<a \"",
        "`",
        "``a`",
        "https://",
        "https://é.",
        "[é](",
        "é[`é`]é",
    ] {
        assert_eq!(rewritten(text).len(), 1, "{text}");
    }
}
