// Input:
// #[derive(Validate)]
// #[validate(pattern = "^[A-Z]{3}$")]
// pub struct CurrencyCode(String);

// Expansion:
const _: () = {
    static __PAYMENTS_PATTERN_0: ::payments_runtime::__private::LazyLock<
        ::payments_runtime::pattern::Matcher,
    > = ::payments_runtime::__private::LazyLock::new(|| {
        ::payments_runtime::pattern::Matcher::compiled("^[A-Z]{3}$", false)
    });
    impl CurrencyCode {
        /// Checks `inner` against the documented rules.
        pub fn new(
            inner: String,
        ) -> ::core::result::Result<Self, ::payments_runtime::Violations> {
            let __value = Self(inner);
            let mut __violations = ::payments_runtime::Violations::new();
            {
                let __at = &::payments_runtime::Location::Root;
                let __out = &mut __violations;
                {
                    let __v = &__value.0;
                    ::payments_runtime::rules::pattern(
                        __v,
                        &__PAYMENTS_PATTERN_0,
                        "^[A-Z]{3}$",
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
        pub fn get(&self) -> &String {
            &self.0
        }
        /// The checked value, by value.
        pub fn into_inner(self) -> String {
            self.0
        }
        #[doc(hidden)]
        pub fn __from_checked_literal(literal: &'static str) -> Self {
            Self(::std::string::String::from(literal))
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::Validate for CurrencyCode {
        fn validate_at(
            &self,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            ::payments_runtime::Validate::validate_at(&self.0, __at, __out);
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::CheckJson for CurrencyCode {
        fn check_json(
            __value: &::payments_runtime::Json<'_>,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            let __before = __out.len();
            <String as ::payments_runtime::CheckJson>::check_json(__value, __at, __out);
            if __out.len() == __before {
                let __parsed: ::core::result::Result<String, _> = <String as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                    __value,
                );
                if let ::core::result::Result::Ok(__inner) = __parsed {
                    {
                        let __v = &__inner;
                        ::payments_runtime::rules::pattern(
                            __v,
                            &__PAYMENTS_PATTERN_0,
                            "^[A-Z]{3}$",
                            __at,
                            __out,
                        );
                    }
                }
            }
        }
        fn evaluated(
            __value: &::payments_runtime::Json<'_>,
            __into: &mut ::payments_runtime::schema::Evaluated,
        ) {
            <String as ::payments_runtime::CheckJson>::evaluated(__value, __into);
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::__private::serde::Serialize for CurrencyCode {
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::payments_runtime::__private::serde::Serializer,
        {
            <String as ::payments_runtime::__private::serde::Serialize>::serialize(
                &self.0,
                __serializer,
            )
        }
    }
    #[automatically_derived]
    impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for CurrencyCode {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::payments_runtime::__private::serde::Deserializer<'de>,
        {
            let __inner: String = <String as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                __deserializer,
            )?;
            Self::new(__inner)
                .map_err(
                    <__D::Error as ::payments_runtime::__private::serde::de::Error>::custom,
                )
        }
    }
    #[automatically_derived]
    impl ::core::convert::TryFrom<String> for CurrencyCode {
        type Error = ::payments_runtime::Violations;
        fn try_from(inner: String) -> ::core::result::Result<Self, Self::Error> {
            Self::new(inner)
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for CurrencyCode {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(&self.0, __f)
        }
    }
    impl CurrencyCode {
        /// The value as a string slice.
        pub fn as_str(&self) -> &str {
            self.0.as_str()
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for CurrencyCode {
        type Err = ::payments_runtime::Violations;
        fn from_str(__s: &str) -> ::core::result::Result<Self, Self::Err> {
            Self::new(::std::string::String::from(__s))
        }
    }
};
