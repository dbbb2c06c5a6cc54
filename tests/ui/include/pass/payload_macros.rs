//! `include_spec!` with the module's path gives the module its literal and payload macros:
//! a JSON literal checked while compiling expands to the value `parse` reads.

mod acme {
    payments_codegen_macros::include_spec!("../specs/papaya.yaml", module = acme);
}

fn main() {
    let literal = acme::create_payment_request!({
        "source": { "type": "group", "id": "grp-1001" },
        "target": { "type": "contact", "id": "cnt-2002" },
        "amount": { "type": "SEND", "amount": 2500.125, "currency": acme::currency!("EUR") },
        "execution": { "type": "SEND", "date": "2024-03-25T09:00:00Z" }
    });
    let parsed: acme::CreatePaymentRequest = payments_runtime::parse(
        br#"{"source": {"type": "group", "id": "grp-1001"},
             "target": {"type": "contact", "id": "cnt-2002"},
             "amount": {"type": "SEND", "amount": 2500.125, "currency": "EUR"},
             "execution": {"type": "SEND", "date": "2024-03-25T09:00:00Z"}}"#,
    )
    .expect("a valid request");
    assert_eq!(literal, parsed);
}
