//! The text policy: which characters may go on the wire, and what happens to the rest.
//!
//! RFC 6749 Appendix A restricts `error` and `error_description` to NQSCHAR
//! (`%x20-21 / %x23-5B / %x5D-7E`: printable ASCII without `"` and `\`) and `error_uri` to
//! the URI-reference syntax of RFC 3986 (so within `%x21 / %x23-5B / %x5D-7E`, and in fact
//! only the characters RFC 3986 allows: see [`ErrorUri`]). Values that follow these rules
//! are safe inside a JSON string, an HTTP quoted-string and a URL query without any
//! escaping, which is what makes the fast paths of this crate possible, and they can never
//! smuggle a header line (`CR`/`LF`) or break a quoted string.
//!
//! The policy applies to these three values — and to the header parameters built from
//! them — only. Extra body members ([`MemberValue`](crate::MemberValue)) are not RFC 6749
//! parameters with a charset: they are carried exactly, JSON-escaped, and never reach a
//! header.
//!
//! Every text type offers three doors:
//!
//! | Door | Behaviour | Use for |
//! |------|-----------|---------|
//! | `new` / `TryFrom` | checked: [`TextError`] on any violation | values you want to be sure of |
//! | `lossy` / `From<&str>` / `From<String>` | never fails; forbidden characters are replaced (see below) | request-derived or third-party text |
//! | [`error_text!`](crate::error_text), [`error_uri!`](crate::error_uri) | checked **at compile time** | literals |
//!
//! [`ErrorText`] additionally has [`ErrorText::unicode`], a checked *relaxed* door for
//! deployments whose documented messages use quotes or non-ASCII text (RFC 6749 does not
//! allow them, but many APIs send them): such text is JSON-escaped in bodies and reduced to
//! the strict set in headers.
//!
//! ### Lossy replacement (documented, stable)
//!
//! | Input | Output in [`ErrorText`] | Output in [`ErrorUri`] |
//! |-------|------------------------|------------------------|
//! | `"` | `'` | `%22` |
//! | `\` | `/` | `%5C` |
//! | space | kept | `%20` |
//! | `<` `>` `^` `` ` `` `{` `\|` `}` | kept | percent-encoded (`%3C`, `%3E`, `%5E`, `%60`, `%7B`, `%7C`, `%7D`) |
//! | `%` not followed by two hex digits | kept | `%25` |
//! | a second `#` | kept | `%23` |
//! | CR, LF, TAB, any other ASCII control character | one space | percent-encoded (`%0D`, `%0A`, …) |
//! | non-ASCII character | `?` (one per character) | its UTF-8 bytes percent-encoded |
//! | longer than the limit | cut at the limit | cut at the limit (never inside a `%XX`) |
//!
//! CR and LF never survive any door. Nothing here panics.

use core::fmt;
use std::borrow::Cow;

/// The longest error code accepted, in bytes. Registered codes are at most 34 bytes.
///
/// ```
/// use oauth_errors::{OAuthError, text::{MAX_CODE_LEN, TextError}};
///
/// assert!(OAuthError::from_code(&"x".repeat(MAX_CODE_LEN)).is_ok());
/// assert_eq!(
///     OAuthError::from_code(&"x".repeat(MAX_CODE_LEN + 1)),
///     Err(TextError::TooLong { what: "error", len: 129, max: 128 })
/// );
/// ```
pub const MAX_CODE_LEN: usize = 128;
/// The longest `error_description` kept, in bytes. Extra body members have no such limit
/// (see [`MemberValue`](crate::MemberValue)).
///
/// ```
/// use oauth_errors::text::{ErrorText, MAX_TEXT_LEN};
///
/// assert!(ErrorText::new("x".repeat(MAX_TEXT_LEN + 1)).is_err());
/// assert_eq!(ErrorText::lossy(&"x".repeat(5000)).as_str().len(), MAX_TEXT_LEN);
/// ```
pub const MAX_TEXT_LEN: usize = 1024;
/// The longest `error_uri` kept, in bytes.
///
/// ```
/// use oauth_errors::text::{ErrorUri, MAX_URI_LEN};
///
/// let long = format!("https://x.example/{}", "a".repeat(MAX_URI_LEN));
/// assert!(ErrorUri::new(long.clone()).is_err());
/// assert_eq!(ErrorUri::lossy(&long).as_str().len(), MAX_URI_LEN);
/// ```
pub const MAX_URI_LEN: usize = 2048;

/// Why a value was rejected by a checked constructor.
///
/// ```
/// use oauth_errors::text::{ErrorText, TextError};
///
/// let err = ErrorText::new("line one\r\nInjected: header").unwrap_err();
/// assert_eq!(err, TextError::Forbidden { what: "error_description", offset: 8, ch: '\r' });
/// assert_eq!(
///     err.to_string(),
///     "error_description: character U+000D at byte 8 is not allowed"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The value is empty, and the grammar requires at least one character.
    #[error("{what}: empty value")]
    Empty {
        /// What was being checked (`"error"`, `"error_description"`, …).
        what: &'static str,
    },
    /// The value is longer than this crate accepts.
    #[error("{what}: {len} bytes, longer than the limit of {max}")]
    TooLong {
        /// What was being checked.
        what: &'static str,
        /// Its length in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The value contains a character outside the allowed set.
    #[error("{what}: character U+{:04X} at byte {offset} is not allowed", u32::from(*ch))]
    Forbidden {
        /// What was being checked.
        what: &'static str,
        /// Byte offset of the first forbidden character.
        offset: usize,
        /// The character.
        ch: char,
    },
    /// The value is reserved: a member name this crate writes itself (`error`,
    /// `error_description`, `error_uri`).
    #[error("{what}: `{code}` is reserved")]
    Known {
        /// What was being checked.
        what: &'static str,
        /// The code.
        code: String,
    },
}

/// The error returned when a string is not a valid error code (RFC 6749 §8.5).
///
/// ```
/// use oauth_errors::{OAuthError, text::{CodeError, TextError}};
///
/// let err: CodeError = "bad\"code".parse::<OAuthError>().unwrap_err();
/// assert_eq!(err, TextError::Forbidden { what: "error", offset: 3, ch: '"' });
/// ```
pub type CodeError = TextError;

/// NQSCHAR: `%x20-21 / %x23-5B / %x5D-7E`.
pub(crate) const fn is_nqschar(b: u8) -> bool {
    matches!(b, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E)
}

/// NQCHAR: `%x21 / %x23-5B / %x5D-7E` (`scope-token`, RFC 6749 A.4). `error_uri` is
/// narrower: see [`is_uri_char`].
pub(crate) const fn is_nqchar(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x5B | 0x5D..=0x7E)
}

/// A character RFC 3986 allows somewhere in a URI-reference: `unreserved` (`ALPHA`,
/// `DIGIT`, `-`, `.`, `_`, `~`), `reserved` (`:/?#[]@` and `!$&'()*+,;=`) and `%` (the
/// start of a `pct-encoded` triplet). A subset of NQCHAR.
pub(crate) const fn is_uri_char(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b':'
                | b'/'
                | b'?'
                | b'#'
                | b'['
                | b']'
                | b'@'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b'%'
        )
}

/// The offset of the first byte of `b` that RFC 3986 does not allow where it stands in a
/// URI-reference: a character outside [`is_uri_char`], a `%` that does not start a
/// `%XX` triplet (`pct-encoded = "%" HEXDIG HEXDIG`), or a second `#` (a fragment cannot
/// contain `#`).
/// Per byte: bit 0 when it is not a URI character or is `%` (an escape: the slow path
/// checks it), bit 1 for `#`.
static URI_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c == b'#' {
            2
        } else if !is_uri_char(c) || c == b'%' {
            1
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Whether `b` is URI characters with no escape and at most one `#`: one pass over a
/// table with no early exit, the common case of [`uri_violation`].
#[inline]
fn plain_uri(b: &[u8]) -> bool {
    let (mut odd, mut hashes) = (0u8, 0usize);
    for &c in b {
        let class = URI_CLASS[usize::from(c)];
        odd |= class & 1;
        hashes += usize::from(class >> 1);
    }
    odd == 0 && hashes <= 1
}

/// [`uri_violation`], on the fast path of [`plain_uri`] first.
#[inline]
pub(crate) fn uri_violation_fast(b: &[u8]) -> Option<usize> {
    if plain_uri(b) { None } else { uri_violation(b) }
}

pub(crate) const fn uri_violation(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    let mut seen_hash = false;
    while i < b.len() {
        let c = b[i];
        if !is_uri_char(c) {
            return Some(i);
        }
        if c == b'%' {
            if i + 2 >= b.len() {
                return Some(i);
            }
            if !(b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit()) {
                return Some(i);
            }
            i += 3;
            continue;
        }
        if c == b'#' {
            if seen_hash {
                return Some(i);
            }
            seen_hash = true;
        }
        i += 1;
    }
    None
}

/// VSCHAR: `%x20-7E`.
pub(crate) const fn is_vschar(b: u8) -> bool {
    matches!(b, 0x20..=0x7E)
}

/// `const` string equality.
#[doc(hidden)]
pub const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `s` is 1 to `max` bytes of NQSCHAR (usable in `const` checks).
const fn all_nqschar(s: &str, max: usize) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > max {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if !is_nqschar(b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `s` is a valid `error_uri`: 1 to [`MAX_URI_LEN`] bytes that RFC 3986 allows
/// (usable in `const` checks).
const fn uri_valid(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_URI_LEN && uri_violation(s.as_bytes()).is_none()
}

/// [`uri_valid`] at run time, on the fast path.
fn uri_valid_fast(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_URI_LEN && uri_violation_fast(s.as_bytes()).is_none()
}

fn forbidden_at(s: &str, what: &'static str, offset: usize) -> TextError {
    TextError::Forbidden { what, offset, ch: s[offset..].chars().next().unwrap_or('\u{FFFD}') }
}

/// Checks `s` against an ASCII byte class, reporting the first offending character.
pub(crate) fn check_bytes(
    s: &str,
    what: &'static str,
    max: usize,
    allowed: fn(u8) -> bool,
) -> Result<(), TextError> {
    if s.is_empty() {
        return Err(TextError::Empty { what });
    }
    if s.len() > max {
        return Err(TextError::TooLong { what, len: s.len(), max });
    }
    match s.bytes().position(|b| !allowed(b)) {
        None => Ok(()),
        Some(offset) => Err(forbidden_at(s, what, offset)),
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// Nonzero when some byte of `v` is zero (bit-twiddling "haszero"): the lowest flagged
/// byte is exact; a byte above a zero byte may be flagged too (the borrow).
const fn has_zero(v: u64) -> u64 {
    v.wrapping_sub(ONES) & !v & HIGH
}

/// The high bit of every byte of the little-endian word `x` that is outside
/// `%x20-21 / %x23-5B / %x5D-7E`: at or above 0x80, below 0x20, or 0x7F, `"`, `\`. Each
/// term flags its lowest offending byte exactly and can flag a byte wrongly only above
/// one it flagged rightly, so the lowest flagged byte of the whole is always the first
/// byte that is not NQSCHAR.
const fn non_nqschar(x: u64) -> u64 {
    (x & HIGH)
        | (x.wrapping_sub(ONES * 0x20) & !x & HIGH)
        | has_zero(x ^ (ONES * 0x7F))
        | has_zero(x ^ (ONES * 0x22))
        | has_zero(x ^ (ONES * 0x5C))
}

/// Whether every byte of `b` is NQSCHAR ([`is_nqschar`]), eight bytes at a time.
#[inline]
pub(crate) fn nqschar_words(b: &[u8]) -> bool {
    let n = b.len();
    if n < 8 {
        return b.iter().all(|&c| is_nqschar(c));
    }
    let mut acc = 0;
    let mut offset = 0;
    while offset + 8 < n {
        acc |= non_nqschar(word(b, offset));
        offset += 8;
    }
    // The last word, overlapping bytes already checked when `n` is not a multiple of 8.
    acc |= non_nqschar(word(b, n - 8));
    acc == 0
}

/// How many bytes at the start of `b` are NQSCHAR, eight at a time.
#[inline]
pub(crate) fn nqschar_prefix_len(b: &[u8]) -> usize {
    let mut offset = 0;
    while let Some(w) = b.get(offset..).and_then(|rest| rest.first_chunk::<8>()) {
        let bad = non_nqschar(u64::from_le_bytes(*w));
        if bad != 0 {
            return offset + (bad.trailing_zeros() / 8) as usize;
        }
        offset += 8;
    }
    let tail = b.get(offset..).unwrap_or_default();
    offset + tail.iter().position(|&c| !is_nqschar(c)).unwrap_or(tail.len())
}

/// Whether `b` holds a `"` or a `\\` (bytes a quoted-string escapes), eight bytes at a time.
pub(crate) fn has_quote_or_backslash(b: &[u8]) -> bool {
    const fn special(x: u64) -> u64 {
        has_zero(x ^ (ONES * 0x22)) | has_zero(x ^ (ONES * 0x5C))
    }
    let n = b.len();
    if n < 8 {
        return b.iter().any(|&c| c == b'"' || c == b'\\');
    }
    let mut acc = 0;
    let mut offset = 0;
    while offset + 8 < n {
        acc |= special(word(b, offset));
        offset += 8;
    }
    acc |= special(word(b, n - 8));
    acc != 0
}

/// Eight bytes of `b` from `offset` as a word (0 past the end).
#[inline]
fn word(b: &[u8], offset: usize) -> u64 {
    b.get(offset..).and_then(|rest| rest.first_chunk::<8>()).map_or(0, |w| u64::from_le_bytes(*w))
}

/// [`check_bytes`] with [`is_nqschar`], on the word-at-a-time fast path when the text is
/// valid.
#[inline]
pub(crate) fn check_nqschar(s: &str, what: &'static str, max: usize) -> Result<(), TextError> {
    if !s.is_empty() && s.len() <= max && nqschar_words(s.as_bytes()) {
        return Ok(());
    }
    check_bytes(s, what, max, is_nqschar)
}

pub(crate) fn check_code(code: &str) -> Result<(), CodeError> {
    check_nqschar(code, "error", MAX_CODE_LEN)?;
    // Stricter than the ABNF (which allows spaces anywhere): a code never starts or ends
    // with a space, so `"invalid_grant "` cannot pass for a different code.
    let offset = if code.starts_with(' ') {
        Some(0)
    } else if code.ends_with(' ') {
        Some(code.len() - 1)
    } else {
        None
    };
    match offset {
        Some(offset) => Err(TextError::Forbidden { what: "error", offset, ch: ' ' }),
        None => Ok(()),
    }
}

/// Text for `error_description` (extra body members are not under this policy: see
/// [`MemberValue`](crate::MemberValue)).
///
/// Either *strict* (RFC 6749 NQSCHAR, the default) or *relaxed* (built with
/// [`ErrorText::unicode`]: any printable Unicode, JSON-escaped in bodies). An empty
/// `ErrorText` is treated everywhere as absent, because the grammar is `1*NQSCHAR`.
///
/// ```
/// use oauth_errors::text::ErrorText;
///
/// // Checked:
/// assert!(ErrorText::new("The access token expired").is_ok());
/// assert!(ErrorText::new("say \"hi\"").is_err());
///
/// // Lossy, for request-derived text: CR/LF never survive.
/// let t = ErrorText::lossy("bad \"scope\"\r\nX-Evil: 1 — ok");
/// assert_eq!(t.as_str(), "bad 'scope'  X-Evil: 1 ? ok");
///
/// // Compile-time checked literal, no allocation:
/// const EXPIRED: ErrorText = oauth_errors::error_text!("The access token expired");
/// assert!(EXPIRED.is_strict());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ErrorText {
    text: Cow<'static, str>,
    strict: bool,
}

impl ErrorText {
    /// Checks `text` against RFC 6749 NQSCHAR and [`MAX_TEXT_LEN`].
    ///
    /// # Errors
    ///
    /// [`TextError`] naming the first violation.
    ///
    /// ```
    /// use oauth_errors::text::{ErrorText, TextError};
    ///
    /// assert_eq!(ErrorText::new("code expired")?.as_str(), "code expired");
    /// assert_eq!(ErrorText::new(""), Err(TextError::Empty { what: "error_description" }));
    /// assert_eq!(
    ///     ErrorText::new("café"),
    ///     Err(TextError::Forbidden { what: "error_description", offset: 3, ch: 'é' })
    /// );
    /// # Ok::<(), TextError>(())
    /// ```
    pub fn new(text: impl Into<Cow<'static, str>>) -> Result<Self, TextError> {
        let text = text.into();
        check_nqschar(&text, "error_description", MAX_TEXT_LEN)?;
        Ok(ErrorText { text, strict: true })
    }

    /// Never fails: replaces what RFC 6749 forbids (see the [module docs](self)) and
    /// cuts the text at [`MAX_TEXT_LEN`] bytes. The result is strict. Copies `text`;
    /// `From<String>` reuses the allocation when nothing must change.
    ///
    /// ```
    /// use oauth_errors::text::ErrorText;
    ///
    /// let t = ErrorText::lossy("C:\\path \"x\"\tnaïve");
    /// assert_eq!(t.as_str(), "C:/path 'x' na?ve");
    /// assert!(t.is_strict());
    /// ```
    pub fn lossy(text: &str) -> Self {
        Self::lossy_cow(Cow::Owned(text.to_owned()))
    }

    fn lossy_cow(text: Cow<'static, str>) -> Self {
        if text.len() <= MAX_TEXT_LEN && nqschar_words(text.as_bytes()) {
            return ErrorText { text, strict: true };
        }
        let mut out = String::with_capacity(text.len().min(MAX_TEXT_LEN));
        for ch in text.chars() {
            if out.len() >= MAX_TEXT_LEN {
                break;
            }
            out.push(match ch {
                '"' => '\'',
                '\\' => '/',
                c if c.is_ascii() && is_nqschar(c as u8) => c,
                c if c.is_ascii() => ' ',
                _ => '?',
            });
        }
        ErrorText { text: Cow::Owned(out), strict: true }
    }

    /// Checks `text` against the *relaxed* policy: any Unicode except control characters
    /// (C0, DEL, C1), line and paragraph separators (U+2028, U+2029) and bidirectional
    /// overrides (U+202A–U+202E, U+2066–U+2069); at most [`MAX_TEXT_LEN`] bytes.
    ///
    /// RFC 6749 does not allow `"`, `\` or non-ASCII in `error_description`, but documented
    /// APIs send them (`Missing parameter: "code" is required`). Relaxed text is written
    /// JSON-escaped in bodies, percent-encoded in redirects and HTML-escaped in `form_post`
    /// pages; in a `WWW-Authenticate` parameter `"` and `\` become quoted-pairs and any
    /// non-ASCII character becomes `?`.
    ///
    /// # Errors
    ///
    /// [`TextError`] naming the first violation.
    ///
    /// ```
    /// use oauth_errors::text::ErrorText;
    ///
    /// let t = ErrorText::unicode(r#"Missing parameter: "code" is required"#).unwrap();
    /// assert!(!t.is_strict());
    /// assert!(ErrorText::unicode("a\nb").is_err());
    /// ```
    pub fn unicode(text: impl Into<Cow<'static, str>>) -> Result<Self, TextError> {
        let text = text.into();
        let what = "error_description";
        if text.is_empty() {
            return Err(TextError::Empty { what });
        }
        if text.len() > MAX_TEXT_LEN {
            return Err(TextError::TooLong { what, len: text.len(), max: MAX_TEXT_LEN });
        }
        // ASCII fast path: strict text is relaxed text too, one word-at-a-time pass.
        if nqschar_words(text.as_bytes()) {
            return Ok(ErrorText { text, strict: true });
        }
        if let Some((offset, ch)) = text.char_indices().find(|&(_, c)| !relaxed_char_ok(c)) {
            return Err(TextError::Forbidden { what, offset, ch });
        }
        // Not all NQSCHAR (checked above), so relaxed.
        Ok(ErrorText { text, strict: false })
    }

    /// [`unicode`](Self::unicode) when `text` passes it, else [`lossy`](Self::lossy):
    /// without copying `text` to find out.
    pub(crate) fn unicode_or_lossy(text: String) -> Self {
        let fits = !text.is_empty() && text.len() <= MAX_TEXT_LEN;
        let strict = fits && nqschar_words(text.as_bytes());
        if strict || (fits && text.chars().all(relaxed_char_ok)) {
            ErrorText { text: Cow::Owned(text), strict }
        } else {
            ErrorText::from(text)
        }
    }

    /// Text a reader has already checked byte by byte: non-empty, at most
    /// [`MAX_TEXT_LEN`] bytes, all NQSCHAR (strict). Checked again in debug builds.
    pub(crate) fn from_checked_nqschar(text: String) -> Self {
        debug_assert!(!text.is_empty() && text.len() <= MAX_TEXT_LEN);
        debug_assert!(text.bytes().all(is_nqschar));
        ErrorText { text: Cow::Owned(text), strict: true }
    }

    #[doc(hidden)]
    /// Used by [`error_text!`](crate::error_text): validated at compile time.
    pub const fn __from_static_unchecked(text: &'static str) -> Self {
        // Re-checked so that a direct call can never produce invalid text.
        let text = if __private::text_ok(text) { text } else { "invalid text" };
        ErrorText { text: Cow::Borrowed(text), strict: true }
    }

    /// The text (see the [type-level example](ErrorText)).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the text conforms to RFC 6749 NQSCHAR (always true unless built with
    /// [`ErrorText::unicode`] from text that needed it).
    ///
    /// ```
    /// use oauth_errors::text::ErrorText;
    ///
    /// assert!(ErrorText::unicode("plain ASCII")?.is_strict());
    /// assert!(!ErrorText::unicode("Größe")?.is_strict());
    /// # Ok::<(), oauth_errors::text::TextError>(())
    /// ```
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// Whether the text is empty (and therefore omitted on the wire).
    ///
    /// ```
    /// use oauth_errors::{OAuthError, text::ErrorText};
    ///
    /// assert!(ErrorText::lossy("").is_empty());
    /// let err = OAuthError::InvalidGrant.with_description(ErrorText::lossy(""));
    /// assert_eq!(err.to_body().as_ref(), br#"{"error":"invalid_grant"}"#);
    /// ```
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text reduced to the strict set, for places that only accept it (HTTP headers):
    /// non-ASCII characters become `?`; `"` and `\` are kept (they are escaped as
    /// quoted-pairs by the header writer).
    pub(crate) fn header_safe(&self) -> Cow<'_, str> {
        if self.text.is_ascii() {
            Cow::Borrowed(&self.text)
        } else {
            Cow::Owned(self.text.chars().map(|c| if c.is_ascii() { c } else { '?' }).collect())
        }
    }
}

pub(crate) fn relaxed_char_ok(c: char) -> bool {
    !(c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

impl fmt::Debug for ErrorText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text, f)
    }
}

impl fmt::Display for ErrorText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for ErrorText {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// Lossy (see [`ErrorText::lossy`]).
impl From<&str> for ErrorText {
    fn from(text: &str) -> Self {
        ErrorText::lossy(text)
    }
}

/// Lossy (see [`ErrorText::lossy`]).
impl From<&String> for ErrorText {
    fn from(value: &String) -> Self {
        ErrorText::lossy(value)
    }
}

/// Lossy (see [`ErrorText::lossy`]); reuses the allocation when nothing must change.
impl From<String> for ErrorText {
    fn from(text: String) -> Self {
        ErrorText::lossy_cow(Cow::Owned(text))
    }
}

/// Lossy (see [`ErrorText::lossy`]); borrows a valid `'static` text without copying.
impl From<Cow<'static, str>> for ErrorText {
    fn from(text: Cow<'static, str>) -> Self {
        ErrorText::lossy_cow(text)
    }
}

/// An `error_uri`: a URI-reference (RFC 3986 §4.1, RFC 6749 §5.2 and Appendix A.9).
///
/// Every constructor guarantees the characters RFC 3986 allows in a URI-reference and no
/// others: `unreserved`, `reserved` and `pct-encoded` (`%` followed by two hex digits),
/// with at most one `#`. So there is never a space, `"`, `\`, `<`, `>`, `^`, `` ` ``,
/// `{`, `|`, `}`, control character or non-ASCII character in it (RFC 6749 §5.2: "MUST
/// conform to the URI-reference syntax"), and it can go into a header, a JSON string or a
/// query as is. The check is on characters only; it does not parse the URI's structure.
/// At most [`MAX_URI_LEN`] bytes.
///
/// **Linking it is a separate question.** A URI-reference may have any scheme, and
/// `javascript:alert(document.cookie)` or `data:text/html,...` are valid ones that a
/// hostile redirect or response can carry. A client that turns a received `error_uri`
/// into a link must use [`ErrorUri::linkable`] (absolute `http`/`https` only), not
/// [`ErrorUri::is_absolute`].
///
/// **Ambiguity (RFC 6749 A.9 vs RFC 6750 §3).** RFC 6749 allows any URI-reference while
/// RFC 6750 §3 calls the challenge's `error_uri` "an absolute URI". This crate accepts a
/// URI-reference everywhere (so relative references from a server round-trip when parsed)
/// and recommends absolute `https` URIs; [`ErrorUri::is_absolute`] tells them apart.
///
/// ```
/// use oauth_errors::text::ErrorUri;
///
/// let uri = ErrorUri::new("https://docs.example.com/errors#invalid_grant").unwrap();
/// assert!(uri.is_absolute());
/// assert_eq!(uri.linkable(), Some("https://docs.example.com/errors#invalid_grant"));
/// assert!(ErrorUri::new("https://x.example/a b").is_err());
/// assert!(ErrorUri::new("https://x.example/<script>").is_err());
/// assert_eq!(ErrorUri::lossy("https://x.example/a b\r\n").as_str(), "https://x.example/a%20b%0D%0A");
/// // Valid, absolute, and not something to link:
/// assert_eq!(ErrorUri::new("javascript:alert(document.cookie)").unwrap().linkable(), None);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ErrorUri(Cow<'static, str>);

impl ErrorUri {
    /// Checks `uri` against the RFC 3986 URI-reference characters (see the [type-level
    /// docs](ErrorUri)) and [`MAX_URI_LEN`].
    ///
    /// # Errors
    ///
    /// [`TextError`] naming the first violation: a character RFC 3986 does not allow, a
    /// `%` that does not start a `%XX` triplet, or a second `#`.
    ///
    /// ```
    /// use oauth_errors::text::{ErrorUri, TextError};
    ///
    /// assert_eq!(ErrorUri::new("/errors/invalid_grant")?.as_str(), "/errors/invalid_grant");
    /// assert_eq!(
    ///     ErrorUri::new("https://x.example/\"q\""),
    ///     Err(TextError::Forbidden { what: "error_uri", offset: 18, ch: '"' })
    /// );
    /// assert_eq!(
    ///     ErrorUri::new("data:text/html,<script>"),
    ///     Err(TextError::Forbidden { what: "error_uri", offset: 15, ch: '<' })
    /// );
    /// assert_eq!(
    ///     ErrorUri::new("https://x.example/100%"),
    ///     Err(TextError::Forbidden { what: "error_uri", offset: 21, ch: '%' })
    /// );
    /// # Ok::<(), TextError>(())
    /// ```
    pub fn new(uri: impl Into<Cow<'static, str>>) -> Result<Self, TextError> {
        let uri = uri.into();
        let what = "error_uri";
        if uri.is_empty() {
            return Err(TextError::Empty { what });
        }
        if uri.len() > MAX_URI_LEN {
            return Err(TextError::TooLong { what, len: uri.len(), max: MAX_URI_LEN });
        }
        match uri_violation_fast(uri.as_bytes()) {
            None => Ok(ErrorUri(uri)),
            Some(offset) => Err(forbidden_at(&uri, what, offset)),
        }
    }

    /// A URI a reader has already checked byte by byte: what [`new`](Self::new)
    /// accepts. Checked again in debug builds.
    pub(crate) fn from_checked(uri: String) -> Self {
        debug_assert!(uri_valid_fast(&uri));
        ErrorUri(Cow::Owned(uri))
    }

    /// [`new`](Self::new) when `uri` passes it, else [`lossy`](Self::lossy): without
    /// copying `uri` to find out.
    pub(crate) fn new_or_lossy(uri: String) -> Self {
        if uri_valid_fast(&uri) { ErrorUri(Cow::Owned(uri)) } else { ErrorUri::lossy(&uri) }
    }

    /// Never fails: percent-encodes every byte RFC 3986 does not allow where it stands
    /// (space, `"`, `\`, `<`, `>`, `^`, `` ` ``, `{`, `|`, `}`, control characters,
    /// non-ASCII UTF-8 bytes, a `%` that does not start a `%XX` triplet, a second `#`)
    /// and cuts at [`MAX_URI_LEN`] bytes, at a character boundary and never inside a
    /// `%XX` escape. The result passes [`ErrorUri::new`] (or is empty).
    ///
    /// ```
    /// use oauth_errors::text::ErrorUri;
    ///
    /// let uri = ErrorUri::lossy("https://docs.example.com/errores/código inválido");
    /// assert_eq!(uri.as_str(), "https://docs.example.com/errores/c%C3%B3digo%20inv%C3%A1lido");
    /// let uri = ErrorUri::lossy("data:text/html,<b>{x}</b>#a#b");
    /// assert_eq!(uri.as_str(), "data:text/html,%3Cb%3E%7Bx%7D%3C/b%3E#a%23b");
    /// ```
    pub fn lossy(uri: &str) -> Self {
        if uri_valid(uri) {
            return ErrorUri(Cow::Owned(uri.to_owned()));
        }
        let b = uri.as_bytes();
        let mut out = String::with_capacity(uri.len().min(MAX_URI_LEN));
        let mut seen_hash = false;
        let mut skip = 0;
        for (i, ch) in uri.char_indices() {
            if skip > 0 {
                // The two hex digits of an escape copied whole.
                skip -= 1;
                continue;
            }
            let mut buf = [0u8; 4];
            let bytes = ch.encode_utf8(&mut buf).as_bytes();
            // An existing `%XX` is kept: its `%` is copied together with the two digits
            // that follow (plain characters), so a cut never lands inside it.
            let escape = match (ch, b.get(i + 1), b.get(i + 2)) {
                ('%', Some(&h), Some(&l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => {
                    Some((h, l))
                }
                _ => None,
            };
            let plain = match ch {
                '%' => false,
                '#' => !seen_hash,
                _ => bytes.len() == 1 && is_uri_char(bytes[0]),
            };
            // Whole characters and whole escapes only.
            let needed = match (escape, plain) {
                (Some(_), _) => 3,
                (None, true) => 1,
                (None, false) => 3 * bytes.len(),
            };
            if out.len() + needed > MAX_URI_LEN {
                break;
            }
            if let Some((h, l)) = escape {
                out.push('%');
                out.push(char::from(h));
                out.push(char::from(l));
                skip = 2;
            } else if plain {
                out.push(ch);
                seen_hash |= ch == '#';
            } else {
                for &byte in bytes {
                    push_pct(&mut out, byte);
                }
            }
        }
        ErrorUri(Cow::Owned(out))
    }

    #[doc(hidden)]
    /// Used by [`error_uri!`](crate::error_uri): validated at compile time.
    pub const fn __from_static_unchecked(uri: &'static str) -> Self {
        // Re-checked so that a direct call can never produce an invalid URI.
        let uri = if __private::uri_ok(uri) { uri } else { "about:invalid" };
        ErrorUri(Cow::Borrowed(uri))
    }

    /// The URI (see the [type-level example](ErrorUri)).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the URI has a scheme (`https:…`), i.e. is absolute as RFC 6750 §3 wants.
    ///
    /// This is a statement about syntax, **not a safety check**: `javascript:…` is absolute
    /// too. Use [`linkable`](Self::linkable) before turning a URI into a link.
    ///
    /// ```
    /// use oauth_errors::text::ErrorUri;
    ///
    /// assert!(ErrorUri::lossy("urn:example:errors:quota").is_absolute());
    /// assert!(!ErrorUri::lossy("/docs/errors#quota").is_absolute());
    /// ```
    pub fn is_absolute(&self) -> bool {
        self.scheme().is_some()
    }

    /// The scheme, if the URI has one (RFC 3986 §3.1:
    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` before the first `:`).
    fn scheme(&self) -> Option<&str> {
        let (scheme, _) = self.0.split_once(':')?;
        let mut b = scheme.bytes();
        let first_ok = b.next().is_some_and(|c| c.is_ascii_alphabetic());
        (first_ok && b.all(|c| c.is_ascii_alphanumeric() || b"+-.".contains(&c))).then_some(scheme)
    }

    /// The URI, if a client can safely offer it as a link: an absolute `http` or `https`
    /// URI (scheme compared case-insensitively, RFC 3986 §3.1) with a non-empty authority
    /// (`//host…`). `None` for every other scheme — `javascript:`, `data:`, `vbscript:`,
    /// `file:` and the like — and for relative references (resolve those yourself,
    /// against the issuer you trust, if you want them).
    ///
    /// Combined with the type's guarantee (only RFC 3986 characters: no `<`, `>`, `"`,
    /// space or control character), the result cannot break out of an HTML attribute
    /// quoted with `"`. Still HTML-escape it as any attribute value (`&` → `&amp;`, and `'`
    /// if you quote with `'`).
    ///
    /// ```
    /// use oauth_errors::ErrorResponse;
    ///
    /// let (err, _iss) = ErrorResponse::from_redirect(
    ///     "https://client.example.com/cb?error=access_denied&error_uri=javascript:alert(document.cookie)",
    /// )?;
    /// let uri = err.uri().unwrap();
    /// assert!(uri.is_absolute()); // syntactically fine...
    /// assert_eq!(uri.linkable(), None); // ...but never a link
    ///
    /// let (err, _iss) = ErrorResponse::from_redirect(
    ///     "https://client.example.com/cb?error=access_denied&error_uri=https%3A%2F%2Fas.example.com%2Fhelp",
    /// )?;
    /// if let Some(href) = err.uri().and_then(|u| u.linkable()) {
    ///     assert_eq!(href, "https://as.example.com/help");
    /// }
    /// # Ok::<(), oauth_errors::parse::ParseError>(())
    /// ```
    pub fn linkable(&self) -> Option<&str> {
        let scheme = self.scheme()?;
        if !(scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) {
            return None;
        }
        let rest = self.0.get(scheme.len() + 1..)?;
        let authority = rest.strip_prefix("//")?;
        let end = authority.find(['/', '?', '#']).unwrap_or(authority.len());
        let host = authority[..end].rsplit('@').next().unwrap_or("");
        let host = match host.rfind(':') {
            Some(p) if !host.ends_with(']') => &host[..p],
            _ => host,
        };
        (!host.is_empty()).then_some(&self.0)
    }
}

pub(crate) fn push_pct(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(b >> 4)]));
    out.push(char::from(HEX[usize::from(b & 0xF)]));
}

impl fmt::Debug for ErrorUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for ErrorUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for ErrorUri {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Lossy (see [`ErrorUri::lossy`]).
impl From<&str> for ErrorUri {
    fn from(uri: &str) -> Self {
        ErrorUri::lossy(uri)
    }
}

/// Lossy (see [`ErrorUri::lossy`]).
impl From<&String> for ErrorUri {
    fn from(value: &String) -> Self {
        ErrorUri::lossy(value)
    }
}

/// Lossy (see [`ErrorUri::lossy`]).
impl From<String> for ErrorUri {
    fn from(uri: String) -> Self {
        if uri_valid(&uri) {
            return ErrorUri(Cow::Owned(uri));
        }
        ErrorUri::lossy(&uri)
    }
}

/// Helpers used by the exported macros; not public API.
#[doc(hidden)]
pub mod __private {
    use super::*;

    pub const fn text_ok(s: &str) -> bool {
        all_nqschar(s, MAX_TEXT_LEN)
    }

    pub const fn uri_ok(s: &str) -> bool {
        uri_valid(s)
    }

    pub const fn extension_code_ok(s: &str) -> bool {
        let b = s.as_bytes();
        all_nqschar(s, MAX_CODE_LEN)
            && b[0] != b' '
            && b[b.len() - 1] != b' '
            && !crate::OAuthError::__is_known(s)
    }
}

/// An [`ErrorText`] from a string literal, checked against RFC 6749 NQSCHAR at compile
/// time; usable in `const` items and costs no allocation.
///
/// ```
/// use oauth_errors::{error_text, text::ErrorText};
/// const MSG: ErrorText = error_text!("The grant type was not specified in the request");
/// assert_eq!(MSG.as_str(), "The grant type was not specified in the request");
/// ```
///
/// ```compile_fail
/// // A line break does not compile:
/// const BAD: oauth_errors::text::ErrorText = oauth_errors::error_text!("a\nb");
/// ```
#[macro_export]
macro_rules! error_text {
    ($text:literal) => {
        const {
            assert!(
                $crate::__private::text_ok($text),
                "error text must be 1 to 1024 bytes of %x20-21 / %x23-5B / %x5D-7E (RFC 6749 Appendix A)"
            );
            $crate::text::ErrorText::__from_static_unchecked($text)
        }
    };
}

/// An [`ErrorUri`] from a string literal, checked at compile time.
///
/// ```
/// const DOCS: oauth_errors::text::ErrorUri =
///     oauth_errors::error_uri!("https://docs.example.com/errors#invalid_grant");
/// assert!(DOCS.is_absolute());
/// ```
///
/// ```compile_fail
/// const BAD: oauth_errors::text::ErrorUri = oauth_errors::error_uri!("https://x/a b");
/// ```
///
/// ```compile_fail
/// // `<` is not a URI character (RFC 3986):
/// const BAD: oauth_errors::text::ErrorUri = oauth_errors::error_uri!("https://x/<script>");
/// ```
#[macro_export]
macro_rules! error_uri {
    ($uri:literal) => {
        const {
            assert!(
                $crate::__private::uri_ok($uri),
                "error_uri must be 1 to 2048 bytes of RFC 3986 URI-reference characters (RFC 6749 Appendix A.9)"
            );
            $crate::text::ErrorUri::__from_static_unchecked($uri)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::{
        has_quote_or_backslash, is_nqschar, nqschar_prefix_len, nqschar_words, uri_violation,
        uri_violation_fast,
    };

    #[test]
    fn has_quote_or_backslash_finds_every_one() {
        for len in 1..=24 {
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut text = vec![b'a'; len];
                    text[at] = byte;
                    let want = byte == b'"' || byte == b'\\';
                    assert_eq!(
                        has_quote_or_backslash(&text),
                        want,
                        "len {len}, at {at}, {byte:#x}"
                    );
                }
            }
        }
    }

    /// The one-pass URI check agrees with the full one for every byte value at every
    /// position, next to escapes and fragments.
    #[test]
    fn uri_fast_path_agrees_with_the_full_check() {
        for base in ["https://a.example/p?q=1", "https://a.example/p#f", "x%41y", "a#b"] {
            for at in 0..=base.len() {
                for byte in 0..=255u8 {
                    let mut uri = base.as_bytes().to_vec();
                    uri.insert(at, byte);
                    assert_eq!(uri_violation_fast(&uri), uri_violation(&uri), "{uri:?}");
                }
            }
        }
    }

    /// The word-at-a-time check agrees with the byte class for every byte value at every
    /// position of every length up to three words (both the chunked and the tail paths).
    #[test]
    fn nqschar_words_agrees_with_the_byte_class() {
        for len in 1..=24 {
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut text = vec![b'a'; len];
                    text[at] = byte;
                    assert_eq!(
                        nqschar_words(&text),
                        is_nqschar(byte),
                        "len {len}, at {at}, byte {byte:#x}"
                    );
                }
            }
        }
        assert!(nqschar_words(b""));
    }

    #[test]
    fn nqschar_prefix_len_finds_the_first_other_byte() {
        for len in 0..=24 {
            assert_eq!(nqschar_prefix_len(&vec![b'a'; len]), len);
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut text = vec![b'a'; len];
                    text[at] = byte;
                    // A second bad byte after the first never moves the answer.
                    if at + 1 < len {
                        text[at + 1] = 0;
                    }
                    let want =
                        if is_nqschar(byte) { if at + 1 < len { at + 1 } else { len } } else { at };
                    assert_eq!(
                        nqschar_prefix_len(&text),
                        want,
                        "len {len}, at {at}, byte {byte:#x}"
                    );
                }
            }
        }
    }
}
