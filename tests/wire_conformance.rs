//! Wire-format conformance: statuses whose required headers are never sent, and
//! `error_uri` values a client can link. Each test pins exact values.

use oauth_errors::parse::ParseError;
use oauth_errors::text::ErrorUri;
use oauth_errors::{
    Challenge, ClientAuth, Endpoint, ErrorResponse, ErrorStatus, OAuthError, StatusError,
    parse_challenges,
};

fn redirect(s: &str) -> Result<(ErrorResponse, Option<String>), ParseError> {
    ErrorResponse::from_redirect(s)
}

// ---------------------------------------------------------------------------------------
// Statuses whose required headers are never sent
// ---------------------------------------------------------------------------------------

#[test]
fn statuses_407_and_426_cannot_be_built() {
    assert_eq!(
        ErrorStatus::new(407),
        Err(StatusError::NeedsHeader { status: 407, header: "Proxy-Authenticate" })
    );
    assert_eq!(
        ErrorStatus::try_from(426),
        Err(StatusError::NeedsHeader { status: 426, header: "Upgrade" })
    );
    assert_eq!(
        StatusError::NeedsHeader { status: 407, header: "Proxy-Authenticate" }.to_string(),
        "407 requires the Proxy-Authenticate header field, which an error response cannot carry"
    );
    for status in 400..=599u16 {
        let got = ErrorStatus::new(status);
        match status {
            401 => assert_eq!(got, Err(StatusError::NeedsChallenge)),
            407 | 426 => assert!(matches!(got, Err(StatusError::NeedsHeader { .. }))),
            _ => assert_eq!(got.map(ErrorStatus::as_u16), Ok(status)),
        }
    }
}

/// The table is the only other source of statuses: no code renders 407 or 426 anywhere.
#[test]
fn no_code_renders_407_or_426() {
    let mut codes = OAuthError::KNOWN.to_vec();
    codes.push(OAuthError::from_code("x_vendor").unwrap());
    for code in codes {
        for ep in Endpoint::ALL {
            for auth in [ClientAuth::None, ClientAuth::Body, ClientAuth::basic("as")] {
                let s = ErrorResponse::new(code.clone()).with_client_auth(auth).resolve_status(ep);
                assert!(!matches!(s.as_u16(), 407 | 426), "{code} at {ep}: {s}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// error_uri: RFC 3986 characters only, and a check a client can rely on for linking
// ---------------------------------------------------------------------------------------

#[test]
fn script_uris_from_a_redirect_are_never_linkable() {
    let cases = [
        (
            "https://client.example.com/cb?error=access_denied&error_uri=javascript:alert(document.cookie)",
            "javascript:alert(document.cookie)",
        ),
        (
            "https://client.example.com/cb?error=access_denied&error_uri=data%3Atext%2Fhtml%2C%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
        ),
        (
            "https://client.example.com/cb?error=access_denied&error_uri=JaVaScRiPt%3A%2F%2Fx%250Aalert(1)",
            "JaVaScRiPt://x%0Aalert(1)",
        ),
        ("error=access_denied&error_uri=vbscript:msgbox(1)", "vbscript:msgbox(1)"),
    ];
    for (loc, uri) in cases {
        let (err, _) = redirect(loc).unwrap();
        let u = err.uri().unwrap();
        assert_eq!(u.as_str(), uri);
        assert!(u.is_absolute(), "{uri}");
        assert_eq!(u.linkable(), None, "{uri}");
    }
    let (err, _) = redirect(
        "https://c/cb?error=access_denied&error_uri=https%3A%2F%2Fas.example.com%2Fe%3Cb%3E",
    )
    .unwrap();
    assert_eq!(err.uri().and_then(ErrorUri::linkable), Some("https://as.example.com/e%3Cb%3E"));
}

/// Raw characters RFC 3986 does not allow never survive, on any path.
#[test]
fn raw_non_uri_characters_are_encoded_on_every_path() {
    let want = "https://x.example/%3Cb%3E%7B%7D%7C%5E%60";
    let raw = "https://x.example/<b>{}|^`";
    assert!(ErrorUri::new(raw).is_err());
    // Lossy construction and rendering.
    let err = OAuthError::InvalidToken.with_uri(raw);
    assert_eq!(err.uri().map(ErrorUri::as_str), Some(want));
    let r = err.clone().with_challenge(Challenge::bearer()).to_response(Endpoint::Resource);
    assert_eq!(
        r.headers()["www-authenticate"],
        format!(r#"Bearer error="invalid_token", error_uri="{want}""#)
    );
    assert_eq!(
        std::str::from_utf8(r.body()).unwrap(),
        format!(r#"{{"error":"invalid_token","error_uri":"{want}"}}"#)
    );
    // JSON bodies.
    let body = format!(r#"{{"error":"invalid_token","error_uri":"{raw}"}}"#);
    assert_eq!(ErrorResponse::from_json(body.as_bytes()).unwrap(), err);
    // Challenges.
    let header = format!(r#"Bearer error="invalid_token", error_uri="{raw}""#);
    let parsed = parse_challenges([header.as_bytes()]).unwrap();
    let from_header = parsed[0].to_error().unwrap();
    assert_eq!(from_header.uri().map(ErrorUri::as_str), Some(want));
    // Redirects (after percent-decoding).
    let (e, _) =
        redirect("?error=invalid_token&error_uri=https%3A%2F%2Fx.example%2F%3Cb%3E%7B%7D%7C%5E%60")
            .unwrap();
    assert_eq!(e.uri().map(ErrorUri::as_str), Some(want));
}
