//! Generated payment models.
