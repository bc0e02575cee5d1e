//! Provider dialects: every error body the seed pages document, and a corpus of provider
//! error bodies from public documentation, read to the right variant; the vendor-code
//! table, row by row.
//!
//! Corpus bodies keep what each source documents — the shape, member names, codes,
//! statuses and headers — with descriptions written here in other words. Each case names
//! its source.

use http::{HeaderMap, HeaderValue, StatusCode};
use oauth_errors::parse::{Dialect, ResponseReader, VENDOR_CODES};
use oauth_errors::{Challenge, ClientAction, Endpoint, ErrorResponse, OAuthError, RetryAfter};
use serde_json::json;

struct Case {
    source: &'static str,
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
    endpoint: Option<Endpoint>,
    code: &'static str,
    received: Option<&'static str>,
    dialect: Dialect,
    description: Option<&'static str>,
}

const JSON: (&str, &str) = ("content-type", "application/json");

fn read(c: &Case) -> ErrorResponse {
    let mut headers = HeaderMap::new();
    for (n, v) in c.headers {
        headers.append(http::HeaderName::from_static(n), HeaderValue::from_static(v));
    }
    let mut reader = ResponseReader::new();
    if let Some(e) = c.endpoint {
        reader = reader.endpoint(e);
    }
    reader
        .read(StatusCode::from_u16(c.status).unwrap(), &headers, c.body.as_bytes())
        .unwrap_or_else(|| panic!("{}: not read as an error: {}", c.source, c.body))
}

fn check(cases: &[Case]) {
    for c in cases {
        let err = read(c);
        let what = format!("{} ({} {})", c.source, c.status, c.body);
        assert_eq!(err.code().as_str(), c.code, "{what}: code");
        assert_eq!(err.received_code(), c.received, "{what}: code as received");
        assert_eq!(err.dialect(), Some(c.dialect), "{what}: dialect");
        assert_eq!(err.description().map(|d| d.as_str()), c.description, "{what}: description");
        assert_eq!(err.received_status().map(|s| s.as_u16()), Some(c.status), "{what}");
        assert_eq!(err.endpoint(), c.endpoint, "{what}");
        // The raw body is kept only when nothing in it was recognised.
        assert_eq!(
            err.raw_body().is_some(),
            c.dialect == Dialect::Unrecognised && !c.body.is_empty(),
            "{what}"
        );
    }
}

const NONE: &[(&str, &str)] = &[];

// ---------------------------------------------------------------------------------------
// The seed pages (shared/seeds), every documented error body
// ---------------------------------------------------------------------------------------

/// Seed 000: a provider's status table; each code with its documented status.
#[test]
fn seed_000_status_codes() {
    for (code, status) in [
        ("invalid_client", 401),
        ("invalid_grant", 400),
        ("duplicate", 400),
        ("invalid_request", 400),
        ("too_many_requests", 429),
        ("server_error", 500),
        ("invalid_scope", 400),
        ("unsupported_grant_type", 400),
        ("unauthorized_client", 401),
        ("invalid_permission", 403),
    ] {
        let body = format!(r#"{{"error":"{code}","error_description":"documented cause"}}"#);
        let err = ErrorResponse::from_http_parts(
            StatusCode::from_u16(status).unwrap(),
            &HeaderMap::new(),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(err.code().as_str(), code);
        assert!(err.code().is_known(), "{code}");
        assert_eq!(err.dialect(), Some(Dialect::Rfc6749));
    }
}

/// Seed 001: an authentication API's standard error responses, including a 500 without a
/// body.
#[test]
fn seed_001_standard_error_responses() {
    let s = "seed 001";
    check(&[
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: r#"{"error": "invalid_request", "error_description": "..."}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_request",
            received: Some("invalid_request"),
            dialect: Dialect::Rfc6749,
            description: Some("..."),
        },
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: r#"{"error": "invalid_scope", "error_description": "Scope must be an array or a string"}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_scope",
            received: Some("invalid_scope"),
            dialect: Dialect::Rfc6749,
            description: Some("Scope must be an array or a string"),
        },
        Case {
            source: s,
            status: 401,
            headers: &[JSON],
            body: r#"{"error": "invalid_client", "error_description": "..."}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_client",
            received: Some("invalid_client"),
            dialect: Dialect::Rfc6749,
            description: Some("..."),
        },
        Case {
            source: s,
            status: 403,
            headers: &[JSON],
            body: r#"{"error": "unauthorized_client", "error_description": "..."}"#,
            endpoint: Some(Endpoint::Token),
            code: "unauthorized_client",
            received: Some("unauthorized_client"),
            dialect: Dialect::Rfc6749,
            description: Some("..."),
        },
        Case {
            source: s,
            status: 403,
            headers: &[JSON],
            body: r#"{"error": "access_denied", "error_description": "Unknown or invalid refresh token"}"#,
            endpoint: Some(Endpoint::Token),
            code: "access_denied",
            received: Some("access_denied"),
            dialect: Dialect::Rfc6749,
            description: Some("Unknown or invalid refresh token"),
        },
        Case {
            source: s,
            status: 404,
            headers: &[JSON],
            body: r#"{"error": "endpoint_disabled", "error_description": "..."}"#,
            endpoint: None,
            code: "endpoint_disabled",
            received: Some("endpoint_disabled"),
            dialect: Dialect::Rfc6749,
            description: Some("..."),
        },
        Case {
            source: s,
            status: 405,
            headers: &[JSON],
            body: r#"{"error": "method_not_allowed", "error_description": "..."}"#,
            endpoint: None,
            code: "method_not_allowed",
            received: Some("method_not_allowed"),
            dialect: Dialect::Rfc6749,
            description: Some("..."),
        },
        Case {
            source: s,
            status: 429,
            headers: &[JSON],
            body: r#"{"error": "too_many_requests", "error_description": "..."}"#,
            endpoint: None,
            code: "too_many_requests",
            received: Some("too_many_requests"),
            dialect: Dialect::Rfc6749,
            description: Some("..."),
        },
        Case {
            source: s,
            status: 500,
            headers: NONE,
            body: "",
            endpoint: None,
            code: "server_error",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
        Case {
            source: s,
            status: 501,
            headers: &[JSON],
            body: r#"{"error": "unsupported_response_type", "error_description": "..."}"#,
            endpoint: None,
            code: "unsupported_response_type",
            received: Some("unsupported_response_type"),
            dialect: Dialect::Rfc6749,
            description: Some("..."),
        },
        Case {
            source: s,
            status: 503,
            headers: &[JSON],
            body: r#"{"error": "temporarily_unavailable", "error_description": "..."}"#,
            endpoint: None,
            code: "temporarily_unavailable",
            received: Some("temporarily_unavailable"),
            dialect: Dialect::Rfc6749,
            description: Some("..."),
        },
    ]);
}

/// Seed 002: messages and statuses without error bodies: the status decides, and the
/// documented success body is not an error.
#[test]
fn seed_002_statuses_without_codes() {
    let token = br#"{"access_token": "ACCESS_TOKEN", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "REFRESH_TOKEN", "scope": "..scopes..,base"}"#;
    assert_eq!(ErrorResponse::from_http_parts(StatusCode::OK, &HeaderMap::new(), token), None);
    let s = "seed 002";
    check(&[
        Case {
            source: s,
            status: 401,
            headers: NONE,
            body: "",
            endpoint: Some(Endpoint::Resource),
            code: "invalid_token",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
        Case {
            source: s,
            status: 403,
            headers: NONE,
            body: "",
            endpoint: Some(Endpoint::Resource),
            code: "insufficient_scope",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
        Case {
            source: s,
            status: 404,
            headers: NONE,
            body: "",
            endpoint: Some(Endpoint::Api),
            code: "invalid_request",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
        Case {
            source: s,
            status: 410,
            headers: NONE,
            body: "",
            endpoint: Some(Endpoint::Api),
            code: "invalid_request",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
        Case {
            source: s,
            status: 422,
            headers: NONE,
            body: "",
            endpoint: Some(Endpoint::Api),
            code: "invalid_request",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
        Case {
            source: s,
            status: 429,
            headers: NONE,
            body: "",
            endpoint: Some(Endpoint::Api),
            code: "too_many_requests",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
        Case {
            source: s,
            status: 500,
            headers: NONE,
            body: "Internal Server Error",
            endpoint: Some(Endpoint::Token),
            code: "server_error",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
        Case {
            source: s,
            status: 503,
            headers: NONE,
            body: "<p>Whoops! Something broke.</p>",
            endpoint: Some(Endpoint::Authorization),
            code: "temporarily_unavailable",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
    ]);
}

/// Seed 003: an API's own shapes: `{success, message, details}`, `{message}`,
/// `{field: [message]}`.
#[test]
fn seed_003_envelope_message_and_field_shapes() {
    let s = "seed 003";
    check(&[
        Case {
            source: s,
            status: 401,
            headers: &[JSON],
            body: r#"{"success": false, "message": "Client authentication failed. Check client ID/secret.", "details": {"error": "invalid_client", "error_description": "Client authentication failed", "message": "Client authentication failed"}}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_client",
            received: Some("invalid_client"),
            dialect: Dialect::Envelope,
            description: Some("Client authentication failed"),
        },
        Case {
            source: s,
            status: 403,
            headers: &[JSON],
            body: r#"{"success": false, "message": "Inactive enterprise."}"#,
            endpoint: Some(Endpoint::Token),
            code: "access_denied",
            received: None,
            dialect: Dialect::Envelope,
            description: Some("Inactive enterprise."),
        },
        Case {
            source: s,
            status: 401,
            headers: &[JSON],
            body: r#"{"message": "Unauthenticated."}"#,
            endpoint: Some(Endpoint::Resource),
            code: "invalid_token",
            received: None,
            dialect: Dialect::Message,
            description: Some("Unauthenticated."),
        },
        Case {
            source: s,
            status: 403,
            headers: &[JSON],
            body: r#"{"message": "Token does not have the required scope."}"#,
            endpoint: Some(Endpoint::Resource),
            code: "insufficient_scope",
            received: None,
            dialect: Dialect::Message,
            description: Some("Token does not have the required scope."),
        },
        Case {
            source: s,
            status: 404,
            headers: &[JSON],
            body: r#"{"message": "Company not found."}"#,
            endpoint: Some(Endpoint::Resource),
            code: "invalid_request",
            received: None,
            dialect: Dialect::Message,
            description: Some("Company not found."),
        },
        Case {
            source: s,
            status: 422,
            headers: &[JSON],
            body: r#"{"success": false, "message": "Token required."}"#,
            endpoint: Some(Endpoint::Introspection),
            code: "invalid_request",
            received: None,
            dialect: Dialect::Envelope,
            description: Some("Token required."),
        },
        Case {
            source: s,
            status: 422,
            headers: &[JSON],
            body: r#"{"success": false, "message": "Invalid or expired token."}"#,
            endpoint: Some(Endpoint::Revocation),
            code: "invalid_request",
            received: None,
            dialect: Dialect::Envelope,
            description: Some("Invalid or expired token."),
        },
        Case {
            source: s,
            status: 422,
            headers: &[JSON],
            body: r#"{"success": false, "message": "Token not found."}"#,
            endpoint: Some(Endpoint::Revocation),
            code: "invalid_request",
            received: None,
            dialect: Dialect::Envelope,
            description: Some("Token not found."),
        },
        Case {
            source: s,
            status: 422,
            headers: &[JSON],
            body: r#"{"client_id": ["The client id field is required."], "client_secret": ["The client secret field is required."]}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_request",
            received: None,
            dialect: Dialect::FieldErrors,
            description: Some(
                "client_id: The client id field is required.; client_secret: The client secret field is required.",
            ),
        },
        Case {
            source: s,
            status: 429,
            headers: NONE,
            body: "",
            endpoint: Some(Endpoint::Api),
            code: "too_many_requests",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
    ]);
    // Every member is kept.
    let err = read(&Case {
        source: s,
        status: 401,
        headers: &[JSON],
        body: r#"{"success": false, "message": "Client authentication failed. Check client ID/secret.", "details": {"error": "invalid_client"}}"#,
        endpoint: None,
        code: "",
        received: None,
        dialect: Dialect::Envelope,
        description: None,
    });
    assert_eq!(err.member("success").map(|v| v.to_json()), Some(json!(false)));
    assert_eq!(
        err.member("details").map(|v| v.to_json()),
        Some(json!({"error": "invalid_client"}))
    );
}

/// Seed 004: RFC 6749 bodies (some with a trailing comma), `error_human_title`, and a
/// nested `{error: {status, title, detail}}`.
#[test]
fn seed_004_authorization_errors() {
    let s = "seed 004";
    check(&[
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: "{\n\"error\": \"invalid_request\",\n\"error_description\": \"Missing parameter: \\\"code\\\" is required\",\n}",
            endpoint: Some(Endpoint::Token),
            code: "invalid_request",
            received: Some("invalid_request"),
            dialect: Dialect::Rfc6749,
            description: Some("Missing parameter: \"code\" is required"),
        },
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: "{\n\"error\": \"invalid_grant\",\n\"error_description\": \"Authorization code doesn't exist or is invalid for the client\",\n}",
            endpoint: Some(Endpoint::Token),
            code: "invalid_grant",
            received: Some("invalid_grant"),
            dialect: Dialect::Rfc6749,
            description: Some("Authorization code doesn't exist or is invalid for the client"),
        },
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: r#"{"error": "invalid_request", "error_description": "The grant type was not specified in the request",}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_request",
            received: Some("invalid_request"),
            dialect: Dialect::Rfc6749,
            description: Some("The grant type was not specified in the request"),
        },
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: r#"{"error": "invalid_scope", "error_description": "The scope requested is invalid for this client",}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_scope",
            received: Some("invalid_scope"),
            dialect: Dialect::Rfc6749,
            description: Some("The scope requested is invalid for this client"),
        },
        Case {
            source: s,
            status: 401,
            headers: &[JSON],
            body: r#"{"error": "invalid_client", "error_description": "Client is not active",}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_client",
            received: Some("invalid_client"),
            dialect: Dialect::Rfc6749,
            description: Some("Client is not active"),
        },
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: r#"{"error": "invalid_client", "error_description": "The client credentials are invalid",}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_client",
            received: Some("invalid_client"),
            dialect: Dialect::Rfc6749,
            description: Some("The client credentials are invalid"),
        },
        Case {
            source: s,
            status: 401,
            headers: &[JSON],
            body: r#"{"error": "invalid_token", "error_description": "The access token provided is invalid",}"#,
            endpoint: Some(Endpoint::Resource),
            code: "invalid_token",
            received: Some("invalid_token"),
            dialect: Dialect::Rfc6749,
            description: Some("The access token provided is invalid"),
        },
        Case {
            source: s,
            status: 401,
            headers: &[JSON],
            body: r#"{"error": "insufficient_scope", "error_description": "The request requires higher privileges than provided by the access token", "error_human_title": "Insufficient scope."}"#,
            endpoint: Some(Endpoint::Resource),
            code: "insufficient_scope",
            received: Some("insufficient_scope"),
            dialect: Dialect::Rfc6749,
            description: Some(
                "The request requires higher privileges than provided by the access token",
            ),
        },
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: r#"{"error": {"status": 400, "title": "Bad Request", "detail": "Invalid owner in token"}}"#,
            endpoint: Some(Endpoint::Api),
            code: "invalid_request",
            received: None,
            dialect: Dialect::NestedError,
            description: Some("Invalid owner in token"),
        },
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: r#"{"error": "unauthorized_client", "error_description": "The grant type is unauthorized for this client_id", "error_human_title": "Unauthorized client."}"#,
            endpoint: Some(Endpoint::Token),
            code: "unauthorized_client",
            received: Some("unauthorized_client"),
            dialect: Dialect::Rfc6749,
            description: Some("The grant type is unauthorized for this client_id"),
        },
        Case {
            source: s,
            status: 400,
            headers: &[JSON],
            body: r#"{"error": "invalid_grant", "error_description": "Invalid refresh token", "error_human_title": "Provided authorization credentials are invalid or expired."}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_grant",
            received: Some("invalid_grant"),
            dialect: Dialect::Rfc6749,
            description: Some("Invalid refresh token"),
        },
    ]);
    let nested = ErrorResponse::from_body(br#"{"error": {"status": 400, "title": "Bad Request", "detail": "Invalid owner in token"}}"#).unwrap();
    assert_eq!(nested.code(), &OAuthError::InvalidRequest); // from the stated status
    assert_eq!(nested.member("title").map(|v| v.to_json()), Some(json!("Bad Request")));
    let human = ErrorResponse::from_body(
        br#"{"error": "unauthorized_client", "error_human_title": "Unauthorized client."}"#,
    )
    .unwrap();
    assert_eq!(
        human.member("error_human_title").map(|v| v.to_json()),
        Some(json!("Unauthorized client."))
    );
}

// ---------------------------------------------------------------------------------------
// Provider corpus, from public documentation
// ---------------------------------------------------------------------------------------

const RFC6749_5_2: &str = "https://www.rfc-editor.org/rfc/rfc6749#section-5.2";
const RFC6750_3: &str = "https://www.rfc-editor.org/rfc/rfc6750#section-3";
const RFC8628_3_5: &str = "https://www.rfc-editor.org/rfc/rfc8628#section-3.5";
const RFC9449_7_1: &str = "https://www.rfc-editor.org/rfc/rfc9449#section-7.1";
const RFC9449_8: &str = "https://www.rfc-editor.org/rfc/rfc9449#section-8";
const RFC9470_3: &str = "https://www.rfc-editor.org/rfc/rfc9470#section-3";
const RFC9457_3: &str = "https://www.rfc-editor.org/rfc/rfc9457#section-3";
const GITHUB_TOKEN: &str = "https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";
const GITHUB_DEVICE: &str = "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#error-codes-for-the-device-flow";
const SLACK: &str = "https://docs.slack.dev/reference/methods/oauth.v2.access";
const FACEBOOK: &str = "https://developers.facebook.com/docs/graph-api/guides/error-handling";
const GOOGLE_API: &str =
    "https://developers.google.com/analytics/devguides/reporting/data/v1/errors";
const GOOGLE_OAUTH: &str = "https://developers.google.com/identity/protocols/oauth2";
const OKTA: &str = "https://developer.okta.com/docs/reference/error-codes/";
const ENTRA: &str =
    "https://learn.microsoft.com/en-us/previous-versions/azure/dn645548(v=azure.100)";
const TWITCH_REFRESH: &str = "https://dev.twitch.tv/docs/authentication/refresh-tokens/";
const TWITCH_VALIDATE: &str = "https://dev.twitch.tv/docs/authentication/validate-tokens/";

#[test]
fn provider_corpus() {
    check(&[
        Case {
            source: RFC6749_5_2,
            status: 400,
            headers: &[JSON, ("cache-control", "no-store"), ("pragma", "no-cache")],
            body: r#"{"error":"invalid_request"}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_request",
            received: Some("invalid_request"),
            dialect: Dialect::Rfc6749,
            description: None,
        },
        Case {
            source: RFC6750_3,
            status: 401,
            headers: &[(
                "www-authenticate",
                r#"Bearer realm="example", error="invalid_token", error_description="The token has expired""#,
            )],
            body: "",
            endpoint: Some(Endpoint::Resource),
            code: "invalid_token",
            received: Some("invalid_token"),
            dialect: Dialect::Challenge,
            description: Some("The token has expired"),
        },
        Case {
            source: RFC6750_3,
            status: 401,
            headers: &[("www-authenticate", r#"Bearer realm="example""#)],
            body: "",
            endpoint: Some(Endpoint::Resource),
            code: "invalid_token",
            received: None,
            dialect: Dialect::Unrecognised,
            description: None,
        },
        Case {
            source: RFC8628_3_5,
            status: 400,
            headers: &[JSON],
            body: r#"{"error":"authorization_pending"}"#,
            endpoint: Some(Endpoint::Token),
            code: "authorization_pending",
            received: Some("authorization_pending"),
            dialect: Dialect::Rfc6749,
            description: None,
        },
        Case {
            source: RFC9449_7_1,
            status: 401,
            headers: &[(
                "www-authenticate",
                r#"DPoP error="invalid_dpop_proof", error_description="The proof is not bound to this key", algs="ES256 PS256""#,
            )],
            body: "",
            endpoint: Some(Endpoint::Resource),
            code: "invalid_dpop_proof",
            received: Some("invalid_dpop_proof"),
            dialect: Dialect::Challenge,
            description: Some("The proof is not bound to this key"),
        },
        Case {
            source: RFC9449_8,
            status: 400,
            headers: &[JSON, ("dpop-nonce", "eyJ7S_zG.eyJH0-Z.HX4w-7v")],
            body: r#"{"error":"use_dpop_nonce","error_description":"A nonce is needed in the proof"}"#,
            endpoint: Some(Endpoint::Token),
            code: "use_dpop_nonce",
            received: Some("use_dpop_nonce"),
            dialect: Dialect::Rfc6749,
            description: Some("A nonce is needed in the proof"),
        },
        Case {
            source: RFC9470_3,
            status: 401,
            headers: &[(
                "www-authenticate",
                r#"Bearer error="insufficient_user_authentication", error_description="A stronger authentication is needed", acr_values="myACR""#,
            )],
            body: "",
            endpoint: Some(Endpoint::Resource),
            code: "insufficient_user_authentication",
            received: Some("insufficient_user_authentication"),
            dialect: Dialect::Challenge,
            description: Some("A stronger authentication is needed"),
        },
        Case {
            source: RFC9457_3,
            status: 403,
            headers: &[("content-type", "application/problem+json")],
            body: r#"{"type":"https://example.com/probs/out-of-credit","title":"Not enough credit.","detail":"The balance is lower than the price.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
            endpoint: Some(Endpoint::Api),
            code: "invalid_permission",
            received: None,
            dialect: Dialect::ProblemJson,
            description: Some("The balance is lower than the price."),
        },
        Case {
            source: GITHUB_TOKEN,
            status: 200,
            headers: &[("content-type", "application/json; charset=utf-8")],
            body: r#"{"error":"incorrect_client_credentials","error_description":"The client credentials are wrong.","error_uri":"/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials"}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_client",
            received: Some("incorrect_client_credentials"),
            dialect: Dialect::GitHub,
            description: Some("The client credentials are wrong."),
        },
        Case {
            source: GITHUB_TOKEN,
            status: 200,
            headers: &[JSON],
            body: r#"{"error":"redirect_uri_mismatch","error_description":"The redirect_uri is not the registered one.","error_uri":"/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch2"}"#,
            endpoint: Some(Endpoint::Token),
            code: "redirect_uri_mismatch",
            received: Some("redirect_uri_mismatch"),
            dialect: Dialect::GitHub,
            description: Some("The redirect_uri is not the registered one."),
        },
        Case {
            source: GITHUB_TOKEN,
            status: 200,
            headers: &[("content-type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: "error=bad_verification_code&error_description=The+code+is+wrong+or+expired.&error_uri=%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-oauth-app-access-token-request-errors%2F%23bad-verification-code",
            endpoint: Some(Endpoint::Token),
            code: "invalid_grant",
            received: Some("bad_verification_code"),
            dialect: Dialect::GitHub,
            description: Some("The code is wrong or expired."),
        },
        Case {
            source: GITHUB_DEVICE,
            status: 200,
            headers: &[JSON],
            body: r#"{"error":"slow_down","error_description":"Too many requests.","interval":10}"#,
            endpoint: Some(Endpoint::Token),
            code: "slow_down",
            received: Some("slow_down"),
            dialect: Dialect::Rfc6749,
            description: Some("Too many requests."),
        },
        Case {
            source: GITHUB_DEVICE,
            status: 200,
            headers: &[JSON],
            body: r#"{"error":"device_flow_disabled","error_description":"Device flow is not enabled for this app."}"#,
            endpoint: Some(Endpoint::Token),
            code: "unauthorized_client",
            received: Some("device_flow_disabled"),
            dialect: Dialect::GitHub,
            description: Some("Device flow is not enabled for this app."),
        },
        Case {
            source: SLACK,
            status: 200,
            headers: &[JSON],
            body: r#"{"ok":false,"error":"invalid_code"}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_grant",
            received: Some("invalid_code"),
            dialect: Dialect::Slack,
            description: None,
        },
        Case {
            source: SLACK,
            status: 200,
            headers: &[JSON],
            body: r#"{"ok":false,"error":"oauth_authorization_url_mismatch"}"#,
            endpoint: Some(Endpoint::Token),
            code: "oauth_authorization_url_mismatch",
            received: Some("oauth_authorization_url_mismatch"),
            dialect: Dialect::Slack,
            description: None,
        },
        Case {
            source: FACEBOOK,
            status: 400,
            headers: &[JSON],
            body: r#"{"error":{"message":"The session has expired.","type":"OAuthException","code":190,"error_subcode":460,"error_user_title":"Session expired","error_user_msg":"Please log in again.","fbtrace_id":"EJplcsCHuLu"}}"#,
            endpoint: Some(Endpoint::Api),
            code: "invalid_token",
            received: Some("190"),
            dialect: Dialect::FacebookGraph,
            description: Some("The session has expired."),
        },
        Case {
            source: GOOGLE_API,
            status: 403,
            headers: &[JSON],
            body: r#"{"error":{"code":403,"message":"Not allowed for this property.","status":"PERMISSION_DENIED"}}"#,
            endpoint: Some(Endpoint::Api),
            code: "PERMISSION_DENIED",
            received: Some("PERMISSION_DENIED"),
            dialect: Dialect::GoogleApi,
            description: Some("Not allowed for this property."),
        },
        Case {
            source: GOOGLE_API,
            status: 401,
            headers: &[JSON],
            body: r#"{"error":{"code":401,"message":"No valid credentials.","status":"UNAUTHENTICATED"}}"#,
            endpoint: Some(Endpoint::Api),
            code: "invalid_token",
            received: Some("UNAUTHENTICATED"),
            dialect: Dialect::GoogleApi,
            description: Some("No valid credentials."),
        },
        Case {
            source: GOOGLE_OAUTH,
            status: 400,
            headers: &[JSON],
            body: r#"{"error":"invalid_grant","error_description":"The token was revoked or has expired."}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_grant",
            received: Some("invalid_grant"),
            dialect: Dialect::Rfc6749,
            description: Some("The token was revoked or has expired."),
        },
        Case {
            source: OKTA,
            status: 401,
            headers: &[JSON],
            body: r#"{"errorCode":"E0000011","errorSummary":"The token is not valid.","errorLink":"E0000011","errorId":"oaeXYZ","errorCauses":[]}"#,
            endpoint: Some(Endpoint::Api),
            code: "invalid_token",
            received: Some("E0000011"),
            dialect: Dialect::Okta,
            description: Some("The token is not valid."),
        },
        Case {
            source: OKTA,
            status: 429,
            headers: &[JSON],
            body: r#"{"errorCode":"E0000047","errorSummary":"Rate limit exceeded.","errorLink":"E0000047","errorId":"oaeABC","errorCauses":[]}"#,
            endpoint: Some(Endpoint::Api),
            code: "too_many_requests",
            received: Some("E0000047"),
            dialect: Dialect::Okta,
            description: Some("Rate limit exceeded."),
        },
        Case {
            source: ENTRA,
            status: 400,
            headers: &[("content-type", "application/json; charset=utf-8")],
            body: r#"{"error":"invalid_request","error_description":"AADSTS90011: The request names more than one application.","error_codes":[90011],"timestamp":"2013-12-31 06:31:41Z","trace_id":"4457d068-2a03-42b2-97f2-d55325289d86","correlation_id":"6b3474d8-233e-463f-b0a3-86433d8ba889"}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_request",
            received: Some("invalid_request"),
            dialect: Dialect::MicrosoftEntra,
            description: Some("AADSTS90011: The request names more than one application."),
        },
        Case {
            source: TWITCH_REFRESH,
            status: 400,
            headers: &[JSON],
            body: r#"{"error":"Bad Request","status":400,"message":"Invalid refresh token"}"#,
            endpoint: Some(Endpoint::Token),
            code: "invalid_grant",
            received: None,
            dialect: Dialect::StatusMessage,
            description: Some("Invalid refresh token"),
        },
        Case {
            source: TWITCH_VALIDATE,
            status: 401,
            headers: &[JSON],
            body: r#"{"status":401,"message":"invalid access token"}"#,
            endpoint: Some(Endpoint::Api),
            code: "invalid_token",
            received: None,
            dialect: Dialect::StatusMessage,
            description: Some("invalid access token"),
        },
    ]);
}

#[test]
fn corpus_members_and_guidance() {
    let fb = ErrorResponse::from_body(br#"{"error":{"message":"m","type":"OAuthException","code":190,"error_subcode":460,"fbtrace_id":"EJplcsCHuLu"}}"#).unwrap();
    let names: Vec<&str> = fb.members().iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["error_subcode", "fbtrace_id", "type"]);
    assert_eq!(fb.action(), ClientAction::Reauthenticate);
    let entra = ErrorResponse::from_body(br#"{"error":"interaction_required","error_codes":[50076],"trace_id":"t","correlation_id":"c"}"#).unwrap();
    assert_eq!(entra.code(), &OAuthError::InteractionRequired);
    assert_eq!(entra.member("error_codes").map(|v| v.to_json()), Some(json!([50076])));
    assert_eq!(entra.action(), ClientAction::UserActionNeeded);
    // RFC 9457: members that carry information are kept, those restating the status are not.
    let problem = ErrorResponse::from_http_parts(
        StatusCode::FORBIDDEN,
        &HeaderMap::from_iter([(http::header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"))]),
        br#"{"type":"https://example.com/probs/out-of-credit","title":"Not enough credit.","status":403,"instance":"/a/1","balance":30}"#,
    )
    .unwrap();
    let names: Vec<&str> = problem.members().iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["type", "title", "instance", "balance"]);
    // RFC 9449 §8: the nonce travels in the header.
    let dpop = ErrorResponse::from_http_parts(
        StatusCode::BAD_REQUEST,
        &HeaderMap::from_iter([(
            http::header::HeaderName::from_static("dpop-nonce"),
            HeaderValue::from_static("n-1"),
        )]),
        br#"{"error":"use_dpop_nonce"}"#,
    )
    .unwrap();
    assert_eq!(dpop.dpop_nonce().map(|n| n.as_str()), Some("n-1"));
    assert_eq!(dpop.action(), ClientAction::RetryWithNonce);
    // RFC 9470: the step-up challenge keeps its parameters.
    let step_up = ErrorResponse::from_http_parts(
        StatusCode::UNAUTHORIZED,
        &HeaderMap::from_iter([(http::header::WWW_AUTHENTICATE, HeaderValue::from_static(r#"Bearer error="insufficient_user_authentication", acr_values="myACR", max_age="5""#))]),
        b"",
    )
    .unwrap();
    assert_eq!(step_up.challenges(), [Challenge::bearer().acr_values("myACR").max_age(5)]);
    assert_eq!(step_up.action(), ClientAction::StepUp);
    // A 429 with Retry-After.
    let limited = ErrorResponse::from_http_parts(
        StatusCode::TOO_MANY_REQUESTS,
        &HeaderMap::from_iter([(http::header::RETRY_AFTER, HeaderValue::from_static("7"))]),
        br#"{"ok":false,"error":"ratelimited"}"#,
    )
    .unwrap();
    assert_eq!(
        (limited.code(), limited.retry_after()),
        (&OAuthError::TooManyRequests, Some(RetryAfter::Seconds(7)))
    );
}

// ---------------------------------------------------------------------------------------
// The vendor-code table
// ---------------------------------------------------------------------------------------

/// A body of `dialect` carrying `code`.
fn body_for(dialect: Dialect, code: &str) -> String {
    match dialect {
        Dialect::GitHub => json!({"error": code, "error_description": "d"}).to_string(),
        Dialect::Slack => json!({"ok": false, "error": code}).to_string(),
        Dialect::FacebookGraph => json!({"error": {"message": "d", "type": "OAuthException", "code": code.parse::<u64>().unwrap(), "fbtrace_id": "x"}}).to_string(),
        Dialect::GoogleApi => json!({"error": {"code": 400, "message": "d", "status": code}}).to_string(),
        Dialect::Okta => json!({"errorCode": code, "errorSummary": "d", "errorId": "x"}).to_string(),
        Dialect::StatusMessage => json!({"status": 400, "message": code}).to_string(),
        other => panic!("no body for {other:?}"),
    }
}

#[test]
fn every_vendor_code_is_recognised_and_kept_as_received() {
    assert_eq!(VENDOR_CODES.len(), 32);
    for row in VENDOR_CODES {
        assert!(row.source.starts_with("https://"), "{row:?}");
        assert!(row.canonical.is_known());
        let body = body_for(row.dialect, row.code);
        let err =
            ErrorResponse::from_body(body.as_bytes()).unwrap_or_else(|e| panic!("{row:?}: {e}"));
        assert_eq!(err.code(), &row.canonical, "{row:?}");
        assert_eq!(err.dialect(), Some(row.dialect), "{row:?}");
        let received = (row.dialect != Dialect::StatusMessage).then_some(row.code);
        assert_eq!(err.received_code(), received, "{row:?}");
        // The same code in plain RFC 6749 is not mapped.
        let plain = ResponseReader::new()
            .dialect(Dialect::Rfc6749)
            .read_body(json!({"error": row.code}).to_string().as_bytes());
        if let Ok(plain) = plain {
            assert_eq!(plain.code().as_str(), row.code, "{row:?}");
        }
    }
    // Facebook's permission range.
    for code in ["200", "250", "299"] {
        let err =
            ErrorResponse::from_body(body_for(Dialect::FacebookGraph, code).as_bytes()).unwrap();
        assert_eq!(err.code(), &OAuthError::InsufficientScope, "{code}");
    }
    for code in ["1", "300", "2000"] {
        let err =
            ErrorResponse::from_body(body_for(Dialect::FacebookGraph, code).as_bytes()).unwrap();
        assert_eq!(err.code().as_str(), code);
        assert!(!err.code().is_known());
    }
}

#[test]
fn dialect_names_and_order() {
    let names: Vec<&str> = Dialect::ALL.iter().map(|d| d.as_str()).collect();
    assert_eq!(
        names,
        [
            "slack",
            "problem_json",
            "microsoft_entra",
            "status_message",
            "github",
            "rfc6749",
            "facebook_graph",
            "google_api",
            "nested_error",
            "okta",
            "envelope",
            "message",
            "field_errors",
            "challenge",
            "redirect",
            "unrecognised"
        ]
    );
    for d in Dialect::ALL {
        assert_eq!(d.to_string(), d.as_str());
        assert_eq!(
            d.is_body(),
            !matches!(d, Dialect::Challenge | Dialect::Redirect | Dialect::Unrecognised)
        );
    }
}
