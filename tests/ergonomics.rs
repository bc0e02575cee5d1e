//! `?` everywhere: `ResultExt` for anything boxable (anyhow included), `OptionExt`,
//! `with_boxed_cause`, the conversions into `Rejection` and `ErrorResponse`, the
//! re-exports; and the framework-free request readers on the edges their docs promise.

use std::error::Error as _;

use http::{HeaderMap, HeaderValue};
use oauth_errors::authorize::{
    AuthorizationError, RedirectUriError, ResponseModeError, verify_redirect_uri,
};
use oauth_errors::extract::{
    AccessTokenConfig, ClientAuthConfig, ClientAuthMethod, ClientCredentials, FormError,
    FormParams, TokenScheme,
};
use oauth_errors::{
    AuthenticationRequired, Challenge, ClientAuth, ErrorResponse, OAuthError, OptionExt, Rejection,
    ResultExt,
};

fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (n, v) in pairs {
        h.append(*n, HeaderValue::from_static(v));
    }
    h
}

#[test]
fn result_ext_takes_anyhow_and_boxed_errors() {
    fn load() -> anyhow::Result<u32> {
        Err(anyhow::anyhow!("pool exhausted").context("loading the client"))
    }
    let err = load().or_oauth(OAuthError::ServerError).unwrap_err();
    assert_eq!(err.cause().map(|c| c.to_string()).as_deref(), Some("loading the client"));
    assert_eq!(err.to_body().as_ref(), br#"{"error":"server_error"}"#);

    let boxed: Result<(), Box<dyn std::error::Error + Send + Sync>> = Err("boxed".into());
    let err = boxed.or_oauth_with(OAuthError::InvalidRequest, "bad").unwrap_err();
    assert_eq!(err.to_string(), "invalid_request: bad");
    assert_eq!(err.source().map(|c| c.to_string()).as_deref(), Some("boxed"));

    let io: Result<(), std::io::Error> = Err(std::io::Error::other("disk"));
    assert_eq!(
        io.or_oauth(OAuthError::ServerError).unwrap_err().cause().unwrap().to_string(),
        "disk"
    );
}

#[test]
fn option_ext_and_boxed_causes() {
    assert_eq!(Some(3).or_oauth(OAuthError::InvalidGrant).ok(), Some(3));
    let err = None::<u8>.or_oauth(OAuthError::InvalidGrant).unwrap_err();
    assert_eq!(err, ErrorResponse::new(OAuthError::InvalidGrant));
    let err = OAuthError::ServerError.with_boxed_cause("x".into());
    assert_eq!(err.cause().map(|c| c.to_string()).as_deref(), Some("x"));
}

#[test]
fn everything_converts_into_a_rejection() {
    let uri = verify_redirect_uri(None, &["https://client.example.com/cb"]).unwrap();
    let cases: [(Rejection, u16); 6] = [
        (OAuthError::InvalidToken.into(), 401),
        (OAuthError::InvalidGrant.with_description("x").into(), 400),
        (AuthenticationRequired::new(Challenge::bearer().realm("r")).into(), 401),
        (AuthorizationError::new(OAuthError::AccessDenied, uri).into(), 303),
        (RedirectUriError::Missing.into(), 400),
        (ResponseModeError::Unsupported.into(), 400),
    ];
    for (rejection, status) in cases {
        assert_eq!(rejection.status(), status, "{rejection}");
        assert_eq!(rejection.to_response().status(), status, "{rejection}");
    }
    // Domain errors convert through their `From<_> for ErrorResponse`.
    struct Mine;
    impl From<Mine> for ErrorResponse {
        fn from(_: Mine) -> Self {
            OAuthError::AccessDenied.into()
        }
    }
    fn handler() -> Result<(), Rejection> {
        Err(Mine)?
    }
    assert_eq!(handler().unwrap_err().error().map(|e| e.code()), Some(&OAuthError::AccessDenied));
}

#[test]
fn re_exports_name_the_response_types() {
    let r: oauth_errors::http::Response<oauth_errors::bytes::Bytes> =
        OAuthError::SlowDown.to_response(oauth_errors::Endpoint::Token);
    assert_eq!(r.status(), oauth_errors::http::StatusCode::BAD_REQUEST);
}

#[test]
fn forms_deserialize_strictly() {
    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Prompt {
        None,
        Login,
    }
    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct P {
        prompt: Prompt,
        offline: Option<bool>,
    }
    let p: P = FormParams::parse(b"prompt=login&offline=true").unwrap().deserialize().unwrap();
    assert_eq!(p, P { prompt: Prompt::Login, offline: Some(true) });
    let e = FormParams::parse(b"prompt=never").unwrap().deserialize::<P>().unwrap_err();
    assert_eq!(e, FormError::Invalid("prompt".into()));
    let e = FormParams::parse(b"prompt=none&extra=1").unwrap().deserialize::<P>().unwrap_err();
    assert_eq!(e, FormError::Invalid("extra".into()));
    let long = format!("{}=1&{}=2", "n".repeat(70), "n".repeat(70));
    let e = FormParams::parse(long.as_bytes()).unwrap().check_unique().unwrap_err();
    assert_eq!(
        ErrorResponse::from(e).description().map(|d| d.as_str().to_owned()),
        Some(format!("Parameter {}... is repeated", "n".repeat(64)))
    );
}

#[test]
fn access_tokens_edge_cases() {
    let config = AccessTokenConfig::new("api").scope("read");
    // The configured scope is announced in the no-credentials challenge.
    let r = config.extract(&HeaderMap::new()).unwrap_err().to_response();
    assert_eq!(r.headers()["www-authenticate"], r#"Bearer realm="api", scope="read""#);
    // Padding and the whole b64token alphabet.
    let t = config.extract(&headers(&[("authorization", "Bearer aZ09-._~+/==")])).unwrap();
    assert_eq!(t.as_str(), "aZ09-._~+/==");
    // `=` only in the padding.
    assert_eq!(
        config.extract(&headers(&[("authorization", "Bearer a=b")])).unwrap_err().status(),
        400
    );
    // A DPoP-only resource treats Bearer as an unsupported method: no error information.
    let dpop = AccessTokenConfig::new("api").dpop_only("ES256");
    let r = dpop.extract(&headers(&[("authorization", "Bearer x")])).unwrap_err().to_response();
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["www-authenticate"], r#"DPoP realm="api", algs="ES256""#);
    assert!(r.body().is_empty());
    // Form body tokens, when enabled, and never two methods at once.
    let form = FormParams::parse(b"access_token=abc").unwrap();
    let body = AccessTokenConfig::new("api").form_body(true);
    let t = body.extract_with_form(&HeaderMap::new(), Some(&form)).unwrap();
    assert_eq!((t.scheme(), t.as_str()), (TokenScheme::Bearer, "abc"));
    let both = body.extract_with_form(&headers(&[("authorization", "Bearer abc")]), Some(&form));
    let r = both.unwrap_err().to_response();
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.headers()["www-authenticate"],
        r#"Bearer realm="api", error="invalid_request", error_description="The access token must be sent in one way only""#
    );
    let bad = FormParams::parse(b"access_token=a%20b").unwrap();
    assert_eq!(body.extract_with_form(&HeaderMap::new(), Some(&bad)).unwrap_err().status(), 400);
    // Tokens are never printed.
    assert!(!format!("{t:?}").contains("abc"));
}

#[test]
fn client_credentials_edge_cases() {
    let config = ClientAuthConfig::new("as");
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before base64 ("a+b:c%3Ad").
    let basic = headers(&[("authorization", "basic YStiOmMlM0Fk")]);
    let c = ClientCredentials::extract(&config, &basic, &FormParams::default()).unwrap();
    assert_eq!((c.client_id(), c.secret()), (Some("a b"), Some("c:d")));
    assert_eq!(c.client_auth(), &ClientAuth::basic("as"));
    assert!(!format!("{c:?}").contains("c:d"));
    // Unpadded base64 is accepted; a bad alphabet is not.
    let unpadded = headers(&[("authorization", "Basic YTpi")]);
    assert!(ClientCredentials::extract(&config, &unpadded, &FormParams::default()).is_ok());
    let garbage = headers(&[("authorization", "Basic YTpi*")]);
    let r = ClientCredentials::extract(&config, &garbage, &FormParams::default()).unwrap_err();
    assert_eq!(r.to_response(oauth_errors::Endpoint::Token).status(), 401);
    // An assertion, and only one of its two parameters.
    let form = FormParams::parse(b"client_assertion_type=t&client_assertion=a.b.c").unwrap();
    let c = ClientCredentials::extract(&config, &HeaderMap::new(), &form).unwrap();
    assert_eq!(c.method(), ClientAuthMethod::Assertion);
    assert_eq!(c.invalid_client().to_response(oauth_errors::Endpoint::Token).status(), 400);
    let half = FormParams::parse(b"client_assertion=a.b.c").unwrap();
    let e = ClientCredentials::extract(&config, &HeaderMap::new(), &half).unwrap_err();
    assert_eq!(e.code(), &OAuthError::InvalidRequest);
    // Basic plus an assertion: two methods.
    let e = ClientCredentials::extract(&config, &unpadded, &form).unwrap_err();
    assert_eq!(e.code(), &OAuthError::InvalidRequest);
}
