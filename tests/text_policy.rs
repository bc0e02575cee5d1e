//! The text policy, exactly: every door of every text type, with exact outputs and exact
//! `TextError` values (RFC 6749 Appendix A, RFC 6750 §3, RFC 9449 §8.1, RFC 9110 §11).

use std::borrow::Cow;

use oauth_errors::authorize::State;
use oauth_errors::text::{ErrorText, ErrorUri, MAX_TEXT_LEN, MAX_URI_LEN, TextError};
use oauth_errors::{
    Challenge, DpopNonce, Endpoint, ErrorResponse, MAX_MEMBER_NAME_LEN, MemberName, MemberValue,
    OAuthError, Scheme, Scope, error_text, error_uri, parse_challenges,
};

const DESC: &str = "error_description";

fn forbidden(what: &'static str, offset: usize, ch: char) -> TextError {
    TextError::Forbidden { what, offset, ch }
}

fn too_long(what: &'static str, len: usize, max: usize) -> TextError {
    TextError::TooLong { what, len, max }
}

fn no_crlf(s: &str) -> bool {
    !s.contains('\r') && !s.contains('\n')
}

// ---------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------

#[test]
fn limits_are_the_documented_ones() {
    assert_eq!(MAX_TEXT_LEN, 1024);
    assert_eq!(MAX_URI_LEN, 2048);
    assert_eq!(MAX_MEMBER_NAME_LEN, 64);
    assert_eq!(oauth_errors::text::MAX_CODE_LEN, 128);
    assert_eq!(oauth_errors::authorize::MAX_STATE_LEN, 4096);
}

// ---------------------------------------------------------------------------------------
// ErrorText::new (strict, checked)
// ---------------------------------------------------------------------------------------

#[test]
fn error_text_new_accepts_every_nqschar() {
    let all: String =
        (0x20u8..=0x7E).filter(|&b| b != b'"' && b != b'\\').map(char::from).collect();
    assert_eq!(all.len(), 93);
    let t = ErrorText::new(all.clone()).unwrap();
    assert_eq!(t.as_str(), all);
    assert!(t.is_strict());
    assert!(!t.is_empty());
    // Space alone is NQSCHAR (1*NQSCHAR).
    assert_eq!(ErrorText::new(" ").unwrap().as_str(), " ");
}

#[test]
fn error_text_new_exact_errors() {
    let cases: Vec<(String, TextError)> = vec![
        (String::new(), TextError::Empty { what: DESC }),
        ("say \"hi\"".into(), forbidden(DESC, 4, '"')),
        ("a\\b".into(), forbidden(DESC, 1, '\\')),
        ("line one\r\nInjected: header".into(), forbidden(DESC, 8, '\r')),
        ("\n".into(), forbidden(DESC, 0, '\n')),
        ("tab\there".into(), forbidden(DESC, 3, '\t')),
        ("nul\0".into(), forbidden(DESC, 3, '\0')),
        ("del\x7f".into(), forbidden(DESC, 3, '\x7f')),
        ("esc\x1b[0m".into(), forbidden(DESC, 3, '\x1b')),
        ("caf\u{e9}".into(), forbidden(DESC, 3, '\u{e9}')),
        ("ab\u{1F600}".into(), forbidden(DESC, 2, '\u{1F600}')),
        ("x\u{85}".into(), forbidden(DESC, 1, '\u{85}')),
        ("\u{2028}".into(), forbidden(DESC, 0, '\u{2028}')),
        ("a".repeat(1025), too_long(DESC, 1025, 1024)),
        // Length is checked before the characters.
        (format!("\n{}", "a".repeat(1024)), too_long(DESC, 1025, 1024)),
        // The limit is in bytes: 1023 + a 2-byte character.
        (format!("{}\u{e9}", "a".repeat(1023)), too_long(DESC, 1025, 1024)),
    ];
    for (input, expected) in cases {
        assert_eq!(ErrorText::new(input.clone()), Err(expected), "input {input:?}");
    }
}

#[test]
fn error_text_new_boundary() {
    let max = "a".repeat(MAX_TEXT_LEN);
    assert_eq!(ErrorText::new(max.clone()).unwrap().as_str(), max);
    assert!(ErrorText::new(format!("{max}a")).is_err());
}

#[test]
fn text_error_display() {
    assert_eq!(TextError::Empty { what: DESC }.to_string(), "error_description: empty value");
    assert_eq!(
        too_long(DESC, 1025, 1024).to_string(),
        "error_description: 1025 bytes, longer than the limit of 1024"
    );
    assert_eq!(
        forbidden(DESC, 8, '\r').to_string(),
        "error_description: character U+000D at byte 8 is not allowed"
    );
    assert_eq!(
        forbidden(DESC, 0, '\u{1F600}').to_string(),
        "error_description: character U+1F600 at byte 0 is not allowed"
    );
    assert_eq!(
        TextError::Known { what: "member name", code: "error".into() }.to_string(),
        "member name: `error` is reserved"
    );
}

// ---------------------------------------------------------------------------------------
// ErrorText::lossy and the From impls
// ---------------------------------------------------------------------------------------

/// (input, exact lossy output)
fn lossy_text_cases() -> Vec<(String, String)> {
    let v: Vec<(&str, &str)> = vec![
        ("", ""),
        ("plain text", "plain text"),
        (" ", " "),
        ("\"", "'"),
        ("\\", "/"),
        ("\r", " "),
        ("\n", " "),
        ("\r\n", "  "),
        ("\t", " "),
        ("\0", " "),
        ("\x1b", " "),
        ("\x7f", " "),
        ("\u{e9}", "?"),
        ("e\u{301}", "e?"),
        ("\u{6f22}\u{5b57}", "??"),
        ("\u{1F600}", "?"),
        // family emoji: 5 chars (3 people joined by 2 ZWJ) -> 5 '?'
        ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "?????"),
        // C1 control characters are non-ASCII: '?' (not a space).
        ("\u{85}", "?"),
        ("\u{9f}", "?"),
        ("\u{a0}", "?"),
        ("\u{2028}\u{2029}", "??"),
        ("\u{202e}evil", "?evil"),
        ("\u{feff}", "?"),
        ("\u{fffd}", "?"),
        ("a\"b\\c\r\nd", "a'b/c  d"),
        ("bad \"scope\"\r\nX-Evil: 1 \u{2014} ok", "bad 'scope'  X-Evil: 1 ? ok"),
        ("\r\nSet-Cookie: sid=1", "  Set-Cookie: sid=1"),
    ];
    v.into_iter().map(|(a, b)| (a.to_owned(), b.to_owned())).collect()
}

#[test]
fn error_text_lossy_exact_replacements() {
    for (input, expected) in lossy_text_cases() {
        let t = ErrorText::lossy(&input);
        assert_eq!(t.as_str(), expected, "input {input:?}");
        assert!(t.is_strict(), "lossy output is strict: {input:?}");
        assert_eq!(t.is_empty(), expected.is_empty());
        if !expected.is_empty() {
            assert_eq!(ErrorText::new(expected.clone()).unwrap(), t);
        }
        // Every lossy door agrees.
        assert_eq!(ErrorText::from(input.as_str()), t, "From<&str> {input:?}");
        assert_eq!(ErrorText::from(input.clone()), t, "From<String> {input:?}");
        assert_eq!(ErrorText::from(Cow::<'static, str>::Owned(input.clone())), t);
        // Member values are not RFC 6749 text: kept exactly.
        assert_eq!(MemberValue::from(input.as_str()), MemberValue::Text(input.clone()));
        assert_eq!(MemberValue::from(input.clone()), MemberValue::Text(input.clone()));
    }
}

#[test]
fn error_text_lossy_truncation() {
    // (input, expected output)
    let cases: Vec<(String, String)> = vec![
        ("a".repeat(1024), "a".repeat(1024)),
        ("a".repeat(1025), "a".repeat(1024)),
        ("a".repeat(200_000), "a".repeat(1024)),
        // one output byte per input character, cut at 1024 output bytes
        ("\u{e9}".repeat(1025), "?".repeat(1024)),
        (format!("{}\u{e9}", "a".repeat(1023)), format!("{}?", "a".repeat(1023))),
        (format!("{}\u{e9}", "a".repeat(1024)), "a".repeat(1024)),
        ("\r\n".repeat(1000), " ".repeat(1024)),
        ("\"".repeat(2000), "'".repeat(1024)),
    ];
    for (input, expected) in cases {
        let t = ErrorText::lossy(&input);
        assert_eq!(t.as_str(), expected, "input of {} bytes", input.len());
        assert!(t.as_str().len() <= MAX_TEXT_LEN);
        assert_eq!(ErrorText::from(input), t);
    }
}

#[test]
fn error_text_from_keeps_valid_allocations() {
    // From<String> reuses the allocation when nothing must change.
    let s = String::from("The access token expired");
    let ptr = s.as_ptr();
    let t = ErrorText::from(s);
    assert_eq!(t.as_str().as_ptr(), ptr);
    // From<Cow::Borrowed> keeps a valid 'static text without copying.
    static LIT: &str = "static text";
    let t = ErrorText::from(Cow::Borrowed(LIT));
    assert_eq!(t.as_str().as_ptr(), LIT.as_ptr());
    // ... and copies only when it must change.
    let t = ErrorText::from(Cow::Borrowed("static \"text\""));
    assert_eq!(t.as_str(), "static 'text'");
}

#[test]
fn error_text_display_debug_asref() {
    let t = ErrorText::lossy("a \"b\"");
    assert_eq!(t.to_string(), "a 'b'");
    assert_eq!(format!("{t:?}"), "\"a 'b'\"");
    assert_eq!(AsRef::<str>::as_ref(&t), "a 'b'");
    let r = ErrorText::unicode("x\"y").unwrap();
    assert_eq!(format!("{r:?}"), r#""x\"y""#);
}

// ---------------------------------------------------------------------------------------
// error_text! / error_uri!
// ---------------------------------------------------------------------------------------

const EXPIRED: ErrorText = error_text!("The access token expired");
const ALL_NQS: ErrorText = error_text!(" !#$%&'()*+,-./0123456789:;<=>?@AZ[]^_`az{|}~");
const DOCS: ErrorUri = error_uri!("https://docs.example.com/errors#invalid_grant");
const RELATIVE: ErrorUri = error_uri!("/errors/invalid_grant");

#[test]
fn macros_build_the_same_values_as_new() {
    assert_eq!(EXPIRED.as_str(), "The access token expired");
    assert!(EXPIRED.is_strict());
    assert_eq!(EXPIRED, ErrorText::new("The access token expired").unwrap());
    assert_eq!(ALL_NQS, ErrorText::new(ALL_NQS.as_str().to_owned()).unwrap());
    assert_eq!(DOCS.as_str(), "https://docs.example.com/errors#invalid_grant");
    assert!(DOCS.is_absolute());
    assert_eq!(DOCS, ErrorUri::new("https://docs.example.com/errors#invalid_grant").unwrap());
    assert!(!RELATIVE.is_absolute());
    // Usable directly in builders, no allocation needed.
    let body = OAuthError::InvalidToken.with_description(EXPIRED).with_uri(DOCS).to_body();
    assert_eq!(
        &body[..],
        br#"{"error":"invalid_token","error_description":"The access token expired","error_uri":"https://docs.example.com/errors#invalid_grant"}"#
    );
}

// ---------------------------------------------------------------------------------------
// ErrorText::unicode (relaxed, checked)
// ---------------------------------------------------------------------------------------

#[test]
fn unicode_accepts_quotes_backslash_and_non_ascii() {
    // (input, strict?)
    let cases = [
        ("plain", true),
        (" ", true),
        ("\"", false),
        ("\\", false),
        (r#"Missing parameter: "code" is required"#, false),
        ("caf\u{e9}", false),
        ("\u{1F600}", false),
        ("\u{6f22}\u{5b57}", false),
        ("\u{a0}", false),
        ("\u{fffd}", false),
        ("\u{feff}", false),
        ("\u{200e}", false),
    ];
    for (input, strict) in cases {
        let t = ErrorText::unicode(input).unwrap();
        assert_eq!(t.as_str(), input);
        assert_eq!(t.is_strict(), strict, "{input:?}");
    }
    // A strictly valid text built through the relaxed door equals the strict one.
    assert_eq!(ErrorText::unicode("ok").unwrap(), ErrorText::new("ok").unwrap());
}

#[test]
fn unicode_rejects_controls_separators_and_bidi_overrides() {
    let mut rejected: Vec<char> = Vec::new();
    rejected.extend((0u32..0x20).filter_map(char::from_u32)); // C0, incl. TAB, CR, LF
    rejected.push('\x7f'); // DEL
    rejected.extend((0x80u32..=0x9F).filter_map(char::from_u32)); // C1
    rejected.extend(['\u{2028}', '\u{2029}']);
    rejected.extend((0x202Au32..=0x202E).filter_map(char::from_u32));
    rejected.extend((0x2066u32..=0x2069).filter_map(char::from_u32));
    assert_eq!(rejected.len(), 32 + 1 + 32 + 2 + 5 + 4);
    for ch in rejected {
        assert_eq!(
            ErrorText::unicode(format!("ab{ch}")),
            Err(forbidden(DESC, 2, ch)),
            "U+{:04X}",
            ch as u32
        );
        // Offset is in bytes, after a 2-byte character.
        assert_eq!(ErrorText::unicode(format!("\u{e9}{ch}x")), Err(forbidden(DESC, 2, ch)));
    }
}

#[test]
fn unicode_length_and_empty() {
    assert_eq!(ErrorText::unicode(""), Err(TextError::Empty { what: DESC }));
    let max = "\u{e9}".repeat(512); // 1024 bytes
    assert_eq!(ErrorText::unicode(max.clone()).unwrap().as_str(), max);
    assert_eq!(ErrorText::unicode(format!("{max}a")), Err(too_long(DESC, 1025, 1024)));
    // Length before characters.
    assert_eq!(ErrorText::unicode("\n".repeat(1025)), Err(too_long(DESC, 1025, 1024)));
}

#[test]
fn relaxed_text_is_json_escaped_in_bodies() {
    let raw = "Missing \"code\" \\ caf\u{e9} \u{1F600} </script> \u{fffd}";
    let d = ErrorText::unicode(raw).unwrap();
    let err = OAuthError::InvalidRequest.with_description(d.clone()).with_member("hint", d);
    let body = err.to_body();
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["error"], "invalid_request");
    assert_eq!(v["error_description"], raw);
    assert_eq!(v["hint"], raw);
    // Exact bytes: serde_json's escaping (quotes and backslash escaped, UTF-8 kept).
    let expected_str = serde_json::to_string(raw).unwrap();
    assert_eq!(
        String::from_utf8(body.to_vec()).unwrap(),
        format!(
            r#"{{"error":"invalid_request","error_description":{expected_str},"hint":{expected_str}}}"#
        )
    );
    assert_eq!(
        expected_str,
        "\"Missing \\\"code\\\" \\\\ caf\u{e9} \u{1F600} </script> \u{fffd}\""
    );
    // The rendered response has the same body.
    let r = err.to_response(Endpoint::Token);
    assert_eq!(r.body(), &body);
}

#[test]
fn relaxed_text_in_www_authenticate_is_quoted_pair_escaped_and_ascii() {
    let d = ErrorText::unicode("say \"h\u{e9}\" \\ \u{1F600}").unwrap();
    let err = OAuthError::InvalidToken
        .with_description(d)
        .with_challenge(Challenge::bearer().realm("example"));
    let r = err.to_response(Endpoint::Resource);
    assert_eq!(r.status(), 401);
    let v = r.headers()["www-authenticate"].to_str().unwrap();
    assert_eq!(
        v,
        r#"Bearer realm="example", error="invalid_token", error_description="say \"h?\" \\ ?""#
    );
    let parsed = parse_challenges([v]).unwrap();
    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed[0].param("error_description"), Some("say \"h?\" \\ ?"));
    // The body keeps the full text.
    let body: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
    assert_eq!(body["error_description"], "say \"h\u{e9}\" \\ \u{1F600}");
}

#[test]
fn strict_text_is_written_verbatim() {
    let err = OAuthError::InvalidGrant.with_description("it's <b>&amp; 100%");
    assert_eq!(
        &err.to_body()[..],
        br#"{"error":"invalid_grant","error_description":"it's <b>&amp; 100%"}"#
    );
}

#[test]
fn empty_description_is_omitted() {
    for e in [
        OAuthError::InvalidGrant.with_description(""),
        OAuthError::InvalidGrant.with_description(String::new()),
        OAuthError::InvalidGrant.with_description("x").with_description(""),
    ] {
        assert_eq!(e.description(), None);
        assert_eq!(&e.to_body()[..], br#"{"error":"invalid_grant"}"#);
    }
}

// ---------------------------------------------------------------------------------------
// ErrorUri
// ---------------------------------------------------------------------------------------

#[test]
fn error_uri_new_exact() {
    let ok = [
        "https://docs.example.com/errors#invalid_grant",
        "/relative/path?x=1",
        "urn:ietf:params:oauth:error",
        "100%25",
        "%7e%7E",
        // Every character RFC 3986 allows in a URI-reference.
        "azAZ09-._~:/?[]@!$&'()*+,;=#:/?[]@!$&'()*+,;=-._~",
        "#",
        "[::1]",
    ];
    for s in ok {
        let u = ErrorUri::new(s).unwrap();
        assert_eq!(u.as_str(), s);
        assert_eq!(u.to_string(), s);
        assert_eq!(format!("{u:?}"), format!("{s:?}"));
    }
    let w = "error_uri";
    let cases: Vec<(String, TextError)> = vec![
        (String::new(), TextError::Empty { what: w }),
        ("a b".into(), forbidden(w, 1, ' ')),
        (" ".into(), forbidden(w, 0, ' ')),
        ("a\"b".into(), forbidden(w, 1, '"')),
        ("a\\b".into(), forbidden(w, 1, '\\')),
        ("https://x/\r\n".into(), forbidden(w, 10, '\r')),
        ("\n".into(), forbidden(w, 0, '\n')),
        ("x\t".into(), forbidden(w, 1, '\t')),
        ("\u{e9}".into(), forbidden(w, 0, '\u{e9}')),
        ("x\x7f".into(), forbidden(w, 1, '\x7f')),
        ("a".repeat(2049), too_long(w, 2049, 2048)),
        // RFC 3986 allows none of these anywhere in a URI-reference.
        ("data:text/html,<script>".into(), forbidden(w, 15, '<')),
        ("a>b".into(), forbidden(w, 1, '>')),
        ("a^b".into(), forbidden(w, 1, '^')),
        ("a`b".into(), forbidden(w, 1, '`')),
        ("a{b".into(), forbidden(w, 1, '{')),
        ("a|b".into(), forbidden(w, 1, '|')),
        ("a}b".into(), forbidden(w, 1, '}')),
        // `%` only as `%XX` (pct-encoded).
        ("100%".into(), forbidden(w, 3, '%')),
        ("%4".into(), forbidden(w, 0, '%')),
        ("%zz".into(), forbidden(w, 0, '%')),
        ("a%4g".into(), forbidden(w, 1, '%')),
        // A fragment cannot contain `#`.
        ("https://x/#a#b".into(), forbidden(w, 12, '#')),
        ("##".into(), forbidden(w, 1, '#')),
    ];
    for (input, expected) in cases {
        assert_eq!(ErrorUri::new(input.clone()), Err(expected), "input {input:?}");
    }
    // Every ASCII byte: accepted alone exactly when RFC 3986 allows it.
    let rfc3986 = |b: u8| b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b);
    for b in 0u8..0x80 {
        let s = char::from(b).to_string();
        assert_eq!(ErrorUri::new(s.clone()).is_ok(), rfc3986(b), "byte {b:#04x}");
    }
    let max = "a".repeat(MAX_URI_LEN);
    assert_eq!(ErrorUri::new(max.clone()).unwrap().as_str(), max);
}

#[test]
fn error_uri_lossy_exact() {
    let cases: Vec<(&str, &str)> = vec![
        ("", ""),
        ("https://x.example/a", "https://x.example/a"),
        ("https://x.example/a b\r\n", "https://x.example/a%20b%0D%0A"),
        ("\"", "%22"),
        ("\\", "%5C"),
        (" ", "%20"),
        ("\t", "%09"),
        ("\0", "%00"),
        ("\x7f", "%7F"),
        ("\x1f", "%1F"),
        ("\u{e9}", "%C3%A9"),
        ("\u{1F600}", "%F0%9F%98%80"),
        ("\u{85}", "%C2%85"),
        ("\u{2028}", "%E2%80%A8"),
        ("100%", "100%25"),
        ("%0D%0A", "%0D%0A"),
        ("%4", "%254"),
        ("%zz%41", "%25zz%41"),
        ("\r\nSet-Cookie: x", "%0D%0ASet-Cookie:%20x"),
        ("<script>", "%3Cscript%3E"),
        ("a^`{|}b", "a%5E%60%7B%7C%7Db"),
        ("data:text/html,<b>#x#y", "data:text/html,%3Cb%3E#x%23y"),
        ("javascript:alert(document.cookie)", "javascript:alert(document.cookie)"),
    ];
    for (input, expected) in cases {
        let u = ErrorUri::lossy(input);
        assert_eq!(u.as_str(), expected, "input {input:?}");
        assert!(no_crlf(u.as_str()));
        assert_eq!(ErrorUri::from(input), u);
        assert_eq!(ErrorUri::from(input.to_owned()), u);
        if !expected.is_empty() {
            assert_eq!(ErrorUri::new(expected.to_owned()).unwrap(), u);
        }
    }
}

#[test]
fn error_uri_lossy_truncation_never_splits_an_escape_it_writes() {
    let a = |n: usize| "a".repeat(n);
    let cases: Vec<(String, String)> = vec![
        (a(2048), a(2048)),
        (a(2049), a(2048)),
        (a(200_000), a(2048)),
        // "%20" fits exactly.
        (format!("{} ", a(2045)), format!("{}%20", a(2045))),
        // "%20" does not fit: dropped whole.
        (format!("{} ", a(2046)), a(2046)),
        (format!("{} ", a(2047)), a(2047)),
        // Two-byte character: both escapes fit.
        (format!("{}\u{e9}", a(2042)), format!("{}%C3%A9", a(2042))),
        (format!("{}\u{e9}x", a(2047)), a(2047)),
        ("\r\n".repeat(2000), "%0D%0A".repeat(341)),
    ];
    for (input, expected) in cases {
        let u = ErrorUri::lossy(&input);
        assert_eq!(u.as_str(), expected, "input of {} bytes", input.len());
        assert!(u.as_str().len() <= MAX_URI_LEN);
        assert_eq!(ErrorUri::from(input), u);
    }
}

#[test]
fn error_uri_lossy_never_splits_a_character_between_escapes() {
    // A multi-byte character is encoded whole or not at all.
    let u = ErrorUri::lossy(&format!("{}\u{e9}", "a".repeat(2043)));
    assert_eq!(u.as_str(), "a".repeat(2043));
    let u = ErrorUri::lossy(&format!("{}\u{e9}", "a".repeat(2042)));
    assert_eq!(u.as_str(), format!("{}%C3%A9", "a".repeat(2042)));
}

#[test]
fn error_uri_lossy_never_cuts_inside_an_existing_escape() {
    // 2046 'a' + "%41": the slow path copies '%' and '4' and then stops at the limit.
    let u = ErrorUri::lossy(&format!("{}%41", "a".repeat(2046)));
    let s = u.as_str();
    assert!(s.len() <= MAX_URI_LEN);
    let tail = &s[s.len().saturating_sub(2)..];
    assert!(!s.ends_with('%') && !tail.starts_with('%'), "cut inside an escape: ...{tail}");
}

#[test]
fn error_uri_is_absolute_table() {
    let cases = [
        ("https://x", true),
        ("HTTPS://X", true),
        ("urn:ietf:rfc:6749", true),
        ("mailto:a@b", true),
        ("a+b-c.d:x", true),
        ("x:", true),
        ("/errors#x", false),
        ("errors", false),
        (":x", false),
        ("1a:x", false),
        ("a_b:x", false),
        ("./a:b", false),
        ("a/b:c", false),
        ("#frag:x", false),
        ("?q:x", false),
        ("//host:80/", false),
    ];
    for (s, abs) in cases {
        assert_eq!(ErrorUri::new(s).unwrap().is_absolute(), abs, "{s}");
    }
}

/// `linkable` is `Some` exactly for absolute `http`/`https` URIs with a host.
#[test]
fn error_uri_linkable_table() {
    let cases = [
        ("https://docs.example.com/errors#x", true),
        ("http://127.0.0.1:8080/e", true),
        ("HTTPS://DOCS.EXAMPLE.COM", true),
        ("hTtP://x", true),
        ("https://user@docs.example.com/e", true),
        ("https://[::1]:8443/e", true),
        ("https://x?q", true),
        ("https://x#f", true),
        ("javascript:alert(document.cookie)", false),
        ("JavaScript:alert(1)", false),
        ("javascript://x.example/%0Aalert(1)", false),
        ("data:text/html,%3Cscript%3Ealert(1)%3C/script%3E", false),
        ("vbscript:msgbox(1)", false),
        ("file:///etc/passwd", false),
        ("ftp://x.example/e", false),
        ("httpx://x.example/e", false),
        ("https:", false),
        ("https:x.example/e", false),
        ("https:/x.example/e", false),
        ("https://", false),
        ("https:///path", false),
        ("https://user@/path", false),
        ("https://:443/path", false),
        ("//x.example/e", false),
        ("/errors#x", false),
        ("errors", false),
    ];
    for (s, linkable) in cases {
        let u = ErrorUri::new(s).unwrap();
        assert_eq!(u.linkable(), linkable.then_some(s), "{s}");
        // `is_absolute` is syntax only: every scheme counts.
        if linkable {
            assert!(u.is_absolute(), "{s}");
        }
    }
    assert!(ErrorUri::new("javascript:alert(1)").unwrap().is_absolute());
}

#[test]
fn empty_uri_is_omitted() {
    let e = OAuthError::InvalidGrant.with_uri("");
    assert_eq!(e.uri(), None);
    assert_eq!(&e.to_body()[..], br#"{"error":"invalid_grant"}"#);
}

// ---------------------------------------------------------------------------------------
// MemberName
// ---------------------------------------------------------------------------------------

#[test]
fn member_name_new_exact() {
    for ok in ["error_human_title", "a", "A-Z.0_9", "ERROR", "error_codes", "scope"] {
        assert_eq!(MemberName::new(ok).unwrap().as_str(), ok);
    }
    let max = "n".repeat(64);
    assert_eq!(MemberName::new(max.clone()).unwrap().as_str(), max);
    let w = "member name";
    let cases: Vec<(String, TextError)> = vec![
        (String::new(), TextError::Empty { what: w }),
        ("n".repeat(65), too_long(w, 65, 64)),
        ("bad name".into(), forbidden(w, 3, ' ')),
        ("a\r\nb".into(), forbidden(w, 1, '\r')),
        ("a\"".into(), forbidden(w, 1, '"')),
        ("a/b".into(), forbidden(w, 1, '/')),
        ("n\u{e9}".into(), forbidden(w, 1, '\u{e9}')),
        ("error".into(), TextError::Known { what: w, code: "error".into() }),
        (
            "error_description".into(),
            TextError::Known { what: w, code: "error_description".into() },
        ),
        ("error_uri".into(), TextError::Known { what: w, code: "error_uri".into() }),
    ];
    for (input, expected) in cases {
        assert_eq!(MemberName::new(input.clone()), Err(expected), "input {input:?}");
    }
}

#[test]
fn member_name_lossy_exact() {
    let cases: Vec<(String, String)> = vec![
        ("ok_name".into(), "ok_name".into()),
        ("bad name".into(), "bad_name".into()),
        (String::new(), "_".into()),
        ("\r\n".into(), "__".into()),
        ("\u{e9}".into(), "_".into()),
        ("\u{1F600}x".into(), "_x".into()),
        ("a\"b\\c".into(), "a_b_c".into()),
        ("error".into(), "x_error".into()),
        ("error_description".into(), "x_error_description".into()),
        ("error_uri".into(), "x_error_uri".into()),
        ("error uri".into(), "x_error_uri".into()),
        ("n".repeat(65), "n".repeat(64)),
        ("n".repeat(200_000), "n".repeat(64)),
        (format!("{}\u{e9}yz", "x".repeat(63)), format!("{}_", "x".repeat(63))),
    ];
    for (input, expected) in cases {
        let n = MemberName::lossy(&input);
        assert_eq!(n.as_str(), expected, "input {input:?}");
        assert_eq!(MemberName::new(expected.clone()).unwrap(), n);
    }
}

#[test]
fn member_name_from_literal() {
    assert_eq!(MemberName::from("error_human_title").as_str(), "error_human_title");
    assert_eq!(MemberName::from("bad name").as_str(), "bad_name");
    assert_eq!(MemberName::from("error").as_str(), "x_error");
    assert_eq!(MemberName::from("").as_str(), "_");
    assert_eq!(MemberName::from("a\r\nSet-Cookie: x").as_str(), "a__Set-Cookie__x");
    let body =
        ErrorResponse::new(OAuthError::InvalidRequest).with_member("error", "shadow").to_body();
    assert_eq!(&body[..], br#"{"error":"invalid_request","x_error":"shadow"}"#);
}

// ---------------------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------------------

#[test]
fn scope_new_exact() {
    let s = Scope::new("read write").unwrap();
    assert_eq!(s.as_str(), "read write");
    assert_eq!(s.tokens().collect::<Vec<_>>(), ["read", "write"]);
    assert_eq!(Scope::new("a!#[]~").unwrap().as_str(), "a!#[]~");
    let max = "s".repeat(4096);
    assert_eq!(Scope::new(max.clone()).unwrap().as_str(), max);
    let w = "scope";
    let cases: Vec<(String, TextError)> = vec![
        (String::new(), TextError::Empty { what: w }),
        ("s".repeat(4097), too_long(w, 4097, 4096)),
        ("read  write".into(), forbidden(w, 4, ' ')),
        (" read".into(), forbidden(w, 0, ' ')),
        ("read ".into(), forbidden(w, 4, ' ')),
        (" ".into(), forbidden(w, 0, ' ')),
        ("a\"b".into(), forbidden(w, 1, '"')),
        ("a\\b".into(), forbidden(w, 1, '\\')),
        ("a\tb".into(), forbidden(w, 1, '\t')),
        ("a\r\nb".into(), forbidden(w, 1, '\r')),
        ("\u{e9}".into(), forbidden(w, 0, '\u{e9}')),
    ];
    for (input, expected) in cases {
        assert_eq!(Scope::new(input.clone()), Err(expected), "input {input:?}");
    }
}

#[test]
fn scope_lossy_exact() {
    let cases: Vec<(String, String)> = vec![
        // A token with a forbidden character is dropped whole, never filtered.
        ("  read \"write\"  ".into(), "read".into()),
        ("read write".into(), "read write".into()),
        ("a\r\nb".into(), "a b".into()),
        ("a\tb".into(), "a b".into()),
        ("a  b".into(), "a b".into()),
        ("re\\ad".into(), String::new()),
        ("\u{e9}".into(), String::new()),
        ("caf\u{e9} x".into(), "x".into()),
        ("r\u{e9}ad write".into(), "write".into()),
        ("read\u{a0}write".into(), String::new()),
        (String::new(), String::new()),
        ("\r\n".into(), String::new()),
        // A single token longer than 4096 bytes cannot be kept whole: dropped.
        ("s".repeat(5000), String::new()),
        // Whole tokens only, within 4096 bytes.
        ("a ".repeat(3000), "a ".repeat(2047) + "a"),
        // A token that would not fit whole is dropped, never cut.
        (format!("{} admin:write", "s".repeat(4090)), "s".repeat(4090)),
    ];
    for (input, expected) in cases {
        let s = Scope::lossy(&input);
        assert_eq!(s.as_str(), expected, "input {input:?}");
        assert_eq!(Scope::from(input.as_str()), s);
        if !expected.is_empty() {
            assert_eq!(Scope::new(expected.clone()).unwrap(), s);
        }
    }
    // An empty scope is omitted from a challenge.
    assert_eq!(Challenge::bearer().scope("\"\\\u{e9}").get_scope(), None);
    // ... and a Bearer challenge is never bare (RFC 6750 §3: at least one auth-param).
    assert_eq!(Challenge::bearer().scope("\"\\\u{e9}").to_string(), r#"Bearer realm="""#);
}

// ---------------------------------------------------------------------------------------
// DpopNonce, State, Scheme
// ---------------------------------------------------------------------------------------

#[test]
fn dpop_nonce_exact() {
    let n = DpopNonce::new("eyJ7S_zG.eyJH0-Z.HX4w-7v").unwrap();
    assert_eq!(n.as_str(), "eyJ7S_zG.eyJH0-Z.HX4w-7v");
    let max = "n".repeat(512);
    assert_eq!(DpopNonce::new(max.clone()).unwrap().as_str(), max);
    let w = "DPoP nonce";
    let cases: Vec<(String, TextError)> = vec![
        (String::new(), TextError::Empty { what: w }),
        ("n".repeat(513), too_long(w, 513, 512)),
        ("two words".into(), forbidden(w, 3, ' ')),
        ("a\"b".into(), forbidden(w, 1, '"')),
        ("a\\b".into(), forbidden(w, 1, '\\')),
        ("a\r\n".into(), forbidden(w, 1, '\r')),
        ("\u{e9}".into(), forbidden(w, 0, '\u{e9}')),
    ];
    for (input, expected) in cases {
        assert_eq!(DpopNonce::new(input.clone()), Err(expected), "input {input:?}");
    }
    let r = ErrorResponse::new(OAuthError::UseDpopNonce).with_dpop_nonce(n);
    let r = r.to_response(Endpoint::Token);
    assert_eq!(r.status(), 400);
    assert_eq!(r.headers()["dpop-nonce"], "eyJ7S_zG.eyJH0-Z.HX4w-7v");
}

#[test]
fn state_exact() {
    for ok in [r#"a "b" <c>"#, "\\", " ", "~", "x&y=z#f"] {
        assert_eq!(State::new(ok).unwrap().as_str(), ok);
    }
    let max = "s".repeat(4096);
    assert_eq!(State::new(max.clone()).unwrap().as_str(), max);
    let w = "state";
    let cases: Vec<(String, TextError)> = vec![
        (String::new(), TextError::Empty { what: w }),
        ("s".repeat(4097), too_long(w, 4097, 4096)),
        ("line\nbreak".into(), forbidden(w, 4, '\n')),
        ("cr\r".into(), forbidden(w, 2, '\r')),
        ("\t".into(), forbidden(w, 0, '\t')),
        ("\0".into(), forbidden(w, 0, '\0')),
        ("\x7f".into(), forbidden(w, 0, '\x7f')),
        ("\u{e9}".into(), forbidden(w, 0, '\u{e9}')),
    ];
    for (input, expected) in cases {
        assert_eq!(State::new(input.clone()), Err(expected), "input {input:?}");
    }
}

#[test]
fn scheme_new_exact() {
    let cases: Vec<(&str, Scheme)> = vec![
        ("Bearer", Scheme::Bearer),
        ("bearer", Scheme::Bearer),
        ("BEARER", Scheme::Bearer),
        ("DPoP", Scheme::DPoP),
        ("dpop", Scheme::DPoP),
        ("Basic", Scheme::Basic),
        ("bAsIc", Scheme::Basic),
        ("NeGotiate", Scheme::new("NeGotiate").unwrap()),
        ("x!#$%&'*+-.^_`|~9", Scheme::new("x!#$%&'*+-.^_`|~9").unwrap()),
    ];
    for (input, expected) in cases {
        let s = Scheme::new(input).unwrap();
        assert_eq!(s, expected, "{input}");
    }
    assert_eq!(Scheme::new("bearer").unwrap().as_str(), "Bearer");
    assert_eq!(Scheme::new("NeGotiate").unwrap().to_string(), "NeGotiate");
    let w = "auth-scheme";
    let cases: Vec<(String, TextError)> = vec![
        (String::new(), TextError::Empty { what: w }),
        ("s".repeat(65), too_long(w, 65, 64)),
        ("a b".into(), forbidden(w, 1, ' ')),
        ("Bearer\r\n".into(), forbidden(w, 6, '\r')),
        ("a,b".into(), forbidden(w, 1, ',')),
        ("a=".into(), forbidden(w, 1, '=')),
        ("\"x\"".into(), forbidden(w, 0, '"')),
        ("\u{e9}".into(), forbidden(w, 0, '\u{e9}')),
    ];
    for (input, expected) in cases {
        assert_eq!(Scheme::new(&input), Err(expected), "input {input:?}");
    }
    assert!(Scheme::new(&"s".repeat(64)).is_ok());
}

// ---------------------------------------------------------------------------------------
// Challenge parameter sanitisation
// ---------------------------------------------------------------------------------------

#[test]
fn challenge_params_are_sanitised_exactly() {
    let c = Challenge::bearer()
        .realm("a\r\nb\"c\\d\u{e9}\u{1F600}\x7f\0")
        .acr_values("x\ty")
        .algs("ES256\u{85}")
        .resource_metadata("https://rs/\u{2028}")
        .param("custom", "v\n");
    assert_eq!(c.get_realm(), Some("a  b\"c\\d??  "));
    assert_eq!(
        c.to_string(),
        r#"Bearer realm="a  b\"c\\d??  ", acr_values="x y", algs="ES256?", resource_metadata="https://rs/?", custom="v ""#
    );
    // Cut at 1024 characters (escaping can at most double that on the wire).
    let c = Challenge::bearer().realm("r".repeat(3000));
    assert_eq!(c.get_realm().unwrap().len(), 1024);
    let c = Challenge::bearer().realm("\u{e9}".repeat(3000));
    assert_eq!(c.get_realm().unwrap(), "?".repeat(1024));
}

#[test]
fn custom_params_that_collide_or_are_not_tokens_are_ignored() {
    let c = Challenge::bearer()
        .param("Error", "x")
        .param("REALM", "x")
        .param("a b", "x")
        .param("", "x")
        .param("k", "1")
        .param("K", "2");
    assert_eq!(c.to_string(), r#"Bearer k="1""#);
}

// ---------------------------------------------------------------------------------------
// CR/LF never survive any door
// ---------------------------------------------------------------------------------------

#[test]
fn crlf_never_survives_any_door() {
    let inputs =
        ["\r", "\n", "a\r\nSet-Cookie: x=1", "\r\n\r\n<html>", "x\u{85}y\u{2028}z", "\"\r\\\n"];
    for h in inputs {
        let hs = h.to_owned();
        // Checked doors refuse.
        if h.contains(['\r', '\n']) {
            assert!(ErrorText::new(hs.clone()).is_err());
            assert!(ErrorUri::new(hs.clone()).is_err());
            assert!(MemberName::new(hs.clone()).is_err());
            assert!(Scope::new(hs.clone()).is_err());
            assert!(DpopNonce::new(hs.clone()).is_err());
            assert!(State::new(hs.clone()).is_err());
            assert!(Scheme::new(h).is_err());
            assert!(OAuthError::from_code(h).is_err());
        }
        assert!(ErrorText::unicode(hs.clone()).is_err());
        // Lossy doors replace.
        assert!(no_crlf(ErrorText::lossy(h).as_str()));
        assert!(no_crlf(ErrorText::from(hs.clone()).as_str()));
        assert!(no_crlf(ErrorUri::lossy(h).as_str()));
        assert!(no_crlf(ErrorUri::from(hs.clone()).as_str()));
        assert!(no_crlf(MemberName::lossy(h).as_str()));
        assert!(no_crlf(Scope::lossy(h).as_str()));
        let c = Challenge::bearer()
            .realm(hs.clone())
            .scope(h)
            .acr_values(hs.clone())
            .algs(hs.clone())
            .resource_metadata(hs.clone())
            .param("p", hs.clone());
        assert!(no_crlf(&c.to_string()));
        // And through a rendered response.
        let r = OAuthError::InvalidToken
            .with_description(h)
            .with_uri(h)
            .with_member(MemberName::lossy(h), h)
            .with_challenge(c)
            .to_response(Endpoint::Resource);
        for (_, v) in r.headers() {
            assert!(!v.as_bytes().iter().any(|&b| b == b'\r' || b == b'\n' || b == 0));
        }
        // Bodies escape nothing raw either (strict text needs no escaping).
        assert!(!r.body().iter().any(|&b| b == b'\r' || b == b'\n'));
    }
}

#[test]
fn scope_lossy_truncation_drops_partial_tokens() {
    let s = Scope::lossy(&format!("{} admin:write", "s".repeat(4088)));
    assert!(s.as_str().len() <= 4096);
    assert!(
        s.tokens().all(|t| t == "s".repeat(4088) || t == "admin:write"),
        "{:?}",
        s.tokens().last()
    );
}
