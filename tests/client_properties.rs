//! Property tests of the client half: no input panics any reader, and what they return
//! keeps its invariants (an error status is always an error; the error renders again to
//! valid header values; body readers agree with each other).

use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use oauth_errors::parse::{Dialect, ExpectedRedirect, ResponseReader};
use oauth_errors::{Endpoint, ErrorResponse, RetryAfter};
use proptest::prelude::*;

#[path = "support/proptest_config.rs"]
mod proptest_config;
use serde_json::{Value, json};

/// Keys the dialects look at, and some others.
fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "error",
            "error_description",
            "error_uri",
            "ok",
            "success",
            "message",
            "details",
            "status",
            "statusCode",
            "type",
            "title",
            "detail",
            "instance",
            "errorCode",
            "errorSummary",
            "error_codes",
            "trace_id",
            "code",
            "fbtrace_id",
            "interval",
            "scope",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z_]{1,8}",
        any::<String>(),
    ]
}

fn arb_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (100u16..600).prop_map(|n| json!(n)),
        proptest::sample::select(vec![
            "invalid_grant",
            "bad_verification_code",
            "invalid_code",
            "E0000011",
            "UNAUTHENTICATED",
            "Bad Request",
            "Invalid refresh token",
            "about:blank",
            "",
            "a\"b",
            "line\nbreak",
        ])
        .prop_map(|s| json!(s)),
        any::<String>().prop_map(Value::String),
    ]
}

fn arb_json() -> impl Strategy<Value = Value> {
    arb_leaf().prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((arb_key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn arb_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        arb_json().prop_map(|v| v.to_string().into_bytes()),
        proptest::collection::vec((arb_key(), arb_json()), 0..6)
            .prop_map(|kv| { Value::Object(kv.into_iter().collect()).to_string().into_bytes() }),
        proptest::collection::vec(any::<u8>(), 0..64),
        "[a-z_=&%+?#0-9A-F]{0,60}".prop_map(String::into_bytes),
        any::<String>().prop_map(String::into_bytes),
    ]
}

fn arb_header_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::sample::select(vec![
            r#"Bearer realm="api", error="invalid_token""#,
            r#"Basic realm="as""#,
            r#"DPoP error="use_dpop_nonce", algs="ES256""#,
            r#"Bearer error="insufficient_scope", scope="a b""#,
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "120",
            "application/problem+json",
            "application/x-www-form-urlencoded",
            "https://client.example/cb?error=access_denied&state=x",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        proptest::collection::vec(0x20u8..0x7F, 0..40),
        proptest::collection::vec(any::<u8>(), 0..40),
    ]
}

fn arb_headers() -> impl Strategy<Value = HeaderMap> {
    let names = proptest::sample::select(vec![
        "www-authenticate",
        "retry-after",
        "dpop-nonce",
        "content-type",
        "location",
        "allow",
    ]);
    proptest::collection::vec((names, arb_header_value()), 0..5).prop_map(|pairs| {
        let mut h = HeaderMap::new();
        for (n, v) in pairs {
            if let Ok(v) = HeaderValue::from_bytes(&v) {
                h.append(HeaderName::from_static(n), v);
            }
        }
        h
    })
}

fn arb_status() -> impl Strategy<Value = StatusCode> {
    prop_oneof![100u16..600, Just(200u16), Just(400u16), Just(401u16), Just(302u16)]
        .prop_map(|s| StatusCode::from_u16(s).unwrap())
}

fn arb_reader() -> impl Strategy<Value = ResponseReader> {
    (
        proptest::option::of(proptest::sample::select(Dialect::ALL.to_vec())),
        proptest::option::of(proptest::sample::select(Endpoint::ALL.to_vec())),
    )
        .prop_map(|(d, e)| {
            let mut r = ResponseReader::new();
            if let Some(d) = d {
                r = r.dialect(d);
            }
            if let Some(e) = e {
                r = r.endpoint(e);
            }
            r
        })
}

proptest! {
    #![proptest_config(proptest_config::config())]

    #[test]
    fn whole_responses_never_panic(
        reader in arb_reader(),
        status in arb_status(),
        headers in arb_headers(),
        body in arb_body(),
    ) {
        let read = reader.read(status, &headers, &body);
        if status.is_client_error() || status.is_server_error() {
            prop_assert!(read.is_some());
        }
        if status.is_informational() {
            prop_assert!(read.is_none());
        }
        if let Some(err) = read {
            prop_assert_eq!(err.received_status(), Some(status));
            if let Some(c) = err.received_code() {
                prop_assert!(!c.is_empty());
            }
            // Everything read renders again, at every endpoint, with valid header values.
            for endpoint in Endpoint::ALL {
                let r = err.to_response(endpoint);
                prop_assert!(r.status().is_client_error() || r.status().is_server_error());
                for v in r.headers().values() {
                    prop_assert!(v.as_bytes().iter().all(|&b| b == b'\t' || (0x20..0x7F).contains(&b)));
                }
            }
            let _ = (err.action(), err.scope(), err.realm(), err.next_poll_interval(std::time::Duration::from_secs(5)));
            // The JSON body of what was read is read back, as the RFC 6749 body it is, to
            // the same code. (Automatic detection may map a code one dialect left as
            // received, e.g. Okta's `errorCode: bad_verification_code` is GitHub's
            // `invalid_grant` once written as `error`.)
            let back = ResponseReader::new().dialect(Dialect::Rfc6749).read_body(&err.to_body());
            prop_assert_eq!(back.as_ref().map(|b| b.code()).ok(), Some(err.code()));
        }
    }

    #[test]
    fn body_readers_never_panic_and_agree(reader in arb_reader(), body in arb_body()) {
        let read = reader.read_body(&body);
        let via_serde = serde_json::from_slice::<ErrorResponse>(&body);
        if reader == ResponseReader::new() {
            // Deserialize reads JSON objects as `from_body` does.
            if let (Ok(a), Ok(b)) = (&read, &via_serde) {
                prop_assert_eq!(a, b);
            }
            if via_serde.is_ok() {
                prop_assert!(read.is_ok());
            }
        }
        let _ = ErrorResponse::from_json(&body);
    }

    #[test]
    fn redirect_readers_never_panic(
        uri in prop_oneof![
            any::<String>(),
            "[a-z:/?#=&%+_.0-9A-F ]{0,80}",
            "(https://c\\.example/cb)?[?#](error|code|state|iss|error_description)=[a-z%0-9+?#]{0,8}(&(error|code|state|iss)=[a-z%0-9+?#]{0,8}){0,4}",
        ],
        state in proptest::option::of("[a-z?#]{0,4}"),
        iss in proptest::option::of("[a-z:/.]{0,12}"),
        required in any::<bool>(),
    ) {
        let mut expected = ExpectedRedirect::new(state.as_deref());
        if let Some(i) = iss {
            expected = if required { expected.require_issuer(i) } else { expected.issuer(i) };
        }
        if let Ok(cb) = expected.read(&uri) {
            if let Some(err) = cb.into_error() {
                // An empty state is no state (RFC 6749 §3.1).
                prop_assert_eq!(
                    err.state().map(|s| s.as_str().to_owned()),
                    state.filter(|s| !s.is_empty())
                );
            }
        }
        let _ = expected.read_form_post(uri.as_bytes());
    }

    #[test]
    fn retry_after_never_panics(v in prop_oneof![
        any::<String>(),
        "[A-Za-z]{3,9}, [0-9]{2}[- ][A-Z][a-z]{2}[- ][0-9]{2,4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT",
        "[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]{4}",
    ]) {
        if let Some(r) = RetryAfter::parse(&v) {
            // What parses renders as a canonical value that parses to itself.
            prop_assert_eq!(RetryAfter::parse(&r.to_string()), Some(r));
        }
    }
}
