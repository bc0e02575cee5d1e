//! Arbitrary str → `ErrorResponse::from_redirect`.
//!
//! Invariants on `Ok((err, iss))`:
//! * `state`, if any, is `1*VSCHAR` (`%x20-7E`), at most `MAX_STATE_LEN` bytes;
//! * the code is 1–128 bytes of NQSCHAR, the description (if any) has no control
//!   character, the `error_uri` (if any) holds only RFC 3986 URI-reference characters
//!   (no `<`, `>`, space, quote or control character; `%` only as `%XX`; at most one
//!   `#`), and `linkable()` is `Some` only for an `http`/`https` URI;
//! * the JSON body of the error parses back to the same code;
//! * redirecting the same error (query and fragment mode) with an
//!   `AuthorizationError` and reading the `Location` back gives an equal error and the
//!   same `state`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oauth_errors::authorize::{
    verify_redirect_uri, AuthorizationError, ResponseMode, MAX_STATE_LEN,
};
use oauth_errors::ErrorResponse;

fuzz_target!(|data: &str| {
    let Ok((err, _iss)) = ErrorResponse::from_redirect(data) else {
        return;
    };

    if let Some(state) = err.state() {
        let s = state.as_str();
        assert!(!s.is_empty(), "empty state kept");
        assert!(s.len() <= MAX_STATE_LEN, "state longer than {MAX_STATE_LEN}");
        assert!(s.bytes().all(|b| (0x20..=0x7E).contains(&b)), "state is not VSCHAR: {s:?}");
    }

    let code = err.code().as_str();
    assert!(!code.is_empty() && code.len() <= 128, "code length: {code:?}");
    assert!(
        code.bytes().all(|b| matches!(b, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E)),
        "code is not NQSCHAR: {code:?}"
    );
    if let Some(d) = err.description() {
        assert!(!d.is_empty(), "empty description kept");
        assert!(
            !d.as_str().chars().any(char::is_control),
            "control character in description: {d:?}"
        );
    }
    if let Some(u) = err.uri() {
        let s = u.as_str();
        let b = s.as_bytes();
        let uri_char = |c: u8| c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&c);
        assert!(b.iter().copied().all(uri_char), "error_uri has a non-URI character: {u:?}");
        for (i, _) in s.match_indices('%') {
            assert!(
                b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit),
                "error_uri has a stray %: {u:?}"
            );
        }
        assert!(s.matches('#').count() <= 1, "error_uri has two #: {u:?}");
        if let Some(link) = u.linkable() {
            let lower = link.to_ascii_lowercase();
            assert!(
                lower.starts_with("https://") || lower.starts_with("http://"),
                "linkable non-http(s) URI: {link:?}"
            );
        }
    }

    let body = err.to_body();
    match ErrorResponse::from_json(&body) {
        Ok(back) => assert_eq!(back.code(), err.code()),
        Err(e) => panic!(
            "JSON body of a redirect error does not parse ({e}): {:?}",
            String::from_utf8_lossy(&body)
        ),
    }

    // Render the same error as a redirect and read it back.
    let registered = ["https://client.example.com/cb?tenant=7"];
    let Ok(uri) = verify_redirect_uri(None, &registered) else {
        panic!("fixed redirect URI rejected");
    };
    for mode in [ResponseMode::Query, ResponseMode::Fragment] {
        let a = AuthorizationError::new(err.clone(), uri.clone()).mode(mode);
        let Some(location) = a.location() else {
            // Codes that are never redirected (invalid_client, federation codes).
            assert!(!a.redirects(), "redirectable error without a Location");
            continue;
        };
        assert!(
            location.bytes().all(|b| (0x21..=0x7E).contains(&b)),
            "Location is not visible ASCII: {location:?}"
        );
        let (back, back_iss) = match ErrorResponse::from_redirect(&location) {
            Ok(r) => r,
            Err(e) => panic!("Location does not parse back ({e}): {location:?}"),
        };
        assert_eq!(back_iss, None);
        assert_eq!(back, err, "redirect round trip ({mode:?}) via {location:?}");
    }
});
