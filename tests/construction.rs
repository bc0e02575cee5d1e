//! Correct by construction: what the public API cannot be made to send, whichever way a
//! value is built. Each test pins exact bytes.

use std::time::Duration;

use oauth_errors::authorize::{ResponseMode, ResponseModeError};
use oauth_errors::{
    AuthenticationRequired, Challenge, ClientAuth, Contract, DpopNonce, Endpoint, ErrorResponse,
    ErrorStatus, MemberValue, OAuthError, RetryAfter, Scheme, StatusRule,
};
use serde_json::json;

fn www(r: &http::Response<bytes::Bytes>) -> Vec<&str> {
    r.headers().get_all("www-authenticate").iter().map(|v| v.to_str().unwrap()).collect()
}

#[test]
fn json_members_are_carried_exactly_and_escaped() {
    // However the value is built — through `From` or the variant directly — it is written
    // exactly: nested `null`s kept, control characters as escapes, never raw.
    let value = json!({"a": null, "b": [null, 1], "c": "x\u{0}y\r\n\u{7f}\u{2028}", "d\n": true});
    for v in [MemberValue::from(value.clone()), MemberValue::Json(value.clone())] {
        let err = OAuthError::InvalidRequest.with_member("details", v);
        let body = err.to_body();
        assert_eq!(
            std::str::from_utf8(&body).unwrap(),
            r#"{"error":"invalid_request","details":{"a":null,"b":[null,1],"c":"x\u0000y\r\n\u007f\u2028","d\n":true}}"#
        );
        assert!(!body.iter().any(|&b| b < 0x20 || b == 0x7f));
        // serde agrees on the value (it may escape differently).
        let via_serde: serde_json::Value = serde_json::to_value(&err).unwrap();
        assert_eq!(via_serde, serde_json::from_slice::<serde_json::Value>(&body).unwrap());
        assert_eq!(via_serde["details"], value);
        // And it reads back equal.
        let back = ErrorResponse::from_json(&body).unwrap();
        assert_eq!(back.member("details").unwrap().to_json(), value);
        assert_eq!(back.to_body(), body);
    }
    // Absent top-level values are omitted.
    let err = OAuthError::InvalidRequest
        .with_member("a", json!(null))
        .with_member("b", "")
        .with_member("c", f64::NAN);
    assert_eq!(err.to_body().as_ref(), br#"{"error":"invalid_request"}"#);
    // Numbers of every common type convert.
    let err = OAuthError::SlowDown.with_member("interval", 5).with_member("ratio", 0.5);
    assert_eq!(err.to_body().as_ref(), br#"{"error":"slow_down","interval":5,"ratio":0.5}"#);
}

#[test]
fn retry_after_saturates() {
    assert_eq!(RetryAfter::from(Duration::MAX), RetryAfter::Seconds(u64::MAX));
    let r = OAuthError::TemporarilyUnavailable
        .with_retry_after(Duration::MAX)
        .to_response(Endpoint::Token);
    assert_eq!(r.headers()["retry-after"], u64::MAX.to_string());
}

#[test]
fn every_405_has_allow() {
    let r = OAuthError::MethodNotAllowed.to_response(Endpoint::Api);
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["allow"], "");
    let r = OAuthError::InvalidRequest
        .with_status(ErrorStatus::METHOD_NOT_ALLOWED)
        .with_allow([http::Method::POST])
        .to_response(Endpoint::Token);
    assert_eq!(r.headers()["allow"], "POST");
}

#[test]
fn challenges_are_never_bare_where_the_scheme_forbids_it() {
    // RFC 7617 §2: Basic needs a realm.
    let r = OAuthError::InvalidClient
        .with_client_auth(ClientAuth::Header(Challenge::new(Scheme::Basic)))
        .to_response(Endpoint::Token);
    assert_eq!(www(&r), [r#"Basic realm="""#]);
    static BASIC: std::sync::LazyLock<Contract> = std::sync::LazyLock::new(|| {
        Contract::builder()
            .status(
                OAuthError::UnauthorizedClient,
                StatusRule::Unauthorized(Challenge::new(Scheme::Basic)),
            )
            .build()
    });
    let r = BASIC.error(OAuthError::UnauthorizedClient).to_response(Endpoint::Token);
    assert_eq!((r.status().as_u16(), www(&r)), (401, vec![r#"Basic realm="""#]));
    // RFC 6750 §3: Bearer needs at least one auth-param.
    let r = AuthenticationRequired::new(Challenge::bearer()).to_response();
    assert_eq!(www(&r), [r#"Bearer realm="""#]);
    let r = OAuthError::InvalidToken
        .with_challenge(Challenge::bearer().informational())
        .to_response(Endpoint::Resource);
    assert_eq!(www(&r), [r#"Bearer realm="""#]);
    // DPoP may be bare (RFC 9449 §7.2 example).
    let r = AuthenticationRequired::new(Challenge::dpop()).to_response();
    assert_eq!(www(&r), ["DPoP"]);
}

#[test]
fn a_header_authenticated_client_always_gets_401_and_its_scheme() {
    static DOWNGRADE: std::sync::LazyLock<Contract> = std::sync::LazyLock::new(|| {
        Contract::builder().status(OAuthError::InvalidClient, ErrorStatus::BAD_REQUEST).build()
    });
    static BEARER: std::sync::LazyLock<Contract> = std::sync::LazyLock::new(|| {
        Contract::builder()
            .status(OAuthError::InvalidClient, Challenge::bearer().realm("x"))
            .build()
    });
    for err in [
        OAuthError::InvalidClient.with_status(ErrorStatus::BAD_REQUEST),
        DOWNGRADE.error(OAuthError::InvalidClient),
        BEARER.error(OAuthError::InvalidClient),
    ] {
        let r = err.with_client_auth(ClientAuth::basic("as")).to_response(Endpoint::Token);
        assert_eq!(r.status(), 401);
        assert_eq!(www(&r), [r#"Basic realm="as""#]);
    }
    // Without the header, the override applies.
    let r = DOWNGRADE.error(OAuthError::InvalidClient).to_response(Endpoint::Token);
    assert_eq!((r.status().as_u16(), www(&r).len()), (400, 0));
}

#[test]
fn resource_only_codes_default_to_the_resource_endpoint() {
    for (code, status, challenge) in [
        (OAuthError::InvalidToken, 401, r#"Bearer error="invalid_token""#),
        (OAuthError::InsufficientScope, 403, r#"Bearer error="insufficient_scope""#),
        (
            OAuthError::InsufficientUserAuthentication,
            401,
            r#"Bearer error="insufficient_user_authentication""#,
        ),
    ] {
        let r = ErrorResponse::from(code.clone()).response();
        assert_eq!(r.status(), status, "{code}");
        assert_eq!(www(&r), [challenge], "{code}");
    }
    // Everything else defaults to the token endpoint.
    assert_eq!(ErrorResponse::from(OAuthError::InvalidDpopProof).response().status(), 400);
}

#[test]
fn use_dpop_nonce_constructor_carries_the_nonce() {
    let nonce = DpopNonce::new("n-0S6_WzA2Mj").unwrap();
    let r = ErrorResponse::use_dpop_nonce(nonce.clone()).to_response(Endpoint::Token);
    assert_eq!(r.status(), 400);
    assert_eq!(r.headers()["dpop-nonce"], "n-0S6_WzA2Mj");
    assert_eq!(r.body().as_ref(), br#"{"error":"use_dpop_nonce"}"#);
    let r = ErrorResponse::use_dpop_nonce(nonce).to_response(Endpoint::Resource);
    assert_eq!((r.status().as_u16(), www(&r)), (401, vec![r#"DPoP error="use_dpop_nonce""#]));
}

#[test]
fn unsupported_response_mode_is_a_plain_400() {
    let err = ResponseMode::from_request(Some("web_message"), Some("code")).unwrap_err();
    assert_eq!(err, ResponseModeError::Unsupported);
    let r = err.to_response();
    assert_eq!(r.status(), 400);
    assert!(r.body().is_empty());
    let mut names: Vec<&str> = r.headers().keys().map(|n| n.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["cache-control", "pragma"]);
}

#[test]
fn bare_code_shortcuts_build_rich_errors() {
    let e = OAuthError::TooManyRequests
        .with_retry_after(30u64)
        .with_member("limit", 60u32)
        .at(Endpoint::Api);
    let r = e.response();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "30");
    assert_eq!(r.body().as_ref(), br#"{"error":"too_many_requests","limit":60}"#);
    let msg = String::from("expired");
    let e = OAuthError::InvalidGrant.with_description(&msg);
    assert_eq!(e.to_string(), "invalid_grant: expired");
    // A bare code is a std error.
    let boxed: Box<dyn std::error::Error> = Box::new(OAuthError::AccessDenied);
    assert_eq!(boxed.to_string(), "access_denied");
}

/// Bare known codes render from precomputed parts under a plain contract; a contract with
/// a rule (for an unrelated code) takes the general path. Both give the same response for
/// every code at every endpoint, under both `Pragma` settings.
#[test]
fn bare_fast_path_matches_the_general_path() {
    use std::sync::LazyLock;
    static RULED: LazyLock<oauth_errors::Contract> = LazyLock::new(|| {
        oauth_errors::Contract::builder()
            .status(
                oauth_errors::extension_code!("unrelated_code"),
                oauth_errors::ErrorStatus::CONFLICT,
            )
            .build()
    });
    static RULED_21: LazyLock<oauth_errors::Contract> = LazyLock::new(|| {
        oauth_errors::Contract::builder()
            .status(
                oauth_errors::extension_code!("unrelated_code"),
                oauth_errors::ErrorStatus::CONFLICT,
            )
            .pragma_no_cache(false)
            .build()
    });
    let parts = |r: http::Response<bytes::Bytes>| {
        let mut headers: Vec<(String, Vec<u8>)> = r
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()))
            .collect();
        headers.sort();
        (r.status(), headers, r.body().clone())
    };
    for code in OAuthError::KNOWN {
        for endpoint in Endpoint::ALL {
            let fast = parts(code.to_response(endpoint));
            let general = parts(RULED.error(code.clone()).to_response(endpoint));
            assert_eq!(fast, general, "{code} at {endpoint}");
            let fast =
                parts(oauth_errors::Contract::oauth21().error(code.clone()).to_response(endpoint));
            let general = parts(RULED_21.error(code.clone()).to_response(endpoint));
            assert_eq!(fast, general, "{code} at {endpoint}, OAuth 2.1");
        }
    }
}
