use payments_codegen_macros::Validate;

#[derive(Validate)]
pub struct Payment {
    #[validate(min_items = 1)]
    pub reference: Option<String>,
}

fn main() {}
