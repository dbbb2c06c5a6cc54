// Input:
// #[derive(OneOf)]
// #[one_of(untagged)]
// pub enum SupportAddress {
//     Address(Address),
// }

// Expansion:
#[allow(deprecated)]
impl ::payments_runtime::__private::serde::Serialize for SupportAddress {
    fn serialize<__S: ::payments_runtime::__private::serde::Serializer>(
        &self,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        match self {
            Self::Address(__value) => {
                ::payments_runtime::__private::serde::Serialize::serialize(
                    __value,
                    __serializer,
                )
            }
        }
    }
}
#[allow(deprecated)]
impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for SupportAddress {
    fn deserialize<__D: ::payments_runtime::__private::serde::Deserializer<'de>>(
        __deserializer: __D,
    ) -> ::core::result::Result<Self, __D::Error> {
        <Address as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                __deserializer,
            )
            .map(Self::Address)
    }
}
#[allow(deprecated)]
impl ::payments_runtime::Validate for SupportAddress {
    fn validate_at(
        &self,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
    ) {
        match self {
            Self::Address(__value) => {
                ::payments_runtime::Validate::validate_at(__value, __at, __out)
            }
        }
    }
}
#[allow(deprecated)]
impl ::payments_runtime::CheckJson for SupportAddress {
    fn check_json(
        __value: &::payments_runtime::Json<'_>,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
    ) {
        <Address as ::payments_runtime::CheckJson>::check_json(__value, __at, __out);
    }
    fn check_json_evaluated(
        __value: &::payments_runtime::Json<'_>,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
        __into: &mut ::payments_runtime::schema::Evaluated,
    ) {
        let mut __part = ::payments_runtime::schema::Evaluated::new();
        let __before = __out.len();
        <Address as ::payments_runtime::CheckJson>::check_json_evaluated(
            __value,
            __at,
            __out,
            &mut __part,
        );
        if __out.len() == __before {
            __into.merge(__part);
        }
    }
}
