//! Requests and responses through the `http` crate (feature `http`, on by default): the
//! runtime half of each generated operation's `Request::to_http` and `Response::from_http`.
//!
//! Sans-IO: nothing here opens a connection. A generated `Request::to_http(server,
//! credentials)` gives an [`http::Request<Vec<u8>>`](::http::Request) that any client sends
//! (reqwest, ureq, hyper, a test's socket); `Response::from_http` reads the client's
//! `http::Response` with the `parse` semantics of every documented status.

mod outgoing;
mod url;

#[cfg(test)]
mod tests;

pub use outgoing::{Credential, KeyIn, Outgoing, Request, Secret};
pub use url::{resolve, server_url, BaseUrl, Server};

/// The `http` crate (1.x) itself, for the types generated code and its callers name.
pub use ::http as types;

use crate::Headers;

/// The status and header fields of `response`, header names lower case, for the generated
/// `Response::from_http`.
pub fn head<B>(response: &::http::Response<B>) -> (u16, Headers) {
    let mut headers = Headers::new();
    for (name, value) in response.headers() {
        headers.push(name.as_str(), value.as_bytes());
    }
    (response.status().as_u16(), headers)
}
