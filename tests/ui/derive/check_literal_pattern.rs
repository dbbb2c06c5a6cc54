use payments_codegen_macros::check_literal;

fn main() {
    let _: &str = check_literal!(pattern = "^[A-Z]{3}$", "usd");
}
