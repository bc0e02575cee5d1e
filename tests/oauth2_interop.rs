//! The `oauth2` crate (5.x) as the client of the axum demo app, over real HTTP.
//!
//! The demo router (`examples/shared/axum_app.rs`) is served on `127.0.0.1:0` per test;
//! `oauth2::basic::BasicClient` talks to it through `reqwest::Client` (redirects
//! disabled, as oauth2's docs require against SSRF), with `AuthType::BasicAuth` and
//! `AuthType::RequestBody`. Every token-endpoint error must reach the client as
//! `RequestTokenError::ServerResponse` with the right error type and description, and the
//! same bytes parsed by `oauth_errors::ErrorResponse::from_json` must give the same code
//! and description.
//!
//! The HTTP client is a thin [`Recorder`] around `reqwest::Client` (oauth2's own
//! `AsyncHttpClient` impl): it keeps every response so its body can be parsed here too,
//! and can add a request header (`X-Demo-Fail`, which oauth2's request builders cannot
//! send) or rewrite the `grant_type` (oauth2 has no builder for extension grants).

#![cfg(all(feature = "axum", feature = "tracing"))]

#[path = "../examples/shared/axum_app.rs"]
mod axum_app;
#[path = "common/demo_client.rs"]
mod demo_client;
#[path = "../examples/shared/scenario.rs"]
mod scenario;

use std::fmt::Debug;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::Duration;

use oauth_errors::ErrorResponse;
use oauth2::basic::{BasicClient, BasicErrorResponseType, BasicTokenResponse, BasicTokenType};
use oauth2::{
    AccessToken, AsyncHttpClient, AuthType, AuthorizationCode, ClientId, ClientSecret,
    DeviceAuthorizationUrl, DeviceCodeErrorResponseType, EndpointNotSet, EndpointSet,
    HttpClientError, HttpRequest, HttpResponse, RedirectUrl, RefreshToken, RequestTokenError,
    ResourceOwnerPassword, ResourceOwnerUsername, Scope, StandardDeviceAuthorizationResponse,
    StandardErrorResponse, TokenResponse, TokenUrl,
};

use demo_client::server;

/// The longest any single oauth2 exchange (device polling included) may take.
const CALL_TIMEOUT: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------------------
// Server, HTTP client, oauth2 client
// ---------------------------------------------------------------------------------------

/// oauth2's `reqwest::Client` transport, recording every response.
struct Recorder {
    client: reqwest::Client,
    /// A header added to every request.
    header: Option<(&'static str, &'static str)>,
    /// `(from, to)`: replaces `grant_type=from` in the request body.
    grant_type: Option<(&'static str, &'static str)>,
    responses: Mutex<Vec<HttpResponse>>,
}

impl Recorder {
    fn new() -> Recorder {
        let client = reqwest::Client::builder()
            // oauth2's docs: following redirects would expose the client to SSRF.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(CALL_TIMEOUT)
            .build()
            .expect("reqwest client");
        Recorder { client, header: None, grant_type: None, responses: Mutex::new(Vec::new()) }
    }

    fn with_header(mut self, name: &'static str, value: &'static str) -> Recorder {
        self.header = Some((name, value));
        self
    }

    fn with_grant_type(mut self, from: &'static str, to: &'static str) -> Recorder {
        self.grant_type = Some((from, to));
        self
    }

    fn responses(&self) -> Vec<HttpResponse> {
        self.responses.lock().expect("lock").clone()
    }

    /// The only response received.
    fn only_response(&self) -> HttpResponse {
        let responses = self.responses();
        assert_eq!(responses.len(), 1, "expected exactly one exchange");
        responses.into_iter().next().expect("one response")
    }
}

type ClientError = HttpClientError<reqwest::Error>;

impl<'c> AsyncHttpClient<'c> for Recorder {
    type Error = ClientError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, ClientError>> + Send + 'c>>;

    fn call(&'c self, mut request: HttpRequest) -> Self::Future {
        if let Some((name, value)) = self.header {
            request.headers_mut().insert(name, http::HeaderValue::from_static(value));
        }
        if let Some((from, to)) = self.grant_type {
            let body = String::from_utf8(request.body().clone()).expect("UTF-8 form");
            let rewritten =
                body.replace(&format!("grant_type={from}"), &format!("grant_type={to}"));
            assert_ne!(body, rewritten, "no grant_type={from} in {body}");
            *request.body_mut() = rewritten.into_bytes();
        }
        Box::pin(async move {
            let response = self.client.call(request).await?;
            self.responses.lock().expect("lock").push(response.clone());
            Ok(response)
        })
    }
}

type Client =
    BasicClient<EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

fn client(addr: SocketAddr, auth: AuthType, secret: &str) -> Client {
    BasicClient::new(ClientId::new(scenario::CLIENT_ID.to_owned()))
        .set_client_secret(ClientSecret::new(secret.to_owned()))
        .set_auth_type(auth)
        .set_token_uri(TokenUrl::new(format!("http://{addr}/token")).expect("token URL"))
}

fn good_client(addr: SocketAddr, auth: AuthType) -> Client {
    client(addr, auth, scenario::CLIENT_SECRET)
}

const AUTH_TYPES: [AuthType; 2] = [AuthType::BasicAuth, AuthType::RequestBody];

/// Bounds an exchange.
async fn bounded<F: Future>(f: F) -> F::Output {
    tokio::time::timeout(CALL_TIMEOUT, f).await.expect("oauth2 exchange within the timeout")
}

// ---------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------

#[track_caller]
fn assert_token(token: &BasicTokenResponse, access_token: &str, scopes: &[&str]) {
    assert_eq!(token.access_token().secret(), access_token);
    assert_eq!(token.token_type(), &BasicTokenType::Bearer);
    assert_eq!(token.expires_in(), Some(Duration::from_secs(3600)));
    assert!(token.refresh_token().is_none(), "no refresh token is issued");
    let got: Option<Vec<&str>> = token.scopes().map(|s| s.iter().map(|s| s.as_str()).collect());
    assert_eq!(got.as_deref(), Some(scopes));
}

/// The client saw `ServerResponse` with `(kind, description)`; the recorded `response`
/// has `status`, and `ErrorResponse::from_json` reads the same code and description
/// from its body.
#[track_caller]
fn assert_server_error<T, R: Debug>(
    result: Result<R, RequestTokenError<ClientError, StandardErrorResponse<T>>>,
    response: &HttpResponse,
    status: u16,
    kind: &T,
    description: &str,
) where
    T: oauth2::ErrorResponseType + AsRef<str> + PartialEq + std::fmt::Display + 'static,
{
    let r = match result {
        Err(RequestTokenError::ServerResponse(r)) => r,
        other => panic!("expected ServerResponse({kind:?}), got {other:?}"),
    };
    assert_eq!(r.error(), kind);
    assert_eq!(r.error_description().map(String::as_str), Some(description));
    assert_eq!(r.error_uri(), None);
    assert_eq!(response.status().as_u16(), status);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["cache-control"], "no-store");
    let parsed = ErrorResponse::from_json(response.body()).expect("the crate parses the body");
    assert_eq!(parsed.code().as_str(), r.error().as_ref(), "code: oauth2 vs oauth_errors");
    assert_eq!(
        parsed.description().map(|d| d.as_str()),
        r.error_description().map(String::as_str),
        "description: oauth2 vs oauth_errors"
    );
    assert_eq!(parsed.uri(), None);
}

fn ext(code: &str) -> BasicErrorResponseType {
    BasicErrorResponseType::Extension(code.to_owned())
}

// ---------------------------------------------------------------------------------------
// Successes
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn client_credentials_success() {
    let addr = server().await;
    for auth in AUTH_TYPES {
        let client = good_client(addr, auth.clone());
        let http = Recorder::new();
        let token = bounded(client.exchange_client_credentials().request_async(&http)).await;
        assert_token(&token.expect("read token"), "demo-access-token", &["read"]);
        let token = bounded(
            client
                .exchange_client_credentials()
                .add_scope(Scope::new("read".into()))
                .request_async(&http),
        )
        .await;
        assert_token(&token.expect("read token"), "demo-access-token", &["read"]);
        let token = bounded(
            client
                .exchange_client_credentials()
                .add_scope(Scope::new("write".into()))
                .request_async(&http),
        )
        .await;
        assert_token(&token.expect("write token"), "write-access-token", &["read", "write"]);
        let token = bounded(
            client
                .exchange_client_credentials()
                .add_scopes([Scope::new("read".into()), Scope::new("write".into())])
                .request_async(&http),
        )
        .await;
        assert_token(&token.expect("write token"), "write-access-token", &["read", "write"]);
        for response in http.responses() {
            assert_eq!(response.status(), 200);
            assert_eq!(response.headers()["cache-control"], "no-store");
            assert_eq!(response.headers()["pragma"], "no-cache");
        }
    }
}

#[tokio::test]
async fn authorization_code_and_refresh_success() {
    let addr = server().await;
    let redirect = RedirectUrl::new(scenario::REDIRECT_URI.to_owned()).expect("redirect URL");
    for auth in AUTH_TYPES {
        let http = Recorder::new();
        // Without and with redirect_uri (oauth2 sends it when the client has one).
        for client in [
            good_client(addr, auth.clone()),
            good_client(addr, auth.clone()).set_redirect_uri(redirect.clone()),
        ] {
            let token = bounded(
                client
                    .exchange_code(AuthorizationCode::new(scenario::GOOD_CODE.into()))
                    .request_async(&http),
            )
            .await;
            assert_token(&token.expect("code exchange"), "demo-access-token", &["read"]);
        }
        let client = good_client(addr, auth.clone());
        let refresh = RefreshToken::new(scenario::GOOD_REFRESH.into());
        let token = bounded(client.exchange_refresh_token(&refresh).request_async(&http)).await;
        assert_token(&token.expect("refresh"), "demo-access-token", &["read"]);
        let token = bounded(
            client
                .exchange_refresh_token(&refresh)
                .add_scope(Scope::new("write".into()))
                .request_async(&http),
        )
        .await;
        assert_token(&token.expect("refresh for write"), "write-access-token", &["read", "write"]);
    }
}

// ---------------------------------------------------------------------------------------
// Token endpoint errors
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn invalid_client() {
    let addr = server().await;
    for (auth, status) in [(AuthType::BasicAuth, 401), (AuthType::RequestBody, 400)] {
        let http = Recorder::new();
        let client = client(addr, auth.clone(), "wrong");
        let result = bounded(client.exchange_client_credentials().request_async(&http)).await;
        let response = http.only_response();
        assert_server_error(
            result,
            &response,
            status,
            &BasicErrorResponseType::InvalidClient,
            "Client authentication failed",
        );
        // A 401 carries the challenge of the scheme the client used (RFC 6749 §5.2).
        let challenge = response.headers().get("www-authenticate");
        match auth {
            AuthType::BasicAuth => {
                assert_eq!(challenge.expect("challenge"), r#"Basic realm="demo""#)
            }
            _ => assert_eq!(challenge, None),
        }
    }
    // An unknown client gets the same answer.
    let http = Recorder::new();
    let unknown = BasicClient::new(ClientId::new("someone-else".into()))
        .set_client_secret(ClientSecret::new(scenario::CLIENT_SECRET.into()))
        .set_token_uri(TokenUrl::new(format!("http://{addr}/token")).expect("token URL"));
    let result = bounded(unknown.exchange_client_credentials().request_async(&http)).await;
    assert_server_error(
        result,
        &http.only_response(),
        401,
        &BasicErrorResponseType::InvalidClient,
        "Client authentication failed",
    );
}

#[tokio::test]
async fn invalid_grant() {
    let addr = server().await;
    let evil = RedirectUrl::new("https://evil.example/cb".into()).expect("URL");
    for auth in AUTH_TYPES {
        let client = good_client(addr, auth.clone());
        let http = Recorder::new();
        let result = bounded(
            client.exchange_code(AuthorizationCode::new("stale".into())).request_async(&http),
        )
        .await;
        assert_server_error(
            result,
            &http.only_response(),
            400,
            &BasicErrorResponseType::InvalidGrant,
            "The authorization code is invalid, expired or was issued to another client",
        );

        let http = Recorder::new();
        let result = bounded(
            good_client(addr, auth.clone())
                .set_redirect_uri(evil.clone())
                .exchange_code(AuthorizationCode::new(scenario::GOOD_CODE.into()))
                .request_async(&http),
        )
        .await;
        assert_server_error(
            result,
            &http.only_response(),
            400,
            &BasicErrorResponseType::InvalidGrant,
            "redirect_uri does not match the authorization request",
        );

        let http = Recorder::new();
        let old = RefreshToken::new("old-refresh".into());
        let result = bounded(client.exchange_refresh_token(&old).request_async(&http)).await;
        assert_server_error(
            result,
            &http.only_response(),
            400,
            &BasicErrorResponseType::InvalidGrant,
            "The refresh token is invalid, expired or revoked",
        );
    }
}

#[tokio::test]
async fn invalid_request() {
    let addr = server().await;
    for auth in AUTH_TYPES {
        let client = good_client(addr, auth.clone());
        // oauth2 sends `code=`; an empty value counts as absent (RFC 6749 §3.1).
        let http = Recorder::new();
        let result = bounded(
            client.exchange_code(AuthorizationCode::new(String::new())).request_async(&http),
        )
        .await;
        assert_server_error(
            result,
            &http.only_response(),
            400,
            &BasicErrorResponseType::InvalidRequest,
            "code is required",
        );
        // A parameter sent twice.
        let http = Recorder::new();
        let result = bounded(
            client
                .exchange_client_credentials()
                .add_scope(Scope::new("read".into()))
                .add_extra_param("scope", "write")
                .request_async(&http),
        )
        .await;
        assert_server_error(
            result,
            &http.only_response(),
            400,
            &BasicErrorResponseType::InvalidRequest,
            "Parameter scope is repeated",
        );
    }
    // Two client authentication methods at once.
    let http = Recorder::new();
    let result = bounded(
        good_client(addr, AuthType::BasicAuth)
            .exchange_client_credentials()
            .add_extra_param("client_secret", scenario::CLIENT_SECRET)
            .request_async(&http),
    )
    .await;
    assert_server_error(
        result,
        &http.only_response(),
        400,
        &BasicErrorResponseType::InvalidRequest,
        "Use only one client authentication method (Authorization header or body)",
    );
    // A device authorization request (RFC 8628 §3.1) sent to the token endpoint carries no
    // grant_type: its error arrives through the same `ServerResponse` path.
    for auth in AUTH_TYPES {
        let http = Recorder::new();
        let client = good_client(addr, auth).set_device_authorization_url(
            DeviceAuthorizationUrl::new(format!("http://{addr}/token")).expect("URL"),
        );
        let result: Result<StandardDeviceAuthorizationResponse, _> =
            bounded(client.exchange_device_code().request_async(&http)).await;
        assert_server_error(
            result,
            &http.only_response(),
            400,
            &BasicErrorResponseType::InvalidRequest,
            "grant_type is required",
        );
    }
}

#[tokio::test]
async fn invalid_scope_unauthorized_client_unsupported_grant_type() {
    let addr = server().await;
    for auth in AUTH_TYPES {
        let client = good_client(addr, auth.clone());
        let http = Recorder::new();
        let result = bounded(
            client
                .exchange_client_credentials()
                .add_scope(Scope::new("admin".into()))
                .request_async(&http),
        )
        .await;
        assert_server_error(
            result,
            &http.only_response(),
            400,
            &BasicErrorResponseType::InvalidScope,
            "Unknown scope: admin",
        );

        let http = Recorder::new();
        let (user, password) = (
            ResourceOwnerUsername::new("alice".into()),
            ResourceOwnerPassword::new("secret".into()),
        );
        let result = bounded(client.exchange_password(&user, &password).request_async(&http)).await;
        assert_server_error(
            result,
            &http.only_response(),
            400,
            &BasicErrorResponseType::UnauthorizedClient,
            "This client may not use the password grant",
        );

        // An extension grant the server does not know (oauth2 has no builder for one: the
        // transport rewrites client_credentials).
        let http = Recorder::new()
            .with_grant_type("client_credentials", "urn%3Aexample%3Agrant-type%3Amagic");
        let result = bounded(client.exchange_client_credentials().request_async(&http)).await;
        assert_server_error(
            result,
            &http.only_response(),
            400,
            &BasicErrorResponseType::UnsupportedGrantType,
            "Unsupported grant_type: urn:example:grant-type:magic",
        );
    }
}

#[tokio::test]
async fn simulated_failures_are_extension_codes() {
    let addr = server().await;
    for auth in AUTH_TYPES {
        let client = good_client(addr, auth.clone());
        for (fail, status, code, description, retry_after) in [
            ("server", 500, "server_error", "The server encountered an unexpected condition", None),
            (
                "unavailable",
                503,
                "temporarily_unavailable",
                "The service is temporarily unavailable",
                Some("30"),
            ),
            ("ratelimit", 429, "too_many_requests", "Too many requests, slow down", Some("10")),
        ] {
            let http = Recorder::new().with_header("x-demo-fail", fail);
            let result = bounded(client.exchange_client_credentials().request_async(&http)).await;
            let response = http.only_response();
            // oauth2 keeps only the JSON body: `Retry-After` is visible to the transport only.
            assert_eq!(
                response.headers().get("retry-after").map(|v| v.to_str().expect("ASCII")),
                retry_after
            );
            assert_server_error(result, &response, status, &ext(code), description);
            assert!(!String::from_utf8_lossy(response.body()).contains("token store"));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Device authorization grant (RFC 8628 §3.4, §3.5)
// ---------------------------------------------------------------------------------------

/// What a device authorization endpoint would have answered (the demo has none).
fn device_details(device_code: &str) -> StandardDeviceAuthorizationResponse {
    serde_json::from_value(serde_json::json!({
        "device_code": device_code,
        "user_code": "WDJB-MJHT",
        "verification_uri": "http://127.0.0.1:9999/device",
        "verification_uri_complete": "http://127.0.0.1:9999/device?user_code=WDJB-MJHT",
        "expires_in": 1800,
        "interval": 1,
    }))
    .expect("device authorization response")
}

type DeviceResult = Result<
    BasicTokenResponse,
    RequestTokenError<ClientError, StandardErrorResponse<DeviceCodeErrorResponseType>>,
>;

/// Polls with a sleep function that records the interval oauth2 asks for and waits only
/// `real_sleep`, for at most `timeout` (oauth2 measures it with its own clock).
async fn poll(
    client: &Client,
    http: &Recorder,
    device_code: &str,
    timeout: Duration,
) -> (DeviceResult, Vec<Duration>) {
    let details = device_details(device_code);
    let intervals = Mutex::new(Vec::new());
    let sleep = |interval: Duration| {
        intervals.lock().expect("lock").push(interval);
        tokio::time::sleep(Duration::from_millis(2))
    };
    let result = bounded(client.exchange_device_access_token(&details).request_async(
        http,
        sleep,
        Some(timeout),
    ))
    .await;
    (result, intervals.into_inner().expect("lock"))
}

#[tokio::test]
async fn device_flow_terminal_answers() {
    let addr = server().await;
    for auth in AUTH_TYPES {
        let client = good_client(addr, auth.clone());

        let http = Recorder::new();
        let (result, sleeps) = poll(&client, &http, "approved", CALL_TIMEOUT).await;
        assert_token(&result.expect("approved"), "demo-access-token", &["read"]);
        assert!(sleeps.is_empty());
        assert_eq!(http.responses().len(), 1);

        for (device_code, kind, description) in [
            ("expired", DeviceCodeErrorResponseType::ExpiredToken, "The device_code has expired"),
            (
                "denied",
                DeviceCodeErrorResponseType::AccessDenied,
                "The user denied the authorization request",
            ),
            (
                "forged",
                DeviceCodeErrorResponseType::Basic(BasicErrorResponseType::InvalidGrant),
                "Unknown device_code",
            ),
        ] {
            let http = Recorder::new();
            let (result, sleeps) = poll(&client, &http, device_code, CALL_TIMEOUT).await;
            assert_server_error(result, &http.only_response(), 400, &kind, description);
            assert!(sleeps.is_empty(), "{device_code}: terminal errors end polling at once");
        }

        // A 503 while polling is not a polling code: oauth2 stops at once, without
        // looking at Retry-After.
        let http = Recorder::new().with_header("x-demo-fail", "unavailable");
        let (result, sleeps) = poll(&client, &http, "pending", CALL_TIMEOUT).await;
        let kind = DeviceCodeErrorResponseType::Basic(ext("temporarily_unavailable"));
        assert_server_error(
            result,
            &http.only_response(),
            503,
            &kind,
            "The service is temporarily unavailable",
        );
        assert!(sleeps.is_empty());
    }
}

/// `authorization_pending` and `slow_down` keep oauth2 polling until its own timeout; it
/// then returns a `ServerResponse(ExpiredToken)` **it made up** ("This device code has
/// expired."), although the server never sent `expired_token`.
#[tokio::test]
async fn device_flow_keeps_polling_until_the_client_times_out() {
    let addr = server().await;
    let timeout = Duration::from_millis(300);
    for auth in AUTH_TYPES {
        let client = good_client(addr, auth.clone());
        for (device_code, code, description) in [
            (
                "pending",
                "authorization_pending",
                "The user has not yet completed the authorization",
            ),
            ("slow", "slow_down", "Polling too fast: add 5 seconds to the interval"),
        ] {
            let http = Recorder::new();
            let (result, sleeps) = poll(&client, &http, device_code, timeout).await;
            let r = match result {
                Err(RequestTokenError::ServerResponse(r)) => r,
                other => panic!("{device_code}: expected the client's timeout, got {other:?}"),
            };
            assert_eq!(r.error(), &DeviceCodeErrorResponseType::ExpiredToken);
            assert_eq!(
                r.error_description().map(String::as_str),
                Some("This device code has expired.")
            );

            // Every poll got the polling code, and oauth2 slept after each one.
            let responses = http.responses();
            assert!(responses.len() >= 2, "{device_code}: only {} polls", responses.len());
            assert_eq!(sleeps.len(), responses.len(), "{device_code}: one sleep per poll");
            for response in &responses {
                assert_eq!(response.status(), 400);
                let parsed = ErrorResponse::from_json(response.body()).expect("parsed");
                assert_eq!(parsed.code().as_str(), code);
                assert_eq!(parsed.description().map(|d| d.as_str()), Some(description));
            }
            // authorization_pending keeps the interval; slow_down adds 5 s each time
            // (RFC 8628 §3.5), from the device response's `interval` of 1 s.
            for (i, interval) in sleeps.iter().enumerate() {
                let expected = match device_code {
                    "pending" => Duration::from_secs(1),
                    _ => Duration::from_secs(1 + 5 * (i as u64 + 1)),
                };
                assert_eq!(*interval, expected, "{device_code}: sleep #{i}");
            }
        }
    }
}

/// The access tokens oauth2 obtained are the ones the resource server accepts.
#[tokio::test]
async fn issued_tokens_work_at_the_resource_server() {
    let addr = server().await;
    let client = good_client(addr, AuthType::BasicAuth);
    let http = Recorder::new();
    let token = bounded(
        client
            .exchange_client_credentials()
            .add_scope(Scope::new("write".into()))
            .request_async(&http),
    )
    .await
    .expect("write token");
    let access: &AccessToken = token.access_token();
    let reqwest = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(CALL_TIMEOUT)
        .build()
        .expect("reqwest client");
    for path in ["/api/read", "/api/write"] {
        let response = bounded(
            reqwest
                .get(format!("http://{addr}{path}"))
                .header("authorization", format!("Bearer {}", access.secret()))
                .send(),
        )
        .await
        .expect("GET");
        assert_eq!(response.status(), 200, "{path}");
    }
}
