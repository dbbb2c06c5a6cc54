use payments_codegen_macros::Validate;

#[derive(Validate)]
pub struct Payment {
    #[validate(min_length = 4, max_length = 3)]
    pub currency: String,
    #[validate(min_items = 2, max_items = 1)]
    pub lines: Vec<String>,
}

fn main() {}
