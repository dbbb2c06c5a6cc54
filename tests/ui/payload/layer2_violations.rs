//! Layer2: a decimal string that is no number (`format`), an object where a string is required,
//! an array where an object is required.

use payments_models::layer2;

fn main() {
    let _request = layer2::create_payment_request!({
        "payment_source": [],
        "payment_destination": {},
        "payment_info": { "description": { "text": "x" }, "amount": "100,50" }
    });
}
