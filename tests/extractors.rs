//! The crate's extractors and every response type give the same bytes in axum and in
//! actix-web.
//!
//! One axum `Router` and one actix-web `App` with the same handlers — the
//! [`AccessToken`] extractor (Bearer and DPoP) and `OptionalAccessToken`, the
//! [`ClientForm`] extractor (raw and typed forms), handlers returning [`Rejection`] for
//! every variant, and the frameworks' own `Form` / `Json` / `Query` / `Path` with the
//! crate's rejections (`oauth_errors::axum_extract` and `oauth_errors::actix::rejections`)
//! — are served on `127.0.0.1:0`. Every request of the table is written as raw HTTP/1.1
//! to both; status line, headers (but `date`) and body must be identical, and the status
//! and `WWW-Authenticate` / body the expected ones.

#![cfg(all(feature = "axum-extract", feature = "actix-web"))]

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use oauth_errors::authorize::{
    AuthorizationError, ResponseMode, ResponseModeError, State, verify_redirect_uri,
};
use oauth_errors::extract::{
    AccessToken, AccessTokenConfig, ClientAuthConfig, ClientForm, FormParams, OptionalAccessToken,
};
use oauth_errors::{
    AuthenticationRequired, Challenge, DpopNonce, ErrorResponse, OAuthError, Rejection,
};

use common::raw_http::{self, Response};
use common::servers::{ActixServer, AxumServer};

const LIFETIME: Duration = Duration::from_secs(120);
const REDIRECT: &str = "https://client.example.com/cb";

// ---------------------------------------------------------------------------------------
// The handlers' logic, framework-free
// ---------------------------------------------------------------------------------------

fn resource(token: &AccessToken) -> Result<String, Rejection> {
    match token.as_str() {
        "good" => Ok(format!("{} ok", token.scheme().as_str())),
        "nonce" => {
            let nonce = DpopNonce::new("n-1").expect("nonce");
            Err(token.reject(ErrorResponse::use_dpop_nonce(nonce)).into())
        }
        "stepup" => Err(token
            .reject_with(OAuthError::InsufficientUserAuthentication, |c| {
                c.acr_values("gold").max_age(60)
            })
            .into()),
        "scope" => Err(token.insufficient_scope("write").with_description("needs write").into()),
        _ => Err(token.reject(OAuthError::InvalidToken.with_description("unknown token")).into()),
    }
}

fn optional(token: Option<&AccessToken>) -> String {
    token.map_or("anonymous".to_owned(), |t| format!("token {}", t.as_str()))
}

fn client_form(form: &ClientForm<FormParams>) -> Result<String, ErrorResponse> {
    let c = &form.client;
    if c.secret().is_some() && !c.secret_matches("s3cret") {
        return Err(c.invalid_client().with_description("Client authentication failed"));
    }
    let params: Vec<String> = form.form.iter().map(|(n, v)| format!("{n}={v}")).collect();
    Ok(format!("{} {:?} {}", c.method().as_str(), c.client_id(), params.join("&")))
}

#[derive(Debug, serde::Deserialize)]
struct Typed {
    grant_type: String,
    max_age: Option<u32>,
}

fn typed(form: &ClientForm<Typed>) -> String {
    format!("{} {:?}", form.form.grant_type, form.form.max_age)
}

fn authorize(case: &str) -> Result<String, Rejection> {
    let uri = verify_redirect_uri(Some(REDIRECT), &[REDIRECT])?;
    let state = State::new("xyz").expect("state");
    match case {
        "redirect" => {
            Err(AuthorizationError::new(OAuthError::LoginRequired, uri).state(state).into())
        }
        "form_post" => Err(AuthorizationError::new(OAuthError::AccessDenied, uri)
            .mode(ResponseMode::FormPost)
            .state(state)
            .into()),
        "server" => Err(AuthorizationError::new(
            OAuthError::ServerError.with_cause(std::io::Error::other("db down")),
            uri,
        )
        .into()),
        "unregistered" => {
            verify_redirect_uri(Some("https://evil.example/cb"), &[REDIRECT])?;
            Ok("unreachable".into())
        }
        "mode" => Err(ResponseModeError::Unsupported.into()),
        "login" => Err(AuthenticationRequired::new(Challenge::bearer().realm("api")).into()),
        "code" => Err(OAuthError::InvalidRequest.into()),
        _ => Ok("ok".into()),
    }
}

#[derive(Debug, serde::Deserialize, serde::Serialize)]
struct Revoke {
    token: String,
}

#[derive(Debug, serde::Deserialize)]
struct Page {
    n: u32,
}

fn token_config() -> AccessTokenConfig {
    AccessTokenConfig::new("api").dpop("ES256")
}

// ---------------------------------------------------------------------------------------
// axum
// ---------------------------------------------------------------------------------------

fn axum_app() -> axum::Router {
    use axum::extract::Query as AxumQuery;
    use axum::routing::{get, post};
    use axum::{Extension, Router};
    use oauth_errors::axum_extract::{Form, Json, Path, Query};

    #[derive(serde::Deserialize)]
    struct Case {
        case: String,
    }
    Router::new()
        .route("/resource", get(|t: AccessToken| async move { resource(&t) }))
        .route(
            "/optional",
            get(|OptionalAccessToken(t): OptionalAccessToken| async move { optional(t.as_ref()) }),
        )
        .route("/client", post(|f: ClientForm| async move { client_form(&f) }))
        .route("/typed", post(|f: ClientForm<Typed>| async move { typed(&f) }))
        .route("/authorize", get(|AxumQuery(c): AxumQuery<Case>| async move { authorize(&c.case) }))
        .route("/form", post(|Form(r): Form<Revoke>| async move { r.token }))
        .route("/json", post(|Json(r): Json<Revoke>| async move { r.token }))
        .route("/query", get(|Query(p): Query<Page>| async move { p.n.to_string() }))
        .route("/path/{n}", get(|Path(n): Path<u32>| async move { n.to_string() }))
        .layer(Extension(token_config()))
        .layer(Extension(ClientAuthConfig::new("as")))
}

// ---------------------------------------------------------------------------------------
// actix-web
// ---------------------------------------------------------------------------------------

fn start_actix() -> ActixServer {
    use actix_web::{App, HttpServer, web};

    #[derive(serde::Deserialize)]
    struct Case {
        case: String,
    }
    ActixServer::start(LIFETIME, || {
        let server = HttpServer::new(|| {
            App::new()
                .configure(oauth_errors::actix::rejections)
                .app_data(token_config())
                .app_data(web::Data::new(ClientAuthConfig::new("as")))
                .route("/resource", web::get().to(|t: AccessToken| async move { resource(&t) }))
                .route(
                    "/optional",
                    web::get().to(|OptionalAccessToken(t): OptionalAccessToken| async move {
                        optional(t.as_ref())
                    }),
                )
                .route("/client", web::post().to(|f: ClientForm| async move { client_form(&f) }))
                .route("/typed", web::post().to(|f: ClientForm<Typed>| async move { typed(&f) }))
                .route(
                    "/authorize",
                    web::get().to(|c: web::Query<Case>| async move { authorize(&c.case) }),
                )
                .route(
                    "/form",
                    web::post().to(|r: web::Form<Revoke>| async move { r.into_inner().token }),
                )
                .route(
                    "/json",
                    web::post().to(|r: web::Json<Revoke>| async move { r.into_inner().token }),
                )
                .route(
                    "/query",
                    web::get().to(|p: web::Query<Page>| async move { p.n.to_string() }),
                )
                .route("/path/{n}", web::get().to(|n: web::Path<u32>| async move { n.to_string() }))
        })
        .workers(1)
        .disable_signals()
        .shutdown_timeout(1)
        .bind(("127.0.0.1", 0))?;
        Ok((server.addrs()[0], server.run()))
    })
}

// ---------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------

struct Case {
    method: &'static str,
    target: &'static str,
    headers: Vec<&'static str>,
    body: &'static str,
    status: u16,
    /// `WWW-Authenticate` lines expected, in order.
    challenges: Vec<&'static str>,
    /// The expected body, when given.
    expect_body: Option<&'static str>,
}

fn get(target: &'static str, headers: &[&'static str]) -> Case {
    Case {
        method: "GET",
        target,
        headers: headers.to_vec(),
        body: "",
        status: 0,
        challenges: Vec::new(),
        expect_body: None,
    }
}

fn post(target: &'static str, headers: &[&'static str], body: &'static str) -> Case {
    Case { method: "POST", body, ..get(target, headers) }
}

impl Case {
    fn expect(mut self, status: u16, challenges: &[&'static str]) -> Case {
        self.status = status;
        self.challenges = challenges.to_vec();
        self
    }
    fn body_is(mut self, body: &'static str) -> Case {
        self.expect_body = Some(body);
        self
    }
}

const FORM: &str = "Content-Type: application/x-www-form-urlencoded";
const JSON: &str = "Content-Type: application/json";
const BEARER: &str = r#"Bearer realm="api""#;
const DPOP: &str = r#"DPoP realm="api", algs="ES256""#;
const PROOF: &str = "DPoP: aGVhZA.Ym9keQ.c2ln";

fn cases() -> Vec<Case> {
    vec![
        // AccessToken
        get("/resource", &[]).expect(401, &[BEARER, DPOP]).body_is(""),
        get("/resource", &["Authorization: Bearer good"]).expect(200, &[]).body_is("Bearer ok"),
        get("/resource", &["Authorization: DPoP good", PROOF]).expect(200, &[]).body_is("DPoP ok"),
        get("/resource", &["Authorization: Basic eDp5"]).expect(401, &[BEARER, DPOP]),
        get("/resource", &["Authorization: Bearer"]).expect(400, &[
            r#"Bearer realm="api", error="invalid_request", error_description="The Authorization header must be Bearer or DPoP followed by an access token""#,
            r#"DPoP realm="api", algs="ES256""#,
        ]),
        get("/resource", &["Authorization: DPoP a b", PROOF]).expect(400, &[
            r#"Bearer realm="api""#,
            r#"DPoP realm="api", error="invalid_request", error_description="The Authorization header must be Bearer or DPoP followed by an access token", algs="ES256""#,
        ]),
        get("/resource", &["Authorization: (x)"]).expect(400, &[
            r#"Bearer realm="api", error="invalid_request", error_description="The Authorization header must be Bearer or DPoP followed by an access token""#,
            r#"DPoP realm="api", error="invalid_request", error_description="The Authorization header must be Bearer or DPoP followed by an access token", algs="ES256""#,
        ]),
        get("/resource", &["Authorization: Bearer good", "Authorization: DPoP good"]).expect(400, &[
            r#"Bearer realm="api", error="invalid_request", error_description="The Authorization header is repeated""#,
            r#"DPoP realm="api", error="invalid_request", error_description="The Authorization header is repeated", algs="ES256""#,
        ]),
        get("/resource", &["Authorization: DPoP good"]).expect(401, &[
            BEARER,
            r#"DPoP realm="api", error="invalid_dpop_proof", error_description="The DPoP proof is missing", algs="ES256""#,
        ]),
        get("/resource", &["Authorization: DPoP good", "DPoP: not-a-jwt"]).expect(401, &[
            BEARER,
            r#"DPoP realm="api", error="invalid_dpop_proof", error_description="The DPoP proof is not a well-formed JWT", algs="ES256""#,
        ]),
        get("/resource", &["Authorization: DPoP good", PROOF, PROOF]).expect(401, &[
            BEARER,
            r#"DPoP realm="api", error="invalid_dpop_proof", error_description="The request carries more than one DPoP proof", algs="ES256""#,
        ]),
        get("/resource", &["Authorization: Bearer bad"]).expect(401, &[
            r#"Bearer realm="api", error="invalid_token", error_description="unknown token""#,
            DPOP,
        ]),
        get("/resource", &["Authorization: DPoP nonce", PROOF]).expect(401, &[
            BEARER,
            r#"DPoP realm="api", error="use_dpop_nonce", algs="ES256""#,
        ]),
        get("/resource", &["Authorization: Bearer stepup"]).expect(401, &[
            r#"Bearer realm="api", error="insufficient_user_authentication", acr_values="gold", max_age="60""#,
            DPOP,
        ]),
        get("/resource", &["Authorization: Bearer scope"]).expect(403, &[
            r#"Bearer realm="api", scope="write", error="insufficient_scope", error_description="needs write""#,
            DPOP,
        ]),
        get("/optional", &[]).expect(200, &[]).body_is("anonymous"),
        get("/optional", &["Authorization: Basic eDp5"]).expect(200, &[]).body_is("anonymous"),
        get("/optional", &["Authorization: Bearer t"]).expect(200, &[]).body_is("token t"),
        get("/optional", &["Authorization: Bearer"]).expect(400, &[
            r#"Bearer realm="api", error="invalid_request", error_description="The Authorization header must be Bearer or DPoP followed by an access token""#,
            DPOP,
        ]),
        // ClientForm
        post("/client", &[FORM, "Authorization: Basic YXBwOnMzY3JldA=="], "grant_type=x")
            .expect(200, &[])
            .body_is(r#"client_secret_basic Some("app") grant_type=x"#),
        post("/client", &[FORM], "client_id=app&client_secret=s3cret")
            .expect(200, &[])
            .body_is(r#"client_secret_post Some("app") client_id=app&client_secret=s3cret"#),
        post("/client", &[FORM], "client_id=app").expect(200, &[]).body_is(r#"none Some("app") client_id=app"#),
        post("/client", &[FORM], "").expect(200, &[]).body_is("none None "),
        post("/client", &[FORM, "Authorization: Basic YXBwOndyb25n"], "").expect(401, &[r#"Basic realm="as""#]),
        post("/client", &[FORM], "client_id=app&client_secret=wrong").expect(400, &[]),
        post("/client", &[FORM, "Authorization: Bearer x"], "").expect(401, &[r#"Basic realm="as""#])
            .body_is(r#"{"error":"invalid_client","error_description":"The Authorization header must carry client_secret_basic credentials"}"#),
        post("/client", &[FORM, "Authorization: Basic YXBwOnMzY3JldA=="], "client_secret=s3cret")
            .expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"Use only one client authentication method (Authorization header or body)"}"#),
        post("/client", &[FORM], "client_secret=s3cret&client_assertion_type=t&client_assertion=a")
            .expect(400, &[]),
        post("/client", &[JSON], "{}").expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"The request body must be application/x-www-form-urlencoded"}"#),
        post("/client", &[FORM], "a=1&a=2").expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"Parameter a is repeated"}"#),
        post("/typed", &[FORM], "grant_type=g&max_age=5").expect(200, &[]).body_is("g Some(5)"),
        post("/typed", &[FORM], "max_age=5").expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"grant_type is required"}"#),
        post("/typed", &[FORM], "grant_type=g&max_age=soon").expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"Parameter max_age is invalid"}"#),
        // Rejection, every variant
        get("/authorize?case=redirect", &[]).expect(303, &[]),
        get("/authorize?case=form_post", &[]).expect(200, &[]),
        get("/authorize?case=server", &[]).expect(303, &[]),
        get("/authorize?case=unregistered", &[]).expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"redirect_uri is not registered for this client"}"#),
        get("/authorize?case=mode", &[]).expect(400, &[]).body_is(""),
        get("/authorize?case=login", &[]).expect(401, &[BEARER]).body_is(""),
        get("/authorize?case=code", &[]).expect(400, &[]).body_is(r#"{"error":"invalid_request"}"#),
        // Framework extractors with the crate's rejections
        post("/form", &[FORM], "token=t").expect(200, &[]).body_is("t"),
        post("/form", &[JSON], r#"{"token":"t"}"#).expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"The request body must be application/x-www-form-urlencoded"}"#),
        post("/form", &[FORM], "other=t").expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"The form parameters are invalid"}"#),
        post("/json", &[JSON], r#"{"token":"t"}"#).expect(200, &[]).body_is("t"),
        post("/json", &[FORM], "token=t").expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"The request body must be application/json"}"#),
        post("/json", &[JSON], "{").expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"The request body is not valid JSON"}"#),
        post("/json", &[JSON], r#"{"other":1}"#).expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"The JSON body does not have the expected members"}"#),
        get("/query?n=3", &[]).expect(200, &[]).body_is("3"),
        get("/query?n=x", &[]).expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"The query parameters are invalid"}"#),
        get("/path/7", &[]).expect(200, &[]).body_is("7"),
        get("/path/x", &[]).expect(400, &[])
            .body_is(r#"{"error":"invalid_request","error_description":"The request path is invalid"}"#),
    ]
}

fn send(addr: SocketAddr, c: &Case) -> Response {
    let raw = raw_http::request(addr, c.method, c.target, &c.headers, c.body.as_bytes());
    raw_http::exchange(addr, raw, Duration::from_secs(15))
        .and_then(raw_http::Exchange::complete_response)
        .unwrap_or_else(|e| panic!("{} {}: {e}", c.method, c.target))
}

#[test]
fn axum_and_actix_answer_alike() {
    let axum = AxumServer::start(axum_app(), LIFETIME);
    let actix = start_actix();
    let cases = cases();
    let mut failures = Vec::new();
    for c in &cases {
        let a = send(axum.addr, c);
        let b = send(actix.addr, c);
        let mut problems = Vec::new();
        if (&a.status_line, a.headers_without_date(), &a.body)
            != (&b.status_line, b.headers_without_date(), &b.body)
        {
            problems.push("axum and actix differ".to_owned());
        }
        if a.status != c.status {
            problems.push(format!("expected {}", c.status));
        }
        if a.all("www-authenticate") != c.challenges {
            problems.push(format!("expected challenges {:?}", c.challenges));
        }
        if let Some(body) = c.expect_body {
            if a.body != body.as_bytes() {
                problems.push(format!("expected body {body:?}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{} {} {:?}: {}\n  axum:\n{}  actix:\n{}",
                c.method,
                c.target,
                c.headers,
                problems.join("; "),
                a.describe(),
                b.describe()
            ));
        }
    }
    axum.shutdown();
    actix.shutdown();
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
