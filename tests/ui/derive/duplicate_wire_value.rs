use payments_codegen_macros::WireEnum;

#[derive(WireEnum)]
pub enum Direction {
    #[wire("PAY-IN")]
    PayIn,
    #[wire("PAY-IN")]
    Payout,
}

fn main() {}
