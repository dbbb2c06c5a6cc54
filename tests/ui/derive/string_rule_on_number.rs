use payments_codegen_macros::Validate;

#[derive(Validate)]
pub struct Payment {
    #[validate(pattern = "^[0-9]+$")]
    pub amount: u64,
    #[validate(max_length = 3)]
    pub fee: Option<i32>,
}

fn main() {}
