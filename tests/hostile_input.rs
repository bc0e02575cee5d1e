//! Deterministic hostile input: header smuggling, quotes, backslashes, NUL, non-ASCII,
//! 200 KB strings and invalid UTF-8, through every lossy door and every endpoint.
//!
//! Invariants checked for every combination:
//! * rendering never panics;
//! * the status is the table's (4xx/5xx), whatever the strings;
//! * no header value contains CR, LF or NUL, and every value is visible ASCII;
//! * exactly the expected headers are present;
//! * the body is valid JSON with the sanitised values;
//! * the internal cause never reaches the wire, but `Debug` and `source()` show it.

use std::collections::BTreeMap;
use std::error::Error as StdError;
use std::fmt;
use std::sync::LazyLock;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Response};
use oauth_errors::authorize::{
    AuthorizationError, RedirectUriError, ResponseMode, State, UriError, verify_redirect_uri,
};
use oauth_errors::text::{ErrorText, ErrorUri};
use oauth_errors::{
    Challenge, ClientAuth, Contract, DpopNonce, Endpoint, ErrorResponse, ErrorStatus, MemberName,
    OAuthError, ProblemJson, ResultExt, RetryAfter, Scheme, Scope, parse_challenges,
};

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

const SECRET: &str = "SECRET-db-password-hunter2";

/// An internal error whose `Display` and `Debug` both carry a secret.
struct Secret;

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "connection failed: {SECRET}")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({SECRET:?})")
    }
}

impl StdError for Secret {}

fn hostile_strings() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        "\r\nSet-Cookie: session=stolen",
        "\r\n\r\n<html><script>alert(1)</script>",
        "line\rbreak\nhere\r",
        "\"quoted\" and \\back\\slash\\",
        "\", Basic realm=\"evil\", error=\"x",
        "x\"; error=\"access_denied",
        "nul\0byte\0",
        "\u{e9}\u{6f22}\u{1F600}\u{2028}\u{2029}\u{202e}\u{2066}\u{85}\u{feff}",
        "\x1b[31mred\x1b[0m\x7f\t\x0b\x0c",
        "%0D%0ASet-Cookie:%20x",
        "{\"error\":\"injected\"}",
        "</script><img src=x onerror=alert(1)>&amp;",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    // Invalid UTF-8, as a str API sees it after lossy decoding.
    v.push(String::from_utf8_lossy(b"\xff\xfe\xc3(bad\x80utf8\xed\xa0\x80").into_owned());
    // 200 KB strings.
    v.push("\r\n".repeat(100_000));
    v.push("\"".repeat(200_000));
    v.push("\u{e9}".repeat(100_000));
    v.push("a\r\n\"\\\u{e9}\u{1F600}\0 ".repeat(200_000 / 13 + 1)); // 13 bytes each
    assert!(v[v.len() - 4..].iter().all(|s| s.len() >= 199_000));
    v
}

static PROBLEM: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder()
        .format(ProblemJson::with_type_base("https://docs.example/\r\n\"errors\"\\#"))
        .member("api\r\nversion", "v2\r\nX-Evil: 1")
        .pragma_no_cache(false)
        .build()
});

/// Whether `invalid_client` follows the 401-with-challenge-or-400 rule here (RFC 6749 §5.2).
fn client_auth_rule(code: &OAuthError, ep: Endpoint) -> bool {
    *code == OAuthError::InvalidClient && ep.authenticates_clients()
}

/// The status the table gives `code` at `ep` (before any override).
fn table_status(code: &OAuthError, auth: &ClientAuth, ep: Endpoint) -> u16 {
    if client_auth_rule(code, ep) {
        if auth.used_header() { 401 } else { 400 }
    } else {
        code.status_at(ep)
    }
}

fn all_codes() -> Vec<OAuthError> {
    let mut c = OAuthError::KNOWN.to_vec();
    c.push(OAuthError::from_code("x_vendor_error").unwrap());
    c
}

fn assert_header_values_safe(headers: &HeaderMap, ctx: &str) {
    for (name, v) in headers {
        let b = v.as_bytes();
        assert!(
            !b.iter().any(|&c| c == b'\r' || c == b'\n' || c == 0),
            "{ctx}: {name} contains CR/LF/NUL"
        );
        assert!(v.to_str().is_ok(), "{ctx}: {name} is not visible ASCII: {v:?}");
        assert!(!String::from_utf8_lossy(b).contains(SECRET), "{ctx}: secret in {name}");
    }
}

fn header_counts(headers: &HeaderMap) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for name in headers.keys() {
        m.insert(name.as_str().to_owned(), headers.get_all(name).iter().count());
    }
    m
}

// ---------------------------------------------------------------------------------------
// Every code × every endpoint × every hostile string × every shape
// ---------------------------------------------------------------------------------------

/// One way of dressing an error up.
struct Shape {
    name: &'static str,
    challenges: Vec<Challenge>,
    auth: ClientAuth,
    nonce: Option<DpopNonce>,
    status: Option<ErrorStatus>,
    contract: Option<&'static Contract>,
}

fn shapes(h: &str) -> Vec<Shape> {
    let full = Challenge::bearer()
        .realm(h.to_owned())
        .scope(h)
        .acr_values(h.to_owned())
        .max_age(300)
        .algs(h.to_owned())
        .resource_metadata(h.to_owned())
        .param("x_custom", h.to_owned());
    let mut auth_headers = HeaderMap::new();
    auth_headers.insert(
        http::header::AUTHORIZATION,
        HeaderValue::from_bytes(b"\xff\xfe\x80 junk\tcreds").unwrap(),
    );
    let base = |name| Shape {
        name,
        challenges: vec![],
        auth: ClientAuth::None,
        nonce: None,
        status: None,
        contract: None,
    };
    vec![
        base("plain"),
        Shape { challenges: vec![full.clone()], ..base("bearer challenge") },
        Shape {
            challenges: vec![
                full.clone(),
                Challenge::dpop().realm(h.to_owned()).informational(),
                Challenge::basic(h.to_owned()).charset_utf8(),
            ],
            ..base("three challenges")
        },
        Shape {
            auth: ClientAuth::from_headers(&auth_headers, h.to_owned()),
            nonce: Some(DpopNonce::new("n-0S6_WzA2Mj").unwrap()),
            ..base("header client auth + nonce")
        },
        Shape { auth: ClientAuth::basic(h.to_owned()), ..base("basic client auth") },
        Shape { status: Some(ErrorStatus::SERVICE_UNAVAILABLE), ..base("503 override") },
        Shape {
            contract: Some(&*PROBLEM),
            challenges: vec![full],
            ..base("problem+json contract")
        },
    ]
}

/// The member value used in the matrix: members are copied exactly, so a 200 KB one only
/// makes every body 200 KB larger; its first 4 KB exercise the same escaping (the whole
/// string is carried by `bodies_of_hostile_errors_parse_back`).
fn member_text(h: &str) -> &str {
    let mut end = h.len().min(4096);
    while !h.is_char_boundary(end) {
        end -= 1;
    }
    &h[..end]
}

fn build(code: &OAuthError, h: &str, shape: &Shape) -> ErrorResponse {
    let mut e = ErrorResponse::new(code.clone())
        .with_description(h)
        .with_uri(h)
        .with_member(MemberName::lossy(h), member_text(h))
        .with_member("hostile", member_text(h).to_owned())
        .with_retry_after(RetryAfter::Seconds(30))
        .with_cause(Secret)
        .with_client_auth(shape.auth.clone());
    for c in &shape.challenges {
        e = e.with_challenge(c.clone());
    }
    if let Some(n) = &shape.nonce {
        e = e.with_dpop_nonce(n.clone());
    }
    if let Some(s) = shape.status {
        e = e.with_status(s);
    }
    if let Some(c) = shape.contract {
        e = e.with_contract(c);
    }
    e
}

/// The sanitised forms of one hostile string, computed once (members keep it as is).
struct Expected {
    raw: String,
    desc: ErrorText,
    uri: ErrorUri,
    name: MemberName,
}

impl Expected {
    fn of(h: &str) -> Self {
        Expected {
            raw: member_text(h).to_owned(),
            desc: ErrorText::lossy(h),
            uri: ErrorUri::lossy(h),
            name: MemberName::lossy(h),
        }
    }
}

fn check_response(
    err: &ErrorResponse,
    r: &Response<Bytes>,
    x: &Expected,
    shape: &Shape,
    ep: Endpoint,
    ctx: &str,
) {
    let code = err.code();
    // Status: the table's, or the explicit override; never changed by a string.
    // A header-authenticated client's 401 `invalid_client` beats any override
    // (RFC 6749 §5.2); otherwise an explicit status wins over the table.
    let header_client = client_auth_rule(code, ep) && shape.auth.used_header();
    let chosen = match shape.status {
        Some(s) if !header_client => s.as_u16(),
        _ => table_status(code, &shape.auth, ep),
    };
    assert!((400..=599).contains(&chosen), "{ctx}: table status {chosen}");
    // An own challenge makes a 400 a 401, unless the code is answered with a challenge
    // at this endpoint anyway (RFC 6750 §3.1: 400 / 403 at a resource); with any other
    // status it is not sent.
    let challenged = code.info().challenged_at(ep);
    let own_challenges = !shape.challenges.is_empty() && !header_client;
    let expected = if own_challenges && !challenged && chosen == 400 { 401 } else { chosen };
    let own_sent = own_challenges && (expected == 401 || challenged);
    assert_eq!(r.status().as_u16(), expected, "{ctx}: status");
    let bare = ErrorResponse::new(code.clone()).with_client_auth(shape.auth.clone());
    let bare = match shape.status {
        Some(s) => bare.with_status(s),
        None => bare,
    };
    let bare = shape.challenges.iter().fold(bare, |e, c| e.with_challenge(c.clone()));
    assert_eq!(r.status(), bare.resolve_status(ep), "{ctx}: strings changed the status");
    assert_eq!(r.status(), err.resolve_status(ep));

    // Headers: exactly the expected set.
    let headers = r.headers();
    assert_header_values_safe(headers, ctx);
    let problem = shape.contract.is_some();
    let mut want: BTreeMap<String, usize> = BTreeMap::new();
    want.insert("content-type".into(), 1);
    want.insert("cache-control".into(), 1);
    if !problem {
        want.insert("pragma".into(), 1);
    }
    // The client's scheme first for a 401 `invalid_client`, then own challenges; else one
    // for every 401 and wherever the table says the code is challenged (RFC 6750 §3,
    // RFC 9110 §11.6.1).
    let challenges = if header_client {
        1 + shape.challenges.len()
    } else if own_sent {
        shape.challenges.len()
    } else {
        usize::from(expected == 401 || challenged)
    };
    if challenges > 0 {
        want.insert("www-authenticate".into(), challenges);
    }
    if matches!(expected, 413 | 429 | 503) {
        want.insert("retry-after".into(), 1);
    }
    if shape.nonce.is_some() {
        want.insert("dpop-nonce".into(), 1);
    }
    if expected == 405 {
        // RFC 9110 §15.5.6: every 405 has `Allow`.
        want.insert("allow".into(), 1);
    }
    assert_eq!(header_counts(headers), want, "{ctx}: header set");
    assert_eq!(
        headers["content-type"],
        if problem { "application/problem+json" } else { "application/json" },
        "{ctx}"
    );
    assert_eq!(headers["cache-control"], "no-store");
    if let Some(v) = headers.get("retry-after") {
        assert_eq!(v, "30");
    }
    if expected == 401 {
        assert!(headers.contains_key("www-authenticate"), "{ctx}: 401 without a challenge");
    }
    // Every challenge parses back, with the error where it belongs: parameters are capped
    // at 1024 characters, so every challenge the crate writes fits the parser's 64 KiB.
    let values: Vec<&[u8]> =
        headers.get_all("www-authenticate").iter().map(HeaderValue::as_bytes).collect();
    let parsed = parse_challenges(values.iter().copied())
        .unwrap_or_else(|e| panic!("{ctx}: own challenge does not parse: {e}"));
    assert_eq!(parsed.len(), values.len(), "{ctx}: one challenge per field line");
    for p in &parsed {
        if let Some(e) = p.param("error") {
            assert_eq!(e, code.as_str(), "{ctx}");
        }
        if let Some(realm) = p.param("realm") {
            assert!(realm.bytes().all(|b| (0x20..0x7F).contains(&b)), "{ctx}: realm {realm:?}");
        }
    }

    // Body: valid JSON carrying the sanitised values and no secret.
    let body = r.body();
    assert!(!String::from_utf8_lossy(body).contains(SECRET), "{ctx}: secret in body");
    let v: serde_json::Value =
        serde_json::from_slice(body).unwrap_or_else(|e| panic!("{ctx}: body is not JSON: {e}"));
    let obj = v.as_object().unwrap_or_else(|| panic!("{ctx}: body is not an object"));
    assert_eq!(obj["error"], code.as_str(), "{ctx}");
    let desc = &x.desc;
    let desc_key = if problem { "detail" } else { "error_description" };
    if desc.is_empty() {
        assert!(!obj.contains_key(desc_key), "{ctx}");
    } else {
        assert_eq!(obj[desc_key], desc.as_str(), "{ctx}");
    }
    let uri = &x.uri;
    if uri.as_str().is_empty() {
        assert!(!obj.contains_key("error_uri"), "{ctx}");
    } else {
        assert_eq!(obj["error_uri"], uri.as_str(), "{ctx}");
    }
    // Members are carried exactly (JSON-escaped); an empty one is absent, like an empty
    // description.
    for key in ["hostile", x.name.as_str()] {
        if x.raw.is_empty() {
            assert!(!obj.contains_key(key), "{ctx}");
        } else {
            assert_eq!(obj[key], x.raw.as_str(), "{ctx}");
        }
    }
    if problem {
        assert_eq!(obj["status"], expected, "{ctx}");
        assert_eq!(obj["api__version"], "v2\r\nX-Evil: 1", "{ctx}");
        let t = obj["type"].as_str().unwrap();
        assert_eq!(t, format!("https://docs.example/\r\n\"errors\"\\#{}", code.as_str()));
    }
    // Strict text, and members escaped: no raw control bytes in the body at all.
    assert!(!body.iter().any(|&b| b < 0x20 || b == 0x7F), "{ctx}: raw control in body");
}

fn render_matrix(strings: &[String], codes: &[OAuthError]) -> usize {
    let mut renders = 0usize;
    for (hi, h) in strings.iter().enumerate() {
        let x = Expected::of(h);
        for shape in shapes(h) {
            for code in codes {
                let err = build(code, h, &shape);
                for ep in Endpoint::ALL {
                    let ctx = format!("string #{hi}, {}, {code:?} at {ep}", shape.name);
                    let r = err.to_response(ep);
                    check_response(&err, &r, &x, &shape, ep, &ctx);
                    renders += 1;
                }
                // `response()` and `to_body()` agree with `to_response` at the
                // effective endpoint (the code's own: Resource for the resource-only
                // codes, Token otherwise).
                let r = err.response();
                assert_eq!(r.body(), &err.to_body());
                let own = code.info().default_endpoint();
                assert_eq!(r.status(), err.to_response(own).status());
            }
        }
    }
    renders
}

/// Every code × every endpoint × every shape, for the short hostile strings.
#[test]
fn every_code_endpoint_and_shape_renders_hostile_strings_safely() {
    let strings: Vec<String> = hostile_strings().into_iter().filter(|s| s.len() < 1000).collect();
    assert!(strings.len() >= 14);
    let renders = render_matrix(&strings, &all_codes());
    assert!(renders > 60_000, "{renders}");
}

/// The 200 KB strings, for one code of each status and challenge behaviour.
#[test]
fn huge_strings_render_safely_at_every_endpoint() {
    let strings: Vec<String> = hostile_strings().into_iter().filter(|s| s.len() >= 1000).collect();
    assert_eq!(strings.len(), 4);
    let codes = [
        OAuthError::InvalidRequest,         // 400, resource access error
        OAuthError::InvalidClient,          // 400/401 by client authentication
        OAuthError::InvalidToken,           // 401
        OAuthError::InsufficientScope,      // 403, resource access error
        OAuthError::UseDpopNonce,           // 400, 401 at a resource (DPoP)
        OAuthError::AccessDenied,           // 403 at CIBA
        OAuthError::NotFound,               // 404
        OAuthError::MethodNotAllowed,       // 405
        OAuthError::TooManyRequests,        // 429 + Retry-After
        OAuthError::ServerError,            // 500
        OAuthError::TemporarilyUnavailable, // 503 + Retry-After
        OAuthError::from_code("x_vendor_error").unwrap(),
    ];
    let renders = render_matrix(&strings, &codes);
    assert_eq!(renders, 4 * 7 * codes.len() * Endpoint::ALL.len());
}

#[test]
fn bodies_of_hostile_errors_parse_back() {
    for h in hostile_strings() {
        let err = OAuthError::InvalidRequest
            .with_description(h.as_str())
            .with_uri(h.as_str())
            .with_member("hostile", h.as_str())
            .with_cause(Secret);
        let body = err.to_body();
        if body.len() > oauth_errors::parse::MAX_BODY_LEN {
            // A 200 KB member is sent whole; a reader refuses the body, never cuts it.
            assert!(h.len() > 64_000);
            let got = ErrorResponse::from_json(&body);
            assert_eq!(got, Err(oauth_errors::parse::ParseError::TooLarge(body.len())));
            continue;
        }
        let back = ErrorResponse::from_json(&body).unwrap();
        assert_eq!(back, err); // PartialEq ignores the cause
        assert_eq!(
            back.member("hostile").and_then(|v| v.as_str()),
            (!h.is_empty()).then_some(h.as_str())
        );
        assert!(back.cause().is_none());
    }
}

// ---------------------------------------------------------------------------------------
// The internal cause
// ---------------------------------------------------------------------------------------

#[test]
fn cause_is_logged_but_never_sent() {
    let errs = [
        OAuthError::ServerError.with_cause(Secret),
        ErrorResponse::new(OAuthError::InvalidGrant)
            .with_description("code expired")
            .with_boxed_cause(Box::new(Secret)),
        Err::<(), _>(Secret).or_oauth(OAuthError::InvalidClient).unwrap_err(),
        Err::<(), _>(Secret).or_oauth_with(OAuthError::InvalidToken, "bad token").unwrap_err(),
        OAuthError::InvalidToken
            .with_challenge(Challenge::bearer().realm("r"))
            .with_cause(Secret)
            .with_member("m", "v"),
        PROBLEM.error(OAuthError::TemporarilyUnavailable).with_cause(Secret),
    ];
    for err in errs {
        // Logged:
        let debug = format!("{err:?}");
        assert!(debug.contains(SECRET), "{debug}");
        assert!(format!("{err:#?}").contains(SECRET));
        let source = StdError::source(&err).expect("source");
        assert!(source.to_string().contains(SECRET));
        assert!(err.cause().unwrap().to_string().contains(SECRET));
        // Never sent:
        assert!(!err.to_string().contains(SECRET), "Display: {err}");
        assert!(!String::from_utf8_lossy(&err.to_body()).contains(SECRET));
        assert!(!serde_json::to_string(&err).unwrap().contains(SECRET));
        for ep in Endpoint::ALL {
            let r = err.to_response(ep);
            assert!(!String::from_utf8_lossy(r.body()).contains(SECRET));
            assert_header_values_safe(r.headers(), &format!("{err} at {ep}"));
        }
        // Clones share the cause; equality ignores it.
        let clone = err.clone();
        assert!(format!("{clone:?}").contains(SECRET));
        let without = ErrorResponse::from_json(&err.to_body()).unwrap();
        assert!(without.cause().is_none());
        assert!(!format!("{without:?}").contains(SECRET));
    }
}

#[test]
fn cause_never_reaches_authorization_redirects() {
    let uri =
        verify_redirect_uri(Some("https://client.example/cb"), &["https://client.example/cb"])
            .unwrap();
    for mode in [ResponseMode::Query, ResponseMode::Fragment, ResponseMode::FormPost] {
        let a = AuthorizationError::new(OAuthError::AccessDenied.with_cause(Secret), uri.clone())
            .mode(mode);
        let r = a.to_response();
        assert_header_values_safe(r.headers(), "authorize");
        assert!(!String::from_utf8_lossy(r.body()).contains(SECRET));
        assert!(!a.form_post_html().contains(SECRET));
        assert!(a.location().is_none_or(|l| !l.contains(SECRET)));
    }
}

// ---------------------------------------------------------------------------------------
// Authorization endpoint
// ---------------------------------------------------------------------------------------

#[test]
fn hostile_authorization_redirects_stay_safe_and_round_trip() {
    let registered = ["https://client.example/cb?tenant=7"];
    let uri = verify_redirect_uri(Some(registered[0]), &registered).unwrap();
    let state = State::new(r#"<script>"&'\ %0D%0A#?="#).unwrap();
    for h in hostile_strings() {
        let err = OAuthError::AccessDenied
            .with_description(h.as_str())
            .with_uri(h.as_str())
            .with_member("never_sent", h.as_str());
        let desc = ErrorText::lossy(&h);
        let euri = ErrorUri::lossy(&h);
        for mode in [ResponseMode::Query, ResponseMode::Fragment, ResponseMode::FormPost] {
            let a = AuthorizationError::new(err.clone(), uri.clone())
                .mode(mode)
                .state(state.clone())
                .issuer("https://as.example".parse().unwrap());
            let r = a.to_response();
            assert_header_values_safe(r.headers(), "authorize");
            let names: Vec<_> = r.headers().keys().map(|k| k.as_str().to_owned()).collect();
            match mode {
                ResponseMode::FormPost => {
                    assert_eq!(r.status(), 200);
                    assert_eq!(names, ["content-type", "cache-control", "pragma"]);
                    let html = a.form_post_html();
                    assert_eq!(r.body(), html.as_bytes());
                    assert!(!html.contains("<script>"));
                    assert!(html.contains("&lt;script&gt;&quot;&amp;&#39;\\ %0D%0A#?="));
                    assert!(!html.contains("never_sent"));
                }
                _ => {
                    assert_eq!(r.status(), 303);
                    assert_eq!(names, ["location", "cache-control", "pragma"]);
                    let loc = r.headers()["location"].to_str().unwrap();
                    assert_eq!(a.location().as_deref(), Some(loc));
                    assert!(loc.starts_with(registered[0]));
                    assert!(!loc.contains("never_sent"));
                    let (back, iss) = ErrorResponse::from_redirect(loc).unwrap();
                    assert_eq!(back.code(), &OAuthError::AccessDenied);
                    assert_eq!(back.description(), (!desc.is_empty()).then_some(&desc));
                    let back_uri = back.uri().map(ErrorUri::as_str);
                    assert_eq!(back_uri, (!euri.as_str().is_empty()).then_some(euri.as_str()));
                    assert_eq!(back.state(), Some(&state));
                    assert_eq!(iss.as_deref(), Some("https://as.example"));
                }
            }
        }
    }
}

#[test]
fn hostile_redirect_uris_are_refused_not_redirected() {
    let registered = ["https://client.example/cb"];
    let cases = [
        "https://client.example/cb\r\nSet-Cookie: x",
        "https://client.example/cb\0",
        "https://client.example/c b",
        "https://client.example/cb\"",
        "https://client.example/cb<x>",
        "https://client.example/\u{e9}",
        "//client.example/cb",
    ];
    for req in cases {
        assert_eq!(
            verify_redirect_uri(Some(req), &registered),
            Err(RedirectUriError::Invalid(UriError::NotAbsolute)),
            "{req:?}"
        );
    }
    for req in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x"] {
        assert_eq!(
            verify_redirect_uri(Some(req), &registered),
            Err(RedirectUriError::Invalid(UriError::UnsupportedScheme)),
            "{req:?}"
        );
    }
    assert_eq!(
        verify_redirect_uri(Some("https://client.example/cb#x"), &registered),
        Err(RedirectUriError::Invalid(UriError::Fragment))
    );
    let long = format!("https://client.example/{}", "a".repeat(200_000));
    assert_eq!(
        verify_redirect_uri(Some(&long), &registered),
        Err(RedirectUriError::Invalid(UriError::TooLong))
    );
    let err = verify_redirect_uri(Some(cases[0]), &registered).unwrap_err().to_error();
    let r = err.response();
    assert_eq!(r.status(), 400);
    assert!(r.headers().get("location").is_none());
    assert_header_values_safe(r.headers(), "refused redirect");
}

#[test]
fn hostile_redirect_parameters_are_read_safely() {
    let cases = [
        "https://c/cb?error=invalid_request&error_description=%0D%0ASet-Cookie:%20x&state=%0D%0A",
        "https://c/cb?error=access_denied&error_description=%22q%22+%5C+%E2%80%A8&state=%22ok%22",
        "https://c/cb?error=access_denied&error_description=%FF%FE&error_uri=%20x%0A",
        "https://c/cb#error=access_denied&error_description=%00%00&state=%00",
        "?error=access_denied&error_description=%&error_uri=%%&state=%4",
    ];
    for loc in cases {
        let (err, _) = ErrorResponse::from_redirect(loc).unwrap();
        if let Some(d) = err.description() {
            assert!(!d.as_str().contains(['\r', '\n', '\0', '\u{2028}']), "{loc}: {d:?}");
        }
        if let Some(s) = err.state() {
            assert!(State::new(s.as_str().to_owned()).is_ok());
        }
        for ep in Endpoint::ALL {
            let r = err.to_response(ep);
            assert_header_values_safe(r.headers(), loc);
            serde_json::from_slice::<serde_json::Value>(r.body()).unwrap();
        }
    }
    // Exact results for the first three.
    let (e, _) = ErrorResponse::from_redirect(cases[0]).unwrap();
    assert_eq!(e.description().unwrap().as_str(), "  Set-Cookie: x");
    assert_eq!(e.state(), None);
    let (e, _) = ErrorResponse::from_redirect(cases[1]).unwrap();
    // U+2028 fails the relaxed policy, so the whole value takes the lossy path.
    assert_eq!(e.description().unwrap().as_str(), "'q' / ?");
    assert!(e.description().unwrap().is_strict());
    assert_eq!(e.state().unwrap().as_str(), "\"ok\"");
    let (e, _) = ErrorResponse::from_redirect(cases[2]).unwrap();
    assert_eq!(e.description().unwrap().as_str(), "\u{fffd}\u{fffd}");
    assert!(!e.description().unwrap().is_strict());
    assert_eq!(e.uri().unwrap().as_str(), "%20x%0A");
    // A code outside the charset is refused.
    for bad in ["?error=a%0Ab", "?error=%22", "?error=", "?error_description=x"] {
        assert!(ErrorResponse::from_redirect(bad).is_err(), "{bad}");
    }
    let huge = format!("?error=x&state={}", "a".repeat(70_000));
    assert!(ErrorResponse::from_redirect(&huge).is_err());
}

// ---------------------------------------------------------------------------------------
// Byte-level parsers
// ---------------------------------------------------------------------------------------

#[test]
fn from_json_hostile_bodies() {
    use oauth_errors::parse::{MAX_BODY_LEN, ParseError};
    // Invalid UTF-8, NUL, truncated, huge.
    let not_json: Vec<Vec<u8>> = vec![
        b"\xff\xfe{\"error\":\"x\"}".to_vec(),
        b"{\"error\":\"\xff\"}".to_vec(),
        b"{\"error\":\"x\0\"}".to_vec(),
        b"{\"error\":\"x\"".to_vec(),
        b"{\"error\":\"x\",\"m\":\"\\u12\"}".to_vec(),
        b"{\"error\":\"x\",\"m\":\"\\ud800\\u\"}".to_vec(),
    ];
    for b in &not_json {
        assert!(matches!(ErrorResponse::from_json(b), Err(ParseError::Json(_))), "{b:?}");
    }
    // Deep nesting: valid JSON, so an array is "not an object", and a member nested too
    // deeply to be held is dropped alone.
    let deep_array = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    assert_eq!(ErrorResponse::from_json(deep_array.as_bytes()), Err(ParseError::NotAnObject));
    let deep_member =
        format!("{{\"error\":\"x\",\"m\":{}1{},\"n\":1}}", "[".repeat(5000), "]".repeat(5000));
    let err = ErrorResponse::from_json(deep_member.as_bytes()).unwrap();
    assert_eq!(err.to_body().as_ref(), br#"{"error":"x","n":1}"#);
    // A lone surrogate in the description reads as U+FFFD.
    let err = ErrorResponse::from_json(br#"{"error":"x","error_description":"\ud800"}"#).unwrap();
    assert_eq!(err.description().unwrap().as_str(), "\u{fffd}");
    let huge = vec![b' '; 200_000];
    assert_eq!(ErrorResponse::from_json(&huge), Err(ParseError::TooLarge(200_000)));
    let max = format!("{{\"error\":\"x\"}}{}", " ".repeat(MAX_BODY_LEN - 13));
    assert_eq!(max.len(), MAX_BODY_LEN);
    assert!(ErrorResponse::from_json(max.as_bytes()).is_ok());
    assert_eq!(ErrorResponse::from_json(b"[]"), Err(ParseError::NotAnObject));
    assert_eq!(ErrorResponse::from_json(b"{}"), Err(ParseError::MissingError));
    assert_eq!(ErrorResponse::from_json(br#"{"error":1}"#), Err(ParseError::MissingError));
    assert!(matches!(
        ErrorResponse::from_json(br#"{"error":"a\r\nb"}"#),
        Err(ParseError::InvalidCode(_))
    ));

    // Escaped hostile text inside valid JSON: the RFC 6749 members are made safe, extra
    // members are kept exactly and only ever written JSON-escaped into the body.
    let body = br#"{"error":"invalid_request","error_description":"a\r\nSet-Cookie: x\u0000\u2028\"","error_uri":"https://x/\r\n","a\r\nb":"v\r\nSet-Cookie: y","error_human_title":"caf\u00e9 \"q\""}"#;
    let err = ErrorResponse::from_json(body).unwrap();
    assert_eq!(err.description().unwrap().as_str(), "a  Set-Cookie: x ?'");
    assert_eq!(err.uri().unwrap().as_str(), "https://x/%0D%0A");
    let names: Vec<_> = err.members().iter().map(|(n, _)| n.as_str().to_owned()).collect();
    assert_eq!(names, ["a__b", "error_human_title"]);
    assert_eq!(err.member("a__b").unwrap().as_str(), Some("v\r\nSet-Cookie: y"));
    assert_eq!(err.member("error_human_title").unwrap().as_str(), Some("caf\u{e9} \"q\""));
    for ep in Endpoint::ALL {
        let r = err.to_response(ep);
        assert_header_values_safe(r.headers(), "parsed hostile json");
        for v in r.headers().values() {
            assert!(!v.to_str().unwrap().contains("Set-Cookie: y"), "{ep}: member in a header");
        }
        let json: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
        assert_eq!(json["a__b"], "v\r\nSet-Cookie: y");
        assert!(!r.body().windows(2).any(|w| w == b"\r\n"), "raw CR/LF in the body");
    }
}

#[test]
fn parse_challenges_hostile_bytes() {
    let cases: Vec<Vec<u8>> = vec![
        b"Bearer realm=\"\xff\xfe\"".to_vec(),
        b"\xff\xfe".to_vec(),
        b"Bearer realm=\"a\r\nb\"".to_vec(),
        b"Bearer realm=\"a\0b\"".to_vec(),
        b"Bearer realm=\"unterminated".to_vec(),
        b"Bearer realm=\"a\\".to_vec(),
        b"Bearer realm=\"a\\\n\"".to_vec(),
        b"Bearer realm=".to_vec(),
        b"Bearer ,,,, ,".to_vec(),
        b"=x".to_vec(),
        b",,,".to_vec(),
        b"Bearer\x00".to_vec(),
        b"Bearer realm=\"x\" error=\"y\"".to_vec(),
        "Bearer realm=\"x\", ".repeat(900).into_bytes(),
        vec![b'"'; 20_000],
        format!("Bearer realm=\"{}\"", "\\\"".repeat(8000)).into_bytes(),
    ];
    for b in &cases {
        let r = parse_challenges([b]);
        if let Ok(cs) = r {
            for c in cs {
                let _ = c.to_error();
                if let Some(ch) = c.to_challenge() {
                    let v = ch.to_header_value(None);
                    assert!(v.to_str().is_ok());
                }
            }
        }
    }
    // Obs-text in a quoted-string is accepted and decoded lossily; re-rendering
    // sanitises it.
    let cs = parse_challenges([b"Bearer realm=\"\xff\xfe\"".as_slice()]).unwrap();
    assert_eq!(cs[0].param("realm"), Some("\u{fffd}\u{fffd}"));
    assert_eq!(cs[0].to_challenge().unwrap().get_realm(), Some("??"));
    // CR/LF and NUL inside a quoted-string are refused.
    for b in [&cases[2], &cases[3], &cases[6]] {
        assert!(parse_challenges([b]).is_err(), "{b:?}");
    }
    // Over 64 KiB.
    let big = vec![b'a'; 64 * 1024 + 1];
    assert!(parse_challenges([&big]).is_err());
}

#[test]
fn parse_challenges_refuses_duplicate_parameters() {
    use oauth_errors::ChallengeParseError;
    // RFC 9110 §11.2: "each parameter name MUST only occur once per challenge". A second
    // `resource_metadata` must not be silently ignored (nor silently preferred).
    let v = r#"Bearer resource_metadata="https://rs.example/m", resource_metadata="https://evil.example/m""#;
    assert_eq!(
        parse_challenges([v]),
        Err(ChallengeParseError::DuplicateParameter {
            offset: 49,
            name: "resource_metadata".to_owned()
        })
    );
    assert_eq!(
        parse_challenges([v]).unwrap_err().to_string(),
        "WWW-Authenticate parameter \"resource_metadata\" occurs twice in one challenge (byte 49)"
    );
    // Names compare case-insensitively; token and quoted-string values alike; even equal
    // values; the duplicate may follow empty list elements.
    for (v, offset, name) in [
        (r#"Bearer error="invalid_token", ERROR="insufficient_scope""#, 30, "error"),
        (r#"Bearer realm=a, Realm="a""#, 16, "realm"),
        (r#"Bearer realm="a", , ,realm="a""#, 21, "realm"),
        (r#"DPoP algs="ES256", error=x, Algs=PS256"#, 28, "algs"),
        (r#"Newauth x=1, y=2, X=3"#, 18, "x"),
        // In the second challenge of a list.
        (r#"Basic realm="a", Bearer scope=read, scope=write"#, 36, "scope"),
    ] {
        assert_eq!(
            parse_challenges([v]),
            Err(ChallengeParseError::DuplicateParameter { offset, name: name.to_owned() }),
            "{v}"
        );
    }
    // One bad field line refuses the whole header: the caller cannot tell which
    // challenge the server meant.
    assert!(parse_challenges([r#"Basic realm="a""#, r#"Bearer realm=a, realm=b"#]).is_err());

    // The same name in different challenges is fine, as are names that merely share a
    // prefix.
    let cs = parse_challenges([
        r#"Bearer realm="a", error="invalid_token", DPoP realm="a", error="invalid_token""#,
        r#"Bearer realm="b", realm_hint="c", error_uri="https://d", error="e""#,
    ])
    .unwrap();
    assert_eq!(cs.len(), 3);
    assert_eq!(cs[0].param("realm"), Some("a"));
    assert_eq!(cs[1].param("realm"), Some("a"));
    assert_eq!(
        cs[2].params,
        [
            ("realm".to_owned(), "b".to_owned()),
            ("realm_hint".to_owned(), "c".to_owned()),
            ("error_uri".to_owned(), "https://d".to_owned()),
            ("error".to_owned(), "e".to_owned()),
        ]
    );
}

#[test]
fn parse_challenges_accepts_empty_list_elements() {
    // RFC 9110 §5.6.1.2: recipients accept empty list elements wherever the grammar is a
    // list: between challenges (`#challenge`) and between auth-params (`#auth-param`),
    // the first of which may come right after the scheme.
    let bearer = |params: &[(&str, &str)]| ParsedChallengeView {
        scheme: "Bearer".to_owned(),
        params: params.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect(),
    };
    let realm_x = bearer(&[("realm", "x")]);
    for v in [
        r#"Bearer , realm="x""#,
        r#"Bearer ,realm="x""#,
        r#"Bearer , , realm="x""#,
        "Bearer ,\t,realm=\"x\"",
        r#"Bearer realm="x","#,
        r#"Bearer realm="x" , , "#,
        r#", Bearer realm="x""#,
        r#" , ,Bearer , realm="x" ,"#,
    ] {
        let cs = parse_challenges([v]).unwrap_or_else(|e| panic!("{v:?}: {e}"));
        assert_eq!(views(&cs), std::slice::from_ref(&realm_x), "{v:?}");
    }
    let cs = parse_challenges([
        r#"Bearer , realm="x", , scope="read", , DPoP , algs="ES256",, , Basic , realm="b""#,
    ])
    .unwrap();
    assert_eq!(
        views(&cs),
        [
            bearer(&[("realm", "x"), ("scope", "read")]),
            ParsedChallengeView {
                scheme: "DPoP".to_owned(),
                params: vec![("algs".to_owned(), "ES256".to_owned())]
            },
            ParsedChallengeView {
                scheme: "Basic".to_owned(),
                params: vec![("realm".to_owned(), "b".to_owned())]
            },
        ]
    );
    // After empty elements, a token not followed by `=` starts the next challenge.
    let cs = parse_challenges([r#"Basic , , Bearer realm="x""#]).unwrap();
    assert_eq!(
        views(&cs),
        [ParsedChallengeView { scheme: "Basic".to_owned(), params: vec![] }, realm_x.clone()]
    );
    // The grammar still holds elsewhere: a parameter needs a scheme with a space before
    // it, and a value after `=`.
    for bad in [r#"Bearer, realm="x""#, r#"realm="x""#, r#"Bearer , realm="#, r#"Bearer , =x"#] {
        assert!(parse_challenges([bad]).is_err(), "{bad:?}");
    }
}

/// A parsed challenge without its token68, for comparisons.
#[derive(Debug, Clone, PartialEq)]
struct ParsedChallengeView {
    scheme: String,
    params: Vec<(String, String)>,
}

fn views(cs: &[oauth_errors::ParsedChallenge]) -> Vec<ParsedChallengeView> {
    cs.iter()
        .map(|c| {
            assert_eq!(c.token68, None);
            ParsedChallengeView { scheme: c.scheme.clone(), params: c.params.clone() }
        })
        .collect()
}

#[test]
fn parse_challenges_with_many_distinct_parameters_is_linear() {
    // The duplicate check must not make a 64 KiB value of distinct names quadratic.
    let mut v = String::from("Bearer ");
    let mut i = 0;
    while v.len() < 64 * 1024 - 16 {
        v.push_str(&format!("p{i}=x, "));
        i += 1;
    }
    let start = std::time::Instant::now();
    let cs = parse_challenges([v.as_bytes()]).unwrap();
    let elapsed = start.elapsed();
    assert_eq!(cs.len(), 1);
    assert_eq!(cs[0].params.len(), i);
    assert!(elapsed < std::time::Duration::from_secs(2), "{elapsed:?} for {i} parameters");
}

#[test]
fn client_auth_from_hostile_authorization_headers() {
    let values: Vec<HeaderValue> = vec![
        HeaderValue::from_bytes(b"\xff\xfe\x80 x").unwrap(),
        HeaderValue::from_static("Bearer\tabc"),
        HeaderValue::from_static("\"Basic\" x"),
        HeaderValue::from_static(""),
        HeaderValue::from_static("DPoP eyJ"),
        HeaderValue::from_str(&"x".repeat(100)).unwrap(),
    ];
    let expected =
        [Scheme::Basic, Scheme::Basic, Scheme::Basic, Scheme::Basic, Scheme::DPoP, Scheme::Basic];
    for (v, want) in values.into_iter().zip(expected) {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::AUTHORIZATION, v);
        for realm in hostile_strings() {
            let auth = ClientAuth::from_headers(&headers, realm.clone());
            let ClientAuth::Header(ch) = &auth else { panic!("{auth:?}") };
            assert_eq!(ch.scheme(), &want);
            let r = OAuthError::InvalidClient
                .with_client_auth(auth.clone())
                .to_response(Endpoint::Token);
            assert_eq!(r.status(), 401);
            assert_header_values_safe(r.headers(), "client auth");
            let www = r.headers().get_all("www-authenticate").iter().count();
            assert_eq!(www, 1);
        }
    }
}

#[test]
fn retry_after_parse_hostile() {
    for s in hostile_strings() {
        assert_eq!(RetryAfter::parse(&s), None, "{:?}", &s[..s.len().min(40)]);
    }
    // Only optional whitespace (space, tab) around the value is trimmed.
    let t =
        Some(RetryAfter::At(std::time::UNIX_EPOCH + std::time::Duration::from_secs(784_111_777)));
    assert_eq!(RetryAfter::parse(" \tSun, 06 Nov 1994 08:49:37 GMT\t "), t);
    assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT\r\n"), None);
    assert_eq!(RetryAfter::parse("\u{3000}30\u{2028}"), None);
    for s in [
        "30\r\nSet-Cookie: x",
        "Sun, 06 Nov 1994 08:49:3\u{e9}GMT",
        "Sun, 06 Nov \u{e9}994 08:49:37 GMT",
        "\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F6}",
    ] {
        assert_eq!(RetryAfter::parse(s), None, "{s:?}");
    }
}

#[test]
fn hostile_scope_and_realm_values_render_as_tokens_or_quoted_strings() {
    for h in hostile_strings() {
        let scope = Scope::lossy(&h);
        assert!(scope.as_str().is_empty() || Scope::new(scope.as_str().to_owned()).is_ok());
        let c = Challenge::bearer().realm(h.clone()).scope(h.as_str());
        let v = c.to_header_value(None);
        assert!(v.to_str().is_ok());
        let parsed = parse_challenges([v.as_bytes()]).unwrap();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].scheme, "Bearer");
        assert_eq!(parsed[0].param("realm"), c.get_realm());
        // Nothing the attacker wrote becomes a parameter of its own.
        let names: Vec<_> = parsed[0].params.iter().map(|(n, _)| n.as_str()).collect();
        let expected: &[&str] =
            if scope.as_str().is_empty() { &["realm"] } else { &["realm", "scope"] };
        assert_eq!(names, expected);
    }
}

#[test]
fn json_string_members_are_carried_exactly() {
    // A `serde_json::Value::String` member is kept exactly, like a parsed string member;
    // control characters, line separators and bidi overrides are written as `\uXXXX`
    // escapes, so the body never holds them raw and reads back to the same string.
    for h in hostile_strings() {
        let nested = serde_json::json!({"k": [h.clone(), null]});
        let err = OAuthError::InvalidRequest
            .with_description("d")
            .with_member("n", serde_json::Value::String(h.clone()))
            .with_member("nested", nested.clone());
        for ep in Endpoint::ALL {
            let r = err.to_response(ep);
            assert_header_values_safe(r.headers(), "json member");
            assert!(!r.body().iter().any(|&b| b < 0x20 || b == 0x7F), "raw control byte in body");
            let text = std::str::from_utf8(r.body()).unwrap();
            assert!(!text.contains(['\u{85}', '\u{2028}', '\u{2029}', '\u{202e}', '\u{2066}']));
            let v: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
            if h.is_empty() {
                assert!(v.get("n").is_none(), "an empty member is omitted");
            } else {
                assert_eq!(v["n"], h.as_str());
            }
            assert_eq!(v["nested"], nested);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Demonstrated bugs
// ---------------------------------------------------------------------------------------

#[test]
fn other_schemes_are_validated_tokens() {
    // `Scheme::Other` holds a `SchemeName` only `Scheme::new` can make, so a scheme can
    // never inject a second challenge or a header line.
    for bad in ["A, Basic", "Evil\r\n", "Evil\r\nSet-Cookie: x", "", "a b", "Bearer\""] {
        assert!(Scheme::new(bad).is_err(), "{bad:?}");
    }
    let c = Challenge::new(Scheme::new("Negotiate").unwrap()).realm("r");
    let r = OAuthError::InvalidToken.with_challenge(c).to_response(Endpoint::Resource);
    assert_header_values_safe(r.headers(), "Scheme::Other");
    assert_eq!(r.headers()["www-authenticate"], r#"Negotiate realm="r""#);
}

#[test]
fn problem_json_members_cannot_shadow_standard_members() {
    let err = PROBLEM
        .error(OAuthError::InvalidToken)
        .with_description("real")
        .with_member("status", "200")
        .with_member("type", "https://evil.example")
        .with_member("detail", "fake");
    let r = err.to_response(Endpoint::Resource);
    let body = String::from_utf8(r.body().to_vec()).unwrap();
    for key in ["\"status\":", "\"type\":", "\"detail\":"] {
        assert_eq!(body.matches(key).count(), 1, "{key} duplicated in {body}");
    }
    let v: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
    assert_eq!(v["status"], 401);
}

#[test]
fn own_challenges_fit_the_parser_limit() {
    let h = "\"".repeat(200_000);
    let c = Challenge::bearer()
        .realm(h.clone())
        .acr_values(h.clone())
        .algs(h.clone())
        .resource_metadata(h.clone())
        .param("x_custom", h.clone());
    let r = OAuthError::InvalidToken
        .with_description(ErrorText::unicode("\"".repeat(1024)).unwrap())
        .with_uri(h.as_str())
        .with_challenge(c)
        .to_response(Endpoint::Resource);
    let v = &r.headers()["www-authenticate"];
    assert!(v.len() <= 16 * 1024, "{} bytes", v.len());
    parse_challenges([v.as_bytes()]).unwrap();
}

/// serde_json's `raw_value` feature reads an object whose first key is
/// `$serde_json::private::RawValue` as an embedded raw value. A member holding such an
/// object (keys are written sorted, so `$` comes first) must still read back as written
/// (a fuzzing finding: `fuzz/regressions/response/raw_value_token_key_in_member.txt`).
#[test]
fn a_member_with_serde_json_raw_value_token_key_reads_back() {
    let body = br#"{"error":"invalid_request","x":{"message":"m","$serde_json::private::RawValue":"A1"},"y":[{"$serde_json::private::RawValue":1}]}"#;
    let err = ErrorResponse::from_json(body).expect("an error");
    assert_eq!(
        err.member("x").map(|v| v.to_json()),
        Some(serde_json::json!({"message": "m", "$serde_json::private::RawValue": "A1"}))
    );
    let rendered = err.to_body();
    assert_eq!(
        rendered.as_ref(),
        br#"{"error":"invalid_request","x":{"$serde_json::private::RawValue":"A1","message":"m"},"y":[{"$serde_json::private::RawValue":1}]}"#
    );
    let again = ErrorResponse::from_json(&rendered).expect("reads back");
    assert_eq!(again, err);
    let whole = ErrorResponse::from_http_parts(
        http::StatusCode::BAD_REQUEST,
        &http::HeaderMap::new(),
        &rendered,
    )
    .expect("an error");
    assert_eq!(whole.members(), err.members());
    let via_serde: ErrorResponse = serde_json::from_slice(&rendered).expect("serde reads it");
    assert_eq!(via_serde, err);
}
