//! ECMA-262 patterns (OpenAPI `pattern`) translated to `regex` crate syntax.
//!
//! The `regex` crate guarantees linear-time matching, so it has no look-around and no
//! back-references: [`translate`] rejects patterns using them with a [`PatternError`] saying
//! so. A [`Matcher`] runs every pattern JSON Schema allows: on the linear-time engine when it
//! can, else (look-around, back-references) on `fancy_regex`, a backtracking engine, within a
//! budget of [`BACKTRACK_LIMIT`] steps per match — an exhausted budget is an answer
//! ([`Matcher::is_match`] gives `None`), never a hang.
//!
//! Translation follows ECMA-262 without flags (Annex B identity escapes included):
//!
//! | ECMA-262 | `regex` |
//! |---|---|
//! | `\d` `\D` | `[0-9]` `[^0-9]` (ASCII only: `^\d+$` does not match `٣`) |
//! | `\w` `\W` | `[0-9A-Za-z_]` `[^0-9A-Za-z_]` |
//! | `\s` `\S` | ECMA white space and line terminators, listed explicitly |
//! | `\b` `\B` | ASCII word boundary `(?-u:\b)` `(?-u:\B)`; `[\b]` is backspace |
//! | `.` | any character but `\n` `\r` U+2028 U+2029 |
//! | `\/`, `\-`, … | the character, escaped when `regex` treats it as a metacharacter |
//! | `\uXXXX`, surrogate pairs, `\u{…}`, `\xHH`, `\cX`, `\0`, `\t` … | the character (a control character as `\x{…}`) |
//! | `(?<name>…)` | `(?P<name>…)` |
//! | `[^]` / `[]` | any character / no character |
//! | a `{`, `}` or `]` that is not syntax | the literal character |

use std::fmt;

mod class;
mod escape;
#[cfg(test)]
mod tests;

/// Why an ECMA-262 pattern cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    offset: usize,
    message: String,
}

impl PatternError {
    fn new(offset: usize, message: impl Into<String>) -> Self {
        PatternError {
            offset,
            message: message.into(),
        }
    }

    /// The character offset in the ECMA-262 pattern where the problem starts.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// What is wrong, e.g. that a linear-time engine cannot run a look-ahead.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.offset)
    }
}

impl std::error::Error for PatternError {}

/// Turns an ECMA-262 pattern into `regex` crate syntax; see the [module docs](self).
pub fn translate(ecma: &str) -> Result<String, PatternError> {
    translate_for(ecma, false)
}

fn translate_for(ecma: &str, backtracking: bool) -> Result<String, PatternError> {
    let mut t = Translator {
        chars: ecma.chars().collect(),
        pos: 0,
        out: String::with_capacity(ecma.len() + 8),
        backtracking,
    };
    t.run()?;
    Ok(t.out)
}

/// How a pattern is run: its translated text and whether it needs the backtracking engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The pattern in the engine's syntax.
    pub translated: String,
    /// Whether it uses look-around or back-references (the backtracking engine).
    pub backtracking: bool,
}

/// The translation of `ecma` for the engine that can run it, checked to compile.
pub fn plan(ecma: &str) -> Result<Plan, PatternError> {
    let plan = match translate(ecma) {
        Ok(translated) => Plan {
            translated,
            backtracking: false,
        },
        Err(_) => Plan {
            translated: translate_for(ecma, true)?,
            backtracking: true,
        },
    };
    Matcher::from_plan(&plan)?;
    Ok(plan)
}

/// The most backtracking steps one match may take before it gives up.
pub const BACKTRACK_LIMIT: usize = 100_000;

/// A compiled pattern on the engine its [`Plan`] names.
#[derive(Clone, Debug)]
pub enum Matcher {
    /// The linear-time `regex` engine.
    Linear(regex::Regex),
    /// `fancy_regex` with a backtracking budget.
    Backtracking(fancy_regex::Regex),
}

impl Matcher {
    /// Compiles a plan.
    pub fn from_plan(plan: &Plan) -> Result<Matcher, PatternError> {
        let invalid =
            |e: &dyn fmt::Display| PatternError::new(0, format!("invalid regular expression: {e}"));
        if plan.backtracking {
            fancy_regex::RegexBuilder::new(&plan.translated)
                .backtrack_limit(BACKTRACK_LIMIT)
                .build()
                .map(Matcher::Backtracking)
                .map_err(|e| invalid(&e))
        } else {
            regex::Regex::new(&plan.translated)
                .map(Matcher::Linear)
                .map_err(|e| invalid(&e))
        }
    }

    /// The matcher for a pattern the generator or a derive translated and compiled at build
    /// time (the expansions' `static`s). Compiling the same text with the same engine again
    /// cannot fail; if it did, the build and the run disagree on the engine, which is a bug.
    #[doc(hidden)]
    pub fn compiled(translated: &str, backtracking: bool) -> Matcher {
        let plan = Plan {
            translated: translated.to_owned(),
            backtracking,
        };
        match Matcher::from_plan(&plan) {
            Ok(matcher) => matcher,
            Err(error) => panic!("pattern compiled at build time failed at run time: {error}"),
        }
    }

    /// Whether `text` has a match; `None` when the backtracking budget ran out first.
    pub fn is_match(&self, text: &str) -> Option<bool> {
        match self {
            Matcher::Linear(regex) => Some(regex.is_match(text)),
            Matcher::Backtracking(regex) => regex.is_match(text).ok(),
        }
    }
}

/// Plans and compiles `ecma`.
pub fn compile(ecma: &str) -> Result<Matcher, PatternError> {
    Matcher::from_plan(&plan(ecma)?)
}

const DIGIT: &str = "0-9";
const WORD: &str = "0-9A-Za-z_";
/// ECMA-262 WhiteSpace and LineTerminator code points.
const SPACE: &str =
    r"\t\n\x0B\f\r \xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
const NOT_LINE_TERMINATOR: &str = r"[^\n\r\x{2028}\x{2029}]";

/// One item of a character class.
enum ClassAtom {
    Char(char),
    /// A set already in `regex` syntax (`[0-9]`).
    Set(String),
}

struct Translator {
    chars: Vec<char>,
    pos: usize,
    out: String,
    /// Whether look-around and back-references are kept (for the backtracking engine).
    backtracking: bool,
}

impl Translator {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn starts_with(&self, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(i, c)| self.peek_at(i) == Some(c))
    }

    fn run(&mut self) -> Result<(), PatternError> {
        // Whether the last item can take a quantifier (ECMA: "nothing to repeat" otherwise).
        let mut quantifiable = false;
        while let Some(c) = self.peek() {
            let start = self.pos;
            self.pos += 1;
            let quantifier_len = match c {
                '*' | '+' | '?' => Some(0),
                '{' => self.quantifier_len(),
                _ => None,
            };
            if let Some(len) = quantifier_len {
                if !quantifiable {
                    return Err(PatternError::new(
                        start,
                        format!("nothing to repeat before `{c}`"),
                    ));
                }
                self.out.push(c);
                self.out.extend(&self.chars[self.pos..self.pos + len]);
                self.pos += len;
                if self.peek() == Some('?') {
                    self.pos += 1;
                    self.out.push('?'); // lazy
                }
                quantifiable = false;
                continue;
            }
            quantifiable = match c {
                '\\' => self.escape(start)?,
                '[' => {
                    self.class(start)?;
                    true
                }
                '(' => {
                    self.group(start)?;
                    false
                }
                '^' | '$' | '|' => {
                    self.out.push(c);
                    false
                }
                ')' => {
                    self.out.push(c);
                    true
                }
                '.' => {
                    self.out.push_str(NOT_LINE_TERMINATOR);
                    true
                }
                c => {
                    push_literal(&mut self.out, c); // `{`, `}` and `]` that are not syntax too
                    true
                }
            };
        }
        Ok(())
    }

    /// After a `{`: the length up to and including `}` when it is `n}`, `n,}` or `n,m}`.
    fn quantifier_len(&self) -> Option<usize> {
        let rest = &self.chars[self.pos..];
        let end = rest.iter().position(|&c| c == '}')?;
        let body: String = rest[..end].iter().collect();
        let (min, max) = match body.split_once(',') {
            Some((min, max)) => (min, Some(max)),
            None => (body.as_str(), None),
        };
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        (digits(min) && max.is_none_or(|m| m.is_empty() || digits(m))).then_some(end + 1)
    }

    fn group(&mut self, start: usize) -> Result<(), PatternError> {
        if self.peek() != Some('?') {
            self.out.push('(');
            return Ok(());
        }
        let lookaround = [
            ("?=", "look-ahead `(?=`"),
            ("?!", "negative look-ahead `(?!`"),
            ("?<=", "look-behind `(?<=`"),
            ("?<!", "negative look-behind `(?<!`"),
        ];
        for (syntax, what) in lookaround {
            if self.starts_with(syntax) && self.backtracking {
                self.pos += syntax.len();
                self.out.push('(');
                self.out.push_str(syntax);
                return Ok(());
            }
            if self.starts_with(syntax) {
                return Err(PatternError::new(
                    start,
                    format!("{what} is not supported: a linear-time regex engine cannot run look-around"),
                ));
            }
        }
        if self.starts_with("?:") {
            self.pos += 2;
            self.out.push_str("(?:");
            return Ok(());
        }
        if self.starts_with("?<") {
            self.pos += 2;
            let name = self.group_name(start)?;
            self.out.push_str("(?P<");
            self.out.push_str(&name);
            self.out.push('>');
            return Ok(());
        }
        Err(PatternError::new(
            start,
            "invalid group: `(?` must be followed by `:`, `<name>`, or look-around",
        ))
    }

    /// After `(?<` or `\k<`: the name up to `>`.
    fn group_name(&mut self, start: usize) -> Result<String, PatternError> {
        let mut name = String::new();
        loop {
            match self.peek() {
                Some('>') => {
                    self.pos += 1;
                    break;
                }
                Some(c) if c == '_' || c.is_alphanumeric() => {
                    name.push(c);
                    self.pos += 1;
                }
                _ => {
                    return Err(PatternError::new(
                        start,
                        "invalid group name: expected `name>`",
                    ))
                }
            }
        }
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(PatternError::new(
                start,
                format!("invalid group name `{name}`"),
            ));
        }
        Ok(name)
    }
}

/// A literal character, inside or outside a class: metacharacters (`[`, `&`, `~`, `-` and `^`
/// included, so no nested set, set operation or negation is formed by accident) are escaped,
/// control characters written as `\x{…}`.
fn push_literal(out: &mut String, c: char) {
    if regex_syntax_meta(c) {
        out.push('\\');
        out.push(c);
    } else if c.is_control() {
        out.push_str(&format!("\\x{{{:X}}}", u32::from(c)));
    } else {
        out.push(c);
    }
}

/// Whether `regex` gives `c` a meaning (these may always be escaped).
fn regex_syntax_meta(c: char) -> bool {
    matches!(
        c,
        '\\' | '.'
            | '+'
            | '*'
            | '?'
            | '('
            | ')'
            | '|'
            | '['
            | ']'
            | '{'
            | '}'
            | '^'
            | '$'
            | '#'
            | '&'
            | '-'
            | '~'
    )
}
