//! Collecting every compile error of one macro invocation before giving up.

use proc_macro2::Span;

/// Accumulates `syn::Error`s so a macro reports every misuse at once, each on its own span.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    /// Records `error` (combined with the ones already recorded).
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    /// Records a new error with `message` at `span`.
    pub(crate) fn at(&mut self, span: Span, message: impl std::fmt::Display) {
        self.push(syn::Error::new(span, message));
    }

    /// `Ok(())` when nothing was recorded, else every recorded error combined (and forgotten).
    pub(crate) fn finish(&mut self) -> syn::Result<()> {
        match self.0.take() {
            Some(all) => Err(all),
            None => Ok(()),
        }
    }

    /// Every recorded error followed by `error`.
    pub(crate) fn and(self, error: syn::Error) -> syn::Error {
        match self.0 {
            Some(mut all) => {
                all.combine(error);
                all
            }
            None => error,
        }
    }
}
