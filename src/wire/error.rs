//! [`ErrorResponse`]: a code plus everything that travels with it.

use core::fmt;
use std::borrow::Cow;
use std::error::Error as StdError;
use std::sync::Arc;

use http::StatusCode;

use crate::taxonomy::code::OAuthError;
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::challenge::{Challenge, ClientAuth, DpopNonce};
use crate::wire::contract::Contract;
use crate::wire::headers::RetryAfter;
use crate::wire::text::{ErrorText, ErrorUri, TextError};

/// An HTTP status an error may be given explicitly: any 4xx or 5xx **except 401, 407 and
/// 426**, the statuses whose defining section requires a header field this crate does not
/// derive from a bare number.
///
/// * A 401 must carry a `WWW-Authenticate` challenge (RFC 9110 §11.6.1, §15.5.2), so it
///   can only arise from a [`Challenge`] ([`ErrorResponse::with_challenge`], [`ClientAuth`]
///   for `invalid_client`, or a [`Contract`] rule with a challenge), never from a bare
///   number.
/// * A 407 "MUST send a `Proxy-Authenticate` header field" (RFC 9110 §15.5.8): it is a
///   proxy's answer, never an OAuth endpoint's, and this crate has no way to send it.
/// * A 426 "MUST send an `Upgrade` header field" (RFC 9110 §15.5.22): likewise.
///
/// Since every status an error can render with comes from the code table (which has
/// none of them), from an `ErrorStatus`, or from a contract rule built from one of these
/// two, no error response is ever a 407 or 426.
///
/// ```
/// use oauth_errors::ErrorStatus;
///
/// assert_eq!(ErrorStatus::new(409).unwrap().as_u16(), 409);
/// assert!(ErrorStatus::new(401).is_err());
/// assert!(ErrorStatus::new(407).is_err());
/// assert!(ErrorStatus::new(426).is_err());
/// assert!(ErrorStatus::new(200).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ErrorStatus(StatusCode);

/// Why a status cannot be an [`ErrorStatus`].
///
/// ```
/// use oauth_errors::{ErrorStatus, StatusError};
///
/// assert_eq!(ErrorStatus::new(401), Err(StatusError::NeedsChallenge));
/// assert_eq!(
///     ErrorStatus::new(407),
///     Err(StatusError::NeedsHeader { status: 407, header: "Proxy-Authenticate" })
/// );
/// assert_eq!(ErrorStatus::new(302), Err(StatusError::NotAnError(302)));
/// assert_eq!(
///     StatusError::NotAnError(302).to_string(),
///     "302 is not an error status (4xx or 5xx)"
/// );
/// assert_eq!(
///     ErrorStatus::new(426).unwrap_err().to_string(),
///     "426 requires the Upgrade header field, which an error response cannot carry"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusError {
    /// 401 needs a challenge: use [`ErrorResponse::with_challenge`] or a contract rule
    /// with a [`Challenge`].
    #[error(
        "401 requires a WWW-Authenticate challenge; attach a Challenge instead of a bare status"
    )]
    NeedsChallenge,
    /// The status requires a header field that an error response cannot carry: 407
    /// (`Proxy-Authenticate`, RFC 9110 §15.5.8) or 426 (`Upgrade`, RFC 9110 §15.5.22).
    #[error("{status} requires the {header} header field, which an error response cannot carry")]
    NeedsHeader {
        /// The status.
        status: u16,
        /// The header field its definition requires.
        header: &'static str,
    },
    /// Not a 4xx or 5xx status.
    #[error("{0} is not an error status (4xx or 5xx)")]
    NotAnError(u16),
}

impl ErrorStatus {
    /// 400 Bad Request.
    pub const BAD_REQUEST: ErrorStatus = ErrorStatus(StatusCode::BAD_REQUEST);
    /// 403 Forbidden.
    pub const FORBIDDEN: ErrorStatus = ErrorStatus(StatusCode::FORBIDDEN);
    /// 404 Not Found.
    pub const NOT_FOUND: ErrorStatus = ErrorStatus(StatusCode::NOT_FOUND);
    /// 405 Method Not Allowed.
    pub const METHOD_NOT_ALLOWED: ErrorStatus = ErrorStatus(StatusCode::METHOD_NOT_ALLOWED);
    /// 409 Conflict.
    pub const CONFLICT: ErrorStatus = ErrorStatus(StatusCode::CONFLICT);
    /// 410 Gone.
    pub const GONE: ErrorStatus = ErrorStatus(StatusCode::GONE);
    /// 413 Content Too Large.
    pub const PAYLOAD_TOO_LARGE: ErrorStatus = ErrorStatus(StatusCode::PAYLOAD_TOO_LARGE);
    /// 422 Unprocessable Content.
    pub const UNPROCESSABLE_ENTITY: ErrorStatus = ErrorStatus(StatusCode::UNPROCESSABLE_ENTITY);
    /// 429 Too Many Requests.
    pub const TOO_MANY_REQUESTS: ErrorStatus = ErrorStatus(StatusCode::TOO_MANY_REQUESTS);
    /// 500 Internal Server Error.
    pub const INTERNAL_SERVER_ERROR: ErrorStatus = ErrorStatus(StatusCode::INTERNAL_SERVER_ERROR);
    /// 501 Not Implemented.
    pub const NOT_IMPLEMENTED: ErrorStatus = ErrorStatus(StatusCode::NOT_IMPLEMENTED);
    /// 503 Service Unavailable.
    pub const SERVICE_UNAVAILABLE: ErrorStatus = ErrorStatus(StatusCode::SERVICE_UNAVAILABLE);

    /// A 4xx or 5xx status other than 401, 407 and 426 (see the [type-level
    /// docs](ErrorStatus)).
    ///
    /// # Errors
    ///
    /// [`StatusError::NeedsChallenge`] for 401, [`StatusError::NeedsHeader`] for 407 and
    /// 426, [`StatusError::NotAnError`] for a status outside 400–599.
    ///
    /// ```
    /// use oauth_errors::{ErrorStatus, StatusError};
    ///
    /// assert_eq!(ErrorStatus::new(429)?, ErrorStatus::TOO_MANY_REQUESTS);
    /// assert_eq!(ErrorStatus::new(418)?.as_u16(), 418); // any 4xx/5xx, not only the constants
    /// assert_eq!(ErrorStatus::try_from(600), Err(StatusError::NotAnError(600)));
    /// # Ok::<(), StatusError>(())
    /// ```
    pub fn new(status: u16) -> Result<Self, StatusError> {
        match status {
            401 => Err(StatusError::NeedsChallenge),
            407 => Err(StatusError::NeedsHeader { status, header: "Proxy-Authenticate" }),
            426 => Err(StatusError::NeedsHeader { status, header: "Upgrade" }),
            400..=599 => StatusCode::from_u16(status)
                .map(ErrorStatus)
                .map_err(|_| StatusError::NotAnError(status)),
            _ => Err(StatusError::NotAnError(status)),
        }
    }

    /// The status.
    ///
    /// ```
    /// use oauth_errors::ErrorStatus;
    ///
    /// assert_eq!(ErrorStatus::CONFLICT.get(), http::StatusCode::CONFLICT);
    /// ```
    pub const fn get(self) -> StatusCode {
        self.0
    }

    /// The status as a number (see the [type-level example](ErrorStatus)).
    pub fn as_u16(self) -> u16 {
        self.0.as_u16()
    }
}

impl TryFrom<u16> for ErrorStatus {
    type Error = StatusError;
    fn try_from(status: u16) -> Result<Self, StatusError> {
        ErrorStatus::new(status)
    }
}

/// The name of an extra top-level body member (`error_human_title`, `scope`, …).
///
/// 1–64 bytes of `A-Z a-z 0-9 _ - .`; never one of the reserved `error`,
/// `error_description`, `error_uri`, whose values come from the error itself.
///
/// ```
/// use oauth_errors::MemberName;
///
/// assert!(MemberName::new("error_human_title").is_ok());
/// assert!(MemberName::new("error").is_err());
/// // The lossy conversion from a literal never fails:
/// assert_eq!(MemberName::from("bad name").as_str(), "bad_name");
/// assert_eq!(MemberName::from("error").as_str(), "x_error");
/// ```
#[derive(Debug, Clone)]
pub struct MemberName(Cow<'static, str>);

/// Compares two member names. Every member-name comparison in the crate goes through here,
/// so the unit tests can count them (and catch a quadratic scan).
#[inline]
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    #[cfg(test)]
    tests::NAME_COMPARISONS.with(|c| c.set(c.get() + 1));
    a == b
}

impl PartialEq for MemberName {
    fn eq(&self, other: &Self) -> bool {
        same_name(&self.0, &other.0)
    }
}

impl Eq for MemberName {}

impl core::hash::Hash for MemberName {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

/// The longest member name accepted, in bytes.
///
/// ```
/// use oauth_errors::{MAX_MEMBER_NAME_LEN, MemberName};
///
/// assert!(MemberName::new("a".repeat(MAX_MEMBER_NAME_LEN)).is_ok());
/// assert!(MemberName::new("a".repeat(MAX_MEMBER_NAME_LEN + 1)).is_err());
/// assert_eq!(MemberName::lossy(&"a".repeat(100)).as_str().len(), MAX_MEMBER_NAME_LEN);
/// ```
pub const MAX_MEMBER_NAME_LEN: usize = 64;

const RESERVED_MEMBERS: [&str; 3] = ["error", "error_description", "error_uri"];

fn member_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

impl MemberName {
    /// Checks a member name.
    ///
    /// # Errors
    ///
    /// [`TextError`] if empty, too long, outside `A-Z a-z 0-9 _ - .`, or reserved
    /// ([`TextError::Known`]).
    ///
    /// ```
    /// use oauth_errors::{MemberName, text::TextError};
    ///
    /// assert_eq!(MemberName::new("error_human_title")?.as_str(), "error_human_title");
    /// assert_eq!(
    ///     MemberName::new("a b"),
    ///     Err(TextError::Forbidden { what: "member name", offset: 1, ch: ' ' })
    /// );
    /// assert!(matches!(MemberName::new("error_uri"), Err(TextError::Known { .. })));
    /// # Ok::<(), TextError>(())
    /// ```
    pub fn new(name: impl Into<Cow<'static, str>>) -> Result<Self, TextError> {
        let name = name.into();
        crate::wire::text::check_bytes(
            &name,
            "member name",
            MAX_MEMBER_NAME_LEN,
            member_name_byte,
        )?;
        if RESERVED_MEMBERS.contains(&&*name) {
            return Err(TextError::Known { what: "member name", code: name.into_owned() });
        }
        Ok(MemberName(name))
    }

    /// Never fails: characters outside the allowed set become `_`, an empty name becomes `_`,
    /// a reserved name gets an `x_` prefix, and the result is cut at 64 bytes.
    ///
    /// ```
    /// use oauth_errors::MemberName;
    ///
    /// assert_eq!(MemberName::lossy("user id").as_str(), "user_id");
    /// assert_eq!(MemberName::lossy("").as_str(), "_");
    /// assert_eq!(MemberName::lossy("error_uri").as_str(), "x_error_uri");
    /// ```
    pub fn lossy(name: &str) -> Self {
        let mut out: String = name
            .chars()
            .map(|c| if c.is_ascii() && member_name_byte(c as u8) { c } else { '_' })
            .take(MAX_MEMBER_NAME_LEN)
            .collect();
        if out.is_empty() {
            out.push('_');
        }
        if RESERVED_MEMBERS.contains(&out.as_str()) {
            out.insert_str(0, "x_");
        }
        MemberName(Cow::Owned(out))
    }

    /// The name (see the [type-level example](MemberName)).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Lossy (see [`MemberName::lossy`]); a valid literal is kept without copying.
impl From<&'static str> for MemberName {
    fn from(name: &'static str) -> Self {
        match MemberName::new(name) {
            Ok(n) => n,
            Err(_) => MemberName::lossy(name),
        }
    }
}

/// The value of an extra top-level body member.
///
/// **Carried exactly.** Extra members are not RFC 6749 parameters: the RFC 6749 charset
/// and the length limits of [the text policy](crate::text) apply to `error`,
/// `error_description` and `error_uri` only. A member's string — an UMA 2.0 `ticket`
/// (Grant §3.3.6) of several kilobytes, a non-ASCII `error_human_title`, text with quotes
/// or control characters — and any JSON value (RFC 9396 `authorization_details`, UMA
/// `required_claims`, nested `null`s and all) is kept as given and written JSON-escaped
/// (RFC 8259 §7), of any length. The only limit is the one a reader imposes on the whole
/// body ([`MAX_BODY_LEN`](crate::parse::MAX_BODY_LEN) for
/// [`ErrorResponse::from_json`]).
///
/// Members only ever go into a JSON body: never into a header (`WWW-Authenticate` carries
/// `error`, `error_description` and `error_uri` only), a redirect or a `form_post` page
/// (OIDC Core §3.1.2.6: other parameters are not returned). A custom
/// [`BodyFormat`](crate::BodyFormat) that puts them anywhere else must escape them itself.
///
/// A top-level JSON `null` or an empty string is *absent*: the member is left out
/// ([`is_absent`](Self::is_absent); RFC 6749 §3.1, OAuth 2.1 Appendix C.3).
///
/// Usually built implicitly by [`ErrorResponse::with_member`] through one of the `From`
/// conversions:
///
/// ```
/// use oauth_errors::MemberValue;
/// use serde_json::json;
///
/// // Strings are kept exactly, whatever they contain:
/// let text = MemberValue::from("say \"hi\" — naïvely");
/// assert_eq!(text.as_str(), Some("say \"hi\" — naïvely"));
///
/// // Numbers, booleans and other JSON values stay JSON:
/// assert_eq!(MemberValue::from(30u32).to_json(), json!(30));
/// assert_eq!(MemberValue::from(json!(["openid", null])).to_json(), json!(["openid", null]));
/// assert_eq!(MemberValue::from(json!(["openid", "email"])).as_str(), None);
/// assert!(MemberValue::from(serde_json::Value::Null).is_null());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MemberValue {
    /// A string, kept exactly (JSON-escaped when written).
    Text(String),
    /// Any other JSON value, kept exactly. (A `Json(Value::String(..))` built directly is
    /// written like [`Text`](Self::Text); the `From` conversions always produce `Text`.)
    Json(serde_json::Value),
}

impl MemberValue {
    /// The value as JSON (text becomes a JSON string).
    ///
    /// ```
    /// use oauth_errors::MemberValue;
    /// use serde_json::json;
    ///
    /// assert_eq!(MemberValue::from("write").to_json(), json!("write"));
    /// assert_eq!(MemberValue::from(true).to_json(), json!(true));
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            MemberValue::Text(t) => serde_json::Value::String(t.clone()),
            MemberValue::Json(j) => j.clone(),
        }
    }

    /// Whether this is the JSON `null` (which is never written: see
    /// [`ErrorResponse::with_member`]; see the [type-level example](MemberValue)).
    pub fn is_null(&self) -> bool {
        matches!(self, MemberValue::Json(serde_json::Value::Null))
    }

    /// Whether the value is absent on the wire: a top-level JSON `null` or an empty string
    /// (RFC 6749 §3.1: parameters without a value are treated as omitted; OAuth 2.1
    /// Appendix C.3). Values nested inside arrays and objects are data and always kept.
    ///
    /// ```
    /// use oauth_errors::MemberValue;
    /// use serde_json::json;
    ///
    /// assert!(MemberValue::from("").is_absent());
    /// assert!(MemberValue::from(serde_json::Value::Null).is_absent());
    /// assert!(!MemberValue::from(0u32).is_absent());
    /// assert!(!MemberValue::from(json!([null])).is_absent());
    /// ```
    pub fn is_absent(&self) -> bool {
        match self {
            MemberValue::Text(t) => t.is_empty(),
            MemberValue::Json(serde_json::Value::String(t)) => t.is_empty(),
            MemberValue::Json(j) => j.is_null(),
        }
    }

    /// The string, if the value is one (see the [type-level example](MemberValue)).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            MemberValue::Text(t) => Some(t),
            MemberValue::Json(serde_json::Value::String(t)) => Some(t),
            MemberValue::Json(_) => None,
        }
    }
}

impl serde::Serialize for MemberValue {
    /// As written on the wire: the string or the JSON value, exactly.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MemberValue::Text(t) => serializer.serialize_str(t),
            MemberValue::Json(j) => j.serialize(serializer),
        }
    }
}

/// The string, exactly.
impl From<&str> for MemberValue {
    fn from(v: &str) -> Self {
        MemberValue::Text(v.to_owned())
    }
}
/// The string, exactly.
impl From<String> for MemberValue {
    fn from(v: String) -> Self {
        MemberValue::Text(v)
    }
}
/// The string, exactly.
impl From<&String> for MemberValue {
    fn from(v: &String) -> Self {
        MemberValue::Text(v.clone())
    }
}
/// The text's string.
impl From<ErrorText> for MemberValue {
    fn from(v: ErrorText) -> Self {
        MemberValue::Text(v.as_str().to_owned())
    }
}
/// A JSON string becomes [`MemberValue::Text`]; any other value is kept as JSON, exactly.
impl From<serde_json::Value> for MemberValue {
    fn from(v: serde_json::Value) -> Self {
        match v {
            serde_json::Value::String(s) => MemberValue::Text(s),
            other => MemberValue::Json(other),
        }
    }
}
impl From<bool> for MemberValue {
    fn from(v: bool) -> Self {
        MemberValue::Json(v.into())
    }
}
impl From<i64> for MemberValue {
    fn from(v: i64) -> Self {
        MemberValue::Json(v.into())
    }
}
impl From<u64> for MemberValue {
    fn from(v: u64) -> Self {
        MemberValue::Json(v.into())
    }
}
impl From<i32> for MemberValue {
    fn from(v: i32) -> Self {
        MemberValue::Json(v.into())
    }
}
/// A finite float; NaN and infinities (which JSON cannot hold) are absent.
impl From<f64> for MemberValue {
    fn from(v: f64) -> Self {
        MemberValue::Json(
            serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, Into::into),
        )
    }
}
impl From<u32> for MemberValue {
    fn from(v: u32) -> Self {
        MemberValue::Json(v.into())
    }
}

/// Applies `updates` to `members` exactly as one [`ErrorResponse::with_member`] call each,
/// in order — a present value replaces the member of the same name in place or is
/// appended; an absent value removes it — in linear expected time (one hash lookup per
/// update instead of a scan of every member).
pub(crate) fn apply_members(
    members: &mut Vec<(MemberName, MemberValue)>,
    updates: impl IntoIterator<Item = (MemberName, MemberValue)>,
) {
    use std::collections::HashMap;

    /// A name as a hash key whose comparisons are counted like every other.
    #[derive(Clone, Copy)]
    struct Key<'a>(&'a str);
    impl PartialEq for Key<'_> {
        fn eq(&self, other: &Self) -> bool {
            same_name(self.0, other.0)
        }
    }
    impl Eq for Key<'_> {}
    impl core::hash::Hash for Key<'_> {
        fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
            self.0.hash(state);
        }
    }

    // Every operation in order: the current members (unique names) first.
    let ops: Vec<(MemberName, MemberValue)> =
        core::mem::take(members).into_iter().chain(updates).collect();
    // For the operation that created a live member: the index of its latest value.
    let mut value_of: Vec<Option<usize>> = vec![None; ops.len()];
    {
        let mut live: HashMap<Key<'_>, usize> = HashMap::with_capacity(ops.len());
        for (i, (name, value)) in ops.iter().enumerate() {
            let key = Key(name.as_str());
            if value.is_absent() {
                if let Some(created) = live.remove(&key) {
                    value_of[created] = None;
                }
            } else if let Some(&created) = live.get(&key) {
                value_of[created] = Some(i);
            } else {
                live.insert(key, i);
                value_of[i] = Some(i);
            }
        }
    }
    let (names, values): (Vec<_>, Vec<_>) = ops.into_iter().unzip();
    let mut values: Vec<Option<MemberValue>> = values.into_iter().map(Some).collect();
    members.reserve(value_of.iter().flatten().count());
    for (name, latest) in names.into_iter().zip(value_of) {
        if let Some(value) = latest.and_then(|i| values.get_mut(i)).and_then(Option::take) {
            members.push((name, value));
        }
    }
}

/// The rarely-used parts of an [`ErrorResponse`], boxed to keep the common value small.
#[derive(Clone, Default)]
pub(crate) struct Details {
    pub(crate) description: Option<ErrorText>,
    pub(crate) endpoint: Option<Endpoint>,
    pub(crate) contract: Option<&'static Contract>,
    pub(crate) uri: Option<ErrorUri>,
    pub(crate) state: Option<crate::authorize::State>,
    pub(crate) members: Vec<(MemberName, MemberValue)>,
    pub(crate) retry_after: Option<RetryAfter>,
    pub(crate) dpop_nonce: Option<DpopNonce>,
    pub(crate) challenges: Vec<Challenge>,
    pub(crate) client_auth: ClientAuth,
    pub(crate) status: Option<ErrorStatus>,
    pub(crate) allow: Vec<http::Method>,
    pub(crate) cause: Option<Arc<dyn StdError + Send + Sync + 'static>>,
    /// How the client half received it (status, dialect, code as received, raw body).
    pub(crate) received: Option<crate::client::response::Received>,
}

impl Details {
    /// Whether nothing in here changes what goes on the wire beyond the code: no
    /// description, URI, state, members, headers, challenges, client authentication,
    /// status override or `Allow`. The endpoint and contract may be set (the bare render
    /// path resolves them itself); the cause and how a client received the error never
    /// reach the wire.
    pub(crate) fn is_bare(&self) -> bool {
        self.description.is_none()
            && self.uri.is_none()
            && self.state.is_none()
            && self.members.is_empty()
            && self.retry_after.is_none()
            && self.dpop_nonce.is_none()
            && self.challenges.is_empty()
            && self.client_auth == ClientAuth::None
            && self.status.is_none()
            && self.allow.is_empty()
    }
}

/// An error response: an [`OAuthError`] code plus its optional `error_description`,
/// `error_uri`, `state`, extra members, `Retry-After`, DPoP nonce, challenges, client
/// authentication context, status override and internal cause.
///
/// This is the type handlers return. It renders framework-free with
/// [`to_response`](Self::to_response) (or through the axum / actix-web adapters) and is
/// what clients get back from [`ErrorResponse::from_json`](crate::parse).
///
/// The internal cause is visible through [`source()`](std::error::Error::source) and
/// `Debug` for logs, and is **never** serialised.
///
/// ```
/// use oauth_errors::{Endpoint, ErrorResponse, OAuthError};
///
/// fn exchange(code: &str) -> Result<String, ErrorResponse> {
///     if code != "good-code" {
///         return Err(OAuthError::InvalidGrant.with_description("code expired"));
///     }
///     Ok("token".into())
/// }
///
/// let err = exchange("stale").unwrap_err();
/// let response = err.to_response(Endpoint::Token);
/// assert_eq!(response.status(), 400);
/// assert_eq!(response.headers()["cache-control"], "no-store");
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"error":"invalid_grant","error_description":"code expired"}"#
/// );
/// ```
///
/// It is small: the code, and one box that holds everything else (description, URI,
/// members, headers, endpoint, contract, cause). A bare code allocates nothing; the first
/// `with_*` or [`at`](Self::at) allocates the box, once. `Result<T, ErrorResponse>` is as
/// big as the error and far below clippy's `result_large_err` limit (128 bytes):
///
/// ```
/// use std::mem::size_of;
/// use oauth_errors::ErrorResponse;
///
/// assert_eq!(size_of::<ErrorResponse>(), 32);
/// assert_eq!(size_of::<Result<(), ErrorResponse>>(), 32);
/// ```
///
/// # Reading the parts
///
/// Everything set with a `with_*` method can be read back, e.g. by a client after
/// [`from_json`](ErrorResponse::from_json) or by middleware that logs errors:
///
/// ```
/// use oauth_errors::{ClientAuth, Endpoint, ErrorStatus, OAuthError, RetryAfter};
///
/// let err = OAuthError::TooManyRequests
///     .with_description("slow down")
///     .with_uri("https://docs.example.com/limits")
///     .with_member("limit", 100u32)
///     .with_retry_after(30u64)
///     .with_status(ErrorStatus::SERVICE_UNAVAILABLE)
///     .with_client_auth(ClientAuth::Body)
///     .at(Endpoint::Api);
/// assert_eq!(err.code(), &OAuthError::TooManyRequests);
/// assert_eq!(err.description().map(|d| d.as_str()), Some("slow down"));
/// assert_eq!(err.uri().map(|u| u.as_str()), Some("https://docs.example.com/limits"));
/// assert_eq!(err.members().len(), 1);
/// assert_eq!(err.member("limit").map(|v| v.to_json()), Some(serde_json::json!(100)));
/// assert_eq!(err.retry_after(), Some(RetryAfter::Seconds(30)));
/// assert_eq!(err.status_override(), Some(ErrorStatus::SERVICE_UNAVAILABLE));
/// assert_eq!(err.client_auth(), &ClientAuth::Body);
/// assert_eq!(err.endpoint(), Some(Endpoint::Api));
/// ```
///
/// Unset parts read as `None` or empty:
///
/// ```
/// use oauth_errors::{ClientAuth, Contract, OAuthError, ErrorResponse};
///
/// let err = ErrorResponse::new(OAuthError::InvalidGrant);
/// assert!(err.description().is_none() && err.uri().is_none() && err.state().is_none());
/// assert!(err.members().is_empty() && err.challenges().is_empty() && err.allow().is_empty());
/// assert!(err.dpop_nonce().is_none() && err.cause().is_none() && err.endpoint().is_none());
/// assert_eq!(err.client_auth(), &ClientAuth::None);
/// assert_eq!(err.contract(), Contract::oauth2());
/// ```
#[derive(Clone)]
pub struct ErrorResponse {
    pub(crate) code: OAuthError,
    pub(crate) details: Option<Box<Details>>,
}

impl ErrorResponse {
    /// `use_dpop_nonce` with the nonce the client must use (RFC 9449 §8, §9): the only
    /// way a client can act on that code, so this constructor takes it up front. 400 at the
    /// token endpoint; 401 with a `DPoP` challenge at a resource.
    ///
    /// ```
    /// use oauth_errors::{DpopNonce, Endpoint, ErrorResponse};
    ///
    /// let nonce = DpopNonce::new("eyJ7S_zG.eyJH0-Z.HX4w-7v")?;
    /// let r = ErrorResponse::use_dpop_nonce(nonce).to_response(Endpoint::Resource);
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(r.headers()["www-authenticate"], r#"DPoP error="use_dpop_nonce""#);
    /// assert_eq!(r.headers()["dpop-nonce"], "eyJ7S_zG.eyJH0-Z.HX4w-7v");
    /// # Ok::<(), oauth_errors::text::TextError>(())
    /// ```
    pub fn use_dpop_nonce(nonce: DpopNonce) -> Self {
        ErrorResponse::new(OAuthError::UseDpopNonce).with_dpop_nonce(nonce)
    }

    /// `method_not_allowed` (405) with the methods the endpoint supports, sent as `Allow`
    /// (RFC 9110 §15.5.6: a 405 "MUST generate an Allow header field"): the way to build
    /// this error, so the header is never empty by accident. An empty list is sent as an
    /// empty `Allow`, which RFC 9110 §10.2.1 reads as "the resource allows no methods"
    /// (and which the `tracing` feature logs at WARN, like any 405 without methods).
    ///
    /// ```
    /// use http::Method;
    /// use oauth_errors::{Endpoint, ErrorResponse};
    ///
    /// let r = ErrorResponse::method_not_allowed([Method::POST]).to_response(Endpoint::PushedAuthorization);
    /// assert_eq!(r.status(), 405);
    /// assert_eq!(r.headers()["allow"], "POST");
    /// assert_eq!(r.body().as_ref(), br#"{"error":"method_not_allowed"}"#);
    /// ```
    pub fn method_not_allowed(methods: impl IntoIterator<Item = http::Method>) -> Self {
        ErrorResponse::new(OAuthError::MethodNotAllowed).with_allow(methods)
    }

    /// An error with only a code (also available as `From<OAuthError>`).
    ///
    /// ```
    /// use oauth_errors::{Endpoint, ErrorResponse, OAuthError};
    ///
    /// const EXPIRED: ErrorResponse = ErrorResponse::new(OAuthError::ExpiredToken);
    /// assert_eq!(EXPIRED, ErrorResponse::from(OAuthError::ExpiredToken));
    /// assert_eq!(EXPIRED.to_string(), "expired_token");
    /// assert_eq!(EXPIRED.to_body().as_ref(), br#"{"error":"expired_token"}"#);
    /// ```
    pub const fn new(code: OAuthError) -> Self {
        ErrorResponse { code, details: None }
    }

    pub(crate) fn details_mut(&mut self) -> &mut Details {
        self.details.get_or_insert_with(Box::default)
    }

    pub(crate) fn details(&self) -> Option<&Details> {
        self.details.as_deref()
    }

    /// Sets `error_description`. `&str`/`String` go through the lossy path
    /// ([`ErrorText::lossy`]); pass an [`ErrorText`] for checked or relaxed text. An
    /// empty text removes the description.
    ///
    /// ```
    /// use oauth_errors::{OAuthError, text::ErrorText};
    ///
    /// let err = OAuthError::InvalidRequest.with_description("missing \"code\"\r\n");
    /// assert_eq!(err.description().map(|d| d.as_str()), Some("missing 'code'  "));
    ///
    /// let relaxed = ErrorText::unicode("Paramètre \"code\" manquant")?;
    /// let err = OAuthError::InvalidRequest.with_description(relaxed);
    /// assert_eq!(
    ///     err.to_body().as_ref(),
    ///     r#"{"error":"invalid_request","error_description":"Paramètre \"code\" manquant"}"#.as_bytes()
    /// );
    /// assert!(err.with_description("").description().is_none());
    /// # Ok::<(), oauth_errors::text::TextError>(())
    /// ```
    #[must_use]
    pub fn with_description(mut self, description: impl Into<ErrorText>) -> Self {
        let d = description.into();
        if !d.is_empty() {
            self.details_mut().description = Some(d);
        } else if let Some(details) = self.details.as_deref_mut() {
            details.description = None;
        }
        self
    }

    /// Sets `error_uri` (`&str`/`String` are lossy: see [`ErrorUri::lossy`]). An empty URI
    /// removes it.
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    ///
    /// let err = OAuthError::InvalidGrant.with_uri("https://docs.example.com/errors#invalid_grant");
    /// assert_eq!(
    ///     err.to_body().as_ref(),
    ///     br#"{"error":"invalid_grant","error_uri":"https://docs.example.com/errors#invalid_grant"}"#
    /// );
    /// ```
    #[must_use]
    pub fn with_uri(mut self, uri: impl Into<ErrorUri>) -> Self {
        let uri = uri.into();
        self.details_mut().uri = (!uri.as_str().is_empty()).then_some(uri);
        self
    }

    /// Sets the `state` echoed by an authorization-endpoint error
    /// ([`crate::authorize`]); never part of a JSON body.
    ///
    /// ```
    /// use oauth_errors::{OAuthError, ErrorResponse, authorize::State};
    ///
    /// let err = ErrorResponse::from(OAuthError::AccessDenied).with_state(State::new("xyz")?);
    /// assert_eq!(err.state().map(State::as_str), Some("xyz"));
    /// assert_eq!(err.to_body().as_ref(), br#"{"error":"access_denied"}"#);
    /// # Ok::<(), oauth_errors::text::TextError>(())
    /// ```
    #[must_use]
    pub fn with_state(mut self, state: crate::authorize::State) -> Self {
        self.details_mut().state = Some(state);
        self
    }

    /// Adds an extra top-level body member, replacing one of the same name.
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let err = OAuthError::InsufficientScope
    ///     .with_description("The request requires higher privileges than provided by the access token")
    ///     .with_member("error_human_title", "Insufficient scope.");
    /// assert_eq!(
    ///     err.to_body().as_ref(),
    ///     br#"{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token","error_human_title":"Insufficient scope."}"#
    /// );
    /// ```
    ///
    /// An absent value — JSON `null` or empty text — removes the member instead: bodies
    /// never contain a `null` or empty top-level member (RFC 6749 §3.1, OAuth 2.1
    /// Appendix C.3).
    ///
    /// The value is carried exactly, of any length (see [`MemberValue`]): an UMA 2.0
    /// `ticket` of several kilobytes goes out and reads back unchanged.
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let ticket = format!("eyJhbGciOiJFUzI1NiJ9.{}.sig", "x".repeat(3000));
    /// let err = OAuthError::NeedInfo.with_member("ticket", ticket.as_str());
    /// let back = ErrorResponse::from_json(&err.to_body())?;
    /// assert_eq!(back.member("ticket").and_then(|v| v.as_str()), Some(ticket.as_str()));
    /// # Ok::<(), oauth_errors::parse::ParseError>(())
    /// ```
    ///
    /// Each call looks for a member of the same name among those already set; to add many
    /// at once, [`with_members`](Self::with_members) does it in linear time.
    #[must_use]
    pub fn with_member(
        mut self,
        name: impl Into<MemberName>,
        value: impl Into<MemberValue>,
    ) -> Self {
        let (name, value) = (name.into(), value.into());
        let members = &mut self.details_mut().members;
        if value.is_absent() {
            members.retain(|(n, _)| *n != name);
            return self;
        }
        match members.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => members.push((name, value)),
        }
        self
    }

    /// Adds many extra members: the same result as one [`with_member`](Self::with_member)
    /// call per pair, in order (a later value replaces an earlier one in place; an absent
    /// value removes the member), in linear expected time — each name is looked up in a
    /// hash table instead of being compared with every member already set.
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    ///
    /// let err = OAuthError::NeedInfo.with_members([
    ///     ("ticket", "016f84e8-f9b9-11e0-bd6f-0021cc6004de"),
    ///     ("redirect_user", "true"),
    ///     ("ticket", "replaced"),
    ///     ("redirect_user", ""),
    /// ]);
    /// assert_eq!(err.to_body().as_ref(), br#"{"error":"need_info","ticket":"replaced"}"#);
    /// assert_eq!(err, OAuthError::NeedInfo.with_member("ticket", "replaced"));
    /// ```
    #[must_use]
    pub fn with_members<N: Into<MemberName>, V: Into<MemberValue>>(
        mut self,
        members: impl IntoIterator<Item = (N, V)>,
    ) -> Self {
        let updates = members.into_iter().map(|(n, v)| (n.into(), v.into()));
        apply_members(&mut self.details_mut().members, updates);
        self
    }

    /// Sets `Retry-After`; it is sent with 413, 429 and 503 responses only (RFC 9110
    /// §15.5.14, RFC 6585 §4, RFC 9110 §15.6.4; see [`RetryAfter`]), never with a
    /// redirect.
    ///
    /// ```
    /// use std::time::Duration;
    /// use oauth_errors::{Endpoint, ErrorResponse, OAuthError};
    ///
    /// let busy = ErrorResponse::from(OAuthError::TemporarilyUnavailable)
    ///     .with_retry_after(Duration::from_secs(120));
    /// assert_eq!(busy.to_response(Endpoint::Token).headers()["retry-after"], "120");
    ///
    /// // Dropped on a 400: it has no meaning there.
    /// let bad = OAuthError::InvalidGrant.with_description("x").with_retry_after(120u64);
    /// assert!(bad.to_response(Endpoint::Token).headers().get("retry-after").is_none());
    /// ```
    #[must_use]
    pub fn with_retry_after(mut self, retry_after: impl Into<RetryAfter>) -> Self {
        self.details_mut().retry_after = Some(retry_after.into());
        self
    }

    /// Sets the `DPoP-Nonce` response header (RFC 9449 §8, §9), typically with
    /// [`OAuthError::UseDpopNonce`] — which is useless to a client without it: always give
    /// that code a nonce, best with [`ErrorResponse::use_dpop_nonce`]. A `use_dpop_nonce`
    /// rendered without one is logged at WARN (feature `tracing`). A nonce may accompany
    /// any other error too (RFC 9449 §8.2: a server may rotate it on any response).
    ///
    /// ```
    /// use oauth_errors::{DpopNonce, Endpoint, ErrorResponse, OAuthError};
    ///
    /// let err = ErrorResponse::from(OAuthError::UseDpopNonce)
    ///     .with_dpop_nonce(DpopNonce::new("eyJ7S_zG.eyJH0-Z.HX4w-7v")?);
    /// assert_eq!(err.dpop_nonce().map(|n| n.as_str()), Some("eyJ7S_zG.eyJH0-Z.HX4w-7v"));
    /// let r = err.to_response(Endpoint::Token);
    /// assert_eq!(r.status(), 400);
    /// assert_eq!(r.headers()["dpop-nonce"], "eyJ7S_zG.eyJH0-Z.HX4w-7v");
    /// # Ok::<(), oauth_errors::text::TextError>(())
    /// ```
    #[must_use]
    pub fn with_dpop_nonce(mut self, nonce: DpopNonce) -> Self {
        self.details_mut().dpop_nonce = Some(nonce);
        self
    }

    /// Adds a `WWW-Authenticate` challenge. The error's `error`, `error_description` and
    /// `error_uri` are added to it when rendered (unless it is
    /// [`informational`](Challenge::informational)), so they never disagree with the body.
    ///
    /// **A challenge never contradicts the status.** It asks for (other) credentials, which
    /// is what a 401 means (RFC 9110 §15.5.2); RFC 6750 §3.1 also pairs it with 400
    /// `invalid_request` and 403 `insufficient_scope` where access tokens are checked
    /// ([`CodeInfo::challenged_at`](crate::CodeInfo::challenged_at)). So, whatever the table,
    /// the contract or [`with_status`](Self::with_status) say:
    ///
    /// * on a 401, or where the code is challenged at the endpoint: sent as is;
    /// * on a **400** (RFC 6749 §5.2's status for any error "unless specified otherwise"):
    ///   the response becomes a **401** — `invalid_client` with a `Basic` challenge is
    ///   RFC 6749 §5.2's 401, `invalid_dpop_proof` with a `DPoP` challenge is RFC 9449
    ///   §7.1's 401, at any endpoint;
    /// * on **any other status** (403, 404, 405, 413, 429, 5xx): the status stands — it
    ///   answers the request whatever the credentials, and a rate limit or an outage must
    ///   not send clients to re-authenticate — and **the challenge is not sent** (logged at
    ///   WARN with the `tracing` feature).
    ///
    /// ```
    /// use oauth_errors::{Challenge, Endpoint, OAuthError};
    ///
    /// let err = OAuthError::InvalidToken
    ///     .with_description("expired")
    ///     .with_challenge(Challenge::bearer().realm("api"));
    /// assert_eq!(err.challenges(), [Challenge::bearer().realm("api")]);
    /// let r = err.to_response(Endpoint::Resource);
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(
    ///     r.headers()["www-authenticate"],
    ///     r#"Bearer realm="api", error="invalid_token", error_description="expired""#
    /// );
    ///
    /// // Keeps its 403 at a resource (RFC 6750 §3.1)…
    /// let scope = OAuthError::InsufficientScope.with_challenge(Challenge::bearer().scope("write"));
    /// assert_eq!(scope.to_response(Endpoint::Resource).status(), 403);
    /// // …a challenge on a code that is otherwise a 400 makes it a 401…
    /// let r = OAuthError::InvalidClient
    ///     .with_challenge(Challenge::basic("as"))
    ///     .to_response(Endpoint::Token);
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(r.headers()["www-authenticate"], r#"Basic realm="as""#);
    /// // …and a 429 stays a 429, without the challenge.
    /// let r = OAuthError::TooManyRequests
    ///     .with_challenge(Challenge::bearer().realm("api"))
    ///     .to_response(Endpoint::Api);
    /// assert_eq!(r.status(), 429);
    /// assert!(r.headers().get("www-authenticate").is_none());
    /// ```
    #[must_use]
    pub fn with_challenge(mut self, challenge: Challenge) -> Self {
        self.details_mut().challenges.push(challenge);
        self
    }

    /// Records how the client authenticated: decides `invalid_client`'s 401-or-400 and
    /// its challenge (RFC 6749 §5.2).
    ///
    /// ```
    /// use oauth_errors::{ClientAuth, Endpoint, OAuthError};
    ///
    /// let basic = OAuthError::InvalidClient.with_client_auth(ClientAuth::basic("demo"));
    /// let r = basic.to_response(Endpoint::Token);
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(r.headers()["www-authenticate"], r#"Basic realm="demo""#);
    ///
    /// let body = OAuthError::InvalidClient.with_client_auth(ClientAuth::Body);
    /// assert_eq!(body.to_response(Endpoint::Token).status(), 400);
    /// ```
    #[must_use]
    pub fn with_client_auth(mut self, auth: ClientAuth) -> Self {
        self.details_mut().client_auth = auth;
        self
    }

    /// Overrides the HTTP status (never 401, 407 or 426: see [`ErrorStatus`]). An explicit
    /// status wins over the table and over the contract. Two things win over it: a
    /// challenge turns an explicit 400 into a 401 (see
    /// [`with_challenge`](Self::with_challenge)), and `invalid_client` from a client that
    /// authenticated with the `Authorization` header is always 401 (see
    /// [`with_client_auth`](Self::with_client_auth)).
    ///
    /// ```
    /// use oauth_errors::{Endpoint, ErrorStatus, OAuthError};
    ///
    /// let r = OAuthError::AccessDenied
    ///     .with_description("account suspended")
    ///     .with_status(ErrorStatus::FORBIDDEN)
    ///     .to_response(Endpoint::Api);
    /// assert_eq!(r.status(), 403);
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: ErrorStatus) -> Self {
        self.details_mut().status = Some(status);
        self
    }

    /// Sets the methods for the `Allow` header, sent with a 405 response (RFC 9110
    /// §15.5.6: a 405 "MUST generate an Allow header field"). A 405 rendered without
    /// methods sends an empty `Allow` and is logged at WARN (feature `tracing`); build it
    /// with [`ErrorResponse::method_not_allowed`] to give them up front.
    ///
    /// ```
    /// use http::Method;
    /// use oauth_errors::{Endpoint, OAuthError, ErrorResponse};
    ///
    /// let err = ErrorResponse::from(OAuthError::MethodNotAllowed)
    ///     .with_allow([Method::GET, Method::POST]);
    /// assert_eq!(err.allow(), [Method::GET, Method::POST]);
    /// let r = err.to_response(Endpoint::Api);
    /// assert_eq!(r.status(), 405);
    /// assert_eq!(r.headers()["allow"], "GET, POST");
    /// ```
    #[must_use]
    pub fn with_allow(mut self, methods: impl IntoIterator<Item = http::Method>) -> Self {
        self.details_mut().allow = methods.into_iter().collect();
        self
    }

    /// Attaches the internal cause: logged via `Debug` and `source()`, never sent.
    ///
    /// ```
    /// use std::error::Error as _;
    /// use oauth_errors::OAuthError;
    ///
    /// let io = std::io::Error::other("db connection refused");
    /// let err = OAuthError::ServerError.with_cause(io);
    /// assert_eq!(err.source().map(|c| c.to_string()).as_deref(), Some("db connection refused"));
    /// assert!(format!("{err:?}").contains("db connection refused"));
    /// assert_eq!(err.to_body().as_ref(), br#"{"error":"server_error"}"#);
    /// ```
    #[must_use]
    pub fn with_cause(mut self, cause: impl StdError + Send + Sync + 'static) -> Self {
        self.details_mut().cause = Some(Arc::new(cause));
        self
    }

    /// Attaches an already boxed internal cause.
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let cause: Box<dyn std::error::Error + Send + Sync> = "pool exhausted".into();
    /// let err = ErrorResponse::from(OAuthError::ServerError).with_boxed_cause(cause);
    /// assert_eq!(err.cause().map(|c| c.to_string()).as_deref(), Some("pool exhausted"));
    /// assert_eq!(err.to_string(), "server_error"); // `Display` never shows the cause
    /// ```
    #[must_use]
    pub fn with_boxed_cause(mut self, cause: Box<dyn StdError + Send + Sync + 'static>) -> Self {
        self.details_mut().cause = Some(Arc::from(cause));
        self
    }

    /// Sets the endpoint this error is returned from (default: the contract's, else the
    /// code's own, [`CodeInfo::default_endpoint`](crate::CodeInfo::default_endpoint)).
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// // `invalid_dpop_proof` is 400 at the token endpoint but 401 at a resource:
    /// assert_eq!(OAuthError::InvalidDpopProof.with_description("bad").response().status(), 400);
    /// let err = OAuthError::InvalidDpopProof.with_description("bad").at(Endpoint::Resource);
    /// assert_eq!(err.endpoint(), Some(Endpoint::Resource));
    /// assert_eq!(err.response().status(), 401);
    /// ```
    #[must_use]
    pub fn at(mut self, endpoint: Endpoint) -> Self {
        self.details_mut().endpoint = Some(endpoint);
        self
    }

    /// Renders under `contract` (status rules, body format, fixed members) wherever this
    /// error is rendered. [`Contract::error`] sets it for you.
    ///
    /// ```
    /// use oauth_errors::{Contract, Endpoint, OAuthError};
    ///
    /// let err = OAuthError::InvalidGrant.with_description("x").with_contract(Contract::oauth21());
    /// assert_eq!(err.contract(), Contract::oauth21());
    /// let r = err.to_response(Endpoint::Token);
    /// assert_eq!(r.headers()["cache-control"], "no-store");
    /// assert!(r.headers().get("pragma").is_none()); // OAuth 2.1 drops `Pragma`
    /// ```
    #[must_use]
    pub fn with_contract(mut self, contract: &'static Contract) -> Self {
        self.details_mut().contract = Some(contract);
        self
    }

    /// The code.
    ///
    /// See [reading the parts](ErrorResponse#reading-the-parts).
    pub fn code(&self) -> &OAuthError {
        &self.code
    }

    /// `error_description`, if any ([example](ErrorResponse#reading-the-parts)).
    pub fn description(&self) -> Option<&ErrorText> {
        self.details().and_then(|d| d.description.as_ref())
    }

    /// `error_uri`, if any ([example](ErrorResponse#reading-the-parts)).
    pub fn uri(&self) -> Option<&ErrorUri> {
        self.details().and_then(|d| d.uri.as_ref())
    }

    /// `state`, if any (example at [`with_state`](Self::with_state)).
    pub fn state(&self) -> Option<&crate::authorize::State> {
        self.details().and_then(|d| d.state.as_ref())
    }

    /// Extra top-level members, in insertion order
    /// ([example](ErrorResponse#reading-the-parts)).
    pub fn members(&self) -> &[(MemberName, MemberValue)] {
        self.details().map_or(&[], |d| &d.members)
    }

    /// One extra member by name.
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    ///
    /// let err = OAuthError::SlowDown.with_description("x").with_member("interval", 10u32);
    /// assert_eq!(err.member("interval").map(|v| v.to_json()), Some(serde_json::json!(10)));
    /// assert!(err.member("missing").is_none());
    /// ```
    pub fn member(&self, name: &str) -> Option<&MemberValue> {
        self.members().iter().find(|(n, _)| same_name(n.as_str(), name)).map(|(_, v)| v)
    }

    /// `Retry-After`, if any ([example](ErrorResponse#reading-the-parts)).
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.details().and_then(|d| d.retry_after)
    }

    /// The DPoP nonce, if any (example at [`with_dpop_nonce`](Self::with_dpop_nonce)).
    pub fn dpop_nonce(&self) -> Option<&DpopNonce> {
        self.details().and_then(|d| d.dpop_nonce.as_ref())
    }

    /// Attached challenges, in the order they were added (example at
    /// [`with_challenge`](Self::with_challenge)).
    pub fn challenges(&self) -> &[Challenge] {
        self.details().map_or(&[], |d| &d.challenges)
    }

    /// How the client authenticated ([`ClientAuth::None`] unless set;
    /// [example](ErrorResponse#reading-the-parts)).
    pub fn client_auth(&self) -> &ClientAuth {
        self.details().map_or(&ClientAuth::None, |d| &d.client_auth)
    }

    /// The explicit status override, if any ([example](ErrorResponse#reading-the-parts)).
    pub fn status_override(&self) -> Option<ErrorStatus> {
        self.details().and_then(|d| d.status)
    }

    /// The methods for the `Allow` header (empty unless set; example at
    /// [`with_allow`](Self::with_allow)).
    pub fn allow(&self) -> &[http::Method] {
        self.details().map_or(&[], |d| &d.allow)
    }

    /// The endpoint set with [`at`](Self::at), if any
    /// ([example](ErrorResponse#reading-the-parts)).
    pub fn endpoint(&self) -> Option<Endpoint> {
        self.details().and_then(|d| d.endpoint)
    }

    /// The contract this error renders under ([`Contract::oauth2`] unless set;
    /// [example](ErrorResponse#reading-the-parts)).
    pub fn contract(&self) -> &'static Contract {
        self.details().and_then(|d| d.contract).unwrap_or(Contract::oauth2())
    }

    /// The internal cause, if any (also available as `source()`; example at
    /// [`with_boxed_cause`](Self::with_boxed_cause)).
    pub fn cause(&self) -> Option<&(dyn StdError + Send + Sync + 'static)> {
        self.details().and_then(|d| d.cause.as_deref())
    }

    /// Whether this is a server-side failure (its status is 5xx), which adapters log at
    /// error level with the cause.
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, ErrorStatus, OAuthError};
    ///
    /// assert!(ErrorResponse::from(OAuthError::ServerError).is_server_error());
    /// assert!(!ErrorResponse::from(OAuthError::InvalidGrant).is_server_error());
    /// let overridden = OAuthError::InvalidGrant.with_description("x");
    /// assert!(overridden.with_status(ErrorStatus::SERVICE_UNAVAILABLE).is_server_error());
    /// ```
    pub fn is_server_error(&self) -> bool {
        self.resolve_status(self.effective_endpoint()).is_server_error()
    }

    pub(crate) fn effective_endpoint(&self) -> Endpoint {
        self.endpoint()
            .or(self.contract().default_endpoint())
            .unwrap_or_else(|| self.code.info().default_endpoint())
    }
}

impl From<OAuthError> for ErrorResponse {
    fn from(code: OAuthError) -> Self {
        ErrorResponse::new(code)
    }
}

impl PartialEq for ErrorResponse {
    /// Compares everything that goes on the wire plus the contract and endpoint; the
    /// internal cause is ignored, and so is how a client received the error (its HTTP
    /// status, [dialect](crate::parse::Dialect), code as received, raw body and `iss`:
    /// see [`ErrorResponse::received_status`]), so an error read back equals the error
    /// that was sent, and two providers' spellings of one error compare equal.
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let with_cause = OAuthError::ServerError.with_cause(std::io::Error::other("disk full"));
    /// assert_eq!(with_cause, ErrorResponse::from(OAuthError::ServerError));
    /// assert_ne!(with_cause, OAuthError::ServerError.with_description("disk full"));
    /// ```
    fn eq(&self, other: &Self) -> bool {
        let same_contract = core::ptr::eq(self.contract(), other.contract());
        let d = |e: &ErrorResponse| {
            (
                e.uri().cloned(),
                e.state().cloned(),
                e.members().to_vec(),
                e.retry_after(),
                e.dpop_nonce().cloned(),
                e.challenges().to_vec(),
                e.client_auth().clone(),
                e.status_override(),
                e.allow().to_vec(),
            )
        };
        self.code == other.code
            && self.description() == other.description()
            && self.endpoint() == other.endpoint()
            && same_contract
            && d(self) == d(other)
    }
}

impl fmt::Display for ErrorResponse {
    /// `code` or `code: description`. Never includes the internal cause.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.description() {
            Some(d) => write!(f, "{}: {}", self.code, d),
            None => f.write_str(self.code.as_str()),
        }
    }
}

impl fmt::Debug for ErrorResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("ErrorResponse");
        s.field("code", &self.code.as_str());
        if let Some(d) = self.description() {
            s.field("description", d);
        }
        if let Some(e) = self.endpoint() {
            s.field("endpoint", &e);
        }
        if let Some(d) = self.details() {
            if let Some(u) = &d.uri {
                s.field("uri", u);
            }
            if let Some(st) = &d.state {
                s.field("state", st);
            }
            if !d.members.is_empty() {
                s.field("members", &d.members);
            }
            if let Some(r) = &d.retry_after {
                s.field("retry_after", r);
            }
            if let Some(n) = &d.dpop_nonce {
                s.field("dpop_nonce", n);
            }
            if !d.challenges.is_empty() {
                s.field("challenges", &d.challenges);
            }
            if d.client_auth != ClientAuth::None {
                s.field("client_auth", &d.client_auth);
            }
            if let Some(st) = d.status {
                s.field("status", &st.as_u16());
            }
            if !d.allow.is_empty() {
                s.field("allow", &d.allow);
            }
            if let Some(c) = &d.cause {
                s.field("cause", c);
            }
            if let Some(r) = &d.received {
                s.field("received", r);
            }
        }
        s.finish()
    }
}

impl StdError for ErrorResponse {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.details().and_then(|d| d.cause.as_deref()).map(|c| c as &(dyn StdError + 'static))
    }
}

/// Builder shortcuts on a bare code: each returns an [`ErrorResponse`], exactly as
/// `ErrorResponse::new(code).with_…(…)` would.
///
/// ```
/// use oauth_errors::{Endpoint, ErrorResponse, OAuthError};
///
/// let short = OAuthError::InvalidScope.with_description("unknown scope: admin");
/// let long = ErrorResponse::new(OAuthError::InvalidScope).with_description("unknown scope: admin");
/// assert_eq!(short, long);
/// assert_eq!(OAuthError::InvalidToken.at(Endpoint::Resource).endpoint(), Some(Endpoint::Resource));
/// ```
impl OAuthError {
    /// [`ErrorResponse::with_description`] on this code.
    #[must_use]
    pub fn with_description(self, description: impl Into<ErrorText>) -> ErrorResponse {
        ErrorResponse::new(self).with_description(description)
    }

    /// [`ErrorResponse::with_uri`] on this code.
    #[must_use]
    pub fn with_uri(self, uri: impl Into<ErrorUri>) -> ErrorResponse {
        ErrorResponse::new(self).with_uri(uri)
    }

    /// [`ErrorResponse::with_cause`] on this code.
    #[must_use]
    pub fn with_cause(self, cause: impl StdError + Send + Sync + 'static) -> ErrorResponse {
        ErrorResponse::new(self).with_cause(cause)
    }

    /// [`ErrorResponse::with_boxed_cause`] on this code.
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    ///
    /// let cause: Box<dyn std::error::Error + Send + Sync> = "pool exhausted".into();
    /// let err = OAuthError::ServerError.with_boxed_cause(cause);
    /// assert_eq!(err.cause().map(|c| c.to_string()).as_deref(), Some("pool exhausted"));
    /// ```
    #[must_use]
    pub fn with_boxed_cause(
        self,
        cause: Box<dyn StdError + Send + Sync + 'static>,
    ) -> ErrorResponse {
        ErrorResponse::new(self).with_boxed_cause(cause)
    }

    /// [`ErrorResponse::with_client_auth`] on this code.
    #[must_use]
    pub fn with_client_auth(self, auth: ClientAuth) -> ErrorResponse {
        ErrorResponse::new(self).with_client_auth(auth)
    }

    /// [`ErrorResponse::with_challenge`] on this code.
    #[must_use]
    pub fn with_challenge(self, challenge: Challenge) -> ErrorResponse {
        ErrorResponse::new(self).with_challenge(challenge)
    }

    /// [`ErrorResponse::at`] on this code.
    #[must_use]
    pub fn at(self, endpoint: Endpoint) -> ErrorResponse {
        ErrorResponse::new(self).at(endpoint)
    }

    /// [`ErrorResponse::with_member`] on this code.
    #[must_use]
    pub fn with_member(
        self,
        name: impl Into<MemberName>,
        value: impl Into<MemberValue>,
    ) -> ErrorResponse {
        ErrorResponse::new(self).with_member(name, value)
    }

    /// [`ErrorResponse::with_members`] on this code.
    #[must_use]
    pub fn with_members<N: Into<MemberName>, V: Into<MemberValue>>(
        self,
        members: impl IntoIterator<Item = (N, V)>,
    ) -> ErrorResponse {
        ErrorResponse::new(self).with_members(members)
    }

    /// [`ErrorResponse::with_status`] on this code.
    #[must_use]
    pub fn with_status(self, status: ErrorStatus) -> ErrorResponse {
        ErrorResponse::new(self).with_status(status)
    }

    /// [`ErrorResponse::with_retry_after`] on this code.
    #[must_use]
    pub fn with_retry_after(self, retry_after: impl Into<RetryAfter>) -> ErrorResponse {
        ErrorResponse::new(self).with_retry_after(retry_after)
    }

    /// [`ErrorResponse::with_dpop_nonce`] on this code.
    #[must_use]
    pub fn with_dpop_nonce(self, nonce: DpopNonce) -> ErrorResponse {
        ErrorResponse::new(self).with_dpop_nonce(nonce)
    }

    /// [`ErrorResponse::with_state`] on this code.
    #[must_use]
    pub fn with_state(self, state: crate::authorize::State) -> ErrorResponse {
        ErrorResponse::new(self).with_state(state)
    }

    /// [`ErrorResponse::with_allow`] on this code.
    #[must_use]
    pub fn with_allow(self, methods: impl IntoIterator<Item = http::Method>) -> ErrorResponse {
        ErrorResponse::new(self).with_allow(methods)
    }

    /// [`ErrorResponse::with_contract`] on this code.
    #[must_use]
    pub fn with_contract(self, contract: &'static Contract) -> ErrorResponse {
        ErrorResponse::new(self).with_contract(contract)
    }
}

/// `?`-friendly conversion of any error into an [`ErrorResponse`] with that error as the
/// internal cause.
///
/// ```
/// use oauth_errors::{ErrorResponse, OAuthError, ResultExt};
///
/// fn load_client(id: &str) -> Result<u32, ErrorResponse> {
///     let n: u32 = id.parse().or_oauth(OAuthError::InvalidClient)?;
///     Ok(n)
/// }
/// let err = load_client("x").unwrap_err();
/// assert_eq!(err.code(), &OAuthError::InvalidClient);
/// assert!(std::error::Error::source(&err).is_some()); // for logs
/// assert_eq!(err.to_body().as_ref(), br#"{"error":"invalid_client"}"#); // not on the wire
/// ```
pub trait ResultExt<T> {
    /// Maps the error to `code`, keeping it as the internal cause (see the
    /// [trait-level example](ResultExt)).
    ///
    /// # Errors
    ///
    /// The [`ErrorResponse`] when `self` is an error.
    fn or_oauth(self, code: OAuthError) -> Result<T, ErrorResponse>;

    /// Maps the error to `code` with a public description, keeping it as the cause.
    ///
    /// # Errors
    ///
    /// The [`ErrorResponse`] when `self` is an error.
    ///
    /// ```
    /// use oauth_errors::{OAuthError, ResultExt};
    ///
    /// let parsed = "abc".parse::<u64>().or_oauth_with(OAuthError::InvalidRequest, "max_age must be a number");
    /// let err = parsed.unwrap_err();
    /// assert_eq!(err.to_string(), "invalid_request: max_age must be a number");
    /// assert_eq!(err.cause().map(|c| c.to_string()).as_deref(), Some("invalid digit found in string"));
    /// ```
    fn or_oauth_with(
        self,
        code: OAuthError,
        description: impl Into<ErrorText>,
    ) -> Result<T, ErrorResponse>;
}

/// For any error that converts into `Box<dyn Error + Send + Sync>`: every
/// `std::error::Error + Send + Sync + 'static` type, boxed errors themselves, and
/// `anyhow::Error` (no dependency on `anyhow` needed).
///
/// ```
/// use oauth_errors::{OAuthError, ResultExt};
///
/// let boxed: Result<(), Box<dyn std::error::Error + Send + Sync>> = Err("pool exhausted".into());
/// let err = boxed.or_oauth(OAuthError::ServerError).unwrap_err();
/// assert_eq!(err.cause().map(|c| c.to_string()).as_deref(), Some("pool exhausted"));
/// ```
impl<T, E: Into<Box<dyn StdError + Send + Sync + 'static>>> ResultExt<T> for Result<T, E> {
    fn or_oauth(self, code: OAuthError) -> Result<T, ErrorResponse> {
        self.map_err(|e| ErrorResponse::new(code).with_boxed_cause(e.into()))
    }

    fn or_oauth_with(
        self,
        code: OAuthError,
        description: impl Into<ErrorText>,
    ) -> Result<T, ErrorResponse> {
        self.map_err(|e| {
            ErrorResponse::new(code).with_description(description).with_boxed_cause(e.into())
        })
    }
}

/// Complexity checks that do not depend on timing: every member-name comparison goes
/// through [`same_name`], which counts them here.
#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;

    use crate::{ErrorResponse, OAuthError};

    thread_local! {
        pub(crate) static NAME_COMPARISONS: Cell<u64> = const { Cell::new(0) };
    }

    fn comparisons_during<T>(f: impl FnOnce() -> T) -> (T, u64) {
        let before = NAME_COMPARISONS.with(Cell::get);
        let out = f();
        (out, NAME_COMPARISONS.with(Cell::get) - before)
    }

    /// `{"error":"invalid_request","0":0,"1":0,…}` filling `len` bytes: 64 KiB holds
    /// about 7.7k members.
    fn many_members(len: usize) -> (String, usize) {
        let mut body = String::from(r#"{"error":"invalid_request""#);
        let mut n = 0;
        while body.len() + 16 < len {
            body.push_str(&format!(r#","{n:x}":0"#));
            n += 1;
        }
        body.push('}');
        (body, n)
    }

    #[test]
    fn from_json_compares_member_names_a_linear_number_of_times() {
        let (body, n) = many_members(crate::parse::MAX_BODY_LEN);
        assert!(n > 7_000, "{n} members");
        let (err, comparisons) = comparisons_during(|| ErrorResponse::from_json(body.as_bytes()));
        assert_eq!(err.unwrap().members().len(), n);
        // A hash lookup compares names only when their hashes collide; a scan per member
        // (the old `with_member` loop) made n²/2 ≈ 30 million comparisons here.
        assert!(comparisons <= n as u64, "{comparisons} name comparisons for {n} members");
    }

    #[test]
    fn with_members_is_linear_with_repeats_and_removals() {
        let n = 5_000u64;
        let updates = (0..n).flat_map(|i| {
            let name = format!("m{}", i % 1000);
            let value = if i % 7 == 0 { String::new() } else { i.to_string() };
            [(crate::MemberName::lossy(&name), crate::MemberValue::from(value))]
        });
        let (err, comparisons) =
            comparisons_during(|| OAuthError::InvalidRequest.with_members(updates));
        assert!(comparisons <= 4 * n, "{comparisons} comparisons for {n} updates");
        // Same result as the one-at-a-time builder.
        let mut one_by_one = ErrorResponse::new(OAuthError::InvalidRequest);
        for i in 0..n {
            let value = if i % 7 == 0 { String::new() } else { i.to_string() };
            one_by_one =
                one_by_one.with_member(crate::MemberName::lossy(&format!("m{}", i % 1000)), value);
        }
        assert_eq!(err.members(), one_by_one.members());
    }

    /// The counter does see a scan: `with_member` in a loop is quadratic, which is what
    /// the bounds above would catch if `from_json` or `with_members` used it.
    #[test]
    fn the_counter_sees_a_quadratic_loop() {
        let n = 2_000u64;
        let (_, comparisons) = comparisons_during(|| {
            (0..n).fold(ErrorResponse::new(OAuthError::InvalidRequest), |e, i| {
                e.with_member(crate::MemberName::lossy(&i.to_string()), 0u32)
            })
        });
        assert_eq!(comparisons, n * (n - 1) / 2);
    }
}
