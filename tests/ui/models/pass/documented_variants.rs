//! Every variant the document lists exists, with its exact wire value.

use payments_models::formance_v1::PaymentType;

fn main() {
    let wire: Vec<&str> = [
        PaymentType::PayIn,
        PaymentType::Payout,
        PaymentType::Transfer,
        PaymentType::Other,
    ]
    .iter()
    .map(PaymentType::as_str)
    .collect();
    assert_eq!(wire, ["PAY-IN", "PAYOUT", "TRANSFER", "OTHER"]);
    assert_eq!(PaymentType::VALUES, ["PAY-IN", "PAYOUT", "TRANSFER", "OTHER"]);
}
