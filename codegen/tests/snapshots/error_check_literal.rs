// Input:
// check_literal!(pattern = "^[A-Z]{3}$" , max_length = 2 , "usd")

// Expansion:
const EXPANSION: _ = {
    ::core::compile_error! {
        "\"usd\" does not match ^[A-Z]{3}$"
    }
    ::core::compile_error! {
        "\"usd\" has 3 characters, more than max_length 2"
    }
    ""
};
