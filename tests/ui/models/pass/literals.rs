//! Literals that satisfy their documented rules compile, and build the values they spell.

use payments_models::{formance_v3, papaya, Validate};

fn main() {
    let currency = papaya::currency!("USD");
    assert_eq!(currency.as_str(), "USD");

    let amount = papaya::amount!(12.345);
    assert_eq!(amount.get().to_string(), "12.345");

    let asset = formance_v3::asset!("USD/2");
    assert_eq!(asset.as_str(), "USD/2");

    let purpose = papaya::purpose!("SALA");
    assert_eq!(purpose.as_str(), "SALA");

    // A struct literal with every required field compiles and validates.
    let payment_amount = papaya::PaymentAmount {
        r#type: Some(papaya::AmountType::Send),
        amount,
        currency: Some(currency),
    };
    assert_eq!(payment_amount.validate(), Ok(()));
    assert_eq!(
        serde_json::to_string(&payment_amount).expect("serializes"),
        r#"{"type":"SEND","amount":12.345,"currency":"USD"}"#
    );
}
