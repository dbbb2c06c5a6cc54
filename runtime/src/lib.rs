//! Runtime support for generated payment models.
