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
            match __s {
                "pending" => ::core::result::Result::Ok(Self::Pending),
                "succeeded" => ::core::result::Result::Ok(Self::Succeeded),
                _ => {
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
            let __text = <::std::string::String as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                __deserializer,
            )?;
            let __known = match __text.as_str() {
                "pending" => ::core::option::Option::Some(Self::Pending),
                "succeeded" => ::core::option::Option::Some(Self::Succeeded),
                _ => ::core::option::Option::None,
            };
            ::core::result::Result::Ok(
                match __known {
                    ::core::option::Option::Some(__known) => __known,
                    ::core::option::Option::None => Self::Unknown(__text),
                },
            )
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
