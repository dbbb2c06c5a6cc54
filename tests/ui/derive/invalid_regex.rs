use payments_codegen_macros::Validate;

#[derive(Validate)]
pub struct Payment {
    #[validate(pattern = "^[A-Z{3}$")]
    pub currency: String,
    #[validate(pattern = "^[A-Z]{3,1}$")]
    pub country: String,
}

fn main() {}
