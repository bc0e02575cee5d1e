//! The demo authorization + resource server's behaviour, framework-free.
//!
//! Every route is a plain function from a [`Request`] (method, headers, raw query, raw
//! body) to an [`Outcome`]. A web framework only has to (1) route [`Route::ALL`] to
//! [`handle`], (2) answer unknown paths with [`not_found`] and known paths with a wrong
//! method with [`method_not_allowed`] (plus an `Allow` header listing [`Route::method`]),
//! (3) read at most [`MAX_BODY_BYTES`] of the body of routes that [read
//! one](Route::reads_body), and (4) turn the [`Outcome`] into its response type: the error
//! variants through the crate's adapters (`IntoResponse` for axum, `Responder` /
//! `ResponseError` for actix-web), [`Success`] through [`Success::to_response`].
//!
//! # The registered client
//!
//! One confidential client: [`CLIENT_ID`] / [`CLIENT_SECRET`], authenticating with
//! `client_secret_basic` or `client_secret_post`; redirect URI [`REDIRECT_URI`] (a
//! loopback URI, so any port is accepted: RFC 8252 §7.3); scopes `read` and `write`.
//!
//! # Choices the demo makes
//!
//! * **Client authentication** (`/token`, `/revoke`). An `Authorization` header is always
//!   treated as an attempt at `client_secret_basic`: a failure is 401 `invalid_client`
//!   with `WWW-Authenticate: Basic realm="demo"` — also for another scheme (`Bearer …`) or
//!   undecodable credentials, since Basic is the only header scheme this server accepts.
//!   Body credentials that fail are 400 `invalid_client` (RFC 6749 §5.2). No client
//!   authentication at all is 400 `invalid_client` (the client is confidential; the
//!   crate answers 401 only when the client used the header). A `client_secret` in the
//!   body together with an `Authorization` header is 400 `invalid_request` (RFC 6749
//!   §2.3: one method per request); a body `client_id` next to Basic credentials is
//!   allowed when it names the same client. Two `Authorization` headers are
//!   `invalid_request`.
//! * **Form parameters** (RFC 6749 §3.1): empty values count as absent; a repeated
//!   parameter is `invalid_request`; a body that is not
//!   `application/x-www-form-urlencoded` (any `charset` parameter is ignored), or whose
//!   decoded values are not UTF-8, is `invalid_request`. The token endpoint ignores the
//!   query string.
//! * **Scopes.** No `scope` means `read`. `demo-access-token` has scope `read`;
//!   `write-access-token` has `read write` (write implies read), so a request for `write`
//!   is answered with `"scope":"read write"` (RFC 6749 §5.1 requires `scope` when it
//!   differs from the request; it is always sent). A malformed scope or a token other
//!   than `read`/`write` is `invalid_scope`. The authorization code grants `read`; the
//!   refresh token may be exchanged for `read` or `write`.
//! * **Device grant.** `device_code` values other than `approved`, `pending`, `slow`,
//!   `expired` and `denied` are `invalid_grant`.
//! * **`X-Demo-Fail`** (`server`, `unavailable`, `ratelimit`, case-insensitive; other
//!   values are ignored) works on every route, before anything else. At `/authorize`,
//!   `ratelimit` is a direct 429 (a rate limiter sits in front of the endpoint), while
//!   `server` and `unavailable` are redirected as `server_error` /
//!   `temporarily_unavailable` once the redirect URI is verified (RFC 6749 §4.1.2.1 defines
//!   those codes for exactly this). At `/api/*` failures render at
//!   [`Endpoint::Api`]: an outage is not a token problem, so no `Bearer` challenge.
//! * **`/authorize`** (GET only). Unknown `client_id` → direct 400 `invalid_client`
//!   (never redirected); missing `client_id`, a missing/unregistered `redirect_uri`, a
//!   repeated `client_id`/`redirect_uri`, an undecodable query or an unknown
//!   `response_mode` → direct 400 `invalid_request`. Everything else is redirected with
//!   `iss` and (when valid) `state`. `prompt` accepts `none` (always `login_required`:
//!   the demo has no sessions), `login`, `consent`, `select_account`; `none` combined
//!   with another value, or an unknown value, is `invalid_request`. Success redirects are
//!   303 with `code=good-code`, `state`, `iss` (or a 200 `form_post` page).
//! * **`/api/*`.** No `Authorization` header, or one with another well-formed scheme
//!   (`Basic …`), is the 401 challenge without error information (RFC 6750 §3.1: no
//!   usable credentials). A header that is not `Bearer <b64token>` (or a repeated header)
//!   is 400 `invalid_request` with the challenge. Tokens in the query or body are not
//!   supported (RFC 6750 §2.3 discourages them) and are ignored.
//! * **`/revoke`** answers 200 with an empty body (RFC 7009 §2.2).
//! * **`/register`** (RFC 7591) needs `Content-Type: application/json`; it validates
//!   `redirect_uris` (required unless `grant_types` has no redirect-based grant),
//!   `token_endpoint_auth_method`, `grant_types`, `response_types`, `scope` and
//!   `client_name`, and answers 201 with a fixed `client_id` (the demo stores nothing).
//! * **Unknown paths** are 404 `{"error":"not_found"}` and wrong methods 405
//!   `{"error":"method_not_allowed"}` (with `Allow`), both rendered at [`Endpoint::Api`].
//! * **Bodies** over [`MAX_BODY_BYTES`] are 413 `invalid_request`.

#![allow(dead_code)]

#[path = "http_util.rs"]
pub mod http_util;

use std::borrow::Cow;
use std::net::SocketAddr;

use bytes::Bytes;
use http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION, PRAGMA};
use http::{HeaderMap, HeaderValue, Method, Response, StatusCode};
use oauth_errors::authorize::{
    AuthorizationError, Issuer, ResponseMode, ResponseModeError, State, UriError,
    VerifiedRedirectUri, verify_redirect_uri,
};
use oauth_errors::{
    AuthenticationRequired, Challenge, Endpoint, ErrorResponse, ErrorStatus, OAuthError, Rejection,
    Scope, error_text,
};
use serde_json::{Map, Value, json};

use oauth_errors::extract::{
    AccessTokenConfig, ClientAuthConfig, ClientAuthMethod, ClientCredentials, FormParams as Params,
};

use self::http_util::{constant_time_eq, content_type_is};

/// The registered client's identifier.
pub const CLIENT_ID: &str = "demo-client";
/// The registered client's secret.
pub const CLIENT_SECRET: &str = "demo-secret";
/// The registered client's only redirect URI.
pub const REDIRECT_URI: &str = "http://127.0.0.1:9999/cb";
/// The address used when none is given.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// The realm of every challenge.
pub const REALM: &str = "demo";
/// The authorization code `/authorize` issues and `/token` accepts.
pub const GOOD_CODE: &str = "good-code";
/// The refresh token `/token` accepts.
pub const GOOD_REFRESH: &str = "good-refresh";
/// The device-code grant type (RFC 8628 §3.4).
pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";
/// The request header that simulates failures: `server`, `unavailable`, `ratelimit`.
pub const DEMO_FAIL_HEADER: &str = "x-demo-fail";
/// The internal cause attached to `X-Demo-Fail: server`: logged, never sent.
pub const INTERNAL_CAUSE: &str = "token store connection reset by peer (simulated by X-Demo-Fail)";
/// `Retry-After` seconds for `X-Demo-Fail: unavailable`.
pub const UNAVAILABLE_RETRY_AFTER: u64 = 30;
/// `Retry-After` seconds for `X-Demo-Fail: ratelimit`.
pub const RATELIMIT_RETRY_AFTER: u64 = 10;
/// The largest request body read, in bytes (frameworks must enforce it: axum's default
/// is 2 MiB, actix-web's `Bytes` extractor 256 KiB).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The access tokens the resource server accepts, with their scopes.
pub const ACCESS_TOKENS: [(&str, &str); 2] =
    [("demo-access-token", "read"), ("write-access-token", "read write")];

/// Server configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The listening address.
    pub addr: SocketAddr,
    /// `http://<addr>`, sent as `iss` (RFC 9207).
    pub issuer: Issuer,
    /// The challenge realm.
    pub realm: Cow<'static, str>,
}

impl Config {
    /// The configuration for a server listening on `addr`.
    ///
    /// # Errors
    ///
    /// [`UriError`] if `http://<addr>` is not a valid issuer (it always is for a
    /// socket address).
    pub fn new(addr: SocketAddr) -> Result<Config, UriError> {
        // The demo serves plain HTTP on whatever address it is given: a development
        // deployment, so it opts in to an `http` issuer beyond loopback explicitly.
        let issuer = Issuer::insecure_http(&format!("http://{addr}"))?;
        Ok(Config { addr, issuer, realm: Cow::Borrowed(REALM) })
    }

    fn bearer(&self) -> Challenge {
        Challenge::bearer().realm(self.realm.clone())
    }
}

/// The parts of an HTTP request the demo looks at.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The method.
    pub method: &'a Method,
    /// The request headers.
    pub headers: &'a HeaderMap,
    /// The raw (still percent-encoded) query string, without `?`.
    pub query: Option<&'a str>,
    /// The raw body (empty for routes that do not read one).
    pub body: &'a [u8],
}

/// The demo's routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `POST /token`.
    Token,
    /// `GET /authorize`.
    Authorize,
    /// `GET /api/read` (scope `read`).
    ApiRead,
    /// `GET /api/write` (scope `write`).
    ApiWrite,
    /// `POST /revoke`.
    Revoke,
    /// `POST /register`.
    Register,
}

impl Route {
    /// Every route.
    pub const ALL: [Route; 6] = [
        Route::Token,
        Route::Authorize,
        Route::ApiRead,
        Route::ApiWrite,
        Route::Revoke,
        Route::Register,
    ];

    /// The path.
    pub fn path(self) -> &'static str {
        match self {
            Route::Token => "/token",
            Route::Authorize => "/authorize",
            Route::ApiRead => "/api/read",
            Route::ApiWrite => "/api/write",
            Route::Revoke => "/revoke",
            Route::Register => "/register",
        }
    }

    /// The one method the route answers (`GET` routes answer `HEAD` too where the
    /// framework does so automatically).
    pub fn method(self) -> Method {
        match self {
            Route::Authorize | Route::ApiRead | Route::ApiWrite => Method::GET,
            Route::Token | Route::Revoke | Route::Register => Method::POST,
        }
    }

    /// Whether the route reads the request body.
    pub fn reads_body(self) -> bool {
        self.method() == Method::POST
    }

    /// The endpoint its errors render at.
    pub fn endpoint(self) -> Endpoint {
        match self {
            Route::Token => Endpoint::Token,
            Route::Authorize => Endpoint::Authorization,
            Route::ApiRead | Route::ApiWrite => Endpoint::Resource,
            Route::Revoke => Endpoint::Revocation,
            Route::Register => Endpoint::Registration,
        }
    }

    /// The route at `path`, if any.
    /// The methods the route answers, for `Allow` (`HEAD` on every `GET` route).
    pub fn allowed_methods(self) -> Vec<Method> {
        let mut methods = vec![self.method()];
        if self.method() == Method::GET {
            methods.push(Method::HEAD);
        }
        methods
    }

    pub fn from_path(path: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.path() == path)
    }
}

/// What a route answers. Error variants must be rendered through the crate's framework
/// adapters; [`Success`] through [`Success::to_response`].
#[derive(Debug)]
pub enum Outcome {
    /// A successful response.
    Success(Success),
    /// A JSON error at the endpoint set on it (`ErrorResponse::at`).
    Error(ErrorResponse),
    /// An authorization error delivered to the verified redirect URI.
    Authorize(AuthorizationError),
    /// An authorization-endpoint error that must **not** be redirected (unknown client,
    /// bad redirect URI): a direct 400 at [`Endpoint::Authorization`].
    Direct(ErrorResponse),
    /// 401 with a challenge and no error information (no usable credentials).
    AuthRequired(AuthenticationRequired),
    /// What the crate's access-token reader rejected the request with.
    Rejected(Rejection),
}

/// A successful response, framework-free.
#[derive(Debug, Clone, PartialEq)]
pub enum Success {
    /// A JSON body, sent with `Cache-Control: no-store` and `Pragma: no-cache`
    /// (RFC 6749 §5.1).
    Json(StatusCode, Value),
    /// No body, with `Cache-Control: no-store`.
    Empty(StatusCode),
    /// A 303 redirect to this `Location`, with `Cache-Control: no-store`.
    Redirect(String),
    /// A 200 `form_post` page, with `Cache-Control: no-store`.
    FormPost(String),
}

impl Success {
    /// The response.
    pub fn to_response(&self) -> Response<Bytes> {
        let (status, content_type, body) = match self {
            Success::Json(status, value) => (
                *status,
                Some("application/json"),
                Bytes::from(serde_json::to_vec(value).unwrap_or_default()),
            ),
            Success::Empty(status) => (*status, None, Bytes::new()),
            Success::Redirect(_) => (StatusCode::SEE_OTHER, None, Bytes::new()),
            Success::FormPost(html) => {
                (StatusCode::OK, Some("text/html;charset=utf-8"), Bytes::from(html.clone()))
            }
        };
        let mut response = Response::new(body);
        *response.status_mut() = status;
        let h = response.headers_mut();
        if let Some(ct) = content_type {
            h.insert(CONTENT_TYPE, HeaderValue::from_static(ct));
        }
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(PRAGMA, HeaderValue::from_static("no-cache"));
        if let Success::Redirect(location) = self {
            // The verified redirect URI is printable ASCII and the parameters are
            // percent-encoded, so this cannot fail; the guard keeps it total anyway.
            if let Ok(v) = HeaderValue::from_str(location) {
                h.insert(LOCATION, v);
            }
        }
        response
    }
}

impl From<Success> for Outcome {
    fn from(s: Success) -> Self {
        Outcome::Success(s)
    }
}

/// Dispatches to the route's function.
pub fn handle(route: Route, config: &Config, req: &Request<'_>) -> Outcome {
    match route {
        Route::Token => token(config, req),
        Route::Authorize => authorize(config, req),
        Route::ApiRead => api(config, req, Route::ApiRead),
        Route::ApiWrite => api(config, req, Route::ApiWrite),
        Route::Revoke => revoke(config, req),
        Route::Register => register(config, req),
    }
}

/// 404 for an unknown path.
pub fn not_found() -> Outcome {
    Outcome::Error(
        OAuthError::NotFound.with_description(error_text!("No such endpoint")).at(Endpoint::Api),
    )
}

/// 405 for a known path with the wrong method (the framework adds `Allow`).
pub fn method_not_allowed(route: Route) -> Outcome {
    Outcome::Error(
        OAuthError::MethodNotAllowed
            .with_description(error_text!("The method is not allowed for this endpoint"))
            .with_allow(route.allowed_methods())
            .at(Endpoint::Api),
    )
}

/// 413 for a body over [`MAX_BODY_BYTES`].
pub fn body_too_large(route: Route) -> Outcome {
    Outcome::Error(
        OAuthError::InvalidRequest
            .with_description(error_text!("The request body is too large"))
            .with_status(ErrorStatus::PAYLOAD_TOO_LARGE)
            .at(route.endpoint()),
    )
}

/// 400 for a body that could not be read.
pub fn body_unreadable(route: Route) -> Outcome {
    Outcome::Error(
        OAuthError::InvalidRequest
            .with_description(error_text!("The request body could not be read"))
            .at(route.endpoint()),
    )
}

// ---------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------

/// A simulated failure requested with `X-Demo-Fail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    Server,
    Unavailable,
    RateLimit,
}

fn demo_failure(headers: &HeaderMap) -> Option<Failure> {
    let v = headers.get(DEMO_FAIL_HEADER)?.to_str().ok()?.trim();
    [
        ("server", Failure::Server),
        ("unavailable", Failure::Unavailable),
        ("ratelimit", Failure::RateLimit),
    ]
    .into_iter()
    .find(|(name, _)| v.eq_ignore_ascii_case(name))
    .map(|(_, f)| f)
}

fn failure_error(failure: Failure) -> ErrorResponse {
    match failure {
        Failure::Server => OAuthError::ServerError
            .with_description(error_text!("The server encountered an unexpected condition"))
            .with_cause(std::io::Error::other(INTERNAL_CAUSE)),
        Failure::Unavailable => OAuthError::TemporarilyUnavailable
            .with_description(error_text!("The service is temporarily unavailable"))
            .with_retry_after(UNAVAILABLE_RETRY_AFTER),
        Failure::RateLimit => OAuthError::TooManyRequests
            .with_description(error_text!("Too many requests, slow down"))
            .with_retry_after(RATELIMIT_RETRY_AFTER),
    }
}

/// At most 64 characters of request-derived text for a description (the crate's lossy
/// text policy then replaces anything RFC 6749 forbids).
fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(64).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}

fn invalid_request(description: impl Into<oauth_errors::text::ErrorText>) -> ErrorResponse {
    OAuthError::InvalidRequest.with_description(description)
}

/// Reads an `application/x-www-form-urlencoded` body with the crate's strict reader
/// (`FormParams::from_body`: the right `Content-Type`, UTF-8, no repeated parameter).
fn form_body(req: &Request<'_>) -> Result<Params, ErrorResponse> {
    Ok(Params::from_body(req.headers, req.body)?)
}

/// Authenticates the client (RFC 6749 §2.3) from the credentials the crate reads
/// (`ClientCredentials::extract`). See the module docs for the rules.
fn authenticate_client(
    config: &Config,
    headers: &HeaderMap,
    params: &Params,
) -> Result<(), ErrorResponse> {
    let client_auth = ClientAuthConfig::new(config.realm.clone());
    let client = ClientCredentials::extract(&client_auth, headers, params)?;
    match (client.method(), client.client_id()) {
        (ClientAuthMethod::SecretBasic | ClientAuthMethod::SecretPost, Some(id)) => {
            // One answer for an unknown client and a wrong secret: nothing to probe.
            let ok = constant_time_eq(id.as_bytes(), CLIENT_ID.as_bytes())
                & client.secret_matches(CLIENT_SECRET);
            if ok {
                Ok(())
            } else {
                Err(client
                    .invalid_client()
                    .with_description(error_text!("Client authentication failed")))
            }
        }
        (_, None) => Err(client
            .invalid_client()
            .with_description(error_text!("Client authentication is required"))),
        (_, Some(_)) => Err(client
            .invalid_client()
            .with_description(error_text!("client_secret is required for this client"))),
    }
}

/// Whether a requested scope asks for `write`; `None` means the default, `read`.
fn requested_scope(scope: Option<&str>) -> Result<bool, ErrorResponse> {
    let Some(scope) = scope else { return Ok(false) };
    let scope = Scope::new(scope.to_owned()).map_err(|_| {
        OAuthError::InvalidScope.with_description(error_text!("The scope is malformed"))
    })?;
    let mut write = false;
    for token in scope.tokens() {
        match token {
            "read" => {}
            "write" => write = true,
            other => {
                return Err(OAuthError::InvalidScope
                    .with_description(format!("Unknown scope: {}", excerpt(other))));
            }
        }
    }
    Ok(write)
}

fn issue_token(write: bool) -> Outcome {
    let (token, scope) = ACCESS_TOKENS[usize::from(write)];
    Success::Json(
        StatusCode::OK,
        json!({
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": 3600,
            "scope": scope,
        }),
    )
    .into()
}

fn required<'p>(params: &'p Params, name: &'static str) -> Result<&'p str, ErrorResponse> {
    params.get(name).ok_or_else(|| invalid_request(format!("{name} is required")))
}

// ---------------------------------------------------------------------------------------
// POST /token
// ---------------------------------------------------------------------------------------

/// `POST /token` (RFC 6749 §3.2, §4.1.3, §4.4, §6; RFC 8628 §3.4).
pub fn token(config: &Config, req: &Request<'_>) -> Outcome {
    match token_result(config, req) {
        Ok(outcome) => outcome,
        Err(e) => Outcome::Error(e.at(Endpoint::Token)),
    }
}

fn token_result(config: &Config, req: &Request<'_>) -> Result<Outcome, ErrorResponse> {
    if let Some(failure) = demo_failure(req.headers) {
        return Err(failure_error(failure));
    }
    let params = form_body(req)?;
    authenticate_client(config, req.headers, &params)?;
    let grant_type = params
        .get("grant_type")
        .ok_or_else(|| invalid_request(error_text!("grant_type is required")))?;
    match grant_type {
        "client_credentials" => Ok(issue_token(requested_scope(params.get("scope"))?)),
        "authorization_code" => {
            let code = required(&params, "code")?;
            if code != GOOD_CODE {
                return Err(OAuthError::InvalidGrant.with_description(error_text!(
                    "The authorization code is invalid, expired or was issued to another client"
                )));
            }
            if let Some(uri) = params.get("redirect_uri") {
                if verify_redirect_uri(Some(uri), &[REDIRECT_URI]).is_err() {
                    return Err(OAuthError::InvalidGrant.with_description(error_text!(
                        "redirect_uri does not match the authorization request"
                    )));
                }
            }
            Ok(issue_token(false))
        }
        "refresh_token" => {
            let refresh = required(&params, "refresh_token")?;
            if refresh != GOOD_REFRESH {
                return Err(OAuthError::InvalidGrant.with_description(error_text!(
                    "The refresh token is invalid, expired or revoked"
                )));
            }
            Ok(issue_token(requested_scope(params.get("scope"))?))
        }
        DEVICE_CODE_GRANT => {
            let device_code = required(&params, "device_code")?;
            Err(match device_code {
                "approved" => return Ok(issue_token(false)),
                "pending" => OAuthError::AuthorizationPending.with_description(error_text!(
                    "The user has not yet completed the authorization"
                )),
                "slow" => OAuthError::SlowDown.with_description(error_text!(
                    "Polling too fast: add 5 seconds to the interval"
                )),
                "expired" => OAuthError::ExpiredToken
                    .with_description(error_text!("The device_code has expired")),
                "denied" => OAuthError::AccessDenied
                    .with_description(error_text!("The user denied the authorization request")),
                _ => OAuthError::InvalidGrant.with_description(error_text!("Unknown device_code")),
            })
        }
        "password" => Err(OAuthError::UnauthorizedClient
            .with_description(error_text!("This client may not use the password grant"))),
        other => Err(OAuthError::UnsupportedGrantType
            .with_description(format!("Unsupported grant_type: {}", excerpt(other)))),
    }
}

// ---------------------------------------------------------------------------------------
// GET /authorize
// ---------------------------------------------------------------------------------------

/// `GET /authorize` (RFC 6749 §4.1.1, §4.1.2; OIDC Core §3.1.2; RFC 9207; Form Post
/// Response Mode).
pub fn authorize(config: &Config, req: &Request<'_>) -> Outcome {
    let direct = |e: ErrorResponse| Outcome::Direct(e.at(Endpoint::Authorization));
    if demo_failure(req.headers) == Some(Failure::RateLimit) {
        return direct(failure_error(Failure::RateLimit));
    }
    let Ok(params) = Params::parse(req.query.unwrap_or_default().as_bytes()) else {
        return direct(invalid_request(error_text!("The query string is not UTF-8 form data")));
    };

    // Who is asking, and where may we answer? Until both are verified, nothing is
    // redirected (RFC 6749 §4.1.2.1).
    if params.is_repeated("client_id") || params.is_repeated("redirect_uri") {
        return direct(invalid_request(error_text!("client_id or redirect_uri is repeated")));
    }
    let Some(client_id) = params.get("client_id") else {
        return direct(invalid_request(error_text!("client_id is required")));
    };
    if client_id != CLIENT_ID {
        return direct(
            OAuthError::InvalidClient.with_description(error_text!("Unknown client_id")),
        );
    }
    let redirect = match verify_redirect_uri(params.get("redirect_uri"), &[REDIRECT_URI]) {
        Ok(uri) => uri,
        Err(e) => return Outcome::Direct(e.to_error()),
    };
    let response_type = params.get("response_type");
    let mode = match ResponseMode::from_request(params.get("response_mode"), response_type) {
        Ok(mode) => mode,
        Err(ResponseModeError::QueryNotAllowed) => {
            let mode = ResponseMode::default_for(response_type);
            let err = invalid_request(error_text!(
                "response_mode=query is not allowed for this response_type"
            ));
            return redirect_error(config, &redirect, mode, err, None);
        }
        // An unknown mode gives no way to deliver a response: answer directly. OpenID
        // Connect Core §3.1.2.6 prescribes a plain 400 without error parameters
        // (`ResponseModeError::to_response`); the demo sends `invalid_request` JSON instead
        // so that every malformed request gets an OAuth error a client can read.
        Err(_) => return direct(invalid_request(error_text!("Unsupported response_mode"))),
    };

    // From here on, errors go back to the client.
    let state = match params.get("state") {
        _ if params.is_repeated("state") => {
            let err = invalid_request(error_text!("state is repeated"));
            return redirect_error(config, &redirect, mode, err, None);
        }
        None => None,
        Some(s) => match State::new(s.to_owned()) {
            Ok(state) => Some(state),
            Err(_) => {
                let err = invalid_request(error_text!(
                    "state must be 1 to 4096 printable ASCII characters"
                ));
                return redirect_error(config, &redirect, mode, err, None);
            }
        },
    };
    match authorize_checks(req, &params, response_type) {
        Ok(()) => authorize_success(config, &redirect, mode, state.as_ref()),
        Err(err) => redirect_error(config, &redirect, mode, err, state),
    }
}

fn authorize_checks(
    req: &Request<'_>,
    params: &Params,
    response_type: Option<&str>,
) -> Result<(), ErrorResponse> {
    if let Some(name) = params.repeated() {
        return Err(invalid_request(format!("Parameter {} is repeated", excerpt(name))));
    }
    if let Some(failure) = demo_failure(req.headers) {
        return Err(failure_error(failure));
    }
    match response_type {
        None => return Err(invalid_request(error_text!("response_type is required"))),
        Some("code") => {}
        Some(other) => {
            return Err(OAuthError::UnsupportedResponseType
                .with_description(format!("Unsupported response_type: {}", excerpt(other))));
        }
    }
    requested_scope(params.get("scope"))?;
    if let Some(prompt) = params.get("prompt") {
        let values: Vec<&str> = prompt.split(' ').filter(|v| !v.is_empty()).collect();
        if let Some(bad) =
            values.iter().find(|v| !matches!(**v, "none" | "login" | "consent" | "select_account"))
        {
            return Err(invalid_request(format!("Unsupported prompt value: {}", excerpt(bad))));
        }
        if values.contains(&"none") {
            if values.len() > 1 {
                return Err(invalid_request(error_text!(
                    "prompt=none cannot be combined with other values"
                )));
            }
            return Err(OAuthError::LoginRequired
                .with_description(error_text!("The user is not logged in")));
        }
    }
    Ok(())
}

fn redirect_error(
    config: &Config,
    redirect: &VerifiedRedirectUri,
    mode: ResponseMode,
    err: ErrorResponse,
    state: Option<State>,
) -> Outcome {
    let mut e = AuthorizationError::new(err.at(Endpoint::Authorization), redirect.clone())
        .mode(mode)
        .issuer(config.issuer.clone());
    if let Some(state) = state {
        e = e.state(state);
    }
    Outcome::Authorize(e)
}

fn authorize_success(
    config: &Config,
    redirect: &VerifiedRedirectUri,
    mode: ResponseMode,
    state: Option<&State>,
) -> Outcome {
    let mut params = vec![("code", GOOD_CODE)];
    if let Some(state) = state {
        params.push(("state", state.as_str()));
    }
    params.push(("iss", config.issuer.as_str()));
    let base = redirect.as_str();
    match mode {
        ResponseMode::Fragment => Success::Redirect(http_util::append_fragment(base, &params)),
        ResponseMode::FormPost => Success::FormPost(form_post_page(base, &params)),
        _ => Success::Redirect(http_util::append_query(base, &params)),
    }
    .into()
}

/// The same auto-submitting page the crate renders for `form_post` errors.
pub fn form_post_page(action: &str, params: &[(&str, &str)]) -> String {
    let mut html = String::with_capacity(512);
    html.push_str(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Submit This Form</title></head>\n\
         <body onload=\"document.forms[0].submit()\">\n<form method=\"post\" action=\"",
    );
    http_util::html_escape(&mut html, action);
    html.push_str("\">\n");
    for (name, value) in params {
        html.push_str("<input type=\"hidden\" name=\"");
        http_util::html_escape(&mut html, name);
        html.push_str("\" value=\"");
        http_util::html_escape(&mut html, value);
        html.push_str("\"/>\n");
    }
    html.push_str(
        "<noscript><button type=\"submit\">Continue</button></noscript>\n</form>\n</body></html>\n",
    );
    html
}

// ---------------------------------------------------------------------------------------
// GET /api/read, /api/write
// ---------------------------------------------------------------------------------------

/// `GET /api/read` and `GET /api/write` (RFC 6750 §3), with the access token read by
/// the crate (`AccessTokenConfig::extract`).
pub fn api(config: &Config, req: &Request<'_>, route: Route) -> Outcome {
    if let Some(failure) = demo_failure(req.headers) {
        return Outcome::Error(failure_error(failure).at(Endpoint::Api));
    }
    let needed = if route == Route::ApiWrite { "write" } else { "read" };
    let token = match AccessTokenConfig::new(config.realm.clone()).extract(req.headers) {
        Ok(token) => token,
        Err(rejection) => return Outcome::Rejected(rejection),
    };
    let Some((_, scope)) = ACCESS_TOKENS.iter().find(|(t, _)| *t == token.as_str()) else {
        return Outcome::Error(
            token.reject(
                OAuthError::InvalidToken.with_description(error_text!(
                    "The access token is invalid, expired or revoked"
                )),
            ),
        );
    };
    if !scope.split(' ').any(|s| s == needed) {
        // `token.insufficient_scope(needed)` in short: the scope needed goes into the challenge.
        let err = OAuthError::InsufficientScope.with_description(error_text!(
            "The access token does not grant the scope this resource requires"
        ));
        return Outcome::Error(token.reject_with(err, |challenge| challenge.scope(needed)));
    }
    Success::Json(
        StatusCode::OK,
        json!({ "resource": route.path(), "scope": scope, "client_id": CLIENT_ID }),
    )
    .into()
}

// ---------------------------------------------------------------------------------------
// POST /revoke
// ---------------------------------------------------------------------------------------

/// `POST /revoke` (RFC 7009).
pub fn revoke(config: &Config, req: &Request<'_>) -> Outcome {
    let result = (|| {
        if let Some(failure) = demo_failure(req.headers) {
            return Err(failure_error(failure));
        }
        let params = form_body(req)?;
        authenticate_client(config, req.headers, &params)?;
        let token = required(&params, "token")?;
        if token.starts_with("unsupported-") {
            return Err(OAuthError::UnsupportedTokenType
                .with_description(error_text!("Revocation of this token type is not supported")));
        }
        // RFC 7009 §2.2: 200 whether or not the token was valid.
        Ok(Success::Empty(StatusCode::OK).into())
    })();
    result.unwrap_or_else(|e| Outcome::Error(e.at(Endpoint::Revocation)))
}

// ---------------------------------------------------------------------------------------
// POST /register
// ---------------------------------------------------------------------------------------

/// The `client_id` every successful registration returns.
pub const REGISTERED_CLIENT_ID: &str = "registered-client";
/// The `client_secret` every successful confidential registration returns.
pub const REGISTERED_CLIENT_SECRET: &str = "registered-secret";

const AUTH_METHODS: [&str; 3] = ["client_secret_basic", "client_secret_post", "none"];
const GRANT_TYPES: [&str; 4] =
    ["authorization_code", "refresh_token", "client_credentials", DEVICE_CODE_GRANT];

/// Whether `uri` may be registered: an absolute `https` URI, or `http` on a loopback IP
/// literal (RFC 8252 §7.3), printable ASCII without a fragment or userinfo.
pub fn registrable_redirect_uri(uri: &str) -> bool {
    if uri.len() > 2048 || !uri.bytes().all(|b| (0x21..0x7F).contains(&b)) || uri.contains('#') {
        return false;
    }
    let lower = uri.to_ascii_lowercase();
    let (https, rest) = match (lower.strip_prefix("https://"), lower.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => return false,
    };
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    if authority.contains('@') {
        return false;
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((h, p)) => (h, p),
            None => return false,
        },
        None => authority.split_at(authority.find(':').unwrap_or(authority.len())),
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    !host.is_empty() && port_ok && (https || host == "127.0.0.1" || host == "::1")
}

fn string_array(value: &Value) -> Option<Vec<&str>> {
    value.as_array()?.iter().map(Value::as_str).collect()
}

/// `POST /register` (RFC 7591 §3).
pub fn register(_config: &Config, req: &Request<'_>) -> Outcome {
    register_result(req).unwrap_or_else(|e| Outcome::Error(e.at(Endpoint::Registration)))
}

fn register_result(req: &Request<'_>) -> Result<Outcome, ErrorResponse> {
    if let Some(failure) = demo_failure(req.headers) {
        return Err(failure_error(failure));
    }
    if !content_type_is(req.headers, "application/json") {
        return Err(invalid_request(error_text!("The request body must be application/json")));
    }
    let metadata: Value = serde_json::from_slice(req.body)
        .map_err(|_| invalid_request(error_text!("The request body is not valid JSON")))?;
    let Some(metadata) = metadata.as_object() else {
        return Err(invalid_request(error_text!("The request body must be a JSON object")));
    };
    let bad_metadata =
        |d: oauth_errors::text::ErrorText| OAuthError::InvalidClientMetadata.with_description(d);

    let auth_method = match metadata.get("token_endpoint_auth_method") {
        None => "client_secret_basic",
        Some(v) => v
            .as_str()
            .filter(|m| AUTH_METHODS.contains(m))
            .ok_or_else(|| bad_metadata(error_text!("Unsupported token_endpoint_auth_method")))?,
    };
    let grant_types = match metadata.get("grant_types") {
        None => vec!["authorization_code"],
        Some(v) => string_array(v)
            .filter(|g| !g.is_empty() && g.iter().all(|g| GRANT_TYPES.contains(g)))
            .ok_or_else(|| bad_metadata(error_text!("Unsupported grant_types")))?,
    };
    let response_types = match metadata.get("response_types") {
        None => vec!["code"],
        Some(v) => string_array(v)
            .filter(|r| r.iter().all(|r| *r == "code"))
            .ok_or_else(|| bad_metadata(error_text!("Unsupported response_types")))?,
    };
    let redirect_uris = match metadata.get("redirect_uris") {
        None if !grant_types.contains(&"authorization_code") => Vec::new(),
        None => {
            return Err(OAuthError::InvalidRedirectUri.with_description(error_text!(
                "redirect_uris is required for the authorization_code grant"
            )));
        }
        Some(v) => string_array(v).filter(|u| !u.is_empty()).ok_or_else(|| {
            OAuthError::InvalidRedirectUri
                .with_description(error_text!("redirect_uris must be a non-empty array of strings"))
        })?,
    };
    if !redirect_uris.iter().all(|u| registrable_redirect_uri(u)) {
        return Err(OAuthError::InvalidRedirectUri.with_description(error_text!(
            "Redirect URIs must be absolute https URIs, or http URIs on a loopback address, without a fragment"
        )));
    }

    let mut out = Map::new();
    out.insert("client_id".into(), REGISTERED_CLIENT_ID.into());
    if auth_method != "none" {
        out.insert("client_secret".into(), REGISTERED_CLIENT_SECRET.into());
        out.insert("client_secret_expires_at".into(), 0.into());
    }
    out.insert("token_endpoint_auth_method".into(), auth_method.into());
    out.insert("grant_types".into(), grant_types.into());
    out.insert("response_types".into(), response_types.into());
    if !redirect_uris.is_empty() {
        out.insert("redirect_uris".into(), redirect_uris.into());
    }
    if let Some(v) = metadata.get("scope") {
        let scope = v
            .as_str()
            .filter(|s| requested_scope(Some(s)).is_ok())
            .ok_or_else(|| bad_metadata(error_text!("scope must be read, write or read write")))?;
        out.insert("scope".into(), scope.into());
    }
    if let Some(v) = metadata.get("client_name") {
        let name = v.as_str().filter(|n| !n.is_empty() && n.len() <= 256).ok_or_else(|| {
            bad_metadata(error_text!("client_name must be a string of 1 to 256 bytes"))
        })?;
        out.insert("client_name".into(), name.into());
    }
    Ok(Success::Json(StatusCode::CREATED, Value::Object(out)).into())
}
