use payments_codegen_macros::Validate;
use rust_decimal::Decimal;

#[derive(Validate)]
pub struct Payment {
    #[validate(minimum = "100.00", maximum = 10)]
    pub amount: Decimal,
    #[validate(exclusive_minimum = 5, exclusive_maximum = 5)]
    pub fee: i64,
}

fn main() {}
