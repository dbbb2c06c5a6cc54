//! A Rust expression stands only where the type system checks the value: a member with rules
//! of its own (Formance v1's `amount`, `minimum: 0`) takes a literal.

use payments_models::formance_v1;

fn main() {
    let amount = payments_models::BigInt::from(-5);
    let _request = formance_v1::create_payment_request!({
        "reference": "ref-1", "connectorID": "stripe", "createdAt": "2023-11-07T05:31:56Z",
        "amount": amount, "type": "PAY-IN", "status": "PENDING", "scheme": "visa", "asset": "USD/2"
    });
}
