//! The HTML and autolinks of a line of doc text, as CommonMark and rustdoc see them.

/// HTML's void elements: a tag that needs no closing one.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// An autolink (`<https://…>`, `<mailto:…>`, `<a@b.c>`): CommonMark's scheme of 2–32 characters
/// then no space, `<` or `>` before the closing `>`; or an email address.
pub(super) fn autolink_len(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('<')?;
    let end = inner.find(['>', '<', ' ', '\t'])?;
    if !inner[end..].starts_with('>') || end == 0 {
        return None;
    }
    let body = &inner[..end];
    let scheme = body.split(':').next().unwrap_or_default();
    let is_uri = body.contains(':')
        && (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    let is_email = !body.contains(':')
        && body
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    (is_uri || is_email).then_some(end + 2)
}

/// An HTML comment `<!-- … -->` closed on the line.
pub(super) fn comment_len(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix("<!--")?;
    body.find("-->").map(|end| 4 + end + 3)
}

/// An HTML tag on a line: `<name …>`, `</name>`, `<name …/>`.
pub(super) struct Tag<'a> {
    pub(super) name: &'a str,
    pub(super) closing: bool,
    pub(super) self_closing: bool,
    pub(super) len: usize,
}

impl<'a> Tag<'a> {
    pub(super) fn at(line: &'a str, at: usize) -> Option<Tag<'a>> {
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
