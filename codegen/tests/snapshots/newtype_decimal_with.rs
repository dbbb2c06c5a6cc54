// Input:
// #[derive(Validate)]
// #[validate(minimum = "0.01", multiple_of = 0.01)]
// pub struct Amount(#[serde(with = "::payments_runtime::wire::decimal_string")] Decimal);

// Expansion:
const _: () = {
    impl Amount {
        /// Checks `inner` against the documented rules.
        pub fn new(
            inner: Decimal,
        ) -> ::core::result::Result<Self, ::payments_runtime::Violations> {
            let __value = Self(inner);
            let mut __violations = ::payments_runtime::Violations::new();
            {
                let __at = &::payments_runtime::Location::Root;
                let __out = &mut __violations;
                {
                    let __v = &__value.0;
                    ::payments_runtime::rules::minimum(
                        __v,
                        ::payments_runtime::__private::Decimal::from_parts(
                            1,
                            0,
                            0,
                            false,
                            2,
                        ),
                        __at,
                        __out,
                    );
                    ::payments_runtime::rules::multiple_of(
                        __v,
                        ::payments_runtime::__private::Decimal::from_parts(
                            1,
                            0,
                            0,
                            false,
                            2,
                        ),
                        __at,
                        __out,
                    );
                }
                ::payments_runtime::Validate::validate_at(&__value.0, __at, __out);
            }
            __violations.into_result()?;
            ::core::result::Result::Ok(__value)
        }
        /// The checked value.
        pub fn get(&self) -> &Decimal {
            &self.0
        }
        /// The checked value, by value.
        pub fn into_inner(self) -> Decimal {
            self.0
        }
        #[doc(hidden)]
        pub const fn __from_checked_literal(inner: Decimal) -> Self {
            Self(inner)
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::Validate for Amount {
        fn validate_at(
            &self,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            ::payments_runtime::Validate::validate_at(&self.0, __at, __out);
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::CheckJson for Amount {
        fn check_json(
            __value: &::payments_runtime::Json<'_>,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            let __before = __out.len();
            ::payments_runtime::wire::decimal_string::check_json::<
                Decimal,
            >(__value, __at, __out);
            if __out.len() == __before {
                let __parsed: ::core::result::Result<Decimal, _> = ::payments_runtime::wire::decimal_string::deserialize(
                    __value,
                );
                if let ::core::result::Result::Ok(__inner) = __parsed {
                    {
                        let __v = &__inner;
                        ::payments_runtime::rules::minimum(
                            __v,
                            ::payments_runtime::__private::Decimal::from_parts(
                                1,
                                0,
                                0,
                                false,
                                2,
                            ),
                            __at,
                            __out,
                        );
                        ::payments_runtime::rules::multiple_of(
                            __v,
                            ::payments_runtime::__private::Decimal::from_parts(
                                1,
                                0,
                                0,
                                false,
                                2,
                            ),
                            __at,
                            __out,
                        );
                    }
                }
            }
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::__private::serde::Serialize for Amount {
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::payments_runtime::__private::serde::Serializer,
        {
            ::payments_runtime::wire::decimal_string::serialize(&self.0, __serializer)
        }
    }
    #[automatically_derived]
    impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for Amount {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::payments_runtime::__private::serde::Deserializer<'de>,
        {
            let __inner: Decimal = ::payments_runtime::wire::decimal_string::deserialize(
                __deserializer,
            )?;
            Self::new(__inner)
                .map_err(
                    <__D::Error as ::payments_runtime::__private::serde::de::Error>::custom,
                )
        }
    }
    #[automatically_derived]
    impl ::core::convert::TryFrom<Decimal> for Amount {
        type Error = ::payments_runtime::Violations;
        fn try_from(inner: Decimal) -> ::core::result::Result<Self, Self::Error> {
            Self::new(inner)
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Amount {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(&self.0, __f)
        }
    }
};
