// Input:
// #[derive(WireEnum)]
// pub enum Status {
//     #[wire("pending")]
//     Pending,
//     #[wire("succeeded")]
//     Succeeded,
//     #[wire(other)]
//     Unknown(String),
// }

// Expansion:
const _: () = {
    impl Status {
        /// The documented wire values: "pending", "succeeded".
        pub const VALUES: &'static [&'static str] = &["pending", "succeeded"];
        /// The wire value.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Pending => "pending",
                Self::Succeeded => "succeeded",
                Self::Unknown(__value) => __value.as_str(),
            }
        }
        /// The documented variant whose wire value is `__text`.
        fn __known(__text: &str) -> ::core::option::Option<Self> {
            match __text {
                "pending" => ::core::option::Option::Some(Self::Pending),
                "succeeded" => ::core::option::Option::Some(Self::Succeeded),
                _ => ::core::option::Option::None,
            }
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Status {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __f.write_str(self.as_str())
        }
    }
    #[automatically_derived]
    impl ::core::str::FromStr for Status {
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
    impl ::payments_runtime::__private::serde::Serialize for Status {
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
    impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for Status {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::payments_runtime::__private::serde::Deserializer<'de>,
        {
            struct __Visitor;
            impl<'de> ::payments_runtime::__private::serde::de::Visitor<'de>
            for __Visitor {
                type Value = Status;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    __f.write_str("a string")
                }
                fn visit_str<__E>(
                    self,
                    __text: &str,
                ) -> ::core::result::Result<Status, __E>
                where
                    __E: ::payments_runtime::__private::serde::de::Error,
                {
                    ::core::result::Result::Ok(
                        match Status::__known(__text) {
                            ::core::option::Option::Some(__known) => __known,
                            ::core::option::Option::None => {
                                Status::Unknown(::std::string::String::from(__text))
                            }
                        },
                    )
                }
                fn visit_string<__E>(
                    self,
                    __text: ::std::string::String,
                ) -> ::core::result::Result<Status, __E>
                where
                    __E: ::payments_runtime::__private::serde::de::Error,
                {
                    ::core::result::Result::Ok(
                        match Status::__known(&__text) {
                            ::core::option::Option::Some(__known) => __known,
                            ::core::option::Option::None => Status::Unknown(__text),
                        },
                    )
                }
            }
            __deserializer.deserialize_str(__Visitor)
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::Validate for Status {
        fn validate_at(
            &self,
            _: &::payments_runtime::Location<'_>,
            _: &mut ::payments_runtime::Violations,
        ) {}
    }
    #[automatically_derived]
    impl ::payments_runtime::CheckJson for Status {
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
