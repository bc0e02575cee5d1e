//! Arbitrary str → `RetryAfter::parse` and `OAuthError::from_code`.
//!
//! `RetryAfter`:
//! * `Seconds(n)`: `Display` then `parse` gives `Seconds(n)` back;
//! * `At(t)`: `Display` is a 29-byte IMF-fixdate that parses back to the same `t`;
//! * either way `to_header_value()` equals `Display` (never the `"0"` fallback).
//! * When the input is a number of seconds `n` (≤ year 9999), `At(UNIX_EPOCH + n)`
//!   also round-trips through `Display`/`parse`.
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

fuzz_target!(|data: &str| {
    // --- Retry-After ---
    if let Some(r) = RetryAfter::parse(data) {
        check_retry_after(r);
        if let RetryAfter::Seconds(n) = r {
            assert_eq!(r.to_string(), n.to_string());
            if n < YEAR_10000 {
                check_retry_after(RetryAfter::At(UNIX_EPOCH + Duration::from_secs(n)));
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
