//! `Numeric`: exact comparison and divisibility of numbers against decimal bounds.

use std::cmp::Ordering;

use num_bigint::{BigInt as Big, Sign};
use rust_decimal::Decimal;

/// A number the numeric rules apply to: integer primitives, `Decimal` and [`crate::BigInt`].
///
/// Both operations are exact — no `f64`, no rounding — also for an integer too large for a
/// `Decimal` (it then lies beyond every decimal bound, on the side of its sign).
pub trait Numeric {
    /// How `self` compares with `bound`.
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering;

    /// Whether `self / step` is an integer; `false` when `step` is not positive.
    fn is_multiple_of_decimal(&self, step: &Decimal) -> bool;
}

/// Compares an integer with a decimal: exact `Decimal` comparison when it fits, otherwise the
/// integer is beyond `Decimal::MAX` in magnitude and its sign decides.
fn cmp_i128(value: i128, bound: &Decimal) -> Ordering {
    match Decimal::try_from_i128_with_scale(value, 0) {
        Ok(value) => value.cmp(bound),
        Err(_) if value < 0 => Ordering::Less,
        Err(_) => Ordering::Greater,
    }
}

fn cmp_big(value: &Big, bound: &Decimal) -> Ordering {
    match i128::try_from(value) {
        Ok(value) => cmp_i128(value, bound),
        Err(_) if value.sign() == Sign::Minus => Ordering::Less,
        Err(_) => Ordering::Greater,
    }
}

/// Whether `mantissa × 10^-scale` is a multiple of `step` (exact).
///
/// With `step = k × 10^-t`: the quotient is `mantissa × 10^t / (k × 10^scale)`; common powers of
/// ten cancel, leaving one `i128` remainder in the usual case and big integers otherwise.
fn is_multiple_i128(mantissa: i128, scale: u32, step: &Decimal) -> bool {
    let Some((k, t)) = positive_step(step) else {
        return false;
    };
    let fast = if t >= scale {
        10i128
            .checked_pow(t - scale)
            .and_then(|p| mantissa.checked_mul(p))
            .map(|n| n % k == 0)
    } else {
        10i128
            .checked_pow(scale - t)
            .and_then(|p| k.checked_mul(p))
            .map(|d| mantissa % d == 0)
    };
    fast.unwrap_or_else(|| is_multiple_big(&Big::from(mantissa), scale, step))
}

fn is_multiple_big(mantissa: &Big, scale: u32, step: &Decimal) -> bool {
    let Some((k, t)) = positive_step(step) else {
        return false;
    };
    let ten = Big::from(10u8);
    let remainder = if t >= scale {
        (mantissa * ten.pow(t - scale)) % Big::from(k)
    } else {
        mantissa % (Big::from(k) * ten.pow(scale - t))
    };
    remainder.sign() == Sign::NoSign
}

/// A positive step's mantissa and scale.
fn positive_step(step: &Decimal) -> Option<(i128, u32)> {
    (step.is_sign_positive() && !step.is_zero()).then(|| (step.mantissa(), step.scale()))
}

impl Numeric for Decimal {
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
        self.cmp(bound)
    }

    fn is_multiple_of_decimal(&self, step: &Decimal) -> bool {
        is_multiple_i128(self.mantissa(), self.scale(), step)
    }
}

impl Numeric for num_bigint::BigInt {
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
        cmp_big(self, bound)
    }

    fn is_multiple_of_decimal(&self, step: &Decimal) -> bool {
        match i128::try_from(self) {
            Ok(value) => is_multiple_i128(value, 0, step),
            Err(_) => is_multiple_big(self, 0, step),
        }
    }
}

impl Numeric for crate::BigInt {
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
        self.get().cmp_decimal(bound)
    }

    fn is_multiple_of_decimal(&self, step: &Decimal) -> bool {
        self.get().is_multiple_of_decimal(step)
    }
}

macro_rules! numeric_primitive {
    ($($t:ty),*) => {$(
        impl Numeric for $t {
            fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
                cmp_i128(i128::from(*self), bound)
            }

            fn is_multiple_of_decimal(&self, step: &Decimal) -> bool {
                is_multiple_i128(i128::from(*self), 0, step)
            }
        }
    )*};
}

numeric_primitive!(i8, i16, i32, i64, i128, u8, u16, u32, u64);

macro_rules! numeric_wide {
    ($($t:ty),*) => {$(
        impl Numeric for $t {
            fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
                match i128::try_from(*self) {
                    Ok(value) => cmp_i128(value, bound),
                    Err(_) => Big::from(*self).cmp_decimal(bound),
                }
            }

            fn is_multiple_of_decimal(&self, step: &Decimal) -> bool {
                match i128::try_from(*self) {
                    Ok(value) => is_multiple_i128(value, 0, step),
                    Err(_) => Big::from(*self).is_multiple_of_decimal(step),
                }
            }
        }
    )*};
}

numeric_wide!(u128, isize, usize);

impl<T: Numeric + ?Sized> Numeric for &T {
    fn cmp_decimal(&self, bound: &Decimal) -> Ordering {
        (**self).cmp_decimal(bound)
    }

    fn is_multiple_of_decimal(&self, step: &Decimal) -> bool {
        (**self).is_multiple_of_decimal(step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn decimal_comparison_is_exact() {
        assert_eq!(d("0.1").cmp_decimal(&d("0.10")), Ordering::Equal);
        assert_eq!(
            d("0.3000000000000000000000000001").cmp_decimal(&d("0.3")),
            Ordering::Greater
        );
        assert_eq!(5u8.cmp_decimal(&d("5.0000001")), Ordering::Less);
        assert_eq!((-1i64).cmp_decimal(&d("0")), Ordering::Less);
        assert_eq!(u128::MAX.cmp_decimal(&Decimal::MAX), Ordering::Greater);
        assert_eq!(i128::MIN.cmp_decimal(&Decimal::MIN), Ordering::Less);
    }

    #[test]
    fn bigint_beyond_decimal_is_compared_by_sign() {
        let huge: crate::BigInt = "123456789012345678901234567890123456789".parse().unwrap();
        let negative: crate::BigInt = "-123456789012345678901234567890123456789".parse().unwrap();
        assert_eq!(huge.cmp_decimal(&Decimal::MAX), Ordering::Greater);
        assert_eq!(negative.cmp_decimal(&Decimal::MIN), Ordering::Less);
        let fits: crate::BigInt = "79228162514264337593543950335".parse().unwrap();
        assert_eq!(fits.cmp_decimal(&Decimal::MAX), Ordering::Equal);
        let just_over: crate::BigInt = "79228162514264337593543950336".parse().unwrap();
        assert_eq!(just_over.cmp_decimal(&Decimal::MAX), Ordering::Greater);
    }

    #[test]
    fn multiple_of_is_exact() {
        assert!(d("0.3").is_multiple_of_decimal(&d("0.1")));
        assert!(d("1.005").is_multiple_of_decimal(&d("0.001")));
        assert!(!d("1.0005").is_multiple_of_decimal(&d("0.001")));
        assert!(d("-12.50").is_multiple_of_decimal(&d("0.25")));
        assert!(10u32.is_multiple_of_decimal(&d("2.5")));
        assert!(!7i8.is_multiple_of_decimal(&d("2")));
        assert!(!3u8.is_multiple_of_decimal(&d("0")));
        assert!(!3u8.is_multiple_of_decimal(&d("-1")));
        // 10^28 / 10^-28: both sides overflow i128 after scaling; the big-integer path decides.
        assert!(d("10000000000000000000000000000")
            .is_multiple_of_decimal(&d("0.0000000000000000000000000001")));
        assert!(d("0.0000000000000000000000000003")
            .is_multiple_of_decimal(&d("0.0000000000000000000000000001")));
        assert!(!d("79228162514264337593543950335")
            .is_multiple_of_decimal(&d("0.0000000000000000000000000011")));
        assert!(d("79228162514264337593543950335")
            .is_multiple_of_decimal(&d("0.0000000000000000000000000013")));
    }

    #[test]
    fn huge_bigint_multiple_of() {
        let big: crate::BigInt = "1000000000000000000000000000000000000000000"
            .parse()
            .unwrap();
        assert!(big.is_multiple_of_decimal(&d("0.001")));
        assert!(big.is_multiple_of_decimal(&d("8")));
        assert!(!big.is_multiple_of_decimal(&d("3")));
        let odd: crate::BigInt = "1000000000000000000000000000000000000000001"
            .parse()
            .unwrap();
        assert!(!odd.is_multiple_of_decimal(&d("2")));
        assert!(u128::MAX.is_multiple_of_decimal(&d("5")));
        assert!(!u128::MAX.is_multiple_of_decimal(&d("2")));
    }
}
