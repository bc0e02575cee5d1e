//! Fixtures for the tests of the demo app (`examples/shared/`): the axum demo on an
//! ephemeral port, and the demo client's credentials and request pieces.
//!
//! Uses the `scenario` and `axum_app` modules of the including test, so it is not part of
//! `common`: include it with `#[path = "common/demo_client.rs"] mod demo_client;`.

// Each test uses only part of the fixtures.
#![allow(dead_code)]

use std::net::SocketAddr;

use tokio::net::TcpListener;

use crate::{axum_app, scenario};

/// Serves the demo router on `127.0.0.1:0` for the current test's runtime (the task ends
/// with the runtime at the end of the test).
pub async fn server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("local addr");
    let app = axum_app::app(scenario::Config::new(addr).expect("config"));
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    addr
}

pub const FORM: &[u8] = b"Content-Type: application/x-www-form-urlencoded";
pub const JSON_CT: &[u8] = b"Content-Type: application/json";
/// The demo client's credentials as form parameters (body authentication).
pub const BODY_AUTH: &str = "client_id=demo-client&client_secret=demo-secret";
/// The device-code grant type, form-encoded.
pub const DEVICE: &str = "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code";

pub fn base64(input: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in input.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(A[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Percent-encodes every byte but the unreserved ones.
pub fn pct(s: &str) -> String {
    let mut out = String::new();
    scenario::http_util::form_urlencode(&mut out, &[("", s)]);
    out.split_off(1) // drop the "=" of the empty name
}

/// An `Authorization: Basic` header line, with `id` and `secret` form-encoded first as
/// RFC 6749 §2.3.1 wants.
pub fn basic_header(id: &str, secret: &str) -> Vec<u8> {
    format!("Authorization: Basic {}", base64(format!("{}:{}", pct(id), pct(secret)).as_bytes()))
        .into_bytes()
}

/// The demo client's `Authorization: Basic` header line.
pub fn good_basic() -> Vec<u8> {
    basic_header(scenario::CLIENT_ID, scenario::CLIENT_SECRET)
}
