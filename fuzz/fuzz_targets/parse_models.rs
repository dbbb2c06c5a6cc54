#![no_main]
//! See `payments_tests::fuzz::parse_models`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| payments_tests::fuzz::parse_models(data));
