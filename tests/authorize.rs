//! Authorization-endpoint errors: redirect-URI verification, query / fragment /
//! `form_post` rendering, response modes, redirect statuses, `state` and `iss`.
//!
//! Every rendering test pins the exact bytes: the status, every header, and the full
//! `Location` or the full HTML body.

use bytes::Bytes;
use http::Response;
use oauth_errors::authorize::{
    AuthorizationError, Issuer, MAX_STATE_LEN, RedirectStatus, RedirectUriError, ResponseMode,
    ResponseModeError, State, UriError, VerifiedRedirectUri, verify_redirect_uri,
};
use oauth_errors::text::{ErrorText, ErrorUri, TextError};
use oauth_errors::{Contract, ErrorResponse, OAuthError, error_text, error_uri};
use proptest::prelude::*;

#[path = "support/proptest_config.rs"]
mod proptest_config;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Every header of a response as sorted `(name, value)` pairs.
fn header_list(r: &Response<Bytes>) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = r
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().expect("ASCII header").to_owned()))
        .collect();
    v.sort();
    v
}

/// Asserts the response has exactly these headers (any order, no others).
fn assert_headers(r: &Response<Bytes>, expected: &[(&str, &str)]) {
    let mut e: Vec<(String, String)> =
        expected.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect();
    e.sort();
    assert_eq!(header_list(r), e);
}

/// Asserts an exact redirect: status, exactly `Location` + `Cache-Control: no-store` +
/// `Pragma: no-cache`, empty body.
fn assert_redirect(r: &Response<Bytes>, status: u16, location: &str) {
    assert_eq!(r.status().as_u16(), status);
    assert_headers(
        r,
        &[("location", location), ("cache-control", "no-store"), ("pragma", "no-cache")],
    );
    assert!(r.body().is_empty(), "redirect body must be empty: {:?}", r.body());
}

/// Asserts an exact direct JSON error: status, exactly `Content-Type: application/json` +
/// `Cache-Control: no-store` + `Pragma: no-cache`, and the body.
fn assert_direct_json(r: &Response<Bytes>, status: u16, body: &str) {
    assert_eq!(r.status().as_u16(), status);
    assert_headers(
        r,
        &[
            ("content-type", "application/json"),
            ("cache-control", "no-store"),
            ("pragma", "no-cache"),
        ],
    );
    assert_eq!(std::str::from_utf8(r.body()).expect("UTF-8 body"), body);
}

/// Asserts an exact `form_post` page: 200, exactly the HTML content type + no-store +
/// no-cache, and the body.
fn assert_form_post(r: &Response<Bytes>, html: &str) {
    assert_eq!(r.status().as_u16(), 200);
    assert_headers(
        r,
        &[
            ("content-type", "text/html;charset=utf-8"),
            ("cache-control", "no-store"),
            ("pragma", "no-cache"),
        ],
    );
    assert_eq!(std::str::from_utf8(r.body()).expect("UTF-8 body"), html);
}

/// A verified URI registered as exactly itself.
fn verified(uri: &str) -> VerifiedRedirectUri {
    verify_redirect_uri(Some(uri), &[uri]).expect("valid redirect URI")
}

fn location(r: &Response<Bytes>) -> &str {
    r.headers()["location"].to_str().expect("ASCII Location")
}

/// Undoes the five HTML escapes the crate applies (`&amp;` last).
fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The `action` of the form (unescaped) and every hidden input `(name, value)`
/// (unescaped), in document order.
fn form_fields(html: &str) -> (String, Vec<(String, String)>) {
    let action_start = html.find("action=\"").expect("action attribute") + "action=\"".len();
    let action_len = html[action_start..].find('"').expect("end of action");
    let action = html_unescape(&html[action_start..action_start + action_len]);
    let mut fields = Vec::new();
    let mut rest = html;
    const INPUT: &str = "<input type=\"hidden\" name=\"";
    while let Some(i) = rest.find(INPUT) {
        rest = &rest[i + INPUT.len()..];
        let name_end = rest.find('"').expect("end of name");
        let name = rest[..name_end].to_owned();
        rest = &rest[name_end..];
        let value_start = rest.strip_prefix("\" value=\"").expect("value attribute");
        let value_end = value_start.find('"').expect("end of value");
        let value = html_unescape(&value_start[..value_end]);
        assert!(value_start[value_end..].starts_with("\"/>\n"), "input not closed right");
        fields.push((name, value));
        rest = &value_start[value_end..];
    }
    (action, fields)
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
}

/// Every VSCHAR (`%x20-7E`), in order.
fn all_vschars() -> String {
    (0x20u8..=0x7E).map(char::from).collect()
}

const CB: &str = "https://client.example.com/cb";

const FORM_POST_PREFIX: &str = "<!DOCTYPE html>\n\
<html><head><meta charset=\"utf-8\"><title>Submit This Form</title></head>\n\
<body onload=\"document.forms[0].submit()\">\n";
const FORM_POST_SUFFIX: &str =
    "<noscript><button type=\"submit\">Continue</button></noscript>\n</form>\n</body></html>\n";

// ---------------------------------------------------------------------------------------
// verify_redirect_uri
// ---------------------------------------------------------------------------------------

#[test]
fn exact_match_is_verified_and_kept_verbatim() {
    let registered = ["https://other.example/cb", "https://client.example.com/cb?tenant=7"];
    let uri = verify_redirect_uri(Some("https://client.example.com/cb?tenant=7"), &registered)
        .expect("registered");
    assert_eq!(uri.as_str(), "https://client.example.com/cb?tenant=7");
    assert_eq!(uri.to_string(), "https://client.example.com/cb?tenant=7");

    // `String` and `&str` registrations both work.
    let owned_reg = vec![CB.to_owned()];
    assert_eq!(verify_redirect_uri(Some(CB), &owned_reg).expect("registered").as_str(), CB);
}

#[test]
fn loopback_ipv4_port_may_differ_but_path_must_match() {
    let registered = ["http://127.0.0.1:9999/cb"];
    for req in ["http://127.0.0.1:9999/cb", "http://127.0.0.1:4321/cb", "http://127.0.0.1/cb"] {
        let uri = verify_redirect_uri(Some(req), &registered).expect(req);
        // The URI actually requested (with its port) is the redirect target.
        assert_eq!(uri.as_str(), req);
    }
    // Registered without a port: any port is accepted.
    let uri = verify_redirect_uri(Some("http://127.0.0.1:51004/cb"), &["http://127.0.0.1/cb"])
        .expect("portless registration");
    assert_eq!(uri.as_str(), "http://127.0.0.1:51004/cb");

    for req in [
        "http://127.0.0.1:4321/cb2",
        "http://127.0.0.1:4321/cb/",
        "http://127.0.0.1:4321/CB",
        "http://127.0.0.1:4321/cb?x=1",
        "http://127.0.0.1:4321/",
        "http://127.0.0.1:4321",
        "http://127.0.0.1:4321/cb/../cb",
    ] {
        assert_eq!(
            verify_redirect_uri(Some(req), &registered),
            Err(RedirectUriError::NotRegistered),
            "{req}"
        );
    }
}

#[test]
fn loopback_ipv6_port_may_differ_but_path_must_match() {
    let registered = ["http://[::1]:8080/callback"];
    for req in
        ["http://[::1]:8080/callback", "http://[::1]:61000/callback", "http://[::1]/callback"]
    {
        assert_eq!(verify_redirect_uri(Some(req), &registered).expect(req).as_str(), req);
    }
    for req in ["http://[::1]:61000/callback/", "http://[::1]:61000/other", "http://[::1]:61000"] {
        assert_eq!(
            verify_redirect_uri(Some(req), &registered),
            Err(RedirectUriError::NotRegistered),
            "{req}"
        );
    }
    // IPv4 and IPv6 loopback are different hosts.
    assert_eq!(
        verify_redirect_uri(Some("http://127.0.0.1:8080/callback"), &registered),
        Err(RedirectUriError::NotRegistered)
    );
}

#[test]
fn no_port_variance_except_http_loopback_literals() {
    let cases: [(&str, &str); 8] = [
        // localhost is not a loopback IP literal (RFC 8252 §8.3).
        ("http://localhost:8080/cb", "http://localhost:9090/cb"),
        ("http://localhost/cb", "http://localhost:9090/cb"),
        // https loopback: exact match only.
        ("https://127.0.0.1:8080/cb", "https://127.0.0.1:9090/cb"),
        ("https://[::1]:8080/cb", "https://[::1]:9090/cb"),
        // Other hosts.
        ("https://client.example.com:8443/cb", "https://client.example.com:9443/cb"),
        ("http://client.example.com:8080/cb", "http://client.example.com:8081/cb"),
        ("http://127.0.0.2:8080/cb", "http://127.0.0.2:9090/cb"),
        // Host-name tricks built on the loopback prefix.
        ("http://127.0.0.1:8080/cb", "http://127.0.0.1.evil.example/cb"),
    ];
    for (reg, req) in cases {
        assert_eq!(
            verify_redirect_uri(Some(req), &[reg]),
            Err(RedirectUriError::NotRegistered),
            "registered {reg}, requested {req}"
        );
    }
    // Userinfo is refused outright (RFC 9110 §4.2.4), so this trick is not even a candidate.
    assert_eq!(
        verify_redirect_uri(
            Some("http://127.0.0.1:1@evil.example/cb"),
            &["http://127.0.0.1:8080/cb"]
        ),
        Err(RedirectUriError::Invalid(UriError::NotAbsolute))
    );
    assert_eq!(
        verify_redirect_uri(Some("http://127.0.0.10:8080/cb"), &["http://127.0.0.1:8080/cb"]),
        Err(RedirectUriError::NotRegistered)
    );
}

#[test]
fn loopback_port_variance_needs_the_port_to_end_at_a_path_or_query() {
    // Registered with and without a path or query; the exception covers the port only.
    let cases: [(&str, &str); 6] = [
        ("http://127.0.0.1:8080", "http://127.0.0.1:1234"),
        ("http://127.0.0.1", "http://127.0.0.1:65535"),
        ("http://127.0.0.1:8080?x=1", "http://127.0.0.1:1234?x=1"),
        ("http://127.0.0.1:8080/cb?x=1", "http://127.0.0.1/cb?x=1"),
        ("http://[::1]:8080", "http://[::1]:1"),
        ("http://[::1]?x=1", "http://[::1]:1234?x=1"),
    ];
    for (reg, req) in cases {
        assert_eq!(verify_redirect_uri(Some(req), &[reg]).expect(req).as_str(), req, "{reg}");
    }
    let refused: [(&str, &str, RedirectUriError); 8] = [
        // Not a port: the host continues.
        ("http://127.0.0.1:8080/cb", "http://127.0.0.1.nip.io/cb", RedirectUriError::NotRegistered),
        (
            "http://127.0.0.1/cb",
            "http://127.0.0.1.evil.example:80/cb",
            RedirectUriError::NotRegistered,
        ),
        (
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080x",
            RedirectUriError::Invalid(UriError::NotAbsolute),
        ),
        // Path, query and scheme must match exactly.
        ("http://127.0.0.1:8080?x=1", "http://127.0.0.1:1234?x=2", RedirectUriError::NotRegistered),
        ("http://127.0.0.1:8080", "http://127.0.0.1:1234/", RedirectUriError::NotRegistered),
        ("http://127.0.0.1:8080/cb", "HTTP://127.0.0.1:1234/cb", RedirectUriError::NotRegistered),
        // A port beyond 65535 is not a port.
        (
            "http://127.0.0.1/cb",
            "http://127.0.0.1:65536/cb",
            RedirectUriError::Invalid(UriError::NotAbsolute),
        ),
        (
            "http://[::1]/cb",
            "http://[::1]:99999/cb",
            RedirectUriError::Invalid(UriError::NotAbsolute),
        ),
    ];
    for (reg, req, why) in refused {
        assert_eq!(verify_redirect_uri(Some(req), &[reg]), Err(why), "{reg} / {req}");
    }
    // `localhost` (NOT RECOMMENDED, RFC 8252 §8.3) verifies on exact match only.
    let localhost = "http://localhost:8080/cb";
    assert_eq!(verify_redirect_uri(Some(localhost), &[localhost]).unwrap().as_str(), localhost);
    assert_eq!(
        verify_redirect_uri(Some("http://localhost:9090/cb"), &[localhost]),
        Err(RedirectUriError::NotRegistered)
    );
    // The redirect goes to the port requested.
    let uri = verify_redirect_uri(Some("http://[::1]:61000/cb"), &["http://[::1]/cb"]).unwrap();
    assert_redirect(
        &AuthorizationError::new(OAuthError::AccessDenied, uri).to_response(),
        303,
        "http://[::1]:61000/cb?error=access_denied",
    );
}

#[test]
fn omitted_redirect_uri_needs_exactly_one_registration() {
    let one = ["https://client.example.com/cb?tenant=7"];
    assert_eq!(
        verify_redirect_uri(None, &one).expect("single registration").as_str(),
        "https://client.example.com/cb?tenant=7"
    );
    let none: [&str; 0] = [];
    assert_eq!(verify_redirect_uri(None, &none), Err(RedirectUriError::Missing));
    let two = ["https://client.example.com/cb", "https://client.example.com/cb2"];
    assert_eq!(verify_redirect_uri(None, &two), Err(RedirectUriError::Missing));

    // A single registration that is itself malformed is still not a redirect target.
    assert_eq!(
        verify_redirect_uri(None, &["https://client.example.com/cb#frag"]),
        Err(RedirectUriError::Invalid(UriError::Fragment))
    );
    assert_eq!(
        verify_redirect_uri(None, &["/cb"]),
        Err(RedirectUriError::Invalid(UriError::NotAbsolute))
    );
}

#[test]
fn unregistered_uri_is_rejected() {
    let registered = [CB];
    assert_eq!(
        verify_redirect_uri(Some("https://evil.example/cb"), &registered),
        Err(RedirectUriError::NotRegistered)
    );
    let none: [&str; 0] = [];
    assert_eq!(verify_redirect_uri(Some(CB), &none), Err(RedirectUriError::NotRegistered));
}

#[test]
fn malformed_uris_are_invalid_even_when_registered() {
    let long_ok = format!("https://client.example.com/{}", "a".repeat(2048 - 27));
    assert_eq!(long_ok.len(), 2048);
    assert_eq!(
        verify_redirect_uri(Some(&long_ok), &[&long_ok]).expect("2048 bytes").as_str(),
        long_ok
    );
    let too_long = format!("{long_ok}b");

    let cases: Vec<(String, UriError)> = vec![
        ("https://client.example.com/cb#frag".into(), UriError::Fragment),
        ("https://client.example.com/cb#".into(), UriError::Fragment),
        ("/cb".into(), UriError::NotAbsolute),
        ("cb".into(), UriError::NotAbsolute),
        ("//client.example.com/cb".into(), UriError::NotAbsolute),
        (" ".into(), UriError::NotAbsolute),
        ("http://".into(), UriError::NotAbsolute),
        ("https:".into(), UriError::NotAbsolute),
        ("https:/client.example.com/cb".into(), UriError::NotAbsolute),
        ("1com.example.app:/cb".into(), UriError::NotAbsolute),
        (":/cb".into(), UriError::NotAbsolute),
        ("com.example.app:".into(), UriError::NotAbsolute),
        ("javascript:alert(1)".into(), UriError::UnsupportedScheme),
        ("javascript://client.example.com/%0Aalert(1)".into(), UriError::UnsupportedScheme),
        ("data:text/html,alert(1)".into(), UriError::UnsupportedScheme),
        ("data:text/html,<script>alert(1)</script>".into(), UriError::NotAbsolute),
        ("ftp://client.example.com/cb".into(), UriError::UnsupportedScheme),
        ("com.example.app:/cb#x".into(), UriError::Fragment),
        // host = IP-literal / IPv4address / reg-name (RFC 3986 §3.2.2).
        ("http://127.0.0.1:8080:9/cb".into(), UriError::NotAbsolute),
        ("https://client.example.com::443/cb".into(), UriError::NotAbsolute),
        ("https://client[1].example.com/cb".into(), UriError::NotAbsolute),
        ("https://client.example.com]/cb".into(), UriError::NotAbsolute),
        ("http://[::1/cb".into(), UriError::NotAbsolute),
        ("http://[]/cb".into(), UriError::NotAbsolute),
        ("http://[127.0.0.1]/cb".into(), UriError::NotAbsolute),
        ("http://[::1]8080/cb".into(), UriError::NotAbsolute),
        ("http://[fe80::1%25en0]/cb".into(), UriError::NotAbsolute),
        ("https://client.example.com/cb\r\nSet-Cookie: a=b".into(), UriError::NotAbsolute),
        ("https://client.example.com/cb\n".into(), UriError::NotAbsolute),
        ("https://client.example.com/c b".into(), UriError::NotAbsolute),
        (" https://client.example.com/cb".into(), UriError::NotAbsolute),
        ("https://client.example.com/cb\t".into(), UriError::NotAbsolute),
        ("https://client.example.com/caf\u{e9}".into(), UriError::NotAbsolute),
        ("https://client.example.com/\"".into(), UriError::NotAbsolute),
        ("https://client.example.com/<x>".into(), UriError::NotAbsolute),
        ("https://client.example.com/a\\b".into(), UriError::NotAbsolute),
        (too_long, UriError::TooLong),
    ];
    for (uri, why) in cases {
        // Rejected whether or not it is (mis)registered verbatim.
        assert_eq!(
            verify_redirect_uri(Some(&uri), &[uri.as_str()]),
            Err(RedirectUriError::Invalid(why.clone())),
            "{uri:?}"
        );
        assert_eq!(
            verify_redirect_uri(Some(&uri), &[CB]),
            Err(RedirectUriError::Invalid(why)),
            "{uri:?}"
        );
    }
}

#[test]
fn empty_redirect_uri_is_treated_as_omitted() {
    // RFC 6749 §3.1: "Parameters sent without a value MUST be treated as if they were
    // omitted from the request" — for `redirect_uri=` exactly as for `response_mode=`.
    let one = [CB];
    assert_eq!(verify_redirect_uri(Some(""), &one), verify_redirect_uri(None, &one));
    assert_eq!(verify_redirect_uri(Some(""), &one).expect("single registration").as_str(), CB);
    let two = [CB, "https://client.example.com/cb2"];
    assert_eq!(verify_redirect_uri(Some(""), &two), Err(RedirectUriError::Missing));
    let none: [&str; 0] = [];
    assert_eq!(verify_redirect_uri(Some(""), &none), Err(RedirectUriError::Missing));
    // The single registration is still checked.
    assert_eq!(
        verify_redirect_uri(Some(""), &["https://client.example.com/cb#frag"]),
        Err(RedirectUriError::Invalid(UriError::Fragment))
    );
    assert_eq!(
        ResponseMode::from_request(Some(""), Some("code")),
        ResponseMode::from_request(None, Some("code"))
    );

    // End to end: an empty redirect_uri with one registration redirects there.
    let uri = verify_redirect_uri(Some(""), &one).unwrap();
    let mode = ResponseMode::from_request(Some(""), Some("code")).unwrap();
    let r = AuthorizationError::new(OAuthError::AccessDenied, uri)
        .mode(mode)
        .state(State::new("xyz").unwrap())
        .to_response();
    assert_redirect(&r, 303, "https://client.example.com/cb?error=access_denied&state=xyz");
    // With two registrations there is no redirect at all.
    assert_direct_json(
        &verify_redirect_uri(Some(""), &two).unwrap_err().to_error().response(),
        400,
        r#"{"error":"invalid_request","error_description":"redirect_uri is required"}"#,
    );
}

#[test]
fn private_use_scheme_uris_verify_on_exact_match() {
    // RFC 8252 §7.1: authorization servers MUST support private-use URI scheme redirects.
    for uri in [
        "com.example.app:/oauth2redirect/example-provider",
        "com.example.app:/oauth2redirect",
        "com.example.app://oauth2redirect",
        "com.example.app:oauth2redirect",
        "com.example.app:/cb?tenant=7",
        "Com.Example-App+dev.v2:/cb",
    ] {
        assert_eq!(verify_redirect_uri(Some(uri), &[uri]).expect(uri).as_str(), uri);
        assert_eq!(verify_redirect_uri(None, &[uri]).expect(uri).as_str(), uri);
    }
    // Exact match only: no case folding, no port or path variance.
    let registered = ["com.example.app:/oauth2redirect"];
    for req in [
        "com.example.app:/oauth2redirect/",
        "com.example.app://oauth2redirect",
        "COM.EXAMPLE.APP:/oauth2redirect",
        "com.example.app:/OAUTH2REDIRECT",
        "com.example.evil:/oauth2redirect",
        "com.example.app:/oauth2redirect?x=1",
    ] {
        assert_eq!(
            verify_redirect_uri(Some(req), &registered),
            Err(RedirectUriError::NotRegistered),
            "{req}"
        );
    }

    // Rendered exactly like any other redirect URI.
    let uri = verify_redirect_uri(
        Some("com.example.app:/cb?tenant=7"),
        &["com.example.app:/cb?tenant=7"],
    )
    .unwrap();
    let e = AuthorizationError::new(OAuthError::AccessDenied, uri)
        .state(State::new("s 1").unwrap())
        .issuer("https://as.example.com".parse().unwrap());
    assert_redirect(
        &e.to_response(),
        303,
        "com.example.app:/cb?tenant=7&error=access_denied&state=s+1&iss=https%3A%2F%2Fas.example.com",
    );
    assert_redirect(
        &e.clone().mode(ResponseMode::Fragment).to_response(),
        303,
        "com.example.app:/cb?tenant=7#error=access_denied&state=s+1&iss=https%3A%2F%2Fas.example.com",
    );
}

#[test]
fn script_and_single_label_schemes_are_refused_in_any_case() {
    for uri in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT://x/%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "Data:text/plain,x",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "file:///etc/passwd",
        "FILE://host/share",
        "blob:https://client.example.com/0a1b",
        "about:blank",
        "ftp://client.example.com/cb",
        "mailto:a@client.example.com",
        "myapp:/cb",
        "myapp://cb",
        "urn:ietf:wg:oauth:2.0:oob",
        // Not a reverse domain name: an empty label.
        "com..app:/cb",
        "com.:/cb",
    ] {
        assert_eq!(
            verify_redirect_uri(Some(uri), &[uri]),
            Err(RedirectUriError::Invalid(UriError::UnsupportedScheme)),
            "{uri}"
        );
        assert_eq!(
            verify_redirect_uri(None, &[uri]),
            Err(RedirectUriError::Invalid(UriError::UnsupportedScheme)),
            "{uri}"
        );
    }
    assert_direct_json(
        &verify_redirect_uri(Some("javascript:alert(1)"), &[CB]).unwrap_err().to_error().response(),
        400,
        r#"{"error":"invalid_request","error_description":"redirect_uri is invalid"}"#,
    );
    assert_eq!(UriError::UnsupportedScheme.to_string(), "URI scheme not accepted");
}

#[test]
fn registered_query_holding_a_response_parameter_is_refused() {
    use oauth_errors::authorize::RESPONSE_PARAMETERS;
    assert_eq!(
        RESPONSE_PARAMETERS,
        [
            "error",
            "error_description",
            "error_uri",
            "state",
            "iss",
            "code",
            "access_token",
            "token_type",
            "expires_in",
            "scope",
            "id_token",
        ]
    );
    // The reported case: a registered query holding `state` and `iss`.
    let bad = "https://client.example.com/cb?state=s1&iss=https%3A%2F%2Fevil.example";
    assert_eq!(
        verify_redirect_uri(Some(bad), &[bad]),
        Err(RedirectUriError::Invalid(UriError::ResponseParameter("state")))
    );
    assert_eq!(
        verify_redirect_uri(None, &[bad]),
        Err(RedirectUriError::Invalid(UriError::ResponseParameter("state")))
    );
    assert_direct_json(
        &verify_redirect_uri(None, &[bad]).unwrap_err().to_error().response(),
        400,
        r#"{"error":"invalid_request","error_description":"redirect_uri is invalid"}"#,
    );
    assert_eq!(
        UriError::ResponseParameter("iss").to_string(),
        "query already holds the authorization response parameter `iss`"
    );

    for name in RESPONSE_PARAMETERS {
        for uri in [
            format!("https://client.example.com/cb?{name}=x"),
            format!("https://client.example.com/cb?tenant=7&{name}=x"),
            format!("https://client.example.com/cb?tenant=7&{name}"),
            format!("https://client.example.com/cb?{name}="),
            format!("http://127.0.0.1:8080/cb?{name}=x"),
            format!("com.example.app:/cb?a=1&{name}=x"),
        ] {
            let want = Err(RedirectUriError::Invalid(UriError::ResponseParameter(name)));
            assert_eq!(verify_redirect_uri(Some(&uri), &[uri.as_str()]), want, "{uri}");
            assert_eq!(verify_redirect_uri(None, &[uri.as_str()]), want, "{uri}");
        }
    }
    // Names are compared after form-decoding.
    for (uri, name) in [
        ("https://client.example.com/cb?st%61te=x", "state"),
        ("https://client.example.com/cb?%69%73%73=x", "iss"),
        ("https://client.example.com/cb?error%5Furi=x", "error_uri"),
    ] {
        assert_eq!(
            verify_redirect_uri(None, &[uri]),
            Err(RedirectUriError::Invalid(UriError::ResponseParameter(name))),
            "{uri}"
        );
    }
    // A loopback request on another port is refused for the same reason.
    assert_eq!(
        verify_redirect_uri(
            Some("http://127.0.0.1:4321/cb?code=1"),
            &["http://127.0.0.1/cb?code=1"]
        ),
        Err(RedirectUriError::Invalid(UriError::ResponseParameter("code")))
    );

    // Near misses are ordinary parameters, kept and followed by the response exactly once.
    let fine = "https://client.example.com/cb?State=1&state_hint=2&xstate=3&iss%20=4&codes=5&tenant=state&a=b=state";
    let uri = verify_redirect_uri(None, &[fine]).expect("no response parameter");
    let e = AuthorizationError::new(OAuthError::AccessDenied, uri)
        .state(State::new("xyz").unwrap())
        .issuer("https://as.example.com".parse().unwrap());
    let expected = "https://client.example.com/cb?State=1&state_hint=2&xstate=3&iss%20=4&codes=5&tenant=state&a=b=state\
        &error=access_denied&state=xyz&iss=https%3A%2F%2Fas.example.com";
    let r = e.to_response();
    assert_redirect(&r, 303, expected);
    let query = &expected[expected.find('?').unwrap() + 1..];
    for name in ["error", "state", "iss"] {
        let n = query.split('&').filter(|p| p.split('=').next() == Some(name)).count();
        assert_eq!(n, 1, "{name} in {expected}");
    }
    // An `&` or `=` in the path is not a query.
    let path = "https://client.example.com/state=1&iss=2/cb";
    assert_eq!(verify_redirect_uri(None, &[path]).expect("path only").as_str(), path);
}

#[test]
fn case_and_trailing_slash_differences_are_not_registered() {
    for req in [
        "https://Client.example.com/cb",
        "HTTPS://client.example.com/cb",
        "https://CLIENT.EXAMPLE.COM/cb",
        "https://client.example.com/CB",
        "https://client.example.com/cb/",
        "https://client.example.com/cb?",
        "https://client.example.com:443/cb",
        "https://client.example.com/./cb",
        "https://client.example.com/%63b",
    ] {
        assert_eq!(
            verify_redirect_uri(Some(req), &[CB]),
            Err(RedirectUriError::NotRegistered),
            "{req}"
        );
    }
    assert_eq!(
        verify_redirect_uri(Some(CB), &["https://client.example.com/cb/"]),
        Err(RedirectUriError::NotRegistered)
    );
}

#[test]
fn redirect_uri_errors_render_a_direct_400_without_location() {
    let cases = [
        (
            RedirectUriError::Missing,
            r#"{"error":"invalid_request","error_description":"redirect_uri is required"}"#,
        ),
        (
            RedirectUriError::NotRegistered,
            r#"{"error":"invalid_request","error_description":"redirect_uri is not registered for this client"}"#,
        ),
        (
            RedirectUriError::Invalid(UriError::Fragment),
            r#"{"error":"invalid_request","error_description":"redirect_uri is invalid"}"#,
        ),
        (
            RedirectUriError::Invalid(UriError::NotAbsolute),
            r#"{"error":"invalid_request","error_description":"redirect_uri is invalid"}"#,
        ),
        (
            RedirectUriError::Invalid(UriError::TooLong),
            r#"{"error":"invalid_request","error_description":"redirect_uri is invalid"}"#,
        ),
    ];
    for (err, body) in cases {
        let e = err.to_error();
        assert_eq!(e.code(), &OAuthError::InvalidRequest);
        assert_eq!(e.endpoint(), Some(oauth_errors::Endpoint::Authorization));
        let r = e.response();
        assert_direct_json(&r, 400, body);
        assert!(r.headers().get("location").is_none());
    }

    // End to end from the verifier.
    let err = verify_redirect_uri(Some("https://evil.example/cb"), &[CB]).unwrap_err();
    assert_direct_json(
        &err.to_error().response(),
        400,
        r#"{"error":"invalid_request","error_description":"redirect_uri is not registered for this client"}"#,
    );
}

#[test]
fn redirect_uri_error_messages() {
    assert_eq!(RedirectUriError::Missing.to_string(), "redirect_uri is required");
    assert_eq!(
        RedirectUriError::NotRegistered.to_string(),
        "redirect_uri is not registered for this client"
    );
    assert_eq!(
        RedirectUriError::Invalid(UriError::Fragment).to_string(),
        "redirect_uri is invalid: must not contain a fragment"
    );
}

// ---------------------------------------------------------------------------------------
// Query mode
// ---------------------------------------------------------------------------------------

#[test]
fn query_mode_appends_with_question_mark() {
    let e = AuthorizationError::new(OAuthError::AccessDenied, verified(CB));
    assert!(e.redirects());
    assert_eq!(e.location().as_deref(), Some("https://client.example.com/cb?error=access_denied"));
    assert_redirect(&e.to_response(), 303, "https://client.example.com/cb?error=access_denied");
}

#[test]
fn query_mode_keeps_the_registered_query() {
    let e = AuthorizationError::new(
        OAuthError::AccessDenied,
        verified("https://client.example.com/cb?tenant=7&lang=en"),
    )
    .state(State::new("xyz").unwrap());
    assert_redirect(
        &e.to_response(),
        303,
        "https://client.example.com/cb?tenant=7&lang=en&error=access_denied&state=xyz",
    );
}

#[test]
fn query_mode_with_uri_ending_in_question_mark_or_ampersand() {
    let q = AuthorizationError::new(
        OAuthError::InvalidScope,
        verified("https://client.example.com/cb?"),
    );
    assert_redirect(&q.to_response(), 303, "https://client.example.com/cb?error=invalid_scope");

    let amp = AuthorizationError::new(
        OAuthError::InvalidScope,
        verified("https://client.example.com/cb?tenant=7&"),
    );
    assert_redirect(
        &amp.to_response(),
        303,
        "https://client.example.com/cb?tenant=7&error=invalid_scope",
    );

    // An `&` in the path is not a query.
    let path_amp = AuthorizationError::new(
        OAuthError::InvalidScope,
        verified("https://client.example.com/a&b"),
    );
    assert_redirect(
        &path_amp.to_response(),
        303,
        "https://client.example.com/a&b?error=invalid_scope",
    );
}

#[test]
fn query_mode_parameter_order_is_fixed_and_extras_are_not_sent() {
    let err = OAuthError::InvalidRequest
        .with_description(error_text!("The request is missing a required parameter"))
        .with_uri(error_uri!("https://docs.example.com/errors/invalid_request"))
        .with_member("error_human_title", "Missing parameter")
        .with_member("trace_id", 42u64);
    // Builder order differs from the wire order on purpose.
    let e = AuthorizationError::new(err, verified(CB))
        .issuer("https://as.example.com".parse().unwrap())
        .state(State::new("af0ifjsldkj").unwrap());
    assert_redirect(
        &e.to_response(),
        303,
        "https://client.example.com/cb?error=invalid_request\
         &error_description=The+request+is+missing+a+required+parameter\
         &error_uri=https%3A%2F%2Fdocs.example.com%2Ferrors%2Finvalid_request\
         &state=af0ifjsldkj\
         &iss=https%3A%2F%2Fas.example.com",
    );
}

#[test]
fn query_mode_form_urlencodes_every_value() {
    let description =
        ErrorText::unicode("Missing \"code\" & a=b #frag 100% 1+1 caf\u{e9} \u{20ac}").unwrap();
    assert!(!description.is_strict());
    let sent = OAuthError::InvalidRequest
        .with_description(description)
        .with_uri(ErrorUri::new("https://docs.example.com/e?x=1&y=2#invalid_request").unwrap())
        .with_state(State::new("a b&c=d#e%f+g").unwrap());
    let e = AuthorizationError::new(sent.clone(), verified(CB));
    let expected = "https://client.example.com/cb?error=invalid_request\
         &error_description=Missing+%22code%22+%26+a%3Db+%23frag+100%25+1%2B1+caf%C3%A9+%E2%82%AC\
         &error_uri=https%3A%2F%2Fdocs.example.com%2Fe%3Fx%3D1%26y%3D2%23invalid_request\
         &state=a+b%26c%3Dd%23e%25f%2Bg";
    assert_eq!(e.location().as_deref(), Some(expected));
    let r = e.to_response();
    assert_redirect(&r, 303, expected);

    // The client reads back exactly what was sent.
    let (received, iss) = ErrorResponse::from_redirect(location(&r)).unwrap();
    assert_eq!(received, sent);
    assert_eq!(iss, None);
}

#[test]
fn query_mode_lossy_description_is_sent_as_sanitised() {
    // `&str` descriptions go through the lossy door: `"` → `'`, CR/LF → space, é → `?`.
    let e = AuthorizationError::new(
        OAuthError::InvalidRequest.with_description("bad \"x\"\r\né"),
        verified(CB),
    );
    assert_redirect(
        &e.to_response(),
        303,
        "https://client.example.com/cb?error=invalid_request&error_description=bad+%27x%27++%3F",
    );
}

#[test]
fn query_mode_echoes_a_state_of_every_vschar_exactly() {
    let raw = all_vschars();
    let state = State::new(raw.clone()).unwrap();
    assert_eq!(state.as_str(), raw);
    let e = AuthorizationError::new(OAuthError::AccessDenied, verified(CB)).state(state);
    let expected = "https://client.example.com/cb?error=access_denied&state=\
        +%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40\
        ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~";
    let r = e.to_response();
    assert_redirect(&r, 303, expected);

    let (received, _) = ErrorResponse::from_redirect(location(&r)).unwrap();
    assert_eq!(received.state().map(State::as_str), Some(raw.as_str()));
    assert_eq!(&received, e.error());
}

#[test]
fn state_set_on_the_error_is_echoed_too() {
    let err = ErrorResponse::from(OAuthError::LoginRequired).with_state(State::new("s1").unwrap());
    let e = AuthorizationError::new(err, verified(CB));
    assert_eq!(e.error().state().map(State::as_str), Some("s1"));
    assert_redirect(
        &e.to_response(),
        303,
        "https://client.example.com/cb?error=login_required&state=s1",
    );

    // `.state()` on the AuthorizationError replaces it.
    let e = e.state(State::new("s2").unwrap());
    assert_eq!(e.error().state().map(State::as_str), Some("s2"));
    assert_redirect(
        &e.to_response(),
        303,
        "https://client.example.com/cb?error=login_required&state=s2",
    );
}

#[test]
fn iss_is_sent_only_when_configured() {
    let base = AuthorizationError::new(OAuthError::ConsentRequired, verified(CB));
    assert_redirect(
        &base.to_response(),
        303,
        "https://client.example.com/cb?error=consent_required",
    );

    let with_iss = base.issuer("https://as.example.com/tenants/7".parse().unwrap());
    let r = with_iss.to_response();
    assert_redirect(
        &r,
        303,
        "https://client.example.com/cb?error=consent_required&iss=https%3A%2F%2Fas.example.com%2Ftenants%2F7",
    );
    let (_, iss) = ErrorResponse::from_redirect(location(&r)).unwrap();
    assert_eq!(iss.as_deref(), Some("https://as.example.com/tenants/7"));
}

#[test]
fn redirect_status_is_303_by_default_and_302_on_request() {
    assert_eq!(RedirectStatus::default(), RedirectStatus::SeeOther);
    let e = AuthorizationError::new(OAuthError::ServerError, verified(CB));
    assert_redirect(&e.to_response(), 303, "https://client.example.com/cb?error=server_error");
    let e = e.redirect_status(RedirectStatus::Found);
    assert_redirect(&e.to_response(), 302, "https://client.example.com/cb?error=server_error");
    let e = e.redirect_status(RedirectStatus::SeeOther);
    assert_redirect(&e.to_response(), 303, "https://client.example.com/cb?error=server_error");
}

#[test]
fn redirect_status_values_map_to_exactly_303_and_302_never_307() {
    // 307 has no constructor: the only values are SeeOther and Found.
    let expected = [(RedirectStatus::SeeOther, 303u16), (RedirectStatus::Found, 302u16)];
    for (status, code) in expected {
        for mode in [ResponseMode::Query, ResponseMode::Fragment] {
            let r = AuthorizationError::new(OAuthError::AccessDenied, verified(CB))
                .mode(mode)
                .redirect_status(status)
                .to_response();
            assert_eq!(r.status().as_u16(), code, "{status:?} {mode:?}");
            assert_ne!(r.status().as_u16(), 307);
        }
    }
}

#[test]
fn server_error_and_temporarily_unavailable_redirect_instead_of_5xx() {
    // RFC 6749 §4.1.2.1: these codes exist because 500/503 cannot be redirected.
    let e = AuthorizationError::new(
        ErrorResponse::from(OAuthError::TemporarilyUnavailable).with_retry_after(30u64),
        verified(CB),
    );
    assert_redirect(
        &e.to_response(),
        303,
        "https://client.example.com/cb?error=temporarily_unavailable",
    );
}

#[test]
fn extension_codes_are_redirected() {
    let code = OAuthError::from_code("acme_step_up").unwrap();
    let e = AuthorizationError::new(code, verified(CB));
    assert!(e.redirects());
    assert_redirect(&e.to_response(), 303, "https://client.example.com/cb?error=acme_step_up");
}

#[test]
fn oauth21_contract_drops_pragma() {
    let err = Contract::oauth21().error(OAuthError::AccessDenied);
    let r = AuthorizationError::new(err, verified(CB)).to_response();
    assert_eq!(r.status().as_u16(), 303);
    assert_headers(
        &r,
        &[
            ("location", "https://client.example.com/cb?error=access_denied"),
            ("cache-control", "no-store"),
        ],
    );
}

// ---------------------------------------------------------------------------------------
// Fragment mode
// ---------------------------------------------------------------------------------------

#[test]
fn fragment_mode_appends_a_fragment() {
    let e = AuthorizationError::new(OAuthError::AccessDenied, verified(CB))
        .mode(ResponseMode::Fragment)
        .state(State::new("xyz").unwrap())
        .issuer("https://as.example.com".parse().unwrap());
    let expected = "https://client.example.com/cb#error=access_denied&state=xyz&iss=https%3A%2F%2Fas.example.com";
    assert_eq!(e.location().as_deref(), Some(expected));
    let r = e.to_response();
    assert_redirect(&r, 303, expected);
    let (received, iss) = ErrorResponse::from_redirect(location(&r)).unwrap();
    assert_eq!(&received, e.error());
    assert_eq!(iss.as_deref(), Some("https://as.example.com"));
}

#[test]
fn fragment_mode_keeps_the_registered_query_before_the_fragment() {
    let e = AuthorizationError::new(
        OAuthError::UnsupportedResponseType,
        verified("https://client.example.com/cb?tenant=7"),
    )
    .mode(ResponseMode::Fragment)
    .state(State::new("a b#c").unwrap());
    let r = e.to_response();
    assert_redirect(
        &r,
        303,
        "https://client.example.com/cb?tenant=7#error=unsupported_response_type&state=a+b%23c",
    );
    let (received, _) = ErrorResponse::from_redirect(location(&r)).unwrap();
    assert_eq!(received.state().map(State::as_str), Some("a b#c"));
}

#[test]
fn fragment_mode_echoes_every_vschar() {
    let raw = all_vschars();
    let e = AuthorizationError::new(OAuthError::AccessDenied, verified(CB))
        .mode(ResponseMode::Fragment)
        .state(State::new(raw.clone()).unwrap());
    let r = e.to_response();
    assert_redirect(
        &r,
        303,
        "https://client.example.com/cb#error=access_denied&state=\
        +%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40\
        ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~",
    );
    let (received, _) = ErrorResponse::from_redirect(location(&r)).unwrap();
    assert_eq!(received.state().map(State::as_str), Some(raw.as_str()));
}

// ---------------------------------------------------------------------------------------
// form_post
// ---------------------------------------------------------------------------------------

#[test]
fn form_post_page_is_pinned_byte_for_byte() {
    let e = AuthorizationError::new(
        OAuthError::AccessDenied.with_description(error_text!("The user denied the request")),
        verified("https://client.example.com/cb?tenant=7&lang=en"),
    )
    .mode(ResponseMode::FormPost)
    .redirect_status(RedirectStatus::Found) // irrelevant for form_post
    .state(State::new("xyz").unwrap())
    .issuer("https://as.example.com".parse().unwrap());
    assert_eq!(e.location(), None);

    let html = "<!DOCTYPE html>\n\
<html><head><meta charset=\"utf-8\"><title>Submit This Form</title></head>\n\
<body onload=\"document.forms[0].submit()\">\n\
<form method=\"post\" action=\"https://client.example.com/cb?tenant=7&amp;lang=en\">\n\
<input type=\"hidden\" name=\"error\" value=\"access_denied\"/>\n\
<input type=\"hidden\" name=\"error_description\" value=\"The user denied the request\"/>\n\
<input type=\"hidden\" name=\"state\" value=\"xyz\"/>\n\
<input type=\"hidden\" name=\"iss\" value=\"https://as.example.com\"/>\n\
<noscript><button type=\"submit\">Continue</button></noscript>\n\
</form>\n\
</body></html>\n";
    assert_eq!(e.form_post_html(), html);
    assert_form_post(&e.to_response(), html);
    assert!(html.starts_with(FORM_POST_PREFIX) && html.ends_with(FORM_POST_SUFFIX));
}

#[test]
fn form_post_escapes_action_and_every_value() {
    let description = ErrorText::unicode("Say \"hi\" <b>&</b> it's caf\u{e9}").unwrap();
    let state_raw = r#""><script>alert('x')</script><input name="state" value="evil"#;
    let sent = OAuthError::InvalidRequest
        .with_description(description)
        .with_uri(ErrorUri::new("https://docs.example.com/e?a=1&b='2'#x").unwrap())
        .with_state(State::new(state_raw).unwrap());
    let e =
        AuthorizationError::new(sent.clone(), verified("https://client.example.com/cb?a=1&b='2'"))
            .mode(ResponseMode::FormPost)
            .issuer("https://as.example.com".parse().unwrap());

    let html = format!(
        "{FORM_POST_PREFIX}\
<form method=\"post\" action=\"https://client.example.com/cb?a=1&amp;b=&#39;2&#39;\">\n\
<input type=\"hidden\" name=\"error\" value=\"invalid_request\"/>\n\
<input type=\"hidden\" name=\"error_description\" value=\"Say &quot;hi&quot; &lt;b&gt;&amp;&lt;/b&gt; it&#39;s caf\u{e9}\"/>\n\
<input type=\"hidden\" name=\"error_uri\" value=\"https://docs.example.com/e?a=1&amp;b=&#39;2&#39;#x\"/>\n\
<input type=\"hidden\" name=\"state\" value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;input name=&quot;state&quot; value=&quot;evil\"/>\n\
<input type=\"hidden\" name=\"iss\" value=\"https://as.example.com\"/>\n\
{FORM_POST_SUFFIX}"
    );
    let r = e.to_response();
    assert_form_post(&r, &html);

    // Nothing broke out of an attribute.
    assert!(!html.contains("<script"));
    for line in html.lines().filter(|l| l.starts_with("<input")) {
        // type="…" name="…" value="…": no value adds or closes a quote.
        assert_eq!(line.matches('"').count(), 6, "{line}");
        assert_eq!(line.matches('<').count(), 1, "{line}");
        assert_eq!(line.matches('>').count(), 1, "{line}");
    }
    assert_eq!(html.matches("<input ").count(), 5);

    // Parse the page back like a browser would submit it.
    let (action, fields) = form_fields(std::str::from_utf8(r.body()).unwrap());
    assert_eq!(action, "https://client.example.com/cb?a=1&b='2'");
    assert_eq!(
        fields,
        owned(&[
            ("error", "invalid_request"),
            ("error_description", "Say \"hi\" <b>&</b> it's caf\u{e9}"),
            ("error_uri", "https://docs.example.com/e?a=1&b='2'#x"),
            ("state", state_raw),
            ("iss", "https://as.example.com"),
        ])
    );
}

#[test]
fn form_post_echoes_every_vschar_state() {
    let raw = all_vschars();
    let e = AuthorizationError::new(OAuthError::AccessDenied, verified(CB))
        .mode(ResponseMode::FormPost)
        .state(State::new(raw.clone()).unwrap());
    let html = format!(
        "{FORM_POST_PREFIX}\
<form method=\"post\" action=\"https://client.example.com/cb\">\n\
<input type=\"hidden\" name=\"error\" value=\"access_denied\"/>\n\
<input type=\"hidden\" name=\"state\" value=\" !&quot;#$%&amp;&#39;()*+,-./0123456789:;&lt;=&gt;?@\
ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{{|}}~\"/>\n\
{FORM_POST_SUFFIX}"
    );
    let r = e.to_response();
    assert_form_post(&r, &html);
    let (_, fields) = form_fields(&html);
    assert_eq!(fields, owned(&[("error", "access_denied"), ("state", &raw)]));
}

// ---------------------------------------------------------------------------------------
// Codes that are never redirected
// ---------------------------------------------------------------------------------------

fn assert_never_redirected(code: OAuthError) {
    let name = code.as_str().to_owned();
    assert!(!code.info().redirectable, "{name}");
    for mode in [ResponseMode::Query, ResponseMode::Fragment, ResponseMode::FormPost] {
        let e = AuthorizationError::new(code.clone(), verified(CB))
            .mode(mode)
            .redirect_status(RedirectStatus::Found)
            .state(State::new("xyz").unwrap())
            .issuer("https://as.example.com".parse().unwrap());
        assert!(!e.redirects(), "{name}");
        assert_eq!(e.location(), None, "{name} {mode:?}");
        // state and iss are redirect parameters: never in the JSON body.
        assert_direct_json(&e.to_response(), 400, &format!(r#"{{"error":"{name}"}}"#));
    }
    let e = AuthorizationError::new(
        code.clone().with_description(error_text!("Trust could not be established")),
        verified(CB),
    );
    assert_direct_json(
        &e.to_response(),
        400,
        &format!(r#"{{"error":"{name}","error_description":"Trust could not be established"}}"#),
    );
}

#[test]
fn invalid_client_is_never_redirected() {
    assert_never_redirected(OAuthError::InvalidClient);
}

#[test]
fn invalid_trust_chain_is_never_redirected() {
    assert_never_redirected(OAuthError::InvalidTrustChain);
}

#[test]
fn invalid_metadata_is_never_redirected() {
    assert_never_redirected(OAuthError::InvalidMetadata);
}

#[test]
fn invalid_trust_anchor_is_never_redirected() {
    let code = OAuthError::InvalidTrustAnchor;
    assert!(!code.info().redirectable);
    let e = AuthorizationError::new(code, verified(CB)).state(State::new("xyz").unwrap());
    assert!(!e.redirects());
    assert_eq!(e.location(), None);
    let r = e.to_response();
    assert!(r.headers().get("location").is_none());
    assert_eq!(r.body().as_ref(), br#"{"error":"invalid_trust_anchor"}"#);
}

#[test]
fn invalid_trust_anchor_renders_a_direct_400() {
    assert_never_redirected(OAuthError::InvalidTrustAnchor);
}

/// OpenID Federation 1.0 §12.1.3: a failure to establish trust with the client is an
/// invalid redirection URI; the federation codes that are not about trust answer
/// federation endpoint requests. None of the codes §8.9 defines is ever redirected.
#[test]
fn federation_codes_are_never_redirected() {
    for code in [
        OAuthError::InvalidIssuer,
        OAuthError::InvalidSubject,
        OAuthError::NotFound,
        OAuthError::UnsupportedParameter,
    ] {
        assert_never_redirected(code);
    }
    let federation: Vec<&OAuthError> = OAuthError::KNOWN
        .iter()
        .filter(|c| c.info().spec.document == "OpenID Federation 1.0")
        .collect();
    assert_eq!(federation.len(), 7);
    for code in federation {
        assert_never_redirected(code.clone());
    }
}

#[test]
fn redirectable_codes_are_redirected() {
    for code in [
        OAuthError::InvalidRequest,
        OAuthError::UnauthorizedClient,
        OAuthError::AccessDenied,
        OAuthError::UnsupportedResponseType,
        OAuthError::InvalidScope,
        OAuthError::ServerError,
        OAuthError::TemporarilyUnavailable,
        OAuthError::InteractionRequired,
        OAuthError::LoginRequired,
        OAuthError::AccountSelectionRequired,
        OAuthError::ConsentRequired,
        OAuthError::InvalidRequestUri,
        OAuthError::InvalidRequestObject,
        OAuthError::RequestNotSupported,
        OAuthError::RequestUriNotSupported,
        OAuthError::RegistrationNotSupported,
    ] {
        let e = AuthorizationError::new(code.clone(), verified(CB));
        assert!(e.redirects(), "{code}");
        assert_redirect(
            &e.to_response(),
            303,
            &format!("https://client.example.com/cb?error={}", code.as_str()),
        );
    }
}

// ---------------------------------------------------------------------------------------
// ResponseMode
// ---------------------------------------------------------------------------------------

#[test]
fn default_response_mode_per_response_type() {
    let cases = [
        (Some("code"), ResponseMode::Query),
        (Some("none"), ResponseMode::Query),
        (Some("token"), ResponseMode::Fragment),
        (Some("id_token"), ResponseMode::Fragment),
        (Some("code id_token"), ResponseMode::Fragment),
        (Some("code token"), ResponseMode::Fragment),
        (Some("id_token token"), ResponseMode::Fragment),
        (Some("code id_token token"), ResponseMode::Fragment),
        (Some("token id_token code"), ResponseMode::Fragment),
        (Some("unknown"), ResponseMode::Query),
        (Some("tokens"), ResponseMode::Query),
        (Some(""), ResponseMode::Query),
        (None, ResponseMode::Query),
    ];
    for (rt, mode) in cases {
        assert_eq!(ResponseMode::default_for(rt), mode, "{rt:?}");
    }
    assert_eq!(ResponseMode::default(), ResponseMode::Query);
}

#[test]
fn response_mode_from_request() {
    use ResponseMode::{FormPost, Fragment, Query};
    let ok = [
        (None, Some("code"), Query),
        (Some(""), Some("code"), Query),
        (None, Some("token"), Fragment),
        (Some(""), Some("code id_token"), Fragment),
        (None, None, Query),
        (Some("query"), Some("code"), Query),
        (Some("query"), Some("none"), Query),
        (Some("query"), None, Query),
        (Some("fragment"), Some("code"), Fragment),
        (Some("fragment"), Some("id_token token"), Fragment),
        (Some("form_post"), Some("code"), FormPost),
        (Some("form_post"), Some("code id_token token"), FormPost),
        (Some("form_post"), None, FormPost),
    ];
    for (rm, rt, mode) in ok {
        assert_eq!(ResponseMode::from_request(rm, rt), Ok(mode), "{rm:?} {rt:?}");
    }

    for rt in [
        "token",
        "id_token",
        "code id_token",
        "code token",
        "id_token token",
        "code id_token token",
    ] {
        assert_eq!(
            ResponseMode::from_request(Some("query"), Some(rt)),
            Err(ResponseModeError::QueryNotAllowed),
            "{rt}"
        );
    }

    for rm in [
        "query.jwt",
        "fragment.jwt",
        "form_post.jwt",
        "jwt",
        "QUERY",
        "Fragment",
        " query",
        "web_message",
    ] {
        assert_eq!(
            ResponseMode::from_request(Some(rm), Some("code")),
            Err(ResponseModeError::Unsupported),
            "{rm}"
        );
    }
    assert_eq!(ResponseModeError::Unsupported.to_string(), "unsupported response_mode");
    assert_eq!(
        ResponseModeError::QueryNotAllowed.to_string(),
        "response_mode=query is not allowed for this response_type"
    );
}

// ---------------------------------------------------------------------------------------
// State and Issuer
// ---------------------------------------------------------------------------------------

#[test]
fn state_length_limits() {
    assert_eq!(MAX_STATE_LEN, 4096);
    let max = "s".repeat(4096);
    assert_eq!(State::new(max.clone()).unwrap().as_str(), max);
    assert_eq!(
        State::new("s".repeat(4097)),
        Err(TextError::TooLong { what: "state", len: 4097, max: 4096 })
    );
    assert_eq!(State::new(""), Err(TextError::Empty { what: "state" }));
    assert_eq!(State::new("x").unwrap().as_str(), "x");
}

#[test]
fn state_character_set() {
    assert_eq!(
        State::new("ab\rc"),
        Err(TextError::Forbidden { what: "state", offset: 2, ch: '\r' })
    );
    assert_eq!(
        State::new("ab\nc"),
        Err(TextError::Forbidden { what: "state", offset: 2, ch: '\n' })
    );
    assert_eq!(
        State::new("a\tb"),
        Err(TextError::Forbidden { what: "state", offset: 1, ch: '\t' })
    );
    assert_eq!(
        State::new("a\u{7f}"),
        Err(TextError::Forbidden { what: "state", offset: 1, ch: '\u{7f}' })
    );
    assert_eq!(
        State::new("caf\u{e9}"),
        Err(TextError::Forbidden { what: "state", offset: 3, ch: '\u{e9}' })
    );
    assert_eq!(State::new("\0"), Err(TextError::Forbidden { what: "state", offset: 0, ch: '\0' }));

    for ok in ["\"", "\\", r#"a "b" \c\ <d> & 'e'"#, " ", "  leading and trailing  "] {
        assert_eq!(State::new(ok).unwrap().as_str(), ok);
    }
    let all = all_vschars();
    assert_eq!(State::new(all.clone()).unwrap().as_str(), all);
}

#[test]
fn issuer_parsing() {
    for ok in [
        "https://as.example.com",
        "https://as.example.com/",
        "https://as.example.com/tenants/7",
        "https://as.example.com:8443",
        "HTTPS://as.example.com",
        "https://[2001:db8::1]:8443/as",
        // http: loopback hosts only.
        "http://localhost:8080",
        "http://LocalHost",
        "http://127.0.0.1:9000/realms/dev",
        "http://127.0.0.1",
        "http://127.255.255.254:80/",
        "http://[::1]:8080",
        "http://[0:0:0:0:0:0:0:1]/as",
        "HTTP://127.0.0.1",
    ] {
        assert_eq!(ok.parse::<Issuer>().unwrap().as_str(), ok);
        assert_eq!(Issuer::insecure_http(ok).unwrap().as_str(), ok);
    }
    let long = format!("https://as.example.com/{}", "a".repeat(2049 - 23));
    assert_eq!(long.len(), 2049);
    let cases = [
        ("https://as.example.com/?x=1", UriError::Query),
        ("https://as.example.com?", UriError::Query),
        ("https://as.example.com/#frag", UriError::Fragment),
        ("https://as.example.com?x=1#frag", UriError::Fragment),
        ("/as", UriError::NotAbsolute),
        ("as.example.com", UriError::NotAbsolute),
        ("//as.example.com", UriError::NotAbsolute),
        ("ftp://as.example.com", UriError::UnsupportedScheme),
        ("urn:example:as", UriError::UnsupportedScheme),
        ("com.example.as:/x", UriError::UnsupportedScheme),
        ("https://as.example.com/a b", UriError::NotAbsolute),
        ("https://as.example.com/\r\n", UriError::NotAbsolute),
        ("", UriError::NotAbsolute),
        (long.as_str(), UriError::TooLong),
    ];
    for (s, why) in cases {
        assert_eq!(s.parse::<Issuer>(), Err(why.clone()), "{s:?}");
        // The opt-in changes nothing but the http host rule.
        assert_eq!(Issuer::insecure_http(s), Err(why), "{s:?}");
    }
    assert_eq!(UriError::Query.to_string(), "must not contain a query");
}

#[test]
fn http_issuers_need_a_loopback_host_or_the_explicit_opt_in() {
    // RFC 8414 §2 and RFC 9207 §2 require https.
    for s in [
        "http://as.example.com",
        "http://as.example.com:8080/tenant",
        "http://192.0.2.7:8080",
        "http://0.0.0.0:8080",
        "http://[2001:db8::1]",
        "http://[::]:8080",
        "http://[::ffff:127.0.0.1]",
        "http://localhost.evil.example",
        "http://localhost.",
        "http://127.0.0.1.evil.example",
        "http://127.1",
        "http://2130706433",
        "http://128.0.0.1",
        "http://126.255.255.255",
    ] {
        assert_eq!(s.parse::<Issuer>(), Err(UriError::NotHttps), "{s:?}");
        assert_eq!(Issuer::insecure_http(s).unwrap().as_str(), s);
    }
    // The opt-in still refuses what is not an issuer at all.
    assert_eq!(Issuer::insecure_http("http://as.example.com/?x"), Err(UriError::Query));
    assert_eq!(Issuer::insecure_http("http://as.example.com#x"), Err(UriError::Fragment));
    assert_eq!(Issuer::insecure_http("http://"), Err(UriError::NotAbsolute));
    assert_eq!(
        UriError::NotHttps.to_string(),
        "must use https (http is accepted for loopback hosts only)"
    );

    // What a loopback issuer renders.
    let e = AuthorizationError::new(OAuthError::AccessDenied, verified(CB))
        .issuer("http://localhost:8080/realms/dev".parse().unwrap());
    assert_redirect(
        &e.to_response(),
        303,
        "https://client.example.com/cb?error=access_denied&iss=http%3A%2F%2Flocalhost%3A8080%2Frealms%2Fdev",
    );
}

#[test]
fn empty_host_is_not_an_absolute_http_uri() {
    // RFC 9110 §4.2.1/§4.2.2: an http(s) URI with an empty host is invalid and a recipient
    // MUST reject it. `http://` (7 bytes) is already rejected; `https://` is not.
    for uri in
        ["https://", "http:///", "https:///cb", "http:///cb", "https://:443/cb", "https://?x=1"]
    {
        assert_eq!(
            verify_redirect_uri(Some(uri), &[uri]),
            Err(RedirectUriError::Invalid(UriError::NotAbsolute)),
            "{uri:?}"
        );
    }
    for iss in ["https://", "https:///tenant", "https://:443"] {
        assert_eq!(iss.parse::<Issuer>(), Err(UriError::NotAbsolute), "{iss:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Specification examples
// ---------------------------------------------------------------------------------------

#[test]
fn rfc6749_section_4_1_2_1_example() {
    // HTTP/1.1 302 Found
    // Location: https://client.example.com/cb?error=access_denied&state=xyz
    let uri = verify_redirect_uri(Some("https://client.example.com/cb"), &[CB]).unwrap();
    let r = AuthorizationError::new(OAuthError::AccessDenied, uri)
        .redirect_status(RedirectStatus::Found)
        .state(State::new("xyz").unwrap())
        .to_response();
    assert_redirect(&r, 302, "https://client.example.com/cb?error=access_denied&state=xyz");
}

#[test]
fn rfc6749_section_4_2_2_1_example() {
    // HTTP/1.1 302 Found
    // Location: https://client.example.com/cb#error=access_denied&state=xyz
    let mode = ResponseMode::from_request(None, Some("token")).unwrap();
    let r = AuthorizationError::new(OAuthError::AccessDenied, verified(CB))
        .mode(mode)
        .redirect_status(RedirectStatus::Found)
        .state(State::new("xyz").unwrap())
        .to_response();
    assert_redirect(&r, 302, "https://client.example.com/cb#error=access_denied&state=xyz");
}

#[test]
fn rfc9207_section_2_2_style_example() {
    // HTTP/1.1 302 Found
    // Location: https://client.example/cb?error=access_denied&state=N8aL…&iss=https%3A%2F%2Fhonest.as.example
    let r = AuthorizationError::new(
        OAuthError::AccessDenied,
        verify_redirect_uri(None, &["https://client.example/cb"]).unwrap(),
    )
    .redirect_status(RedirectStatus::Found)
    .state(State::new("N8aLqvBjE6aJpgmF8YsjSiUQNNNkw6Q7A9y4lG7d").unwrap())
    .issuer("https://honest.as.example".parse().unwrap())
    .to_response();
    let expected = "https://client.example/cb?error=access_denied\
        &state=N8aLqvBjE6aJpgmF8YsjSiUQNNNkw6Q7A9y4lG7d&iss=https%3A%2F%2Fhonest.as.example";
    assert_redirect(&r, 302, expected);
    let (err, iss) = ErrorResponse::from_redirect(expected).unwrap();
    assert_eq!(err.code(), &OAuthError::AccessDenied);
    assert_eq!(iss.as_deref(), Some("https://honest.as.example"));
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(proptest_config::config())]

    #[test]
    fn any_state_round_trips_in_every_mode(state in "[ -~]{1,200}", desc in "[ -!#-\\[\\]-~]{0,60}") {
        let mut err = ErrorResponse::from(OAuthError::AccessDenied).with_state(State::new(state.clone()).unwrap());
        if !desc.is_empty() {
            err = err.with_description(ErrorText::new(desc.clone()).unwrap());
        }
        let base = AuthorizationError::new(err.clone(), verified("https://client.example.com/cb?t=1"))
            .issuer("https://as.example.com".parse().unwrap());

        for mode in [ResponseMode::Query, ResponseMode::Fragment] {
            let r = base.clone().mode(mode).to_response();
            prop_assert_eq!(r.status().as_u16(), 303);
            let loc = location(&r).to_owned();
            prop_assert!(loc.bytes().all(|b| (0x21..0x7F).contains(&b)));
            prop_assert_eq!(loc.matches('#').count(), usize::from(mode == ResponseMode::Fragment));
            let (received, iss) = ErrorResponse::from_redirect(&loc).unwrap();
            prop_assert_eq!(&received, &err);
            prop_assert_eq!(iss.as_deref(), Some("https://as.example.com"));
        }

        let r = base.clone().mode(ResponseMode::FormPost).to_response();
        let html = std::str::from_utf8(r.body()).unwrap().to_owned();
        prop_assert!(!html.contains("<script"));
        let (action, fields) = form_fields(&html);
        prop_assert_eq!(action, "https://client.example.com/cb?t=1");
        let mut expected = vec![("error".to_owned(), "access_denied".to_owned())];
        if !desc.is_empty() {
            expected.push(("error_description".to_owned(), desc.clone()));
        }
        expected.push(("state".to_owned(), state.clone()));
        expected.push(("iss".to_owned(), "https://as.example.com".to_owned()));
        prop_assert_eq!(fields, expected);
    }
}
