#![no_main]
//! See `payments_tests::fuzz::json_and_wire_forms`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| payments_tests::fuzz::json_and_wire_forms(data));
