//! Function bodies, printed as prettyplease prints them: `let` statements, expression
//! statements and assignments, `if let … { … }` without `else`, `match` with one-line arms, and
//! a last expression.
//!
//! A line that fits the margin is printed flat ([`super::expressions`]), as prettyplease leaves
//! every box on such a line unbroken — except a struct literal wider than 35 columns, which it
//! always breaks (one member per line when it is the last expression; left to prettyplease
//! elsewhere). A statement that is one call too long for its line is broken as prettyplease
//! breaks it: one argument per line, each with a comma, and `)` back at the statement's
//! indentation. Anything else returns `None`.

use super::expressions::{
    expression, member, path_expression, pattern, struct_literal, FLAT_STRUCT_LITERAL,
};
use super::layout::{
    entries, first_block, push_line, semicolon, split_at_assignment, without_trailing_comma, INDENT,
};
use proc_macro2::{Delimiter, Group, Spacing, TokenTree};

/// Prints the statements of a non-empty body, each at `indent`.
pub(super) fn statements(tokens: &[TokenTree], indent: &str, out: &mut String) -> Option<()> {
    if tokens.is_empty() {
        return None;
    }
    let mut at = 0;
    while at < tokens.len() {
        at += statement(&tokens[at..], indent, out)?;
    }
    Some(())
}

/// Prints the statement `tokens` start with; returns how many tokens it took.
fn statement(tokens: &[TokenTree], indent: &str, out: &mut String) -> Option<usize> {
    let first = match tokens.first() {
        Some(TokenTree::Ident(word)) => word.to_string(),
        _ => String::new(),
    };
    match first.as_str() {
        "if" => if_let(tokens, indent, out),
        "match" => match_arms(tokens, indent, out),
        "let" => {
            let end = semicolon(tokens)?;
            let (pat, value) = split_at_assignment(&tokens[1..end])?;
            let prefix = format!("let {} = ", pattern(pat)?);
            line_or_broken_call(&prefix, value, ";", indent, out)?;
            Some(end + 1)
        }
        _ => match semicolon(tokens) {
            Some(end) => {
                let statement = &tokens[..end];
                match split_at_assignment(statement) {
                    Some((target, value)) => {
                        let line =
                            format!("{indent}{} = {};", expression(target)?, expression(value)?);
                        push_line(out, &line)?;
                    }
                    None => line_or_broken_call("", statement, ";", indent, out)?,
                }
                Some(end + 1)
            }
            None => {
                last_expression(tokens, indent, out)?;
                Some(tokens.len())
            }
        },
    }
}

/// Whether the token at `at` continues the expression a block ended (`else`, `;`, `.`), which
/// is not printed here.
fn continues(tokens: &[TokenTree], at: usize) -> bool {
    match tokens.get(at) {
        Some(TokenTree::Ident(word)) => word == "else",
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), ';' | '.' | '?'),
        _ => false,
    }
}

/// `if let pattern = value { … }` or `if condition { … }`, without `else`.
fn if_let(tokens: &[TokenTree], indent: &str, out: &mut String) -> Option<usize> {
    let (open, block) = first_block(tokens)?;
    if continues(tokens, open + 1) {
        return None;
    }
    let condition = &tokens[1..open];
    let condition = match condition.first() {
        Some(TokenTree::Ident(word)) if word == "let" => {
            let (pat, value) = split_at_assignment(&condition[1..])?;
            format!("let {} = {}", pattern(pat)?, expression(value)?)
        }
        _ => expression(condition)?,
    };
    push_line(out, &format!("{indent}if {condition} {{"))?;
    let inner: Vec<TokenTree> = block.stream().into_iter().collect();
    statements(&inner, &format!("{indent}{INDENT}"), out)?;
    push_line(out, &format!("{indent}}}"))?;
    Some(open + 1)
}

/// `match value { pattern => expression, … }`, each arm on one line.
fn match_arms(tokens: &[TokenTree], indent: &str, out: &mut String) -> Option<usize> {
    let (open, block) = first_block(tokens)?;
    if continues(tokens, open + 1) {
        return None;
    }
    let arms: Vec<TokenTree> = block.stream().into_iter().collect();
    if arms.is_empty() {
        return None;
    }
    push_line(
        out,
        &format!("{indent}match {} {{", expression(&tokens[1..open])?),
    )?;
    let mut at = 0;
    while at < arms.len() {
        let arrow = (at..arms.len().saturating_sub(1)).find(|&i| {
            matches!((&arms[i], &arms[i + 1]), (TokenTree::Punct(a), TokenTree::Punct(b))
                if a.as_char() == '=' && a.spacing() == Spacing::Joint && b.as_char() == '>')
        })?;
        let end = (arrow + 2..arms.len())
            .find(|&i| matches!(&arms[i], TokenTree::Punct(p) if p.as_char() == ','))
            .unwrap_or(arms.len());
        let body = &arms[arrow + 2..end];
        // A block arm prettyplease may unwrap or keep, and `()`, which it writes `{}`: not
        // printed here.
        if let [TokenTree::Group(g)] = body {
            if g.delimiter() == Delimiter::Brace || g.stream().is_empty() {
                return None;
            }
        }
        let arm = format!(
            "{indent}{INDENT}{} => {},",
            pattern(&arms[at..arrow])?,
            expression(body)?
        );
        push_line(out, &arm)?;
        at = end + 1;
    }
    push_line(out, &format!("{indent}}}"))?;
    Some(open + 1)
}

/// A body's last expression: a struct literal (on one line when at most 35 columns wide, else
/// one member per line), or any expression [`line_or_broken_call`] prints.
fn last_expression(tokens: &[TokenTree], indent: &str, out: &mut String) -> Option<()> {
    if let Some((TokenTree::Group(members), name)) = tokens.split_last() {
        if members.delimiter() == Delimiter::Brace {
            let name = path_expression(name)?;
            let flat = struct_literal(&name, members)?;
            if flat.len() <= FLAT_STRUCT_LITERAL {
                return push_line(out, &format!("{indent}{flat}"));
            }
            push_line(out, &format!("{indent}{name} {{"))?;
            let tokens: Vec<TokenTree> = members.stream().into_iter().collect();
            for entry in entries(&tokens)? {
                push_line(out, &format!("{indent}{INDENT}{},", member(entry)?))?;
            }
            return push_line(out, &format!("{indent}}}"));
        }
    }
    line_or_broken_call("", tokens, "", indent, out)
}

/// `{prefix}{expression}{end}` on one line when it fits; else, when the expression is a call,
/// broken as prettyplease breaks it: a path's call with one argument per line; a method call
/// on a word longer than four characters (prettyplease keeps shorter ones beside their call)
/// on the next line, one level in, and its arguments one per line there when it still does not
/// fit.
fn line_or_broken_call(
    prefix: &str,
    tokens: &[TokenTree],
    end: &str,
    indent: &str,
    out: &mut String,
) -> Option<()> {
    let flat = expression(tokens)?;
    if push_line(out, &format!("{indent}{prefix}{flat}{end}")).is_some() {
        return Some(());
    }
    let (TokenTree::Group(arguments), callee) = tokens.split_last()? else {
        return None;
    };
    if arguments.delimiter() != Delimiter::Parenthesis {
        return None;
    }
    if let Some(callee) = path_expression(callee) {
        let open = format!("{indent}{prefix}{callee}(");
        return broken_arguments(&open, arguments, &format!("{indent}){end}"), indent, out);
    }
    let [TokenTree::Ident(receiver), TokenTree::Punct(dot), TokenTree::Ident(method)] = callee
    else {
        return None;
    };
    if !prefix.is_empty() || dot.as_char() != '.' || receiver.to_string().len() <= 4 {
        return None;
    }
    let inner = format!("{indent}{INDENT}");
    let call = expression(&tokens[2..])?;
    push_line(out, &format!("{indent}{receiver}"))?;
    if push_line(out, &format!("{inner}.{call}{end}")).is_some() {
        return Some(());
    }
    let open = format!("{inner}.{method}(");
    broken_arguments(&open, arguments, &format!("{inner}){end}"), &inner, out)
}

/// A call's arguments one per line, one level further in than `indent`, each with a comma,
/// between the lines `open` and `close`.
fn broken_arguments(
    open: &str,
    arguments: &Group,
    close: &str,
    indent: &str,
    out: &mut String,
) -> Option<()> {
    let arguments: Vec<TokenTree> = arguments.stream().into_iter().collect();
    let arguments = entries(without_trailing_comma(&arguments).0)?;
    // One argument that is a block, a tuple, an array, a struct literal or a closure is
    // printed against the parentheses, not on a line of its own.
    let blocklike = |argument: &[TokenTree]| {
        matches!(argument.first(), Some(TokenTree::Group(_)))
            || matches!(argument.first(), Some(TokenTree::Punct(p)) if p.as_char() == '|')
            || matches!(argument.last(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace)
    };
    match arguments.as_slice() {
        [] => return None,
        [only] if blocklike(only) => return None,
        _ => {}
    }
    push_line(out, open)?;
    for argument in arguments {
        push_line(out, &format!("{indent}{INDENT}{},", expression(argument)?))?;
    }
    push_line(out, close)
}
