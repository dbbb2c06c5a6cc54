//! The changes of the operations: added, removed, moved, their parameters, bodies and statuses.

use super::surface::{OperationSurface, ParameterSurface, Surface};
use super::{all_names, At, Changes, Kind};

/// Every operation of `before` and `after` by module name.
pub fn operations(before: &Surface, after: &Surface, changes: &mut Changes) {
    let modules = all_names(
        before.operations.iter().map(|op| op.module.as_str()),
        after.operations.iter().map(|op| op.module.as_str()),
    );
    for module in modules {
        match (find(before, module), find(after, module)) {
            (Some(old), None) => {
                let at = operation_at(old, None, &old.pointer);
                let message = format!("operation `{module}` ({} {}) removed", old.method, old.path);
                changes.push(Kind::OperationRemoved, &at, true, false, message);
            }
            (None, Some(new)) => {
                let at = operation_at(new, None, &new.pointer);
                let message = format!("operation `{module}` ({} {}) added", new.method, new.path);
                changes.push(Kind::OperationAdded, &at, false, false, message);
            }
            (Some(old), Some(new)) => one_operation(old, new, changes),
            (None, None) => {}
        }
    }
}

fn find<'a>(surface: &'a Surface, module: &str) -> Option<&'a OperationSurface> {
    surface
        .operations
        .binary_search_by(|op| op.module.as_str().cmp(module))
        .ok()
        .map(|i| &surface.operations[i])
}

fn operation_at<'a>(op: &'a OperationSurface, member: Option<&'a str>, pointer: &'a str) -> At<'a> {
    At {
        type_name: None,
        operation: Some(&op.module),
        member,
        pointer,
    }
}

fn one_operation(old: &OperationSurface, new: &OperationSurface, changes: &mut Changes) {
    let module = &new.module;
    let at = operation_at(new, None, &new.pointer);
    if old.method != new.method || old.path != new.path {
        let before = format!("{} {}", old.method, old.path);
        let after = format!("{} {}", new.method, new.path);
        let message = format!("operation `{module}` now sends {after} (was {before})");
        changes
            .push(Kind::OperationMoved, &at, false, true, message)
            .values(Some(before), Some(after));
    }
    if new.deprecated && !old.deprecated {
        let message = format!("operation `{module}` is now deprecated (its uses warn)");
        changes.push(Kind::Deprecated, &at, false, false, message);
    }
    parameters(old, new, changes);
    body(old, new, changes);
    responses(old, new, changes);
    security(old, new, changes);
    servers(old, new, changes);
}

/// The credentials an operation takes. A way to authenticate that is no longer listed breaks
/// the wire (what callers send may be refused) and their code (their `Credentials` value is
/// gone); only new alternatives break code when the `Credentials` type changes shape (one
/// scheme's type became an enum of alternatives, or credentials are now needed at all).
fn security(old: &OperationSurface, new: &OperationSurface, changes: &mut Changes) {
    if old.security == new.security {
        return;
    }
    let module = &new.module;
    let at = operation_at(new, None, &new.pointer);
    let removed = old.security.iter().any(|alt| !new.security.contains(alt));
    let single = |security: &[Vec<String>]| matches!(security, [only] if only.len() == 1);
    let reshaped = single(&old.security) != single(&new.security) || old.security.is_empty();
    let shown = |security: &[Vec<String>]| {
        if security.is_empty() {
            "none".to_owned()
        } else {
            security
                .iter()
                .map(|alt| alt.join(" + "))
                .collect::<Vec<_>>()
                .join(" | ")
        }
    };
    let (before, after) = (shown(&old.security), shown(&new.security));
    let message = format!("`{module}`: credentials {before} → {after}");
    changes
        .push(
            Kind::SecurityChanged,
            &at,
            removed || reshaped,
            removed || old.security.is_empty(),
            message,
        )
        .values(Some(before), Some(after));
}

/// The servers an operation is sent to. Their position names the generated `ServerN`: a
/// server removed or moved breaks code that names it; a server added at the end does not.
fn servers(old: &OperationSurface, new: &OperationSurface, changes: &mut Changes) {
    if old.servers == new.servers {
        return;
    }
    let module = &new.module;
    let at = operation_at(new, None, &new.pointer);
    let kept = new.servers.starts_with(&old.servers);
    let (before, after) = (old.servers.join(", "), new.servers.join(", "));
    let message = format!("`{module}`: servers [{before}] → [{after}]");
    changes
        .push(Kind::ServersChanged, &at, !kept, false, message)
        .values(Some(before), Some(after));
}

fn same_parameter(a: &ParameterSurface, b: &ParameterSurface) -> bool {
    a.wire_name == b.wire_name && a.location == b.location && a.rust_name == b.rust_name
}

fn parameters(old: &OperationSurface, new: &OperationSurface, changes: &mut Changes) {
    let module = &new.module;
    for parameter in &old.parameters {
        if !new.parameters.iter().any(|p| same_parameter(p, parameter)) {
            let at = operation_at(new, Some(&parameter.wire_name), &new.pointer);
            let message = format!(
                "`{module}`: {} parameter `{}` removed",
                parameter.location, parameter.wire_name
            );
            changes.push(Kind::ParameterRemoved, &at, true, false, message);
        }
    }
    for parameter in &new.parameters {
        let at = operation_at(new, Some(&parameter.wire_name), &new.pointer);
        let subject = format!(
            "`{module}`: {} parameter `{}`",
            parameter.location, parameter.wire_name
        );
        let Some(previous) = old.parameters.iter().find(|p| same_parameter(p, parameter)) else {
            let (code, wire, words) = if parameter.required {
                (true, true, "required")
            } else {
                (false, false, "optional")
            };
            let message = format!("{subject} added, {words}");
            changes.push(Kind::ParameterAdded, &at, code, wire, message);
            continue;
        };
        if previous.rust_type != parameter.rust_type {
            let message = format!(
                "{subject}: Rust type {} → {}",
                previous.rust_type, parameter.rust_type
            );
            let (before, after) = (
                Some(previous.rust_type.clone()),
                Some(parameter.rust_type.clone()),
            );
            let wire = previous.wire != parameter.wire;
            changes
                .push(Kind::ParameterTypeChanged, &at, true, wire, message)
                .values(before, after);
        } else if previous.wire != parameter.wire {
            let message = format!(
                "{subject}: sent as {} (was {})",
                parameter.wire, previous.wire
            );
            let (before, after) = (Some(previous.wire.clone()), Some(parameter.wire.clone()));
            changes
                .push(Kind::ParameterWireChanged, &at, false, true, message)
                .values(before, after);
        }
        match (previous.required, parameter.required) {
            (false, true) => {
                let message = format!("{subject} is now required");
                changes.push(Kind::ParameterRequired, &at, true, true, message);
            }
            (true, false) => {
                let message = format!("{subject} is now optional");
                changes.push(Kind::ParameterOptional, &at, true, false, message);
            }
            _ => {}
        }
    }
}

fn body(old: &OperationSurface, new: &OperationSurface, changes: &mut Changes) {
    let module = &new.module;
    let at = operation_at(new, None, &new.pointer);
    match (&old.body, &new.body) {
        (None, None) => {}
        (Some(_), None) => {
            let message = format!("`{module}`: request body removed");
            changes.push(Kind::BodyRemoved, &at, true, false, message);
        }
        (None, Some(body)) => {
            let message = format!(
                "`{module}`: request body added ({} as {}{})",
                body.rust_type,
                body.content_type,
                if body.required { ", required" } else { "" }
            );
            changes.push(Kind::BodyAdded, &at, true, body.required, message);
        }
        (Some(previous), Some(body)) => {
            if previous.encoding != body.encoding {
                let (before, after) = (previous.encoding.join(", "), body.encoding.join(", "));
                let message = format!("`{module}`: form encoding [{before}] → [{after}]");
                changes
                    .push(Kind::BodyChanged, &at, false, true, message)
                    .values(Some(before), Some(after));
            }
            if previous.rust_type != body.rust_type || previous.content_type != body.content_type {
                let before = format!("{} as {}", previous.rust_type, previous.content_type);
                let after = format!("{} as {}", body.rust_type, body.content_type);
                let code = previous.rust_type != body.rust_type;
                let message = format!("`{module}`: request body {before} → {after}");
                changes
                    .push(Kind::BodyChanged, &at, code, true, message)
                    .values(Some(before), Some(after));
            }
            match (previous.required, body.required) {
                (false, true) => {
                    let message = format!("`{module}`: request body now required");
                    changes.push(Kind::BodyRequired, &at, true, true, message);
                }
                (true, false) => {
                    let message = format!("`{module}`: request body now optional");
                    changes.push(Kind::BodyOptional, &at, true, false, message);
                }
                _ => {}
            }
        }
    }
}

fn responses(old: &OperationSurface, new: &OperationSurface, changes: &mut Changes) {
    let module = &new.module;
    let describe = |r: &super::ResponseSurface| match (&r.rust_type, &r.content_type) {
        (Some(ty), Some(media)) => format!("{ty} as {media}"),
        (Some(ty), None) => ty.clone(),
        _ => "no body".to_owned(),
    };
    for response in &old.responses {
        if !new.responses.iter().any(|r| r.status == response.status) {
            let at = operation_at(new, Some(&response.status), &new.pointer);
            let message = format!(
                "`{module}`: status {} removed (`Response::{}` is gone; it now reads as undocumented)",
                response.status, response.rust_name
            );
            changes.push(Kind::StatusRemoved, &at, true, false, message);
        }
    }
    for response in &new.responses {
        let at = operation_at(new, Some(&response.status), &new.pointer);
        let Some(previous) = old.responses.iter().find(|r| r.status == response.status) else {
            let message = format!(
                "`{module}`: status {} added (`Response::{}`, {})",
                response.status,
                response.rust_name,
                describe(response)
            );
            changes.push(Kind::StatusAdded, &at, false, false, message);
            continue;
        };
        if previous.rust_type != response.rust_type
            || previous.content_type != response.content_type
            || previous.rust_name != response.rust_name
        {
            let code = previous.rust_type != response.rust_type
                || previous.rust_name != response.rust_name;
            let (before, after) = (describe(previous), describe(response));
            let message = format!(
                "`{module}`: status {} body {before} → {after}",
                response.status
            );
            changes
                .push(Kind::StatusChanged, &at, code, true, message)
                .values(Some(before), Some(after));
        }
    }
}
