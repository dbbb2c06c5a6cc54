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
    let lines = sanitize(&text);
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
/// compiled as doctests), no trailing spaces, no runs of blank lines.
fn sanitize(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_fence = false;
    for raw in text.lines() {
        let trimmed = raw.trim();
        let line = if let Some(lang) = trimmed.strip_prefix("```") {
            in_fence = !in_fence;
            if in_fence && lang.trim().is_empty() {
                "```text".to_owned()
            } else {
                trimmed.to_owned()
            }
        } else if in_fence {
            raw.trim_end().to_owned()
        } else {
            trimmed.to_owned()
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

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn indented_text_and_bare_fences_cannot_become_doctests() {
        let lines = sanitize("Intro\n\n\n    let x = 1;\n```\nfn main() {}\n```\n```json\n{}\n```");
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
        assert_eq!(sanitize("```\ncode"), ["```text", "code", "```"]);
    }
}
