//! Spec text → doc attributes that rustdoc renders as written and never runs as doctests.

use crate::ir::Docs;
use proc_macro2::TokenStream;
use quote::quote;

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
    let text = paragraphs.join("\n\n");
    let lines = doc_lines(&text);
    let deprecated = docs.deprecated.then(|| quote!(#[deprecated]));
    let lines = lines.iter().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)* #deprecated)
}

/// Makes text safe for rustdoc: no indented code blocks and no untagged fences (both would be
/// compiled as doctests), no trailing spaces, no runs of blank lines. A line that continues a
/// list item without being indented (Markdown's lazy continuation) is indented to the item's
/// text, which renders the same and reads as what it is.
pub(crate) fn doc_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_fence = false;
    // The width of the list marker (`- `, `12. `) of the item the previous lines belong to.
    let mut list_item: Option<usize> = None;
    for raw in text.lines() {
        let trimmed = raw.trim();
        let line = if let Some(lang) = trimmed.strip_prefix("```") {
            in_fence = !in_fence;
            list_item = None;
            if in_fence && lang.trim().is_empty() {
                "```text".to_owned()
            } else {
                trimmed.to_owned()
            }
        } else if in_fence {
            raw.trim_end().to_owned()
        } else if let Some(marker) = list_marker(trimmed) {
            list_item = Some(marker);
            trimmed.to_owned()
        } else if trimmed.is_empty() || trimmed.starts_with(['#', '>']) {
            // A blank line ends the item's paragraph; a heading or quote interrupts it.
            list_item = None;
            trimmed.to_owned()
        } else {
            let indent = list_item.unwrap_or(0);
            format!("{:indent$}{trimmed}", "")
        };
        if line.is_empty() && out.last().is_none_or(String::is_empty) {
            continue;
        }
        out.push(line);
    }
    if in_fence {
        out.push("```".to_owned());
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// The width of the list marker `line` starts with: `- `, `* `, `+ `, or up to nine digits
/// then `. ` or `) `.
fn list_marker(line: &str) -> Option<usize> {
    if line.starts_with(['-', '*', '+']) && line[1..].starts_with(' ') {
        return Some(2);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    ((1..=9).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then_some(digits + 2)
}

#[cfg(test)]
mod tests {
    use super::doc_lines;

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
        let text =
            "Offers:\n  - OAuth2\nan open protocol\n\nAfter.\n12. twelve\nmore\n# Heading\nplain";
        assert_eq!(
            doc_lines(text),
            [
                "Offers:",
                "- OAuth2",
                "  an open protocol",
                "",
                "After.",
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
}
