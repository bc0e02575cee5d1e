//! Wire parity of the framework adapters.
//!
//! One table of cases ([`cases`]) is served by a real axum server and a real actix-web
//! server, both bound to ephemeral ports on 127.0.0.1 in this process. A raw HTTP/1.1
//! client (`tests/common/raw_http.rs`: `Connection: close`, read to EOF) fetches every
//! case from:
//!
//! * axum `/case/{i}` — the value's `IntoResponse`;
//! * actix `/case/{i}` — the value's `Responder`;
//! * actix `/err/{i}` — for `ErrorResponse` / `OAuthError` cases, `Err(value)` returned
//!   from a handler, so actix goes through `ResponseError::error_response()`.
//!
//! The status code, the full multiset of header lines (only `date` excluded;
//! `content-length` included) and the body bytes must be identical across the three, and
//! equal to the core's own `to_response()` plus the `content-length` the transport adds.

mod common;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant, UNIX_EPOCH};

use bytes::Bytes;
use oauth_errors::authorize::{
    AuthorizationError, RedirectStatus, RedirectUriError, ResponseMode, State, UriError,
    VerifiedRedirectUri, verify_redirect_uri,
};
use oauth_errors::text::ErrorText;
use oauth_errors::{
    AuthenticationRequired, Challenge, ClientAuth, CodeInfo, Contract, DpopNonce, Endpoint,
    ErrorResponse, ErrorStatus, OAuthError, ProblemJson, RetryAfter, extension_code,
};

use common::raw_http;
use common::servers::{ActixServer, AxumServer};

// ---------------------------------------------------------------------------------------
// The case table
// ---------------------------------------------------------------------------------------

/// A response-producing value, as a handler would return it.
#[derive(Clone, Debug)]
enum Case {
    /// `ErrorResponse` (IntoResponse / Responder / ResponseError).
    Error(ErrorResponse),
    /// A bare `OAuthError` (IntoResponse / Responder / ResponseError).
    Code(OAuthError),
    /// `AuthorizationError` (IntoResponse / Responder).
    Authorization(AuthorizationError),
    /// `AuthenticationRequired` (IntoResponse / Responder).
    AuthRequired(AuthenticationRequired),
    /// `RedirectUriError` (IntoResponse / Responder).
    RedirectUri(RedirectUriError),
}

impl Case {
    /// What the core renders for this value, with the core's own `to_response`.
    fn core(&self) -> http::Response<Bytes> {
        match self {
            Case::Error(e) => {
                let endpoint = e.endpoint().or(e.contract().default_endpoint()).unwrap_or_default();
                e.to_response(endpoint)
            }
            Case::Code(c) => c.to_response(c.info().default_endpoint()),
            Case::Authorization(a) => a.to_response(),
            Case::AuthRequired(a) => a.to_response(),
            Case::RedirectUri(r) => r.to_error().to_response(Endpoint::Authorization),
        }
    }

    /// Whether the value implements `ResponseError` (so `/err/{i}` applies).
    fn is_response_error(&self) -> bool {
        matches!(self, Case::Error(_) | Case::Code(_))
    }
}

/// An RFC 6749 contract variant: problem+json, a fixed member, status rules, no Pragma.
static API: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder()
        .format(ProblemJson::with_type_base("https://docs.example.com/errors#"))
        .status(OAuthError::UnauthorizedClient, ErrorStatus::FORBIDDEN)
        .status(OAuthError::InvalidClient, Challenge::basic("api"))
        .status_at(OAuthError::InvalidRequest, Endpoint::Api, ErrorStatus::UNPROCESSABLE_ENTITY)
        .member("api_version", "v2")
        .pragma_no_cache(false)
        .build()
});

/// A contract whose errors default to the `Api` endpoint with `about:blank` problems.
static PLAIN: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder().format(ProblemJson::new()).default_endpoint(Endpoint::Api).build()
});

/// The endpoint a code is most naturally returned from, from its table row's usage.
fn natural_endpoint(info: &CodeInfo) -> Endpoint {
    if info.usage.contains("product-level") {
        return Endpoint::Api;
    }
    let first = info.usage.split([',', ';']).next().unwrap_or("").trim();
    let table: [(&str, Endpoint); 10] = [
        ("authorization endpoint", Endpoint::Authorization),
        ("implicit grant", Endpoint::Authorization),
        ("authorization server response", Endpoint::Token),
        ("token", Endpoint::Token),
        ("resource access", Endpoint::Resource),
        ("revocation", Endpoint::Revocation),
        ("registration", Endpoint::Registration),
        ("backchannel", Endpoint::BackchannelAuthentication),
        ("client notification", Endpoint::BackchannelAuthentication),
        ("credential endpoint", Endpoint::Api),
    ];
    table.iter().find(|(k, _)| first.starts_with(k)).map_or(Endpoint::Token, |(_, e)| *e)
}

fn verified() -> VerifiedRedirectUri {
    let uri = "https://client.example.com/cb?tenant=7";
    verify_redirect_uri(Some(uri), &[uri]).expect("registered URI verifies")
}

fn tricky_state() -> State {
    State::new(r#"a"b&c=d 'e' <f> \g "h"&"#).expect("VSCHAR state")
}

fn rich_description() -> ErrorText {
    ErrorText::unicode(r#"Missing "code" \ <b>&amp;</b> café — 100% sure"#).expect("relaxed text")
}

/// Description + URI + an extra text member + an extra JSON member.
fn rich(code: OAuthError) -> ErrorResponse {
    ErrorResponse::new(code)
        .with_description(rich_description())
        .with_uri("https://docs.example.com/errors#details")
        .with_member("error_human_title", "Something went wrong.")
        .with_member("attempts", 3u32)
}

#[derive(Debug)]
struct Cause(&'static str);
impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}
impl std::error::Error for Cause {}

/// The shared table. Names are unique and describe the case.
fn cases() -> Vec<(String, Case)> {
    let mut v: Vec<(String, Case)> = Vec::new();
    let mut add = |name: String, case: Case| v.push((name, case));

    // Every known code plus an extension code, bare and rich, at its natural endpoint and
    // at the resource endpoint, and as a bare `OAuthError`.
    let ext = extension_code!("acme_quota_exceeded");
    let all_codes = OAuthError::KNOWN.iter().cloned().chain([ext]);
    for code in all_codes {
        let natural = natural_endpoint(code.info());
        let n = code.as_str().to_owned();
        // The natural endpoint and the resource endpoint (and the token endpoint for
        // codes whose natural endpoint is the resource).
        let second =
            if natural == Endpoint::Resource { Endpoint::Token } else { Endpoint::Resource };
        for endpoint in [natural, second] {
            add(
                format!("{n}/bare/{endpoint}"),
                Case::Error(ErrorResponse::new(code.clone()).at(endpoint)),
            );
            add(format!("{n}/rich/{endpoint}"), Case::Error(rich(code.clone()).at(endpoint)));
        }
        add(format!("{n}/bare-code"), Case::Code(code));
    }

    // Client authentication (RFC 6749 §5.2).
    add(
        "invalid_client/basic/token".into(),
        Case::Error(
            OAuthError::InvalidClient.with_client_auth(ClientAuth::basic("as.example.com")),
        ),
    );
    add(
        "invalid_client/basic/revocation+desc".into(),
        Case::Error(
            OAuthError::InvalidClient
                .with_description("unknown client")
                .with_client_auth(ClientAuth::basic(r#"realm "quoted""#))
                .at(Endpoint::Revocation),
        ),
    );
    add(
        "invalid_client/body/token".into(),
        Case::Error(
            OAuthError::InvalidClient.with_client_auth(ClientAuth::Body).at(Endpoint::Token),
        ),
    );

    // Resource errors with Bearer and DPoP challenges.
    add(
        "invalid_token/bearer".into(),
        Case::Error(
            OAuthError::InvalidToken
                .with_description(rich_description())
                .with_uri("https://docs.example.com/errors#invalid_token")
                .with_challenge(
                    Challenge::bearer().realm("api").scope("read write").resource_metadata(
                        "https://api.example.com/.well-known/oauth-protected-resource",
                    ),
                )
                .at(Endpoint::Resource),
        ),
    );
    add(
        "insufficient_scope/bearer+dpop".into(),
        Case::Error(
            OAuthError::InsufficientScope
                .with_description("needs write")
                .with_challenge(Challenge::bearer().realm("api").scope("write"))
                .with_challenge(Challenge::dpop().realm("api").algs("ES256 PS256"))
                .at(Endpoint::Resource),
        ),
    );
    add(
        "invalid_dpop_proof/dpop".into(),
        Case::Error(
            OAuthError::InvalidDpopProof
                .with_description("bad htu")
                .with_challenge(Challenge::dpop().algs("ES256"))
                .at(Endpoint::Resource),
        ),
    );
    add(
        "use_dpop_nonce/resource+nonce".into(),
        Case::Error(
            OAuthError::UseDpopNonce
                .with_description("Resource server requires nonce in DPoP proof")
                .with_challenge(Challenge::dpop().algs("ES256 PS256"))
                .with_dpop_nonce(DpopNonce::new("eyJ7S_zG.eyJH0-Z.HX4w-7v").expect("nonce"))
                .at(Endpoint::Resource),
        ),
    );
    add(
        "use_dpop_nonce/token+nonce".into(),
        Case::Error(
            ErrorResponse::new(OAuthError::UseDpopNonce)
                .with_dpop_nonce(DpopNonce::new("n-0S6_WzA2Mj").expect("nonce"))
                .at(Endpoint::Token),
        ),
    );
    add(
        "invalid_token/informational-bearer".into(),
        Case::Error(
            OAuthError::InvalidToken
                .with_challenge(Challenge::bearer().realm("api").informational())
                .with_challenge(Challenge::basic("legacy"))
                .at(Endpoint::Resource),
        ),
    );

    // Retry-After on 413, 429 and 503 (and dropped elsewhere).
    add(
        "temporarily_unavailable/retry-seconds".into(),
        Case::Error(
            OAuthError::TemporarilyUnavailable
                .with_description("maintenance")
                .at(Endpoint::Token)
                .with_retry_after(120u64),
        ),
    );
    add(
        "too_many_requests/retry-date".into(),
        Case::Error(
            ErrorResponse::new(OAuthError::TooManyRequests)
                .at(Endpoint::Api)
                .with_retry_after(RetryAfter::At(UNIX_EPOCH + Duration::from_secs(784_111_777))),
        ),
    );
    add(
        "server_error/503-override+retry".into(),
        Case::Error(
            OAuthError::ServerError
                .with_cause(Cause("SECRET: db down"))
                .with_status(ErrorStatus::SERVICE_UNAVAILABLE)
                .with_retry_after(Duration::from_millis(1500)),
        ),
    );
    add(
        "invalid_request/413+retry".into(),
        Case::Error(
            OAuthError::InvalidRequest
                .with_status(ErrorStatus::PAYLOAD_TOO_LARGE)
                .with_retry_after(60u64)
                .at(Endpoint::PushedAuthorization),
        ),
    );
    add(
        "slow_down/retry-dropped".into(),
        Case::Error(ErrorResponse::new(OAuthError::SlowDown).with_retry_after(5u64)),
    );

    // AuthenticationRequired.
    add(
        "auth-required/one".into(),
        Case::AuthRequired(AuthenticationRequired::new(Challenge::bearer().realm("example"))),
    );
    add(
        "auth-required/two".into(),
        Case::AuthRequired(
            AuthenticationRequired::new(
                Challenge::bearer().realm("example").scope("openid profile"),
            )
            .and(Challenge::dpop().algs("ES256 PS256")),
        ),
    );
    add(
        "auth-required/oauth21".into(),
        Case::AuthRequired(
            AuthenticationRequired::new(Challenge::bearer()).with_contract(Contract::oauth21()),
        ),
    );

    // AuthorizationError in every mode.
    let modes = [
        ("query", ResponseMode::Query),
        ("fragment", ResponseMode::Fragment),
        ("form_post", ResponseMode::FormPost),
    ];
    for (mode_name, mode) in modes {
        add(
            format!("authorize/{mode_name}/rich"),
            Case::Authorization(
                AuthorizationError::new(
                    OAuthError::AccessDenied
                        .with_description(rich_description())
                        .with_uri("https://docs.example.com/errors#access_denied")
                        .with_member("ignored_member", "not sent"),
                    verified(),
                )
                .mode(mode)
                .state(tricky_state())
                .issuer("https://as.example.com/tenant".parse().expect("issuer")),
            ),
        );
        add(
            format!("authorize/{mode_name}/bare"),
            Case::Authorization(
                AuthorizationError::new(OAuthError::LoginRequired, verified()).mode(mode),
            ),
        );
    }
    add(
        "authorize/query/302".into(),
        Case::Authorization(
            AuthorizationError::new(
                OAuthError::ServerError.with_cause(Cause("SECRET")),
                verified(),
            )
            .redirect_status(RedirectStatus::Found)
            .state(tricky_state()),
        ),
    );
    add(
        "authorize/query/oauth21-contract".into(),
        Case::Authorization(AuthorizationError::new(
            Contract::oauth21().error(OAuthError::ConsentRequired),
            verified(),
        )),
    );
    add(
        "authorize/never-redirected/invalid_client".into(),
        Case::Authorization(
            AuthorizationError::new(
                OAuthError::InvalidClient.with_description("unknown client"),
                verified(),
            )
            .state(tricky_state()),
        ),
    );
    add(
        "authorize/never-redirected/invalid_client+basic".into(),
        Case::Authorization(
            AuthorizationError::new(
                OAuthError::InvalidClient.with_client_auth(ClientAuth::basic("as")),
                verified(),
            )
            .mode(ResponseMode::FormPost),
        ),
    );
    add(
        "authorize/never-redirected/invalid_trust_anchor".into(),
        Case::Authorization(
            AuthorizationError::new(OAuthError::InvalidTrustAnchor, verified())
                .mode(ResponseMode::Fragment),
        ),
    );

    // RedirectUriError: rendered directly.
    add("redirect-uri/missing".into(), Case::RedirectUri(RedirectUriError::Missing));
    add(
        "redirect-uri/not-registered".into(),
        Case::RedirectUri(
            verify_redirect_uri(Some("https://evil.example/cb"), &["https://client.example/cb"])
                .expect_err("unregistered"),
        ),
    );
    add(
        "redirect-uri/invalid".into(),
        Case::RedirectUri(RedirectUriError::Invalid(UriError::Fragment)),
    );

    // Custom contracts (static LazyLock): ProblemJson, fixed member, status rules.
    add(
        "contract/unauthorized_client/403-rule".into(),
        Case::Error(API.error(OAuthError::UnauthorizedClient)),
    );
    add(
        "contract/invalid_client/401-rule".into(),
        Case::Error(API.error(OAuthError::InvalidClient).with_description("bad secret")),
    );
    add(
        "contract/invalid_request/422-at-api".into(),
        Case::Error(API.error(OAuthError::InvalidRequest).at(Endpoint::Api)),
    );
    add(
        "contract/insufficient_scope/resource".into(),
        Case::Error(
            API.error(OAuthError::InsufficientScope)
                .with_description("needs write")
                .with_member("api_version", "v3")
                .with_challenge(Challenge::bearer().scope("write"))
                .at(Endpoint::Resource),
        ),
    );
    add(
        "contract/invalid_grant/status-override".into(),
        Case::Error(
            API.error(OAuthError::InvalidGrant)
                .with_status(ErrorStatus::CONFLICT)
                .with_uri("https://docs.example.com/x"),
        ),
    );
    add(
        "contract/extension/override-503".into(),
        Case::Error(
            API.error(extension_code!("acme_quota_exceeded"))
                .with_status(ErrorStatus::SERVICE_UNAVAILABLE)
                .with_retry_after(30u64)
                .with_cause(Cause("SECRET: quota backend")),
        ),
    );
    add(
        "contract/plain/default-endpoint".into(),
        Case::Error(PLAIN.error(OAuthError::MethodNotAllowed)),
    );
    add(
        "contract/plain/with-description".into(),
        Case::Error(PLAIN.error(OAuthError::InvalidToken).with_description(rich_description())),
    );
    // Unusual but valid error statuses (no canonical reason phrase).
    for status in [499u16, 599] {
        add(
            format!("status-override/{status}"),
            Case::Error(
                ErrorResponse::new(OAuthError::InvalidRequest)
                    .with_status(ErrorStatus::new(status).expect("error status"))
                    .with_member(
                        "details",
                        serde_json::json!({"a": [1, "two", null], "b": "\u{7f}\"<>"}),
                    ),
            ),
        );
        add(
            format!("contract/status-override/{status}"),
            Case::Error(
                PLAIN
                    .error(OAuthError::ServerError)
                    .with_status(ErrorStatus::new(status).expect("error status")),
            ),
        );
    }
    add(
        "contract/oauth21/bare".into(),
        Case::Error(Contract::oauth21().error(OAuthError::InvalidGrant)),
    );

    v
}

// ---------------------------------------------------------------------------------------
// Wire representation and the raw HTTP/1.1 client
// ---------------------------------------------------------------------------------------

/// A response as seen on the wire: status code, header lines (names lower-cased, sorted
/// by name, repeated names kept in wire order), body bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Wire {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn normalise(mut headers: Vec<(String, String)>) -> Vec<(String, String)> {
    // Stable: the relative order of repeated names is kept.
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    headers
}

/// Header lines the transport adds to every response here: both servers answer a
/// `Connection: close` request with `connection: close` (RFC 9112 §9.6). With `date`
/// (excluded) and `content-length` (added per response), nothing else is added.
const TRANSPORT: [(&str, &str); 1] = [("connection", "close")];

/// The core response as it must look on the wire (`content-length` added, as both
/// servers send a fixed-length body, and the [`TRANSPORT`] headers).
fn expected_wire(r: &http::Response<Bytes>) -> Wire {
    let mut headers: Vec<(String, String)> = r
        .headers()
        .iter()
        .map(|(n, v)| {
            (n.as_str().to_owned(), v.to_str().expect("core header values are ASCII").to_owned())
        })
        .collect();
    headers.push(("content-length".into(), r.body().len().to_string()));
    headers.extend(TRANSPORT.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())));
    Wire { status: r.status().as_u16(), headers: normalise(headers), body: r.body().to_vec() }
}

const IO_TIMEOUT: Duration = Duration::from_secs(5);

/// `GET path` over a fresh connection (`Connection: close`, read to EOF).
///
/// Returns the parsed response and the raw header names as sent (for casing checks).
fn fetch(addr: SocketAddr, path: &str) -> Result<(Wire, Vec<String>), String> {
    let extra: [&[u8]; 2] = [b"User-Agent: parity-test", b"Accept: */*"];
    let raw = raw_http::request(addr, "GET", path, &extra, b"");
    let r = raw_http::exchange(addr, raw, IO_TIMEOUT)?.response()?;
    let mut headers = Vec::new();
    for (name, value) in r.headers {
        let value = String::from_utf8(value).map_err(|e| format!("{name} not UTF-8: {e}"))?;
        headers.push((name, value));
    }
    headers.retain(|(n, _)| n != "date");
    Ok((Wire { status: r.status, headers: normalise(headers), body: r.body }, r.names_as_sent))
}

// ---------------------------------------------------------------------------------------
// Servers (tests/common/servers.rs)
// ---------------------------------------------------------------------------------------

/// Longest a server may live, whatever happens to the test.
const SERVER_LIFETIME: Duration = Duration::from_secs(60);

mod axum_server {
    use super::*;
    use axum::extract::{Path, State as AxState};
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;

    async fn case(AxState(cases): AxState<Arc<Vec<Case>>>, Path(i): Path<usize>) -> Response {
        match cases.get(i).cloned() {
            Some(Case::Error(e)) => e.into_response(),
            Some(Case::Code(c)) => c.into_response(),
            Some(Case::Authorization(a)) => a.into_response(),
            Some(Case::AuthRequired(a)) => a.into_response(),
            Some(Case::RedirectUri(r)) => r.into_response(),
            None => http::StatusCode::NOT_FOUND.into_response(),
        }
    }

    pub fn start(cases: Arc<Vec<Case>>) -> AxumServer {
        let app = axum::Router::new().route("/case/{i}", get(case)).with_state(cases);
        AxumServer::start(app, SERVER_LIFETIME)
    }
}

mod actix_server {
    use super::*;
    use actix_web::{App, HttpRequest, HttpResponse, HttpServer, Responder, web};

    type Cases = web::Data<Vec<Case>>;

    /// The value's `Responder`.
    async fn case(req: HttpRequest, cases: Cases, i: web::Path<usize>) -> HttpResponse {
        match cases.get(i.into_inner()).cloned() {
            Some(Case::Error(e)) => e.respond_to(&req),
            Some(Case::Code(c)) => c.respond_to(&req),
            Some(Case::Authorization(a)) => a.respond_to(&req),
            Some(Case::AuthRequired(a)) => a.respond_to(&req),
            Some(Case::RedirectUri(r)) => r.respond_to(&req),
            None => HttpResponse::NotFound().finish(),
        }
    }

    /// `Err(ErrorResponse)` from the handler: actix renders it with
    /// `ResponseError::error_response()`.
    async fn err(cases: Cases, i: web::Path<usize>) -> Result<HttpResponse, ErrorResponse> {
        match cases.get(i.into_inner()).cloned() {
            Some(Case::Error(e)) => Err(e),
            _ => Ok(HttpResponse::NotFound().finish()),
        }
    }

    /// `Err(OAuthError)` from the handler.
    async fn err_code(cases: Cases, i: web::Path<usize>) -> Result<HttpResponse, OAuthError> {
        match cases.get(i.into_inner()).cloned() {
            Some(Case::Code(c)) => Err(c),
            _ => Ok(HttpResponse::NotFound().finish()),
        }
    }

    pub fn start(cases: Arc<Vec<Case>>) -> ActixServer {
        let data = web::Data::from(cases);
        ActixServer::start(SERVER_LIFETIME, move || {
            let server = HttpServer::new(move || {
                App::new()
                    .app_data(data.clone())
                    .route("/case/{i}", web::get().to(case))
                    .route("/err/{i}", web::get().to(err))
                    .route("/err-code/{i}", web::get().to(err_code))
            })
            .workers(1)
            .disable_signals()
            .shutdown_timeout(1)
            .client_request_timeout(Duration::from_secs(5))
            .bind(("127.0.0.1", 0))?;
            Ok((server.addrs()[0], server.run()))
        })
    }
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

fn describe(w: &Wire) -> String {
    let mut s = format!("  status {}\n", w.status);
    for (n, v) in &w.headers {
        s.push_str(&format!("  {n}: {v}\n"));
    }
    s.push_str(&format!("  body {:?}\n", String::from_utf8_lossy(&w.body)));
    s
}

fn diff(label: &str, name: &str, got: &Wire, want: &Wire) -> Option<String> {
    (got != want)
        .then(|| format!("[{name}] {label}\n got:\n{} want:\n{}", describe(got), describe(want)))
}

#[test]
fn case_names_are_unique_and_cover_every_known_code() {
    let cases = cases();
    let mut names = BTreeMap::new();
    for (i, (n, _)) in cases.iter().enumerate() {
        assert!(names.insert(n.clone(), i).is_none(), "duplicate case name {n}");
    }
    for code in OAuthError::KNOWN {
        let prefix = format!("{}/", code.as_str());
        let per_code = names.keys().filter(|n| n.starts_with(&prefix)).count();
        assert!(per_code >= 5, "{code:?} has only {per_code} cases");
    }
    assert!(names.keys().any(|n| n.starts_with("acme_quota_exceeded/rich/")));
}

/// `ResponseError::status_code()` agrees with `error_response().status()`, and both with
/// the core, for every `ErrorResponse` / `OAuthError` case.
#[test]
fn actix_status_code_agrees_with_error_response() {
    use actix_web::ResponseError;
    let mut checked = 0;
    for (name, case) in cases() {
        let (status, response_status) = match &case {
            Case::Error(e) => (e.status_code(), e.error_response().status()),
            Case::Code(c) => (c.status_code(), c.error_response().status()),
            _ => continue,
        };
        assert_eq!(status, response_status, "{name}: status_code() != error_response().status()");
        assert_eq!(status.as_u16(), case.core().status().as_u16(), "{name}: status vs core");
        checked += 1;
    }
    assert!(checked > 300, "only {checked} ResponseError cases");
}

/// `response()` is `to_response()` at the documented endpoint (the error's own, else the
/// contract's default, else `Token`).
#[test]
fn response_is_to_response_at_the_effective_endpoint() {
    for (name, case) in cases() {
        if let Case::Error(e) = case {
            let a = e.response();
            let b = case_core(&e);
            assert_eq!(a.status(), b.status(), "{name}");
            assert_eq!(a.headers(), b.headers(), "{name}");
            assert_eq!(a.body(), b.body(), "{name}");
        }
    }
}

fn case_core(e: &ErrorResponse) -> http::Response<Bytes> {
    Case::Error(e.clone()).core()
}

#[test]
fn axum_and_actix_send_identical_bytes_equal_to_the_core() {
    let started = Instant::now();
    let table = cases();
    let shared: Arc<Vec<Case>> = Arc::new(table.iter().map(|(_, c)| c.clone()).collect());

    let axum = axum_server::start(shared.clone());
    let actix = actix_server::start(shared.clone());

    let mut failures: Vec<String> = Vec::new();
    let mut fetched = 0usize;
    let mut casing: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();

    for (i, (name, case)) in table.iter().enumerate() {
        let want = expected_wire(&case.core());
        let mut got: Vec<(&str, Wire)> = Vec::new();
        let mut targets: Vec<(&'static str, SocketAddr, String)> = vec![
            ("axum IntoResponse", axum.addr, format!("/case/{i}")),
            ("actix Responder", actix.addr, format!("/case/{i}")),
        ];
        match case {
            Case::Error(_) => {
                targets.push(("actix ResponseError", actix.addr, format!("/err/{i}")))
            }
            Case::Code(_) => {
                targets.push(("actix ResponseError", actix.addr, format!("/err-code/{i}")))
            }
            _ => {}
        }
        assert_eq!(case.is_response_error(), targets.len() == 3);
        for (label, addr, path) in targets {
            match fetch(addr, &path) {
                Ok((wire, raw_names)) => {
                    fetched += 1;
                    if i == 0 {
                        casing.insert(label, raw_names);
                    }
                    got.push((label, wire));
                }
                Err(e) => failures.push(format!("[{name}] {label} {path}: {e}")),
            }
        }
        // Spot checks that the client sees repeated header lines, in order.
        if name == "insufficient_scope/bearer+dpop" || name == "auth-required/two" {
            for (label, wire) in &got {
                let www: Vec<&str> = wire
                    .headers
                    .iter()
                    .filter(|(n, _)| n == "www-authenticate")
                    .map(|(_, v)| v.as_str())
                    .collect();
                assert_eq!(www.len(), 2, "[{name}] {label}: {www:?}");
                assert!(www[0].starts_with("Bearer ") && www[1].starts_with("DPoP "), "{www:?}");
            }
        }
        // Byte-identical across adapters.
        if let Some((first_label, first)) = got.first() {
            for (label, wire) in &got[1..] {
                if let Some(d) = diff(&format!("{label} vs {first_label}"), name, wire, first) {
                    failures.push(d);
                }
            }
        }
        // Equal to the core.
        for (label, wire) in &got {
            if let Some(d) = diff(&format!("{label} vs core to_response()"), name, wire, &want) {
                failures.push(d);
            }
        }
    }

    actix.shutdown();
    axum.shutdown();

    assert!(
        failures.is_empty(),
        "{} wire differences (of {fetched} fetches over {} cases):\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
    // Header names are sent lower-case by both servers.
    for (label, names) in &casing {
        assert!(
            names.iter().all(|n| *n == n.to_ascii_lowercase()),
            "{label} header casing: {names:?}"
        );
    }
    let rse = table.iter().filter(|(_, c)| c.is_response_error()).count();
    assert_eq!(fetched, table.len() * 2 + rse);
    eprintln!(
        "parity: {} cases ({} ResponseError), {fetched} fetches in {:?}",
        table.len(),
        rse,
        started.elapsed()
    );
}
