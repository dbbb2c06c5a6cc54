// Input:
// #[derive(OneOf)]
// #[one_of(tag = "type")]
// pub enum Broken {
//     #[one_of(tag = "a")]
//     A(A),
//     #[one_of(tag = "a")]
//     Again(B),
//     Missing(C),
//     #[one_of(present = "x")]
//     WrongMode(D),
//     Two(E, F),
//     #[one_of(unknown)]
//     Unknown(payments_runtime::JsonValue),
//     #[one_of(unknown)]
//     Unknown2(payments_runtime::JsonValue),
// }

// Expansion:
::core::compile_error! {
    "\"a\" already selects `A`"
}
::core::compile_error! {
    "alternative `Missing` has no discriminator value: add `#[one_of(tag = \"VALUE\")]`"
}
::core::compile_error! {
    "this alternative's selector does not match the enum's `#[one_of(…)]`"
}
::core::compile_error! {
    "alternative `Two` must hold one value: `Two(Type)`"
}
::core::compile_error! {
    "only one alternative may be `#[one_of(unknown)]`; `Unknown` already is"
}
