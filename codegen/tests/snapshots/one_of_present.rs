// Input:
// #[derive(OneOf)]
// #[one_of(present)]
// pub enum Account {
//     #[one_of(present = "iban")]
//     Iban(IbanAccount),
//     #[one_of(present = "sort_code")]
//     SortCode(UkAccount),
// }

// Expansion:
#[allow(deprecated)]
impl ::payments_runtime::__private::serde::Serialize for Account {
    fn serialize<__S: ::payments_runtime::__private::serde::Serializer>(
        &self,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        match self {
            Self::Iban(__value) => {
                ::payments_runtime::__private::serde::Serialize::serialize(
                    __value,
                    __serializer,
                )
            }
            Self::SortCode(__value) => {
                ::payments_runtime::__private::serde::Serialize::serialize(
                    __value,
                    __serializer,
                )
            }
        }
    }
}
#[allow(deprecated)]
impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for Account {
    fn deserialize<__D: ::payments_runtime::__private::serde::Deserializer<'de>>(
        __deserializer: __D,
    ) -> ::core::result::Result<Self, __D::Error> {
        let ::payments_runtime::json::Borrowed(__value) = ::payments_runtime::__private::serde::Deserialize::deserialize(
            __deserializer,
        )?;
        if __value.get("iban").is_some() {
            return <IbanAccount as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                    &__value,
                )
                .map(Self::Iban)
                .map_err(
                    <__D::Error as ::payments_runtime::__private::serde::de::Error>::custom,
                );
        }
        if __value.get("sort_code").is_some() {
            return <UkAccount as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                    &__value,
                )
                .map(Self::SortCode)
                .map_err(
                    <__D::Error as ::payments_runtime::__private::serde::de::Error>::custom,
                );
        }
        ::core::result::Result::Err(
            <__D::Error as ::payments_runtime::__private::serde::de::Error>::custom(
                "none of the members that select a variant is present: iban, sort_code",
            ),
        )
    }
}
#[allow(deprecated)]
impl ::payments_runtime::Validate for Account {
    fn validate_at(
        &self,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
    ) {
        match self {
            Self::Iban(__value) => {
                ::payments_runtime::Validate::validate_at(__value, __at, __out)
            }
            Self::SortCode(__value) => {
                ::payments_runtime::Validate::validate_at(__value, __at, __out)
            }
        }
    }
}
#[allow(deprecated)]
impl ::payments_runtime::CheckJson for Account {
    fn check_json(
        __value: &::payments_runtime::Json<'_>,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
    ) {
        if __value.get("iban").is_some() {
            return <IbanAccount as ::payments_runtime::CheckJson>::check_json(
                __value,
                __at,
                __out,
            );
        }
        if __value.get("sort_code").is_some() {
            return <UkAccount as ::payments_runtime::CheckJson>::check_json(
                __value,
                __at,
                __out,
            );
        }
        __out
            .push(
                __at,
                ::payments_runtime::Code::OneOf,
                "expected one of the members iban, sort_code",
            );
    }
    fn check_json_evaluated(
        __value: &::payments_runtime::Json<'_>,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
        __into: &mut ::payments_runtime::schema::Evaluated,
    ) {
        if __value.get("iban").is_some() {
            return <IbanAccount as ::payments_runtime::CheckJson>::check_json_evaluated(
                __value,
                __at,
                __out,
                __into,
            );
        }
        if __value.get("sort_code").is_some() {
            return <UkAccount as ::payments_runtime::CheckJson>::check_json_evaluated(
                __value,
                __at,
                __out,
                __into,
            );
        }
        __out
            .push(
                __at,
                ::payments_runtime::Code::OneOf,
                "expected one of the members iban, sort_code",
            );
    }
}
