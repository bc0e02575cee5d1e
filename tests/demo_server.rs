//! End-to-end tests of `examples/demo_server.rs`: the same router
//! (`examples/shared/axum_app.rs`) is served on an ephemeral port per test, and every
//! request is written as raw HTTP/1.1 bytes over TCP (`Connection: close`, read until
//! EOF), so the assertions see exactly what goes on the wire: status, every header
//! except `date` / `content-length`, and the body parsed as JSON (or compared as text).
//!
//! One test per line of the demo's specification, then the hostile-input matrix.

#![cfg(all(feature = "axum", feature = "tracing"))]

#[path = "../examples/shared/axum_app.rs"]
mod axum_app;
mod common;
#[path = "common/demo_client.rs"]
mod demo_client;
#[path = "../examples/shared/scenario.rs"]
mod scenario;

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{Value, json};

use common::raw_http::{self, Response};
use demo_client::{
    BODY_AUTH, DEVICE, FORM, JSON_CT, base64, basic_header, good_basic, pct, server,
};

// ---------------------------------------------------------------------------------------
// Raw HTTP requests (tests/common/raw_http.rs)
// ---------------------------------------------------------------------------------------

/// Writes `raw`, reads until EOF and splits status line, headers and body.
async fn send_raw(addr: SocketAddr, raw: &[u8]) -> Response {
    raw_http::send_async(addr, raw).await.unwrap_or_else(|e| panic!("{e}"))
}

/// Sends a request with the given extra header lines (raw bytes, `Name: value`).
async fn send(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[&[u8]],
    body: &[u8],
) -> Response {
    send_raw(addr, &raw_http::request(addr, method, target, headers, body)).await
}

async fn get(addr: SocketAddr, target: &str, headers: &[&[u8]]) -> Response {
    send(addr, "GET", target, headers, b"").await
}

/// `POST` a form with extra headers.
async fn post_form(addr: SocketAddr, path: &str, headers: &[&[u8]], form: &str) -> Response {
    let mut all = vec![FORM];
    all.extend_from_slice(headers);
    send(addr, "POST", path, &all, form.as_bytes()).await
}

/// `POST /token` with the demo client's Basic credentials.
async fn post_token(addr: SocketAddr, form: &str) -> Response {
    post_form(addr, "/token", &[&good_basic()], form).await
}

/// A client-credentials [`post_token`] with `X-Demo-Fail: {value}`.
async fn post_token_failing(addr: SocketAddr, value: &str) -> Response {
    let fail = format!("X-Demo-Fail: {value}");
    post_form(addr, "/token", &[&good_basic(), fail.as_bytes()], "grant_type=client_credentials")
        .await
}

// ---------------------------------------------------------------------------------------
// Fixed values
// ---------------------------------------------------------------------------------------

fn iss(addr: SocketAddr) -> String {
    format!("iss=http%3A%2F%2F127.0.0.1%3A{}", addr.port())
}

fn h(name: &str, value: &str) -> (String, String) {
    (name.to_owned(), value.to_owned())
}

/// The headers of every JSON error (and JSON success) plus `extra`, sorted.
fn json_headers(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v = vec![
        h("cache-control", "no-store"),
        h("content-type", "application/json"),
        h("pragma", "no-cache"),
    ];
    v.extend(extra.iter().map(|(n, val)| h(n, val)));
    v.sort();
    v
}

/// Asserts an exact JSON response: status, headers (besides the transport's), body.
#[track_caller]
fn assert_json(r: &Response, status: u16, extra_headers: &[(&str, &str)], body: Value) {
    assert_eq!(r.status, status, "status; body {:?}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.header_list(), json_headers(extra_headers), "headers");
    assert_eq!(r.json(), body, "body");
}

/// Asserts a 303 redirect to exactly `location`, with no body.
#[track_caller]
fn assert_redirect(r: &Response, location: &str) {
    assert_eq!(r.status, 303, "status; body {:?}", String::from_utf8_lossy(&r.body));
    let mut expected =
        vec![h("cache-control", "no-store"), h("location", location), h("pragma", "no-cache")];
    expected.sort();
    assert_eq!(r.header_list(), expected);
    assert!(r.body.is_empty());
}

fn token_ok(token: &str, scope: &str) -> Value {
    json!({"access_token": token, "token_type": "Bearer", "expires_in": 3600, "scope": scope})
}

fn err(code: &str, description: &str) -> Value {
    json!({"error": code, "error_description": description})
}

// ---------------------------------------------------------------------------------------
// Captured logs (for the internal cause)
// ---------------------------------------------------------------------------------------

#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().expect("log lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Logs {
    type Writer = Logs;
    fn make_writer(&'a self) -> Logs {
        self.clone()
    }
}

/// A process-wide fmt subscriber writing into memory (server tasks run on runtime
/// worker threads, so a thread-local default would miss them).
fn logs() -> &'static Logs {
    static LOGS: OnceLock<Logs> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Logs::default();
        tracing_subscriber::fmt()
            .with_writer(logs.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::DEBUG)
            .init();
        logs
    })
}

fn log_text() -> String {
    String::from_utf8_lossy(&logs().0.lock().expect("log lock")).into_owned()
}

// ---------------------------------------------------------------------------------------
// POST /token
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn token_basic_wrong_secret_is_401_with_basic_challenge() {
    let addr = server().await;
    let auth = basic_header("demo-client", "wrong");
    let r = post_form(addr, "/token", &[&auth], "grant_type=client_credentials").await;
    assert_json(
        &r,
        401,
        &[("www-authenticate", r#"Basic realm="demo""#)],
        err("invalid_client", "Client authentication failed"),
    );
    // An unknown client gets exactly the same answer.
    let auth = basic_header("someone-else", "demo-secret");
    let r2 = post_form(addr, "/token", &[&auth], "grant_type=client_credentials").await;
    assert_eq!((r2.status, r2.header_list(), r2.body), (401, r.header_list(), r.body));
}

#[tokio::test]
async fn token_body_wrong_secret_is_400() {
    let addr = server().await;
    let form = "grant_type=client_credentials&client_id=demo-client&client_secret=wrong";
    let r = post_form(addr, "/token", &[], form).await;
    assert_json(&r, 400, &[], err("invalid_client", "Client authentication failed"));
}

#[tokio::test]
async fn token_without_grant_type_is_invalid_request() {
    let addr = server().await;
    let r = post_token(addr, "scope=read").await;
    assert_json(&r, 400, &[], err("invalid_request", "grant_type is required"));
    let r = post_form(addr, "/token", &[], BODY_AUTH).await;
    assert_json(&r, 400, &[], err("invalid_request", "grant_type is required"));
    // An empty value counts as absent (RFC 6749 §3.1).
    let r = post_token(addr, "grant_type=").await;
    assert_json(&r, 400, &[], err("invalid_request", "grant_type is required"));
}

#[tokio::test]
async fn token_unknown_grant_type_is_unsupported_grant_type() {
    let addr = server().await;
    let r = post_token(addr, "grant_type=magic").await;
    assert_json(&r, 400, &[], err("unsupported_grant_type", "Unsupported grant_type: magic"));
}

#[tokio::test]
async fn token_password_grant_is_unauthorized_client() {
    let addr = server().await;
    let form = "grant_type=password&username=alice&password=secret";
    let r = post_token(addr, form).await;
    assert_json(
        &r,
        400,
        &[],
        err("unauthorized_client", "This client may not use the password grant"),
    );
}

#[tokio::test]
async fn token_bad_authorization_code_is_invalid_grant() {
    let addr = server().await;
    let r = post_token(addr, "grant_type=authorization_code&code=stale").await;
    let body = err(
        "invalid_grant",
        "The authorization code is invalid, expired or was issued to another client",
    );
    assert_json(&r, 400, &[], body);
    let form =
        "grant_type=authorization_code&code=good-code&redirect_uri=https%3A%2F%2Fevil.example%2Fcb";
    let r = post_token(addr, form).await;
    assert_json(
        &r,
        400,
        &[],
        err("invalid_grant", "redirect_uri does not match the authorization request"),
    );
    let r = post_token(addr, "grant_type=authorization_code").await;
    assert_json(&r, 400, &[], err("invalid_request", "code is required"));
}

#[tokio::test]
async fn token_bad_refresh_token_is_invalid_grant() {
    let addr = server().await;
    let form = "grant_type=refresh_token&refresh_token=old-refresh";
    let r = post_token(addr, form).await;
    assert_json(
        &r,
        400,
        &[],
        err("invalid_grant", "The refresh token is invalid, expired or revoked"),
    );
}

#[tokio::test]
async fn token_admin_scope_is_invalid_scope() {
    let addr = server().await;
    let form = "grant_type=client_credentials&scope=admin";
    let r = post_token(addr, form).await;
    assert_json(&r, 400, &[], err("invalid_scope", "Unknown scope: admin"));
    let form = "grant_type=client_credentials&scope=read++write";
    let r = post_token(addr, form).await;
    assert_json(&r, 400, &[], err("invalid_scope", "The scope is malformed"));
    let form = "grant_type=refresh_token&refresh_token=good-refresh&scope=read%20admin";
    let r = post_token(addr, form).await;
    assert_json(&r, 400, &[], err("invalid_scope", "Unknown scope: admin"));
}

#[tokio::test]
async fn token_device_code_polling_errors() {
    let addr = server().await;
    for (device_code, code, description) in [
        ("pending", "authorization_pending", "The user has not yet completed the authorization"),
        ("slow", "slow_down", "Polling too fast: add 5 seconds to the interval"),
        ("expired", "expired_token", "The device_code has expired"),
        ("denied", "access_denied", "The user denied the authorization request"),
        ("forged", "invalid_grant", "Unknown device_code"),
    ] {
        let form = format!("grant_type={DEVICE}&device_code={device_code}");
        let r = post_token(addr, &form).await;
        assert_json(&r, 400, &[], err(code, description));
    }
    let r = post_token(addr, &format!("grant_type={DEVICE}")).await;
    assert_json(&r, 400, &[], err("invalid_request", "device_code is required"));
}

#[tokio::test]
async fn token_server_failure_is_500_and_the_cause_is_logged_not_sent() {
    logs(); // install the capturing subscriber first
    let addr = server().await;
    let r = post_token_failing(addr, "server").await;
    assert_json(
        &r,
        500,
        &[],
        err("server_error", "The server encountered an unexpected condition"),
    );
    let wire = String::from_utf8_lossy(&r.body);
    assert!(!wire.contains(scenario::INTERNAL_CAUSE));
    assert!(!wire.contains("token store"));
    assert!(!r.header_list().iter().any(|(_, v)| v.contains("token store")));
    // The crate logged it: one ERROR event with the cause.
    let text = log_text();
    let line = text
        .lines()
        .find(|l| l.contains("server_error") && l.contains(scenario::INTERNAL_CAUSE))
        .unwrap_or_else(|| panic!("no server_error event with the cause in:\n{text}"));
    assert!(line.contains("ERROR"), "{line}");
    assert!(line.contains("oauth_errors"), "{line}");
}

#[tokio::test]
async fn token_unavailable_is_503_with_retry_after() {
    let addr = server().await;
    let r = post_token_failing(addr, "unavailable").await;
    assert_json(
        &r,
        503,
        &[("retry-after", "30")],
        err("temporarily_unavailable", "The service is temporarily unavailable"),
    );
}

#[tokio::test]
async fn token_ratelimit_is_429_with_retry_after() {
    let addr = server().await;
    let r = post_token_failing(addr, "RateLimit").await;
    assert_json(
        &r,
        429,
        &[("retry-after", "10")],
        err("too_many_requests", "Too many requests, slow down"),
    );
    // Unknown X-Demo-Fail values are ignored.
    let r = post_token_failing(addr, "everything").await;
    assert_json(&r, 200, &[], token_ok("demo-access-token", "read"));
}

#[tokio::test]
async fn token_success_responses() {
    let addr = server().await;
    let read = token_ok("demo-access-token", "read");
    let write = token_ok("write-access-token", "read write");
    for (form, expected) in [
        ("grant_type=client_credentials".to_owned(), &read),
        ("grant_type=client_credentials&scope=read".to_owned(), &read),
        ("grant_type=client_credentials&scope=write".to_owned(), &write),
        ("grant_type=client_credentials&scope=read+write".to_owned(), &write),
        ("grant_type=authorization_code&code=good-code".to_owned(), &read),
        (
            "grant_type=authorization_code&code=good-code&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcb"
                .to_owned(),
            &read,
        ),
        ("grant_type=refresh_token&refresh_token=good-refresh".to_owned(), &read),
        ("grant_type=refresh_token&refresh_token=good-refresh&scope=write".to_owned(), &write),
        (format!("grant_type={DEVICE}&device_code=approved"), &read),
    ] {
        // Basic authentication ...
        let r = post_token(addr, &form).await;
        assert_json(&r, 200, &[], expected.clone());
        // ... and body authentication (client_secret_post).
        let r = post_form(addr, "/token", &[], &format!("{form}&{BODY_AUTH}")).await;
        assert_json(&r, 200, &[], expected.clone());
    }
    // A charset parameter and odd case in the media type are fine.
    let r = send(
        addr,
        "POST",
        "/token",
        &[&good_basic(), b"Content-Type: Application/X-WWW-Form-Urlencoded; charset=UTF-8"],
        b"grant_type=client_credentials",
    )
    .await;
    assert_json(&r, 200, &[], read.clone());
    // Basic credentials are form-urlencoded before base64 (RFC 6749 §2.3.1).
    let encoded = format!("Authorization: basic  {}", base64(b"demo%2Dclient:demo%2dsecret"));
    let r = post_form(addr, "/token", &[encoded.as_bytes()], "grant_type=client_credentials").await;
    assert_json(&r, 200, &[], read.clone());
    // A body client_id naming the same client as the Basic credentials is fine.
    let r = post_token(addr, "grant_type=client_credentials&client_id=demo-client").await;
    assert_json(&r, 200, &[], read);
}

#[tokio::test]
async fn token_client_authentication_rules() {
    let addr = server().await;
    // Two methods at once (RFC 6749 §2.3).
    let form = format!("grant_type=client_credentials&{BODY_AUTH}");
    let r = post_token(addr, &form).await;
    assert_json(
        &r,
        400,
        &[],
        err(
            "invalid_request",
            "Use only one client authentication method (Authorization header or body)",
        ),
    );
    let r = post_token(addr, "grant_type=client_credentials&client_id=other").await;
    assert_json(
        &r,
        400,
        &[],
        err("invalid_request", "client_id in the body does not match the Authorization header"),
    );
    // No client authentication at all: 400 for this confidential client.
    let r = post_form(addr, "/token", &[], "grant_type=client_credentials").await;
    assert_json(&r, 400, &[], err("invalid_client", "Client authentication is required"));
    let r =
        post_form(addr, "/token", &[], "grant_type=client_credentials&client_id=demo-client").await;
    assert_json(&r, 400, &[], err("invalid_client", "client_secret is required for this client"));
    let r = post_form(addr, "/token", &[], "grant_type=client_credentials&client_secret=x").await;
    assert_json(&r, 400, &[], err("invalid_client", "client_id is required"));
    // Header attempts that are not valid Basic credentials: 401 with the Basic challenge.
    let malformed = err(
        "invalid_client",
        "The Authorization header must carry client_secret_basic credentials",
    );
    for header in [
        &b"Authorization: Basic !!!"[..],
        b"Authorization: Basic ZGVtby1jbGllbnQ=", // no colon
        b"Authorization: Basic",
        b"Authorization: Bearer demo-access-token",
        b"Authorization: Digest username=\"demo\"",
        b"Authorization: \xff\xfe garbage",
    ] {
        let r = post_form(addr, "/token", &[header], "grant_type=client_credentials").await;
        assert_json(&r, 401, &[("www-authenticate", r#"Basic realm="demo""#)], malformed.clone());
    }
    // Two Authorization headers.
    let r =
        post_form(addr, "/token", &[&good_basic(), &good_basic()], "grant_type=client_credentials")
            .await;
    assert_json(&r, 400, &[], err("invalid_request", "The Authorization header is repeated"));
}

#[tokio::test]
async fn token_request_format_errors() {
    let addr = server().await;
    let body = b"grant_type=client_credentials";
    let wrong_type =
        err("invalid_request", "The request body must be application/x-www-form-urlencoded");
    let basic = good_basic();
    for ct in [&b"Content-Type: application/json"[..], b"Content-Type: text/plain", b""] {
        let headers: Vec<&[u8]> = if ct.is_empty() { vec![&basic] } else { vec![&basic, ct] };
        let r = send(addr, "POST", "/token", &headers, body).await;
        assert_json(&r, 400, &[], wrong_type.clone());
    }
    let r = post_token(addr, "grant_type=client_credentials&scope=read&scope=write").await;
    assert_json(&r, 400, &[], err("invalid_request", "Parameter scope is repeated"));
    let r = post_token(addr, "grant_type=%FF").await;
    assert_json(&r, 400, &[], err("invalid_request", "The request body is not UTF-8 form data"));
}

#[tokio::test]
async fn token_body_over_the_limit_is_413() {
    let addr = server().await;
    let raw = format!(
        "POST /token HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000000\r\n\r\n"
    );
    let r = send_raw(addr, raw.as_bytes()).await;
    assert_json(&r, 413, &[], err("invalid_request", "The request body is too large"));
}

// ---------------------------------------------------------------------------------------
// GET /authorize
// ---------------------------------------------------------------------------------------

const AUTHZ: &str = "/authorize?client_id=demo-client&response_type=code";

#[tokio::test]
async fn authorize_unknown_client_or_redirect_uri_is_a_direct_400() {
    let addr = server().await;
    for (target, body) in [
        (
            "/authorize?client_id=evil&response_type=code",
            err("invalid_client", "Unknown client_id"),
        ),
        ("/authorize?response_type=code&state=x", err("invalid_request", "client_id is required")),
        ("/authorize", err("invalid_request", "client_id is required")),
        (
            "/authorize?client_id=demo-client&response_type=code&redirect_uri=https%3A%2F%2Fevil.example%2Fcb",
            err("invalid_request", "redirect_uri is not registered for this client"),
        ),
        (
            "/authorize?client_id=demo-client&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcb%2F..%2Fx",
            err("invalid_request", "redirect_uri is not registered for this client"),
        ),
        (
            "/authorize?client_id=demo-client&redirect_uri=not-a-uri",
            err("invalid_request", "redirect_uri is invalid"),
        ),
        (
            "/authorize?client_id=demo-client&client_id=demo-client",
            err("invalid_request", "client_id or redirect_uri is repeated"),
        ),
        (
            "/authorize?client_id=demo-client&response_type=code&response_mode=carrier_pigeon",
            err("invalid_request", "Unsupported response_mode"),
        ),
        (
            "/authorize?client_id=%FF",
            err("invalid_request", "The query string is not UTF-8 form data"),
        ),
    ] {
        let r = get(addr, target, &[]).await;
        assert_json(&r, 400, &[], body);
        assert!(r.header("location").is_none());
    }
}

#[tokio::test]
async fn authorize_empty_redirect_uri_and_response_mode_count_as_omitted() {
    // RFC 6749 §3.1: parameters sent without a value are treated as omitted.
    let addr = server().await;
    let iss = iss(addr);
    let target = "/authorize?client_id=demo-client&redirect_uri=&response_mode=&response_type=magic&state=s1";
    let r = get(addr, target, &[]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=unsupported_response_type&error_description=Unsupported+response_type%3A+magic&state=s1&{iss}"
        ),
    );
}

#[test]
fn demo_issuer_opts_in_to_http_beyond_loopback() {
    for (addr, issuer) in [
        ("127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("0.0.0.0:8080", "http://0.0.0.0:8080"),
        ("192.0.2.7:80", "http://192.0.2.7:80"),
        ("[2001:db8::1]:8080", "http://[2001:db8::1]:8080"),
    ] {
        let config = scenario::Config::new(addr.parse().expect("socket address")).expect(addr);
        assert_eq!(config.issuer.as_str(), issuer);
    }
}

#[tokio::test]
async fn authorize_unsupported_response_type_is_redirected() {
    let addr = server().await;
    let iss = iss(addr);
    let r = get(addr, "/authorize?client_id=demo-client&response_type=magic&state=s1", &[]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=unsupported_response_type&error_description=Unsupported+response_type%3A+magic&state=s1&{iss}"
        ),
    );
    // `token` defaults to the fragment (Multiple Response Type Encoding Practices §2.1).
    let r = get(addr, "/authorize?client_id=demo-client&response_type=token", &[]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb#error=unsupported_response_type&error_description=Unsupported+response_type%3A+token&{iss}"
        ),
    );
    // ... and may not be forced into the query.
    let r =
        get(addr, "/authorize?client_id=demo-client&response_type=token&response_mode=query", &[])
            .await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb#error=invalid_request&error_description=response_mode%3Dquery+is+not+allowed+for+this+response_type&{iss}"
        ),
    );
    let r = get(addr, "/authorize?client_id=demo-client&state=s2", &[]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=invalid_request&error_description=response_type+is+required&state=s2&{iss}"
        ),
    );
}

#[tokio::test]
async fn authorize_admin_scope_is_invalid_scope() {
    let addr = server().await;
    let r = get(addr, &format!("{AUTHZ}&scope=read+admin&state=abc"), &[]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=invalid_scope&error_description=Unknown+scope%3A+admin&state=abc&{}",
            iss(addr)
        ),
    );
}

#[tokio::test]
async fn authorize_prompt_none_is_login_required() {
    let addr = server().await;
    let iss = iss(addr);
    let r = get(addr, &format!("{AUTHZ}&prompt=none&state=xyz"), &[]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=login_required&error_description=The+user+is+not+logged+in&state=xyz&{iss}"
        ),
    );
    let r = get(addr, &format!("{AUTHZ}&prompt=none+login"), &[]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=invalid_request&error_description=prompt%3Dnone+cannot+be+combined+with+other+values&{iss}"
        ),
    );
    let r = get(addr, &format!("{AUTHZ}&prompt=create"), &[]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=invalid_request&error_description=Unsupported+prompt+value%3A+create&{iss}"
        ),
    );
}

#[tokio::test]
async fn authorize_success_in_every_response_mode() {
    let addr = server().await;
    let iss = iss(addr);
    // state comes back exactly, whatever printable ASCII it holds.
    let state = r#"a "b" <c>&d=e\f%"#;
    let q = format!("{AUTHZ}&state={}", pct(state));
    let encoded_state = "a+%22b%22+%3Cc%3E%26d%3De%5Cf%25";

    let r = get(addr, &q, &[]).await;
    assert_redirect(
        &r,
        &format!("http://127.0.0.1:9999/cb?code=good-code&state={encoded_state}&{iss}"),
    );
    let r =
        get(addr, &format!("{q}&response_mode=query&scope=read+write&prompt=consent"), &[]).await;
    assert_redirect(
        &r,
        &format!("http://127.0.0.1:9999/cb?code=good-code&state={encoded_state}&{iss}"),
    );
    let r = get(addr, &format!("{q}&response_mode=fragment"), &[]).await;
    assert_redirect(
        &r,
        &format!("http://127.0.0.1:9999/cb#code=good-code&state={encoded_state}&{iss}"),
    );
    // The registered loopback URI with another port (RFC 8252 §7.3), and no state.
    let r =
        get(addr, &format!("{AUTHZ}&redirect_uri=http%3A%2F%2F127.0.0.1%3A4321%2Fcb"), &[]).await;
    assert_redirect(&r, &format!("http://127.0.0.1:4321/cb?code=good-code&{iss}"));

    let r = get(addr, &format!("{q}&response_mode=form_post"), &[]).await;
    assert_eq!(r.status, 200);
    let mut expected = vec![
        h("cache-control", "no-store"),
        h("content-type", "text/html;charset=utf-8"),
        h("pragma", "no-cache"),
    ];
    expected.sort();
    assert_eq!(r.header_list(), expected);
    assert_eq!(
        r.text(),
        format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Submit This Form</title></head>\n\
             <body onload=\"document.forms[0].submit()\">\n<form method=\"post\" action=\"http://127.0.0.1:9999/cb\">\n\
             <input type=\"hidden\" name=\"code\" value=\"good-code\"/>\n\
             <input type=\"hidden\" name=\"state\" value=\"a &quot;b&quot; &lt;c&gt;&amp;d=e\\f%\"/>\n\
             <input type=\"hidden\" name=\"iss\" value=\"http://127.0.0.1:{}\"/>\n\
             <noscript><button type=\"submit\">Continue</button></noscript>\n</form>\n</body></html>\n",
            addr.port()
        )
    );
}

#[tokio::test]
async fn authorize_error_in_form_post_mode() {
    let addr = server().await;
    let r =
        get(addr, &format!("{AUTHZ}&response_mode=form_post&prompt=none&state=%3Cx%3E"), &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type").as_deref(), Some("text/html;charset=utf-8"));
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    assert!(r.header("location").is_none());
    let html = r.text();
    assert!(html.contains(r#"<input type="hidden" name="error" value="login_required"/>"#));
    assert!(html.contains(r#"<input type="hidden" name="state" value="&lt;x&gt;"/>"#));
    assert!(html.contains(&format!(
        r#"<input type="hidden" name="iss" value="http://127.0.0.1:{}"/>"#,
        addr.port()
    )));
}

#[tokio::test]
async fn authorize_invalid_state_is_redirected_without_state() {
    let addr = server().await;
    let iss = iss(addr);
    let expected = format!(
        "http://127.0.0.1:9999/cb?error=invalid_request&error_description=state+must+be+1+to+4096+printable+ASCII+characters&{iss}"
    );
    for state in ["line%0Abreak", "caf%C3%A9", "tab%09", "nul%00", &"A".repeat(4097)] {
        let r = get(addr, &format!("{AUTHZ}&state={state}"), &[]).await;
        assert_redirect(&r, &expected);
    }
    let r = get(addr, &format!("{AUTHZ}&state=a&state=b"), &[]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=invalid_request&error_description=state+is+repeated&{iss}"
        ),
    );
    // The longest valid state is echoed.
    let long = "A".repeat(4096);
    let r = get(addr, &format!("{AUTHZ}&state={long}"), &[]).await;
    assert_redirect(&r, &format!("http://127.0.0.1:9999/cb?code=good-code&state={long}&{iss}"));
}

#[tokio::test]
async fn authorize_simulated_failures() {
    let addr = server().await;
    let iss = iss(addr);
    let r = get(addr, &format!("{AUTHZ}&state=s"), &[b"X-Demo-Fail: server"]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=server_error&error_description=The+server+encountered+an+unexpected+condition&state=s&{iss}"
        ),
    );
    let r = get(addr, &format!("{AUTHZ}&state=s"), &[b"X-Demo-Fail: unavailable"]).await;
    assert_redirect(
        &r,
        &format!(
            "http://127.0.0.1:9999/cb?error=temporarily_unavailable&error_description=The+service+is+temporarily+unavailable&state=s&{iss}"
        ),
    );
    // Without a verified redirect URI there is nowhere to redirect to.
    let r = get(addr, "/authorize?client_id=nobody", &[b"X-Demo-Fail: server"]).await;
    assert_json(&r, 400, &[], err("invalid_client", "Unknown client_id"));
    // Rate limiting happens before the request is looked at: a direct 429.
    let r = get(addr, &format!("{AUTHZ}&state=s"), &[b"X-Demo-Fail: ratelimit"]).await;
    assert_json(
        &r,
        429,
        &[("retry-after", "10")],
        err("too_many_requests", "Too many requests, slow down"),
    );
}

// ---------------------------------------------------------------------------------------
// GET /api/read, /api/write
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn api_without_authorization_is_401_without_error() {
    let addr = server().await;
    for path in ["/api/read", "/api/write"] {
        for headers in [&[][..], &[&b"Authorization: Basic ZGVtbzp4"[..]][..]] {
            let r = get(addr, path, headers).await;
            assert_eq!(r.status, 401);
            assert_eq!(
                r.header_list(),
                vec![
                    h("cache-control", "no-store"),
                    h("pragma", "no-cache"),
                    h("www-authenticate", r#"Bearer realm="demo""#),
                ]
            );
            assert!(r.body.is_empty());
        }
    }
}

#[tokio::test]
async fn api_malformed_authorization_is_invalid_request() {
    let addr = server().await;
    let description = "The Authorization header must be Bearer followed by an access token";
    let challenge = format!(
        r#"Bearer realm="demo", error="invalid_request", error_description="{description}""#
    );
    for header in [
        &b"Authorization: Bearer"[..],
        b"Authorization: Bearer ",
        b"Authorization: Bearer two tokens",
        b"Authorization: Bearer ==",
        b"Authorization: Bearer a\"b",
        b"Authorization: bearer tok,en",
        b"Authorization: \xc3\xa9t\xc3\xa9",
        b"Authorization: Bearer \xff",
        b"Authorization: (garbage)",
        b"Authorization:",
    ] {
        let r = get(addr, "/api/read", &[header]).await;
        assert_json(
            &r,
            400,
            &[("www-authenticate", &challenge)],
            err("invalid_request", description),
        );
    }
    let r = get(
        addr,
        "/api/write",
        &[b"Authorization: Bearer demo-access-token", b"Authorization: Bearer write-access-token"],
    )
    .await;
    assert_json(
        &r,
        400,
        &[(
            "www-authenticate",
            r#"Bearer realm="demo", error="invalid_request", error_description="The Authorization header is repeated""#,
        )],
        err("invalid_request", "The Authorization header is repeated"),
    );
}

#[tokio::test]
async fn api_unknown_token_is_invalid_token() {
    let addr = server().await;
    let description = "The access token is invalid, expired or revoked";
    for path in ["/api/read", "/api/write"] {
        let r = get(addr, path, &[b"Authorization: Bearer not-a-token"]).await;
        assert_json(
            &r,
            401,
            &[(
                "www-authenticate",
                &format!(
                    r#"Bearer realm="demo", error="invalid_token", error_description="{description}""#
                ),
            )],
            err("invalid_token", description),
        );
    }
}

#[tokio::test]
async fn api_read_token_on_write_is_insufficient_scope() {
    let addr = server().await;
    let description = "The access token does not grant the scope this resource requires";
    let r = get(addr, "/api/write", &[b"Authorization: Bearer demo-access-token"]).await;
    assert_json(
        &r,
        403,
        &[(
            "www-authenticate",
            &format!(
                r#"Bearer realm="demo", scope="write", error="insufficient_scope", error_description="{description}""#
            ),
        )],
        err("insufficient_scope", description),
    );
}

#[tokio::test]
async fn api_valid_tokens_are_200() {
    let addr = server().await;
    for (path, header, scope) in [
        ("/api/read", &b"Authorization: Bearer demo-access-token"[..], "read"),
        ("/api/read", b"Authorization: bearer   write-access-token", "read write"),
        ("/api/write", b"Authorization: BEARER write-access-token", "read write"),
    ] {
        let r = get(addr, path, &[header]).await;
        assert_json(
            &r,
            200,
            &[],
            json!({"resource": path, "scope": scope, "client_id": "demo-client"}),
        );
    }
}

#[tokio::test]
async fn api_simulated_failure_has_no_challenge() {
    let addr = server().await;
    let r = get(
        addr,
        "/api/read",
        &[b"Authorization: Bearer demo-access-token", b"X-Demo-Fail: server"],
    )
    .await;
    assert_json(
        &r,
        500,
        &[],
        err("server_error", "The server encountered an unexpected condition"),
    );
    assert!(!String::from_utf8_lossy(&r.body).contains("token store"));
}

// ---------------------------------------------------------------------------------------
// POST /revoke
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn revoke_any_token_is_200() {
    let addr = server().await;
    for (headers, form) in [
        (vec![good_basic()], "token=demo-access-token".to_owned()),
        (vec![good_basic()], "token=never-issued&token_type_hint=refresh_token".to_owned()),
        (vec![], format!("token=good-refresh&{BODY_AUTH}")),
    ] {
        let headers: Vec<&[u8]> = headers.iter().map(Vec::as_slice).collect();
        let r = post_form(addr, "/revoke", &headers, &form).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header_list(), vec![h("cache-control", "no-store"), h("pragma", "no-cache")]);
        assert!(r.body.is_empty());
    }
}

#[tokio::test]
async fn revoke_unsupported_token_type() {
    let addr = server().await;
    let r = post_form(addr, "/revoke", &[&good_basic()], "token=unsupported-123").await;
    assert_json(
        &r,
        400,
        &[],
        err("unsupported_token_type", "Revocation of this token type is not supported"),
    );
}

#[tokio::test]
async fn revoke_client_authentication_and_request_errors() {
    let addr = server().await;
    let auth = basic_header("demo-client", "wrong");
    let r = post_form(addr, "/revoke", &[&auth], "token=t").await;
    assert_json(
        &r,
        401,
        &[("www-authenticate", r#"Basic realm="demo""#)],
        err("invalid_client", "Client authentication failed"),
    );
    let r = post_form(addr, "/revoke", &[], "token=t&client_id=demo-client&client_secret=x").await;
    assert_json(&r, 400, &[], err("invalid_client", "Client authentication failed"));
    let r = post_form(addr, "/revoke", &[], "token=t").await;
    assert_json(&r, 400, &[], err("invalid_client", "Client authentication is required"));
    let r = post_form(addr, "/revoke", &[&good_basic()], "token_type_hint=access_token").await;
    assert_json(&r, 400, &[], err("invalid_request", "token is required"));
    let r = post_form(addr, "/revoke", &[&good_basic()], &format!("token=t&{BODY_AUTH}")).await;
    assert_json(
        &r,
        400,
        &[],
        err(
            "invalid_request",
            "Use only one client authentication method (Authorization header or body)",
        ),
    );
    let r =
        post_form(addr, "/revoke", &[&good_basic(), b"X-Demo-Fail: unavailable"], "token=t").await;
    assert_json(
        &r,
        503,
        &[("retry-after", "30")],
        err("temporarily_unavailable", "The service is temporarily unavailable"),
    );
}

// ---------------------------------------------------------------------------------------
// POST /register
// ---------------------------------------------------------------------------------------

async fn register(addr: SocketAddr, body: &str) -> Response {
    send(addr, "POST", "/register", &[JSON_CT], body.as_bytes()).await
}

#[tokio::test]
async fn register_rejects_bad_redirect_uris() {
    let addr = server().await;
    let must = err(
        "invalid_redirect_uri",
        "Redirect URIs must be absolute https URIs, or http URIs on a loopback address, without a fragment",
    );
    for uri in [
        "http://example.com/cb",
        "http://localhost/cb",
        "/relative/cb",
        "https://client.example/cb#frag",
        "javascript:alert(1)",
        "https:///no-host",
        "https://user@client.example/cb",
        "https://client.example/c b",
        "http://127.0.0.1:/cb",
        "",
    ] {
        let body = json!({"redirect_uris": ["https://ok.example/cb", uri]}).to_string();
        let r = register(addr, &body).await;
        assert_json(&r, 400, &[], must.clone());
    }
    for body in [
        r#"{"redirect_uris":[]}"#,
        r#"{"redirect_uris":"https://a.example/cb"}"#,
        r#"{"redirect_uris":[1]}"#,
    ] {
        let r = register(addr, body).await;
        assert_json(
            &r,
            400,
            &[],
            err("invalid_redirect_uri", "redirect_uris must be a non-empty array of strings"),
        );
    }
    let r = register(addr, r#"{"client_name":"x"}"#).await;
    assert_json(
        &r,
        400,
        &[],
        err("invalid_redirect_uri", "redirect_uris is required for the authorization_code grant"),
    );
}

#[tokio::test]
async fn register_rejects_bad_metadata() {
    let addr = server().await;
    let uris = r#""redirect_uris":["https://client.example/cb"]"#;
    for (field, description) in [
        (
            r#""token_endpoint_auth_method":"private_key_jwt""#,
            "Unsupported token_endpoint_auth_method",
        ),
        (r#""token_endpoint_auth_method":7"#, "Unsupported token_endpoint_auth_method"),
        (r#""grant_types":["password"]"#, "Unsupported grant_types"),
        (r#""grant_types":[]"#, "Unsupported grant_types"),
        (r#""response_types":["token"]"#, "Unsupported response_types"),
        (r#""scope":"read admin""#, "scope must be read, write or read write"),
        (r#""client_name":"""#, "client_name must be a string of 1 to 256 bytes"),
    ] {
        let r = register(addr, &format!("{{{uris},{field}}}")).await;
        assert_json(&r, 400, &[], err("invalid_client_metadata", description));
    }
}

#[tokio::test]
async fn register_rejects_malformed_requests() {
    let addr = server().await;
    for body in ["", "{", "{\"redirect_uris\":", "not json", "{\"a\":1}{}", "\u{feff}{}"] {
        let r = register(addr, body).await;
        assert_json(&r, 400, &[], err("invalid_request", "The request body is not valid JSON"));
    }
    for body in ["[]", "\"x\"", "null", "42"] {
        let r = register(addr, body).await;
        assert_json(&r, 400, &[], err("invalid_request", "The request body must be a JSON object"));
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let r = register(addr, &deep).await;
    assert_json(&r, 400, &[], err("invalid_request", "The request body is not valid JSON"));
    for ct in [&b"Content-Type: application/x-www-form-urlencoded"[..], b"Content-Type: text/json"]
    {
        let r = send(
            addr,
            "POST",
            "/register",
            &[ct],
            br#"{"redirect_uris":["https://a.example/cb"]}"#,
        )
        .await;
        assert_json(
            &r,
            400,
            &[],
            err("invalid_request", "The request body must be application/json"),
        );
    }
}

#[tokio::test]
async fn register_valid_is_201() {
    let addr = server().await;
    let r = register(
        addr,
        r#"{"redirect_uris":["https://client.example/cb","http://127.0.0.1:8765/cb","http://[::1]/cb"],"client_name":"My \"app\"","scope":"read write"}"#,
    )
    .await;
    assert_json(
        &r,
        201,
        &[],
        json!({
            "client_id": "registered-client",
            "client_secret": "registered-secret",
            "client_secret_expires_at": 0,
            "token_endpoint_auth_method": "client_secret_basic",
            "grant_types": ["authorization_code"],
            "response_types": ["code"],
            "redirect_uris": ["https://client.example/cb", "http://127.0.0.1:8765/cb", "http://[::1]/cb"],
            "client_name": "My \"app\"",
            "scope": "read write",
        }),
    );
    let r = register(
        addr,
        r#"{"grant_types":["client_credentials"],"token_endpoint_auth_method":"none"}"#,
    )
    .await;
    assert_json(
        &r,
        201,
        &[],
        json!({
            "client_id": "registered-client",
            "token_endpoint_auth_method": "none",
            "grant_types": ["client_credentials"],
            "response_types": ["code"],
        }),
    );
}

// ---------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn unknown_routes_are_404_json() {
    let addr = server().await;
    for (method, target) in
        [("GET", "/"), ("POST", "/tokens"), ("GET", "/api"), ("DELETE", "/x%0D%0AY")]
    {
        let r = send(addr, method, target, &[], b"").await;
        assert_json(&r, 404, &[], err("not_found", "No such endpoint"));
    }
}

#[tokio::test]
async fn wrong_methods_are_405_with_allow() {
    let addr = server().await;
    for (method, path, allow) in [
        ("GET", "/token", "POST"),
        ("PUT", "/token", "POST"),
        ("POST", "/authorize", "GET, HEAD"),
        ("DELETE", "/api/read", "GET, HEAD"),
        ("POST", "/api/write", "GET, HEAD"),
        ("GET", "/revoke", "POST"),
        ("PATCH", "/register", "POST"),
    ] {
        let r = send(addr, method, path, &[], b"").await;
        assert_json(
            &r,
            405,
            &[("allow", allow)],
            err("method_not_allowed", "The method is not allowed for this endpoint"),
        );
    }
}

// ---------------------------------------------------------------------------------------
// Hostile input
// ---------------------------------------------------------------------------------------

/// Response headers the demo may send; anything else would be an injection.
const ALLOWED_HEADERS: [&str; 10] = [
    "allow",
    "cache-control",
    "connection",
    "content-length",
    "content-type",
    "date",
    "location",
    "pragma",
    "retry-after",
    "www-authenticate",
];

fn is_nqschar(c: char) -> bool {
    matches!(c, '\x20'..='\x21' | '\x23'..='\x5B' | '\x5D'..='\x7E')
}

/// The invariants every answer to hostile input keeps.
#[track_caller]
fn assert_proper(r: &Response, what: &str, allow_redirect: bool) {
    let ctx = || format!("{what}: {} {:?}", r.status, String::from_utf8_lossy(&r.body));
    assert!(
        (400..500).contains(&r.status) || (allow_redirect && matches!(r.status, 200 | 303)),
        "{}",
        ctx()
    );
    for (name, value) in &r.headers {
        assert!(ALLOWED_HEADERS.contains(&name.as_str()), "unexpected header {name} in {}", ctx());
        assert!(value.iter().all(|&b| (0x20..0x7F).contains(&b)), "{name} not printable ASCII");
    }
    match r.status {
        303 => {
            let location = r.header("location").expect("location");
            assert!(location.starts_with("http://127.0.0.1:9999/cb?error="), "{location}");
        }
        200 => {
            assert_eq!(r.header("content-type").as_deref(), Some("text/html;charset=utf-8"));
            assert!(r.text().contains(r#"name="error""#), "{}", ctx());
        }
        401 if r.body.is_empty() => {
            assert_eq!(r.header("www-authenticate").as_deref(), Some(r#"Bearer realm="demo""#));
        }
        _ => {
            assert_eq!(r.header("content-type").as_deref(), Some("application/json"), "{}", ctx());
            assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
            let body = r.json();
            let obj = body.as_object().expect("JSON object");
            let code = obj["error"].as_str().expect("error string");
            assert!(!code.is_empty() && code.chars().all(is_nqschar), "{code:?}");
            if let Some(d) = obj.get("error_description") {
                let d = d.as_str().expect("description string");
                assert!(d.len() <= 1024 && d.chars().all(is_nqschar), "{d:?}");
            }
        }
    }
    if r.status == 401 {
        assert!(r.header("www-authenticate").is_some(), "401 without a challenge: {}", ctx());
    }
}

fn payloads() -> Vec<(&'static str, String)> {
    vec![
        ("crlf", "x\r\nX-Injected: 1\r\n\r\n<html>".to_owned()),
        ("lf", "x\nSet-Cookie: a=b".to_owned()),
        ("quotes", r#"x" , error="forged"#.to_owned()),
        ("backslashes", "x\\\"\\".to_owned()),
        ("non-ascii", "caf\u{e9} \u{202e}\u{1F600} \u{2028}".to_owned()),
        ("controls", "a\u{0}b\u{7f}c\u{1b}[31m".to_owned()),
        ("html", "<script>alert(1)</script>".to_owned()),
        ("percent", "%zz%%0".to_owned()),
        ("huge", "A".repeat(200 * 1024)),
        ("huge-mixed", "\"\\\r\n\u{e9}".repeat(8 * 1024)),
        ("space", " ".to_owned()),
    ]
}

#[tokio::test]
async fn hostile_input_matrix() {
    let addr = server().await;
    let basic = good_basic();
    let mut count = 0;
    for (name, p) in payloads() {
        let e = pct(&p);
        // Form bodies at /token and /revoke.
        for (path, form, auth) in [
            ("/token", format!("grant_type={e}"), true),
            ("/token", format!("grant_type=client_credentials&scope={e}"), true),
            ("/token", format!("grant_type=authorization_code&code={e}"), true),
            ("/token", format!("grant_type=refresh_token&refresh_token={e}"), true),
            ("/token", format!("grant_type={DEVICE}&device_code={e}"), true),
            (
                "/token",
                format!("grant_type=authorization_code&code=good-code&redirect_uri={e}"),
                true,
            ),
            (
                "/token",
                format!("grant_type=client_credentials&client_id={e}&client_secret=x"),
                false,
            ),
            (
                "/token",
                format!("grant_type=client_credentials&client_id=demo-client&client_secret={e}"),
                false,
            ),
            ("/token", format!("grant_type=client_credentials&{e}={e}&{e}={e}"), true),
            ("/revoke", format!("token=unsupported-{e}"), true),
            ("/revoke", format!("token={e}&client_id={e}"), false),
        ] {
            let headers: Vec<&[u8]> = if auth { vec![&basic] } else { vec![] };
            let r = post_form(addr, path, &headers, &form).await;
            // Some payloads are legitimate values for some parameters (a `scope` of
            // spaces is absent, any token may be revoked): those may succeed.
            if r.status == 200 {
                assert!(
                    matches!((name, path), ("space", _) | (_, "/revoke")),
                    "{name} at {path}: unexpected 200"
                );
                continue;
            }
            assert_proper(
                &r,
                &format!("{name} in {path} form {}", &form[..form.len().min(60)]),
                false,
            );
            count += 1;
        }
        // Basic credentials made of the payload (form-encoded or raw), as RFC 6749 wants.
        for auth in [basic_header(&p, "demo-secret"), basic_header("demo-client", &p)] {
            let r = post_form(addr, "/token", &[&auth], "grant_type=client_credentials").await;
            assert_proper(&r, &format!("{name} in Basic credentials"), false);
            assert_eq!(r.status, 401);
            count += 1;
        }
        // The authorization endpoint: direct 400 or a redirected error, never a success.
        // hyper refuses request targets over 64 KiB itself (414, before any routing), so
        // query payloads are cut to fit twice into one target; the full 200 KB one is
        // checked below.
        let e = if e.len() > 30_000 {
            let fit: String = p
                .chars()
                .scan(0, |n, c| {
                    *n += pct(&c.to_string()).len();
                    (*n <= 30_000).then_some(c)
                })
                .collect();
            let r = get(addr, &format!("/authorize?client_id=demo-client&state={e}"), &[]).await;
            assert_eq!(r.status, 414, "{name}: hyper's request-target limit");
            assert!(r.headers.iter().all(|(n, _)| ALLOWED_HEADERS.contains(&n.as_str())));
            pct(&fit)
        } else {
            e
        };
        for query in [
            format!("client_id={e}&response_type=code"),
            format!("client_id=demo-client&redirect_uri={e}"),
            format!("client_id=demo-client&response_type={e}&state={e}"),
            format!("client_id=demo-client&response_type=code&scope={e}&state=s"),
            format!("client_id=demo-client&response_type=code&prompt={e}"),
            format!("client_id=demo-client&response_type=code&response_mode={e}"),
            format!("client_id=demo-client&response_type=code&prompt=none&state={e}"),
            format!(
                "client_id=demo-client&response_type=code&prompt=none&response_mode=form_post&state={e}"
            ),
            format!("client_id=demo-client&response_type=code&prompt=none&{e}={e}"),
        ] {
            let r = get(addr, &format!("/authorize?{query}"), &[]).await;
            if r.status == 303 && name == "space" {
                continue; // a lone space is an empty (absent) value
            }
            assert_proper(
                &r,
                &format!("{name} at /authorize?{}", &query[..query.len().min(80)]),
                true,
            );
            count += 1;
        }
        // Registration metadata.
        for body in [
            json!({"redirect_uris": [p]}).to_string(),
            json!({"redirect_uris": ["https://a.example/cb"], "token_endpoint_auth_method": p}).to_string(),
            json!({"redirect_uris": ["https://a.example/cb"], "grant_types": [p]}).to_string(),
            json!({"redirect_uris": ["https://a.example/cb"], "scope": p}).to_string(),
            json!({"redirect_uris": ["https://a.example/cb"], "client_name": p, "response_types": [p]}).to_string(),
            format!("{{\"redirect_uris\": [\"{p}\"]}}"),
            p.clone(),
        ] {
            let r = register(addr, &body).await;
            assert_proper(&r, &format!("{name} in /register body"), false);
            count += 1;
        }
        // Header-borne payloads (raw bytes; CR/LF cannot be sent inside a header line).
        let raw: Vec<u8> = p.bytes().filter(|&b| b != b'\r' && b != b'\n' && b != 0).collect();
        let raw = if raw.is_empty() { b"x".to_vec() } else { raw };
        for (path, prefix) in [
            ("/api/read", &b"Authorization: Bearer "[..]),
            ("/api/write", b"Authorization: "),
            ("/api/read", b"Authorization: Basic "),
        ] {
            let mut header = prefix.to_vec();
            header.extend_from_slice(&raw);
            if header.iter().any(|&b| b < 0x20 && b != b'\t' || b == 0x7f) {
                continue; // not a valid HTTP header line: the HTTP parser rejects it
            }
            let r = get(addr, path, &[&header]).await;
            assert_proper(&r, &format!("{name} in {path} Authorization"), false);
            count += 1;
        }
        for prefix in [&b"Authorization: "[..], b"Authorization: Basic ", b"Content-Type: "] {
            let mut header = prefix.to_vec();
            header.extend_from_slice(&raw);
            if header.iter().any(|&b| b < 0x20 && b != b'\t' || b == 0x7f) {
                continue;
            }
            let r =
                send(addr, "POST", "/token", &[FORM, &header], b"grant_type=client_credentials")
                    .await;
            assert_proper(&r, &format!("{name} in /token header"), false);
            count += 1;
        }
    }
    assert!(count > 300, "only {count} hostile requests checked");
}

#[tokio::test]
async fn wrong_content_types_everywhere() {
    let addr = server().await;
    let body = br#"{"grant_type":"client_credentials"}"#;
    for ct in [
        &b"Content-Type: application/json"[..],
        b"Content-Type: multipart/form-data; boundary=x",
        b"Content-Type: text/plain",
        b"Content-Type: application/x-www-form-urlencodedx",
        b"Content-Type: \xe9",
        b"Content-Type: ",
    ] {
        for path in ["/token", "/revoke"] {
            let r = send(addr, "POST", path, &[&good_basic(), ct], body).await;
            assert_proper(&r, &format!("{path} with {}", String::from_utf8_lossy(ct)), false);
            assert_eq!(r.json()["error"], "invalid_request");
        }
        if ct != b"Content-Type: application/json" {
            let r = send(addr, "POST", "/register", &[ct], b"{}").await;
            assert_proper(&r, "/register", false);
            assert_eq!(r.json()["error"], "invalid_request");
        }
    }
}
