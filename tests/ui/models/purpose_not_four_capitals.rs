//! Papaya `Purpose` has pattern `^([A-Z]{4})$`: "salary" does not compile.

use payments_models::papaya;

fn main() {
    let _purpose = papaya::purpose!("salary");
}
