//! `papaya::PaymentAmount.amount` is required by the document: a struct literal without it
//! does not compile.

use payments_models::papaya;

fn main() {
    let _amount = papaya::PaymentAmount {
        r#type: Some(papaya::AmountType::Send),
        currency: Some(papaya::currency!("EUR")),
    };
}
