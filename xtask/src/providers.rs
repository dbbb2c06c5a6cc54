//! The bundled providers are the spec files of `specs/`: each `specs/<name>.yaml` is one module
//! of payments-models behind one Cargo feature. This file finds them and writes what wires them
//! in: the `[features]` of payments-models' Cargo.toml, the module list and table of its lib.rs,
//! and the README's module table, each between `BEGIN providers` / `END providers` markers.

use payments_codegen::load::Document;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The extension key a spec may state its module and feature names under:
/// `x-payments-models: {module: acme_pay, feature: acme-pay}`.
pub const EXTENSION: &str = "x-payments-models";

/// One bundled provider document.
pub struct Provider {
    /// `specs/<file>`.
    pub file: String,
    /// The spec, loaded once for its names and for generation.
    pub doc: Document,
    /// The spec's text, which the module embeds for its payload macros.
    pub text: String,
    /// The Rust module (`payments_models::<module>`).
    pub module: String,
    /// The Cargo feature that builds the module.
    pub feature: String,
    /// `info.title`.
    pub title: String,
    /// Every operation, `METHOD /path` (below the first server's path), in path order.
    pub operations: Vec<String>,
}

/// Every `specs/*.yaml` (and `*.yml`, `*.json`), sorted by file name.
pub fn scan(root: &Path) -> Result<Vec<Provider>, String> {
    let paths: Vec<PathBuf> = files_in(&root.join("specs"))?
        .into_iter()
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "yaml" | "yml" | "json"))
        })
        .collect();
    let mut providers: Vec<Provider> = Vec::with_capacity(paths.len());
    for path in paths {
        let provider = read(&path)?;
        if let Some(other) = providers
            .iter()
            .find(|p| p.module == provider.module || p.feature == provider.feature)
        {
            return Err(format!(
                "{} and {} both name module `{}` / feature `{}`; give one another name under `{EXTENSION}`",
                other.file, provider.file, provider.module, provider.feature
            ));
        }
        providers.push(provider);
    }
    Ok(providers)
}

/// The files (not directories) of `dir`, sorted.
pub fn files_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let unreadable = |e: std::io::Error| format!("cannot read {}: {e}", dir.display());
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn read(path: &Path) -> Result<Provider, String> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    let file = format!("specs/{name}");
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{file}: cannot read: {e}"))?;
    let doc = payments_codegen::load::parse(path, &text).map_err(|e| e.to_string())?;
    let stated = |key: &str| -> Result<Option<String>, String> {
        match doc.raw.get(EXTENSION).and_then(|x| x.get(key)) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("{file} at /{EXTENSION}/{key}: must be a string")),
        }
    };
    let module = stated("module")?.unwrap_or_else(|| module_name(stem));
    let feature = stated("feature")?.unwrap_or_else(|| feature_name(stem));
    if !is_module_name(&module) {
        return Err(format!(
            "{file}: `{module}` is not a module name (lowercase letters, digits and `_`, starting \
             with a letter, not a keyword and not `lib`); rename the file or state \
             `{EXTENSION}: {{module: …}}`"
        ));
    }
    if !is_feature_name(&feature) {
        return Err(format!(
            "{file}: `{feature}` is not a feature name (lowercase letters, digits, `-` and `_`, \
             starting with a letter, not `default`); state `{EXTENSION}: {{feature: …}}`"
        ));
    }
    let title = doc
        .raw
        .pointer("/info/title")
        .and_then(Value::as_str)
        .unwrap_or(stem)
        .to_owned();
    // The first server's path (Flexprice's `https://…/v1`, `/v1`): operations are sent there.
    let base = doc
        .raw
        .pointer("/servers/0/url")
        .and_then(Value::as_str)
        .map(|url| match url.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
            None => url,
        })
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned();
    let mut operations = Vec::new();
    if let Some(paths) = doc.raw.get("paths").and_then(Value::as_object) {
        for (route, item) in paths {
            for method in [
                "get", "put", "post", "delete", "options", "head", "patch", "trace",
            ] {
                if item.get(method).is_some() {
                    operations.push(format!("{} {base}{route}", method.to_ascii_uppercase()));
                }
            }
        }
    }
    Ok(Provider {
        file,
        doc,
        text,
        module,
        feature,
        title,
        operations,
    })
}

/// `formance-v1` → `formance_v1`.
fn module_name(stem: &str) -> String {
    lowercase_joined(stem, '_')
}

/// `Formance_v1` → `formance-v1`.
fn feature_name(stem: &str) -> String {
    lowercase_joined(stem, '-')
}

/// `stem` in ASCII lowercase, every other character `separator`.
fn lowercase_joined(stem: &str, separator: char) -> String {
    stem.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                separator
            }
        })
        .collect()
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield",
];

fn is_module_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&name)
        // lib.rs is the hand-written root; `__private` is its hidden module.
        && name != "lib"
}

fn is_feature_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && name != "default"
}

fn operations(provider: &Provider) -> String {
    provider
        .operations
        .iter()
        .map(|op| format!("`{op}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// payments-models' `[features]`: `http` and every provider on by default, each provider on
/// its own.
pub fn cargo_features(providers: &[Provider]) -> String {
    let all: Vec<String> = std::iter::once("\"http\"".to_owned())
        .chain(providers.iter().map(|p| format!("\"{}\"", p.feature)))
        .collect();
    let mut out = format!("[features]\ndefault = [{}]\n", all.join(", "));
    out.push_str(
        "# Each operation's `Request::to_http` and `Response::from_http`, the `servers` and\n\
         # `security` modules: requests and responses as the `http` crate's types.\n\
         http = [\"payments-runtime/http\"]\n",
    );
    for provider in providers {
        out.push_str(&format!("{} = []\n", provider.feature));
    }
    out
}

/// lib.rs's doc table of the modules.
pub fn lib_table(providers: &[Provider]) -> String {
    let mut out = String::from(
        "//!\n//! | module | provider | operations | feature |\n//! |---|---|---|---|\n",
    );
    for p in providers {
        out.push_str(&format!(
            "//! | [`{}`] | {} | {} | `{}` |\n",
            p.module,
            p.title,
            operations(p),
            p.feature
        ));
    }
    out.push_str("//!\n");
    out
}

/// lib.rs's module declarations.
pub fn lib_modules(providers: &[Provider]) -> String {
    providers
        .iter()
        .map(|p| {
            format!(
                "#[cfg(feature = \"{}\")]\npub mod {};\n",
                p.feature, p.module
            )
        })
        .collect()
}

/// The README's module table.
pub fn readme_table(providers: &[Provider]) -> String {
    let mut out = String::from(
        "\n| module | provider | operations | feature | spec |\n|---|---|---|---|---|\n",
    );
    for p in providers {
        out.push_str(&format!(
            "| `{}` | {} | {} | `{}` | [`{}`]({}) |\n",
            p.module,
            p.title,
            operations(p),
            p.feature,
            p.file,
            p.file
        ));
    }
    out.push('\n');
    out
}

/// `text` with the lines between a line holding `BEGIN providers:` and the next line ending in
/// `END providers` (or `END providers -->`) replaced by `body` (`occurrence` counts marker
/// pairs from 0).
pub fn splice(text: &str, occurrence: usize, body: &str, file: &str) -> Result<String, String> {
    let missing = || {
        format!(
            "{file}: marker pair {} of `BEGIN providers` / `END providers` is missing",
            occurrence + 1
        )
    };
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let begins: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains("BEGIN providers:"))
        .collect();
    let begin = *begins.get(occurrence).ok_or_else(missing)?;
    let end = (begin + 1..lines.len())
        .find(|&i| {
            let line = lines[i].trim_end();
            line.ends_with("END providers") || line.ends_with("END providers -->")
        })
        .ok_or_else(missing)?;
    lines.splice(begin + 1..end, std::iter::once(body));
    Ok(lines.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_file_name() {
        assert_eq!(module_name("formance-v1"), "formance_v1");
        assert_eq!(feature_name("Formance_V1"), "formance-v1");
        assert!(is_module_name("formance_v1"));
        assert!(!is_module_name("1pay") && !is_module_name("type") && !is_module_name("lib"));
        assert!(is_feature_name("formance-v1") && !is_feature_name("default"));
    }

    #[test]
    fn splice_replaces_only_between_the_markers() {
        let text = "a\n# BEGIN providers: x\nold\n# END providers\nb\n<!-- BEGIN providers: y -->\nx\n<!-- END providers -->\n";
        let once = splice(text, 0, "new\n", "f").expect("markers");
        assert_eq!(
            once,
            "a\n# BEGIN providers: x\nnew\n# END providers\nb\n<!-- BEGIN providers: y -->\nx\n<!-- END providers -->\n"
        );
        let twice = splice(&once, 1, "y\n", "f").expect("markers");
        assert!(twice.ends_with("<!-- BEGIN providers: y -->\ny\n<!-- END providers -->\n"));
        assert!(splice("no markers\n", 0, "", "f")
            .unwrap_err()
            .contains("missing"));
    }
}
