// Input:
// #[derive(OneOf)]
// #[one_of(untagged, exactly_one, overlapping)]
// pub enum Amount {
//     Minor(MinorUnits),
//     Text(AmountText),
// }

// Expansion:
#[allow(deprecated)]
impl ::payments_runtime::__private::serde::Serialize for Amount {
    fn serialize<__S: ::payments_runtime::__private::serde::Serializer>(
        &self,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        match self {
            Self::Minor(__value) => {
                ::payments_runtime::__private::serde::Serialize::serialize(
                    __value,
                    __serializer,
                )
            }
            Self::Text(__value) => {
                ::payments_runtime::__private::serde::Serialize::serialize(
                    __value,
                    __serializer,
                )
            }
        }
    }
}
#[allow(deprecated)]
impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for Amount {
    fn deserialize<__D: ::payments_runtime::__private::serde::Deserializer<'de>>(
        __deserializer: __D,
    ) -> ::core::result::Result<Self, __D::Error> {
        let ::payments_runtime::json::Borrowed(__value) = ::payments_runtime::__private::serde::Deserialize::deserialize(
            __deserializer,
        )?;
        if let ::core::result::Result::Ok(__alternative) = <MinorUnits as ::payments_runtime::__private::serde::Deserialize>::deserialize(
            &__value,
        ) {
            return ::core::result::Result::Ok(Self::Minor(__alternative));
        }
        if let ::core::result::Result::Ok(__alternative) = <AmountText as ::payments_runtime::__private::serde::Deserialize>::deserialize(
            &__value,
        ) {
            return ::core::result::Result::Ok(Self::Text(__alternative));
        }
        ::core::result::Result::Err(
            <__D::Error as ::payments_runtime::__private::serde::de::Error>::custom(
                "matches none of Minor, Text",
            ),
        )
    }
}
#[allow(deprecated)]
impl ::payments_runtime::Validate for Amount {
    fn validate_at(
        &self,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
    ) {
        match self {
            Self::Minor(__value) => {
                ::payments_runtime::Validate::validate_at(__value, __at, __out)
            }
            Self::Text(__value) => {
                ::payments_runtime::Validate::validate_at(__value, __at, __out)
            }
        }
        let __text = ::payments_runtime::__private::serde_json::to_vec(self)
            .unwrap_or_default();
        if let ::core::result::Result::Ok(__json) = ::payments_runtime::Json::from_slice(
            &__text,
        ) {
            if ::payments_runtime::union::matches(
                &__json,
                __at,
                &[
                    <MinorUnits as ::payments_runtime::CheckJson>::check_json,
                    <AmountText as ::payments_runtime::CheckJson>::check_json,
                ],
            ) > 1
            {
                __out
                    .push(
                        __at,
                        ::payments_runtime::Code::OneOf,
                        "matches more than one of Minor, Text; exactly one must match",
                    );
            }
        }
    }
}
#[allow(deprecated)]
impl ::payments_runtime::CheckJson for Amount {
    fn check_json(
        __value: &::payments_runtime::Json<'_>,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
    ) {
        ::payments_runtime::union::check(
            __value,
            __at,
            __out,
            &[
                <MinorUnits as ::payments_runtime::CheckJson>::check_json,
                <AmountText as ::payments_runtime::CheckJson>::check_json,
            ],
            ::payments_runtime::union::Matches::ExactlyOne(
                "matches more than one of Minor, Text; exactly one must match",
            ),
        );
    }
    fn check_json_evaluated(
        __value: &::payments_runtime::Json<'_>,
        __at: &::payments_runtime::Location<'_>,
        __out: &mut ::payments_runtime::Violations,
        __into: &mut ::payments_runtime::schema::Evaluated,
    ) {
        ::payments_runtime::union::check_evaluated(
            __value,
            __at,
            __out,
            __into,
            &[
                <MinorUnits as ::payments_runtime::CheckJson>::check_json_evaluated,
                <AmountText as ::payments_runtime::CheckJson>::check_json_evaluated,
            ],
            ::payments_runtime::union::Matches::ExactlyOne(
                "matches more than one of Minor, Text; exactly one must match",
            ),
        );
    }
}
