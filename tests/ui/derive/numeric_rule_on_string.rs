use payments_codegen_macros::Validate;

#[derive(Validate)]
pub struct Payment {
    #[validate(minimum = 0)]
    pub amount: String,
}

fn main() {}
