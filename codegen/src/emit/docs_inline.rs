//! Inline Markdown of spec text, made to render under rustdoc as the spec's author meant it and
//! without rustdoc's lints firing on it: a bare URL becomes an autolink (`<https://…>`), square
//! brackets that are not a link but that rustdoc would read as an intra-doc link (`[2,3,5]`,
//! `metadata[key]`) are escaped, and a `<` that opens no well-formed HTML (a Redoc directive
//! `<SecurityDefinitions />`, a generic `List<String>`, an unclosed `<b>`) is written `&lt;`.
//! Code spans, link destinations, autolinks and kept tags are copied as written. Everything
//! here renders as before; only what rustdoc would have misread changes.

use std::collections::{BTreeMap, BTreeSet};

/// HTML's void elements: a tag that needs no closing one.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Rewrites the prose lines of rendered doc lines (those outside fenced code blocks) in place.
pub(crate) fn rewrite_prose(lines: &mut [String]) {
    let prose = prose_lines(lines);
    let context = Context::of(prose.iter().map(|&i| lines[i].as_str()));
    for i in prose {
        lines[i] = context.rewrite(&lines[i]);
    }
}

/// The indices of the lines outside fenced code blocks (fences as `doc_lines` writes them:
/// trimmed, opened by `` ``` `` or `~~~`).
fn prose_lines(lines: &[String]) -> Vec<usize> {
    let mut fence: Option<&str> = None;
    let mut prose = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        match fence {
            Some(open) if trimmed.starts_with(open) => fence = None,
            Some(_) => {}
            None => match ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
                Some(open) => fence = Some(open),
                None => prose.push(i),
            },
        }
    }
    prose
}

/// What the whole text says that decides a single line: the reference labels it defines
/// (`[label]: url`) and the HTML tags it opens and closes in equal numbers.
struct Context {
    labels: BTreeSet<String>,
    balanced: BTreeSet<String>,
}

impl Context {
    fn of<'a>(lines: impl Iterator<Item = &'a str>) -> Self {
        let mut labels = BTreeSet::new();
        // Per lower-cased tag name: (opened, closed, ever self-closed).
        let mut tags: BTreeMap<String, (usize, usize, bool)> = BTreeMap::new();
        for line in lines {
            if let Some(label) = definition_label(line) {
                labels.insert(label);
            }
            let mut i = 0;
            while i < line.len() {
                if let Some(len) = code_span_len(line, i) {
                    i += len;
                    continue;
                }
                if let Some(tag) = Tag::at(line, i) {
                    let entry = tags.entry(tag.name.to_ascii_lowercase()).or_default();
                    match (tag.closing, tag.self_closing) {
                        (true, _) => entry.1 += 1,
                        (false, true) => entry.2 = true,
                        (false, false) => entry.0 += 1,
                    }
                    i += tag.len;
                    continue;
                }
                i += line[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        let balanced = tags
            .into_iter()
            .filter(|(name, (opened, closed, self_closed))| {
                VOID.contains(&name.as_str()) || (opened == closed && !self_closed)
            })
            .map(|(name, _)| name)
            .collect();
        Context { labels, balanced }
    }

    fn rewrite(&self, line: &str) -> String {
        if definition_label(line).is_some() {
            return line.to_owned();
        }
        let mut out = String::with_capacity(line.len() + 8);
        let mut i = 0;
        while i < line.len() {
            let rest = &line[i..];
            if let Some(len) = code_span_len(line, i) {
                out.push_str(&rest[..len]);
                i += len;
            } else if let Some(escaped) = rest.strip_prefix('\\') {
                let len = 1 + escaped.chars().next().map_or(0, char::len_utf8);
                out.push_str(&rest[..len]);
                i += len;
            } else if rest.starts_with('[') {
                i += self.bracket(line, i, &mut out);
            } else if let Some(len) = autolink_len(rest).or_else(|| comment_len(rest)) {
                out.push_str(&rest[..len]);
                i += len;
            } else if let Some(tag) = Tag::at(line, i) {
                if self.balanced.contains(&tag.name.to_ascii_lowercase()) {
                    out.push_str(&rest[..tag.len]);
                } else {
                    out.push_str("&lt;");
                    out.push_str(&rest[1..tag.len]);
                }
                i += tag.len;
            } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_alphabetic()) {
                // `a <b` that never closes: text, shown as written.
                out.push_str("&lt;");
                i += 1;
            } else if let Some(len) = bare_url_len(line, i) {
                out.push('<');
                out.push_str(&rest[..len]);
                out.push('>');
                i += len;
            } else {
                let c = rest.chars().next().map_or(1, char::len_utf8);
                out.push_str(&rest[..c]);
                i += c;
            }
        }
        out
    }

    /// At a `[`: a link (`[text](dest)`, `[text][ref]`, a defined `[ref]`) is copied as
    /// written; other brackets are escaped, their text rewritten. Returns the bytes consumed.
    fn bracket(&self, line: &str, at: usize, out: &mut String) -> usize {
        let Some(close) = matching(line, at, b'[', b']') else {
            out.push('[');
            return 1;
        };
        let inner = &line[at + 1..close];
        let after = &line[close + 1..];
        let link_end = if after.starts_with('(') {
            matching(line, close + 1, b'(', b')').map(|end| end + 1)
        } else if after.starts_with('[') {
            matching(line, close + 1, b'[', b']').map(|end| end + 1)
        } else if self.labels.contains(&inner.trim().to_lowercase()) {
            Some(close + 1)
        } else {
            None
        };
        match link_end {
            Some(end) => {
                out.push_str(&line[at..end]);
                end - at
            }
            // rustdoc leaves it as text; so does the rewrite, going on inside it.
            None if !path_like(inner) => {
                out.push('[');
                1
            }
            None => {
                out.push_str("\\[");
                out.push_str(&self.rewrite(inner));
                out.push_str("\\]");
                close + 1 - at
            }
        }
    }
}

/// Whether rustdoc would try to resolve `[inner]` as an intra-doc link: text of the characters
/// a Rust path (with generics, a disambiguator or backticks) may hold, as rustdoc's own test is.
/// `[2,3,5]` and `[key]` are; `[A-Z]`, `[a.nested.key]` and `[]` are not.
fn path_like(inner: &str) -> bool {
    !inner.trim().is_empty()
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || ":_<>, !*&;@()`".contains(c))
}

/// The label of a link reference definition line (`[label]: destination`), lower-cased.
fn definition_label(line: &str) -> Option<String> {
    let rest = line.trim_start().strip_prefix('[')?;
    let (label, _destination) = rest.split_once("]:")?;
    (!label.is_empty() && !label.contains(['[', ']'])).then(|| label.trim().to_lowercase())
}

/// The byte index of the bracket closing the one at `open` on the line, skipping escapes and
/// code spans, with nesting.
fn matching(line: &str, open: usize, left: u8, right: u8) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        if line.is_char_boundary(i) {
            if let Some(len) = code_span_len(line, i) {
                i += len;
                continue;
            }
        }
        match bytes[i] {
            b'\\' => i += 1,
            b if b == left => depth += 1,
            b if b == right => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The length of the code span starting at `at` (a run of backticks closed by a run of the same
/// length on the line), if one does.
fn code_span_len(line: &str, at: usize) -> Option<usize> {
    let rest = &line[at..];
    let run = rest.bytes().take_while(|&b| b == b'`').count();
    if run == 0 || line[..at].ends_with('`') {
        return None;
    }
    let mut i = run;
    while let Some(next) = rest[i..].find('`') {
        let start = i + next;
        let here = rest[start..].bytes().take_while(|&b| b == b'`').count();
        if here == run {
            return Some(start + run);
        }
        i = start + here;
    }
    None
}

/// An autolink (`<https://…>`, `<mailto:…>`, `<a@b.c>`): CommonMark's scheme of 2–32 characters
/// then no space, `<` or `>` before the closing `>`; or an email address.
fn autolink_len(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('<')?;
    let end = inner.find('>')?;
    let body = &inner[..end];
    if body.is_empty() || body.contains([' ', '<', '\t']) {
        return None;
    }
    let scheme = body.split(':').next().unwrap_or_default();
    let is_uri = body.contains(':')
        && (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    let is_email = body.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty()
            && host.contains('.')
            && !body.contains(':')
            && body.chars().all(|c| !c.is_whitespace())
    });
    (is_uri || is_email).then_some(end + 2)
}

/// An HTML comment `<!-- … -->` closed on the line.
fn comment_len(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix("<!--")?;
    body.find("-->").map(|end| 4 + end + 3)
}

/// An HTML tag on a line: `<name …>`, `</name>`, `<name …/>`.
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    len: usize,
}

impl<'a> Tag<'a> {
    fn at(line: &'a str, at: usize) -> Option<Tag<'a>> {
        let rest = line[at..].strip_prefix('<')?;
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let name_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        let name = &rest[..name_len];
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let after = &rest[name_len..];
        if !after.starts_with(['>', ' ', '/', '\t']) {
            return None;
        }
        let end = tag_end(after)?;
        let self_closing = after[..end].trim_end().ends_with('/');
        let len = 1 + usize::from(closing) + name_len + end + 1;
        Some(Tag {
            name,
            closing,
            self_closing,
            len,
        })
    }
}

/// The index of the `>` ending a tag's attributes, outside quoted values.
fn tag_end(attributes: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in attributes.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// A bare `http://` or `https://` URL starting at `at` (not inside a word), without the trailing
/// punctuation that ends the sentence around it (GitHub's autolink rule): `.`, `,`, `;`, `:`,
/// `!`, `?`, quotes, emphasis signs, and a `)` or `]` that closes nothing in the URL.
fn bare_url_len(line: &str, at: usize) -> Option<usize> {
    let rest = &line[at..];
    if !(rest.starts_with("https://") || rest.starts_with("http://")) {
        return None;
    }
    if line[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '=' | '"' | '\''))
    {
        return None;
    }
    let mut end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(rest.len());
    loop {
        let url = &rest[..end];
        let Some(last) = url.chars().next_back() else {
            break;
        };
        let unbalanced = |open: char, close: char| {
            last == close && url.matches(open).count() < url.matches(close).count()
        };
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' | '~'
        ) || unbalanced('(', ')')
            || unbalanced('[', ']')
        {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    let host = rest[..end].split("://").nth(1).unwrap_or_default();
    (!host.is_empty()).then_some(end)
}

#[cfg(test)]
mod tests;
