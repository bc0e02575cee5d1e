//! Reading whole responses (`ResponseReader`, `ErrorResponse::from_http_parts`) and
//! authorization responses (`ExpectedRedirect`): what is an error, what it carries, which
//! of body and challenge wins, and the client guidance.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method, Response, StatusCode};
use oauth_errors::parse::{
    Callback, Dialect, ExpectedRedirect, ParseError, RedirectError, ResponseReader,
};
use oauth_errors::{
    Challenge, ClientAction, ClientAuth, DpopNonce, Endpoint, ErrorResponse, OAuthError,
    RetryAfter, Scope,
};

fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (n, v) in pairs {
        h.append(
            http::HeaderName::from_bytes(n.as_bytes()).unwrap(),
            HeaderValue::from_str(v).unwrap(),
        );
    }
    h
}

fn read(status: u16, pairs: &[(&str, &str)], body: &[u8]) -> Option<ErrorResponse> {
    ErrorResponse::from_http_parts(StatusCode::from_u16(status).unwrap(), &headers(pairs), body)
}

fn ext(code: &str) -> OAuthError {
    OAuthError::from_code(code).unwrap()
}

// ---------------------------------------------------------------------------------------
// What is an error
// ---------------------------------------------------------------------------------------

#[test]
fn successes_are_not_errors() {
    let token = br#"{"access_token":"abc","token_type":"Bearer","expires_in":3600}"#;
    for status in [200, 201, 204] {
        assert_eq!(read(status, &[], token), None, "{status}");
        assert_eq!(read(status, &[], b""), None, "{status}");
        assert_eq!(read(status, &[], b"<html>ok</html>"), None, "{status}");
        assert_eq!(read(status, &[], br#"{"message":"created"}"#), None, "{status}");
        assert_eq!(read(status, &[], br#"{"ok":true,"access_token":"x"}"#), None, "{status}");
        assert_eq!(read(status, &[], br#"{"success":true,"data":{}}"#), None, "{status}");
    }
    assert_eq!(read(100, &[], br#"{"error":"invalid_grant"}"#), None);
    // A redirect that carries no error parameters.
    assert_eq!(read(302, &[("location", "https://client.example/cb?code=abc&state=x")], b""), None);
    assert_eq!(read(303, &[], b""), None);
}

#[test]
fn a_2xx_that_says_it_failed_is_an_error() {
    let cases: [(&[u8], OAuthError, Dialect); 6] = [
        (br#"{"error":"bad_verification_code"}"#, OAuthError::InvalidGrant, Dialect::GitHub),
        (br#"{"error":"invalid_grant"}"#, OAuthError::InvalidGrant, Dialect::Rfc6749),
        (br#"{"ok":false,"error":"invalid_code"}"#, OAuthError::InvalidGrant, Dialect::Slack),
        (br#"{"ok":false}"#, OAuthError::InvalidRequest, Dialect::Slack),
        (
            br#"{"success":false,"message":"Token required."}"#,
            OAuthError::InvalidRequest,
            Dialect::Envelope,
        ),
        (
            br#"{"status":401,"message":"invalid access token"}"#,
            OAuthError::InvalidToken,
            Dialect::StatusMessage,
        ),
    ];
    for (body, code, dialect) in cases {
        let err =
            read(200, &[], body).unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(body)));
        assert_eq!(err.code(), &code, "{}", String::from_utf8_lossy(body));
        assert_eq!(err.dialect(), Some(dialect));
        assert_eq!(err.received_status(), Some(StatusCode::OK));
    }
    // With a stated status and no code, that status decides the code.
    let err = read(200, &[], br#"{"status":429,"message":"slow down"}"#).unwrap();
    assert_eq!(err.code(), &OAuthError::TooManyRequests);
    assert_eq!(err.received_code(), None);
}

#[test]
fn every_error_status_is_an_error_whatever_the_body() {
    for status in (400..=599).filter(|s| StatusCode::from_u16(*s).is_ok()) {
        for body in [
            &b""[..],
            b"<html>Bad Gateway</html>",
            b"[1,2]",
            b"{}",
            b"\xff\xfe",
            br#"{"access_token":"x"}"#,
        ] {
            let err = read(status, &[], body).unwrap_or_else(|| panic!("{status}"));
            assert_eq!(err.received_status().map(|s| s.as_u16()), Some(status));
            assert_eq!(err.received_code(), None);
            assert!(err.code().is_known());
            let kept = (!body.is_empty()).then_some(body);
            assert_eq!(err.raw_body(), kept, "{status}");
            assert_eq!(err.dialect(), Some(Dialect::Unrecognised));
        }
    }
}

type Headers = &'static [(&'static str, &'static str)];

/// The documented table of codes for responses that carry none.
#[test]
fn codes_inferred_from_the_status() {
    let cases: &[(u16, Option<Endpoint>, Headers, OAuthError)] = &[
        (400, None, &[], OAuthError::InvalidRequest),
        (404, None, &[], OAuthError::InvalidRequest),
        (422, Some(Endpoint::Token), &[], OAuthError::InvalidRequest),
        (401, None, &[], OAuthError::InvalidToken),
        (401, Some(Endpoint::Resource), &[], OAuthError::InvalidToken),
        (401, Some(Endpoint::Token), &[], OAuthError::InvalidClient),
        (401, Some(Endpoint::Introspection), &[], OAuthError::InvalidClient),
        (401, None, &[("www-authenticate", r#"Basic realm="as""#)], OAuthError::InvalidClient),
        (401, None, &[("www-authenticate", r#"Bearer realm="api""#)], OAuthError::InvalidToken),
        (403, None, &[], OAuthError::AccessDenied),
        (403, Some(Endpoint::Token), &[], OAuthError::AccessDenied),
        (403, Some(Endpoint::Resource), &[], OAuthError::InsufficientScope),
        (403, Some(Endpoint::Api), &[], OAuthError::InvalidPermission),
        (405, None, &[], OAuthError::MethodNotAllowed),
        (429, None, &[], OAuthError::TooManyRequests),
        (500, None, &[], OAuthError::ServerError),
        (501, None, &[], OAuthError::ServerError),
        (502, None, &[], OAuthError::TemporarilyUnavailable),
        (503, None, &[], OAuthError::TemporarilyUnavailable),
        (504, None, &[], OAuthError::TemporarilyUnavailable),
    ];
    for (status, endpoint, pairs, code) in cases {
        let mut reader = ResponseReader::new();
        if let Some(e) = endpoint {
            reader = reader.endpoint(*e);
        }
        let err =
            reader.read(StatusCode::from_u16(*status).unwrap(), &headers(pairs), b"").unwrap();
        assert_eq!(err.code(), code, "{status} at {endpoint:?} {pairs:?}");
        assert_eq!(err.endpoint(), *endpoint);
        assert_eq!(err.received_code(), None);
    }
}

#[test]
fn redirect_responses_with_error_parameters() {
    let location = "https://client.example/cb?error=access_denied&error_description=No+thanks&state=s%201&iss=https%3A%2F%2Fas.example";
    let err = read(303, &[("location", location)], b"").unwrap();
    assert_eq!(err.code(), &OAuthError::AccessDenied);
    assert_eq!(err.description().map(|d| d.as_str()), Some("No thanks"));
    assert_eq!(err.state().map(|s| s.as_str()), Some("s 1"));
    assert_eq!(err.received_iss(), Some("https://as.example"));
    assert_eq!(err.dialect(), Some(Dialect::Redirect));
    assert_eq!(err.received_status(), Some(StatusCode::SEE_OTHER));
    assert_eq!(err.received_code(), Some("access_denied"));
    // Fragment mode.
    let err =
        read(302, &[("location", "https://client.example/cb#error=login_required")], b"").unwrap();
    assert_eq!(err.code(), &OAuthError::LoginRequired);
}

// ---------------------------------------------------------------------------------------
// What the error carries
// ---------------------------------------------------------------------------------------

#[test]
fn every_member_description_uri_and_header_is_kept() {
    let body = r#"{"error":"invalid_grant","error_description":"Code « expiré »","error_uri":"https://docs.example/e","trace_id":"t-1","limits":{"n":3},"empty":"","nothing":null}"#;
    let nonce = "eyJ7S_zG.eyJH0-Z.HX4w-7v";
    let err = read(
        400,
        &[
            ("content-type", "application/json;charset=utf-8"),
            ("retry-after", "120"),
            ("dpop-nonce", nonce),
        ],
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidGrant);
    assert_eq!(err.description().map(|d| d.as_str()), Some("Code « expiré »"));
    assert_eq!(err.uri().map(|u| u.as_str()), Some("https://docs.example/e"));
    let names: Vec<&str> = err.members().iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["trace_id", "limits"]);
    assert_eq!(err.member("limits").map(|v| v.to_json()), Some(serde_json::json!({"n": 3})));
    assert_eq!(err.retry_after(), Some(RetryAfter::Seconds(120)));
    assert_eq!(err.dpop_nonce(), Some(&DpopNonce::new(nonce).unwrap()));
    assert_eq!(err.dialect(), Some(Dialect::MicrosoftEntra));
    assert_eq!(err.raw_body(), None);
    assert_eq!(err.received_code(), Some("invalid_grant"));
}

#[test]
fn retry_after_in_every_http_date_form() {
    let t = UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
    for v in [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    ] {
        let err = read(503, &[("retry-after", v)], b"").unwrap();
        assert_eq!(err.retry_after(), Some(RetryAfter::At(t)), "{v}");
        assert_eq!(err.retry_delay(t - Duration::from_secs(60)), Some(Duration::from_secs(60)));
        assert_eq!(err.retry_delay(t + Duration::from_secs(60)), Some(Duration::ZERO));
    }
    for bad in [
        "Mon, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 31-Feb-94 08:49:37 GMT",
        "Sun Nov 36 08:49:37 1994",
        "soon",
        "-1",
    ] {
        assert_eq!(read(503, &[("retry-after", bad)], b"").unwrap().retry_after(), None, "{bad}");
    }
    assert_eq!(RetryAfter::parse("Sun Nov 06 08:49:37 1994"), Some(RetryAfter::At(t)));
}

#[test]
fn an_unusable_nonce_is_dropped_and_malformed_challenges_are_skipped() {
    let err = read(
        401,
        &[
            ("dpop-nonce", "two words"),
            ("www-authenticate", r#"Bearer realm="unterminated"#),
            ("www-authenticate", r#"DPoP algs="ES256", error="use_dpop_nonce""#),
        ],
        b"",
    )
    .unwrap();
    assert_eq!(err.dpop_nonce(), None);
    assert_eq!(err.code(), &OAuthError::UseDpopNonce);
    assert_eq!(err.challenges(), [Challenge::dpop().algs("ES256")]);
    assert_eq!(err.dialect(), Some(Dialect::Challenge));
}

#[test]
fn the_basic_challenge_of_invalid_client_is_the_client_auth() {
    let err = read(
        401,
        &[("www-authenticate", r#"Basic realm="demo""#), ("content-type", "application/json")],
        br#"{"error":"invalid_client","error_description":"Client authentication failed"}"#,
    )
    .unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidClient);
    assert_eq!(err.client_auth(), &ClientAuth::basic("demo"));
    assert!(err.challenges().is_empty());
    assert_eq!(err.realm(), Some("demo"));
    // It renders again exactly as received.
    let again = err.to_response(Endpoint::Token);
    assert_eq!(again.status(), 401);
    assert_eq!(again.headers()["www-authenticate"], r#"Basic realm="demo""#);
}

#[test]
fn allow_of_a_405_is_kept() {
    let err = read(
        405,
        &[("allow", "GET, POST"), ("allow", "HEAD, bad method")],
        br#"{"error":"method_not_allowed"}"#,
    )
    .unwrap();
    assert_eq!(err.allow(), [Method::GET, Method::POST, Method::HEAD]);
}

#[test]
fn large_bodies_are_not_parsed_but_kept_cut() {
    let mut body = br#"{"error":"invalid_grant","pad":""#.to_vec();
    body.resize(70_000, b'x');
    body.extend_from_slice(b"\"}");
    let err = read(400, &[], &body).unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidRequest);
    assert_eq!(err.raw_body().map(<[u8]>::len), Some(oauth_errors::parse::MAX_BODY_LEN));
    assert_eq!(ErrorResponse::from_body(&body), Err(ParseError::TooLarge(body.len())));
}

#[test]
fn form_urlencoded_bodies() {
    let body = b"error=bad_verification_code&error_description=The+code+is+wrong&error_uri=%2Fapps%2Ftroubleshooting";
    for ct in [Some("application/x-www-form-urlencoded; charset=utf-8"), Some("text/plain"), None] {
        let pairs: Vec<(&str, &str)> = ct.map(|c| ("content-type", c)).into_iter().collect();
        let err = read(200, &pairs, body).unwrap_or_else(|| panic!("{ct:?}"));
        assert_eq!(err.code(), &OAuthError::InvalidGrant);
        assert_eq!(err.received_code(), Some("bad_verification_code"));
        assert_eq!(err.description().map(|d| d.as_str()), Some("The code is wrong"));
        assert_eq!(err.uri().map(|u| u.as_str()), Some("/apps/troubleshooting"));
    }
    // A form success is not an error; HTML with `error=` in it is not a form.
    assert_eq!(
        read(
            200,
            &[("content-type", "application/x-www-form-urlencoded")],
            b"access_token=x&token_type=bearer"
        ),
        None
    );
    let html = read(400, &[("content-type", "text/html")], b"<p>error=x</p>").unwrap();
    assert_eq!(html.code(), &OAuthError::InvalidRequest);
    assert_eq!(html.dialect(), Some(Dialect::Unrecognised));
}

#[test]
fn whole_http_responses_of_any_byte_body() {
    let sent =
        OAuthError::TemporarilyUnavailable.with_description("maintenance").with_retry_after(30u64);
    let r: Response<Bytes> = sent.to_response(Endpoint::Token);
    let (parts, body) = r.into_parts();
    let as_vec = Response::from_parts(parts.clone(), body.to_vec());
    let as_string = Response::from_parts(parts.clone(), String::from_utf8(body.to_vec()).unwrap());
    for err in [
        ErrorResponse::from_http_response(&Response::from_parts(parts, body)),
        ErrorResponse::from_http_response(&as_vec),
        ErrorResponse::from_http_response(&as_string),
    ] {
        let err = err.unwrap();
        assert_eq!(err, sent);
        assert_eq!(err.retry_after(), Some(RetryAfter::Seconds(30)));
        assert!(err.is_retryable());
    }
}

// ---------------------------------------------------------------------------------------
// Body or challenge
// ---------------------------------------------------------------------------------------

const RESOURCE_JSON: (&str, &str) = ("content-type", "application/json");

#[test]
fn body_and_challenge_agreeing_keep_the_exact_body_text() {
    let err = read(
        401,
        &[
            RESOURCE_JSON,
            (
                "www-authenticate",
                r#"Bearer realm="api", error="invalid_token", error_description="Jeton expir?""#,
            ),
        ],
        r#"{"error":"invalid_token","error_description":"Jeton expiré"}"#.as_bytes(),
    )
    .unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidToken);
    assert_eq!(err.description().map(|d| d.as_str()), Some("Jeton expiré"));
    assert_eq!(err.challenges(), [Challenge::bearer().realm("api")]);
    assert_eq!(err.received_code(), Some("invalid_token"));
}

#[test]
fn two_known_codes_disagreeing_the_body_wins() {
    let err = read(
        403,
        &[
            RESOURCE_JSON,
            (
                "www-authenticate",
                r#"Bearer realm="api", error="invalid_token", error_description="from header""#,
            ),
        ],
        br#"{"error":"insufficient_scope","error_description":"from body","scope":"write"}"#,
    )
    .unwrap();
    assert_eq!(err.code(), &OAuthError::InsufficientScope);
    assert_eq!(err.description().map(|d| d.as_str()), Some("from body"));
    assert_eq!(err.received_code(), Some("insufficient_scope"));
    // The challenge is kept (its error parameters are the error's own when rendered).
    assert_eq!(err.challenges(), [Challenge::bearer().realm("api")]);
    assert_eq!(err.dialect(), Some(Dialect::Rfc6749));
}

#[test]
fn a_known_challenge_code_beats_an_unknown_body_code() {
    let err = read(
        401,
        &[RESOURCE_JSON, ("www-authenticate", r#"Bearer error="invalid_token", error_description="expired", error_uri="https://as.example/e""#)],
        br#"{"error":"AUTH_FAILED","error_description":"vendor text","request_id":"r-9"}"#,
    )
    .unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidToken);
    assert_eq!(err.received_code(), Some("invalid_token"));
    assert_eq!(err.description().map(|d| d.as_str()), Some("expired"));
    assert_eq!(err.uri().map(|u| u.as_str()), Some("https://as.example/e"));
    assert_eq!(err.member("request_id").map(|v| v.to_json()), Some("r-9".into()));
    // Two unknown codes: the body wins.
    let err = read(
        401,
        &[RESOURCE_JSON, ("www-authenticate", r#"Bearer error="header_code""#)],
        br#"{"error":"body_code"}"#,
    )
    .unwrap();
    assert_eq!(err.code(), &ext("body_code"));
    // A mapped vendor code is known: it beats an unknown challenge code.
    let err = read(
        200,
        &[("www-authenticate", r#"Bearer error="header_code""#)],
        br#"{"ok":false,"error":"token_revoked"}"#,
    )
    .unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidToken);
    assert_eq!(err.received_code(), Some("token_revoked"));
}

#[test]
fn a_body_without_a_code_takes_the_challenges_code_and_keeps_its_text() {
    let err = ResponseReader::new()
        .endpoint(Endpoint::Resource)
        .read(
            StatusCode::FORBIDDEN,
            &headers(&[RESOURCE_JSON, ("www-authenticate", r#"Bearer error="insufficient_scope", scope="write", error_uri="https://as.example/scopes""#)]),
            br#"{"message":"Token does not have the required scope."}"#,
        )
        .unwrap();
    assert_eq!(err.code(), &OAuthError::InsufficientScope);
    assert_eq!(
        err.description().map(|d| d.as_str()),
        Some("Token does not have the required scope.")
    );
    assert_eq!(err.uri().map(|u| u.as_str()), Some("https://as.example/scopes"));
    assert_eq!(err.scope(), Some(Scope::new("write").unwrap()));
    assert_eq!(err.dialect(), Some(Dialect::Message));
    assert_eq!(err.action(), ClientAction::RequestScope);
    // The body has the same code and no description: the challenge fills it in.
    let err = read(
        401,
        &[
            RESOURCE_JSON,
            ("www-authenticate", r#"Bearer error="invalid_token", error_description="expired""#),
        ],
        br#"{"error":"invalid_token"}"#,
    )
    .unwrap();
    assert_eq!(err.description().map(|d| d.as_str()), Some("expired"));
}

#[test]
fn header_only_errors_and_informational_challenges() {
    // RFC 9449 §7.2: the failing scheme carries the error, the other one does not.
    let err = read(
        401,
        &[
            ("www-authenticate", r#"DPoP error="invalid_dpop_proof", algs="ES256""#),
            ("www-authenticate", r#"Bearer realm="api""#),
        ],
        b"",
    )
    .unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidDpopProof);
    assert_eq!(err.dialect(), Some(Dialect::Challenge));
    assert_eq!(
        err.challenges(),
        [Challenge::dpop().algs("ES256"), Challenge::bearer().realm("api").informational()]
    );
    let again = err.to_response(Endpoint::Resource);
    let values: Vec<_> = again.headers().get_all("www-authenticate").iter().collect();
    assert_eq!(
        values,
        [r#"DPoP error="invalid_dpop_proof", algs="ES256""#, r#"Bearer realm="api""#]
    );
    // RFC 6750 §3.1: no credentials, no error code: the code is inferred.
    let err = read(401, &[("www-authenticate", r#"Bearer realm="api""#)], b"").unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidToken);
    assert_eq!(err.received_code(), None);
    assert_eq!(err.dialect(), Some(Dialect::Unrecognised));
    assert_eq!(
        err.to_response(Endpoint::Resource).headers()["www-authenticate"],
        r#"Bearer realm="api""#
    );
}

// ---------------------------------------------------------------------------------------
// Guidance
// ---------------------------------------------------------------------------------------

#[test]
fn actions_for_extension_codes_follow_the_status() {
    let cases = [
        (429, ClientAction::RetryLater),
        (503, ClientAction::RetryLater),
        (500, ClientAction::ContactProvider),
        (401, ClientAction::Reauthenticate),
        (400, ClientAction::FixRequest),
    ];
    for (status, action) in cases {
        let err = read(status, &[], br#"{"error":"acme_weird"}"#).unwrap();
        assert_eq!(err.code(), &ext("acme_weird"));
        assert_eq!(err.action(), action, "{status}");
        assert_eq!(err.is_retryable(), action.is_retryable());
    }
    // Without a received status: the extension row's action.
    assert_eq!(
        ErrorResponse::from_body(br#"{"error":"acme_weird"}"#).unwrap().action(),
        ClientAction::FixRequest
    );
}

#[test]
fn polling_intervals() {
    let five = Duration::from_secs(5);
    let pending = read(400, &[], br#"{"error":"authorization_pending"}"#).unwrap();
    assert_eq!(pending.next_poll_interval(five), Some(five));
    let slow = read(400, &[], br#"{"error":"slow_down"}"#).unwrap();
    assert_eq!(slow.next_poll_interval(five), Some(Duration::from_secs(10)));
    assert_eq!(slow.next_poll_interval(Duration::MAX), Some(Duration::MAX));
    let told = read(200, &[], br#"{"error":"slow_down","interval":20}"#).unwrap();
    assert_eq!(told.next_poll_interval(five), Some(Duration::from_secs(20)));
    let shorter = read(200, &[], br#"{"error":"slow_down","interval":1}"#).unwrap();
    assert_eq!(shorter.next_poll_interval(five), Some(Duration::from_secs(10)));
    for stop in ["access_denied", "expired_token", "invalid_grant"] {
        let err = read(400, &[], format!(r#"{{"error":"{stop}"}}"#).as_bytes()).unwrap();
        assert_eq!(err.next_poll_interval(five), None, "{stop}");
    }
    // CIBA's `request_submitted` (UMA) keeps polling too.
    assert_eq!(
        ErrorResponse::from(OAuthError::RequestSubmitted).next_poll_interval(five),
        Some(five)
    );
}

#[test]
fn received_metadata_is_not_compared() {
    let a = read(200, &[], br#"{"error":"bad_verification_code"}"#).unwrap();
    let b = read(400, &[], br#"{"error":"invalid_grant"}"#).unwrap();
    assert_eq!(a, b);
    assert_eq!(a, ErrorResponse::from(OAuthError::InvalidGrant));
    assert_ne!(a.received_code(), b.received_code());
    assert!(format!("{a:?}").contains("bad_verification_code"), "{a:?}");
}

#[test]
fn a_forced_dialect() {
    let reader = ResponseReader::new().dialect(Dialect::Unrecognised);
    let err = reader
        .read(StatusCode::BAD_REQUEST, &HeaderMap::new(), br#"{"error":"invalid_grant"}"#)
        .unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidRequest);
    assert_eq!(err.dialect(), Some(Dialect::Unrecognised));
    let reader = ResponseReader::new().dialect(Dialect::Challenge);
    let err = reader
        .read(
            StatusCode::UNAUTHORIZED,
            &headers(&[("www-authenticate", r#"Bearer error="invalid_token""#)]),
            br#"{"error":"invalid_grant"}"#,
        )
        .unwrap();
    assert_eq!(err.code(), &OAuthError::InvalidToken);
    // A shape that does not fit the forced dialect is unrecognised.
    let reader = ResponseReader::new().dialect(Dialect::Okta);
    let err = reader
        .read(StatusCode::BAD_REQUEST, &HeaderMap::new(), br#"{"error":"invalid_grant"}"#)
        .unwrap();
    assert_eq!(
        (err.code(), err.dialect()),
        (&OAuthError::InvalidRequest, Some(Dialect::Unrecognised))
    );
    assert_eq!(reader.read_body(br#"{"error":"invalid_grant"}"#), Err(ParseError::MissingError));
}

#[test]
fn body_only_errors() {
    assert_eq!(
        ErrorResponse::from_body(b"<html>"),
        Err(ParseError::Json("expected value at line 1 column 1".into()))
    );
    assert_eq!(ErrorResponse::from_body(b"[1]"), Err(ParseError::NotAnObject));
    assert_eq!(ErrorResponse::from_body(br#"{"access_token":"x"}"#), Err(ParseError::MissingError));
    assert!(matches!(
        ErrorResponse::from_body(br#"{"error":"a\"b"}"#),
        Err(ParseError::InvalidCode(_))
    ));
    // RFC 6749 bodies read as from_json reads them.
    let body = br#"{"error":"invalid_scope","error_description":"x","n":1}"#;
    assert_eq!(ErrorResponse::from_body(body).unwrap(), ErrorResponse::from_json(body).unwrap());
    // Deserialize is dialect-aware too.
    let fb: ErrorResponse =
        serde_json::from_str(r#"{"error":{"message":"limit","type":"OAuthException","code":4}}"#)
            .unwrap();
    assert_eq!(fb.code(), &OAuthError::TooManyRequests);
    let now = SystemTime::now();
    assert_eq!(fb.retry_delay(now), None);
}

// ---------------------------------------------------------------------------------------
// Authorization responses
// ---------------------------------------------------------------------------------------

#[test]
fn state_checks() {
    let sent = ExpectedRedirect::new(Some("af0ifjsldkj"));
    assert_eq!(
        sent.read("/cb?code=c&state=af0ifjsldkj"),
        Ok(Callback::Success { code: Some("c".into()) })
    );
    assert_eq!(sent.read("/cb?code=c&state=AF0IFJSLDKJ"), Err(RedirectError::StateMismatch));
    assert_eq!(sent.read("/cb?code=c"), Err(RedirectError::StateMissing));
    assert_eq!(sent.read("/cb?code=c&state="), Err(RedirectError::StateMissing));
    assert_eq!(
        ExpectedRedirect::new(Some("")).read("/cb?code=c&state="),
        Ok(Callback::Success { code: Some("c".into()) })
    );
    assert_eq!(
        sent.read("/cb?code=c&state=af0ifjsldkj&state=af0ifjsldkj"),
        Err(RedirectError::StateMismatch)
    );
    assert_eq!(sent.read("/cb?error=access_denied"), Err(RedirectError::StateMissing));
    let none = ExpectedRedirect::new(None);
    assert_eq!(none.read("/cb?code=c&state=x"), Err(RedirectError::StateMismatch));
    assert_eq!(
        none.read("/cb#access_token=t&token_type=bearer"),
        Ok(Callback::Success { code: None })
    );
    assert_eq!(none.read("/cb"), Err(RedirectError::NotAnAuthorizationResponse));
    assert_eq!(
        none.read(&"a".repeat(70_000)),
        Err(RedirectError::Malformed(ParseError::TooLarge(70_000)))
    );
}

#[test]
fn issuer_checks() {
    let iss = "https%3A%2F%2Fas.example";
    let optional = ExpectedRedirect::new(None).issuer("https://as.example");
    let required = ExpectedRedirect::new(None).require_issuer("https://as.example");
    for expected in [&optional, &required] {
        assert!(expected.read(&format!("/cb?code=c&iss={iss}")).is_ok());
        assert_eq!(
            expected.read("/cb?error=access_denied&iss=https%3A%2F%2Fattacker.example"),
            Err(RedirectError::IssuerMismatch { received: "https://attacker.example".into() })
        );
        // Simple string comparison: no normalisation.
        assert!(expected.read("/cb?code=c&iss=HTTPS%3A%2F%2Fas.example").is_err());
        assert_eq!(
            expected.read(&format!("/cb?code=c&iss={iss}&iss=https%3A%2F%2Fother")),
            Err(RedirectError::IssuerMismatch { received: "https://other".into() })
        );
    }
    assert!(optional.read("/cb?code=c").is_ok());
    assert_eq!(required.read("/cb?code=c"), Err(RedirectError::IssuerMissing));
    assert_eq!(required.read("/cb?error=server_error"), Err(RedirectError::IssuerMissing));
    // Without an expectation, iss is kept but not checked.
    let err = ExpectedRedirect::new(None)
        .read("/cb?error=server_error&iss=anything")
        .unwrap()
        .into_error()
        .unwrap();
    assert_eq!(err.received_iss(), Some("anything"));
}

#[test]
fn fragment_query_and_form_post() {
    let expected = ExpectedRedirect::new(Some("s"));
    let cases = [
        "https://client.example/cb?error=invalid_scope&state=s",
        "https://client.example/cb#error=invalid_scope&state=s",
        "https://client.example/cb?error=invalid_scope&state=s#",
        "https://client.example/app?error=invalid_scope&state=s#/route",
        "https://client.example/cb?tenant=1#error=invalid_scope&state=s",
        "/cb?error=invalid_scope&state=s",
    ];
    for uri in cases {
        let err = expected.read(uri).unwrap_or_else(|e| panic!("{uri}: {e}")).into_error().unwrap();
        assert_eq!(err.code(), &OAuthError::InvalidScope, "{uri}");
        assert_eq!(err.dialect(), Some(Dialect::Redirect));
    }
    // `form_post` bodies, with `?` and `#` unencoded in values.
    let expected = ExpectedRedirect::new(Some("a?b#c"));
    let err = expected
        .read_form_post(b"error=access_denied&error_description=why?+#1&state=a?b#c\r\n")
        .unwrap()
        .into_error()
        .unwrap();
    assert_eq!(err.code(), &OAuthError::AccessDenied);
    assert_eq!(err.description().map(|d| d.as_str()), Some("why? #1"));
    assert_eq!(err.state().map(|s| s.as_str()), Some("a?b#c"));
    assert_eq!(expected.read_form_post(b"code=xyz&state=a%3Fb%23c").unwrap().code(), Some("xyz"));
    assert_eq!(expected.read_form_post(b"\xff"), Err(RedirectError::NotAnAuthorizationResponse));
}

#[test]
fn repeated_rfc6749_members_are_refused_as_from_json_refuses_them() {
    let body = br#"{"error":"invalid_grant","error":"access_denied"}"#;
    assert_eq!(ErrorResponse::from_body(body), Err(ParseError::Duplicate("error")));
    assert_eq!(ErrorResponse::from_json(body), Err(ParseError::Duplicate("error")));
    // In a whole response it is still an error (it names one), read from the status.
    for status in [200, 400] {
        let err = read(status, &[], body).unwrap();
        assert_eq!(err.code(), &OAuthError::InvalidRequest, "{status}");
        assert_eq!(err.received_code(), None);
        assert_eq!(err.raw_body(), Some(&body[..]));
    }
    // A value that cannot be held costs only its member, as with from_json.
    let err =
        ErrorResponse::from_body(br#"{"error":"slow_down","big":1e400,"interval":5}"#).unwrap();
    assert!(err.member("big").is_none());
    assert_eq!(err.member("interval").map(|v| v.to_json()), Some(serde_json::json!(5)));
}

#[test]
fn a_fragment_cannot_override_a_query_error() {
    // The query comes from the server; a fragment can be carried over by the browser.
    let expected = ExpectedRedirect::new(Some("s"));
    let err = expected
        .read("https://client.example/cb?error=access_denied&state=s#error=login_required&state=s")
        .unwrap()
        .into_error()
        .unwrap();
    assert_eq!(err.code(), &OAuthError::AccessDenied);
    // A query-mode success with a fragment after it.
    assert_eq!(
        expected.read("https://client.example/cb?code=c&state=s#_=_").unwrap().code(),
        Some("c")
    );
}
