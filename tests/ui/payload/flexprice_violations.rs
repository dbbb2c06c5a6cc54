//! Flexprice: a one-value enum (`destination_type: [INVOICE]`) fails as `enum`; a decimal
//! written as a string is `type`; a missing member is `required`; a map value is typed.

use payments_models::flexprice;

fn main() {
    let _request = flexprice::create_payment_request!({
        "amount": "10.25",
        "currency": "USD",
        "destination_id": "inv_1",
        "destination_type": "WALLET",
        "metadata": { "order": 6735 }
    });
}
