use payments_codegen_macros::WireEnum;

#[derive(WireEnum)]
pub enum Status {
    #[wire("pending")]
    Pending,
    #[wire(other)]
    Unknown(String),
    #[wire(other)]
    Other(String),
}

fn main() {}
