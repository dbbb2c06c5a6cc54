//! Papaya `Currency` has pattern `^[A-Z]{3}$`: a lower-case literal does not compile.

use payments_models::papaya;

fn main() {
    let _currency = papaya::currency!("usd");
}
