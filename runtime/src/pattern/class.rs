//! Character classes: `[…]`, `[^…]`, ranges, and the `[]` / `[^]` special cases.

use super::{push_literal, ClassAtom, PatternError, Translator};

impl Translator {
    /// After `[`: the whole class.
    pub(super) fn class(&mut self, start: usize) -> Result<(), PatternError> {
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
                        push_literal(&mut body, a);
                        body.push('-');
                        push_literal(&mut body, b);
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
    pub(super) fn class_atom(&mut self, start: usize) -> Result<Option<ClassAtom>, PatternError> {
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
        ClassAtom::Char(c) => push_literal(body, c),
        ClassAtom::Set(set) => body.push_str(&set),
    }
}
