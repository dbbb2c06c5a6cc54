use payments_codegen_macros::check_literal;
use rust_decimal::Decimal;

const AMOUNT: Decimal = check_literal!(minimum = 0, multiple_of = 0.01, 10.255);

fn main() {
    let _ = AMOUNT;
}
