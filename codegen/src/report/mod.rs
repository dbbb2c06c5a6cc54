//! The change report: what a regeneration changes in the generated API, classified for a user
//! of the models.
//!
//! ```text
//! TypeSpace ──Surface::of──▶ Surface (api.json beside the code) ──compare(before, after)──▶ changes
//! ```
//!
//! [`compare`] works on two [`Surface`]s — the snapshot written by the previous generation and
//! the one about to be written — never on generated text. Each [`Change`] says whether it
//! breaks code that compiled (a type, member or variant gone, a Rust type changed), breaks on
//! the wire (code compiles, but a payload that was valid is now rejected or a request we send is
//! now invalid), or neither; direction decides where it matters (a new required member breaks a
//! request we build, a new enum value in a response is absorbed by `Unknown`). A change inside
//! a type is also reported at every type and operation that reaches it.
//! [`Report`] renders as text, Markdown and JSON (fields documented in docs/CHANGE-REPORT.md).

mod compare_operations;
mod compare_types;
mod project;
mod reach;
mod render;
mod rules;
mod surface;

pub use surface::{
    BodySurface, Direction, MemberSurface, OperationSurface, ParameterSurface, ResponseSurface,
    Surface, TypeSurface, VariantSurface, FORMAT,
};

use serde::Serialize;

/// How a change affects a user of the models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Code that compiled against the previous models no longer does.
    BreakingCode,
    /// Code compiles, but a payload that was valid is now rejected, or a request built as
    /// before is now invalid or goes elsewhere.
    BreakingWire,
    /// Neither.
    Compatible,
}

impl Category {
    /// The words the text and Markdown forms use.
    pub fn words(self) -> &'static str {
        match self {
            Category::BreakingCode => "breaking for code",
            Category::BreakingWire => "breaking on the wire",
            Category::Compatible => "compatible",
        }
    }
}

/// What changed (the `kind` field of the JSON form; docs/CHANGE-REPORT.md lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    ModuleAdded,
    ModuleRemoved,
    TypeAdded,
    TypeRemoved,
    /// A type, member or operation newly marked `deprecated`: compatible, but its uses now
    /// warn (an error under `-D warnings`).
    Deprecated,
    TypeKindChanged,
    TypeChanged,
    MemberAdded,
    MemberRemoved,
    /// A struct now keeps the members its schema allows but does not list (a new field).
    UnlistedKept,
    /// A struct no longer keeps them (`additionalProperties: false`, or now only sent).
    UnlistedDropped,
    MemberTypeChanged,
    MemberWireChanged,
    MemberRequired,
    MemberOptional,
    EnumValueAdded,
    EnumValueRemoved,
    /// An enum value's Rust variant has another name (a new value took its name).
    EnumValueRenamed,
    /// A member's documented default came, went (its `…_or_default()` accessor with it) or
    /// changed (a request that omits the member now means something else).
    DefaultChanged,
    EnumOpened,
    EnumClosed,
    VariantAdded,
    VariantRemoved,
    VariantChanged,
    TaggingChanged,
    RuleAdded,
    RuleRemoved,
    RuleTightened,
    RuleLoosened,
    RuleChanged,
    NestedChange,
    OperationAdded,
    OperationRemoved,
    OperationMoved,
    ParameterAdded,
    ParameterRemoved,
    ParameterTypeChanged,
    ParameterWireChanged,
    ParameterRequired,
    ParameterOptional,
    BodyAdded,
    BodyRemoved,
    BodyChanged,
    BodyRequired,
    BodyOptional,
    StatusAdded,
    StatusRemoved,
    StatusChanged,
    SecurityChanged,
    ServersChanged,
}

/// One change of the generated API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The most severe of `breaks_code` / `breaks_wire`, else compatible.
    pub category: Category,
    /// Code that compiled no longer does.
    pub breaks_code: bool,
    /// A payload that was valid is rejected, or a request built as before is now invalid.
    pub breaks_wire: bool,
    /// What changed.
    pub kind: Kind,
    /// The Rust type it concerns.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The member, parameter, enum value, variant or status it concerns (wire spelling).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The operation module it concerns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// The JSON Pointer of the node in the new spec (in the old one for what was removed).
    pub pointer: String,
    /// The value before, when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The value after, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// One sentence for a reader.
    pub message: String,
}

/// The changes of one module, as they are found.
#[derive(Debug, Default)]
pub(crate) struct Changes(pub Vec<Change>);

/// Where a change is.
#[derive(Debug, Clone, Default)]
pub(crate) struct At<'a> {
    pub type_name: Option<&'a str>,
    pub operation: Option<&'a str>,
    pub member: Option<&'a str>,
    pub pointer: &'a str,
}

impl Changes {
    /// Records a change; `code` and `wire` say what it breaks. [`Change::values`] adds the
    /// values before and after.
    pub fn push(
        &mut self,
        kind: Kind,
        at: &At<'_>,
        code: bool,
        wire: bool,
        message: String,
    ) -> &mut Change {
        let category = if code {
            Category::BreakingCode
        } else if wire {
            Category::BreakingWire
        } else {
            Category::Compatible
        };
        self.0.push(Change {
            category,
            breaks_code: code,
            breaks_wire: wire,
            kind,
            type_name: at.type_name.map(str::to_owned),
            member: at.member.map(str::to_owned),
            operation: at.operation.map(str::to_owned),
            pointer: at.pointer.to_owned(),
            before: None,
            after: None,
            message,
        });
        let last = self.0.len() - 1;
        &mut self.0[last]
    }
}

impl Change {
    /// Sets the values before and after the change.
    pub(crate) fn values(&mut self, before: Option<String>, after: Option<String>) {
        self.before = before;
        self.after = after;
    }
}

/// The names of two sorted lists, merged, sorted and without duplicates.
pub(crate) fn all_names<'a>(
    before: impl Iterator<Item = &'a str>,
    after: impl Iterator<Item = &'a str>,
) -> Vec<&'a str> {
    let mut names: Vec<&str> = before.chain(after).collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Every change from `before` to `after`, types first (by name), then operations.
pub fn compare(before: &Surface, after: &Surface) -> Vec<Change> {
    let mut changes = Changes::default();
    compare_types::types(before, after, &mut changes);
    compare_operations::operations(before, after, &mut changes);
    reach::nested(after, &mut changes);
    changes.0
}

/// What one module's regeneration changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleReport {
    /// The module (`flexprice`) or crate name.
    pub module: String,
    /// `changed` (compared with the previous snapshot), `added` (no module before),
    /// `removed` (its spec is gone) or `unknown` (a previous module without a snapshot this
    /// generator reads: nothing to compare).
    pub status: ModuleStatus,
    /// The changes, in the order of [`compare`].
    pub changes: Vec<Change>,
}

/// Whether a module was compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModuleStatus {
    Changed,
    Added,
    Removed,
    Unknown,
}

impl ModuleReport {
    /// The report of a module given its previous snapshot (`None`: none found, `Some(None)`:
    /// a file that is no snapshot of this format) and its new surface (`None`: removed).
    pub fn new(module: &str, before: Option<Option<&Surface>>, after: Option<&Surface>) -> Self {
        let mut changes = Changes::default();
        let at = At {
            pointer: "",
            ..At::default()
        };
        let status = match (before, after) {
            (Some(Some(before)), Some(after)) => {
                changes.0 = compare(before, after);
                ModuleStatus::Changed
            }
            (Some(_), None) => {
                changes.push(
                    Kind::ModuleRemoved,
                    &at,
                    true,
                    false,
                    format!("module `{module}` removed: its spec is gone"),
                );
                ModuleStatus::Removed
            }
            (None, after) => {
                let count = after.map_or(0, |a| a.types.len());
                changes.push(
                    Kind::ModuleAdded,
                    &at,
                    false,
                    false,
                    format!("module `{module}` added with {count} types"),
                );
                ModuleStatus::Added
            }
            (Some(None), Some(_)) => ModuleStatus::Unknown,
        };
        ModuleReport {
            module: module.to_owned(),
            status,
            changes: changes.0,
        }
    }
}

/// The report of one regeneration: every module it writes or removes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The format of the JSON form ([`FORMAT`]).
    pub format: u32,
    /// How many changes of each category, over all modules.
    pub summary: Summary,
    /// The modules in the order generated.
    pub modules: Vec<ModuleReport>,
}

/// How many changes of each category, `nested-change`s counted apart (one change deep in a
/// shared type is reported at every holder).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub breaking_code: usize,
    pub breaking_wire: usize,
    pub compatible: usize,
    pub nested: usize,
}

impl Report {
    /// The report of these modules.
    pub fn new(modules: Vec<ModuleReport>) -> Report {
        let mut summary = Summary::default();
        for change in modules.iter().flat_map(|m| &m.changes) {
            if change.kind == Kind::NestedChange {
                summary.nested += 1;
                continue;
            }
            match change.category {
                Category::BreakingCode => summary.breaking_code += 1,
                Category::BreakingWire => summary.breaking_wire += 1,
                Category::Compatible => summary.compatible += 1,
            }
        }
        Report {
            format: FORMAT,
            summary,
            modules,
        }
    }

    /// Whether every module was compared and nothing changed.
    pub fn is_empty(&self) -> bool {
        self.modules
            .iter()
            .all(|m| m.changes.is_empty() && m.status != ModuleStatus::Unknown)
    }
}
