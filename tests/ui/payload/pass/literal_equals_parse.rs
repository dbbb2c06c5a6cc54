//! A literal and a fixture file expand to the values `parse` reads from the same JSON.

use payments_models::{papaya, parse};

fn main() {
    let literal = papaya::create_payment_request!({
        "source": { "type": "group", "id": "grp-1001" },
        "target": { "type": "contact", "id": "cnt-2002" },
        "amount": { "type": "SEND", "amount": 2500.125, "currency": "EUR" },
        "execution": { "type": "SEND", "date": "2024-03-25T09:00:00Z" }
    });
    let fixture = papaya::include_payload!(CreatePaymentRequest, "ui/payload/fixtures/create.json");
    let parsed: papaya::CreatePaymentRequest =
        parse(include_bytes!("../fixtures/create.json")).expect("a valid fixture");
    assert_eq!(literal, parsed);
    assert_eq!(fixture, parsed);
}
