//! Reading errors back: JSON bodies, redirect parameters and (see
//! [`parse_challenges`](crate::parse_challenges)) `WWW-Authenticate` headers, into the same
//! types the server side renders.
//!
//! Parsing is lenient where it can be and lossless where it matters: unknown codes become
//! [`OAuthError::Extension`], unknown members are kept exactly, descriptions that break the
//! RFC charset are kept under the relaxed policy (or made safe by the lossy one), and
//! nothing panics on any input. It is strict where a wrong guess changes what the client
//! does: a repeated `error`, `error_description`, `error_uri` (or, in a redirect, `state`
//! or `iss`) is refused ([`ParseError::Duplicate`]). What the server rendered parses back
//! equal:
//!
//! ```
//! use oauth_errors::{ErrorResponse, OAuthError};
//!
//! let sent = OAuthError::InvalidGrant
//!     .with_description("code expired")
//!     .with_uri("https://docs.example.com/e#invalid_grant")
//!     .with_member("error_human_title", "Expired");
//! let received = ErrorResponse::from_json(&sent.to_body())?;
//! assert_eq!(received, sent);
//! # Ok::<(), oauth_errors::parse::ParseError>(())
//! ```
//!
//! Everything received is data from whoever sent it. In particular an `error_uri` may have
//! any scheme; link it only through [`ErrorUri::linkable`]:
//!
//! ```
//! use oauth_errors::ErrorResponse;
//!
//! let body = br#"{"error":"invalid_grant","error_uri":"javascript:alert(document.cookie)"}"#;
//! let err = ErrorResponse::from_json(body)?;
//! let link = err.uri().and_then(|u| u.linkable()); // `Some` for http(s) URIs only
//! assert_eq!(link, None);
//! # Ok::<(), oauth_errors::parse::ParseError>(())
//! ```

use std::borrow::Cow;

use serde::ser::SerializeMap;

use crate::authorize::State;
use crate::taxonomy::code::OAuthError;
use crate::wire::error::{ErrorResponse, MemberName, MemberValue};
use crate::wire::text::{CodeError, ErrorText, ErrorUri};

/// The largest body [`ErrorResponse::from_json`] reads (and the longest `Location` or
/// `form_post` body [`ErrorResponse::from_redirect`] reads): 64 KiB.
///
/// This is the only size limit on extra members: a member is read in full, whatever its
/// length, as long as the whole body fits. (`error_description` and `error_uri` keep their
/// own limits, [`MAX_TEXT_LEN`](crate::text::MAX_TEXT_LEN) and
/// [`MAX_URI_LEN`](crate::text::MAX_URI_LEN).) Within a body, a member nested deeper than
/// 128 arrays or objects cannot be held and is dropped (see
/// [`from_json`](ErrorResponse::from_json)).
///
/// ```
/// use oauth_errors::ErrorResponse;
/// use oauth_errors::parse::{MAX_BODY_LEN, ParseError};
///
/// let huge = vec![b' '; MAX_BODY_LEN + 1];
/// assert_eq!(ErrorResponse::from_json(&huge), Err(ParseError::TooLarge(MAX_BODY_LEN + 1)));
///
/// // A 60 KB member is read whole.
/// let ticket = "t".repeat(60_000);
/// let body = format!(r#"{{"error":"need_info","ticket":"{ticket}"}}"#);
/// let err = ErrorResponse::from_json(body.as_bytes())?;
/// assert_eq!(err.member("ticket").and_then(|v| v.as_str()), Some(ticket.as_str()));
/// # Ok::<(), ParseError>(())
/// ```
pub const MAX_BODY_LEN: usize = 64 * 1024;

/// Why an error body or redirect could not be read.
///
/// ```
/// use oauth_errors::ErrorResponse;
/// use oauth_errors::parse::ParseError;
///
/// assert_eq!(ErrorResponse::from_json(b"[1, 2]"), Err(ParseError::NotAnObject));
/// assert_eq!(ErrorResponse::from_json(br#"{"message":"no"}"#), Err(ParseError::MissingError));
/// assert!(matches!(ErrorResponse::from_json(b"<html>"), Err(ParseError::Json(_))));
/// assert!(matches!(
///     ErrorResponse::from_json(br#"{"error":"bad\ncode"}"#),
///     Err(ParseError::InvalidCode(_))
/// ));
/// assert_eq!(
///     ErrorResponse::from_json(br#"{"error":"invalid_grant","error":"access_denied"}"#),
///     Err(ParseError::Duplicate("error"))
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// Larger than [`MAX_BODY_LEN`].
    #[error("error body of {0} bytes exceeds the {MAX_BODY_LEN}-byte limit")]
    TooLarge(usize),
    /// Not JSON.
    #[error("error body is not valid JSON: {0}")]
    Json(String),
    /// JSON, but not an object.
    #[error("error body is not a JSON object")]
    NotAnObject,
    /// No `error` member (or parameter), or not a string.
    #[error("no string `error` member")]
    MissingError,
    /// `error` is outside the RFC 6749 §8.5 charset.
    #[error("invalid `error` code: {0}")]
    InvalidCode(CodeError),
    /// A member (`error`, `error_description`, `error_uri`) or redirect parameter (the
    /// same, `state`, `iss`) that appears more than once. Which one to believe is
    /// undefined (RFC 8259 §4; RFC 6749 §3.1: parameters "MUST NOT be included more than
    /// once"), and the answer changes what the client does, so the response is refused.
    #[error("`{0}` appears more than once")]
    Duplicate(&'static str),
}

fn text_lenient(s: String) -> ErrorText {
    ErrorText::unicode_or_lossy(s)
}

fn uri_lenient(s: String) -> ErrorUri {
    ErrorUri::new_or_lossy(s)
}

/// The common body, `{"error":…,"error_description":…,"error_uri":…}` with string values
/// and no other member, read without building a member list: keys are compared where they
/// lie in the body and a value is copied only to be kept. Anything else — another member,
/// a repeated or non-string RFC 6749 member, a lone surrogate, a syntax error — is not
/// this shape, and [`ErrorResponse::from_json`] reads it on its general path, which gives
/// every answer (and every error) as before.
struct PlainBody<'a> {
    code: Cow<'a, str>,
    description: Option<Cow<'a, str>>,
    uri: Option<Cow<'a, str>>,
}

/// A JSON string, borrowed from the body when it has no escapes.
struct JsonStr<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for JsonStr<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = JsonStr<'de>;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(JsonStr(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(JsonStr(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(JsonStr(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// An RFC 6749 member name; any other name ends the fast path.
enum PlainKey {
    Error,
    Description,
    Uri,
}

impl<'de> serde::Deserialize<'de> for PlainKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = PlainKey;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("error, error_description or error_uri")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                match v {
                    "error" => Ok(PlainKey::Error),
                    "error_description" => Ok(PlainKey::Description),
                    "error_uri" => Ok(PlainKey::Uri),
                    _ => Err(E::custom("another member")),
                }
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> serde::Deserialize<'de> for PlainBody<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = PlainBody<'de>;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("an RFC 6749 error object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                use serde::de::Error as _;
                let (mut code, mut description, mut uri) = (None, None, None);
                while let Some(key) = map.next_key::<PlainKey>()? {
                    let slot = match key {
                        PlainKey::Error => &mut code,
                        PlainKey::Description => &mut description,
                        PlainKey::Uri => &mut uri,
                    };
                    if slot.replace(map.next_value::<JsonStr<'de>>()?.0).is_some() {
                        return Err(A::Error::custom("a repeated member"));
                    }
                }
                let code = code.ok_or_else(|| A::Error::custom("no error member"))?;
                Ok(PlainBody { code, description, uri })
            }
        }
        d.deserialize_map(V)
    }
}

impl PlainBody<'_> {
    /// The error, as [`ErrorResponse::from_entries`] builds it from the same members;
    /// `None` for a code it refuses (the general path reports it).
    fn into_error(self) -> Option<ErrorResponse> {
        let code = OAuthError::from_code(&self.code).ok()?;
        let mut err = ErrorResponse::new(code);
        if let Some(d) = self.description {
            err = err.with_description(text_lenient(d.into_owned()));
        }
        if let Some(u) = self.uri {
            err = err.with_uri(uri_lenient(u.into_owned()));
        }
        Some(err)
    }
}

/// The error of a body of the common RFC 6749 shape (see [`PlainBody`]), if it is one.
pub(crate) fn plain_body(body: &[u8]) -> Option<ErrorResponse> {
    if let Some(err) = crate::client::plain::scan(body) {
        return Some(err);
    }
    serde_json::from_slice::<PlainBody<'_>>(body).ok()?.into_error()
}

impl ErrorResponse {
    /// Reads an RFC 6749 §5.2 JSON error body.
    ///
    /// * `error` is required (a string within the RFC 6749 §8.5 charset); a known code
    ///   becomes its variant, anything else [`OAuthError::Extension`].
    /// * `error_description`: kept exactly when it passes [`ErrorText::unicode`] (strict or
    ///   relaxed), else made safe by the lossy path; a non-string value is dropped.
    /// * `error_uri`: kept when valid, else [`ErrorUri::lossy`] (so a raw `<`, `>` or
    ///   space comes back percent-encoded); a non-string value is dropped.
    /// * `error`, `error_description` and `error_uri` must each appear at most once:
    ///   [`ParseError::Duplicate`] otherwise.
    /// * Every other member is kept exactly (see [`MemberValue`]), in order: strings of any
    ///   length and content, other values as JSON; a top-level `null` or empty string is
    ///   absent; names outside `A-Z a-z 0-9 _ - .` go through [`MemberName::lossy`]. A name
    ///   that appears twice behaves as two [`with_member`](Self::with_member) calls: the
    ///   last value wins, in the first one's place.
    ///
    /// **Values JSON can write but Rust cannot hold** do not make the body unreadable
    /// (RFC 8259 §6 and §8.2 leave their meaning to the implementation):
    ///
    /// * a lone UTF-16 surrogate escape (`"\ud800"`), anywhere in the body, reads as
    ///   U+FFFD REPLACEMENT CHARACTER — the rest of the string is kept;
    /// * a member whose value contains a number beyond the `f64` range (`1e400`) or is
    ///   nested deeper than 128 arrays or objects is dropped; the error and every other
    ///   member are kept.
    ///
    /// Reading is linear in the size of the body, whatever the number of members. The
    /// body must be UTF-8 (RFC 8259 §8.1) and at most [`MAX_BODY_LEN`] bytes.
    ///
    /// The status and headers are not needed; pass the body of any response (some
    /// providers send errors with 200).
    ///
    /// # Errors
    ///
    /// [`ParseError`] when the body is too large, not a JSON object, has no usable `error`
    /// or repeats one of the three RFC 6749 members.
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let body = br#"{"error":"acme_quota","error_description":"Quota \"daily\" exceeded","limit":1000}"#;
    /// let err = ErrorResponse::from_json(body)?;
    /// assert_eq!(err.code(), &OAuthError::from_code("acme_quota")?);
    /// assert_eq!(err.description().map(|d| d.as_str()), Some(r#"Quota "daily" exceeded"#));
    /// assert_eq!(err.member("limit").map(|v| v.to_json()), Some(serde_json::json!(1000)));
    ///
    /// // One unrepresentable member does not cost the rest:
    /// let body = br#"{"error":"slow_down","big":1e400,"note":"a\ud800b","interval":5}"#;
    /// let err = ErrorResponse::from_json(body)?;
    /// assert_eq!(err.code(), &OAuthError::SlowDown);
    /// assert!(err.member("big").is_none());
    /// assert_eq!(err.member("note").and_then(|v| v.as_str()), Some("a\u{fffd}b"));
    /// assert_eq!(err.member("interval").map(|v| v.to_json()), Some(serde_json::json!(5)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(body: &[u8]) -> Result<ErrorResponse, ParseError> {
        if body.len() > MAX_BODY_LEN {
            return Err(ParseError::TooLarge(body.len()));
        }
        if let Some(err) = plain_body(body) {
            return Ok(err);
        }
        Self::from_entries(json_members(body)?.into_iter())
    }

    /// As [`from_json`](Self::from_json), from an already parsed value (members in the
    /// value's map order).
    ///
    /// # Errors
    ///
    /// As [`from_json`](Self::from_json).
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    /// use serde_json::json;
    ///
    /// let err = ErrorResponse::from_json_value(json!({"error": "slow_down", "interval": 10}))?;
    /// assert_eq!(err.code(), &OAuthError::SlowDown);
    /// assert_eq!(err.member("interval").map(|v| v.to_json()), Some(json!(10)));
    /// # Ok::<(), oauth_errors::parse::ParseError>(())
    /// ```
    pub fn from_json_value(value: serde_json::Value) -> Result<ErrorResponse, ParseError> {
        let serde_json::Value::Object(map) = value else {
            return Err(ParseError::NotAnObject);
        };
        Self::from_entries(map.into_iter().map(|(k, v)| (k, Some(v))))
    }

    /// The members in document order; `None` for a value that could not be held.
    pub(crate) fn from_entries(
        entries: impl Iterator<Item = (String, Option<serde_json::Value>)>,
    ) -> Result<ErrorResponse, ParseError> {
        use serde_json::Value;
        let mut code: Option<Option<Value>> = None;
        let mut description = None;
        let mut uri = None;
        let mut members = Vec::new();
        let mut seen = [false; 3];
        for (name, value) in entries {
            if let Some(i) = RESERVED.iter().position(|r| *r == name) {
                if core::mem::replace(&mut seen[i], true) {
                    return Err(ParseError::Duplicate(RESERVED[i]));
                }
            }
            match (name.as_str(), value) {
                ("error", v) => code = Some(v),
                ("error_description", Some(Value::String(d))) => {
                    description = Some(text_lenient(d));
                }
                ("error_uri", Some(Value::String(u))) => uri = Some(uri_lenient(u)),
                ("error_description" | "error_uri", _) => {}
                // A value that cannot be held is dropped alone.
                (_, None) => {}
                (_, Some(v)) => members.push((member_name(name), MemberValue::from(v))),
            }
        }
        let code = match code {
            Some(Some(Value::String(c))) => {
                OAuthError::try_from(c).map_err(ParseError::InvalidCode)?
            }
            _ => return Err(ParseError::MissingError),
        };
        let mut err = ErrorResponse::new(code);
        if let Some(d) = description {
            err = err.with_description(d);
        }
        if let Some(u) = uri {
            err = err.with_uri(u);
        }
        if !members.is_empty() {
            err = err.with_members(members);
        }
        Ok(err)
    }

    /// Reads the error parameters of an authorization redirect: the query or fragment of
    /// a `Location` URL, or an `application/x-www-form-urlencoded` `form_post` body.
    /// `state` is kept when it is valid (`1*VSCHAR`); `iss` is returned beside the error.
    ///
    /// Where the parameters are read from:
    ///
    /// * **A `form_post` body** — the input, when the text before its first `=` (the first
    ///   parameter's name) contains none of `:`, `/`, `?`, `#`. The whole input is the
    ///   parameter list; a raw `?` or `#` in it is data, not a delimiter.
    /// * **A URL** (absolute, or a relative reference starting with `/`, `?` or `#`)
    ///   otherwise. Its query is read, unless only its fragment holds an `error` parameter
    ///   (fragment response mode, RFC 6749 §4.2.2.1, OAuth 2.0 Multiple Response Type
    ///   Encoding Practices §5). So a query-mode response keeps working when the browser
    ///   appended a fragment it inherited from the original request (RFC 9110 §10.2.2:
    ///   `…?error=access_denied&state=xyz#_=_`, or a bare `#`). When both hold `error`,
    ///   the query wins: the fragment is the part a third party can bring along through
    ///   that inheritance, while the query comes from the server.
    ///
    /// Each of `error`, `error_description`, `error_uri`, `state` and `iss` may appear at
    /// most once (RFC 6749 §3.1), else [`ParseError::Duplicate`]. `error_uri` follows
    /// [`ErrorUri`]: characters RFC 3986 does not allow come back percent-encoded. Before
    /// linking it, check [`ErrorUri::linkable`]: the value came from whoever crafted the
    /// link.
    ///
    /// # Errors
    ///
    /// [`ParseError::MissingError`], [`ParseError::InvalidCode`],
    /// [`ParseError::Duplicate`], or [`ParseError::TooLarge`] for an input over
    /// [`MAX_BODY_LEN`].
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let (err, iss) = ErrorResponse::from_redirect(
    ///     "https://client.example.com/cb?error=access_denied&state=xyz&iss=https%3A%2F%2Fas.example.com#_=_",
    /// )?;
    /// assert_eq!(err.code(), &OAuthError::AccessDenied);
    /// assert_eq!(err.state().unwrap().as_str(), "xyz");
    /// assert_eq!(iss.as_deref(), Some("https://as.example.com"));
    ///
    /// // Fragment response mode:
    /// let (err, _) = ErrorResponse::from_redirect("https://client.example.com/cb#error=login_required")?;
    /// assert_eq!(err.code(), &OAuthError::LoginRequired);
    ///
    /// // A form_post body, with a raw `?` in its description:
    /// let (err, _) = ErrorResponse::from_redirect("error=access_denied&error_description=Why?&state=xyz")?;
    /// assert_eq!(err.description().unwrap().as_str(), "Why?");
    ///
    /// // Only link an error_uri that is http(s):
    /// let (err, _) = ErrorResponse::from_redirect(
    ///     "https://client.example.com/cb?error=access_denied&error_uri=javascript:alert(1)",
    /// )?;
    /// assert_eq!(err.uri().and_then(|u| u.linkable()), None);
    /// # Ok::<(), oauth_errors::parse::ParseError>(())
    /// ```
    pub fn from_redirect(location: &str) -> Result<(ErrorResponse, Option<String>), ParseError> {
        if location.len() > MAX_BODY_LEN {
            return Err(ParseError::TooLarge(location.len()));
        }
        let params = response_parameters(location);
        const NAMES: [&str; 5] = ["error", "error_description", "error_uri", "state", "iss"];
        let mut values: [Option<String>; 5] = Default::default();
        for pair in params.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = form_decode(k);
            if let Some(i) = NAMES.iter().position(|n| *n == k) {
                if values[i].replace(form_decode(v)).is_some() {
                    return Err(ParseError::Duplicate(NAMES[i]));
                }
            }
        }
        let [code, description, uri, state, iss] = values;
        let code = code.ok_or(ParseError::MissingError)?;
        let mut err =
            ErrorResponse::new(OAuthError::try_from(code).map_err(ParseError::InvalidCode)?);
        if let Some(d) = description.filter(|d| !d.is_empty()) {
            err = err.with_description(text_lenient(d));
        }
        if let Some(u) = uri.filter(|u| !u.is_empty()) {
            err = err.with_uri(uri_lenient(u));
        }
        if let Some(s) = state.and_then(|s| State::new(s).ok()) {
            err = err.with_state(s);
        }
        Ok((err, iss))
    }
}

const RESERVED: [&str; 3] = ["error", "error_description", "error_uri"];

/// A JSON object's members in document order, each value read on its own: `None` for a
/// value that cannot be held (see [`ErrorResponse::from_json`]). Does not check the size.
pub(crate) fn json_members(
    body: &[u8],
) -> Result<Vec<(String, Option<serde_json::Value>)>, ParseError> {
    let text =
        core::str::from_utf8(body).map_err(|e| ParseError::Json(format!("not UTF-8: {e}")))?;
    let text = repair_lone_surrogates(text);
    match serde_json::from_str::<RawObject<'_>>(&text) {
        // Each member on its own, so that one that cannot be held is dropped alone.
        Ok(RawObject(entries)) => Ok(entries
            .into_iter()
            .map(|(k, raw)| (k, serde_json::from_str::<PlainValue>(raw.get()).ok().map(|v| v.0)))
            .collect()),
        // Tell "not JSON" from "JSON, but not an object".
        Err(e) => match serde_json::from_str::<serde::de::IgnoredAny>(&text) {
            Ok(_) => Err(ParseError::NotAnObject),
            Err(_) => Err(ParseError::Json(e.to_string())),
        },
    }
}

/// The parameter list of a redirect or `form_post` body (the rule is documented on
/// [`ErrorResponse::from_redirect`]).
pub(crate) fn response_parameters(input: &str) -> &str {
    let first_name = input.split('=').next().unwrap_or("");
    if !first_name.contains([':', '/', '?', '#']) {
        return input; // a form body
    }
    let (before, fragment) = input.split_once('#').unwrap_or((input, ""));
    let query = before.split_once('?').map_or("", |(_, q)| q);
    let has_error = |params: &str| {
        params.split('&').any(|p| form_decode(p.split_once('=').map_or(p, |(k, _)| k)) == "error")
    };
    if !has_error(query) && has_error(fragment) { fragment } else { query }
}

/// Replaces each UTF-16 surrogate escape that is not part of a pair (`\ud800` alone, or a
/// low surrogate first) with `\ufffd`, which has the same length: such a string is valid
/// JSON (RFC 8259 §8.2) that no Rust `String` can hold. Borrows when there is none.
fn repair_lone_surrogates(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let hex4 = |at: usize| -> Option<u32> {
        let digits = b.get(at..at + 4)?;
        let digits = core::str::from_utf8(digits).ok()?;
        u32::from_str_radix(digits, 16)
            .ok()
            .filter(|_| digits.bytes().all(|c| c.is_ascii_hexdigit()))
    };
    let high = |n: u32| (0xD800..=0xDBFF).contains(&n);
    let low = |n: u32| (0xDC00..=0xDFFF).contains(&n);
    let mut fixed: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        // An escape (in valid JSON a backslash only occurs inside strings, where each one
        // starts an escape): `\uXXXX` or `\` plus one character.
        let Some(n) = (b.get(i + 1) == Some(&b'u')).then(|| hex4(i + 2)).flatten() else {
            i += 2;
            continue;
        };
        let paired = high(n) && b.get(i + 6..i + 8) == Some(b"\\u") && hex4(i + 8).is_some_and(low);
        if paired {
            i += 12;
        } else if high(n) || low(n) {
            let out = fixed.get_or_insert_with(|| b.to_vec());
            if let Some(slot) = out.get_mut(i..i + 6) {
                slot.copy_from_slice(b"\\ufffd");
            }
            i += 6;
        } else {
            i += 6;
        }
    }
    match fixed {
        // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
        Some(v) => String::from_utf8(v).map_or(Cow::Borrowed(text), Cow::Owned),
        None => Cow::Borrowed(text),
    }
}

fn member_name(name: String) -> MemberName {
    MemberName::new(name.clone()).unwrap_or_else(|_| MemberName::lossy(&name))
}

pub(crate) fn form_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A JSON value read as written. With serde_json's `raw_value` feature on (this crate
/// turns it on, and any crate in a build can), `serde_json::Value` reads an object whose
/// first key is `$serde_json::private::RawValue` as an embedded raw value instead of an
/// object, so such a member would not read back as it was written (a fuzzing finding,
/// `fuzz/regressions/response/`). This reader has no such convention: every object is an
/// object.
pub(crate) struct PlainValue(pub(crate) serde_json::Value);

impl<'de> serde::Deserialize<'de> for PlainValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde_json::{Map, Number, Value};
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = PlainValue;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_bool<E>(self, b: bool) -> Result<PlainValue, E> {
                Ok(PlainValue(Value::Bool(b)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<PlainValue, E> {
                Ok(PlainValue(Value::Number(n.into())))
            }
            fn visit_u64<E>(self, n: u64) -> Result<PlainValue, E> {
                Ok(PlainValue(Value::Number(n.into())))
            }
            fn visit_f64<E>(self, n: f64) -> Result<PlainValue, E> {
                Ok(PlainValue(Number::from_f64(n).map_or(Value::Null, Value::Number)))
            }
            fn visit_str<E>(self, s: &str) -> Result<PlainValue, E> {
                Ok(PlainValue(Value::String(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<PlainValue, E> {
                Ok(PlainValue(Value::String(s)))
            }
            fn visit_unit<E>(self) -> Result<PlainValue, E> {
                Ok(PlainValue(Value::Null))
            }
            fn visit_none<E>(self) -> Result<PlainValue, E> {
                Ok(PlainValue(Value::Null))
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<PlainValue, D::Error> {
                serde::Deserialize::deserialize(d)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<PlainValue, A::Error> {
                let mut items = Vec::new();
                while let Some(PlainValue(item)) = seq.next_element()? {
                    items.push(item);
                }
                Ok(PlainValue(Value::Array(items)))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<PlainValue, A::Error> {
                let mut object = Map::new();
                while let Some((key, PlainValue(value))) = map.next_entry::<String, PlainValue>()? {
                    object.insert(key, value);
                }
                Ok(PlainValue(Value::Object(object)))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A JSON object's members in document order, each value left unparsed, so that a value
/// that cannot be held fails alone.
struct RawObject<'a>(Vec<(String, &'a serde_json::value::RawValue)>);

impl<'de> serde::Deserialize<'de> for RawObject<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawObject<'de>;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawObject<'de>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(RawObject(entries))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// A JSON object's members in document order (serde_json's `Map` sorts them unless its
/// `preserve_order` feature is on, which this crate does not impose on its users).
pub(crate) struct OrderedObject(pub(crate) Vec<(String, serde_json::Value)>);

impl<'de> serde::Deserialize<'de> for OrderedObject {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OrderedObject;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<OrderedObject, A::Error> {
                let mut entries = Vec::new();
                while let Some((name, PlainValue(value))) =
                    map.next_entry::<String, PlainValue>()?
                {
                    entries.push((name, value));
                }
                Ok(OrderedObject(entries))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

impl serde::Serialize for ErrorResponse {
    /// The RFC 6749 JSON object (`error`, `error_description`, `error_uri`, members),
    /// regardless of the contract's body format. The same value as
    /// [`to_body`](ErrorResponse::to_body) under the default contract; the serializer may
    /// escape characters differently (the body escapes every control character).
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let err = OAuthError::InvalidGrant.with_description("code expired");
    /// let json = serde_json::to_string(&err)?;
    /// assert_eq!(json, r#"{"error":"invalid_grant","error_description":"code expired"}"#);
    /// assert_eq!(serde_json::from_str::<ErrorResponse>(&json)?, err);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("error", &self.code)?;
        if let Some(d) = self.description() {
            map.serialize_entry("error_description", d.as_str())?;
        }
        if let Some(u) = self.uri() {
            map.serialize_entry("error_uri", u.as_str())?;
        }
        for (n, v) in self.members() {
            map.serialize_entry(n.as_str(), v)?;
        }
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for ErrorResponse {
    /// As [`ErrorResponse::from_body`] on a JSON object: any recognised
    /// [dialect](crate::parse::Dialect), RFC 6749 bodies as [`ErrorResponse::from_json`]
    /// reads them, except that the values are read by the deserializer: one it cannot
    /// represent (with serde_json, a lone surrogate escape or `1e400`) fails the whole
    /// body. Prefer `from_body` or `from_json` for bodies from the network.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let OrderedObject(entries) = OrderedObject::deserialize(deserializer)?;
        crate::client::response::from_entries_any(entries).map_err(serde::de::Error::custom)
    }
}

pub use crate::client::dialect::{Dialect, VENDOR_CODES, VendorCode};
pub use crate::client::redirect::{Callback, ExpectedRedirect, RedirectError};
pub use crate::client::response::ResponseReader;

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    /// The plain-body fast path of `from_json` gives exactly what the general path gives,
    /// and declines every body it does not cover.
    #[test]
    fn plain_body_agrees_with_the_general_path() {
        let bodies: &[&[u8]] = &[
            br#"{"error":"invalid_grant"}"#,
            br#"{"error":"invalid_grant","error_description":"The code has expired","error_uri":"https://as.example.com/e#x"}"#,
            br#"{"error_uri":"https://as.example.com/a b%zz##","error":"invalid_request","error_description":"caf\u00e9 \"q\""}"#,
            br#"{"error":"invalid_request","error_description":"\u0001 bad \u2028"}"#,
            br#"{"error":"invalid_request","error_description":""}"#,
            br#"{"error":"invalid_request","error_uri":""}"#,
            br#"{"error":"acme_quota","error_description":"x"}"#,
            br#"{"error":"an_extension_code_longer_than_twenty_two"}"#,
            br#" {"error" : "slow_down" } "#,
            br#"{"err\u006fr":"access_denied"}"#,
        ];
        let view = |e: &ErrorResponse| {
            format!("{e:?} {:?} {:?}", e.description().map(ErrorText::is_strict), e.uri())
        };
        for body in bodies {
            let plain = plain_body(body).expect("the plain shape");
            let general = ErrorResponse::from_entries(json_members(body).unwrap().into_iter())
                .expect("an error");
            assert_eq!(view(&plain), view(&general), "{}", String::from_utf8_lossy(body));
            assert_eq!(plain, general);
        }
        let declined: &[&[u8]] = &[
            br#"{"error":"invalid_grant","error":"invalid_grant"}"#,
            br#"{"error":"invalid_grant","error_description":"a","error_description":"b"}"#,
            br#"{"error":"invalid_grant","extra":1}"#,
            br#"{"error":"invalid_request","error_description":5}"#,
            br#"{"error":5}"#,
            br#"{"error":"bad\u0001code"}"#,
            br#"{"error_description":"no code"}"#,
            br#"{"error":"invalid_token","error_description":"a\ud800b"}"#,
            br#"{"error":"slow_down"} x"#,
            br#"["error"]"#,
            b"{\"error\":\"slow_down\",\"error_description\":\"\xff\"}",
        ];
        for body in declined {
            assert!(plain_body(body).is_none(), "{}", String::from_utf8_lossy(body));
        }
    }
}
