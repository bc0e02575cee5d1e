//! Adapter conversions without sockets: axum `IntoResponse` and actix-web
//! `Responder` / `ResponseError` produce exactly the core's `to_response()`.

use std::sync::LazyLock;
use std::time::Duration;

use actix_web::test::TestRequest;
use actix_web::{HttpResponse, Responder, ResponseError};
use axum::response::IntoResponse;
use bytes::Bytes;
use oauth_errors::authorize::{
    AuthorizationError, RedirectUriError, ResponseMode, State, VerifiedRedirectUri,
    verify_redirect_uri,
};
use oauth_errors::text::ErrorText;
use oauth_errors::{
    AuthenticationRequired, Challenge, ClientAuth, Contract, DpopNonce, Endpoint, ErrorResponse,
    ErrorStatus, OAuthError, ProblemJson, extension_code,
};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Headers of an `http` 1 map, in iteration order.
fn http_headers(h: &http::HeaderMap) -> Vec<(String, Vec<u8>)> {
    h.iter().map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec())).collect()
}

/// Headers of an actix response, sorted by name with repeated names in order (actix's
/// map does not keep the order across different names).
fn actix_headers(r: &HttpResponse) -> Vec<(String, Vec<u8>)> {
    let mut names: Vec<String> = r.headers().keys().map(|n| n.as_str().to_owned()).collect();
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for n in names {
        for v in r.headers().get_all(n.as_str()) {
            out.push((n.clone(), v.as_bytes().to_vec()));
        }
    }
    out
}

/// `http_headers` sorted the same way as `actix_headers`.
fn sorted(mut h: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    h.sort_by(|a, b| a.0.cmp(&b.0)); // stable: repeated names keep their order
    h
}

async fn axum_parts(r: axum::response::Response) -> (u16, Vec<(String, Vec<u8>)>, Bytes) {
    let (parts, body) = r.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.expect("axum body");
    (parts.status.as_u16(), http_headers(&parts.headers), body)
}

async fn actix_parts(r: HttpResponse) -> (u16, Vec<(String, Vec<u8>)>, Bytes) {
    let status = r.status().as_u16();
    let headers = actix_headers(&r);
    let body = actix_web::body::to_bytes(r.into_body()).await.expect("actix body");
    (status, headers, body)
}

fn core_parts(r: http::Response<Bytes>) -> (u16, Vec<(String, Vec<u8>)>, Bytes) {
    (r.status().as_u16(), http_headers(r.headers()), r.into_body())
}

fn req() -> actix_web::HttpRequest {
    TestRequest::default().to_http_request()
}

fn verified() -> VerifiedRedirectUri {
    verify_redirect_uri(None, &["https://client.example.com/cb"]).expect("one registered URI")
}

static API: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder()
        .format(ProblemJson::with_type_base("https://docs.example.com/errors#"))
        .status(OAuthError::UnauthorizedClient, ErrorStatus::FORBIDDEN)
        .member("api_version", "v2")
        .pragma_no_cache(false)
        .build()
});

/// A handful of errors covering every rendering branch.
fn errors() -> Vec<(&'static str, ErrorResponse)> {
    vec![
        ("bare", ErrorResponse::new(OAuthError::InvalidGrant)),
        (
            "rich",
            OAuthError::InvalidRequest
                .with_description(ErrorText::unicode(r#"bad "x" — é"#).expect("relaxed"))
                .with_uri("https://docs.example.com/e")
                .with_member("error_human_title", "Bad request."),
        ),
        (
            "basic-401",
            OAuthError::InvalidClient
                .with_client_auth(ClientAuth::basic("as"))
                .with_description("unknown client"),
        ),
        (
            "two-challenges",
            OAuthError::InsufficientScope
                .with_description("needs write")
                .with_challenge(Challenge::bearer().realm("api").scope("write"))
                .with_challenge(Challenge::dpop().algs("ES256"))
                .at(Endpoint::Resource),
        ),
        (
            "dpop-nonce",
            OAuthError::UseDpopNonce
                .at(Endpoint::Resource)
                .with_dpop_nonce(DpopNonce::new("n0nce").expect("nonce")),
        ),
        (
            "retry-503",
            OAuthError::TemporarilyUnavailable
                .with_description("maintenance")
                .with_retry_after(Duration::from_secs(30)),
        ),
        ("contract-403", API.error(OAuthError::UnauthorizedClient).with_description("no")),
        (
            "extension-409",
            ErrorResponse::new(extension_code!("acme_conflict")).with_status(ErrorStatus::CONFLICT),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// axum
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn axum_error_response_equals_core_exactly() {
    for (name, err) in errors() {
        let core = core_parts(err.response());
        let axum = axum_parts(err.clone().into_response()).await;
        assert_eq!(axum, core, "{name}: status, headers in order, body");
        // And `response()` is `to_response()` at the error's endpoint.
        let at = err.endpoint().unwrap_or(Endpoint::Token);
        assert_eq!(core_parts(err.to_response(at)), core, "{name}");
    }
}

#[tokio::test]
async fn axum_other_types_equal_core_exactly() {
    let authz = AuthorizationError::new(OAuthError::AccessDenied, verified())
        .state(State::new(r#"s "&" t"#).expect("state"));
    for mode in [ResponseMode::Query, ResponseMode::Fragment, ResponseMode::FormPost] {
        let a = authz.clone().mode(mode);
        assert_eq!(axum_parts(a.clone().into_response()).await, core_parts(a.to_response()));
    }
    let never = AuthorizationError::new(OAuthError::InvalidClient, verified());
    assert_eq!(axum_parts(never.clone().into_response()).await, core_parts(never.to_response()));

    let auth = AuthenticationRequired::new(Challenge::bearer().realm("r"))
        .and(Challenge::dpop().algs("ES256"));
    let got = axum_parts(auth.clone().into_response()).await;
    assert_eq!(got, core_parts(auth.to_response()));
    let (status, headers, body) = got;
    assert_eq!(status, 401);
    let www: Vec<&[u8]> =
        headers.iter().filter(|(n, _)| n == "www-authenticate").map(|(_, v)| &v[..]).collect();
    assert_eq!(www, [&br#"Bearer realm="r""#[..], br#"DPoP algs="ES256""#]);
    assert!(body.is_empty());

    for e in [RedirectUriError::Missing, RedirectUriError::NotRegistered] {
        assert_eq!(
            axum_parts(e.clone().into_response()).await,
            core_parts(e.to_error().to_response(Endpoint::Authorization))
        );
    }
}

#[tokio::test]
async fn axum_bare_oauth_error() {
    let (status, headers, body) = axum_parts(OAuthError::InvalidGrant.into_response()).await;
    assert_eq!(status, 400);
    assert_eq!(&body[..], br#"{"error":"invalid_grant"}"#);
    assert_eq!(
        sorted(headers),
        sorted(vec![
            ("content-type".into(), b"application/json".to_vec()),
            ("cache-control".into(), b"no-store".to_vec()),
            ("pragma".into(), b"no-cache".to_vec()),
        ])
    );
    let r = axum_parts(OAuthError::InvalidToken.into_response()).await;
    // A resource-only code renders at the resource endpoint by default.
    assert_eq!(r, core_parts(OAuthError::InvalidToken.to_response(Endpoint::Resource)));
    assert_eq!(r.0, 401, "invalid_token is 401 with a challenge");
    assert!(
        r.1.iter().any(|(n, v)| n == "www-authenticate" && v == br#"Bearer error="invalid_token""#)
    );
    for code in OAuthError::KNOWN {
        assert_eq!(
            axum_parts(code.clone().into_response()).await,
            core_parts(code.to_response(code.info().default_endpoint())),
            "{code:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// actix-web
// ---------------------------------------------------------------------------------------

#[actix_web::test]
async fn actix_responder_and_response_error_equal_core() {
    for (name, err) in errors() {
        let core = core_parts(err.response());
        let want = (core.0, sorted(core.1), core.2);
        let responder = actix_parts(err.clone().respond_to(&req())).await;
        assert_eq!(responder, want, "{name}: Responder");
        let via_error = actix_parts(err.error_response()).await;
        assert_eq!(via_error, want, "{name}: ResponseError::error_response");
        assert_eq!(err.status_code().as_u16(), want.0, "{name}: ResponseError::status_code");
        // Through actix's own `Error` type, as a handler's `Err(e)` goes.
        let as_error: actix_web::Error = err.clone().into();
        assert_eq!(actix_parts(as_error.error_response()).await, want, "{name}: actix Error");
    }
}

#[actix_web::test]
async fn actix_keeps_repeated_www_authenticate_in_order() {
    let err = OAuthError::InvalidToken
        .with_description(r#"say "hi""#)
        .with_challenge(Challenge::bearer().realm("a"))
        .with_challenge(Challenge::dpop().algs("ES256 PS256"))
        .with_challenge(Challenge::basic("c"))
        .at(Endpoint::Resource);
    let core = err.response();
    let want: Vec<&[u8]> =
        core.headers().get_all("www-authenticate").iter().map(|v| v.as_bytes()).collect();
    assert_eq!(want.len(), 3);
    for r in [err.clone().respond_to(&req()), err.error_response()] {
        let got: Vec<Vec<u8>> =
            r.headers().get_all("www-authenticate").map(|v| v.as_bytes().to_vec()).collect();
        assert_eq!(got, want);
        assert_eq!(r.status().as_u16(), 401);
        let body = actix_web::body::to_bytes(r.into_body()).await.expect("body");
        assert_eq!(&body, core.body());
    }

    let auth = AuthenticationRequired::new(Challenge::bearer().realm("x"))
        .and(Challenge::dpop().algs("ES256"));
    let r = auth.clone().respond_to(&req());
    let got: Vec<&[u8]> = r.headers().get_all("www-authenticate").map(|v| v.as_bytes()).collect();
    assert_eq!(got, [&br#"Bearer realm="x""#[..], br#"DPoP algs="ES256""#]);
    let c = core_parts(auth.to_response());
    assert_eq!(actix_parts(r).await, (c.0, sorted(c.1), c.2));
}

#[actix_web::test]
async fn actix_other_types_equal_core() {
    let authz = AuthorizationError::new(
        OAuthError::AccessDenied.with_description("user said no"),
        verified(),
    )
    .state(State::new(r#"<"&'>"#).expect("state"));
    for mode in [ResponseMode::Query, ResponseMode::Fragment, ResponseMode::FormPost] {
        let a = authz.clone().mode(mode);
        let c = core_parts(a.to_response());
        assert_eq!(actix_parts(a.respond_to(&req())).await, (c.0, sorted(c.1), c.2), "{mode:?}");
    }
    let e = RedirectUriError::NotRegistered;
    let c = core_parts(e.to_error().to_response(Endpoint::Authorization));
    assert_eq!(actix_parts(e.respond_to(&req())).await, (c.0, sorted(c.1), c.2));
}

#[actix_web::test]
async fn actix_bare_oauth_error() {
    for code in OAuthError::KNOWN.iter().cloned().chain([extension_code!("acme_x")]) {
        let c = core_parts(code.to_response(code.info().default_endpoint()));
        let want = (c.0, sorted(c.1), c.2);
        assert_eq!(code.status_code().as_u16(), want.0, "{code:?}");
        assert_eq!(code.error_response().status().as_u16(), want.0, "{code:?}");
        assert_eq!(actix_parts(code.error_response()).await, want, "{code:?}: ResponseError");
        assert_eq!(actix_parts(code.clone().respond_to(&req())).await, want, "{code:?}: Responder");
    }
    let r = OAuthError::TemporarilyUnavailable.error_response();
    assert_eq!(r.status().as_u16(), 503);
    assert_eq!(
        r.headers().get("content-type").map(|v| v.as_bytes()),
        Some(&b"application/json"[..])
    );
}

// ---------------------------------------------------------------------------------------
// Rejection and the types that became actix `ResponseError`s
// ---------------------------------------------------------------------------------------

fn rejections() -> Vec<(&'static str, oauth_errors::Rejection)> {
    let authz = AuthorizationError::new(
        OAuthError::ServerError.with_cause(std::io::Error::other("db")),
        verified(),
    );
    vec![
        ("error", OAuthError::InvalidToken.with_description("expired").into()),
        ("auth-required", AuthenticationRequired::new(Challenge::bearer().realm("r")).into()),
        ("redirect", authz.clone().into()),
        ("form-post", authz.mode(ResponseMode::FormPost).into()),
        ("never-redirected", AuthorizationError::new(OAuthError::InvalidClient, verified()).into()),
        ("redirect-uri", RedirectUriError::NotRegistered.into()),
        ("response-mode", oauth_errors::authorize::ResponseModeError::Unsupported.into()),
    ]
}

/// Every `Rejection` renders the same in axum, actix-web (`ResponseError` and
/// `Responder`) and the core, and actix's `status_code()` agrees with the response.
#[actix_web::test]
async fn rejections_render_alike_everywhere() {
    for (name, r) in rejections() {
        let core = core_parts(r.to_response());
        assert_eq!(r.status().as_u16(), core.0, "{name}");
        assert_eq!(r.status_code().as_u16(), core.0, "{name}: status_code()");
        let (status, headers, body) = actix_parts(r.error_response()).await;
        assert_eq!(
            (status, headers, body.clone()),
            (core.0, actix_sorted(&core.1), core.2.clone()),
            "{name}"
        );
        let axum = axum_parts(r.into_response()).await;
        assert_eq!(axum, core, "{name}: axum");
    }
    let responder = rejections().remove(1).1.respond_to(&req());
    assert_eq!(responder.status().as_u16(), 401);
}

/// The types that became `ResponseError`s: `status_code()` agrees with
/// `error_response()`, which is the core's response.
#[actix_web::test]
async fn new_response_errors_agree() {
    let authz = AuthorizationError::new(OAuthError::LoginRequired, verified());
    let auth = AuthenticationRequired::new(Challenge::bearer().realm("r"));
    let mode = oauth_errors::authorize::ResponseModeError::QueryNotAllowed;
    let uri = RedirectUriError::Missing;
    let cases: [(&str, &dyn ResponseError, http::Response<Bytes>); 4] = [
        ("authorization", &authz, authz.to_response()),
        ("auth-required", &auth, auth.to_response()),
        ("response-mode", &mode, mode.to_response()),
        ("redirect-uri", &uri, uri.to_error().response()),
    ];
    for (name, e, core) in cases {
        let core = core_parts(core);
        assert_eq!(e.status_code().as_u16(), core.0, "{name}");
        let (status, headers, body) = actix_parts(e.error_response()).await;
        assert_eq!((status, headers, body), (core.0, actix_sorted(&core.1), core.2), "{name}");
    }
}

fn actix_sorted(h: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    sorted(h.to_vec())
}
