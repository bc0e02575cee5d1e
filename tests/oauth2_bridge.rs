//! The `oauth2` bridge (feature `oauth2`) with a real `oauth2::Client` over HTTP:
//! against provider error bodies served by a tiny server on `127.0.0.1`, and (with the
//! `axum` and `tracing` features) against the demo authorization server.
//!
//! `OAuth2Client` (`oauth2::Client<ErrorResponse, …>`) gets `ServerResponse(ErrorResponse)`
//! for every non-200 error body in any dialect; a 200 carrying an error (GitHub, Slack) is
//! oauth2's `Parse(_, body)`, which `ErrorResponse::try_from` turns into the error; and the
//! stock `BasicClient` converts the same way.

#![cfg(feature = "oauth2")]

use std::net::SocketAddr;
use std::time::Duration;

use oauth_errors::parse::Dialect;
use oauth_errors::{ClientAction, ErrorResponse, OAuth2Client, OAuthError};
use oauth2::basic::{BasicClient, BasicErrorResponse};
use oauth2::{
    AuthorizationCode, ClientId, ClientSecret, EndpointNotSet, EndpointSet, HttpClientError,
    RefreshToken, RequestTokenError, StandardDeviceAuthorizationResponse, TokenUrl,
};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const TIMEOUT: Duration = Duration::from_secs(10);

/// One canned response per path: `(path, status, content type, body)`.
const VENDOR: &[(&str, u16, &str, &str)] = &[
    // GitHub answers a bad code with 200 and an error body.
    (
        "/github",
        200,
        "application/json; charset=utf-8",
        r#"{"error":"bad_verification_code","error_description":"The code is wrong or expired.","error_uri":"/apps/troubleshooting#bad-verification-code"}"#,
    ),
    // Slack: 200 with ok:false.
    ("/slack", 200, "application/json", r#"{"ok":false,"error":"invalid_code"}"#),
    // Microsoft Entra: RFC 6749 with extra members.
    (
        "/entra",
        400,
        "application/json; charset=utf-8",
        r#"{"error":"invalid_grant","error_description":"AADSTS70008: The code has expired.","error_codes":[70008],"trace_id":"t-1","correlation_id":"c-1"}"#,
    ),
    // Facebook Graph: a nested error object.
    (
        "/facebook",
        400,
        "application/json",
        r#"{"error":{"message":"The session has expired.","type":"OAuthException","code":190,"fbtrace_id":"A1b2"}}"#,
    ),
    // Okta's management API shape.
    (
        "/okta",
        401,
        "application/json",
        r#"{"errorCode":"E0000011","errorSummary":"The token is not valid.","errorLink":"E0000011","errorId":"oae1","errorCauses":[]}"#,
    ),
    // Twitch: status and message.
    (
        "/twitch",
        400,
        "application/json",
        r#"{"error":"Bad Request","status":400,"message":"Invalid refresh token"}"#,
    ),
    // A gateway page: no OAuth error at all.
    ("/gateway", 502, "text/html", "<html><body>Bad Gateway</body></html>"),
    // An empty 500.
    ("/empty", 500, "application/json", ""),
    // A device-flow poll ending.
    (
        "/device",
        400,
        "application/json",
        r#"{"error":"expired_token","error_description":"The device code expired."}"#,
    ),
];

/// Serves [`VENDOR`] on `127.0.0.1:0` for the current test's runtime.
async fn vendor_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else { return };
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                // Read the head and the announced body.
                loop {
                    let n = stream.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        break;
                    }
                    request.extend_from_slice(&buf[..n]);
                    let text = String::from_utf8_lossy(&request).to_string();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let length = text[..end]
                            .lines()
                            .find_map(|l| {
                                l.to_ascii_lowercase()
                                    .strip_prefix("content-length:")
                                    .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                            })
                            .unwrap_or(0);
                        if request.len() >= end + 4 + length {
                            break;
                        }
                    }
                }
                let text = String::from_utf8_lossy(&request);
                let path = text.split(' ').nth(1).unwrap_or("/");
                let (status, ct, body) = VENDOR
                    .iter()
                    .find(|(p, ..)| *p == path)
                    .map_or((404, "text/plain", "no such case"), |(_, s, c, b)| (*s, *c, *b));
                let head = format!(
                    "HTTP/1.1 {status} X\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(body.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    addr
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .build()
        .expect("reqwest client")
}

type Client =
    OAuth2Client<EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;
type Failure = RequestTokenError<HttpClientError<reqwest::Error>, ErrorResponse>;

fn client(addr: SocketAddr, path: &str) -> Client {
    OAuth2Client::new(ClientId::new("client".into()))
        .set_client_secret(ClientSecret::new("secret".into()))
        .set_token_uri(TokenUrl::new(format!("http://{addr}{path}")).expect("token URL"))
}

async fn exchange(addr: SocketAddr, path: &str) -> Failure {
    let http = http();
    let result = tokio::time::timeout(
        TIMEOUT,
        client(addr, path).exchange_code(AuthorizationCode::new("c".into())).request_async(&http),
    )
    .await
    .expect("within the timeout");
    result.expect_err("every vendor case is an error")
}

#[tokio::test]
async fn non_200_error_bodies_are_typed_server_responses() {
    let addr = vendor_server().await;
    for (path, code, received, dialect, action) in [
        (
            "/entra",
            OAuthError::InvalidGrant,
            Some("invalid_grant"),
            Dialect::MicrosoftEntra,
            ClientAction::Reauthenticate,
        ),
        (
            "/facebook",
            OAuthError::InvalidToken,
            Some("190"),
            Dialect::FacebookGraph,
            ClientAction::Reauthenticate,
        ),
        (
            "/okta",
            OAuthError::InvalidToken,
            Some("E0000011"),
            Dialect::Okta,
            ClientAction::Reauthenticate,
        ),
        (
            "/twitch",
            OAuthError::InvalidGrant,
            None,
            Dialect::StatusMessage,
            ClientAction::Reauthenticate,
        ),
        (
            "/device",
            OAuthError::ExpiredToken,
            Some("expired_token"),
            Dialect::Rfc6749,
            ClientAction::Reauthenticate,
        ),
    ] {
        let err = match exchange(addr, path).await {
            RequestTokenError::ServerResponse(err) => err,
            other => panic!("{path}: {other:?}"),
        };
        assert_eq!(err.code(), &code, "{path}");
        assert_eq!(err.received_code(), received, "{path}");
        assert_eq!(err.dialect(), Some(dialect), "{path}");
        assert_eq!(err.action(), action, "{path}");
        // oauth2 keeps no status.
        assert_eq!(err.received_status(), None);
        // The conversion is the identity on our own type.
        assert_eq!(
            ErrorResponse::try_from(
                RequestTokenError::<HttpClientError<reqwest::Error>, _>::ServerResponse(
                    err.clone()
                )
            )
            .unwrap(),
            err
        );
    }
    let entra = match exchange(addr, "/entra").await {
        RequestTokenError::ServerResponse(err) => err,
        other => panic!("{other:?}"),
    };
    assert_eq!(entra.member("error_codes").map(|v| v.to_json()), Some(json!([70008])));
    assert_eq!(entra.to_string(), "invalid_grant: AADSTS70008: The code has expired.");
}

#[tokio::test]
async fn errors_sent_with_200_come_out_of_parse_failures() {
    let addr = vendor_server().await;
    for (path, received, dialect) in [
        ("/github", "bad_verification_code", Dialect::GitHub),
        ("/slack", "invalid_code", Dialect::Slack),
    ] {
        let failure = exchange(addr, path).await;
        assert!(matches!(failure, RequestTokenError::Parse(..)), "{path}: {failure:?}");
        let err = ErrorResponse::try_from(failure).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert_eq!(err.code(), &OAuthError::InvalidGrant, "{path}");
        assert_eq!(err.received_code(), Some(received));
        assert_eq!(err.dialect(), Some(dialect));
    }
}

#[tokio::test]
async fn failures_that_are_no_oauth_error_are_given_back() {
    let addr = vendor_server().await;
    let gateway = exchange(addr, "/gateway").await;
    assert!(matches!(gateway, RequestTokenError::Parse(..)));
    match ErrorResponse::try_from(gateway) {
        Err(RequestTokenError::Parse(_, body)) => {
            assert_eq!(body, b"<html><body>Bad Gateway</body></html>")
        }
        other => panic!("{other:?}"),
    }
    let empty = exchange(addr, "/empty").await;
    assert!(matches!(ErrorResponse::try_from(empty), Err(RequestTokenError::Other(_))));
    // A transport failure: nothing listens on this port any more.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let failure = exchange(closed, "/").await;
    assert!(matches!(ErrorResponse::try_from(failure), Err(RequestTokenError::Request(_))));
}

/// The stock `BasicClient` converts too: its own error type through its JSON, and vendor
/// bodies it cannot read through the body oauth2 keeps.
#[tokio::test]
async fn the_stock_basic_client_converts_too() {
    let addr = vendor_server().await;
    let http = http();
    let basic = |path: &str| {
        BasicClient::new(ClientId::new("client".into()))
            .set_token_uri(TokenUrl::new(format!("http://{addr}{path}")).expect("URL"))
    };
    type BasicFailure = RequestTokenError<HttpClientError<reqwest::Error>, BasicErrorResponse>;
    for (path, code) in [
        ("/entra", OAuthError::InvalidGrant),
        ("/facebook", OAuthError::InvalidToken),
        ("/github", OAuthError::InvalidGrant),
        // oauth2's own type reads Twitch's reason phrase as the code and drops the rest,
        // so the conversion sees only `{"error":"Bad Request"}` (`OAuth2Client` reads it
        // as `invalid_grant`).
        ("/twitch", OAuthError::from_code("Bad Request").unwrap()),
    ] {
        let failure: BasicFailure = basic(path)
            .exchange_refresh_token(&RefreshToken::new("r".into()))
            .request_async(&http)
            .await
            .expect_err("an error");
        let err = ErrorResponse::try_from(failure).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert_eq!(err.code(), &code, "{path}");
    }
    // The device flow's own error type, through the generic conversion.
    let details: StandardDeviceAuthorizationResponse = serde_json::from_value(json!({
        "device_code": "d", "user_code": "U", "verification_uri": "http://127.0.0.1/device", "expires_in": 60, "interval": 1,
    }))
    .unwrap();
    let failure = basic("/device")
        .exchange_device_access_token(&details)
        .request_async(&http, tokio::time::sleep, Some(TIMEOUT))
        .await
        .expect_err("expired");
    let err = ErrorResponse::try_from(failure).unwrap();
    assert_eq!(err.code(), &OAuthError::ExpiredToken);
    assert_eq!(err.description().map(|d| d.as_str()), Some("The device code expired."));
}

/// The demo authorization server (an axum app built on this crate) through
/// `OAuth2Client`.
#[cfg(all(feature = "axum", feature = "tracing"))]
#[path = "../examples/shared/axum_app.rs"]
mod axum_app;
#[cfg(all(feature = "axum", feature = "tracing"))]
#[path = "common/demo_client.rs"]
mod demo_client;
#[cfg(all(feature = "axum", feature = "tracing"))]
#[path = "../examples/shared/scenario.rs"]
mod scenario;

#[cfg(all(feature = "axum", feature = "tracing"))]
mod demo {
    use crate::{demo_client, scenario};
    use oauth_errors::{ClientAction, ClientAuth, ErrorResponse, OAuth2Client, OAuthError};
    use oauth2::RequestTokenError;
    use oauth2::{AuthType, AuthorizationCode, ClientId, ClientSecret, TokenResponse, TokenUrl};

    use super::{TIMEOUT, http};

    #[tokio::test]
    async fn demo_errors_are_typed() {
        let addr = demo_client::server().await;
        let http = http();
        let client = |secret: &str, auth: AuthType| {
            OAuth2Client::new(ClientId::new(scenario::CLIENT_ID.into()))
                .set_client_secret(ClientSecret::new(secret.into()))
                .set_auth_type(auth)
                .set_token_uri(TokenUrl::new(format!("http://{addr}/token")).expect("URL"))
        };
        let ok = client(scenario::CLIENT_SECRET, AuthType::BasicAuth)
            .exchange_client_credentials()
            .request_async(&http)
            .await
            .expect("token");
        assert_eq!(ok.access_token().secret(), "demo-access-token");

        let wrong = tokio::time::timeout(
            TIMEOUT,
            client("wrong", AuthType::BasicAuth).exchange_client_credentials().request_async(&http),
        )
        .await
        .expect("in time");
        let err = match wrong {
            Err(RequestTokenError::ServerResponse(err)) => err,
            other => panic!("{other:?}"),
        };
        assert_eq!(err.code(), &OAuthError::InvalidClient);
        assert_eq!(err.description().map(|d| d.as_str()), Some("Client authentication failed"));
        assert_eq!(err.action(), ClientAction::FixClientConfiguration);
        // oauth2 drops the challenge the demo sent with its 401.
        assert_eq!(err.client_auth(), &ClientAuth::None);

        let stale = client(scenario::CLIENT_SECRET, AuthType::RequestBody)
            .exchange_code(AuthorizationCode::new("stale".into()))
            .request_async(&http)
            .await;
        let err =
            ErrorResponse::try_from(stale.expect_err("invalid_grant")).expect("an OAuth error");
        assert_eq!(err.code(), &OAuthError::InvalidGrant);
        assert!(!err.is_retryable());
    }
}
