//! What a thread keeps of a pure function of text it computes again and again (a large spec
//! repeats its descriptions, and its operations repeat their code). At most [`KEPT`] values a
//! store, so a long-lived thread does not keep them all; text only, never tokens: tokens made
//! inside a proc macro (`include_spec!`) must not outlive its call.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

/// The values a store keeps before it forgets them all.
const KEPT: usize = 4096;

/// A thread's values by their key (declared with `thread_local!`).
pub(crate) type Store<V> = RefCell<HashMap<String, V>>;

/// The value kept for `key`, or the one `make` gives, kept (an error is not).
pub(crate) fn kept<V: Clone, E>(
    store: &'static LocalKey<Store<V>>,
    key: &str,
    make: impl FnOnce() -> Result<V, E>,
) -> Result<V, E> {
    if let Some(value) = store.with(|kept| kept.borrow().get(key).cloned()) {
        return Ok(value);
    }
    let value = make()?;
    store.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.insert(key.to_owned(), value.clone());
    });
    Ok(value)
}
