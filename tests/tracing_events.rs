//! The `tracing` hook: one event per rendered error, target `oauth_errors`, ERROR with
//! the internal cause for 5xx, WARN when the response lacks what its code needs, DEBUG
//! for everything else; `status` is the status sent and `error_status` the error's own;
//! nothing for `to_body()` or `resolve_status()`; and the cause never reaches the wire.
//!
//! A tiny capturing [`Subscriber`] is installed per test with
//! [`tracing::subscriber::with_default`] (thread-local, so tests run in parallel safely).

use std::collections::BTreeMap;
use std::error::Error as StdError;
use std::fmt;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use oauth_errors::authorize::{
    AuthorizationError, RedirectStatus, RedirectUriError, ResponseMode, VerifiedRedirectUri,
    verify_redirect_uri,
};
use oauth_errors::{
    AuthenticationRequired, Challenge, ClientAuth, Contract, DpopNonce, Endpoint, ErrorResponse,
    ErrorStatus, OAuthError, ProblemJson, ResultExt,
};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

// ---------------------------------------------------------------------------------------
// The capturing subscriber
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Captured {
    level: Level,
    target: String,
    fields: BTreeMap<String, String>,
}

impl Captured {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<Captured>>>);

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
    fn record_error(&mut self, field: &Field, value: &(dyn StdError + 'static)) {
        let mut text = value.to_string();
        let mut source = value.source();
        while let Some(s) = source {
            text.push_str(": ");
            text.push_str(&s.to_string());
            source = s.source();
        }
        self.0.insert(field.name().to_owned(), text);
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        let meta = event.metadata();
        self.0.lock().expect("capture lock").push(Captured {
            level: *meta.level(),
            target: meta.target().to_owned(),
            fields,
        });
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

/// Runs `f` with a fresh capturing subscriber; returns its result and the events.
fn capture<R>(f: impl FnOnce() -> R) -> (R, Vec<Captured>) {
    let c = Capture::default();
    let r = tracing::subscriber::with_default(c.clone(), f);
    let events = std::mem::take(&mut *c.0.lock().expect("capture lock"));
    (r, events)
}

/// Exactly one event, at `level`, target `oauth_errors`.
fn one(events: &[Captured], level: Level) -> &Captured {
    assert_eq!(events.len(), 1, "expected exactly one event, got {events:#?}");
    let e = &events[0];
    assert_eq!(e.level, level, "{e:#?}");
    assert_eq!(e.target, "oauth_errors", "{e:#?}");
    e
}

// ---------------------------------------------------------------------------------------
// Causes with unmistakable text
// ---------------------------------------------------------------------------------------

const SECRET: &str = "SECRET-7f3a: connection to db-primary.internal:5432 refused";
const INNER: &str = "INNER-SECRET-9c1e: tls handshake failed";

#[derive(Debug)]
struct Inner;
impl fmt::Display for Inner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(INNER)
    }
}
impl StdError for Inner {}

#[derive(Debug)]
struct DbError {
    inner: Inner,
}
impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(SECRET)
    }
}
impl StdError for DbError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.inner)
    }
}

fn db_error() -> DbError {
    DbError { inner: Inner }
}

/// Neither the cause's text (nor its source's) appears anywhere in the response.
fn assert_no_cause_on_wire(r: &http::Response<Bytes>) {
    let mut wire = String::from_utf8_lossy(r.body()).into_owned();
    for (n, v) in r.headers() {
        wire.push_str(&format!("\n{n}: {}", String::from_utf8_lossy(v.as_bytes())));
    }
    for secret in ["SECRET-7f3a", "db-primary", "INNER-SECRET", "tls handshake"] {
        assert!(!wire.contains(secret), "{secret:?} leaked into the response:\n{wire}");
    }
}

fn verified() -> VerifiedRedirectUri {
    verify_redirect_uri(None, &["https://client.example.com/cb"]).expect("one registered URI")
}

static PROBLEM: std::sync::LazyLock<Contract> = std::sync::LazyLock::new(|| {
    Contract::builder().format(ProblemJson::new()).member("api_version", "v2").build()
});

// ---------------------------------------------------------------------------------------
// 5xx: ERROR with the cause
// ---------------------------------------------------------------------------------------

#[test]
fn server_error_is_one_error_event_with_the_cause() {
    let err = OAuthError::ServerError.with_description("try later").with_cause(db_error());
    let (r, events) = capture(|| err.response());
    assert_eq!(r.status(), 500);
    let e = one(&events, Level::ERROR);
    assert_eq!(e.field("error"), Some("server_error"));
    assert_eq!(e.field("status"), Some("500"));
    assert_eq!(e.field("error_status"), Some("500"));
    assert_eq!(e.field("endpoint"), Some("token"));
    assert_eq!(e.field("warning"), None);
    assert_eq!(e.field("description"), Some("try later"));
    let cause = e.field("cause").expect("cause field on a 5xx event");
    assert!(cause.contains(SECRET), "{cause}");
    assert!(cause.contains(INNER), "the source chain is reachable from the field: {cause}");
    assert!(e.field("message").is_some_and(|m| m.contains("OAuth error response")), "{e:#?}");
    assert_no_cause_on_wire(&r);
}

#[test]
fn every_5xx_path_logs_at_error() {
    let cases: Vec<(&str, ErrorResponse, Endpoint, u16)> = vec![
        (
            "temporarily_unavailable",
            OAuthError::TemporarilyUnavailable.with_cause(db_error()).with_retry_after(30u64),
            Endpoint::Token,
            503,
        ),
        (
            "4xx code overridden to 500",
            OAuthError::InvalidRequest
                .with_cause(db_error())
                .with_status(ErrorStatus::INTERNAL_SERVER_ERROR),
            Endpoint::Token,
            500,
        ),
        (
            "problem+json contract",
            PROBLEM.error(OAuthError::ServerError).with_cause(db_error()),
            Endpoint::Api,
            500,
        ),
        (
            "at resource (with a synthesised challenge)",
            OAuthError::ServerError.with_cause(db_error()),
            Endpoint::Resource,
            500,
        ),
        (
            "or_oauth",
            Err::<(), _>(db_error()).or_oauth(OAuthError::ServerError).unwrap_err(),
            Endpoint::Introspection,
            500,
        ),
    ];
    for (name, err, endpoint, status) in cases {
        let (r, events) = capture(|| err.to_response(endpoint));
        assert_eq!(r.status(), status, "{name}");
        let e = one(&events, Level::ERROR);
        assert_eq!(e.field("status"), Some(status.to_string().as_str()), "{name}");
        assert_eq!(e.field("endpoint"), Some(endpoint.as_str()), "{name}");
        assert!(e.field("cause").is_some_and(|c| c.contains(SECRET)), "{name}: {e:#?}");
        assert_no_cause_on_wire(&r);
    }
}

#[test]
fn bare_code_to_response_is_one_event() {
    let (r, events) = capture(|| OAuthError::TemporarilyUnavailable.to_response(Endpoint::Token));
    assert_eq!(r.status(), 503);
    let e = one(&events, Level::ERROR);
    assert_eq!(e.field("error"), Some("temporarily_unavailable"));
    assert_eq!(e.field("cause"), None);
    assert_eq!(e.field("description"), None);
}

// ---------------------------------------------------------------------------------------
// 4xx: DEBUG
// ---------------------------------------------------------------------------------------

#[test]
fn client_errors_log_at_debug() {
    let cases: Vec<(&str, ErrorResponse, u16)> = vec![
        ("invalid_grant", OAuthError::InvalidGrant.with_cause(db_error()), 400),
        (
            "invalid_client basic",
            OAuthError::InvalidClient
                .with_client_auth(ClientAuth::basic("as"))
                .with_cause(db_error()),
            401,
        ),
        (
            "invalid_token at resource",
            OAuthError::InvalidToken
                .with_description("expired")
                .with_challenge(Challenge::bearer().realm("api"))
                .with_cause(db_error())
                .at(Endpoint::Resource),
            401,
        ),
        ("slow_down + retry", ErrorResponse::new(OAuthError::SlowDown).with_retry_after(5u64), 400),
        ("too_many_requests", OAuthError::TooManyRequests.at(Endpoint::Api), 429),
        (
            "server_error overridden to 409",
            OAuthError::ServerError.with_cause(db_error()).with_status(ErrorStatus::CONFLICT),
            409,
        ),
        ("problem+json", PROBLEM.error(OAuthError::InvalidScope).with_cause(db_error()), 400),
    ];
    for (name, err, status) in cases {
        let (r, events) = capture(|| err.response());
        assert_eq!(r.status(), status, "{name}");
        let e = one(&events, Level::DEBUG);
        assert_eq!(e.field("error"), Some(err.code().as_str()), "{name}");
        assert_eq!(e.field("status"), Some(status.to_string().as_str()), "{name}");
        assert_no_cause_on_wire(&r);
    }
}

#[test]
fn each_render_is_its_own_event() {
    let err = OAuthError::InvalidGrant.with_description("code expired");
    let (_, events) = capture(|| {
        let _ = err.response();
        let _ = err.to_response(Endpoint::Token);
        let _ = err.to_response(Endpoint::Resource);
    });
    assert_eq!(events.len(), 3, "{events:#?}");
    assert!(events.iter().all(|e| e.level == Level::DEBUG && e.target == "oauth_errors"));
    let endpoints: Vec<_> = events.iter().map(|e| e.field("endpoint").unwrap_or("")).collect();
    assert_eq!(endpoints, ["token", "token", "resource"]);
}

// ---------------------------------------------------------------------------------------
// Non-rendering calls emit nothing
// ---------------------------------------------------------------------------------------

#[test]
fn body_and_status_queries_emit_no_event() {
    let err = OAuthError::ServerError.with_description("down").with_cause(db_error());
    let (body, events) = capture(|| err.to_body());
    assert!(events.is_empty(), "to_body emitted {events:#?}");
    assert_eq!(&body[..], br#"{"error":"server_error","error_description":"down"}"#);
    assert!(!String::from_utf8_lossy(&body).contains("SECRET"));

    let (status, events) = capture(|| err.resolve_status(Endpoint::Token));
    assert!(events.is_empty(), "resolve_status emitted {events:#?}");
    assert_eq!(status, 500);

    let (is_5xx, events) = capture(|| err.is_server_error());
    assert!(events.is_empty(), "is_server_error emitted {events:#?}");
    assert!(is_5xx);

    let problem = PROBLEM.error(OAuthError::InvalidGrant).with_cause(db_error());
    let (body, events) = capture(|| problem.to_body());
    assert!(events.is_empty(), "to_body (contract) emitted {events:#?}");
    assert!(!String::from_utf8_lossy(&body).contains("SECRET"));

    let (_, events) = capture(|| (err.to_string(), format!("{err:?}")));
    assert!(events.is_empty());
}

#[test]
fn authentication_required_carries_no_error_and_no_event() {
    let (r, events) = capture(|| AuthenticationRequired::new(Challenge::bearer()).to_response());
    assert_eq!(r.status(), 401);
    assert!(events.is_empty(), "{events:#?}");
}

// ---------------------------------------------------------------------------------------
// Authorization endpoint
// ---------------------------------------------------------------------------------------

#[test]
fn redirect_uri_error_is_one_debug_event() {
    let (r, events) = capture(|| RedirectUriError::NotRegistered.to_error().response());
    assert_eq!(r.status(), 400);
    let e = one(&events, Level::DEBUG);
    assert_eq!(e.field("endpoint"), Some("authorization"));
    assert_eq!(e.field("error"), Some("invalid_request"));
}

#[test]
fn never_redirected_authorization_error_is_one_event() {
    let a = AuthorizationError::new(OAuthError::InvalidClient.with_cause(db_error()), verified());
    let (r, events) = capture(|| a.to_response());
    assert_eq!(r.status(), 400);
    let e = one(&events, Level::DEBUG);
    assert_eq!(e.field("endpoint"), Some("authorization"));
    assert_eq!(e.field("status"), Some("400"));
    assert_eq!(e.field("error_status"), Some("400"));
    assert_no_cause_on_wire(&r);
}

/// A redirected authorization error is a rendered error too: the feature promises one
/// event per rendered error, and a `server_error` with an internal cause delivered by
/// redirect is exactly the case an operator must see at ERROR level. Today the redirect
/// and `form_post` branches of `AuthorizationError::to_response` never call the hook, so
/// the cause is dropped without a trace.
#[test]
fn redirected_authorization_error_is_one_event() {
    for mode in [ResponseMode::Query, ResponseMode::Fragment, ResponseMode::FormPost] {
        let a = AuthorizationError::new(OAuthError::ServerError.with_cause(db_error()), verified())
            .mode(mode);
        let (r, events) = capture(|| a.to_response());
        assert!(matches!(r.status().as_u16(), 200 | 303), "{mode:?}");
        assert_no_cause_on_wire(&r);
        let e = one(&events, Level::ERROR);
        assert_eq!(e.field("error"), Some("server_error"));
        assert_eq!(e.field("endpoint"), Some("authorization"));
        assert!(e.field("cause").is_some_and(|c| c.contains(SECRET)), "{mode:?}: {e:#?}");

        let a = AuthorizationError::new(OAuthError::AccessDenied, verified()).mode(mode);
        let (_, events) = capture(|| a.to_response());
        one(&events, Level::DEBUG);
    }
}

/// The event of a redirected authorization error reports the status that went on the wire
/// (303, 302, or 200 for `form_post`) as `status`, and the error's own status (400, 500,
/// 503) as `error_status`, which decides the level.
#[test]
fn redirected_authorization_error_logs_the_status_sent() {
    let cases = [
        (OAuthError::AccessDenied, ResponseMode::Query, RedirectStatus::SeeOther, 303, 400),
        (OAuthError::AccessDenied, ResponseMode::Fragment, RedirectStatus::Found, 302, 400),
        (OAuthError::AccessDenied, ResponseMode::FormPost, RedirectStatus::SeeOther, 200, 400),
        (OAuthError::ServerError, ResponseMode::Query, RedirectStatus::SeeOther, 303, 500),
        (OAuthError::ServerError, ResponseMode::Fragment, RedirectStatus::Found, 302, 500),
        (
            OAuthError::TemporarilyUnavailable,
            ResponseMode::FormPost,
            RedirectStatus::Found,
            200,
            503,
        ),
    ];
    for (code, mode, redirect, sent, own) in cases {
        let what = format!("{code} {mode:?} {redirect:?}");
        let a =
            AuthorizationError::new(code.clone(), verified()).mode(mode).redirect_status(redirect);
        let (r, events) = capture(|| a.to_response());
        assert_eq!(r.status(), sent, "{what}");
        let level = if own >= 500 { Level::ERROR } else { Level::DEBUG };
        let e = one(&events, level);
        assert_eq!(e.field("status"), Some(sent.to_string().as_str()), "{what}");
        assert_eq!(e.field("error_status"), Some(own.to_string().as_str()), "{what}");
        assert_eq!(e.field("error"), Some(code.as_str()), "{what}");
        assert_eq!(e.field("endpoint"), Some("authorization"), "{what}");
    }
}

// ---------------------------------------------------------------------------------------
// WARN: responses that lack something their code needs
// ---------------------------------------------------------------------------------------

/// `use_dpop_nonce` without a nonce cannot be acted on (RFC 9449 §8, §9): the render is
/// one WARN event naming the problem; with a nonce it is a plain DEBUG event.
#[test]
fn use_dpop_nonce_without_a_nonce_warns() {
    for endpoint in [Endpoint::Token, Endpoint::Resource, Endpoint::Introspection] {
        let (r, events) = capture(|| OAuthError::UseDpopNonce.to_response(endpoint));
        assert!(r.headers().get("dpop-nonce").is_none(), "{endpoint}");
        let e = one(&events, Level::WARN);
        assert_eq!(e.field("error"), Some("use_dpop_nonce"));
        let warning = e.field("warning").expect("a warning field");
        assert!(warning.contains("DPoP-Nonce"), "{warning}");
        assert!(warning.contains("ErrorResponse::use_dpop_nonce"), "{warning}");

        let nonce = DpopNonce::new("n-0S6_WzA2Mj").unwrap();
        let (r, events) = capture(|| ErrorResponse::use_dpop_nonce(nonce).to_response(endpoint));
        assert_eq!(r.headers()["dpop-nonce"], "n-0S6_WzA2Mj");
        let e = one(&events, Level::DEBUG);
        assert_eq!(e.field("warning"), None);
    }
    // A 5xx stays at ERROR, with the warning attached.
    let err = OAuthError::UseDpopNonce.with_status(ErrorStatus::SERVICE_UNAVAILABLE);
    let (_, events) = capture(|| err.to_response(Endpoint::Token));
    let e = one(&events, Level::ERROR);
    assert!(e.field("warning").is_some_and(|w| w.contains("DPoP-Nonce")));
}

/// A 405 without methods sends an empty `Allow` (RFC 9110 §10.2.1: "allows no methods"):
/// one WARN event; with methods, DEBUG.
#[test]
fn method_not_allowed_without_methods_warns() {
    let (r, events) = capture(|| OAuthError::MethodNotAllowed.to_response(Endpoint::Api));
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["allow"], "");
    let e = one(&events, Level::WARN);
    assert!(e.field("warning").is_some_and(|w| w.contains("empty Allow")), "{e:#?}");

    let err = OAuthError::InvalidRequest.with_status(ErrorStatus::METHOD_NOT_ALLOWED);
    let (_, events) = capture(|| err.to_response(Endpoint::Token));
    one(&events, Level::WARN);

    let err = ErrorResponse::method_not_allowed([http::Method::POST]);
    let (r, events) = capture(|| err.to_response(Endpoint::PushedAuthorization));
    assert_eq!(r.headers()["allow"], "POST");
    let e = one(&events, Level::DEBUG);
    assert_eq!(e.field("warning"), None);
}

/// A challenge attached to an error whose status is not 400 or 401 (and not an RFC 6750
/// §3.1 pair) is not sent: one WARN event says so.
#[test]
fn dropped_challenge_warns() {
    let err = OAuthError::TooManyRequests.with_challenge(Challenge::bearer().realm("api"));
    let (r, events) = capture(|| err.to_response(Endpoint::Api));
    assert_eq!(r.status(), 429);
    assert!(r.headers().get("www-authenticate").is_none());
    let e = one(&events, Level::WARN);
    assert!(e.field("warning").is_some_and(|w| w.contains("challenge not sent")), "{e:#?}");

    // Sent, so no warning: a 400 made a 401, and an RFC 6750 §3.1 pair.
    for (err, endpoint, status) in [
        (OAuthError::InvalidClient.with_challenge(Challenge::basic("as")), Endpoint::Token, 401),
        (
            OAuthError::InsufficientScope.with_challenge(Challenge::bearer().scope("write")),
            Endpoint::Resource,
            403,
        ),
    ] {
        let (r, events) = capture(|| err.to_response(endpoint));
        assert_eq!(r.status(), status);
        let e = one(&events, Level::DEBUG);
        assert_eq!(e.field("warning"), None);
    }
}

// ---------------------------------------------------------------------------------------
// Through the adapters (when their features are on too)
// ---------------------------------------------------------------------------------------

#[cfg(feature = "axum")]
#[test]
fn axum_into_response_is_one_event() {
    use axum::response::IntoResponse;
    let err = OAuthError::ServerError.with_cause(db_error());
    let (r, events) = capture(|| err.clone().into_response());
    assert_eq!(r.status(), 500);
    let e = one(&events, Level::ERROR);
    assert!(e.field("cause").is_some_and(|c| c.contains(SECRET)));
    let (_, events) = capture(|| OAuthError::InvalidGrant.into_response());
    one(&events, Level::DEBUG);
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_paths_emit_one_event_per_render() {
    use actix_web::{Responder, ResponseError};
    let err = OAuthError::ServerError.with_cause(db_error());
    let (status, events) = capture(|| err.status_code());
    assert_eq!(status.as_u16(), 500);
    assert!(events.is_empty(), "status_code() is not a render: {events:#?}");
    let (_, events) = capture(|| err.error_response());
    let e = one(&events, Level::ERROR);
    assert!(e.field("cause").is_some_and(|c| c.contains(SECRET)));
    let req = actix_web::test::TestRequest::default().to_http_request();
    let (_, events) = capture(|| err.clone().respond_to(&req));
    one(&events, Level::ERROR);
    let (_, events) = capture(|| OAuthError::InvalidGrant.error_response());
    one(&events, Level::DEBUG);
}
