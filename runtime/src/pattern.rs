//! ECMA-262 patterns (OpenAPI `pattern`) translated to `regex` crate syntax.
//!
//! The `regex` crate guarantees linear-time matching, so it has no look-around and no
//! back-references; patterns using them are rejected with a [`PatternError`] saying so.
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
//! | `\uXXXX`, surrogate pairs, `\u{…}`, `\xHH`, `\cX`, `\0`, `\t` … | `\x{…}` |
//! | `(?<name>…)` | `(?P<name>…)` |
//! | `[^]` / `[]` | any character / no character |
//! | a `{`, `}` or `]` that is not syntax | the literal character |

use std::fmt;

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
    let mut t = Translator {
        chars: ecma.chars().collect(),
        pos: 0,
        out: String::with_capacity(ecma.len() + 8),
    };
    t.run()?;
    Ok(t.out)
}

/// Translates `ecma` and compiles it.
pub fn compile(ecma: &str) -> Result<regex::Regex, PatternError> {
    let translated = translate(ecma)?;
    regex::Regex::new(&translated)
        .map_err(|e| PatternError::new(0, format!("invalid regular expression: {e}")))
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
        while let Some(c) = self.peek() {
            let start = self.pos;
            self.pos += 1;
            match c {
                '\\' => self.escape(start)?,
                '[' => self.class(start)?,
                '(' => self.group(start)?,
                '.' => self.out.push_str(NOT_LINE_TERMINATOR),
                '{' => {
                    if let Some(len) = self.quantifier_len() {
                        self.out.push('{');
                        self.out.extend(&self.chars[self.pos..self.pos + len]);
                        self.pos += len;
                    } else {
                        self.out.push_str(r"\{");
                    }
                }
                '}' => self.out.push_str(r"\}"),
                ']' => self.out.push_str(r"\]"),
                '^' | '$' | '|' | ')' | '*' | '+' | '?' => self.out.push(c),
                c => push_literal(&mut self.out, c),
            }
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

    fn escape(&mut self, start: usize) -> Result<(), PatternError> {
        let Some(c) = self.peek() else {
            return Err(PatternError::new(
                start,
                "the pattern ends with a lone `\\`",
            ));
        };
        match c {
            'b' => {
                self.pos += 1;
                self.out.push_str(r"(?-u:\b)");
            }
            'B' => {
                self.pos += 1;
                self.out.push_str(r"(?-u:\B)");
            }
            '1'..='9' => {
                return Err(PatternError::new(
                    start,
                    format!("back-reference `\\{c}` is not supported: a linear-time regex engine cannot run back-references"),
                ));
            }
            'k' if self.peek_at(1) == Some('<') => {
                return Err(PatternError::new(
                    start,
                    "named back-reference `\\k<…>` is not supported: a linear-time regex engine cannot run back-references",
                ));
            }
            _ => match self.class_escape(start, false)? {
                ClassAtom::Char(c) => push_literal(&mut self.out, c),
                ClassAtom::Set(set) => self.out.push_str(&set),
            },
        }
        Ok(())
    }

    /// An escape valid both inside and outside a class (after the `\`).
    fn class_escape(&mut self, start: usize, in_class: bool) -> Result<ClassAtom, PatternError> {
        let Some(c) = self.peek() else {
            return Err(PatternError::new(
                start,
                "the pattern ends with a lone `\\`",
            ));
        };
        self.pos += 1;
        let set = |negated: bool, body: &str| {
            ClassAtom::Set(format!("[{}{body}]", if negated { "^" } else { "" }))
        };
        Ok(match c {
            'd' => set(false, DIGIT),
            'D' => set(true, DIGIT),
            'w' => set(false, WORD),
            'W' => set(true, WORD),
            's' => set(false, SPACE),
            'S' => set(true, SPACE),
            't' => ClassAtom::Char('\t'),
            'n' => ClassAtom::Char('\n'),
            'r' => ClassAtom::Char('\r'),
            'v' => ClassAtom::Char('\u{B}'),
            'f' => ClassAtom::Char('\u{C}'),
            'b' if in_class => ClassAtom::Char('\u{8}'),
            '0' if !self.peek().is_some_and(|d| d.is_ascii_digit()) => ClassAtom::Char('\0'),
            '0'..='9' => {
                return Err(PatternError::new(
                    start,
                    format!("octal escape `\\{c}…` is not supported"),
                ));
            }
            'c' => match self.peek() {
                Some(letter) if letter.is_ascii_alphabetic() => {
                    self.pos += 1;
                    ClassAtom::Char(char::from(letter as u8 % 32))
                }
                _ => {
                    // Annex B: a `\c` without a letter is a backslash and a `c`.
                    self.pos -= 1;
                    ClassAtom::Char('\\')
                }
            },
            'x' => match self.hex(2) {
                Some(code) => ClassAtom::Char(self.scalar(start, code)?),
                None => ClassAtom::Char('x'),
            },
            'u' => self.unicode_escape(start)?,
            'p' | 'P' if self.peek() == Some('{') => {
                // Unicode property escapes: `regex` uses the same `\p{…}` syntax.
                let close = self.chars[self.pos..]
                    .iter()
                    .position(|&c| c == '}')
                    .ok_or_else(|| PatternError::new(start, "unterminated `\\p{`"))?;
                let body: String = self.chars[self.pos..=self.pos + close].iter().collect();
                self.pos += close + 1;
                ClassAtom::Set(format!("[\\{c}{body}]"))
            }
            c => ClassAtom::Char(c), // identity escape: `\/` → `/`, `\.` → `.`
        })
    }

    /// After `\u`: `XXXX` (combining a surrogate pair), `{X…}`, or a literal `u` (Annex B).
    fn unicode_escape(&mut self, start: usize) -> Result<ClassAtom, PatternError> {
        if self.peek() == Some('{') {
            let close = self.chars[self.pos..].iter().position(|&c| c == '}');
            if let Some(close) = close {
                let body: String = self.chars[self.pos + 1..self.pos + close].iter().collect();
                if let Ok(code) = u32::from_str_radix(&body, 16) {
                    if !body.is_empty() && body.len() <= 6 {
                        self.pos += close + 1;
                        return Ok(ClassAtom::Char(self.scalar(start, code)?));
                    }
                }
            }
            return Ok(ClassAtom::Char('u'));
        }
        let Some(high) = self.hex(4) else {
            return Ok(ClassAtom::Char('u'));
        };
        if (0xD800..0xDC00).contains(&high) && self.starts_with("\\u") {
            let save = self.pos;
            self.pos += 2;
            match self.hex(4) {
                Some(low) if (0xDC00..0xE000).contains(&low) => {
                    let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    return Ok(ClassAtom::Char(self.scalar(start, code)?));
                }
                _ => self.pos = save,
            }
        }
        Ok(ClassAtom::Char(self.scalar(start, high)?))
    }

    /// Reads exactly `n` hex digits, or nothing.
    fn hex(&mut self, n: usize) -> Option<u32> {
        let digits: String = self.chars.get(self.pos..self.pos + n)?.iter().collect();
        if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let value = u32::from_str_radix(&digits, 16).ok()?;
        self.pos += n;
        Some(value)
    }

    fn scalar(&self, start: usize, code: u32) -> Result<char, PatternError> {
        char::from_u32(code).ok_or_else(|| {
            PatternError::new(
                start,
                format!("`\\u{code:04X}` is a lone surrogate or not a Unicode scalar value, which cannot be matched in UTF-8 text"),
            )
        })
    }

    /// After `[`: the whole class.
    fn class(&mut self, start: usize) -> Result<(), PatternError> {
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut body = String::new();
        let mut empty = true;
        loop {
            let atom_start = self.pos;
            let first = match self.class_atom(start)? {
                None => break,
                Some(atom) => atom,
            };
            empty = false;
            let is_range = self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']');
            if is_range {
                self.pos += 1;
                let second = self.class_atom(start)?;
                match (first, second) {
                    (ClassAtom::Char(a), Some(ClassAtom::Char(b))) => {
                        if a > b {
                            return Err(PatternError::new(
                                atom_start,
                                format!("range out of order in character class: {a:?}-{b:?}"),
                            ));
                        }
                        push_class_char(&mut body, a);
                        body.push('-');
                        push_class_char(&mut body, b);
                    }
                    (first, second) => {
                        // Annex B: a `-` next to a set like `\d` is a literal `-`.
                        push_atom(&mut body, first);
                        body.push_str(r"\-");
                        if let Some(second) = second {
                            push_atom(&mut body, second);
                        } else {
                            break;
                        }
                    }
                }
            } else {
                push_atom(&mut body, first);
            }
        }
        match (empty, negated) {
            (true, false) => self.out.push_str(r"[^\x{0}-\x{10FFFF}]"),
            (true, true) => self.out.push_str("(?s:.)"),
            (false, negated) => {
                self.out.push('[');
                if negated {
                    self.out.push('^');
                }
                self.out.push_str(&body);
                self.out.push(']');
            }
        }
        Ok(())
    }

    /// The next class atom, or `None` at the closing `]`.
    fn class_atom(&mut self, start: usize) -> Result<Option<ClassAtom>, PatternError> {
        let Some(c) = self.peek() else {
            return Err(PatternError::new(
                start,
                "unterminated character class: missing `]`",
            ));
        };
        self.pos += 1;
        match c {
            ']' => Ok(None),
            '\\' => {
                if self.peek() == Some('B') {
                    return Err(PatternError::new(
                        self.pos - 1,
                        "`\\B` is not allowed in a character class",
                    ));
                }
                self.class_escape(self.pos - 1, true).map(Some)
            }
            c => Ok(Some(ClassAtom::Char(c))),
        }
    }
}

fn push_atom(body: &mut String, atom: ClassAtom) {
    match atom {
        ClassAtom::Char(c) => push_class_char(body, c),
        ClassAtom::Set(set) => body.push_str(&set),
    }
}

/// A literal character outside a class.
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

/// A literal character inside a class (`[`, `&`, `~`, `-` and `^` included, so no set
/// operation or negation is formed by accident).
fn push_class_char(out: &mut String, c: char) {
    push_literal(out, c);
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
