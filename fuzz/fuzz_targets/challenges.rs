//! Arbitrary bytes → `parse_challenges([bytes])`.
//!
//! Invariants on `Ok(challenges)`: no challenge holds a parameter name twice (names are
//! lower-cased; RFC 9110 §11.2); and for every parsed challenge whose `to_challenge()` is
//! `Some(c)`:
//! * `c.to_string()` is header-safe: only `%x20-7E` (so no CR, LF, NUL or other
//!   control), and `http::HeaderValue::from_str` accepts it;
//! * it is the same as `c.to_header_value(None)`;
//! * it parses again into exactly one challenge, with the same scheme (case-insensitively),
//!   whose `to_challenge()` equals `c` (rendering is lossless for what it keeps);
//! * with the error read from the same challenge (`to_error()`), the header value with
//!   error parameters is header-safe too, parses again, and carries the same `error`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oauth_errors::parse_challenges;

fn assert_header_safe(what: &str, s: &str) {
    if let Some(b) = s.bytes().find(|b| !(0x20..=0x7E).contains(b)) {
        panic!("{what}: byte {b:#04x} is not visible ASCII/SP in {s:?}");
    }
    if let Err(e) = http::HeaderValue::from_str(s) {
        panic!("{what}: not a valid header value ({e}): {s:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = parse_challenges([data]) else {
        return;
    };
    for p in &parsed {
        for (i, (name, _)) in p.params.iter().enumerate() {
            assert_eq!(name, &name.to_ascii_lowercase(), "name not lower-cased: {p:?}");
            assert!(
                p.params[..i].iter().all(|(n, _)| n != name),
                "parameter {name:?} twice in {p:?}"
            );
        }
        // Accessors never panic.
        let _ = p.param("realm");
        let err = p.to_error();

        let Some(c) = p.to_challenge() else {
            continue;
        };
        let rendered = c.to_string();
        assert_header_safe("Challenge::to_string", &rendered);
        assert_eq!(
            c.to_header_value(None).as_bytes(),
            rendered.as_bytes(),
            "Display and to_header_value(None) differ"
        );

        let again = match parse_challenges([rendered.as_bytes()]) {
            Ok(a) => a,
            Err(e) => panic!("rendered challenge does not parse ({e}): {rendered:?}"),
        };
        assert_eq!(
            again.len(),
            1,
            "rendered challenge parses as {} challenges: {rendered:?} -> {again:?}",
            again.len()
        );
        assert!(
            again[0].scheme.eq_ignore_ascii_case(&p.scheme),
            "scheme changed: {:?} -> {rendered:?}",
            p.scheme
        );
        assert_eq!(again[0].token68, None, "rendered challenge read as token68");
        // Rendering is a fixed point: a challenge rebuilt from its own rendering renders
        // the same bytes (a bare Basic/Bearer challenge gains `realm=""` on the way, which
        // then stays).
        let rebuilt = again[0].to_challenge().expect("scheme still valid");
        assert_eq!(rebuilt.to_string(), rendered, "challenge changed on round trip");

        if let Some(err) = err {
            let hv = c.to_header_value(Some(&err));
            let s = match hv.to_str() {
                Ok(s) => s.to_owned(),
                Err(e) => panic!("header value with error is not ASCII ({e}): {hv:?}"),
            };
            assert_header_safe("Challenge::to_header_value(Some(err))", &s);
            let with_err = match parse_challenges([s.as_bytes()]) {
                Ok(a) => a,
                Err(e) => panic!("challenge with error does not parse ({e}): {s:?}"),
            };
            assert_eq!(with_err.len(), 1, "{s:?} -> {with_err:?}");
            if matches!(c.scheme(), oauth_errors::Scheme::Bearer | oauth_errors::Scheme::DPoP) {
                assert_eq!(
                    with_err[0].param("error"),
                    Some(err.code().as_str()),
                    "error parameter lost: {s:?}"
                );
                let back = with_err[0].to_error();
                assert_eq!(
                    back.as_ref().map(|e| e.code()),
                    Some(err.code()),
                    "error code changed: {s:?}"
                );
            }
        }
    }
});
