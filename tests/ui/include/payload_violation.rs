//! The payload macros of an `include_spec!` module check literals as the bundled modules' do.

mod acme {
    payments_codegen_macros::include_spec!("../specs/papaya.yaml", module = acme);
}

fn main() {
    let _request = acme::create_payment_request!({
        "source": { "id": "grp-1001" },
        "target": { "id": "cnt-2002" },
        "amount": { "amount": 2500.125, "currency": "EURO" },
        "execution": { "date": "2024-03-25T09:00:00Z" }
    });
}
