// Input:
// #[derive(Validate)]
// #[serde(rename_all = "camelCase", default)]
// pub struct Transfer<T> {
//     #[serde(rename = "dest", alias = "destination")]
//     pub destination_account: String,
//     #[serde(skip)]
//     pub local_note: String,
//     #[serde(deserialize_with = "as_text::deserialize")]
//     #[validate(minimum = 0)]
//     pub amount: Decimal,
//     pub extra: T,
// }

// Expansion:
const _: () = {
    #[automatically_derived]
    impl<T> ::payments_runtime::Validate for Transfer<T>
    where
        T: ::payments_runtime::Validate,
    {
        fn validate_at(
            &self,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            {
                let __at = &__at.key("dest");
                ::payments_runtime::Validate::validate_at(
                    &self.destination_account,
                    __at,
                    __out,
                );
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
                }
                ::payments_runtime::Validate::validate_at(&self.amount, __at, __out);
            }
            {
                let __at = &__at.key("extra");
                ::payments_runtime::Validate::validate_at(&self.extra, __at, __out);
            }
        }
    }
    #[automatically_derived]
    impl<T> ::payments_runtime::CheckJson for Transfer<T>
    where
        T: ::payments_runtime::CheckJson
            + ::payments_runtime::__private::serde::de::DeserializeOwned,
    {
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
                let __at = &__at.key("dest");
                match __object.get("dest").or_else(|| __object.get("destination")) {
                    ::core::option::Option::None => {}
                    ::core::option::Option::Some(__member) => {
                        <String as ::payments_runtime::CheckJson>::check_json(
                            __member,
                            __at,
                            __out,
                        );
                    }
                }
            }
            {
                let __at = &__at.key("amount");
                match __object.get("amount") {
                    ::core::option::Option::None => {}
                    ::core::option::Option::Some(__member) => {
                        let __before = __out.len();
                        as_text::check_json(__member, __at, __out);
                        if __out.len() == __before {
                            let __parsed: ::core::result::Result<Decimal, _> = as_text::deserialize(
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
                                }
                            }
                        }
                    }
                }
            }
            {
                let __at = &__at.key("extra");
                match __object.get("extra") {
                    ::core::option::Option::None => {}
                    ::core::option::Option::Some(__member) => {
                        <T as ::payments_runtime::CheckJson>::check_json(
                            __member,
                            __at,
                            __out,
                        );
                    }
                }
            }
        }
        fn evaluated(
            _: &::payments_runtime::Json<'_>,
            __into: &mut ::payments_runtime::schema::Evaluated,
        ) {
            __into.members(&["dest", "amount", "extra"]);
        }
    }
};
