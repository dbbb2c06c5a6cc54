//! Formance v3 `Asset` has pattern `^[a-zA-Z]{3}\/[0-9]$`: "USD" lacks the `/precision` part.

use payments_models::formance_v3;

fn main() {
    let _asset = formance_v3::asset!("USD");
}
