//! Spec text → doc attributes that rustdoc renders as written and never runs as doctests.

use crate::ir::Docs;
use crate::kept::{kept, Store};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use std::convert::Infallible;

/// `#[doc = …]` lines for a type or field: title, description, then the `x-source` note.
pub fn doc_attrs(docs: &Docs, extra: &[String]) -> TokenStream {
    let mut paragraphs: Vec<String> = Vec::new();
    if let Some(title) = docs
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        paragraphs.push(title.to_owned());
    }
    if let Some(description) = docs
        .description
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        if docs.title.as_deref().map(str::trim) != Some(description) {
            paragraphs.push(description.to_owned());
        }
    }
    if let Some(source) = docs
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        paragraphs.push(format!("Source: {source}"));
    }
    paragraphs.extend(extra.iter().cloned());
    attrs(&paragraphs, docs.deprecated)
}

thread_local! {
    /// What this thread made of the texts it was given (see [`doc_lines`]).
    static LINES: Store<Vec<String>> = Store::default();
}

/// The `#[doc]` lines of `paragraphs`, then `#[deprecated]`.
fn attrs(paragraphs: &[String], deprecated: bool) -> TokenStream {
    // Each paragraph on its own: a code block a description leaves open is closed before the
    // next paragraph, so the generator's own lines never end up inside it.
    let mut lines: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        let paragraph = doc_lines(paragraph);
        if paragraph.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(paragraph);
    }
    let deprecated = deprecated.then(|| quote!(#[deprecated]));
    let lines = lines.iter().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        let line = doc_literal(&line);
        quote!(#[doc = #line])
    });
    quote!(#(#lines)* #deprecated)
}

/// The string literal of a doc line: the token `Literal::string` makes, built without its
/// character-by-character escaping (a twentieth of a large spec's generation) when no character
/// of the line needs an escape, as in most lines.
pub(crate) fn doc_literal(line: &str) -> Literal {
    let plain = line
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\');
    if plain {
        if let Ok(literal) = format!("\"{line}\"").parse::<Literal>() {
            return literal;
        }
    }
    Literal::string(line)
}

/// Makes text safe for rustdoc: no indented code blocks and no untagged fences (both would be
/// compiled as doctests), no trailing spaces, no runs of blank lines, and inline Markdown that
/// none of rustdoc's lints misreads (see `docs_inline`). A plain line that continues
/// a list item without being indented (Markdown's lazy continuation) is indented to the item's
/// text, which renders the same and reads as what it is; a line that could start a block of its
/// own (a rule, a setext underline, HTML, a table row, …) is left as written.
pub(crate) fn doc_lines(text: &str) -> Vec<String> {
    // A large spec repeats its descriptions (Stripe's 5,752 are 2,298 texts, and a schema used
    // in requests and in responses is documented twice).
    match kept(&LINES, text, || Ok::<_, Infallible>(safe_lines(text))) {
        Ok(lines) => lines,
        Err(never) => match never {},
    }
}

/// [`doc_lines`], made.
fn safe_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // The fence (`` ``` `` or `~~~`) of the code block the lines are in.
    let mut fence: Option<&'static str> = None;
    let mut previous = Previous::Blank;
    // A bare carriage return (or another line separator rustc does not accept in a doc comment)
    // ends a line, as `\r\n` does; other control characters are shown escaped.
    let text = doc_safe(text);
    for raw in text.lines() {
        let trimmed = raw.trim();
        let line = if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
                trimmed.to_owned()
            } else {
                raw.trim_end().to_owned()
            }
        } else if let Some(open) = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
            fence = Some(open);
            previous = Previous::Blank;
            if trimmed[open.len()..].trim().is_empty() {
                format!("{open}text")
            } else {
                trimmed.to_owned()
            }
        } else if trimmed.is_empty() {
            previous = Previous::Blank;
            String::new()
        } else if let Some(width) = list_item(trimmed, previous) {
            previous = Previous::Item(width);
            trimmed.to_owned()
        } else if starts_block(trimmed) || html_block(trimmed) {
            previous = Previous::Text;
            trimmed.to_owned()
        } else if let Previous::Item(width) = previous {
            format!("{:width$}{trimmed}", "")
        } else {
            previous = Previous::Text;
            trimmed.to_owned()
        };
        if line.is_empty() && out.last().is_none_or(String::is_empty) {
            continue;
        }
        out.push(line);
    }
    if let Some(open) = fence {
        out.push(open.to_owned());
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    super::docs_inline::rewrite_prose(&mut out);
    out
}

/// `text` with every line break (`\r\n`, `\r`, U+2028, U+2029) as `\n`, and every other control
/// character but tab shown as its Rust escape: what prettyplease writes as a `///` comment must be
/// text rustc accepts there (it rejects a bare carriage return).
fn doc_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

/// A spec string (an enum value, a wire name, a default) as a Markdown code span on one doc
/// line: control characters are shown as Rust escapes (`foo\rbar`), and the fence is one
/// backtick longer than the longest run of backticks inside.
pub(crate) fn code_span(value: &str) -> String {
    let shown: String = value
        .chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in shown.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A span that starts or ends with a backtick needs a space between it and the fence.
    let pad = if shown.starts_with('`') || shown.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{shown}{pad}{fence}")
}

/// Whether `line` opens an HTML block that may interrupt a paragraph (CommonMark's kinds 1–6:
/// `<!…`, `<?…`, and the block-level tags). Any other tag (`<SecurityDefinitions />`) is
/// paragraph text, so a lazy continuation.
pub(super) fn html_block(line: &str) -> bool {
    const TAGS: &[&str] = &[
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "pre",
        "script",
        "search",
        "section",
        "style",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ];
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    if rest.starts_with(['!', '?']) {
        return true;
    }
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let (name, after) = rest.split_at(name_len);
    let ends_name = after.is_empty() || after.starts_with([' ', '\t', '>', '/']);
    ends_name && TAGS.iter().any(|tag| tag.eq_ignore_ascii_case(name))
}

/// Whether a (trimmed) line would start a block of its own rather than continue a list item
/// lazily (CommonMark): a thematic break or setext underline (`---`, `***`, `___`, `===`, spaces
/// allowed), an ATX heading (`#` to `######` then a space or the end), a block quote (`>`) or
/// a table row (`|`). `*emphasis*`, `-5`, `#tag` are text.
fn starts_block(line: &str) -> bool {
    let rule = |c: char, least: usize| {
        line.chars().all(|x| x == c || x == ' ')
            && line.chars().filter(|&x| x == c).count() >= least
    };
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let heading =
        (1..=6).contains(&hashes) && line[hashes..].chars().next().is_none_or(|c| c == ' ');
    rule('-', 1)
        || rule('*', 3)
        || rule('_', 3)
        || rule('=', 1)
        || heading
        || line.starts_with(['>', '|'])
}

/// The line before, outside code blocks, as far as list items go.
#[derive(Debug, Clone, Copy)]
enum Previous {
    Blank,
    /// Paragraph text outside a list item (or a line that may have ended one).
    Text,
    /// A list item, or a line continuing it; its text starts `width` columns in.
    Item(usize),
}

/// The width of the list marker (with its space) that `line` starts with, wherever an item may
/// start: `- ` is 2, `12. ` is 4.
pub(super) fn list_marker_width(line: &str) -> Option<usize> {
    list_item(line, Previous::Blank)
}

/// The marker width of the list item `line` starts (`- `, `* `, `+ `; up to nine digits then
/// `. ` or `) `). As in CommonMark, an ordered item interrupts paragraph text only when it is
/// numbered 1.
fn list_item(line: &str, previous: Previous) -> Option<usize> {
    if line.starts_with(['-', '*', '+']) && line[1..].starts_with(' ') {
        return Some(2);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = line.split_at(digits);
    let marker = (1..=9).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") "));
    let may_interrupt =
        !matches!(previous, Previous::Text) || number.trim_start_matches('0') == "1";
    (marker && may_interrupt).then_some(digits + 2)
}

#[cfg(test)]
mod tests {
    use super::{code_span, doc_attrs, doc_lines, doc_literal, Docs};

    #[test]
    fn doc_literals_are_the_tokens_literal_string_makes() {
        for line in [
            "",
            " A plain line: `code`, [a link](https://example.com), 100% {braces} #hash.",
            " Quotes \" and a backslash \\ are escaped.",
            " A tab\there, a non-ASCII é and an emoji 💳.",
            " A lone ' quote, and ~ at the end~",
        ] {
            assert_eq!(
                doc_literal(line).to_string(),
                proc_macro2::Literal::string(line).to_string(),
                "{line:?}"
            );
        }
    }

    #[test]
    fn indented_text_and_bare_fences_cannot_become_doctests() {
        let lines =
            doc_lines("Intro\n\n\n    let x = 1;\n```\nfn main() {}\n```\n```json\n{}\n```");
        assert_eq!(
            lines,
            [
                "Intro",
                "",
                "let x = 1;",
                "```text",
                "fn main() {}",
                "```",
                "```json",
                "{}",
                "```"
            ]
        );
    }

    #[test]
    fn unclosed_fence_is_closed() {
        assert_eq!(doc_lines("```\ncode"), ["```text", "code", "```"]);
    }

    #[test]
    fn lazy_list_continuations_are_indented_to_the_item() {
        let text = "Offers:\n  - OAuth2\nan open protocol\nmore\n\nAfter.\n1. one\n12. twelve\nmore\n# Heading\nplain";
        assert_eq!(
            doc_lines(text),
            [
                "Offers:",
                "- OAuth2",
                "  an open protocol",
                "  more",
                "",
                "After.",
                "1. one",
                "12. twelve",
                "    more",
                "# Heading",
                "plain"
            ]
        );
        // Not list markers: no space after the marker, emphasis, ten digits.
        assert_eq!(
            doc_lines("-x\nnext\n**bold**\nnext\n1234567890. n\nnext"),
            ["-x", "next", "**bold**", "next", "1234567890. n", "next"]
        );
    }

    #[test]
    fn lines_that_may_start_a_block_are_not_pulled_into_an_item() {
        // A rule, a setext underline, HTML, a table: each renders as before, outside the item.
        for after in [
            "---",
            "===",
            "***",
            "___",
            "<div>x</div>",
            "<DIV></DIV>",
            "<!-- x -->",
            "| a | b |",
        ] {
            let text = format!("- item\n{after}\nnext");
            assert_eq!(doc_lines(&text), ["- item", after, "next"], "{after}");
        }
        // `10.` cannot interrupt a paragraph: it is text, and so is the line after it.
        assert_eq!(doc_lines("Intro\n10. a\n---"), ["Intro", "10. a", "---"]);
    }

    #[test]
    fn emphasis_signs_and_hashes_continue_the_item() {
        // Seen in Adyen's spec: `*Must not be all zeros.` after a `* ` list.
        assert_eq!(
            doc_lines("* Format: Alphanumeric\n*Must not be all zeros.\n-5 EUR\n#tag\n## Heading"),
            [
                "* Format: Alphanumeric",
                "  *Must not be all zeros.",
                "  -5 EUR",
                "  #tag",
                "## Heading"
            ]
        );
    }

    #[test]
    fn an_inline_tag_continues_the_item() {
        assert_eq!(
            doc_lines("- OAuth2\n<SecurityDefinitions />\n<span>x</span>"),
            [
                "- OAuth2",
                "  &lt;SecurityDefinitions />",
                "  <span>x</span>"
            ]
        );
    }

    #[test]
    fn tilde_fences_are_tagged_and_closed_like_backtick_fences() {
        assert_eq!(
            doc_lines("~~~\nfn main() {}\n```\n~~~\n~~~json\n{}"),
            [
                "~~~text",
                "fn main() {}",
                "```",
                "~~~",
                "~~~json",
                "{}",
                "~~~"
            ]
        );
    }

    #[test]
    fn every_line_break_ends_a_line_and_controls_are_escaped() {
        assert_eq!(
            doc_lines("a\rb\r\nc\u{2028}d\u{2029}e\nf\u{7}g\u{0}"),
            ["a", "b", "c", "d", "e", "f\\u{7}g\\u{0}"]
        );
    }

    #[test]
    fn code_spans_hold_any_value_on_one_line() {
        assert_eq!(code_span("USD"), "`USD`");
        assert_eq!(code_span("foo\rbar"), "`foo\\rbar`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`tick`"), "`` `tick` ``");
        assert_eq!(code_span("``"), "``` `` ```");
        assert_eq!(code_span("\u{2029}"), "`\\u{2029}`");
    }

    #[test]
    fn a_fence_a_description_leaves_open_is_closed_before_the_next_paragraph() {
        let docs = Docs {
            description: Some("text\n```".to_owned()),
            ..Docs::default()
        };
        let attrs = doc_attrs(&docs, &["`POST /x`".to_owned()]).to_string();
        let closed = attrs.find("\" ```\"").expect("the fence is closed");
        let line = attrs.find("POST /x").expect("the operation line");
        assert!(closed < line, "{attrs}");
    }
}
