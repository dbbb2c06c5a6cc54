//! Papaya `Amount` has multipleOf 0.001: a literal with 4 decimal places does not compile.

use payments_models::papaya;

fn main() {
    let _amount = papaya::amount!(12.3456);
}
