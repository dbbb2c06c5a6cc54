//! Inline Markdown of spec text, made to render under rustdoc as the spec's author meant it and
//! without rustdoc's lints firing on it: a bare URL becomes an autolink (`<https://…>`), square
//! brackets that are not a link but that rustdoc would read as an intra-doc link (`[2,3,5]`,
//! `metadata[key]`, `[text][undefined]`) are escaped, and a `<` that opens no well-formed HTML
//! (a Redoc directive `<SecurityDefinitions />`, a generic `List<String>`, an unclosed `<b>`, a
//! closing tag nothing opened) is written `&lt;`, which shows the same character. Code spans, link
//! destinations, autolinks, task-list checkboxes and tags that pair up are copied as written;
//! inside an HTML block, where Markdown is not read, only tags are rewritten.
//! Every line is scanned once (code spans, bracket pairs), so the work is linear in its length.

use html::{autolink_len, comment_len, Tag, VOID};
use std::collections::{BTreeSet, HashMap, VecDeque};

mod html;

/// How far down the open tags a closing tag looks for its opening one.
const TAG_DEPTH: usize = 32;

/// Rewrites the prose lines of rendered doc lines (those outside fenced code blocks) in place.
pub(crate) fn rewrite_prose(lines: &mut [String]) {
    let prose = prose_lines(lines);
    let scans: Vec<(usize, Scan<'_>)> = prose.iter().map(|&i| (i, Scan::new(&lines[i]))).collect();
    let context = Context::of(&scans);
    let html = html_block_lines(&scans);
    let rewritten: Vec<(usize, String)> = scans
        .iter()
        .map(|(i, scan)| (*i, context.rewrite(*i, scan, html.contains(i))))
        .collect();
    for (i, line) in rewritten {
        lines[i] = line;
    }
}

/// The indices of the lines outside fenced code blocks (fences as `doc_lines` writes them:
/// trimmed, opened by `` ``` `` or `~~~`).
fn prose_lines(lines: &[String]) -> Vec<usize> {
    let mut fence: Option<&str> = None;
    let mut prose = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        match fence {
            Some(open) if trimmed.starts_with(open) => fence = None,
            Some(_) => {}
            None => match ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
                Some(open) => fence = Some(open),
                None => prose.push(i),
            },
        }
    }
    prose
}

/// The prose lines inside an HTML block: from a line that opens one (CommonMark's kinds 1–6,
/// `super::docs::html_block`) to the next blank line. Markdown is not read there — an escape
/// would show its backslash, `<https://…>` would be a tag — so only tags are rewritten.
fn html_block_lines(scans: &[(usize, Scan<'_>)]) -> BTreeSet<usize> {
    let mut inside = BTreeSet::new();
    let mut open = false;
    for (i, scan) in scans {
        let trimmed = scan.text.trim();
        if trimmed.is_empty() {
            open = false;
        } else if open || super::docs::html_block(trimmed) {
            open = true;
            inside.insert(*i);
        }
    }
    inside
}

/// One line, scanned once: where its code spans end, and which `[`/`(` pairs with which
/// `]`/`)` (outside code spans and escapes).
struct Scan<'a> {
    text: &'a str,
    /// Start of a code span → the index just past it.
    spans: HashMap<usize, usize>,
    /// Index of a `[` or `(` → index of the bracket closing it.
    closes: HashMap<usize, usize>,
    /// None of the characters the rewrite acts on is in the line (see [`plain`]).
    plain: bool,
}

/// Whether `text` has none of what the rewrite acts on — a code span, an escape, a bracket, a
/// tag or autolink, a bare URL — so that it stays as written: most lines of most descriptions,
/// which are then neither scanned nor rewritten.
fn plain(text: &str) -> bool {
    !text.contains(['`', '\\', '[', '<']) && !text.contains("http://") && !text.contains("https://")
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Self {
        if plain(text) {
            return Scan {
                text,
                spans: HashMap::new(),
                closes: HashMap::new(),
                plain: true,
            };
        }
        let bytes = text.as_bytes();
        // Backtick runs, then CommonMark's pairing: a run opens a span closed by the next run
        // of the same length; runs inside a span are text.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'`' {
                let len = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                runs.push((i, len));
                i += len;
            } else {
                i += 1;
            }
        }
        let mut by_len: HashMap<usize, VecDeque<usize>> = HashMap::new();
        for (k, &(_, len)) in runs.iter().enumerate() {
            by_len.entry(len).or_default().push_back(k);
        }
        let mut spans = HashMap::new();
        let mut k = 0;
        while k < runs.len() {
            let (start, len) = runs[k];
            let queue = by_len.entry(len).or_default();
            while queue.front().is_some_and(|&j| j <= k) {
                queue.pop_front();
            }
            match queue.front() {
                Some(&j) => {
                    spans.insert(start, runs[j].0 + len);
                    k = j + 1;
                }
                None => k += 1,
            }
        }
        let mut closes = HashMap::new();
        let (mut squares, mut rounds) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < bytes.len() {
            if let Some(&end) = spans.get(&i) {
                i = end;
                continue;
            }
            match bytes[i] {
                b'\\' => i += 1,
                b'[' => squares.push(i),
                b'(' => rounds.push(i),
                b']' => {
                    if let Some(open) = squares.pop() {
                        closes.insert(open, i);
                    }
                }
                b')' => {
                    if let Some(open) = rounds.pop() {
                        closes.insert(open, i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        Scan {
            text,
            spans,
            closes,
            plain: false,
        }
    }

    /// The tags of the line, in order, outside code spans, escapes, autolinks and comments.
    fn tags(&self) -> Vec<(usize, Tag<'a>)> {
        let text = self.text;
        let mut tags = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let rest = &text[i..];
            let skip = if let Some(&end) = self.spans.get(&i) {
                end - i
            } else if let Some(escaped) = rest.strip_prefix('\\') {
                1 + escaped.chars().next().map_or(0, char::len_utf8)
            } else if let Some(len) = autolink_len(rest).or_else(|| comment_len(rest)) {
                len
            } else if let Some(tag) = Tag::at(text, i) {
                let len = tag.len;
                tags.push((i, tag));
                len
            } else {
                // Nothing but a code span (opened by a backtick), an escape or a `<` changes
                // what follows: on to the next of those.
                let first = rest.chars().next().map_or(1, char::len_utf8);
                first
                    + rest[first..]
                        .find(['`', '\\', '<'])
                        .unwrap_or(rest.len() - first)
            };
            i += skip;
        }
        tags
    }
}

/// What the whole text says that decides a single line: the reference labels it defines
/// (`[label]: url`) and which tags (line, index) pair up.
struct Context {
    labels: BTreeSet<String>,
    kept_tags: BTreeSet<(usize, usize)>,
}

impl Context {
    fn of(scans: &[(usize, Scan<'_>)]) -> Self {
        let mut labels = BTreeSet::new();
        let mut kept_tags = BTreeSet::new();
        // Open tags not yet closed: (lower-cased name, line, index).
        let mut open: Vec<(String, usize, usize)> = Vec::new();
        for (line, scan) in scans {
            if let Some(label) = definition_label(scan.text) {
                labels.insert(label);
            }
            for (at, tag) in scan.tags() {
                let name = tag.name.to_ascii_lowercase();
                if VOID.contains(&name.as_str()) {
                    if !tag.closing {
                        kept_tags.insert((*line, at));
                    }
                } else if tag.self_closing {
                    // Not void: rustdoc refuses `<Name />`.
                } else if !tag.closing {
                    open.push((name, *line, at));
                } else {
                    let lowest = open.len().saturating_sub(TAG_DEPTH);
                    if let Some(found) = open[lowest..].iter().rposition(|(n, ..)| *n == name) {
                        let found = lowest + found;
                        kept_tags.insert((open[found].1, open[found].2));
                        kept_tags.insert((*line, at));
                        // Tags opened inside it and left open stay unpaired.
                        open.truncate(found);
                    }
                }
            }
        }
        Context { labels, kept_tags }
    }

    fn rewrite(&self, line: usize, scan: &Scan<'_>, html: bool) -> String {
        let text = scan.text;
        if scan.plain || definition_label(text).is_some() {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len() + 8);
        if html {
            self.rewrite_tags(line, scan, &mut out);
            return out;
        }
        let start = match checkbox(text) {
            Some(end) => {
                out.push_str(&text[..end]);
                end
            }
            None => 0,
        };
        self.rewrite_range(line, scan, start, text.len(), &mut out);
        out
    }

    /// A line of an HTML block: tags that do not pair up are `&lt;`, the rest as written.
    fn rewrite_tags(&self, line: usize, scan: &Scan<'_>, out: &mut String) {
        let text = scan.text;
        let mut copied = 0;
        for (at, _) in scan.tags() {
            if !self.kept_tags.contains(&(line, at)) {
                out.push_str(&text[copied..at]);
                out.push_str("&lt;");
                copied = at + 1;
            }
        }
        out.push_str(&text[copied..]);
    }

    /// Rewrites `text[from..to]` of a line into `out`.
    fn rewrite_range(
        &self,
        line: usize,
        scan: &Scan<'_>,
        from: usize,
        to: usize,
        out: &mut String,
    ) {
        let text = scan.text;
        let mut i = from;
        while i < to {
            let rest = &text[i..to];
            if let Some(&end) = scan.spans.get(&i) {
                let end = end.min(to);
                out.push_str(&text[i..end]);
                i = end;
            } else if let Some(escaped) = rest.strip_prefix('\\') {
                let len = 1 + escaped.chars().next().map_or(0, char::len_utf8);
                out.push_str(&rest[..len]);
                i += len;
            } else if rest.starts_with('[') {
                i = self.bracket(line, scan, i, to, out);
            } else if let Some(len) = autolink_len(rest).or_else(|| comment_len(rest)) {
                out.push_str(&rest[..len]);
                i += len;
            } else if let Some(tag) = Tag::at(&text[..to], i) {
                if !self.kept_tags.contains(&(line, i)) {
                    out.push_str("&lt;");
                    out.push_str(&rest[1..tag.len]);
                } else {
                    out.push_str(&rest[..tag.len]);
                }
                i += tag.len;
            } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_alphabetic()) {
                // `a <b` that never closes: text, shown as written.
                out.push_str("&lt;");
                i += 1;
            } else if let Some(len) = bare_url_len(rest) {
                out.push('<');
                out.push_str(&rest[..len]);
                out.push('>');
                i += len;
            } else {
                let c = rest.chars().next().map_or(1, char::len_utf8);
                out.push_str(&rest[..c]);
                i += c;
            }
        }
    }

    /// At a `[`: a link (`[text](dest)`, `[text][defined]`, a defined `[ref]`) is copied as
    /// written; path-like text rustdoc would resolve is escaped, its inside rewritten; other
    /// brackets are text. Returns where the rewrite goes on.
    fn bracket(
        &self,
        line: usize,
        scan: &Scan<'_>,
        at: usize,
        to: usize,
        out: &mut String,
    ) -> usize {
        let text = scan.text;
        let Some(close) = scan.closes.get(&at).copied().filter(|&c| c < to) else {
            out.push('[');
            return at + 1;
        };
        let inner = &text[at + 1..close];
        let next = close + 1;
        let defined = |label: &str| self.labels.contains(&label.trim().to_lowercase());
        let link_end = match text[next..to].chars().next() {
            Some('(') => scan.closes.get(&next).map(|&end| end + 1),
            Some('[') => scan.closes.get(&next).and_then(|&end| {
                let label = &text[next + 1..end];
                let label = if label.trim().is_empty() {
                    inner
                } else {
                    label
                };
                defined(label).then_some(end + 1)
            }),
            _ => defined(inner).then_some(next),
        };
        match link_end.filter(|&end| end <= to) {
            Some(end) => {
                out.push_str(&text[at..end]);
                end
            }
            // rustdoc leaves it as text; so does the rewrite, going on inside it.
            None if !path_like(inner) => {
                out.push('[');
                at + 1
            }
            None => {
                out.push_str("\\[");
                self.rewrite_range(line, scan, at + 1, close, out);
                out.push_str("\\]");
                next
            }
        }
    }
}

/// Whether rustdoc would try to resolve `[inner]` as an intra-doc link: text of the characters
/// a Rust path (with generics, a disambiguator or backticks) may hold, as rustdoc's own test is.
/// `[2,3,5]` and `[key]` are; `[A-Z]`, `[a.nested.key]` and `[]` are not.
fn path_like(inner: &str) -> bool {
    !inner.trim().is_empty()
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || ":_<>, !*&;@()`".contains(c))
}

/// The label of a link reference definition line (`[label]: destination`), lower-cased.
fn definition_label(line: &str) -> Option<String> {
    let rest = line.trim_start().strip_prefix('[')?;
    let (label, _destination) = rest.split_once("]:")?;
    (!label.is_empty() && !label.contains(['[', ']'])).then(|| label.trim().to_lowercase())
}

/// The end of a task-list item's checkbox (`- [ ] `, `1. [x] `), which rustdoc renders as one.
fn checkbox(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let marker = super::docs::list_marker_width(&line[indent..])?;
    let after = &line[indent + marker..];
    let boxed = ["[ ]", "[x]", "[X]"]
        .iter()
        .find(|b| after.starts_with(**b))?;
    let end = indent + marker + boxed.len();
    (line.len() == end || line[end..].starts_with(' ')).then_some(end)
}

/// A bare `http://` or `https://` URL at the start of `rest`, up to a space, `<`, `>`, `"`, a
/// backtick or `|` (a table's cell), without the trailing punctuation that ends the sentence
/// around it (GitHub's autolink rule): `.`, `,`, `;`, `:`, `!`, `?`, `'`, emphasis signs, and a
/// `)` or `]` that closes nothing in the URL.
fn bare_url_len(rest: &str) -> Option<usize> {
    if !(rest.starts_with("https://") || rest.starts_with("http://")) {
        return None;
    }
    let mut end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '|'))
        .unwrap_or(rest.len());
    // Opened minus closed, counted once: a negative count is a closing bracket to trim.
    let balance = |open: u8, close: u8| {
        rest.as_bytes()[..end].iter().fold(0isize, |n, &b| {
            n + isize::from(b == open) - isize::from(b == close)
        })
    };
    let (mut rounds, mut squares) = (balance(b'(', b')'), balance(b'[', b']'));
    while let Some(last) = rest[..end].chars().next_back() {
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' | '~' => true,
            ')' if rounds < 0 => {
                rounds += 1;
                true
            }
            ']' if squares < 0 => {
                squares += 1;
                true
            }
            _ => false,
        };
        if !trim {
            break;
        }
        end -= last.len_utf8();
    }
    let host = rest[..end].split("://").nth(1).unwrap_or_default();
    (!host.is_empty()).then_some(end)
}

#[cfg(test)]
mod tests;
