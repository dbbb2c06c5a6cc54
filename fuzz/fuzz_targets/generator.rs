#![no_main]
//! See `payments_tests::fuzz::generator`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| payments_tests::fuzz::generator(data));
