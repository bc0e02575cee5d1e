//! Wire-format conformance: extra members carried exactly, redirects read from the right
//! component, hostile JSON bodies, statuses whose required headers are never sent, and
//! `error_uri` values a client can link. Each test pins exact values.

use std::sync::LazyLock;

use oauth_errors::authorize::{AuthorizationError, ResponseMode, State, verify_redirect_uri};
use oauth_errors::parse::{MAX_BODY_LEN, ParseError};
use oauth_errors::text::{ErrorText, ErrorUri, MAX_TEXT_LEN, TextError};
use oauth_errors::{
    Challenge, ClientAuth, Contract, Endpoint, ErrorResponse, ErrorStatus, MemberValue, OAuthError,
    ProblemJson, StatusError, parse_challenges,
};
use serde_json::json;

/// A JWT-shaped UMA permission ticket of `len` bytes (header.payload.signature).
fn ticket(len: usize) -> String {
    let head = "eyJhbGciOiJFUzI1NiIsImtpZCI6InVtYS0xIiwidHlwIjoiSldUIn0";
    let sig = "MEUCIQDx3v9Q8n2Yh0m4G7a6wq1Xb5Vt0r8kqjvJdXG2lq0Q9QIgH5cF2s0l3m7vZ1b_w-4Kq8U";
    let payload_len = len - head.len() - sig.len() - 2;
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let payload: String =
        (0..payload_len).map(|i| char::from(alphabet[(i * 7 + 3) % 64])).collect();
    format!("{head}.{payload}.{sig}")
}

fn body_str(err: &ErrorResponse) -> String {
    String::from_utf8(err.to_body().to_vec()).unwrap()
}

fn redirect(s: &str) -> Result<(ErrorResponse, Option<String>), ParseError> {
    ErrorResponse::from_redirect(s)
}

// ---------------------------------------------------------------------------------------
// Extra members are carried exactly (RFC 6749 charset and limits: error,
// error_description and error_uri only)
// ---------------------------------------------------------------------------------------

/// UMA 2.0 Grant §3.3.6: `need_info` and `request_submitted` carry a `ticket`, often a
/// JWT over 1 KB. It goes out whole and reads back exactly.
#[test]
fn uma_tickets_of_several_kilobytes_round_trip() {
    let ticket = ticket(6_000);
    assert_eq!(ticket.len(), 6_000);
    let required_claims = json!([{
        "claim_token_format": ["http://openid.net/specs/openid-connect-core-1_0.html#IDToken"],
        "claim_type": "urn:oid:0.9.2342.19200300.100.1.3",
        "friendly_name": "Adresse électronique",
        "issuer": ["https://example.com/idp"],
        "name": "email23423453ou453"
    }]);
    let cases = [
        (
            OAuthError::NeedInfo
                .with_member("ticket", ticket.as_str())
                .with_member("redirect_user", true)
                .with_member("required_claims", required_claims.clone()),
            format!(
                r#"{{"error":"need_info","ticket":"{ticket}","redirect_user":true,"required_claims":[{{"claim_token_format":["http://openid.net/specs/openid-connect-core-1_0.html#IDToken"],"claim_type":"urn:oid:0.9.2342.19200300.100.1.3","friendly_name":"Adresse électronique","issuer":["https://example.com/idp"],"name":"email23423453ou453"}}]}}"#
            ),
        ),
        (
            OAuthError::RequestSubmitted
                .with_member("ticket", ticket.clone())
                .with_member("interval", 5u32),
            format!(r#"{{"error":"request_submitted","ticket":"{ticket}","interval":5}}"#),
        ),
    ];
    for (err, want) in cases {
        let r = err.to_response(Endpoint::Token);
        assert_eq!(r.status(), 403);
        assert_eq!(std::str::from_utf8(r.body()).unwrap(), want);
        let back = ErrorResponse::from_json(r.body()).unwrap();
        assert_eq!(back, err);
        assert_eq!(back.member("ticket").and_then(MemberValue::as_str), Some(ticket.as_str()));
        assert_eq!(back.to_body(), r.body());
        // Through serde too.
        let via_serde: ErrorResponse = serde_json::from_slice(r.body()).unwrap();
        assert_eq!(via_serde, err);
    }
    assert_eq!(
        ErrorResponse::from_json(
            format!(r#"{{"error":"need_info","required_claims":{required_claims}}}"#).as_bytes()
        )
        .unwrap()
        .member("required_claims")
        .map(MemberValue::to_json),
        Some(required_claims)
    );
}

/// Non-ASCII, quotes, control characters and any length: kept in members, while the
/// RFC 6749 members keep their policy.
#[test]
fn members_are_not_cut_or_replaced_but_rfc6749_members_are() {
    let title = "Accès refusé — 権限がありません 😀 \"quoted\" \\ back";
    let long = "é".repeat(5_000); // 10 000 bytes
    let nested = json!({"ключ": [long.clone(), "tab\there"], "n": null});
    let err = OAuthError::AccessDenied
        .with_description(title)
        .with_member("error_human_title", title)
        .with_member("long", long.clone())
        .with_member("nested", nested.clone());
    let body = body_str(&err);
    // Lossy description (strict charset), exact members.
    let lossy_title = "Acc?s refus? ? ???????? ? 'quoted' / back";
    assert_eq!(err.description().unwrap().as_str(), lossy_title);
    assert_eq!(
        body,
        format!(
            r#"{{"error":"access_denied","error_description":"{lossy_title}","error_human_title":"Accès refusé — 権限がありません 😀 \"quoted\" \\ back","long":"{long}","nested":{{"n":null,"ключ":["{long}","tab\there"]}}}}"#
        )
    );
    let back = ErrorResponse::from_json(body.as_bytes()).unwrap();
    assert_eq!(back, err);
    assert_eq!(back.member("error_human_title").and_then(MemberValue::as_str), Some(title));
    assert_eq!(back.member("long").and_then(MemberValue::as_str), Some(long.as_str()));
    assert_eq!(back.member("nested").map(MemberValue::to_json), Some(nested));

    // When parsing, too: the description keeps its limit and charset, members do not.
    let received = format!(
        r#"{{"error":"access_denied","error_description":"{long}","error_human_title":"{long}"}}"#
    );
    let back = ErrorResponse::from_json(received.as_bytes()).unwrap();
    assert_eq!(back.description().unwrap().as_str().len(), MAX_TEXT_LEN);
    assert_eq!(back.member("error_human_title").and_then(MemberValue::as_str), Some(long.as_str()));
    assert_eq!(
        ErrorText::new("x".repeat(MAX_TEXT_LEN + 1)).unwrap_err(),
        TextError::TooLong { what: "error_description", len: MAX_TEXT_LEN + 1, max: MAX_TEXT_LEN }
    );
}

/// The only limit on a member is the reader's body limit.
#[test]
fn a_member_may_fill_the_body_limit() {
    let prefix = r#"{"error":"need_info","ticket":""#;
    let fill = MAX_BODY_LEN - prefix.len() - 2;
    let body = format!("{prefix}{}\"}}", "t".repeat(fill));
    assert_eq!(body.len(), MAX_BODY_LEN);
    let err = ErrorResponse::from_json(body.as_bytes()).unwrap();
    assert_eq!(err.member("ticket").and_then(MemberValue::as_str).map(str::len), Some(fill));
    assert_eq!(err.to_body().as_ref(), body.as_bytes());
    let over = format!("{prefix}{}\"}}", "t".repeat(fill + 1));
    assert_eq!(
        ErrorResponse::from_json(over.as_bytes()),
        Err(ParseError::TooLarge(MAX_BODY_LEN + 1))
    );
}

static PROBLEM: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder().format(ProblemJson::new()).member("fixed", "v\r\nX-Fixed: 1").build()
});

/// A member never reaches a header, a redirect or a `form_post` page, whatever it holds.
#[test]
fn members_never_reach_a_header_a_redirect_or_a_form_post_page() {
    let hostile = "\r\nSet-Cookie: member=1\r\n\u{e9}<script>";
    let errs: Vec<ErrorResponse> = OAuthError::KNOWN
        .iter()
        .flat_map(|code| {
            let base = ErrorResponse::new(code.clone())
                .with_description("d")
                .with_member("m_hostile", hostile)
                .with_member("nested", json!({"k": hostile}));
            [
                base.clone(),
                base.clone().with_challenge(Challenge::bearer().realm("r")),
                base.clone().with_client_auth(ClientAuth::basic("as")),
                base.with_contract(&PROBLEM),
            ]
        })
        .collect();
    for err in &errs {
        for ep in Endpoint::ALL {
            let r = err.to_response(ep);
            for (name, v) in r.headers() {
                let v = v.to_str().unwrap_or_else(|_| panic!("{name}: not visible ASCII"));
                assert!(!v.contains("Set-Cookie") && !v.contains("m_hostile"), "{name}: {v}");
                assert!(!v.contains("X-Fixed") && !v.contains("<script>"), "{name}: {v}");
            }
            let json: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
            assert_eq!(json["m_hostile"], hostile);
            if std::ptr::eq(err.contract(), &*PROBLEM) {
                assert_eq!(json["fixed"], "v\r\nX-Fixed: 1");
            }
        }
    }
    let uri = verify_redirect_uri(None, &["https://client.example.com/cb"]).unwrap();
    for mode in [ResponseMode::Query, ResponseMode::Fragment, ResponseMode::FormPost] {
        let err = OAuthError::AccessDenied.with_member("m_hostile", hostile);
        let a = AuthorizationError::new(err, uri.clone()).mode(mode);
        let r = a.to_response();
        for (name, v) in r.headers() {
            let v = v.to_str().unwrap();
            assert!(!v.contains("Set-Cookie") && !v.contains("m_hostile"), "{name}: {v}");
        }
        assert!(!a.form_post_html().contains("m_hostile"));
        assert!(!String::from_utf8_lossy(r.body()).contains("m_hostile"));
    }
}

// ---------------------------------------------------------------------------------------
// from_redirect: which component holds the response
// ---------------------------------------------------------------------------------------

/// RFC 9110 §10.2.2: a browser applies the original request's fragment to a `Location`
/// without one, so a query-mode response can arrive with `#_=_` or a bare `#`.
#[test]
fn query_responses_with_an_inherited_fragment_are_read_from_the_query() {
    for loc in [
        "https://client.example.com/cb?error=access_denied&state=xyz#_=_",
        "https://client.example.com/cb?error=access_denied&state=xyz#",
        "https://client.example.com/cb?error=access_denied&state=xyz#state=evil",
        "https://client.example.com/cb?error=access_denied&state=xyz#error=login_required&state=evil",
        "/cb?error=access_denied&state=xyz#_=_",
        "?error=access_denied&state=xyz#",
    ] {
        let (err, iss) = redirect(loc).unwrap_or_else(|e| panic!("{loc}: {e}"));
        assert_eq!(err.code(), &OAuthError::AccessDenied, "{loc}");
        assert_eq!(err.state().map(State::as_str), Some("xyz"), "{loc}");
        assert_eq!(iss, None);
    }
}

#[test]
fn fragment_responses_are_read_from_the_fragment() {
    for loc in [
        "https://client.example.com/cb#error=login_required&state=s1",
        "https://client.example.com/cb?tenant=7#error=login_required&state=s1",
        "https://client.example.com/cb?#error=login_required&state=s1",
        "#error=login_required&state=s1",
    ] {
        let (err, _) = redirect(loc).unwrap_or_else(|e| panic!("{loc}: {e}"));
        assert_eq!(err.code(), &OAuthError::LoginRequired, "{loc}");
        assert_eq!(err.state().map(State::as_str), Some("s1"), "{loc}");
    }
    // Neither component holds a response.
    for loc in ["https://client.example.com/cb#_=_", "https://c/cb?x=1#y=2", "https://c/cb"] {
        assert_eq!(redirect(loc).unwrap_err(), ParseError::MissingError, "{loc}");
    }
}

/// A `form_post` body is one parameter list: `?` and `#` in it are data.
#[test]
fn form_post_bodies_treat_question_marks_and_hashes_as_data() {
    let (err, iss) = redirect(
        "error=access_denied&error_description=Why?+Because#1&state=xyz&iss=https%3A%2F%2Fas.example.com",
    )
    .unwrap();
    assert_eq!(err.code(), &OAuthError::AccessDenied);
    assert_eq!(err.description().unwrap().as_str(), "Why? Because#1");
    assert_eq!(err.state().map(State::as_str), Some("xyz"));
    assert_eq!(iss.as_deref(), Some("https://as.example.com"));
    // Whatever the parameter order.
    let (err, _) = redirect("state=a/b?c#d&error=invalid_request&error_description=x?").unwrap();
    assert_eq!(err.state().map(State::as_str), Some("a/b?c#d"));
    assert_eq!(err.description().unwrap().as_str(), "x?");
}

/// What the server renders in every mode reads back, with or without an inherited
/// fragment.
#[test]
fn rendered_redirects_read_back_in_every_mode() {
    let uri = verify_redirect_uri(None, &["https://client.example.com/cb?tenant=7"]).unwrap();
    let err = OAuthError::ConsentRequired
        .with_description("Why? Because #reasons")
        .with_uri("https://as.example.com/help?topic=consent#top")
        .with_state(State::new("s?t#a=te&").unwrap());
    for mode in [ResponseMode::Query, ResponseMode::Fragment] {
        let location =
            AuthorizationError::new(err.clone(), uri.clone()).mode(mode).location().unwrap();
        let (back, _) = redirect(&location).unwrap();
        assert_eq!(back, err, "{location}");
        if mode == ResponseMode::Query {
            for tail in ["#_=_", "#"] {
                let (back, _) = redirect(&format!("{location}{tail}")).unwrap();
                assert_eq!(back, err, "{location}{tail}");
            }
        }
    }
    // The form_post fields, urlencoded as a browser submits them.
    let body = "error=consent_required&error_description=Why%3F+Because+%23reasons&error_uri=https%3A%2F%2Fas.example.com%2Fhelp%3Ftopic%3Dconsent%23top&state=s%3Ft%23a%3Dte%26";
    assert_eq!(redirect(body).unwrap().0, err);
}

/// RFC 6749 §3.1: response parameters MUST NOT be included more than once.
#[test]
fn repeated_redirect_parameters_are_refused() {
    let cases = [
        ("?error=invalid_grant&error=access_denied", "error"),
        ("https://c/cb?error=x&error_description=a&error_description=b", "error_description"),
        ("https://c/cb#error=x&error_uri=https://a&error_uri=https://b", "error_uri"),
        ("error=x&state=s1&state=s2", "state"),
        ("https://c/cb?error=x&iss=https%3A%2F%2Fas&iss=https%3A%2F%2Fevil", "iss"),
        // The same value twice is still twice; an encoded name is the same name.
        ("?error=x&%65rror=x", "error"),
    ];
    for (loc, name) in cases {
        assert_eq!(redirect(loc).unwrap_err(), ParseError::Duplicate(name), "{loc}");
    }
    assert_eq!(ParseError::Duplicate("state").to_string(), "`state` appears more than once");
}

// ---------------------------------------------------------------------------------------
// from_json and hostile bodies
// ---------------------------------------------------------------------------------------

#[test]
fn repeated_rfc6749_members_are_refused() {
    let cases = [
        (r#"{"error":"invalid_grant","error":"access_denied"}"#, "error"),
        (r#"{"error":"invalid_grant","error":"invalid_grant"}"#, "error"),
        (r#"{"error":1,"x":2,"error":"access_denied"}"#, "error"),
        (r#"{"error":"x","error_description":"a","error_description":"b"}"#, "error_description"),
        (r#"{"error_description":null,"error":"x","error_description":"b"}"#, "error_description"),
        (r#"{"error":"x","error_uri":"https://a","error_uri":"https://b"}"#, "error_uri"),
        (r#"{"error":"x","error_uri":"https://a","error_uri":1e400}"#, "error_uri"),
    ];
    for (body, name) in cases {
        assert_eq!(ErrorResponse::from_json(body.as_bytes()), Err(ParseError::Duplicate(name)));
        // The serde path agrees (where serde_json can hold every value).
        if !body.contains("1e400") {
            let via_serde = serde_json::from_str::<ErrorResponse>(body).unwrap_err();
            assert!(via_serde.to_string().contains("appears more than once"), "{via_serde}");
        }
    }
    // Any other name: the last value wins, in the first one's place (as `with_member`).
    let err =
        ErrorResponse::from_json(br#"{"error":"x","a":1,"b":2,"a":3,"c":4,"c":null}"#).unwrap();
    assert_eq!(err.to_body().as_ref(), br#"{"error":"x","a":3,"b":2}"#);
}

/// A value JSON can write but Rust cannot hold costs that member only.
#[test]
fn unrepresentable_members_are_dropped_alone() {
    let body = br#"{"error":"slow_down","huge":1e400,"neg":-1e400,"nested":[1,{"x":1e999}],"tiny":1e-400,"interval":5}"#;
    let err = ErrorResponse::from_json(body).unwrap();
    assert_eq!(err.code(), &OAuthError::SlowDown);
    assert_eq!(err.to_body().as_ref(), br#"{"error":"slow_down","tiny":0.0,"interval":5}"#);
    // A reserved member that cannot be held is as if absent.
    assert_eq!(ErrorResponse::from_json(br#"{"error":1e400}"#), Err(ParseError::MissingError));
    let err = ErrorResponse::from_json(br#"{"error":"x","error_description":1e400}"#).unwrap();
    assert_eq!(err.description(), None);
}

/// RFC 8259 §8.2: a lone surrogate escape is valid JSON; it reads as U+FFFD.
#[test]
fn lone_surrogates_read_as_replacement_characters() {
    let body = br#"{"error":"invalid_request","error_description":"a\ud800b","m":"x\udc00y","\ud800k":"v","pair":"\ud83d\ude00","mix":"\ud800\ud83d\ude00\ude00","escaped":"\\ud800","nested":["\udbff"]}"#;
    let err = ErrorResponse::from_json(body).unwrap();
    assert_eq!(err.description().unwrap().as_str(), "a\u{fffd}b");
    assert_eq!(err.member("m").and_then(MemberValue::as_str), Some("x\u{fffd}y"));
    assert_eq!(err.member("_k").and_then(MemberValue::as_str), Some("v"));
    assert_eq!(err.member("pair").and_then(MemberValue::as_str), Some("\u{1F600}"));
    assert_eq!(err.member("mix").and_then(MemberValue::as_str), Some("\u{fffd}\u{1F600}\u{fffd}"));
    assert_eq!(err.member("escaped").and_then(MemberValue::as_str), Some(r"\ud800"));
    assert_eq!(err.member("nested").map(MemberValue::to_json), Some(json!(["\u{fffd}"])));
    // In the code, U+FFFD is outside the RFC 6749 charset.
    assert!(matches!(
        ErrorResponse::from_json(br#"{"error":"\ud800"}"#),
        Err(ParseError::InvalidCode(TextError::Forbidden {
            what: "error",
            offset: 0,
            ch: '\u{fffd}'
        }))
    ));
}

/// A 64 KiB body with ~7.7k members parses whole, in order. (The linear bound on the work
/// is checked by the crate's unit tests, which count name comparisons.)
#[test]
fn many_members_are_all_kept_in_order() {
    let mut body = String::from(r#"{"error":"invalid_request""#);
    let mut n = 0;
    while body.len() + 16 < MAX_BODY_LEN {
        body.push_str(&format!(r#","{n:x}":{n}"#));
        n += 1;
    }
    body.push('}');
    let err = ErrorResponse::from_json(body.as_bytes()).unwrap();
    assert!(n > 5_000, "{n}");
    assert_eq!(err.members().len(), n);
    for (i, (name, value)) in err.members().iter().enumerate() {
        assert_eq!(name.as_str(), format!("{i:x}"));
        assert_eq!(value.to_json(), json!(i));
    }
    assert_eq!(err.to_body().as_ref(), body.as_bytes());
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
