// Input:
// #[derive(Validate)]
// #[validate(minimum = 1)]
// pub struct Broken {
//     #[validate(patern = "x", pattern = "(?=a)", min_length = 1, min_length = 2)]
//     pub a: String,
//     #[validate(minimum = 10, maximum = 1, multiple_of = 0, pattern = "[")]
//     pub b: u32,
//     #[validate(min_items = 1, max_length = 1)]
//     pub c: Option<u64>,
//     #[validate(min_items = 3, max_items = 2)]
//     pub d: Vec<String>,
// }

// Expansion:
::core::compile_error! {
    "a struct with named fields takes its rules on its fields"
}
::core::compile_error! {
    "unknown validation rule `patern`; expected one of: pattern, min_length, max_length, format, minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of, min_items, max_items"
}
::core::compile_error! {
    "duplicate rule `min_length`"
}
::core::compile_error! {
    "`multiple_of` must be greater than zero, found 0"
}
::core::compile_error! {
    "pattern `[` cannot be used: unterminated character class: missing `]` (at character 0)"
}
::core::compile_error! {
    "rule `pattern` needs a string (`String`, `str` or `Cow<str>`), found `u32`"
}
::core::compile_error! {
    "`minimum` (10) is above `maximum` (1): no value is valid"
}
::core::compile_error! {
    "rule `min_items` needs a collection (`Vec`, `BTreeMap`, `HashMap` or a slice), found `u64`"
}
::core::compile_error! {
    "rule `max_length` needs a string (`String`, `str` or `Cow<str>`), found `u64`"
}
::core::compile_error! {
    "`min_items` (3) is above `max_items` (2): no value is valid"
}
