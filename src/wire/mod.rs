//! The wire format shared by both directions: the text policy, the error value, body
//! formats, response headers, `WWW-Authenticate` challenges and contracts.
//!
//! Framework-free: nothing here depends on a web framework.

pub(crate) mod body;
pub(crate) mod challenge;
pub(crate) mod contract;
pub(crate) mod error;
pub(crate) mod headers;
pub(crate) mod option_ext;
pub(crate) mod schema;
pub mod text;
