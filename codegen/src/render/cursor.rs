//! A position in a token list, and what the one-line printers of expressions
//! ([`super::expressions`]) and types ([`super::type_syntax`]) read with it.

use super::layout::{entries, without_trailing_comma};
use proc_macro2::{Group, Spacing, TokenTree};

/// Keywords, which the one-line printers never read as a path or a binding (`self`, `Self`,
/// `super`, `crate` and `_` are paths).
pub(super) const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "ref", "return", "static",
    "struct", "trait", "type", "unsafe", "use", "where", "while", "yield",
];

/// A position in a token list.
pub(super) struct Cursor<'a> {
    pub(super) tokens: &'a [TokenTree],
    pub(super) at: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(tokens: &'a [TokenTree]) -> Self {
        Cursor { tokens, at: 0 }
    }

    pub(super) fn peek(&self) -> Option<&'a TokenTree> {
        self.tokens.get(self.at)
    }

    pub(super) fn peek_second(&self) -> Option<&'a TokenTree> {
        self.tokens.get(self.at + 1)
    }

    pub(super) fn next(&mut self) -> Option<&'a TokenTree> {
        let token = self.tokens.get(self.at)?;
        self.at += 1;
        Some(token)
    }

    pub(super) fn at_end(&self) -> bool {
        self.at >= self.tokens.len()
    }

    /// Whether the next token is the punctuation `c`.
    pub(super) fn at_punct(&self, c: char) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(p)) if p.as_char() == c)
    }

    /// Takes the punctuation `c` when it is next.
    pub(super) fn eat_punct(&mut self, c: char) -> bool {
        let found = self.at_punct(c);
        if found {
            self.at += 1;
        }
        found
    }

    /// Takes the word `word` when it is next.
    pub(super) fn eat_word(&mut self, word: &str) -> bool {
        let found = matches!(self.peek(), Some(TokenTree::Ident(i)) if i == word);
        if found {
            self.at += 1;
        }
        found
    }

    /// Whether `::` is next.
    pub(super) fn at_path_separator(&self) -> bool {
        matches!(
            (self.peek(), self.peek_second()),
            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
        )
    }

    /// Whether `..` (a range, or a pattern's rest) is next.
    pub(super) fn at_dot_dot(&self) -> bool {
        matches!(
            (self.peek(), self.peek_second()),
            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                if a.as_char() == '.' && a.spacing() == Spacing::Joint && b.as_char() == '.'
        )
    }
}

/// `::`-separated words (`a::b::C`, `::a::b`), each followed by what `after_word` reads (a
/// type's generic arguments).
pub(super) fn path_with(
    c: &mut Cursor,
    after_word: impl Fn(&mut Cursor, &mut String) -> Option<()>,
) -> Option<String> {
    let mut out = String::new();
    if c.at_path_separator() {
        c.at += 2;
        out.push_str("::");
    }
    loop {
        let Some(TokenTree::Ident(segment)) = c.next() else {
            return None;
        };
        let segment = segment.to_string();
        // `loop { … }`, `unsafe { … }`: not a path before braces.
        if KEYWORDS.contains(&segment.as_str()) {
            return None;
        }
        out.push_str(&segment);
        after_word(c, &mut out)?;
        if !c.at_path_separator() {
            return Some(out);
        }
        c.at += 2;
        out.push_str("::");
    }
}

/// `read` applied to all of `tokens`; `None` when it stops short.
pub(super) fn whole(
    tokens: &[TokenTree],
    read: impl FnOnce(&mut Cursor) -> Option<String>,
) -> Option<String> {
    let mut cursor = Cursor::new(tokens);
    let text = read(&mut cursor)?;
    cursor.at_end().then_some(text)
}

/// The comma-separated entries of a group, each read by `read`. A trailing comma is dropped
/// (prettyplease writes its own, only when the list breaks); after a lone entry it is refused
/// (`None`), as it makes `(a,)` a tuple.
pub(super) fn comma_list(
    group: &Group,
    read: fn(&[TokenTree]) -> Option<String>,
) -> Option<Vec<String>> {
    let tokens: Vec<TokenTree> = group.stream().into_iter().collect();
    let (tokens, trailing) = without_trailing_comma(&tokens);
    let items: Vec<String> = entries(tokens)?
        .into_iter()
        .map(read)
        .collect::<Option<_>>()?;
    (!trailing || items.len() > 1).then_some(items)
}
