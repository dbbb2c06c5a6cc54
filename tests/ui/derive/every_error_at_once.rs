use payments_codegen_macros::Validate;
use rust_decimal::Decimal;

#[derive(Validate)]
pub struct Payment {
    #[validate(pattern = "(?<=a)(b", size = 3)]
    pub currency: String,
    #[validate(minimum = 1, minimum = 2, min_length = 1)]
    pub amount: Decimal,
    #[validate(maximum = "ten")]
    pub fee: u32,
}

fn main() {}
