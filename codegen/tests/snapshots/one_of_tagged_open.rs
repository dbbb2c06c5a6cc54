// Input:
// #[derive(OneOf)]
// #[one_of(tag = "type")]
// pub enum PaymentMethod {
//     #[one_of(tag = "card")]
//     Card(Card),
//     #[one_of(tag = "sepa_debit")]
//     SepaDebit(SepaDebit),
//     #[one_of(unknown)]
//     Unknown(payments_runtime::JsonValue),
// }

// Expansion:
#[allow(deprecated)]
impl ::payments_runtime::__private::serde::Serialize for PaymentMethod {
    fn serialize<__S: ::payments_runtime::__private::serde::Serializer>(
        &self,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        match self {
            Self::Card(__value) => {
                ::payments_runtime::__private::serde::Serialize::serialize(
                    __value,
                    __serializer,
                )
            }
            Self::SepaDebit(__value) => {
                ::payments_runtime::__private::serde::Serialize::serialize(
                    __value,
                    __serializer,
                )
            }
            Self::Unknown(__value) => {
                ::payments_runtime::__private::serde::Serialize::serialize(
                    __value,
                    __serializer,
                )
            }
        }
    }
}
#[allow(deprecated)]
impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for PaymentMethod {
    fn deserialize<__D: ::payments_runtime::__private::serde::Deserializer<'de>>(
        __deserializer: __D,
    ) -> ::core::result::Result<Self, __D::Error> {
        let ::payments_runtime::json::Borrowed(__value) = ::payments_runtime::__private::serde::Deserialize::deserialize(
            __deserializer,
        )?;
        match __value.get("type").and_then(::payments_runtime::Json::as_str) {
            ::core::option::Option::Some("card") => {
                <Card as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                        &__value,
                    )
                    .map(Self::Card)
                    .map_err(
                        <__D::Error as ::payments_runtime::__private::serde::de::Error>::custom,
                    )
            }
            ::core::option::Option::Some("sepa_debit") => {
                <SepaDebit as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                        &__value,
                    )
                    .map(Self::SepaDebit)
                    .map_err(
                        <__D::Error as ::payments_runtime::__private::serde::de::Error>::custom,
                    )
            }
            ::core::option::Option::Some(_) => {
                ::core::result::Result::Ok(Self::Unknown(__value.into_owned()))
            }
            ::core::option::Option::None => {
                ::core::result::Result::Err(
                    <__D::Error as ::payments_runtime::__private::serde::de::Error>::custom(
                        "missing discriminator `type`",
                    ),
                )
            }
        }
    }
}
#[allow(deprecated)]
impl ::payments_runtime::Validate for PaymentMethod {
    fn validate_at(
        &self,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
    ) {
        match self {
            Self::Card(__value) => {
                ::payments_runtime::Validate::validate_at(__value, __at, __out)
            }
            Self::SepaDebit(__value) => {
                ::payments_runtime::Validate::validate_at(__value, __at, __out)
            }
            Self::Unknown(_) => {}
        }
    }
}
#[allow(deprecated)]
impl ::payments_runtime::CheckJson for PaymentMethod {
    fn check_json(
        __value: &::payments_runtime::Json<'_>,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
    ) {
        match __value.get("type").and_then(::payments_runtime::Json::as_str) {
            ::core::option::Option::Some("card") => {
                <Card as ::payments_runtime::CheckJson>::check_json(__value, __at, __out)
            }
            ::core::option::Option::Some("sepa_debit") => {
                <SepaDebit as ::payments_runtime::CheckJson>::check_json(
                    __value,
                    __at,
                    __out,
                )
            }
            ::core::option::Option::Some(_) => {}
            ::core::option::Option::None if __value.is_object() => {
                __out
                    .push(
                        &__at.key("type"),
                        ::payments_runtime::Code::Required,
                        "missing discriminator `type`",
                    )
            }
            ::core::option::Option::None => {
                __out.push(__at, ::payments_runtime::Code::Type, "expected an object")
            }
        }
    }
    fn check_json_evaluated(
        __value: &::payments_runtime::Json<'_>,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
        __into: &mut ::payments_runtime::schema::Evaluated,
    ) {
        match __value.get("type").and_then(::payments_runtime::Json::as_str) {
            ::core::option::Option::Some("card") => {
                <Card as ::payments_runtime::CheckJson>::check_json_evaluated(
                    __value,
                    __at,
                    __out,
                    __into,
                )
            }
            ::core::option::Option::Some("sepa_debit") => {
                <SepaDebit as ::payments_runtime::CheckJson>::check_json_evaluated(
                    __value,
                    __at,
                    __out,
                    __into,
                )
            }
            ::core::option::Option::Some(_) => {}
            ::core::option::Option::None if __value.is_object() => {
                __out
                    .push(
                        &__at.key("type"),
                        ::payments_runtime::Code::Required,
                        "missing discriminator `type`",
                    )
            }
            ::core::option::Option::None => {
                __out.push(__at, ::payments_runtime::Code::Type, "expected an object")
            }
        }
    }
}
