//! What the direct printers share: prettyplease's margin, the comma-separated token lists and
//! path types they read, and the scans that find where an item or a statement ends (its `;`,
//! its first block, its assignment's `=`).

use proc_macro2::{Delimiter, Group, Spacing, TokenTree};

/// prettyplease's line width, and the width it keeps however deep the indentation.
pub(super) const MARGIN: usize = 89;
const MIN_SPACE: usize = 60;
pub(super) const INDENT: &str = "    ";

/// `Some(())` when the last line of `text`, `extra` columns longer, is within the margin: 89
/// columns, or 60 past the line's indentation when that is deeper (prettyplease's `MIN_SPACE`).
pub(super) fn fits(text: &str, extra: usize) -> Option<()> {
    let line = text.rsplit('\n').next().unwrap_or(text);
    let indent = line.len() - line.trim_start_matches(' ').len();
    (line.len() + extra <= MARGIN.max(indent + MIN_SPACE)).then_some(())
}

/// Appends `line` and a line break when it fits the margin.
pub(super) fn push_line(out: &mut String, line: &str) -> Option<()> {
    fits(line, 0)?;
    out.push_str(line);
    out.push('\n');
    Some(())
}

/// `Some(())` when the last line of `text`, `extra` columns longer, fits the margin, or when
/// what makes it long is the type `ty` and that is a bare path (words and `::`, no generic
/// arguments, reference, tuple or bounds): it has nowhere to break, and prettyplease leaves the
/// line long.
pub(super) fn fits_or_unbreakable(text: &str, extra: usize, ty: &str) -> Option<()> {
    let bare_path = ty
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'#'));
    fits(text, extra).or_else(|| bare_path.then_some(()))
}

/// `tokens` without a trailing comma, and whether there was one. prettyplease writes its own
/// (only when the list breaks) in argument, parameter, field, tuple and array lists.
pub(super) fn without_trailing_comma(tokens: &[TokenTree]) -> (&[TokenTree], bool) {
    match tokens.split_last() {
        Some((TokenTree::Punct(comma), rest)) if comma.as_char() == ',' => (rest, true),
        _ => (tokens, false),
    }
}

/// The comma-separated entries of `tokens` (commas inside `<…>` do not separate); `None` for
/// an empty entry, as a trailing comma makes.
pub(super) fn entries(tokens: &[TokenTree]) -> Option<Vec<&[TokenTree]>> {
    let mut entries = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let end = entry_end(tokens, start);
        if end == start || end + 1 == tokens.len() {
            return None;
        }
        entries.push(&tokens[start..end]);
        start = end + 1;
    }
    Some(entries)
}

/// The comma-separated entries of `tokens`, each printed by `print`; `None` for an empty entry
/// (as a trailing comma makes) or one `print` refuses.
pub(super) fn list(
    tokens: &[TokenTree],
    print: fn(&[TokenTree]) -> Option<String>,
) -> Option<Vec<String>> {
    entries(tokens)?.into_iter().map(print).collect()
}

/// Where the entry (a list's, or the type of a field) starting at `at` ends: the next comma
/// outside `<…>`, or the end.
pub(super) fn entry_end(tokens: &[TokenTree], at: usize) -> usize {
    let mut angles = 0usize;
    for (i, token) in tokens.iter().enumerate().skip(at) {
        if let TokenTree::Punct(punct) = token {
            match punct.as_char() {
                '<' => angles += 1,
                '>' => angles = angles.saturating_sub(1),
                ',' if angles == 0 => return i,
                _ => {}
            }
        }
    }
    tokens.len()
}

/// A type: a path with generic arguments (`Option<Nullable<BTreeMap<String, Amount>>>`).
pub(super) fn type_text(tokens: &[TokenTree]) -> Option<String> {
    let mut out = String::new();
    let mut after_word = false;
    for token in tokens {
        match token {
            TokenTree::Ident(_) if after_word || out.ends_with('>') => return None,
            TokenTree::Ident(ident) => {
                out.push_str(&ident.to_string());
                after_word = true;
                continue;
            }
            TokenTree::Punct(punct) => match punct.as_char() {
                ',' => out.push_str(", "),
                c @ (':' | '<' | '>') => out.push(c),
                _ => return None,
            },
            _ => return None,
        }
        after_word = false;
    }
    // Shapes prettyplease prints differently (a turbofish, empty arguments, a trailing comma).
    let odd = ["::<", "<>", ", >", ", ,"]
        .iter()
        .any(|odd| out.contains(odd))
        || out.ends_with(", ")
        || out.starts_with(',');
    (!out.is_empty() && !odd).then_some(out)
}

/// The index of the first `;` of `tokens` (groups are single tokens: only top-level ones count).
pub(super) fn semicolon(tokens: &[TokenTree]) -> Option<usize> {
    tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ';'))
}

/// `target = value`, split at the first lone `=` (`==`, `+=` and `=>` are not lone: their `=`
/// is joined to a neighbour, and what is left of it does not read as an expression).
pub(super) fn split_at_assignment(tokens: &[TokenTree]) -> Option<(&[TokenTree], &[TokenTree])> {
    let at = tokens.iter().position(
        |t| matches!(t, TokenTree::Punct(p) if p.as_char() == '=' && p.spacing() == Spacing::Alone),
    )?;
    Some((&tokens[..at], &tokens[at + 1..]))
}

/// The brace group `tokens` reach first, and its index.
pub(super) fn first_block(tokens: &[TokenTree]) -> Option<(usize, &Group)> {
    tokens.iter().enumerate().find_map(|(i, t)| match t {
        TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => Some((i, g)),
        _ => None,
    })
}
