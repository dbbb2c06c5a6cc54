//! `check_literal!` expands to the literal itself or an exact constant `Decimal`.

use payments_codegen_macros::check_literal;
use rust_decimal::Decimal;

const PRICE: Decimal = check_literal!(minimum = 0, multiple_of = 0.001, 12.345);
const NEGATIVE: Decimal = check_literal!(minimum = "-100", -99.50);
const WHOLE: Decimal = check_literal!(maximum = 10, multiple_of = 5, 10);
const CODE: &str = check_literal!(
    pattern = "^[A-Z]{3}$",
    min_length = 3,
    max_length = 3,
    "USD"
);
const WHEN: &str = check_literal!(format = "date-time", "2024-01-01T00:00:00Z");

fn main() {
    assert_eq!(PRICE.to_string(), "12.345");
    assert_eq!(NEGATIVE.to_string(), "-99.50");
    assert_eq!(WHOLE, Decimal::TEN);
    assert_eq!(CODE, "USD");
    assert_eq!(WHEN.len(), 20);
    // Many digits, never through f64.
    let exact: Decimal = check_literal!(minimum = 0, 1234567890123456789.123456789);
    assert_eq!(exact.to_string(), "1234567890123456789.123456789");
}
