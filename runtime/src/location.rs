//! Where a value sits in the payload, as a stack-allocated linked list.

use std::fmt;

/// The position of a value in a JSON document: a linked list on the stack, so validating a
/// valid payload allocates nothing for paths. [`Location::pointer`] renders it as an
/// RFC 6901 JSON Pointer only when a violation is recorded.
#[derive(Clone, Copy, Debug, Default)]
pub enum Location<'a> {
    /// The document itself (pointer `""`).
    #[default]
    Root,
    /// The member `key` (a wire name) of the object at the parent location.
    Key(&'a Location<'a>, &'a str),
    /// The item at `index` of the array at the parent location.
    Index(&'a Location<'a>, usize),
}

impl<'a> Location<'a> {
    /// The location of member `key` (a wire name) below `self`.
    pub fn key<'b>(&'b self, key: &'b str) -> Location<'b> {
        Location::Key(self, key)
    }

    /// The location of item `index` below `self`.
    pub fn index(&self, index: usize) -> Location<'_> {
        Location::Index(self, index)
    }

    /// The RFC 6901 JSON Pointer: `""` for the root, `/a~1b/0` for key `a/b` then index 0
    /// (`~` is written `~0`, `/` is written `~1`).
    pub fn pointer(&self) -> String {
        let mut out = String::with_capacity(self.pointer_len_hint());
        self.write_pointer(&mut out);
        out
    }

    /// Appends the pointer, the root's segments first.
    fn write_pointer(&self, out: &mut String) {
        match self {
            Location::Root => {}
            Location::Key(parent, key) => {
                parent.write_pointer(out);
                out.push('/');
                escape_into(key, out);
            }
            Location::Index(parent, index) => {
                parent.write_pointer(out);
                out.push('/');
                push_index(*index, out);
            }
        }
    }

    /// The pointer's length when no key needs escaping and indexes are short: one allocation
    /// in the common case.
    fn pointer_len_hint(&self) -> usize {
        let mut len = 0;
        let mut at = self;
        loop {
            match at {
                Location::Root => return len,
                Location::Key(parent, key) => {
                    len += 1 + key.len();
                    at = parent;
                }
                Location::Index(parent, _) => {
                    len += 3;
                    at = parent;
                }
            }
        }
    }
}

/// Appends `index` in decimal, without going through `fmt`.
pub(crate) fn push_index(index: usize, out: &mut String) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = index;
    loop {
        start -= 1;
        // `rest % 10` is a single digit.
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// Appends `key` escaped as one JSON Pointer reference token.
pub(crate) fn escape_into(key: &str, out: &mut String) {
    let mut rest = key;
    while let Some(at) = rest.find(['~', '/']) {
        out.push_str(&rest[..at]);
        out.push_str(if rest.as_bytes()[at] == b'~' {
            "~0"
        } else {
            "~1"
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

impl fmt::Display for Location<'_> {
    /// The JSON Pointer, as [`Location::pointer`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.pointer())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_the_empty_pointer() {
        assert_eq!(Location::Root.pointer(), "");
    }

    #[test]
    fn keys_and_indexes_nest_in_order() {
        let root = Location::Root;
        let items = root.key("items");
        let second = items.index(1);
        let amount = second.key("amount");
        assert_eq!(amount.pointer(), "/items/1/amount");
        assert_eq!(amount.to_string(), "/items/1/amount");
    }

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let root = Location::Root;
        assert_eq!(root.key("a/b").pointer(), "/a~1b");
        assert_eq!(root.key("m~n").pointer(), "/m~0n");
        // `~1` in a key is a tilde then a one, not an escaped slash.
        assert_eq!(root.key("~1").pointer(), "/~01");
        assert_eq!(root.key("").pointer(), "/");
        assert_eq!(root.key("/é~/").pointer(), "/~1é~0~1");
    }

    #[test]
    fn indexes_are_decimal() {
        let root = Location::Root;
        for index in [0, 7, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(root.index(index).pointer(), format!("/{index}"));
        }
    }
}
