#![doc = include_str!("crate_docs.md")]
//!
//! # Taxonomy
//!
//! Every known code, its default status and the statuses that differ per endpoint, where
//! it is defined, and what a client should do. Generated from the code table (a test
//! keeps it in sync); each variant's own page has the description, common causes and
//! remedy.
//!
#![doc = include_str!("taxonomy.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod adapters;
mod core;

pub use crate::core::body::{BodyContext, BodyFormat, OAuthJson, ProblemJson};
pub use crate::core::challenge::{
    Challenge, ChallengeParseError, ClientAuth, DpopNonce, ParsedChallenge, Scheme, Scope,
    parse_challenges,
};
pub use crate::core::code::{ClientAction, CodeInfo, ExtensionCode, OAuthError, Registry, SpecRef};
pub use crate::core::contract::{Contract, ContractBuilder, StatusRule};
pub use crate::core::endpoint::Endpoint;
pub use crate::core::error::{
    ErrorResponse, ErrorStatus, MAX_MEMBER_NAME_LEN, MemberName, MemberValue, ResultExt,
    StatusError,
};
pub use crate::core::headers::RetryAfter;
pub use crate::core::response::AuthenticationRequired;

pub use crate::core::{authorize, parse, text};

#[doc(hidden)]
pub use crate::core::text::__private;

/// Compiles and runs the README's examples as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
