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
/// Sent with 413 (RFC 9110 §15.5.14: a temporary condition; RFC 9126 §2.3 names 413 at the
/// pushed authorization request endpoint), 429 (RFC 6585 §4) and 503 (RFC 9110 §15.6.4)
/// responses only ([`is_sent_with`](Self::is_sent_with)); on any other status it is
/// dropped, because it has no defined meaning there.
///
/// Never on a redirect: on a 3xx, RFC 9110 §10.2.3 makes `Retry-After` the time the user
/// agent waits before *following the redirect*, so on a redirected authorization error
/// (303/302) it would delay the delivery of the error to the client instead of telling
/// the client when to retry. [`AuthorizationError`](crate::authorize::AuthorizationError)
/// never sends it.
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
    /// Parses a received `Retry-After` value (RFC 9110 §10.2.3). `None` when malformed.
    ///
    /// * `delay-seconds` (`1*DIGIT`): a value beyond `u64::MAX` saturates to
    ///   `Seconds(u64::MAX)` (it is still a delay, just a very long one).
    /// * `HTTP-date` in all three forms a recipient MUST accept (RFC 9110 §5.6.7):
    ///   IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
    ///   (`Sunday, 06-Nov-94 08:49:37 GMT`) and the asctime form
    ///   (`Sun Nov  6 08:49:37 1994`). Dates are case-sensitive, must exist, and must
    ///   carry the right day name; a date before 1970 is `None`; times after 9999 are
    ///   clamped to `Fri, 31 Dec 9999 23:59:59 GMT`.
    /// * The RFC 850 form's two-digit year follows RFC 9110 §5.6.7: a date that would be
    ///   more than 50 years in the future is taken to be in the past century. The
    ///   reference is the system clock; [`parse_at`](Self::parse_at) takes it explicitly.
    /// * Optional whitespace (space, tab) around the value is ignored.
    ///
    /// ```
    /// use oauth_errors::RetryAfter;
    /// assert_eq!(RetryAfter::parse("30"), Some(RetryAfter::Seconds(30)));
    /// assert_eq!(RetryAfter::parse("99999999999999999999999"), Some(RetryAfter::Seconds(u64::MAX)));
    /// let t = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
    /// assert_eq!(t.to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
    /// assert_eq!(RetryAfter::parse("Sun Nov  6 08:49:37 1994"), Some(t));
    /// assert_eq!(RetryAfter::parse("Sunday, 06-Nov-94 08:49:37 GMT"), Some(t));
    /// assert_eq!(RetryAfter::parse("soon"), None);
    /// ```
    pub fn parse(value: &str) -> Option<RetryAfter> {
        RetryAfter::parse_at(value, SystemTime::now())
    }

    /// [`parse`](Self::parse), with `now` as the reference for the RFC 850 form's
    /// two-digit year (RFC 9110 §5.6.7): the year is the latest one ending in those two
    /// digits whose date is at most 50 years after `now` — "50 years after" meaning the
    /// same month, day and time, 50 years on (29 February then counts as 1 March). `now`
    /// is clamped to 1970–9999. Every other form ignores `now`.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use oauth_errors::RetryAfter;
    ///
    /// // 2025-06-15T12:00:00Z
    /// let now = UNIX_EPOCH + Duration::from_secs(1_749_988_800);
    /// let parse = |s| RetryAfter::parse_at(s, now).map(|r| r.to_string());
    /// // Up to 50 years ahead: this century or the next.
    /// assert_eq!(parse("Saturday, 15-Jun-75 12:00:00 GMT").as_deref(), Some("Sat, 15 Jun 2075 12:00:00 GMT"));
    /// // One second further is more than 50 years ahead: the past century.
    /// assert_eq!(parse("Sunday, 15-Jun-75 12:00:01 GMT").as_deref(), Some("Sun, 15 Jun 1975 12:00:01 GMT"));
    /// ```
    pub fn parse_at(value: &str, now: SystemTime) -> Option<RetryAfter> {
        let v = value.trim_matches([' ', '\t']);
        if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
            // All digits: the only failure is overflow.
            return Some(RetryAfter::Seconds(v.parse().unwrap_or(u64::MAX)));
        }
        parse_http_date(v, now).map(RetryAfter::At)
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

    /// Whether an error response with `status` carries `Retry-After`: 413, 429 and 503
    /// (see the [type-level docs](RetryAfter)).
    ///
    /// ```
    /// use http::StatusCode;
    /// use oauth_errors::RetryAfter;
    ///
    /// assert!(RetryAfter::is_sent_with(StatusCode::PAYLOAD_TOO_LARGE));
    /// assert!(RetryAfter::is_sent_with(StatusCode::TOO_MANY_REQUESTS));
    /// assert!(RetryAfter::is_sent_with(StatusCode::SERVICE_UNAVAILABLE));
    /// assert!(!RetryAfter::is_sent_with(StatusCode::BAD_REQUEST));
    /// assert!(!RetryAfter::is_sent_with(StatusCode::SEE_OTHER)); // never on a redirect
    /// ```
    pub fn is_sent_with(status: http::StatusCode) -> bool {
        matches!(status.as_u16(), 413 | 429 | 503)
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

/// The full day names of the obsolete RFC 850 form, in the order of [`DAYS`].
const LONG_DAYS: [&str; 7] =
    ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"];

/// Seconds since the epoch of `now`, clamped to 1970..=9999 (the years an HTTP-date can
/// name).
fn clamped_secs(now: SystemTime) -> i64 {
    let secs = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    // MAX_HTTP_DATE_SECS fits an i64.
    i64::try_from(secs.min(MAX_HTTP_DATE_SECS)).unwrap_or(0)
}

/// A parsed HTTP-date before validation: the day name's index in [`DAYS`], the date and
/// the time of day.
struct DateParts {
    day_name: usize,
    y: i64,
    m: u32,
    d: u32,
    hh: u32,
    mm: u32,
    ss: u32,
}

impl DateParts {
    fn secs(&self) -> i64 {
        days_from_civil(self.y, self.m, self.d) * 86_400
            + i64::from(self.hh * 3600 + self.mm * 60 + self.ss)
    }

    /// The instant, after checking the ranges, that the date exists (no 31 Feb) and that
    /// the day name is the right one. Dates before 1970 are `None`; a time after the end of
    /// 9999 (a leap second on 9999-12-31, or an RFC 850 year resolved past 9999) is clamped
    /// like every later time.
    fn to_system_time(&self) -> Option<SystemTime> {
        let DateParts { day_name, y, m, d, hh, mm, ss } = *self;
        if !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 60 {
            return None;
        }
        let days = days_from_civil(y, m, d);
        if civil_from_days(days) != (y, m, d) || days.rem_euclid(7) as usize != day_name {
            return None;
        }
        let secs = u64::try_from(self.secs()).ok()?.min(MAX_HTTP_DATE_SECS);
        UNIX_EPOCH.checked_add(Duration::from_secs(secs))
    }
}

/// Two or four ASCII digits (no sign, no space) as a number.
fn digits(s: &str, r: core::ops::Range<usize>) -> Option<u32> {
    let part = s.get(r)?;
    if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
}

fn month(s: &str, r: core::ops::Range<usize>) -> Option<u32> {
    let name = s.get(r)?;
    MONTHS.iter().position(|&x| x == name).and_then(|i| u32::try_from(i + 1).ok())
}

fn day_name(names: &[&str; 7], s: &str) -> Option<usize> {
    names.iter().position(|&x| x == s)
}

/// `time-of-day = hour ":" minute ":" second`, 8 bytes from `at`.
fn time_of_day(s: &str, at: usize) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.get(at + 2) != Some(&b':') || b.get(at + 5) != Some(&b':') {
        return None;
    }
    Some((digits(s, at..at + 2)?, digits(s, at + 3..at + 5)?, digits(s, at + 6..at + 8)?))
}

/// `HTTP-date = IMF-fixdate / obs-date` (RFC 9110 §5.6.7), case-sensitive.
fn parse_http_date(s: &str, now: SystemTime) -> Option<SystemTime> {
    parse_imf_fixdate(s)
        .or_else(|| parse_rfc850(s, now))
        .or_else(|| parse_asctime(s))?
        .to_system_time()
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`.
fn parse_imf_fixdate(s: &str) -> Option<DateParts> {
    let b = s.as_bytes();
    if b.len() != 29 || &b[3..5] != b", " || &b[25..] != b" GMT" {
        return None;
    }
    if b[7] != b' ' || b[11] != b' ' || b[16] != b' ' {
        return None;
    }
    let (hh, mm, ss) = time_of_day(s, 17)?;
    Some(DateParts {
        day_name: day_name(&DAYS, s.get(..3)?)?,
        y: i64::from(digits(s, 12..16)?),
        m: month(s, 8..11)?,
        d: digits(s, 5..7)?,
        hh,
        mm,
        ss,
    })
}

/// `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete RFC 850 form). The two-digit year is
/// resolved against `now` by RFC 9110 §5.6.7: the latest year with those two digits that
/// is not more than 50 years after `now` (same month, day and time, 50 years on; 29
/// February then counts as 1 March).
fn parse_rfc850(s: &str, now: SystemTime) -> Option<DateParts> {
    let (name, rest) = s.split_once(", ")?;
    let b = rest.as_bytes();
    // "06-Nov-94 08:49:37 GMT"
    if b.len() != 22 || b[2] != b'-' || b[6] != b'-' || b[9] != b' ' || &b[18..] != b" GMT" {
        return None;
    }
    let (hh, mm, ss) = time_of_day(rest, 10)?;
    let yy = i64::from(digits(rest, 7..9)?);
    let mut date = DateParts {
        day_name: day_name(&LONG_DAYS, name)?,
        y: 0,
        m: month(rest, 3..6)?,
        d: digits(rest, 0..2)?,
        hh,
        mm,
        ss,
    };
    let now = clamped_secs(now);
    let (ny, nm, nd) = civil_from_days(now.div_euclid(86_400));
    let limit = days_from_civil(ny + 50, nm, nd) * 86_400 + now.rem_euclid(86_400);
    let century = ny - ny.rem_euclid(100);
    // The century after now's is tried first; the one before always fits.
    date.y = century - 100 + yy;
    for y in [century + 100 + yy, century + yy] {
        let candidate = DateParts { y, ..date };
        if candidate.secs() <= limit {
            date.y = y;
            break;
        }
    }
    Some(date)
}

/// `Sun Nov  6 08:49:37 1994` (asctime form; the day is `SP DIGIT` or two digits).
fn parse_asctime(s: &str) -> Option<DateParts> {
    let b = s.as_bytes();
    if b.len() != 24 || b[3] != b' ' || b[7] != b' ' || b[10] != b' ' || b[19] != b' ' {
        return None;
    }
    let d = if b[8] == b' ' { digits(s, 9..10)? } else { digits(s, 8..10)? };
    let (hh, mm, ss) = time_of_day(s, 11)?;
    Some(DateParts {
        day_name: day_name(&DAYS, s.get(..3)?)?,
        y: i64::from(digits(s, 20..24)?),
        m: month(s, 4..7)?,
        d,
        hh,
        mm,
        ss,
    })
}
