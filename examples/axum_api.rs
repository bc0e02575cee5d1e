//! An OAuth token endpoint and a protected API on axum, written the way a service would
//! write them: a `Router`, async handlers, the crate's extractors, `?` on the service's
//! own error type, and a middleware that logs the internal cause of every error.
//!
//! ```text
//! cargo run --example axum_api --features axum
//! cargo run --example axum_api --features axum -- --addr 127.0.0.1:18080
//! ```
//!
//! `RUST_LOG` sets the log level (default `info`: 5xx with their internal cause;
//! `debug`: every refused request).
//!
//! It serves the demo server's client, tokens and answers (byte for byte, checked by
//! `tests/api_examples.rs`):
//!
//! ```text
//! curl -i -u demo-client:demo-secret -d grant_type=client_credentials -d scope=write http://127.0.0.1:8080/token
//! curl -i -u demo-client:wrong -d grant_type=client_credentials http://127.0.0.1:8080/token
//! curl -i -H 'Authorization: Bearer demo-access-token' http://127.0.0.1:8080/api/write
//! curl -i -u demo-client:demo-secret -H 'X-Demo-Fail: server' -d grant_type=client_credentials http://127.0.0.1:8080/token
//! ```
//!
//! The service itself (client, tokens, its `ApiError` and the one `From<ApiError> for
//! ErrorResponse`) is `examples/shared/api_domain.rs`, shared with `actix_api.rs`.

use std::convert::Infallible;
use std::process::ExitCode;

use axum::extract::{DefaultBodyLimit, FromRequestParts};
use axum::http::header::{CACHE_CONTROL, PRAGMA};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router, middleware};
use oauth_errors::extract::{AccessToken, AccessTokenConfig, ClientAuthConfig, ClientForm};
use oauth_errors::{ErrorReport, ErrorResponse};

#[path = "shared/api_domain.rs"]
mod api_domain;

use api_domain::{DEMO_FAIL_HEADER, MAX_BODY_BYTES, REALM, TokenParams};

/// Token responses must not be cached (RFC 6749 §5.1); neither should API data here.
const NO_STORE: [(axum::http::HeaderName, &str); 2] =
    [(CACHE_CONTROL, "no-store"), (PRAGMA, "no-cache")];

/// Whether the request asks for a simulated outage (`X-Demo-Fail: server`), read from the
/// request head in place (taking a `HeaderMap` would copy every header of every request).
struct SimulatedOutage(bool);

impl<S: Send + Sync> FromRequestParts<S> for SimulatedOutage {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(SimulatedOutage(parts.headers.get(DEMO_FAIL_HEADER).is_some_and(|v| v == "server")))
    }
}

/// `POST /token`. `ClientForm` reads the form body once: the client's credentials
/// (Basic or `client_secret_post`; two at once, or a body that is not a form, is rejected
/// with `invalid_request` before this runs) and the token parameters.
async fn token(
    SimulatedOutage(simulate_outage): SimulatedOutage,
    ClientForm { client, form }: ClientForm<TokenParams>,
) -> Result<impl IntoResponse, ErrorResponse> {
    api_domain::authenticate(&client)?;
    let issued = api_domain::issue_token(form, simulate_outage)?;
    Ok((NO_STORE, Json(issued)))
}

/// `GET /api/read`. Without a token the `AccessToken` extractor answers the 401
/// challenge itself; a malformed header is its 400 `invalid_request`.
async fn api_read(token: AccessToken) -> Result<impl IntoResponse, ErrorResponse> {
    Ok((NO_STORE, Json(api_domain::read_resource(&token, "/api/read", "read")?)))
}

/// `GET /api/write`: a `read` token gets 403 `insufficient_scope` with `scope="write"`.
async fn api_write(token: AccessToken) -> Result<impl IntoResponse, ErrorResponse> {
    Ok((NO_STORE, Json(api_domain::read_resource(&token, "/api/write", "write")?)))
}

/// Logs every OAuth error the crate rendered, from the `ErrorReport` it puts into the
/// response extensions: 5xx with the internal cause at error level, the rest at debug.
async fn log_oauth_errors(response: Response) -> Response {
    if let Some(report) = response.extensions().get::<ErrorReport>() {
        if report.is_server_error() {
            tracing::error!(%report, "request failed");
        } else {
            tracing::debug!(%report, "request refused");
        }
    }
    response
}

/// The service: routes, the crate's extractor configuration, the demo's body limit and
/// the logging middleware.
pub fn app() -> Router {
    Router::new()
        .route("/token", post(token))
        .route("/api/read", get(api_read))
        .route("/api/write", get(api_write))
        .layer(Extension(ClientAuthConfig::new(REALM)))
        .layer(Extension(AccessTokenConfig::new(REALM)))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::map_response(log_oauth_errors))
}

#[tokio::main]
async fn main() -> ExitCode {
    let addr = match api_domain::listen_addr() {
        Ok(addr) => addr,
        Err(e) => {
            eprintln!("axum_api: {e}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_max_level(api_domain::log_level())
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("axum_api: cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Ok(bound) = listener.local_addr() {
        println!("axum_api listening on http://{bound}");
    }
    match axum::serve(listener, app()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("axum_api: {e}");
            ExitCode::FAILURE
        }
    }
}
