//! The axum demo (`examples/shared/axum_app.rs`) and the actix-web demo
//! (`examples/shared/actix_app.rs`) answer every request identically.
//!
//! Both apps are served in this process on `127.0.0.1:0` — axum on a tokio runtime,
//! actix-web in its own thread under `actix_web::rt::System` — with **one** shared
//! [`scenario::Config`] (issuer `http://127.0.0.1:8080`), as two instances of the same
//! server would be, so redirects carrying `iss` are comparable. Every request of a table
//! is written as raw HTTP/1.1 bytes (`Connection: close`, read until EOF) to both, and:
//!
//! * the status line, every header line except `date` (names lower-cased, compared as a
//!   list sorted by name, repeated names kept in received order) and the body bytes must
//!   be identical;
//! * the status (and the JSON `error` member, when the table names one) must be the
//!   expected one.
//!
//! Every mismatch of a table is collected before failing, so one run shows them all. Both
//! servers stop at the end of each test (and on their own after [`SERVER_LIFETIME`]).

#![cfg(all(feature = "axum", feature = "actix-web", feature = "tracing"))]

#[path = "../examples/shared/actix_app.rs"]
mod actix_app;
#[path = "../examples/shared/axum_app.rs"]
mod axum_app;
mod common;
#[path = "common/demo_client.rs"]
mod demo_client;
#[path = "../examples/shared/scenario.rs"]
mod scenario;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use common::raw_http::{self, Response};
use common::servers::{ActixServer, AxumServer};
use demo_client::{BODY_AUTH, DEVICE, FORM, JSON_CT, base64, basic_header, good_basic, pct};

/// The longest a server of one test may live.
const SERVER_LIFETIME: Duration = Duration::from_secs(120);
/// Connect / read / write timeout of the raw client.
const IO_TIMEOUT: Duration = Duration::from_secs(15);
/// The address both apps use as their issuer.
const ISSUER_ADDR: &str = "127.0.0.1:8080";

fn config() -> scenario::Config {
    scenario::Config::new(ISSUER_ADDR.parse().expect("issuer address")).expect("config")
}

// ---------------------------------------------------------------------------------------
// Servers (tests/common/servers.rs)
// ---------------------------------------------------------------------------------------

fn start_axum(config: scenario::Config) -> AxumServer {
    AxumServer::start(axum_app::app(config), SERVER_LIFETIME)
}

fn start_actix(config: scenario::Config) -> ActixServer {
    let config = Arc::new(config);
    ActixServer::start(SERVER_LIFETIME, move || {
        let server = actix_web::HttpServer::new(move || actix_app::app(Arc::clone(&config)))
            .workers(1)
            .disable_signals()
            .shutdown_timeout(1)
            .bind(("127.0.0.1", 0))?;
        Ok((server.addrs()[0], server.run()))
    })
}

// ---------------------------------------------------------------------------------------
// Raw HTTP/1.1 client (tests/common/raw_http.rs, blocking and bounded)
// ---------------------------------------------------------------------------------------

/// Writes `raw` and reads the whole response, however the write ends (a server may
/// answer, and close, before reading everything).
fn send_raw(addr: SocketAddr, raw: Vec<u8>) -> Response {
    raw_http::exchange(addr, raw, IO_TIMEOUT)
        .and_then(raw_http::Exchange::complete_response)
        .unwrap_or_else(|e| panic!("{e}"))
}

// ---------------------------------------------------------------------------------------
// Request tables
// ---------------------------------------------------------------------------------------

/// One request and what it must get.
struct Case {
    name: String,
    method: &'static str,
    target: String,
    headers: Vec<Vec<u8>>,
    body: Vec<u8>,
    /// Extra raw bytes to send instead of a `Content-Length` body (chunked bodies).
    raw_body: Option<Vec<u8>>,
    status: u16,
    /// The JSON `error` member the response must carry (`None`: not checked).
    error: Option<&'static str>,
}

impl Case {
    fn new(name: impl Into<String>, method: &'static str, target: impl Into<String>) -> Case {
        Case {
            name: name.into(),
            method,
            target: target.into(),
            headers: Vec::new(),
            body: Vec::new(),
            raw_body: None,
            status: 0,
            error: None,
        }
    }

    fn header(mut self, line: impl AsRef<[u8]>) -> Case {
        self.headers.push(line.as_ref().to_vec());
        self
    }

    fn headers<H: AsRef<[u8]>>(mut self, lines: impl IntoIterator<Item = H>) -> Case {
        self.headers.extend(lines.into_iter().map(|l| l.as_ref().to_vec()));
        self
    }

    fn body(mut self, body: impl AsRef<[u8]>) -> Case {
        self.body = body.as_ref().to_vec();
        self
    }

    fn form(self, form: impl AsRef<[u8]>) -> Case {
        self.header(FORM).body(form)
    }

    /// Expects `status` and, for JSON errors, the `error` member.
    fn expect(mut self, status: u16, error: Option<&'static str>) -> Case {
        self.status = status;
        self.error = error;
        self
    }

    fn ok(self, status: u16) -> Case {
        self.expect(status, None)
    }

    fn err(self, status: u16, error: &'static str) -> Case {
        self.expect(status, Some(error))
    }

    fn raw(&self, addr: SocketAddr) -> Vec<u8> {
        match &self.raw_body {
            Some(raw_body) => {
                let mut raw =
                    raw_http::request_head(addr, self.method, &self.target, &self.headers);
                raw.extend_from_slice(b"\r\n");
                raw.extend_from_slice(raw_body);
                raw
            }
            None => raw_http::request(addr, self.method, &self.target, &self.headers, &self.body),
        }
    }
}

fn token(name: &str, form: impl AsRef<[u8]>) -> Case {
    Case::new(name, "POST", "/token").header(good_basic()).form(form)
}

fn token_body_auth(name: &str, form: &str) -> Case {
    Case::new(name, "POST", "/token").form(format!("{form}&{BODY_AUTH}"))
}

fn api(name: &str, path: &str, headers: &[&[u8]]) -> Case {
    Case::new(name, "GET", path).headers(headers.iter().copied())
}

// ---------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------

/// Sends every case to both apps; panics with every mismatch found.
fn check(cases: Vec<Case>) {
    assert!(!cases.is_empty());
    let axum = start_axum(config());
    let actix = start_actix(config());
    let mut failures = Vec::new();
    for case in &cases {
        let a = send_raw(axum.addr, case.raw(axum.addr));
        let b = send_raw(actix.addr, case.raw(actix.addr));
        let mut problems = Vec::new();
        if a.status_line != b.status_line {
            problems.push("status line differs".to_owned());
        }
        if a.headers_without_date() != b.headers_without_date() {
            problems.push("headers differ".to_owned());
        }
        if a.body != b.body {
            problems.push("body differs".to_owned());
        }
        if a.status != case.status {
            problems.push(format!("expected status {}, axum sent {}", case.status, a.status));
        }
        if b.status != case.status {
            problems.push(format!("expected status {}, actix sent {}", case.status, b.status));
        }
        if let Some(code) = case.error {
            for (label, r) in [("axum", &a), ("actix", &b)] {
                let error =
                    serde_json::from_slice::<Value>(&r.body).ok().map(|v| v["error"].clone());
                if error != Some(json!(code)) {
                    problems.push(format!("expected error {code:?}, {label} sent {error:?}"));
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "[{}] {} {}: {}\n  axum:\n{}  actix:\n{}",
                case.name,
                case.method,
                case.target.chars().take(80).collect::<String>(),
                problems.join("; "),
                a.describe(),
                b.describe()
            ));
        }
    }
    axum.shutdown();
    actix.shutdown();
    eprintln!("{} requests sent to both apps", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} requests differ:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// POST /token
// ---------------------------------------------------------------------------------------

#[test]
fn token_endpoint_lines() {
    let cc = "grant_type=client_credentials";
    let mut cases = vec![
        // Client authentication.
        Case::new("wrong Basic secret", "POST", "/token")
            .header(basic_header("demo-client", "wrong"))
            .form(cc)
            .err(401, "invalid_client"),
        Case::new("unknown Basic client", "POST", "/token")
            .header(basic_header("someone-else", "demo-secret"))
            .form(cc)
            .err(401, "invalid_client"),
        Case::new("wrong body secret", "POST", "/token")
            .form(format!("{cc}&client_id=demo-client&client_secret=wrong"))
            .err(400, "invalid_client"),
        Case::new("two methods", "POST", "/token")
            .header(good_basic())
            .form(format!("{cc}&{BODY_AUTH}"))
            .err(400, "invalid_request"),
        token("body client_id mismatch", format!("{cc}&client_id=other"))
            .err(400, "invalid_request"),
        token("body client_id match", format!("{cc}&client_id=demo-client")).ok(200),
        Case::new("no client authentication", "POST", "/token").form(cc).err(400, "invalid_client"),
        Case::new("client_id only", "POST", "/token")
            .form(format!("{cc}&client_id=demo-client"))
            .err(400, "invalid_client"),
        Case::new("client_secret only", "POST", "/token")
            .form(format!("{cc}&client_secret=x"))
            .err(400, "invalid_client"),
        Case::new("two Authorization headers", "POST", "/token")
            .headers([good_basic(), good_basic()])
            .form(cc)
            .err(400, "invalid_request"),
        Case::new("form-encoded Basic", "POST", "/token")
            .header(format!("Authorization: basic  {}", base64(b"demo%2Dclient:demo%2dsecret")))
            .form(cc)
            .ok(200),
        // Grant errors.
        token("no grant_type", "scope=read").err(400, "invalid_request"),
        Case::new("no grant_type, body auth", "POST", "/token")
            .form(BODY_AUTH)
            .err(400, "invalid_request"),
        token("empty grant_type", "grant_type=").err(400, "invalid_request"),
        token("unknown grant", "grant_type=magic").err(400, "unsupported_grant_type"),
        token("password grant", "grant_type=password&username=alice&password=secret")
            .err(400, "unauthorized_client"),
        token("bad code", "grant_type=authorization_code&code=stale").err(400, "invalid_grant"),
        token(
            "code with wrong redirect_uri",
            "grant_type=authorization_code&code=good-code&redirect_uri=https%3A%2F%2Fevil.example%2Fcb",
        )
        .err(400, "invalid_grant"),
        token("no code", "grant_type=authorization_code").err(400, "invalid_request"),
        token("bad refresh", "grant_type=refresh_token&refresh_token=old-refresh")
            .err(400, "invalid_grant"),
        token("admin scope", format!("{cc}&scope=admin")).err(400, "invalid_scope"),
        token("malformed scope", format!("{cc}&scope=read++write")).err(400, "invalid_scope"),
        token(
            "refresh with admin scope",
            "grant_type=refresh_token&refresh_token=good-refresh&scope=read%20admin",
        )
        .err(400, "invalid_scope"),
        // Device flow.
        token("device pending", format!("grant_type={DEVICE}&device_code=pending"))
            .err(400, "authorization_pending"),
        token("device slow", format!("grant_type={DEVICE}&device_code=slow"))
            .err(400, "slow_down"),
        token("device expired", format!("grant_type={DEVICE}&device_code=expired"))
            .err(400, "expired_token"),
        token("device denied", format!("grant_type={DEVICE}&device_code=denied"))
            .err(400, "access_denied"),
        token("device forged", format!("grant_type={DEVICE}&device_code=forged"))
            .err(400, "invalid_grant"),
        token("device no code", format!("grant_type={DEVICE}")).err(400, "invalid_request"),
        // Simulated failures.
        token("X-Demo-Fail server", cc).header("X-Demo-Fail: server").err(500, "server_error"),
        token("X-Demo-Fail unavailable", cc)
            .header("X-Demo-Fail: unavailable")
            .err(503, "temporarily_unavailable"),
        token("X-Demo-Fail ratelimit", cc)
            .header("X-Demo-Fail: RateLimit")
            .err(429, "too_many_requests"),
        token("X-Demo-Fail unknown value", cc).header("X-Demo-Fail: everything").ok(200),
        // Request format.
        Case::new("JSON body", "POST", "/token")
            .headers([good_basic().as_slice(), JSON_CT])
            .body(cc)
            .err(400, "invalid_request"),
        Case::new("text/plain body", "POST", "/token")
            .headers([good_basic().as_slice(), b"Content-Type: text/plain"])
            .body(cc)
            .err(400, "invalid_request"),
        Case::new("no Content-Type", "POST", "/token")
            .header(good_basic())
            .body(cc)
            .err(400, "invalid_request"),
        Case::new("charset and odd case", "POST", "/token")
            .headers([
                good_basic().as_slice(),
                b"Content-Type: Application/X-WWW-Form-Urlencoded; charset=UTF-8",
            ])
            .body(cc)
            .ok(200),
        token("repeated scope", format!("{cc}&scope=read&scope=write"))
            .err(400, "invalid_request"),
        token("not UTF-8", "grant_type=%FF").err(400, "invalid_request"),
    ];
    for header in [
        &b"Authorization: Basic !!!"[..],
        b"Authorization: Basic ZGVtby1jbGllbnQ=",
        b"Authorization: Basic",
        b"Authorization: Bearer demo-access-token",
        b"Authorization: Digest username=\"demo\"",
        b"Authorization: \xff\xfe garbage",
    ] {
        let name = format!("malformed {}", String::from_utf8_lossy(header));
        cases.push(
            Case::new(name, "POST", "/token").header(header).form(cc).err(401, "invalid_client"),
        );
    }
    // Every success, with Basic and with body authentication.
    for form in [
        cc.to_owned(),
        format!("{cc}&scope=read"),
        format!("{cc}&scope=write"),
        format!("{cc}&scope=read+write"),
        "grant_type=authorization_code&code=good-code".to_owned(),
        "grant_type=authorization_code&code=good-code&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcb"
            .to_owned(),
        "grant_type=refresh_token&refresh_token=good-refresh".to_owned(),
        "grant_type=refresh_token&refresh_token=good-refresh&scope=write".to_owned(),
        format!("grant_type={DEVICE}&device_code=approved"),
    ] {
        cases.push(token(&format!("success {form}"), &form).ok(200));
        cases.push(token_body_auth(&format!("success (body auth) {form}"), &form).ok(200));
    }
    check(cases);
}

#[test]
fn body_limits() {
    let max = scenario::MAX_BODY_BYTES;
    let cc = "grant_type=client_credentials";
    // 300 KiB: over actix-web's default 256 KiB payload limit, under the demo's 1 MiB.
    let big_scope = format!("{cc}&scope={}", "a".repeat(300 * 1024));
    // Exactly the limit is read; one byte more is refused.
    let at_limit = format!("{cc}&pad={}", "x".repeat(max - cc.len() - "&pad=".len()));
    assert_eq!(at_limit.len(), max);
    let over_limit = format!("{at_limit}x");
    let chunked = |name: &str, body: &str| {
        let mut raw = format!("{:x}\r\n", body.len()).into_bytes();
        raw.extend_from_slice(body.as_bytes());
        raw.extend_from_slice(b"\r\n0\r\n\r\n");
        let mut case = Case::new(name, "POST", "/token").headers([
            good_basic().as_slice(),
            FORM,
            b"Transfer-Encoding: chunked",
        ]);
        case.raw_body = Some(raw);
        case
    };
    let declared_only = {
        let mut case = Case::new("declared 5 MB, nothing sent", "POST", "/token")
            .headers([FORM, b"Content-Length: 5000000"]);
        case.raw_body = Some(Vec::new());
        case
    };
    check(vec![
        token("300 KiB scope", &big_scope).err(400, "invalid_scope"),
        token("exactly MAX_BODY_BYTES", &at_limit).ok(200),
        token("MAX_BODY_BYTES + 1", &over_limit).err(413, "invalid_request"),
        chunked("chunked, exactly MAX_BODY_BYTES", &at_limit).ok(200),
        chunked("chunked, MAX_BODY_BYTES + 1", &over_limit).err(413, "invalid_request"),
        declared_only.err(413, "invalid_request"),
        Case::new("revoke over the limit", "POST", "/revoke")
            .header(good_basic())
            .form(format!("token={}", "t".repeat(max)))
            .err(413, "invalid_request"),
        Case::new("register over the limit", "POST", "/register")
            .header(JSON_CT)
            .body(" ".repeat(max + 1))
            .err(413, "invalid_request"),
    ]);
}

// ---------------------------------------------------------------------------------------
// GET /api/read, /api/write
// ---------------------------------------------------------------------------------------

#[test]
fn resource_lines() {
    let mut cases = Vec::new();
    for path in ["/api/read", "/api/write"] {
        cases.push(api("no Authorization", path, &[]).ok(401));
        cases.push(api("Basic credentials", path, &[b"Authorization: Basic ZGVtbzp4"]).ok(401));
        cases.push(
            api("unknown token", path, &[b"Authorization: Bearer not-a-token"])
                .err(401, "invalid_token"),
        );
        cases.push(
            api(
                "X-Demo-Fail server",
                path,
                &[b"Authorization: Bearer demo-access-token", b"X-Demo-Fail: server"],
            )
            .err(500, "server_error"),
        );
        cases.push(
            api("X-Demo-Fail unavailable", path, &[b"X-Demo-Fail: unavailable"])
                .err(503, "temporarily_unavailable"),
        );
        cases.push(
            api("X-Demo-Fail ratelimit", path, &[b"X-Demo-Fail: ratelimit"])
                .err(429, "too_many_requests"),
        );
    }
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
        let name = format!("malformed {}", String::from_utf8_lossy(header));
        cases.push(api(&name, "/api/read", &[header]).err(400, "invalid_request"));
    }
    cases.push(
        api(
            "two Authorization headers",
            "/api/write",
            &[
                b"Authorization: Bearer demo-access-token",
                b"Authorization: Bearer write-access-token",
            ],
        )
        .err(400, "invalid_request"),
    );
    cases.push(
        api("insufficient scope", "/api/write", &[b"Authorization: Bearer demo-access-token"])
            .err(403, "insufficient_scope"),
    );
    for (path, header) in [
        ("/api/read", &b"Authorization: Bearer demo-access-token"[..]),
        ("/api/read", b"Authorization: bearer   write-access-token"),
        ("/api/write", b"Authorization: BEARER write-access-token"),
    ] {
        cases.push(api("valid", path, &[header]).ok(200));
    }
    // HEAD is answered like GET, without the body.
    cases.push(
        Case::new("HEAD valid", "HEAD", "/api/read")
            .header("Authorization: Bearer demo-access-token")
            .ok(200),
    );
    cases.push(Case::new("HEAD no Authorization", "HEAD", "/api/write").ok(401));
    cases.push(
        Case::new("HEAD insufficient scope", "HEAD", "/api/write")
            .header("Authorization: Bearer demo-access-token")
            .ok(403),
    );
    check(cases);
}

// ---------------------------------------------------------------------------------------
// The other routes
// ---------------------------------------------------------------------------------------

#[test]
fn authorize_revoke_register_lines() {
    let authz = "/authorize?client_id=demo-client&response_type=code";
    let cb = "redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcb";
    let register =
        |name: &str, body: &str| Case::new(name, "POST", "/register").header(JSON_CT).body(body);
    check(vec![
        Case::new("authorize success", "GET", format!("{authz}&state=xyz")).ok(303),
        Case::new(
            "authorize fragment",
            "GET",
            format!("{authz}&{cb}&state=xyz&response_mode=fragment"),
        )
        .ok(303),
        Case::new(
            "authorize form_post",
            "GET",
            format!("{authz}&state=xyz&response_mode=form_post"),
        )
        .ok(200),
        Case::new("authorize prompt=none", "GET", format!("{authz}&state=xyz&prompt=none")).ok(303),
        Case::new(
            "authorize prompt=none form_post",
            "GET",
            format!("{authz}&state=xyz&prompt=none&response_mode=form_post"),
        )
        .ok(200),
        Case::new("authorize admin scope", "GET", format!("{authz}&scope=admin")).ok(303),
        Case::new(
            "authorize token response_type",
            "GET",
            "/authorize?client_id=demo-client&response_type=token",
        )
        .ok(303),
        Case::new(
            "authorize unknown client",
            "GET",
            "/authorize?client_id=evil&response_type=code",
        )
        .err(400, "invalid_client"),
        Case::new("authorize no client", "GET", "/authorize?response_type=code")
            .err(400, "invalid_request"),
        Case::new(
            "authorize unregistered redirect_uri",
            "GET",
            format!("{authz}&redirect_uri=https%3A%2F%2Fevil.example%2Fcb"),
        )
        .err(400, "invalid_request"),
        Case::new("authorize no query", "GET", "/authorize").err(400, "invalid_request"),
        Case::new("authorize empty query", "GET", "/authorize?").err(400, "invalid_request"),
        Case::new("authorize ratelimit", "GET", authz)
            .header("X-Demo-Fail: ratelimit")
            .err(429, "too_many_requests"),
        Case::new("authorize server failure", "GET", format!("{authz}&state=s"))
            .header("X-Demo-Fail: server")
            .ok(303),
        Case::new("HEAD authorize", "HEAD", format!("{authz}&state=xyz")).ok(303),
        Case::new("revoke", "POST", "/revoke")
            .header(good_basic())
            .form("token=demo-access-token")
            .ok(200),
        Case::new("revoke body auth", "POST", "/revoke")
            .form(format!("token=good-refresh&{BODY_AUTH}"))
            .ok(200),
        Case::new("revoke unsupported", "POST", "/revoke")
            .header(good_basic())
            .form("token=unsupported-123")
            .err(400, "unsupported_token_type"),
        Case::new("revoke wrong secret", "POST", "/revoke")
            .header(basic_header("demo-client", "wrong"))
            .form("token=x")
            .err(401, "invalid_client"),
        Case::new("revoke no token", "POST", "/revoke")
            .header(good_basic())
            .form("")
            .err(400, "invalid_request"),
        Case::new("revoke unavailable", "POST", "/revoke")
            .headers([good_basic().as_slice(), b"X-Demo-Fail: unavailable"])
            .form("token=x")
            .err(503, "temporarily_unavailable"),
        register(
            "register valid",
            r#"{"redirect_uris":["https://app.example/cb"],"client_name":"x"}"#,
        )
        .ok(201),
        register(
            "register public client",
            r#"{"grant_types":["client_credentials"],"token_endpoint_auth_method":"none"}"#,
        )
        .ok(201),
        register("register bad redirect", r#"{"redirect_uris":["http://example.com/cb"]}"#)
            .err(400, "invalid_redirect_uri"),
        register("register no redirect", "{}").err(400, "invalid_redirect_uri"),
        register(
            "register bad auth method",
            r#"{"redirect_uris":["https://a.example/cb"],"token_endpoint_auth_method":"x"}"#,
        )
        .err(400, "invalid_client_metadata"),
        register("register not JSON", "redirect_uris=x").err(400, "invalid_request"),
        Case::new("register wrong content type", "POST", "/register")
            .form("{}")
            .err(400, "invalid_request"),
        register("register server failure", "{}")
            .header("X-Demo-Fail: server")
            .err(500, "server_error"),
    ]);
}

// ---------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------

#[test]
fn routing_lines() {
    let mut cases = Vec::new();
    for (method, target) in [
        ("GET", "/"),
        ("POST", "/tokens"),
        ("GET", "/api"),
        ("GET", "/api/"),
        ("GET", "/api/delete"),
        ("DELETE", "/x%0D%0AY"),
        ("POST", "/token/"),
        ("POST", "/TOKEN"),
        ("POST", "//token"),
        // actix-web decodes unreserved percent-escapes before routing; axum does not.
        ("POST", "/%74oken"),
        ("GET", "/api%2Fread"),
        ("GET", "/api/%72ead"),
        ("OPTIONS", "/nowhere"),
        ("GET", "/nowhere?client_id=demo-client"),
    ] {
        cases.push(
            Case::new(format!("404 {method} {target}"), method, target).err(404, "not_found"),
        );
    }
    // HEAD responses have no body to read the `error` member from.
    cases.push(Case::new("404 HEAD /nowhere", "HEAD", "/nowhere").ok(404));
    for (method, path) in [
        ("GET", "/token"),
        ("PUT", "/token"),
        ("DELETE", "/token"),
        ("HEAD", "/token"),
        ("OPTIONS", "/token"),
        ("POST", "/authorize"),
        ("DELETE", "/api/read"),
        ("POST", "/api/write"),
        ("PUT", "/api/read"),
        ("OPTIONS", "/api/read"),
        ("GET", "/revoke"),
        ("PATCH", "/register"),
        ("GET", "/register"),
    ] {
        let case = Case::new(format!("405 {method} {path}"), method, path);
        // HEAD responses have no body to read the `error` member from.
        cases.push(if method == "HEAD" {
            case.ok(405)
        } else {
            case.err(405, "method_not_allowed")
        });
    }
    // A wrong method with a body and credentials is still 405, before anything else.
    cases.push(
        Case::new("405 with a form body", "PUT", "/token")
            .header(good_basic())
            .form("grant_type=client_credentials")
            .err(405, "method_not_allowed"),
    );
    check(cases);
}

// ---------------------------------------------------------------------------------------
// Hostile input (a sample of tests/demo_server.rs's matrix)
// ---------------------------------------------------------------------------------------

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
        ("long", "A".repeat(2000)),
        ("huge-mixed", "\"\\\r\n\u{e9}".repeat(8 * 1024)),
    ]
}

#[test]
fn hostile_sample() {
    let mut cases = Vec::new();
    for (name, p) in payloads() {
        let e = pct(&p);
        let body_cases: [(&str, String, bool, u16, &'static str); 9] = [
            ("/token", format!("grant_type={e}"), true, 400, "unsupported_grant_type"),
            (
                "/token",
                format!("grant_type=client_credentials&scope={e}"),
                true,
                400,
                "invalid_scope",
            ),
            (
                "/token",
                format!("grant_type=authorization_code&code={e}"),
                true,
                400,
                "invalid_grant",
            ),
            (
                "/token",
                format!("grant_type=refresh_token&refresh_token={e}"),
                true,
                400,
                "invalid_grant",
            ),
            ("/token", format!("grant_type={DEVICE}&device_code={e}"), true, 400, "invalid_grant"),
            (
                "/token",
                format!("grant_type=authorization_code&code=good-code&redirect_uri={e}"),
                true,
                400,
                "invalid_grant",
            ),
            (
                "/token",
                format!("grant_type=client_credentials&client_id={e}&client_secret=x"),
                false,
                400,
                "invalid_client",
            ),
            (
                "/token",
                format!("grant_type=client_credentials&{e}={e}&{e}={e}"),
                true,
                400,
                "invalid_request",
            ),
            ("/revoke", format!("token=unsupported-{e}"), true, 400, "unsupported_token_type"),
        ];
        for (path, form, auth, status, code) in body_cases {
            let case =
                Case::new(format!("{name}: {path} {}", &form[..form.len().min(40)]), "POST", path);
            let case = if auth { case.header(good_basic()) } else { case };
            cases.push(case.form(form).err(status, code));
        }
        // Header-borne payloads stay far below both parsers' header-size limits.
        let short: String = p.chars().take(200).collect();
        for auth in [basic_header(&short, "demo-secret"), basic_header("demo-client", &short)] {
            cases.push(
                Case::new(format!("{name}: Basic credentials"), "POST", "/token")
                    .header(auth)
                    .form("grant_type=client_credentials")
                    .err(401, "invalid_client"),
            );
        }
        // Query payloads stay short enough for both HTTP parsers' request-line limits.
        let q = if e.len() > 4000 { pct(&p.chars().take(200).collect::<String>()) } else { e };
        for (query, status, code) in [
            (format!("client_id={q}&response_type=code"), 400, Some("invalid_client")),
            (format!("client_id=demo-client&redirect_uri={q}"), 400, Some("invalid_request")),
            (format!("client_id=demo-client&response_type={q}&state={q}"), 303, None),
            (format!("client_id=demo-client&response_type=code&scope={q}&state=s"), 303, None),
            (format!("client_id=demo-client&response_type=code&prompt={q}"), 303, None),
            (
                format!("client_id=demo-client&response_type=code&response_mode={q}"),
                400,
                Some("invalid_request"),
            ),
            (
                format!(
                    "client_id=demo-client&response_type=code&prompt=none&response_mode=form_post&state={q}"
                ),
                200,
                None,
            ),
        ] {
            cases.push(
                Case::new(
                    format!("{name}: /authorize?{}", &query[..query.len().min(50)]),
                    "GET",
                    format!("/authorize?{query}"),
                )
                .expect(status, code),
            );
        }
        for (body, code) in [
            (json!({"redirect_uris": [p]}).to_string(), "invalid_redirect_uri"),
            (
                json!({"redirect_uris": ["https://a.example/cb"], "token_endpoint_auth_method": p})
                    .to_string(),
                "invalid_client_metadata",
            ),
            (
                json!({"redirect_uris": ["https://a.example/cb"], "scope": p}).to_string(),
                "invalid_client_metadata",
            ),
            (p.clone(), "invalid_request"),
        ] {
            cases.push(
                Case::new(format!("{name}: /register"), "POST", "/register")
                    .header(JSON_CT)
                    .body(body)
                    .err(400, code),
            );
        }
        // Header-borne payloads: raw bytes, only where they make a valid header line.
        let raw: Vec<u8> =
            p.bytes().filter(|&b| b != b'\r' && b != b'\n' && b != 0).take(2000).collect();
        let valid_line = |h: &[u8]| !h.iter().any(|&b| b < 0x20 && b != b'\t' || b == 0x7f);
        // 2000 `A`s are a well-formed (unknown) bearer token.
        let bearer = if name == "long" { (401, "invalid_token") } else { (400, "invalid_request") };
        for (path, prefix, status, code) in [
            ("/api/read", &b"Authorization: Bearer "[..], bearer.0, Some(bearer.1)),
            ("/api/write", b"X-Demo-Fail: ", 401, None),
        ] {
            let mut header = prefix.to_vec();
            header.extend_from_slice(&raw);
            if valid_line(&header) {
                cases.push(
                    api(
                        &format!("{name}: {path} {}", String::from_utf8_lossy(prefix)),
                        path,
                        &[&header],
                    )
                    .expect(status, code),
                );
            }
        }
        let mut header = b"Authorization: Basic ".to_vec();
        header.extend_from_slice(&raw);
        if valid_line(&header) {
            cases.push(
                Case::new(format!("{name}: /token raw Basic"), "POST", "/token")
                    .header(header)
                    .form("grant_type=client_credentials")
                    .err(401, "invalid_client"),
            );
        }
    }
    assert!(cases.len() > 150, "only {} hostile requests", cases.len());
    check(cases);
}

/// Both apps answer a wrong method with the crate's 405 and `Allow` list.
#[test]
fn allow_lists_the_same_methods() {
    let config = config();
    let axum = start_axum(config.clone());
    let actix = start_actix(config);
    for route in scenario::Route::ALL {
        let method = if route.method() == http::Method::GET { "DELETE" } else { "GET" };
        let case = Case::new(route.path(), method, route.path());
        let a = send_raw(axum.addr, case.raw(axum.addr));
        let b = send_raw(actix.addr, case.raw(actix.addr));
        assert_eq!((a.status, b.status), (405, 405), "{}", route.path());
        let methods = route.allowed_methods();
        let listed: Vec<&str> = methods.iter().map(http::Method::as_str).collect();
        // The crate's rendering, through both apps.
        assert_eq!(b.header("allow"), Some(listed.join(", ")), "{}", route.path());
        assert_eq!(a.header("allow"), Some(listed.join(", ")), "{}", route.path());
        assert_eq!(a.headers_without_date(), b.headers_without_date());
        assert_eq!(a.body, b.body);
    }
    axum.shutdown();
    actix.shutdown();
}
