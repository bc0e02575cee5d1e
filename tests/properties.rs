//! Property tests: the text policy holds for arbitrary input, what is rendered parses back,
//! and no parser panics. Each property runs 10,000 cases (`PROPTEST_CASES` overrides it).

use std::time::{Duration, UNIX_EPOCH};

use oauth_errors::text::{ErrorText, ErrorUri, MAX_TEXT_LEN, MAX_URI_LEN};
use oauth_errors::{
    Challenge, Endpoint, ErrorResponse, MemberName, MemberValue, OAuthError, RetryAfter, Scope,
    parse_challenges,
};
use proptest::prelude::*;

#[path = "support/proptest_config.rs"]
mod proptest_config;

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

/// Characters that matter to the text policy, weighted towards the dangerous ones.
const NASTY: &str = r#"[\x00-\x1f\x7f-\x{9f}"\\ a-zA-Z0-9%=,;:'<>&#?é€😀漢\x{2028}\x{2029}\x{202a}-\x{202e}\x{2066}-\x{2069}\x{feff}\x{fffd}]"#;

/// Any string: arbitrary Unicode, strings of nasty characters, and long strings that hit
/// the length limits.
fn arb_string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        4 => proptest::string::string_regex(&format!("{NASTY}{{0,60}}")).unwrap(),
        1 => proptest::collection::vec(proptest::string::string_regex(NASTY).unwrap(), 900..2300)
            .prop_map(|v| v.concat()),
    ]
}

/// RFC 6749 §8.5 codes: 1..40 NQSCHAR, never starting or ending with a space (which the
/// crate refuses), plus every known code.
fn arb_code() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[!#-\\[\\]-~]([ !#-\\[\\]-~]{0,38}[!#-\\[\\]-~])?",
        1 => proptest::sample::select(OAuthError::KNOWN.to_vec()).prop_map(|c| c.as_str().to_owned()),
    ]
}

/// Text the relaxed policy accepts (quotes, backslashes, non-ASCII), 1..200 chars.
fn arb_relaxed() -> impl Strategy<Value = ErrorText> {
    proptest::string::string_regex(r#"[ -~é€😀漢\x{a0}\x{fffd}\x{200e}]{1,200}"#)
        .unwrap()
        .prop_map(|s| ErrorText::unicode(s).unwrap())
}

fn arb_description() -> impl Strategy<Value = Option<ErrorText>> {
    prop_oneof![
        1 => Just(None),
        2 => arb_string().prop_map(|s| Some(ErrorText::lossy(&s))),
        2 => arb_relaxed().prop_map(Some),
    ]
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(any::<String>(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Member values are carried exactly: any string (long ones included), any JSON value
/// (nested nulls, control characters and non-ASCII included).
fn arb_member_value() -> impl Strategy<Value = MemberValue> {
    prop_oneof![
        arb_string().prop_map(|s| MemberValue::from(s.as_str())),
        arb_string().prop_map(MemberValue::Text),
        arb_json().prop_map(MemberValue::from),
    ]
}

fn arb_member_name() -> impl Strategy<Value = MemberName> {
    prop_oneof![
        arb_string().prop_map(|s| MemberName::lossy(&s)),
        "[A-Za-z0-9_.-]{1,20}".prop_map(|s| MemberName::lossy(&s)),
    ]
}

fn arb_error() -> impl Strategy<Value = ErrorResponse> {
    (
        arb_code(),
        arb_description(),
        proptest::option::of(arb_string()),
        proptest::collection::vec((arb_member_name(), arb_member_value()), 0..5),
    )
        .prop_map(|(code, description, uri, members)| {
            let mut err = ErrorResponse::new(OAuthError::from_code(&code).unwrap());
            if let Some(d) = description {
                err = err.with_description(d);
            }
            if let Some(u) = uri {
                err = err.with_uri(u.as_str());
            }
            for (n, v) in members {
                err = err.with_member(n, v);
            }
            err
        })
}

// ---------------------------------------------------------------------------------------
// Helpers (the documented rules, written independently)
// ---------------------------------------------------------------------------------------

/// The relaxed policy's forbidden characters (ErrorText::unicode docs).
fn relaxed_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn no_crlf(s: &str) -> bool {
    !s.contains('\r') && !s.contains('\n')
}

/// `Challenge::realm`'s documented sanitisation: control characters → space, non-ASCII →
/// `?`, at most 1024 characters.
fn sanitise_param(s: &str) -> String {
    s.chars()
        .take(1024)
        .map(|c| match c {
            c if c.is_ascii_control() => ' ',
            c if c.is_ascii() => c,
            _ => '?',
        })
        .collect()
}

/// What a relaxed text becomes in a header: non-ASCII → `?`.
fn header_safe(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii() { c } else { '?' }).collect()
}

fn pct_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let h = u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap();
            out.push(h);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

fn sorted_members(e: &ErrorResponse) -> Vec<(String, MemberValue)> {
    let mut m: Vec<_> =
        e.members().iter().map(|(n, v)| (n.as_str().to_owned(), v.clone())).collect();
    m.sort_by(|a, b| a.0.cmp(&b.0));
    m
}

// ---------------------------------------------------------------------------------------
// Text policy
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(proptest_config::config())]

    #[test]
    fn error_text_lossy_is_always_strict_valid(s in arb_string()) {
        let t = ErrorText::lossy(&s);
        prop_assert!(t.is_strict());
        prop_assert!(no_crlf(t.as_str()));
        prop_assert!(t.as_str().len() <= MAX_TEXT_LEN);
        prop_assert_eq!(t.is_empty(), s.is_empty());
        if !t.is_empty() {
            prop_assert_eq!(ErrorText::new(t.as_str().to_owned()), Ok(t.clone()));
        }
        // One output character per input character, up to the limit.
        prop_assert_eq!(t.as_str().len(), s.chars().count().min(MAX_TEXT_LEN));
        // The other lossy doors agree.
        prop_assert_eq!(ErrorText::from(s.clone()), t.clone());
        prop_assert_eq!(ErrorText::from(s.as_str()), t);
    }

    #[test]
    fn error_text_unicode_accepts_only_policy_text(s in arb_string()) {
        match ErrorText::unicode(s.clone()) {
            Ok(t) => {
                prop_assert_eq!(t.as_str(), s.as_str());
                prop_assert!(no_crlf(t.as_str()));
                prop_assert!(!s.chars().any(relaxed_forbidden));
                prop_assert_eq!(t.is_strict(), ErrorText::new(s.clone()).is_ok());
            }
            Err(_) => {
                prop_assert!(
                    s.is_empty() || s.len() > MAX_TEXT_LEN || s.chars().any(relaxed_forbidden)
                );
            }
        }
    }

    #[test]
    fn error_uri_lossy_is_always_valid(s in arb_string()) {
        let u = ErrorUri::lossy(&s);
        prop_assert!(no_crlf(u.as_str()));
        prop_assert!(u.as_str().len() <= MAX_URI_LEN);
        if !u.as_str().is_empty() {
            prop_assert_eq!(ErrorUri::new(u.as_str().to_owned()), Ok(u.clone()));
        }
        prop_assert_eq!(ErrorUri::from(s.clone()), u.clone());
        // Lossless when it fits and the input has no '%' of its own: only the RFC 3986
        // characters (and the first '#') are copied, everything else is escaped.
        let rfc3986 = |b: u8| b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b);
        let first_hash = s.find('#');
        let encoded_len: usize = s.bytes().enumerate()
            .map(|(i, b)| if rfc3986(b) && (b != b'#' || Some(i) == first_hash) { 1 } else { 3 })
            .sum();
        if !s.contains('%') && encoded_len <= MAX_URI_LEN {
            prop_assert_eq!(pct_decode(u.as_str()), s.as_bytes().to_vec());
        }
    }

    #[test]
    fn member_name_lossy_is_always_valid(s in arb_string()) {
        let n = MemberName::lossy(&s);
        prop_assert!(no_crlf(n.as_str()));
        prop_assert!(!n.as_str().is_empty() && n.as_str().len() <= 64);
        prop_assert_eq!(MemberName::new(n.as_str().to_owned()), Ok(n.clone()));
    }

    #[test]
    fn scope_lossy_is_empty_or_valid(s in arb_string()) {
        let sc = Scope::lossy(&s);
        prop_assert!(no_crlf(sc.as_str()));
        if !sc.as_str().is_empty() {
            prop_assert_eq!(Scope::new(sc.as_str().to_owned()), Ok(sc.clone()));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(proptest_config::config())]

    #[test]
    fn codes_round_trip(code in arb_code()) {
        let e = OAuthError::from_code(&code).unwrap();
        prop_assert_eq!(e.to_string(), code.clone());
        prop_assert_eq!(e.as_str(), code.as_str());
        prop_assert_eq!(code.parse::<OAuthError>().unwrap(), e.clone());
        prop_assert_eq!(OAuthError::try_from(code.clone()).unwrap(), e.clone());
        prop_assert_eq!(String::from(e.clone()), code.clone());
        let known = OAuthError::KNOWN.iter().find(|k| k.as_str() == code);
        match (&e, known) {
            (OAuthError::Extension(x), None) => prop_assert_eq!(x.as_str(), code.as_str()),
            (OAuthError::Extension(_), Some(k)) => {
                prop_assert!(false, "Extension holds the known code {}", k.as_str())
            }
            (v, Some(k)) => prop_assert_eq!(v, k),
            (v, None) => prop_assert!(false, "{:?} from an unknown code", v),
        }
        // serde agrees.
        let json = serde_json::to_string(&e).unwrap();
        prop_assert_eq!(serde_json::from_str::<OAuthError>(&json).unwrap(), e);
    }

    #[test]
    fn from_code_never_panics_and_rejects_outside_the_charset(s in arb_string()) {
        let r = OAuthError::from_code(&s);
        let valid = !s.is_empty()
            && s.len() <= 128
            && s.bytes().all(|b| matches!(b, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E))
            && !s.starts_with(' ')
            && !s.ends_with(' ');
        prop_assert_eq!(r.is_ok(), valid);
        if let Ok(e) = r {
            prop_assert_eq!(e.as_str(), s.as_str());
        }
    }
}

// ---------------------------------------------------------------------------------------
// Render → parse round-trips
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(proptest_config::config())]

    /// Every field survives `to_body` → `from_json`; members are compared as a set
    /// (see `json_round_trip_is_exact`, which also wants their order).
    #[test]
    fn json_round_trip(err in arb_error()) {
        let body = err.to_body();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        prop_assert!(v.is_object());
        let back = ErrorResponse::from_json(&body).unwrap();
        prop_assert_eq!(back.code(), err.code());
        prop_assert_eq!(back.description(), err.description());
        prop_assert_eq!(back.uri(), err.uri());
        prop_assert_eq!(sorted_members(&back), sorted_members(&err));
        // Deserialize agrees with from_json, Serialize with the body.
        let via_serde: ErrorResponse = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(&via_serde, &back);
        prop_assert_eq!(serde_json::to_value(&err).unwrap(), v);
    }

    #[test]
    fn challenge_round_trip(
        realm in arb_string(),
        scope in arb_string(),
        code in arb_code(),
        description in arb_description(),
        synthesised in any::<bool>(),
    ) {
        let mut err = ErrorResponse::new(OAuthError::from_code(&code).unwrap());
        if let Some(d) = description.clone() {
            err = err.with_description(d);
        }
        let expected_scope = Scope::lossy(&scope);
        if !synthesised {
            err = err.with_challenge(Challenge::bearer().realm(realm.clone()).scope(scope.as_str()));
        }
        let r = err.to_response(Endpoint::Resource);
        prop_assert!(r.status().is_client_error() || r.status().is_server_error());
        let values: Vec<_> = r.headers().get_all("www-authenticate").iter().collect();
        for v in &values {
            prop_assert!(!v.as_bytes().iter().any(|&b| matches!(b, b'\r' | b'\n' | 0)));
            prop_assert!(v.to_str().is_ok());
        }
        // A challenge, synthesised or attached, only on a 401 and for resource access
        // errors; an attached one makes a 400 a 401 and is dropped with any other status.
        let access = err.code().info().is_resource_access_error();
        let challenged = r.status() == 401 || access;
        prop_assert_eq!(values.len(), usize::from(challenged));
        let table = err.code().status_at(Endpoint::Resource);
        let want = if !synthesised && !access && table == 400 { 401 } else { table };
        prop_assert_eq!(r.status().as_u16(), want);
        if !challenged {
            return Ok(());
        }
        let parsed = parse_challenges(values.iter().map(|v| v.as_bytes())).unwrap();
        prop_assert_eq!(parsed.len(), 1);
        let p = &parsed[0];
        let expected_scheme = if synthesised
            && matches!(err.code(), OAuthError::InvalidDpopProof | OAuthError::UseDpopNonce)
        {
            "DPoP"
        } else {
            "Bearer"
        };
        prop_assert_eq!(p.scheme.as_str(), expected_scheme);
        prop_assert_eq!(p.token68.as_deref(), None);
        prop_assert_eq!(p.param("error"), Some(code.as_str()));
        let desc = description.filter(|d| !d.is_empty());
        let expected_desc = desc.as_ref().map(|d| header_safe(d.as_str()));
        prop_assert_eq!(p.param("error_description"), expected_desc.as_deref());
        if synthesised {
            prop_assert_eq!(p.param("realm"), None);
            prop_assert_eq!(p.param("scope"), None);
        } else {
            let expected_realm = sanitise_param(&realm);
            prop_assert_eq!(p.param("realm"), Some(expected_realm.as_str()));
            let sc = (!expected_scope.as_str().is_empty()).then_some(expected_scope.as_str());
            prop_assert_eq!(p.param("scope"), sc);
        }
        // Reading the error back from the challenge.
        let e = p.to_error().unwrap();
        prop_assert_eq!(e.code(), err.code());
        prop_assert_eq!(e.description().map(|d| d.as_str()), expected_desc.as_deref());
        if let Some(d) = desc.filter(|d| d.is_strict()) {
            prop_assert_eq!(e.description(), Some(&d));
        }
    }

    /// Anything the parser accepts renders safely again.
    #[test]
    fn parsed_json_renders_safely(
        code in arb_code(),
        description in arb_string(),
        uri in arb_string(),
        name in arb_string(),
        value in arb_string(),
    ) {
        let mut map = serde_json::Map::new();
        map.insert("error".into(), code.into());
        map.insert("error_description".into(), description.into());
        map.insert("error_uri".into(), uri.into());
        map.insert(name, value.into());
        let body = serde_json::to_vec(&serde_json::Value::Object(map)).unwrap();
        let err = match ErrorResponse::from_json(&body) {
            Ok(e) => e,
            Err(_) => return Ok(()), // too large or `error` was replaced by a member
        };
        for ep in Endpoint::ALL {
            let r = err.to_response(ep);
            for (_, v) in r.headers() {
                prop_assert!(v.to_str().is_ok());
                prop_assert!(!v.as_bytes().iter().any(|&b| matches!(b, b'\r' | b'\n' | 0)));
            }
            prop_assert!(serde_json::from_slice::<serde_json::Value>(r.body()).is_ok());
        }
    }
}

proptest! {
    #![proptest_config(proptest_config::config())]

    /// The exact `PartialEq` round-trip the parse module promises, members in order.
    #[test]
        fn json_round_trip_is_exact(err in arb_error()) {
        let back = ErrorResponse::from_json(&err.to_body()).unwrap();
        prop_assert_eq!(back, err);
    }
}

// ---------------------------------------------------------------------------------------
// Parsers never panic
// ---------------------------------------------------------------------------------------

fn arb_bytes() -> impl Strategy<Value = Vec<u8>> {
    let alphabet: Vec<u8> =
        b"{}[]\":,\\ \t\r\n=abcdefuvwxyzBDP0123456789-._~+/%#?&\x00\x7f\x80\xc3\xa9\xff".to_vec();
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        proptest::collection::vec(proptest::sample::select(alphabet), 0..300),
    ]
}

fn arb_challenge_text() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        arb_bytes(),
        proptest::string::string_regex(
            r#"((Bearer|DPoP|Basic|x)( |  |\t|,)?((realm|error|a|scope)( ?= ?)("[^"]{0,8}"|"[a-z\\"]{0,8}|[a-z0-9=]{0,5})(, ?|,,| )?){0,4}){0,3}"#
        )
        .unwrap()
        .prop_map(String::into_bytes),
    ]
}

fn arb_redirect() -> impl Strategy<Value = String> {
    prop_oneof![
        arb_string(),
        proptest::string::string_regex(
            r#"(https://c/cb)?[?#]?((error|error_description|error_uri|state|iss|x)(=[a-z%0-9A-F+ &#?\r\n"\\é]{0,12})?&?){0,6}"#
        )
        .unwrap(),
    ]
}

/// Date-shaped strings in all three HTTP-date forms (IMF-fixdate, RFC 850, asctime),
/// with wrong day names, months, ranges and zones mixed in.
fn arb_date_like() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(vec!["Sun", "Mon", "Sunday", "Monday", "Xyz", "   "]),
        0u32..100,
        proptest::sample::select(vec!["Jan", "Feb", "Nov", "Dec", "Foo", "jan"]),
        0u32..10_000,
        0u32..100,
        0u32..100,
        0u32..100,
        proptest::sample::select(vec![" GMT", " UTC", "GMT ", " gmt"]),
        0u8..3,
    )
        .prop_map(|(wd, d, m, y, hh, mm, ss, z, form)| match form {
            0 => format!("{wd}, {d:02} {m} {y:04} {hh:02}:{mm:02}:{ss:02}{z}"),
            1 => format!("{wd}, {d:02}-{m}-{:02} {hh:02}:{mm:02}:{ss:02}{z}", y % 100),
            _ => format!("{wd} {m} {d:>2} {hh:02}:{mm:02}:{ss:02} {y:04}"),
        })
}

/// 9999-12-31T23:59:59Z, the last instant an HTTP-date can name.
const MAX_HTTP_DATE: u64 = 253_402_300_799;

/// The long day name RFC 850 dates use for an IMF-fixdate's short one.
fn long_day(short: &str) -> &'static str {
    match short {
        "Mon" => "Monday",
        "Tue" => "Tuesday",
        "Wed" => "Wednesday",
        "Thu" => "Thursday",
        "Fri" => "Friday",
        "Sat" => "Saturday",
        "Sun" => "Sunday",
        other => panic!("not a day name: {other}"),
    }
}

/// The three forms of one instant, from its IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`):
/// (RFC 850, asctime with `SP DIGIT` day, asctime with two-digit day).
fn obsolete_forms(imf: &str) -> (String, String, String) {
    let (wd, dd, mon, yyyy, time) =
        (&imf[0..3], &imf[5..7], &imf[8..11], &imf[12..16], &imf[17..25]);
    let rfc850 = format!("{}, {dd}-{mon}-{} {time} GMT", long_day(wd), &yyyy[2..]);
    let day: u32 = dd.parse().unwrap();
    let asctime = format!("{wd} {mon} {day:>2} {time} {yyyy}");
    let asctime_2digit = format!("{wd} {mon} {dd} {time} {yyyy}");
    (rfc850, asctime, asctime_2digit)
}

proptest! {
    #![proptest_config(proptest_config::config())]

    #[test]
    fn from_json_never_panics(body in arb_bytes()) {
        let _ = ErrorResponse::from_json(&body);
    }

    #[test]
    fn from_json_never_panics_on_json(v in arb_json(), code in arb_string()) {
        let mut map = serde_json::Map::new();
        map.insert("error".into(), code.into());
        map.insert("x".into(), v.clone());
        let _ = ErrorResponse::from_json(&serde_json::to_vec(&map).unwrap());
        let _ = ErrorResponse::from_json(&serde_json::to_vec(&v).unwrap());
        let _ = ErrorResponse::from_json_value(v);
    }

    #[test]
    fn from_redirect_never_panics(s in arb_redirect()) {
        if let Ok((err, _iss)) = ErrorResponse::from_redirect(&s) {
            // What it accepts is within the policy.
            if let Some(d) = err.description() {
                prop_assert!(no_crlf(d.as_str()));
            }
            if let Some(u) = err.uri() {
                prop_assert!(no_crlf(u.as_str()));
                prop_assert_eq!(ErrorUri::new(u.as_str().to_owned()), Ok(u.clone()));
                if let Some(link) = u.linkable() {
                    let lower = link.to_ascii_lowercase();
                    prop_assert!(lower.starts_with("https://") || lower.starts_with("http://"));
                }
            }
            if let Some(st) = err.state() {
                prop_assert!(no_crlf(st.as_str()));
            }
        }
    }

    /// A string member made of any mix of escapes (lone and paired surrogates, escaped
    /// backslashes) and a number of any magnitude never make a body unreadable.
    #[test]
    fn from_json_reads_any_escape_mix_and_number(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                r"\ud800", r"\udbff", r"\udc00", r"\udfff", r"\ud83d\ude00", r"\\", r"\\ud800",
                r"\u0041", r"\n", "\\\"", "a", "\u{e9}", "\u{1F600}",
            ]),
            0..12,
        ),
        number in proptest::sample::select(vec!["1e400", "-1e400", "1e-400", "1", "1.5e308", "123456789012345678901234567890"]),
    ) {
        let text = pieces.concat();
        let body = format!(r#"{{"error":"invalid_request","m":"{text}","n":{number},"k":1}}"#);
        let err = ErrorResponse::from_json(body.as_bytes()).unwrap();
        prop_assert_eq!(err.code(), &OAuthError::InvalidRequest);
        prop_assert!(err.member("k").is_some());
        // Without lone surrogates, the string is exactly what serde_json reads.
        if let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(&body) {
            let want = m["m"].as_str().unwrap();
            prop_assert_eq!(err.member("m").and_then(MemberValue::as_str), (!want.is_empty()).then_some(want));
        }
        // And it renders back to a body that reads back equal.
        prop_assert_eq!(ErrorResponse::from_json(&err.to_body()).unwrap(), err);
    }

    #[test]
    fn parse_challenges_never_panics(b in arb_challenge_text(), b2 in arb_bytes()) {
        let _ = parse_challenges([&b]);
        let _ = parse_challenges([&b, &b2]);
        if let Ok(cs) = parse_challenges([&b]) {
            for c in cs {
                let _ = c.to_error();
                if let Some(ch) = c.to_challenge() {
                    prop_assert!(no_crlf(&ch.to_string()));
                }
            }
        }
    }

    #[test]
    fn retry_after_parse_never_panics(s in arb_string(), d in arb_date_like()) {
        let _ = RetryAfter::parse(&s);
        if let Some(RetryAfter::At(t)) = RetryAfter::parse(&d) {
            prop_assert!(t >= UNIX_EPOCH);
        }
    }

    #[test]
    fn retry_after_date_round_trip(secs in 0u64..=253_402_300_799) {
        let t = UNIX_EPOCH + Duration::from_secs(secs);
        let s = RetryAfter::At(t).to_string();
        prop_assert_eq!(s.len(), 29);
        prop_assert_eq!(RetryAfter::parse(&s), Some(RetryAfter::At(t)));
        let hv = RetryAfter::At(t).to_header_value();
        prop_assert_eq!(hv.to_str().unwrap(), s.as_str());
    }

    #[test]
    fn retry_after_seconds_round_trip(n in any::<u64>()) {
        prop_assert_eq!(RetryAfter::parse(&n.to_string()), Some(RetryAfter::Seconds(n)));
        prop_assert_eq!(RetryAfter::parse(&format!(" {n}\t")), Some(RetryAfter::Seconds(n)));
        prop_assert_eq!(RetryAfter::parse(&format!("000{n}")), Some(RetryAfter::Seconds(n)));
    }

    #[test]
    fn retry_after_seconds_beyond_u64_saturate(
        n in (u128::from(u64::MAX) + 1)..=u128::MAX,
        extra in "[0-9]{0,200}",
    ) {
        prop_assert_eq!(RetryAfter::parse(&n.to_string()), Some(RetryAfter::Seconds(u64::MAX)));
        let long = format!("{n}{extra}");
        prop_assert_eq!(RetryAfter::parse(&long), Some(RetryAfter::Seconds(u64::MAX)));
    }

    #[test]
    fn retry_after_obsolete_date_forms_parse_to_the_same_instant(
        secs in 0u64..=MAX_HTTP_DATE,
        // How far the date is from `now`: less than 49 years either way, so the RFC 850
        // two-digit year has exactly one reading (RFC 9110 §5.6.7).
        delta in -1_546_000_000i64..1_546_000_000,
    ) {
        let t = UNIX_EPOCH + Duration::from_secs(secs);
        let imf = RetryAfter::At(t).to_string();
        let (rfc850, asctime, asctime_2digit) = obsolete_forms(&imf);
        let want = Some(RetryAfter::At(t));
        prop_assert_eq!(RetryAfter::parse(&asctime), want, "{}", asctime);
        prop_assert_eq!(RetryAfter::parse(&asctime_2digit), want, "{}", asctime_2digit);
        let now_secs = i64::try_from(secs).unwrap() - delta;
        prop_assume!((0..=MAX_HTTP_DATE as i64).contains(&now_secs));
        let now = UNIX_EPOCH + Duration::from_secs(now_secs.unsigned_abs());
        prop_assert_eq!(RetryAfter::parse_at(&rfc850, now), want, "{} at {}", rfc850, now_secs);
        prop_assert_eq!(RetryAfter::parse_at(&imf, now), want);
        prop_assert_eq!(RetryAfter::parse_at(&asctime, now), want);
    }
}

#[test]
fn retry_after_known_vectors() {
    let t = UNIX_EPOCH + Duration::from_secs(784_111_777);
    assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT"), Some(RetryAfter::At(t)));
    assert_eq!(RetryAfter::At(t).to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
    assert_eq!(RetryAfter::At(UNIX_EPOCH).to_string(), "Thu, 01 Jan 1970 00:00:00 GMT");
    let end = UNIX_EPOCH + Duration::from_secs(253_402_300_799);
    assert_eq!(RetryAfter::At(end).to_string(), "Fri, 31 Dec 9999 23:59:59 GMT");
    assert_eq!(RetryAfter::parse("Fri, 31 Dec 9999 23:59:59 GMT"), Some(RetryAfter::At(end)));
    let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
    assert_eq!(RetryAfter::At(leap).to_string(), "Tue, 29 Feb 2000 00:00:00 GMT");
    for bad in [
        "",
        "soon",
        "-1",
        "+5",
        "1.5",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 00 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1969 08:49:37 GMT",
    ] {
        assert_eq!(RetryAfter::parse(bad), None, "{bad:?}");
    }
    assert_eq!(RetryAfter::parse(" 30 "), Some(RetryAfter::Seconds(30)));
    assert_eq!(RetryAfter::parse("18446744073709551615"), Some(RetryAfter::Seconds(u64::MAX)));
    // delay-seconds beyond u64 saturate (RFC 9110 §10.2.3: `1*DIGIT`, no upper bound).
    assert_eq!(RetryAfter::parse("18446744073709551616"), Some(RetryAfter::Seconds(u64::MAX)));
    assert_eq!(RetryAfter::parse(&"9".repeat(10_000)), Some(RetryAfter::Seconds(u64::MAX)));
    assert_eq!(
        RetryAfter::parse(&format!("{}42", "0".repeat(10_000))),
        Some(RetryAfter::Seconds(42))
    );
}

/// 2025-06-15T12:00:00Z, a Sunday.
const NOW_2025: u64 = 1_749_988_800;

fn at(secs: u64) -> std::time::SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// `parse_at` at `now`, shown as an IMF-fixdate.
fn shown_at(s: &str, now: u64) -> Option<String> {
    RetryAfter::parse_at(s, at(now)).map(|r| r.to_string())
}

#[test]
fn retry_after_obsolete_forms_known_vectors() {
    // RFC 9110 §5.6.7's three examples name the same instant.
    let t = Some(RetryAfter::At(at(784_111_777)));
    assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT"), t);
    assert_eq!(RetryAfter::parse("Sunday, 06-Nov-94 08:49:37 GMT"), t);
    assert_eq!(RetryAfter::parse("Sun Nov  6 08:49:37 1994"), t);
    assert_eq!(RetryAfter::parse("Sun Nov 06 08:49:37 1994"), t);
    assert_eq!(RetryAfter::parse(" \tSun Nov  6 08:49:37 1994 "), t);
    assert_eq!(RetryAfter::parse("\tSunday, 06-Nov-94 08:49:37 GMT "), t);
    assert_eq!(RetryAfter::parse("Thu Jan  1 00:00:00 1970"), Some(RetryAfter::At(UNIX_EPOCH)));
    assert_eq!(
        RetryAfter::parse("Fri Dec 31 23:59:59 9999"),
        Some(RetryAfter::At(at(MAX_HTTP_DATE)))
    );
    // A leap second at the end of 9999 is clamped, as for IMF-fixdate.
    assert_eq!(
        RetryAfter::parse("Fri Dec 31 23:59:60 9999"),
        Some(RetryAfter::At(at(MAX_HTTP_DATE)))
    );
    assert_eq!(
        shown_at("Tuesday, 29-Feb-00 00:00:00 GMT", NOW_2025).as_deref(),
        Some("Tue, 29 Feb 2000 00:00:00 GMT")
    );

    for bad in [
        // Case-sensitive (RFC 9110 §5.6.7).
        "sunday, 06-Nov-94 08:49:37 GMT",
        "Sunday, 06-NOV-94 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 gmt",
        "sun Nov  6 08:49:37 1994",
        // Short day name in RFC 850, long one in asctime, wrong day.
        "Sun, 06-Nov-94 08:49:37 GMT",
        "Sunday Nov  6 08:49:37 1994",
        "Monday, 06-Nov-94 08:49:37 GMT",
        "Mon Nov  6 08:49:37 1994",
        // Layout.
        "Sunday, 6-Nov-94 08:49:37 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sunday, 06 Nov 94 08:49:37 GMT",
        "Sunday,06-Nov-94 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37",
        "Sunday, 06-Nov-94 8:49:37 GMT",
        "Sun Nov 6 08:49:37 1994",
        "Sun Nov  6 08:49:37 94",
        "Sun Nov  6 08:49:37 1994 GMT",
        "Sun Nov   6 08:49:37 1994",
        "Sun Nov  6 08.49.37 1994",
        "Sun Nov -6 08:49:37 1994",
        "Sun Nov  6 08:49:37 +994",
        // Ranges and impossible dates.
        "Sunday, 06-Nov-94 24:49:37 GMT",
        "Sunday, 06-Nov-94 08:60:37 GMT",
        "Sunday, 06-Nov-94 08:49:61 GMT",
        "Sun Nov  0 08:49:37 1994",
        "Thu Feb 31 08:49:37 1994",
        "Thursday, 31-Feb-94 08:49:37 GMT",
        "Thu Feb 29 00:00:00 2001",
        // Before 1970.
        "Thu Jan  1 00:00:00 1969",
        "Wed Dec 31 23:59:59 1969",
    ] {
        assert_eq!(RetryAfter::parse_at(bad, at(NOW_2025)), None, "{bad:?}");
    }
}

#[test]
fn retry_after_rfc850_two_digit_year_follows_the_50_year_rule() {
    // RFC 9110 §5.6.7: a two-digit year "that appears to be more than 50 years in the
    // future" is the most recent past year with the same last two digits.
    let cases: [(&str, u64, Option<&str>); 9] = [
        // now = 2025-06-15T12:00:00Z: the limit is 2075-06-15T12:00:00Z.
        ("Sunday, 15-Jun-25 12:00:00 GMT", NOW_2025, Some("Sun, 15 Jun 2025 12:00:00 GMT")),
        ("Saturday, 15-Jun-75 12:00:00 GMT", NOW_2025, Some("Sat, 15 Jun 2075 12:00:00 GMT")),
        ("Sunday, 15-Jun-75 12:00:01 GMT", NOW_2025, Some("Sun, 15 Jun 1975 12:00:01 GMT")),
        ("Monday, 16-Jun-75 00:00:00 GMT", NOW_2025, Some("Mon, 16 Jun 1975 00:00:00 GMT")),
        ("Monday, 31-Dec-74 23:59:59 GMT", NOW_2025, Some("Mon, 31 Dec 2074 23:59:59 GMT")),
        ("Friday, 31-Dec-99 23:59:59 GMT", NOW_2025, Some("Fri, 31 Dec 1999 23:59:59 GMT")),
        ("Wednesday, 01-Jan-70 00:00:00 GMT", NOW_2025, Some("Wed, 01 Jan 2070 00:00:00 GMT")),
        // The day name must fit the year the rule picks.
        ("Sunday, 15-Jun-75 12:00:00 GMT", NOW_2025, None),
        ("Saturday, 15-Jun-75 12:00:01 GMT", NOW_2025, None),
    ];
    for (s, now, want) in cases {
        assert_eq!(shown_at(s, now).as_deref(), want, "{s} at {now}");
    }

    // Across a century: at 2099-12-31T23:59:59Z, `00` is 2100.
    let end_2099 = 4_102_444_799;
    assert_eq!(
        shown_at("Friday, 01-Jan-00 00:00:00 GMT", end_2099).as_deref(),
        Some("Fri, 01 Jan 2100 00:00:00 GMT")
    );
    assert_eq!(
        shown_at("Thursday, 31-Dec-99 00:00:00 GMT", end_2099).as_deref(),
        Some("Thu, 31 Dec 2099 00:00:00 GMT")
    );
    // At 2000-01-01T00:00:00Z the limit is 2050-01-01T00:00:00Z, and a year resolved to
    // before 1970 is refused like any date before 1970.
    let y2k = 946_684_800;
    assert_eq!(
        shown_at("Saturday, 01-Jan-50 00:00:00 GMT", y2k).as_deref(),
        Some("Sat, 01 Jan 2050 00:00:00 GMT")
    );
    assert_eq!(shown_at("Sunday, 01-Jan-50 00:00:01 GMT", y2k), None); // 1950
    assert_eq!(
        shown_at("Thursday, 01-Jan-70 00:00:00 GMT", y2k).as_deref(),
        Some("Thu, 01 Jan 1970 00:00:00 GMT")
    );

    // Now on 29 February: 50 years on is 1 March (the year after is not a leap year).
    let feb29_2024 = 1_709_164_800;
    assert_eq!(
        shown_at("Thursday, 01-Mar-74 00:00:00 GMT", feb29_2024).as_deref(),
        Some("Thu, 01 Mar 2074 00:00:00 GMT")
    );
    assert_eq!(
        shown_at("Friday, 01-Mar-74 00:00:01 GMT", feb29_2024).as_deref(),
        Some("Fri, 01 Mar 1974 00:00:01 GMT")
    );

    // `now` is clamped to 1970..=9999: before the epoch it counts as 1970, after 9999 as
    // 9999 (and a year resolved past 9999 is clamped like every later time).
    let before_epoch = UNIX_EPOCH - Duration::from_secs(86_400 * 365 * 10);
    assert_eq!(
        RetryAfter::parse_at("Thursday, 01-Jan-70 00:00:00 GMT", before_epoch),
        Some(RetryAfter::At(UNIX_EPOCH))
    );
    let far = UNIX_EPOCH + Duration::from_secs(MAX_HTTP_DATE * 4);
    assert_eq!(
        RetryAfter::parse_at("Saturday, 01-Jan-00 00:00:00 GMT", far),
        Some(RetryAfter::At(at(MAX_HTTP_DATE)))
    );
}

#[test]
fn json_round_trip_keeps_member_order() {
    let sent = ErrorResponse::new(OAuthError::InvalidRequest)
        .with_member("zeta", "1")
        .with_member("alpha", "2");
    assert_eq!(&sent.to_body()[..], br#"{"error":"invalid_request","zeta":"1","alpha":"2"}"#);
    let back = ErrorResponse::from_json(&sent.to_body()).unwrap();
    let names: Vec<_> = back.members().iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["zeta", "alpha"]); // documented: "Every other member is kept, in order"
    assert_eq!(back, sent);
}

#[test]
fn retry_after_parse_rejects_impossible_dates() {
    assert_eq!(RetryAfter::parse("Xyz, 06 Nov 1994 08:49:37 GMT"), None);
    assert_eq!(RetryAfter::parse("Mon, 06 Nov 1994 08:49:37 GMT"), None); // was a Sunday
    assert_eq!(RetryAfter::parse("Thu, 31 Feb 1994 08:49:37 GMT"), None);
}

#[test]
fn retry_after_far_future_is_still_an_http_date() {
    let t = UNIX_EPOCH + Duration::from_secs(253_402_300_800); // 10000-01-01
    let s = RetryAfter::At(t).to_string();
    assert_eq!(s.len(), 29, "{s}");
    assert!(RetryAfter::parse(&s).is_some(), "{s}");
}
