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
fn a_url_is_cut_at_a_table_cell_and_found_after_quotes_and_words() {
    assert_eq!(
        one("| https://a.test/x | b |"),
        "| <https://a.test/x> | b |"
    );
    assert_eq!(one("\"https://a.test\""), "\"<https://a.test>\"");
    assert_eq!(one("xhttps://a.test"), "x<https://a.test>");
    assert_eq!(
        one("see https://a.test/((x)))."),
        "see <https://a.test/((x))>)."
    );
}

#[test]
fn task_list_checkboxes_stay_checkboxes() {
    for kept in ["- [ ] todo", "* [x] done", "  + [X] done", "1. [ ] first"] {
        assert_eq!(one(kept), kept);
    }
    // Not a checkbox: no list marker, or text after the bracket.
    assert_eq!(one("[x] alone"), "\\[x\\] alone");
    assert_eq!(one("- [x]y"), "- \\[x\\]y");
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
    // `[text][label]` is a link only when the label is defined; `[text][]` uses the text.
    assert_eq!(
        rewritten("[the API][stripe], [Stripe][], [items][price]\n[stripe]: https://stripe.com"),
        [
            "[the API][stripe], [Stripe][], \\[items\\]\\[price\\]",
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
    // Tags pair up in order: an escaped opening, a closing before its opening, an unclosed
    // tag inside a pair.
    assert_eq!(one("\\<b> x </b>"), "\\<b> x &lt;/b>");
    assert_eq!(one("</b> x <b>"), "&lt;/b> x &lt;b>");
    assert_eq!(one("<i><b>x</i>"), "<i>&lt;b>x</i>");
    // A self-closing `<div/>` leaves a pair of the same name alone.
    assert_eq!(one("<div/> <div>x</div>"), "&lt;div/> <div>x</div>");
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
fn inside_an_html_block_only_tags_are_rewritten() {
    // Markdown is not read inside an HTML block: an escape or an autolink would show as written.
    assert_eq!(
        rewritten("<div>\nhttps://x.test [key] <b>bold\n</div>\n\nafter https://x.test"),
        [
            "<div>",
            "https://x.test [key] &lt;b>bold",
            "</div>",
            "",
            "after <https://x.test>"
        ]
    );
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
fn only_escapes_are_added_to_any_short_text() {
    // Every text of up to four characters over the characters the rewrite looks at: the output
    // is the input with `\\` before brackets and `&lt;` for `<`, nothing else.
    const ALPHABET: &[char] = &[
        '[', ']', '(', ')', '<', '>', '`', '/', 'b', ' ', ':', '|', 'é',
    ];
    let mut level = vec![String::new()];
    let mut texts = Vec::new();
    for _ in 0..4 {
        level = level
            .iter()
            .flat_map(|t| ALPHABET.iter().map(move |c| format!("{t}{c}")))
            .collect();
        texts.extend(level.iter().cloned());
    }
    for text in &texts {
        let out = one(text);
        assert_eq!(
            &out.replace('\\', "").replace("&lt;", "<"),
            text,
            "{text:?} → {out:?}"
        );
    }
}

#[test]
fn long_lines_are_rewritten_in_linear_time() {
    // Each of these is about a million steps if linear and a hundred billion if quadratic.
    for text in [
        "[".repeat(200_000),
        "[x](".repeat(50_000),
        "<a".repeat(100_000),
        "` ``".repeat(50_000),
        format!("https://a.test/{}", ")".repeat(200_000)),
        "<b>".repeat(100_000),
    ] {
        assert!(one(&text).len() >= text.len());
    }
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
