#![doc = include_str!("crate_docs.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

// The layers, bottom up: the taxonomy (one table), the wire format both directions share,
// the server half (rendering, redirects), the client half (parsing), and framework adapters
// that depend on the rest and never the reverse.
mod adapters;
mod client;
mod render;
pub mod taxonomy;
mod wire;

pub use crate::render::response::AuthenticationRequired;
pub use crate::taxonomy::code::{
    ClientAction, CodeInfo, ExtensionCode, OAuthError, Registry, SpecRef,
};
pub use crate::taxonomy::endpoint::Endpoint;
pub use crate::wire::body::{BodyContext, BodyFormat, OAuthJson, ProblemJson};
pub use crate::wire::challenge::{
    Challenge, ChallengeParseError, ClientAuth, DpopNonce, ParsedChallenge, Scheme, Scope,
    parse_challenges,
};
pub use crate::wire::contract::{Contract, ContractBuilder, StatusRule};
pub use crate::wire::error::{
    ErrorResponse, ErrorStatus, MAX_MEMBER_NAME_LEN, MemberName, MemberValue, ResultExt,
    StatusError,
};
pub use crate::wire::headers::RetryAfter;
pub use crate::wire::schema::SchemaContext;

#[cfg(feature = "oauth2")]
#[cfg_attr(docsrs, doc(cfg(feature = "oauth2")))]
pub use crate::adapters::oauth2::OAuth2Client;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use crate::adapters::openapi;
pub use crate::client::parse;
pub use crate::render::authorize;
pub use crate::wire::text;

#[doc(hidden)]
pub use crate::wire::text::__private;

/// Compiles and runs the README's examples as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
