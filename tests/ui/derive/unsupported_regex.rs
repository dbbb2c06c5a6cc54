use payments_codegen_macros::Validate;

#[derive(Validate)]
pub struct Payment {
    #[validate(pattern = "^(?!XXX)[A-Z]{3}$")]
    pub currency: String,
    #[validate(pattern = "^(a)\\1$")]
    pub reference: String,
}

fn main() {}
