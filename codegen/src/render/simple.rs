//! The items a large spec has most of, printed here rather than by prettyplease: the definitions
//! of structs, enums, unions and newtypes (their docs, attributes, fields and variants). syn's
//! parse and prettyplease are most of the generator's time, and these items need neither: the
//! text is what prettyplease prints for the same tokens, by its rules for doc comments, for
//! attribute lists (one line when it fits its margin, else one entry per line) and for types.
//! Anything outside those shapes, or a line long enough that prettyplease might break it
//! elsewhere, returns `None` and is formatted by prettyplease. `render_space`, which uses this,
//! is compared with prettyplease's rendering of the whole module (`render_file`) for the
//! fixtures, the bundled specs and the six official specs.

use super::attributes::attributes;
use super::broken_types::{push_type, End};
use super::held::{named_variant, tuple};
use super::layout::{entry_end, fits, INDENT};
use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// The text of the struct or enum `tokens` start with (at the top level of a module), and the
/// tokens after it; `None` when they start with anything else or with a shape not printed here.
pub(super) fn leading_item(tokens: &[TokenTree]) -> Option<(String, &[TokenTree])> {
    let (out, at) = item_at(tokens, "")?;
    Some((out, &tokens[at..]))
}

/// The text of the struct or enum `tokens` start with, printed at `indent` (a module's items are
/// one level in for each module around them), and where it ends.
pub(super) fn item_at(tokens: &[TokenTree], indent: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut at = attributes(tokens, 0, indent, &mut out)?;
    let keyword = match (tokens.get(at), tokens.get(at + 1), tokens.get(at + 2)) {
        (
            Some(TokenTree::Ident(vis)),
            Some(TokenTree::Ident(keyword)),
            Some(TokenTree::Ident(name)),
        ) if vis == "pub" => {
            let keyword = keyword.to_string();
            out.push_str(&format!("{indent}pub {keyword} {name}"));
            keyword
        }
        _ => return None,
    };
    at += 3;
    match (keyword.as_str(), tokens.get(at), tokens.get(at + 1)) {
        ("struct" | "enum", Some(TokenTree::Group(body)), _)
            if body.delimiter() == Delimiter::Brace =>
        {
            let members = members(&body.stream(), keyword == "struct", indent)?;
            // A name too long for the margin stays on the line: nothing there can break.
            if members.is_empty() {
                out.push_str(" {}\n");
            } else {
                out.push_str(" {\n");
                out.push_str(&members);
                out.push_str(indent);
                out.push_str("}\n");
            }
            at += 1;
        }
        ("struct", Some(TokenTree::Group(fields)), Some(TokenTree::Punct(semi)))
            if fields.delimiter() == Delimiter::Parenthesis && semi.as_char() == ';' =>
        {
            let fields: Vec<TokenTree> = fields.stream().into_iter().collect();
            tuple(&fields, indent, ";", &mut out)?;
            at += 2;
        }
        _ => return None,
    }
    Some((out, at))
}

/// A struct's fields (`pub name: Type`) or an enum's variants (`Name`, `Name(Type)`,
/// `Name { field: Type }`), each with its attributes, one level in.
fn members(body: &TokenStream, fields: bool, outer: &str) -> Option<String> {
    let tokens: Vec<TokenTree> = body.clone().into_iter().collect();
    let indent = format!("{outer}{INDENT}");
    let indent = indent.as_str();
    let mut out = String::new();
    let mut at = 0;
    while at < tokens.len() {
        at = attributes(&tokens, at, indent, &mut out)?;
        let start = out.len();
        out.push_str(indent);
        match tokens.get(at)? {
            TokenTree::Ident(vis) if fields && vis == "pub" => {
                let (Some(TokenTree::Ident(name)), Some(TokenTree::Punct(colon))) =
                    (tokens.get(at + 1), tokens.get(at + 2))
                else {
                    return None;
                };
                if colon.as_char() != ':' {
                    return None;
                }
                at += 3;
                let end = entry_end(&tokens, at);
                out.push_str(&format!("pub {name}: "));
                push_type(&mut out, &tokens[at..end], indent, (",", End::Counted))?;
                out.push('\n');
                at = end;
            }
            TokenTree::Ident(name) if !fields => {
                out.push_str(&name.to_string());
                at += 1;
                if let Some(TokenTree::Group(held)) = tokens.get(at) {
                    let named = match held.delimiter() {
                        Delimiter::Parenthesis => false,
                        Delimiter::Brace => true,
                        _ => return None,
                    };
                    let held: Vec<TokenTree> = held.stream().into_iter().collect();
                    let mut line = out.split_off(start);
                    if named {
                        named_variant(&held, indent, &mut line)?;
                    } else {
                        tuple(&held, indent, ",", &mut line)?;
                    }
                    out.push_str(&line);
                    at += 1;
                } else {
                    out.push(',');
                    fits(&out[start..], 0)?;
                    out.push('\n');
                }
            }
            _ => return None,
        }
        match tokens.get(at) {
            Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => at += 1,
            None => {}
            Some(_) => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    /// `tokens` printed here, or `None`; when printed, the text is prettyplease's.
    fn printed(tokens: TokenStream) -> Option<String> {
        super::super::printed_as_prettyplease(tokens, leading_item)
    }

    #[test]
    fn attribute_lists_break_where_prettyplease_breaks_them() {
        // Around the margin, at the top level and one level in: every length either prints
        // as prettyplease does or is left to it.
        let mut printed_lengths = 0;
        for length in 40..110 {
            let value = "x".repeat(length);
            let top = quote! {
                #[serde(rename = #value, default)]
                pub enum E { A }
            };
            let member = quote! {
                pub struct S {
                    #[serde(rename = #value, default, skip_serializing_if = "Option::is_none")]
                    pub a: Option<String>,
                }
            };
            printed_lengths += usize::from(printed(top).is_some());
            printed_lengths += usize::from(printed(member).is_some());
        }
        assert_eq!(
            printed_lengths, 140,
            "every one of these shapes is printed here"
        );
    }

    #[test]
    fn named_variants_break_where_prettyplease_breaks_them() {
        // Around the margin, flat and broken, with and without field docs and a trailing comma:
        // every length prints as prettyplease does.
        for length in 40..100 {
            let ty = super::super::test_ident(&"T".repeat(length));
            for tokens in [
                quote!(pub enum Response { Ok(A), Default { status: u16, body: super::#ty } }),
                quote!(pub enum Response { Default { status: u16, body: Vec<#ty>, } }),
                quote!(pub enum Response {
                    Undocumented {
                        /// The status.
                        status: u16,
                        /// The body.
                        body: Option<Vec<#ty>>,
                    },
                }),
            ] {
                printed(tokens).expect("printed");
            }
        }
    }

    #[test]
    fn docs_become_comments_as_prettyplease_writes_them() {
        let text = printed(quote! {
            #[doc = " A \"quoted\" \\ word.  "]
            #[doc = ""]
            /// From a doc comment (a raw string).
            #[deprecated]
            #[derive(Debug, Clone)]
            pub enum E {
                /// `a`
                #[wire("a")]
                A,
                Other(::payments_runtime::JsonValue),
                Pair(BTreeMap<String, Vec<u8>>),
            }
        });
        assert!(text.is_some_and(|text| text.starts_with("/// A \"quoted\" \\ word.\n///\n")));
        // A doc line with a line break, or starting with `/`, is not a `///` comment.
        assert_eq!(
            printed(quote!(
                #[doc = "a\nb"]
                pub struct S {}
            )),
            None
        );
        assert_eq!(
            printed(quote!(
                #[doc = "/ x"]
                pub struct S {}
            )),
            None
        );
    }

    #[test]
    fn tuple_structs_empty_bodies_and_long_lines() {
        printed(quote!(
            #[derive(Debug)]
            #[validate(max_length = 5000)]
            pub struct Code(String);
        ))
        .expect("printed");
        printed(quote!(
            pub struct Empty {}
        ))
        .expect("printed");
        printed(quote!(
            pub enum Never {}
        ))
        .expect("printed");
        let long = syn::Ident::new(&"A".repeat(90), proc_macro2::Span::call_site());
        // Too long for the margin: the tuple breaks, one type per line; a name alone stays.
        printed(quote!(pub struct #long(String);)).expect("printed");
        let name = syn::Ident::new(&"M".repeat(50), proc_macro2::Span::call_site());
        printed(quote!(pub struct #name(String, BTreeMap<String, #name>);)).expect("printed");
        printed(quote!(pub enum E { #name(#name), B(#name, #name), C(Option<Vec<#name>>), }))
            .expect("printed");
        printed(quote!(pub enum #long { A, B(String), })).expect("printed");
        printed(quote!(pub struct #long { pub a: String, })).expect("printed");
        printed(quote!(pub struct #long {})).expect("printed");
        // A type too long for a line of its own: a path stays long (it has nowhere to break);
        // one with generic arguments is left to prettyplease, which breaks it.
        let longer = syn::Ident::new(&"L".repeat(85), proc_macro2::Span::call_site());
        printed(quote!(pub enum E { A(#longer), B(super::super::#longer), })).expect("printed");
        printed(quote!(pub struct S { pub aaaaaaaaaaaa: #longer, pub b: super::#longer, }))
            .expect("printed");
        printed(quote!(pub struct #longer(#longer);)).expect("printed");
        // One with generic arguments breaks at them, outermost first, each argument again when
        // it does not fit.
        let m = syn::Ident::new(&"M".repeat(40), proc_macro2::Span::call_site());
        let mm = syn::Ident::new(&"M".repeat(80), proc_macro2::Span::call_site());
        let l = syn::Ident::new(&"L".repeat(70), proc_macro2::Span::call_site());
        let k = syn::Ident::new(&"K".repeat(60), proc_macro2::Span::call_site());
        for tokens in [
            quote!(pub enum E { A(Vec<#longer>), }),
            quote!(pub struct S { pub a: Option<#long>, }),
            quote!(pub struct S { pub pending_verification: Option<Nullable<Vec<#m>>>, }),
            quote!(pub struct S { pub a: BTreeMap<String, Nullable<Vec<#mm>>>, }),
            quote!(pub struct S { pub aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: Option<Nullable<Vec<#l>>>, }),
            quote!(pub enum E { A(Option<Nullable<Vec<#k>>>), }),
            quote!(pub struct S { pub a: Option<Vec<#k>>, }),
            quote!(pub struct #long(Option<Vec<#k>>, ::std::collections::BTreeMap<String, #l>);),
        ] {
            printed(tokens).expect("printed");
        }
        // Deep enough that the lines past 29 columns of indentation get 60 columns of their
        // own (prettyplease's `MIN_SPACE`), not the 89-column margin.
        // (Two-letter wrappers: each level's line is as long as its parent's, four columns
        // further in, so only that allowance keeps a deep one flat.)
        for length in 30..80 {
            let name = syn::Ident::new(&"N".repeat(length), proc_macro2::Span::call_site());
            printed(quote!(pub struct S { pub a: Ab<Ab<Ab<Ab<Ab<Ab<Ab<Ab<#name>>>>>>>>, }))
                .expect("printed");
        }
        // Breaking lengths one by one around the margin.
        for length in 50..100 {
            let name = syn::Ident::new(&"N".repeat(length), proc_macro2::Span::call_site());
            printed(quote!(pub struct S { pub field: Option<Nullable<BTreeMap<String, #name>>>, }))
                .expect("printed");
        }
    }

    #[test]
    fn other_shapes_are_left_to_prettyplease() {
        let comma = quote!(,);
        // Types rustfmt would rewrite inside `quote!`: a turbofish, empty arguments.
        let turbofish: TokenStream = "Vec::<u8>".parse().expect("tokens");
        let empty: TokenStream = "Option<>".parse().expect("tokens");
        for tokens in [
            quote!(
                pub type A = String;
            ),
            quote!(impl A {}),
            quote!(
                pub struct S<T> {
                    pub a: T,
                }
            ),
            quote!(
                pub struct S {
                    a: String,
                }
            ),
            quote!(
                pub struct S {
                    pub a: &'static str,
                }
            ),
            quote!(pub struct S { pub a: #turbofish, }),
            quote!(pub struct S { pub a: #empty, }),
            quote!(pub struct S { pub a: Option<String #comma>, }),
            quote!(pub struct S { pub a: A<B>C, }),
            quote!(
                pub struct S(#[serde(with = "x")] Decimal);
            ),
            quote!(
                pub enum E {
                    A = 1,
                }
            ),
            quote!(
                #[validate(unlisted(except = ["a"]))]
                pub struct S {}
            ),
            // A trailing comma (rustfmt would drop one written inside `quote!`).
            quote!(
                #[serde(a #comma)]
                pub struct S {}
            ),
        ] {
            let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
            assert!(leading_item(&trees).is_none(), "{tokens}");
        }
    }
}
