//! Formance v3: the asset pattern, a connector ID that is not base64 (`format`), a nullable map
//! holding a number, and an array item missing its required members.

use payments_models::formance_v3;

fn main() {
    let _request = formance_v3::create_payment_request!({
        "reference": "ref-001", "connectorID": "not base64!",
        "createdAt": "2023-11-07T05:31:56Z", "type": "PAY-IN",
        "initialAmount": 1, "amount": 1, "asset": "USD", "scheme": "visa",
        "metadata": { "a": 1 },
        "adjustments": [{ "reference": "adj-1" }]
    });
}
