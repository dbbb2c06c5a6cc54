// Input:
// #[derive(WireEnum)]
// #[wire(const)]
// pub enum Kind {
//     #[wire("refund")]
//     Refund,
// }

// Expansion:
const _: () = {
    impl Kind {
        /// The documented wire values: "refund".
        pub const VALUES: &'static [&'static str] = &["refund"];
        /// The wire value.
        pub fn as_str(&self) -> &'static str {
            match self {
                Self::Refund => "refund",
            }
        }
        /// The documented variant whose wire value is `__text`.
        fn __known(__text: &str) -> ::core::option::Option<Self> {
            match __text {
                "refund" => ::core::option::Option::Some(Self::Refund),
                _ => ::core::option::Option::None,
            }
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Kind {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __f.write_str(self.as_str())
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for Kind {
        type Err = ::payments_runtime::UnknownValue;
        fn from_str(__s: &str) -> ::core::result::Result<Self, Self::Err> {
            match Self::__known(__s) {
                ::core::option::Option::Some(__known) => {
                    ::core::result::Result::Ok(__known)
                }
                ::core::option::Option::None => {
                    ::core::result::Result::Err(
                        ::payments_runtime::UnknownValue::new(__s, Self::VALUES),
                    )
                }
            }
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::__private::serde::Serialize for Kind {
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
    impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for Kind {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::payments_runtime::__private::serde::Deserializer<'de>,
        {
            struct __Visitor;
            impl<'de> ::payments_runtime::__private::serde::de::Visitor<'de>
            for __Visitor {
                type Value = Kind;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    __f.write_str("a string")
                }
                fn visit_str<__E>(
                    self,
                    __text: &str,
                ) -> ::core::result::Result<Kind, __E>
                where
                    __E: ::payments_runtime::__private::serde::de::Error,
                {
                    <Kind as ::core::str::FromStr>::from_str(__text)
                        .map_err(
                            <__E as ::payments_runtime::__private::serde::de::Error>::custom,
                        )
                }
            }
            __deserializer.deserialize_str(__Visitor)
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::Validate for Kind {
        fn validate_at(
            &self,
            _: &::payments_runtime::Location<'_>,
            _: &mut ::payments_runtime::Violations,
        ) {}
    }
    #[automatically_derived]
    impl ::payments_runtime::CheckJson for Kind {
        fn check_json(
            __value: &::payments_runtime::Json<'_>,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            match __value.as_str() {
                ::core::option::Option::None => {
                    <::std::string::String as ::payments_runtime::CheckJson>::check_json(
                        __value,
                        __at,
                        __out,
                    );
                }
                ::core::option::Option::Some(__text) => {
                    if Self::__known(__text).is_none() {
                        __out
                            .push(
                                __at,
                                ::payments_runtime::Code::Const,
                                "must be \"refund\"",
                            );
                    }
                }
            }
        }
    }
};
