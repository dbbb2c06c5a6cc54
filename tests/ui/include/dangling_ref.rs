//! A spec the generator refuses is a compile error at the macro's argument, naming the file
//! and the JSON Pointer of the offending node.

mod acme {
    payments_codegen_macros::include_spec!("ui/include/dangling_ref.yaml");
}

fn main() {}
