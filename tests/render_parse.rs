//! Render, then read back as a client: for every variant (and an extension code) × every
//! endpoint × every body format (RFC 6749 JSON, RFC 9457 with `about:blank`, RFC 9457
//! with a type base) × every response mode (a direct response; a query, fragment or
//! `form_post` authorization response), the value read back equals the value rendered,
//! and rendering it again gives the same bytes.
//!
//! "Equal" is `ErrorResponse`'s `PartialEq`: code, description, URI, members, state,
//! `Retry-After` (where the status carries it), DPoP nonce, challenges, client
//! authentication, endpoint. What the renderer adds on its own is expected back: the
//! challenge it synthesises for a 401 or for a code challenged at the endpoint
//! (`CodeInfo::challenged_at`: `Bearer`, or `DPoP` for the DPoP codes).

use std::sync::LazyLock;

use http::{Method, StatusCode};
use oauth_errors::authorize::{
    AuthorizationError, Issuer, ResponseMode, State, verify_redirect_uri,
};
use oauth_errors::parse::{Callback, Dialect, ExpectedRedirect, ResponseReader};
use oauth_errors::text::ErrorText;
use oauth_errors::{
    Challenge, ClientAuth, Contract, DpopNonce, Endpoint, ErrorResponse, OAuthError, ProblemJson,
};

static PROBLEM: LazyLock<Contract> =
    LazyLock::new(|| Contract::builder().format(ProblemJson::new()).build());
static PROBLEM_TYPED: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder()
        .format(ProblemJson::with_type_base("https://docs.example.com/errors#"))
        .build()
});

fn formats() -> [(&'static str, Option<&'static Contract>); 3] {
    [
        ("oauth_json", None),
        ("problem_json", Some(&PROBLEM)),
        ("problem_json_typed", Some(&PROBLEM_TYPED)),
    ]
}

fn codes() -> Vec<OAuthError> {
    let mut all = OAuthError::KNOWN.to_vec();
    all.push(OAuthError::from_code("acme_quota_exceeded").unwrap());
    all
}

fn description() -> ErrorText {
    ErrorText::unicode("Échec « précis » pour l'appel").unwrap()
}

/// The error a server renders for `code` at `endpoint`, with every part that survives a
/// response; `retry_after` only when asked (it is sent with 429 and 503 only).
fn rich(code: &OAuthError, endpoint: Endpoint, retry_after: bool) -> ErrorResponse {
    let mut err = ErrorResponse::new(code.clone())
        .with_description(description())
        .with_uri("https://docs.example.com/errors#x")
        .with_member("request_id", "r-1")
        .with_member("limits", serde_json::json!({"per_minute": 60}));
    if *code == OAuthError::UseDpopNonce {
        err = err.with_dpop_nonce(DpopNonce::new("eyJ7S_zG.eyJH0-Z.HX4w-7v").unwrap());
    }
    if *code == OAuthError::InvalidClient && endpoint.authenticates_clients() {
        err = err.with_client_auth(ClientAuth::basic("demo"));
    }
    if *code == OAuthError::MethodNotAllowed {
        err = err.with_allow([Method::GET, Method::POST]);
    }
    if retry_after {
        err = err.with_retry_after(30u64);
    }
    err
}

fn with_contract(err: ErrorResponse, contract: Option<&'static Contract>) -> ErrorResponse {
    match contract {
        Some(c) => err.with_contract(c),
        None => err,
    }
}

#[test]
fn direct_responses_read_back_equal() {
    let mut checked = 0;
    for code in codes() {
        for endpoint in Endpoint::ALL {
            for (format, contract) in formats() {
                let what = format!("{code} at {endpoint} as {format}");
                let sent = with_contract(rich(&code, endpoint, true), contract);
                let r = sent.to_response(endpoint);
                let status = r.status();
                let parsed = ResponseReader::new()
                    .endpoint(endpoint)
                    .read_response(&r)
                    .unwrap_or_else(|| panic!("{what}: not read as an error"));

                let carries_retry = matches!(status.as_u16(), 429 | 503);
                let mut expected = rich(&code, endpoint, carries_retry).at(endpoint);
                let client_challenge =
                    code == OAuthError::InvalidClient && endpoint.authenticates_clients();
                let synthesised =
                    status == StatusCode::UNAUTHORIZED || code.info().challenged_at(endpoint);
                if synthesised && !client_challenge {
                    let c = if code.info().is_dpop_error() {
                        Challenge::dpop()
                    } else {
                        Challenge::bearer()
                    };
                    expected = expected.with_challenge(c);
                }
                assert_eq!(parsed, expected, "{what}");
                assert_eq!(parsed.received_status(), Some(status), "{what}");
                assert_eq!(parsed.received_code(), Some(code.as_str()), "{what}");
                let dialect =
                    if contract.is_some() { Dialect::ProblemJson } else { Dialect::Rfc6749 };
                assert_eq!(parsed.dialect(), Some(dialect), "{what}");
                assert_eq!(parsed.raw_body(), None, "{what}");

                // Rendering what was read gives the same response.
                let again = with_contract(parsed, contract).to_response(endpoint);
                assert_eq!(again.status(), status, "{what}");
                assert_eq!(again.headers(), r.headers(), "{what}");
                assert_eq!(again.body(), r.body(), "{what}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 70 * 10 * 3);
}

const REGISTERED: &str = "https://client.example.com/cb?tenant=7";
const STATE: &str = r#"s?t#a "t" e&=1"#;
const ISS: &str = "https://as.example.com";

/// The `form_post` page's hidden inputs as the browser POSTs them.
fn form_post_body(html: &str) -> String {
    let mut out = String::new();
    for line in html.lines().filter(|l| l.starts_with("<input type=\"hidden\"")) {
        let attr = |name: &str| {
            let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            let end = start + line[start..].find('"').unwrap();
            line[start..end]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        };
        if !out.is_empty() {
            out.push('&');
        }
        for (i, part) in [attr("name"), attr("value")].iter().enumerate() {
            if i == 1 {
                out.push('=');
            }
            for b in part.bytes() {
                match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        out.push(char::from(b))
                    }
                    _ => out.push_str(&format!("%{b:02X}")),
                }
            }
        }
    }
    out
}

#[test]
fn authorization_responses_read_back_equal() {
    let uri = verify_redirect_uri(None, &[REGISTERED]).unwrap();
    let issuer: Issuer = ISS.parse().unwrap();
    let expected_redirect = ExpectedRedirect::new(Some(STATE)).require_issuer(ISS);
    let mut checked = 0;
    for code in codes() {
        let sent = ErrorResponse::new(code.clone())
            .with_description(description())
            .with_uri("https://docs.example.com/errors#x");
        for mode in [ResponseMode::Query, ResponseMode::Fragment, ResponseMode::FormPost] {
            let what = format!("{code} in {mode:?}");
            let a = AuthorizationError::new(sent.clone(), uri.clone())
                .state(State::new(STATE).unwrap())
                .issuer(issuer.clone())
                .mode(mode);
            let r = a.to_response();
            let reader = ResponseReader::new().endpoint(Endpoint::Authorization);
            if !a.redirects() {
                // Never redirected: a direct 400, without `state` (not a redirect parameter).
                assert_eq!(r.status(), 400, "{what}");
                let parsed = reader.read_response(&r).unwrap();
                assert_eq!(parsed, sent.clone().at(Endpoint::Authorization), "{what}");
                checked += 1;
                continue;
            }
            let with_state = sent.clone().with_state(State::new(STATE).unwrap());
            let received = match mode {
                ResponseMode::FormPost => {
                    assert_eq!(r.status(), 200, "{what}");
                    // The page itself is a success response to the browser.
                    assert_eq!(reader.read_response(&r), None, "{what}");
                    let html = String::from_utf8(r.body().to_vec()).unwrap();
                    expected_redirect.read_form_post(form_post_body(&html).as_bytes())
                }
                _ => {
                    let location = r.headers()["location"].to_str().unwrap().to_owned();
                    // As a 303 response…
                    let parsed = reader.read_response(&r).unwrap_or_else(|| panic!("{what}"));
                    assert_eq!(parsed, with_state.clone().at(Endpoint::Authorization), "{what}");
                    assert_eq!(parsed.received_iss(), Some(ISS), "{what}");
                    assert_eq!(parsed.dialect(), Some(Dialect::Redirect), "{what}");
                    assert_eq!(parsed.received_status(), Some(StatusCode::SEE_OTHER), "{what}");
                    // …and as the URI the browser comes back to.
                    expected_redirect.read(&location)
                }
            };
            match received {
                Ok(Callback::Error(err)) => {
                    assert_eq!(err, with_state, "{what}");
                    assert_eq!(err.received_iss(), Some(ISS), "{what}");
                }
                other => panic!("{what}: {other:?}"),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 70 * 3);
}
