//! One Papaya literal breaking its schema seven ways: every violation is reported at once, each
//! at its token with the JSON Pointer and keyword `parse` reports (pattern, multipleOf, format,
//! enum, type, a misspelled member, a missing required member).

use payments_models::papaya;

fn main() {
    let _request = papaya::create_payment_request!({
        "descripton": "March salary",
        "source": { "type": "grup", "id": "grp-1001" },
        "target": { "id": "cnt-2002" },
        "approved": "yes",
        "amount": { "amount": 1500.1255, "currency": "eur" },
        "final": { "is_final": false, "expected": "tomorrow" }
    });
}
