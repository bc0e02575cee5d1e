//! Reading errors back: JSON bodies, redirect parameters and (see
//! [`parse_challenges`](crate::parse_challenges)) `WWW-Authenticate` headers, into the same
//! types the server side renders.
//!
//! Parsing is lenient where it can be and lossless where it matters: unknown codes become
//! [`OAuthError::Extension`], unknown members are kept exactly, descriptions that break the RFC
//! charset are kept under the relaxed policy (or made safe by the lossy one), and nothing
//! panics on any input. What the server rendered parses back equal:
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
/// [`MAX_URI_LEN`](crate::text::MAX_URI_LEN).)
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
}

fn text_lenient(s: String) -> ErrorText {
    match ErrorText::unicode(s.clone()) {
        Ok(t) => t,
        Err(_) => ErrorText::from(s),
    }
}

fn uri_lenient(s: String) -> ErrorUri {
    match ErrorUri::new(s.clone()) {
        Ok(u) => u,
        Err(_) => ErrorUri::lossy(&s),
    }
}

impl ErrorResponse {
    /// Reads an RFC 6749 §5.2 JSON error body.
    ///
    /// * `error` is required (a string within the RFC 6749 §8.5 charset); a known code
    ///   becomes its variant, anything else [`OAuthError::Extension`].
    /// * `error_description`: kept exactly when it passes [`ErrorText::unicode`] (strict or
    ///   relaxed), else made safe by the lossy path; a non-string value is dropped.
    /// * `error_uri`: kept when valid, else [`ErrorUri::lossy`].
    /// * Every other member is kept exactly (see [`MemberValue`]), in order: strings of any
    ///   length and content, other values as JSON; a top-level `null` or empty string is
    ///   absent; names outside `A-Z a-z 0-9 _ - .` go through [`MemberName::lossy`]. A name
    ///   that appears twice behaves as two [`with_member`](Self::with_member) calls: the
    ///   last value wins, in the first one's place.
    ///
    /// Reading is linear in the size of the body, whatever the number of members.
    ///
    /// The status and headers are not needed; pass the body of any response (some
    /// providers send errors with 200).
    ///
    /// # Errors
    ///
    /// [`ParseError`] when the body is too large, not a JSON object, or has no usable
    /// `error`.
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let body = br#"{"error":"acme_quota","error_description":"Quota \"daily\" exceeded","limit":1000}"#;
    /// let err = ErrorResponse::from_json(body)?;
    /// assert_eq!(err.code(), &OAuthError::from_code("acme_quota")?);
    /// assert_eq!(err.description().map(|d| d.as_str()), Some(r#"Quota "daily" exceeded"#));
    /// assert_eq!(err.member("limit").map(|v| v.to_json()), Some(serde_json::json!(1000)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(body: &[u8]) -> Result<ErrorResponse, ParseError> {
        if body.len() > MAX_BODY_LEN {
            return Err(ParseError::TooLarge(body.len()));
        }
        match serde_json::from_slice::<OrderedObject>(body) {
            Ok(OrderedObject(entries)) => Self::from_entries(entries),
            // Tell "not JSON" from "JSON, but not an object".
            Err(e) => match serde_json::from_slice::<serde_json::Value>(body) {
                Ok(_) => Err(ParseError::NotAnObject),
                Err(_) => Err(ParseError::Json(e.to_string())),
            },
        }
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
        Self::from_entries(map.into_iter().collect())
    }

    fn from_entries(
        entries: Vec<(String, serde_json::Value)>,
    ) -> Result<ErrorResponse, ParseError> {
        let mut code = None;
        let mut description = None;
        let mut uri = None;
        let mut members = Vec::new();
        for (name, value) in entries {
            match (name.as_str(), value) {
                ("error", serde_json::Value::String(c)) => {
                    code = Some(OAuthError::try_from(c).map_err(ParseError::InvalidCode)?);
                }
                ("error", _) => return Err(ParseError::MissingError),
                ("error_description", serde_json::Value::String(d)) => {
                    description = Some(text_lenient(d))
                }
                ("error_uri", serde_json::Value::String(u)) => uri = Some(uri_lenient(u)),
                ("error_description" | "error_uri", _) => {}
                (_, v) => members.push((member_name(name), MemberValue::from(v))),
            }
        }
        let mut err = ErrorResponse::new(code.ok_or(ParseError::MissingError)?);
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
    /// # Errors
    ///
    /// [`ParseError::MissingError`], [`ParseError::InvalidCode`], or
    /// [`ParseError::TooLarge`] for a location over [`MAX_BODY_LEN`].
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let (err, iss) = ErrorResponse::from_redirect(
    ///     "https://client.example.com/cb?error=access_denied&state=xyz&iss=https%3A%2F%2Fas.example.com",
    /// )?;
    /// assert_eq!(err.code(), &OAuthError::AccessDenied);
    /// assert_eq!(err.state().unwrap().as_str(), "xyz");
    /// assert_eq!(iss.as_deref(), Some("https://as.example.com"));
    /// # Ok::<(), oauth_errors::parse::ParseError>(())
    /// ```
    pub fn from_redirect(location: &str) -> Result<(ErrorResponse, Option<String>), ParseError> {
        if location.len() > MAX_BODY_LEN {
            return Err(ParseError::TooLarge(location.len()));
        }
        let params = if let Some(f) = location.find('#') {
            &location[f + 1..]
        } else if let Some(q) = location.find('?') {
            &location[q + 1..]
        } else {
            location
        };
        let mut code = None;
        let mut err_parts: (Option<String>, Option<String>, Option<String>, Option<String>) =
            (None, None, None, None);
        for pair in params.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = form_decode(v);
            match form_decode(k).as_str() {
                "error" => code = Some(v),
                "error_description" => err_parts.0 = Some(v),
                "error_uri" => err_parts.1 = Some(v),
                "state" => err_parts.2 = Some(v),
                "iss" => err_parts.3 = Some(v),
                _ => {}
            }
        }
        let code = code.ok_or(ParseError::MissingError)?;
        let mut err =
            ErrorResponse::new(OAuthError::try_from(code).map_err(ParseError::InvalidCode)?);
        if let Some(d) = err_parts.0.filter(|d| !d.is_empty()) {
            err = err.with_description(text_lenient(d));
        }
        if let Some(u) = err_parts.1.filter(|u| !u.is_empty()) {
            err = err.with_uri(uri_lenient(u));
        }
        if let Some(s) = err_parts.2.and_then(|s| State::new(s).ok()) {
            err = err.with_state(s);
        }
        Ok((err, err_parts.3))
    }
}

fn member_name(name: String) -> MemberName {
    MemberName::new(name.clone()).unwrap_or_else(|_| MemberName::lossy(&name))
}

fn form_decode(s: &str) -> String {
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

/// A JSON object's members in document order (serde_json's `Map` sorts them unless its
/// `preserve_order` feature is on, which this crate does not impose on its users).
struct OrderedObject(Vec<(String, serde_json::Value)>);

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
                while let Some(entry) = map.next_entry::<String, serde_json::Value>()? {
                    entries.push(entry);
                }
                Ok(OrderedObject(entries))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

impl serde::Serialize for ErrorResponse {
    /// The RFC 6749 JSON object (`error`, `error_description`, `error_uri`, members),
    /// regardless of the contract's body format.
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
    /// As [`ErrorResponse::from_json`].
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let OrderedObject(entries) = OrderedObject::deserialize(deserializer)?;
        ErrorResponse::from_entries(entries).map_err(serde::de::Error::custom)
    }
}
