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

/// Authorization-endpoint errors: verified redirects, response modes, `form_post`.
pub mod authorize {
    pub use crate::core::authorize::*;
}

/// The text policy for `error`, `error_description`, `error_uri` and extra members.
pub mod text {
    pub use crate::core::text::{
        CodeError, ErrorText, ErrorUri, MAX_CODE_LEN, MAX_TEXT_LEN, MAX_URI_LEN, TextError,
    };
}

/// Reading error bodies and redirects back into [`ErrorResponse`].
pub mod parse {
    pub use crate::core::parse::{MAX_BODY_LEN, ParseError};
}

#[doc(hidden)]
pub use crate::core::text::__private;
