//! The OpenAPI document of `examples/openapi.rs` against the demo it describes.
//!
//! * The document is validated by a real validator: `tests/openapi_validate.py` runs
//!   `openapi-spec-validator` (OpenAPI 3.1) and checks every example, and every body the
//!   demo really sends, against its documented JSON Schema (draft 2020-12). CI installs
//!   the validator (`.ci/run`); outside CI a missing validator is reported and skipped.
//! * The demo's scenario (`examples/shared/scenario.rs`, which the axum and actix-web apps
//!   serve unchanged) is driven through every error path, and its responses are rendered
//!   exactly as the framework adapters render them. Every error it sends must be
//!   documented for its operation with the right status, content type and headers, and
//!   every documented error must be one it sends: the two sets are equal.
//! * A grid of further requests checks that nothing else the demo sends escapes the
//!   document.

#![cfg(feature = "utoipa")]

#[allow(dead_code)]
#[path = "../examples/openapi.rs"]
mod example;

use std::collections::BTreeSet;
use std::io::Write as _;
use std::net::SocketAddr;
use std::process::Command;

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Response};
use serde_json::{Value, json};

use example::scenario::{self, Config, Outcome, Route};

const GOOD_BASIC: &str = "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ="; // demo-client:demo-secret
const BAD_BASIC: &str = "Basic ZGVtby1jbGllbnQ6d3Jvbmc="; // demo-client:wrong
const FORM: &str = "application/x-www-form-urlencoded";
const JSON: &str = "application/json";

fn config() -> Config {
    let addr: SocketAddr = scenario::DEFAULT_ADDR.parse().unwrap();
    Config::new(addr).unwrap()
}

/// One request to the demo.
#[derive(Debug, Clone, Default)]
struct Req {
    headers: Vec<(&'static str, String)>,
    query: Option<String>,
    body: String,
}

impl Req {
    fn header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_owned()));
        self
    }
    fn form(self, body: &str) -> Self {
        Req { body: body.to_owned(), ..self.header("content-type", FORM) }
    }
    fn json(self, body: &str) -> Self {
        Req { body: body.to_owned(), ..self.header("content-type", JSON) }
    }
    fn query(self, q: &str) -> Self {
        Req { query: Some(q.to_owned()), ..self }
    }
    fn basic(self) -> Self {
        self.header("authorization", GOOD_BASIC)
    }
}

/// What the demo answered, as the adapters render it; `None` for a success.
fn render(outcome: Outcome) -> Option<Response<Bytes>> {
    match outcome {
        Outcome::Success(_) => None,
        Outcome::Error(e) | Outcome::Direct(e) => Some(e.response()),
        Outcome::Authorize(e) => Some(e.to_response()),
        Outcome::AuthRequired(a) => Some(a.to_response()),
        Outcome::Rejected(r) => Some(r.to_response()),
    }
}

fn run(route: Route, req: &Req) -> Option<Response<Bytes>> {
    let mut headers = HeaderMap::new();
    for (name, value) in &req.headers {
        headers.append(HeaderName::from_static(name), HeaderValue::from_str(value).unwrap());
    }
    let method = route.method();
    let request = scenario::Request {
        method: &method,
        headers: &headers,
        query: req.query.as_deref(),
        body: req.body.as_bytes(),
    };
    render(scenario::handle(route, &config(), &request))
}

/// An error the demo sent, as the document must describe it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Sent {
    path: &'static str,
    method: String,
    status: u16,
    /// `None` for the 401 challenge without error information.
    code: Option<String>,
}

fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

/// The code of a rendered error: JSON `error`, `error=` in the `Location` query or
/// fragment, or the `form_post` page's hidden `error` input.
fn code_of(r: &Response<Bytes>) -> Option<String> {
    if let Some(location) = r.headers().get("location") {
        let location = location.to_str().unwrap();
        let params = location.split_once(['?', '#']).map(|(_, p)| p).unwrap();
        let params = params.rsplit_once('#').map_or(params, |(_, f)| f);
        return query_param(params, "error");
    }
    let body = std::str::from_utf8(r.body()).unwrap();
    if body.is_empty() {
        return None;
    }
    if let Ok(v) = serde_json::from_slice::<Value>(r.body()) {
        return v["error"].as_str().map(str::to_owned);
    }
    let marker = r#"name="error" value=""#;
    let start = body.find(marker).unwrap() + marker.len();
    Some(body[start..].split('"').next().unwrap().to_owned())
}

fn sent(route: Route, r: &Response<Bytes>) -> Sent {
    Sent {
        path: route.path(),
        method: route.method().as_str().to_ascii_lowercase(),
        status: r.status().as_u16(),
        code: code_of(r),
    }
}

/// Every error path of the demo, named (see `examples/shared/scenario.rs`).
fn catalogue() -> Vec<(&'static str, Route, Req)> {
    use Route::*;
    let fail = |v: &str| Req::default().header("x-demo-fail", v);
    let token = |form: &str| Req::default().basic().form(form);
    let authorize = |q: &str| Req::default().query(q);
    let base = "client_id=demo-client&response_type=code&state=s";
    let mut c = vec![
        ("token: malformed body", Token, Req::default().basic().json("{}")),
        (
            "token: no client authentication",
            Token,
            Req::default().form("grant_type=client_credentials"),
        ),
        (
            "token: wrong Basic secret",
            Token,
            Req::default().header("authorization", BAD_BASIC).form("grant_type=client_credentials"),
        ),
        (
            "token: wrong body secret",
            Token,
            Req::default()
                .form("grant_type=client_credentials&client_id=demo-client&client_secret=x"),
        ),
        ("token: no grant_type", Token, token("scope=read")),
        ("token: bad code", Token, token("grant_type=authorization_code&code=stale")),
        ("token: password grant", Token, token("grant_type=password")),
        ("token: unknown grant", Token, token("grant_type=magic")),
        ("token: unknown scope", Token, token("grant_type=client_credentials&scope=admin")),
        ("authorize: no client_id", Authorize, authorize("response_type=code")),
        ("authorize: unknown client", Authorize, authorize("client_id=nobody&response_type=code")),
        ("authorize: ratelimit", Authorize, fail("ratelimit").query(base)),
        ("authorize: no response_type", Authorize, authorize("client_id=demo-client&state=s")),
        (
            "authorize: unsupported response_type",
            Authorize,
            authorize("client_id=demo-client&response_type=token"),
        ),
        ("authorize: unknown scope", Authorize, authorize(&format!("{base}&scope=admin"))),
        ("authorize: prompt=none", Authorize, authorize(&format!("{base}&prompt=none"))),
        ("authorize: server", Authorize, fail("server").query(base)),
        ("authorize: unavailable", Authorize, fail("unavailable").query(base)),
        ("api/read: no credentials", ApiRead, Req::default()),
        (
            "api/read: malformed Bearer",
            ApiRead,
            Req::default().header("authorization", "Bearer !!"),
        ),
        ("api/read: unknown token", ApiRead, Req::default().header("authorization", "Bearer nope")),
        ("api/write: no credentials", ApiWrite, Req::default()),
        (
            "api/write: malformed Bearer",
            ApiWrite,
            Req::default().header("authorization", "Bearer !!"),
        ),
        (
            "api/write: unknown token",
            ApiWrite,
            Req::default().header("authorization", "Bearer nope"),
        ),
        (
            "api/write: read-only token",
            ApiWrite,
            Req::default().header("authorization", "Bearer demo-access-token"),
        ),
        ("revoke: malformed body", Revoke, Req::default().basic().json("{}")),
        ("revoke: no client authentication", Revoke, Req::default().form("token=t")),
        (
            "revoke: wrong Basic secret",
            Revoke,
            Req::default().header("authorization", BAD_BASIC).form("token=t"),
        ),
        (
            "revoke: unsupported token type",
            Revoke,
            Req::default().basic().form("token=unsupported-1"),
        ),
        ("register: not JSON", Register, Req::default().form("a=b")),
        ("register: bad metadata", Register, Req::default().json(r#"{"grant_types":["magic"]}"#)),
        ("register: no redirect_uris", Register, Req::default().json("{}")),
    ];
    for device in ["pending", "slow", "expired", "denied"] {
        let form = format!("grant_type={}&device_code={device}", scenario::DEVICE_CODE_GRANT);
        c.push(("token: device polling", Token, token(&form)));
    }
    for mode in ["form_post", "fragment"] {
        let redirected = [
            (None, "client_id=demo-client&state=s".to_owned()),
            (None, "client_id=demo-client&response_type=code%20token".to_owned()),
            (None, format!("{base}&scope=admin")),
            (None, format!("{base}&prompt=none")),
            (Some("server"), base.to_owned()),
            (Some("unavailable"), base.to_owned()),
        ];
        for (failure, q) in redirected {
            let mut req = authorize(&format!("{q}&response_mode={mode}"));
            if let Some(f) = failure {
                req = req.header("x-demo-fail", f);
            }
            c.push(("authorize: other response modes", Authorize, req));
        }
    }
    for route in [Token, ApiRead, ApiWrite, Revoke, Register] {
        for v in ["server", "unavailable", "ratelimit"] {
            c.push(("X-Demo-Fail", route, fail(v).basic().form("grant_type=client_credentials")));
        }
    }
    c
}

/// The errors the framework layer adds for a route (`examples/shared/axum_app.rs`): a
/// body over the limit, and a body that cannot be read.
fn framework_errors(route: Route) -> Vec<Response<Bytes>> {
    if !route.reads_body() {
        return Vec::new();
    }
    [scenario::body_too_large(route), scenario::body_unreadable(route)]
        .into_iter()
        .filter_map(render)
        .collect()
}

fn observe() -> Vec<(Route, Response<Bytes>)> {
    let mut out = Vec::new();
    for (what, route, req) in catalogue() {
        let r =
            run(route, &req).unwrap_or_else(|| panic!("{what}: the demo answered with success"));
        out.push((route, r));
    }
    for route in Route::ALL {
        out.extend(framework_errors(route).into_iter().map(|r| (route, r)));
    }
    out
}

fn document() -> Value {
    serde_json::to_value(example::document()).unwrap()
}

/// `(path, method, status, code)` for every error the document describes.
fn documented(doc: &Value) -> BTreeSet<Sent> {
    let mut out = BTreeSet::new();
    for route in Route::ALL {
        let method = route.method().as_str().to_ascii_lowercase();
        let op = &doc["paths"][route.path()][&method];
        for (status, response) in op["responses"].as_object().unwrap() {
            let status: u16 = status.parse().unwrap();
            for code in response["x-oauth-errors"].as_array().into_iter().flatten() {
                out.insert(Sent {
                    path: route.path(),
                    method: method.clone(),
                    status,
                    code: Some(code.as_str().unwrap().to_owned()),
                });
            }
            if response["x-oauth-no-error"] == json!(true) {
                out.insert(Sent { path: route.path(), method: method.clone(), status, code: None });
            }
        }
    }
    out
}

/// The headers the document describes, and how it describes them.
const TRACKED: [&str; 7] = [
    "www-authenticate",
    "retry-after",
    "dpop-nonce",
    "cache-control",
    "pragma",
    "allow",
    "location",
];

/// Checks one sent response against its documented response object.
fn check_against_document(doc: &Value, route: Route, r: &Response<Bytes>) -> Result<(), String> {
    let s = sent(route, r);
    let op = &doc["paths"][route.path()][&s.method];
    let response = &op["responses"][s.status.to_string()];
    if response.is_null() {
        return Err(format!("{s:?}: status not documented"));
    }
    match &s.code {
        Some(code) => {
            let codes = response["x-oauth-errors"].as_array().cloned().unwrap_or_default();
            if !codes.contains(&json!(code)) {
                return Err(format!("{s:?}: code not documented (documented: {codes:?})"));
            }
        }
        None if response["x-oauth-no-error"] != json!(true) => {
            return Err(format!("{s:?}: the challenge without error is not documented"));
        }
        None => {}
    }
    if !r.body().is_empty() {
        let ct = r.headers()["content-type"].to_str().unwrap();
        if response["content"][ct].is_null() {
            return Err(format!("{s:?}: content type {ct} not documented"));
        }
    }
    let documented_headers = response["headers"].as_object().cloned().unwrap_or_default();
    for name in TRACKED {
        let doc_header = documented_headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name));
        match (r.headers().contains_key(name), doc_header) {
            (true, None) => return Err(format!("{s:?}: header {name} not documented")),
            (false, Some((_, h)))
                if h["description"].as_str().unwrap().starts_with("Always sent.") =>
            {
                return Err(format!("{s:?}: header {name} documented as always sent, but missing"));
            }
            _ => {}
        }
    }
    Ok(())
}

#[test]
fn every_error_the_demo_sends_is_documented_and_nothing_more() {
    let doc = document();
    let observed = observe();
    let mut sent_set = BTreeSet::new();
    for (route, r) in &observed {
        check_against_document(&doc, *route, r).unwrap();
        sent_set.insert(sent(*route, r));
    }
    let documented = documented(&doc);
    let missing: Vec<_> = documented.difference(&sent_set).collect();
    assert!(missing.is_empty(), "documented but never sent: {missing:#?}");
    assert_eq!(sent_set, documented);
    // The figures the report quotes.
    println!("{} distinct errors over {} responses", sent_set.len(), observed.len());
}

/// Requests beyond the catalogue: every combination of a set of headers and bodies.
/// Whatever error the demo answers with must be documented.
#[test]
fn a_grid_of_requests_finds_no_undocumented_error() {
    let doc = document();
    let authorizations = [
        None,
        Some(GOOD_BASIC),
        Some(BAD_BASIC),
        Some("Basic !!"),
        Some("Bearer demo-access-token"),
        Some("Bearer write-access-token"),
        Some("Bearer nope"),
        Some("Bearer"),
        Some("DPoP abc"),
    ];
    let fails = [None, Some("server"), Some("UNAVAILABLE"), Some("ratelimit"), Some("other")];
    let bodies = [
        (None, ""),
        (Some(FORM), "grant_type=client_credentials"),
        (Some(FORM), "grant_type=client_credentials&client_secret=x"),
        (Some(FORM), "grant_type=refresh_token&refresh_token=good-refresh&scope=write"),
        (Some(FORM), "grant_type=refresh_token&refresh_token=bad"),
        (
            Some(FORM),
            "grant_type=authorization_code&code=good-code&redirect_uri=http://evil.example/cb",
        ),
        (Some(FORM), "grant_type=authorization_code"),
        (Some(FORM), "grant_type=a&grant_type=b"),
        (Some(FORM), "token=t&client_id=demo-client&client_secret=demo-secret"),
        (Some(FORM), "token=t&client_id=other"),
        (Some(JSON), r#"{"redirect_uris":["http://example.com/cb"]}"#),
        (Some(JSON), r#"{"redirect_uris":["https://ok.example/cb"],"scope":"admin"}"#),
        (Some(JSON), r#"{"redirect_uris":["https://ok.example/cb"],"client_name":""}"#),
        (Some(JSON), "[1]"),
        (Some(JSON), "not json"),
    ];
    let queries = [
        None,
        Some("client_id=demo-client&client_id=demo-client&response_type=code"),
        Some("client_id=demo-client&response_type=code&redirect_uri=http://evil.example/cb"),
        Some("client_id=demo-client&response_type=code&response_mode=jwt"),
        Some("client_id=demo-client&response_type=code%20id_token&response_mode=query"),
        Some("client_id=demo-client&response_type=code&state=a&state=b"),
        Some("client_id=demo-client&response_type=code&prompt=none%20login"),
        Some("client_id=demo-client&response_type=code&prompt=create"),
        Some("client_id=demo-client&response_type=code&scope=read%20write&prompt=consent"),
        Some("%ff"),
    ];
    let mut errors = 0;
    for route in Route::ALL {
        for auth in authorizations {
            for fail in fails {
                for (ct, body) in bodies {
                    for query in queries {
                        let mut req = Req { body: body.to_owned(), ..Req::default() };
                        if let Some(a) = auth {
                            req = req.header("authorization", a);
                        }
                        if let Some(f) = fail {
                            req = req.header("x-demo-fail", f);
                        }
                        if let Some(ct) = ct {
                            req = req.header("content-type", ct);
                        }
                        req.query = query.map(str::to_owned);
                        if let Some(r) = run(route, &req) {
                            check_against_document(&doc, route, &r)
                                .unwrap_or_else(|e| panic!("{req:?}: {e}"));
                            errors += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(errors > 10_000, "{errors}");
}

/// Runs `tests/openapi_validate.py` on the document and the observed bodies.
fn python_validate(doc: &Value, observed: &Value) -> Option<std::process::Output> {
    // One directory per call: tests run in parallel threads of one process.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("oauth-errors-openapi-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc_path = dir.join("doc.json");
    let obs_path = dir.join("observed.json");
    std::fs::File::create(&doc_path).unwrap().write_all(doc.to_string().as_bytes()).unwrap();
    std::fs::File::create(&obs_path).unwrap().write_all(observed.to_string().as_bytes()).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/openapi_validate.py");
    let out = Command::new("python3").arg(script).arg(&doc_path).arg(&obs_path).output();
    let _ = std::fs::remove_dir_all(&dir);
    match out {
        Ok(out) if out.status.code() != Some(3) => Some(out),
        other => {
            let why = match other {
                Ok(out) => String::from_utf8_lossy(&out.stderr).into_owned(),
                Err(e) => e.to_string(),
            };
            assert!(
                std::env::var_os("CI").is_none(),
                "the OpenAPI validator must run in CI (.ci/run installs it): {why}"
            );
            eprintln!("SKIPPED: OpenAPI validation ({why}); `pip install openapi-spec-validator`");
            None
        }
    }
}

fn observed_bodies() -> Value {
    let mut bodies = Vec::new();
    for (route, r) in observe() {
        let Some(ct) = r.headers().get("content-type") else { continue };
        let Ok(body) = serde_json::from_slice::<Value>(r.body()) else { continue };
        bodies.push(json!({
            "path": route.path(),
            "method": route.method().as_str().to_ascii_lowercase(),
            "status": r.status().as_u16(),
            "content_type": ct.to_str().unwrap(),
            "body": body,
        }));
    }
    Value::Array(bodies)
}

#[test]
fn the_document_is_valid_openapi_and_the_bodies_match_their_schemas() {
    let doc = document();
    let observed = observed_bodies();
    assert!(observed.as_array().unwrap().len() > 40);
    let Some(out) = python_validate(&doc, &observed) else { return };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.starts_with("openapi: 0 errors"), "{stdout}");
    println!("{stdout}");
}

/// The validator is not a rubber stamp: a body outside the schema and a broken document
/// are both rejected.
#[test]
fn the_validator_rejects_a_wrong_body_and_a_broken_document() {
    let doc = document();
    let mut observed = observed_bodies();
    observed[0]["body"]["error"] = json!("not_a_documented_code");
    let Some(out) = python_validate(&doc, &observed) else { return };
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not_a_documented_code"));

    let mut broken = document();
    // A response object without its required `description` (OpenAPI 3.1 §4.8.17.1).
    broken["paths"]["/token"]["post"]["responses"]["400"]
        .as_object_mut()
        .unwrap()
        .remove("description");
    let out = python_validate(&broken, &json!([])).unwrap();
    assert_ne!(out.status.code(), Some(0));
}

#[test]
fn the_document_parses_back_as_openapi_3_1() {
    let text = example::document().to_pretty_json().unwrap();
    let parsed: utoipa::openapi::OpenApi = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap()["openapi"], "3.1.0");
    let paths: Vec<&String> = parsed.paths.paths.keys().collect();
    assert_eq!(paths, ["/api/read", "/api/write", "/authorize", "/register", "/revoke", "/token"]);
    let doc: Value = serde_json::from_str(&text).unwrap();
    let schemes = doc["components"]["securitySchemes"].as_object().unwrap();
    assert_eq!(schemes.keys().collect::<Vec<_>>(), ["Basic", "Bearer"]);
    // The security schemes quote the challenges the demo sends.
    let challenge = run(Route::ApiRead, &Req::default()).unwrap();
    let value = challenge.headers()["www-authenticate"].to_str().unwrap();
    assert!(
        schemes["Bearer"]["description"]
            .as_str()
            .unwrap()
            .contains(&format!("`WWW-Authenticate: {value}`"))
    );
    let failed = run(
        Route::Token,
        &Req::default().header("authorization", BAD_BASIC).form("grant_type=client_credentials"),
    )
    .unwrap();
    let value = failed.headers()["www-authenticate"].to_str().unwrap();
    assert!(
        schemes["Basic"]["description"]
            .as_str()
            .unwrap()
            .contains(&format!("`WWW-Authenticate: {value}`"))
    );
}

/// `/api/read` cannot answer `insufficient_scope` (every token has `read`), so its
/// document has no 403: the document is as narrow as the handler.
#[test]
fn the_read_resource_documents_no_403() {
    let doc = document();
    assert!(doc["paths"]["/api/read"]["get"]["responses"].get("403").is_none());
    assert!(doc["paths"]["/api/write"]["get"]["responses"].get("403").is_some());
}

/// The demo's own success responses keep their place next to the merged redirect errors.
#[test]
fn authorize_success_and_error_redirects_share_303() {
    let doc = document();
    let r = &doc["paths"]["/authorize"]["get"]["responses"]["303"];
    assert!(
        r["description"]
            .as_str()
            .unwrap()
            .starts_with("Redirect to the client with an authorization code")
    );
    assert_eq!(
        r["headers"]["Location"]["examples"]["invalid_request"]["value"],
        "http://127.0.0.1:9999/cb?error=invalid_request&iss=http%3A%2F%2F127.0.0.1%3A8080"
    );
}

/// Every endpoint's full code list ([`ErrorResponses::for_endpoint`]) and the RFC 9457
/// format under a contract with fixed members: the document validates, and every example
/// (the crate's own rendering) validates against the schema its format declares.
#[test]
fn every_endpoint_and_both_formats_validate() {
    use std::sync::LazyLock;

    use oauth_errors::openapi::ErrorResponses;
    use oauth_errors::{Contract, Endpoint, ErrorStatus, OAuthError, ProblemJson};
    use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
    use utoipa::openapi::{OpenApiBuilder, PathsBuilder};

    static PROBLEMS: LazyLock<Contract> = LazyLock::new(|| {
        Contract::builder()
            .format(ProblemJson::with_type_base("https://docs.example.com/errors#"))
            .status(OAuthError::InvalidRequest, ErrorStatus::UNPROCESSABLE_ENTITY)
            .member("api_version", 2u32)
            .member("trace", "abc")
            .build()
    });
    static BLANK: LazyLock<Contract> =
        LazyLock::new(|| Contract::builder().format(ProblemJson::new()).build());

    let mut paths = PathsBuilder::new();
    let mut add = |name: String, responses: ErrorResponses| {
        let op = OperationBuilder::new().responses(responses.build()).build();
        paths = std::mem::take(&mut paths).path(name, PathItem::new(HttpMethod::Post, op));
    };
    for endpoint in Endpoint::ALL {
        add(format!("/{endpoint}"), ErrorResponses::for_endpoint(endpoint));
        // Every code with every optional part: the descriptions use the relaxed text door.
        add(
            format!("/{endpoint}/rich"),
            ErrorResponses::new(endpoint).errors(endpoint.codes().map(|c| {
                c.with_description(
                    oauth_errors::text::ErrorText::unicode("Something \"quoted\" and ünicode")
                        .unwrap(),
                )
                .with_uri("https://docs.example.com/e")
                .with_member("extra", 1u32)
                .at(endpoint)
            })),
        );
        add(
            format!("/{endpoint}/problem"),
            ErrorResponses::new(endpoint)
                .contract(&PROBLEMS)
                .codes(OAuthError::KNOWN.iter().cloned()),
        );
        add(
            format!("/{endpoint}/blank"),
            ErrorResponses::new(endpoint).contract(&BLANK).codes(endpoint.codes()),
        );
    }
    let doc = OpenApiBuilder::new().paths(paths.build()).build();
    let doc = serde_json::to_value(&doc).unwrap();
    let problem = &doc["paths"]["/api/problem"]["post"]["responses"]["422"]["content"]["application/problem+json"];
    assert_eq!(
        problem["schema"]["required"],
        json!(["type", "title", "status", "error", "api_version", "trace"])
    );
    assert_eq!(problem["examples"]["invalid_request"]["value"]["api_version"], 2);
    let Some(out) = python_validate(&doc, &json!([])) else { return };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    println!("{stdout}");
}

/// The schemas the formats declare survive utoipa's schema model unchanged: nothing in
/// the document is lost on the way from the crate to utoipa.
#[test]
fn format_schemas_survive_utoipa() {
    use oauth_errors::openapi::body_schema;
    use oauth_errors::{
        BodyFormat, Endpoint, MemberName, MemberValue, OAuthError, OAuthJson, ProblemJson,
        SchemaContext,
    };

    let members = [(MemberName::from("api_version"), MemberValue::from("v2"))];
    let codes = [OAuthError::InvalidToken, OAuthError::from_code("acme_quota").unwrap()];
    let ctx =
        SchemaContext::new(http::StatusCode::UNAUTHORIZED, Endpoint::Resource, &codes, &members);
    let formats: [&dyn BodyFormat; 3] =
        [&OAuthJson, &ProblemJson::new(), &ProblemJson::with_type_base("https://e.example/#")];
    for format in formats {
        let declared = format.json_schema(&ctx).unwrap();
        let through = serde_json::to_value(body_schema(format, &ctx).unwrap()).unwrap();
        assert_eq!(through, declared);
    }
    let declared = OAuthJson.json_schema(&ctx).unwrap();
    assert_eq!(declared["properties"]["error"]["enum"], json!(["invalid_token", "acme_quota"]));
    assert!(
        declared["properties"]["error"]["description"]
            .as_str()
            .unwrap()
            .contains("* `acme_quota`: An extension error code not known to this crate.")
    );
}

#[path = "../examples/shared/tour.rs"]
mod tour;

/// The demo's tour (the curl lines both demo servers print, one per error it can send):
/// every stop at a documented operation answers with an error documented for it.
#[test]
fn every_tour_stop_is_documented() {
    let doc = document();
    let mut checked = 0;
    for stop in tour::stops() {
        let (path, query) = match stop.target.split_once('?') {
            Some((p, q)) => (p, Some(q.to_owned())),
            None => (stop.target.as_str(), None),
        };
        let Some(route) = Route::from_path(path).filter(|r| r.method().as_str() == stop.method)
        else {
            continue; // the 404 and 405 answer requests outside the documented operations
        };
        let mut req = Req { query, ..Req::default() };
        match stop.basic {
            Some((_, secret)) if secret == scenario::CLIENT_SECRET => req = req.basic(),
            Some(_) => req = req.header("authorization", BAD_BASIC),
            None => {}
        }
        for header in &stop.headers {
            let (name, value) = header.split_once(": ").unwrap();
            let name: &'static str = Box::leak(name.to_ascii_lowercase().into_boxed_str());
            req = req.header(name, value);
        }
        match &stop.body {
            Some(tour::Body::Form(fields)) => req = req.form(&fields.join("&")),
            Some(tour::Body::Json(document)) => req = req.json(document),
            None => {}
        }
        let r = run(route, &req).unwrap();
        assert_eq!(code_of(&r).as_deref(), stop.shows, "{}", stop.target);
        check_against_document(&doc, route, &r).unwrap();
        checked += 1;
    }
    assert!(checked >= 20, "{checked}");
}
