//! `Numeric`: exact comparison and divisibility of numbers against decimal bounds.

use std::cmp::Ordering;

use num_bigint::{BigInt as Big, Sign};
use rust_decimal::Decimal;

/// A number the numeric rules apply to: integer primitives, `Decimal` and [`crate::BigInt`].
///
/// Both operations are exact: no `f64`, no rounding, even for a `BigInt` that does not fit a
/// `Decimal`.
pub trait Numeric {
    /// How `self` compares with `bound`.
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering;

    /// Whether `self / step` is an integer; `false` when `step` is not positive.
    fn is_multiple_of(&self, step: &Decimal) -> bool;
}

/// `mantissa × 10^-scale` as a big integer pair.
fn decimal_parts(value: &Decimal) -> (Big, u32) {
    (Big::from(value.mantissa()), value.scale())
}

fn pow10(exp: u32) -> Big {
    Big::from(10u8).pow(exp)
}

/// Compares the integer `value` with `bound` exactly.
fn cmp_integer(value: &Big, bound: &Decimal) -> Ordering {
    let (mantissa, scale) = decimal_parts(bound);
    // value ? mantissa / 10^scale  <=>  value × 10^scale ? mantissa
    (value * pow10(scale)).cmp(&mantissa)
}

/// Whether `mantissa × 10^-scale` is a multiple of `step`, exactly.
fn is_multiple(mantissa: &Big, scale: u32, step: &Decimal) -> bool {
    if !step.is_sign_positive() || step.is_zero() {
        return false;
    }
    let (step_mantissa, step_scale) = decimal_parts(step);
    // (m / 10^s) / (k / 10^t) = m × 10^t / (k × 10^s)
    let numerator = mantissa * pow10(step_scale);
    let denominator = step_mantissa * pow10(scale);
    (numerator % denominator).sign() == Sign::NoSign
}

impl Numeric for Decimal {
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
        self.cmp(bound)
    }

    fn is_multiple_of(&self, step: &Decimal) -> bool {
        let (mantissa, scale) = decimal_parts(self);
        is_multiple(&mantissa, scale, step)
    }
}

impl Numeric for crate::BigInt {
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
        cmp_integer(self.get(), bound)
    }

    fn is_multiple_of(&self, step: &Decimal) -> bool {
        is_multiple(self.get(), 0, step)
    }
}

impl Numeric for num_bigint::BigInt {
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
        cmp_integer(self, bound)
    }

    fn is_multiple_of(&self, step: &Decimal) -> bool {
        is_multiple(self, 0, step)
    }
}

macro_rules! numeric_primitive {
    ($($t:ty),*) => {$(
        impl Numeric for $t {
            fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
                cmp_integer(&Big::from(*self), bound)
            }

            fn is_multiple_of(&self, step: &Decimal) -> bool {
                is_multiple(&Big::from(*self), 0, step)
            }
        }
    )*};
}

numeric_primitive!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl<T: Numeric + ?Sized> Numeric for &T {
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
        (**self).cmp_decimal(bound)
    }

    fn is_multiple_of(&self, step: &Decimal) -> bool {
        (**self).is_multiple_of(step)
    }
}
