//! The error path against hand-written peers, in one run (ratios of medians are what
//! count; absolute times depend on the machine):
//!
//! | id | ours | baseline |
//! |---|---|---|
//! | P1 | bare `invalid_grant` at the token endpoint → `http::Response` | `#[derive(Serialize)]` + `serde_json` + `Response::builder`, same headers |
//! | P2 | `invalid_token` + description + `Bearer` challenge at a resource | the same, header built with `format!` |
//! | P3 | bare render | the floor: `Response::new(Bytes::from_static(..))` + 3 static header inserts |
//! | P4 | `ErrorResponse::from_json` on a plain RFC 6749 body | oauth2 5's `StandardErrorResponse` strict parse |
//! | P4b | `ErrorResponse::from_body`: the same body with dialect detection on | the same |
//! | P4r | `ErrorResponse::from_http_parts`: the same body as a whole 400 response (status, headers) | the same |
//! | P5 | code string → variant, every known code | `HashMap<&str, _>` hit |
//! | P5x | unknown code strings (extension case) | `HashMap` miss |
//!
//! plus a sweep of every code × endpoint. Run with `cargo bench --bench errors`
//! (`-- P1` for one group).

#![allow(missing_docs)] // criterion_group! generates undocumented public functions

use std::collections::HashMap;
use std::hint::black_box;

use bytes::Bytes;
use criterion::{Criterion, criterion_group, criterion_main};
use http::header::{CACHE_CONTROL, CONTENT_TYPE, PRAGMA, WWW_AUTHENTICATE};
use http::{HeaderValue, Response, StatusCode};
use oauth_errors::{Challenge, Endpoint, ErrorResponse, OAuthError};
use serde::Serialize;

#[derive(Serialize)]
struct HandBody<'a> {
    error: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_description: Option<&'a str>,
}

/// The hand-written response every baseline builds: JSON body, status, the same three
/// headers the crate sends, plus an optional challenge.
fn hand_written(
    status: StatusCode,
    body: &HandBody<'_>,
    challenge: Option<String>,
) -> Response<Bytes> {
    let json = serde_json::to_vec(body).unwrap_or_default();
    let mut builder = Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "application/json")
        .header(CACHE_CONTROL, "no-store")
        .header(PRAGMA, "no-cache");
    if let Some(challenge) = challenge {
        builder = builder.header(WWW_AUTHENTICATE, challenge);
    }
    builder.body(Bytes::from(json)).unwrap_or_default()
}

const DESCRIPTION: &str = "The access token expired";

fn p1_bare_token_error(c: &mut Criterion) {
    let mut g = c.benchmark_group("P1 bare invalid_grant at /token");
    g.bench_function("oauth-errors", |b| {
        b.iter(|| black_box(OAuthError::InvalidGrant).to_response(black_box(Endpoint::Token)))
    });
    g.bench_function("hand-written serde", |b| {
        b.iter(|| {
            let body = HandBody { error: black_box("invalid_grant"), error_description: None };
            hand_written(StatusCode::BAD_REQUEST, &body, None)
        })
    });
    g.finish();
}

fn p2_resource_error(c: &mut Criterion) {
    let mut g = c.benchmark_group("P2 invalid_token + description + Bearer at a resource");
    g.bench_function("oauth-errors", |b| {
        b.iter(|| {
            OAuthError::InvalidToken
                .with_description(black_box(DESCRIPTION))
                .with_challenge(Challenge::bearer().realm(black_box("demo")))
                .to_response(Endpoint::Resource)
        })
    });
    g.bench_function("hand-written format!", |b| {
        b.iter(|| {
            let (realm, description) = (black_box("demo"), black_box(DESCRIPTION));
            let body = HandBody { error: "invalid_token", error_description: Some(description) };
            let challenge = format!(
                "Bearer realm=\"{realm}\", error=\"invalid_token\", error_description=\"{description}\""
            );
            hand_written(StatusCode::UNAUTHORIZED, &body, Some(challenge))
        })
    });
    g.finish();
}

fn p3_floor(c: &mut Criterion) {
    let mut g = c.benchmark_group("P3 bare render vs the floor");
    g.bench_function("oauth-errors", |b| {
        b.iter(|| black_box(OAuthError::InvalidGrant).to_response(black_box(Endpoint::Token)))
    });
    g.bench_function("floor", |b| {
        b.iter(|| {
            let mut r =
                Response::new(Bytes::from_static(black_box(br#"{"error":"invalid_grant"}"#)));
            *r.status_mut() = StatusCode::BAD_REQUEST;
            let h = r.headers_mut();
            h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
            h.insert(PRAGMA, HeaderValue::from_static("no-cache"));
            r
        })
    });
    g.finish();
}

fn p4_parse(c: &mut Criterion) {
    use oauth2::StandardErrorResponse;
    use oauth2::basic::BasicErrorResponseType;
    let body: &[u8] = br#"{"error":"invalid_grant","error_description":"The authorization code has expired","error_uri":"https://auth.example.com/docs/errors#invalid_grant"}"#;
    let mut g = c.benchmark_group("P4 parse a plain RFC 6749 body");
    g.bench_function("oauth-errors from_json", |b| {
        b.iter(|| ErrorResponse::from_json(black_box(body)))
    });
    let headers = {
        let mut h = http::HeaderMap::new();
        h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h
    };
    g.bench_function("oauth-errors from_body", |b| {
        b.iter(|| ErrorResponse::from_body(black_box(body)))
    });
    g.bench_function("oauth-errors from_http_parts", |b| {
        b.iter(|| {
            ErrorResponse::from_http_parts(
                black_box(StatusCode::BAD_REQUEST),
                black_box(&headers),
                black_box(body),
            )
        })
    });
    g.bench_function("oauth2 StandardErrorResponse", |b| {
        b.iter(|| {
            serde_json::from_slice::<StandardErrorResponse<BasicErrorResponseType>>(black_box(body))
        })
    });
    g.finish();
}

fn p5_codes(c: &mut Criterion) {
    let map: HashMap<&'static str, OAuthError> =
        OAuthError::KNOWN.iter().map(|code| (code.as_str(), code.clone())).collect();
    let known: Vec<&'static str> = OAuthError::KNOWN.iter().map(OAuthError::as_str).collect();
    let unknown: Vec<String> = (0..known.len()).map(|i| format!("vendor_error_{i}")).collect();

    let mut g = c.benchmark_group("P5 known code strings → variant (all)");
    g.bench_function("oauth-errors from_code", |b| {
        b.iter(|| {
            for code in &known {
                black_box(OAuthError::from_code(black_box(code)).ok());
            }
        })
    });
    g.bench_function("HashMap hit", |b| {
        b.iter(|| {
            for code in &known {
                black_box(map.get(black_box(code)).cloned());
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("P5x unknown code strings → Extension");
    g.bench_function("oauth-errors from_code", |b| {
        b.iter(|| {
            for code in &unknown {
                black_box(OAuthError::from_code(black_box(code)).ok());
            }
        })
    });
    g.bench_function("HashMap miss", |b| {
        b.iter(|| {
            for code in &unknown {
                black_box(map.get(black_box(code.as_str())).cloned());
            }
        })
    });
    g.finish();
}

fn sweep(c: &mut Criterion) {
    let mut g = c.benchmark_group("sweep every code x endpoint, bare");
    g.bench_function("oauth-errors", |b| {
        b.iter(|| {
            for code in OAuthError::KNOWN {
                for endpoint in Endpoint::ALL {
                    black_box(code.to_response(endpoint));
                }
            }
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    p1_bare_token_error,
    p2_resource_error,
    p3_floor,
    p4_parse,
    p5_codes,
    sweep
);
criterion_main!(benches);
