// Input:
// check_literal!(minimum = 0 , multiple_of = 0.001 , 12.345)

// Expansion:
const EXPANSION: _ = ::payments_runtime::__private::Decimal::from_parts(
    12345,
    0,
    0,
    false,
    3,
);
