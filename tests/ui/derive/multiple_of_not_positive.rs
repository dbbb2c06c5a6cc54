use payments_codegen_macros::Validate;
use rust_decimal::Decimal;

#[derive(Validate)]
pub struct Payment {
    #[validate(multiple_of = 0)]
    pub amount: Decimal,
    #[validate(multiple_of = -0.01)]
    pub fee: Decimal,
}

fn main() {}
