//! The client half: reading errors back from bodies, whole responses, redirects and
//! challenges into the same types the server half renders. Framework-free.
//!
//! * `parse` — JSON bodies and redirect parameters, the public module.
//! * `plain` — the one-pass reader of the commonest body, tried first.
//! * `dialect` — provider body shapes and the vendor-code table.
//! * `response` — whole responses (status, headers, body), client guidance.
//! * `redirect` — authorization responses with `state` and `iss` checks.

pub(crate) mod dialect;
pub mod parse;
mod plain;
pub(crate) mod redirect;
pub(crate) mod response;
