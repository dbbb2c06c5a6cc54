//! The check of an untagged union (`oneOf` / `anyOf` with no discriminator): each
//! alternative's check in turn. Every generated union of that kind calls it with its
//! alternatives' checks, so the generated code states only what differs between unions.

use crate::schema::{CheckEvaluatedFn, CheckFn, Evaluated};
use crate::{Code, Json, Location, Violations};

/// How many alternatives must accept the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matches {
    /// At least one (`anyOf`, and a response's lenient `oneOf`): the first that accepts the
    /// value ends the check.
    AtLeastOne,
    /// Exactly one (`oneOf`): every alternative is tried; more than one accepting the value is
    /// a `oneOf` violation with this message.
    ExactlyOne(&'static str),
}

/// Checks `value` against each alternative in order. When none accepts it, the violations of
/// the closest one (the fewest; the first of equals) are reported: they say what to change.
pub fn check(
    value: &Json<'_>,
    at: &Location<'_>,
    out: &mut Violations,
    alternatives: &[CheckFn],
    matches: Matches,
) {
    let mut closest = Closest::default();
    for check in alternatives {
        let mut found = Violations::new();
        check(value, at, &mut found);
        if found.is_empty() && matches == Matches::AtLeastOne {
            return;
        }
        closest.add(found);
    }
    closest.finish(at, out, matches);
}

/// [`check`], also adding to `into` what every alternative that accepts the value evaluates
/// of it (for the `unevaluated*` keywords of a schema around the union): every alternative
/// is tried, as JSON Schema collects the annotations of each one that is satisfied.
pub fn check_evaluated(
    value: &Json<'_>,
    at: &Location<'_>,
    out: &mut Violations,
    into: &mut Evaluated,
    alternatives: &[CheckEvaluatedFn],
    matches: Matches,
) {
    let mut closest = Closest::default();
    for check in alternatives {
        let mut found = Violations::new();
        let mut part = Evaluated::new();
        check(value, at, &mut found, &mut part);
        if found.is_empty() {
            into.merge(part);
        }
        closest.add(found);
    }
    closest.finish(at, out, matches);
}

/// How many of the alternatives accept `value` (for a value built in Rust, whose JSON an
/// exclusive `oneOf` must find exactly one alternative accepting).
pub fn matches(value: &Json<'_>, at: &Location<'_>, alternatives: &[CheckFn]) -> usize {
    alternatives
        .iter()
        .filter(|check| {
            let mut found = Violations::new();
            check(value, at, &mut found);
            found.is_empty()
        })
        .count()
}

/// The alternatives tried so far: how many accepted the value, and the violations of the
/// closest one that did not.
#[derive(Default)]
struct Closest {
    matched: usize,
    violations: Option<Violations>,
}

impl Closest {
    fn add(&mut self, found: Violations) {
        if found.is_empty() {
            self.matched += 1;
        } else if self
            .violations
            .as_ref()
            .is_none_or(|closest| found.len() < closest.len())
        {
            self.violations = Some(found);
        }
    }

    fn finish(self, at: &Location<'_>, out: &mut Violations, matches: Matches) {
        match (self.matched, matches) {
            (0, _) => out.extend(self.violations.into_iter().flatten()),
            (2.., Matches::ExactlyOne(message)) => out.push(at, Code::OneOf, message),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Violation;

    fn accepts(_: &Json<'_>, _: &Location<'_>, _: &mut Violations) {}

    fn one_error(_: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        out.push(at, Code::Type, "one");
    }

    fn two_errors(_: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        out.push(&at.key("a"), Code::Required, "first");
        out.push(&at.key("b"), Code::Required, "second");
    }

    fn other_error(_: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        out.push(at, Code::Enum, "other");
    }

    fn evaluates_a(_: &Json<'_>, _: &Location<'_>, _: &mut Violations, into: &mut Evaluated) {
        into.member("a");
    }

    fn evaluates_b(_: &Json<'_>, _: &Location<'_>, _: &mut Violations, into: &mut Evaluated) {
        into.member("b");
    }

    fn fails_evaluating_c(
        _: &Json<'_>,
        at: &Location<'_>,
        out: &mut Violations,
        into: &mut Evaluated,
    ) {
        into.member("c");
        out.push(at, Code::Type, "no");
    }

    fn run(alternatives: &[CheckFn], matches: Matches) -> Vec<(String, Code, String)> {
        let mut out = Violations::new();
        check(
            &Json::Null,
            &Location::Root,
            &mut out,
            alternatives,
            matches,
        );
        out.iter()
            .map(|v| (v.path().to_owned(), v.code(), v.message().to_owned()))
            .collect()
    }

    fn codes(alternatives: &[CheckFn], matches: Matches) -> Vec<Code> {
        run(alternatives, matches)
            .into_iter()
            .map(|v| v.1)
            .collect()
    }

    const EXACTLY_ONE: Matches = Matches::ExactlyOne("matches more than one");

    #[test]
    fn any_of_accepts_when_one_alternative_does() {
        assert!(run(&[one_error, accepts], Matches::AtLeastOne).is_empty());
        assert!(run(&[accepts, accepts], Matches::AtLeastOne).is_empty());
    }

    #[test]
    fn the_closest_alternative_reports_and_the_first_of_equals() {
        let found = run(&[two_errors, one_error, other_error], Matches::AtLeastOne);
        assert_eq!(found, vec![(String::new(), Code::Type, "one".to_owned())]);
        assert_eq!(codes(&[other_error, one_error], EXACTLY_ONE), [Code::Enum]);
        assert_eq!(
            codes(&[two_errors], Matches::AtLeastOne),
            [Code::Required, Code::Required]
        );
    }

    #[test]
    fn one_of_refuses_two_matches_and_accepts_exactly_one() {
        let found = run(&[accepts, one_error, accepts], EXACTLY_ONE);
        assert_eq!(
            found,
            vec![(
                String::new(),
                Code::OneOf,
                "matches more than one".to_owned()
            )]
        );
        assert!(run(&[one_error, accepts], EXACTLY_ONE).is_empty());
    }

    #[test]
    fn matches_counts_the_accepting_alternatives() {
        let at = Location::Root;
        assert_eq!(matches(&Json::Null, &at, &[accepts, one_error, accepts]), 2);
        assert_eq!(matches(&Json::Null, &at, &[one_error, two_errors]), 0);
    }

    #[test]
    fn no_alternatives_accept_nothing_and_report_nothing_to_fix() {
        // An empty `oneOf`/`anyOf` is refused by the generator; the check itself stays total.
        assert!(run(&[], Matches::AtLeastOne).is_empty());
    }

    #[test]
    fn evaluated_members_come_from_every_accepting_alternative_only() {
        let mut out = Violations::new();
        let mut into = Evaluated::new();
        let alternatives: [CheckEvaluatedFn; 3] = [evaluates_a, fails_evaluating_c, evaluates_b];
        let at = Location::Root;
        check_evaluated(
            &Json::Null,
            &at,
            &mut out,
            &mut into,
            &alternatives,
            Matches::AtLeastOne,
        );
        assert!(out.is_empty());
        let mut expected = Evaluated::new();
        expected.member("a");
        expected.member("b");
        assert_eq!(into, expected);

        let mut out = Violations::new();
        let mut into = Evaluated::new();
        check_evaluated(
            &Json::Null,
            &at,
            &mut out,
            &mut into,
            &alternatives,
            EXACTLY_ONE,
        );
        assert_eq!(
            out.iter().map(Violation::code).collect::<Vec<_>>(),
            [Code::OneOf]
        );

        let mut out = Violations::new();
        let mut into = Evaluated::new();
        check_evaluated(
            &Json::Null,
            &at,
            &mut out,
            &mut into,
            &[fails_evaluating_c],
            EXACTLY_ONE,
        );
        assert_eq!(
            out.iter().map(Violation::code).collect::<Vec<_>>(),
            [Code::Type]
        );
        assert_eq!(into, Evaluated::new());
    }
}
