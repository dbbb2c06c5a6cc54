//! Formance v1 `PaymentType` lists PAY-IN, PAYOUT, TRANSFER and OTHER: there is no `Refund`.

use payments_models::formance_v1;

fn main() {
    let _kind = formance_v1::PaymentType::Refund;
}
