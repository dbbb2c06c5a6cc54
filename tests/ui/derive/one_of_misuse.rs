use payments_codegen_macros::OneOf;

pub struct A;
pub struct B;

#[derive(OneOf)]
#[one_of(tag = "type")]
pub enum Tagged {
    #[one_of(tag = "a")]
    A(A),
    #[one_of(tag = "a")]
    Again(A),
    Missing(B),
    #[one_of(present = "b")]
    WrongMode(B),
    Two(A, B),
}

#[derive(OneOf)]
#[one_of(untagged, overlapping)]
pub enum Untagged {
    #[one_of(unknown)]
    A(A),
}

fn main() {}
