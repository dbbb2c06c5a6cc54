// Input:
// #[derive(Validate)]
// #[serde(deny_unknown_fields)]
// pub struct Payment {
//     #[validate(pattern = "^[A-Z]{3}$", min_length = 3, max_length = 3)]
//     pub currency: String,
//     #[serde(with = "::payments_runtime::wire::decimal_string")]
//     #[validate(minimum = 0, maximum = "1000000.00", multiple_of = 0.01)]
//     pub amount: Decimal,
//     #[serde(
//         default,
//         skip_serializing_if = "Option::is_none",
//         with = "::payments_runtime::nullable"
//     )]
//     #[validate(exclusive_minimum = -1, exclusive_maximum = 1e3)]
//     pub fee: Option<Nullable<i64>>,
//     #[serde(rename = "reference")]
//     #[validate(pattern = "^[A-Z]{3}$", format = "date-time")]
//     pub r#ref: Option<Box<String>>,
//     #[validate(min_items = 1, max_items = 10)]
//     pub lines: Vec<Line>,
//     #[serde(default)]
//     pub metadata: BTreeMap<String, String>,
//     pub customer: Customer,
// }

// Expansion:
const _: () = {
    static __PAYMENTS_PATTERN_0: ::payments_runtime::__private::LazyLock<
        ::payments_runtime::pattern::Matcher,
    > = ::payments_runtime::__private::LazyLock::new(|| {
        ::payments_runtime::pattern::Matcher::compiled("^[A-Z]{3}$", false)
    });
    #[automatically_derived]
    impl ::payments_runtime::Validate for Payment {
        fn validate_at(
            &self,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            {
                let __at = &__at.key("currency");
                {
                    let __v = &self.currency;
                    ::payments_runtime::rules::pattern(
                        __v,
                        &__PAYMENTS_PATTERN_0,
                        "^[A-Z]{3}$",
                        __at,
                        __out,
                    );
                    ::payments_runtime::rules::min_length(__v, 3, __at, __out);
                    ::payments_runtime::rules::max_length(__v, 3, __at, __out);
                }
                ::payments_runtime::Validate::validate_at(&self.currency, __at, __out);
            }
            {
                let __at = &__at.key("amount");
                {
                    let __v = &self.amount;
                    ::payments_runtime::rules::minimum(
                        __v,
                        ::payments_runtime::__private::Decimal::from_parts(
                            0,
                            0,
                            0,
                            false,
                            0,
                        ),
                        __at,
                        __out,
                    );
                    ::payments_runtime::rules::maximum(
                        __v,
                        ::payments_runtime::__private::Decimal::from_parts(
                            100000000,
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
                ::payments_runtime::Validate::validate_at(&self.amount, __at, __out);
            }
            {
                let __at = &__at.key("fee");
                {
                    let __v = &self.fee;
                    if let ::core::option::Option::Some(__v) = __v {
                        if let ::payments_runtime::Nullable::Value(__v) = __v {
                            ::payments_runtime::rules::exclusive_minimum(
                                __v,
                                ::payments_runtime::__private::Decimal::from_parts(
                                    1,
                                    0,
                                    0,
                                    true,
                                    0,
                                ),
                                __at,
                                __out,
                            );
                            ::payments_runtime::rules::exclusive_maximum(
                                __v,
                                ::payments_runtime::__private::Decimal::from_parts(
                                    1000,
                                    0,
                                    0,
                                    false,
                                    0,
                                ),
                                __at,
                                __out,
                            );
                        }
                    }
                }
                ::payments_runtime::Validate::validate_at(&self.fee, __at, __out);
            }
            {
                let __at = &__at.key("reference");
                {
                    let __v = &self.r#ref;
                    if let ::core::option::Option::Some(__v) = __v {
                        let __v = &**__v;
                        ::payments_runtime::rules::pattern(
                            __v,
                            &__PAYMENTS_PATTERN_0,
                            "^[A-Z]{3}$",
                            __at,
                            __out,
                        );
                        ::payments_runtime::rules::format(__v, "date-time", __at, __out);
                    }
                }
                ::payments_runtime::Validate::validate_at(&self.r#ref, __at, __out);
            }
            {
                let __at = &__at.key("lines");
                {
                    let __v = &self.lines;
                    ::payments_runtime::rules::min_items(__v.len(), 1, __at, __out);
                    ::payments_runtime::rules::max_items(__v.len(), 10, __at, __out);
                }
                ::payments_runtime::Validate::validate_at(&self.lines, __at, __out);
            }
            {
                let __at = &__at.key("metadata");
                ::payments_runtime::Validate::validate_at(&self.metadata, __at, __out);
            }
            {
                let __at = &__at.key("customer");
                ::payments_runtime::Validate::validate_at(&self.customer, __at, __out);
            }
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::CheckJson for Payment {
        fn check_json(
            __value: &::payments_runtime::Json<'_>,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            let ::core::option::Option::Some(__object) = __value.as_object() else {
                <::std::collections::BTreeMap<
                    ::std::string::String,
                    ::payments_runtime::JsonValue,
                > as ::payments_runtime::CheckJson>::check_json(__value, __at, __out);
                return;
            };
            {
                let __at = &__at.key("currency");
                match __object.get("currency") {
                    ::core::option::Option::None => {
                        __out
                            .push(
                                __at,
                                ::payments_runtime::Code::Required,
                                "is required",
                            );
                    }
                    ::core::option::Option::Some(__member) => {
                        let __before = __out.len();
                        <String as ::payments_runtime::CheckJson>::check_json(
                            __member,
                            __at,
                            __out,
                        );
                        if __out.len() == __before {
                            let __parsed: ::core::result::Result<String, _> = <String as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                                __member,
                            );
                            if let ::core::result::Result::Ok(__field) = __parsed {
                                {
                                    let __v = &__field;
                                    ::payments_runtime::rules::pattern(
                                        __v,
                                        &__PAYMENTS_PATTERN_0,
                                        "^[A-Z]{3}$",
                                        __at,
                                        __out,
                                    );
                                    ::payments_runtime::rules::min_length(__v, 3, __at, __out);
                                    ::payments_runtime::rules::max_length(__v, 3, __at, __out);
                                }
                            }
                        }
                    }
                }
            }
            {
                let __at = &__at.key("amount");
                match __object.get("amount") {
                    ::core::option::Option::None => {
                        __out
                            .push(
                                __at,
                                ::payments_runtime::Code::Required,
                                "is required",
                            );
                    }
                    ::core::option::Option::Some(__member) => {
                        let __before = __out.len();
                        ::payments_runtime::wire::decimal_string::check_json::<
                            Decimal,
                        >(__member, __at, __out);
                        if __out.len() == __before {
                            let __parsed: ::core::result::Result<Decimal, _> = ::payments_runtime::wire::decimal_string::deserialize(
                                __member,
                            );
                            if let ::core::result::Result::Ok(__field) = __parsed {
                                {
                                    let __v = &__field;
                                    ::payments_runtime::rules::minimum(
                                        __v,
                                        ::payments_runtime::__private::Decimal::from_parts(
                                            0,
                                            0,
                                            0,
                                            false,
                                            0,
                                        ),
                                        __at,
                                        __out,
                                    );
                                    ::payments_runtime::rules::maximum(
                                        __v,
                                        ::payments_runtime::__private::Decimal::from_parts(
                                            100000000,
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
            }
            {
                let __at = &__at.key("fee");
                match __object.get("fee") {
                    ::core::option::Option::None => {}
                    ::core::option::Option::Some(__member) => {
                        let __before = __out.len();
                        ::payments_runtime::nullable::check_json::<
                            Option<Nullable<i64>>,
                        >(__member, __at, __out);
                        if __out.len() == __before {
                            let __parsed: ::core::result::Result<
                                Option<Nullable<i64>>,
                                _,
                            > = ::payments_runtime::nullable::deserialize(__member);
                            if let ::core::result::Result::Ok(__field) = __parsed {
                                {
                                    let __v = &__field;
                                    if let ::core::option::Option::Some(__v) = __v {
                                        if let ::payments_runtime::Nullable::Value(__v) = __v {
                                            ::payments_runtime::rules::exclusive_minimum(
                                                __v,
                                                ::payments_runtime::__private::Decimal::from_parts(
                                                    1,
                                                    0,
                                                    0,
                                                    true,
                                                    0,
                                                ),
                                                __at,
                                                __out,
                                            );
                                            ::payments_runtime::rules::exclusive_maximum(
                                                __v,
                                                ::payments_runtime::__private::Decimal::from_parts(
                                                    1000,
                                                    0,
                                                    0,
                                                    false,
                                                    0,
                                                ),
                                                __at,
                                                __out,
                                            );
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            {
                let __at = &__at.key("reference");
                match __object.get("reference") {
                    ::core::option::Option::None => {}
                    ::core::option::Option::Some(__member) => {
                        let __before = __out.len();
                        <Option<
                            Box<String>,
                        > as ::payments_runtime::CheckJson>::check_json(
                            __member,
                            __at,
                            __out,
                        );
                        if __out.len() == __before {
                            let __parsed: ::core::result::Result<
                                Option<Box<String>>,
                                _,
                            > = <Option<
                                Box<String>,
                            > as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                                __member,
                            );
                            if let ::core::result::Result::Ok(__field) = __parsed {
                                {
                                    let __v = &__field;
                                    if let ::core::option::Option::Some(__v) = __v {
                                        let __v = &**__v;
                                        ::payments_runtime::rules::pattern(
                                            __v,
                                            &__PAYMENTS_PATTERN_0,
                                            "^[A-Z]{3}$",
                                            __at,
                                            __out,
                                        );
                                        ::payments_runtime::rules::format(
                                            __v,
                                            "date-time",
                                            __at,
                                            __out,
                                        );
                                    }
                                }
                            }
                        }
                    }
                }
            }
            {
                let __at = &__at.key("lines");
                match __object.get("lines") {
                    ::core::option::Option::None => {
                        __out
                            .push(
                                __at,
                                ::payments_runtime::Code::Required,
                                "is required",
                            );
                    }
                    ::core::option::Option::Some(__member) => {
                        let __before = __out.len();
                        <Vec<
                            Line,
                        > as ::payments_runtime::CheckJson>::check_json(
                            __member,
                            __at,
                            __out,
                        );
                        if __out.len() == __before {
                            let __parsed: ::core::result::Result<Vec<Line>, _> = <Vec<
                                Line,
                            > as ::payments_runtime::__private::serde::Deserialize>::deserialize(
                                __member,
                            );
                            if let ::core::result::Result::Ok(__field) = __parsed {
                                {
                                    let __v = &__field;
                                    ::payments_runtime::rules::min_items(
                                        __v.len(),
                                        1,
                                        __at,
                                        __out,
                                    );
                                    ::payments_runtime::rules::max_items(
                                        __v.len(),
                                        10,
                                        __at,
                                        __out,
                                    );
                                }
                            }
                        }
                    }
                }
            }
            {
                let __at = &__at.key("metadata");
                match __object.get("metadata") {
                    ::core::option::Option::None => {}
                    ::core::option::Option::Some(__member) => {
                        <BTreeMap<
                            String,
                            String,
                        > as ::payments_runtime::CheckJson>::check_json(
                            __member,
                            __at,
                            __out,
                        );
                    }
                }
            }
            {
                let __at = &__at.key("customer");
                match __object.get("customer") {
                    ::core::option::Option::None => {
                        __out
                            .push(
                                __at,
                                ::payments_runtime::Code::Required,
                                "is required",
                            );
                    }
                    ::core::option::Option::Some(__member) => {
                        <Customer as ::payments_runtime::CheckJson>::check_json(
                            __member,
                            __at,
                            __out,
                        );
                    }
                }
            }
            for __key in __object.keys() {
                if !::core::matches!(
                    __key, "currency" | "amount" | "fee" | "reference" | "lines" |
                    "metadata" | "customer"
                ) {
                    __out
                        .push(
                            &__at.key(__key),
                            ::payments_runtime::Code::AdditionalProperties,
                            "is not allowed",
                        );
                }
            }
        }
        fn evaluated(
            _: &::payments_runtime::Json<'_>,
            __into: &mut ::payments_runtime::schema::Evaluated,
        ) {
            __into
                .members(
                    &[
                        "currency",
                        "amount",
                        "fee",
                        "reference",
                        "lines",
                        "metadata",
                        "customer",
                    ],
                );
        }
    }
};
