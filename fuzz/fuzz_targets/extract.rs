//! A request head and body as text → the credential readers (`oauth_errors::extract`).
//!
//! Input format (as in `response`): `Name: value` header lines, a blank line, and the
//! body. A header line without `:` is skipped.
//!
//! Invariants:
//! * `FormParams::parse`: no pair has an empty name or value; writing the pairs back
//!   form-encoded and parsing again gives the same pairs; `from_body` agrees with `parse`
//!   and `check_unique`;
//! * `ClientCredentials::extract`: on `Ok` with `client_secret_basic`, a fresh `Basic`
//!   header encoding the same id and secret reads back to the same id and secret; on
//!   `Err`, the error renders at the token endpoint as a 4xx with visible-ASCII header
//!   values, and a 401 carries a `Basic` challenge;
//! * `AccessTokenConfig::extract` (Bearer and DPoP accepted): a token is non-empty
//!   `b64token` characters; a rejection renders as a 4xx with visible-ASCII header
//!   values, and a 401 carries `WWW-Authenticate`.
#![no_main]

use http::{HeaderMap, HeaderName, HeaderValue, Response};
use libfuzzer_sys::fuzz_target;
use oauth_errors::bytes::Bytes;
use oauth_errors::extract::{
    AccessTokenConfig, ClientAuthConfig, ClientAuthMethod, ClientCredentials, FormParams,
};
use oauth_errors::Endpoint;

fn split(data: &[u8]) -> (HeaderMap, &[u8]) {
    let (head, body) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let mut headers = HeaderMap::new();
    for line in head.split(|&b| b == b'\n') {
        let Some(colon) = line.iter().position(|&b| b == b':') else { continue };
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        let value = value.strip_prefix(b" ").unwrap_or(value);
        if let (Ok(n), Ok(v)) = (HeaderName::from_bytes(name), HeaderValue::from_bytes(value)) {
            headers.append(n, v);
        }
    }
    (headers, body)
}

/// `application/x-www-form-urlencoded`, every byte but unreserved ones escaped.
fn form_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

fn check_rendered(r: &Response<Bytes>, challenge: &str) {
    assert!(r.status().is_client_error(), "{}", r.status());
    for (name, value) in r.headers() {
        assert!(value.as_bytes().iter().all(|b| (0x20..=0x7e).contains(b)), "{name}: {value:?}");
    }
    if r.status() == 401 {
        let h = r.headers().get("www-authenticate").expect("a 401 carries a challenge");
        assert!(h.as_bytes().starts_with(challenge.as_bytes()), "{h:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let (headers, body) = split(data);

    let parsed = FormParams::parse(body);
    if let Ok(form) = &parsed {
        let pairs: Vec<(String, String)> =
            form.iter().map(|(n, v)| (n.to_owned(), v.to_owned())).collect();
        assert!(pairs.iter().all(|(n, v)| !n.is_empty() && !v.is_empty()));
        let again: Vec<String> =
            pairs.iter().map(|(n, v)| format!("{}={}", form_encode(n), form_encode(v))).collect();
        let reparsed = FormParams::parse(again.join("&").as_bytes()).expect("re-encoded form");
        let reread: Vec<(String, String)> =
            reparsed.iter().map(|(n, v)| (n.to_owned(), v.to_owned())).collect();
        assert_eq!(pairs, reread);
    }
    if let Ok(form) = FormParams::from_body(&headers, body) {
        assert_eq!(Ok(&form), parsed.as_ref());
        assert!(form.check_unique().is_ok());
    }

    let form = parsed.unwrap_or_default();
    let config = ClientAuthConfig::new("fuzz");
    match ClientCredentials::extract(&config, &headers, &form) {
        Ok(client) if client.method() == ClientAuthMethod::SecretBasic => {
            let (id, secret) = (client.client_id().unwrap_or(""), client.secret().unwrap_or(""));
            let basic = format!("{}:{}", form_encode(id), form_encode(secret));
            let mut fresh = HeaderMap::new();
            fresh.insert(
                "authorization",
                HeaderValue::from_str(&format!("Basic {}", base64(basic.as_bytes()))).unwrap(),
            );
            let again = ClientCredentials::extract(&config, &fresh, &FormParams::default())
                .expect("a fresh Basic header reads back");
            assert_eq!(again.client_id(), client.client_id());
            assert_eq!(again.secret(), client.secret());
        }
        Ok(_) => {}
        Err(e) => check_rendered(&e.to_response(Endpoint::Token), "Basic "),
    }

    let tokens = AccessTokenConfig::new("fuzz").dpop("ES256");
    match tokens.extract(&headers) {
        Ok(token) => {
            let t = token.as_str();
            assert!(!t.is_empty());
            assert!(t.bytes().all(|b| b.is_ascii_alphanumeric()
                || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/' | b'=')), "{t:?}");
        }
        Err(rejection) => check_rendered(&rejection.to_response(), ""),
    }
});
