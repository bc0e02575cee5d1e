//! Body formats: RFC 6749 JSON (the default), RFC 9457 problem details, and the
//! [`BodyFormat`] trait for anything else.

use std::error::Error as StdError;

use http::{HeaderValue, StatusCode};

use crate::taxonomy::endpoint::Endpoint;
use crate::wire::error::{ErrorResponse, MemberName, MemberValue};
use crate::wire::headers::{APPLICATION_JSON, APPLICATION_PROBLEM_JSON};
use crate::wire::schema::SchemaContext;
use crate::wire::text::ErrorText;

/// What a [`BodyFormat`] knows about the response being written.
///
/// The renderer builds it; build one yourself with [`BodyContext::new`] to test a format:
///
/// ```
/// use http::StatusCode;
/// use oauth_errors::{BodyContext, BodyFormat, Endpoint, OAuthError, OAuthJson};
///
/// let ctx = BodyContext::new(StatusCode::BAD_REQUEST, Endpoint::Token, &[]);
/// let mut out = Vec::new();
/// OAuthJson.write_body(&OAuthError::InvalidGrant.into(), &ctx, &mut out)?;
/// assert_eq!(out, br#"{"error":"invalid_grant"}"#);
/// # Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct BodyContext<'a> {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// The endpoint the error is returned from.
    pub endpoint: Endpoint,
    /// The contract's fixed members (the error's own members take precedence).
    pub fixed_members: &'a [(MemberName, MemberValue)],
}

impl<'a> BodyContext<'a> {
    /// A context, for testing custom formats (see the [type-level example](BodyContext)).
    pub fn new(
        status: StatusCode,
        endpoint: Endpoint,
        fixed_members: &'a [(MemberName, MemberValue)],
    ) -> Self {
        BodyContext { status, endpoint, fixed_members }
    }

    /// Every extra member to write: the error's own, then the contract's fixed members
    /// whose names the error does not use.
    ///
    /// ```
    /// use http::StatusCode;
    /// use oauth_errors::{BodyContext, Endpoint, MemberName, MemberValue, OAuthError};
    ///
    /// let fixed = [
    ///     (MemberName::from("api_version"), MemberValue::from("v2")),
    ///     (MemberName::from("hint"), MemberValue::from("contract")),
    /// ];
    /// let ctx = BodyContext::new(StatusCode::BAD_REQUEST, Endpoint::Api, &fixed);
    /// let err = OAuthError::InvalidRequest.with_description("x").with_member("hint", "own");
    /// let names: Vec<_> = ctx.members(&err).map(|(n, v)| (n.as_str(), v.to_json())).collect();
    /// assert_eq!(names, [("hint", "own".into()), ("api_version", "v2".into())]);
    /// ```
    pub fn members<'e>(
        &self,
        error: &'e ErrorResponse,
    ) -> impl Iterator<Item = (&'e MemberName, &'e MemberValue)> + use<'e, 'a>
    where
        'a: 'e,
    {
        let own = error.members();
        own.iter().map(|(n, v)| (n, v)).chain(
            self.fixed_members
                .iter()
                .filter(move |(n, _)| !own.iter().any(|(o, _)| o == n))
                .map(|(n, v)| (n, v)),
        )
    }
}

/// An error body format.
///
/// Implement it to declare an API's own error shape once (in a
/// [`Contract`](crate::Contract)) and have every error rendered that way. A format that
/// returns an error falls back to the canonical RFC 6749 body, so a broken format can
/// never turn an error into a 500.
///
/// ```
/// use oauth_errors::{BodyContext, BodyFormat, ErrorResponse};
/// use http::HeaderValue;
///
/// /// `{"message": "..."}`, as many APIs send.
/// struct MessageOnly;
///
/// impl BodyFormat for MessageOnly {
///     fn content_type(&self) -> HeaderValue {
///         HeaderValue::from_static("application/json")
///     }
///     fn write_body(
///         &self,
///         error: &ErrorResponse,
///         _ctx: &BodyContext<'_>,
///         out: &mut Vec<u8>,
///     ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
///         let message = error.description().map_or(error.code().as_str(), |d| d.as_str());
///         serde_json::to_writer(out, &serde_json::json!({ "message": message }))?;
///         Ok(())
///     }
/// }
///
/// # use oauth_errors::{Contract, Endpoint, OAuthError};
/// # use std::sync::LazyLock;
/// static API: LazyLock<Contract> = LazyLock::new(|| Contract::builder().format(MessageOnly).build());
///
/// let r = API.error(OAuthError::InvalidGrant).with_description("code expired").response();
/// assert_eq!(r.body().as_ref(), br#"{"message":"code expired"}"#);
/// ```
pub trait BodyFormat: Send + Sync + 'static {
    /// The `Content-Type` of bodies in this format (see the [trait-level
    /// example](BodyFormat)).
    fn content_type(&self) -> HeaderValue;

    /// Appends the body for `error` to `out`.
    ///
    /// # Errors
    ///
    /// Any error makes the renderer discard `out` and write the RFC 6749 body instead
    /// (with `Content-Type: application/json`).
    ///
    /// ```
    /// use http::HeaderValue;
    /// use oauth_errors::{BodyContext, BodyFormat, Contract, ErrorResponse, OAuthError};
    /// use std::sync::LazyLock;
    ///
    /// struct Broken;
    /// impl BodyFormat for Broken {
    ///     fn content_type(&self) -> HeaderValue { HeaderValue::from_static("text/plain") }
    ///     fn write_body(&self, _: &ErrorResponse, _: &BodyContext<'_>, out: &mut Vec<u8>)
    ///         -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    ///         out.extend_from_slice(b"partial");
    ///         Err("template missing".into())
    ///     }
    /// }
    /// static API: LazyLock<Contract> = LazyLock::new(|| Contract::builder().format(Broken).build());
    ///
    /// let r = API.error(OAuthError::InvalidGrant).response();
    /// assert_eq!(r.status(), 400);
    /// assert_eq!(r.headers()["content-type"], "application/json");
    /// assert_eq!(r.body().as_ref(), br#"{"error":"invalid_grant"}"#);
    /// ```
    fn write_body(
        &self,
        error: &ErrorResponse,
        ctx: &BodyContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), Box<dyn StdError + Send + Sync>>;

    /// The JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) of the bodies this
    /// format writes for the codes and status in `ctx`, if the format declares one.
    ///
    /// Only documentation uses it (the OpenAPI responses of the `utoipa` feature); rendering
    /// never does. The default, `None`, leaves a response documented by its examples alone.
    /// [`OAuthJson`] and [`ProblemJson`] declare theirs.
    ///
    /// ```
    /// use http::{HeaderValue, StatusCode};
    /// use oauth_errors::{BodyContext, BodyFormat, Endpoint, ErrorResponse, OAuthError, SchemaContext};
    ///
    /// struct MessageOnly;
    /// impl BodyFormat for MessageOnly {
    ///     fn content_type(&self) -> HeaderValue { HeaderValue::from_static("application/json") }
    ///     fn write_body(&self, e: &ErrorResponse, _: &BodyContext<'_>, out: &mut Vec<u8>)
    ///         -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    ///         Ok(serde_json::to_writer(out, &serde_json::json!({ "message": e.code().as_str() }))?)
    ///     }
    ///     fn json_schema(&self, _: &SchemaContext<'_>) -> Option<serde_json::Value> {
    ///         Some(serde_json::json!({
    ///             "type": "object",
    ///             "required": ["message"],
    ///             "properties": { "message": { "type": "string" } },
    ///         }))
    ///     }
    /// }
    ///
    /// let ctx = SchemaContext::new(StatusCode::BAD_REQUEST, Endpoint::Api, &[OAuthError::InvalidRequest], &[]);
    /// assert_eq!(MessageOnly.json_schema(&ctx).unwrap()["required"][0], "message");
    /// ```
    fn json_schema(&self, ctx: &SchemaContext<'_>) -> Option<serde_json::Value> {
        let _ = ctx;
        None
    }
}

/// The RFC 6749 §5.2 JSON body: `error`, `error_description`, `error_uri` and any extra
/// members at the top level, no top-level `null`, `Content-Type: application/json`. The
/// default.
///
/// Keys are written in that order, members in insertion order (contract members after
/// the error's own). Strict text is written as is (NQSCHAR needs no JSON escaping);
/// relaxed text and members are escaped by `serde_json` (RFC 8259 §7). Members are
/// written exactly as given, of any length (see [`MemberValue`]).
///
/// ```
/// use http::StatusCode;
/// use oauth_errors::{BodyContext, BodyFormat, Endpoint, OAuthError, OAuthJson};
///
/// let err = OAuthError::SlowDown.with_description("poll less").with_member("interval", 10u32);
/// let ctx = BodyContext::new(StatusCode::BAD_REQUEST, Endpoint::Token, &[]);
/// let mut out = Vec::new();
/// OAuthJson.write_body(&err, &ctx, &mut out)?;
/// assert_eq!(OAuthJson.content_type(), "application/json");
/// assert_eq!(out, br#"{"error":"slow_down","error_description":"poll less","interval":10}"#);
/// # Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OAuthJson;

impl BodyFormat for OAuthJson {
    fn content_type(&self) -> HeaderValue {
        APPLICATION_JSON
    }

    fn write_body(
        &self,
        error: &ErrorResponse,
        ctx: &BodyContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), Box<dyn StdError + Send + Sync>> {
        write_oauth_json(error, ctx, out);
        Ok(())
    }

    /// `error` (an enum of the context's codes, each described), optional
    /// `error_description` and `error_uri`, the contract's fixed members, and any other
    /// member.
    ///
    /// ```
    /// use http::StatusCode;
    /// use oauth_errors::{BodyFormat, Endpoint, OAuthError, OAuthJson, SchemaContext};
    ///
    /// let ctx = SchemaContext::new(StatusCode::BAD_REQUEST, Endpoint::Token, &[OAuthError::SlowDown], &[]);
    /// let schema = OAuthJson.json_schema(&ctx).unwrap();
    /// assert_eq!(schema["required"], serde_json::json!(["error"]));
    /// assert_eq!(schema["properties"]["error"]["enum"], serde_json::json!(["slow_down"]));
    /// assert_eq!(schema["properties"]["error_uri"]["format"], "uri-reference");
    /// assert_eq!(schema["additionalProperties"], true);
    /// ```
    fn json_schema(&self, ctx: &SchemaContext<'_>) -> Option<serde_json::Value> {
        Some(crate::wire::schema::oauth_json(ctx))
    }
}

const ERROR_KEY: &[u8] = b"{\"error\":";
const DESCRIPTION_KEY: &[u8] = b",\"error_description\":";
const URI_KEY: &[u8] = b",\"error_uri\":";

/// The exact length [`write_oauth_json`] writes when nothing needs escaping and there are
/// no members (the common case), else `None`: the body buffer is then allocated once at
/// its final size and becomes the `Bytes` without another allocation.
pub(crate) fn oauth_json_len(error: &ErrorResponse, ctx: &BodyContext<'_>) -> Option<usize> {
    if ctx.members(error).next().is_some() {
        return None;
    }
    let quoted = |s: &str| crate::wire::text::nqschar_words(s.as_bytes()).then_some(s.len() + 2);
    let mut len = ERROR_KEY.len() + quoted(error.code().as_str())? + 1;
    if let Some(d) = error.description() {
        len += DESCRIPTION_KEY.len()
            + if d.is_strict() { d.as_str().len() + 2 } else { quoted(d.as_str())? };
    }
    if let Some(u) = error.uri() {
        len += URI_KEY.len() + quoted(u.as_str())?;
    }
    Some(len)
}

pub(crate) fn write_oauth_json(error: &ErrorResponse, ctx: &BodyContext<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(ERROR_KEY);
    write_str(out, error.code().as_str());
    if let Some(d) = error.description() {
        out.extend_from_slice(DESCRIPTION_KEY);
        write_text(out, d);
    }
    if let Some(u) = error.uri() {
        out.extend_from_slice(URI_KEY);
        write_str(out, u.as_str());
    }
    write_members(out, ctx.members(error));
    out.push(b'}');
}

/// Writes `,"name":value` for each member.
pub(crate) fn write_members<'e>(
    out: &mut Vec<u8>,
    members: impl Iterator<Item = (&'e MemberName, &'e MemberValue)>,
) {
    for (n, v) in members.filter(|(_, v)| !v.is_absent()) {
        out.push(b',');
        write_str(out, n.as_str());
        out.push(b':');
        write_value(out, v);
    }
}

/// A member's value, exactly, JSON-escaped (see [`MemberValue`]).
pub(crate) fn write_value(out: &mut Vec<u8>, v: &MemberValue) {
    match v {
        MemberValue::Text(t) => write_str(out, t),
        MemberValue::Json(j) => write_json(out, j),
    }
}

/// A JSON value, with every string written by [`write_str`].
fn write_json(out: &mut Vec<u8>, v: &serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            // Writing a number into a `Vec` cannot fail; should it, `0` keeps the body
            // valid JSON.
            let start = out.len();
            if serde_json::to_writer(&mut *out, n).is_err() {
                out.truncate(start);
                out.push(b'0');
            }
        }
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_json(out, item);
            }
            out.push(b']');
        }
        Value::Object(map) => {
            out.push(b'{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_str(out, k);
                out.push(b':');
                write_json(out, item);
            }
            out.push(b'}');
        }
    }
}

pub(crate) fn write_text(out: &mut Vec<u8>, t: &ErrorText) {
    if t.is_strict() {
        out.push(b'"');
        out.extend_from_slice(t.as_str().as_bytes());
        out.push(b'"');
    } else {
        write_str(out, t.as_str());
    }
}

/// A JSON string (RFC 8259 §7), escaping only when needed: `"` and `\` as `\"` and
/// `\\`, and every character the relaxed text policy refuses (control characters,
/// U+2028/U+2029, bidirectional overrides) as an escape, so that no body holds one raw.
/// Lossless: the string reads back unchanged.
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    if crate::wire::text::nqschar_words(s.as_bytes()) {
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        return;
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let short: &[u8] = match c {
            '"' => b"\\\"",
            '\\' => b"\\\\",
            '\n' => b"\\n",
            '\r' => b"\\r",
            '\t' => b"\\t",
            '\u{8}' => b"\\b",
            '\u{c}' => b"\\f",
            c if !crate::wire::text::relaxed_char_ok(c) => b"",
            _ => continue,
        };
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        start = i + c.len_utf8();
        if !short.is_empty() {
            out.extend_from_slice(short);
            continue;
        }
        // Every character escaped this way is in the Basic Multilingual Plane.
        let n = u32::from(c);
        out.extend_from_slice(b"\\u");
        for shift in [12, 8, 4, 0] {
            out.push(HEX[((n >> shift) & 0xF) as usize]);
        }
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// RFC 9457 problem details (`application/problem+json`), for resource servers and
/// plain APIs.
///
/// Members: `type` (the type base plus the code, or `about:blank`), `title`, `status`
/// (always equal to the response status, RFC 9457 §3.1.2), `detail` (the
/// `error_description`), then the OAuth members as extensions — `error` and, when set,
/// `error_uri` — then extra members.
///
/// With `about:blank` the `title` is the status's reason phrase (RFC 9457 §4.2.1); with a
/// type base it is the code written as words (`"Insufficient scope"`).
///
/// **Not for OAuth endpoints.** The token, device, PAR, revocation and registration
/// endpoints must answer `application/json` (RFC 6749 §5.2, RFC 7591 §3.2.2, RFC 9126
/// §2.3); use this only where the body is unspecified (protected resources, RFC 6750 §3)
/// or for non-OAuth APIs.
///
/// ```
/// use oauth_errors::{Challenge, Contract, Endpoint, OAuthError, ProblemJson};
/// use std::sync::LazyLock;
///
/// static API: LazyLock<Contract> = LazyLock::new(|| {
///     Contract::builder()
///         .format(ProblemJson::with_type_base("https://docs.example.com/errors#"))
///         .build()
/// });
///
/// let r = API
///     .error(OAuthError::InsufficientScope)
///     .with_description("needs write")
///     .with_challenge(Challenge::bearer().scope("write"))
///     .to_response(Endpoint::Resource);
/// assert_eq!(r.status(), 403);
/// assert_eq!(r.headers()["content-type"], "application/problem+json");
/// assert_eq!(
///     r.body().as_ref(),
///     br#"{"type":"https://docs.example.com/errors#insufficient_scope","title":"Insufficient scope","status":403,"detail":"needs write","error":"insufficient_scope"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProblemJson {
    type_base: Option<String>,
}

impl ProblemJson {
    /// `type` is `about:blank` and `title` the status reason phrase.
    ///
    /// ```
    /// use http::StatusCode;
    /// use oauth_errors::{BodyContext, BodyFormat, Endpoint, OAuthError, ProblemJson};
    ///
    /// let ctx = BodyContext::new(StatusCode::TOO_MANY_REQUESTS, Endpoint::Api, &[]);
    /// let mut out = Vec::new();
    /// ProblemJson::new().write_body(&OAuthError::TooManyRequests.into(), &ctx, &mut out)?;
    /// assert_eq!(
    ///     out,
    ///     br#"{"type":"about:blank","title":"Too Many Requests","status":429,"error":"too_many_requests"}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
    /// ```
    pub const fn new() -> Self {
        ProblemJson { type_base: None }
    }

    /// `type` is `type_base` followed by the code (e.g.
    /// `https://docs.example.com/errors#invalid_token`). `type_base` is written as given,
    /// JSON-escaped.
    ///
    /// ```
    /// use http::StatusCode;
    /// use oauth_errors::{BodyContext, BodyFormat, Endpoint, OAuthError, ProblemJson};
    ///
    /// let format = ProblemJson::with_type_base("https://docs.example.com/errors#");
    /// let ctx = BodyContext::new(StatusCode::UNAUTHORIZED, Endpoint::Resource, &[]);
    /// let mut out = Vec::new();
    /// format.write_body(&OAuthError::InvalidToken.with_description("expired"), &ctx, &mut out)?;
    /// assert_eq!(
    ///     out,
    ///     br#"{"type":"https://docs.example.com/errors#invalid_token","title":"Invalid token","status":401,"detail":"expired","error":"invalid_token"}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
    /// ```
    pub fn with_type_base(type_base: impl Into<String>) -> Self {
        ProblemJson { type_base: Some(type_base.into()) }
    }
}

/// `invalid_token` → `Invalid token`.
pub(crate) fn code_title(code: &str) -> String {
    let mut t: String = code.replace('_', " ");
    if let Some(first) = t.get(..1) {
        let up = first.to_ascii_uppercase();
        t.replace_range(..1, &up);
    }
    t
}

impl BodyFormat for ProblemJson {
    fn content_type(&self) -> HeaderValue {
        APPLICATION_PROBLEM_JSON
    }

    fn write_body(
        &self,
        error: &ErrorResponse,
        ctx: &BodyContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), Box<dyn StdError + Send + Sync>> {
        let code = error.code().as_str();
        out.extend_from_slice(b"{\"type\":");
        match &self.type_base {
            Some(base) => write_str(out, &format!("{base}{code}")),
            None => write_str(out, "about:blank"),
        }
        out.extend_from_slice(b",\"title\":");
        match &self.type_base {
            Some(_) => write_str(out, &code_title(code)),
            None => write_str(out, ctx.status.canonical_reason().unwrap_or("Error")),
        }
        out.extend_from_slice(format!(",\"status\":{}", ctx.status.as_u16()).as_bytes());
        if let Some(d) = error.description() {
            out.extend_from_slice(b",\"detail\":");
            write_text(out, d);
        }
        out.extend_from_slice(b",\"error\":");
        write_str(out, code);
        if let Some(u) = error.uri() {
            out.extend_from_slice(b",\"error_uri\":");
            write_str(out, u.as_str());
        }
        // Members never repeat a key this format writes itself (RFC 9457 §3.1: `status`
        // must equal the response status).
        const OWN: [&str; 7] =
            ["type", "title", "status", "detail", "instance", "error", "error_uri"];
        write_members(out, ctx.members(error).filter(|(n, _)| !OWN.contains(&n.as_str())));
        out.push(b'}');
        Ok(())
    }

    /// The RFC 9457 members (`type`, `title` and `status` as the enums this format writes
    /// for the context's codes and status, `detail`), then `error`, `error_uri`, the
    /// contract's fixed members and any other member.
    ///
    /// ```
    /// use http::StatusCode;
    /// use oauth_errors::{BodyFormat, Endpoint, OAuthError, ProblemJson, SchemaContext};
    ///
    /// let codes = [OAuthError::InvalidToken];
    /// let ctx = SchemaContext::new(StatusCode::UNAUTHORIZED, Endpoint::Resource, &codes, &[]);
    /// let schema = ProblemJson::with_type_base("https://docs.example.com/errors#").json_schema(&ctx).unwrap();
    /// let p = &schema["properties"];
    /// assert_eq!(p["type"]["enum"][0], "https://docs.example.com/errors#invalid_token");
    /// assert_eq!(p["title"]["enum"][0], "Invalid token");
    /// assert_eq!(p["status"]["enum"][0], 401);
    /// ```
    fn json_schema(&self, ctx: &SchemaContext<'_>) -> Option<serde_json::Value> {
        Some(crate::wire::schema::problem_json(self.type_base.as_deref(), ctx))
    }
}
