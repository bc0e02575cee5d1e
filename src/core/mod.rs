//! The framework-free core: taxonomy, text policy, error value, body formats, headers,
//! challenges, contracts, rendering, authorization redirects and parsing.
//!
//! Nothing in here depends on a web framework; the adapters in `crate::adapters` are thin
//! layers over [`ErrorResponse::response`](crate::ErrorResponse::response).

pub mod authorize;
pub(crate) mod body;
pub(crate) mod challenge;
pub(crate) mod code;
pub(crate) mod contract;
pub(crate) mod endpoint;
pub(crate) mod error;
pub(crate) mod headers;
pub mod parse;
pub(crate) mod response;
pub mod text;
