//! A fixture file that no longer matches its schema does not compile: the error names the file,
//! the JSON Pointer and the keyword.

use payments_models::papaya;

fn main() {
    let _request = papaya::include_payload!(CreatePaymentRequest, "ui/payload/fixtures/bad_create.json");
}
