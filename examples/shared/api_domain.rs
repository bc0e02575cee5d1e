//! The service behind `examples/axum_api.rs` and `examples/actix_api.rs`: its registered
//! client, access tokens and scopes, its own error type, and how that error becomes an
//! OAuth error response. Nothing here knows a web framework; each example only wires it
//! to its framework's router, extractors and logging.
//!
//! The data is the demo server's (`examples/shared/scenario.rs`), and so are the answers:
//! `tests/api_examples.rs` checks that both examples send the demo's bytes.

#![allow(dead_code)]

use std::io;

use oauth_errors::extract::{AccessToken, ClientAuthMethod, ClientCredentials};
use oauth_errors::{ClientAuth, ErrorResponse, OAuthError, OptionExt, Scope, error_text};
use serde::{Deserialize, Serialize};

/// The realm of every challenge.
pub const REALM: &str = "demo";
/// The registered client (`client_secret_basic` or `client_secret_post`).
pub const CLIENT_ID: &str = "demo-client";
/// Its secret.
pub const CLIENT_SECRET: &str = "demo-secret";
/// The access tokens the API accepts, with their scopes (`write` implies `read`).
pub const ACCESS_TOKENS: [(&str, &str); 2] =
    [("demo-access-token", "read"), ("write-access-token", "read write")];
/// The address used without `--addr`.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// The largest request body read.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The request header that simulates a failing token store: `X-Demo-Fail: server`.
pub const DEMO_FAIL_HEADER: &str = "x-demo-fail";

/// The token request's parameters (RFC 6749 §4.4.2). The client's credentials are read
/// by the crate's `ClientForm` extractor from the same form.
#[derive(Debug, Deserialize)]
pub struct TokenParams {
    pub grant_type: Option<String>,
    pub scope: Option<String>,
}

/// A successful token response (RFC 6749 §5.1); fields in the order the demo server
/// writes them.
#[derive(Debug, Serialize)]
pub struct TokenResponse {
    pub access_token: &'static str,
    pub expires_in: u32,
    pub scope: &'static str,
    pub token_type: &'static str,
}

/// What `GET /api/read` and `GET /api/write` answer.
#[derive(Debug, Serialize)]
pub struct Resource {
    pub client_id: &'static str,
    pub resource: &'static str,
    pub scope: &'static str,
}

/// The service's own errors. `From<ApiError> for ErrorResponse` below is the one place
/// they become OAuth errors, so handlers just use `?`.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The client's authentication context decides `invalid_client`'s 401 or 400 (boxed:
    /// a `ClientAuth` holds a whole challenge).
    #[error("no client authentication")]
    NoClient(Box<ClientAuth>),
    #[error("a confidential client sent no secret")]
    NoSecret(Box<ClientAuth>),
    #[error("client authentication failed")]
    BadClient(Box<ClientAuth>),
    #[error("unsupported grant type {0:?}")]
    UnsupportedGrant(String),
    #[error("malformed scope")]
    MalformedScope,
    #[error("unknown scope {0:?}")]
    UnknownScope(String),
    /// An internal failure: its cause is logged, never sent.
    #[error("the token store failed")]
    Store(#[source] io::Error),
}

/// At most 64 characters of request-derived text for a description (the crate's text
/// policy then replaces anything RFC 6749 forbids).
fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(64).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}

impl From<ApiError> for ErrorResponse {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::NoClient(auth) => OAuthError::InvalidClient
                .with_description(error_text!("Client authentication is required"))
                .with_client_auth(*auth),
            ApiError::NoSecret(auth) => OAuthError::InvalidClient
                .with_description(error_text!("client_secret is required for this client"))
                .with_client_auth(*auth),
            // 401 + `Basic realm="demo"` when the client used the header, else 400.
            ApiError::BadClient(auth) => OAuthError::InvalidClient
                .with_description(error_text!("Client authentication failed"))
                .with_client_auth(*auth),
            ApiError::UnsupportedGrant(g) => OAuthError::UnsupportedGrantType
                .with_description(format!("Unsupported grant_type: {}", excerpt(&g))),
            ApiError::MalformedScope => {
                OAuthError::InvalidScope.with_description(error_text!("The scope is malformed"))
            }
            ApiError::UnknownScope(s) => {
                OAuthError::InvalidScope.with_description(format!("Unknown scope: {}", excerpt(&s)))
            }
            ApiError::Store(cause) => OAuthError::ServerError
                .with_description(error_text!("The server encountered an unexpected condition"))
                .with_cause(cause),
        }
    }
}

/// Checks the client's credentials (one answer for an unknown client and a wrong secret).
pub fn authenticate(client: &ClientCredentials) -> Result<(), ApiError> {
    let auth = Box::new(client.client_auth().clone());
    match (client.method(), client.client_id()) {
        (ClientAuthMethod::SecretBasic | ClientAuthMethod::SecretPost, Some(id)) => {
            if id == CLIENT_ID && client.secret_matches(CLIENT_SECRET) {
                Ok(())
            } else {
                Err(ApiError::BadClient(auth))
            }
        }
        (_, None) => Err(ApiError::NoClient(auth)),
        (_, Some(_)) => Err(ApiError::NoSecret(auth)),
    }
}

/// The token store: issues the token for the requested scope; `fail` simulates an outage.
fn store_issue(write: bool, fail: bool) -> io::Result<(&'static str, &'static str)> {
    if fail {
        return Err(io::Error::other("token store connection reset by peer (simulated)"));
    }
    Ok(ACCESS_TOKENS[usize::from(write)])
}

/// `grant_type=client_credentials` (RFC 6749 §4.4) for an authenticated client. No
/// `scope` means `read`.
pub fn issue_token(params: TokenParams, fail: bool) -> Result<TokenResponse, ErrorResponse> {
    let grant_type = params
        .grant_type
        .or_oauth_with(OAuthError::InvalidRequest, error_text!("grant_type is required"))?;
    if grant_type != "client_credentials" {
        return Err(ApiError::UnsupportedGrant(grant_type).into());
    }
    let mut write = false;
    if let Some(scope) = params.scope {
        let scope = Scope::new(scope).map_err(|_| ApiError::MalformedScope)?;
        for token in scope.tokens() {
            match token {
                "read" => {}
                "write" => write = true,
                other => return Err(ApiError::UnknownScope(other.to_owned()).into()),
            }
        }
    }
    let (access_token, scope) = store_issue(write, fail).map_err(ApiError::Store)?;
    Ok(TokenResponse { access_token, expires_in: 3600, scope, token_type: "Bearer" })
}

/// Lets `token` read `resource` if it grants `needed`: `invalid_token` for an unknown
/// token, `insufficient_scope` naming the scope otherwise — with the resource's challenge,
/// which the token knows.
pub fn read_resource(
    token: &AccessToken,
    resource: &'static str,
    needed: &str,
) -> Result<Resource, ErrorResponse> {
    let (_, scope) = ACCESS_TOKENS.iter().find(|(t, _)| *t == token.as_str()).ok_or_else(|| {
        token.reject(
            OAuthError::InvalidToken
                .with_description(error_text!("The access token is invalid, expired or revoked")),
        )
    })?;
    if !scope.split(' ').any(|s| s == needed) {
        return Err(token.insufficient_scope(needed).with_description(error_text!(
            "The access token does not grant the scope this resource requires"
        )));
    }
    Ok(Resource { client_id: CLIENT_ID, resource, scope })
}

/// `[--addr HOST:PORT]` (or `--addr=HOST:PORT`), default [`DEFAULT_ADDR`]; `Err` is the
/// message for a bad command line.
pub fn listen_addr() -> Result<String, String> {
    let mut addr = DEFAULT_ADDR.to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--addr" => addr = args.next().ok_or("--addr needs a value (HOST:PORT)")?,
            other => match other.strip_prefix("--addr=") {
                Some(v) => addr = v.to_owned(),
                None => {
                    return Err(format!("unknown argument: {other}\nusage: [--addr HOST:PORT]"));
                }
            },
        }
    }
    Ok(addr)
}

/// The log level `RUST_LOG` names (`off`, `error`, `warn`, `info`, `debug`, `trace`);
/// `info` when unset or not a level. At `info` the middleware logs 5xx with their cause;
/// `debug` logs every refused request too.
pub fn log_level() -> tracing_subscriber::filter::LevelFilter {
    std::env::var("RUST_LOG")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(tracing_subscriber::filter::LevelFilter::INFO)
}
