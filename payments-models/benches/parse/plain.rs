//! Hand-written plain models of the same ten bodies: what a user writes without the generator.
//!
//! Each mirrors the generated struct field for field, with the same field types where the type is
//! a wire form (`Decimal` with the same `#[serde(with = …)]` adapter, `BigInt`, `DateTime`,
//! `Nullable`), a plain serde enum for a strict enum, and a plain `String` for a constrained
//! string (`pattern`, `format: byte`) and for an open (response) enum.
//!
//! * The floor: `serde_json::from_slice::<Plain>` — no validation at all.
//! * (b) jsonschema validates the JSON, then serde deserializes it into the same struct.
//! * (c) garde: the `#[garde(...)]` rules below are the spec's constraints that serde does not
//!   already enforce through the field types. Deriving `garde::Validate` adds an impl and changes
//!   nothing in deserialization, so one set of structs serves the floor and garde alike.
#![allow(dead_code)]

use std::collections::BTreeMap;

use garde::Validate;
use payments_models::{BigInt, DateTime, Nullable};
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;

type Map = BTreeMap<String, Value>;
type Strings = BTreeMap<String, String>;

/// `format: byte`, checked as `payments_runtime::Base64` does (standard alphabet, padding
/// correct or absent).
fn byte(text: &str, _: &()) -> garde::Result {
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
    use base64::engine::DecodePaddingMode;
    use base64::Engine as _;
    const DECODER: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    match DECODER.decode(text.as_bytes()) {
        Ok(_) => Ok(()),
        Err(_) => Err(garde::Error::new("must be base64")),
    }
}

/// `format: byte` on an optional (and maybe nullable) member.
fn opt_byte(value: &Option<String>, ctx: &()) -> garde::Result {
    value.as_deref().map_or(Ok(()), |text| byte(text, ctx))
}

fn opt_nullable_byte(value: &Option<Nullable<String>>, ctx: &()) -> garde::Result {
    match value {
        Some(Nullable::Value(text)) => byte(text, ctx),
        _ => Ok(()),
    }
}

/// `minimum: 0` on a big integer.
fn non_negative(value: &BigInt, _: &()) -> garde::Result {
    if value.get().sign() == num_bigint::Sign::Minus {
        return Err(garde::Error::new("must be at least 0"));
    }
    Ok(())
}

/// `multipleOf: 0.001`.
fn thousandths(value: &Decimal, _: &()) -> garde::Result {
    if value
        .checked_rem(Decimal::new(1, 3))
        .is_some_and(|r| r.is_zero())
    {
        Ok(())
    } else {
        Err(garde::Error::new("must be a multiple of 0.001"))
    }
}

pub mod layer2 {
    use super::*;

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentRequest {
        pub payment_source: Map,
        pub payment_destination: Map,
        pub payment_info: PaymentInfo,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct PaymentInfo {
        pub description: String,
        #[serde(with = "payments_runtime::wire::decimal_string")]
        pub amount: Decimal,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentResponse {
        pub data: Payment,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct Payment {
        pub id: String,
        pub status: Option<String>,
    }
}

pub mod formance_v1 {
    use super::*;

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentRequest {
        pub reference: String,
        #[serde(rename = "connectorID")]
        pub connector_id: String,
        #[serde(rename = "createdAt")]
        pub created_at: DateTime,
        #[garde(custom(non_negative))]
        pub amount: BigInt,
        pub r#type: PaymentType,
        pub status: PaymentStatus,
        pub scheme: PaymentScheme,
        pub asset: String,
        #[serde(rename = "sourceAccountID")]
        pub source_account_id: Option<String>,
        #[serde(rename = "destinationAccountID")]
        pub destination_account_id: Option<String>,
    }

    #[derive(Deserialize)]
    pub enum PaymentType {
        #[serde(rename = "PAY-IN")]
        PayIn,
        #[serde(rename = "PAYOUT")]
        Payout,
        #[serde(rename = "TRANSFER")]
        Transfer,
        #[serde(rename = "OTHER")]
        Other,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum PaymentStatus {
        Pending,
        Succeeded,
        Cancelled,
        Failed,
        Expired,
        Refunded,
        RefundedFailure,
        Dispute,
        DisputeWon,
        DisputeLost,
        Other,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum PaymentScheme {
        Unknown,
        Other,
        Visa,
        Mastercard,
        Amex,
        Diners,
        Discover,
        Jcb,
        Unionpay,
        Alipay,
        Cup,
        #[serde(rename = "sepa debit")]
        SepaDebit,
        #[serde(rename = "sepa credit")]
        SepaCredit,
        Sepa,
        #[serde(rename = "apple pay")]
        ApplePay,
        #[serde(rename = "google pay")]
        GooglePay,
        Doku,
        Dragonpay,
        Maestro,
        Molpay,
        A2a,
        #[serde(rename = "ach debit")]
        AchDebit,
        Ach,
        Rtp,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentResponse {
        #[garde(dive)]
        pub data: Payment,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct Payment {
        pub id: String,
        pub reference: String,
        #[serde(rename = "sourceAccountID")]
        pub source_account_id: String,
        #[serde(rename = "destinationAccountID")]
        pub destination_account_id: String,
        #[serde(rename = "connectorID")]
        pub connector_id: String,
        pub provider: Option<String>,
        pub r#type: String,
        pub status: String,
        #[serde(rename = "initialAmount")]
        #[garde(custom(non_negative))]
        pub initial_amount: BigInt,
        #[garde(custom(non_negative))]
        pub amount: BigInt,
        pub scheme: String,
        pub asset: String,
        #[serde(rename = "createdAt")]
        pub created_at: DateTime,
        pub raw: Nullable<Map>,
        #[garde(dive)]
        pub adjustments: Vec<PaymentAdjustment>,
        pub metadata: Nullable<Strings>,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct PaymentAdjustment {
        pub reference: String,
        #[serde(rename = "createdAt")]
        pub created_at: DateTime,
        pub status: String,
        #[garde(custom(non_negative))]
        pub amount: BigInt,
        pub raw: Map,
    }
}

pub mod formance_v3 {
    use super::*;

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentRequest {
        pub reference: String,
        #[serde(rename = "connectorID")]
        #[garde(custom(byte))]
        pub connector_id: String,
        #[serde(rename = "createdAt")]
        pub created_at: DateTime,
        pub r#type: PaymentType,
        #[serde(rename = "initialAmount")]
        pub initial_amount: BigInt,
        pub amount: BigInt,
        #[garde(pattern(r"^[a-zA-Z]{3}/[0-9]$"))]
        pub asset: String,
        pub scheme: String,
        #[serde(rename = "sourceAccountID")]
        #[garde(custom(opt_byte))]
        pub source_account_id: Option<String>,
        #[serde(rename = "destinationAccountID")]
        #[garde(custom(opt_byte))]
        pub destination_account_id: Option<String>,
        #[serde(default, with = "payments_runtime::nullable")]
        pub metadata: Option<Nullable<Strings>>,
        #[garde(dive)]
        pub adjustments: Option<Vec<CreatePaymentAdjustmentRequest>>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum PaymentType {
        Unknown,
        #[serde(rename = "PAY-IN")]
        PayIn,
        Payout,
        Transfer,
        Other,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentAdjustmentRequest {
        pub reference: String,
        #[serde(rename = "createdAt")]
        pub created_at: DateTime,
        pub status: PaymentStatus,
        pub amount: Option<BigInt>,
        #[garde(pattern(r"^[a-zA-Z]{3}/[0-9]$"))]
        pub asset: Option<String>,
        #[serde(default, with = "payments_runtime::nullable")]
        pub metadata: Option<Nullable<Strings>>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum PaymentStatus {
        Unknown,
        Pending,
        Succeeded,
        Cancelled,
        Failed,
        Expired,
        Refunded,
        RefundedFailure,
        RefundReversed,
        Dispute,
        DisputeWon,
        DisputeLost,
        AmountAdjustement,
        Authorisation,
        Capture,
        CaptureFailed,
        Other,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentResponse {
        #[garde(dive)]
        pub data: Payment,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct Payment {
        pub id: String,
        #[serde(rename = "connectorID")]
        #[garde(custom(byte))]
        pub connector_id: String,
        pub provider: String,
        pub reference: String,
        #[serde(rename = "createdAt")]
        pub created_at: DateTime,
        pub r#type: String,
        #[serde(rename = "initialAmount")]
        pub initial_amount: BigInt,
        pub amount: BigInt,
        pub asset: String,
        pub scheme: String,
        pub status: String,
        #[serde(
            rename = "sourceAccountID",
            default,
            with = "payments_runtime::nullable"
        )]
        #[garde(custom(opt_nullable_byte))]
        pub source_account_id: Option<Nullable<String>>,
        #[serde(
            rename = "destinationAccountID",
            default,
            with = "payments_runtime::nullable"
        )]
        #[garde(custom(opt_nullable_byte))]
        pub destination_account_id: Option<Nullable<String>>,
        #[serde(default, with = "payments_runtime::nullable")]
        pub metadata: Option<Nullable<Strings>>,
        #[serde(default, with = "payments_runtime::nullable")]
        pub adjustments: Option<Nullable<Vec<PaymentAdjustment>>>,
    }

    #[derive(Deserialize)]
    pub struct PaymentAdjustment {
        pub id: String,
        pub reference: String,
        #[serde(rename = "createdAt")]
        pub created_at: DateTime,
        pub status: String,
        pub amount: Option<BigInt>,
        pub asset: Option<String>,
        #[serde(default, with = "payments_runtime::nullable")]
        pub metadata: Option<Nullable<Strings>>,
        pub raw: Map,
    }
}

pub mod flexprice {
    use super::*;

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentRequest {
        #[serde(with = "payments_runtime::wire::decimal_number")]
        pub amount: Decimal,
        pub currency: String,
        pub destination_id: String,
        pub destination_type: PaymentDestinationType,
        pub idempotency_key: Option<String>,
        pub metadata: Option<Strings>,
        pub payment_method_id: Option<String>,
        pub payment_method_type: PaymentMethodType,
        pub process_payment: Option<bool>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum PaymentDestinationType {
        Invoice,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum PaymentMethodType {
        Card,
        Ach,
        Offline,
        Credits,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentResponse {
        #[serde(default, with = "payments_runtime::wire::decimal_number")]
        pub amount: Option<Decimal>,
        pub attempts: Option<Vec<PaymentAttempt>>,
        pub created_at: Option<String>,
        pub created_by: Option<String>,
        pub currency: Option<String>,
        pub destination_id: Option<String>,
        pub destination_type: Option<String>,
        pub error_message: Option<String>,
        pub failed_at: Option<String>,
        pub id: Option<String>,
        pub idempotency_key: Option<String>,
        pub invoice_number: Option<String>,
        pub metadata: Option<Strings>,
        pub payment_method_id: Option<String>,
        pub payment_method_type: Option<String>,
        pub payment_status: Option<String>,
        pub refunded_at: Option<String>,
        pub succeeded_at: Option<String>,
        pub tenant_id: Option<String>,
        pub track_attempts: Option<bool>,
        pub updated_at: Option<String>,
        pub updated_by: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct PaymentAttempt {
        pub attempt_number: Option<i64>,
        pub created_at: Option<String>,
        pub created_by: Option<String>,
        pub error_message: Option<String>,
        pub id: Option<String>,
        pub metadata: Option<Strings>,
        pub payment_id: Option<String>,
        pub tenant_id: Option<String>,
        pub updated_at: Option<String>,
        pub updated_by: Option<String>,
    }
}

pub mod papaya {
    use super::*;

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentRequest {
        pub id: Option<String>,
        pub description: Option<String>,
        #[garde(pattern(r"^([A-Z]{4})$"))]
        pub purpose: Option<String>,
        pub source: PaymentSource,
        pub target: PaymentTarget,
        pub approved: Option<bool>,
        #[garde(dive)]
        pub amount: PaymentAmount,
        pub execution: ExecutionInfo,
        pub r#final: Option<Finalization>,
        pub attachments: Option<Vec<Attachment>>,
        pub user_tags: Option<Map>,
    }

    #[derive(Deserialize)]
    pub struct PaymentSource {
        pub r#type: Option<SourceType>,
        pub id: String,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum SourceType {
        Group,
    }

    #[derive(Deserialize)]
    pub struct PaymentTarget {
        pub r#type: Option<TargetType>,
        pub id: String,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum TargetType {
        Contact,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct PaymentAmount {
        pub r#type: Option<AmountType>,
        #[serde(with = "payments_runtime::wire::decimal_number")]
        #[garde(custom(thousandths))]
        pub amount: Decimal,
        #[garde(pattern(r"^[A-Z]{3}$"))]
        pub currency: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "UPPERCASE")]
    pub enum AmountType {
        Land,
        Send,
    }

    #[derive(Deserialize)]
    pub struct ExecutionInfo {
        pub r#type: Option<AmountType>,
        pub date: DateTime,
        pub margin: Option<i64>,
    }

    #[derive(Deserialize)]
    pub struct Finalization {
        pub is_final: Option<bool>,
        pub expected: Option<DateTime>,
    }

    #[derive(Deserialize)]
    pub struct Attachment {
        pub id: Option<String>,
        pub title: Option<String>,
        pub url: String,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct CreatePaymentResponse {
        #[garde(dive)]
        pub amount: Option<PaymentAmountResponse>,
        pub approved: Option<bool>,
        pub attachments: Option<Vec<Attachment>>,
        pub description: Option<String>,
        pub execution: Option<ExecutionInfoResponse>,
        pub r#final: Option<Finalization>,
        pub id: Option<String>,
        #[garde(dive)]
        pub info: Option<PaymentInfo>,
        #[garde(pattern(r"^[A-Z]{4}$"))]
        pub purpose: Option<String>,
        pub source: Option<Entity>,
        pub target: Option<Entity>,
        pub r#type: Option<String>,
        pub user_tags: Option<Map>,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct PaymentAmountResponse {
        pub r#type: Option<String>,
        #[serde(with = "payments_runtime::wire::decimal_number")]
        #[garde(custom(thousandths))]
        pub amount: Decimal,
        #[garde(pattern(r"^[A-Z]{3}$"))]
        pub currency: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct ExecutionInfoResponse {
        pub r#type: Option<String>,
        pub date: DateTime,
        pub margin: Option<i64>,
    }

    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct PaymentInfo {
        pub status: Option<String>,
        #[garde(dive)]
        pub credit: Option<Funds>,
        #[garde(dive)]
        pub funding: Option<Funds>,
        #[garde(dive)]
        pub debit: Option<Funds>,
        #[serde(default, with = "payments_runtime::wire::decimal_number")]
        pub rate: Option<Decimal>,
        #[serde(default, with = "payments_runtime::wire::decimal_number")]
        pub fees: Option<Decimal>,
    }

    /// `CreditInfo`, `FundingInfo` and `DebitInfo` in one (`date` is only in `FundingInfo`).
    #[derive(Deserialize, Validate)]
    #[garde(allow_unvalidated)]
    pub struct Funds {
        #[garde(pattern(r"^[A-Z]{3}$"))]
        pub currency: Option<String>,
        #[serde(default, with = "payments_runtime::wire::decimal_number")]
        pub amount: Option<Decimal>,
        pub date: Option<DateTime>,
    }

    #[derive(Deserialize)]
    pub struct Entity {
        pub id: Option<String>,
        pub r#type: Option<String>,
    }
}
