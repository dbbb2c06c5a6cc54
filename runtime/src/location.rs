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
        let mut segments = Vec::new();
        let mut at = self;
        loop {
            match at {
                Location::Root => break,
                Location::Key(parent, key) => {
                    segments.push(Segment::Key(key));
                    at = parent;
                }
                Location::Index(parent, index) => {
                    segments.push(Segment::Index(*index));
                    at = parent;
                }
            }
        }
        let mut out = String::new();
        for segment in segments.iter().rev() {
            out.push('/');
            match segment {
                Segment::Key(key) => escape_into(key, &mut out),
                Segment::Index(index) => out.push_str(&index.to_string()),
            }
        }
        out
    }
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Appends `key` escaped as one JSON Pointer reference token.
pub(crate) fn escape_into(key: &str, out: &mut String) {
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
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
    }
}
