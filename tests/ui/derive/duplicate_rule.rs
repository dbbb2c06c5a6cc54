use payments_codegen_macros::Validate;

#[derive(Validate)]
pub struct Payment {
    #[validate(min_length = 1)]
    #[validate(max_length = 3, min_length = 2)]
    pub currency: String,
}

fn main() {}
