use payments_codegen_macros::WireEnum;

#[derive(WireEnum)]
pub enum Status {
    #[wire("pending")]
    Pending(u32),
    #[wire(other)]
    Unknown,
}

fn main() {}
