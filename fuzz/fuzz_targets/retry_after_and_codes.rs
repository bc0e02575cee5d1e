//! Arbitrary str → `RetryAfter::parse` and `OAuthError::from_code`.
//!
//! `RetryAfter`:
//! * `Seconds(n)`: `Display` then `parse` gives `Seconds(n)` back;
//! * `At(t)`: `Display` is a 29-byte IMF-fixdate that parses back to the same `t`;
//! * either way `to_header_value()` equals `Display` (never the `"0"` fallback).
//! * When the input is a number of seconds `n` (≤ year 9999), `At(UNIX_EPOCH + n)`
//!   also round-trips through `Display`/`parse`.
//! * Input of digits only (after optional whitespace) is always `Seconds`, saturating at
//!   `u64::MAX`.
//! * Every date parsed (in any of the three HTTP-date forms) parses to the same instant
//!   from its RFC 850 form (read with `parse_at` and that instant as `now`) and from its
//!   asctime form.
//!
//! `OAuthError::from_code`:
//! * on `Ok(c)`: `c.to_string()` and `c.as_str()` equal the input, and `from_code`,
//!   `FromStr`, `TryFrom<String>` and serde all give `c` back; `is_known()` agrees with
//!   `OAuthError::KNOWN`;
//! * on `Err`: the input is empty, longer than 128 bytes, or outside NQSCHAR, and the
//!   other parsing doors reject it too.
#![no_main]

use std::time::{Duration, UNIX_EPOCH};

use libfuzzer_sys::fuzz_target;
use oauth_errors::text::MAX_CODE_LEN;
use oauth_errors::{OAuthError, RetryAfter};

/// 10000-01-01T00:00:00Z: the first instant IMF-fixdate cannot write in 4 digits.
const YEAR_10000: u64 = 253_402_300_800;

fn check_retry_after(r: RetryAfter) {
    let shown = r.to_string();
    assert_eq!(
        r.to_header_value().as_bytes(),
        shown.as_bytes(),
        "to_header_value differs from Display for {r:?}"
    );
    if let RetryAfter::At(_) = r {
        assert_eq!(shown.len(), 29, "not an IMF-fixdate: {shown:?}");
    }
    assert_eq!(RetryAfter::parse(&shown), Some(r), "Display then parse is not identity: {shown:?}");
}

/// The RFC 850 and asctime forms of an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn obsolete_forms(imf: &str) -> (String, String) {
    let long_day = match &imf[0..3] {
        "Mon" => "Monday",
        "Tue" => "Tuesday",
        "Wed" => "Wednesday",
        "Thu" => "Thursday",
        "Fri" => "Friday",
        "Sat" => "Saturday",
        _ => "Sunday",
    };
    let (dd, mon, yyyy, time) = (&imf[5..7], &imf[8..11], &imf[12..16], &imf[17..25]);
    let day = dd.trim_start_matches('0');
    (
        format!("{long_day}, {dd}-{mon}-{} {time} GMT", &yyyy[2..]),
        format!("{} {mon} {day:>2} {time} {yyyy}", &imf[0..3]),
    )
}

fuzz_target!(|data: &str| {
    // --- Retry-After ---
    let trimmed = data.trim_matches([' ', '\t']);
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let want = trimmed.parse::<u64>().unwrap_or(u64::MAX);
        assert_eq!(RetryAfter::parse(data), Some(RetryAfter::Seconds(want)), "digits: {data:?}");
    }
    if let Some(r) = RetryAfter::parse(data) {
        check_retry_after(r);
        match r {
            RetryAfter::Seconds(n) => {
                assert_eq!(r.to_string(), n.to_string());
                if n < YEAR_10000 {
                    check_retry_after(RetryAfter::At(UNIX_EPOCH + Duration::from_secs(n)));
                }
            }
            RetryAfter::At(t) => {
                let (rfc850, asctime) = obsolete_forms(&r.to_string());
                assert_eq!(RetryAfter::parse_at(&rfc850, t), Some(r), "RFC 850 form {rfc850:?}");
                assert_eq!(RetryAfter::parse(&asctime), Some(r), "asctime form {asctime:?}");
            }
        }
    }

    // --- error codes ---
    let parsed = OAuthError::from_code(data);
    let via_string = OAuthError::try_from(data.to_owned());
    let via_fromstr = data.parse::<OAuthError>();
    let via_serde =
        serde_json::from_value::<OAuthError>(serde_json::Value::String(data.to_owned()));
    match parsed {
        Ok(c) => {
            assert_eq!(c.to_string(), data, "to_string differs from input");
            assert_eq!(c.as_str(), data, "as_str differs from input");
            assert_eq!(OAuthError::from_code(&c.to_string()).as_ref(), Ok(&c));
            assert_eq!(via_string.as_ref(), Ok(&c), "TryFrom<String> disagrees");
            assert_eq!(via_fromstr.as_ref(), Ok(&c), "FromStr disagrees");
            assert_eq!(via_serde.as_ref().ok(), Some(&c), "serde disagrees");
            assert_eq!(
                c.is_known(),
                OAuthError::KNOWN.contains(&c),
                "is_known disagrees with KNOWN"
            );
            if let Some(info) = c.known_info() {
                assert_eq!(info.code, data);
            }
            let json = serde_json::to_string(&c).unwrap_or_default();
            assert_eq!(
                serde_json::from_str::<OAuthError>(&json).ok().as_ref(),
                Some(&c),
                "serde round trip via {json:?}"
            );
            assert_eq!(String::from(c.clone()), data);
        }
        Err(_) => {
            assert!(
                data.is_empty()
                    || data.len() > MAX_CODE_LEN
                    || data.starts_with(' ')
                    || data.ends_with(' ')
                    || data.bytes().any(|b| !matches!(b, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E)),
                "valid code rejected: {data:?}"
            );
            assert!(via_string.is_err(), "TryFrom<String> accepts {data:?}");
            assert!(via_fromstr.is_err(), "FromStr accepts {data:?}");
            assert!(via_serde.is_err(), "serde accepts {data:?}");
        }
    }
});
