use payments_codegen_macros::Validate;

#[derive(Validate)]
#[validate(minimum = 1)]
pub struct CurrencyCode(#[validate(pattern = "^[A-Z]{3}$")] String);

fn main() {}
