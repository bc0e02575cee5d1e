#![doc = include_str!("crate_docs.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

// The layers, bottom up: the taxonomy (one table), the wire format both directions share,
// the server half (rendering, redirects, reading credentials from requests), the client
// half (parsing), and framework adapters that depend on the rest and never the reverse.
mod adapters;
mod client;
pub mod extract;
mod render;
pub mod taxonomy;
mod wire;

#[cfg(test)]
mod test_support;

/// The `http` crate (1.x), whose `Response<Bytes>`, `HeaderMap` and `StatusCode` this
/// crate renders to and reads from — re-exported so services need no dependency of their
/// own to name them.
///
/// ```
/// let response: oauth_errors::http::Response<oauth_errors::bytes::Bytes> =
///     oauth_errors::OAuthError::InvalidGrant.to_response(oauth_errors::Endpoint::Token);
/// assert_eq!(response.status(), oauth_errors::http::StatusCode::BAD_REQUEST);
/// ```
pub use http;

/// The `bytes` crate (1.x): rendered bodies are [`bytes::Bytes`].
pub use bytes;

pub use crate::render::rejection::Rejection;
pub use crate::render::report::ErrorReport;
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
pub use crate::wire::option_ext::OptionExt;
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

/// actix-web helpers beyond the trait implementations (feature `actix-web`).
///
/// The trait implementations — `ResponseError` and `Responder` for every response type,
/// `FromRequest` for [`AccessToken`](crate::extract::AccessToken) and
/// [`ClientForm`](crate::extract::ClientForm) — need nothing imported. This module adds
/// [`rejections`](actix::rejections): one line that makes actix-web's `Form`, `Json`,
/// `Query` and `Path` rejections OAuth errors.
#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix {
    pub use crate::adapters::actix::rejections;
}

/// axum extractors whose rejections are OAuth errors (feature `axum-extract`, which
/// depends on `axum` without default features).
///
/// [`Form`](axum_extract::Form), [`Json`](axum_extract::Json),
/// [`Query`](axum_extract::Query) and [`Path`](axum_extract::Path) are axum's extractors
/// with an [`ErrorResponse`] as rejection: `invalid_request` naming the problem (wrong
/// `Content-Type`, a body that is not JSON or lacks members, parameters that do not fit),
/// 413 `invalid_request` over the body limit; axum's own message is the internal cause
/// (logged, never sent). Installing them is one line — import these instead of axum's:
///
/// ```
/// use oauth_errors::axum_extract::{Form, Json, Path, Query};
/// ```
///
/// The conversions `From<FormRejection>`, `From<JsonRejection>`, `From<QueryRejection>`,
/// `From<PathRejection>` and `From<RawFormRejection>` for [`ErrorResponse`] serve
/// hand-written extractors (e.g. `axum-extra`'s `WithRejection<Form<T>, ErrorResponse>`).
/// The descriptions are the same as actix-web's with [`actix::rejections`](crate::actix).
#[cfg(feature = "axum-extract")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum-extract")))]
pub mod axum_extract {
    pub use crate::adapters::axum_extract::{Form, Json, Path, Query};
}

/// Compiles and runs the README's examples as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
