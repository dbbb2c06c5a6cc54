// Input:
// #[derive(WireEnum)]
// pub enum Broken {
//     Missing,
//     #[wire("A")]
//     A,
//     #[wire("A")]
//     Again,
//     #[wire(other)]
//     Unknown(String),
//     #[wire(other)]
//     Unknown2(String),
//     #[wire("B")]
//     Data(u32),
// }

// Expansion:
::core::compile_error! {
    "variant `Missing` has no wire value: add `#[wire(\"VALUE\")]`"
}
::core::compile_error! {
    "duplicate wire value \"A\", already used by `A`"
}
::core::compile_error! {
    "only one variant may be `#[wire(other)]`; `Unknown` already is"
}
::core::compile_error! {
    "variant `Data` carries data: only the `#[wire(other)]` variant may"
}
