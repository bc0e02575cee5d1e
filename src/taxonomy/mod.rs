//! The taxonomy table: every known code, its default status and the statuses that differ
//! per endpoint, where it is defined, and what a client should do.
//!
//! Generated from the one code table behind [`OAuthError`] (a test keeps this page in
//! sync); each variant's own page has the description, common causes and remedy, and
//! [`OAuthError::info`] gives the same facts at run time. `cargo run --example taxonomy`
//! prints the table in a terminal (`-- --json` for JSON).
//!
#![doc = include_str!("table.md")]

pub(crate) mod code;
pub(crate) mod endpoint;
pub(crate) mod usage;

#[doc(no_inline)]
pub use crate::{ClientAction, CodeInfo, Endpoint, OAuthError, Registry, SpecRef};
