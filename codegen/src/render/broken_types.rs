//! Types too long for their line, broken as prettyplease breaks them: at the outermost generic
//! arguments, one argument per line one level further in, each with a trailing comma, then `>`
//! on a line of its own; each argument broken again the same way when it does not fit. A path
//! without generic arguments has nowhere to break, and stays long.

use super::layout::{entries, fits_or_unbreakable, type_text, INDENT};
use proc_macro2::TokenTree;

/// How the text after a type counts when prettyplease decides whether the type fits.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum End {
    /// A word (a field's `,`, a tuple struct's `;`, a list's `,` before the next entry):
    /// counted.
    Counted,
    /// The trailing comma of a broken list's last entry, written only because the list broke:
    /// not counted.
    Trailing,
}

/// Appends the type `tokens`, then `end`, to `out`, whose last line holds what precedes the
/// type (at `indent`): flat when that fits the margin, else broken. `None` for a shape not
/// printed here (see [`type_text`]).
pub(super) fn push_type(
    out: &mut String,
    tokens: &[TokenTree],
    indent: &str,
    (end, counts): (&str, End),
) -> Option<()> {
    let flat = type_text(tokens)?;
    let width = flat.len() + if counts == End::Counted { end.len() } else { 0 };
    if fits_or_unbreakable(out, width, &flat).is_some() {
        out.push_str(&flat);
        out.push_str(end);
        return Some(());
    }
    // `Path<arguments>`: the path, then the arguments between the first `<` and the last `>`.
    let open = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == '<'))?;
    let close = tokens.len().checked_sub(1)?;
    if !matches!(&tokens[close], TokenTree::Punct(p) if p.as_char() == '>') {
        return None;
    }
    out.push_str(&type_text(&tokens[..open])?);
    out.push_str("<\n");
    let inner = format!("{indent}{INDENT}");
    let arguments = entries(&tokens[open + 1..close])?;
    for (i, argument) in arguments.iter().enumerate() {
        out.push_str(&inner);
        push_type(out, argument, &inner, (",", list_comma(i, arguments.len())))?;
        out.push('\n');
    }
    out.push_str(indent);
    out.push('>');
    out.push_str(end);
    Some(())
}

/// How the comma after entry `i` of a broken list of `count` counts.
pub(super) fn list_comma(i: usize, count: usize) -> End {
    if i + 1 == count {
        End::Trailing
    } else {
        End::Counted
    }
}
