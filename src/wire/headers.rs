//! Response header values: `Retry-After` and the fixed values every error carries.

use core::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::HeaderValue;

/// `application/json` (RFC 8259 §11 defines no `charset` parameter; OAuth 2.1 and OIDC
/// examples send it bare).
pub(crate) const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");
/// `application/problem+json` (RFC 9457 §3).
pub(crate) const APPLICATION_PROBLEM_JSON: HeaderValue =
    HeaderValue::from_static("application/problem+json");
/// `no-store` (RFC 6749 §5.1, OAuth 2.1 §3.2.3).
pub(crate) const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");
/// `no-cache` for `Pragma` (RFC 6749 §5.1 compatibility).
pub(crate) const NO_CACHE: HeaderValue = HeaderValue::from_static("no-cache");
/// `text/html;charset=utf-8` for `form_post` pages.
pub(crate) const TEXT_HTML: HeaderValue = HeaderValue::from_static("text/html;charset=utf-8");
/// `DPoP-Nonce` (RFC 9449 §8.1).
pub(crate) const DPOP_NONCE: http::HeaderName = http::HeaderName::from_static("dpop-nonce");

/// A `Retry-After` value (RFC 9110 §10.2.3): a delay in seconds or an HTTP-date.
///
/// Sent with 429 (RFC 6585 §4) and 503 (RFC 9110 §15.6.4) responses only; on any other
/// status it is dropped, because it has no defined meaning there.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use oauth_errors::RetryAfter;
///
/// assert_eq!(RetryAfter::Seconds(120).to_string(), "120");
/// let date = RetryAfter::At(UNIX_EPOCH + Duration::from_secs(784_111_777));
/// assert_eq!(date.to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
/// assert_eq!(RetryAfter::from(Duration::from_millis(1500)), RetryAfter::Seconds(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryAfter {
    /// `delay-seconds`.
    Seconds(u64),
    /// `HTTP-date`, written as IMF-fixdate (second precision, UTC; times after the year
    /// 9999 are written as `Fri, 31 Dec 9999 23:59:59 GMT`).
    At(SystemTime),
}

/// Rounds up to whole seconds.
impl From<Duration> for RetryAfter {
    fn from(d: Duration) -> Self {
        RetryAfter::Seconds(d.as_secs().saturating_add(u64::from(d.subsec_nanos() > 0)))
    }
}

impl From<u64> for RetryAfter {
    fn from(secs: u64) -> Self {
        RetryAfter::Seconds(secs)
    }
}

impl From<SystemTime> for RetryAfter {
    fn from(t: SystemTime) -> Self {
        RetryAfter::At(t)
    }
}

impl RetryAfter {
    /// Parses a received `Retry-After` value (delay-seconds, IMF-fixdate; the obsolete
    /// RFC 850 and asctime forms are not accepted). `None` when malformed.
    ///
    /// ```
    /// use oauth_errors::RetryAfter;
    /// assert_eq!(RetryAfter::parse("30"), Some(RetryAfter::Seconds(30)));
    /// let t = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
    /// assert_eq!(t.to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
    /// assert_eq!(RetryAfter::parse("soon"), None);
    /// ```
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let v = value.trim_matches([' ', '\t']);
        if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
            return v.parse().ok().map(RetryAfter::Seconds);
        }
        parse_imf_fixdate(v).map(RetryAfter::At)
    }

    /// The header value.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use oauth_errors::RetryAfter;
    ///
    /// assert_eq!(RetryAfter::Seconds(30).to_header_value(), "30");
    /// let at = RetryAfter::from(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    /// assert_eq!(at.to_header_value(), "Tue, 14 Nov 2023 22:13:20 GMT");
    /// ```
    pub fn to_header_value(&self) -> HeaderValue {
        // Only digits, letters, spaces, commas and colons: always valid.
        HeaderValue::from_str(&self.to_string()).unwrap_or(HeaderValue::from_static("0"))
    }
}

impl fmt::Display for RetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            RetryAfter::Seconds(s) => write!(f, "{s}"),
            RetryAfter::At(t) => {
                let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
                write_imf_fixdate(f, secs)
            }
        }
    }
}

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// 9999-12-31T23:59:59Z: HTTP-dates have four-digit years.
const MAX_HTTP_DATE_SECS: u64 = 253_402_300_799;

fn write_imf_fixdate(f: &mut fmt::Formatter<'_>, secs: u64) -> fmt::Result {
    let secs = secs.min(MAX_HTTP_DATE_SECS);
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    let wd = DAYS[(days.rem_euclid(7)) as usize];
    let mon = MONTHS[(m - 1) as usize];
    write!(
        f,
        "{wd}, {d:02} {mon} {y:04} {:02}:{:02}:{:02} GMT",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

fn parse_imf_fixdate(s: &str) -> Option<SystemTime> {
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    let b = s.as_bytes();
    if b.len() != 29 || &b[3..5] != b", " || &b[25..] != b" GMT" {
        return None;
    }
    let num = |r: core::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
    };
    let d = num(5..7)?;
    let m = MONTHS.iter().position(|&x| Some(x) == s.get(8..11))? as u32 + 1;
    let y = num(12..16)?;
    let (hh, mm, ss) = (num(17..19)?, num(20..22)?, num(23..25)?);
    if b[7] != b' ' || b[11] != b' ' || b[16] != b' ' || b[19] != b':' || b[22] != b':' {
        return None;
    }
    if !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    let days = days_from_civil(i64::from(y), m, d);
    // Impossible dates (31 Feb) and wrong day names are rejected.
    if civil_from_days(days) != (i64::from(y), m, d)
        || s.get(..3) != Some(DAYS[(days.rem_euclid(7)) as usize])
    {
        return None;
    }
    let secs = days.checked_mul(86_400)? + i64::from(hh * 3600 + mm * 60 + ss);
    // A leap second at the very end of 9999 is clamped like every later time.
    let secs = u64::try_from(secs).ok()?.min(MAX_HTTP_DATE_SECS);
    UNIX_EPOCH.checked_add(Duration::from_secs(secs))
}
