// Input:
// #[derive(WireEnum)]
// pub enum Currency {
//     #[wire("USD")]
//     Usd,
//     #[wire("EUR")]
//     Eur,
//     #[wire("GBP")]
//     Gbp,
//     #[wire("JPY")]
//     Jpy,
//     #[wire("CHF")]
//     Chf,
//     #[wire("AUD")]
//     Aud,
//     #[wire("CAD")]
//     Cad,
//     #[wire("ILS")]
//     Ils,
//     #[wire("aud")]
//     LowerAud,
//     #[wire(other)]
//     Unknown(String),
// }

// Expansion:
const _: () = {
    impl Currency {
        /// The documented wire values: "USD", "EUR", "GBP", "JPY", "CHF", "AUD", "CAD", "ILS", "aud".
        pub const VALUES: &'static [&'static str] = &[
            "USD",
            "EUR",
            "GBP",
            "JPY",
            "CHF",
            "AUD",
            "CAD",
            "ILS",
            "aud",
        ];
        /// The wire value.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Usd => "USD",
                Self::Eur => "EUR",
                Self::Gbp => "GBP",
                Self::Jpy => "JPY",
                Self::Chf => "CHF",
                Self::Aud => "AUD",
                Self::Cad => "CAD",
                Self::Ils => "ILS",
                Self::LowerAud => "aud",
                Self::Unknown(__value) => __value.as_str(),
            }
        }
        /// The documented variant whose wire value is `__text`.
        fn __known(__text: &str) -> ::core::option::Option<Self> {
            const __SORTED: &[(&str, usize)] = &[
                ("AUD", 5),
                ("CAD", 6),
                ("CHF", 4),
                ("EUR", 1),
                ("GBP", 2),
                ("ILS", 7),
                ("JPY", 3),
                ("USD", 0),
                ("aud", 8),
            ];
            let __found = __SORTED
                .binary_search_by(|(__value, _)| (*__value).cmp(__text))
                .ok()?;
            match __SORTED.get(__found)?.1 {
                0 => ::core::option::Option::Some(Self::Usd),
                1 => ::core::option::Option::Some(Self::Eur),
                2 => ::core::option::Option::Some(Self::Gbp),
                3 => ::core::option::Option::Some(Self::Jpy),
                4 => ::core::option::Option::Some(Self::Chf),
                5 => ::core::option::Option::Some(Self::Aud),
                6 => ::core::option::Option::Some(Self::Cad),
                7 => ::core::option::Option::Some(Self::Ils),
                8 => ::core::option::Option::Some(Self::LowerAud),
                _ => ::core::option::Option::None,
            }
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Currency {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __f.write_str(self.as_str())
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for Currency {
        type Err = ::payments_runtime::UnknownValue;
        fn from_str(__s: &str) -> ::core::result::Result<Self, Self::Err> {
            match Self::__known(__s) {
                ::core::option::Option::Some(__known) => {
                    ::core::result::Result::Ok(__known)
                }
                ::core::option::Option::None => {
                    ::core::result::Result::Ok(
                        Self::Unknown(::std::string::String::from(__s)),
                    )
                }
            }
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::__private::serde::Serialize for Currency {
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::payments_runtime::__private::serde::Serializer,
        {
            __serializer.serialize_str(self.as_str())
        }
    }
    #[automatically_derived]
    impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for Currency {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::payments_runtime::__private::serde::Deserializer<'de>,
        {
            struct __Visitor;
            impl<'de> ::payments_runtime::__private::serde::de::Visitor<'de>
            for __Visitor {
                type Value = Currency;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    __f.write_str("a string")
                }
                fn visit_str<__E>(
                    self,
                    __text: &str,
                ) -> ::core::result::Result<Currency, __E>
                where
                    __E: ::payments_runtime::__private::serde::de::Error,
                {
                    ::core::result::Result::Ok(
                        match Currency::__known(__text) {
                            ::core::option::Option::Some(__known) => __known,
                            ::core::option::Option::None => {
                                Currency::Unknown(::std::string::String::from(__text))
                            }
                        },
                    )
                }
                fn visit_string<__E>(
                    self,
                    __text: ::std::string::String,
                ) -> ::core::result::Result<Currency, __E>
                where
                    __E: ::payments_runtime::__private::serde::de::Error,
                {
                    ::core::result::Result::Ok(
                        match Currency::__known(&__text) {
                            ::core::option::Option::Some(__known) => __known,
                            ::core::option::Option::None => Currency::Unknown(__text),
                        },
                    )
                }
            }
            __deserializer.deserialize_str(__Visitor)
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::Validate for Currency {
        fn validate_at(
            &self,
            _: &::payments_runtime::Location<'_>,
            _: &mut ::payments_runtime::Violations,
        ) {}
    }
    #[automatically_derived]
    impl ::payments_runtime::CheckJson for Currency {
        fn check_json(
            __value: &::payments_runtime::Json<'_>,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            <::std::string::String as ::payments_runtime::CheckJson>::check_json(
                __value,
                __at,
                __out,
            );
        }
    }
};
