//! Prints the OpenAPI 3.1 document of the demo server (`examples/demo_server.rs`) with
//! every error response it can send, built with the crate's `utoipa` feature.
//!
//! ```text
//! cargo run --example openapi --features utoipa
//! ```
//!
//! Each route's errors are declared once, as the handler returns them (the codes, plus
//! whole errors where they carry more: `Retry-After`, a status override, a challenge with
//! a `scope`), and the crate renders every one of them to write the responses: statuses,
//! headers, body schemas and examples are what the demo sends. `tests/openapi.rs` drives
//! the demo's scenario through every error path and checks that the document lists
//! exactly those errors, and validates the document.
//!
//! Not documented: the JSON 404 for unknown paths and the 405 for wrong methods, which
//! answer requests outside the documented operations (OpenAPI describes operations, not
//! the absence of one).

use std::process::ExitCode;

use oauth_errors::authorize::{AuthorizationError, Issuer, ResponseMode, verify_redirect_uri};
use oauth_errors::openapi::{self, ErrorResponses};
use oauth_errors::{
    AuthenticationRequired, Challenge, ClientAuth, Endpoint, ErrorResponse, ErrorStatus, OAuthError,
};
use utoipa::openapi::OpenApi as Document;
use utoipa::{Modify, OpenApi};

// Public for `tests/openapi.rs`, which drives it; its docs are written for the demo.
#[allow(missing_docs)]
#[path = "shared/scenario.rs"]
pub mod scenario;

use scenario::{RATELIMIT_RETRY_AFTER, REALM, REDIRECT_URI, UNAVAILABLE_RETRY_AFTER};

/// The challenge of the demo's resource server.
fn bearer() -> Challenge {
    Challenge::bearer().realm(REALM)
}

/// `X-Demo-Fail: server | unavailable | ratelimit`, rendered at `endpoint`.
fn failures(endpoint: Endpoint) -> [ErrorResponse; 3] {
    [
        OAuthError::ServerError.at(endpoint),
        OAuthError::TemporarilyUnavailable.with_retry_after(UNAVAILABLE_RETRY_AFTER).at(endpoint),
        OAuthError::TooManyRequests.with_retry_after(RATELIMIT_RETRY_AFTER).at(endpoint),
    ]
}

/// A body over the demo's limit: 413 `invalid_request`.
fn too_large(endpoint: Endpoint) -> ErrorResponse {
    OAuthError::InvalidRequest.with_status(ErrorStatus::PAYLOAD_TOO_LARGE).at(endpoint)
}

/// `POST /token`.
pub fn token_errors() -> ErrorResponses {
    ErrorResponses::new(Endpoint::Token)
        .client_auth(ClientAuth::basic(REALM))
        .codes([
            OAuthError::InvalidRequest,
            OAuthError::InvalidClient,
            OAuthError::InvalidGrant,
            OAuthError::UnauthorizedClient,
            OAuthError::UnsupportedGrantType,
            OAuthError::InvalidScope,
            OAuthError::AuthorizationPending,
            OAuthError::SlowDown,
            OAuthError::ExpiredToken,
            OAuthError::AccessDenied,
        ])
        .error(too_large(Endpoint::Token))
        .errors(failures(Endpoint::Token))
}

/// `GET /authorize`: errors answered directly (before the redirect URI is verified, or
/// rate limited in front of the endpoint).
pub fn authorize_errors() -> ErrorResponses {
    ErrorResponses::new(Endpoint::Authorization)
        .codes([OAuthError::InvalidRequest, OAuthError::InvalidClient])
        .error(
            OAuthError::TooManyRequests
                .with_retry_after(RATELIMIT_RETRY_AFTER)
                .at(Endpoint::Authorization),
        )
}

/// `GET /authorize`: errors delivered to the client (303 to the redirect URI with the
/// parameters in the query or fragment, or a 200 `form_post` page), with `iss`.
pub fn authorize_redirects() -> ErrorResponses {
    let mut errors = ErrorResponses::new(Endpoint::Authorization);
    let (Ok(uri), Ok(issuer)) = (
        verify_redirect_uri(None, &[REDIRECT_URI]),
        format!("http://{}", scenario::DEFAULT_ADDR).parse::<Issuer>(),
    ) else {
        return errors;
    };
    for mode in [ResponseMode::Query, ResponseMode::FormPost] {
        for code in [
            OAuthError::InvalidRequest,
            OAuthError::UnsupportedResponseType,
            OAuthError::InvalidScope,
            OAuthError::LoginRequired,
            OAuthError::ServerError,
            OAuthError::TemporarilyUnavailable,
        ] {
            errors = errors.redirect(
                AuthorizationError::new(code, uri.clone()).mode(mode).issuer(issuer.clone()),
            );
        }
    }
    errors
}

/// `GET /api/read` (`write` is `read`'s superset, so `insufficient_scope` cannot happen).
pub fn api_read_errors() -> ErrorResponses {
    ErrorResponses::new(Endpoint::Resource)
        .challenge(bearer())
        .authentication_required(AuthenticationRequired::new(bearer()))
        .codes([OAuthError::InvalidRequest, OAuthError::InvalidToken])
        .errors(failures(Endpoint::Api))
}

/// `GET /api/write`.
pub fn api_write_errors() -> ErrorResponses {
    api_read_errors().error(
        OAuthError::InsufficientScope
            .with_challenge(bearer().scope("write"))
            .at(Endpoint::Resource),
    )
}

/// `POST /revoke`.
pub fn revoke_errors() -> ErrorResponses {
    ErrorResponses::new(Endpoint::Revocation)
        .client_auth(ClientAuth::basic(REALM))
        .codes([
            OAuthError::InvalidRequest,
            OAuthError::InvalidClient,
            OAuthError::UnsupportedTokenType,
        ])
        .error(too_large(Endpoint::Revocation))
        .errors(failures(Endpoint::Revocation))
}

/// `POST /register`.
pub fn register_errors() -> ErrorResponses {
    ErrorResponses::new(Endpoint::Registration)
        .codes([
            OAuthError::InvalidRequest,
            OAuthError::InvalidClientMetadata,
            OAuthError::InvalidRedirectUri,
        ])
        .error(too_large(Endpoint::Registration))
        .errors(failures(Endpoint::Registration))
}

oauth_errors::error_responses! { struct TokenErrors = token_errors(); }
oauth_errors::error_responses! { struct AuthorizeErrors = authorize_errors(); }
oauth_errors::error_responses! { struct ApiReadErrors = api_read_errors(); }
oauth_errors::error_responses! { struct ApiWriteErrors = api_write_errors(); }
oauth_errors::error_responses! { struct RevokeErrors = revoke_errors(); }
oauth_errors::error_responses! { struct RegisterErrors = register_errors(); }

/// Exchanges a grant for an access token (RFC 6749 §3.2).
#[utoipa::path(
    post,
    path = "/token",
    request_body(content_type = "application/x-www-form-urlencoded", description = "`grant_type` and its parameters; client credentials in the body or with HTTP Basic"),
    security((), ("Basic" = [])),
    responses((status = 200, description = "An access token (RFC 6749 §5.1)"), TokenErrors)
)]
#[allow(dead_code)]
fn token() {}

/// Starts an authorization (RFC 6749 §4.1.1).
#[utoipa::path(
    get,
    path = "/authorize",
    params(
        ("client_id" = String, Query, description = "`demo-client`"),
        ("response_type" = String, Query, description = "`code`"),
        ("redirect_uri" = Option<String>, Query, description = "The registered redirect URI"),
        ("scope" = Option<String>, Query, description = "`read`, `write` or both"),
        ("state" = Option<String>, Query, description = "Echoed back"),
        ("response_mode" = Option<String>, Query, description = "`query`, `fragment` or `form_post`"),
        ("prompt" = Option<String>, Query, description = "`none`, `login`, `consent`, `select_account`"),
    ),
    responses(
        (status = 303, description = "Redirect to the client with an authorization code (`code`, `state`, `iss`)"),
        (status = 200, description = "A `form_post` page carrying the authorization code", content_type = "text/html;charset=utf-8"),
        AuthorizeErrors
    )
)]
#[allow(dead_code)]
fn authorize() {}

/// A resource needing the `read` scope (RFC 6750).
#[utoipa::path(
    get,
    path = "/api/read",
    security(("Bearer" = ["read"])),
    responses((status = 200, description = "The resource"), ApiReadErrors)
)]
#[allow(dead_code)]
fn api_read() {}

/// A resource needing the `write` scope (RFC 6750).
#[utoipa::path(
    get,
    path = "/api/write",
    security(("Bearer" = ["write"])),
    responses((status = 200, description = "The resource"), ApiWriteErrors)
)]
#[allow(dead_code)]
fn api_write() {}

/// Revokes a token (RFC 7009).
#[utoipa::path(
    post,
    path = "/revoke",
    request_body(content_type = "application/x-www-form-urlencoded", description = "`token` and an optional `token_type_hint`"),
    security((), ("Basic" = [])),
    responses((status = 200, description = "Revoked, or the token was not valid (RFC 7009 §2.2)"), RevokeErrors)
)]
#[allow(dead_code)]
fn revoke() {}

/// Registers a client (RFC 7591).
#[utoipa::path(
    post,
    path = "/register",
    request_body(content_type = "application/json", description = "Client metadata (RFC 7591 §2)"),
    responses((status = 201, description = "The registered client (RFC 7591 §3.2.1)"), RegisterErrors)
)]
#[allow(dead_code)]
fn register() {}

/// The redirected `/authorize` errors share 303 and 200 with the success answers, so they
/// are merged into those responses; the security schemes follow the demo's challenges.
struct DemoModifier;

impl Modify for DemoModifier {
    fn modify(&self, openapi: &mut Document) {
        if let Some(get) =
            openapi.paths.paths.get_mut("/authorize").and_then(|item| item.get.as_mut())
        {
            authorize_redirects().merge_into(&mut get.responses);
        }
        openapi::add_security_schemes(openapi, [bearer(), Challenge::basic(REALM)]);
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "oauth-errors demo server", description = "The demo authorization and resource server of the oauth-errors crate (`cargo run --example demo_server --features axum,tracing`)."),
    paths(token, authorize, api_read, api_write, revoke, register),
    modifiers(&DemoModifier)
)]
struct DemoApi;

/// The document.
pub fn document() -> Document {
    let mut doc = DemoApi::openapi();
    doc.info.version = String::from(env!("CARGO_PKG_VERSION"));
    doc
}

fn main() -> ExitCode {
    match document().to_pretty_json() {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("openapi: {e}");
            ExitCode::FAILURE
        }
    }
}
