//! `examples/axum_api.rs` and `examples/actix_api.rs` — services written with the crate's
//! extractors, `?` and a domain error type — answer byte-identically to the demo server
//! (`examples/shared/scenario.rs` on axum) and to each other, on the routes they share,
//! for successes and for every error a client can provoke there.
//!
//! The three apps are served on `127.0.0.1:0`; each request is written as raw HTTP/1.1
//! (`Connection: close`, read until EOF) to all three, and the status line, every header
//! line but `date` (sorted by name, repeated names in received order) and the body bytes
//! must be the same, with the expected status and JSON `error` member. Every mismatch is
//! collected before failing.

#![cfg(all(feature = "axum", feature = "actix-web"))]
// Each example includes `examples/shared/api_domain.rs` itself, as it does when run.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code)]
#[path = "../examples/actix_api.rs"]
mod actix_api;
#[allow(dead_code)]
#[path = "../examples/axum_api.rs"]
mod axum_api;
#[path = "../examples/shared/axum_app.rs"]
mod axum_app;
mod common;
#[path = "common/demo_client.rs"]
mod demo_client;
#[path = "../examples/shared/scenario.rs"]
mod scenario;

use std::net::SocketAddr;
use std::time::Duration;

use serde_json::{Value, json};

use common::raw_http::{self, Response};
use common::servers::{ActixServer, AxumServer};
use demo_client::{BODY_AUTH, FORM, JSON_CT, basic_header, good_basic};

const SERVER_LIFETIME: Duration = Duration::from_secs(120);
const IO_TIMEOUT: Duration = Duration::from_secs(15);

struct Case {
    name: &'static str,
    method: &'static str,
    target: &'static str,
    headers: Vec<Vec<u8>>,
    body: Vec<u8>,
    status: u16,
    error: Option<&'static str>,
}

fn case(name: &'static str, method: &'static str, target: &'static str) -> Case {
    Case { name, method, target, headers: Vec::new(), body: Vec::new(), status: 0, error: None }
}

impl Case {
    fn header(mut self, line: impl AsRef<[u8]>) -> Case {
        self.headers.push(line.as_ref().to_vec());
        self
    }
    fn form(mut self, body: impl AsRef<[u8]>) -> Case {
        self.body = body.as_ref().to_vec();
        self.header(FORM)
    }
    fn ok(mut self, status: u16) -> Case {
        self.status = status;
        self
    }
    fn err(mut self, status: u16, error: &'static str) -> Case {
        self.status = status;
        self.error = Some(error);
        self
    }
}

fn token(name: &'static str) -> Case {
    case(name, "POST", "/token")
}

fn api(name: &'static str, target: &'static str) -> Case {
    case(name, "GET", target)
}

fn send(addr: SocketAddr, case: &Case) -> Response {
    let raw = raw_http::request(addr, case.method, case.target, &case.headers, &case.body);
    raw_http::exchange(addr, raw, IO_TIMEOUT)
        .and_then(raw_http::Exchange::complete_response)
        .unwrap_or_else(|e| panic!("[{}] {e}", case.name))
}

fn start_actix_api() -> ActixServer {
    ActixServer::start(SERVER_LIFETIME, || {
        let server = actix_web::HttpServer::new(actix_api::app)
            .workers(1)
            .disable_signals()
            .shutdown_timeout(1)
            .bind(("127.0.0.1", 0))?;
        Ok((server.addrs()[0], server.run()))
    })
}

fn cases() -> Vec<Case> {
    let cc = "grant_type=client_credentials";
    vec![
        // Successes.
        token("basic, default scope").header(good_basic()).form(cc).ok(200),
        token("basic, scope write").header(good_basic()).form(format!("{cc}&scope=write")).ok(200),
        token("basic, scope read write")
            .header(good_basic())
            .form(format!("{cc}&scope=read+write"))
            .ok(200),
        token("client_secret_post").form(format!("{cc}&{BODY_AUTH}")).ok(200),
        token("client_secret_post, scope read")
            .form(format!("{cc}&scope=read&{BODY_AUTH}"))
            .ok(200),
        token("basic, same client_id in the body")
            .header(good_basic())
            .form(format!("{cc}&client_id=demo-client"))
            .ok(200),
        {
            let mut c = token("charset parameter")
                .header(good_basic())
                .header("Content-Type: Application/X-WWW-Form-Urlencoded; charset=UTF-8");
            c.body = cc.as_bytes().to_vec();
            c.ok(200)
        },
        token("two Content-Type fields")
            .header(good_basic())
            .header("Content-Type: application/x-www-form-urlencoded")
            .form(cc)
            .err(400, "invalid_request"),
        api("read token at /api/read", "/api/read")
            .header("Authorization: Bearer demo-access-token")
            .ok(200),
        api("write token at /api/write", "/api/write")
            .header("Authorization: Bearer write-access-token")
            .ok(200),
        api("write token at /api/read", "/api/read")
            .header("Authorization: Bearer write-access-token")
            .ok(200),
        api("scheme in lower case", "/api/read")
            .header("Authorization: bearer demo-access-token")
            .ok(200),
        // Client authentication.
        token("wrong secret, basic")
            .header(basic_header("demo-client", "wrong"))
            .form(cc)
            .err(401, "invalid_client"),
        token("wrong secret, post")
            .form(format!("{cc}&client_id=demo-client&client_secret=wrong"))
            .err(400, "invalid_client"),
        token("unknown client, basic")
            .header(basic_header("someone", "demo-secret"))
            .form(cc)
            .err(401, "invalid_client"),
        token("no client authentication").form(cc).err(400, "invalid_client"),
        token("client_id without secret")
            .form(format!("{cc}&client_id=demo-client"))
            .err(400, "invalid_client"),
        token("secret without client_id")
            .form(format!("{cc}&client_secret=demo-secret"))
            .err(400, "invalid_client"),
        token("basic and post at once")
            .header(good_basic())
            .form(format!("{cc}&{BODY_AUTH}"))
            .err(400, "invalid_request"),
        token("basic with another client_id in the body")
            .header(good_basic())
            .form(format!("{cc}&client_id=other"))
            .err(400, "invalid_request"),
        token("undecodable basic")
            .header("Authorization: Basic !!!")
            .form(cc)
            .err(401, "invalid_client"),
        token("bearer at the token endpoint")
            .header("Authorization: Bearer demo-access-token")
            .form(cc)
            .err(401, "invalid_client"),
        token("repeated authorization")
            .header(good_basic())
            .header(good_basic())
            .form(cc)
            .err(400, "invalid_request"),
        // The request.
        token("missing grant_type")
            .header(good_basic())
            .form("scope=read")
            .err(400, "invalid_request"),
        token("empty grant_type")
            .header(good_basic())
            .form("grant_type=")
            .err(400, "invalid_request"),
        token("unknown grant_type")
            .header(good_basic())
            .form("grant_type=magic")
            .err(400, "unsupported_grant_type"),
        token("unknown scope")
            .header(good_basic())
            .form(format!("{cc}&scope=admin"))
            .err(400, "invalid_scope"),
        token("malformed scope")
            .header(good_basic())
            .form(format!("{cc}&scope=%22read%22"))
            .err(400, "invalid_scope"),
        token("repeated parameter")
            .header(good_basic())
            .form(format!("{cc}&scope=read&scope=write"))
            .err(400, "invalid_request"),
        token("a JSON body").header(good_basic()).header(JSON_CT).ok(0).err(400, "invalid_request"),
        {
            let mut c = token("a JSON body, body authentication").header(JSON_CT);
            c.body = br#"{"grant_type":"client_credentials","client_id":"demo-client","client_secret":"demo-secret"}"#.to_vec();
            c.err(400, "invalid_request")
        },
        token("no body at all").header(good_basic()).err(400, "invalid_request"),
        token("not UTF-8").header(good_basic()).form("grant_type=%FF").err(400, "invalid_request"),
        token("a failing token store")
            .header(good_basic())
            .header("X-Demo-Fail: server")
            .form(cc)
            .err(500, "server_error"),
        // The protected resource.
        api("no token", "/api/read").ok(401),
        api("no token at /api/write", "/api/write").ok(401),
        api("another scheme", "/api/read").header(good_basic()).ok(401),
        api("unknown token", "/api/read")
            .header("Authorization: Bearer not-a-token")
            .err(401, "invalid_token"),
        api("read token at /api/write", "/api/write")
            .header("Authorization: Bearer demo-access-token")
            .err(403, "insufficient_scope"),
        api("empty bearer", "/api/read")
            .header("Authorization: Bearer")
            .err(400, "invalid_request"),
        api("empty bearer with a space", "/api/read")
            .header("Authorization: Bearer ")
            .err(400, "invalid_request"),
        api("two tokens", "/api/read")
            .header("Authorization: Bearer a b")
            .err(400, "invalid_request"),
        api("not a b64token", "/api/read")
            .header("Authorization: Bearer a,b")
            .err(400, "invalid_request"),
        api("repeated authorization", "/api/read")
            .header("Authorization: Bearer demo-access-token")
            .header("Authorization: Bearer demo-access-token")
            .err(400, "invalid_request"),
        api("garbage scheme", "/api/read")
            .header("Authorization: (Bearer) x")
            .err(400, "invalid_request"),
    ]
}

#[test]
fn the_examples_answer_like_the_demo_server() {
    let config = scenario::Config::new("127.0.0.1:8080".parse().expect("addr")).expect("config");
    let demo = AxumServer::start(axum_app::app(config), SERVER_LIFETIME);
    let axum = AxumServer::start(axum_api::app(), SERVER_LIFETIME);
    let actix = start_actix_api();
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let d = send(demo.addr, case);
        let a = send(axum.addr, case);
        let b = send(actix.addr, case);
        let mut problems = Vec::new();
        for (label, r) in [("axum_api", &a), ("actix_api", &b)] {
            if r.status_line != d.status_line {
                problems.push(format!("{label}: status line differs from the demo's"));
            }
            if r.headers_without_date() != d.headers_without_date() {
                problems.push(format!("{label}: headers differ from the demo's"));
            }
            if r.body != d.body {
                problems.push(format!("{label}: body differs from the demo's"));
            }
        }
        if d.status != case.status {
            problems.push(format!("expected status {}, the demo sent {}", case.status, d.status));
        }
        if let Some(code) = case.error {
            let error = serde_json::from_slice::<Value>(&d.body).ok().map(|v| v["error"].clone());
            if error != Some(json!(code)) {
                problems.push(format!("expected error {code:?}, the demo sent {error:?}"));
            }
        }
        if case.status == 401 && case.error.is_none() && !d.body.is_empty() {
            problems.push("a 401 without error information must have an empty body".into());
        }
        if !problems.is_empty() {
            failures.push(format!(
                "[{}] {} {}: {}\n  demo:\n{}  axum_api:\n{}  actix_api:\n{}",
                case.name,
                case.method,
                case.target,
                problems.join("; "),
                d.describe(),
                a.describe(),
                b.describe()
            ));
        }
    }
    demo.shutdown();
    axum.shutdown();
    actix.shutdown();
    assert!(
        failures.is_empty(),
        "{} of {} requests differ:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The two examples read the same body limit as the demo (1 MiB): one byte more is the
/// demo's 413 `invalid_request`.
#[test]
fn body_limit_is_the_demos() {
    let axum = AxumServer::start(axum_api::app(), SERVER_LIFETIME);
    let actix = start_actix_api();
    let body = vec![b'a'; scenario::MAX_BODY_BYTES + 1];
    let c = token("over the limit").header(good_basic()).form(&body);
    let expected =
        br#"{"error":"invalid_request","error_description":"The request body is too large"}"#;
    for addr in [axum.addr, actix.addr] {
        let r = send(addr, &c);
        assert_eq!(r.status, 413, "{}", r.describe());
        assert_eq!(r.body, expected, "{}", r.describe());
    }
    let at_limit = token("at the limit").header(good_basic()).form(format!(
        "grant_type=client_credentials&pad={}",
        "a".repeat(scenario::MAX_BODY_BYTES - 34)
    ));
    assert_eq!(at_limit.body.len(), scenario::MAX_BODY_BYTES);
    for addr in [axum.addr, actix.addr] {
        let r = send(addr, &at_limit);
        assert_eq!(r.status, 200, "{}", r.describe());
    }
    axum.shutdown();
    actix.shutdown();
}
