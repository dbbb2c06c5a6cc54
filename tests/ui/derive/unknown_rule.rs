use payments_codegen_macros::Validate;

#[derive(Validate)]
pub struct Payment {
    #[validate(patern = "^[A-Z]{3}$")]
    pub currency: String,
}

fn main() {}
