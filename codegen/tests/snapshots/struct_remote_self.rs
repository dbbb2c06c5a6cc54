// Input:
// #[derive(Validate)]
// #[serde(remote = "Self", deny_unknown_fields)]
// pub struct Payment {
//     #[validate(min_length = 1)]
//     pub id: String,
// }

// Expansion:
const _: () = {
    #[automatically_derived]
    impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for Payment {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::payments_runtime::__private::serde::Deserializer<'de>,
        {
            Payment::deserialize(::payments_runtime::ObjectOnly(__deserializer))
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::__private::serde::Serialize for Payment {
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::payments_runtime::__private::serde::Serializer,
        {
            Payment::serialize(self, __serializer)
        }
    }
    #[automatically_derived]
    impl ::payments_runtime::Validate for Payment {
        fn validate_at(
            &self,
            __at: &::payments_runtime::Location<'_>,
            __out: &mut ::payments_runtime::Violations,
        ) {
            {
                let __at = &__at.key("id");
                {
                    let __v = &self.id;
                    ::payments_runtime::rules::min_length(__v, 1, __at, __out);
                }
                ::payments_runtime::Validate::validate_at(&self.id, __at, __out);
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
                let __at = &__at.key("id");
                match __object.get("id") {
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
                                    ::payments_runtime::rules::min_length(__v, 1, __at, __out);
                                }
                            }
                        }
                    }
                }
            }
            for __key in __object.keys() {
                if !::core::matches!(__key, "id") {
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
            __into.members(&["id"]);
        }
    }
};
