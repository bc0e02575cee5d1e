//! The load test's baseline (`scripts/load-test`): a minimal axum server that answers the
//! load test's four requests with the demo server's bytes, written by hand — no OAuth
//! logic, no crate. `cargo bench` runs it as a no-op; the script starts it with
//! `-- --serve HOST:PORT`.
//!
//! | request | answer |
//! |---|---|
//! | `POST /token` | 401 `invalid_client` with `Basic realm="demo"` |
//! | `POST /token` with `X-Demo-Fail` | 429 `too_many_requests`, `Retry-After: 10` |
//! | `GET /api/write` | 403 `insufficient_scope` with its `Bearer` challenge |
//! | `GET /api/read` | 200 with the resource's JSON |
//!
//! With `--same-work` it first does the request work the demo does — reads the body,
//! parses the form and the client credentials, reads the access token and checks its
//! scope, builds the success JSON — with the crate's framework-free readers
//! (`oauth_errors::extract`), and still writes every response by hand. The demo's rate
//! against this one is what the crate's error responses (and the demo's own structure)
//! cost; against the minimal one, everything the demo does.

#![allow(missing_docs)]

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use oauth_errors::extract::{AccessTokenConfig, ClientAuthConfig, ClientCredentials, FormParams};

const JSON: HeaderValue = HeaderValue::from_static("application/json");
const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");
const NO_CACHE: HeaderValue = HeaderValue::from_static("no-cache");

fn respond(
    status: StatusCode,
    extra: Option<(header::HeaderName, &'static str)>,
    body: &'static str,
) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, JSON);
    h.insert(header::CACHE_CONTROL, NO_STORE);
    h.insert(header::PRAGMA, NO_CACHE);
    if let Some((name, value)) = extra {
        h.insert(name, HeaderValue::from_static(value));
    }
    r
}

/// The request is taken whole and its headers read in place (axum's `HeaderMap` extractor
/// would copy them), as the demo does.
async fn token(request: Request) -> Response {
    token_answer(request.headers())
}

fn token_answer(headers: &HeaderMap) -> Response {
    if headers.contains_key("x-demo-fail") {
        return respond(
            StatusCode::TOO_MANY_REQUESTS,
            Some((header::RETRY_AFTER, "10")),
            r#"{"error":"too_many_requests","error_description":"Too many requests, slow down"}"#,
        );
    }
    respond(
        StatusCode::UNAUTHORIZED,
        Some((header::WWW_AUTHENTICATE, r#"Basic realm="demo""#)),
        r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#,
    )
}

async fn api_write() -> Response {
    respond(
        StatusCode::FORBIDDEN,
        Some((
            header::WWW_AUTHENTICATE,
            r#"Bearer realm="demo", scope="write", error="insufficient_scope", error_description="The access token does not grant the scope this resource requires""#,
        )),
        r#"{"error":"insufficient_scope","error_description":"The access token does not grant the scope this resource requires"}"#,
    )
}

async fn api_read() -> Response {
    respond(
        StatusCode::OK,
        None,
        r#"{"client_id":"demo-client","resource":"/api/read","scope":"read"}"#,
    )
}

/// The demo's body limit.
const MAX_BODY_BYTES: usize = 1024 * 1024;

const ACCESS_TOKENS: [(&str, &str); 2] =
    [("demo-access-token", "read"), ("demo-write-token", "read write")];

/// `/token` after the demo's request work: the body, the form, the client credentials.
async fn token_same_work(request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let headers = &parts.headers;
    if headers.contains_key("x-demo-fail") {
        return token_answer(headers);
    }
    let body = axum::body::to_bytes(body, MAX_BODY_BYTES).await.unwrap_or_default();
    let authenticated = FormParams::from_body(headers, &body).ok().and_then(|form| {
        let config = ClientAuthConfig::new("demo");
        let client = ClientCredentials::extract(&config, headers, &form).ok()?;
        Some(client.client_id() == Some("demo-client") && client.secret_matches("demo-secret"))
    });
    if authenticated == Some(true) {
        return respond(StatusCode::OK, None, r#"{"unexpected":"success"}"#);
    }
    token_answer(headers)
}

/// The scope of the request's access token, read as the demo reads it.
fn scope_of(headers: &HeaderMap) -> Option<&'static str> {
    let token = AccessTokenConfig::new("demo").extract(headers).ok()?;
    ACCESS_TOKENS.iter().find(|(t, _)| *t == token.as_str()).map(|(_, scope)| *scope)
}

async fn api_write_same_work(request: Request) -> Response {
    match scope_of(request.headers()) {
        Some(scope) if scope.split(' ').any(|s| s == "write") => api_read().await,
        _ => api_write().await,
    }
}

async fn api_read_same_work(request: Request) -> Response {
    let scope = scope_of(request.headers()).unwrap_or_default();
    let body =
        serde_json::json!({ "resource": "/api/read", "scope": scope, "client_id": "demo-client" });
    let mut r =
        Response::new(axum::body::Body::from(serde_json::to_vec(&body).unwrap_or_default()));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, JSON);
    h.insert(header::CACHE_CONTROL, NO_STORE);
    h.insert(header::PRAGMA, NO_CACHE);
    r
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut addr = None;
    let mut same_work = false;
    while let Some(arg) = args.next() {
        if arg == "--serve" {
            addr = args.next();
        } else if arg == "--same-work" {
            same_work = true;
        }
    }
    let Some(addr) = addr else {
        println!("load_baseline: run by scripts/load-test with --serve HOST:PORT; nothing to do");
        return;
    };
    let app = if same_work {
        Router::new()
            .route("/token", post(token_same_work))
            .route("/api/write", get(api_write_same_work))
            .route("/api/read", get(api_read_same_work))
    } else {
        Router::new()
            .route("/token", post(token))
            .route("/api/write", get(api_write))
            .route("/api/read", get(api_read))
    };
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&addr).await.expect("bind");
        println!("load_baseline listening on http://{addr}");
        axum::serve(listener, app).await.expect("serve");
    });
}
