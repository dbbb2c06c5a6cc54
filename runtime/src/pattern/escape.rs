//! Escapes (`\d`, `\u0041`, `\/`, …) inside and outside character classes.

use super::{push_literal, ClassAtom, PatternError, Translator, DIGIT, SPACE, WORD};

impl Translator {
    /// After a `\` outside a class; returns whether the result can be quantified.
    pub(super) fn escape(&mut self, start: usize) -> Result<bool, PatternError> {
        let Some(c) = self.peek() else {
            return Err(PatternError::new(
                start,
                "the pattern ends with a lone `\\`",
            ));
        };
        match c {
            // ECMA's word boundary is ASCII. fancy_regex cannot switch Unicode off inside a
            // pattern, so there the boundary is spelled with look-around over ECMA's `\w`.
            'b' if self.backtracking => {
                self.pos += 1;
                self.out.push_str(
                    r"(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))",
                );
                return Ok(false);
            }
            'B' if self.backtracking => {
                self.pos += 1;
                self.out.push_str(
                    r"(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))",
                );
                return Ok(false);
            }
            'b' => {
                self.pos += 1;
                self.out.push_str(r"(?-u:\b)");
                return Ok(false);
            }
            'B' => {
                self.pos += 1;
                self.out.push_str(r"(?-u:\B)");
                return Ok(false);
            }
            '1'..='9' if self.backtracking => {
                self.out.push('\\');
                while let Some(d) = self.peek().filter(char::is_ascii_digit) {
                    self.out.push(d);
                    self.pos += 1;
                }
                return Ok(true);
            }
            'k' if self.peek_at(1) == Some('<') && self.backtracking => {
                self.pos += 2;
                let name = self.group_name(start)?;
                self.out.push_str("\\k<");
                self.out.push_str(&name);
                self.out.push('>');
                return Ok(true);
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
        Ok(true)
    }

    /// An escape valid both inside and outside a class (after the `\`).
    pub(super) fn class_escape(
        &mut self,
        start: usize,
        in_class: bool,
    ) -> Result<ClassAtom, PatternError> {
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
    pub(super) fn unicode_escape(&mut self, start: usize) -> Result<ClassAtom, PatternError> {
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
    pub(super) fn hex(&mut self, n: usize) -> Option<u32> {
        let digits: String = self.chars.get(self.pos..self.pos + n)?.iter().collect();
        if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let value = u32::from_str_radix(&digits, 16).ok()?;
        self.pos += n;
        Some(value)
    }

    pub(super) fn scalar(&self, start: usize, code: u32) -> Result<char, PatternError> {
        char::from_u32(code).ok_or_else(|| {
            PatternError::new(
                start,
                format!("`\\u{code:04X}` is a lone surrogate or not a Unicode scalar value, which cannot be matched in UTF-8 text"),
            )
        })
    }
}
