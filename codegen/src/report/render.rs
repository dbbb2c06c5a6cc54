//! The report as text (the regeneration's output), Markdown (a pull-request description) and
//! JSON (for tools; fields in docs/CHANGE-REPORT.md).

use super::{Category, Change, Kind, ModuleReport, ModuleStatus, Report};
use std::collections::BTreeMap;
use std::fmt::Write;

/// How many holders of a changed type the text form names before it counts the rest.
const NAMED_HOLDERS: usize = 6;

const CATEGORIES: [Category; 3] = [
    Category::BreakingCode,
    Category::BreakingWire,
    Category::Compatible,
];

impl Report {
    /// The JSON form, pretty-printed, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The text printed on every regeneration.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if self.is_empty() {
            out.push_str("change report: the generated API is unchanged\n");
            return out;
        }
        let _ = writeln!(out, "change report: {}", self.summary_words());
        for module in &self.modules {
            if module.changes.is_empty() && module.status != ModuleStatus::Unknown {
                continue;
            }
            let _ = writeln!(out, "  {}:", module.module);
            if module.status == ModuleStatus::Unknown {
                out.push_str("    no snapshot of the previous API to compare with (api.json)\n");
            }
            for change in direct(module) {
                let _ = writeln!(
                    out,
                    "    {:<21} {}",
                    change.category.words(),
                    change.message
                );
            }
            for (held, holders) in reached(module) {
                let names: Vec<String> = holders.iter().map(|c| holder_name(c)).collect();
                let shown = names.len().min(NAMED_HOLDERS);
                let more = match names.len() - shown {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                let _ = writeln!(
                    out,
                    "    {:<21} `{held}` is held by {}{more}",
                    holders[0].category.words(),
                    names[..shown].join(", ")
                );
            }
        }
        out
    }

    /// The Markdown form: a table of counts, then each module's changes by category.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("## Changes to the generated API\n\n");
        if self.is_empty() {
            out.push_str("The generated API is unchanged.\n");
            return out;
        }
        let _ = writeln!(out, "{}.\n", capitalized(&self.summary_words()));
        out.push_str("| module | breaking for code | breaking on the wire | compatible |\n");
        out.push_str("|---|---:|---:|---:|\n");
        for module in &self.modules {
            let count = |category| direct(module).filter(|c| c.category == category).count();
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                module.module,
                count(Category::BreakingCode),
                count(Category::BreakingWire),
                count(Category::Compatible)
            );
        }
        for module in &self.modules {
            if module.changes.is_empty() && module.status != ModuleStatus::Unknown {
                continue;
            }
            let _ = writeln!(out, "\n### `{}`", module.module);
            if module.status == ModuleStatus::Unknown {
                out.push_str("\nNo snapshot of the previous API to compare with.\n");
            }
            for category in CATEGORIES {
                let changes: Vec<&Change> =
                    direct(module).filter(|c| c.category == category).collect();
                if changes.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "\n**{}**\n", capitalized(category.words()));
                for change in changes {
                    let _ = writeln!(out, "- {} — `#{}`", change.message, change.pointer);
                }
            }
            let reached = reached(module);
            if !reached.is_empty() {
                let total: usize = reached.values().map(Vec::len).sum();
                let _ = writeln!(
                    out,
                    "\n<details><summary>Reached through other types and operations ({total})</summary>\n"
                );
                for (held, holders) in reached {
                    let names: Vec<String> = holders.iter().map(|c| holder_name(c)).collect();
                    let _ = writeln!(
                        out,
                        "- `{held}` ({}) is held by {}",
                        holders[0].category.words(),
                        names.join(", ")
                    );
                }
                out.push_str("\n</details>\n");
            }
        }
        out
    }

    fn summary_words(&self) -> String {
        let s = &self.summary;
        let mut words = format!(
            "{} breaking for code, {} breaking on the wire, {} compatible",
            s.breaking_code, s.breaking_wire, s.compatible
        );
        if s.nested > 0 {
            let _ = write!(words, " ({} uses of changed types)", s.nested);
        }
        words
    }
}

/// The changes of a module that are not `nested-change`.
fn direct(module: &ModuleReport) -> impl Iterator<Item = &Change> {
    module
        .changes
        .iter()
        .filter(|c| c.kind != Kind::NestedChange)
}

/// The `nested-change`s of a module by the changed type they reach.
fn reached(module: &ModuleReport) -> BTreeMap<&str, Vec<&Change>> {
    let mut reached: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for change in &module.changes {
        if let (Kind::NestedChange, Some(held)) = (change.kind, &change.after) {
            reached.entry(held).or_default().push(change);
        }
    }
    reached
}

fn holder_name(change: &Change) -> String {
    let member = change.member.as_deref().unwrap_or("");
    match (&change.type_name, &change.operation) {
        (Some(ty), _) => format!("`{ty}` (`{member}`)"),
        (None, Some(op)) => format!("operation `{op}` ({member})"),
        (None, None) => String::new(),
    }
}

fn capitalized(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
